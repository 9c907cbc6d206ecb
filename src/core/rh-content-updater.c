/* rh-content-updater.c
 *
 * Fetches a newer faq.json (and holiday table) from the organisation's web
 * server. Nothing a server sends can cost the clerk the content they have:
 * a body is installed only when it passed the same validation as the
 * built-in data, and it is written to a temporary file, fsynced and renamed
 * over the old one. Every failure leaves the installed files as they were.
 *
 * Trust: HTTPS with the system's certificate checks (never disabled); plain
 * http only to loopback addresses, so tests can run a local server.
 *
 * Files in the cache directory ($XDG_DATA_HOME/rokin-help):
 *   faq.json, holidays.csv  the installed files
 *   state.ini               ETag, Last-Modified, SHA-256 of the installed
 *                           file, last check and last success per kind
 *   .NAME.new               temporary file while writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-content-updater"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <unistd.h>

#include "rh-calendar.h"
#include "rh-content-updater.h"
#include "rh-holiday-table.h"

#define STATE_FILE "state.ini"
#define READ_CHUNK (64 * 1024)

typedef struct
{
  RhUpdateStatus  status;
  char           *message;
  char           *revision;
  GError         *error;
} Outcome;

struct _RhUpdateResult
{
  GObject     parent_instance;
  Outcome     outcomes[RH_UPDATE_N_KINDS];
  RhCatalog  *catalog;
  GBytes     *holidays;
};

struct _RhContentUpdater
{
  GObject                parent_instance;
  char                  *cache_dir;
  char                  *urls[RH_UPDATE_N_KINDS];
  guint                  timeout;
  gsize                  max_size;
  RhUpdaterValidateFunc  holidays_validate;
};

G_DEFINE_FINAL_TYPE (RhUpdateResult, rh_update_result, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (RhContentUpdater, rh_content_updater, G_TYPE_OBJECT)
G_DEFINE_QUARK (rh-update-error-quark, rh_update_error)

enum {
  PROP_0,
  PROP_CACHE_DIR,
  PROP_CONTENT_URL,
  PROP_HOLIDAYS_URL,
  PROP_TIMEOUT,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Two checks never write the same files at once. */
static GMutex check_lock;

static const char * const file_names[RH_UPDATE_N_KINDS] = { "faq.json", "holidays.csv" };
static const char * const group_names[RH_UPDATE_N_KINDS] = { "content", "holidays" };

typedef struct
{
  char                  *cache_dir;
  char                  *urls[RH_UPDATE_N_KINDS];
  guint                  timeout;
  gsize                  max_size;
  RhUpdaterValidateFunc  holidays_validate;
} CheckParams;

static void
check_params_free (CheckParams *params)
{
  g_free (params->cache_dir);
  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    g_free (params->urls[i]);
  g_free (params);
}

static CheckParams *
check_params_new (RhContentUpdater *self)
{
  CheckParams *params = g_new0 (CheckParams, 1);

  params->cache_dir = g_strdup (self->cache_dir);
  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    params->urls[i] = g_strdup (self->urls[i]);
  params->timeout = self->timeout;
  params->max_size = self->max_size;
  params->holidays_validate = self->holidays_validate;

  return params;
}

/* ---------- helpers ---------- */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static GUri *
parse_allowed_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  const char *host;

  if (!(uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &local_error)))
    {
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_BAD_URL,
                   _("“%s” is not a valid address: %s"), url, local_error->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0)
    goto not_https;

  if (host == NULL || *host == '\0')
    {
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_BAD_URL,
                   _("“%s” is not a valid address: it names no server"), url);
      return NULL;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return g_steal_pointer (&uri);

  if (g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host))
    return g_steal_pointer (&uri);

not_https:
  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NOT_HTTPS,
               _("“%s” is not an HTTPS address (plain http is allowed only for "
                 "this computer, such as 127.0.0.1)"), url);
  return NULL;
}

static void
map_io_error (GError     **error,
              GError      *io_error,
              const char  *url,
              guint        timeout,
              gboolean     in_body)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TIMEOUT,
                 _("The server at %s did not answer in time (limit: %u s)"), url, timeout);
  else if (g_error_matches (io_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK,
                 _("The certificate of %s is not trusted by this computer (the organisation’s "
                   "certificate authority may need to be installed): %s"), url, io_error->message);
  else if (in_body)
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                 _("The download from %s was cut off: %s"), url, io_error->message);
  else
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK,
                 _("Could not reach %s: %s"), url, io_error->message);
}

