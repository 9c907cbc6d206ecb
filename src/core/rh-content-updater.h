/* rh-content-updater.h — refresh faq.json and the holiday table over HTTPS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-calendar.h"
#include "rh-catalog.h"

G_BEGIN_DECLS

#define RH_UPDATE_ERROR (rh_update_error_quark ())

typedef enum
{
  RH_UPDATE_ERROR_BAD_URL,            /* not a URL at all */
  RH_UPDATE_ERROR_NOT_HTTPS,          /* http to a non-loopback host, or another scheme */
  RH_UPDATE_ERROR_HTTP_STATUS,        /* 404, 500… */
  RH_UPDATE_ERROR_TIMEOUT,
  RH_UPDATE_ERROR_TOO_LARGE,
  RH_UPDATE_ERROR_TRUNCATED,
  RH_UPDATE_ERROR_TOO_MANY_REDIRECTS,
  RH_UPDATE_ERROR_NETWORK,            /* connection refused, TLS, DNS… */
  RH_UPDATE_ERROR_INVALID,            /* the body failed validation */
  RH_UPDATE_ERROR_WRITE,              /* could not store the new file */
  RH_UPDATE_ERROR_UNSUPPORTED,        /* no validator for this kind */
  RH_UPDATE_ERROR_BUSY,               /* another process kept the data folder locked */
} RhUpdateError;

typedef enum
{
  RH_UPDATE_KIND_CONTENT,
  RH_UPDATE_KIND_HOLIDAYS,
  RH_UPDATE_N_KINDS
} RhUpdateKind;

typedef enum
{
  RH_UPDATE_STATUS_SKIPPED,    /* no URL configured */
  RH_UPDATE_STATUS_UPDATED,    /* a new valid file was installed */
  RH_UPDATE_STATUS_UNCHANGED,  /* 304, or the same/older content */
  RH_UPDATE_STATUS_FAILED,     /* nothing changed; see the message */
} RhUpdateStatus;

/* Validates a downloaded body with the same rules as the built-in data. */
typedef gboolean (*RhUpdaterValidateFunc) (GBytes      *body,
                                           const char  *origin,
                                           GError     **error);

#define RH_CONTENT_UPDATER_DEFAULT_TIMEOUT  20               /* seconds, per read */
#define RH_CONTENT_UPDATER_DEFAULT_TIME_LIMIT 60             /* seconds, whole check */
#define RH_CONTENT_UPDATER_DEFAULT_MAX_SIZE (5 * 1024 * 1024)
#define RH_CONTENT_UPDATER_MAX_REDIRECTS    5

#define RH_TYPE_UPDATE_RESULT (rh_update_result_get_type ())
G_DECLARE_FINAL_TYPE (RhUpdateResult, rh_update_result, RH, UPDATE_RESULT, GObject)

#define RH_TYPE_CONTENT_UPDATER (rh_content_updater_get_type ())
G_DECLARE_FINAL_TYPE (RhContentUpdater, rh_content_updater, RH, CONTENT_UPDATER, GObject)

GQuark            rh_update_error_quark                   (void);
const char       *rh_update_status_to_string              (RhUpdateStatus status);
const char       *rh_update_kind_to_string                (RhUpdateKind   kind);

RhUpdateStatus    rh_update_result_get_status             (RhUpdateResult *self,
                                                           RhUpdateKind    kind);
/* A clear sentence saying what happened (translated). */
const char       *rh_update_result_get_message            (RhUpdateResult *self,
                                                           RhUpdateKind    kind);
/* The error of a failed kind, else %NULL. */
const GError     *rh_update_result_get_error              (RhUpdateResult *self,
                                                           RhUpdateKind    kind);
/* Content revision installed (updated) or in the cache (unchanged), or %NULL. */
const char       *rh_update_result_get_revision           (RhUpdateResult *self,
                                                           RhUpdateKind    kind);
/* The newly installed catalog, when content was updated; else %NULL. */
RhCatalog        *rh_update_result_get_catalog            (RhUpdateResult *self);
/* The newly installed holiday table, when holidays were updated; else %NULL. */
GBytes           *rh_update_result_get_holidays           (RhUpdateResult *self);
gboolean          rh_update_result_has_failure            (RhUpdateResult *self);
gboolean          rh_update_result_has_update             (RhUpdateResult *self);

RhContentUpdater *rh_content_updater_new                  (const char       *cache_dir);
const char       *rh_content_updater_get_cache_dir        (RhContentUpdater *self);
const char       *rh_content_updater_get_content_url      (RhContentUpdater *self);
void              rh_content_updater_set_content_url      (RhContentUpdater *self,
                                                           const char       *url);
const char       *rh_content_updater_get_holidays_url     (RhContentUpdater *self);
void              rh_content_updater_set_holidays_url     (RhContentUpdater *self,
                                                           const char       *url);
guint             rh_content_updater_get_timeout          (RhContentUpdater *self);
void              rh_content_updater_set_timeout          (RhContentUpdater *self,
                                                           guint             seconds);
guint             rh_content_updater_get_time_limit       (RhContentUpdater *self);
void              rh_content_updater_set_time_limit       (RhContentUpdater *self,
                                                           guint             seconds);
gsize             rh_content_updater_get_max_size         (RhContentUpdater *self);
void              rh_content_updater_set_max_size         (RhContentUpdater *self,
                                                           gsize             max_size);
void              rh_content_updater_set_holidays_validator (RhContentUpdater      *self,
                                                             RhUpdaterValidateFunc  validate);

/* Path of the installed file of @kind in the cache directory (owned). */
char             *rh_content_updater_dup_cache_path       (RhContentUpdater *self,
                                                           RhUpdateKind      kind);
/* Local time of the last check that did not fail, or %NULL (owned). */
GDateTime        *rh_content_updater_dup_last_success     (RhContentUpdater *self,
                                                           RhUpdateKind      kind);

RhUpdateResult   *rh_content_updater_check                (RhContentUpdater     *self,
                                                           GCancellable         *cancellable);
void              rh_content_updater_check_async          (RhContentUpdater     *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
RhUpdateResult   *rh_content_updater_check_finish         (RhContentUpdater     *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/* The newest valid of {cached, built-in} by revision. A corrupt cache
 * is ignored with a warning. */
RhCatalog        *rh_content_updater_load_best_catalog    (RhContentUpdater     *self,
                                                           GError              **error);
/* The cached holiday table if it is valid, else %NULL (a corrupt cache
 * is ignored with a warning). */
GBytes           *rh_content_updater_load_cached_holidays (RhContentUpdater     *self);
gboolean          rh_content_updater_apply_cached_holidays (RhContentUpdater    *self,
                                                            RhCalendar          *calendar);

/* Used by rh_content_updater_check(): whether @url may be fetched. */
gboolean          rh_content_updater_check_url            (const char           *url,
                                                           GError              **error);

G_END_DECLS
