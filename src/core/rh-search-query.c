/* rh-search-query.c — stages 1 and 2 of a search: normalise, analyse
 *
 * The query is normalised as the index's text is, a run of Latin letters
 * nobody knows is read as romaji, and the analyser (MeCab) reads the
 * grammar after its words and the base forms of its inflected words.
 * Then the thesaurus words in it are found (exactly, or with one
 * character wrong, missing or extra), with the grammar and the near
 * matches that are only guesses.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include "rh-search-private.h"

/* The grammar and small talk of a question, in kana, that is no word of
 * its own: a stretch of kana is judged without them (わすれちゃいました,
 * すみませんちょっとききたいんですが). Normalised; none is a part of a
 * word likely to be typed (どう of じどう, いい of いいん are not here). */
static const char * const kana_grammar[] = {
  "んですけど", "んですけれど", "のですけど", "んですが", "のですが", "んでしょうか",
  "ですけど", "ですけれど", "ですか", "ですが", "でしょうか", "でした", "です",
  "ちゃいました", "ちゃった", "てしまいました", "てしまった", "しまいました", "しまった",
  "ましたが", "ました", "ませんか", "ません", "ますか", "ます",
  "いいですか", "いいでしょうか", "すればいい", "すれば", "どうすれば", "どうしたら",
  "どうやって", "どうして", "なんですか", "なんで",
  "すみません", "すいません", "ちょっと", "あのう", "えっと",
  "おねがいします", "おねがい", "よろしく", "ください", "ほしい",
  "けれど", "けど", "から", "ので", "のに", "って", "よね",
};

static gunichar *kana_grammar_chars[G_N_ELEMENTS (kana_grammar)];
static glong kana_grammar_len[G_N_ELEMENTS (kana_grammar)];

static void
kana_grammar_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint k = 0; k < G_N_ELEMENTS (kana_grammar); k++)
        kana_grammar_chars[k] = g_utf8_to_ucs4_fast (kana_grammar[k], -1, &kana_grammar_len[k]);
      g_once_init_leave (&done, 1);
    }
}

/* Sets @grammar[i] for the characters of @q that are grammar (the longest
 * that starts at each place, left to right). */
static void
mark_grammar (const gunichar *q,
              guint           n,
              guint8         *grammar)
{
  kana_grammar_init ();
  for (guint i = 0; i < n;)
    {
      glong best = 0;

      if (is_kana (q[i]))
        for (guint k = 0; k < G_N_ELEMENTS (kana_grammar); k++)
          {
            glong len = kana_grammar_len[k];

            if (kana_grammar_chars[k][0] == q[i] && len > best && i + len <= n &&
                memcmp (q + i, kana_grammar_chars[k], len * sizeof (gunichar)) == 0)
              best = len;
          }
      if (best > 0)
        {
          memset (grammar + i, 1, best);
          i += best;
        }
      else
        i++;
    }
}

#define MIN_ROMAJI 4         /* letters in a row before they may be romaji */

/* How many bigrams of @chars some entry has. */
static guint
count_known (RhSearchIndex  *self,
             const gunichar *chars,
             guint           len)
{
  guint known = 0;

  for (guint i = 0; i + 1 < len; i++)
    known += dict_lookup (self, bigram_key (chars[i], chars[i + 1])) >= 0;
  return known;
}

/* Whether some entry has every bigram of @chars. */
static gboolean
all_known (RhSearchIndex  *self,
           const gunichar *chars,
           guint           len)
{
  return len < 2 || count_known (self, chars, len) == len - 1;
}

/* Romaji read one way into @out (emptied first): with bit 1 of @way an n
 * between vowels is ん (hanei はんえい, not はねい), with bit 2 a vowel typed
 * twice is the long-vowel mark katakana words are written with (kaado
 * かーど, not かあど). FALSE where that way reads nothing new. */
static gboolean
read_romaji_way (const gunichar *q,
                 guint           len,
                 guint           way,
                 GArray         *out)
{
  g_array_set_size (out, 0);
  if (!((way & 1) ? rh_text_romaji_to_hiragana_n (q, len, out) : rh_text_romaji_to_hiragana (q, len, out)))
    return FALSE;
  if ((way & 2) == 0)
    return TRUE;
  if (rh_text_mark_long_vowels ((gunichar *)(void *)out->data, out->len) == 0)
    return FALSE;
  rh_text_strip_long_vowels (out, NULL, 0);     /* as the index has them */
  return TRUE;
}

/* How well some entry knows @chars: every bigram known first, then how
 * many are (かど of kaado, all known, beats かあど with more known). */
