/* test-catalog.c — the content model and its loader (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "rh-core.h"

static RhCatalog *
load_builtin (void)
{
  g_autoptr(GError) error = NULL;
  RhCatalog *catalog = rh_catalog_new_builtin (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  return catalog;
}

/* The source lines that carry text: separators ("-") dropped, a trailing " -" removed. */
static GPtrArray *
source_lines (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "faq-source.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_str_has_suffix (line, " -"))
        line[strlen (line) - 2] = '\0';
      g_strstrip (line);

      if (*line == '\0' || g_str_equal (line, "-"))
        continue;

      g_ptr_array_add (ret, g_strdup (line));
    }

  return ret;
}

static GHashTable *
catalog_lines (RhCatalog *catalog)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *entries = rh_catalog_get_entries (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *text = rh_entry_dup_text (entry, RH_ROLE_ANY);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint j = 0; lines[j]; j++)
        if (*lines[j])
          g_hash_table_add (set, g_strdup (lines[j]));
    }

  return set;
}

static void
test_catalog_builtin_loads (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  GListModel *entries = rh_catalog_get_entries (catalog);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 14);
  g_assert_cmpstr (rh_catalog_get_title (catalog), ==,
                   "団体IB・賃金控除事務支援サービス等に関するお問合せ");
  g_assert_true (g_type_is_a (g_list_model_get_item_type (entries), RH_TYPE_ENTRY));
  g_assert_true (g_type_is_a (g_list_model_get_item_type (rh_catalog_get_categories (catalog)),
                              RH_TYPE_CATEGORY));
}

/* Every line of the source's question/answer text is in the catalog, verbatim. */
static void
test_catalog_verbatim (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  g_autoptr(GPtrArray) lines = source_lines ();
  g_autoptr(GHashTable) have = catalog_lines (catalog);
  guint missing = 0;

  /* The first two lines are the page title and its lead. */
  g_assert_cmpuint (lines->len, >, 100);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, rh_catalog_get_title (catalog));
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==, rh_catalog_get_intro (catalog));

  for (guint i = 2; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (!g_hash_table_contains (have, line))
        {
          g_test_message ("not in the catalog: %s", line);
          missing++;
        }
    }

  g_assert_cmpuint (missing, ==, 0);
}

/* And the reverse: the catalog adds no text of its own, but for the
 * honest "no answer" note and the branch's name. */
static void
test_catalog_no_invented_text (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  g_autoptr(GPtrArray) lines = source_lines ();
  g_autoptr(GHashTable) source = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *entries = rh_catalog_get_entries (catalog);
  guint invented = 0;

  for (guint i = 0; i < lines->len; i++)
    g_hash_table_add (source, g_ptr_array_index (lines, i));

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

      g_assert_true (g_hash_table_contains (source, rh_entry_get_question (entry)));

      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        {
          const RhBlock *block = rh_entry_get_block (entry, b);

          if (block->type == RH_BLOCK_UNANSWERED)
            continue;

          if (block->text && !g_hash_table_contains (source, block->text))
            {
              g_test_message ("%s: not in the source: %s", rh_entry_get_id (entry), block->text);
              invented++;
            }
          for (guint k = 0; block->items && block->items[k]; k++)
            if (!g_hash_table_contains (source, block->items[k]))
              {
                g_test_message ("%s: not in the source: %s", rh_entry_get_id (entry), block->items[k]);
                invented++;
              }
          if (block->check_text && !g_hash_table_contains (source, block->check_text))
            invented++;
          if (block->check)
            {
              /* The item to tick is quoted in its ※ line. */
              g_autofree char *quoted = g_strdup_printf ("「%s」", block->check);
              g_assert_nonnull (block->check_text);
              g_assert_nonnull (strstr (block->check_text, quoted));
            }
        }
    }

  g_assert_cmpuint (invented, ==, 0);
}

static void
test_catalog_questions_in_order (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  GListModel *entries = rh_catalog_get_entries (catalog);
  g_autoptr(GPtrArray) lines = source_lines ();
  guint next = 0;

  /* Questions appear in the source in the same order as in the catalog. */
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      gboolean found = FALSE;

      for (; next < lines->len; next++)
        if (g_str_equal (g_ptr_array_index (lines, next), rh_entry_get_question (entry)))
          {
            found = TRUE;
            next++;
            break;
          }

      g_assert_true (found);
    }
}

