/* rh-cli-update.h — `rokin-help --update`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-core.h"

G_BEGIN_DECLS

/* The option entries of --update (added by rh_cli_add_options). */
extern const GOptionEntry rh_cli_update_entries[];

/* The updater the app and the command line share: the user's cache
 * directory, URLs from GSettings (if the schema is installed), and the
 * holiday validator when there is one. */
RhContentUpdater *rh_cli_update_create_updater (GSettings    *settings);
/* Returns the exit status: 0 updated/unchanged/skipped, 1 a failure. */
int               rh_cli_update_run            (GVariantDict *options,
                                                gboolean      json);

G_END_DECLS
