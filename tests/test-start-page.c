/* test-start-page.c — the start page shows the saved rule's deadlines (the
 * same as `--today --json`), its rows open the calculator, the guided path
 * reaches every entry with the right role by its Alt+digit mnemonics and
 * goes back by Backspace/Alt+← (real key presses through XTEST), and the calculator saves the rule the page uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <json-glib/json-glib.h>

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-entry-view.h"
#include "rh-preferences-window.h"
#include "rh-start-page.h"
#include "rh-window.h"
#include "rh-test-ui.h"
#include "rh-test-util.h"

static RhApplication *app;

static RhStartPage *
get_page (RhWindow *window)
{
  return RH_START_PAGE (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "start_page"));
}

static GDateTime *
jst (int y, int mo, int d, int h)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (9 * 3600);

  return g_date_time_new (tz, y, mo, d, h, 0, 0);
}

static GtkWidget *
row (RhStartPage *page,
     const char  *name)
{
  GtkWidget *w = rh_test_find_named (GTK_WIDGET (page), name);

  if (w == NULL)
    g_error ("the start page has no row “%s”", name);
  return w;
}

static const char *
subtitle (GtkWidget *w)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (w));
}

static GtkLabel *
due_label (GtkWidget *w)
{
  GtkWidget *label = rh_test_find_named (w, "due");

  g_assert_nonnull (label);
  return GTK_LABEL (label);
}

/* Payday 23, request data received 12/10, at 2026-12-17 10:00 in Tokyo:
 * the page shows what `rokin-help --today --json` says for that day. */
static void
test_numbers_agree_with_cli (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  GSettings *settings = rh_application_get_settings (app);
  g_autoptr(GDateTime) now = jst (2026, 12, 17, 10);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--today=2026-12-17", "--payday-day=23", "--received=2026-12-10", "--json", NULL };
  JsonObject *root, *zaikei, *payday, *nyukin;
  GDate date;
  g_autofree char *zaikei_human = NULL;
  g_autofree char *payday_human = NULL;
  g_autofree char *nyukin_last_human = NULL;

  g_settings_set_int (settings, "payday-day", 23);
  g_settings_set_string (settings, "received-date", "2026-12-10");
  rh_start_page_set_now (page, now);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "content_stack"))),
                   ==, "start");

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  zaikei = json_object_get_object_member (root, "zaikei");
  payday = json_object_get_object_member (root, "payday");
  nyukin = json_object_get_object_member (root, "nyukin");

  g_assert_true (rh_date_parse (json_object_get_string_member (zaikei, "last"), NULL, &date, NULL));
  zaikei_human = rh_date_format_human (&date);
  g_assert_true (rh_date_parse (json_object_get_string_member (payday, "date"), NULL, &date, NULL));
  payday_human = rh_date_format_human (&date);
  g_assert_true (rh_date_parse (json_object_get_string_member (nyukin, "last"), NULL, &date, NULL));
  nyukin_last_human = rh_date_format_human (&date);

  /* The CLI says: 財形 last day today (12/17), payday 12/23, window open. */
  g_assert_cmpstr (json_object_get_string_member (zaikei, "relative"), ==, "today");
  g_assert_cmpstr (subtitle (row (page, "start-zaikei")), ==, zaikei_human);
  g_assert_cmpstr (zaikei_human, ==, "2026年12月17日(木)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_label (row (page, "start-zaikei"))), "rh-due-today"));
  g_assert_cmpstr (gtk_label_get_text (due_label (row (page, "start-zaikei"))), ==, g_dgettext (GETTEXT_PACKAGE, "today"));

  g_assert_cmpstr (subtitle (row (page, "start-payday")), ==, payday_human);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due_label (row (page, "start-payday"))), "rh-due-today"));

  g_assert_cmpstr (json_object_get_string_member (nyukin, "state"), ==, "open");
  g_assert_nonnull (strstr (subtitle (row (page, "start-nyukin")), nyukin_last_human));
  {
    g_autofree char *left = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u business day left",
                                                          "%u business days left",
                                                          json_object_get_int_member (nyukin, "business_days_left")),
                                             (guint)json_object_get_int_member (nyukin, "business_days_left"));
    g_assert_nonnull (strstr (gtk_label_get_text (due_label (row (page, "start-nyukin"))), left));
  }

  /* The helpdesk at 10:00 on a Thursday. */
  {
    GtkWidget *helpdesk = row (page, "start-helpdesk");
    GtkWidget *status = row (page, "start-helpdesk-status");
    g_autofree char *text = rh_test_widget_text (helpdesk);

    g_assert_true (gtk_widget_get_visible (helpdesk));
    g_assert_true (gtk_widget_get_visible (status));
    g_assert_nonnull (strstr (text, "0120-609-575"));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (status)), "18:00"));
    g_assert_true (gtk_widget_has_css_class (status, "open"));
  }

  /* The day before: tomorrow, in the warning colour. */
  {
    g_autoptr(GDateTime) before = jst (2026, 12, 16, 10);

    rh_start_page_set_now (page, before);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_label (row (page, "start-zaikei"))), "rh-due-tomorrow"));
  }
}

