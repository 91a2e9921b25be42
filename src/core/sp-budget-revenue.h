/* sp-budget-revenue.h: the members' contributions as the budget's revenue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-budget-line.h"
#include "sp-database.h"
#include "sp-member.h"
#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpBudgetRevenueLine:
 * @kind: who pays: the state, the region or the municipalities
 * @account: the förbund's revenue account for @kind
 *   (sp_association_get_revenue_account()), 0 when none is set
 * @account_name: the account's name, "" when it has none
 * @text: who pays: the member's name when one member of @kind pays
 *   ("Försäkringskassan"), else "the municipalities"; shown under a heading
 *   that says these are the contributions
 * @amounts: per #SpBudgetColumn: the budget year and the two plan years are
 *   the sums of the contributions of @kind's members; last year's budget is
 *   those of the year before when it is planned and derives its revenue too,
 *   else not set (no plan, no figure: empty, not 0); last year's actuals are
 *   what the accounts gave on @account that year, not set when none were
 *   imported
 *
 * One derived revenue line: what the members of one kind pay.
 */
typedef struct {
  SpMemberKind  kind;
  guint         account;
  char         *account_name;
  char         *text;
  SpMoney       amounts[SP_BUDGET_N_COLUMNS];
} SpBudgetRevenueLine;

/**
 * SpBudgetRevenue:
 * @year: the budget year
 * @derived: %TRUE when the contributions are derived from the frame; %FALSE
 *   when the year has typed lines on the contributions' accounts (a file
 *   made before revenue was derived), which are then the revenue
 * @lines: (element-type SpBudgetRevenueLine): the derived lines, state,
 *   region and municipalities, those with an amount in the year or its plan
 *   years; empty when not @derived
 * @revenue: per #SpBudgetColumn, the sum of @lines, %SP_BUDGET_NOT_SET where
 *   no line has the column set
 */
typedef struct {
  int        year;
  gboolean   derived;
  GPtrArray *lines;
  SpMoney    revenue[SP_BUDGET_N_COLUMNS];
} SpBudgetRevenue;

SpBudgetRevenue *sp_budget_revenue_new        (SpDatabase                 *database,
                                               int                         year,
                                               GError                    **error);
void             sp_budget_revenue_free       (SpBudgetRevenue            *revenue);
gboolean         sp_budget_revenue_is_derived (SpDatabase                 *database,
                                               int                         year);
char            *sp_budget_revenue_line_dup_source (const SpBudgetRevenueLine *line);
char            *sp_budget_revenue_dup_typed_note  (SpDatabase            *database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBudgetRevenue, sp_budget_revenue_free)

G_END_DECLS
