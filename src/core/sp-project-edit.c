/* sp-project-edit.c: adding, changing, archiving and deleting projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change is one undoable edit, checked in full before anything is
 * written. A project with board decisions is part of the record and is
 * archived rather than deleted.
 *
 * Rows per year (granted funds, co-funding, participants) have no foreign key
 * to plan_year: a project's years need not have a plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-project-private.h"

/* Longest texts of the fields that are not names. */
#define CONTACT_MAX_CHARS 1000

/* Runs @sql (a count with ?1 = @id) and says whether it found anything. */
static gboolean
count_positive (SpDatabase  *database,
                const char  *sql,
                gint64       id,
                gboolean    *out_found,
                GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  *out_found = n > 0;
  return TRUE;
}

/* An optional date: NULL or "" is not set (NULL); anything else a real date. */
static gboolean
clean_date (const char  *date,
            const char **out_date,
            GError     **error)
{
  if (date == NULL || date[0] == '\0')
    {
      *out_date = NULL;
      return TRUE;
    }
  if (!sp_edit_check_date (date, error))
    return FALSE;
  *out_date = date;
  return TRUE;
}

/* A project's fields, checked and ready to store. */
typedef struct {
  char       *name;
  char       *short_name;
  char       *description;
  char       *contact;
  char       *results;
  char       *external_assessor;
  char       *evaluation;
  const char *start_date;
  const char *end_date;
  const char *report_date;
} CleanProject;

