/* test-invoicing.c: members' contributions in instalments, and the invoicing settings
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

#include "sp-error.h"
#include "sp-history.h"
#include "sp-invoicing.h"
#include "sp-test-util.h"

#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)

typedef struct {
  char       *dir;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "test.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  assert_non_null (f->db);
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

/* Fagersta's 544 843 kr in four: 136 210,75 each; floors 544 840, the three
 * kronor left to the first three: 136 211, 136 211, 136 211, 136 210. In two:
 * 272 421,50; floors 544 842, the krona to the first: 272 422, 272 421. */
static void
test_split (void **state)
{
  SpMoney parts[SP_INVOICING_MAX_INSTALMENTS];
  const SpMoney quarters[] = { KR (136211), KR (136211), KR (136211), KR (136210) };
  const guint counts[] = { 1, 2, 4 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (544843);

  assert_true (sp_invoicing_split (KR (544843), 4, parts, NULL));
  for (guint i = 0; i < 4; i++)
    assert_true (parts[i] == quarters[i]);
  assert_true (sp_invoicing_split (KR (544843), 2, parts, NULL));
  assert_true (parts[0] == KR (272422) && parts[1] == KR (272421));
  assert_true (sp_invoicing_split (KR (544843), 1, parts, NULL));
  assert_true (parts[0] == KR (544843));
  assert_true (sp_invoicing_split (0, 4, parts, NULL));
  for (guint i = 0; i < 4; i++)
    assert_true (parts[i] == 0);

  /* Any contribution, any plan: whole kronor that make the contribution,
   * none more than a krona from another, larger ones first. */
  for (int round = 0; round < 2000; round++)
    {
      SpMoney contribution = KR (g_rand_int_range (rand, 0, 100000000));
      guint n = counts[round % 3];
      SpMoney sum = 0;

      assert_true (sp_invoicing_split (contribution, n, parts, NULL));
      for (guint i = 0; i < n; i++)
        {
          assert_true (parts[i] % SP_MONEY_ORE_PER_KR == 0);
          assert_true (parts[i] - parts[n - 1] <= KR (1) && parts[i] >= parts[n - 1]);
          sum += parts[i];
        }
      assert_true (sum == contribution);
    }
}

static void
test_settings (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpInvoicing) invoicing = sp_invoicing_load (f->db, &error);
  g_autoptr(SpInvoicing) back = NULL;
  g_autofree char *before = NULL;
  g_autofree char *due = NULL;

  /* A new förbund: yearly, due 31 January. */
  assert_non_null (invoicing);
  assert_int_equal (invoicing->n_instalments, 1);
  assert_string_equal (invoicing->due_dates[0], "01-31");
  due = sp_invoicing_dup_due_date (invoicing, 0, 2009);
  assert_string_equal (due, "2009-01-31");

  invoicing->n_instalments = 4;
  for (guint i = 0; i < 4; i++)
    {
      g_free (invoicing->due_dates[i]);
      invoicing->due_dates[i] = g_strdup (sp_invoicing_default_due_date (4, i));
    }
  g_free (invoicing->due_dates[2]);
  invoicing->due_dates[2] = g_strdup ("8-15");
  g_free (invoicing->payment);
  invoicing->payment = g_strdup (" Bankgiro 5050-1055 ");
  g_free (invoicing->contact);
  invoicing->contact = g_strdup ("Åke Johansson, 0612-123 45");
  assert_true (sp_invoicing_update (f->db, invoicing, &error));
  back = sp_invoicing_load (f->db, &error);
  assert_int_equal (back->n_instalments, 4);
  assert_string_equal (back->due_dates[1], "04-30");
  assert_string_equal (back->due_dates[2], "08-15");
  assert_string_equal (back->payment, "Bankgiro 5050-1055");
  assert_string_equal (back->contact, "Åke Johansson, 0612-123 45");
  g_clear_pointer (&back, sp_invoicing_free);

  /* Refused, changing nothing: 30 February, dates out of order, three instalments. */
  before = sp_test_dump_database (f->db);
  g_free (invoicing->due_dates[1]);
  invoicing->due_dates[1] = g_strdup ("02-30");
  assert_false (sp_invoicing_update (f->db, invoicing, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  g_free (invoicing->due_dates[1]);
  invoicing->due_dates[1] = g_strdup ("12-01");
  assert_false (sp_invoicing_update (f->db, invoicing, &error));
  g_clear_error (&error);
  invoicing->n_instalments = 3;
  assert_false (sp_invoicing_update (f->db, invoicing, &error));
  g_clear_error (&error);
  {
    g_autofree char *after = sp_test_dump_database (f->db);
    assert_string_equal (before, after);
  }

  /* One undoable edit. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  back = sp_invoicing_load (f->db, &error);
  assert_int_equal (back->n_instalments, 1);
  assert_string_equal (back->payment, "");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_split),
    cmocka_unit_test_setup_teardown (test_settings, setup, teardown),
  };

  setlocale (LC_ALL, "sv_SE.UTF-8");
  return cmocka_run_group_tests_name ("invoicing", tests, NULL, NULL);
}
