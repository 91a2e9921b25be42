/* sp-plan-edit.c: what the record types of a year's plan share to change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sections, groups of activity areas, activity areas, target groups and
 * goals all change a row of one year's plan in the same few ways: these are
 * those ways, written once (see sp-plan-private.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-edit-private.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"

/* Show at most this many names in a message that lists what uses something. */
#define MAX_NAMES_SHOWN 3

/* Whether another row (not @id) of @sql's rows has @name, ignoring case.
 * @sql selects (id, name) with ?1 the scope and ?2 the row to leave out. */
gboolean
sp_plan_name_taken (SpDatabase  *database,
                    const char  *sql,
                    gint64       scope,
                    gint64       id,
                    const char  *name,
                    gboolean    *taken,
                    GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);

  *taken = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope);
  sqlite3_bind_int64 (stmt, 2, id);
  while (!*taken && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold (sp_edit_column_text (stmt, 1), -1);

      *taken = strcmp (folded, other) == 0;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs @sql, with ?1 bound to @id and ?2 to @text: an insert-free write. */
gboolean
sp_plan_write_text (SpDatabase  *database,
                    const char  *sql,
                    gint64       id,
                    const char  *text,
                    GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sp_edit_bind_text (stmt, 2, text);
  return sp_edit_step_done (database, stmt, error);
}

gboolean
sp_plan_delete_row (SpDatabase  *database,
                    const char  *sql,
                    gint64       id,
                    GError     **error)
{
  return sp_plan_write_text (database, sql, id, NULL, error);
}

/* "the project “Kuggen”", "2 projects (“Kuggen”, “Skolkuggen”)", and with
 * more than MAX_NAMES_SHOWN: "5 projects (“A”, “B”, “C”, …)". */
char *
sp_plan_describe_projects (GPtrArray *names)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = names->len;

  if (n == 1)
    /* Translators: ends "The activity area “X” cannot be deleted: it is used by …";
     * %s is the project's name */
    return g_strdup_printf (_("the project “%s”"), (const char *) g_ptr_array_index (names, 0));

  for (guint i = 0; i < n && i < MAX_NAMES_SHOWN; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = NULL;

      /* Translators: a name quoted in a list of names: “Kuggen”, “Skolkuggen” */
      quoted = g_strdup_printf (_("“%s”"), name);
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, quoted);
    }
  if (n > MAX_NAMES_SHOWN)
    g_string_append (list, ", …");
  /* Translators: ends "The activity area “X” cannot be deleted: it is used by …";
   * %u is how many projects, %s a list of their quoted names */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project (%s)", "%u projects (%s)", n),
                          n, list->str);
}

/* The year of the group @id, or an error when it no longer exists. */
gboolean
sp_area_group_read_year (SpDatabase  *database,
                         gint64       id,
                         gint64      *year,
                         GError     **error)
{
  return sp_record_query_int64 (database, "SELECT year FROM area_group WHERE id = ?1", id, year,
                                _("The group of activity areas no longer exists."), error);
}

/* Like sp_area_group_read_year(), and refused when that year is adopted. */
gboolean
sp_area_group_open (SpDatabase  *database,
                    gint64       id,
                    gint64      *year,
                    GError     **error)
{
  return sp_area_group_read_year (database, id, year, error) &&
         sp_edit_check_year_open (database, *year, error);
}
