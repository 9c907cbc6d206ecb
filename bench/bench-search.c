/* bench-search.c — search speed and quality on a 10,000-entry catalog,
 * side by side with SQLite FTS5 (trigram tokenizer) and Groonga (TokenMecab,
 * if the groonga binary is installed) on the same work; then the held-out
 * set (content the engine was never tuned on) with all three.
 *
 *   meson setup _bench --buildtype=release && meson compile -C _bench
 *   _bench/bench/bench-search [--entries=10000] [--rounds=20]
 *
 * The catalog is generated deterministically from the real entries: every
 * synthetic entry is a real one (its "topic") with its question reworded
 * with its own keywords, some of its keywords, its blocks, and a line of
 * noise from the other entries' keywords and answers. A query is answered correctly when the first hit has the
 * topic the query set expects (tests/data/search-queries.tsv, plus every
 * real question typed exactly).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "bench-groonga.h"
#include "rh-core.h"

typedef struct
{
  char  *query;
  char **expected;    /* topic ids */
} Query;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static double
percentile_us (GArray *ns,
               double  p)
{
  guint i;

  g_array_sort (ns, compare_gint64);
  i = (guint)(p * (ns->len - 1) + 0.5);
  return g_array_index (ns, gint64, i) / 1000.0;
}

static double
mean_us (GArray *ns)
{
  double sum = 0;

  for (guint i = 0; i < ns->len; i++)
    sum += g_array_index (ns, gint64, i);
  return sum / MAX (ns->len, 1) / 1000.0;
}

static const char *
pick (GRand      *rand,
      GPtrArray  *list)
{
  return g_ptr_array_index (list, g_rand_int_range (rand, 0, list->len));
}

static void
collect_lines (JsonArray *blocks,
               GPtrArray *lines)
{
  for (guint b = 0; b < json_array_get_length (blocks); b++)
    {
      JsonObject *block = json_array_get_object_element (blocks, b);

      if (json_object_has_member (block, "text"))
        g_ptr_array_add (lines, g_strdup (json_object_get_string_member (block, "text")));
      if (json_object_has_member (block, "items"))
        {
          JsonArray *items = json_object_get_array_member (block, "items");

          for (guint k = 0; k < json_array_get_length (items); k++)
            g_ptr_array_add (lines, g_strdup (json_array_get_string_element (items, k)));
        }
    }
}

