/* rh-search-index.c — Japanese keyword search over a catalog
 *
 * Every field of every entry is normalised (rh-text.c, long vowels left
 * out) and cut into character bigrams, plus single characters for
 * one-character queries. Terms are integers; each has one posting array
 * (entry, weight) where the weight is the entry's BM25F score for that
 * term, computed once at build time with the fields weighted question >
 * keywords > body.
 *
 * A query is normalised the same way and read as units: every thesaurus
 * term found in it (exactly, or with one character wrong, missing or extra)
 * is one unit, which scores as the best of what the clerk typed and each
 * other way to say it (synonyms, kanji for a hiragana reading); every
 * other bigram is a unit of its own. A generic word (変更, 忘れた) counts
 * half, and where the query has a word no entry has, an entry must match
 * some word that names a topic. When the query names one service (IB, 財形),
 * the other service's entries count less. A run of Latin letters nobody
 * knows is read as romaji first. Entries that explain too little of
 * the query are left out, the best few get a bonus where the whole query
 * appears as a phrase, and the highlight ranges are worked out only when
 * the UI asks for them.
 *
 * Each thesaurus word has its own posting array too (the entries that have
 * it, with the mean weight of its bigrams), cut to the entries where it
 * weighs most (a champion list), and a long query skips its commonest
 * bigrams once the rarer ones have been scored: so a search costs about
 * the same on 14 entries as on 10,000. A large catalog is built in two
 * threads, each taking half the entries.
 *
 * The index is not thread-safe: a search uses scratch arrays of the index
 * so that it allocates nothing in proportion to the catalog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rh-analyser.h"
#include "rh-search-index.h"
#include "rh-text.h"
#include "rh-thesaurus-private.h"

#define MAX_QUERY_CHARS   128
#define N_FIELDS          4
G_STATIC_ASSERT (N_FIELDS == 4);   /* weigh_job() spells the four out */

/* the contact field: category titles and the details of a contact the answer names */
enum { FIELD_QUESTION, FIELD_KEYWORDS, FIELD_BODY, FIELD_CONTACT };

static const float field_weight[N_FIELDS] = { 3.0f, 2.0f, 1.0f, 0.5f };
static const float field_b[N_FIELDS] = { 0.5f, 0.3f, 0.75f, 0.0f };
#define BM25_K1           1.2f

#define MIN_COVERAGE      0.3f    /* share of the query an entry must explain… */
#define MIN_MASS          2.5f    /* …or this many bigrams' worth of it, or a whole thesaurus word */
#define MIN_RELATIVE      0.12    /* of the best score */
#define PHRASE_QUESTION   1.5     /* the whole query appears in the question */
#define PHRASE_OTHER      1.2     /* …in the keywords or the answer */
#define SUGGEST_UNIGRAM   0.3f
#define PLAIN_KANA        0.5f    /* weight of a bigram of two hiragana on its own */
#define PLAIN_MIN         4       /* bigrams always scored, rarest first… */
#define PLAIN_BUDGET      4000    /* …then more while their postings fit this */
#define GENERIC_WEIGHT    0.5f    /* a word that names no topic (変更, 忘れた) */
#define UNTOPICAL         0.5     /* an entry with generic words only, where others name the topic */
#define OTHER_SERVICE     0.3     /* an entry of another service than the one the query names */
#define BASE_FORM         0.8f    /* a base form the analyser read, beside what was typed */
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
  guint8  whole;    /* 1 where a whole thesaurus word of the query is there */
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

struct _RhSearchHit
{
  GObject   parent_instance;

  RhEntry  *entry;
  double    score;
  Needles  *needles;            /* shared, g_rc_box */
  GArray   *question_ranges;    /* lazily */
};

G_DEFINE_FINAL_TYPE (RhSearchHit, rh_search_hit, G_TYPE_OBJECT)

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
};

G_DEFINE_FINAL_TYPE (RhSearchIndex, rh_search_index, G_TYPE_OBJECT)

G_DEFINE_QUARK (rh-search-error-quark, rh_search_error)

/* Needles */

static void
needles_clear (Needles *needles)
{
  g_clear_pointer (&needles->chars, g_array_unref);
  g_clear_pointer (&needles->spans, g_array_unref);
}

static void
needles_unref (Needles *needles)
{
  g_rc_box_release_full (needles, (GDestroyNotify)needles_clear);
}

