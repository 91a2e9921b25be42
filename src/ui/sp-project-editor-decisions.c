/* sp-project-editor-decisions.c: the project's status and the board's decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step of the workflow (grant, reject, start, finish, implement) is a board
 * decision: its button opens a small form for the date, paragraph and text of
 * the decision, which records it as one core call. So does an extension by a
 * year, which moves the end date. The decisions so far are
 * listed below.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-decisions.h"

#include "sp-project-decision.h"

typedef enum {
  STEP_GRANT,
  STEP_REJECT,
  STEP_START,
  STEP_FINISH,
  STEP_IMPLEMENT,
  STEP_EXTEND,
} Step;

struct _SpProjectEditorDecisions
{
  SpProjectEditorSection parent_instance;

  Step                   step;

  /* Template widgets */
  GtkLabel              *status_label;
  GtkWidget             *grant_button;
  GtkWidget             *reject_button;
  GtkWidget             *start_button;
  GtkWidget             *finish_button;
  GtkWidget             *implement_button;
  GtkWidget             *extend_button;
  GtkRevealer           *decision_revealer;
  GtkLabel              *decision_heading;
  GtkEntry              *decision_date_entry;
  GtkEntry              *decision_paragraph_entry;
  GtkEntry              *decision_text_entry;
  GtkLabel              *decision_error_label;
  GtkListBox            *decisions_list;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorDecisions, sp_project_editor_decisions, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

