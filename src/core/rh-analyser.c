/* rh-analyser.c — readings and base forms of Japanese text, from MeCab
 *
 * The search index needs, for any content it is given, the reading of
 * every kanji word (so ほぞんきかん finds 保存期間) and the base form of
 * every inflected one (so 届かない finds 届く). Both come from MeCab with
 * the IPA dictionary (mecab-ipadic-utf8), whose features are
 * 品詞,細分類1,細分類2,細分類3,活用型,活用形,原形,読み,発音.
 *
 * MeCab is loaded on first use, not at start-up: libmecab itself is
 * opened then (GModule), so the window never maps it and a machine
 * without it still runs the app. Where the library or its dictionary
 * cannot be loaded, the analyser says so once in a warning and gives
 * nothing: the search still works on the text's own bigrams.
 *
 * The model is shared by all threads (MeCab's model and tagger are
 * thread-safe); each call parses in a lattice of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-analyser"

#include "config.h"

#include <gmodule.h>
#include <mecab.h>
#include <string.h>

#include "rh-analyser.h"
#include "rh-text.h"

/* Features of an IPA dictionary entry (0-based). */
#define FEATURE_POS      0
#define FEATURE_BASE     6
#define FEATURE_READING  7

/* MeCab's lattice grows with the text; a field or query longer than this
 * is analysed in its first part only (the bigrams still cover all of it). */
#define MAX_ANALYSED_BYTES (64 * 1024)

typedef struct
{
  mecab_model_t  *model;
  mecab_t        *tagger;
} Analyser;

/* The few functions of libmecab the analyser calls. */
static struct
{
  mecab_model_t   *(*model_new2)              (const char *arg);
  mecab_t         *(*model_new_tagger)        (mecab_model_t *model);
  mecab_lattice_t *(*model_new_lattice)       (mecab_model_t *model);
  void             (*model_destroy)           (mecab_model_t *model);
  const char      *(*strerror)                (mecab_t *mecab);
  int              (*parse_lattice)           (mecab_t *mecab, mecab_lattice_t *lattice);
  void             (*lattice_set_sentence2)   (mecab_lattice_t *lattice, const char *sentence, size_t len);
  mecab_node_t    *(*lattice_get_bos_node)    (mecab_lattice_t *lattice);
  mecab_node_t    *(*lattice_get_begin_nodes) (mecab_lattice_t *lattice, size_t pos);
  const char      *(*lattice_get_sentence)    (mecab_lattice_t *lattice);
  void             (*lattice_destroy)         (mecab_lattice_t *lattice);
} mecab;

static gboolean
open_library (GError **error)
{
  const struct { const char *name; gpointer *symbol; } symbols[] = {
    { "mecab_model_new2", (gpointer *)&mecab.model_new2 },
    { "mecab_model_new_tagger", (gpointer *)&mecab.model_new_tagger },
    { "mecab_model_new_lattice", (gpointer *)&mecab.model_new_lattice },
    { "mecab_model_destroy", (gpointer *)&mecab.model_destroy },
    { "mecab_strerror", (gpointer *)&mecab.strerror },
    { "mecab_parse_lattice", (gpointer *)&mecab.parse_lattice },
    { "mecab_lattice_set_sentence2", (gpointer *)&mecab.lattice_set_sentence2 },
    { "mecab_lattice_get_bos_node", (gpointer *)&mecab.lattice_get_bos_node },
    { "mecab_lattice_get_begin_nodes", (gpointer *)&mecab.lattice_get_begin_nodes },
    { "mecab_lattice_get_sentence", (gpointer *)&mecab.lattice_get_sentence },
    { "mecab_lattice_destroy", (gpointer *)&mecab.lattice_destroy },
  };
  const char *path = g_getenv (RH_ANALYSER_ENV_LIBRARY);
  GModule *module;

  if (path == NULL || *path == '\0')
    path = RH_MECAB_LIBRARY;
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s", g_module_error ());
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (!g_module_symbol (module, symbols[i].name, symbols[i].symbol) || *symbols[i].symbol == NULL)
      {
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "%s: no %s", path, symbols[i].name);
        g_module_close (module);
        return FALSE;
      }
  /* for the life of the process: the model and its lattices live in it */
  g_module_make_resident (module);
  return TRUE;
}

