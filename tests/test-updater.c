/* test-updater.c — content updates against a loopback SoupServer that
 * misbehaves in every way we know of. For each failure: the outcome, the
 * message, and that the installed file is byte-for-byte what it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

#include "rh-core.h"
#include "rh-test-server.h"
#include "rh-test-util.h"

static RhTestServer *server;
static GBytes *faq_new;      /* revision RH_TEST_NEW_REVISION, 15 entries */
static GBytes *faq_newer;    /* revision RH_TEST_NEWER_REVISION */

typedef struct
{
  char             *cache_dir;
  char             *faq_path;
  RhContentUpdater *updater;
  GBytes           *installed;  /* what faq.json held before the failing check */
} Fixture;

static RhUpdateResult *
check_content (Fixture    *f,
               const char *path)
{
  g_autofree char *url = rh_test_server_url (server, path);

  rh_content_updater_set_content_url (f->updater, url);
  return rh_content_updater_check (f->updater, NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data;
  gsize len;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* No temporary file of any writer is left in the folder. */
static void
assert_no_temporary (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    g_assert_false (name[0] == '.' && strchr (name + 1, '.') != NULL &&
                    (g_str_has_prefix (name, ".faq.json.") || g_str_has_prefix (name, ".state.ini.") ||
                     g_str_has_prefix (name, ".holidays.csv.")));
}

static void
assert_installed_intact (Fixture *f)
{
  g_autoptr(GBytes) now = read_file (f->faq_path);

  g_assert_cmpuint (g_bytes_get_size (now), ==, g_bytes_get_size (f->installed));
  g_assert_cmpint (memcmp (g_bytes_get_data (now, NULL), g_bytes_get_data (f->installed, NULL),
                           g_bytes_get_size (now)), ==, 0);
  assert_no_temporary (f->cache_dir);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RhUpdateResult) result = NULL;

  f->cache_dir = g_dir_make_tmp ("rh-updater-XXXXXX", &error);
  g_assert_no_error (error);
  f->faq_path = g_build_filename (f->cache_dir, "faq.json", NULL);
  f->updater = rh_content_updater_new (f->cache_dir);
  rh_content_updater_set_timeout (f->updater, 1);

  /* The previously installed content: a good update from the server. */
  result = check_content (f, "/faq.json");
  g_assert_cmpstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), ==, "Installed content revision " RH_TEST_NEW_REVISION ".");
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  f->installed = read_file (f->faq_path);
  g_assert_true (g_bytes_equal (f->installed, faq_new));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  rh_test_rm_rf (f->cache_dir);
  g_free (f->cache_dir);
  g_free (f->faq_path);
  g_clear_object (&f->updater);
  g_clear_pointer (&f->installed, g_bytes_unref);
}

/* ---------- success paths ---------- */

static void
test_updater_installs_valid (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RhCatalog) best = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = NULL;

  /* Set-up installed faq_new; it is what the app now starts with. */
  best = rh_content_updater_load_best_catalog (f->updater, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rh_catalog_get_revision (best), ==, RH_TEST_NEW_REVISION);
  g_assert_nonnull (rh_catalog_lookup_entry (best, RH_TEST_NEW_ENTRY_ID));
  g_assert_cmpuint (g_list_model_get_n_items (rh_catalog_get_entries (best)), ==, 15);

  last = rh_content_updater_dup_last_success (f->updater, RH_UPDATE_KIND_CONTENT);
  g_assert_nonnull (last);
}

static void
test_updater_not_modified (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;
  guint before = server->n_conditional;

  result = check_content (f, "/faq.json");
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UNCHANGED);
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "no change"));
  g_assert_cmpstr (rh_update_result_get_revision (result, RH_UPDATE_KIND_CONTENT), ==, RH_TEST_NEW_REVISION);
  g_assert_null (rh_update_result_get_catalog (result));
  g_assert_false (rh_update_result_has_failure (result));
  /* The server really was asked conditionally, and answered 304. */
  g_assert_cmpuint (server->n_conditional, ==, before + 1);
  assert_installed_intact (f);
}

