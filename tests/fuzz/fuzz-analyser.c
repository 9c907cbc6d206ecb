/* fuzz-analyser.c — libFuzzer target: MeCab's reading of content text
 *
 * Every text of a downloaded faq.json goes through the analyser when the
 * index is built: readings, runs of nouns, base forms and their readings,
 * on whatever an update server sends (valid UTF-8, as the loader checks).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GHashTable) readings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  g_autofree char *bases = NULL;
  g_autofree char *whole = NULL;
  GHashTableIter iter;
  gpointer word, reading;

  /* the loader refuses what is not UTF-8; a string ends at a NUL */
  text = g_strndup ((const char *)data, size);
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  rh_analyser_collect_readings (text, readings, &bases);
  g_assert (bases == NULL || g_utf8_validate (bases, -1, NULL));

  g_hash_table_iter_init (&iter, readings);
  while (g_hash_table_iter_next (&iter, &word, &reading))
    {
      g_assert (*(const char *)word != '\0');
      g_assert (g_utf8_validate (word, -1, NULL));
      g_assert (g_utf8_validate (reading, -1, NULL));
    }

  whole = rh_analyser_dup_reading (text);
  g_assert (whole == NULL || g_utf8_validate (whole, -1, NULL));

  /* the query reading: tokens in order, inside the text, on characters;
   * the sounds of runs inside the text too */
  {
    g_autoptr(GArray) tokens = g_array_new (FALSE, TRUE, sizeof (RhAnalyserToken));
    g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (RhAnalyserToken));
    guint last_end = 0;

    g_array_set_clear_func (tokens, rh_analyser_token_clear);
    g_array_set_clear_func (runs, rh_analyser_token_clear);
    rh_analyser_analyse_query (text, tokens, runs);
    for (guint i = 0; i < runs->len; i++)
      {
        RhAnalyserToken *run = &g_array_index (runs, RhAnalyserToken, i);

        g_assert (run->kind == RH_ANALYSER_SOUND && run->base != NULL && g_utf8_validate (run->base, -1, NULL));
        g_assert (run->start < run->end && run->end <= strlen (text));
        g_assert (g_utf8_validate (text + run->start, run->end - run->start, NULL));
      }
    for (guint i = 0; i < tokens->len; i++)
      {
        RhAnalyserToken *token = &g_array_index (tokens, RhAnalyserToken, i);

        g_assert (token->start >= last_end && token->start < token->end && token->end <= strlen (text));
        g_assert (g_utf8_validate (text + token->start, token->end - token->start, NULL));
        g_assert ((token->kind == RH_ANALYSER_INFLECTED || token->kind == RH_ANALYSER_SOUND) == (token->base != NULL));
        g_assert (token->base == NULL || g_utf8_validate (token->base, -1, NULL));
        last_end = token->end;
      }
  }
  return 0;
}
