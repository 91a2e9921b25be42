/* sp-edit.c: what the core's modules share to read and change the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sp-edit-private.h"
#include "sp-record.h"

/* The message the lock triggers of the schema raise (sp-migrations.c). */
#define YEAR_ADOPTED_MESSAGE "year adopted"

/**
 * sp_edit_prepare:
 *
 * Returns: (transfer none): the statement for @sql, ready to bind
 */
sqlite3_stmt *
sp_edit_prepare (SpDatabase  *database,
                 const char  *sql,
                 GError     **error)
{
  return sp_database_prepare_cached (database, sql, error);
}

static gboolean
set_step_error (SpDatabase  *database,
                int          rc,
                GError     **error)
{
  sqlite3 *db = sp_database_get_handle (database);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      if (strstr (sqlite3_errmsg (db), YEAR_ADOPTED_MESSAGE) != NULL)
        g_set_error_literal (error, SP_ERROR, SP_ERROR_LOCKED,
                             _("The year is adopted. Re-open it to make changes."));
      else if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        g_set_error_literal (error, SP_ERROR, SP_ERROR_DUPLICATE,
                             _("That already exists."));
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                             _("The change would leave something that refers to what is no longer there."));
      else
        g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                     _("The database refused the change (%s)."), sqlite3_errmsg (db));
      return FALSE;
    }
  return sp_database_set_sqlite_error (database, rc, error);
}

/* Steps a statement that returns no rows, and resets it. */
gboolean
sp_edit_step_done (SpDatabase    *database,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  /* The error code of a failed step is only right before the reset. */
  sqlite3_reset (stmt);
  return set_step_error (database, sqlite3_extended_errcode (sp_database_get_handle (database)), error);
}

/* Steps a statement that returns one integer (or none: 0), and resets it. */
gboolean
sp_edit_query_int64 (SpDatabase    *database,
                     sqlite3_stmt  *stmt,
                     gint64        *out_value,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out_value = 0;
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  return set_step_error (database, sqlite3_extended_errcode (sp_database_get_handle (database)), error);
}

/* Steps @stmt to its end, making a record of each row with @from_row. */
GPtrArray *
sp_edit_load_rows (SpDatabase     *database,
                   sqlite3_stmt   *stmt,
                   SpEditRowFunc   from_row,
                   GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

/**
 * sp_edit_run:
 * @label: what the Undo menu calls it, translated
 *
 * Runs @func as one edit: one transaction, committed at once and recorded in
 * the history, or rolled back whole when @func fails.
 */
gboolean
sp_edit_run (SpDatabase  *database,
             const char  *label,
             SpEditFunc   func,
             gpointer     user_data,
             GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);

  if (!sp_database_edit_begin (database, error))
    return FALSE;
  if (!func (database, user_data, error))
    {
      sp_database_edit_rollback (database);
      return FALSE;
    }
  return sp_database_edit_commit (database, label, error);
}

static gboolean
check_characters (const char  *text,
                  gboolean     multi_line,
                  GError     **error)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The text contains bytes that are not valid UTF-8."));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && !(multi_line && (c == '\n' || c == '\t'))) || c == 0x7f)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                               multi_line ? _("The text contains control characters.")
                                          : _("A name must be on one line, without control characters."));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sp_edit_clean_name:
 * @what: (nullable): what is named, for the message: "The name", "The title"
 *
 * A name or title: one line, not empty, at most %SP_NAME_MAX_CHARS characters,
 * with leading and trailing spaces removed and Unicode normalised (NFC).
 *
 * Returns: (transfer full) (nullable): the name to store
 */
char *
sp_edit_clean_name (const char  *text,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *normal = NULL;

  /* Spaces and line ends around a name go first: a name copied from a
   * spreadsheet cell often ends in one. */
  if (text != NULL && g_utf8_validate (text, -1, NULL))
    stripped = g_strstrip (g_strdup (text));
  if (!check_characters (stripped != NULL ? stripped : text, FALSE, error))
    return NULL;

  if (stripped[0] == '\0')
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   /* Translators: %s is e.g. "The name" or "The title" */
                   _("%s must not be empty."), what != NULL ? what : _("The name"));
      return NULL;
    }
  normal = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  if (g_utf8_strlen (normal, -1) > SP_NAME_MAX_CHARS)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s is too long: at most %d characters."),
                   what != NULL ? what : _("The name"), SP_NAME_MAX_CHARS);
      return NULL;
    }
  return g_steal_pointer (&normal);
}

/* @text with Windows ("\r\n") and old Mac ("\r") line ends as "\n". */
static char *
unix_line_ends (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p != '\r')
        g_string_append_c (out, *p);
      else
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * sp_edit_clean_text:
 *
 * Free text (may be empty, may have several lines), stored exactly as typed
 * apart from Unicode normalisation and line ends: text pasted from Windows
 * programs ("\r\n") is stored with "\n" like the rest.
 *
 * Returns: (transfer full) (nullable): the text to store
 */
char *
sp_edit_clean_text (const char  *text,
                    gsize        max_chars,
                    GError     **error)
{
  g_autofree char *lines = NULL;
  g_autofree char *normal = NULL;

  if (text != NULL && strchr (text, '\r') != NULL)
    text = lines = unix_line_ends (text);
  if (!check_characters (text, TRUE, error))
    return NULL;

  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if ((gsize) g_utf8_strlen (normal, -1) > max_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The text is too long: at most %'lu characters."), (gulong) max_chars);
      return NULL;
    }
  return g_steal_pointer (&normal);
}

