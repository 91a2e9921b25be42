/* sp-budget.h: the chart of accounts and a year's budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* ---- Accounts ---------------------------------------------------------- */

/**
 * SpAccountKind:
 * @SP_ACCOUNT_KIND_REVENUE: revenue (intäkter), e.g. 3510 the state's contribution
 * @SP_ACCOUNT_KIND_COST: costs (kostnader), e.g. 4600 purchase of services
 */
typedef enum {
  SP_ACCOUNT_KIND_REVENUE,
  SP_ACCOUNT_KIND_COST,
} SpAccountKind;

/* Account numbers of the Kommun-Bas style chart of accounts. */
#define SP_ACCOUNT_NUMBER_MIN 100
#define SP_ACCOUNT_NUMBER_MAX 999999

#define SP_TYPE_ACCOUNT_KIND (sp_account_kind_get_type ())
GType          sp_account_kind_get_type     (void);
const char    *sp_account_kind_to_string    (SpAccountKind  kind);
gboolean       sp_account_kind_from_string  (const char    *text,
                                             SpAccountKind *kind);
const char    *sp_account_kind_get_label    (SpAccountKind  kind);

/* An account's id (sp_record_get_id()) is its number. */
#define SP_TYPE_ACCOUNT (sp_account_get_type ())
G_DECLARE_FINAL_TYPE (SpAccount, sp_account, SP, ACCOUNT, SpRecord)

int            sp_account_get_number        (SpAccount     *self);
const char    *sp_account_get_name          (SpAccount     *self);
SpAccountKind  sp_account_get_kind          (SpAccount     *self);

SpRecordList  *sp_account_list_new          (SpDatabase    *database);
SpRecordList  *sp_account_list_new_in_use   (SpDatabase    *database,
                                             int            year);
SpAccount     *sp_account_load              (SpDatabase    *database,
                                             int            number,
                                             GError       **error);
gboolean       sp_account_add               (SpDatabase    *database,
                                             int            number,
                                             const char    *name,
                                             SpAccountKind  kind,
                                             GError       **error);
gboolean       sp_account_rename            (SpDatabase    *database,
                                             int            number,
                                             const char    *name,
                                             GError       **error);
gboolean       sp_account_delete            (SpDatabase    *database,
                                             int            number,
                                             GError       **error);

/* ---- Budget lines ------------------------------------------------------ */

/**
 * SP_BUDGET_NOT_SET:
 *
 * The amount of a budget cell that is empty ("not set"), which is not the
 * same as 0 kr. Everywhere in this module an #SpMoney may be this value:
 * getters, properties, #SpBudgetLineData, sp_budget_line_set_amount() and
 * the frame and equity of #SpBudgetTotals. Any other value is a valid amount
 * (|amount| ≤ %SP_MONEY_MAX). Never add it up: test with SP_BUDGET_IS_SET().
 */
#define SP_BUDGET_NOT_SET G_MININT64
#define SP_BUDGET_IS_SET(amount) ((amount) != SP_BUDGET_NOT_SET)

/* The longest comment on a budget line. */
#define SP_BUDGET_COMMENT_MAX_CHARS 2000

/**
 * SpBudgetColumn:
 * @SP_BUDGET_COLUMN_BUDGET: the budget of the plan's year
 * @SP_BUDGET_COLUMN_PLAN1: the first plan year (year + 1)
 * @SP_BUDGET_COLUMN_PLAN2: the second plan year (year + 2)
 * @SP_BUDGET_COLUMN_PREVIOUS_BUDGET: last year's budget (year − 1)
 * @SP_BUDGET_COLUMN_PREVIOUS_ACTUAL: last year's actuals (year − 1)
 * @SP_BUDGET_N_COLUMNS: how many there are
 *
 * The amount columns of a budget line. The enum's nick (and
 * sp_budget_column_to_string()) is the name of the #SpBudgetLine property
 * that holds the column: "budget", "plan1", "plan2", "previous-budget",
 * "previous-actual".
 */
typedef enum {
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_N_COLUMNS,
} SpBudgetColumn;

#define SP_TYPE_BUDGET_COLUMN (sp_budget_column_get_type ())
GType           sp_budget_column_get_type    (void);
const char     *sp_budget_column_to_string   (SpBudgetColumn  column);
int             sp_budget_column_get_year    (SpBudgetColumn  column,
                                              int             year);
char           *sp_budget_column_get_title   (SpBudgetColumn  column,
                                              int             year);

/**
 * SpBudgetLineData:
 * @area_id: the activity area, of the line's year (0: none, refused)
 * @account: the account number (0: none, refused)
 * @text: (nullable): what the line is for, one line, may be empty
 * @comment: (nullable): a note, may be empty
 * @amounts: the amounts in öre, indexed by #SpBudgetColumn, or %SP_BUDGET_NOT_SET
 *
 * What a new budget line is. sp_budget_line_data_init() empties it.
 */
typedef struct {
  gint64      area_id;
  int         account;
  const char *text;
  const char *comment;
  SpMoney     amounts[SP_BUDGET_N_COLUMNS];
} SpBudgetLineData;

void            sp_budget_line_data_init     (SpBudgetLineData *data);

#define SP_TYPE_BUDGET_LINE (sp_budget_line_get_type ())
G_DECLARE_FINAL_TYPE (SpBudgetLine, sp_budget_line, SP, BUDGET_LINE, SpRecord)

int             sp_budget_line_get_year          (SpBudgetLine   *self);
gint64          sp_budget_line_get_area_id       (SpBudgetLine   *self);
int             sp_budget_line_get_account       (SpBudgetLine   *self);
int             sp_budget_line_get_position      (SpBudgetLine   *self);
const char     *sp_budget_line_get_text          (SpBudgetLine   *self);
const char     *sp_budget_line_get_comment       (SpBudgetLine   *self);
SpMoney         sp_budget_line_get_amount        (SpBudgetLine   *self,
                                                  SpBudgetColumn  column);
