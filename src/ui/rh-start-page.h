/* rh-start-page.h — what the window shows when no entry is open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rh-core.h"

G_BEGIN_DECLS

#define RH_TYPE_START_PAGE (rh_start_page_get_type ())

G_DECLARE_FINAL_TYPE (RhStartPage, rh_start_page, RH, START_PAGE, AdwBin)

GtkWidget         *rh_start_page_new          (void);
void               rh_start_page_set_catalog  (RhStartPage *self,
                                               RhCatalog   *catalog);
void               rh_start_page_set_settings (RhStartPage *self,
                                               GSettings   *settings);
void               rh_start_page_set_now      (RhStartPage *self,
                                               GDateTime   *now);
void               rh_start_page_refresh      (RhStartPage *self);
const RhGuideNode *rh_start_page_get_guide_step (RhStartPage *self);
gboolean           rh_start_page_guide_back   (RhStartPage *self);

G_END_DECLS
