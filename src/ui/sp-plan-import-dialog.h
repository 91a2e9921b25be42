/* sp-plan-import-dialog.h: the sections of a plan text, shown before they are read in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-import.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_IMPORT_DIALOG (sp_plan_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanImportDialog, sp_plan_import_dialog, SP, PLAN_IMPORT_DIALOG, AdwMessageDialog)

GtkWidget    *sp_plan_import_dialog_new        (GtkWindow          *parent,
                                                SpPlanImport       *import,
                                                const char         *file_name,
                                                int                 year);
SpPlanImport *sp_plan_import_dialog_get_import (SpPlanImportDialog *self);
GtkListBox   *sp_plan_import_dialog_get_list   (SpPlanImportDialog *self);

G_END_DECLS