static void
needles_add (Needles        *needles,
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
  g_clear_pointer (&self->needles, needles_unref);
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

static RhSearchHit *
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

/* Term dictionary */

static inline guint64
bigram_key (gunichar a,
            gunichar b)
{
  return ((guint64)a << 21) | b;
}

static void
dict_init (Dict *dict)
{
  dict->mask = 4095;
  dict->keys = g_new0 (guint64, dict->mask + 1);
  dict->values = g_new (guint32, dict->mask + 1);
  dict->n = 0;
  dict->by_id = g_array_new (FALSE, FALSE, sizeof (guint64));
}

static void
dict_clear (Dict *dict)
{
  g_clear_pointer (&dict->keys, g_free);
  g_clear_pointer (&dict->values, g_free);
  g_clear_pointer (&dict->by_id, g_array_unref);
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

static void
dict_grow (Dict *dict)
{
  guint64 *old_keys = dict->keys;
  guint32 *old_values = dict->values;
  guint old_size = dict->mask + 1;
  guint size = old_size * 2;

  dict->keys = g_new0 (guint64, size);
  dict->values = g_new (guint32, size);
  dict->mask = size - 1;

  for (guint i = 0; i < old_size; i++)
    if (old_keys[i] != 0)
      {
        guint j = dict_slot (dict, old_keys[i]);

        dict->keys[j] = old_keys[i];
        dict->values[j] = old_values[i];
      }

  g_free (old_keys);
  g_free (old_values);
}

static inline guint32
dict_intern (Dict    *dict,
             guint64  key)
{
  guint i = dict_slot (dict, key);

  if (dict->keys[i] != 0)
    return dict->values[i];

  if ((dict->n + 1) * 2 > dict->mask + 1)
    {
      dict_grow (dict);
      i = dict_slot (dict, key);
    }

  dict->keys[i] = key;
  dict->values[i] = dict->n;
  g_array_append_val (dict->by_id, key);

  return dict->n++;
}

static inline int
dict_lookup (RhSearchIndex *self,
             guint64        key)
{
  return dict_find (&self->dict, key);
}

/* Building */

/* Field texts already normalised by a build job: the same line often
 * comes back (service names, category titles, contact details, the
 * standard sentences of forms and notes), and is then copied, not
 * normalised again. */
typedef struct
{
  GHashTable *by_text;   /* text → index + 1 into spans */
  GArray     *spans;     /* RhTextRange of pool positions */
  GHashTable *base_forms;  /* the index's: text → its base forms */
} FieldCache;

static void
append_normalized (GArray     *chars,
                   const char *text,
                   gssize      len)
{
  guint from = chars->len;
  gunichar sep = 0;

  rh_text_normalize_append (text, len, chars, NULL);
  rh_text_strip_long_vowels (chars, NULL, from);
  if (chars->len > from)
    g_array_append_val (chars, sep);
}

/* A field's text, then the base forms of its inflected words, each a span
 * of its own, so that a query in another form of a word meets it (the
 * readings of its words are thesaurus terms: collect_readings()). */
static void
append_field_text (GArray     *chars,
                   GHashTable *base_forms,
                   const char *text)
{
  const char *forms;
  const char *line;

  if (text == NULL)
    return;

  append_normalized (chars, text, -1);

  forms = g_hash_table_lookup (base_forms, text);
  for (line = forms; line != NULL && *line != '\0'; )
    {
      const char *end = strchr (line, '\n');
      gsize len = end ? (gsize)(end - line) : strlen (line);

      append_normalized (chars, line, len);
      line += len + (end ? 1 : 0);
    }
}

/* A field text's hash from its length and its first and last 16 bytes:
 * enough to tell field texts apart, and far cheaper than hashing every
 * byte of a long answer (the lookup still compares whole strings). */
static guint
field_text_hash (gconstpointer key)
{
  const guchar *t = key;
  gsize n = strlen (key);
  guint h = (guint)n;

  for (gsize i = 0; i < MIN (n, 16); i++)
    h = h * 31 + t[i];
  for (gsize i = n > 32 ? n - 16 : MIN (n, 16); i < n; i++)
    h = h * 31 + t[i];

  return h;
}

static void
append_field_cached (GArray     *pool,
                     FieldCache *cache,
                     const char *text)
{
  guint index;
  guint from = pool->len;

  if (text == NULL)
    return;

  index = GPOINTER_TO_UINT (g_hash_table_lookup (cache->by_text, text));
  if (index != 0)
    {
      RhTextRange span = g_array_index (cache->spans, RhTextRange, index - 1);

      g_array_set_size (pool, from + (span.end - span.start));
      memcpy (&g_array_index (pool, gunichar, from), &g_array_index (pool, gunichar, span.start),
              (span.end - span.start) * sizeof (gunichar));
      return;
    }

  append_field_text (pool, cache->base_forms, text);
  {
    RhTextRange span = { from, pool->len };

    g_array_append_val (cache->spans, span);
    g_hash_table_insert (cache->by_text, (gpointer)text, GUINT_TO_POINTER (cache->spans->len));
  }
}

typedef struct
{
  guint32 term;
  float   tf[N_FIELDS];
} LocalTerm;

/* The match form of one entry's fields, appended to @pool; @bounds gets
 * where each field ends (positions in @pool). */
static void
normalize_entry (RhSearchIndex *self,
                 RhEntry       *entry,
                 GArray        *pool,
                 FieldCache    *cache,
                 guint32       *bounds)
{
  const char * const *keywords = rh_entry_get_keywords (entry);
  const char * const *category_ids = rh_entry_get_category_ids (entry);

  append_field_cached (pool, cache, rh_entry_get_question (entry));
  bounds[FIELD_QUESTION] = pool->len;

  for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
    append_field_cached (pool, cache, keywords[k]);
  append_field_cached (pool, cache, rh_entry_get_service_name (entry));
  bounds[FIELD_KEYWORDS] = pool->len;

  /* the answer's own text (as rh_entry_dup_body_text()), a line at a time;
   * not the note that there is no answer (この質問への回答は…: it says
   * nothing about the topic) */
  for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
    {
      const RhBlock *block = rh_entry_get_block (entry, b);

      if (block->type == RH_BLOCK_UNANSWERED)
        continue;
      append_field_cached (pool, cache, block->text);
      for (guint k = 0; block->items != NULL && block->items[k] != NULL; k++)
        append_field_cached (pool, cache, block->items[k]);
      append_field_cached (pool, cache, block->check);
      append_field_cached (pool, cache, block->check_text);
      append_field_cached (pool, cache, block->form_name);
    }
  bounds[FIELD_BODY] = pool->len;

  /* the titles of its categories: they are shared (“パソコン・担当者の変更”
   * is over both kinds of change), so they weigh least */
  for (guint k = 0; category_ids != NULL && category_ids[k] != NULL; k++)
    {
      RhCategory *category = rh_catalog_lookup_category (self->catalog, category_ids[k]);

      if (category != NULL)
        append_field_cached (pool, cache, rh_category_get_title (category));
    }

  /* the contacts the answer names: so a phone number finds its entry */
  for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
    {
      const RhBlock *block = rh_entry_get_block (entry, b);
      const char * const *hours;

      if (block->contact == NULL)
        continue;
      append_field_cached (pool, cache, rh_contact_get_name (block->contact));
      append_field_cached (pool, cache, rh_contact_get_phone (block->contact));
      hours = rh_contact_get_hours_text (block->contact);
      for (guint h = 0; hours != NULL && hours[h] != NULL; h++)
        append_field_cached (pool, cache, hours[h]);
    }
  bounds[FIELD_CONTACT] = pool->len;
}

/* Building runs in two threads on a large catalog: each does half the entries. */
typedef struct
{
  RhSearchIndex *self;
  guint          from;
  guint          to;
  GArray        *pool;          /* 1: normalised text of the entries */
  guint32       *bounds;        /* 1: N_FIELDS per entry, in pool */
  Dict           dict;          /* 1: the job's own term ids… */
  guint32       *remap;         /* …and the index's for each of them */
  GArray        *job_occ;       /* 1: term << 2 | field, the job's ids */
  guint32       *job_occ_start; /* 1: per entry of the job, + 1 */
  guint32       *job_df;        /* 1: entries with each of the job's terms */
  float         *field_len_out; /* 1: N_FIELDS per entry (whole index) */
  const float   *field_len;
  const float   *idfs;
  const double  *avg_len;
  guint32       *cursor;        /* 3: next free posting of each term */
} BuildJob;

#define PARALLEL_MIN_DOCS 1024
#define PARALLEL_MIN_TEXTS 2048

static gpointer
normalize_job (gpointer data)
{
  BuildJob *job = data;
  g_autofree guint32 *unigram_ids = g_new (guint32, 0x10000);
  const gunichar *c;
  guint32 *out;

  FieldCache cache = {
    g_hash_table_new (field_text_hash, g_str_equal),
    g_array_new (FALSE, FALSE, sizeof (RhTextRange)),
    job->self->base_forms,
  };

  for (guint d = job->from; d < job->to; d++)
    {
      job->self->doc_start[d] = job->pool->len;
      normalize_entry (job->self, g_ptr_array_index (job->self->entries, d), job->pool, &cache,
                       job->bounds + (gsize)(d - job->from) * N_FIELDS);
    }
  g_hash_table_unref (cache.by_text);
  g_array_unref (cache.spans);

  /* cut into terms, with ids of the job's own */
  memset (unigram_ids, 0xff, 0x10000 * sizeof (guint32));
  dict_init (&job->dict);
  job->job_occ_start = g_new (guint32, job->to - job->from + 1);
  g_array_set_size (job->job_occ, 2 * (gsize)job->pool->len + 1);
  out = &g_array_index (job->job_occ, guint32, 0);
  c = &g_array_index (job->pool, gunichar, 0);

  for (guint d = job->from; d < job->to; d++)
    {
      const guint32 *b = job->bounds + (gsize)(d - job->from) * N_FIELDS;
      guint start = job->self->doc_start[d];
      guint end = d + 1 < job->to ? job->self->doc_start[d + 1] : job->pool->len;
      float *field_len = job->field_len_out + (gsize)d * N_FIELDS;
      guint field = 0;

      job->job_occ_start[d - job->from] = out - &g_array_index (job->job_occ, guint32, 0);

      for (guint i = start; i < end; i++)
        {
          guint32 u;

          while (field < FIELD_CONTACT && i >= b[field])
            field++;
          if (c[i] == 0)
            continue;

          field_len[field] += 1;
          if (c[i] < 0x10000)
            {
              /* one character: straight from a table */
              if ((u = unigram_ids[c[i]]) == G_MAXUINT32)
                u = unigram_ids[c[i]] = dict_intern (&job->dict, bigram_key (c[i], 0));
            }
          else
            u = dict_intern (&job->dict, bigram_key (c[i], 0));
          *out++ = u << 2 | field;
          /* every entry's text ends with a 0 */
          if (c[i + 1] != 0)
            *out++ = dict_intern (&job->dict, bigram_key (c[i], c[i + 1])) << 2 | field;
        }
    }
  job->job_occ_start[job->to - job->from] = out - &g_array_index (job->job_occ, guint32, 0);
  g_array_set_size (job->job_occ, job->job_occ_start[job->to - job->from]);

  /* document frequencies, by the job's ids */
  {
    g_autofree guint32 *last_doc = g_new (guint32, MAX (job->dict.n, 1));
    const guint32 *o = &g_array_index (job->job_occ, guint32, 0);

    memset (last_doc, 0xff, job->dict.n * sizeof (guint32));
    job->job_df = g_new0 (guint32, MAX (job->dict.n, 1));
    for (guint d = job->from; d < job->to; d++)
      for (guint k = job->job_occ_start[d - job->from]; k < job->job_occ_start[d - job->from + 1]; k++)
        {
          guint32 l = o[k] >> 2;

          if (last_doc[l] != d)
            {
              last_doc[l] = d;
              job->job_df[l]++;
            }
        }
  }

  return NULL;
}

static gpointer
weigh_job (gpointer data)
{
  BuildJob *job = data;
  RhSearchIndex *self = job->self;
  g_autofree guint32 *last_doc = g_new (guint32, MAX (self->n_terms, 1));
  g_autofree guint32 *slot = g_new (guint32, MAX (self->n_terms, 1));
  g_autofree LocalTerm *local = NULL;
  const guint32 *occ = &g_array_index (job->job_occ, guint32, 0);
  guint max_occ = 1;

  for (guint d = job->from; d < job->to; d++)
    max_occ = MAX (max_occ, job->job_occ_start[d - job->from + 1] - job->job_occ_start[d - job->from]);
  local = g_new (LocalTerm, max_occ);

  memset (last_doc, 0xff, self->n_terms * sizeof (guint32));

  for (guint d = job->from; d < job->to; d++)
    {
      float norm[N_FIELDS];
      guint n_local = 0;

      for (guint f = 0; f < N_FIELDS; f++)
        norm[f] = field_weight[f] /
                  (1.0f - field_b[f] + field_b[f] * job->field_len[d * N_FIELDS + f] / (float)job->avg_len[f]);

      for (guint o = job->job_occ_start[d - job->from]; o < job->job_occ_start[d - job->from + 1]; o++)
        {
          guint32 v = occ[o];
          guint32 t = job->remap[v >> 2];

          if (last_doc[t] != d)
            {
              last_doc[t] = d;
              slot[t] = n_local;
              local[n_local].term = t;
              memset (local[n_local].tf, 0, sizeof local[n_local].tf);
              n_local++;
            }
          local[slot[t]].tf[v & 3] += 1;
        }

      for (guint k = 0; k < n_local; k++)
        {
          LocalTerm *lt = &local[k];
          float tf = lt->tf[0] * norm[0] + lt->tf[1] * norm[1] + lt->tf[2] * norm[2] + lt->tf[3] * norm[3];
          Posting *p = &self->postings[job->cursor[lt->term]++];

          p->doc = d;
          p->weight = job->idfs[lt->term] * tf * (BM25_K1 + 1.0f) / (tf + BM25_K1);
        }
    }

  return NULL;
}

/* Runs @func on both jobs: the second in a thread of its own when there is one. */
static void
run_jobs (GThreadFunc  func,
          BuildJob    *jobs,
          gboolean     parallel)
{
  GThread *thread = NULL;

  if (parallel)
    thread = g_thread_try_new ("rh-search-build", func, &jobs[1], NULL);
  func (&jobs[0]);
  if (thread != NULL)
    g_thread_join (thread);
  else
    func (&jobs[1]);
}

static gsize
estimate_text_bytes (RhSearchIndex *self)
{
  gsize text_bytes = 0;

  for (guint d = 0; d < self->n_docs; d++)
    {
      RhEntry *entry = g_ptr_array_index (self->entries, d);
      const char * const *keywords = rh_entry_get_keywords (entry);

      text_bytes += strlen (rh_entry_get_question (entry)) + 64;
      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        text_bytes += strlen (keywords[k]);
      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          text_bytes += block->text ? strlen (block->text) : 0;
          for (guint k = 0; block->items != NULL && block->items[k] != NULL; k++)
            text_bytes += strlen (block->items[k]);
        }
    }
  return text_bytes;
}

static void
build_index (RhSearchIndex *self)
{
  g_autofree float *field_len = g_new0 (float, (gsize)self->n_docs * N_FIELDS + 1);
  g_autofree guint32 *bounds = g_new (guint32, (gsize)self->n_docs * N_FIELDS + 1);
  g_autofree guint32 *first_half = NULL;
  g_autofree float *idfs = NULL;
  gboolean parallel = self->n_docs >= PARALLEL_MIN_DOCS;
  guint half = parallel ? self->n_docs / 2 : self->n_docs;
  BuildJob jobs[2] = { { 0, }, { 0, } };
  gsize text_bytes;
  double avg_len[N_FIELDS] = { 0, };
  guint n_postings = 0;

  /* reserve about what the text will take, to grow the arrays only rarely */
  text_bytes = estimate_text_bytes (self);

  dict_init (&self->dict);
  self->doc_start = g_new0 (guint32, self->n_docs + 1);
  self->doc_question_end = g_new0 (guint32, self->n_docs);
  self->doc_service = g_new0 (const char *, self->n_docs);
  for (guint d = 0; d < self->n_docs; d++)
    {
      const char *service = rh_entry_get_service_id (g_ptr_array_index (self->entries, d));

      self->doc_service[d] = service != NULL && *service != '\0' ? g_intern_string (service) : NULL;
    }

  /* 1. normalise and cut into terms (two halves at once) */
  for (guint j = 0; j < 2; j++)
    {
      jobs[j].self = self;
      jobs[j].from = j == 0 ? 0 : half;
      jobs[j].to = j == 0 ? half : self->n_docs;
      jobs[j].pool = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), text_bytes / 2 + 16);
      jobs[j].bounds = bounds + (gsize)jobs[j].from * N_FIELDS;
      jobs[j].job_occ = g_array_sized_new (FALSE, FALSE, sizeof (guint32), text_bytes + 16);
      jobs[j].field_len_out = field_len;
    }
  run_jobs (normalize_job, jobs, parallel);

  /* one pool: the second half after the first */
  for (guint d = half; d < self->n_docs; d++)
    self->doc_start[d] += jobs[0].pool->len;
  for (gsize i = (gsize)half * N_FIELDS; i < (gsize)self->n_docs * N_FIELDS; i++)
    bounds[i] += jobs[0].pool->len;
  g_array_append_vals (jobs[0].pool, jobs[1].pool->data, jobs[1].pool->len);
  g_array_unref (jobs[1].pool);
  self->doc_chars = jobs[0].pool;
  self->doc_start[self->n_docs] = self->doc_chars->len;
  for (guint d = 0; d < self->n_docs; d++)
    self->doc_question_end[d] = bounds[(gsize)d * N_FIELDS + FIELD_QUESTION];

  /* one dictionary: the jobs' ids mapped to the index's */
  for (guint j = 0; j < 2; j++)
    {
      jobs[j].remap = g_new (guint32, MAX (jobs[j].dict.n, 1));
      for (guint l = 0; l < jobs[j].dict.n; l++)
        jobs[j].remap[l] = dict_intern (&self->dict, g_array_index (jobs[j].dict.by_id, guint64, l));
    }
  self->n_terms = self->dict.n;

  for (guint d = 0; d < self->n_docs; d++)
    for (guint f = 0; f < N_FIELDS; f++)
      avg_len[f] += field_len[d * N_FIELDS + f];
  for (guint f = 0; f < N_FIELDS; f++)
    avg_len[f] = MAX (avg_len[f] / MAX (self->n_docs, 1), 1.0);

  /* 2. document frequencies → posting array offsets */
  first_half = g_new0 (guint32, MAX (self->n_terms, 1));
  self->post_start = g_new0 (guint32, self->n_terms + 1);

  for (guint j = 0; j < 2; j++)
    for (guint l = 0; l < jobs[j].dict.n; l++)
      {
        guint32 t = jobs[j].remap[l];

        self->post_start[t + 1] += jobs[j].job_df[l];
        if (j == 0)
          first_half[t] += jobs[j].job_df[l];
        n_postings += jobs[j].job_df[l];
      }

  for (guint t = 0; t < self->n_terms; t++)
    self->post_start[t + 1] += self->post_start[t];

  idfs = g_new (float, MAX (self->n_terms, 1));
  for (guint t = 0; t < self->n_terms; t++)
    {
      float df = self->post_start[t + 1] - self->post_start[t];

      idfs[t] = logf (1.0f + (self->n_docs - df + 0.5f) / (df + 0.5f));
    }

  /* 3. BM25F weight of each (term, document), two halves at once */
  self->postings = g_new (Posting, MAX (n_postings, 1));
  for (guint j = 0; j < 2; j++)
    {
      jobs[j].field_len = field_len;
      jobs[j].idfs = idfs;
      jobs[j].avg_len = avg_len;
      jobs[j].cursor = g_memdup2 (self->post_start, MAX (self->n_terms, 1) * sizeof (guint32));
    }
  for (guint t = 0; t < self->n_terms; t++)
    jobs[1].cursor[t] += first_half[t];

  run_jobs (weigh_job, jobs, parallel);

  for (guint j = 0; j < 2; j++)
    {
      g_free (jobs[j].cursor);
      g_free (jobs[j].remap);
      g_free (jobs[j].job_occ_start);
      g_free (jobs[j].job_df);
      g_array_unref (jobs[j].job_occ);
      dict_clear (&jobs[j].dict);
    }
}

