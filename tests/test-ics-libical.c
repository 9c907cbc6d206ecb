/* test-ics-libical.c — the .ics exports read by libical, as a calendar
 * client would read them: parsed, checked against the RFC 5545/5546
 * restrictions (icalrestriction_check) with no error properties, and each
 * reminder placed by libical's own arithmetic at 9:00 on the business day
 * N business days before its event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "rh-core.h"
#include "rh-test-util.h"

static icalcomponent *
parse_valid (const char *ics)
{
  icalcomponent *calendar = icalparser_parse_string (ics);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalrestriction_check (calendar), ==, 1);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

/* Every event's reminder, as libical computes it. Returns the number of
 * events. */
static guint
check_reminders (RhCalendar    *cal,
                 icalcomponent *calendar,
                 int            remind)
{
  guint n_events = 0;

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      icalcomponent *alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
      struct icaltriggertype trigger;
      struct icaltimetype when;
      GDate event_day, alarm_day;

      n_events++;
      g_assert_true (start.is_date);
      g_date_clear (&event_day, 1);
      g_date_set_dmy (&event_day, start.day, start.month, start.year);
      g_assert_true (rh_calendar_is_business_day (cal, &event_day));

      if (remind == RH_SCHEDULE_NO_REMINDER)
        {
          g_assert_null (alarm);
          continue;
        }
      g_assert_nonnull (alarm);
      g_assert_cmpint (icalcomponent_get_first_property (alarm, ICAL_ACTION_PROPERTY) != NULL, ==, TRUE);
      trigger = icalproperty_get_trigger (icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY));
      g_assert_true (icaltime_is_null_time (trigger.time));

      /* The event's start as a floating midnight, plus the trigger. */
      when = start;
      when.is_date = 0;
      when.hour = when.minute = when.second = 0;
      when = icaltime_add (when, trigger.duration);
      g_assert_cmpint (when.hour, ==, 9);
      g_assert_cmpint (when.minute, ==, 0);

      g_date_clear (&alarm_day, 1);
      g_date_set_dmy (&alarm_day, when.day, when.month, when.year);
      g_assert_true (rh_calendar_is_business_day (cal, &alarm_day));
      /* Both ends counted: the alarm day, the remind days between, the event day. */
      g_assert_cmpint (rh_calendar_count_business_days (cal, &alarm_day, &event_day), ==, remind + 1);
    }
  return n_events;
}

static void
test_exports_validate (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 25, 0, 0, 0);
  static const struct { int year, day; RhShift shift; } rules[] = {
    { 2026, 25, RH_SHIFT_PREVIOUS },
    { 2026, RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS },
    { 2027, 25, RH_SHIFT_NEXT },
    { 2027, 1, RH_SHIFT_PREVIOUS },   /* 年末年始 and Golden Week in the count */
    { 2019, 10, RH_SHIFT_NEXT },      /* 2019's one-off holidays */
  };
  static const int reminds[] = { RH_SCHEDULE_NO_REMINDER, 0, 1, 3, 10, RH_SCHEDULE_MAX_REMIND };

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    for (guint m = 0; m < G_N_ELEMENTS (reminds); m++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(RhSchedule) s = rh_schedule_new (cal, rules[r].year, rules[r].day, rules[r].shift, &error);
        g_autofree char *ics = NULL;
        icalcomponent *calendar;

        g_assert_no_error (error);
        g_test_message ("%d day %d, remind %d", rules[r].year, rules[r].day, reminds[m]);
        ics = rh_schedule_to_ics_full (s, stamp, reminds[m]);
        calendar = parse_valid (ics);
        g_assert_cmpuint (check_reminders (cal, calendar, reminds[m]), ==, 24);
        icalcomponent_free (calendar);
      }
}

/* The validator is not a formality: the METHOD:PUBLISH the exports used to
 * carry, without an ORGANIZER, is refused by it. */
static void
test_validator_refuses_publish (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  g_autoptr(RhSchedule) s = rh_schedule_new (cal, 2026, 25, RH_SHIFT_PREVIOUS, NULL);
  g_autofree char *ics = rh_schedule_to_ics (s, NULL);
  g_autoptr(GString) publish = g_string_new (ics);
  const char *at = strstr (ics, "CALSCALE:GREGORIAN\r\n");
  icalcomponent *calendar;

  g_assert_nonnull (at);
  g_string_insert (publish, at - ics, "METHOD:PUBLISH\r\n");
  calendar = icalparser_parse_string (publish->str);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalrestriction_check (calendar), ==, 0);
  g_assert_cmpint (icalcomponent_count_errors (calendar), >, 0);
  icalcomponent_free (calendar);
}

/* The command line's file, --remind=2: what a clerk imports. */
static void
test_cli_export_validates (void)
{
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  const char *args[] = { "--schedule=2027", "--payday-day=end", "--format=ics", "--remind=2", NULL };
  g_autofree char *out = NULL, *err = NULL;
  icalcomponent *calendar;

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  calendar = parse_valid (out);
  g_assert_cmpuint (check_reminders (cal, calendar, 2), ==, 24);
  icalcomponent_free (calendar);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics-libical/exports-validate", test_exports_validate);
  g_test_add_func ("/ics-libical/validator-refuses-publish", test_validator_refuses_publish);
  g_test_add_func ("/ics-libical/cli-export-validates", test_cli_export_validates);

  return g_test_run ();
}
