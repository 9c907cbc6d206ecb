/* rh-deadline-dialog.c — the deadline calculator
 *
 * One page per kind of deadline and a yearly schedule. Every rule is in
 * the core (rh-date, rh-calendar, rh-deadline, rh-schedule); this dialog
 * only reads the fields, calls it and writes sentences.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-deadline-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-a11y.h"
#include "rh-core.h"
#include "rh-deadline-dialog.h"
#include "rh-toast.h"
#include "rh-tooltip.h"

typedef struct
{
  AdwActionRow *row;
  GtkEntry    *entry;
  GtkWidget   *error_row;
  GtkLabel    *error_label;
  GtkCalendar *calendar;
  GtkWidget   *menu_button;
  RhDeadlineDialog *dialog;
} DateField;

typedef struct
{
  GtkWidget *box;
  GtkLabel  *headline;
  GtkLabel  *status;
  GtkWidget *warnings;
  GtkExpander *days_expander;
  GtkLabel  *days_label;
} ResultArea;

struct _RhDeadlineDialog
{
  AdwWindow       parent_instance;

  /* template children */
  AdwViewStack   *stack;
  AdwToastOverlay *toast_overlay;
  GtkBox         *zaikei_box;
  GtkBox         *nyukin_box;
  GtkBox         *meisai_box;
  GtkBox         *schedule_box;

  DateField       zaikei_payday;
  GtkSwitch      *zaikei_shift_next;
  ResultArea      zaikei_result;

  DateField       nyukin_received;
  DateField       nyukin_payday;
  GtkSwitch      *nyukin_shift_next;
  ResultArea      nyukin_result;

  DateField       meisai_confirmed;
  DateField       meisai_cutoff;
  ResultArea      meisai_result;

  GtkSpinButton  *schedule_year;
  GtkDropDown    *schedule_rule;
  GtkSpinButton  *schedule_day;
  GtkDropDown    *schedule_shift;
  GtkSpinButton  *schedule_remind;
  GtkListBox     *schedule_list;    /* a row per month */
  GtkLabel       *schedule_error;
  GtkWidget      *schedule_actions;
  RhSchedule     *schedule;

  GDate           today;   /* invalid: the clock's */
};

G_DEFINE_FINAL_TYPE (RhDeadlineDialog, rh_deadline_dialog, ADW_TYPE_WINDOW)


static void recompute (RhDeadlineDialog *self);
static void focus_page (RhDeadlineDialog *self);

/* Fields ------------------------------------------------------------------ */

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          DateField   *field)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (dt, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (field->entry), text);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (field->menu_button));
}

static void get_today (RhDeadlineDialog *self,
                       GDate            *out);

/* The calendar opens on the date typed, if there is one, else on the
 * dialog's today (Tokyo's, as in 本日…; GtkCalendar's own is the machine's). */
static void
popover_show_cb (GtkPopover *popover,
                 DateField  *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->entry));
  GDate date;

  g_date_clear (&date, 1);
  if (!rh_date_parse (text, NULL, &date, NULL))
    get_today (field->dialog, &date);
  if (g_date_valid (&date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);
      g_signal_handlers_block_by_func (field->calendar, calendar_day_selected_cb, field);
      gtk_calendar_select_day (field->calendar, dt);
      g_signal_handlers_unblock_by_func (field->calendar, calendar_day_selected_cb, field);
    }
}

static void
field_changed_cb (GtkEditable      *editable,
                  RhDeadlineDialog *self)
{
  recompute (self);
}

static GtkWidget *
boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
date_field_init (RhDeadlineDialog *self,
                 DateField        *field,
                 GtkWidget        *list,
                 const char       *name,
                 const char       *title)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label;

  field->dialog = self;
  /* A GtkEntry in an action row rather than an AdwEntryRow: with GTK 4.8
   * and libadwaita 1.2, the focus of an AdwEntryRow (held by its inner
   * text) is never reported to screen readers, a GtkEntry's is
   * (tests/check-atspi.py). */
  field->row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field->row), TRUE);
  field->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (field->entry), name);
  gtk_widget_set_valign (GTK_WIDGET (field->entry), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (field->entry), TRUE);
  adw_action_row_add_suffix (field->row, GTK_WIDGET (field->entry));
  /* The row's title names the entry (to screen readers too), and its
   * mnemonic or a click on it goes to the entry. */
  adw_action_row_set_activatable_widget (field->row, GTK_WIDGET (field->entry));
  rh_tooltip_set (GTK_WIDGET (field->entry),
                               _("For example 2026-12-25, 2026/12/25, 12/25 or 令和8年12月25日"));
  g_signal_connect (field->entry, "changed", G_CALLBACK (field_changed_cb), self);

  field->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (field->calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), field);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (field->calendar));
  g_signal_connect (popover, "show", G_CALLBACK (popover_show_cb), field);

  field->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (field->menu_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (field->menu_button), popover);
  gtk_widget_set_valign (field->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (field->menu_button, "flat");
  rh_tooltip_set (field->menu_button, _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  adw_action_row_add_suffix (field->row, field->menu_button);

  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (field->row));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  field->error_label = GTK_LABEL (label);

  field->error_row = gtk_list_box_row_new ();
  gtk_widget_set_name (field->error_row, "error-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), label);
  gtk_widget_set_visible (field->error_row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), field->error_row);
}

