/* rh-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rh-contact.h"

G_BEGIN_DECLS

typedef enum
{
  RH_ROLE_ANY = 0,
  RH_ROLE_MASTER,
  RH_ROLE_GENERAL,
} RhRole;

typedef enum
{
  RH_BLOCK_PARAGRAPH,
  RH_BLOCK_HEADING,
  RH_BLOCK_LIST,
  RH_BLOCK_STEPS,
  RH_BLOCK_NOTE,
  RH_BLOCK_FORM,
  RH_BLOCK_CONTACT,
  RH_BLOCK_DEADLINE,
  RH_BLOCK_UNANSWERED,
} RhBlockType;

/* One typed block of an answer. Owned by its RhEntry; read-only. */
typedef struct
{
  RhBlockType   type;
  RhRole        role;
  char         *text;        /* paragraph, heading, note, form, contact (optional), unanswered */
  char        **items;       /* list, steps; NULL otherwise */
  RhContact    *contact;     /* contact, form ("to"); NULL otherwise */
  char         *check;       /* form: the item to tick, or NULL */
  char         *check_text;  /* form: the ※ line saying so, or NULL */
  char         *form_name;   /* form: its name, when the content gives it, or NULL */
  char         *form_url;    /* form: an https:// address to get it, or NULL */
  char         *kind;        /* deadline: "zaikei", "nyukin" or "meisai" */
} RhBlock;

#define RH_TYPE_ENTRY (rh_entry_get_type ())

G_DECLARE_FINAL_TYPE (RhEntry, rh_entry, RH, ENTRY, GObject)

const char         *rh_entry_get_id            (RhEntry     *self);
const char         *rh_entry_get_question      (RhEntry     *self);
const char         *rh_entry_get_service_id    (RhEntry     *self);
const char         *rh_entry_get_service_name  (RhEntry     *self);
const char * const *rh_entry_get_keywords      (RhEntry     *self);
const char * const *rh_entry_get_category_ids  (RhEntry     *self);
guint               rh_entry_get_n_blocks      (RhEntry     *self);
const RhBlock      *rh_entry_get_block         (RhEntry     *self,
                                                guint        index);
gboolean            rh_entry_has_role_steps    (RhEntry     *self);
gboolean            rh_entry_is_answered       (RhEntry     *self);
const char         *rh_entry_get_deadline_kind (RhEntry     *self);
char               *rh_entry_dup_body_text     (RhEntry     *self);
char               *rh_entry_dup_text          (RhEntry     *self,
                                                RhRole       role);

const char         *rh_role_to_string          (RhRole       role);
gboolean            rh_role_from_string        (const char  *str,
                                                RhRole      *role);
gboolean            rh_role_visible            (RhRole       block_role,
                                                RhRole       filter);

G_END_DECLS
