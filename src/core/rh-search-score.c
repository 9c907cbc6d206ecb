/* rh-search-score.c — stages 3 to 5 of a search: expand, score, keep or drop
 *
 * Each thesaurus word of the query is one unit, which scores as the best
 * of what the clerk typed and each other way to say it (synonyms, kanji
 * for a hiragana reading, a base form); every other bigram is a unit of
 * its own. A generic word (変更, 忘れた) counts half, and where the query
 * has a word no entry has, an entry must match some word that names a
 * topic, and where that word is a thing the thesaurus knows (外貨預金
 * 金利), two whole words of the query or most of it. When the
 * query names one service, the other service's entries count less.
 * Entries that explain too little of the query are dropped;
 * the best few get a bonus where the whole query is a phrase of theirs.
 * A long query skips its commonest bigrams once the rarer ones are
 * scored, so a search costs about the same on 14 entries as on 10,000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include <math.h>

#include "rh-search-private.h"

/* Searching */

static inline guint32
next_stamp (guint32 *current,
            guint32 *stamps,
            guint    n)
{
  if (++(*current) == G_MAXUINT32)
    {
      memset (stamps, 0, n * sizeof (guint32));
      *current = 1;
    }
  return *current;
}

/* Sums the postings of @ids into alt_acc/alt_count for the touched_alt docs. */
static void
accumulate (RhSearchIndex *self,
            const guint32 *ids,
            guint          n_ids)
{
  guint32 stamp = next_stamp (&self->cur_alt, self->stamp_alt, self->n_docs);

  self->touched_alt.len = 0;

  for (guint k = 0; k < n_ids; k++)
    {
      guint32 t = ids[k];
      const Posting *p = self->postings + self->post_start[t];
      const Posting *end = self->postings + self->post_start[t + 1];

      for (; p < end; p++)
        {
          guint32 d = p->doc;

          if (self->stamp_alt[d] != stamp)
            {
              self->stamp_alt[d] = stamp;
              self->alt_acc[d] = 0;
              self->alt_count[d] = 0;
              self->touched_alt.ids[self->touched_alt.len++] = d;
            }
          self->alt_acc[d] += p->weight;
          self->alt_count[d]++;
        }
    }
}

/* Folds the current alternative into the current unit (best of). */
static void
fold_alternative (RhSearchIndex *self,
                  gboolean       own,
                  float          scale,
                  float          n_own,
                  float          n_alt,
                  float          weight)
{
  guint32 stamp = self->cur_unit;

  for (guint k = 0; k < self->touched_alt.len; k++)
    {
      guint32 d = self->touched_alt.ids[k];
      float frac = MIN (self->alt_count[d] / n_alt, 1.0f);
      float score = self->alt_acc[d] * scale;
      float mass = frac * n_own * weight;

      /* another word counts only where it is really there */
      if (!own && frac < (n_alt > 3 ? 0.75f : 0.99f))
        continue;

      if (self->unit_slot[d].stamp != stamp)
        {
          self->unit_slot[d].stamp = stamp;
          self->unit_slot[d].acc = score;
          self->unit_slot[d].mass = mass;
          self->unit_slot[d].whole = 0;
          self->touched_unit.ids[self->touched_unit.len++] = d;
        }
      else
        {
          self->unit_slot[d].acc = MAX (self->unit_slot[d].acc, score);
          self->unit_slot[d].mass = MAX (self->unit_slot[d].mass, mass);
        }
    }
}

/* A word counts about as much however many characters it takes: two kanji
 * (one bigram) say as much as five kana (four). A unit scores as the mean
 * weight of its bigrams times word_length(); another word for it scores as
 * if the entry had the clerk's own word. */
static inline float
word_length (float n_bigrams)
{
  return sqrtf (n_bigrams);
}

/* Entry @d's score slot for the current query: cleared (and listed as
 * touched) the first time this query reaches it. */
