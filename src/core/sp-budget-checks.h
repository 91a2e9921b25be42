/* sp-budget-checks.h: the checks a treasurer makes before a year's budget goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the budget year, and for each plan year whose frame is set:
 *
 * - the frame: the year has a budget frame, and the members' contributions
 *   can be computed and add up to it (a budget year without a frame fails;
 *   a plan year without one is not checked at all);
 * - each payer (the state, the region, the municipalities together): the
 *   contributions of the members of that kind against the budget's revenue
 *   lines on the payer's account (3510, 3520, 3530 by default);
 * - the projects: the funds granted to projects for the year against the
 *   budget's project line. The project line is the cost lines of the
 *   activity areas the projects belong to (project.area_id, followed to
 *   the year's areas by their lineage), as the Projekt page's summary
 *   already compares them: the example förbund keeps its granted projects
 *   under "Projekt och insatser › Beviljade projekt", and a förbund that
 *   gives each project an area of its own (Kramfors' Kuggen) gets the
 *   project's whole budget. An account would not do: the example books its
 *   projects on 4600, which other purchases share, and others use 4010.
 *   In the budget year the project line must equal the grants; in a plan
 *   year the board has not yet granted all of it, so the line may be larger
 *   but never smaller than what is already granted;
 * - the balance: revenue − costs + equity used = 0.
 */
#pragma once

#include "sp-budget.h"
#include "sp-database.h"
#include "sp-member.h"
#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpBudgetCheckId:
 * @SP_BUDGET_CHECK_FRAME: the year has a frame, and the contributions add up to it
 * @SP_BUDGET_CHECK_STATE: the state's contributions against its revenue account
 * @SP_BUDGET_CHECK_REGION: the region's contributions against its revenue account
 * @SP_BUDGET_CHECK_MUNICIPALITIES: the municipalities' contributions against theirs
 * @SP_BUDGET_CHECK_PROJECTS: granted project funds against the project line
 * @SP_BUDGET_CHECK_BALANCE: revenue − costs + equity used = 0
 *
 * What a check compares.
 */
typedef enum {
  SP_BUDGET_CHECK_FRAME,
  SP_BUDGET_CHECK_STATE,
  SP_BUDGET_CHECK_REGION,
  SP_BUDGET_CHECK_MUNICIPALITIES,
  SP_BUDGET_CHECK_PROJECTS,
  SP_BUDGET_CHECK_BALANCE,
} SpBudgetCheckId;

/**
 * SpBudgetCheck:
 * @id: what it compares
 * @column: %SP_BUDGET_COLUMN_BUDGET, %SP_BUDGET_COLUMN_PLAN1 or
 *   %SP_BUDGET_COLUMN_PLAN2
 * @year: the column's year
 * @label: (not nullable): what is checked, translated, without the year
 * @passed: whether it holds
 * @expected: what the budget should say (the frame, a payer's contributions,
 *   the granted funds, 0 for the balance), or %SP_MONEY_NOT_SET
 * @actual: what it says (the contributions' sum, the revenue lines, the
 *   project line, the imbalance), or %SP_MONEY_NOT_SET
 * @account: the revenue account of a payer's check, else 0
 * @detail: (nullable): when it fails, what is wrong and by how much,
 *   translated ("… 800 000 kr more than …"); %NULL when it passes
 */
typedef struct {
  SpBudgetCheckId  id;
  SpBudgetColumn   column;
  int              year;
  char            *label;
  gboolean         passed;
  SpMoney          expected;
  SpMoney          actual;
  int              account;
  char            *detail;
} SpBudgetCheck;

/**
 * SpBudgetChecks:
 * @year: the budget year
 * @checks: (element-type SpBudgetCheck): the checks, column by column in the
 *   order budget, plan1, plan2, and in each in the order of #SpBudgetCheckId
 * @project_areas: (element-type gint64): the activity areas of @year whose
 *   cost lines make up the project line
 *
 * A year's checks.
 */
typedef struct {
  int        year;
  GPtrArray *checks;
  GArray    *project_areas;
} SpBudgetChecks;

SpBudgetChecks      *sp_budget_checks_new           (SpDatabase            *database,
                                                     int                    year,
                                                     GError               **error);
void                 sp_budget_checks_free          (SpBudgetChecks        *checks);
guint                sp_budget_checks_count_failed  (const SpBudgetChecks  *checks);
const SpBudgetCheck *sp_budget_checks_find          (const SpBudgetChecks  *checks,
                                                     SpBudgetCheckId        id,
                                                     SpBudgetColumn         column);
char                *sp_budget_checks_dup_failed_text (const SpBudgetChecks *checks);
int                  sp_budget_checks_get_payer_account (SpDatabase        *database,
                                                         SpMemberKind       kind);
gboolean             sp_budget_checks_is_project_area (const SpBudgetChecks *checks,
                                                       gint64                area_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpBudgetChecks, sp_budget_checks_free)

G_END_DECLS
