/* test-budget-checks.c: the treasurer's checks of a year before export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the example förbund (frame 4 000 000 kr, its revenue derived from the
 * frame on 3510/3520/3530: 2 000 000, 1 000 000 and 1 000 000 kr — or, as in
 * files from before derived revenue, typed on lines of those accounts, which
 * type_revenue_lines() makes — projects in "Beviljade projekt" on
 * one line of 2 800 000 kr, equity used 310 000 kr), changed through the
 * core's own edits; every expected figure is worked out here by hand.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "sp-budget-checks.h"
#include "sp-database-private.h"
#include "sp-plan-year.h"
#include "sp-project-grant.h"
#include "sp-test-util.h"

#define YEAR 2009
#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)
/* The example's line "Beviljade projekt och insatser" and its project area. */
#define PROJECT_LINE_TEXT "Beviljade projekt och insatser"
#define PROJECT_AREA 6

typedef struct {
  char       *dir;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = sp_test_make_tmpdir ();
  f->db = sp_test_example_new (f->dir, "example.samplan", NULL);
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

static SpBudgetChecks *
make_checks (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SpBudgetChecks *checks = sp_budget_checks_new (f->db, YEAR, &error);

  if (checks == NULL)
    fail_msg ("checks: %s", error->message);
  return checks;
}

static const SpBudgetCheck *
find (SpBudgetChecks  *checks,
      SpBudgetCheckId  id,
      SpBudgetColumn   column)
{
  const SpBudgetCheck *check = sp_budget_checks_find (checks, id, column);

  if (check == NULL)
    fail_msg ("check %d of column %d not made", id, column);
  return check;
}

/* @text with the locale's no-break spaces (U+202F between the groups of an
 * amount, U+00A0 before "kr") made plain spaces, to compare with. */
static char *
plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\u202f", " ", 0);
  g_string_replace (out, "\u00a0", " ", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_contains(text, part) \
  G_STMT_START { \
    g_autofree char *plain_text_ = plain (text); \
    if (strstr (plain_text_, (part)) == NULL) \
      fail_msg ("“%s” does not contain “%s”", plain_text_, (part)); \
  } G_STMT_END

#define assert_plain_equal(text, expected) \
  G_STMT_START { \
    g_autofree char *plain_text_ = plain (text); \
    assert_string_equal (plain_text_, (expected)); \
  } G_STMT_END

static void
set_line (Fixture        *f,
          const char     *text,
          SpBudgetColumn  column,
          SpMoney         amount)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM budget_line WHERE year = %d AND text = '%s'", YEAR, text);
  gint64 id = sp_test_query_int (f->db, sql);
  g_autoptr(GError) error = NULL;

  assert_true (id > 0);
  if (!sp_budget_line_set_amount (f->db, id, column, amount, &error))
    fail_msg ("set line: %s", error->message);
}

/* Typed revenue lines on the payers' accounts, as files made before the
 * revenue was derived from the frame have them: 2 000 000, 1 000 000 and
 * 1 000 000 kr in every column (the frames are 4 000 000 kr). With them the
 * year's revenue is no longer derived. */
static void
type_revenue_lines (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (!sp_database_exec (f->db,
                         "INSERT INTO area (group_id, position, name)"
                         "  SELECT id, 0, 'Medlemsbidrag' FROM area_group WHERE year = 2009 AND position = 1;"
                         "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2)"
                         "  SELECT 2009, a.id, v.account, v.position, v.text, v.amount, v.amount, v.amount"
                         "  FROM area a, (SELECT 3510 AS account, 1 AS position, 'Bidrag från Försäkringskassan' AS text,"
                         "                       200000000 AS amount"
                         "                UNION ALL SELECT 3520, 2, 'Bidrag från Landstinget Västmanland', 100000000"
                         "                UNION ALL SELECT 3530, 3, 'Bidrag från kommunerna', 100000000) v"
                         "  WHERE a.name = 'Medlemsbidrag';",
                         &error))
    fail_msg ("typed revenue: %s", error->message);
}

/* The example passes every check, for the budget year and both plan years. */
static void
test_example_passes (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpBudgetChecks) checks = make_checks (f);
  g_autofree char *text = NULL;
  const SpBudgetCheck *check;

  assert_int_equal (sp_budget_checks_count_failed (checks), 0);
  /* Six checks in each of three columns. */
  assert_int_equal (checks->checks->len, 18);

  check = find (checks, SP_BUDGET_CHECK_FRAME, SP_BUDGET_COLUMN_BUDGET);
  assert_true (check->passed);
  assert_int_equal (check->year, 2009);
  assert_int_equal (check->expected, KR (4000000));
  assert_int_equal (check->actual, KR (4000000));
  assert_null (check->detail);

  check = find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_BUDGET);
  assert_int_equal (check->account, 3510);
  assert_int_equal (check->expected, KR (2000000));
  assert_int_equal (check->actual, KR (2000000));
  assert_string_equal (check->label, "Statens avgifter mot konto 3510");
  check = find (checks, SP_BUDGET_CHECK_REGION, SP_BUDGET_COLUMN_PLAN1);
  assert_int_equal (check->account, 3520);
  assert_int_equal (check->year, 2010);
  assert_int_equal (check->expected, KR (1000000));
  check = find (checks, SP_BUDGET_CHECK_MUNICIPALITIES, SP_BUDGET_COLUMN_PLAN2);
  assert_int_equal (check->account, 3530);
  assert_int_equal (check->actual, KR (1000000));

  /* Granted 2009: 450 + 300 + 900 + 500 + 350 + 120 + 40 + 140 tkr. */
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET);
  assert_int_equal (check->expected, KR (2800000));
  assert_int_equal (check->actual, KR (2800000));
  /* 2010: 450 + 600 + 50 tkr granted so far, under the line of 2 790 000. */
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_PLAN1);
  assert_true (check->passed);
  assert_int_equal (check->expected, KR (1100000));
  assert_int_equal (check->actual, KR (2790000));
  assert_int_equal (checks->project_areas->len, 1);
  assert_true (sp_budget_checks_is_project_area (checks, PROJECT_AREA));

  check = find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET);
  assert_int_equal (check->actual, 0);

  text = sp_budget_checks_dup_failed_text (checks);
  assert_string_equal (text, "");
}

