/* sp-project-editor-participants.h: a project's participants, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ui/sp-project-editor-section.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_EDITOR_PARTICIPANTS (sp_project_editor_participants_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectEditorParticipants, sp_project_editor_participants, SP, PROJECT_EDITOR_PARTICIPANTS, SpProjectEditorSection)

G_END_DECLS
