/* sp-budget-table.h: the budget lines of a year with their sums, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"
#include "sp-budget-row.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_TABLE (sp_budget_table_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetTable, sp_budget_table, SP, BUDGET_TABLE, GtkWidget)

GtkWidget   *sp_budget_table_new               (void);
void         sp_budget_table_set_database      (SpBudgetTable        *self,
                                                SpDatabase           *database);
void         sp_budget_table_set_year          (SpBudgetTable        *self,
                                                int                   year);
void         sp_budget_table_set_adopted       (SpBudgetTable        *self,
                                                gboolean              adopted);
SpMoneyUnit  sp_budget_table_get_unit          (SpBudgetTable        *self);
void         sp_budget_table_set_unit          (SpBudgetTable        *self,
                                                SpMoneyUnit           unit);
void         sp_budget_table_update            (SpBudgetTable         *self,
                                                GListModel            *lines,
                                                const SpBudgetTotals  *totals,
                                                const SpBudgetRevenue *revenue);
void         sp_budget_table_clear             (SpBudgetTable        *self);
GListModel  *sp_budget_table_get_rows          (SpBudgetTable        *self);
SpBudgetRow *sp_budget_table_get_selected_line (SpBudgetTable        *self);
void         sp_budget_table_select_line       (SpBudgetTable        *self,
                                                gint64                id);

G_END_DECLS
