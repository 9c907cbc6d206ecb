/* rh-time-limit.c — one wall-clock limit for a whole blocking exchange
 *
 * libsoup's timeouts bound each read; a server that sends one byte every
 * few seconds (of the TLS handshake, the status line, the headers, a
 * chunk-size line, empty deflate blocks) never trips them. A limit of the
 * whole exchange has to fire while the blocking call is still inside
 * libsoup or the decoder: a small thread waits until the end time and then
 * cancels a GCancellable that every blocking call of the exchange is given.
 * The caller's own cancellable, if any, cancels it too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-time-limit"

#include "config.h"

#include "rh-time-limit.h"

struct _RhTimeLimit
{
  GCancellable *cancellable;
  GCancellable *caller;
  gulong        caller_handler;
  guint         seconds;
  gint64        end;          /* monotonic time */
  GMutex        lock;
  GCond         cond;
  gboolean      stopping;
  gboolean      expired;
  GThread      *thread;
};

static gpointer
timer_thread (gpointer data)
{
  RhTimeLimit *self = data;
  gboolean expired = FALSE;

  g_mutex_lock (&self->lock);
  while (!self->stopping)
    {
      if (!g_cond_wait_until (&self->cond, &self->lock, self->end) &&
          g_get_monotonic_time () >= self->end)
        {
          expired = !self->stopping;
          break;
        }
    }
  self->expired = expired;
  g_mutex_unlock (&self->lock);

  if (expired)
    g_cancellable_cancel (self->cancellable);

  return NULL;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

/**
 * rh_time_limit_start:
 * @seconds: the limit
 * @caller: (nullable): a cancellable that also ends the exchange
 *
 * Returns: (transfer full): a running limit; rh_time_limit_stop() it
 */
RhTimeLimit *
rh_time_limit_start (guint         seconds,
                     GCancellable *caller)
{
  RhTimeLimit *self = g_new0 (RhTimeLimit, 1);

  self->cancellable = g_cancellable_new ();
  self->seconds = seconds;
  self->end = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);

  if (caller != NULL)
    {
      self->caller = g_object_ref (caller);
      self->caller_handler = g_cancellable_connect (caller, G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (self->cancellable),
                                                    g_object_unref);
    }

  self->thread = g_thread_new ("rh-time-limit", timer_thread, self);
  return self;
}

GCancellable *
rh_time_limit_get_cancellable (RhTimeLimit *self)
{
  return self->cancellable;
}

/* Whether the limit, rather than the caller, ended the exchange. */
gboolean
rh_time_limit_expired (RhTimeLimit *self)
{
  gboolean expired;

  g_mutex_lock (&self->lock);
  expired = self->expired;
  g_mutex_unlock (&self->lock);

  return expired;
}

gint64
rh_time_limit_get_end (RhTimeLimit *self)
{
  return self->end;
}

guint
rh_time_limit_get_seconds (RhTimeLimit *self)
{
  return self->seconds;
}

void
rh_time_limit_stop (RhTimeLimit *self)
{
  if (self == NULL)
    return;

  g_mutex_lock (&self->lock);
  self->stopping = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
  g_thread_join (self->thread);

  if (self->caller != NULL)
    {
      g_cancellable_disconnect (self->caller, self->caller_handler);
      g_object_unref (self->caller);
    }
  g_object_unref (self->cancellable);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}
