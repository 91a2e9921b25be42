/* test-sie-hostile.c: importing the hostile SIE files of tests/sie-hostile.py
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The generator spoils every record kind of small valid books in every way
 * it knows, in every line end and encoding. Each file is read and imported
 * into the same förbund, and two things must hold:
 *
 *  - a refused file (errors, or refused by the import) leaves the database's
 *    dump as it was;
 *  - an accepted one stores, per budget account, what tests/sie-totals.py
 *    (an independent parser in Python) sums for it; undo then brings the
 *    database back to its dump.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "sp-budget.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-sie.h"
#include "sp-sie-import.h"
#include "sp-test-util.h"

#ifndef SIE_HOSTILE_SCRIPT
#define SIE_HOSTILE_SCRIPT ""
#endif
#ifndef SIE_TOTALS_SCRIPT
#define SIE_TOTALS_SCRIPT ""
#endif

#define PYTHON "/usr/bin/python3"

static const char plan_sql[] =
  "UPDATE association SET name = 'Samordningsförbundet Övre Ådalen', org_number = '222000-1479';"
  "INSERT INTO plan_year (year) VALUES (2024), (2025);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2025, 1, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES (11, 1, 1, 'Kansli');"
  "INSERT INTO budget_line (id, year, area_id, account, position, text, budget, previous_actual) VALUES"
  "  (1, 2025, 11, 3510, 1, 'Staten', 100000000, 77700),"
  "  (2, 2025, 11, 4600, 2, 'Kansliet', 50000000, 12300),"
  "  (3, 2025, 11, 7900, 3, 'Övrigt', 10000, NULL);";

static char *
run_python (const char *script,
            const char *argument)
{
  const char *argv[] = { PYTHON, script, argument, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("%s %s: %s", script, argument, err);
  return g_steal_pointer (&out);
}

/* The year 0 result of each account as sie-totals.py has it: its #RES, or
 * else the sum of its rows in the vouchers of the year. */
static GHashTable *
independent_results (const char *path)
{
  g_autofree char *out = run_python (SIE_TOTALS_SCRIPT, path);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) trans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      gint64 *amount;

      if (g_strv_length (f) != 4 || !g_str_equal (f[1], "0"))
        continue;
      amount = g_new (gint64, 1);
      *amount = g_ascii_strtoll (f[3], NULL, 10);
      if (g_str_equal (f[0], "res"))
        g_hash_table_replace (results, g_strdup (f[2]), amount);
      else if (g_str_equal (f[0], "trans"))
        g_hash_table_replace (trans, g_strdup (f[2]), amount);
      else
        g_free (amount);
    }
  /* #RES first; the vouchers only where there is none. */
  g_hash_table_iter_init (&iter, trans);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (results, key))
      {
        gint64 *amount = g_new (gint64, 1);
        *amount = *(gint64 *) value;
        g_hash_table_insert (results, g_strdup (key), amount);
      }
  return results;
}

static void
check_accepted (SpDatabase  *db,
                SpSieImport *import,
                const char  *path)
{
  g_autoptr(GHashTable) expected = independent_results (path);
  const char *accounts[] = { "3510", "4600", "7900" };
  const SpSieImportSummary *summary = sp_sie_import_get_summary (import);

  for (guint i = 0; i < G_N_ELEMENTS (accounts); i++)
    {
      gint64 *sie = g_hash_table_lookup (expected, accounts[i]);
      g_autofree char *sql = g_strdup_printf ("SELECT amount FROM actual WHERE year = 2024 AND account = %s",
                                              accounts[i]);
      gint64 stored = sp_test_query_int (db, sql);
      gint64 want;

      if (sie == NULL)
        {
          if (stored != G_MININT64)
            fail_msg ("%s: account %s stored %" G_GINT64_FORMAT ", Python has none", path, accounts[i], stored);
          continue;
        }
      /* Revenue turned round, costs kept. */
      want = accounts[i][0] == '3' ? -*sie : *sie;
      if (stored != want)
        fail_msg ("%s: account %s stored %" G_GINT64_FORMAT ", Python sums %" G_GINT64_FORMAT,
                  path, accounts[i], stored, want);
    }
  assert_true (summary->nothing_to_do);
}

static void
test_hostile_files (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *files = g_build_filename (dir, "filer", NULL);
  g_autofree char *db_path = g_build_filename (dir, "hostile.db", NULL);
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *before = NULL;
  guint n_refused = 0, n_accepted = 0;

  count = run_python (SIE_HOSTILE_SCRIPT, files);
  db = sp_database_open (db_path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_true (sp_database_exec (db, plan_sql, &error));
  before = sp_test_dump_database (db);
  names = sp_test_list_dir (files);
  assert_int_equal (names->len, atoi (count));

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (files, names->pdata[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *after = NULL;
      g_autoptr(SpSieFile) file = NULL;
      g_autoptr(SpSieImport) import = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      file = sp_sie_parse ((const guint8 *) contents, length);
      import = sp_sie_import_new (db, file, names->pdata[i], 2024, &error);
      if (sp_sie_file_has_errors (file))
        assert_null (import);

      if (import == NULL)
        {
          assert_non_null (error);
          g_clear_error (&error);
          n_refused++;
        }
      else
        {
          /* Every valid file imports; the spoilt ones that pass must import right. */
          if (!sp_sie_import_apply (import, &error))
            fail_msg ("%s: %s", (char *) names->pdata[i], error->message);
          check_accepted (db, import, path);
          if (sp_history_can_undo (sp_database_get_history (db)))
            assert_true (sp_history_undo (sp_database_get_history (db), &error));
          g_assert_no_error (error);
          n_accepted++;
        }
      after = sp_test_dump_database (db);
      if (!g_str_equal (before, after))
        fail_msg ("%s changed the database", (char *) names->pdata[i]);
    }
  /* Both kinds were there: the valid books in all their forms, and damage. */
  assert_true (n_accepted >= 12);
  assert_true (n_refused >= 12);
  g_printerr ("# %u hostile files: %u accepted, %u refused\n", names->len, n_accepted, n_refused);
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_hostile_files),
  };

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("# %s is absent: the hostile files are not written\n", PYTHON);
      printf ("1..0 # SKIP no Python\n");
      return 0;
    }
  return cmocka_run_group_tests_name ("sie-hostile", tests, NULL, NULL);
}
