/* sp-cli-export.c: `samplan --export-xlsx`, the Excel export from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "sp-cli.h"

#include "sp-budget-checks.h"
#include "sp-database.h"
#include "export/sp-export.h"

/**
 * sp_cli_export_xlsx:
 * @db_path: the database file
 * @dir: the target folder
 * @year: the budget year
 * @member_names: (nullable): the members to export; %NULL or empty: the
 *   treasurer's workbook and every member's
 * @tkr: show amounts in tkr
 * @allow_failed_checks: export also when the year's budget fails a check
 * @through_month: (nullable): "1"–"12": the treasurer's workbook gets the
 *   sheet "Uppföljning", January through this month; %NULL: no such sheet
 *
 * `samplan --export-xlsx DIR --year Y [--member NAME]… [--tkr]
 * [--through M] [--allow-failed-checks] FILE.db`: opens the database read-only, checks
 * the year's budget (sp-budget-checks.h) and prints every check that fails
 * on standard error; writes nothing then, unless @allow_failed_checks.
 * Prints each written path on standard output and any error or warning (a
 * text cut to fit a cell) on standard error; an error says which files
 * were written and which not.
 *
 * Returns: the exit status: 0 when every file was written, 2 for options
 *   that do not fit, 1 otherwise
 */
int
sp_cli_export_xlsx (const char         *db_path,
                    const char         *dir,
                    int                 year,
                    const char * const *member_names,
                    gboolean            tkr,
                    gboolean            allow_failed_checks,
                    const char         *through_month)
{
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  SpExportOptions options;
  guint64 month = 0;
  gboolean ok;

  if (through_month != NULL && !g_ascii_string_to_unsigned (through_month, 10, 1, 12, &month, NULL))
    {
      g_printerr ("samplan: %s\n", _("--through takes the month the follow-up sheet runs through, 1–12 "
                                     "(4: January–April, 8: January–August)."));
      return 2;
    }
  if (through_month != NULL && member_names != NULL && member_names[0] != NULL)
    {
      g_printerr ("samplan: %s\n", _("--through adds the follow-up sheet to the treasurer’s workbook, "
                                     "which --member leaves out."));
      return 2;
    }

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }

  /* A year without a plan is refused by the export itself, below. */
  {
    g_autoptr(SpBudgetChecks) checks = sp_budget_checks_new (database, year, NULL);

    if (checks != NULL && sp_budget_checks_count_failed (checks) > 0)
      {
        g_autofree char *failed = sp_budget_checks_dup_failed_text (checks);
        g_auto(GStrv) lines = g_strsplit (failed, "\n", -1);

        g_printerr ("samplan: ");
        /* Translators: on the command line, before the list of failed checks */
        g_printerr (_("The budget of %d does not add up:"), year);
        g_printerr ("\n");
        for (guint i = 0; lines[i] != NULL; i++)
          g_printerr ("  – %s\n", lines[i]);
        if (!allow_failed_checks)
          {
            g_printerr ("samplan: %s\n",
                        _("Nothing was written. Correct the budget, or export it as it is with --allow-failed-checks."));
            return 1;
          }
        g_printerr ("samplan: %s\n", _("Exported all the same (--allow-failed-checks); the workbook says what does not add up."));
      }
  }

  sp_export_options_init (&options, year);
  options.unit = tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  options.warnings = warnings;
  options.through_month = (guint) month;
  if (member_names != NULL && member_names[0] != NULL)
    {
      /* Only the members named: the treasurer's workbook is the default's. */
      options.member_names = member_names;
      options.treasurer = FALSE;
    }

  /* libxlsxwriter prints its own errors, in English, on standard error:
   * the cause is said below in the user's words instead. */
  {
    int saved_stderr = dup (STDERR_FILENO);
    int devnull = open ("/dev/null", O_WRONLY | O_CLOEXEC);

    fflush (stderr);
    if (saved_stderr >= 0 && devnull >= 0)
      dup2 (devnull, STDERR_FILENO);
    ok = sp_export_write (database, dir, &options, written, &error);
    fflush (stderr);
    if (saved_stderr >= 0 && devnull >= 0)
      dup2 (saved_stderr, STDERR_FILENO);
    if (saved_stderr >= 0)
      close (saved_stderr);
    if (devnull >= 0)
      close (devnull);
  }
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (written, i));
      g_print ("%s\n", display);
    }
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("samplan: %s\n", (const char *) g_ptr_array_index (warnings, i));
  if (!ok)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }
  return 0;
}
