/* rh-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rh-core.h"

G_BEGIN_DECLS

#define RH_TYPE_APPLICATION (rh_application_get_type ())

G_DECLARE_FINAL_TYPE (RhApplication, rh_application, RH, APPLICATION, AdwApplication)

void           rh_application_init_i18n     (void);
RhApplication *rh_application_new           (const char        *application_id,
                                             GApplicationFlags  flags);
RhCatalog     *rh_application_get_catalog   (RhApplication     *self);
void           rh_application_set_catalog   (RhApplication     *self,
                                             RhCatalog         *catalog);
GSettings     *rh_application_get_settings  (RhApplication     *self);
void           rh_application_check_for_updates (RhApplication *self);

G_END_DECLS
