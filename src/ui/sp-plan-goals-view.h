/* sp-plan-goals-view.h: the Goals tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-view.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_GOALS_VIEW (sp_plan_goals_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanGoalsView, sp_plan_goals_view, SP, PLAN_GOALS_VIEW, SpPlanView)

void sp_plan_goals_view_set_matches (SpPlanGoalsView *self,
                                     GHashTable      *ids);

G_END_DECLS
