/* rh-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-category.h"
#include "rh-contact.h"
#include "rh-entry.h"
#include "rh-guide.h"

G_BEGIN_DECLS

#define RH_CATALOG_ERROR (rh_catalog_error_quark ())

typedef enum
{
  RH_CATALOG_ERROR_PARSE,          /* not JSON at all */
  RH_CATALOG_ERROR_SCHEMA,         /* unknown schema number */
  RH_CATALOG_ERROR_MISSING_FIELD,
  RH_CATALOG_ERROR_WRONG_TYPE,
  RH_CATALOG_ERROR_INVALID_VALUE,
  RH_CATALOG_ERROR_DUPLICATE_ID,
  RH_CATALOG_ERROR_DANGLING_REF,
} RhCatalogError;

#define RH_CATALOG_SCHEMA 1
#define RH_CATALOG_RESOURCE "/io/github/rokinhelp/RokinHelp/content/faq.json"

#define RH_TYPE_CATALOG (rh_catalog_get_type ())

G_DECLARE_FINAL_TYPE (RhCatalog, rh_catalog, RH, CATALOG, GObject)

GQuark      rh_catalog_error_quark        (void);

RhCatalog  *rh_catalog_new_from_bytes     (GBytes      *bytes,
                                           const char  *origin,
                                           GError     **error);
RhCatalog  *rh_catalog_new_from_file      (const char  *path,
                                           GError     **error);
RhCatalog  *rh_catalog_new_builtin        (GError     **error);

const char *rh_catalog_get_origin         (RhCatalog   *self);
const char *rh_catalog_get_revision       (RhCatalog   *self);
const char *rh_catalog_get_title          (RhCatalog   *self);
const char *rh_catalog_get_intro         (RhCatalog   *self);
/* GListModel of RhEntry, in content order */
GListModel *rh_catalog_get_entries        (RhCatalog   *self);
/* GListModel of root RhCategory */
GListModel *rh_catalog_get_categories     (RhCatalog   *self);
RhEntry    *rh_catalog_lookup_entry       (RhCatalog   *self,
                                           const char  *id);
RhContact  *rh_catalog_lookup_contact     (RhCatalog   *self,
                                           const char  *id);
RhCategory *rh_catalog_lookup_category    (RhCatalog   *self,
                                           const char  *id);
const char *rh_catalog_get_service_name   (RhCatalog   *self,
                                           const char  *service_id);
/* Categories (RhCategory) the entry is listed under, borrowed, NULL-terminated */
const RhGuideNode *rh_catalog_get_guide   (RhCatalog   *self);
GPtrArray  *rh_catalog_dup_entry_categories (RhCatalog *self,
                                             RhEntry   *entry);

G_END_DECLS
