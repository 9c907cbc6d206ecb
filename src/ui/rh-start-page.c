/* rh-start-page.c — what the window shows when no entry is open
 *
 * "What now, and by when?" before the clerk asks: the saved payday rule's
 * next deadlines (from RhToday, the same numbers as `--today`), the
 * helpdesk now, and the guided path (rh-guide.c) for a clerk who lacks
 * the bank's words. It only shows what the core computes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-start-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rh-start-page.h"

/* The helpdesk state and "today" change with the clock. */
#define REFRESH_SECONDS 60

struct _RhStartPage
{
  AdwBin               parent_instance;

  /* template children */
  AdwPreferencesGroup *deadlines_group;
  AdwActionRow        *helpdesk_row;
  GtkLabel            *helpdesk_status;
  AdwPreferencesGroup *guide_group;
  GtkWidget           *guide_back;
  GtkLabel            *guide_prompt;
  GtkBox              *guide_choices;

  GPtrArray           *deadline_rows;   /* rows we added to deadlines_group */
  GPtrArray           *deadline_kinds;  /* the calculator page of each (static strings) */
  RhCatalog           *catalog;
  GSettings           *settings;
  GDateTime           *now;             /* for tests; NULL = the clock */
  const RhGuideNode   *guide_step;      /* owned by catalog */
  guint                refresh_id;
};

G_DEFINE_FINAL_TYPE (RhStartPage, rh_start_page, ADW_TYPE_BIN)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *due_classes[] = { "rh-due-today", "rh-due-tomorrow", "dim-label" };

/* Deadlines ------------------------------------------------------------- */

/* Rows and choices find their data by position, not by object data: every
 * g_object_set_data() key is a GQuark, and the window's process is close to
 * the 2048 quarks past which GLib retires (leaks) its quark array, which
 * the sanitizer build reports. */
static void
row_activated_cb (AdwActionRow *row,
                  RhStartPage  *self)
{
  guint index;
  const char *kind;

  if (!g_ptr_array_find (self->deadline_rows, row, &index))
    return;
  kind = g_ptr_array_index (self->deadline_kinds, index);

  /* The window's calculator, on this row's case. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.deadline", "s", kind);
}

static AdwActionRow *
add_row (RhStartPage *self,
         const char  *name,
         const char  *kind,
         const char  *title,
         const char  *subtitle,
         const char  *suffix,
         RhDayDistance distance)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *label;

  gtk_widget_set_name (GTK_WIDGET (row), name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  if (suffix != NULL)
    {
      label = gtk_label_new (suffix);
      gtk_widget_set_name (label, "due");
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_add_css_class (label, distance == RH_DAY_TODAY ? due_classes[0]
                                       : distance == RH_DAY_TOMORROW ? due_classes[1]
                                       : due_classes[2]);
      adw_action_row_add_suffix (row, label);
    }
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));

  adw_preferences_group_add (self->deadlines_group, GTK_WIDGET (row));
  g_ptr_array_add (self->deadline_rows, row);
  g_ptr_array_add (self->deadline_kinds, (gpointer)kind);
  return row;
}

static void
clear_rows (RhStartPage *self)
{
  for (guint i = 0; i < self->deadline_rows->len; i++)
    adw_preferences_group_remove (self->deadlines_group, g_ptr_array_index (self->deadline_rows, i));
  g_ptr_array_set_size (self->deadline_rows, 0);
  g_ptr_array_set_size (self->deadline_kinds, 0);
}

/* "6日後" over "あと5営業日": two short lines at the row's end, so that a
 * narrow window breaks them there and not inside a word. */
static char *
describe_due (const RhToday *today,
              const GDate   *day,
              guint          left)
{
  g_autofree char *when = rh_today_describe (today, day, FALSE, 0);
  g_autofree char *left_text = NULL;

  /* On the day itself, "today" says it all. */
  if (rh_today_distance (&today->today, day) < RH_DAY_TOMORROW)
    return g_steal_pointer (&when);
  left_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u business day left",
                                            "%u business days left", left), left);
  return g_strdup_printf ("%s\n%s", when, left_text);
}

