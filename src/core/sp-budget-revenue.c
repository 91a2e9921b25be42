/* sp-budget-revenue.c: the members' contributions as the budget's revenue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The members pay the frame, split by the law's shares and the year's key
 * (sp-contribution.c); what they pay is the budget's revenue. So the
 * revenue lines of the contributions are derived, one per kind of payer on
 * the förbund's account for it (association.revenue_account_*, 3510, 3520
 * and 3530 unless changed), and never typed:
 *
 * - They are computed each time, not stored as budget_line rows. Stored
 *   copies would have to follow every change of the frame, the shares, the
 *   key, a population or a membership, in every year, and would be one more
 *   thing an undo, an import or another program could leave behind. The
 *   contributions are already computed (and an adopted year's kept as
 *   adopted), so the lines are the same numbers by construction.
 * - A year that has typed lines on any of those accounts (a file made before
 *   revenue was derived, or one that keeps it so) keeps them as its revenue
 *   and derives nothing: a file never changes by itself, and nothing is
 *   counted twice. Deleting those lines (an undoable edit) lets the year
 *   follow the frame; the Budget page says so.
 *
 * SpBudgetTotals (sp-budget.c) adds these lines to the revenue, so every
 * sum, result and balance check sees them.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-allocation.h"
#include "sp-association.h"
#include "sp-budget-revenue.h"
#include "sp-contribution.h"
#include "sp-edit-private.h"
#include "sp-plan-year.h"

#define N_KINDS 3

typedef struct {
  gboolean  present[N_KINDS];
  SpMoney   amounts[N_KINDS][SP_PLAN_YEARS];
  char     *payer[N_KINDS];     /* the one member that pays, or NULL */
  guint     n_payers[N_KINDS];
} KindSums;

static void
kind_sums_clear (KindSums *sums)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_clear_pointer (&sums->payer[k], g_free);
}

static void
add_amount (SpMoney *sum,
            SpMoney  amount)
{
  if (amount == SP_MONEY_NOT_SET)
    return;
  *sum = *sum == SP_MONEY_NOT_SET ? amount : *sum + amount;
}

static gboolean
has_members (SpDatabase *database)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT count(*) FROM member", NULL);
  gint64 n = 0;

  return stmt != NULL && sp_edit_query_int64 (database, stmt, &n, NULL) && n > 0;
}

/* What each kind of member pays in @year and its plan years. Where the
 * contributions cannot be computed (a population or a key is missing: the
 * contributions say why), each kind's part of the frame, which is what its
 * members will pay once they can be. A förbund without members has no
 * contributions: nobody pays yet. */
static gboolean
sum_by_kind (SpDatabase *database,
             int         year,
             KindSums   *sums)
{
  g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (database, year, NULL);
  g_autoptr(GPtrArray) contributions = NULL;

  for (guint k = 0; k < N_KINDS; k++)
    for (guint c = 0; c < SP_PLAN_YEARS; c++)
      sums->amounts[k][c] = SP_MONEY_NOT_SET;
  if (plan_year == NULL)
    return FALSE;

  contributions = sp_contributions_compute (database, year, NULL);
  if (contributions != NULL)
    {
      for (guint i = 0; i < contributions->len; i++)
        {
          SpContribution *contribution = g_ptr_array_index (contributions, i);
          guint k = contribution->kind;

          if (k >= N_KINDS)
            continue;
          sums->present[k] = TRUE;
          for (guint c = 0; c < SP_PLAN_YEARS; c++)
            add_amount (&sums->amounts[k][c], contribution->amount[c]);
          if (contribution->pays_own_share && ++sums->n_payers[k] == 1)
            sums->payer[k] = g_strdup (contribution->name);
        }
      return TRUE;
    }
  if (!has_members (database))
    return TRUE;

  for (guint c = 0; c < SP_PLAN_YEARS; c++)
    {
      SpMoney frame = sp_plan_year_get_frame (plan_year, c);
      gint64 shares[N_KINDS] = {
        sp_plan_year_get_share_state (plan_year),
        sp_plan_year_get_share_region (plan_year),
        sp_plan_year_get_share_municipalities (plan_year),
      };
      SpMoney parts[N_KINDS];

      if (frame == SP_MONEY_NOT_SET || !sp_allocate (frame, shares, N_KINDS, SP_MONEY_ORE_PER_KR, parts, NULL))
        continue;
      for (guint k = 0; k < N_KINDS; k++)
        {
          sums->present[k] = TRUE;
          sums->amounts[k][c] = parts[k];
        }
    }
  return TRUE;
}

/* What a line says: its payer, under the heading of the contributions. */
static char *
line_text (SpMemberKind  kind,
           const char   *payer)
{
  if (payer != NULL)
    return g_strdup (payer);
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      /* Translators: the payers of a derived revenue line of the budget, under "Contributions by the budget frame" */
      return g_strdup (_("The state"));
    case SP_MEMBER_KIND_REGION:
      return g_strdup (_("The regions"));
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      return g_strdup (_("The municipalities"));
    }
}

static char *
account_name (SpDatabase *database,
              guint       account)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT name FROM account WHERE number = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, account);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (sp_edit_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name != NULL ? name : g_strdup ("");
}

/* What the accounts say was received on @account in @year (an import of
 * the year's actuals), or %SP_BUDGET_NOT_SET when nothing was imported. */
static SpMoney
actual_of (SpDatabase *database,
           int         year,
           guint       account)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT amount FROM actual WHERE year = ?1 AND account = ?2", NULL);
  SpMoney amount = SP_BUDGET_NOT_SET;

  if (stmt == NULL || account == 0)
    return SP_BUDGET_NOT_SET;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, account);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    amount = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return amount;
}

