/* rh-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rh-catalog.h"
#include "rh-category-private.h"
#include "rh-entry-private.h"
#include "rh-file.h"
#include "rh-guide.h"

#define MAX_JSON_DEPTH 64
/* Far above any real faq.json (the updater takes at most 5 MiB). */
#define MAX_FILE_SIZE (64 * 1024 * 1024)

struct _RhCatalog
{
  GObject      parent_instance;
  char        *origin;
  char        *revision;
  char        *title;
  char        *intro;
  GListStore  *entries;      /* RhEntry */
  GListStore  *categories;   /* root RhCategory */
  GHashTable  *entry_by_id;      /* id → RhEntry (borrowed) */
  GHashTable  *category_by_id;   /* id → RhCategory (borrowed) */
  GHashTable  *contact_by_id;    /* id → RhContact (owned) */
  GHashTable  *service_names;    /* id → name (owned) */
  RhGuideNode *guide;            /* NULL when the content has none */
};

G_DEFINE_FINAL_TYPE (RhCatalog, rh_catalog, G_TYPE_OBJECT)
G_DEFINE_QUARK (rh-catalog-error-quark, rh_catalog_error)

enum {
  PROP_0,
  PROP_REVISION,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Where in the file we are, for error messages. */
typedef struct
{
  const char *origin;
  const char *kind;   /* translated: "entry", "contact", … */
  const char *id;
} Ctx;

G_GNUC_PRINTF (5, 6)
static void
set_error (GError    **error,
           int         code,
           const Ctx  *ctx,
           const char *field,
           const char *format,
           ...)
{
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->kind == NULL)
    /* Translators: file name, field name, reason */
    message = g_strdup_printf (_("%s: field “%s”: %s"), ctx->origin, field, detail);
  else
    /* Translators: file name, kind of object (entry, contact…), its id, field name, reason */
    message = g_strdup_printf (_("%s: %s “%s”: field “%s”: %s"),
                               ctx->origin, ctx->kind, ctx->id, field, detail);

  /* Messages echo values from the file; keep them displayable. */
  g_set_error_literal (error, RH_CATALOG_ERROR, code, valid = g_utf8_make_valid (message, -1));
}

static gboolean
get_member (JsonObject  *object,
            const char  *name,
            JsonNodeType type,
            gboolean     required,
            const Ctx   *ctx,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, name, _("missing"));
          return FALSE;
        }
      return TRUE;
    }

  if (json_node_get_node_type (node) != type)
    {
      const char *expected = type == JSON_NODE_OBJECT ? _("an object")
                           : type == JSON_NODE_ARRAY ? _("an array")
                           : _("a value");
      set_error (error, RH_CATALOG_ERROR_WRONG_TYPE, ctx, name, _("must be %s"), expected);
      return FALSE;
    }

  *out = node;
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            gboolean     required,
            const Ctx   *ctx,
            const char **out,
            GError     **error)
{
  JsonNode *node;

  *out = NULL;

  if (!get_member (object, name, JSON_NODE_VALUE, required, ctx, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_error (error, RH_CATALOG_ERROR_WRONG_TYPE, ctx, name, _("must be a string"));
      return FALSE;
    }

  *out = json_node_get_string (node);

  /* json-glib lets "\ud800" through as invalid UTF-8. */
  if (*out != NULL && !g_utf8_validate (*out, -1, NULL))
    {
      *out = NULL;
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, name, _("is not valid text"));
      return FALSE;
    }

  if (required && (*out == NULL || **out == '\0'))
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, name, _("must not be empty"));
      return FALSE;
    }

  return TRUE;
}

