/* sp-budget-checks.c: the checks a treasurer makes before a year's budget goes out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is checked, and what "the project line" is, is explained in the header.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-association.h"
#include "sp-budget-checks.h"
#include "sp-contribution.h"
#include "sp-budget-private.h"
#include "sp-edit-private.h"
#include "sp-portfolio.h"

static const SpMemberKind payers[] = {
  SP_MEMBER_KIND_STATE,
  SP_MEMBER_KIND_REGION,
  SP_MEMBER_KIND_MUNICIPALITY,
};

/* The revenue account of what @kind pays: the förbund's own choice
 * (sp_association_get_revenue_account(), 3510/3520/3530 by default). */
static int
payer_account (SpDatabase   *database,
               SpMemberKind  kind)
{
  return (int) sp_association_get_revenue_account (database, kind);
}

static void
check_free (SpBudgetCheck *check)
{
  g_free (check->label);
  g_free (check->detail);
  g_free (check);
}

static char *
kr (SpMoney amount)
{
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

static SpBudgetCheck *
add_check (SpBudgetChecks  *checks,
           SpBudgetCheckId  id,
           SpBudgetColumn   column,
           SpMoney          expected,
           SpMoney          actual)
{
  SpBudgetCheck *check = g_new0 (SpBudgetCheck, 1);

  check->id = id;
  check->column = column;
  check->year = checks->year + (int) column;
  check->expected = expected;
  check->actual = actual;
  check->passed = TRUE;
  switch (id)
    {
    case SP_BUDGET_CHECK_FRAME:
      /* Translators: a check of the budget before export */
      check->label = g_strdup (_("Budget frame and contributions"));
      break;
    case SP_BUDGET_CHECK_STATE:
    case SP_BUDGET_CHECK_REGION:
    case SP_BUDGET_CHECK_MUNICIPALITIES:
      break;
    case SP_BUDGET_CHECK_PROJECTS:
      /* Translators: a check of the budget before export */
      check->label = g_strdup (_("Granted project funds against the project line"));
      break;
    case SP_BUDGET_CHECK_BALANCE:
    default:
      /* Translators: a check of the budget before export */
      check->label = g_strdup (_("Revenue − costs + equity used = 0"));
      break;
    }
  g_ptr_array_add (checks->checks, check);
  return check;
}

static const char *
payer_name (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      /* Translators: who pays, in "%d: the state pays … in contributions" */
      return _("the state");
    case SP_MEMBER_KIND_REGION:
      /* Translators: who pays, in "%d: the region pays … in contributions" */
      return _("the region");
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      /* Translators: who pays, in "%d: the municipalities pay … in contributions" */
      return _("the municipalities");
    }
}

static char *
payer_label (SpMemberKind kind,
             int          account)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      /* Translators: a check of the budget before export; %d is an account number */
      return g_strdup_printf (_("The state’s contributions against account %d"), account);
    case SP_MEMBER_KIND_REGION:
      /* Translators: a check of the budget before export; %d is an account number */
      return g_strdup_printf (_("The region’s contributions against account %d"), account);
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      /* Translators: a check of the budget before export; %d is an account number */
      return g_strdup_printf (_("The municipalities’ contributions against account %d"), account);
    }
}

/* The sum of the year's revenue lines on @account in @column; 0 when none. */
static SpMoney
revenue_on_account (GPtrArray      *lines,
                    int             account,
                    SpBudgetColumn  column)
{
  SpMoney sum = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (lines, i);
      SpMoney amount = sp_budget_line_get_amount (line, column);

      if (sp_budget_line_get_account (line) == account && SP_BUDGET_IS_SET (amount))
        sum += amount;
    }
  return sum;
}

/* The activity areas of @checks->year that the projects belong to: a
 * project's area may be of an earlier year, so areas are matched by their
 * lineage. */
