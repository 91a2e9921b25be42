/* sp-budget.h: a year's budget added up: totals, subtotals and balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Includes sp-account.h and sp-budget-line.h: the whole budget in one include.
 */
#pragma once

#include "sp-account.h"
#include "sp-budget-line.h"
#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpBudgetSum:
 * @revenue: the sum of the lines on revenue accounts, per column, in öre
 * @costs: the sum of the lines on cost accounts, per column, in öre
 * @result: @revenue − @costs, per column
 * @n_set: how many lines have the column set; 0 means the column is empty
 * @n_revenue: how many of them are revenue lines (typed or derived)
 * @n_costs: how many of them are cost lines
 *
 * Amounts are stored as typed on their lines, usually positive both for
 * revenue and costs; the account's kind says which sum a line goes to.
 * Lines whose column is not set add nothing. A sum of revenue where no
 * revenue line has a figure is empty, not 0, however many cost lines have
 * one (and likewise for costs): ask sp_budget_sum_is_set().
 */
typedef struct {
  SpMoney revenue[SP_BUDGET_N_COLUMNS];
  SpMoney costs[SP_BUDGET_N_COLUMNS];
  SpMoney result[SP_BUDGET_N_COLUMNS];
  guint   n_set[SP_BUDGET_N_COLUMNS];
  guint   n_revenue[SP_BUDGET_N_COLUMNS];
  guint   n_costs[SP_BUDGET_N_COLUMNS];
} SpBudgetSum;

/**
 * SpBudgetSumPart:
 * @SP_BUDGET_SUM_REVENUE: the revenue of a sum
 * @SP_BUDGET_SUM_COSTS: the costs of a sum
 * @SP_BUDGET_SUM_RESULT: the revenue − the costs
 */
typedef enum {
  SP_BUDGET_SUM_REVENUE,
  SP_BUDGET_SUM_COSTS,
  SP_BUDGET_SUM_RESULT,
} SpBudgetSumPart;

/**
 * SpBudgetSubtotal:
 * @id: the activity area's (or the area group's) id
 * @group_id: the area group (for a group, its own id)
 * @sum: the sums of its lines
 */
typedef struct {
  gint64      id;
  gint64      group_id;
  SpBudgetSum sum;
} SpBudgetSubtotal;

/**
 * SpBudgetTotals:
 * @year: the plan's year
 * @total: the sums of all the year's lines
 * @groups: an array of #SpBudgetSubtotal, one per area group that has lines,
 *   in the order of the budget
 * @areas: an array of #SpBudgetSubtotal, one per activity area that has
 *   lines, in the order of the budget
 * @frame: the budget frame from the members per column (plan_year.frame,
 *   frame_plan1, frame_plan2), %SP_BUDGET_NOT_SET when not given and for the
 *   previous year's columns. Compare it with @total.revenue.
 * @equity_used: money taken from equity (positive) or put into it
 *   (negative): plan_year.equity_used in the budget column, not set in the
 *   others
 * @revenue_derived: whether the members' contributions are derived from the
 *   frame (#SpBudgetRevenue); %FALSE when the year has them typed
 * @derived_revenue: the derived contributions per column, included in
 *   @total (each derived line counts in @total.n_set and @total.n_revenue), %SP_BUDGET_NOT_SET
 *   where there are none; no area or group has them
 *
 * A year's budget added up, exactly, in öre.
 */
typedef struct {
  int          year;
  SpBudgetSum  total;
  GArray      *groups;
  GArray      *areas;
  SpMoney      frame[SP_BUDGET_N_COLUMNS];
  SpMoney      equity_used[SP_BUDGET_N_COLUMNS];
  gboolean     revenue_derived;
  SpMoney      derived_revenue[SP_BUDGET_N_COLUMNS];
} SpBudgetTotals;

gboolean                sp_budget_sum_is_set           (const SpBudgetSum     *sum,
                                                        SpBudgetSumPart        part,
                                                        SpBudgetColumn         column);
SpMoney                 sp_budget_sum_get              (const SpBudgetSum     *sum,
                                                        SpBudgetSumPart        part,
                                                        SpBudgetColumn         column);

SpBudgetTotals         *sp_budget_totals_new           (SpDatabase            *database,
                                                        int                    year,
                                                        GError               **error);
void                    sp_budget_totals_free          (SpBudgetTotals        *totals);
gboolean                sp_budget_totals_is_set        (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
SpMoney                 sp_budget_totals_get_imbalance (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
gboolean                sp_budget_totals_is_balanced   (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
const SpBudgetSubtotal *sp_budget_totals_find_area     (const SpBudgetTotals  *totals,
                                                        gint64                 area_id);
const SpBudgetSubtotal *sp_budget_totals_find_group    (const SpBudgetTotals  *totals,
                                                        gint64                 group_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBudgetTotals, sp_budget_totals_free)

G_END_DECLS