/* sp-plan-search.h: finding text in a year's plan: its sections and goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"

G_BEGIN_DECLS

/* Finding text in a year's plan. */
gboolean      sp_plan_search           (SpDatabase       *database,
                                        int               year,
                                        const char       *query,
                                        GArray          **section_ids,
                                        GArray          **goal_ids,
                                        GError          **error);

G_END_DECLS
