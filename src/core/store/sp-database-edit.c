/* sp-database-edit.c: transactions, the user's edits, and who hears of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit is one transaction: begun, changed, then committed with a label
 * for the Undo menu. The database tells its edit listener (the history) of
 * each committed edit; until one is set, it keeps the newest edits for it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-database-impl.h"

/* An edit committed before a listener was set: kept for it. */
typedef struct {
  char   *label;
  gint64  first;
  gint64  last;
} UnclaimedEdit;

static void
unclaimed_edit_free (gpointer data)
{
  UnclaimedEdit *edit = data;

  g_free (edit->label);
  g_free (edit);
}

/* Tells the listener of a committed edit or, while there is none, keeps
 * the edit for it, as the listener would: the newest SP_DATABASE_KEEP_EDITS,
 * forgetting the log of older ones. */
static void
tell_edit (SpDatabase *self,
           const char *label,
           gint64      first,
           gint64      last)
{
  UnclaimedEdit *edit;

  if (self->edit_func != NULL)
    {
      self->edit_func (self->edit_listener, label, first, last);
      return;
    }

  edit = g_new0 (UnclaimedEdit, 1);
  edit->label = g_strdup (label);
  edit->first = first;
  edit->last = last;
  g_queue_push_head (&self->unclaimed_edits, edit);
  while (g_queue_get_length (&self->unclaimed_edits) > SP_DATABASE_KEEP_EDITS)
    {
      UnclaimedEdit *oldest = g_queue_pop_tail (&self->unclaimed_edits);

      sp_database_forget_log (self, oldest->first, oldest->last);
      unclaimed_edit_free (oldest);
    }
}

gboolean
sp_database_exec (SpDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      sp_database_set_error_for_sqlite (self->db, self->path, SQLITE_READONLY, error);
      return FALSE;
    }
  return sp_database_exec_sql (self->db, self->path, sql, error);
}

gboolean
sp_database_begin (SpDatabase  *self,
                   GError     **error)
{
  int moved = 0;

  if (!sp_database_wait_checked (self, error))
    return FALSE;

  /* Writing to a file whose folder was removed would "succeed" and be lost. */
  if (self->db != NULL &&
      sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
      moved)
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” was moved or deleted while it was open. Changes cannot be saved."),
                   name);
      return FALSE;
    }
  return sp_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
sp_database_commit (SpDatabase  *self,
                    GError     **error)
{
  if (!sp_database_exec_sql (self->db, self->path, "COMMIT", error))
    {
      sp_database_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
sp_database_rollback (SpDatabase *self)
{
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
sp_database_edit_begin (SpDatabase  *self,
                        GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (!self->in_edit, FALSE);

  if (!sp_database_begin (self, error))
    return FALSE;

  self->in_edit = TRUE;
  self->edit_start = sp_database_log_position (self);
  g_hash_table_remove_all (self->changed_tables);
  return TRUE;
}

/* Commits the open edit and says which log range it wrote. */
static gboolean
commit_edit (SpDatabase  *self,
             gint64      *first,
             gint64      *last,
             GError     **error)
{
  gint64 end = sp_database_log_position (self);

  /* What the edit left, for its undo to compare with (sp-database-image.c). */
  if (self->recording && end > self->edit_start &&
      !sp_database_save_images (self, self->edit_start + 1, end, error))
    {
      sp_database_rollback (self);
      self->in_edit = FALSE;
      g_hash_table_remove_all (self->changed_tables);
      return FALSE;
    }
  if (!sp_database_commit (self, error))
    {
      self->in_edit = FALSE;
      g_hash_table_remove_all (self->changed_tables);
      return FALSE;
    }
  self->in_edit = FALSE;
  *first = self->edit_start + 1;
  *last = end;
  return TRUE;
}

gboolean
sp_database_edit_commit (SpDatabase  *self,
                         const char  *label,
                         GError     **error)
{
  gint64 first, last;

  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->in_edit, FALSE);

  if (!commit_edit (self, &first, &last, error))
    return FALSE;

  if (self->recording && last >= first)
    tell_edit (self, label, first, last);
  sp_database_emit_changed (self);
  return TRUE;
}

void
sp_database_edit_rollback (SpDatabase *self)
{
  g_return_if_fail (SP_IS_DATABASE (self));

  sp_database_rollback (self);
  self->in_edit = FALSE;
  g_hash_table_remove_all (self->changed_tables);
}

/* For SpHistory: commit a replay, saying which range it logged. */
gboolean
sp_database_commit_replay (SpDatabase  *self,
                           gint64      *first,
                           gint64      *last,
                           GError     **error)
{
  if (!commit_edit (self, first, last, error))
    return FALSE;
  sp_database_emit_changed (self);
  return TRUE;
}

sqlite3_stmt *
sp_database_prepare_cached (SpDatabase  *self,
                            const char  *sql,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);

  if (self->db == NULL)
    {
      sp_database_set_error_for_sqlite (NULL, self->path, SQLITE_MISUSE, error);
      return NULL;
    }

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
sp_database_in_edit (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);
  return self->in_edit;
}

/**
 * sp_database_set_edit_listener:
 * @listener: (transfer full): the object to tell, owned by the database from now on
 * @func: what to call for each committed edit, oldest first
 *
 * Sets the one listener of the database's edits and tells it at once of the
 * edits committed before.
 */
void
sp_database_set_edit_listener (SpDatabase         *self,
                               GObject            *listener,
                               SpDatabaseEditFunc  func)
{
  UnclaimedEdit *edit;

  g_return_if_fail (SP_IS_DATABASE (self));
  g_return_if_fail (G_IS_OBJECT (listener));
  g_return_if_fail (func != NULL);
  g_return_if_fail (self->edit_listener == NULL);

  self->edit_listener = listener;
  self->edit_func = func;
  while ((edit = g_queue_pop_tail (&self->unclaimed_edits)) != NULL)
    {
      func (listener, edit->label, edit->first, edit->last);
      unclaimed_edit_free (edit);
    }
}

/* Returns: (transfer none) (nullable): the listener of the database's edits */
GObject *
sp_database_get_edit_listener (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->edit_listener;
}

/* For finalize: drops the listener and the edits kept for it. */
void
sp_database_clear_edits (SpDatabase *self)
{
  g_queue_clear_full (&self->unclaimed_edits, unclaimed_edit_free);
  self->edit_func = NULL;
  g_clear_object (&self->edit_listener);
}
