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
 *   .NAME.XXXXXX            temporary files while writing, unique to
 *                           each writer
 *
 * Two processes (a cron job and the window) may check at once: downloads
 * run in parallel, and everything from re-reading the state to the last
 * rename happens under flock() of the folder, so each reports what it
 * really installed.
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
#include <sys/file.h>
#include <unistd.h>

#include "rh-calendar.h"
#include "rh-content-updater.h"
#include "rh-file.h"
#include "rh-holiday-table.h"
#include "rh-time-limit.h"
#include "rh-update-body.h"

#define STATE_FILE "state.ini"
/* state.ini holds a few short lines per kind. */
#define MAX_STATE_SIZE (64 * 1024)
#define LOCK_POLL_USEC (20 * 1000)
/* At start, how long to wait for another process's update to finish its
 * renames before reading anyway. */
#define READ_LOCK_WAIT_USEC (2 * G_USEC_PER_SEC)

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
  guint                  time_limit;
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
  PROP_TIME_LIMIT,
  PROP_MAX_SIZE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const file_names[RH_UPDATE_N_KINDS] = { "faq.json", "holidays.csv" };
static const char * const group_names[RH_UPDATE_N_KINDS] = { "content", "holidays" };

typedef struct
{
  char                  *cache_dir;
  char                  *urls[RH_UPDATE_N_KINDS];
  guint                  timeout;
  guint                  time_limit;
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
  params->time_limit = self->time_limit;
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

/* Names what was wrong with a certificate: expired, for another host and
 * unknown authority call for different people to act. */
static char *
describe_tls_errors (GTlsCertificateFlags flags)
{
  g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (reasons, _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (reasons, _("it is not valid yet (check this computer’s clock)"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (reasons, _("it was issued for another server name"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (reasons, _("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (reasons, _("it uses an insecure algorithm"));
  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (reasons, _("it was issued by an authority this computer does not trust "
                                "(the organisation’s certificate authority may need to be installed)"));
  if (reasons->len == 0)
    g_ptr_array_add (reasons, _("it could not be verified"));

  g_ptr_array_add (reasons, NULL);
  /* Translators: separates the reasons a certificate was refused */
  return g_strjoinv (_("; "), (char **)reasons->pdata);
}

static void
map_io_error (GError               **error,
              GError                *io_error,
              const char            *url,
              guint                  timeout,
              RhTimeLimit           *limit,
              GTlsCertificateFlags   tls_errors,
              gboolean               in_body)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && rh_time_limit_expired (limit))
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TIMEOUT,
                 _("The server at %s did not answer in time (the whole check may take at most %u s)"),
                 url, rh_time_limit_get_seconds (limit));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TIMEOUT,
                 _("The server at %s did not answer in time (limit: %u s)"), url, timeout);
  else if (io_error->domain == RH_UPDATE_ERROR)
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    {
      g_autofree char *reasons = describe_tls_errors (tls_errors);

      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK,
                   _("The certificate of %s is not accepted: %s"), url, reasons);
    }
  else if (in_body)
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_TRUNCATED,
                 _("The download from %s was cut off: %s"), url, io_error->message);
  else
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_NETWORK,
                 _("Could not reach %s: %s"), url, io_error->message);
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  /* Only to learn why: the system's verdict always stands. */
  *(GTlsCertificateFlags *)user_data = errors;
  return FALSE;
}

typedef struct
{
  const char           *etag;
  const char           *last_modified;
  guint                 timeout;
  gsize                 max_size;
  RhTimeLimit          *limit;
  gboolean              not_modified;
  char                 *new_etag;
  char                 *new_last_modified;
} FetchArgs;

static SoupMessage *
new_request (GUri      *uri,
             FetchArgs *args,
             GTlsCertificateFlags *tls_errors)
{
  SoupMessage *msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  /* The body is decoded by rh_update_read_body(), which caps the bytes on
   * the wire as well as the decoded ones. */
  soup_message_disable_feature (msg, SOUP_TYPE_CONTENT_DECODER);
  soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
  if (args->etag != NULL && *args->etag != '\0')
    soup_message_headers_replace (headers, "If-None-Match", args->etag);
  if (args->last_modified != NULL && *args->last_modified != '\0')
    soup_message_headers_replace (headers, "If-Modified-Since", args->last_modified);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), tls_errors);

  return msg;
}

