/* test-budget.c: the chart of accounts, budget lines and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan (years, area groups, areas) is written here with plain SQL, so
 * that these tests depend on nothing but the budget module.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-budget.h"
#include "sp-database-private.h"
#include "sp-limits.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-test-model.h"
#include "sp-test-util.h"

#define YEAR 2009
#define OTHER_YEAR 2010
#define NO_PLAN_YEAR 2011

/* The plan of 2009 in the budget's order: Administration (Kansli, Styrelse),
 * then Projekt och insatser (Kuggen, Skolkuggen). The ids run the other way,
 * so that the order can only come from the positions. */
#define GROUP_PROJECTS 1
#define GROUP_ADMIN 2
#define AREA_KUGGEN 11
#define AREA_SKOLKUGGEN 12
#define AREA_STYRELSE 21
#define AREA_KANSLI 22
#define AREA_2010 31

#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)

static const char plan_sql[] =
  "INSERT INTO plan_year (year, frame, frame_plan1, equity_used) VALUES (2009, 400000000, 410000000, 50000000);"
  "INSERT INTO plan_year (year) VALUES (2010);"
  "INSERT INTO area_group (id, year, position, name) VALUES"
  "  (1, 2009, 2, 'Projekt och insatser'), (2, 2009, 1, 'Administration'), (3, 2010, 1, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES"
  "  (11, 1, 1, 'Kuggen'), (12, 1, 2, 'Skolkuggen'), (21, 2, 2, 'Styrelse'), (22, 2, 1, 'Kansli'),"
  "  (31, 3, 1, 'Styrelse');";

/* The seeded accounts (sp-migrations.c), by kind. */
static const int revenue_accounts[] = { 3000, 3510, 3520, 3530, 3590, 3810 };
static const int cost_accounts[] = { 4010, 4600, 5010, 5110, 5410, 5810, 6100, 6410, 6550,
                                     6910, 7010, 7150, 7310, 7610, 7900 };

typedef struct {
  char           *dir;
  SpDatabase     *db;
  SpRecordList   *list;
  SpTestModelSpy *spy;
} Fixture;

static void
open_lists (Fixture *f)
{
  f->list = sp_budget_line_list_new (f->db, YEAR);
  f->spy = sp_test_model_spy_new (G_LIST_MODEL (f->list));
}

static void
close_lists (Fixture *f)
{
  g_clear_pointer (&f->spy, sp_test_model_spy_free);
  g_clear_object (&f->list);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "budget.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_database_exec (f->db, plan_sql, &error));
  g_assert_no_error (error);
  open_lists (f);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  close_lists (f);
  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static guint
n_lines (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->list));
}

static SpBudgetLine *
line_at (Fixture *f,
         guint    i)
{
  g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (f->list), i);
  return line; /* the list keeps its own reference */
}

static gint64
id_at (Fixture *f,
       guint    i)
{
  return sp_record_get_id (SP_RECORD (line_at (f, i)));
}

static gint64
add_line (Fixture    *f,
          gint64      area_id,
          int         account,
          const char *text,
          SpMoney     budget)
{
  SpBudgetLineData data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  sp_budget_line_data_init (&data);
  data.area_id = area_id;
  data.account = account;
  data.text = text;
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = budget;
  id = sp_budget_line_add (f->db, YEAR, &data, &error);
  assert_null (error);
  assert_true (id > 0);
  return id;
}

static const char *
undo_label (Fixture *f)
{
  SpHistory *history = sp_database_get_history (f->db);

  return sp_history_can_undo (history) ? sp_history_get_undo_label (history) : "";
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_exec (f->db, sql, &error));
  assert_null (error);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* ---- Accounts ---- */

static void
test_accounts (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) accounts = sp_account_list_new (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpAccount) first = NULL;
  SpTestModelSpy *spy;
  SpAccount *shown;
  guint notified = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  int previous = 0;

  assert_int_equal (n, G_N_ELEMENTS (revenue_accounts) + G_N_ELEMENTS (cost_accounts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      int number = sp_account_get_number (account);
      int property = 0;

      assert_true (number > previous);
      assert_int_equal (sp_record_get_id (SP_RECORD (account)), number);
      g_object_get (account, "number", &property, NULL);
      assert_int_equal (property, number);
      assert_int_equal (sp_account_get_kind (account),
                        number < 4000 ? SP_ACCOUNT_KIND_REVENUE : SP_ACCOUNT_KIND_COST);
      previous = number;
    }
  first = g_list_model_get_item (G_LIST_MODEL (accounts), 0);
  assert_int_equal (sp_account_get_number (first), 3000);

  spy = sp_test_model_spy_new (G_LIST_MODEL (accounts));

  /* 3540 goes after 3000, 3510, 3520, 3530 */
  assert_true (sp_account_add (f->db, 3540, "  Bidrag från ESF  ", SP_ACCOUNT_KIND_REVENUE, &error));
  assert_null (error);
  sp_test_model_spy_expect (spy, 4, 0, 1);
  assert_string_equal (undo_label (f), "Add account");
  shown = sp_record_list_find (accounts, 3540, NULL);
  assert_non_null (shown);
  assert_string_equal (sp_account_get_name (shown), "Bidrag från ESF");
  assert_int_equal (sp_account_get_kind (shown), SP_ACCOUNT_KIND_REVENUE);

  /* Renamed in place: the same object, one notify, no items-changed. */
  g_signal_connect (shown, "notify::name", G_CALLBACK (on_notify_cb), &notified);
  assert_true (sp_account_rename (f->db, 3540, "Bidrag från Europeiska socialfonden", &error));
  assert_ptr_equal (sp_record_list_find (accounts, 3540, NULL), shown);
  assert_string_equal (sp_account_get_name (shown), "Bidrag från Europeiska socialfonden");
  assert_int_equal (notified, 1);
  assert_int_equal (spy->changes->len, 0);
  assert_string_equal (undo_label (f), "Rename account");

  /* A large number goes last. */
  assert_true (sp_account_add (f->db, 999999, "Sist", SP_ACCOUNT_KIND_COST, &error));
  sp_test_model_spy_expect (spy, n + 1, 0, 1);
  assert_true (sp_account_add (f->db, 100, "Först", SP_ACCOUNT_KIND_COST, &error));
  sp_test_model_spy_expect (spy, 0, 0, 1);

  assert_true (sp_account_delete (f->db, 3540, &error));
  sp_test_model_spy_expect (spy, 5, 1, 0);
  assert_null (sp_record_list_find (accounts, 3540, NULL));
  assert_string_equal (undo_label (f), "Delete account");
  assert_null (error);

  {
    g_autoptr(SpAccount) loaded = sp_account_load (f->db, 999999, &error);
    assert_non_null (loaded);
    assert_string_equal (sp_account_get_name (loaded), "Sist");
    assert_null (sp_account_load (f->db, 3540, &error));
    assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  }
  sp_test_model_spy_free (spy);
}

