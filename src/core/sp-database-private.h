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

G_END_DECLS
