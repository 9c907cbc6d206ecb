/* rh-cli.h — the command line of rokin-help (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rh-core.h"

G_BEGIN_DECLS

void       rh_cli_add_options          (GApplication *app);
/* Returns -1 to go on and open the window, or an exit status. */
int        rh_cli_handle_local_options (GApplication *app,
                                        GVariantDict *options);
void       rh_cli_print_json           (JsonNode     *node);
void       rh_cli_write_text           (const char   *text);
void       rh_cli_print                (const char   *format,
                                        ...) G_GNUC_PRINTF (1, 2);
void       rh_cli_printerr             (const char   *format,
                                        ...) G_GNUC_PRINTF (1, 2);
const char *rh_cli_lookup_text         (GVariantDict  *options,
                                        const char    *name,
                                        GError       **error);
RhCatalog *rh_cli_load_catalog         (const char   *path,
                                        GError      **error);

G_END_DECLS
