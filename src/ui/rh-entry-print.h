/* rh-entry-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rh-core.h"

G_BEGIN_DECLS

char              *rh_entry_print_dup_checklist (RhEntry    *entry,
                                                 RhRole      role);
GtkPrintOperation *rh_entry_print_operation_new (RhEntry    *entry,
                                                 RhRole      role);

G_END_DECLS
