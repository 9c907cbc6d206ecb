/* rh-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif

#include "rh-application.h"
#include "rh-cli.h"
#include "rh-cli-update.h"
#include "rh-preferences-window.h"
#include "rh-search-provider.h"
#include "rh-reminders.h"
#include "rh-window.h"

#define SERVICE_INACTIVITY_MS 10000

struct _RhApplication
{
  AdwApplication  parent_instance;
  RhCatalog      *catalog;
  GSettings        *settings;
  char             *content_path;
  RhContentUpdater *updater;
  RhSearchProvider *search_provider;
  GCancellable     *update_cancellable;
  AdwToast         *update_toast;
  char             *update_details;   /* full text of the last failed check */
  guint             startup_checked : 1;
  guint             options_handled : 1;   /* handle_local_options ran */
};

G_DEFINE_FINAL_TYPE (RhApplication, rh_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

void
rh_application_init_i18n (void)
{
  const char *localedir = g_getenv ("ROKIN_HELP_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
rh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RhApplication *self = RH_APPLICATION (app);
  const char *content = NULL;
  int ret;

  self->options_handled = TRUE;

  if (g_variant_dict_lookup (options, "content", "^&ay", &content))
    {
      g_free (self->content_path);
      self->content_path = g_strdup (content);
    }

  ret = rh_cli_handle_local_options (app, options);

  /* The window with --content=FILE: a file that does not load is refused
   * here, with its reason, rather than opening an empty window. */
  if (ret == -1 && self->content_path != NULL)
    {
      g_autoptr(RhCatalog) catalog = NULL;
      g_autoptr(GError) error = NULL;

      if (!(catalog = rh_cli_load_catalog (self->content_path, &error)))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      rh_application_set_catalog (self, catalog);
    }

  return ret;
}

/* GApplication refuses an unknown option or a missing value (“Missing
 * argument for --holidays”) with exit status 1, before handle_local_options;
 * the command line reports every other bad input with 2. */
static gboolean
rh_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  RhApplication *self = RH_APPLICATION (app);
  gboolean done;

  self->options_handled = FALSE;
  done = G_APPLICATION_CLASS (rh_application_parent_class)->local_command_line (app, arguments, exit_status);
  if (done && !self->options_handled && *exit_status == EXIT_FAILURE)
    *exit_status = 2;
  return done;
}

static RhContentUpdater *
get_updater (RhApplication *self)
{
  if (self->updater == NULL)
    {
      self->updater = rh_cli_update_create_updater (NULL);
      if (self->settings != NULL)
        {
          g_settings_bind (self->settings, "content-url", self->updater, "content-url", G_SETTINGS_BIND_GET);
          g_settings_bind (self->settings, "holidays-url", self->updater, "holidays-url", G_SETTINGS_BIND_GET);
        }
    }

  return self->updater;
}

static void
load_catalog (RhApplication *self)
{
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (self->catalog != NULL)
    return;

  /* --content=FILE wins; otherwise the newest valid of downloaded and built-in. */
  if (self->content_path != NULL)
    catalog = rh_cli_load_catalog (self->content_path, &error);
  else
    catalog = rh_content_updater_load_best_catalog (get_updater (self), &error);

  if (catalog == NULL)
    {
      /* The built-in content is validated by the test suite; reaching this is a packaging bug. */
      g_critical ("Cannot load the content: %s", error->message);
      return;
    }

  rh_application_set_catalog (self, catalog);
}

#ifdef __GLIBC__
/* Start-up parses the content and builds the widgets, leaving freed heap
 * behind; hand it back once the window is up. */
static gboolean
trim_heap_cb (gpointer data)
{
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

static void
show_toast (RhApplication *self,
            const char    *title,
            gboolean       failed)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RH_IS_WINDOW (window))
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      /* The newest outcome replaces an older one still on screen. */
      if (self->update_toast != NULL)
        adw_toast_dismiss (self->update_toast);
      g_clear_object (&self->update_toast);
      /* The title is Pango markup; server text and URLs are not. */
      self->update_toast = adw_toast_new (escaped);
      adw_toast_set_timeout (self->update_toast, failed ? 0 : 8);
      /* A long reason is cut in the toast: the whole text is a click away. */
      if (failed)
        {
          g_free (self->update_details);
          self->update_details = g_strdup (title);
          adw_toast_set_button_label (self->update_toast, _("_Details"));
          adw_toast_set_action_name (self->update_toast, "app.update-details");
        }
      rh_window_add_toast (RH_WINDOW (window), g_object_ref (self->update_toast));
    }
}

