/* fuzz-date.c — libFuzzer target: dates as people type them (ISO, slashes, 和暦, full width)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *)data, MIN (size, 4096));
  g_autoptr(GError) error = NULL;
  GDate today, date;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 25, G_DATE_NOVEMBER, 2026);
  g_date_clear (&date, 1);

  if (rh_date_parse (text, &today, &date, &error))
    {
      g_autofree char *human = NULL;
      g_autofree char *iso = NULL;
      g_autoptr(RhDeadlineResult) result = NULL;
      g_autoptr(GError) deadline_error = NULL;
      GDate reparsed;

      g_assert (g_date_valid (&date));
      g_assert (rh_date_check_range (&date, NULL));
      human = rh_date_format_human (&date);
      iso = rh_date_format_iso (&date);
      g_assert (g_utf8_validate (human, -1, NULL));

      /* What we print, we read back. */
      g_date_clear (&reparsed, 1);
      g_assert (rh_date_parse (iso, &today, &reparsed, NULL));
      g_assert (g_date_compare (&date, &reparsed) == 0);

      result = rh_deadline_zaikei (rh_calendar_get_default (), &date, RH_SHIFT_PREVIOUS, &deadline_error);
      g_assert ((result == NULL) != (deadline_error == NULL));
    }
  else
    {
      g_assert (error != NULL);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      /* A value is cut in messages: never the whole of a long paste. */
      g_assert (strlen (error->message) < 1024);
    }

  /* A date without a year: the next such day from today, or the last one
   * up to it, never the other side of it. */
  for (int rule = RH_DATE_YEAR_NEXT; rule <= RH_DATE_YEAR_PREVIOUS; rule++)
    {
      gboolean implied = FALSE;
      GDate d;

      if (!rh_date_parse_full (text, &today, (RhDateYear)rule, &d, &implied, NULL) || !implied)
        continue;
      if (rule == RH_DATE_YEAR_NEXT)
        g_assert (g_date_compare (&d, &today) >= 0);
      else
        g_assert (g_date_compare (&d, &today) <= 0);
      g_assert (g_date_days_between (&today, &d) < 366 && g_date_days_between (&d, &today) < 366);
    }

  return 0;
}
