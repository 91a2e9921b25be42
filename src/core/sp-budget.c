/* sp-budget.c: a year's budget added up: totals, subtotals and balance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Revenue and costs are both typed as positive amounts; the account's kind
 * says which they are, and the result is revenue − costs. A negative result
 * is covered by equity used (positive: money taken from equity). The
 * members' contributions are revenue too, derived from the frame rather
 * than typed (sp-budget-revenue.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-budget.h"
#include "sp-budget-private.h"
#include "sp-budget-revenue.h"
#include "sp-edit-private.h"

/* ---- Totals ---- */

static void
sum_add_line (SpBudgetSum  *sum,
              SpBudgetLine *line)
{
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      SpMoney amount = sp_budget_line_get_amount (line, c);

      if (!SP_BUDGET_IS_SET (amount))
        continue;
      sum->n_set[c]++;
      if (sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_REVENUE)
        {
          sum->n_revenue[c]++;
          sum->revenue[c] += amount;
        }
      else
        {
          sum->n_costs[c]++;
          sum->costs[c] += amount;
        }
      sum->result[c] = sum->revenue[c] - sum->costs[c];
    }
}

/* Adds the derived revenue lines of the contributions to the total. */
static void
add_derived_revenue (SpBudgetTotals  *totals,
                     SpBudgetRevenue *revenue)
{
  totals->revenue_derived = revenue->derived;
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    totals->derived_revenue[c] = revenue->revenue[c];
  for (guint i = 0; i < revenue->lines->len; i++)
    {
      SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);

      for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
        {
          if (!SP_BUDGET_IS_SET (line->amounts[c]))
            continue;
          totals->total.n_set[c]++;
          totals->total.n_revenue[c]++;
          totals->total.revenue[c] += line->amounts[c];
          totals->total.result[c] = totals->total.revenue[c] - totals->total.costs[c];
        }
    }
}

/* The subtotal of @id in @array, added last when it is not there yet. The
 * lines come grouped, so it is the last one or a new one. */
static SpBudgetSubtotal *
subtotal_for (GArray *array,
              gint64  id,
              gint64  group_id)
{
  SpBudgetSubtotal fresh = { .id = id, .group_id = group_id };

  for (guint i = array->len; i > 0; i--)
    if (g_array_index (array, SpBudgetSubtotal, i - 1).id == id)
      return &g_array_index (array, SpBudgetSubtotal, i - 1);
  g_array_append_val (array, fresh);
  return &g_array_index (array, SpBudgetSubtotal, array->len - 1);
}

static gboolean
load_plan_year (SpDatabase      *database,
                SpBudgetTotals  *totals,
                GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT frame, frame_plan1, frame_plan2, equity_used FROM plan_year WHERE year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, totals->year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      totals->frame[SP_BUDGET_COLUMN_BUDGET] = sp_budget_column_amount (stmt, 0);
      totals->frame[SP_BUDGET_COLUMN_PLAN1] = sp_budget_column_amount (stmt, 1);
      totals->frame[SP_BUDGET_COLUMN_PLAN2] = sp_budget_column_amount (stmt, 2);
      totals->equity_used[SP_BUDGET_COLUMN_BUDGET] = sp_budget_column_amount (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), totals->year);
      return FALSE;
    }
  return TRUE;
}

/* ---- Public API: sums ---- */

/**
 * sp_budget_sum_is_set:
 *
 * Whether @part of @sum has a figure in @column: the revenue where some
 * revenue line (typed or derived) has one, the costs where some cost line
 * has one. The result is set where the revenue is: a column without
 * revenue (last year without a plan) has no result, not −costs; where only
 * the revenue is set, the result is the revenue. The plan document and the
 * treasurer's Budget sheet leave the same cells empty.
 */
gboolean
sp_budget_sum_is_set (const SpBudgetSum *sum,
                      SpBudgetSumPart    part,
                      SpBudgetColumn     column)
{
  g_return_val_if_fail (sum != NULL && sp_budget_column_is_valid (column), FALSE);
  switch (part)
    {
    case SP_BUDGET_SUM_COSTS:
      return sum->n_costs[column] > 0;
    case SP_BUDGET_SUM_REVENUE:
    case SP_BUDGET_SUM_RESULT:
    default:
      return sum->n_revenue[column] > 0;
    }
}

/**
 * sp_budget_sum_get:
 *
 * Returns: @part of @sum in @column, %SP_BUDGET_NOT_SET where it is not set
 *   (sp_budget_sum_is_set())
 */
