/* sp-follow-up-page.h: the year followed up: budget against actuals, forecast, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_FOLLOW_UP_PAGE (sp_follow_up_page_get_type ())
G_DECLARE_FINAL_TYPE (SpFollowUpPage, sp_follow_up_page, SP, FOLLOW_UP_PAGE, GtkWidget)

GtkWidget  *sp_follow_up_page_new               (void);
SpDatabase *sp_follow_up_page_get_database      (SpFollowUpPage *self);
void        sp_follow_up_page_set_database      (SpFollowUpPage *self,
                                                 SpDatabase     *database);
int         sp_follow_up_page_get_year          (SpFollowUpPage *self);
void        sp_follow_up_page_set_year          (SpFollowUpPage *self,
                                                 int             year);
guint       sp_follow_up_page_get_through_month (SpFollowUpPage *self);
void        sp_follow_up_page_set_through_month (SpFollowUpPage *self,
                                                 guint           through_month);

G_END_DECLS
