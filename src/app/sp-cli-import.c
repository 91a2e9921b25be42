/* sp-cli-import.c: `samplan --import-sie`, the SIE import from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-cli.h"

#include "sp-database.h"
#include "sp-presence.h"
#include "sie/sp-sie.h"
#include "sie/sp-sie-import.h"

/**
 * sp_cli_import_sie:
 * @sie_path: the SIE file
 * @db_path: the förbund's database, which must exist
 * @year: the year whose actuals the file holds
 * @dry_run: print the summary and write nothing
 *
 * `samplan --import-sie FILE.se --year Y [--dry-run] DB.db`: prints the
 * file's problems and the summary, then imports. Refuses a file with errors,
 * and another organisation's file.
 *
 * Returns: the exit status: 0 on success
 */
int
sp_cli_import_sie (const char *sie_path,
                   const char *db_path,
                   int         year,
                   gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SpSieFile) file = NULL;
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(SpPresence) presence = NULL;
  const SpSieImportSummary *summary;
  gsize length = 0;

  if (!g_file_get_contents (sie_path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  file = sp_sie_parse ((const guint8 *) contents, length);
  for (guint i = 0; i < file->problems->len; i++)
    {
      const SpSieProblem *problem = &g_array_index (file->problems, SpSieProblem, i);
      g_autofree char *line = sp_sie_problem_to_string (problem);

      g_printerr ("%s: %s %s\n", sie_path,
                  problem->severity == SP_SIE_ERROR ? _("Error:") : _("Warning:"), line);
    }
  if (file->n_problems_left_out > 0)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%s: … and %u more problem.\n", "%s: … and %u more problems.\n",
                             file->n_problems_left_out),
                sie_path, file->n_problems_left_out);

  /* Writing while a window shows the file would go unseen there: refuse
   * when another Samplan has it open, and be present while importing. */
  if (!dry_run)
    {
      g_autofree char *canonical = g_canonicalize_filename (db_path, NULL);

      presence = sp_presence_claim (canonical, FALSE, NULL, &error);
      if (presence == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_printerr (_("Close the file there and try again; nothing was imported.\n"));
          return 1;
        }
    }

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING, &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  base = g_path_get_basename (sie_path);
  import = sp_sie_import_new (database, file, base, year, &error);
  if (import == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  text = sp_sie_import_describe (import);
  fputs (text, stdout);
  summary = sp_sie_import_get_summary (import);

  if (summary->org_match == SP_SIE_ORG_DIFFERS)
    {
      g_printerr (_("The file is another organisation’s (%s, not %s); nothing was imported.\n"),
                  summary->org_number, summary->association_org_number);
      return dry_run ? 0 : 1;
    }
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return 0;
    }
  if (summary->nothing_to_do)
    return 0;
  if (!sp_sie_import_apply (import, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("The actuals of %d were imported.\n"), year);
  return 0;
}