static guint
how_known (RhSearchIndex  *self,
           const gunichar *chars,
           guint           len)
{
  guint known = count_known (self, chars, len);

  return known + (len < 2 || known == len - 1 ? MAX_QUERY_CHARS : 0);
}

/* Romaji as kana, appended to @out: of the ways read_romaji_way() reads
 * it, the one some entry knows best. FALSE, with @out unchanged, where
 * the letters are no romaji. */
static gboolean
read_romaji_word (RhSearchIndex  *self,
                  const gunichar *q,
                  guint           len,
                  GArray         *out)
{
  guint start = out->len;
  g_autoptr(GArray) other = g_array_new (FALSE, FALSE, sizeof (gunichar));
  guint best;

  if (!rh_text_romaji_to_hiragana (q, len, out))
    return FALSE;
  best = how_known (self, &g_array_index (out, gunichar, start), out->len - start);
  for (guint way = 1; way < 4; way++)
    {
      guint known;

      if (!read_romaji_way (q, len, way, other))
        continue;
      known = how_known (self, (const gunichar *)(void *)other->data, other->len);
      if (known > best)
        {
          best = known;
          g_array_set_size (out, start);
          g_array_append_vals (out, other->data, other->len);
        }
    }
  return TRUE;
}

/* A word typed with the input method off (zaikei, pasokon) is read as
 * kana, unless the thesaurus or the entries know it as it is (otp, edge,
 * cookie) or it is no romaji (windows). Rewrites self->query_chars;
 * returns the new length. */
/* “token koukan”, “login dekinai”: a word the thesaurus knows as typed
 * (the longest, of MIN_ROMAJI letters or more), then romaji. Appends both
 * to @out and returns TRUE, or leaves @out as it was. */
static gboolean
read_word_then_romaji (RhSearchIndex  *self,
                       const gunichar *q,
                       guint           len,
                       GArray         *out)
{
  for (guint k = len - 2; k >= MIN_ROMAJI && k < len; k--)
    if (rh_thesaurus_has_term (self->thesaurus, q, k))
      {
        g_array_append_vals (out, q, k);
        if (read_romaji_word (self, q + k, len - k, out))
          return TRUE;
        g_array_set_size (out, out->len - k);
      }

  return FALSE;
}

/* Whether the clerk typed a space before character @i of the query. */
static gboolean
space_before (RhSearchIndex *self,
              const char    *text,
              guint          i)
{
  const RhTextRange *at = &g_array_index (self->query_offsets, RhTextRange, i);
  const RhTextRange *before = &g_array_index (self->query_offsets, RhTextRange, i - 1);

  for (const char *p = text + before->end; p < text + at->start; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
read_romaji (RhSearchIndex *self,
             const char    *text,
             guint          n)
{
  g_autoptr(GArray) out = NULL;
  gunichar *q = (gunichar *)(void *)self->query_chars->data;
  guint i = 0;

  while (i < n)
    {
      guint start = i;
      gboolean known = TRUE;

      /* a word ends where the clerk typed a space (pdf henkan) */
      while (i < n && q[i] < 0x80 && g_ascii_islower (q[i]) && !(i > start && space_before (self, text, i)))
        i++;
      if (i == start)
        {
          if (out != NULL)
            g_array_append_val (out, q[i]);
          i++;
          continue;
        }

      if (i - start >= MIN_ROMAJI && !rh_thesaurus_has_prefix (self->thesaurus, q + start, i - start))
        known = all_known (self, q + start, i - start);

      if (out == NULL && !known)
        {
          out = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n);
          g_array_append_vals (out, q, start);
        }
      if (out != NULL && !known && read_word_then_romaji (self, q + start, i - start, out))
        continue;
      if (out != NULL && (known || !read_romaji_word (self, q + start, i - start, out)))
        {
          guint k;

          /* spaces are gone: “IB pasokon” reads ibpasokon, a word the
           * thesaurus knows and then romaji */
          for (k = start + 2; !known && k + MIN_ROMAJI <= i; k++)
            if (rh_thesaurus_has_prefix (self->thesaurus, q + start, k - start))
              {
                g_array_append_vals (out, q + start, k - start);
                if (read_romaji_word (self, q + k, i - k, out))
                  break;
                g_array_set_size (out, out->len - (k - start));
              }
          if (known || k + MIN_ROMAJI > i)
            g_array_append_vals (out, q + start, i - start);
        }
    }

  if (out == NULL)
    return n;
  g_array_set_size (self->query_offsets, 0);
  g_array_set_size (self->query_chars, 0);
  g_array_append_vals (self->query_chars, out->data, out->len);
  return out->len;
}

/* An inflected word of the query whose base form is a thesaurus word:
 * that word, at the place of what the clerk typed, as one more way to
 * say it (a near match: it counts less than what was typed). */
static void
add_base_form (RhSearchIndex *self,
               Search        *s,
               guint          start,
               guint          len,
               const char    *base)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  RhThesaurusMatch match = { start, len, 0, BASE_FORM, FALSE };
  int term;

  rh_text_normalize_append (base, -1, chars, NULL);
  term = rh_thesaurus_lookup (self->thesaurus, (const gunichar *)(void *)chars->data, chars->len);
  if (term < 0 || s->n_bases == G_N_ELEMENTS (s->bases))
    return;
  match.term = term;
  s->bases[s->n_bases++] = match;
}

