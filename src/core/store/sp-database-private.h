/* sp-database-private.h: what the core's own modules (and the tests) may use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "sp-database.h"

G_BEGIN_DECLS

/* One numbered schema step. Step N takes a file from user_version N-1 to N. */
typedef struct {
  int         version;
  const char *sql;
} SpMigration;

/* The schema steps of this version of Samplan, in order (sp-migrations.c). */
const SpMigration *sp_migrations_get        (guint                *n_steps);

/* Keep this many automatic pre-migration backups per database file. */
#define SP_DATABASE_KEEP_BACKUPS 5

SpDatabase *sp_database_open_with_migrations (const char           *path,
                                              SpDatabaseOpenFlags   flags,
                                              const SpMigration    *steps,
                                              guint                 n_steps,
                                              GError              **error);
sqlite3    *sp_database_get_handle          (SpDatabase           *self);
gboolean    sp_database_set_sqlite_error    (SpDatabase           *self,
                                             int                   rc,
                                             GError              **error);
gboolean    sp_database_exec                (SpDatabase           *self,
                                             const char           *sql,
                                             GError              **error);
gboolean    sp_database_begin               (SpDatabase           *self,
                                             GError              **error);
gboolean    sp_database_commit              (SpDatabase           *self,
                                             GError              **error);
void        sp_database_rollback            (SpDatabase           *self);

/* One user edit: begin, make the changes, then commit with a label for the
 * Undo menu ("Add section"), or roll back on any error. The commit records
 * the edit in the history and emits SpDatabase::changed once with the tables
 * touched. */
gboolean    sp_database_edit_begin          (SpDatabase           *self,
                                             GError              **error);
gboolean    sp_database_edit_commit         (SpDatabase           *self,
                                             const char           *label,
                                             GError              **error);
void        sp_database_edit_rollback       (SpDatabase           *self);

/* Writes that are not the user's edits (creating the example, importing a
 * whole file) and so are not undoable one by one. */
void        sp_database_set_recording       (SpDatabase           *self,
                                             gboolean              recording);

/* For SpHistory: replay the log from first to last id (newest first) inside
 * an edit; returns the range the replay logged. */
gboolean    sp_database_replay              (SpDatabase           *self,
                                             gint64                first,
                                             gint64                last,
                                             GError              **error);
gboolean    sp_database_check_images        (SpDatabase           *self,
                                             gint64                first,
                                             gint64                last,
                                             GError              **error);
gint64      sp_database_log_position        (SpDatabase           *self);
void        sp_database_forget_log          (SpDatabase           *self,
                                             gint64                first,
                                             gint64                last);
void        sp_database_emit_changed        (SpDatabase           *self);
gboolean    sp_database_commit_replay       (SpDatabase           *self,
                                             gint64               *first,
                                             gint64               *last,
                                             GError              **error);

/* A prepared statement kept for the life of the connection, reset and
 * with its bindings cleared; @sql must be a string of the program's own. */
sqlite3_stmt *sp_database_prepare_cached    (SpDatabase           *self,
                                             const char           *sql,
                                             GError              **error);
gboolean    sp_database_in_edit             (SpDatabase           *self);

/* Who hears of the edits: the database tells one listener the label and the
 * undo log range of each edit it commits. SpHistory (sp-history.c) is that
 * listener, and the database knows it only through this hook: sp-history
 * depends on sp-database, never the other way. Edits committed before the
 * listener is set are kept for it (the newest SP_DATABASE_KEEP_EDITS; the
 * log of older ones is forgotten) and told to it when it is set. */
#define SP_DATABASE_KEEP_EDITS 200

typedef void (*SpDatabaseEditFunc) (gpointer    listener,
                                    const char *label,
                                    gint64      first,
                                    gint64      last);

void        sp_database_set_edit_listener   (SpDatabase           *self,
                                             GObject              *listener,
                                             SpDatabaseEditFunc    func);
GObject    *sp_database_get_edit_listener   (SpDatabase           *self);

G_END_DECLS
