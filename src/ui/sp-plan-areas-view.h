/* sp-plan-areas-view.h: the Activity Areas tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-view.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_AREAS_VIEW (sp_plan_areas_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanAreasView, sp_plan_areas_view, SP, PLAN_AREAS_VIEW, SpPlanView)

G_END_DECLS
