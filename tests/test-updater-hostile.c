/* test-updater-hostile.c — the updater against a server that drips, a
 * stream of empty gzip blocks, special files in the data folder and two
 * processes updating at once. Each case once broke a promise of the
 * README (issue 10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "rh-core.h"
#include "rh-test-server.h"
#include "rh-test-util.h"

/* The drip server sends a byte this often: far more often than the per-read
 * timeout (1 s), so only the limit of the whole check can end it. */
#define DRIP_USEC (200 * 1000)
#define TIME_LIMIT 2

static RhTestServer *server;
static GBytes *faq_new;
static GBytes *faq_newer;

/* ---------- a raw TCP server that sends a head, then drips ---------- */

typedef struct
{
  GSocket  *listener;
  guint     port;
  GBytes   *head;       /* sent at once */
  GBytes   *drip;       /* then sent in a cycle, one byte each interval */
  gulong    interval;   /* µs between bytes; 0: as fast as possible */
  gsize     total;      /* drip bytes to send before closing; 0: until stopped */
  GThread  *thread;
  gint      stop;
} Dripper;

static gpointer
dripper_thread (gpointer data)
{
  Dripper *d = data;
  g_autoptr(GSocket) conn = g_socket_accept (d->listener, NULL, NULL);
  gsize head_len, drip_len;
  const char *head = g_bytes_get_data (d->head, &head_len);
  const char *drip = g_bytes_get_data (d->drip, &drip_len);
  gint64 give_up = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;

  char request[8192];

  if (conn == NULL)
    return NULL;

  /* Take the request (or the TLS ClientHello) first: closing a socket with
   * unread data would reset the connection instead of ending the body. */
  g_socket_set_timeout (conn, 10);
  g_socket_receive (conn, request, sizeof request, NULL, NULL);

  if (head_len > 0 && g_socket_send (conn, head, head_len, NULL, NULL) < 0)
    return NULL;

  for (gsize i = 0; !g_atomic_int_get (&d->stop) && (d->total == 0 || i < d->total); )
    {
      gsize n = d->interval ? 1 : MIN (drip_len, d->total - i);

      /* Whole cycles of the drip when sending fast. */
      if (g_socket_send (conn, drip + (d->interval ? i % drip_len : 0), n, NULL, NULL) < 0)
        break;
      i += n;
      if (d->interval)
        {
          if (g_get_monotonic_time () > give_up)
            break;
          g_usleep (d->interval);
        }
    }

  g_socket_close (conn, NULL);
  return NULL;
}

