/* sp-database-log.c: the undo log of a database connection, and its replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Triggers log every change to our tables in a temporary table, as what
 * undoes it; SpHistory replays a range of the log backwards to undo an edit,
 * and the replay is logged in turn, which is what redoes it.
 */
#include "config.h"

#include "sp-database-impl.h"

void
sp_database_replay_statements_free (gpointer data)
{
  SpReplayStatements *statements = data;

  sqlite3_finalize (statements->delete_row);
  sqlite3_finalize (statements->update_row);
  sqlite3_finalize (statements->insert_row);
  g_free (statements);
}

static void
on_update_hook_cb (void          *user_data,
                   int            operation,
                   const char    *database_name,
                   const char    *table,
                   sqlite3_int64  rowid)
{
  SpDatabase *self = user_data;

  if (g_strcmp0 (database_name, "main") == 0)
    g_hash_table_add (self->changed_tables, (gpointer) g_intern_string (table));
}

/* The columns of one of our own tables, in order, as a NULL-terminated array. */
GStrv
sp_database_table_columns (sqlite3    *db,
                           const char *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1) ORDER BY cid",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return g_strv_builder_end (builder);
}

/* Every change to a table of ours is logged, in a temporary table of this
 * connection, as what undoes it: the row's id for an insert, the row's old
 * values as a JSON object for an update or a delete. The triggers are made
 * from the schema's own table and column names; the users' values only ever
 * travel as values. */
gboolean
sp_database_install_undo_log (SpDatabase  *self,
                              GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (!sp_database_exec_sql (self->db, self->path,
                             "CREATE TEMP TABLE undo_log ("
                             "  id   INTEGER PRIMARY KEY,"
                             "  tbl  TEXT NOT NULL,"
                             "  op   TEXT NOT NULL,"
                             "  row  INTEGER NOT NULL,"
                             "  data TEXT);"
                             "CREATE TEMP TABLE undo_state (recording INTEGER NOT NULL);"
                             "INSERT INTO temp.undo_state VALUES (1);",
                             error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                          -1, &stmt, NULL) != SQLITE_OK)
    return sp_database_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_auto(GStrv) columns = sp_database_table_columns (self->db, table);
      g_autoptr(GString) old_values = g_string_new ("json_object (");
      g_autoptr(GString) sql = g_string_new (NULL);

      for (guint c = 0; columns[c] != NULL; c++)
        g_string_append_printf (old_values, "%s'%s', OLD.\"%s\"",
                                c > 0 ? ", " : "", columns[c], columns[c]);
      g_string_append (old_values, ")");

      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER \"undo_%s_insert\" AFTER INSERT ON main.\"%s\" "
                              "WHEN (SELECT recording FROM temp.undo_state) BEGIN "
                              "INSERT INTO undo_log (tbl, op, row) VALUES ('%s', 'i', NEW.rowid); END;",
                              table, table, table);
      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER \"undo_%s_update\" AFTER UPDATE ON main.\"%s\" "
                              "WHEN (SELECT recording FROM temp.undo_state) BEGIN "
                              "INSERT INTO undo_log (tbl, op, row, data) VALUES ('%s', 'u', OLD.rowid, %s); END;",
                              table, table, table, old_values->str);
      g_string_append_printf (sql,
                              "CREATE TEMP TRIGGER \"undo_%s_delete\" BEFORE DELETE ON main.\"%s\" "
                              "WHEN (SELECT recording FROM temp.undo_state) BEGIN "
                              "INSERT INTO undo_log (tbl, op, row, data) VALUES ('%s', 'd', OLD.rowid, %s); END;",
                              table, table, table, old_values->str);
      if (!sp_database_exec_sql (self->db, self->path, sql->str, error))
        return FALSE;
    }

  sqlite3_update_hook (self->db, on_update_hook_cb, self);
  return sp_database_install_images (self, error);
}