static void
test_updater_newer_replaces (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(GBytes) now = NULL;

  result = check_content (f, "/newer.json");
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  g_assert_cmpstr (rh_update_result_get_revision (result, RH_UPDATE_KIND_CONTENT), ==, RH_TEST_NEWER_REVISION);
  g_assert_nonnull (rh_update_result_get_catalog (result));
  g_assert_cmpstr (rh_catalog_get_revision (rh_update_result_get_catalog (result)), ==, RH_TEST_NEWER_REVISION);
  now = read_file (f->faq_path);
  g_assert_true (g_bytes_equal (now, faq_newer));
}

static void
test_updater_follows_redirect (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;

  result = check_content (f, "/moved");
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  g_assert_cmpstr (rh_update_result_get_revision (result, RH_UPDATE_KIND_CONTENT), ==, RH_TEST_NEWER_REVISION);
}

static void
test_updater_older_than_builtin (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rh-updater-XXXXXX", NULL);
  g_autoptr(RhContentUpdater) updater = rh_content_updater_new (dir);
  g_autofree char *url = rh_test_server_url (server, "/old.json");
  g_autofree char *path = g_build_filename (dir, "faq.json", NULL);
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(RhCatalog) best = NULL;

  /* A server still serving an old file does not take the clerk back, and
   * nothing is written for it. */
  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UNCHANGED);
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "2000-01-01"));
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "built-in"));
  g_assert_null (rh_update_result_get_catalog (result));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  best = rh_content_updater_load_best_catalog (updater, NULL);
  g_assert_cmpstr (rh_catalog_get_origin (best), ==, "faq.json (built-in)");
  rh_test_rm_rf (dir);
}

/* After revision 2026-12-01 is installed, a server offering an older one
 * (also through a duplicate "revision" key, where the last one wins) or
 * the same revision with other bytes once overwrote the file and said
 * "unchanged": the clerk fell back to the built-in content. */
static void
test_updater_older_than_installed (Fixture       *f,
                                   gconstpointer  data)
{
  const char *paths[] = { "/old.json", "/dup-revision.json", "/same-revision.json" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(RhUpdateResult) result = check_content (f, paths[i]);
      g_autoptr(RhCatalog) best = NULL;
      const char *message = rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT);

      g_test_message ("%s: %s", paths[i], message);
      g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UNCHANGED);
      g_assert_nonnull (strstr (message, "not newer than the installed revision " RH_TEST_NEW_REVISION));
      g_assert_cmpstr (rh_update_result_get_revision (result, RH_UPDATE_KIND_CONTENT), ==, RH_TEST_NEW_REVISION);
      g_assert_null (rh_update_result_get_catalog (result));
      assert_installed_intact (f);

      best = rh_content_updater_load_best_catalog (f->updater, NULL);
      g_assert_cmpstr (rh_catalog_get_revision (best), ==, RH_TEST_NEW_REVISION);
    }
}

static void
test_updater_skipped_without_url (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rh-updater-XXXXXX", NULL);
  g_autoptr(RhContentUpdater) updater = rh_content_updater_new (dir);
  guint before = server->n_requests;
  g_autoptr(RhUpdateResult) result = rh_content_updater_check (updater, NULL);

  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_SKIPPED);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_HOLIDAYS), ==, RH_UPDATE_STATUS_SKIPPED);
  g_assert_false (rh_update_result_has_failure (result));
  g_assert_cmpuint (server->n_requests, ==, before);
  /* No URL, no network and no files. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    g_assert_null (g_dir_read_name (d));
  }
  g_rmdir (dir);
}

/* ---------- failures: one table, one assertion set ---------- */

typedef struct
{
  const char    *path;
  RhUpdateError  code;
  const char    *message_part;
} FailCase;