static void
collect_reachable (GListModel *model,
                   GHashTable *seen,
                   guint      *n_categories)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (RH_IS_CATEGORY (item))
        {
          g_autoptr(GListModel) children = rh_category_dup_children (RH_CATEGORY (item));

          (*n_categories)++;
          /* No empty category in the tree. */
          g_assert_nonnull (children);
          collect_reachable (children, seen, n_categories);
        }
      else
        {
          g_assert_true (RH_IS_ENTRY (item));
          g_hash_table_insert (seen, (gpointer)rh_entry_get_id (RH_ENTRY (item)),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                 g_hash_table_lookup (seen, rh_entry_get_id (RH_ENTRY (item)))) + 1));
        }
    }
}

static void
test_catalog_tree_reaches_all (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *entries = rh_catalog_get_entries (catalog);
  guint n_categories = 0;
  guint n_multi = 0;
  const char *required[] = { "インターネットバンキング(IB)", "電子証明書", "パスワード・認証", "控除スケジュール" };

  collect_reachable (rh_catalog_get_categories (catalog), seen, &n_categories);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, rh_entry_get_id (entry)));

      g_assert_cmpuint (count, >=, 1);
      if (count > 1)
        n_multi++;
    }

  g_assert_cmpuint (n_multi, >, 0);

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      gboolean found = FALSE;
      GListModel *roots = rh_catalog_get_categories (catalog);

      for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
        {
          g_autoptr(RhCategory) category = g_list_model_get_item (roots, i);
          if (g_str_equal (rh_category_get_title (category), required[r]))
            found = TRUE;
        }
      g_assert_true (found);
    }
}

static void
test_catalog_structure (void)
{
  g_autoptr(RhCatalog) catalog = load_builtin ();
  RhContact *helpdesk = rh_catalog_lookup_contact (catalog, "helpdesk");
  const char *kinds[] = { "zaikei", "nyukin", "meisai" };
  GListModel *entries = rh_catalog_get_entries (catalog);
  guint n_unanswered = 0, n_role = 0, n_forms_with_check = 0;

  g_assert_nonnull (helpdesk);
  g_assert_cmpstr (rh_contact_get_phone (helpdesk), ==, "0120-609-575");
  g_assert_true (rh_contact_has_hours (helpdesk));
  g_assert_cmpint (rh_contact_get_open_minute (helpdesk), ==, 9 * 60);
  g_assert_cmpint (rh_contact_get_close_minute (helpdesk), ==, 18 * 60);
  g_assert_cmpint (rh_contact_get_closed_days (helpdesk), ==,
                   RH_CLOSED_WEEKEND | RH_CLOSED_HOLIDAY | RH_CLOSED_YEAR_END);
  g_assert_nonnull (rh_catalog_lookup_contact (catalog, "branch"));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      guint found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);
          if (g_strcmp0 (rh_entry_get_deadline_kind (entry), kinds[k]) == 0)
            found++;
        }
      g_assert_cmpuint (found, ==, 1);
    }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(RhEntry) entry = g_list_model_get_item (entries, i);

      if (!rh_entry_is_answered (entry))
        {
          n_unanswered++;
          g_assert_cmpstr (rh_entry_get_question (entry), ==,
                           "賃金控除事務支援サービスを利用している担当者が変更となった。");
        }
      if (rh_entry_has_role_steps (entry))
        n_role++;
      for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
        if (rh_entry_get_block (entry, b)->type == RH_BLOCK_FORM &&
            rh_entry_get_block (entry, b)->check != NULL)
          n_forms_with_check++;
      g_assert_nonnull (rh_entry_get_keywords (entry)[0]);
    }

  g_assert_cmpuint (n_unanswered, ==, 1);
  g_assert_cmpuint (n_role, ==, 5);
  g_assert_cmpuint (n_forms_with_check, >=, 4);

  /* The PC change for IB: master steps, the form with 電子証明書の失効, general steps. */
  {
    RhEntry *pc = rh_catalog_lookup_entry (catalog, "ib-pc-change");
    g_autofree char *general = NULL;
    g_autofree char *master = NULL;

    g_assert_nonnull (pc);
    general = rh_entry_dup_text (pc, RH_ROLE_GENERAL);
    master = rh_entry_dup_text (pc, RH_ROLE_MASTER);
    g_assert_nonnull (strstr (general, "① マスターユーザ側で電子証明書を失効"));
    g_assert_null (strstr (general, "① 変更前のパソコンで電子証明書を失効"));
    g_assert_nonnull (strstr (master, "① 変更前のパソコンで電子証明書を失効"));
    g_assert_nonnull (strstr (master, "※「電子証明書の失効」をチェックしてください。"));
    g_assert_null (strstr (master, "① マスターユーザ側で電子証明書を失効"));
  }
}

