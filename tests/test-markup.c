/* test-markup.c — content text is shown as text, never as Pango markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rh-application.h"
#include "rh-window.h"
#include "rh-test-ui.h"

#define HOSTILE "<b>太字</b> & <span foreground='red'>赤</span> &amp; <i"

static const char content[] =
  "{\"schema\":1,\"revision\":\"2099-01-01\",\"title\":\"" HOSTILE "\","
  "\"services\":[{\"id\":\"s\",\"name\":\"" HOSTILE "\"}],"
  "\"contacts\":[{\"id\":\"c\",\"name\":\"" HOSTILE "\",\"label\":\"" HOSTILE "\","
  "\"phone\":\"" HOSTILE "\",\"hours_text\":[\"" HOSTILE "\"]}],"
  "\"categories\":[{\"id\":\"k\",\"title\":\"" HOSTILE "\"}],"
  "\"entries\":[{\"id\":\"e\",\"service\":\"s\",\"categories\":[\"k\"],\"question\":\"" HOSTILE "\","
  "\"blocks\":["
  "{\"type\":\"paragraph\",\"text\":\"" HOSTILE "\"},"
  "{\"type\":\"heading\",\"text\":\"" HOSTILE "\"},"
  "{\"type\":\"list\",\"items\":[\"" HOSTILE "\"]},"
  "{\"type\":\"steps\",\"role\":\"master\",\"items\":[\"" HOSTILE "\"]},"
  "{\"type\":\"note\",\"text\":\"" HOSTILE "\"},"
  "{\"type\":\"form\",\"text\":\"" HOSTILE "\",\"to\":\"c\",\"check\":\"" HOSTILE "\",\"check_text\":\"" HOSTILE "\"},"
  "{\"type\":\"contact\",\"contact\":\"c\",\"text\":\"" HOSTILE "\"},"
  "{\"type\":\"unanswered\",\"text\":\"" HOSTILE "\"}"
  "]}]}";

static void
count_labels (GtkWidget *widget,
              guint     *literal,
              guint     *interpreted)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (strstr (text, "<b>太字</b>") != NULL)
        (*literal)++;
      /* Markup interpreted would leave 太字 without its tags. */
      else if (strstr (text, "太字") != NULL)
        (*interpreted)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_labels (child, literal, interpreted);
}

static void
test_markup_not_interpreted (void)
{
  g_autoptr(RhApplication) app = rh_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GBytes) bytes = g_bytes_new_static (content, sizeof content - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RhCatalog) catalog = rh_catalog_new_from_bytes (bytes, "hostile.json", &error);
  RhWindow *window;
  GtkWidget *view;
  guint literal = 0, interpreted = 0;

  g_assert_no_error (error);
  rh_test_register_app (G_APPLICATION (app));
  rh_application_set_catalog (app, catalog);

  window = rh_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  RH_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_assert_true (rh_window_show_entry_id (window, "e"));
  rh_test_flush ();

  view = (GtkWidget *)gtk_widget_get_template_child (GTK_WIDGET (window), RH_TYPE_WINDOW, "entry_view");
  count_labels (view, &literal, &interpreted);

  g_assert_cmpuint (interpreted, ==, 0);
  /* question, service, paragraph, heading, list, step, note, form ×3, contact ×4, unanswered */
  g_assert_cmpuint (literal, >=, 12);

  gtk_window_destroy (GTK_WINDOW (window));
  g_application_quit (G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  rh_application_init_i18n ();
  g_test_init (&argc, &argv, NULL);

  if (!rh_test_ui_init ())
    return 77;

  g_test_add_func ("/markup/not-interpreted", test_markup_not_interpreted);

  return g_test_run ();
}