static void
test_account_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autoptr(SpRecordList) accounts = sp_account_list_new (f->db);
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (accounts));
  const struct {
    int            number;
    const char    *name;
    SpAccountKind  kind;
    int            code;
  } bad[] = {
    { 99, "För litet", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 0, "Noll", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { -4600, "Negativt", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 1000000, "För stort", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 3510, "Dubblett", SP_ACCOUNT_KIND_REVENUE, SP_ERROR_DUPLICATE },
    { 4700, "", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, "   ", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, NULL, SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, "Två\nrader", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, "\xff\xfe", SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, long_name, SP_ACCOUNT_KIND_COST, SP_ERROR_INVALID },
    { 4700, "Okänt slag", (SpAccountKind) 7, SP_ERROR_INVALID },
  };

  before = sp_test_dump_database (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      assert_false (sp_account_add (f->db, bad[i].number, bad[i].name, bad[i].kind, &error));
      assert_non_null (error);
      assert_int_equal (error->domain, SP_ERROR);
      assert_int_equal (error->code, bad[i].code);
    }

  g_clear_error (&error);
  assert_false (sp_account_rename (f->db, 4700, "Finns inte", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (sp_account_rename (f->db, 4600, " ", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_account_rename (f->db, 4600, long_name, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_account_delete (f->db, 4700, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));

  /* Renaming to the same name is no edit at all. */
  g_clear_error (&error);
  assert_true (sp_account_rename (f->db, 4600, "Köp av tjänster", &error));

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (spy->changes->len, 0);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));
  sp_test_model_spy_free (spy);
}

static void
test_account_in_use (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) in_use = sp_account_list_new_in_use (f->db, YEAR);
  g_autoptr(SpRecordList) in_use_2010 = sp_account_list_new_in_use (f->db, OTHER_YEAR);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (in_use));
  SpBudgetLineData data;
  gint64 line;

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (in_use)), 0);

  add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster, Kuggen", KR (800000));
  sp_test_model_spy_expect (spy, 0, 0, 1);
  line = add_line (f, AREA_STYRELSE, 4600, "Köp av tjänster, styrelsen", KR (10000));
  assert_int_equal (spy->changes->len, 0);
  add_line (f, AREA_KANSLI, 3510, "Driftbidrag", KR (2000000));
  sp_test_model_spy_expect (spy, 0, 0, 1);

  sp_budget_line_data_init (&data);
  data.area_id = AREA_2010;
  data.account = 4600;
  assert_true (sp_budget_line_add (f->db, OTHER_YEAR, &data, &error) > 0);
  assert_null (error);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (in_use)), 2);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (in_use_2010)), 1);
  sp_test_model_spy_clear (spy);

  before = sp_test_dump_database (f->db);
  assert_false (sp_account_delete (f->db, 4600, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_IN_USE));
  assert_non_null (strstr (error->message, "4600"));
  assert_non_null (strstr (error->message, "2009: 2, 2010: 1"));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* Once the line uses another account, 4600 drops out of the year's list. */
  assert_true (sp_budget_line_set_account (f->db, line, 7010, &error));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (in_use)), 3);
  sp_test_model_spy_clear (spy);
  assert_true (sp_budget_line_delete (f->db, line, &error));
  /* 3510, 4600 */
  sp_test_model_spy_expect (spy, 2, 1, 0);
  sp_test_model_spy_free (spy);
}

/* ---- Budget lines ---- */

static void
test_add_and_list (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpBudgetLineData data;
  gint64 kuggen1, styrelse1, kansli1, kuggen2, skolkuggen1, styrelse2;
  SpBudgetLine *line;
  gint64 amount = 0;
  gint64 area_id = 0;
  SpAccountKind kind = SP_ACCOUNT_KIND_REVENUE;

  assert_int_equal (n_lines (f), 0);

  kuggen1 = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (850000));
  sp_test_model_spy_expect (f->spy, 0, 0, 1);
  assert_string_equal (undo_label (f), "Add budget line");
  styrelse1 = add_line (f, AREA_STYRELSE, 5010, "Arvoden", KR (60000));
  sp_test_model_spy_expect (f->spy, 0, 0, 1);
  kansli1 = add_line (f, AREA_KANSLI, 5110, "Löner", KR (450000));
  sp_test_model_spy_expect (f->spy, 0, 0, 1);
  kuggen2 = add_line (f, AREA_KUGGEN, 6550, "Resor", KR (20000));
  sp_test_model_spy_expect (f->spy, 3, 0, 1);
  skolkuggen1 = add_line (f, AREA_SKOLKUGGEN, 4600, "Köp av tjänster", KR (300000));
  sp_test_model_spy_expect (f->spy, 4, 0, 1);
  styrelse2 = add_line (f, AREA_STYRELSE, 6550, "Resor", KR (5000));
  sp_test_model_spy_expect (f->spy, 2, 0, 1);

  /* Administration: Kansli, Styrelse; Projekt och insatser: Kuggen, Skolkuggen */
  assert_int_equal (n_lines (f), 6);
  assert_int_equal (id_at (f, 0), kansli1);
  assert_int_equal (id_at (f, 1), styrelse1);
  assert_int_equal (id_at (f, 2), styrelse2);
  assert_int_equal (id_at (f, 3), kuggen1);
  assert_int_equal (id_at (f, 4), kuggen2);
  assert_int_equal (id_at (f, 5), skolkuggen1);

  line = line_at (f, 3);
  assert_int_equal (sp_budget_line_get_year (line), YEAR);
  assert_int_equal (sp_budget_line_get_area_id (line), AREA_KUGGEN);
  assert_int_equal (sp_budget_line_get_account (line), 4600);
  assert_int_equal (sp_budget_line_get_position (line), 1);
  assert_int_equal (sp_budget_line_get_position (line_at (f, 4)), 2);
  assert_string_equal (sp_budget_line_get_text (line), "Köp av tjänster");
  assert_string_equal (sp_budget_line_get_comment (line), "");
  assert_string_equal (sp_budget_line_get_area_name (line), "Kuggen");
  assert_int_equal (sp_budget_line_get_group_id (line), GROUP_PROJECTS);
  assert_string_equal (sp_budget_line_get_group_name (line), "Projekt och insatser");
  assert_string_equal (sp_budget_line_get_account_name (line), "Köp av tjänster");
  assert_int_equal (sp_budget_line_get_account_kind (line), SP_ACCOUNT_KIND_COST);
  assert_int_equal (sp_budget_line_get_amount (line, SP_BUDGET_COLUMN_BUDGET), KR (850000));
  for (SpBudgetColumn c = SP_BUDGET_COLUMN_PLAN1; c < SP_BUDGET_N_COLUMNS; c++)
    assert_false (SP_BUDGET_IS_SET (sp_budget_line_get_amount (line, c)));

  g_object_get (line, "budget", &amount, "area-id", &area_id, "account-kind", &kind, NULL);
  assert_int_equal (amount, KR (850000));
  assert_int_equal (area_id, AREA_KUGGEN);
  assert_int_equal (kind, SP_ACCOUNT_KIND_COST);
  g_object_get (line, "plan1", &amount, NULL);
  assert_true (amount == SP_BUDGET_NOT_SET);
  assert_int_equal (sp_budget_line_get_group_id (line_at (f, 0)), GROUP_ADMIN);

  /* Every field, with the extremes of the amounts. */
  sp_budget_line_data_init (&data);
  data.area_id = AREA_KANSLI;
  data.account = 3510;
  data.text = "Driftbidrag från Försäkringskassan";
  data.comment = "Halva ramen.\nEnligt lag (2003:1210).";
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = SP_MONEY_MAX;
  data.amounts[SP_BUDGET_COLUMN_PLAN1] = SP_MONEY_MIN;
  data.amounts[SP_BUDGET_COLUMN_PLAN2] = 0;
  data.amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] = -1;
  assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
  assert_null (error);
  sp_test_model_spy_expect (f->spy, 1, 0, 1);
  line = line_at (f, 1);
  assert_string_equal (sp_budget_line_get_comment (line), data.comment);
  assert_int_equal (sp_budget_line_get_account_kind (line), SP_ACCOUNT_KIND_REVENUE);
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    assert_true (sp_budget_line_get_amount (line, c) == data.amounts[c]);

  {
    g_autoptr(SpBudgetLine) loaded = sp_budget_line_load (f->db, kuggen2, &error);
    assert_non_null (loaded);
    assert_string_equal (sp_budget_line_get_text (loaded), "Resor");
    assert_int_equal (sp_budget_line_get_amount (loaded, SP_BUDGET_COLUMN_BUDGET), KR (20000));
    assert_null (sp_budget_line_load (f->db, 4711, &error));
    assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  }
}

