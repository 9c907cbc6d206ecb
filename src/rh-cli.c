/* rh-cli.c
 *
 * The command line shares the binary with the window and calls the same
 * core functions. It never needs a display: everything here runs from
 * GApplication::handle-local-options, before GTK is initialised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "rh-cli.h"
#include "rh-cli-calendar.h"
#include "rh-cli-search.h"
#include "rh-cli-today.h"
#include "rh-cli-update.h"

#define EXIT_BAD_INPUT 2

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and content revision"), NULL },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List every entry (id, service, question)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print results as JSON"), NULL },
  { "search", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Search the entries for TEXT, best first"), N_("TEXT") },
  { "limit", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Show at most N search results (default 10)"), N_("N") },
  { "content", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Read the content from FILE instead of the installed content"), N_("FILE") },
  { NULL }
};

void
rh_cli_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, main_entries);
  g_application_add_main_option_entries (app, rh_cli_update_entries);
  rh_cli_calendar_add_options (app);
  rh_cli_today_add_options (app);
  g_application_set_option_context_summary (app, _("Rokin Help — procedures and deadlines for "
                                                   "ろうきんインターネットバンキング(団体向け) and "
                                                   "賃金控除事務支援サービス.\n"
                                                   "Without options, opens the window."));
}

/**
 * rh_cli_load_catalog:
 * @path: (nullable): a faq.json to read, or %NULL for the content in use
 *   (the newest valid of the downloaded and the built-in content)
 *
 * Returns: (transfer full) (nullable): the catalog
 */
RhCatalog *
rh_cli_load_catalog (const char  *path,
                     GError     **error)
{
  g_autoptr(RhContentUpdater) updater = NULL;

  if (path != NULL)
    return rh_catalog_new_from_file (path, error);

  updater = rh_content_updater_new (NULL);
  return rh_content_updater_load_best_catalog (updater, error);
}

/**
 * rh_cli_print_json:
 *
 * Prints @node as compact JSON and a newline on stdout; every command's
 * --json output goes through here.
 */
void
rh_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static int
cli_list (RhCatalog *catalog,
          gboolean   json)
{
  GListModel *entries = rh_catalog_get_entries (catalog);
  guint n = g_list_model_get_n_items (entries);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, rh_entry_get_id (entry));
          json_builder_set_member_name (builder, "service");
          json_builder_add_string_value (builder, rh_entry_get_service_id (entry));
          json_builder_set_member_name (builder, "question");
          json_builder_add_string_value (builder, rh_entry_get_question (entry));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      rh_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

          g_print ("%-26s %-10s %s\n",
                   rh_entry_get_id (entry),
                   rh_entry_get_service_id (entry),
                   rh_entry_get_question (entry));
        }
    }

  return EXIT_SUCCESS;
}

int
rh_cli_handle_local_options (GApplication *app,
                             GVariantDict *options)
{
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const char *content = NULL;
  gboolean json = g_variant_dict_contains (options, "json");

  g_variant_dict_lookup (options, "content", "^&ay", &content);

  if (g_variant_dict_contains (options, "version"))
    {
      /* The content in use: downloaded if newer than the built-in. */
      g_autoptr(RhCatalog) in_use = rh_cli_load_catalog (content, NULL);

      g_print ("rokin-help %s\n", PACKAGE_VERSION);
      if (in_use != NULL)
        g_print (_("content revision %s\n"), rh_catalog_get_revision (in_use));
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "search"))
    {
      const char *query = NULL;
      const char *limit_text = NULL;
      guint limit = RH_CLI_SEARCH_DEFAULT_LIMIT;

      g_variant_dict_lookup (options, "search", "&s", &query);
      if (g_variant_dict_lookup (options, "limit", "&s", &limit_text) &&
          !rh_cli_search_parse_limit (limit_text, &limit, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }

      if (!(catalog = rh_cli_load_catalog (content, &error)))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      return rh_cli_search (catalog, query, limit, json);
    }

  if (g_variant_dict_contains (options, "limit"))
    {
      g_printerr (_("--limit goes with --search\n"));
      return EXIT_BAD_INPUT;
    }

  if (g_variant_dict_contains (options, "update"))
    return rh_cli_update_run (options, json);

  if (g_variant_dict_contains (options, "content-url") || g_variant_dict_contains (options, "holidays-url"))
    {
      g_printerr (_("--content-url and --holidays-url go with --update\n"));
      return EXIT_BAD_INPUT;
    }

  if (rh_cli_today_wanted () && !g_variant_dict_contains (options, "deadline"))
    return rh_cli_today_run (options, content, json);

  if (rh_cli_calendar_wants (options))
    {
      g_autoptr(RhContentUpdater) updater = rh_content_updater_new (NULL);

      /* A downloaded holiday table overrides the built-in rules. */
      rh_content_updater_apply_cached_holidays (updater, NULL);
      return rh_cli_calendar_run (options, json);
    }

  if (!g_variant_dict_contains (options, "list"))
    {
      if (json)
        {
          g_printerr (_("--json goes with --list or another command\n"));
          return EXIT_BAD_INPUT;
        }
      return -1;
    }

  if (!(catalog = rh_cli_load_catalog (content, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return cli_list (catalog, json);
}
