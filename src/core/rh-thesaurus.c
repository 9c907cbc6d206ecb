/* rh-thesaurus.c — the search thesaurus (data/synonyms.json)
 *
 * The thesaurus is content: groups of words a clerk may use for the same
 * thing, and the hiragana readings of kanji words (so ざいけい finds
 * 財形). Terms are kept normalised (rh-text.c) as characters; a query is
 * scanned for every term it contains, exactly or with one wrong, missing,
 * extra or swapped character.
 *
 * {
 *   "schema": 1,
 *   "groups": [ { "topic": "…", "terms": [ "パソコン", "PC", … ] }, … ],
 *   (a group may have "weight": 0…1, and "generic": true for words like
 *   変更 or 忘れた that name no topic: a query of such words alone, around
 *   words the help does not know, finds nothing; and "service": "ib" for
 *   words that name a service of the catalog: its entries come first;
 *   with "service_name": true as well, the group names the service itself
 *   and no topic of it: ネットバンキングのメールアドレス変更 finds nothing;
 *   "small_talk": true for words that say how the clerk asks, not what
 *   (至急, 急ぎ): the query is read without them, as its grammar is)
 *   "readings": { "財形": "ざいけい", "失念": [ "しつねん", "しったい" ], … }
 * }
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-thesaurus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "rh-search-index.h"
#include "rh-text.h"
#include "rh-analyser.h"
#include "rh-thesaurus-private.h"

#define GROUP_WEIGHT    0.9f
#define READING_WEIGHT  1.0f
#define MIN_READING_LEN 3       /* kana, of a reading from the analyser */
#define FUZZY_FACTOR    0.75f
#define MIN_FUZZY_LEN   4
#define MAX_TERM_LEN    48
#define MAX_FUZZY_LEN   10
#define MAX_FUZZY_QUERY 24
#define MIN_PREFIX_LEN  3       /* a word being typed: at least this much of it… */
#define MAX_PREFIX_TERMS 8      /* …standing for at most this many words */
#define PREFIX_FACTOR   0.8f

/* A small open-addressing map from the hash of a character string to a
 * chain of nodes; callers check each node against the string. */
typedef struct
{
  guint64 hash;
  guint32 first;   /* node index + 1; 0 = empty slot */
} Slot;

typedef struct
{
  guint32 next;    /* node index + 1 */
  guint32 term;
  guint32 extra;   /* prefix length or deleted position */
} Node;

typedef struct
{
  Slot   *slots;
  guint   mask;
  GArray *nodes;
} SliceMap;

typedef struct
{
  guint offset;    /* into chars */
  guint len;
  guint alt_offset;
  guint n_alts;
  gboolean generic;  /* only in groups of words that say little on their own */
  gboolean service_name;  /* names a service, and no topic of it */
  const char *service;  /* interned: the service the term names, or NULL */
  gboolean exact_only;  /* a word of the content the analyser read: no near matches */
  gboolean alone;       /* of a group of words "alone": a whole word, not its parts */
  gboolean small_talk;  /* of a group of "small_talk": says how, not what (至急) */
} Term;

struct _RhThesaurus
{
  GArray     *chars;      /* gunichar pool */
  GArray     *terms;      /* Term */
  GArray     *alts;       /* RhThesaurusAlt pool */
  SliceMap    exact;      /* whole terms */
  SliceMap    prefixes;   /* every prefix of every term */
  SliceMap    deletions;  /* terms of MIN_FUZZY_LEN+ with one character removed */
  guint       max_len;
};

static guint64
hash_chars (const gunichar *c,
            guint           len,
            guint           skip)
{
  guint64 h = 0xcbf29ce484222325ull;

  for (guint i = 0; i < len; i++)
    {
      if (i == skip)
        continue;
      h ^= c[i];
      h *= 0x100000001b3ull;
    }

  return h | 1;
}

static void
slice_map_init (SliceMap *map,
                guint     n)
{
  guint size = 64;

  while (size < n * 2)
    size <<= 1;

  map->slots = g_new0 (Slot, size);
  map->mask = size - 1;
  map->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
}

static void
slice_map_clear (SliceMap *map)
{
  g_clear_pointer (&map->slots, g_free);
  g_clear_pointer (&map->nodes, g_array_unref);
}

static Slot *
slice_map_slot (SliceMap *map,
                guint64   hash)
{
  guint i = (guint)(hash ^ (hash >> 29)) & map->mask;

  while (map->slots[i].first != 0 && map->slots[i].hash != hash)
    i = (i + 1) & map->mask;

  return &map->slots[i];
}

static void
slice_map_add (SliceMap *map,
               guint64   hash,
               guint     term,
               guint     extra)
{
  Slot *slot = slice_map_slot (map, hash);
  Node node = { slot->first, term, extra };

  g_array_append_val (map->nodes, node);
  slot->hash = hash;
  slot->first = map->nodes->len;
}

static const Node *
slice_map_first (SliceMap *map,
                 guint64   hash)
{
  Slot *slot = slice_map_slot (map, hash);

  return slot->first ? &g_array_index (map->nodes, Node, slot->first - 1) : NULL;
}

static const Node *
slice_map_next (SliceMap   *map,
                const Node *node)
{
  return node->next ? &g_array_index (map->nodes, Node, node->next - 1) : NULL;
}

static const gunichar *
term_chars (RhThesaurus *self,
            guint        term,
            guint       *len)
{
  const Term *t = &g_array_index (self->terms, Term, term);

  *len = t->len;
  return &g_array_index (self->chars, gunichar, t->offset);
}

/* Equal when @a with position @skip_a left out equals @b with @skip_b left
 * out (G_MAXUINT: nothing left out). */
