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
#include "sp-presence.h"
#include "sie/sp-sie.h"
#include "sie/sp-sie-import.h"

/* The import itself; sp_cli_import_sie() ends a dry run with its line. */
static int
import_sie (const char *sie_path,
            const char *db_path,
            int         year,
            gboolean    dry_run,
            gboolean    allow_unbalanced)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autoptr(SpSieFile) file = NULL;
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(SpSieImport) import = NULL;
  g_autoptr(SpPresence) presence = NULL;
  const SpSieImportSummary *summary;
  gsize length = 0;
  int status = 0;

  if (!g_file_get_contents (sie_path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  file = sp_sie_parse ((const guint8 *) contents, length);
  g_clear_pointer (&contents, g_free);
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

  /* A dry run reads the database without writing to it, even one that
   * needs an upgrade (on a private copy). */
  if (dry_run)
    database = sp_sie_import_open_dry_run (db_path, &scratch_dir, &error);
  else
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
      status = 1;
    }
  else
    {
      text = sp_sie_import_describe (import);
      fputs (text, stdout);
      fflush (stdout);
      summary = sp_sie_import_get_summary (import);

      if (summary->org_match == SP_SIE_ORG_DIFFERS)
        {
          g_printerr (_("The file is another organisation’s (%s, not %s); nothing was imported.\n"),
                      summary->org_number, summary->association_org_number);
          status = 1;
        }
      else if (summary->n_unbalanced > 0 && !allow_unbalanced)
        {
          /* As the window asks before importing them. */
          g_printerr (g_dngettext (GETTEXT_PACKAGE,
                                   "%u voucher of %d does not balance; nothing was imported. Check the file, "
                                   "or import it as it is with --allow-unbalanced.\n",
                                   "%u vouchers of %d do not balance; nothing was imported. Check the file, "
                                   "or import it as it is with --allow-unbalanced.\n",
                                   summary->n_unbalanced),
                      summary->n_unbalanced, year);
          status = 1;
        }
      else if (summary->n_mapped == 0 && summary->unmapped->len > 0)
        {
          /* Accounts are mapped in the window only: nothing of the file
           * could be imported, and next year's lines must not be emptied. */
          g_printerr (_("None of the file’s revenue and cost accounts is in the budget; nothing was imported. "
                        "Import the file in the window to choose budget accounts for them.\n"));
          status = 1;
        }
      else if (!dry_run && !summary->nothing_to_do)
        {
          if (!sp_sie_import_apply (import, &error))
            {
              g_printerr ("%s\n", error->message);
              status = 1;
            }
          else
            g_print (_("The actuals of %d were imported.\n"), year);
        }
    }

  g_clear_pointer (&import, sp_sie_import_free);
  g_clear_object (&database);
  sp_sie_import_remove_scratch (scratch_dir);
  return status;
}

/**
 * sp_cli_import_sie:
 * @sie_path: the SIE file
 * @db_path: the förbund's database, which must exist
 * @year: the year whose actuals the file holds
 * @dry_run: print the summary and write nothing, not even an upgrade of an
 *   older database
 * @allow_unbalanced: import also when vouchers of the year do not balance
 *
 * `samplan --import-sie FILE.se --year Y [--dry-run] [--allow-unbalanced]
 * DB.db`: prints the file's problems and the summary, then imports. Refuses
 * a file with errors, another organisation's file, a year the file has
 * nothing for, and (without @allow_unbalanced) unbalanced vouchers. A dry
 * run refuses what the import would, and always ends with its line.
 *
 * Returns: the exit status: 0 on success
 */
int
sp_cli_import_sie (const char *sie_path,
                   const char *db_path,
                   int         year,
                   gboolean    dry_run,
                   gboolean    allow_unbalanced)
{
  int status = import_sie (sie_path, db_path, year, dry_run, allow_unbalanced);

  if (dry_run)
    {
      fflush (stderr);
      g_print (_("Dry run: nothing was written.\n"));
    }
  return status;
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
