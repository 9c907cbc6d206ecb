/* rh-cli-search.h — rokin-help --search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-core.h"

G_BEGIN_DECLS

#define RH_CLI_SEARCH_DEFAULT_LIMIT 10

/* Parses a --limit value; FALSE with @error if it is not a positive number. */
gboolean rh_cli_search_parse_limit (const char  *text,
                                    guint       *limit,
                                    GError     **error);
int      rh_cli_search             (RhCatalog   *catalog,
                                    const char  *query,
                                    guint        limit,
                                    gboolean     json);

G_END_DECLS
