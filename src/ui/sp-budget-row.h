/* sp-budget-row.h: one row of the budget table: a group, an area, a line or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"
#include "sp-budget-revenue.h"

G_BEGIN_DECLS

/**
 * SpBudgetRowKind:
 * @SP_BUDGET_ROW_GROUP: an activity area group, with the sums of its lines
 * @SP_BUDGET_ROW_AREA: an activity area, with the sums of its lines
 * @SP_BUDGET_ROW_LINE: a budget line, whose amounts are edited in place
 * @SP_BUDGET_ROW_REVENUE: the total revenue
 * @SP_BUDGET_ROW_COSTS: the total costs
 * @SP_BUDGET_ROW_RESULT: revenue − costs
 * @SP_BUDGET_ROW_EQUITY: the equity used
 * @SP_BUDGET_ROW_FRAME: the budget frame from the members
 * @SP_BUDGET_ROW_PART: the heading of the revenue or of the costs (id 0),
 *   or of the contributions in the revenue (id 1)
 * @SP_BUDGET_ROW_CONTRIBUTION: a revenue line derived from the members'
 *   contributions (#SpBudgetRevenueLine), read-only; its id is the
 *   #SpMemberKind of its payers
 *
 * The table has two parts, each of its kind of account (the row's part):
 * the revenue (its heading, the contributions, the typed revenue lines under
 * their groups and areas, the total) and then the costs likewise.
 */
typedef enum {
  SP_BUDGET_ROW_GROUP,
  SP_BUDGET_ROW_AREA,
  SP_BUDGET_ROW_LINE,
  SP_BUDGET_ROW_REVENUE,
  SP_BUDGET_ROW_COSTS,
  SP_BUDGET_ROW_RESULT,
  SP_BUDGET_ROW_EQUITY,
  SP_BUDGET_ROW_FRAME,
  SP_BUDGET_ROW_PART,
  SP_BUDGET_ROW_CONTRIBUTION,
} SpBudgetRowKind;

/**
 * SpBudgetRowSum:
 * @SP_BUDGET_ROW_SUM_NONE: no lines
 * @SP_BUDGET_ROW_SUM_REVENUE: only revenue lines: the sum of the revenue
 * @SP_BUDGET_ROW_SUM_COSTS: only cost lines: the sum of the costs
 * @SP_BUDGET_ROW_SUM_NET: both: revenue − costs
 *
 * What the amounts of a group or area row add up.
 */
typedef enum {
  SP_BUDGET_ROW_SUM_NONE,
  SP_BUDGET_ROW_SUM_REVENUE,
  SP_BUDGET_ROW_SUM_COSTS,
  SP_BUDGET_ROW_SUM_NET,
} SpBudgetRowSum;

#define SP_TYPE_BUDGET_ROW (sp_budget_row_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetRow, sp_budget_row, SP, BUDGET_ROW, GObject)

SpBudgetRow     *sp_budget_row_new         (SpBudgetRowKind  kind,
                                            gint64           id,
                                            SpBudgetLine    *line);
SpBudgetRow     *sp_budget_row_new_in_part (SpBudgetRowKind  kind,
                                            SpAccountKind    part,
                                            gint64           id,
                                            SpBudgetLine    *line);
SpBudgetRowKind  sp_budget_row_get_kind    (SpBudgetRow     *self);
SpAccountKind    sp_budget_row_get_part    (SpBudgetRow     *self);
guint            sp_budget_row_get_account (SpBudgetRow     *self);
const char      *sp_budget_row_get_account_name (SpBudgetRow *self);
const char      *sp_budget_row_get_note    (SpBudgetRow     *self);
gint64           sp_budget_row_get_id      (SpBudgetRow     *self);
SpBudgetLine    *sp_budget_row_get_line    (SpBudgetRow     *self);
const char      *sp_budget_row_get_title   (SpBudgetRow     *self);
SpBudgetRowSum   sp_budget_row_get_sum     (SpBudgetRow     *self);
SpMoney          sp_budget_row_get_amount  (SpBudgetRow     *self,
                                            SpBudgetColumn   column);
void             sp_budget_row_update      (SpBudgetRow     *self,
                                            const char      *title,
                                            SpBudgetRowSum   sum,
                                            const SpMoney   *amounts);
GtkWidget       *sp_budget_row_get_cell    (SpBudgetRow     *self,
                                            SpBudgetColumn   column);
void             sp_budget_row_set_cell    (SpBudgetRow     *self,
                                            SpBudgetColumn   column,
                                            GtkWidget       *cell);
void             sp_budget_row_sync_store  (GListStore            *store,
                                            GListModel            *lines,
                                            const SpBudgetTotals  *totals,
                                            const SpBudgetRevenue *revenue);

G_END_DECLS
