/* test-window-ime.c — typing Japanese through a real input method
 *
 * Runs inside tests/ibus-session.sh: a private Xvfb, D-Bus session and
 * ibus-daemon with the Anthy engine, GTK_IM_MODULE=ibus. Keys are real X
 * key events (xdotool, XTest) sent to this process's window; what the box
 * and the date field hold is read in-process. Fails, never skips, when
 * the input method is not there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-deadline-dialog.h"
#include "rh-window.h"
#include "rh-test-ui.h"

#include <gdk/x11/gdkx.h>

static RhApplication *app;
static GtkWidget *start_focus;   /* where the keyboard is at start-up */
static char *preedit;            /* the search box's, as last shown */
static char *last_preedit;       /* the last non-empty one */

static GtkWidget *
child (RhWindow   *window,
       const char *name)
{
  return (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, name);
}

static const char *
search_text (RhWindow *window)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (window, "search_entry")));
}

static gboolean
in_search_box (RhWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, child (window, "search_entry"));
}

static void
xdotool_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *)data = TRUE;
}

/* Runs xdotool with @args (NULL-terminated) while the main loop keeps
 * running, so that the keys are handled as they come, as from a person. */
static void
xdotool (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer)"xdotool");
  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check_async (process, NULL, xdotool_done_cb, &done);
  RH_TEST_WAIT_FOR (done);
}

static guint preedit_changes;   /* preedit-changed emissions seen so far */

/* Types @keys as a person would (romaji), one key at a time: each key is
 * sent once the input method has shown the previous one in the preedit.
 * ibus 1.5.27 can reorder keys sent faster than a busy client handles them
 * (fixed in 1.5.29), and a person sees each key before typing the next. */
static void
type (const char *keys)
{
  for (const char *k = keys; *k != '\0'; k++)
    {
      char one[2] = { *k, '\0' };
      guint before = preedit_changes;

      xdotool ("type", one, NULL);
      RH_TEST_WAIT_FOR (preedit_changes > before);
    }
}

static void
key (const char *name)
{
  xdotool ("key", name, NULL);
}

static void
preedit_changed_cb (GtkText    *text,
                    const char *string,
                    gpointer    data)
{
  preedit_changes++;
  g_free (preedit);
  preedit = g_strdup (string);
  g_test_message ("preedit “%s”", string);
  if (string != NULL && *string != '\0')
    {
      g_free (last_preedit);
      last_preedit = g_strdup (string);
    }
}

static gboolean
composing (void)
{
  return preedit != NULL && *preedit != '\0';
}

static gboolean
has_ascii_letter (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isalpha (*s))
      return TRUE;
  return FALSE;
}

/* ibus creates a focused text's input context asynchronously: until it is
 * there, keys go past it (typed raw). Types "a" (after Ctrl+J, which puts
 * Anthy in hiragana mode, when @toggle) until it composes 「あ」, then
 * cancels it, so that the keys the test types next are the input method's. */
static void
wait_for_composing (GtkEditable *editable,
                    gboolean     toggle)
{
  for (guint attempt = 0; attempt < 20 && g_strcmp0 (preedit, "あ") != 0; attempt++)
    {
      gtk_editable_set_text (editable, "");
      if (toggle)
        key ("ctrl+j");
      xdotool ("type", "a", NULL);
      /* Latin mode, or no input context yet: "a" is typed, with no preedit. */
      RH_TEST_WAIT_FOR (g_strcmp0 (preedit, "あ") == 0 || *gtk_editable_get_text (editable) != '\0');
    }
  if (g_strcmp0 (preedit, "あ") != 0)
    g_error ("the input method did not compose (is ibus-gtk4 installed and "
             "GTK_IM_MODULE=ibus?): the text is “%s”", gtk_editable_get_text (editable));
  key ("Escape");
  RH_TEST_WAIT_FOR (!composing ());
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, "");
}

/* `pasokon` Space Enter: the box shows the conversion (composed in the box,
 * nothing typed raw) and the results for it; Enter only committed. */
static void
type_pasokon_and_check (RhWindow *window)
{
  g_clear_pointer (&last_preedit, g_free);

  type ("pasokon");
  /* (The last n waits for the next key to become ん.) */
  RH_TEST_WAIT_FOR (in_search_box (window) && g_strcmp0 (preedit, "ぱそこn") == 0);
  g_assert_cmpstr (search_text (window), ==, "");
  key ("space");
  RH_TEST_WAIT_FOR (composing () && !g_str_has_prefix (preedit, "ぱそこ"));
  key ("Return");
  RH_TEST_WAIT_FOR (!composing () && *search_text (window) != '\0');

  g_test_message ("committed: %s", search_text (window));
  g_assert_cmpstr (search_text (window), ==, last_preedit);
  g_assert_cmpstr (search_text (window), ==, "パソコン");
  g_assert_false (has_ascii_letter (search_text (window)));
  RH_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "sidebar_stack"))),
                               "results") == 0);
  g_assert_true (in_search_box (window));
}

