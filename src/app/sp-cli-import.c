/* sp-cli-import.c: `samplan --import-sie` and `--import-plan`, imports from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-cli.h"

#include "sp-database.h"
#include "sp-plan-import.h"
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

/**
 * sp_cli_import_plan:
 * @text_path: a plan as Markdown or plain text
 * @db_path: the förbund's database, which must exist
 * @year: the plan year that gets the sections
 * @dry_run: list the sections and write nothing
 *
 * `samplan --import-plan FILE --year Y [--dry-run] DB.db`: lists the
 * sections found in the file, then adds them to the year as one edit.
 * Refuses an adopted year and a file with no sections.
 *
 * Returns: the exit status: 0 on success
 */
int
sp_cli_import_plan (const char *text_path,
                    const char *db_path,
                    int         year,
                    gboolean    dry_run)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanImport) import = NULL;
  g_autoptr(SpDatabase) database = NULL;
  guint n;

  import = sp_plan_import_new_from_file (text_path, &error);
  if (import == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = sp_plan_import_get_n_sections (import);
  /* Translators: %s is the document's title, e.g. "Verksamhetsplan 2009" */
  g_print (_("Document: %s\n"), sp_plan_import_get_title (import));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *excerpt = sp_plan_import_get_excerpt (import, i, 8);

      g_print ("  %s — %s\n", sp_plan_import_get_section_title (import, i), excerpt);
    }

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING, &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (dry_run)
    {
      g_print (_("Dry run: nothing was written.\n"));
      return 0;
    }
  if (!sp_plan_import_apply (import, database, year, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u section was added to the plan of %d.\n",
                        "%u sections were added to the plan of %d.\n", n),
           n, year);
  return 0;
}