static gboolean
chars_equal (const gunichar *a,
             guint           len_a,
             guint           skip_a,
             const gunichar *b,
             guint           len_b,
             guint           skip_b)
{
  guint i = 0, j = 0;

  if (len_a - (skip_a < len_a) != len_b - (skip_b < len_b))
    return FALSE;

  while (i < len_a && j < len_b)
    {
      if (i == skip_a)
        {
          i++;
          continue;
        }
      if (j == skip_b)
        {
          j++;
          continue;
        }
      if (a[i] != b[j])
        return FALSE;
      i++;
      j++;
    }

  return TRUE;
}

guint
rh_text_strip_long_vowels (GArray *chars,
                           GArray *offsets,
                           guint   from)
{
  gunichar *c = (gunichar *)(void *)chars->data;
  guint out = from;

  for (guint i = from; i < chars->len; i++)
    {
      if (c[i] == RH_TEXT_LONG_VOWEL)
        continue;
      if (out != i)
        {
          c[out] = c[i];
          if (offsets != NULL)
            g_array_index (offsets, RhTextRange, out) = g_array_index (offsets, RhTextRange, i);
        }
      out++;
    }

  g_array_set_size (chars, out);
  if (offsets != NULL)
    g_array_set_size (offsets, out);

  return out;
}

/* Normalised, long vowels dropped: the form terms are matched in. */
static guint
intern_term (RhThesaurus *self,
             GHashTable  *by_text,
             const char  *word)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autofree char *key = NULL;
  gpointer found;
  Term term = { 0, };

  rh_text_normalize_append (word, -1, chars, NULL);
  rh_text_strip_long_vowels (chars, NULL, 0);
  if (chars->len == 0 || chars->len > MAX_TERM_LEN)
    return G_MAXUINT;

  key = g_ucs4_to_utf8 ((gunichar *)(void *)chars->data, chars->len, NULL, NULL, NULL);
  if (key == NULL)
    return G_MAXUINT;
  if (g_hash_table_lookup_extended (by_text, key, NULL, &found))
    return GPOINTER_TO_UINT (found);

  term.offset = self->chars->len;
  term.len = chars->len;
  g_array_append_vals (self->chars, chars->data, chars->len);
  g_array_append_val (self->terms, term);
  g_hash_table_insert (by_text, g_steal_pointer (&key), GUINT_TO_POINTER (self->terms->len - 1));

  return self->terms->len - 1;
}

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError     **error,
             const char  *format,
             ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, RH_SEARCH_ERROR, RH_SEARCH_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_all_hiragana (const char *text)
{
  g_autofree char *norm = rh_text_normalize (text);

  if (*norm == '\0')
    return FALSE;

  for (const char *p = norm; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!((c >= 0x3041 && c <= 0x309F) || c == RH_TEXT_LONG_VOWEL))
        return FALSE;
    }

  return TRUE;
}

enum { GROUP_SPECIFIC, GROUP_GENERIC, GROUP_READING, GROUP_SERVICE_NAME };

/* A reading group: @word_term and its readings @pair (word first); each
 * reading joins every group of its word too. */
static void
add_reading_group (GPtrArray *groups,
                   GArray    *weights,
                   GArray    *kinds,
                   GPtrArray *services,
                   GArray    *pair)
{
  guint word_term = g_array_index (pair, guint, 0);
  guint n_groups = groups->len;
  float weight = READING_WEIGHT;
  guint8 kind = GROUP_READING;

  for (guint j = 1; j < pair->len; j++)
    {
      guint term = g_array_index (pair, guint, j);

      for (guint g = 0; g < n_groups; g++)
        {
          GArray *group = g_ptr_array_index (groups, g);

          for (guint k = 0; k < group->len; k++)
            if (g_array_index (group, guint, k) == word_term)
              {
                g_array_append_val (group, term);
                break;
              }
        }
    }

  g_ptr_array_add (groups, pair);
  g_array_append_val (weights, weight);
  g_array_append_val (kinds, kind);
  g_ptr_array_add (services, NULL);
}

/* A thesaurus word is read as a whole (口座開設 こうざかいせつ, not こうざ:
 * the parts of a word no entry has must not explain a question). */
static void
add_term_reading (GHashTable *readings,
                  const char *word)
{
  char *reading;

  if (g_hash_table_contains (readings, word) || (reading = rh_analyser_dup_reading (word)) == NULL)
    return;
  g_hash_table_insert (readings, g_strdup (word), reading);
}

/* The synonyms file's own "readings": only for words the dictionary
 * lacks or reads otherwise. @read gets every word read there. */