static GtkWidget *
create_decision_row_cb (gpointer item,
                        gpointer user_data)
{
  SpProjectDecision *decision = item;
  const char *paragraph = sp_project_decision_get_paragraph (decision);
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (paragraph != NULL && paragraph[0] != '\0')
    /* Translators: a board decision: its date and paragraph, e.g. "2009-03-24, § 12" */
    title = g_strdup_printf (_("%s, %s"), sp_project_decision_get_date (decision), paragraph);
  else
    title = g_strdup (sp_project_decision_get_date (decision));
  row = sp_project_editor_section_make_row (title, sp_project_decision_get_text (decision));
  if (sp_project_decision_get_changes_status (decision))
    {
      GtkWidget *label = gtk_label_new (sp_project_status_get_label (sp_project_decision_get_status (decision)));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_workflow_button_clicked_cb (SpProjectEditorDecisions *self,
                               GtkButton                *button)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *heading;

  if (GTK_WIDGET (button) == self->grant_button)
    {
      self->step = STEP_GRANT;
      heading = _("Grant the application: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->reject_button)
    {
      self->step = STEP_REJECT;
      heading = _("Reject the application: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->start_button)
    {
      self->step = STEP_START;
      heading = _("Start the project: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->finish_button)
    {
      self->step = STEP_FINISH;
      heading = _("Finish the project: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->extend_button)
    {
      self->step = STEP_EXTEND;
      heading = _("Extend the project by a year: the board’s decision");
    }
  else
    {
      self->step = STEP_IMPLEMENT;
      heading = _("Implement the project in regular operations: the board’s decision");
    }
  gtk_label_set_text (self->decision_heading, heading);
  if (gtk_entry_buffer_get_length (gtk_entry_get_buffer (self->decision_date_entry)) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->decision_date_entry), today);
  sp_project_editor_section_set_label_error (self->decision_error_label, NULL);
  sp_project_editor_section_set_entry_error (GTK_WIDGET (self->decision_date_entry), NULL);
  gtk_revealer_set_reveal_child (self->decision_revealer, TRUE);
  gtk_entry_grab_focus_without_selecting (self->decision_date_entry);
}

static void
on_decision_cancel_button_clicked_cb (SpProjectEditorDecisions *self)
{
  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
  sp_project_editor_section_set_label_error (self->decision_error_label, NULL);
}

/* The longest text that may be a date, "2009-03-24" with a little room. */
#define DATE_MAX_CHARS 20

static void
on_decision_apply_button_clicked_cb (SpProjectEditorDecisions *self)
{
  SpDatabase *database = sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self));
  gint64 id = sp_project_editor_section_get_project_id (SP_PROJECT_EDITOR_SECTION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decision_date_entry))));
  SpProjectDecisionData decision = { 0 };
  gboolean ok = FALSE;

  if (id == 0 || database == NULL)
    return;
  /* A date has ten characters: a longer text is refused here, quoting only
   * its start, so that no message or tooltip carries a whole pasted text. */
  if (g_utf8_strlen (date, -1) > DATE_MAX_CHARS)
    {
      g_autofree char *start = g_utf8_substring (date, 0, DATE_MAX_CHARS);
      g_autofree char *message =
        /* Translators: %s is the start of a long text typed as a date; %ld its length */
        g_strdup_printf (_("“%s…” (%ld characters) is not a date. Write it as year-month-day, e.g. 2009-03-24."),
                         start, g_utf8_strlen (date, -1));

      sp_project_editor_section_set_label_error (self->decision_error_label, message);
      sp_project_editor_section_set_entry_error (GTK_WIDGET (self->decision_date_entry), message);
      return;
    }

  decision.date = date;
  decision.paragraph = gtk_editable_get_text (GTK_EDITABLE (self->decision_paragraph_entry));
  decision.text = gtk_editable_get_text (GTK_EDITABLE (self->decision_text_entry));
  switch (self->step)
    {
    case STEP_GRANT:
      ok = sp_project_decide (database, id, TRUE, &decision, &error);
      break;
    case STEP_REJECT:
      ok = sp_project_decide (database, id, FALSE, &decision, &error);
      break;
    case STEP_START:
      ok = sp_project_start (database, id, &decision, &error);
      break;
    case STEP_FINISH:
      ok = sp_project_finish (database, id, &decision, &error);
      break;
    case STEP_IMPLEMENT:
      ok = sp_project_implement (database, id, &decision, &error);
      break;
    case STEP_EXTEND:
      ok = sp_project_extend (database, id, &decision, &error) != 0;
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    {
      sp_project_editor_section_set_label_error (self->decision_error_label, error->message);
      sp_project_editor_section_set_entry_error (GTK_WIDGET (self->decision_date_entry),
                                                 g_strrstr (error->message, date[0] != '\0' ? date : "\x01") != NULL ||
                                                 date[0] == '\0' ? error->message : NULL);
      return;
    }
  sp_project_editor_section_set_label_error (self->decision_error_label, NULL);
  sp_project_editor_section_set_entry_error (GTK_WIDGET (self->decision_date_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->decision_paragraph_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->decision_text_entry), "");
  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_decisions_project_changed (SpProjectEditorSection *section)
{
  SpProjectEditorDecisions *self = SP_PROJECT_EDITOR_DECISIONS (section);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);

  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
  sp_project_editor_section_set_label_error (self->decision_error_label, NULL);
  if (id == 0 || database == NULL)
    gtk_list_box_bind_model (self->decisions_list, NULL, NULL, NULL, NULL);
  else
    {
      g_autoptr(SpRecordList) decisions = sp_project_decision_list_new (database, id);

      gtk_list_box_bind_model (self->decisions_list, G_LIST_MODEL (decisions), create_decision_row_cb, self, NULL);
    }
}

static void
sp_project_editor_decisions_refresh (SpProjectEditorSection *section)
{
  SpProjectEditorDecisions *self = SP_PROJECT_EDITOR_DECISIONS (section);
  SpProject *project = sp_project_editor_section_get_project (section);
  SpProjectStatus status = sp_project_get_status (project);

  gtk_label_set_text (self->status_label, sp_project_status_get_label (status));
  gtk_widget_set_sensitive (self->grant_button, status == SP_PROJECT_STATUS_APPLICATION);
  gtk_widget_set_sensitive (self->reject_button, status == SP_PROJECT_STATUS_APPLICATION);
  gtk_widget_set_sensitive (self->start_button, sp_project_status_can_change (status, SP_PROJECT_STATUS_ONGOING));
  gtk_widget_set_sensitive (self->finish_button, sp_project_status_can_change (status, SP_PROJECT_STATUS_FINISHED));
  gtk_widget_set_sensitive (self->implement_button,
                            sp_project_status_can_change (status, SP_PROJECT_STATUS_IMPLEMENTED));
  gtk_widget_set_sensitive (self->extend_button,
                            (status == SP_PROJECT_STATUS_GRANTED || status == SP_PROJECT_STATUS_ONGOING) &&
                            sp_project_get_end_date (project) != NULL &&
                            sp_project_get_end_date (project)[0] != '\0');
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_decisions_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_DECISIONS);

  G_OBJECT_CLASS (sp_project_editor_decisions_parent_class)->dispose (object);
}

static void
sp_project_editor_decisions_class_init (SpProjectEditorDecisionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_decisions_dispose;
  section_class->project_changed = sp_project_editor_decisions_project_changed;
  section_class->refresh = sp_project_editor_decisions_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-decisions.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, status_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, grant_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, reject_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, start_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, finish_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, implement_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, extend_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_heading);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_paragraph_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_text_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decision_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorDecisions, decisions_list);
  gtk_widget_class_bind_template_callback (widget_class, on_workflow_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_apply_button_clicked_cb);
}

static void
sp_project_editor_decisions_init (SpProjectEditorDecisions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
