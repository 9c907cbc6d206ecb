/* test-deadline-dialog.c — the deadline calculator, in-process under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-window.h"
#include "rh-test-ui.h"

#include <glib/gstdio.h>

static RhApplication *app;

static gboolean
japanese (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "ja") == 0;
}

static RhDeadlineDialog *
open_dialog (const char *page)
{
  RhWindow *window = rh_test_get_window (app);
  RhDeadlineDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", page);

  dialog = RH_DEADLINE_DIALOG (rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG));

  g_assert_nonnull (dialog);
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (rh_deadline_dialog_get_page (dialog), ==, page);

  return dialog;
}

static GtkWidget *
named (RhDeadlineDialog *dialog,
       const char       *name)
{
  GtkWidget *widget = rh_test_find_named (GTK_WIDGET (dialog), name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static const char *
label_text (RhDeadlineDialog *dialog,
            const char       *name)
{
  return gtk_label_get_text (GTK_LABEL (named (dialog, name)));
}

/* The boxed list's row that holds the field. */
static GtkWidget *
row_of (GtkWidget *field)
{
  GtkWidget *row = gtk_widget_get_ancestor (field, GTK_TYPE_LIST_BOX_ROW);

  g_assert_nonnull (row);
  return row;
}

/* The error row that follows the field's row in its boxed list. */
static GtkWidget *
error_row_of (GtkWidget *field)
{
  GtkWidget *row = gtk_widget_get_next_sibling (row_of (field));

  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_widget_get_name (row), ==, "error-row");
  return row;
}

static void
set_today (RhDeadlineDialog *dialog,
           int y, int m, int d)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, d, m, y);
  rh_deadline_dialog_set_today (dialog, &today);
}

static void
test_dialog_zaikei (void)
{
  RhDeadlineDialog *dialog = open_dialog ("zaikei");
  GtkWidget *payday = named (dialog, "zaikei-payday");
  const char *headline;

  /* The keyboard starts in the payday field. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
    g_assert_nonnull (focus);
    g_assert_true (focus == payday || gtk_widget_is_ancestor (focus, payday));
  }

  set_today (dialog, 2026, 12, 15);
  gtk_editable_set_text (GTK_EDITABLE (payday), "2026-12-25");
  headline = label_text (dialog, "zaikei-result");
  g_test_message ("%s", headline);

  /* 4 business days before Fri 12/25: Thu 24, Wed 23, Tue 22, Mon 21. */
  g_assert_nonnull (strstr (headline, "2026年12月21日(月)"));
  /* 15, 16, 17, 18, 21 */
  if (japanese ())
    {
      g_assert_true (g_str_has_prefix (headline, "送信期限: 2026年12月21日(月)"));
      g_assert_nonnull (strstr (headline, "あと5営業日"));
      g_assert_nonnull (strstr (label_text (dialog, "zaikei-status"), "期間内"));
    }
  else
    g_assert_nonnull (strstr (headline, "5 business days left"));
  g_assert_false (gtk_widget_get_visible (error_row_of (payday)));
  g_assert_false (gtk_widget_has_css_class (payday, "error"));

  /* Alt+B opens the list of counted days, whatever the count (not Alt+4). */
  {
    GtkWidget *label = gtk_expander_get_label_widget (GTK_EXPANDER (named (dialog, "zaikei-expander")));

    g_assert_true (GTK_IS_LABEL (label));
    g_assert_true (gtk_label_get_use_underline (GTK_LABEL (label)));
    g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (label))), ==, GDK_KEY_b);
  }

  /* A dialog to screen readers, and the expander named by what it says
   * (not "GtkExpander"). */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (named (dialog, "zaikei-expander")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       gtk_expander_get_label (GTK_EXPANDER (named (dialog, "zaikei-expander"))));

  /* The counted days are listed (the expander opens them). */
  gtk_expander_set_expanded (GTK_EXPANDER (named (dialog, "zaikei-expander")), TRUE);
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-days"), "2026年12月22日(火)"));

  /* What clerks type: slashes, full-width digits, 和暦. */
  gtk_editable_set_text (GTK_EDITABLE (payday), "２０２６／１２／２５");
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2026年12月21日(月)"));
  gtk_editable_set_text (GTK_EDITABLE (payday), "令和8年12月25日");
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2026年12月21日(月)"));

  /* A payday on a holiday: shifted, with a warning and the skipped day named.
   * 2027-01-11 is 成人の日 (Mon) → Fri 2027-01-08; 4 days before: 12/30?
   * No: 12/31–1/3 are closed, so Thu 7, Wed 6, Tue 5, Mon 4 → 2027-01-04. */
  gtk_editable_set_text (GTK_EDITABLE (payday), "2027-01-11");
  g_test_message ("%s", label_text (dialog, "zaikei-result"));
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2027年1月4日(月)"));
  g_assert_nonnull (gtk_widget_get_first_child (named (dialog, "zaikei-warnings")));
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-days"), "成人の日"));
  /* The warning calls the day what the field calls it. */
  if (japanese ())
    {
      g_autofree char *warnings = rh_test_widget_text (named (dialog, "zaikei-warnings"));
      g_test_message ("%s", warnings);
      g_assert_nonnull (strstr (warnings, "入金予定日 2027年1月11日(月) は銀行の営業日ではありません"));
    }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

