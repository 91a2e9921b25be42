/* sp-project-editor-grants.h: the funds granted to a project, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_GRANTS (sp_project_editor_grants_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorGrants, sp_project_editor_grants, SP, PROJECT_EDITOR_GRANTS, SpProjectEditorSection)

G_END_DECLS
