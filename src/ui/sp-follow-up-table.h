/* sp-follow-up-table.h: the budget of a period against the actuals, and the forecast, per line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-follow-up.h"
#include "sp-follow-up-row.h"

G_BEGIN_DECLS

/**
 * SpFollowUpTableColumn:
 * @SP_FOLLOW_UP_TABLE_ACCOUNT: a line's account
 * @SP_FOLLOW_UP_TABLE_TEXT: a line's text, a group's or area's name, a total's label
 * @SP_FOLLOW_UP_TABLE_YEAR_BUDGET: the budget of the year
 * @SP_FOLLOW_UP_TABLE_PERIOD_BUDGET: the budget of the period
 * @SP_FOLLOW_UP_TABLE_ACTUAL: the actuals of the period
 * @SP_FOLLOW_UP_TABLE_DEVIATION: the actuals against the period's budget, in kr
 * @SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT: the same in per cent of the budget
 * @SP_FOLLOW_UP_TABLE_FORECAST: the forecast for the year (typed on a line)
 * @SP_FOLLOW_UP_TABLE_FORECAST_DEVIATION: the forecast against the year's budget
 * @SP_FOLLOW_UP_TABLE_MONTHS: the months a line's budget falls in
 */
typedef enum {
  SP_FOLLOW_UP_TABLE_ACCOUNT,
  SP_FOLLOW_UP_TABLE_TEXT,
  SP_FOLLOW_UP_TABLE_YEAR_BUDGET,
  SP_FOLLOW_UP_TABLE_PERIOD_BUDGET,
  SP_FOLLOW_UP_TABLE_ACTUAL,
  SP_FOLLOW_UP_TABLE_DEVIATION,
  SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT,
  SP_FOLLOW_UP_TABLE_FORECAST,
  SP_FOLLOW_UP_TABLE_FORECAST_DEVIATION,
  SP_FOLLOW_UP_TABLE_MONTHS,
  SP_FOLLOW_UP_TABLE_N_COLUMNS
} SpFollowUpTableColumn;

#define SP_TYPE_FOLLOW_UP_TABLE (sp_follow_up_table_get_type ())
G_DECLARE_FINAL_TYPE (SpFollowUpTable, sp_follow_up_table, SP, FOLLOW_UP_TABLE, GtkWidget)

GtkWidget   *sp_follow_up_table_new               (void);
void         sp_follow_up_table_set_database      (SpFollowUpTable       *self,
                                                   SpDatabase            *database);
void         sp_follow_up_table_set_through_month (SpFollowUpTable       *self,
                                                   guint                  through_month);
void         sp_follow_up_table_update            (SpFollowUpTable       *self,
                                                   SpFollowUp            *follow_up);
GListModel  *sp_follow_up_table_get_rows          (SpFollowUpTable       *self);
GtkWidget   *sp_follow_up_table_find_cell         (SpFollowUpTable       *self,
                                                   SpFollowUpRow         *row,
                                                   SpFollowUpTableColumn  column);
const char  *sp_follow_up_table_get_cell_text     (GtkWidget             *cell);
GtkEditable *sp_follow_up_table_get_cell_entry    (GtkWidget             *cell);
gboolean     sp_follow_up_table_commit_cell       (GtkWidget             *cell);
gboolean     sp_follow_up_table_clear_cell        (GtkWidget             *cell);

G_END_DECLS
