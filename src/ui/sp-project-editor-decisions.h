/* sp-project-editor-decisions.h: the project's status and the board's decisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_DECISIONS (sp_project_editor_decisions_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorDecisions, sp_project_editor_decisions, SP, PROJECT_EDITOR_DECISIONS, SpProjectEditorSection)

G_END_DECLS
