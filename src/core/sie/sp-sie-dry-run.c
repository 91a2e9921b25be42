/* sp-sie-dry-run.c: the database a dry run of the SIE import reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dry run never writes, not even the upgrade of a file of an older
 * version (which writes a backup beside it, switches it to WAL, and leaves
 * it unreadable to the older Samplan it came from). Nor does it leave files
 * beside it: a read-only connection to a file in WAL mode makes its
 * shared-memory and journal files and cannot remove them.
 *
 * So the file is copied, through SQLite's backup from a read-only
 * connection, into a private temporary folder, and the copy is opened (and
 * upgraded when older) and read. When no journal is beside the file (no
 * Samplan has it open), the connection is immutable: SQLite then reads the
 * file alone and makes nothing beside it. When one is (the window has the
 * file open), the journal must be read too, and its files are there already.
 * The original stays byte for byte as it was.
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
                const char  *copy)
{
  g_autofree char *journal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *immutable = g_strconcat (uri != NULL ? uri : "", "?immutable=1", NULL);
  sqlite3 *source = NULL;
  sqlite3 *target = NULL;
  sqlite3_backup *backup;
  int rc;

  if (uri != NULL && !g_file_test (journal, G_FILE_TEST_EXISTS))
    rc = sqlite3_open_v2 (immutable, &source, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
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
  return rc == SQLITE_OK;
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
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *copy = NULL;
  SpDatabase *database;

  g_return_val_if_fail (path != NULL && scratch_dir != NULL, NULL);

  *scratch_dir = NULL;
  /* A missing file, a folder: said as the database says it, writing nothing. */
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return sp_database_open (path, SP_DATABASE_OPEN_READ_ONLY, error);

  dir = g_dir_make_tmp ("samplan-dry-run-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  name = g_path_get_basename (path);
  copy = g_build_filename (dir, name, NULL);
  if (!copy_read_only (path, copy))
    {
      sp_sie_import_remove_scratch (dir);
      /* Not a database, another program's, damaged: its own words, which
       * are found from the file's first bytes, before anything is written. */
      database = sp_database_open (path, SP_DATABASE_OPEN_READ_ONLY, error);
      if (database != NULL)
        {
          g_clear_object (&database);
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       /* Translators: %s is a database file's name */
                       _("“%s” could not be read for the dry run (it may be in use or damaged); nothing was "
                         "written."),
                       name);
        }
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
