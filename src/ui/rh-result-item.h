/* rh-result-item.h — one row of the sidebar's search results
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-core.h"

G_BEGIN_DECLS

#define RH_TYPE_RESULT_ITEM (rh_result_item_get_type ())

G_DECLARE_FINAL_TYPE (RhResultItem, rh_result_item, RH, RESULT_ITEM, GObject)

RhResultItem *rh_result_item_new        (RhEntry      *entry);
RhEntry      *rh_result_item_get_entry  (RhResultItem *self);
/* Byte range [start, end) of the entry's question that matched. */
void          rh_result_item_add_range  (RhResultItem *self,
                                         guint         start,
                                         guint         end);
/* GArray of RhTextRange (borrowed) */
GArray       *rh_result_item_get_ranges (RhResultItem *self);

G_END_DECLS
