/* rh-date.c — dates as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-date.h"

G_DEFINE_QUARK (rh-date-error-quark, rh_date_error)

typedef struct
{
  const char *name;
  const char *letter;   /* lower case; upper case is accepted too */
  int         first_year, first_month, first_day;
  int         last_year, last_month, last_day;   /* 0 = still running */
} Era;

static const Era eras[] = {
  { "令和", "r", 2019, 5, 1,    0, 0, 0 },
  { "平成", "h", 1989, 1, 8, 2019, 4, 30 },
  { "昭和", "s", 1926, 12, 25, 1989, 1, 7 },
};

static const char * const weekday_kanji[] = { "", "月", "火", "水", "木", "金", "土", "日" };

const char *
rh_date_weekday_kanji (GDateWeekday weekday)
{
  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return weekday_kanji[weekday];
}

char *
rh_date_format_human (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%d年%d月%d日(%s)",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          weekday_kanji[g_date_get_weekday (date)]);
}

char *
rh_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

GTimeZone *
rh_date_dup_tokyo_time_zone (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Asia/Tokyo");

  if (tz == NULL)
    tz = g_time_zone_new_offset (9 * 3600);
  return tz;
}

void
rh_date_set_today (GDate *date)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  g_autoptr(GDateTime) now = g_date_time_new_now (tz);

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
rh_date_check_range (const GDate  *date,
                     GError      **error)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (date))
    {
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID, _("The date is not valid"));
      return FALSE;
    }
  if (g_date_get_year (date) < RH_DATE_MIN_YEAR || g_date_get_year (date) > RH_DATE_MAX_YEAR)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("Year %d is outside the supported years %d–%d"),
                   g_date_get_year (date), RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  return TRUE;
}

/* Reads up to 4 ASCII digits. */
static gboolean
read_number (const char **p,
             int         *value,
             int         *n_digits)
{
  int v = 0, n = 0;

  while (g_ascii_isdigit (**p) && n < 5)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  *value = v;
  *n_digits = n;
  return n > 0 && n <= 4;
}

static gboolean
skip_prefix (const char **p,
             const char  *prefix)
{
  size_t len = strlen (prefix);

  if (strncmp (*p, prefix, len) != 0)
    return FALSE;
  *p += len;
  return TRUE;
}

/* A separator: one of - / . 年 月; returns its kind as a char ('Y' for 年,
 * 'M' for 月), or 0 when none. */
static char
read_separator (const char **p)
{
  if (**p == '-' || **p == '/' || **p == '.')
    return *(*p)++;
  if (skip_prefix (p, "年"))
    return 'Y';
  if (skip_prefix (p, "月"))
    return 'M';
  return 0;
}

/* Strips a trailing weekday such as (金), (金曜), (金曜日); returns the
 * weekday or G_DATE_BAD_WEEKDAY. @s is modified in place. */
static GDateWeekday
strip_weekday (char *s)
{
  size_t len = strlen (s);
  char *open;

  if (len < 3 || s[len - 1] != ')')
    return G_DATE_BAD_WEEKDAY;
  open = strrchr (s, '(');
  if (open == NULL)
    return G_DATE_BAD_WEEKDAY;

  for (int wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
    {
      const char *inner = open + 1;

      if (!skip_prefix (&inner, weekday_kanji[wd]))
        continue;
      skip_prefix (&inner, "曜");
      skip_prefix (&inner, "日");
      if (g_str_equal (inner, ")"))
        {
          *open = '\0';
          return (GDateWeekday)wd;
        }
    }
  return G_DATE_BAD_WEEKDAY;
}

static gboolean
syntax_error (const char  *text,
              GError     **error)
{
  g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_SYNTAX,
               _("“%s” is not a date; write it like 2026-12-25, 2026/12/25, 12/25 or 令和8年12月25日"),
               text);
  return FALSE;
}

