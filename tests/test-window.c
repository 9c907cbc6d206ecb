/* test-window.c — the main window, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-entry-print.h"
#include "rh-window.h"
#include "rh-test-ui.h"

#include <glib/gstdio.h>

static RhApplication *app;

static gboolean
japanese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "ja") == 0;
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
  RhWindow *window = rh_test_get_window (app);
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
  RhWindow *window = rh_test_get_window (app);
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

static GtkWidget *
child (RhWindow   *window,
       const char *name)
{
  return (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, name);
}

static gboolean
is_visible_check_button (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_visible (widget);
}

static GtkWidget *
first_check_button (GtkWidget *widget)
{
  return rh_test_find (widget, is_visible_check_button, NULL);
}

static GSettings *
settings (void)
{
  return rh_application_get_settings (app);
}

static GtkWindow *
find_toplevel (GType type)
{
  GList *tops = gtk_window_list_toplevels ();
  GtkWindow *found = NULL;

  for (GList *l = tops; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (tops);

  return found;
}

static gboolean
has_css_class (GtkWidget  *widget,
               const char *css_class)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (gtk_widget_has_css_class (widget, css_class))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_css_class (c, css_class))
      return TRUE;
  return FALSE;
}

static const char *
sidebar_page (RhWindow *window)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (window, "sidebar_stack")));
}

/* Sends @keyval to the window's search-keys controller (capture phase),
 * as a key press reaching the window would; returns whether it was handled. */
static gboolean
search_key (RhWindow *window,
            guint     keyval)
{
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c) && g_object_get_data (G_OBJECT (c), "rh-search-keys"))
        keys = c;
    }
  g_object_unref (controllers);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);

  return handled;
}

static void
type_query (RhWindow   *window,
            const char *query)
{
  GtkWidget *entry = child (window, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  /* search-changed comes on the next main-loop turn */
  RH_TEST_WAIT_FOR (g_strcmp0 (sidebar_page (window), "tree") != 0);
}

/* Browsing the tree with the keyboard: an entry row selected shows the
 * entry and the keyboard stays in the tree (the leaflet would move it to
 * the content pane's header); Enter on it goes into the entry. */
static void
test_window_tree_keyboard (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *tree = child (window, "tree_view");
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (tree));
  AdwLeaflet *leaflet = ADW_LEAFLET (child (window, "leaflet"));
  GtkWidget *focus;
  guint pos;

  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
  g_assert_false (adw_leaflet_get_folded (leaflet));
  /* As at start-up: the list is the leaflet's visible pane. */
  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (child (window, "search_entry"));
  g_assert_true (search_key (window, GDK_KEY_Down));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), tree));

  pos = find_row (G_LIST_MODEL (selection), match_category, (gpointer)"ib");
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (selection), pos);
    gtk_tree_list_row_set_expanded (row, TRUE);
  }
  pos = find_row (G_LIST_MODEL (selection), match_entry, (gpointer)"ib-token-change");
  g_assert_cmpuint (pos, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, pos, TRUE);
  rh_test_flush ();
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-token-change");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_test_message ("focus after selecting: %s", G_OBJECT_TYPE_NAME (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, tree));

  gtk_widget_activate_action (tree, "list.activate-item", "u", pos);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, child (window, "entry_view")));

  /* The questions wrap at the sidebar's edge: every entry row of a level
   * is as wide as the others (not each as narrow as its line count allows). */
  gtk_test_widget_wait_for_draw (tree);
  rh_test_flush ();
  {
    int width = -1;
    guint n = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (tree); row; row = gtk_widget_get_next_sibling (row))
      {
        GtkWidget *expander = gtk_widget_get_first_child (row);
        GtkWidget *label;

        if (!GTK_IS_TREE_EXPANDER (expander) || !gtk_widget_get_mapped (row))
          continue;
        label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
        if (!gtk_widget_has_css_class (label, "rh-tree-entry"))
          continue;
        if (width < 0)
          width = gtk_widget_get_width (label);
        g_assert_cmpint (gtk_widget_get_width (label), ==, width);
        n++;
      }
    g_assert_cmpuint (n, >=, 3);
  }
}

