/* test-cli-calendar.c — --holidays, --deadline and --schedule, spawned as a
 * clerk or a script would run them, including every kind of bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "rh-test-util.h"

static void
test_holidays_json (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *ref_path = g_test_build_filename (G_TEST_DIST, "data", "jp-holidays.csv", NULL);
  g_autofree char *ref = NULL;
  g_autoptr(GString) expected = g_string_new ("[");
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "--holidays=2019", "--json", NULL };

  /* The expected JSON, built from the Cabinet Office list. */
  g_assert_true (g_file_get_contents (ref_path, &ref, NULL, NULL));
  lines = g_strsplit (ref, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;

      if (!g_str_has_prefix (lines[i], "2019-"))
        continue;
      cols = g_strsplit (lines[i], ",", 2);
      g_string_append_printf (expected, "%s{\"date\":\"%s\",\"name\":\"%s\"}",
                              expected->len > 1 ? "," : "", cols[0], cols[1]);
    }
  g_string_append (expected, "]\n");

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, expected->str);
  g_assert_nonnull (strstr (out, "{\"date\":\"2019-05-01\",\"name\":\"休日（祝日扱い）\"}"));
}

static void
test_holidays_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--holidays=2030", NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "2030年1月1日(火)  元日");
  g_assert_nonnull (strstr (out, "2030年5月6日(月)  休日\n"));
}

typedef struct
{
  const char *args[8];
  const char *expected;
} JsonCase;

static void
test_deadline_json (void)
{
  static const JsonCase cases[] = {
    { { "--deadline=zaikei", "--payday=2026-12-25", "--json" },
      "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-21\",\"warnings\":[]}\n" },
    /* Right after 年末年始 and Golden Week. */
    { { "--deadline=zaikei", "--payday=2027/1/4", "--json" },
      "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-25\",\"warnings\":[]}\n" },
    { { "--deadline=zaikei", "--payday=令和8年5月7日", "--json" },
      "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-04-27\",\"warnings\":[]}\n" },
    { { "--deadline=zaikei", "--payday=2027-01-01", "--json" },
      "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-24\",\"warnings\":[\"The payday "
      "2027年1月1日(金) is not a bank business day (元日); it was moved to the previous business "
      "day, 2026年12月30日(水).\"]}\n" },
    { { "--deadline=zaikei", "--payday=R9.1.1", "--shift=next", "--json" },
      "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-25\",\"warnings\":[\"The payday "
      "2027年1月1日(金) is not a bank business day (元日); it was moved to the next business "
      "day, 2027年1月4日(月).\"]}\n" },
    { { "--deadline=nyukin", "--received=2026-12-18", "--payday=2026-12-25", "--json" },
      "{\"kind\":\"nyukin\",\"first\":\"2026-12-18\",\"last\":\"2026-12-25\",\"warnings\":[]}\n" },
    { { "--deadline=nyukin", "--received=2026-05-01", "--payday=2026-05-05", "--json" },
      "{\"kind\":\"nyukin\",\"first\":\"2026-05-01\",\"last\":\"2026-05-01\",\"warnings\":[\"The payday "
      "2026年5月5日(火) is not a bank business day (こどもの日); it was moved to the previous business "
      "day, 2026年5月1日(金).\"]}\n" },
    { { "--deadline=meisai", "--confirmed=2026-12-30", "--cutoff=2027-01-08", "--json" },
      "{\"kind\":\"meisai\",\"first\":\"2027-01-04\",\"last\":\"2027-01-08\",\"warnings\":[]}\n" },
    { { "--deadline=meisai", "--confirmed=２０２６／５／１", "--cutoff=2026-05-15", "--json" },
      "{\"kind\":\"meisai\",\"first\":\"2026-05-07\",\"last\":\"2026-05-15\",\"warnings\":[]}\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autoptr(JsonNode) node = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (rh_test_run_cli (cases[i].args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, cases[i].expected);
      node = json_from_string (out, NULL);
      g_assert_nonnull (node);
    }
}

static void
test_deadline_text (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--deadline=zaikei", "--payday=2027-01-04", "--today=2026-12-24", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "財形貯蓄の明細送信\n"
                   "Last day: 2026年12月25日(金)\n"
                   "Payday: 2027年1月4日(月)\n"
                   "Business days counted: 2026年12月25日(金) 2026年12月28日(月) 2026年12月29日(火) 2026年12月30日(水)\n"
                   "Closed days skipped:\n"
                   "  2026年12月26日(土) Saturday\n"
                   "  2026年12月27日(日) Sunday\n"
                   "  2026年12月31日(木) New Year holidays\n"
                   "  2027年1月1日(金) 元日\n"
                   "  2027年1月2日(土) Saturday\n"
                   "  2027年1月3日(日) Sunday\n"
                   "As of 2026年12月24日(木): inside the window, 2 business days left (today included).\n");
}

