/* sp-project-editor-evaluation.h: a project's results and evaluation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_EVALUATION (sp_project_editor_evaluation_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorEvaluation, sp_project_editor_evaluation, SP, PROJECT_EDITOR_EVALUATION, SpProjectEditorSection)

G_END_DECLS
