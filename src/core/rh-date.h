/* rh-date.h — dates as people type and read them (ISO, slashes, 和暦)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RH_DATE_ERROR (rh_date_error_quark ())

typedef enum
{
  RH_DATE_ERROR_EMPTY,         /* nothing typed */
  RH_DATE_ERROR_SYNTAX,        /* not a date format we know */
  RH_DATE_ERROR_INVALID,       /* no such day, e.g. 2026-02-30 */
  RH_DATE_ERROR_ERA,           /* outside the era, e.g. 令和1年4月1日 */
  RH_DATE_ERROR_WEEKDAY,       /* (月) given but the day is another weekday */
  RH_DATE_ERROR_OUT_OF_RANGE,  /* year outside RH_DATE_MIN_YEAR … RH_DATE_MAX_YEAR */
} RhDateError;

/* The calendar knows the holiday law from 1948-07-20 (the day it came
 * into force) through 2099-12-31. */
#define RH_DATE_MIN_YEAR 1948
#define RH_DATE_FIRST_MONTH 7
#define RH_DATE_FIRST_DAY 20
#define RH_DATE_MAX_YEAR 2099

/* Which year a date typed without one is in. */
typedef enum
{
  RH_DATE_YEAR_NEXT,       /* the next such day, the reference day included */
  RH_DATE_YEAR_PREVIOUS,   /* the last such day, the reference day included */
} RhDateYear;

GQuark    rh_date_error_quark   (void);

/* Accepts 2026-12-25, 2026/12/25, 2026.12.25, 2026年12月25日, 12/25 and
 * 12月25日 (the next such day from @today, today included; @today NULL is
 * today in Asia/Tokyo), full-width digits, 和暦 (令和8年12月25日, R8.12.25,
 * 令和元年5月1日, 平成31年4月30日, 昭和/S, 平成/H), with an optional weekday
 * such as (金), which must match. Any dash (‐ − – — ー ～ 〜 …) reads as
 * '-', ・ as '/', 。 as '.', as input methods in kana mode type them;
 * spaces and invisible format characters (U+200B, U+FEFF …) are dropped.
 * The day must lie within 1948-07-20 … 2099-12-31. */
gboolean  rh_date_parse         (const char   *text,
                                 const GDate  *today,
                                 GDate        *out,
                                 GError      **error);
/* rh_date_parse() with the rule for a date typed without a year: the
 * next such day on or after @reference (NULL: today in Asia/Tokyo), or the
 * last one on or before it; the day a window starts (依頼データ受信日,
 * 前月の入金確定日) is read back from the day it ends. @year_implied
 * (nullable) is set to TRUE when no year was typed. */
gboolean  rh_date_parse_full    (const char   *text,
                                 const GDate  *reference,
                                 RhDateYear    rule,
                                 GDate        *out,
                                 gboolean     *year_implied,
                                 GError      **error);
/* 1948-07-20, the first day of the calendar. */
void      rh_date_set_first     (GDate        *date);
/* FALSE with RH_DATE_ERROR_OUT_OF_RANGE (or _INVALID) when @date is not a
 * valid day within 1948-07-20 … 2099-12-31, with the reason. */
gboolean  rh_date_check_range   (const GDate  *date,
                                 GError      **error);
/* 2026年12月21日(月) */
char     *rh_date_format_human  (const GDate  *date);
/* 2026-12-21 */
char     *rh_date_format_iso    (const GDate  *date);
/* 月 火 水 木 金 土 日 */
const char *rh_date_weekday_kanji (GDateWeekday weekday);
/* Asia/Tokyo (a fixed +09:00 when tzdata is missing; Japan has no DST). */
GTimeZone *rh_date_dup_tokyo_time_zone (void);
/* Today on the clock of Asia/Tokyo. */
void      rh_date_set_today     (GDate        *date);

G_END_DECLS