static void
test_deadline_japanese (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *env[] = { "LANGUAGE", "ja", NULL };
  const char *args[] = { "--deadline=nyukin", "--received=2026-12-26", "--payday=2026-12-25", NULL };
  const char *ok_args[] = { "--deadline=zaikei", "--payday=2027-01-01", "--json", NULL };
  const char *schedule_args[] = { "--schedule=1948", "--payday-day=1", NULL };

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "入金予定日 2026年12月25日(金) が依頼データ受信日 2026年12月26日(土) より前です\n");

  /* Which month of the schedule cannot be made, and from which day. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (schedule_args, env, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "1948年1月: 支給日(入金予定日): 1948年1月1日(木)は国民の祝日に関する法律が"
                            "施行された1948年7月20日(火)より前です(カレンダーはこの日から始まります)\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (ok_args, env, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-24\",\"warnings\":"
                            "[\"入金予定日 2027年1月1日(金) は銀行の営業日ではありません(元日)。"
                            "前営業日の 2026年12月30日(水) に繰り上げました。\"]}\n");
}

/* A SOURCE_DATE_EPOCH that GDateTime cannot hold (after 9999, or past
 * 64 bits) used to crash the ICS export. */
static void
test_bad_source_date_epoch (void)
{
  static const char * const values[] = { "253402300800", "999999999999999", "99999999999999999999",
                                         "-1", " 5", "+5", "1e9", "abc" };
  const char *args[] = { "--schedule=2026", "--payday-day=25", "--format=ics", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      g_autofree char *expected = g_strdup_printf ("SOURCE_DATE_EPOCH “%s” is not a number of seconds\n",
                                                   values[i]);
      const char *env[] = { "SOURCE_DATE_EPOCH", values[i], NULL };

      g_test_message ("SOURCE_DATE_EPOCH=%s", values[i]);
      g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, expected);
    }

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *env[] = { "SOURCE_DATE_EPOCH", "253402300799", NULL };

    g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "\r\nDTSTAMP:99991231T235959Z\r\n"));
  }
}

/* The values are read as UTF-8 whatever the locale's charset: in the C
 * locale GOption used to refuse a Japanese date with exit status 1. */
static void
test_c_locale (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *env[] = { "LC_ALL", "C", NULL };
  const char *args[] = { "--deadline=zaikei", "--payday=令和8年12月25日", "--json", NULL };

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-21\",\"warnings\":[]}\n");
}