static Dripper *
dripper_start (const char *head,
               gsize       head_len,
               const char *drip,
               gsize       drip_len,
               gulong      interval,
               gsize       total)
{
  Dripper *d = g_new0 (Dripper, 1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  d->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_set_timeout (d->listener, 30);
  g_assert_true (g_socket_bind (d->listener, any, TRUE, &error));
  g_assert_true (g_socket_listen (d->listener, &error));
  bound = g_socket_get_local_address (d->listener, &error);
  d->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  d->head = g_bytes_new (head, head_len);
  d->drip = g_bytes_new (drip, drip_len);
  d->interval = interval;
  d->total = total;
  d->thread = g_thread_new ("dripper", dripper_thread, d);

  return d;
}

static void
dripper_free (Dripper *d)
{
  g_atomic_int_set (&d->stop, 1);
  g_socket_close (d->listener, NULL);
  g_thread_join (d->thread);
  g_object_unref (d->listener);
  g_bytes_unref (d->head);
  g_bytes_unref (d->drip);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dripper, dripper_free)

/* ---------- helpers ---------- */

static char *
make_cache_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rh-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

/* An updater whose folder holds faq_new, installed by a real check. */
static RhContentUpdater *
updater_with_installed (const char *dir)
{
  RhContentUpdater *updater = rh_content_updater_new (dir);
  g_autofree char *url = rh_test_server_url (server, "/faq.json");
  g_autoptr(RhUpdateResult) result = NULL;

  rh_content_updater_set_timeout (updater, 1);
  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  /* Short only for the hostile check that follows (valgrind is slow). */
  rh_content_updater_set_time_limit (updater, TIME_LIMIT);
  return updater;
}

static void
assert_faq_is (const char *dir,
               GBytes     *expected)
{
  g_autofree char *path = g_build_filename (dir, "faq.json", NULL);
  g_autoptr(GBytes) now = read_file (path);

  g_assert_true (g_bytes_equal (now, expected));
}

/* ---------- 2. one limit for the whole exchange ---------- */

typedef struct
{
  const char *name;
  const char *scheme;
  const char *head;
  gsize       head_len;
  const char *drip;
  gsize       drip_len;
} DripCase;

#define S(str) str, sizeof (str) - 1
#define GZIP_HEADER "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"
/* A non-final stored deflate block of no bytes. */
#define EMPTY_BLOCK "\x00\x00\x00\xff\xff"

static const DripCase drip_cases[] = {
  { "tls-handshake", "https", S (""), S ("\x16\x03\x03\x40\x00") },
  { "status-line", "http", S ("HTTP/1.1 200 O"), S ("K") },
  { "headers", "http", S ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: "), S ("a") },
  { "chunk-size", "http", S ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"), S ("0") },
  { "empty-deflate-blocks", "http",
    S ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n" GZIP_HEADER),
    S (EMPTY_BLOCK) },
};

static void
test_drip (gconstpointer data)
{
  const DripCase *c = data;
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autoptr(Dripper) dripper = dripper_start (c->head, c->head_len, c->drip, c->drip_len, DRIP_USEC, 0);
  g_autofree char *url = g_strdup_printf ("%s://127.0.0.1:%u/faq.json", c->scheme, dripper->port);
  g_autoptr(RhUpdateResult) result = NULL;
  const char *message;

  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  message = rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT);
  g_test_message ("%s: %s", c->name, message);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_FAILED);
  g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (message, "did not answer in time (the whole check may take at most 2 s)"));
  assert_faq_is (dir, faq_new);
  rh_test_rm_rf (dir);
}

/* The command line ends the same way, with status 1 and the reason. */
static void
test_drip_cli (void)
{
  g_autofree char *data_home = make_cache_dir ();
  g_autoptr(Dripper) dripper = dripper_start (S ("HTTP/1.1 200 O"), S ("K"), DRIP_USEC, 0);
  g_autofree char *opt = g_strdup_printf ("--content-url=http://127.0.0.1:%u/faq.json", dripper->port);
  const char *args[] = { "--update", opt, NULL };
  const char *env[] = { "XDG_DATA_HOME", data_home, "RH_UPDATE_TIME_LIMIT", "2", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (rh_test_run_cli_env (args, env, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "did not answer in time"));
  rh_test_rm_rf (data_home);
}

/* ---------- 3. bytes on the wire are capped, not only decoded ones ---------- */

static void
test_empty_gzip_stream (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  /* 2 MiB of empty blocks (decoding to nothing) against a 1 MiB cap. */
  const gsize total = 2 * 1024 * 1024 / 5 * 5;
  g_autofree char *blocks = g_malloc (total);
  g_autoptr(Dripper) dripper = NULL;
  g_autofree char *url = NULL;
  g_autoptr(RhUpdateResult) result = NULL;

  for (gsize i = 0; i < total; i += 5)
    memcpy (blocks + i, EMPTY_BLOCK, 5);
  dripper = dripper_start (S ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n" GZIP_HEADER),
                           blocks, total, 0, total);
  url = g_strdup_printf ("http://127.0.0.1:%u/faq.json", dripper->port);

  rh_content_updater_set_max_size (updater, 1024 * 1024);
  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_test_message ("%s", rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT));
  g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_TOO_LARGE);
  assert_faq_is (dir, faq_new);
  rh_test_rm_rf (dir);
}