/* The calendar button opens on the date typed, or else on the dialog's
 * today (Tokyo's), not the machine's. */
static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static void
test_dialog_calendar_popover (void)
{
  RhDeadlineDialog *dialog = open_dialog ("zaikei");
  GtkWidget *payday = named (dialog, "zaikei-payday");
  GtkWidget *button = NULL;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) picked = NULL;

  button = rh_test_find (row_of (payday), is_menu_button, NULL);
  g_assert_nonnull (button);
  calendar = GTK_CALENDAR (gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));

  gtk_editable_set_text (GTK_EDITABLE (payday), "");
  set_today (dialog, 2027, 3, 9);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_year (shown), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 9);

  /* Picking a day writes it into the field, and closes the popover. */
  picked = g_date_time_new_local (2027, 3, 25, 0, 0, 0);
  gtk_calendar_select_day (calendar, picked);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (payday)), ==, "2027-03-25");
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2027年3月"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

static void
test_dialog_invalid_input (void)
{
  RhDeadlineDialog *dialog = open_dialog ("zaikei");
  GtkWidget *payday = named (dialog, "zaikei-payday");
  GtkWidget *error_row = error_row_of (payday);
  GtkWidget *error_label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));
  g_autoptr(GError) expected = NULL;
  GDate dummy;

  gtk_editable_set_text (GTK_EDITABLE (payday), "2026-02-30");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_true (gtk_widget_has_css_class (payday, "error"));
  /* The reason is the core's own message. */
  g_assert_false (rh_date_parse ("2026-02-30", NULL, &dummy, &expected));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected->message);
  /* No result is shown from a bad date. */
  g_assert_null (strstr (label_text (dialog, "zaikei-result"), "2026"));

  /* Month 13: the month is named as what is wrong, not a day of it. */
  gtk_editable_set_text (GTK_EDITABLE (payday), "2026-13-40");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            japanese () ? "13月はありません" : "there is no month 13"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                         japanese () ? "40日" : "day 40"));

  gtk_editable_set_text (GTK_EDITABLE (payday), "あした");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");

  /* Fixed: the mark goes away. */
  gtk_editable_set_text (GTK_EDITABLE (payday), "2026-12-25");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (payday, "error"));

  /* End before start (まとめ入金): marked on the payday with the core's reason. */
  rh_deadline_dialog_set_page (dialog, "nyukin");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "nyukin-received")), "2026-12-20");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "nyukin-payday")), "2026-12-10");
  g_assert_true (gtk_widget_get_visible (error_row_of (named (dialog, "nyukin-payday"))));
  g_assert_true (gtk_widget_has_css_class (named (dialog, "nyukin-payday"), "error"));

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "nyukin-received")), "2026-12-01");
  g_assert_false (gtk_widget_get_visible (error_row_of (named (dialog, "nyukin-payday"))));
  g_assert_nonnull (strstr (label_text (dialog, "nyukin-result"), "2026年12月10日(木)"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

/* Dates as kana mode types them and without a year, on the dialog's
 * today: the end of a window is the next such day, its start the last one
 * up to the end (12/1–12/25 typed on 12/20 is this December). */
static void
test_dialog_typed_dates (void)
{
  RhDeadlineDialog *dialog = open_dialog ("zaikei");

  set_today (dialog, 2026, 12, 20);
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "zaikei-payday")), "２０２７ー１ー８");
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2027年1月4日(月)"));
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "zaikei-payday")), "１・８");
  g_assert_false (gtk_widget_get_visible (error_row_of (named (dialog, "zaikei-payday"))));
  g_assert_nonnull (strstr (label_text (dialog, "zaikei-result"), "2027年1月4日(月)"));

  rh_deadline_dialog_set_page (dialog, "nyukin");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "nyukin-received")), "１２・１");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "nyukin-payday")), "１２・２５");
  g_assert_false (gtk_widget_get_visible (error_row_of (named (dialog, "nyukin-payday"))));
  g_assert_nonnull (strstr (label_text (dialog, "nyukin-result"), "2026年12月1日(火)"));
  g_assert_nonnull (strstr (label_text (dialog, "nyukin-result"), "2026年12月25日(金)"));

  rh_deadline_dialog_set_page (dialog, "meisai");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "meisai-confirmed")), "12/25");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "meisai-cutoff")), "1/8");
  g_assert_nonnull (strstr (label_text (dialog, "meisai-result"), "2026年12月28日(月)"));
  g_assert_nonnull (strstr (label_text (dialog, "meisai-result"), "2027年1月8日(金)"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

static void
test_dialog_meisai (void)
{
  RhDeadlineDialog *dialog = open_dialog ("meisai");

  set_today (dialog, 2026, 12, 1);
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "meisai-confirmed")), "2026-11-20");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "meisai-cutoff")), "2026-12-10");
  /* From the business day after Fri 11/20: 11/23 is 勤労感謝の日 → Tue 11/24. */
  g_test_message ("%s", label_text (dialog, "meisai-result"));
  g_assert_nonnull (strstr (label_text (dialog, "meisai-result"), "2026年11月24日(火)"));
  g_assert_nonnull (strstr (label_text (dialog, "meisai-result"), "2026年12月10日(木)"));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

