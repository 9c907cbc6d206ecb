/* rh-window-private.h — what rh-window.c, rh-window-actions.c and rh-window-keys.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rh-deadline-dialog.h"
#include "rh-window.h"
#include "rh-start-page.h"

G_BEGIN_DECLS

#define TEXT_SCALE_MIN   0.6
#define TEXT_SCALE_MAX   2.0
#define TEXT_SCALE_STEP  0.1

struct _RhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwLeaflet           *leaflet;
  GtkListView          *tree_view;
  GtkStack             *content_stack;
  RhEntryView          *entry_view;
  RhStartPage          *start_page;
  AdwWindowTitle       *content_title;
  GtkScrolledWindow    *content_scroller;
  AdwToastOverlay      *toast_overlay;

  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *results_view;
  GtkListBox           *suggestions_box;
  GtkWidget            *helpdesk_button;
  GtkMenuButton        *role_button;
  GtkWidget            *print_button;
  GtkWidget            *history_back_button;
  GtkWidget            *history_forward_button;
  GtkWidget            *deadline_button;

  RhCatalog            *catalog;
  RhSearchIndex        *search_index;
  GtkTreeListModel     *tree_model;
  GtkSingleSelection   *tree_selection;
  GListStore           *results;          /* of RhResultItem */
  char                 *last_query;       /* what the results are for */
  GtkSingleSelection   *results_selection;
  GSettings            *settings;
  GtkCssProvider       *css_provider;
  RhDeadlineDialog     *deadline_dialog;  /* weak */
  gboolean              search_preedit;   /* the input method is composing */

  /* Entry ids, most recent last. */
  GPtrArray            *history_back;
  GPtrArray            *history_forward;
};

void rh_window_show_entry_full        (RhWindow       *self,
                                      RhEntry        *entry,
                                      gboolean        record);
void rh_window_update_history_actions (RhWindow       *self);
void rh_window_show_start             (RhWindow       *self);
void rh_window_history_push           (GPtrArray      *stack,
                                      const char     *id);
void rh_window_change_text_scale      (RhWindow       *self,
                                      double          delta);
void rh_window_class_install_actions  (GtkWidgetClass *widget_class);
void rh_window_init_search_keys       (RhWindow       *self);
/* A short toast that what was asked was done; @title is markup. */
void rh_window_add_feedback           (RhWindow       *self,
                                      const char     *title);

G_END_DECLS
