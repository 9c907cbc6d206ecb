/* test-window.c — the main window, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-window.h"
#include "rh-test-ui.h"

static RhApplication *app;

static gboolean
japanese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "ja") == 0;
}

static RhWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (RH_IS_WINDOW (window));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return RH_WINDOW (window);
}

static guint
find_row (GListModel *model,
          gboolean  (*match) (gpointer item, gpointer data),
          gpointer    data)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (match (item, data))
        return i;
    }

  return G_MAXUINT;
}

static gboolean
match_category (gpointer item, gpointer data)
{
  return RH_IS_CATEGORY (item) && g_str_equal (rh_category_get_id (item), data);
}

static gboolean
match_entry (gpointer item, gpointer data)
{
  return RH_IS_ENTRY (item) && g_str_equal (rh_entry_get_id (item), data);
}

static void
test_window_tree_selects_entry (void)
{
  RhWindow *window = get_window ();
  GtkListView *tree = GTK_LIST_VIEW (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "tree_view"));
  GtkSelectionModel *selection = gtk_list_view_get_model (tree);
  GtkWidget *entry_view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");
  g_autoptr(GtkTreeListRow) category_row = NULL;
  g_autofree char *text = NULL;
  guint pos;

  /* The roots are the categories; expand インターネットバンキング(IB). */
  g_test_message ("rows: %u", g_list_model_get_n_items (G_LIST_MODEL (selection)));
  pos = find_row (G_LIST_MODEL (selection), match_category, (gpointer)"ib");
  g_assert_cmpuint (pos, !=, G_MAXUINT);

  /* Activating a category row (Enter) expands it. */
  gtk_widget_activate_action (GTK_WIDGET (tree), "list.activate-item", "u", pos);
  category_row = g_list_model_get_item (G_LIST_MODEL (selection), pos);
  g_assert_true (gtk_tree_list_row_get_expanded (category_row));

  pos = find_row (G_LIST_MODEL (selection), match_entry, (gpointer)"ib-pc-change");
  g_assert_cmpuint (pos, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, pos, TRUE);
  rh_test_flush ();

  g_assert_nonnull (rh_window_get_entry (window));
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-pc-change");

  text = rh_test_widget_text (entry_view);
  g_assert_nonnull (strstr (text, "ろうきんインターネットバンキング(団体向け)を利用しているパソコンを変更した。"));
  g_assert_nonnull (strstr (text, "① 変更前のパソコンで電子証明書を失効"));
  g_assert_nonnull (strstr (text, "① マスターユーザ側で電子証明書を失効"));
  g_assert_nonnull (strstr (text, "※「電子証明書の失効」をチェックしてください。"));
}

static void
test_window_every_entry_renders (void)
{
  RhWindow *window = get_window ();
  RhCatalog *catalog = rh_window_get_catalog (window);
  GListModel *entries = rh_catalog_get_entries (catalog);
  GtkWidget *entry_view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *text = NULL;

      g_assert_true (rh_window_show_entry_id (window, rh_entry_get_id (entry)));
      rh_test_flush ();
      text = rh_test_widget_text (entry_view);
      g_assert_nonnull (strstr (text, rh_entry_get_question (entry)));

      /* Every block's text is on screen (role filter: all). */
      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          if (block->text != NULL && block->type != RH_BLOCK_CONTACT)
            g_assert_nonnull (strstr (text, block->text));
          for (guint k = 0; block->items && block->items[k]; k++)
            g_assert_nonnull (strstr (text, block->items[k]));
          if (block->type == RH_BLOCK_CONTACT && rh_contact_get_phone (block->contact))
            g_assert_nonnull (strstr (text, rh_contact_get_phone (block->contact)));
        }
    }
}

static void
test_window_translated (void)
{
  RhWindow *window = get_window ();
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  if (japanese ())
    g_assert_cmpstr (title, ==, "ろうきん団体ヘルプ");
  else
    g_assert_cmpstr (title, ==, "Rokin Help");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  app = rh_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  rh_test_register_app (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/window/tree-selects-entry", test_window_tree_selects_entry);
  g_test_add_func ("/window/every-entry-renders", test_window_every_entry_renders);
  g_test_add_func ("/window/translated", test_window_translated);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
