/* test-window-update.c — the running window takes a content update
 * without a restart (tree, open entry), and app.update shows the outcome
 * in a toast. Under Xvfb, against a loopback SoupServer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "rh-application.h"
#include "rh-window.h"
#include "rh-test-server.h"
#include "rh-test-ui.h"

static RhApplication *app;
static RhTestServer *server;
static char *data_home;

static GListModel *
tree_model (RhWindow *window)
{
  GtkListView *tree = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "tree_view"));
  return G_LIST_MODEL (gtk_list_view_get_model (tree));
}

/* Expands every category and says whether an entry row with @id exists. */
static gboolean
tree_has_entry (RhWindow   *window,
                const char *id)
{
  GListModel *model = tree_model (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (RH_IS_CATEGORY (item))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else if (RH_IS_ENTRY (item) && g_str_equal (rh_entry_get_id (RH_ENTRY (item)), id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
window_shows (RhWindow   *window,
              const char *text)
{
  g_autofree char *all = rh_test_widget_text (GTK_WIDGET (window));
  return strstr (all, text) != NULL;
}

static void
test_window_update_swaps_catalog (void)
{
  RhWindow *window = rh_test_get_window (app);
  g_autoptr(GBytes) bytes = rh_test_make_faq (RH_TEST_NEW_REVISION, TRUE, NULL);
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  RhCatalog *old = rh_window_get_catalog (window);

  g_assert_false (tree_has_entry (window, RH_TEST_NEW_ENTRY_ID));
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  rh_test_flush ();

  catalog = rh_catalog_new_from_bytes (bytes, "test", &error);
  g_assert_no_error (error);
  g_assert_true (catalog != old);
  rh_application_set_catalog (app, catalog);
  rh_test_flush ();

  /* The window follows; the new entry is in the tree; the open entry
   * stays open, now the new catalog's copy. */
  g_assert_true (rh_window_get_catalog (window) == catalog);
  g_assert_true (tree_has_entry (window, RH_TEST_NEW_ENTRY_ID));
  g_assert_nonnull (rh_window_get_entry (window));
  g_assert_true (rh_window_get_entry (window) == rh_catalog_lookup_entry (catalog, "ib-pc-change"));

  g_assert_true (rh_window_show_entry_id (window, RH_TEST_NEW_ENTRY_ID));
  rh_test_flush ();
  g_assert_true (window_shows (window, RH_TEST_NEW_ENTRY_QUESTION));
}

static void
test_window_update_action (void)
{
  RhWindow *window = rh_test_get_window (app);
  GSettings *settings = rh_application_get_settings (app);
  g_autofree char *url = rh_test_server_url (server, "/newer.json");

  g_settings_set_string (settings, "content-url", url);
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "update", NULL);

  RH_TEST_WAIT_FOR (g_strcmp0 (rh_catalog_get_revision (rh_window_get_catalog (window)), RH_TEST_NEWER_REVISION) == 0);
  rh_test_flush ();
  /* The toast says so, in the user's language. */
  RH_TEST_WAIT_FOR (window_shows (window, RH_TEST_NEWER_REVISION));
  /* and where a screen reader hears it: the focused widget's description */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (focus != NULL ? focus : GTK_WIDGET (window)),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  }
  g_assert_true (tree_has_entry (window, RH_TEST_NEW_ENTRY_ID));
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-pc-change");

  /* Installed for the next start too. */
  {
    g_autofree char *path = g_build_filename (data_home, "rokin-help", "faq.json", NULL);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_window_update_about (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  AdwAboutWindow *about = NULL;
  const char *comments;
  GList *windows;

  /* After the update: the revision in use and when the last check worked. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  rh_test_flush ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      about = l->data;
  g_list_free (windows);

  g_assert_nonnull (about);
  comments = adw_about_window_get_comments (about);
  g_test_message ("%s", comments);
  g_assert_nonnull (strstr (comments, RH_TEST_NEWER_REVISION));
  g_assert_nonnull (strstr (comments, today));
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_window_update_failure (void)
{
  RhWindow *window = rh_test_get_window (app);
  GSettings *settings = rh_application_get_settings (app);
  g_autofree char *url = rh_test_server_url (server, "/500");
  RhCatalog *before = rh_window_get_catalog (window);

  g_settings_set_string (settings, "content-url", url);
  g_action_group_activate_action (G_ACTION_GROUP (app), "update", NULL);

  /* The reason is shown; nothing changed. */
  RH_TEST_WAIT_FOR (window_shows (window, "500 Internal Server Error"));
  g_assert_true (rh_window_get_catalog (window) == before);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "update"));

  /* The toast's Details button shows the whole reason in a dialog. */
  {
    GList *before_windows = gtk_window_list_toplevels ();
    guint n_before = g_list_length (before_windows);
    GtkWindow *dialog = NULL;
    g_autofree char *text = NULL;

    g_list_free (before_windows);
    g_action_group_activate_action (G_ACTION_GROUP (app), "update-details", NULL);
    rh_test_flush ();
    {
      GList *now = gtk_window_list_toplevels ();
      g_assert_cmpuint (g_list_length (now), ==, n_before + 1);
      for (GList *l = now; l; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          dialog = l->data;
      g_list_free (now);
    }
    g_assert_nonnull (dialog);
    text = rh_test_widget_text (GTK_WIDGET (dialog));
    g_assert_nonnull (strstr (text, url));
    g_assert_nonnull (strstr (text, "500 Internal Server Error"));
    gtk_window_destroy (dialog);
  }
}

static void
test_window_update_invalid_shown_literally (void)
{
  RhWindow *window = rh_test_get_window (app);
  GSettings *settings = rh_application_get_settings (app);
  g_autofree char *url = rh_test_server_url (server, "/invalid.json");
  RhCatalog *before = rh_window_get_catalog (window);

  /* The reason contains “<data>” and quotes: shown as text, not markup
   * (a markup error would be a fatal warning here). */
  g_settings_set_string (settings, "content-url", url);
  g_action_group_activate_action (G_ACTION_GROUP (app), "update", NULL);

  RH_TEST_WAIT_FOR (window_shows (window, "invalid.json: "));
  g_assert_true (window_shows (window, "<data>:1:"));
  g_assert_true (rh_window_get_catalog (window) == before);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) newer = NULL;
  int ret;

  /* Before anything asks GLib for it: downloads go to a private place. */
  data_home = g_dir_make_tmp ("rh-window-update-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  newer = rh_test_make_faq (RH_TEST_NEWER_REVISION, TRUE, NULL);
  server = rh_test_server_new ();
  rh_test_server_add (server, "/newer.json", newer);
  {
    g_autoptr(GBytes) invalid = g_bytes_new_static ("{\"schema\": 1, \"entries\": [}", 27);
    rh_test_server_add (server, "/invalid.json", invalid);
  }
  rh_test_server_start (server);

  app = rh_test_start_app ();

  g_test_add_func ("/window-update/swaps-catalog", test_window_update_swaps_catalog);
  g_test_add_func ("/window-update/action", test_window_update_action);
  g_test_add_func ("/window-update/about", test_window_update_about);
  g_test_add_func ("/window-update/failure", test_window_update_failure);
  g_test_add_func ("/window-update/invalid-shown-literally", test_window_update_invalid_shown_literally);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  rh_test_server_free (server);

  {
    g_autofree char *dir = g_build_filename (data_home, "rokin-help", NULL);
    const char *names[] = { "faq.json", "state.ini", NULL };

    for (guint i = 0; names[i]; i++)
      {
        g_autofree char *path = g_build_filename (dir, names[i], NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
    g_rmdir (data_home);
  }

  return ret;
}