static void
test_window_search_enter (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *results = child (window, "results_view");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (results)));
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(RhSearchIndex) index = rh_search_index_new (rh_window_get_catalog (window), NULL);
  RhEntry *top;

  g_assert_true (rh_window_show_entry_id (window, "chingin-tools"));
  type_query (window, "ぱそこん");
  g_assert_cmpstr (sidebar_page (window), ==, "results");

  /* The list shows the index's ranking, best first. */
  expected = rh_search_index_search (index, "ぱそこん", 50);
  g_assert_cmpuint (expected->len, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
  top = rh_search_hit_get_entry (g_ptr_array_index (expected, 0));
  g_assert_true (g_str_has_suffix (rh_entry_get_id (top), "pc-change"));

  gtk_test_widget_wait_for_draw (results);
  rh_test_flush ();
  shown = rh_test_widget_text (results);
  g_test_message ("%s", shown);
  g_assert_true (g_str_has_prefix (shown, rh_entry_get_question (top)));

  /* The row that takes the focus is named by its question (and described
   * by its service) for screen readers. */
  {
    GtkWidget *row = gtk_widget_get_first_child (results);

    while (row != NULL && gtk_widget_get_first_child (row) == NULL)
      row = gtk_widget_get_next_sibling (row);
    g_assert_nonnull (row);
    g_assert_true (gtk_widget_get_focusable (row));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         rh_entry_get_question (top));
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         rh_entry_get_service_name (top));
  }

  /* The matched word is highlighted with attributes, not markup. */
  {
    GtkWidget *label = results;
    PangoAttrList *attrs;

    while (label != NULL && !GTK_IS_LABEL (label))
      label = gtk_widget_get_first_child (label);
    g_assert_nonnull (label);
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
    attrs = gtk_label_get_attributes (GTK_LABEL (label));
    g_assert_nonnull (attrs);
    {
      GSList *list = pango_attr_list_get_attributes (attrs);
      g_assert_nonnull (list);
      g_slist_free_full (list, (GDestroyNotify)pango_attribute_destroy);
    }
  }

  /* Enter opens the first, and the keyboard goes on to its first step;
   * the query is left as typed (not selected). */
  adw_leaflet_navigate (ADW_LEAFLET (child (window, "leaflet")), ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (child (window, "search_entry"));
  gtk_editable_set_position (GTK_EDITABLE (child (window, "search_entry")), -1);
  g_signal_emit_by_name (child (window, "search_entry"), "activate");
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (child (window, "search_entry")), NULL, NULL));
  g_assert_true (rh_window_get_entry (window) == top);
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, child (window, "entry_view")));
    g_assert_true (GTK_IS_CHECK_BUTTON (focus));
  }

  /* ↓ moves the focus into the results. */
  gtk_widget_grab_focus (child (window, "search_entry"));
  {
    GtkEventController *keys = NULL;
    gboolean handled = FALSE;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
        if (GTK_IS_EVENT_CONTROLLER_KEY (c) && g_object_get_data (G_OBJECT (c), "rh-search-keys"))
          keys = c;
      }
    g_object_unref (controllers);
    g_assert_nonnull (keys);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    g_assert_true (handled);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), results));

    /* Escape from the results clears the search and goes back to the box. */
    handled = FALSE;
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    g_assert_true (handled);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "search_entry"))), ==, "");
    g_assert_cmpstr (sidebar_page (window), ==, "tree");
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), child (window, "search_entry")));
    type_query (window, "ぱそこん");
  }

  /* Escape clears the query and brings the tree back. */
  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (window, "search_entry"))), ==, "");
  g_assert_cmpstr (sidebar_page (window), ==, "tree");
}

static void
changed_cb (GtkSearchEntry *entry,
            gboolean       *flag)
{
  *flag = TRUE;
}

/* Enter right after typing, before the delayed search-changed: the late
 * signal leaves the opened entry and the keyboard where they are. */
static void
test_window_search_enter_before_changed (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *entry = child (window, "search_entry");
  gboolean changed = FALSE;
  gulong id;
  RhEntry *opened;
  GtkWidget *focus;

  g_signal_emit_by_name (entry, "stop-search");
  id = g_signal_connect (entry, "search-changed", G_CALLBACK (changed_cb), &changed);
  gtk_editable_set_text (GTK_EDITABLE (entry), "電子証明書");
  g_signal_emit_by_name (entry, "activate");
  g_assert_false (changed);
  opened = rh_window_get_entry (window);
  g_assert_nonnull (opened);
  focus = gtk_root_get_focus (GTK_ROOT (window));

  RH_TEST_WAIT_FOR (changed);
  g_signal_handler_disconnect (entry, id);
  g_assert_true (rh_window_get_entry (window) == opened);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == focus);
  g_assert_cmpstr (sidebar_page (window), ==, "results");

  g_signal_emit_by_name (entry, "stop-search");
}

