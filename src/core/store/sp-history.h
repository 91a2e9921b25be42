/* sp-history.h: undo and redo of a database's edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One way: the history depends on the database (sp-database.h,
 * sp-database-private.h); the database knows its history only as the opaque
 * listener of its edits (sp_database_set_edit_listener()) and never includes
 * this header.
 */
#pragma once

#include <glib-object.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_HISTORY (sp_history_get_type ())
G_DECLARE_FINAL_TYPE (SpHistory, sp_history, SP, HISTORY, GObject)

/* Keep at most this many edits to undo. */
#define SP_HISTORY_DEPTH 200

gboolean    sp_history_can_undo       (SpHistory  *self);
gboolean    sp_history_can_redo       (SpHistory  *self);
const char *sp_history_get_undo_label (SpHistory  *self);
const char *sp_history_get_redo_label (SpHistory  *self);
gboolean    sp_history_undo           (SpHistory  *self,
                                       GError    **error);
gboolean    sp_history_redo           (SpHistory  *self,
                                       GError    **error);
void        sp_history_clear          (SpHistory  *self);

SpHistory  *sp_database_get_history   (SpDatabase *database);

G_END_DECLS