static void
date_field_set_error (DateField  *field,
                      const char *message)
{
  if (message != NULL)
    {
      gtk_label_set_text (field->error_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (field->entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field->entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (field->entry), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field->entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (field->error_row, message != NULL);
}

/* Reads the field through the core's parser; a date typed without a year
 * is read by @rule from @reference. FALSE when it is empty (nothing
 * marked) or invalid (marked, with the parser's reason). */
static gboolean
date_field_get (DateField   *field,
                const GDate *reference,
                RhDateYear   rule,
                GDate       *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->entry));
  g_autoptr(GError) error = NULL;

  while (text != NULL && g_ascii_isspace (*text))
    text++;
  if (text == NULL || *text == '\0')
    {
      date_field_set_error (field, NULL);
      return FALSE;
    }

  if (!rh_date_parse_full (text, reference, rule, out, NULL, &error))
    {
      date_field_set_error (field, error->message);
      return FALSE;
    }

  date_field_set_error (field, NULL);
  return TRUE;
}

/* Results ----------------------------------------------------------------- */

static GtkLabel *
result_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return GTK_LABEL (label);
}

static void
result_area_init (ResultArea *area,
                  GtkBox     *page,
                  const char *name)
{
  g_autofree char *headline_name = g_strconcat (name, "-result", NULL);
  g_autofree char *status_name = g_strconcat (name, "-status", NULL);
  g_autofree char *warnings_name = g_strconcat (name, "-warnings", NULL);
  g_autofree char *days_name = g_strconcat (name, "-days", NULL);
  g_autofree char *expander_name = g_strconcat (name, "-expander", NULL);

  area->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_add_css_class (area->box, "card");
  gtk_widget_add_css_class (area->box, "rh-result");

  area->headline = result_label ("title-3");
  gtk_widget_set_name (GTK_WIDGET (area->headline), headline_name);
  gtk_box_append (GTK_BOX (area->box), GTK_WIDGET (area->headline));

  area->status = result_label (NULL);
  gtk_widget_set_name (GTK_WIDGET (area->status), status_name);
  gtk_box_append (GTK_BOX (area->box), GTK_WIDGET (area->status));

  area->warnings = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_name (area->warnings, warnings_name);
  gtk_box_append (GTK_BOX (area->box), area->warnings);

  area->days_label = result_label ("caption");
  gtk_widget_set_name (GTK_WIDGET (area->days_label), days_name);
  area->days_expander = GTK_EXPANDER (gtk_expander_new_with_mnemonic (_("_Business days counted")));
  gtk_expander_set_use_underline (area->days_expander, TRUE);
  gtk_widget_set_name (GTK_WIDGET (area->days_expander), expander_name);
  gtk_expander_set_child (area->days_expander, GTK_WIDGET (area->days_label));
  gtk_box_append (GTK_BOX (area->box), GTK_WIDGET (area->days_expander));

  gtk_box_append (page, area->box);
}

static void
result_area_clear (ResultArea *area,
                   const char *hint)
{
  GtkWidget *child;

  gtk_label_set_text (area->headline, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (area->status), FALSE);
  while ((child = gtk_widget_get_first_child (area->warnings)))
    gtk_box_remove (GTK_BOX (area->warnings), child);
  gtk_widget_set_visible (GTK_WIDGET (area->days_expander), FALSE);
}

static void
result_area_add_warning (ResultArea *area,
                         const char *text)
{
  GtkLabel *label = result_label ("warning");
  g_autofree char *line = g_strconcat ("⚠ ", text, NULL);

  gtk_label_set_text (label, line);
  gtk_box_append (GTK_BOX (area->warnings), GTK_WIDGET (label));
}

static void
result_area_set_status (ResultArea *area,
                        const char *text,
                        gboolean    highlight)
{
  gtk_label_set_text (area->status, text);
  gtk_widget_set_visible (GTK_WIDGET (area->status), text != NULL);
  if (highlight)
    gtk_widget_add_css_class (GTK_WIDGET (area->status), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (area->status), "success");
}

static void
get_today (RhDeadlineDialog *self,
           GDate            *out)
{
  if (g_date_valid (&self->today))
    *out = self->today;
  else
    rh_date_set_today (out);
}

static char *
remaining_text (const RhDeadlineResult *result,
                const GDate            *today)
{
  GDate last;
  guint left;

  rh_deadline_result_get_last (result, &last);
  if (g_date_compare (today, &last) > 0)
    return g_strdup (_("(passed)"));
  if (g_date_compare (today, &last) == 0)
    return g_strdup (_("(today is the last day)"));

  left = rh_deadline_result_business_days_remaining (result, today);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "(%u business day left)",
                                       "(%u business days left)", left),
                          left);
}

