/* sp-plan-search-bar.h: the search over a plan's sections and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_SEARCH_BAR (sp_plan_search_bar_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanSearchBar, sp_plan_search_bar, SP, PLAN_SEARCH_BAR, GtkWidget)

void        sp_plan_search_bar_start               (SpPlanSearchBar *self);
void        sp_plan_search_bar_clear               (SpPlanSearchBar *self);
void        sp_plan_search_bar_refresh             (SpPlanSearchBar *self);
GHashTable *sp_plan_search_bar_get_section_matches (SpPlanSearchBar *self);
GHashTable *sp_plan_search_bar_get_goal_matches    (SpPlanSearchBar *self);

G_END_DECLS
