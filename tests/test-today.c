/* test-today.c — the start page's numbers on fixed days (worked by hand
 * against the Cabinet Office holiday list)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"
#include "rh-schedule.h"
#include "rh-today.h"

static GDateTime *
jst (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static char *
iso (const GDate *date)
{
  return g_date_valid (date) ? rh_date_format_iso (date) : g_strdup ("(invalid)");
}

#define assert_date(date, expected) \
  G_STMT_START { g_autofree char *_s = iso (date); g_assert_cmpstr (_s, ==, expected); } G_STMT_END

static RhToday *
today_at (int y, int mo, int d, int payday_day, RhShift shift, const char *received)
{
  g_autoptr(GDateTime) now = jst (y, mo, d, 10, 0);
  g_autoptr(GError) error = NULL;
  GDate r;
  RhToday *today;

  g_date_clear (&r, 1);
  if (received != NULL)
    g_assert_true (rh_date_parse (received, NULL, &r, NULL));
  today = rh_today_new (rh_calendar_get_default (), now, payday_day, shift,
                        received ? &r : NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (today);
  return today;
}

/* 2026-12-28 (Mon): the 25th has passed; the next payday is 2027-01-25 and
 * its 財形 last day 2027-01-19, across 12/31–1/3 and 成人の日 (1/11). */
static void
test_year_end (void)
{
  g_autoptr(RhToday) t = today_at (2026, 12, 28, 25, RH_SHIFT_PREVIOUS, NULL);
  g_autoptr(RhToday) end_next = today_at (2026, 12, 28, RH_PAYDAY_MONTH_END, RH_SHIFT_NEXT, NULL);
  g_autoptr(RhToday) end_prev = today_at (2026, 12, 28, RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS, NULL);

  assert_date (&t->today, "2026-12-28");
  assert_date (&t->payday, "2027-01-25");
  g_assert_null (t->payday_shift_reason);
  assert_date (&t->zaikei_last, "2027-01-19");
  assert_date (&t->zaikei_payday, "2027-01-25");
  g_assert_cmpuint (t->zaikei_days_left, ==, 3 + 5 + 4 + 2);
  g_assert_cmpint (t->nyukin_state, ==, RH_NYUKIN_NOT_GIVEN);

  /* Month end: 12/31 is closed, so the payday moves to 1/4 or 12/30. */
  assert_date (&end_next->payday, "2027-01-04");
  assert_date (&end_next->payday_nominal, "2026-12-31");
  g_assert_nonnull (end_next->payday_shift_reason);
  assert_date (&end_prev->payday, "2026-12-30");
  g_assert_cmpint (rh_today_distance (&end_prev->today, &end_prev->payday), ==, RH_DAY_LATER);
}

/* 2027-04-28 (Wed) in Golden Week: the 5th is こどもの日. */
static void
test_golden_week (void)
{
  g_autoptr(RhToday) prev = today_at (2027, 4, 28, 5, RH_SHIFT_PREVIOUS, NULL);
  g_autoptr(RhToday) next = today_at (2027, 4, 28, 5, RH_SHIFT_NEXT, NULL);

  /* 5/5 → 5/1 (Sat) → 4/30 (Fri); its 財形 last day 4/23 has passed,
   * so the next one is June's: 6/5 (Sat) → 6/4, last day 5/31. */
  assert_date (&prev->payday, "2027-04-30");
  assert_date (&prev->payday_nominal, "2027-05-05");
  g_assert_cmpstr (prev->payday_shift_reason, ==, "こどもの日");
  assert_date (&prev->zaikei_last, "2027-05-31");
  assert_date (&prev->zaikei_payday, "2027-06-04");
  /* 4/28, 4/30, then May's 21 weekdays less 5/3–5/5. */
  g_assert_cmpuint (prev->zaikei_days_left, ==, 2 + 18);

  /* Shift next: 5/5 → 5/6; last day 4/26 has passed; June: 6/5 → 6/7, last 6/1. */
  assert_date (&next->payday, "2027-05-06");
  assert_date (&next->zaikei_last, "2027-06-01");
  assert_date (&next->zaikei_payday, "2027-06-07");
}