static void
show_result (RhDeadlineDialog       *self,
             ResultArea             *area,
             const RhDeadlineResult *result)
{
  const char * const *warnings = rh_deadline_result_get_warnings (result);
  GArray *counted = rh_deadline_result_get_counted_days (result);
  GArray *skipped = rh_deadline_result_get_skipped_days (result);
  g_autofree char *last_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *remaining = NULL;
  g_autofree char *headline = NULL;
  g_autofree char *status = NULL;
  g_autofree char *expander = NULL;
  GString *days = g_string_new (NULL);
  GDate first, last, today;
  gboolean has_first;

  result_area_clear (area, NULL);
  get_today (self, &today);
  rh_deadline_result_get_last (result, &last);
  has_first = rh_deadline_result_get_first (result, &first);
  last_text = rh_date_format_human (&last);
  today_text = rh_date_format_human (&today);
  remaining = remaining_text (result, &today);

  if (has_first)
    {
      g_autofree char *first_text = rh_date_format_human (&first);
      /* Translators: the window, then how many business days are left */
      headline = g_strdup_printf (_("From %s through %s %s"), first_text, last_text, remaining);
    }
  else
    /* Translators: 送信期限 — the last day, then how many business days are left */
    headline = g_strdup_printf (_("Deadline: %s %s"), last_text, remaining);
  gtk_label_set_text (area->headline, headline);

  if (rh_deadline_result_contains (result, &today))
    status = g_strdup_printf (_("Today, %s, is inside the window: it can be done now."), today_text);
  else if (has_first && g_date_compare (&today, &first) < 0)
    status = g_strdup_printf (_("Today, %s, is before the window opens."), today_text);
  else
    status = g_strdup_printf (_("Today, %s, is past the deadline."), today_text);
  result_area_set_status (area, status, rh_deadline_result_contains (result, &today));

  for (guint i = 0; warnings[i] != NULL; i++)
    result_area_add_warning (area, warnings[i]);

  for (guint i = 0; i < counted->len; i++)
    {
      g_autofree char *day = rh_date_format_human (&g_array_index (counted, GDate, i));

      g_string_append_printf (days, "✓ %s\n", day);
    }
  if (skipped->len > 0)
    {
      g_string_append_printf (days, "\n%s\n", _("Skipped because the bank is closed:"));
      for (guint i = 0; i < skipped->len; i++)
        {
          const RhHoliday *holiday = &g_array_index (skipped, RhHoliday, i);
          g_autofree char *day = rh_date_format_human (&holiday->date);

          g_string_append_printf (days, "– %s %s\n", day, holiday->name);
        }
    }
  g_strchomp (days->str);
  gtk_label_set_text (area->days_label, days->str);
  g_string_free (days, TRUE);

  expander = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u _business day counted",
                                           "%u _business days counted", counted->len),
                              counted->len);
  gtk_expander_set_label (area->days_expander, expander);
  /* Screen readers otherwise name it "GtkExpander". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (area->days_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, expander, -1);
  gtk_widget_set_visible (GTK_WIDGET (area->days_expander), TRUE);
}

static void
show_error (ResultArea   *area,
            DateField    *field,
            const GError *error)
{
  result_area_clear (area, _("Check the dates above."));
  date_field_set_error (field, error->message);
}

static RhShift
shift_of (GtkSwitch *sw)
{
  return gtk_switch_get_active (sw) ? RH_SHIFT_NEXT : RH_SHIFT_PREVIOUS;
}

static void
compute_zaikei (RhDeadlineDialog *self)
{
  g_autoptr(RhDeadlineResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate payday, today;

  get_today (self, &today);
  if (!date_field_get (&self->zaikei_payday, &today, RH_DATE_YEAR_NEXT, &payday))
    {
      result_area_clear (&self->zaikei_result, _("Enter the payday to see the deadline."));
      return;
    }

  result = rh_deadline_zaikei (rh_calendar_get_default (), &payday,
                               shift_of (self->zaikei_shift_next), &error);
  if (result == NULL)
    show_error (&self->zaikei_result, &self->zaikei_payday, error);
  else
    show_result (self, &self->zaikei_result, result);
}

static void
compute_nyukin (RhDeadlineDialog *self)
{
  g_autoptr(RhDeadlineResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate received, payday, today;
  gboolean ok_received, ok_payday;

  /* The window's end is the next such day from today, its start the last
   * such day up to the end (as on the command line). */
  get_today (self, &today);
  ok_payday = date_field_get (&self->nyukin_payday, &today, RH_DATE_YEAR_NEXT, &payday);
  ok_received = date_field_get (&self->nyukin_received, ok_payday ? &payday : &today,
                                ok_payday ? RH_DATE_YEAR_PREVIOUS : RH_DATE_YEAR_NEXT, &received);

  if (!ok_received || !ok_payday)
    {
      result_area_clear (&self->nyukin_result,
                         _("Enter the day the request data arrived and the payday."));
      return;
    }

  result = rh_deadline_nyukin (rh_calendar_get_default (), &received, &payday,
                               shift_of (self->nyukin_shift_next), &error);
  if (result == NULL)
    show_error (&self->nyukin_result, &self->nyukin_payday, error);
  else
    show_result (self, &self->nyukin_result, result);
}