/* An optional or required array of strings; *out is NULL-terminated and owned. */
static gboolean
get_strv (JsonObject  *object,
          const char  *name,
          gboolean     required,
          const Ctx   *ctx,
          char      ***out,
          GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonNode *node;
  JsonArray *array;

  *out = NULL;

  if (!get_member (object, name, JSON_NODE_ARRAY, required, ctx, &node, error))
    return FALSE;

  builder = g_strv_builder_new ();

  if (node != NULL)
    {
      array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
            {
              g_autofree char *field = g_strdup_printf ("%s[%u]", name, i);
              set_error (error, RH_CATALOG_ERROR_WRONG_TYPE, ctx, field, _("must be a string"));
              return FALSE;
            }

          if (!g_utf8_validate (json_node_get_string (item), -1, NULL))
            {
              g_autofree char *field = g_strdup_printf ("%s[%u]", name, i);
              set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, field, _("is not valid text"));
              return FALSE;
            }

          g_strv_builder_add (builder, json_node_get_string (item));
        }
    }

  *out = g_strv_builder_end (builder);

  if (required && (*out)[0] == NULL)
    {
      g_clear_pointer (out, g_strfreev);
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, name, _("must not be empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_object_at (JsonArray   *array,
               guint        index,
               const Ctx   *ctx,
               const char  *field,
               JsonObject **out,
               GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *name = g_strdup_printf ("%s[%u]", field, index);
      set_error (error, RH_CATALOG_ERROR_WRONG_TYPE, ctx, name, _("must be an object"));
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}

static gboolean
parse_minute (const char *str,
              int        *minute)
{
  int h, m;

  if (str == NULL || strlen (str) != 5 || str[2] != ':' ||
      !g_ascii_isdigit (str[0]) || !g_ascii_isdigit (str[1]) ||
      !g_ascii_isdigit (str[3]) || !g_ascii_isdigit (str[4]))
    return FALSE;

  h = (str[0] - '0') * 10 + (str[1] - '0');
  m = (str[3] - '0') * 10 + (str[4] - '0');

  if (h > 24 || m > 59 || (h == 24 && m != 0))
    return FALSE;

  *minute = h * 60 + m;
  return TRUE;
}

static gboolean
valid_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
      return FALSE;

  return TRUE;
}

static gboolean
get_id (JsonObject  *object,
        Ctx         *ctx,
        guint        index,
        char        *fallback,
        gsize        fallback_len,
        const char **out,
        GError     **error)
{
  g_snprintf (fallback, fallback_len, "#%u", index + 1);
  ctx->id = fallback;

  if (!get_string (object, "id", TRUE, ctx, out, error))
    return FALSE;

  if (!valid_id (*out))
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "id",
                 _("“%s” is not a valid id (use a-z, 0-9 and -)"), *out);
      return FALSE;
    }

  ctx->id = *out;
  return TRUE;
}

static gboolean
load_services (RhCatalog  *self,
               JsonObject *root,
               Ctx        *ctx,
               GError    **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!get_member (root, "services", JSON_NODE_ARRAY, TRUE, ctx, &node, error))
    return FALSE;

  array = json_node_get_array (node);
  ctx->kind = _("service");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object;
      const char *id, *name, *short_name;
      char fallback[16];

      ctx->id = "";
      if (!get_object_at (array, i, ctx, "services", &object, error) ||
          !get_id (object, ctx, i, fallback, sizeof fallback, &id, error) ||
          !get_string (object, "name", TRUE, ctx, &name, error) ||
          !get_string (object, "short_name", FALSE, ctx, &short_name, error))
        return FALSE;

      if (g_hash_table_contains (self->service_names, id))
        {
          set_error (error, RH_CATALOG_ERROR_DUPLICATE_ID, ctx, "id", _("duplicate id"));
          return FALSE;
        }

      g_hash_table_insert (self->service_names, g_strdup (id), g_strdup (name));
    }

  return TRUE;
}

