/* test-example.c: the example förbund is complete and consistent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-contribution.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-test-util.h"
#include "sp-plan-year.h"

static void
test_example (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = sp_example_create (path, &error);
  g_autoptr(SpAssociation) association = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(SpRecordList) members = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  SpMoney sum = 0;
  gint64 revenue, costs, equity;

  assert_null (error);
  assert_non_null (db);
  /* Nothing to undo: the example is where the user starts. */
  assert_false (sp_history_can_undo (sp_database_get_history (db)));

  association = sp_association_load (db, &error);
  assert_string_equal (association->name, "Norra Västmanlands samordningsförbund");
  g_clear_pointer (&association->org_number, g_free);
  association->org_number = sp_association_check_org_number ("222000-1230", &error);
  assert_non_null (association->org_number);

  members = sp_member_list_new (db);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (members)), 6);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM target_group WHERE year = 2009"), 6);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM project_grant WHERE year = 2009"), 8);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM board_member WHERE year = 2009"), 12);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM board_member WHERE office = 'chair'"), 1);

  /* The frame of 4 000 000 kr, split exactly. */
  contributions = sp_contributions_compute (db, SP_EXAMPLE_YEAR, &error);
  assert_null (error);
  assert_int_equal (contributions->len, 6);
  for (guint i = 0; i < contributions->len; i++)
    sum += ((SpContribution *) g_ptr_array_index (contributions, i))->amount[0];
  assert_true (sum == 400000000);

  /* The budget balances with the equity used: its revenue is the members'
   * contributions, derived from the frame, with no revenue line typed. */
  revenue = sp_test_query_int (db, "SELECT count(*) FROM budget_line b JOIN account a ON a.number = b.account "
                       "WHERE b.year = 2009 AND a.kind = 'revenue'");
  assert_int_equal (revenue, 0);
  totals = sp_budget_totals_new (db, SP_EXAMPLE_YEAR, &error);
  assert_null (error);
  revenue = totals->total.revenue[SP_BUDGET_COLUMN_BUDGET];
  costs = sp_test_query_int (db, "SELECT sum (b.budget) FROM budget_line b JOIN account a ON a.number = b.account "
                     "WHERE b.year = 2009 AND a.kind = 'cost'");
  equity = sp_test_query_int (db, "SELECT equity_used FROM plan_year WHERE year = 2009");
  assert_true (revenue == 400000000);
  assert_true (revenue - costs + equity == 0);
  assert_true (sp_budget_totals_is_balanced (totals, SP_BUDGET_COLUMN_BUDGET));
  assert_true (sp_test_query_int (db, "SELECT sum (amount) FROM project_grant WHERE year = 2009") ==
               sp_test_query_int (db, "SELECT budget FROM budget_line WHERE year = 2009 AND account = 4600"));
  assert_int_equal (sp_test_query_int (db, "PRAGMA foreign_key_check"), G_MININT64);

  /* It can be carried into the next year. */
  assert_true (sp_plan_year_create_next (db, SP_EXAMPLE_YEAR, &error));
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM budget_line WHERE year = 2010"), 11);

  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

static void
test_example_never_overwrites (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "finns.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_true (g_file_set_contents (path, "viktiga uppgifter", -1, NULL));
  before = sp_test_file_checksum (path);
  db = sp_example_create (path, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE));
  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_example),
    cmocka_unit_test (test_example_never_overwrites),
  };

  setlocale (LC_ALL, "sv_SE.UTF-8");
  return cmocka_run_group_tests_name ("example", tests, NULL, NULL);
}
