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

/* The long-vowel mark every dash and long-vowel variant becomes. */
#define RH_TEXT_LONG_VOWEL 0x30FC

char     *rh_text_normalize              (const char *text);
char     *rh_text_normalize_with_offsets (const char *text,
                                          GArray    **offsets);
void      rh_text_normalize_append       (const char *text,
                                          gssize      length,
                                          GArray     *chars,
                                          GArray     *offsets);

G_END_DECLS
