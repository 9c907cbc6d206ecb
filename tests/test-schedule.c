/* test-schedule.c — a year of paydays and deadlines, and its exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

/* Checked by hand against the 2026 calendar: 1/25 (日), 4/25 (土),
 * 7/25 (土) and 10/25 (日) move back; 2/23, 3/20, 7/20, 9/21–23 and 11/23
 * are holidays that the 4 business days skip. */
static const char expected_csv_2026_25[] =
  "\xEF\xBB\xBF"
  "月,支給日(入金予定日),曜日,財形貯蓄の明細送信 最終日,曜日,まとめ入金の入金確定・送信 最終日,曜日,備考\r\n"
  "2026年1月,2026/01/23,金,2026/01/19,月,2026/01/23,金,2026年1月25日(日)は休業日(日曜日)のため前営業日の2026年1月23日(金)に変更\r\n"
  "2026年2月,2026/02/25,水,2026/02/18,水,2026/02/25,水,\r\n"
  "2026年3月,2026/03/25,水,2026/03/18,水,2026/03/25,水,\r\n"
  "2026年4月,2026/04/24,金,2026/04/20,月,2026/04/24,金,2026年4月25日(土)は休業日(土曜日)のため前営業日の2026年4月24日(金)に変更\r\n"
  "2026年5月,2026/05/25,月,2026/05/19,火,2026/05/25,月,\r\n"
  "2026年6月,2026/06/25,木,2026/06/19,金,2026/06/25,木,\r\n"
  "2026年7月,2026/07/24,金,2026/07/17,金,2026/07/24,金,2026年7月25日(土)は休業日(土曜日)のため前営業日の2026年7月24日(金)に変更\r\n"
  "2026年8月,2026/08/25,火,2026/08/19,水,2026/08/25,火,\r\n"
  "2026年9月,2026/09/25,金,2026/09/16,水,2026/09/25,金,\r\n"
  "2026年10月,2026/10/23,金,2026/10/19,月,2026/10/23,金,2026年10月25日(日)は休業日(日曜日)のため前営業日の2026年10月23日(金)に変更\r\n"
  "2026年11月,2026/11/25,水,2026/11/18,水,2026/11/25,水,\r\n"
  "2026年12月,2026/12/25,金,2026/12/21,月,2026/12/25,金,\r\n";

/* The first event of the month-end schedule: 2026-01-31 is a Saturday. */
static const char expected_first_event[] =
  "BEGIN:VEVENT\r\n"
  "UID:zaikei-2026-01-end-previous@rokin-help\r\n"
  "DTSTAMP:20261125T000000Z\r\n"
  "DTSTART;VALUE=DATE:20260126\r\n"
  "DTEND;VALUE=DATE:20260127\r\n"
  "SUMMARY:財形貯蓄の明細送信 最終日\r\n"
  /* 12 + 63 octets, then 1 + 74: full lines, no character split. */
  "DESCRIPTION:支給日(入金予定日)2026年1月30日(金)の4営業日前\r\n"
  " (支給日は数えません)。\\n2026年1月31日(土)は休業日(土曜\r\n"
  " 日)のため前営業日の2026年1月30日(金)に変更\r\n"
  "TRANSP:TRANSPARENT\r\n"
  "BEGIN:VALARM\r\n"
  "ACTION:DISPLAY\r\n"
  "DESCRIPTION:財形貯蓄の明細送信 最終日 2026年1月26日(月)\r\n"
  /* 9:00 on Friday 1/23, one business day before Monday 1/26. */
  "TRIGGER:-P2DT15H\r\n"
  "END:VALARM\r\n"
  "END:VEVENT\r\n";

static GDateTime *
fixed_stamp (void)
{
  return g_date_time_new_utc (2026, 11, 25, 0, 0, 0);
}

