/* sp-project-payout.h: what a project was paid of its grant, as the ledger says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpProjectPayout:
 * @project_id: the project
 * @granted: the funds granted for the year (project_grant), 0 when none
 * @paid: paid to date: the project's actuals of the year from January
 *   through the month asked for, costs minus revenue (see
 *   sp_project_payouts_get()); may be negative when more came back than
 *   went out
 *
 * A project's payouts of a year against its grant.
 */
typedef struct {
  gint64  project_id;
  SpMoney granted;
  SpMoney paid;
} SpProjectPayout;

GArray   *sp_project_payouts_get      (SpDatabase            *database,
                                       int                    year,
                                       guint                  through_month,
                                       GError               **error);
gboolean  sp_project_payout_get       (SpDatabase            *database,
                                       int                    year,
                                       guint                  through_month,
                                       gint64                 project_id,
                                       SpProjectPayout       *out_payout,
                                       GError               **error);
gboolean  sp_project_payout_is_over   (const SpProjectPayout *payout);

G_END_DECLS
