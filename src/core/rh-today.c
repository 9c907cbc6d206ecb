/* rh-today.c — what is due, and by when, as seen from one day in Tokyo
 *
 * The start page, the reminders and `rokin-help --today` all read one
 * RhToday, so they cannot disagree. Every rule comes from rh-deadline.c,
 * rh-schedule.c (the payday rule) and rh-hours.c; this file only picks
 * the next occurrence after "today", which callers inject for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-today"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rh-catalog.h"
#include "rh-date.h"
#include "rh-hours.h"
#include "rh-schedule.h"
#include "rh-today.h"

/* A shifted payday stays within a few days of its month, so the month
 * before and two after today's cover every "next" one. */
#define FIRST_MONTH_OFFSET (-1)
#define LAST_MONTH_OFFSET  2

typedef struct
{
  GDate       nominal;
  GDate       payday;
  GDate       zaikei_last;
  gboolean    shifted;
} Occurrence;

static gboolean
occurrence_for_month (RhCalendar  *calendar,
                      int          year,
                      int          month,
                      int          payday_day,
                      RhShift      shift,
                      Occurrence  *out,
                      GError     **error)
{
  g_autoptr(RhDeadlineResult) zaikei = NULL;

  rh_schedule_nominal_payday (year, month, payday_day, &out->nominal);
  if (!(zaikei = rh_deadline_zaikei (calendar, &out->nominal, shift, error)))
    return FALSE;

  rh_deadline_result_get_payday (zaikei, &out->payday);
  rh_deadline_result_get_last (zaikei, &out->zaikei_last);
  out->shifted = rh_deadline_result_get_payday_shifted (zaikei);
  return TRUE;
}

/* The first occurrence, month by month from the one before @from's, whose
 * payday (by_payday) or 財形 last day (!by_payday) is on or after @from. */
static gboolean
find_next (RhCalendar  *calendar,
           const GDate *from,
           int          payday_day,
           RhShift      shift,
           gboolean     by_payday,
           Occurrence  *out,
           GError     **error)
{
  int year = g_date_get_year (from);
  int month = g_date_get_month (from);

  for (int offset = FIRST_MONTH_OFFSET; offset <= LAST_MONTH_OFFSET; offset++)
    {
      int index = (year * 12 + month - 1) + offset;
      int y = index / 12;
      int m = index % 12 + 1;

      if (y < RH_DATE_MIN_YEAR || y > RH_DATE_MAX_YEAR)
        continue;
      if (!occurrence_for_month (calendar, y, m, payday_day, shift, out, error))
        return FALSE;
      if (g_date_compare (by_payday ? &out->payday : &out->zaikei_last, from) >= 0)
        return TRUE;
    }

  g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
               _("No payday after %d-%02d-%02d within the supported years %d–%d"),
               year, month, g_date_get_day (from), RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
  return FALSE;
}

static gboolean
settle_nyukin (RhToday      *self,
               RhCalendar   *calendar,
               const GDate  *received,
               GError      **error)
{
  g_autoptr(RhDeadlineResult) nyukin = NULL;
  Occurrence occurrence;

  if (received == NULL || !g_date_valid (received))
    {
      self->nyukin_state = RH_NYUKIN_NOT_GIVEN;
      return TRUE;
    }

  /* The window runs to the first payday on or after the received day. */
  if (!rh_date_check_range (received, error) ||
      !find_next (calendar, received, self->payday_day, self->shift, TRUE, &occurrence, error) ||
      !(nyukin = rh_deadline_nyukin (calendar, received, &occurrence.nominal, self->shift, error)))
    return FALSE;

  rh_deadline_result_get_first (nyukin, &self->nyukin_first);
  rh_deadline_result_get_last (nyukin, &self->nyukin_last);

  if (g_date_compare (&self->today, &self->nyukin_last) > 0)
    self->nyukin_state = RH_NYUKIN_CLOSED;
  else
    {
      self->nyukin_state = rh_deadline_result_contains (nyukin, &self->today)
                           ? RH_NYUKIN_OPEN : RH_NYUKIN_NOT_YET;
      self->nyukin_days_left = rh_deadline_result_business_days_remaining (nyukin, &self->today);
    }
  return TRUE;
}

