/* rh-deadline.c — the three deadline rules of the 賃金控除事務支援サービス
 *
 * Pure functions over GDate and an RhCalendar: the same input gives the
 * same answer, and impossible input is an error, never a guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-deadline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-deadline.h"
#include "rh-quote.h"

struct _RhDeadlineResult
{
  gatomicrefcount  ref_count;
  RhDeadlineKind   kind;
  RhCalendar      *calendar;
  gboolean         has_first;
  GDate            first;
  GDate            last;
  gboolean         has_payday;
  gboolean         payday_shifted;
  GDate            payday;
  GPtrArray       *warnings;      /* NULL-terminated */
  GArray          *counted;       /* GDate */
  GArray          *skipped;       /* RhHoliday */
};

G_DEFINE_QUARK (rh-deadline-error-quark, rh_deadline_error)
G_DEFINE_BOXED_TYPE (RhDeadlineResult, rh_deadline_result, rh_deadline_result_ref, rh_deadline_result_unref)

static const struct {
  const char *id;
  const char *title;
} kinds[] = {
  [RH_DEADLINE_ZAIKEI] = { "zaikei", "財形貯蓄の明細送信" },
  [RH_DEADLINE_NYUKIN] = { "nyukin", "まとめ入金の入金確定・送信" },
  [RH_DEADLINE_MEISAI] = { "meisai", "まとめ控除依頼の明細変更" },
};

const char *
rh_deadline_kind_to_string (RhDeadlineKind kind)
{
  g_return_val_if_fail (kind <= RH_DEADLINE_MEISAI, NULL);
  return kinds[kind].id;
}

const char *
rh_deadline_kind_get_title (RhDeadlineKind kind)
{
  g_return_val_if_fail (kind <= RH_DEADLINE_MEISAI, NULL);
  return kinds[kind].title;
}

gboolean
rh_deadline_kind_from_string (const char      *text,
                              RhDeadlineKind  *kind,
                              GError         **error)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (text, kinds[i].id) == 0)
        {
          *kind = (RhDeadlineKind)i;
          return TRUE;
        }
    }

  {
    g_autofree char *shown = rh_quote_value (text);

    g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_UNKNOWN_KIND,
                 _("Unknown deadline “%s”; use zaikei, nyukin or meisai"), shown);
  }
  return FALSE;
}

const char *
rh_deadline_input_get_label (RhDeadlineInput input)
{
  switch (input)
    {
    case RH_DEADLINE_INPUT_PAYDAY:
      return _("Payday");
    case RH_DEADLINE_INPUT_RECEIVED:
      return _("Request data received");
    case RH_DEADLINE_INPUT_CONFIRMED:
      return _("Previous month’s confirmation");
    case RH_DEADLINE_INPUT_CUTOFF:
      return _("Data entry cutoff");
    case RH_DEADLINE_INPUT_NONE:
    default:
      return "";
    }
}

RhDeadlineInput
rh_deadline_error_get_input (const GError  *error,
                             const char   **rest)
{
  g_return_val_if_fail (error != NULL, RH_DEADLINE_INPUT_NONE);

  for (int i = RH_DEADLINE_INPUT_PAYDAY; i <= RH_DEADLINE_INPUT_CUTOFF; i++)
    {
      const char *label = rh_deadline_input_get_label ((RhDeadlineInput)i);
      size_t len = strlen (label);

      if (strncmp (error->message, label, len) == 0 &&
          strncmp (error->message + len, ": ", 2) == 0)
        {
          if (rest != NULL)
            *rest = error->message + len + 2;
          return (RhDeadlineInput)i;
        }
    }
  if (rest != NULL)
    *rest = error->message;
  return RH_DEADLINE_INPUT_NONE;
}

gboolean
rh_shift_from_string (const char  *text,
                      RhShift     *shift,
                      GError     **error)
{
  g_return_val_if_fail (shift != NULL, FALSE);

  if (g_strcmp0 (text, "previous") == 0)
    *shift = RH_SHIFT_PREVIOUS;
  else if (g_strcmp0 (text, "next") == 0)
    *shift = RH_SHIFT_NEXT;
  else
    {
      g_autofree char *shown = rh_quote_value (text);

      g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_BAD_SHIFT,
                   _("Unknown shift “%s”; use previous or next"), shown);
      return FALSE;
    }
  return TRUE;
}

static RhDeadlineResult *
result_new (RhDeadlineKind  kind,
            RhCalendar     *calendar)
{
  RhDeadlineResult *self = g_new0 (RhDeadlineResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->calendar = g_object_ref (calendar);
  g_date_clear (&self->first, 1);
  g_date_clear (&self->last, 1);
  g_date_clear (&self->payday, 1);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->warnings, NULL);
  self->counted = g_array_new (FALSE, FALSE, sizeof (GDate));
  self->skipped = g_array_new (FALSE, FALSE, sizeof (RhHoliday));
  return self;
}

