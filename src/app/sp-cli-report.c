/* sp-cli-report.c: `samplan --export-pdf`, the plan document, the
 * delårsrapport or the verksamhetsberättelse from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

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
 * @document: (nullable): "plan" (also for %NULL), "delarsrapport" or
 *   "verksamhetsberattelse"
 * @through_month: (nullable): the delårsrapport's period, January through
 *   this month ("1"–"12"); %NULL: through the last month with actuals
 *
 * `samplan --export-pdf FILE.pdf --year Y [--document D] [--through M]
 * [--tkr] FILE.db`: opens the database read-only, writes the year's
 * document, prints the written path on standard output and any error on
 * standard error.
 *
 * Returns: the exit status: 0 when the file was written, 2 for options
 *   that do not fit, 1 otherwise
 */
int
sp_cli_export_pdf (const char *db_path,
                   const char *pdf_path,
                   int         year,
                   gboolean    tkr,
                   const char *document,
                   const char *through_month)
{
  SpReportKind kind = SP_REPORT_KIND_PLAN;
  guint64 month = 0;

  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  SpReportOptions options;

  if (document != NULL && !sp_report_kind_from_string (document, &kind))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a document: --document takes plan, "
                                                    "delarsrapport or verksamhetsberattelse."), document);
      g_printerr ("samplan: %s\n", message);
      return 2;
    }
  if (through_month != NULL && kind != SP_REPORT_KIND_INTERIM)
    {
      g_printerr ("samplan: %s\n", _("--through is for the interim report only (--document delarsrapport); "
                                     "the annual report is always of the whole year."));
      return 2;
    }
  if (through_month != NULL && !g_ascii_string_to_unsigned (through_month, 10, 1, 12, &month, NULL))
    {
      g_printerr ("samplan: %s\n", _("--through takes the month the interim report runs through, 1–12 "
                                     "(4: January–April, 8: January–August)."));
      return 2;
    }

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }

  sp_report_options_init (&options, year);
  options.unit = tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  options.kind = kind;
  options.through_month = (guint) month;
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