static const FailCase fail_cases[] = {
  { "/404", RH_UPDATE_ERROR_HTTP_STATUS, "404" },
  { "/500", RH_UPDATE_ERROR_HTTP_STATUS, "500" },
  { "/always-304", RH_UPDATE_ERROR_HTTP_STATUS, "304 Not Modified" },
  { "/stall", RH_UPDATE_ERROR_TIMEOUT, "did not answer in time (limit: 1 s)" },
  { "/huge-length", RH_UPDATE_ERROR_TOO_LARGE, "larger than the limit of 5.0" },
  { "/huge-chunked", RH_UPDATE_ERROR_TOO_LARGE, "larger than the limit of 5.0" },
  { "/truncated", RH_UPDATE_ERROR_TRUNCATED, "cut off" },
  { "/invalid.json", RH_UPDATE_ERROR_INVALID, "not valid" },
  { "/schema-invalid.json", RH_UPDATE_ERROR_INVALID, "“ib-pc-change”: field “question”" },
  { "/loop", RH_UPDATE_ERROR_TOO_MANY_REDIRECTS, "Too many redirects" },
  { "/to-plain-http", RH_UPDATE_ERROR_NOT_HTTPS, "http://example.com/faq.json" },
  /* Brackets hidden in a comment, then deep nesting: once a SIGSEGV. */
  { "/hidden-brackets.json", RH_UPDATE_ERROR_INVALID, "line 1: not valid JSON: comments are not allowed" },
  { "/future.json", RH_UPDATE_ERROR_INVALID, "revision 9999-12-31 is more than a year ahead of today" },
};

static void
test_updater_failure (Fixture       *f,
                      gconstpointer  data)
{
  const FailCase *c = data;
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(RhCatalog) best = NULL;
  const GError *error;
  const char *message;

  result = check_content (f, c->path);

  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
  g_assert_true (rh_update_result_has_failure (result));
  g_assert_null (rh_update_result_get_catalog (result));
  error = rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT);
  g_assert_error ((GError *)error, RH_UPDATE_ERROR, (int)c->code);
  message = rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT);
  g_test_message ("%s: %s", c->path, message);
  g_assert_nonnull (strstr (message, c->message_part));

  assert_installed_intact (f);

  /* And what the app would start with is still the installed content. */
  best = rh_content_updater_load_best_catalog (f->updater, NULL);
  g_assert_cmpstr (rh_catalog_get_revision (best), ==, RH_TEST_NEW_REVISION);
}

static void
test_updater_not_https (Fixture       *f,
                        gconstpointer  data)
{
  const char *refused[] = { "http://example.com/faq.json", "http://10.0.0.1/faq.json",
                            "ftp://127.0.0.1/faq.json", "file:///etc/passwd", NULL };
  guint before = server->n_requests;

  for (guint i = 0; refused[i]; i++)
    {
      g_autoptr(RhUpdateResult) result = NULL;

      rh_content_updater_set_content_url (f->updater, refused[i]);
      result = rh_content_updater_check (f->updater, NULL);
      g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
      g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                      RH_UPDATE_ERROR, RH_UPDATE_ERROR_NOT_HTTPS);
      g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "HTTPS"));
      assert_installed_intact (f);
    }

  g_assert_cmpuint (server->n_requests, ==, before);
}

