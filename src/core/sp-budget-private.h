/* sp-budget-private.h: what the budget's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: for sp-account.c, sp-budget-line.c, sp-budget-line-edit.c
 * and sp-budget.c only.
 */
#pragma once

#include <sqlite3.h>

#include "sp-budget.h"

G_BEGIN_DECLS

gboolean   sp_account_check_exists  (SpDatabase    *database,
                                     int            number,
                                     GError       **error);

/* Whether @column is one of the amount columns. */
static inline gboolean
sp_budget_column_is_valid (SpBudgetColumn column)
{
  return (guint) column < SP_BUDGET_N_COLUMNS;
}

SpMoney    sp_budget_column_amount  (sqlite3_stmt  *stmt,
                                     int            column);
GPtrArray *sp_budget_line_load_year (SpDatabase    *database,
                                     int            year,
                                     GError       **error);
GArray    *sp_budget_line_load_ids  (SpDatabase    *database,
                                     int            year,
                                     GError       **error);

G_END_DECLS
