/* sp-database-open.c: opening a database file: refuse, create or migrate it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening follows a fixed order so that a file we must not change is never
 * written to: first read the header ourselves (is it SQLite, is it ours, is it
 * too new, is it damaged), together with the page 1 that its -wal or -journal
 * will put in place (sp-database-wal.c), before SQLite may replay, roll back
 * or checkpoint anything; then check its schema, back it up and migrate it in
 * one transaction, and only then switch it to WAL. A file from a newer
 * Samplan, a foreign file, a damaged one or a failed migration leave the file
 * exactly as it was, with its -wal, -shm and -journal. A read-only opening
 * leaves nothing beside the file.
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
 * so that a file the user marked read-only, or that lies in a folder marked
 * read-only, is never changed. */
static gboolean
path_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  GStatBuf st;
  GStatBuf dir_st;

  if (g_stat (path, &st) != 0 || g_stat (dir, &dir_st) != 0)
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
      (dir_st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
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

      if (steps[i].version != version + 1)
        {
          g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
                       _("“%s” is not a Samplan database, or it is damaged."), name);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }

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

/* A version this far beyond ours is no newer Samplan's: a damaged byte. */
#define SP_DATABASE_MAX_VERSION_AHEAD 1000

static gboolean
set_damaged (const char  *name,
             GError     **error)
{
  g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Samplan database, or it is damaged."), name);
  return FALSE;
}

/* Judges the SQLite header (and page 1's b-tree header after it) of a file,
 * or of the newest page 1 in its -wal: is it SQLite, is it ours, is it too
 * new or damaged. With @file_size >= 0 the file's size must fit the header. */
static gboolean
judge_header (const char   *name,
              const guint8 *header,
              gsize         n,
              goffset       file_size,
              gboolean      has_wal,
              int           target_version,
              GError      **error)
{
  guint page_size = header[16] << 8 | header[17];
  guint32 n_pages;
  gint32 user_version;
  guint32 application_id;

  if (page_size == 1)
    page_size = 65536;
  if (n < 100 || memcmp (header, "SQLite format 3", 16) != 0 ||
      /* the fixed payload fractions, and a page size that is a power of two */
      header[21] != 64 || header[22] != 32 || header[23] != 32 ||
      page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      /* the write and read versions: 1 (rollback journal) or 2 (WAL); SQLite
       * opens a file with a larger one read-only, as if it were protected */
      header[18] < 1 || header[18] > 2 || header[19] < 1 || header[19] > 2)
    return set_damaged (name, error);

  /* The size in pages, when the header vouches for it (SQLite's own rule). */
  n_pages = memcmp (header + 24, header + 92, 4) == 0 ? read_be32 (header + 28) : 0;
  /* cut short: not whole pages, or fewer than the header counts (unless a WAL
   * holds the rest, as after a crash in the middle of a checkpoint) */
  if (file_size >= 0 && !has_wal &&
      (file_size % page_size != 0 || (guint64) file_size < (guint64) n_pages * page_size))
    return set_damaged (name, error);

  user_version = (gint32) read_be32 (header + 60);
  application_id = read_be32 (header + 68);
  if (application_id == 0)
    {
      /* Not marked as ours: only an empty database may become one. Page 1
       * is then a table leaf (0x0d) with no cells. */
      gboolean empty = n >= SP_DATABASE_HEADER_BYTES && header[100] == 0x0d &&
                       header[103] == 0 && header[104] == 0;

      if (user_version == 0 && empty)
        return TRUE;
    }
  if (application_id != SP_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_FOREIGN,
                   _("“%s” is a database of another program, not of Samplan."), name);
      return FALSE;
    }
  if (user_version < 0 || user_version > target_version + SP_DATABASE_MAX_VERSION_AHEAD)
    return set_damaged (name, error);
  if (user_version > target_version)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Samplan (file version %d, this "
                     "version reads up to %d). Update Samplan to open it; the file was not changed."),
                   name, (int) user_version, target_version);
      return FALSE;
    }
  return TRUE;
}

/* Reads the first bytes of the file ourselves, before SQLite may touch it:
 * @n is 0 for an empty file. */
static gboolean
read_header (const char  *path,
             guint8      *header,
             gsize       *n,
             goffset     *file_size,
             GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  gssize got = -1;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved_errno = errno;
  struct stat st;

  if (fd >= 0)
    {
      got = fstat (fd, &st) == 0 ? read (fd, header, SP_DATABASE_HEADER_BYTES) : -1;
      saved_errno = errno;
      close (fd);
    }
  if (got < 0)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” could not be opened: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  *n = got;
  *file_size = st.st_size;
  return TRUE;
}

/* Everything about the file that can be known without SQLite, which would
 * replay a -wal, roll back a -journal or make a -shm the moment it reads:
 * a file we refuse here is left exactly as it was, with all beside it. */
