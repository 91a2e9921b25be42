/* sp-end-membership-dialog.h: asks for the last year of a member's membership
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-member.h"

G_BEGIN_DECLS

#define SP_TYPE_END_MEMBERSHIP_DIALOG (sp_end_membership_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpEndMembershipDialog, sp_end_membership_dialog, SP, END_MEMBERSHIP_DIALOG, AdwMessageDialog)

SpEndMembershipDialog *sp_end_membership_dialog_new           (GtkWindow             *parent,
                                                               SpMember              *member,
                                                               int                    last_year);
gint64                 sp_end_membership_dialog_get_member_id (SpEndMembershipDialog *self);
int                    sp_end_membership_dialog_get_last_year (SpEndMembershipDialog *self);

G_END_DECLS
