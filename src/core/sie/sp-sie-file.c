/* sp-sie-file.c: what a read SIE file holds: its problems, years, accounts, vouchers
 * and totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-sie-private.h"

void
sp_sie_file_free (SpSieFile *file)
{
  if (file == NULL)
    return;
  g_free (file->declared_format);
  g_free (file->program);
  g_free (file->company);
  g_free (file->org_number);
  g_free (file->chart);
  g_array_unref (file->years);
  g_array_unref (file->accounts);
  g_array_unref (file->dims);
  g_array_unref (file->objects);
  g_array_unref (file->opening);
  g_array_unref (file->closing);
  g_array_unref (file->results);
  g_array_unref (file->period_balances);
  g_array_unref (file->period_budgets);
  g_array_unref (file->vouchers);
  g_array_unref (file->problems);
  g_hash_table_unref (file->account_index);
  g_free (file);
}

gboolean
sp_sie_file_has_errors (const SpSieFile *file)
{
  return file->n_errors > 0;
}

guint
sp_sie_file_count_problems (const SpSieFile  *file,
                            SpSieProblemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < file->problems->len; i++)
    if (g_array_index (file->problems, SpSieProblem, i).kind == kind)
      n++;
  return n;
}

/**
 * sp_sie_problem_to_string:
 *
 * Returns: (transfer full): "Line 12: …" (translated), or the message alone
 *   for a problem of the whole file
 */
char *
sp_sie_problem_to_string (const SpSieProblem *problem)
{
  if (problem->line == 0)
    return g_strdup (problem->message);
  /* Translators: %u is a line number of the file, %s what is wrong there */
  return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
}

/**
 * sp_sie_file_get_year:
 * @index: 0 for the current fiscal year, -1 the one before…
 *
 * Returns: (nullable): the fiscal year, or %NULL when the file has none such
 */
const SpSieYear *
sp_sie_file_get_year (const SpSieFile *file,
                      int              index)
{
  for (guint i = 0; i < file->years->len; i++)
    if (g_array_index (file->years, SpSieYear, i).index == index)
      return &g_array_index (file->years, SpSieYear, i);
  return NULL;
}

/**
 * sp_sie_file_find_year:
 * @calendar_year: e.g. 2009
 *
 * Returns: (nullable): the fiscal year that ends in @calendar_year (a
 *   förbund's fiscal year is the calendar year)
 */
const SpSieYear *
sp_sie_file_find_year (const SpSieFile *file,
                       int              calendar_year)
{
  for (guint i = 0; i < file->years->len; i++)
    if ((int) (g_array_index (file->years, SpSieYear, i).end / 10000) == calendar_year)
      return &g_array_index (file->years, SpSieYear, i);
  return NULL;
}

/**
 * sp_sie_file_get_account:
 *
 * Returns: (nullable): the account, declared or only used, or %NULL
 */
const SpSieAccount *
sp_sie_file_get_account (const SpSieFile *file,
                         const char      *number)
{
  gpointer index = g_hash_table_lookup (file->account_index, number);

  if (index == NULL)
    return NULL;
  return &g_array_index (file->accounts, SpSieAccount, GPOINTER_TO_UINT (index) - 1);
}

guint
sp_sie_file_count_vouchers (const SpSieFile *file,
                            int              year)
{
  guint n = 0;

  for (guint i = 0; i < file->vouchers->len; i++)
    if (g_array_index (file->vouchers, SpSieVoucher, i).year == year)
      n++;
  return n;
}

/* Account numbers in their natural order: 910 before 1010, then as text. */
static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const char *x = ((const SpSieTotal *) a)->account;
  const char *y = ((const SpSieTotal *) b)->account;
  gsize lx = strlen (x), ly = strlen (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x, y);
}