/* A gzip-encoded body is still read (and decoded) when it is good. */
static void
test_gzip_body (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_bytes (faq_newer);
  g_autoptr(GInputStream) zipped = g_converter_input_stream_new (plain, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) gz = NULL;
  g_autoptr(Dripper) dripper = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *url = NULL;
  g_autoptr(RhUpdateResult) result = NULL;

  g_output_stream_splice (sink, zipped, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  gz = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %" G_GSIZE_FORMAT
                          "\r\nConnection: close\r\n\r\n", g_bytes_get_size (gz));
  dripper = dripper_start (head, strlen (head), g_bytes_get_data (gz, NULL), g_bytes_get_size (gz),
                           0, g_bytes_get_size (gz));
  url = g_strdup_printf ("http://127.0.0.1:%u/faq.json", dripper->port);

  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_assert_cmpstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT), ==,
                   "Installed content revision " RH_TEST_NEWER_REVISION ".");
  assert_faq_is (dir, faq_newer);
  rh_test_rm_rf (dir);
}

/* ---------- 7. the cache is checked against its SHA-256 at start ---------- */

static void
test_cache_edited (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autofree char *path = g_build_filename (dir, "faq.json", NULL);
  g_autoptr(RhCatalog) best = NULL;
  g_autoptr(GError) error = NULL;

  /* Valid JSON, a valid catalog, even a newer revision: not what was installed. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (faq_newer, NULL),
                                      g_bytes_get_size (faq_newer), NULL));
  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING,
                         "Ignoring the downloaded content: *SHA-256*");
  best = rh_content_updater_load_best_catalog (updater, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpstr (rh_catalog_get_origin (best), ==, "faq.json (built-in)");
  rh_test_rm_rf (dir);
}

/* ---------- 9. a far-future revision pins nothing ---------- */

static void
test_far_future (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autofree char *url = rh_test_server_url (server, "/future.json");
  g_autoptr(RhUpdateResult) result = NULL;

  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_test_message ("%s", rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT));
  g_assert_error ((GError *)rh_update_result_get_error (result, RH_UPDATE_KIND_CONTENT),
                  RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID);
  g_assert_nonnull (strstr (rh_update_result_get_message (result, RH_UPDATE_KIND_CONTENT),
                            "revision 9999-12-31 is more than a year ahead of today"));
  assert_faq_is (dir, faq_new);
  rh_test_rm_rf (dir);
}

/* ---------- 8. special files in the data folder ---------- */

static void
replace_with_fifo (const char *dir,
                   const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_unlink (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
}

static void
replace_with_link (const char *dir,
                   const char *name,
                   const char *target)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_unlink (path);
  g_assert_cmpint (symlink (target, path), ==, 0);
}

static void
test_special_faq (void)
{
  const char *targets[] = { NULL /* FIFO */, "/dev/zero", "/etc/hostname" };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *dir = make_cache_dir ();
      g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
      g_autoptr(RhCatalog) best = NULL;

      if (targets[i] == NULL)
        replace_with_fifo (dir, "faq.json");
      else
        replace_with_link (dir, "faq.json", targets[i]);

      g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING,
                             targets[i] ? "Ignoring the downloaded content: */faq.json is a symbolic link, not a regular file"
                                        : "Ignoring the downloaded content: */faq.json is not a regular file");
      best = rh_content_updater_load_best_catalog (updater, NULL);
      g_test_assert_expected_messages ();
      g_assert_cmpstr (rh_catalog_get_origin (best), ==, "faq.json (built-in)");
      rh_test_rm_rf (dir);
    }
}

