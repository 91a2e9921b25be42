/* sp-project-editor.h: everything about one project, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR (sp_project_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditor, sp_project_editor, SP, PROJECT_EDITOR, GtkWidget)

GtkWidget  *sp_project_editor_new          (void);
SpDatabase *sp_project_editor_get_database (SpProjectEditor *self);
void        sp_project_editor_set_database (SpProjectEditor *self,
                                            SpDatabase      *database);
int         sp_project_editor_get_year     (SpProjectEditor *self);
void        sp_project_editor_set_year     (SpProjectEditor *self,
                                            int              year);
SpProject  *sp_project_editor_get_project  (SpProjectEditor *self);
void        sp_project_editor_set_project  (SpProjectEditor *self,
                                            SpProject       *project);

G_END_DECLS
