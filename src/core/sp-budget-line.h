/* sp-budget-line.h: a year's budget lines and their amount columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-account.h"
#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

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
 * @area_id: the activity area, of the line's year (0: none, see @group_id)
 * @group_id: when @area_id is 0, the area group of the line's year that
 *   carries the line directly (a group without activity areas, such as
 *   "Uppföljning"); 0 with @area_id 0 is refused
 * @account: the account number (0: none, refused)
 * @text: (nullable): what the line is for, one line, may be empty
 * @comment: (nullable): a note, may be empty
 * @amounts: the amounts in öre, indexed by #SpBudgetColumn, or %SP_BUDGET_NOT_SET
 *
 * What a new budget line is. sp_budget_line_data_init() empties it.
 */
typedef struct {
  gint64      area_id;
  gint64      group_id;
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
gboolean        sp_budget_line_is_in_group       (SpBudgetLine   *self);
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
gboolean        sp_budget_line_set_place_in_group (SpDatabase             *database,
                                                  gint64                   id,
                                                  gint64                   group_id,
                                                  int                      account,
                                                  GError                 **error);
gboolean        sp_budget_line_move              (SpDatabase              *database,
                                                  gint64                   id,
                                                  guint                    new_index,
                                                  GError                 **error);
gboolean        sp_budget_line_delete            (SpDatabase              *database,
                                                  gint64                   id,
                                                  GError                 **error);

G_END_DECLS