static gboolean
load_contacts (RhCatalog  *self,
               JsonObject *root,
               Ctx        *ctx,
               GError    **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!get_member (root, "contacts", JSON_NODE_ARRAY, TRUE, ctx, &node, error))
    return FALSE;

  array = json_node_get_array (node);
  ctx->kind = _("contact");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RhContact) contact = NULL;
      g_auto(GStrv) hours_text = NULL;
      JsonObject *object;
      JsonNode *hours;
      const char *id, *name, *label, *phone;
      char fallback[16];

      ctx->id = "";
      if (!get_object_at (array, i, ctx, "contacts", &object, error) ||
          !get_id (object, ctx, i, fallback, sizeof fallback, &id, error) ||
          !get_string (object, "name", TRUE, ctx, &name, error) ||
          !get_string (object, "label", FALSE, ctx, &label, error) ||
          !get_string (object, "phone", FALSE, ctx, &phone, error) ||
          !get_strv (object, "hours_text", FALSE, ctx, &hours_text, error) ||
          !get_member (object, "hours", JSON_NODE_OBJECT, FALSE, ctx, &hours, error))
        return FALSE;

      if (g_hash_table_contains (self->contact_by_id, id))
        {
          set_error (error, RH_CATALOG_ERROR_DUPLICATE_ID, ctx, "id", _("duplicate id"));
          return FALSE;
        }

      contact = rh_contact_new (id, name, label, phone, (const char * const *)hours_text);

      if (hours != NULL)
        {
          JsonObject *hobj = json_node_get_object (hours);
          g_auto(GStrv) closed = NULL;
          const char *open_str, *close_str;
          RhClosedDays closed_days = 0;
          int open_minute = 0, close_minute = 0;

          if (!get_string (hobj, "open", TRUE, ctx, &open_str, error) ||
              !get_string (hobj, "close", TRUE, ctx, &close_str, error) ||
              !get_strv (hobj, "closed", FALSE, ctx, &closed, error))
            return FALSE;

          if (!parse_minute (open_str, &open_minute))
            {
              set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "hours.open",
                         _("“%s” is not a time like 09:00"), open_str);
              return FALSE;
            }

          if (!parse_minute (close_str, &close_minute) || close_minute <= open_minute)
            {
              set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "hours.close",
                         _("“%s” is not a time after the opening time"), close_str);
              return FALSE;
            }

          for (guint j = 0; closed[j]; j++)
            {
              if (g_str_equal (closed[j], "weekend"))
                closed_days |= RH_CLOSED_WEEKEND;
              else if (g_str_equal (closed[j], "holiday"))
                closed_days |= RH_CLOSED_HOLIDAY;
              else if (g_str_equal (closed[j], "year-end"))
                closed_days |= RH_CLOSED_YEAR_END;
              else
                {
                  set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "hours.closed",
                             _("unknown value “%s”"), closed[j]);
                  return FALSE;
                }
            }

          rh_contact_set_hours (contact, open_minute, close_minute, closed_days);
        }

      g_hash_table_insert (self->contact_by_id, g_strdup (id), g_steal_pointer (&contact));
    }

  return TRUE;
}