static gboolean
parse_readings (RhThesaurus  *self,
                JsonNode     *node,
                GHashTable   *by_text,
                GPtrArray    *groups,
                GArray       *weights,
                GArray       *kinds,
                GPtrArray    *services,
                GHashTable   *read,
                GError      **error)
{
  JsonObject *readings;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return set_invalid (error, _("“readings” in the synonyms file must be an object"));
  readings = json_node_get_object (node);

  members = json_object_get_members (readings);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *word = l->data;
      JsonNode *value = json_object_get_member (readings, word);
      g_autoptr(GPtrArray) kana = g_ptr_array_new ();
      g_autoptr(GArray) pair = NULL;
      guint word_term = intern_term (self, by_text, word);

      if (word_term == G_MAXUINT)
        return set_invalid (error, _("The reading entry “%s” is empty or too long"), word);

      /* {"kana": …, "why": "what the dictionary lacks"}: a reading by
       * hand must say why the analyser's is not enough */
      if (JSON_NODE_HOLDS_OBJECT (value))
        {
          JsonNode *why = json_object_get_member (json_node_get_object (value), "why");

          if (why == NULL || !JSON_NODE_HOLDS_VALUE (why) || json_node_get_value_type (why) != G_TYPE_STRING ||
              *json_node_get_string (why) == '\0')
            return set_invalid (error, _("The reading of “%s” does not say why the dictionary’s is not enough"), word);
          value = json_object_get_member (json_node_get_object (value), "kana");
          if (value == NULL)
            return set_invalid (error, _("The reading of “%s” must be a string or a list of strings"), word);
        }

      if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
        g_ptr_array_add (kana, (gpointer)json_node_get_string (value));
      else if (JSON_NODE_HOLDS_ARRAY (value))
        {
          JsonArray *list = json_node_get_array (value);

          for (guint j = 0; j < json_array_get_length (list); j++)
            {
              JsonNode *item = json_array_get_element (list, j);

              if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
                return set_invalid (error, _("A reading of “%s” is not a string"), word);
              g_ptr_array_add (kana, (gpointer)json_node_get_string (item));
            }
        }

      if (kana->len == 0)
        return set_invalid (error, _("The reading of “%s” must be a string or a list of strings"), word);

      pair = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (pair, word_term);
      for (guint j = 0; j < kana->len; j++)
        {
          const char *reading = g_ptr_array_index (kana, j);
          guint term;

          if (!is_all_hiragana (reading))
            return set_invalid (error, _("The reading “%s” of “%s” is not written in kana"), reading, word);
          term = intern_term (self, by_text, reading);
          if (term == G_MAXUINT)
            return set_invalid (error, _("The reading “%s” of “%s” is too long"), reading, word);
          g_array_append_val (pair, term);
        }

      g_hash_table_add (read, GUINT_TO_POINTER (word_term + 1));
      add_reading_group (groups, weights, kinds, services, g_steal_pointer (&pair));
    }

  return TRUE;
}

/* A word of the content written without kanji (the analyser gives it as
 * its own reading), three characters or more as matched. */
static gboolean
is_spelt_word (const char *word)
{
  g_autofree char *norm = rh_text_normalize (word);

  return g_utf8_strlen (norm, -1) >= MIN_READING_LEN;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* @readings of @word (one a line), with the ways a clerk may type them
 * that the dictionary does not spell: romaji without long vowels (nyukin
 * for にゅうきん) and the names of the letters of an abbreviation (ゆー
 * えすびー for USB). */
static GStrv
more_readings (const char *word,
               const char *readings)
{
  g_auto(GStrv) lines = g_strsplit (readings, "\n", -1);
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  g_autofree char *letters = rh_text_dup_letter_names (word);

  g_strv_builder_addv (all, (const char **)lines);
  if (letters != NULL)
    g_strv_builder_add (all, letters);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      g_autofree char *shorter = rh_text_dup_short_vowels (lines[k]);

      if (shorter != NULL)
        g_strv_builder_add (all, shorter);
    }
  return g_strv_builder_end (all);
}

/* The readings the analyser gave for the words of the content and of the
 * thesaurus (@extra: word → reading; @in_content: words of the entries),
 * as reading groups (@n_own: the terms of the file come first), in a stable
 * order; but not of a word read by hand, a word of one character (日 has
 * many readings), one read as written, or a reading of two kana (いか of
 * 以下 is in too many questions of other things: がいかよきん). */
static void
add_analysed_readings (RhThesaurus *self,
                       GHashTable  *by_text,
                       GPtrArray   *groups,
                       GArray      *weights,
                       GArray      *kinds,
                       GPtrArray   *services,
                       GHashTable  *read,
                       guint        n_own,
                       GHashTable  *extra,
                       gboolean     in_content)
{
  g_autofree gpointer *words = NULL;
  guint n = 0;

  words = g_hash_table_get_keys_as_array (extra, &n);
  qsort (words, n, sizeof (gpointer), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[i];
      g_auto(GStrv) kana = more_readings (word, g_hash_table_lookup (extra, word));
      guint n_terms = self->terms->len;
      guint word_term;
      GArray *pair;

      guint n_usable = 0;

      for (guint k = 0; kana[k] != NULL; k++)
        n_usable += g_utf8_strlen (kana[k], -1) >= MIN_READING_LEN && is_all_hiragana (kana[k]) &&
                    !g_str_equal (kana[k], word);
      if (g_utf8_strlen (word, -1) < 2 || (n_usable == 0 && !(in_content && is_spelt_word (word))))
        continue;
      word_term = intern_term (self, by_text, word);
      if (word_term == G_MAXUINT || g_hash_table_contains (read, GUINT_TO_POINTER (word_term + 1)))
        continue;
      /* no near matches of the analyser's words, nor of the readings of
       * words no entry has: there are thousands, and a slip would find
       * false friends (はいくら is not はいぞく of 配属); a slip in the
       * reading of a word of the content is one (たんとしゃ) */
      if (word_term >= n_terms)
        g_array_index (self->terms, Term, word_term).exact_only = TRUE;

      pair = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (pair, word_term);
      for (guint k = 0; kana[k] != NULL; k++)
        {
          guint term;

          if (g_utf8_strlen (kana[k], -1) < MIN_READING_LEN || !is_all_hiragana (kana[k]))
            continue;
          n_terms = self->terms->len;
          term = intern_term (self, by_text, kana[k]);
          /* a reading that is a word of the thesaurus already keeps its
           * own meaning: 何時まで read いつまで must not make the hours a
           * deadline */
          if (term == G_MAXUINT || term < n_own || term == word_term)
            continue;
          if (term >= n_terms && !in_content)
            g_array_index (self->terms, Term, term).exact_only = TRUE;
          g_array_append_val (pair, term);
        }

      /* a word of katakana or letters of the content stands alone: it
       * counts where it is written (バックアップ beside a word the help
       * does not know) */
      if (pair->len < 2 && !(in_content && is_spelt_word (word)))
        {
          g_array_unref (pair);
          continue;
        }
      g_hash_table_add (read, GUINT_TO_POINTER (word_term + 1));
      add_reading_group (groups, weights, kinds, services, pair);
    }
}