/* The next address of a redirect, or %NULL with @error set. */
static char *
redirect_target (SoupMessage  *msg,
                 const char   *current,
                 GError      **error)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "Location");
  char *next = NULL;

  if (location != NULL)
    next = g_uri_resolve_relative (current, location, G_URI_FLAGS_ENCODED, NULL);
  if (next == NULL)
    g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                 _("The server answered %u %s for %s without a valid new address"),
                 soup_message_get_status (msg), soup_message_get_reason_phrase (msg), current);
  return next;
}

/* Returns the body, or %NULL with args->not_modified set on 304, or %NULL
 * with @error set. Every blocking call gets the time limit's cancellable. */
static GBytes *
fetch (SoupSession  *session,
       const char   *url,
       FetchArgs    *args,
       GError      **error)
{
  GCancellable *cancellable = rh_time_limit_get_cancellable (args->limit);
  g_autofree char *current = g_strdup (url);

  for (guint hops = 0; hops <= RH_CONTENT_UPDATER_MAX_REDIRECTS; hops++)
    {
      g_autoptr(GUri) uri = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;
      SoupMessageHeaders *response_headers;
      GTlsCertificateFlags tls_errors = 0;
      goffset content_length = -1;
      GBytes *body;
      guint status;

      if (!(uri = parse_allowed_url (current, error)))
        return NULL;

      msg = new_request (uri, args, &tls_errors);
      g_debug ("GET %s (etag %s)", current, args->etag ? args->etag : "none");

      if (!(stream = soup_session_send (session, msg, cancellable, &local_error)))
        {
          map_io_error (error, local_error, current, args->timeout, args->limit, tls_errors, FALSE);
          return NULL;
        }

      status = soup_message_get_status (msg);
      response_headers = soup_message_get_response_headers (msg);

      if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
        {
          char *next;

          g_input_stream_close (stream, NULL, NULL);
          if (!(next = redirect_target (msg, current, error)))
            return NULL;
          g_debug ("redirected %u to %s", status, next);
          g_free (current);
          current = next;
          continue;
        }

      if (status == SOUP_STATUS_NOT_MODIFIED)
        {
          g_input_stream_close (stream, NULL, NULL);
          args->not_modified = TRUE;
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

      if (soup_message_headers_get_encoding (response_headers) == SOUP_ENCODING_CONTENT_LENGTH)
        content_length = soup_message_headers_get_content_length (response_headers);

      body = rh_update_read_body (stream,
                                  soup_message_headers_get_one (response_headers, "Content-Encoding"),
                                  content_length, args->max_size, current, cancellable,
                                  &local_error);
      g_input_stream_close (stream, NULL, NULL);

      if (body == NULL)
        {
          map_io_error (error, local_error, current, args->timeout, args->limit, tls_errors, TRUE);
          return NULL;
        }

      args->new_etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
      args->new_last_modified = g_strdup (soup_message_headers_get_one (response_headers, "Last-Modified"));
      return body;
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

static void
set_write_error (GError     **error,
                 const char  *dir,
                 const char  *name,
                 int          saved_errno)
{
  g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_WRITE,
               _("Could not store the new %s in %s: %s"),
               name, dir, g_strerror (saved_errno));
}

/* Writes @bytes to a new temporary file DIR/.NAME.XXXXXX, unique to this
 * writer (two processes never share it), and fsyncs it. Returns its path,
 * or %NULL with nothing left behind. */
static char *
write_temporary (const char  *dir,
                 const char  *name,
                 GBytes      *bytes,
                 GError     **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, name);
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int saved_errno;
  int fd;

  if ((fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644)) < 0)
    {
      set_write_error (error, dir, name, errno);
      return NULL;
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

  return g_steal_pointer (&tmp_path);

fail:
  g_unlink (tmp_path);
  set_write_error (error, dir, name, saved_errno);
  return NULL;
}

/* Renames a temporary file over DIR/NAME: the old file stays whole until
 * the new one replaces it. */
static gboolean
install_temporary (const char  *dir,
                   const char  *name,
                   const char  *tmp_path,
                   GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_rename (tmp_path, path) != 0)
    {
      set_write_error (error, dir, name, errno);
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

static void
sync_dir (const char *dir)
{
  int fd;

  /* Make the renames themselves durable. */
  if ((fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)) >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* state.ini, or an empty one. Its contents are never quoted in a message:
 * a state.ini made a link to a system file must not print that file. */
static GKeyFile *
load_state (const char *cache_dir)
{
  g_autofree char *path = g_build_filename (cache_dir, STATE_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GKeyFile *state = g_key_file_new ();
  gsize len;
  const char *data;

  if (!(bytes = rh_file_read_regular (path, MAX_STATE_SIZE, &error)))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("Ignoring %s", error->message);
      return state;
    }

  data = g_bytes_get_data (bytes, &len);
  if (!g_key_file_load_from_data (state, data ? data : "", len, G_KEY_FILE_NONE, NULL))
    g_warning ("Ignoring %s: it is not a state file of this program", path);

  return state;
}

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format_iso8601 (now);
}

/* The installed file, if it is a regular file of at most @max_size bytes
 * and exactly the one state.ini describes (its SHA-256). */
static GBytes *
load_installed (const char    *cache_dir,
                RhUpdateKind   kind,
                GKeyFile      *state,
                gsize          max_size,
                GError       **error)
{
  g_autofree char *path = g_build_filename (cache_dir, file_names[kind], NULL);
  g_autofree char *expected = g_key_file_get_string (state, group_names[kind], "sha256", NULL);
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!(bytes = rh_file_read_regular (path, max_size, error)))
    return NULL;

  actual = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (g_strcmp0 (actual, expected) != 0)
    {
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                   _("%s is not the file that was installed (its SHA-256 differs from the one "
                     "recorded in %s)"), path, STATE_FILE);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* Takes the lock of the data folder, shared by every process of this
 * program (flock() on the folder itself: nothing to leave behind, and no
 * special file can stand in for it). Waits until @end at most (monotonic
 * time). Returns the descriptor to close, or -1 with @error set. */
static int
lock_cache_dir (const char    *dir,
                int            operation,
                gint64         end,
                GCancellable  *cancellable,
                GError       **error)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_write_error (error, dir, STATE_FILE, errno);
      return -1;
    }

  while (flock (fd, operation | LOCK_NB) != 0)
    {
      if ((errno != EWOULDBLOCK && errno != EINTR) ||
          g_get_monotonic_time () >= end || g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_BUSY,
                       _("Another update is saving files in %s; nothing was changed"), dir);
          close (fd);
          return -1;
        }
      g_usleep (LOCK_POLL_USEC);
    }

  return fd;
}

