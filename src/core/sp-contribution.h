/* sp-contribution.h: what each member pays for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-member.h"
#include "sp-money.h"
#include "sp-plan-year.h"

G_BEGIN_DECLS

/**
 * SpContribution:
 * @member_id: the member
 * @name: its name
 * @kind: its kind
 * @pays_own_share: %FALSE when another member pays its part (Arbetsförmedlingen)
 * @from_year: the first year of membership, or 0
 * @to_year: the last year of membership, or 0
 * @key_value: what the key weighs it by: the population, the percentage in
 *   hundredths of a per cent, or the fixed amount in öre; -1 when not used
 * @amount: the contribution of the budget year and the two plan years, whole
 *   kronor in öre, or %SP_MONEY_NOT_SET where the year's frame is not set
 *
 * One member's line in the table of contributions.
 */
typedef struct {
  gint64        member_id;
  char         *name;
  SpMemberKind  kind;
  gboolean      pays_own_share;
  int           from_year;
  int           to_year;
  gint64        key_value;
  SpMoney       amount[SP_PLAN_YEARS];
} SpContribution;

void       sp_contribution_free      (SpContribution       *contribution);
gboolean   sp_contribution_is_member (const SpContribution *contribution,
                                      int                   year);
char      *sp_contribution_dup_membership_note (const SpContribution *contribution,
                                                int                   year);
char      *sp_contribution_dup_label (const SpContribution *contribution,
                                      int                   year);
gboolean   sp_contributions_are_adopted    (SpDatabase  *database,
                                            int          year);
gboolean   sp_contributions_store_adopted  (SpDatabase  *database,
                                            int          year,
                                            GError     **error);
gboolean   sp_contributions_forget_adopted (SpDatabase  *database,
                                            int          year,
                                            GError     **error);
GHashTable *sp_contributions_compute_by_member (SpDatabase *database,
                                               int         year);
GPtrArray *sp_contributions_compute  (SpDatabase           *database,
                                      int                   year,
                                      GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpContribution, sp_contribution_free)

G_END_DECLS