/* @flag of group @n, true or false (FALSE where absent); an error where
 * it is anything else. */
static gboolean
parse_word_flag (JsonNode    *group_node,
                 const char  *flag,
                 guint        n,
                 gboolean    *value,
                 GError     **error)
{
  JsonNode *node = json_object_get_member (json_node_get_object (group_node), flag);

  *value = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return set_invalid (error, _("Synonym group %u: “%s” is not true or false"), n, flag);
  *value = json_node_get_boolean (node);
  return TRUE;
}

/* groups: GPtrArray of GArray of guint (term ids); weights, kinds
 * (GROUP_*, guint8) and services (interned or NULL) parallel */
/* Group @n (from 1) of the file: its terms, weight, kind and service. */
static gboolean
parse_group (RhThesaurus  *self,
             GHashTable   *by_text,
             JsonNode     *group_node,
             guint         n,
             GPtrArray    *groups,
             GArray       *weights,
             GArray       *kinds,
             GPtrArray    *services,
             GHashTable   *term_readings,
             GError      **error)
{
  JsonNode *node;
  JsonArray *words;
  GArray *group;
  float weight = GROUP_WEIGHT;
  guint8 kind = GROUP_SPECIFIC;
  gboolean alone, small_talk;
  const char *service = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (group_node) ||
      (node = json_object_get_member (json_node_get_object (group_node), "terms")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return set_invalid (error, _("Synonym group %u has no “terms” list"), n);

  words = json_node_get_array (node);
  if (json_array_get_length (words) < 2)
    return set_invalid (error, _("Synonym group %u needs at least two terms"), n);

  node = json_object_get_member (json_node_get_object (group_node), "weight");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) ||
          (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
           json_node_get_value_type (node) != G_TYPE_INT64))
        return set_invalid (error, _("The weight of synonym group %u is not a number"), n);
      weight = json_node_get_double (node);
      if (!(weight > 0 && weight <= 1))
        return set_invalid (error, _("The weight of synonym group %u is not between 0 and 1"), n);
    }

  node = json_object_get_member (json_node_get_object (group_node), "generic");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return set_invalid (error, _("“generic” in synonym group %u is not true or false"), n);
      kind = json_node_get_boolean (node) ? GROUP_GENERIC : GROUP_SPECIFIC;
    }

  node = json_object_get_member (json_node_get_object (group_node), "service");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          *json_node_get_string (node) == '\0')
        return set_invalid (error, _("“service” in synonym group %u is not a service id"), n);
      service = g_intern_string (json_node_get_string (node));
    }

  node = json_object_get_member (json_node_get_object (group_node), "service_name");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return set_invalid (error, _("“service_name” in synonym group %u is not true or false"), n);
      if (json_node_get_boolean (node) && (service == NULL || kind == GROUP_GENERIC))
        return set_invalid (error, _("Synonym group %u names a service but has no “service” or is generic"), n);
      if (json_node_get_boolean (node))
        kind = GROUP_SERVICE_NAME;
    }

  group = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (groups, group);
  g_array_append_val (weights, weight);
  g_array_append_val (kinds, kind);
  g_ptr_array_add (services, (gpointer)service);

  for (guint j = 0; j < json_array_get_length (words); j++)
    {
      JsonNode *word = json_array_get_element (words, j);
      guint term;

      if (!JSON_NODE_HOLDS_VALUE (word) || json_node_get_value_type (word) != G_TYPE_STRING)
        return set_invalid (error, _("Term %u of synonym group %u is not a string"), j + 1, n);
      term = intern_term (self, by_text, json_node_get_string (word));
      if (term == G_MAXUINT)
        return set_invalid (error, _("Term %u of synonym group %u (“%s”) is empty or too long"),
                            j + 1, n, json_node_get_string (word));
      g_array_append_val (group, term);
      add_term_reading (term_readings, json_node_get_string (word));
    }

  /* "alone": words the thesaurus knows, each standing for itself alone
   * (キャッシュカード, 住宅ローン: whole words, not キャッシュ or ローン of
   * something else); they name a topic wherever they are written.
   * "small_talk": words that say how the clerk asks, not what (至急).
   * Neither is a group of ways to say one thing. */
  if (!parse_word_flag (group_node, "alone", n, &alone, error) ||
      !parse_word_flag (group_node, "small_talk", n, &small_talk, error))
    return FALSE;
  if (alone || small_talk)
    {
      if (kind != GROUP_SPECIFIC)
        return set_invalid (error, _("Synonym group %u of words “%s” is generic or names a service"), n,
                            alone ? "alone" : "small_talk");
      for (guint j = 0; j < group->len; j++)
        {
          Term *term = &g_array_index (self->terms, Term, g_array_index (group, guint, j));

          term->alone |= alone;
          term->small_talk |= small_talk;
        }
      g_ptr_array_set_size (groups, groups->len - 1);
      g_array_set_size (weights, weights->len - 1);
      g_array_set_size (kinds, kinds->len - 1);
      g_ptr_array_set_size (services, services->len - 1);
    }

  return TRUE;
}

