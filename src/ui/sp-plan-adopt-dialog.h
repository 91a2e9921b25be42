/* sp-plan-adopt-dialog.h: asks for the board's decision that adopts a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_PLAN_ADOPT_DIALOG (sp_plan_adopt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanAdoptDialog, sp_plan_adopt_dialog, SP, PLAN_ADOPT_DIALOG, AdwMessageDialog)

GtkWidget   *sp_plan_adopt_dialog_new                (GtkWindow         *parent,
                                                      int                year,
                                                      const char        *date,
                                                      const char        *paragraph,
                                                      const char        *problem);
GtkEditable *sp_plan_adopt_dialog_get_date_row       (SpPlanAdoptDialog *self);
GtkEditable *sp_plan_adopt_dialog_get_paragraph_row  (SpPlanAdoptDialog *self);

G_END_DECLS
