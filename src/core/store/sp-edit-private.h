/* sp-edit-private.h: what the core's modules share to read and change the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: only src/core and the core's tests include this. Widgets and
 * the export call the modules' API; the limits are in sp-limits.h and the
 * folding of text for searches in sp-text.h.
 */
#pragma once

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-limits.h"
#include "sp-money.h"

G_BEGIN_DECLS

/* Makes a record of the current row of a statement. */
typedef gpointer (*SpEditRowFunc) (sqlite3_stmt *stmt);

typedef gboolean (*SpEditFunc) (SpDatabase  *database,
                                gpointer     user_data,
                                GError     **error);

sqlite3_stmt *sp_edit_prepare        (SpDatabase   *database,
                                      const char   *sql,
                                      GError      **error);
gboolean      sp_edit_step_done      (SpDatabase   *database,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
gboolean      sp_edit_query_int64    (SpDatabase   *database,
                                      sqlite3_stmt *stmt,
                                      gint64       *out_value,
                                      GError      **error);
GPtrArray    *sp_edit_load_rows      (SpDatabase   *database,
                                      sqlite3_stmt *stmt,
                                      SpEditRowFunc from_row,
                                      GError      **error);
gboolean      sp_edit_run            (SpDatabase   *database,
                                      const char   *label,
                                      SpEditFunc    func,
                                      gpointer      user_data,
                                      GError      **error);

char         *sp_edit_clean_name     (const char   *text,
                                      const char   *what,
                                      GError      **error);
char         *sp_edit_clean_text     (const char   *text,
                                      gsize         max_chars,
                                      GError      **error);
gboolean      sp_edit_check_year     (int           year,
                                      GError      **error);
gboolean      sp_edit_check_date     (const char   *date,
                                      GError      **error);
gboolean      sp_edit_check_exists   (SpDatabase   *database,
                                      const char   *sql,
                                      gint64        id,
                                      const char   *missing,
                                      GError      **error);
gboolean      sp_edit_check_year_open (SpDatabase  *database,
                                      int           year,
                                      GError      **error);

gint64        sp_edit_next_position  (SpDatabase   *database,
                                      const char   *table,
                                      const char   *scope_column,
                                      gint64        scope_value,
                                      GError      **error);
gboolean      sp_edit_move           (SpDatabase   *database,
                                      const char   *table,
                                      const char   *scope_column,
                                      gint64        scope_value,
                                      gint64        id,
                                      guint         new_index,
                                      GError      **error);

const char   *sp_edit_column_text    (sqlite3_stmt *stmt,
                                      int           column);
int           sp_edit_column_enum    (sqlite3_stmt *stmt,
                                      int           column,
                                      GType         enum_type);
void          sp_edit_bind_optional  (sqlite3_stmt *stmt,
                                      int           index,
                                      gboolean      is_set,
                                      gint64        value);
void          sp_edit_bind_text      (sqlite3_stmt *stmt,
                                      int           index,
                                      const char   *text);


G_END_DECLS
