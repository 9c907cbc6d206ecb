/* rh-cli-calendar.c — holidays, deadlines and schedules on the command line
 *
 *   rokin-help --holidays=YEAR [--json]
 *   rokin-help --deadline=zaikei --payday=DATE [--shift=previous|next] [--json]
 *   rokin-help --deadline=nyukin --received=DATE --payday=DATE [--shift=…] [--json]
 *   rokin-help --deadline=meisai --confirmed=DATE --cutoff=DATE [--json]
 *   rokin-help --schedule=YEAR --payday-day=N|end [--shift=…] [--format=ics|csv|text]
 *              [--remind=N|none]
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
  { "remind", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("With --format=ics: a reminder at 9:00 N business days before each last day (0–20, default 1), or none"), N_("N|none") },
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
  rh_cli_printerr ("%s\n", message);
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
      g_autofree char *shown = rh_quote_value (text);

      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_SYNTAX,
                   _("“%s” is not a year; give a year from %d to %d"),
                   shown, RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  if (value < RH_DATE_MIN_YEAR || value > RH_DATE_MAX_YEAR)
    {
      g_autofree char *shown = rh_quote_value (text);

      g_set_error (error, RH_DATE_ERROR, RH_DATE_ERROR_OUT_OF_RANGE,
                   _("Year %s is outside the supported years %d–%d"),
                   shown, RH_DATE_MIN_YEAR, RH_DATE_MAX_YEAR);
      return FALSE;
    }
  *year = (int)value;
  return TRUE;
}

/* A file (.ics, .csv): UTF-8 bytes whatever the locale. */
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

          rh_cli_print ("%s  %s\n", human, h->name);
        }
    }

  return EXIT_SUCCESS;
}

/* --- --deadline ------------------------------------------------------- */

