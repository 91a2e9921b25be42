/* sp-portfolio-filter-bar.h: the search and filters above the Projekt page's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PORTFOLIO_FILTER_BAR (sp_portfolio_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (SpPortfolioFilterBar, sp_portfolio_filter_bar, SP, PORTFOLIO_FILTER_BAR, AdwBin)

GtkFilter *sp_portfolio_filter_bar_get_filter       (SpPortfolioFilterBar *self);
void       sp_portfolio_filter_bar_refilter         (SpPortfolioFilterBar *self);
void       sp_portfolio_filter_bar_set_members      (SpPortfolioFilterBar *self,
                                                     GListModel           *members);
void       sp_portfolio_filter_bar_set_years        (SpPortfolioFilterBar *self,
                                                     SpDatabase           *database,
                                                     GListModel           *projects,
                                                     int                   page_year);
int        sp_portfolio_filter_bar_get_year         (SpPortfolioFilterBar *self);
GArray    *sp_portfolio_filter_bar_get_years        (SpPortfolioFilterBar *self);
void       sp_portfolio_filter_bar_set_year_figures (SpPortfolioFilterBar *self,
                                                     GHashTable           *figures);
void       sp_portfolio_filter_bar_reset            (SpPortfolioFilterBar *self);
void       sp_portfolio_filter_bar_focus_search     (SpPortfolioFilterBar *self);
gboolean   sp_portfolio_filter_bar_get_show_chart   (SpPortfolioFilterBar *self);

G_END_DECLS
