/* sp-project-editor-cofunding.h: the members' co-funding of a project, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_COFUNDING (sp_project_editor_cofunding_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorCofunding, sp_project_editor_cofunding, SP, PROJECT_EDITOR_COFUNDING, SpProjectEditorSection)

G_END_DECLS
