/* test-project-payout.c: what projects were paid to date against their grants
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-project-payout.h"
#include "sp-test-util.h"

#define YEAR 2009
#define COST 4010
#define OTHER_COST 7690
#define REVENUE 3990

typedef struct {
  char       *dir;
  SpDatabase *db;
} Fixture;

/* The ledger's rows, written to actual_month and summed again here. */
typedef struct {
  int    year;
  guint  month;
  guint  account;
  gint64 project_id;   /* 0: none */
  gint64 amount;       /* öre, budget sign */
} Row;

static const Row rows[] = {
  /* Kuggen: monthly payments, one paid back in March. */
  { YEAR, 1, COST, 1, 4000000 },
  { YEAR, 2, COST, 1, 4000000 },
  { YEAR, 3, COST, 1, 4000000 },
  { YEAR, 3, REVENUE, 1, 550050 },
  { YEAR, 5, OTHER_COST, 1, 1234567 },
  { YEAR, 8, COST, 1, 4000000 },
  { YEAR, 12, COST, 1, 4000000 },
  /* Skolkuggen: more than its grant by June. */
  { YEAR, 2, COST, 2, 5000000 },
  { YEAR, 4, COST, 2, 4000000 },
  { YEAR, 6, COST, 2, 3000000 },
  { YEAR, 6, COST, 2, 1 },
  /* Utan bidrag: paid without a grant. */
  { YEAR, 9, COST, 3, 250000 },
  /* Senare: only the next year. */
  { YEAR + 1, 1, COST, 5, 9900000 },
  /* Kuggen the next year, and costs of no project: not counted. */
  { YEAR + 1, 2, COST, 1, 7700000 },
  { YEAR, 3, COST, 0, 12345600 },
  { YEAR, 3, REVENUE, 0, 1000000 },
};

typedef struct {
  gint64 project_id;
  gint64 granted;
} Grant;

static const Grant grants[] = {
  { 1, 50000000 },
  { 2, 10000000 },
  { 4, 2000000 },
};

/* The order of the project list: start date, those without last, then name. */
static const gint64 expected_order[] = { 1, 4, 2, 3 };

static void
setup_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  sp_database_set_recording (f->db, FALSE);
  assert_true (sp_database_edit_begin (f->db, &error));
  if (!sp_database_exec (f->db, sql, &error))
    g_error ("%s: %s", sql, error->message);
  assert_true (sp_database_edit_commit (f->db, "setup", &error));
  sp_database_set_recording (f->db, TRUE);
  assert_null (error);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "payout.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_string_append (sql,
                   "INSERT OR IGNORE INTO account (number, name, kind) VALUES "
                   "(4010, 'Projektbidrag', 'cost'), (7690, 'Övriga kostnader', 'cost'), "
                   "(3990, 'Återbetalda bidrag', 'revenue');"
                   "INSERT INTO project (id, name, start_date) VALUES "
                   "(1, 'Kuggen', '2008-01-01'), (2, 'Skolkuggen', '2009-03-01'), "
                   "(3, 'Utan bidrag', NULL), (4, 'Bara bidrag', '2009-01-01'), "
                   "(5, 'Senare', '2010-01-01'), (6, 'Nästa år', '2007-01-01');"
                   "INSERT INTO project_grant (project_id, year, amount) VALUES (6, 2010, 100000);");
  for (guint i = 0; i < G_N_ELEMENTS (grants); i++)
    g_string_append_printf (sql, "INSERT INTO project_grant (project_id, year, amount) "
                            "VALUES (%" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ");",
                            grants[i].project_id, YEAR, grants[i].granted);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *project = rows[i].project_id != 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, rows[i].project_id) : g_strdup ("NULL");

      g_string_append_printf (sql, "INSERT INTO actual_month (year, month, account, project_id, amount) "
                              "VALUES (%d, %u, %u, %s, %" G_GINT64_FORMAT ");",
                              rows[i].year, rows[i].month, rows[i].account, project, rows[i].amount);
    }
  setup_sql (f, sql->str);
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

/* The independent sum: costs minus revenue of the project's rows of YEAR
 * through @month, from the table above. */
static gint64
expected_paid (gint64 project_id,
               guint  month)
{
  gint64 paid = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].year == YEAR && rows[i].project_id == project_id && rows[i].month <= month)
      paid += rows[i].account == REVENUE ? -rows[i].amount : rows[i].amount;
  return paid;
}

static gint64
expected_granted (gint64 project_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (grants); i++)
    if (grants[i].project_id == project_id)
      return grants[i].granted;
  return 0;
}

