/* rh-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rh-core.h"
#include "rh-application.h"
#include "rh-entry-view.h"

G_BEGIN_DECLS

#define RH_TYPE_WINDOW (rh_window_get_type ())

G_DECLARE_FINAL_TYPE (RhWindow, rh_window, RH, WINDOW, AdwApplicationWindow)

RhWindow  *rh_window_new            (RhApplication *application);
RhCatalog *rh_window_get_catalog    (RhWindow   *self);
RhEntry   *rh_window_get_entry      (RhWindow   *self);
gboolean   rh_window_show_entry_id  (RhWindow   *self,
                                     const char *id);
void       rh_window_add_toast      (RhWindow   *self,
                                     AdwToast   *toast);
void       rh_window_search         (RhWindow   *self,
                                     const char *query);

G_END_DECLS
