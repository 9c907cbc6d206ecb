/* rh-today.h — what is due, and by when, as seen from one day in Tokyo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rh-calendar.h"
#include "rh-catalog.h"
#include "rh-contact.h"
#include "rh-deadline.h"

G_BEGIN_DECLS

/* Where a given day stands from today, for wording and colour. */
typedef enum
{
  RH_DAY_PAST,
  RH_DAY_TODAY,
  RH_DAY_TOMORROW,
  RH_DAY_LATER,
} RhDayDistance;

/* The まとめ入金 window from the 依頼データ受信日 the clerk entered. */
typedef enum
{
  RH_NYUKIN_NOT_GIVEN,   /* no 依頼データ受信日 entered: nothing is certain */
  RH_NYUKIN_NOT_YET,     /* the received day is after today */
  RH_NYUKIN_OPEN,        /* today is inside the window */
  RH_NYUKIN_CLOSED,      /* the window of that received day has ended */
} RhNyukinState;

typedef struct
{
  GDate          today;
  int            payday_day;            /* 1–31, or RH_PAYDAY_MONTH_END */
  RhShift        shift;

  /* The first payday (moved to a business day) on or after today. */
  GDate          payday;
  GDate          payday_nominal;
  const char    *payday_shift_reason;   /* why it moved, NULL if it did not */

  /* The first 財形 明細送信 last day on or after today, and its payday. */
  GDate          zaikei_last;
  GDate          zaikei_payday;
  guint          zaikei_days_left;      /* business days from today through the last day */

  RhNyukinState  nyukin_state;
  GDate          nyukin_first;          /* valid unless NOT_GIVEN */
  GDate          nyukin_last;
  guint          nyukin_days_left;      /* when OPEN or NOT_YET */

  gboolean       helpdesk_known;        /* a contact with hours was given */
  gboolean       helpdesk_open;
  GDateTime     *helpdesk_closes;       /* when open: today's closing */
  GDateTime     *helpdesk_next_opening; /* when closed: the next opening */
} RhToday;

RhToday       *rh_today_new            (RhCalendar   *calendar,
                                        GDateTime    *now,
                                        int           payday_day,
                                        RhShift       shift,
                                        const GDate  *received,
                                        RhContact    *helpdesk,
                                        GError      **error);
RhContact     *rh_today_find_helpdesk  (RhCatalog    *catalog);
void           rh_today_free           (RhToday      *self);

RhDayDistance  rh_today_distance       (const GDate  *today,
                                        const GDate  *day);
const char    *rh_day_distance_to_string (RhDayDistance distance);
const char    *rh_nyukin_state_to_string (RhNyukinState state);

/* Whether the deadline of @kind (zaikei, or nyukin while its window is
 * open) has @lead_days business days or fewer left, today included; if
 * so, *@key names it once and for all ("zaikei:2026-12-17"). */
gboolean       rh_today_is_due         (const RhToday *self,
                                        RhDeadlineKind kind,
                                        guint          lead_days,
                                        char         **key);

char          *rh_today_describe       (const RhToday *self,
                                        const GDate   *day,
                                        gboolean       with_left,
                                        guint          left);
char          *rh_today_describe_nyukin   (const RhToday *self);
char          *rh_today_describe_helpdesk (const RhToday *self);

JsonNode      *rh_today_to_json        (const RhToday *self);
char          *rh_today_to_text        (const RhToday *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhToday, rh_today_free)

G_END_DECLS
