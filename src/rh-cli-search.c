/* rh-cli-search.c — rokin-help --search=TEXT [--json] [--limit=N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "rh-cli.h"
#include "rh-cli-search.h"

#define MAX_LIMIT 1000

gboolean
rh_cli_search_parse_limit (const char  *text,
                           guint       *limit,
                           GError     **error)
{
  guint64 value = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, MAX_LIMIT, &value, NULL))
    {
      g_autofree char *shown = rh_quote_value (text);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--limit must be a whole number from 1 to %d, not “%s”"),
                   MAX_LIMIT, shown);
      return FALSE;
    }

  *limit = (guint)value;
  return TRUE;
}

static void
print_hits_json (GPtrArray *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      RhSearchHit *hit = g_ptr_array_index (hits, i);
      RhEntry *entry = rh_search_hit_get_entry (hit);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, rh_entry_get_id (entry));
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, rh_entry_get_question (entry));
      json_builder_set_member_name (builder, "score");
      /* rh_cli_print_json() writes it with 3 decimals at most */
      json_builder_add_double_value (builder, rh_search_hit_get_score (hit));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  rh_cli_print_json (root);
}

int
rh_cli_search (RhCatalog  *catalog,
               const char *query,
               guint       limit,
               gboolean    json)
{
  g_autoptr(RhSearchIndex) index = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  gboolean suggested = FALSE;

  if (!(index = rh_search_index_new (catalog, &error)))
    {
      rh_cli_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  hits = rh_search_index_search (index, query, limit);

  if (json)
    {
      print_hits_json (hits);
      return EXIT_SUCCESS;
    }

  if (hits->len == 0)
    {
      g_autofree char *shown = rh_quote_value (query);

      g_clear_pointer (&hits, g_ptr_array_unref);
      hits = rh_search_index_suggest (index, query, MIN (limit, 3));
      suggested = TRUE;
      rh_cli_print (_("Nothing found for “%s”.\n"), shown);
      if (hits->len > 0)
        rh_cli_print (_("Closest entries:\n"));
    }

  for (guint i = 0; i < hits->len; i++)
    {
      RhSearchHit *hit = g_ptr_array_index (hits, i);
      RhEntry *entry = rh_search_hit_get_entry (hit);

      if (suggested)
        rh_cli_print ("   %-26s %s\n", rh_entry_get_id (entry), rh_entry_get_question (entry));
      else
        rh_cli_print ("%2u. %-26s %6.2f  %s\n", i + 1, rh_entry_get_id (entry),
                 rh_search_hit_get_score (hit), rh_entry_get_question (entry));
    }

  return EXIT_SUCCESS;
}
