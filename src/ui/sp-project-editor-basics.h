/* sp-project-editor-basics.h: the project's name, owner, area, dates and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_BASICS (sp_project_editor_basics_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorBasics, sp_project_editor_basics, SP, PROJECT_EDITOR_BASICS, SpProjectEditorSection)

G_END_DECLS
