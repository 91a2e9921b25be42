/* sp-database-image.c: what an edit left, so that its undo never overwrites another's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The undo log (sp-database-log.c) keeps each row as it was before an edit.
 * When another program writes to the same file, a row may have moved on
 * since: replaying the old values would silently erase that program's
 * change. So when an edit commits, the rows it touched are kept as it left
 * them (the after-image), in a temporary table of this connection; before
 * an undo or a redo replays an edit, every row it would write must still be
 * exactly as the edit left it, or nothing is replayed.
 *
 * The whole edit is refused, not merged column by column: the columns of
 * a row belong together (a budget line's amount, its account and its text),
 * an edit often spans several rows, and half an undo would make a state
 * that neither person made, which neither would see coming.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-database-impl.h"
#include "sp-error.h"

/* The SQL that reads one row of @table as a JSON object, from the schema's
 * own names; or NULL for a table that is gone. */
static char *
row_image_sql (SpDatabase *self,
               const char *table)
{
  g_auto(GStrv) columns = sp_database_table_columns (self->db, table);
  g_autoptr(GString) sql = NULL;

  if (columns[0] == NULL)
    return NULL;
  sql = g_string_new ("SELECT json_object (");
  for (guint c = 0; columns[c] != NULL; c++)
    g_string_append_printf (sql, "%s'%s', \"%s\"", c > 0 ? ", " : "", columns[c], columns[c]);
  g_string_append_printf (sql, ") FROM main.\"%s\" WHERE rowid = ?1", table);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* The row as it is now, or NULL (in @out_image) when there is none. */
static gboolean
current_image (SpDatabase  *self,
               GHashTable  *sql_by_table,
               const char  *table,
               gint64       row,
               char       **out_image,
               GError     **error)
{
  const char *sql = g_hash_table_lookup (sql_by_table, table);
  sqlite3_stmt *stmt;
  int rc;

  *out_image = NULL;
  if (sql == NULL)
    {
      char *made = row_image_sql (self, table);

      if (made == NULL)
        return TRUE;
      g_hash_table_insert (sql_by_table, g_strdup (table), made);
      sql = made;
    }
  stmt = sp_database_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_image = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
sp_database_install_images (SpDatabase  *self,
                            GError     **error)
{
  return sp_database_exec_sql (self->db, self->path,
                               "CREATE TEMP TABLE undo_image ("
                               "  first INTEGER NOT NULL,"   /* the edit's first log id */
                               "  tbl   TEXT NOT NULL,"
                               "  row   INTEGER NOT NULL,"
                               "  data  TEXT);"              /* NULL: the edit deleted the row */
                               "CREATE INDEX temp.undo_image_first ON undo_image (first);",
                               error);
}

/* Within the edit that wrote log entries @first..@last, before its commit:
 * keeps every row it touched as it is now. */
gboolean
sp_database_save_images (SpDatabase  *self,
                         gint64       first,
                         gint64       last,
                         GError     **error)
{
  g_autoptr(GHashTable) sql_by_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_database_prepare_cached (self,
                                     "SELECT DISTINCT tbl, row FROM temp.undo_log "
                                     "WHERE id BETWEEN ?1 AND ?2",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (self, rc, error);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *image = NULL;
      const char *table = g_ptr_array_index (tables, i);

      if (!current_image (self, sql_by_table, table, g_array_index (rows, gint64, i), &image, error))
        return FALSE;
      stmt = sp_database_prepare_cached (self,
                                         "INSERT INTO temp.undo_image (first, tbl, row, data) "
                                         "VALUES (?1, ?2, ?3, ?4)",
                                         error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, first);
      sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, g_array_index (rows, gint64, i));
      if (image != NULL)
        sqlite3_bind_text (stmt, 4, image, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_DONE)
        return sp_database_set_sqlite_error (self, rc, error);
    }
  return TRUE;
}

/**
 * sp_database_check_images:
 * @first: the first log id of an edit (or of an undo's replay)
 *
 * Whether every row the edit @first..@last touched is still as the edit
 * left it, so that replaying its log would undo only what it did.
 *
 * Returns: %TRUE if so; %FALSE with %SP_ERROR_CONFLICT when another program
 *   changed one of those rows since, or with another error
 */
gboolean
sp_database_check_images (SpDatabase  *self,
                          gint64       first,
                          gint64       last,
                          GError     **error)
{
  g_autoptr(GHashTable) sql_by_table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);

  if (self->read_only || self->db == NULL)
    return TRUE;

  stmt = sp_database_prepare_cached (self,
                                     "SELECT tbl, row, data FROM temp.undo_image "
                                     "WHERE first BETWEEN ?1 AND ?2",
                                     error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **image = g_new0 (char *, 4);

      image[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      image[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      image[2] = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (images, image);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (self, rc, error);

  for (guint i = 0; i < images->len; i++)
    {
      char **image = g_ptr_array_index (images, i);
      g_autofree char *now = NULL;

      if (!current_image (self, sql_by_table, image[0], g_ascii_strtoll (image[1], NULL, 10),
                          &now, error))
        return FALSE;
      if (g_strcmp0 (now, image[2]) != 0)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_CONFLICT,
                               _("Another program has changed the same data since. Nothing was changed."));
          return FALSE;
        }
    }
  return TRUE;
}

void
sp_database_forget_images (SpDatabase *self,
                           gint64      first,
                           gint64      last)
{
  sqlite3_stmt *stmt = NULL;

  if (self->db == NULL ||
      sqlite3_prepare_v2 (self->db, "DELETE FROM temp.undo_image WHERE first BETWEEN ?1 AND ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
}
