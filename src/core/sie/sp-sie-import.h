/* sp-sie-import.h: importing a year's actuals from an SIE file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The finance office's accounting program exports SIE; the result accounts of
 * a fiscal year (3xxx revenue, 4xxx–7xxx costs, 8xxx by the chart of
 * accounts, see sp-sie-chart.c) become the year's actuals:
 *
 *  - per budget account in the table `actual` (year, account, amount), which
 *    the budget page of the year shows beside the budget;
 *  - and, when next year's plan exists and is not adopted, in the column
 *    "previous year's actuals" (previous_actual) of next year's budget lines.
 *
 * When the file has months (#PSALDO, or dated vouchers) the actuals are also
 * stored month by month in `actual_month`, per budget account, activity area
 * and project, as the ledger's objects say (dimension 1, the cost centre, an
 * area; dimension 6 a project; each object mapped by the user as accounts
 * are, remembered in `sie_object_map`; a ledger account may stand for a
 * project in `sie_account_map`). sp-sie-months.h says where the months come
 * from; `actual` stays the year's sum per account, equal to its months.
 *
 * Signs: in SIE, debit is positive and credit negative, so revenue comes as a
 * negative amount and costs as positive ones. The budget stores both as
 * positive amounts, the account's kind saying which is which: revenue is
 * turned round (−amount), costs are kept.
 *
 * An SIE account goes to the budget account of the same number, or to the
 * one the user chose for it (remembered in `sie_account_map` for the next
 * import), or is left out. First sp_sie_import_new() works out what would
 * change and says so in its summary (worked out again after each mapping and
 * after applying, when it says there is nothing more to do); nothing is
 * written until
 * sp_sie_import_apply(), which writes it all as one undoable edit. Importing
 * the same file again changes nothing and makes no undo step.
 */
#pragma once

#include "sp-budget.h"
#include "sp-database.h"
#include "sp-sie.h"
#include "sp-sie-chart.h"

G_BEGIN_DECLS

/**
 * SpSieOrgMatch:
 * @SP_SIE_ORG_UNKNOWN: the file or the förbund has no organisation number
 * @SP_SIE_ORG_MATCHES: the file is the förbund's
 * @SP_SIE_ORG_DIFFERS: the file is another organisation's books
 */
typedef enum {
  SP_SIE_ORG_UNKNOWN,
  SP_SIE_ORG_MATCHES,
  SP_SIE_ORG_DIFFERS,
} SpSieOrgMatch;

/**
 * SpSieMapping:
 * @SP_SIE_MAPPING_NONE: no budget account yet: listed for the user to choose
 * @SP_SIE_MAPPING_SAME_NUMBER: the budget has an account of the same number
 * @SP_SIE_MAPPING_REMEMBERED: chosen at an earlier import
 * @SP_SIE_MAPPING_CHOSEN: chosen now, with sp_sie_import_map_account()
 * @SP_SIE_MAPPING_LEFT_OUT: the user chose to leave it out (now or earlier)
 */
typedef enum {
  SP_SIE_MAPPING_NONE,
  SP_SIE_MAPPING_SAME_NUMBER,
  SP_SIE_MAPPING_REMEMBERED,
  SP_SIE_MAPPING_CHOSEN,
  SP_SIE_MAPPING_LEFT_OUT,
} SpSieMapping;

/**
 * SpSieImportAccount:
 * @sie_account: the account in the file
 * @name: (nullable): its name in the file
 * @kind: revenue or cost, by the chart of accounts (sp_sie_chart_classify())
 * @sie_amount: the year's result as the file has it (revenue negative)
 * @amount: the same with the budget's sign (revenue and costs positive)
 * @source: #RES or the sum of the vouchers
 * @mapping: how it finds its budget account
 * @budget_account: the budget account, or 0 (not mapped, left out)
 * @project_id: the project the account stands for, or 0: chosen with
 *   sp_sie_import_map_account_project() or at an earlier import
 *   (`sie_account_map.project_id`); its monthly actuals without a project
 *   object go to that project
 *
 * An account that goes to no budget account has no project (nothing of it
 * is imported), though a remembered choice is kept for when it does.
 */