static gboolean
load_category_array (RhCatalog  *self,
                     JsonArray  *array,
                     RhCategory *parent,
                     Ctx        *ctx,
                     GError    **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RhCategory) category = NULL;
      JsonObject *object;
      JsonNode *children;
      const char *id, *title;
      char fallback[16];

      ctx->kind = _("category");
      ctx->id = parent ? rh_category_get_id (parent) : "";
      if (!get_object_at (array, i, ctx, parent ? "children" : "categories", &object, error) ||
          !get_id (object, ctx, i, fallback, sizeof fallback, &id, error) ||
          !get_string (object, "title", TRUE, ctx, &title, error) ||
          !get_member (object, "children", JSON_NODE_ARRAY, FALSE, ctx, &children, error))
        return FALSE;

      if (g_hash_table_contains (self->category_by_id, id))
        {
          set_error (error, RH_CATALOG_ERROR_DUPLICATE_ID, ctx, "id", _("duplicate id"));
          return FALSE;
        }

      category = _rh_category_new (id, title, parent);
      g_hash_table_insert (self->category_by_id, (char *)rh_category_get_id (category), category);

      if (parent == NULL)
        g_list_store_append (self->categories, category);

      if (children != NULL &&
          !load_category_array (self, json_node_get_array (children), category, ctx, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
block_type_from_string (const char  *str,
                        RhBlockType *type)
{
  static const struct { const char *name; RhBlockType type; } types[] = {
    { "paragraph", RH_BLOCK_PARAGRAPH },
    { "heading", RH_BLOCK_HEADING },
    { "list", RH_BLOCK_LIST },
    { "steps", RH_BLOCK_STEPS },
    { "note", RH_BLOCK_NOTE },
    { "form", RH_BLOCK_FORM },
    { "contact", RH_BLOCK_CONTACT },
    { "deadline", RH_BLOCK_DEADLINE },
    { "unanswered", RH_BLOCK_UNANSWERED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (g_str_equal (str, types[i].name))
        {
          *type = types[i].type;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
resolve_contact (RhCatalog   *self,
                 const char  *id,
                 const Ctx   *ctx,
                 const char  *field,
                 RhContact  **out,
                 GError     **error)
{
  RhContact *contact = g_hash_table_lookup (self->contact_by_id, id);

  if (contact == NULL)
    {
      set_error (error, RH_CATALOG_ERROR_DANGLING_REF, ctx, field,
                 _("no contact with id “%s”"), id);
      return FALSE;
    }

  *out = g_object_ref (contact);
  return TRUE;
}

/* A form's optional name and address (where the clerk gets it), as an
 * organisation may supply them in a content update: a name is not empty,
 * an address is an absolute https:// one. */
static gboolean
load_form_source (JsonObject  *object,
                  RhBlock     *block,
                  guint        index,
                  const Ctx   *ctx,
                  GError     **error)
{
  g_autofree char *name_field = g_strdup_printf ("blocks[%u].name", index);
  g_autofree char *url_field = g_strdup_printf ("blocks[%u].url", index);
  const char *str;
  g_autoptr(GUri) uri = NULL;

  if (!get_string (object, "name", FALSE, ctx, &str, error))
    return FALSE;
  if (str != NULL && *str == '\0')
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, name_field, _("empty"));
      return FALSE;
    }
  block->form_name = g_strdup (str);

  if (!get_string (object, "url", FALSE, ctx, &str, error))
    return FALSE;
  if (str == NULL)
    return TRUE;
  uri = g_uri_parse (str, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_strcmp0 (g_uri_get_scheme (uri), "https") != 0 ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, url_field,
                 _("“%s” is not an https:// address"), str);
      return FALSE;
    }
  block->form_url = g_strdup (str);

  return TRUE;
}

/* A form block's own members: the contact it goes to, the item to tick,
 * and the optional name and address of the form. */
static gboolean
load_form_fields (RhCatalog  *self,
                  JsonObject *object,
                  RhBlock    *block,
                  guint       index,
                  const Ctx  *ctx,
                  GError    **error)
{
  g_autofree char *to_field = g_strdup_printf ("blocks[%u].to", index);
  const char *ref = NULL;
  const char *str;

  if (!get_string (object, "to", FALSE, ctx, &ref, error))
    return FALSE;
  if (ref == NULL)
    {
      set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, to_field, _("missing"));
      return FALSE;
    }
  if (!resolve_contact (self, ref, ctx, to_field, &block->contact, error))
    return FALSE;
  if (!get_string (object, "check", FALSE, ctx, &str, error))
    return FALSE;
  block->check = g_strdup (str);
  if (!get_string (object, "check_text", FALSE, ctx, &str, error))
    return FALSE;
  block->check_text = g_strdup (str);
  return load_form_source (object, block, index, ctx, error);
}

static RhBlock *
load_block (RhCatalog  *self,
            JsonObject *object,
            guint       index,
            const Ctx  *ctx,
            GError    **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  RhBlock *block = g_new0 (RhBlock, 1);
  const char *type_str, *role_str, *str;
  const char *ref = NULL;

#define FIELD(name) (g_string_printf (field, "blocks[%u].%s", index, name), field->str)

  /* Field names in messages carry the block index; look members up by plain name. */
  if (!get_string (object, "type", FALSE, ctx, &type_str, error))
    goto failure;

  if (type_str == NULL)
    {
      set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, FIELD ("type"), _("missing"));
      goto failure;
    }

  if (!block_type_from_string (type_str, &block->type))
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, FIELD ("type"),
                 _("unknown block type “%s”"), type_str);
      goto failure;
    }

  if (!get_string (object, "role", FALSE, ctx, &role_str, error))
    goto failure;

  if (role_str != NULL)
    {
      if (g_str_equal (role_str, "master"))
        block->role = RH_ROLE_MASTER;
      else if (g_str_equal (role_str, "general"))
        block->role = RH_ROLE_GENERAL;
      else
        {
          set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, FIELD ("role"),
                     _("must be “master” or “general”, not “%s”"), role_str);
          goto failure;
        }
    }

  switch (block->type)
    {
    case RH_BLOCK_PARAGRAPH:
    case RH_BLOCK_HEADING:
    case RH_BLOCK_NOTE:
    case RH_BLOCK_UNANSWERED:
    case RH_BLOCK_FORM:
      if (!get_string (object, "text", FALSE, ctx, &str, error))
        goto failure;
      if (str == NULL || *str == '\0')
        {
          set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, FIELD ("text"), _("missing"));
          goto failure;
        }
      block->text = g_strdup (str);

      if (block->type == RH_BLOCK_FORM &&
          !load_form_fields (self, object, block, index, ctx, error))
        goto failure;
      break;

    case RH_BLOCK_LIST:
    case RH_BLOCK_STEPS:
      if (!get_strv (object, "items", FALSE, ctx, &block->items, error))
        goto failure;
      if (block->items == NULL || block->items[0] == NULL)
        {
          set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, FIELD ("items"), _("missing"));
          goto failure;
        }
      break;

    case RH_BLOCK_CONTACT:
      if (!get_string (object, "contact", FALSE, ctx, &ref, error) ||
          !get_string (object, "text", FALSE, ctx, &str, error))
        goto failure;
      if (ref == NULL)
        {
          set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, FIELD ("contact"), _("missing"));
          goto failure;
        }
      if (!resolve_contact (self, ref, ctx, FIELD ("contact"), &block->contact, error))
        goto failure;
      block->text = g_strdup (str);
      break;

    case RH_BLOCK_DEADLINE:
      if (!get_string (object, "kind", FALSE, ctx, &str, error))
        goto failure;
      if (str == NULL)
        {
          set_error (error, RH_CATALOG_ERROR_MISSING_FIELD, ctx, FIELD ("kind"), _("missing"));
          goto failure;
        }
      if (!g_str_equal (str, "zaikei") && !g_str_equal (str, "nyukin") &&
          !g_str_equal (str, "meisai"))
        {
          set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, FIELD ("kind"),
                     _("unknown deadline kind “%s”"), str);
          goto failure;
        }
      block->kind = g_strdup (str);
      break;

    default:
      g_assert_not_reached ();
    }