SpMoney
sp_budget_sum_get (const SpBudgetSum *sum,
                   SpBudgetSumPart    part,
                   SpBudgetColumn     column)
{
  if (!sp_budget_sum_is_set (sum, part, column))
    return SP_BUDGET_NOT_SET;
  switch (part)
    {
    case SP_BUDGET_SUM_REVENUE:
      return sum->revenue[column];
    case SP_BUDGET_SUM_COSTS:
      return sum->costs[column];
    case SP_BUDGET_SUM_RESULT:
    default:
      return sum->result[column];
    }
}

/* ---- Public API: totals ---- */

/**
 * sp_budget_totals_new:
 *
 * Adds up the budget of @year (which may be adopted) and reads its frame
 * and equity used.
 *
 * Returns: (transfer full) (nullable): the totals; free them with
 *   sp_budget_totals_free()
 */
SpBudgetTotals *
sp_budget_totals_new (SpDatabase  *database,
                      int          year,
                      GError     **error)
{
  g_autoptr(SpBudgetTotals) totals = g_new0 (SpBudgetTotals, 1);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(SpBudgetRevenue) revenue = NULL;

  totals->year = year;
  totals->groups = g_array_new (FALSE, TRUE, sizeof (SpBudgetSubtotal));
  totals->areas = g_array_new (FALSE, TRUE, sizeof (SpBudgetSubtotal));
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      totals->frame[c] = SP_BUDGET_NOT_SET;
      totals->equity_used[c] = SP_BUDGET_NOT_SET;
      totals->derived_revenue[c] = SP_BUDGET_NOT_SET;
    }

  if (!load_plan_year (database, totals, error))
    return NULL;
  lines = sp_budget_line_load_year (database, year, error);
  if (lines == NULL)
    return NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (lines, i);

      gint64 group_id = sp_budget_line_get_group_id (line);

      sum_add_line (&totals->total, line);
      sum_add_line (&subtotal_for (totals->groups, group_id, group_id)->sum, line);
      sum_add_line (&subtotal_for (totals->areas, sp_budget_line_get_area_id (line), group_id)->sum, line);
    }

  revenue = sp_budget_revenue_new (database, year, error);
  if (revenue == NULL)
    return NULL;
  add_derived_revenue (totals, revenue);
  return g_steal_pointer (&totals);
}

void
sp_budget_totals_free (SpBudgetTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->groups, g_array_unref);
  g_clear_pointer (&totals->areas, g_array_unref);
  g_free (totals);
}

/* Whether any line of the year, typed or derived, has @column set. */
gboolean
sp_budget_totals_is_set (const SpBudgetTotals *totals,
                         SpBudgetColumn        column)
{
  g_return_val_if_fail (totals != NULL && sp_budget_column_is_valid (column), FALSE);
  return totals->total.n_set[column] > 0;
}

/**
 * sp_budget_totals_get_imbalance:
 *
 * The result plus the equity used (none when not set): 0 when the column
 * balances; below 0 the costs that neither revenue nor equity cover; above 0
 * a surplus.
 */
SpMoney
sp_budget_totals_get_imbalance (const SpBudgetTotals *totals,
                                SpBudgetColumn        column)
{
  SpMoney equity;

  g_return_val_if_fail (totals != NULL && sp_budget_column_is_valid (column), 0);
  equity = totals->equity_used[column];
  return totals->total.result[column] + (SP_BUDGET_IS_SET (equity) ? equity : 0);
}

/* Whether revenue and equity used pay exactly for the costs of @column. */
gboolean
sp_budget_totals_is_balanced (const SpBudgetTotals *totals,
                              SpBudgetColumn        column)
{
  return sp_budget_totals_get_imbalance (totals, column) == 0;
}

/* Returns: (nullable): the sums of the area @area_id, or %NULL when it has no lines */
const SpBudgetSubtotal *
sp_budget_totals_find_area (const SpBudgetTotals *totals,
                            gint64                area_id)
{
  g_return_val_if_fail (totals != NULL, NULL);
  for (guint i = 0; i < totals->areas->len; i++)
    if (g_array_index (totals->areas, SpBudgetSubtotal, i).id == area_id)
      return &g_array_index (totals->areas, SpBudgetSubtotal, i);
  return NULL;
}

/* Returns: (nullable): the sums of the area group @group_id, or %NULL when it has no lines */
const SpBudgetSubtotal *
sp_budget_totals_find_group (const SpBudgetTotals *totals,
                             gint64                group_id)
{
  g_return_val_if_fail (totals != NULL, NULL);
  for (guint i = 0; i < totals->groups->len; i++)
    if (g_array_index (totals->groups, SpBudgetSubtotal, i).id == group_id)
      return &g_array_index (totals->groups, SpBudgetSubtotal, i);
  return NULL;
}
