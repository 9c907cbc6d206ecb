/* rh-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-a11y.h"
#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-result-item.h"
#include "rh-toast.h"
#include "rh-tooltip.h"
#include "rh-window.h"
#include "rh-window-private.h"

#define MAX_RESULTS      50
#define MAX_SUGGESTIONS  5
#define MAX_HISTORY      100

G_DEFINE_FINAL_TYPE (RhWindow, rh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  if (RH_IS_CATEGORY (item))
    return rh_category_dup_children (item);

  return NULL;
}

static void
tree_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Wrap at the edge of the sidebar: by default a wrapped label asks for
   * the narrowest width that keeps its number of lines, and each question
   * broke at a different place. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), label);
  gtk_list_item_set_child (list_item, expander);
}

static void
tree_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  gpointer item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  if (RH_IS_CATEGORY (item))
    {
      gtk_label_set_text (GTK_LABEL (label), rh_category_get_title (item));
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_remove_css_class (label, "rh-tree-entry");
    }
  else if (RH_IS_ENTRY (item))
    {
      gtk_label_set_text (GTK_LABEL (label), rh_entry_get_question (item));
      gtk_widget_remove_css_class (label, "heading");
      gtk_widget_add_css_class (label, "rh-tree-entry");
    }

  g_clear_object (&item);
}

static void
tree_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void show_entry (RhWindow *self,
                        RhEntry  *entry);

static char *
location_for (RhWindow *self,
              RhEntry  *entry)
{
  g_autoptr(GPtrArray) categories = NULL;
  GString *str = g_string_new (NULL);

  categories = rh_catalog_dup_entry_categories (self->catalog, entry);
  for (guint i = 0; i < categories->len; i++)
    {
      g_autofree char *path = rh_category_dup_path (g_ptr_array_index (categories, i), " › ");

      if (i > 0)
        g_string_append (str, " / ");
      g_string_append (str, path);
    }

  return g_string_free (str, FALSE);
}

void
rh_window_update_history_actions (RhWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-back",
                                 self->history_back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history-forward",
                                 self->history_forward->len > 0);
}

static void
update_entry_actions (RhWindow *self)
{
  gboolean has_entry = rh_entry_view_get_entry (self->entry_view) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_entry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-entry", has_entry);
  /* The role filters an entry's steps: on the start page it would mean
   * nothing (Ctrl+1/2/3 still set it for the next entry). */
  gtk_widget_set_visible (GTK_WIDGET (self->role_button), has_entry);
}

void
rh_window_history_push (GPtrArray  *stack,
              const char *id)
{
  if (stack->len > 0 && g_str_equal (g_ptr_array_index (stack, stack->len - 1), id))
    return;
  g_ptr_array_add (stack, g_strdup (id));
  if (stack->len > MAX_HISTORY)
    g_ptr_array_remove_index (stack, 0);
}

/* The lists highlight the entry shown, or nothing (after back/forward or a
 * suggestion, the old highlight would be wrong). */
static void
sync_selections (RhWindow *self,
                 RhEntry  *entry)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->tree_selection);
  RhResultItem *result = gtk_single_selection_get_selected_item (self->results_selection);

  if (result != NULL && rh_result_item_get_entry (result) != entry)
    gtk_single_selection_set_selected (self->results_selection, GTK_INVALID_LIST_POSITION);

  if (row != NULL)
    {
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item != G_OBJECT (entry))
        gtk_single_selection_set_selected (self->tree_selection, GTK_INVALID_LIST_POSITION);
    }
}

void
rh_window_show_entry_full (RhWindow *self,
                 RhEntry  *entry,
                 gboolean  record)
{
  RhEntry *current = rh_entry_view_get_entry (self->entry_view);

  if (record && entry != NULL && current != NULL && current != entry)
    {
      rh_window_history_push (self->history_back, rh_entry_get_id (current));
      g_ptr_array_set_size (self->history_forward, 0);
    }

  show_entry (self, entry);
  rh_window_update_history_actions (self);
  update_entry_actions (self);
  sync_selections (self, entry);
}

