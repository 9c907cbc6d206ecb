/* rh-reminders.c — a desktop notification before a saved deadline
 *
 * When the app starts, every hour while it runs, and when the saved rule
 * changes, the saved payday rule's deadlines (RhToday, as on the start
 * page) are checked; one within `reminder-days` business days (today
 * included) is notified once — the keys already sent are kept in
 * `reminders-sent`, so a restart does not repeat them. Activating the
 * notification opens the calculator on that deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <string.h>

#include "rh-reminders.h"

#define CHECK_SECONDS (60 * 60)

void
rh_reminder_free (RhReminder *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->title);
  g_free (self->body);
  g_free (self);
}

static RhReminder *
reminder_new (const RhToday  *today,
              RhDeadlineKind  kind,
              char           *key)
{
  RhReminder *self = g_new0 (RhReminder, 1);
  const GDate *last = kind == RH_DEADLINE_ZAIKEI ? &today->zaikei_last : &today->nyukin_last;
  guint left = kind == RH_DEADLINE_ZAIKEI ? today->zaikei_days_left : today->nyukin_days_left;
  g_autofree char *date = rh_date_format_human (last);
  g_autofree char *when = rh_today_describe (today, last, TRUE, left);

  self->key = key;
  self->kind = kind;
  self->urgent = rh_today_distance (&today->today, last) == RH_DAY_TODAY;
  /* Translators: a deadline's name, e.g. 財形貯蓄の明細送信 */
  self->title = g_strdup_printf (_("%s: the last day is near"), rh_deadline_kind_get_title (kind));
  /* Translators: the date, then "today", "tomorrow (2 business days left)" … */
  self->body = g_strdup_printf (_("Last day: %s — %s"), date, when);
  return self;
}

/**
 * rh_reminders_collect:
 * @now: the moment to judge from
 *
 * The reminders due now that have not been sent yet (nothing when no
 * payday rule is saved or reminders are off).
 *
 * Returns: (transfer full) (element-type RhReminder): the reminders
 */
GPtrArray *
rh_reminders_collect (GSettings *settings,
                      GDateTime *now)
{
  static const RhDeadlineKind kinds[] = { RH_DEADLINE_ZAIKEI, RH_DEADLINE_NYUKIN };
  GPtrArray *due = g_ptr_array_new_with_free_func ((GDestroyNotify)rh_reminder_free);
  g_autoptr(RhToday) today = NULL;
  g_auto(GStrv) sent = NULL;
  g_autofree char *received_text = NULL;
  int payday_day = g_settings_get_int (settings, "payday-day");
  guint lead = g_settings_get_uint (settings, "reminder-days");
  GDate received;

  if (payday_day < 0 || lead == 0)
    return due;

  received_text = g_settings_get_string (settings, "received-date");
  g_date_clear (&received, 1);
  if (*received_text != '\0' && !rh_date_parse (received_text, NULL, &received, NULL))
    g_date_clear (&received, 1);

  today = rh_today_new (rh_calendar_get_default (), now, payday_day,
                        g_settings_get_enum (settings, "payday-shift"),
                        g_date_valid (&received) ? &received : NULL, NULL, NULL);
  if (today == NULL)
    return due;

  sent = g_settings_get_strv (settings, "reminders-sent");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      char *key = NULL;

      if (!rh_today_is_due (today, kinds[i], lead, &key))
        continue;
      if (g_strv_contains ((const char * const *)sent, key))
        g_free (key);
      else
        g_ptr_array_add (due, reminder_new (today, kinds[i], key));
    }
  return due;
}

/* Keys of deadlines not yet past, and the new ones: the list stays short. */
static void
remember_sent (GSettings  *settings,
               GDateTime  *now,
               GPtrArray  *due)
{
  g_auto(GStrv) sent = g_settings_get_strv (settings, "reminders-sent");
  g_autoptr(GStrvBuilder) keep = g_strv_builder_new ();
  g_auto(GStrv) result = NULL;
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

  for (guint i = 0; sent[i] != NULL; i++)
    {
      const char *colon = strchr (sent[i], ':');

      if (colon != NULL && strcmp (colon + 1, today) >= 0)
        g_strv_builder_add (keep, sent[i]);
    }
  for (guint i = 0; i < due->len; i++)
    g_strv_builder_add (keep, ((RhReminder *)g_ptr_array_index (due, i))->key);

  result = g_strv_builder_end (keep);
  g_settings_set_strv (settings, "reminders-sent", (const char * const *)result);
}

