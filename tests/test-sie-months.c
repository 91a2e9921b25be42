/* test-sie-months.c: importing an SIE file's year month by month, by
 * activity area and project (issue 19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/fixtures/sie/follow-up-2024.se has monthly #PSALDO rows and dated
 * vouchers on two areas (objects 10 and 20 of dimension 1, and 99 left out)
 * and two projects (P1 and P2 of dimension 6). The stored monthly actuals
 * are checked against tests/sie-months.py, an independent reader in Python;
 * the objects' mapping is applied here, by the test. The same is done for a
 * real file with period balances and vouchers on objects,
 * transaktioner_ovnbolag-bad-balance.se (the copy in tests/fixtures/sie).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-sie.h"
#include "sp-sie-import.h"
#include "sp-test-util.h"

#define PYTHON "/usr/bin/python3"

static const char plan_sql[] =
  "INSERT INTO plan_year (year) VALUES (2024), (2025);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2024, 1, 'Verksamhet'), (2, 2025, 1, 'Verksamhet');"
  "INSERT INTO area (id, group_id, position, name) VALUES (11, 1, 1, 'Kansli'), (12, 1, 2, 'Insatser');"
  "INSERT INTO area (id, group_id, position, name, lineage) VALUES (21, 2, 1, 'Kansli', 11), (22, 2, 2, 'Insatser', 12);"
  "INSERT INTO project (id, name) VALUES (1, 'Steget'), (2, 'Vidare');"
  /* The ledger account 5010 stands for the project Steget. */
  "INSERT INTO sie_account_map (sie_account, account, project_id) VALUES ('5010', 5010, 1);";

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
  path = g_build_filename (f->dir, "months.db", NULL);
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

static char *
fixture_path (void)
{
  return sp_test_fixture_path ("sie/follow-up-2024.se");
}

static SpSieFile *
parse_path (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return sp_sie_parse ((const guint8 *) contents, length);
}

static SpSieFile *
parse_text (const char *text)
{
  return sp_sie_parse ((const guint8 *) text, strlen (text));
}

static gint64
count (SpDatabase *db,
       const char *sql)
{
  return sp_test_query_int (db, sql);
}

/* What the test maps each object to: area, project (0 none), or left out. */
static void
map_objects (SpSieImport *import)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_sie_import_map_object (import, 1, "10", 11, 0, &error));
  assert_true (sp_sie_import_map_object (import, 1, "20", 12, 0, &error));
  assert_true (sp_sie_import_map_object (import, 1, "99", 0, 0, &error));
  assert_true (sp_sie_import_map_object (import, 6, "P1", 0, 1, &error));
  assert_true (sp_sie_import_map_object (import, 6, "P2", 0, 2, &error));
  g_assert_no_error (error);
}

static gint64
area_of (const char *object)
{
  if (g_str_equal (object, "10"))
    return 11;
  if (g_str_equal (object, "20"))
    return 12;
  /* The real file's cost centres. */
  if (g_str_equal (object, "Nord"))
    return 31;
  if (g_str_equal (object, "Syd"))
    return 32;
  return 0;
}

static gint64
project_of (const char *object)
{
  if (g_str_equal (object, "P1"))
    return 1;
  if (g_str_equal (object, "P2") || g_str_equal (object, "0001"))
    return 2;
  return 0;
}