static gboolean
inspect_file (SpDatabase           *self,
              SpDatabaseOpenFlags   flags,
              int                   target_version,
              gboolean             *out_empty,
              SpWalInfo            *wal,
              GError              **error)
{
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *wal_path = g_strconcat (self->path, "-wal", NULL);
  guint8 header[SP_DATABASE_HEADER_BYTES] = { 0, };
  gsize n = 0;
  goffset file_size = 0;
  GStatBuf wal_st;
  gboolean has_wal;

  if (!read_header (self->path, header, &n, &file_size, error))
    return FALSE;

  /* An interrupted transaction is rolled back before SQLite reads: the
   * file may be cut or half-written until then, and its page 1 is the
   * journal's copy, when the journal holds one. A transaction that was
   * making a new database leaves an empty file when it is rolled back. */
  if (n > 0 && sp_database_has_journal (self->path))
    {
      guint8 before[SP_DATABASE_HEADER_BYTES];
      guint32 original_pages = G_MAXUINT32;

      if (sp_database_read_journal_page1 (self->path, before, &original_pages))
        {
          memcpy (header, before, sizeof header);
          n = sizeof header;
        }
      if (original_pages == 0)
        n = 0;
      file_size = -1;
    }

  *out_empty = n == 0;
  if (n == 0)
    {
      if ((flags & SP_DATABASE_OPEN_EMPTY_IS_NEW) != 0)
        return TRUE;
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes): it holds no Samplan database. It may be a copy "
                     "that did not finish. The file was not changed."), name);
      return FALSE;
    }

  has_wal = g_stat (wal_path, &wal_st) == 0 && wal_st.st_size > 0;
  if (!sp_database_read_wal (wal_path, wal))
    {
      int saved_errno = errno;
      g_autofree char *wal_name = g_filename_display_basename (wal_path);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN,
                   _("“%s” could not be opened: its change log “%s” cannot be read (%s)."),
                   name, wal_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!judge_header (name, header, n, file_size, has_wal, target_version, error) ||
      (wal->has_page1 &&
       !judge_header (name, wal->page1, sizeof wal->page1, -1, TRUE, target_version, error)))
    return FALSE;
  return TRUE;
}

/* A read-only opening must leave no -wal or -shm behind, and may not be
 * able to make them (a read-only folder). When there is no log to replay,
 * SQLite reads the file alone, as unchanging; otherwise the -wal and -shm
 * are there already, and it reads them as usual. */
static void
choose_uri (SpDatabase *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (self->path, "-shm", NULL);
  GStatBuf st;
  gboolean has_wal = g_stat (wal, &st) == 0 && st.st_size > 0;

  g_clear_pointer (&self->uri, g_free);
  if (self->read_only && !has_wal && !g_file_test (shm, G_FILE_TEST_EXISTS))
    {
      g_autofree char *uri = g_filename_to_uri (self->path, NULL, NULL);

      if (uri != NULL)
        {
          self->uri = g_strconcat (uri, "?immutable=1", NULL);
          self->open_flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
          return;
        }
    }
  self->uri = g_strdup (self->path);
  self->open_flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
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
  gboolean empty = FALSE;
  SpWalInfo wal = { 0, };
  gboolean pending_wal;
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

  if (exists && !inspect_file (self, flags, target_version, &empty, &wal, error))
    return FALSE;

  self->read_only = (flags & SP_DATABASE_OPEN_READ_ONLY) != 0 || !path_is_writable (self->path);

  if (exists && sp_database_has_journal (self->path) && self->read_only)
    {
      g_autofree char *journal = g_strconcat (self->path, "-journal", NULL);
      g_autofree char *journal_name = g_filename_display_basename (journal);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_UNFINISHED,
                   _("“%s” holds a change that was interrupted (in “%s”), which must be undone "
                     "before the file can be read. Open it in Samplan where it may be changed; "
                     "the file was not changed."),
                   name, journal_name);
      return FALSE;
    }

  if (wal.n_commits_lost > 0)
    {
      if (self->read_only)
        self->open_warning =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "The change log of “%s” is damaged at change %u: %u saved change "
                                        "after the damage cannot be read and is not shown. The file was "
                                        "not changed.",
                                        "The change log of “%s” is damaged at change %u: %u saved changes "
                                        "after the damage cannot be read and are not shown. The file was "
                                        "not changed.",
                                        wal.n_commits_lost),
                           name, wal.n_commits + 1, wal.n_commits_lost);
      else
        {
          /* Kept before SQLite replays what it can and, on closing, folds
           * that into the file and removes the log. */
          self->open_warning = sp_database_keep_wal (self->path, &wal, error);
          if (self->open_warning == NULL)
            return FALSE;
        }
    }

  choose_uri (self);
  {
    g_autofree char *wal_path = g_strconcat (self->path, "-wal", NULL);
    GStatBuf st;

    pending_wal = g_stat (wal_path, &st) == 0 && st.st_size > 0;
  }
  rc = sqlite3_open_v2 (self->uri, &self->db, self->open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, SP_DATABASE_BUSY_TIMEOUT_MS);
  /* Until the file is accepted, closing must not fold a -wal that was
   * there into it. (A -wal SQLite makes itself is empty, and closing
   * removes it with the -shm as usual.) */
  if (pending_wal)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

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

  if (user_version < 0 || user_version > target_version + SP_DATABASE_MAX_VERSION_AHEAD)
    return set_damaged (name, error);

  if (user_version > target_version)
    {
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Samplan (file version %d, this "
                     "version reads up to %d). Update Samplan to open it; the file was not changed."),
                   name, user_version, target_version);
      return FALSE;
    }

  self->schema_version = user_version;

  /* Every table and column the file's version should have: a file that
   * lacks one is damaged, and is refused now rather than failing later. */
  if (!sp_database_check_schema (self, user_version, steps, n_steps, error))
    return FALSE;

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
  else if (user_version == target_version)
    self->problems = sp_database_find_problems (self->db);

  if (!self->read_only &&
      !sp_database_exec_sql (self->db, self->path, "PRAGMA synchronous = FULL", error))
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
      self->problems = sp_database_find_problems (self->db);
    }

  if (!self->read_only)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
          return FALSE;
        }
      /* What a migration killed before its copy was complete left behind. */
      sp_database_remove_partial_backups (self->path);
    }

  if (!sp_database_exec_sql (self->db, self->path, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  if (!self->read_only && !sp_database_install_undo_log (self, error))
    return FALSE;
  /* The file is accepted: its log goes into it on closing, as usual. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
  return TRUE;
}
