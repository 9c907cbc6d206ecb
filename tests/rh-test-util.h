/* rh-test-util.h — helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>

G_BEGIN_DECLS

/* Runs the rokin-help binary (ROKIN_HELP_BIN) with @argv (NULL-terminated,
 * without the program name). Returns the exit status. */
static inline int
rh_test_run_cli_env (const char * const  *args,
                     const char * const  *env,
                     char               **out,
                     char               **err);

static inline int
rh_test_run_cli (const char * const  *args,
                 char               **out,
                 char               **err)
{
  return rh_test_run_cli_env (args, NULL, out, err);
}

/* The same, with @env (NULL-terminated "NAME", "VALUE" pairs, or NULL)
 * set on top of the inherited environment. */
static inline int
rh_test_run_cli_env (const char * const  *args,
                     const char * const  *env,
                     char               **out,
                     char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("ROKIN_HELP_BIN");

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer)bin);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  {
    g_autoptr(GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);

    for (guint i = 0; env != NULL && env[i] != NULL && env[i + 1] != NULL; i += 2)
      g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
    proc = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  }
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

/* Removes @path and everything below it; a symbolic link is removed, never
 * followed (the hostile tests put links to system folders in data folders). */
static inline void
rh_test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rh_test_rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

G_END_DECLS
