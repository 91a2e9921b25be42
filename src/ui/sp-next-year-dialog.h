/* sp-next-year-dialog.h: what "Create Next Year" carried over, and what is left to fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_NEXT_YEAR_DIALOG (sp_next_year_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpNextYearDialog, sp_next_year_dialog, SP, NEXT_YEAR_DIALOG, AdwMessageDialog)

SpNextYearDialog *sp_next_year_dialog_new (GtkWindow  *parent,
                                           SpDatabase *database,
                                           int         year);

G_END_DECLS
