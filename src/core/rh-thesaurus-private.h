/* rh-thesaurus-private.h — the search thesaurus (data/synonyms.json)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _RhThesaurus RhThesaurus;

/* A thesaurus term found in a query, by character positions. */
typedef struct
{
  guint     start;
  guint     len;
  guint     term;
  float     factor;     /* 1 for an exact match, less for a near one */
  gboolean  prefix;     /* the start of the term, at the end of the query */
} RhThesaurusMatch;

/* Another way to say a term, with how much it counts. */
typedef struct
{
  guint  term;
  float  weight;
} RhThesaurusAlt;

RhThesaurus          *rh_thesaurus_new_from_bytes   (GBytes            *bytes,
                                                     GHashTable        *readings,
                                                     GError           **error);
void                  rh_thesaurus_free             (RhThesaurus       *self);
guint                 rh_thesaurus_get_n_terms      (RhThesaurus       *self);
const gunichar       *rh_thesaurus_get_term         (RhThesaurus       *self,
                                                     guint              term,
                                                     guint             *len);
const RhThesaurusAlt *rh_thesaurus_get_alternatives (RhThesaurus       *self,
                                                     guint              term,
                                                     guint             *n_alts);
/* a word that names no topic on its own (変更, 忘れた) */
gboolean              rh_thesaurus_is_generic       (RhThesaurus       *self,
                                                     guint              term);
/* a word of a group "alone": it names itself whole, not its parts */
gboolean              rh_thesaurus_is_alone         (RhThesaurus       *self,
                                                     guint              term);
/* a word of a group "small_talk": how the clerk asks, not what (至急) */
gboolean              rh_thesaurus_is_small_talk    (RhThesaurus       *self,
                                                     guint              term);
/* the service id (interned) a term names, as in the catalog, or NULL */
gboolean              rh_thesaurus_is_service_name  (RhThesaurus       *self,
                                                     guint              term);
const char           *rh_thesaurus_get_service      (RhThesaurus       *self,
                                                     guint              term);
/* whether some term starts with (or is) these characters */
gboolean              rh_thesaurus_has_prefix       (RhThesaurus       *self,
                                                     const gunichar    *chars,
                                                     guint              len);
gboolean              rh_thesaurus_has_term         (RhThesaurus       *self,
                                                     const gunichar    *chars,
                                                     guint              len);
/* the term of exactly these characters, or -1 */
int                   rh_thesaurus_lookup           (RhThesaurus       *self,
                                                     const gunichar    *chars,
                                                     guint              len);
void                  rh_thesaurus_find             (RhThesaurus       *self,
                                                     const gunichar    *query,
                                                     guint              len,
                                                     GArray            *matches);
/* Removes long-vowel marks, in place (with their offsets); returns the new length. */
guint                 rh_text_strip_long_vowels     (GArray            *chars,
                                                     GArray            *offsets,
                                                     guint              from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RhThesaurus, rh_thesaurus_free)

G_END_DECLS
