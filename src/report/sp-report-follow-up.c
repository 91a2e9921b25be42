/* sp-report-follow-up.c: what the interim and the annual report share: the
 * year followed up (loaded once), the table of budget against actuals by
 * activity area with the result, the comments, the projects' payouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-project-participants.h"
#include "sp-project-payout.h"
#include "sp-project.h"
#include "sp-report-private.h"
#include "sp-month.h"

/* ---- Loading ------------------------------------------------------------- */

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

/* The actual participants of @year of each project that runs in it. */
static GHashTable *
load_participants (SpDatabase         *database,
                   const SpReportData *data)
{
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < data->projects->len; i++)
    {
      gint64 id = sp_record_get_id (g_ptr_array_index (data->projects, i));
      g_autoptr(SpRecordList) list = sp_project_participants_list_new (database, id);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(SpProjectParticipants) p = g_list_model_get_item (G_LIST_MODEL (list), k);
          SpProjectParticipantsData counts;

          if (sp_project_participants_get_year (p) != data->year || sp_project_participants_get_planned (p))
            continue;
          sp_project_participants_get_data (p, &counts);
          g_hash_table_replace (table, dup_id (id), g_memdup2 (&counts, sizeof counts));
        }
    }
  return table;
}

static GHashTable *
load_project_names (SpDatabase *database)
{
  g_autoptr(SpRecordList) list = sp_project_list_new (database);
  GHashTable *names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_hash_table_replace (names, dup_id (sp_record_get_id (SP_RECORD (p))), g_strdup (sp_project_get_name (p)));
    }
  return names;
}

/**
 * sp_report_data_load_follow_up:
 * @data: the document's data, the plan's part loaded
 * @database: the database
 * @error: why it cannot be loaded
 *
 * Loads the year followed up through @data's month (the annual report:
 * through December; 0: through the last month with actuals, which then
 * becomes @data's month), the projects' payouts and their participants.
 *
 * Returns: whether it was loaded
 */
gboolean
sp_report_data_load_follow_up (SpReportData  *data,
                               SpDatabase    *database,
                               GError       **error)
{
  guint through = data->kind == SP_REPORT_KIND_ANNUAL ? 12 : data->through_month;

  g_return_val_if_fail (through <= 12, FALSE);

  data->follow_up = sp_follow_up_new (database, data->year, through == 0 ? 12 : through, error);
  if (data->follow_up == NULL)
    return FALSE;
  if (through == 0)
    {
      through = sp_follow_up_get_last_month (data->follow_up);
      if (through == 0)
        {
          g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NO_ACTUALS,
                       _("There are no actuals for %d yet, so the interim report has no period. Import the "
                         "actuals from the accounts (SIE) first, or choose the month the report runs through."),
                       data->year);
          return FALSE;
        }
      if (through != 12)
        {
          g_clear_object (&data->follow_up);
          data->follow_up = sp_follow_up_new (database, data->year, through, error);
          if (data->follow_up == NULL)
            return FALSE;
        }
    }
  data->through_month = through;
  data->payouts = sp_project_payouts_get (database, data->year, through, error);
  if (data->payouts == NULL)
    return FALSE;
  data->participants = load_participants (database, data);
  data->project_names = load_project_names (database);
  return TRUE;
}

void
sp_report_data_clear_follow_up (SpReportData *data)
{
  g_clear_object (&data->follow_up);
  g_clear_pointer (&data->payouts, g_array_unref);
  g_clear_pointer (&data->participants, g_hash_table_unref);
  g_clear_pointer (&data->project_names, g_hash_table_unref);
}

/* ---- Helpers ------------------------------------------------------------- */

const char *
sp_report_area_name (const SpReportData *data,
                     gint64              area_id)
{
  for (guint i = 0; i < data->areas->len; i++)
    if (sp_record_get_id (g_ptr_array_index (data->areas, i)) == area_id)
      return sp_area_get_name (g_ptr_array_index (data->areas, i));
  return "";
}

