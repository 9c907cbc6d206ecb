/* rh-category.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-category"

#include "config.h"

#include "rh-category-private.h"

struct _RhCategory
{
  GObject     parent_instance;
  char       *id;
  char       *title;
  RhCategory *parent;    /* weak; the parent owns us */
  GListStore *children;  /* GObject: RhCategory, then RhEntry */
  guint       n_subcategories;
};

G_DEFINE_FINAL_TYPE (RhCategory, rh_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rh_category_finalize (GObject *object)
{
  RhCategory *self = (RhCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (rh_category_parent_class)->finalize (object);
}

static void
rh_category_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RhCategory *self = RH_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_category_class_init (RhCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_category_finalize;
  object_class->get_property = rh_category_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_category_init (RhCategory *self)
{
  self->children = g_list_store_new (G_TYPE_OBJECT);
}

RhCategory *
_rh_category_new (const char *id,
                  const char *title,
                  RhCategory *parent)
{
  RhCategory *self = g_object_new (RH_TYPE_CATEGORY, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->parent = parent;

  if (parent != NULL)
    {
      g_list_store_insert (parent->children, parent->n_subcategories, self);
      parent->n_subcategories++;
    }

  return self;
}

void
_rh_category_add_item (RhCategory *self,
                       gpointer    item)
{
  g_list_store_append (self->children, item);
}

const char *
rh_category_get_id (RhCategory *self)
{
  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);
  return self->id;
}

const char *
rh_category_get_title (RhCategory *self)
{
  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);
  return self->title;
}

/**
 * rh_category_get_parent:
 *
 * Returns: (nullable) (transfer none): the parent category
 */
RhCategory *
rh_category_get_parent (RhCategory *self)
{
  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);
  return self->parent;
}

/**
 * rh_category_get_children:
 *
 * Returns: (transfer none): sub-categories, then entries
 */
GListModel *
rh_category_get_children (RhCategory *self)
{
  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);
  return G_LIST_MODEL (self->children);
}

/**
 * rh_category_dup_children:
 *
 * For GtkTreeListModel's create function.
 *
 * Returns: (nullable) (transfer full): the children, or %NULL when there are none
 */
GListModel *
rh_category_dup_children (RhCategory *self)
{
  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->children)) == 0)
    return NULL;

  return g_object_ref (G_LIST_MODEL (self->children));
}

char *
rh_category_dup_path (RhCategory *self,
                      const char *separator)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GString *str = g_string_new (NULL);

  g_return_val_if_fail (RH_IS_CATEGORY (self), NULL);

  for (RhCategory *c = self; c != NULL; c = c->parent)
    g_ptr_array_insert (parts, 0, c->title);

  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append (str, separator ? separator : " › ");
      g_string_append (str, g_ptr_array_index (parts, i));
    }

  return g_string_free (str, FALSE);
}