static const char *
due_class (RhDayDistance distance)
{
  return distance == RH_DAY_TODAY ? "rh-due-today"
         : distance == RH_DAY_TOMORROW ? "rh-due-tomorrow" : "dim-label";
}

static char *
human (JsonObject *object,
       const char *member)
{
  GDate date;

  g_assert_true (rh_date_parse (json_object_get_string_member (object, member), NULL, &date, NULL));
  return rh_date_format_human (&date);
}

static RhDayDistance
distance_of (const char *relative)
{
  static const char *names[] = { "past", "today", "tomorrow", "later" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (relative, names[i]))
      return i;
  g_error ("unknown relative day “%s”", relative);
}

/* The business days left, worded as on the page, is in @text. */
static void
assert_left (const char *text,
             gint64      left)
{
  g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u business day left",
                                                         "%u business days left", left), (guint)left);

  g_assert_nonnull (strstr (text, words));
}

/* One day: the page at 9:00 in Tokyo shows what `--today=DAY --json` says. */
static void
assert_page_agrees (RhStartPage *page,
                    const char  *day,
                    const char  *payday_day,
                    const char  *shift,
                    const char  *received)
{
  GSettings *settings = rh_application_get_settings (app);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *today_arg = g_strdup_printf ("--today=%s", day);
  g_autofree char *day_arg = g_strdup_printf ("--payday-day=%s", payday_day);
  g_autofree char *shift_arg = g_strdup_printf ("--shift=%s", shift);
  g_autofree char *received_arg = received ? g_strdup_printf ("--received=%s", received) : NULL;
  const char *args[] = { today_arg, day_arg, shift_arg, "--json", received_arg, NULL };
  g_autoptr(GDateTime) now = NULL;
  JsonObject *root, *payday, *zaikei, *nyukin;
  const char *state;
  GDate date;
  GtkWidget *nyukin_due;

  g_test_message ("%s, payday %s, shift %s, received %s", day, payday_day, shift, received ? received : "—");
  g_assert_true (rh_date_parse (day, NULL, &date, NULL));
  now = jst (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 9);
  g_settings_set_int (settings, "payday-day", g_str_equal (payday_day, "end") ? RH_PAYDAY_MONTH_END
                                                                               : atoi (payday_day));
  g_settings_set_string (settings, "payday-shift", shift);
  g_settings_set_string (settings, "received-date", received ? received : "");
  rh_start_page_set_now (page, now);

  g_assert_cmpint (rh_test_run_cli (args, &out, &err), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  payday = json_object_get_object_member (root, "payday");
  zaikei = json_object_get_object_member (root, "zaikei");
  nyukin = json_object_get_object_member (root, "nyukin");

  /* The payday, and why it moved when it did. */
  {
    g_autofree char *date_text = human (payday, "date");
    const char *sub = subtitle (row (page, "start-payday"));

    g_assert_true (g_str_has_prefix (sub, date_text));
    if (!json_object_get_null_member (payday, "moved_because"))
      {
        g_autofree char *nominal = human (payday, "nominal");

        g_assert_nonnull (strstr (sub, nominal));
        g_assert_nonnull (strstr (sub, json_object_get_string_member (payday, "moved_because")));
      }
    else
      g_assert_cmpstr (sub, ==, date_text);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due_label (row (page, "start-payday"))),
                                             due_class (distance_of (json_object_get_string_member (payday, "relative")))));
  }

  /* The 財形 last day, how near, the business days left before it. */
  {
    g_autofree char *last = human (zaikei, "last");
    RhDayDistance distance = distance_of (json_object_get_string_member (zaikei, "relative"));
    GtkLabel *due = due_label (row (page, "start-zaikei"));

    g_assert_cmpstr (subtitle (row (page, "start-zaikei")), ==, last);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), due_class (distance)));
    if (distance == RH_DAY_TODAY)
      g_assert_cmpstr (gtk_label_get_text (due), ==, g_dgettext (GETTEXT_PACKAGE, "today"));
    else
      assert_left (gtk_label_get_text (due), json_object_get_int_member (zaikei, "business_days_left"));
  }

  /* まとめ入金: a deadline only inside the window; never a date without
   * the received day. */
  state = json_object_get_string_member (nyukin, "state");
  nyukin_due = rh_test_find_named (row (page, "start-nyukin"), "due");
  if (g_str_equal (state, "open"))
    {
      g_autofree char *last = human (nyukin, "last");
      GDate today, last_date;
      RhDayDistance distance;

      g_assert_true (rh_date_parse (day, NULL, &today, NULL));
      g_assert_true (rh_date_parse (json_object_get_string_member (nyukin, "last"), NULL, &last_date, NULL));
      distance = rh_today_distance (&today, &last_date);
      g_assert_nonnull (strstr (subtitle (row (page, "start-nyukin")), last));
      g_assert_nonnull (nyukin_due);
      g_assert_true (gtk_widget_has_css_class (nyukin_due, due_class (distance)));
      if (distance == RH_DAY_TODAY)
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (nyukin_due)), ==, g_dgettext (GETTEXT_PACKAGE, "today"));
      else
        assert_left (gtk_label_get_text (GTK_LABEL (nyukin_due)), json_object_get_int_member (nyukin, "business_days_left"));
    }
  else
    {
      g_assert_null (nyukin_due);
      if (g_str_equal (state, "not-given"))
        g_assert_true (json_object_get_null_member (nyukin, "last"));
      else
        {
          g_autofree char *first = human (nyukin, "first");

          g_assert_nonnull (strstr (subtitle (row (page, "start-nyukin")), first));
        }
    }

  /* The helpdesk at 9:00 that day. */
  {
    GtkWidget *status = row (page, "start-helpdesk-status");
    JsonObject *helpdesk = json_object_get_object_member (root, "helpdesk");

    g_assert_true (gtk_widget_has_css_class (status, json_object_get_boolean_member (helpdesk, "open") ? "open" : "closed"));
  }
}