static void
show_entry (RhWindow *self,
            RhEntry  *entry)
{
  g_autofree char *location = NULL;

  if (entry == NULL)
    {
      rh_entry_view_set_entry (self->entry_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "start");
      adw_window_title_set_title (self->content_title, "");
      return;
    }

  location = location_for (self, entry);
  rh_entry_view_set_entry (self->entry_view, entry, location);
  adw_window_title_set_title (self->content_title, rh_entry_get_service_name (entry));
  gtk_stack_set_visible_child_name (self->content_stack, "entry");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), 0);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  else
    {
      /* Both panes show, but the leaflet still moves the focus into the
       * pane it makes visible: keep it where it was (in the tree, ↓/↑ go
       * on from entry to entry). It stays the visible pane for folding. */
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      g_autoptr(GtkWidget) keep = focus ? g_object_ref (focus) : NULL;

      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      if (keep != NULL && gtk_root_get_focus (GTK_ROOT (self)) != keep &&
          gtk_widget_get_mapped (keep))
        {
          /* The search box's text would select all it holds on focus. */
          if (GTK_IS_TEXT (keep))
            gtk_text_grab_focus_without_selecting (GTK_TEXT (keep));
          else
            gtk_widget_grab_focus (keep);
        }
    }

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-entry", rh_entry_get_id (entry));
}

static void
selection_changed_cb (RhWindow           *self,
                      guint               position,
                      guint               n_items,
                      GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);

  if (RH_IS_ENTRY (item))
    rh_window_show_entry_full (self, RH_ENTRY (item), TRUE);
}

static gboolean focus_first_control (GtkWidget *widget);

static void
tree_activate_cb (RhWindow    *self,
                  guint        position,
                  GtkListView *list_view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;

  item = gtk_tree_list_row_get_item (row);

  if (RH_IS_CATEGORY (item))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else if (RH_IS_ENTRY (item))
    {
      /* Enter on an entry: into it, as from the search results. */
      rh_window_show_entry_full (self, RH_ENTRY (item), TRUE);
      focus_first_control (GTK_WIDGET (self->entry_view));
    }
}

static void update_role_button (RhWindow *self);

/* A folded window keeps the header to what fits; print and the calculator
 * stay in the main menu and on their shortcuts, previous/next entry on
 * Alt+←/→. (The history arrows beside the back-to-the-list arrow were
 * three look-alike arrows with two meanings.) */
static void
folded_changed_cb (RhWindow   *self,
                   GParamSpec *pspec,
                   AdwLeaflet *leaflet)
{
  gboolean folded = adw_leaflet_get_folded (leaflet);

  gtk_widget_set_visible (self->print_button, !folded);
  gtk_widget_set_visible (self->deadline_button, !folded);
  gtk_widget_set_visible (gtk_widget_get_parent (self->history_back_button), !folded);
  update_role_button (self);
}

static void
back_clicked_cb (RhWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Search ------------------------------------------------------------------ */

static void
result_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *question = gtk_label_new (NULL);
  GtkWidget *service = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (question), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (question), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (question), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (service), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (service), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (service, "caption");
  gtk_widget_add_css_class (service, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), question);
  gtk_box_append (GTK_BOX (box), service);
  gtk_list_item_set_child (list_item, box);
}

/* Highlights come from the index's match ranges as Pango attributes; the
 * question itself is set as plain text. */
static PangoAttrList *
highlight_attributes (RhResultItem *item)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  GArray *ranges = rh_result_item_get_ranges (item);
  gsize len = strlen (rh_entry_get_question (rh_result_item_get_entry (item)));

  for (guint i = 0; i < ranges->len; i++)
    {
      const RhTextRange *range = &g_array_index (ranges, RhTextRange, i);
      PangoAttribute *attr;

      if (range->start >= range->end || range->end > len)
        continue;

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = range->start;
      attr->end_index = range->end;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
      attr->start_index = range->start;
      attr->end_index = range->end;
      pango_attr_list_insert (attrs, attr);
    }

  return attrs;
}