gboolean
sp_edit_check_year (int      year,
                    GError **error)
{
  if (year < SP_YEAR_MIN || year > SP_YEAR_MAX)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The year must be between %d and %d."), SP_YEAR_MIN, SP_YEAR_MAX);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_edit_check_date:
 * @date: a date as ISO 8601, YYYY-MM-DD
 *
 * Checks that @date is a real calendar date within the years we keep.
 */
gboolean
sp_edit_check_date (const char  *date,
                    GError     **error)
{
  int y = 0, m = 0, d = 0;
  char rest = 0;

  if (date == NULL || strlen (date) != 10 ||
      strspn (date, "0123456789") != 4 || strspn (date + 5, "0123456789") != 2 ||
      strspn (date + 8, "0123456789") != 2 ||
      sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 ||
      date[4] != '-' || date[7] != '-' ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("“%s” is not a date. Write it as year-month-day, e.g. 2009-03-24."),
                   date != NULL ? date : "");
      return FALSE;
    }
  return sp_edit_check_year (y, error);
}

/* Whether @sql (counting rows by ?1) finds the row @id; %SP_ERROR_NOT_FOUND
 * with @missing as its message when it does not. */
gboolean
sp_edit_check_exists (SpDatabase  *database,
                      const char  *sql,
                      gint64       id,
                      const char  *missing,
                      GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_edit_check_year_open:
 *
 * The year has a plan, and it is not adopted: its plan and budget may change.
 */
gboolean
sp_edit_check_year_open (SpDatabase  *database,
                         int          year,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  const char *status = NULL;
  gboolean open;

  stmt = sp_edit_prepare (database, "SELECT status FROM plan_year WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    status = (const char *) sqlite3_column_text (stmt, 0);

  if (status == NULL)
    {
      sqlite3_reset (stmt);
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), year);
      return FALSE;
    }
  open = g_strcmp0 (status, "adopted") != 0;
  sqlite3_reset (stmt);
  if (!open)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_LOCKED,
                   _("The plan for %d is adopted. Re-open it to make changes."), year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || name[0] == '\0')
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

/**
 * sp_edit_next_position:
 * @table: one of our tables (a program constant, never user text)
 * @scope_column: the column that groups the rows, e.g. "year"
 *
 * Returns: the position after the last row of the group, or -1 on error
 */
gint64
sp_edit_next_position (SpDatabase  *database,
                       const char  *table,
                       const char  *scope_column,
                       gint64       scope_value,
                       GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 position = 0;

  g_return_val_if_fail (is_identifier (table) && is_identifier (scope_column), -1);

  sql = g_strdup_printf ("SELECT coalesce (max (position), 0) + 1 FROM %s WHERE %s = ?1",
                         table, scope_column);
  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, scope_value);
  if (!sp_edit_query_int64 (database, stmt, &position, error))
    return -1;
  return position;
}

/**
 * sp_edit_move:
 * @new_index: where the row goes among the rows of its group, from 0;
 *   past the end means last
 *
 * Within an edit: moves the row @id of @table to @new_index and numbers the
 * group's positions 1, 2, 3… again, writing only the rows that moved.
 */
gboolean
sp_edit_move (SpDatabase  *database,
              const char  *table,
              const char  *scope_column,
              gint64       scope_value,
              gint64       id,
              guint        new_index,
              GError     **error)
{
  g_autofree char *select_sql = NULL;
  g_autofree char *update_sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint from = G_MAXUINT;

  g_return_val_if_fail (is_identifier (table) && is_identifier (scope_column), FALSE);
  g_return_val_if_fail (sp_database_in_edit (database), FALSE);

  select_sql = g_strdup_printf ("SELECT id, position FROM %s WHERE %s = ?1 ORDER BY position, id",
                                table, scope_column);
  update_sql = g_strdup_printf ("UPDATE %s SET position = ?2 WHERE id = ?1", table);

  stmt = sp_edit_prepare (database, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope_value);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      gint64 position = sqlite3_column_int64 (stmt, 1);

      if (row == id)
        from = ids->len;
      g_array_append_val (ids, row);
      g_array_append_val (positions, position);
    }
  sqlite3_reset (stmt);

  if (from == G_MAXUINT)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                           _("What you wanted to move is no longer there."));
      return FALSE;
    }

  new_index = MIN (new_index, ids->len - 1);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, new_index, id);
  {
    /* The old position travels with its row. */
    gint64 moved = g_array_index (positions, gint64, from);
    g_array_remove_index (positions, from);
    g_array_insert_val (positions, new_index, moved);
  }

  stmt = sp_edit_prepare (database, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      /* Positions count from 1; rows already there are not written. */
      if (g_array_index (positions, gint64, i) == (gint64) i + 1)
        continue;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, (gint64) i + 1);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* A text column, never NULL. */
const char *
sp_edit_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text != NULL ? text : "";
}

/* An enum column, stored as the value's nick; the first value if unknown. */
int
sp_edit_column_enum (sqlite3_stmt *stmt,
                     int           column,
                     GType         enum_type)
{
  int value = 0;

  sp_enum_from_nick (enum_type, sp_edit_column_text (stmt, column), &value);
  return value;
}

/* Binds @value, or NULL ("not set") when @is_set is FALSE. */
void
sp_edit_bind_optional (sqlite3_stmt *stmt,
                       int           index,
                       gboolean      is_set,
                       gint64        value)
{
  if (is_set)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds @text (copied), or NULL when it is %NULL. */
void
sp_edit_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}
