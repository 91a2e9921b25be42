/* sp-cli.h: the commands of `samplan` that run without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints what it did on standard output and any error on standard
 * error, and returns the process's exit status. SpApplication calls them
 * from its command-line handling; they need no display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int sp_cli_export_xlsx (const char         *db_path,
                        const char         *dir,
                        int                 year,
                        const char * const *member_names,
                        gboolean            tkr,
                        gboolean            allow_failed_checks,
                        const char         *through_month);
int sp_cli_export_pdf  (const char         *db_path,
                        const char         *pdf_path,
                        int                 year,
                        gboolean            tkr,
                        const char         *document,
                        const char         *through_month);
int sp_cli_import_sie  (const char         *sie_path,
                        const char         *db_path,
                        int                 year,
                        gboolean            dry_run,
                        gboolean            allow_unbalanced);
int sp_cli_import_plan (const char         *text_path,
                        const char         *db_path,
                        int                 year,
                        gboolean            dry_run);

G_END_DECLS
