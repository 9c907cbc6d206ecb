/* rh-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RH_TYPE_CATEGORY (rh_category_get_type ())

G_DECLARE_FINAL_TYPE (RhCategory, rh_category, RH, CATEGORY, GObject)

const char *rh_category_get_id        (RhCategory *self);
const char *rh_category_get_title     (RhCategory *self);
RhCategory *rh_category_get_parent    (RhCategory *self);
/* Sub-categories first, then entries (RhEntry); GObject items. */
GListModel *rh_category_get_children  (RhCategory *self);
GListModel *rh_category_dup_children  (RhCategory *self);
char       *rh_category_dup_path      (RhCategory *self,
                                       const char *separator);

G_END_DECLS
