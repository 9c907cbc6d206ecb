/* test-cli.c — the command line, spawned as a clerk or a script would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rh-test-util.h"

static void
test_cli_version (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--version", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "rokin-help " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (out, "2026-11-25"));
}

static void
test_cli_help (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--help", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "--list"));
  g_assert_nonnull (strstr (out, "--json"));
  g_assert_nonnull (strstr (out, "--version"));
}

static void
test_cli_list_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--list", "--json", NULL };
  JsonArray *array;

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 14);

  for (guint i = 0; i < 14; i++)
    {
      JsonObject *obj = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (obj, "id"));
      g_assert_true (json_object_has_member (obj, "service"));
      g_assert_true (json_object_has_member (obj, "question"));
    }

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "id"),
                   ==, "ib-pc-change");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "question"),
                   ==, "ろうきんインターネットバンキング(団体向け)を利用しているパソコンを変更した。");
}

static void
test_cli_list_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--list", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 14);
  g_assert_nonnull (strstr (out, "賃金控除事務支援サービスを利用している担当者が変更となった。"));
}

static void
test_cli_content_file_errors (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rh-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "faq.json", NULL);
  const char *args[] = { "--content", path, "--list", "--json", NULL };
  const char *window_args[] = { "--content", path, NULL };

  g_assert_true (g_file_set_contents (path, "{\"schema\": 7}", -1, NULL));
  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "faq.json"));
  g_assert_nonnull (strstr (err, "schema"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Opening the window on such a file is refused the same way, before any
   * window (or display) is needed. */
  g_assert_cmpint (rh_test_run_cli (window_args, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "faq.json"));
  g_assert_nonnull (strstr (err, "schema"));
  g_assert_null (strstr (err, "display"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_cli_bad_option (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--no-such-option", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), !=, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, !=, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_cli_version);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/list-json", test_cli_list_json);
  g_test_add_func ("/cli/list-text", test_cli_list_text);
  g_test_add_func ("/cli/content-file-errors", test_cli_content_file_errors);
  g_test_add_func ("/cli/bad-option", test_cli_bad_option);

  return g_test_run ();
}
