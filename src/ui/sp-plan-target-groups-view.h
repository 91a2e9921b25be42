/* sp-plan-target-groups-view.h: the Target Groups tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-view.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_TARGET_GROUPS_VIEW (sp_plan_target_groups_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanTargetGroupsView, sp_plan_target_groups_view, SP, PLAN_TARGET_GROUPS_VIEW, SpPlanView)

G_END_DECLS