static inline void
touch_doc (RhSearchIndex *self,
           guint32        d,
           guint32        stamp,
           gboolean       topical)
{
  if (self->doc_slot[d].stamp != stamp)
    {
      self->doc_slot[d].stamp = stamp;
      self->doc_slot[d].acc = 0;
      self->doc_slot[d].mass = 0;
      self->doc_slot[d].whole = 0;
      self->doc_slot[d].topical = 0;
      self->touched.ids[self->touched.len++] = d;
    }
  if (topical)
    self->doc_slot[d].topical = 1;
}

static void
begin_unit (RhSearchIndex *self)
{
  next_slot_stamp (&self->cur_unit, self->unit_slot, self->n_docs);
  self->touched_unit.len = 0;
}

static void
end_unit (RhSearchIndex *self,
          gboolean       topical,
          gboolean       generic)
{
  guint32 stamp = self->cur_doc;

  self->any_topical |= topical && self->touched_unit.len > 0;

  for (guint k = 0; k < self->touched_unit.len; k++)
    {
      guint32 d = self->touched_unit.ids[k];

      touch_doc (self, d, stamp, topical);
      self->doc_slot[d].acc += self->unit_slot[d].acc * (generic ? GENERIC_WEIGHT : 1.0f);
      self->doc_slot[d].mass += self->unit_slot[d].mass;
      self->doc_slot[d].whole += self->unit_slot[d].whole && self->doc_slot[d].whole < G_MAXUINT8;
    }
}

/* A bigram on its own: straight into the entry scores; @mass: how much
 * of the query it explains (none where it is grammar). */
static void
accumulate_plain (RhSearchIndex *self,
                  guint32        t,
                  float          factor,
                  gboolean       topical,
                  float          mass)
{
  const Posting *p = self->postings + self->post_start[t];
  const Posting *end = self->postings + self->post_start[t + 1];
  guint32 stamp = self->cur_doc;

  self->any_topical |= topical && p < end;
  for (; p < end; p++)
    {
      guint32 d = p->doc;

      touch_doc (self, d, stamp, topical);
      self->doc_slot[d].acc += p->weight * factor;
      self->doc_slot[d].mass += mass;
    }
}

/* What the clerk typed for a thesaurus unit: the first thing in the unit. */
static void
accumulate_own (RhSearchIndex *self,
                const guint32 *ids,
                guint          n_ids,
                float          n_own)
{
  guint32 stamp = self->cur_unit;
  float scale = word_length (n_own) / n_own;

  for (guint k = 0; k < n_ids; k++)
    {
      const Posting *p = self->postings + self->post_start[ids[k]];
      const Posting *end = self->postings + self->post_start[ids[k] + 1];

      for (; p < end; p++)
        {
          guint32 d = p->doc;

          if (self->unit_slot[d].stamp != stamp)
            {
              self->unit_slot[d].stamp = stamp;
              self->unit_slot[d].whole = 0;
              self->unit_slot[d].acc = 0;
              self->alt_count[d] = 0;
              self->touched_unit.ids[self->touched_unit.len++] = d;
            }
          self->unit_slot[d].acc += p->weight;
          self->alt_count[d]++;
        }
    }

  for (guint k = 0; k < self->touched_unit.len; k++)
    {
      guint32 d = self->touched_unit.ids[k];

      self->unit_slot[d].acc *= scale;
      self->unit_slot[d].mass = MIN (self->alt_count[d], n_own);
    }
}

/* A bigram of two hiragana is mostly grammar (する, した, ので): it counts less. */
static gboolean
kana_only (RhSearchIndex *self,
           guint32        t)
{
  guint64 key = g_array_index (self->dict.by_id, guint64, t);
  gunichar a = key >> 21, b = key & 0x1FFFFF;

  return a >= 0x3041 && a <= 0x309F && b >= 0x3041 && b <= 0x309F;
}

/* …and one with kana in it (を解 of 送信を解除) names no topic: two kanji,
 * letters or digits do. */
static gboolean
no_kana (RhSearchIndex *self,
         guint32        t)
{
  guint64 key = g_array_index (self->dict.by_id, guint64, t);
  gunichar a = key >> 21, b = key & 0x1FFFFF;

  return !(a >= 0x3041 && a <= 0x309F) && !(b >= 0x3041 && b <= 0x309F);
}

