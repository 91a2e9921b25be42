/* sp-member-board-editor.h: a window to add or change a board representative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-board-member.h"
#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_MEMBER_BOARD_EDITOR (sp_member_board_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpMemberBoardEditor, sp_member_board_editor, SP, MEMBER_BOARD_EDITOR, AdwWindow)

SpMemberBoardEditor *sp_member_board_editor_new  (GtkWindow           *parent,
                                                  SpDatabase          *database,
                                                  GListModel          *members,
                                                  int                  year,
                                                  SpBoardMember       *representative);
gboolean             sp_member_board_editor_save (SpMemberBoardEditor *self);

G_END_DECLS
