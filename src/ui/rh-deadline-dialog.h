/* rh-deadline-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RH_TYPE_DEADLINE_DIALOG (rh_deadline_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RhDeadlineDialog, rh_deadline_dialog, RH, DEADLINE_DIALOG, AdwWindow)

RhDeadlineDialog *rh_deadline_dialog_new      (GtkWindow        *parent);
/* "zaikei", "nyukin", "meisai" or "schedule" */
void              rh_deadline_dialog_set_page (RhDeadlineDialog *self,
                                               const char       *page);
const char       *rh_deadline_dialog_get_page (RhDeadlineDialog *self);
void              rh_deadline_dialog_set_today (RhDeadlineDialog *self,
                                                const GDate      *today);

gboolean          rh_deadline_dialog_write_file (GFile       *file,
                                                 const char  *contents,
                                                 GError     **error);
/* The iCalendar export of the schedule page, its reminder included. */
char             *rh_deadline_dialog_dup_schedule_ics (RhDeadlineDialog *self,
                                                       GDateTime        *stamp);

G_END_DECLS
