/* rh-quote.c — a value someone typed, made fit to show in a message
 *
 * A message that echoes a value must show what was typed without letting
 * the value hide the reason: a 5,000-character paste would bury it, and an
 * invisible character would make a wrong value look right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-quote"

#include "config.h"

#include "rh-quote.h"

gboolean
rh_quote_is_ignorable (gunichar ch)
{
  /* Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt)
   * beyond the format characters: fillers and variation selectors. */
  return g_unichar_type (ch) == G_UNICODE_FORMAT ||
         ch == 0x034F || ch == 0x115F || ch == 0x1160 || ch == 0x17B4 || ch == 0x17B5 ||
         (ch >= 0x180B && ch <= 0x180F) || ch == 0x3164 || (ch >= 0xFE00 && ch <= 0xFE0F) ||
         ch == 0xFFA0 || (ch >= 0xE0000 && ch <= 0xE0FFF);
}

gboolean
rh_quote_is_invisible (gunichar ch)
{
  switch (g_unichar_type (ch))
    {
    case G_UNICODE_CONTROL:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return TRUE;
    default:
      return rh_quote_is_ignorable (ch);
    }
}

char *
rh_quote_value (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_new (NULL);
  for (const char *p = valid; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar ch = g_utf8_get_char (p);

      if (n == RH_QUOTE_MAX_CHARS)
        {
          g_string_append (out, "…");
          break;
        }
      if (rh_quote_is_invisible (ch))
        g_string_append_printf (out, "<U+%04X>", ch);
      else
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}
