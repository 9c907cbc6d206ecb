/* rh-result-item.c — one row of the sidebar's search results: the entry
 * and the byte ranges of its question that matched the query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-result-item"

#include "config.h"

#include "rh-result-item.h"

struct _RhResultItem
{
  GObject  parent_instance;
  RhEntry *entry;
  GArray  *ranges;   /* of RhTextRange */
};

G_DEFINE_FINAL_TYPE (RhResultItem, rh_result_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rh_result_item_finalize (GObject *object)
{
  RhResultItem *self = (RhResultItem *)object;

  g_clear_object (&self->entry);
  g_clear_pointer (&self->ranges, g_array_unref);

  G_OBJECT_CLASS (rh_result_item_parent_class)->finalize (object);
}

static void
rh_result_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RhResultItem *self = RH_RESULT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_result_item_class_init (RhResultItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_result_item_finalize;
  object_class->get_property = rh_result_item_get_property;

  properties [PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, RH_TYPE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_result_item_init (RhResultItem *self)
{
  self->ranges = g_array_new (FALSE, FALSE, sizeof (RhTextRange));
}

RhResultItem *
rh_result_item_new (RhEntry *entry)
{
  RhResultItem *self;

  g_return_val_if_fail (RH_IS_ENTRY (entry), NULL);

  self = g_object_new (RH_TYPE_RESULT_ITEM, NULL);
  self->entry = g_object_ref (entry);

  return self;
}

RhEntry *
rh_result_item_get_entry (RhResultItem *self)
{
  g_return_val_if_fail (RH_IS_RESULT_ITEM (self), NULL);
  return self->entry;
}

void
rh_result_item_add_range (RhResultItem *self,
                          guint         start,
                          guint         end)
{
  RhTextRange range = { start, end };

  g_return_if_fail (RH_IS_RESULT_ITEM (self));

  g_array_append_val (self->ranges, range);
}

GArray *
rh_result_item_get_ranges (RhResultItem *self)
{
  g_return_val_if_fail (RH_IS_RESULT_ITEM (self), NULL);
  return self->ranges;
}
