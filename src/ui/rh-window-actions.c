/* rh-window-actions.c — the window's actions and their keyboard shortcuts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-entry-print.h"
#include "rh-window-private.h"

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
history_back_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhEntry *current = rh_entry_view_get_entry (self->entry_view);

  while (self->history_back->len > 0)
    {
      g_autofree char *id = g_ptr_array_steal_index (self->history_back, self->history_back->len - 1);
      RhEntry *entry = self->catalog ? rh_catalog_lookup_entry (self->catalog, id) : NULL;

      if (entry == NULL)
        continue;
      if (current != NULL)
        g_ptr_array_add (self->history_forward, g_strdup (rh_entry_get_id (current)));
      rh_window_show_entry_full (self, entry, FALSE);
      return;
    }
  rh_window_update_history_actions (self);
}

static void
history_forward_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhEntry *current = rh_entry_view_get_entry (self->entry_view);

  while (self->history_forward->len > 0)
    {
      g_autofree char *id = g_ptr_array_steal_index (self->history_forward, self->history_forward->len - 1);
      RhEntry *entry = self->catalog ? rh_catalog_lookup_entry (self->catalog, id) : NULL;

      if (entry == NULL)
        continue;
      if (current != NULL)
        rh_window_history_push (self->history_back, rh_entry_get_id (current));
      rh_window_show_entry_full (self, entry, FALSE);
      return;
    }
  rh_window_update_history_actions (self);
}

static void
show_print_error (GtkWindow    *parent,
                  const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), error ? error->message : NULL);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_print_error (parent, error);
    }

  g_object_unref (parent);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhEntry *entry = rh_entry_view_get_entry (self->entry_view);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return;

  operation = rh_entry_print_operation_new (entry, rh_entry_view_get_role (self->entry_view), self->entry_view);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), g_object_ref (self));
  /* An error found at once (no print dialog could be shown: e.g. the
   * portal is forced and there is none) is said too, not only logged. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    show_print_error (GTK_WINDOW (self), error);
}

static void
copy_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  RhEntry *entry = rh_entry_view_get_entry (self->entry_view);
  g_autofree char *text = NULL;

  if (entry == NULL)
    return;

  text = rh_entry_dup_text (entry, rh_entry_view_get_role (self->entry_view));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  rh_window_add_feedback (self, _("Copied as text"));
}

/* The copy button of a contact card: the number, and a word that it was copied. */
static void
copy_phone_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  const char *phone = g_variant_get_string (param, NULL);
  g_autofree char *escaped = g_markup_escape_text (phone, -1);
  g_autofree char *title = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), phone);
  /* Toast titles are markup. */
  title = g_strdup_printf (_("Copied the phone number %s"), escaped);
  rh_window_add_feedback (self, title);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    rh_window_change_text_scale (self, TEXT_SCALE_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    rh_window_change_text_scale (self, -TEXT_SCALE_STEP);
  else
    rh_window_change_text_scale (self, 0);
}

/* The shortcuts window is built the first time it is asked for, not at
 * start-up (GtkApplication would parse gtk/help-overlay.ui for every
 * window it adds). */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/rh-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

static void
deadline_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RhWindow *self = RH_WINDOW (widget);
  const char *kind = param ? g_variant_get_string (param, NULL) : "";

  if (self->deadline_dialog == NULL)
    {
      self->deadline_dialog = rh_deadline_dialog_new (GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->deadline_dialog), (gpointer *)&self->deadline_dialog);
    }

  if (kind != NULL && *kind != '\0')
    rh_deadline_dialog_set_page (self->deadline_dialog, kind);
  gtk_window_present (GTK_WINDOW (self->deadline_dialog));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  rh_window_show_start (RH_WINDOW (widget));
}

void
rh_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "win.start", NULL);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.history-back", NULL, history_back_action);
  gtk_widget_class_install_action (widget_class, "win.history-forward", NULL, history_forward_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-entry", NULL, copy_entry_action);
  gtk_widget_class_install_action (widget_class, "win.copy-phone", "s", copy_phone_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.deadline", "s", deadline_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.history-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.history-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.history-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "win.history-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-entry", NULL);
  /* The last binding of an action is the one menus show. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "win.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.deadline", "s", "");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
}