static void
test_rows (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS, &error);
  g_autoptr(RhSchedule) s31 = NULL;
  g_autoptr(RhSchedule) next = NULL;
  const RhScheduleRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (rh_schedule_get_year (s), ==, 2026);
  g_assert_cmpint (rh_schedule_get_payday_day (s), ==, RH_PAYDAY_MONTH_END);

  /* February's month end is the 28th, a Saturday → 2/27. */
  row = rh_schedule_get_row (s, 1);
  g_assert_cmpint (row->month, ==, 2);
  g_assert_cmpint (g_date_get_day (&row->nominal), ==, 28);
  g_assert_cmpint (g_date_get_day (&row->payday), ==, 27);
  g_assert_cmpstr (row->shift_reason, ==, "土曜日");

  /* Day 31 in a 30-day month is its last day: 2026-04-30 (木). */
  s31 = rh_schedule_new (cal, 2026, 31, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  row = rh_schedule_get_row (s31, 3);
  g_assert_cmpint (g_date_get_day (&row->payday), ==, 30);
  g_assert_null (row->shift_reason);

  /* Paid on the 3rd, moved forward: 2027-01-03 (日) → 1/4, 財形 12/25; and
   * Golden Week 2027: 5/3 (月) 憲法記念日 → 5/6 (木). */
  next = rh_schedule_new (cal, 2027, 3, RH_SHIFT_NEXT, &error);
  g_assert_no_error (error);
  row = rh_schedule_get_row (next, 0);
  g_assert_cmpint (g_date_get_month (&row->payday), ==, 1);
  g_assert_cmpint (g_date_get_day (&row->payday), ==, 4);
  g_assert_cmpint (g_date_get_year (&row->zaikei_last), ==, 2026);
  g_assert_cmpint (g_date_get_day (&row->zaikei_last), ==, 25);
  row = rh_schedule_get_row (next, 4);
  g_assert_cmpint (g_date_get_day (&row->payday), ==, 6);
  g_assert_cmpstr (row->shift_reason, ==, "憲法記念日");
  g_assert_cmpint (g_date_get_month (&row->zaikei_last), ==, 4);
  /* Back from 5/6: 4/30 (金), (4/29 昭和の日), 4/28, 4/27, 4/26 (月). */
  g_assert_cmpint (g_date_get_day (&row->zaikei_last), ==, 26);
}

