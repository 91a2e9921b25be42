/* sp-export-private.h: what the parts of the Excel export share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <xlsxwriter.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-budget-checks.h"
#include "sp-budget-revenue.h"
#include "sp-contribution.h"
#include "sp-invoicing.h"
#include "sp-export.h"
#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-goal.h"
#include "sp-portfolio.h"
#include "sp-project-cofunding.h"
#include "sp-project-decision.h"
#include "sp-project-grant.h"
#include "sp-project-participants.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* One project of the portfolio as the sheet shows it. */
typedef struct {
  SpProject *project;
  char      *target_groups;
  SpMoney    granted[SP_PLAN_YEARS];
  gboolean   has_grant[SP_PLAN_YEARS];
  SpMoney    cofunding;
  gboolean   has_cofunding;
  GArray    *cofunders;       /* SpProjectCofundingRow: each member's rows */
  gboolean   has_participants;
  int        women;
  int        men;
  char      *decision_date;
  char      *decision_paragraph;
  char      *decision_text;
} ProjectRow;

/* The year followed up through a month, for the treasurer's follow-up
 * sheet (sp-export-follow-up.c). */
typedef struct _ExportFollowUp ExportFollowUp;

/* Everything the workbooks show, loaded once per export. */
typedef struct {
  int              year;
  SpAssociation   *association;
  SpPlanYear      *plan;
  GPtrArray       *contributions;
  /* Last year's contributions, by member id (SpContribution), or NULL. */
  GHashTable      *previous_contributions;
  SpInvoicing     *invoicing;
  SpBudgetTotals  *totals;
  /* The treasurer's checks of the year (sp-export-checks.c). */
  SpBudgetChecks  *checks;
  GPtrArray       *lines;
  /* The revenue lines derived from the contributions (sp-budget-revenue.h). */
  SpBudgetRevenue *revenue;
  GPtrArray       *projects;
  GPtrArray       *goals;
  GHashTable      *area_names;
  GHashTable      *project_names;
  gboolean         has_ore;
  /* (nullable): the follow-up sheet's figures, when the options ask for it */
  ExportFollowUp  *follow_up;
} ExportData;

/* How long a leftover of a killed export must have been untouched before
 * the next export removes it (sp-export-folder.c). */
#define SP_EXPORT_STALE_SECONDS (10 * 60)

/* A private folder (0700) in the target folder, locked while it is used. */
typedef struct {
  char *path;     /* for messages only */
  char *name;     /* its name in the target folder */
  int   dir_fd;   /* the target folder */
  int   fd;       /* the private folder */
} SpExportTemp;

/* One file to write: the treasurer's (contribution NULL) or a member's. */
typedef struct {
  char                 *path;
  const SpContribution *contribution;
} Target;

/* How many characters (UTF-16 units) an Excel cell holds. */
#define SP_EXPORT_CELL_MAX_CHARS 32767

/* A workbook being written, with its formats and its first error. */
typedef struct {
  lxw_workbook    *workbook;
  lxw_error        error;
  GPtrArray       *warnings;   /* the options' warnings, or NULL */
  const ExportData *data;
  SpMoneyUnit      unit;
  char            *page_header;
  char            *page_footer;
  lxw_format      *title;
  lxw_format      *subtitle;
  lxw_format      *head;
  lxw_format      *head_right;
  lxw_format      *text;
  lxw_format      *wrap;
  lxw_format      *bold;
  lxw_format      *group;
  lxw_format      *area;
  lxw_format      *line_text;
  lxw_format      *subtotal_text;
  lxw_format      *total_text;
  lxw_format      *money;
  lxw_format      *money_subtotal;
  lxw_format      *money_total;
  lxw_format      *money_bold;
  /* What a member is invoiced: whole kronor (or öre) even in a tkr workbook. */
  lxw_format      *money_invoice;
  lxw_format      *money_invoice_plain;
  lxw_format      *integer;
  lxw_format      *account;
  lxw_format      *year_number;
  lxw_format      *date;
  lxw_format      *percent;
  lxw_format      *percent_fine;
} Book;

