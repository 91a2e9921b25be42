/* sp-sie-import.c: importing a year's actuals from an SIE file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Needs the tables `actual` and `sie_account_map` (schema step 4).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sp-association.h"
#include "sp-edit-private.h"
#include "sp-sie-import-private.h"
#include "sp-sie-months.h"

/* ---- Helpers ------------------------------------------------------------- */

static void
free_import_account (gpointer data)
{
  SpSieImportAccount *account = data;
  g_free (account->sie_account);
  g_free (account->name);
  g_free (account);
}

static void
free_actual_change (gpointer data)
{
  SpSieActualChange *change = data;
  g_free (change->name);
  g_free (change);
}

static void
free_line_change (gpointer data)
{
  SpSieLineChange *change = data;

  if (change == NULL)
    return;
  g_free (change->area_name);
  g_free (change->text);
  g_free (change);
}

static void
summary_clear (SpSieImportSummary *summary)
{
  g_clear_pointer (&summary->file_name, g_free);
  g_clear_pointer (&summary->company, g_free);
  g_clear_pointer (&summary->org_number, g_free);
  g_clear_pointer (&summary->association_org_number, g_free);
  g_clear_pointer (&summary->unmapped, g_ptr_array_unref);
  g_clear_pointer (&summary->accounts, g_ptr_array_unref);
  g_clear_pointer (&summary->actual_changes, g_ptr_array_unref);
  g_clear_pointer (&summary->line_changes, g_ptr_array_unref);
}

/* The last ten digits: "556654-7898", "5566547898" and "165566547898" are one. */
static char *
org_digits (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  if (digits->len > 10)
    g_string_erase (digits, 0, digits->len - 10);
  return g_string_free (digits, FALSE);
}

/* Adds @amount to *@sum when both stay within what the database stores
 * (%SP_MONEY_MAX, whose sums of two never overflow a gint64). */
gboolean
sp_sie_import_add_within_limit (SpMoney *sum,
                                SpMoney  amount)
{
  if (amount > SP_MONEY_MAX || amount < SP_MONEY_MIN)
    return FALSE;
  if (*sum + amount > SP_MONEY_MAX || *sum + amount < SP_MONEY_MIN)
    return FALSE;
  *sum += amount;
  return TRUE;
}

void
sp_sie_import_beyond_limit (GError     **error,
                            const char  *what)
{
  g_autofree char *limit = sp_money_format (SP_MONEY_MAX, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);

  g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
               /* Translators: the first %s says which sum ("The result of account 3510 in 2024"),
                * the second is the largest amount, "10 000 000 000 kr" */
               _("%s is larger than the largest amount Samplan stores, %s. The file cannot be imported; "
                 "nothing was changed."),
               what, limit);
}

static SpMoney
budget_sign (SpAccountKind kind,
             SpMoney       sie_amount)
{
  return kind == SP_ACCOUNT_KIND_REVENUE ? -sie_amount : sie_amount;
}

