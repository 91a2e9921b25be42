/* sp-project-decision.c: a board decision on a project, and the status workflow it drives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step of the workflow is one undoable edit that records the decision
 * (with the status it set) and sets the project's status. The project's
 * status is always that of its latest status-setting decision, or
 * "application" without one: deleting that latest decision takes the status
 * back a step.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-edit-private.h"
#include "sp-project-decision.h"
#include "sp-project-private.h"
#include "sp-record-loader-private.h"

struct _SpProjectDecision
{
  SpRecord         parent_instance;

  gint64           project_id;
  char            *date;
  char            *paragraph;
  char            *text;
  gboolean         changes_status;
  SpProjectStatus  status;
};

G_DEFINE_FINAL_TYPE (SpProjectDecision, sp_project_decision, SP_TYPE_RECORD)

enum {
  DECISION_PROP_0,
  DECISION_PROP_PROJECT_ID,
  DECISION_PROP_DATE,
  DECISION_PROP_PARAGRAPH,
  DECISION_PROP_TEXT,
  DECISION_PROP_CHANGES_STATUS,
  DECISION_PROP_STATUS,
  DECISION_N_PROPS
};

static GParamSpec *decision_properties[DECISION_N_PROPS];

static const char *decision_tables[] = { "project_decision", NULL };

#define DECISION_COLUMNS "id, project_id, date, paragraph, text, status FROM project_decision"

/* Why the workflow does not allow @from → @to, for the user. */
static const char *
transition_message (SpProjectStatus from,
                    SpProjectStatus to)
{
  switch (to)
    {
    case SP_PROJECT_STATUS_GRANTED:
    case SP_PROJECT_STATUS_REJECTED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("The application has already been rejected.");
      return _("The application has already been granted.");
    case SP_PROJECT_STATUS_ONGOING:
      if (from == SP_PROJECT_STATUS_APPLICATION)
        return _("The application must be granted before the project can start.");
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be started.");
      if (from == SP_PROJECT_STATUS_ONGOING)
        return _("The project has already started.");
      return _("A finished project cannot be started again.");
    case SP_PROJECT_STATUS_FINISHED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be finished.");
      if (from == SP_PROJECT_STATUS_APPLICATION || from == SP_PROJECT_STATUS_GRANTED)
        return _("The project has not started, so it cannot be finished.");
      return _("The project has already finished.");
    case SP_PROJECT_STATUS_IMPLEMENTED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be implemented.");
      if (from == SP_PROJECT_STATUS_IMPLEMENTED)
        return _("The project has already been implemented.");
      return _("Only a finished project can be implemented.");
    case SP_PROJECT_STATUS_APPLICATION:
      return _("A project cannot become an application again. Delete the decision that changed its status instead.");
    default:
      return _("Unknown project status.");
    }
}