static SpSieTotal *
total_for (GArray     *totals,
           GHashTable *index,
           const char *account)
{
  gpointer i = g_hash_table_lookup (index, account);

  if (i == NULL)
    {
      SpSieTotal total = { g_strdup (account), 0, SP_SIE_SOURCE_VOUCHERS, 0 };

      g_array_append_val (totals, total);
      i = GUINT_TO_POINTER (totals->len);
      g_hash_table_insert (index, g_array_index (totals, SpSieTotal, totals->len - 1).account, i);
    }
  return &g_array_index (totals, SpSieTotal, GPOINTER_TO_UINT (i) - 1);
}

static gint64
add_saturated (gint64 a,
               gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/**
 * sp_sie_file_get_voucher_totals:
 * @year: a fiscal year's index
 *
 * The sum of the #TRANS rows per account, over the vouchers dated in @year.
 *
 * Returns: (transfer full) (element-type SpSieTotal): one total per account
 *   that has rows, in the order of the account numbers
 */
GArray *
sp_sie_file_get_voucher_totals (const SpSieFile *file,
                                int              year)
{
  GArray *totals = sp_sie_new_array (sizeof (SpSieTotal), sp_sie_clear_total);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < file->vouchers->len; i++)
    {
      const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, i);

      if (voucher->year != year)
        continue;
      for (guint t = 0; t < voucher->trans->len; t++)
        {
          const SpSieTrans *trans = &g_array_index (voucher->trans, SpSieTrans, t);
          SpSieTotal *total = total_for (totals, index, trans->account);

          total->amount = add_saturated (total->amount, trans->amount);
          total->n_trans++;
        }
    }
  g_array_sort (totals, compare_totals);
  return totals;
}

/**
 * sp_sie_file_get_totals:
 * @year: a fiscal year's index
 *
 * The result of each account in @year: its #RES where the file has one,
 * otherwise the sum of its #TRANS rows in the vouchers of @year.
 *
 * Returns: (transfer full) (element-type SpSieTotal): one total per account,
 *   in the order of the account numbers
 */
GArray *
sp_sie_file_get_totals (const SpSieFile *file,
                        int              year)
{
  GArray *totals = sp_sie_file_get_voucher_totals (file, year);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < totals->len; i++)
    g_hash_table_insert (index, g_array_index (totals, SpSieTotal, i).account, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < file->results->len; i++)
    {
      const SpSieBalance *res = &g_array_index (file->results, SpSieBalance, i);
      SpSieTotal *total;

      if (res->year != year)
        continue;
      total = total_for (totals, index, res->account);
      total->amount = res->amount;
      total->source = SP_SIE_SOURCE_RESULT;
    }
  g_array_sort (totals, compare_totals);
  return totals;
}

/**
 * sp_sie_objects_get:
 * @objects: (nullable): an object list as #SpSieTrans and #SpSieBalance keep
 *   it, "dim obj dim obj" ("1 10 6 P1")
 * @dim: a dimension (1 cost centre, 6 project)
 *
 * The object of @dim in the list. The items were joined by blanks, so an
 * object code that itself holds a blank cannot be told from two items: such
 * a list gives what its pairs say, and an item without its pair is left out.
 * The first object of @dim counts when the list names the dimension twice.
 *
 * Returns: (transfer full) (nullable): the object's code, or %NULL when the
 *   list has none of @dim
 */
char *
sp_sie_objects_get (const char *objects,
                    int         dim)
{
  g_auto(GStrv) items = NULL;
  guint n;

  if (objects == NULL || objects[0] == '\0')
    return NULL;
  items = g_strsplit (objects, " ", -1);
  n = g_strv_length (items);
  for (guint i = 0; i + 1 < n; i += 2)
    {
      int number;

      if (sp_sie_parse_int (items[i], &number) && number == dim && items[i + 1][0] != '\0')
        return g_strdup (items[i + 1]);
    }
  return NULL;
}

const char *
sp_sie_encoding_to_string (SpSieEncoding encoding)
{
  switch (encoding)
    {
    case SP_SIE_ENCODING_ASCII:
      return "ASCII";
    case SP_SIE_ENCODING_CP437:
      return "CP437";
    case SP_SIE_ENCODING_UTF8:
      return "UTF-8";
    case SP_SIE_ENCODING_LATIN1:
      return "Latin-1";
    default:
      return "";
    }
}
