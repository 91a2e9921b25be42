/* sp-plan-goals-view.c: the Goals tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's strategic and measurable goals: a list and the editor of the
 * one picked, with its activity area, its project and its follow-up: the
 * outcome, the status and a comment, which stay editable on an adopted
 * year (the rest is then read-only). The
 * choices of area and project are made when the tab is shown: all projects
 * are a long list to load.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-goals-view.h"

#include "sp-area.h"
#include "sp-edit-row.h"
#include "sp-edit-text-row.h"
#include "sp-goal.h"
#include "sp-project.h"
#include "sp-plan-common.h"
#include "sp-plan-row.h"
#include "sp-widget-util.h"

struct _SpPlanGoalsView
{
  SpPlanView          parent_instance;


  SpRecordList       *goals;
  SpRecordList       *year_areas;
  SpRecordList       *projects;
  GtkFilterListModel *filter;
  GHashTable         *matches;

  SpGoal             *goal;
  GArray             *area_ids;
  GArray             *project_ids;

  /* Template widgets */
  AdwLeaflet         *goals_leaflet;
  GtkStack           *goals_list_stack;
  GtkListView        *goals_view;
  GtkStack           *goal_editor_stack;
  AdwPreferencesGroup *goal_group;
  AdwComboRow        *goal_kind_row;
  SpEditTextRow      *goal_text_row;
  SpEditRow          *goal_indicator_row;
  SpEditRow          *goal_target_row;
  AdwComboRow        *goal_area_row;
  AdwComboRow        *goal_project_row;
  SpEditRow          *goal_outcome_row;
  AdwComboRow        *goal_status_row;
  SpEditTextRow      *goal_comment_row;
  GtkLabel           *goal_error_label;
};

G_DEFINE_FINAL_TYPE (SpPlanGoalsView, sp_plan_goals_view, SP_TYPE_PLAN_VIEW)

/* Helpers */

static gboolean
is_measurable (SpPlanGoalsView *self)
{
  return self->goal != NULL && sp_goal_get_kind (self->goal) == SP_GOAL_KIND_MEASURABLE;
}

static void
update_actions (SpPlanGoalsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = sp_plan_view_get_editable (self) && sp_plan_view_get_database (self) != NULL;
  gboolean selected = editable && self->goal != NULL;
  gboolean follow_up;

  gtk_widget_action_set_enabled (widget, "plan.add-goal", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-goal", selected);
  sp_plan_view_enable_actions (self, editable, selected);

  /* Adopted: the editor shows the goal but does not change it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_kind_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_text_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_area_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_project_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_indicator_row), editable && is_measurable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_target_row), editable && is_measurable (self));
  /* The outcome, status and comment are the follow-up of an adopted plan. */
  follow_up = sp_plan_view_get_database (self) != NULL &&
              !sp_database_is_read_only (sp_plan_view_get_database (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_outcome_row), follow_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_status_row), follow_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_comment_row), follow_up);
}

static void
update_empty_state (SpPlanGoalsView *self)
{
  gtk_stack_set_visible_child_name (self->goals_list_stack,
                                    self->goals != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->goals)) > 0
                                      ? "list" : "empty");
}

static void on_projects_items_changed_cb (SpPlanGoalsView *self);