static void
add_expected (GHashTable *expected,
              guint       month,
              const char *account,
              gint64      area,
              gint64      project,
              gint64      amount)
{
  /* The budget's sign: revenue (3xxx) turned round. */
  int sign = account[0] == '3' ? -1 : 1;
  /* The ledger account 5010 stands for Steget where no object says a project. */
  gint64 p = project != 0 ? project : (g_str_equal (account, "5010") ? 1 : 0);
  char *key = g_strdup_printf ("%u %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, month, account, area, p);
  gint64 *sum = g_hash_table_lookup (expected, key);

  if (sum == NULL)
    {
      sum = g_new0 (gint64, 1);
      g_hash_table_insert (expected, key, sum);
    }
  else
    g_free (key);
  *sum += sign * amount;
}

/* The monthly actuals as tests/sie-months.py has them, mapped as map_objects() does. */
static GHashTable *
independent_months (const char *path,
                    GHashTable *accounts)
{
  const char *argv[] = { PYTHON, SIE_MONTHS_SCRIPT, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer value;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);

      if (accounts != NULL && !g_hash_table_contains (accounts, f[2]))
        continue;
      if (g_str_equal (f[0], "part"))
        {
          gint64 area = area_of (f[3]);
          gint64 project = project_of (f[4]);
          gint64 amount = g_ascii_strtoll (f[5], NULL, 10);

          /* An object that stands for nothing leaves its amount to the rest. */
          if (area == 0 && project == 0)
            add_expected (expected, atoi (f[1]), f[2], 0, 0, amount);
          else
            add_expected (expected, atoi (f[1]), f[2], area, project, amount);
        }
      else if (g_str_equal (f[0], "rest"))
        add_expected (expected, atoi (f[1]), f[2], 0, 0, g_ascii_strtoll (f[3], NULL, 10));
    }
  /* Zeros are not stored. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (*(gint64 *) value == 0)
      g_hash_table_iter_remove (&iter);
  return expected;
}

static void
assert_stored_months (SpDatabase *db,
                      int         year,
                      GHashTable *expected)
{
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  assert_int_equal (sqlite3_prepare_v2 (sp_database_get_handle (db),
                                        "SELECT month, account, coalesce (area_id, 0), coalesce (project_id, 0),"
                                        " amount FROM actual_month WHERE year = ?1",
                                        -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_int (stmt, 1, year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%d %d %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                              sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                                              (gint64) sqlite3_column_int64 (stmt, 2), (gint64) sqlite3_column_int64 (stmt, 3));
      gint64 *want = g_hash_table_lookup (expected, key);

      if (want == NULL || *want != sqlite3_column_int64 (stmt, 4))
        fail_msg ("actual_month %s: %" G_GINT64_FORMAT " stored, %" G_GINT64_FORMAT " expected", key,
                  (gint64) sqlite3_column_int64 (stmt, 4), want != NULL ? *want : (gint64) 0);
      n++;
    }
  sqlite3_finalize (stmt);
  assert_int_equal (n, g_hash_table_size (expected));
}

static void
test_fixture_months (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = fixture_path ();
  g_autoptr(SpSieFile) file = parse_path (path);
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *months = NULL;
  g_autofree char *text = NULL;
  const SpSieImportSummary *summary;

  assert_false (sp_sie_file_has_errors (file));
  import = sp_sie_import_new (f->db, file, "follow-up-2024.se", 2024, &error);
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (import);

  /* Before anything is written: the months and the five objects to choose for. */
  assert_int_equal (summary->first_month, 1);
  assert_int_equal (summary->last_month, 12);
  assert_true (summary->months_from_periods);
  months = sp_sie_import_describe_months (summary);
  assert_string_equal (months, "January–December 2024");
  assert_int_equal (summary->unmapped_objects->len, 5);
  assert_int_equal (((SpSieImportObject *) summary->unmapped_objects->pdata[0])->dimension, 1);
  assert_string_equal (((SpSieImportObject *) summary->unmapped_objects->pdata[0])->object, "10");
  assert_string_equal (((SpSieImportObject *) summary->unmapped_objects->pdata[0])->name, "Kansli");
  assert_string_equal (((SpSieImportObject *) summary->unmapped_objects->pdata[4])->object, "P2");
  text = sp_sie_import_describe (import);
  if (strstr (text, "dimension 1, object 99 Ovrigt: 500") == NULL)
    fail_msg ("%s", text);
  assert_int_equal (summary->months_differ->len, 0);

  map_objects (import);
  summary = sp_sie_import_get_summary (import);
  assert_int_equal (summary->unmapped_objects->len, 0);
  assert_int_equal (summary->n_object_mappings_changed, 5);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month"), 0);
  assert_int_equal (count (f->db, "SELECT count(*) FROM sie_object_map"), 0);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));

  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);

  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      expected = independent_months (path, NULL);
      assert_true (g_hash_table_size (expected) > 40);
      assert_stored_months (f->db, 2024, expected);
    }
  /* The year per account is the sum of its months. */
  assert_int_equal (count (f->db,
                           "SELECT count(*) FROM actual a WHERE year = 2024 AND amount IS NOT"
                           " (SELECT sum (amount) FROM actual_month m WHERE m.year = 2024 AND m.account = a.account)"),
                    0);
  assert_int_equal (count (f->db, "SELECT amount FROM actual WHERE year = 2024 AND account = 3510"), 100000000);
  /* Remembered: areas by lineage, projects by id, 99 left out. */
  assert_int_equal (count (f->db, "SELECT area_lineage FROM sie_object_map WHERE dimension = 1 AND object = '20'"), 12);
  assert_int_equal (count (f->db, "SELECT project_id FROM sie_object_map WHERE dimension = 6 AND object = 'P2'"), 2);
  assert_int_equal (count (f->db, "SELECT count(*) FROM sie_object_map WHERE object = '99'"
                                  " AND area_lineage IS NULL AND project_id IS NULL"), 1);

  /* One undoable edit. */
  assert_true (sp_history_can_undo (sp_database_get_history (f->db)));
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  g_assert_no_error (error);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month"), 0);
  assert_int_equal (count (f->db, "SELECT count(*) FROM sie_object_map"), 0);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual"), 0);
}

