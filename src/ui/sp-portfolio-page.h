/* sp-portfolio-page.h: the project portfolio (Projekt) page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PORTFOLIO_PAGE (sp_portfolio_page_get_type ())
G_DECLARE_FINAL_TYPE (SpPortfolioPage, sp_portfolio_page, SP, PORTFOLIO_PAGE, GtkWidget)

GtkWidget  *sp_portfolio_page_new          (void);
SpDatabase *sp_portfolio_page_get_database (SpPortfolioPage *self);
void        sp_portfolio_page_set_database (SpPortfolioPage *self,
                                            SpDatabase      *database);
int         sp_portfolio_page_get_year     (SpPortfolioPage *self);
void        sp_portfolio_page_set_year     (SpPortfolioPage *self,
                                            int              year);

G_END_DECLS