static void
test_updater_check_url (void)
{
  const char *allowed[] = { "https://intranet.example/faq.json", "http://127.0.0.1:8080/faq.json",
                            "http://127.1.2.3/x", "http://[::1]:80/faq.json", "http://localhost/faq.json",
                            "HTTPS://Example.COM/faq.json", NULL };
  const char *refused[] = { "http://example.com/", "http://192.168.1.1/", "http://127.example.com/",
                            "ftp://127.0.0.1/", "data:,hello", NULL };
  const char *bad[] = { "", "not a url", "https://", "https:///faq.json", NULL };

  for (guint i = 0; allowed[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (rh_content_updater_check_url (allowed[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; refused[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (rh_content_updater_check_url (refused[i], &error));
      g_assert_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NOT_HTTPS);
    }
  for (guint i = 0; bad[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_false (rh_content_updater_check_url (bad[i], &error));
      g_assert_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_BAD_URL);
    }
}

/* Each refused certificate is refused for its own reason, and the message
 * names it: only an unknown authority calls for installing one. */
static void
test_updater_untrusted_certificate (Fixture       *f,
                                    gconstpointer  data)
{
  const struct { const char *pem; const char *named; const char *not_named; } cases[] = {
    { "untrusted-tls.pem", "authority this computer does not trust", "expired" },
    { "expired-tls.pem", "it has expired", "another server name" },
    { "other-host-tls.pem", "issued for another server name", "expired" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "data", cases[i].pem, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(RhUpdateResult) result = NULL;
      g_autofree char *url = NULL;
      RhTestServer *tls = rh_test_server_new ();
      const char *message;

      tls->tls_certificate = g_tls_certificate_new_from_file (pem, &error);
      g_assert_no_error (error);
      rh_test_server_start (tls);
      url = g_strconcat (tls->tls_base, "/newer.json", NULL);

      /* A real HTTPS server on loopback: refused all the same.
       * Verification is never turned off. */
      rh_content_updater_set_content_url (f->updater, url);
      result = rh_content_updater_check (f->updater, NULL);
      message = rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT);
      g_test_message ("%s: %s", cases[i].pem, message);
      g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
      g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                      RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK);
      g_assert_nonnull (strstr (message, "The certificate of"));
      g_assert_nonnull (strstr (message, cases[i].named));
      g_assert_null (strstr (message, cases[i].not_named));
      /* The request never reached the handler. */
      g_assert_cmpuint (tls->n_requests, ==, 0);
      assert_installed_intact (f);
      rh_test_server_free (tls);
    }
}

static void
test_updater_connection_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autofree char *url = NULL;

  /* A port that is bound but not listening refuses connections. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/faq.json",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));

  rh_content_updater_set_content_url (f->updater, url);
  result = rh_content_updater_check (f->updater, NULL);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
  g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK);
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "Could not reach"));
  assert_installed_intact (f);
}

/* ---------- the write itself fails ---------- */

static void
test_updater_write_fails_midway (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);

  /* Even root cannot write past RLIMIT_FSIZE: write() fails with EFBIG
   * after part of the new file is on disk. */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = g_bytes_get_size (faq_newer) / 2;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  result = check_content (f, "/newer.json");

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
  g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_WRITE);
  g_test_message ("%s", rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT));
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), "Could not store"));
  assert_installed_intact (f);
}

/* ---------- the cache on start-up ---------- */

static void
test_updater_corrupt_cache (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RhCatalog) best = NULL;
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  g_file_set_contents (f->faq_path, "{\"schema\": 1, \"revis", -1, &error);
  g_assert_no_error (error);

  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING, "Ignoring the downloaded content*");
  best = rh_content_updater_load_best_catalog (f->updater, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (rh_catalog_get_origin (best), ==, "faq.json (built-in)");

  /* The stored ETag no longer describes the file: it is fetched again. */
  before = server->n_conditional;
  result = check_content (f, "/faq.json");
  g_assert_cmpuint (server->n_conditional, ==, before);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  g_clear_object (&best);
  best = rh_content_updater_load_best_catalog (f->updater, &error);
  g_assert_cmpstr (rh_catalog_get_revision (best), ==, RH_TEST_NEW_REVISION);
}

static void
test_updater_no_cache_dir (void)
{
  g_autoptr(RhContentUpdater) updater = rh_content_updater_new ("/nonexistent/rokin-help");
  g_autoptr(RhCatalog) best = NULL;
  g_autoptr(GError) error = NULL;

  best = rh_content_updater_load_best_catalog (updater, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rh_catalog_get_origin (best), ==, "faq.json (built-in)");
}

/* ---------- async, as the window uses it ---------- */

static void
check_done_cb (GObject      *object,
               GAsyncResult *res,
               gpointer      user_data)
{
  RhUpdateResult **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = rh_content_updater_check_finish (RH_CONTENT_UPDATER (object), res, &error);
  g_assert_no_error (error);
}

static void
test_updater_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RhUpdateResult) result = NULL;
  g_autofree char *url = rh_test_server_url (server, "/newer.json");

  rh_content_updater_set_content_url (f->updater, url);
  rh_content_updater_check_async (f->updater, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  g_assert_cmpstr (rh_catalog_get_revision (rh_update_result_get_catalog (result)), ==, RH_TEST_NEWER_REVISION);
}

/* ---------- the holiday table ---------- */

static GBytes *holidays_cp932;   /* the Cabinet Office file plus one test day */

