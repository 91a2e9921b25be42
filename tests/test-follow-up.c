/* test-follow-up.c: the year followed up: periods, spreads, actuals, forecasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan, its lines and the ledger's monthly actuals are written here with
 * plain SQL; the expected figures are worked out in the test from the same
 * numbers, never copied from the module.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-follow-up.h"
#include "sp-history.h"
#include "sp-test-util.h"

#define YEAR 2010
#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)

/* Administration (Kansli 22, Styrelse 21), Projekt (Kuggen 11). Lines:
 *  101 Kansli 5110 löner 120 000 kr, evenly
 *  102 Kansli 6100 lokaler 36 000 kr, evenly
 *  103 Kansli 4010 köp 60 000 kr, January and June only
 *  104 Kuggen 4010 köp 240 000 kr, evenly
 *  105 Styrelse 5010 arvoden 1 kr (100 öre), evenly: rounding
 *  106 Kansli 3510 bidrag 456 000 kr, evenly (revenue) */
static const char plan_sql[] =
  "INSERT INTO plan_year (year, equity_used) VALUES (2010, 0);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2010, 1, 'Administration'), (2, 2010, 2, 'Projekt');"
  "INSERT INTO area (id, group_id, position, name) VALUES"
  "  (22, 1, 1, 'Kansli'), (21, 1, 2, 'Styrelse'), (11, 2, 1, 'Kuggen');"
  "INSERT INTO budget_line (id, year, area_id, account, position, budget) VALUES"
  "  (101, 2010, 22, 5110, 1, 12000000), (102, 2010, 22, 6100, 2, 3600000),"
  "  (103, 2010, 22, 4010, 3, 6000000), (104, 2010, 11, 4010, 1, 24000000),"
  "  (105, 2010, 21, 5010, 1, 100), (106, 2010, 22, 3510, 4, 45600000);"
  "INSERT INTO budget_line_follow_up (line_id, months) VALUES (103, 33);";

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
  path = g_build_filename (f->dir, "follow-up.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_database_exec (f->db, plan_sql, &error));
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
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_database_exec (f->db, sql, &error));
  g_assert_no_error (error);
}

static SpFollowUp *
follow_up (Fixture *f,
           guint    through)
{
  g_autoptr(GError) error = NULL;
  SpFollowUp *follow_up = sp_follow_up_new (f->db, YEAR, through, &error);

  g_assert_no_error (error);
  g_assert_nonnull (follow_up);
  return follow_up;
}

static const SpFollowUpLine *
line_by_id (SpFollowUp *follow_up,
            gint64      line_id)
{
  guint n = 0;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (follow_up, &n);

  for (guint i = 0; i < n; i++)
    if (lines[i].line_id == line_id)
      return &lines[i];
  fail_msg ("line %" G_GINT64_FORMAT " missing", line_id);
  return NULL;
}

static const SpFollowUpLine *
find_unallocated (SpFollowUp *follow_up,
                  guint       account)
{
  guint n = 0;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (follow_up, &n);

  for (guint i = 0; i < n; i++)
    if (lines[i].line_id == 0 && !lines[i].derived && lines[i].account == account)
      return &lines[i];
  return NULL;
}

static SpFollowUpLine
unallocated (SpFollowUp *follow_up,
             guint       account)
{
  const SpFollowUpLine *line = find_unallocated (follow_up, account);
  SpFollowUpLine none = { 0 };

  if (line == NULL)
    fail_msg ("no unallocated actuals on %u", account);
  return line != NULL ? *line : none;
}

static const SpFollowUpSubtotal *
area_by_id (SpFollowUp *follow_up,
            gint64      area_id)
{
  guint n = 0;
  const SpFollowUpSubtotal *areas = sp_follow_up_get_areas (follow_up, &n);

  for (guint i = 0; i < n; i++)
    if (areas[i].id == area_id)
      return &areas[i];
  fail_msg ("area %" G_GINT64_FORMAT " missing", area_id);
  return NULL;
}

static const char *
undo_label (Fixture *f)
{
  SpHistory *history = sp_database_get_history (f->db);

  return sp_history_can_undo (history) ? sp_history_get_undo_label (history) : "";
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  g_assert_no_error (error);
}

/* The year budget of a line spread evenly falls by twelfths; one with its
 * own months falls in those; the whole year is always the year budget. */