static int
compare_df (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  RhSearchIndex *self = data;
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  guint dx = self->post_start[x + 1] - self->post_start[x];
  guint dy = self->post_start[y + 1] - self->post_start[y];

  return dx < dy ? -1 : dx > dy;
}

static void
score_ids (RhSearchIndex *self,
           const guint32 *ids,
           guint          n_ids,
           float          weight)
{
  begin_unit (self);
  accumulate (self, ids, n_ids);
  fold_alternative (self, TRUE, weight, n_ids, n_ids, 1.0f);
  end_unit (self, TRUE, FALSE);
}

static void score_word (RhSearchIndex *self,
                        guint          t,
                        float          n_own,
                        float          weight,
                        gboolean       whole_only);

/* Whether the first @len characters of what the clerk typed are its stem:
 * the rest is a generic word (ログイン of ログインできない, 解約 of
 * 解約したい), so an entry that has the stem has all the word says. */
static gboolean
is_stem (RhSearchIndex  *self,
         const gunichar *own,
         guint           own_len,
         guint           len)
{
  int rest = rh_thesaurus_lookup (self->thesaurus, own + len, own_len - len);

  return rest >= 0 && rh_thesaurus_is_generic (self->thesaurus, rest);
}

/* Folds thesaurus word @t, said instead of @own, into the current unit:
 * it scores as the mean weight of its bigrams times word_length() of
 * what the clerk typed, as if the entry had the clerk's own word. A part
 * of what the clerk typed (書類 of 書類提出) is no other way to say it:
 * where @parts, it counts in proportion to its share of what was typed;
 * else the entry that has only the part already scores for it, from the
 * clerk's own bigrams. */
static void
score_alternative (RhSearchIndex  *self,
                   Needles        *needles,
                   const gunichar *own,
                   guint           own_len,
                   guint           t,
                   float           weight,
                   gboolean        parts)
{
  float n_own = MAX (own_len, 2) - 1;
  guint len;
  const gunichar *c;
  gboolean stem;

  if (!term_in_content (self, t))
    return;

  c = rh_thesaurus_get_term (self->thesaurus, t, &len);
  /* two kana (ルーター, メール without their long vowel: るた, める) are in
   * too much grammar (するため, 求める) to stand for what the clerk typed */
  if (len == 2 && is_kana (c[0]) && is_kana (c[1]))
    return;
  stem = len < own_len && is_stem (self, own, own_len, len);
  for (guint i = 0; len < own_len && i + len <= own_len && !stem; i++)
    if (memcmp (own + i, c, len * sizeof (gunichar)) == 0)
      {
        if (!parts)
          return;
        weight *= (MAX (len, 2) - 1) / n_own;
        break;
      }

  rh_search_needles_add (needles, c, len);
  score_word (self, t, n_own, weight, TRUE);
}

/* Folds the entries that have thesaurus word @t into the current unit;
 * with @whole_only, only those that have all of it (another way to say
 * what the clerk typed counts only where it is really there: 新しい担当者
 * is not in an entry that has 新しいパソコン and, elsewhere, 担当者). */
static void
score_word (RhSearchIndex *self,
            guint          t,
            float          n_own,
            float          weight,
            gboolean       whole_only)
{
  const WordPosting *p = self->word_postings + self->word_start[t];
  const WordPosting *end = self->word_postings + self->word_start[t + 1];
  float scale = weight * word_length (n_own);
  guint32 stamp = self->cur_unit;

  for (; p < end; p++)
    {
      guint32 d = p->doc;
      float score = p->mean * scale;
      float mass = p->frac * n_own * weight;

      if (whole_only && p->frac < 0.99f)
        continue;
      if (self->unit_slot[d].stamp != stamp)
        {
          self->unit_slot[d].stamp = stamp;
          self->unit_slot[d].acc = score;
          self->unit_slot[d].mass = mass;
          self->unit_slot[d].whole = p->frac >= 0.99f;
          self->touched_unit.ids[self->touched_unit.len++] = d;
        }
      else
        {
          self->unit_slot[d].acc = MAX (self->unit_slot[d].acc, score);
          self->unit_slot[d].mass = MAX (self->unit_slot[d].mass, mass);
          if (p->frac >= 0.99f)
            self->unit_slot[d].whole = 1;
        }
    }
}

