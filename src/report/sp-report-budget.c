/* sp-report-budget.c: the budget chapter (groups, areas, lines, subtotals,
 * result) and the members' contributions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-report-private.h"

/* The amount columns, left to right: last year, the budget year, the plan years. */
static const SpBudgetColumn budget_columns[] = {
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
};
#define N_COLUMNS (1 + G_N_ELEMENTS (budget_columns))

/* ---- Helpers ----------------------------------------------------------- */

typedef struct {
  SpReportTable      *table;
  const SpReportData *data;
} BudgetWriter;

/* Which columns some line of a sum has a figure in (bit k: #SpBudgetColumn
 * k). A sum of revenue is empty where no revenue line has a figure, though
 * cost lines have: a year without a plan has no revenue to show, not 0. */
typedef guint ColumnsSet;

static ColumnsSet
columns_set (const SpMoney *amounts)
{
  ColumnsSet set = 0;

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    if (SP_BUDGET_IS_SET (amounts[c]))
      set |= 1u << c;
  return set;
}

static ColumnsSet
line_columns_set (SpBudgetLine *line)
{
  SpMoney amounts[SP_BUDGET_N_COLUMNS];

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    amounts[c] = sp_budget_line_get_amount (line, c);
  return columns_set (amounts);
}

static void
add_sum_row (BudgetWriter       *w,
             const char         *label,
             const SpBudgetSum  *sum,
             ColumnsSet          set,
             SpAccountKind       kind,
             SpReportRowStyle    style,
             guint               indent)
{
  char *cells[N_COLUMNS] = { NULL };

  cells[0] = g_strdup (label);
  for (guint c = 0; c < G_N_ELEMENTS (budget_columns); c++)
    {
      SpBudgetColumn column = budget_columns[c];

      if (sum->n_set[column] == 0 || !(set & (1u << column)))
        cells[c + 1] = g_strdup ("");
      else
        cells[c + 1] = sp_report_format_money (kind == SP_ACCOUNT_KIND_REVENUE ? sum->revenue[column]
                                                                               : sum->costs[column],
                                               w->data->unit);
    }
  sp_report_table_add_row (w->table, (const char * const *) cells, style, indent);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (cells[c]);
}

static void
add_label_row (BudgetWriter     *w,
               const char       *label,
               SpReportRowStyle  style,
               guint             indent)
{
  const char *cells[N_COLUMNS] = { label, "", "", "", "", "" };

  sp_report_table_add_row (w->table, cells, style, indent);
}

static void
add_line (BudgetWriter *w,
          SpBudgetLine *line)
{
  char *cells[N_COLUMNS] = { NULL };
  const char *text = sp_budget_line_get_text (line);

  if (text == NULL || text[0] == '\0')
    text = sp_budget_line_get_account_name (line);
  /* Translators: a budget line in the plan document: its account and text, "4010 Löner" */
  cells[0] = g_strdup_printf (_("%d %s"), sp_budget_line_get_account (line), text != NULL ? text : "");
  for (guint c = 0; c < G_N_ELEMENTS (budget_columns); c++)
    cells[c + 1] = sp_report_format_money (sp_budget_line_get_amount (line, budget_columns[c]), w->data->unit);
  sp_report_table_add_row (w->table, (const char * const *) cells, SP_REPORT_ROW_NORMAL, 2);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (cells[c]);
}

/* The revenue lines derived from the members' contributions, first among
 * the revenue under a heading of their own, with their sum. Returns the
 * columns they have figures in. */
static ColumnsSet
add_derived_revenue (BudgetWriter *w)
{
  const SpBudgetRevenue *revenue = w->data->revenue;
  SpBudgetSum sum = { 0 };

  if (revenue == NULL || revenue->lines->len == 0)
    return 0;
  /* Translators: the heading of the revenue lines derived from the members' contributions */
  add_label_row (w, _("Contributions by the budget frame"), SP_REPORT_ROW_GROUP, 0);
  for (guint i = 0; i < revenue->lines->len; i++)
    {
      const SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);
      char *cells[N_COLUMNS] = { NULL };

      cells[0] = line->account != 0 ? g_strdup_printf (_("%d %s"), (int) line->account, line->text)
                                    : g_strdup (line->text);
      for (guint c = 0; c < G_N_ELEMENTS (budget_columns); c++)
        cells[c + 1] = sp_report_format_money (line->amounts[budget_columns[c]], w->data->unit);
      sp_report_table_add_row (w->table, (const char * const *) cells, SP_REPORT_ROW_NORMAL, 2);
      for (guint c = 0; c < N_COLUMNS; c++)
        g_free (cells[c]);
    }
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    if (SP_BUDGET_IS_SET (revenue->revenue[c]))
      {
        sum.revenue[c] = revenue->revenue[c];
        sum.n_set[c] = 1;
      }
  add_sum_row (w, _("Total contributions"), &sum, columns_set (revenue->revenue), SP_ACCOUNT_KIND_REVENUE,
               SP_REPORT_ROW_SUBTOTAL, 0);
  return columns_set (revenue->revenue);
}