static void
set_too_large (GError     **error,
               const char  *url,
               gsize        max_size)
{
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TOO_LARGE,
               _("The file at %s is larger than the limit of %s"), url, limit);
}

static GBytes *
read_body (GInputStream  *stream,
           const char    *url,
           goffset        content_length,
           guint          timeout,
           gsize          max_size,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  /* The socket timeout bounds each read; this bounds a slow drip. */
  gint64 deadline = g_get_monotonic_time () + (gint64)MAX (timeout, 1) * 3 * G_USEC_PER_SEC;
  guint8 *buffer = g_malloc (READ_CHUNK);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      gssize n = g_input_stream_read (stream, buffer, READ_CHUNK, cancellable, &local_error);

      if (n < 0)
        {
          map_io_error (error, local_error, url, timeout, TRUE);
          g_free (buffer);
          return NULL;
        }

      if (n == 0)
        break;

      if (body->len + (gsize)n > max_size)
        {
          set_too_large (error, url, max_size);
          g_free (buffer);
          return NULL;
        }

      g_byte_array_append (body, buffer, n);

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TIMEOUT,
                       _("The server at %s did not answer in time (limit: %u s)"), url, timeout * 3);
          g_free (buffer);
          return NULL;
        }
    }

  g_free (buffer);

  if (content_length >= 0 && (goffset)body->len != content_length)
    {
      g_autofree char *got = g_strdup_printf ("%u", body->len);
      g_autofree char *expected = g_strdup_printf ("%" G_GOFFSET_FORMAT, content_length);

      /* Translators: URL, bytes received, bytes announced */
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                   _("The download from %s was cut off after %s of %s bytes"),
                   url, got, expected);
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* Returns the body, or %NULL with *not_modified set on 304, or %NULL with
 * @error set. */
static GBytes *
fetch (SoupSession   *session,
       const char    *url,
       const char    *etag,
       const char    *last_modified,
       guint          timeout,
       gsize          max_size,
       gboolean      *not_modified,
       char         **out_etag,
       char         **out_last_modified,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autofree char *current = g_strdup (url);

  *not_modified = FALSE;

  for (guint hops = 0; hops <= RH_CONTENT_UPDATER_MAX_REDIRECTS; hops++)
    {
      g_autoptr(GUri) uri = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      SoupMessageHeaders *request_headers;
      SoupMessageHeaders *response_headers;
      goffset content_length = -1;
      guint status;

      if (!(uri = parse_allowed_url (current, error)))
        return NULL;

      msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
      soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
      request_headers = soup_message_get_request_headers (msg);
      if (etag != NULL && *etag != '\0')
        soup_message_headers_replace (request_headers, "If-None-Match", etag);
      if (last_modified != NULL && *last_modified != '\0')
        soup_message_headers_replace (request_headers, "If-Modified-Since", last_modified);

      g_debug ("GET %s (etag %s)", current, etag ? etag : "none");

      if (!(stream = soup_session_send (session, msg, cancellable, &local_error)))
        {
          map_io_error (error, local_error, current, timeout, FALSE);
          return NULL;
        }

      status = soup_message_get_status (msg);
      response_headers = soup_message_get_response_headers (msg);

      if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
        {
          const char *location = soup_message_headers_get_one (response_headers, "Location");
          g_autoptr(GError) resolve_error = NULL;
          char *next;

          g_input_stream_close (stream, NULL, NULL);

          if (location == NULL ||
              !(next = g_uri_resolve_relative (current, location, G_URI_FLAGS_ENCODED, &resolve_error)))
            {
              g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                           _("The server answered %u %s for %s without a valid new address"),
                           status, soup_message_get_reason_phrase (msg), current);
              return NULL;
            }

          g_debug ("redirected %u to %s", status, next);
          g_free (current);
          current = next;
          continue;
        }

      if (status == SOUP_STATUS_NOT_MODIFIED)
        {
          g_input_stream_close (stream, NULL, NULL);
          *not_modified = TRUE;
          return NULL;
        }

      if (status != SOUP_STATUS_OK)
        {
          g_input_stream_close (stream, NULL, NULL);
          g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                       _("The server answered %u %s for %s"),
                       status, soup_message_get_reason_phrase (msg), current);
          return NULL;
        }

      /* Content-Length counts encoded bytes; compare only for identity. */
      if (soup_message_headers_get_encoding (response_headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          soup_message_headers_get_one (response_headers, "Content-Encoding") == NULL)
        content_length = soup_message_headers_get_content_length (response_headers);

      if (content_length > (goffset)max_size)
        {
          g_input_stream_close (stream, NULL, NULL);
          set_too_large (error, current, max_size);
          return NULL;
        }

      {
        GBytes *body = read_body (stream, current, content_length, timeout, max_size,
                                  cancellable, error);

        g_input_stream_close (stream, NULL, NULL);

        if (body != NULL)
          {
            *out_etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
            *out_last_modified = g_strdup (soup_message_headers_get_one (response_headers, "Last-Modified"));
          }

        return body;
      }
    }

  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TOO_MANY_REDIRECTS,
               _("Too many redirects from %s (more than %d)"), url,
               RH_CONTENT_UPDATER_MAX_REDIRECTS);
  return NULL;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += n;
      len -= n;
    }

  return TRUE;
}