static void
test_window_search_no_results (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkListBox *suggestions = GTK_LIST_BOX (child (window, "suggestions_box"));
  GtkListBoxRow *row;
  g_autofree char *text = NULL;
  RhEntry *helpdesk;

  /* letters no entry has and a fragment of a word (xyz証明 finds the
   * entries with 証明書 now: a word of an entry always counts) */
  type_query (window, "xyzソコ");
  g_assert_cmpstr (sidebar_page (window), ==, "no-results");
  text = rh_test_widget_text (gtk_stack_get_visible_child (GTK_STACK (child (window, "sidebar_stack"))));
  if (japanese ())
    g_assert_nonnull (strstr (text, "見つかりませんでした"));
  else
    g_assert_nonnull (strstr (text, "No Results Found"));

  /* ↓ from the box moves to the first closest entry; Escape comes back. */
  gtk_widget_grab_focus (child (window, "search_entry"));
  g_assert_true (search_key (window, GDK_KEY_Down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 GTK_WIDGET (gtk_list_box_get_row_at_index (suggestions, 0)));

  /* The closest entries are offered, and open. */
  row = gtk_list_box_get_row_at_index (suggestions, 0);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  g_signal_emit_by_name (suggestions, "row-activated", row);
  g_assert_nonnull (rh_window_get_entry (window));
  g_assert_nonnull (strstr (rh_entry_get_question (rh_window_get_entry (window)), "パソコン"));

  /* So is the helpdesk. */
  g_signal_emit_by_name (child (window, "helpdesk_button"), "clicked");
  helpdesk = rh_window_get_entry (window);
  g_test_message ("helpdesk entry: %s", rh_entry_get_id (helpdesk));
  g_assert_nonnull (helpdesk);
  {
    g_autofree char *body = rh_test_widget_text (child (window, "entry_view"));
    g_assert_nonnull (strstr (body, "0120-609-575"));
  }

  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
  g_assert_cmpstr (sidebar_page (window), ==, "tree");

  /* With nothing close either, the page does not announce closest entries
   * over an empty list. */
  g_clear_pointer (&text, g_free);
  type_query (window, "xqzv");
  g_assert_cmpstr (sidebar_page (window), ==, "no-results");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (suggestions)));
  text = rh_test_widget_text (gtk_stack_get_visible_child (GTK_STACK (child (window, "sidebar_stack"))));
  g_test_message ("%s", text);
  g_assert_null (strstr (text, japanese () ? "近い項目" : "closest"));
  g_assert_nonnull (strstr (text, japanese () ? "ほかの言葉でお試しください。" : "Try other words."));
  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
}

/* The unanswered entry says so, and whom to ask, as a sentence. */
static void
test_window_unanswered (void)
{
  RhWindow *window = rh_test_get_window (app);
  g_autofree char *text = NULL;

  g_assert_true (rh_window_show_entry_id (window, "chingin-person-change"));
  text = rh_test_widget_text (child (window, "entry_view"));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, japanese () ? "元のページに回答がありません" : "No answer in the source"));
  g_assert_nonnull (strstr (text, japanese () ? "問い合わせ先: お取引店" : "Contact: お取引店"));
}

static void
test_window_helpdesk_status (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhEntryView *view = RH_ENTRY_VIEW (child (window, "entry_view"));
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) monday = g_date_time_new (tokyo, 2026, 12, 21, 10, 0, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new (tokyo, 2026, 12, 19, 10, 0, 0);
  GtkWidget *status;
  const char *text;

  g_assert_true (rh_window_show_entry_id (window, "ib-helpdesk"));
  status = rh_test_find_named (GTK_WIDGET (view), "helpdesk-status");
  g_assert_nonnull (status);

  rh_entry_view_set_now (view, monday);
  text = gtk_label_get_text (GTK_LABEL (status));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, japanese () ? "受付中" : "Open now"));
  g_assert_nonnull (strstr (text, "18:00"));
  g_assert_true (gtk_widget_has_css_class (status, "open"));

  rh_entry_view_set_now (view, saturday);
  text = gtk_label_get_text (GTK_LABEL (status));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, japanese () ? "受付時間外" : "Closed now"));
  g_assert_nonnull (strstr (text, "2026年12月21日(月)"));
  /* 9:00 without a leading zero or a figure space */
  g_assert_true (strstr (text, " 9:00") != NULL || strstr (text, "9:00") != NULL);
  g_assert_null (strstr (text, "\u2007"));
  g_assert_null (strstr (text, "09:00"));
  g_assert_true (gtk_widget_has_css_class (status, "closed"));

  rh_entry_view_set_now (view, NULL);
}

/* Laid out as GTK's tooltip label would, in a width of three characters:
 * still one line. */
static void
check_tooltip_one_line (GtkWidget *widget)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, NULL);

  g_assert_nonnull (markup);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, 3 * 12 * PANGO_SCALE);
  if (pango_layout_get_line_count (layout) != 1)
    g_error ("the tooltip “%s” breaks into %d lines", gtk_widget_get_tooltip_text (widget),
             pango_layout_get_line_count (layout));
  g_object_unref (layout);
}