static SpRecord *
decision_from_row (sqlite3_stmt *stmt)
{
  SpProjectDecision *self = g_object_new (SP_TYPE_PROJECT_DECISION,
                                          "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  g_free (self->date);
  self->date = g_strdup (sp_edit_column_text (stmt, 2));
  g_free (self->paragraph);
  self->paragraph = g_strdup (sp_edit_column_text (stmt, 3));
  g_free (self->text);
  self->text = g_strdup (sp_edit_column_text (stmt, 4));
  self->changes_status = sqlite3_column_type (stmt, 5) != SQLITE_NULL &&
                         sp_project_status_from_string (sp_edit_column_text (stmt, 5), &self->status);
  return SP_RECORD (self);
}

/* A board decision's fields, checked. */
static gboolean
validate_decision (const SpProjectDecisionData  *decision,
                   char                        **out_paragraph,
                   char                        **out_text,
                   GError                      **error)
{
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;

  if (decision == NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A board decision needs a date."));
      return FALSE;
    }
  if (decision->date == NULL || decision->date[0] == '\0')
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A board decision needs a date."));
      return FALSE;
    }
  if (!sp_edit_check_date (decision->date, error))
    return FALSE;
  paragraph = sp_project_clean_line (decision->paragraph, SP_PROJECT_PARAGRAPH_MAX_CHARS,
                                     _("The paragraph"), error);
  if (paragraph == NULL)
    return FALSE;
  text = sp_project_clean_field (decision->text, SP_TEXT_MAX_CHARS, _("The decision"), error);
  if (text == NULL)
    return FALSE;
  *out_paragraph = g_steal_pointer (&paragraph);
  *out_text = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
insert_decision (SpDatabase                   *database,
                 gint64                        project_id,
                 const SpProjectDecisionData  *decision,
                 const char                   *paragraph,
                 const char                   *text,
                 const char                   *status,
                 gint64                       *out_id,
                 GError                      **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_decision (project_id, date, paragraph, text, status) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sp_edit_bind_text (stmt, 2, decision->date);
  sp_edit_bind_text (stmt, 3, paragraph);
  sp_edit_bind_text (stmt, 4, text);
  sp_edit_bind_text (stmt, 5, status);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

/* Reads the project and status of decision @id. */
static gboolean
read_decision (SpDatabase       *database,
               gint64            id,
               gint64           *out_project_id,
               char            **out_status,
               GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database, "SELECT project_id, status FROM project_decision WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *out_project_id = sqlite3_column_int64 (stmt, 0);
      *out_status = sp_record_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                           _("The board decision no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* One edit's arguments and results. */
typedef struct {
  gint64                       id;
  const SpProjectDecisionData *decision;
  SpProjectStatus              status;
  gint64                       new_id;
} DecisionEdit;

static gboolean
do_change_status (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  DecisionEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;
  SpProjectStatus current = SP_PROJECT_STATUS_APPLICATION;

  if (!sp_project_read_state (database, edit->id, &current, NULL, NULL, error))
    return FALSE;
  if (edit->status > SP_PROJECT_STATUS_IMPLEMENTED ||
      !sp_project_status_can_change (current, edit->status))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, transition_message (current, edit->status));
      return FALSE;
    }
  if (!validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;
  if (!insert_decision (database, edit->id, edit->decision, paragraph, text,
                        sp_project_status_to_string (edit->status), &edit->new_id, error))
    return FALSE;
  return sp_project_write_status (database, edit->id, edit->status, error);
}

static gboolean
do_add_decision (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  DecisionEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;

  if (!sp_project_check_exists (database, edit->id, error) ||
      !validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;
  return insert_decision (database, edit->id, edit->decision, paragraph, text, NULL,
                          &edit->new_id, error);
}

/* The project's end date, or NULL when it has none. */
static gboolean
read_end_date (SpDatabase  *database,
               gint64       id,
               char       **out_end,
               GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT end_date FROM project WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  *out_end = sqlite3_step (stmt) == SQLITE_ROW ? sp_record_column_dup (stmt, 0) : NULL;
  sqlite3_reset (stmt);
  return TRUE;
}

/* @date (YYYY-MM-DD) a year on; 29 February becomes 28 February. */
static char *
date_add_year (const char *date)
{
  g_autoptr(GDate) day = NULL;
  unsigned y = 0, m = 0, d = 0;
  char text[16];

  if (sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  day = g_date_new_dmy (d, m, y);
  g_date_add_years (day, 1);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u",
              g_date_get_year (day), g_date_get_month (day), g_date_get_day (day));
  return g_strdup (text);
}

static gboolean
do_extend (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  DecisionEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;
  g_autofree char *end = NULL;
  g_autofree char *new_end = NULL;
  SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;
  sqlite3_stmt *stmt;

  if (!sp_project_read_state (database, edit->id, &status, NULL, NULL, error) ||
      !read_end_date (database, edit->id, &end, error))
    return FALSE;
  if (status != SP_PROJECT_STATUS_GRANTED && status != SP_PROJECT_STATUS_ONGOING)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("Only a granted or ongoing project can be extended."));
      return FALSE;
    }
  if (end == NULL || end[0] == '\0' || (new_end = date_add_year (end)) == NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The project has no end date to extend. Enter its end date first."));
      return FALSE;
    }
  if (!validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;
  if (text[0] == '\0')
    {
      g_free (text);
      /* Translators: what an extension decision says when nothing else was written; %s is the new end date */
      text = g_strdup_printf (_("The project is extended by a year, to %s."), new_end);
    }
  if (!insert_decision (database, edit->id, edit->decision, paragraph, text, NULL, &edit->new_id, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "UPDATE project SET end_date = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_text (stmt, 2, new_end);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_update_decision (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  DecisionEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  gint64 project_id = 0;
  sqlite3_stmt *stmt;

  if (!read_decision (database, edit->id, &project_id, &status, error) ||
      !validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE project_decision SET date = ?2, paragraph = ?3, text = ?4 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_text (stmt, 2, edit->decision->date);
  sp_edit_bind_text (stmt, 3, paragraph);
  sp_edit_bind_text (stmt, 4, text);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_delete_decision (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  DecisionEdit *edit = user_data;
  g_autofree char *status = NULL;
  gint64 project_id = 0;
  sqlite3_stmt *stmt;

  if (!read_decision (database, edit->id, &project_id, &status, error))
    return FALSE;

  if (status != NULL)
    {
      /* The project's status is that of its latest status decision: only
       * that one may go, and the status goes back to the one before. */
      SpProjectStatus previous = SP_PROJECT_STATUS_APPLICATION;
      gint64 latest = 0;

      stmt = sp_edit_prepare (database,
                              "SELECT max (id) FROM project_decision "
                              "WHERE project_id = ?1 AND status IS NOT NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      if (!sp_edit_query_int64 (database, stmt, &latest, error))
        return FALSE;
      if (latest != edit->id)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                               _("A later decision changed the project’s status after this one. "
                                 "Delete that decision first."));
          return FALSE;
        }

      stmt = sp_edit_prepare (database,
                              "SELECT status FROM project_decision WHERE project_id = ?1 "
                              "AND status IS NOT NULL AND id < ?2 ORDER BY id DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, edit->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sp_project_status_from_string (sp_edit_column_text (stmt, 0), &previous);
      sqlite3_reset (stmt);
      if (!sp_project_write_status (database, project_id, previous, error))
        return FALSE;
    }

  stmt = sp_edit_prepare (database, "DELETE FROM project_decision WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

static void
sp_project_decision_finalize (GObject *object)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  g_free (self->date);
  g_free (self->paragraph);
  g_free (self->text);

  G_OBJECT_CLASS (sp_project_decision_parent_class)->finalize (object);
}

static void
sp_project_decision_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  switch (prop_id)
    {
    case DECISION_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case DECISION_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case DECISION_PROP_PARAGRAPH:
      g_value_set_string (value, self->paragraph);
      break;
    case DECISION_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case DECISION_PROP_CHANGES_STATUS:
      g_value_set_boolean (value, self->changes_status);
      break;
    case DECISION_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_decision_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  switch (prop_id)
    {
    case DECISION_PROP_PROJECT_ID:
      SP_RECORD_SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case DECISION_PROP_DATE:
      sp_record_set_string_field (object, &self->date, value, pspec);
      break;
    case DECISION_PROP_PARAGRAPH:
      sp_record_set_string_field (object, &self->paragraph, value, pspec);
      break;
    case DECISION_PROP_TEXT:
      sp_record_set_string_field (object, &self->text, value, pspec);
      break;
    case DECISION_PROP_CHANGES_STATUS:
      SP_RECORD_SET_FIELD (self->changes_status, g_value_get_boolean (value));
      break;
    case DECISION_PROP_STATUS:
      SP_RECORD_SET_FIELD (self->status, (SpProjectStatus) g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_decision_class_init (SpProjectDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_project_decision_finalize;
  object_class->get_property = sp_project_decision_get_property;
  object_class->set_property = sp_project_decision_set_property;

  decision_properties[DECISION_PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  decision_properties[DECISION_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  decision_properties[DECISION_PROP_PARAGRAPH] = g_param_spec_string ("paragraph", NULL, NULL, "", flags);
  decision_properties[DECISION_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  /* Whether this decision moved the project in the workflow, to "status" */
  decision_properties[DECISION_PROP_CHANGES_STATUS] =
    g_param_spec_boolean ("changes-status", NULL, NULL, FALSE, flags);
  decision_properties[DECISION_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SP_TYPE_PROJECT_STATUS, SP_PROJECT_STATUS_APPLICATION, flags);
  g_object_class_install_properties (object_class, DECISION_N_PROPS, decision_properties);
}

static void
sp_project_decision_init (SpProjectDecision *self)
{
  self->date = g_strdup ("");
  self->paragraph = g_strdup ("");
  self->text = g_strdup ("");
}

gint64
sp_project_decision_get_project_id (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), 0);
  return self->project_id;
}

const char *
sp_project_decision_get_date (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->date;
}

/* Returns: the paragraph of the minutes, "§ 12", or "" */
const char *
sp_project_decision_get_paragraph (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->paragraph;
}

const char *
sp_project_decision_get_text (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->text;
}

/* Whether the decision was a step of the workflow (to get_status()). */
gboolean
sp_project_decision_get_changes_status (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), FALSE);
  return self->changes_status;
}

/* Returns: the status the decision set; meaningful only when it changes the status */
SpProjectStatus
sp_project_decision_get_status (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), SP_PROJECT_STATUS_APPLICATION);
  return self->status;
}

/**
 * sp_project_change_status:
 * @status: the status to move to; sp_project_status_can_change() must allow it
 * @decision: the board decision that does it
 *
 * One step of the workflow, as one undoable edit: records @decision (with
 * the status it sets) and sets the project's status. A step the workflow
 * does not allow is refused with a message that says why.
 */
gboolean
sp_project_change_status (SpDatabase                   *database,
                          gint64                        id,
                          SpProjectStatus               status,
                          const SpProjectDecisionData  *decision,
                          GError                      **error)
{
  DecisionEdit edit = { .id = id, .status = status, .decision = decision };
  const char *label;

  switch (status)
    {
    case SP_PROJECT_STATUS_GRANTED:
      label = _("Grant application");
      break;
    case SP_PROJECT_STATUS_REJECTED:
      label = _("Reject application");
      break;
    case SP_PROJECT_STATUS_ONGOING:
      label = _("Start project");
      break;
    case SP_PROJECT_STATUS_FINISHED:
      label = _("Finish project");
      break;
    case SP_PROJECT_STATUS_IMPLEMENTED:
      label = _("Implement project");
      break;
    case SP_PROJECT_STATUS_APPLICATION:
    default:
      label = _("Change project status");
      break;
    }
  return sp_edit_run (database, label, do_change_status, &edit, error);
}

/* The board grants (@granted) or rejects an application. */
gboolean
sp_project_decide (SpDatabase                   *database,
                   gint64                        id,
                   gboolean                      granted,
                   const SpProjectDecisionData  *decision,
                   GError                      **error)
{
  return sp_project_change_status (database, id,
                                   granted ? SP_PROJECT_STATUS_GRANTED : SP_PROJECT_STATUS_REJECTED,
                                   decision, error);
}

/* A granted project starts: ongoing. */
gboolean
sp_project_start (SpDatabase                   *database,
                  gint64                        id,
                  const SpProjectDecisionData  *decision,
                  GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_ONGOING, decision, error);
}

/* An ongoing project ends: finished. */
gboolean
sp_project_finish (SpDatabase                   *database,
                   gint64                        id,
                   const SpProjectDecisionData  *decision,
                   GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_FINISHED, decision, error);
}

/* A finished project's work goes into regular operations: implemented. */
gboolean
sp_project_implement (SpDatabase                   *database,
                      gint64                        id,
                      const SpProjectDecisionData  *decision,
                      GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_IMPLEMENTED, decision, error);
}

/**
 * sp_project_decision_list_new:
 *
 * Returns: (transfer full): the board decisions on the project, by date
 */
SpRecordList *
sp_project_decision_list_new (SpDatabase *database,
                              gint64      project_id)
{
  const char *sql =
    "SELECT " DECISION_COLUMNS " WHERE project_id = ?1 ORDER BY date, id";

  return sp_record_list_new_for_query (database, SP_TYPE_PROJECT_DECISION, decision_tables,
                                       sql, decision_from_row, project_id);
}

/**
 * sp_project_add_decision:
 *
 * Records a board decision that does not change the status (an extension,
 * more funds), as one undoable edit.
 *
 * Returns: the decision's id, or 0 with @error set
 */
gint64
sp_project_add_decision (SpDatabase                   *database,
                         gint64                        project_id,
                         const SpProjectDecisionData  *decision,
                         GError                      **error)
{
  DecisionEdit edit = { .id = project_id, .decision = decision };

  if (!sp_edit_run (database, _("Add board decision"), do_add_decision, &edit, error))
    return 0;
  return edit.new_id;
}

/**
 * sp_project_extend:
 * @decision: the board decision that extends the project; an empty text
 *   becomes "Projektet förlängs ett år, till …"
 *
 * The board extends a granted or ongoing project by a year: records
 * @decision and moves the project's end date a year on (29 February to
 * 28 February), as one undoable edit. A project without an end date is
 * refused.
 *
 * Returns: the decision's id, or 0 with @error set
 */
gint64
sp_project_extend (SpDatabase                   *database,
                   gint64                        project_id,
                   const SpProjectDecisionData  *decision,
                   GError                      **error)
{
  DecisionEdit edit = { .id = project_id, .decision = decision };

  if (!sp_edit_run (database, _("Extend project by a year"), do_extend, &edit, error))
    return 0;
  return edit.new_id;
}

/* Changes a decision's date, paragraph and text; never the status it set. */
gboolean
sp_project_update_decision (SpDatabase                   *database,
                            gint64                        decision_id,
                            const SpProjectDecisionData  *decision,
                            GError                      **error)
{
  DecisionEdit edit = { .id = decision_id, .decision = decision };

  return sp_edit_run (database, _("Change board decision"), do_update_decision, &edit, error);
}

/**
 * sp_project_delete_decision:
 *
 * Deletes a board decision. A decision that changed the status may be
 * deleted only when it is the latest such decision of the project; the
 * project then goes back to the status it had before it.
 */
gboolean
sp_project_delete_decision (SpDatabase  *database,
                            gint64       decision_id,
                            GError     **error)
{
  DecisionEdit edit = { .id = decision_id };

  return sp_edit_run (database, _("Delete board decision"), do_delete_decision, &edit, error);
}
