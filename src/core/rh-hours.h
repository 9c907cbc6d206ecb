/* rh-hours.h — is the helpdesk open? (Asia/Tokyo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-calendar.h"
#include "rh-contact.h"

G_BEGIN_DECLS

/* Whether @contact takes calls at some time on @date (a Tokyo date):
 * FALSE on its closed days (土・日, 祝日 and 休日, 12/31–1/3 as its flags
 * say) and when it has no hours at all. */
gboolean   rh_hours_is_open_day         (RhContact   *contact,
                                         RhCalendar  *calendar,
                                         const GDate *date);
/* Whether @contact is open at @instant (any time zone; judged in Tokyo):
 * open ≤ time < close on an open day. */
gboolean   rh_hours_is_open             (RhContact   *contact,
                                         RhCalendar  *calendar,
                                         GDateTime   *instant);
/* The next time it opens, strictly after @instant (so while it is open,
 * the opening of the next open day), in Asia/Tokyo; NULL when it has no
 * hours or none within the supported years. (transfer full) */
GDateTime *rh_hours_dup_next_opening    (RhContact   *contact,
                                         RhCalendar  *calendar,
                                         GDateTime   *instant);
/* Closing time on the Tokyo day of @instant, even if already past; NULL
 * when that day is closed. (transfer full) */
GDateTime *rh_hours_dup_closing_today   (RhContact   *contact,
                                         RhCalendar  *calendar,
                                         GDateTime   *instant);

G_END_DECLS