static Analyser *
analyser_load (void)
{
  const char *dicdir = g_getenv (RH_ANALYSER_ENV_DICDIR);
  g_autofree char *args = NULL;
  g_autoptr(GError) error = NULL;
  Analyser *analyser = g_new0 (Analyser, 1);

  if (dicdir == NULL || *dicdir == '\0')
    dicdir = RH_MECAB_DICDIR;

  if (!open_library (&error))
    {
      g_warning ("The Japanese analyser (MeCab) could not be loaded: %s; "
                 "search works on characters only, without readings and base forms", error->message);
      return analyser;
    }

  /* No mecabrc of the system: the dictionary is ours to choose, and a
   * missing /etc/mecabrc must not stop the search. */
  args = g_strdup_printf ("mecab -r /dev/null -d %s", dicdir);
  analyser->model = mecab.model_new2 (args);
  if (analyser->model != NULL)
    analyser->tagger = mecab.model_new_tagger (analyser->model);
  if (analyser->tagger == NULL)
    {
      g_warning ("The Japanese analyser (MeCab, dictionary %s) could not be loaded: %s; "
                 "search works on characters only, without readings and base forms",
                 dicdir, mecab.strerror (NULL));
      g_clear_pointer (&analyser->model, mecab.model_destroy);
    }
  else
    g_debug ("MeCab loaded, dictionary %s", dicdir);

  return analyser;
}

static Analyser *
analyser_get (void)
{
  static gsize once = 0;
  static Analyser *analyser = NULL;

  if (g_once_init_enter (&once))
    {
      analyser = analyser_load ();
      g_once_init_leave (&once, 1);
    }
  return analyser->tagger != NULL ? analyser : NULL;
}

gboolean
rh_analyser_is_available (void)
{
  return analyser_get () != NULL;
}

/* Field @n of a node's CSV features, or NULL where it is missing or "*". */
static gboolean
feature (const mecab_node_t *node,
         guint               n,
         const char        **start,
         gsize              *len)
{
  const char *p = node->feature;

  for (guint i = 0; i < n && p != NULL; i++)
    {
      p = strchr (p, ',');
      if (p != NULL)
        p++;
    }
  if (p == NULL)
    return FALSE;
  *start = p;
  *len = strcspn (p, ",");
  return *len > 0 && !(*len == 1 && *p == '*');
}

/* Whether field @n of a node's features is @wanted. */
static gboolean
feature_is (const mecab_node_t *node,
            guint               n,
            const char         *wanted)
{
  const char *field;
  gsize len;

  return feature (node, n, &field, &len) && len == strlen (wanted) && memcmp (field, wanted, len) == 0;
}

/* Whether @node's part of speech is @wanted (名詞, 動詞, …). */
static gboolean
is_pos (const mecab_node_t *node,
        const char         *wanted)
{
  return feature_is (node, FEATURE_POS, wanted);
}

