/* test-hours.c — helpdesk open / next opening / closing, in Asia/Tokyo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

static GDateTime *
jst (int y, int mo, int d, int h, int mi)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

/* "2026-12-28T09:00:00+09:00" */
static char *
iso (GDateTime *dt)
{
  return dt ? g_date_time_format (dt, "%FT%T%:z") : g_strdup ("(none)");
}

static RhContact *
helpdesk_from_content (RhCatalog **catalog_out)
{
  g_autoptr(GError) error = NULL;
  RhCatalog *catalog = rh_catalog_new_builtin (&error);
  RhContact *contact;

  g_assert_no_error (error);
  contact = rh_catalog_lookup_contact (catalog, "helpdesk");
  g_assert_nonnull (contact);
  g_assert_true (rh_contact_has_hours (contact));
  *catalog_out = catalog;
  return contact;
}

typedef struct
{
  int         y, mo, d, h, mi;
  gboolean    open;
  const char *next;
  const char *closing;
} Case;

static void
test_helpdesk (void)
{
  static const Case cases[] = {
    /* A Friday. */
    { 2026, 12, 25, 10, 0, TRUE, "2026-12-28T09:00:00+09:00", "2026-12-25T18:00:00+09:00" },
    { 2026, 12, 25, 8, 59, FALSE, "2026-12-25T09:00:00+09:00", "2026-12-25T18:00:00+09:00" },
    { 2026, 12, 25, 9, 0, TRUE, "2026-12-28T09:00:00+09:00", "2026-12-25T18:00:00+09:00" },
    { 2026, 12, 25, 17, 59, TRUE, "2026-12-28T09:00:00+09:00", "2026-12-25T18:00:00+09:00" },
    { 2026, 12, 25, 18, 0, FALSE, "2026-12-28T09:00:00+09:00", "2026-12-25T18:00:00+09:00" },
    /* Saturday. */
    { 2026, 12, 26, 12, 0, FALSE, "2026-12-28T09:00:00+09:00", NULL },
    /* The last day before the year end, then 12/31–1/3. */
    { 2026, 12, 30, 12, 0, TRUE, "2027-01-04T09:00:00+09:00", "2026-12-30T18:00:00+09:00" },
    { 2026, 12, 31, 10, 0, FALSE, "2027-01-04T09:00:00+09:00", NULL },
    { 2027, 1, 2, 10, 0, FALSE, "2027-01-04T09:00:00+09:00", NULL },
    /* Golden Week 2026: 5/4–5/6 are holidays (5/6 休日). */
    { 2026, 5, 6, 10, 0, FALSE, "2026-05-07T09:00:00+09:00", NULL },
    { 2026, 5, 1, 19, 0, FALSE, "2026-05-07T09:00:00+09:00", "2026-05-01T18:00:00+09:00" },
    /* A 2025 weekday 1/3 (金) is a year-end closed day. */
    { 2025, 1, 3, 10, 0, FALSE, "2025-01-06T09:00:00+09:00", NULL },
  };
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  RhContact *helpdesk = helpdesk_from_content (&catalog);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) at = jst (cases[i].y, cases[i].mo, cases[i].d, cases[i].h, cases[i].mi);
      g_autoptr(GDateTime) next = rh_hours_dup_next_opening (helpdesk, cal, at);
      g_autoptr(GDateTime) closing = rh_hours_dup_closing_today (helpdesk, cal, at);
      g_autofree char *next_text = iso (next);
      g_autofree char *closing_text = iso (closing);

      g_test_message ("case %u", i);
      g_assert_cmpint (rh_hours_is_open (helpdesk, cal, at), ==, cases[i].open);
      g_assert_cmpstr (next_text, ==, cases[i].next);
      g_assert_cmpstr (closing_text, ==, cases[i].closing ? cases[i].closing : "(none)");
    }
}

static void
test_other_time_zones (void)
{
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  RhContact *helpdesk = helpdesk_from_content (&catalog);
  /* 00:30 UTC = 09:30 JST; 09:00 UTC = 18:00 JST; Thursday 23:30 UTC = Friday 08:30 JST. */
  g_autoptr(GDateTime) a = g_date_time_new_utc (2026, 12, 25, 0, 30, 0);
  g_autoptr(GDateTime) b = g_date_time_new_utc (2026, 12, 25, 9, 0, 0);
  g_autoptr(GDateTime) c = g_date_time_new_utc (2026, 12, 24, 23, 30, 0);
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *next_text = NULL;

  g_assert_true (rh_hours_is_open (helpdesk, cal, a));
  g_assert_false (rh_hours_is_open (helpdesk, cal, b));
  g_assert_false (rh_hours_is_open (helpdesk, cal, c));
  next = rh_hours_dup_next_opening (helpdesk, cal, c);
  next_text = iso (next);
  g_assert_cmpstr (next_text, ==, "2026-12-25T09:00:00+09:00");
}

static void
test_flags (void)
{
  const char * const text[] = { NULL };
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(RhContact) weekdays_only = rh_contact_new ("w", "W", NULL, NULL, text);
  g_autoptr(RhContact) no_hours = rh_contact_new ("n", "N", NULL, NULL, text);
  g_autoptr(GDateTime) dec31 = jst (2026, 12, 31, 10, 0);
  g_autoptr(GDateTime) may6 = jst (2026, 5, 6, 10, 0);
  g_autoptr(GDateTime) sat = jst (2026, 12, 26, 10, 0);

  rh_contact_set_hours (weekdays_only, 10 * 60, 17 * 60 + 30, RH_CLOSED_WEEKEND);
  g_assert_true (rh_hours_is_open (weekdays_only, cal, dec31));
  g_assert_true (rh_hours_is_open (weekdays_only, cal, may6));
  g_assert_false (rh_hours_is_open (weekdays_only, cal, sat));

  g_assert_false (rh_hours_is_open (no_hours, cal, dec31));
  g_assert_null (rh_hours_dup_next_opening (no_hours, cal, dec31));
  g_assert_null (rh_hours_dup_closing_today (no_hours, cal, dec31));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hours/helpdesk", test_helpdesk);
  g_test_add_func ("/hours/other-time-zones", test_other_time_zones);
  g_test_add_func ("/hours/flags", test_flags);

  return g_test_run ();
}