static void
test_period_budget (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpFollowUp) april = follow_up (f, 4);
  g_autoptr(SpFollowUp) may = follow_up (f, 5);
  g_autoptr(SpFollowUp) august = follow_up (f, 8);
  g_autoptr(SpFollowUp) year = follow_up (f, 12);
  SpMoney cents_sum = 0;

  assert_int_equal (line_by_id (april, 101)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (120000) * 4 / 12);
  assert_int_equal (line_by_id (august, 101)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (120000) * 8 / 12);
  assert_int_equal (line_by_id (year, 101)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (120000));
  assert_int_equal (line_by_id (august, 101)->amount[SP_FOLLOW_UP_YEAR_BUDGET], KR (120000));
  assert_int_equal (line_by_id (april, 101)->months, SP_FOLLOW_UP_ALL_MONTHS);

  /* January and June: half by April, all by August. */
  assert_int_equal (line_by_id (april, 103)->months, (1u << 0) | (1u << 5));
  assert_int_equal (line_by_id (april, 103)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (60000) / 2);
  assert_int_equal (line_by_id (may, 103)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (60000) / 2);
  assert_int_equal (line_by_id (august, 103)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (60000));

  /* 100 öre over twelve months: 100 × 4 / 12 = 33.3 → 33; the months add
   * up to the year exactly. */
  assert_int_equal (line_by_id (april, 105)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], 33);
  {
    SpFollowUpMonth months[12];

    sp_follow_up_get_months (year, 21, months);
    for (guint m = 0; m < 12; m++)
      cents_sum += months[m].budget_costs;
    assert_int_equal (cents_sum, 100);
  }

  /* The area and the whole: the sums of their lines. */
  assert_int_equal (area_by_id (april, 22)->sum.costs[SP_FOLLOW_UP_PERIOD_BUDGET],
                    KR (120000) * 4 / 12 + KR (36000) * 4 / 12 + KR (60000) / 2);
  assert_int_equal (area_by_id (april, 22)->sum.revenue[SP_FOLLOW_UP_PERIOD_BUDGET], KR (456000) * 4 / 12);
  assert_int_equal (sp_follow_up_get_total (year)->costs[SP_FOLLOW_UP_YEAR_BUDGET],
                    KR (120000) + KR (36000) + KR (60000) + KR (240000) + 100);
  assert_int_equal (sp_follow_up_get_total (year)->result[SP_FOLLOW_UP_PERIOD_BUDGET],
                    KR (456000) - (KR (120000) + KR (36000) + KR (60000) + KR (240000) + 100));
  assert_int_equal (sp_follow_up_get_last_month (year), 0);
}

/* Monthly actuals with an area go to that area's line; without one to the
 * only line on the account; else they stay unallocated. */
