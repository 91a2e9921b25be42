/* sp-plan-sections-view.h: the Sections tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-plan-view.h"

G_BEGIN_DECLS

/* Section text is stored this long after the last keystroke. */
#define SP_PLAN_SECTIONS_VIEW_SAVE_DELAY_MS 500

#define SP_TYPE_PLAN_SECTIONS_VIEW (sp_plan_sections_view_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanSectionsView, sp_plan_sections_view, SP, PLAN_SECTIONS_VIEW, SpPlanView)

void sp_plan_sections_view_flush       (SpPlanSectionsView *self);
void sp_plan_sections_view_set_matches (SpPlanSectionsView *self,
                                        GHashTable         *ids);
void sp_plan_sections_view_read_text   (SpPlanSectionsView *self,
                                        const char         *path);

G_END_DECLS
