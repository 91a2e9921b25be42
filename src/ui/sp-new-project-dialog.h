/* sp-new-project-dialog.h: asks for the name of a new project application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_NEW_PROJECT_DIALOG (sp_new_project_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpNewProjectDialog, sp_new_project_dialog, SP, NEW_PROJECT_DIALOG, AdwMessageDialog)

SpNewProjectDialog *sp_new_project_dialog_new      (GtkWindow          *parent);
void                sp_new_project_dialog_present  (SpNewProjectDialog *self);
const char         *sp_new_project_dialog_get_name (SpNewProjectDialog *self);

G_END_DECLS