/* Removes temporary files left by a writer that was killed. Called with
 * the folder locked: every writer creates its temporary files only while
 * holding the lock, so none of them belongs to a running check. */
static void
remove_stale_temporaries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      gboolean ours = FALSE;

      for (guint i = 0; i < RH_UPDATE_N_KINDS + 1 && !ours; i++)
        {
          const char *base = i < RH_UPDATE_N_KINDS ? file_names[i] : STATE_FILE;
          gsize base_len = strlen (base);

          /* .NAME.XXXXXX, and .NAME.new of earlier versions */
          ours = name[0] == '.' && strncmp (name + 1, base, base_len) == 0 &&
                 name[1 + base_len] == '.' &&
                 (strlen (name + 2 + base_len) == 6 || g_str_equal (name + 2 + base_len, "new"));
        }

      if (ours)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_debug ("removing %s, left by an interrupted update", path);
          g_unlink (path);
        }
    }
}

/* Whether @revision is more than a year ahead of today: such a file would
 * stay "newest" above every future built-in revision. */
static gboolean
revision_too_far (const char *revision)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) horizon = g_date_time_add_years (now, 1);
  g_autofree char *limit = g_date_time_format (horizon, "%Y-%m-%d");

  return g_strcmp0 (revision, limit) > 0;
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

/* What one kind brought back from the server, before anything is written. */
typedef struct
{
  gboolean    attempted;
  gboolean    not_modified;
  GBytes     *body;            /* validated */
  RhCatalog  *catalog;         /* content only */
  char       *etag;
  char       *last_modified;
  char       *tmp_path;        /* written, not yet installed */
} Download;

