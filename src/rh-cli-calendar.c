/* rh-cli-calendar.c — holidays, deadlines and schedules on the command line
 *
 *   rokin-help --holidays=YEAR [--json]
 *   rokin-help --deadline=zaikei --payday=DATE [--shift=previous|next] [--json]
 *   rokin-help --deadline=nyukin --received=DATE --payday=DATE [--shift=…] [--json]
 *   rokin-help --deadline=meisai --confirmed=DATE --cutoff=DATE [--json]
 *   rokin-help --schedule=YEAR --payday-day=N|end [--shift=…] [--format=ics|csv|text]
 *
 * Bad input: one message on stderr naming what is wrong, exit status 2,
 * nothing on stdout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "rh-cli.h"
#include "rh-cli-calendar.h"
#include "rh-cli-today.h"
#include "rh-core.h"

#define EXIT_BAD_INPUT 2

/* The values are taken as raw bytes (G_OPTION_ARG_FILENAME), not converted
 * from the locale's charset by GOption: a value that is not UTF-8 would make
 * GApplication fail with exit status 1 and a message naming no option, and
 * in the C locale every Japanese date would. rh_cli_calendar_run() checks
 * that each value is UTF-8 before anything reads it. */
static const GOptionEntry calendar_entries[] = {
  { "holidays", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("List the national holidays and 休日 of YEAR"), N_("YEAR") },
  { "deadline", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Compute a deadline: zaikei, nyukin or meisai"), N_("KIND") },
  { "payday", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Payday (入金予定日) for zaikei and nyukin"), N_("DATE") },
  { "received", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Day the request data was received (依頼データ受信日), for nyukin"), N_("DATE") },
  { "confirmed", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Previous month’s confirmation day (入金確定・送信実施日), for meisai"), N_("DATE") },
  { "cutoff", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("This month’s data entry cutoff (データ入力締切日), for meisai"), N_("DATE") },
  { "shift", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Move a payday on a closed day to the previous (default) or next business day"), N_("previous|next") },
  { "schedule", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Print the paydays and deadlines of YEAR"), N_("YEAR") },
  { "payday-day", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Payday of each month for --schedule: 1–31 or end"), N_("N|end") },
  { "format", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Schedule format: text (default), csv or ics"), N_("FORMAT") },
  { NULL }
};

void
rh_cli_calendar_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, calendar_entries);
}

gboolean
rh_cli_calendar_wants (GVariantDict *options)
{
  for (guint i = 0; calendar_entries[i].long_name != NULL; i++)
    if (g_variant_dict_contains (options, calendar_entries[i].long_name))
      return TRUE;
  return FALSE;
}

static const char *
lookup (GVariantDict *options,
        const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    return NULL;
  return value;
}

static int
bad_input (const char *message)
{
  g_printerr ("%s\n", message);
  return EXIT_BAD_INPUT;
}

static int
bad_error (const char *option,
           GError     *error)
{
  g_autofree char *message = option ? g_strdup_printf ("--%s: %s", option, error->message)
                                    : g_strdup (error->message);

  return bad_input (message);
}

/* Options that must not be given with this command. */
static gboolean
reject_others (GVariantDict        *options,
               const char          *command,
               const char * const  *allowed,
               GError             **error)
{
  for (guint i = 0; calendar_entries[i].long_name != NULL; i++)
    {
      const char *name = calendar_entries[i].long_name;

      if (g_variant_dict_contains (options, name) && !g_strv_contains (allowed, name))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--%s does not go with %s"), name, command);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_year (const char  *text,
            int         *year,
            GError     **error)
{
  g_autofree char *norm = text && g_utf8_validate (text, -1, NULL)
                          ? g_utf8_normalize (text, -1, G_NORMALIZE_NFKC) : NULL;
  char *end = NULL;
  gint64 value = 0;

  if (norm != NULL)
    {
      g_strstrip (norm);
      if (g_str_has_suffix (norm, "年"))
        norm[strlen (norm) - strlen ("年")] = '\0';
      if (g_ascii_isdigit (norm[0]))
        value = g_ascii_strtoll (norm, &end, 10);
    }

  if (end == NULL || *end != '\0' || end == norm)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_SYNTAX,
                   _("“%s” is not a year; give a year from %d to %d"),
                   norm ? text : "?", RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  if (value < RH_DATE_MIN_YEAR || value > RH_DATE_MAX_YEAR)
    {
      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("Year %s is outside the supported years %d–%d"),
                   text, RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  *year = (int)value;
  return TRUE;
}

static void
write_raw (const char *text)
{
  fwrite (text, 1, strlen (text), stdout);
  fflush (stdout);
}

/* --- --holidays ------------------------------------------------------- */

static int
run_holidays (GVariantDict *options,
              gboolean      json)
{
  static const char * const allowed[] = { "holidays", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) holidays = NULL;
  int year;

  if (!reject_others (options, "--holidays", allowed, &error))
    return bad_error (NULL, error);
  if (!parse_year (lookup (options, "holidays"), &year, &error))
    return bad_error ("holidays", error);

  holidays = rh_calendar_dup_holidays (rh_calendar_get_default (), year);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < holidays->len; i++)
        {
          const RhHoliday *h = &g_array_index (holidays, RhHoliday, i);
          g_autofree char *iso = rh_date_format_iso (&h->date);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "date");
          json_builder_add_string_value (builder, iso);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, h->name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      rh_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; i < holidays->len; i++)
        {
          const RhHoliday *h = &g_array_index (holidays, RhHoliday, i);
          g_autofree char *human = rh_date_format_human (&h->date);

          g_print ("%s  %s\n", human, h->name);
        }
    }

  return EXIT_SUCCESS;
}

/* --- --deadline ------------------------------------------------------- */

static gboolean
get_date (GVariantDict  *options,
          const char    *name,
          const GDate   *today,
          GDate         *out,
          GError       **error)
{
  const char *text = lookup (options, name);

  if (text == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s=DATE is missing"), name);
      return FALSE;
    }
  if (!rh_date_parse (text, today, out, error))
    {
      g_prefix_error (error, "--%s: ", name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_shift (GVariantDict  *options,
           RhShift       *shift,
           GError       **error)
{
  const char *text = lookup (options, "shift");

  *shift = RH_SHIFT_PREVIOUS;
  if (text == NULL)
    return TRUE;
  if (!rh_shift_from_string (text, shift, error))
    {
      g_prefix_error (error, "--shift: ");
      return FALSE;
    }
  return TRUE;
}

static void
print_deadline_text (RhDeadlineResult *result,
                     const GDate      *today)
{
  GArray *counted = rh_deadline_result_get_counted_days (result);
  GArray *skipped = rh_deadline_result_get_skipped_days (result);
  const char * const *warnings = rh_deadline_result_get_warnings (result);
  g_autofree char *last_text = NULL;
  g_autofree char *today_text = rh_date_format_human (today);
  GDate first, last, payday;
  guint remaining;

  g_print ("%s\n", rh_deadline_kind_get_title (rh_deadline_result_get_kind (result)));

  if (rh_deadline_result_get_first (result, &first))
    {
      g_autofree char *first_text = rh_date_format_human (&first);

      g_print (_("First day: %s\n"), first_text);
    }
  rh_deadline_result_get_last (result, &last);
  last_text = rh_date_format_human (&last);
  g_print (_("Last day: %s\n"), last_text);

  if (rh_deadline_result_get_payday (result, &payday))
    {
      g_autofree char *payday_text = rh_date_format_human (&payday);

      g_print (_("Payday: %s\n"), payday_text);
    }

  g_print ("%s", _("Business days counted:"));
  for (guint i = 0; i < counted->len; i++)
    {
      g_autofree char *d = rh_date_format_human (&g_array_index (counted, GDate, i));

      g_print (" %s", d);
    }
  g_print ("\n");

  if (skipped->len > 0)
    {
      g_print ("%s\n", _("Closed days skipped:"));
      for (guint i = 0; i < skipped->len; i++)
        {
          const RhHoliday *h = &g_array_index (skipped, RhHoliday, i);
          g_autofree char *d = rh_date_format_human (&h->date);

          g_print ("  %s %s\n", d, h->name);
        }
    }

  for (guint i = 0; warnings[i] != NULL; i++)
    g_print (_("Warning: %s\n"), warnings[i]);

  remaining = rh_deadline_result_business_days_remaining (result, today);
  if (remaining == 0)
    g_print (_("As of %s the last day has passed.\n"), today_text);
  else if (rh_deadline_result_contains (result, today))
    g_print (ngettext ("As of %s: inside the window, %u business day left (today included).\n",
                       "As of %s: inside the window, %u business days left (today included).\n",
                       remaining), today_text, remaining);
  else
    g_print (ngettext ("As of %s: the window has not opened yet; %u business day until the last day.\n",
                       "As of %s: the window has not opened yet; %u business days until the last day.\n",
                       remaining), today_text, remaining);
}

static int
run_deadline (GVariantDict *options,
              gboolean      json)
{
  static const char * const zaikei_allowed[] = { "deadline", "payday", "shift", NULL };
  static const char * const nyukin_allowed[] = { "deadline", "received", "payday", "shift", NULL };
  static const char * const meisai_allowed[] = { "deadline", "confirmed", "cutoff", NULL };
  g_autoptr(RhDeadlineResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  RhCalendar *calendar = rh_calendar_get_default ();
  const char *today_text = rh_cli_today_get_date_text ();   /* --today=DATE */
  RhDeadlineKind kind;
  RhShift shift;
  GDate today, a, b;

  if (!rh_deadline_kind_from_string (lookup (options, "deadline"), &kind, &error))
    return bad_error ("deadline", error);
  command = g_strdup_printf ("--deadline=%s", rh_deadline_kind_to_string (kind));

  if (!reject_others (options, command,
                      kind == RH_DEADLINE_ZAIKEI ? zaikei_allowed
                      : kind == RH_DEADLINE_NYUKIN ? nyukin_allowed : meisai_allowed,
                      &error))
    return bad_error (NULL, error);

  if (today_text != NULL)
    {
      if (!rh_date_parse (today_text, NULL, &today, &error))
        return bad_error ("today", error);
    }
  else
    rh_date_set_today (&today);

  if (!get_shift (options, &shift, &error))
    return bad_error (NULL, error);

  switch (kind)
    {
    case RH_DEADLINE_ZAIKEI:
      if (get_date (options, "payday", &today, &a, &error))
        result = rh_deadline_zaikei (calendar, &a, shift, &error);
      break;
    case RH_DEADLINE_NYUKIN:
      if (get_date (options, "received", &today, &a, &error) &&
          get_date (options, "payday", &today, &b, &error))
        result = rh_deadline_nyukin (calendar, &a, &b, shift, &error);
      break;
    case RH_DEADLINE_MEISAI:
    default:
      if (get_date (options, "confirmed", &today, &a, &error) &&
          get_date (options, "cutoff", &today, &b, &error))
        result = rh_deadline_meisai (calendar, &a, &b, &error);
      break;
    }

  if (result == NULL)
    return bad_error (NULL, error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const char * const *warnings = rh_deadline_result_get_warnings (result);
      g_autofree char *last_iso = NULL;
      GDate first, last;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, rh_deadline_kind_to_string (kind));
      json_builder_set_member_name (builder, "first");
      if (rh_deadline_result_get_first (result, &first))
        {
          g_autofree char *first_iso = rh_date_format_iso (&first);

          json_builder_add_string_value (builder, first_iso);
        }
      else
        json_builder_add_null_value (builder);
      rh_deadline_result_get_last (result, &last);
      last_iso = rh_date_format_iso (&last);
      json_builder_set_member_name (builder, "last");
      json_builder_add_string_value (builder, last_iso);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      for (guint i = 0; warnings[i] != NULL; i++)
        json_builder_add_string_value (builder, warnings[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      rh_cli_print_json (root);
    }
  else
    print_deadline_text (result, &today);

  return EXIT_SUCCESS;
}

/* --- --schedule ------------------------------------------------------- */

/* DTSTAMP: SOURCE_DATE_EPOCH when set (reproducible output), else now. */
static GDateTime *
dup_stamp (GError **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  GDateTime *stamp = NULL;
  guint64 seconds = 0;

  if (epoch == NULL || *epoch == '\0')
    return g_date_time_new_now_utc ();

  /* Digits only; past 9999-12-31 GDateTime cannot hold it. */
  if (g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL) &&
      g_ascii_isdigit (epoch[0]))
    stamp = g_date_time_new_from_unix_utc ((gint64)seconds);
  if (stamp == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("SOURCE_DATE_EPOCH “%s” is not a number of seconds"),
                   g_utf8_validate (epoch, -1, NULL) ? epoch : "?");
      return NULL;
    }
  return stamp;
}

static int
run_schedule (GVariantDict *options,
              gboolean      json)
{
  static const char * const allowed[] = { "schedule", "payday-day", "shift", "format", NULL };
  g_autoptr(RhSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *format = lookup (options, "format");
  const char *day_text = lookup (options, "payday-day");
  RhShift shift;
  int year, day;

  if (!reject_others (options, "--schedule", allowed, &error))
    return bad_error (NULL, error);
  if (json)
    return bad_input (_("--schedule does not print JSON; use --format=ics, csv or text"));
  if (!parse_year (lookup (options, "schedule"), &year, &error))
    return bad_error ("schedule", error);
  if (day_text == NULL)
    return bad_input (_("--payday-day=N|end is missing"));
  if (!rh_schedule_parse_payday_day (day_text, &day, &error))
    return bad_error ("payday-day", error);
  if (!get_shift (options, &shift, &error))
    return bad_error (NULL, error);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "ics"))
    {
      g_autofree char *message = g_strdup_printf (_("--format: unknown format “%s”; use ics, csv or text"),
                                                  format);
      return bad_input (message);
    }

  if (!(schedule = rh_schedule_new (rh_calendar_get_default (), year, day, shift, &error)))
    return bad_error (NULL, error);

  if (format != NULL && g_str_equal (format, "ics"))
    {
      g_autoptr(GDateTime) stamp = dup_stamp (&error);

      if (stamp == NULL)
        return bad_error (NULL, error);
      text = rh_schedule_to_ics (schedule, stamp);
    }
  else if (format != NULL && g_str_equal (format, "csv"))
    text = rh_schedule_to_csv (schedule);
  else
    text = rh_schedule_to_text (schedule);

  write_raw (text);
  return EXIT_SUCCESS;
}

int
rh_cli_calendar_run (GVariantDict *options,
                     gboolean      json)
{
  guint n_commands = g_variant_dict_contains (options, "holidays") +
                     g_variant_dict_contains (options, "deadline") +
                     g_variant_dict_contains (options, "schedule");

  if (g_variant_dict_contains (options, "list"))
    return bad_input (_("--list does not go with --holidays, --deadline or --schedule"));
  for (guint i = 0; calendar_entries[i].long_name != NULL; i++)
    {
      const char *value = lookup (options, calendar_entries[i].long_name);

      if (value != NULL && !g_utf8_validate (value, -1, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("--%s: the value is not valid UTF-8 text"),
                             calendar_entries[i].long_name);
          return bad_input (message);
        }
    }
  if (n_commands > 1)
    return bad_input (_("Use only one of --holidays, --deadline and --schedule"));
  if (n_commands == 0)
    {
      for (guint i = 0; calendar_entries[i].long_name != NULL; i++)
        {
          const char *name = calendar_entries[i].long_name;
          g_autofree char *message = NULL;

          if (!g_variant_dict_contains (options, name))
            continue;
          /* Name the command the option really belongs to. */
          if (g_str_equal (name, "shift"))
            message = g_strdup_printf (_("--%s goes with --deadline or --schedule"), name);
          else if (g_str_equal (name, "payday-day") || g_str_equal (name, "format"))
            message = g_strdup_printf (_("--%s goes with --schedule"), name);
          else
            message = g_strdup_printf (_("--%s goes with --deadline"), name);
          return bad_input (message);
        }
    }

  if (g_variant_dict_contains (options, "holidays"))
    return run_holidays (options, json);
  if (g_variant_dict_contains (options, "deadline"))
    return run_deadline (options, json);
  return run_schedule (options, json);
}