/* The lines of one kind under their groups and areas, each closed by its
 * sum. Returns the columns the lines of @kind have figures in. */
static ColumnsSet
add_kind (BudgetWriter  *w,
          SpAccountKind  kind,
          const char    *heading,
          const char    *total_label)
{
  const SpReportData *data = w->data;
  gint64 group_id = 0, area_id = 0;
  guint areas_in_group = 0;
  const char *group_name = NULL, *area_name = NULL;
  ColumnsSet in_area = 0, in_group = 0, in_total = 0;

  add_label_row (w, heading, SP_REPORT_ROW_GROUP, 0);
  if (kind == SP_ACCOUNT_KIND_REVENUE)
    in_total = add_derived_revenue (w);
  for (guint i = 0; i <= data->lines->len; i++)
    {
      SpBudgetLine *line = i < data->lines->len ? g_ptr_array_index (data->lines, i) : NULL;

      if (line != NULL && sp_budget_line_get_account_kind (line) != kind)
        continue;
      if (area_id != 0 && (line == NULL || sp_budget_line_get_area_id (line) != area_id))
        {
          g_autofree char *label = g_strdup_printf (_("Total %s"), area_name);
          const SpBudgetSubtotal *sub = sp_budget_totals_find_area (data->totals, area_id);

          if (sub != NULL)
            add_sum_row (w, label, &sub->sum, in_area, kind, SP_REPORT_ROW_SUBTOTAL, 1);
          area_id = 0;
          in_area = 0;
        }
      if (group_id != 0 && (line == NULL || sp_budget_line_get_group_id (line) != group_id))
        {
          const SpBudgetSubtotal *sub = sp_budget_totals_find_group (data->totals, group_id);

          /* One area: its total is the group's; no second row with the same sum. */
          if (sub != NULL && areas_in_group > 1)
            {
              g_autofree char *label = g_strdup_printf (_("Total %s"), group_name);
              add_sum_row (w, label, &sub->sum, in_group, kind, SP_REPORT_ROW_SUBTOTAL, 0);
            }
          group_id = 0;
          in_group = 0;
        }
      if (line == NULL)
        break;
      if (group_id == 0)
        {
          group_id = sp_budget_line_get_group_id (line);
          group_name = sp_budget_line_get_group_name (line);
          areas_in_group = 0;
          add_label_row (w, group_name, SP_REPORT_ROW_GROUP, 0);
        }
      if (area_id == 0)
        {
          area_id = sp_budget_line_get_area_id (line);
          area_name = sp_budget_line_get_area_name (line);
          areas_in_group++;
          add_label_row (w, area_name, SP_REPORT_ROW_GROUP, 1);
        }
      add_line (w, line);
      {
        ColumnsSet set = line_columns_set (line);

        in_area |= set;
        in_group |= set;
        in_total |= set;
      }
    }
  add_sum_row (w, total_label, &data->totals->total, in_total, kind, SP_REPORT_ROW_TOTAL, 0);
  return in_total;
}

/* ---- The budget ---------------------------------------------------------- */