/* The choices of the goal's area and project. */
static void
fill_choices (SpPlanGoalsView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const gint64 none = 0;
  GListModel *model;
  guint n;

  g_array_set_size (self->area_ids, 0);
  g_ptr_array_add (names, g_strdup (C_("activity area", "None")));
  g_array_append_val (self->area_ids, none);
  model = self->year_areas != NULL ? G_LIST_MODEL (self->year_areas) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpArea) area = g_list_model_get_item (model, i);
      gint64 id = sp_plan_record_id (area);

      /* Translators: an activity area in its group, e.g. "Administration › Styrelse" */
      g_ptr_array_add (names, g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area),
                                               sp_area_get_name (area)));
      g_array_append_val (self->area_ids, id);
    }
  g_ptr_array_add (names, NULL);
  sp_plan_combo_row_fill (self->goal_area_row, names);

  g_ptr_array_set_size (names, 0);
  g_array_set_size (self->project_ids, 0);
  g_ptr_array_add (names, g_strdup (C_("project", "None")));
  g_array_append_val (self->project_ids, none);
  if (self->projects == NULL && sp_plan_view_get_database (self) != NULL)
    {
      self->projects = sp_project_list_new (sp_plan_view_get_database (self));
      g_signal_connect_object (self->projects, "items-changed", G_CALLBACK (on_projects_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  model = self->projects != NULL ? G_LIST_MODEL (self->projects) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (model, i);
      gint64 id = sp_plan_record_id (project);

      g_ptr_array_add (names, g_strdup (sp_project_get_name (project)));
      g_array_append_val (self->project_ids, id);
    }
  g_ptr_array_add (names, NULL);
  sp_plan_combo_row_fill (self->goal_project_row, names);
}

static void
load_goal (SpPlanGoalsView *self)
{
  SpGoal *goal = self->goal;
  gboolean frozen = sp_plan_view_get_frozen (self);
  gboolean measurable, choices;

  if (goal == NULL)
    return;

  choices = sp_plan_view_ensure_choices (self);
  sp_plan_view_set_frozen (self, TRUE);
  measurable = sp_goal_get_kind (goal) == SP_GOAL_KIND_MEASURABLE;
  adw_combo_row_set_selected (self->goal_kind_row, measurable ? 1 : 0);
  sp_edit_text_row_load (self->goal_text_row, sp_goal_get_text (goal));
  sp_edit_row_load (self->goal_indicator_row, sp_goal_get_indicator (goal));
  sp_edit_row_load (self->goal_target_row, sp_goal_get_target_value (goal));
  sp_edit_row_load (self->goal_outcome_row, sp_goal_get_outcome (goal));
  adw_combo_row_set_selected (self->goal_status_row, sp_goal_get_follow_up_status (goal));
  sp_edit_text_row_load (self->goal_comment_row, sp_goal_get_follow_up_comment (goal));
  if (choices)
    {
      adw_combo_row_set_selected (self->goal_area_row,
                                  sp_plan_index_of_id (self->area_ids, sp_goal_get_area_id (goal)));
      adw_combo_row_set_selected (self->goal_project_row,
                                  sp_plan_index_of_id (self->project_ids, sp_goal_get_project_id (goal)));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_indicator_row), measurable && sp_plan_view_get_editable (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->goal_target_row), measurable && sp_plan_view_get_editable (self));
  sp_plan_view_set_frozen (self, frozen);

  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_text_row));
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_indicator_row));
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_target_row));
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_outcome_row));
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_status_row));
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (self->goal_comment_row));
}

/* Stores the follow-up status and comment; @field is the one changed, the
 * other stays as stored. */
static void
apply_follow_up (SpPlanGoalsView *self,
                 GtkWidget       *field,
                 SpGoalStatus     status,
                 const char      *comment)
{
  g_autoptr(GError) error = NULL;

  if (self->goal == NULL || sp_plan_view_get_database (self) == NULL || sp_plan_view_get_frozen (self))
    return;
  if (!sp_goal_set_follow_up (sp_plan_view_get_database (self), sp_plan_record_id (self->goal),
                              status, comment, &error))
    {
      sp_plan_show_field_error (self->goal_error_label, field, error->message);
      return;
    }
  sp_plan_clear_field_error (self->goal_error_label, field);
}

static void
set_goal (SpPlanGoalsView *self,
          SpGoal          *goal)
{
  if (self->goal == goal)
    return;

  if (self->goal != NULL)
    g_signal_handlers_disconnect_by_func (self->goal, load_goal, self);
  g_set_object (&self->goal, goal);
  if (goal != NULL)
    {
      g_signal_connect_object (goal, "notify", G_CALLBACK (load_goal), self, G_CONNECT_SWAPPED);
      load_goal (self);
    }
  gtk_stack_set_visible_child_name (self->goal_editor_stack, goal != NULL ? "editor" : "none");
}

/* Stores what @field of the goal editor says; the other fields stay as stored,
 * so that one refused field does not hold back another. */