/* One thing the analyser read in the query, at the query's characters
 * it spans: grammar, a name, or another way to say a word. */
static void
read_token (RhSearchIndex         *self,
            Search                *s,
            guint                  n,
            const RhAnalyserToken *token)
{
  guint first = G_MAXUINT, last = 0;

  for (guint i = 0; i < MIN (n, MAX_QUERY_CHARS); i++)
    {
      guint at = g_array_index (self->query_offsets, RhTextRange, i).start;

      if (at < token->start || at >= token->end)
        continue;
      first = MIN (first, i);
      last = i;
      if (token->kind == RH_ANALYSER_GRAMMAR)
        s->particle[i] = 1;
    }
  if (token->kind == RH_ANALYSER_NAME && first < last && s->n_names < G_N_ELEMENTS (s->names))
    s->names[s->n_names++] = (RhTextRange){ first, last + 1 };
  else if (token->kind == RH_ANALYSER_INFLECTED && first <= last)
    add_base_form (self, s, first, last + 1 - first, token->base);
  else if (token->kind == RH_ANALYSER_SOUND && first < last &&
           !all_known (self, &g_array_index (self->query_chars, gunichar, first), last + 1 - first))
    add_base_form (self, s, first, last + 1 - first, token->base);
}

/* What the analyser reads in the query as typed: the particles and
 * auxiliary verbs after a word (CSVが, 読めない), grammar, not what the
 * clerk asks about; the base forms of inflected words; and the sounds of
 * words no entry has, alone and in runs (通張: つうちょう, 通帳). */
static void
read_query_words (RhSearchIndex *self,
                  Search        *s,
                  guint          n)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (RhAnalyserToken));
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (RhAnalyserToken));

  g_array_set_clear_func (tokens, rh_analyser_token_clear);
  g_array_set_clear_func (runs, rh_analyser_token_clear);
  rh_analyser_analyse_query (s->text, tokens, runs);
  for (guint t = 0; t < tokens->len; t++)
    read_token (self, s, n, &g_array_index (tokens, RhAnalyserToken, t));
  for (guint t = 0; t < runs->len; t++)
    read_token (self, s, n, &g_array_index (runs, RhAnalyserToken, t));
}

/* Stage 1, normalise: the query as the index's text is (rh-text.c),
 * romaji read as kana, and where the clerk typed katakana words. */
gboolean
rh_search_normalise_query (RhSearchIndex *self,
                 Search        *s)
{
  guint n;

  g_array_set_size (self->query_chars, 0);
  g_array_set_size (self->query_offsets, 0);
  rh_text_normalize_append (s->text, -1, self->query_chars, self->query_offsets);
  n = rh_text_strip_long_vowels (self->query_chars, self->query_offsets, 0);
  g_array_set_size (self->query_chars, n);
  if (s->morphology)
    read_query_words (self, s, n);
  n = read_romaji (self, s->text, n);
  s->n = MIN (n, MAX_QUERY_CHARS);
  if (self->query_offsets->len == 0)   /* romaji was read: offsets are gone */
    {
      memset (s->particle, 0, sizeof s->particle);
      s->n_bases = 0;
      s->n_names = 0;
    }
  s->q = (const gunichar *)(void *)self->query_chars->data;

  /* the words typed in katakana, of four characters or more (トークソ is
   * a slip of a short word); offsets are gone where romaji was read */
  for (guint i = 0, run = 0; i <= MIN (s->n, self->query_offsets->len); i++)
    {
      gunichar c = 0;

      if (i < MIN (s->n, self->query_offsets->len))
        c = g_utf8_get_char (s->text + g_array_index (self->query_offsets, RhTextRange, i).start);
      if ((c >= 0x30A1 && c <= 0x30FA) || (c >= 0xFF66 && c <= 0xFF9D))
        {
          s->in_katakana[i] = 1;
          run++;
        }
      else
        {
          if (run >= 4)
            memset (s->katakana + i - run, 1, run);
          run = 0;
        }
    }

  return s->n > 0;
}