static void
test_special_state_and_holidays (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *state = g_build_filename (dir, "state.ini", NULL);
  g_autofree char *url = rh_test_server_url (server, "/newer.json");
  g_autofree char *expected = g_strdup_printf ("Ignoring %s is a symbolic link, not a regular file", state);
  g_autoptr(RhUpdateResult) result = NULL;

  /* A state.ini linked to another file: its first line is never printed
   * (the whole warning is matched, no wildcard). */
  g_assert_true (g_file_set_contents (secret, "password=hunter2\n", -1, NULL));
  replace_with_link (dir, "state.ini", secret);
  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING, expected);
  g_assert_null (rh_content_updater_dup_last_success (updater, RH_UPDATE_KIND_CONTENT));
  g_test_assert_expected_messages ();

  /* A FIFO as state.ini or holidays.csv: --update still ends, and installs. */
  replace_with_fifo (dir, "state.ini");
  replace_with_fifo (dir, "holidays.csv");
  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING, "Ignoring */state.ini is not a regular file");
  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING, "Ignoring */state.ini is not a regular file");
  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_test_assert_expected_messages ();
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  assert_faq_is (dir, faq_newer);

  g_test_expect_message ("rh-content-updater", G_LOG_LEVEL_WARNING,
                         "Ignoring the downloaded holiday table: */holidays.csv is not a regular file");
  g_assert_null (rh_content_updater_load_cached_holidays (updater));
  g_test_assert_expected_messages ();
  rh_test_rm_rf (dir);
}

