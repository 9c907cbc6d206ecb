/* test-updater-nginx.c — `rokin-help --update` against a real nginx on
 * loopback, started and stopped here. Proves that ETag / If-None-Match
 * round-trip with a real server. nginx must be installed (.ci/run installs
 * it): without it this test fails, it does not skip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>

#include "rh-test-server.h"
#include "rh-test-util.h"

typedef struct
{
  char        *dir;
  char        *html;
  guint        port;
  GSubprocess *proc;
} Nginx;

static guint
free_loopback_port (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GError) error = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, TRUE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
port_accepts (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, NULL);
  return connection != NULL;
}

static void
write_file (const char *dir,
            const char *name,
            const void *data,
            gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
nginx_start (Nginx *n)
{
  const char *bin = g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE)
                    ? "/usr/sbin/nginx" : g_find_program_in_path ("nginx");
  g_autoptr(GError) error = NULL;
  g_autofree char *conf = NULL;
  g_autofree char *conf_path = NULL;
  g_autofree char *tmp = NULL;
  gint64 deadline;

  if (bin == NULL)
    g_error ("nginx is not installed (build-aux/dev.sh deps installs nginx-light)");

  n->dir = g_dir_make_tmp ("rh-nginx-XXXXXX", &error);
  g_assert_no_error (error);
  n->html = g_build_filename (n->dir, "html", NULL);
  tmp = g_build_filename (n->dir, "tmp", NULL);
  g_assert_cmpint (g_mkdir (n->html, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (tmp, 0700), ==, 0);
  n->port = free_loopback_port ();

  /* One process, no user switch: the files are readable by whoever runs
   * the tests (root in CI). */
  conf = g_strdup_printf ("daemon off;\n"
                          "master_process off;\n"
                          "pid %1$s/nginx.pid;\n"
                          "error_log %1$s/error.log info;\n"
                          "events { worker_connections 32; }\n"
                          "http {\n"
                          "  access_log %1$s/access.log;\n"
                          "  client_body_temp_path %1$s/tmp;\n"
                          "  proxy_temp_path %1$s/tmp;\n"
                          "  fastcgi_temp_path %1$s/tmp;\n"
                          "  uwsgi_temp_path %1$s/tmp;\n"
                          "  scgi_temp_path %1$s/tmp;\n"
                          "  types { application/json json; text/csv csv; }\n"
                          "  server {\n"
                          "    listen 127.0.0.1:%2$u;\n"
                          "    root %1$s/html;\n"
                          "    etag on;\n"
                          "  }\n"
                          "}\n", n->dir, n->port);
  write_file (n->dir, "nginx.conf", conf, -1);
  conf_path = g_build_filename (n->dir, "nginx.conf", NULL);

  n->proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              bin, "-p", n->dir, "-c", conf_path, "-e", "stderr", NULL);
  g_assert_no_error (error);

  /* Wait until it listens (bounded), or fail if it exited. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!port_accepts (n->port))
    {
      g_assert_false (g_subprocess_get_identifier (n->proc) == NULL);
      if (g_get_monotonic_time () > deadline)
        g_error ("nginx did not start listening on 127.0.0.1:%u", n->port);
      g_usleep (20 * 1000);
    }
}

static void
nginx_stop (Nginx *n)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (n->proc, SIGQUIT);
  g_subprocess_wait (n->proc, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&n->proc);
  rh_test_rm_rf (n->dir);
  g_free (n->dir);
  g_free (n->html);
}

static JsonObject *
run_update (const char  *url_opt,
            int          expected_status,
            JsonNode   **root)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--update", "--json", url_opt, NULL };

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, expected_status);
  g_test_message ("%s%s", out, err);
  *root = json_from_string (out, &error);
  g_assert_no_error (error);

  return json_object_get_object_member (json_node_get_object (*root), "content");
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_nginx_etag_round_trip (void)
{
  Nginx n = { 0 };
  g_autofree char *data_home = g_dir_make_tmp ("rh-nginx-home-XXXXXX", NULL);
  g_autofree char *cache_dir = g_build_filename (data_home, "rokin-help", NULL);
  g_autofree char *faq_path = g_build_filename (cache_dir, "faq.json", NULL);
  g_autofree char *state_path = g_build_filename (cache_dir, "state.ini", NULL);
  g_autofree char *access_path = NULL;
  g_autofree char *url_opt = NULL;
  g_autofree char *garbage_opt = NULL;
  g_autoptr(GBytes) faq = rh_test_make_faq (RH_TEST_NEW_REVISION, TRUE, NULL);
  g_autofree char *installed = NULL;

  nginx_start (&n);
  access_path = g_build_filename (n.dir, "access.log", NULL);
  write_file (n.html, "faq.json", g_bytes_get_data (faq, NULL), g_bytes_get_size (faq));
  write_file (n.html, "garbage.json", "<html>Service Unavailable</html>", -1);
  url_opt = g_strdup_printf ("--content-url=http://127.0.0.1:%u/faq.json", n.port);
  garbage_opt = g_strdup_printf ("--content-url=http://127.0.0.1:%u/garbage.json", n.port);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* 1. A newer faq.json is installed. */
  {
    g_autoptr(JsonNode) root = NULL;
    JsonObject *content = run_update (url_opt, 0, &root);
    g_autofree char *state = NULL;

    g_assert_cmpstr (json_object_get_string_member (content, "status"), ==, "updated");
    g_assert_cmpstr (json_object_get_string_member (content, "revision"), ==, RH_TEST_NEW_REVISION);
    installed = read_text (faq_path);
    g_assert_cmpmem (installed, strlen (installed), g_bytes_get_data (faq, NULL), g_bytes_get_size (faq));

    /* nginx's own ETag was stored. */
    state = read_text (state_path);
    g_assert_true (g_regex_match_simple ("etag=\"[0-9a-f]+-[0-9a-f]+\"", state, 0, 0));
  }

  /* 2. Unchanged: nginx answered 304 to our If-None-Match. */
  {
    g_autoptr(JsonNode) root = NULL;
    JsonObject *content = run_update (url_opt, 0, &root);
    g_autofree char *log = NULL;

    g_assert_cmpstr (json_object_get_string_member (content, "status"), ==, "unchanged");
    g_assert_cmpstr (json_object_get_string_member (content, "revision"), ==, RH_TEST_NEW_REVISION);
    log = read_text (access_path);
    g_test_message ("%s", log);
    g_assert_true (g_regex_match_simple ("\"GET /faq.json HTTP/1.1\" 304 ", log, 0, 0));
  }

  /* 3. The rest of the program sees the new content: 15 entries. */
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(JsonNode) root = NULL;
    g_autoptr(GError) error = NULL;
    const char *args[] = { "--list", "--json", NULL };

    g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
    root = json_from_string (out, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (root)), ==, 15);
    g_assert_nonnull (strstr (out, RH_TEST_NEW_ENTRY_ID));
  }

  /* 4. Garbage on the server: a clear reason, nothing changed. */
  {
    g_autoptr(JsonNode) root = NULL;
    JsonObject *content = run_update (garbage_opt, 1, &root);
    g_autofree char *now = NULL;

    g_assert_cmpstr (json_object_get_string_member (content, "status"), ==, "failed");
    g_assert_nonnull (strstr (json_object_get_string_member (content, "message"), "not valid JSON"));
    now = read_text (faq_path);
    g_assert_cmpstr (now, ==, installed);
  }

  /* 5. A missing file: 404, nothing changed. */
  {
    g_autoptr(JsonNode) root = NULL;
    g_autofree char *missing_opt = g_strdup_printf ("--content-url=http://127.0.0.1:%u/none.json", n.port);
    JsonObject *content = run_update (missing_opt, 1, &root);
    g_autofree char *now = NULL;

    g_assert_nonnull (strstr (json_object_get_string_member (content, "message"), "404"));
    now = read_text (faq_path);
    g_assert_cmpstr (now, ==, installed);
  }

  g_unsetenv ("XDG_DATA_HOME");
  nginx_stop (&n);
  rh_test_rm_rf (data_home);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/updater-nginx/etag-round-trip", test_nginx_etag_round_trip);

  return g_test_run ();
}