static void
test_actuals_to_date (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) sql = g_string_new (NULL);
  SpMoney expected_april = 0, expected_august = 0;

  for (guint m = 1; m <= 8; m++)
    {
      /* Kansli's salaries, with the area: 9 000 kr + m kr a month. */
      g_string_append_printf (sql, "INSERT INTO actual_month (year, month, account, area_id, amount)"
                                   " VALUES (2010, %u, 5110, 22, %" G_GINT64_FORMAT ");",
                              m, KR (9000 + m));
      if (m <= 4)
        expected_april += KR (9000 + m);
      expected_august += KR (9000 + m);
      /* Rent without an area: the only 6100 line is Kansli's. */
      g_string_append_printf (sql, "INSERT INTO actual_month (year, month, account, amount)"
                                   " VALUES (2010, %u, 6100, 300000);", m);
    }
  /* 4010 without an area: two lines have it, so it is unallocated; with
   * Kuggen's area it is Kuggen's. 7900 has no line. Revenue in March. */
  g_string_append (sql,
                   "INSERT INTO actual_month (year, month, account, amount) VALUES (2010, 2, 4010, 500000);"
                   "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2010, 3, 4010, 11, 7000000);"
                   "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2010, 6, 4010, 11, 1000000);"
                   "INSERT INTO actual_month (year, month, account, amount) VALUES (2010, 7, 7900, 12345);"
                   "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2010, 3, 3510, 22, 22800000);");
  exec (f, sql->str);

  {
    g_autoptr(SpFollowUp) april = follow_up (f, 4);
    g_autoptr(SpFollowUp) august = follow_up (f, 8);
    SpFollowUpMonth months[12];
    SpMoney cumulative = 0;

    assert_int_equal (sp_follow_up_get_last_month (april), 8);
    assert_int_equal (line_by_id (april, 101)->amount[SP_FOLLOW_UP_ACTUAL], expected_april);
    assert_int_equal (line_by_id (august, 101)->amount[SP_FOLLOW_UP_ACTUAL], expected_august);
    assert_int_equal (line_by_id (april, 102)->amount[SP_FOLLOW_UP_ACTUAL], 4 * 300000);
    assert_int_equal (line_by_id (august, 102)->amount[SP_FOLLOW_UP_ACTUAL], 8 * 300000);
    assert_int_equal (line_by_id (april, 104)->amount[SP_FOLLOW_UP_ACTUAL], 7000000);
    assert_int_equal (line_by_id (august, 104)->amount[SP_FOLLOW_UP_ACTUAL], 8000000);
    assert_int_equal (line_by_id (april, 103)->amount[SP_FOLLOW_UP_ACTUAL], 0);
    assert_non_null (find_unallocated (april, 4010));
    assert_int_equal (unallocated (april, 4010).amount[SP_FOLLOW_UP_ACTUAL], 500000);
    assert_int_equal (unallocated (april, 4010).kind, SP_ACCOUNT_KIND_COST);
    assert_null (find_unallocated (april, 5110));
    assert_int_equal (unallocated (april, 7900).amount[SP_FOLLOW_UP_ACTUAL], 0);
    assert_int_equal (unallocated (august, 7900).amount[SP_FOLLOW_UP_ACTUAL], 12345);
    assert_int_equal (line_by_id (april, 106)->amount[SP_FOLLOW_UP_ACTUAL], 22800000);

    /* Areas: Kansli's costs to August; the whole: every actual. */
    assert_int_equal (area_by_id (august, 22)->sum.costs[SP_FOLLOW_UP_ACTUAL], expected_august + 8 * 300000);
    assert_int_equal (area_by_id (august, 22)->sum.revenue[SP_FOLLOW_UP_ACTUAL], 22800000);
    assert_int_equal (sp_follow_up_get_total (august)->costs[SP_FOLLOW_UP_ACTUAL],
                      expected_august + 8 * 300000 + 500000 + 8000000 + 12345);
    assert_int_equal (sp_follow_up_get_total (august)->result[SP_FOLLOW_UP_ACTUAL],
                      22800000 - (expected_august + 8 * 300000 + 500000 + 8000000 + 12345));

    /* Month by month for Kansli: the actuals of each month. */
    sp_follow_up_get_months (april, 22, months);
    for (guint m = 1; m <= 8; m++)
      {
        assert_true (months[m - 1].has_actual);
        assert_int_equal (months[m - 1].actual_costs, KR (9000 + m) + 300000);
        cumulative += months[m - 1].actual_costs;
      }
    assert_false (months[8].has_actual);
    assert_int_equal (cumulative, expected_august + 8 * 300000);
    assert_int_equal (months[2].actual_revenue, 22800000);

    /* Deviations: favourable positive. */
    assert_int_equal (sp_follow_up_deviation (SP_ACCOUNT_KIND_COST, KR (100), KR (120)), -KR (20));
    assert_int_equal (sp_follow_up_deviation (SP_ACCOUNT_KIND_REVENUE, KR (100), KR (120)), KR (20));
  }
}

/* The follow-up carries what its rows are called, so that a page or a
 * document needs nothing else; and, asked for the last month, it comes to
 * the last month the ledger has given, in one load. */