static void
test_updater_holidays (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = rh_test_server_url (server, "/holidays.csv");
  g_autofree char *bad_url = rh_test_server_url (server, "/holidays-bad.csv");
  g_autofree char *path = g_build_filename (f->cache_dir, "holidays.csv", NULL);
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(RhUpdateResult) bad = NULL;
  g_autoptr(RhUpdateResult) again = NULL;
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();
  g_autoptr(GBytes) installed = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDate) test_day = g_date_new_dmy (1, G_DATE_JUNE, 2027);
  g_autoptr(GDate) new_year = g_date_new_dmy (1, G_DATE_JANUARY, 2026);

  /* Content unchanged (304), holidays installed: both kinds in one check. */
  rh_content_updater_set_holidays_url (f->updater, url);
  result = check_content (f, "/faq.json");
  g_test_message ("%s", rh_update_result_get_message (result, RH_UPDATE_KIND_HOLIDAYS));
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UNCHANGED);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_HOLIDAYS), ==, RH_UPDATE_STATUS_UPDATED);
  g_assert_nonnull (rh_update_result_get_holidays (result));
  installed = read_file (path);
  g_assert_true (g_bytes_equal (installed, holidays_cp932));

  /* The CP932 table is what the calendar now uses. */
  g_assert_null (rh_calendar_get_holiday_name (calendar, test_day));
  g_assert_true (rh_content_updater_apply_cached_holidays (f->updater, calendar));
  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, test_day), ==, "テストの日");
  g_assert_cmpstr (rh_calendar_get_holiday_name (calendar, new_year), ==, "元日");

  /* Second check: 304. */
  again = rh_content_updater_check (f->updater, NULL);
  g_assert_cmpint (rh_update_result_get_status (again, RH_UPDATE_KIND_HOLIDAYS), ==, RH_UPDATE_STATUS_UNCHANGED);

  /* A malformed CSV: a clear reason, the installed table intact. */
  rh_content_updater_set_holidays_url (f->updater, bad_url);
  bad = rh_content_updater_check (f->updater, NULL);
  g_test_message ("%s", rh_update_result_get_message (bad, RH_UPDATE_KIND_HOLIDAYS));
  g_assert_cmpint (rh_update_result_get_status (bad, RH_UPDATE_KIND_HOLIDAYS), ==, RH_UPDATE_STATUS_FAILED);
  g_assert_error ((GError *)rh_update_result_get_error (bad, RH_UPDATE_KIND_HOLIDAYS),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID);
  g_assert_nonnull (strstr (rh_update_result_get_message (bad, RH_UPDATE_KIND_HOLIDAYS), "holidays-bad.csv"));
  g_assert_null (rh_update_result_get_holidays (bad));
  after = read_file (path);
  g_assert_true (g_bytes_equal (after, installed));
  assert_installed_intact (f);
}

static void
test_updater_corrupt_holidays_cache (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rh-updater-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "holidays.csv", NULL);
  g_autoptr(RhContentUpdater) updater = rh_content_updater_new (dir);
  g_autoptr(RhCalendar) calendar = rh_calendar_new ();

  g_assert_true (g_file_set_contents (path, "1955/1/1,\n2026/02/30,元日\n", -1, NULL));
  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING, "Ignoring the downloaded holiday table*");
  g_assert_false (rh_content_updater_apply_cached_holidays (updater, calendar));
  g_test_assert_expected_messages ();
  g_assert_false (rh_calendar_year_is_overridden (calendar, 2026));

  g_unlink (path);
  g_rmdir (dir);
}

/* ---------- the command line ---------- */

