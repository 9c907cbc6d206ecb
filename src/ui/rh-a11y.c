/* rh-a11y.c — accessible names for the parts of composite widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-a11y"

#include "config.h"

#include "rh-a11y.h"

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toggle (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * rh_a11y_label_toggle:
 * @composite: a GtkMenuButton or GtkDropDown
 * @label: what a screen reader should say for it, e.g. 「表示する手順: すべて」
 *
 * In GTK 4.8 the part of a menu button or drop-down that takes the focus
 * is an inner GtkToggleButton, which screen readers announce by its own
 * name only ("GtkToggleButton", or just the value shown): the composite's
 * accessible label does not reach it. Names both.
 */
void
rh_a11y_label_toggle (GtkWidget  *composite,
                      const char *label)
{
  GtkWidget *toggle;

  g_return_if_fail (GTK_IS_WIDGET (composite));
  g_return_if_fail (label != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (composite), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  toggle = find_toggle (composite);
  if (toggle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
