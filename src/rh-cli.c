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
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "rh-cli.h"
#include "rh-cli-calendar.h"
#include "rh-cli-search.h"
#include "rh-cli-today.h"
#include "rh-cli-update.h"

#define EXIT_BAD_INPUT 2

/* Text values are taken as raw bytes (G_OPTION_ARG_FILENAME): GOption
 * would convert G_OPTION_ARG_STRING from the locale's charset, which under
 * LANG=C refuses every Japanese word with a message naming no option.
 * They are read as UTF-8 whatever the locale (rh_cli_lookup_text()). */
static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and content revision"), NULL },
  { "list", 0, 0, G_OPTION_ARG_NONE, NULL, N_("List every entry (id, service, question)"), NULL },
  { "json", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print results as JSON"), NULL },
  { "search", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Search the entries for TEXT, best first"), N_("TEXT") },
  { "limit", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Show at most N search results (default 10)"), N_("N") },
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
 * rh_cli_lookup_text:
 * @error: set when the value is not UTF-8
 *
 * Returns: (transfer none) (nullable): the value of the option @name (given
 *   as G_OPTION_ARG_FILENAME), %NULL when it is absent or not UTF-8
 */
const char *
rh_cli_lookup_text (GVariantDict  *options,
                    const char    *name,
                    GError       **error)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    return NULL;
  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--%s: the value is not valid UTF-8 text"), name);
      return NULL;
    }
  return value;
}

static void
write_all (FILE       *stream,
           const char *bytes,
           size_t      len)
{
  fwrite (bytes, 1, len, stream);
  fflush (stream);
}

/* Writes UTF-8 @text for a person on @stream. In a locale whose character
 * set is not UTF-8 (LANG=C in cron, ssh or a container) the text is
 * converted to it, with transliteration where iconv knows one, and one
 * note on stderr says that characters were lost, rather than a silent line
 * of “?”. */
static void
write_for_person (FILE       *stream,
                  const char *text)
{
  static gboolean noted = FALSE;
  g_autofree char *converted = NULL;
  g_autofree char *translit = NULL;
  const char *charset;
  gsize written = 0;

  if (g_get_charset (&charset))
    {
      write_all (stream, text, strlen (text));
      return;
    }

  converted = g_convert (text, -1, charset, "UTF-8", NULL, &written, NULL);
  if (converted == NULL)
    {
      translit = g_strconcat (charset, "//TRANSLIT", NULL);
      converted = g_convert_with_fallback (text, -1, translit, "UTF-8", "?", NULL, &written, NULL);
      if (converted == NULL)
        converted = g_convert_with_fallback (text, -1, charset, "UTF-8", "?", NULL, &written, NULL);
      if (!noted)
        {
          noted = TRUE;
          fflush (stdout);
          g_printerr (_("Note: the character set of this locale (%s) cannot show all of this text; "
                        "the characters it lacks are transliterated or printed as '?'. Use a UTF-8 locale "
                        "(for example LANG=C.UTF-8) or --json to get every character.\n"), charset);
        }
    }
  if (converted != NULL)
    write_all (stream, converted, written);
}

/**
 * rh_cli_write_text:
 *
 * Writes UTF-8 @text for a person on stdout, in the locale's character
 * set (see write_for_person()).
 */
void
rh_cli_write_text (const char *text)
{
  write_for_person (stdout, text);
}

void
rh_cli_print (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  write_for_person (stdout, text);
}

/* The same on stderr: messages about bad input. */
void
rh_cli_printerr (const char *format,
                 ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  write_for_person (stderr, text);
}

/* A score or any other double, rounded to 3 decimals: json-glib 1.6 writes
 * 17 significant digits, so 3.61 came out as 3.6099999999999999. */
static void
append_json_double (GString *out,
                    double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  size_t len;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.3f", value);
  /* 3.610 → 3.61, 9.000 → 9.0: still a fraction for readers that tell them apart. */
  len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0' && buf[len - 2] != '.')
    buf[--len] = '\0';
  if (strcmp (buf, "-0.0") == 0)
    strcpy (buf, "0.0");
  g_string_append (out, buf);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *escaped = json_to_string (node, FALSE);

  g_string_append (out, escaped);
}

/* Compact JSON as json-glib writes it, but for doubles. */
static void
append_json (GString  *out,
             JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            if (l != members)
              g_string_append_c (out, ',');
            append_json_string (out, l->data);
            g_string_append_c (out, ':');
            append_json (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_json (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        append_json_double (out, json_node_get_double (node));
      else
        {
          g_autofree char *text = json_to_string (node, FALSE);

          g_string_append (out, text);
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * rh_cli_print_json:
 *
 * Prints @node as compact JSON and a newline on stdout; every command's
 * --json output goes through here. JSON is UTF-8 (RFC 8259): the bytes are
 * written as they are, never converted to the locale's character set, so
 * every locale gets the same bytes.
 */
void
rh_cli_print_json (JsonNode *node)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_json (text, node);
  g_string_append_c (text, '\n');
  write_all (stdout, text->str, text->len);
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

          rh_cli_print ("%-26s %-10s %s\n",
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

      rh_cli_print ("rokin-help %s\n", PACKAGE_VERSION);
      if (in_use != NULL)
        rh_cli_print (_("content revision %s\n"), rh_catalog_get_revision (in_use));
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "search"))
    {
      const char *query = NULL;
      const char *limit_text = NULL;
      guint limit = RH_CLI_SEARCH_DEFAULT_LIMIT;

      if (!(query = rh_cli_lookup_text (options, "search", &error)) ||
          (g_variant_dict_contains (options, "limit") &&
           (!(limit_text = rh_cli_lookup_text (options, "limit", &error)) ||
            !rh_cli_search_parse_limit (limit_text, &limit, &error))))
        {
          rh_cli_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }

      if (!(catalog = rh_cli_load_catalog (content, &error)))
        {
          rh_cli_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      return rh_cli_search (catalog, query, limit, json);
    }

  if (g_variant_dict_contains (options, "limit"))
    {
      rh_cli_printerr (_("--limit goes with --search\n"));
      return EXIT_BAD_INPUT;
    }

  if (g_variant_dict_contains (options, "update"))
    return rh_cli_update_run (options, json);

  if (g_variant_dict_contains (options, "content-url") || g_variant_dict_contains (options, "holidays-url"))
    {
      rh_cli_printerr (_("--content-url and --holidays-url go with --update\n"));
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
          rh_cli_printerr (_("--json goes with --list or another command\n"));
          return EXIT_BAD_INPUT;
        }
      return -1;
    }

  if (!(catalog = rh_cli_load_catalog (content, &error)))
    {
      rh_cli_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  return cli_list (catalog, json);
}
