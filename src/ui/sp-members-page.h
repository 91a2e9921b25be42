/* sp-members-page.h: the Members page: the förbund, its members, board and contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_MEMBERS_PAGE (sp_members_page_get_type ())
G_DECLARE_FINAL_TYPE (SpMembersPage, sp_members_page, SP, MEMBERS_PAGE, AdwBin)

GtkWidget  *sp_members_page_new          (void);
SpDatabase *sp_members_page_get_database (SpMembersPage *self);
void        sp_members_page_set_database (SpMembersPage *self,
                                          SpDatabase    *database);
int         sp_members_page_get_year     (SpMembersPage *self);
void        sp_members_page_set_year     (SpMembersPage *self,
                                          int            year);

G_END_DECLS
