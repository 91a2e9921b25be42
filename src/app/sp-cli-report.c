/* sp-cli-report.c: `samplan --export-pdf`, the plan document from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-cli.h"

#include "sp-database.h"
#include "report/sp-report.h"

/**
 * sp_cli_export_pdf:
 * @db_path: the database file
 * @pdf_path: the PDF file to write; an existing file is replaced only when
 *   it is a PDF
 * @year: the plan year
 * @tkr: show amounts in tkr
 *
 * `samplan --export-pdf FILE.pdf --year Y [--tkr] FILE.db`: opens the
 * database read-only, writes the year's *Verksamhetsplan och budget*,
 * prints the written path on standard output and any error on standard
 * error.
 *
 * Returns: the exit status: 0 when the file was written, 1 otherwise
 */
int
sp_cli_export_pdf (const char *db_path,
                   const char *pdf_path,
                   int         year,
                   gboolean    tkr)
{
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  SpReportOptions options;

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }

  sp_report_options_init (&options, year);
  options.unit = tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  report = sp_report_new (database, &options, &error);
  if (report == NULL || !sp_report_write_pdf (report, pdf_path, &error))
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }
  display = g_filename_display_name (pdf_path);
  g_print ("%s\n", display);
  return 0;
}
