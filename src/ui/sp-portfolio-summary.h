/* sp-portfolio-summary.h: the counts and granted funds under the Projekt page's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PORTFOLIO_SUMMARY (sp_portfolio_summary_get_type ())
G_DECLARE_FINAL_TYPE (SpPortfolioSummary, sp_portfolio_summary, SP, PORTFOLIO_SUMMARY, AdwBin)

void sp_portfolio_summary_set_counts   (SpPortfolioSummary *self,
                                        guint               n_projects,
                                        guint               n_applications);
void sp_portfolio_summary_update_funds (SpPortfolioSummary *self,
                                        SpDatabase         *database,
                                        int                 year);

G_END_DECLS