/* 2026-11-23 (Mon) is 勤労感謝の日: the payday moves to today, 11/20. */
static void
test_payday_on_holiday (void)
{
  g_autoptr(RhToday) t = today_at (2026, 11, 20, 23, RH_SHIFT_PREVIOUS, NULL);
  g_autofree char *when = NULL;

  assert_date (&t->payday, "2026-11-20");
  g_assert_cmpstr (t->payday_shift_reason, ==, "勤労感謝の日");
  g_assert_cmpint (rh_today_distance (&t->today, &t->payday), ==, RH_DAY_TODAY);
  when = rh_today_describe (t, &t->payday, FALSE, 0);
  g_assert_cmpstr (when, ==, "today");

  /* November's last day (11/16) has passed: December's, 12/17. */
  assert_date (&t->zaikei_last, "2026-12-17");
  g_assert_cmpuint (t->zaikei_days_left, ==, 19);
}

/* Today is the 財形 last day, the day before, and the day after. */
static void
test_last_day (void)
{
  g_autoptr(RhToday) on = today_at (2026, 12, 17, 23, RH_SHIFT_PREVIOUS, NULL);
  g_autoptr(RhToday) before = today_at (2026, 12, 16, 23, RH_SHIFT_PREVIOUS, NULL);
  g_autoptr(RhToday) after = today_at (2026, 12, 18, 23, RH_SHIFT_PREVIOUS, NULL);
  g_autofree char *key = NULL;
  g_autofree char *on_text = NULL;
  g_autofree char *before_text = NULL;

  assert_date (&on->zaikei_last, "2026-12-17");
  g_assert_cmpuint (on->zaikei_days_left, ==, 1);
  g_assert_cmpint (rh_today_distance (&on->today, &on->zaikei_last), ==, RH_DAY_TODAY);
  on_text = rh_today_describe (on, &on->zaikei_last, TRUE, on->zaikei_days_left);
  g_assert_cmpstr (on_text, ==, "today");
  g_assert_true (rh_today_is_due (on, RH_DEADLINE_ZAIKEI, 2, &key));
  g_assert_cmpstr (key, ==, "zaikei:2026-12-17");

  g_assert_cmpuint (before->zaikei_days_left, ==, 2);
  g_assert_cmpint (rh_today_distance (&before->today, &before->zaikei_last), ==, RH_DAY_TOMORROW);
  before_text = rh_today_describe (before, &before->zaikei_last, TRUE, before->zaikei_days_left);
  g_assert_cmpstr (before_text, ==, "tomorrow (2 business days left)");
  g_assert_true (rh_today_is_due (before, RH_DEADLINE_ZAIKEI, 2, NULL));
  g_assert_false (rh_today_is_due (before, RH_DEADLINE_ZAIKEI, 1, NULL));

  /* The day after: January's (1/23 is a Saturday → 1/22; last day 1/18). */
  assert_date (&after->zaikei_last, "2027-01-18");
  g_assert_false (rh_today_is_due (after, RH_DEADLINE_ZAIKEI, 2, NULL));
}

/* まとめ入金: not given, open, not yet, ended. */
static void
test_nyukin (void)
{
  g_autoptr(RhToday) open = today_at (2026, 12, 17, 23, RH_SHIFT_PREVIOUS, "2026-12-10");
  g_autoptr(RhToday) near = today_at (2026, 12, 22, 23, RH_SHIFT_PREVIOUS, "2026-12-10");
  g_autoptr(RhToday) not_yet = today_at (2026, 12, 17, 23, RH_SHIFT_PREVIOUS, "2026-12-20");
  g_autoptr(RhToday) ended = today_at (2026, 12, 17, 23, RH_SHIFT_PREVIOUS, "2026-11-10");
  g_autoptr(RhToday) none = today_at (2026, 12, 17, 23, RH_SHIFT_PREVIOUS, NULL);
  g_autofree char *key = NULL;
  g_autofree char *none_text = NULL;

  g_assert_cmpint (open->nyukin_state, ==, RH_NYUKIN_OPEN);
  assert_date (&open->nyukin_first, "2026-12-10");
  assert_date (&open->nyukin_last, "2026-12-23");
  g_assert_cmpuint (open->nyukin_days_left, ==, 5);
  g_assert_false (rh_today_is_due (open, RH_DEADLINE_NYUKIN, 2, NULL));

  g_assert_true (rh_today_is_due (near, RH_DEADLINE_NYUKIN, 2, &key));
  g_assert_cmpstr (key, ==, "nyukin:2026-12-23");

  g_assert_cmpint (not_yet->nyukin_state, ==, RH_NYUKIN_NOT_YET);
  g_assert_false (rh_today_is_due (not_yet, RH_DEADLINE_NYUKIN, 10, NULL));

  /* 11/23 (勤労感謝の日) → 11/20: that window is over. */
  g_assert_cmpint (ended->nyukin_state, ==, RH_NYUKIN_CLOSED);
  assert_date (&ended->nyukin_last, "2026-11-20");

  /* Nothing is made up without the received day. */
  g_assert_cmpint (none->nyukin_state, ==, RH_NYUKIN_NOT_GIVEN);
  g_assert_false (g_date_valid (&none->nyukin_last));
  g_assert_false (rh_today_is_due (none, RH_DEADLINE_NYUKIN, 100, NULL));
  none_text = rh_today_describe_nyukin (none);
  g_assert_nonnull (strstr (none_text, "received"));
}

