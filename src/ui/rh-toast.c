/* rh-toast.c — toasts whose close button says what it does
 *
 * libadwaita 1.2 gives a toast's close button (an icon) neither a tooltip
 * nor an accessible label. The overlay's children are watched, and every
 * toast shown gets both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-toast"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-toast.h"
#include "rh-tooltip.h"

static void
label_icon_buttons (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))) &&
      gtk_widget_get_tooltip_text (widget) == NULL)
    {
      rh_tooltip_set (widget, _("Dismiss"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"),
                                      -1);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    label_icon_buttons (c);
}

static void
children_changed_cb (GListModel *children,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) child = g_list_model_get_item (children, i);

      /* The overlay's own child is the window's content: only toasts. */
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "AdwToastWidget") == 0)
        label_icon_buttons (child);
    }
}

/**
 * rh_toast_overlay_label_buttons:
 *
 * From now on, every toast @overlay shows has a labelled close button.
 */
void
rh_toast_overlay_label_buttons (AdwToastOverlay *overlay)
{
  GListModel *children;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  children = gtk_widget_observe_children (GTK_WIDGET (overlay));
  g_signal_connect (children, "items-changed", G_CALLBACK (children_changed_cb), NULL);
  g_object_set_data_full (G_OBJECT (overlay), "rh-toast-children", children, g_object_unref);
}

static void
toast_dismissed_cb (GtkWidget *widget,
                    AdwToast  *toast)
{
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * rh_toast_announce:
 * @toast: a toast just added to @overlay
 *
 * Toasts are not announced by Debian 12's GTK and libadwaita: the toast's
 * text also becomes the accessible description of the widget that has the
 * keyboard (the button just pressed, usually), which screen readers speak
 * when it changes, until the toast goes.
 */
void
rh_toast_announce (AdwToastOverlay *overlay,
                   AdwToast        *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (overlay));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (focus == NULL)
    focus = root != NULL ? GTK_WIDGET (root) : GTK_WIDGET (overlay);
  /* The title is markup. */
  if (!pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (adw_toast_get_title (toast));
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), focus, G_CONNECT_SWAPPED);
}

/**
 * rh_toast_overlay_add_feedback:
 * @title: markup
 *
 * A short word that something the clerk asked for was done (copied,
 * saved): shown at once, in front of any toast already on screen.
 */
void
rh_toast_overlay_add_feedback (AdwToastOverlay *overlay,
                               const char      *title)
{
  AdwToast *toast;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (overlay, toast);
  rh_toast_announce (overlay, toast);
}