static void
check_icon_buttons (GtkWidget *widget,
                    guint     *n_checked)
{
  /* GTK's own minimize/maximize/close buttons */
  if (GTK_IS_WINDOW_CONTROLS (widget))
    return;

  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget))
    {
      GtkWidget *content = GTK_IS_BUTTON (widget) ? gtk_button_get_child (GTK_BUTTON (widget)) : NULL;
      gboolean icon_only = GTK_IS_IMAGE (content) ||
                           (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL);

      if (icon_only && gtk_widget_get_visible (widget))
        {
          if (gtk_widget_get_tooltip_text (widget) == NULL)
            g_error ("icon-only %s (%s, in %s) without a tooltip", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_css_name (widget), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
          check_tooltip_one_line (widget);
          if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("icon-only %s “%s” without an accessible label", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_tooltip_text (widget));
          (*n_checked)++;
        }
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_icon_buttons (c, n_checked);
}

/* Every icon-only button says what it does, to the eye and to a screen
 * reader; its tooltip does not break a Japanese word (GTK's tooltip label
 * wraps short Japanese text between any two characters: 「メインメ/ニュー」). */
static void
test_window_icon_buttons_have_tooltips (void)
{
  RhWindow *window = rh_test_get_window (app);
  guint n = 0;

  g_assert_true (rh_window_show_entry_id (window, "ib-helpdesk"));
  check_icon_buttons (GTK_WIDGET (window), &n);
  /* menu, history ×2, print, calculator, copy phone at least */
  g_assert_cmpuint (n, >=, 6);
}

/* The form card says which form and where to get it when the content does
 * (an organisation's update), and plainly from whom when it does not. */
static void
test_window_form_source (void)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RH_CATALOG_RESOURCE, 0, NULL);
  g_autofree char *named = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = rh_entry_view_new ();
  g_autofree char *absent = NULL;
  g_autofree char *present = NULL;
  const char *from = japanese () ? "この書類はお取引店から入手してください。" : "Get this form from お取引店.";

  g_object_ref_sink (view);
  catalog = rh_catalog_new_builtin (&error);
  g_assert_no_error (error);
  rh_entry_view_set_entry (RH_ENTRY_VIEW (view), rh_catalog_lookup_entry (catalog, "ib-pc-change"), NULL);
  absent = rh_test_widget_text (view);
  g_assert_nonnull (strstr (absent, from));
  g_clear_object (&catalog);

  /* The same content, its first form given a name and an address. */
  {
    GString *text = g_string_new_len (g_bytes_get_data (builtin, NULL), g_bytes_get_size (builtin));

    g_assert_cmpuint (g_string_replace (text, "\"type\": \"form\",",
                                        "\"type\": \"form\", \"name\": \"電子証明書失効届\", "
                                        "\"url\": \"https://intranet.example/rokin/form.pdf\",", 0), >, 0);
    named = g_string_free (text, FALSE);
  }
  bytes = g_bytes_new (named, strlen (named));
  catalog = rh_catalog_new_from_bytes (bytes, "named.json", &error);
  g_assert_no_error (error);
  rh_entry_view_set_entry (RH_ENTRY_VIEW (view), rh_catalog_lookup_entry (catalog, "ib-pc-change"), NULL);
  present = rh_test_widget_text (view);
  g_test_message ("%s", present);
  g_assert_nonnull (strstr (present, japanese () ? "書類名: 電子証明書失効届" : "Form name: 電子証明書失効届"));
  g_assert_nonnull (strstr (present, "https://intranet.example/rokin/form.pdf"));
  g_assert_null (strstr (present, from));
  g_object_unref (view);
}

static void
test_window_role_filter (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *entry_view = child (window, "entry_view");
  g_autofree char *all = NULL;
  g_autofree char *general = NULL;
  g_autofree char *master = NULL;

  g_settings_set_string (settings (), "role", "all");
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  rh_test_flush ();
  all = rh_test_widget_text (entry_view);
  g_assert_nonnull (strstr (all, "① 変更前のパソコンで電子証明書を失効"));
  g_assert_nonnull (strstr (all, "① マスターユーザ側で電子証明書を失効"));
  g_assert_false (has_css_class (entry_view, "rh-hidden-note"));

  /* Through the header bar's action, as the menu does. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "role", g_variant_new_string ("general"));
  rh_test_flush ();
  {
    g_autofree char *role = g_settings_get_string (settings (), "role");
    g_assert_cmpstr (role, ==, "general");
  }
  general = rh_test_widget_text (entry_view);
  g_assert_null (strstr (general, "① 変更前のパソコンで電子証明書を失効"));
  g_assert_nonnull (strstr (general, "① マスターユーザ側で電子証明書を失効"));
  /* The note saying steps are hidden is visible. */
  if (japanese ())
    g_assert_nonnull (strstr (general, "マスターユーザ"));
  g_assert_true (has_css_class (entry_view, "rh-hidden-note"));
  /* The role button's focusable part says what it is for, not just the
   * role shown. */
  {
    GtkWidget *toggle = child (window, "role_button");

    while (toggle != NULL && !GTK_IS_TOGGLE_BUTTON (toggle))
      toggle = gtk_widget_get_first_child (toggle);
    g_assert_nonnull (toggle);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         japanese () ? "表示する手順: 一般ユーザ" : "Show Steps For: General User");
  }

  g_settings_set_string (settings (), "role", "master");
  rh_test_flush ();
  master = rh_test_widget_text (entry_view);
  g_assert_nonnull (strstr (master, "① 変更前のパソコンで電子証明書を失効"));
  g_assert_null (strstr (master, "① マスターユーザ側で電子証明書を失効"));
  g_assert_true (has_css_class (entry_view, "rh-hidden-note"));

  /* Ctrl+1/2/3 choose the role. */
  {
    g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control>3");
    g_assert_nonnull (actions);
    g_assert_true (g_strv_contains ((const char * const *)actions, "win.role::general"));
  }

  g_settings_set_string (settings (), "role", "all");
}

