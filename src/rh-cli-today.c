/* rh-cli-today.c — `rokin-help --today`: the start page on the command line
 *
 * `--today` alone prints what the start page shows (the saved or given
 * payday rule's next deadlines and the helpdesk now), from the same
 * RhToday; `--today=DATE` does so as of DATE, and with --deadline counts
 * the days left from DATE. The value is optional, which GApplication's
 * option dictionary cannot express, so the option is a GOption callback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-cli.h"
#include "rh-cli-today.h"

#define EXIT_BAD_INPUT 2

static gboolean  today_wanted;
static char     *today_date;

static gboolean
today_option_cb (const char  *name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  today_wanted = TRUE;
  g_clear_pointer (&today_date, g_free);
  today_date = g_strdup (value);
  return TRUE;
}

static const GOptionEntry today_entries[] = {
  { "today", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, today_option_cb,
    N_("Print today’s deadlines and the helpdesk’s state; with =DATE, as of DATE "
       "(with --deadline: count the business days left from DATE)"), N_("DATE") },
  { NULL }
};

void
rh_cli_today_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, today_entries);
}

gboolean
rh_cli_today_wanted (void)
{
  return today_wanted;
}

/* The DATE of --today=DATE, or NULL for the clock. */
const char *
rh_cli_today_get_date_text (void)
{
  return today_date;
}

static const char *
lookup (GVariantDict *options,
        const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value) ||
      !g_utf8_validate (value, -1, NULL))
    return NULL;
  return value;
}

static int
bad_input (const char *option,
           GError     *error)
{
  if (option != NULL)
    g_printerr ("--%s: %s\n", option, error->message);
  else
    g_printerr ("%s\n", error->message);
  return EXIT_BAD_INPUT;
}

/* The rule given on the command line, else the one saved from the window. */
static gboolean
get_rule (GVariantDict  *options,
          int           *payday_day,
          RhShift       *shift,
          GDate         *received,
          GError       **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = schema ? g_settings_new (APP_ID) : NULL;
  const char *text;

  *payday_day = settings ? g_settings_get_int (settings, "payday-day") : -1;
  *shift = settings ? (RhShift)g_settings_get_enum (settings, "payday-shift") : RH_SHIFT_PREVIOUS;
  g_date_clear (received, 1);
  if (settings != NULL)
    {
      g_autofree char *saved = g_settings_get_string (settings, "received-date");

      if (*saved != '\0' && !rh_date_parse (saved, NULL, received, NULL))
        g_date_clear (received, 1);
    }

  if ((text = lookup (options, "payday-day")) &&
      !rh_schedule_parse_payday_day (text, payday_day, error))
    return FALSE;
  if ((text = lookup (options, "shift")) && !rh_shift_from_string (text, shift, error))
    return FALSE;
  if ((text = lookup (options, "received")) && !rh_date_parse (text, NULL, received, error))
    return FALSE;

  if (*payday_day < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("No payday rule is saved: give --payday-day=N|end, or save the rule "
                             "in the deadline calculator"));
      return FALSE;
    }
  return TRUE;
}

static GDateTime *
get_now (GError **error)
{
  g_autoptr(GTimeZone) tz = rh_date_dup_tokyo_time_zone ();
  GDate date;

  if (today_date == NULL)
    return g_date_time_new_now (tz);
  if (!rh_date_parse (today_date, NULL, &date, error))
    return NULL;
  /* A given day is judged at its opening of business. */
  return g_date_time_new (tz, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), 9, 0, 0);
}

int
rh_cli_today_run (GVariantDict *options,
                  const char   *content,
                  gboolean      json)
{
  static const char * const others[] = { "holidays", "schedule", "payday", "confirmed", "cutoff", "format", NULL };
  g_autoptr(RhContentUpdater) updater = rh_content_updater_new (NULL);
  g_autoptr(RhCatalog) catalog = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(RhToday) today = NULL;
  g_autoptr(GError) error = NULL;
  int payday_day;
  RhShift shift;
  GDate received;

  for (guint i = 0; others[i] != NULL; i++)
    if (g_variant_dict_contains (options, others[i]))
      {
        g_printerr (_("--%s does not go with --today\n"), others[i]);
        return EXIT_BAD_INPUT;
      }

  if (!get_rule (options, &payday_day, &shift, &received, &error))
    return bad_input (NULL, error);
  if (!(now = get_now (&error)))
    return bad_input ("today", error);

  /* The same holidays and helpdesk hours as the window. */
  rh_content_updater_apply_cached_holidays (updater, NULL);
  catalog = rh_cli_load_catalog (content, NULL);

  today = rh_today_new (rh_calendar_get_default (), now, payday_day, shift,
                        g_date_valid (&received) ? &received : NULL,
                        catalog ? rh_today_find_helpdesk (catalog) : NULL,
                        &error);
  if (today == NULL)
    return bad_input (NULL, error);

  if (json)
    {
      g_autoptr(JsonNode) node = rh_today_to_json (today);

      rh_cli_print_json (node);
    }
  else
    {
      g_autofree char *text = rh_today_to_text (today);

      g_print ("%s", text);
    }
  return EXIT_SUCCESS;
}
