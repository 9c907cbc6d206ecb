/* rh-search-provider.h — the GNOME Shell search provider
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-application.h"

G_BEGIN_DECLS

#define RH_SEARCH_PROVIDER_INTERFACE "org.gnome.Shell.SearchProvider2"
/* Appended to the application's object path (see the provider .ini). */
#define RH_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"
/* The shell shows a few results per provider; the rest would be wasted. */
#define RH_SEARCH_PROVIDER_MAX_RESULTS 10

#define RH_TYPE_SEARCH_PROVIDER (rh_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (RhSearchProvider, rh_search_provider, RH, SEARCH_PROVIDER, GObject)

RhSearchProvider *rh_search_provider_new        (RhApplication    *application);
gboolean          rh_search_provider_export     (RhSearchProvider *self,
                                                 GDBusConnection  *connection,
                                                 const char       *object_path,
                                                 GError          **error);
void              rh_search_provider_unexport   (RhSearchProvider *self);

G_END_DECLS
