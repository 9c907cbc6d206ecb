/* rh-guide.c — the guided path: a few large choices that end on an entry
 *
 * The `guide` member of faq.json, for clerks who lack the bank's words:
 * choices (what happened → the service, if it matters → the role) whose
 * leaves name an entry and, where the entry splits its steps by role, the
 * role to show. It is data like the rest of the content, so it is checked
 * as strictly: every leaf reaches an existing entry with steps for its
 * role, and no path is longer than RH_GUIDE_MAX_DEPTH choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-guide"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rh-catalog.h"
#include "rh-guide.h"

struct _RhGuideNode
{
  char        *label;      /* NULL at the root */
  char        *prompt;     /* the question above its choices, or NULL */
  GPtrArray   *choices;    /* RhGuideNode, NULL on a leaf */
  RhGuideNode *parent;
  guint        depth;      /* choices taken to get here: 0 at the root */
  char        *entry_id;   /* leaves only */
  RhRole       role;
};

typedef struct
{
  const char        *origin;
  RhGuideLookupFunc  lookup;
  gpointer           user_data;
} Parse;

G_GNUC_PRINTF (4, 5)
static void
guide_error (GError           **error,
             const Parse       *parse,
             const RhGuideNode *node,
             const char        *format,
             ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (node != NULL && node->label != NULL)
    /* Translators: file name, the choice's label, reason */
    message = g_strdup_printf (_("%s: guide: choice “%s”: %s"), parse->origin, node->label, detail);
  else
    /* Translators: file name, reason */
    message = g_strdup_printf (_("%s: guide: %s"), parse->origin, detail);

  g_set_error_literal (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_INVALID_VALUE, message);
}

static gboolean
optional_string (JsonObject        *object,
                 const char        *name,
                 const Parse       *parse,
                 const RhGuideNode *node,
                 char             **out,
                 GError           **error)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return TRUE;
  if (json_node_get_value_type (member) != G_TYPE_STRING ||
      *json_node_get_string (member) == '\0')
    {
      guide_error (error, parse, node, _("field “%s” must be a non-empty text"), name);
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (member));
  return TRUE;
}

static gboolean parse_node (JsonNode *json, RhGuideNode *node, const Parse *parse, GError **error);

static gboolean
parse_leaf (JsonObject  *object,
            RhGuideNode *node,
            const Parse *parse,
            GError     **error)
{
  g_autofree char *role = NULL;
  RhEntry *entry;

  if (!optional_string (object, "entry", parse, node, &node->entry_id, error) ||
      !optional_string (object, "role", parse, node, &role, error))
    return FALSE;

  if (!(entry = parse->lookup (node->entry_id, parse->user_data)))
    {
      guide_error (error, parse, node, _("no entry has the id “%s”"), node->entry_id);
      return FALSE;
    }

  if (role == NULL)
    return TRUE;

  if (!rh_role_from_string (role, &node->role) || node->role == RH_ROLE_ANY)
    {
      guide_error (error, parse, node, _("role “%s” is not master or general"), role);
      return FALSE;
    }

  /* A role on an entry whose steps are the same for everyone would set a
   * filter that hides nothing: the path should not ask for it. */
  if (!rh_entry_has_role_steps (entry))
    {
      guide_error (error, parse, node, _("entry “%s” has no steps by role"), node->entry_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_choices (JsonArray   *array,
               RhGuideNode *node,
               const Parse *parse,
               GError     **error)
{
  guint n = json_array_get_length (array);

  if (n == 0 || n > RH_GUIDE_MAX_CHOICES)
    {
      guide_error (error, parse, node, _("must offer 1 to %d choices, not %u"),
                   RH_GUIDE_MAX_CHOICES, n);
      return FALSE;
    }
  if (node->depth >= RH_GUIDE_MAX_DEPTH)
    {
      guide_error (error, parse, node, _("a path is longer than %d choices"), RH_GUIDE_MAX_DEPTH);
      return FALSE;
    }

  node->choices = g_ptr_array_new_with_free_func ((GDestroyNotify)rh_guide_node_free);
  for (guint i = 0; i < n; i++)
    {
      RhGuideNode *child = g_new0 (RhGuideNode, 1);

      child->parent = node;
      child->depth = node->depth + 1;
      g_ptr_array_add (node->choices, child);
      if (!parse_node (json_array_get_element (array, i), child, parse, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_node (JsonNode    *json,
            RhGuideNode *node,
            const Parse *parse,
            GError     **error)
{
  JsonObject *object;
  JsonNode *choices;
  gboolean has_entry;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      guide_error (error, parse, node->parent, _("a choice must be an object"));
      return FALSE;
    }
  object = json_node_get_object (json);

  if (node->parent != NULL)
    {
      if (!optional_string (object, "label", parse, node->parent, &node->label, error))
        return FALSE;
      if (node->label == NULL)
        {
          guide_error (error, parse, node->parent, _("a choice has no label"));
          return FALSE;
        }
    }
  if (!optional_string (object, "prompt", parse, node, &node->prompt, error))
    return FALSE;

  choices = json_object_get_member (object, "choices");
  has_entry = json_object_has_member (object, "entry");
  if ((choices != NULL) == has_entry || (node->parent == NULL && has_entry))
    {
      guide_error (error, parse, node, _("needs either “choices” or “entry”, not both"));
      return FALSE;
    }
  if (has_entry)
    return parse_leaf (object, node, parse, error);

  if (!JSON_NODE_HOLDS_ARRAY (choices))
    {
      guide_error (error, parse, node, _("field “choices” must be an array"));
      return FALSE;
    }
  return parse_choices (json_node_get_array (choices), node, parse, error);
}

/**
 * rh_guide_parse:
 * @node: the `guide` member
 * @origin: the file, for messages
 * @lookup: finds the entries the leaves name
 *
 * Returns: (transfer full) (nullable): the root, or %NULL with @error set
 *   (RH_CATALOG_ERROR) naming the choice and what is wrong
 */
RhGuideNode *
rh_guide_parse (JsonNode          *node,
                const char        *origin,
                RhGuideLookupFunc  lookup,
                gpointer           user_data,
                GError           **error)
{
  g_autoptr(RhGuideNode) root = g_new0 (RhGuideNode, 1);
  Parse parse = { origin, lookup, user_data };

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (lookup != NULL, NULL);

  if (!parse_node (node, root, &parse, error))
    return NULL;
  return g_steal_pointer (&root);
}

void
rh_guide_node_free (RhGuideNode *self)
{
  if (self == NULL)
    return;
  g_free (self->label);
  g_free (self->prompt);
  g_free (self->entry_id);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_free (self);
}

const char *
rh_guide_node_get_label (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->label;
}

const char *
rh_guide_node_get_prompt (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->prompt;
}

guint
rh_guide_node_get_n_choices (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->choices ? self->choices->len : 0;
}

const RhGuideNode *
rh_guide_node_get_choice (const RhGuideNode *self,
                          guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < rh_guide_node_get_n_choices (self), NULL);
  return g_ptr_array_index (self->choices, index);
}

const RhGuideNode *
rh_guide_node_get_parent (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->parent;
}

guint
rh_guide_node_get_depth (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->depth;
}

/* The entry a leaf ends on; NULL for a step with choices. */
const char *
rh_guide_node_get_entry_id (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->entry_id;
}

/* The role filter to set on arrival; RH_ROLE_ANY when none. */
RhRole
rh_guide_node_get_role (const RhGuideNode *self)
{
  g_return_val_if_fail (self != NULL, RH_ROLE_ANY);
  return self->role;
}