static void
apply_goal (SpPlanGoalsView *self,
            GtkWidget       *field)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpGoalData data;

  if (self->goal == NULL || sp_plan_view_get_database (self) == NULL || sp_plan_view_get_frozen (self))
    return;

  sp_goal_get_data (self->goal, &data);
  if (field == GTK_WIDGET (self->goal_kind_row))
    data.kind = adw_combo_row_get_selected (self->goal_kind_row) == 1 ? SP_GOAL_KIND_MEASURABLE
                                                                      : SP_GOAL_KIND_STRATEGIC;
  else if (field == GTK_WIDGET (self->goal_text_row))
    data.text = text = sp_edit_text_row_get_text (self->goal_text_row);
  else if (field == GTK_WIDGET (self->goal_indicator_row))
    data.indicator = gtk_editable_get_text (GTK_EDITABLE (field));
  else if (field == GTK_WIDGET (self->goal_target_row))
    data.target_value = gtk_editable_get_text (GTK_EDITABLE (field));
  else if (field == GTK_WIDGET (self->goal_area_row))
    {
      guint area = adw_combo_row_get_selected (self->goal_area_row);

      data.area_id = area < self->area_ids->len ? g_array_index (self->area_ids, gint64, area) : 0;
    }
  else if (field == GTK_WIDGET (self->goal_project_row))
    {
      guint project = adw_combo_row_get_selected (self->goal_project_row);

      data.project_id = project < self->project_ids->len
                          ? g_array_index (self->project_ids, gint64, project) : 0;
    }
  /* A strategic goal has no measure. */
  if (data.kind == SP_GOAL_KIND_STRATEGIC)
    data.indicator = data.target_value = NULL;

  if (!sp_goal_update (sp_plan_view_get_database (self), sp_plan_record_id (self->goal), &data, &error))
    {
      sp_plan_show_field_error (self->goal_error_label, field, error->message);
      return;
    }
  sp_plan_clear_field_error (self->goal_error_label, field);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (user_data);
  gint64 id = sp_plan_record_id (item);

  return self->matches == NULL || g_hash_table_contains (self->matches, &id);
}

static void
disconnect_list (SpPlanGoalsView  *self,
                 SpRecordList    **list)
{
  if (*list != NULL)
    g_signal_handlers_disconnect_by_data (*list, self);
  g_clear_object (list);
}