#undef FIELD

  return block;

failure:
  _rh_block_free (block);
  return NULL;
}

static gboolean
load_entries (RhCatalog  *self,
              JsonObject *root,
              Ctx        *ctx,
              GError    **error)
{
  JsonNode *node;
  JsonArray *array;

  if (!get_member (root, "entries", JSON_NODE_ARRAY, TRUE, ctx, &node, error))
    return FALSE;

  array = json_node_get_array (node);

  if (json_array_get_length (array) == 0)
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "entries", _("must not be empty"));
      return FALSE;
    }

  ctx->kind = _("entry");

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(RhEntry) entry = NULL;
      g_auto(GStrv) keywords = NULL;
      g_auto(GStrv) categories = NULL;
      JsonObject *object;
      JsonNode *blocks_node;
      JsonArray *blocks;
      const char *id, *service, *question, *service_name;
      char fallback[16];

      ctx->id = "";
      if (!get_object_at (array, i, ctx, "entries", &object, error) ||
          !get_id (object, ctx, i, fallback, sizeof fallback, &id, error) ||
          !get_string (object, "service", TRUE, ctx, &service, error) ||
          !get_strv (object, "categories", TRUE, ctx, &categories, error) ||
          !get_string (object, "question", TRUE, ctx, &question, error) ||
          !get_strv (object, "keywords", FALSE, ctx, &keywords, error) ||
          !get_member (object, "blocks", JSON_NODE_ARRAY, TRUE, ctx, &blocks_node, error))
        return FALSE;

      if (g_hash_table_contains (self->entry_by_id, id))
        {
          set_error (error, RH_CATALOG_ERROR_DUPLICATE_ID, ctx, "id", _("duplicate id"));
          return FALSE;
        }

      if (!(service_name = g_hash_table_lookup (self->service_names, service)))
        {
          set_error (error, RH_CATALOG_ERROR_DANGLING_REF, ctx, "service",
                     _("no service with id “%s”"), service);
          return FALSE;
        }

      for (guint j = 0; categories[j]; j++)
        {
          if (!g_hash_table_contains (self->category_by_id, categories[j]))
            {
              set_error (error, RH_CATALOG_ERROR_DANGLING_REF, ctx, "categories",
                         _("no category with id “%s”"), categories[j]);
              return FALSE;
            }
        }

      blocks = json_node_get_array (blocks_node);
      if (json_array_get_length (blocks) == 0)
        {
          set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, ctx, "blocks", _("must not be empty"));
          return FALSE;
        }

      entry = _rh_entry_new (id, service, service_name, question,
                             (const char * const *)keywords,
                             (const char * const *)categories);

      for (guint j = 0; j < json_array_get_length (blocks); j++)
        {
          JsonObject *bobj;
          RhBlock *block;

          if (!get_object_at (blocks, j, ctx, "blocks", &bobj, error) ||
              !(block = load_block (self, bobj, j, ctx, error)))
            return FALSE;

          _rh_entry_add_block (entry, block);
        }

      g_hash_table_insert (self->entry_by_id, (char *)rh_entry_get_id (entry), entry);
      g_list_store_append (self->entries, entry);
    }

  /* Place entries in the tree only once everything is known to be valid. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->entries)); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      const char * const *ids = rh_entry_get_category_ids (entry);

      for (guint j = 0; ids[j]; j++)
        _rh_category_add_item (g_hash_table_lookup (self->category_by_id, ids[j]), entry);
    }

  return TRUE;
}

static gboolean
valid_revision (const char *str)
{
  int y, m, d;

  if (strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (str[i]))
      return FALSE;

  y = atoi (str);
  m = atoi (str + 5);
  d = atoi (str + 8);

  return y >= 1 && g_date_valid_dmy (d, m, y);
}

/* The content format is strict JSON (RFC 8259). json-glib also accepts
 * comments and single-quoted strings, which could hide brackets from a
 * counter that does not know them; so everything strict JSON does not
 * allow is refused here, in one linear pass, before json-glib sees it.
 * What remains has its brackets only where they nest, so counting them is
 * exact and no input reaches json-glib's recursive parser deeper than
 * MAX_JSON_DEPTH. A \u0000 escape is refused too: it would silently cut
 * the text it is in. */