void
sp_report_add_budget (SpReportFlow       *flow,
                      const SpReportData *data)
{
  static const double weights[] = { 3.4, 1.3, 1.3, 1.3, 1.3, 1.3 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT };
  SpReportTable *table = NULL;
  g_autofree char *unit = g_markup_escape_text (sp_report_unit_word (data->unit), -1);
  char *head[N_COLUMNS] = { NULL };
  BudgetWriter w;
  const SpBudgetTotals *totals = data->totals;
  ColumnsSet revenue_set;

  sp_report_flow_add_chapter (flow, _("Budget"));
  if (data->lines->len == 0 && data->revenue->lines->len == 0)
    {
      sp_report_flow_add_text (flow, _("The budget has no lines yet."), SP_REPORT_TEXT_BODY, 0, 0, NULL);
      return;
    }
  sp_report_flow_add_text (flow, unit, SP_REPORT_TEXT_NOTE, 0, 0, NULL);
  table = sp_report_table_new (flow, N_COLUMNS, weights, kinds, 8);
  head[0] = g_strdup (_("Budget line"));
  for (guint c = 0; c < G_N_ELEMENTS (budget_columns); c++)
    head[c + 1] = sp_budget_column_get_title (budget_columns[c], data->year);
  sp_report_table_add_header (table, (const char * const *) head);
  for (guint c = 0; c < N_COLUMNS; c++)
    g_free (head[c]);

  w.table = table;
  w.data = data;
  revenue_set = add_kind (&w, SP_ACCOUNT_KIND_REVENUE, _("Revenue"), _("Total revenue"));
  add_kind (&w, SP_ACCOUNT_KIND_COST, _("Costs"), _("Total costs"));

  {
    char *result[N_COLUMNS] = { NULL };
    char *equity[N_COLUMNS] = { NULL };
    char *frame[N_COLUMNS] = { NULL };

    result[0] = g_strdup (_("Result (revenue − costs)"));
    equity[0] = g_strdup (_("Equity used"));
    frame[0] = g_strdup (_("Budget frame from the members"));
    for (guint c = 0; c < G_N_ELEMENTS (budget_columns); c++)
      {
        SpBudgetColumn column = budget_columns[c];
        gboolean plan = column < SP_PLAN_YEARS;

        /* No revenue in a column (last year without a plan): no result either, not −costs. */
        result[c + 1] = totals->total.n_set[column] > 0 && (revenue_set & (1u << column))
                          ? sp_report_format_money (totals->total.result[column], data->unit) : g_strdup ("");
        equity[c + 1] = plan ? sp_report_format_money (totals->equity_used[column], data->unit) : g_strdup ("");
        frame[c + 1] = plan ? sp_report_format_money (totals->frame[column], data->unit) : g_strdup ("");
      }
    sp_report_table_add_row (table, (const char * const *) result, SP_REPORT_ROW_TOTAL, 0);
    sp_report_table_add_row (table, (const char * const *) equity, SP_REPORT_ROW_NORMAL, 0);
    sp_report_table_add_row (table, (const char * const *) frame, SP_REPORT_ROW_NORMAL, 0);
    for (guint c = 0; c < N_COLUMNS; c++)
      {
        g_free (result[c]);
        g_free (equity[c]);
        g_free (frame[c]);
      }
  }
  sp_report_table_end (table);
}

/* ---- Contributions --------------------------------------------------------- */