const char     *sp_budget_line_get_area_name     (SpBudgetLine   *self);
gint64          sp_budget_line_get_group_id      (SpBudgetLine   *self);
const char     *sp_budget_line_get_group_name    (SpBudgetLine   *self);
const char     *sp_budget_line_get_account_name  (SpBudgetLine   *self);
SpAccountKind   sp_budget_line_get_account_kind  (SpBudgetLine   *self);

SpRecordList   *sp_budget_line_list_new          (SpDatabase              *database,
                                                  int                      year);
SpBudgetLine   *sp_budget_line_load              (SpDatabase              *database,
                                                  gint64                   id,
                                                  GError                 **error);
gint64          sp_budget_line_add               (SpDatabase              *database,
                                                  int                      year,
                                                  const SpBudgetLineData  *data,
                                                  GError                 **error);
gboolean        sp_budget_line_set_amount        (SpDatabase              *database,
                                                  gint64                   id,
                                                  SpBudgetColumn           column,
                                                  SpMoney                  amount,
                                                  GError                 **error);
gboolean        sp_budget_line_paste             (SpDatabase              *database,
                                                  gint64                   first_id,
                                                  SpBudgetColumn           column,
                                                  const char * const      *texts,
                                                  SpMoneyUnit              unit,
                                                  GError                 **error);
gboolean        sp_budget_line_set_text          (SpDatabase              *database,
                                                  gint64                   id,
                                                  const char              *text,
                                                  GError                 **error);
gboolean        sp_budget_line_set_comment       (SpDatabase              *database,
                                                  gint64                   id,
                                                  const char              *comment,
                                                  GError                 **error);
gboolean        sp_budget_line_set_area          (SpDatabase              *database,
                                                  gint64                   id,
                                                  gint64                   area_id,
                                                  GError                 **error);
gboolean        sp_budget_line_set_account       (SpDatabase              *database,
                                                  gint64                   id,
                                                  int                      account,
                                                  GError                 **error);
gboolean        sp_budget_line_set_place         (SpDatabase              *database,
                                                  gint64                   id,
                                                  gint64                   area_id,
                                                  int                      account,
                                                  GError                 **error);
gboolean        sp_budget_line_move              (SpDatabase              *database,
                                                  gint64                   id,
                                                  guint                    new_index,
                                                  GError                 **error);
gboolean        sp_budget_line_delete            (SpDatabase              *database,
                                                  gint64                   id,
                                                  GError                 **error);

/* ---- Totals ------------------------------------------------------------ */

/**
 * SpBudgetSum:
 * @revenue: the sum of the lines on revenue accounts, per column, in öre
 * @costs: the sum of the lines on cost accounts, per column, in öre
 * @result: @revenue − @costs, per column
 * @n_set: how many lines have the column set; 0 means the column is empty
 *
 * Amounts are stored as typed on their lines, usually positive both for
 * revenue and costs; the account's kind says which sum a line goes to.
 * Lines whose column is not set add nothing.
 */
typedef struct {
  SpMoney revenue[SP_BUDGET_N_COLUMNS];
  SpMoney costs[SP_BUDGET_N_COLUMNS];
  SpMoney result[SP_BUDGET_N_COLUMNS];
  guint   n_set[SP_BUDGET_N_COLUMNS];
} SpBudgetSum;

/**
 * SpBudgetSubtotal:
 * @id: the activity area's (or the area group's) id
 * @group_id: the area group (for a group, its own id)
 * @sum: the sums of its lines
 */
typedef struct {
  gint64      id;
  gint64      group_id;
  SpBudgetSum sum;
} SpBudgetSubtotal;

/**
 * SpBudgetTotals:
 * @year: the plan's year
 * @total: the sums of all the year's lines
 * @groups: an array of #SpBudgetSubtotal, one per area group that has lines,
 *   in the order of the budget
 * @areas: an array of #SpBudgetSubtotal, one per activity area that has
 *   lines, in the order of the budget
 * @frame: the budget frame from the members per column (plan_year.frame,
 *   frame_plan1, frame_plan2), %SP_BUDGET_NOT_SET when not given and for the
 *   previous year's columns. Compare it with @total.revenue.
 * @equity_used: money taken from equity (positive) or put into it
 *   (negative): plan_year.equity_used in the budget column, not set in the
 *   others
 *
 * A year's budget added up, exactly, in öre.
 */
typedef struct {
  int          year;
  SpBudgetSum  total;
  GArray      *groups;
  GArray      *areas;
  SpMoney      frame[SP_BUDGET_N_COLUMNS];
  SpMoney      equity_used[SP_BUDGET_N_COLUMNS];
} SpBudgetTotals;

SpBudgetTotals         *sp_budget_totals_new           (SpDatabase            *database,
                                                        int                    year,
                                                        GError               **error);
void                    sp_budget_totals_free          (SpBudgetTotals        *totals);
gboolean                sp_budget_totals_is_set        (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
SpMoney                 sp_budget_totals_get_imbalance (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
gboolean                sp_budget_totals_is_balanced   (const SpBudgetTotals  *totals,
                                                        SpBudgetColumn         column);
const SpBudgetSubtotal *sp_budget_totals_find_area     (const SpBudgetTotals  *totals,
                                                        gint64                 area_id);
const SpBudgetSubtotal *sp_budget_totals_find_group    (const SpBudgetTotals  *totals,
                                                        gint64                 group_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBudgetTotals, sp_budget_totals_free)

G_END_DECLS
