/* sp-database-watch.c: noticing other programs' commits; a short wait on a busy file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two Samplans (or Samplan and another program) may have one file open.
 * SQLite keeps their transactions apart, but a window would go on showing
 * what it read before the other one's commit. PRAGMA data_version changes
 * whenever another connection commits, and reading it costs next to
 * nothing: the window asks now and then (sp_database_poll_elsewhere()) and
 * reloads when it changed.
 */
#include "config.h"

#include "sp-database-impl.h"

static const char **
all_tables (SpDatabase *self)
{
  GPtrArray *tables = g_ptr_array_new ();
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                          "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_ptr_array_add (tables, (gpointer) g_intern_string ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_ptr_array_add (tables, NULL);
  return (const char **) g_ptr_array_free (tables, FALSE);
}

/**
 * sp_database_poll_elsewhere:
 *
 * Looks whether another connection committed to the file since the last
 * look, and if so emits #SpDatabase::changed-elsewhere, then
 * #SpDatabase::changed with every table. Cheap enough to call every few
 * seconds; does nothing in the middle of an edit.
 *
 * Returns: whether another connection committed
 */
gboolean
sp_database_poll_elsewhere (SpDatabase *self)
{
  g_autofree const char **tables = NULL;
  sqlite3_stmt *stmt;
  gint64 version = 0;
  gboolean first_look;

  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);

  if (self->db == NULL || self->in_edit)
    return FALSE;
  stmt = sp_database_prepare_cached (self, "PRAGMA data_version", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (version == 0 || version == self->data_version)
    return FALSE;

  first_look = self->data_version == 0;
  self->data_version = version;
  if (first_look)
    return FALSE;

  tables = all_tables (self);
  sp_database_emit_changed_elsewhere (self, tables);
  return TRUE;
}

/**
 * sp_database_set_busy_timeout:
 * @milliseconds: how long a statement waits for another program's lock
 *
 * A window keeps this short, so that it never freezes while another
 * program writes: the edit is refused with %SP_DATABASE_ERROR_BUSY instead,
 * and the window may try it again later.
 */
void
sp_database_set_busy_timeout (SpDatabase *self,
                              guint       milliseconds)
{
  g_return_if_fail (SP_IS_DATABASE (self));

  if (self->db != NULL)
    sqlite3_busy_timeout (self->db, (int) MIN (milliseconds, (guint) G_MAXINT));
}
