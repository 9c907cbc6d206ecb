/* rh-file.h — reading files of the data folder safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *rh_file_read_regular (const char  *path,
                              gsize        max_size,
                              GError     **error);

G_END_DECLS