static gboolean
load_project_areas (SpDatabase      *database,
                    SpBudgetChecks  *checks,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT a.id FROM area a JOIN area_group g ON g.id = a.group_id "
                          "WHERE g.year = ?1 AND coalesce (a.lineage, a.id) IN "
                          "(SELECT coalesce (pa.lineage, pa.id) FROM project p JOIN area pa ON pa.id = p.area_id) "
                          "ORDER BY a.id",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, checks->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (checks->project_areas, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
check_frame (SpBudgetChecks *checks,
             SpBudgetColumn  column,
             SpMoney         frame,
             GPtrArray      *contributions,
             const GError   *contributions_error)
{
  SpBudgetCheck *check;
  SpMoney sum = SP_MONEY_NOT_SET;

  if (contributions != NULL && SP_BUDGET_IS_SET (frame))
    {
      sum = 0;
      for (guint i = 0; i < contributions->len; i++)
        {
          const SpContribution *c = g_ptr_array_index (contributions, i);

          if (c->amount[column] != SP_MONEY_NOT_SET)
            sum += c->amount[column];
        }
    }
  check = add_check (checks, SP_BUDGET_CHECK_FRAME, column, frame, sum);
  if (!SP_BUDGET_IS_SET (frame))
    {
      check->passed = FALSE;
      /* Translators: a failed check; %d is the year */
      check->detail = g_strdup_printf (_("%d has no budget frame, so the members’ contributions are not set."),
                                       check->year);
    }
  else if (contributions == NULL)
    {
      check->passed = FALSE;
      /* Translators: a failed check; %d is the year, %s why (a sentence) */
      check->detail = g_strdup_printf (_("%d: the members’ contributions cannot be computed: %s"),
                                       check->year,
                                       contributions_error != NULL ? contributions_error->message : "");
    }
  else if (sum != frame)
    {
      g_autofree char *sum_text = kr (sum);
      g_autofree char *frame_text = kr (frame);

      check->passed = FALSE;
      /* Translators: a failed check; %d is the year, then two amounts */
      check->detail = g_strdup_printf (_("%d: the members’ contributions add up to %s, but the frame is %s."),
                                       check->year, sum_text, frame_text);
    }
}

static void
check_payer (SpDatabase     *database,
             SpBudgetChecks *checks,
             SpBudgetColumn  column,
             SpMemberKind    kind,
             GPtrArray      *contributions,
             GPtrArray      *lines,
             gboolean        revenue_derived)
{
  int account = payer_account (database, kind);
  SpMoney paid = 0;
  SpMoney booked = revenue_on_account (lines, account, column);
  SpBudgetCheck *check;

  for (guint i = 0; i < contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (contributions, i);

      if (c->kind == kind && c->amount[column] != SP_MONEY_NOT_SET)
        paid += c->amount[column];
    }
  /* Revenue derived from the frame (sp-budget-revenue.c) is the budget's
   * revenue line of the payer as much as a typed one: the payer's
   * contributions themselves. */
  if (revenue_derived)
    booked += paid;
  check = add_check (checks, SP_BUDGET_CHECK_STATE + (kind - SP_MEMBER_KIND_STATE), column, paid, booked);
  check->label = payer_label (kind, account);
  check->account = account;
  if (booked != paid)
    {
      g_autofree char *paid_text = kr (paid);
      g_autofree char *booked_text = kr (booked);
      g_autofree char *difference = kr (ABS (booked - paid));

      check->passed = FALSE;
      check->detail = g_strdup_printf (booked < paid
                                         /* Translators: a failed check: the year, who pays (“the state”),
                                          * the contributions, the account, the budget's revenue on it, the difference */
                                         ? _("%d: %s pays %s in contributions, but the revenue lines on account %d come to %s, %s less.")
                                         /* Translators: a failed check: the year, who pays (“the state”),
                                          * the contributions, the account, the budget's revenue on it, the difference */
                                         : _("%d: %s pays %s in contributions, but the revenue lines on account %d come to %s, %s more."),
                                       check->year, payer_name (kind), paid_text, account, booked_text, difference);
    }
}

static void
check_projects (SpDatabase           *database,
                SpBudgetChecks       *checks,
                SpBudgetColumn        column,
                const SpBudgetTotals *totals)
{
  SpMoney granted = 0;
  SpMoney line = 0;
  SpBudgetCheck *check;

  if (!sp_project_get_granted_total (database, checks->year + (int) column, &granted, NULL))
    granted = 0;
  for (guint i = 0; i < checks->project_areas->len; i++)
    {
      const SpBudgetSubtotal *sub = sp_budget_totals_find_area (totals, g_array_index (checks->project_areas,
                                                                                       gint64, i));

      if (sub != NULL)
        line += sub->sum.costs[column];
    }
  check = add_check (checks, SP_BUDGET_CHECK_PROJECTS, column, granted, line);
  /* The budget year's line is what the board has granted; a plan year's
   * may hold money not granted yet, but never less than is granted. */
  if (column == SP_BUDGET_COLUMN_BUDGET ? line != granted : line < granted)
    {
      g_autofree char *granted_text = kr (granted);
      g_autofree char *line_text = kr (line);
      g_autofree char *difference = kr (ABS (line - granted));

      check->passed = FALSE;
      check->detail = g_strdup_printf (line < granted
                                         /* Translators: a failed check: the year, the granted funds,
                                          * the budget's project line, the difference */
                                         ? _("%d: %s is granted to projects, but the budget’s project line comes to %s, %s less.")
                                         /* Translators: a failed check: the year, the granted funds,
                                          * the budget's project line, the difference */
                                         : _("%d: %s is granted to projects, but the budget’s project line comes to %s, %s more."),
                                       check->year, granted_text, line_text, difference);
    }
}

static void
check_balance (SpBudgetChecks       *checks,
               SpBudgetColumn        column,
               const SpBudgetTotals *totals)
{
  SpMoney imbalance = sp_budget_totals_get_imbalance (totals, column);
  SpBudgetCheck *check = add_check (checks, SP_BUDGET_CHECK_BALANCE, column, 0, imbalance);

  if (imbalance != 0)
    {
      g_autofree char *amount = kr (imbalance);

      check->passed = FALSE;
      /* Translators: a failed check: the year, the amount revenue − costs + equity used comes to */
      check->detail = g_strdup_printf (_("%d: the budget does not balance: revenue − costs + equity used comes to %s."),
                                       check->year, amount);
    }
}

/**
 * sp_budget_checks_new:
 * @year: a budget year
 *
 * Makes the checks of @year's budget and of its plan years whose frame is
 * set (see the header).
 *
 * Returns: (transfer full) (nullable): the checks, or %NULL with @error when
 *   the year has no plan or cannot be read
 */
SpBudgetChecks *
sp_budget_checks_new (SpDatabase  *database,
                      int          year,
                      GError     **error)
{
  g_autoptr(SpBudgetChecks) checks = g_new0 (SpBudgetChecks, 1);
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GError) contributions_error = NULL;

  checks->year = year;
  checks->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) check_free);
  checks->project_areas = g_array_new (FALSE, FALSE, sizeof (gint64));

  totals = sp_budget_totals_new (database, year, error);
  if (totals == NULL)
    return NULL;
  lines = sp_budget_line_load_year (database, year, error);
  if (lines == NULL || !load_project_areas (database, checks, error))
    return NULL;
  contributions = sp_contributions_compute (database, year, &contributions_error);

  for (SpBudgetColumn column = SP_BUDGET_COLUMN_BUDGET; column <= SP_BUDGET_COLUMN_PLAN2; column++)
    {
      SpMoney frame = totals->frame[column];

      /* A plan year without a frame has not been planned yet. */
      if (column != SP_BUDGET_COLUMN_BUDGET && !SP_BUDGET_IS_SET (frame))
        continue;
      check_frame (checks, column, frame, contributions, contributions_error);
      if (contributions != NULL && SP_BUDGET_IS_SET (frame))
        for (guint k = 0; k < G_N_ELEMENTS (payers); k++)
          check_payer (database, checks, column, payers[k], contributions, lines, totals->revenue_derived);
      check_projects (database, checks, column, totals);
      check_balance (checks, column, totals);
    }
  return g_steal_pointer (&checks);
}