/* The budget's accounts: number → kind + 1 (so that 0 is "none"). */
static GHashTable *
load_budget_accounts (SpDatabase  *database,
                      GHashTable  *names,
                      GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT number, kind, name FROM account", error);
  GHashTable *kinds;

  if (stmt == NULL)
    return NULL;
  kinds = g_hash_table_new (NULL, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      SpAccountKind kind = SP_ACCOUNT_KIND_COST;

      sp_account_kind_from_string (sp_edit_column_text (stmt, 1), &kind);
      g_hash_table_insert (kinds, GINT_TO_POINTER (number), GINT_TO_POINTER (kind + 1));
      g_hash_table_insert (names, GINT_TO_POINTER (number), g_strdup (sp_edit_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  return kinds;
}

/* The remembered mappings: SIE account → budget account, 0 for "left out". */
static GHashTable *
load_mappings (SpDatabase  *database,
               GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT sie_account, account FROM sie_account_map", error);
  GHashTable *mappings;

  if (stmt == NULL)
    return NULL;
  mappings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (mappings, g_strdup (sp_edit_column_text (stmt, 0)),
                         GINT_TO_POINTER (sqlite3_column_type (stmt, 1) == SQLITE_NULL
                                          ? 0 : sqlite3_column_int (stmt, 1)));
  sqlite3_reset (stmt);
  return mappings;
}

static int
compare_int_keys (gconstpointer a,
                  gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gpointer *) a);
  int y = GPOINTER_TO_INT (*(gpointer *) b);
  return (x > y) - (x < y);
}

/* Works out everything that the import would change. Reads only. */
static gboolean
compute (SpSieImport  *self,
         GError      **error)
{
  SpSieImportSummary *summary = &self->summary;
  const SpSieFile *file = self->file;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) kinds = NULL;
  g_autoptr(GHashTable) mappings = NULL;
  g_autoptr(GHashTable) new_actuals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) old_actuals = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(SpAssociation) association = NULL;
  g_autofree char *file_org = NULL;
  g_autofree char *our_org = NULL;
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  const SpSieYear *year = sp_sie_file_get_year (file, self->year_index);

  g_clear_pointer (&summary->unmapped, g_ptr_array_unref);
  g_clear_pointer (&summary->accounts, g_ptr_array_unref);
  g_clear_pointer (&summary->actual_changes, g_ptr_array_unref);
  g_clear_pointer (&summary->line_changes, g_ptr_array_unref);
  g_clear_pointer (&summary->association_org_number, g_free);
  summary->accounts = g_ptr_array_new_with_free_func (free_import_account);
  summary->unmapped = g_ptr_array_new ();
  summary->actual_changes = g_ptr_array_new_with_free_func (free_actual_change);
  summary->line_changes = g_ptr_array_new_with_free_func (free_line_change);
  summary->revenue = 0;
  summary->costs = 0;
  summary->year_result = 0;
  summary->has_year_result = FALSE;
  summary->n_mapped = 0;
  summary->n_mappings_changed = 0;
  summary->chart = sp_sie_chart_detect (file, &summary->chart_guessed);

  association = sp_association_load (self->database, error);
  if (association == NULL)
    return FALSE;
  summary->association_org_number = g_strdup (association->org_number);
  file_org = org_digits (file->org_number);
  our_org = org_digits (association->org_number);
  if (file_org[0] == '\0' || our_org[0] == '\0')
    summary->org_match = SP_SIE_ORG_UNKNOWN;
  else
    summary->org_match = g_str_equal (file_org, our_org) ? SP_SIE_ORG_MATCHES : SP_SIE_ORG_DIFFERS;

  summary->year = self->year;
  summary->year_start = year->start;
  summary->year_end = year->end;
  summary->n_vouchers = sp_sie_file_count_vouchers (file, self->year_index);
  summary->n_unbalanced = 0;
  for (guint i = 0; i < file->vouchers->len; i++)
    {
      const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, i);
      if (voucher->year == self->year_index && voucher->sum != 0)
        summary->n_unbalanced++;
    }

  kinds = load_budget_accounts (self->database, names, error);
  if (kinds == NULL)
    return FALSE;
  mappings = load_mappings (self->database, error);
  if (mappings == NULL)
    return FALSE;

  /* The file's result accounts and where they go. */
  totals = sp_sie_file_get_totals (file, self->year_index);
  for (guint i = 0; i < totals->len; i++)
    {
      const SpSieTotal *total = &g_array_index (totals, SpSieTotal, i);
      const SpSieAccount *declared = sp_sie_file_get_account (file, total->account);
      SpSieImportAccount *account;
      SpSieAccountClass class = sp_sie_chart_classify (summary->chart, total->account, total->amount);
      SpAccountKind kind = class == SP_SIE_CLASS_REVENUE ? SP_ACCOUNT_KIND_REVENUE : SP_ACCOUNT_KIND_COST;
      gboolean within;
      gpointer found;
      int target = 0;

      if (class == SP_SIE_CLASS_OTHER)
        continue;
      if (total->amount > SP_MONEY_MAX || total->amount < SP_MONEY_MIN)
        {
          g_autofree char *what = g_strdup_printf (_("The result of account %s in %d"), total->account, self->year);
          sp_sie_import_beyond_limit (error, what);
          return FALSE;
        }
      if (class == SP_SIE_CLASS_YEAR_RESULT)
        {
          /* The closing entry: a surplus is booked as a debit, so that the
           * result accounts add up to 0; as it stands, a surplus is positive. */
          if (!sp_sie_import_add_within_limit (&summary->year_result, total->amount))
            {
              g_autofree char *what = g_strdup_printf (_("The year’s result of %d"), self->year);
              sp_sie_import_beyond_limit (error, what);
              return FALSE;
            }
          summary->has_year_result = TRUE;
          continue;
        }
      account = g_new0 (SpSieImportAccount, 1);
      account->sie_account = g_strdup (total->account);
      account->name = declared != NULL ? g_strdup (declared->name) : NULL;
      account->kind = kind;
      account->sie_amount = total->amount;
      account->source = total->source;
      g_ptr_array_add (summary->accounts, account);
      if (kind == SP_ACCOUNT_KIND_REVENUE)
        within = sp_sie_import_add_within_limit (&summary->revenue, -total->amount);
      else
        within = sp_sie_import_add_within_limit (&summary->costs, total->amount);
      if (!within)
        {
          g_autofree char *what = g_strdup_printf (kind == SP_ACCOUNT_KIND_REVENUE
                                                   ? _("The revenue of %d") : _("The costs of %d"),
                                                   self->year);
          sp_sie_import_beyond_limit (error, what);
          return FALSE;
        }

      if (g_hash_table_lookup_extended (self->chosen, total->account, NULL, &found))
        {
          target = GPOINTER_TO_INT (found);
          account->mapping = target != 0 ? SP_SIE_MAPPING_CHOSEN : SP_SIE_MAPPING_LEFT_OUT;
          if (!g_hash_table_lookup_extended (mappings, total->account, NULL, &value) ||
              GPOINTER_TO_INT (value) != target)
            summary->n_mappings_changed++;
        }
      else if (g_hash_table_lookup_extended (mappings, total->account, NULL, &found))
        {
          target = GPOINTER_TO_INT (found);
          account->mapping = target != 0 ? SP_SIE_MAPPING_REMEMBERED : SP_SIE_MAPPING_LEFT_OUT;
        }
      else if (g_hash_table_contains (kinds, GINT_TO_POINTER (atoi (total->account))))
        {
          target = atoi (total->account);
          account->mapping = SP_SIE_MAPPING_SAME_NUMBER;
        }
      else
        account->mapping = SP_SIE_MAPPING_NONE;

      if (target != 0 && !g_hash_table_contains (kinds, GINT_TO_POINTER (target)))
        {
          /* A remembered account that has since been deleted from the chart. */
          target = 0;
          account->mapping = SP_SIE_MAPPING_NONE;
        }
      account->budget_account = target;
      if (target != 0)
        {
          SpAccountKind target_kind = GPOINTER_TO_INT (g_hash_table_lookup (kinds, GINT_TO_POINTER (target))) - 1;
          SpMoney *sum = g_hash_table_lookup (new_actuals, GINT_TO_POINTER (target));

          account->amount = budget_sign (target_kind, total->amount);
          if (sum == NULL)
            {
              sum = g_new0 (SpMoney, 1);
              g_hash_table_insert (new_actuals, GINT_TO_POINTER (target), sum);
            }
          if (!sp_sie_import_add_within_limit (sum, account->amount))
            {
              g_autofree char *what = g_strdup_printf (_("The actuals of budget account %d in %d"),
                                                       target, self->year);
              sp_sie_import_beyond_limit (error, what);
              return FALSE;
            }
          summary->n_mapped++;
        }
      else
        account->amount = budget_sign (kind, total->amount);
      if (account->mapping == SP_SIE_MAPPING_NONE)
        g_ptr_array_add (summary->unmapped, account);
    }
  summary->n_accounts = summary->accounts->len;
  if (!sp_sie_import_resolve_projects (self, error))
    return FALSE;
  if (!sp_sie_import_compute_months (self, kinds, error))
    return FALSE;

  /* The actuals stored now. */
  stmt = sp_edit_prepare (self->database, "SELECT account, amount FROM actual WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpMoney *amount = g_new (SpMoney, 1);
      *amount = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (old_actuals, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)), amount);
    }
  sqlite3_reset (stmt);

  keys = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, new_actuals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_hash_table_iter_init (&iter, old_actuals);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (new_actuals, key))
      g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_int_keys);
  for (guint i = 0; i < keys->len; i++)
    {
      SpMoney *new_amount = g_hash_table_lookup (new_actuals, keys->pdata[i]);
      SpMoney *old_amount = g_hash_table_lookup (old_actuals, keys->pdata[i]);
      SpSieActualChange *change;

      if (new_amount != NULL && old_amount != NULL && *new_amount == *old_amount)
        continue;
      change = g_new0 (SpSieActualChange, 1);
      change->account = GPOINTER_TO_INT (keys->pdata[i]);
      change->name = g_strdup (g_hash_table_lookup (names, keys->pdata[i]));
      change->old_amount = old_amount != NULL ? *old_amount : SP_BUDGET_NOT_SET;
      change->new_amount = new_amount != NULL ? *new_amount : SP_BUDGET_NOT_SET;
      g_ptr_array_add (summary->actual_changes, change);
    }

  /* Next year's lines: their "previous year's actuals". */
  stmt = sp_edit_prepare (self->database, "SELECT status FROM plan_year WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year + 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    summary->next_year_status = g_str_equal (sp_edit_column_text (stmt, 0), "adopted") ? 2 : 0;
  else
    summary->next_year_status = 1;
  sqlite3_reset (stmt);

  if (summary->next_year_status == 0)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (free_line_change);
      guint i = 0;

      stmt = sp_edit_prepare (self->database,
                              "SELECT l.id, l.account, CASE WHEN a.implicit THEN g.name ELSE a.name END, l.text, l.previous_actual"
                              " FROM budget_line l JOIN area a ON a.id = l.area_id"
                              " JOIN area_group g ON g.id = a.group_id"
                              " WHERE l.year = ?1"
                              " ORDER BY l.account, g.position, g.id, a.position, a.id, l.position, l.id",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, self->year + 1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          SpSieLineChange *line = g_new0 (SpSieLineChange, 1);

          line->line_id = sqlite3_column_int64 (stmt, 0);
          line->account = sqlite3_column_int (stmt, 1);
          line->area_name = g_strdup (sp_edit_column_text (stmt, 2));
          line->text = g_strdup (sp_edit_column_text (stmt, 3));
          line->old_amount = sqlite3_column_type (stmt, 4) == SQLITE_NULL
                             ? SP_BUDGET_NOT_SET : sqlite3_column_int64 (stmt, 4);
          g_ptr_array_add (lines, line);
        }
      sqlite3_reset (stmt);

      /* One account's lines at a time. */
      while (i < lines->len)
        {
          int account = ((SpSieLineChange *) lines->pdata[i])->account;
          SpMoney *actual = g_hash_table_lookup (new_actuals, GINT_TO_POINTER (account));
          SpMoney total = actual != NULL ? *actual : 0;
          SpMoney sum = 0;
          gboolean all_set = TRUE;
          guint end = i;

          while (end < lines->len && ((SpSieLineChange *) lines->pdata[end])->account == account)
            {
              SpSieLineChange *line = lines->pdata[end++];
              if (SP_BUDGET_IS_SET (line->old_amount))
                sum += line->old_amount;
              else
                all_set = FALSE;
            }
          for (guint k = i; k < end; k++)
            {
              SpSieLineChange *line = lines->pdata[k];

              if (all_set && sum == total)
                line->new_amount = line->old_amount;
              else
                line->new_amount = k == i ? total : SP_BUDGET_NOT_SET;
            }
          i = end;
        }
      for (i = 0; i < lines->len; i++)
        {
          SpSieLineChange *line = lines->pdata[i];
          if (line->new_amount != line->old_amount)
            g_ptr_array_add (summary->line_changes, g_steal_pointer (&lines->pdata[i]));
        }
    }

  summary->nothing_to_do = summary->actual_changes->len == 0 && summary->line_changes->len == 0 &&
                           summary->n_mappings_changed == 0 && !summary->months_change &&
                           summary->n_object_mappings_changed == 0 &&
                           summary->n_project_mappings_changed == 0;
  return TRUE;
}

