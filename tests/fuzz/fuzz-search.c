/* fuzz-search.c — libFuzzer target: a query against the real catalog
 *
 * Normalisation, thesaurus expansion, ranking, suggestions and highlight
 * ranges, on whatever a clerk (or a cat on the keyboard) types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static RhSearchIndex *index_;

static void
check_ranges (GArray     *ranges,
              const char *text)
{
  gsize len = strlen (text);

  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const RhTextRange *r = &g_array_index (ranges, RhTextRange, i);

      g_assert (r->start < r->end);
      g_assert (r->end <= len);
      /* On character boundaries, so the UI can use them as Pango indices. */
      g_assert (g_utf8_validate (text + r->start, r->end - r->start, NULL));
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *query = NULL;
  g_autofree char *normalized = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  double last = G_MAXDOUBLE;

  if (index_ == NULL)
    {
      g_autoptr(RhCatalog) catalog = rh_catalog_new_builtin (NULL);
      index_ = rh_search_index_new (catalog, NULL);
      g_assert (index_ != NULL);
    }

  /* Queries come from a text entry: bounded, but not necessarily valid UTF-8. */
  query = g_strndup ((const char *)data, MIN (size, 512));

  normalized = rh_text_normalize (query);
  g_assert (normalized != NULL);
  g_assert (g_utf8_validate (normalized, -1, NULL));

  hits = rh_search_index_search (index_, query, 10);
  g_assert (hits != NULL);
  g_assert (hits->len <= 10);

  for (guint i = 0; i < hits->len; i++)
    {
      RhSearchHit *hit = g_ptr_array_index (hits, i);
      RhEntry *entry = rh_search_hit_get_entry (hit);
      g_autoptr(GArray) body_ranges = NULL;
      g_autofree char *body = rh_entry_dup_body_text (entry);

      g_assert (rh_search_hit_get_score (hit) <= last);
      last = rh_search_hit_get_score (hit);
      check_ranges (rh_search_hit_get_question_ranges (hit), rh_entry_get_question (entry));
      body_ranges = rh_search_hit_dup_ranges (hit, body);
      check_ranges (body_ranges, body);
    }

  suggestions = rh_search_index_suggest (index_, query, 3);
  g_assert (suggestions != NULL);
  g_assert (suggestions->len <= 3);

  return 0;
}