static void
settle_helpdesk (RhToday    *self,
                 RhCalendar *calendar,
                 GDateTime  *now,
                 RhContact  *helpdesk)
{
  if (helpdesk == NULL)
    return;

  self->helpdesk_open = rh_hours_is_open (helpdesk, calendar, now);
  if (self->helpdesk_open)
    self->helpdesk_closes = rh_hours_dup_closing_today (helpdesk, calendar, now);
  else
    self->helpdesk_next_opening = rh_hours_dup_next_opening (helpdesk, calendar, now);
  self->helpdesk_known = self->helpdesk_closes != NULL || self->helpdesk_next_opening != NULL;
}

/**
 * rh_today_new:
 * @now: the moment to judge from (any time zone; the day is Tokyo's)
 * @payday_day: 1–31, or RH_PAYDAY_MONTH_END
 * @received: (nullable): the 依頼データ受信日 the clerk entered, if any
 * @helpdesk: (nullable): the contact whose hours to judge
 *
 * Returns: (transfer full) (nullable): the next deadlines, or %NULL with
 *   @error set for a bad rule or a date outside the supported years
 */
RhToday *
rh_today_new (RhCalendar   *calendar,
              GDateTime    *now,
              int           payday_day,
              RhShift       shift,
              const GDate  *received,
              RhContact    *helpdesk,
              GError      **error)
{
  g_autoptr(RhToday) self = NULL;
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(RhDeadlineResult) zaikei = NULL;
  Occurrence next_payday;
  Occurrence next_zaikei;

  g_return_val_if_fail (RH_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (payday_day < 0 || payday_day > 31)
    {
      g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_PAYDAY_RULE,
                   _("Payday day %d is not a day of the month; use 1 to 31, or end for the month’s last day"),
                   payday_day);
      return NULL;
    }

  self = g_new0 (RhToday, 1);
  self->payday_day = payday_day;
  self->shift = shift;
  local = g_date_time_to_timezone (now, tz);
  g_date_clear (&self->today, 1);
  g_date_set_dmy (&self->today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));

  if (!rh_date_check_range (&self->today, error) ||
      !find_next (calendar, &self->today, payday_day, shift, TRUE, &next_payday, error) ||
      !find_next (calendar, &self->today, payday_day, shift, FALSE, &next_zaikei, error))
    return NULL;

  self->payday = next_payday.payday;
  self->payday_nominal = next_payday.nominal;
  self->payday_shift_reason = next_payday.shifted
                              ? rh_calendar_get_closed_reason (calendar, &next_payday.nominal)
                              : NULL;

  self->zaikei_last = next_zaikei.zaikei_last;
  self->zaikei_payday = next_zaikei.payday;
  if (!(zaikei = rh_deadline_zaikei (calendar, &next_zaikei.nominal, shift, error)))
    return NULL;
  self->zaikei_days_left = rh_deadline_result_business_days_remaining (zaikei, &self->today);

  if (!settle_nyukin (self, calendar, received, error))
    return NULL;
  settle_helpdesk (self, calendar, now, helpdesk);

  return g_steal_pointer (&self);
}

void
rh_today_free (RhToday *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->helpdesk_closes, g_date_time_unref);
  g_clear_pointer (&self->helpdesk_next_opening, g_date_time_unref);
  g_free (self);
}

/**
 * rh_today_find_helpdesk:
 *
 * The contact whose opening hours the start page shows: the first one with
 * hours that an entry refers to.
 *
 * Returns: (transfer none) (nullable): the contact
 */