/* Ticked steps stay ticked when the role filter changes and when the clerk
 * comes back to the entry. */
static void
test_window_ticks_kept (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *view = child (window, "entry_view");
  GtkWidget *check;

  g_settings_set_string (settings (), "role", "all");
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  check = first_check_button (view);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* マスターユーザ: the view is rebuilt; the master's first step is still ticked. */
  g_settings_set_string (settings (), "role", "master");
  check = first_check_button (view);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Another entry and back. */
  g_assert_true (rh_window_show_entry_id (window, "ib-token-change"));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (first_check_button (view))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-back", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-pc-change");
  check = first_check_button (view);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));

  /* Unticking is kept too. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_settings_set_string (settings (), "role", "all");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (first_check_button (view))));
}

static void
test_window_history (void)
{
  RhWindow *window = rh_test_get_window (app);

  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  g_assert_true (rh_window_show_entry_id (window, "ib-auth-forgot"));
  g_assert_true (rh_window_show_entry_id (window, "chingin-zaikei"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-back", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-auth-forgot");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-back", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-pc-change");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-forward", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-auth-forgot");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-forward", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "chingin-zaikei");
  /* Nothing further: the forward button is disabled. */
  rh_test_flush ();
  g_assert_false (gtk_widget_get_sensitive (child (window, "history_forward_button")));
  g_assert_true (gtk_widget_get_sensitive (child (window, "history_back_button")));

  /* A new entry after going back drops the forward history. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-back", NULL);
  g_assert_true (rh_window_show_entry_id (window, "chingin-tools"));
  rh_test_flush ();
  g_assert_false (gtk_widget_get_sensitive (child (window, "history_forward_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.history-back", NULL);
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-auth-forgot");
}

static void
test_window_print_checklist (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhEntry *entry;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(GtkPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  entry = rh_window_get_entry (window);

  text = rh_entry_print_dup_checklist (entry, RH_ROLE_GENERAL, NULL);
  g_assert_nonnull (strstr (text, "☐ ① マスターユーザ側で電子証明書を失効"));
  g_assert_null (strstr (text, "変更前のパソコンで電子証明書を失効"));
  g_assert_true (g_str_has_prefix (text, rh_entry_get_question (entry)));

  /* A step ticked on screen prints ticked; the others stay boxes. */
  g_settings_set_string (settings (), "role", "general");
  {
    GtkWidget *check = first_check_button (child (window, "entry_view"));
    g_autofree char *ticked = NULL;

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    ticked = rh_entry_print_dup_checklist (entry, RH_ROLE_GENERAL, RH_ENTRY_VIEW (child (window, "entry_view")));
    g_test_message ("%s", ticked);
    g_assert_nonnull (strstr (ticked, "☑ ① マスターユーザ側で電子証明書を失効"));
    g_assert_nonnull (strstr (ticked, "☐ ② 新しいパソコンで電子証明書を発行"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  }
  g_settings_set_string (settings (), "role", "all");

  dir = g_dir_make_tmp ("rh-print-XXXXXX", &error);
  g_assert_no_error (error);
  pdf = g_build_filename (dir, "entry.pdf", NULL);
  op = rh_entry_print_operation_new (entry, RH_ROLE_GENERAL, NULL);
  gtk_print_operation_set_export_filename (op, pdf);
  result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_window_copy_text (void)
{
  RhWindow *window = rh_test_get_window (app);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  g_settings_set_string (settings (), "role", "general");
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  gtk_widget_grab_focus (child (window, "print_button"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-entry", NULL);
  expected = rh_entry_dup_text (rh_window_get_entry (window), RH_ROLE_GENERAL);
  {
    GValue v = G_VALUE_INIT;
    g_value_init (&v, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &v, NULL));
    got = g_value_dup_string (&v);
    g_value_unset (&v);
  }
  g_assert_cmpstr (got, ==, expected);
  /* and says so */
  {
    g_autofree char *shown = rh_test_widget_text (child (window, "toast_overlay"));
    g_assert_nonnull (strstr (shown, japanese () ? "テキストとしてコピーしました" : "Copied as text"));
  }
  /* where a screen reader hears it too: on the focused widget (toasts are
   * not announced in GTK 4.8 / libadwaita 1.2) */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (window, "print_button")),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       japanese () ? "テキストとしてコピーしました" : "Copied as text");
  g_settings_set_string (settings (), "role", "all");
}

/* The copy button of the helpdesk card copies the number and says so. */
static void
test_window_copy_phone (void)
{
  RhWindow *window = rh_test_get_window (app);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GtkWidget *view = child (window, "entry_view");
  GtkWidget *button = NULL;
  g_autofree char *got = NULL;
  g_autofree char *shown = NULL;

  g_assert_true (rh_window_show_entry_id (window, "ib-helpdesk"));
  button = rh_test_find_action_button (view, "win.copy-phone");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  {
    GValue v = G_VALUE_INIT;
    g_value_init (&v, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &v, NULL));
    got = g_value_dup_string (&v);
    g_value_unset (&v);
  }
  g_assert_cmpstr (got, ==, "0120-609-575");
  shown = rh_test_widget_text (child (window, "toast_overlay"));
  g_assert_nonnull (strstr (shown, japanese () ? "電話番号 0120-609-575 をコピーしました"
                                               : "Copied the phone number 0120-609-575"));

  /* The toast's own close button is labelled too (libadwaita 1.2 leaves
   * it bare). */
  {
    guint n = 0;

    for (GtkWidget *c = gtk_widget_get_first_child (child (window, "toast_overlay")); c; c = gtk_widget_get_next_sibling (c))
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (c), "AdwToastWidget") == 0)
        check_icon_buttons (c, &n);
    g_assert_cmpuint (n, >=, 1);
  }
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  return rh_test_find (widget, is_visible_label, NULL);
}

