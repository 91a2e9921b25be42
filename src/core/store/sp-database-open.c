/* sp-database-open.c: opening a database file: refuse, create or migrate it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening follows a fixed order so that a file we must not change is never
 * written to: first read the header (is it SQLite, is it ours, is it too new),
 * then back it up and migrate it in one transaction, and only then switch it to
 * WAL. A file from a newer Samplan, a foreign file or a failed migration leave
 * the file exactly as it was.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-database-impl.h"

/* Root may write to a file whose mode forbids it; we respect the mode anyway,
 * so that a file the user marked read-only is never changed. */
static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  if (g_access (path, W_OK) != 0)
    return FALSE;
  /* WAL needs the -wal and -shm files beside the database. */
  return g_access (dir, W_OK | X_OK) == 0;
}

static gboolean
create_empty_file (const char  *path,
                   GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_filename_display_name (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("The folder for “%s” could not be created: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  /* The file holds names of persons: only its owner may read it. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      if (saved_errno == EEXIST)
        return TRUE;
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” could not be created: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* All pending steps run in one transaction, each inside its own savepoint,
 * so that a step that fails leaves the file exactly as it was. Foreign keys
 * are still off here (a step may rebuild a table); they are checked before
 * the commit instead. */
static gboolean
run_migrations (SpDatabase         *self,
                int                 from_version,
                const SpMigration  *steps,
                guint               n_steps,
                GError            **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  int version = from_version;
  int violations = 0;

  if (!sp_database_exec_sql (self->db, self->path, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *set_version = NULL;
      char *message = NULL;
      int rc;

      if (steps[i].version <= version)
        continue;

      g_assert (steps[i].version == version + 1);

      set_version = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      rc = sqlite3_exec (self->db, steps[i].sql, NULL, NULL, &message);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, set_version, NULL, NULL, &message);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_MIGRATION,
                       _("“%s” could not be upgraded to version %d (%s). The file was left as it was."),
                       name, steps[i].version, message != NULL ? message : sqlite3_errstr (rc));
          sqlite3_free (message);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      version = steps[i].version;
    }

  if (!sp_database_query_int (self->db, self->path,
                              "SELECT count(*) FROM pragma_foreign_key_check", &violations, error) ||
      violations > 0 ||
      !sp_database_exec_sql (self->db, self->path,
                             "PRAGMA application_id = " G_STRINGIFY (SP_DATABASE_APPLICATION_ID), error))
    {
      if (violations > 0)
        g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_MIGRATION,
                     _("“%s” could not be upgraded to version %d (%s). The file was left as it was."),
                     name, version, "foreign key check");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!sp_database_exec_sql (self->db, self->path, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static guint32
read_be32 (const guint8 *bytes)
{
  return (guint32) bytes[0] << 24 | (guint32) bytes[1] << 16 | (guint32) bytes[2] << 8 | bytes[3];
}

/* Reads the 100-byte SQLite header ourselves, before SQLite may touch the
 * file: a file that is not a database, not ours, or too new is refused
 * without a byte written or a -wal/-shm file made beside it. */
static gboolean
check_header (const char  *path,
              int          target_version,
              GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  guint8 header[100] = { 0, };
  gssize n = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = errno;
  guint32 user_version, application_id, n_pages;
  guint page_size;
  struct stat st;
  GStatBuf wal_st;
  g_autofree char *wal = NULL;
  gboolean has_wal;

  if (fd >= 0)
    {
      n = fstat (fd, &st) == 0 ? read (fd, header, sizeof header) : -1;
      saved_errno = errno;
      close (fd);
    }
  if (n < 0)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” could not be opened: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  if (n == 0)
    return TRUE;  /* an empty file: a new database */
  page_size = header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  wal = g_strconcat (path, "-wal", NULL);
  has_wal = g_stat (wal, &wal_st) == 0 && wal_st.st_size > 0;
  /* The size in pages, when the header vouches for it (SQLite's own rule). */
  n_pages = memcmp (header + 24, header + 92, 4) == 0 ? read_be32 (header + 28) : 0;
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0 ||
      /* the fixed payload fractions, and a page size that is a power of two */
      header[21] != 64 || header[22] != 32 || header[23] != 32 ||
      page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      /* cut short: not whole pages, or fewer than the header counts (unless a
       * WAL holds the rest, as after a crash in the middle of a checkpoint) */
      (!has_wal && (st.st_size % page_size != 0 ||
                    (guint64) st.st_size < (guint64) n_pages * page_size)))
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Samplan database, or it is damaged."), name);
      return FALSE;
    }
  user_version = read_be32 (header + 60);
  application_id = read_be32 (header + 68);
  if (application_id != 0 && application_id != SP_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Samplan."), name);
      return FALSE;
    }
  if (application_id == SP_DATABASE_APPLICATION_ID && (int) user_version > target_version)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Samplan (file version %d, this "
                     "version reads up to %d). Update Samplan to open it; the file was not changed."),
                   name, (int) user_version, target_version);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_database_open_file (SpDatabase         *self,
                       SpDatabaseOpenFlags flags,
                       const SpMigration  *steps,
                       guint               n_steps,
                       GError            **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  int target_version = n_steps > 0 ? steps[n_steps - 1].version : 0;
  int application_id = 0;
  int user_version = 0;
  int n_tables = 0;
  gboolean exists;
  int rc;

  exists = g_file_test (self->path, G_FILE_TEST_EXISTS);

  if (exists && !g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” is not a file."), name);
      return FALSE;
    }

  if (!exists)
    {
      if (flags & (SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY))
        {
          g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                       _("“%s” does not exist."), name);
          return FALSE;
        }
      if (!create_empty_file (self->path, error))
        return FALSE;
    }

  if (exists && !check_header (self->path, target_version, error))
    return FALSE;

  self->read_only = (flags & SP_DATABASE_OPEN_READ_ONLY) != 0 || !path_is_writable (self->path);

  rc = sqlite3_open_v2 (self->path, &self->db,
                        self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, SP_DATABASE_BUSY_TIMEOUT_MS);

  /* Read only the header before anything may be written. */
  if (!sp_database_query_int (self->db, self->path, "PRAGMA application_id", &application_id, error) ||
      !sp_database_query_int (self->db, self->path, "PRAGMA user_version", &user_version, error) ||
      !sp_database_query_int (self->db, self->path, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (application_id != SP_DATABASE_APPLICATION_ID &&
      (application_id != 0 || user_version != 0 || n_tables != 0))
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Samplan."), name);
      return FALSE;
    }

  if (user_version > target_version)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Samplan (file version %d, this "
                     "version reads up to %d). Update Samplan to open it; the file was not changed."),
                   name, user_version, target_version);
      return FALSE;
    }

  self->schema_version = user_version;

  /* A page damaged on disk is found now, not in the middle of the user's
   * work: before returning, or (when asked, and no migration is to run) in
   * a thread while the window opens, with every write waiting for it. On a
   * large file the check reads every page: 0.4 s for 50 MB. */
  if ((flags & SP_DATABASE_OPEN_CHECK_LATER) != 0 && user_version == target_version)
    sp_database_start_check (self);
  else if (!sp_database_quick_check (self->db))
    {
      sp_database_set_damaged_error (self, error);
      return FALSE;
    }

  if (!sp_database_exec_sql (self->db, self->path, "PRAGMA synchronous = FULL", error))
    return FALSE;

  if (user_version < target_version)
    {
      if (self->read_only)
        {
          g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY,
                       _("“%s” must be upgraded to this version of Samplan, but it is read-only."),
                       name);
          return FALSE;
        }

      if (user_version > 0)
        {
          g_autofree char *backup_path = sp_database_backup_path_for (self->path, user_version);

          if (!sp_database_copy (self->db, backup_path, error))
            return FALSE;
          self->migration_backup = g_steal_pointer (&backup_path);
          sp_database_prune_backups (self->path);
        }

      if (!run_migrations (self, user_version, steps, n_steps, error))
        return FALSE;
    }

  if (!self->read_only)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
          return FALSE;
        }
    }

  if (!sp_database_exec_sql (self->db, self->path, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  return self->read_only || sp_database_install_undo_log (self, error);
}