typedef struct {
  char          *sie_account;
  char          *name;
  SpAccountKind  kind;
  SpMoney        sie_amount;
  SpMoney        amount;
  SpSieSource    source;
  SpSieMapping   mapping;
  int            budget_account;
  gint64         project_id;
} SpSieImportAccount;

/**
 * SpSieActualChange:
 * @account: the budget account
 * @name: its name
 * @old_amount: the stored actuals, or %SP_BUDGET_NOT_SET when none
 * @new_amount: the imported actuals, or %SP_BUDGET_NOT_SET when the file no
 *   longer has any for the account (the stored ones are removed)
 */
typedef struct {
  int      account;
  char    *name;
  SpMoney  old_amount;
  SpMoney  new_amount;
} SpSieActualChange;

/**
 * SpSieLineChange:
 * @line_id: a budget line of the next year
 * @account: its account
 * @area_name: its activity area
 * @text: its text
 * @old_amount: its previous_actual now, or %SP_BUDGET_NOT_SET
 * @new_amount: what it becomes, or %SP_BUDGET_NOT_SET
 *
 * When an account has several lines, the first (in the budget's order) gets
 * the account's whole actuals and the others are emptied, unless the lines
 * already add up to them (split by hand): then they are left as they are.
 */
typedef struct {
  gint64   line_id;
  int      account;
  char    *area_name;
  char    *text;
  SpMoney  old_amount;
  SpMoney  new_amount;
} SpSieLineChange;

/**
 * SpSieImportObject:
 * @dimension: the object's dimension (1 cost centre, 6 project)
 * @object: its code in the file
 * @name: (nullable): its name from #OBJEKT
 * @mapping: %SP_SIE_MAPPING_NONE (listed for the user to choose),
 *   %SP_SIE_MAPPING_REMEMBERED, %SP_SIE_MAPPING_CHOSEN or
 *   %SP_SIE_MAPPING_LEFT_OUT
 * @area_id: the activity area of the year it stands for, or 0
 * @project_id: the project it stands for, or 0
 * @target_name: (nullable): the area's or the project's name
 * @amount: what the year's rows on it add up to, in the file's sign
 *
 * An object of the file that the year's actuals are booked on. Objects of
 * other dimensions are not used.
 */
typedef struct {
  int           dimension;
  char         *object;
  char         *name;
  SpSieMapping  mapping;
  gint64        area_id;
  gint64        project_id;
  char         *target_name;
  SpMoney       amount;
} SpSieImportObject;

/**
 * SpSieImportArea:
 * @id: an activity area of the import's year
 * @name: its name; for the lines booked on a group itself, the group's name
 */
typedef struct {
  gint64  id;
  char   *name;
} SpSieImportArea;

