/* fuzz-sie.c: libFuzzer target for the SIE parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer,address,undefined in the 'fuzz' suite,
 * with the whole core; the SIE samples, tests/fuzz/sie and the files of
 * tests/sie-hostile.py are its seed corpus. Every input must parse without a
 * crash, a leak or undefined behaviour, and what comes out must hold
 * together. Then it is imported into one förbund, and:
 *
 *  - a refused import leaves the database's dump as it was;
 *  - an accepted one stores, per budget account, the sum this file works
 *    out on its own from the parsed records (#RES, else the year's #TRANS);
 *    undo then brings the dump back.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-database-private.h"
#include "sp-history.h"
#include "sp-sie.h"
#include "sp-sie-import.h"
#include "sp-test-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Says which condition failed, then lets libFuzzer keep the input. */
#define check(condition) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        g_printerr ("fuzz-sie.c:%d: %s\n", __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

static const char plan_sql[] =
  "UPDATE association SET name = 'Samordningsförbundet Övre Ådalen', org_number = '222000-1479';"
  "INSERT INTO plan_year (year) VALUES (2023), (2024), (2025);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2025, 1, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES (11, 1, 1, 'Kansli');"
  "INSERT INTO budget_line (id, year, area_id, account, position, text, budget, previous_actual) VALUES"
  "  (1, 2025, 11, 3510, 1, 'Staten', 100000000, 77700),"
  "  (2, 2025, 11, 4600, 2, 'Kansliet', 50000000, 12300);";

static SpDatabase *database;
static char *empty_dump;

/* One förbund for the whole run, in a temporary folder (left for the system to clear). */
static void
ensure_database (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (database != NULL)
    return;
  /* On a tmpfs when there is one: each accepted input writes and undoes. */
  dir = sp_test_make_tmpdir ();
  check (dir != NULL);
  path = g_build_filename (dir, "fuzz.db", NULL);
  database = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  check (database != NULL);
  check (sp_database_exec (database, plan_sql, &error));
  empty_dump = sp_test_dump_database (database);
}

/* The year's result of @account as the records say, worked out apart from
 * the import: its first #RES in the year, else the sum of its #TRANS rows in
 * the vouchers of the year. FALSE when the file has none. */
static gboolean
independent_sum (const SpSieFile *file,
                 int              year_index,
                 const char      *account,
                 gint64          *sum)
{
  gboolean found = FALSE;

  for (guint i = 0; i < file->results->len; i++)
    {
      const SpSieBalance *res = &g_array_index (file->results, SpSieBalance, i);
      if (res->year == year_index && g_str_equal (res->account, account))
        {
          *sum = res->amount;
          return TRUE;
        }
    }
  *sum = 0;
  for (guint v = 0; v < file->vouchers->len; v++)
    {
      const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, v);

      if (voucher->year != year_index)
        continue;
      for (guint t = 0; t < voucher->trans->len; t++)
        {
          const SpSieTrans *trans = &g_array_index (voucher->trans, SpSieTrans, t);
          if (g_str_equal (trans->account, account))
            {
              *sum += trans->amount;
              found = TRUE;
            }
        }
    }
  return found;
}

