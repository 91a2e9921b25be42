/* sp-project-editor-goals.c: a project's target groups and measurable goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The target groups of the plan year, each a check button (ticked when the
 * project is for it), and the project's measurable goals, each two rows:
 * one whose text is the outcome, with its follow-up status in a drop-down
 * beside it, and under it the follow-up's comment (an #SpEditTextRow, saved
 * as one undoable edit with the status, also on an adopted year); and a
 * small form to add one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-goals.h"

#include "sp-edit-text-row.h"
#include "sp-goal.h"
#include "sp-target-group.h"
#include "sp-widget-util.h"

struct _SpProjectEditorGoals
{
  SpProjectEditorSection parent_instance;

  GArray                *target_ids;   /* gint64: the target group of each check in target_box */
  GListModel            *goals;        /* SpGoal: what goals_list shows, two rows each */

  /* Template widgets */
  AdwPreferencesGroup   *targets_group;
  GtkFlowBox            *target_box;
  GtkLabel              *target_error_label;
  GtkListBox            *goals_list;
  GtkEntry              *goal_text_entry;
  GtkEntry              *goal_target_entry;
  GtkLabel              *goal_error_label;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorGoals, sp_project_editor_goals, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

/* The goal the row holding @widget shows (its outcome or its comment). */
static SpGoal *
get_goal (SpProjectEditorGoals *self,
          GtkWidget            *widget)
{
  int index = sp_project_editor_section_row_get_index (widget);

  if (index < 0 || self->goals == NULL)
    return NULL;
  return g_list_model_get_item (self->goals, (guint) index / 2);
}

/* The id of the goal the row holding @widget shows; 0 if none. */
static gint64
get_goal_id (SpProjectEditorGoals *self,
             GtkWidget            *widget)
{
  g_autoptr(SpGoal) goal = get_goal (self, widget);

  return goal != NULL ? sp_record_get_id (SP_RECORD (goal)) : 0;
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_target_check_toggled_cb (GtkCheckButton       *check,
                            SpProjectEditorGoals *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  int index = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (gtk_widget_get_parent (GTK_WIDGET (check))));
  gint64 toggled;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 project_id;

  if (sp_project_editor_section_get_filling (section) || sp_project_editor_section_get_project (section) == NULL)
    return;
  g_return_if_fail (index >= 0 && (guint) index < self->target_ids->len);

  toggled = g_array_index (self->target_ids, gint64, index);
  project_id = sp_project_editor_section_get_project_id (section);
  ids = sp_project_get_target_groups (database, project_id, &error);
  if (ids != NULL)
    for (guint i = 0; i < ids->len; i++)
      if (g_array_index (ids, gint64, i) != toggled)
        g_array_append_val (wanted, g_array_index (ids, gint64, i));
  if (gtk_check_button_get_active (check))
    g_array_append_val (wanted, toggled);
  if (error != NULL ||
      !sp_project_set_target_groups (database, project_id, (const gint64 *) (gpointer) wanted->data,
                                     wanted->len, &error))
    sp_project_editor_section_set_label_error (self->target_error_label, error->message);
  else
    sp_project_editor_section_set_label_error (self->target_error_label, NULL);
}

