/* rh-preferences-window.c
 *
 * The update addresses and whether to check at start-up. An address is
 * saved only when applied and accepted (HTTPS, or http to this computer);
 * a refused one stays in the row, marked, with the reason in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-core.h"
#include "rh-preferences-window.h"

struct _RhPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template children */
  AdwEntryRow          *content_url_row;
  AdwEntryRow          *holidays_url_row;
  GtkSwitch            *startup_switch;
  AdwComboRow          *payday_rule_row;
  GtkWidget            *payday_day_row;
  GtkSpinButton        *payday_day_spin;
  AdwComboRow          *payday_shift_row;
  GtkSpinButton        *reminder_spin;
  gboolean              loading;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (RhPreferencesWindow, rh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
apply_url (RhPreferencesWindow *self,
           AdwEntryRow         *row,
           const char          *key)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*url != '\0' && !rh_content_updater_check_url (url, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      /* Toast titles are Pango markup. */
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  g_settings_set_string (self->settings, key, url);
}

static void
content_url_apply_cb (RhPreferencesWindow *self,
                      AdwEntryRow         *row)
{
  apply_url (self, row, "content-url");
}

static void
holidays_url_apply_cb (RhPreferencesWindow *self,
                       AdwEntryRow         *row)
{
  apply_url (self, row, "holidays-url");
}

/* Payday rule rows: 0 not set, 1 day of the month, 2 month end. */
static void
payday_changed_cb (RhPreferencesWindow *self)
{
  guint rule = adw_combo_row_get_selected (self->payday_rule_row);

  gtk_widget_set_sensitive (self->payday_day_row, rule == 1);
  if (self->loading || self->settings == NULL)
    return;

  g_settings_set_int (self->settings, "payday-day",
                      rule == 0 ? -1 : rule == 2 ? RH_PAYDAY_MONTH_END
                      : gtk_spin_button_get_value_as_int (self->payday_day_spin));
  g_settings_set_enum (self->settings, "payday-shift", (int)adw_combo_row_get_selected (self->payday_shift_row));
}

static void
load_payday (RhPreferencesWindow *self)
{
  int day = g_settings_get_int (self->settings, "payday-day");

  self->loading = TRUE;
  adw_combo_row_set_selected (self->payday_rule_row, day < 0 ? 0 : day == RH_PAYDAY_MONTH_END ? 2 : 1);
  if (day > 0)
    gtk_spin_button_set_value (self->payday_day_spin, day);
  adw_combo_row_set_selected (self->payday_shift_row, g_settings_get_enum (self->settings, "payday-shift"));
  self->loading = FALSE;
  payday_changed_cb (self);
}

static void
rh_preferences_window_dispose (GObject *object)
{
  RhPreferencesWindow *self = (RhPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rh_preferences_window_parent_class)->dispose (object);
}

static void
rh_preferences_window_class_init (RhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rh_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, content_url_row);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, holidays_url_row);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, startup_switch);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, payday_rule_row);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, payday_day_row);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, payday_day_spin);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, payday_shift_row);
  gtk_widget_class_bind_template_child (widget_class, RhPreferencesWindow, reminder_spin);
  gtk_widget_class_bind_template_callback (widget_class, payday_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, content_url_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, holidays_url_apply_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rh_preferences_window_init (RhPreferencesWindow *self)
{
  self->loading = TRUE;   /* until the settings are read */
  gtk_widget_init_template (GTK_WIDGET (self));
}

RhPreferencesWindow *
rh_preferences_window_new (GSettings *settings)
{
  RhPreferencesWindow *self;
  g_autofree char *content_url = NULL;
  g_autofree char *holidays_url = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RH_TYPE_PREFERENCES_WINDOW, NULL);
  self->settings = g_object_ref (settings);

  content_url = g_settings_get_string (settings, "content-url");
  holidays_url = g_settings_get_string (settings, "holidays-url");
  gtk_editable_set_text (GTK_EDITABLE (self->content_url_row), content_url);
  gtk_editable_set_text (GTK_EDITABLE (self->holidays_url_row), holidays_url);
  g_settings_bind (settings, "check-at-startup", self->startup_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "reminder-days", self->reminder_spin, "value", G_SETTINGS_BIND_DEFAULT);
  load_payday (self);

  return self;
}
