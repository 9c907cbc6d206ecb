/* bench-typing.c — keystroke to results on screen, in the real window
 *
 * A real X key event (XTest) is sent to the window with the keyboard in the
 * empty search box; the time is taken from just before the event to the end
 * of the first frame painted with the results for the new query. Repeated
 * with a different letter each time; prints the median, p95 and worst.
 *
 *   xvfb-run -a -s '-screen 0 1280x800x24' env GSETTINGS_BACKEND=memory \
 *     GSETTINGS_SCHEMA_DIR=_build/data GDK_BACKEND=x11 GSK_RENDERER=cairo \
 *     GDK_DEBUG=gl-disable:default-settings ADW_DISABLE_PORTAL=1 \
 *     _build/bench/bench-typing [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <stdlib.h>

#include "rh-application.h"
#include "rh-window.h"
#include "rh-window-private.h"

static gboolean painted;     /* a frame with the new results was painted */
static gint64   painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                RhWindow      *window)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (window->search_entry));

  /* The results (or the no-results page) for what is in the box now. */
  if (!painted && *text != '\0' && g_strcmp0 (window->last_query, text) == 0 &&
      g_strcmp0 (gtk_stack_get_visible_child_name (window->sidebar_stack), "tree") != 0)
    {
      painted = TRUE;
      painted_at = g_get_monotonic_time ();
    }
}

static void
iterate_until (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100;
  g_autofree double *ms = g_new0 (double, MAX (n, 1));
  const char letters[] = "aiueokstnhmr";
  g_autoptr(RhApplication) app = NULL;
  GtkWindow *window;
  Display *dpy;
  GdkFrameClock *clock;
  GtkWidget *text;

  rh_application_init_i18n ();
  if (!gtk_init_check ())
    g_error ("no display");
  adw_init ();

  app = rh_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);

  dpy = gdk_x11_display_get_xdisplay (gtk_widget_get_display (GTK_WIDGET (window)));
  /* No window manager: give the window the X keyboard focus. */
  XSetInputFocus (dpy, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  while (!gtk_window_is_active (window))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
  text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (RH_WINDOW (window)->search_entry)));

  for (guint i = 0; i < n; i++)
    {
      char keyname[2] = { letters[i % (sizeof letters - 1)], '\0' };
      KeyCode code = XKeysymToKeycode (dpy, XStringToKeysym (keyname));
      gboolean settled = FALSE;
      gint64 start;

      /* An empty box with the keyboard, the tree shown, and quiet. */
      gtk_editable_set_text (GTK_EDITABLE (RH_WINDOW (window)->search_entry), "");
      gtk_widget_grab_focus (text);
      g_timeout_add (100, set_flag_cb, &settled);
      iterate_until (&settled);

      painted = FALSE;
      start = g_get_monotonic_time ();
      XTestFakeKeyEvent (dpy, code, True, CurrentTime);
      XTestFakeKeyEvent (dpy, code, False, CurrentTime);
      XFlush (dpy);
      iterate_until (&painted);
      ms[i] = (painted_at - start) / 1000.0;
    }

  qsort (ms, n, sizeof *ms, compare_doubles);
  g_print ("keystroke to results painted, %u keys: median %.1f ms, p95 %.1f ms, max %.1f ms\n",
           n, ms[n / 2], ms[MIN (n - 1, (n * 95) / 100)], ms[n - 1]);

  gtk_window_destroy (window);
  return 0;
}