/* The thesaurus words of the query, found between the spaces the clerk
 * typed: a space ends a word (つみたて ていし is two words, not the
 * reading of 積立停止, whose parts would then count for nothing). */
static void
find_words (RhSearchIndex *self,
            Search        *s)
{
  GArray *part = self->part_matches;
  guint start = 0;

  g_array_set_size (self->matches, 0);
  for (guint i = 1; i <= s->n; i++)
    {
      if (i < s->n && i < self->query_offsets->len)
        s->spaced[i] = space_before (self, s->text, i);
      if (i < s->n && !s->spaced[i])
        continue;
      rh_thesaurus_find (self->thesaurus, s->q + start, i - start, part);
      for (guint m = 0; m < part->len; m++)
        g_array_index (part, RhThesaurusMatch, m).start += start;
      g_array_append_vals (self->matches, part->data, part->len);
      start = i;
    }
}

/* Whether thesaurus word @term, or another way to say it, is in an entry
 * (OTP is, through ワンタイムパスワード; まちがえた beside 間違えて is not). */
static gboolean
in_content (RhSearchIndex *self,
            guint          term)
{
  const RhThesaurusAlt *alts;
  guint n_alts = 0;

  if (term_in_content (self, term))
    return TRUE;
  alts = rh_thesaurus_get_alternatives (self->thesaurus, term, &n_alts);
  for (guint a = 0; a < n_alts; a++)
    if (term_in_content (self, alts[a].term))
      return TRUE;
  return FALSE;
}

/* Whether characters @i - 1 and @i of the query are of one katakana word:
 * both typed in katakana, with nothing between them (no space). */
static gboolean
in_one_katakana_word (RhSearchIndex *self,
                      const Search  *s,
                      guint          i)
{
  return s->in_katakana[i - 1] && s->in_katakana[i] && i < self->query_offsets->len &&
         g_array_index (self->query_offsets, RhTextRange, i).start ==
         g_array_index (self->query_offsets, RhTextRange, i - 1).end;
}

typedef gboolean (*MatchTest) (RhSearchIndex          *self,
                               const Search           *s,
                               const RhThesaurusMatch *match);

/* Keeps the words found in the query that pass @keep, in their order. */
static void
keep_matches (RhSearchIndex *self,
              const Search  *s,
              MatchTest      keep)
{
  guint kept = 0;

  for (guint m = 0; m < self->matches->len; m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

      if (keep (self, s, match))
        g_array_index (self->matches, RhThesaurusMatch, kept++) = *match;
    }
  g_array_set_size (self->matches, kept);
}

/* A word found inside a katakana word, with katakana on both sides, is
 * not there (トナー in ベトナム): one at either end is (パスワード of
 * ワンタイムパスワード, トナー of トナーカートリッジ). */
static gboolean
not_inside_katakana (RhSearchIndex          *self,
                     const Search           *s,
                     const RhThesaurusMatch *match)
{
  guint b = match->start, e = match->start + match->len;

  return !(b > 0 && e < s->n && in_one_katakana_word (self, s, b) && in_one_katakana_word (self, s, e));
}

/* A word with something of it outside the small talk. */
static gboolean
not_small_talk (RhSearchIndex          *self,
                const Search           *s,
                const RhThesaurusMatch *match)
{
  return memchr (s->small_talk + match->start, 0, match->len) != NULL;
}

/* The words that say how the clerk asks, not what (至急), and the names
 * that say whose the question is: read as the grammar the analyser finds
 * is, and no word of the query; so are the words found inside them. */
static void
drop_small_talk (RhSearchIndex *self,
                 Search        *s)
{
  for (guint m = 0; m < self->matches->len; m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

      if (match->factor >= 1.0f && rh_thesaurus_is_small_talk (self->thesaurus, match->term))
        {
          memset (s->particle + match->start, 1, match->len);
          memset (s->small_talk + match->start, 1, match->len);
        }
    }
  /* a company, a person or a place that no entry names, in no way the
   * thesaurus knows (トヨタ, 佐藤, 上海; not OTP), says whose the question
   * is, not what it asks */
  for (guint k = 0; k < s->n_names; k++)
    {
      const RhTextRange *name = &s->names[k];
      gboolean known = name->end > s->n || count_known (self, s->q + name->start, name->end - name->start) > 0;

      for (guint m = 0; m < self->matches->len && !known; m++)
        {
          const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

          known = match->start < name->end && match->start + match->len > name->start &&
                  in_content (self, match->term);
        }
      if (!known)
        {
          memset (s->particle + name->start, 1, name->end - name->start);
          memset (s->small_talk + name->start, 1, name->end - name->start);
        }
    }
  keep_matches (self, s, not_small_talk);
}

