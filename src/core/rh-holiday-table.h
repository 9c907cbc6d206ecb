/* rh-holiday-table.h — the Cabinet Office holiday list (syukujitsu.csv)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RH_HOLIDAY_TABLE_ERROR (rh_holiday_table_error_quark ())

typedef enum
{
  RH_HOLIDAY_TABLE_ERROR_ENCODING,   /* neither UTF-8 nor CP932 text */
  RH_HOLIDAY_TABLE_ERROR_EMPTY,      /* no holiday rows at all */
  RH_HOLIDAY_TABLE_ERROR_ROW,        /* a malformed row; the message names the line */
  RH_HOLIDAY_TABLE_ERROR_DUPLICATE,  /* the same day twice */
} RhHolidayTableError;

/* One day off. @name stays valid for the life of the process (each distinct
 * name is kept once). */
typedef struct
{
  GDate       date;
  const char *name;
} RhHoliday;

GQuark    rh_holiday_table_error_quark (void);

/* Parses the whole table: CP932 or UTF-8 (detected; optional BOM), CRLF or
 * LF, header row optional, two columns `1955/1/1,元日` (2026-01-01 is
 * accepted too). Returns a GArray of RhHoliday sorted by date, or NULL with
 * @error naming @origin and the line of the first bad row. */
GArray   *rh_holiday_table_parse    (GBytes      *csv,
                                     const char  *origin,
                                     GError     **error);
/* The same full parse, without keeping anything. */
gboolean  rh_holiday_table_validate (GBytes      *csv,
                                     const char  *origin,
                                     GError     **error);

G_END_DECLS