static void
test_edits_keep_objects (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (850000));
  SpBudgetLine *shown = line_at (f, 0);
  guint budget_notified = 0, plan1_notified = 0, text_notified = 0, name_notified = 0;

  g_signal_connect (shown, "notify::budget", G_CALLBACK (on_notify_cb), &budget_notified);
  g_signal_connect (shown, "notify::plan1", G_CALLBACK (on_notify_cb), &plan1_notified);
  g_signal_connect (shown, "notify::text", G_CALLBACK (on_notify_cb), &text_notified);
  g_signal_connect (shown, "notify::area-name", G_CALLBACK (on_notify_cb), &name_notified);
  sp_test_model_spy_clear (f->spy);

  assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_BUDGET, KR (900000), &error));
  assert_string_equal (undo_label (f), "Change amount");
  assert_int_equal (sp_budget_line_get_amount (shown, SP_BUDGET_COLUMN_BUDGET), KR (900000));
  assert_int_equal (budget_notified, 1);
  assert_int_equal (plan1_notified, 0);

  assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_PLAN1, 0, &error));
  assert_int_equal (sp_budget_line_get_amount (shown, SP_BUDGET_COLUMN_PLAN1), 0);
  assert_int_equal (plan1_notified, 1);
  assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_NOT_SET, &error));
  assert_false (SP_BUDGET_IS_SET (sp_budget_line_get_amount (shown, SP_BUDGET_COLUMN_BUDGET)));
  assert_int_equal (budget_notified, 2);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line WHERE budget IS NULL AND plan1 = 0"), 1);

  assert_true (sp_budget_line_set_text (f->db, id, "  Köp av tjänster, Kuggen ", &error));
  assert_string_equal (sp_budget_line_get_text (shown), "Köp av tjänster, Kuggen");
  assert_string_equal (undo_label (f), "Change text");
  assert_int_equal (text_notified, 1);
  assert_true (sp_budget_line_set_comment (f->db, id, "Två rader:\nförsta och andra", &error));
  assert_string_equal (sp_budget_line_get_comment (shown), "Två rader:\nförsta och andra");
  assert_string_equal (undo_label (f), "Change comment");
  assert_true (sp_budget_line_set_account (f->db, id, 7010, &error));
  assert_int_equal (sp_budget_line_get_account (shown), 7010);
  assert_string_equal (sp_budget_line_get_account_name (shown), "Konsulttjänster och utredningar");
  assert_string_equal (undo_label (f), "Change account");

  /* Renaming the area (an edit of the plan's) reaches the line shown. */
  assert_true (sp_database_edit_begin (f->db, &error));
  exec (f, "UPDATE area SET name = 'Kuggen 2.0' WHERE id = 11");
  assert_true (sp_database_edit_commit (f->db, "Rename activity area", &error));
  assert_string_equal (sp_budget_line_get_area_name (shown), "Kuggen 2.0");
  assert_int_equal (name_notified, 1);
  assert_int_equal (f->spy->changes->len, 0);

  /* An edit that changes nothing is no undo step. */
  {
    SpHistory *history = sp_database_get_history (f->db);
    g_autofree char *before = sp_test_dump_database (f->db);
    g_autofree char *after = NULL;

    assert_true (sp_budget_line_set_text (f->db, id, "Köp av tjänster, Kuggen", &error));
    assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_PLAN1, 0, &error));
    assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_NOT_SET, &error));
    assert_true (sp_budget_line_set_account (f->db, id, 7010, &error));
    assert_true (sp_budget_line_set_area (f->db, id, AREA_KUGGEN, &error));
    assert_string_equal (undo_label (f), "Rename activity area");
    assert_true (sp_history_undo (history, &error));
    assert_string_equal (sp_budget_line_get_area_name (shown), "Kuggen");
    assert_true (sp_history_redo (history, &error));
    after = sp_test_dump_database (f->db);
    assert_string_equal (before, after);
  }
  assert_null (error);
  assert_int_equal (f->spy->changes->len, 0);
}

static void
test_move_area_and_delete (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 kansli = add_line (f, AREA_KANSLI, 5110, "Löner", KR (450000));
  gint64 a = add_line (f, AREA_KUGGEN, 4600, "A", KR (1));
  gint64 b = add_line (f, AREA_KUGGEN, 4600, "B", KR (2));
  gint64 c = add_line (f, AREA_KUGGEN, 4600, "C", KR (3));
  gint64 d = add_line (f, AREA_KUGGEN, 4600, "D", KR (4));
  gint64 e = add_line (f, AREA_SKOLKUGGEN, 4600, "E", KR (5));

  /* Kansli A B C D E */
  sp_test_model_spy_clear (f->spy);
  assert_true (sp_budget_line_move (f->db, d, 1, &error));
  assert_string_equal (undo_label (f), "Move budget line");
  /* Kansli A D B C E: the range 2..4 changed */
  sp_test_model_spy_expect (f->spy, 2, 3, 3);
  assert_int_equal (id_at (f, 2), d);
  assert_int_equal (id_at (f, 3), b);

  assert_true (sp_budget_line_move (f->db, a, 1, &error));
  /* Kansli D A B C E */
  sp_test_model_spy_expect (f->spy, 1, 2, 2);
  assert_true (sp_budget_line_move (f->db, d, 100, &error));
  /* Kansli A B C D E */
  sp_test_model_spy_expect (f->spy, 1, 4, 4);
  assert_int_equal (id_at (f, 4), d);

  /* To another area: last there. */
  assert_true (sp_budget_line_set_area (f->db, a, AREA_SKOLKUGGEN, &error));
  assert_string_equal (undo_label (f), "Change activity area");
  /* Kansli B C D E A */
  sp_test_model_spy_expect (f->spy, 1, 5, 5);
  assert_int_equal (id_at (f, 5), a);
  assert_string_equal (sp_budget_line_get_area_name (line_at (f, 5)), "Skolkuggen");
  assert_int_equal (sp_budget_line_get_position (line_at (f, 5)), 2);
  assert_true (sp_budget_line_set_area (f->db, a, AREA_KANSLI, &error));
  /* Kansli A B C D E */
  sp_test_model_spy_expect (f->spy, 1, 5, 5);
  assert_int_equal (id_at (f, 1), a);
  assert_string_equal (sp_budget_line_get_group_name (line_at (f, 1)), "Administration");

  /* Area and account together: one edit, undone as one. */
  {
    g_autoptr(SpBudgetLine) before = sp_budget_line_load (f->db, a, &error);
    g_autoptr(SpBudgetLine) moved = NULL;
    g_autoptr(SpBudgetLine) back = NULL;

    assert_non_null (before);
    assert_true (sp_budget_line_get_account (before) != 7010);
    assert_true (sp_budget_line_set_place (f->db, a, AREA_SKOLKUGGEN, 7010, &error));
    assert_string_equal (undo_label (f), "Change activity area and account");
    moved = sp_budget_line_load (f->db, a, &error);
    assert_int_equal (sp_budget_line_get_area_id (moved), AREA_SKOLKUGGEN);
    assert_int_equal (sp_budget_line_get_account (moved), 7010);
    assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
    back = sp_budget_line_load (f->db, a, &error);
    assert_int_equal (sp_budget_line_get_area_id (back), AREA_KANSLI);
    assert_int_equal (sp_budget_line_get_account (back), sp_budget_line_get_account (before));
    assert_int_equal (sp_budget_line_get_position (back), sp_budget_line_get_position (before));
    assert_int_equal (id_at (f, 1), a);
    sp_test_model_spy_clear (f->spy);
  }

  assert_true (sp_budget_line_delete (f->db, c, &error));
  assert_string_equal (undo_label (f), "Delete budget line");
  sp_test_model_spy_expect (f->spy, 3, 1, 0);
  assert_true (sp_budget_line_delete (f->db, kansli, &error));
  sp_test_model_spy_expect (f->spy, 0, 1, 0);
  assert_int_equal (n_lines (f), 4);
  assert_int_equal (id_at (f, 3), e);
  assert_null (error);

  /* The plan's order follows the groups' and the areas' positions. */
  exec (f, "UPDATE area_group SET position = 0 WHERE id = 1");
  sp_record_list_reload (f->list);
  assert_int_equal (id_at (f, 0), b);
  assert_int_equal (id_at (f, 3), a);
}

