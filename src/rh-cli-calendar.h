/* rh-cli-calendar.h — holidays, deadlines and schedules on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     rh_cli_calendar_add_options (GApplication *app);
/* Whether @options ask for a calendar command. */
gboolean rh_cli_calendar_wants       (GVariantDict *options);
/* Runs it; returns the exit status (2 on bad input, with nothing on stdout). */
int      rh_cli_calendar_run         (GVariantDict *options,
                                      gboolean      json);

G_END_DECLS
