/* test-cli-today.c — `rokin-help --today`, spawned as a script or a panel
 * widget would run it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rh-test-util.h"

/* 2026-12-16 (Wed), payday 23: the 財形 last day is tomorrow, 12/17; the
 * まとめ入金 window from 12/10 runs through 12/23 (6 business days left,
 * today included); the helpdesk is open at 9:00 on a weekday. */
static void
test_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--today=2026-12-16", "--payday-day=23", "--received=2026-12-10", "--json", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==,
                   "{\"today\":\"2026-12-16\",\"rule\":{\"payday_day\":23,\"shift\":\"previous\"},"
                   "\"payday\":{\"date\":\"2026-12-23\",\"nominal\":\"2026-12-23\",\"moved_because\":null,"
                   "\"relative\":\"later\"},"
                   "\"zaikei\":{\"last\":\"2026-12-17\",\"payday\":\"2026-12-23\",\"business_days_left\":2,"
                   "\"relative\":\"tomorrow\"},"
                   "\"nyukin\":{\"state\":\"open\",\"first\":\"2026-12-10\",\"last\":\"2026-12-23\","
                   "\"business_days_left\":6},"
                   "\"meisai\":{\"cutoff\":null},"
                   "\"helpdesk\":{\"open\":true,\"closes\":\"2026-12-16T18:00:00+09:00\",\"next_opening\":null}}\n");
}

/* Month end with shift next at the year end, in words. */
static void
test_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--today=2026-12-31", "--payday-day=end", "--shift=next", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Today: 2026年12月31日(木)\n"));
  g_assert_nonnull (strstr (out, "Next payday: 2027年1月4日(月) — in 4 days (moved from 2026年12月31日(木)"));
  g_assert_nonnull (strstr (out, "財形貯蓄の明細送信: 2027年1月26日(火) — in 26 days (16 business days left)\n"));
  g_assert_nonnull (strstr (out, "Helpdesk: Closed now — opens 2027年1月4日(月) at 9:00\n"));
}

/* The rule saved from the window (GSettings, here in a keyfile) is used
 * when none is given. */
static void
test_saved_rule (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rh-today-XXXXXX", NULL);
  g_autofree char *settings_dir = g_build_filename (dir, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *glib_dir = g_path_get_dirname (settings_dir);
  const char *args[] = { "--today=2026-11-20", "--json", NULL };
  const char *env[] = { "GSETTINGS_BACKEND", "keyfile", "XDG_CONFIG_HOME", dir, NULL };

  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[io/github/rokinhelp/RokinHelp]\npayday-day=23\n"
                                               "received-date='2026-11-10'\n", -1, NULL));

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  /* 11/23 is 勤労感謝の日: the payday is today, and so is the window's last day. */
  g_assert_nonnull (strstr (out, "\"payday\":{\"date\":\"2026-11-20\",\"nominal\":\"2026-11-23\","
                                 "\"moved_because\":\"勤労感謝の日\",\"relative\":\"today\"}"));
  g_assert_nonnull (strstr (out, "\"nyukin\":{\"state\":\"open\",\"first\":\"2026-11-10\","
                                 "\"last\":\"2026-11-20\",\"business_days_left\":1}"));
  g_remove (keyfile);
  g_rmdir (settings_dir);
  g_rmdir (glib_dir);
  g_rmdir (dir);
}

static void
test_bad_input (void)
{
  static const struct { const char *args[4]; const char *expected; } cases[] = {
    { { "--today", NULL }, "No payday rule is saved" },
    { { "--today", "--payday-day=32" }, "Payday “32” is not a day of the month" },
    { { "--today", "--payday-day=25", "--shift=sideways" }, "sideways" },
    { { "--today=2026-02-30", "--payday-day=25" }, "--today: " },
    { { "--today", "--payday-day=25", "--received=yesterday" }, "yesterday" },
    { { "--today", "--payday-day=25", "--cutoff=2026-12-10" }, "--cutoff does not go with --today" },
    { { "--today=2099-12-28", "--payday-day=25" }, "2099" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("%s %s", cases[i].args[0], cases[i].args[1] ? cases[i].args[1] : "");
      g_assert_cmpint (rh_test_run_cli (cases[i].args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      if (strstr (err, cases[i].expected) == NULL)
        g_error ("stderr “%s” does not say “%s”", err, cases[i].expected);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/today/json", test_json);
  g_test_add_func ("/cli/today/text", test_text);
  g_test_add_func ("/cli/today/saved-rule", test_saved_rule);
  g_test_add_func ("/cli/today/bad-input", test_bad_input);
  return g_test_run ();
}
