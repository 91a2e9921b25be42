/* sp-plan-view.h: a tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_PLAN_VIEW (sp_plan_view_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpPlanView, sp_plan_view, SP, PLAN_VIEW, GtkWidget)

/**
 * SpPlanViewClass:
 * @flush: stores what was typed but not yet stored: before the database or
 *   the year changes
 * @reload: loads the year's lists again: after the database or the year changed
 * @editable_changed: the plan can now be changed, or no longer
 */
struct _SpPlanViewClass
{
  GtkWidgetClass parent_class;

  void (*flush)            (SpPlanView *self);
  void (*reload)           (SpPlanView *self);
  void (*editable_changed) (SpPlanView *self);
};

SpDatabase *sp_plan_view_get_database (gpointer    view);
int         sp_plan_view_get_year     (gpointer    view);
gboolean    sp_plan_view_get_editable (gpointer    view);

G_END_DECLS
