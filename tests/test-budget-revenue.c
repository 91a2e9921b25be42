/* test-budget-revenue.c: the members' contributions as the budget's revenue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The revenue lines of the contributions are derived from the frame and the
 * split, per payer, on the förbund's accounts; a year with them typed keeps
 * its typed lines and derives nothing, so nothing counts twice.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sp-account.h"
#include "sp-association.h"
#include "sp-budget.h"
#include "sp-budget-revenue.h"
#include "sp-contribution.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-test-util.h"

#define YEAR 2024
#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)

/* A new office: named, its first year made, its members entered and a
 * frame set, as the window does it; one area with the costs. */
static const char members_sql[] =
  "INSERT INTO member (id, name, kind, pays_own_share, population, position) VALUES"
  "  (1, 'Försäkringskassan', 'state', 1, NULL, 1),"
  "  (2, 'Arbetsförmedlingen', 'state', 0, NULL, 2),"
  "  (3, 'Region Jämtland Härjedalen', 'region', 1, NULL, 3),"
  "  (4, 'Östersunds kommun', 'municipality', 1, 64000, 4),"
  "  (5, 'Krokoms kommun', 'municipality', 1, 15000, 5),"
  "  (6, 'Bergs kommun', 'municipality', 1, 7001, 6);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2024, 1, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES (1, 1, 1, 'Kansli');";

typedef struct {
  char       *dir;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "new.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_association_start (f->db, "Samordningsförbundet i Jämtland", YEAR, &error));
  g_assert_no_error (error);
  g_assert_true (sp_database_exec (f->db, members_sql, &error));
  g_assert_no_error (error);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static void
set_frames (Fixture *f,
            SpMoney  budget,
            SpMoney  plan1,
            SpMoney  plan2)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, budget, &error));
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 1, plan1, &error));
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 2, plan2, &error));
  assert_null (error);
}

static gint64
add_line (Fixture    *f,
          int         account,
          const char *text,
          SpMoney     budget,
          SpMoney     plan1,
          SpMoney     plan2)
{
  g_autoptr(GError) error = NULL;
  SpBudgetLineData data;
  gint64 id;

  sp_budget_line_data_init (&data);
  data.area_id = 1;
  data.account = account;
  data.text = text;
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = budget;
  data.amounts[SP_BUDGET_COLUMN_PLAN1] = plan1;
  data.amounts[SP_BUDGET_COLUMN_PLAN2] = plan2;
  id = sp_budget_line_add (f->db, YEAR, &data, &error);
  assert_null (error);
  assert_true (id > 0);
  return id;
}

static const SpBudgetRevenueLine *
find_line (const SpBudgetRevenue *revenue,
           SpMemberKind           kind)
{
  for (guint i = 0; i < revenue->lines->len; i++)
    {
      const SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);

      if (line->kind == kind)
        return line;
    }
  fail_msg ("no derived line for kind %d", (int) kind);
  abort ();
}

/* The contributions of @kind's members in plan column @c, added up here. */
static SpMoney
contributions_of (Fixture      *f,
                  SpMemberKind  kind,
                  guint         c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sp_contributions_compute (f->db, YEAR, &error);
  SpMoney sum = 0;

  assert_null (error);
  for (guint i = 0; i < all->len; i++)
    {
      SpContribution *contribution = g_ptr_array_index (all, i);

      if (contribution->kind == kind && contribution->amount[c] != SP_MONEY_NOT_SET)
        sum += contribution->amount[c];
    }
  return sum;
}

/* ---- Tests ---- */

