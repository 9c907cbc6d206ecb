/* rh-date.c — dates as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-date.h"
#include "rh-quote.h"

G_DEFINE_QUARK (rh-date-error-quark, rh_date_error)

typedef struct
{
  const char *name;
  const char *letter;   /* lower case; upper case is accepted too */
  int         first_year, first_month, first_day;
  int         last_year, last_month, last_day;   /* 0 = still running */
} Era;

/* 大正 and 明治 have no dates here: all of them are before the calendar,
 * and they are known only to say so rather than "not a date". */
static const Era eras[] = {
  { "令和", "r", 2019, 5, 1,    0, 0, 0 },
  { "平成", "h", 1989, 1, 8, 2019, 4, 30 },
  { "昭和", "s", 1926, 12, 25, 1989, 1, 7 },
  { "大正", "t", 0 },
  { "明治", "m", 0 },
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

void
rh_date_set_first (GDate *date)
{
  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, RH_DATE_FIRST_DAY, RH_DATE_FIRST_MONTH, RH_DATE_MIN_YEAR);
}

/* The reason @date is outside the calendar, or NULL when it is inside.
 * @shown (already quoted) names the value in the message. */
static char *
dup_range_reason (const GDate *date,
                  const char  *shown)
{
  GDate first;

  rh_date_set_first (&first);
  if (g_date_compare (date, &first) < 0)
    {
      g_autofree char *when = rh_date_format_human (&first);

      return g_strdup_printf (_("%s is before %s, when the national holiday law came into force; "
                                "the calendar starts there"), shown, when);
    }
  if (g_date_get_year (date) > RH_DATE_MAX_YEAR)
    return g_strdup_printf (_("%s is after %d, the last year the calendar knows"),
                            shown, RH_DATE_MAX_YEAR);
  return NULL;
}

gboolean
rh_date_check_range (const GDate  *date,
                     GError      **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!g_date_valid (date))
    {
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID, _("The date is not valid"));
      return FALSE;
    }
  /* The calendar's step functions check every day: format only a failure. */
  if (g_date_get_year (date) > RH_DATE_MIN_YEAR && g_date_get_year (date) <= RH_DATE_MAX_YEAR)
    return TRUE;
  shown = rh_date_format_human (date);
  if ((reason = dup_range_reason (date, shown)) != NULL)
    {
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE, reason);
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
syntax_error (const char  *shown,
              GError     **error)
{
  g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_SYNTAX,
               _("“%s” is not a date; write it like 2026-12-25, 2026/12/25, 12/25 or 令和8年12月25日"),
               shown);
  return FALSE;
}

/* The separator a character stands for in a date, by its class rather
 * than a list of strings: every dash (Unicode Pd: ‐ ‑ ‒ – — ― 〜 …, the
 * minus sign, the tilde, and the long-vowel mark ー that kana mode types
 * for '-') is '-'; every slash (⁄ ∕) and the middle dot ・ (kana mode's
 * '/') is '/'; the ideographic full stop 。 (kana mode's '.') is '.'. 0
 * for any other. */
static char
separator_of (gunichar ch)
{
  if (ch == '-' || ch == '~' || ch == 0x2212 || ch == 0x30FC ||
      g_unichar_type (ch) == G_UNICODE_DASH_PUNCTUATION)
    return '-';
  if (ch == '/' || ch == 0x2044 || ch == 0x2215 || ch == 0x30FB || ch == 0x00B7)
    return '/';
  if (ch == '.' || ch == 0x3002)
    return '.';
  return 0;
}

/* Writes @text to @out as the parser reads it: NFKC (full-width digits
 * and letters, and the half-width ｰ ･ ｡ become their usual forms), each
 * separator as separator_of() says, white space and default ignorable
 * characters (U+200B, U+FEFF, U+200E, variation selectors …, which show
 * nothing and are pasted along from web pages and spreadsheets) dropped. Another invisible character
 * (a control) is named in the error: the text would look right. */
static gboolean
normalise (const char  *text,
           const char  *shown,
           GString     *out,
           GError     **error)
{
  g_autofree char *norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);

  for (const char *c = norm; *c; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);
      char sep;

      if (g_unichar_isspace (ch) || rh_quote_is_ignorable (ch))
        continue;
      if (rh_quote_is_invisible (ch))
        {
          g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_SYNTAX,
                       _("“%s” contains an invisible character, U+%04X; type the date again"),
                       shown, ch);
          return FALSE;
        }
      if ((sep = separator_of (ch)) != 0)
        g_string_append_c (out, sep);
      else
        g_string_append_unichar (out, ch);
    }
  return TRUE;
}