static void
check_refused (Fixture    *f,
               gboolean    ok,
               GError    **error,
               int         code,
               const char *before,
               const char *what)
{
  g_autofree char *after = NULL;

  if (ok || *error == NULL || (*error)->domain != SP_ERROR || (*error)->code != code)
    fail_msg ("%s: expected refusal %d, got %s (%s)", what, code, ok ? "success" : "error",
              *error != NULL ? (*error)->message : "");
  after = sp_test_dump_database (f->db);
  if (g_strcmp0 (before, after) != 0)
    fail_msg ("%s: the database changed", what);
  assert_int_equal (f->spy->changes->len, 0);
  g_clear_error (error);
}

#define REFUSED(call, code) check_refused (f, (call) != 0, &error, code, before, #call)

static void
test_line_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *long_text = g_strnfill (SP_NAME_MAX_CHARS + 1, 'x');
  g_autofree char *max_text = g_strnfill (SP_NAME_MAX_CHARS, 'x');
  g_autofree char *long_comment = g_strnfill (SP_BUDGET_COMMENT_MAX_CHARS + 1, 'x');
  SpBudgetLineData good, data;
  gint64 id;

  sp_budget_line_data_init (&good);
  good.area_id = AREA_KUGGEN;
  good.account = 4600;
  good.text = "Köp av tjänster";
  good.amounts[SP_BUDGET_COLUMN_BUDGET] = KR (1000);
  id = sp_budget_line_add (f->db, YEAR, &good, &error);
  assert_true (id > 0);
  before = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);

  /* The year */
  REFUSED (sp_budget_line_add (f->db, NO_PLAN_YEAR, &good, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_add (f->db, 1989, &good, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_add (f->db, 0, &good, &error), SP_ERROR_INVALID);

  /* The area: none, gone, or another year's */
  data = good, data.area_id = 0;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.area_id = 4711;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_NOT_FOUND);
  data = good, data.area_id = AREA_2010;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good;
  REFUSED (sp_budget_line_add (f->db, OTHER_YEAR, &data, &error), SP_ERROR_INVALID);

  /* The account: none, or not in the chart */
  data = good, data.account = 0;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.account = 4711;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_NOT_FOUND);

  /* The amounts */
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      data = good, data.amounts[c] = SP_MONEY_MAX + 1;
      REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
      data = good, data.amounts[c] = SP_MONEY_MIN - 1;
      REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
      data = good, data.amounts[c] = G_MAXINT64;
      REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
      REFUSED (sp_budget_line_set_amount (f->db, id, c, SP_MONEY_MAX + 1, &error), SP_ERROR_INVALID);
      REFUSED (sp_budget_line_set_amount (f->db, id, c, SP_MONEY_MIN - 1, &error), SP_ERROR_INVALID);
      REFUSED (sp_budget_line_set_amount (f->db, id, c, G_MININT64 + 1, &error), SP_ERROR_INVALID);
    }

  /* The text and the comment */
  data = good, data.text = long_text;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.text = "Två\nrader";
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.text = "\xff\xfe";
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.comment = long_comment;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  data = good, data.comment = "Tecken\x01";
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_text (f->db, id, long_text, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_text (f->db, id, "Tab\tinte", &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_comment (f->db, id, long_comment, &error), SP_ERROR_INVALID);

  /* The edits of a line */
  REFUSED (sp_budget_line_set_area (f->db, id, AREA_2010, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_area (f->db, id, 0, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_area (f->db, id, 4711, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_account (f->db, id, 0, &error), SP_ERROR_INVALID);
  REFUSED (sp_budget_line_set_account (f->db, id, 4711, &error), SP_ERROR_NOT_FOUND);
  /* Together, either refusal leaves both as they were. */
  REFUSED (sp_budget_line_set_place (f->db, id, AREA_KUGGEN, 4711, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_place (f->db, id, AREA_2010, 7010, &error), SP_ERROR_INVALID);

  /* A line that is gone */
  REFUSED (sp_budget_line_set_amount (f->db, 4711, SP_BUDGET_COLUMN_BUDGET, 0, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_text (f->db, 4711, "Ny", &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_comment (f->db, 4711, "Ny", &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_area (f->db, 4711, AREA_KUGGEN, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_set_account (f->db, 4711, 4600, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_move (f->db, 4711, 0, &error), SP_ERROR_NOT_FOUND);
  REFUSED (sp_budget_line_delete (f->db, 4711, &error), SP_ERROR_NOT_FOUND);

  assert_string_equal (undo_label (f), "Add budget line");
  assert_false (sp_history_can_redo (sp_database_get_history (f->db)));

  /* The limits themselves are accepted; an empty text too. */
  data = good, data.text = max_text;
  data.amounts[SP_BUDGET_COLUMN_PLAN1] = SP_MONEY_MIN;
  data.amounts[SP_BUDGET_COLUMN_PLAN2] = SP_MONEY_MAX;
  assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
  data = good, data.text = NULL;
  assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
  assert_true (sp_budget_line_set_text (f->db, id, "  ", &error));
  assert_string_equal (sp_budget_line_get_text (line_at (f, 0)), "");
  assert_null (error);
}

static void
test_adopted_year_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  const char *texts[] = { "1", NULL };
  SpBudgetLineData data;
  gint64 id = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (1000));
  gint64 other = add_line (f, AREA_KUGGEN, 4600, "Resor", KR (10));

  exec (f, "UPDATE plan_year SET status = 'adopted', decision_date = '2008-11-21' WHERE year = 2009");
  before = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);

  sp_budget_line_data_init (&data);
  data.area_id = AREA_KUGGEN;
  data.account = 4600;
  REFUSED (sp_budget_line_add (f->db, YEAR, &data, &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_BUDGET, 0, &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_PLAN2, SP_BUDGET_NOT_SET, &error),
           SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_paste (f->db, id, SP_BUDGET_COLUMN_BUDGET, texts, SP_MONEY_UNIT_KR, &error),
           SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_text (f->db, id, "Ny", &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_comment (f->db, id, "Ny", &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_area (f->db, id, AREA_KANSLI, &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_set_account (f->db, id, 7010, &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_move (f->db, other, 0, &error), SP_ERROR_LOCKED);
  REFUSED (sp_budget_line_delete (f->db, id, &error), SP_ERROR_LOCKED);
  /* Its accounts stay too. */
  REFUSED (sp_account_delete (f->db, 4600, &error), SP_ERROR_IN_USE);

  /* Re-opened, it takes changes again. */
  exec (f, "UPDATE plan_year SET status = 'draft' WHERE year = 2009");
  assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_BUDGET, 0, &error));
  assert_null (error);
}

static void
test_not_set_apart_from_zero (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetLine) loaded = NULL;
  const SpMoney amounts[][SP_BUDGET_N_COLUMNS] = {
    { 0, SP_BUDGET_NOT_SET, 0, SP_BUDGET_NOT_SET, 0 },
    { SP_BUDGET_NOT_SET, 0, SP_BUDGET_NOT_SET, 0, SP_BUDGET_NOT_SET },
    { -1, 1, SP_MONEY_MAX, SP_MONEY_MIN, 12345678901 },
  };
  gint64 ids[G_N_ELEMENTS (amounts)];

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      SpBudgetLineData data;

      sp_budget_line_data_init (&data);
      data.area_id = AREA_STYRELSE;
      data.account = 5010;
      memcpy (data.amounts, amounts[i], sizeof data.amounts);
      ids[i] = sp_budget_line_add (f->db, YEAR, &data, &error);
      assert_true (ids[i] > 0);
    }
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line WHERE budget IS NULL"), 1);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM budget_line WHERE budget = 0"), 1);

  /* Turned around by single cells: 0 → not set, not set → 0 */
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      assert_true (sp_budget_line_set_amount (f->db, ids[0], c, SP_BUDGET_IS_SET (amounts[0][c])
                                                                   ? SP_BUDGET_NOT_SET : 0, &error));
      assert_true (sp_budget_line_set_amount (f->db, ids[1], c, SP_BUDGET_IS_SET (amounts[1][c])
                                                                   ? SP_BUDGET_NOT_SET : 0, &error));
    }
  assert_null (error);

  close_lists (f);
  g_clear_object (&f->db);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  open_lists (f);

  assert_int_equal (n_lines (f), 3);
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      /* Line 0 now holds what line 1 held and the other way round. */
      assert_true (sp_budget_line_get_amount (line_at (f, 0), c) == amounts[1][c]);
      assert_true (sp_budget_line_get_amount (line_at (f, 1), c) == amounts[0][c]);
      assert_true (sp_budget_line_get_amount (line_at (f, 2), c) == amounts[2][c]);
    }
  loaded = sp_budget_line_load (f->db, ids[2], &error);
  assert_true (sp_budget_line_get_amount (loaded, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL) == 12345678901);
}

static void
test_undo_every_edit (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  const char *texts[] = { "1 000", "", "2 500", NULL };
  gint64 a, b, c;

#define STEP(call, label) \
  G_STMT_START { \
    assert_true (call); \
    assert_null (error); \
    assert_string_equal (undo_label (f), label); \
    g_ptr_array_add (labels, (gpointer) label); \
    g_ptr_array_add (dumps, sp_test_dump_database (f->db)); \
  } G_STMT_END

  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  a = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (850000));
  g_ptr_array_add (labels, "Add budget line");
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  b = add_line (f, AREA_KUGGEN, 6550, "Resor", SP_BUDGET_NOT_SET);
  g_ptr_array_add (labels, "Add budget line");
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  c = add_line (f, AREA_KANSLI, 5110, "Löner", 0);
  g_ptr_array_add (labels, "Add budget line");
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));

  STEP (sp_budget_line_set_amount (f->db, a, SP_BUDGET_COLUMN_PLAN1, KR (870000), &error), "Change amount");
  STEP (sp_budget_line_set_amount (f->db, a, SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_NOT_SET, &error), "Change amount");
  STEP (sp_budget_line_set_amount (f->db, c, SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_NOT_SET, &error), "Change amount");
  STEP (sp_budget_line_set_text (f->db, b, "Resor och logi", &error), "Change text");
  STEP (sp_budget_line_set_comment (f->db, b, "Tåg", &error), "Change comment");
  STEP (sp_budget_line_set_area (f->db, b, AREA_STYRELSE, &error), "Change activity area");
  STEP (sp_budget_line_set_area (f->db, b, AREA_KUGGEN, &error), "Change activity area");
  STEP (sp_budget_line_set_account (f->db, a, 7010, &error), "Change account");
  STEP (sp_budget_line_move (f->db, b, 0, &error), "Move budget line");
  STEP (sp_budget_line_paste (f->db, c, SP_BUDGET_COLUMN_PLAN2, texts, SP_MONEY_UNIT_TKR, &error), "Paste amounts");
  STEP (sp_account_add (f->db, 4650, "Köp av tjänster från medlemmar", SP_ACCOUNT_KIND_COST, &error), "Add account");
  STEP (sp_account_rename (f->db, 4650, "Köp från medlemmar", &error), "Rename account");
  STEP (sp_budget_line_set_account (f->db, c, 4650, &error), "Change account");
  STEP (sp_budget_line_delete (f->db, a, &error), "Delete budget line");
  STEP (sp_account_delete (f->db, 7010, &error), "Delete account");