static void
test_names_and_last_month (void **state)
{
  Fixture *f = *state;
  g_autofree char *salaries = sp_test_query_text (f->db, "SELECT name FROM account WHERE number = 5110");
  g_autofree char *other = sp_test_query_text (f->db, "SELECT name FROM account WHERE number = 7900");

  exec (f, "UPDATE budget_line SET text = 'Löner kansliet' WHERE id = 101;"
           "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2010, 5, 5110, 22, 100);"
           "INSERT INTO actual_month (year, month, account, amount) VALUES (2010, 3, 7900, 100);");
  {
    g_autoptr(SpFollowUp) last = follow_up (f, SP_FOLLOW_UP_LAST_MONTH);
    g_autoptr(SpFollowUp) march = follow_up (f, 3);
    g_autoptr(SpFollowUp) empty = NULL;
    const SpFollowUpSubtotal *groups;
    guint n_groups = 0;

    assert_true (*salaries != '\0' && *other != '\0');
    assert_int_equal (sp_follow_up_get_through_month (last), 5);
    assert_int_equal (sp_follow_up_get_through_month (march), 3);
    assert_int_equal (line_by_id (last, 101)->amount[SP_FOLLOW_UP_ACTUAL], 100);
    assert_int_equal (line_by_id (march, 101)->amount[SP_FOLLOW_UP_ACTUAL], 0);
    assert_string_equal (line_by_id (last, 101)->text, "Löner kansliet");
    assert_string_equal (line_by_id (last, 101)->account_name, salaries);
    assert_string_equal (line_by_id (last, 102)->text, "");
    assert_string_equal (unallocated (last, 7900).text, other);
    assert_string_equal (unallocated (last, 7900).account_name, other);
    assert_string_equal (area_by_id (last, 22)->name, "Kansli");
    assert_string_equal (area_by_id (last, 11)->name, "Kuggen");
    groups = sp_follow_up_get_groups (last, &n_groups);
    assert_int_equal (n_groups, 2);
    assert_int_equal (groups[0].id, 1);
    assert_string_equal (groups[0].name, "Administration");
    assert_string_equal (groups[1].name, "Projekt");

    /* Without actuals, or with December's: the year. */
    exec (f, "DELETE FROM actual_month;");
    empty = follow_up (f, SP_FOLLOW_UP_LAST_MONTH);
    assert_int_equal (sp_follow_up_get_through_month (empty), 12);
    g_clear_object (&empty);
    exec (f, "INSERT INTO actual_month (year, month, account, area_id, amount) VALUES (2010, 12, 5110, 22, 100);");
    empty = follow_up (f, SP_FOLLOW_UP_LAST_MONTH);
    assert_int_equal (sp_follow_up_get_through_month (empty), 12);
    assert_int_equal (line_by_id (empty, 101)->amount[SP_FOLLOW_UP_ACTUAL], 100);
  }
}

/* A file without periods gave the whole year only. */
static void
test_whole_year_only (void **state)
{
  Fixture *f = *state;

  exec (f, "INSERT INTO actual (year, account, amount) VALUES (2010, 5110, 11000000), (2010, 7900, 5000);");
  {
    g_autoptr(SpFollowUp) august = follow_up (f, 8);
    g_autoptr(SpFollowUp) year = follow_up (f, 12);

    assert_int_equal (sp_follow_up_get_last_month (august), 12);
    assert_int_equal (line_by_id (august, 101)->amount[SP_FOLLOW_UP_ACTUAL], 0);
    assert_int_equal (line_by_id (year, 101)->amount[SP_FOLLOW_UP_ACTUAL], 11000000);
    assert_int_equal (unallocated (year, 7900).amount[SP_FOLLOW_UP_ACTUAL], 5000);
  }
}

/* A forecast is one undoable edit, also on an adopted year; clearing it
 * gives the budget again and leaves no row. */
