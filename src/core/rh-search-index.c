/* rh-search-index.c — Japanese keyword search over a catalog
 *
 * The index is built once per catalog (rh-search-build.c). A search is a
 * short pipeline, run_query() below:
 *
 *   1. normalise  the query as the index's text is; romaji read as kana
 *   2. analyse    thesaurus words, grammar, base forms (rh-search-query.c)
 *   3. expand     each word to every other way to say it
 *   4. score      units and the remaining bigrams (rh-search-score.c)
 *   5. keep/drop  entries that explain enough of the query, then rank
 *
 * The index is not thread-safe: a search uses scratch arrays of the index
 * so that it allocates nothing in proportion to the catalog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rh-search-private.h"

G_DEFINE_FINAL_TYPE (RhSearchIndex, rh_search_index, G_TYPE_OBJECT)

G_DEFINE_QUARK (rh-search-error-quark, rh_search_error)

/* The query path: normalise → analyse → expand and score → keep or drop
 * → rank. With @morphology, MeCab reads the query's grammar and base
 * forms too; *@analysed tells whether it did. */
static GPtrArray *
run_pass (RhSearchIndex *self,
          const char    *query,
          guint          limit,
          gboolean       suggest,
          gboolean       morphology,
          gboolean      *analysed)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) candidates = NULL;
  Search s = { query, NULL, 0, suggest, };
  double best;

  s.morphology = morphology;
  *analysed = morphology;
  if (query == NULL || self->n_docs == 0 || !rh_search_normalise_query (self, &s))
    return hits;

  next_slot_stamp (&self->cur_doc, self->doc_slot, self->n_docs);
  self->touched.len = 0;
  self->any_topical = FALSE;
  s.needles = g_rc_box_new0 (Needles);
  s.needles->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  s.needles->spans = g_array_new (FALSE, FALSE, sizeof (RhTextRange));

  if (s.n == 1)
    {
      rh_search_score_characters (self, &s, 1.0f);
      s.total_mass = 1;
      rh_search_needles_add (s.needles, s.q, 1);
    }
  else
    {
      rh_search_analyse_query (self, &s);
      /* a word no entry has may be a name, small talk or a verb, which
       * only the analyser reads (去年の入金: 去年 says when, not what) */
      if (!morphology && !suggest && rh_analyser_is_available () && rh_search_has_unknown_word (self, &s))
        {
          rh_search_needles_unref (s.needles);
          g_ptr_array_unref (hits);
          return run_pass (self, query, limit, suggest, TRUE, analysed);
        }
      rh_search_score_units (self, &s);
      rh_search_score_bigrams (self, &s);
      if (suggest)
        rh_search_score_characters (self, &s, SUGGEST_UNIGRAM);
    }

  candidates = rh_search_keep_or_drop (self, &s, limit);
  if (candidates->len > 0)
    {
      rh_search_phrase_bonus (self, &s, candidates);
      g_array_sort (candidates, rh_search_compare_candidates);
      rh_search_near_bonus (self, &s, candidates);
      best = g_array_index (candidates, Candidate, 0).score;

      for (guint k = 0; k < candidates->len && (limit == 0 || hits->len < limit); k++)
        {
          Candidate *c = &g_array_index (candidates, Candidate, k);

          if (!suggest && c->score < MIN_RELATIVE * best)
            break;
          g_ptr_array_add (hits, rh_search_hit_new (g_ptr_array_index (self->entries, c->doc),
                                                    c->score, s.needles));
        }
    }

  rh_search_needles_unref (s.needles);
  return hits;
}

/* A query is read with MeCab only where it finds nothing without, or has
 * a word no entry has (run_pass): the grammar, base forms and names it
 * reads only make an entry count that would otherwise explain too little
 * of the query, and parsing costs more than the rest of a search (about
 * 20 µs against 40). */
static GPtrArray *
run_query (RhSearchIndex *self,
           const char    *query,
           guint          limit,
           gboolean       suggest)
{
  gboolean analysed = FALSE;
  GPtrArray *hits = run_pass (self, query, limit, suggest, FALSE, &analysed);

  if (hits->len == 0 && !analysed && !suggest && query != NULL && rh_analyser_is_available ())
    {
      g_ptr_array_unref (hits);
      hits = run_pass (self, query, limit, suggest, TRUE, &analysed);
    }
  return hits;
}

/* GObject */

static void
rh_search_index_finalize (GObject *object)
{
  RhSearchIndex *self = RH_SEARCH_INDEX (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->thesaurus, rh_thesaurus_free);
  g_clear_pointer (&self->base_forms, g_hash_table_unref);
  rh_search_dict_clear (&self->dict);
  g_clear_pointer (&self->post_start, g_free);
  g_clear_pointer (&self->postings, g_free);
  g_clear_pointer (&self->doc_chars, g_array_unref);
  g_clear_pointer (&self->doc_start, g_free);
  g_clear_pointer (&self->doc_question_end, g_free);
  g_clear_pointer (&self->doc_service, g_free);
  g_clear_pointer (&self->word_start, g_free);
  g_clear_pointer (&self->word_postings, g_free);
  g_clear_pointer (&self->doc_slot, g_free);
  g_clear_pointer (&self->unit_slot, g_free);
  g_clear_pointer (&self->alt_acc, g_free);
  g_clear_pointer (&self->alt_count, g_free);
  g_clear_pointer (&self->stamp_alt, g_free);
  g_clear_pointer (&self->touched.ids, g_free);
  g_clear_pointer (&self->touched_unit.ids, g_free);
  g_clear_pointer (&self->touched_alt.ids, g_free);
  g_clear_pointer (&self->query_chars, g_array_unref);
  g_clear_pointer (&self->query_offsets, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->part_matches, g_array_unref);

  G_OBJECT_CLASS (rh_search_index_parent_class)->finalize (object);
}

