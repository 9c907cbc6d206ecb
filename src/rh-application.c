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
#include "rh-window.h"

struct _RhApplication
{
  AdwApplication  parent_instance;
  RhCatalog      *catalog;
  GSettings      *settings;
  char           *content_path;
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

  if (g_variant_dict_lookup (options, "content", "&s", &content))
    {
      g_free (self->content_path);
      self->content_path = g_strdup (content);
    }

  return rh_cli_handle_local_options (app, options);
}

static void
load_catalog (RhApplication *self)
{
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  if (self->catalog != NULL)
    return;

  catalog = rh_cli_load_catalog (self->content_path, &error);

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
  const char *developers[] = { "Rokin Help developers", NULL };

  comments = g_strdup_printf (_("Content revision %s (%s)\nSource: %s"),
                              self->catalog ? rh_catalog_get_revision (self->catalog) : "—",
                              self->catalog ? rh_catalog_get_origin (self->catalog) : "—",
                              self->catalog ? rh_catalog_get_title (self->catalog) : "—");

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
};

static void
rh_application_startup (GApplication *app)
{
  RhApplication *self = RH_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (rh_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);

  self->settings = g_settings_new (APP_ID);
}

static void
rh_application_dispose (GObject *object)
{
  RhApplication *self = (RhApplication *)object;

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