static int
font_size (GtkWidget *widget)
{
  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static int
first_label_font_size (GtkWidget *widget)
{
  GtkWidget *label = first_label (widget);

  g_assert_nonnull (label);
  return font_size (label);
}

static void
test_window_text_size (void)
{
  RhWindow *window = rh_test_get_window (app);
  int tree_before, entry_before, title_before, search_before, dialog_before;
  GtkWindow *dialog;

  /* The text gets larger in the entry and in the sidebar's lists. */
  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  tree_before = first_label_font_size (child (window, "tree_view"));
  entry_before = first_label_font_size (child (window, "entry_view"));
  title_before = first_label_font_size (child (window, "content_title"));
  search_before = font_size (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (child (window, "search_entry")))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", "zaikei");
  RH_TEST_WAIT_FOR ((dialog = find_toplevel (RH_TYPE_DEADLINE_DIALOG)) && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  dialog_before = first_label_font_size (GTK_WIDGET (dialog));

  /* Ctrl++ twice, the second time pressed in the calculator. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "zoom.in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.2, 1e-9);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  rh_test_flush ();
  g_test_message ("tree %d → %d, entry %d → %d", tree_before, first_label_font_size (child (window, "tree_view")),
                  entry_before, first_label_font_size (child (window, "entry_view")));
  g_assert_cmpint (first_label_font_size (child (window, "tree_view")), >, tree_before);
  g_assert_cmpint (first_label_font_size (child (window, "entry_view")), >, entry_before);
  /* the header bar, the search box and the calculator too */
  g_assert_cmpint (first_label_font_size (child (window, "content_title")), >, title_before);
  g_assert_cmpint (font_size (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (child (window, "search_entry"))))),
                   >, search_before);
  g_assert_cmpint (first_label_font_size (GTK_WIDGET (dialog)), >, dialog_before);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.0, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.2, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-out", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.1, 1e-9);
  for (guint i = 0; i < 30; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 2.0, 1e-9);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.0, 1e-9);
}

static void
test_window_shortcuts_and_about (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkShortcutsWindow *overlay;
  GtkWindow *about;
  g_autofree char *text = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  text = rh_test_widget_text (GTK_WIDGET (overlay));
  if (japanese ())
    g_assert_nonnull (strstr (text, "締切計算"));
  else
    g_assert_nonnull (strstr (text, "Deadline calculator"));
  /* every shortcut of the main menu is listed, Preferences too */
  g_assert_nonnull (strstr (text, japanese () ? "設定" : "Preferences"));
  /* a window title, for screen readers and window lists */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (overlay)), ==,
                   japanese () ? "キーボードショートカット" : "Keyboard Shortcuts");
  gtk_window_close (GTK_WINDOW (overlay));

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  RH_TEST_WAIT_FOR ((about = find_toplevel (ADW_TYPE_ABOUT_WINDOW)) && gtk_widget_get_mapped (GTK_WIDGET (about)));
  {
    g_autofree char *comments = NULL;
    g_object_get (about, "comments", &comments, NULL);
    g_assert_nonnull (strstr (comments, rh_catalog_get_revision (rh_window_get_catalog (window))));
    /* in words, not the core's file label */
    g_test_message ("%s", comments);
    g_assert_null (strstr (comments, "built-in"));
    g_assert_nonnull (strstr (comments, japanese () ? "アプリに組み込みの内容" : "built into the app"));
  }
  gtk_window_destroy (about);
}

