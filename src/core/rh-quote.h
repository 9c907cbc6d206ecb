/* rh-quote.h — a value someone typed, made fit to show in a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters of a typed value shown in a message; the rest becomes “…”. */
#define RH_QUOTE_MAX_CHARS 40

/* @text (any bytes) as it can be shown inside “…” of a message: invalid
 * UTF-8 replaced by U+FFFD, every invisible character (controls, format
 * characters such as U+200B or U+FEFF) written as <U+200B>, and cut after
 * RH_QUOTE_MAX_CHARS characters with “…”. NULL gives "". */
char *rh_quote_value (const char *text);
/* TRUE for a character that shows nothing: controls, line and paragraph
 * separators, and the default ignorable ones (rh_quote_is_ignorable()). */
gboolean rh_quote_is_invisible (gunichar ch);
/* TRUE for Unicode's default ignorable code points (format characters such
 * as U+200B, U+FEFF, U+2060, variation selectors, fillers): a text means
 * the same without them. */
gboolean rh_quote_is_ignorable (gunichar ch);

G_END_DECLS
