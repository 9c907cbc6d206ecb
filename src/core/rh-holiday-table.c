/* rh-holiday-table.c — the Cabinet Office holiday list (syukujitsu.csv)
 *
 * The Cabinet Office publishes 「国民の祝日について」 with a CSV file of
 * every national holiday and 休日 from 1955: CP932, CRLF, a header row
 * 国民の祝日・休日月日,国民の祝日・休日名称 and rows like 1955/1/1,元日.
 * This parser reads that file as published, or the same rows in UTF-8.
 * A table is taken whole or not at all: the first bad row fails the parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-holiday-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-date.h"
#include "rh-holiday-table.h"

#define MAX_NAME_CHARS 64

G_DEFINE_QUARK (rh-holiday-table-error-quark, rh_holiday_table_error)

static int
compare_holiday (gconstpointer a,
                 gconstpointer b)
{
  return g_date_compare (&((const RhHoliday *)a)->date, &((const RhHoliday *)b)->date);
}

/* Strips spaces and one pair of surrounding double quotes. */
static char *
clean_field (const char *field)
{
  g_autofree char *s = g_strstrip (g_strdup (field));
  size_t len = strlen (s);

  if (len >= 2 && s[0] == '"' && s[len - 1] == '"')
    {
      s[len - 1] = '\0';
      return g_strstrip (g_strdup (s + 1));
    }
  return g_steal_pointer (&s);
}

static gboolean
parse_number (const char **p,
              int          max_digits,
              int         *value)
{
  int n = 0, v = 0;

  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return FALSE;
      v = v * 10 + (**p - '0');
      (*p)++;
    }
  *value = v;
  return n > 0;
}

/* 1955/1/1 or 1955-01-01 */
static gboolean
parse_table_date (const char *text,
                  int        *year,
                  int        *month,
                  int        *day)
{
  const char *p = text;
  char sep;

  if (!parse_number (&p, 4, year) || p - text != 4)
    return FALSE;
  sep = *p;
  if (sep != '/' && sep != '-')
    return FALSE;
  p++;
  if (!parse_number (&p, 2, month) || *p != sep)
    return FALSE;
  p++;
  if (!parse_number (&p, 2, day) || *p != '\0')
    return FALSE;
  return TRUE;
}

/* Holiday names live as long as the process, so that an RhHoliday handed
 * out stays valid after the table is replaced. They are kept in a pool of
 * our own rather than with g_intern_string(): GLib retires its quark arrays
 * as they grow without freeing them, which leak checkers rightly report
 * once a table from a server has added many names. The pool stays
 * reachable, and holds each distinct name once. */
static const char *
keep_name (const char *name)
{
  static GMutex lock;
  static GHashTable *names;
  const char *kept;

  g_mutex_lock (&lock);
  if (names == NULL)
    names = g_hash_table_new (g_str_hash, g_str_equal);
  kept = g_hash_table_lookup (names, name);
  if (kept == NULL)
    {
      char *copy = g_strdup (name);

      g_hash_table_add (names, copy);
      kept = copy;
    }
  g_mutex_unlock (&lock);

  return kept;
}

static char *
to_utf8 (GBytes      *csv,
         const char  *origin,
         GError     **error)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (csv, &len);
  g_autoptr(GError) local_error = NULL;
  char *converted;

  /* An empty GBytes has no data pointer: nothing for memchr to look at. */
  if (len == 0)
    return g_strdup ("");

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
      if (!g_utf8_validate_len (data, len, NULL))
        {
          g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ENCODING,
                       _("%s: the file starts as UTF-8 but is not valid UTF-8 text"), origin);
          return NULL;
        }
      return g_strndup (data, len);
    }

  if (memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ENCODING,
                   _("%s: not a text file"), origin);
      return NULL;
    }

  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);

  converted = g_convert (data, len, "UTF-8", "CP932", NULL, NULL, &local_error);
  if (converted == NULL)
    {
      g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ENCODING,
                   _("%s: the text is neither UTF-8 nor Shift_JIS (CP932)"), origin);
      return NULL;
    }
  return converted;
}

/* The header row: its first column holds no digit at all (国民の祝日・休日月日,
 * date). A first row that does hold one is data, parsed and, when it is
 * malformed (２０２６/1/1), refused rather than skipped. */
static gboolean
is_header (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, ",", 2);
  g_autofree char *first = clean_field (fields[0] ? fields[0] : "");

  for (const char *c = first; *c; c = g_utf8_next_char (c))
    if (g_unichar_isdigit (g_utf8_get_char (c)))
      return FALSE;
  return TRUE;
}

static gboolean
row_error (GError     **error,
           const char  *origin,
           guint        line,
           const char  *what)
{
  g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_ROW,
               _("%s, line %u: %s"), origin, line, what);
  return FALSE;
}