int
rh_search_compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  return ca->doc < cb->doc ? -1 : ca->doc > cb->doc;
}

/* a ranks below b */
static inline gboolean
candidate_worse (const Candidate *a,
                 const Candidate *b)
{
  return a->score < b->score || (a->score == b->score && a->doc > b->doc);
}

static void
heap_sift_down (Candidate *heap,
                guint      n,
                guint      i)
{
  for (;;)
    {
      guint worst = i;
      guint l = 2 * i + 1, r = 2 * i + 2;
      Candidate tmp;

      if (l < n && candidate_worse (&heap[l], &heap[worst]))
        worst = l;
      if (r < n && candidate_worse (&heap[r], &heap[worst]))
        worst = r;
      if (worst == i)
        return;
      tmp = heap[i];
      heap[i] = heap[worst];
      heap[worst] = tmp;
      i = worst;
    }
}

static gboolean
has_kana (const gunichar *word,
          guint           len)
{
  for (guint i = 0; i < len; i++)
    if (is_kana (word[i]))
      return TRUE;
  return FALSE;
}

/* A word with no other way to say it (words "alone", the content's
 * katakana and Latin words) names itself whole. */
static gboolean
stands_alone (RhSearchIndex *self,
              guint          term)
{
  guint n_alts = 0;

  rh_thesaurus_get_alternatives (self->thesaurus, term, &n_alts);
  return n_alts == 0 || rh_thesaurus_is_alone (self->thesaurus, term);
}

/* With RH_SEARCH_DEBUG set: the words a query was read as, on stderr. */
static void
trace_unit (RhSearchIndex *self,
            Search        *s,
            guint          m)
{
  const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);
  guint len = 0;
  const gunichar *t = rh_thesaurus_get_term (self->thesaurus, match->term, &len);
  g_autofree char *typed = g_ucs4_to_utf8 (s->q + match->start, match->len, NULL, NULL, NULL);
  g_autofree char *term = g_ucs4_to_utf8 (t, len, NULL, NULL, NULL);

  g_printerr ("unit “%s” → term “%s” (factor %.2f%s)\n", typed, term, match->factor,
              rh_thesaurus_is_generic (self->thesaurus, match->term) ? ", generic" : "");
}

/* A word of kanji before another (外貨預金 金利, 健康診断の日程) says which
 * thing the query is about; one followed by a case particle (スキャナで,
 * 自宅から) says by what, where or whence, one at the end (… 住宅ローン)
 * what for, and a loanword or a name in katakana or letters (Windows,
 * マウス) is what the issue is with, not the topic. */
static gboolean
names_the_thing (Search                 *s,
                 const RhThesaurusMatch *match)
{
  guint end = match->start + match->len;
  gboolean thing = FALSE;

  for (guint i = match->start; i < end; i++)
    thing |= g_unichar_get_script (s->q[i]) == G_UNICODE_SCRIPT_HAN;
  /* (固まる, 重たい: a verb or an adjective says what happens to it) */
  thing &= !is_kana (s->q[end - 1]) || s->in_katakana[end - 1];
  while (end < s->n && s->q[end] == ' ')
    end++;
  return thing && end < s->n && g_utf8_strchr ("でにをがへとからまでより", -1, s->q[end]) == NULL;
}

/* Stages 3 and 4 for one word of the query (match @m and every other
 * word found at the same place): expanded to every other way to say it,
 * each scored where all of it is in an entry. */