/* Returns the JSON text of a catalog of @n entries; @topics gets each entry's topic. */
static char *
generate_catalog (guint      n,
                  GPtrArray *topics)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RH_CATALOG_RESOURCE, 0, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GPtrArray) vocabulary = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) all_lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261125);
  static const char *frames[] = {
    "について、", "：", "】", "の件で、", "関連 ",
  };
  JsonObject *root;
  JsonArray *real;
  JsonArray *synthetic;
  guint n_real;

  g_assert_no_error (error);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  real = json_object_get_array_member (root, "entries");
  n_real = json_array_get_length (real);

  for (guint i = 0; i < n_real; i++)
    {
      JsonObject *entry = json_array_get_object_element (real, i);
      JsonArray *keywords = json_object_get_array_member (entry, "keywords");

      for (guint k = 0; k < json_array_get_length (keywords); k++)
        g_ptr_array_add (vocabulary, g_strdup (json_array_get_string_element (keywords, k)));
      collect_lines (json_object_get_array_member (entry, "blocks"), all_lines);
    }

  synthetic = json_array_new ();
  for (guint i = 0; i < n; i++)
    {
      guint t = i % n_real;
      JsonObject *src = json_array_get_object_element (real, t);
      JsonArray *src_keywords = json_object_get_array_member (src, "keywords");
      JsonObject *entry = json_object_new ();
      JsonArray *keywords = json_array_new ();
      JsonArray *blocks = json_array_new ();
      JsonArray *src_blocks = json_object_get_array_member (src, "blocks");
      const char *topic = json_object_get_string_member (src, "id");
      const char *question = json_object_get_string_member (src, "question");
      const char *kw = json_array_get_string_element (src_keywords,
                                                      g_rand_int_range (rand, 0, json_array_get_length (src_keywords)));
      g_autofree char *id = g_strdup_printf ("%s-%05u", topic, i);
      g_autofree char *reworded = NULL;
      g_autofree char *noise = NULL;

      g_ptr_array_add (topics, g_strdup (topic));

      if (i < n_real)
        reworded = g_strdup (question);
      else
        {
          const char *frame = frames[g_rand_int_range (rand, 0, G_N_ELEMENTS (frames))];
          g_autofree char *framed = g_strconcat (kw, frame, question, NULL);
          const char *kw2 = json_array_get_string_element (src_keywords,
                                                           g_rand_int_range (rand, 0, json_array_get_length (src_keywords)));
          reworded = g_strdup_printf ("%s（%s）", framed, kw2);
        }

      json_object_set_string_member (entry, "id", id);
      json_object_set_string_member (entry, "service", json_object_get_string_member (src, "service"));
      json_object_set_array_member (entry, "categories",
                                    json_array_ref (json_object_get_array_member (src, "categories")));
      json_object_set_string_member (entry, "question", reworded);

      for (guint k = 0; k < json_array_get_length (src_keywords); k++)
        if (g_rand_int_range (rand, 0, 3) > 0)
          json_array_add_string_element (keywords, json_array_get_string_element (src_keywords, k));
      json_array_add_string_element (keywords, pick (rand, vocabulary));
      json_array_add_string_element (keywords, pick (rand, vocabulary));
      json_object_set_array_member (entry, "keywords", keywords);

      for (guint b = 0; b < json_array_get_length (src_blocks); b++)
        json_array_add_element (blocks, json_node_copy (json_array_get_element (src_blocks, b)));

      noise = g_strdup_printf ("%sや%sについては、%s",
                               pick (rand, vocabulary), pick (rand, vocabulary), pick (rand, all_lines));
      {
        JsonObject *block = json_object_new ();

        json_object_set_string_member (block, "type", "paragraph");
        json_object_set_string_member (block, "text", noise);
        json_array_add_object_element (blocks, block);
      }
      json_object_set_array_member (entry, "blocks", blocks);

      json_array_add_object_element (synthetic, entry);
    }

  json_object_set_array_member (root, "entries", synthetic);
  /* the guided path names the real entries' ids, which the synthetic
   * catalog does not keep */
  if (json_object_has_member (root, "guide"))
    json_object_remove_member (root, "guide");
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static GPtrArray *
load_queries (RhCatalog *real)
{
  GPtrArray *queries = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *entries = rh_catalog_get_entries (real);

  g_file_get_contents (RH_TEST_DATA_DIR "/search-queries.tsv", &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Query *q;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      q = g_new0 (Query, 1);
      q->query = g_strdup (fields[0]);
      q->expected = g_strsplit (fields[1], ",", -1);
      g_ptr_array_add (queries, q);
    }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      Query *q = g_new0 (Query, 1);

      q->query = g_strdup (rh_entry_get_question (entry));
      q->expected = g_new0 (char *, 2);
      q->expected[0] = g_strdup (rh_entry_get_id (entry));
      g_ptr_array_add (queries, q);
    }

  return queries;
}

/* FTS5: each whitespace-separated word as a quoted phrase, all required. */
static char *
fts_expression (const char *query)
{
  g_autofree char *spaced = g_strdup (query);
  g_auto(GStrv) words = NULL;
  GString *expr = g_string_new (NULL);
  char *p;

  /* the ideographic space separates words too */
  while ((p = strstr (spaced, "　")) != NULL)
    memcpy (p, "   ", 3);
  words = g_strsplit_set (spaced, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) quotes = NULL;
      g_autofree char *escaped = NULL;

      if (words[i][0] == '\0')
        continue;
      quotes = g_strsplit (words[i], "\"", -1);
      escaped = g_strjoinv ("\"\"", quotes);
      g_string_append_printf (expr, "%s\"%s\"", expr->len ? " " : "", escaped);
    }

  return g_string_free (expr, FALSE);
}

static char *
join_keywords (RhEntry *entry)
{
  const char * const *keywords = rh_entry_get_keywords (entry);

  return keywords ? g_strjoinv (" ", (char **)keywords) : g_strdup ("");
}

/* Whether @top (a position in @entries, or -1) is what a query expects. */
static gboolean
top_is (GListModel  *entries,
        int          top,
        gboolean     none,
        char       **expected)
{
  g_autoptr(RhEntry) entry = NULL;

  if (top < 0)
    return none;
  if (none)
    return FALSE;
  entry = g_list_model_get_item (entries, top);
  return g_strv_contains ((const char * const *)expected, rh_entry_get_id (entry));
}

