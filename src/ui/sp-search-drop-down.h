/* sp-search-drop-down.h: a drop-down whose list is searched anywhere inside its names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_SEARCH_DROP_DOWN (sp_search_drop_down_get_type ())
G_DECLARE_FINAL_TYPE (SpSearchDropDown, sp_search_drop_down, SP, SEARCH_DROP_DOWN, GtkWidget)

GtkWidget  *sp_search_drop_down_new              (void);
void        sp_search_drop_down_set_model        (SpSearchDropDown *self,
                                                  GListModel       *model);
GListModel *sp_search_drop_down_get_model        (SpSearchDropDown *self);
void        sp_search_drop_down_set_selected     (SpSearchDropDown *self,
                                                  guint             position);
guint       sp_search_drop_down_get_selected     (SpSearchDropDown *self);
const char *sp_search_drop_down_get_selected_string (SpSearchDropDown *self);
void        sp_search_drop_down_set_placeholder  (SpSearchDropDown *self,
                                                  const char       *placeholder);
void        sp_search_drop_down_set_label_widget (SpSearchDropDown *self,
                                                  GtkWidget        *label);

G_END_DECLS