static gboolean
check_strict_json (const char  *data,
                   gsize        len,
                   const char  *origin,
                   GError     **error)
{
  gboolean in_string = FALSE;
  guint line = 1;
  int depth = 0;
  const char *what = NULL;

  for (gsize i = 0; i < len && what == NULL; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (in_string)
        {
          if (c == '"')
            in_string = FALSE;
          else if (c == '\\' && i + 1 < len)
            {
              if (data[i + 1] == 'u' && i + 5 < len && memcmp (data + i + 2, "0000", 4) == 0)
                what = _("a text holds \\u0000 (a NUL character)");
              i++;
            }
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[': case '{':
          if (++depth > MAX_JSON_DEPTH)
            {
              g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE,
                           _("%s: the JSON is nested too deeply"), origin);
              return FALSE;
            }
          break;
        case ']': case '}':
          if (--depth < 0)
            what = _("a closing bracket has no opening one");
          break;
        case '/':
          what = _("comments are not allowed (the file must be strict JSON)");
          break;
        case '\'':
          what = _("single quotes are not allowed (the file must be strict JSON)");
          break;
        case ' ': case '\t': case '\n': case '\r': case ':': case ',':
        case '-': case '+': case '.':
          break;
        default:
          if (!g_ascii_isalnum (c))
            what = _("a character that strict JSON does not allow");
          break;
        }
    }

  if (what != NULL)
    {
      /* Translators: file name, line number, what is wrong */
      g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE,
                   _("%s, line %u: not valid JSON: %s"), origin, line, what);
      return FALSE;
    }

  return TRUE;
}