/* The button on a schedule entry opens the calculator on its page. */
static void
test_window_deadline_button (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *view = child (window, "entry_view");
  GtkWidget *button = NULL;
  GtkWindow *dialog;

  g_assert_true (rh_window_show_entry_id (window, "chingin-meisai"));
  button = rh_test_find_action_button (view, "win.deadline");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  RH_TEST_WAIT_FOR ((dialog = find_toplevel (RH_TYPE_DEADLINE_DIALOG)) && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (rh_deadline_dialog_get_page (RH_DEADLINE_DIALOG (dialog)), ==, "meisai");
  gtk_window_destroy (dialog);
}

/* Typing anywhere: a typed key brings the keyboard to the search box first,
 * so that the box's input method gets it (tests/test-window-ime.c types
 * through a real one; here the key handler alone). */
static void
test_window_typing_focuses_search (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *entry = child (window, "search_entry");

  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  gtk_widget_grab_focus (child (window, "history_back_button"));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  /* Not handled here: the focused box handles it. */
  g_assert_false (search_key (window, GDK_KEY_p));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  /* not selected: what is typed adds to it */
  g_assert_false (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), NULL, NULL));

  /* The same with the focus nowhere (as at start-up), and with a key that
   * only switches the input method (半角/全角). */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_false (search_key (window, GDK_KEY_Zenkaku_Hankaku));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  /* Space, Ctrl+letters and keys in a popover stay where they are. */
  gtk_widget_grab_focus (child (window, "history_back_button"));
  g_assert_false (search_key (window, GDK_KEY_space));
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  {
    GtkEventController *keys = NULL;
    GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);
        if (g_object_get_data (G_OBJECT (c), "rh-search-keys"))
          keys = c;
      }
    g_object_unref (controllers);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_d, 0, GDK_CONTROL_MASK, &handled);
    g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  }
}

/* Reading an entry opened from the results: a typed key starts a new
 * search (the old query goes, the key starts the new one), and Escape
 * clears the search and goes back to the box. */
static void
test_window_search_keys_from_entry (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *entry = child (window, "search_entry");
  GtkWidget *check;

  type_query (window, "でんわ");
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  check = first_check_button (child (window, "entry_view"));
  g_assert_nonnull (check);
  gtk_widget_grab_focus (check);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == check);

  /* The key itself goes on to the box (not handled here), which now has
   * the keyboard and no old query. */
  g_assert_false (search_key (window, GDK_KEY_a));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  /* In the box, keys are the box's: the next one adds to the query. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "じ");
  g_assert_false (search_key (window, GDK_KEY_b));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "じ");

  /* In the results, a key narrows the query instead. */
  type_query (window, "でんわ");
  g_assert_true (gtk_widget_child_focus (child (window, "results_view"), GTK_DIR_TAB_FORWARD));
  g_assert_false (search_key (window, GDK_KEY_c));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "でんわ");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, g_utf8_strlen ("でんわ", -1));

  gtk_widget_grab_focus (check);

  /* Space still ticks the step; the query stays. */
  g_assert_false (search_key (window, GDK_KEY_space));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "でんわ");

  g_assert_true (search_key (window, GDK_KEY_Escape));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (sidebar_page (window), ==, "tree");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
  /* The entry stays open. */
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (window)), ==, "ib-pc-change");

  /* With no query, Escape in the entry is left alone. */
  gtk_widget_grab_focus (first_check_button (child (window, "entry_view")));
  g_assert_false (search_key (window, GDK_KEY_Escape));
}

static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      rh_test_flush ();
    }
}

/* A narrow window folds into one pane: one back arrow (to the list), the
 * entry's title, the role as an icon; every icon button still labelled. */
static void
test_window_narrow (void)
{
  RhWindow *window = rh_test_get_window (app);
  AdwLeaflet *leaflet = ADW_LEAFLET (child (window, "leaflet"));
  guint n = 0;

  g_assert_true (rh_window_show_entry_id (window, "ib-helpdesk"));
  resize (GTK_WINDOW (window), 400, 720);
  RH_TEST_WAIT_FOR (adw_leaflet_get_folded (leaflet));
  rh_test_flush ();

  g_assert_true (gtk_widget_get_visible (rh_test_find_named (GTK_WIDGET (window), "leaflet-back")));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (child (window, "history_back_button"))));
  g_assert_false (gtk_widget_get_visible (child (window, "print_button")));
  g_assert_false (gtk_widget_get_visible (child (window, "deadline_button")));
  check_icon_buttons (GTK_WIDGET (window), &n);
  g_assert_cmpuint (n, >=, 3);   /* back, role, copy phone */

  /* Escape from the entry, with a query: back to the list, search cleared. */
  type_query (window, "でんわ");
  g_assert_true (rh_window_show_entry_id (window, "ib-helpdesk"));
  g_assert_true (gtk_widget_is_ancestor (child (window, "entry_view"), adw_leaflet_get_visible_child (leaflet)));
  gtk_widget_grab_focus (rh_test_find_named (GTK_WIDGET (window), "leaflet-back"));
  g_assert_true (search_key (window, GDK_KEY_Escape));
  g_assert_true (gtk_widget_is_ancestor (child (window, "search_entry"), adw_leaflet_get_visible_child (leaflet)));
  g_assert_cmpstr (sidebar_page (window), ==, "tree");

  resize (GTK_WINDOW (window), 1000, 720);
  RH_TEST_WAIT_FOR (!adw_leaflet_get_folded (leaflet));
  rh_test_flush ();
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (child (window, "history_back_button"))));
  g_assert_true (gtk_widget_get_visible (child (window, "print_button")));
}