static void
result_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  RhResultItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *question = gtk_widget_get_first_child (box);
  GtkWidget *service = gtk_widget_get_next_sibling (question);
  g_autoptr(PangoAttrList) attrs = highlight_attributes (item);

  gtk_label_set_text (GTK_LABEL (question), rh_entry_get_question (rh_result_item_get_entry (item)));
  gtk_label_set_attributes (GTK_LABEL (question), attrs);
  gtk_label_set_text (GTK_LABEL (service), rh_entry_get_service_name (rh_result_item_get_entry (item)));

  /* The row that takes the focus (GtkListItem's own widget, the child's
   * parent) has no name of its own in GTK 4.8: give it the question. */
  if (gtk_widget_get_parent (box) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (box)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    rh_entry_get_question (rh_result_item_get_entry (item)),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    rh_entry_get_service_name (rh_result_item_get_entry (item)),
                                    -1);
}

static GtkWidget *
suggestion_row_new (RhEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), rh_entry_get_question (entry));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  g_object_set_data_full (G_OBJECT (row), "rh-entry", g_object_ref (entry), g_object_unref);

  return row;
}

static void
clear_suggestions (RhWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box))))
    gtk_list_box_remove (self->suggestions_box, child);
}

static RhSearchIndex *
ensure_search_index (RhWindow *self)
{
  if (self->search_index == NULL && self->catalog != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->search_index = rh_search_index_new (self->catalog, &error);
      if (self->search_index == NULL)
        g_warning ("Search is unavailable: %s", error->message);
    }

  return self->search_index;
}

/* Ranked results for @query, through the core's search index. */
static void
search_collect (RhWindow   *self,
                const char *query,
                guint       limit,
                GPtrArray  *items)
{
  g_autoptr(GPtrArray) hits = NULL;

  if (ensure_search_index (self) == NULL)
    return;

  hits = rh_search_index_search (self->search_index, query, limit);
  for (guint i = 0; i < hits->len; i++)
    {
      RhSearchHit *hit = g_ptr_array_index (hits, i);
      RhResultItem *item = rh_result_item_new (rh_search_hit_get_entry (hit));
      GArray *ranges = rh_search_hit_get_question_ranges (hit);

      for (guint r = 0; ranges != NULL && r < ranges->len; r++)
        {
          const RhTextRange *range = &g_array_index (ranges, RhTextRange, r);

          rh_result_item_add_range (item, range->start, range->end);
        }
      g_ptr_array_add (items, item);
    }
}

/* The closest entries when nothing matched. */
static void
search_suggest (RhWindow   *self,
                const char *query,
                guint       limit,
                GPtrArray  *entries)
{
  g_autoptr(GPtrArray) hits = NULL;

  if (ensure_search_index (self) == NULL)
    return;

  hits = rh_search_index_suggest (self->search_index, query, limit);
  for (guint i = 0; i < hits->len; i++)
    g_ptr_array_add (entries, g_object_ref (rh_search_hit_get_entry (g_ptr_array_index (hits, i))));
}

