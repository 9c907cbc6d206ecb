/* rh-entry-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-entry.h"

G_BEGIN_DECLS

RhEntry *_rh_entry_new       (const char         *id,
                              const char         *service_id,
                              const char         *service_name,
                              const char         *question,
                              const char * const *keywords,
                              const char * const *category_ids);
/* Takes ownership of @block (allocated with g_new0). */
void     _rh_entry_add_block (RhEntry            *self,
                              RhBlock            *block);
void     _rh_block_free      (RhBlock            *block);

G_END_DECLS
