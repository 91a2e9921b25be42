/* sp-portfolio.c: a year across the portfolio: figures and totals of all projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each function answers for every project at once, in a few queries, so that
 * a page or an export of ten thousand projects does not ask once per project.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-edit-private.h"
#include "sp-portfolio.h"
#include "sp-project.h"

/* The year of an ISO date, or 0 for none. */
static int
date_year (const char *date)
{
  if (date == NULL || strlen (date) < 4)
    return 0;
  return (int) g_ascii_strtoll (date, NULL, 10);
}

/* Whether a project of @status with this period runs in @year; see
 * sp_project_is_active_in(). */
static gboolean
runs_in (SpProjectStatus  status,
         const char      *start_date,
         const char      *end_date,
         gboolean         has_grant,
         int              year)
{
  gboolean running = status == SP_PROJECT_STATUS_GRANTED || status == SP_PROJECT_STATUS_ONGOING;
  int first = date_year (start_date);
  int last = date_year (end_date);

  if (status == SP_PROJECT_STATUS_APPLICATION || status == SP_PROJECT_STATUS_REJECTED)
    return FALSE;
  if (has_grant)
    return TRUE;
  if (first == 0 && last == 0)
    return status == SP_PROJECT_STATUS_ONGOING;
  if (first == 0)
    first = running ? G_MININT : last;
  if (last == 0)
    last = running ? G_MAXINT : first;
  return first <= year && year <= last;
}

static void
year_details_free (SpProjectYearDetails *details)
{
  g_strfreev (details->target_groups);
  g_array_unref (details->cofunding);
  g_free (details->decision_date);
  g_free (details->decision_paragraph);
  g_free (details->latest_date);
  g_free (details->latest_paragraph);
  g_free (details->latest_text);
  g_free (details);
}

/* The project's entry of @details, made when it has none yet. */
static SpProjectYearDetails *
year_details_get (GHashTable *details,
                  gint64      project_id)
{
  SpProjectYearDetails *entry = g_hash_table_lookup (details, &project_id);

  if (entry != NULL)
    return entry;
  entry = g_new0 (SpProjectYearDetails, 1);
  entry->project_id = project_id;
  entry->target_groups = g_new0 (char *, 1);
  entry->cofunding = g_array_new (FALSE, FALSE, sizeof (SpProjectCofundingRow));
  g_hash_table_insert (details, &entry->project_id, entry);
  return entry;
}

/* Gives @entry the names collected in *@names, as its target groups. */
static void
year_details_take_names (SpProjectYearDetails  *entry,
                         GPtrArray            **names)
{
  if (*names == NULL)
    return;
  g_ptr_array_add (*names, NULL);
  g_strfreev (entry->target_groups);
  entry->target_groups = (char **) g_ptr_array_free (g_steal_pointer (names), FALSE);
}

/**
 * sp_project_is_active_in:
 * @out_active: (out): whether the project runs in @year
 *
 * A project runs in a year when it has been granted (applications and
 * rejected ones never run) and either has granted funds for that year, or
 * its period covers the year. Without an end date a granted or ongoing
 * project runs on from its start year, and a finished one ran in its start
 * year only; likewise without a start date. An ongoing project without any
 * dates runs in every year.
 */
