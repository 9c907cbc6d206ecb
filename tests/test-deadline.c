/* test-deadline.c — the three deadline rules, checked by hand around
 * weekends, Golden Week and the year end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

static GDate
ymd (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

#define assert_date(date, y, m, d) G_STMT_START { \
  GDate want_ = ymd (y, m, d); \
  g_autofree char *got_ = rh_date_format_iso (date); \
  g_autofree char *exp_ = rh_date_format_iso (&want_); \
  g_assert_cmpstr (got_, ==, exp_); \
} G_STMT_END

/* "2026-12-26 土曜日;2026-12-27 日曜日;…" */
static char *
skipped_text (const RhDeadlineResult *r)
{
  GArray *skipped = rh_deadline_result_get_skipped_days (r);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < skipped->len; i++)
    {
      const RhHoliday *h = &g_array_index (skipped, RhHoliday, i);
      g_autofree char *iso = rh_date_format_iso (&h->date);

      g_string_append_printf (s, "%s%s %s", i ? ";" : "", iso, h->name);
    }
  return g_string_free (s, FALSE);
}

static char *
counted_text (const RhDeadlineResult *r)
{
  GArray *days = rh_deadline_result_get_counted_days (r);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *iso = rh_date_format_iso (&g_array_index (days, GDate, i));

      g_string_append_printf (s, "%s%s", i ? ";" : "", iso);
    }
  return g_string_free (s, FALSE);
}

static void
test_zaikei_plain (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) r = NULL;
  g_autofree char *counted = NULL;
  GDate payday = ymd (2026, 12, 25), last, today;

  r = rh_deadline_zaikei (cal, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rh_deadline_result_get_kind (r), ==, RH_DEADLINE_ZAIKEI);
  g_assert_false (rh_deadline_result_get_first (r, NULL));
  rh_deadline_result_get_last (r, &last);
  assert_date (&last, 2026, 12, 21);
  g_assert_false (rh_deadline_result_get_payday_shifted (r));
  g_assert_null (rh_deadline_result_get_warnings (r)[0]);
  counted = counted_text (r);
  g_assert_cmpstr (counted, ==, "2026-12-21;2026-12-22;2026-12-23;2026-12-24");
  g_assert_cmpuint (rh_deadline_result_get_skipped_days (r)->len, ==, 0);

  /* Remaining business days, today included when it is one. */
  today = ymd (2026, 12, 18);
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 2);
  g_assert_true (rh_deadline_result_contains (r, &today));
  today = ymd (2026, 12, 19);
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 1);
  today = ymd (2026, 12, 21);
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 1);
  g_assert_true (rh_deadline_result_contains (r, &today));
  today = ymd (2026, 12, 22);
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 0);
  g_assert_false (rh_deadline_result_contains (r, &today));
}

static void
test_zaikei_after_year_end (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) r = NULL;
  g_autofree char *skipped = NULL;
  GDate payday = ymd (2027, 1, 4), last;

  /* 1/4 (月): 12/30, 12/29, 12/28, 12/25 — over 12/31 and 1/1–1/3. */
  r = rh_deadline_zaikei (cal, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  rh_deadline_result_get_last (r, &last);
  assert_date (&last, 2026, 12, 25);
  skipped = skipped_text (r);
  g_assert_cmpstr (skipped, ==, "2026-12-26 Saturday;2026-12-27 Sunday;2026-12-31 New Year holidays;"
                                "2027-01-01 元日;2027-01-02 Saturday;2027-01-03 Sunday");
}

static void
test_zaikei_payday_on_holiday (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) prev = NULL;
  g_autoptr(RhDeadlineResult) next = NULL;
  g_autofree char *skipped = NULL;
  GDate payday = ymd (2027, 1, 1), last, shifted;
  const char * const *warnings;

  prev = rh_deadline_zaikei (cal, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_payday_shifted (prev));
  g_assert_true (rh_deadline_result_get_payday (prev, &shifted));
  assert_date (&shifted, 2026, 12, 30);
  rh_deadline_result_get_last (prev, &last);
  assert_date (&last, 2026, 12, 24);
  warnings = rh_deadline_result_get_warnings (prev);
  g_assert_cmpstr (warnings[0], ==, "The payday 2027年1月1日(金) is not a bank business day (元日); "
                                    "it was moved to the previous business day, 2026年12月30日(水).");
  g_assert_null (warnings[1]);
  skipped = skipped_text (prev);
  g_assert_cmpstr (skipped, ==, "2026-12-26 Saturday;2026-12-27 Sunday;2026-12-31 New Year holidays;2027-01-01 元日");

  next = rh_deadline_zaikei (cal, &payday, RH_SHIFT_NEXT, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_payday (next, &shifted));
  assert_date (&shifted, 2027, 1, 4);
  rh_deadline_result_get_last (next, &last);
  assert_date (&last, 2026, 12, 25);
  g_assert_nonnull (strstr (rh_deadline_result_get_warnings (next)[0], "next business day, 2027年1月4日(月)"));
}