/* Year end (12/28–1/5), Golden Week, a payday on a holiday (today and
 * tomorrow), the 財形 last day today and tomorrow, and the まとめ入金 window
 * in each of its states (not given, not yet, open to today/tomorrow/later,
 * closed); the helpdesk open and closed (12/31, 5/3). */
static void
test_agrees_with_cli_on_fixed_days (void)
{
  RhStartPage *page = get_page (rh_test_get_window (app));
  static const struct { const char *day, *payday_day, *shift, *received; } days[] = {
    { "2026-12-28", "25", "previous", NULL },
    { "2026-12-30", "end", "previous", "2026-12-21" },
    { "2026-12-31", "end", "next", "2026-12-24" },
    { "2027-01-04", "end", "next", "2026-12-28" },
    { "2027-01-05", "25", "previous", NULL },
    { "2027-04-28", "5", "previous", "2027-04-23" },
    { "2027-05-03", "5", "next", "2027-04-26" },
    { "2027-05-06", "5", "next", NULL },
    { "2026-11-19", "23", "previous", "2026-11-12" },
    { "2026-11-20", "23", "previous", NULL },
    { "2026-12-16", "23", "previous", "2026-12-10" },
    { "2026-12-22", "23", "previous", "2026-12-10" },
    { "2026-12-17", "23", "previous", "2026-11-10" },
    { "2026-12-17", "23", "previous", "2026-12-20" },
  };

  gtk_widget_activate_action (GTK_WIDGET (rh_test_get_window (app)), "win.start", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    assert_page_agrees (page, days[i].day, days[i].payday_day, days[i].shift, days[i].received);
  g_settings_reset (rh_application_get_settings (app), "payday-shift");
  g_settings_reset (rh_application_get_settings (app), "received-date");
}

/* The role menu filters an entry's steps: hidden on the start page, back
 * with an entry. */
static void
test_role_button_only_with_entry (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *role = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "role_button");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  g_assert_false (gtk_widget_get_visible (role));
  rh_window_show_entry_id (window, "ib-helpdesk");
  g_assert_true (gtk_widget_get_visible (role));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  g_assert_false (gtk_widget_get_visible (role));
}