RhDeadlineResult *
rh_deadline_result_ref (RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rh_deadline_result_unref (RhDeadlineResult *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_object (&self->calendar);
      g_ptr_array_unref (self->warnings);
      g_array_unref (self->counted);
      g_array_unref (self->skipped);
      g_free (self);
    }
}

static void
add_warning (RhDeadlineResult *self,
             char             *warning)
{
  g_ptr_array_insert (self->warnings, self->warnings->len - 1, warning);
}

static void
add_skipped (RhDeadlineResult *self,
             const GDate      *date)
{
  RhHoliday skipped;

  skipped.date = *date;
  skipped.name = rh_calendar_get_closed_reason (self->calendar, date);
  g_array_append_val (self->skipped, skipped);
}

/* Fills counted and skipped with the days of [first, last]. */
static void
collect_window (RhDeadlineResult *self,
                const GDate      *first,
                const GDate      *last)
{
  for (GDate d = *first; g_date_compare (&d, last) <= 0; g_date_add_days (&d, 1))
    {
      if (rh_calendar_is_business_day (self->calendar, &d))
        g_array_append_val (self->counted, d);
      else
        add_skipped (self, &d);
    }
}

static gboolean
check_input (const GDate      *date,
             RhDeadlineInput   input,
             GError          **error)
{
  const char *label = rh_deadline_input_get_label (input);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_INVALID, _("%s: the date is not valid"), label);
      return FALSE;
    }
  if (!rh_date_check_range (date, error))
    {
      g_prefix_error (error, "%s: ", label);
      return FALSE;
    }
  return TRUE;
}

/* Moves a payday that is not a business day, with a warning. */
static gboolean
settle_payday (RhDeadlineResult  *self,
               const GDate       *payday,
               RhShift            shift,
               GError           **error)
{
  const char *reason = rh_calendar_get_closed_reason (self->calendar, payday);

  self->has_payday = TRUE;
  if (reason == NULL)
    {
      self->payday = *payday;
      return TRUE;
    }

  if (!rh_calendar_shift_to_business_day (self->calendar, payday, shift, &self->payday, error))
    {
      g_prefix_error (error, "%s: ", rh_deadline_input_get_label (RH_DEADLINE_INPUT_PAYDAY));
      return FALSE;
    }
  self->payday_shifted = TRUE;

  {
    g_autofree char *from = rh_date_format_human (payday);
    g_autofree char *to = rh_date_format_human (&self->payday);

    if (shift == RH_SHIFT_NEXT)
      add_warning (self, g_strdup_printf (_("The payday %s is not a bank business day (%s); "
                                            "it was moved to the next business day, %s."),
                                          from, reason, to));
    else
      add_warning (self, g_strdup_printf (_("The payday %s is not a bank business day (%s); "
                                            "it was moved to the previous business day, %s."),
                                          from, reason, to));
  }
  return TRUE;
}

/* The reason the bank is closed on @date, and the date for people. */
static const char *
closed_reason (RhDeadlineResult  *self,
               const GDate       *date,
               char             **human)
{
  const char *reason = rh_calendar_get_closed_reason (self->calendar, date);

  *human = reason ? rh_date_format_human (date) : NULL;
  return reason;
}

RhDeadlineResult *
rh_deadline_zaikei (RhCalendar   *calendar,
                    const GDate  *payday,
                    RhShift       shift,
                    GError      **error)
{
  g_autoptr(RhDeadlineResult) self = NULL;
  GDate d;

  g_return_val_if_fail (RH_IS_CALENDAR (calendar), NULL);

  if (!check_input (payday, RH_DEADLINE_INPUT_PAYDAY, error))
    return NULL;

  self = result_new (RH_DEADLINE_ZAIKEI, calendar);
  if (!settle_payday (self, payday, shift, error))
    return NULL;

  if (!rh_calendar_step_business_days (calendar, &self->payday,
                                       -RH_DEADLINE_ZAIKEI_BUSINESS_DAYS, &self->last, error))
    {
      g_prefix_error (error, "%s: ", rh_deadline_input_get_label (RH_DEADLINE_INPUT_PAYDAY));
      return NULL;
    }

  for (d = self->last; g_date_compare (&d, &self->payday) < 0; g_date_add_days (&d, 1))
    {
      if (rh_calendar_is_business_day (calendar, &d))
        g_array_append_val (self->counted, d);
      else
        add_skipped (self, &d);
    }

  /* A payday moved back: the closed days up to the original payday were
   * skipped too. (Moved forward, they already lie before the new payday.) */
  if (self->payday_shifted && g_date_compare (payday, &self->payday) > 0)
    {
      for (d = self->payday, g_date_add_days (&d, 1); g_date_compare (&d, payday) <= 0; g_date_add_days (&d, 1))
        add_skipped (self, &d);
    }

  return g_steal_pointer (&self);
}