/* An in-memory FTS5 trigram table of @entries; *@select ranks a MATCH
 * expression with the same field weights as ours. */
static sqlite3 *
fts_new (GListModel    *entries,
         sqlite3_stmt **select)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *insert = NULL;

  if (sqlite3_open (":memory:", &db) != SQLITE_OK ||
      sqlite3_exec (db, "CREATE VIRTUAL TABLE docs USING fts5(question, keywords, body, tokenize='trigram')",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO docs(rowid, question, keywords, body) VALUES (?, ?, ?, ?)",
                          -1, &insert, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", db ? sqlite3_errmsg (db) : "cannot open");

  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *keywords = join_keywords (entry);
      g_autofree char *body = rh_entry_dup_body_text (entry);

      sqlite3_bind_int64 (insert, 1, i + 1);
      sqlite3_bind_text (insert, 2, rh_entry_get_question (entry), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 3, keywords, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert, 4, body, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("SQLite insert: %s", sqlite3_errmsg (db));
      sqlite3_reset (insert);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (insert);

  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM docs WHERE docs MATCH ? "
                              "ORDER BY bm25(docs, 3.0, 2.0, 1.0) LIMIT 10",
                          -1, select, NULL) != SQLITE_OK)
    g_error ("SQLite: %s", sqlite3_errmsg (db));
  return db;
}

/* The position in the entries of FTS5's first hit for @query, or -1. */
static int
fts_top (sqlite3_stmt *select,
         const char   *query)
{
  g_autofree char *expr = fts_expression (query);
  sqlite3_int64 top = 0;
  guint n_rows = 0;

  if (*expr == '\0')
    return -1;
  sqlite3_bind_text (select, 1, expr, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (select) == SQLITE_ROW)
    if (n_rows++ == 0)
      top = sqlite3_column_int64 (select, 0);
  sqlite3_reset (select);
  return n_rows > 0 ? (int)top - 1 : -1;
}

/* The held-out sets of tests/data, in the order they were written. */
static const char * const heldout_sets[] = {
  "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
  "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15",
  "heldout16", "heldout17", "heldout18", "heldout19", "heldout20", "heldout21",
  "heldout22", "heldout23",
};

/* Content the engine was never tuned on (tests/data/@set-faq.json, no
 * keywords) and queries typed the way clerks type (@set-queries.tsv):
 * top-1 and recall@3 of ours, top-1 of FTS5 and Groonga. */
static void
print_heldout (GBytes     *synonyms,
               const char *set)
{
  g_autofree char *content = g_strconcat (set, "-faq.json", NULL);
  g_autofree char *queries = g_strconcat (set, "-queries.tsv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *content_path = g_build_filename (RH_TEST_DATA_DIR, content, NULL);
  g_autofree char *queries_path = g_build_filename (RH_TEST_DATA_DIR, queries, NULL);
  g_autoptr(RhCatalog) catalog = rh_catalog_new_from_file (content_path, &error);
  g_autoptr(RhSearchIndex) index = NULL;
  g_autoptr(BenchGroonga) groonga = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GListModel *entries;
  sqlite3_stmt *select = NULL;
  sqlite3 *db;
  guint n = 0, ours1 = 0, ours3 = 0, fts1 = 0, grn1 = 0;

  g_assert_no_error (error);
  index = rh_search_index_new_with_synonyms (catalog, synonyms, &error);
  g_assert_no_error (error);
  entries = rh_catalog_get_entries (catalog);
  db = fts_new (entries, &select);
  groonga = bench_groonga_new (entries, NULL);

  g_file_get_contents (queries_path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) expected = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      gboolean none;
      double elapsed;
      int top;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 2);
      expected = g_strsplit (fields[1], ",", -1);
      none = g_str_equal (fields[1], "-");
      n++;

      hits = rh_search_index_search (index, fields[0], 3);
      if (none ? hits->len == 0 : hits->len > 0 &&
          g_strv_contains ((const char * const *)expected,
                           rh_entry_get_id (rh_search_hit_get_entry (g_ptr_array_index (hits, 0)))))
        ours1++;
      for (guint k = 0; k < hits->len || (none && k == 0); k++)
        if (none ? hits->len == 0 :
            g_strv_contains ((const char * const *)expected,
                             rh_entry_get_id (rh_search_hit_get_entry (g_ptr_array_index (hits, k)))))
          {
            ours3++;
            break;
          }

      top = fts_top (select, fields[0]);
      fts1 += top_is (entries, top, none, expected);
      top = groonga ? bench_groonga_top (groonga, fields[0], &elapsed) : -1;
      grn1 += top_is (entries, top, none, expected);
    }

  g_print ("\nUnseen content: %u entries the help does not ship (tests/data/%s), %u queries\n",
           g_list_model_get_n_items (entries), content, n);
  g_print ("%-30s %14s %14s %14s\n", "", "RhSearchIndex", "FTS5 trigram", "Groonga");
  g_print ("%-30s %13.1f%% %13.1f%% ", "first hit correct", 100.0 * ours1 / n, 100.0 * fts1 / n);
  if (groonga != NULL)
    g_print ("%13.1f%%\n", 100.0 * grn1 / n);
  else
    g_print ("%14s\n", "-");
  g_print ("%-30s %13.1f%%\n", "right entry in the first 3", 100.0 * ours3 / n);

  sqlite3_finalize (select);
  sqlite3_close (db);
}

