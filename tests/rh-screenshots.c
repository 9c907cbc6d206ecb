/* rh-screenshots.c — puts the real window into the states shown in the
 * README and saves each as a PNG (run by build-aux/screenshots.sh)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-start-page.h"
#include "rh-window.h"
#include "rh-test-ui.h"

static const char *outdir;

static void
wait_frames (GtkWidget *widget)
{
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (widget);
      rh_test_flush ();
    }
}

static void
save (GtkWidget  *window,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (outdir, name, NULL);
  int width, height;

  wait_frames (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("%s (%d×%d)\n", path, width, height);
}

static void
resize (GtkWindow *window,
        int        width,
        int        height)
{
  gtk_window_unmaximize (window);
  gtk_window_set_default_size (window, width, height);
  wait_frames (GTK_WIDGET (window));
  g_print ("size %d %d\n", gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  wait_frames (GTK_WIDGET (window));
}

static void
type_query (RhWindow   *window,
            const char *query)
{
  GtkWidget *entry = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "search_entry");
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "sidebar_stack"));

  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  RH_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "tree") != 0 || *query == '\0');
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RhApplication) app = NULL;
  GSettings *settings;
  RhWindow *window;
  GtkWidget *dialog;
  GtkWidget *payday;

  rh_application_init_i18n ();
  if (argc != 2)
    {
      g_printerr ("usage: %s OUTPUT-DIR\n", argv[0]);
      return 2;
    }
  outdir = argv[1];
  g_mkdir_with_parents (outdir, 0755);

  if (!rh_test_ui_init ())
    {
      g_printerr ("no display\n");
      return 1;
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = rh_test_start_app ();
  settings = rh_application_get_settings (app);
  window = rh_test_get_window (app);
  resize (GTK_WINDOW (window), 1100, 760);

  /* Under ADW_DEBUG_HIGH_CONTRAST=1 (build-aux/screenshots.sh's second
   * run): the search, in high contrast, and nothing else. */
  if (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()))
    {
      type_query (window, "ぱそこん");
      rh_window_show_entry_id (window, "ib-pc-change");
      save (GTK_WIDGET (window), "main-high-contrast.png");
      gtk_window_close (GTK_WINDOW (window));
      return 0;
    }

  /* 1. A search: ぱそこん; the IB entry opened from the results. */
  type_query (window, "ぱそこん");
  {
    GtkWidget *results = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "results_view");
    GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (results)));

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (model, i);
        RhEntry *entry = NULL;

        g_object_get (item, "entry", &entry, NULL);
        if (entry != NULL && g_str_equal (rh_entry_get_id (entry), "ib-pc-change"))
          gtk_widget_activate_action (results, "list.activate-item", "u", i);
        g_clear_object (&entry);
      }
  }
  save (GTK_WIDGET (window), "main-search.png");

  /* 2. The PC-change entry for a general user, two steps ticked. */
  g_settings_set_string (settings, "role", "general");
  rh_window_show_entry_id (window, "ib-pc-change");
  wait_frames (GTK_WIDGET (window));
  {
    GtkWidget *view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");
    guint ticked = 0;

    for (GtkWidget *w = view; w != NULL && ticked < 2; )
      {
        if (GTK_IS_CHECK_BUTTON (w))
          {
            gtk_check_button_set_active (GTK_CHECK_BUTTON (w), TRUE);
            ticked++;
          }
        /* depth-first walk */
        if (gtk_widget_get_first_child (w))
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && w != view && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = (w == NULL || w == view) ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
  }
  save (GTK_WIDGET (window), "entry-role.png");

  /* 2b. The helpdesk card with its live status (at a fixed moment). */
  g_settings_set_string (settings, "role", "all");
  rh_window_show_entry_id (window, "ib-helpdesk");
  {
    GtkWidget *view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");
    g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
    g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2026, 12, 19, 10, 0, 0);

    rh_entry_view_set_now (RH_ENTRY_VIEW (view), now);
  }
  save (GTK_WIDGET (window), "helpdesk.png");

  /* 3. The calculator on the 財形 page with a payday. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", "zaikei");
  RH_TEST_WAIT_FOR ((dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG)) != NULL && gtk_widget_get_mapped (dialog));
  payday = rh_test_find_named (dialog, "zaikei-payday");
  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 17, 12, 2026);
    rh_deadline_dialog_set_today (RH_DEADLINE_DIALOG (dialog), &today);
  }
  gtk_editable_set_text (GTK_EDITABLE (payday), "2026/12/25");
  gtk_expander_set_expanded (GTK_EXPANDER (rh_test_find_named (dialog, "zaikei-expander")), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 800, 760);
  save (dialog, "calculator.png");

  rh_deadline_dialog_set_page (RH_DEADLINE_DIALOG (dialog), "schedule");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rh_test_find_named (dialog, "schedule-year")), 2026);
  save (dialog, "schedule.png");

  /* 3b. The schedule in a 360 px wide window. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
  save (dialog, "schedule-narrow.png");
  gtk_window_close (GTK_WINDOW (dialog));

  /* 3c. Larger text (Ctrl++ twice): every window, header bars included. */
  type_query (window, "ぱそこん");
  rh_window_show_entry_id (window, "ib-pc-change");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  save (GTK_WIDGET (window), "text-larger.png");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);

  /* 3d. Dark style. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save (GTK_WIDGET (window), "main-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  type_query (window, "");

  /* 5. The start page on 2026-12-17 (Thu) at 10:00 in Tokyo, payday 23,
   * request data received 12/10: the 財形 last day is today. Light, then dark. */
  {
    GtkWidget *page = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "start_page");
    g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
    g_autoptr(GDateTime) now = g_date_time_new (tokyo, 2026, 12, 17, 10, 0, 0);

    type_query (window, "");
    g_settings_set_int (settings, "payday-day", 23);
    g_settings_set_string (settings, "received-date", "2026-12-10");
    rh_start_page_set_now (RH_START_PAGE (page), now);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
    save (GTK_WIDGET (window), "start.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    save (GTK_WIDGET (window), "start-dark.png");
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
    save (GTK_WIDGET (window), "start-larger.png");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);

    /* The guided path two choices in: パソコンを変えた › 団体IB → the role. */
    g_signal_emit_by_name (rh_test_find_named (page, "guide-choice"), "clicked");
    g_signal_emit_by_name (rh_test_find_named (page, "guide-choice"), "clicked");
    save (GTK_WIDGET (window), "guide.png");
    rh_window_show_entry_id (window, "ib-helpdesk");
  }

  /* 4. The narrow layout: one pane, with a back button. */
  resize (GTK_WINDOW (window), 600, 720);   /* folds; the header shrinks */
  resize (GTK_WINDOW (window), 400, 720);
  save (GTK_WIDGET (window), "narrow.png");

  /* 4b. The start page in a 360 px wide window. */
  resize (GTK_WINDOW (window), 360, 720);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start", NULL);
  save (GTK_WIDGET (window), "start-narrow.png");

  gtk_window_close (GTK_WINDOW (window));
  return 0;
}