static const char *
group_name (const SpReportData *data,
            gint64              group_id)
{
  for (guint i = 0; i < data->area_groups->len; i++)
    if (sp_record_get_id (g_ptr_array_index (data->area_groups, i)) == group_id)
      return sp_area_group_get_name (g_ptr_array_index (data->area_groups, i));
  return "";
}

static void
add_escaped (SpReportFlow      *flow,
             const char        *text,
             SpReportTextStyle  style)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  sp_report_flow_add_text (flow, escaped, style, 0, 0, NULL);
}

/* ---- The table by area ----------------------------------------------------- */

#define MAX_COLUMNS 7

typedef struct {
  SpReportTable         *table;
  const SpReportData    *data;
  SpReportFollowUpTable  kind;
  guint                  n_columns;
} TableWriter;

/* One row: @amounts per #SpFollowUpColumn, of lines of @account_kind. */
static void
add_amounts_row (TableWriter      *w,
                 const char       *label,
                 SpAccountKind     account_kind,
                 const SpMoney    *amounts,
                 SpReportRowStyle  style,
                 guint             indent)
{
  SpMoneyUnit unit = w->data->unit;
  char *cells[MAX_COLUMNS] = { NULL };
  SpFollowUpColumn budget_column = w->kind == SP_REPORT_FOLLOW_UP_PERIOD ? SP_FOLLOW_UP_PERIOD_BUDGET
                                                                         : SP_FOLLOW_UP_YEAR_BUDGET;
  SpMoney budget = amounts[budget_column];
  SpMoney actual = amounts[SP_FOLLOW_UP_ACTUAL];
  SpMoney deviation = sp_follow_up_deviation (account_kind, budget, actual);

  cells[0] = g_strdup (label);
  cells[1] = sp_report_format_whole (budget, unit);
  cells[2] = sp_report_format_whole (actual, unit);
  cells[3] = sp_report_format_whole (deviation, unit);
  cells[4] = sp_money_format_percent (deviation, budget);
  if (w->kind == SP_REPORT_FOLLOW_UP_PERIOD)
    {
      SpMoney forecast = amounts[SP_FOLLOW_UP_FORECAST];

      cells[5] = sp_report_format_whole (forecast, unit);
      cells[6] = sp_report_format_whole (sp_follow_up_deviation (account_kind, amounts[SP_FOLLOW_UP_YEAR_BUDGET],
                                                                 forecast), unit);
    }
  sp_report_table_add_row (w->table, (const char * const *) cells, style, indent);
  for (guint c = 0; c < MAX_COLUMNS; c++)
    g_free (cells[c]);
}

static void
add_label_row (TableWriter      *w,
               const char       *label,
               SpReportRowStyle  style,
               guint             indent)
{
  const char *cells[MAX_COLUMNS] = { label, "", "", "", "", "", "" };

  sp_report_table_add_row (w->table, cells, style, indent);
}

static const SpMoney *
sum_of_kind (const SpFollowUpSum *sum,
             SpAccountKind        kind)
{
  return kind == SP_ACCOUNT_KIND_REVENUE ? sum->revenue : sum->costs;
}

/* Whether a line of @kind is budgeted in @area_id (or, for 0, whether
 * actuals of @kind are left without an area). */
static gboolean
area_has_kind (const SpFollowUpLine *lines,
               guint                 n_lines,
               gint64                area_id,
               SpAccountKind         kind)
{
  for (guint i = 0; i < n_lines; i++)
    if (lines[i].kind == kind && (area_id != 0 ? lines[i].area_id == area_id && lines[i].line_id != 0
                                               : lines[i].line_id == 0 && !lines[i].derived))
      return TRUE;
  return FALSE;
}