static void
run_search (RhWindow   *self,
            const char *query)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_free (self->last_query);
  self->last_query = g_strdup (query);

  clear_suggestions (self);

  if (self->catalog != NULL)
    search_collect (self, query, MAX_RESULTS, items);

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);

  if (items->len > 0)
    {
      gtk_single_selection_set_selected (self->results_selection, GTK_INVALID_LIST_POSITION);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
      return;
    }

  if (self->catalog != NULL)
    {
      g_autoptr(GPtrArray) closest = g_ptr_array_new_with_free_func (g_object_unref);

      search_suggest (self, query, MAX_SUGGESTIONS, closest);
      for (guint i = 0; i < closest->len; i++)
        gtk_list_box_append (self->suggestions_box, suggestion_row_new (g_ptr_array_index (closest, i)));
    }
  {
    gboolean any = gtk_widget_get_first_child (GTK_WIDGET (self->suggestions_box)) != NULL;
    GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self->suggestions_box), ADW_TYPE_STATUS_PAGE);

    gtk_widget_set_visible (GTK_WIDGET (self->suggestions_box), any);
    /* "These come closest:" only above entries that do. */
    adw_status_page_set_description (ADW_STATUS_PAGE (page),
                                     any ? _("Try other words. These entries come closest:")
                                         : _("Try other words."));
  }
  gtk_stack_set_visible_child_name (self->sidebar_stack, "no-results");
}

static void
update_search (RhWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (text == NULL || *text == '\0')
    {
      g_clear_pointer (&self->last_query, g_free);
      g_list_store_remove_all (self->results);
      clear_suggestions (self);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "tree");
      return;
    }

  run_search (self, text);
}

static void
search_changed_cb (RhWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Enter may have run this query already (search-changed comes late):
   * leave the result it opened alone. */
  if (text != NULL && *text != '\0' && g_strcmp0 (text, self->last_query) == 0)
    return;

  update_search (self);

  /* A folded window showing an entry: the results are on the other page. */
  if (text != NULL && *text != '\0' && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Focuses the first step check box or button under @widget, in order.
 * (Tab-order sorting needs allocations, which new rows do not have yet.) */
static gboolean
focus_first_control (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  if ((GTK_IS_CHECK_BUTTON (widget) || GTK_IS_BUTTON (widget)) &&
      gtk_widget_get_focusable (widget))
    return gtk_widget_grab_focus (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (focus_first_control (c))
      return TRUE;

  return FALSE;
}

/* Opens a result and puts the keyboard on its first step (or button), so a
 * clerk can go on with Space and Tab. */
static void
open_result (RhWindow *self,
             guint     position)
{
  g_autoptr(RhResultItem) item = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->results_selection, position);
  rh_window_show_entry_full (self, rh_result_item_get_entry (item), TRUE);
  focus_first_control (GTK_WIDGET (self->entry_view));
}

static void
search_activate_cb (RhWindow       *self,
                    GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Enter may come before the delayed search-changed: search now. */
  if (text != NULL && *text != '\0')
    {
      run_search (self, text);
      open_result (self, 0);
    }
}

static void
search_stop_cb (RhWindow       *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_list_store_remove_all (self->results);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "tree");
}

static void
results_activate_cb (RhWindow    *self,
                     guint        position,
                     GtkListView *list_view)
{
  open_result (self, position);
}

static void
suggestion_activated_cb (RhWindow      *self,
                         GtkListBoxRow *row,
                         GtkListBox    *box)
{
  RhEntry *entry = g_object_get_data (G_OBJECT (row), "rh-entry");

  if (entry != NULL)
    {
      rh_window_show_entry_full (self, entry, TRUE);
      focus_first_control (GTK_WIDGET (self->entry_view));
    }
}

static RhEntry *
find_helpdesk_entry (RhWindow *self)
{
  GListModel *entries;

  if (self->catalog == NULL)
    return NULL;

  entries = rh_catalog_get_entries (self->catalog);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          if (block->type == RH_BLOCK_CONTACT && block->contact != NULL &&
              rh_contact_get_phone (block->contact) != NULL)
            return entry;
        }
    }

  return NULL;
}

static void
helpdesk_clicked_cb (RhWindow  *self,
                     GtkButton *button)
{
  RhEntry *entry = find_helpdesk_entry (self);

  if (entry != NULL)
    rh_window_show_entry_full (self, entry, TRUE);
}

/* Start page -------------------------------------------------------------- */