/* --- validation ----------------------------------------------------------- */

typedef void (*Mutator) (JsonObject *root);

static JsonNode *
builtin_json (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RH_CATALOG_RESOURCE, 0, NULL);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  g_assert_nonnull (bytes);
  node = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_assert_no_error (error);

  return node;
}

static JsonObject *
entry_at (JsonObject *root,
          guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (root, "entries"), i);
}

static void
expect_error (Mutator     mutate,
              int         code,
              const char *const *needles)
{
  g_autoptr(JsonNode) node = builtin_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  mutate (json_node_get_object (node));
  text = json_to_string (node, FALSE);
  bytes = g_bytes_new (text, strlen (text));

  catalog = rh_catalog_new_from_bytes (bytes, "test.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, RH_CATALOG_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "test.json: "));
  for (guint i = 0; needles[i]; i++)
    if (strstr (error->message, needles[i]) == NULL)
      g_error ("“%s” not in “%s”", needles[i], error->message);
}

static void mut_schema (JsonObject *root) { json_object_set_int_member (root, "schema", 2); }
static void mut_schema_string (JsonObject *root) { json_object_set_string_member (root, "schema", "1"); }
static void mut_no_question (JsonObject *root) { json_object_remove_member (entry_at (root, 2), "question"); }
static void mut_no_blocks (JsonObject *root) { json_object_remove_member (entry_at (root, 3), "blocks"); }
static void mut_no_revision (JsonObject *root) { json_object_remove_member (root, "revision"); }
static void mut_bad_revision (JsonObject *root) { json_object_set_string_member (root, "revision", "2026-13-40"); }
static void mut_dup_id (JsonObject *root)
{
  json_object_set_string_member (entry_at (root, 5), "id",
                                 json_object_get_string_member (entry_at (root, 1), "id"));
}
static void mut_dangling_category (JsonObject *root)
{
  JsonArray *cats = json_array_new ();
  json_array_add_string_element (cats, "no-such-category");
  json_object_set_array_member (entry_at (root, 4), "categories", cats);
}
static void mut_dangling_service (JsonObject *root) { json_object_set_string_member (entry_at (root, 0), "service", "atm"); }
static void mut_dangling_contact (JsonObject *root)
{
  JsonArray *blocks = json_object_get_array_member (entry_at (root, 5), "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *b = json_array_get_object_element (blocks, i);
      if (g_str_equal (json_object_get_string_member (b, "type"), "contact"))
        json_object_set_string_member (b, "contact", "nobody");
    }
}
static void mut_wrong_type_question (JsonObject *root) { json_object_set_int_member (entry_at (root, 6), "question", 42); }
static void mut_wrong_type_keywords (JsonObject *root) { json_object_set_string_member (entry_at (root, 7), "keywords", "パソコン"); }
static void mut_wrong_type_item (JsonObject *root)
{
  JsonArray *blocks = json_object_get_array_member (entry_at (root, 0), "blocks");
  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *b = json_array_get_object_element (blocks, i);
      if (json_object_has_member (b, "items"))
        {
          json_array_add_int_element (json_object_get_array_member (b, "items"), 7);
          break;
        }
    }
}
static void mut_unknown_block (JsonObject *root)
{
  JsonObject *b = json_array_get_object_element (json_object_get_array_member (entry_at (root, 8), "blocks"), 0);
  json_object_set_string_member (b, "type", "video");
}
static void mut_bad_role (JsonObject *root)
{
  JsonObject *b = json_array_get_object_element (json_object_get_array_member (entry_at (root, 0), "blocks"), 0);
  json_object_set_string_member (b, "role", "admin");
}
static void mut_dup_category (JsonObject *root)
{
  JsonArray *cats = json_object_get_array_member (root, "categories");
  JsonObject *copy = json_object_new ();
  json_object_set_string_member (copy, "id", json_object_get_string_member (json_array_get_object_element (cats, 0), "id"));
  json_object_set_string_member (copy, "title", "copy");
  json_array_add_object_element (cats, copy);
}
static void mut_unknown_field (JsonObject *root)
{
  /* Unknown members are ignored: not an error. */
  json_object_set_string_member (entry_at (root, 0), "video_url", "https://example.invalid/");
}