static void
rh_search_index_class_init (RhSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_search_index_finalize;
}

static void
rh_search_index_init (RhSearchIndex *self)
{
}

/* Public API */

/**
 * rh_search_index_new_with_synonyms:
 * @catalog: the entries to search
 * @synonyms: the JSON text of a thesaurus (see rh-thesaurus.c)
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 *   (RH_SEARCH_ERROR) if the thesaurus is not valid
 */
RhSearchIndex *
rh_search_index_new_with_synonyms (RhCatalog  *catalog,
                                   GBytes     *synonyms,
                                   GError    **error)
{
  g_autoptr(RhSearchIndex) self = NULL;
  g_autoptr(GHashTable) readings = NULL;
  RhThesaurus *thesaurus;
  GListModel *entries;
  guint n;

  g_return_val_if_fail (RH_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (synonyms != NULL, NULL);

  self = g_object_new (RH_TYPE_SEARCH_INDEX, NULL);
  self->catalog = g_object_ref (catalog);

  entries = rh_catalog_get_entries (catalog);
  n = g_list_model_get_n_items (entries);
  self->entries = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->entries, g_list_model_get_item (entries, i));
  self->n_docs = n;

  readings = rh_search_analyse_content (self);
  if (!(thesaurus = rh_thesaurus_new_from_bytes (synonyms, readings, error)))
    return NULL;
  self->thesaurus = thesaurus;

  rh_search_build_index (self);

  self->doc_slot = g_new0 (Slot, n + 1);
  self->unit_slot = g_new0 (Slot, n + 1);
  self->alt_acc = g_new0 (float, n + 1);
  self->alt_count = g_new0 (guint16, n + 1);
  self->stamp_alt = g_new0 (guint32, n + 1);
  self->touched.ids = g_new (guint32, n + 1);
  self->touched_unit.ids = g_new (guint32, n + 1);
  self->touched_alt.ids = g_new (guint32, n + 1);
  self->query_chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), 256);
  self->query_offsets = g_array_sized_new (FALSE, FALSE, sizeof (RhTextRange), 256);
  self->matches = g_array_new (FALSE, FALSE, sizeof (RhThesaurusMatch));
  self->part_matches = g_array_new (FALSE, FALSE, sizeof (RhThesaurusMatch));

  rh_search_build_word_postings (self);

  return g_steal_pointer (&self);
}

/**
 * rh_search_index_new:
 * @catalog: the entries to search
 *
 * Builds the index of @catalog with the built-in thesaurus
 * (%RH_SEARCH_SYNONYMS_RESOURCE).
 *
 * Returns: (transfer full) (nullable): the index, or %NULL with @error set
 */
RhSearchIndex *
rh_search_index_new (RhCatalog  *catalog,
                     GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (RH_IS_CATALOG (catalog), NULL);

  bytes = g_resources_lookup_data (RH_SEARCH_SYNONYMS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  return rh_search_index_new_with_synonyms (catalog, bytes, error);
}

/**
 * rh_search_index_get_catalog:
 *
 * Returns: (transfer none): the catalog the index was built from
 */
RhCatalog *
rh_search_index_get_catalog (RhSearchIndex *self)
{
  g_return_val_if_fail (RH_IS_SEARCH_INDEX (self), NULL);

  return self->catalog;
}

/**
 * rh_search_index_get_n_terms:
 *
 * Returns: how many distinct terms (bigrams and characters) are indexed
 */
guint
rh_search_index_get_n_terms (RhSearchIndex *self)
{
  g_return_val_if_fail (RH_IS_SEARCH_INDEX (self), 0);

  return self->n_terms;
}

/**
 * rh_search_index_search:
 * @query: (nullable): what the clerk typed, in any form
 * @limit: the most hits to return, or 0 for all
 *
 * Never fails: an empty or meaningless query finds nothing.
 *
 * Returns: (transfer full) (element-type RhSearchHit): the hits, best first
 */
GPtrArray *
rh_search_index_search (RhSearchIndex *self,
                        const char    *query,
                        guint          limit)
{
  g_return_val_if_fail (RH_IS_SEARCH_INDEX (self), g_ptr_array_new_with_free_func (g_object_unref));

  return run_query (self, query, limit, FALSE);
}

/**
 * rh_search_index_suggest:
 * @query: (nullable): what the clerk typed
 * @limit: the most hits to return, or 0 for all
 *
 * The entries closest to @query, for when rh_search_index_search() finds
 * nothing: any shared word, bigram or character counts.
 *
 * Returns: (transfer full) (element-type RhSearchHit): the hits, best first
 */
GPtrArray *
rh_search_index_suggest (RhSearchIndex *self,
                         const char    *query,
                         guint          limit)
{
  g_return_val_if_fail (RH_IS_SEARCH_INDEX (self), g_ptr_array_new_with_free_func (g_object_unref));

  return run_query (self, query, limit, TRUE);
}