static void
show_deadlines (RhStartPage   *self,
                const RhToday *today)
{
  g_autofree char *today_text = rh_date_format_human (&today->today);
  g_autofree char *description = g_strdup_printf (_("Today is %s (Tokyo)"), today_text);
  g_autofree char *payday = rh_date_format_human (&today->payday);
  g_autofree char *payday_when = rh_today_describe (today, &today->payday, FALSE, 0);
  g_autofree char *payday_sub = NULL;
  g_autofree char *zaikei = rh_date_format_human (&today->zaikei_last);
  g_autofree char *zaikei_when = describe_due (today, &today->zaikei_last, today->zaikei_days_left);
  g_autofree char *zaikei_title = g_strdup_printf (_("%s — last day"),
                                                   rh_deadline_kind_get_title (RH_DEADLINE_ZAIKEI));
  g_autofree char *nyukin = NULL;
  g_autofree char *nyukin_when = NULL;
  RhDayDistance nyukin_distance = RH_DAY_LATER;

  adw_preferences_group_set_description (self->deadlines_group, description);

  if (today->payday_shift_reason != NULL)
    {
      g_autofree char *nominal = rh_date_format_human (&today->payday_nominal);

      payday_sub = g_strdup_printf (_("%s (moved from %s, %s)"), payday, nominal,
                                    today->payday_shift_reason);
    }
  add_row (self, "start-payday", "schedule", _("Next payday"),
           payday_sub ? payday_sub : payday, payday_when,
           rh_today_distance (&today->today, &today->payday));
  add_row (self, "start-zaikei", "zaikei", zaikei_title, zaikei, zaikei_when,
           rh_today_distance (&today->today, &today->zaikei_last));

  /* Inside the window, its last day is a deadline like the 財形 one: the
   * date under the title, how near it is at the end, coloured alike. */
  if (today->nyukin_state == RH_NYUKIN_OPEN)
    {
      g_autofree char *last = rh_date_format_human (&today->nyukin_last);

      nyukin = g_strdup_printf (_("Open now, through %s"), last);
      nyukin_when = describe_due (today, &today->nyukin_last, today->nyukin_days_left);
      nyukin_distance = rh_today_distance (&today->today, &today->nyukin_last);
    }
  else
    nyukin = rh_today_describe_nyukin (today);
  add_row (self, "start-nyukin", "nyukin", rh_deadline_kind_get_title (RH_DEADLINE_NYUKIN),
           nyukin, nyukin_when, nyukin_distance);
  add_row (self, "start-meisai", "meisai", rh_deadline_kind_get_title (RH_DEADLINE_MEISAI),
           _("The cut-off day of this month is shown on the service’s information screen"),
           NULL, RH_DAY_LATER);
}

/* Nothing is shown as certain that depends on a rule not given. */
static void
show_no_rule (RhStartPage *self,
              const char  *problem)
{
  adw_preferences_group_set_description (self->deadlines_group, problem);
  add_row (self, "start-set-rule", "schedule", _("Set your organisation’s payday"),
           _("Open the calculator’s yearly schedule and choose “Save this setting”"),
           NULL, RH_DAY_LATER);
}

static void
show_helpdesk (RhStartPage   *self,
               const RhToday *today,
               RhContact     *contact)
{
  g_autofree char *status = today ? rh_today_describe_helpdesk (today) : NULL;
  GtkWidget *label = GTK_WIDGET (self->helpdesk_status);

  gtk_widget_set_visible (GTK_WIDGET (self->helpdesk_row), status != NULL);
  gtk_widget_set_visible (label, status != NULL);
  if (status == NULL)
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->helpdesk_row), rh_contact_get_name (contact));
  adw_action_row_set_subtitle (self->helpdesk_row, rh_contact_get_phone (contact));
  gtk_label_set_text (self->helpdesk_status, status);
  gtk_widget_remove_css_class (label, today->helpdesk_open ? "closed" : "open");
  gtk_widget_add_css_class (label, today->helpdesk_open ? "open" : "closed");
}

static GDateTime *
dup_now (RhStartPage *self)
{
  return self->now ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
}

