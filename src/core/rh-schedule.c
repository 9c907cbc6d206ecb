/* rh-schedule.c — a year of paydays and deadlines, for calendars and Excel
 *
 * The exported files are documents for a Japanese office: their summaries,
 * headers and notes are in Japanese whatever the locale, like the content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-quote.h"
#include "rh-schedule.h"

#define ICS_FOLD 75

struct _RhSchedule
{
  RhCalendar    *calendar;
  int            year;
  int            payday_day;
  RhShift        shift;
  RhScheduleRow  rows[12];
};

gboolean
rh_schedule_parse_payday_day (const char  *text,
                              int         *payday_day,
                              GError     **error)
{
  g_autofree char *norm = NULL;
  char *end = NULL;
  gint64 value;

  g_return_val_if_fail (payday_day != NULL, FALSE);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
      g_strstrip (norm);

      if (g_ascii_strcasecmp (norm, "end") == 0 || g_str_equal (norm, "末") ||
          g_str_equal (norm, "月末") || g_str_equal (norm, "末日"))
        {
          *payday_day = RH_PAYDAY_MONTH_END;
          return TRUE;
        }

      if (g_str_has_suffix (norm, "日"))
        norm[strlen (norm) - strlen ("日")] = '\0';

      if (g_ascii_isdigit (norm[0]))
        {
          value = g_ascii_strtoll (norm, &end, 10);
          if (end != NULL && *end == '\0' && value >= 1 && value <= 31)
            {
              *payday_day = (int)value;
              return TRUE;
            }
        }
    }

  {
    g_autofree char *shown = rh_quote_value (text);

    g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE,
                 _("Payday “%s” is not a day of the month; use 1 to 31, or end for the month’s last day"),
                 shown);
  }
  return FALSE;
}

gboolean
rh_schedule_parse_remind (const char  *text,
                          int         *remind,
                          GError     **error)
{
  g_autofree char *norm = NULL;
  guint64 value = 0;

  g_return_val_if_fail (remind != NULL, FALSE);

  if (text != NULL && g_utf8_validate (text, -1, NULL))
    {
      norm = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
      g_strstrip (norm);
      if (g_ascii_strcasecmp (norm, "none") == 0)
        {
          *remind = RH_SCHEDULE_NO_REMINDER;
          return TRUE;
        }
      if (g_ascii_isdigit (norm[0]) &&
          g_ascii_string_to_unsigned (norm, 10, 0, RH_SCHEDULE_MAX_REMIND, &value, NULL))
        {
          *remind = (int)value;
          return TRUE;
        }
    }

  {
    g_autofree char *shown = rh_quote_value (text);

    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("Reminder “%s” is not a number of business days; use 0 to %d, or none"),
                 shown, RH_SCHEDULE_MAX_REMIND);
  }
  return FALSE;
}

/**
 * rh_schedule_nominal_payday:
 *
 * The payday of @month under the rule, before any move to a business day:
 * day @payday_day, or the month's last day when the month is shorter or the
 * rule is RH_PAYDAY_MONTH_END.
 */
void
rh_schedule_nominal_payday (int    year,
                            int    month,
                            int    payday_day,
                            GDate *out)
{
  int last_day;
  int day;

  g_return_if_fail (month >= 1 && month <= 12);
  g_return_if_fail (payday_day >= 0 && payday_day <= 31);
  g_return_if_fail (out != NULL);

  last_day = g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year);
  day = payday_day == RH_PAYDAY_MONTH_END ? last_day : MIN (payday_day, last_day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
}

/* The exports are Japanese documents: 土曜日, not the locale's word. */
static const char *
closed_reason_ja (RhCalendar  *calendar,
                  const GDate *date)
{
  const char *name = rh_calendar_get_holiday_name (calendar, date);

  if (name != NULL)
    return name;
  if (g_date_get_weekday (date) == G_DATE_SATURDAY)
    return "土曜日";
  if (g_date_get_weekday (date) == G_DATE_SUNDAY)
    return "日曜日";
  return "年末年始";
}

