/* rh-update-body.h — reading and decoding a response body within limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *rh_update_read_body (GInputStream  *raw,
                             const char    *content_encoding,
                             goffset        content_length,
                             gsize          max_size,
                             const char    *url,
                             GCancellable  *cancellable,
                             GError       **error);

G_END_DECLS
