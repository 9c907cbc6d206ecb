/* test-reminders.c — a reminder reaches the desktop's notification server
 * once per deadline, also across restarts of the real app, and activating
 * it opens the calculator
 *
 * Runs under dbus-run-session: this process owns org.freedesktop.Notifications
 * on that private bus (a recording stand-in for the desktop's server), and
 * the app sends through GLib's own GNotification backend to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-reminders.h"
#include "rh-window.h"
#include "rh-test-ui.h"

#define NOTIFY_PATH  "/org/freedesktop/Notifications"
#define NOTIFY_IFACE "org.freedesktop.Notifications"

static const char introspection_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "</interface></node>";

typedef struct
{
  char  *summary;
  char  *body;
  char **actions;
} Shown;

static RhApplication *app;
static GPtrArray *shown;   /* Shown, in the order received */
static gboolean name_owned;

static void
shown_free (Shown *s)
{
  g_free (s->summary);
  g_free (s->body);
  g_strfreev (s->actions);
  g_free (s);
}

static void
method_cb (GDBusConnection       *connection,
           const char            *sender,
           const char            *path,
           const char            *iface,
           const char            *method,
           GVariant              *params,
           GDBusMethodInvocation *invocation,
           gpointer               data)
{
  if (g_str_equal (method, "Notify"))
    {
      Shown *s = g_new0 (Shown, 1);

      g_variant_get (params, "(&su&sss^asa{sv}i)", NULL, NULL, NULL, &s->summary, &s->body, &s->actions, NULL, NULL);
      g_ptr_array_add (shown, s);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", shown->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "rokin-help", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  name_owned = TRUE;
}

static GDateTime *
jst (int y, int mo, int d, int h)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, y, mo, d, h, 0, 0);
}

/* Payday 23 (2026-12-23, Wed): the 財形 last day is 12/17. Two business
 * days ahead (12/16, today included) it is notified, once. */
static void
test_sent_once_and_opens_calculator (void)
{
  GSettings *settings = rh_application_get_settings (app);
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDateTime) early = jst (2026, 12, 15, 10);
  g_autoptr(GDateTime) now = jst (2026, 12, 16, 10);
  g_autoptr(GDateTime) last_day = jst (2026, 12, 17, 9);
  g_auto(GStrv) sent = NULL;
  Shown *s;
  GtkWidget *dialog;

  g_assert_nonnull (bus);
  g_settings_set_uint (settings, "reminder-days", 2);
  g_settings_set_int (settings, "payday-day", 23);
  g_settings_set_strv (settings, "reminders-sent", NULL);

  /* Three business days ahead: too early. */
  g_assert_cmpuint (rh_reminders_check (G_APPLICATION (app), settings, early), ==, 0);

  g_assert_cmpuint (rh_reminders_check (G_APPLICATION (app), settings, now), ==, 1);
  RH_TEST_WAIT_FOR (shown->len == 1);
  s = g_ptr_array_index (shown, 0);
  g_assert_nonnull (strstr (s->summary, "財形貯蓄の明細送信"));
  g_assert_nonnull (strstr (s->body, "2026年12月17日(木)"));
  g_assert_true (g_strv_contains ((const char * const *)s->actions, "default"));

  sent = g_settings_get_strv (settings, "reminders-sent");
  g_assert_cmpstrv (sent, ((const char *[]) { "zaikei:2026-12-17", NULL }));

  /* Once: not again that day, nor on the last day itself. */
  g_assert_cmpuint (rh_reminders_check (G_APPLICATION (app), settings, now), ==, 0);
  g_assert_cmpuint (rh_reminders_check (G_APPLICATION (app), settings, last_day), ==, 0);

  /* The clerk clicks it: the server says "default" was invoked. */
  g_assert_true (g_dbus_connection_emit_signal (bus, NULL, NOTIFY_PATH, NOTIFY_IFACE, "ActionInvoked",
                                                g_variant_new ("(us)", 1, "default"), NULL));
  RH_TEST_WAIT_FOR ((dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG)) != NULL && gtk_widget_get_mapped (dialog));
  g_assert_cmpstr (rh_deadline_dialog_get_page (RH_DEADLINE_DIALOG (dialog)), ==, "zaikei");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Reminders off: nothing more reaches the server. */
  g_settings_set_strv (settings, "reminders-sent", NULL);
  g_settings_set_uint (settings, "reminder-days", 0);
  g_assert_cmpuint (rh_reminders_check (G_APPLICATION (app), settings, now), ==, 0);
  rh_test_flush ();
  g_assert_cmpuint (shown->len, ==, 1);
}

/* A payday day of the month for which, from the clock's today, both the
 * 財形 last day and the まとめ入金 window's (received today) are within
 * @lead business days: the real app judges by the clock. */
static int
payday_with_both_due (GDateTime *now,
                      guint      lead,
                      char     **zaikei_key,
                      char     **nyukin_key)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);
  GDate received;

  g_date_clear (&received, 1);
  g_date_set_dmy (&received, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  for (int day = RH_PAYDAY_MONTH_END; day <= 28; day++)
    {
      g_autoptr(RhToday) today = rh_today_new (rh_calendar_get_default (), now, day, RH_SHIFT_PREVIOUS,
                                               &received, NULL, NULL);

      if (today != NULL && rh_today_is_due (today, RH_DEADLINE_ZAIKEI, lead, zaikei_key) &&
          rh_today_is_due (today, RH_DEADLINE_NYUKIN, lead, nyukin_key))
        return day;
      g_clear_pointer (zaikei_key, g_free);
      g_clear_pointer (nyukin_key, g_free);
    }
  g_error ("no payday day puts both deadlines within %u business days of today", lead);
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         data)
{
  *(gboolean *)data = TRUE;
}