typedef struct
{
  RhSearchIndex *self;
  guint          from;       /* thesaurus terms */
  guint          to;
  GArray        *postings;   /* WordPosting */
  guint32       *ends;       /* where each term's list ends in postings */
} WordJob;

/* Moves the @k postings of highest mean weight to the front (quickselect). */
static void
select_champions (WordPosting *wp,
                  guint        n,
                  guint        k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      float pivot = wp[lo + (hi - lo) / 2].mean;
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (wp[i].mean > pivot)
            i++;
          while (wp[j].mean < pivot)
            j--;
          if (i <= j)
            {
              WordPosting tmp = wp[i];

              wp[i] = wp[j];
              wp[j] = tmp;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }

      if (k <= j)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return;
    }
}

static gpointer
word_job (gpointer data)
{
  WordJob *job = data;
  RhSearchIndex *self = job->self;
  g_autofree float *acc = g_new0 (float, self->n_docs + 1);
  g_autofree guint16 *count = g_new0 (guint16, self->n_docs + 1);
  g_autofree guint32 *stamp = g_new0 (guint32, self->n_docs + 1);
  /* each entry is touched at most once per word */
  g_autofree guint32 *touched = g_new (guint32, self->n_docs + 1);

  for (guint t = job->from; t < job->to; t++)
    {
      guint len;
      const gunichar *c = rh_thesaurus_get_term (self->thesaurus, t, &len);
      guint32 ids[64];
      guint n_ids = 0;
      float n_bigrams = len > 1 ? len - 1 : 1;
      /* a short word must be all there; a long one mostly */
      float min_frac = n_bigrams > 3 ? 0.75f : 0.99f;
      guint seg_start = job->postings->len;

      for (guint i = 0; i + 1 < len && n_ids < G_N_ELEMENTS (ids); i++)
        {
          int id = dict_lookup (self, bigram_key (c[i], c[i + 1]));
          gboolean dup = FALSE;

          if (id < 0)
            continue;
          for (guint k = 0; k < n_ids && !dup; k++)
            dup = ids[k] == (guint32)id;
          if (!dup)
            ids[n_ids++] = id;
        }

      if (n_ids == 1 && n_bigrams == 1)
        {
          /* a two-character word: its bigram's postings */
          const Posting *p = self->postings + self->post_start[ids[0]];
          const Posting *end = self->postings + self->post_start[ids[0] + 1];
          WordPosting *out;

          g_array_set_size (job->postings, seg_start + (end - p));
          out = &g_array_index (job->postings, WordPosting, seg_start);
          for (; p < end; p++, out++)
            {
              out->doc = p->doc;
              out->mean = p->weight;
              out->frac = 1.0f;
            }
        }
      else if (n_ids > 0 && n_ids >= min_frac * n_bigrams)
        {
          guint32 s = t + 1;
          guint n_touched = 0;
          WordPosting *out;
          guint n_out = 0;

          for (guint k = 0; k < n_ids; k++)
            {
              const Posting *p = self->postings + self->post_start[ids[k]];
              const Posting *end = self->postings + self->post_start[ids[k] + 1];

              for (; p < end; p++)
                {
                  guint32 d = p->doc;

                  if (stamp[d] != s)
                    {
                      stamp[d] = s;
                      acc[d] = 0;
                      count[d] = 0;
                      touched[n_touched++] = d;
                    }
                  acc[d] += p->weight;
                  count[d]++;
                }
            }

          g_array_set_size (job->postings, seg_start + n_touched);
          out = &g_array_index (job->postings, WordPosting, seg_start);
          for (guint k = 0; k < n_touched; k++)
            {
              guint32 d = touched[k];
              WordPosting wp = { d, acc[d] / n_bigrams, MIN (count[d] / n_bigrams, 1.0f) };

              if (wp.frac >= min_frac)
                out[n_out++] = wp;
            }
          g_array_set_size (job->postings, seg_start + n_out);
        }

      /* champion list: only the entries where the word weighs most */
      if (job->postings->len - seg_start > WORD_CHAMPIONS)
        {
          select_champions (&g_array_index (job->postings, WordPosting, seg_start),
                            job->postings->len - seg_start, WORD_CHAMPIONS);
          g_array_set_size (job->postings, seg_start + WORD_CHAMPIONS);
        }

      job->ends[t - job->from] = job->postings->len;
    }

  return NULL;
}