static gboolean
parse (RhThesaurus  *self,
       JsonNode     *root,
       GPtrArray    *groups,
       GArray       *weights,
       GArray       *kinds,
       GPtrArray    *services,
       GHashTable   *extra_readings,
       GError      **error)
{
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) read = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) term_readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n_own;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return set_invalid (error, _("The synonyms file must hold a JSON object"));
  object = json_node_get_object (root);

  node = json_object_get_member (object, "schema");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return set_invalid (error, _("The synonyms file has no “schema” number"));
  if (json_node_get_int (node) != RH_SEARCH_SYNONYMS_SCHEMA)
    {
      g_set_error (error, RH_SEARCH_ERROR, RH_SEARCH_ERROR_SCHEMA,
                   _("The synonyms file has schema %d; this version reads schema %d"),
                   (int)json_node_get_int (node), RH_SEARCH_SYNONYMS_SCHEMA);
      return FALSE;
    }

  node = json_object_get_member (object, "groups");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return set_invalid (error, _("The synonyms file has no “groups” list"));
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!parse_group (self, by_text, json_array_get_element (array, i), i + 1,
                      groups, weights, kinds, services, term_readings, error))
      return FALSE;

  node = json_object_get_member (object, "readings");
  if (node != NULL && !parse_readings (self, node, by_text, groups, weights, kinds, services, read, error))
    return FALSE;

  n_own = self->terms->len;
  add_analysed_readings (self, by_text, groups, weights, kinds, services, read, n_own, extra_readings, TRUE);
  add_analysed_readings (self, by_text, groups, weights, kinds, services, read, n_own, term_readings, FALSE);
  return TRUE;
}

static void
build_alternatives (RhThesaurus *self,
                    GPtrArray   *groups,
                    GArray      *weights)
{
  guint n_terms = self->terms->len;
  g_autofree float *best = g_new0 (float, n_terms);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) term_groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  for (guint t = 0; t < n_terms; t++)
    g_ptr_array_add (term_groups, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint g = 0; g < groups->len; g++)
    {
      GArray *group = g_ptr_array_index (groups, g);

      for (guint k = 0; k < group->len; k++)
        g_array_append_val (g_ptr_array_index (term_groups, g_array_index (group, guint, k)), g);
    }

  for (guint t = 0; t < n_terms; t++)
    {
      GArray *mine = g_ptr_array_index (term_groups, t);
      Term *term = &g_array_index (self->terms, Term, t);

      g_array_set_size (seen, 0);
      for (guint k = 0; k < mine->len; k++)
        {
          guint g = g_array_index (mine, guint, k);
          GArray *group = g_ptr_array_index (groups, g);
          float weight = g_array_index (weights, float, g);

          for (guint m = 0; m < group->len; m++)
            {
              guint other = g_array_index (group, guint, m);

              if (other == t)
                continue;
              if (best[other] == 0)
                g_array_append_val (seen, other);
              best[other] = MAX (best[other], weight);
            }
        }

      term->alt_offset = self->alts->len;
      term->n_alts = seen->len;
      for (guint k = 0; k < seen->len; k++)
        {
          guint other = g_array_index (seen, guint, k);
          RhThesaurusAlt alt = { other, best[other] };

          g_array_append_val (self->alts, alt);
          best[other] = 0;
        }
    }
}

/* A term is generic when every group it is in (its readings' groups aside)
 * is a generic one; it names a service when a group of that service has it
 * (and none of another); it is a service name when every group it is in
 * that is not generic is a service-name one. */
static void
mark_generic (RhThesaurus *self,
              GPtrArray   *groups,
              GArray      *kinds,
              GPtrArray   *services)
{
  static const char two[] = "";
  g_autofree guint8 *specific = g_new0 (guint8, self->terms->len);
  g_autofree guint8 *named = g_new0 (guint8, self->terms->len);
  g_autofree guint8 *service_name = g_new0 (guint8, self->terms->len);

  for (guint g = 0; g < groups->len; g++)
    {
      GArray *group = g_ptr_array_index (groups, g);
      guint8 kind = g_array_index (kinds, guint8, g);

      if (kind == GROUP_READING)
        continue;
      for (guint k = 0; k < group->len; k++)
        {
          guint t = g_array_index (group, guint, k);

          Term *term = &g_array_index (self->terms, Term, t);
          const char *service = g_ptr_array_index (services, g);

          named[t] = 1;
          specific[t] |= kind == GROUP_SPECIFIC;
          service_name[t] |= kind == GROUP_SERVICE_NAME;
          if (service != NULL)
            term->service = term->service == NULL || term->service == service ? service : two;
        }
    }

  for (guint t = 0; t < self->terms->len; t++)
    {
      Term *term = &g_array_index (self->terms, Term, t);

      term->generic = named[t] && !specific[t] && !service_name[t];
      term->service_name = service_name[t] && !specific[t];
      if (term->service == two)
        term->service = NULL;
    }
}

static void
build_maps (RhThesaurus *self)
{
  guint n_terms = self->terms->len;
  guint n_prefixes = 0;
  guint n_deletions = 0;

  for (guint t = 0; t < n_terms; t++)
    {
      guint len = g_array_index (self->terms, Term, t).len;

      n_prefixes += len;
      if (len >= MIN_FUZZY_LEN && !g_array_index (self->terms, Term, t).exact_only)
        n_deletions += len;
      self->max_len = MAX (self->max_len, len);
    }

  slice_map_init (&self->exact, n_terms);
  slice_map_init (&self->prefixes, n_prefixes);
  slice_map_init (&self->deletions, n_deletions);

  for (guint t = 0; t < n_terms; t++)
    {
      guint len;
      const gunichar *c = term_chars (self, t, &len);

      slice_map_add (&self->exact, hash_chars (c, len, G_MAXUINT), t, 0);
      for (guint p = 1; p <= len; p++)
        slice_map_add (&self->prefixes, hash_chars (c, p, G_MAXUINT), t, p);
      if (len >= MIN_FUZZY_LEN && !g_array_index (self->terms, Term, t).exact_only)
        for (guint d = 0; d < len; d++)
          slice_map_add (&self->deletions, hash_chars (c, len, d), t, d);
    }
}

