/* sp-plan-target-groups-view.c: the Target Groups tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whom the year's work is for: a list of target groups and the editor of
 * the one picked.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-target-groups-view.h"

#include "sp-edit-row.h"
#include "sp-edit-text-row.h"
#include "sp-error.h"
#include "sp-target-group.h"
#include "sp-plan-common.h"
#include "sp-plan-row.h"

struct _SpPlanTargetGroupsView
{
  SpPlanView           parent_instance;


  SpRecordList        *targets;
  SpTargetGroup       *target;

  /* Template widgets */
  AdwLeaflet          *targets_leaflet;
  GtkStack            *targets_list_stack;
  GtkListView         *targets_view;
  GtkStack            *target_editor_stack;
  AdwPreferencesGroup *target_group;
  SpEditRow           *target_name_row;
  SpEditTextRow       *target_description_row;
  GtkLabel            *target_error_label;
};

G_DEFINE_FINAL_TYPE (SpPlanTargetGroupsView, sp_plan_target_groups_view, SP_TYPE_PLAN_VIEW)

/* Helpers */

static void
update_actions (SpPlanTargetGroupsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = sp_plan_view_get_editable (self) && sp_plan_view_get_database (self) != NULL;
  gboolean selected = editable && self->target != NULL;

  gtk_widget_action_set_enabled (widget, "plan.add-target-group", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-target-group", selected);
  sp_plan_view_enable_actions (self, editable, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_group), editable);
}

static void
update_empty_state (SpPlanTargetGroupsView *self)
{
  gtk_stack_set_visible_child_name (self->targets_list_stack,
                                    self->targets != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->targets)) > 0
                                      ? "list" : "empty");
}

static void
load_target (SpPlanTargetGroupsView *self)
{
  if (self->target == NULL)
    return;
  sp_edit_row_load (self->target_name_row, sp_target_group_get_name (self->target));
  sp_edit_text_row_load (self->target_description_row, sp_target_group_get_description (self->target));
  sp_plan_clear_field_error (self->target_error_label, GTK_WIDGET (self->target_name_row));
  sp_plan_clear_field_error (self->target_error_label, GTK_WIDGET (self->target_description_row));
}

static void
set_target (SpPlanTargetGroupsView *self,
            SpTargetGroup          *target)
{
  if (self->target == target)
    return;

  if (self->target != NULL)
    g_signal_handlers_disconnect_by_func (self->target, load_target, self);
  g_set_object (&self->target, target);
  if (target != NULL)
    {
      g_signal_connect_object (target, "notify", G_CALLBACK (load_target), self, G_CONNECT_SWAPPED);
      load_target (self);
    }
  gtk_stack_set_visible_child_name (self->target_editor_stack, target != NULL ? "editor" : "none");
}

static void
rebuild (SpPlanTargetGroupsView *self)
{
  sp_plan_view_set_frozen (self, TRUE);
  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_data (self->targets, self);
  g_clear_object (&self->targets);
  if (sp_plan_view_get_database (self) != NULL)
    {
      self->targets = sp_target_group_list_new (sp_plan_view_get_database (self), sp_plan_view_get_year (self));
      g_signal_connect_object (self->targets, "items-changed", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (sp_plan_view_get_selection (self), G_LIST_MODEL (self->targets));
  sp_plan_view_set_frozen (self, FALSE);
  set_target (self, NULL);
  sp_plan_view_sync_editor (self);
  update_empty_state (self);
  update_actions (self);
}

static void
format_target (GObject  *item,
               char    **title,
               char    **detail,
               char    **accessible)
{
  *title = g_strdup (sp_target_group_get_name (SP_TARGET_GROUP (item)));
}

/* Callbacks */

static void
on_target_back_clicked_cb (SpPlanTargetGroupsView *self)
{
  sp_plan_view_show_list (self);
}

static void
on_target_row_apply_cb (SpPlanTargetGroupsView *self,
                        GtkWidget              *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (self->target == NULL || sp_plan_view_get_database (self) == NULL)
    return;
  /* The other field stays as stored. */
  if (row == GTK_WIDGET (self->target_description_row))
    description = sp_edit_text_row_get_text (self->target_description_row);
  else
    description = g_strdup (sp_target_group_get_description (self->target));
  if (!sp_target_group_update (sp_plan_view_get_database (self), sp_plan_record_id (self->target),
                               row == GTK_WIDGET (self->target_name_row)
                                 ? gtk_editable_get_text (GTK_EDITABLE (row))
                                 : sp_target_group_get_name (self->target),
                               description, &error))
    {
      sp_plan_show_field_error (self->target_error_label, row, error->message);
      return;
    }
  sp_plan_clear_field_error (self->target_error_label, row);
}

static void
on_add_target_group_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SpPlanTargetGroupsView *self = SP_PLAN_TARGET_GROUPS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (sp_plan_view_get_database (self) == NULL || !sp_plan_view_get_editable (self))
    return;
  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new target group; %d counts up when the name is taken */
      g_autofree char *name = i == 1 ? g_strdup (_("New target group"))
                                     : g_strdup_printf (_("New target group %d"), i);

      g_clear_error (&error);
      id = sp_target_group_add (sp_plan_view_get_database (self), sp_plan_view_get_year (self), name, "", &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  sp_plan_view_select (self, SP_TYPE_TARGET_GROUP, id);
  sp_plan_view_show_editor (self, NULL);
}

static void
on_delete_target_group_action_cb (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  SpPlanTargetGroupsView *self = SP_PLAN_TARGET_GROUPS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (sp_plan_view_get_database (self) == NULL || self->target == NULL || !sp_plan_view_get_editable (self))
    return;
  name = g_strdup (sp_target_group_get_name (self->target));
  if (!sp_target_group_delete (sp_plan_view_get_database (self), sp_plan_record_id (self->target), &error))
    {
      sp_plan_show_field_error (self->target_error_label, NULL, error->message);
      sp_plan_show_message (widget, error->message);
      return;
    }
  message = g_strdup_printf (_("Target group “%s” deleted"), name);
  sp_plan_add_toast (widget, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->targets_view));
}

/* SpPlanView */

static void
sp_plan_target_groups_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_TARGET_GROUPS_VIEW (view));
}

