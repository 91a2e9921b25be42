/* sp-plan-row.h: a row of the plan's lists, holding the item it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SpPlanRowFormatFunc:
 * @item: the item shown
 * @title: (out): the row's text
 * @detail: (out): a second, smaller line, or %NULL for none
 * @accessible: (out): what a screen reader says, or %NULL for @title
 */
typedef void (*SpPlanRowFormatFunc) (GObject  *item,
                                     char    **title,
                                     char    **detail,
                                     char    **accessible);

#define SP_TYPE_PLAN_ROW (sp_plan_row_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanRow, sp_plan_row, SP, PLAN_ROW, GtkWidget)

GtkWidget          *sp_plan_row_new           (gboolean             in_tree,
                                               SpPlanRowFormatFunc  format);
GtkListItemFactory *sp_plan_row_factory_new   (GObject             *view,
                                               gboolean             in_tree,
                                               SpPlanRowFormatFunc  format,
                                               GCallback            dropped);
GObject            *sp_plan_row_get_item      (SpPlanRow           *self);
void                sp_plan_row_set_item      (SpPlanRow           *self,
                                               GObject             *item);
void                sp_plan_row_set_list_row  (SpPlanRow           *self,
                                               GtkTreeListRow      *list_row);
gboolean            sp_plan_row_get_draggable (SpPlanRow           *self);
void                sp_plan_row_set_draggable (SpPlanRow           *self,
                                               gboolean             draggable);

G_END_DECLS
