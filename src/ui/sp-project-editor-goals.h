/* sp-project-editor-goals.h: a project's target groups and measurable goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_GOALS (sp_project_editor_goals_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorGoals, sp_project_editor_goals, SP, PROJECT_EDITOR_GOALS, SpProjectEditorSection)

G_END_DECLS