/* The case: the frame becomes 4 800 000 kr; the contributions follow
 * it, the revenue lines do not. */
static void
test_frame_changed (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpBudgetChecks) checks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) failed = NULL;
  const SpBudgetCheck *check;

  /* Revenue derived from the frame follows it: the payers' checks pass,
   * and the 800 000 kr more revenue is a surplus. */
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, KR (4800000), &error));
  checks = make_checks (f);
  check = find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_BUDGET);
  assert_true (check->passed);
  assert_int_equal (check->actual, KR (2400000));
  check = find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->actual, KR (800000));
  assert_int_equal (sp_budget_checks_count_failed (checks), 1);
  g_clear_pointer (&checks, sp_budget_checks_free);

  /* Typed revenue lines do not follow the frame. */
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, KR (4000000), &error));
  type_revenue_lines (f);
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, KR (4800000), &error));
  checks = make_checks (f);

  check = find (checks, SP_BUDGET_CHECK_FRAME, SP_BUDGET_COLUMN_BUDGET);
  assert_true (check->passed);
  assert_int_equal (check->actual, KR (4800000));

  /* Half, a quarter and a quarter of 4 800 000. */
  check = find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, KR (2400000));
  assert_int_equal (check->actual, KR (2000000));
  assert_contains (check->detail, "2 400 000 kr");
  assert_contains (check->detail, "400 000 kr mindre");
  assert_contains (check->detail, "3510");
  check = find (checks, SP_BUDGET_CHECK_REGION, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, KR (1200000));
  check = find (checks, SP_BUDGET_CHECK_MUNICIPALITIES, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, KR (1200000));
  assert_int_equal (check->actual, KR (1000000));

  /* The result did not change; the plan years are untouched. */
  assert_true (find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET)->passed);
  assert_true (find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_PLAN1)->passed);
  assert_int_equal (sp_budget_checks_count_failed (checks), 3);

  text = sp_budget_checks_dup_failed_text (checks);
  failed = g_strsplit (text, "\n", -1);
  assert_int_equal (g_strv_length (failed), 3);
  assert_contains (text, "2009: staten betalar 2 400 000 kr i medlemsavgift");

  /* Typing the revenue lines to match makes them pass again. */
  set_line (f, "Bidrag från Försäkringskassan", SP_BUDGET_COLUMN_BUDGET, KR (2400000));
  set_line (f, "Bidrag från Landstinget Västmanland", SP_BUDGET_COLUMN_BUDGET, KR (1200000));
  set_line (f, "Bidrag från kommunerna", SP_BUDGET_COLUMN_BUDGET, KR (1200000));
  g_clear_pointer (&checks, sp_budget_checks_free);
  checks = make_checks (f);
  assert_true (find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_BUDGET)->passed);
  /* …but now revenue is 800 000 more than before: a surplus. */
  check = find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->actual, KR (800000));
  assert_contains (check->detail, "800 000 kr");
  assert_int_equal (sp_budget_checks_count_failed (checks), 1);
}

