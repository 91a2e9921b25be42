/* sp-member-editor.h: a window to add or change one member organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-member.h"

G_BEGIN_DECLS

#define SP_TYPE_MEMBER_EDITOR (sp_member_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpMemberEditor, sp_member_editor, SP, MEMBER_EDITOR, AdwWindow)

SpMemberEditor *sp_member_editor_new           (GtkWindow      *parent,
                                                SpDatabase     *database,
                                                SpMember       *member);
gint64          sp_member_editor_get_member_id (SpMemberEditor *self);
gboolean        sp_member_editor_save          (SpMemberEditor *self);

G_END_DECLS
