/* rh-entry-view.c — the selected entry, rendered from its typed blocks
 *
 * Content text is always set as plain text, never as Pango markup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-entry-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rh-entry-view.h"
#include "rh-tooltip.h"

struct _RhEntryView
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  RhEntry    *entry;
  char       *location;
  RhRole      role;

  /* Steps ticked this session, "entry-id/block/item/text": kept when the role
   * filter rebuilds the view, or the clerk goes back to the entry. */
  GHashTable *ticked;

  /* Helpdesk status labels in the contact cards (children of box). */
  GPtrArray  *status_labels;
  guint       status_timeout_id;
  GDateTime  *now;   /* for tests; NULL: the clock */
};

#define STATUS_REFRESH_SECONDS 30

G_DEFINE_FINAL_TYPE (RhEntryView, rh_entry_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable with the mouse, but not a Tab stop: the keyboard goes from
   * step to step (the whole entry is copied with Ctrl+Shift+C). */
  gtk_widget_set_focusable (label, FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static const char *
role_name (RhRole role)
{
  switch (role)
    {
    case RH_ROLE_MASTER:
      return _("Master user");
    case RH_ROLE_GENERAL:
      return _("General user");
    case RH_ROLE_ANY:
    default:
      return _("All users");
    }
}

/* The step's text too: after a content update a changed step starts
 * unticked. */
static char *
step_key (RhEntry *entry,
          guint    block,
          guint    item)
{
  return g_strdup_printf ("%s/%u/%u/%s", rh_entry_get_id (entry), block, item,
                          rh_entry_get_block (entry, block)->items[item]);
}

static void
step_toggled_cb (GtkCheckButton *check,
                 RhEntryView    *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "rh-step-key");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->ticked, g_strdup (key));
  else
    g_hash_table_remove (self->ticked, key);
}

static GtkWidget *
build_steps (RhEntryView   *self,
             const RhBlock *block,
             guint          block_index)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "rh-steps");

  for (guint i = 0; block->items[i]; i++)
    {
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = text_label (block->items[i], NULL);
      char *key = step_key (self->entry, block_index, i);

      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->ticked, key));
      g_object_set_data_full (G_OBJECT (check), "rh-step-key", key, g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (step_toggled_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, block->items[i],
                                      -1);
      gtk_box_append (GTK_BOX (box), check);
    }

  return box;
}

static GtkWidget *
build_list (const RhBlock *block)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  for (guint i = 0; block->items[i]; i++)
    {
      const char *item = block->items[i];
      g_autofree char *text = NULL;

      /* Items that carry their own bullet keep it; others get one. */
      if (g_str_has_prefix (item, "・"))
        text = g_strdup (item);
      else
        text = g_strconcat ("・", item, NULL);

      gtk_box_append (GTK_BOX (box), text_label (text, NULL));
    }

  return box;
}

static GtkWidget *
card_box (const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, css_class);

  return box;
}

static GtkWidget *
build_form (const RhBlock *block)
{
  GtkWidget *card = card_box ("rh-form");
  g_autofree char *to = NULL;

  to = g_strdup_printf (_("Send to: %s"), rh_contact_get_name (block->contact));
  gtk_box_append (GTK_BOX (card), text_label (_("Form"), "heading"));
  gtk_box_append (GTK_BOX (card), text_label (block->text, NULL));

  /* Which form, and where to get it: from the content when it says so
   * (the source's link is not in it); else plainly from whom. */
  if (block->form_name != NULL)
    {
      g_autofree char *name = g_strdup_printf (_("Form name: %s"), block->form_name);
      gtk_box_append (GTK_BOX (card), text_label (name, "rh-form-name"));
    }
  if (block->form_url != NULL)
    {
      /* Shown to copy, never opened by the app. */
      g_autofree char *url = g_strdup_printf (_("Get it at: %s"), block->form_url);
      gtk_box_append (GTK_BOX (card), text_label (url, "rh-form-url"));
    }
  else
    {
      g_autofree char *from = g_strdup_printf (_("Get this form from %s."), rh_contact_get_name (block->contact));
      gtk_box_append (GTK_BOX (card), text_label (from, "rh-form-source"));
    }
  gtk_box_append (GTK_BOX (card), text_label (to, "dim-label"));

  if (block->check != NULL)
    {
      g_autofree char *tick = g_strdup_printf (_("Tick: 「%s」"), block->check);
      gtk_box_append (GTK_BOX (card), text_label (tick, "rh-form-check"));
    }

  if (block->check_text != NULL)
    gtk_box_append (GTK_BOX (card), text_label (block->check_text, "rh-note"));

  return card;
}