/* No frame: the budget year fails, with no payer checks; a plan year
 * without a frame is not checked at all. */
static void
test_no_frame (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpBudgetChecks) checks = NULL;
  g_autoptr(GError) error = NULL;
  const SpBudgetCheck *check;

  type_revenue_lines (f);
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 0, SP_MONEY_NOT_SET, &error));
  assert_true (sp_plan_year_set_frame (f->db, YEAR, 2, SP_MONEY_NOT_SET, &error));
  checks = make_checks (f);

  check = find (checks, SP_BUDGET_CHECK_FRAME, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, SP_MONEY_NOT_SET);
  assert_int_equal (check->actual, SP_MONEY_NOT_SET);
  assert_string_equal (check->detail, "2009 har ingen budgetram, så medlemmarnas avgifter är inte satta.");
  assert_null (sp_budget_checks_find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_BUDGET));
  assert_non_null (sp_budget_checks_find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET));
  /* Plan 2010 keeps its frame and is checked; 2011 is not. */
  assert_true (find (checks, SP_BUDGET_CHECK_STATE, SP_BUDGET_COLUMN_PLAN1)->passed);
  assert_null (sp_budget_checks_find (checks, SP_BUDGET_CHECK_FRAME, SP_BUDGET_COLUMN_PLAN2));
  assert_null (sp_budget_checks_find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_PLAN2));
  assert_int_equal (checks->checks->len, 3 + 6);
  assert_int_equal (sp_budget_checks_count_failed (checks), 1);
}

/* Grants against the project line: equal in the budget year, at most the
 * line in a plan year. */
static void
test_projects (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpBudgetChecks) checks = NULL;
  g_autoptr(GError) error = NULL;
  const SpBudgetCheck *check;

  /* Friskare Skinnskatteberg gets 400 000 instead of 300 000 in 2009. */
  assert_true (sp_project_set_grant (f->db, 2, YEAR, KR (400000), &error));
  checks = make_checks (f);
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, KR (2900000));
  assert_int_equal (check->actual, KR (2800000));
  assert_plain_equal (check->detail, "2009: 2 900 000 kr är beviljat till projekt, men budgetens projektrad "
                                      "blir 2 800 000 kr, 100 000 kr mindre.");
  assert_true (find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET)->passed);

  /* The line follows, and the budget no longer balances. */
  set_line (f, PROJECT_LINE_TEXT, SP_BUDGET_COLUMN_BUDGET, KR (2900000));
  g_clear_pointer (&checks, sp_budget_checks_free);
  checks = make_checks (f);
  assert_true (find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET)->passed);
  check = find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->actual, -KR (100000));

  /* A line larger than the grants fails in the budget year… */
  set_line (f, PROJECT_LINE_TEXT, SP_BUDGET_COLUMN_BUDGET, KR (3000000));
  g_clear_pointer (&checks, sp_budget_checks_free);
  checks = make_checks (f);
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_contains (check->detail, "100 000 kr mer");

  /* …but in a plan year only grants beyond the line fail: Coacher gets
   * 2 000 000 in 2010, so 450 + 600 + 2 000 tkr = 3 050 000 > 2 790 000. */
  assert_true (find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_PLAN1)->passed);
  assert_true (sp_project_set_grant (f->db, 4, 2010, KR (2000000), &error));
  g_clear_pointer (&checks, sp_budget_checks_free);
  checks = make_checks (f);
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_PLAN1);
  assert_false (check->passed);
  assert_int_equal (check->year, 2010);
  assert_int_equal (check->expected, KR (3050000));
  assert_int_equal (check->actual, KR (2790000));
  assert_contains (check->detail, "260 000 kr mindre");
}

