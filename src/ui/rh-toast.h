/* rh-toast.h — toasts whose close button says what it does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void rh_toast_overlay_label_buttons (AdwToastOverlay *overlay);
void rh_toast_overlay_add_feedback  (AdwToastOverlay *overlay,
                                     const char      *title);
void rh_toast_announce              (AdwToastOverlay *overlay,
                                     AdwToast        *toast);

G_END_DECLS
