/* sp-database.c: one förbund's database file
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
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "sp-database-private.h"
#include "sp-history.h"

#define BUSY_TIMEOUT_MS 3000

/* Prepared statements that replay one table's log entries. */
typedef struct {
  sqlite3_stmt *delete_row;
  sqlite3_stmt *update_row;
  sqlite3_stmt *insert_row;
} ReplayStatements;

struct _SpDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *migration_backup;
  int         schema_version;

  SpHistory  *history;
  GHashTable *changed_tables;   /* interned table names touched by the open edit */
  GHashTable *replay;           /* interned table name → ReplayStatements */
  GHashTable *statements;       /* SQL text → sqlite3_stmt, see sp_database_prepare_cached() */
  gint64      edit_start;       /* the log position when the open edit began */

  /* The check of SP_DATABASE_OPEN_CHECK_LATER; see sp_database_wait_checked(). */
  GThread    *check_thread;     /* running or finished, not yet joined */
  guint       damaged : 1;      /* the check found damage */
  guint       damage_told : 1;  /* "damaged" was notified */

  guint       read_only : 1;
  guint       recording : 1;
  guint       in_edit : 1;
};

G_DEFINE_FINAL_TYPE (SpDatabase, sp_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-database-error-quark, sp_database_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_DAMAGED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SpDatabaseError
error_code_for_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return SP_DATABASE_ERROR_NOT_A_DATABASE;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return SP_DATABASE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return SP_DATABASE_ERROR_READ_ONLY;
    case SQLITE_CANTOPEN:
      return SP_DATABASE_ERROR_OPEN;
    default:
      return SP_DATABASE_ERROR_FAILED;
    }
}

static void
set_error_for_sqlite (sqlite3     *db,
                      const char  *path,
                      int          rc,
                      GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  SpDatabaseError code = error_code_for_sqlite (rc);

  switch (code)
    {
    case SP_DATABASE_ERROR_NOT_A_DATABASE:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” is not a Samplan database, or it is damaged."), name);
      break;
    case SP_DATABASE_ERROR_BUSY:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” is in use by another program. Close it there and try again."), name);
      break;
    case SP_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” is read-only. Changes cannot be saved."), name);
      break;
    case SP_DATABASE_ERROR_OPEN:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” could not be opened."), name);
      break;
    default:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("The database “%s” reported an error: %s"), name,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
}

static gboolean
query_int (sqlite3     *db,
           const char  *path,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out_value = 0;
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    {
      set_error_for_sqlite (db, path, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *path,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error_for_sqlite (db, path, rc, error);
      return FALSE;
    }
  return TRUE;
}

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

static gboolean
copy_database (sqlite3     *source,
               const char  *dest_path,
               GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);
  g_autofree char *name = g_filename_display_name (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  g_unlink (tmp_path);
  fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_close (dest);
  else
    sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, sqlite3_errstr (rc));
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Automatic backups are named "<file>.v<N>-<UTC time>.bak"; keep the newest few. */
static void
prune_backups (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, ".bak"))
      g_ptr_array_add (names, g_strdup (entry));

  /* The time stamp sorts as text; the schema number does not matter here. */
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i + SP_DATABASE_KEEP_BACKUPS < names->len; i++)
    {
      g_autofree char *victim = g_build_filename (dir_name, g_ptr_array_index (names, i), NULL);
      g_unlink (victim);
    }
}