/* The guided path ended: the entry, with the role it was chosen for. */
static void
start_entry_activated_cb (RhWindow    *self,
                          const char  *entry_id,
                          int          role,
                          RhStartPage *page)
{
  RhEntry *entry = self->catalog ? rh_catalog_lookup_entry (self->catalog, entry_id) : NULL;

  if (entry == NULL)
    return;
  if (role != RH_ROLE_ANY && self->settings != NULL)
    g_settings_set_enum (self->settings, "role", role);
  rh_window_show_entry_full (self, entry, TRUE);
  focus_first_control (GTK_WIDGET (self->entry_view));
}

/* Alt+Home: the start page, with the open entry kept for Alt+←. */
void
rh_window_show_start (RhWindow *self)
{
  RhEntry *current = rh_entry_view_get_entry (self->entry_view);

  if (current != NULL)
    {
      rh_window_history_push (self->history_back, rh_entry_get_id (current));
      g_ptr_array_set_size (self->history_forward, 0);
    }
  show_entry (self, NULL);
  rh_window_update_history_actions (self);
  update_entry_actions (self);
  sync_selections (self, NULL);
  rh_start_page_refresh (self->start_page);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_child_focus (GTK_WIDGET (self->start_page), GTK_DIR_TAB_FORWARD);
}

/* Role filter, text size -------------------------------------------------- */

static void
update_role_button (RhWindow *self)
{
  RhRole role = rh_entry_view_get_role (self->entry_view);
  const char *label;

  switch (role)
    {
    case RH_ROLE_MASTER:
      label = _("Master User");
      break;
    case RH_ROLE_GENERAL:
      label = _("General User");
      break;
    case RH_ROLE_ANY:
    default:
      label = _("All Users");
      break;
    }

  /* Narrow: an icon, the role in the tooltip. */
  if (adw_leaflet_get_folded (self->leaflet))
    gtk_menu_button_set_icon_name (self->role_button, "system-users-symbolic");
  else
    gtk_menu_button_set_label (self->role_button, label);
  {
    g_autofree char *tip = g_strdup_printf (_("Show Steps For: %s"), label);
    rh_tooltip_set (GTK_WIDGET (self->role_button), tip);
    rh_a11y_label_toggle (GTK_WIDGET (self->role_button), tip);
  }
}

static void
role_changed_cb (RhWindow   *self,
                 const char *key,
                 GSettings  *settings)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean in_entry = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->entry_view));

  rh_entry_view_set_role (self->entry_view, g_settings_get_enum (settings, "role"));
  update_role_button (self);

  /* The steps were rebuilt: keep the keyboard on them. */
  if (in_entry)
    focus_first_control (GTK_WIDGET (self->entry_view));
}

static void
text_scale_changed_cb (RhWindow   *self,
                       const char *key,
                       GSettings  *settings)
{
  g_autofree char *css = NULL;
  char scale[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (scale, sizeof scale, "%.2f", g_settings_get_double (settings, "text-scale"));
  /* Every window of the app (this one, the calculator, the shortcuts and
   * preferences windows): the header bars, the search box, the dialogs,
   * not only what a clerk reads. The provider is this display's, so
   * "window" is only ours. libadwaita 1.2 sizes its text classes in
   * points (11pt body): restate them relative to the window's text. */
  css = g_strdup_printf ("window { font-size: %sem; }\n"
                         "window .title-1 { font-size: 1.82em; }\n"
                         "window .title-2 { font-size: 1.36em; }\n"
                         "window .title-3 { font-size: 1.36em; }\n"
                         "window .title-4 { font-size: 1.18em; }\n"
                         "window .heading, window .body { font-size: 1em; }\n"
                         "window .caption, window .caption-heading { font-size: 0.82em; }\n",
                         scale);
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_css_provider_load_from_string (self->css_provider, css);
#else
  gtk_css_provider_load_from_data (self->css_provider, css, -1);
#endif
}

void
rh_window_change_text_scale (RhWindow *self,
                   double    delta)
{
  double scale;

  if (self->settings == NULL)
    return;

  scale = delta == 0 ? 1.0 : g_settings_get_double (self->settings, "text-scale") + delta;
  scale = CLAMP (scale, TEXT_SCALE_MIN, TEXT_SCALE_MAX);
  g_settings_set_double (self->settings, "text-scale", scale);
}

static void
rh_window_set_catalog (RhWindow  *self,
                       RhCatalog *catalog)
{
  g_autofree char *current_id = NULL;
  RhEntry *current;

  if (!g_set_object (&self->catalog, catalog))
    return;

  current = rh_entry_view_get_entry (self->entry_view);
  if (current != NULL)
    current_id = g_strdup (rh_entry_get_id (current));

  /* Built on the first query, not at start-up. */
  g_clear_object (&self->search_index);

  g_clear_object (&self->tree_model);
  if (catalog != NULL)
    self->tree_model = gtk_tree_list_model_new (g_object_ref (rh_catalog_get_categories (catalog)),
                                                FALSE, FALSE,
                                                create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->tree_selection, G_LIST_MODEL (self->tree_model));
  rh_start_page_set_catalog (self->start_page, catalog);

  /* Keep the open entry across a content update, if it still exists. */
  if (current_id != NULL)
    show_entry (self, catalog ? rh_catalog_lookup_entry (catalog, current_id) : NULL);
  update_entry_actions (self);

  update_search (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATALOG]);
}

