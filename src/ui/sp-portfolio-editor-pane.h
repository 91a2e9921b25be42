/* sp-portfolio-editor-pane.h: the Projekt page's pane with the selected project's editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_PORTFOLIO_EDITOR_PANE (sp_portfolio_editor_pane_get_type ())
G_DECLARE_FINAL_TYPE (SpPortfolioEditorPane, sp_portfolio_editor_pane, SP, PORTFOLIO_EDITOR_PANE, AdwBin)

void sp_portfolio_editor_pane_set_database  (SpPortfolioEditorPane *self,
                                             SpDatabase            *database);
void sp_portfolio_editor_pane_set_year      (SpPortfolioEditorPane *self,
                                             int                    year);
void sp_portfolio_editor_pane_set_project   (SpPortfolioEditorPane *self,
                                             SpProject             *project);
void sp_portfolio_editor_pane_set_show_back (SpPortfolioEditorPane *self,
                                             gboolean               show_back);

G_END_DECLS