static void
score_unit (RhSearchIndex *self,
            Search        *s,
            guint          m)
{
  const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);
  const gunichar *word = s->q + match->start;
  guint32 own[MAX_QUERY_CHARS];
  guint n_own_ids = 0;
  float n_own = MAX (match->len, 2) - 1;
  gboolean topical = FALSE;     /* names a topic */
  gboolean generic = TRUE;      /* names nothing: counts less */
  gboolean parts;

  for (guint i = match->start; i + 1 < match->start + match->len; i++)
    {
      s->inside[i] = 1;
      if (s->qids[i] != G_MAXUINT32)
        own[n_own_ids++] = s->qids[i];
    }
  memset (s->covered + match->start, 1, match->len);
  s->total_mass += n_own;
  if (s->n_units < MAX_UNITS)
    s->unit_spans[s->n_units] = s->needles->spans->len;
  rh_search_needles_add (s->needles, word, match->len);

  begin_unit (self);
  if (G_UNLIKELY (rh_search_debug ()))
    trace_unit (self, s, m);

  /* what the clerk typed: a thesaurus word, or near one */
  if (match->factor >= 1.0f)
    score_word (self, match->term, n_own, 1.0f, FALSE);
  else
    accumulate_own (self, own, n_own_ids, n_own);
  /* the parts of a thesaurus word that are words of its group count for
   * the entries that have them apart (書類 and 提出 of 書類提出), unless
   * it is a word that stands alone (給与明細 is not 給与 and 明細) or has
   * kana (parts of ていき are no words) */
  parts = match->factor >= 1.0f && !stands_alone (self, match->term) && !has_kana (word, match->len);

  for (guint k = m; k < self->matches->len; k++)
    {
      const RhThesaurusMatch *same = &g_array_index (self->matches, RhThesaurusMatch, k);
      const RhThesaurusAlt *alts;
      const char *named;
      guint n_alts = 0;

      if (same->start != match->start || same->len != match->len || is_guess (s, k))
        continue;
      generic &= rh_thesaurus_is_generic (self->thesaurus, same->term);
      topical |= !rh_thesaurus_is_generic (self->thesaurus, same->term) &&
                 !rh_thesaurus_is_service_name (self->thesaurus, same->term);
      named = rh_thesaurus_get_service (self->thesaurus, same->term);
      if (same->factor >= 1.0f && named != NULL)
        {
          s->services_differ |= s->service != NULL && s->service != named;
          s->service = named;
        }

      if (same->factor < 1.0f)
        score_alternative (self, s->needles, word, match->len, same->term, same->factor, parts);

      alts = rh_thesaurus_get_alternatives (self->thesaurus, same->term, &n_alts);
      for (guint a = 0; a < n_alts; a++)
        score_alternative (self, s->needles, word, match->len, alts[a].term, alts[a].weight * same->factor,
                           parts);
    }

  s->foreign |= self->touched_unit.len == 0;
  s->foreign_word |= self->touched_unit.len == 0;
  s->missing_topic |= self->touched_unit.len == 0 && topical && names_the_thing (s, match);
  end_unit (self, topical, generic);
  if (s->n_units < MAX_UNITS)
    s->unit_spans[++s->n_units] = s->needles->spans->len;
}

/* Stages 3 and 4 for the words of the query: one unit per place in it. */
void
rh_search_score_units (RhSearchIndex *self,
             Search        *s)
{
  for (guint m = 0; m < self->matches->len; m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);
      gboolean seen = FALSE;

      for (guint k = 0; k < m && !seen; k++)
        {
          const RhThesaurusMatch *other = &g_array_index (self->matches, RhThesaurusMatch, k);

          seen = other->start == match->start && other->len == match->len;
        }
      if (!seen && !is_guess (s, m))
        score_unit (self, s, m);
    }

  /* a stretch of kana that no word or grammar explains and no entry has
   * (ていきよきん, つうちょ, ゆうしの) is a word the help does not know,
   * as where it is typed in kanji (定期預金) */
  for (guint i = 0; i < s->n && !s->foreign;)
    {
      guint unknown = 0, known = 0;
      guint j = i;

      for (; j < s->n && !s->covered[j] && !s->grammar[j] && !s->small_talk[j] && is_kana (s->q[j]); j++)
        if (j > i)
          {
            unknown += s->qids[j - 1] == G_MAXUINT32;
            known += s->qids[j - 1] != G_MAXUINT32;
          }
      s->foreign |= unknown_kana (unknown, known);
      i = MAX (j, i + 1);
    }
}