/* Without a saved rule nothing is shown as a deadline. */
static void
test_no_rule (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  GSettings *settings = rh_application_get_settings (app);

  g_settings_set_int (settings, "payday-day", -1);
  g_assert_null (rh_test_find_named (GTK_WIDGET (page), "start-zaikei"));
  g_assert_nonnull (row (page, "start-set-rule"));
  g_settings_set_int (settings, "payday-day", 23);
  g_assert_null (rh_test_find_named (GTK_WIDGET (page), "start-set-rule"));
  g_assert_nonnull (row (page, "start-zaikei"));
}

static void
close_dialog (void)
{
  GtkWidget *dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  RH_TEST_WAIT_FOR (rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG) == NULL);
}

/* Each deadline row opens the calculator on its own case. */
static void
test_rows_open_calculator (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  static const struct { const char *row; const char *page; } cases[] = {
    { "start-zaikei", "zaikei" }, { "start-nyukin", "nyukin" },
    { "start-meisai", "meisai" }, { "start-payday", "schedule" },
  };

  g_settings_set_int (rh_application_get_settings (app), "payday-day", 23);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *dialog;

      g_signal_emit_by_name (row (page, cases[i].row), "activated");
      RH_TEST_WAIT_FOR ((dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG)) != NULL && gtk_widget_get_mapped (dialog));
      g_assert_cmpstr (rh_deadline_dialog_get_page (RH_DEADLINE_DIALOG (dialog)), ==, cases[i].page);
      close_dialog ();
    }
}

/* Real key presses through the X server (XTEST, as a clerk's keyboard). */
static void
press (RhWindow   *window,
       const char *keys)
{
  g_autoptr(GError) error = NULL;
  Window xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  g_autofree char *id = g_strdup_printf ("%lu", (unsigned long)xid);
  const char *focus[] = { "xdotool", "windowfocus", "--sync", id, NULL };
  const char *key[] = { "xdotool", "key", "--clearmodifiers", keys, NULL };
  int status = 0;

  if (!gtk_window_is_active (GTK_WINDOW (window)))
    {
      if (!g_spawn_sync (NULL, (char **)focus, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("xdotool (package xdotool) is needed and must work: %s", error->message);
      RH_TEST_WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));
    }
  if (!g_spawn_sync (NULL, (char **)key, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("xdotool (package xdotool) is needed and must work: %s", error->message);
}

/* Picks the choice whose label's mnemonic is the digit @n by pressing
 * Alt+n on the X server's keyboard; exactly one choice must carry it. */
static void
choose (RhStartPage *page,
        guint        n)
{
  GtkWidget *box = gtk_widget_get_parent (rh_test_find_named (GTK_WIDGET (page), "guide-choice"));
  const RhGuideNode *before = rh_start_page_get_guide_step (page);
  GtkWidget *target = NULL;
  guint found = 0;
  g_autofree char *keys = g_strdup_printf ("alt+%u", n);

  for (GtkWidget *button = gtk_widget_get_first_child (box); button; button = gtk_widget_get_next_sibling (button))
    {
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      g_assert_true (GTK_IS_LABEL (label));
      if (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)) == GDK_KEY_0 + n)
        {
          g_assert_true (gtk_label_get_mnemonic_widget (GTK_LABEL (label)) == button);
          target = label;
          found++;
        }
    }
  if (found != 1)
    g_error ("%u choices have the mnemonic %u", found, n);

  /* A button activated by its mnemonic is "clicked" after its press
   * animation, from the main loop; a key GTK did not take as the mnemonic
   * leaves the step as it was and times out here. */
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (target));
  press (RH_WINDOW (gtk_widget_get_root (target)), keys);
  RH_TEST_WAIT_FOR (rh_start_page_get_guide_step (page) != before ||
                    rh_guide_node_get_n_choices (before) == 0 ||
                    !gtk_widget_get_mapped (GTK_WIDGET (page)));
}

static guint
n_choices_shown (RhStartPage *page)
{
  GtkWidget *box = rh_test_find_named (GTK_WIDGET (page), "guide-choice");

  return box ? rh_guide_node_get_n_choices (rh_start_page_get_guide_step (page)) : 0;
}

typedef struct
{
  guint  path[RH_GUIDE_MAX_DEPTH];
  guint  depth;
  char  *entry_id;
  RhRole role;
} Leaf;

