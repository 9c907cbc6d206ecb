/* fuzz-update-body.c — libFuzzer target: a response body as the updater
 * reads it (wire bytes capped, gzip/deflate decoded here, decoded bytes
 * capped) and then validated as content.
 *
 * Input: byte 0 picks the Content-Encoding, byte 1 whether a
 * Content-Length is announced (and whether it is right), the rest is the
 * body as received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"
#include "rh-update-body.h"

#define MAX_SIZE (256 * 1024)

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const encodings[] = { NULL, "gzip", "deflate", "identity", "br", "x-gzip" };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *encoding;
  goffset content_length = -1;

  if (size < 2)
    return 0;

  encoding = encodings[data[0] % G_N_ELEMENTS (encodings)];
  if (data[1] & 1)
    content_length = (goffset)(size - 2) + ((data[1] & 2) ? (data[1] >> 2) : 0);

  stream = g_memory_input_stream_new_from_data (data + 2, size - 2, NULL);
  body = rh_update_read_body (stream, encoding, content_length, MAX_SIZE,
                              "http://127.0.0.1/fuzz.json", NULL, &error);

  /* Exactly one of the two, and never more than the cap. */
  g_assert ((body == NULL) != (error == NULL));
  if (body != NULL)
    {
      g_autoptr(RhCatalog) catalog = NULL;
      g_autoptr(GError) invalid = NULL;

      g_assert (g_bytes_get_size (body) <= MAX_SIZE);
      if (g_bytes_get_size (body) > 0)
        {
          catalog = rh_catalog_new_from_bytes (body, "fuzz.json", &invalid);
          g_assert ((catalog == NULL) != (invalid == NULL));
        }
    }
  else
    g_assert (g_utf8_validate (error->message, -1, NULL));

  return 0;
}
