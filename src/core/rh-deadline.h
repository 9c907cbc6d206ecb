/* rh-deadline.h — the three deadline rules of the 賃金控除事務支援サービス
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rh-calendar.h"

G_BEGIN_DECLS

#define RH_DEADLINE_ERROR (rh_deadline_error_quark ())

typedef enum
{
  RH_DEADLINE_ERROR_END_BEFORE_START,
  RH_DEADLINE_ERROR_UNKNOWN_KIND,
  RH_DEADLINE_ERROR_BAD_PAYDAY_RULE,   /* schedules: not 1–31 or "end" */
  RH_DEADLINE_ERROR_BAD_SHIFT,         /* not "previous" or "next" */
} RhDeadlineError;

typedef enum
{
  RH_DEADLINE_ZAIKEI,   /* 財形貯蓄の明細送信 */
  RH_DEADLINE_NYUKIN,   /* まとめ入金の入金確定・送信 */
  RH_DEADLINE_MEISAI,   /* まとめ控除依頼の明細変更 */
} RhDeadlineKind;

/* The dates a deadline is computed from. An error of rh_deadline_*()
 * about one of them starts with its label and ": ". */
typedef enum
{
  RH_DEADLINE_INPUT_NONE,
  RH_DEADLINE_INPUT_PAYDAY,      /* 入金予定日 */
  RH_DEADLINE_INPUT_RECEIVED,    /* 依頼データ受信日 */
  RH_DEADLINE_INPUT_CONFIRMED,   /* 前月の入金確定・送信実施日 */
  RH_DEADLINE_INPUT_CUTOFF,      /* データ入力締切日 */
} RhDeadlineInput;

/* "Payday", "Request data received" … in the user's language. */
const char         *rh_deadline_input_get_label  (RhDeadlineInput  input);
/* The input @error (from rh_deadline_*()) is about, and in @rest
 * (nullable) its message after the label: so that a caller can name the
 * input its own way (--payday on the command line). RH_DEADLINE_INPUT_NONE
 * and the whole message when it is about no single input. */
RhDeadlineInput     rh_deadline_error_get_input  (const GError    *error,
                                                  const char     **rest);

/* 財形: the last day is this many business days before the payday. */
#define RH_DEADLINE_ZAIKEI_BUSINESS_DAYS 4

typedef struct _RhDeadlineResult RhDeadlineResult;

#define RH_TYPE_DEADLINE_RESULT (rh_deadline_result_get_type ())

GQuark              rh_deadline_error_quark      (void);
GType               rh_deadline_result_get_type  (void) G_GNUC_CONST;

/* "zaikei", "nyukin", "meisai" */
const char         *rh_deadline_kind_to_string   (RhDeadlineKind  kind);
gboolean            rh_deadline_kind_from_string (const char     *text,
                                                  RhDeadlineKind *kind,
                                                  GError        **error);
/* "previous" / "next" */
gboolean            rh_shift_from_string         (const char     *text,
                                                  RhShift        *shift,
                                                  GError        **error);
/* 財形貯蓄の明細送信 etc. (the service's own words) */
const char         *rh_deadline_kind_get_title   (RhDeadlineKind  kind);

/* 財形貯蓄の明細送信: last day = RH_DEADLINE_ZAIKEI_BUSINESS_DAYS business
 * days before the payday (入金予定日), the payday not counted. A payday
 * that is not a business day is moved by @shift first, with a warning. */
RhDeadlineResult   *rh_deadline_zaikei           (RhCalendar   *calendar,
                                                  const GDate  *payday,
                                                  RhShift       shift,
                                                  GError      **error);
/* まとめ入金の入金確定・送信: from 依頼データ受信日 through 支給日(入金予定日)
 * 当日 (moved by @shift when not a business day). */
RhDeadlineResult   *rh_deadline_nyukin           (RhCalendar   *calendar,
                                                  const GDate  *received,
                                                  const GDate  *payday,
                                                  RhShift       shift,
                                                  GError      **error);
/* まとめ控除依頼の明細変更: from the business day after 前月の入金確定・送信
 * 実施日 through 当月のデータ入力締切日. */
RhDeadlineResult   *rh_deadline_meisai           (RhCalendar   *calendar,
                                                  const GDate  *confirmed,
                                                  const GDate  *cutoff,
                                                  GError      **error);

RhDeadlineResult   *rh_deadline_result_ref       (RhDeadlineResult *self);
void                rh_deadline_result_unref     (RhDeadlineResult *self);
RhDeadlineKind      rh_deadline_result_get_kind  (const RhDeadlineResult *self);
/* FALSE (and @out untouched) when the rule has only a last day (zaikei). */
gboolean            rh_deadline_result_get_first (const RhDeadlineResult *self,
                                                  GDate                  *out);
void                rh_deadline_result_get_last  (const RhDeadlineResult *self,
                                                  GDate                  *out);
/* The payday after shifting (zaikei, nyukin); FALSE for meisai. */
gboolean            rh_deadline_result_get_payday (const RhDeadlineResult *self,
                                                   GDate                  *out);
gboolean            rh_deadline_result_get_payday_shifted (const RhDeadlineResult *self);
/* Human-readable warnings in the current locale, NULL-terminated (never NULL). */
const char * const *rh_deadline_result_get_warnings (const RhDeadlineResult *self);
/* The business days the rule counted (GArray of GDate, borrowed): for
 * zaikei the RH_DEADLINE_ZAIKEI_BUSINESS_DAYS days from the last day up to
 * the day before the payday; for nyukin and meisai every business day of
 * the window. */
GArray             *rh_deadline_result_get_counted_days (const RhDeadlineResult *self);
/* The days that were skipped over because the bank is closed (GArray of
 * RhHoliday, borrowed; name = holiday name, 土曜日, 日曜日 or 年末年始):
 * for zaikei between the last day and the payday (and the original payday
 * when it was shifted), for nyukin and meisai inside the window. */
GArray             *rh_deadline_result_get_skipped_days (const RhDeadlineResult *self);

/* Business days from @today through the last day, both included (today
 * counts only when it is a business day); 0 when the last day has passed. */
guint               rh_deadline_result_business_days_remaining (const RhDeadlineResult *self,
                                                                const GDate            *today);
/* Whether @today lies within the window: first ≤ today ≤ last (for zaikei,
 * which has no first day: today ≤ last). */
gboolean            rh_deadline_result_contains  (const RhDeadlineResult *self,
                                                  const GDate            *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhDeadlineResult, rh_deadline_result_unref)

G_END_DECLS
