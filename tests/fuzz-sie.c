/* fuzz-sie.c: libFuzzer target for the SIE parser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer,address,undefined in the 'fuzz' suite;
 * the SIE samples are its seed corpus. Every input must parse without a
 * crash, a leak or undefined behaviour, and what comes out must hold together.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sp-sie.h"

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

  sp_sie_file_free (file);
  return 0;
}