static char *
format_key (const SpContribution *c,
            SpAllocationKey       key,
            SpMoneyUnit           unit)
{
  if (c->key_value < 0)
    return g_strdup ("");
  switch (key)
    {
    case SP_ALLOCATION_KEY_PERCENTAGE:
      return sp_report_format_share ((int) c->key_value);
    case SP_ALLOCATION_KEY_FIXED:
      return sp_report_format_money (c->key_value, unit);
    case SP_ALLOCATION_KEY_POPULATION:
    default:
      return sp_money_format (sp_money_from_kr (c->key_value), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
    }
}

static const char *
key_head (SpAllocationKey key)
{
  switch (key)
    {
    case SP_ALLOCATION_KEY_PERCENTAGE:
      return _("Agreed percentage");
    case SP_ALLOCATION_KEY_FIXED:
      return _("Fixed amount");
    case SP_ALLOCATION_KEY_POPULATION:
    default:
      return _("Population");
    }
}

void
sp_report_add_contributions (SpReportFlow       *flow,
                             const SpReportData *data)
{
  static const double weights[] = { 3.2, 1.8, 1.4, 1.4, 1.4, 1.4 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_FIT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT };
  SpAllocationKey key = sp_plan_year_get_allocation_key (data->plan);
  g_autofree char *state = sp_report_format_share (sp_plan_year_get_share_state (data->plan));
  g_autofree char *region = sp_report_format_share (sp_plan_year_get_share_region (data->plan));
  g_autofree char *towns = sp_report_format_share (sp_plan_year_get_share_municipalities (data->plan));
  g_autofree char *split = NULL;
  g_autofree char *unit = g_markup_escape_text (sp_report_unit_word (data->unit), -1);
  g_autoptr(GString) notes = g_string_new (NULL);
  SpMoney sums[SP_PLAN_YEARS] = { 0 };
  char *head[N_COLUMNS] = { NULL };

  sp_report_flow_add_chapter (flow, _("Member contributions"));
  /* Translators: the split of the contributions the law (2003:1210) sets */
  split = g_markup_printf_escaped (_("Under the Act on financial coordination of rehabilitation measures "
                                     "(2003:1210) the state pays %s of the contributions, the region %s "
                                     "and the municipalities together %s."), state, region, towns);
  sp_report_flow_add_text (flow, split, SP_REPORT_TEXT_BODY, 0, 0, NULL);
  {
    /* Translators: how the municipalities' part is shared among them, "Fördelningsnyckel: folkmängd." */
    g_autofree char *text = g_markup_printf_escaped (_("<b>Allocation key:</b> %s."), sp_allocation_key_get_label (key));
    sp_report_flow_add_text (flow, text, SP_REPORT_TEXT_BODY, 0, 0, NULL);
  }
  sp_report_flow_add_text (flow, unit, SP_REPORT_TEXT_NOTE, 0, 0, NULL);

  {
    SpReportTable *table = sp_report_table_new (flow, N_COLUMNS, weights, kinds, 8.5);

    head[0] = g_strdup (_("Member"));
    head[1] = g_strdup (_("Kind"));
    head[2] = g_strdup (key_head (key));
    for (guint y = 0; y < SP_PLAN_YEARS; y++)
      head[3 + y] = sp_budget_column_get_title ((SpBudgetColumn) y, data->year);
    sp_report_table_add_header (table, (const char * const *) head);
    for (guint c = 0; c < N_COLUMNS; c++)
      g_free (head[c]);

    for (guint i = 0; i < data->contributions->len; i++)
      {
        const SpContribution *c = g_ptr_array_index (data->contributions, i);
        char *cells[N_COLUMNS] = { NULL };

        cells[0] = g_strdup (c->name);
        cells[1] = g_strdup (sp_member_kind_get_label (c->kind));
        cells[2] = format_key (c, key, data->unit);
        for (guint y = 0; y < SP_PLAN_YEARS; y++)
          {
            cells[3 + y] = sp_report_format_money (c->amount[y], data->unit);
            if (c->amount[y] != SP_MONEY_NOT_SET)
              sums[y] += c->amount[y];
          }
        sp_report_table_add_row (table, (const char * const *) cells, SP_REPORT_ROW_NORMAL, 0);
        for (guint k = 0; k < N_COLUMNS; k++)
          g_free (cells[k]);
        if (!c->pays_own_share)
          {
            const char *why = c->kind == SP_MEMBER_KIND_STATE
                                ? _("Its part is paid with the state’s share through Försäkringskassan.")
                                : _("Pays no contribution of its own.");
            g_string_append_printf (notes, "%s%s: %s", notes->len > 0 ? "\n" : "", c->name, why);
          }
      }
    {
      char *total[N_COLUMNS] = { g_strdup (_("Total")), g_strdup (""), g_strdup ("") };
      char *frame[N_COLUMNS] = { g_strdup (_("Budget frame")), g_strdup (""), g_strdup ("") };

      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          total[3 + y] = sp_report_format_money (sums[y], data->unit);
          frame[3 + y] = sp_report_format_money (sp_plan_year_get_frame (data->plan, y), data->unit);
        }
      sp_report_table_add_row (table, (const char * const *) total, SP_REPORT_ROW_TOTAL, 0);
      sp_report_table_add_row (table, (const char * const *) frame, SP_REPORT_ROW_NORMAL, 0);
      for (guint k = 0; k < N_COLUMNS; k++)
        {
          g_free (total[k]);
          g_free (frame[k]);
        }
    }
    sp_report_table_end (table);
  }
  sp_report_flow_add_plain (flow, notes->str, SP_REPORT_TEXT_NOTE, 0);
}