RhSchedule *
rh_schedule_new (RhCalendar  *calendar,
                 int          year,
                 int          payday_day,
                 RhShift      shift,
                 GError     **error)
{
  g_autoptr(RhSchedule) self = NULL;

  g_return_val_if_fail (RH_IS_CALENDAR (calendar), NULL);

  if (year < RH_DATE_MIN_YEAR || year > RH_DATE_MAX_YEAR)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("Year %d is outside the supported years %d–%d"),
                   year, RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return NULL;
    }
  if (payday_day < 0 || payday_day > 31)
    {
      g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE,
                   _("Payday day %d is not a day of the month; use 1 to 31, or end for the month’s last day"),
                   payday_day);
      return NULL;
    }

  self = g_new0 (RhSchedule, 1);
  self->calendar = g_object_ref (calendar);
  self->year = year;
  self->payday_day = payday_day;
  self->shift = shift;

  for (int month = 1; month <= 12; month++)
    {
      RhScheduleRow *row = &self->rows[month - 1];
      g_autoptr(RhDeadlineResult) zaikei = NULL;

      row->month = month;
      rh_schedule_nominal_payday (year, month, payday_day, &row->nominal);

      if (!(zaikei = rh_deadline_zaikei (calendar, &row->nominal, shift, error)))
        {
          g_prefix_error (error, _("%d-%02d: "), year, month);
          return NULL;
        }

      rh_deadline_result_get_payday (zaikei, &row->payday);
      rh_deadline_result_get_last (zaikei, &row->zaikei_last);
      row->nyukin_last = row->payday;
      row->shift_reason = rh_deadline_result_get_payday_shifted (zaikei)
                          ? closed_reason_ja (calendar, &row->nominal)
                          : NULL;
    }

  return g_steal_pointer (&self);
}

void
rh_schedule_free (RhSchedule *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->calendar);
  g_free (self);
}

int
rh_schedule_get_year (RhSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year;
}

int
rh_schedule_get_payday_day (RhSchedule *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->payday_day;
}

RhShift
rh_schedule_get_shift (RhSchedule *self)
{
  g_return_val_if_fail (self != NULL, RH_SHIFT_PREVIOUS);
  return self->shift;
}

const RhScheduleRow *
rh_schedule_get_row (RhSchedule *self,
                     guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < 12, NULL);
  return &self->rows[index];
}

/* 2026年5月3日(日)は休業日(憲法記念日)のため前営業日の2026年5月1日(金)に変更 */
static char *
shift_note (RhSchedule          *self,
            const RhScheduleRow *row)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (row->shift_reason == NULL)
    return g_strdup ("");

  from = rh_date_format_human (&row->nominal);
  to = rh_date_format_human (&row->payday);
  return g_strdup_printf ("%sは休業日(%s)のため%sの%sに変更",
                          from, row->shift_reason,
                          self->shift == RH_SHIFT_NEXT ? "翌営業日" : "前営業日", to);
}

/* --- iCalendar ---------------------------------------------------------- */

static void
ics_escape (GString    *out,
            const char *text)
{
  for (const char *p = text; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case ';':  g_string_append (out, "\\;"); break;
        case ',':  g_string_append (out, "\\,"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': break;
        default:   g_string_append_c (out, *p); break;
        }
    }
}

/* Appends one content line, folded so that no line exceeds 75 octets
 * (a continuation's leading space included), never inside a UTF-8
 * character nor inside a TEXT escape, each ending in CRLF. */
