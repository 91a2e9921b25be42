/* sp-budget-page.h: the budget of a year, its member contributions and a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_PAGE (sp_budget_page_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetPage, sp_budget_page, SP, BUDGET_PAGE, GtkWidget)

GtkWidget   *sp_budget_page_new          (void);
SpDatabase  *sp_budget_page_get_database (SpBudgetPage *self);
void         sp_budget_page_set_database (SpBudgetPage *self,
                                          SpDatabase   *database);
int          sp_budget_page_get_year     (SpBudgetPage *self);
void         sp_budget_page_set_year     (SpBudgetPage *self,
                                          int           year);
SpMoneyUnit  sp_budget_page_get_unit     (SpBudgetPage *self);
void         sp_budget_page_set_unit     (SpBudgetPage *self,
                                          SpMoneyUnit   unit);

G_END_DECLS