static void
clear_search (RhWindow *window)
{
  g_signal_emit_by_name (child (window, "search_entry"), "stop-search");
  g_assert_cmpstr (search_text (window), ==, "");
}

/* Right after start-up, with the keyboard on the main menu button. */
static void
test_ime_from_start (void)
{
  RhWindow *window = rh_test_get_window (app);

  g_assert_nonnull (start_focus);
  gtk_widget_grab_focus (start_focus);
  g_assert_false (in_search_box (window));

  type_pasokon_and_check (window);
  /* Enter went to the input method: no entry was opened. */
  g_assert_null (rh_window_get_entry (window));
  clear_search (window);
}

/* From the category tree, where every key used to bypass the input method. */
static void
test_ime_from_tree (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *focus;

  g_assert_true (gtk_widget_child_focus (child (window, "tree_view"), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (window, "tree_view")));

  type_pasokon_and_check (window);
  clear_search (window);
}

/* Anthy's on/off key (Ctrl+J) pressed in the category tree reaches the
 * input method as if the box had been clicked first: with kana off, Ctrl+J
 * from the tree turns it on and `pasokon` converts in the box. (Before, the
 * key stayed with the tree and `pasokon` went in as Latin letters.) */
static void
test_ime_on_off_key_from_tree (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *focus;

  /* Kana off, in the box: "a" is typed as is, with no composing. */
  gtk_widget_grab_focus (child (window, "search_entry"));
  key ("ctrl+j");
  xdotool ("type", "a", NULL);   /* no preedit to wait for: Latin mode */
  RH_TEST_WAIT_FOR (*search_text (window) != '\0');
  g_assert_false (composing ());
  g_assert_cmpstr (search_text (window), ==, "a");
  clear_search (window);

  g_assert_true (gtk_widget_child_focus (child (window, "tree_view"), GTK_DIR_TAB_FORWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (gtk_widget_is_ancestor (focus, child (window, "tree_view")));

  key ("ctrl+j");
  RH_TEST_WAIT_FOR (in_search_box (window));
  type_pasokon_and_check (window);
  clear_search (window);
}

static gboolean
is_check_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_widget_get_visible (widget);
}

/* From a ticked step of an entry opened from a search: the new word
 * replaces the old query. */
static void
test_ime_from_step (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *check;

  gtk_editable_set_text (GTK_EDITABLE (child (window, "search_entry")), "でんわ");
  RH_TEST_WAIT_FOR (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "sidebar_stack"))),
                               "results") == 0);
  g_assert_true (rh_window_show_entry_id (window, "ib-pc-change"));
  rh_test_flush ();
  check = rh_test_find (child (window, "entry_view"), is_check_button, NULL);
  g_assert_nonnull (check);
  gtk_widget_grab_focus (check);
  key ("space");
  RH_TEST_WAIT_FOR (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == check);

  type_pasokon_and_check (window);
  /* The tick is kept. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  clear_search (window);
}

/* ↓ while converting belongs to the input method (next candidate), not to
 * the window (which would move to the results and lose the word). */
static void
test_ime_down_during_conversion (void)
{
  RhWindow *window = rh_test_get_window (app);
  g_autofree char *committed = NULL;

  gtk_widget_grab_focus (start_focus);
  g_clear_pointer (&last_preedit, g_free);
  type ("kikai");
  RH_TEST_WAIT_FOR (in_search_box (window) && g_strcmp0 (preedit, "きかい") == 0);
  key ("space");
  RH_TEST_WAIT_FOR (composing () && g_strcmp0 (preedit, "きかい") != 0);
  key ("Down");
  key ("Down");
  key ("Up");
  key ("Tab");
  RH_TEST_WAIT_FOR (composing ());
  g_assert_true (in_search_box (window));
  g_assert_cmpstr (search_text (window), ==, "");

  key ("Return");
  RH_TEST_WAIT_FOR (!composing () && *search_text (window) != '\0');
  g_test_message ("committed: %s", search_text (window));
  g_assert_cmpstr (search_text (window), ==, last_preedit);
  g_assert_false (has_ascii_letter (search_text (window)));
  g_assert_true (in_search_box (window));

  /* Escape while composing cancels the composition, not the search. */
  committed = g_strdup (search_text (window));
  type ("a");
  RH_TEST_WAIT_FOR (composing ());
  key ("Escape");
  RH_TEST_WAIT_FOR (!composing ());
  g_assert_cmpstr (search_text (window), ==, committed);
  clear_search (window);
}