static void
name_vanished_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         data)
{
  *(gboolean *)data = FALSE;
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The saved keys, read from the settings file as a new process would. */
static gboolean
file_has_sent (const char *path,
               const char *key)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree char *value = NULL;

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  value = g_key_file_get_value (file, "io/github/rokinhelp/RokinHelp", "reminders-sent", NULL);
  return value != NULL && strstr (value, key) != NULL;
}

/* Starts the real app (rokin-help, its own process) on the settings in
 * @config, until its startup's reminders have been sent: its bus name is
 * owned, then a call to it returns after startup, and its Notify calls,
 * sent before on the same connection, have reached this process. */
static GSubprocess *
start_app (const char *config,
           gboolean   *running)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *cache = g_build_filename (config, "cache", NULL);
  GSubprocess *proc;

  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "keyfile", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ROKIN_HELP_BIN"), NULL);
  g_assert_no_error (error);
  RH_TEST_WAIT_FOR (*running);
  reply = g_dbus_connection_call_sync (g_application_get_dbus_connection (G_APPLICATION (app)), APP_ID,
                                       RESOURCE_PATH, "org.gtk.Actions", "List", NULL, NULL,
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  g_assert_no_error (error);
  rh_test_flush ();
  return proc;
}

static void
stop_app (GSubprocess *proc,
          gboolean    *running)
{
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, NULL);
  RH_TEST_WAIT_FOR (!*running);
}

/* Across restarts of the real app: a deadline notified once stays
 * notified (reminders-sent, in the settings file); a new one (the まとめ入金
 * window entered between the runs) is sent by the next start. */
static void
test_once_across_restarts (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *zaikei_key = NULL, *nyukin_key = NULL;
  int day = payday_with_both_due (now, 10, &zaikei_key, &nyukin_key);
  g_autofree char *config = g_dir_make_tmp ("rh-reminders-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  g_autoptr(GSettingsBackend) backend = g_keyfile_settings_backend_new (path, "/", NULL);
  g_autoptr(GSettings) saved = g_settings_new_with_backend (APP_ID, backend);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) third = NULL;
  g_autofree char *today_iso = NULL;
  gboolean running = FALSE;
  guint watch, tick;
  guint before = shown->len;

  g_test_message ("payday day %d: %s and %s due", day, zaikei_key, nyukin_key);
  watch = g_bus_watch_name_on_connection (g_application_get_dbus_connection (G_APPLICATION (app)), APP_ID,
                                          G_BUS_NAME_WATCHER_FLAGS_NONE, name_appeared_cb,
                                          name_vanished_cb, &running, NULL);
  tick = g_timeout_add (50, tick_cb, NULL);   /* wakes the loop to re-read the file */

  g_settings_set_int (saved, "payday-day", day);
  g_settings_set_uint (saved, "reminder-days", 10);
  g_settings_sync ();

  /* First start: the 財形 last day, sent and saved. */
  first = start_app (config, &running);
  g_assert_cmpuint (shown->len, ==, before + 1);
  g_assert_nonnull (strstr (((Shown *)g_ptr_array_index (shown, before))->summary,
                            rh_deadline_kind_get_title (RH_DEADLINE_ZAIKEI)));
  RH_TEST_WAIT_FOR (file_has_sent (path, zaikei_key));
  stop_app (first, &running);

  /* Second start, the received day entered meanwhile: only the new one. */
  {
    g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
    g_autoptr(GDateTime) local = g_date_time_to_timezone (now, tz);

    today_iso = g_date_time_format (local, "%Y-%m-%d");
  }
  g_settings_set_string (saved, "received-date", today_iso);
  g_settings_sync ();
  second = start_app (config, &running);
  g_assert_cmpuint (shown->len, ==, before + 2);
  g_assert_nonnull (strstr (((Shown *)g_ptr_array_index (shown, before + 1))->summary,
                            rh_deadline_kind_get_title (RH_DEADLINE_NYUKIN)));
  RH_TEST_WAIT_FOR (file_has_sent (path, nyukin_key));
  stop_app (second, &running);

  /* Third start: both already sent, nothing. */
  third = start_app (config, &running);
  g_assert_cmpuint (shown->len, ==, before + 2);
  stop_app (third, &running);

  g_source_remove (tick);
  g_bus_unwatch_name (watch);
  g_assert_true (file_has_sent (path, zaikei_key));
  g_assert_true (file_has_sent (path, nyukin_key));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  static const GDBusInterfaceVTable vtable = { method_cb, NULL, NULL, { 0 } };

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  /* The test needs its own session bus (meson runs it in dbus-run-session). */
  if (!(bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error)))
    g_error ("no session bus (run under dbus-run-session): %s", error->message);

  shown = g_ptr_array_new_with_free_func ((GDestroyNotify)shown_free);
  info = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, NOTIFY_PATH, info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  g_bus_own_name_on_connection (bus, NOTIFY_IFACE, G_BUS_NAME_OWNER_FLAGS_NONE,
                                name_acquired_cb, NULL, NULL, NULL);
  RH_TEST_WAIT_FOR (name_owned);

  app = rh_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/reminders/sent-once-and-opens-calculator", test_sent_once_and_opens_calculator);
  g_test_add_func ("/reminders/once-across-restarts", test_once_across_restarts);

  return g_test_run ();
}