/* Writes @bytes to DIR/.NAME.new, fsyncs it, renames it over DIR/NAME and
 * fsyncs the directory. On any failure DIR/NAME is untouched. */
static gboolean
write_atomically (const char  *dir,
                  const char  *name,
                  GBytes      *bytes,
                  GError     **error)
{
  g_autofree char *tmp_name = g_strdup_printf (".%s.new", name);
  g_autofree char *tmp_path = g_build_filename (dir, tmp_name, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int saved_errno;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      saved_errno = errno;
      goto fail_no_tmp;
    }

  fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0)
    {
      saved_errno = errno;
      goto fail_no_tmp;
    }

  if (!write_all (fd, data, len) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      goto fail;
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  /* Make the rename itself durable. */
  if ((fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      fsync (fd);
      close (fd);
    }

  return TRUE;

fail:
  g_unlink (tmp_path);
fail_no_tmp:
  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_WRITE,
               _("Could not store the new %s in %s: %s"),
               name, dir, g_strerror (saved_errno));
  return FALSE;
}

static GKeyFile *
load_state (const char *cache_dir)
{
  g_autofree char *path = g_build_filename (cache_dir, STATE_FILE, NULL);
  g_autoptr(GError) error = NULL;
  GKeyFile *state = g_key_file_new ();

  if (!g_key_file_load_from_file (state, path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Ignoring %s: %s", path, error->message);

  return state;
}

static void
save_state (const char *cache_dir,
            GKeyFile   *state)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  char *data = g_key_file_to_data (state, &len, NULL);

  bytes = g_bytes_new_take (data, len);
  if (!write_atomically (cache_dir, STATE_FILE, bytes, &error))
    g_debug ("%s", error->message);
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

/* The installed file, if it is the one state.ini describes. */
static GBytes *
load_installed (const char *cache_dir,
                RhUpdateKind kind,
                GKeyFile   *state)
{
  g_autofree char *path = g_build_filename (cache_dir, file_names[kind], NULL);
  g_autofree char *expected = g_key_file_get_string (state, group_names[kind], "sha256", NULL);
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize len;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return NULL;

  bytes = g_bytes_new_take (data, len);
  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, expected) != 0)
    return NULL;

  return g_steal_pointer (&bytes);
}

static void
outcome_set (Outcome        *outcome,
             RhUpdateStatus  status,
             const char     *revision,
             const char     *message)
{
  outcome->status = status;
  g_free (outcome->revision);
  outcome->revision = g_strdup (revision);
  g_free (outcome->message);
  outcome->message = g_strdup (message);
}

static void
outcome_fail (Outcome *outcome,
              GError  *error)
{
  outcome_set (outcome, RH_UPDATE_STATUS_FAILED, NULL, error->message);
  g_clear_error (&outcome->error);
  outcome->error = error;
}