void
rh_start_page_refresh (RhStartPage *self)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(RhToday) today = NULL;
  g_autoptr(GError) error = NULL;
  RhContact *contact = self->catalog ? rh_today_find_helpdesk (self->catalog) : NULL;
  int payday_day = self->settings ? g_settings_get_int (self->settings, "payday-day") : -1;
  RhShift shift = self->settings ? g_settings_get_enum (self->settings, "payday-shift") : RH_SHIFT_PREVIOUS;
  g_autofree char *received_text = self->settings ? g_settings_get_string (self->settings, "received-date")
                                                  : g_strdup ("");
  GDate received;

  g_return_if_fail (RH_IS_START_PAGE (self));

  g_date_clear (&received, 1);
  if (*received_text != '\0' && !rh_date_parse (received_text, NULL, &received, NULL))
    g_date_clear (&received, 1);

  clear_rows (self);
  /* Without a rule the helpdesk is still worth showing: any rule will do. */
  today = rh_today_new (rh_calendar_get_default (), now, payday_day < 0 ? 1 : payday_day, shift,
                        g_date_valid (&received) ? &received : NULL, contact, &error);
  if (today == NULL)
    show_no_rule (self, error->message);
  else if (payday_day < 0)
    show_no_rule (self, _("Save your organisation’s payday once, and this page shows the next "
                          "deadlines every day."));
  else
    show_deadlines (self, today);
  show_helpdesk (self, today, contact);
}

/* Guided path ----------------------------------------------------------- */

static void show_guide_step (RhStartPage *self);

static void
choice_clicked_cb (GtkButton   *button,
                   RhStartPage *self)
{
  const RhGuideNode *node = NULL;
  guint index = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (self->guide_choices));
       w != NULL && node == NULL; w = gtk_widget_get_next_sibling (w), index++)
    if (w == GTK_WIDGET (button))
      node = rh_guide_node_get_choice (self->guide_step, index);
  if (node == NULL)
    return;

  if (rh_guide_node_get_n_choices (node) > 0)
    {
      self->guide_step = node;
      show_guide_step (self);
      gtk_widget_child_focus (GTK_WIDGET (self->guide_choices), GTK_DIR_TAB_FORWARD);
      return;
    }

  /* The end of the path: start over next time the page shows. */
  self->guide_step = rh_catalog_get_guide (self->catalog);
  show_guide_step (self);
  g_signal_emit (self, signals[ENTRY_ACTIVATED], 0,
                 rh_guide_node_get_entry_id (node), (int)rh_guide_node_get_role (node));
}

/* "_1 パソコンを変えた": a digit mnemonic, the label's own underscores kept. */
static GtkWidget *
choice_button_new (RhStartPage       *self,
                   const RhGuideNode *node,
                   guint              index)
{
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = g_strsplit (rh_guide_node_get_label (node), "_", -1);
  GtkWidget *button;
  GtkWidget *label;

  escaped = g_strjoinv ("__", parts);
  text = g_strdup_printf ("_%u  %s", index + 1, escaped);
  label = gtk_label_new_with_mnemonic (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), button);
  gtk_widget_set_name (button, "guide-choice");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rh_guide_node_get_label (node), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (choice_clicked_cb), self, 0);
  return button;
}

static void
show_guide_step (RhStartPage *self)
{
  const RhGuideNode *step = self->guide_step;
  g_autoptr(GString) trail = g_string_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->guide_choices))))
    gtk_box_remove (self->guide_choices, child);

  gtk_widget_set_visible (GTK_WIDGET (self->guide_group), step != NULL);
  if (step == NULL)
    return;

  /* The choices taken so far, so a clerk sees where they are. */
  for (const RhGuideNode *n = step; rh_guide_node_get_parent (n) != NULL; n = rh_guide_node_get_parent (n))
    {
      g_string_prepend (trail, rh_guide_node_get_label (n));
      g_string_prepend (trail, " › ");
    }
  adw_preferences_group_set_description (self->guide_group, trail->len > 0 ? trail->str + strlen (" › ") : NULL);
  gtk_label_set_text (self->guide_prompt, rh_guide_node_get_prompt (step) ? rh_guide_node_get_prompt (step) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->guide_prompt), rh_guide_node_get_prompt (step) != NULL);
  gtk_widget_set_sensitive (self->guide_back, rh_guide_node_get_parent (step) != NULL);

  for (guint i = 0; i < rh_guide_node_get_n_choices (step); i++)
    gtk_box_append (self->guide_choices,
                    choice_button_new (self, rh_guide_node_get_choice (step, i), i));
}

