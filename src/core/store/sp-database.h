/* sp-database.h: one förbund's database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_DATABASE_ERROR (sp_database_error_quark ())

/**
 * SpDatabaseError:
 * @SP_DATABASE_ERROR_OPEN: the file could not be opened or created
 * @SP_DATABASE_ERROR_NOT_A_DATABASE: the file is not an SQLite database
 * @SP_DATABASE_ERROR_FOREIGN: an SQLite database, but not one of Samplan's
 * @SP_DATABASE_ERROR_TOO_NEW: written by a newer Samplan; left untouched
 * @SP_DATABASE_ERROR_READ_ONLY: a change was asked of a read-only file
 * @SP_DATABASE_ERROR_BUSY: another program holds a lock on the file
 * @SP_DATABASE_ERROR_MIGRATION: upgrading the file failed; it was left as it was
 * @SP_DATABASE_ERROR_BACKUP: a backup copy could not be written
 * @SP_DATABASE_ERROR_FAILED: any other SQLite failure
 * @SP_DATABASE_ERROR_EMPTY: the file is empty (0 bytes), and was not to be
 *   taken as a new database (see %SP_DATABASE_OPEN_EMPTY_IS_NEW)
 * @SP_DATABASE_ERROR_UNFINISHED: an interrupted change (a -journal) must be
 *   rolled back first, which a read-only opening cannot do
 * @SP_DATABASE_ERROR_DISK_FULL: the disk is full
 * @SP_DATABASE_ERROR_IO: the disk or the network failed to read or write
 */
typedef enum {
  SP_DATABASE_ERROR_OPEN,
  SP_DATABASE_ERROR_NOT_A_DATABASE,
  SP_DATABASE_ERROR_FOREIGN,
  SP_DATABASE_ERROR_TOO_NEW,
  SP_DATABASE_ERROR_READ_ONLY,
  SP_DATABASE_ERROR_BUSY,
  SP_DATABASE_ERROR_MIGRATION,
  SP_DATABASE_ERROR_BACKUP,
  SP_DATABASE_ERROR_FAILED,
  SP_DATABASE_ERROR_EMPTY,
  SP_DATABASE_ERROR_UNFINISHED,
  SP_DATABASE_ERROR_DISK_FULL,
  SP_DATABASE_ERROR_IO,
} SpDatabaseError;

/**
 * SpDatabaseOpenFlags:
 * @SP_DATABASE_OPEN_DEFAULT: open the file, creating it when it is missing
 * @SP_DATABASE_OPEN_EXISTING: fail when the file does not exist
 * @SP_DATABASE_OPEN_READ_ONLY: never write to the file
 * @SP_DATABASE_OPEN_CHECK_LATER: check the file's pages (PRAGMA quick_check)
 *   in a thread of its own instead of before returning, when no migration
 *   needs it first; every write waits for the check, and a damaged file
 *   is refused then and reported by #SpDatabase:damaged
 * @SP_DATABASE_OPEN_EMPTY_IS_NEW: an existing empty file (0 bytes) becomes a
 *   new database; without this it is refused with %SP_DATABASE_ERROR_EMPTY
 */
typedef enum {
  SP_DATABASE_OPEN_DEFAULT     = 0,
  SP_DATABASE_OPEN_EXISTING    = 1 << 0,
  SP_DATABASE_OPEN_READ_ONLY   = 1 << 1,
  SP_DATABASE_OPEN_CHECK_LATER = 1 << 2,
  SP_DATABASE_OPEN_EMPTY_IS_NEW = 1 << 3,
} SpDatabaseOpenFlags;

/* "SPLN": marks a file as Samplan's in the SQLite header (PRAGMA application_id). */
#define SP_DATABASE_APPLICATION_ID 0x53504c4e

#define SP_TYPE_DATABASE (sp_database_get_type ())
G_DECLARE_FINAL_TYPE (SpDatabase, sp_database, SP, DATABASE, GObject)

GQuark       sp_database_error_quark          (void);

SpDatabase  *sp_database_open                 (const char           *path,
                                               SpDatabaseOpenFlags   flags,
                                               GError              **error);
const char  *sp_database_get_path             (SpDatabase           *self);
gboolean     sp_database_wait_checked         (SpDatabase           *self,
                                               GError              **error);
gboolean     sp_database_is_damaged           (SpDatabase           *self);
gboolean     sp_database_is_read_only         (SpDatabase           *self);
int          sp_database_get_schema_version   (SpDatabase           *self);
const char  *sp_database_get_migration_backup (SpDatabase           *self);
const char  *sp_database_get_open_warning     (SpDatabase           *self);
const char  *sp_database_get_problems         (SpDatabase           *self);
gboolean     sp_database_backup_to            (SpDatabase           *self,
                                               const char           *dest_path,
                                               GError              **error);
void         sp_database_close                (SpDatabase           *self);
gboolean     sp_database_poll_elsewhere       (SpDatabase           *self);
void         sp_database_set_busy_timeout     (SpDatabase           *self,
                                               guint                 milliseconds);

int          sp_database_get_current_version  (void);
char        *sp_database_get_default_path     (void);

/* The undo history of a database's edits, sp_database_get_history(), is in
 * sp-history.h: the history depends on the database, not the other way. */

G_END_DECLS