/**
 * rh_thesaurus_new_from_bytes:
 * @bytes: the JSON text of a synonyms file
 * @readings: (nullable): word → reading of the content's words, from
 *   rh_analyser_collect_readings(); the thesaurus adds its own words' to it
 *
 * Returns: (transfer full) (nullable): the thesaurus, or %NULL with @error
 *   set (RH_SEARCH_ERROR) naming what is wrong
 */
RhThesaurus *
rh_thesaurus_new_from_bytes (GBytes      *bytes,
                             GHashTable  *readings,
                             GError     **error)
{
  g_autoptr(GHashTable) own_readings = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  g_autoptr(GPtrArray) services = g_ptr_array_new ();
  g_autoptr(RhThesaurus) self = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0 ||
      !g_utf8_validate (data, size, NULL) ||
      !json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, RH_SEARCH_ERROR, RH_SEARCH_ERROR_PARSE,
                   _("The synonyms file is not valid JSON: %s"),
                   local_error ? local_error->message : _("empty or not UTF-8"));
      return NULL;
    }

  self = g_new0 (RhThesaurus, 1);
  self->chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  self->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  self->alts = g_array_new (FALSE, FALSE, sizeof (RhThesaurusAlt));

  if (readings == NULL)
    readings = own_readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!parse (self, json_parser_get_root (parser), groups, weights, kinds, services, readings, error))
    return NULL;

  build_alternatives (self, groups, weights);
  mark_generic (self, groups, kinds, services);
  build_maps (self);

  return g_steal_pointer (&self);
}

void
rh_thesaurus_free (RhThesaurus *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->chars, g_array_unref);
  g_clear_pointer (&self->terms, g_array_unref);
  g_clear_pointer (&self->alts, g_array_unref);
  slice_map_clear (&self->exact);
  slice_map_clear (&self->prefixes);
  slice_map_clear (&self->deletions);
  g_free (self);
}

guint
rh_thesaurus_get_n_terms (RhThesaurus *self)
{
  return self->terms->len;
}

const gunichar *
rh_thesaurus_get_term (RhThesaurus *self,
                       guint        term,
                       guint       *len)
{
  g_return_val_if_fail (term < self->terms->len, NULL);

  return term_chars (self, term, len);
}

const RhThesaurusAlt *
rh_thesaurus_get_alternatives (RhThesaurus *self,
                               guint        term,
                               guint       *n_alts)
{
  const Term *t;

  g_return_val_if_fail (term < self->terms->len, NULL);

  t = &g_array_index (self->terms, Term, term);
  *n_alts = t->n_alts;
  return t->n_alts ? &g_array_index (self->alts, RhThesaurusAlt, t->alt_offset) : NULL;
}

gboolean
rh_thesaurus_is_generic (RhThesaurus *self,
                         guint        term)
{
  g_return_val_if_fail (term < self->terms->len, FALSE);

  return g_array_index (self->terms, Term, term).generic;
}

gboolean
rh_thesaurus_is_alone (RhThesaurus *self,
                       guint        term)
{
  g_return_val_if_fail (term < self->terms->len, FALSE);

  return g_array_index (self->terms, Term, term).alone;
}

gboolean
rh_thesaurus_is_small_talk (RhThesaurus *self,
                            guint        term)
{
  g_return_val_if_fail (term < self->terms->len, FALSE);

  return g_array_index (self->terms, Term, term).small_talk;
}

gboolean
rh_thesaurus_is_service_name (RhThesaurus *self,
                              guint        term)
{
  g_return_val_if_fail (term < self->terms->len, FALSE);

  return g_array_index (self->terms, Term, term).service_name;
}

const char *
rh_thesaurus_get_service (RhThesaurus *self,
                          guint        term)
{
  g_return_val_if_fail (term < self->terms->len, NULL);

  return g_array_index (self->terms, Term, term).service;
}

static gboolean is_prefix (RhThesaurus    *self,
                           const gunichar *c,
                           guint           len);
static int lookup_exact (RhThesaurus    *self,
                         const gunichar *c,
                         guint           len,
                         guint           skip);

gboolean
rh_thesaurus_has_prefix (RhThesaurus    *self,
                         const gunichar *chars,
                         guint           len)
{
  return len <= self->max_len && is_prefix (self, chars, len);
}

/* Whether @chars is a whole term of the thesaurus. */
gboolean
rh_thesaurus_has_term (RhThesaurus    *self,
                       const gunichar *chars,
                       guint           len)
{
  return len <= self->max_len && lookup_exact (self, chars, len, G_MAXUINT) >= 0;
}

int
rh_thesaurus_lookup (RhThesaurus    *self,
                     const gunichar *chars,
                     guint           len)
{
  return len <= self->max_len ? lookup_exact (self, chars, len, G_MAXUINT) : -1;
}

