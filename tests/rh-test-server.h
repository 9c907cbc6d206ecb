/* rh-test-server.h — a loopback SoupServer in its own thread, for the
 * updater tests. The test thread can then call the blocking updater API
 * (or spawn the CLI) while the server answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

G_BEGIN_DECLS

#define RH_TEST_ETAG "\"rh-test-v2\""
#define RH_TEST_NEW_REVISION "2026-12-01"
#define RH_TEST_NEWER_REVISION "2026-12-02"
#define RH_TEST_NEW_ENTRY_ID "update-test-entry"
#define RH_TEST_NEW_ENTRY_QUESTION "更新テスト用の新しい質問です。"

/* data/faq.json with the revision set to @revision and, if @extra_entry, one
 * more entry (a copy of the first with a new id and question). If
 * @drop_field is set, that member is removed from the first entry. */
static inline GBytes *
rh_test_make_faq (const char *revision,
                  gboolean    extra_entry,
                  const char *drop_field)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "faq.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *entries;
  char *text;
  gsize len;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  json_object_set_string_member (root, "revision", revision);
  entries = json_object_get_array_member (root, "entries");

  if (extra_entry)
    {
      /* json_node_copy() shares the object: copy through text. */
      g_autofree char *first = json_to_string (json_array_get_element (entries, 0), FALSE);
      JsonNode *copy = json_from_string (first, NULL);
      JsonObject *entry = json_node_get_object (copy);

      json_object_set_string_member (entry, "id", RH_TEST_NEW_ENTRY_ID);
      json_object_set_string_member (entry, "question", RH_TEST_NEW_ENTRY_QUESTION);
      json_array_add_element (entries, copy);
    }

  if (drop_field != NULL)
    json_object_remove_member (json_array_get_object_element (entries, 0), drop_field);

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *base;          /* http://127.0.0.1:PORT */
  GTlsCertificate *tls_certificate; /* optional: also serve HTTPS with it */
  SoupServer   *tls_server;
  char         *tls_base;      /* https://127.0.0.1:PORT */
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
  GPtrArray    *held;          /* stolen connections never answered */
  GHashTable   *bodies;        /* path → GBytes (200 with ETag) */
  guint         n_requests;
  guint         n_conditional; /* requests that carried If-None-Match */
} RhTestServer;

static void
rh_test_server_write_raw (SoupServerMessage *msg,
                          const char        *head,
                          const void        *body,
                          gsize              body_len)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  GOutputStream *out = g_io_stream_get_output_stream (stream);

  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  if (body_len > 0)
    g_output_stream_write_all (out, body, body_len, NULL, NULL, NULL);
  g_output_stream_flush (out, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

static void
rh_test_server_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  RhTestServer *self = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *inm = soup_message_headers_get_one (request, "If-None-Match");
  GBytes *body;

  g_mutex_lock (&self->lock);
  self->n_requests++;
  if (inm != NULL)
    self->n_conditional++;
  g_mutex_unlock (&self->lock);

  if ((body = g_hash_table_lookup (self->bodies, path)))
    {
      g_autofree char *etag = g_strdup_printf ("\"%s-%08x\"", path, g_bytes_hash (body));

      soup_message_headers_replace (response, "ETag", etag);
      if (g_strcmp0 (inm, etag) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  else if (g_str_equal (path, "/404"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (g_str_equal (path, "/always-304"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
  else if (g_str_equal (path, "/500"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/stall"))
    {
      /* Accept the request and never answer. */
      g_ptr_array_add (self->held, soup_server_message_steal_connection (msg));
    }
  else if (g_str_equal (path, "/huge-length"))
    {
      gsize size = 6 * 1024 * 1024;

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        g_malloc0 (size), size);
    }
  else if (g_str_equal (path, "/huge-chunked"))
    {
      SoupMessageBody *out = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      for (guint i = 0; i < 96; i++)
        soup_message_body_append_take (out, g_malloc0 (64 * 1024), 64 * 1024);
      soup_message_body_complete (out);
    }
  else if (g_str_equal (path, "/truncated"))
    {
      g_autoptr(GBytes) valid = rh_test_make_faq (RH_TEST_NEW_REVISION, TRUE, NULL);
      gsize len = g_bytes_get_size (valid);
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                                               "Content-Type: application/json\r\n"
                                               "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                               "Connection: close\r\n\r\n", len);

      rh_test_server_write_raw (msg, head, g_bytes_get_data (valid, NULL), len / 2);
    }
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/to-plain-http"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://example.com/faq.json");
  else if (g_str_equal (path, "/moved"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, "/new.json");
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
rh_test_server_thread (gpointer data)
{
  RhTestServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->server, NULL, rh_test_server_cb, self, NULL);
  {
    g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

    soup_server_listen (self->server, address, 0, &error);
    g_assert_no_error (error);
  }

  uris = soup_server_get_uris (self->server);
  {
    GUri *uri = uris->data;
    self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  }
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  if (self->tls_certificate != NULL)
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);

      self->tls_server = soup_server_new ("tls-certificate", self->tls_certificate, NULL);
      soup_server_add_handler (self->tls_server, NULL, rh_test_server_cb, self, NULL);
      soup_server_listen (self->tls_server, address, SOUP_SERVER_LISTEN_HTTPS, &error);
      g_assert_no_error (error);
      uris = soup_server_get_uris (self->tls_server);
      self->tls_base = g_strdup_printf ("https://127.0.0.1:%d", g_uri_get_port (uris->data));
      g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
    }

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  g_ptr_array_set_size (self->held, 0);
  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  if (self->tls_server != NULL)
    soup_server_disconnect (self->tls_server);
  g_clear_object (&self->tls_server);
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

static inline RhTestServer *
rh_test_server_new (void)
{
  RhTestServer *self = g_new0 (RhTestServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_bytes_unref);
  return self;
}

/* Bodies must be added before rh_test_server_start(). */
static inline void
rh_test_server_add (RhTestServer *self,
                    const char   *path,
                    GBytes       *body)
{
  g_hash_table_replace (self->bodies, g_strdup (path), g_bytes_ref (body));
}

static inline void
rh_test_server_start (RhTestServer *self)
{
  self->thread = g_thread_new ("test-server", rh_test_server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  g_mutex_unlock (&self->lock);
}

static inline char *
rh_test_server_url (RhTestServer *self,
                    const char   *path)
{
  return g_strconcat (self->base, path, NULL);
}

static gboolean
rh_test_server_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static inline void
rh_test_server_free (RhTestServer *self)
{
  g_main_context_invoke (self->context, rh_test_server_quit_cb, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->held);
  g_hash_table_unref (self->bodies);
  g_free (self->base);
  g_free (self->tls_base);
  g_clear_object (&self->tls_certificate);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

G_END_DECLS