/* Dates typed in kana mode: `12/25` becomes １２・２５ and is read. */
static void
test_ime_date_in_kana_mode (void)
{
  RhWindow *window = rh_test_get_window (app);
  GtkWidget *dialog;
  GtkWidget *payday;
  g_autofree char *xid = NULL;

  /* A refused date is a failure (for meson's should_fail), not a crash. */
  g_test_set_nonfatal_assertions ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.deadline", "s", "zaikei");
  dialog = rh_test_find_toplevel (RH_TYPE_DEADLINE_DIALOG);
  g_assert_nonnull (dialog);
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (dialog));
  xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (dialog))));
  xdotool ("windowfocus", xid, NULL);
  RH_TEST_WAIT_FOR (gtk_window_is_active (GTK_WINDOW (dialog)));

  payday = rh_test_find_named (dialog, "zaikei-payday");
  g_assert_nonnull (payday);
  RH_TEST_WAIT_FOR (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), payday));
  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (payday)), "preedit-changed",
                    G_CALLBACK (preedit_changed_cb), NULL);

  wait_for_composing (GTK_EDITABLE (payday), FALSE);
  type ("12/25");
  key ("Return");
  /* The text changes only when the input method commits. */
  RH_TEST_WAIT_FOR (*gtk_editable_get_text (GTK_EDITABLE (payday)) != '\0');
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (payday)), ==, "１２・２５");
  g_assert_false (gtk_widget_has_css_class (payday, "error"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (gtk_widget_get_ancestor (payday, GTK_TYPE_LIST_BOX_ROW))));

  gtk_editable_set_text (GTK_EDITABLE (payday), "");
  type ("2026-12-25");
  key ("Return");
  RH_TEST_WAIT_FOR (*gtk_editable_get_text (GTK_EDITABLE (payday)) != '\0');
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (payday)), ==, "２０２６ー１２ー２５");
  g_assert_false (gtk_widget_has_css_class (payday, "error"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The clerk's input method is in hiragana mode (Anthy starts in Latin
 * mode; Ctrl+J switches, in a focused text). */
static void
setup_input_method (RhWindow *window)
{
  GtkWidget *entry = child (window, "search_entry");
  GtkText *text = GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (entry)));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong)gdk_x11_surface_get_xid (surface));

  g_signal_connect (text, "preedit-changed", G_CALLBACK (preedit_changed_cb), NULL);

  /* No window manager: give the window the X keyboard focus. */
  xdotool ("windowfocus", xid, NULL);
  RH_TEST_WAIT_FOR (gtk_window_is_active (GTK_WINDOW (window)));

  gtk_widget_grab_focus (entry);
  wait_for_composing (GTK_EDITABLE (entry), TRUE);
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

int
main (int   argc,
      char *argv[])
{
  RhWindow *window;
  int ret;

  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (g_getenv ("GTK_IM_MODULE"), "ibus") != 0)
    g_error ("run me through tests/ibus-session.sh (GTK_IM_MODULE=ibus)");
  if (!rh_test_ui_init ())
    g_error ("no display: run me through tests/ibus-session.sh");

  app = rh_test_start_app ();

  window = rh_test_get_window (app);
  /* The keyboard starts in the search box; the main menu button is where
   * it was before, and where a clerk may have left it. */
  g_assert_true (in_search_box (window));
  start_focus = rh_test_find (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (start_focus);
  setup_input_method (window);

  /* The dates depend on the core date parser reading what kana mode
   * produces: run on their own (tests/meson.build says why). */
  if (g_getenv ("RH_TEST_IME_DATES") != NULL)
    {
      g_test_add_func ("/window-ime/date-in-kana-mode", test_ime_date_in_kana_mode);
    }
  else
    {
      g_test_add_func ("/window-ime/from-start", test_ime_from_start);
      g_test_add_func ("/window-ime/from-tree", test_ime_from_tree);
      g_test_add_func ("/window-ime/from-step", test_ime_from_step);
      g_test_add_func ("/window-ime/down-during-conversion", test_ime_down_during_conversion);
      g_test_add_func ("/window-ime/on-off-key-from-tree", test_ime_on_off_key_from_tree);
    }

  ret = g_test_run ();

  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);
  g_free (preedit);
  g_free (last_preedit);

  return ret;
}