static void
check_kind (CheckParams    *params,
            SoupSession    *session,
            GKeyFile       *state,
            RhUpdateKind    kind,
            RhUpdateResult *result,
            GCancellable   *cancellable)
{
  Outcome *outcome = &result->outcomes[kind];
  const char *url = params->urls[kind];
  const char *group = group_names[kind];
  g_autoptr(GBytes) installed = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(RhCatalog) catalog = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *new_last_modified = NULL;
  g_autofree char *installed_revision = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stored_url = NULL;
  GError *error = NULL;
  gboolean not_modified = FALSE;

  if (url == NULL || *url == '\0')
    {
      outcome_set (outcome, RH_UPDATE_STATUS_SKIPPED, NULL, _("No address is set."));
      return;
    }

  if (kind == RH_UPDATE_KIND_HOLIDAYS && params->holidays_validate == NULL)
    {
      error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_UNSUPPORTED,
                           _("This version cannot check holiday tables"));
      outcome_fail (outcome, error);
      return;
    }

  now = now_iso8601 ();
  g_key_file_set_string (state, group, "last-check", now);

  /* Conditional headers only while the installed file is the one they
   * describe: a missing or altered file is downloaded again. */
  installed = load_installed (params->cache_dir, kind, state);
  stored_url = g_key_file_get_string (state, group, "url", NULL);
  if (installed != NULL && g_strcmp0 (stored_url, url) == 0)
    {
      etag = g_key_file_get_string (state, group, "etag", NULL);
      last_modified = g_key_file_get_string (state, group, "last-modified", NULL);
      if (etag != NULL && *etag == '\0')
        g_clear_pointer (&etag, g_free);
      if (last_modified != NULL && *last_modified == '\0')
        g_clear_pointer (&last_modified, g_free);
    }
  installed_revision = g_key_file_get_string (state, group, "revision", NULL);

  body = fetch (session, url, etag, last_modified, params->timeout, params->max_size,
                &not_modified, &new_etag, &new_last_modified, cancellable, &error);

  if (not_modified && etag == NULL && last_modified == NULL)
    {
      /* We asked unconditionally: a 304 then means nothing to install. */
      error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                           _("The server answered 304 Not Modified for %s, but there is no copy here to keep"),
                           url);
      g_key_file_set_string (state, group, "last-error", error->message);
      outcome_fail (outcome, error);
      return;
    }

  if (not_modified)
    {
      g_key_file_set_string (state, group, "last-success", now);
      outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED, installed_revision,
                   _("Already up to date (the server reports no change)."));
      return;
    }

  if (body == NULL)
    {
      g_key_file_set_string (state, group, "last-error", error->message);
      outcome_fail (outcome, error);
      return;
    }

  /* Exactly the validation the built-in data gets. */
  if (kind == RH_UPDATE_KIND_CONTENT)
    {
      g_autoptr(GError) invalid = NULL;

      if (!(catalog = rh_catalog_new_from_bytes (body, url, &invalid)))
        {
          error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                               _("The downloaded file is not valid: %s"), invalid->message);
          g_key_file_set_string (state, group, "last-error", error->message);
          outcome_fail (outcome, error);
          return;
        }
    }
  else
    {
      g_autoptr(GError) invalid = NULL;

      if (!params->holidays_validate (body, url, &invalid))
        {
          error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                               _("The downloaded file is not valid: %s"), invalid->message);
          g_key_file_set_string (state, group, "last-error", error->message);
          outcome_fail (outcome, error);
          return;
        }
    }

  if (installed == NULL || !g_bytes_equal (installed, body))
    {
      if (!write_atomically (params->cache_dir, file_names[kind], body, &error))
        {
          g_key_file_set_string (state, group, "last-error", error->message);
          outcome_fail (outcome, error);
          return;
        }

      {
        g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
        g_key_file_set_string (state, group, "sha256", sha);
      }

      if (catalog != NULL)
        {
          g_autoptr(RhCatalog) builtin = rh_catalog_new_builtin (NULL);
          const char *revision = rh_catalog_get_revision (catalog);

          g_key_file_set_string (state, group, "revision", revision);

          if (builtin != NULL && g_strcmp0 (revision, rh_catalog_get_revision (builtin)) < 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("The server has revision %s, older than the built-in revision %s; "
                                   "the built-in content stays in use."),
                                 revision, rh_catalog_get_revision (builtin));
              outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED, revision, message);
            }
          else
            {
              g_autofree char *message =
                g_strdup_printf (_("Installed content revision %s."), revision);
              outcome_set (outcome, RH_UPDATE_STATUS_UPDATED, revision, message);
              g_set_object (&result->catalog, catalog);
            }
        }
      else
        {
          outcome_set (outcome, RH_UPDATE_STATUS_UPDATED, NULL, _("Installed a new holiday table."));
          g_clear_pointer (&result->holidays, g_bytes_unref);
          result->holidays = g_bytes_ref (body);
        }
    }
  else
    {
      outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED, installed_revision,
                   _("Already up to date (the file on the server is the same)."));
    }

  g_key_file_set_string (state, group, "url", url);
  g_key_file_set_string (state, group, "etag", new_etag ? new_etag : "");
  g_key_file_set_string (state, group, "last-modified", new_last_modified ? new_last_modified : "");
  g_key_file_set_string (state, group, "last-success", now);
  g_key_file_remove_key (state, group, "last-error", NULL);
}