static void
collect_leaves (const RhGuideNode *node,
                guint             *path,
                guint              depth,
                GArray            *leaves)
{
  if (rh_guide_node_get_n_choices (node) == 0)
    {
      Leaf leaf = { .depth = depth, .entry_id = g_strdup (rh_guide_node_get_entry_id (node)),
                    .role = rh_guide_node_get_role (node) };

      memcpy (leaf.path, path, depth * sizeof (guint));
      g_array_append_val (leaves, leaf);
      return;
    }
  g_assert_cmpuint (depth, <, RH_GUIDE_MAX_DEPTH);
  for (guint i = 0; i < rh_guide_node_get_n_choices (node); i++)
    {
      path[depth] = i;
      collect_leaves (rh_guide_node_get_choice (node, i), path, depth + 1, leaves);
    }
}

/* Every leaf, by its digit mnemonics (Alt+1 …) only: the window ends on
 * the leaf's entry with the leaf's role filter; every entry is reached. */
static void
test_guide_reaches_every_entry_by_keyboard (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  GSettings *settings = rh_application_get_settings (app);
  GtkWidget *view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");
  RhCatalog *catalog = rh_application_get_catalog (app);
  g_autoptr(GArray) leaves = g_array_new (FALSE, TRUE, sizeof (Leaf));
  g_autoptr(GHashTable) reached = g_hash_table_new (g_str_hash, g_str_equal);
  guint path[RH_GUIDE_MAX_DEPTH];

  collect_leaves (rh_catalog_get_guide (catalog), path, 0, leaves);
  g_assert_cmpuint (leaves->len, >, 0);

  for (guint i = 0; i < leaves->len; i++)
    {
      Leaf *leaf = &g_array_index (leaves, Leaf, i);
      RhEntry *shown;

      g_settings_set_string (settings, "role", "all");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
      g_assert_true (rh_start_page_get_guide_step (page) == rh_catalog_get_guide (catalog));

      for (guint d = 0; d < leaf->depth; d++)
        choose (page, leaf->path[d] + 1);

      shown = rh_window_get_entry (window);
      g_assert_nonnull (shown);
      g_assert_cmpstr (rh_entry_get_id (shown), ==, leaf->entry_id);
      if (leaf->role != RH_ROLE_ANY)
        g_assert_cmpint (rh_entry_view_get_role (RH_ENTRY_VIEW (view)), ==, leaf->role);
      g_hash_table_add (reached, (gpointer)rh_entry_get_id (shown));
      g_free (leaf->entry_id);
    }

  g_assert_cmpuint (g_hash_table_size (reached), ==,
                    g_list_model_get_n_items (rh_catalog_get_entries (catalog)));
}

/* The window opens with the keyboard in the search box (typing searches):
 * Alt+1 there still takes the path's first choice, and types nothing. */
static void
test_guide_mnemonic_from_search_box (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  const RhGuideNode *root = rh_catalog_get_guide (rh_application_get_catalog (app));
  GtkWidget *search = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "search_entry");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-search", NULL);
  RH_TEST_WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (search)))));
  g_assert_true (rh_start_page_get_guide_step (page) == root);

  choose (page, 1);
  g_assert_true (rh_start_page_get_guide_step (page) == rh_guide_node_get_choice (root, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  rh_start_page_guide_back (page);
}

/* Backspace and Alt+← go one step back; at the first step Alt+← is the
 * window's history again. Every choice label carries its digit mnemonic. */
static void
test_guide_back_keys (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  const RhGuideNode *root = rh_catalog_get_guide (rh_application_get_catalog (app));
  GtkWidget *first;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  g_assert_true (rh_start_page_get_guide_step (page) == root);
  g_assert_cmpuint (n_choices_shown (page), ==, rh_guide_node_get_n_choices (root));

  first = rh_test_find_named (GTK_WIDGET (page), "guide-choice");
  {
    GtkWidget *label = gtk_button_get_child (GTK_BUTTON (first));

    g_assert_cmpuint (gtk_label_get_mnemonic_keyval (GTK_LABEL (label)), ==, GDK_KEY_1);
  }

  choose (page, 1);
  g_assert_true (rh_start_page_get_guide_step (page) == rh_guide_node_get_choice (root, 0));
  press (window, "BackSpace");
  RH_TEST_WAIT_FOR (rh_start_page_get_guide_step (page) == root);

  choose (page, 1);
  choose (page, 1);
  RH_TEST_WAIT_FOR (rh_guide_node_get_depth (rh_start_page_get_guide_step (page)) == 2);
  press (window, "alt+Left");
  RH_TEST_WAIT_FOR (rh_guide_node_get_depth (rh_start_page_get_guide_step (page)) == 1);
  press (window, "alt+Left");
  RH_TEST_WAIT_FOR (rh_start_page_get_guide_step (page) == root);
  g_assert_null (rh_window_get_entry (window));
}

/* 「この設定を保存」 in the calculator saves the rule the start page uses. */
static void
test_calculator_saves_rule (void)
{
  RhWindow *window = rh_test_get_window (app);
  RhStartPage *page = get_page (window);
  GSettings *settings = rh_application_get_settings (app);
  GtkWidget *dialog;

  g_settings_set_int (settings, "payday-day", -1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", "schedule");
  RH_TEST_WAIT_FOR ((dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG)) != NULL && gtk_widget_get_mapped (dialog));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rh_test_find_named (dialog, "schedule-day")), 10);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (rh_test_find_named (dialog, "schedule-shift")), 1);
  g_signal_emit_by_name (rh_test_find_named (dialog, "schedule-save-rule"), "clicked");
  g_assert_cmpint (g_settings_get_int (settings, "payday-day"), ==, 10);
  g_assert_cmpint (g_settings_get_enum (settings, "payday-shift"), ==, RH_SHIFT_NEXT);

  rh_deadline_dialog_set_page (RH_DEADLINE_DIALOG (dialog), "nyukin");
  gtk_editable_set_text (GTK_EDITABLE (rh_test_find_named (dialog, "nyukin-received")), "2026/12/3");
  g_signal_emit_by_name (rh_test_find_named (dialog, "nyukin-save-received"), "clicked");
  {
    g_autofree char *received = g_settings_get_string (settings, "received-date");

    g_assert_cmpstr (received, ==, "2026-12-03");
  }
  close_dialog ();

  /* The page follows: 2026-12-10 (Thu) is the payday, the window open. */
  {
    g_autoptr(GDateTime) now = jst (2026, 12, 4, 10);

    rh_start_page_set_now (page, now);
    g_assert_cmpstr (subtitle (row (page, "start-payday")), ==, "2026年12月10日(木)");
  }
}

