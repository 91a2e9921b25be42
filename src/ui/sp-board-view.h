/* sp-board-view.h: the board of the shown year on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_BOARD_VIEW (sp_board_view_get_type ())
G_DECLARE_FINAL_TYPE (SpBoardView, sp_board_view, SP, BOARD_VIEW, AdwBin)

void sp_board_view_set_database  (SpBoardView *self,
                                  SpDatabase  *database,
                                  GListModel  *members);
void sp_board_view_set_year      (SpBoardView *self,
                                  int          year);
void sp_board_view_add           (SpBoardView *self);

G_END_DECLS