#undef STEP

  assert_int_equal (dumps->len, labels->len + 1);
  for (guint i = dumps->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      assert_string_equal (sp_history_get_undo_label (history), g_ptr_array_index (labels, i - 1));
      assert_true (sp_history_undo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i - 1));
    }
  assert_int_equal (n_lines (f), 0);

  for (guint i = 1; i < dumps->len; i++)
    {
      g_autofree char *now = NULL;

      assert_true (sp_history_redo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i));
    }
  assert_null (error);
  /* Kansli: c; Kuggen: b */
  assert_int_equal (n_lines (f), 2);
  assert_int_equal (id_at (f, 0), c);
  assert_int_equal (id_at (f, 1), b);
  assert_int_equal (sp_budget_line_get_amount (line_at (f, 0), SP_BUDGET_COLUMN_PLAN2), KR (1000000));
  assert_string_equal (sp_budget_line_get_account_name (line_at (f, 0)), "Köp från medlemmar");
}

static void
test_paste (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 ids[5];
  const char *good[] = { "12", " 1 234,5 ", "", "-7 tkr", "2 000 kr", NULL };
  const char *bad[] = { "1", "2", "tolv", "4", NULL };
  const char *bad_first[] = { "1.234", NULL };
  const char *too_many[] = { "1", "2", "3", NULL };
  const char *none[] = { NULL };

  /* In the list: Kansli 0, Styrelse 1 2, Kuggen 3 4 */
  ids[0] = add_line (f, AREA_KANSLI, 5110, "Löner", KR (1));
  ids[1] = add_line (f, AREA_STYRELSE, 5010, "Arvoden", KR (2));
  ids[2] = add_line (f, AREA_STYRELSE, 6550, "Resor", KR (3));
  ids[3] = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (4));
  ids[4] = add_line (f, AREA_KUGGEN, 6550, "Resor", KR (5));
  for (guint i = 0; i < 5; i++)
    assert_int_equal (id_at (f, i), ids[i]);

  /* One bad row: nothing stored, the row named. */
  before = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);
  assert_false (sp_budget_line_paste (f->db, ids[0], SP_BUDGET_COLUMN_BUDGET, bad, SP_MONEY_UNIT_KR, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_true (g_str_has_prefix (error->message, "Row 3: "));
  g_clear_error (&error);
  assert_false (sp_budget_line_paste (f->db, ids[1], SP_BUDGET_COLUMN_BUDGET, bad_first, SP_MONEY_UNIT_KR, &error));
  assert_true (g_str_has_prefix (error->message, "Row 1: "));
  g_clear_error (&error);
  assert_false (sp_budget_line_paste (f->db, ids[3], SP_BUDGET_COLUMN_BUDGET, too_many, SP_MONEY_UNIT_KR, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_budget_line_paste (f->db, 4711, SP_BUDGET_COLUMN_BUDGET, too_many, SP_MONEY_UNIT_KR, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_true (sp_budget_line_paste (f->db, ids[0], SP_BUDGET_COLUMN_BUDGET, none, SP_MONEY_UNIT_KR, &error));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (f->spy->changes->len, 0);
  assert_string_equal (undo_label (f), "Add budget line");

  /* Four rows from the first line, in tkr: the fifth line keeps its cell. */
  assert_true (sp_budget_line_paste (f->db, ids[0], SP_BUDGET_COLUMN_PLAN1, good + 1, SP_MONEY_UNIT_TKR, &error));
  assert_null (error);
  assert_string_equal (undo_label (f), "Paste amounts");
  assert_int_equal (f->spy->changes->len, 0);
  assert_true (sp_budget_line_get_amount (line_at (f, 0), SP_BUDGET_COLUMN_PLAN1) == KR (1234500));
  assert_true (sp_budget_line_get_amount (line_at (f, 1), SP_BUDGET_COLUMN_PLAN1) == SP_BUDGET_NOT_SET);
  assert_true (sp_budget_line_get_amount (line_at (f, 2), SP_BUDGET_COLUMN_PLAN1) == KR (-7000));
  assert_true (sp_budget_line_get_amount (line_at (f, 3), SP_BUDGET_COLUMN_PLAN1) == KR (2000));
  assert_true (sp_budget_line_get_amount (line_at (f, 4), SP_BUDGET_COLUMN_PLAN1) == SP_BUDGET_NOT_SET);
  for (guint i = 0; i < 5; i++)
    assert_true (sp_budget_line_get_amount (line_at (f, i), SP_BUDGET_COLUMN_BUDGET) == KR (i + 1));

  /* A blank row empties a cell that had an amount. */
  assert_true (sp_budget_line_paste (f->db, ids[2], SP_BUDGET_COLUMN_BUDGET, good + 2, SP_MONEY_UNIT_KR, &error));
  assert_true (sp_budget_line_get_amount (line_at (f, 2), SP_BUDGET_COLUMN_BUDGET) == SP_BUDGET_NOT_SET);
  assert_true (sp_budget_line_get_amount (line_at (f, 3), SP_BUDGET_COLUMN_BUDGET) == KR (-7000));
  assert_true (sp_budget_line_get_amount (line_at (f, 4), SP_BUDGET_COLUMN_BUDGET) == KR (2000));
  assert_null (error);
}

static void
test_paste_exact (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const char *rows[] = { "12", " 1 234,5 ", "", "-7 tkr", "2 000 kr", NULL };
  const SpMoney expected[] = { KR (12000), KR (1234500), SP_BUDGET_NOT_SET, KR (-7000), KR (2000) };
  gint64 ids[6];

  ids[0] = add_line (f, AREA_KANSLI, 5110, "Löner", KR (1));
  ids[1] = add_line (f, AREA_STYRELSE, 5010, "Arvoden", KR (2));
  ids[2] = add_line (f, AREA_STYRELSE, 6550, "Resor", KR (3));
  ids[3] = add_line (f, AREA_KUGGEN, 4600, "Köp av tjänster", KR (4));
  ids[4] = add_line (f, AREA_KUGGEN, 6550, "Resor", KR (5));
  ids[5] = add_line (f, AREA_SKOLKUGGEN, 6550, "Resor", KR (6));
  assert_int_equal (id_at (f, 5), ids[5]);

  before = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);
  /* From the second line, across three areas and both groups. */
  assert_true (sp_budget_line_paste (f->db, ids[1], SP_BUDGET_COLUMN_BUDGET, rows, SP_MONEY_UNIT_TKR, &error));
  assert_null (error);
  assert_int_equal (f->spy->changes->len, 0);
  assert_string_equal (undo_label (f), "Paste amounts");
  assert_int_equal (sp_budget_line_get_amount (line_at (f, 0), SP_BUDGET_COLUMN_BUDGET), KR (1));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    assert_true (sp_budget_line_get_amount (line_at (f, i + 1), SP_BUDGET_COLUMN_BUDGET) == expected[i]);
  after = sp_test_dump_database (f->db);

  /* One step undoes all of it. */
  assert_true (sp_history_undo (history, &error));
  undone = sp_test_dump_database (f->db);
  assert_string_equal (undone, before);
  assert_string_equal (undo_label (f), "Add budget line");
  assert_true (sp_history_redo (history, &error));
  g_free (undone);
  undone = sp_test_dump_database (f->db);
  assert_string_equal (undone, after);
  assert_null (error);
}

/* ---- Totals ---- */

typedef struct {
  gint64  area_id;
  gint64  group_id;
  gboolean revenue;
  SpMoney amounts[SP_BUDGET_N_COLUMNS];
} Expected;

static void
check_sum (const SpBudgetSum *sum,
           const Expected    *lines,
           guint              n,
           gint64             area_id,
           gint64             group_id)
{
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      SpMoney revenue = 0, costs = 0;
      guint n_set = 0;

      for (guint i = 0; i < n; i++)
        {
          if ((area_id != 0 && lines[i].area_id != area_id) ||
              (group_id != 0 && lines[i].group_id != group_id) ||
              !SP_BUDGET_IS_SET (lines[i].amounts[c]))
            continue;
          n_set++;
          if (lines[i].revenue)
            revenue += lines[i].amounts[c];
          else
            costs += lines[i].amounts[c];
        }
      assert_true (sum->revenue[c] == revenue);
      assert_true (sum->costs[c] == costs);
      assert_true (sum->result[c] == revenue - costs);
      assert_int_equal (sum->n_set[c], n_set);
    }
}

static void
test_totals_random (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20081121);
  g_autoptr(SpBudgetTotals) totals = NULL;
  const gint64 areas[] = { AREA_KUGGEN, AREA_SKOLKUGGEN, AREA_STYRELSE, AREA_KANSLI };
  const gint64 groups[] = { GROUP_PROJECTS, GROUP_PROJECTS, GROUP_ADMIN, GROUP_ADMIN };
  Expected lines[80];
  SpMoney revenue_budget = 0, costs_budget = 0;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      SpBudgetLineData data;
      guint a = g_rand_int_range (rand, 0, G_N_ELEMENTS (areas));

      lines[i].area_id = areas[a];
      lines[i].group_id = groups[a];
      lines[i].revenue = g_rand_int_range (rand, 0, 3) == 0;
      sp_budget_line_data_init (&data);
      data.area_id = areas[a];
      data.account = lines[i].revenue
                     ? revenue_accounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (revenue_accounts))]
                     : cost_accounts[g_rand_int_range (rand, 0, G_N_ELEMENTS (cost_accounts))];
      for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
        {
          int kind = g_rand_int_range (rand, 0, 10);

          if (kind == 0)
            lines[i].amounts[c] = SP_BUDGET_NOT_SET;
          else if (kind == 1)
            lines[i].amounts[c] = 0;
          else if (kind == 2)
            lines[i].amounts[c] = g_rand_boolean (rand) ? G_GINT64_CONSTANT (100000000000)
                                                        : G_GINT64_CONSTANT (-100000000000);
          else
            /* Up to ±10^11 öre, to the öre */
            lines[i].amounts[c] = (gint64) g_rand_int_range (rand, -100000, 100000) * 1000000 +
                                  g_rand_int_range (rand, 0, 1000000);
          data.amounts[c] = lines[i].amounts[c];
        }
      /* The last column is empty throughout. */
      lines[i].amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] = SP_BUDGET_NOT_SET;
      data.amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] = SP_BUDGET_NOT_SET;
      assert_true (sp_budget_line_add (f->db, YEAR, &data, &error) > 0);
      assert_null (error);
    }
  /* Lines of another year count for nothing here. */
  {
    SpBudgetLineData data;

    sp_budget_line_data_init (&data);
    data.area_id = AREA_2010;
    data.account = 3510;
    data.amounts[SP_BUDGET_COLUMN_BUDGET] = KR (123);
    assert_true (sp_budget_line_add (f->db, OTHER_YEAR, &data, &error) > 0);
  }

  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_non_null (totals);
  assert_null (error);
  assert_int_equal (totals->year, YEAR);
  check_sum (&totals->total, lines, G_N_ELEMENTS (lines), 0, 0);

  /* The groups and areas in the budget's order, each exact. */
  assert_int_equal (totals->groups->len, 2);
  assert_int_equal (g_array_index (totals->groups, SpBudgetSubtotal, 0).id, GROUP_ADMIN);
  assert_int_equal (g_array_index (totals->groups, SpBudgetSubtotal, 1).id, GROUP_PROJECTS);
  assert_int_equal (totals->areas->len, 4);
  assert_int_equal (g_array_index (totals->areas, SpBudgetSubtotal, 0).id, AREA_KANSLI);
  assert_int_equal (g_array_index (totals->areas, SpBudgetSubtotal, 1).id, AREA_STYRELSE);
  assert_int_equal (g_array_index (totals->areas, SpBudgetSubtotal, 2).id, AREA_KUGGEN);
  assert_int_equal (g_array_index (totals->areas, SpBudgetSubtotal, 3).id, AREA_SKOLKUGGEN);
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    {
      const SpBudgetSubtotal *area = sp_budget_totals_find_area (totals, areas[a]);
      const SpBudgetSubtotal *group = sp_budget_totals_find_group (totals, groups[a]);

      assert_non_null (area);
      assert_int_equal (area->group_id, groups[a]);
      check_sum (&area->sum, lines, G_N_ELEMENTS (lines), areas[a], 0);
      assert_non_null (group);
      assert_int_equal (group->group_id, groups[a]);
      check_sum (&group->sum, lines, G_N_ELEMENTS (lines), 0, groups[a]);
    }
  assert_null (sp_budget_totals_find_area (totals, AREA_2010));
  assert_null (sp_budget_totals_find_group (totals, 3));

  for (SpBudgetColumn c = 0; c < SP_BUDGET_COLUMN_PREVIOUS_ACTUAL; c++)
    assert_true (sp_budget_totals_is_set (totals, c));
  assert_false (sp_budget_totals_is_set (totals, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL));

  /* The frame and the equity of the plan year */
  assert_true (totals->frame[SP_BUDGET_COLUMN_BUDGET] == KR (4000000));
  assert_true (totals->frame[SP_BUDGET_COLUMN_PLAN1] == KR (4100000));
  assert_false (SP_BUDGET_IS_SET (totals->frame[SP_BUDGET_COLUMN_PLAN2]));
  assert_false (SP_BUDGET_IS_SET (totals->frame[SP_BUDGET_COLUMN_PREVIOUS_BUDGET]));
  assert_true (totals->equity_used[SP_BUDGET_COLUMN_BUDGET] == KR (500000));
  assert_false (SP_BUDGET_IS_SET (totals->equity_used[SP_BUDGET_COLUMN_PLAN1]));

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (SP_BUDGET_IS_SET (lines[i].amounts[SP_BUDGET_COLUMN_BUDGET]))
      {
        if (lines[i].revenue)
          revenue_budget += lines[i].amounts[SP_BUDGET_COLUMN_BUDGET];
        else
          costs_budget += lines[i].amounts[SP_BUDGET_COLUMN_BUDGET];
      }
  assert_true (sp_budget_totals_get_imbalance (totals, SP_BUDGET_COLUMN_BUDGET) ==
               revenue_budget - costs_budget + KR (500000));
  assert_true (sp_budget_totals_get_imbalance (totals, SP_BUDGET_COLUMN_PLAN1) ==
               totals->total.result[SP_BUDGET_COLUMN_PLAN1]);
}

