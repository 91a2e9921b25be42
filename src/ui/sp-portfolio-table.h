/* sp-portfolio-table.h: the Projekt page's table of projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_PORTFOLIO_TABLE (sp_portfolio_table_get_type ())
G_DECLARE_FINAL_TYPE (SpPortfolioTable, sp_portfolio_table, SP, PORTFOLIO_TABLE, GtkWidget)

GtkSorter *sp_portfolio_table_get_sorter                (SpPortfolioTable  *self);
void       sp_portfolio_table_set_model                 (SpPortfolioTable  *self,
                                                         GtkSelectionModel *model);
void       sp_portfolio_table_set_year                  (SpPortfolioTable  *self,
                                                         int                year);
void       sp_portfolio_table_set_figures               (SpPortfolioTable  *self,
                                                         GHashTable        *figures);
void       sp_portfolio_table_set_payouts               (SpPortfolioTable  *self,
                                                         GArray            *payouts);
void       sp_portfolio_table_update_cells              (SpPortfolioTable  *self);
void       sp_portfolio_table_set_single_click_activate (SpPortfolioTable  *self,
                                                         gboolean           single_click_activate);

G_END_DECLS