static void
test_new_file_balances (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;

  set_frames (f, KR (2400000), KR (2500000), KR (2600000));
  add_line (f, 5110, "Förbundschef och kansli", KR (2400000), KR (2500000), KR (2600000));

  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_null (error);
  assert_true (totals->revenue_derived);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line b JOIN account a "
                                              "ON a.number = b.account WHERE a.kind = 'revenue'"), 0);
  for (SpBudgetColumn c = SP_BUDGET_COLUMN_BUDGET; c <= SP_BUDGET_COLUMN_PLAN2; c++)
    {
      assert_int_equal (totals->total.revenue[c], totals->frame[c]);
      assert_int_equal (totals->derived_revenue[c], totals->frame[c]);
      assert_true (sp_budget_totals_is_balanced (totals, c));
    }
  assert_int_equal (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET], KR (2400000));
  /* No area has them: they are the förbund's, not an activity's. */
  {
    const SpBudgetSubtotal *area = sp_budget_totals_find_area (totals, 1);

    if (area == NULL)
      abort ();
    assert_int_equal (area->sum.revenue[SP_BUDGET_COLUMN_BUDGET], 0);
  }
  /* Nothing was written to make them. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line"), 1);
}

static void
test_lines_equal_contributions (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetRevenue) revenue = NULL;
  static const SpMemberKind kinds[] = { SP_MEMBER_KIND_STATE, SP_MEMBER_KIND_REGION, SP_MEMBER_KIND_MUNICIPALITY };
  static const guint accounts[] = { 3510, 3520, 3530 };

  /* Frames that do not divide evenly, one with öre. */
  set_frames (f, KR (2400001), KR (2499999) + 37, KR (2600003));
  revenue = sp_budget_revenue_new (f->db, YEAR, &error);
  assert_null (error);
  assert_true (revenue->derived);
  assert_int_equal (revenue->lines->len, 3);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      const SpBudgetRevenueLine *line = find_line (revenue, kinds[k]);

      assert_non_null (line);
      assert_int_equal (line->account, accounts[k]);
      for (guint c = 0; c < SP_PLAN_YEARS; c++)
        assert_int_equal (line->amounts[c], contributions_of (f, kinds[k], c));
      assert_false (SP_BUDGET_IS_SET (line->amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL]));
    }
  /* One payer of a kind is named; the municipalities are three. */
  assert_string_equal (find_line (revenue, SP_MEMBER_KIND_STATE)->text, "Försäkringskassan");
  assert_string_equal (find_line (revenue, SP_MEMBER_KIND_MUNICIPALITY)->text, "The municipalities");
  for (guint c = 0; c < SP_PLAN_YEARS; c++)
    {
      g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (f->db, YEAR, NULL);
      assert_int_equal (revenue->revenue[c], sp_plan_year_get_frame (plan_year, c));
    }
}

