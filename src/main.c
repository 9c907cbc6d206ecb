/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "rh-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RhApplication) app = NULL;

  /* rh_application_init_i18n() sets the locale. Without this GTK would
   * set it again in GtkApplication's local_command_line, before any option
   * is read, and print a Gtk-WARNING for a locale that is not generated
   * (LANG=ja_JP.UTF-8 on a bare machine) ahead of a command line's answer.
   * A command-line call thus calls nothing of GTK; the window initialises
   * it in startup as usual. */
  gtk_disable_setlocale ();
  rh_application_init_i18n ();

  app = rh_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