RhContact *
rh_today_find_helpdesk (RhCatalog *catalog)
{
  GListModel *entries;

  g_return_val_if_fail (RH_IS_CATALOG (catalog), NULL);

  entries = rh_catalog_get_entries (catalog);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          if (block->contact != NULL && rh_contact_has_hours (block->contact))
            return block->contact;
        }
    }
  return NULL;
}

RhDayDistance
rh_today_distance (const GDate *today,
                   const GDate *day)
{
  int days;

  g_return_val_if_fail (today != NULL && g_date_valid (today), RH_DAY_PAST);
  g_return_val_if_fail (day != NULL && g_date_valid (day), RH_DAY_PAST);

  days = g_date_days_between (today, day);
  if (days < 0)
    return RH_DAY_PAST;
  if (days == 0)
    return RH_DAY_TODAY;
  if (days == 1)
    return RH_DAY_TOMORROW;
  return RH_DAY_LATER;
}

const char *
rh_day_distance_to_string (RhDayDistance distance)
{
  static const char * const names[] = { "past", "today", "tomorrow", "later" };

  g_return_val_if_fail (distance <= RH_DAY_LATER, NULL);
  return names[distance];
}

const char *
rh_nyukin_state_to_string (RhNyukinState state)
{
  static const char * const names[] = { "not-given", "not-yet", "open", "closed" };

  g_return_val_if_fail (state <= RH_NYUKIN_CLOSED, NULL);
  return names[state];
}

gboolean
rh_today_is_due (const RhToday  *self,
                 RhDeadlineKind  kind,
                 guint           lead_days,
                 char          **key)
{
  const GDate *last;
  guint left;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (kind == RH_DEADLINE_ZAIKEI)
    {
      last = &self->zaikei_last;
      left = self->zaikei_days_left;
    }
  else if (kind == RH_DEADLINE_NYUKIN && self->nyukin_state == RH_NYUKIN_OPEN)
    {
      last = &self->nyukin_last;
      left = self->nyukin_days_left;
    }
  else
    return FALSE;

  /* A last day on a closed day leaves 0 business days but is still ahead. */
  if (left > lead_days || g_date_compare (&self->today, last) > 0)
    return FALSE;

  iso = rh_date_format_iso (last);
  if (key != NULL)
    *key = g_strdup_printf ("%s:%s", rh_deadline_kind_to_string (kind), iso);
  return TRUE;
}

