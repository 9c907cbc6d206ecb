/* rh-cli-today.h — `rokin-help --today`: the start page on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void        rh_cli_today_add_options   (GApplication *app);
gboolean    rh_cli_today_wanted        (void);
const char *rh_cli_today_get_date_text (void);
int         rh_cli_today_run           (GVariantDict *options,
                                        const char   *content,
                                        gboolean      json);

G_END_DECLS
