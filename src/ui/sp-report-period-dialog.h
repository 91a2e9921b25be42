/* sp-report-period-dialog.h: the period of an interim report, asked before it is saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-document.h"

G_BEGIN_DECLS

GtkWidget *sp_report_period_dialog_new       (GtkWindow      *parent,
                                              SpPlanDocument *document,
                                              SpDatabase     *database,
                                              int             year);
guint      sp_report_period_dialog_get_month (GtkWidget      *dialog);
void       sp_report_period_dialog_activate  (GtkWindow      *parent,
                                              SpPlanDocument *document,
                                              SpDatabase     *database,
                                              int             year,
                                              const char     *action_name,
                                              GVariant       *parameter);

G_END_DECLS