static RhUpdateResult *
run_check (CheckParams  *params,
           GCancellable *cancellable)
{
  g_autoptr(RhUpdateResult) result = g_object_new (RH_TYPE_UPDATE_RESULT, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GKeyFile) state = NULL;
  G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&check_lock);
  gboolean any = FALSE;

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    any |= params->urls[i] != NULL && params->urls[i][0] != '\0';

  /* TLS verification is libsoup's default and is never turned off here:
   * no accept-certificate handler is connected. */
  session = soup_session_new_with_options ("timeout", params->timeout,
                                           "idle-timeout", params->timeout,
                                           "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                           NULL);
  state = load_state (params->cache_dir);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    check_kind (params, session, state, i, result, cancellable);

  if (any)
    save_state (params->cache_dir, state);

  return g_steal_pointer (&result);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  RhUpdateResult *result;

  /* libsoup's sync API iterates its own context; keep it off the default. */
  g_main_context_push_thread_default (context);
  result = run_check (task_data, cancellable);
  g_main_context_pop_thread_default (context);

  g_task_return_pointer (task, result, g_object_unref);
}

/* ---------- RhUpdateResult ---------- */

static void
rh_update_result_finalize (GObject *object)
{
  RhUpdateResult *self = (RhUpdateResult *)object;

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    {
      g_free (self->outcomes[i].message);
      g_free (self->outcomes[i].revision);
      g_clear_error (&self->outcomes[i].error);
    }
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->holidays, g_bytes_unref);

  G_OBJECT_CLASS (rh_update_result_parent_class)->finalize (object);
}

static void
rh_update_result_class_init (RhUpdateResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rh_update_result_finalize;
}

static void
rh_update_result_init (RhUpdateResult *self)
{
}

/* ---------- RhContentUpdater ---------- */

static void
rh_content_updater_finalize (GObject *object)
{
  RhContentUpdater *self = (RhContentUpdater *)object;

  g_free (self->cache_dir);
  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    g_free (self->urls[i]);

  G_OBJECT_CLASS (rh_content_updater_parent_class)->finalize (object);
}

static void
rh_content_updater_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RhContentUpdater *self = RH_CONTENT_UPDATER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    case PROP_CONTENT_URL:
      g_value_set_string (value, self->urls[RH_UPDATE_KIND_CONTENT]);
      break;
    case PROP_HOLIDAYS_URL:
      g_value_set_string (value, self->urls[RH_UPDATE_KIND_HOLIDAYS]);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_SIZE:
      g_value_set_uint64 (value, self->max_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_content_updater_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  RhContentUpdater *self = RH_CONTENT_UPDATER (object);

  switch (prop_id)
    {
    case PROP_CACHE_DIR:
      g_free (self->cache_dir);
      self->cache_dir = g_value_dup_string (value);
      if (self->cache_dir == NULL)
        self->cache_dir = g_build_filename (g_get_user_data_dir (), "rokin-help", NULL);
      break;
    case PROP_CONTENT_URL:
      rh_content_updater_set_content_url (self, g_value_get_string (value));
      break;
    case PROP_HOLIDAYS_URL:
      rh_content_updater_set_holidays_url (self, g_value_get_string (value));
      break;
    case PROP_TIMEOUT:
      rh_content_updater_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_SIZE:
      rh_content_updater_set_max_size (self, g_value_get_uint64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_content_updater_class_init (RhContentUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_content_updater_finalize;
  object_class->get_property = rh_content_updater_get_property;
  object_class->set_property = rh_content_updater_set_property;

  properties [PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_CONTENT_URL] =
    g_param_spec_string ("content-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_HOLIDAYS_URL] =
    g_param_spec_string ("holidays-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 600, RH_CONTENT_UPDATER_DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, G_MAXUINT32, RH_CONTENT_UPDATER_DEFAULT_MAX_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_content_updater_init (RhContentUpdater *self)
{
  self->timeout = RH_CONTENT_UPDATER_DEFAULT_TIMEOUT;
  self->max_size = RH_CONTENT_UPDATER_DEFAULT_MAX_SIZE;
  /* The same parser and checks as the calendar's override table. */
  self->holidays_validate = rh_holiday_table_validate;
}

/* ---------- public API ---------- */

const char *
rh_update_status_to_string (RhUpdateStatus status)
{
  switch (status)
    {
    case RH_UPDATE_STATUS_SKIPPED: return "skipped";
    case RH_UPDATE_STATUS_UPDATED: return "updated";
    case RH_UPDATE_STATUS_UNCHANGED: return "unchanged";
    case RH_UPDATE_STATUS_FAILED: return "failed";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rh_update_kind_to_string (RhUpdateKind kind)
{
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);
  return group_names[kind];
}

RhUpdateStatus
rh_update_result_get_status (RhUpdateResult *self,
                             RhUpdateKind    kind)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), RH_UPDATE_STATUS_FAILED);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, RH_UPDATE_STATUS_FAILED);
  return self->outcomes[kind].status;
}

const char *
rh_update_result_get_message (RhUpdateResult *self,
                              RhUpdateKind    kind)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), NULL);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);
  return self->outcomes[kind].message;
}