RhDeadlineResult *
rh_deadline_nyukin (RhCalendar   *calendar,
                    const GDate  *received,
                    const GDate  *payday,
                    RhShift       shift,
                    GError      **error)
{
  g_autoptr(RhDeadlineResult) self = NULL;
  g_autofree char *human = NULL;
  const char *reason;

  g_return_val_if_fail (RH_IS_CALENDAR (calendar), NULL);

  if (!check_input (received, RH_DEADLINE_INPUT_RECEIVED, error) ||
      !check_input (payday, RH_DEADLINE_INPUT_PAYDAY, error))
    return NULL;

  self = result_new (RH_DEADLINE_NYUKIN, calendar);
  if (!settle_payday (self, payday, shift, error))
    return NULL;

  if (g_date_compare (&self->payday, received) < 0)
    {
      g_autofree char *p = rh_date_format_human (&self->payday);
      g_autofree char *r = rh_date_format_human (received);

      g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_END_BEFORE_START,
                   _("The payday %s is before the day the request data was received, %s"), p, r);
      return NULL;
    }

  self->has_first = TRUE;
  self->first = *received;
  self->last = self->payday;
  if ((reason = closed_reason (self, received, &human)))
    add_warning (self, g_strdup_printf (_("The day the request data was received, %s, "
                                          "is not a bank business day (%s)."), human, reason));
  collect_window (self, &self->first, &self->last);

  return g_steal_pointer (&self);
}

RhDeadlineResult *
rh_deadline_meisai (RhCalendar   *calendar,
                    const GDate  *confirmed,
                    const GDate  *cutoff,
                    GError      **error)
{
  g_autoptr(RhDeadlineResult) self = NULL;
  g_autofree char *human = NULL;
  const char *reason;

  g_return_val_if_fail (RH_IS_CALENDAR (calendar), NULL);

  if (!check_input (confirmed, RH_DEADLINE_INPUT_CONFIRMED, error) ||
      !check_input (cutoff, RH_DEADLINE_INPUT_CUTOFF, error))
    return NULL;

  self = result_new (RH_DEADLINE_MEISAI, calendar);
  if (!rh_calendar_step_business_days (calendar, confirmed, 1, &self->first, error))
    {
      g_prefix_error (error, "%s: ", rh_deadline_input_get_label (RH_DEADLINE_INPUT_CONFIRMED));
      return NULL;
    }
  self->has_first = TRUE;

  if (g_date_compare (cutoff, &self->first) < 0)
    {
      g_autofree char *c = rh_date_format_human (cutoff);
      g_autofree char *f = rh_date_format_human (&self->first);
      g_autofree char *p = rh_date_format_human (confirmed);

      g_set_error (error, RH_DEADLINE_ERROR, RH_DEADLINE_ERROR_END_BEFORE_START,
                   _("The data entry cutoff %s is before the first day of the window, %s "
                     "(the business day after the confirmation on %s)"), c, f, p);
      return NULL;
    }

  self->last = *cutoff;
  if ((reason = closed_reason (self, confirmed, &human)))
    add_warning (self, g_strdup_printf (_("The previous month’s confirmation day, %s, "
                                          "is not a bank business day (%s)."), human, reason));
  g_clear_pointer (&human, g_free);
  if ((reason = closed_reason (self, cutoff, &human)))
    add_warning (self, g_strdup_printf (_("The data entry cutoff, %s, "
                                          "is not a bank business day (%s)."), human, reason));
  collect_window (self, &self->first, &self->last);

  return g_steal_pointer (&self);
}

RhDeadlineKind
rh_deadline_result_get_kind (const RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, RH_DEADLINE_ZAIKEI);
  return self->kind;
}

gboolean
rh_deadline_result_get_first (const RhDeadlineResult *self,
                              GDate                  *out)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->has_first)
    return FALSE;
  if (out != NULL)
    *out = self->first;
  return TRUE;
}

void
rh_deadline_result_get_last (const RhDeadlineResult *self,
                             GDate                  *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  *out = self->last;
}

gboolean
rh_deadline_result_get_payday (const RhDeadlineResult *self,
                               GDate                  *out)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->has_payday)
    return FALSE;
  if (out != NULL)
    *out = self->payday;
  return TRUE;
}

gboolean
rh_deadline_result_get_payday_shifted (const RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->payday_shifted;
}

const char * const *
rh_deadline_result_get_warnings (const RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *)self->warnings->pdata;
}

GArray *
rh_deadline_result_get_counted_days (const RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->counted;
}

GArray *
rh_deadline_result_get_skipped_days (const RhDeadlineResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->skipped;
}

guint
rh_deadline_result_business_days_remaining (const RhDeadlineResult *self,
                                            const GDate            *today)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  return rh_calendar_count_business_days (self->calendar, today, &self->last);
}

gboolean
rh_deadline_result_contains (const RhDeadlineResult *self,
                             const GDate            *today)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->has_first && g_date_compare (today, &self->first) < 0)
    return FALSE;
  return g_date_compare (today, &self->last) <= 0;
}
