/* sp-budget-chart.h: the budget per activity area and the members' contributions, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_CHART (sp_budget_chart_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetChart, sp_budget_chart, SP, BUDGET_CHART, GtkWidget)

GtkWidget *sp_budget_chart_new               (void);
void       sp_budget_chart_set_unit          (SpBudgetChart        *self,
                                              SpMoneyUnit           unit);
void       sp_budget_chart_set_totals        (SpBudgetChart        *self,
                                              const SpBudgetTotals *totals,
                                              GListModel           *lines);
void       sp_budget_chart_set_contributions (SpBudgetChart        *self,
                                              int                   year,
                                              GPtrArray            *contributions);
guint      sp_budget_chart_get_n_areas       (SpBudgetChart        *self);
guint      sp_budget_chart_get_n_members     (SpBudgetChart        *self);

G_END_DECLS