static void
sp_plan_target_groups_view_show_record (SpPlanView *view,
                                        SpRecord   *record)
{
  SpPlanTargetGroupsView *self = SP_PLAN_TARGET_GROUPS_VIEW (view);

  set_target (self, SP_IS_TARGET_GROUP (record) ? SP_TARGET_GROUP (record) : NULL);
  update_actions (self);
}

static gboolean
sp_plan_target_groups_view_find_position (SpPlanView *view,
                                          SpRecord   *record,
                                          guint      *position)
{
  SpPlanTargetGroupsView *self = SP_PLAN_TARGET_GROUPS_VIEW (view);

  return self->targets != NULL &&
         sp_record_list_find (self->targets, sp_record_get_id (record), position) != NULL;
}

static gboolean
sp_plan_target_groups_view_move_record (SpPlanView  *view,
                                        SpRecord    *record,
                                        guint        new_index,
                                        GError     **error)
{
  return sp_target_group_move (sp_plan_view_get_database (view), sp_record_get_id (record), new_index, error);
}

static void
sp_plan_target_groups_view_editable_changed (SpPlanView *view)
{
  update_actions (SP_PLAN_TARGET_GROUPS_VIEW (view));
}

/* GObject */

static void
sp_plan_target_groups_view_dispose (GObject *object)
{
  SpPlanTargetGroupsView *self = SP_PLAN_TARGET_GROUPS_VIEW (object);

  sp_plan_view_set_frozen (self, TRUE);
  if (self->target != NULL)
    g_signal_handlers_disconnect_by_data (self->target, self);
  if (self->targets != NULL)
    g_signal_handlers_disconnect_by_data (self->targets, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_TARGET_GROUPS_VIEW);

  g_clear_object (&self->target);
  g_clear_object (&self->targets);

  G_OBJECT_CLASS (sp_plan_target_groups_view_parent_class)->dispose (object);
}

static void
sp_plan_target_groups_view_class_init (SpPlanTargetGroupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPlanViewClass *view_class = SP_PLAN_VIEW_CLASS (klass);

  object_class->dispose = sp_plan_target_groups_view_dispose;
  view_class->reload = sp_plan_target_groups_view_reload;
  view_class->editable_changed = sp_plan_target_groups_view_editable_changed;
  view_class->record_type = SP_TYPE_TARGET_GROUP;
  view_class->show_record = sp_plan_target_groups_view_show_record;
  view_class->find_position = sp_plan_target_groups_view_find_position;
  view_class->move_record = sp_plan_target_groups_view_move_record;

  g_type_ensure (SP_TYPE_EDIT_ROW);
  g_type_ensure (SP_TYPE_EDIT_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-target-groups-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, targets_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, targets_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, targets_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, target_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, target_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, target_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, target_description_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanTargetGroupsView, target_error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_target_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-target-group", NULL, on_add_target_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_target_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-target-group", NULL,
                                   on_delete_target_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_target_group_action_cb);
  sp_plan_view_class_install_move_actions (widget_class);
}

static void
sp_plan_target_groups_view_init (SpPlanTargetGroupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  sp_plan_view_set_list (self, self->targets_view, FALSE, format_target);
  sp_plan_view_set_editor (self, self->targets_leaflet, GTK_WIDGET (self->target_editor_stack),
                           GTK_WIDGET (self->target_name_row));

  rebuild (self);
}
