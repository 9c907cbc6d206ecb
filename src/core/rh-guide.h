/* rh-guide.h — the guided path: a few large choices that end on an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "rh-entry.h"

G_BEGIN_DECLS

/* A clerk reaches every entry in this many choices or fewer. */
#define RH_GUIDE_MAX_DEPTH 4
/* Choices at one step; each gets a digit mnemonic (Alt+1 …). */
#define RH_GUIDE_MAX_CHOICES 9

typedef struct _RhGuideNode RhGuideNode;

/* Looks an entry up by id while the content is being read. */
typedef RhEntry *(*RhGuideLookupFunc) (const char *entry_id,
                                       gpointer    user_data);

RhGuideNode        *rh_guide_parse             (JsonNode          *node,
                                                const char        *origin,
                                                RhGuideLookupFunc  lookup,
                                                gpointer           user_data,
                                                GError           **error);
void                rh_guide_node_free         (RhGuideNode       *self);

const char         *rh_guide_node_get_label    (const RhGuideNode *self);
const char         *rh_guide_node_get_prompt   (const RhGuideNode *self);
guint               rh_guide_node_get_n_choices (const RhGuideNode *self);
const RhGuideNode  *rh_guide_node_get_choice   (const RhGuideNode *self,
                                                guint              index);
const RhGuideNode  *rh_guide_node_get_parent   (const RhGuideNode *self);
guint               rh_guide_node_get_depth    (const RhGuideNode *self);
const char         *rh_guide_node_get_entry_id (const RhGuideNode *self);
RhRole              rh_guide_node_get_role     (const RhGuideNode *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhGuideNode, rh_guide_node_free)

G_END_DECLS