/* What was read, before checking that the day exists. */
typedef struct
{
  const Era *era;
  int        year, month, day;
  gboolean   year_implied;
} Reading;

/* The day after year and month: the separator that came after the year
 * (年 asks for 月, any other the same again), one or two digits, 日 after
 * 年…月, then the end of the text. */
static gboolean
read_day (const char *p,
          char        year_separator,
          int        *day)
{
  char s2 = read_separator (&p);
  int digits;

  if ((year_separator == 'Y' ? s2 != 'M' : s2 != year_separator) ||
      !read_number (&p, day, &digits) || digits > 2)
    return FALSE;
  if (year_separator == 'Y')
    skip_prefix (&p, "日");
  return *p == '\0';
}

/* 令和8年12月25日, R8.12.25, 令和元年5月1日 … at @p, after the era. */
static gboolean
read_era_date (const char  *p,
               const char  *shown,
               Reading     *r,
               GError     **error)
{
  int n1, d1, n2, d2, n3;
  char s1;

  if (r->era->first_year == 0)
    {
      g_autofree char *when = NULL;
      GDate first;

      rh_date_set_first (&first);
      when = rh_date_format_human (&first);
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("“%s”: every date of %s is before %s, when the national holiday law came "
                     "into force; the calendar starts there"), shown, r->era->name, when);
      return FALSE;
    }

  if (skip_prefix (&p, "元"))
    {
      n1 = 1;
      d1 = 1;
    }
  else if (!read_number (&p, &n1, &d1) || d1 > 2)
    return syntax_error (shown, error);
  if (n1 == 0)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_ERA,
                   _("“%s” does not exist: there is no year 0 of %s; its first year is %s元年 (%d)"),
                   shown, r->era->name, r->era->name, r->era->first_year);
      return FALSE;
    }
  s1 = read_separator (&p);
  if (s1 == 0 || s1 == 'M' ||
      !read_number (&p, &n2, &d2) || d2 > 2)
    return syntax_error (shown, error);
  if (!read_day (p, s1, &n3))
    return syntax_error (shown, error);
  r->year = r->era->first_year + n1 - 1;
  r->month = n2;
  r->day = n3;
  return TRUE;
}

/* 2026-12-25, 2026年12月25日, 12/25, 12月25日 … A date without a year is
 * the next one from @reference, @reference included (in December, 1/1 is
 * next January, the one a clerk means, never a deadline months past), or
 * with RH_DATE_YEAR_PREVIOUS the last one on or before it. */
static gboolean
read_plain_date (const char   *p,
                 const char   *shown,
                 const GDate  *reference,
                 RhDateYear    rule,
                 Reading      *r,
                 GError      **error)
{
  int n1, d1, n2, d2, n3;
  int ref_month_day;
  char s1;
  GDate now;

  if (!read_number (&p, &n1, &d1))
    return syntax_error (shown, error);
  s1 = read_separator (&p);
  if (s1 == 0 || !read_number (&p, &n2, &d2) || d2 > 2)
    return syntax_error (shown, error);

  if (s1 == 'M' || (s1 != 'Y' && *p == '\0'))
    {
      if (d1 > 2)
        return syntax_error (shown, error);
      if (s1 == 'M')
        skip_prefix (&p, "日");
      if (*p != '\0')
        return syntax_error (shown, error);
      /* Today is looked up only here: it loads the time zone. */
      if (reference == NULL || !g_date_valid (reference))
        {
          rh_date_set_today (&now);
          reference = &now;
        }
      ref_month_day = (int)g_date_get_month (reference) * 100 + g_date_get_day (reference);
      r->year = g_date_get_year (reference);
      r->month = n1;
      r->day = n2;
      r->year_implied = TRUE;
      if (rule == RH_DATE_YEAR_NEXT && n1 * 100 + n2 < ref_month_day)
        r->year++;
      else if (rule == RH_DATE_YEAR_PREVIOUS && n1 * 100 + n2 > ref_month_day)
        r->year--;
      return TRUE;
    }

  if (d1 != 4)
    return syntax_error (shown, error);
  if (!read_day (p, s1, &n3))
    return syntax_error (shown, error);
  r->year = n1;
  r->month = n2;
  r->day = n3;
  return TRUE;
}