gboolean
sp_sie_import_recompute (SpSieImport  *self,
                         GError      **error)
{
  return compute (self, error);
}

static gboolean
do_apply (SpDatabase  *database,
          gpointer     user_data,
          GError     **error)
{
  SpSieImport *self = user_data;
  SpSieImportSummary *summary = &self->summary;
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;

  /* Worked out again inside the edit, so that it is what is written. */
  if (!compute (self, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->chosen);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      stmt = sp_edit_prepare (database,
                              "INSERT INTO sie_account_map (sie_account, account) VALUES (?1, ?2)"
                              " ON CONFLICT (sie_account) DO UPDATE SET account = ?2"
                              " WHERE account IS NOT ?2",
                              error);
      if (stmt == NULL)
        return FALSE;
      sp_edit_bind_text (stmt, 1, key);
      sp_edit_bind_optional (stmt, 2, GPOINTER_TO_INT (value) != 0, GPOINTER_TO_INT (value));
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }

  if (!sp_sie_import_apply_projects (self, error))
    return FALSE;
  if (!sp_sie_import_apply_months (self, error))
    return FALSE;

  for (guint i = 0; i < summary->actual_changes->len; i++)
    {
      const SpSieActualChange *change = summary->actual_changes->pdata[i];

      if (SP_BUDGET_IS_SET (change->new_amount))
        {
          stmt = sp_edit_prepare (database,
                                  "INSERT INTO actual (year, account, amount) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (year, account) DO UPDATE SET amount = ?3"
                                  " WHERE amount IS NOT ?3",
                                  error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 3, change->new_amount);
        }
      else
        {
          stmt = sp_edit_prepare (database, "DELETE FROM actual WHERE year = ?1 AND account = ?2", error);
          if (stmt == NULL)
            return FALSE;
        }
      sqlite3_bind_int (stmt, 1, self->year);
      sqlite3_bind_int (stmt, 2, change->account);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < summary->line_changes->len; i++)
    {
      const SpSieLineChange *change = summary->line_changes->pdata[i];

      stmt = sp_edit_prepare (database,
                              "UPDATE budget_line SET previous_actual = ?2"
                              " WHERE id = ?1 AND previous_actual IS NOT ?2",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, change->line_id);
      sp_edit_bind_optional (stmt, 2, SP_BUDGET_IS_SET (change->new_amount), change->new_amount);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static char *
format_amount (SpMoney amount)
{
  if (!SP_BUDGET_IS_SET (amount))
    /* Translators: an empty amount ("not set") in the import summary */
    return g_strdup (_("empty"));
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

static char *
format_day (guint32 date)
{
  return g_strdup_printf ("%04u-%02u-%02u", date / 10000, (date / 100) % 100, date % 100);
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * sp_sie_import_new:
 * @file: a parsed file without errors; it must outlive the import
 * @file_name: (nullable): its name, for the summary
 * @year: the year to import, e.g. 2009: the file's fiscal year that ends in it
 *
 * Works out what importing @file into @year would change. Writes nothing.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL with @error when
 *   the file has errors or no fiscal year @year
 */
SpSieImport *
sp_sie_import_new (SpDatabase       *database,
                   const SpSieFile  *file,
                   const char       *file_name,
                   int               year,
                   GError          **error)
{
  g_autoptr(SpSieImport) self = NULL;
  const SpSieYear *fiscal;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  if (!sp_edit_check_year (year, error))
    return NULL;
  if (sp_sie_file_has_errors (file))
    {
      g_autofree char *first = NULL;

      for (guint i = 0; i < file->problems->len && first == NULL; i++)
        {
          const SpSieProblem *problem = &g_array_index (file->problems, SpSieProblem, i);
          if (problem->severity == SP_SIE_ERROR)
            first = sp_sie_problem_to_string (problem);
        }
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   /* Translators: %s is the file's first error, with its line */
                   _("The file cannot be imported. %s"), first != NULL ? first : "");
      return NULL;
    }
  fiscal = sp_sie_file_find_year (file, year);
  if (fiscal == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("The file has no fiscal year that ends in %d."), year);
      return NULL;
    }
  /* A year the file only names (#RAR -1 in this year's books): importing it
   * would empty every actual of the year. */
  if (sp_sie_file_count_vouchers (file, fiscal->index) == 0)
    {
      gboolean has_results = FALSE;

      for (guint i = 0; i < file->results->len && !has_results; i++)
        has_results = g_array_index (file->results, SpSieBalance, i).year == fiscal->index;
      if (!has_results)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                       _("The file has neither results (#RES) nor vouchers for %d; it only names the year. "
                         "Nothing was imported. Export the books of %d to import them."),
                       year, year);
          return NULL;
        }
    }

  self = g_new0 (SpSieImport, 1);
  self->database = g_object_ref (database);
  self->file = file;
  self->year = year;
  self->year_index = fiscal->index;
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->chosen_objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->chosen_projects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->summary.file_name = g_strdup (file_name != NULL ? file_name : "");
  self->summary.company = g_strdup (file->company);
  self->summary.org_number = g_strdup (file->org_number);
  if (!compute (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
sp_sie_import_free (SpSieImport *self)
{
  if (self == NULL)
    return;
  summary_clear (&self->summary);
  sp_sie_import_clear_months (self);
  g_clear_pointer (&self->months, g_hash_table_unref);
  g_clear_pointer (&self->chosen_objects, g_hash_table_unref);
  g_clear_pointer (&self->chosen_projects, g_hash_table_unref);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_object (&self->database);
  g_free (self);
}

/**
 * sp_sie_import_get_summary:
 *
 * Returns: (transfer none): what the import will change; valid until the next
 *   call of sp_sie_import_map_account() or sp_sie_import_apply()
 */
const SpSieImportSummary *
sp_sie_import_get_summary (SpSieImport *self)
{
  return &self->summary;
}

/**
 * sp_sie_import_map_account:
 * @sie_account: an account of the file
 * @budget_account: the budget account its actuals go to, or 0 to leave it out
 *
 * Chooses where an account of the file goes; remembered for later imports
 * when the import is applied. The summary is worked out again.
 */
gboolean
sp_sie_import_map_account (SpSieImport  *self,
                           const char   *sie_account,
                           int           budget_account,
                           GError      **error)
{
  SpSieAccountClass class;

  g_return_val_if_fail (self != NULL && sie_account != NULL, FALSE);

  class = sp_sie_chart_classify (self->summary.chart, sie_account, 0);
  if (class == SP_SIE_CLASS_YEAR_RESULT)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The account %s holds the year’s result, booked when the books were closed: it is "
                     "neither revenue nor a cost."), sie_account);
      return FALSE;
    }
  if (class == SP_SIE_CLASS_OTHER)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The account %s is not a revenue or cost account (3xxx–8xxx)."), sie_account);
      return FALSE;
    }
  if (budget_account != 0)
    {
      g_autoptr(SpAccount) account = sp_account_load (self->database, budget_account, error);
      if (account == NULL)
        return FALSE;
    }
  g_hash_table_insert (self->chosen, g_strdup (sie_account), GINT_TO_POINTER (budget_account));
  return compute (self, error);
}