/**
 * SpSieImportSummary:
 * @file_name: the file's name, for the user
 * @company: (nullable): #FNAMN
 * @org_number: (nullable): #ORGNR
 * @association_org_number: the förbund's organisation number, may be ""
 * @org_match: whether they are the same
 * @year: the year imported into
 * @year_start: the fiscal year's first day in the file, YYYYMMDD
 * @year_end: its last day
 * @n_accounts: how many result accounts the year has in the file
 * @n_vouchers: how many vouchers the file has in the year
 * @revenue: the year's revenue (3xxx, and income in 8xxx), positive
 * @costs: the year's costs (4xxx–7xxx, and costs in 8xxx), positive
 * @chart: the chart of accounts the file's accounts were read by
 * @chart_guessed: the file does not say its chart: it was guessed
 * @year_result: the year's result as the file books it (8999 in BAS): a
 *   surplus is a debit, positive; not imported
 * @has_year_result: the file books the year's result (the books are closed)
 * @n_mapped: how many of @accounts go to a budget account
 * @n_unbalanced: how many vouchers of the year do not balance
 * @accounts: (element-type SpSieImportAccount): the result accounts
 * @unmapped: (element-type SpSieImportAccount): those of @accounts without a
 *   budget account, for the user to map (borrowed from @accounts)
 * @actual_changes: (element-type SpSieActualChange): the actuals that change
 * @line_changes: (element-type SpSieLineChange): next year's lines that change
 * @n_mappings_changed: how many account mappings will be remembered
 * @next_year_status: 0 next year's plan is open (its lines are updated),
 *   1 it does not exist, 2 it is adopted (both: its lines are left alone)
 * @nothing_to_do: the file is imported already: applying changes nothing
 * @first_month: the first month (1–12) the year's monthly actuals cover, or 0
 *   when the file gives the year as a whole only
 * @last_month: the last month they cover, or 0
 * @months_from_periods: some accounts' months are the file's #PSALDO (else
 *   all are its vouchers')
 * @n_month_rows: how many monthly actuals (month, account, area, project)
 *   the import stores
 * @months_change: the stored monthly actuals of the year change
 * @months_differ: (element-type utf8): accounts of the file whose months do
 *   not add up to their #RES: their year is imported without months
 * @objects: (element-type SpSieImportObject): the objects (dimensions 1 and
 *   6) the year's actuals are booked on
 * @unmapped_objects: (element-type SpSieImportObject): those of @objects
 *   without a choice, for the user to map (borrowed from @objects)
 * @n_object_mappings_changed: how many object mappings will be remembered
 * @n_project_mappings_changed: how many accounts' projects will be
 *   remembered (a project chosen, changed or taken away)
 */
typedef struct {
  char          *file_name;
  char          *company;
  char          *org_number;
  char          *association_org_number;
  SpSieOrgMatch  org_match;
  int            year;
  guint32        year_start;
  guint32        year_end;
  guint          n_accounts;
  guint          n_vouchers;
  SpMoney        revenue;
  SpMoney        costs;
  SpSieChart     chart;
  gboolean       chart_guessed;
  SpMoney        year_result;
  gboolean       has_year_result;
  guint          n_mapped;
  guint          n_unbalanced;
  GPtrArray     *accounts;
  GPtrArray     *unmapped;
  GPtrArray     *actual_changes;
  GPtrArray     *line_changes;
  guint          n_mappings_changed;
  int            next_year_status;
  gboolean       nothing_to_do;
  guint          first_month;
  guint          last_month;
  gboolean       months_from_periods;
  guint          n_month_rows;
  gboolean       months_change;
  GPtrArray     *months_differ;
  GPtrArray     *objects;
  GPtrArray     *unmapped_objects;
  guint          n_object_mappings_changed;
  guint          n_project_mappings_changed;
} SpSieImportSummary;

typedef struct _SpSieImport SpSieImport;

SpSieImport              *sp_sie_import_new           (SpDatabase       *database,
                                                       const SpSieFile  *file,
                                                       const char       *file_name,
                                                       int               year,
                                                       GError          **error);
void                      sp_sie_import_free          (SpSieImport      *self);
const SpSieImportSummary *sp_sie_import_get_summary   (SpSieImport      *self);
gboolean                  sp_sie_import_map_account   (SpSieImport      *self,
                                                       const char       *sie_account,
                                                       int               budget_account,
                                                       GError          **error);
gboolean                  sp_sie_import_map_account_project (SpSieImport *self,
                                                       const char       *sie_account,
                                                       gint64            project_id,
                                                       GError          **error);
gboolean                  sp_sie_import_map_object    (SpSieImport      *self,
                                                       int               dimension,
                                                       const char       *object,
                                                       gint64            area_id,
                                                       gint64            project_id,
                                                       GError          **error);
GPtrArray                *sp_sie_import_list_areas    (SpSieImport      *self,
                                                       GError          **error);
char                     *sp_sie_import_describe_months (const SpSieImportSummary *summary);
gboolean                  sp_sie_import_apply         (SpSieImport      *self,
                                                       GError          **error);
char                     *sp_sie_import_describe      (SpSieImport      *self);

SpDatabase               *sp_sie_import_open_dry_run  (const char       *path,
                                                       char            **scratch_dir,
                                                       GError          **error);
void                      sp_sie_import_remove_scratch (const char      *scratch_dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSieImport, sp_sie_import_free)

G_END_DECLS