/* A project whose area is another year's counts the year's area of the
 * same lineage; a project without an area is granted but has no line. */
static void
test_project_areas (void **state)
{
  Fixture *f = *state;
  sqlite3 *db = sp_database_get_handle (f->db);
  g_autoptr(SpBudgetChecks) checks = NULL;
  const SpBudgetCheck *check;

  /* The 2009 area becomes the descendant of a 2008 one, and the projects
   * point at that. */
  assert_int_equal (sqlite3_exec (db,
                                  "INSERT INTO plan_year (year) VALUES (2008);"
                                  "INSERT INTO area_group (id, year, position, name) VALUES (50, 2008, 1, 'Projekt');"
                                  "INSERT INTO area (id, group_id, position, name) VALUES (51, 50, 1, 'Projekt 2008');"
                                  "UPDATE area SET lineage = 51 WHERE id = 6;"
                                  "UPDATE project SET area_id = 51;",
                                  NULL, NULL, NULL), SQLITE_OK);
  checks = make_checks (f);
  assert_true (sp_budget_checks_is_project_area (checks, PROJECT_AREA));
  assert_false (sp_budget_checks_is_project_area (checks, 51));
  assert_true (find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET)->passed);

  assert_int_equal (sqlite3_exec (db, "UPDATE project SET area_id = NULL;", NULL, NULL, NULL), SQLITE_OK);
  g_clear_pointer (&checks, sp_budget_checks_free);
  checks = make_checks (f);
  assert_int_equal (checks->project_areas->len, 0);
  check = find (checks, SP_BUDGET_CHECK_PROJECTS, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, KR (2800000));
  assert_int_equal (check->actual, 0);
}

/* Equity used is part of the balance. */
static void
test_balance (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpBudgetChecks) checks = NULL;
  g_autoptr(GError) error = NULL;
  const SpBudgetCheck *check;

  assert_true (sp_plan_year_set_equity_used (f->db, YEAR, SP_MONEY_NOT_SET, &error));
  checks = make_checks (f);
  check = find (checks, SP_BUDGET_CHECK_BALANCE, SP_BUDGET_COLUMN_BUDGET);
  assert_false (check->passed);
  assert_int_equal (check->expected, 0);
  assert_int_equal (check->actual, -KR (310000));
  assert_plain_equal (check->detail, "2009: budgeten går inte ihop: intäkter − kostnader + använt eget kapital "
                                      "blir −310 000 kr.");
  assert_int_equal (sp_budget_checks_count_failed (checks), 1);
}

static void
test_no_plan (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  assert_null (sp_budget_checks_new (f->db, 2030, &error));
  assert_non_null (error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_example_passes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_frame_changed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_frame, setup, teardown),
    cmocka_unit_test_setup_teardown (test_projects, setup, teardown),
    cmocka_unit_test_setup_teardown (test_project_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_balance, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_plan, setup, teardown),
  };

  /* The details are read in Swedish, as the treasurer reads them. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return cmocka_run_group_tests_name ("budget-checks", tests, NULL, NULL);
}
