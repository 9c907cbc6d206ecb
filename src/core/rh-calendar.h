/* rh-calendar.h — Japanese national holidays and bank business days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-date.h"
#include "rh-holiday-table.h"

G_BEGIN_DECLS

/* Which way a day that is not a business day moves. */
typedef enum
{
  RH_SHIFT_PREVIOUS,
  RH_SHIFT_NEXT,
} RhShift;

#define RH_TYPE_CALENDAR (rh_calendar_get_type ())

G_DECLARE_FINAL_TYPE (RhCalendar, rh_calendar, RH, CALENDAR, GObject)

RhCalendar *rh_calendar_new                     (void);
/* The shared instance (transfer none); the updater sets its overrides. */
RhCalendar *rh_calendar_get_default             (void);

/* Overrides: the Cabinet Office CSV (see rh-holiday-table.h). For every
 * year that appears in the table, the table is authoritative: exactly its
 * rows are that year's holidays (so a day can be added, renamed or removed
 * by listing the year's days). Years absent from the table are computed
 * from the law. On any error nothing changes. Emits ::changed on success. */
gboolean    rh_calendar_set_overrides_from_bytes (RhCalendar  *self,
                                                  GBytes      *csv,
                                                  const char  *origin,
                                                  GError     **error);
void        rh_calendar_clear_overrides         (RhCalendar  *self);
gboolean    rh_calendar_year_is_overridden      (RhCalendar  *self,
                                                 int          year);

/* The national holiday or 休日 on @date (official name), or NULL. */
const char *rh_calendar_get_holiday_name        (RhCalendar  *self,
                                                 const GDate *date);
gboolean    rh_calendar_is_holiday              (RhCalendar  *self,
                                                 const GDate *date);
/* The year's holidays and 休日, sorted: a GArray of RhHoliday (transfer
 * full). Empty outside RH_DATE_MIN_YEAR … RH_DATE_MAX_YEAR. */
GArray     *rh_calendar_dup_holidays            (RhCalendar  *self,
                                                 int          year);

/* Bank business day: not Saturday, Sunday, a national holiday or 休日,
 * Dec 31, Jan 1, 2 or 3. */
gboolean    rh_calendar_is_business_day         (RhCalendar  *self,
                                                 const GDate *date);
/* Why the bank is closed on @date (holiday name, 土曜日, 日曜日, 年末年始),
 * or NULL on a business day. Static or interned string. */
const char *rh_calendar_get_closed_reason       (RhCalendar  *self,
                                                 const GDate *date);
/* The @n-th business day after @base (n > 0) or before it (n < 0); @base
 * itself is never counted. n == 0 gives @base. FALSE with RH_DATE_ERROR
 * when the result would leave the supported years. */
gboolean    rh_calendar_step_business_days      (RhCalendar  *self,
                                                 const GDate *base,
                                                 int          n,
                                                 GDate       *out,
                                                 GError     **error);
/* @date itself if it is a business day, else the previous or next one. */
gboolean    rh_calendar_shift_to_business_day   (RhCalendar  *self,
                                                 const GDate *date,
                                                 RhShift      shift,
                                                 GDate       *out,
                                                 GError     **error);
/* Business days from @first through @last, both included; 0 when @last is
 * before @first. */
guint       rh_calendar_count_business_days     (RhCalendar  *self,
                                                 const GDate *first,
                                                 const GDate *last);
/* The same days as a GArray of GDate (transfer full). */
GArray     *rh_calendar_list_business_days      (RhCalendar  *self,
                                                 const GDate *first,
                                                 const GDate *last);

G_END_DECLS
