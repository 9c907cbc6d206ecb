/* fuzz-catalog.c — libFuzzer target: the faq.json loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
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

  return 0;
}
