/* sp-project-chart.h: granted funds and participants per year, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PROJECT_CHART (sp_project_chart_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectChart, sp_project_chart, SP, PROJECT_CHART, GtkDrawingArea)

GtkWidget  *sp_project_chart_new          (void);
void        sp_project_chart_set_data     (SpProjectChart *self,
                                           SpDatabase     *database,
                                           GListModel     *projects,
                                           int             first_year,
                                           int             last_year);
guint       sp_project_chart_get_n_years  (SpProjectChart *self);
gint64      sp_project_chart_get_granted  (SpProjectChart *self,
                                           int             year);

G_END_DECLS