/* Stage 4 for the rest: every other bigram is a unit of its own; on a
 * large catalog, the most common ones are left out once the rarer ones
 * have cost PLAIN_BUDGET postings: they say least about which entry is
 * meant. */
void
rh_search_score_bigrams (RhSearchIndex *self,
               Search        *s)
{
  const gunichar *q = s->q;
  guint32 plain[MAX_QUERY_CHARS] = { 0, };   /* all set before use; GCC cannot tell */
  guint32 grammar[MAX_QUERY_CHARS];          /* those that are grammar the analyser read */
  guint n_plain = 0, n_grammar = 0;
  guint spent = 0;

  for (guint i = 0; i + 1 < s->n; i++)
    {
      gboolean repeated = FALSE;

      if (s->inside[i])
        continue;
      for (guint k = 0; k < i && !repeated; k++)
        repeated = !s->inside[k] && q[k] == q[i] && q[k + 1] == q[i + 1];
      if (repeated)
        continue;

      /* grammar the analyser read (が, ない) says nothing of the topic:
       * an entry need not explain it */
      if (!(s->particle[i] || s->particle[i + 1]))
        s->total_mass += 1;
      rh_search_needles_add (s->needles, q + i, 2);
      if (s->qids[i] != G_MAXUINT32)
        {
          if (s->particle[i] || s->particle[i + 1])
            grammar[n_grammar++] = s->qids[i];
          plain[n_plain++] = s->qids[i];
        }
      /* a word no entry has; but 問合|窓口, where two words meet, is
       * no word of its own */
      else if (could_be_word (s, i) &&
               !(s->covered[i] && s->covered[i + 1]) && !(s->particle[i] || s->particle[i + 1]) &&
               !s->spaced[i + 1])
        s->foreign = TRUE;
    }

  g_qsort_with_data (plain, n_plain, sizeof (guint32), compare_df, self);
  for (guint k = 0; k < n_plain; k++)
    {
      guint df = self->post_start[plain[k] + 1] - self->post_start[plain[k]];
      gboolean is_grammar = FALSE;
      float weight;

      for (guint g = 0; g < n_grammar && !is_grammar; g++)
        is_grammar = grammar[g] == plain[k];
      if (k >= PLAIN_MIN && spent + df > PLAIN_BUDGET)
        {
          s->total_mass -= is_grammar ? 0 : 1;
          continue;
        }
      spent += df;
      /* two hiragana are mostly grammar: they explain less of the query */
      weight = kana_only (self, plain[k]) ? PLAIN_KANA : 1.0f;
      accumulate_plain (self, plain[k], weight, no_kana (self, plain[k]), is_grammar ? 0 : weight);
    }
}

/* Single characters: the whole of a query of one, or anything close for
 * suggestions. */
void
rh_search_score_characters (RhSearchIndex *self,
                  Search        *s,
                  float          weight)
{
  for (guint i = 0; i < s->n; i++)
    {
      int id = dict_lookup (self, bigram_key (s->q[i], 0));
      guint32 v;

      if (id < 0)
        continue;
      v = id;
      score_ids (self, &v, 1, weight);
    }
}

/* With RH_SEARCH_DEBUG set: what keep-or-drop weighs for an entry. */
static void
trace_entry (RhSearchIndex *self,
             Search        *s,
             guint32        d,
             float          score)
{
  const Slot *slot = &self->doc_slot[d];

  g_printerr ("entry %u: score %.3f, explains %.1f of %.1f%s%s%s\n", d, score, slot->mass, s->total_mass,
              slot->whole ? ", a whole word" : "", slot->topical ? ", topical" : "",
              s->foreign ? " (query has a word no entry has)" : "");
}

/* Stage 5, keep or drop: the entries that explain enough of the query,
 * the best few kept in a heap (worst on top). */