static void
download_clear (Download *d)
{
  g_clear_pointer (&d->body, g_bytes_unref);
  g_clear_object (&d->catalog);
  g_clear_pointer (&d->etag, g_free);
  g_clear_pointer (&d->last_modified, g_free);
  if (d->tmp_path != NULL)
    g_unlink (d->tmp_path);
  g_clear_pointer (&d->tmp_path, g_free);
}

/* Exactly the validation the built-in data gets, and a revision that is
 * not absurdly far ahead. */
static gboolean
validate_body (CheckParams   *params,
               RhUpdateKind   kind,
               const char    *url,
               Download      *d,
               GError       **error)
{
  g_autoptr(GError) invalid = NULL;

  if (kind == RH_UPDATE_KIND_CONTENT)
    {
      if ((d->catalog = rh_catalog_new_from_bytes (d->body, url, &invalid)) &&
          revision_too_far (rh_catalog_get_revision (d->catalog)))
        {
          g_set_error (&invalid, RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                       _("revision %s is more than a year ahead of today"),
                       rh_catalog_get_revision (d->catalog));
          g_clear_object (&d->catalog);
        }
    }
  else
    params->holidays_validate (d->body, url, &invalid);

  if (invalid != NULL)
    {
      g_set_error (error, RH_UPDATE_ERROR, RH_UPDATE_ERROR_INVALID,
                   _("The downloaded file is not valid: %s"), invalid->message);
      return FALSE;
    }

  return TRUE;
}

/* Downloads and validates one kind; writes nothing. A failure is final
 * (the outcome says why); otherwise @d holds what commit_kind() decides on. */
static void
download_kind (CheckParams    *params,
               SoupSession    *session,
               GKeyFile       *state,
               RhUpdateKind    kind,
               RhTimeLimit    *limit,
               Download       *d,
               Outcome        *outcome)
{
  const char *url = params->urls[kind];
  const char *group = group_names[kind];
  g_autoptr(GBytes) installed = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;
  g_autofree char *stored_url = NULL;
  FetchArgs args = { NULL, };
  GError *error = NULL;

  if (url == NULL || *url == '\0')
    {
      outcome_set (outcome, RH_UPDATE_STATUS_SKIPPED, NULL, _("No address is set."));
      return;
    }

  d->attempted = TRUE;

  if (kind == RH_UPDATE_KIND_HOLIDAYS && params->holidays_validate == NULL)
    {
      outcome_fail (outcome, g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_UNSUPPORTED,
                                          _("This version cannot check holiday tables")));
      return;
    }

  /* Conditional headers only while the installed file is the one they
   * describe: a missing or altered file is downloaded again. */
  installed = load_installed (params->cache_dir, kind, state, params->max_size, NULL);
  stored_url = g_key_file_get_string (state, group, "url", NULL);
  if (installed != NULL && g_strcmp0 (stored_url, url) == 0)
    {
      etag = g_key_file_get_string (state, group, "etag", NULL);
      last_modified = g_key_file_get_string (state, group, "last-modified", NULL);
    }

  args.etag = etag;
  args.last_modified = last_modified;
  args.timeout = params->timeout;
  args.max_size = params->max_size;
  args.limit = limit;
  d->body = fetch (session, url, &args, &error);
  d->not_modified = args.not_modified;
  d->etag = g_steal_pointer (&args.new_etag);
  d->last_modified = g_steal_pointer (&args.new_last_modified);

  if (d->not_modified && (etag == NULL || *etag == '\0') &&
      (last_modified == NULL || *last_modified == '\0'))
    {
      /* We asked unconditionally: a 304 then means nothing to install. */
      d->not_modified = FALSE;
      error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                           _("The server answered 304 Not Modified for %s, but there is no copy here to keep"),
                           url);
    }

  if (error == NULL && d->body != NULL)
    validate_body (params, kind, url, d, &error);

  if (error != NULL)
    {
      download_clear (d);
      outcome_fail (outcome, error);
    }
}

static void
remember_source (GKeyFile   *state,
                 const char *group,
                 const char *url,
                 Download   *d,
                 const char *now)
{
  g_key_file_set_string (state, group, "url", url);
  g_key_file_set_string (state, group, "etag", d->etag ? d->etag : "");
  g_key_file_set_string (state, group, "last-modified", d->last_modified ? d->last_modified : "");
  g_key_file_set_string (state, group, "last-success", now);
  g_key_file_remove_key (state, group, "last-error", NULL);
}

