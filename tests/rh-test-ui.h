/* rh-test-ui.h — helpers for the in-process UI tests (Xvfb)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "config.h"

#include <adwaita.h>

#include "rh-application.h"
#include "rh-window.h"

G_BEGIN_DECLS

static gboolean
rh_test_timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @cond (a C expression) holds or 5 s pass. */
#define RH_TEST_WAIT_FOR(cond)                                              \
  G_STMT_START {                                                            \
    gboolean rh_timed_out_ = FALSE;                                         \
    guint rh_id_ = g_timeout_add (5000, rh_test_timeout_cb, &rh_timed_out_); \
    while (!(cond) && !rh_timed_out_)                                       \
      g_main_context_iteration (NULL, TRUE);                                \
    if (!rh_timed_out_)                                                     \
      g_source_remove (rh_id_);                                             \
    if (!(cond))                                                            \
      g_error ("timed out waiting for: %s", #cond);                         \
  } G_STMT_END

/* Lets pending idle work (layout, list item binding) run. */
static inline void
rh_test_flush (void)
{
  for (guint i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
rh_test_collect_labels (GtkWidget *widget,
                        GString   *out,
                        gboolean   visible_only)
{
  if (visible_only && !gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rh_test_collect_labels (child, out, visible_only);
}

static inline char *
rh_test_widget_text (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);
  rh_test_collect_labels (widget, out, TRUE);
  return g_string_free (out, FALSE);
}

/* The first widget named @name (gtk_widget_set_name) under @root. */
static inline GtkWidget *
rh_test_find_named (GtkWidget  *root,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rh_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first widget under @root (depth first) for which @match holds. */
typedef gboolean (*RhTestMatch) (GtkWidget *widget, gconstpointer data);

static inline GtkWidget *
rh_test_find (GtkWidget     *root,
              RhTestMatch    match,
              gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = rh_test_find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
rh_test_match_action (GtkWidget     *widget,
                      gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The first button under @root that activates @action ("win.copy-phone"). */
static inline GtkWidget *
rh_test_find_action_button (GtkWidget  *root,
                            const char *action)
{
  return rh_test_find (root, rh_test_match_action, action);
}

/* The last toplevel window of @type that GTK lists (a dialog just
 * opened by an action), or NULL. */
static inline GtkWidget *
rh_test_find_toplevel (GType type)
{
  GList *tops = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = tops; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      found = l->data;
  g_list_free (tops);
  return found;
}

static inline gboolean
rh_test_ui_init (void)
{

  if (!gtk_init_check ())
    return FALSE;
  adw_init ();
  /* GTK 4.8's gtk_label_grab_focus() calls gtk_widget_is_ancestor() with
   * a NULL previous focus when a selectable label takes focus while the
   * window has none (e.g. after the entry view was rebuilt): a CRITICAL
   * that the fatal-warnings test runs would trip on at random. The
   * select-on-focus branch is the only one that does this. */
  g_object_set (gtk_settings_get_default (), "gtk-label-select-on-focus", FALSE, NULL);
  return TRUE;
}

/* Registers @app. The tests run without a session bus on purpose (no portal
 * waits), and GtkApplication's start-up warns once that it has none: only
 * for that call are warnings not fatal. */
static inline void
rh_test_register_app (GApplication *app)
{
  g_autoptr(GError) error = NULL;
  GLogLevelFlags old = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_application_register (app, NULL, &error);
  g_log_set_always_fatal (old);
  g_assert_no_error (error);
}

/* A new application, registered and activated: its main window opens. */
static inline RhApplication *
rh_test_start_app (void)
{
  RhApplication *app = rh_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);

  rh_test_register_app (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));
  return app;
}

/* The main window of @app, once it is on screen. */
static inline RhWindow *
rh_test_get_window (RhApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (RH_IS_WINDOW (window));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return RH_WINDOW (window);
}

G_END_DECLS