static void
test_helpdesk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = rh_catalog_new_builtin (&error);
  RhContact *helpdesk = rh_catalog_lookup_contact (catalog, "helpdesk");
  g_autoptr(GDateTime) open_at = jst (2026, 12, 28, 10, 0);
  g_autoptr(GDateTime) closed_at = jst (2026, 12, 31, 10, 0);
  g_autoptr(RhToday) open = NULL;
  g_autoptr(RhToday) closed = NULL;
  g_autofree char *closes = NULL;
  g_autofree char *opens = NULL;

  g_assert_no_error (error);
  open = rh_today_new (rh_calendar_get_default (), open_at, 25, RH_SHIFT_PREVIOUS, NULL, helpdesk, &error);
  g_assert_no_error (error);
  g_assert_true (open->helpdesk_known);
  g_assert_true (open->helpdesk_open);
  closes = g_date_time_format (open->helpdesk_closes, "%FT%T%:z");
  g_assert_cmpstr (closes, ==, "2026-12-28T18:00:00+09:00");

  closed = rh_today_new (rh_calendar_get_default (), closed_at, 25, RH_SHIFT_PREVIOUS, NULL, helpdesk, &error);
  g_assert_no_error (error);
  g_assert_false (closed->helpdesk_open);
  opens = g_date_time_format (closed->helpdesk_next_opening, "%FT%T%:z");
  g_assert_cmpstr (opens, ==, "2027-01-04T09:00:00+09:00");
}

static void
test_json (void)
{
  g_autoptr(RhToday) t = today_at (2026, 11, 20, 23, RH_SHIFT_PREVIOUS, "2026-11-10");
  g_autoptr(JsonNode) node = rh_today_to_json (t);
  JsonObject *root = json_node_get_object (node);
  JsonObject *payday = json_object_get_object_member (root, "payday");
  JsonObject *zaikei = json_object_get_object_member (root, "zaikei");
  JsonObject *nyukin = json_object_get_object_member (root, "nyukin");
  JsonObject *meisai = json_object_get_object_member (root, "meisai");

  g_assert_cmpstr (json_object_get_string_member (root, "today"), ==, "2026-11-20");
  g_assert_cmpstr (json_object_get_string_member (payday, "date"), ==, "2026-11-20");
  g_assert_cmpstr (json_object_get_string_member (payday, "moved_because"), ==, "勤労感謝の日");
  g_assert_cmpstr (json_object_get_string_member (payday, "relative"), ==, "today");
  g_assert_cmpstr (json_object_get_string_member (zaikei, "last"), ==, "2026-12-17");
  g_assert_cmpint (json_object_get_int_member (zaikei, "business_days_left"), ==, 19);
  g_assert_cmpstr (json_object_get_string_member (nyukin, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (nyukin, "last"), ==, "2026-11-20");
  g_assert_true (json_object_get_null_member (meisai, "cutoff"));
  g_assert_true (json_object_get_null_member (root, "helpdesk"));
}

static void
test_errors (void)
{
  g_autoptr(GDateTime) now = jst (2026, 12, 1, 10, 0);
  g_autoptr(GDateTime) last_year = jst (2099, 12, 28, 10, 0);
  g_autoptr(GError) error = NULL;
  RhToday *t;

  t = rh_today_new (rh_calendar_get_default (), now, 32, RH_SHIFT_PREVIOUS, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE);
  g_clear_error (&error);

  /* No payday after 2099-12-25 within the supported years. */
  t = rh_today_new (rh_calendar_get_default (), last_year, 25, RH_SHIFT_PREVIOUS, NULL, NULL, &error);
  g_assert_null (t);
  g_assert_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/today/year-end", test_year_end);
  g_test_add_func ("/today/golden-week", test_golden_week);
  g_test_add_func ("/today/payday-on-holiday", test_payday_on_holiday);
  g_test_add_func ("/today/last-day", test_last_day);
  g_test_add_func ("/today/nyukin", test_nyukin);
  g_test_add_func ("/today/helpdesk", test_helpdesk);
  g_test_add_func ("/today/json", test_json);
  g_test_add_func ("/today/errors", test_errors);
  return g_test_run ();
}