static gboolean
parse_row (const char  *text,
           const char  *origin,
           guint        line,
           RhHoliday   *out,
           GError     **error)
{
  g_auto(GStrv) fields = g_strsplit (text, ",", -1);
  g_autofree char *date_text = NULL;
  g_autofree char *name = NULL;
  guint n_fields = g_strv_length (fields);
  int year, month, day;

  /* Trailing empty columns (as spreadsheets write them) are harmless. */
  while (n_fields > 2)
    {
      g_autofree char *extra = clean_field (fields[n_fields - 1]);

      if (*extra != '\0')
        break;
      n_fields--;
    }

  if (n_fields != 2)
    {
      g_autofree char *what = g_strdup_printf (_("expected 2 columns (date,name), found %u"), n_fields);
      return row_error (error, origin, line, what);
    }

  date_text = clean_field (fields[0]);
  name = clean_field (fields[1]);

  if (!parse_table_date (date_text, &year, &month, &day))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not a date like 1955/1/1"), date_text);
      return row_error (error, origin, line, what);
    }
  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is not a day of the calendar"), date_text);
      return row_error (error, origin, line, what);
    }
  if (year < RH_DATE_MIN_YEAR || year > RH_DATE_MAX_YEAR)
    {
      g_autofree char *what = g_strdup_printf (_("year %d is outside %d–%d"), year,
                                               RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return row_error (error, origin, line, what);
    }
  if (*name == '\0')
    return row_error (error, origin, line, _("the holiday has no name"));
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    return row_error (error, origin, line, _("the holiday name is too long"));
  for (const char *c = name; *c; c = g_utf8_next_char (c))
    if (g_unichar_iscntrl (g_utf8_get_char (c)))
      return row_error (error, origin, line, _("the holiday name contains a control character"));

  g_date_clear (&out->date, 1);
  g_date_set_dmy (&out->date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  out->name = keep_name (name);
  return TRUE;
}

/* The start of the line after the one ending at @eol, or %NULL at the end. */
static const char *
next_line (const char *eol,
           const char *end)
{
  if (eol >= end)
    return NULL;
  if (eol[0] == '\r' && eol + 1 < end && eol[1] == '\n')
    return eol + 2;
  return eol + 1;
}

GArray *
rh_holiday_table_parse (GBytes      *csv,
                        const char  *origin,
                        GError     **error)
{
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree char *text = NULL;
  gboolean seen_first_line = FALSE;
  guint line_count = 0;
  const char *end;

  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (origin == NULL)
    origin = _("holiday table");

  if (!(text = to_utf8 (csv, origin, error)))
    return NULL;

  rows = g_array_new (FALSE, FALSE, sizeof (RhHoliday));
  seen = g_hash_table_new (NULL, NULL);   /* julian day → line */

  /* Lines end in CRLF (as published), LF, or a lone CR (old Mac
   * spreadsheets); each counts as one line in the messages. One pass over
   * the text: GLib 2.74's g_string_replace() moves the rest of the string
   * at every match, which made a file padded with lone CRs quadratic. */
  end = text + strlen (text);
  for (const char *p = text, *eol; p != NULL; p = next_line (eol, end))
    {
      g_autofree char *line = NULL;
      guint line_no = ++line_count;
      RhHoliday holiday;
      gpointer previous;

      for (eol = p; eol < end && *eol != '\r' && *eol != '\n'; eol++)
        ;
      line = g_strstrip (g_strndup (p, eol - p));

      if (*line == '\0')
        continue;
      /* The first non-blank line may be the header row. */
      if (!seen_first_line)
        {
          seen_first_line = TRUE;
          if (is_header (line))
            continue;
        }

      if (!parse_row (line, origin, line_no, &holiday, error))
        return NULL;

      previous = g_hash_table_lookup (seen, GUINT_TO_POINTER (g_date_get_julian (&holiday.date)));
      if (previous != NULL)
        {
          g_autofree char *iso = rh_date_format_iso (&holiday.date);

          g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_DUPLICATE,
                       _("%s, line %u: the day %s is already listed on line %u"),
                       origin, line_no, iso, GPOINTER_TO_UINT (previous));
          return NULL;
        }
      g_hash_table_insert (seen, GUINT_TO_POINTER (g_date_get_julian (&holiday.date)),
                           GUINT_TO_POINTER (line_no));
      g_array_append_val (rows, holiday);
    }

  if (rows->len == 0)
    {
      g_set_error (error, RH_HOLIDAY_TABLE_ERROR, RH_HOLIDAY_TABLE_ERROR_EMPTY,
                   _("%s: the table lists no holidays"), origin);
      return NULL;
    }

  g_array_sort (rows, compare_holiday);
  return g_steal_pointer (&rows);
}

gboolean
rh_holiday_table_validate (GBytes      *csv,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(GArray) rows = rh_holiday_table_parse (csv, origin, error);

  return rows != NULL;
}