/**
 * rh_reminders_check:
 * @now: (nullable): the moment to judge from, or %NULL for the clock
 *
 * Sends the reminders due now, each once.
 *
 * Returns: how many were sent
 */
guint
rh_reminders_check (GApplication *app,
                    GSettings    *settings,
                    GDateTime    *now)
{
  g_autoptr(GDateTime) clock = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) due = NULL;

  /* Notifications go over the session bus; without one, keep them for
   * a later run rather than mark them sent. */
  if (g_application_get_dbus_connection (app) == NULL)
    {
      g_debug ("no session bus: no reminders sent");
      return 0;
    }

  due = rh_reminders_collect (settings, clock);

  for (guint i = 0; i < due->len; i++)
    {
      RhReminder *reminder = g_ptr_array_index (due, i);
      g_autoptr(GNotification) notification = g_notification_new (reminder->title);

      g_notification_set_body (notification, reminder->body);
      g_notification_set_priority (notification, reminder->urgent ? G_NOTIFICATION_PRIORITY_HIGH
                                                                  : G_NOTIFICATION_PRIORITY_NORMAL);
      g_notification_set_default_action_and_target (notification, "app.open-deadline", "s",
                                                    rh_deadline_kind_to_string (reminder->kind));
      g_application_send_notification (app, reminder->key, notification);
      g_debug ("sent %s", reminder->key);
    }
  remember_sent (settings, clock, due);
  return due->len;
}

/* app.open-deadline("zaikei"): the window's calculator on that page. */
static void
open_deadline_cb (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GApplication *app = user_data;
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s",
                                g_variant_get_string (param, NULL));
}

/* What the periodic check needs; lives until the app shuts down. No object
 * data: its keys would be GQuarks, and the window's process is near the
 * 2048 past which GLib leaks its retired quark array. */
typedef struct
{
  GApplication *app;
  GSettings    *settings;
  guint         timeout_id;
} Checker;

static gboolean
check_timeout_cb (gpointer data)
{
  Checker *checker = data;

  rh_reminders_check (checker->app, checker->settings, NULL);
  return G_SOURCE_CONTINUE;
}

static void
rule_changed_cb (GSettings  *settings,
                 const char *key,
                 gpointer    data)
{
  Checker *checker = data;

  if (g_str_equal (key, "payday-day") || g_str_equal (key, "payday-shift") ||
      g_str_equal (key, "received-date") || g_str_equal (key, "reminder-days"))
    rh_reminders_check (checker->app, settings, NULL);
}

static void
shutdown_cb (GApplication *app,
             gpointer      data)
{
  Checker *checker = data;

  g_clear_handle_id (&checker->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (checker->settings, checker);
  g_signal_handlers_disconnect_by_data (app, checker);
  g_clear_object (&checker->settings);
  g_free (checker);
}

/**
 * rh_reminders_install:
 *
 * Adds app.open-deadline, checks now, then hourly and when the rule
 * changes, for as long as @app runs.
 */
void
rh_reminders_install (GApplication *app,
                      GSettings    *settings)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("open-deadline", G_VARIANT_TYPE_STRING);
  Checker *checker = g_new0 (Checker, 1);

  g_signal_connect_object (action, "activate", G_CALLBACK (open_deadline_cb), app, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (action));

  checker->app = app;   /* it outlives the checker, freed at its shutdown */
  checker->settings = g_object_ref (settings);
  checker->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, CHECK_SECONDS,
                                                    check_timeout_cb, checker, NULL);
  g_signal_connect (settings, "changed", G_CALLBACK (rule_changed_cb), checker);
  g_signal_connect (app, "shutdown", G_CALLBACK (shutdown_cb), checker);
  rh_reminders_check (app, settings, NULL);
}