static void
add_kind (TableWriter   *w,
          SpAccountKind  kind,
          const char    *heading,
          const char    *total_label)
{
  SpFollowUp *follow_up = w->data->follow_up;
  guint n_lines, n_areas, n_groups;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (follow_up, &n_lines);
  const SpFollowUpSubtotal *areas = sp_follow_up_get_areas (follow_up, &n_areas);
  const SpFollowUpSubtotal *groups = sp_follow_up_get_groups (follow_up, &n_groups);

  add_label_row (w, heading, SP_REPORT_ROW_GROUP, 0);
  for (guint g = 0; g < n_groups; g++)
    {
      guint shown = 0;

      /* The members' contributions derived from the frame: one row. */
      if (groups[g].id == SP_FOLLOW_UP_CONTRIBUTIONS)
        {
          if (kind == SP_ACCOUNT_KIND_REVENUE)
            add_amounts_row (w, _("Member contributions"), kind, sum_of_kind (&groups[g].sum, kind),
                             SP_REPORT_ROW_NORMAL, 0);
          continue;
        }

      for (guint a = 0; a < n_areas; a++)
        {
          if (areas[a].group_id != groups[g].id || !area_has_kind (lines, n_lines, areas[a].id, kind))
            continue;
          if (shown++ == 0)
            add_label_row (w, group_name (w->data, groups[g].id), SP_REPORT_ROW_GROUP, 0);
          add_amounts_row (w, sp_report_area_name (w->data, areas[a].id), kind, sum_of_kind (&areas[a].sum, kind),
                           SP_REPORT_ROW_NORMAL, 1);
        }
      /* One area: its row is the group's; no second row with the same sums. */
      if (shown > 1)
        {
          g_autofree char *label = g_strdup_printf (_("Total %s"), group_name (w->data, groups[g].id));
          add_amounts_row (w, label, kind, sum_of_kind (&groups[g].sum, kind), SP_REPORT_ROW_SUBTOTAL, 0);
        }
    }
  if (area_has_kind (lines, n_lines, 0, kind))
    {
      SpMoney unallocated[SP_FOLLOW_UP_N_COLUMNS] = { 0 };

      for (guint i = 0; i < n_lines; i++)
        if (lines[i].line_id == 0 && !lines[i].derived && lines[i].kind == kind)
          for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
            unallocated[c] += lines[i].amount[c];
      /* Translators: actuals the accounts did not put on a budget line of an activity area */
      add_amounts_row (w, _("Not on a budget line"), kind, unallocated, SP_REPORT_ROW_NORMAL, 0);
    }
  add_amounts_row (w, total_label, kind, sum_of_kind (sp_follow_up_get_total (follow_up), kind),
                   SP_REPORT_ROW_TOTAL, 0);
}

/**
 * sp_report_add_follow_up_table:
 * @flow: the document
 * @data: its data, the follow-up loaded
 * @kind: the period's columns with the forecast, or the whole year's
 *
 * Budget against actuals by activity area, revenue and costs apart, each
 * closed by its total, and the result. A deviation is positive where it is
 * favourable.
 */