static char *
backup_path_for (const char *path,
                 int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *candidate = g_strdup_printf ("%s.v%d-%s.bak", path, version, stamp);

  /* Two migrations in the same second: keep both copies. */
  for (guint i = 1; g_file_test (candidate, G_FILE_TEST_EXISTS) && i < 100; i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%s-%u.bak", path, version, stamp, i);
    }
  return g_steal_pointer (&candidate);
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

  if (!exec_sql (self->db, self->path, "BEGIN IMMEDIATE", error))
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

  if (!query_int (self->db, self->path,
                  "SELECT count(*) FROM pragma_foreign_key_check", &violations, error) ||
      violations > 0 ||
      !exec_sql (self->db, self->path,
                 "PRAGMA application_id = " G_STRINGIFY (SP_DATABASE_APPLICATION_ID), error))
    {
      if (violations > 0)
        g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_MIGRATION,
                     _("“%s” could not be upgraded to version %d (%s). The file was left as it was."),
                     name, version, "foreign key check");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!exec_sql (self->db, self->path, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}


static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
replay_statements_free (gpointer data)
{
  ReplayStatements *statements = data;

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
static GStrv
table_columns (sqlite3    *db,
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
static gboolean
install_undo_log (SpDatabase  *self,
                  GError     **error)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  if (!exec_sql (self->db, self->path,
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
      g_auto(GStrv) columns = table_columns (self->db, table);
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
      if (!exec_sql (self->db, self->path, sql->str, error))
        return FALSE;
    }

  sqlite3_update_hook (self->db, on_update_hook_cb, self);
  return TRUE;
}

static ReplayStatements *
get_replay_statements (SpDatabase  *self,
                       const char  *table,
                       GError     **error)
{
  ReplayStatements *statements = g_hash_table_lookup (self->replay, g_intern_string (table));
  g_auto(GStrv) columns = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) values = NULL;
  g_autofree char *delete = NULL;
  int rc;

  if (statements != NULL)
    return statements;

  columns = table_columns (self->db, table);
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

  statements = g_new0 (ReplayStatements, 1);
  rc = sqlite3_prepare_v2 (self->db, delete, -1, &statements->delete_row, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, update->str, -1, &statements->update_row, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (self->db, insert->str, -1, &statements->insert_row, NULL);
  if (rc != SQLITE_OK)
    {
      replay_statements_free (statements);
      sp_database_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->replay, (gpointer) g_intern_string (table), statements);
  return statements;
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

/* PRAGMA quick_check (1) on @db: whether every page is sound. */
static gboolean
quick_check (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  return ok;
}

static void
set_damaged_error (SpDatabase  *self,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Samplan database, or it is damaged."), name);
}

/* The check thread: its own read-only connection, nothing shared but the
 * path it was given. Returns 1 for a sound file, 0 otherwise. */
static gpointer
check_thread_func (gpointer data)
{
  char *path = data;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
      ok = quick_check (db);
    }
  sqlite3_close_v2 (db);
  g_free (path);
  return GINT_TO_POINTER (ok);
}

/* Joins a check that was started; whether the file is sound. */
static gboolean
finish_check (SpDatabase *self)
{
  if (self->check_thread != NULL)
    {
      gboolean ok = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->check_thread)));

      self->damaged = !ok;
    }
  return !self->damaged;
}

/* In the opening thread's main context, after the check thread is done;
 * @user_data is a GWeakRef: the database may be gone by then. */