/* Decides, against the files as they are now (the folder is locked), what
 * a successful download does. Never replaces a file with an older or equal
 * revision. A file to install is written to a temporary file and the state
 * is set for it; commit() renames it. */
static void
prepare_kind (CheckParams  *params,
              GKeyFile     *state,
              RhUpdateKind  kind,
              RhCatalog    *builtin,
              const char   *now,
              Download     *d,
              Outcome      *outcome)
{
  const char *group = group_names[kind];
  const char *url = params->urls[kind];
  const char *builtin_revision = builtin ? rh_catalog_get_revision (builtin) : NULL;
  g_autoptr(GBytes) installed = load_installed (params->cache_dir, kind, state, params->max_size, NULL);
  g_autofree char *installed_revision = NULL;
  g_autofree char *message = NULL;
  const char *revision = d->catalog ? rh_catalog_get_revision (d->catalog) : NULL;
  GError *error = NULL;

  if (installed != NULL)
    installed_revision = g_key_file_get_string (state, group, "revision", NULL);

  if (d->not_modified && installed == NULL)
    {
      /* Another process replaced or removed the copy the 304 was about. */
      error = g_error_new (RH_UPDATE_ERROR, RH_UPDATE_ERROR_HTTP_STATUS,
                           _("The server answered 304 Not Modified for %s, but there is no copy here to keep"),
                           url);
    }
  else if (d->not_modified)
    {
      g_key_file_set_string (state, group, "last-success", now);
      g_key_file_remove_key (state, group, "last-error", NULL);
      outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED, installed_revision,
                   _("Already up to date (the server reports no change)."));
      return;
    }
  else if (installed != NULL && g_bytes_equal (installed, d->body))
    {
      remember_source (state, group, url, d, now);
      outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED, installed_revision,
                   _("Already up to date (the file on the server is the same)."));
      return;
    }
  else if (revision != NULL && installed_revision != NULL &&
           g_strcmp0 (revision, installed_revision) <= 0)
    message = g_strdup_printf (_("The server has revision %s, not newer than the installed revision %s; "
                                 "the installed content stays in use."), revision, installed_revision);
  else if (revision != NULL && builtin_revision != NULL && g_strcmp0 (revision, builtin_revision) <= 0)
    message = g_strdup_printf (_("The server has revision %s, older than the built-in revision %s; "
                                 "the built-in content stays in use."), revision, builtin_revision);
  else if (!(d->tmp_path = write_temporary (params->cache_dir, file_names[kind], d->body, &error)))
    ;
  else
    {
      g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, d->body);

      g_key_file_set_string (state, group, "sha256", sha);
      if (revision != NULL)
        g_key_file_set_string (state, group, "revision", revision);
      remember_source (state, group, url, d, now);
      return;
    }

  if (message != NULL)
    {
      /* Nothing written; the check itself went well. */
      g_key_file_set_string (state, group, "last-success", now);
      g_key_file_remove_key (state, group, "last-error", NULL);
      outcome_set (outcome, RH_UPDATE_STATUS_UNCHANGED,
                   installed_revision ? installed_revision : builtin_revision, message);
      return;
    }

  g_key_file_set_string (state, group, "last-error", error->message);
  outcome_fail (outcome, error);
}

static void
fail_all (Download       *downloads,
          RhUpdateResult *result,
          const GError   *error)
{
  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    if (downloads[i].attempted && result->outcomes[i].status != RH_UPDATE_STATUS_FAILED)
      outcome_fail (&result->outcomes[i], g_error_copy (error));
}