static void
compute_meisai (RhDeadlineDialog *self)
{
  g_autoptr(RhDeadlineResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GDate confirmed, cutoff, today;
  gboolean ok_confirmed, ok_cutoff;

  get_today (self, &today);
  ok_cutoff = date_field_get (&self->meisai_cutoff, &today, RH_DATE_YEAR_NEXT, &cutoff);
  ok_confirmed = date_field_get (&self->meisai_confirmed, ok_cutoff ? &cutoff : &today,
                                 ok_cutoff ? RH_DATE_YEAR_PREVIOUS : RH_DATE_YEAR_NEXT, &confirmed);

  if (!ok_confirmed || !ok_cutoff)
    {
      result_area_clear (&self->meisai_result,
                         _("Enter last month’s confirmation day and this month’s input cut-off."));
      return;
    }

  result = rh_deadline_meisai (rh_calendar_get_default (), &confirmed, &cutoff, &error);
  if (result == NULL)
    show_error (&self->meisai_result, &self->meisai_cutoff, error);
  else
    show_result (self, &self->meisai_result, result);
}

/* One "key value" line of a month row; the value wraps, so that the
 * schedule fits a 360 px window. */
static void
month_row_add_line (GtkGrid    *grid,
                    int         line,
                    const char *key,
                    const char *value)
{
  GtkWidget *k = gtk_label_new (key);
  GtkWidget *v = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (k), 0.0f);
  gtk_label_set_yalign (GTK_LABEL (k), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (k), TRUE);
  gtk_widget_add_css_class (k, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (v), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (v), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (v), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (v, TRUE);
  gtk_grid_attach (grid, k, 0, line, 1, 1);
  gtk_grid_attach (grid, v, 1, line, 1, 1);
}

/* A month of the schedule as one row: the keyboard (and a screen reader)
 * goes month by month, and the row's name reads the whole month, each date
 * with what it is, instead of ~60 bare cells. */
static GtkWidget *
month_row_new (const RhScheduleRow *row)
{
  /* Translators: a month in the schedule table, e.g. 12月 */
  g_autofree char *month = g_strdup_printf (C_("schedule month", "%d"), row->month);
  g_autofree char *payday = rh_date_format_human (&row->payday);
  g_autofree char *zaikei = rh_date_format_human (&row->zaikei_last);
  g_autofree char *nyukin = rh_date_format_human (&row->nyukin_last);
  g_autofree char *name = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (month);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  month_row_add_line (GTK_GRID (grid), 0, _("Payday"), payday);
  month_row_add_line (GTK_GRID (grid), 1, _("財形 明細送信 by"), zaikei);
  month_row_add_line (GTK_GRID (grid), 2, _("まとめ入金 確定・送信 by"), nyukin);
  if (row->shift_reason != NULL)
    month_row_add_line (GTK_GRID (grid), 3, _("Moved because"), row->shift_reason);
  gtk_box_append (GTK_BOX (box), grid);
  g_object_set (box, "margin-top", 9, "margin-bottom", 9, "margin-start", 12, "margin-end", 12, NULL);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (list_row), FALSE);
  /* Translators: what a screen reader says for a month of the schedule:
   * the month, then each column's header and date */
  name = g_strdup_printf (_("%s: %s %s, %s %s, %s %s"), month,
                          _("Payday"), payday,
                          _("財形 明細送信 by"), zaikei,
                          _("まとめ入金 確定・送信 by"), nyukin);
  if (row->shift_reason != NULL)
    {
      /* Translators: the name of a month of the schedule, then why its
       * payday moved */
      g_autofree char *with_reason = g_strdup_printf (_("%s, %s %s"), name, _("Moved because"), row->shift_reason);
      g_free (name);
      name = g_steal_pointer (&with_reason);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return list_row;
}

static void
compute_schedule (RhDeadlineDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *w;
  int payday_day = gtk_drop_down_get_selected (self->schedule_rule) == 1
                   ? RH_PAYDAY_MONTH_END
                   : gtk_spin_button_get_value_as_int (self->schedule_day);
  RhShift shift = gtk_drop_down_get_selected (self->schedule_shift) == 1 ? RH_SHIFT_NEXT : RH_SHIFT_PREVIOUS;

  while ((w = gtk_widget_get_first_child (GTK_WIDGET (self->schedule_list))))
    gtk_list_box_remove (self->schedule_list, w);
  g_clear_pointer (&self->schedule, rh_schedule_free);

  self->schedule = rh_schedule_new (rh_calendar_get_default (),
                                    gtk_spin_button_get_value_as_int (self->schedule_year),
                                    payday_day, shift, &error);
  gtk_widget_set_sensitive (self->schedule_actions, self->schedule != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_error), self->schedule == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_list), self->schedule != NULL);
  if (self->schedule == NULL)
    {
      gtk_label_set_text (self->schedule_error, error->message);
      return;
    }

  for (guint i = 0; i < 12; i++)
    gtk_list_box_append (self->schedule_list, month_row_new (rh_schedule_get_row (self->schedule, i)));
}

/* Export ------------------------------------------------------------------ */

/**
 * rh_deadline_dialog_write_file:
 *
 * Writes @contents to @file atomically (a temporary file renamed over it).
 */