static void
test_catalog_errors (void)
{
  const struct {
    Mutator mutate;
    int code;
    const char *needles[4];
  } cases[] = {
    { mut_schema, RH_CATALOG_ERROR_SCHEMA, { "schema", "2", NULL } },
    { mut_schema_string, RH_CATALOG_ERROR_WRONG_TYPE, { "schema", NULL } },
    { mut_no_question, RH_CATALOG_ERROR_MISSING_FIELD, { "ib-auth-asked", "question", NULL } },
    { mut_no_blocks, RH_CATALOG_ERROR_MISSING_FIELD, { "ib-auth-forgot", "blocks", NULL } },
    { mut_no_revision, RH_CATALOG_ERROR_MISSING_FIELD, { "revision", NULL } },
    { mut_bad_revision, RH_CATALOG_ERROR_INVALID_VALUE, { "revision", "2026-13-40", NULL } },
    { mut_dup_id, RH_CATALOG_ERROR_DUPLICATE_ID, { "ib-person-change", "id", NULL } },
    { mut_dangling_category, RH_CATALOG_ERROR_DANGLING_REF, { "ib-token-change", "categories", "no-such-category" } },
    { mut_dangling_service, RH_CATALOG_ERROR_DANGLING_REF, { "ib-pc-change", "service", "atm" } },
    { mut_dangling_contact, RH_CATALOG_ERROR_DANGLING_REF, { "ib-helpdesk", "contact", "nobody" } },
    { mut_wrong_type_question, RH_CATALOG_ERROR_WRONG_TYPE, { "chingin-pc-change", "question", NULL } },
    { mut_wrong_type_keywords, RH_CATALOG_ERROR_WRONG_TYPE, { "chingin-person-change", "keywords", NULL } },
    { mut_wrong_type_item, RH_CATALOG_ERROR_WRONG_TYPE, { "ib-pc-change", "items", NULL } },
    { mut_unknown_block, RH_CATALOG_ERROR_INVALID_VALUE, { "chingin-initial-password", "blocks[0].type", "video" } },
    { mut_bad_role, RH_CATALOG_ERROR_INVALID_VALUE, { "ib-pc-change", "blocks[0].role", "admin" } },
    { mut_dup_category, RH_CATALOG_ERROR_DUPLICATE_ID, { "id", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    expect_error (cases[i].mutate, cases[i].code, cases[i].needles);
}

static void
test_catalog_unknown_fields_ignored (void)
{
  g_autoptr(JsonNode) node = builtin_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  mut_unknown_field (json_node_get_object (node));
  text = json_to_string (node, FALSE);
  bytes = g_bytes_new (text, strlen (text));
  catalog = rh_catalog_new_from_bytes (bytes, "test.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
}

/* The first form block of the built-in content (the PC change of 団体IB). */
static JsonObject *
first_form (JsonObject *root,
            const char **entry_id)
{
  JsonArray *entries = json_object_get_array_member (root, "entries");

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      JsonArray *blocks = json_object_get_array_member (entry, "blocks");

      for (guint b = 0; b < json_array_get_length (blocks); b++)
        {
          JsonObject *block = json_array_get_object_element (blocks, b);

          if (g_strcmp0 (json_object_get_string_member (block, "type"), "form") == 0)
            {
              *entry_id = json_object_get_string_member (entry, "id");
              return block;
            }
        }
    }
  g_assert_not_reached ();
}

static RhCatalog *
load_with_form (const char  *name,
                const char  *url,
                const char **entry_id,
                GError     **error)
{
  g_autoptr(JsonNode) node = builtin_json ();
  JsonObject *form = first_form (json_node_get_object (node), entry_id);
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;

  *entry_id = g_intern_string (*entry_id);
  if (name != NULL)
    json_object_set_string_member (form, "name", name);
  if (url != NULL)
    json_object_set_string_member (form, "url", url);
  text = json_to_string (node, FALSE);
  bytes = g_bytes_new (text, strlen (text));

  return rh_catalog_new_from_bytes (bytes, "test.json", error);
}

/* A form block may name the form and where to get it (an organisation's
 * content update); both optional, checked when present. */
static void
test_catalog_form_source (void)
{
  const struct { const char *name, *url, *field; } bad[] = {
    { "", NULL, "name" },
    { NULL, "http://intranet.example/form.pdf", "url" },
    { NULL, "javascript:alert(1)", "url" },
    { NULL, "https://", "url" },
    { NULL, "様式.pdf", "url" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  const char *id = NULL;
  RhEntry *entry;
  const RhBlock *form = NULL;

  catalog = load_with_form ("電子証明書失効届", "https://intranet.example/rokin/form.pdf", &id, &error);
  g_assert_no_error (error);
  entry = rh_catalog_lookup_entry (catalog, id);
  for (guint b = 0; b < rh_entry_get_n_blocks (entry) && form == NULL; b++)
    if (rh_entry_get_block (entry, b)->type == RH_BLOCK_FORM)
      form = rh_entry_get_block (entry, b);
  g_assert_nonnull (form);
  g_assert_cmpstr (form->form_name, ==, "電子証明書失効届");
  g_assert_cmpstr (form->form_url, ==, "https://intranet.example/rokin/form.pdf");
  /* in the copied text too */
  {
    g_autofree char *text = rh_entry_dup_text (entry, RH_ROLE_ANY);
    g_assert_nonnull (strstr (text, "電子証明書失効届"));
  }
  g_clear_object (&catalog);

  /* The built-in content names none. */
  catalog = rh_catalog_new_builtin (&error);
  g_assert_no_error (error);
  entry = rh_catalog_lookup_entry (catalog, id);
  for (guint b = 0; b < rh_entry_get_n_blocks (entry); b++)
    {
      g_assert_null (rh_entry_get_block (entry, b)->form_name);
      g_assert_null (rh_entry_get_block (entry, b)->form_url);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) bad_error = NULL;
      g_autoptr(RhCatalog) bad_catalog = load_with_form (bad[i].name, bad[i].url, &id, &bad_error);

      g_assert_null (bad_catalog);
      g_assert_error (bad_error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_INVALID_VALUE);
      g_test_message ("%s", bad_error->message);
      g_assert_nonnull (strstr (bad_error->message, id));
      g_assert_nonnull (strstr (bad_error->message, bad[i].field));
    }
}

static void
test_catalog_garbage (void)
{
  const char *inputs[] = {
    "", "{", "[]", "null", "42", "\"faq\"", "{\"schema\":1}", "\xff\xfe{}",
    "{\"schema\":1,\"revision\":\"2026-11-25\",\"title\":\"t\",\"services\":[],\"contacts\":[],"
    "\"categories\":[],\"entries\":[]}",
    "{\"schema\":1,\"revision\":\"2026-11-25\",\"title\":\"t\",\"services\":{},\"contacts\":[],"
    "\"categories\":[],\"entries\":[]}",
    /* Found by fuzzing: json-glib echoes a lone surrogate as invalid UTF-8. */
    "[\"\\ud800clh6ion\":\"\02226-02-29\"}}\n",
    "{\"schema\":1,\"revision\":\"2026-11-25\",\"title\":\"\\ud800x\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (inputs[i], strlen (inputs[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(RhCatalog) catalog = rh_catalog_new_from_bytes (bytes, "x.json", &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "x.json"));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }

  /* Deep nesting is refused before the recursive parser sees it. */
  {
    GString *deep = g_string_new ("{\"schema\":");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(RhCatalog) catalog = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    bytes = g_string_free_to_bytes (deep);
    catalog = rh_catalog_new_from_bytes (bytes, "deep.json", &error);
    g_assert_null (catalog);
    g_assert_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE);
  }
}

/* Brackets hidden in a comment or a single-quoted string (both of which
 * json-glib accepts) once drove the depth count negative, and the real
 * nesting after them then reached json-glib's recursive parser: SIGSEGV. */
static void
test_catalog_strict_json (void)
{
  const char *hiders[][2] = { { "/*", "*/" }, { "'", "'" }, { "//", "\n" } };

  for (guint i = 0; i < G_N_ELEMENTS (hiders); i++)
    {
      GString *text = g_string_new ("{\"schema\":1,\"x\":");
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RhCatalog) catalog = NULL;

      g_string_append (text, hiders[i][0]);
      for (guint j = 0; j < 400000; j++)
        g_string_append_c (text, ']');
      g_string_append (text, hiders[i][1]);
      for (guint j = 0; j < 400000; j++)
        g_string_append_c (text, '[');
      bytes = g_string_free_to_bytes (text);
      catalog = rh_catalog_new_from_bytes (bytes, "hidden.json", &error);
      g_assert_null (catalog);
      g_assert_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE);
      g_assert_true (g_str_has_prefix (error->message, "hidden.json, line 1: "));
    }

  /* The built-in content with one comment, or one single-quoted string,
   * is refused as a whole, naming the line. */
  {
    g_autoptr(GBytes) builtin = g_resources_lookup_data (RH_CATALOG_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
    const char *variants[] = { "/* note */", "//note\n" };

    g_assert_nonnull (builtin);
    for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
      {
        g_autofree char *text = g_strconcat (variants[i],
                                             (const char *)g_bytes_get_data (builtin, NULL), NULL);
        g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
        g_autoptr(GError) error = NULL;
        g_autoptr(RhCatalog) catalog = rh_catalog_new_from_bytes (bytes, "c.json", &error);

        g_assert_null (catalog);
        g_assert_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE);
        g_assert_true (g_str_has_prefix (error->message, "c.json, line 1: "));
      }
  }
}

/* json-glib turns \u0000 into a NUL that silently cut the title short. */
static void
test_catalog_nul_escape (void)
{
  g_autoptr(JsonNode) node = builtin_json ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GString *json;

  json_object_set_string_member (json_node_get_object (node), "title", "ろうきん\\u0000団体");
  text = json_to_string (node, FALSE);
  /* json_to_string escaped the backslash: make it a real \u0000 escape. */
  json = g_string_new (text);
  g_assert_cmpuint (g_string_replace (json, "\\\\u0000", "\\u0000", 1), ==, 1);
  bytes = g_string_free_to_bytes (json);
  catalog = rh_catalog_new_from_bytes (bytes, "nul.json", &error);
  g_assert_null (catalog);
  g_assert_error (error, RH_CATALOG_ERROR, RH_CATALOG_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "\\u0000"));
}

static void
test_catalog_from_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "faq.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = rh_catalog_new_from_file (path, &error);
  g_autoptr(RhCatalog) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rh_catalog_get_entries (catalog)), ==, 14);

  missing = rh_catalog_new_from_file ("/nonexistent/faq.json", &error);
  g_assert_null (missing);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/builtin-loads", test_catalog_builtin_loads);
  g_test_add_func ("/catalog/verbatim", test_catalog_verbatim);
  g_test_add_func ("/catalog/no-invented-text", test_catalog_no_invented_text);
  g_test_add_func ("/catalog/questions-in-order", test_catalog_questions_in_order);
  g_test_add_func ("/catalog/tree-reaches-all", test_catalog_tree_reaches_all);
  g_test_add_func ("/catalog/structure", test_catalog_structure);
  g_test_add_func ("/catalog/errors", test_catalog_errors);
  g_test_add_func ("/catalog/unknown-fields-ignored", test_catalog_unknown_fields_ignored);
  g_test_add_func ("/catalog/garbage", test_catalog_garbage);
  g_test_add_func ("/catalog/form-source", test_catalog_form_source);
  g_test_add_func ("/catalog/strict-json", test_catalog_strict_json);
  g_test_add_func ("/catalog/nul-escape", test_catalog_nul_escape);
  g_test_add_func ("/catalog/from-file", test_catalog_from_file);

  return g_test_run ();
}