static void
test_mapping_moves_lines (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetRevenue) revenue = NULL;
  g_autoptr(SpBudgetRevenue) again = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  SpHistory *history = sp_database_get_history (f->db);

  set_frames (f, KR (2400000), KR (2400000), KR (2400000));
  assert_int_equal (sp_association_get_revenue_account (f->db, SP_MEMBER_KIND_REGION), 3520);

  assert_true (sp_association_set_revenue_account (f->db, SP_MEMBER_KIND_REGION, 3590, &error));
  assert_null (error);
  assert_int_equal (sp_test_query_int (f->db, "SELECT revenue_account_region FROM association"), 3590);
  revenue = sp_budget_revenue_new (f->db, YEAR, &error);
  assert_int_equal (find_line (revenue, SP_MEMBER_KIND_REGION)->account, 3590);
  assert_string_equal (find_line (revenue, SP_MEMBER_KIND_REGION)->account_name, "Övriga bidrag");
  assert_int_equal (find_line (revenue, SP_MEMBER_KIND_STATE)->account, 3510);
  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_int_equal (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET], KR (2400000));

  /* A cost account or one the chart has not are refused, and change nothing. */
  assert_false (sp_association_set_revenue_account (f->db, SP_MEMBER_KIND_STATE, 4010, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_non_null (strstr (error->message, "4010"));
  g_clear_error (&error);
  assert_false (sp_association_set_revenue_account (f->db, SP_MEMBER_KIND_STATE, 3999, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_int_equal (sp_association_get_revenue_account (f->db, SP_MEMBER_KIND_STATE), 3510);

  /* The account of the contributions cannot be deleted from the chart. */
  assert_false (sp_account_delete (f->db, 3590, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_IN_USE));
  g_clear_error (&error);

  /* One undo puts it back. */
  assert_true (sp_history_undo (history, &error));
  assert_null (error);
  assert_int_equal (sp_association_get_revenue_account (f->db, SP_MEMBER_KIND_REGION), 3520);
  again = sp_budget_revenue_new (f->db, YEAR, &error);
  assert_int_equal (find_line (again, SP_MEMBER_KIND_REGION)->account, 3520);
}

static void
test_typed_lines_do_not_double (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) typed = NULL;
  g_autoptr(SpBudgetTotals) derived = NULL;
  g_autoptr(SpBudgetRevenue) revenue = NULL;
  gint64 ids[3];

  set_frames (f, KR (2400000), KR (2400000), KR (2400000));
  add_line (f, 5110, "Kansli", KR (2400000), KR (2400000), KR (2400000));
  /* The old way: the contributions typed again as revenue. */
  ids[0] = add_line (f, 3510, "Försäkringskassan", KR (1200000), KR (1200000), KR (1200000));
  ids[1] = add_line (f, 3520, "Regionen", KR (600000), KR (600000), KR (600000));
  ids[2] = add_line (f, 3530, "Kommunerna", KR (600000), KR (600000), KR (600000));

  typed = sp_budget_totals_new (f->db, YEAR, &error);
  assert_null (error);
  assert_false (typed->revenue_derived);
  revenue = sp_budget_revenue_new (f->db, YEAR, &error);
  assert_false (revenue->derived);
  assert_int_equal (revenue->lines->len, 0);
  for (SpBudgetColumn c = SP_BUDGET_COLUMN_BUDGET; c <= SP_BUDGET_COLUMN_PLAN2; c++)
    {
      assert_int_equal (typed->total.revenue[c], KR (2400000));
      assert_false (SP_BUDGET_IS_SET (typed->derived_revenue[c]));
      assert_true (sp_budget_totals_is_balanced (typed, c));
    }

  /* Deleting the typed lines lets the year follow the frame: the same sums. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_true (sp_budget_line_delete (f->db, ids[i], &error));
  derived = sp_budget_totals_new (f->db, YEAR, &error);
  assert_true (derived->revenue_derived);
  for (SpBudgetColumn c = SP_BUDGET_COLUMN_BUDGET; c <= SP_BUDGET_COLUMN_PLAN2; c++)
    assert_int_equal (derived->total.revenue[c], typed->total.revenue[c]);
}

static void
test_example_does_not_double (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpDatabase) db = sp_test_example_new (dir, "example.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (db, 2009, &error);

  assert_null (error);
  assert_true (totals->revenue_derived);
  /* No revenue is typed; the frame is the revenue, once. */
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM budget_line b JOIN account a "
                                           "ON a.number = b.account WHERE a.kind = 'revenue'"), 0);
  for (SpBudgetColumn c = SP_BUDGET_COLUMN_BUDGET; c <= SP_BUDGET_COLUMN_PLAN2; c++)
    assert_int_equal (totals->total.revenue[c], KR (4000000));
  assert_true (sp_budget_totals_is_balanced (totals, SP_BUDGET_COLUMN_BUDGET));
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

/* Asserts @part of @sum in @c: empty (%SP_BUDGET_NOT_SET) or @expected. */
static void
assert_part (const SpBudgetSum *sum,
             SpBudgetSumPart    part,
             SpBudgetColumn     c,
             SpMoney            expected)
{
  if (!SP_BUDGET_IS_SET (expected))
    {
      if (sp_budget_sum_is_set (sum, part, c))
        fail_msg ("part %d of column %d is %" G_GINT64_FORMAT ", expected empty", (int) part, (int) c,
                  sp_budget_sum_get (sum, part, c));
      assert_false (SP_BUDGET_IS_SET (sp_budget_sum_get (sum, part, c)));
      return;
    }
  if (!sp_budget_sum_is_set (sum, part, c))
    fail_msg ("part %d of column %d is empty, expected %" G_GINT64_FORMAT, (int) part, (int) c, expected);
  assert_int_equal (sp_budget_sum_get (sum, part, c), expected);
}

/* A hand-made year: revenue and costs each empty where none of their lines
 * (typed or derived) has a figure, however many lines of the other kind
 * have one; the result empty where the revenue is, else revenue − costs. */
static void
test_sums_empty_without_figures (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  const SpBudgetSubtotal *area, *group;
  SpBudgetLineData data;
  const SpMoney N = SP_BUDGET_NOT_SET;

  /* No frame for the last plan year. */
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, KR (2400000), &error));
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 1, KR (2500000), &error));
  assert_null (error);
  /* Costs last year (the year has no plan: no revenue there), this year and
   * plan year 1, none in plan year 2. */
  sp_budget_line_data_init (&data);
  data.area_id = 1;
  data.account = 5110;
  data.amounts[SP_BUDGET_COLUMN_PREVIOUS_BUDGET] = KR (2000000);
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = KR (2300000);
  data.amounts[SP_BUDGET_COLUMN_PLAN1] = KR (2450000);
  assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
  assert_null (error);
  /* Typed revenue beside the contributions, in plan year 2 only: the
   * area's revenue is set there and nowhere else. */
  sp_budget_line_data_init (&data);
  data.area_id = 1;
  data.account = 3590;
  data.amounts[SP_BUDGET_COLUMN_PLAN2] = KR (30000);
  assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
  assert_null (error);

  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_null (error);
  assert_true (totals->revenue_derived);

  /* Last year: costs only. */
  assert_part (&totals->total, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_PREVIOUS_BUDGET, N);
  assert_part (&totals->total, SP_BUDGET_SUM_COSTS, SP_BUDGET_COLUMN_PREVIOUS_BUDGET, KR (2000000));
  assert_part (&totals->total, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_PREVIOUS_BUDGET, N);
  /* Last year's actuals: nothing at all. */
  for (SpBudgetSumPart part = SP_BUDGET_SUM_REVENUE; part <= SP_BUDGET_SUM_RESULT; part++)
    assert_part (&totals->total, part, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL, N);
  /* This year and plan year 1: both, the revenue derived from the frame. */
  assert_part (&totals->total, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_BUDGET, KR (2400000));
  assert_part (&totals->total, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_BUDGET, KR (100000));
  assert_part (&totals->total, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_PLAN1, KR (50000));
  /* Plan year 2: revenue only, typed; the result is the revenue. */
  assert_part (&totals->total, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_PLAN2, KR (30000));
  assert_part (&totals->total, SP_BUDGET_SUM_COSTS, SP_BUDGET_COLUMN_PLAN2, N);
  assert_part (&totals->total, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_PLAN2, KR (30000));

  /* The area and its group have no derived revenue: their revenue is the
   * typed line's, in plan year 2 only, their costs the cost line's. */
  area = sp_budget_totals_find_area (totals, 1);
  group = sp_budget_totals_find_group (totals, 1);
  if (area == NULL || group == NULL)
    abort ();
  for (guint k = 0; k < 2; k++)
    {
      const SpBudgetSum *sum = k == 0 ? &area->sum : &group->sum;

      assert_part (sum, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_PREVIOUS_BUDGET, N);
      assert_part (sum, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_BUDGET, N);
      assert_part (sum, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_PLAN1, N);
      assert_part (sum, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_PLAN2, KR (30000));
      assert_part (sum, SP_BUDGET_SUM_COSTS, SP_BUDGET_COLUMN_BUDGET, KR (2300000));
      assert_part (sum, SP_BUDGET_SUM_COSTS, SP_BUDGET_COLUMN_PLAN2, N);
      assert_part (sum, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_BUDGET, N);
    }
}

