/* fuzz-catalog.c — libFuzzer target: the faq.json loader
 *
 * The loader runs on a thread with a small stack (128 KiB): a recursion
 * that only a very deep input could push past the main thread's 8 MiB
 * then overflows at a few thousand levels, within the sizes the fuzzer
 * writes. Brackets hidden in a comment or a single-quoted string once let
 * 400,000 levels reach json-glib's recursive parser (issue 10); the
 * dictionary and the deep-nesting seeds let the fuzzer build such inputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pthread.h>

#include "rh-core.h"

#define LOADER_STACK_SIZE (128 * 1024)

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* One worker thread with the small stack, made once (a thread per input
 * would cost more than the parse); inputs are handed over one at a time. */
static GMutex lock;
static GCond cond;
static const guint8 *pending_data;
static size_t pending_size;
static gboolean pending, done;

static void load (const guint8 *data,
                  size_t        size);

static void *
load_thread (void *user_data)
{
  for (;;)
    {
      g_mutex_lock (&lock);
      while (!pending)
        g_cond_wait (&cond, &lock);
      g_mutex_unlock (&lock);

      load (pending_data, pending_size);

      g_mutex_lock (&lock);
      pending = FALSE;
      done = TRUE;
      g_cond_broadcast (&cond);
      g_mutex_unlock (&lock);
    }
  return NULL;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      pthread_attr_t attr;
      pthread_t thread;

      g_assert (pthread_attr_init (&attr) == 0);
      g_assert (pthread_attr_setstacksize (&attr, LOADER_STACK_SIZE) == 0);
      g_assert (pthread_create (&thread, &attr, load_thread, NULL) == 0);
      pthread_attr_destroy (&attr);
      g_once_init_leave (&started, 1);
    }

  g_mutex_lock (&lock);
  pending_data = data;
  pending_size = size;
  done = FALSE;
  pending = TRUE;
  g_cond_broadcast (&cond);
  while (!done)
    g_cond_wait (&cond, &lock);
  g_mutex_unlock (&lock);

  return 0;
}

static void
load (const guint8 *data,
      size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = NULL;

  catalog = rh_catalog_new_from_bytes (bytes, "fuzz.json", &error);

  /* Exactly one of the two. */
  g_assert ((catalog == NULL) != (error == NULL));

  if (catalog != NULL)
    {
      GListModel *entries = rh_catalog_get_entries (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
          g_autofree char *text = rh_entry_dup_text (entry, RH_ROLE_GENERAL);
          g_autofree char *body = rh_entry_dup_body_text (entry);

          g_assert (g_utf8_validate (text, -1, NULL));
          g_assert (g_utf8_validate (body, -1, NULL));
        }
    }
  else
    g_assert (g_utf8_validate (error->message, -1, NULL));
}