/* The command line starts whatever is in the folder. */
static void
test_special_cli (void)
{
  g_autofree char *data_home = make_cache_dir ();
  g_autofree char *dir = g_build_filename (data_home, "rokin-help", NULL);
  const char *env[] = { "XDG_DATA_HOME", data_home, NULL };
  const char *list[] = { "--list", NULL };
  const char *version[] = { "--version", NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  replace_with_fifo (dir, "faq.json");
  replace_with_fifo (dir, "state.ini");
  replace_with_fifo (dir, "holidays.csv");

  g_assert_cmpint (rh_test_run_cli_env (list, env, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "ib-pc-change"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (rh_test_run_cli_env (version, env, &out, &err), ==, 0);
  g_assert_cmpstr (out, !=, "");
  rh_test_rm_rf (data_home);
}

/* A writer killed between writing its temporary file and renaming it
 * leaves the file behind; the next check removes it, and only such files. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = make_cache_dir ();
  g_autoptr(RhContentUpdater) updater = updater_with_installed (dir);
  g_autofree char *url = rh_test_server_url (server, "/newer.json");
  const char *stale[] = { ".faq.json.Ab3dEf", ".state.ini.x1Y2z3", ".holidays.csv.new", ".faq.json.new" };
  g_autofree char *kept = g_build_filename (dir, ".faq.json.notes", NULL);
  g_autoptr(RhUpdateResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (dir, stale[i], NULL);
      g_assert_true (g_file_set_contents (path, "", 0, NULL));
    }
  g_assert_true (g_file_set_contents (kept, "x", 1, NULL));

  rh_content_updater_set_content_url (updater, url);
  result = rh_content_updater_check (updater, NULL);
  g_assert_cmpint (rh_update_result_get_status (result, RH_UPDATE_KIND_CONTENT), ==, RH_UPDATE_STATUS_UPDATED);
  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (dir, stale[i], NULL);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  rh_test_rm_rf (dir);
}

/* ---------- 6. two processes at once ---------- */

static GSubprocess *
spawn_update (const char *data_home,
              const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *url = rh_test_server_url (server, path);
  g_autofree char *opt = g_strconcat ("--content-url=", url, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("ROKIN_HELP_BIN"),
                                      "--update", "--json", opt, NULL);
  g_assert_no_error (error);
  return proc;
}

static JsonObject *
finish_update (GSubprocess  *proc,
               JsonNode    **root)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (proc, NULL, &error);
  g_test_message ("exit %d: %s %s", g_subprocess_get_exit_status (proc), out, err);
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  *root = json_from_string (out, &error);
  g_assert_no_error (error);
  return json_object_get_object_member (json_node_get_object (*root), "content");
}

static void
test_concurrent (void)
{
  for (guint trial = 0; trial < 8; trial++)
    {
      g_autofree char *data_home = make_cache_dir ();
      g_autofree char *dir = g_build_filename (data_home, "rokin-help", NULL);
      g_autoptr(GSubprocess) a = NULL, b = NULL;
      g_autoptr(JsonNode) root_a = NULL, root_b = NULL;
      JsonObject *ra, *rb;
      g_autoptr(RhContentUpdater) updater = rh_content_updater_new (dir);
      g_autoptr(RhCatalog) best = NULL;
      g_autoptr(GKeyFile) state = g_key_file_new ();
      g_autofree char *state_path = g_build_filename (dir, "state.ini", NULL);
      g_autofree char *faq_path = g_build_filename (dir, "faq.json", NULL);
      g_autofree char *sha = NULL, *recorded = NULL;
      g_autoptr(GBytes) installed = NULL;

      /* Started in both orders, so that either may take the lock first. */
      if (trial % 2 == 0)
        a = spawn_update (data_home, "/faq.json");
      b = spawn_update (data_home, "/newer.json");
      if (a == NULL)
        a = spawn_update (data_home, "/faq.json");
      ra = finish_update (a, &root_a);
      rb = finish_update (b, &root_b);

      /* The newer file always ends up installed, and the state says so. */
      installed = read_file (faq_path);
      g_assert_true (g_bytes_equal (installed, faq_newer));
      g_assert_true (g_key_file_load_from_file (state, state_path, 0, NULL));
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, installed);
      recorded = g_key_file_get_string (state, "content", "sha256", NULL);
      g_assert_cmpstr (sha, ==, recorded);
      best = rh_content_updater_load_best_catalog (updater, NULL);
      g_assert_cmpstr (rh_catalog_get_revision (best), ==, RH_TEST_NEWER_REVISION);

      /* B installed the newer file; A either installed its file first or
       * found the newer one there: never "updated" after B. */
      g_assert_cmpstr (json_object_get_string_member (rb, "status"), ==, "updated");
      g_assert_cmpstr (json_object_get_string_member (rb, "revision"), ==, RH_TEST_NEWER_REVISION);
      if (g_str_equal (json_object_get_string_member (ra, "status"), "updated"))
        g_assert_cmpstr (json_object_get_string_member (ra, "revision"), ==, RH_TEST_NEW_REVISION);
      else
        {
          g_assert_cmpstr (json_object_get_string_member (ra, "status"), ==, "unchanged");
          g_assert_cmpstr (json_object_get_string_member (ra, "revision"), ==, RH_TEST_NEWER_REVISION);
        }
      rh_test_rm_rf (data_home);
    }
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
  {
    g_autoptr(GBytes) future = rh_test_make_faq ("9999-12-31", TRUE, NULL);
    rh_test_server_add (server, "/future.json", future);
  }
  rh_test_server_start (server);

  for (guint i = 0; i < G_N_ELEMENTS (drip_cases); i++)
    {
      g_autofree char *name = g_strconcat ("/updater-hostile/drip/", drip_cases[i].name, NULL);
      g_test_add_data_func (name, &drip_cases[i], test_drip);
    }
  g_test_add_func ("/updater-hostile/drip-cli", test_drip_cli);
  g_test_add_func ("/updater-hostile/empty-gzip-stream", test_empty_gzip_stream);
  g_test_add_func ("/updater-hostile/gzip-body", test_gzip_body);
  g_test_add_func ("/updater-hostile/cache-edited", test_cache_edited);
  g_test_add_func ("/updater-hostile/far-future", test_far_future);
  g_test_add_func ("/updater-hostile/special-faq", test_special_faq);
  g_test_add_func ("/updater-hostile/special-state-and-holidays", test_special_state_and_holidays);
  g_test_add_func ("/updater-hostile/special-cli", test_special_cli);
  g_test_add_func ("/updater-hostile/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/updater-hostile/concurrent", test_concurrent);

  ret = g_test_run ();

  rh_test_server_free (server);
  g_bytes_unref (faq_new);
  g_bytes_unref (faq_newer);
  return ret;
}
