/* sp-budget-text-cell.h: a cell of the budget table that shows words: account, text, comment or deviation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget.h"
#include "sp-budget-row.h"

G_BEGIN_DECLS

/**
 * SpBudgetTextCellKind:
 * @SP_BUDGET_TEXT_CELL_ACCOUNT: a line's account number; what a group or area adds up
 * @SP_BUDGET_TEXT_CELL_TEXT: a line's text (edited in place), a group's or area's name, a total's label
 * @SP_BUDGET_TEXT_CELL_COMMENT: a line's comment, edited in place
 * @SP_BUDGET_TEXT_CELL_DEVIATION: last year's actuals less its budget, in money and per cent
 */
typedef enum {
  SP_BUDGET_TEXT_CELL_ACCOUNT,
  SP_BUDGET_TEXT_CELL_TEXT,
  SP_BUDGET_TEXT_CELL_COMMENT,
  SP_BUDGET_TEXT_CELL_DEVIATION,
} SpBudgetTextCellKind;

#define SP_TYPE_BUDGET_TEXT_CELL (sp_budget_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetTextCell, sp_budget_text_cell, SP, BUDGET_TEXT_CELL, GtkBox)

GtkWidget            *sp_budget_text_cell_new      (SpBudgetTextCellKind  kind);
SpBudgetTextCellKind  sp_budget_text_cell_get_kind (SpBudgetTextCell     *self);
void                  sp_budget_text_cell_bind     (SpBudgetTextCell     *self,
                                                    SpDatabase           *database,
                                                    SpBudgetRow          *row,
                                                    gboolean              editable);
void                  sp_budget_text_cell_unbind   (SpBudgetTextCell     *self);
SpBudgetRow          *sp_budget_text_cell_get_row  (SpBudgetTextCell     *self);
gboolean              sp_budget_text_cell_get_unit_tkr (SpBudgetTextCell *self);
void                  sp_budget_text_cell_set_unit_tkr (SpBudgetTextCell *self,
                                                        gboolean          unit_tkr);

G_END_DECLS