static void
rebuild_target_groups (SpProjectEditorGoals *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  int year = sp_project_editor_section_get_year (section);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(SpRecordList) groups = NULL;
  g_autofree char *title = NULL;
  gboolean filling = sp_project_editor_section_get_filling (section);
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->target_box))) != NULL)
    gtk_flow_box_remove (self->target_box, child);
  g_array_set_size (self->target_ids, 0);

  /* Translators: a group title: the target groups of the plan year %d */
  title = g_strdup_printf (_("Target Groups %d"), year);
  adw_preferences_group_set_title (self->targets_group, title);
  if (sp_project_editor_section_get_project (section) == NULL || database == NULL || year <= 0)
    return;

  ids = sp_project_get_target_groups (database, sp_project_editor_section_get_project_id (section), NULL);
  groups = sp_target_group_list_new (database, year);
  n = g_list_model_get_n_items (G_LIST_MODEL (groups));
  sp_project_editor_section_set_filling (section, TRUE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpTargetGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), i);
      GtkWidget *check = gtk_check_button_new_with_label (sp_target_group_get_name (group));
      gint64 id = sp_record_get_id (SP_RECORD (group));
      gboolean active = FALSE;

      for (guint j = 0; ids != NULL && j < ids->len; j++)
        active |= g_array_index (ids, gint64, j) == id;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_tooltip_text (check, sp_target_group_get_description (group));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_target_check_toggled_cb), self, 0);
      g_array_append_val (self->target_ids, id);
      gtk_flow_box_append (self->target_box, check);
    }
  sp_project_editor_section_set_filling (section, filling);
  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("The plan of this year has no target groups."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_flow_box_append (self->target_box, label);
    }
}

static void
on_goal_remove_clicked_cb (GtkButton            *button,
                           SpProjectEditorGoals *self)
{
  gint64 id = get_goal_id (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (!sp_goal_delete (sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self)), id, &error))
    sp_project_editor_section_set_label_error (self->goal_error_label, error->message);
}

static void
on_goal_outcome_activated_cb (AdwEntryRow          *row,
                              SpProjectEditorGoals *self)
{
  gint64 id = get_goal_id (self, GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  if (!sp_goal_set_outcome (sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self)), id,
                            gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      sp_project_editor_section_set_entry_error (GTK_WIDGET (row), error->message);
      sp_project_editor_section_set_label_error (self->goal_error_label, error->message);
      return;
    }
  sp_project_editor_section_set_entry_error (GTK_WIDGET (row), NULL);
  sp_project_editor_section_set_label_error (self->goal_error_label, NULL);
}

static void
on_goal_status_selected_cb (GtkDropDown          *drop_down,
                            GParamSpec           *pspec,
                            SpProjectEditorGoals *self)
{
  g_autoptr(SpGoal) goal = get_goal (self, GTK_WIDGET (drop_down));
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;

  if (goal == NULL || selected >= SP_GOAL_N_STATUSES || selected == (guint) sp_goal_get_follow_up_status (goal))
    return;
  if (!sp_goal_set_follow_up (sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self)),
                              sp_record_get_id (SP_RECORD (goal)), (SpGoalStatus) selected,
                              sp_goal_get_follow_up_comment (goal), &error))
    {
      sp_project_editor_section_set_label_error (self->goal_error_label, error->message);
      return;
    }
  sp_project_editor_section_set_label_error (self->goal_error_label, NULL);
}

static void
on_goal_comment_apply_cb (SpEditTextRow        *row,
                          SpProjectEditorGoals *self)
{
  g_autoptr(SpGoal) goal = get_goal (self, GTK_WIDGET (row));
  g_autofree char *comment = sp_edit_text_row_get_text (row);
  g_autoptr(GError) error = NULL;

  if (goal == NULL || g_strcmp0 (comment, sp_goal_get_follow_up_comment (goal)) == 0)
    return;
  if (!sp_goal_set_follow_up (sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self)),
                              sp_record_get_id (SP_RECORD (goal)), sp_goal_get_follow_up_status (goal),
                              comment, &error))
    {
      sp_project_editor_section_set_entry_error (GTK_WIDGET (row), error->message);
      sp_project_editor_section_set_label_error (self->goal_error_label, error->message);
      return;
    }
  sp_project_editor_section_set_entry_error (GTK_WIDGET (row), NULL);
  sp_project_editor_section_set_label_error (self->goal_error_label, NULL);
  sp_edit_text_row_load (row, comment);
}

/* Undo and redo change the goal under its rows: they follow it. */
static void
on_goal_comment_notify_cb (SpGoal        *goal,
                           GParamSpec    *pspec,
                           SpEditTextRow *row)
{
  if (g_strcmp0 (sp_edit_text_row_get_stored_text (row), sp_goal_get_follow_up_comment (goal)) != 0)
    sp_edit_text_row_load (row, sp_goal_get_follow_up_comment (goal));
}

