/* rh-window-keys.c — typing anywhere in the window searches, through the
 * input method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-window"

#include "config.h"

#include "rh-window-private.h"

/* Keys that only make sense to an input method (switching kana/Latin,
 * converting): pressed anywhere, they go to the search box's. */
static gboolean
is_input_method_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Zenkaku_Hankaku:
    case GDK_KEY_Zenkaku:
    case GDK_KEY_Hankaku:
    case GDK_KEY_Kanji:
    case GDK_KEY_Henkan:
    case GDK_KEY_Muhenkan:
    case GDK_KEY_Hiragana_Katakana:
    case GDK_KEY_Hiragana:
    case GDK_KEY_Katakana:
    case GDK_KEY_Romaji:
    case GDK_KEY_Eisu_toggle:
    case GDK_KEY_Kana_Lock:
    case GDK_KEY_Kana_Shift:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A key that types text (or switches the input method) with no Ctrl, Alt
 * or Super: one that belongs to the search box. Space is not one: it
 * ticks a step or presses a button. */
static gboolean
is_typing_key (guint           keyval,
               GdkModifierType state)
{
  gunichar c;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;
  if (is_input_method_key (keyval))
    return TRUE;
  c = gdk_keyval_to_unicode (keyval);

  return c != 0 && g_unichar_isgraph (c);
}

static void
preedit_changed_cb (RhWindow   *self,
                    const char *preedit,
                    GtkText    *text)
{
  self->search_preedit = preedit != NULL && *preedit != '\0';
}

/* Typing anywhere in the window starts a search, exactly as if the box had
 * been clicked first: the box takes the focus *before* the key is handled,
 * so that its input-method context (which only sees keys when focused) gets
 * this key and the next ones — preedit, conversion and commit happen in the
 * box, and only committed text searches. (GtkSearchEntry's key capture
 * forwards keys to an unfocused box, past the input method.)
 * Reading an entry, the key starts a new search (it replaces the old
 * query); in the results it narrows the query. */
static gboolean
type_into_search (RhWindow              *self,
                  GtkEventControllerKey *controller,
                  gboolean               in_sidebar)
{
  GtkEditable *editable = GTK_EDITABLE (self->search_entry);
  GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (editable));
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  /* Folded on the entry: the box is on the other page. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);

  /* The old query goes at once rather than being selected for the key to
   * replace: GtkText deletes a selection when composing starts, which
   * resets the input method and drops the first key (ibus: "p", "a" gave
   * あ instead of ぱ). */
  if (!in_sidebar)
    gtk_editable_set_text (editable, "");
  gtk_text_grab_focus_without_selecting (GTK_TEXT (text));
  gtk_editable_set_position (editable, -1);

  /* The focused text's own controllers, input method first, handle the
   * key now (the event was already on its way to the old focus). */
  if (event == NULL)
    return GDK_EVENT_PROPAGATE;

  return gtk_event_controller_key_forward (controller, text);
}

static gboolean
search_key_pressed_cb (RhWindow              *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  const char *visible = gtk_stack_get_visible_child_name (self->sidebar_stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean in_box = focus != NULL &&
                    (focus == GTK_WIDGET (self->search_entry) ||
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)));
  gboolean in_sidebar = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_stack));
  /* Menus and popovers keep their own Escape and typing. */
  gboolean in_popover = focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL;
  gboolean in_text = focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus));

  /* While the input method composes (preedit shown in the box), every key
   * is its own: ↓ and ↑ pick a candidate, Enter commits, Escape cancels,
   * Tab and Space convert. */
  if (in_box && self->search_preedit)
    return GDK_EVENT_PROPAGATE;

  /* Escape in the results (or the no-results page), or anywhere in the
   * entry shown, clears the search too, and goes back to the box. */
  if (keyval == GDK_KEY_Escape && !in_box && !in_popover &&
      ((in_sidebar && g_strcmp0 (visible, "tree") != 0) ||
       (!in_sidebar && *query != '\0')))
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
      g_signal_emit_by_name (self->search_entry, "stop-search");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return GDK_EVENT_STOP;
    }

  if (!in_box && !in_popover && !in_text && is_typing_key (keyval, state))
    return type_into_search (self, controller, in_sidebar);

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  /* ↓ only from the search box, or from nowhere with a query typed. */
  if (focus != NULL && !in_box)
    return GDK_EVENT_PROPAGATE;
  if (focus == NULL && *query == '\0')
    return GDK_EVENT_PROPAGATE;

  if (g_strcmp0 (visible, "results") == 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->results_view), GTK_DIR_TAB_FORWARD);
  if (g_strcmp0 (visible, "no-results") == 0)
    return gtk_widget_child_focus (gtk_stack_get_visible_child (self->sidebar_stack), GTK_DIR_TAB_FORWARD);
  if (g_strcmp0 (visible, "tree") == 0)
    return gtk_widget_child_focus (GTK_WIDGET (self->tree_view), GTK_DIR_TAB_FORWARD);

  return GDK_EVENT_PROPAGATE;
}

/* A Ctrl key that types nothing and that nothing in the window used (it
 * came back up to the window unhandled), pressed outside any text field:
 * the search box's, as if it had been clicked first. Input methods use such
 * keys (Anthy's Ctrl+J switches kana on and off), and only the focused box's
 * input-method context sees keys. Keys the window or a widget uses (Ctrl+F,
 * Ctrl+P, Ctrl++, a list's Ctrl+arrows) were handled before they get here. */
static gboolean
unhandled_key_pressed_cb (RhWindow              *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gunichar c = gdk_keyval_to_unicode (keyval);

  if ((state & GDK_CONTROL_MASK) == 0 ||
      (state & (GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (c == 0 || !(g_unichar_isgraph (c) || c == ' '))
    return GDK_EVENT_PROPAGATE;
  if (focus != NULL &&
      (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)) ||
       gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL))
    return GDK_EVENT_PROPAGATE;

  return type_into_search (self, controller,
                           focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar_stack)));
}

void
rh_window_init_search_keys (RhWindow *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (self->search_entry));

  g_object_set_data (G_OBJECT (controller), "rh-search-keys", GINT_TO_POINTER (TRUE));
  /* On the window, before everything: the text would take ↓ to move its
   * cursor, and a focused button would take the first typed key. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  /* Last, once everything else had its chance at the key. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_BUBBLE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (unhandled_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (text, "preedit-changed",
                           G_CALLBACK (preedit_changed_cb), self, G_CONNECT_SWAPPED);

  /* The keyboard starts in the search box: what is typed first, input
   * method keys included (Anthy's Ctrl+J to hiragana), is the box's. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (text));
}