/* Where each thesaurus word occurs: computed once, so that a query pays
 * only for the entries that have a word, not for its bigrams. (Each list
 * is in no particular order: a search does not need them by entry.) */
static void
build_word_postings (RhSearchIndex *self)
{
  guint n = rh_thesaurus_get_n_terms (self->thesaurus);
  gboolean parallel = self->n_docs >= PARALLEL_MIN_DOCS;
  WordJob jobs[2];
  GThread *thread = NULL;
  guint half = parallel ? n / 2 : n;

  for (guint j = 0; j < 2; j++)
    {
      jobs[j].self = self;
      jobs[j].from = j == 0 ? 0 : half;
      jobs[j].to = j == 0 ? half : n;
      jobs[j].postings = g_array_new (FALSE, FALSE, sizeof (WordPosting));
      jobs[j].ends = g_new0 (guint32, jobs[j].to - jobs[j].from + 1);
    }

  if (parallel)
    thread = g_thread_try_new ("rh-search-words", word_job, &jobs[1], NULL);
  word_job (&jobs[0]);
  if (thread != NULL)
    g_thread_join (thread);
  else
    word_job (&jobs[1]);

  self->word_start = g_new0 (guint32, n + 1);
  for (guint t = 0; t < half; t++)
    self->word_start[t + 1] = jobs[0].ends[t];
  for (guint t = half; t < n; t++)
    self->word_start[t + 1] = jobs[0].postings->len + jobs[1].ends[t - half];

  g_array_append_vals (jobs[0].postings, jobs[1].postings->data, jobs[1].postings->len);
  self->word_postings = (WordPosting *)(void *)g_array_free (jobs[0].postings, FALSE);
  g_array_unref (jobs[1].postings);
  g_free (jobs[0].ends);
  g_free (jobs[1].ends);
}