static GError *
missing_date (const char *name)
{
  return g_error_new (G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--%s=DATE is missing"), name);
}

/* A date without a year is read by @rule from @reference; when that puts
 * it in another year than @today's, @warnings says so. */
static gboolean
get_date (GVariantDict  *options,
          const char    *name,
          const GDate   *today,
          const GDate   *reference,
          RhDateYear     rule,
          GDate         *out,
          GPtrArray     *warnings,
          GError       **error)
{
  const char *text = lookup (options, name);
  gboolean year_implied = FALSE;

  if (text == NULL)
    {
      g_propagate_error (error, missing_date (name));
      return FALSE;
    }
  if (!rh_date_parse_full (text, reference, rule, out, &year_implied, error))
    {
      g_prefix_error (error, "--%s: ", name);
      return FALSE;
    }
  if (year_implied && g_date_get_year (out) != g_date_get_year (today))
    {
      g_autofree char *shown = rh_quote_value (text);
      g_autofree char *human = rh_date_format_human (out);

      g_ptr_array_add (warnings,
                       g_strdup_printf (_("--%s: “%s” has no year; it was read as %s"),
                                        name, shown, human));
    }
  return TRUE;
}

/* The option a deadline error is about, as typed: --payday, not “Payday”. */
static int
bad_deadline_error (GError *error)
{
  static const char * const option_of_input[] = {
    [RH_DEADLINE_INPUT_PAYDAY] = "payday",
    [RH_DEADLINE_INPUT_RECEIVED] = "received",
    [RH_DEADLINE_INPUT_CONFIRMED] = "confirmed",
    [RH_DEADLINE_INPUT_CUTOFF] = "cutoff",
  };
  const char *rest = NULL;
  RhDeadlineInput input = rh_deadline_error_get_input (error, &rest);
  g_autofree char *message = NULL;

  if (input == RH_DEADLINE_INPUT_NONE)
    return bad_input (error->message);
  message = g_strdup_printf ("--%s: %s", option_of_input[input], rest);
  return bad_input (message);
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
                     GPtrArray        *read_warnings,
                     const GDate      *today)
{
  GArray *counted = rh_deadline_result_get_counted_days (result);
  GArray *skipped = rh_deadline_result_get_skipped_days (result);
  const char * const *warnings = rh_deadline_result_get_warnings (result);
  g_autofree char *last_text = NULL;
  g_autofree char *today_text = rh_date_format_human (today);
  GDate first, last, payday;
  guint remaining;

  rh_cli_print ("%s\n", rh_deadline_kind_get_title (rh_deadline_result_get_kind (result)));

  if (rh_deadline_result_get_first (result, &first))
    {
      g_autofree char *first_text = rh_date_format_human (&first);

      rh_cli_print (_("First day: %s\n"), first_text);
    }
  rh_deadline_result_get_last (result, &last);
  last_text = rh_date_format_human (&last);
  rh_cli_print (_("Last day: %s\n"), last_text);

  if (rh_deadline_result_get_payday (result, &payday))
    {
      g_autofree char *payday_text = rh_date_format_human (&payday);

      rh_cli_print (_("Payday: %s\n"), payday_text);
    }

  rh_cli_print ("%s", _("Business days counted:"));
  for (guint i = 0; i < counted->len; i++)
    {
      g_autofree char *d = rh_date_format_human (&g_array_index (counted, GDate, i));

      rh_cli_print (" %s", d);
    }
  rh_cli_print ("\n");

  if (skipped->len > 0)
    {
      rh_cli_print ("%s\n", _("Closed days skipped:"));
      for (guint i = 0; i < skipped->len; i++)
        {
          const RhHoliday *h = &g_array_index (skipped, RhHoliday, i);
          g_autofree char *d = rh_date_format_human (&h->date);

          rh_cli_print ("  %s %s\n", d, h->name);
        }
    }

  for (guint i = 0; i < read_warnings->len; i++)
    rh_cli_print (_("Warning: %s\n"), (const char *)g_ptr_array_index (read_warnings, i));
  for (guint i = 0; warnings[i] != NULL; i++)
    rh_cli_print (_("Warning: %s\n"), warnings[i]);

  remaining = rh_deadline_result_business_days_remaining (result, today);
  if (remaining == 0)
    rh_cli_print (_("As of %s the last day has passed.\n"), today_text);
  else if (rh_deadline_result_contains (result, today))
    rh_cli_print (ngettext ("As of %s: inside the window, %u business day left (today included).\n",
                       "As of %s: inside the window, %u business days left (today included).\n",
                       remaining), today_text, remaining);
  else
    rh_cli_print (ngettext ("As of %s: the window has not opened yet; %u business day until the last day.\n",
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
  g_autoptr(GPtrArray) read_warnings = g_ptr_array_new_with_free_func (g_free);
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
      if (!get_date (options, "payday", &today, &today, RH_DATE_YEAR_NEXT, &a, read_warnings, &error))
        return bad_error (NULL, error);
      result = rh_deadline_zaikei (calendar, &a, shift, &error);
      break;
    /* The end of a window is the next such day from today, its start the
     * last such day up to the end: 12/1–12/25 typed on 12/20 is this
     * December's window, not one starting next December. */
    case RH_DEADLINE_NYUKIN:
      if (!lookup (options, "received"))
        return bad_error (NULL, (error = missing_date ("received")));
      if (!get_date (options, "payday", &today, &today, RH_DATE_YEAR_NEXT, &b, read_warnings, &error) ||
          !get_date (options, "received", &today, &b, RH_DATE_YEAR_PREVIOUS, &a, read_warnings, &error))
        return bad_error (NULL, error);
      result = rh_deadline_nyukin (calendar, &a, &b, shift, &error);
      break;
    case RH_DEADLINE_MEISAI:
    default:
      if (!lookup (options, "confirmed"))
        return bad_error (NULL, (error = missing_date ("confirmed")));
      if (!get_date (options, "cutoff", &today, &today, RH_DATE_YEAR_NEXT, &b, read_warnings, &error) ||
          !get_date (options, "confirmed", &today, &b, RH_DATE_YEAR_PREVIOUS, &a, read_warnings, &error))
        return bad_error (NULL, error);
      result = rh_deadline_meisai (calendar, &a, &b, &error);
      break;
    }

  if (result == NULL)
    return bad_deadline_error (error);

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
      for (guint i = 0; i < read_warnings->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (read_warnings, i));
      for (guint i = 0; warnings[i] != NULL; i++)
        json_builder_add_string_value (builder, warnings[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      rh_cli_print_json (root);
    }
  else
    print_deadline_text (result, read_warnings, &today);

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
  static const char * const allowed[] = { "schedule", "payday-day", "shift", "format", "remind", NULL };
  g_autoptr(RhSchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *format = lookup (options, "format");
  const char *day_text = lookup (options, "payday-day");
  const char *remind_text = lookup (options, "remind");
  int remind = RH_SCHEDULE_DEFAULT_REMIND;
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
      g_autofree char *shown = rh_quote_value (format);
      g_autofree char *message = g_strdup_printf (_("--format: unknown format “%s”; use ics, csv or text"),
                                                  shown);
      return bad_input (message);
    }

  if (remind_text != NULL && (format == NULL || !g_str_equal (format, "ics")))
    return bad_input (_("--remind goes with --format=ics"));
  if (remind_text != NULL && !rh_schedule_parse_remind (remind_text, &remind, &error))
    return bad_error ("remind", error);

  if (!(schedule = rh_schedule_new (rh_calendar_get_default (), year, day, shift, &error)))
    return bad_error (NULL, error);

  if (format != NULL && g_str_equal (format, "ics"))
    {
      g_autoptr(GDateTime) stamp = dup_stamp (&error);

      if (stamp == NULL)
        return bad_error (NULL, error);
      text = rh_schedule_to_ics_full (schedule, stamp, remind);
    }
  else if (format != NULL && g_str_equal (format, "csv"))
    text = rh_schedule_to_csv (schedule);
  else
    {
      /* For a person: in the locale's character set. */
      text = rh_schedule_to_text (schedule);
      rh_cli_write_text (text);
      return EXIT_SUCCESS;
    }

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
          else if (g_str_equal (name, "payday-day") || g_str_equal (name, "format") ||
                   g_str_equal (name, "remind"))
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
