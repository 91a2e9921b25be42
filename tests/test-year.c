/* test-year.c: plan years, member contributions and the start of the next year
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

#include "sp-contribution.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-test-model.h"
#include "sp-test-util.h"
#include "sp-plan-year.h"

#define KR(x) ((SpMoney) (x) * 100)

typedef struct {
  char       *dir;
  SpDatabase *db;
  gint64      fk, af, region, fagersta, norberg, skinnskatteberg;
} Fixture;

static gint64
add_member (Fixture      *f,
            const char   *name,
            SpMemberKind  kind,
            gboolean      pays,
            gint64        population)
{
  SpMemberData data = { name, kind, pays, population, 0, 0 };
  gint64 id = sp_member_add (f->db, &data, NULL);

  assert_true (id > 0);
  return id;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "år.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (f->db);

  /* Norra Västmanland 2009: six members. */
  f->region = add_member (f, "Landstinget Västmanland", SP_MEMBER_KIND_REGION, TRUE, -1);
  f->fagersta = add_member (f, "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 12000);
  f->norberg = add_member (f, "Norbergs kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5700);
  f->skinnskatteberg = add_member (f, "Skinnskattebergs kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 4400);
  f->fk = add_member (f, "Försäkringskassan", SP_MEMBER_KIND_STATE, TRUE, -1);
  f->af = add_member (f, "Arbetsförmedlingen", SP_MEMBER_KIND_STATE, FALSE, -1);
  assert_true (sp_plan_year_create (f->db, 2009, NULL));
  sp_history_clear (sp_database_get_history (f->db));
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

/* The member's line; fails the test when it is missing. */
static SpContribution *
find (GPtrArray *contributions,
      gint64     member_id)
{
  static SpContribution missing;

  for (guint i = 0; contributions != NULL && i < contributions->len; i++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      if (c->member_id == member_id)
        return c;
    }
  fail_msg ("member %" G_GINT64_FORMAT " is not in the contributions", member_id);
  return &missing;
}

static void
test_create_and_refuse (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanYear) year = NULL;

  year = sp_plan_year_load (f->db, 2009, &error);
  assert_non_null (year);
  assert_int_equal (sp_plan_year_get_year (year), 2009);
  assert_int_equal (sp_plan_year_get_status (year), SP_YEAR_STATUS_DRAFT);
  assert_int_equal (sp_plan_year_get_share_state (year), 5000);
  assert_int_equal (sp_plan_year_get_share_region (year), 2500);
  assert_int_equal (sp_plan_year_get_share_municipalities (year), 2500);
  assert_int_equal (sp_plan_year_get_allocation_key (year), SP_ALLOCATION_KEY_POPULATION);
  assert_true (sp_plan_year_get_frame (year, 0) == SP_MONEY_NOT_SET);
  assert_int_equal (sp_plan_year_get_latest (f->db), 2009);

  assert_false (sp_plan_year_create (f->db, 2009, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE));
  g_clear_error (&error);
  assert_false (sp_plan_year_create (f->db, 1989, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_plan_year_create (f->db, 2101, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
}

static void
test_settings_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;

  assert_false (sp_plan_year_set_frame (f->db, 2009, 0, -1, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_frame (f->db, 2009, 0, SP_MONEY_MAX + 1, &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_frame (f->db, 2009, 3, KR (1), &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_frame (f->db, 2010, 0, KR (1), &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_shares (f->db, 2009, 5000, 2500, 2400, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_non_null (strstr (error->message, "99,00"));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_shares (f->db, 2009, -1, 5000, 5001, &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, 10001, SP_MONEY_NOT_SET, &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, -1, -5, &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_member_key (f->db, 2009, 9999, 100, SP_MONEY_NOT_SET, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_equity_used (f->db, 2009, SP_MONEY_MAX + 1, &error));
  g_clear_error (&error);
  assert_false (sp_plan_year_adopt (f->db, 2009, "2008-02-30", "§ 12", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_plan_year_adopt (f->db, 2009, "21/11/2008", "§ 12", &error));
  g_clear_error (&error);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));
}

static void
test_contributions_by_population (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  SpMoney total = 0;

  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  assert_true (sp_plan_year_set_frame (f->db, 2009, 1, KR (4100000), &error));
  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_null (error);
  assert_int_equal (contributions->len, 6);

  /* State half, all paid by Försäkringskassan; Arbetsförmedlingen listed with 0. */
  assert_true (find (contributions, f->fk)->amount[0] == KR (2000000));
  assert_true (find (contributions, f->af)->amount[0] == 0);
  assert_true (find (contributions, f->region)->amount[0] == KR (1000000));
  /* 1 000 000 kr by 12 000 : 5 700 : 4 400 (of 22 100) is 542 986,43 : 257 918,55 :
   * 199 095,02; the kronor floors add up to 999 999, and the one krona left goes
   * to the largest remainder, Norberg's 0,55. */
  assert_true (find (contributions, f->fagersta)->amount[0] == KR (542986));
  assert_true (find (contributions, f->norberg)->amount[0] == KR (257919));
  assert_true (find (contributions, f->skinnskatteberg)->amount[0] == KR (199095));
  assert_int_equal (find (contributions, f->fagersta)->key_value, 12000);

  for (guint i = 0; i < contributions->len; i++)
    total += ((SpContribution *) g_ptr_array_index (contributions, i))->amount[1];
  assert_true (total == KR (4100000));
  /* The second plan year has no frame: not set, not 0. */
  assert_true (find (contributions, f->fk)->amount[2] == SP_MONEY_NOT_SET);
}

static void
test_contributions_percentage_and_fixed (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;

  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  assert_true (sp_plan_year_set_allocation_key (f->db, 2009, SP_ALLOCATION_KEY_PERCENTAGE, &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, 5000, SP_MONEY_NOT_SET, &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->norberg, 3000, SP_MONEY_NOT_SET, &error));

  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_null (contributions);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_non_null (strstr (error->message, "Skinnskattebergs kommun"));
  g_clear_error (&error);

  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->skinnskatteberg, 1000, SP_MONEY_NOT_SET, &error));
  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_null (contributions);
  assert_non_null (strstr (error->message, "90,00"));
  g_clear_error (&error);

  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->skinnskatteberg, 2000, SP_MONEY_NOT_SET, &error));
  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (contributions);
  assert_true (find (contributions, f->fagersta)->amount[0] == KR (500000));
  assert_true (find (contributions, f->norberg)->amount[0] == KR (300000));
  assert_true (find (contributions, f->skinnskatteberg)->amount[0] == KR (200000));
  g_clear_pointer (&contributions, g_ptr_array_unref);

  assert_true (sp_plan_year_set_allocation_key (f->db, 2009, SP_ALLOCATION_KEY_FIXED, &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, -1, KR (600000), &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->norberg, -1, KR (250000), &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->skinnskatteberg, -1, KR (100000), &error));
  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_null (contributions);
  assert_non_null (strstr (error->message, "950"));
  g_clear_error (&error);
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->skinnskatteberg, -1, KR (150000), &error));
  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (contributions);
  assert_true (find (contributions, f->skinnskatteberg)->amount[0] == KR (150000));
}

/* A kommun that joins in the first plan year and one that leaves after the
 * budget year: each of the three years is split among that year's members,
 * and each year's amounts make its frame.
 *
 * Frames 4 000 000, 4 200 000 and 4 400 000 kr; the municipalities' quarter
 * is 1 000 000, 1 050 000 and 1 100 000 kr. Populations: Fagersta 12 000,
 * Norberg 5 700 (until 2009), Skinnskatteberg 4 400, Köping 25 000 (from 2010).
 *   2009: 1 000 000 × 12 000, 5 700, 4 400 / 22 100 (as test_contributions_by_population)
 *         = 542 986 | 257 919 | 199 095 kr
 *   2010: 1 050 000 × 12 000, 4 400, 25 000 / 41 400
 *         = 304 347,83 | 111 594,20 | 634 057,97: floors 304 347 + 111 594 + 634 057
 *         = 1 049 998; the two kronor left go to ,97 (Köping) and ,83 (Fagersta)
 *         = 304 348 | 111 594 | 634 058 kr
 *   2011: 1 100 000 × the same / 41 400
 *         = 318 840,58 | 116 908,21 | 664 251,21: floors 1 099 999; the krona
 *         goes to ,58 (Fagersta) = 318 841 | 116 908 | 664 251 kr */
static void
test_contributions_membership_years (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  SpMemberData data = { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 25000, 2010, 0 };
  const SpMoney frames[3] = { KR (4000000), KR (4200000), KR (4400000) };
  SpContribution *koping;
  gint64 koping_id;
  g_autofree char *note = NULL;

  koping_id = sp_member_add (f->db, &data, &error);
  assert_true (koping_id > 0);
  assert_true (sp_member_end_membership (f->db, f->norberg, 2009, &error));
  for (guint i = 0; i < 3; i++)
    assert_true (sp_plan_year_set_frame (f->db, 2009, i, frames[i], &error));

  contributions = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (contributions);
  /* Köping joins in a plan year: listed, with nothing for 2009. */
  assert_int_equal (contributions->len, 7);
  koping = find (contributions, koping_id);
  assert_true (koping->amount[0] == SP_MONEY_NOT_SET);
  assert_true (koping->amount[1] == KR (634058));
  assert_true (koping->amount[2] == KR (664251));
  assert_true (find (contributions, f->fagersta)->amount[0] == KR (542986));
  assert_true (find (contributions, f->fagersta)->amount[1] == KR (304348));
  assert_true (find (contributions, f->fagersta)->amount[2] == KR (318841));
  assert_true (find (contributions, f->skinnskatteberg)->amount[1] == KR (111594));
  assert_true (find (contributions, f->skinnskatteberg)->amount[2] == KR (116908));
  /* Norberg has left: its plan years are empty, not 0. */
  assert_true (find (contributions, f->norberg)->amount[0] == KR (257919));
  assert_true (find (contributions, f->norberg)->amount[1] == SP_MONEY_NOT_SET);
  assert_true (find (contributions, f->norberg)->amount[2] == SP_MONEY_NOT_SET);

  /* Every year's amounts make its frame. */
  for (guint y = 0; y < 3; y++)
    {
      SpMoney total = 0;

      for (guint i = 0; i < contributions->len; i++)
        {
          SpContribution *c = g_ptr_array_index (contributions, i);

          if (c->amount[y] != SP_MONEY_NOT_SET)
            total += c->amount[y];
        }
      assert_true (total == frames[y]);
    }

  /* The tables say why. */
  note = sp_contribution_dup_label (koping, 2009);
  assert_string_equal (note, "Köpings kommun (member from 2010)");
  g_clear_pointer (&note, g_free);
  note = sp_contribution_dup_label (find (contributions, f->norberg), 2009);
  assert_string_equal (note, "Norbergs kommun (member until 2009)");
  g_clear_pointer (&note, g_free);
  note = sp_contribution_dup_label (find (contributions, f->fagersta), 2009);
  assert_string_equal (note, "Fagersta kommun");
  g_clear_pointer (&contributions, g_ptr_array_unref);

  /* The next year, Norberg is no longer listed and Köping pays its part. */
  assert_true (sp_plan_year_create (f->db, 2010, &error));
  assert_true (sp_plan_year_set_frame (f->db, 2010, 0, frames[1], &error));
  contributions = sp_contributions_compute (f->db, 2010, &error);
  assert_non_null (contributions);
  assert_int_equal (contributions->len, 6);
  assert_true (find (contributions, koping_id)->amount[0] == KR (634058));
  for (guint i = 0; i < contributions->len; i++)
    assert_true (((SpContribution *) g_ptr_array_index (contributions, i))->member_id != f->norberg);
}

static void
test_contributions_random_sums (void **state)
{
  Fixture *f = *state;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20091121);

  for (int round = 0; round < 300; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) contributions = NULL;
      SpMoney frame = KR (g_rand_int_range (rand, 0, 50000000));
      int state_share = g_rand_int_range (rand, 0, 10001);
      int region_share = g_rand_int_range (rand, 0, 10001 - state_share);
      SpMoney sum = 0;
      SpMemberData data;
      g_autoptr(SpMember) member = sp_member_load (f->db, f->norberg, &error);

      sp_member_get_data (member, &data);
      data.population = g_rand_int_range (rand, 0, 200000);
      assert_true (sp_member_update (f->db, f->norberg, &data, &error));
      assert_true (sp_plan_year_set_frame (f->db, 2009, 0, frame, &error));
      assert_true (sp_plan_year_set_shares (f->db, 2009, state_share, region_share,
                                            10000 - state_share - region_share, &error));
      contributions = sp_contributions_compute (f->db, 2009, &error);
      assert_null (error);
      for (guint i = 0; i < contributions->len; i++)
        {
          SpMoney amount = ((SpContribution *) g_ptr_array_index (contributions, i))->amount[0];
          assert_true (amount % 100 == 0);
          sum += amount;
        }
      assert_true (sum == frame);
    }
}

/* An adopted year's contributions stay as adopted: a population change, a
 * member leaving or being deleted alter nothing until the year is re-opened,
 * which computes them anew; undoing the adoption drops what was stored. */
static void
test_adopted_contributions_frozen (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) adopted = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(SpMember) fagersta = NULL;
  SpMemberData data;

  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  assert_true (sp_plan_year_set_frame (f->db, 2009, 1, KR (4000000), &error));
  assert_false (sp_contributions_are_adopted (f->db, 2009));
  assert_true (sp_plan_year_adopt (f->db, 2009, "2008-11-21", "§ 45", &error));
  assert_true (sp_contributions_are_adopted (f->db, 2009));
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM adopted_contribution WHERE year = 2009"), 6);
  adopted = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (adopted);
  assert_true (find (adopted, f->fagersta)->amount[0] == KR (542986));

  /* Fagersta grows to 24 000; today's split would be 1 000 000 × 24 000 / 34 100. */
  fagersta = sp_member_load (f->db, f->fagersta, &error);
  sp_member_get_data (fagersta, &data);
  data.population = 24000;
  assert_true (sp_member_update (f->db, f->fagersta, &data, &error));
  assert_true (sp_member_delete (f->db, f->skinnskatteberg, &error));
  later = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (later);
  assert_int_equal (later->len, adopted->len);
  for (guint i = 0; i < later->len; i++)
    {
      SpContribution *a = g_ptr_array_index (adopted, i);
      SpContribution *b = g_ptr_array_index (later, i);

      assert_string_equal (a->name, b->name);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        assert_true (a->amount[y] == b->amount[y]);
    }
  /* The deleted member keeps its name and amount in the adopted year. */
  for (guint i = 0; i < later->len; i++)
    {
      SpContribution *b = g_ptr_array_index (later, i);
      if (g_strcmp0 (b->name, "Skinnskattebergs kommun") == 0)
        {
          assert_int_equal (b->member_id, 0);
          assert_true (b->amount[0] == KR (199095));
        }
    }
  g_clear_pointer (&later, g_ptr_array_unref);

  /* Re-opened: today's members and populations. 1 000 000 × 24 000 / 29 700
   * = 808 080,80… and × 5 700 / 29 700 = 191 919,19…: 808 081 and 191 919 kr. */
  assert_true (sp_plan_year_reopen (f->db, 2009, &error));
  assert_false (sp_contributions_are_adopted (f->db, 2009));
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM adopted_contribution"), 0);
  later = sp_contributions_compute (f->db, 2009, &error);
  assert_non_null (later);
  assert_int_equal (later->len, 5);
  assert_true (find (later, f->fagersta)->amount[0] == KR (808081));
  assert_true (find (later, f->norberg)->amount[0] == KR (191919));
  g_clear_pointer (&later, g_ptr_array_unref);

  /* Undoing the re-opening brings the adopted amounts back, and undoing the
   * adoption (after the member changes) leaves nothing stored. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  assert_true (sp_contributions_are_adopted (f->db, 2009));
  later = sp_contributions_compute (f->db, 2009, &error);
  assert_true (find (later, f->fagersta)->amount[0] == KR (542986));
  g_clear_pointer (&later, g_ptr_array_unref);
  for (int i = 0; i < 3; i++)
    assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  assert_false (sp_contributions_are_adopted (f->db, 2009));
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM adopted_contribution"), 0);
}

static void
test_adopt_locks (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) years = sp_plan_year_list_new (f->db);
  g_autoptr(SpPlanYear) shown = g_list_model_get_item (G_LIST_MODEL (years), 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  assert_true (sp_plan_year_adopt (f->db, 2009, "2008-11-21", " § 45 ", &error));
  assert_true (sp_plan_year_is_adopted (shown));
  assert_string_equal (sp_plan_year_get_decision_date (shown), "2008-11-21");
  assert_string_equal (sp_plan_year_get_decision_paragraph (shown), "§ 45");

  before = sp_test_dump_database (f->db);
  assert_false (sp_plan_year_set_frame (f->db, 2009, 0, KR (1), &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  g_clear_error (&error);
  assert_false (sp_plan_year_set_shares (f->db, 2009, 4000, 3000, 3000, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  g_clear_error (&error);
  assert_false (sp_plan_year_adopt (f->db, 2009, "2008-11-22", "§ 46", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  g_clear_error (&error);
  assert_false (sp_plan_year_delete (f->db, 2009, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  g_clear_error (&error);
  /* The database itself refuses too, should a module forget to ask. */
  assert_false (sp_database_exec (f->db, "UPDATE plan_year SET frame = 1 WHERE year = 2009", &error));
  g_clear_error (&error);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  assert_true (sp_plan_year_reopen (f->db, 2009, &error));
  assert_false (sp_plan_year_is_adopted (shown));
  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4100000), &error));
  assert_true (sp_plan_year_get_frame (shown, 0) == KR (4100000));
}

