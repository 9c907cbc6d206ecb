/* test-guide.c — the guided path of the built-in content, and what the
 * loader refuses in one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-core.h"

static void
walk (const RhGuideNode *node,
      RhCatalog         *catalog,
      GHashTable        *reached,   /* "id/role" → itself */
      guint             *n_leaves)
{
  guint n = rh_guide_node_get_n_choices (node);

  if (n == 0)
    {
      const char *id = rh_guide_node_get_entry_id (node);
      RhRole role = rh_guide_node_get_role (node);

      g_assert_nonnull (id);
      g_assert_nonnull (rh_catalog_lookup_entry (catalog, id));
      g_assert_cmpuint (rh_guide_node_get_depth (node), <=, RH_GUIDE_MAX_DEPTH);
      g_hash_table_add (reached, g_strdup_printf ("%s/%s", id, rh_role_to_string (role)));
      (*n_leaves)++;
      return;
    }

  g_assert_null (rh_guide_node_get_entry_id (node));
  g_assert_cmpuint (n, <=, RH_GUIDE_MAX_CHOICES);
  for (guint i = 0; i < n; i++)
    {
      const RhGuideNode *child = rh_guide_node_get_choice (node, i);

      g_assert_true (rh_guide_node_get_parent (child) == node);
      g_assert_cmpstr (rh_guide_node_get_label (child), !=, "");
      walk (child, catalog, reached, n_leaves);
    }
}

/* Every entry is reachable; one split by role is reachable for each role,
 * one that is not, without a role — all within four choices. */
static void
test_builtin_covers_every_entry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = rh_catalog_new_builtin (&error);
  g_autoptr(GHashTable) reached = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *entries;
  const RhGuideNode *root;
  guint n_leaves = 0;

  g_assert_no_error (error);
  root = rh_catalog_get_guide (catalog);
  g_assert_nonnull (root);
  g_assert_nonnull (rh_guide_node_get_prompt (root));
  walk (root, catalog, reached, &n_leaves);

  entries = rh_catalog_get_entries (catalog);
  g_assert_cmpuint (g_list_model_get_n_items (entries), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      const char *id = rh_entry_get_id (entry);
      g_autofree char *master = g_strdup_printf ("%s/master", id);
      g_autofree char *general = g_strdup_printf ("%s/general", id);
      g_autofree char *all = g_strdup_printf ("%s/all", id);

      if (rh_entry_has_role_steps (entry))
        {
          if (!g_hash_table_contains (reached, master) || !g_hash_table_contains (reached, general))
            g_error ("the guide does not reach %s for both roles", id);
        }
      else if (!g_hash_table_contains (reached, all))
        g_error ("the guide does not reach %s", id);
    }
  g_assert_cmpuint (n_leaves, ==, g_hash_table_size (reached));
}

/* The built-in content with its guide replaced by @guide_json. */
static RhCatalog *
load_with_guide (const char  *guide_json,
                 GError     **error)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data (RH_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) guide = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *root;
  char *text;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (builtin, NULL),
                                             g_bytes_get_size (builtin), NULL));
  g_assert_true (json_parser_load_from_data (guide, guide_json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_member (root, "guide", json_node_copy (json_parser_get_root (guide)));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  return rh_catalog_new_from_bytes (bytes, "test.json", error);
}

static void
test_invalid (void)
{
  static const struct {
    const char *json;
    const char *message_part;
  } cases[] = {
    { "[]", "object" },
    { "{\"choices\": []}", "1 to 9" },
    { "{\"entry\": \"ib-helpdesk\"}", "“choices” or “entry”" },
    { "{\"choices\": [{\"entry\": \"ib-helpdesk\"}]}", "no label" },
    { "{\"choices\": [{\"label\": \"\", \"entry\": \"ib-helpdesk\"}]}", "“label”" },
    { "{\"choices\": [{\"label\": \"x\"}]}", "choice “x”: needs either" },
    { "{\"choices\": [{\"label\": \"x\", \"entry\": \"ib-helpdesk\", \"choices\": []}]}", "not both" },
    { "{\"choices\": [{\"label\": \"x\", \"entry\": \"no-such-entry\"}]}", "no-such-entry" },
    { "{\"choices\": [{\"label\": \"x\", \"entry\": \"ib-pc-change\", \"role\": \"boss\"}]}", "boss" },
    { "{\"choices\": [{\"label\": \"x\", \"entry\": \"ib-helpdesk\", \"role\": \"master\"}]}", "no steps by role" },
    { "{\"choices\": [{\"label\": \"x\", \"choices\": 3}]}", "must be an array" },
    { "{\"choices\": [{\"label\": \"1\", \"choices\": [{\"label\": \"2\", \"choices\": [{\"label\": \"3\","
      "\"choices\": [{\"label\": \"4\", \"choices\": [{\"label\": \"5\", \"entry\": \"ib-helpdesk\"}]}]}]}]}]}",
      "longer than 4" },
    { "{\"choices\": [1,2,3,4,5,6,7,8,9,10]}", "1 to 9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RhCatalog) catalog = load_with_guide (cases[i].json, &error);

      g_test_message ("%s", cases[i].json);
      g_assert_null (catalog);
      g_assert_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, "test.json: guide"));
      if (strstr (error->message, cases[i].message_part) == NULL)
        g_error ("“%s” does not say “%s”", error->message, cases[i].message_part);
    }
}

/* Four choices deep is allowed; content without a guide still loads. */
static void
test_valid_edges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) deep = load_with_guide ("{\"choices\": [{\"label\": \"1\", \"choices\": [{\"label\": \"2\","
                                              "\"choices\": [{\"label\": \"3\", \"choices\": [{\"label\": \"4\","
                                              "\"entry\": \"ib-pc-change\", \"role\": \"general\"}]}]}]}]}", &error);
  g_autoptr(RhCatalog) none = load_with_guide ("null", &error);
  const RhGuideNode *leaf;

  g_assert_no_error (error);
  g_assert_nonnull (deep);
  leaf = rh_catalog_get_guide (deep);
  while (rh_guide_node_get_n_choices (leaf) > 0)
    leaf = rh_guide_node_get_choice (leaf, 0);
  g_assert_cmpuint (rh_guide_node_get_depth (leaf), ==, 4);
  g_assert_cmpint (rh_guide_node_get_role (leaf), ==, RH_ROLE_GENERAL);
  g_assert_nonnull (none);
  g_assert_null (rh_catalog_get_guide (none));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/guide/builtin-covers-every-entry", test_builtin_covers_every_entry);
  g_test_add_func ("/guide/invalid", test_invalid);
  g_test_add_func ("/guide/valid-edges", test_valid_edges);
  return g_test_run ();
}