static void
test_zaikei_golden_week (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) r = NULL;
  g_autoptr(RhDeadlineResult) holiday = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *counted = NULL;
  GDate payday = ymd (2026, 5, 7), last;

  /* 2026: 4/29 昭和の日, 5/3 (日) 憲法記念日, 5/4 みどりの日, 5/5 こどもの日, 5/6 休日. */
  r = rh_deadline_zaikei (cal, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  rh_deadline_result_get_last (r, &last);
  assert_date (&last, 2026, 4, 27);
  counted = counted_text (r);
  g_assert_cmpstr (counted, ==, "2026-04-27;2026-04-28;2026-04-30;2026-05-01");
  skipped = skipped_text (r);
  g_assert_cmpstr (skipped, ==, "2026-04-29 昭和の日;2026-05-02 Saturday;2026-05-03 憲法記念日;"
                                "2026-05-04 みどりの日;2026-05-05 こどもの日;2026-05-06 休日");

  /* A payday on こどもの日 moves back to 5/1 (金). */
  payday = ymd (2026, 5, 5);
  holiday = rh_deadline_zaikei (cal, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  rh_deadline_result_get_last (holiday, &last);
  assert_date (&last, 2026, 4, 24);
}

static void
test_nyukin (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) r = NULL;
  g_autoptr(RhDeadlineResult) same = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *skipped = NULL;
  GDate received = ymd (2026, 12, 20), payday = ymd (2026, 12, 25), first, last, today;

  r = rh_deadline_nyukin (cal, &received, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_first (r, &first));
  assert_date (&first, 2026, 12, 20);
  rh_deadline_result_get_last (r, &last);
  assert_date (&last, 2026, 12, 25);
  g_assert_cmpstr (rh_deadline_result_get_warnings (r)[0], ==,
                   "The day the request data was received, 2026年12月20日(日), is not a bank business day (Sunday).");
  counted = counted_text (r);
  g_assert_cmpstr (counted, ==, "2026-12-21;2026-12-22;2026-12-23;2026-12-24;2026-12-25");
  skipped = skipped_text (r);
  g_assert_cmpstr (skipped, ==, "2026-12-20 Sunday");

  today = ymd (2026, 12, 19);
  g_assert_false (rh_deadline_result_contains (r, &today));
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 5);
  today = ymd (2026, 12, 20);
  g_assert_true (rh_deadline_result_contains (r, &today));
  today = ymd (2026, 12, 25);
  g_assert_true (rh_deadline_result_contains (r, &today));
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 1);
  today = ymd (2026, 12, 26);
  g_assert_false (rh_deadline_result_contains (r, &today));
  g_assert_cmpuint (rh_deadline_result_business_days_remaining (r, &today), ==, 0);

  /* Payday on 元日, moved back to 12/30: received the same day is fine… */
  received = ymd (2026, 12, 30);
  payday = ymd (2027, 1, 1);
  same = rh_deadline_nyukin (cal, &received, &payday, RH_SHIFT_PREVIOUS, &error);
  g_assert_no_error (error);
  rh_deadline_result_get_last (same, &last);
  assert_date (&last, 2026, 12, 30);

  /* …received after the (moved) payday is not. */
  received = ymd (2026, 12, 31);
  g_assert_null (rh_deadline_nyukin (cal, &received, &payday, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_END_BEFORE_START);
  g_assert_cmpstr (error->message, ==, "The payday 2026年12月30日(水) is before the day the request data "
                                       "was received, 2026年12月31日(木)");
  g_clear_error (&error);

  received = ymd (2026, 12, 26);
  payday = ymd (2026, 12, 25);
  g_assert_null (rh_deadline_nyukin (cal, &received, &payday, RH_SHIFT_NEXT, &error));
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_END_BEFORE_START);
}

