/* rh-time-limit.h — one wall-clock limit for a whole blocking exchange
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RhTimeLimit RhTimeLimit;

RhTimeLimit  *rh_time_limit_start           (guint          seconds,
                                             GCancellable  *caller);
GCancellable *rh_time_limit_get_cancellable (RhTimeLimit   *self);
gboolean      rh_time_limit_expired         (RhTimeLimit   *self);
gint64        rh_time_limit_get_end         (RhTimeLimit   *self);
guint         rh_time_limit_get_seconds     (RhTimeLimit   *self);
void          rh_time_limit_stop            (RhTimeLimit   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhTimeLimit, rh_time_limit_stop)

G_END_DECLS