/* One line for the toast: what happened, and why when it failed. */
static char *
describe_result (RhUpdateResult *result)
{
  GString *str = g_string_new (NULL);
  gboolean all_skipped = TRUE;

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    {
      RhUpdateStatus status = rh_update_result_get_status (result, i);
      const char *what = i == RH_UPDATE_KIND_CONTENT ? _("Content") : _("Holidays");
      g_autofree char *line = NULL;

      if (status == RH_UPDATE_STATUS_SKIPPED)
        continue;
      all_skipped = FALSE;

      if (status == RH_UPDATE_STATUS_UPDATED && i == RH_UPDATE_KIND_CONTENT)
        line = g_strdup_printf (_("Content updated to revision %s"),
                                rh_update_result_get_revision (result, i));
      else if (status == RH_UPDATE_STATUS_UPDATED)
        line = g_strdup (_("Holiday table updated"));
      else if (status == RH_UPDATE_STATUS_UNCHANGED)
        line = g_strdup_printf (_("%s: up to date"), what);
      else
        line = g_strdup_printf (_("%s: update failed: %s"), what,
                                rh_update_result_get_message (result, i));

      if (str->len > 0)
        g_string_append (str, " / ");
      g_string_append (str, line);
    }

  if (all_skipped)
    g_string_assign (str, _("No update address is set (see Preferences)"));

  return g_string_free (str, FALSE);
}

static void
update_done_cb (GObject      *object,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(RhApplication) self = user_data;
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "update");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), TRUE);
  g_clear_object (&self->update_cancellable);

  if (!(result = rh_content_updater_check_finish (RH_CONTENT_UPDATER (object), res, &error)))
    {
      /* Only cancellation ends up here (on quit). */
      g_debug ("update check: %s", error->message);
      return;
    }

  /* Swap the content in: the windows follow RhApplication:catalog. */
  if (rh_update_result_get_catalog (result) != NULL && self->content_path == NULL)
    rh_application_set_catalog (self, rh_update_result_get_catalog (result));

  /* Validated already; applying can still refuse it, and then says why. */
  if (rh_update_result_get_holidays (result) != NULL)
    {
      g_autoptr(GError) apply_error = NULL;

      if (!rh_calendar_set_overrides_from_bytes (rh_calendar_get_default (),
                                                 rh_update_result_get_holidays (result),
                                                 rh_content_updater_get_holidays_url (RH_CONTENT_UPDATER (object)),
                                                 &apply_error))
        g_warning ("Cannot use the downloaded holiday table: %s", apply_error->message);
    }

  message = describe_result (result);
  g_debug ("update check: %s", message);
  show_toast (self, message, rh_update_result_has_failure (result));
}

/**
 * rh_application_check_for_updates:
 *
 * Checks the configured addresses now, in the background; the outcome is
 * shown in a toast and a new catalog replaces the current one.
 */
void
rh_application_check_for_updates (RhApplication *self)
{
  GAction *action;

  g_return_if_fail (RH_IS_APPLICATION (self));

  if (self->update_cancellable != NULL)
    return;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "update");
  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), FALSE);

  self->update_cancellable = g_cancellable_new ();
  rh_content_updater_check_async (get_updater (self), self->update_cancellable,
                                  update_done_cb, g_object_ref (self));
}

static void
rh_application_activate (GApplication *app)
{
  RhApplication *self = RH_APPLICATION (app);
  GtkWindow *window;

  load_catalog (self);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (rh_window_new (self));

  gtk_window_present (window);
#ifdef __GLIBC__
  g_timeout_add_full (G_PRIORITY_LOW, 200, trim_heap_cb, NULL, NULL);
#endif

  if (!self->startup_checked)
    {
      RhContentUpdater *updater = get_updater (self);
      const char *content_url = rh_content_updater_get_content_url (updater);
      const char *holidays_url = rh_content_updater_get_holidays_url (updater);

      self->startup_checked = TRUE;
      if (g_settings_get_boolean (self->settings, "check-at-startup") &&
          ((content_url && *content_url) || (holidays_url && *holidays_url)))
        rh_application_check_for_updates (self);
    }
}