static void
test_bad_rules (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  int day = -1;

  g_assert_null (rh_schedule_new (cal, 2100, 25, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_null (rh_schedule_new (cal, 2026, 32, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE);
  g_clear_error (&error);
  /* 1948-01-01 moves back into 1947: an error, not a wrong date. */
  g_assert_null (rh_schedule_new (cal, 1948, 1, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_true (rh_schedule_parse_payday_day ("25", &day, &error));
  g_assert_cmpint (day, ==, 25);
  g_assert_true (rh_schedule_parse_payday_day ("２５日", &day, &error));
  g_assert_cmpint (day, ==, 25);
  g_assert_true (rh_schedule_parse_payday_day ("end", &day, &error));
  g_assert_cmpint (day, ==, RH_PAYDAY_MONTH_END);
  g_assert_true (rh_schedule_parse_payday_day ("月末", &day, &error));
  g_assert_cmpint (day, ==, RH_PAYDAY_MONTH_END);
  g_assert_no_error (error);

  for (guint i = 0; i < 6; i++)
    {
      const char *bad[] = { "0", "32", "-1", "x", "", "25x" };

      g_assert_false (rh_schedule_parse_payday_day (bad[i], &day, &error));
      g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE);
      g_clear_error (&error);
    }
}

static void
test_csv (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, 25, RH_SHIFT_PREVIOUS, &error);
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  csv = rh_schedule_to_csv (s);
  g_assert_cmpstr (csv, ==, expected_csv_2026_25);
}

static void
test_ics (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS, &error);
  g_autoptr(GDateTime) stamp = fixed_stamp ();
  g_autofree char *ics = NULL;
  g_autofree char *golden = NULL;
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "schedule-2026-end.ics", NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);
  const char *first_event;
  guint n_events = 0, n_alarms = 0;

  g_assert_no_error (error);
  ics = rh_schedule_to_ics (s, stamp);

  /* Header, footer, the first event exactly. */
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                        "PRODID:-//Rokin Help//rokin-help//JA\r\n"
                                        "CALSCALE:GREGORIAN\r\nBEGIN:VEVENT\r\n"));
  /* Not an iTIP message: METHOD:PUBLISH would need an ORGANIZER (RFC 5546). */
  g_assert_null (strstr (ics, "METHOD"));
  g_assert_true (g_str_has_suffix (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n"));
  first_event = strstr (ics, "BEGIN:VEVENT");
  g_assert_nonnull (first_event);
  g_assert_true (g_str_has_prefix (first_event, expected_first_event));

  /* Every line ends in CRLF, is at most 75 octets, valid UTF-8. */
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      /* No escape split by a fold: a line never ends in an odd run of backslashes. */
      if (lines[i + 1] != NULL && lines[i + 1][0] == ' ')
        {
          size_t len = strlen (lines[i]), n = 0;

          while (n < len && lines[i][len - 1 - n] == '\\')
            n++;
          g_assert_cmpuint (n % 2, ==, 0);
        }
      if (lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        g_string_append_printf (unfolded, "%s%s", i ? "\n" : "", lines[i]);
      n_events += g_str_equal (lines[i], "BEGIN:VEVENT");
      n_alarms += g_str_equal (lines[i], "BEGIN:VALARM");
    }
  g_assert_cmpuint (n_events, ==, 24);
  g_assert_cmpuint (n_alarms, ==, 24);
  g_assert_nonnull (strstr (unfolded->str, "\nUID:zaikei-2026-12-end-previous@rokin-help\nDTSTAMP:20261125T000000Z\n"
                                            "DTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261225\n"));
  g_assert_nonnull (strstr (unfolded->str, "\nUID:nyukin-2026-12-end-previous@rokin-help\nDTSTAMP:20261125T000000Z\n"
                                            "DTSTART;VALUE=DATE:20261230\nDTEND;VALUE=DATE:20261231\n"));
  g_assert_nonnull (strstr (unfolded->str, "DESCRIPTION:支給日(入金予定日)2026年12月30日(水)の4営業日前"
                                            "(支給日は数えません)。\\n2026年12月31日(木)は休業日(年末年始)"
                                            "のため前営業日の2026年12月30日(水)に変更\n"));

  /* The whole file, reviewed once and kept. */
  g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
  g_assert_cmpstr (ics, ==, golden);

  /* UIDs are stable: the same year and rule give the same file. */
  {
    g_autofree char *again = rh_schedule_to_ics (s, stamp);
    g_assert_cmpstr (again, ==, ics);
  }
}

/* The payday rule is in every UID: two payroll groups' schedules (25th
 * and month end, or the same day moved the other way) do not replace each
 * other in one calendar, and the same rule gives the same UIDs again. */
static void
test_ics_uid_rule (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GDateTime) stamp = fixed_stamp ();
  g_autoptr(GHashTable) uids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const struct { int day; RhShift shift; } rules[] = {
    { 25, RH_SHIFT_PREVIOUS }, { RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS },
    { 25, RH_SHIFT_NEXT }, { 10, RH_SHIFT_PREVIOUS },
  };
  guint n = 0;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2027, rules[r].day, rules[r].shift, NULL);
      g_autofree char *ics = rh_schedule_to_ics (s, stamp);
      g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_str_has_prefix (lines[i], "UID:"))
          {
            g_assert_false (g_hash_table_contains (uids, lines[i]));
            g_hash_table_add (uids, g_strdup (lines[i]));
            n++;
          }
    }
  g_assert_cmpuint (n, ==, 4 * 24);
  g_assert_true (g_hash_table_contains (uids, "UID:zaikei-2027-01-day25-previous@rokin-help"));
  g_assert_true (g_hash_table_contains (uids, "UID:nyukin-2027-12-end-previous@rokin-help"));
  g_assert_true (g_hash_table_contains (uids, "UID:zaikei-2027-06-day25-next@rokin-help"));
}

