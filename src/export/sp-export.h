/* sp-export.h: Excel workbooks for the treasurer and for every member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

#define SP_EXPORT_ERROR (sp_export_error_quark ())

/**
 * SpExportError:
 * @SP_EXPORT_ERROR_NO_YEAR: there is no plan for the year
 * @SP_EXPORT_ERROR_NO_MEMBER: a member asked for does not exist or is not a
 *   member in the year
 * @SP_EXPORT_ERROR_NO_BUDGET: the year's budget has no lines (refused: a
 *   workbook with an empty budget would mislead the members' finance
 *   departments)
 * @SP_EXPORT_ERROR_FOLDER: the target folder is missing or cannot be written to
 * @SP_EXPORT_ERROR_READ_ONLY: a target file exists and is read-only
 * @SP_EXPORT_ERROR_WRITE: writing or renaming a workbook failed
 *
 * Why an export was refused or failed. Errors of the core (for instance
 * contributions that cannot be computed) come in their own domains.
 */
typedef enum {
  SP_EXPORT_ERROR_NO_YEAR,
  SP_EXPORT_ERROR_NO_MEMBER,
  SP_EXPORT_ERROR_NO_BUDGET,
  SP_EXPORT_ERROR_FOLDER,
  SP_EXPORT_ERROR_READ_ONLY,
  SP_EXPORT_ERROR_WRITE,
} SpExportError;

/**
 * SpExportProgressFunc:
 * @path: the file whose workbook was just made
 * @done: how many workbooks are made
 * @total: how many files the export writes
 * @user_data: the options' @progress_data
 *
 * Called after each workbook is made, before any is renamed into place
 * (sp_export_write() puts them all there at the end).
 */
typedef void (*SpExportProgressFunc) (const char *path,
                                      guint       done,
                                      guint       total,
                                      gpointer    user_data);

/**
 * SpExportOptions:
 * @year: the budget year
 * @unit: %SP_MONEY_UNIT_KR or %SP_MONEY_UNIT_TKR: how amounts are shown.
 *   Values are always stored in kronor; tkr only changes the number format.
 * @treasurer: whether to write the treasurer's workbook
 * @member_names: (nullable): the members to write a workbook for, by name
 * @member_ids: (nullable) (element-type gint64): the same, by id
 * @created: the document's creation time (Unix seconds); 0: the
 *   environment's SOURCE_DATE_EPOCH when set, else the current time
 * @progress: (nullable): called after each file
 * @progress_data: for @progress
 * @warnings: (nullable) (element-type utf8): gets a message, as a new
 *   string, for each thing written otherwise than stored (a text longer
 *   than an Excel cell holds is cut, with a note in the cell); give it
 *   g_free() as its free function
 * @through_month: 1–12: the treasurer's workbook gets the sheet
 *   "Uppföljning", the year followed up from January through this month
 *   (sp-follow-up.h); 0: no such sheet
 *
 * What to export. When both @member_names and @member_ids are %NULL every
 * member of the year gets a workbook; an empty list (a strv with no names
 * and no ids) writes none. Names and ids add up. sp_export_options_init()
 * gives the default: the treasurer's workbook and every member's, in kr.
 */
typedef struct {
  int                    year;
  SpMoneyUnit            unit;
  gboolean               treasurer;
  const char * const    *member_names;
  GArray                *member_ids;
  gint64                 created;
  SpExportProgressFunc   progress;
  gpointer               progress_data;
  GPtrArray             *warnings;
  guint                  through_month;
} SpExportOptions;

GQuark    sp_export_error_quark  (void);
void      sp_export_options_init (SpExportOptions        *options,
                                  int                     year);
char     *sp_export_file_name    (const char             *association,
                                  int                     year,
                                  const char             *recipient);
GPtrArray *sp_export_plan        (SpDatabase             *database,
                                  const char             *dir,
                                  const SpExportOptions  *options,
                                  GError                **error);
gboolean  sp_export_write        (SpDatabase             *database,
                                  const char             *dir,
                                  const SpExportOptions  *options,
                                  GPtrArray              *written_paths,
                                  GError                **error);

G_END_DECLS
