/* fuzz-holidays.c — libFuzzer target: the holiday override table (CSV, CP932/UTF-8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) rows = NULL;
  gboolean valid;

  rows = rh_holiday_table_parse (bytes, "fuzz.csv", &error);
  g_assert ((rows == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  valid = rh_holiday_table_validate (bytes, "fuzz.csv", &error);
  g_assert (valid == (rows != NULL));
  g_clear_error (&error);

  if (rh_calendar_set_overrides_from_bytes (calendar, bytes, "fuzz.csv", &error))
    {
      /* Walk every overridden row's year: holidays, business days. */
      for (guint i = 0; i < rows->len && i < 64; i++)
        {
          const RhHoliday *h = &g_array_index (rows, RhHoliday, i);
          int year = g_date_get_year (&h->date);
          g_autoptr(GArray) holidays = rh_calendar_dup_holidays (calendar, year);
          GDate out;

          g_assert (rh_calendar_is_holiday (calendar, &h->date));
          g_assert (g_utf8_validate (h->name, -1, NULL));
          g_assert (holidays->len > 0);
          if (rh_calendar_step_business_days (calendar, &h->date, -4, &out, NULL))
            g_assert (rh_calendar_is_business_day (calendar, &out));
        }
    }
  else
    {
      g_assert (rows == NULL);
      g_assert (error != NULL);
    }

  return 0;
}
