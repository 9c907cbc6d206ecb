/* rh-analyser.h — readings and base forms of Japanese text, from MeCab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dictionary and the library used unless these name others. */
#define RH_ANALYSER_ENV_DICDIR "RH_MECAB_DICDIR"
#define RH_ANALYSER_ENV_LIBRARY "RH_MECAB_LIBRARY"

gboolean  rh_analyser_is_available  (void);
/* Adds to @readings (char * word → char * reading, both owned by the
 * table) every word of @text written with a kanji: each word as written
 * (保存, 届か), its base form (届く), and each run of nouns as one word
 * (保存期間 ほぞんきかん). Readings are in katakana as the dictionary
 * spells them. *@base_forms (nullable) gets the base forms of the
 * inflected words of @text written with a kanji (届か → 届く), one a
 * line, or NULL: what the index adds to a field beside its text. Adds
 * nothing without an analyser. */
void      rh_analyser_collect_readings (const char  *text,
                                        GHashTable  *readings,
                                        char       **base_forms);
/* The reading of the whole of @word where it has a kanji and the
 * dictionary reads every part of it; else NULL. */
char     *rh_analyser_dup_reading   (const char *word);

/* What the analyser reads in a query, by byte offsets into it. */
typedef enum
{
  RH_ANALYSER_GRAMMAR,     /* a particle or auxiliary verb after a word (が, ない, たい) */
  RH_ANALYSER_INFLECTED,   /* a verb or adjective written with a kanji, not in its base form */
  RH_ANALYSER_SOUND,       /* a noun written with a kanji: its reading (the input method may
                            * have given the wrong kanji, 証人 for 承認) */
  RH_ANALYSER_NAME,        /* a proper noun: a company, a person, a place (トヨタ, 佐藤, 上海); no base */
} RhAnalyserKind;

typedef struct
{
  guint           start;
  guint           end;
  RhAnalyserKind  kind;
  char           *base;    /* RH_ANALYSER_INFLECTED: its base form (変え → 変える);
                            * RH_ANALYSER_SOUND: its reading in katakana */
} RhAnalyserToken;

/* Appends to @tokens (RhAnalyserToken, with a clear function that frees
 * base, see rh_analyser_token_clear) the grammar and inflected words of
 * @text, in order and apart. Only after a word written with a kanji,
 * katakana or letters: in a run of hiragana the dictionary's cut is a
 * guess. @runs (nullable, the same kind of array) gets a SOUND token for
 * each way to read each run of nouns typed together with a kanji; they
 * overlap @tokens. Adds nothing without an analyser. */
void      rh_analyser_analyse_query (const char *text,
                                     GArray     *tokens,
                                     GArray     *runs);
void      rh_analyser_token_clear   (gpointer    token);

G_END_DECLS