static gboolean
has_kanji (const char *text,
           gsize       len)
{
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
    if (rh_text_is_kanji (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_inflecting (const mecab_node_t *node)
{
  return is_pos (node, "動詞") || is_pos (node, "形容詞");
}

/* The base form of @node where it differs from what was written. */
static gboolean
base_form (const mecab_node_t *node,
           const char        **base,
           gsize              *len)
{
  return is_inflecting (node) &&
         feature (node, FEATURE_BASE, base, len) &&
         !(*len == node->length && memcmp (*base, node->surface, *len) == 0);
}

/* Parses @text into a new lattice; NULL without an analyser or text. */
static mecab_lattice_t *
parse (const char *text,
       gssize      len)
{
  Analyser *analyser = analyser_get ();
  mecab_lattice_t *lattice;
  gsize n = len < 0 ? strlen (text) : (gsize)len;

  if (analyser == NULL || n == 0)
    return NULL;
  if (n > MAX_ANALYSED_BYTES)
    n = g_utf8_find_prev_char (text, text + MAX_ANALYSED_BYTES + 1) - text;

  lattice = mecab.model_new_lattice (analyser->model);
  mecab.lattice_set_sentence2 (lattice, text, n);
  if (!mecab.parse_lattice (analyser->tagger, lattice))
    {
      mecab.lattice_destroy (lattice);
      return NULL;
    }
  return lattice;
}

static gboolean
is_noun (const mecab_node_t *node)
{
  return is_pos (node, "名詞") || is_pos (node, "接頭詞");
}

/* @readings holds a word's readings one a line: the dictionary may have
 * several (通帳 カヨイチョウ and ツウチョウ), and a clerk may type any. */
/* Three characters or more of katakana, Latin letters or digits, with at
 * least one that is not a digit. */
static gboolean
is_spelt_out (const mecab_node_t *node)
{
  guint n = 0;
  gboolean letter = FALSE;

  for (const char *p = node->surface; p < node->surface + node->length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      gboolean katakana = (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC;
      gboolean latin = c < 0x80 ? g_ascii_isalnum (c) : (c >= 0xFF10 && c <= 0xFF5A && g_unichar_isalnum (c));

      if (!katakana && !latin)
        return FALSE;
      letter |= !g_unichar_isdigit (c);
      n++;
    }
  return n >= 3 && letter;
}

static void
add_reading (GHashTable *readings,
             const char *word,
             gsize       word_len,
             const char *reading,
             gsize       reading_len)
{
  g_autofree char *key = g_strndup (word, word_len);
  const char *known = g_hash_table_lookup (readings, key);
  char *value;

  if (known == NULL)
    value = g_strndup (reading, reading_len);
  else
    {
      g_auto(GStrv) lines = g_strsplit (known, "\n", -1);
      g_autofree char *wanted = g_strndup (reading, reading_len);

      if (g_strv_contains ((const char * const *)lines, wanted))
        return;
      value = g_strdup_printf ("%s\n%.*s", known, (int)reading_len, reading);
    }
  g_hash_table_insert (readings, g_steal_pointer (&key), value);
}

/* Every reading the dictionary has for the word of @node as written, not
 * only the one the best path took (張: はり and ちょう), each once. */
static GPtrArray *
node_readings (mecab_lattice_t    *lattice,
               const mecab_node_t *node)
{
  GPtrArray *readings = g_ptr_array_new_with_free_func (g_free);
  const char *sentence = mecab.lattice_get_sentence (lattice);
  /* (the lattice lists a word where the space before it begins) */
  gsize at = node->surface - sentence - (node->rlength - node->length);

  for (const mecab_node_t *other = mecab.lattice_get_begin_nodes (lattice, at); other != NULL; other = other->bnext)
    {
      const char *reading;
      gsize reading_len;
      char *copy;

      if (other->length != node->length || other->stat != MECAB_NOR_NODE ||
          !feature (other, FEATURE_READING, &reading, &reading_len))
        continue;
      copy = g_strndup (reading, reading_len);
      if (g_ptr_array_find_with_equal_func (readings, copy, g_str_equal, NULL))
        g_free (copy);
      else
        g_ptr_array_add (readings, copy);
    }
  return readings;
}

static void
add_readings (GHashTable         *readings,
              mecab_lattice_t    *lattice,
              const mecab_node_t *node)
{
  g_autoptr(GPtrArray) all = node_readings (lattice, node);

  for (guint i = 0; i < all->len; i++)
    add_reading (readings, node->surface, node->length, all->pdata[i], strlen (all->pdata[i]));
}

/* A noun after a prefix is a word with it (入|出金, 再|発行, 未|着): the
 * two read together. */
static void
add_prefixed_reading (GHashTable         *readings,
                      const mecab_node_t *node,
                      const char         *reading,
                      gsize               reading_len)
{
  const mecab_node_t *prev = node->prev;
  const char *prefix_reading;
  gsize prefix_len;
  g_autoptr(GString) word = NULL;
  g_autoptr(GString) both = NULL;

  if (prev == NULL || prev->stat == MECAB_BOS_NODE || !is_noun (node) || !is_pos (prev, "接頭詞") ||
      prev->rlength != prev->length || node->rlength != node->length ||
      !feature (prev, FEATURE_READING, &prefix_reading, &prefix_len))
    return;
  word = g_string_new_len (prev->surface, prev->length);
  g_string_append_len (word, node->surface, node->length);
  both = g_string_new_len (prefix_reading, prefix_len);
  g_string_append_len (both, reading, reading_len);
  add_reading (readings, word->str, word->len, both->str, both->len);
}

/* The base form's reading from the written form's: 届か トドカ → 届く
 * トドク. The written form and its base share a stem and differ in kana
 * after it, which the reading ends with (a kana is one katakana). */
static void
add_base_reading (GHashTable         *readings,
                  const mecab_node_t *node,
                  const char         *reading,
                  gsize               reading_len)
{
  const char *base;
  gsize base_len;
  gsize stem = 0;
  glong tail;
  const char *cut;
  g_autoptr(GString) out = NULL;

  if (!base_form (node, &base, &base_len))
    return;
  while (stem < MIN (base_len, node->length) && base[stem] == node->surface[stem])
    stem++;
  while (stem > 0 && (base[stem] & 0xC0) == 0x80)   /* back to a character's start */
    stem--;
  if (has_kanji (node->surface + stem, node->length - stem) ||
      has_kanji (base + stem, base_len - stem))
    return;

  tail = g_utf8_strlen (node->surface + stem, node->length - stem);
  if (tail > g_utf8_strlen (reading, reading_len))
    return;
  cut = g_utf8_offset_to_pointer (reading + reading_len, -tail);
  out = g_string_new_len (reading, cut - reading);
  for (const char *p = base + stem; p < base + base_len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* in katakana, as the dictionary spells readings */
      g_string_append_unichar (out, c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c);
    }
  add_reading (readings, base, base_len, out->str, out->len);
}

/* The noun that business Japanese writes in kanji alone for a compound
 * verb (引き落とす, 引き落とし → 引落; 振り込む → 振込; 取り消し → 取消):
 * kanji, one or two hiragana, kanji, and hiragana to the end. Appended
 * to @out, a line of its own; nothing for any other word. */
static void
append_kanji_only (GString    *out,
                   const char *word,
                   gsize       len)
{
  g_autoptr(GString) kanji = g_string_new (NULL);
  guint run = 0;      /* 0 kanji, 1 kana, 2 kanji, 3 kana */
  guint kana = 0;     /* in the first run of kana */

  if (len == 0 || !rh_text_is_kanji (g_utf8_get_char (word)))
    return;
  for (const char *p = word; p < word + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean is_kanji = rh_text_is_kanji (c);

      if (!is_kanji && !(c >= 0x3041 && c <= 0x3096))
        return;
      if (run % 2 != (is_kanji ? 0 : 1))
        run++;
      if (is_kanji)
        g_string_append_unichar (kanji, c);
      else if (run == 1 && ++kana > 2)
        return;
    }
  if (run != 2 && run != 3)
    return;
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_len (out, kanji->str, kanji->len);
}

void
rh_analyser_collect_readings (const char  *text,
                              GHashTable  *readings,
                              char       **base_forms)
{
  mecab_lattice_t *lattice;
  g_autoptr(GString) run = g_string_new (NULL);
  g_autoptr(GString) run_reading = g_string_new (NULL);
  guint run_words = 0;
  gboolean run_kanji = FALSE;

  g_autoptr(GString) bases = g_string_new (NULL);

  g_return_if_fail (text != NULL);
  g_return_if_fail (readings != NULL);

  if (base_forms != NULL)
    *base_forms = NULL;
  lattice = parse (text, -1);
  if (lattice == NULL)
    return;

  for (const mecab_node_t *node = mecab.lattice_get_bos_node (lattice); node != NULL; node = node->next)
    {
      const char *reading = NULL;
      gsize reading_len = 0;
      gboolean kanji = node->stat != MECAB_BOS_NODE && node->stat != MECAB_EOS_NODE &&
                       has_kanji (node->surface, node->length);
      gboolean read = kanji && feature (node, FEATURE_READING, &reading, &reading_len);

      /* a word of katakana or letters (バックアップ, CSV) is a word too,
       * read as written */
      if (!kanji && (node->stat == MECAB_NOR_NODE || node->stat == MECAB_UNK_NODE) && is_noun (node) &&
          is_spelt_out (node))
        add_reading (readings, node->surface, node->length, node->surface, node->length);

      if (read)
        {
          const char *base;
          gsize base_len;

          add_prefixed_reading (readings, node, reading, reading_len);
          add_reading (readings, node->surface, node->length, reading, reading_len);
          add_readings (readings, lattice, node);
          add_base_reading (readings, node, reading, reading_len);
          if (base_form (node, &base, &base_len))
            {
              if (bases->len > 0)
                g_string_append_c (bases, '\n');
              g_string_append_len (bases, base, base_len);
              append_kanji_only (bases, base, base_len);
            }
          else
            append_kanji_only (bases, node->surface, node->length);
        }

      /* a run of nouns, all read, is a word too (保存 期間) */
      if (node->stat != MECAB_EOS_NODE && node->rlength == node->length && run_words > 0 &&
          is_noun (node) && (read || (!kanji && feature (node, FEATURE_READING, &reading, &reading_len))))
        {
          g_string_append_len (run, node->surface, node->length);
          g_string_append_len (run_reading, reading, reading_len);
          run_words++;
          run_kanji |= kanji;
          continue;
        }
      if (run_words > 1 && run_kanji)
        add_reading (readings, run->str, run->len, run_reading->str, run_reading->len);

      run_words = 0;
      run_kanji = kanji;
      g_string_truncate (run, 0);
      g_string_truncate (run_reading, 0);
      if (node->stat != MECAB_BOS_NODE && node->stat != MECAB_EOS_NODE && is_noun (node) &&
          (read || feature (node, FEATURE_READING, &reading, &reading_len)))
        {
          g_string_append_len (run, node->surface, node->length);
          g_string_append_len (run_reading, reading, reading_len);
          run_words = 1;
        }
    }
  mecab.lattice_destroy (lattice);

  if (base_forms != NULL && bases->len > 0)
    *base_forms = g_string_free (g_steal_pointer (&bases), FALSE);
}

char *
rh_analyser_dup_reading (const char *word)
{
  mecab_lattice_t *lattice;
  g_autoptr(GString) reading = NULL;
  gboolean kanji = FALSE;

  g_return_val_if_fail (word != NULL, NULL);

  lattice = parse (word, -1);
  if (lattice == NULL)
    return NULL;

  reading = g_string_new (NULL);
  for (const mecab_node_t *node = mecab.lattice_get_bos_node (lattice); node != NULL; node = node->next)
    {
      const char *form;
      gsize form_len;

      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
        continue;
      if (!feature (node, FEATURE_READING, &form, &form_len))
        {
          mecab.lattice_destroy (lattice);
          return NULL;
        }
      kanji |= has_kanji (node->surface, node->length);
      g_string_append_len (reading, form, form_len);
    }
  mecab.lattice_destroy (lattice);

  if (!kanji)
    return NULL;
  return g_string_free (g_steal_pointer (&reading), FALSE);
}

void
rh_analyser_token_clear (gpointer token)
{
  g_clear_pointer (&((RhAnalyserToken *)token)->base, g_free);
}

/* When, how often, how soon (去年, 何回, 至急, 毎月): no topic of the
 * query, though written in kanji. A suffix of one character (回 of 何回)
 * counts with its number. */
static gboolean
is_small_talk (const mecab_node_t *node)
{
  if (is_pos (node, "副詞"))
    return TRUE;
  return is_pos (node, "名詞") &&
         (feature_is (node, FEATURE_POS + 1, "副詞可能") || feature_is (node, FEATURE_POS + 1, "数") ||
          (feature_is (node, FEATURE_POS + 1, "接尾") && node->length <= 3));
}

/* A noun written between two nouns, with no space, is a part of their
 * compound (振込|以来|書: the input method's 以来 for 依頼), not small
 * talk of its own. */
static gboolean
inside_compound (const mecab_node_t *node)
{
  const mecab_node_t *prev = node->prev, *next = node->next;

  return prev != NULL && next != NULL && prev->stat != MECAB_BOS_NODE && next->stat != MECAB_EOS_NODE &&
         is_pos (prev, "名詞") && is_pos (next, "名詞") &&
         node->rlength == node->length && next->rlength == next->length;
}

/* Whether @node is a word with something other than hiragana in it. */
static gboolean
is_written_word (const mecab_node_t *node)
{
  for (const char *p = node->surface; p < node->surface + node->length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!(c >= 0x3041 && c <= 0x309F) && g_unichar_isalnum (c))
        return TRUE;
    }
  return FALSE;
}

static void
destroy_lattice (gpointer lattice)
{
  mecab.lattice_destroy (lattice);
}

/* A query's lattice is kept for the thread's next query: making one costs
 * more than parsing a query. */
static GPrivate query_lattice = G_PRIVATE_INIT (destroy_lattice);

#define MAX_RUN_SOUNDS 8

/* Each sound of @sounds followed by each reading of the word of @node,
 * at most MAX_RUN_SOUNDS in all, each once. */
static void
extend_sounds (mecab_lattice_t    *lattice,
               const mecab_node_t *node,
               GPtrArray          *sounds)
{
  g_autoptr(GPtrArray) readings = node_readings (lattice, node);
  g_autoptr(GPtrArray) longer = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < sounds->len; k++)
    for (guint r = 0; r < readings->len && longer->len < MAX_RUN_SOUNDS; r++)
      {
        char *sound = g_strconcat (sounds->pdata[k], readings->pdata[r], NULL);

        if (g_ptr_array_find_with_equal_func (longer, sound, g_str_equal, NULL))
          g_free (sound);
        else
          g_ptr_array_add (longer, sound);
      }

  g_ptr_array_set_size (sounds, 0);
  g_ptr_array_extend_and_steal (sounds, g_steal_pointer (&longer));
}

/* A run of nouns typed together with a kanji in it (通張, 解役, 以来書)
 * also has the sounds of the whole: the input method's wrong kanji for a
 * word of the content (通帳, 解約, 依頼書), which its parts alone do not
 * spell. Each is a token of @runs. */
static void
add_noun_runs (mecab_lattice_t *lattice,
               const char      *sentence,
               GArray          *runs)
{
  g_autoptr(GPtrArray) sounds = g_ptr_array_new_with_free_func (g_free);
  const mecab_node_t *first = NULL, *last = NULL;
  guint n_nodes = 0;
  gboolean kanji = FALSE;

  for (const mecab_node_t *node = mecab.lattice_get_bos_node (lattice); node != NULL; node = node->next)
    {
      const char *reading;
      gsize reading_len;
      gboolean noun = node->stat != MECAB_BOS_NODE && node->stat != MECAB_EOS_NODE && is_noun (node) &&
                      feature (node, FEATURE_READING, &reading, &reading_len);

      /* a space the clerk typed, or no noun: the run ends */
      if (first != NULL && (!noun || node->rlength != node->length))
        {
          for (guint k = 0; n_nodes >= 2 && kanji && k < sounds->len; k++)
            {
              RhAnalyserToken token = { first->surface - sentence, last->surface - sentence + last->length,
                                        RH_ANALYSER_SOUND, g_strdup (g_ptr_array_index (sounds, k)) };

              g_array_append_val (runs, token);
            }
          first = NULL;
        }
      if (!noun)
        continue;
      if (first == NULL)
        {
          first = node;
          n_nodes = 0;
          kanji = FALSE;
          g_ptr_array_set_size (sounds, 0);
          g_ptr_array_add (sounds, g_strdup (""));
        }
      last = node;
      n_nodes++;
      kanji |= has_kanji (node->surface, node->length);
      extend_sounds (lattice, node, sounds);
    }
}

void
rh_analyser_analyse_query (const char *text,
                           GArray     *tokens,
                           GArray     *runs)
{
  Analyser *analyser = analyser_get ();
  mecab_lattice_t *lattice;
  const char *sentence;
  gboolean after_word = FALSE;   /* grammar follows a word of the query */
  gsize n;

  g_return_if_fail (text != NULL);
  g_return_if_fail (tokens != NULL);

  n = strlen (text);
  if (analyser == NULL || n == 0)
    return;
  if (n > MAX_ANALYSED_BYTES)
    n = g_utf8_find_prev_char (text, text + MAX_ANALYSED_BYTES + 1) - text;
  lattice = g_private_get (&query_lattice);
  if (lattice == NULL)
    {
      lattice = mecab.model_new_lattice (analyser->model);
      g_private_set (&query_lattice, lattice);
    }
  mecab.lattice_set_sentence2 (lattice, text, n);
  if (!mecab.parse_lattice (analyser->tagger, lattice))
    return;
  sentence = mecab.lattice_get_sentence (lattice);

  for (const mecab_node_t *node = mecab.lattice_get_bos_node (lattice); node != NULL; node = node->next)
    {
      RhAnalyserToken token = { node->surface - sentence, node->surface - sentence + node->length, };
      const char *base;
      gsize base_len;

      if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE)
        continue;
      if ((after_word && (is_pos (node, "助詞") || is_pos (node, "助動詞"))) ||
          (is_small_talk (node) && !inside_compound (node)))
        {
          token.kind = RH_ANALYSER_GRAMMAR;
          g_array_append_val (tokens, token);
          continue;
        }
      /* a name the dictionary knows; it calls every word it does not
       * know, xyz as well, a proper noun */
      if (node->stat == MECAB_NOR_NODE && is_pos (node, "名詞") && feature_is (node, FEATURE_POS + 1, "固有名詞"))
        {
          token.kind = RH_ANALYSER_NAME;
          /* a person's title written after the name is a part of it
           * (山田部長, 佐藤課長) */
          if (feature_is (node, FEATURE_POS + 2, "人名") && node->next != NULL &&
              node->next->stat == MECAB_NOR_NODE && node->next->rlength == node->next->length &&
              is_pos (node->next, "名詞") && feature_is (node->next, FEATURE_POS + 1, "一般"))
            {
              node = node->next;
              token.end = node->surface - sentence + node->length;
            }
          g_array_append_val (tokens, token);
          after_word = TRUE;
          continue;
        }
      /* 打刻が|でき|ない: a verb after a word's grammar is followed by
       * grammar too */
      after_word = is_written_word (node) || (after_word && is_pos (node, "動詞"));
      /* a verb typed in kana before converting (まちがえた, わすれた) is
       * read as one in kanji; but for the short ones that are mostly
       * grammar (する, なる, いる) */
      if (base_form (node, &base, &base_len) &&
          (has_kanji (node->surface, node->length) || g_utf8_strlen (base, base_len) >= 3))
        {
          token.kind = RH_ANALYSER_INFLECTED;
          token.base = g_strndup (base, base_len);
          g_array_append_val (tokens, token);
        }
      else if (has_kanji (node->surface, node->length) && is_noun (node) &&
               feature (node, FEATURE_READING, &base, &base_len))
        {
          token.kind = RH_ANALYSER_SOUND;
          token.base = g_strndup (base, base_len);
          g_array_append_val (tokens, token);
        }
    }
  if (runs != NULL)
    add_noun_runs (lattice, sentence, runs);
}
