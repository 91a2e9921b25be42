/* sp-plan-status-bar.h: the status of a plan year and its adoption
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-plan-year.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_STATUS_BAR (sp_plan_status_bar_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanStatusBar, sp_plan_status_bar, SP, PLAN_STATUS_BAR, GtkWidget)

void sp_plan_status_bar_show_year       (SpPlanStatusBar *self,
                                         SpDatabase      *database,
                                         int              year,
                                         SpPlanYear      *plan_year);
void sp_plan_status_bar_update_outcomes (SpPlanStatusBar *self);
void sp_plan_status_bar_adopt           (SpPlanStatusBar *self);
void sp_plan_status_bar_reopen          (SpPlanStatusBar *self);

G_END_DECLS