gboolean
rh_date_parse (const char   *text,
               const GDate  *today,
               GDate        *out,
               GError      **error)
{
  g_autofree char *norm = NULL;
  g_autoptr(GString) compact = NULL;
  const Era *era = NULL;
  const char *p;
  GDateWeekday weekday;
  int year = 0, month = 0, day = 0;
  int n1, d1, n2, d2, n3, d3;
  char s1, s2;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);

  if (!g_utf8_validate (text, -1, NULL))
    return syntax_error ("?", error);

  norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  compact = g_string_new (NULL);
  for (const char *c = norm; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (!g_unichar_isspace (ch))
        g_string_append_unichar (compact, ch);
    }

  if (compact->len == 0)
    {
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_EMPTY, _("No date was given"));
      return FALSE;
    }

  weekday = strip_weekday (compact->str);
  p = compact->str;

  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      if (skip_prefix (&p, eras[i].name) ||
          (g_ascii_tolower (*p) == eras[i].letter[0] && g_ascii_isdigit (p[1]) && p++))
        {
          era = &eras[i];
          break;
        }
    }

  if (era != NULL)
    {
      if (skip_prefix (&p, "元"))
        {
          n1 = 1;
          d1 = 1;
        }
      else if (!read_number (&p, &n1, &d1) || d1 > 2 || n1 == 0)
        return syntax_error (text, error);
      s1 = read_separator (&p);
      if (s1 == 0 || s1 == 'M' ||
          !read_number (&p, &n2, &d2) || d2 > 2)
        return syntax_error (text, error);
      s2 = read_separator (&p);
      if ((s1 == 'Y' ? s2 != 'M' : s2 != s1) ||
          !read_number (&p, &n3, &d3) || d3 > 2)
        return syntax_error (text, error);
      if (s1 == 'Y')
        skip_prefix (&p, "日");
      if (*p != '\0')
        return syntax_error (text, error);
      year = era->first_year + n1 - 1;
      month = n2;
      day = n3;
    }
  else
    {
      if (!read_number (&p, &n1, &d1))
        return syntax_error (text, error);
      s1 = read_separator (&p);
      if (s1 == 0 || !read_number (&p, &n2, &d2) || d2 > 2)
        return syntax_error (text, error);

      if (s1 == 'M' || (s1 != 'Y' && *p == '\0'))
        {
          /* Month and day of this year. */
          if (d1 > 2)
            return syntax_error (text, error);
          if (s1 == 'M')
            skip_prefix (&p, "日");
          if (*p != '\0')
            return syntax_error (text, error);
          if (today != NULL && g_date_valid (today))
            year = g_date_get_year (today);
          else
            {
              GDate now;

              rh_date_set_today (&now);
              year = g_date_get_year (&now);
            }
          month = n1;
          day = n2;
        }
      else
        {
          if (d1 != 4)
            return syntax_error (text, error);
          s2 = read_separator (&p);
          if ((s1 == 'Y' ? s2 != 'M' : s2 != s1) ||
              !read_number (&p, &n3, &d3) || d3 > 2)
            return syntax_error (text, error);
          if (s1 == 'Y')
            skip_prefix (&p, "日");
          if (*p != '\0')
            return syntax_error (text, error);
          year = n1;
          month = n2;
          day = n3;
        }
    }

  if (year < RH_DATE_MIN_YEAR || year > RH_DATE_MAX_YEAR)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("“%s”: year %d is outside the supported years %d–%d"),
                   text, year, RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }

  if (month < 1 || month > 12)
    {
      /* Not "no day 40 in month 13": the month is what is wrong. */
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID,
                   _("“%s” does not exist: there is no month %d"), text, month);
      return FALSE;
    }

  if (day < 1 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID,
                   _("“%s” does not exist: there is no day %d in month %d of %d"),
                   text, day, month, year);
      return FALSE;
    }

  g_date_set_dmy (out, (GDateDay)day, (GDateMonth)month, (GDateYear)year);

  if (era != NULL)
    {
      GDate first, last;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, era->first_day, era->first_month, era->first_year);
      if (g_date_compare (out, &first) < 0)
        {
          g_autofree char *when = rh_date_format_human (&first);

          g_date_clear (out, 1);
          g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_ERA,
                       _("“%s” does not exist: %s began on %s"), text, era->name, when);
          return FALSE;
        }
      if (era->last_year != 0)
        {
          g_date_clear (&last, 1);
          g_date_set_dmy (&last, era->last_day, era->last_month, era->last_year);
          if (g_date_compare (out, &last) > 0)
            {
              g_autofree char *when = rh_date_format_human (&last);

              g_date_clear (out, 1);
              g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_ERA,
                           _("“%s” does not exist: %s ended on %s"), text, era->name, when);
              return FALSE;
            }
        }
    }

  if (weekday != G_DATE_BAD_WEEKDAY && g_date_get_weekday (out) != weekday)
    {
      g_autofree char *human = rh_date_format_human (out);

      g_date_clear (out, 1);
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_WEEKDAY,
                   _("“%s”: the weekday does not match; the day is %s"), text, human);
      return FALSE;
    }

  return TRUE;
}
