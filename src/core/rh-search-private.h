/* rh-search-private.h — what the files of the search index share
 *
 * The index (rh-search-index.c) is built by rh-search-build.c; a query
 * goes through rh-search-query.c (normalise, analyse) and
 * rh-search-score.c (expand and score, keep or drop, phrase bonus); the
 * hits and their highlighting are rh-search-hit.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "rh-analyser.h"
#include "rh-search-index.h"
#include "rh-text.h"
#include "rh-thesaurus-private.h"

G_BEGIN_DECLS

#define MAX_QUERY_CHARS   128
#define N_FIELDS          4
G_STATIC_ASSERT (N_FIELDS == 4);   /* weigh_job() spells the four out */

#define MIN_COVERAGE      0.3f    /* share of the query an entry must explain… */
#define MIN_MASS          2.5f    /* …or this many bigrams' worth of it, or a whole thesaurus word */
#define MISSING_COVERAGE  0.6f    /* …or this share, where it names a thing no entry has */
#define MIN_RELATIVE      0.12    /* of the best score */
#define PHRASE_QUESTION   1.5     /* the whole query appears in the question */
#define PHRASE_OTHER      1.2     /* …in the keywords or the answer */
#define SUGGEST_UNIGRAM   0.3f
#define PLAIN_KANA        0.375f  /* weight of a bigram of two hiragana on its own */
#define PLAIN_MIN         4       /* bigrams always scored, rarest first… */
#define PLAIN_BUDGET      4000    /* …then more while their postings fit this */
#define GENERIC_WEIGHT    0.5f    /* a word that names no topic (変更, 忘れた) */
#define UNTOPICAL         0.8     /* an entry with generic words only, where others name the topic */
#define OTHER_SERVICE     0.3     /* an entry of another service than the one the query names */
#define BASE_FORM         0.8f    /* a base form the analyser read, beside what was typed */
#define NEAR_BONUS        1.5     /* two words of the query stand together in the question… */
#define NEAR_GAP          3       /* …at most this many characters apart (口座を解約)… */
#define NEAR_CANDIDATES   4       /* …asked of this many entries at most, the best first */
#define NEAR_BUCKETS      64      /* first characters of the ways to say them, by c % 64 */
#define NEAR_NEEDLES      1024    /* ways to say them: more, and the bonus is not asked */
#define MAX_UNITS         16      /* words of a query whose ways to say them are kept apart */
#define WORD_CHAMPIONS    150     /* entries kept for a thesaurus word: where it weighs most */

typedef struct
{
  guint32 doc;
  float   weight;
} Posting;

/* Terms (bigram keys) → dense ids, open addressing */
typedef struct
{
  guint64 *keys;      /* 0 = empty */
  guint32 *values;
  guint    mask;
  guint    n;
  GArray  *by_id;     /* guint64 key of each id */
} Dict;

/* An entry's running score in a search, valid when stamp is current */
typedef struct
{
  guint32 stamp;
  float   acc;
  float   mass;
  guint8  whole;    /* how many whole thesaurus words of the query are there */
  guint8  topical;  /* 1 where a word that names a topic is (not only 変更, 忘れた) */
} Slot;             /* 16 bytes: four to a cache line */

/* Entries touched by a search (room for every entry) */
typedef struct
{
  guint32 *ids;
  guint    len;
} IdList;

typedef struct
{
  guint32 doc;
  float   mean;     /* mean BM25F weight of the word's bigrams */
  float   frac;     /* share of its bigrams the entry has */
} WordPosting;

/* The strings a query matched, for highlighting. Shared by its hits. */
typedef struct
{
  GArray *chars;     /* gunichar pool */
  GArray *spans;     /* RhTextRange of character positions in chars */
} Needles;

struct _RhSearchIndex
{
  GObject       parent_instance;

  RhCatalog    *catalog;
  GPtrArray    *entries;          /* RhEntry, by document number */
  guint         n_docs;
  RhThesaurus  *thesaurus;
  GHashTable   *base_forms;       /* text of the content → base forms of its words, or none */

