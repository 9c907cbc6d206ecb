/* rh-search-index.h — Japanese keyword search over a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-catalog.h"
#include "rh-entry.h"
#include "rh-text.h"

G_BEGIN_DECLS

#define RH_SEARCH_ERROR (rh_search_error_quark ())

typedef enum
{
  RH_SEARCH_ERROR_PARSE,          /* the thesaurus is not JSON */
  RH_SEARCH_ERROR_SCHEMA,         /* unknown schema number */
  RH_SEARCH_ERROR_INVALID,        /* a field is missing, of the wrong type or empty */
} RhSearchError;

#define RH_SEARCH_SYNONYMS_RESOURCE "/io/github/rokinhelp/RokinHelp/content/synonyms.json"
#define RH_SEARCH_SYNONYMS_SCHEMA 1

#define RH_TYPE_SEARCH_HIT (rh_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (RhSearchHit, rh_search_hit, RH, SEARCH_HIT, GObject)

RhEntry        *rh_search_hit_get_entry           (RhSearchHit   *self);
double          rh_search_hit_get_score           (RhSearchHit   *self);
/* GArray of RhTextRange: byte ranges of rh_entry_get_question() to highlight */
GArray         *rh_search_hit_get_question_ranges (RhSearchHit   *self);
/* The same for any text shown with the hit (a block of the answer). */
GArray         *rh_search_hit_dup_ranges          (RhSearchHit   *self,
                                                   const char    *text);

#define RH_TYPE_SEARCH_INDEX (rh_search_index_get_type ())

G_DECLARE_FINAL_TYPE (RhSearchIndex, rh_search_index, RH, SEARCH_INDEX, GObject)

GQuark          rh_search_error_quark             (void);

RhSearchIndex  *rh_search_index_new               (RhCatalog     *catalog,
                                                   GError       **error);
RhSearchIndex  *rh_search_index_new_with_synonyms (RhCatalog     *catalog,
                                                   GBytes        *synonyms,
                                                   GError       **error);
RhCatalog      *rh_search_index_get_catalog       (RhSearchIndex *self);
guint           rh_search_index_get_n_terms       (RhSearchIndex *self);
/* GPtrArray of RhSearchHit, best first; never NULL */
GPtrArray      *rh_search_index_search            (RhSearchIndex *self,
                                                   const char    *query,
                                                   guint          limit);
GPtrArray      *rh_search_index_suggest           (RhSearchIndex *self,
                                                   const char    *query,
                                                   guint          limit);

G_END_DECLS
