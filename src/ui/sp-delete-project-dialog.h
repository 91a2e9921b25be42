/* sp-delete-project-dialog.h: asks before a project is deleted, or archived
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_DELETE_PROJECT_DIALOG (sp_delete_project_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpDeleteProjectDialog, sp_delete_project_dialog, SP, DELETE_PROJECT_DIALOG, AdwMessageDialog)

SpDeleteProjectDialog *sp_delete_project_dialog_new              (GtkWindow             *parent,
                                                                  SpProject             *project);
gint64                 sp_delete_project_dialog_get_project_id   (SpDeleteProjectDialog *self);
const char            *sp_delete_project_dialog_get_project_name (SpDeleteProjectDialog *self);

G_END_DECLS
