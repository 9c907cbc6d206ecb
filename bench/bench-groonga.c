/* bench-groonga.c — Groonga (TokenMecab) as a reference for bench-search
 *
 * The groonga binary runs in a temporary directory, fed commands on its
 * standard input, one response line each. The lexicon is TokenMecab with
 * readings (use_reading) and NFKC with kana unified: Groonga's own answer
 * to Japanese search. Times are the ones Groonga reports in each
 * response's header, so the pipe is not counted against it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bench-groonga.h"

struct _BenchGroonga
{
  char             *dir;
  GSubprocess      *process;
  GOutputStream    *in;
  GDataInputStream *out;
  double            load_time;
};

/* Sends @command, returns the response's body and *@elapsed, or NULL
 * with @error where Groonga reports a failure. */
static JsonNode *
run (BenchGroonga *self,
     const char   *command,
     double       *elapsed,
     GError      **error)
{
  g_autofree char *line = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *response, *header;

  if (!g_output_stream_write_all (self->in, command, strlen (command), NULL, NULL, error) ||
      !g_output_stream_write_all (self->in, "\n", 1, NULL, NULL, error) ||
      !g_output_stream_flush (self->in, NULL, error))
    return NULL;
  line = g_data_input_stream_read_line_utf8 (self->out, NULL, NULL, error);
  if (line == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "groonga ended");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, -1, error))
    return NULL;

  response = json_node_get_array (json_parser_get_root (parser));
  header = json_array_get_array_element (response, 0);
  if (json_array_get_int_element (header, 0) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "groonga: %s: %s", command,
                   json_array_get_length (header) > 3 ? json_array_get_string_element (header, 3) : "failed");
      return NULL;
    }
  if (elapsed != NULL)
    *elapsed = json_array_get_double_element (header, 2);
  return json_array_get_length (response) > 1 ? json_node_copy (json_array_get_element (response, 1)) : NULL;
}

static char *
entry_json (RhEntry *entry)
{
  const char * const *keywords = rh_entry_get_keywords (entry);
  g_autofree char *joined = keywords ? g_strjoinv (" ", (char **)keywords) : g_strdup ("");
  g_autofree char *body = rh_entry_dup_body_text (entry);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "question");
  json_builder_add_string_value (builder, rh_entry_get_question (entry));
  json_builder_set_member_name (builder, "keywords");
  json_builder_add_string_value (builder, joined);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, body);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

BenchGroonga *
bench_groonga_new (GListModel  *entries,
                   GError     **error)
{
  static const char * const schema[] = {
    "plugin_register tokenizers/mecab",
    "table_create Docs TABLE_NO_KEY",
    "column_create Docs question COLUMN_SCALAR Text",
    "column_create Docs keywords COLUMN_SCALAR Text",
    "column_create Docs body COLUMN_SCALAR Text",
    "table_create Terms TABLE_PAT_KEY ShortText "
      "--default_tokenizer 'TokenMecab(\"use_reading\", true)' "
      "--normalizer 'NormalizerNFKC150(\"unify_kana\", true)'",
    "column_create Terms index COLUMN_INDEX|WITH_POSITION|WITH_SECTION Docs question,keywords,body",
  };
  g_autoptr(BenchGroonga) self = g_new0 (BenchGroonga, 1);
  g_autofree char *db = NULL;
  g_autoptr(GString) load = g_string_new ("load --table Docs\n[");
  g_autoptr(JsonNode) loaded = NULL;

  self->dir = g_dir_make_tmp ("rh-bench-groonga-XXXXXX", error);
  if (self->dir == NULL)
    return NULL;
  db = g_build_filename (self->dir, "db", NULL);
  self->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                    G_SUBPROCESS_FLAGS_STDERR_SILENCE, error,
                                    "groonga", "-n", db, NULL);
  if (self->process == NULL)
    return NULL;
  self->in = g_object_ref (g_subprocess_get_stdin_pipe (self->process));
  self->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));

  for (guint i = 0; i < G_N_ELEMENTS (schema); i++)
    {
      g_autoptr(JsonNode) body = run (self, schema[i], NULL, error);

      if (body == NULL && error != NULL && *error != NULL)
        return NULL;
    }

  /* the values follow the command, as one JSON array */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *json = entry_json (entry);

      if (i > 0)
        g_string_append_c (load, ',');
      g_string_append (load, json);
    }
  g_string_append_c (load, ']');
  loaded = run (self, load->str, &self->load_time, error);
  if (loaded == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

double
bench_groonga_load_time (BenchGroonga *self)
{
  return self->load_time;
}

int
bench_groonga_top (BenchGroonga *self,
                   const char   *query,
                   double       *elapsed)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t", -1);
  g_autoptr(GString) expr = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *command = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *result;

  /* each word a quoted phrase, all required (as FTS5 gets them) */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      g_string_append_printf (expr, "%s\"", expr->len ? " " : "");
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (expr, '\\');
          g_string_append_c (expr, *p);
        }
      g_string_append_c (expr, '"');
    }
  *elapsed = 0;
  if (expr->len == 0)
    return -1;

  escaped = g_uri_escape_string (expr->str, NULL, FALSE);
  command = g_strdup_printf ("/d/select?table=Docs&match_columns=question*3%%7C%%7Ckeywords*2%%7C%%7Cbody"
                             "&query=%s&output_columns=_id&limit=10&sort_keys=-_score", escaped);
  body = run (self, command, elapsed, &error);
  if (body == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "groonga: no answer");
      return -1;
    }

  /* [[[n], [columns], [id], …]] */
  result = json_array_get_array_element (json_node_get_array (body), 0);
  if (json_array_get_length (result) < 3)
    return -1;
  return (int)json_array_get_int_element (json_array_get_array_element (result, 2), 0) - 1;
}

void
bench_groonga_free (BenchGroonga *self)
{
  if (self == NULL)
    return;

  if (self->in != NULL)
    g_output_stream_close (self->in, NULL, NULL);
  if (self->process != NULL)
    g_subprocess_wait (self->process, NULL, NULL);
  g_clear_object (&self->in);
  g_clear_object (&self->out);
  g_clear_object (&self->process);
  if (self->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (self->dir);
      g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                       G_FILE_QUERY_INFO_NONE, NULL, NULL);
      GFileInfo *info;

      while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

          g_file_delete (child, NULL, NULL);
          g_object_unref (info);
        }
      g_file_delete (dir, NULL, NULL);
      g_free (self->dir);
    }
  g_free (self);
}
