/* sp-budget-revenue-accounts.h: the accounts the members' contributions are booked on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_BUDGET_REVENUE_ACCOUNTS (sp_budget_revenue_accounts_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetRevenueAccounts, sp_budget_revenue_accounts, SP, BUDGET_REVENUE_ACCOUNTS,
                      AdwPreferencesGroup)

GtkWidget *sp_budget_revenue_accounts_new    (void);
void       sp_budget_revenue_accounts_update (SpBudgetRevenueAccounts *self,
                                              SpDatabase              *database,
                                              int                      year);

G_END_DECLS
