/* fuzz-main.c — runs a fuzz target over files, without libFuzzer.
 *
 * Built when -Dfuzzing=false so that every target, its corpus and its
 * regression inputs run in the normal test suite (and under valgrind).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
run_path (const char *path,
          guint      *count)
{
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;   /* a target without regression inputs yet */

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert (dir != NULL);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          run_path (child, count);
        }
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize len = 0;

      if (!g_file_get_contents (path, &contents, &len, NULL))
        g_error ("cannot read %s", path);
      LLVMFuzzerTestOneInput ((const guint8 *)contents, len);
      (*count)++;
    }
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    run_path (argv[i], &count);

  if (count == 0)
    {
      g_printerr ("no input ran\n");
      return 1;
    }

  g_print ("%u inputs ran without a crash\n", count);
  return 0;
}