/* Searching */

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
      self->doc_slot[d].acc += self->unit_slot[d].acc * (generic ? GENERIC_WEIGHT : 1.0f);
      self->doc_slot[d].mass += self->unit_slot[d].mass;
      self->doc_slot[d].whole = MAX (self->doc_slot[d].whole, self->unit_slot[d].whole);
    }
}

/* A bigram on its own: straight into the entry scores. */
static void
accumulate_plain (RhSearchIndex *self,
                  guint32        t,
                  float          factor,
                  gboolean       topical)
{
  const Posting *p = self->postings + self->post_start[t];
  const Posting *end = self->postings + self->post_start[t + 1];
  guint32 stamp = self->cur_doc;

  self->any_topical |= topical && p < end;
  for (; p < end; p++)
    {
      guint32 d = p->doc;

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
      self->doc_slot[d].acc += p->weight * factor;
      self->doc_slot[d].mass += 1;
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

/* kana after normalisation (katakana is hiragana by then) */
static inline gboolean
is_kana (gunichar c)
{
  return c >= 0x3041 && c <= 0x309F;
}

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

/* Folds thesaurus word @t, said instead of @own, into the current unit:
 * it scores as the mean weight of its bigrams times word_length() of
 * what the clerk typed, as if the entry had the clerk's own word. */
static void
score_alternative (RhSearchIndex  *self,
                   Needles        *needles,
                   const gunichar *own,
                   guint           own_len,
                   guint           t,
                   float           weight)
{
  float n_own = MAX (own_len, 2) - 1;
  guint len;
  const gunichar *c;

  if (self->word_start[t] == self->word_start[t + 1])
    return;

  /* a part of what the clerk typed is no other way to say it: the entry
   * that has only the part already scores for it, in proportion */
  c = rh_thesaurus_get_term (self->thesaurus, t, &len);
  for (guint i = 0; len < own_len && i + len <= own_len; i++)
    if (memcmp (own + i, c, len * sizeof (gunichar)) == 0)
      return;

  needles_add (needles, c, len);
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

typedef struct
{
  guint32 doc;
  double  score;
} Candidate;

static int
compare_candidates (gconstpointer a,
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

#define MIN_ROMAJI 4         /* letters in a row before they may be romaji */

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
        if (rh_text_romaji_to_hiragana (q + k, len - k, out))
          return TRUE;
        g_array_set_size (out, out->len - k);
      }

  return FALSE;
}

static guint
read_romaji (RhSearchIndex *self,
             guint          n)
{
  g_autoptr(GArray) out = NULL;
  gunichar *q = (gunichar *)(void *)self->query_chars->data;
  guint i = 0;

  while (i < n)
    {
      guint start = i;
      gboolean known = TRUE;

      while (i < n && q[i] < 0x80 && g_ascii_islower (q[i]))
        i++;
      if (i == start)
        {
          if (out != NULL)
            g_array_append_val (out, q[i]);
          i++;
          continue;
        }

      if (i - start >= MIN_ROMAJI && !rh_thesaurus_has_prefix (self->thesaurus, q + start, i - start))
        for (guint k = start; k + 1 < i && known; k++)
          known = dict_lookup (self, bigram_key (q[k], q[k + 1])) >= 0;

      if (out == NULL && !known)
        {
          out = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n);
          g_array_append_vals (out, q, start);
        }
      if (out != NULL && !known && read_word_then_romaji (self, q + start, i - start, out))
        continue;
      if (out != NULL && (known || !rh_text_romaji_to_hiragana (q + start, i - start, out)))
        {
          guint k;

          /* spaces are gone: “IB pasokon” reads ibpasokon, a word the
           * thesaurus knows and then romaji */
          for (k = start + 2; !known && k + MIN_ROMAJI <= i; k++)
            if (rh_thesaurus_has_prefix (self->thesaurus, q + start, k - start))
              {
                g_array_append_vals (out, q + start, k - start);
                if (rh_text_romaji_to_hiragana (q + k, i - k, out))
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

/* One search: what each stage of the query path leaves for the next. */
typedef struct
{
  const char     *text;                      /* as typed */
  const gunichar *q;                         /* normalised */
  guint           n;
  gboolean        suggest;
  guint32         qids[MAX_QUERY_CHARS];     /* bigram ids; G_MAXUINT32: in no entry */
  guint8          inside[MAX_QUERY_CHARS];   /* bigrams of a thesaurus unit */
  guint8          covered[MAX_QUERY_CHARS];  /* characters of one */
  guint8          katakana[MAX_QUERY_CHARS]; /* typed in katakana, four or more */
  guint8          grammar[MAX_QUERY_CHARS];  /* kana grammar and small talk */
  guint8          guess[MAX_QUERY_CHARS];    /* near matches not taken */
  guint8          particle[MAX_QUERY_CHARS]; /* particles and auxiliaries the analyser read */
  RhThesaurusMatch bases[8];                 /* base forms of inflected words (変え → 変える) */
  guint           n_bases;
  float           total_mass;                /* the query's size, in bigrams */
  const char     *service;                   /* the one service the query names */
  gboolean        services_differ;
  gboolean        foreign;                   /* a word of the query no entry has */
  Needles        *needles;                   /* what to highlight */
} Search;

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

/* What the analyser reads in the query as typed: the particles and
 * auxiliary verbs after a word (CSVが, 読めない), grammar, not what the
 * clerk asks about; and the base forms of inflected words. */
static void
read_query_words (RhSearchIndex *self,
                  Search        *s,
                  guint          n)
{
  g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (RhAnalyserToken));

  g_array_set_clear_func (tokens, rh_analyser_token_clear);
  rh_analyser_analyse_query (s->text, tokens);
  for (guint t = 0; t < tokens->len; t++)
    {
      const RhAnalyserToken *token = &g_array_index (tokens, RhAnalyserToken, t);
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
      if (token->kind == RH_ANALYSER_INFLECTED && first <= last)
        add_base_form (self, s, first, last + 1 - first, token->base);
    }
}

/* Stage 1, normalise: the query as the index's text is (rh-text.c),
 * romaji read as kana, and where the clerk typed katakana words. */
static gboolean
normalise_query (RhSearchIndex *self,
                 Search        *s)
{
  guint n;

  g_array_set_size (self->query_chars, 0);
  g_array_set_size (self->query_offsets, 0);
  rh_text_normalize_append (s->text, -1, self->query_chars, self->query_offsets);
  n = rh_text_strip_long_vowels (self->query_chars, self->query_offsets, 0);
  g_array_set_size (self->query_chars, n);
  read_query_words (self, s, n);
  n = read_romaji (self, n);
  s->n = MIN (n, MAX_QUERY_CHARS);
  if (self->query_offsets->len == 0)   /* romaji was read: offsets are gone */
    {
      memset (s->particle, 0, sizeof s->particle);
      s->n_bases = 0;
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
        run++;
      else
        {
          if (run >= 4)
            memset (s->katakana + i - run, 1, run);
          run = 0;
        }
    }

  return s->n > 0;
}

/* Stage 2, analyse: the words of the thesaurus in the query (its own
 * words, and the readings and words of the content the analyser gave it),
 * the index's id of every bigram, the grammar, and the near matches that
 * are only guesses: next to kana that no word or grammar explains and
 * that, with its edge, reads as a word the help does not know
 * (てすうりょう is not しりょう). */
static void
analyse_query (RhSearchIndex *self,
               Search        *s)
{
  const gunichar *q = s->q;
  guint8 sure[MAX_QUERY_CHARS] = { 0, };   /* of a word as typed, or grammar */

  rh_thesaurus_find (self->thesaurus, q, s->n, self->matches);
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

      if (match->factor >= 1.0f || match->prefix)
        memset (sure + match->start, 1, match->len);
    }

  for (guint m = 0; m < MIN (self->matches->len, G_N_ELEMENTS (s->guess)); m++)
    {
      const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);
      guint b = match->start, e = match->start + match->len;
      guint left = 0, left_known = 0, right = 0, right_known = 0;

      if (match->factor >= 1.0f)
        continue;
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

      for (guint m = 0; m < self->matches->len && !held; m++)
        {
          const RhThesaurusMatch *match = &g_array_index (self->matches, RhThesaurusMatch, m);

          held = match->factor >= 1.0f && match->start <= base->start &&
                 match->start + match->len >= base->start + base->len;
        }
      if (!held && base->start + base->len <= s->n)
        g_array_append_val (self->matches, *base);
    }
}

static gboolean
is_guess (const Search *s,
          guint         m)
{
  return m < G_N_ELEMENTS (s->guess) && s->guess[m];
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

  for (guint i = match->start; i + 1 < match->start + match->len; i++)
    {
      s->inside[i] = 1;
      if (s->qids[i] != G_MAXUINT32)
        own[n_own_ids++] = s->qids[i];
    }
  memset (s->covered + match->start, 1, match->len);
  s->total_mass += n_own;
  needles_add (s->needles, word, match->len);

  begin_unit (self);

  /* what the clerk typed, in proportion to how much of it an entry has
   * (書類提出: an entry with 書類 and 提出 apart, parts that are no other
   * way to say it below) — unless it is a word that stands alone
   * (給与明細 is not 給与 and 明細) or has kana (parts of ていき are no
   * words) — and where it is a thesaurus word, the entries that have it
   * as a word */
  if (match->factor < 1.0f || !(stands_alone (self, match->term) || has_kana (word, match->len)))
    accumulate_own (self, own, n_own_ids, n_own);
  if (match->factor >= 1.0f)
    score_word (self, match->term, n_own, 1.0f, FALSE);

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
        score_alternative (self, s->needles, word, match->len, same->term, same->factor);

      alts = rh_thesaurus_get_alternatives (self->thesaurus, same->term, &n_alts);
      for (guint a = 0; a < n_alts; a++)
        score_alternative (self, s->needles, word, match->len, alts[a].term, alts[a].weight * same->factor);
    }

  s->foreign |= self->touched_unit.len == 0;
  end_unit (self, topical, generic);
}

/* Stages 3 and 4 for the words of the query: one unit per place in it. */
static void
score_units (RhSearchIndex *self,
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

      for (; j < s->n && !s->covered[j] && !s->grammar[j] && is_kana (s->q[j]); j++)
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
static void
score_bigrams (RhSearchIndex *self,
               Search        *s)
{
  const gunichar *q = s->q;
  guint32 plain[MAX_QUERY_CHARS];
  guint n_plain = 0;
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
      needles_add (s->needles, q + i, 2);
      if (s->qids[i] != G_MAXUINT32)
        plain[n_plain++] = s->qids[i];
      /* a word no entry has: kanji, letters or katakana (メールアドレス);
       * two hiragana are mostly grammar, and 問合|窓口, where two words
       * meet, is no word of its own */
      else if (((!is_kana (q[i]) && !is_kana (q[i + 1])) || (s->katakana[i] && s->katakana[i + 1])) &&
               !(s->covered[i] && s->covered[i + 1]))
        s->foreign = TRUE;
    }

  g_qsort_with_data (plain, n_plain, sizeof (guint32), compare_df, self);
  for (guint k = 0; k < n_plain; k++)
    {
      guint df = self->post_start[plain[k] + 1] - self->post_start[plain[k]];

      if (k >= PLAIN_MIN && spent + df > PLAIN_BUDGET)
        {
          s->total_mass -= 1;
          continue;
        }
      spent += df;
      accumulate_plain (self, plain[k], kana_only (self, plain[k]) ? PLAIN_KANA : 1.0f,
                        no_kana (self, plain[k]));
    }
}

/* Single characters: the whole of a query of one, or anything close for
 * suggestions. */
static void
score_characters (RhSearchIndex *self,
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

/* Stage 5, keep or drop: the entries that explain enough of the query,
 * the best few kept in a heap (worst on top). */
static GArray *
keep_or_drop (RhSearchIndex *self,
              Search        *s,
              guint          limit)
{
  guint n_candidates = limit == 0 ? self->touched.len : MAX (limit + 8, 16);
  GArray *candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate),
                                          MIN (n_candidates, self->touched.len));

  for (guint k = 0; k < self->touched.len; k++)
    {
      guint32 d = self->touched.ids[k];
      const Slot *slot = &self->doc_slot[d];
      Candidate c = { d, slot->acc };
      Candidate *heap = (Candidate *)(void *)candidates->data;

      /* IBのPC: the clerk said which service */
      if (s->service != NULL && !s->services_differ && self->doc_service[d] != NULL &&
          self->doc_service[d] != s->service)
        c.score *= OTHER_SERVICE;

      /* 新任のため手続きを教えてください: where an entry has a word of the
       * query that names a topic, those with only generic ones count less */
      if (self->any_topical && !slot->topical)
        c.score *= UNTOPICAL;
      if (c.score <= 0)
        continue;
      if (!s->suggest && slot->mass < MIN_COVERAGE * s->total_mass && slot->mass < MIN_MASS && slot->whole == 0)
        continue;
      /* 住所変更, 通帳をなくした: about something the help does not know,
       * where a generic word alone does not make the entry an answer */
      if (!s->suggest && s->foreign && slot->topical == 0)
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
static void
phrase_bonus (RhSearchIndex *self,
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

/* The query path: normalise → analyse → expand and score → keep or drop
 * → rank. */
static GPtrArray *
run_query (RhSearchIndex *self,
           const char    *query,
           guint          limit,
           gboolean       suggest)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) candidates = NULL;
  Search s = { query, NULL, 0, suggest, };
  double best;

  if (query == NULL || self->n_docs == 0 || !normalise_query (self, &s))
    return hits;

  next_slot_stamp (&self->cur_doc, self->doc_slot, self->n_docs);
  self->touched.len = 0;
  self->any_topical = FALSE;
  s.needles = g_rc_box_new0 (Needles);
  s.needles->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  s.needles->spans = g_array_new (FALSE, FALSE, sizeof (RhTextRange));

  if (s.n == 1)
    {
      score_characters (self, &s, 1.0f);
      s.total_mass = 1;
      needles_add (s.needles, s.q, 1);
    }
  else
    {
      analyse_query (self, &s);
      score_units (self, &s);
      score_bigrams (self, &s);
      if (suggest)
        score_characters (self, &s, SUGGEST_UNIGRAM);
    }

  candidates = keep_or_drop (self, &s, limit);
  if (candidates->len > 0)
    {
      phrase_bonus (self, &s, candidates);
      g_array_sort (candidates, compare_candidates);
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

  needles_unref (s.needles);
  return hits;
}

/* GObject */

static void
add_text (GHashTable *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_hash_table_add (texts, (gpointer)text);
}

/* Every text normalize_entry() indexes, once each. */
static GPtrArray *
collect_texts (RhSearchIndex *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *out = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer text;

  for (guint i = 0; i < self->n_docs; i++)
    {
      RhEntry *entry = g_ptr_array_index (self->entries, i);
      const char * const *keywords = rh_entry_get_keywords (entry);
      const char * const *category_ids = rh_entry_get_category_ids (entry);

      add_text (texts, rh_entry_get_question (entry));
      add_text (texts, rh_entry_get_service_name (entry));
      for (guint k = 0; keywords != NULL && keywords[k] != NULL; k++)
        add_text (texts, keywords[k]);
      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          if (block->type == RH_BLOCK_UNANSWERED)
            continue;
          add_text (texts, block->text);
          for (guint k = 0; block->items != NULL && block->items[k] != NULL; k++)
            add_text (texts, block->items[k]);
          add_text (texts, block->check);
          add_text (texts, block->check_text);
        }
      for (guint k = 0; category_ids != NULL && category_ids[k] != NULL; k++)
        {
          RhCategory *category = rh_catalog_lookup_category (self->catalog, category_ids[k]);

          if (category != NULL)
            add_text (texts, rh_category_get_title (category));
        }
    }

  g_hash_table_iter_init (&iter, texts);
  while (g_hash_table_iter_next (&iter, &text, NULL))
    g_ptr_array_add (out, text);
  return out;
}

typedef struct
{
  GPtrArray  *texts;
  guint       from;
  guint       to;
  GHashTable *readings;   /* word → reading */
  char      **bases;      /* of each text */
} AnalyseJob;

static gpointer
analyse_job (gpointer data)
{
  AnalyseJob *job = data;

  for (guint i = job->from; i < job->to; i++)
    rh_analyser_collect_readings (g_ptr_array_index (job->texts, i), job->readings, &job->bases[i]);
  return NULL;
}

/* Every text of the content through the analyser, once, in two threads on
 * a large catalog: the readings of its words (word → reading: the
 * thesaurus makes each a reading group, so that ほぞんきかん finds 保存期間
 * in any content) and, in self->base_forms, the base forms of each text's
 * inflected words. */
static GHashTable *
analyse_content (RhSearchIndex *self)
{
  g_autoptr(GPtrArray) texts = collect_texts (self);
  g_autofree char **bases = g_new0 (char *, texts->len + 1);
  guint half = texts->len > PARALLEL_MIN_TEXTS ? texts->len / 2 : texts->len;
  AnalyseJob jobs[2] = {
    { texts, 0, half, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), bases },
    { texts, half, texts->len, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free), bases },
  };
  GThread *thread = NULL;
  GHashTableIter iter;
  gpointer word, reading;

  if (half < texts->len)
    thread = g_thread_new ("rh-analyse", analyse_job, &jobs[1]);
  analyse_job (&jobs[0]);
  if (thread != NULL)
    g_thread_join (thread);

  /* the second half's words the first half lacks */
  g_hash_table_iter_init (&iter, jobs[1].readings);
  while (g_hash_table_iter_next (&iter, &word, &reading))
    if (!g_hash_table_contains (jobs[0].readings, word))
      {
        g_hash_table_iter_steal (&iter);
        g_hash_table_insert (jobs[0].readings, word, reading);
      }
  g_hash_table_unref (jobs[1].readings);

  self->base_forms = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < texts->len; i++)
    if (bases[i] != NULL)
      g_hash_table_insert (self->base_forms, g_ptr_array_index (texts, i), bases[i]);

  return jobs[0].readings;
}

static void
rh_search_index_finalize (GObject *object)
{
  RhSearchIndex *self = RH_SEARCH_INDEX (object);

  g_clear_object (&self->catalog);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->thesaurus, rh_thesaurus_free);
  g_clear_pointer (&self->base_forms, g_hash_table_unref);
  dict_clear (&self->dict);
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

  readings = analyse_content (self);
  if (!(thesaurus = rh_thesaurus_new_from_bytes (synonyms, readings, error)))
    return NULL;
  self->thesaurus = thesaurus;

  build_index (self);

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

  build_word_postings (self);

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