static SpReplayStatements *
get_replay_statements (SpDatabase  *self,
                       const char  *table,
                       GError     **error)
{
  SpReplayStatements *statements = g_hash_table_lookup (self->replay, g_intern_string (table));
  g_auto(GStrv) columns = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = NULL;
  g_autofree char *delete = NULL;
  int rc;

  if (statements != NULL)
    return statements;

  columns = sp_database_table_columns (self->db, table);
  if (columns[0] == NULL)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_FAILED,
                   "no table %s to undo in", table);
      return NULL;
    }

  delete = g_strdup_printf ("DELETE FROM main.\"%s\" WHERE rowid = ?2", table);
  update = g_string_new (NULL);
  g_string_append_printf (update, "UPDATE main.\"%s\" SET ", table);
  insert = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO main.\"%s\" (rowid", table);
  values = g_string_new (" VALUES (?2");
  for (guint c = 0; columns[c] != NULL; c++)
    {
      g_string_append_printf (update, "%s\"%s\" = json_extract (?1, '$.\"%s\"')",
                              c > 0 ? ", " : "", columns[c], columns[c]);
      g_string_append_printf (insert, ", \"%s\"", columns[c]);
      g_string_append_printf (values, ", json_extract (?1, '$.\"%s\"')", columns[c]);
    }
  g_string_append (update, " WHERE rowid = ?2");
  g_string_append (values, ")");
  g_string_append_printf (insert, ")%s", values->str);

  statements = g_new0 (SpReplayStatements, 1);
  rc = sqlite3_prepare_v2 (self->db, delete, -1, &statements->delete_row, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, update->str, -1, &statements->update_row, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, insert->str, -1, &statements->insert_row, NULL);
  if (rc != SQLITE_OK)
    {
      sp_database_replay_statements_free (statements);
      sp_database_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->replay, (gpointer) g_intern_string (table), statements);
  return statements;
}

gint64
sp_database_log_position (SpDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  gint64 position = 0;

  if (self->read_only || self->db == NULL)
    return 0;
  if (sqlite3_prepare_v2 (self->db, "SELECT coalesce (max (id), 0) FROM temp.undo_log",
                          -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return position;
}

void
sp_database_forget_log (SpDatabase *self,
                        gint64      first,
                        gint64      last)
{
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL ||
      sqlite3_prepare_v2 (self->db, "DELETE FROM temp.undo_log WHERE id BETWEEN ?1 AND ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  sp_database_forget_images (self, first, last);
}

void
sp_database_set_recording (SpDatabase *self,
                           gboolean    recording)
{
  sqlite3_stmt *stmt = NULL;

  g_return_if_fail (SP_IS_DATABASE (self));

  self->recording = !!recording;
  if (self->read_only ||
      sqlite3_prepare_v2 (self->db, "UPDATE temp.undo_state SET recording = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int (stmt, 1, self->recording);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}

static gboolean
replay_entry (SpDatabase   *self,
              const char   *table,
              const char   *op,
              gint64        row,
              const char   *data,
              GError      **error)
{
  SpReplayStatements *statements = get_replay_statements (self, table, error);
  sqlite3_stmt *stmt;
  int rc;

  if (statements == NULL)
    return FALSE;

  switch (op[0])
    {
    case 'i':
      stmt = statements->delete_row;
      break;
    case 'u':
      stmt = statements->update_row;
      break;
    case 'd':
      stmt = statements->insert_row;
      break;
    default:
      g_assert_not_reached ();
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (op[0] != 'i')
    sqlite3_bind_text (stmt, 1, data, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Within an open edit: applies the inverse of log entries first..last, newest
 * first. The triggers log this replay in turn, which is what redoes it. */
gboolean
sp_database_replay (SpDatabase  *self,
                    gint64       first,
                    gint64       last,
                    GError     **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self->in_edit, FALSE);

  /* Never over a change this edit did not make (another program's). */
  if (!sp_database_check_images (self, first, last, error))
    return FALSE;

  /* Undoing a delete may restore a child before its parent. */
  if (!sp_database_exec_sql (self->db, self->path, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT tbl, op, row, data FROM temp.undo_log "
                           "WHERE id BETWEEN ?1 AND ?2 ORDER BY id DESC",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return sp_database_set_sqlite_error (self, rc, error);
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **entry = g_new0 (char *, 5);
      entry[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry[2] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      entry[3] = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (self, rc, error);

  for (guint i = 0; i < entries->len; i++)
    {
      char **entry = g_ptr_array_index (entries, i);

      if (!replay_entry (self, entry[0], entry[1], g_ascii_strtoll (entry[2], NULL, 10),
                         entry[3], error))
        return FALSE;
    }
  return TRUE;
}