GArray *
rh_search_keep_or_drop (RhSearchIndex *self,
              Search        *s,
              guint          limit)
{
  guint n_candidates = limit == 0 ? self->touched.len : MAX (limit + 8, 16);
  GArray *candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate),
                                          MIN (n_candidates, self->touched.len));
  gboolean debug = rh_search_debug ();

  for (guint k = 0; k < self->touched.len; k++)
    {
      guint32 d = self->touched.ids[k];
      const Slot *slot = &self->doc_slot[d];
      Candidate c = { d, slot->acc };
      Candidate *heap = (Candidate *)(void *)candidates->data;

      /* the factors below only lower a score: an entry already below
       * the worst of a full heap cannot get in */
      if (candidates->len == n_candidates && slot->acc < heap[0].score && !debug)
        continue;
      /* IBのPC: the clerk said which service */
      if (s->service != NULL && !s->services_differ && self->doc_service[d] != NULL &&
          self->doc_service[d] != s->service)
        c.score *= OTHER_SERVICE;

      /* 新任のため手続きを教えてください: where an entry has a word of the
       * query that names a topic, those with only generic ones count less */
      if (self->any_topical && !slot->topical)
        c.score *= UNTOPICAL;
      if (G_UNLIKELY (debug))
        trace_entry (self, s, d, c.score);
      /* no better than the worst of a full heap: nothing more to ask */
      if (c.score <= 0 || (candidates->len == n_candidates && !candidate_worse (&heap[0], &c)))
        continue;
      if (!s->suggest && slot->mass < MIN_COVERAGE * s->total_mass && slot->mass < MIN_MASS && slot->whole == 0)
        continue;
      /* 住所変更, 通帳をなくした: about something the help does not know,
       * where a generic word alone does not make the entry an answer;
       * two whole words of the query do (振込 予約 beside a word no
       * entry has), unless what it lacks is a word the thesaurus knows
       * (有給, 申し込み) */
      if (!s->suggest && s->foreign && slot->topical == 0 && (slot->whole < 2 || s->foreign_word))
        continue;
      /* 外貨預金 金利, 健康診断 日程: about a thing the help knows of but
       * no entry has; an entry with one other word of the query is no
       * answer, one with two whole words or most of the query may be */
      if (!s->suggest && s->missing_topic && slot->whole < 2 && slot->mass < MISSING_COVERAGE * s->total_mass)
        continue;

      if (candidates->len < n_candidates)
        {
          g_array_append_val (candidates, c);
          if (candidates->len == n_candidates)
            for (guint i = n_candidates / 2; i-- > 0;)
              heap_sift_down ((Candidate *)(void *)candidates->data, n_candidates, i);
        }
      else if (candidate_worse (&heap[0], &c))
        {
          heap[0] = c;
          heap_sift_down (heap, n_candidates, 0);
        }
    }

  return candidates;
}

/* A bonus where the whole query is a phrase of the entry. */
void
rh_search_phrase_bonus (RhSearchIndex *self,
              Search        *s,
              GArray        *candidates)
{
  const gunichar *text = &g_array_index (self->doc_chars, gunichar, 0);

  for (guint k = 0; s->n >= 2 && k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      guint start = self->doc_start[c->doc];
      guint end = self->doc_start[c->doc + 1];

      /* the phrase can only be there if every part of the query is */
      if (self->doc_slot[c->doc].mass < s->total_mass - 0.01f)
        continue;

      for (guint i = start; i + s->n <= end; i++)
        if (text[i] == s->q[0] && memcmp (text + i, s->q, s->n * sizeof (gunichar)) == 0)
          {
            c->score *= i < self->doc_question_end[c->doc] ? PHRASE_QUESTION : PHRASE_OTHER;
            break;
          }
    }
}

/* The ways to say each word of the query, by their first character: a
 * counting sort into NEAR_BUCKETS buckets of c % NEAR_BUCKETS, so a place
 * in an entry's text is matched against the few that can start there. */
