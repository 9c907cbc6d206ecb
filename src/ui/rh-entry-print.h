/* rh-entry-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rh-core.h"
#include "rh-entry-view.h"

G_BEGIN_DECLS

char              *rh_entry_print_dup_checklist (RhEntry     *entry,
                                                 RhRole       role,
                                                 RhEntryView *ticks);
GtkPrintOperation *rh_entry_print_operation_new (RhEntry     *entry,
                                                 RhRole       role,
                                                 RhEntryView *ticks);

G_END_DECLS
