/* sp-record-loader.c: reading rows of the database as records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one copy of the loops every record type needs: all rows of a query
 * (with ?1 bound to a scope: a year, a group, a project), the one row of an
 * id, and a list model that loads its rows with such a query. Statements
 * are the connection's cached ones, so @sql must be the program's own
 * string, never text built from user input.
 */
#include "config.h"

#include "sp-edit-private.h"
#include "sp-record-loader-private.h"

/* What a list made by sp_record_list_new_for_query() loads with. */
typedef struct {
  const char          *sql;
  SpRecordFromRowFunc  from_row;
  gint64               scope;
} QueryList;

static GPtrArray *
load_query_list (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  QueryList *query = user_data;

  return sp_record_load_rows (database, query->sql, query->scope, query->from_row, error);
}

/**
 * sp_record_load_rows:
 * @sql: a query whose rows @from_row reads; ?1, when it has one, is @scope
 *
 * Returns: (transfer full) (nullable): a #GPtrArray of the records, in the
 *   query's order, that frees its items; %NULL with @error set
 */
GPtrArray *
sp_record_load_rows (SpDatabase           *database,
                     const char           *sql,
                     gint64                scope,
                     SpRecordFromRowFunc   from_row,
                     GError              **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, scope);
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
 * sp_record_load_one:
 * @sql: a query with ?1 bound to @id
 * @missing: the message when there is no such row (%SP_ERROR_NOT_FOUND)
 *
 * Returns: (transfer full) (nullable): the record of the first row
 */
gpointer
sp_record_load_one (SpDatabase           *database,
                    const char           *sql,
                    gint64                id,
                    SpRecordFromRowFunc   from_row,
                    const char           *missing,
                    GError              **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  SpRecord *record = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = from_row (stmt);
  sqlite3_reset (stmt);
  if (record == NULL)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, missing);
  return record;
}

/**
 * sp_record_list_new_for_query:
 * @tables: the tables the rows come from: the list reloads when one changes
 * @sql: (not nullable): a static query, as for sp_record_load_rows()
 *
 * Returns: (transfer full): a list of the rows of @sql that follows the database
 */
SpRecordList *
sp_record_list_new_for_query (SpDatabase           *database,
                              GType                 item_type,
                              const char * const   *tables,
                              const char           *sql,
                              SpRecordFromRowFunc   from_row,
                              gint64                scope)
{
  QueryList *query = g_new (QueryList, 1);

  query->sql = sql;
  query->from_row = from_row;
  query->scope = scope;
  return sp_record_list_new (database, item_type, tables, load_query_list, query, g_free);
}

/**
 * sp_record_query_int64:
 * @sql: a query with ?1 bound to @id
 * @value: (out): the integer in the first column of its row; NULL reads as 0
 * @missing: the message when there is no such row (%SP_ERROR_NOT_FOUND)
 */
gboolean
sp_record_query_int64 (SpDatabase  *database,
                       const char  *sql,
                       gint64       id,
                       gint64      *value,
                       const char  *missing,
                       GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_record_query_texts:
 * @sql: a query of one text column, with ?1 bound to @id
 *
 * Returns: (transfer full) (nullable): the texts of its rows, in order
 */
GPtrArray *
sp_record_query_texts (SpDatabase  *database,
                       const char  *sql,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (texts, g_strdup (sp_edit_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&texts);
}

/* A text column that may be NULL: a copy, or NULL. */
char *
sp_record_column_dup (sqlite3_stmt *stmt,
                      int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* For set_property: replaces the string *@field and notifies, only when it differs. */
void
sp_record_set_string_field (GObject       *object,
                            char         **field,
                            const GValue  *value,
                            GParamSpec    *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);
}