static gboolean
on_check_done_cb (gpointer user_data)
{
  g_autoptr(SpDatabase) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  finish_check (self);
  if (self->damaged && !self->damage_told)
    {
      self->damage_told = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
    }
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

typedef struct {
  char         *path;
  GMainContext *context;
  GWeakRef     *database;
} CheckStart;

static gpointer
check_and_tell_func (gpointer data)
{
  CheckStart *start = data;
  gpointer result = check_thread_func (g_steal_pointer (&start->path));
  GSource *source = g_idle_source_new ();

  /* Always dispatched by the context's own thread (g_main_context_invoke()
   * could run it here, where the database must not be finalized). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_check_done_cb, start->database, free_weak_ref);
  g_source_set_static_name (source, "[samplan] database check done");
  g_source_attach (source, start->context);
  g_source_unref (source);
  g_main_context_unref (start->context);
  g_free (start);
  return result;
}

static void
start_check (SpDatabase *self)
{
  CheckStart *start = g_new0 (CheckStart, 1);

  start->path = g_strdup (self->path);
  start->context = g_main_context_ref_thread_default ();
  start->database = g_new0 (GWeakRef, 1);
  g_weak_ref_init (start->database, self);
  self->check_thread = g_thread_new ("sp-database-check", check_and_tell_func, start);
}

static gboolean
open_file (SpDatabase         *self,
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
      set_error_for_sqlite (self->db, self->path, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Read only the header before anything may be written. */
  if (!query_int (self->db, self->path, "PRAGMA application_id", &application_id, error) ||
      !query_int (self->db, self->path, "PRAGMA user_version", &user_version, error) ||
      !query_int (self->db, self->path, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
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
    start_check (self);
  else if (!quick_check (self->db))
    {
      set_damaged_error (self, error);
      return FALSE;
    }

  if (!exec_sql (self->db, self->path, "PRAGMA synchronous = FULL", error))
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
          g_autofree char *backup_path = backup_path_for (self->path, user_version);

          if (!copy_database (self->db, backup_path, error))
            return FALSE;
          self->migration_backup = g_steal_pointer (&backup_path);
          prune_backups (self->path);
        }

      if (!run_migrations (self, user_version, steps, n_steps, error))
        return FALSE;
    }

  if (!self->read_only)
    {
      rc = sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          set_error_for_sqlite (self->db, self->path, rc, error);
          return FALSE;
        }
    }

  if (!exec_sql (self->db, self->path, "PRAGMA foreign_keys = ON", error))
    return FALSE;

  return self->read_only || install_undo_log (self, error);
}

static void
sp_database_finalize (GObject *object)
{
  SpDatabase *self = (SpDatabase *) object;

  finish_check (self);
  sp_database_close (self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);

  G_OBJECT_CLASS (sp_database_parent_class)->finalize (object);
}

static void
sp_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpDatabase *self = SP_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_DAMAGED:
      g_value_set_boolean (value, self->damaged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_database_class_init (SpDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_database_finalize;
  object_class->get_property = sp_database_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * SpDatabase:damaged:
   *
   * Whether the check of SP_DATABASE_OPEN_CHECK_LATER found the file
   * damaged. Notified once, in the thread that opened the database; from
   * then on every write is refused (see sp_database_wait_checked()).
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpDatabase::changed:
   * @tables: the names of the tables an edit, an undo or a redo changed
   *
   * Emitted once after each committed change, so that models reload.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
sp_database_init (SpDatabase *self)
{
  self->changed_tables = g_hash_table_new (NULL, NULL);
  self->replay = g_hash_table_new_full (NULL, NULL, NULL, replay_statements_free);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->recording = TRUE;
}

SpDatabase *
sp_database_open_with_migrations (const char           *path,
                                  SpDatabaseOpenFlags   flags,
                                  const SpMigration    *steps,
                                  guint                 n_steps,
                                  GError              **error)
{
  g_autoptr(SpDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (SP_TYPE_DATABASE, NULL);
  self->path = g_canonicalize_filename (path, NULL);

  if (!open_file (self, flags, steps, n_steps, error))
    {
      sp_database_close (self);
      return NULL;
    }

  self->history = sp_history_new (self);
  return g_steal_pointer (&self);
}

/**
 * sp_database_open:
 * @path: the database file
 * @flags: how to open it
 * @error: where to put a failure
 *
 * Opens (or creates) a förbund's database and brings its schema up to date,
 * after a backup copy of an existing file. A file that is not Samplan's, or
 * that a newer Samplan wrote, is refused and left untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
SpDatabase *
sp_database_open (const char           *path,
                  SpDatabaseOpenFlags   flags,
                  GError              **error)
{
  const SpMigration *steps;
  guint n_steps;

  steps = sp_migrations_get (&n_steps);
  return sp_database_open_with_migrations (path, flags, steps, n_steps, error);
}

/**
 * sp_database_wait_checked:
 *
 * Waits for the check of SP_DATABASE_OPEN_CHECK_LATER, if one is still
 * running (every write calls this first); a database opened without that
 * flag was checked before it was returned.
 *
 * Returns: %TRUE if the file is sound, %FALSE with @error set if it is damaged
 */
gboolean
sp_database_wait_checked (SpDatabase  *self,
                          GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);

  if (finish_check (self))
    return TRUE;
  set_damaged_error (self, error);
  return FALSE;
}

/* Whether the check found the file damaged (without waiting for it). */
gboolean
sp_database_is_damaged (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);
  return self->damaged;
}

const char *
sp_database_get_path (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->path;
}

gboolean
sp_database_is_read_only (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), TRUE);
  return self->read_only;
}