static void
update_details_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  RhApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (self->update_details == NULL)
    return;

  dialog = adw_message_dialog_new (window, _("Update Failed"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), self->update_details);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  rh_application_check_for_updates (RH_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  RhApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RhPreferencesWindow *prefs = rh_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (prefs), window);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Close windows so they save their state. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }

  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  RhApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *comments = NULL;
  g_autofree char *last_check = NULL;
  g_autoptr(GDateTime) last = NULL;
  const char *developers[] = { "Rokin Help developers", NULL };
  const char *origin;

  last = rh_content_updater_dup_last_success (get_updater (self), RH_UPDATE_KIND_CONTENT);
  last_check = last ? g_date_time_format (last, "%Y-%m-%d %H:%M") : g_strdup (_("never"));

  origin = self->catalog ? rh_catalog_get_origin (self->catalog) : "—";
  /* The core names the built-in file for diagnostics; say it in words. */
  if (g_strcmp0 (origin, "faq.json (built-in)") == 0)
    origin = _("built into the app");

  comments = g_strdup_printf (_("Content revision %s (%s)\nSource: %s\nLast successful update check: %s"),
                              self->catalog ? rh_catalog_get_revision (self->catalog) : "—",
                              origin,
                              self->catalog ? rh_catalog_get_title (self->catalog) : "—",
                              last_check);

  adw_show_about_window (window,
                         "application-name", _("Rokin Help"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", comments,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "update", update_action },
  { "update-details", update_details_action },
  { "preferences", preferences_action },
};

static void
rh_application_startup (GApplication *app)
{
  RhApplication *self = RH_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (rh_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (APP_ID);
  get_updater (self);
  rh_content_updater_apply_cached_holidays (self->updater, NULL);
  rh_reminders_install (app, self->settings);
}

/* The GNOME Shell search provider lives beside GApplication's own objects,
 * on the same connection, so the shell reaches it under the app's bus name. */
static gboolean
rh_application_dbus_register (GApplication     *app,
                              GDBusConnection  *connection,
                              const char       *object_path,
                              GError          **error)
{
  RhApplication *self = RH_APPLICATION (app);
  g_autofree char *path = g_strconcat (object_path, RH_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (rh_application_parent_class)->dbus_register (app, connection, object_path, error))
    return FALSE;

  /* Started by D-Bus for the shell's search: stay a while after a query,
   * since the next keystroke's query follows within moments. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, SERVICE_INACTIVITY_MS);

  if (self->search_provider == NULL)
    self->search_provider = rh_search_provider_new (self);
  return rh_search_provider_export (self->search_provider, connection, path, error);
}

static void
rh_application_dbus_unregister (GApplication    *app,
                                GDBusConnection *connection,
                                const char      *object_path)
{
  RhApplication *self = RH_APPLICATION (app);

  if (self->search_provider != NULL)
    rh_search_provider_unexport (self->search_provider);

  G_APPLICATION_CLASS (rh_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
rh_application_dispose (GObject *object)
{
  RhApplication *self = (RhApplication *)object;

  g_cancellable_cancel (self->update_cancellable);
  g_clear_object (&self->update_cancellable);
  g_clear_object (&self->update_toast);
  g_clear_pointer (&self->update_details, g_free);
  g_clear_object (&self->updater);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->content_path, g_free);

  G_OBJECT_CLASS (rh_application_parent_class)->dispose (object);
}

static void
rh_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RhApplication *self = RH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RhApplication *self = RH_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      rh_application_set_catalog (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_application_class_init (RhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rh_application_dispose;
  object_class->get_property = rh_application_get_property;
  object_class->set_property = rh_application_set_property;

  app_class->activate = rh_application_activate;
  app_class->startup = rh_application_startup;
  app_class->handle_local_options = rh_application_handle_local_options;
  app_class->local_command_line = rh_application_local_command_line;
  app_class->dbus_register = rh_application_dbus_register;
  app_class->dbus_unregister = rh_application_dbus_unregister;

  properties [PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL,
                         RH_TYPE_CATALOG,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_application_init (RhApplication *self)
{
  rh_cli_add_options (G_APPLICATION (self));
}

RhApplication *
rh_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  return g_object_new (RH_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * rh_application_get_catalog:
 *
 * Returns: (transfer none) (nullable): the content in use
 */
RhCatalog *
rh_application_get_catalog (RhApplication *self)
{
  g_return_val_if_fail (RH_IS_APPLICATION (self), NULL);

  load_catalog (self);

  return self->catalog;
}

/**
 * rh_application_set_catalog:
 *
 * Replaces the content in use; windows follow #RhApplication:catalog.
 */
void
rh_application_set_catalog (RhApplication *self,
                            RhCatalog     *catalog)
{
  g_return_if_fail (RH_IS_APPLICATION (self));
  g_return_if_fail (!catalog || RH_IS_CATALOG (catalog));

  if (g_set_object (&self->catalog, catalog))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CATALOG]);
}

GSettings *
rh_application_get_settings (RhApplication *self)
{
  g_return_val_if_fail (RH_IS_APPLICATION (self), NULL);
  return self->settings;
}