static JsonObject *
parse_cli_json (const char *out,
                JsonNode  **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static void
test_updater_cli (void)
{
  g_autofree char *data_home = g_dir_make_tmp ("rh-cli-update-XXXXXX", NULL);
  g_autofree char *url = rh_test_server_url (server, "/faq.json");
  g_autofree char *bad_url = rh_test_server_url (server, "/invalid.json");
  g_autofree char *content_opt = g_strconcat ("--content-url=", url, NULL);
  g_autofree char *bad_opt = g_strconcat ("--content-url=", bad_url, NULL);
  g_autofree char *faq_path = g_build_filename (data_home, "rokin-help", "faq.json", NULL);
  g_autofree char *cache_dir = g_build_filename (data_home, "rokin-help", NULL);
  g_autoptr(GBytes) installed = NULL;
  g_autoptr(GBytes) after = NULL;

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  {
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(JsonNode) root = NULL;
    const char *args[] = { "--update", "--json", content_opt, NULL };
    JsonObject *obj, *content;

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    obj = parse_cli_json (out, &root);
    content = json_object_get_object_member (obj, "content");
    g_assert_cmpstr (json_object_get_string_member (content, "status"), ==, "updated");
    g_assert_cmpstr (json_object_get_string_member (content, "revision"), ==, RH_TEST_NEW_REVISION);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "holidays"), "status"),
                     ==, "skipped");
  }

  installed = read_file (faq_path);
  g_assert_true (g_bytes_equal (installed, faq_new));

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--update", content_opt, NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "unchanged"));
  }

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--update", bad_opt, NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "not valid"));
    g_assert_nonnull (strstr (err, "invalid.json"));
  }

  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--update", "--json", "--content-url=http://example.com/faq.json", NULL };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *content;

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 1);
    content = json_object_get_object_member (parse_cli_json (out, &root), "content");
    g_assert_cmpstr (json_object_get_string_member (content, "status"), ==, "failed");
    g_assert_nonnull (strstr (json_object_get_string_member (content, "message"), "HTTPS"));
    g_assert_nonnull (strstr (err, "HTTPS"));
  }

  after = read_file (faq_path);
  g_assert_true (g_bytes_equal (installed, after));

  /* The rest of the command line now uses the installed content. */
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--list", NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, RH_TEST_NEW_ENTRY_ID));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--version", NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, RH_TEST_NEW_REVISION));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    const char *args[] = { "--list", content_opt, NULL };

    /* A URL option without --update is a mistake worth saying. */
    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--update"));
  }

  /* A holiday table: installed, then used by --holidays. */
  {
    g_autofree char *hurl = rh_test_server_url (server, "/holidays.csv");
    g_autofree char *hopt = g_strconcat ("--holidays-url=", hurl, NULL);
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *out2 = NULL, *err2 = NULL;
    g_autoptr(JsonNode) root = NULL;
    const char *args[] = { "--update", "--json", content_opt, hopt, NULL };
    const char *list[] = { "--holidays=2027", NULL };
    JsonObject *obj;

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    obj = parse_cli_json (out, &root);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "content"), "status"),
                     ==, "unchanged");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (obj, "holidays"), "status"),
                     ==, "updated");

    g_assert_cmpint (rh_test_run_cli (list, &out2, &err2), ==, 0);
    g_assert_nonnull (strstr (out2, "テストの日"));
  }

  g_unsetenv ("XDG_DATA_HOME");
  rh_test_rm_rf (cache_dir);
  g_rmdir (data_home);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  faq_new = rh_test_make_faq (RH_TEST_NEW_REVISION, TRUE, NULL);
  faq_newer = rh_test_make_faq (RH_TEST_NEWER_REVISION, TRUE, NULL);

  server = rh_test_server_new ();
  rh_test_server_add (server, "/faq.json", faq_new);
  rh_test_server_add (server, "/newer.json", faq_newer);
  rh_test_server_add (server, "/new.json", faq_newer);
  {
    g_autoptr(GBytes) old = rh_test_make_faq ("2000-01-01", FALSE, NULL);
    g_autoptr(GBytes) schema = rh_test_make_faq (RH_TEST_NEW_REVISION, TRUE, "question");
    g_autoptr(GBytes) invalid = g_bytes_new_static ("{\"schema\": 1, \"revision\": ", 26);

    g_autoptr(GBytes) same = rh_test_make_faq (RH_TEST_NEW_REVISION, FALSE, NULL);
    g_autoptr(GBytes) future = rh_test_make_faq ("9999-12-31", TRUE, NULL);
    g_autoptr(GString) dup = g_string_new_len (g_bytes_get_data (faq_new, NULL), g_bytes_get_size (faq_new));
    g_autofree char *key = g_strdup_printf ("\"revision\" : \"%s\"", RH_TEST_NEW_REVISION);
    g_autoptr(GBytes) dup_bytes = NULL;

    /* Two "revision" keys: a newer one first, the last one (which wins) older. */
    g_assert_nonnull (strstr (dup->str, key));
    g_string_replace (dup, key, "\"revision\" : \"2027-06-01\", \"revision\" : \"2020-01-01\"", 1);
    dup_bytes = g_string_free_to_bytes (g_steal_pointer (&dup));

    rh_test_server_add (server, "/old.json", old);
    rh_test_server_add (server, "/same-revision.json", same);
    rh_test_server_add (server, "/dup-revision.json", dup_bytes);
    rh_test_server_add (server, "/future.json", future);
    {
      GString *hidden = g_string_new ("{\"schema\":1,\"x\":/*");
      g_autoptr(GBytes) hidden_bytes = NULL;

      for (guint i = 0; i < 400000; i++)
        g_string_append_c (hidden, ']');
      g_string_append (hidden, "*/");
      for (guint i = 0; i < 400000; i++)
        g_string_append_c (hidden, '[');
      hidden_bytes = g_string_free_to_bytes (hidden);
      rh_test_server_add (server, "/hidden-brackets.json", hidden_bytes);
    }
    rh_test_server_add (server, "/schema-invalid.json", schema);
    rh_test_server_add (server, "/invalid.json", invalid);
  }
  {
    g_autofree char *csv_path = g_test_build_filename (G_TEST_DIST, "data", "syukujitsu.csv", NULL);
    g_autofree char *csv = NULL;
    g_autofree char *extra = NULL;
    g_autoptr(GString) table = NULL;
    g_autoptr(GBytes) bad_csv = g_bytes_new_static ("1955/1/1,元日\n1955/13/45,存在しない日\n", 46);
    gsize len, extra_len;

    /* The real Cabinet Office file (CP932) with one more day, in CP932. */
    g_assert_true (g_file_get_contents (csv_path, &csv, &len, NULL));
    extra = g_convert ("2027/6/1,テストの日\r\n", -1, "CP932", "UTF-8", NULL, &extra_len, NULL);
    g_assert_nonnull (extra);
    table = g_string_new_len (csv, len);
    if (table->len > 0 && table->str[table->len - 1] != '\n')
      g_string_append (table, "\r\n");
    g_string_append_len (table, extra, extra_len);
    holidays_cp932 = g_bytes_new (table->str, table->len);
    rh_test_server_add (server, "/holidays.csv", holidays_cp932);
    rh_test_server_add (server, "/holidays-bad.csv", bad_csv);
  }
  {
    g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "data", "untrusted-tls.pem", NULL);
    g_autoptr(GError) error = NULL;

    /* A self-signed certificate made for this test only (CN 127.0.0.1). */
    server->tls_certificate = g_tls_certificate_new_from_file (pem, &error);
    g_assert_no_error (error);
  }
  rh_test_server_start (server);