static RhEntry *
lookup_entry_cb (const char *entry_id,
                 gpointer    user_data)
{
  return rh_catalog_lookup_entry (user_data, entry_id);
}

/* The guided path (rh-guide.c); optional, so older content still loads. */
static gboolean
load_guide (RhCatalog   *self,
            JsonObject  *root,
            GError     **error)
{
  JsonNode *node = json_object_get_member (root, "guide");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  self->guide = rh_guide_parse (node, self->origin, lookup_entry_cb, self, error);
  return self->guide != NULL;
}

static gboolean
rh_catalog_load (RhCatalog  *self,
                 GBytes     *bytes,
                 GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  Ctx ctx = { self->origin, NULL, NULL };
  JsonNode *root_node, *schema_node;
  JsonObject *root;
  const char *revision, *title, *intro;
  JsonNode *categories;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL || len == 0)
    {
      g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE,
                   _("%s: the file is empty"), self->origin);
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE,
                   _("%s: the file is not valid UTF-8 text"), self->origin);
      return FALSE;
    }

  if (!check_strict_json (data, len, self->origin, error))
    return FALSE;

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE,
                   _("%s: not valid JSON: %s"), self->origin, reason);
      return FALSE;
    }

  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_set_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_WRONG_TYPE,
                   _("%s: the top level must be a JSON object"), self->origin);
      return FALSE;
    }

  root = json_node_get_object (root_node);

  if (!get_member (root, "schema", JSON_NODE_VALUE, TRUE, &ctx, &schema_node, error))
    return FALSE;

  if (json_node_get_value_type (schema_node) != G_TYPE_INT64)
    {
      set_error (error, RH_CATALOG_ERROR_WRONG_TYPE, &ctx, "schema", _("must be a number"));
      return FALSE;
    }

  if (json_node_get_int (schema_node) != RH_CATALOG_SCHEMA)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (schema_node));

      set_error (error, RH_CATALOG_ERROR_SCHEMA, &ctx, "schema",
                 _("unknown schema %s (this version reads schema %d)"),
                 number, RH_CATALOG_SCHEMA);
      return FALSE;
    }

  if (!get_string (root, "revision", TRUE, &ctx, &revision, error) ||
      !get_string (root, "title", TRUE, &ctx, &title, error) ||
      !get_string (root, "intro", FALSE, &ctx, &intro, error))
    return FALSE;

  if (!valid_revision (revision))
    {
      set_error (error, RH_CATALOG_ERROR_INVALID_VALUE, &ctx, "revision",
                 _("“%s” is not a date like 2026-11-25"), revision);
      return FALSE;
    }

  self->revision = g_strdup (revision);
  self->title = g_strdup (title);
  self->intro = g_strdup (intro);

  if (!load_services (self, root, &ctx, error) ||
      !load_contacts (self, root, &ctx, error))
    return FALSE;

  ctx.kind = NULL;
  if (!get_member (root, "categories", JSON_NODE_ARRAY, TRUE, &ctx, &categories, error) ||
      !load_category_array (self, json_node_get_array (categories), NULL, &ctx, error))
    return FALSE;

  ctx.kind = NULL;
  if (!load_entries (self, root, &ctx, error) ||
      !load_guide (self, root, error))
    return FALSE;

  return TRUE;
}

static void
rh_catalog_finalize (GObject *object)
{
  RhCatalog *self = (RhCatalog *)object;

  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->revision, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->entry_by_id, g_hash_table_unref);
  g_clear_pointer (&self->category_by_id, g_hash_table_unref);
  g_clear_pointer (&self->contact_by_id, g_hash_table_unref);
  g_clear_pointer (&self->service_names, g_hash_table_unref);
  g_clear_pointer (&self->guide, rh_guide_node_free);
  g_clear_object (&self->entries);
  g_clear_object (&self->categories);

  G_OBJECT_CLASS (rh_catalog_parent_class)->finalize (object);
}

