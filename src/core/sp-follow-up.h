/* sp-follow-up.h: a year followed up: the budget of a period against the
 * actuals to date, and the forecast for the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A period runs from January through a month (through 4: the first tertial,
 * through 8: January–August, through 12: the year). Each budget line's year
 * budget falls in the months stored for it (budget_line_follow_up.months, a
 * bit per month, January the lowest; all twelve when no row: evenly); the
 * budget of a period is the year budget times the share of its months that
 * lie in the period, rounded to whole öre, so that the whole year gives the
 * year budget exactly.
 *
 * Actuals come from `actual_month` (budget signs: revenue and costs both
 * positive, the account's kind saying which is which). A month's actual goes
 * to the line of its account in its activity area; without an area (the
 * ledger did not say) to the only line of the year on its account; else it
 * stays unallocated, as an #SpFollowUpLine with @line_id 0 under its account.
 * The members' contributions, where the budget derives them from the frame
 * (sp-budget-revenue.c), come first as lines of their own (@derived, in the
 * group %SP_FOLLOW_UP_CONTRIBUTIONS), and take the actuals of their accounts.
 * A year without monthly actuals but with a whole year's (`actual`, from a
 * file without periods) has actuals for the whole year only.
 *
 * The forecast for the year is typed per line (budget_line_follow_up.forecast)
 * and is the year budget where none is typed. Forecasts, months and comments
 * may change after the year is adopted: follow-up comes after adoption.
 */
#pragma once

#include "sp-account.h"
#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

#define SP_FOLLOW_UP_ALL_MONTHS 0xfffu
/* For sp_follow_up_new(): the period through the last month the ledger has
 * given (the year when it has given none, or all twelve). */
#define SP_FOLLOW_UP_LAST_MONTH 0u
/* The group id of the contributions derived from the frame. */
#define SP_FOLLOW_UP_CONTRIBUTIONS (-1)

/**
 * SpFollowUpColumn:
 * @SP_FOLLOW_UP_YEAR_BUDGET: the budget of the whole year
 * @SP_FOLLOW_UP_PERIOD_BUDGET: the budget of the period
 * @SP_FOLLOW_UP_ACTUAL: the actuals of the period
 * @SP_FOLLOW_UP_FORECAST: the forecast for the whole year
 */
typedef enum {
  SP_FOLLOW_UP_YEAR_BUDGET,
  SP_FOLLOW_UP_PERIOD_BUDGET,
  SP_FOLLOW_UP_ACTUAL,
  SP_FOLLOW_UP_FORECAST,
  SP_FOLLOW_UP_N_COLUMNS
} SpFollowUpColumn;

/**
 * SpFollowUpSum:
 * @revenue: the lines on revenue accounts, per column
 * @costs: the lines on cost accounts, per column
 * @result: @revenue − @costs, per column
 */
typedef struct {
  SpMoney revenue[SP_FOLLOW_UP_N_COLUMNS];
  SpMoney costs[SP_FOLLOW_UP_N_COLUMNS];
  SpMoney result[SP_FOLLOW_UP_N_COLUMNS];
} SpFollowUpSum;

/**
 * SpFollowUpLine:
 * @line_id: the budget line, or 0 for actuals that no line takes and for
 *   the contributions derived from the frame
 * @area_id: its activity area (0 for unallocated actuals and contributions)
 * @group_id: its area group (0 for unallocated actuals,
 *   %SP_FOLLOW_UP_CONTRIBUTIONS for the contributions)
 * @account: the budget account
 * @kind: the account's kind
 * @months: the months its budget falls in (%SP_FOLLOW_UP_ALL_MONTHS: evenly)
 * @forecast_typed: whether a forecast is typed (else it is the year budget)
 * @derived: a payer's contributions, derived from the frame (never typed)
 * @amount: per #SpFollowUpColumn, in the budget's sign
 * @text: what the line is called: a budget line's text; for the derived
 *   contributions their payer, as the budget names them
 *   (#SpBudgetRevenueLine's @text: "Försäkringskassan", "the municipalities");
 *   for unallocated actuals their account's name
 * @account_name: the account's name ("" when it has none)
 */
typedef struct {
  gint64        line_id;
  gint64        area_id;
  gint64        group_id;
  guint         account;
  SpAccountKind kind;
  guint         months;
  gboolean      forecast_typed;
  gboolean      derived;
  SpMoney       amount[SP_FOLLOW_UP_N_COLUMNS];
  const char   *text;
  const char   *account_name;
} SpFollowUpLine;

