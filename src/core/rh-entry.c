/* rh-entry.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-entry"

#include "config.h"

#include "rh-entry-private.h"

struct _RhEntry
{
  GObject     parent_instance;
  char       *id;
  char       *service_id;
  char       *service_name;
  char       *question;
  char      **keywords;
  char      **category_ids;
  GPtrArray  *blocks;   /* RhBlock */
};

G_DEFINE_FINAL_TYPE (RhEntry, rh_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUESTION,
  PROP_SERVICE_NAME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
_rh_block_free (RhBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_strfreev (block->items);
  g_clear_object (&block->contact);
  g_free (block->check);
  g_free (block->check_text);
  g_free (block->form_name);
  g_free (block->form_url);
  g_free (block->kind);
  g_free (block);
}

static void
rh_entry_finalize (GObject *object)
{
  RhEntry *self = (RhEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->service_id, g_free);
  g_clear_pointer (&self->service_name, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->category_ids, g_strfreev);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);

  G_OBJECT_CLASS (rh_entry_parent_class)->finalize (object);
}

static void
rh_entry_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RhEntry *self = RH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_SERVICE_NAME:
      g_value_set_string (value, self->service_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_entry_class_init (RhEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_entry_finalize;
  object_class->get_property = rh_entry_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_SERVICE_NAME] =
    g_param_spec_string ("service-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_entry_init (RhEntry *self)
{
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)_rh_block_free);
}

RhEntry *
_rh_entry_new (const char         *id,
               const char         *service_id,
               const char         *service_name,
               const char         *question,
               const char * const *keywords,
               const char * const *category_ids)
{
  RhEntry *self = g_object_new (RH_TYPE_ENTRY, NULL);

  self->id = g_strdup (id);
  self->service_id = g_strdup (service_id);
  self->service_name = g_strdup (service_name);
  self->question = g_strdup (question);
  self->keywords = keywords ? g_strdupv ((char **)keywords) : g_new0 (char *, 1);
  self->category_ids = category_ids ? g_strdupv ((char **)category_ids) : g_new0 (char *, 1);

  return self;
}

void
_rh_entry_add_block (RhEntry *self,
                     RhBlock *block)
{
  g_ptr_array_add (self->blocks, block);
}

const char *
rh_entry_get_id (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return self->id;
}

const char *
rh_entry_get_question (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return self->question;
}

const char *
rh_entry_get_service_id (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return self->service_id;
}

const char *
rh_entry_get_service_name (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return self->service_name;
}

const char * const *
rh_entry_get_keywords (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return (const char * const *)self->keywords;
}

const char * const *
rh_entry_get_category_ids (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  return (const char * const *)self->category_ids;
}

guint
rh_entry_get_n_blocks (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), 0);
  return self->blocks->len;
}

const RhBlock *
rh_entry_get_block (RhEntry *self,
                    guint    index)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

gboolean
rh_entry_has_role_steps (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RhBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->role != RH_ROLE_ANY)
        return TRUE;
    }

  return FALSE;
}

gboolean
rh_entry_is_answered (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RhBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->type == RH_BLOCK_UNANSWERED)
        return FALSE;
    }

  return TRUE;
}

/**
 * rh_entry_get_deadline_kind:
 *
 * Returns: (nullable): "zaikei", "nyukin", "meisai", or %NULL
 */
const char *
rh_entry_get_deadline_kind (RhEntry *self)
{
  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RhBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->type == RH_BLOCK_DEADLINE)
        return block->kind;
    }

  return NULL;
}

gboolean
rh_role_visible (RhRole block_role,
                 RhRole filter)
{
  return filter == RH_ROLE_ANY || block_role == RH_ROLE_ANY || block_role == filter;
}

const char *
rh_role_to_string (RhRole role)
{
  switch (role)
    {
    case RH_ROLE_MASTER:
      return "master";
    case RH_ROLE_GENERAL:
      return "general";
    case RH_ROLE_ANY:
    default:
      return "all";
    }
}

gboolean
rh_role_from_string (const char *str,
                     RhRole     *role)
{
  RhRole r;

  if (g_strcmp0 (str, "master") == 0)
    r = RH_ROLE_MASTER;
  else if (g_strcmp0 (str, "general") == 0)
    r = RH_ROLE_GENERAL;
  else if (g_strcmp0 (str, "all") == 0)
    r = RH_ROLE_ANY;
  else
    return FALSE;

  if (role != NULL)
    *role = r;

  return TRUE;
}

static void
append_line (GString    *str,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  g_string_append (str, line);
  g_string_append_c (str, '\n');
}

static void
append_block_text (GString       *str,
                   const RhBlock *block,
                   gboolean       with_contact_details)
{
  switch (block->type)
    {
    case RH_BLOCK_PARAGRAPH:
    case RH_BLOCK_HEADING:
    case RH_BLOCK_NOTE:
    case RH_BLOCK_UNANSWERED:
      append_line (str, block->text);
      break;

    case RH_BLOCK_LIST:
    case RH_BLOCK_STEPS:
      for (guint i = 0; block->items && block->items[i]; i++)
        append_line (str, block->items[i]);
      break;

    case RH_BLOCK_FORM:
      append_line (str, block->text);
      append_line (str, block->form_name);
      append_line (str, block->form_url);
      append_line (str, block->check_text);
      break;

    case RH_BLOCK_CONTACT:
      append_line (str, block->text);
      if (with_contact_details && block->contact != NULL)
        {
          const char * const *hours = rh_contact_get_hours_text (block->contact);

          append_line (str, rh_contact_get_label (block->contact)
                            ? rh_contact_get_label (block->contact)
                            : rh_contact_get_name (block->contact));
          append_line (str, rh_contact_get_phone (block->contact));
          for (guint i = 0; hours && hours[i]; i++)
            append_line (str, hours[i]);
        }
      break;

    case RH_BLOCK_DEADLINE:
    default:
      break;
    }
}

/**
 * rh_entry_dup_body_text:
 *
 * The answer's own text, one line per source line, without the question
 * and without the details of referenced contacts (for search).
 *
 * Returns: (transfer full): the text
 */
char *
rh_entry_dup_body_text (RhEntry *self)
{
  GString *str;

  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);

  str = g_string_new (NULL);
  for (guint i = 0; i < self->blocks->len; i++)
    append_block_text (str, g_ptr_array_index (self->blocks, i), FALSE);

  return g_string_free (str, FALSE);
}

/**
 * rh_entry_dup_text:
 * @role: the role filter; blocks for the other role are left out
 *
 * The question and the whole answer as plain text, with referenced
 * contacts written out, as a clerk would copy or print it.
 *
 * Returns: (transfer full): the text
 */
char *
rh_entry_dup_text (RhEntry *self,
                   RhRole   role)
{
  GString *str;

  g_return_val_if_fail (RH_IS_ENTRY (self), NULL);

  str = g_string_new (NULL);
  append_line (str, self->question);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const RhBlock *block = g_ptr_array_index (self->blocks, i);

      if (rh_role_visible (block->role, role))
        append_block_text (str, block, TRUE);
    }

  return g_string_free (str, FALSE);
}
