/* rh-schedule.h — a year of paydays and deadlines, for calendars and Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-calendar.h"
#include "rh-deadline.h"

G_BEGIN_DECLS

/* payday_day for "the last day of the month" */
#define RH_PAYDAY_MONTH_END 0

typedef struct
{
  int         month;          /* 1–12 */
  GDate       nominal;        /* day N (or the month's last day when shorter), or month end */
  GDate       payday;         /* nominal, moved to a business day */
  const char *shift_reason;   /* why nominal was moved (holiday name, 土曜日 …), NULL if not */
  GDate       zaikei_last;    /* 財形貯蓄の明細送信 最終日 */
  GDate       nyukin_last;    /* まとめ入金の入金確定・送信 最終日 (= payday) */
} RhScheduleRow;

typedef struct _RhSchedule RhSchedule;

/* "1" … "31" (full-width digits too, optional 日) or "end" / "末" / "月末". */
gboolean             rh_schedule_parse_payday_day (const char  *text,
                                                   int         *payday_day,
                                                   GError     **error);

/* 12 rows for @year. @payday_day is 1–31 (a shorter month uses its last
 * day) or RH_PAYDAY_MONTH_END. */
void                 rh_schedule_nominal_payday (int    year,
                                                 int    month,
                                                 int    payday_day,
                                                 GDate *out);
RhSchedule          *rh_schedule_new        (RhCalendar  *calendar,
                                             int          year,
                                             int          payday_day,
                                             RhShift      shift,
                                             GError     **error);
void                 rh_schedule_free       (RhSchedule  *self);
int                  rh_schedule_get_year   (RhSchedule  *self);
int                  rh_schedule_get_payday_day (RhSchedule *self);
RhShift              rh_schedule_get_shift  (RhSchedule  *self);
const RhScheduleRow *rh_schedule_get_row    (RhSchedule  *self,
                                             guint        index);   /* 0–11 */

/* No reminder in the .ics; otherwise 0 … RH_SCHEDULE_MAX_REMIND
 * business days before each last day. */
#define RH_SCHEDULE_NO_REMINDER -1
#define RH_SCHEDULE_DEFAULT_REMIND 1
#define RH_SCHEDULE_MAX_REMIND 20

/* "0" … "20" (full-width digits too) or "none". */
gboolean             rh_schedule_parse_remind (const char  *text,
                                               int         *remind,
                                               GError     **error);

/* iCalendar (RFC 5545): all-day events for the 財形 deadline and the まとめ
 * 入金 last day of each month, UIDs naming the month and the payday rule
 * (zaikei-2026-12-day25-previous@rokin-help, so that two payroll groups'
 * schedules live side by side in one calendar and re-importing one
 * updates it), no METHOD (a file to import, not an iTIP message), CRLF,
 * lines folded at 75 octets. Each event has a display reminder (VALARM) at
 * 9:00 on the business day @remind business days before it (0: on the
 * day), or none with RH_SCHEDULE_NO_REMINDER. @stamp (nullable: now) is
 * written as DTSTAMP. */
char                *rh_schedule_to_ics_full (RhSchedule  *self,
                                              GDateTime   *stamp,
                                              int          remind);
/* rh_schedule_to_ics_full() with RH_SCHEDULE_DEFAULT_REMIND. */
char                *rh_schedule_to_ics     (RhSchedule  *self,
                                             GDateTime   *stamp);
/* CSV for Excel: UTF-8 with BOM, CRLF, dates as YYYY/MM/DD. */
char                *rh_schedule_to_csv     (RhSchedule  *self);
/* A table for people, one line per month, in the current locale. */
char                *rh_schedule_to_text    (RhSchedule  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhSchedule, rh_schedule_free)

G_END_DECLS