static void
test_totals_balance (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(SpBudgetTotals) empty = NULL;
  gint64 salaries;

  /* The Norra Västmanland way: a 4 MSEK frame and 500 000 kr of equity. */
  add_line (f, AREA_KANSLI, 3510, "Försäkringskassan", KR (2000000));
  add_line (f, AREA_KANSLI, 3520, "Landstinget", KR (1000000));
  add_line (f, AREA_KANSLI, 3530, "Kommunerna", KR (1000000));
  salaries = add_line (f, AREA_KANSLI, 5110, "Löner", KR (1500000));
  add_line (f, AREA_KUGGEN, 4600, "Kuggen", KR (3000000));

  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_non_null (totals);
  assert_true (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET] == KR (4000000));
  assert_true (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET] == totals->frame[SP_BUDGET_COLUMN_BUDGET]);
  assert_true (totals->total.costs[SP_BUDGET_COLUMN_BUDGET] == KR (4500000));
  assert_true (totals->total.result[SP_BUDGET_COLUMN_BUDGET] == KR (-500000));
  assert_true (sp_budget_totals_is_balanced (totals, SP_BUDGET_COLUMN_BUDGET));
  assert_true (sp_budget_totals_get_imbalance (totals, SP_BUDGET_COLUMN_BUDGET) == 0);
  /* Nothing in the plan years: they are empty, and trivially balanced */
  assert_false (sp_budget_totals_is_set (totals, SP_BUDGET_COLUMN_PLAN1));
  assert_true (sp_budget_totals_is_balanced (totals, SP_BUDGET_COLUMN_PLAN1));
  g_clear_pointer (&totals, sp_budget_totals_free);

  /* One more krona of costs: one krona short */
  assert_true (sp_budget_line_set_amount (f->db, salaries, SP_BUDGET_COLUMN_BUDGET, KR (1500001), &error));
  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_false (sp_budget_totals_is_balanced (totals, SP_BUDGET_COLUMN_BUDGET));
  assert_true (sp_budget_totals_get_imbalance (totals, SP_BUDGET_COLUMN_BUDGET) == KR (-1));
  g_clear_pointer (&totals, sp_budget_totals_free);

  /* Without equity, a surplus of 499 999 kr */
  exec (f, "UPDATE plan_year SET equity_used = NULL WHERE year = 2009");
  assert_true (sp_budget_line_set_amount (f->db, salaries, SP_BUDGET_COLUMN_BUDGET, KR (1), &error));
  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_false (SP_BUDGET_IS_SET (totals->equity_used[SP_BUDGET_COLUMN_BUDGET]));
  assert_true (sp_budget_totals_get_imbalance (totals, SP_BUDGET_COLUMN_BUDGET) == KR (999999));

  /* A year without lines, and a year without a plan */
  empty = sp_budget_totals_new (f->db, OTHER_YEAR, &error);
  assert_non_null (empty);
  assert_int_equal (empty->groups->len, 0);
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      assert_false (sp_budget_totals_is_set (empty, c));
      assert_true (empty->total.result[c] == 0);
    }
  assert_null (sp_budget_totals_new (f->db, NO_PLAN_YEAR, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
}

/* ---- The rest ---- */

static void
test_columns (void **state)
{
  g_autoptr(SpBudgetLine) line = g_object_new (SP_TYPE_BUDGET_LINE, NULL);
  const char *titles[] = { "Budget 2009", "Plan 2010", "Plan 2011", "Budget 2008", "Actuals 2008" };
  const int years[] = { 2009, 2010, 2011, 2008, 2008 };
  GEnumClass *enum_class = g_type_class_ref (SP_TYPE_BUDGET_COLUMN);

  (void) state;
  for (SpBudgetColumn c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      g_autofree char *title = sp_budget_column_get_title (c, 2009);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (line),
                                                        sp_budget_column_to_string (c));

      assert_string_equal (title, titles[c]);
      assert_int_equal (sp_budget_column_get_year (c, 2009), years[c]);
      assert_non_null (pspec);
      assert_int_equal (pspec->value_type, G_TYPE_INT64);
      assert_string_equal (g_enum_get_value (enum_class, c)->value_nick, sp_budget_column_to_string (c));
      /* A new line is empty, not zero. */
      assert_true (sp_budget_line_get_amount (line, c) == SP_BUDGET_NOT_SET);
    }
  g_type_class_unref (enum_class);

  assert_string_equal (sp_account_kind_to_string (SP_ACCOUNT_KIND_REVENUE), "revenue");
  assert_string_equal (sp_account_kind_get_label (SP_ACCOUNT_KIND_COST), "Cost");
}

