/* rh-file.c — reading files of the data folder safely
 *
 * The data folder is written by us, but anything can end up there: a FIFO
 * (open() or read() would wait for a writer for ever), a symbolic link to
 * /dev/zero (endless) or to a system file, a file of gigabytes. Only a
 * regular file, not reached through a symbolic link, of at most max_size
 * bytes is read; the error never quotes what the file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rh-file.h"

#define CHUNK (64 * 1024)

static GBytes *
read_fd (int          fd,
         const char  *path,
         gsize        max_size,
         GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  /* Read to the end rather than trust st_size: the file may grow. */
  for (;;)
    {
      gsize want = MIN ((gsize)CHUNK, max_size + 1 - data->len);
      guint old_len = data->len;
      gssize n;

      g_byte_array_set_size (data, old_len + want);
      n = read (fd, data->data + old_len, want);
      g_byte_array_set_size (data, old_len + MAX (n, 0));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not read %s: %s"), path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len > max_size)
        {
          g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("%s is larger than the limit of %s"), path, limit);
          return NULL;
        }
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * rh_file_read_regular:
 * @path: the file
 * @max_size: the largest size accepted
 *
 * Reads a regular file whole. A missing file gives %G_FILE_ERROR_NOENT; a
 * symbolic link, a FIFO, a device, a directory or a file larger than
 * @max_size gives another #GFileError, without blocking.
 *
 * Returns: (transfer full) (nullable): the contents
 */
GBytes *
rh_file_read_regular (const char  *path,
                      gsize        max_size,
                      GError     **error)
{
  struct stat st;
  GBytes *bytes;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ELOOP)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("%s is a symbolic link, not a regular file"), path);
      else
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                     _("Could not open %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is not a regular file"), path);
      close (fd);
      return NULL;
    }

  if ((guint64)st.st_size > max_size)
    {
      g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("%s is larger than the limit of %s"), path, limit);
      close (fd);
      return NULL;
    }

  bytes = read_fd (fd, path, max_size, error);
  close (fd);
  return bytes;
}