static void
print_row (const char *name,
           double      ours,
           double      fts,
           double      groonga)
{
  g_print ("%-30s %14.1f %14.1f %9.1fx", name, ours, fts, fts / ours);
  if (groonga >= 0)
    g_print (" %14.1f %9.1fx", groonga, groonga / ours);
  g_print ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("— search benchmark");
  int n_entries = 10000;
  int rounds = 20;
  char *profile_query = NULL;
  GOptionEntry options[] = {
    { "entries", 0, 0, G_OPTION_ARG_INT, &n_entries, "Entries in the synthetic catalog", "N" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Times each query is timed", "N" },
    { "profile", 0, 0, G_OPTION_ARG_STRING, &profile_query, "Only run QUERY many times (for a profiler)", "QUERY" },
    { NULL }
  };
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RhCatalog) real = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(RhSearchIndex) index = NULL;
  g_autoptr(GBytes) synonyms = NULL;
  g_autoptr(GBytes) catalog_bytes = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  g_autoptr(GArray) build_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ours_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) fts_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  GHashTable *topic_of;
  sqlite3 *db = NULL;
  sqlite3_stmt *select = NULL;
  g_autoptr(BenchGroonga) groonga = NULL;
  g_autoptr(GError) groonga_error = NULL;
  g_autoptr(GArray) grn_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *entries;
  guint ours_correct = 0, fts_correct = 0, ours_answered = 0, fts_answered = 0;
  guint grn_correct = 0, grn_answered = 0;
  double first_ms[2];
  gint64 fts_build = 0;
  gsize corpus_chars = 0;
  g_autofree gint64 *per_query_ns = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_entries < 14 || rounds < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--entries must be at least 14, --rounds at least 1");
      return 2;
    }

  real = rh_catalog_new_builtin (&error);
  g_assert_no_error (error);

  /* what the window does on the first keystroke: MeCab loads, the
   * built-in catalog is indexed, the query runs */
  {
    gint64 t0 = now_ns ();
    g_autoptr(RhSearchIndex) first = rh_search_index_new (real, &error);
    g_autoptr(GPtrArray) hits = NULL;
    gint64 t1, t2;

    g_assert_no_error (error);
    t1 = now_ns ();
    hits = rh_search_index_search (first, "ぱそこん", 10);
    t2 = now_ns ();
    first_ms[0] = (t1 - t0) / 1e6;
    first_ms[1] = (t2 - t0) / 1e6;
  }
  queries = load_queries (real);
  per_query_ns = g_new0 (gint64, queries->len);

  json = generate_catalog (n_entries, topics);
  catalog_bytes = g_bytes_new (json, strlen (json));
  catalog = rh_catalog_new_from_bytes (catalog_bytes, "synthetic", &error);
  g_assert_no_error (error);
  entries = rh_catalog_get_entries (catalog);

  topic_of = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *body = rh_entry_dup_body_text (entry);

      g_hash_table_insert (topic_of, (gpointer)rh_entry_get_id (entry), g_ptr_array_index (topics, i));
      corpus_chars += g_utf8_strlen (rh_entry_get_question (entry), -1) + g_utf8_strlen (body, -1);
    }

  /* ours: build */
  synonyms = g_resources_lookup_data (RH_SEARCH_SYNONYMS_RESOURCE, 0, &error);
  g_assert_no_error (error);
  for (int r = 0; r < 5; r++)
    {
      gint64 t0 = now_ns (), t1;

      g_clear_object (&index);
      index = rh_search_index_new_with_synonyms (catalog, synonyms, &error);
      t1 = now_ns () - t0;
      g_assert_no_error (error);
      g_array_append_val (build_ns, t1);
    }

  if (profile_query != NULL)
    {
      gint64 t0 = now_ns ();

      for (int r = 0; r < rounds * 1000; r++)
        g_ptr_array_unref (rh_search_index_search (index, profile_query, 10));
      g_print ("%.1f µs per search\n", (now_ns () - t0) / 1000.0 / (rounds * 1000));
      return 0;
    }

  /* BENCH_PROFILE_ALL: every query, many times, for a profiler or to
   * compare two builds on one figure */
  if (g_getenv ("BENCH_PROFILE_ALL") != NULL)
    {
      gint64 t0 = now_ns ();

      for (int r = 0; r < rounds * 50; r++)
        for (guint i = 0; i < queries->len; i++)
          g_ptr_array_unref (rh_search_index_search (index, ((Query *)g_ptr_array_index (queries, i))->query, 10));
      g_print ("%.1f µs per search (mean over every query)\n", (now_ns () - t0) / 1000.0 / (rounds * 50 * queries->len));
      return 0;
    }

  /* ours: queries */
  for (int r = -1; r < rounds; r++)
    for (guint i = 0; i < queries->len; i++)
      {
        Query *q = g_ptr_array_index (queries, i);
        gint64 t0 = now_ns (), t1;
        g_autoptr(GPtrArray) hits = rh_search_index_search (index, q->query, 10);

        t1 = now_ns () - t0;
        if (r < 0)
          {
            /* the first round checks the answers and warms up */
            if (hits->len > 0)
              {
                const char *topic = g_hash_table_lookup (topic_of,
                                                         rh_entry_get_id (rh_search_hit_get_entry (g_ptr_array_index (hits, 0))));
                ours_answered++;
                if (g_strv_contains ((const char * const *)q->expected, topic))
                  ours_correct++;
                else
                  g_printerr ("miss: “%s” → %s\n", q->query, topic);
              }
            continue;
          }
        g_array_append_val (ours_ns, t1);
        per_query_ns[i] += t1;
      }

  /* FTS5 trigram: build */
  {
    gint64 t0 = now_ns ();

    db = fts_new (entries, &select);
    fts_build = now_ns () - t0;
  }

  /* FTS5 trigram: queries (the same ones, the same number of times) */
  for (int r = -1; r < rounds; r++)
    for (guint i = 0; i < queries->len; i++)
      {
        Query *q = g_ptr_array_index (queries, i);
        gint64 t0 = now_ns (), t1;
        int top = fts_top (select, q->query);

        t1 = now_ns () - t0;
        if (r < 0)
          {
            if (top >= 0)
              {
                g_autoptr(RhEntry) entry = g_list_model_get_item (entries, top);

                fts_answered++;
                fts_correct += g_strv_contains ((const char * const *)q->expected,
                                                g_hash_table_lookup (topic_of, rh_entry_get_id (entry)));
              }
            continue;
          }
        g_array_append_val (fts_ns, t1);
      }

  /* Groonga, TokenMecab: the same corpus and queries, timed by Groonga */
  groonga = bench_groonga_new (entries, &groonga_error);
  for (int r = -1; groonga != NULL && r < rounds; r++)
    for (guint i = 0; i < queries->len; i++)
      {
        Query *q = g_ptr_array_index (queries, i);
        double elapsed;
        int top = bench_groonga_top (groonga, q->query, &elapsed);
        gint64 t1 = (gint64)(elapsed * 1e9);

        if (r < 0)
          {
            if (top >= 0)
              {
                g_autoptr(RhEntry) entry = g_list_model_get_item (entries, top);

                grn_answered++;
                grn_correct += g_strv_contains ((const char * const *)q->expected,
                                                g_hash_table_lookup (topic_of, rh_entry_get_id (entry)));
              }
            continue;
          }
        g_array_append_val (grn_ns, t1);
      }

  {
    double ours_p50 = percentile_us (ours_ns, 0.50), ours_p99 = percentile_us (ours_ns, 0.99);
    double fts_p50 = percentile_us (fts_ns, 0.50), fts_p99 = percentile_us (fts_ns, 0.99);
    double ours_mean = mean_us (ours_ns), fts_mean = mean_us (fts_ns);
    double build_ms = percentile_us (build_ns, 0.5) / 1000.0;
    double build_min = g_array_index (build_ns, gint64, 0) / 1e6;

    g_print ("Catalog: %u synthetic entries (%" G_GSIZE_FORMAT " characters of question and answer), "
             "SQLite %s\n", g_list_model_get_n_items (entries), corpus_chars, sqlite3_libversion ());
    g_print ("Queries: %u (tests/data/search-queries.tsv + every real question), timed %d times each\n",
             queries->len, rounds);
    g_print ("Index terms: %u\n", rh_search_index_get_n_terms (index));
    g_print ("First search after start-up (MeCab loaded, built-in catalog indexed): %.1f ms to the index, "
             "%.1f ms to the first hits\n\n", first_ms[0], first_ms[1]);
    g_print ("%-30s %14s %14s %10s %14s %10s\n", "", "RhSearchIndex", "FTS5 trigram", "ratio",
             "Groonga", "ratio");
    g_print ("%-30s %14.1f %14.1f %9.1fx", "index build, ms (median of 5)", build_ms, fts_build / 1e6,
             fts_build / 1e6 / build_ms);
    if (groonga != NULL)
      g_print (" %14.1f %9.1fx", bench_groonga_load_time (groonga) * 1000,
               bench_groonga_load_time (groonga) * 1000 / build_ms);
    g_print ("\n%-30s %14.1f\n", "index build, ms (fastest)", build_min);
    print_row ("query p50, µs", ours_p50, fts_p50, groonga ? percentile_us (grn_ns, 0.50) : -1);
    print_row ("query p99, µs", ours_p99, fts_p99, groonga ? percentile_us (grn_ns, 0.99) : -1);
    print_row ("query mean, µs", ours_mean, fts_mean, groonga ? mean_us (grn_ns) : -1);
    g_print ("%-30s %10u/%-3u %10u/%-3u %10s %10u/%-3u\n", "queries with any hit", ours_answered, queries->len,
             fts_answered, queries->len, "", grn_answered, queries->len);
    g_print ("%-30s %10u/%-3u %10u/%-3u %10s %10u/%-3u\n", "first hit correct", ours_correct, queries->len,
             fts_correct, queries->len, "", grn_correct, queries->len);
    if (groonga == NULL)
      g_print ("Groonga: not run (%s); install groonga-bin and groonga-tokenizer-mecab\n",
               groonga_error ? groonga_error->message : "unknown error");
    else
      g_print ("(Groonga's times are those it reports itself, without the pipe to it.)\n");

    for (guint i = 0; i < G_N_ELEMENTS (heldout_sets); i++)
      print_heldout (synonyms, heldout_sets[i]);

    g_print ("\nTargets: p99 <= 500 µs: %s; >= 20x faster than FTS5 (mean): %s; build <= 1 s: %s\n",
             ours_p99 <= 500 ? "met" : "NOT met",
             fts_mean / ours_mean >= 20 ? "met" : "NOT met",
             build_ms <= 1000 ? "met" : "NOT met");
  }

  if (g_getenv ("BENCH_SLOWEST") != NULL)
    for (guint i = 0; i < queries->len; i++)
      g_print ("%8.1f µs  %s\n", per_query_ns[i] / 1000.0 / rounds,
               ((Query *)g_ptr_array_index (queries, i))->query);

  sqlite3_finalize (select);
  sqlite3_close (db);
  g_hash_table_unref (topic_of);
  for (guint i = 0; i < queries->len; i++)
    {
      Query *q = g_ptr_array_index (queries, i);

      g_free (q->query);
      g_strfreev (q->expected);
      g_free (q);
    }

  return 0;
}