static void
test_window_deadline_action (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", "nyukin");
  RH_TEST_WAIT_FOR ((dialog = find_toplevel (RH_TYPE_DEADLINE_DIALOG)) && gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_true (gtk_window_get_modal (dialog));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_cmpstr (rh_deadline_dialog_get_page (RH_DEADLINE_DIALOG (dialog)), ==, "nyukin");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  RH_TEST_WAIT_FOR (find_toplevel (RH_TYPE_DEADLINE_DIALOG) == NULL);
}

/* Close the window and open a new one: role, text size, last entry (one
 * step back from the start page) and size come back from GSettings. Runs last. */
static void
test_window_settings_persist (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhWindow *again;
  GtkWidget *entry_view;

  g_settings_set_string (settings (), "role", "master");
  g_settings_set_double (settings (), "text-scale", 1.3);
  g_assert_true (rh_window_show_entry_id (window, "ib-token-change"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  rh_test_flush ();
  gtk_window_destroy (GTK_WINDOW (window));
  rh_test_flush ();

  again = rh_window_new (app);
  gtk_window_present (GTK_WINDOW (again));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (again)));
  entry_view = child (again, "entry_view");

  /* It opens on the start page; Back returns to the last entry. */
  g_assert_null (rh_window_get_entry (again));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (again, "content_stack"))), ==, "start");
  gtk_widget_activate_action (GTK_WIDGET (again), "win.history-back", NULL);
  g_assert_nonnull (rh_window_get_entry (again));
  g_assert_cmpstr (rh_entry_get_id (rh_window_get_entry (again)), ==, "ib-token-change");
  g_assert_cmpint (rh_entry_view_get_role (RH_ENTRY_VIEW (entry_view)), ==, RH_ROLE_MASTER);
  g_assert_cmpint (g_settings_get_int (settings (), "window-width"), ==, 900);
  {
    int w, h;
    gtk_window_get_default_size (GTK_WINDOW (again), &w, &h);
    g_assert_cmpint (w, ==, 900);
    g_assert_cmpint (h, ==, 650);
  }
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings (), "text-scale"), 1.3, 1e-9);
}

static void
test_window_translated (void)
{
  RhWindow *window = rh_test_get_window (app);
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

  app = rh_test_start_app ();

  g_test_add_func ("/window/tree-selects-entry", test_window_tree_selects_entry);
  g_test_add_func ("/window/tree-keyboard", test_window_tree_keyboard);
  g_test_add_func ("/window/every-entry-renders", test_window_every_entry_renders);
  g_test_add_func ("/window/translated", test_window_translated);
  g_test_add_func ("/window/search-enter", test_window_search_enter);
  g_test_add_func ("/window/search-enter-before-changed", test_window_search_enter_before_changed);
  g_test_add_func ("/window/search-no-results", test_window_search_no_results);
  g_test_add_func ("/window/helpdesk-status", test_window_helpdesk_status);
  g_test_add_func ("/window/unanswered", test_window_unanswered);
  g_test_add_func ("/window/icon-buttons", test_window_icon_buttons_have_tooltips);
  g_test_add_func ("/window/role-filter", test_window_role_filter);
  g_test_add_func ("/window/form-source", test_window_form_source);
  g_test_add_func ("/window/history", test_window_history);
  g_test_add_func ("/window/ticks-kept", test_window_ticks_kept);
  g_test_add_func ("/window/print-checklist", test_window_print_checklist);
  g_test_add_func ("/window/copy-text", test_window_copy_text);
  g_test_add_func ("/window/copy-phone", test_window_copy_phone);
  g_test_add_func ("/window/text-size", test_window_text_size);
  g_test_add_func ("/window/shortcuts-and-about", test_window_shortcuts_and_about);
  g_test_add_func ("/window/deadline-action", test_window_deadline_action);
  g_test_add_func ("/window/deadline-button", test_window_deadline_button);
  g_test_add_func ("/window/typing-focuses-search", test_window_typing_focuses_search);
  g_test_add_func ("/window/search-keys-from-entry", test_window_search_keys_from_entry);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/settings-persist", test_window_settings_persist);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
