/* sp-project-editor-goals.c: a project's target groups and measurable goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The target groups of the plan year, each a check button (ticked when the
 * project is for it), and the project's measurable goals, each a row whose
 * text is the outcome, with its follow-up status in a drop-down beside it,
 * and a small form to add one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-goals.h"

#include "sp-goal.h"
#include "sp-target-group.h"
#include "sp-widget-util.h"

struct _SpProjectEditorGoals
{
  SpProjectEditorSection parent_instance;

  GArray                *target_ids;   /* gint64: the target group of each check in target_box */
  GListModel            *goals;        /* SpGoal: what goals_list shows */

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

/* The id of the goal the row holding @widget shows; 0 if none. */
static gint64
get_goal_id (SpProjectEditorGoals *self,
             GtkWidget            *widget)
{
  g_autoptr(SpGoal) goal = g_list_model_get_item (self->goals, sp_project_editor_section_row_get_index (widget));

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
  g_autoptr(SpGoal) goal = g_list_model_get_item (self->goals,
                                                  sp_project_editor_section_row_get_index (GTK_WIDGET (drop_down)));
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
  return drop_down;
}

static GtkWidget *
create_goal_row_cb (gpointer item,
                    gpointer user_data)
{
  SpProjectEditorGoals *self = user_data;
  SpGoal *goal = item;
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
  g_clear_object (&self->goals);
  if (id != 0 && database != NULL)
    self->goals = G_LIST_MODEL (sp_goal_list_new_for_project (database, id));
  gtk_list_box_bind_model (self->goals_list, self->goals, self->goals != NULL ? create_goal_row_cb : NULL,
                           self, NULL);
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

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_GOALS);
  g_clear_object (&self->goals);

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