static void
test_undo_every_edit (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);

#define STEP(call) assert_true (call); g_ptr_array_add (dumps, sp_test_dump_database (f->db))
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  STEP (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  STEP (sp_plan_year_set_frame (f->db, 2009, 0, SP_MONEY_NOT_SET, &error));
  STEP (sp_plan_year_set_equity_used (f->db, 2009, KR (350000), &error));
  STEP (sp_plan_year_set_shares (f->db, 2009, 5000, 2000, 3000, &error));
  STEP (sp_plan_year_set_allocation_key (f->db, 2009, SP_ALLOCATION_KEY_FIXED, &error));
  STEP (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, 4000, KR (1), &error));
  STEP (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, -1, SP_MONEY_NOT_SET, &error));
  STEP (sp_plan_year_adopt (f->db, 2009, "2008-11-21", "§ 12", &error));
  STEP (sp_plan_year_reopen (f->db, 2009, &error));
  STEP (sp_plan_year_create_next (f->db, 2009, &error));
  STEP (sp_plan_year_create (f->db, 2012, &error));
  STEP (sp_plan_year_delete (f->db, 2012, &error));
#undef STEP
  assert_null (error);

  for (guint i = dumps->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;
      assert_true (sp_history_undo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i - 1));
    }
  for (guint i = 1; i < dumps->len; i++)
    {
      g_autofree char *now = NULL;
      assert_true (sp_history_redo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i));
    }
}

