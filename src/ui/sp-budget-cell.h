/* sp-budget-cell.h: an amount cell of the budget table, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"
#include "sp-budget-row.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_CELL (sp_budget_cell_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetCell, sp_budget_cell, SP, BUDGET_CELL, GtkWidget)

GtkWidget      *sp_budget_cell_new        (void);
void            sp_budget_cell_bind       (SpBudgetCell   *self,
                                           SpDatabase     *database,
                                           SpBudgetRow    *row,
                                           SpBudgetColumn  column,
                                           const char     *column_title,
                                           SpMoneyUnit     unit,
                                           gboolean        editable);
void            sp_budget_cell_unbind     (SpBudgetCell   *self);
SpBudgetRow    *sp_budget_cell_get_row    (SpBudgetCell   *self);
SpBudgetColumn  sp_budget_cell_get_column (SpBudgetCell   *self);
void            sp_budget_cell_set_unit   (SpBudgetCell   *self,
                                           SpMoneyUnit     unit);
GtkEditable    *sp_budget_cell_get_entry  (SpBudgetCell   *self);
const char     *sp_budget_cell_get_text   (SpBudgetCell   *self);
gboolean        sp_budget_cell_commit     (SpBudgetCell   *self);
void            sp_budget_cell_cancel     (SpBudgetCell   *self);
gboolean        sp_budget_cell_paste_text (SpBudgetCell   *self,
                                           const char     *text);

G_END_DECLS
