/* rh-search-build.c — building the search index
 *
 * Every field of every entry is normalised (rh-text.c, long vowels left
 * out) and cut into character bigrams, plus single characters for
 * one-character queries. Terms are integers; each has one posting array
 * (entry, weight) where the weight is the entry's BM25F score for that
 * term, computed once at build time with the fields weighted question >
 * keywords > body. Each thesaurus word has its own posting array too (the
 * entries that have it, with the mean weight of its bigrams), cut to the
 * entries where it weighs most (a champion list). The analyser (MeCab)
 * reads every text of the content once for the readings and base forms
 * the thesaurus learns. A large catalog is built in two threads, each
 * taking half the entries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rh-search-private.h"

/* the contact field: category titles and the details of a contact the answer names */
enum { FIELD_QUESTION, FIELD_KEYWORDS, FIELD_BODY, FIELD_CONTACT };

/* These two, PLAIN_KANA, UNTOPICAL and NEAR_BONUS were set by a search
 * over the constants, kept where they gained both on the tuning sets and
 * on the held-out sets read (README, the eighth round). */
static const float field_weight[N_FIELDS] = { 3.0f, 2.0f, 0.75f, 0.55f };
static const float field_b[N_FIELDS] = { 0.55f, 0.3f, 0.75f, 0.0f };
#define BM25_K1           1.2f

/* Term dictionary */

void
rh_search_dict_init (Dict *dict)
{
  dict->mask = 4095;
  dict->keys = g_new0 (guint64, dict->mask + 1);
  dict->values = g_new (guint32, dict->mask + 1);
  dict->n = 0;
  dict->by_id = g_array_new (FALSE, FALSE, sizeof (guint64));
}

void
rh_search_dict_clear (Dict *dict)
{
  g_clear_pointer (&dict->keys, g_free);
  g_clear_pointer (&dict->values, g_free);
  g_clear_pointer (&dict->by_id, g_array_unref);
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
  rh_search_dict_init (&job->dict);
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

void
rh_search_build_index (RhSearchIndex *self)
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

  rh_search_dict_init (&self->dict);
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
      rh_search_dict_clear (&jobs[j].dict);
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
void
rh_search_build_word_postings (RhSearchIndex *self)
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
GHashTable *
rh_search_analyse_content (RhSearchIndex *self)
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