static void
test_create_next_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;

  assert_true (sp_plan_year_set_frame (f->db, 2009, 0, KR (4000000), &error));
  assert_true (sp_plan_year_set_frame (f->db, 2009, 1, KR (4100000), &error));
  assert_true (sp_plan_year_set_frame (f->db, 2009, 2, KR (4200000), &error));
  assert_true (sp_plan_year_set_shares (f->db, 2009, 5000, 2000, 3000, &error));
  assert_true (sp_plan_year_set_member_key (f->db, 2009, f->fagersta, 5000, SP_MONEY_NOT_SET, &error));

  /* A plan with every kind of row, as the plan and budget modules write it. */
  sql = g_strdup_printf (
    "INSERT INTO section (id, year, position, title, body) VALUES (1, 2009, 1, 'Inledning', 'Text');"
    "INSERT INTO area_group (id, year, position, name) VALUES (10, 2009, 1, 'Administration');"
    "INSERT INTO area (id, group_id, position, name) VALUES (100, 10, 1, 'Styrelse'), (101, 10, 2, 'Kansli');"
    /* The group's own lines, through its hidden area (sp_budget_line_add () with a group). */
    "INSERT INTO area (id, group_id, position, name, implicit) VALUES (102, 10, 0, 'Administration', 1);"
    "INSERT INTO target_group (id, year, position, name) VALUES (5, 2009, 1, 'Unga vuxna 16–29 år');"
    "INSERT INTO goal (year, position, kind, text, target_value, outcome, area_id) VALUES"
    "  (2009, 1, 'measurable', 'Fler i arbete', '40 %%', '38 %%', 101),"
    "  (2009, 2, 'strategic', 'Samverkan', '', 'God', NULL);"
    "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, previous_budget, previous_actual)"
    "  VALUES (2009, 100, 5010, 1, 'Arvoden', 12000000, 12500000, NULL, 11000000, 10500000),"
    "         (2009, 101, 4600, 2, 'Köp av tjänster', 0, 300000000, 310000000, NULL, NULL),"
    "         (2009, 102, 7010, 1, 'Utvärdering', 5000000, 6000000, NULL, NULL, NULL);"
    "INSERT INTO board_member (member_id, year, name, role, office) VALUES (%" G_GINT64_FORMAT ", 2009, 'Anna Ek', 'ordinary', 'chair');",
    f->fagersta);
  assert_true (sp_database_exec (f->db, sql, &error));
  assert_true (sp_plan_year_adopt (f->db, 2009, "2008-11-21", "§ 12", &error));
  before = sp_test_dump_database (f->db);

  assert_true (sp_plan_year_create_next (f->db, 2009, &error));
  assert_null (error);

  /* The new year is a draft; the old one stays adopted. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT status = 'draft' FROM plan_year WHERE year = 2010"), 1);
  assert_int_equal (sp_test_query_int (f->db, "SELECT status = 'adopted' FROM plan_year WHERE year = 2009"), 1);
  /* Frames move one column; shares and key come along. */
  assert_true (sp_test_query_int (f->db, "SELECT frame FROM plan_year WHERE year = 2010") == KR (4100000));
  assert_true (sp_test_query_int (f->db, "SELECT frame_plan1 FROM plan_year WHERE year = 2010") == KR (4200000));
  assert_true (sp_test_query_int (f->db, "SELECT frame_plan2 FROM plan_year WHERE year = 2010") == G_MININT64);
  assert_int_equal (sp_test_query_int (f->db, "SELECT share_region FROM plan_year WHERE year = 2010"), 2000);
  assert_int_equal (sp_test_query_int (f->db, "SELECT percentage FROM member_key WHERE year = 2010"), 5000);
  /* The plan is copied. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM section WHERE year = 2010 AND title = 'Inledning'"), 1);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM area a JOIN area_group g ON g.id = a.group_id "
                                  "WHERE g.year = 2010 AND a.implicit = 0"), 2);
  /* The group's hidden area comes along, still hidden, with its line. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM area a JOIN area_group g ON g.id = a.group_id "
                                  "WHERE g.year = 2010 AND a.implicit = 1 AND a.lineage = 102"), 1);
  assert_int_equal (sp_test_query_int (f->db, "SELECT a.implicit FROM budget_line l JOIN area a ON a.id = l.area_id "
                                  "JOIN area_group g ON g.id = a.group_id "
                                  "WHERE l.year = 2010 AND l.account = 7010 AND g.year = 2010"), 1);
  assert_true (sp_test_query_int (f->db, "SELECT budget FROM budget_line WHERE year = 2010 AND account = 7010") == 6000000);
  assert_int_equal (sp_test_query_int (f->db, "SELECT lineage FROM area_group WHERE year = 2010"), 10);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM target_group WHERE year = 2010 AND lineage = 5"), 1);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM board_member WHERE year = 2010"), 1);
  /* Goals without their outcomes, and linked to the new year's area. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM goal WHERE year = 2010 AND outcome = ''"), 2);
  assert_int_equal (sp_test_query_int (f->db, "SELECT a.lineage FROM goal o JOIN area a ON a.id = o.area_id WHERE o.year = 2010"), 101);
  assert_int_equal (sp_test_query_int (f->db, "SELECT g.year FROM goal o JOIN area a ON a.id = o.area_id "
                                  "JOIN area_group g ON g.id = a.group_id WHERE o.year = 2010"), 2010);
  /* The budget moves one column: plan year 1 is the new budget year. */
  assert_true (sp_test_query_int (f->db, "SELECT budget FROM budget_line WHERE year = 2010 AND account = 5010") == 12500000);
  assert_true (sp_test_query_int (f->db, "SELECT plan1 FROM budget_line WHERE year = 2010 AND account = 5010") == G_MININT64);
  assert_true (sp_test_query_int (f->db, "SELECT previous_budget FROM budget_line WHERE year = 2010 AND account = 5010") == 12000000);
  assert_true (sp_test_query_int (f->db, "SELECT previous_actual FROM budget_line WHERE year = 2010 AND account = 5010") == G_MININT64);
  assert_true (sp_test_query_int (f->db, "SELECT plan1 FROM budget_line WHERE year = 2010 AND account = 4600") == 310000000);
  assert_true (sp_test_query_int (f->db, "SELECT previous_budget FROM budget_line WHERE year = 2010 AND account = 4600") == 0);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line b JOIN area a ON a.id = b.area_id "
                                  "JOIN area_group g ON g.id = a.group_id WHERE b.year = 2010 AND g.year = 2010"), 3);

  /* Twice is refused; undo takes it all away. */
  assert_false (sp_plan_year_create_next (f->db, 2009, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE));
  g_clear_error (&error);
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  after_undo = sp_test_dump_database (f->db);
  assert_string_equal (before, after_undo);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_create_and_refuse, setup, teardown),
    cmocka_unit_test_setup_teardown (test_settings_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions_by_population, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions_percentage_and_fixed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions_membership_years, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions_random_sums, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopt_locks, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_contributions_frozen, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_every_edit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_create_next_year, setup, teardown),
  };

  setlocale (LC_ALL, "sv_SE.UTF-8");
  return cmocka_run_group_tests_name ("year", tests, NULL, NULL);
}
