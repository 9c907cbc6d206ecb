/* rh-tooltip.h — tooltips that do not break Japanese words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rh_tooltip_set        (GtkWidget  *widget,
                            const char *text);
void rh_tooltip_keep_words (GtkWidget  *root);

G_END_DECLS
