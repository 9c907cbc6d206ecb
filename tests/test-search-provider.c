/* test-search-provider.c — the GNOME Shell search provider, called over a
 * private session bus (GTestDBus) the way the shell calls it, with the bus
 * name and object path read from the installed .ini; in-process under Xvfb
 * so that activation can be checked on the real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-search-provider.h"
#include "rh-window.h"
#include "rh-test-ui.h"

static RhApplication *app;
static GDBusConnection *client;   /* a connection of its own, as the shell's */
static char *bus_name;
static char *object_path;
static GTestDBus *bus;           /* static: kept to the end, see main() */

static void
call_done_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      data)
{
  GVariant **reply = data;
  g_autoptr(GError) error = NULL;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), res, &error);
  g_assert_no_error (error);
}

/* The app answers from this thread's main loop: call asynchronously and
 * iterate until the reply is in. */
static GVariant *
call (const char *method,
      GVariant   *parameters,
      const char *reply_type)
{
  GVariant *reply = NULL;

  g_dbus_connection_call (client, bus_name, object_path, RH_SEARCH_PROVIDER_INTERFACE,
                          method, parameters, G_VARIANT_TYPE (reply_type),
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, call_done_cb, &reply);
  RH_TEST_WAIT_FOR (reply != NULL);
  return reply;
}

static GVariant *
terms_of (const char *query)
{
  g_auto(GStrv) terms = g_strsplit (query, " ", -1);

  return g_variant_new_strv ((const char * const *)terms, -1);
}

static char **
initial_results (const char *query)
{
  g_autoptr(GVariant) reply = call ("GetInitialResultSet",
                                    g_variant_new ("(@as)", terms_of (query)), "(as)");
  char **ids = NULL;

  g_variant_get (reply, "(^as)", &ids);
  return ids;
}

/* What the window's search box would list, best first. */
static char **
core_results (const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RhSearchIndex) index = rh_search_index_new (rh_application_get_catalog (app), &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_assert_no_error (error);
  hits = rh_search_index_search (index, query, RH_SEARCH_PROVIDER_MAX_RESULTS);
  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (builder, rh_entry_get_id (rh_search_hit_get_entry (g_ptr_array_index (hits, i))));
  return g_strv_builder_end (builder);
}

static void
test_initial_result_set (void)
{
  const char *queries[] = { "ざいけい", "パソコン 変えた", "ＰＣ交換", "合言葉わすれた" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(GStrv) ids = initial_results (queries[i]);
      g_auto(GStrv) expected = core_results (queries[i]);

      g_test_message ("%s → %s", queries[i], ids[0] ? ids[0] : "(none)");
      g_assert_cmpuint (g_strv_length (ids), >, 0);
      g_assert_true (g_strv_equal ((const char * const *)ids, (const char * const *)expected));
    }

  {
    g_auto(GStrv) zaikei = initial_results ("ざいけい");
    g_auto(GStrv) pc = initial_results ("パソコン 変えた");

    g_assert_cmpstr (zaikei[0], ==, "chingin-zaikei");
    g_assert_true (g_strv_contains ((const char * const *)pc, "chingin-pc-change"));
    g_assert_true (g_strv_contains ((const char * const *)pc, "ib-pc-change"));
  }
}

static void
test_nothing_found (void)
{
  g_auto(GStrv) ids = initial_results ("じゅうしょへんこう");

  g_assert_cmpuint (g_strv_length (ids), ==, 0);
}

/* What the shell may send before anything is typed: no terms, an empty one. */
static void
test_empty_terms (void)
{
  const char *none[] = { NULL };
  const char *empty[] = { "", NULL };
  const char **cases[] = { none, empty };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) reply = call ("GetInitialResultSet", g_variant_new ("(^as)", cases[i]), "(as)");
      g_auto(GStrv) ids = NULL;

      g_variant_get (reply, "(^as)", &ids);
      g_assert_cmpuint (g_strv_length (ids), ==, 0);
    }
}

static void
test_subsearch_result_set (void)
{
  g_auto(GStrv) previous = initial_results ("ざい");
  g_auto(GStrv) expected = core_results ("ざいけい");
  g_auto(GStrv) ids = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = call ("GetSubsearchResultSet",
                g_variant_new ("(^as@as)", previous, terms_of ("ざいけい")), "(as)");
  g_variant_get (reply, "(^as)", &ids);
  g_assert_cmpstr (ids[0], ==, "chingin-zaikei");
  g_assert_true (g_strv_equal ((const char * const *)ids, (const char * const *)expected));
}

