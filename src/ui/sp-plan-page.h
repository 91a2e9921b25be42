/* sp-plan-page.h: the Operational Plan page: a year's verksamhetsplan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_PAGE (sp_plan_page_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanPage, sp_plan_page, SP, PLAN_PAGE, GtkWidget)

GtkWidget  *sp_plan_page_new           (void);
SpDatabase *sp_plan_page_get_database  (SpPlanPage *self);
void        sp_plan_page_set_database  (SpPlanPage *self,
                                        SpDatabase *database);
int         sp_plan_page_get_year      (SpPlanPage *self);
void        sp_plan_page_set_year      (SpPlanPage *self,
                                        int         year);
void        sp_plan_page_flush         (SpPlanPage *self);
GtkWidget  *sp_plan_page_get_view      (SpPlanPage *self,
                                        const char *name);
void        sp_plan_page_show_message  (SpPlanPage *self,
                                        const char *message);
void        sp_plan_page_hide_message  (SpPlanPage *self);
void        sp_plan_page_clear_search  (SpPlanPage *self);

G_END_DECLS
