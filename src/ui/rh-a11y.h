/* rh-a11y.h — accessible names for the parts of composite widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rh_a11y_label_toggle (GtkWidget  *composite,
                           const char *label);

G_END_DECLS
