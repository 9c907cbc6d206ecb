/* bench-calendar.c — how fast the calendar answers (run by hand:
 * _build/bench/bench-calendar)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  g_autoptr(RhCalendar) cold = rh_calendar_new ();
  g_autoptr(RhCalendar) cal = rh_calendar_new ();
  GDate d, out;
  gint64 start;
  guint n = 0, open = 0;
  const int rounds = 20;

  /* Every year computed once (cold cache). */
  start = g_get_monotonic_time ();
  for (int year = RH_DATE_MIN_YEAR; year <= RH_DATE_MAX_YEAR; year++)
    {
      g_autoptr(GArray) h = rh_calendar_dup_holidays (cold, year);
      n += h->len;
    }
  g_print ("compute 1948–2099 (%u days off), cold: %.3f ms\n", n, seconds_since (start) * 1e3);

  /* is_business_day over every day of 1948–2099, cached. */
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 1, RH_DATE_MIN_YEAR);
  rh_calendar_is_business_day (cal, &d);
  n = 0;
  start = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      g_date_set_dmy (&d, 1, 1, RH_DATE_MIN_YEAR);
      while (g_date_get_year (&d) <= RH_DATE_MAX_YEAR)
        {
          open += rh_calendar_is_business_day (cal, &d);
          n++;
          g_date_add_days (&d, 1);
        }
    }
  g_print ("is_business_day: %u calls, %.1f ns per call (%u open)\n",
           n, seconds_since (start) * 1e9 / n, open / rounds);

  /* The holiday table parser is linear: 1 and 4 MiB of lone CRs. */
  for (guint mib = 1; mib <= 4; mib *= 4)
    {
      g_autoptr(GString) csv = g_string_new ("2030/1/1,元日\n");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GArray) rows = NULL;

      for (guint i = 0; i < mib * 1024 * 1024; i++)
        g_string_append_c (csv, '\r');
      bytes = g_bytes_new (csv->str, csv->len);
      start = g_get_monotonic_time ();
      rows = rh_holiday_table_parse (bytes, "bench.csv", NULL);
      g_print ("holiday table with %u MiB of lone CRs: %.1f ms (%u rows)\n",
               mib, seconds_since (start) * 1e3, rows ? rows->len : 0);
    }

  /* A 財形 deadline for every day of 2026. */
  n = 0;
  start = g_get_monotonic_time ();
  for (int r = 0; r < rounds; r++)
    {
      g_date_set_dmy (&d, 1, 1, 2026);
      while (g_date_get_year (&d) == 2026)
        {
          g_autoptr(RhDeadlineResult) res = rh_deadline_zaikei (cal, &d, RH_SHIFT_PREVIOUS, NULL);
          n += res != NULL;
          g_date_add_days (&d, 1);
        }
    }
  g_print ("rh_deadline_zaikei: %.2f µs per call\n", seconds_since (start) * 1e6 / n);

  /* 20 business days forward from each day of 2026. */
  n = 0;
  start = g_get_monotonic_time ();
  g_date_set_dmy (&d, 1, 1, 2026);
  while (g_date_get_year (&d) == 2026)
    {
      n += rh_calendar_step_business_days (cal, &d, 20, &out, NULL);
      g_date_add_days (&d, 1);
    }
  g_print ("step 20 business days: %.2f µs per call\n", seconds_since (start) * 1e6 / n);

  /* Parsing what people type. */
  {
    const char *inputs[] = { "2026-12-25", "令和8年12月25日", "R8.12.25", "１２/２５", "2026年12月25日(金)" };
    n = 0;
    start = g_get_monotonic_time ();
    for (int r = 0; r < 20000; r++)
      n += rh_date_parse (inputs[r % G_N_ELEMENTS (inputs)], NULL, &out, NULL);
    g_print ("rh_date_parse: %.2f µs per call\n", seconds_since (start) * 1e6 / n);
  }

  return 0;
}