const GError *
rh_update_result_get_error (RhUpdateResult *self,
                            RhUpdateKind    kind)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), NULL);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);
  return self->outcomes[kind].error;
}

const char *
rh_update_result_get_revision (RhUpdateResult *self,
                               RhUpdateKind    kind)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), NULL);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);
  return self->outcomes[kind].revision;
}

RhCatalog *
rh_update_result_get_catalog (RhUpdateResult *self)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), NULL);
  return self->catalog;
}

GBytes *
rh_update_result_get_holidays (RhUpdateResult *self)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), NULL);
  return self->holidays;
}

gboolean
rh_update_result_has_failure (RhUpdateResult *self)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), TRUE);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    if (self->outcomes[i].status == RH_UPDATE_STATUS_FAILED)
      return TRUE;

  return FALSE;
}

gboolean
rh_update_result_has_update (RhUpdateResult *self)
{
  g_return_val_if_fail (RH_IS_UPDATE_RESULT (self), FALSE);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    if (self->outcomes[i].status == RH_UPDATE_STATUS_UPDATED)
      return TRUE;

  return FALSE;
}

/**
 * rh_content_updater_new:
 * @cache_dir: (nullable): where installed files live; %NULL for
 *   `$XDG_DATA_HOME/rokin-help`
 */
RhContentUpdater *
rh_content_updater_new (const char *cache_dir)
{
  return g_object_new (RH_TYPE_CONTENT_UPDATER, "cache-dir", cache_dir, NULL);
}

const char *
rh_content_updater_get_cache_dir (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  return self->cache_dir;
}

static void
set_url (RhContentUpdater *self,
         RhUpdateKind      kind,
         const char       *url,
         GParamSpec       *pspec)
{
  if (g_strcmp0 (self->urls[kind], url) == 0)
    return;

  g_free (self->urls[kind]);
  self->urls[kind] = g_strdup (url);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
rh_content_updater_get_content_url (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  return self->urls[RH_UPDATE_KIND_CONTENT];
}

void
rh_content_updater_set_content_url (RhContentUpdater *self,
                                    const char       *url)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  set_url (self, RH_UPDATE_KIND_CONTENT, url, properties [PROP_CONTENT_URL]);
}

const char *
rh_content_updater_get_holidays_url (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  return self->urls[RH_UPDATE_KIND_HOLIDAYS];
}

void
rh_content_updater_set_holidays_url (RhContentUpdater *self,
                                     const char       *url)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  set_url (self, RH_UPDATE_KIND_HOLIDAYS, url, properties [PROP_HOLIDAYS_URL]);
}

guint
rh_content_updater_get_timeout (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), 0);
  return self->timeout;
}

void
rh_content_updater_set_timeout (RhContentUpdater *self,
                                guint             seconds)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout != seconds)
    {
      self->timeout = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIMEOUT]);
    }
}

gsize
rh_content_updater_get_max_size (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), 0);
  return self->max_size;
}

void
rh_content_updater_set_max_size (RhContentUpdater *self,
                                 gsize             max_size)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  g_return_if_fail (max_size > 0);

  if (self->max_size != max_size)
    {
      self->max_size = max_size;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MAX_SIZE]);
    }
}