void
sp_budget_checks_free (SpBudgetChecks *checks)
{
  if (checks == NULL)
    return;
  g_clear_pointer (&checks->checks, g_ptr_array_unref);
  g_clear_pointer (&checks->project_areas, g_array_unref);
  g_free (checks);
}

/* How many of the checks fail. */
guint
sp_budget_checks_count_failed (const SpBudgetChecks *checks)
{
  guint n = 0;

  g_return_val_if_fail (checks != NULL, 0);
  for (guint i = 0; i < checks->checks->len; i++)
    if (!((const SpBudgetCheck *) g_ptr_array_index (checks->checks, i))->passed)
      n++;
  return n;
}

/**
 * sp_budget_checks_find:
 *
 * Returns: (nullable) (transfer none): the check @id of @column, or %NULL
 *   when it was not made (a plan year without a frame, a payer's check
 *   without contributions)
 */
const SpBudgetCheck *
sp_budget_checks_find (const SpBudgetChecks *checks,
                       SpBudgetCheckId       id,
                       SpBudgetColumn        column)
{
  g_return_val_if_fail (checks != NULL, NULL);
  for (guint i = 0; i < checks->checks->len; i++)
    {
      const SpBudgetCheck *check = g_ptr_array_index (checks->checks, i);

      if (check->id == id && check->column == column)
        return check;
    }
  return NULL;
}

/**
 * sp_budget_checks_dup_failed_text:
 *
 * Returns: (transfer full): the details of the failed checks, one a line,
 *   or an empty string when all pass
 */
char *
sp_budget_checks_dup_failed_text (const SpBudgetChecks *checks)
{
  GString *text;

  g_return_val_if_fail (checks != NULL, NULL);
  text = g_string_new (NULL);
  for (guint i = 0; i < checks->checks->len; i++)
    {
      const SpBudgetCheck *check = g_ptr_array_index (checks->checks, i);

      if (check->passed)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, check->detail);
    }
  return g_string_free (text, FALSE);
}

/* The revenue account of what @kind pays (see payer_account()). */
int
sp_budget_checks_get_payer_account (SpDatabase   *database,
                                    SpMemberKind  kind)
{
  return payer_account (database, kind);
}

/* Whether the cost lines of @area_id belong to the project line. */
gboolean
sp_budget_checks_is_project_area (const SpBudgetChecks *checks,
                                  gint64                area_id)
{
  g_return_val_if_fail (checks != NULL, FALSE);
  for (guint i = 0; i < checks->project_areas->len; i++)
    if (g_array_index (checks->project_areas, gint64, i) == area_id)
      return TRUE;
  return FALSE;
}
