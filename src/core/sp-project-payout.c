/* sp-project-payout.c: what a project was paid of its grant, as the ledger says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ledger's monthly actuals (actual_month) carry a project where the
 * voucher row had an object of the project dimension (6) mapped to it, or
 * was booked on an account mapped to the project (see the SIE import). What
 * the förbund paid a project to date is the sum of those rows of the year
 * from January through the chosen month, costs minus revenue: a payment to
 * the project is a cost, and money paid back (or revenue the project brings
 * in on the förbund's books) lessens what the grant had to cover. Each row's
 * amount is in the budget's sign (positive on both revenue and cost
 * accounts); the account's kind says which it is.
 *
 * A year with only whole-year actuals (a file without periods) has no
 * project on them, so nothing is paid to date by these sums.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-project-payout.h"
#include "sp-record-loader-private.h"

/* ?1 the year, ?2 the last month, ?3 one project or NULL for all. Projects
 * with a grant for the year or an actual through the month; in the order of
 * the project list (sp_project_list_new(): start date, those without last,
 * then name), as the portfolio shows them before the user sorts. */
#define PAYOUT_SQL \
  "SELECT p.id, coalesce (g.amount, 0), coalesce (a.paid, 0) FROM project p " \
  "LEFT JOIN project_grant g ON g.project_id = p.id AND g.year = ?1 " \
  "LEFT JOIN (SELECT m.project_id AS project_id, " \
  "             sum (CASE WHEN c.kind = 'cost' THEN m.amount ELSE -m.amount END) AS paid " \
  "           FROM actual_month m JOIN account c ON c.number = m.account " \
  "           WHERE m.year = ?1 AND m.month <= ?2 AND m.project_id IS NOT NULL " \
  "             AND (?3 IS NULL OR m.project_id = ?3) " \
  "           GROUP BY m.project_id) a ON a.project_id = p.id " \
  "WHERE (g.project_id IS NOT NULL OR a.project_id IS NOT NULL) AND (?3 IS NULL OR p.id = ?3) " \
  "ORDER BY p.start_date IS NULL, p.start_date, p.name, p.id"

static gboolean
check_period (int      year,
              guint    through_month,
              GError **error)
{
  if (!sp_edit_check_year (year, error))
    return FALSE;
  if (through_month < 1 || through_month > 12)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A period ends in a month from 1 to 12."));
      return FALSE;
    }
  return TRUE;
}

static GArray *
query_payouts (SpDatabase  *database,
               int          year,
               guint        through_month,
               gint64       project_id,
               GError     **error)
{
  g_autoptr(GArray) payouts = g_array_new (FALSE, FALSE, sizeof (SpProjectPayout));
  sqlite3_stmt *stmt;
  int rc;

  if (!check_period (year, through_month, error))
    return NULL;
  stmt = sp_edit_prepare (database, PAYOUT_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, (int) through_month);
  sp_edit_bind_optional (stmt, 3, project_id != 0, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpProjectPayout payout = {
        .project_id = sqlite3_column_int64 (stmt, 0),
        .granted = sqlite3_column_int64 (stmt, 1),
        .paid = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (payouts, payout);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&payouts);
}

/**
 * sp_project_payouts_get:
 * @year: the year
 * @through_month: the last month of the period, 1–12 (12: the whole year)
 *
 * Paid to date against granted, for every project with a grant for @year or
 * an actual of @year through @through_month (archived projects too), in the
 * order of the project list: start date (those without one last), name.
 *
 * Returns: (transfer full) (element-type SpProjectPayout) (nullable): the
 *   payouts, or %NULL with @error set
 */
GArray *
sp_project_payouts_get (SpDatabase  *database,
                        int          year,
                        guint        through_month,
                        GError     **error)
{
  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  return query_payouts (database, year, through_month, 0, error);
}

/**
 * sp_project_payout_get:
 * @out_payout: (out): the project's payout; granted and paid both 0 when it
 *   has neither
 *
 * The same as sp_project_payouts_get() for one project.
 */
gboolean
sp_project_payout_get (SpDatabase      *database,
                       int              year,
                       guint            through_month,
                       gint64           project_id,
                       SpProjectPayout *out_payout,
                       GError         **error)
{
  g_autoptr(GArray) payouts = NULL;
  gint64 found;

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (out_payout != NULL, FALSE);

  *out_payout = (SpProjectPayout) { .project_id = project_id };
  if (!check_period (year, through_month, error) ||
      !sp_record_query_int64 (database, "SELECT id FROM project WHERE id = ?1", project_id, &found,
                              _("The project no longer exists."), error))
    return FALSE;
  payouts = query_payouts (database, year, through_month, project_id, error);
  if (payouts == NULL)
    return FALSE;
  if (payouts->len > 0)
    *out_payout = g_array_index (payouts, SpProjectPayout, 0);
  return TRUE;
}

/* Whether more is paid to date than is granted for the year. */
gboolean
sp_project_payout_is_over (const SpProjectPayout *payout)
{
  g_return_val_if_fail (payout != NULL, FALSE);
  return payout->paid > payout->granted;
}