static void
rebuild (SpPlanGoalsView *self)
{
  sp_plan_view_set_frozen (self, TRUE);
  disconnect_list (self, &self->goals);
  disconnect_list (self, &self->year_areas);
  disconnect_list (self, &self->projects);
  if (sp_plan_view_get_database (self) != NULL)
    {
      self->goals = sp_goal_list_new (sp_plan_view_get_database (self), sp_plan_view_get_year (self));
      self->year_areas = sp_area_list_new_for_year (sp_plan_view_get_database (self),
                                                    sp_plan_view_get_year (self));
      g_signal_connect_object (self->goals, "items-changed", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->filter, G_LIST_MODEL (self->goals));
  sp_plan_view_set_frozen (self, FALSE);
  sp_plan_view_update_choices (self);
  set_goal (self, NULL);
  sp_plan_view_sync_editor (self);
  update_empty_state (self);
  update_actions (self);
}

static void
format_goal (GObject  *item,
             char    **title,
             char    **detail,
             char    **accessible)
{
  SpGoal *goal = SP_GOAL (item);

  g_autofree char *kind = NULL;

  *title = g_strdup (sp_goal_get_text (goal));
  if (sp_goal_get_follow_up_status (goal) != SP_GOAL_STATUS_NOT_ASSESSED)
    /* Translators: under a goal in the list: its kind, then its follow-up status:
     * "Measurable goal · achieved" */
    kind = g_strdup_printf (_("%s · %s"), sp_goal_kind_get_label (sp_goal_get_kind (goal)),
                            sp_goal_status_to_string (sp_goal_get_follow_up_status (goal)));
  else
    kind = g_strdup (sp_goal_kind_get_label (sp_goal_get_kind (goal)));
  if (sp_goal_has_outcome (goal))
    /* Translators: under a goal in the list: "Measurable goal · Outcome: 42 participants" */
    *detail = g_strdup_printf (_("%s · Outcome: %s"), kind, sp_goal_get_outcome (goal));
  else
    *detail = g_steal_pointer (&kind);
  /* Translators: a goal in the list as a screen reader says it: the goal, then its kind and outcome */
  *accessible = g_strdup_printf (_("%s (%s)"), sp_goal_get_text (goal), *detail);
}

/* Callbacks */

static void
on_projects_items_changed_cb (SpPlanGoalsView *self)
{
  sp_plan_view_update_choices (self);
}

static void
on_goal_back_clicked_cb (SpPlanGoalsView *self)
{
  sp_plan_view_show_list (self);
}

static void
on_goal_combo_selected_cb (SpPlanGoalsView *self,
                           GParamSpec      *pspec,
                           GtkWidget       *row)
{
  apply_goal (self, row);
}

static void
on_goal_row_apply_cb (SpPlanGoalsView *self,
                      GtkWidget       *row)
{
  apply_goal (self, row);
}

static void
on_goal_outcome_row_apply_cb (SpPlanGoalsView *self,
                              SpEditRow       *row)
{
  g_autoptr(GError) error = NULL;

  if (self->goal == NULL || sp_plan_view_get_database (self) == NULL)
    return;
  if (!sp_goal_set_outcome (sp_plan_view_get_database (self), sp_plan_record_id (self->goal),
                            gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      sp_plan_show_field_error (self->goal_error_label, GTK_WIDGET (row), error->message);
      return;
    }
  sp_plan_clear_field_error (self->goal_error_label, GTK_WIDGET (row));
}

static void
on_goal_status_row_selected_cb (SpPlanGoalsView *self,
                                GParamSpec      *pspec,
                                AdwComboRow     *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->goal == NULL || selected >= SP_GOAL_N_STATUSES ||
      selected == (guint) sp_goal_get_follow_up_status (self->goal))
    return;
  apply_follow_up (self, GTK_WIDGET (row), (SpGoalStatus) selected,
                   sp_goal_get_follow_up_comment (self->goal));
}

static void
on_goal_comment_row_apply_cb (SpPlanGoalsView *self,
                              SpEditTextRow   *row)
{
  g_autofree char *comment = sp_edit_text_row_get_text (row);

  if (self->goal == NULL)
    return;
  apply_follow_up (self, GTK_WIDGET (row), sp_goal_get_follow_up_status (self->goal), comment);
}

static void
on_add_goal_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, _("New goal"), NULL, NULL, 0, 0 };
  gint64 id;

  if (sp_plan_view_get_database (self) == NULL || !sp_plan_view_get_editable (self))
    return;
  id = sp_goal_add (sp_plan_view_get_database (self), sp_plan_view_get_year (self), &data, &error);
  if (id <= 0)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  if (self->matches != NULL)
    gtk_widget_activate_action (widget, "plan.clear-search", NULL);
  sp_plan_view_select (self, SP_TYPE_GOAL, id);
  sp_plan_view_show_editor (self, NULL);
}

static void
on_delete_goal_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (sp_plan_view_get_database (self) == NULL || self->goal == NULL || !sp_plan_view_get_editable (self))
    return;
  if (!sp_goal_delete (sp_plan_view_get_database (self), sp_plan_record_id (self->goal), &error))
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  sp_plan_add_toast (widget, _("Goal deleted"));
  gtk_widget_grab_focus (GTK_WIDGET (self->goals_view));
}

/* SpPlanView */

static void
sp_plan_goals_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_GOALS_VIEW (view));
}

static void
sp_plan_goals_view_show_record (SpPlanView *view,
                                SpRecord   *record)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (view);

  set_goal (self, SP_IS_GOAL (record) ? SP_GOAL (record) : NULL);
  update_actions (self);
}

static gboolean
sp_plan_goals_view_find_position (SpPlanView *view,
                                  SpRecord   *record,
                                  guint      *position)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (view);

  return self->goals != NULL && sp_record_list_find (self->goals, sp_record_get_id (record), position) != NULL;
}

static gboolean
sp_plan_goals_view_move_record (SpPlanView  *view,
                                SpRecord    *record,
                                guint        new_index,
                                GError     **error)
{
  return sp_goal_move (sp_plan_view_get_database (view), sp_record_get_id (record), new_index, error);
}

static void
sp_plan_goals_view_fill_choices (SpPlanView *view)
{
  fill_choices (SP_PLAN_GOALS_VIEW (view));
}

static void
sp_plan_goals_view_load_record (SpPlanView *view)
{
  load_goal (SP_PLAN_GOALS_VIEW (view));
}

