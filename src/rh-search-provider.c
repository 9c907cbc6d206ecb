/* rh-search-provider.c
 *
 * org.gnome.Shell.SearchProvider2 on the application's own D-Bus
 * connection, as GNOME Calculator and Characters do: typing in the
 * Activities overview asks the running (or D-Bus activated) app, which
 * answers from the same core search as the window's search box.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-search-provider"

#include "config.h"

#include "rh-search-provider.h"
#include "rh-window.h"

struct _RhSearchProvider
{
  GObject          parent_instance;
  RhApplication   *application;   /* unowned: the application owns us */
  RhSearchIndex   *index;         /* built on the first query */
  GDBusConnection *connection;
  guint            registration_id;
  gulong           catalog_handler;
};

G_DEFINE_FINAL_TYPE (RhSearchProvider, rh_search_provider, G_TYPE_OBJECT)

/* The interface as gnome-shell defines it
 * (data/dbus-interfaces/org.gnome.Shell.SearchProvider2.xml). */
static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static RhSearchIndex *
ensure_index (RhSearchProvider *self)
{
  RhCatalog *catalog;

  if (self->index != NULL)
    return self->index;

  catalog = rh_application_get_catalog (self->application);
  if (catalog != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->index = rh_search_index_new (catalog, &error);
      if (self->index == NULL)
        g_warning ("Search is unavailable: %s", error->message);
    }

  return self->index;
}

/* New content (an update): the next query indexes it. */
static void
catalog_changed_cb (RhSearchProvider *self)
{
  g_clear_object (&self->index);
}

/* The shell splits what was typed at white space; the core reads spaces
 * between words itself (パソコン 変えた). */
static char *
join_terms (GVariant *terms)
{
  g_autofree const char **strv = g_variant_get_strv (terms, NULL);

  return g_strjoinv (" ", (char **)strv);
}

static GVariant *
search_ids (RhSearchProvider *self,
            GVariant         *terms)
{
  g_autofree char *query = join_terms (terms);
  g_autoptr(GPtrArray) hits = NULL;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  if (ensure_index (self) != NULL)
    {
      hits = rh_search_index_search (self->index, query, RH_SEARCH_PROVIDER_MAX_RESULTS);
      for (guint i = 0; i < hits->len; i++)
        {
          RhEntry *entry = rh_search_hit_get_entry (g_ptr_array_index (hits, i));

          g_variant_builder_add (&builder, "s", rh_entry_get_id (entry));
        }
    }

  return g_variant_new ("(as)", &builder);
}

/* The question as the name, the service as the description, the app's icon. */
static GVariant *
result_metas (RhSearchProvider *self,
              GVariant         *ids)
{
  RhCatalog *catalog = rh_application_get_catalog (self->application);
  g_autoptr(GIcon) icon = g_themed_icon_new (APP_ID);
  g_autoptr(GVariant) serialized_icon = g_icon_serialize (icon);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *id;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  g_variant_iter_init (&iter, ids);
  while (g_variant_iter_next (&iter, "&s", &id))
    {
      RhEntry *entry = catalog ? rh_catalog_lookup_entry (catalog, id) : NULL;

      /* An id from before a content update may be gone: leave it out. */
      if (entry == NULL)
        continue;

      g_variant_builder_open (&builder, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&builder, "{sv}", "id", g_variant_new_string (id));
      g_variant_builder_add (&builder, "{sv}", "name",
                             g_variant_new_string (rh_entry_get_question (entry)));
      g_variant_builder_add (&builder, "{sv}", "description",
                             g_variant_new_string (rh_entry_get_service_name (entry)));
      g_variant_builder_add (&builder, "{sv}", "icon", serialized_icon);
      g_variant_builder_close (&builder);
    }

  return g_variant_new ("(aa{sv})", &builder);
}

