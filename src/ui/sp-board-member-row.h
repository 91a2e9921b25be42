/* sp-board-member-row.h: a board member's row in the Members page, with its edit and remove buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-board-member.h"

G_BEGIN_DECLS

#define SP_TYPE_BOARD_MEMBER_ROW (sp_board_member_row_get_type ())
G_DECLARE_FINAL_TYPE (SpBoardMemberRow, sp_board_member_row, SP, BOARD_MEMBER_ROW, AdwActionRow)

GtkWidget     *sp_board_member_row_new                (SpBoardMember    *representative);
SpBoardMember *sp_board_member_row_get_representative (SpBoardMemberRow *self);
void           sp_board_member_row_update             (SpBoardMemberRow *self);

G_END_DECLS
