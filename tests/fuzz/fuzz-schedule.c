/* fuzz-schedule.c — libFuzzer target: yearly schedules and their iCalendar/CSV/text exports
 *
 * The input chooses the year, the payday rule, the shift, and optionally a
 * holiday table that changes the calendar underneath.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_ics (const char *ics)
{
  const char *line = ics;

  g_assert (g_utf8_validate (ics, -1, NULL));
  g_assert (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert (g_str_has_suffix (ics, "END:VCALENDAR\r\n"));

  while (*line)
    {
      const char *end = strstr (line, "\r\n");

      g_assert (end != NULL);
      g_assert (end - line <= 75);
      line = end + 2;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(RhSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 25, 0, 0, 0);
  int year, payday_day, remind;
  RhShift shift;

  if (size < 4)
    return 0;

  year = 1940 + (data[0] | (data[1] << 8)) % 180;    /* some outside 1948–2099 */
  payday_day = data[2] % 34 - 1;                      /* -1 … 32; 0 = month end */
  shift = (data[3] & 1) ? RH_SHIFT_NEXT : RH_SHIFT_PREVIOUS;
  remind = (data[3] >> 1) % (RH_SCHEDULE_MAX_REMIND + 2) - 1;   /* none, 0 … 20 */

  if (size > 4)
    {
      g_autoptr(GBytes) csv = g_bytes_new_static (data + 4, size - 4);
      rh_calendar_set_overrides_from_bytes (calendar, csv, "fuzz.csv", NULL);
    }

  schedule = rh_schedule_new (calendar, year, payday_day, shift, &error);

  if (schedule != NULL)
    {
      g_autofree char *ics = rh_schedule_to_ics_full (schedule, stamp, remind);
      g_autofree char *csv = rh_schedule_to_csv (schedule);
      g_autofree char *text = rh_schedule_to_text (schedule);

      check_ics (ics);
      g_assert (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
      g_assert (g_utf8_validate (csv, -1, NULL));
      g_assert (g_utf8_validate (text, -1, NULL));

      for (guint m = 0; m < 12; m++)
        {
          const RhScheduleRow *row = rh_schedule_get_row (schedule, m);

          g_assert (rh_calendar_is_business_day (calendar, &row->payday));
          g_assert (rh_calendar_is_business_day (calendar, &row->zaikei_last));
          g_assert (g_date_compare (&row->zaikei_last, &row->payday) < 0);
        }
    }
  else
    g_assert (error != NULL);

  return 0;
}
