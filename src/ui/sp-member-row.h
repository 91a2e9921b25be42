/* sp-member-row.h: a member organisation's row in the Members page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-member.h"

G_BEGIN_DECLS

#define SP_TYPE_MEMBER_ROW (sp_member_row_get_type ())
G_DECLARE_FINAL_TYPE (SpMemberRow, sp_member_row, SP, MEMBER_ROW, AdwActionRow)

GtkWidget *sp_member_row_new        (SpMember    *member);
SpMember  *sp_member_row_get_member (SpMemberRow *self);
void       sp_member_row_update     (SpMemberRow *self,
                                     int          year);

G_END_DECLS
