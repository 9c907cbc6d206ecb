/* bench-search-provider.c — how fast the search provider answers the shell
 * (run by hand, under a display: xvfb-run -a _build/bench/bench-search-provider
 * [--rounds=N] [path to rokin-help])
 *
 * Starts the real binary as D-Bus activation does (--gapplication-service)
 * on a private session bus and times each SearchProvider2 call from another
 * process, round trip through the bus daemon, the way gnome-shell calls it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>

#define BUS_NAME "io.github.rokinhelp.RokinHelp"
#define OBJECT_PATH "/io/github/rokinhelp/RokinHelp/SearchProvider"
#define INTERFACE "org.gnome.Shell.SearchProvider2"

/* What clerks type into the overview, as the shell splits it (on spaces). */
static const char *queries[] = {
  "ざいけい", "パソコン 変えた", "ＰＣ交換", "合言葉わすれた", "token koukan",
  "電子証明書", "まとめ入金", "担当者 変更", "ワンタイムパスワード", "じゅうしょへんこう",
};

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static GVariant *
timed_call (GDBusConnection *bus,
            const char      *method,
            GVariant        *parameters,
            GArray          *times_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  GVariant *reply = g_dbus_connection_call_sync (bus, BUS_NAME, OBJECT_PATH, INTERFACE, method,
                                                 parameters, NULL, G_DBUS_CALL_FLAGS_NONE,
                                                 5000, NULL, &error);
  double ms = (g_get_monotonic_time () - start) / 1e3;

  if (reply == NULL)
    g_error ("%s: %s", method, error->message);
  if (times_ms != NULL)
    g_array_append_val (times_ms, ms);
  return reply;
}

static void
report (const char *what,
        GArray     *times_ms)
{
  g_array_sort (times_ms, compare_double);
  g_print ("%-22s %6u %9.3f %9.3f %9.3f\n", what, times_ms->len,
           g_array_index (times_ms, double, times_ms->len / 2),
           g_array_index (times_ms, double, (guint)(times_ms->len * 0.99)),
           g_array_index (times_ms, double, times_ms->len - 1));
}

static GVariant *
terms_of (const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);
  return g_variant_new_strv ((const char * const *)terms, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[ROKIN-HELP]");
  g_autoptr(GTestDBus) test_bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GVariant) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) initial = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) subsearch = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) metas = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  const char *binary;
  int rounds = 100;
  GOptionEntry entries[] = {
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Times each query is asked (default 100)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || rounds < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--rounds must be at least 1");
      return 2;
    }
  binary = argc > 1 ? argv[1] : BUILD_ROKIN_HELP;

  /* Settings in memory, no portal, no GL: the app as the tests run it. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  /* g_test_dbus_up() unsets DISPLAY; the app needs it to start GTK. */
  display = g_strdup (g_getenv ("DISPLAY"));
  g_test_dbus_up (test_bus);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, binary, "--gapplication-service", NULL);
  if (app == NULL)
    g_error ("%s: %s", binary, error->message);

  bus = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (test_bus),
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  if (bus == NULL)
    g_error ("bus: %s", error->message);

  /* Wait for the name, then the first query: it loads the thesaurus and
   * builds the index (the cost of the first keystroke after activation). */
  for (int i = 0; i < 500; i++)
    {
      g_autoptr(GVariant) owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", BUS_NAME), G_VARIANT_TYPE ("(b)"),
                                                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      gboolean has = FALSE;

      if (owner != NULL)
        g_variant_get (owner, "(b)", &has);
      if (has)
        break;
      g_usleep (10000);
    }
  first = timed_call (bus, "GetInitialResultSet", g_variant_new ("(@as)", terms_of (queries[0])), first_ms);

  for (int r = 0; r < rounds; r++)
    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GVariant) ids = timed_call (bus, "GetInitialResultSet",
                                              g_variant_new ("(@as)", terms_of (queries[q])), initial);
        g_autoptr(GVariant) ids_value = g_variant_get_child_value (ids, 0);
        g_autoptr(GVariant) again = timed_call (bus, "GetSubsearchResultSet",
                                                g_variant_new ("(@as@as)", g_variant_ref (ids_value),
                                                               terms_of (queries[q])), subsearch);
        g_autoptr(GVariant) meta = timed_call (bus, "GetResultMetas",
                                               g_variant_new ("(@as)", g_variant_ref (ids_value)), metas);

        if (again == NULL || meta == NULL)
          return EXIT_FAILURE;
      }

  g_print ("%s, %d rounds of %u queries, ms per call (round trip over a private bus)\n",
           binary, rounds, (guint)G_N_ELEMENTS (queries));
  g_print ("%-22s %6s %9s %9s %9s\n", "method", "calls", "median", "p99", "max");
  report ("first query (cold)", first_ms);
  report ("GetInitialResultSet", initial);
  report ("GetSubsearchResultSet", subsearch);
  report ("GetResultMetas", metas);

  g_subprocess_send_signal (app, SIGTERM);
  g_subprocess_wait (app, NULL, NULL);
  g_clear_object (&bus);
  /* As in the tests: stop, not down (which waits for the bus singleton). */
  g_test_dbus_stop (test_bus);
  g_steal_pointer (&test_bus);
  return EXIT_SUCCESS;
}