/**
 * rh_start_page_guide_back:
 *
 * One step back on the guided path.
 *
 * Returns: %FALSE at the first step (nothing to go back to)
 */
gboolean
rh_start_page_guide_back (RhStartPage *self)
{
  g_return_val_if_fail (RH_IS_START_PAGE (self), FALSE);

  if (self->guide_step == NULL || rh_guide_node_get_parent (self->guide_step) == NULL)
    return FALSE;
  self->guide_step = rh_guide_node_get_parent (self->guide_step);
  show_guide_step (self);
  gtk_widget_child_focus (GTK_WIDGET (self->guide_choices), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
guide_back_clicked_cb (RhStartPage *self)
{
  rh_start_page_guide_back (self);
}

/* Backspace, Alt+←: back on the path; at its start Alt+← is the window's. */
static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  return rh_start_page_guide_back (RH_START_PAGE (widget));
}

/* GObject --------------------------------------------------------------- */

static gboolean
refresh_timeout_cb (gpointer data)
{
  rh_start_page_refresh (data);
  return G_SOURCE_CONTINUE;
}

static void
settings_changed_cb (RhStartPage *self,
                     const char  *key)
{
  if (g_str_equal (key, "payday-day") || g_str_equal (key, "payday-shift") ||
      g_str_equal (key, "received-date"))
    rh_start_page_refresh (self);
}

static void
rh_start_page_dispose (GObject *object)
{
  RhStartPage *self = (RhStartPage *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), RH_TYPE_START_PAGE);
  g_clear_pointer (&self->deadline_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deadline_kinds, g_ptr_array_unref);
  self->guide_step = NULL;
  g_clear_object (&self->catalog);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (rh_start_page_parent_class)->dispose (object);
}

static void
rh_start_page_class_init (RhStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rh_start_page_dispose;

  /**
   * RhStartPage::entry-activated:
   * @entry_id: the entry the guided path ended on
   * @role: the RhRole to show it for (RH_ROLE_ANY: every role)
   */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/rh-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, helpdesk_row);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, helpdesk_status);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, guide_group);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, guide_back);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, guide_prompt);
  gtk_widget_class_bind_template_child (widget_class, RhStartPage, guide_choices);
  gtk_widget_class_bind_template_callback (widget_class, guide_back_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_BackSpace, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);
}

static void
rh_start_page_init (RhStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->deadline_rows = g_ptr_array_new ();
  self->deadline_kinds = g_ptr_array_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->guide_group), FALSE);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_timeout_cb, self);
  rh_start_page_refresh (self);
}

GtkWidget *
rh_start_page_new (void)
{
  return g_object_new (RH_TYPE_START_PAGE, NULL);
}

void
rh_start_page_set_catalog (RhStartPage *self,
                           RhCatalog   *catalog)
{
  g_return_if_fail (RH_IS_START_PAGE (self));
  g_return_if_fail (!catalog || RH_IS_CATALOG (catalog));

  /* The old catalog owns the old path's steps. */
  self->guide_step = catalog ? rh_catalog_get_guide (catalog) : NULL;
  g_set_object (&self->catalog, catalog);
  show_guide_step (self);
  rh_start_page_refresh (self);
}

void
rh_start_page_set_settings (RhStartPage *self,
                            GSettings   *settings)
{
  g_return_if_fail (RH_IS_START_PAGE (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rh_start_page_refresh (self);
}

/**
 * rh_start_page_set_now:
 * @now: (nullable): the moment to show the page for, or %NULL for the clock
 */
void
rh_start_page_set_now (RhStartPage *self,
                       GDateTime   *now)
{
  g_return_if_fail (RH_IS_START_PAGE (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now ? g_date_time_ref (now) : NULL;
  rh_start_page_refresh (self);
}

const RhGuideNode *
rh_start_page_get_guide_step (RhStartPage *self)
{
  g_return_val_if_fail (RH_IS_START_PAGE (self), NULL);
  return self->guide_step;
}