/* The example has no plan for 2008: its "Budget 2008" column has costs
 * but no revenue, so neither revenue nor result, in total or in any area. */
static void
test_example_sums_empty_without_plan (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpDatabase) db = sp_test_example_new (dir, "example.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (db, 2009, &error);
  const SpBudgetColumn last = SP_BUDGET_COLUMN_PREVIOUS_BUDGET;

  assert_null (error);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM plan_year WHERE year = 2008"), 0);
  assert_true (sp_budget_sum_is_set (&totals->total, SP_BUDGET_SUM_COSTS, last));
  assert_int_equal (sp_budget_sum_get (&totals->total, SP_BUDGET_SUM_COSTS, last),
                    (SpMoney) sp_test_query_int (db, "SELECT sum(b.previous_budget) FROM budget_line b "
                                                     "JOIN account a ON a.number = b.account "
                                                     "WHERE b.year = 2009 AND a.kind = 'cost'"));
  assert_false (sp_budget_sum_is_set (&totals->total, SP_BUDGET_SUM_REVENUE, last));
  assert_false (sp_budget_sum_is_set (&totals->total, SP_BUDGET_SUM_RESULT, last));
  assert_false (SP_BUDGET_IS_SET (sp_budget_sum_get (&totals->total, SP_BUDGET_SUM_RESULT, last)));
  for (guint i = 0; i < totals->areas->len; i++)
    assert_false (sp_budget_sum_is_set (&g_array_index (totals->areas, SpBudgetSubtotal, i).sum,
                                        SP_BUDGET_SUM_REVENUE, last));
  for (guint i = 0; i < totals->groups->len; i++)
    assert_false (sp_budget_sum_is_set (&g_array_index (totals->groups, SpBudgetSubtotal, i).sum,
                                        SP_BUDGET_SUM_REVENUE, last));
  /* The budget year has both. */
  assert_int_equal (sp_budget_sum_get (&totals->total, SP_BUDGET_SUM_REVENUE, SP_BUDGET_COLUMN_BUDGET),
                    KR (4000000));
  assert_true (sp_budget_sum_is_set (&totals->total, SP_BUDGET_SUM_RESULT, SP_BUDGET_COLUMN_BUDGET));
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

static void
test_migration (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v9.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v9.sql");
  g_autofree char *sql_2010 = sp_test_fixture_path ("v9-revenue.sql");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(SpBudgetTotals) typed = NULL;
  g_autoptr(SpBudgetTotals) derived = NULL;

  assert_true (sp_test_run_sql_file (path, sql));
  assert_true (sp_test_run_sql_file (path, sql_2010));
  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_int_equal (sp_association_get_revenue_account (db, SP_MEMBER_KIND_STATE), 3510);
  assert_int_equal (sp_association_get_revenue_account (db, SP_MEMBER_KIND_REGION), 3520);
  assert_int_equal (sp_association_get_revenue_account (db, SP_MEMBER_KIND_MUNICIPALITY), 3530);

  /* 2009 types its contributions: kept, counted once, as before. */
  typed = sp_budget_totals_new (db, 2009, &error);
  assert_null (error);
  assert_false (typed->revenue_derived);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM budget_line WHERE year = 2009"), 14);
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    assert_int_equal (typed->total.revenue[c], KR (4000000));

  /* 2010 typed none: its revenue follows its frame. */
  derived = sp_budget_totals_new (db, 2010, &error);
  assert_null (error);
  assert_true (derived->revenue_derived);
  assert_int_equal (derived->total.revenue[SP_BUDGET_COLUMN_BUDGET], KR (4100000));
  assert_int_equal (derived->total.revenue[SP_BUDGET_COLUMN_PLAN1], KR (4200000));
  assert_false (SP_BUDGET_IS_SET (derived->derived_revenue[SP_BUDGET_COLUMN_PLAN2]));
  /* Last year's budget column is not derived from a year that types its own. */
  assert_false (SP_BUDGET_IS_SET (derived->derived_revenue[SP_BUDGET_COLUMN_PREVIOUS_BUDGET]));
  assert_true (sp_budget_totals_is_balanced (derived, SP_BUDGET_COLUMN_BUDGET));
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_new_file_balances, setup, teardown),
    cmocka_unit_test_setup_teardown (test_lines_equal_contributions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_mapping_moves_lines, setup, teardown),
    cmocka_unit_test_setup_teardown (test_typed_lines_do_not_double, setup, teardown),
    cmocka_unit_test (test_example_does_not_double),
    cmocka_unit_test (test_migration),
    cmocka_unit_test_setup_teardown (test_sums_empty_without_figures, setup, teardown),
    cmocka_unit_test (test_example_sums_empty_without_plan),
  };

  return cmocka_run_group_tests_name ("budget-revenue", tests, NULL, NULL);
}