/**
 * SpFollowUpSubtotal:
 * @id: the activity area's (or the area group's) id
 * @group_id: the area group (for a group, its own id)
 * @sum: the sums of its lines
 * @name: the area's or group's name ("Member contributions" for
 *   %SP_FOLLOW_UP_CONTRIBUTIONS); %NULL for the area that carries the lines
 *   of a group without areas, which is not shown as an area
 */
typedef struct {
  gint64        id;
  gint64        group_id;
  SpFollowUpSum sum;
  const char   *name;
} SpFollowUpSubtotal;

/**
 * SpFollowUpMonth:
 * @budget: the budget falling in the month (revenue and costs apart)
 * @actual: the actuals of the month
 * @has_actual: whether the ledger has given any actual for the month
 */
typedef struct {
  SpMoney  budget_revenue;
  SpMoney  budget_costs;
  SpMoney  actual_revenue;
  SpMoney  actual_costs;
  gboolean has_actual;
} SpFollowUpMonth;

#define SP_TYPE_FOLLOW_UP (sp_follow_up_get_type ())
G_DECLARE_FINAL_TYPE (SpFollowUp, sp_follow_up, SP, FOLLOW_UP, GObject)

SpFollowUp            *sp_follow_up_new                  (SpDatabase   *database,
                                                          int           year,
                                                          guint         through_month,
                                                          GError      **error);
int                    sp_follow_up_get_year             (SpFollowUp   *self);
/* January through this month: the period asked for, or with
 * %SP_FOLLOW_UP_LAST_MONTH the month it came to. */
guint                  sp_follow_up_get_through_month    (SpFollowUp   *self);
/* The last month the ledger has given actuals for (0: none; 12 also for a
 * whole year's actuals without months). */
guint                  sp_follow_up_get_last_month       (SpFollowUp   *self);
/* In the order of the budget: groups, areas, lines by position; unallocated
 * actuals last, by account. */
const SpFollowUpLine  *sp_follow_up_get_lines            (SpFollowUp   *self,
                                                          guint        *n_lines);
const SpFollowUpSubtotal *sp_follow_up_get_areas         (SpFollowUp   *self,
                                                          guint        *n_areas);
const SpFollowUpSubtotal *sp_follow_up_get_groups        (SpFollowUp   *self,
                                                          guint        *n_groups);
/* All lines, unallocated actuals included. */
const SpFollowUpSum   *sp_follow_up_get_total            (SpFollowUp   *self);
/* plan_year.equity_used of the year (0 when not set). */
SpMoney                sp_follow_up_get_equity_used      (SpFollowUp   *self);
/* Month by month (index 0 is January), for one area (0: the whole year's
 * budget, unallocated actuals included). */
void                   sp_follow_up_get_months           (SpFollowUp   *self,
                                                          gint64        area_id,
                                                          SpFollowUpMonth months[12]);
/* The comments stored for the year and for an area ("" when none). */
const char            *sp_follow_up_get_comment          (SpFollowUp   *self);
const char            *sp_follow_up_get_area_comment     (SpFollowUp   *self,
                                                          gint64        area_id);

/* The deviation, positive where it is favourable: for revenue
 * @actual − @budget, for costs @budget − @actual. */
SpMoney                sp_follow_up_deviation            (SpAccountKind kind,
                                                          SpMoney       budget,
                                                          SpMoney       actual);

/* Edits, each one undoable transaction. A NULL @forecast removes the typed
 * forecast (the year budget again). @months must have a bit in 0…11. */
gboolean               sp_follow_up_set_forecast         (SpDatabase   *database,
                                                          gint64        line_id,
                                                          const SpMoney *forecast,
                                                          GError      **error);
gboolean               sp_follow_up_set_months           (SpDatabase   *database,
                                                          gint64        line_id,
                                                          guint         months,
                                                          GError      **error);
gboolean               sp_follow_up_set_comment          (SpDatabase   *database,
                                                          int           year,
                                                          const char   *comment,
                                                          GError      **error);
gboolean               sp_follow_up_set_area_comment     (SpDatabase   *database,
                                                          gint64        area_id,
                                                          const char   *comment,
                                                          GError      **error);

G_END_DECLS
