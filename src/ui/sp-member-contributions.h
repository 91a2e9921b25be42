/* sp-member-contributions.h: what each member pays in the shown year, on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_MEMBER_CONTRIBUTIONS (sp_member_contributions_get_type ())
G_DECLARE_FINAL_TYPE (SpMemberContributions, sp_member_contributions, SP, MEMBER_CONTRIBUTIONS, AdwBin)

void sp_member_contributions_set_database (SpMemberContributions *self,
                                           SpDatabase            *database);
void sp_member_contributions_set_year     (SpMemberContributions *self,
                                           int                    year);

G_END_DECLS