static void
ics_line (GString    *out,
          const char *line)
{
  const char *p = line;
  size_t limit = ICS_FOLD;

  while (strlen (p) > limit)
    {
      const char *cut = p + limit;
      const char *b;

      /* Back off to the start of a character. */
      while (cut > p && ((guchar)*cut & 0xC0) == 0x80)
        cut--;
      /* Keep a TEXT escape (\n, \;, \, or \\) on one line: the RFC
       * allows the split, but readers that unescape before unfolding
       * would show a stray backslash and an "n". */
      for (b = cut; b > p && b[-1] == '\\'; b--)
        ;
      if ((cut - b) % 2 == 1)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      limit = ICS_FOLD - 1;
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

static void
ics_text_property (GString    *out,
                   const char *name,
                   const char *value)
{
  g_autoptr(GString) line = g_string_new (name);

  g_string_append_c (line, ':');
  ics_escape (line, value);
  ics_line (out, line->str);
}

/* The payday rule in a UID: day25-previous, end-next. */
static char *
rule_id (RhSchedule *self)
{
  const char *shift = self->shift == RH_SHIFT_NEXT ? "next" : "previous";

  if (self->payday_day == RH_PAYDAY_MONTH_END)
    return g_strdup_printf ("end-%s", shift);
  return g_strdup_printf ("day%d-%s", self->payday_day, shift);
}

/* TRIGGER of a reminder at 9:00 (when the office opens) on the business
 * day @remind business days before @date, relative to the start of the
 * all-day event (midnight of @date); NULL when that day is outside the
 * calendar. A relative trigger keeps the event's own (floating) time. */
static char *
dup_trigger (RhSchedule  *self,
             const GDate *date,
             int          remind)
{
  GDate day = *date;
  int days;

  if (remind > 0 && !rh_calendar_step_business_days (self->calendar, date, -remind, &day, NULL))
    return NULL;
  days = g_date_days_between (&day, date);
  if (days == 0)
    return g_strdup ("TRIGGER:PT9H");
  if (days == 1)
    return g_strdup ("TRIGGER:-PT15H");
  return g_strdup_printf ("TRIGGER:-P%dDT15H", days - 1);
}

static void
ics_event (GString     *out,
           RhSchedule  *self,
           const char  *uid_kind,
           int          month,
           const GDate *date,
           const char  *stamp,
           int          remind,
           const char  *summary,
           const char  *description)
{
  g_autofree char *rule = rule_id (self);
  g_autofree char *uid = g_strdup_printf ("UID:%s-%04d-%02d-%s@rokin-help", uid_kind, self->year, month, rule);
  g_autofree char *dtstamp = g_strdup_printf ("DTSTAMP:%s", stamp);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *trigger = NULL;
  GDate next = *date;

  g_date_add_days (&next, 1);
  start = g_strdup_printf ("DTSTART;VALUE=DATE:%04d%02d%02d",
                           g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
  end = g_strdup_printf ("DTEND;VALUE=DATE:%04d%02d%02d",
                         g_date_get_year (&next), g_date_get_month (&next), g_date_get_day (&next));

  ics_line (out, "BEGIN:VEVENT");
  ics_line (out, uid);
  ics_line (out, dtstamp);
  ics_line (out, start);
  ics_line (out, end);
  ics_text_property (out, "SUMMARY", summary);
  ics_text_property (out, "DESCRIPTION", description);
  ics_line (out, "TRANSP:TRANSPARENT");
  if (remind != RH_SCHEDULE_NO_REMINDER && (trigger = dup_trigger (self, date, remind)) != NULL)
    {
      g_autofree char *human = rh_date_format_human (date);
      g_autofree char *alarm = g_strdup_printf ("%s %s", summary, human);

      ics_line (out, "BEGIN:VALARM");
      ics_line (out, "ACTION:DISPLAY");
      ics_text_property (out, "DESCRIPTION", alarm);
      ics_line (out, trigger);
      ics_line (out, "END:VALARM");
    }
  ics_line (out, "END:VEVENT");
}

char *
rh_schedule_to_ics (RhSchedule *self,
                    GDateTime  *stamp)
{
  return rh_schedule_to_ics_full (self, stamp, RH_SCHEDULE_DEFAULT_REMIND);
}

char *
rh_schedule_to_ics_full (RhSchedule *self,
                         GDateTime  *stamp,
                         int         remind)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *stamp_text = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (remind >= RH_SCHEDULE_NO_REMINDER && remind <= RH_SCHEDULE_MAX_REMIND, NULL);

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  utc = g_date_time_to_utc (stamp);
  stamp_text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

  /* No METHOD: with METHOD:PUBLISH the file would be an iTIP message
   * (RFC 5546), which must have an ORGANIZER; a calendar to import has
   * none, and validators (libical) refuse it. */
  out = g_string_new (NULL);
  ics_line (out, "BEGIN:VCALENDAR");
  ics_line (out, "VERSION:2.0");
  ics_line (out, "PRODID:-//Rokin Help//rokin-help//JA");
  ics_line (out, "CALSCALE:GREGORIAN");

  for (guint i = 0; i < 12; i++)
    {
      const RhScheduleRow *row = &self->rows[i];
      g_autofree char *payday = rh_date_format_human (&row->payday);
      g_autofree char *note = shift_note (self, row);
      g_autofree char *zaikei_desc = NULL;
      g_autofree char *nyukin_desc = NULL;

      zaikei_desc = g_strdup_printf ("支給日(入金予定日)%sの%d営業日前(支給日は数えません)。%s%s",
                                     payday, RH_DEADLINE_ZAIKEI_BUSINESS_DAYS,
                                     *note ? "\n" : "", note);
      nyukin_desc = g_strdup_printf ("支給日(入金予定日)%s当日まで。%s%s",
                                     payday, *note ? "\n" : "", note);

      ics_event (out, self, "zaikei", row->month, &row->zaikei_last, stamp_text, remind,
                 "財形貯蓄の明細送信 最終日", zaikei_desc);
      ics_event (out, self, "nyukin", row->month, &row->nyukin_last, stamp_text, remind,
                 "まとめ入金の入金確定・送信 最終日", nyukin_desc);
    }

  ics_line (out, "END:VCALENDAR");
  return g_string_free (out, FALSE);
}

/* --- CSV ---------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static char *
csv_date (const GDate *date)
{
  return g_strdup_printf ("%04d/%02d/%02d",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
rh_schedule_to_csv (RhSchedule *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  csv_field (out, "月", FALSE);
  csv_field (out, "支給日(入金予定日)", FALSE);
  csv_field (out, "曜日", FALSE);
  csv_field (out, "財形貯蓄の明細送信 最終日", FALSE);
  csv_field (out, "曜日", FALSE);
  csv_field (out, "まとめ入金の入金確定・送信 最終日", FALSE);
  csv_field (out, "曜日", FALSE);
  csv_field (out, "備考", TRUE);

  for (guint i = 0; i < 12; i++)
    {
      const RhScheduleRow *row = &self->rows[i];
      g_autofree char *month = g_strdup_printf ("%d年%d月", self->year, row->month);
      g_autofree char *payday = csv_date (&row->payday);
      g_autofree char *zaikei = csv_date (&row->zaikei_last);
      g_autofree char *nyukin = csv_date (&row->nyukin_last);
      g_autofree char *note = shift_note (self, row);

      csv_field (out, month, FALSE);
      csv_field (out, payday, FALSE);
      csv_field (out, rh_date_weekday_kanji (g_date_get_weekday (&row->payday)), FALSE);
      csv_field (out, zaikei, FALSE);
      csv_field (out, rh_date_weekday_kanji (g_date_get_weekday (&row->zaikei_last)), FALSE);
      csv_field (out, nyukin, FALSE);
      csv_field (out, rh_date_weekday_kanji (g_date_get_weekday (&row->nyukin_last)), FALSE);
      csv_field (out, note, TRUE);
    }

  return g_string_free (out, FALSE);
}

/* --- Text --------------------------------------------------------------- */

char *
rh_schedule_to_text (RhSchedule *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (NULL);
  if (self->payday_day == RH_PAYDAY_MONTH_END)
    g_string_append_printf (out, _("Schedule for %d: payday at the end of each month"), self->year);
  else
    g_string_append_printf (out, _("Schedule for %d: payday on day %d of each month"),
                            self->year, self->payday_day);
  g_string_append (out, self->shift == RH_SHIFT_NEXT
                   ? _(" (next business day when the bank is closed)\n")
                   : _(" (previous business day when the bank is closed)\n"));

  for (guint i = 0; i < 12; i++)
    {
      const RhScheduleRow *row = &self->rows[i];
      g_autofree char *payday = rh_date_format_human (&row->payday);
      g_autofree char *zaikei = rh_date_format_human (&row->zaikei_last);
      g_autofree char *note = shift_note (self, row);

      g_string_append_printf (out, _("Month %2d  payday %s  zaikei last day %s  nyukin last day %s\n"),
                              row->month, payday, zaikei, payday);
      if (*note)
        g_string_append_printf (out, "      ※%s\n", note);
    }

  return g_string_free (out, FALSE);
}