static void
test_reimport (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = fixture_path ();
  g_autoptr(SpSieFile) file = parse_path (path);
  g_autoptr(SpSieImport) first = NULL;
  g_autoptr(SpSieImport) again = NULL;
  g_autoptr(SpSieImport) next_year = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const SpSieImportSummary *summary;

  first = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  map_objects (first);
  assert_true (sp_sie_import_apply (first, &error));
  g_assert_no_error (error);
  sp_history_clear (sp_database_get_history (f->db));
  before = sp_test_dump_database (f->db);

  /* The same file again: the choices are remembered, nothing changes. */
  again = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (again);
  assert_int_equal (summary->unmapped_objects->len, 0);
  assert_int_equal (((SpSieImportObject *) summary->objects->pdata[0])->mapping, SP_SIE_MAPPING_REMEMBERED);
  assert_int_equal (((SpSieImportObject *) summary->objects->pdata[0])->area_id, 11);
  assert_true (summary->nothing_to_do);
  assert_false (summary->months_change);
  assert_true (sp_sie_import_apply (again, &error));
  g_assert_no_error (error);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  (void) next_year;
}

/* A real file (transaktioner_ovnbolag, 2011): #PSALDO for every month,
 * vouchers on the cost centres Nord and Syd and the project 0001; one voucher
 * does not balance. Its accounts of the same number as a budget account are
 * imported month by month, as sie-months.py computes them. */
static void
test_real_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = sp_test_fixture_path ("sie/transaktioner_ovnbolag-bad-balance.se");
  g_autoptr(SpSieFile) file = parse_path (path);
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  const SpSieImportSummary *summary;

  assert_true (sp_database_exec (f->db, "INSERT INTO plan_year (year) VALUES (2011);"
                                        "INSERT INTO area_group (id, year, position, name) VALUES (3, 2011, 1, 'A');"
                                        "INSERT INTO area (id, group_id, position, name) VALUES"
                                        " (31, 3, 1, 'Nord'), (32, 3, 2, 'Syd');",
                                 &error));
  import = sp_sie_import_new (f->db, file, NULL, 2011, &error);
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (import);
  assert_true (summary->months_from_periods);
  assert_int_equal (summary->first_month, 1);
  if (summary->unmapped_objects->len < 2)
    fail_msg ("%s", sp_sie_import_describe (import));
  assert_true (sp_sie_import_map_object (import, 1, "Nord", 31, 0, &error));
  assert_true (sp_sie_import_map_object (import, 1, "Syd", 32, 0, &error));
  assert_true (sp_sie_import_map_object (import, 6, "0001", 0, 2, &error));
  summary = sp_sie_import_get_summary (import);
  for (guint i = 0; i < summary->accounts->len; i++)
    {
      const SpSieImportAccount *account = summary->accounts->pdata[i];
      gboolean differs = FALSE;

      for (guint k = 0; k < summary->months_differ->len; k++)
        differs |= g_str_equal (summary->months_differ->pdata[k], account->sie_account);
      if (account->budget_account != 0 && !differs)
        g_hash_table_add (accounts, g_strdup (account->sie_account));
    }
  assert_true (g_hash_table_size (accounts) >= 3);
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_true (count (f->db, "SELECT count(*) FROM actual_month WHERE year = 2011 AND area_id = 32") > 0);
  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      expected = independent_months (path, accounts);
      assert_stored_months (f->db, 2011, expected);
    }
}