static void
test_schedule (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "schedule-2026-end.ics", NULL);
  const char *env[] = { "SOURCE_DATE_EPOCH", "1795564800", NULL };   /* 2026-11-25T00:00:00Z */
  const char *ics_args[] = { "--schedule=2026", "--payday-day=end", "--format=ics", NULL };
  const char *csv_args[] = { "--schedule=2026", "--payday-day=25", "--format=csv", NULL };
  const char *text_args[] = { "--schedule=2026", "--payday-day=25", NULL };
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpint (rh_test_run_cli_env (ics_args, env, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, golden);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli (csv_args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBF月,支給日(入金予定日),"));
  g_assert_nonnull (strstr (out, "\r\n2026年12月,2026/12/25,金,2026/12/21,月,2026/12/25,金,\r\n"));
  lines = g_strsplit (out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 14);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli (text_args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Schedule for 2026: payday on day 25 of each month"));
}

typedef struct
{
  const char *args[8];
  const char *message;
} BadCase;

static void
test_bad_input (void)
{
  static const BadCase cases[] = {
    { { "--holidays=abc" }, "--holidays: “abc” is not a year; give a year from 1948 to 2099" },
    { { "--holidays=2100", "--json" }, "--holidays: Year 2100 is outside the supported years 1948–2099" },
    { { "--holidays=2026", "--payday=2026-12-25" }, "--payday does not go with --holidays" },
    { { "--holidays=2026", "--schedule=2026" }, "Use only one of --holidays, --deadline and --schedule" },
    { { "--list", "--holidays=2026" }, "--list does not go with --holidays, --deadline or --schedule" },
    { { "--deadline=foo", "--payday=2026-12-25" }, "--deadline: Unknown deadline “foo”; use zaikei, nyukin or meisai" },
    { { "--deadline=zaikei", "--json" }, "--payday=DATE is missing" },
    { { "--deadline=zaikei", "--payday=2026-02-30" },
      "--payday: “2026-02-30” does not exist: there is no day 30 in month 2 of 2026" },
    { { "--deadline=zaikei", "--payday=令和1年4月1日" },
      "--payday: “令和1年4月1日” does not exist: 令和 began on 2019年5月1日(水)" },
    { { "--deadline=zaikei", "--payday=next friday" }, "--payday: “next friday” is not a date" },
    { { "--deadline=zaikei", "--payday=2100-01-05" },
      "--payday: “2100-01-05” is after 2099, the last year the calendar knows" },
    { { "--deadline=zaikei", "--payday=1948-01-05" },
      "--payday: “1948-01-05” is before 1948年7月20日(火), when the national holiday law came into force" },
    /* Dates the calendar has, but the count leaves it: the option is named as typed. */
    { { "--deadline=zaikei", "--payday=1948-07-21" },
      "--payday: Counting business days from 1948年7月21日(水) goes outside the calendar "
      "(1948年7月20日(火) to the end of 2099)" },
    { { "--deadline=zaikei", "--payday=2099-12-31", "--shift=next" },
      "--payday: Counting business days from 2099年12月31日(木) goes outside the calendar" },
    { { "--deadline=nyukin", "--received=2099-12-01", "--payday=2099-12-31", "--shift=next" },
      "--payday: Counting business days from 2099年12月31日(木) goes outside the calendar" },
    { { "--deadline=zaikei", "--payday=令和0年1月1日" },
      "--payday: “令和0年1月1日” does not exist: there is no year 0 of 令和; its first year is 令和元年 (2019)" },
    { { "--deadline=zaikei", "--payday=大正10年1月1日" },
      "--payday: “大正10年1月1日”: every date of 大正 is before 1948年7月20日(火)" },
    { { "--deadline=zaikei", "--payday=明治45年7月1日" }, "every date of 明治 is before 1948年7月20日(火)" },
    { { "--deadline=zaikei", "--payday=2026-12-25\a" },
      "--payday: “2026-12-25<U+0007>” contains an invisible character, U+0007" },
    { { "--deadline=zaikei", "--payday=2026-12-25", "--shift=sideways" },
      "--shift: Unknown shift “sideways”; use previous or next" },
    { { "--deadline=zaikei", "--payday=2026-12-25", "--received=2026-12-20" },
      "--received does not go with --deadline=zaikei" },
    { { "--deadline=meisai", "--confirmed=2026-11-25", "--cutoff=2026-12-10", "--shift=next" },
      "--shift does not go with --deadline=meisai" },
    { { "--deadline=nyukin", "--payday=2026-12-25" }, "--received=DATE is missing" },
    { { "--deadline=nyukin", "--received=2026-12-26", "--payday=2026-12-25" },
      "The payday 2026年12月25日(金) is before the day the request data was received, 2026年12月26日(土)" },
    { { "--deadline=meisai", "--confirmed=2026-12-30", "--cutoff=2027-01-03" },
      "The data entry cutoff 2027年1月3日(日) is before the first day of the window, 2027年1月4日(月)" },
    { { "--deadline=meisai", "--confirmed=2026-12-30" }, "--cutoff=DATE is missing" },
    { { "--payday=2026-12-25" }, "--payday goes with --deadline\n" },
    { { "--today=2026-12-25", "--schedule=2026" }, "--schedule does not go with --today\n" },
    { { "--payday-day=25" }, "--payday-day goes with --schedule\n" },
    { { "--format=ics" }, "--format goes with --schedule\n" },
    { { "--shift=next" }, "--shift goes with --deadline or --schedule\n" },
    { { "--schedule=2026" }, "--payday-day=N|end is missing" },
    { { "--schedule=2026", "--payday-day=32" }, "--payday-day: Payday “32” is not a day of the month" },
    { { "--schedule=2026", "--payday-day=25", "--format=pdf" }, "--format: unknown format “pdf”; use ics, csv or text" },
    { { "--schedule=2026", "--payday-day=25", "--remind=2" }, "--remind goes with --format=ics" },
    { { "--schedule=2026", "--payday-day=25", "--format=ics", "--remind=21" },
      "--remind: Reminder “21” is not a number of business days; use 0 to 20, or none" },
    { { "--schedule=2026", "--payday-day=25", "--format=ics", "--remind=soon" }, "--remind: Reminder “soon”" },
    { { "--remind=2" }, "--remind goes with --schedule\n" },
    { { "--deadline=zaikei", "--payday=2026-12-25", "--remind=2" }, "--remind does not go with --deadline=zaikei" },
    { { "--schedule=2026", "--payday-day=25", "--json" }, "--schedule does not print JSON" },
    { { "--schedule=1948", "--payday-day=1" },
      "1948-01: Payday: 1948年1月1日(木) is before 1948年7月20日(火), when the national holiday law came into force" },
    { { "--schedule=2099", "--payday-day=end", "--shift=next" },
      "2099-12: Payday: Counting business days from 2099年12月31日(木) goes outside" },
    { { "--deadline=meisai", "--confirmed=2099-12-30", "--cutoff=2099-12-31" },
      "--confirmed: Counting business days from 2099年12月30日(水) goes outside" },
    { { "--schedule=2026", "--payday-day=25", "--cutoff=2026-12-10" }, "--cutoff does not go with --schedule" },
    /* Refused by GOption itself, before the calendar code: still exit 2. */
    { { "--holidays" }, "Missing argument for --holidays" },
    { { "--holidays=2026", "--bogus" }, "Unknown option --bogus" },
    /* Not UTF-8: reported by the calendar code, exit 2, option named. */
    { { "--deadline=zaikei", "--payday=2026-12-25\xff" }, "--payday: the value is not valid UTF-8 text" },
    { { "--holidays=\xe4\xb8" }, "--holidays: the value is not valid UTF-8 text" },
    { { "--schedule=2026", "--payday-day=25", "--format=\x80" }, "--format: the value is not valid UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_nonnull (cases[i].args[0]);
      g_assert_cmpint (rh_test_run_cli (cases[i].args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, cases[i].message));
      g_assert_true (g_str_has_suffix (err, "\n"));
    }
}

/* A 5,000-character value is cut in the message, which still names the option. */
static void
test_long_value (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *value = g_strnfill (5000, '9');
  g_autofree char *payday = g_strconcat ("--payday=", value, NULL);
  g_autofree char *holidays = g_strconcat ("--holidays=", value, NULL);
  const char *args[] = { "--deadline=zaikei", payday, NULL };
  const char *year_args[] = { holidays, NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "--payday: “9999999999"));
  g_assert_nonnull (strstr (err, "9…” is not a date"));
  g_assert_cmpint (strlen (err), <, 200);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli (year_args, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--holidays: Year 999"));
  g_assert_nonnull (strstr (err, "9… is outside the supported years"));
  g_assert_cmpint (strlen (err), <, 200);
}

/* In December, 1/1 is next January, and the answer says so. */
static void
test_date_without_year (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--deadline=zaikei", "--payday=1/8", "--today=2026-11-30", "--json", NULL };
  const char *same_year[] = { "--deadline=zaikei", "--payday=12/25", "--today=2026-11-30", "--json", NULL };
  const char *text_args[] = { "--deadline=zaikei", "--payday=１・８", "--today=2026-12-20", NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2027-01-04\",\"warnings\":"
                            "[\"--payday: “1/8” has no year; it was read as 2027年1月8日(金)\"]}\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli (same_year, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "{\"kind\":\"zaikei\",\"first\":null,\"last\":\"2026-12-21\",\"warnings\":[]}\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli (text_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Last day: 2027年1月4日(月)\n"));
  g_assert_nonnull (strstr (out, "Warning: --payday: “１・８” has no year; it was read as 2027年1月8日(金)\n"));
}

/* A window typed without years: its end is the next such day, its start
 * the last such day up to the end (data received on 12/1, paid on 12/25,
 * asked on 12/20), and only a year other than today's is pointed out. */
static void
test_window_without_year (void)
{
  static const JsonCase cases[] = {
    { { "--deadline=nyukin", "--received=12/1", "--payday=12/25", "--today=2026-12-20", "--json" },
      "{\"kind\":\"nyukin\",\"first\":\"2026-12-01\",\"last\":\"2026-12-25\",\"warnings\":[]}\n" },
    { { "--deadline=nyukin", "--received=12/28", "--payday=1/8", "--today=2026-12-20", "--json" },
      "{\"kind\":\"nyukin\",\"first\":\"2026-12-28\",\"last\":\"2027-01-08\",\"warnings\":"
      "[\"--payday: “1/8” has no year; it was read as 2027年1月8日(金)\"]}\n" },
    { { "--deadline=meisai", "--confirmed=12/25", "--cutoff=1/8", "--today=2026-12-20", "--json" },
      "{\"kind\":\"meisai\",\"first\":\"2026-12-28\",\"last\":\"2027-01-08\",\"warnings\":"
      "[\"--cutoff: “1/8” has no year; it was read as 2027年1月8日(金)\"]}\n" },
    { { "--deadline=meisai", "--confirmed=12/25", "--cutoff=1/8", "--today=2027-01-05", "--json" },
      "{\"kind\":\"meisai\",\"first\":\"2026-12-28\",\"last\":\"2027-01-08\",\"warnings\":"
      "[\"--confirmed: “12/25” has no year; it was read as 2026年12月25日(金)\"]}\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (rh_test_run_cli (cases[i].args, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-calendar/holidays-json", test_holidays_json);
  g_test_add_func ("/cli-calendar/holidays-text", test_holidays_text);
  g_test_add_func ("/cli-calendar/deadline-json", test_deadline_json);
  g_test_add_func ("/cli-calendar/deadline-text", test_deadline_text);
  g_test_add_func ("/cli-calendar/deadline-japanese", test_deadline_japanese);
  g_test_add_func ("/cli-calendar/c-locale", test_c_locale);
  g_test_add_func ("/cli-calendar/bad-source-date-epoch", test_bad_source_date_epoch);
  g_test_add_func ("/cli-calendar/schedule", test_schedule);
  g_test_add_func ("/cli-calendar/bad-input", test_bad_input);
  g_test_add_func ("/cli-calendar/long-value", test_long_value);
  g_test_add_func ("/cli-calendar/date-without-year", test_date_without_year);
  g_test_add_func ("/cli-calendar/window-without-year", test_window_without_year);

  return g_test_run ();
}