void
rh_content_updater_set_holidays_validator (RhContentUpdater      *self,
                                           RhUpdaterValidateFunc  validate)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  self->holidays_validate = validate;
}

char *
rh_content_updater_dup_cache_path (RhContentUpdater *self,
                                   RhUpdateKind      kind)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);
  return g_build_filename (self->cache_dir, file_names[kind], NULL);
}

GDateTime *
rh_content_updater_dup_last_success (RhContentUpdater *self,
                                     RhUpdateKind      kind)
{
  g_autoptr(GKeyFile) state = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  g_return_val_if_fail (kind < RH_UPDATE_N_KINDS, NULL);

  state = load_state (self->cache_dir);
  text = g_key_file_get_string (state, group_names[kind], "last-success", NULL);
  if (text == NULL || !(utc = g_date_time_new_from_iso8601 (text, NULL)))
    return NULL;

  return g_date_time_to_local (utc);
}

gboolean
rh_content_updater_check_url (const char  *url,
                              GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, FALSE);

  uri = parse_allowed_url (url, error);
  return uri != NULL;
}

/**
 * rh_content_updater_check:
 *
 * Checks every configured URL now, blocking. Never fails as a whole: the
 * result tells per kind what happened.
 *
 * Returns: (transfer full): what happened
 */
RhUpdateResult *
rh_content_updater_check (RhContentUpdater *self,
                          GCancellable     *cancellable)
{
  CheckParams *params;
  RhUpdateResult *result;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);

  params = check_params_new (self);
  result = run_check (params, cancellable);
  check_params_free (params);

  return result;
}

void
rh_content_updater_check_async (RhContentUpdater    *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rh_content_updater_check_async);
  g_task_set_task_data (task, check_params_new (self), (GDestroyNotify)check_params_free);
  g_task_run_in_thread (task, check_thread);
}

/**
 * rh_content_updater_check_finish:
 *
 * Returns: (transfer full): what happened; %NULL only when cancelled
 */
RhUpdateResult *
rh_content_updater_check_finish (RhContentUpdater  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

RhCatalog *
rh_content_updater_load_best_catalog (RhContentUpdater  *self,
                                      GError           **error)
{
  g_autoptr(RhCatalog) builtin = NULL;
  g_autoptr(RhCatalog) cached = NULL;
  g_autoptr(GError) cache_error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);

  builtin = rh_catalog_new_builtin (error);

  path = rh_content_updater_dup_cache_path (self, RH_UPDATE_KIND_CONTENT);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!(cached = rh_catalog_new_from_file (path, &cache_error)))
        g_warning ("Ignoring the downloaded content: %s", cache_error->message);
    }

  if (cached != NULL &&
      (builtin == NULL ||
       g_strcmp0 (rh_catalog_get_revision (cached), rh_catalog_get_revision (builtin)) >= 0))
    {
      g_clear_error (error);
      return g_steal_pointer (&cached);
    }

  return g_steal_pointer (&builtin);
}

GBytes *
rh_content_updater_load_cached_holidays (RhContentUpdater *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *data;
  gsize len;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);

  path = rh_content_updater_dup_cache_path (self, RH_UPDATE_KIND_HOLIDAYS);
  if (!g_file_get_contents (path, &data, &len, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring the downloaded holiday table: %s", error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (data, len);

  if (self->holidays_validate != NULL && !self->holidays_validate (bytes, path, &error))
    {
      g_warning ("Ignoring the downloaded holiday table: %s", error->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/**
 * rh_content_updater_apply_cached_holidays:
 * @calendar: (nullable): the calendar; %NULL for rh_calendar_get_default()
 *
 * Applies the downloaded holiday table, if there is a valid one, as the
 * calendar's overrides. A corrupt cache is ignored with a warning.
 *
 * Returns: whether a table was applied
 */
gboolean
rh_content_updater_apply_cached_holidays (RhContentUpdater *self,
                                          RhCalendar       *calendar)
{
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), FALSE);

  if (!(csv = rh_content_updater_load_cached_holidays (self)))
    return FALSE;

  if (calendar == NULL)
    calendar = rh_calendar_get_default ();

  path = rh_content_updater_dup_cache_path (self, RH_UPDATE_KIND_HOLIDAYS);
  if (!rh_calendar_set_overrides_from_bytes (calendar, csv, path, &error))
    {
      g_warning ("Ignoring the downloaded holiday table: %s", error->message);
      return FALSE;
    }

  return TRUE;
}
