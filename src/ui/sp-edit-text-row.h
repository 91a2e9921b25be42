/* sp-edit-text-row.h: a text of several lines that is edited in place and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_EDIT_TEXT_ROW (sp_edit_text_row_get_type ())
G_DECLARE_FINAL_TYPE (SpEditTextRow, sp_edit_text_row, SP, EDIT_TEXT_ROW, AdwPreferencesRow)

GtkWidget   *sp_edit_text_row_new             (void);
void         sp_edit_text_row_load            (SpEditTextRow *self,
                                               const char    *text);
char        *sp_edit_text_row_get_text        (SpEditTextRow *self);
void         sp_edit_text_row_set_text        (SpEditTextRow *self,
                                               const char    *text);
const char  *sp_edit_text_row_get_stored_text (SpEditTextRow *self);
gboolean     sp_edit_text_row_get_changed     (SpEditTextRow *self);
GtkTextView *sp_edit_text_row_get_text_view   (SpEditTextRow *self);
GtkWidget   *sp_edit_text_row_get_save_button (SpEditTextRow *self);

G_END_DECLS
