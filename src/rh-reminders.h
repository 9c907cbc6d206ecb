/* rh-reminders.h — a desktop notification before a saved deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-core.h"

G_BEGIN_DECLS

typedef struct
{
  char           *key;     /* "zaikei:2026-12-17": the notification id, sent once */
  RhDeadlineKind  kind;
  char           *title;
  char           *body;
  gboolean        urgent;  /* the last day is today */
} RhReminder;

void       rh_reminder_free       (RhReminder   *self);
GPtrArray *rh_reminders_collect   (GSettings    *settings,
                                   GDateTime    *now);
guint      rh_reminders_check     (GApplication *app,
                                   GSettings    *settings,
                                   GDateTime    *now);
void       rh_reminders_install   (GApplication *app,
                                   GSettings    *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhReminder, rh_reminder_free)

G_END_DECLS