/**
 * sp_sie_import_apply:
 *
 * Writes the actuals, the lines of next year and the chosen mappings as one
 * undoable edit. When the file was imported already it writes nothing and
 * makes no undo step.
 */
gboolean
sp_sie_import_apply (SpSieImport  *self,
                     GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!compute (self, error))
    return FALSE;
  if (self->summary.nothing_to_do)
    return TRUE;
  if (!sp_edit_run (self->database, _("Import actuals"), do_apply, self, error))
    return FALSE;
  return compute (self, error);
}

/**
 * sp_sie_import_describe:
 *
 * Returns: (transfer full): the summary as text for the user, translated
 */
char *
sp_sie_import_describe (SpSieImport *self)
{
  const SpSieImportSummary *s = &self->summary;
  GString *out = g_string_new (NULL);
  g_autofree char *start = format_day (s->year_start);
  g_autofree char *end = format_day (s->year_end);
  g_autofree char *revenue = format_amount (s->revenue);
  g_autofree char *costs = format_amount (s->costs);
  g_autofree char *result = format_amount (s->revenue - s->costs);

  g_string_append_printf (out, _("File: %s\n"), s->file_name);
  g_string_append_printf (out, _("Company: %s\n"), s->company != NULL ? s->company : "–");
  g_string_append_printf (out, _("Organisation number: %s"), s->org_number != NULL ? s->org_number : "–");
  if (s->org_match == SP_SIE_ORG_MATCHES)
    g_string_append (out, _(" (the coordination association’s)\n"));
  else if (s->org_match == SP_SIE_ORG_DIFFERS)
    g_string_append_printf (out, _(" — NOT the coordination association’s (%s)\n"), s->association_org_number);
  else
    g_string_append_c (out, '\n');
  g_string_append_printf (out, _("Fiscal year: %s – %s, imported as actuals of %d\n"), start, end, s->year);
  g_string_append_printf (out, _("Revenue and cost accounts: %u, vouchers: %u\n"), s->n_accounts, s->n_vouchers);
  if (s->chart_guessed)
    /* Translators: %s is the name of a chart of accounts, "BAS" or "Kommun-Bas" */
    g_string_append_printf (out, _("Chart of accounts: %s (the file does not say; guessed from the account "
                                   "names)\n"),
                            sp_sie_chart_to_string (s->chart));
  else
    g_string_append_printf (out, _("Chart of accounts: %s\n"), sp_sie_chart_to_string (s->chart));
  g_string_append_printf (out, _("Revenue: %s, costs: %s, result: %s\n"), revenue, costs, result);
  if (s->has_year_result)
    {
      g_autofree char *booked = format_amount (s->year_result);
      g_string_append_printf (out, _("The books are closed: the year’s result booked in them, %s, is not "
                                     "imported (it is no cost).\n"),
                              booked);
      if (s->year_result != s->revenue - s->costs)
        g_string_append_printf (out, _("Check the file: the result booked in it, %s, is not the revenue less "
                                       "the costs read from it, %s.\n"),
                                booked, result);
    }
  if (s->n_unbalanced > 0)
    g_string_append_printf (out, _("Vouchers that do not balance: %u\n"), s->n_unbalanced);

  if (s->unmapped->len > 0)
    {
      g_string_append (out, _("Accounts not in the budget (choose a budget account for them; until then "
                              "they are left out):\n"));
      for (guint i = 0; i < s->unmapped->len; i++)
        {
          const SpSieImportAccount *a = s->unmapped->pdata[i];
          g_autofree char *amount = format_amount (a->amount);
          g_string_append_printf (out, "  %s %s: %s\n", a->sie_account, a->name != NULL ? a->name : "", amount);
        }
    }
  sp_sie_import_describe_objects (self, out);
  if (s->actual_changes->len > 0)
    {
      g_string_append_printf (out, _("Actuals of %d that change:\n"), s->year);
      for (guint i = 0; i < s->actual_changes->len; i++)
        {
          const SpSieActualChange *c = s->actual_changes->pdata[i];
          g_autofree char *old_amount = format_amount (c->old_amount);
          g_autofree char *new_amount = format_amount (c->new_amount);
          g_string_append_printf (out, "  %d %s: %s → %s\n", c->account, c->name != NULL ? c->name : "",
                                  old_amount, new_amount);
        }
    }
  if (s->line_changes->len > 0)
    {
      g_string_append_printf (out, _("Budget lines of %d whose previous year’s actuals change:\n"), s->year + 1);
      for (guint i = 0; i < s->line_changes->len; i++)
        {
          const SpSieLineChange *c = s->line_changes->pdata[i];
          g_autofree char *old_amount = format_amount (c->old_amount);
          g_autofree char *new_amount = format_amount (c->new_amount);
          g_string_append_printf (out, "  %d %s %s: %s → %s\n", c->account, c->area_name, c->text,
                                  old_amount, new_amount);
        }
    }
  if (s->next_year_status == 2)
    g_string_append_printf (out, _("The plan for %d is adopted: its budget lines are left as they are.\n"),
                            s->year + 1);
  if (s->n_mappings_changed > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u account mapping will be remembered.\n",
                                              "%u account mappings will be remembered.\n",
                                              s->n_mappings_changed),
                            s->n_mappings_changed);
  if (s->n_project_mappings_changed > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u account’s project will be remembered.\n",
                                              "%u accounts’ projects will be remembered.\n",
                                              s->n_project_mappings_changed),
                            s->n_project_mappings_changed);
  if (s->nothing_to_do && s->n_mapped == 0 && s->unmapped->len > 0)
    g_string_append (out, _("Nothing changes: none of the file’s revenue and cost accounts is in the budget "
                            "yet. Choose a budget account for each in the import window, or add the "
                            "accounts to the budget.\n"));
  else if (s->nothing_to_do)
    g_string_append (out, _("Nothing changes: the file has been imported already.\n"));
  return g_string_free (out, FALSE);
}