void
sp_report_add_follow_up_table (SpReportFlow          *flow,
                               const SpReportData    *data,
                               SpReportFollowUpTable  kind)
{
  static const double weights[] = { 3.0, 1.2, 1.2, 1.2, 0.8, 1.2, 1.2 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT };
  g_autofree char *period = sp_month_format_period (data->through_month, FALSE);
  g_autofree char *note = NULL;
  char *head[MAX_COLUMNS] = { NULL };
  TableWriter w = { NULL, data, kind, kind == SP_REPORT_FOLLOW_UP_PERIOD ? 7 : 5 };

  if (kind == SP_REPORT_FOLLOW_UP_PERIOD)
    /* Translators: above the interim report's table: "Budget och utfall januari–augusti 2010, prognos för
     * helåret; belopp i kr" */
    note = g_strdup_printf (_("Budget and actuals %s %d, forecast for the whole year; %s"), period, data->year,
                            sp_report_unit_word (data->unit));
  else
    note = g_strdup (sp_report_unit_word (data->unit));
  sp_report_flow_add_plain (flow, note, SP_REPORT_TEXT_NOTE, 0);
  w.table = sp_report_table_new (flow, w.n_columns, weights, kinds, kind == SP_REPORT_FOLLOW_UP_PERIOD ? 7 : 8.5);
  head[0] = g_strdup (_("Activity area"));
  if (kind == SP_REPORT_FOLLOW_UP_PERIOD)
    {
      head[1] = g_strdup (_("Budget"));
      head[2] = g_strdup (C_("report", "Actual"));
    }
  else
    {
      /* Translators: column heads of the annual report: "Budget 2010", "Utfall 2010" */
      head[1] = g_strdup_printf (_("Budget %d"), data->year);
      head[2] = g_strdup_printf (C_("report", "Actual %d"), data->year);
    }
  /* Translators: the deviation in kronor and in per cent of the budget, column heads */
  head[3] = g_strdup (C_("report", "Deviation kr"));
  head[4] = g_strdup (C_("report", "Deviation %"));
  if (kind == SP_REPORT_FOLLOW_UP_PERIOD)
    {
      /* Translators: the forecast for the whole year and its deviation from the year's budget */
      head[5] = g_strdup (C_("report", "Forecast year"));
      head[6] = g_strdup (C_("report", "Forecast deviation"));
    }
  sp_report_table_add_header (w.table, (const char * const *) head);
  for (guint c = 0; c < MAX_COLUMNS; c++)
    g_free (head[c]);

  add_kind (&w, SP_ACCOUNT_KIND_REVENUE, _("Revenue"), _("Total revenue"));
  add_kind (&w, SP_ACCOUNT_KIND_COST, _("Costs"), _("Total costs"));
  /* The result's deviation is favourable when it is above the budget, as revenue's. */
  add_amounts_row (&w, _("Result (revenue − costs)"), SP_ACCOUNT_KIND_REVENUE,
                   sp_follow_up_get_total (data->follow_up)->result, SP_REPORT_ROW_TOTAL, 0);
  sp_report_table_end (w.table);
  sp_report_flow_add_plain (flow, _("A deviation is positive where it is to the association’s advantage: "
                                    "revenue above the budget, costs below it."),
                            SP_REPORT_TEXT_NOTE, 0);
}

/* Each activity area's comment, under its name; nothing when none has one. */
void
sp_report_add_area_comments (SpReportFlow       *flow,
                             const SpReportData *data)
{
  guint n_areas;
  const SpFollowUpSubtotal *areas = sp_follow_up_get_areas (data->follow_up, &n_areas);
  gboolean first = TRUE;

  for (guint a = 0; a < n_areas; a++)
    {
      const char *comment = sp_follow_up_get_area_comment (data->follow_up, areas[a].id);

      if (comment == NULL || comment[0] == '\0')
        continue;
      if (first)
        add_escaped (flow, _("Comments by activity area"), SP_REPORT_TEXT_HEADING_1);
      first = FALSE;
      add_escaped (flow, sp_report_area_name (data, areas[a].id), SP_REPORT_TEXT_HEADING_3);
      sp_report_flow_add_plain (flow, comment, SP_REPORT_TEXT_BODY, 0);
    }
}

/* ---- The projects' payouts ----------------------------------------------------- */

static const SpProjectPayout *
find_payout (const SpReportData *data,
             gint64              project_id)
{
  for (guint i = 0; i < data->payouts->len; i++)
    if (g_array_index (data->payouts, SpProjectPayout, i).project_id == project_id)
      return &g_array_index (data->payouts, SpProjectPayout, i);
  return NULL;
}

static gboolean
is_active (const SpReportData *data,
           gint64              project_id)
{
  for (guint i = 0; i < data->projects->len; i++)
    if (sp_record_get_id (g_ptr_array_index (data->projects, i)) == project_id)
      return TRUE;
  return FALSE;
}

typedef struct {
  SpReportTable *table;
  SpMoney        granted;
  SpMoney        paid;
  guint          n_over;
} PayoutSums;

