/* rh-search-hit.c — one hit of a search, and the ranges to highlight
 *
 * A hit holds its entry, its score and the strings the query matched
 * (shared by all the hits of a search); the highlight ranges are worked
 * out only when the UI asks for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rh-search-private.h"

struct _RhSearchHit
{
  GObject   parent_instance;

  RhEntry  *entry;
  double    score;
  Needles  *needles;            /* shared, g_rc_box */
  GArray   *question_ranges;    /* lazily */
};

G_DEFINE_FINAL_TYPE (RhSearchHit, rh_search_hit, G_TYPE_OBJECT)

/* Needles */

static void
needles_clear (Needles *needles)
{
  g_clear_pointer (&needles->chars, g_array_unref);
  g_clear_pointer (&needles->spans, g_array_unref);
}

void
rh_search_needles_unref (Needles *needles)
{
  g_rc_box_release_full (needles, (GDestroyNotify)needles_clear);
}

void
rh_search_needles_add (Needles        *needles,
             const gunichar *c,
             guint           len)
{
  RhTextRange span;

  if (len == 0)
    return;

  /* (a word twice only costs a little more when highlighting) */

  span.start = needles->chars->len;
  span.end = span.start + len;
  g_array_append_vals (needles->chars, c, len);
  g_array_append_val (needles->spans, span);
}

/* RhSearchHit */

static void
rh_search_hit_finalize (GObject *object)
{
  RhSearchHit *self = RH_SEARCH_HIT (object);

  g_clear_object (&self->entry);
  g_clear_pointer (&self->needles, rh_search_needles_unref);
  g_clear_pointer (&self->question_ranges, g_array_unref);

  G_OBJECT_CLASS (rh_search_hit_parent_class)->finalize (object);
}

static void
rh_search_hit_class_init (RhSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_search_hit_finalize;
}

static void
rh_search_hit_init (RhSearchHit *self)
{
}

RhSearchHit *
rh_search_hit_new (RhEntry *entry,
                   double   score,
                   Needles *needles)
{
  RhSearchHit *self = g_object_new (RH_TYPE_SEARCH_HIT, NULL);

  self->entry = g_object_ref (entry);
  self->score = score;
  self->needles = g_rc_box_acquire (needles);

  return self;
}

/**
 * rh_search_hit_get_entry:
 *
 * Returns: (transfer none): the entry found
 */
RhEntry *
rh_search_hit_get_entry (RhSearchHit *self)
{
  g_return_val_if_fail (RH_IS_SEARCH_HIT (self), NULL);

  return self->entry;
}

/**
 * rh_search_hit_get_score:
 *
 * Returns: how well the entry matches (higher is better; only comparable
 *   within one search)
 */
double
rh_search_hit_get_score (RhSearchHit *self)
{
  g_return_val_if_fail (RH_IS_SEARCH_HIT (self), 0);

  return self->score;
}

/**
 * rh_search_hit_dup_ranges:
 * @text: (nullable): a text shown with the hit, e.g. a block of the answer
 *
 * Where the words of the query (or what they stand for) appear in @text.
 *
 * Returns: (transfer full) (element-type RhTextRange): byte ranges of
 *   @text, in order, not overlapping, on character boundaries
 */
GArray *
rh_search_hit_dup_ranges (RhSearchHit *self,
                          const char  *text)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (RhTextRange));
  g_autofree guint8 *marked = NULL;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (RhTextRange));
  const gunichar *c;
  guint n;

  g_return_val_if_fail (RH_IS_SEARCH_HIT (self), ranges);

  if (text == NULL)
    return ranges;

  rh_text_normalize_append (text, -1, chars, offsets);
  n = rh_text_strip_long_vowels (chars, offsets, 0);
  c = (const gunichar *)(void *)chars->data;
  marked = g_new0 (guint8, n + 1);

  for (guint k = 0; k < self->needles->spans->len; k++)
    {
      RhTextRange *s = &g_array_index (self->needles->spans, RhTextRange, k);
      const gunichar *needle = &g_array_index (self->needles->chars, gunichar, s->start);
      guint len = s->end - s->start;

      for (guint i = 0; i + len <= n; i++)
        if (c[i] == needle[0] && memcmp (c + i, needle, len * sizeof (gunichar)) == 0)
          memset (marked + i, 1, len);
    }

  for (guint i = 0; i < n;)
    {
      RhTextRange range;
      guint j = i;

      if (!marked[i])
        {
          i++;
          continue;
        }
      while (j + 1 < n && marked[j + 1])
        j++;

      range.start = g_array_index (offsets, RhTextRange, i).start;
      range.end = g_array_index (offsets, RhTextRange, j).end;

      /* several characters may come from one (NFKC): do not overlap */
      if (ranges->len > 0 && g_array_index (ranges, RhTextRange, ranges->len - 1).end >= range.start)
        g_array_index (ranges, RhTextRange, ranges->len - 1).end =
          MAX (range.end, g_array_index (ranges, RhTextRange, ranges->len - 1).end);
      else
        g_array_append_val (ranges, range);

      i = j + 1;
    }

  return ranges;
}

/**
 * rh_search_hit_get_question_ranges:
 *
 * Returns: (transfer none) (element-type RhTextRange): byte ranges of
 *   rh_entry_get_question() to highlight
 */
GArray *
rh_search_hit_get_question_ranges (RhSearchHit *self)
{
  g_return_val_if_fail (RH_IS_SEARCH_HIT (self), NULL);

  if (self->question_ranges == NULL)
    self->question_ranges = rh_search_hit_dup_ranges (self, rh_entry_get_question (self->entry));

  return self->question_ranges;
}