gboolean
rh_deadline_dialog_write_file (GFile       *file,
                               const char  *contents,
                               GError     **error)
{
  return g_file_replace_contents (file, contents, strlen (contents), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
show_message (RhDeadlineDialog *self,
              const char       *heading,
              const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A short word that it was done; @title is markup. */
static void
show_feedback (RhDeadlineDialog *self,
               const char       *title)
{
  rh_toast_overlay_add_feedback (self->toast_overlay, title);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    RhDeadlineDialog *self)
{
  const char *format = g_object_get_data (G_OBJECT (native), "rh-format");

  if (response == GTK_RESPONSE_ACCEPT && self->schedule != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      contents = g_str_equal (format, "ics")
                 ? rh_deadline_dialog_dup_schedule_ics (self, NULL)
                 : rh_schedule_to_csv (self->schedule);

      if (!rh_deadline_dialog_write_file (file, contents, &error))
        show_message (self, _("Could Not Save the Schedule"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *escaped = g_markup_escape_text (name ? name : "", -1);
          g_autofree char *title = g_strdup_printf (_("Saved as “%s”"), escaped);

          show_feedback (self, title);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RhDeadlineDialog *self = RH_DEADLINE_DIALOG (widget);
  gboolean ics = g_str_equal (action_name, "schedule.export-ics");
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  if (self->schedule == NULL)
    return;

  native = gtk_file_chooser_native_new (ics ? _("Export as iCalendar") : _("Export as CSV"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: file name of the exported schedule; %d is the year */
  name = g_strdup_printf (_("rokin-schedule-%d.%s"), rh_schedule_get_year (self->schedule), ics ? "ics" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  filter = gtk_file_filter_new ();
  if (ics)
    {
      gtk_file_filter_set_name (filter, _("iCalendar files"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_pattern (filter, "*.ics");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  g_object_set_data (G_OBJECT (native), "rh-format", (gpointer)(ics ? "ics" : "csv"));
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
copy_schedule_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  RhDeadlineDialog *self = RH_DEADLINE_DIALOG (widget);
  g_autofree char *text = NULL;

  if (self->schedule == NULL)
    return;

  text = rh_schedule_to_text (self->schedule);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_feedback (self, _("Copied as text"));
}

static void
recompute (RhDeadlineDialog *self)
{
  if (self->zaikei_payday.row == NULL || self->schedule_list == NULL)
    return;   /* still building */

  compute_zaikei (self);
  compute_nyukin (self);
  compute_meisai (self);
}

static void
schedule_changed_cb (RhDeadlineDialog *self)
{
  if (self->schedule_list == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_day),
                            gtk_drop_down_get_selected (self->schedule_rule) == 0);
  compute_schedule (self);
}

/* The saved rule (start page, reminders) ---------------------------------- */

static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  return schema ? g_settings_new (APP_ID) : NULL;
}

/* The request-data day as the まとめ入金 page reads it (its start: the last
 * such day up to the payday, or the next one from today without a payday). */
static gboolean
save_received (RhDeadlineDialog *self,
               GDate            *received)
{
  GDate today, payday;
  gboolean ok_payday;

  get_today (self, &today);
  ok_payday = date_field_get (&self->nyukin_payday, &today, RH_DATE_YEAR_NEXT, &payday);
  return date_field_get (&self->nyukin_received, ok_payday ? &payday : &today,
                         ok_payday ? RH_DATE_YEAR_PREVIOUS : RH_DATE_YEAR_NEXT, received);
}

static void
save_rule_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  RhDeadlineDialog *self = RH_DEADLINE_DIALOG (widget);
  g_autoptr(GSettings) settings = dup_settings ();
  GDate received;

  if (settings == NULL)
    return;

  if (g_str_equal (action_name, "schedule.save-rule"))
    {
      gboolean month_end = gtk_drop_down_get_selected (self->schedule_rule) == 1;

      g_settings_set_int (settings, "payday-day", month_end ? RH_PAYDAY_MONTH_END
                                                 : gtk_spin_button_get_value_as_int (self->schedule_day));
      g_settings_set_enum (settings, "payday-shift", (int)gtk_drop_down_get_selected (self->schedule_shift));
      show_feedback (self, _("Payday saved: the start page shows its deadlines"));
    }
  else if (save_received (self, &received))
    {
      g_autofree char *iso = rh_date_format_iso (&received);

      g_settings_set_string (settings, "received-date", iso);
      show_feedback (self, _("Request data day saved: the start page shows the window"));
    }
  else
    date_field_set_error (&self->nyukin_received, _("Enter the day the request data arrived first"));
}

/* Opened from the start page or a reminder: the saved case, filled in. */
static void
load_saved_case (RhDeadlineDialog *self)
{
  g_autoptr(GSettings) settings = dup_settings ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(RhToday) today = NULL;
  g_autofree char *received = NULL;
  g_autofree char *payday = NULL;
  int payday_day;
  RhShift shift;

  if (settings == NULL || (payday_day = g_settings_get_int (settings, "payday-day")) < 0)
    return;

  shift = g_settings_get_enum (settings, "payday-shift");
  gtk_drop_down_set_selected (self->schedule_rule, payday_day == RH_PAYDAY_MONTH_END ? 1 : 0);
  if (payday_day != RH_PAYDAY_MONTH_END)
    gtk_spin_button_set_value (self->schedule_day, payday_day);
  gtk_drop_down_set_selected (self->schedule_shift, shift);
  gtk_switch_set_active (self->zaikei_shift_next, shift == RH_SHIFT_NEXT);
  gtk_switch_set_active (self->nyukin_shift_next, shift == RH_SHIFT_NEXT);

  received = g_settings_get_string (settings, "received-date");
  gtk_editable_set_text (GTK_EDITABLE (self->nyukin_received.entry), received);

  /* The payday the start page counts to: the 財形 one, and the window's. */
  if (!(today = rh_today_new (rh_calendar_get_default (), now, payday_day, shift, NULL, NULL, NULL)))
    return;
  payday = rh_date_format_iso (&today->zaikei_payday);
  gtk_editable_set_text (GTK_EDITABLE (self->zaikei_payday.entry), payday);
  g_free (payday);
  payday = rh_date_format_iso (&today->payday);
  gtk_editable_set_text (GTK_EDITABLE (self->nyukin_payday.entry), payday);
}

/* Pages ------------------------------------------------------------------- */

static GtkWidget *
page_intro (const char *text)
{
  GtkLabel *label = result_label ("dim-label");

  gtk_label_set_selectable (label, FALSE);
  gtk_label_set_text (label, text);
  return GTK_WIDGET (label);
}

static GtkSwitch *
append_shift_row (RhDeadlineDialog *self,
                  GtkWidget        *list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _("Payday on a closed day moves to the next business day"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Off: it moves to the previous business day"));
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_signal_connect_swapped (sw, "notify::active", G_CALLBACK (recompute), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return GTK_SWITCH (sw);
}

static void
build_zaikei_page (RhDeadlineDialog *self)
{
  GtkWidget *list = boxed_list_new ();

  gtk_box_append (self->zaikei_box,
                  page_intro (_("財形貯蓄の明細送信: the last day is 4 bank business days before the payday (the payday itself is not counted).")));
  date_field_init (self, &self->zaikei_payday, list, "zaikei-payday", _("_Payday (入金予定日)"));
  self->zaikei_shift_next = append_shift_row (self, list);
  gtk_box_append (self->zaikei_box, list);
  result_area_init (&self->zaikei_result, self->zaikei_box, "zaikei");
}

static void
build_nyukin_page (RhDeadlineDialog *self)
{
  GtkWidget *list = boxed_list_new ();

  gtk_box_append (self->nyukin_box,
                  page_intro (_("まとめ入金の入金確定・送信: from the day the request data arrives through the payday itself.")));
  date_field_init (self, &self->nyukin_received, list, "nyukin-received", _("_Request data received (依頼データ受信日)"));
  date_field_init (self, &self->nyukin_payday, list, "nyukin-payday", _("_Payday (入金予定日)"));
  self->nyukin_shift_next = append_shift_row (self, list);
  gtk_box_append (self->nyukin_box, list);
  {
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save This Setting"));

    gtk_widget_set_name (save, "nyukin-save-received");
    gtk_widget_set_tooltip_text (save, _("The start page shows this window until the payday"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "nyukin.save-received");
    gtk_widget_set_halign (save, GTK_ALIGN_END);
    gtk_box_append (self->nyukin_box, save);
  }
  result_area_init (&self->nyukin_result, self->nyukin_box, "nyukin");
}

static void
build_meisai_page (RhDeadlineDialog *self)
{
  GtkWidget *list = boxed_list_new ();

  gtk_box_append (self->meisai_box,
                  page_intro (_("まとめ控除依頼の明細変更: from the business day after last month’s 入金確定・送信 through this month’s data input cut-off.")));
  date_field_init (self, &self->meisai_confirmed, list, "meisai-confirmed", _("_Last month’s confirmation (前月の入金確定・送信実施日)"));
  date_field_init (self, &self->meisai_cutoff, list, "meisai-cutoff", _("_Input cut-off (当月のデータ入力締切日)"));
  gtk_box_append (self->meisai_box, list);
  result_area_init (&self->meisai_result, self->meisai_box, "meisai");
}

/* A row title without its mnemonic: "Payday _rule" → "Payday rule",
 * "入金予定日の決め方(_R)" → "入金予定日の決め方". */
static char *
strip_mnemonic (const char *title)
{
  GString *out = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p++)
    {
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        p += 3;
      else if (*p != '_')
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* The drop-down's focusable part says what it is for and what is chosen
 * (GTK 4.8 names it "GtkToggleButton"). */
static void
drop_down_selected_cb (GtkDropDown       *drop_down,
                       GParamSpec        *pspec,
                       AdwPreferencesRow *row)
{
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *title = strip_mnemonic (adw_preferences_row_get_title (row));
  g_autofree char *label = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    label = g_strdup_printf ("%s: %s", title, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  rh_a11y_label_toggle (GTK_WIDGET (drop_down), label != NULL ? label : title);
}

static GtkWidget *
action_row_with (const char *title,
                 GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  if (GTK_IS_DROP_DOWN (suffix))
    {
      g_signal_connect_object (suffix, "notify::selected", G_CALLBACK (drop_down_selected_cb), row, 0);
      drop_down_selected_cb (GTK_DROP_DOWN (suffix), NULL, ADW_PREFERENCES_ROW (row));
    }

  return row;
}

static void
build_schedule_page (RhDeadlineDialog *self)
{
  GtkWidget *list = boxed_list_new ();
  /* The buttons go on as many lines as the width needs (360 px: one
   * each), rather than widening the page past the window. */
  GtkWidget *buttons = gtk_flow_box_new ();
  const char *rules[] = { N_("Day of the month"), N_("Month end"), NULL };
  const char *shifts[] = { N_("Previous business day"), N_("Next business day"), NULL };
  const char *rules_t[3] = { _(rules[0]), _(rules[1]), NULL };
  const char *shifts_t[3] = { _(shifts[0]), _(shifts[1]), NULL };
  GDate today;
  GtkWidget *button;
  GtkWidget *remind_row;

  rh_date_set_today (&today);

  gtk_box_append (self->schedule_box,
                  page_intro (_("A year of paydays and the deadlines that follow from them.")));

  self->schedule_year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (RH_DATE_MIN_YEAR + 1, RH_DATE_MAX_YEAR - 1, 1));
  gtk_widget_set_name (GTK_WIDGET (self->schedule_year), "schedule-year");
  gtk_spin_button_set_value (self->schedule_year, g_date_get_year (&today));
  gtk_list_box_append (GTK_LIST_BOX (list), action_row_with (_("_Year"), GTK_WIDGET (self->schedule_year)));

  self->schedule_rule = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (rules_t));
  gtk_widget_set_name (GTK_WIDGET (self->schedule_rule), "schedule-rule");
  gtk_list_box_append (GTK_LIST_BOX (list), action_row_with (_("Payday _rule"), GTK_WIDGET (self->schedule_rule)));

  self->schedule_day = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 31, 1));
  gtk_widget_set_name (GTK_WIDGET (self->schedule_day), "schedule-day");
  gtk_spin_button_set_value (self->schedule_day, 25);
  gtk_list_box_append (GTK_LIST_BOX (list), action_row_with (_("_Day of the month"), GTK_WIDGET (self->schedule_day)));

  self->schedule_shift = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (shifts_t));
  gtk_widget_set_name (GTK_WIDGET (self->schedule_shift), "schedule-shift");
  gtk_list_box_append (GTK_LIST_BOX (list), action_row_with (_("On a closed day, _use the"), GTK_WIDGET (self->schedule_shift)));

  /* Only the .ics uses it: the clerk's calendar warns them in time. */
  self->schedule_remind = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, RH_SCHEDULE_MAX_REMIND, 1));
  gtk_widget_set_name (GTK_WIDGET (self->schedule_remind), "schedule-remind");
  gtk_spin_button_set_value (self->schedule_remind, RH_SCHEDULE_DEFAULT_REMIND);
  remind_row = action_row_with (_("Re_minder, business days before"), GTK_WIDGET (self->schedule_remind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (remind_row),
                               _("In the iCalendar export, at 9:00; 0 is the last day itself"));
  gtk_list_box_append (GTK_LIST_BOX (list), remind_row);
  gtk_box_append (self->schedule_box, list);

  button = gtk_button_new_with_mnemonic (_("Export as _iCalendar…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.export-ics");
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("Export as _CSV…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.export-csv");
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("C_opy as Text"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.copy");
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
  button = gtk_button_new_with_mnemonic (_("_Save This Setting"));
  gtk_widget_set_name (button, "schedule-save-rule");
  gtk_widget_set_tooltip_text (button, _("The start page shows this rule’s deadlines every day"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "schedule.save-rule");
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  /* Tab goes from button to button, not through the flow box's cells. */
  for (GtkWidget *c = gtk_widget_get_first_child (buttons); c != NULL; c = gtk_widget_get_next_sibling (c))
    gtk_widget_set_focusable (c, FALSE);
  self->schedule_actions = buttons;

  self->schedule_error = result_label ("error");
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_error), FALSE);
  gtk_box_append (self->schedule_box, GTK_WIDGET (self->schedule_error));

  self->schedule_list = GTK_LIST_BOX (boxed_list_new ());
  gtk_widget_set_name (GTK_WIDGET (self->schedule_list), "schedule-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->schedule_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Schedule"), -1);
  gtk_box_append (self->schedule_box, GTK_WIDGET (self->schedule_list));
  gtk_box_append (self->schedule_box, buttons);

  g_signal_connect_swapped (self->schedule_year, "value-changed", G_CALLBACK (schedule_changed_cb), self);
  g_signal_connect_swapped (self->schedule_day, "value-changed", G_CALLBACK (schedule_changed_cb), self);
  g_signal_connect_swapped (self->schedule_rule, "notify::selected", G_CALLBACK (schedule_changed_cb), self);
  g_signal_connect_swapped (self->schedule_shift, "notify::selected", G_CALLBACK (schedule_changed_cb), self);
}

/* The main window keeps the text size (and its setting). */
static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));
  g_autofree char *win_action = g_strconcat ("win.zoom-", action_name + strlen ("zoom."), NULL);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), win_action, NULL);
}

/* Overrides ---------------------------------------------------------------- */

/* The keyboard goes to the page's first field once the dialog is shown,
 * not while it is being built: a focus set during init makes GTK 4.8 give
 * the window's AT-SPI object the role "filler" instead of "dialog", so
 * screen readers do not announce it as a dialog (tests/check-atspi.py). */
static void
rh_deadline_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rh_deadline_dialog_parent_class)->map (widget);
  focus_page (RH_DEADLINE_DIALOG (widget));
}

static void
rh_deadline_dialog_finalize (GObject *object)
{
  RhDeadlineDialog *self = (RhDeadlineDialog *)object;

  g_clear_pointer (&self->schedule, rh_schedule_free);

  G_OBJECT_CLASS (rh_deadline_dialog_parent_class)->finalize (object);
}

static void
rh_deadline_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RH_TYPE_DEADLINE_DIALOG);

  G_OBJECT_CLASS (rh_deadline_dialog_parent_class)->dispose (object);
}