static void
app_catalog_changed_cb (RhWindow      *self,
                        GParamSpec    *pspec,
                        RhApplication *app)
{
  rh_window_set_catalog (self, rh_application_get_catalog (app));
}

/* GtkWindow:application is not a construct property, so this runs from
 * rh_window_new() once it is set. */
static void
rh_window_attach (RhWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (RH_IS_APPLICATION (app))
    {
      g_autofree char *last = NULL;

      self->settings = g_object_ref (rh_application_get_settings (RH_APPLICATION (app)));
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

      {
        g_autoptr(GAction) role_action = g_settings_create_action (self->settings, "role");
        g_action_map_add_action (G_ACTION_MAP (self), role_action);
      }
      {
        static const char *all_accels[] = { "<Control>1", NULL };
        static const char *master_accels[] = { "<Control>2", NULL };
        static const char *general_accels[] = { "<Control>3", NULL };

        /* Shown next to the role menu's items. */
        gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.role::all", all_accels);
        gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.role::master", master_accels);
        gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.role::general", general_accels);
      }
      g_signal_connect_object (self->settings, "changed::role",
                               G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::text-scale",
                               G_CALLBACK (text_scale_changed_cb), self, G_CONNECT_SWAPPED);
      role_changed_cb (self, "role", self->settings);
      text_scale_changed_cb (self, "text-scale", self->settings);

      g_signal_connect_object (app, "notify::catalog",
                               G_CALLBACK (app_catalog_changed_cb), self,
                               G_CONNECT_SWAPPED);
      rh_window_set_catalog (self, rh_application_get_catalog (RH_APPLICATION (app)));

      rh_start_page_set_settings (self->start_page, self->settings);
      /* The window opens on the start page; Alt+← returns to the last entry. */
      last = g_settings_get_string (self->settings, "last-entry");
      if (last != NULL && *last != '\0' && self->catalog != NULL &&
          rh_catalog_lookup_entry (self->catalog, last) != NULL)
        {
          rh_window_history_push (self->history_back, last);
          rh_window_update_history_actions (self);
        }
    }
}

static void
rh_window_dispose (GObject *object)
{
  RhWindow *self = (RhWindow *)object;

  if (self->css_provider != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->css_provider));
  g_clear_object (&self->css_provider);

  if (self->deadline_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->deadline_dialog), (gpointer *)&self->deadline_dialog);
      gtk_window_destroy (GTK_WINDOW (self->deadline_dialog));
      self->deadline_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_WINDOW);

  g_clear_object (&self->results_selection);
  g_clear_object (&self->results);
  g_clear_pointer (&self->last_query, g_free);
  g_clear_pointer (&self->history_back, g_ptr_array_unref);
  g_clear_pointer (&self->history_forward, g_ptr_array_unref);
  g_clear_object (&self->tree_selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->search_index);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rh_window_parent_class)->dispose (object);
}