static gboolean
is_toggle_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget);
}

static void
test_dialog_schedule (void)
{
  RhDeadlineDialog *dialog = open_dialog ("schedule");
  GtkWidget *grid = named (dialog, "schedule-list");
  g_autofree char *table = NULL;
  g_autoptr(RhSchedule) expected = NULL;
  g_autofree char *expected_text = NULL;
  GdkClipboard *clipboard;
  GValue value = G_VALUE_INIT;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (dialog, "schedule-year")), 2026);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (dialog, "schedule-rule")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (dialog, "schedule-day")), 25);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (dialog, "schedule-shift")), 0);

  /* A row per month; the keyboard goes month by month (the dates in a
   * row are not separate stops), and each row's name reads its month. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (grid), 11));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (grid), 12));
  {
    GtkWidget *december = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (grid), 11));
    GtkWidget *april = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (grid), 3));

    g_assert_true (gtk_widget_get_focusable (december));
    for (GtkWidget *w = gtk_widget_get_first_child (december); w != NULL; w = gtk_widget_get_first_child (w))
      g_assert_false (GTK_IS_LABEL (w) && gtk_label_get_selectable (GTK_LABEL (w)));
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (december), GTK_ACCESSIBLE_ROLE_LIST_ITEM);
    if (japanese ())
      {
        gtk_test_accessible_assert_property (GTK_ACCESSIBLE (december), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "12月: 支給日(入金予定日) 2026年12月25日(金)、"
                                             "財形 明細送信期限 2026年12月21日(月)、"
                                             "まとめ入金 確定・送信期限 2026年12月25日(金)");
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (april), GTK_ACCESSIBLE_PROPERTY_LABEL));
      }
    else
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (december), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "12: Payday 2026年12月25日(金), "
                                           "財形 明細送信 by 2026年12月21日(月), "
                                           "まとめ入金 確定・送信 by 2026年12月25日(金)");
  }
  /* The page fits a 360 px window: nothing in it needs more (the dates
   * wrap, the buttons go on several lines). */
  {
    GtkWidget *page = gtk_widget_get_ancestor (grid, GTK_TYPE_SCROLLED_WINDOW);
    int min = 0;

    gtk_widget_measure (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page)),
                        GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_test_message ("schedule page minimum width: %d", min);
    g_assert_cmpint (min, <=, 360);
  }
  table = rh_test_widget_text (grid);
  /* December: payday Fri 12/25, 財形 deadline Mon 12/21. */
  g_assert_nonnull (strstr (table, "2026年12月25日(金)\n"));
  g_assert_nonnull (strstr (table, "2026年12月21日(月)\n"));
  /* April 25th 2026 is a Saturday: moved to Friday the 24th, and said why. */
  g_assert_nonnull (strstr (table, "2026年4月24日(金)"));
  g_assert_nonnull (strstr (table, "土曜日"));

  /* The drop-downs' focusable buttons say what they are for and what is
   * chosen (GTK names them "GtkToggleButton" otherwise). */
  {
    GtkWidget *toggle = rh_test_find (named (dialog, "schedule-rule"), is_toggle_button, NULL);

    g_assert_nonnull (toggle);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         japanese () ? "入金予定日の決め方: 毎月の日付"
                                                     : "Payday rule: Day of the month");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (named (dialog, "schedule-shift")), 1);
    toggle = rh_test_find (named (dialog, "schedule-shift"), is_toggle_button, NULL);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         japanese () ? "休業日の場合: 翌営業日"
                                                     : "On a closed day, use the: Next business day");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (named (dialog, "schedule-shift")), 0);
  }

  /* Month end: the day field is not used. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (named (dialog, "schedule-rule")), 1);
  g_assert_false (gtk_widget_get_sensitive (named (dialog, "schedule-day")));
  g_clear_pointer (&table, g_free);
  table = rh_test_widget_text (grid);
  /* 2026-01-31 is a Saturday → Fri 1/30. */
  g_assert_nonnull (strstr (table, "2026年1月30日(金)"));

  /* Copy as text gives the core's text table. */
  expected = rh_schedule_new (rh_calendar_get_default (), 2026, RH_PAYDAY_MONTH_END, RH_SHIFT_PREVIOUS, NULL);
  expected_text = rh_schedule_to_text (expected);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "schedule.copy", NULL);
  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, NULL));
  g_assert_cmpstr (g_value_get_string (&value), ==, expected_text);
  g_value_unset (&value);
  /* and says so */
  {
    g_autofree char *shown = rh_test_widget_text (GTK_WIDGET (dialog));
    g_assert_nonnull (strstr (shown, japanese () ? "テキストとしてコピーしました" : "Copied as text"));
  }

  /* The reminder chosen on the page is the one in the .ics export. */
  {
    g_autoptr(GDateTime) stamp = g_date_time_new_utc (2026, 11, 25, 0, 0, 0);
    g_autofree char *default_ics = rh_deadline_dialog_dup_schedule_ics (dialog, stamp);
    g_autofree char *expected_ics = rh_schedule_to_ics_full (expected, stamp, 3);
    g_autofree char *ics = NULL;
    g_autofree char *none_ics = rh_schedule_to_ics_full (expected, stamp, RH_SCHEDULE_NO_REMINDER);
    GtkWidget *remind = named (dialog, "schedule-remind");

    g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (remind)), ==, 1);
    g_assert_nonnull (strstr (default_ics, "TRIGGER:"));
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (remind), 3);
    ics = rh_deadline_dialog_dup_schedule_ics (dialog, stamp);
    g_assert_cmpstr (ics, ==, expected_ics);
    g_assert_cmpstr (ics, !=, default_ics);
    g_assert_cmpstr (ics, !=, none_ics);
    g_assert_true (gtk_widget_get_visible (remind));
    g_assert_true (gtk_widget_is_sensitive (remind));
  }

  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

