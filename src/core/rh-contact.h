/* rh-contact.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  RH_CLOSED_WEEKEND  = 1 << 0,
  RH_CLOSED_HOLIDAY  = 1 << 1,
  RH_CLOSED_YEAR_END = 1 << 2,   /* 12/31 – 1/3 */
} RhClosedDays;

#define RH_TYPE_CONTACT (rh_contact_get_type ())

G_DECLARE_FINAL_TYPE (RhContact, rh_contact, RH, CONTACT, GObject)

const char         *rh_contact_get_id          (RhContact *self);
const char         *rh_contact_get_name        (RhContact *self);
const char         *rh_contact_get_label       (RhContact *self);
const char         *rh_contact_get_phone       (RhContact *self);
const char * const *rh_contact_get_hours_text  (RhContact *self);
gboolean            rh_contact_has_hours       (RhContact *self);
/* Minutes after midnight, Asia/Tokyo. Valid only when rh_contact_has_hours(). */
int                 rh_contact_get_open_minute  (RhContact *self);
int                 rh_contact_get_close_minute (RhContact *self);
RhClosedDays        rh_contact_get_closed_days  (RhContact *self);

/* For the catalog loader. */
RhContact          *rh_contact_new             (const char         *id,
                                                const char         *name,
                                                const char         *label,
                                                const char         *phone,
                                                const char * const *hours_text);
void                rh_contact_set_hours       (RhContact          *self,
                                                int                 open_minute,
                                                int                 close_minute,
                                                RhClosedDays        closed);

G_END_DECLS