/* The day exists, lies within the calendar and its era. */
static gboolean
check_reading (const Reading  *r,
               const char     *shown,
               GDate          *out,
               GError        **error)
{
  g_autofree char *quoted = g_strdup_printf ("“%s”", shown);
  g_autofree char *reason = NULL;

  if (r->year < RH_DATE_MIN_YEAR || r->year > RH_DATE_MAX_YEAR)
    {
      GDate jan1;

      /* Out of range whatever the month and day say. */
      g_date_clear (&jan1, 1);
      g_date_set_dmy (&jan1, 1, 1, (GDateYear)CLAMP (r->year, 1, 9999));
      reason = dup_range_reason (&jan1, quoted);
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE, reason);
      return FALSE;
    }
  if (r->month < 1 || r->month > 12)
    {
      /* Not "no day 40 in month 13": the month is what is wrong. */
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID,
                   _("“%s” does not exist: there is no month %d"), shown, r->month);
      return FALSE;
    }
  if (r->day < 1 || !g_date_valid_dmy ((GDateDay)r->day, (GDateMonth)r->month, (GDateYear)r->year))
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID,
                   _("“%s” does not exist: there is no day %d in month %d of %d"),
                   shown, r->day, r->month, r->year);
      return FALSE;
    }

  g_date_set_dmy (out, (GDateDay)r->day, (GDateMonth)r->month, (GDateYear)r->year);

  if (r->era != NULL)
    {
      GDate first, last;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, r->era->first_day, r->era->first_month, r->era->first_year);
      if (g_date_compare (out, &first) < 0)
        {
          g_autofree char *when = rh_date_format_human (&first);

          g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_ERA,
                       _("“%s” does not exist: %s began on %s"), shown, r->era->name, when);
          return FALSE;
        }
      if (r->era->last_year != 0)
        {
          g_date_clear (&last, 1);
          g_date_set_dmy (&last, r->era->last_day, r->era->last_month, r->era->last_year);
          if (g_date_compare (out, &last) > 0)
            {
              g_autofree char *when = rh_date_format_human (&last);

              g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_ERA,
                           _("“%s” does not exist: %s ended on %s"), shown, r->era->name, when);
              return FALSE;
            }
        }
    }

  if ((reason = dup_range_reason (out, quoted)) != NULL)
    {
      g_set_error_literal (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE, reason);
      return FALSE;
    }
  return TRUE;
}

gboolean
rh_date_parse_full (const char   *text,
                    const GDate  *reference,
                    RhDateYear    rule,
                    GDate        *out,
                    gboolean     *year_implied,
                    GError      **error)
{
  g_autofree char *shown = NULL;
  g_autoptr(GString) compact = NULL;
  Reading r = { NULL, 0, 0, 0, FALSE };
  GDateWeekday weekday;
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (year_implied != NULL)
    *year_implied = FALSE;

  shown = rh_quote_value (text);
  if (!g_utf8_validate (text, -1, NULL))
    return syntax_error (shown, error);

  compact = g_string_new (NULL);
  if (!normalise (text, shown, compact, error))
    return FALSE;
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
          r.era = &eras[i];
          break;
        }
    }

  if (!(r.era != NULL ? read_era_date (p, shown, &r, error)
                      : read_plain_date (p, shown, reference, rule, &r, error)))
    return FALSE;

  if (!check_reading (&r, shown, out, error))
    {
      g_date_clear (out, 1);
      return FALSE;
    }

  if (weekday != G_DATE_BAD_WEEKDAY && g_date_get_weekday (out) != weekday)
    {
      g_autofree char *human = rh_date_format_human (out);

      g_date_clear (out, 1);
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_WEEKDAY,
                   _("“%s”: the weekday does not match; the day is %s"), shown, human);
      return FALSE;
    }

  if (year_implied != NULL)
    *year_implied = r.year_implied;
  return TRUE;
}

gboolean
rh_date_parse (const char   *text,
               const GDate  *today,
               GDate        *out,
               GError      **error)
{
  return rh_date_parse_full (text, today, RH_DATE_YEAR_NEXT, out, NULL, error);
}