  /* term dictionary: key = c1 << 21 | c2 (c2 = 0 for one character) */
  Dict          dict;
  guint         n_terms;

  guint32      *post_start;       /* n_terms + 1 */
  Posting      *postings;

  /* match form of each entry: question 0 keywords 0 … body 0 …, one pool */
  GArray       *doc_chars;
  guint32      *doc_start;        /* n_docs + 1 */
  guint32      *doc_question_end;
  const char  **doc_service;      /* interned service id of each entry, or NULL */

  /* thesaurus term → the entries that have it (all or most of its
   * bigrams), with the mean weight of those bigrams */
  guint32      *word_start;       /* n thesaurus terms + 1 */
  WordPosting  *word_postings;

  /* scratch for searching */
  Slot         *doc_slot;         /* the query so far */
  Slot         *unit_slot;        /* the unit being scored */
  float        *alt_acc;
  guint16      *alt_count;
  guint32      *stamp_alt;
  guint32       cur_doc;
  guint32       cur_unit;
  guint32       cur_alt;
  IdList        touched;
  IdList        touched_unit;
  IdList        touched_alt;
  GArray       *query_chars;
  GArray       *query_offsets;    /* RhTextRange: where each came from */
  gboolean      any_topical;      /* some entry has a word of the query that names a topic */
  GArray       *matches;
  GArray       *part_matches;     /* of the part between two typed spaces */
};

static inline guint64
bigram_key (gunichar a,
            gunichar b)
{
  return ((guint64)a << 21) | b;
}

static inline guint
dict_slot (const Dict *dict,
           guint64     key)
{
  guint64 h = key * 0x9E3779B97F4A7C15ull;
  guint i = (guint)(h >> 32) & dict->mask;

  while (dict->keys[i] != 0 && dict->keys[i] != key)
    i = (i + 1) & dict->mask;

  return i;
}

static inline int
dict_find (const Dict *dict,
           guint64     key)
{
  guint i = dict_slot (dict, key);

  return dict->keys[i] ? (int)dict->values[i] : -1;
}

static inline int
dict_lookup (RhSearchIndex *self,
             guint64        key)
{
  return dict_find (&self->dict, key);
}

static inline guint32
next_slot_stamp (guint32 *current,
                 Slot    *slots,
                 guint    n)
{
  if (++(*current) == G_MAXUINT32)
    {
      for (guint i = 0; i < n; i++)
        slots[i].stamp = 0;
      *current = 1;
    }
  return *current;
}

/* kana after normalisation (katakana is hiragana by then) */
static inline gboolean
is_kana (gunichar c)
{
  return c >= 0x3041 && c <= 0x309F;
}

/* A stretch of kana with @unknown bigrams no entry has and @known that
 * some entry has is a word the help does not know where it is four kana
 * or more and one of its bigrams is in no entry (いんかん, ねんきんの), or
 * three and none is (ゆうし); one slip in a short word the entries have
 * (トークソ) is not. */
static inline gboolean
unknown_kana (guint unknown,
              guint known)
{
  return unknown > 0 && (unknown + known >= 3 || (unknown == 2 && known == 0));
}

typedef struct
{
  guint32 doc;
  double  score;
} Candidate;