static void
on_goal_status_notify_cb (SpGoal      *goal,
                          GParamSpec  *pspec,
                          GtkDropDown *drop_down)
{
  gtk_drop_down_set_selected (drop_down, sp_goal_get_follow_up_status (goal));
}

/* The follow-up status of @goal, to choose among the four. */
static GtkWidget *
make_status_drop_down (SpProjectEditorGoals *self,
                       SpGoal               *goal)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autofree char *name = NULL;
  GtkWidget *drop_down;

  for (guint i = 0; i < SP_GOAL_N_STATUSES; i++)
    {
      g_autofree char *label = sp_widget_capitalize (sp_goal_status_to_string ((SpGoalStatus) i));

      gtk_string_list_append (statuses, label);
    }
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&statuses)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), sp_goal_get_follow_up_status (goal));
  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a drop-down: the follow-up status of the goal %s */
  name = g_strdup_printf (_("Follow-up status of %s"), sp_goal_get_text (goal));
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (drop_down, _("Follow-up status"));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (on_goal_status_selected_cb), self, 0);
  g_signal_connect_object (goal, "notify::follow-up-status", G_CALLBACK (on_goal_status_notify_cb), drop_down, 0);
  return drop_down;
}

static GtkWidget *
make_outcome_row (SpProjectEditorGoals *self,
                  SpGoal               *goal)
{
  const char *target = sp_goal_get_target_value (goal);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = sp_project_editor_section_make_remove_button (_("Remove the goal"));

  if (target != NULL && target[0] != '\0')
    /* Translators: a project's goal and its target value; the row is edited to give the outcome */
    title = g_strdup_printf (_("%s (target: %s) – outcome"), sp_goal_get_text (goal), target);
  else
    /* Translators: a project's goal; the row is edited to give the outcome */
    title = g_strdup_printf (_("%s – outcome"), sp_goal_get_text (goal));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), sp_goal_get_outcome (goal) != NULL ? sp_goal_get_outcome (goal) : "");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), make_status_drop_down (self, goal));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_goal_outcome_activated_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_goal_remove_clicked_cb), self, 0);
  return row;
}

/* The follow-up's comment on @goal, under its outcome. */
static GtkWidget *
make_comment_row (SpProjectEditorGoals *self,
                  SpGoal               *goal)
{
  GtkWidget *row = sp_edit_text_row_new ();
  /* Translators: a project's goal; the row below its outcome holds the follow-up's comment on it */
  g_autofree char *title = g_strdup_printf (_("%s – comment"), sp_goal_get_text (goal));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  sp_edit_text_row_load (SP_EDIT_TEXT_ROW (row), sp_goal_get_follow_up_comment (goal));
  g_signal_connect_object (row, "apply", G_CALLBACK (on_goal_comment_apply_cb), self, 0);
  g_signal_connect_object (goal, "notify::follow-up-comment", G_CALLBACK (on_goal_comment_notify_cb), row, 0);
  return row;
}

/* Two rows per goal: its outcome and status, then its comment. */
static void
on_goals_items_changed_cb (GListModel           *model,
                           guint                 position,
                           guint                 removed,
                           guint                 added,
                           SpProjectEditorGoals *self)
{
  for (guint i = 0; i < 2 * removed; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->goals_list, (int) (2 * position));

      if (row != NULL)
        gtk_list_box_remove (self->goals_list, GTK_WIDGET (row));
    }
  for (guint i = 0; i < added; i++)
    {
      g_autoptr(SpGoal) goal = g_list_model_get_item (model, position + i);

      gtk_list_box_insert (self->goals_list, make_outcome_row (self, goal), (int) (2 * (position + i)));
      gtk_list_box_insert (self->goals_list, make_comment_row (self, goal), (int) (2 * (position + i) + 1));
    }
}

