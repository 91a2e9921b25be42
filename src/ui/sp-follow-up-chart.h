/* sp-follow-up-chart.h: the budget against the actuals month by month, cumulative, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-follow-up.h"

G_BEGIN_DECLS

#define SP_TYPE_FOLLOW_UP_CHART (sp_follow_up_chart_get_type ())
G_DECLARE_FINAL_TYPE (SpFollowUpChart, sp_follow_up_chart, SP, FOLLOW_UP_CHART, GtkDrawingArea)

GtkWidget  *sp_follow_up_chart_new            (void);
void        sp_follow_up_chart_set_months     (SpFollowUpChart       *self,
                                               const char            *scope,
                                               const SpFollowUpMonth *months,
                                               guint                  last_month);
SpMoney     sp_follow_up_chart_get_cumulative (SpFollowUpChart       *self,
                                               guint                  month,
                                               gboolean               actual);
const char *sp_follow_up_chart_get_description (SpFollowUpChart      *self);

G_END_DECLS