static void
rh_deadline_dialog_class_init (RhDeadlineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rh_deadline_dialog_dispose;
  object_class->finalize = rh_deadline_dialog_finalize;
  widget_class->map = rh_deadline_dialog_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rh-deadline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, zaikei_box);
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, nyukin_box);
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, meisai_box);
  gtk_widget_class_bind_template_child (widget_class, RhDeadlineDialog, schedule_box);

  gtk_widget_class_install_action (widget_class, "schedule.export-ics", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "schedule.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "schedule.copy", NULL, copy_schedule_action);
  gtk_widget_class_install_action (widget_class, "schedule.save-rule", NULL, save_rule_action);
  gtk_widget_class_install_action (widget_class, "nyukin.save-received", NULL, save_rule_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Ctrl++, Ctrl+-, Ctrl+0 pressed here size the text of every window, as
   * in the main window. */
  gtk_widget_class_install_action (widget_class, "zoom.in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "zoom.reset", NULL, zoom_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "zoom.in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "zoom.out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "zoom.out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "zoom.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "zoom.reset", NULL);
  /* A dialog, not a second main window, to screen readers (as GtkDialog). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
}

static void
rh_deadline_dialog_init (RhDeadlineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rh_toast_overlay_label_buttons (self->toast_overlay);
  g_date_clear (&self->today, 1);

  build_zaikei_page (self);
  build_nyukin_page (self);
  build_meisai_page (self);
  build_schedule_page (self);
  load_saved_case (self);

  recompute (self);
  schedule_changed_cb (self);
}

RhDeadlineDialog *
rh_deadline_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (RH_TYPE_DEADLINE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

/* The keyboard starts in the page's first field. */
static void
focus_page (RhDeadlineDialog *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->stack);
  GtkWidget *first = NULL;

  if (g_strcmp0 (page, "zaikei") == 0)
    first = GTK_WIDGET (self->zaikei_payday.entry);
  else if (g_strcmp0 (page, "nyukin") == 0)
    first = GTK_WIDGET (self->nyukin_received.entry);
  else if (g_strcmp0 (page, "meisai") == 0)
    first = GTK_WIDGET (self->meisai_confirmed.entry);
  else if (g_strcmp0 (page, "schedule") == 0)
    first = GTK_WIDGET (self->schedule_year);

  if (first != NULL)
    gtk_widget_grab_focus (first);
}

void
rh_deadline_dialog_set_page (RhDeadlineDialog *self,
                             const char       *page)
{
  g_return_if_fail (RH_IS_DEADLINE_DIALOG (self));
  g_return_if_fail (page != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
  focus_page (self);
}

/**
 * rh_deadline_dialog_set_today:
 * @today: (nullable): the day to compare against, or %NULL for the clock
 *
 * Which day counts as today for "inside the window" and "days left".
 */
void
rh_deadline_dialog_set_today (RhDeadlineDialog *self,
                              const GDate      *today)
{
  g_return_if_fail (RH_IS_DEADLINE_DIALOG (self));

  if (today != NULL && g_date_valid (today))
    self->today = *today;
  else
    g_date_clear (&self->today, 1);
  recompute (self);
}

const char *
rh_deadline_dialog_get_page (RhDeadlineDialog *self)
{
  g_return_val_if_fail (RH_IS_DEADLINE_DIALOG (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * rh_deadline_dialog_dup_schedule_ics:
 * @stamp: (nullable): DTSTAMP, or now
 *
 * Returns: (transfer full) (nullable): the schedule as the iCalendar
 *   export writes it, with the reminder chosen on the page; %NULL when
 *   the schedule cannot be made
 */
char *
rh_deadline_dialog_dup_schedule_ics (RhDeadlineDialog *self,
                                     GDateTime        *stamp)
{
  g_return_val_if_fail (RH_IS_DEADLINE_DIALOG (self), NULL);

  if (self->schedule == NULL)
    return NULL;
  return rh_schedule_to_ics_full (self->schedule, stamp,
                                  gtk_spin_button_get_value_as_int (self->schedule_remind));
}