static void
line_free (SpBudgetRevenueLine *line)
{
  g_free (line->account_name);
  g_free (line->text);
  g_free (line);
}

/* ---- Public API ---- */

/**
 * sp_budget_revenue_is_derived:
 * @year: a budget year
 *
 * Returns: whether @year derives the contributions' revenue lines from the
 *   frame: %FALSE when it has typed lines on one of their accounts
 */
gboolean
sp_budget_revenue_is_derived (SpDatabase *database,
                              int         year)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT count(*) FROM budget_line b JOIN association a ON a.id = 1 "
                                        "WHERE b.year = ?1 AND b.account IN "
                                        "(a.revenue_account_state, a.revenue_account_region, a.revenue_account_municipalities)",
                                        NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (!sp_edit_query_int64 (database, stmt, &n, NULL))
    return FALSE;
  return n == 0;
}

/**
 * sp_budget_revenue_new:
 * @year: the budget year
 *
 * The derived revenue lines of @year (see the top of sp-budget-revenue.c).
 *
 * Returns: (transfer full) (nullable): the lines; %NULL with @error only
 *   when @year has no plan
 */
SpBudgetRevenue *
sp_budget_revenue_new (SpDatabase  *database,
                       int          year,
                       GError     **error)
{
  g_autoptr(SpBudgetRevenue) revenue = g_new0 (SpBudgetRevenue, 1);
  KindSums sums = { 0 }, previous = { 0 };
  gboolean has_previous;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);

  revenue->year = year;
  revenue->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    revenue->revenue[c] = SP_BUDGET_NOT_SET;

  if (!sum_by_kind (database, year, &sums))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), year);
      kind_sums_clear (&sums);
      return NULL;
    }
  revenue->derived = sp_budget_revenue_is_derived (database, year);
  if (!revenue->derived)
    {
      kind_sums_clear (&sums);
      return g_steal_pointer (&revenue);
    }
  has_previous = sp_budget_revenue_is_derived (database, year - 1) && sum_by_kind (database, year - 1, &previous);

  for (guint k = 0; k < N_KINDS; k++)
    {
      SpBudgetRevenueLine *line;
      gboolean any = FALSE;

      for (guint c = 0; c < SP_PLAN_YEARS; c++)
        any = any || sums.amounts[k][c] != SP_MONEY_NOT_SET;
      if (!sums.present[k] || !any)
        continue;

      line = g_new0 (SpBudgetRevenueLine, 1);
      line->kind = k;
      line->account = sp_association_get_revenue_account (database, k);
      line->account_name = line->account != 0 ? account_name (database, line->account) : g_strdup ("");
      line->text = line_text (k, sums.n_payers[k] == 1 ? sums.payer[k] : NULL);
      line->amounts[SP_BUDGET_COLUMN_BUDGET] = sums.amounts[k][0];
      line->amounts[SP_BUDGET_COLUMN_PLAN1] = sums.amounts[k][1];
      line->amounts[SP_BUDGET_COLUMN_PLAN2] = sums.amounts[k][2];
      line->amounts[SP_BUDGET_COLUMN_PREVIOUS_BUDGET] = has_previous ? previous.amounts[k][0] : SP_BUDGET_NOT_SET;
      /* Last year's actuals on the line's account, where they were imported:
       * with a plan for last year or without. */
      line->amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] = actual_of (database, year - 1, line->account);
      for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
        add_amount (&revenue->revenue[c], line->amounts[c]);
      g_ptr_array_add (revenue->lines, line);
    }
  kind_sums_clear (&sums);
  kind_sums_clear (&previous);
  return g_steal_pointer (&revenue);
}

void
sp_budget_revenue_free (SpBudgetRevenue *revenue)
{
  if (revenue == NULL)
    return;
  g_clear_pointer (&revenue->lines, g_ptr_array_unref);
  g_free (revenue);
}

/**
 * sp_budget_revenue_line_dup_source:
 *
 * Returns: (transfer full): where @line comes from, for a tooltip or a note
 */
char *
sp_budget_revenue_line_dup_source (const SpBudgetRevenueLine *line)
{
  g_return_val_if_fail (line != NULL, NULL);

  if (line->account == 0)
    return g_strdup (_("The members’ contributions, derived from the budget frame and the split among the members. "
                       "No account is chosen for them: choose it under Member Contributions."));
  return g_strdup_printf (_("The members’ contributions, derived from the budget frame and the split among the members, "
                            "on account %u (%s). Change the frame, the members or the account under Member Contributions."),
                          line->account, line->account_name);
}

/**
 * sp_budget_revenue_dup_typed_note:
 *
 * Returns: (transfer full): why a year whose revenue is typed does not
 *   derive the contributions, and what to do about it
 */
char *
sp_budget_revenue_dup_typed_note (SpDatabase *database)
{
  g_autoptr(GString) accounts = g_string_new (NULL);

  for (guint k = 0; k < N_KINDS; k++)
    {
      guint account = sp_association_get_revenue_account (database, k);

      if (account != 0)
        g_string_append_printf (accounts, "%s%u", accounts->len > 0 ? ", " : "", account);
    }
  /* Translators: %s lists account numbers, "3510, 3520, 3530" */
  return g_strdup_printf (_("The members’ contributions are typed as lines on %s this year, so they are not "
                            "derived from the budget frame. Delete those lines to have the revenue follow the frame."),
                          accounts->str);
}