static void
add_date (JsonBuilder *builder,
          const char  *name,
          const GDate *date)
{
  json_builder_set_member_name (builder, name);
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *iso = rh_date_format_iso (date);

      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_instant (JsonBuilder *builder,
             const char  *name,
             GDateTime   *instant)
{
  json_builder_set_member_name (builder, name);
  if (instant != NULL)
    {
      g_autofree char *iso = g_date_time_format (instant, "%FT%T%:z");

      json_builder_add_string_value (builder, iso);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_relative (JsonBuilder   *builder,
              const RhToday *self,
              const GDate   *day)
{
  json_builder_set_member_name (builder, "relative");
  json_builder_add_string_value (builder,
                                 rh_day_distance_to_string (rh_today_distance (&self->today, day)));
}

static void
add_nyukin (JsonBuilder   *builder,
            const RhToday *self)
{
  gboolean given = self->nyukin_state != RH_NYUKIN_NOT_GIVEN;

  json_builder_set_member_name (builder, "nyukin");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, rh_nyukin_state_to_string (self->nyukin_state));
  add_date (builder, "first", given ? &self->nyukin_first : NULL);
  add_date (builder, "last", given ? &self->nyukin_last : NULL);
  json_builder_set_member_name (builder, "business_days_left");
  if (self->nyukin_state == RH_NYUKIN_OPEN || self->nyukin_state == RH_NYUKIN_NOT_YET)
    json_builder_add_int_value (builder, self->nyukin_days_left);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_helpdesk (JsonBuilder   *builder,
              const RhToday *self)
{
  json_builder_set_member_name (builder, "helpdesk");
  if (!self->helpdesk_known)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "open");
  json_builder_add_boolean_value (builder, self->helpdesk_open);
  add_instant (builder, "closes", self->helpdesk_closes);
  add_instant (builder, "next_opening", self->helpdesk_next_opening);
  json_builder_end_object (builder);
}

/**
 * rh_today_to_json:
 *
 * The same facts as the start page, for `rokin-help --today --json`:
 * dates as YYYY-MM-DD, null where the clerk has not given what a date
 * depends on (never a guess).
 *
 * Returns: (transfer full): an object node
 */
JsonNode *
rh_today_to_json (const RhToday *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  add_date (builder, "today", &self->today);

  json_builder_set_member_name (builder, "rule");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "payday_day");
  if (self->payday_day == RH_PAYDAY_MONTH_END)
    json_builder_add_string_value (builder, "end");
  else
    json_builder_add_int_value (builder, self->payday_day);
  json_builder_set_member_name (builder, "shift");
  json_builder_add_string_value (builder, self->shift == RH_SHIFT_NEXT ? "next" : "previous");
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "payday");
  json_builder_begin_object (builder);
  add_date (builder, "date", &self->payday);
  add_date (builder, "nominal", &self->payday_nominal);
  json_builder_set_member_name (builder, "moved_because");
  if (self->payday_shift_reason != NULL)
    json_builder_add_string_value (builder, self->payday_shift_reason);
  else
    json_builder_add_null_value (builder);
  add_relative (builder, self, &self->payday);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "zaikei");
  json_builder_begin_object (builder);
  add_date (builder, "last", &self->zaikei_last);
  add_date (builder, "payday", &self->zaikei_payday);
  json_builder_set_member_name (builder, "business_days_left");
  json_builder_add_int_value (builder, self->zaikei_days_left);
  add_relative (builder, self, &self->zaikei_last);
  json_builder_end_object (builder);

  add_nyukin (builder, self);

  /* The 明細変更 cut-off is only on the service's information screen. */
  json_builder_set_member_name (builder, "meisai");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cutoff");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  add_helpdesk (builder, self);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * rh_today_describe:
 * @day: the deadline or payday
 * @with_left: whether to add the business days left
 * @left: business days from today through @day
 *
 * "today", "tomorrow (2 business days left)", "in 5 days": the wording the
 * start page and `--today` share, so a day that is today or tomorrow is
 * never only a date.
 *
 * Returns: (transfer full): the text
 */
char *
rh_today_describe (const RhToday *self,
                   const GDate   *day,
                   gboolean       with_left,
                   guint          left)
{
  g_autofree char *left_text = NULL;
  int days;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  if (with_left)
    left_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u business day left",
                                              "%u business days left", left), left);

  days = g_date_days_between (&self->today, day);
  switch (rh_today_distance (&self->today, day))
    {
    case RH_DAY_PAST:
      return g_strdup (_("passed"));
    case RH_DAY_TODAY:
      return g_strdup (_("today"));
    case RH_DAY_TOMORROW:
      return left_text ? g_strdup_printf (_("tomorrow (%s)"), left_text) : g_strdup (_("tomorrow"));
    case RH_DAY_LATER:
    default:
      {
        g_autofree char *in_days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %d day",
                                                                 "in %d days", days), days);

        /* Translators: "in 5 days (3 business days left)" */
        return left_text ? g_strdup_printf (_("%s (%s)"), in_days, left_text) : g_steal_pointer (&in_days);
      }
    }
}

/**
 * rh_today_describe_nyukin:
 *
 * The まとめ入金 line: the window and where today stands in it, or, when
 * the clerk has not entered the 依頼データ受信日, that it is needed.
 *
 * Returns: (transfer full): the text
 */