/* 9:00, 18:00 */
static char *
clock_text (GDateTime *dt)
{
  return g_strdup_printf ("%d:%02d", g_date_time_get_hour (dt), g_date_time_get_minute (dt));
}

/* 受付中 / 受付時間外 with the next opening, from the core's hours rules. */
static void
update_status_label (RhEntryView *self,
                     GtkWidget   *label)
{
  RhContact *contact = g_object_get_data (G_OBJECT (label), "rh-contact");
  RhCalendar *calendar = rh_calendar_get_default ();
  g_autoptr(GDateTime) now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  g_autofree char *text = NULL;
  gboolean open = rh_hours_is_open (contact, calendar, now);

  if (open)
    {
      g_autoptr(GDateTime) closing = rh_hours_dup_closing_today (contact, calendar, now);
      g_autofree char *time = closing ? clock_text (closing) : g_strdup ("");

      text = g_strdup_printf (_("Open now — until %s today"), time);
    }
  else
    {
      g_autoptr(GDateTime) next = rh_hours_dup_next_opening (contact, calendar, now);

      if (next != NULL)
        {
          g_autofree char *time = clock_text (next);
          g_autofree char *day = NULL;
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, g_date_time_get_day_of_month (next),
                          g_date_time_get_month (next), g_date_time_get_year (next));
          day = rh_date_format_human (&date);
          text = g_strdup_printf (_("Closed now — opens %s at %s"), day, time);
        }
      else
        text = g_strdup (_("Closed now"));
    }

  gtk_label_set_text (GTK_LABEL (label), text);
  if (open)
    {
      gtk_widget_add_css_class (label, "open");
      gtk_widget_remove_css_class (label, "closed");
    }
  else
    {
      gtk_widget_add_css_class (label, "closed");
      gtk_widget_remove_css_class (label, "open");
    }
}

static void
update_status (RhEntryView *self)
{
  for (guint i = 0; i < self->status_labels->len; i++)
    update_status_label (self, g_ptr_array_index (self->status_labels, i));
}

static gboolean
status_timeout_cb (gpointer data)
{
  update_status (data);
  return G_SOURCE_CONTINUE;
}

/* Refresh while shown: a timer only when mapped and a status is on screen. */
static void
update_status_timer (RhEntryView *self)
{
  gboolean wanted = gtk_widget_get_mapped (GTK_WIDGET (self)) && self->status_labels->len > 0;

  if (wanted && self->status_timeout_id == 0)
    self->status_timeout_id = g_timeout_add_seconds (STATUS_REFRESH_SECONDS, status_timeout_cb, self);
  else if (!wanted)
    g_clear_handle_id (&self->status_timeout_id, g_source_remove);
}

