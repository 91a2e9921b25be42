/* sp-plan-board-view.h: the Board tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-view.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_BOARD_VIEW (sp_plan_board_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanBoardView, sp_plan_board_view, SP, PLAN_BOARD_VIEW, SpPlanView)

G_END_DECLS
