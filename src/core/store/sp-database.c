/* sp-database.c: one förbund's database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The type, its properties and signal, and the public API. The rest of it
 * lives beside it, behind sp-database-impl.h: opening (sp-database-open.c),
 * the page check (sp-database-check.c), backups (sp-database-backup.c), the
 * undo log (sp-database-log.c), and transactions and edits
 * (sp-database-edit.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-database-impl.h"

G_DEFINE_FINAL_TYPE (SpDatabase, sp_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-database-error-quark, sp_database_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_DAMAGED,
  PROP_PROBLEMS,
  N_PROPS
};

enum {
  CHANGED,
  CHANGED_ELSEWHERE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SpDatabaseError
error_code_for_sqlite (int rc)
{
  /* A hot journal that a read-only connection cannot roll back. */
  if (rc == SQLITE_READONLY_ROLLBACK)
    return SP_DATABASE_ERROR_UNFINISHED;
  /* Not read-only: the file was moved or removed while it was open. */
  if (rc == SQLITE_READONLY_DBMOVED)
    return SP_DATABASE_ERROR_IO;
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
    case SQLITE_FULL:
      return SP_DATABASE_ERROR_DISK_FULL;
    case SQLITE_IOERR:
      return SP_DATABASE_ERROR_IO;
    default:
      return SP_DATABASE_ERROR_FAILED;
    }
}

void
sp_database_set_error_for_sqlite (sqlite3     *db,
                                  const char  *path,
                                  int          rc,
                                  GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  SpDatabaseError code = error_code_for_sqlite (rc);

  if (rc == SQLITE_READONLY_DBMOVED)
    {
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” was moved or removed while it was open, so changes cannot be saved "
                     "to it. Open it again where it is now."), name);
      return;
    }

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
    case SP_DATABASE_ERROR_DISK_FULL:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” could not be saved: the disk is full. Make room on it and try again; "
                     "the change was not saved."), name);
      break;
    case SP_DATABASE_ERROR_IO:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” could not be read or written: the disk or the network failed. "
                     "Check that it is connected and try again."), name);
      break;
    case SP_DATABASE_ERROR_UNFINISHED:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("“%s” holds a change that was interrupted, which must be undone before the "
                     "file can be read. Open it in Samplan where it may be changed."), name);
      break;
    default:
      g_set_error (error, SP_DATABASE_ERROR, code,
                   _("The database “%s” reported an error: %s"), name,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      break;
    }
}

gboolean
sp_database_query_int (sqlite3     *db,
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
      sp_database_set_error_for_sqlite (db, path, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_database_exec_sql (sqlite3     *db,
                      const char  *path,
                      const char  *sql,
                      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      sp_database_set_error_for_sqlite (db, path, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sp_database_finalize (GObject *object)
{
  SpDatabase *self = (SpDatabase *) object;

  sp_database_finish_check (self);
  sp_database_close (self);
  sp_database_clear_edits (self);
  g_clear_pointer (&self->changed_tables, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);
  g_clear_pointer (&self->uri, g_free);
  g_clear_pointer (&self->open_warning, g_free);
  g_clear_pointer (&self->problems, g_free);

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
    case PROP_PROBLEMS:
      g_value_set_string (value, self->problems);
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

  /**
   * SpDatabase:problems:
   *
   * What the check of the data found wrong (rows that refer to rows that are
   * gone, values no edit can make), one line each in the user's language,
   * or %NULL. With SP_DATABASE_OPEN_CHECK_LATER it is notified once, when
   * the check is done; the file stays open and writable.
   */
  properties[PROP_PROBLEMS] =
    g_param_spec_string ("problems", NULL, NULL, NULL,
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

  /**
   * SpDatabase::changed-elsewhere:
   *
   * Emitted when sp_database_poll_elsewhere() finds that another connection
   * (another Samplan, another program) committed to the file, before
   * #SpDatabase::changed names every table: what is shown may be stale, and
   * an undo may no longer apply.
   */
  signals[CHANGED_ELSEWHERE] =
    g_signal_new ("changed-elsewhere", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_database_init (SpDatabase *self)
{
  self->changed_tables = g_hash_table_new (NULL, NULL);
  self->replay = g_hash_table_new_full (NULL, NULL, NULL, sp_database_replay_statements_free);
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

  if (!sp_database_open_file (self, flags, steps, n_steps, error))
    {
      sp_database_close (self);
      return NULL;
    }
  sp_database_poll_elsewhere (self);  /* from here on, others' commits are noticed */

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

  if (sp_database_finish_check (self))
    return TRUE;
  sp_database_set_damaged_error (self, error);
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
 * sp_database_get_open_warning:
 *
 * Returns: (nullable): what the user must be told about this opening: that
 *   changes in a damaged log could not be read, and where its copy is
 */
const char *
sp_database_get_open_warning (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->open_warning;
}

/**
 * sp_database_get_problems:
 *
 * Returns: (nullable): see #SpDatabase:problems; %NULL also while the
 *   check of SP_DATABASE_OPEN_CHECK_LATER is still running
 */
const char *
sp_database_get_problems (SpDatabase *self)
{
  g_return_val_if_fail (SP_IS_DATABASE (self), NULL);
  return self->problems;
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
  return sp_database_copy (self->db, dest_path, error);
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
  sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
  return FALSE;
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

/* For sp-database-check.c: the check found problems in the data. */
void
sp_database_notify_problems (SpDatabase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEMS]);
}

/* For sp-database-check.c: the check found the file damaged. */
void
sp_database_notify_damaged (SpDatabase *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);
}

/* For sp-database-watch.c: another connection committed to the file. */
void
sp_database_emit_changed_elsewhere (SpDatabase  *self,
                                    const char **tables)
{
  g_signal_emit (self, signals[CHANGED_ELSEWHERE], 0);
  g_signal_emit (self, signals[CHANGED], 0, tables);
}