static gboolean
is_prefix (RhThesaurus    *self,
           const gunichar *c,
           guint           len)
{
  for (const Node *node = slice_map_first (&self->prefixes, hash_chars (c, len, G_MAXUINT));
       node != NULL; node = slice_map_next (&self->prefixes, node))
    {
      guint tlen;
      const gunichar *t = term_chars (self, node->term, &tlen);

      if (node->extra == len && memcmp (t, c, len * sizeof (gunichar)) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
lookup_exact (RhThesaurus    *self,
              const gunichar *c,
              guint           len,
              guint           skip)
{
  for (const Node *node = slice_map_first (&self->exact, hash_chars (c, len, skip));
       node != NULL; node = slice_map_next (&self->exact, node))
    {
      guint tlen;
      const gunichar *t = term_chars (self, node->term, &tlen);

      if (chars_equal (c, len, skip, t, tlen, G_MAXUINT))
        return node->term;
    }

  return -1;
}

static void
add_match (GArray  *matches,
           guint    start,
           guint    len,
           guint    term,
           float    factor,
           gboolean prefix)
{
  RhThesaurusMatch *m;

  for (guint i = 0; i < matches->len; i++)
    {
      m = &g_array_index (matches, RhThesaurusMatch, i);
      if (m->term == term)
        {
          /* the same term twice: keep the better match */
          if (factor > m->factor || (factor == m->factor && len > m->len))
            {
              m->start = start;
              m->len = len;
              m->factor = factor;
              m->prefix = prefix;
            }
          return;
        }
    }

  {
    RhThesaurusMatch match = { start, len, term, factor, prefix };
    g_array_append_val (matches, match);
  }
}

/* A kanji (or letter, digit) carries the meaning; kana after normalisation
 * are mostly readings and grammar. */
static inline gboolean
is_content (gunichar c)
{
  return !(c >= 0x3041 && c <= 0x309F) && c != RH_TEXT_LONG_VOWEL;
}

/* A near match that changes a kanji of a short word is another word
 * (解約 is not 契約, 開設 not 設定): only words with enough kanji left
 * to be recognised (電子証名書) take such a slip. */
#define MIN_CONTENT_FOR_SLIP 4

/* …and one that changes a kana of a word of four or fewer is another word
 * too (ねんきん is not てんきん, いんかん not いんばん), unless the two kana
 * are a slip of the same sound: with or without ゛ or ゜, small or large,
 * or the vowel of a long sound (ざいけえ, とうろく/とおろく). */
#define MAX_SHORT_KANA_WORD 4

static gunichar
kana_base (gunichar c)
{
  gunichar a = c, b = 0;

  if (c >= 0x3041 && c <= 0x3096)
    {
      if (g_unichar_decompose (c, &a, &b) && (b == 0x3099 || b == 0x309A))
        c = a;
      switch (c)
        {
        case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049:
        case 0x3063: case 0x3083: case 0x3085: case 0x3087: case 0x308E:
          return c + 1;
        default:
          return c;
        }
    }
  return c;
}

static gboolean
same_sound (gunichar a,
            gunichar b)
{
  static const gunichar pairs[][2] = {
    { 0x3044, 0x3048 },   /* い え */
    { 0x3046, 0x304A },   /* う お */
    { 0x3058, 0x3062 },   /* じ ぢ */
    { 0x305A, 0x3065 },   /* ず づ */
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if ((a == pairs[i][0] && b == pairs[i][1]) || (a == pairs[i][1] && b == pairs[i][0]))
      return TRUE;
  return kana_base (a) == kana_base (b);
}

static gboolean
slip_allowed (RhThesaurus    *self,
              guint           term,
              gunichar        changed_a,
              gunichar        changed_b)
{
  guint n_content = 0;
  guint tlen;
  const gunichar *t = term_chars (self, term, &tlen);

  /* a slip is worth guessing only for a word that names a topic: near a
   * generic word is mostly grammar (したい is not しりたい) */
  if (g_array_index (self->terms, Term, term).generic)
    return FALSE;

  if (!is_content (changed_a) && !is_content (changed_b))
    return changed_a == changed_b || tlen > MAX_SHORT_KANA_WORD || same_sound (changed_a, changed_b);
  for (guint i = 0; i < tlen; i++)
    n_content += is_content (t[i]);
  return n_content >= MIN_CONTENT_FOR_SLIP;
}

static void
find_fuzzy (RhThesaurus    *self,
            const gunichar *q,
            guint           len,
            guint           start,
            guint           L,
            GArray         *matches)
{
  const gunichar *s = q + start;

  /* a character missing from the query */
  if (L + 1 >= MIN_FUZZY_LEN && L + 1 <= self->max_len)
    for (const Node *node = slice_map_first (&self->deletions, hash_chars (s, L, G_MAXUINT));
         node != NULL; node = slice_map_next (&self->deletions, node))
      {
        guint tlen;
        const gunichar *t = term_chars (self, node->term, &tlen);

        if (tlen == L + 1 && chars_equal (s, L, G_MAXUINT, t, tlen, node->extra) &&
            slip_allowed (self, node->term, t[node->extra], t[node->extra]))
          add_match (matches, start, L, node->term, FUZZY_FACTOR, FALSE);
      }

  for (guint d = 0; d < L; d++)
    {
      int term;

      /* an extra character in the query */
      if (L - 1 >= MIN_FUZZY_LEN - 1 && (term = lookup_exact (self, s, L, d)) >= 0 &&
          d != 0 && d != L - 1)
        {
          if (slip_allowed (self, term, s[d], s[d]))
            add_match (matches, start, L, term, FUZZY_FACTOR, FALSE);
        }

      /* a wrong or swapped character */
      if (L >= MIN_FUZZY_LEN)
        for (const Node *node = slice_map_first (&self->deletions, hash_chars (s, L, d));
             node != NULL; node = slice_map_next (&self->deletions, node))
          {
            guint tlen;
            const gunichar *t = term_chars (self, node->term, &tlen);

            guint e = node->extra;

            /* one character wrong (e == d), or two side by side swapped */
            if (tlen == L && (e == d || (e + 1 == d && s[d] == t[e]) || (e == d + 1 && s[d] == t[e])) &&
                chars_equal (s, L, d, t, tlen, e) &&
                slip_allowed (self, node->term, s[d], t[e]))
              add_match (matches, start, L, node->term, FUZZY_FACTOR, FALSE);
          }
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const RhThesaurusMatch *ma = a, *mb = b;

  if (ma->len != mb->len)
    return ma->len > mb->len ? -1 : 1;
  if (ma->factor != mb->factor)
    return ma->factor > mb->factor ? -1 : 1;
  return (int)ma->start - (int)mb->start;
}

/* A small kana (ゃ ゅ ょ ぁ…) is the second half of a syllable: a word
 * guessed (near, or being typed) neither starts at one nor ends before
 * one (じゅうしょ has no ちゅうし in it), nor starts at ん (ねんきん has no
 * てんきん with て missing). A word found as typed still may (でんし of
 * でんしょうめいしょ, said short for 電子証明書). */
static inline gboolean
is_small_kana (gunichar c)
{
  return (c >= 0x3041 && c <= 0x3049 && c % 2 == 1) ||
         c == 0x3083 || c == 0x3085 || c == 0x3087 || c == 0x308E || c == 0x3095 || c == 0x3096;
}

static inline gboolean
splits_syllable (const gunichar *query,
                 guint           len,
                 guint           start,
                 guint           L)
{
  return is_small_kana (query[start]) || query[start] == 0x3093 ||
         (start + L < len && is_small_kana (query[start + L]));
}

/**
 * rh_thesaurus_find:
 * @query: normalised query characters (long vowels stripped)
 * @matches: a GArray of #RhThesaurusMatch to fill
 *
 * Finds the terms in @query: exact ones, then near ones over parts no
 * exact term that names a topic touches (追加人証 is near 追加認証, though
 * 追加 is a word). Terms inside a longer match are left out.
 */
void
rh_thesaurus_find (RhThesaurus    *self,
                   const gunichar *query,
                   guint           len,
                   GArray         *matches)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RhThesaurusMatch));
  guint8 covered[128] = { 0, };
  guint8 topical[128] = { 0, };    /* covered by a word that names a topic */
  guint8 starts[129] = { 0, };     /* a word found starts here… */
  guint8 ends[129] = { 0, };       /* …or ends here */

  g_array_set_size (matches, 0);
  len = MIN (len, G_N_ELEMENTS (covered));

  for (guint i = 0; i < len; i++)
    for (guint L = 2; i + L <= len && L <= self->max_len; L++)
      {
        int term;

        if (!is_prefix (self, query + i, L))
          break;
        if ((term = lookup_exact (self, query + i, L, G_MAXUINT)) >= 0)
          {
            add_match (found, i, L, term, 1.0f, FALSE);
            starts[i] = ends[i + L] = 1;
            for (guint k = i; k < i + L; k++)
              {
                covered[k] = 1;
                topical[k] |= !g_array_index (self->terms, Term, term).generic;
              }
          }
      }

  /* the end of the query may be a word still being typed (しょうめ for
   * しょうめいしょ): the longest such end that starts some words */
  for (guint i = 0; i + MIN_PREFIX_LEN <= len; i++)
    {
      guint L = len - i;
      guint n_found = 0;

      if (covered[i] || L > self->max_len || splits_syllable (query, len, i, L) ||
          !is_prefix (self, query + i, L) ||
          lookup_exact (self, query + i, L, G_MAXUINT) >= 0)
        continue;

      for (const Node *node = slice_map_first (&self->prefixes, hash_chars (query + i, L, G_MAXUINT));
           node != NULL && n_found < MAX_PREFIX_TERMS; node = slice_map_next (&self->prefixes, node))
        {
          guint tlen;
          const gunichar *t = term_chars (self, node->term, &tlen);

          if (node->extra == L && tlen > L && memcmp (t, query + i, L * sizeof (gunichar)) == 0 &&
              !g_array_index (self->terms, Term, node->term).exact_only)
            {
              add_match (found, i, L, node->term, PREFIX_FACTOR, TRUE);
              n_found++;
            }
        }
      /* a guess: a near match may still take in what it covers
       * (ヘルブデスク is ヘルプデスク, not デスクトップ being typed) */
      if (n_found > 0)
        {
          for (guint k = i; k < len; k++)
            covered[k] = 1;
          starts[i] = ends[len] = 1;
          break;
        }
    }

  /* near matches, only over parts no exact term that names a topic
   * explains, with something no exact term explains at all and no generic
   * word cut, and only in short queries: a long one has words enough
   * without guessing */
  for (guint i = 0; len <= MAX_FUZZY_QUERY && i < len; i++)
    {
      guint next_open = i;    /* the first character from i no term explains */

      if (covered[i] && !starts[i])
        continue;
      while (next_open < len && covered[next_open])
        next_open++;
      for (guint L = MIN_FUZZY_LEN - 1; i + L <= len && L <= MIN (self->max_len + 1, MAX_FUZZY_LEN); L++)
        {
          gboolean overlaps = FALSE;

          for (guint k = i; k < i + L && !overlaps; k++)
            overlaps = topical[k] != 0;
          if (overlaps)
            break;
          if (next_open < i + L && (!covered[i + L - 1] || ends[i + L]) &&
              !splits_syllable (query, len, i, L))
            find_fuzzy (self, query, len, i, L, found);
        }
    }

  g_array_sort (found, compare_matches);

  /* keep maximal matches: drop those inside a longer kept one */
  for (guint i = 0; i < found->len; i++)
    {
      RhThesaurusMatch *m = &g_array_index (found, RhThesaurusMatch, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < matches->len && !inside; j++)
        {
          RhThesaurusMatch *k = &g_array_index (matches, RhThesaurusMatch, j);

          inside = m->start >= k->start && m->start + m->len <= k->start + k->len &&
                   (m->len < k->len || m->factor < k->factor);
        }

      if (!inside)
        g_array_append_val (matches, *m);
    }
}