static void
test_persisted (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) accounts = NULL;
  g_autoptr(SpAccount) account = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 id;

  assert_true (sp_account_add (f->db, 3540, "Bidrag från ESF", SP_ACCOUNT_KIND_REVENUE, &error));
  id = add_line (f, AREA_KUGGEN, 3540, "ESF-medel", KR (250000));
  assert_true (sp_budget_line_set_comment (f->db, id, "Ansökan inlämnad", &error));
  assert_true (sp_budget_line_set_amount (f->db, id, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL, 0, &error));
  add_line (f, AREA_KANSLI, 5110, "Löner", KR (450000));
  before = sp_test_dump_database (f->db);

  close_lists (f);
  g_clear_object (&f->db);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  open_lists (f);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  assert_int_equal (n_lines (f), 2);
  assert_int_equal (id_at (f, 1), id);
  assert_string_equal (sp_budget_line_get_account_name (line_at (f, 1)), "Bidrag från ESF");
  assert_int_equal (sp_budget_line_get_account_kind (line_at (f, 1)), SP_ACCOUNT_KIND_REVENUE);
  assert_string_equal (sp_budget_line_get_comment (line_at (f, 1)), "Ansökan inlämnad");
  assert_int_equal (sp_budget_line_get_amount (line_at (f, 1), SP_BUDGET_COLUMN_PREVIOUS_ACTUAL), 0);
  assert_false (SP_BUDGET_IS_SET (sp_budget_line_get_amount (line_at (f, 1), SP_BUDGET_COLUMN_PLAN1)));
  accounts = sp_account_list_new (f->db);
  account = sp_account_load (f->db, 3540, &error);
  assert_non_null (account);
  assert_int_equal (sp_account_get_kind (account), SP_ACCOUNT_KIND_REVENUE);
  assert_non_null (sp_record_list_find (accounts, 3540, NULL));
}

