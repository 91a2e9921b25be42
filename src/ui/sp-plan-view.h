/* sp-plan-view.h: a tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-record.h"
#include "sp-plan-row.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_VIEW (sp_plan_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpPlanView, sp_plan_view, SP, PLAN_VIEW, GtkWidget)

/**
 * SpPlanViewClass:
 * @flush: stores what was typed but not yet stored: before the database or
 *   the year changes
 * @reload: loads the year's lists again: after the database or the year changed
 * @editable_changed: the plan can now be changed, or no longer
 * @record_type: a tab with a list (see sp_plan_view_set_list()): the type of
 *   its records; a row of another type dropped on the list is refused
 * @show_record: shows @record (or nothing) in the editor, after the
 *   selection of the list changed
 * @find_position: the position of @record among the records it is moved among
 * @move_record: moves @record to @new_index in the core
 * @dropped: @dragged was dropped onto the row of @onto, of the same type:
 *   by default it moves to the position of @onto
 * @fill_choices: a tab whose editor offers choices made of other lists:
 *   makes them (the editor is frozen meanwhile); see
 *   sp_plan_view_ensure_choices()
 * @load_record: shows the stored values of the record in the editor again,
 *   after the choices were made
 */
struct _SpPlanViewClass
{
  GtkWidgetClass parent_class;

  void        (*flush)            (SpPlanView  *self);
  void        (*reload)           (SpPlanView  *self);
  void        (*editable_changed) (SpPlanView  *self);

  GType         record_type;
  void        (*show_record)      (SpPlanView  *self,
                                   SpRecord    *record);
  gboolean    (*find_position)    (SpPlanView  *self,
                                   SpRecord    *record,
                                   guint       *position);
  gboolean    (*move_record)      (SpPlanView  *self,
                                   SpRecord    *record,
                                   guint        new_index,
                                   GError     **error);
  gboolean    (*dropped)          (SpPlanView  *self,
                                   SpRecord    *dragged,
                                   SpRecord    *onto);

  void        (*fill_choices)     (SpPlanView  *self);
  void        (*load_record)      (SpPlanView  *self);
};

SpDatabase         *sp_plan_view_get_database         (gpointer             view);
int                 sp_plan_view_get_year             (gpointer             view);
gboolean            sp_plan_view_get_editable         (gpointer             view);

void                sp_plan_view_class_install_move_actions (GtkWidgetClass *widget_class);
void                sp_plan_view_set_list             (gpointer             view,
                                                       GtkListView         *list_view,
                                                       gboolean             in_tree,
                                                       SpPlanRowFormatFunc  format);
void                sp_plan_view_set_editor           (gpointer             view,
                                                       AdwLeaflet          *leaflet,
                                                       GtkWidget           *editor,
                                                       GtkWidget           *first_field);
GtkSingleSelection *sp_plan_view_get_selection        (gpointer             view);
gboolean            sp_plan_view_select               (gpointer             view,
                                                       GType                type,
                                                       gint64               id);
gboolean            sp_plan_view_get_frozen           (gpointer             view);
void                sp_plan_view_set_frozen           (gpointer             view,
                                                       gboolean             frozen);
void                sp_plan_view_sync_editor          (gpointer             view);
void                sp_plan_view_enable_actions       (gpointer             view,
                                                       gboolean             editable,
                                                       gboolean             selected);
void                sp_plan_view_show_editor          (gpointer             view,
                                                       GtkWidget           *field);
void                sp_plan_view_show_list            (gpointer             view);
void                sp_plan_view_move_record          (gpointer             view,
                                                       SpRecord            *record,
                                                       guint                new_index);
gboolean            sp_plan_view_ensure_choices       (gpointer             view);
void                sp_plan_view_update_choices       (gpointer             view);

G_END_DECLS