#define ADD(name, func) \
  g_test_add ("/updater/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("installs-valid", test_updater_installs_valid);
  ADD ("not-modified", test_updater_not_modified);
  ADD ("newer-replaces", test_updater_newer_replaces);
  ADD ("follows-redirect", test_updater_follows_redirect);
  g_test_add_func ("/updater/older-than-builtin", test_updater_older_than_builtin);
  ADD ("older-than-installed", test_updater_older_than_installed);
  ADD ("not-https", test_updater_not_https);
  ADD ("connection-refused", test_updater_connection_refused);
  ADD ("untrusted-certificate", test_updater_untrusted_certificate);
  ADD ("write-fails-midway", test_updater_write_fails_midway);
  ADD ("corrupt-cache", test_updater_corrupt_cache);
  ADD ("async", test_updater_async);
  g_test_add_func ("/updater/skipped-without-url", test_updater_skipped_without_url);
  g_test_add_func ("/updater/check-url", test_updater_check_url);
  g_test_add_func ("/updater/no-cache-dir", test_updater_no_cache_dir);
  g_test_add_func ("/updater/cli", test_updater_cli);
  g_test_add_func ("/updater/corrupt-holidays-cache", test_updater_corrupt_holidays_cache);
  ADD ("holidays", test_updater_holidays);

  for (guint i = 0; i < G_N_ELEMENTS (fail_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/updater/fails", fail_cases[i].path, NULL);
      g_test_add (name, Fixture, &fail_cases[i], fixture_set_up, test_updater_failure, fixture_tear_down);
    }

  ret = g_test_run ();

  rh_test_server_free (server);
  g_bytes_unref (faq_new);
  g_bytes_unref (faq_newer);
  g_bytes_unref (holidays_cp932);

  return ret;
}