char *
rh_today_describe_nyukin (const RhToday *self)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->nyukin_state == RH_NYUKIN_NOT_GIVEN)
    return g_strdup (_("Enter the day the request data was received when it arrives; "
                       "the window runs from that day through the payday"));

  first = rh_date_format_human (&self->nyukin_first);
  last = rh_date_format_human (&self->nyukin_last);
  switch (self->nyukin_state)
    {
    case RH_NYUKIN_OPEN:
      when = rh_today_describe (self, &self->nyukin_last, TRUE, self->nyukin_days_left);
      return g_strdup_printf (_("Open now, through %s — %s"), last, when);
    case RH_NYUKIN_NOT_YET:
      return g_strdup_printf (_("Opens %s, through %s"), first, last);
    case RH_NYUKIN_CLOSED:
    case RH_NYUKIN_NOT_GIVEN:
    default:
      return g_strdup_printf (_("The window %s – %s has ended; enter the next received day when it arrives"),
                              first, last);
    }
}

/**
 * rh_today_describe_helpdesk:
 *
 * Returns: (transfer full) (nullable): 受付中 with today's closing, or
 *   受付時間外 with the next opening; %NULL when no hours are known
 */
char *
rh_today_describe_helpdesk (const RhToday *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (!self->helpdesk_known)
    return NULL;

  if (self->helpdesk_open)
    {
      g_autofree char *time = g_date_time_format (self->helpdesk_closes, "%-H:%M");

      return g_strdup_printf (_("Open now — until %s today"), time);
    }
  else
    {
      g_autofree char *time = g_date_time_format (self->helpdesk_next_opening, "%-H:%M");
      g_autofree char *day = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (self->helpdesk_next_opening),
                      g_date_time_get_month (self->helpdesk_next_opening),
                      g_date_time_get_year (self->helpdesk_next_opening));
      day = rh_date_format_human (&date);
      return g_strdup_printf (_("Closed now — opens %s at %s"), day, time);
    }
}

/**
 * rh_today_to_text:
 *
 * The start page as lines for a person (`rokin-help --today`).
 *
 * Returns: (transfer full): the text, ending in a newline
 */
char *
rh_today_to_text (const RhToday *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *today = NULL;
  g_autofree char *payday = NULL;
  g_autofree char *payday_when = NULL;
  g_autofree char *zaikei = NULL;
  g_autofree char *zaikei_when = NULL;
  g_autofree char *nyukin = NULL;
  g_autofree char *helpdesk = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  today = rh_date_format_human (&self->today);
  payday = rh_date_format_human (&self->payday);
  payday_when = rh_today_describe (self, &self->payday, FALSE, 0);
  zaikei = rh_date_format_human (&self->zaikei_last);
  zaikei_when = rh_today_describe (self, &self->zaikei_last, TRUE, self->zaikei_days_left);
  nyukin = rh_today_describe_nyukin (self);
  helpdesk = rh_today_describe_helpdesk (self);

  g_string_append_printf (out, _("Today: %s\n"), today);
  g_string_append_printf (out, _("Next payday: %s — %s"), payday, payday_when);
  if (self->payday_shift_reason != NULL)
    {
      g_autofree char *nominal = rh_date_format_human (&self->payday_nominal);

      g_string_append_printf (out, _(" (moved from %s, %s)"), nominal, self->payday_shift_reason);
    }
  g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s — %s\n", rh_deadline_kind_get_title (RH_DEADLINE_ZAIKEI),
                          zaikei, zaikei_when);
  g_string_append_printf (out, "%s: %s\n", rh_deadline_kind_get_title (RH_DEADLINE_NYUKIN), nyukin);
  g_string_append_printf (out, "%s: %s\n", rh_deadline_kind_get_title (RH_DEADLINE_MEISAI),
                          _("The cut-off day of this month is shown on the service’s information screen"));
  if (helpdesk != NULL)
    g_string_append_printf (out, _("Helpdesk: %s\n"), helpdesk);

  return g_string_free (out, FALSE);
}