typedef struct
{
  guint16 bucket_start[NEAR_BUCKETS + 1];
  guint16 needle[NEAR_NEEDLES];     /* index into the needles' spans */
  guint8  unit[NEAR_NEEDLES];       /* whose way to say it */
} NearTable;

static gboolean
near_table_init (NearTable    *table,
                 const Search *s)
{
  const gunichar *pool = &g_array_index (s->needles->chars, gunichar, 0);
  const RhTextRange *spans = &g_array_index (s->needles->spans, RhTextRange, 0);
  guint fill[NEAR_BUCKETS] = { 0, };

  /* table->needle holds span indices: all must fit */
  if (s->unit_spans[s->n_units] > NEAR_NEEDLES)
    return FALSE;
  memset (table->bucket_start, 0, sizeof table->bucket_start);
  for (guint k = s->unit_spans[0]; k < s->unit_spans[s->n_units]; k++)
    table->bucket_start[pool[spans[k].start] % NEAR_BUCKETS + 1]++;
  for (guint b = 0; b < NEAR_BUCKETS; b++)
    table->bucket_start[b + 1] += table->bucket_start[b];
  for (guint u = 0; u < s->n_units; u++)
    for (guint k = s->unit_spans[u]; k < s->unit_spans[u + 1]; k++)
      {
        guint b = pool[spans[k].start] % NEAR_BUCKETS;
        guint at = table->bucket_start[b] + fill[b]++;

        table->needle[at] = k;
        table->unit[at] = u;
      }
  return TRUE;
}

/* Whether some way to say one word of the query ends at most NEAR_GAP
 * characters before some way to say another starts, in @text (口座 and
 * やめたい in 口座を解約: the entry is about what the clerk put together). */
static gboolean
words_together (const Search    *s,
                const NearTable *table,
                const gunichar  *text,
                guint            n)
{
  const gunichar *pool = &g_array_index (s->needles->chars, gunichar, 0);
  const RhTextRange *spans = &g_array_index (s->needles->spans, RhTextRange, 0);
  guint ends[MAX_UNITS] = { 0, };   /* one past unit u's last word so far; 0: none */

  for (guint i = 0; i < n; i++)
    {
      guint b = text[i] % NEAR_BUCKETS;

      for (guint j = table->bucket_start[b]; j < table->bucket_start[b + 1]; j++)
        {
          const RhTextRange *span = &spans[table->needle[j]];
          guint len = span->end - span->start;
          guint u = table->unit[j];

          if (pool[span->start] != text[i] || i + len > n ||
              memcmp (text + i, pool + span->start, len * sizeof (gunichar)) != 0)
            continue;
          for (guint v = 0; v < s->n_units; v++)
            if (v != u && ends[v] > 0 && ends[v] <= i && i - ends[v] <= NEAR_GAP)
              return TRUE;
          ends[u] = MAX (ends[u], i + len);
        }
    }
  return FALSE;
}

/* A bonus where two words of the query stand together in the entry's
 * question. @candidates are sorted, best first; only the few the bonus
 * could bring to the top are asked, and they are sorted again. */
void
rh_search_near_bonus (RhSearchIndex *self,
                      Search        *s,
                      GArray        *candidates)
{
  const gunichar *text = &g_array_index (self->doc_chars, gunichar, 0);
  gboolean changed = FALSE;
  NearTable table;
  double best;

  /* the order can only change where the second is within reach of the first */
  if (s->n_units < 2 || candidates->len < 2)
    return;
  best = g_array_index (candidates, Candidate, 0).score;
  if (g_array_index (candidates, Candidate, 1).score * NEAR_BONUS < best || !near_table_init (&table, s))
    return;

  for (guint k = 0; k < MIN (candidates->len, NEAR_CANDIDATES); k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      guint start = self->doc_start[c->doc];

      if (c->score * NEAR_BONUS < best)
        break;
      if (words_together (s, &table, text + start, self->doc_question_end[c->doc] - start))
        {
          c->score *= NEAR_BONUS;
          changed = TRUE;
        }
    }
  if (changed)
    g_array_sort (candidates, rh_search_compare_candidates);
}
