/* rh-entry-print.c — an entry printed as a checklist
 *
 * The text is laid out with Pango as plain text (never markup) and split
 * into pages by line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-entry-print"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-entry-print.h"

/* Room at the bottom of each page for "1 / 2". */
#define FOOTER_HEIGHT 24.0

typedef struct
{
  char        *text;
  char        *title;
  PangoLayout *layout;
  GArray      *page_starts;   /* first line index of each page */
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *pd = data;

  g_free (pd->text);
  g_free (pd->title);
  g_clear_object (&pd->layout);
  g_clear_pointer (&pd->page_starts, g_array_unref);
  g_free (pd);
}

static void
append_line (GString    *str,
             const char *prefix,
             const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  if (prefix != NULL)
    g_string_append (str, prefix);
  g_string_append (str, line);
  g_string_append_c (str, '\n');
}

/**
 * rh_entry_print_dup_checklist:
 * @role: blocks for the other role are left out, with a line saying so
 * @ticks: (nullable): the view showing @entry, whose ticked steps are
 *   printed ticked
 *
 * The entry as a printable checklist: the question, the service, then
 * each block; steps and the form's item to tick get a ☐ box (☑ for a step
 * already ticked on screen).
 *
 * Returns: (transfer full): the text
 */
char *
rh_entry_print_dup_checklist (RhEntry     *entry,
                              RhRole       role,
                              RhEntryView *ticks)
{
  GString *str;
  gboolean hidden = FALSE;

  g_return_val_if_fail (RH_IS_ENTRY (entry), NULL);

  str = g_string_new (NULL);
  append_line (str, NULL, rh_entry_get_question (entry));
  append_line (str, NULL, rh_entry_get_service_name (entry));
  g_string_append_c (str, '\n');

  for (guint i = 0; i < rh_entry_get_n_blocks (entry); i++)
    {
      const RhBlock *block = rh_entry_get_block (entry, i);

      if (!rh_role_visible (block->role, role))
        {
          hidden = TRUE;
          continue;
        }

      switch (block->type)
        {
        case RH_BLOCK_STEPS:
          for (guint k = 0; block->items && block->items[k]; k++)
            {
              gboolean ticked = ticks != NULL && rh_entry_view_get_entry (ticks) == entry &&
                                rh_entry_view_get_step_ticked (ticks, i, k);

              append_line (str, ticked ? "☑ " : "☐ ", block->items[k]);
            }
          break;

        case RH_BLOCK_LIST:
          for (guint k = 0; block->items && block->items[k]; k++)
            append_line (str, g_str_has_prefix (block->items[k], "・") ? NULL : "・", block->items[k]);
          break;

        case RH_BLOCK_FORM:
          append_line (str, NULL, block->text);
          if (block->form_name != NULL)
            {
              g_autofree char *name = g_strdup_printf (_("Form name: %s"), block->form_name);
              append_line (str, NULL, name);
            }
          if (block->form_url != NULL)
            {
              g_autofree char *url = g_strdup_printf (_("Get it at: %s"), block->form_url);
              append_line (str, NULL, url);
            }
          if (block->contact != NULL)
            {
              g_autofree char *to = g_strdup_printf (_("Send to: %s"), rh_contact_get_name (block->contact));
              append_line (str, NULL, to);
            }
          if (block->check != NULL)
            {
              g_autofree char *tick = g_strdup_printf (_("Tick: 「%s」"), block->check);
              append_line (str, "☐ ", tick);
            }
          append_line (str, NULL, block->check_text);
          break;

        case RH_BLOCK_CONTACT:
          append_line (str, NULL, block->text);
          if (block->contact != NULL)
            {
              const char * const *hours = rh_contact_get_hours_text (block->contact);
              const char *label = rh_contact_get_label (block->contact);

              append_line (str, NULL, label ? label : rh_contact_get_name (block->contact));
              append_line (str, NULL, rh_contact_get_phone (block->contact));
              for (guint k = 0; hours && hours[k]; k++)
                append_line (str, NULL, hours[k]);
            }
          break;

        case RH_BLOCK_DEADLINE:
          break;

        case RH_BLOCK_PARAGRAPH:
        case RH_BLOCK_HEADING:
        case RH_BLOCK_NOTE:
        case RH_BLOCK_UNANSWERED:
        default:
          append_line (str, NULL, block->text);
          break;
        }
    }

  if (hidden)
    {
      g_string_append_c (str, '\n');
      append_line (str, NULL, role == RH_ROLE_MASTER
                   ? _("Steps for general users are left out.")
                   : _("Steps for the master user are left out."));
    }

  return g_string_free (str, FALSE);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *pd)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 11");
  double page_height = gtk_print_context_get_height (context) - FOOTER_HEIGHT;
  double used = 0;
  int n_lines;

  g_clear_object (&pd->layout);
  pd->layout = gtk_print_context_create_pango_layout (context);
  pango_layout_set_font_description (pd->layout, font);
  pango_layout_set_width (pd->layout, (int)(gtk_print_context_get_width (context) * PANGO_SCALE));
  pango_layout_set_wrap (pd->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (pd->layout, pd->text, -1);

  g_clear_pointer (&pd->page_starts, g_array_unref);
  pd->page_starts = g_array_new (FALSE, FALSE, sizeof (int));
  n_lines = pango_layout_get_line_count (pd->layout);

  {
    int zero = 0;
    g_array_append_val (pd->page_starts, zero);
  }

  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (pd->layout, i);
      PangoRectangle logical;
      double h;

      pango_layout_line_get_extents (line, NULL, &logical);
      h = (double)logical.height / PANGO_SCALE;
      if (used + h > page_height && used > 0)
        {
          g_array_append_val (pd->page_starts, i);
          used = 0;
        }
      used += h;
    }

  gtk_print_operation_set_n_pages (operation, pd->page_starts->len);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintData         *pd)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  int first = g_array_index (pd->page_starts, int, page_nr);
  int last = (guint)page_nr + 1 < pd->page_starts->len
             ? g_array_index (pd->page_starts, int, page_nr + 1)
             : pango_layout_get_line_count (pd->layout);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);

  for (int i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (pd->layout, i);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, 0, y - (double)logical.y / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, line);
      y += (double)logical.height / PANGO_SCALE;
    }

  /* Footer: page N / M, centred */
  {
    g_autoptr(PangoLayout) footer = gtk_print_context_create_pango_layout (context);
    g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
    g_autofree char *text = g_strdup_printf ("%d / %u", page_nr + 1, pd->page_starts->len);
    int width, height;

    pango_layout_set_font_description (footer, font);
    pango_layout_set_text (footer, text, -1);
    pango_layout_get_pixel_size (footer, &width, &height);
    cairo_move_to (cr, (gtk_print_context_get_width (context) - width) / 2,
                   gtk_print_context_get_height (context) - height);
    pango_cairo_show_layout (cr, footer);
  }
}

/**
 * rh_entry_print_operation_new:
 *
 * Returns: (transfer full): a print operation for @entry as a checklist
 */
GtkPrintOperation *
rh_entry_print_operation_new (RhEntry     *entry,
                              RhRole       role,
                              RhEntryView *ticks)
{
  GtkPrintOperation *operation;
  PrintData *pd;

  g_return_val_if_fail (RH_IS_ENTRY (entry), NULL);

  pd = g_new0 (PrintData, 1);
  pd->text = rh_entry_print_dup_checklist (entry, role, ticks);
  pd->title = g_strdup (rh_entry_get_question (entry));

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, pd->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  g_object_set_data_full (G_OBJECT (operation), "rh-print-data", pd, print_data_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pd);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pd);

  return operation;
}