static void
test_meisai (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhDeadlineResult) r = NULL;
  g_autoptr(RhDeadlineResult) ye = NULL;
  g_autoptr(RhDeadlineResult) gw = NULL;
  GDate confirmed = ymd (2026, 11, 25), cutoff = ymd (2026, 12, 10), first, last;

  r = rh_deadline_meisai (cal, &confirmed, &cutoff, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_first (r, &first));
  assert_date (&first, 2026, 11, 26);
  rh_deadline_result_get_last (r, &last);
  assert_date (&last, 2026, 12, 10);
  g_assert_cmpuint (rh_deadline_result_get_counted_days (r)->len, ==, 11);
  g_assert_false (rh_deadline_result_get_payday (r, NULL));
  g_assert_null (rh_deadline_result_get_warnings (r)[0]);

  /* Confirmed on 12/30: the window opens on 1/4. */
  confirmed = ymd (2026, 12, 30);
  cutoff = ymd (2027, 1, 8);
  ye = rh_deadline_meisai (cal, &confirmed, &cutoff, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_first (ye, &first));
  assert_date (&first, 2027, 1, 4);

  /* Confirmed on 5/1 before Golden Week: opens on 5/7; a cutoff on a
   * Saturday is accepted with a warning. */
  confirmed = ymd (2026, 5, 1);
  cutoff = ymd (2026, 5, 9);
  gw = rh_deadline_meisai (cal, &confirmed, &cutoff, &error);
  g_assert_no_error (error);
  g_assert_true (rh_deadline_result_get_first (gw, &first));
  assert_date (&first, 2026, 5, 7);
  g_assert_cmpuint (rh_deadline_result_get_counted_days (gw)->len, ==, 2);
  g_assert_cmpstr (rh_deadline_result_get_warnings (gw)[0], ==,
                   "The data entry cutoff, 2026年5月9日(土), is not a bank business day (Saturday).");

  /* A cutoff before the window opens. */
  confirmed = ymd (2026, 12, 30);
  cutoff = ymd (2027, 1, 3);
  g_assert_null (rh_deadline_meisai (cal, &confirmed, &cutoff, &error));
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_END_BEFORE_START);
  g_assert_nonnull (strstr (error->message, "2027年1月4日(月)"));
}

static void
test_bad_input (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  GDate bad, ok = ymd (2026, 12, 25), far = ymd (2100, 1, 5), early = ymd (1948, 1, 5);

  g_date_clear (&bad, 1);

  g_assert_null (rh_deadline_zaikei (cal, &bad, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Payday: "));
  g_clear_error (&error);

  g_assert_null (rh_deadline_zaikei (cal, &far, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "2100"));
  g_clear_error (&error);

  /* 4 business days before 1948-01-05 is in 1947. */
  g_assert_null (rh_deadline_zaikei (cal, &early, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (rh_deadline_nyukin (cal, &bad, &ok, RH_SHIFT_PREVIOUS, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rh_deadline_meisai (cal, &ok, &far, &error));
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
}

static void
test_kinds (void)
{
  g_autoptr(GError) error = NULL;
  RhDeadlineKind kind;

  for (RhDeadlineKind k = RH_DEADLINE_ZAIKEI; k <= RH_DEADLINE_MEISAI; k++)
    {
      g_assert_true (rh_deadline_kind_from_string (rh_deadline_kind_to_string (k), &kind, &error));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (rh_deadline_kind_get_title (RH_DEADLINE_ZAIKEI), ==, "財形貯蓄の明細送信");
  g_assert_false (rh_deadline_kind_from_string ("zaikai", &kind, &error));
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_UNKNOWN_KIND);
  g_assert_nonnull (strstr (error->message, "zaikai"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/deadline/zaikei-plain", test_zaikei_plain);
  g_test_add_func ("/deadline/zaikei-after-year-end", test_zaikei_after_year_end);
  g_test_add_func ("/deadline/zaikei-payday-on-holiday", test_zaikei_payday_on_holiday);
  g_test_add_func ("/deadline/zaikei-golden-week", test_zaikei_golden_week);
  g_test_add_func ("/deadline/nyukin", test_nyukin);
  g_test_add_func ("/deadline/meisai", test_meisai);
  g_test_add_func ("/deadline/bad-input", test_bad_input);
  g_test_add_func ("/deadline/kinds", test_kinds);

  return g_test_run ();
}