static void
set_goals (SpProjectEditorGoals *self,
           GListModel           *goals)
{
  GtkWidget *child;

  if (self->goals != NULL)
    g_signal_handlers_disconnect_by_func (self->goals, on_goals_items_changed_cb, self);
  g_clear_object (&self->goals);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list))) != NULL)
    gtk_list_box_remove (self->goals_list, child);
  self->goals = goals;
  if (goals == NULL)
    return;
  g_signal_connect (goals, "items-changed", G_CALLBACK (on_goals_items_changed_cb), self);
  on_goals_items_changed_cb (goals, 0, 0, g_list_model_get_n_items (goals), self);
}

static void
on_goal_add_button_clicked_cb (SpProjectEditorGoals *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  g_autoptr(GError) error = NULL;
  SpGoalData data = { 0 };

  if (sp_project_editor_section_get_project (section) == NULL || database == NULL)
    return;
  data.kind = SP_GOAL_KIND_MEASURABLE;
  data.text = gtk_editable_get_text (GTK_EDITABLE (self->goal_text_entry));
  data.target_value = gtk_editable_get_text (GTK_EDITABLE (self->goal_target_entry));
  if (sp_goal_add_to_project (database, sp_project_editor_section_get_project_id (section), &data, &error) <= 0)
    {
      sp_project_editor_section_set_entry_error (GTK_WIDGET (self->goal_text_entry), error->message);
      sp_project_editor_section_set_label_error (self->goal_error_label, error->message);
      return;
    }
  sp_project_editor_section_set_entry_error (GTK_WIDGET (self->goal_text_entry), NULL);
  sp_project_editor_section_set_label_error (self->goal_error_label, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_text_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->goal_target_entry), "");
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_goals_year_changed (SpProjectEditorSection *section)
{
  rebuild_target_groups (SP_PROJECT_EDITOR_GOALS (section));
}

static void
sp_project_editor_goals_project_changed (SpProjectEditorSection *section)
{
  SpProjectEditorGoals *self = SP_PROJECT_EDITOR_GOALS (section);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);

  sp_project_editor_section_set_label_error (self->goal_error_label, NULL);
  sp_project_editor_section_set_label_error (self->target_error_label, NULL);
  set_goals (self, id != 0 && database != NULL ? G_LIST_MODEL (sp_goal_list_new_for_project (database, id)) : NULL);
  rebuild_target_groups (self);
}

static void
sp_project_editor_goals_database_changed (SpProjectEditorSection *section,
                                          const char * const     *tables)
{
  if (g_strv_contains (tables, "target_group") || g_strv_contains (tables, "project_target_group"))
    rebuild_target_groups (SP_PROJECT_EDITOR_GOALS (section));
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_goals_dispose (GObject *object)
{
  SpProjectEditorGoals *self = SP_PROJECT_EDITOR_GOALS (object);

  if (self->goals != NULL)
    g_signal_handlers_disconnect_by_func (self->goals, on_goals_items_changed_cb, self);
  g_clear_object (&self->goals);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_GOALS);

  G_OBJECT_CLASS (sp_project_editor_goals_parent_class)->dispose (object);
}

static void
sp_project_editor_goals_finalize (GObject *object)
{
  SpProjectEditorGoals *self = SP_PROJECT_EDITOR_GOALS (object);

  g_clear_pointer (&self->target_ids, g_array_unref);

  G_OBJECT_CLASS (sp_project_editor_goals_parent_class)->finalize (object);
}

static void
sp_project_editor_goals_class_init (SpProjectEditorGoalsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_goals_dispose;
  object_class->finalize = sp_project_editor_goals_finalize;
  section_class->year_changed = sp_project_editor_goals_year_changed;
  section_class->project_changed = sp_project_editor_goals_project_changed;
  section_class->database_changed = sp_project_editor_goals_database_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-goals.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, targets_group);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, target_box);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, target_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, goals_list);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, goal_text_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, goal_target_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGoals, goal_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_add_button_clicked_cb);
}

static void
sp_project_editor_goals_init (SpProjectEditorGoals *self)
{
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}