static void
test_dialog_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rh-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "s.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/dir/s.ics");
  g_autofree char *contents = NULL;

  g_assert_no_error (error);
  g_assert_true (rh_deadline_dialog_write_file (file, "BEGIN:VCALENDAR\r\n", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "BEGIN:VCALENDAR\r\n");

  /* A folder that does not exist: an error to show, no crash. */
  g_assert_false (rh_deadline_dialog_write_file (missing, "x", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");

  g_unlink (path);
  g_rmdir (dir);
}

static void
count_calendar_buttons (GtkWidget *widget,
                        guint     *n)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "x-office-calendar-symbolic") == 0)
    {
      g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
      g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL));
      (*n)++;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    count_calendar_buttons (c, n);
}

/* Each date field has a calendar button that says what it is. */
static void
test_dialog_calendar_buttons (void)
{
  RhDeadlineDialog *dialog = open_dialog ("zaikei");
  guint n = 0;

  count_calendar_buttons (GTK_WIDGET (dialog), &n);
  /* payday; received, payday; confirmed, cutoff (pages not shown are in the tree too) */
  g_assert_cmpuint (n, ==, 5);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
}

static void
test_dialog_escape_closes (void)
{
  RhDeadlineDialog *dialog = open_dialog ("schedule");
  GtkWidget *window = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  /* Escape is bound to window.close. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  RH_TEST_WAIT_FOR (dialog == NULL);
  g_assert_true (GTK_IS_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  app = rh_test_start_app ();

  g_test_add_func ("/deadline-dialog/zaikei", test_dialog_zaikei);
  g_test_add_func ("/deadline-dialog/invalid-input", test_dialog_invalid_input);
  g_test_add_func ("/deadline-dialog/calendar-popover", test_dialog_calendar_popover);
  g_test_add_func ("/deadline-dialog/meisai", test_dialog_meisai);
  g_test_add_func ("/deadline-dialog/typed-dates", test_dialog_typed_dates);
  g_test_add_func ("/deadline-dialog/schedule", test_dialog_schedule);
  g_test_add_func ("/deadline-dialog/write-file", test_dialog_write_file);
  g_test_add_func ("/deadline-dialog/calendar-buttons", test_dialog_calendar_buttons);
  g_test_add_func ("/deadline-dialog/escape-closes", test_dialog_escape_closes);

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}
