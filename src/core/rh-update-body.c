/* rh-update-body.c — reading and decoding a response body within limits
 *
 * The body is read as it came over the wire (libsoup's content decoder is
 * off for our requests) and decoded here, so that both sizes are capped:
 * the bytes received and the bytes they decode to. A stream of empty gzip
 * blocks decodes to nothing and would otherwise be read for ever, a
 * decompression bomb decodes to far more than it weighs.
 *
 * I/O errors are returned as they are (G_IO_ERROR); the caller names them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-update-body"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rh-content-updater.h"
#include "rh-update-body.h"

#define CHUNK (64 * 1024)

typedef struct
{
  GConverter *converter;       /* NULL for identity */
  GByteArray *pending;         /* received, not yet decoded */
  GByteArray *out;
  guint8     *buffer;
  gboolean    finished;        /* the compressed stream ended */
  gsize       max_size;
  const char *url;
} Decoder;

static void
set_too_large (GError     **error,
               const char  *url,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TOO_LARGE,
               _("The file at %s is larger than the limit of %s"), url, limit);
}

static GConverter *
converter_for (const char  *encoding,
               const char  *url,
               GError     **error)
{
  if (encoding == NULL || *encoding == '\0' || g_ascii_strcasecmp (encoding, "identity") == 0)
    return NULL;
  if (g_ascii_strcasecmp (encoding, "gzip") == 0 || g_ascii_strcasecmp (encoding, "x-gzip") == 0)
    return G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  if (g_ascii_strcasecmp (encoding, "deflate") == 0)
    return G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));

  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
               _("The server at %s sent the file in an encoding this program does not read"),
               url);
  return NULL;
}

/* Decodes what is pending; at_end when the wire has no more. Each round
 * consumes input or produces output, or stops. */
static gboolean
decode (Decoder   *d,
        gboolean   at_end,
        GError   **error)
{
  while (!d->finished && (d->pending->len > 0 || at_end))
    {
      g_autoptr(GError) local_error = NULL;
      gsize read = 0, written = 0;
      GConverterResult r;

      r = g_converter_convert (d->converter, d->pending->data, d->pending->len,
                               d->buffer, CHUNK,
                               at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                               &read, &written, &local_error);

      if (r == G_CONVERTER_ERROR)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) && !at_end)
            return TRUE;   /* wait for more input */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
            g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                         _("The download from %s was cut off"), d->url);
          else
            g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                         _("The server at %s sent a compressed file that cannot be read"), d->url);
          return FALSE;
        }

      g_byte_array_remove_range (d->pending, 0, read);
      if (d->out->len + written > d->max_size)
        {
          set_too_large (error, d->url, d->max_size);
          return FALSE;
        }
      g_byte_array_append (d->out, d->buffer, written);

      if (r == G_CONVERTER_FINISHED)
        d->finished = TRUE;
      else if (read == 0 && written == 0)
        break;
    }

  if (at_end && !d->finished)
    {
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                   _("The download from %s was cut off"), d->url);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_all (GInputStream  *raw,
          Decoder       *d,
          goffset       *wire,
          GCancellable  *cancellable,
          GError       **error)
{
  for (;;)
    {
      guint8 *target;
      gssize n;

      /* Identity bodies are read straight into the result. */
      if (d->converter == NULL)
        {
          g_byte_array_set_size (d->out, d->out->len + CHUNK);
          target = d->out->data + d->out->len - CHUNK;
        }
      else
        {
          g_byte_array_set_size (d->pending, d->pending->len + CHUNK);
          target = d->pending->data + d->pending->len - CHUNK;
        }

      n = g_input_stream_read (raw, target, CHUNK, cancellable, error);
      g_byte_array_set_size (d->converter ? d->pending : d->out,
                             (d->converter ? d->pending->len : d->out->len) - CHUNK + MAX (n, 0));
      if (n < 0)
        return FALSE;
      if (n == 0)
        return d->converter == NULL || decode (d, TRUE, error);

      *wire += n;
      if ((guint64)*wire > d->max_size)
        {
          set_too_large (error, d->url, d->max_size);
          return FALSE;
        }

      if (d->converter != NULL && !decode (d, FALSE, error))
        return FALSE;
    }
}

/**
 * rh_update_read_body:
 * @raw: the body as received (after chunked framing, before decoding)
 * @content_encoding: (nullable): the Content-Encoding header
 * @content_length: the Content-Length header, or -1
 * @max_size: the cap of both the received and the decoded bytes
 * @url: for messages
 *
 * Returns: (transfer full) (nullable): the decoded body
 */
GBytes *
rh_update_read_body (GInputStream  *raw,
                     const char    *content_encoding,
                     goffset        content_length,
                     gsize          max_size,
                     const char    *url,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GError *local_error = NULL;
  Decoder d = { NULL, };
  goffset wire = 0;
  gboolean ok;

  if (content_length > (goffset)max_size)
    {
      set_too_large (error, url, max_size);
      return NULL;
    }

  d.converter = converter_for (content_encoding, url, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  d.pending = g_byte_array_new ();
  d.out = g_byte_array_new ();
  d.buffer = g_malloc (CHUNK);
  d.max_size = max_size;
  d.url = url;

  ok = read_all (raw, &d, &wire, cancellable, error);

  if (ok && content_length >= 0 && wire != content_length)
    {
      g_autofree char *got = g_strdup_printf ("%" G_GOFFSET_FORMAT, wire);
      g_autofree char *expected = g_strdup_printf ("%" G_GOFFSET_FORMAT, content_length);

      /* Translators: URL, bytes received, bytes announced */
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                   _("The download from %s was cut off after %s of %s bytes"),
                   url, got, expected);
      ok = FALSE;
    }

  g_clear_object (&d.converter);
  g_byte_array_unref (d.pending);
  g_free (d.buffer);

  if (!ok)
    {
      g_byte_array_unref (d.out);
      return NULL;
    }

  return g_byte_array_free_to_bytes (d.out);
}