/* Renames the prepared files into place and reports exactly those. */
static void
install_prepared (CheckParams    *params,
                  Download       *downloads,
                  RhUpdateResult *result)
{
  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    {
      Download *d = &downloads[i];
      GError *error = NULL;

      if (d->tmp_path == NULL)
        continue;

      if (!install_temporary (params->cache_dir, file_names[i], d->tmp_path, &error))
        outcome_fail (&result->outcomes[i], error);
      else if (d->catalog != NULL)
        {
          const char *revision = rh_catalog_get_revision (d->catalog);
          g_autofree char *message = g_strdup_printf (_("Installed content revision %s."), revision);

          outcome_set (&result->outcomes[i], RH_UPDATE_STATUS_UPDATED, revision, message);
          g_set_object (&result->catalog, d->catalog);
        }
      else
        {
          outcome_set (&result->outcomes[i], RH_UPDATE_STATUS_UPDATED, NULL,
                       _("Installed a new holiday table."));
          g_clear_pointer (&result->holidays, g_bytes_unref);
          result->holidays = g_bytes_ref (d->body);
        }
      g_clear_pointer (&d->tmp_path, g_free);
    }
}

/* Under the folder's lock, across processes: re-reads the state and the
 * installed files, decides, writes every new file and the new state to
 * temporary files (a full disk fails here, before anything is replaced),
 * then renames them into place. */
static void
commit (CheckParams    *params,
        Download       *downloads,
        RhUpdateResult *result,
        RhTimeLimit    *limit)
{
  g_autoptr(GKeyFile) state = NULL;
  g_autoptr(RhCatalog) builtin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) state_bytes = NULL;
  g_autofree char *now = now_iso8601 ();
  g_autofree char *state_tmp = NULL;
  char *data;
  gsize len;
  int lock_fd;

  if (g_mkdir_with_parents (params->cache_dir, 0700) != 0)
    {
      set_write_error (&error, params->cache_dir, STATE_FILE, errno);
      fail_all (downloads, result, error);
      return;
    }

  if ((lock_fd = lock_cache_dir (params->cache_dir, LOCK_EX, rh_time_limit_get_end (limit),
                                 NULL, &error)) < 0)
    {
      fail_all (downloads, result, error);
      return;
    }

  remove_stale_temporaries (params->cache_dir);
  state = load_state (params->cache_dir);
  builtin = rh_catalog_new_builtin (NULL);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    {
      Outcome *outcome = &result->outcomes[i];

      if (!downloads[i].attempted)
        continue;
      g_key_file_set_string (state, group_names[i], "last-check", now);
      if (outcome->status == RH_UPDATE_STATUS_FAILED)
        g_key_file_set_string (state, group_names[i], "last-error", outcome->message);
      else
        prepare_kind (params, state, i, builtin, now, &downloads[i], outcome);
    }

  data = g_key_file_to_data (state, &len, NULL);
  state_bytes = g_bytes_new_take (data, len);
  if (!(state_tmp = write_temporary (params->cache_dir, STATE_FILE, state_bytes, &error)))
    {
      for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
        if (downloads[i].tmp_path != NULL)
          {
            outcome_fail (&result->outcomes[i], g_error_copy (error));
            download_clear (&downloads[i]);
          }
    }
  else
    {
      install_prepared (params, downloads, result);
      if (!install_temporary (params->cache_dir, STATE_FILE, state_tmp, &error))
        g_debug ("%s", error->message);
      sync_dir (params->cache_dir);
    }

  close (lock_fd);
}