/* Reminders: 9:00 on the business day N business days before, none, or on
 * the day; the remind value read from the command line. */
static void
test_ics_reminders (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GDateTime) stamp = fixed_stamp ();
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, 25, RH_SHIFT_PREVIOUS, NULL);
  g_autofree char *none = rh_schedule_to_ics_full (s, stamp, RH_SCHEDULE_NO_REMINDER);
  g_autofree char *same_day = rh_schedule_to_ics_full (s, stamp, 0);
  g_autofree char *three = rh_schedule_to_ics_full (s, stamp, 3);
  g_autoptr(GError) error = NULL;
  int remind = -2;

  g_assert_null (strstr (none, "VALARM"));
  g_assert_nonnull (strstr (none, "UID:zaikei-2026-12-day25-previous@rokin-help"));
  g_assert_nonnull (strstr (same_day, "DTSTART;VALUE=DATE:20261221\r\n"));
  g_assert_nonnull (strstr (same_day, "TRIGGER:PT9H\r\n"));
  g_assert_null (strstr (same_day, "TRIGGER:-"));
  /* 財形 2026-12-21 (月): 3 business days before is 12-16 (水): 5 days back, at 9:00. */
  g_assert_nonnull (strstr (three, "DTSTART;VALUE=DATE:20261221\r\n"));
  g_assert_nonnull (strstr (three, "2026年12月21日(月)\r\nTRIGGER:-P4DT15H\r\n"));
  /* まとめ入金 2026-05-25 (月): back over the weekend to 5-20 (水). */
  {
    g_autoptr(GRegex) fold = g_regex_new ("\r\n ", 0, 0, NULL);
    g_autofree char *unfolded = g_regex_replace_literal (fold, three, -1, 0, "", 0, NULL);

    g_assert_nonnull (strstr (unfolded, "DESCRIPTION:まとめ入金の入金確定・送信 最終日 2026年5月25日(月)\r\n"
                                        "TRIGGER:-P4DT15H\r\n"));
  }

  g_assert_true (rh_schedule_parse_remind ("２", &remind, &error));
  g_assert_cmpint (remind, ==, 2);
  g_assert_true (rh_schedule_parse_remind ("none", &remind, &error));
  g_assert_cmpint (remind, ==, RH_SCHEDULE_NO_REMINDER);
  g_assert_true (rh_schedule_parse_remind ("0", &remind, &error));
  g_assert_cmpint (remind, ==, 0);
  g_assert_false (rh_schedule_parse_remind ("21", &remind, &error));
  g_assert_cmpstr (error->message, ==, "Reminder “21” is not a number of business days; use 0 to 20, or none");
  g_clear_error (&error);
  g_assert_false (rh_schedule_parse_remind ("-1", &remind, &error));
  g_clear_error (&error);
  g_assert_false (rh_schedule_parse_remind (NULL, &remind, &error));
}

static void
test_text (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, 25, RH_SHIFT_PREVIOUS, &error);
  g_autofree char *text = rh_schedule_to_text (s);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_cmpstr (lines[0], ==, "Schedule for 2026: payday on day 25 of each month "
                                 "(previous business day when the bank is closed)");
  g_assert_cmpstr (lines[1], ==, "Month  1  payday 2026年1月23日(金)  zaikei last day 2026年1月19日(月)  "
                                 "nyukin last day 2026年1月23日(金)");
  g_assert_cmpstr (lines[2], ==, "      ※2026年1月25日(日)は休業日(日曜日)のため前営業日の2026年1月23日(金)に変更");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 12 + 4 + 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/rows", test_rows);
  g_test_add_func ("/schedule/bad-rules", test_bad_rules);
  g_test_add_func ("/schedule/csv", test_csv);
  g_test_add_func ("/schedule/ics", test_ics);
  g_test_add_func ("/schedule/ics-uid-rule", test_ics_uid_rule);
  g_test_add_func ("/schedule/ics-reminders", test_ics_reminders);
  g_test_add_func ("/schedule/text", test_text);

  return g_test_run ();
}
