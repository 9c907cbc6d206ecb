/* rh-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-application.h"
#include "rh-window.h"

struct _RhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwLeaflet           *leaflet;
  GtkListView          *tree_view;
  GtkStack             *content_stack;
  RhEntryView          *entry_view;
  AdwWindowTitle       *content_title;
  GtkScrolledWindow    *content_scroller;
  AdwToastOverlay      *toast_overlay;

  RhCatalog            *catalog;
  GtkTreeListModel     *tree_model;
  GtkSingleSelection   *tree_selection;
  GSettings            *settings;
};

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

static void
show_entry (RhWindow *self,
            RhEntry  *entry)
{
  g_autofree char *location = NULL;

  if (entry == NULL)
    {
      rh_entry_view_set_entry (self->entry_view, NULL, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      adw_window_title_set_title (self->content_title, "");
      return;
    }

  location = location_for (self, entry);
  rh_entry_view_set_entry (self->entry_view, entry, location);
  adw_window_title_set_title (self->content_title, rh_entry_get_service_name (entry));
  gtk_stack_set_visible_child_name (self->content_stack, "entry");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->content_scroller), 0);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

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
    show_entry (self, RH_ENTRY (item));
}

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
    show_entry (self, RH_ENTRY (item));
}

static void
back_clicked_cb (RhWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
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

  g_clear_object (&self->tree_model);
  if (catalog != NULL)
    self->tree_model = gtk_tree_list_model_new (g_object_ref (rh_catalog_get_categories (catalog)),
                                                FALSE, FALSE,
                                                create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->tree_selection, G_LIST_MODEL (self->tree_model));

  /* Keep the open entry across a content update, if it still exists. */
  if (current_id != NULL)
    show_entry (self, catalog ? rh_catalog_lookup_entry (catalog, current_id) : NULL);

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

      g_signal_connect_object (app, "notify::catalog",
                               G_CALLBACK (app_catalog_changed_cb), self,
                               G_CONNECT_SWAPPED);
      rh_window_set_catalog (self, rh_application_get_catalog (RH_APPLICATION (app)));

      last = g_settings_get_string (self->settings, "last-entry");
      if (last != NULL && *last != '\0')
        rh_window_show_entry_id (self, last);
    }
}

static void
rh_window_dispose (GObject *object)
{
  RhWindow *self = (RhWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_WINDOW);

  g_clear_object (&self->tree_selection);
  g_clear_object (&self->tree_model);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RhWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, tree_view);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, entry_view);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, content_scroller);
  gtk_widget_class_bind_template_child (widget_class, RhWindow, toast_overlay);

  gtk_widget_class_bind_template_callback (widget_class, tree_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
rh_window_init (RhWindow *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

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

  show_entry (self, entry);
  return TRUE;
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
}