/* A group without areas ("Uppföljning/utvärdering" in Kramfors) carries
 * lines directly, through one hidden area made with its first line. */
static void
test_group_lines (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(SpRecordList) areas = NULL;
  g_autoptr(SpRecordList) year_areas = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpBudgetLineData data;
  const SpBudgetSubtotal *sum;
  gint64 first, second, moved, hidden, area;

  exec (f, "INSERT INTO area_group (id, year, position, name) VALUES (4, 2009, 3, 'Uppföljning/utvärdering')");
  moved = add_line (f, AREA_KANSLI, 5110, "Löner", KR (450000));
  before = sp_test_dump_database (f->db);

  sp_budget_line_data_init (&data);
  data.group_id = 4;
  data.account = 7010;
  data.text = "Utvärdering";
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = KR (120000);
  first = sp_budget_line_add (f->db, YEAR, &data, &error);
  assert_null (error);
  assert_true (first > 0);
  hidden = sp_test_query_int (f->db, "SELECT count(*) FROM area WHERE group_id = 4 AND implicit = 1");
  assert_int_equal (hidden, 1);
  sql = g_strdup_printf ("SELECT a.group_id FROM budget_line l JOIN area a ON a.id = l.area_id "
                         "WHERE l.id = %" G_GINT64_FORMAT " AND a.implicit = 1", first);
  assert_int_equal (sp_test_query_int (f->db, sql), 4);

  /* Undo takes the hidden area away with the line: one edit. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM area WHERE group_id = 4"), 0);

  first = sp_budget_line_add (f->db, YEAR, &data, &error);
  assert_true (first > 0);
  data.account = 5810;
  data.text = "Konferens";
  data.amounts[SP_BUDGET_COLUMN_BUDGET] = KR (30000);
  second = sp_budget_line_add (f->db, YEAR, &data, &error);
  assert_true (second > 0);
  /* Both lines share the one hidden area. */
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM area WHERE group_id = 4"), 1);
  area = sp_test_query_int (f->db, "SELECT id FROM area WHERE group_id = 4");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM budget_line WHERE area_id = %" G_GINT64_FORMAT, area);
  assert_int_equal (sp_test_query_int (f->db, sql), 2);

  /* Another line moves into the group. */
  assert_true (sp_budget_line_set_place_in_group (f->db, moved, 4, 5110, &error));
  assert_null (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT area_id FROM budget_line WHERE id = %" G_GINT64_FORMAT, moved);
  assert_int_equal (sp_test_query_int (f->db, sql), area);

  /* The lines read back name the group; the area lists leave the hidden one out. */
  assert_int_equal (n_lines (f), 3);
  for (guint i = 0; i < 3; i++)
    {
      assert_true (sp_budget_line_is_in_group (line_at (f, i)));
      assert_int_equal (sp_budget_line_get_group_id (line_at (f, i)), 4);
      assert_string_equal (sp_budget_line_get_area_name (line_at (f, i)), "Uppföljning/utvärdering");
    }
  areas = sp_area_list_new (f->db, 4);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (areas)), 0);
  year_areas = sp_area_list_new_for_year (f->db, YEAR);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (year_areas)), 4);

  /* The group adds up its lines. */
  totals = sp_budget_totals_new (f->db, YEAR, &error);
  assert_non_null (totals);
  sum = sp_budget_totals_find_group (totals, 4);
  assert_non_null (sum);
  assert_int_equal (sum->sum.costs[SP_BUDGET_COLUMN_BUDGET], KR (600000));
  assert_int_equal (totals->total.costs[SP_BUDGET_COLUMN_BUDGET], KR (600000));

  /* Renamed, the group names its hidden area too. */
  assert_true (sp_area_group_rename (f->db, 4, "Uppföljning", &error));
  assert_string_equal (sp_budget_line_get_area_name (line_at (f, 0)), "Uppföljning");
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM area WHERE group_id = 4 AND name = 'Uppföljning'"), 1);

  /* A real area of the same name may come later; the group's own lines stay. */
  assert_true (sp_area_add (f->db, 4, "Uppföljning", &error) > 0);
  assert_null (error);
  assert_true (sp_budget_line_is_in_group (line_at (f, 0)));

  /* Without area and group a line is refused. */
  sp_budget_line_data_init (&data);
  data.account = 7010;
  assert_int_equal (sp_budget_line_add (f->db, YEAR, &data, &error), 0);
  assert_non_null (error);
  g_clear_error (&error);
  assert_false (sp_budget_line_set_place_in_group (f->db, moved, 0, 5110, &error));
  g_clear_error (&error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_accounts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_account_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_account_in_use, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_and_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_edits_keep_objects, setup, teardown),
    cmocka_unit_test_setup_teardown (test_move_area_and_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_line_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_year_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_set_apart_from_zero, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_every_edit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paste, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paste_exact, setup, teardown),
    cmocka_unit_test_setup_teardown (test_totals_random, setup, teardown),
    cmocka_unit_test_setup_teardown (test_totals_balance, setup, teardown),
    cmocka_unit_test_setup_teardown (test_columns, NULL, NULL),
    cmocka_unit_test_setup_teardown (test_persisted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_group_lines, setup, teardown),
  };

  return cmocka_run_group_tests_name ("budget", tests, NULL, NULL);
}