gboolean
sp_project_is_active_in (SpDatabase  *database,
                         gint64       project_id,
                         int          year,
                         gboolean    *out_active,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT status, start_date, end_date, EXISTS (SELECT 1 FROM project_grant g "
                          "WHERE g.project_id = p.id AND g.year = ?2) FROM project p WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;

      found = TRUE;
      sp_project_status_from_string (sp_edit_column_text (stmt, 0), &status);
      *out_active = runs_in (status, (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             sqlite3_column_int (stmt, 3) != 0, year);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_project_get_year_figures:
 *
 * The portfolio's figures for @year in one query: for every project that
 * runs in @year or has granted funds or participants registered for it, an
 * #SpProjectYearFigures. Projects that have none of these are left out.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the
 *   project's id (gint64 *) to its #SpProjectYearFigures
 */
GHashTable *
sp_project_get_year_figures (SpDatabase  *database,
                             int          year,
                             GError     **error)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT p.id, p.status, p.start_date, p.end_date, g.amount, "
                          "a.women, a.men, pl.women, pl.men FROM project p "
                          "LEFT JOIN project_grant g ON g.project_id = p.id AND g.year = ?1 "
                          "LEFT JOIN project_participants a ON a.project_id = p.id AND a.year = ?1 AND a.planned = 0 "
                          "LEFT JOIN project_participants pl ON pl.project_id = p.id AND pl.year = ?1 AND pl.planned = 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;
      SpProjectYearFigures row = { 0 };
      SpProjectYearFigures *copy;

      row.project_id = sqlite3_column_int64 (stmt, 0);
      sp_project_status_from_string (sp_edit_column_text (stmt, 1), &status);
      row.has_grant = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      row.granted = sqlite3_column_int64 (stmt, 4);
      row.has_participants = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      row.women = sqlite3_column_int (stmt, 5);
      row.men = sqlite3_column_int (stmt, 6);
      row.has_planned = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      row.planned_women = sqlite3_column_int (stmt, 7);
      row.planned_men = sqlite3_column_int (stmt, 8);
      row.active = runs_in (status, (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3), row.has_grant, year);
      if (!row.active && !row.has_grant && !row.has_participants && !row.has_planned)
        continue;
      copy = g_memdup2 (&row, sizeof row);
      g_hash_table_insert (figures, &copy->project_id, copy);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&figures);
}

/**
 * sp_project_get_year_details:
 * @year: the year of the co-funding
 *
 * The target groups, the co-funding of @year and the chosen board decision
 * of every project, in three queries (instead of three per project). A
 * project without any of them has no entry.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the
 *   project's id (gint64 *) to its #SpProjectYearDetails
 */
GHashTable *
sp_project_get_year_details (SpDatabase  *database,
                             int          year,
                             GError     **error)
{
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) year_details_free);
  g_autoptr(GPtrArray) names = NULL;
  SpProjectYearDetails *current = NULL;
  gboolean found_granted = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  /* Target groups, one project after the other. */
  stmt = sp_edit_prepare (database,
                          "SELECT pt.project_id, t.name FROM project_target_group pt "
                          "JOIN target_group t ON t.id = pt.target_group_id "
                          "ORDER BY pt.project_id, t.year, t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (current == NULL || current->project_id != id)
        {
          year_details_take_names (current, &names);
          current = year_details_get (details, id);
          names = g_ptr_array_new_with_free_func (g_free);
        }
      g_ptr_array_add (names, g_strdup (sp_edit_column_text (stmt, 1)));
    }
  year_details_take_names (current, &names);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }

  /* Co-funding of the year, in the order of sp_project_cofunding_list_new(). */
  stmt = sp_edit_prepare (database,
                          "SELECT c.project_id, c.member_id, c.amount, c.in_kind "
                          "FROM project_cofunding c JOIN member m ON m.id = c.member_id "
                          "WHERE c.year = ?1 ORDER BY c.project_id, m.position, m.id, c.in_kind", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  current = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpProjectCofundingRow row;

      if (current == NULL || current->project_id != id)
        current = year_details_get (details, id);
      row.member_id = sqlite3_column_int64 (stmt, 1);
      row.amount = sqlite3_column_int64 (stmt, 2);
      row.in_kind = sqlite3_column_int (stmt, 3) != 0;
      g_array_append_val (current->cofunding, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }

  /* The decision that granted the funds (the last such), else the latest. */
  stmt = sp_edit_prepare (database,
                          "SELECT project_id, date, paragraph, status, text FROM project_decision "
                          "ORDER BY project_id, date, id", error);
  if (stmt == NULL)
    return NULL;
  current = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;
      gboolean granted;

      if (current == NULL || current->project_id != id)
        {
          current = year_details_get (details, id);
          found_granted = FALSE;
        }
      granted = sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
                sp_project_status_from_string (sp_edit_column_text (stmt, 3), &status) &&
                status == SP_PROJECT_STATUS_GRANTED;
      if (granted || !found_granted)
        {
          g_free (current->decision_date);
          current->decision_date = g_strdup (sp_edit_column_text (stmt, 1));
          g_free (current->decision_paragraph);
          current->decision_paragraph = g_strdup (sp_edit_column_text (stmt, 2));
        }
      found_granted |= granted;
      /* In date order, the last row is the latest decision. */
      g_free (current->latest_date);
      current->latest_date = g_strdup (sp_edit_column_text (stmt, 1));
      g_free (current->latest_paragraph);
      current->latest_paragraph = g_strdup (sp_edit_column_text (stmt, 2));
      g_free (current->latest_text);
      current->latest_text = g_strdup (sp_edit_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&details);
}

/**
 * sp_project_get_granted_total:
 * @out_total: (out): the granted funds of @year of all projects, archived
 *   ones included
 */
gboolean
sp_project_get_granted_total (SpDatabase  *database,
                              int          year,
                              SpMoney     *out_total,
                              GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT coalesce (sum (amount), 0) FROM project_grant WHERE year = ?1",
                                        error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  return sp_edit_query_int64 (database, stmt, out_total, error);
}

/**
 * sp_project_get_granted_by_area:
 *
 * The granted funds of @year per activity area of the projects, to set
 * beside the budget lines of each area. Projects without an area are summed
 * under area 0. Areas without granted funds are left out.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the area's
 *   id (gint64 *) to its #SpProjectAreaSum
 */
GHashTable *
sp_project_get_granted_by_area (SpDatabase  *database,
                                int          year,
                                GError     **error)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT coalesce (p.area_id, 0), sum (g.amount) FROM project_grant g "
                          "JOIN project p ON p.id = g.project_id WHERE g.year = ?1 GROUP BY 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpProjectAreaSum *sum = g_new (SpProjectAreaSum, 1);

      sum->area_id = sqlite3_column_int64 (stmt, 0);
      sum->granted = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (sums, &sum->area_id, sum);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sums);
}