/* Preferences → 期限: the same keys, and the page follows. */
static void
test_preferences (void)
{
  GSettings *settings = rh_application_get_settings (app);
  RhPreferencesWindow *prefs;
  GtkWidget *w;

  g_settings_set_int (settings, "payday-day", 25);
  prefs = rh_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (prefs));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (prefs)));

  w = rh_test_find_named (GTK_WIDGET (prefs), "prefs-payday-rule");
  g_assert_nonnull (w);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (w)), ==, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (rh_test_find_named (GTK_WIDGET (prefs), "prefs-payday-day"))), ==, 25);
  adw_combo_row_set_selected (ADW_COMBO_ROW (w), 2);
  g_assert_cmpint (g_settings_get_int (settings, "payday-day"), ==, RH_PAYDAY_MONTH_END);
  adw_combo_row_set_selected (ADW_COMBO_ROW (rh_test_find_named (GTK_WIDGET (prefs), "prefs-payday-shift")), 1);
  g_assert_cmpint (g_settings_get_enum (settings, "payday-shift"), ==, RH_SHIFT_NEXT);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rh_test_find_named (GTK_WIDGET (prefs), "prefs-reminder-days")), 5);
  g_assert_cmpuint (g_settings_get_uint (settings, "reminder-days"), ==, 5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (w), 0);
  g_assert_cmpint (g_settings_get_int (settings, "payday-day"), ==, -1);

  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "payday-shift");
  g_settings_reset (settings, "reminder-days");
}

int
main (int   argc,
      char *argv[])
{
  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  app = rh_test_start_app ();

  g_test_add_func ("/start-page/numbers-agree-with-cli", test_numbers_agree_with_cli);
  g_test_add_func ("/start-page/agrees-with-cli-on-fixed-days", test_agrees_with_cli_on_fixed_days);
  g_test_add_func ("/start-page/no-rule", test_no_rule);
  g_test_add_func ("/start-page/role-button-only-with-entry", test_role_button_only_with_entry);
  g_test_add_func ("/start-page/rows-open-calculator", test_rows_open_calculator);
  g_test_add_func ("/start-page/guide-every-entry-by-keyboard", test_guide_reaches_every_entry_by_keyboard);
  g_test_add_func ("/start-page/guide-mnemonic-from-search-box", test_guide_mnemonic_from_search_box);
  g_test_add_func ("/start-page/guide-back-keys", test_guide_back_keys);
  g_test_add_func ("/start-page/calculator-saves-rule", test_calculator_saves_rule);
  g_test_add_func ("/start-page/preferences", test_preferences);

  return g_test_run ();
}
