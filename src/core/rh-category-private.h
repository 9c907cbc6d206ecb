/* rh-category-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-category.h"

G_BEGIN_DECLS

RhCategory *_rh_category_new      (const char *id,
                                   const char *title,
                                   RhCategory *parent);
void        _rh_category_add_item (RhCategory *self,
                                   gpointer    item);

G_END_DECLS
