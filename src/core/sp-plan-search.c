/* sp-plan-search.c: finding text in a year's plan: its sections and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-plan-search.h"

/* Appends the id (column 0) of each row of @sql whose other columns contain
 * @needle, casefolded. */
static gboolean
search_rows (SpDatabase  *database,
             const char  *sql,
             int          year,
             const char  *needle,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        {
          g_autofree char *haystack = sp_text_fold (sp_edit_column_text (stmt, c));

          if (strstr (haystack, needle) != NULL)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (ids, id);
              break;
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  return TRUE;
}

/**
 * sp_plan_search:
 * @query: what to look for; case and composition do not matter
 * @section_ids: (out) (transfer full): the ids (gint64) of the sections whose
 *   title or text contains @query, in order
 * @goal_ids: (out) (transfer full): the ids (gint64) of @year's goals whose
 *   text, indicator, target value or outcome contains @query, in order
 *
 * An empty @query (or blanks) matches nothing.
 */
gboolean
sp_plan_search (SpDatabase  *database,
                int          year,
                const char  *query,
                GArray     **section_ids,
                GArray     **goal_ids,
                GError     **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (section_ids != NULL && goal_ids != NULL, FALSE);

  *section_ids = *goal_ids = NULL;
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  stripped = g_strstrip (g_strdup (query));
  needle = sp_text_fold (stripped);
  if (needle[0] != '\0' &&
      (!search_rows (database, "SELECT id, title, body FROM section WHERE year = ?1 ORDER BY position, id",
                     year, needle, sections, error) ||
       !search_rows (database,
                     "SELECT id, text, indicator, target_value, outcome FROM goal "
                     "WHERE year = ?1 ORDER BY position, id",
                     year, needle, goals, error)))
    return FALSE;

  *section_ids = g_steal_pointer (&sections);
  *goal_ids = g_steal_pointer (&goals);
  return TRUE;
}
