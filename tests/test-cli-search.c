/* test-cli-search.c — rokin-help --search, run as a clerk would (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rh-test-util.h"

static JsonArray *
parse_array (const char *text,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_node_get_array (root);
}

static void
assert_top (const char *query,
            const char *suffix)
{
  g_autofree char *arg = g_strdup_printf ("--search=%s", query);
  const char *args[] = { arg, "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;
  JsonObject *first;
  double last = G_MAXDOUBLE;

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  array = parse_array (out, parser);
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_cmpuint (json_array_get_length (array), <=, 10);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *hit = json_array_get_object_element (array, i);

      g_assert_cmpuint (json_object_get_size (hit), ==, 3);
      g_assert_true (json_object_has_member (hit, "id"));
      g_assert_true (json_object_has_member (hit, "question"));
      g_assert_cmpstr (json_object_get_string_member (hit, "question"), !=, "");
      g_assert_cmpfloat (json_object_get_double_member (hit, "score"), >, 0);
      g_assert_cmpfloat (json_object_get_double_member (hit, "score"), <=, last);
      last = json_object_get_double_member (hit, "score");
    }

  first = json_array_get_object_element (array, 0);
  if (!g_str_has_suffix (json_object_get_string_member (first, "id"), suffix))
    g_error ("--search=%s: %s first, expected …%s", query, json_object_get_string_member (first, "id"), suffix);
}

static void
test_cli_search_as_new_user (void)
{
  assert_top ("ざいけい", "chingin-zaikei");
  assert_top ("ＰＣ交換", "-pc-change");
  assert_top ("合言葉わすれた", "ib-auth-forgot");
  assert_top ("0120-609-575", "-helpdesk");
}

static void
test_cli_search_limit (void)
{
  const char *args[] = { "--search=変更", "--json", "--limit=2", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (out, parser)), ==, 2);
}

static void
test_cli_search_nothing (void)
{
  const char *args[] = { "--search=ぬぬぬぬ", "--json", NULL };
  const char *empty[] = { "--search=", "--json", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (out, parser)), ==, 0);
  g_assert_cmpint (rh_test_run_cli (empty, &out2, &err2), ==, 0);
  g_assert_cmpuint (json_array_get_length (parse_array (out2, parser2)), ==, 0);
}

static void
test_cli_search_readable (void)
{
  const char *args[] = { "--search=トークン壊れた", NULL };
  const char *none[] = { "--search=財務部", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) lines2 = NULL;

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], " 1. ib-token-change"));
  g_assert_nonnull (strstr (lines[0], "パスワード生成機を変更したい"));

  /* nothing found: says so and offers the closest entries */
  g_assert_cmpint (rh_test_run_cli (none, &out2, &err2), ==, 0);
  g_assert_nonnull (strstr (out2, "財務部"));
  lines2 = g_strsplit (out2, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines2), >=, 3);
}

/* Scores as people and scripts read them: at most 3 decimals, never the
 * 17 digits of a double (3.6099999999999999), and still the score. */
static void
test_cli_search_score_decimals (void)
{
  static const char * const queries[] = { "ぱそこん", "ざいけい", "でんししょうめいしょ", "パスワード" };
  g_autoptr(GRegex) score = g_regex_new ("\"score\":(-?[0-9]+)(\\.([0-9]+))?[,}]", 0, 0, NULL);
  guint n_scores = 0;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autofree char *arg = g_strdup_printf ("--search=%s", queries[q]);
      const char *args[] = { arg, "--json", NULL };
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_auto(GStrv) by_score = NULL;
      g_auto(GStrv) by_id = NULL;

      g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
      for (g_regex_match (score, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *decimals = g_match_info_fetch (match, 3);

          g_test_message ("%s: %s", queries[q], decimals);
          g_assert_cmpuint (strlen (decimals), >=, 1);
          g_assert_cmpuint (strlen (decimals), <=, 3);
          n_scores++;
        }
      /* Every hit has its score matched above. */
      by_score = g_strsplit (out, "\"score\":", -1);
      by_id = g_strsplit (out, "\"id\":", -1);
      g_assert_cmpuint (g_strv_length (by_score), ==, g_strv_length (by_id));
    }
  g_assert_cmpuint (n_scores, >=, 4);
}

static void
test_cli_search_bad_limit (void)
{
  const char *bad[] = { "0", "-1", "abc", "", "99999999999", "3x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *limit = g_strdup_printf ("--limit=%s", bad[i]);
      const char *args[] = { "--search=財形", "--json", limit, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "--limit"));
    }

  /* --limit alone is a mistake too */
  {
    const char *args[] = { "--limit=3", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 2);
    g_assert_cmpstr (out, ==, "");
    g_assert_nonnull (strstr (err, "--limit"));
  }
}

static void
test_cli_search_bad_content (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "rh-cli-search-bad.json", NULL);
  g_autofree char *arg = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, "{ broken", -1, NULL));
  arg = g_strdup_printf ("--content=%s", path);
  {
    const char *args[] = { "--search=財形", "--json", arg, NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_cmpstr (err, !=, "");
  }
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-search/as-new-user", test_cli_search_as_new_user);
  g_test_add_func ("/cli-search/limit", test_cli_search_limit);
  g_test_add_func ("/cli-search/nothing", test_cli_search_nothing);
  g_test_add_func ("/cli-search/readable", test_cli_search_readable);
  g_test_add_func ("/cli-search/score-decimals", test_cli_search_score_decimals);
  g_test_add_func ("/cli-search/bad-limit", test_cli_search_bad_limit);
  g_test_add_func ("/cli-search/bad-content", test_cli_search_bad_content);

  return g_test_run ();
}
