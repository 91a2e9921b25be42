/* sp-sie-dry-run.c: the database a dry run of the SIE import reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dry run never writes, not even the upgrade of a file of an older
 * version (which writes a backup beside it, switches it to WAL, and leaves
 * it unreadable to the older Samplan it came from). A file of the current
 * version is opened read-only. An older one is copied, through SQLite's
 * backup from a read-only connection, into a private temporary folder, and
 * the copy is upgraded and read; the original stays byte for byte as it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-error.h"
#include "sp-sie-import.h"

/* Copies @path into @copy with a connection that cannot write to @path. */
static gboolean
copy_read_only (const char  *path,
                const char  *copy,
                GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_open_v2 (copy, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (target, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  sqlite3_close_v2 (target);
  sqlite3_close_v2 (source);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_path_get_basename (path);

      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   /* Translators: %s is a database file's name */
                   _("“%s” could not be read for the dry run (it may be in use or damaged); nothing was "
                     "written."),
                   name);
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_sie_import_open_dry_run:
 * @path: the förbund's database
 * @scratch_dir: (out) (transfer full) (nullable): the private folder of the
 *   copy, or %NULL when @path was opened itself; remove it with
 *   sp_sie_import_remove_scratch() once the database is closed
 *
 * Opens @path for a dry run: never writing to it or beside it.
 *
 * Returns: (transfer full) (nullable): the database to work out the import in
 */
SpDatabase *
sp_sie_import_open_dry_run (const char  *path,
                            char       **scratch_dir,
                            GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  SpDatabase *database;

  g_return_val_if_fail (path != NULL && scratch_dir != NULL, NULL);

  *scratch_dir = NULL;
  database = sp_database_open (path, SP_DATABASE_OPEN_READ_ONLY, &local);
  if (database != NULL)
    return database;
  /* Only a file that needs an upgrade (or is not writable) is copied. */
  if (!g_error_matches (local, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  dir = g_dir_make_tmp ("samplan-dry-run-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  name = g_path_get_basename (path);
  copy = g_build_filename (dir, name, NULL);
  if (!copy_read_only (path, copy, error))
    {
      sp_sie_import_remove_scratch (dir);
      return NULL;
    }
  database = sp_database_open (copy, SP_DATABASE_OPEN_EXISTING, error);
  if (database == NULL)
    {
      sp_sie_import_remove_scratch (dir);
      return NULL;
    }
  *scratch_dir = g_steal_pointer (&dir);
  return database;
}

/**
 * sp_sie_import_remove_scratch:
 * @scratch_dir: (nullable): a folder of sp_sie_import_open_dry_run()
 *
 * Removes the copy, the backup its upgrade made, and the folder.
 */
void
sp_sie_import_remove_scratch (const char *scratch_dir)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (scratch_dir == NULL)
    return;
  dir = g_dir_open (scratch_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (scratch_dir);
}