/* The two invariants of the import, on the year of the file's year 0. */
static void
check_import (const SpSieFile *file)
{
  const SpSieYear *current = sp_sie_file_get_year (file, 0);
  int year = current != NULL ? (int) (current->end / 10000) : 2024;
  GError *error = NULL;
  SpSieImport *import;
  char *after;

  ensure_database ();
  import = sp_sie_import_new (database, file, "fuzz.se", year, &error);
  if (sp_sie_file_has_errors (file))
    check (import == NULL);
  if (import != NULL && sp_sie_import_get_summary (import)->org_match != SP_SIE_ORG_DIFFERS &&
      !sp_sie_import_get_summary (import)->nothing_to_do)
    {
      static const struct { const char *account; gboolean revenue; } budget[] = {
        { "3510", TRUE }, { "3810", TRUE }, { "4600", FALSE }, { "6410", FALSE }, { "7900", FALSE },
      };

      check (sp_sie_import_apply (import, &error));
      for (guint i = 0; i < G_N_ELEMENTS (budget); i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT amount FROM actual WHERE year = %d AND account = %s",
                                                  year, budget[i].account);
          gint64 stored = sp_test_query_int (database, sql);
          gint64 sum = 0;

          if (independent_sum (file, sp_sie_file_find_year (file, year)->index, budget[i].account, &sum))
            check (stored == (budget[i].revenue ? -sum : sum));
          else
            check (stored == G_MININT64);
        }
      /* Where there are months, they add up to the year. */
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM actual a WHERE year = %d AND EXISTS"
                                                " (SELECT 1 FROM actual_month m WHERE m.year = a.year"
                                                "  AND m.account = a.account) AND amount <>"
                                                " (SELECT sum (amount) FROM actual_month m WHERE m.year = a.year"
                                                "  AND m.account = a.account)",
                                                year);
        check (sp_test_query_int (database, sql) == 0);
      }
      if (sp_history_can_undo (sp_database_get_history (database)))
        check (sp_history_undo (sp_database_get_history (database), &error));
    }
  g_clear_error (&error);
  g_clear_pointer (&import, sp_sie_import_free);

  /* Refused, or accepted and undone: as before. */
  after = sp_test_dump_database (database);
  check (g_str_equal (after, empty_dump));
  g_free (after);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpSieFile *file = sp_sie_parse (data, size);
  guint n_errors = 0;

  check (file != NULL);
  check (file->problems->len <= SP_SIE_MAX_PROBLEMS);
  for (guint i = 0; i < file->problems->len; i++)
    {
      const SpSieProblem *problem = &g_array_index (file->problems, SpSieProblem, i);
      char *text = sp_sie_problem_to_string (problem);

      check (g_utf8_validate (text, -1, NULL));
      check (problem->line <= file->n_lines);
      if (problem->severity == SP_SIE_ERROR)
        n_errors++;
      g_free (text);
    }
  check (n_errors <= file->n_errors);

  /* Every string is UTF-8, whatever the bytes were. */
  check (file->company == NULL || g_utf8_validate (file->company, -1, NULL));
  for (guint i = 0; i < file->accounts->len; i++)
    {
      const SpSieAccount *account = &g_array_index (file->accounts, SpSieAccount, i);

      check (g_utf8_validate (account->number, -1, NULL));
      check (account->name == NULL || g_utf8_validate (account->name, -1, NULL));
      check (sp_sie_file_get_account (file, account->number) != NULL);
    }

  for (guint y = 0; y < file->years->len; y++)
    {
      const SpSieYear *year = &g_array_index (file->years, SpSieYear, y);
      GArray *sums = sp_sie_file_get_voucher_totals (file, year->index);
      GArray *totals = sp_sie_file_get_totals (file, year->index);
      guint n_trans = 0;

      check (sp_sie_file_get_year (file, year->index) != NULL);
      check (sp_sie_file_find_year (file, (int) (year->end / 10000)) != NULL);
      check (totals->len >= sums->len);
      for (guint i = 0; i < sums->len; i++)
        n_trans += g_array_index (sums, SpSieTotal, i).n_trans;
      for (guint v = 0; v < file->vouchers->len; v++)
        if (g_array_index (file->vouchers, SpSieVoucher, v).year == year->index)
          n_trans -= g_array_index (file->vouchers, SpSieVoucher, v).trans->len;
      check (n_trans == 0);
      g_array_unref (sums);
      g_array_unref (totals);
    }

  /* The amount reader on its own, on the input as a string. */
  if (size < 64)
    {
      char *text = g_strndup ((const char *) data, size);
      SpMoney amount = 0;

      if (sp_sie_parse_amount (text, &amount))
        check (amount >= SP_MONEY_MIN && amount <= SP_MONEY_MAX);
      g_free (text);
    }

  check_import (file);
  sp_sie_file_free (file);
  return 0;
}
