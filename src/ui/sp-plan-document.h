/* sp-plan-document.h: the year's plan document from the window: saved as a PDF or printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-money.h"
#include "report/sp-report.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_DOCUMENT (sp_plan_document_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanDocument, sp_plan_document, SP, PLAN_DOCUMENT, GObject)

SpPlanDocument *sp_plan_document_new       (GtkWindow       *parent,
                                            SpDatabase      *database,
                                            int              year);
void            sp_plan_document_set_unit  (SpPlanDocument  *self,
                                            SpMoneyUnit      unit);
void            sp_plan_document_set_kind  (SpPlanDocument  *self,
                                            SpReportKind     kind,
                                            guint            through_month);
char           *sp_plan_document_file_name (SpPlanDocument  *self);
void            sp_plan_document_save_as   (SpPlanDocument  *self);
gboolean        sp_plan_document_write     (SpPlanDocument  *self,
                                            GFile           *file,
                                            GError         **error);
void            sp_plan_document_print     (SpPlanDocument  *self);

G_END_DECLS