static void
add_payout_row (PayoutSums         *sums,
                const SpReportData *data,
                gint64              project_id)
{
  const SpProjectPayout *payout = find_payout (data, project_id);
  SpMoney granted = payout != NULL ? payout->granted : 0;
  SpMoney paid = payout != NULL ? payout->paid : 0;
  const char *name = g_hash_table_lookup (data->project_names, &project_id);
  g_autofree char *label = NULL;
  g_autofree char *granted_text = sp_report_format_whole (granted, data->unit);
  g_autofree char *paid_text = sp_report_format_whole (paid, data->unit);
  g_autofree char *left_text = sp_report_format_whole (granted - paid, data->unit);
  g_autofree char *share = sp_money_format_percent (paid, granted);

  if (paid > granted)
    {
      /* Translators: a project that was paid more than granted: its name and, on the next line, the warning */
      label = g_strdup_printf (_("%s\n(more paid than granted)"), name != NULL ? name : "");
      sums->n_over++;
    }
  else
    label = g_strdup (name != NULL ? name : "");
  {
    const char *row[] = { label, granted_text, paid_text, share, left_text };
    sp_report_table_add_row (sums->table, row, SP_REPORT_ROW_NORMAL, 0);
  }
  sums->granted += granted;
  sums->paid += paid;
}

/**
 * sp_report_add_payouts:
 * @flow: the document
 * @data: its data, the payouts loaded
 *
 * Each project that runs in the year, or was paid in it: granted for the
 * year, paid through the period, the share paid and what is left; a project
 * paid more than granted is marked. No chapter title: the caller gives it.
 */
void
sp_report_add_payouts (SpReportFlow       *flow,
                       const SpReportData *data)
{
  static const double weights[] = { 3.0, 1.3, 1.3, 0.9, 1.3 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT };
  g_autofree char *period = sp_month_format_period (data->through_month, FALSE);
  g_autofree char *granted_head = g_strdup_printf (_("Granted %d"), data->year);
  g_autofree char *note = NULL;
  PayoutSums sums = { NULL, 0, 0, 0 };

  if (data->projects->len == 0 && data->payouts->len == 0)
    {
      add_escaped (flow, _("No projects run in the year."), SP_REPORT_TEXT_BODY);
      return;
    }
  /* Translators: above the table of payouts: "Utbetalt januari–augusti 2010; belopp i kr" */
  note = g_strdup_printf (_("Paid %s %d; %s"), period, data->year, sp_report_unit_word (data->unit));
  sp_report_flow_add_plain (flow, note, SP_REPORT_TEXT_NOTE, 0);
  sums.table = sp_report_table_new (flow, 5, weights, kinds, 8.5);
  {
    /* Translators: paid so far, the share of the granted funds paid, and what is left of them */
    const char *head[] = { _("Project"), granted_head, C_("report", "Paid"), C_("report", "Share paid"),
                           C_("report", "Left") };
    sp_report_table_add_header (sums.table, head);
  }
  for (guint i = 0; i < data->projects->len; i++)
    add_payout_row (&sums, data, sp_record_get_id (g_ptr_array_index (data->projects, i)));
  for (guint i = 0; i < data->payouts->len; i++)
    {
      const SpProjectPayout *payout = &g_array_index (data->payouts, SpProjectPayout, i);

      if (!is_active (data, payout->project_id) && (payout->granted != 0 || payout->paid != 0))
        add_payout_row (&sums, data, payout->project_id);
    }
  {
    g_autofree char *granted = sp_report_format_whole (sums.granted, data->unit);
    g_autofree char *paid = sp_report_format_whole (sums.paid, data->unit);
    g_autofree char *share = sp_money_format_percent (sums.paid, sums.granted);
    g_autofree char *left = sp_report_format_whole (sums.granted - sums.paid, data->unit);
    const char *row[] = { _("Total"), granted, paid, share, left };

    sp_report_table_add_row (sums.table, row, SP_REPORT_ROW_TOTAL, 0);
  }
  sp_report_table_end (sums.table);
  if (sums.n_over > 0)
    sp_report_flow_add_plain (flow, _("More has been paid to a project marked so than was granted to it for the "
                                      "year."), SP_REPORT_TEXT_NOTE, 0);
}
