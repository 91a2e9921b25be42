/* sp-database-impl.h: the inside of SpDatabase, shared by its own files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only sp-database.c and the sp-database-*.c files include this; the rest of
 * the core uses sp-database-private.h, everyone else sp-database.h.
 *
 *   sp-database.c         the type, its properties and signal, the public API
 *   sp-database-open.c    opening: the header check, refusing, creating, migrating
 *   sp-database-check.c   the check of the pages, now or in a thread
 *   sp-database-backup.c  backup copies
 *   sp-database-wal.c     the -wal and -journal beside the file, read before SQLite
 *   sp-database-log.c     the undo log and its replay
 *   sp-database-edit.c    transactions, edits and the edit listener
 *   sp-database-image.c   what an edit left, so that its undo never overwrites another's
 *   sp-database-watch.c   noticing other programs' commits; a short wait on a busy file
 */
#pragma once

#include "sp-database-private.h"

G_BEGIN_DECLS

#define SP_DATABASE_BUSY_TIMEOUT_MS 3000

/* The SQLite header and the b-tree header of page 1 that follows it. */
#define SP_DATABASE_HEADER_BYTES 108

/* What a -wal holds, as SQLite will replay it (sp-database-wal.c). */
typedef struct {
  gboolean valid_header;     /* SQLite will read it at all */
  guint    n_frames;         /* frames up to the last replayed commit */
  guint    n_commits;        /* transactions replayed */
  guint    first_bad_frame;  /* 1-based; 0 when every frame is sound */
  guint    n_commits_lost;   /* committed transactions after it, which SQLite drops */
  guint32  n_pages;          /* the database's size after the last replayed commit */
  gboolean has_page1;        /* page1 holds the newest replayed page 1 */
  guint8   page1[SP_DATABASE_HEADER_BYTES];
} SpWalInfo;

/* Prepared statements that replay one table's log entries. */
typedef struct {
  sqlite3_stmt *delete_row;
  sqlite3_stmt *update_row;
  sqlite3_stmt *insert_row;
} SpReplayStatements;

struct _SpDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *migration_backup;
  char       *uri;              /* what SQLite opens: the path, or a read-only URI */
  int         open_flags;       /* and how */
  char       *open_warning;     /* what the user must hear about the opening */
  char       *problems;         /* what the check found wrong in the data, or NULL */
  int         schema_version;

  GHashTable *changed_tables;   /* interned table names touched by the open edit */
  GHashTable *replay;           /* interned table name → SpReplayStatements */
  GHashTable *statements;       /* SQL text → sqlite3_stmt, see sp_database_prepare_cached() */
  gint64      edit_start;       /* the log position when the open edit began */

  /* Who hears of the edits (the history), owned; see sp_database_set_edit_listener(). */
  GObject            *edit_listener;
  SpDatabaseEditFunc  edit_func;
  GQueue              unclaimed_edits;  /* committed before there was a listener, newest first */

  /* The check of SP_DATABASE_OPEN_CHECK_LATER; see sp_database_wait_checked(). */
  GThread    *check_thread;     /* running or finished, not yet joined */
  guint       damaged : 1;      /* the check found damage */
  guint       damage_told : 1;  /* "damaged" was notified */
  guint       problems_told : 1; /* "problems" was notified */

  gint64      data_version;     /* PRAGMA data_version when last looked; see sp-database-watch.c */

  guint       read_only : 1;
  guint       recording : 1;
  guint       in_edit : 1;
};

/* sp-database.c */
void     sp_database_set_error_for_sqlite   (sqlite3             *db,
                                             const char          *path,
                                             int                  rc,
                                             GError             **error);
gboolean sp_database_query_int              (sqlite3             *db,
                                             const char          *path,
                                             const char          *sql,
                                             int                 *out_value,
                                             GError             **error);
gboolean sp_database_exec_sql               (sqlite3             *db,
                                             const char          *path,
                                             const char          *sql,
                                             GError             **error);
void     sp_database_notify_damaged         (SpDatabase          *self);
void     sp_database_notify_problems        (SpDatabase          *self);
void     sp_database_emit_changed_elsewhere (SpDatabase          *self,
                                             const char         **tables);

/* sp-database-open.c */
gboolean sp_database_open_file              (SpDatabase          *self,
                                             SpDatabaseOpenFlags  flags,
                                             const SpMigration   *steps,
                                             guint                n_steps,
                                             GError             **error);

/* sp-database-check.c */
gboolean sp_database_quick_check            (sqlite3             *db);
char    *sp_database_find_problems          (sqlite3             *db);
gboolean sp_database_check_schema           (SpDatabase          *self,
                                             int                  version,
                                             const SpMigration   *steps,
                                             guint                n_steps,
                                             GError             **error);
void     sp_database_set_damaged_error      (SpDatabase          *self,
                                             GError             **error);
gboolean sp_database_finish_check           (SpDatabase          *self);
void     sp_database_start_check            (SpDatabase          *self);

/* sp-database-backup.c */
gboolean sp_database_copy                   (sqlite3             *source,
                                             const char          *dest_path,
                                             GError             **error);
void     sp_database_prune_backups          (const char          *path);
void     sp_database_remove_partial_backups (const char          *path);
char    *sp_database_backup_path_for        (const char          *path,
                                             int                  version);

/* sp-database-wal.c */
gboolean sp_database_read_wal               (const char          *wal_path,
                                             SpWalInfo           *info);
gboolean sp_database_has_journal            (const char          *path);
gboolean sp_database_read_journal_page1     (const char          *path,
                                             guint8              *page1,
                                             guint32             *original_pages);
char    *sp_database_keep_wal               (const char          *path,
                                             const SpWalInfo     *info,
                                             GError             **error);

/* sp-database-log.c */
void     sp_database_replay_statements_free (gpointer             data);
gboolean sp_database_install_undo_log       (SpDatabase          *self,
                                             GError             **error);

/* sp-database-log.c */
GStrv    sp_database_table_columns          (sqlite3             *db,
                                             const char          *table);

/* sp-database-image.c */
gboolean sp_database_install_images         (SpDatabase          *self,
                                             GError             **error);
gboolean sp_database_save_images            (SpDatabase          *self,
                                             gint64               first,
                                             gint64               last,
                                             GError             **error);
void     sp_database_forget_images          (SpDatabase          *self,
                                             gint64               first,
                                             gint64               last);

/* sp-database-edit.c */
void     sp_database_clear_edits            (SpDatabase          *self);

G_END_DECLS