/* Rows of the budget sheet that the first sheet refers to. */
typedef struct {
  lxw_row_t revenue_total;
  lxw_row_t cost_total;
  lxw_row_t result;
  lxw_row_t equity;
  lxw_row_t frame;
  /* The row of data->revenue's first line (the others follow it, one a
   * row), when it has any. */
  lxw_row_t derived_first;
  /* (nullable) (element-type lxw_row_t): the row of each of data->lines,
   * when the caller gives an array of that size */
  GArray   *line_rows;
} BudgetRows;

/* Rows of the contributions sheet that the first sheet refers to. */
typedef struct {
  lxw_row_t first;
  lxw_row_t sum;
  lxw_row_t frame;
} FeeRows;

/* Rows of the checks sheet that the first sheet refers to. */
typedef struct {
  lxw_row_t first;
  lxw_row_t last;
  guint     n;
} CheckRows;

/* The budget sheet's first amount column and its column of the budget year. */
#define BUDGET_FIRST_MONEY_COL 2
#define BUDGET_YEAR_COL (BUDGET_FIRST_MONEY_COL + 2)

/* sp-export-cells.c: cell names and sums, and writing cells */
SpMoney sp_export_money_add (SpMoney sum,
                             SpMoney amount);
void sp_export_cell_name (char     *buffer,
                          gsize     size,
                          lxw_row_t row,
                          lxw_col_t col,
                          gboolean  absolute);
char *sp_export_sheet_cell (const char *sheet,
                            lxw_row_t   row,
                            lxw_col_t   col);
char *sp_export_sum_of_rows (GArray    *rows,
                             lxw_col_t  col);
char *sp_export_sum_of_range (lxw_row_t first,
                              lxw_row_t last,
                              lxw_col_t col);
void sp_export_check (Book      *book,
                      lxw_error  error);
void sp_export_put_text (Book          *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const char    *text,
                         lxw_format    *format);
void sp_export_put_money (Book          *book,
                          lxw_worksheet *sheet,
                          lxw_row_t      row,
                          lxw_col_t      col,
                          SpMoney        amount,
                          lxw_format    *format);
void sp_export_put_number (Book          *book,
                           lxw_worksheet *sheet,
                           lxw_row_t      row,
                           lxw_col_t      col,
                           double         value,
                           lxw_format    *format);
void sp_export_put_formula (Book          *book,
                            lxw_worksheet *sheet,
                            lxw_row_t      row,
                            lxw_col_t      col,
                            const char    *formula,
                            double         cached,
                            lxw_format    *format);
void sp_export_put_money_formula (Book          *book,
                                  lxw_worksheet *sheet,
                                  lxw_row_t      row,
                                  lxw_col_t      col,
                                  const char    *formula,
                                  SpMoney        cached,
                                  lxw_format    *format);
void sp_export_put_date (Book          *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const char    *text);
void sp_export_put_percent (Book          *book,
                            lxw_worksheet *sheet,
                            lxw_row_t      row,
                            lxw_col_t      col,
                            int            hundredths);
void sp_export_put_head (Book          *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const char    *text,
                         gboolean       right);
guint sp_export_wrapped_lines (const char *text,
                               guint       width);

/* sp-export-page-breaks.c: a sheet's printed pages, never ending under a heading */
typedef struct _PageBreaks PageBreaks;
PageBreaks *sp_export_page_breaks_new (void);
void sp_export_page_breaks_free (PageBreaks *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageBreaks, sp_export_page_breaks_free)
void sp_export_page_breaks_set_column (PageBreaks    *self,
                                       Book          *book,
                                       lxw_worksheet *sheet,
                                       lxw_col_t      first,
                                       lxw_col_t      last,
                                       double         chars);
void sp_export_page_breaks_set_lines (PageBreaks    *self,
                                      Book          *book,
                                      lxw_worksheet *sheet,
                                      lxw_row_t      row,
                                      guint          lines);
void sp_export_page_breaks_keep_with_next (PageBreaks *self,
                                           lxw_row_t   row);
void sp_export_page_breaks_apply (PageBreaks    *self,
                                  Book          *book,
                                  lxw_worksheet *sheet,
                                  gboolean       landscape,
                                  int            head_row);

