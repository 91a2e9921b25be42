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

/* For the set_property functions of accounts and lines: replaces *field by
 * the value's string (NULL is ""), and says whether it differed. */
static inline gboolean
sp_budget_take_string (char         **field,
                       const GValue  *value)
{
  const char *text = g_value_get_string (value);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

/* Assigns @new_value to @field; says whether it differed. */
#define SP_BUDGET_TAKE(field, new_value) \
  ((field) != (new_value) ? ((field) = (new_value), TRUE) : FALSE)

G_END_DECLS
