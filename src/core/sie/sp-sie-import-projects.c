/* sp-sie-import-projects.c: the ledger accounts that stand for a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some förbund keep one ledger account per project ("4611 Projekt Steget")
 * instead of a project object on each voucher row. Such an account is tied
 * to the project in `sie_account_map.project_id` (schema step 9): the rows
 * of its monthly actuals that no project object claims go to the project,
 * and so count as its payouts (sp-project-payout.c). The choice is made in
 * the import window before anything is written, like the account's budget
 * account, and remembered when the import is applied, as part of its one
 * undoable edit.
 *
 * The mapping row keeps the budget account it had: a row made only for the
 * project gets the account's budget account (its own number when that is
 * how it was found), so that "left out" (a row without a budget account)
 * never comes from choosing a project.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-sie-import-private.h"

/* The remembered projects: SIE account → project id (of a project that
 * still exists). */
static GHashTable *
load_remembered (SpSieImport  *self,
                 GError      **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (self->database,
                                        "SELECT m.sie_account, m.project_id FROM sie_account_map m"
                                        " JOIN project p ON p.id = m.project_id",
                                        error);
  GHashTable *remembered;

  if (stmt == NULL)
    return NULL;
  remembered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 *project = g_new (gint64, 1);

      *project = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (remembered, g_strdup (sp_edit_column_text (stmt, 0)), project);
    }
  sqlite3_reset (stmt);
  return remembered;
}

static SpSieImportAccount *
find_account (SpSieImport *self,
              const char  *sie_account)
{
  for (guint i = 0; i < self->summary.accounts->len; i++)
    {
      SpSieImportAccount *account = self->summary.accounts->pdata[i];

      if (g_str_equal (account->sie_account, sie_account))
        return account;
    }
  return NULL;
}

/**
 * sp_sie_import_resolve_projects:
 *
 * Sets the project of each account of the summary (which must be computed
 * up to the accounts): the one chosen now, else the remembered one; none for
 * an account that goes to no budget account. Counts the choices that change
 * what is remembered. Reads only.
 */
gboolean
sp_sie_import_resolve_projects (SpSieImport  *self,
                                GError      **error)
{
  SpSieImportSummary *summary = &self->summary;
  g_autoptr(GHashTable) remembered = load_remembered (self, error);

  if (remembered == NULL)
    return FALSE;
  summary->n_project_mappings_changed = 0;
  for (guint i = 0; i < summary->accounts->len; i++)
    {
      SpSieImportAccount *account = summary->accounts->pdata[i];
      const gint64 *chosen = g_hash_table_lookup (self->chosen_projects, account->sie_account);
      const gint64 *stored = g_hash_table_lookup (remembered, account->sie_account);
      gint64 was = stored != NULL ? *stored : 0;

      account->project_id = chosen != NULL ? *chosen : was;
      if (account->budget_account == 0)
        {
          account->project_id = 0;
          continue;
        }
      if (chosen != NULL && *chosen != was)
        summary->n_project_mappings_changed++;
    }
  return TRUE;
}

/**
 * sp_sie_import_apply_projects:
 *
 * Inside the import's edit, after the accounts' mappings are written:
 * remembers the projects chosen for accounts that go to a budget account.
 */
gboolean
sp_sie_import_apply_projects (SpSieImport  *self,
                              GError      **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->chosen_projects);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const SpSieImportAccount *account = find_account (self, key);
      gint64 project = *(gint64 *) value;
      sqlite3_stmt *stmt;

      if (account == NULL || account->budget_account == 0)
        continue;
      if (project != 0)
        {
          stmt = sp_edit_prepare (self->database,
                                  "INSERT INTO sie_account_map (sie_account, account, project_id) VALUES (?1, ?2, ?3)"
                                  " ON CONFLICT (sie_account) DO UPDATE SET project_id = ?3"
                                  " WHERE project_id IS NOT ?3",
                                  error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int (stmt, 2, account->budget_account);
          sqlite3_bind_int64 (stmt, 3, project);
        }
      else
        {
          stmt = sp_edit_prepare (self->database,
                                  "UPDATE sie_account_map SET project_id = NULL"
                                  " WHERE sie_account = ?1 AND project_id IS NOT NULL",
                                  error);
          if (stmt == NULL)
            return FALSE;
        }
      sp_edit_bind_text (stmt, 1, key);
      if (!sp_edit_step_done (self->database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sp_sie_import_map_account_project:
 * @sie_account: an account of the file that goes to a budget account
 * @project_id: the project whose money the account holds, or 0 for none
 *
 * Ties an account of the ledger to a project: its monthly actuals that no
 * project object claims count as the project's. Remembered for later
 * imports when the import is applied. The summary is worked out again.
 */
gboolean
sp_sie_import_map_account_project (SpSieImport  *self,
                                   const char   *sie_account,
                                   gint64        project_id,
                                   GError      **error)
{
  const SpSieImportAccount *account;
  gint64 *chosen;

  g_return_val_if_fail (self != NULL && sie_account != NULL, FALSE);

  account = find_account (self, sie_account);
  if (account == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("The file has no revenue or cost account %s in this year."), sie_account);
      return FALSE;
    }
  if (account->budget_account == 0 && project_id != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The account %s is not imported: choose its budget account before its project."),
                   sie_account);
      return FALSE;
    }
  if (project_id != 0 &&
      !sp_edit_check_exists (self->database, "SELECT count(*) FROM project WHERE id = ?1", project_id,
                             _("The project no longer exists."), error))
    return FALSE;
  chosen = g_new (gint64, 1);
  *chosen = project_id;
  g_hash_table_insert (self->chosen_projects, g_strdup (sie_account), chosen);
  return sp_sie_import_recompute (self, error);
}