static GtkWidget *
build_contact (RhEntryView   *self,
               const RhBlock *block)
{
  RhContact *contact = block->contact;
  GtkWidget *card = card_box ("rh-contact");
  const char * const *hours = rh_contact_get_hours_text (contact);
  const char *label = rh_contact_get_label (contact);

  if (block->text != NULL)
    gtk_box_append (GTK_BOX (card), text_label (block->text, NULL));

  if (rh_contact_get_phone (contact) == NULL && !rh_contact_has_hours (contact))
    {
      /* A bare name (お取引店) alone in a card read like something missing. */
      g_autofree char *whom = g_strdup_printf (_("Contact: %s"), label ? label : rh_contact_get_name (contact));
      gtk_box_append (GTK_BOX (card), text_label (whom, "heading"));
    }
  else
    gtk_box_append (GTK_BOX (card),
                    text_label (label ? label : rh_contact_get_name (contact), "heading"));

  if (rh_contact_get_phone (contact) != NULL)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

      gtk_box_append (GTK_BOX (row), text_label (rh_contact_get_phone (contact), "title-3"));
      gtk_widget_add_css_class (copy, "flat");
      gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
      rh_tooltip_set (copy, _("Copy the phone number"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (copy),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the phone number"),
                                      -1);
      /* The window copies it and says so. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "win.copy-phone");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (copy), "s", rh_contact_get_phone (contact));
      gtk_box_append (GTK_BOX (row), copy);
      gtk_box_append (GTK_BOX (card), row);
    }

  for (guint i = 0; hours && hours[i]; i++)
    gtk_box_append (GTK_BOX (card), text_label (hours[i], NULL));

  if (rh_contact_has_hours (contact))
    {
      GtkWidget *status = text_label ("", "rh-helpdesk-status");

      gtk_widget_set_name (status, "helpdesk-status");
      g_object_set_data_full (G_OBJECT (status), "rh-contact", g_object_ref (contact), g_object_unref);
      gtk_box_append (GTK_BOX (card), status);
      g_ptr_array_add (self->status_labels, status);
      update_status_label (self, status);
    }

  return card;
}

static GtkWidget *
build_block (RhEntryView   *self,
             const RhBlock *block,
             guint          block_index)
{
  switch (block->type)
    {
    case RH_BLOCK_PARAGRAPH:
      return text_label (block->text, NULL);

    case RH_BLOCK_HEADING:
      return text_label (block->text, "heading");

    case RH_BLOCK_NOTE:
      return text_label (block->text, "rh-note");

    case RH_BLOCK_LIST:
      return build_list (block);

    case RH_BLOCK_STEPS:
      return build_steps (self, block, block_index);

    case RH_BLOCK_FORM:
      return build_form (block);

    case RH_BLOCK_CONTACT:
      return build_contact (self, block);

    case RH_BLOCK_UNANSWERED:
      {
        GtkWidget *card = card_box ("rh-unanswered");
        gtk_box_append (GTK_BOX (card), text_label (_("No answer in the source"), "heading"));
        gtk_box_append (GTK_BOX (card), text_label (block->text, NULL));
        return card;
      }

    case RH_BLOCK_DEADLINE:
      {
        GtkWidget *button = gtk_button_new_with_label (_("Calculate the deadline…"));
        gtk_widget_set_halign (button, GTK_ALIGN_START);
        gtk_widget_add_css_class (button, "pill");
        gtk_widget_add_css_class (button, "suggested-action");
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.deadline");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", block->kind);
        return button;
      }

    default:
      return NULL;
    }
}

static void
clear_box (RhEntryView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  /* Move the focus out before its widget goes away: GTK 4.8's viewport
   * otherwise scrolls to a focus child that is no longer there. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->box))
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (self->box)))
    gtk_box_remove (GTK_BOX (self->box), child);
}

static void
rebuild (RhEntryView *self)
{
  gboolean hidden_note_shown = FALSE;

  g_ptr_array_set_size (self->status_labels, 0);
  clear_box (self);
  update_status_timer (self);

  if (self->entry == NULL)
    return;

  gtk_box_append (GTK_BOX (self->box),
                  text_label (rh_entry_get_question (self->entry), "title-2"));
  gtk_box_append (GTK_BOX (self->box),
                  text_label (rh_entry_get_service_name (self->entry), "dim-label"));
  if (self->location != NULL)
    gtk_box_append (GTK_BOX (self->box), text_label (self->location, "caption"));

  for (guint i = 0; i < rh_entry_get_n_blocks (self->entry); i++)
    {
      const RhBlock *block = rh_entry_get_block (self->entry, i);
      GtkWidget *widget;

      if (!rh_role_visible (block->role, self->role))
        {
          if (!hidden_note_shown)
            {
              g_autofree char *msg = NULL;
              RhRole other = self->role == RH_ROLE_MASTER ? RH_ROLE_GENERAL : RH_ROLE_MASTER;

              msg = g_strdup_printf (_("Steps for “%s” are hidden by the role filter."),
                                     role_name (other));
              widget = text_label (msg, "rh-hidden-note");
              gtk_widget_add_css_class (widget, "dim-label");
              gtk_box_append (GTK_BOX (self->box), widget);
              hidden_note_shown = TRUE;
            }
          continue;
        }

      if ((widget = build_block (self, block, i)))
        {
          if (block->role != RH_ROLE_ANY)
            gtk_widget_add_css_class (widget, "rh-role-block");
          gtk_box_append (GTK_BOX (self->box), widget);
        }
    }

  update_status_timer (self);
}

static void
rh_entry_view_map (GtkWidget *widget)
{
  RhEntryView *self = RH_ENTRY_VIEW (widget);

  GTK_WIDGET_CLASS (rh_entry_view_parent_class)->map (widget);
  update_status (self);
  update_status_timer (self);
}

static void
rh_entry_view_unmap (GtkWidget *widget)
{
  RhEntryView *self = RH_ENTRY_VIEW (widget);

  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  GTK_WIDGET_CLASS (rh_entry_view_parent_class)->unmap (widget);
}

static void
rh_entry_view_dispose (GObject *object)
{
  RhEntryView *self = (RhEntryView *)object;

  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  if (self->status_labels != NULL)
    g_ptr_array_set_size (self->status_labels, 0);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->status_labels, g_ptr_array_unref);
  g_clear_pointer (&self->ticked, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->location, g_free);

  G_OBJECT_CLASS (rh_entry_view_parent_class)->dispose (object);
}

static void
rh_entry_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RhEntryView *self = RH_ENTRY_VIEW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    case PROP_ROLE:
      g_value_set_int (value, self->role);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_entry_view_class_init (RhEntryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rh_entry_view_dispose;
  widget_class->map = rh_entry_view_map;
  widget_class->unmap = rh_entry_view_unmap;
  object_class->get_property = rh_entry_view_get_property;

  properties [PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL, RH_TYPE_ENTRY,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_ROLE] =
    g_param_spec_int ("role", NULL, NULL, RH_ROLE_ANY, RH_ROLE_GENERAL, RH_ROLE_ANY,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rh-entry-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rh_entry_view_init (RhEntryView *self)
{
  self->status_labels = g_ptr_array_new ();
  self->ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (self->box, 24);
  gtk_widget_set_margin_end (self->box, 24);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
}

GtkWidget *
rh_entry_view_new (void)
{
  return g_object_new (RH_TYPE_ENTRY_VIEW, NULL);
}

RhEntry *
rh_entry_view_get_entry (RhEntryView *self)
{
  g_return_val_if_fail (RH_IS_ENTRY_VIEW (self), NULL);
  return self->entry;
}

void
rh_entry_view_set_entry (RhEntryView *self,
                         RhEntry     *entry,
                         const char  *location)
{
  g_return_if_fail (RH_IS_ENTRY_VIEW (self));
  g_return_if_fail (!entry || RH_IS_ENTRY (entry));

  g_free (self->location);
  self->location = g_strdup (location);

  g_set_object (&self->entry, entry);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ENTRY]);
}

RhRole
rh_entry_view_get_role (RhEntryView *self)
{
  g_return_val_if_fail (RH_IS_ENTRY_VIEW (self), RH_ROLE_ANY);
  return self->role;
}

void
rh_entry_view_set_role (RhEntryView *self,
                        RhRole       role)
{
  g_return_if_fail (RH_IS_ENTRY_VIEW (self));

  if (self->role == role)
    return;

  self->role = role;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ROLE]);
}

/**
 * rh_entry_view_set_now:
 * @now: (nullable): the moment the helpdesk status is judged at, or %NULL
 *   for the clock
 */
void
rh_entry_view_set_now (RhEntryView *self,
                       GDateTime   *now)
{
  g_return_if_fail (RH_IS_ENTRY_VIEW (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  if (now != NULL)
    self->now = g_date_time_ref (now);
  update_status (self);
}

/**
 * rh_entry_view_get_step_ticked:
 * @block: index of a steps block of the entry shown
 * @item: index of a step in it
 *
 * Returns: whether the clerk ticked that step (this session)
 */
gboolean
rh_entry_view_get_step_ticked (RhEntryView *self,
                               guint        block,
                               guint        item)
{
  const RhBlock *b;
  g_autofree char *key = NULL;

  g_return_val_if_fail (RH_IS_ENTRY_VIEW (self), FALSE);

  if (self->entry == NULL || block >= rh_entry_get_n_blocks (self->entry))
    return FALSE;
  b = rh_entry_get_block (self->entry, block);
  if (b->type != RH_BLOCK_STEPS || b->items == NULL || item >= g_strv_length (b->items))
    return FALSE;

  key = step_key (self->entry, block, item);
  return g_hash_table_contains (self->ticked, key);
}
