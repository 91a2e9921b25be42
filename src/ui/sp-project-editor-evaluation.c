/* sp-project-editor-evaluation.c: a project's results and evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results, whether the self-evaluation is done, the external co-assessor,
 * the report date and the evaluation: each saved on its own by
 * SpProjectEditorSection.
 */
#include "config.h"

#include "sp-project-editor-evaluation.h"

struct _SpProjectEditorEvaluation
{
  SpProjectEditorSection parent_instance;

  /* Template widgets */
  GtkTextView           *results_view;
  GtkSwitch             *self_evaluation_switch;
  AdwEntryRow           *assessor_row;
  AdwEntryRow           *report_row;
  GtkTextView           *evaluation_view;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorEvaluation, sp_project_editor_evaluation, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_evaluation_refresh (SpProjectEditorSection *section)
{
  SpProjectEditorEvaluation *self = SP_PROJECT_EDITOR_EVALUATION (section);

  gtk_switch_set_active (self->self_evaluation_switch,
                         sp_project_get_self_evaluation_done (sp_project_editor_section_get_project (section)));
}

static void
sp_project_editor_evaluation_read_choice (SpProjectEditorSection *section,
                                          SpProjectField          field,
                                          SpProjectData          *data)
{
  SpProjectEditorEvaluation *self = SP_PROJECT_EDITOR_EVALUATION (section);

  g_assert (field == SP_PROJECT_FIELD_SELF_EVALUATION);
  data->self_evaluation_done = gtk_switch_get_active (self->self_evaluation_switch);
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_evaluation_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_EVALUATION);

  G_OBJECT_CLASS (sp_project_editor_evaluation_parent_class)->dispose (object);
}

static void
sp_project_editor_evaluation_class_init (SpProjectEditorEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_evaluation_dispose;
  section_class->refresh = sp_project_editor_evaluation_refresh;
  section_class->read_choice = sp_project_editor_evaluation_read_choice;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-evaluation.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorEvaluation, results_view);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorEvaluation, self_evaluation_switch);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorEvaluation, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorEvaluation, report_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorEvaluation, evaluation_view);
}

static void
sp_project_editor_evaluation_init (SpProjectEditorEvaluation *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);

  gtk_widget_init_template (GTK_WIDGET (self));

  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_RESULTS, GTK_WIDGET (self->results_view));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_SELF_EVALUATION,
                                       GTK_WIDGET (self->self_evaluation_switch));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_ASSESSOR, GTK_WIDGET (self->assessor_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_REPORT_DATE, GTK_WIDGET (self->report_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_EVALUATION, GTK_WIDGET (self->evaluation_view));
}