static void
rh_catalog_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RhCatalog *self = RH_CATALOG (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_string (value, self->revision);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_catalog_class_init (RhCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_catalog_finalize;
  object_class->get_property = rh_catalog_get_property;

  properties [PROP_REVISION] =
    g_param_spec_string ("revision", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_catalog_init (RhCatalog *self)
{
  self->entries = g_list_store_new (RH_TYPE_ENTRY);
  self->categories = g_list_store_new (RH_TYPE_CATEGORY);
  self->entry_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->category_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->contact_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->service_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * rh_catalog_new_from_bytes:
 * @bytes: the content of a faq.json
 * @origin: a name for the content in error messages, usually the file name
 *
 * Parses and validates content. Nothing is half-loaded: on any error
 * %NULL is returned with @error naming the file, object and field.
 *
 * Returns: (transfer full) (nullable): a new catalog
 */
RhCatalog *
rh_catalog_new_from_bytes (GBytes      *bytes,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(RhCatalog) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RH_TYPE_CATALOG, NULL);
  self->origin = g_strdup (origin ? origin : "faq.json");

  if (!rh_catalog_load (self, bytes, error))
    return NULL;

  return g_steal_pointer (&self);
}

RhCatalog *
rh_catalog_new_from_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* A regular file only, so that a FIFO or a device never blocks or
   * floods the loader. */
  if (!(bytes = rh_file_read_regular (path, MAX_FILE_SIZE, error)))
    return NULL;

  return rh_catalog_new_from_bytes (bytes, path, error);
}

/**
 * rh_catalog_new_builtin:
 *
 * The content compiled into the program.
 *
 * Returns: (transfer full): the built-in catalog
 */
RhCatalog *
rh_catalog_new_builtin (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = g_resources_lookup_data (RH_CATALOG_RESOURCE, 0, error)))
    return NULL;

  return rh_catalog_new_from_bytes (bytes, "faq.json (built-in)", error);
}

const char *
rh_catalog_get_origin (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return self->origin;
}

const char *
rh_catalog_get_revision (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return self->revision;
}

const char *
rh_catalog_get_title (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return self->title;
}

const char *
rh_catalog_get_intro (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return self->intro;
}

GListModel *
rh_catalog_get_entries (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->entries);
}

GListModel *
rh_catalog_get_categories (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return G_LIST_MODEL (self->categories);
}

RhEntry *
rh_catalog_lookup_entry (RhCatalog  *self,
                         const char *id)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->entry_by_id, id) : NULL;
}

RhContact *
rh_catalog_lookup_contact (RhCatalog  *self,
                           const char *id)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->contact_by_id, id) : NULL;
}

RhCategory *
rh_catalog_lookup_category (RhCatalog  *self,
                            const char *id)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return id ? g_hash_table_lookup (self->category_by_id, id) : NULL;
}

const char *
rh_catalog_get_service_name (RhCatalog  *self,
                             const char *service_id)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return service_id ? g_hash_table_lookup (self->service_names, service_id) : NULL;
}

/**
 * rh_catalog_dup_entry_categories:
 *
 * Returns: (transfer container): the categories @entry is listed under
 */
GPtrArray *
rh_catalog_dup_entry_categories (RhCatalog *self,
                                 RhEntry   *entry)
{
  GPtrArray *ret = g_ptr_array_new ();
  const char * const *ids;

  g_return_val_if_fail (RH_IS_CATALOG (self), ret);
  g_return_val_if_fail (RH_IS_ENTRY (entry), ret);

  ids = rh_entry_get_category_ids (entry);
  for (guint i = 0; ids[i]; i++)
    {
      RhCategory *category = g_hash_table_lookup (self->category_by_id, ids[i]);

      if (category != NULL)
        g_ptr_array_add (ret, category);
    }

  return ret;
}

/**
 * rh_catalog_get_guide:
 *
 * Returns: (transfer none) (nullable): the root of the guided path, or
 *   %NULL when the content has none
 */
const RhGuideNode *
rh_catalog_get_guide (RhCatalog *self)
{
  g_return_val_if_fail (RH_IS_CATALOG (self), NULL);
  return self->guide;
}
