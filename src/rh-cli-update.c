/* rh-cli-update.c
 *
 * `rokin-help --update [--json] [--content-url=URL] [--holidays-url=URL]`
 * fetches now and says what happened, for administrators and cron. The URLs
 * come from GSettings unless given on the command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rh-cli.h"
#include "rh-cli-update.h"

const GOptionEntry rh_cli_update_entries[] = {
  { "update", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Fetch newer content and holidays from the configured addresses now"), NULL },
  { "content-url", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --update: fetch the content from URL instead of the configured address"), N_("URL") },
  { "holidays-url", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --update: fetch the holiday table from URL instead of the configured address"), N_("URL") },
  { NULL }
};

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Without the schema installed there simply are no configured URLs. */
  if (source == NULL || !(schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

RhContentUpdater *
rh_cli_update_create_updater (GSettings *settings)
{
  RhContentUpdater *updater = rh_content_updater_new (NULL);

  if (settings != NULL)
    {
      g_autofree char *content_url = g_settings_get_string (settings, "content-url");
      g_autofree char *holidays_url = g_settings_get_string (settings, "holidays-url");

      rh_content_updater_set_content_url (updater, content_url);
      rh_content_updater_set_holidays_url (updater, holidays_url);
    }

  return updater;
}

static const char *
kind_label (RhUpdateKind kind)
{
  return kind == RH_UPDATE_KIND_CONTENT ? _("Content") : _("Holidays");
}

int
rh_cli_update_run (GVariantDict *options,
                   gboolean      json)
{
  g_autoptr(GSettings) settings = lookup_settings ();
  g_autoptr(RhContentUpdater) updater = rh_cli_update_create_updater (settings);
  g_autoptr(RhUpdateResult) result = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const url_options[] = { "content-url", "holidays-url" };

  for (guint i = 0; i < G_N_ELEMENTS (url_options); i++)
    {
      const char *url = rh_cli_lookup_text (options, url_options[i], &error);

      if (error != NULL)
        {
          rh_cli_printerr ("%s\n", error->message);
          return 2;
        }
      if (url == NULL)
        continue;
      if (i == 0)
        rh_content_updater_set_content_url (updater, url);
      else
        rh_content_updater_set_holidays_url (updater, url);
    }

  result = rh_content_updater_check (updater, NULL);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
        {
          const char *revision = rh_update_result_get_revision (result, i);

          json_builder_set_member_name (builder, rh_update_kind_to_string (i));
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, rh_update_status_to_string (rh_update_result_get_status (result, i)));
          json_builder_set_member_name (builder, "revision");
          if (revision != NULL)
            json_builder_add_string_value (builder, revision);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, rh_update_result_get_message (result, i));
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      rh_cli_print_json (root);
    }

  for (guint i = 0; i < RH_UPDATE_N_KINDS; i++)
    {
      RhUpdateStatus status = rh_update_result_get_status (result, i);
      const char *message = rh_update_result_get_message (result, i);

      if (status == RH_UPDATE_STATUS_FAILED)
        /* Translators: "Content: failed: reason" */
        rh_cli_printerr (_("%s: failed: %s\n"), kind_label (i), message);
      else if (json)
        continue;
      else if (status == RH_UPDATE_STATUS_UPDATED)
        rh_cli_print (_("%s: updated: %s\n"), kind_label (i), message);
      else if (status == RH_UPDATE_STATUS_UNCHANGED)
        rh_cli_print (_("%s: unchanged: %s\n"), kind_label (i), message);
      else
        rh_cli_print (_("%s: skipped: %s\n"), kind_label (i), message);
    }

  return rh_update_result_has_failure (result) ? 1 : 0;
}
