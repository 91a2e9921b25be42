/* sp-budget-contributions.h: the members' contributions of a year, with the budget frame, the shares and the key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"
#include "sp-plan-year.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_CONTRIBUTIONS (sp_budget_contributions_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetContributions, sp_budget_contributions, SP, BUDGET_CONTRIBUTIONS, GtkWidget)

GtkWidget *sp_budget_contributions_new               (void);
void       sp_budget_contributions_update            (SpBudgetContributions *self,
                                                      SpDatabase            *database,
                                                      int                    year,
                                                      SpMoneyUnit            unit,
                                                      SpPlanYear            *plan_year);
GPtrArray *sp_budget_contributions_get_contributions (SpBudgetContributions *self);

G_END_DECLS
