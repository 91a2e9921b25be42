/* sp-record-private.h: what the core's record types share to read their rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: a record type reads its rows with one "row → object"
 * function of its own (a SpRecordFromRowFunc) and these helpers, which
 * prepare the statement, bind the scope, step through the rows and turn a
 * failure into a GError. Widgets never include this.
 */
#pragma once

#include <sqlite3.h>

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/**
 * SpRecordFromRowFunc:
 * @stmt: a statement on a row
 *
 * Makes the record of the current row of @stmt.
 *
 * Returns: (transfer full): the record
 */
typedef SpRecord *(*SpRecordFromRowFunc) (sqlite3_stmt *stmt);

GPtrArray    *sp_record_load_rows          (SpDatabase           *database,
                                            const char           *sql,
                                            gint64                scope,
                                            SpRecordFromRowFunc   from_row,
                                            GError              **error);
gpointer      sp_record_load_one           (SpDatabase           *database,
                                            const char           *sql,
                                            gint64                id,
                                            SpRecordFromRowFunc   from_row,
                                            const char           *missing,
                                            GError              **error);
SpRecordList *sp_record_list_new_for_query (SpDatabase           *database,
                                            GType                 item_type,
                                            const char * const   *tables,
                                            const char           *sql,
                                            SpRecordFromRowFunc   from_row,
                                            gint64                scope);

gboolean      sp_record_query_int64        (SpDatabase           *database,
                                            const char           *sql,
                                            gint64                id,
                                            gint64               *value,
                                            const char           *missing,
                                            GError              **error);
GPtrArray    *sp_record_query_texts        (SpDatabase           *database,
                                            const char           *sql,
                                            gint64                id,
                                            GError              **error);
char         *sp_record_column_dup         (sqlite3_stmt         *stmt,
                                            int                   column);

void          sp_record_set_string_field   (GObject              *object,
                                            char                **field,
                                            const GValue         *value,
                                            GParamSpec           *pspec);

/* Assigns @value to @field and notifies, only when it differs. For the
 * set_property functions, where "object" and "pspec" are in scope. */
#define SP_RECORD_SET_FIELD(field, value)                 \
  G_STMT_START {                                          \
    if ((field) != (value))                               \
      {                                                   \
        (field) = (value);                                \
        g_object_notify_by_pspec (object, pspec);         \
      }                                                   \
  } G_STMT_END

G_END_DECLS