static void
rh_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  RhWindow *self = RH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_window_class_init (RhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rh_window_dispose;
  object_class->get_property = rh_window_get_property;

  properties [PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, RH_TYPE_CATALOG,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RH_TYPE_ENTRY_VIEW);
  g_type_ensure (RH_TYPE_START_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, tree_view);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, entry_view);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, suggestions_box);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, helpdesk_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, role_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, print_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, history_back_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, history_forward_button);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, deadline_button);
  gtk_widget_class_bind_template_callback (widget_class, tree_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, results_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, suggestion_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, helpdesk_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, start_page);
  gtk_widget_class_bind_template_callback (widget_class, start_entry_activated_cb);

  rh_window_class_install_actions (widget_class);
}

static void
rh_window_init (RhWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  rh_toast_overlay_label_buttons (self->toast_overlay);
  rh_tooltip_keep_words (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (tree_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (tree_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (tree_unbind_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);

  self->tree_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->tree_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->tree_selection, TRUE);
  g_signal_connect_object (self->tree_selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->tree_selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (result_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (result_bind_cb), self);
  gtk_list_view_set_factory (self->results_view, factory);
  g_object_unref (factory);

  self->results = g_list_store_new (RH_TYPE_RESULT_ITEM);
  self->results_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->results)));
  gtk_single_selection_set_autoselect (self->results_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->results_selection, TRUE);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->results_selection));

  rh_window_init_search_keys (self);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (folded_changed_cb), self, G_CONNECT_SWAPPED);
  folded_changed_cb (self, NULL, self->leaflet);

  self->history_back = g_ptr_array_new_with_free_func (g_free);
  self->history_forward = g_ptr_array_new_with_free_func (g_free);

  self->css_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->css_provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  rh_window_update_history_actions (self);
  update_entry_actions (self);
}

RhWindow *
rh_window_new (RhApplication *application)
{
  RhWindow *self;

  g_return_val_if_fail (RH_IS_APPLICATION (application), NULL);

  self = g_object_new (RH_TYPE_WINDOW,
                       "application", application,
                       NULL);
  rh_window_attach (self);

  return self;
}

RhCatalog *
rh_window_get_catalog (RhWindow *self)
{
  g_return_val_if_fail (RH_IS_WINDOW (self), NULL);
  return self->catalog;
}

RhEntry *
rh_window_get_entry (RhWindow *self)
{
  g_return_val_if_fail (RH_IS_WINDOW (self), NULL);
  return rh_entry_view_get_entry (self->entry_view);
}

gboolean
rh_window_show_entry_id (RhWindow   *self,
                         const char *id)
{
  RhEntry *entry;

  g_return_val_if_fail (RH_IS_WINDOW (self), FALSE);

  if (self->catalog == NULL || !(entry = rh_catalog_lookup_entry (self->catalog, id)))
    return FALSE;

  rh_window_show_entry_full (self, entry, TRUE);
  return TRUE;
}

/**
 * rh_window_search:
 *
 * Puts @query in the search box and shows its results at once (as typing
 * it would, without the search-changed delay), the keyboard in the box.
 */
void
rh_window_search (RhWindow   *self,
                  const char *query)
{
  g_return_if_fail (RH_IS_WINDOW (self));
  g_return_if_fail (query != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
  update_search (self);
  if (*query != '\0' && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/**
 * rh_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
rh_window_add_toast (RhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (RH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  rh_toast_announce (self->toast_overlay, toast);
}

void
rh_window_add_feedback (RhWindow   *self,
                        const char *title)
{
  rh_toast_overlay_add_feedback (self->toast_overlay, title);
}