static void
sp_plan_goals_view_editable_changed (SpPlanView *view)
{
  update_actions (SP_PLAN_GOALS_VIEW (view));
}

/* GObject */

static void
sp_plan_goals_view_dispose (GObject *object)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (object);

  sp_plan_view_set_frozen (self, TRUE);
  if (self->goal != NULL)
    g_signal_handlers_disconnect_by_data (self->goal, self);
  disconnect_list (self, &self->goals);
  disconnect_list (self, &self->year_areas);
  disconnect_list (self, &self->projects);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_GOALS_VIEW);

  g_clear_object (&self->goal);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (sp_plan_goals_view_parent_class)->dispose (object);
}

static void
sp_plan_goals_view_finalize (GObject *object)
{
  SpPlanGoalsView *self = SP_PLAN_GOALS_VIEW (object);

  g_clear_pointer (&self->area_ids, g_array_unref);
  g_clear_pointer (&self->project_ids, g_array_unref);

  G_OBJECT_CLASS (sp_plan_goals_view_parent_class)->finalize (object);
}

static void
sp_plan_goals_view_class_init (SpPlanGoalsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPlanViewClass *view_class = SP_PLAN_VIEW_CLASS (klass);

  object_class->dispose = sp_plan_goals_view_dispose;
  view_class->reload = sp_plan_goals_view_reload;
  view_class->editable_changed = sp_plan_goals_view_editable_changed;
  view_class->record_type = SP_TYPE_GOAL;
  view_class->show_record = sp_plan_goals_view_show_record;
  view_class->find_position = sp_plan_goals_view_find_position;
  view_class->move_record = sp_plan_goals_view_move_record;
  view_class->fill_choices = sp_plan_goals_view_fill_choices;
  view_class->load_record = sp_plan_goals_view_load_record;
  object_class->finalize = sp_plan_goals_view_finalize;

  g_type_ensure (SP_TYPE_EDIT_ROW);
  g_type_ensure (SP_TYPE_EDIT_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-goals-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goals_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goals_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goals_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_text_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_indicator_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_target_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_area_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_project_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_status_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_comment_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanGoalsView, goal_error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_goal_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_combo_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_outcome_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_status_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_comment_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-goal", NULL, on_add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-goal", NULL, on_delete_goal_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_goal_action_cb);
  sp_plan_view_class_install_move_actions (widget_class);
}

static void
sp_plan_goals_view_init (SpPlanGoalsView *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->filter = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  gtk_single_selection_set_model (sp_plan_view_get_selection (self), G_LIST_MODEL (self->filter));
  sp_plan_view_set_list (self, self->goals_view, FALSE, format_goal);
  sp_plan_view_set_editor (self, self->goals_leaflet, GTK_WIDGET (self->goal_editor_stack),
                           GTK_WIDGET (self->goal_text_row));

  gtk_string_list_append (kinds, sp_goal_kind_get_label (SP_GOAL_KIND_STRATEGIC));
  gtk_string_list_append (kinds, sp_goal_kind_get_label (SP_GOAL_KIND_MEASURABLE));
  adw_combo_row_set_model (self->goal_kind_row, G_LIST_MODEL (kinds));
  /* In the order of SpGoalStatus: the row's index is the status. */
  for (guint i = 0; i < SP_GOAL_N_STATUSES; i++)
    {
      g_autofree char *label = sp_widget_capitalize (sp_goal_status_to_string ((SpGoalStatus) i));

      gtk_string_list_append (statuses, label);
    }
  adw_combo_row_set_model (self->goal_status_row, G_LIST_MODEL (statuses));
  sp_plan_combo_row_init (self->goal_area_row);
  sp_plan_combo_row_init (self->goal_project_row);


  rebuild (self);
}

/* Public API */

/**
 * sp_plan_goals_view_set_matches:
 * @ids: (nullable): the ids of the goals a search found, or %NULL for all
 */
void
sp_plan_goals_view_set_matches (SpPlanGoalsView *self,
                                GHashTable      *ids)
{
  g_return_if_fail (SP_IS_PLAN_GOALS_VIEW (self));

  if (self->matches == ids)
    return;
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = ids != NULL ? g_hash_table_ref (ids) : NULL;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