/* Stage 2, analyse: the words of the thesaurus in the query (its own
 * words, and the readings and words of the content the analyser gave it),
 * the index's id of every bigram, the grammar, and the near matches that
 * are only guesses: next to kana that no word or grammar explains and
 * that, with its edge, reads as a word the help does not know
 * (てすうりょう is not しりょう). */
void
rh_search_analyse_query (RhSearchIndex *self,
               Search        *s)
{
  const gunichar *q = s->q;
  guint8 sure[MAX_QUERY_CHARS] = { 0, };   /* of a word as typed, or grammar */

  find_words (self, s);
  keep_matches (self, s, not_inside_katakana);
  drop_small_talk (self, s);
  for (guint i = 0; i + 1 < s->n; i++)
    {
      int id = dict_lookup (self, bigram_key (q[i], q[i + 1]));

      s->qids[i] = id < 0 ? G_MAXUINT32 : (guint32)id;
    }

  mark_grammar (q, s->n, s->grammar);
  memcpy (sure, s->grammar, s->n);
  for (guint m = 0; m < self->matches->len; m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

      /* a word of the thesaurus no entry has (ざんだか) is a word the
       * help does not know: a slip beside it is a guess */
      if ((match->factor >= 1.0f || match->prefix) &&
          (term_in_content (self, match->term) || !is_kana (q[match->start])))
        memset (sure + match->start, 1, match->len);
    }

  for (guint m = 0; m < MIN (self->matches->len, G_N_ELEMENTS (s->guess)); m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);
      guint b = match->start, e = match->start + match->len;
      guint left = 0, left_known = 0, right = 0, right_known = 0;

      if (match->factor >= 1.0f)
        continue;
      /* kana right after a kanji is its ending (買いたい), not a word of
       * its own that a slip of one (けいたい) could be */
      if (b > 0 && is_kana (q[b]) && rh_text_is_kanji (q[b - 1]))
        {
          s->guess[m] = TRUE;
          continue;
        }
      for (guint i = b; i > 0 && !sure[i - 1] && is_kana (q[i - 1]) && is_kana (q[i]); i--)
        {
          left += s->qids[i - 1] == G_MAXUINT32;
          left_known += s->qids[i - 1] != G_MAXUINT32;
        }
      for (guint i = e; i < s->n && !sure[i] && is_kana (q[i]) && is_kana (q[i - 1]); i++)
        {
          right += s->qids[i - 1] == G_MAXUINT32;
          right_known += s->qids[i - 1] != G_MAXUINT32;
        }
      s->guess[m] = unknown_kana (left, left_known) || unknown_kana (right, right_known);
    }

  /* base forms, where no word of the thesaurus already holds the place */
  for (guint b = 0; b < s->n_bases; b++)
    {
      const RhThesaurusMatch *base = &s->bases[b];
      gboolean held = FALSE;

      /* a word typed in kana that no entry has (まちがえた) leaves its
       * place to the base form (まちがえる, the reading of 間違える) */
      for (guint m = 0; m < self->matches->len && !held; m++)
        {
          const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

          held = match->factor >= 1.0f && match->start <= base->start &&
                 match->start + match->len >= base->start + base->len &&
                 (in_content (self, match->term) || !is_kana (s->q[match->start]));
        }
      held |= memchr (s->small_talk + base->start, 0, base->len) == NULL;
      if (!held && base->start + base->len <= s->n)
        g_array_append_val (self->matches, *base);
    }
}

/* Whether the query has a word no entry has, as far as reading it tells
 * (scoring finds the rest): a thesaurus word that no entry has in any of
 * its ways, or two characters of kanji, letters or katakana that no entry
 * has, outside the thesaurus words and across no space. */
gboolean
rh_search_has_unknown_word (RhSearchIndex *self,
                            const Search  *s)
{
  guint8 in_word[MAX_QUERY_CHARS] = { 0, };

  for (guint m = 0; m < self->matches->len; m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

      if (is_guess (s, m))
        continue;
      if (match->factor >= 1.0f && !in_content (self, match->term))
        return TRUE;
      memset (in_word + match->start, 1, match->len);
    }
  for (guint i = 0; i + 1 < s->n; i++)
    if (s->qids[i] == G_MAXUINT32 && !(in_word[i] && in_word[i + 1]) && !s->spaced[i + 1] && could_be_word (s, i))
      return TRUE;
  return FALSE;
}
