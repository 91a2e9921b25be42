/* sp-sie-months.c: an SIE file's year month by month (see sp-sie-months.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-sie-months.h"

/* What is gathered of one account before the rule chooses; its first member
 * is what the table gives out. */
typedef struct {
  SpSieAccountMonths  result;
  SpMoney             periods[12];
  guint               period_months;
  SpMoney             vouchers[12];
  guint               voucher_months;
  GArray             *period_parts;
} Gathered;

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

static void
clear_part (gpointer data)
{
  SpSieMonthPart *part = data;

  g_free (part->area_object);
  g_free (part->project_object);
}

static GArray *
new_parts (void)
{
  GArray *parts = g_array_new (FALSE, TRUE, sizeof (SpSieMonthPart));

  g_array_set_clear_func (parts, clear_part);
  return parts;
}

static void
free_gathered (gpointer data)
{
  Gathered *gathered = data;

  if (gathered->result.parts != NULL)
    g_array_unref (gathered->result.parts);
  if (gathered->period_parts != NULL)
    g_array_unref (gathered->period_parts);
  g_free (gathered);
}

static Gathered *
gathered_for (GHashTable *accounts,
              const char *account)
{
  Gathered *gathered = g_hash_table_lookup (accounts, account);

  if (gathered == NULL)
    {
      gathered = g_new0 (Gathered, 1);
      gathered->result.parts = new_parts ();
      gathered->period_parts = new_parts ();
      g_hash_table_insert (accounts, g_strdup (account), gathered);
    }
  return gathered;
}

/* Adds a part, unless the row is on no object of dimension 1 or 6. */
static void
add_part (GArray     *parts,
          guint       month,
          const char *objects,
          SpMoney     amount)
{
  SpSieMonthPart part = { month, NULL, NULL, amount };

  part.area_object = sp_sie_objects_get (objects, 1);
  part.project_object = sp_sie_objects_get (objects, 6);
  if (part.area_object == NULL && part.project_object == NULL)
    return;
  g_array_append_val (parts, part);
}

/* The number of items in an object list. */
static guint
count_items (const char *objects)
{
  guint n = 1;

  for (const char *p = objects; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

static void
read_periods (GHashTable      *accounts,
              const SpSieFile *file,
              int              year_index,
              int              calendar_year)
{
  for (guint i = 0; i < file->period_balances->len; i++)
    {
      const SpSieBalance *balance = &g_array_index (file->period_balances, SpSieBalance, i);
      guint month = balance->period % 100;
      Gathered *gathered;

      if (balance->year != year_index || (int) (balance->period / 100) != calendar_year ||
          month < 1 || month > 12)
        continue;
      gathered = gathered_for (accounts, balance->account);
      if (balance->objects == NULL)
        {
          /* A month given twice is counted once: the first row holds. */
          if (gathered->period_months & (1u << (month - 1)))
            continue;
          gathered->periods[month - 1] = balance->amount;
          gathered->period_months |= 1u << (month - 1);
        }
      else if (count_items (balance->objects) == 2)
        {
          /* One object of one dimension: the objects of a dimension do not
           * overlap. A list of several objects would overlap the others. */
          add_part (gathered->period_parts, month, balance->objects, balance->amount);
        }
    }
}

static void
read_vouchers (GHashTable      *accounts,
               const SpSieFile *file,
               int              year_index,
               int              calendar_year)
{
  for (guint i = 0; i < file->vouchers->len; i++)
    {
      const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, i);

      if (voucher->year != year_index)
        continue;
      for (guint t = 0; t < voucher->trans->len; t++)
        {
          const SpSieTrans *trans = &g_array_index (voucher->trans, SpSieTrans, t);
          guint32 date = trans->date != 0 && (int) (trans->date / 10000) == calendar_year
                         ? trans->date : voucher->date;
          guint month = (date / 100) % 100;
          Gathered *gathered;

          if ((int) (date / 10000) != calendar_year || month < 1 || month > 12)
            continue;
          gathered = gathered_for (accounts, trans->account);
          gathered->vouchers[month - 1] = add_saturated (gathered->vouchers[month - 1], trans->amount);
          gathered->voucher_months |= 1u << (month - 1);
          add_part (gathered->result.parts, month, trans->objects, trans->amount);
        }
    }
}

/* Chooses, for each account, the months' totals and their split. */
static void
choose (Gathered *gathered)
{
  g_autoptr(GArray) parts = NULL;
  SpMoney voucher_months[12] = { 0, };

  if (gathered->period_months != 0)
    {
      memcpy (gathered->result.total, gathered->periods, sizeof gathered->periods);
      gathered->result.months = gathered->period_months;
      gathered->result.from_periods = TRUE;
    }
  else
    {
      memcpy (gathered->result.total, gathered->vouchers, sizeof gathered->vouchers);
      gathered->result.months = gathered->voucher_months;
    }

  /* The voucher rows split a month that they add up to; other months are
   * split by the period balances on objects. */
  memcpy (voucher_months, gathered->vouchers, sizeof voucher_months);
  parts = g_steal_pointer (&gathered->result.parts);
  gathered->result.parts = new_parts ();
  for (guint source = 0; source < 2; source++)
    {
      GArray *from = source == 0 ? parts : gathered->period_parts;

      for (guint i = 0; i < from->len; i++)
        {
          SpSieMonthPart *part = &g_array_index (from, SpSieMonthPart, i);
          guint bit = 1u << (part->month - 1);
          gboolean vouchers_hold = (gathered->voucher_months & bit) &&
                                   voucher_months[part->month - 1] == gathered->result.total[part->month - 1];

          if (!(gathered->result.months & bit) || (source == 0) != vouchers_hold)
            continue;
          g_array_append_val (gathered->result.parts, *part);
          /* Moved: the copy owns the strings now. */
          part->area_object = NULL;
          part->project_object = NULL;
        }
    }
}

/**
 * sp_sie_months_collect:
 * @year_index: the fiscal year (#RAR's number)
 *
 * Returns: (transfer full) (element-type utf8 SpSieAccountMonths): per account
 *   of the file that has months in the year; empty when the fiscal year is
 *   not a calendar year
 */
GHashTable *
sp_sie_months_collect (const SpSieFile *file,
                       int              year_index)
{
  GHashTable *accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_gathered);
  const SpSieYear *year = sp_sie_file_get_year (file, year_index);
  GHashTableIter iter;
  gpointer value;

  if (year == NULL || year->start / 10000 != year->end / 10000 ||
      year->start % 10000 != 101 || year->end % 10000 != 1231)
    return accounts;
  read_periods (accounts, file, year_index, (int) (year->end / 10000));
  read_vouchers (accounts, file, year_index, (int) (year->end / 10000));

  g_hash_table_iter_init (&iter, accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    choose (value);
  return accounts;
}