/* One search: what each stage of the query path leaves for the next. */
typedef struct
{
  const char     *text;                      /* as typed */
  const gunichar *q;                         /* normalised */
  guint           n;
  gboolean        suggest;
  gboolean        morphology;                /* MeCab reads the query too */
  guint32         qids[MAX_QUERY_CHARS];     /* bigram ids; G_MAXUINT32: in no entry */
  guint8          inside[MAX_QUERY_CHARS];   /* bigrams of a thesaurus unit */
  guint8          covered[MAX_QUERY_CHARS];  /* characters of one */
  guint8          katakana[MAX_QUERY_CHARS]; /* typed in katakana, four or more */
  guint8          in_katakana[MAX_QUERY_CHARS]; /* typed in katakana */
  guint8          grammar[MAX_QUERY_CHARS];  /* kana grammar and small talk */
  guint8          guess[MAX_QUERY_CHARS];    /* near matches not taken */
  guint8          particle[MAX_QUERY_CHARS]; /* particles and auxiliaries the analyser read */
  guint8          spaced[MAX_QUERY_CHARS];   /* the clerk typed a space before it */
  guint8          small_talk[MAX_QUERY_CHARS]; /* how the clerk asks, not what (至急) */
  RhThesaurusMatch bases[8];                 /* base forms of inflected words (変え → 変える) */
  guint           n_bases;
  RhTextRange     names[4];                  /* proper nouns the analyser read (トヨタ, 佐藤) */
  guint           n_names;
  float           total_mass;                /* the query's size, in bigrams */
  const char     *service;                   /* the one service the query names */
  gboolean        services_differ;
  gboolean        foreign;                   /* a word of the query no entry has */
  gboolean        foreign_word;              /* …and it is a word the thesaurus knows (有給, 申し込み) */
  gboolean        missing_topic;             /* …and names a topic (外貨預金, 健康診断) */
  Needles        *needles;                   /* what to highlight */
  guint           unit_spans[MAX_UNITS + 1]; /* unit u's words: needles' spans unit_spans[u] to [u + 1] */
  guint           n_units;
} Search;

/* RH_SEARCH_DEBUG set: print how each query was read (for tuning) */
static inline gboolean
rh_search_debug (void)
{
  static int on = -1;

  if (on < 0)
    on = g_getenv ("RH_SEARCH_DEBUG") != NULL;
  return on;
}

static inline gboolean
is_guess (const Search *s,
          guint         m)
{
  return m < G_N_ELEMENTS (s->guess) && s->guess[m];
}

/* Whether characters @i and @i + 1 of the query, where no entry has them
 * together, make a word the help does not know: kanji or letters, or
 * katakana of a word of four or more (メールアドレス); two hiragana are
 * mostly grammar. */
static inline gboolean
could_be_word (const Search *s,
               guint         i)
{
  return (!is_kana (s->q[i]) && !is_kana (s->q[i + 1])) || (s->katakana[i] && s->katakana[i + 1]);
}

/* Whether some entry has thesaurus word @t. */
static inline gboolean
term_in_content (RhSearchIndex *self,
                 guint          t)
{
  return self->word_start[t] != self->word_start[t + 1];
}

/* rh-search-hit.c: the hits and what to highlight */
RhSearchHit *rh_search_hit_new (RhEntry *entry,
                                double   score,
                                Needles *needles);
void rh_search_needles_unref (Needles *needles);
void rh_search_needles_add (Needles *needles,
                            const gunichar *c,
                            guint len);

/* rh-search-build.c: building the index */
void rh_search_dict_init (Dict *dict);
void rh_search_dict_clear (Dict *dict);
void rh_search_build_index (RhSearchIndex *self);
void rh_search_build_word_postings (RhSearchIndex *self);
GHashTable *rh_search_analyse_content (RhSearchIndex *self);

/* rh-search-query.c: stages 1 and 2, normalise and analyse */
gboolean rh_search_normalise_query (RhSearchIndex *self,
                                    Search *s);
void rh_search_analyse_query (RhSearchIndex *self,
                              Search *s);
gboolean rh_search_has_unknown_word (RhSearchIndex *self,
                                     const Search  *s);

/* rh-search-score.c: stages 3 to 5, expand, score, keep or drop */
int rh_search_compare_candidates (gconstpointer a,
                                  gconstpointer b);
void rh_search_score_units (RhSearchIndex *self,
                            Search *s);
void rh_search_score_bigrams (RhSearchIndex *self,
                              Search *s);
void rh_search_score_characters (RhSearchIndex *self,
                                 Search *s,
                                 float weight);
GArray *rh_search_keep_or_drop (RhSearchIndex *self,
                                Search *s,
                                guint limit);
void rh_search_near_bonus (RhSearchIndex *self,
                           Search        *s,
                           GArray        *candidates);
void rh_search_phrase_bonus (RhSearchIndex *self,
                             Search *s,
                             GArray *candidates);

G_END_DECLS
