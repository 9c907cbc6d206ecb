/* test-cli-locale.c — the command line in every locale a script may run it
 * in: LANG=C (cron, systemd units, ssh, containers), C.UTF-8, and a
 * ja_JP.UTF-8 that the machine has not generated. JSON is the same bytes
 * in all of them; option values are read as UTF-8 in all of them; GTK is
 * not initialised (no Gtk-WARNING about the locale); plain text in a
 * locale that cannot show Japanese says so, once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "rh-test-util.h"

/* "NAME", "VALUE" pairs: LANGUAGE empty so that messages follow the locale. */
static const char * const locales[][7] = {
  { "LC_ALL", "C", "LANGUAGE", "", NULL },
  { "LC_ALL", "POSIX", "LANGUAGE", "", NULL },
  { "LC_ALL", "C.UTF-8", "LANGUAGE", "", NULL },
  { "LC_ALL", "ja_JP.UTF-8", "LANGUAGE", "", NULL },
  { "LC_ALL", "", "LANG", "C", "LANGUAGE", "", NULL },
  { "LC_ALL", "", "LANG", "ja_JP.UTF-8", "LANGUAGE", "", NULL },
  /* Certainly not generated anywhere. */
  { "LC_ALL", "", "LANG", "xx_XX.UTF-8", "LANGUAGE", "", NULL },
};

static const char * const commands[][6] = {
  { "--holidays=2027", "--json" },
  { "--holidays=２０２７年", "--json" },
  { "--list", "--json" },
  { "--search=ざいけい", "--json" },
  { "--search=ぱそこん　へんこう", "--json" },
  { "--deadline=zaikei", "--payday=令和8年12月25日", "--json" },
  { "--deadline=zaikei", "--payday=２０２６ー１２ー２５", "--json" },
  { "--deadline=zaikei", "--payday=2027−1−1", "--json" },
  { "--deadline=nyukin", "--received=2026‐12‐01", "--payday=１２・２５", "--today=2026-11-30", "--json" },
  { "--deadline=meisai", "--confirmed=１２。２５", "--cutoff=1/8", "--today=2026-12-20", "--json" },
};

static void
assert_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
}

static void
test_json_same_bytes (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *reference = NULL;

      for (guint l = 0; l < G_N_ELEMENTS (locales); l++)
        {
          g_autofree char *out = NULL, *err = NULL;

          g_test_message ("%s %s under %s=%s %s=%s", commands[c][0], commands[c][1],
                          locales[l][0], locales[l][1], locales[l][2], locales[l][3]);
          g_assert_cmpint (rh_test_run_cli_env (commands[c], locales[l], &out, &err), ==, 0);
          /* No Gtk-WARNING, no note, nothing. */
          g_assert_cmpstr (err, ==, "");
          g_assert_nonnull (out);
          g_assert_cmpuint (strlen (out), >, 2);
          g_assert_null (strstr (out, "??"));
          assert_json (out);
          if (reference == NULL)
            reference = g_steal_pointer (&out);
          else
            g_assert_cmpstr (out, ==, reference);
        }
    }
}

/* The bytes themselves, not only their sameness. */
static void
test_json_is_utf8 (void)
{
  const char *env[] = { "LC_ALL", "C", NULL };
  const char *args[] = { "--holidays=2027", "--json", NULL };
  const char *search[] = { "--search=ざいけい", "--json", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "[{\"date\":\"2027-01-01\",\"name\":\"元日\"},"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (search, env, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "[{\"id\":\"chingin-zaikei\",\"question\":\"賃金控除事務支援サービス上で"));
}

/* Plain text for a person: transliterated where the locale cannot show
 * it, with exactly one note on stderr; untouched in a UTF-8 locale. */
static void
test_text_note (void)
{
  const char *c_env[] = { "LC_ALL", "C", "LANGUAGE", "", NULL };
  const char *utf8_env[] = { "LC_ALL", "C.UTF-8", "LANGUAGE", "", NULL };
  const char *args[] = { "--holidays=2027", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *utf8_out = NULL, *utf8_err = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) utf8_lines = NULL;
  const char *note;

  g_assert_cmpint (rh_test_run_cli_env (args, c_env, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "2027?1?1?(?)  ??\n"));
  note = strstr (err, "Note: the character set of this locale (ANSI_X3.4-1968) cannot show all of this text");
  g_assert_true (note == err);
  g_assert_null (strstr (note + 1, "Note:"));
  g_assert_true (g_str_has_suffix (err, "--json to get every character.\n"));

  g_assert_cmpint (rh_test_run_cli_env (args, utf8_env, &utf8_out, &utf8_err), ==, 0);
  g_assert_cmpstr (utf8_err, ==, "");
  g_assert_true (g_str_has_prefix (utf8_out, "2027年1月1日(金)  元日\n"));
  /* Line for line the same text, but for what the locale cannot show. */
  lines = g_strsplit (out, "\n", -1);
  utf8_lines = g_strsplit (utf8_out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (utf8_lines));
}

/* A message about bad input too: converted, the note once, exit 2. */
static void
test_error_note (void)
{
  const char *env[] = { "LC_ALL", "C", "LANGUAGE", "", NULL };
  const char *args[] = { "--deadline=zaikei", "--payday=令和0年1月1日", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "Note: the character set of this locale"));
  g_assert_cmpstr (lines[1], ==, "--payday: \"??0?1?1?\" does not exist: there is no year 0 of ??; "
                                 "its first year is ???? (2019)");
  g_assert_cmpstr (lines[2], ==, "");
}

/* Option values are read as UTF-8 whatever the locale, and bytes that are
 * not UTF-8 are refused naming the option. */
static void
test_values_utf8 (void)
{
  const char *env[] = { "LC_ALL", "C", "LANGUAGE", "", NULL };
  const char *bad_search[] = { "--search=\xe3\x81", "--json", NULL };
  const char *bad_url[] = { "--update", "--content-url=https://example.invalid/\xff", NULL };
  const char *text_search[] = { "--search=ざいけい", "--limit=１", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (rh_test_run_cli_env (bad_search, env, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "--search: the value is not valid UTF-8 text\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (bad_url, env, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "--content-url: the value is not valid UTF-8 text\n");

  /* Full-width digits are not a number here: refused, named, exit 2. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (text_search, env, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "\n--limit must be a whole number from 1 to 1000"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-locale/json-same-bytes", test_json_same_bytes);
  g_test_add_func ("/cli-locale/json-is-utf8", test_json_is_utf8);
  g_test_add_func ("/cli-locale/text-note", test_text_note);
  g_test_add_func ("/cli-locale/error-note", test_error_note);
  g_test_add_func ("/cli-locale/values-utf8", test_values_utf8);

  return g_test_run ();
}