static void
test_result_metas (void)
{
  const char *ids[] = { "chingin-zaikei", "no-such-entry", "ib-pc-change", NULL };
  RhCatalog *catalog = rh_application_get_catalog (app);
  g_autoptr(GVariant) reply = call ("GetResultMetas", g_variant_new ("(^as)", ids), "(aa{sv})");
  g_autoptr(GVariant) metas = g_variant_get_child_value (reply, 0);

  /* The unknown id is left out, the others keep their order. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr(GVariant) icon_data = g_variant_lookup_value (meta, "icon", NULL);
      g_autoptr(GIcon) icon = NULL;
      const char *id = i == 0 ? ids[0] : ids[2];
      RhEntry *entry = rh_catalog_lookup_entry (catalog, id);
      const char *value;

      g_assert_true (g_variant_lookup (meta, "id", "&s", &value));
      g_assert_cmpstr (value, ==, id);
      g_assert_true (g_variant_lookup (meta, "name", "&s", &value));
      g_assert_cmpstr (value, ==, rh_entry_get_question (entry));
      g_assert_true (g_variant_lookup (meta, "description", "&s", &value));
      g_assert_cmpstr (value, ==, rh_entry_get_service_name (entry));
      g_assert_nonnull (icon_data);
      icon = g_icon_deserialize (icon_data);
      g_assert_true (G_IS_THEMED_ICON (icon));
      g_assert_cmpstr (g_themed_icon_get_names (G_THEMED_ICON (icon))[0], ==, APP_ID);
    }

  /* The names are the content's Japanese, whatever the UI language. */
  {
    g_autoptr(GVariant) meta = g_variant_get_child_value (metas, 0);
    const char *name;

    g_assert_true (g_variant_lookup (meta, "name", "&s", &name));
    g_assert_nonnull (strstr (name, "財形"));
  }
}

static RhWindow *
wait_for_window (void)
{
  RH_TEST_WAIT_FOR (RH_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)))));
  return RH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_activate_result (void)
{
  const char *ids[] = { "chingin-zaikei", "ib-pc-change" };

  /* No window until the shell activates a result. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GVariant) reply = call ("ActivateResult",
                                        g_variant_new ("(s@asu)", ids[i], terms_of ("ざいけい"), 0),
                                        "()");
      RhWindow *window = wait_for_window ();
      RhEntry *entry = rh_window_get_entry (window);
      g_autofree char *text = NULL;

      g_assert_nonnull (reply);
      g_assert_nonnull (entry);
      g_assert_cmpstr (rh_entry_get_id (entry), ==, ids[i]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      text = rh_test_widget_text (GTK_WIDGET (window));
      g_assert_nonnull (strstr (text, rh_entry_get_question (entry)));
      g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
    }
}

/* An id the content no longer has (updated since the shell listed it): the
 * window opens with the shell's query in the search box instead. */
static void
test_activate_gone_result (void)
{
  g_autoptr(GVariant) reply = call ("ActivateResult",
                                    g_variant_new ("(s@asu)", "no-such-entry", terms_of ("ざいけい"), 0),
                                    "()");
  RhWindow *window = wait_for_window ();
  GtkWidget *search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "search_entry"));

  g_assert_nonnull (reply);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "ざいけい");
}

static void
test_launch_search (void)
{
  g_autoptr(GVariant) reply = call ("LaunchSearch",
                                    g_variant_new ("(@asu)", terms_of ("パソコン 変えた"), 0), "()");
  RhWindow *window = wait_for_window ();
  GtkWidget *search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "search_entry"));
  GtkStack *sidebar_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "sidebar_stack"));
  g_autofree char *text = NULL;

  g_assert_nonnull (reply);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search_entry)), ==, "パソコン 変えた");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar_stack), ==, "results");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  text = rh_test_widget_text (gtk_stack_get_visible_child (sidebar_stack));
  g_assert_nonnull (strstr (text, rh_entry_get_question (rh_catalog_lookup_entry (rh_application_get_catalog (app),
                                                                                 "chingin-pc-change"))));
}

/* The shell finds the provider through the .ini: read where it points. */
static void
read_provider_ini (void)
{
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                 APP_ID ".search-provider.ini", NULL);
  g_autofree char *desktop_id = NULL;

  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desktop_id, ==, APP_ID ".desktop");
  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    g_error ("no display: this test needs Xvfb");

  read_provider_ini ();

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  /* As D-Bus activation starts it: a unique application, no window yet. */
  app = rh_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_application_get_dbus_object_path (G_APPLICATION (app)) , !=, NULL);
  g_assert_cmpstr (bus_name, ==, g_application_get_application_id (G_APPLICATION (app)));

  client = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                   G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                   G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                   NULL, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/search-provider/initial-result-set", test_initial_result_set);
  g_test_add_func ("/search-provider/nothing-found", test_nothing_found);
  g_test_add_func ("/search-provider/empty-terms", test_empty_terms);
  g_test_add_func ("/search-provider/subsearch-result-set", test_subsearch_result_set);
  g_test_add_func ("/search-provider/result-metas", test_result_metas);
  g_test_add_func ("/search-provider/activate-result", test_activate_result);
  g_test_add_func ("/search-provider/activate-gone-result", test_activate_gone_result);
  g_test_add_func ("/search-provider/launch-search", test_launch_search);

  ret = g_test_run ();

  /* Windows first, so that they save their state while the app is whole. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_clear_object (&client);
  g_clear_object (&app);
  g_free (bus_name);
  g_free (object_path);
  /* Stopped, not brought down nor unreffed: g_test_dbus_down() (also run
   * by its finalize) waits 30 s for the session bus singleton to go, and
   * GTK keeps that for the life of the process. */
  g_test_dbus_stop (bus);

  return ret;
}
