/* sp-budget-line-dialog.h: the dialog that adds a budget line or moves one to another area and account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-budget.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_LINE_DIALOG (sp_budget_line_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetLineDialog, sp_budget_line_dialog, SP, BUDGET_LINE_DIALOG, AdwMessageDialog)

SpBudgetLineDialog *sp_budget_line_dialog_new         (GtkWindow          *parent,
                                                       SpRecordList       *groups,
                                                       SpRecordList       *areas,
                                                       SpRecordList       *accounts,
                                                       SpBudgetLine       *change,
                                                       SpBudgetLine       *near,
                                                       int                 account);
gint64              sp_budget_line_dialog_get_line_id (SpBudgetLineDialog *self);
gint64              sp_budget_line_dialog_get_area_id (SpBudgetLineDialog *self);
gint64              sp_budget_line_dialog_get_group_id (SpBudgetLineDialog *self);
int                 sp_budget_line_dialog_get_account (SpBudgetLineDialog *self);
const char         *sp_budget_line_dialog_get_text    (SpBudgetLineDialog *self);

G_END_DECLS