/* The window, created by the application's own activate() if needed. */
static RhWindow *
present_window (RhSearchProvider *self,
                guint32           timestamp)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self->application));
  window = gtk_application_get_active_window (GTK_APPLICATION (self->application));
  if (!RH_IS_WINDOW (window))
    return NULL;

  gtk_window_present_with_time (window, timestamp);
  return RH_WINDOW (window);
}

static void
launch_search (RhSearchProvider *self,
               GVariant         *terms,
               guint32           timestamp)
{
  g_autofree char *query = join_terms (terms);
  RhWindow *window = present_window (self, timestamp);

  if (window != NULL)
    rh_window_search (window, query);
}

static void
activate_result (RhSearchProvider *self,
                 const char       *id,
                 GVariant         *terms,
                 guint32           timestamp)
{
  RhWindow *window = present_window (self, timestamp);

  /* Gone since the shell listed it (new content): show the search instead. */
  if (window != NULL && !rh_window_show_entry_id (window, id))
    launch_search (self, terms, timestamp);
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  RhSearchProvider *self = user_data;
  GApplication *app = G_APPLICATION (self->application);
  GVariant *reply = NULL;

  /* A D-Bus activated service quits when idle; a query counts as use. */
  g_application_hold (app);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 0);
      reply = search_ids (self, terms);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      /* The query again, in full: the index answers in microseconds, and a
       * longer query may find what the shorter one did not (a word typed
       * to its end), which narrowing the previous results would miss. */
      g_autoptr(GVariant) terms = g_variant_get_child_value (parameters, 1);
      reply = search_ids (self, terms);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autoptr(GVariant) ids = g_variant_get_child_value (parameters, 0);
      reply = result_metas (self, ids);
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      g_autoptr(GVariant) terms = NULL;
      const char *id;
      guint32 timestamp;

      g_variant_get (parameters, "(&s@asu)", &id, &terms, &timestamp);
      activate_result (self, id, terms, timestamp);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autoptr(GVariant) terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(@asu)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
    }
  else
    g_assert_not_reached ();   /* GDBus checks calls against the introspection */

  g_dbus_method_invocation_return_value (invocation, reply);
  g_application_release (app);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call_cb,
};

static void
rh_search_provider_dispose (GObject *object)
{
  RhSearchProvider *self = (RhSearchProvider *)object;

  rh_search_provider_unexport (self);
  if (self->application != NULL)
    {
      g_clear_signal_handler (&self->catalog_handler, self->application);
      g_object_remove_weak_pointer (G_OBJECT (self->application), (gpointer *)&self->application);
      self->application = NULL;
    }
  g_clear_object (&self->index);

  G_OBJECT_CLASS (rh_search_provider_parent_class)->dispose (object);
}

static void
rh_search_provider_class_init (RhSearchProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rh_search_provider_dispose;
}

static void
rh_search_provider_init (RhSearchProvider *self)
{
}

RhSearchProvider *
rh_search_provider_new (RhApplication *application)
{
  RhSearchProvider *self;

  g_return_val_if_fail (RH_IS_APPLICATION (application), NULL);

  self = g_object_new (RH_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *)&self->application);
  self->catalog_handler = g_signal_connect_swapped (application, "notify::catalog",
                                                    G_CALLBACK (catalog_changed_cb), self);

  return self;
}

/**
 * rh_search_provider_export:
 * @object_path: where the provider answers, e.g. the application's object
 *   path plus %RH_SEARCH_PROVIDER_PATH_SUFFIX
 *
 * Returns: %TRUE if the object is on the bus
 */
gboolean
rh_search_provider_export (RhSearchProvider  *self,
                           GDBusConnection   *connection,
                           const char        *object_path,
                           GError           **error)
{
  g_autoptr(GDBusNodeInfo) info = NULL;

  g_return_val_if_fail (RH_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  info = g_dbus_node_info_new_for_xml (introspection_xml, error);
  if (info == NULL)
    return FALSE;

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
rh_search_provider_unexport (RhSearchProvider *self)
{
  g_return_if_fail (RH_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
}
