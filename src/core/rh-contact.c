/* rh-contact.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rh-contact"

#include "config.h"

#include "rh-contact.h"

struct _RhContact
{
  GObject        parent_instance;
  char          *id;
  char          *name;
  char          *label;
  char          *phone;
  char         **hours_text;
  int            open_minute;
  int            close_minute;
  RhClosedDays   closed;
  guint          has_hours : 1;
};

G_DEFINE_FINAL_TYPE (RhContact, rh_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
rh_contact_finalize (GObject *object)
{
  RhContact *self = (RhContact *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->hours_text, g_strfreev);

  G_OBJECT_CLASS (rh_contact_parent_class)->finalize (object);
}

static void
rh_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  RhContact *self = RH_CONTACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rh_contact_class_init (RhContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rh_contact_finalize;
  object_class->get_property = rh_contact_get_property;

  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rh_contact_init (RhContact *self)
{
}

RhContact *
rh_contact_new (const char         *id,
                const char         *name,
                const char         *label,
                const char         *phone,
                const char * const *hours_text)
{
  RhContact *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (RH_TYPE_CONTACT, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name);
  self->label = g_strdup (label);
  self->phone = g_strdup (phone);
  self->hours_text = g_strdupv ((char **)hours_text);

  return self;
}

void
rh_contact_set_hours (RhContact    *self,
                      int           open_minute,
                      int           close_minute,
                      RhClosedDays  closed)
{
  g_return_if_fail (RH_IS_CONTACT (self));
  g_return_if_fail (open_minute >= 0 && open_minute < close_minute && close_minute <= 24 * 60);

  self->open_minute = open_minute;
  self->close_minute = close_minute;
  self->closed = closed;
  self->has_hours = TRUE;
}

const char *
rh_contact_get_id (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), NULL);
  return self->id;
}

const char *
rh_contact_get_name (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), NULL);
  return self->name;
}

const char *
rh_contact_get_label (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), NULL);
  return self->label;
}

const char *
rh_contact_get_phone (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), NULL);
  return self->phone;
}

const char * const *
rh_contact_get_hours_text (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), NULL);
  return (const char * const *)self->hours_text;
}

gboolean
rh_contact_has_hours (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), FALSE);
  return self->has_hours;
}

int
rh_contact_get_open_minute (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), 0);
  return self->open_minute;
}

int
rh_contact_get_close_minute (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), 0);
  return self->close_minute;
}

RhClosedDays
rh_contact_get_closed_days (RhContact *self)
{
  g_return_val_if_fail (RH_IS_CONTACT (self), 0);
  return self->closed;
}