/* An object may stand for the lines of a group itself (its implicit area). */
static void
test_list_areas (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = fixture_path ();
  g_autoptr(SpSieFile) file = parse_path (path);
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_exec (f->db, "INSERT INTO area (id, group_id, position, name, implicit)"
                                        " VALUES (13, 1, 0, 'gammalt namn', 1)", &error));
  import = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  areas = sp_sie_import_list_areas (import, &error);
  g_assert_no_error (error);
  assert_int_equal (areas->len, 3);
  assert_int_equal (((SpSieImportArea *) areas->pdata[0])->id, 13);
  assert_string_equal (((SpSieImportArea *) areas->pdata[0])->name, "Verksamhet");
  assert_string_equal (((SpSieImportArea *) areas->pdata[2])->name, "Insatser");
  assert_true (sp_sie_import_map_object (import, 1, "10", 13, 0, &error));
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_true (count (f->db, "SELECT count(*) FROM actual_month WHERE area_id = 13") > 0);
}

/* The areas of the next year are found by their lineage. */
static void
test_lineage (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text ("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n"
                                          "#OBJEKT 1 \"10\" \"Kansli\"\n"
                                          "#VER A 1 20250312 \"\"\n{\n#TRANS 4600 {1 \"10\"} 100.00\n"
                                          "#TRANS 1930 {} -100.00\n}\n");
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_exec (f->db, "INSERT INTO sie_object_map (dimension, object, area_lineage)"
                                        " VALUES (1, '10', 11)", &error));
  import = sp_sie_import_new (f->db, file, NULL, 2025, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_sie_import_get_summary (import)->unmapped_objects->len, 0);
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT area_id FROM actual_month WHERE year = 2025 AND month = 3"), 21);
  assert_int_equal (count (f->db, "SELECT amount FROM actual_month WHERE year = 2025"), 10000);
}

/* A file with the year's results only still imports the year, without months. */
static void
test_without_periods (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text ("#FLAGGA 0\n#SIETYP 2\n#RAR 0 20240101 20241231\n"
                                          "#RES 0 3510 -1000.00\n#RES 0 4600 400.00\n");
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *months = NULL;

  import = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_sie_import_get_summary (import)->first_month, 0);
  months = sp_sie_import_describe_months (sp_sie_import_get_summary (import));
  assert_non_null (strstr (months, "2024"));
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT amount FROM actual WHERE year = 2024 AND account = 3510"), 100000);
  assert_int_equal (count (f->db, "SELECT amount FROM actual WHERE year = 2024 AND account = 4600"), 40000);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month"), 0);
}

/* Months that do not add up to #RES: the year is #RES, without months; and
 * a file of January–August says so. */
static void
test_partial_months (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text ("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20240101 20241231\n"
                                          "#PSALDO 0 202401 4600 {} 100.00\n"
                                          "#PSALDO 0 202408 4600 {} 200.00\n"
                                          "#PSALDO 0 202402 6410 {} 50.00\n"
                                          "#RES 0 4600 300.00\n#RES 0 6410 70.00\n");
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *months = NULL;
  const SpSieImportSummary *summary;

  import = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (import);
  months = sp_sie_import_describe_months (summary);
  assert_string_equal (months, "January–August 2024");
  assert_int_equal (summary->months_differ->len, 1);
  assert_string_equal (summary->months_differ->pdata[0], "6410");
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT sum (amount) FROM actual_month WHERE account = 4600"), 30000);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month WHERE account = 6410"), 0);
  assert_int_equal (count (f->db, "SELECT amount FROM actual WHERE year = 2024 AND account = 6410"), 7000);
}

/* An account tied to a project in the import: its months go to the
 * project, the choice is remembered with the account's own budget account,
 * counted in the summary, taken away again; refused for an account that
 * is not imported or a project that does not exist. */
