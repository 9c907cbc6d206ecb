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

  rh_application_init_i18n ();

  app = rh_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