static RhUpdateResult *
run_check (CheckParams  *params,
           GCancellable *cancellable)
{
  g_autoptr(RhUpdateResult) result = g_object_new (RH_TYPE_UPDATE_RESULT, NULL);
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GKeyFile) state = NULL;
  g_autoptr(RhTimeLimit) limit = NULL;
  Download downloads[RH_UPDATE_N_KINDS] = { { 0, }, };
  gboolean any = FALSE;

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    any |= params->urls[i] != NULL && params->urls[i][0] != '\0';

  /* One limit for the whole check: connect, TLS, headers, redirects,
   * body and decoding of every kind. */
  limit = rh_time_limit_start (params->time_limit, cancellable);

  /* TLS verification is libsoup's default and is never turned off here:
   * the accept-certificate handler only records why, and refuses. */
  session = soup_session_new_with_options ("timeout", params->timeout,
                                           "idle-timeout", params->timeout,
                                           "user-agent", PACKAGE_NAME "/" PACKAGE_VERSION,
                                           NULL);
  state = load_state (params->cache_dir);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    download_kind (params, session, state, i, limit, &downloads[i], &result->outcomes[i]);

  if (any)
    commit (params, downloads, result, limit);

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    download_clear (&downloads[i]);

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
    case PROP_TIME_LIMIT:
      g_value_set_uint (value, self->time_limit);
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
    case PROP_TIME_LIMIT:
      rh_content_updater_set_time_limit (self, g_value_get_uint (value));
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
  properties [PROP_TIME_LIMIT] =
    g_param_spec_uint ("time-limit", NULL, NULL, 1, 3600, RH_CONTENT_UPDATER_DEFAULT_TIME_LIMIT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_MAX_SIZE] =
    g_param_spec_uint64 ("max-size", NULL, NULL, 1, G_MAXUINT32, RH_CONTENT_UPDATER_DEFAULT_MAX_SIZE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_content_updater_init (RhContentUpdater *self)
{
  const char *limit = g_getenv ("RH_UPDATE_TIME_LIMIT");
  guint64 seconds = 0;

  self->timeout = RH_CONTENT_UPDATER_DEFAULT_TIMEOUT;
  /* The environment may shorten the whole-check limit (for tests of the
   * command line; a real server gets the default). */
  self->time_limit = RH_CONTENT_UPDATER_DEFAULT_TIME_LIMIT;
  if (limit != NULL && g_ascii_string_to_unsigned (limit, 10, 1, 3600, &seconds, NULL))
    self->time_limit = seconds;
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

guint
rh_content_updater_get_time_limit (RhContentUpdater *self)
{
  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), 0);
  return self->time_limit;
}

/**
 * rh_content_updater_set_time_limit:
 * @seconds: how long a whole check may take, every phase of every
 *   download included
 */
void
rh_content_updater_set_time_limit (RhContentUpdater *self,
                                   guint             seconds)
{
  g_return_if_fail (RH_IS_CONTENT_UPDATER (self));
  g_return_if_fail (seconds > 0);

  if (self->time_limit != seconds)
    {
      self->time_limit = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TIME_LIMIT]);
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

/* The installed file of @kind if it is a regular file, exactly the one
 * state.ini recorded when it was installed (SHA-256); else %NULL, with a
 * warning when there was something to ignore. Waits briefly for an update
 * of another process that is renaming files into place. */
static GBytes *
load_cached (RhContentUpdater *self,
             RhUpdateKind      kind,
             const char       *what)
{
  g_autoptr(GKeyFile) state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rh_content_updater_dup_cache_path (self, kind);
  GBytes *bytes;
  int lock_fd;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return NULL;

  lock_fd = lock_cache_dir (self->cache_dir, LOCK_SH,
                            g_get_monotonic_time () + READ_LOCK_WAIT_USEC, NULL, NULL);
  state = load_state (self->cache_dir);
  bytes = load_installed (self->cache_dir, kind, state, self->max_size, &error);
  if (lock_fd >= 0)
    close (lock_fd);

  if (bytes == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_warning ("Ignoring the downloaded %s: %s", what, error->message);

  return bytes;
}

RhCatalog *
rh_content_updater_load_best_catalog (RhContentUpdater  *self,
                                      GError           **error)
{
  g_autoptr(RhCatalog) builtin = NULL;
  g_autoptr(RhCatalog) cached = NULL;
  g_autoptr(GError) cache_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);

  builtin = rh_catalog_new_builtin (error);

  path = rh_content_updater_dup_cache_path (self, RH_UPDATE_KIND_CONTENT);
  if ((bytes = load_cached (self, RH_UPDATE_KIND_CONTENT, "content")))
    {
      if (!(cached = rh_catalog_new_from_bytes (bytes, path, &cache_error)))
        g_warning ("Ignoring the downloaded content: %s", cache_error->message);
      else if (revision_too_far (rh_catalog_get_revision (cached)))
        {
          g_warning ("Ignoring the downloaded content: revision %s is more than a year ahead of today",
                     rh_catalog_get_revision (cached));
          g_clear_object (&cached);
        }
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

  g_return_val_if_fail (RH_IS_CONTENT_UPDATER (self), NULL);

  path = rh_content_updater_dup_cache_path (self, RH_UPDATE_KIND_HOLIDAYS);
  if (!(bytes = load_cached (self, RH_UPDATE_KIND_HOLIDAYS, "holiday table")))
    return NULL;

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