static void
clean_project_clear (CleanProject *clean)
{
  g_clear_pointer (&clean->name, g_free);
  g_clear_pointer (&clean->short_name, g_free);
  g_clear_pointer (&clean->description, g_free);
  g_clear_pointer (&clean->contact, g_free);
  g_clear_pointer (&clean->results, g_free);
  g_clear_pointer (&clean->external_assessor, g_free);
  g_clear_pointer (&clean->evaluation, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanProject, clean_project_clear)

/* Checks @data, every rule before anything is stored. */
static gboolean
validate_project (SpDatabase           *database,
                  const SpProjectData  *data,
                  CleanProject         *clean,
                  GError              **error)
{
  clean->name = sp_text_clean_name (data->name, _("The name of the project"), error);
  if (clean->name == NULL)
    return FALSE;
  clean->short_name = sp_project_clean_line (data->short_name, SP_NAME_MAX_CHARS, _("The short name"), error);
  if (clean->short_name == NULL)
    return FALSE;
  if (data->kind > SP_PROJECT_KIND_INITIATIVE)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown kind of project."));
      return FALSE;
    }
  if ((clean->description = sp_project_clean_field (data->description, SP_TEXT_MAX_CHARS,
                                                    _("The description"), error)) == NULL ||
      (clean->contact = sp_project_clean_field (data->contact, CONTACT_MAX_CHARS, _("The contact"), error)) == NULL ||
      (clean->results = sp_project_clean_field (data->results, SP_TEXT_MAX_CHARS, _("The results"), error)) == NULL ||
      (clean->evaluation = sp_project_clean_field (data->evaluation, SP_TEXT_MAX_CHARS,
                                                   _("The evaluation"), error)) == NULL)
    return FALSE;
  clean->external_assessor = sp_project_clean_line (data->external_assessor, SP_NAME_MAX_CHARS,
                                                    _("The external co-assessor"), error);
  if (clean->external_assessor == NULL)
    return FALSE;

  if (data->priority < 0 || data->priority > SP_PROJECT_PRIORITY_MAX)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The priority must be between 1 and %d, or not set."), SP_PROJECT_PRIORITY_MAX);
      return FALSE;
    }
  if (data->planned_participants < -1)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The number of planned participants cannot be negative."));
      return FALSE;
    }

  if (!clean_date (data->start_date, &clean->start_date, error) ||
      !clean_date (data->end_date, &clean->end_date, error) ||
      !clean_date (data->report_date, &clean->report_date, error))
    return FALSE;
  if (clean->start_date != NULL && clean->end_date != NULL &&
      strcmp (clean->end_date, clean->start_date) < 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The project cannot end (%s) before it starts (%s)."),
                   clean->end_date, clean->start_date);
      return FALSE;
    }

  if (data->owned_by_association && data->owner_id != 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A project owned by the association cannot also be owned by a member."));
      return FALSE;
    }
  if (data->owner_id != 0 &&
      !sp_project_check_member (database, data->owner_id, _("The project owner is not a member organisation."), error))
    return FALSE;
  if (data->area_id != 0)
    {
      gboolean found = FALSE;

      if (!count_positive (database, "SELECT count(*) FROM area WHERE id = ?1 AND implicit = 0", data->area_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                               _("The activity area no longer exists."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds ?2…?18 of an insert or update of a project. */
static void
bind_project (sqlite3_stmt        *stmt,
              const SpProjectData *data,
              const CleanProject  *clean)
{
  sp_edit_bind_text (stmt, 2, clean->name);
  sp_edit_bind_text (stmt, 3, clean->short_name);
  sqlite3_bind_text (stmt, 4, sp_project_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sp_edit_bind_text (stmt, 5, clean->description);
  sp_edit_bind_optional (stmt, 6, data->owner_id != 0, data->owner_id);
  sp_edit_bind_text (stmt, 7, clean->contact);
  sp_edit_bind_optional (stmt, 8, data->area_id != 0, data->area_id);
  sp_edit_bind_optional (stmt, 9, data->priority != 0, data->priority);
  sp_edit_bind_text (stmt, 10, clean->start_date);
  sp_edit_bind_text (stmt, 11, clean->end_date);
  sp_edit_bind_optional (stmt, 12, data->planned_participants >= 0, data->planned_participants);
  sp_edit_bind_text (stmt, 13, clean->results);
  sqlite3_bind_int (stmt, 14, data->self_evaluation_done ? 1 : 0);
  sp_edit_bind_text (stmt, 15, clean->external_assessor);
  sp_edit_bind_text (stmt, 16, clean->report_date);
  sp_edit_bind_text (stmt, 17, clean->evaluation);
  sqlite3_bind_int (stmt, 18, data->owned_by_association ? 1 : 0);
}

/* One edit's arguments and results. */
typedef struct {
  gint64               id;
  const SpProjectData *data;
  gboolean             flag;
  const gint64        *ids;
  guint                n_ids;
  gint64               new_id;
} ProjectEdit;

static gboolean
do_add (SpDatabase  *database,
        gpointer     user_data,
        GError     **error)
{
  ProjectEdit *edit = user_data;
  g_auto(CleanProject) clean = { NULL };
  sqlite3_stmt *stmt;

  if (!validate_project (database, edit->data, &clean, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project (name, short_name, kind, description, owner_id, contact, "
                          "area_id, priority, start_date, end_date, planned_participants, results, "
                          "self_evaluation_done, external_assessor, report_date, evaluation, owned_by_association) "
                          "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_project (stmt, edit->data, &clean);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->new_id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  ProjectEdit *edit = user_data;
  g_auto(CleanProject) clean = { NULL };
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error) ||
      !validate_project (database, edit->data, &clean, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE project SET name = ?2, short_name = ?3, kind = ?4, description = ?5, "
                          "owner_id = ?6, contact = ?7, area_id = ?8, priority = ?9, start_date = ?10, "
                          "end_date = ?11, planned_participants = ?12, results = ?13, "
                          "self_evaluation_done = ?14, external_assessor = ?15, report_date = ?16, "
                          "evaluation = ?17, owned_by_association = ?18 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_project (stmt, edit->data, &clean);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_delete (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;
  guint n_decisions = 0;

  if (!sp_project_read_state (database, edit->id, NULL, NULL, &n_decisions, error))
    return FALSE;
  if (n_decisions > 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                           _("The project has board decisions and cannot be deleted."));
      return FALSE;
    }
  /* Its target groups, grants, co-funding, participants and goals go with it. */
  stmt = sp_edit_prepare (database, "DELETE FROM project WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_archived (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gboolean archived = FALSE;

  if (!sp_project_read_state (database, edit->id, NULL, &archived, NULL, error))
    return FALSE;
  if (archived == edit->flag)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           archived ? _("The project is already archived.")
                                    : _("The project is not archived."));
      return FALSE;
    }
  stmt = sp_edit_prepare (database, "UPDATE project SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->flag ? 1 : 0);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_target_groups (SpDatabase  *database,
                      gpointer     user_data,
                      GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) current = NULL;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error))
    return FALSE;
  for (guint i = 0; i < edit->n_ids; i++)
    {
      gboolean found = FALSE;

      if (!count_positive (database, "SELECT count(*) FROM target_group WHERE id = ?1",
                           edit->ids[i], &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                               _("A chosen target group no longer exists."));
          return FALSE;
        }
      g_hash_table_add (wanted, (gpointer) &edit->ids[i]);
    }

  /* Only the rows that change are written, so the kept rows keep their ids. */
  current = sp_project_get_target_groups (database, edit->id, error);
  if (current == NULL)
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "DELETE FROM project_target_group WHERE project_id = ?1 AND target_group_id = ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      gint64 target_group = g_array_index (current, gint64, i);

      if (g_hash_table_contains (wanted, &target_group))
        {
          g_hash_table_remove (wanted, &target_group);
          continue;
        }
      sqlite3_bind_int64 (stmt, 1, edit->id);
      sqlite3_bind_int64 (stmt, 2, target_group);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_target_group (project_id, target_group_id) VALUES (?1, ?2)",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->n_ids; i++)
    {
      /* Given twice: inserted once. */
      if (!g_hash_table_remove (wanted, &edit->ids[i]))
        continue;
      sqlite3_bind_int64 (stmt, 1, edit->id);
      sqlite3_bind_int64 (stmt, 2, edit->ids[i]);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sp_project_add:
 *
 * Adds a project as an application, as one undoable edit. Names may repeat:
 * a project may be applied for again in a later year under the same name.
 *
 * Returns: the new project's id, or 0 with @error set
 */
gint64
sp_project_add (SpDatabase           *database,
                const SpProjectData  *data,
                GError              **error)
{
  ProjectEdit edit = { .data = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add project"), do_add, &edit, error))
    return 0;
  return edit.new_id;
}

/* Changes everything of a project but its status, archived flag and rows per year. */
gboolean
sp_project_update (SpDatabase           *database,
                   gint64                id,
                   const SpProjectData  *data,
                   GError              **error)
{
  ProjectEdit edit = { .id = id, .data = data };

  g_return_val_if_fail (data != NULL, FALSE);
  return sp_edit_run (database, _("Change project"), do_update, &edit, error);
}

/**
 * sp_project_delete:
 * @archived: (out) (optional): set to %TRUE when the project was archived
 *   rather than deleted
 *
 * Deletes a project without board decisions, with its target groups, grants,
 * co-funding, participants and goals. A project with board decisions is part
 * of the record: it is archived instead (and @archived tells the caller so).
 * An archived project with decisions cannot be deleted (%SP_ERROR_IN_USE).
 * Either way one undoable edit.
 */
gboolean
sp_project_delete (SpDatabase  *database,
                   gint64       id,
                   gboolean    *archived,
                   GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = TRUE };
  gboolean is_archived = FALSE;
  guint n_decisions = 0;

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);

  if (archived != NULL)
    *archived = FALSE;
  if (!sp_project_read_state (database, id, NULL, &is_archived, &n_decisions, error))
    return FALSE;
  if (n_decisions == 0)
    return sp_edit_run (database, _("Delete project"), do_delete, &edit, error);

  if (is_archived)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                           _("The project has board decisions and is kept in the archive. It cannot be deleted."));
      return FALSE;
    }
  if (!sp_edit_run (database, _("Archive project"), do_set_archived, &edit, error))
    return FALSE;
  if (archived != NULL)
    *archived = TRUE;
  return TRUE;
}

/* Archives a project, with or without board decisions. */
gboolean
sp_project_archive (SpDatabase  *database,
                    gint64       id,
                    GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = TRUE };

  return sp_edit_run (database, _("Archive project"), do_set_archived, &edit, error);
}

/* Takes a project back from the archive into the portfolio. */
gboolean
sp_project_unarchive (SpDatabase  *database,
                      gint64       id,
                      GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = FALSE };

  return sp_edit_run (database, _("Restore project from archive"), do_set_archived, &edit, error);
}

/**
 * sp_project_get_target_groups:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of the
 *   project's target groups, by year and the plan's order
 */
GArray *
sp_project_get_target_groups (SpDatabase  *database,
                              gint64       project_id,
                              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT t.id FROM project_target_group pt "
                          "JOIN target_group t ON t.id = pt.target_group_id "
                          "WHERE pt.project_id = ?1 ORDER BY t.year, t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * sp_project_set_target_groups:
 * @target_group_ids: (array length=n_ids): the project's target groups, all of them
 *
 * Makes these the project's target groups, as one edit.
 */
gboolean
sp_project_set_target_groups (SpDatabase    *database,
                              gint64         project_id,
                              const gint64  *target_group_ids,
                              guint          n_ids,
                              GError       **error)
{
  ProjectEdit edit = { .id = project_id, .ids = target_group_ids, .n_ids = n_ids };

  g_return_val_if_fail (n_ids == 0 || target_group_ids != NULL, FALSE);
  return sp_edit_run (database, _("Set target groups"), do_set_target_groups, &edit, error);
}

/* Core-internal (sp-project-private.h) */

/* An error unless the project @id exists. */
gboolean
sp_project_check_exists (SpDatabase  *database,
                         gint64       id,
                         GError     **error)
{
  gboolean found = FALSE;

  if (!count_positive (database, "SELECT count(*) FROM project WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* An error saying @message unless the member @id exists. */
gboolean
sp_project_check_member (SpDatabase  *database,
                         gint64       id,
                         const char  *message,
                         GError     **error)
{
  gboolean found = FALSE;

  if (!count_positive (database, "SELECT count(*) FROM member WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, message);
      return FALSE;
    }
  return TRUE;
}

/* An error unless @year is a valid year and @amount is
 * 0 … SP_MONEY_MAX; @negative_message says why a negative amount is refused. */
gboolean
sp_project_check_year_amount (int           year,
                              SpMoney       amount,
                              const char   *negative_message,
                              GError      **error)
{
  if (!sp_edit_check_year (year, error))
    return FALSE;
  if (amount < 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, negative_message);
      return FALSE;
    }
  if (amount > SP_MONEY_MAX)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The amount is too large."));
      return FALSE;
    }
  return TRUE;
}

/* An optional line of text: NULL is "", spaces around are removed, and a
 * line that is not empty must be a valid name of at most @max_chars. */
char *
sp_project_clean_line (const char  *text,
                       gsize        max_chars,
                       const char  *what,
                       GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *clean = NULL;

  if (text == NULL)
    return g_strdup ("");
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0' && g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  clean = sp_text_clean_name (stripped, what, error);
  if (clean == NULL)
    return NULL;
  if ((gsize) g_utf8_strlen (clean, -1) > max_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s is too long: at most %d characters."), what, (int) max_chars);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Free text of a field: NULL is "". The message names the field. */
char *
sp_project_clean_field (const char  *text,
                        gsize        max_chars,
                        const char  *what,
                        GError     **error)
{
  char *clean;

  if (text == NULL)
    return g_strdup ("");
  clean = sp_edit_clean_text (text, max_chars, error);
  if (clean == NULL)
    /* Translators: %s names a field, e.g. "The description"; the message follows */
    g_prefix_error (error, _("%s: "), what);
  return clean;
}

/* Reads the status and archived flag of project @id. */
gboolean
sp_project_read_state (SpDatabase       *database,
                       gint64            id,
                       SpProjectStatus  *out_status,
                       gboolean         *out_archived,
                       guint            *out_n_decisions,
                       GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT status, archived, (SELECT count(*) FROM project_decision "
                          "WHERE project_id = ?1) FROM project WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (out_status != NULL)
        {
          *out_status = SP_PROJECT_STATUS_APPLICATION;
          sp_project_status_from_string (sp_edit_column_text (stmt, 0), out_status);
        }
      if (out_archived != NULL)
        *out_archived = sqlite3_column_int (stmt, 1) != 0;
      if (out_n_decisions != NULL)
        *out_n_decisions = (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* Sets the status of project @id; the caller records the decision. */
gboolean
sp_project_write_status (SpDatabase       *database,
                         gint64            id,
                         SpProjectStatus   status,
                         GError          **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "UPDATE project SET status = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, sp_project_status_to_string (status), -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}
