/* sp-edit-row.h: a one-line field that is edited in place and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_EDIT_ROW (sp_edit_row_get_type ())
G_DECLARE_FINAL_TYPE (SpEditRow, sp_edit_row, SP, EDIT_ROW, AdwEntryRow)

GtkWidget  *sp_edit_row_new             (void);
void        sp_edit_row_load            (SpEditRow  *self,
                                         const char *text);
const char *sp_edit_row_get_stored_text (SpEditRow  *self);
gboolean    sp_edit_row_get_changed     (SpEditRow  *self);
GtkWidget  *sp_edit_row_get_save_button (SpEditRow  *self);

G_END_DECLS