static void
test_forecast (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpMoney forecast = KR (130000);

  exec (f, "UPDATE plan_year SET status = 'adopted' WHERE year = 2010;");
  {
    g_autoptr(SpFollowUp) before = follow_up (f, 4);

    assert_false (line_by_id (before, 101)->forecast_typed);
    assert_int_equal (line_by_id (before, 101)->amount[SP_FOLLOW_UP_FORECAST], KR (120000));
  }
  assert_true (sp_follow_up_set_forecast (f->db, 101, &forecast, &error));
  g_assert_no_error (error);
  assert_int_equal (sp_test_query_int (f->db, "SELECT forecast FROM budget_line_follow_up WHERE line_id = 101"),
                    KR (130000));
  assert_string_equal (undo_label (f), "Change forecast");
  {
    g_autoptr(SpFollowUp) after = follow_up (f, 4);

    assert_true (line_by_id (after, 101)->forecast_typed);
    assert_int_equal (line_by_id (after, 101)->amount[SP_FOLLOW_UP_FORECAST], KR (130000));
    assert_int_equal (sp_follow_up_get_total (after)->costs[SP_FOLLOW_UP_FORECAST],
                      KR (130000) + KR (36000) + KR (60000) + KR (240000) + 100);
  }
  undo (f);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count (*) FROM budget_line_follow_up WHERE line_id = 101"), 0);

  assert_true (sp_follow_up_set_forecast (f->db, 103, &forecast, &error));
  assert_true (sp_follow_up_set_forecast (f->db, 103, NULL, &error));
  g_assert_no_error (error);
  /* Line 103 keeps its months, so its row stays, without a forecast. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT forecast FROM budget_line_follow_up WHERE line_id = 103"),
                    G_MININT64);
  assert_int_equal (sp_test_query_int (f->db, "SELECT months FROM budget_line_follow_up WHERE line_id = 103"), 33);

  forecast = SP_MONEY_MAX + 1;
  assert_false (sp_follow_up_set_forecast (f->db, 101, &forecast, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  g_clear_error (&error);
  forecast = 1;
  assert_false (sp_follow_up_set_forecast (f->db, 999, &forecast, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
}

static void
test_months (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;

  /* No month, or a thirteenth: refused, nothing changed. */
  assert_false (sp_follow_up_set_months (f->db, 101, 0, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  assert_string_equal (sp_error_get_field (error), "months");
  g_clear_error (&error);
  assert_false (sp_follow_up_set_months (f->db, 101, 1u << 12, &error));
  g_clear_error (&error);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* Only December: nothing by August, all in the year. */
  assert_true (sp_follow_up_set_months (f->db, 101, 1u << 11, &error));
  g_assert_no_error (error);
  assert_string_equal (undo_label (f), "Change the months of a budget line");
  {
    g_autoptr(SpFollowUp) august = follow_up (f, 8);
    g_autoptr(SpFollowUp) year = follow_up (f, 12);

    assert_int_equal (line_by_id (august, 101)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], 0);
    assert_int_equal (line_by_id (year, 101)->amount[SP_FOLLOW_UP_PERIOD_BUDGET], KR (120000));
  }
  /* Back to evenly: the row goes. */
  assert_true (sp_follow_up_set_months (f->db, 103, SP_FOLLOW_UP_ALL_MONTHS, &error));
  assert_int_equal (sp_test_query_int (f->db, "SELECT count (*) FROM budget_line_follow_up WHERE line_id = 103"), 0);
  undo (f);
  assert_int_equal (sp_test_query_int (f->db, "SELECT months FROM budget_line_follow_up WHERE line_id = 103"), 33);
}

static void
test_comments (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;

  exec (f, "UPDATE plan_year SET status = 'adopted' WHERE year = 2010;");
  assert_true (sp_follow_up_set_comment (f->db, YEAR, "Lönerna högre än planerat.", &error));
  assert_true (sp_follow_up_set_area_comment (f->db, 22, "Ny hyra från maj.", &error));
  g_assert_no_error (error);
  {
    g_autoptr(SpFollowUp) april = follow_up (f, 4);

    assert_string_equal (sp_follow_up_get_comment (april), "Lönerna högre än planerat.");
    assert_string_equal (sp_follow_up_get_area_comment (april, 22), "Ny hyra från maj.");
    assert_string_equal (sp_follow_up_get_area_comment (april, 21), "");
  }
  assert_true (sp_follow_up_set_area_comment (f->db, 22, "", &error));
  assert_int_equal (sp_test_query_int (f->db, "SELECT count (*) FROM area_follow_up"), 0);
  undo (f);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count (*) FROM area_follow_up"), 1);

  assert_false (sp_follow_up_set_comment (f->db, 2031, "x", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_false (sp_follow_up_set_area_comment (f->db, 999, "x", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_null (sp_follow_up_new (f->db, 2031, 4, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
}

/* The example förbund's revenue is its members' contributions, derived
 * from the frame of 4 000 000 kr: half from the state, a quarter each from
 * the region and the municipalities. They head the lines, and take the
 * actuals of their accounts. */
static void
test_derived_contributions (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(SpDatabase) db = sp_test_example_new (dir, "exempel.samplan", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpFollowUp) april = NULL;
  const SpFollowUpLine *lines;
  const SpFollowUpSubtotal *groups;
  guint n = 0, n_groups = 0;
  static const struct { guint account; SpMoney year; const char *kind; const char *payers; } expected[] = {
    { 3510, KR (2000000), "state", "The state" },
    { 3520, KR (1000000), "region", "The regions" },
    { 3530, KR (1000000), "municipality", "The municipalities" },
  };

  (void) state;
  g_assert_true (sp_database_exec (db,
                                   "INSERT INTO actual_month (year, month, account, amount)"
                                   "  VALUES (2009, 1, 3510, 100000000), (2009, 7, 3510, 100000000),"
                                   "         (2009, 2, 3530, 50000000);",
                                   &error));
  g_assert_no_error (error);
  april = sp_follow_up_new (db, 2009, 4, &error);
  g_assert_no_error (error);
  lines = sp_follow_up_get_lines (april, &n);
  assert_true (n > G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      assert_true (lines[i].derived);
      assert_int_equal (lines[i].line_id, 0);
      assert_int_equal (lines[i].group_id, SP_FOLLOW_UP_CONTRIBUTIONS);
      assert_int_equal (lines[i].account, expected[i].account);
      assert_int_equal (lines[i].kind, SP_ACCOUNT_KIND_REVENUE);
      assert_int_equal (lines[i].amount[SP_FOLLOW_UP_YEAR_BUDGET], expected[i].year);
      /* A third of the year, to the nearest öre. */
      assert_int_equal (lines[i].amount[SP_FOLLOW_UP_PERIOD_BUDGET], (expected[i].year * 4 + 6) / 12);
      assert_int_equal (lines[i].amount[SP_FOLLOW_UP_FORECAST], expected[i].year);
      {
        /* Titled by the payer as the budget is: the one member of the kind
         * that pays its share (the state's Försäkringskassan, not
         * Arbetsförmedlingen), else the kind's members together. */
        g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM member WHERE kind = '%s' AND pays_own_share",
                                                  expected[i].kind);
        g_autofree char *name = g_strdup_printf ("SELECT name FROM member WHERE kind = '%s' AND pays_own_share",
                                                 expected[i].kind);
        g_autofree char *payer = sp_test_query_int (db, count) == 1 ? sp_test_query_text (db, name)
                                                                    : g_strdup (expected[i].payers);
        g_autofree char *account = g_strdup_printf ("SELECT name FROM account WHERE number = %u", expected[i].account);
        g_autofree char *account_name = sp_test_query_text (db, account);

        assert_string_equal (lines[i].text, payer);
        assert_string_equal (lines[i].account_name, account_name);
      }
    }
    assert_string_equal (lines[0].text, "Försäkringskassan");
    assert_string_equal (lines[2].text, "The municipalities");
  /* January's 1 000 000 kr to date, not July's; 500 000 kr from the municipalities. */
  assert_int_equal (lines[0].amount[SP_FOLLOW_UP_ACTUAL], KR (1000000));
  assert_int_equal (lines[2].amount[SP_FOLLOW_UP_ACTUAL], KR (500000));
  assert_null (find_unallocated (april, 3510));
  groups = sp_follow_up_get_groups (april, &n_groups);
  assert_true (n_groups > 0);
  assert_int_equal (groups[0].id, SP_FOLLOW_UP_CONTRIBUTIONS);
  assert_int_equal (groups[0].sum.revenue[SP_FOLLOW_UP_YEAR_BUDGET], KR (4000000));
  assert_int_equal (groups[0].sum.revenue[SP_FOLLOW_UP_ACTUAL], KR (1500000));
  assert_int_equal (sp_follow_up_get_total (april)->revenue[SP_FOLLOW_UP_YEAR_BUDGET], KR (4000000));
  g_clear_object (&april);
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_period_budget, setup, teardown),
    cmocka_unit_test_setup_teardown (test_actuals_to_date, setup, teardown),
    cmocka_unit_test_setup_teardown (test_names_and_last_month, setup, teardown),
    cmocka_unit_test_setup_teardown (test_whole_year_only, setup, teardown),
    cmocka_unit_test_setup_teardown (test_forecast, setup, teardown),
    cmocka_unit_test_setup_teardown (test_months, setup, teardown),
    cmocka_unit_test_setup_teardown (test_comments, setup, teardown),
    cmocka_unit_test (test_derived_contributions),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