int
sp_database_get_schema_version (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), 0);
  return self->schema_version;
}

/**
 * sp_database_get_migration_backup:
 *
 * Returns: (nullable): the copy made before this opening upgraded the file
 */
const char *
sp_database_get_migration_backup (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->migration_backup;
}

/**
 * sp_database_backup_to:
 *
 * Writes a consistent copy of the open database to @dest_path, through a
 * temporary file that is renamed into place only when it is complete.
 */
gboolean
sp_database_backup_to (SpDatabase  *self,
                       const char  *dest_path,
                       GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!sp_database_wait_checked (self, error))
    return FALSE;
  return copy_database (self->db, dest_path, error);
}

void
sp_database_close (SpDatabase *self)
{
  g_return_if_fail (SP_IS_DATABASE (self));

  g_clear_pointer (&self->replay, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_update_hook (self->db, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

int
sp_database_get_current_version (void)
{
  guint n_steps;
  const SpMigration *steps = sp_migrations_get (&n_steps);

  return n_steps > 0 ? steps[n_steps - 1].version : 0;
}

/**
 * sp_database_get_default_path:
 *
 * Returns: (transfer full): the database used when no file is named
 */
char *
sp_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "samplan", "samplan.db", NULL);
}

sqlite3 *
sp_database_get_handle (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->db;
}

gboolean
sp_database_set_sqlite_error (SpDatabase  *self,
                              int          rc,
                              GError     **error)
{
  set_error_for_sqlite (self->db, self->path, rc, error);
  return FALSE;
}

gboolean
sp_database_exec (SpDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), FALSE);

  if (self->read_only)
    {
      set_error_for_sqlite (self->db, self->path, SQLITE_READONLY, error);
      return FALSE;
    }
  return exec_sql (self->db, self->path, sql, error);
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
  if (!exec_sql (self->db, self->path, "COMMIT", error))
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

/**
 * sp_database_get_history:
 *
 * Returns: (transfer none): the undo and redo history of this database
 */
SpHistory *
sp_database_get_history (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->history;
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

void
sp_database_emit_changed (SpDatabase *self)
{
  g_autofree const char **tables = NULL;

  if (g_hash_table_size (self->changed_tables) == 0)
    return;

  tables = (const char **) g_hash_table_get_keys_as_array (self->changed_tables, NULL);
  g_hash_table_remove_all (self->changed_tables);
  g_signal_emit (self, signals[CHANGED], 0, tables);
}

/* Commits the open edit and says which log range it wrote. */
static gboolean
commit_edit (SpDatabase  *self,
             gint64      *first,
             gint64      *last,
             GError     **error)
{
  gint64 end = sp_database_log_position (self);

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
    sp_history_push (self->history, label, first, last);
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

static gboolean
replay_entry (SpDatabase   *self,
              const char   *table,
              const char   *op,
              gint64        row,
              const char   *data,
              GError      **error)
{
  ReplayStatements *statements = get_replay_statements (self, table, error);
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

  /* Undoing a delete may restore a child before its parent. */
  if (!exec_sql (self->db, self->path, "PRAGMA defer_foreign_keys = ON", error))
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
      set_error_for_sqlite (NULL, self->path, SQLITE_MISUSE, error);
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
      set_error_for_sqlite (self->db, self->path, rc, error);
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