/* sp-export-book.c: the workbook: formats, page set-up, sheets, writing one file */
const char *sp_export_unit_word (SpMoneyUnit unit);
void sp_export_setup_page (Book          *book,
                           lxw_worksheet *sheet,
                           gboolean       landscape,
                           int            head_row,
                           lxw_col_t      frozen_cols);
lxw_worksheet *sp_export_add_sheet (Book       *book,
                                    const char *name);
void sp_export_put_sheet_title (Book          *book,
                                lxw_worksheet *sheet,
                                const char    *subtitle);
const char *sp_export_budget_sheet_name (void);
const char *sp_export_fees_sheet_name (void);
gboolean sp_export_write_target (const ExportData       *data,
                                 const SpExportOptions  *options,
                                 const Target           *target,
                                 guint                   member_index,
                                 SpExportTemp           *folder,
                                 const char             *temp_name,
                                 GError                **error);
const char *sp_export_errno_cause (int saved_errno);

/* sp-export-folder.c: the private folder of a workbook, leftovers of killed exports */
void sp_export_remove_leftovers (const char *dir);
gboolean sp_export_temp_folder_make (const char    *dir,
                                     SpExportTemp  *folder,
                                     GError       **error);
int sp_export_temp_folder_create (SpExportTemp *folder,
                                  const char   *name);
gboolean sp_export_temp_folder_move_out (SpExportTemp *folder,
                                         const char   *name,
                                         const char   *target_name);
void sp_export_temp_folder_remove (SpExportTemp *folder);

/* sp-export-data.c: loading what the workbooks show */
void sp_export_data_free (ExportData *data);
GPtrArray *sp_export_list_items (GListModel *model);
ExportData *sp_export_load_data (SpDatabase  *database,
                                 int          year,
                                 GError     **error);

/* sp-export-budget.c: the budget sheet */
void sp_export_write_budget_sheet (Book       *book,
                                   BudgetRows *rows);

/* sp-export-follow-up.c: the follow-up sheet of the treasurer's workbook */
ExportFollowUp *sp_export_follow_up_load (SpDatabase  *database,
                                          int          year,
                                          guint        through_month,
                                          GError     **error);
void sp_export_follow_up_free (ExportFollowUp *self);
const char *sp_export_follow_up_sheet_name (void);
void sp_export_write_follow_up_sheet (Book             *book,
                                      const BudgetRows *budget);

/* sp-export-checks.c: the control rows, and the first sheet's word on them */
const char *sp_export_checks_sheet_name (void);
void sp_export_write_checks_sheet (Book             *book,
                                   const BudgetRows *budget,
                                   const FeeRows    *fees,
                                   CheckRows        *rows);
void sp_export_write_checks_notice (Book            *book,
                                    lxw_worksheet   *sheet,
                                    lxw_row_t        row,
                                    const CheckRows *rows);

/* sp-export-contributions.c: the contributions sheet */
const char *sp_export_part_label (SpMemberKind kind);
int sp_export_part_share (SpPlanYear   *plan,
                          SpMemberKind  kind);
const char *sp_export_contribution_note (const SpContribution *c);
void sp_export_write_fees_sheet (Book    *book,
                                 FeeRows *rows);

/* sp-export-portfolio.c: the portfolio sheet */
void sp_export_write_projects_sheet (Book       *book,
                                     const char *name,
                                     gint64      member_id);

/* sp-export-invoices.c: the invoice basis */
void sp_export_write_invoice_sheet (Book *book);
void sp_export_write_invoice_block (Book                 *book,
                                    lxw_worksheet        *sheet,
                                    lxw_row_t            *row,
                                    const SpContribution *member);

/* sp-export-goals.c: the goals sheet */
void sp_export_write_goals_sheet (Book *book);

/* sp-export-cover.c: the treasurer's summary and a member's cover sheet */
void sp_export_write_summary_sheet (Book             *book,
                                    lxw_worksheet    *sheet,
                                    const BudgetRows *budget,
                                    const FeeRows    *fees);
void sp_export_write_cover_sheet (Book                 *book,
                                  lxw_worksheet        *sheet,
                                  const SpContribution *member,
                                  const FeeRows        *fees,
                                  guint                 member_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, sp_export_data_free)

G_END_DECLS