static void
test_account_project (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text ("#FLAGGA 0\n#SIETYP 4\n#RAR 0 20240101 20241231\n"
                                          "#PSALDO 0 202403 4600 {} 100.00\n"
                                          "#PSALDO 0 202405 4600 {} 200.00\n"
                                          "#PSALDO 0 202403 7987 {} 10.00\n"
                                          "#RES 0 4600 300.00\n#RES 0 7987 10.00\n");
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(SpSieImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const SpSieImportSummary *summary;

  import = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  assert_false (sp_sie_import_map_account_project (import, "7987", 2, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_sie_import_map_account_project (import, "4600", 99, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);
  assert_false (sp_sie_import_map_account_project (import, "1234", 2, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);

  assert_true (sp_sie_import_map_account_project (import, "4600", 2, &error));
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (import);
  assert_int_equal (summary->n_project_mappings_changed, 1);
  text = sp_sie_import_describe (import);
  assert_non_null (strstr (text, "1 account’s project will be remembered."));
  assert_int_equal (count (f->db, "SELECT count(*) FROM sie_account_map WHERE sie_account = '4600'"), 0);
  assert_true (sp_sie_import_apply (import, &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT project_id FROM sie_account_map WHERE sie_account = '4600'"), 2);
  assert_int_equal (count (f->db, "SELECT account FROM sie_account_map WHERE sie_account = '4600'"), 4600);
  assert_int_equal (count (f->db, "SELECT sum (amount) FROM actual_month WHERE project_id = 2"), 30000);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month WHERE project_id IS NULL"), 0);

  /* The next import finds it; nothing to do. Then no project again. */
  again = sp_sie_import_new (f->db, file, NULL, 2024, &error);
  g_assert_no_error (error);
  summary = sp_sie_import_get_summary (again);
  for (guint i = 0; i < summary->accounts->len; i++)
    {
      const SpSieImportAccount *account = summary->accounts->pdata[i];
      assert_int_equal (account->project_id, g_str_equal (account->sie_account, "4600") ? 2 : 0);
    }
  assert_true (summary->nothing_to_do);
  assert_true (sp_sie_import_map_account_project (again, "4600", 0, &error));
  assert_false (sp_sie_import_get_summary (again)->nothing_to_do);
  assert_true (sp_sie_import_apply (again, &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT count(*) FROM sie_account_map WHERE project_id = 2"), 0);
  assert_int_equal (count (f->db, "SELECT account FROM sie_account_map WHERE sie_account = '4600'"), 4600);
  assert_int_equal (count (f->db, "SELECT count(*) FROM actual_month WHERE project_id = 2"), 0);
  assert_int_equal (count (f->db, "SELECT sum (amount) FROM actual_month WHERE account = 4600"), 30000);

  /* Undo brings the project back, in one step. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  g_assert_no_error (error);
  assert_int_equal (count (f->db, "SELECT project_id FROM sie_account_map WHERE sie_account = '4600'"), 2);
  assert_int_equal (count (f->db, "SELECT sum (amount) FROM actual_month WHERE project_id = 2"), 30000);
}

/* Object lists: pairs of dimension and object. */
static void
test_object_lists (void **state)
{
  g_autofree char *a = sp_sie_objects_get ("1 10 6 P1", 6);
  g_autofree char *b = sp_sie_objects_get ("1 10 6 P1", 1);
  g_autofree char *c = sp_sie_objects_get ("1 10 6", 6);
  g_autofree char *d = sp_sie_objects_get ("x 10 6 P2", 6);
  g_autofree char *e = sp_sie_objects_get (NULL, 1);

  (void) state;
  assert_string_equal (a, "P1");
  assert_string_equal (b, "10");
  assert_null (c);
  assert_string_equal (d, "P2");
  assert_null (e);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_object_lists),
    cmocka_unit_test_setup_teardown (test_fixture_months, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reimport, setup, teardown),
    cmocka_unit_test_setup_teardown (test_lineage, setup, teardown),
    cmocka_unit_test_setup_teardown (test_real_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_list_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_without_periods, setup, teardown),
    cmocka_unit_test_setup_teardown (test_partial_months, setup, teardown),
    cmocka_unit_test_setup_teardown (test_account_project, setup, teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