static void
test_payouts (void **state)
{
  Fixture *f = *state;
  static const guint months[] = { 1, 2, 4, 6, 8, 9, 12 };

  for (guint m = 0; m < G_N_ELEMENTS (months); m++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) payouts = sp_project_payouts_get (f->db, YEAR, months[m], &error);
      guint n = 0;

      assert_null (error);
      assert_non_null (payouts);
      /* A project with a grant is listed before its first payout; one with
       * only a payout from its first. */
      for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
        {
          gint64 id = expected_order[i];
          const SpProjectPayout *payout;

          if (expected_granted (id) == 0 && expected_paid (id, months[m]) == 0)
            continue;
          assert_true (n < payouts->len);
          payout = &g_array_index (payouts, SpProjectPayout, n++);
          assert_int_equal (payout->project_id, id);
          assert_int_equal (payout->granted, expected_granted (id));
          assert_int_equal (payout->paid, expected_paid (id, months[m]));
          assert_int_equal (sp_project_payout_is_over (payout),
                            expected_paid (id, months[m]) > expected_granted (id));
        }
      assert_int_equal (payouts->len, n);
    }
}

static void
test_figures (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) april = sp_project_payouts_get (f->db, YEAR, 4, &error);
  g_autoptr(GArray) june = sp_project_payouts_get (f->db, YEAR, 6, &error);
  g_autoptr(GArray) year = sp_project_payouts_get (f->db, YEAR, 12, &error);
  const SpProjectPayout *p;

  /* The same figures by hand, for a reader. */
  assert_int_equal (april->len, 3);
  p = &g_array_index (april, SpProjectPayout, 0);
  assert_int_equal (p->project_id, 1);
  assert_int_equal (p->paid, 12000000 - 550050);
  assert_false (sp_project_payout_is_over (p));
  p = &g_array_index (april, SpProjectPayout, 2);
  assert_int_equal (p->project_id, 2);
  assert_int_equal (p->paid, 9000000);
  assert_false (sp_project_payout_is_over (p));

  /* Skolkuggen is over its grant by June, by one öre. */
  p = &g_array_index (june, SpProjectPayout, 2);
  assert_int_equal (p->project_id, 2);
  assert_int_equal (p->paid, 12000001);
  assert_true (sp_project_payout_is_over (p));

  /* Utan bidrag is paid in September without a grant: over. */
  assert_int_equal (year->len, 4);
  p = &g_array_index (year, SpProjectPayout, 3);
  assert_int_equal (p->project_id, 3);
  assert_int_equal (p->granted, 0);
  assert_int_equal (p->paid, 250000);
  assert_true (sp_project_payout_is_over (p));
  assert_null (error);
}

static void
test_one_project (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectPayout payout;

  assert_true (sp_project_payout_get (f->db, YEAR, 6, 2, &payout, &error));
  assert_int_equal (payout.project_id, 2);
  assert_int_equal (payout.granted, expected_granted (2));
  assert_int_equal (payout.paid, expected_paid (2, 6));
  /* Neither a grant nor a payout this year: zeros. */
  assert_true (sp_project_payout_get (f->db, YEAR, 12, 5, &payout, &error));
  assert_int_equal (payout.project_id, 5);
  assert_int_equal (payout.granted, 0);
  assert_int_equal (payout.paid, 0);
  assert_true (sp_project_payout_get (f->db, YEAR + 1, 12, 5, &payout, &error));
  assert_int_equal (payout.paid, 9900000);
  assert_null (error);

  assert_false (sp_project_payout_get (f->db, YEAR, 12, 99, &payout, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
}

static void
test_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectPayout payout;

  assert_null (sp_project_payouts_get (f->db, YEAR, 0, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (sp_project_payouts_get (f->db, YEAR, 13, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (sp_project_payouts_get (f->db, 1800, 12, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_project_payout_get (f->db, YEAR, 13, 1, &payout, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
}

/* Payouts follow the ledger: a row deleted or a project's rows moved. */
static void
test_follows_rows (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) payouts = NULL;

  setup_sql (f, "DELETE FROM actual_month WHERE project_id = 3;"
                "UPDATE actual_month SET project_id = 4 WHERE project_id = 2 AND month = 2;");
  payouts = sp_project_payouts_get (f->db, YEAR, 12, &error);
  assert_null (error);
  assert_int_equal (payouts->len, 3);
  assert_int_equal (g_array_index (payouts, SpProjectPayout, 1).project_id, 4);
  assert_int_equal (g_array_index (payouts, SpProjectPayout, 1).paid, 5000000);
  assert_true (sp_project_payout_is_over (&g_array_index (payouts, SpProjectPayout, 1)));
  assert_int_equal (g_array_index (payouts, SpProjectPayout, 2).paid, 7000001);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_payouts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_figures, setup, teardown),
    cmocka_unit_test_setup_teardown (test_one_project, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_follows_rows, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
