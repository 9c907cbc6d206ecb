/* rh-hours.c — is the helpdesk open? (Asia/Tokyo)
 *
 * The hours come from the content (平日 9:00–18:00; 土・日・祝日 and
 * 12月31日~1月3日 closed), read by the catalog into RhContact; the days
 * come from RhCalendar. Japan has no daylight saving time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-hours"

#include "config.h"

#include "rh-date.h"
#include "rh-hours.h"

/* Days to look ahead for the next opening; the longest closure is far shorter. */
#define MAX_LOOKAHEAD_DAYS 60

static void
tokyo_date (GDateTime *instant,
            GTimeZone *tz,
            GDate     *date,
            int       *minute)
{
  g_autoptr(GDateTime) local = g_date_time_to_timezone (instant, tz);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (minute != NULL)
    *minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static GDateTime *
at_minute (GTimeZone   *tz,
           const GDate *date,
           int          minute)
{
  return g_date_time_new (tz, g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          minute / 60, minute % 60, 0);
}

gboolean
rh_hours_is_open_day (RhContact   *contact,
                      RhCalendar  *calendar,
                      const GDate *date)
{
  RhClosedDays closed;
  GDateWeekday weekday;
  GDateMonth month;
  GDateDay day;

  g_return_val_if_fail (RH_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (RH_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (!rh_contact_has_hours (contact))
    return FALSE;

  closed = rh_contact_get_closed_days (contact);
  weekday = g_date_get_weekday (date);
  month = g_date_get_month (date);
  day = g_date_get_day (date);

  if ((closed & RH_CLOSED_WEEKEND) && (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY))
    return FALSE;
  if ((closed & RH_CLOSED_HOLIDAY) && rh_calendar_is_holiday (calendar, date))
    return FALSE;
  if ((closed & RH_CLOSED_YEAR_END) && ((month == 12 && day == 31) || (month == 1 && day <= 3)))
    return FALSE;
  return TRUE;
}

gboolean
rh_hours_is_open (RhContact  *contact,
                  RhCalendar *calendar,
                  GDateTime  *instant)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  GDate date;
  int minute;

  g_return_val_if_fail (RH_IS_CONTACT (contact), FALSE);
  g_return_val_if_fail (instant != NULL, FALSE);

  tokyo_date (instant, tz, &date, &minute);
  return rh_hours_is_open_day (contact, calendar, &date) &&
         minute >= rh_contact_get_open_minute (contact) &&
         minute < rh_contact_get_close_minute (contact);
}

GDateTime *
rh_hours_dup_next_opening (RhContact  *contact,
                           RhCalendar *calendar,
                           GDateTime  *instant)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  GDate date;
  int minute;

  g_return_val_if_fail (RH_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  if (!rh_contact_has_hours (contact))
    return NULL;

  tokyo_date (instant, tz, &date, &minute);
  if (rh_hours_is_open_day (contact, calendar, &date) && minute < rh_contact_get_open_minute (contact))
    return at_minute (tz, &date, rh_contact_get_open_minute (contact));

  for (int i = 0; i < MAX_LOOKAHEAD_DAYS; i++)
    {
      g_date_add_days (&date, 1);
      if (g_date_get_year (&date) > RH_DATE_MAX_YEAR)
        return NULL;
      if (rh_hours_is_open_day (contact, calendar, &date))
        return at_minute (tz, &date, rh_contact_get_open_minute (contact));
    }
  return NULL;
}

GDateTime *
rh_hours_dup_closing_today (RhContact  *contact,
                            RhCalendar *calendar,
                            GDateTime  *instant)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  GDate date;

  g_return_val_if_fail (RH_IS_CONTACT (contact), NULL);
  g_return_val_if_fail (instant != NULL, NULL);

  tokyo_date (instant, tz, &date, NULL);
  if (!rh_hours_is_open_day (contact, calendar, &date))
    return NULL;
  return at_minute (tz, &date, rh_contact_get_close_minute (contact));
}
