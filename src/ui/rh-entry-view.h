/* rh-entry-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rh-core.h"

G_BEGIN_DECLS

#define RH_TYPE_ENTRY_VIEW (rh_entry_view_get_type ())

G_DECLARE_FINAL_TYPE (RhEntryView, rh_entry_view, RH, ENTRY_VIEW, GtkWidget)

GtkWidget *rh_entry_view_new        (void);
RhEntry   *rh_entry_view_get_entry  (RhEntryView *self);
void       rh_entry_view_set_entry  (RhEntryView *self,
                                     RhEntry     *entry,
                                     const char  *location);
RhRole     rh_entry_view_get_role   (RhEntryView *self);
void       rh_entry_view_set_role   (RhEntryView *self,
                                     RhRole       role);

void       rh_entry_view_set_now    (RhEntryView *self,
                                     GDateTime   *now);
gboolean   rh_entry_view_get_step_ticked (RhEntryView *self,
                                          guint        block,
                                          guint        item);

G_END_DECLS
