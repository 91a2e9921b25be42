/* sp-start-dialog.h: asks for a new förbund's name and first plan year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_START_DIALOG (sp_start_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpStartDialog, sp_start_dialog, SP, START_DIALOG, AdwMessageDialog)

GtkWidget     *sp_start_dialog_new           (GtkWindow     *parent,
                                              int            year);
GtkEditable   *sp_start_dialog_get_name_row  (SpStartDialog *self);
GtkSpinButton *sp_start_dialog_get_year_spin (SpStartDialog *self);

G_END_DECLS
