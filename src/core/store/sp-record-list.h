/* sp-record-list.h: a list model of records that follows the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-database.h"
#include "sp-record.h"

G_BEGIN_DECLS

/**
 * SpRecordLoadFunc:
 * @database: the database
 * @user_data: what the list was made with
 * @error: where to put a failure
 *
 * Loads the records of the list, in order.
 *
 * Returns: (transfer full): a #GPtrArray of #SpRecord that frees its items
 */
typedef GPtrArray *(*SpRecordLoadFunc) (SpDatabase  *database,
                                        gpointer     user_data,
                                        GError     **error);

#define SP_TYPE_RECORD_LIST (sp_record_list_get_type ())
G_DECLARE_FINAL_TYPE (SpRecordList, sp_record_list, SP, RECORD_LIST, GObject)

SpRecordList *sp_record_list_new      (SpDatabase        *database,
                                       GType              item_type,
                                       const char * const *tables,
                                       SpRecordLoadFunc   load,
                                       gpointer           user_data,
                                       GDestroyNotify     destroy);
void          sp_record_list_reload   (SpRecordList      *self);
gpointer      sp_record_list_find     (SpRecordList      *self,
                                       gint64             id,
                                       guint             *position);

G_END_DECLS
