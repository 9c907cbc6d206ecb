/* rh-text.h — text normalisation shared by the search index and its queries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A half-open byte range [start, end) into some UTF-8 text. */
typedef struct
{
  guint start;
  guint end;
} RhTextRange;

/* The long-vowel mark every dash and long-vowel variant becomes (after
 * kana; elsewhere a dash is dropped). The search index drops it too when
 * it cuts text into bigrams, so that ユーザ and ユーザー meet. */
#define RH_TEXT_LONG_VOWEL 0x30FC

/* a kanji (of the unified, extension A or compatibility blocks) or 々 */
gboolean  rh_text_is_kanji               (gunichar    c);

/* NFKC, case folding, katakana → hiragana, one long-vowel mark, no spaces
 * or punctuation, okurigana of known compounds dropped; never NULL */
char     *rh_text_normalize              (const char *text);
/* the same, with *offsets (RhTextRange) mapping each character of the
 * result to the bytes of @text it came from */
char     *rh_text_normalize_with_offsets (const char *text,
                                          GArray    **offsets);
/* low level: appends gunichar to @chars (and RhTextRange to @offsets) */
void      rh_text_normalize_append       (const char *text,
                                          gssize      length,
                                          GArray     *chars,
                                          GArray     *offsets);

/* romaji (ASCII lower case) as hiragana, appended to @out (gunichar);
 * FALSE, with @out unchanged, where some letters are no romaji */
gboolean  rh_text_romaji_to_hiragana     (const gunichar *chars,
                                          guint           len,
                                          GArray         *out);
/* the same, with an n between vowels read ん (hanei はんえい) */
gboolean  rh_text_romaji_to_hiragana_n   (const gunichar *chars,
                                          guint           len,
                                          GArray         *out);

/* a vowel typed twice in romaji (kaado かあど, koodo) as the long-vowel
 * mark katakana words are written with (かーど): rewrites @chars in place,
 * returns how many were marked */
guint     rh_text_mark_long_vowels       (gunichar   *chars,
                                          guint       len);

/* @reading (kana) as romaji typed without long vowels reads it (入金
 * nyukin → にゅきん, 口座 koza → こざ): normalised, with the う or お that
 * lengthens a vowel dropped; NULL where nothing is dropped */
char     *rh_text_dup_short_vowels       (const char *reading);
/* a word of two to five Latin capitals (USB, ATM) as its letters are read
 * aloud (ゆーえすびー), normalised; NULL for any other word (Excel) */
char     *rh_text_dup_letter_names       (const char *word);

G_END_DECLS
