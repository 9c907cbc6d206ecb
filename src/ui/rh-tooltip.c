/* rh-tooltip.c — tooltips that do not break Japanese words
 *
 * GTK 4.8's tooltip label wraps, and for text with no spaces it picks a
 * narrow width and breaks between any two characters: 「メインメ/ニュー」,
 * 「チェックリストと/して印刷」. Our tooltips are short: set them as markup
 * that allows no line break, so each stays on one line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-tooltip"

#include "config.h"

#include "rh-tooltip.h"

/**
 * rh_tooltip_set:
 * @text: (nullable): plain text
 *
 * Like gtk_widget_set_tooltip_text(), on one line.
 */
void
rh_tooltip_set (GtkWidget  *widget,
                const char *text)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL || *text == '\0')
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }

  markup = g_markup_printf_escaped ("<span allow_breaks=\"false\">%s</span>", text);
  gtk_widget_set_tooltip_markup (widget, markup);
}

/**
 * rh_tooltip_keep_words:
 *
 * Puts every plain-text tooltip under @root (as set in a .ui file) on one
 * line.
 */
void
rh_tooltip_keep_words (GtkWidget *root)
{
  const char *markup = gtk_widget_get_tooltip_markup (root);
  const char *text = gtk_widget_get_tooltip_text (root);

  g_return_if_fail (GTK_IS_WIDGET (root));

  /* Set as text: the markup is the escaped text, or absent. */
  if (text != NULL && (markup == NULL || !g_str_has_prefix (markup, "<span allow_breaks")))
    {
      g_autofree char *copy = g_strdup (text);
      rh_tooltip_set (root, copy);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    rh_tooltip_keep_words (c);
}
