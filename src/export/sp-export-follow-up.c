/* sp-export-follow-up.c: the treasurer's follow-up sheet: the budget of a
 * period against the actuals to date, and the forecast for the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The figures are the core's (sp-follow-up.h), laid out as the Budget sheet
 * lays out its lines: revenue, then costs, each by area group and activity
 * area with subtotals, then the result. What follows from another figure is
 * a formula, with the core's figure as its cached value: a line's year
 * budget is its cell on the Budget sheet; the period's budget is that cell
 * times the share of the line's months that lie in the period, rounded to
 * öre as the core rounds (half away from zero, as ROUND() does), so that a
 * budget changed on the Budget sheet shows here at once; the deviations,
 * the per cent, the subtotals, totals and the result are formulas too. The
 * actuals (from the ledger) and a typed forecast (the treasurer's) are
 * values; a forecast not typed is the year's budget, by formula.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-account.h"
#include "sp-export-private.h"
#include "sp-follow-up.h"
#include "sp-month.h"

struct _ExportFollowUp
{
  SpFollowUp *follow_up;
  GHashTable *account_names;   /* account number → its name */
};

/* The columns of the sheet. */
enum {
  COL_ACCOUNT,
  COL_TEXT,
  COL_YEAR_BUDGET,
  COL_PERIOD_BUDGET,
  COL_ACTUAL,
  COL_DEVIATION,
  COL_PERCENT,
  COL_FORECAST,
  COL_FORECAST_DEVIATION,
  COL_MONTHS,
  N_COLS
};

#define HEAD_ROW 3

/* The amounts a row sums, per #SpFollowUpColumn. */
typedef SpMoney Amounts[SP_FOLLOW_UP_N_COLUMNS];

typedef struct {
  Book             *book;
  lxw_worksheet    *sheet;
  const BudgetRows *budget;
  SpFollowUp       *follow_up;
  GHashTable       *account_names;
  GHashTable       *line_index;   /* line id → its index in data->lines + 1 */
  lxw_row_t         row;
  gboolean          has_actuals;
  lxw_format       *percent;
  lxw_format       *percent_subtotal;
  lxw_format       *percent_total;
  /* The open area and group of a section. */
  gint64            area_id;
  gint64            group_id;
  lxw_row_t         area_first;
  char             *area_name;
  gboolean          area_in_group;
  char             *group_name;
  Amounts           area_sum;
  Amounts           group_sum;
  Amounts           section_sum;
  GArray           *area_totals;
  GArray           *group_totals;  /* and the section's other parts: contributions, actuals without a line */
  /* The headings, kept on paper with the rows under them. */
  PageBreaks       *pages;
} Writer;

/* A heading at @w's row, kept on paper with what follows it. */
static void
put_heading (Writer     *w,
             lxw_col_t   col,
             const char *text,
             lxw_format *format)
{
  sp_export_page_breaks_keep_with_next (w->pages, w->row);
  sp_export_put_text (w->book, w->sheet, w->row++, col, text, format);
}

/* ---- Names ----------------------------------------------------------------- */

/* ---- Cells ----------------------------------------------------------------- */

static void
cell (char      *buffer,
      lxw_row_t  row,
      lxw_col_t  col)
{
  sp_export_cell_name (buffer, 32, row, col, FALSE);
}

static void
put_blank (Writer     *w,
           lxw_row_t   row,
           lxw_col_t   col,
           lxw_format *format)
{
  sp_export_check (w->book, worksheet_write_blank (w->sheet, row, col, format));
}

/* @b − @a (costs) or @a − @b (revenue, the result): positive where favourable. */
static void
put_difference (Writer        *w,
                lxw_row_t      row,
                lxw_col_t      col,
                SpAccountKind  kind,
                lxw_col_t      budget_col,
                lxw_col_t      actual_col,
                SpMoney        cached,
                lxw_format    *format)
{
  char budget[32], actual[32];
  g_autofree char *formula = NULL;

  cell (budget, row, budget_col);
  cell (actual, row, actual_col);
  if (kind == SP_ACCOUNT_KIND_REVENUE)
    formula = g_strdup_printf ("=%s-%s", actual, budget);
  else
    formula = g_strdup_printf ("=%s-%s", budget, actual);
  sp_export_put_money_formula (w->book, w->sheet, row, col, formula, cached, format);
}

/* The deviation in per cent of the period's budget; empty where it is 0. */
static void
put_percent (Writer      *w,
             lxw_row_t    row,
             SpMoney      deviation,
             SpMoney      budget,
             lxw_format  *format)
{
  char budget_cell[32], deviation_cell[32];
  g_autofree char *formula = NULL;

  cell (budget_cell, row, COL_PERIOD_BUDGET);
  cell (deviation_cell, row, COL_DEVIATION);
  formula = g_strdup_printf ("=IF(%s=0,\"\",%s/%s)", budget_cell, deviation_cell, budget_cell);
  if (budget == 0)
    sp_export_check (w->book, worksheet_write_formula_str (w->sheet, row, COL_PERCENT, formula, format, ""));
  else
    sp_export_put_formula (w->book, w->sheet, row, COL_PERCENT, formula,
                           (double) deviation / (double) budget, format);
}

/* The deviations of a row whose budgets, actual and forecast are written:
 * in kr and per cent against the period's budget, the forecast against the
 * year's. @what is the kind the row sums (the result counts as revenue);
 * @has_budget says whether the row has budget columns at all. */
static void
put_deviations (Writer        *w,
                lxw_row_t      row,
                SpAccountKind  what,
                const SpMoney *amounts,
                gboolean       has_budget,
                lxw_format    *money,
                lxw_format    *percent)
{
  if (w->has_actuals)
    {
      SpMoney deviation = sp_follow_up_deviation (what, amounts[SP_FOLLOW_UP_PERIOD_BUDGET],
                                                  amounts[SP_FOLLOW_UP_ACTUAL]);

      put_difference (w, row, COL_DEVIATION, what, COL_PERIOD_BUDGET, COL_ACTUAL, deviation, money);
      put_percent (w, row, deviation, amounts[SP_FOLLOW_UP_PERIOD_BUDGET], percent);
    }
  else
    {
      put_blank (w, row, COL_DEVIATION, money);
      put_blank (w, row, COL_PERCENT, percent);
    }
  if (has_budget)
    put_difference (w, row, COL_FORECAST_DEVIATION, what, COL_YEAR_BUDGET, COL_FORECAST,
                    sp_follow_up_deviation (what, amounts[SP_FOLLOW_UP_YEAR_BUDGET], amounts[SP_FOLLOW_UP_FORECAST]),
                    money);
  else
    put_blank (w, row, COL_FORECAST_DEVIATION, money);
}

/* The period's budget of a line whose year budget is in @year_cell: the
 * share of its @months that lie in the period. */
static void
put_period_budget (Writer        *w,
                   lxw_row_t      row,
                   const char    *year_cell,
                   guint          months,
                   SpMoney        cached)
{
  guint through = sp_follow_up_get_through_month (w->follow_up);
  guint mask = through >= 12 ? SP_FOLLOW_UP_ALL_MONTHS : (1u << through) - 1;
  guint in_period = 0, n = 0;
  g_autofree char *formula = NULL;

  for (guint m = 0; m < 12; m++)
    {
      n += (months >> m) & 1;
      in_period += (months & mask) >> m & 1;
    }
  if (in_period == 0 || n == 0)
    {
      /* None of its months has come: nothing of the year's budget. */
      sp_export_put_money (w->book, w->sheet, row, COL_PERIOD_BUDGET, 0, w->book->money);
      return;
    }
  if (in_period == n)
    formula = g_strdup_printf ("=%s", year_cell);
  else
    formula = g_strdup_printf ("=ROUND(%s*%u/%u,2)", year_cell, in_period, n);
  sp_export_put_money_formula (w->book, w->sheet, row, COL_PERIOD_BUDGET, formula, cached, w->book->money);
}

/* One line of the budget: @year_cell is its year budget on the Budget sheet
 * (NULL: none, the actuals of an account no line takes). */
static void
write_line (Writer               *w,
            const SpFollowUpLine *line,
            const char           *text,
            const char           *year_cell)
{
  lxw_row_t row = w->row++;
  const SpMoney *amounts = line->amount;

  sp_export_put_number (w->book, w->sheet, row, COL_ACCOUNT, line->account, w->book->account);
  sp_export_put_text (w->book, w->sheet, row, COL_TEXT, text, w->book->line_text);
  if (year_cell != NULL)
    {
      g_autofree char *formula = g_strdup_printf ("=%s", year_cell);
      char own[32];

      sp_export_put_money_formula (w->book, w->sheet, row, COL_YEAR_BUDGET, formula,
                                   amounts[SP_FOLLOW_UP_YEAR_BUDGET], w->book->money);
      put_period_budget (w, row, year_cell, line->months, amounts[SP_FOLLOW_UP_PERIOD_BUDGET]);
      if (line->forecast_typed)
        sp_export_put_money (w->book, w->sheet, row, COL_FORECAST, amounts[SP_FOLLOW_UP_FORECAST], w->book->money);
      else
        {
          g_autofree char *same = NULL;

          cell (own, row, COL_YEAR_BUDGET);
          same = g_strdup_printf ("=%s", own);
          sp_export_put_money_formula (w->book, w->sheet, row, COL_FORECAST, same, amounts[SP_FOLLOW_UP_FORECAST],
                                       w->book->money);
        }
    }
  else
    {
      put_blank (w, row, COL_YEAR_BUDGET, w->book->money);
      put_blank (w, row, COL_PERIOD_BUDGET, w->book->money);
      put_blank (w, row, COL_FORECAST, w->book->money);
    }
  if (w->has_actuals)
    sp_export_put_money (w->book, w->sheet, row, COL_ACTUAL, amounts[SP_FOLLOW_UP_ACTUAL], w->book->money);
  else
    put_blank (w, row, COL_ACTUAL, w->book->money);
  put_deviations (w, row, line->kind, amounts, year_cell != NULL, w->book->money, w->percent);
  if (year_cell != NULL)
    {
      g_autofree char *label = sp_month_format_set (line->months);

      sp_export_put_text (w->book, w->sheet, row, COL_MONTHS, label, w->book->text);
    }

  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    w->area_sum[c] += amounts[c];
}

/* The formula that sums a money column of a row: of a range, of rows, or
 * revenue − costs. */
typedef char *(*SumFormula) (gconstpointer data,
                             lxw_col_t     col);

static void
write_sum_row (Writer        *w,
               lxw_row_t      row,
               SpAccountKind  what,
               const SpMoney *amounts,
               SumFormula     formula_for,
               gconstpointer  data,
               gboolean       total)
{
  static const struct {
    lxw_col_t        col;
    SpFollowUpColumn column;
  } sums[] = {
    { COL_YEAR_BUDGET, SP_FOLLOW_UP_YEAR_BUDGET },
    { COL_PERIOD_BUDGET, SP_FOLLOW_UP_PERIOD_BUDGET },
    { COL_ACTUAL, SP_FOLLOW_UP_ACTUAL },
    { COL_FORECAST, SP_FOLLOW_UP_FORECAST },
  };
  lxw_format *money = total ? w->book->money_total : w->book->money_subtotal;
  lxw_format *percent = total ? w->percent_total : w->percent_subtotal;

  for (guint i = 0; i < G_N_ELEMENTS (sums); i++)
    {
      g_autofree char *formula = NULL;

      if (sums[i].column == SP_FOLLOW_UP_ACTUAL && !w->has_actuals)
        {
          put_blank (w, row, sums[i].col, money);
          continue;
        }
      formula = formula_for (data, sums[i].col);
      sp_export_put_money_formula (w->book, w->sheet, row, sums[i].col, formula, amounts[sums[i].column], money);
    }
  put_deviations (w, row, what, amounts, TRUE, money, percent);
  put_blank (w, row, COL_MONTHS, total ? w->book->total_text : NULL);
}

static char *
range_formula (gconstpointer data,
               lxw_col_t     col)
{
  const lxw_row_t *range = data;

  return sp_export_sum_of_range (range[0], range[1], col);
}

static char *
rows_formula (gconstpointer data,
              lxw_col_t     col)
{
  GArray *rows = (GArray *) data;

  if (rows->len == 0)
    return g_strdup ("=0");
  return sp_export_sum_of_rows (rows, col);
}

/* ---- Sections ----------------------------------------------------------------- */

static void
close_area (Writer        *w,
            SpAccountKind  kind)
{
  g_autofree char *label = NULL;
  lxw_row_t range[2];

  if (w->area_id == 0)
    return;
  if (w->area_in_group)
    label = g_strdup_printf (_("Total %s outside its areas"), w->area_name);
  else
    label = g_strdup_printf (_("Total %s"), w->area_name);
  sp_export_put_text (w->book, w->sheet, w->row, COL_TEXT, label, w->book->subtotal_text);
  range[0] = w->area_first;
  range[1] = w->row - 1;
  write_sum_row (w, w->row, kind, w->area_sum, range_formula, range, FALSE);
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    {
      w->group_sum[c] += w->area_sum[c];
      w->area_sum[c] = 0;
    }
  g_array_append_val (w->area_totals, w->row);
  w->row++;
  w->area_id = 0;
  w->area_in_group = FALSE;
  g_clear_pointer (&w->area_name, g_free);
}

static void
close_group (Writer        *w,
             SpAccountKind  kind)
{
  lxw_row_t total_row;

  close_area (w, kind);
  if (w->group_id == 0)
    return;
  if (w->area_totals->len == 1)
    /* One area: its total is the group's. */
    total_row = g_array_index (w->area_totals, lxw_row_t, 0);
  else
    {
      g_autofree char *label = g_strdup_printf (_("Total %s"), w->group_name);

      sp_export_put_text (w->book, w->sheet, w->row, COL_TEXT, label, w->book->total_text);
      write_sum_row (w, w->row, kind, w->group_sum, rows_formula, w->area_totals, FALSE);
      total_row = w->row++;
    }
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    {
      w->section_sum[c] += w->group_sum[c];
      w->group_sum[c] = 0;
    }
  g_array_append_val (w->group_totals, total_row);
  g_array_set_size (w->area_totals, 0);
  w->group_id = 0;
  g_clear_pointer (&w->group_name, g_free);
}

static SpBudgetLine *
budget_line_of (Writer               *w,
                const SpFollowUpLine *line,
                guint                *index)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (w->line_index, &line->line_id));

  if (found == 0)
    return NULL;
  *index = found - 1;
  return g_ptr_array_index (w->book->data->lines, found - 1);
}

/* Whether the lines of @kind after @from of the same group lie in another area. */
static gboolean
group_has_other_areas (const SpFollowUpLine *lines,
                       guint                 n_lines,
                       guint                 from,
                       SpAccountKind         kind)
{
  for (guint i = from + 1; i < n_lines; i++)
    {
      if (lines[i].kind != kind || lines[i].line_id == 0)
        continue;
      if (lines[i].group_id != lines[from].group_id)
        break;
      if (lines[i].area_id != lines[from].area_id)
        return TRUE;
    }
  return FALSE;
}

/* The contributions derived from the frame, first among the revenue, each
 * referring to its row on the Budget sheet. */
static void
write_derived (Writer *w)
{
  const SpBudgetRevenue *revenue = w->book->data->revenue;
  guint n_lines;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (w->follow_up, &n_lines);
  guint next = 0;
  lxw_row_t range[2];
  Amounts sum = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; i < n_lines; i++)
    any |= lines[i].derived;
  if (!any)
    return;
  put_heading (w, COL_TEXT, _("Contributions by the budget frame"), w->book->group);
  range[0] = w->row;
  for (guint i = 0; i < n_lines; i++)
    {
      const SpBudgetRevenueLine *source = NULL;
      g_autofree char *year_cell = NULL;

      if (!lines[i].derived)
        continue;
      /* The follow-up leaves out a line without an account; the sheet has it. */
      while (next < revenue->lines->len && source == NULL)
        {
          const SpBudgetRevenueLine *candidate = g_ptr_array_index (revenue->lines, next++);

          if (candidate->account != 0)
            source = candidate;
        }
      if (source != NULL)
        year_cell = sp_export_sheet_cell (sp_export_budget_sheet_name (), w->budget->derived_first + next - 1,
                                          BUDGET_YEAR_COL);
      memset (w->area_sum, 0, sizeof w->area_sum);
      if (year_cell != NULL)
        write_line (w, &lines[i], source->text, year_cell);
      else
        write_line (w, &lines[i], "", NULL);
      for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
        sum[c] += w->area_sum[c];
    }
  memset (w->area_sum, 0, sizeof w->area_sum);
  range[1] = w->row - 1;
  sp_export_put_text (w->book, w->sheet, w->row, COL_TEXT, _("Total contributions"), w->book->total_text);
  write_sum_row (w, w->row, SP_ACCOUNT_KIND_REVENUE, sum, range_formula, range, FALSE);
  g_array_append_val (w->group_totals, w->row);
  w->row++;
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    w->section_sum[c] += sum[c];
}

/* The actuals on accounts of @kind that no line takes, each a row of its
 * own under a heading, counted in the section's total. */
static void
write_unallocated (Writer        *w,
                   SpAccountKind  kind)
{
  guint n_lines;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (w->follow_up, &n_lines);
  gboolean heading = FALSE;

  for (guint i = 0; i < n_lines; i++)
    {
      const char *name;

      if (lines[i].line_id != 0 || lines[i].derived || lines[i].kind != kind)
        continue;
      if (!heading)
        {
          /* Translators: the heading over the actuals of accounts that no budget line takes */
          put_heading (w, COL_TEXT, _("Actuals without a budget line"), w->book->group);
          heading = TRUE;
        }
      name = g_hash_table_lookup (w->account_names, GUINT_TO_POINTER (lines[i].account));
      g_array_append_val (w->group_totals, w->row);
      memset (w->area_sum, 0, sizeof w->area_sum);
      write_line (w, &lines[i], name != NULL ? name : "", NULL);
      for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
        w->section_sum[c] += w->area_sum[c];
      memset (w->area_sum, 0, sizeof w->area_sum);
    }
}

static lxw_row_t
write_section (Writer        *w,
               SpAccountKind  kind,
               const char    *heading,
               const char    *total_label)
{
  guint n_lines;
  const SpFollowUpLine *lines = sp_follow_up_get_lines (w->follow_up, &n_lines);
  const SpFollowUpSum *total = sp_follow_up_get_total (w->follow_up);
  lxw_row_t total_row;

  put_heading (w, COL_ACCOUNT, heading, w->book->bold);
  memset (w->section_sum, 0, sizeof w->section_sum);
  if (kind == SP_ACCOUNT_KIND_REVENUE)
    write_derived (w);

  for (guint i = 0; i < n_lines; i++)
    {
      const SpFollowUpLine *line = &lines[i];
      SpBudgetLine *budget_line;
      guint index = 0;
      const char *text;
      g_autofree char *year_cell = NULL;

      if (line->kind != kind || line->line_id == 0)
        continue;
      budget_line = budget_line_of (w, line, &index);
      if (budget_line == NULL)
        continue;
      if (line->group_id != w->group_id)
        {
          close_group (w, kind);
          w->group_id = line->group_id;
          w->group_name = g_strdup (sp_budget_line_get_group_name (budget_line));
          put_heading (w, COL_TEXT, w->group_name, w->book->group);
        }
      if (line->area_id != w->area_id)
        {
          close_area (w, kind);
          w->area_id = line->area_id;
          w->area_name = g_strdup (sp_budget_line_get_area_name (budget_line));
          if (sp_budget_line_is_in_group (budget_line))
            w->area_in_group = group_has_other_areas (lines, n_lines, i, kind);
          else
            put_heading (w, COL_TEXT, w->area_name, w->book->area);
          w->area_first = w->row;
        }
      text = sp_budget_line_get_text (budget_line);
      if (text == NULL || text[0] == '\0')
        text = sp_budget_line_get_account_name (budget_line);
      if (w->budget->line_rows != NULL && index < w->budget->line_rows->len)
        year_cell = sp_export_sheet_cell (sp_export_budget_sheet_name (),
                                          g_array_index (w->budget->line_rows, lxw_row_t, index), BUDGET_YEAR_COL);
      write_line (w, line, text, year_cell);
    }
  close_group (w, kind);
  write_unallocated (w, kind);

  total_row = w->row++;
  sp_export_put_text (w->book, w->sheet, total_row, COL_ACCOUNT, total_label, w->book->total_text);
  put_blank (w, total_row, COL_TEXT, w->book->total_text);
  /* The core's totals; the rows above add up to them. */
  write_sum_row (w, total_row, kind, kind == SP_ACCOUNT_KIND_REVENUE ? total->revenue : total->costs,
                 rows_formula, w->group_totals, TRUE);
  g_array_set_size (w->group_totals, 0);
  w->row++;
  return total_row;
}

static char *
result_formula (gconstpointer data,
                lxw_col_t     col)
{
  const lxw_row_t *rows = data;
  char revenue[32], costs[32];

  cell (revenue, rows[0], col);
  cell (costs, rows[1], col);
  return g_strdup_printf ("=%s-%s", revenue, costs);
}

/* A note over the width of the table, wrapped, as high as its lines, so
 * that it prints within the page's width. */
static void
put_note (Writer     *w,
          lxw_row_t   row,
          const char *text,
          lxw_format *format)
{
  glong length = g_utf8_strlen (text, -1);

  sp_export_check (w->book, worksheet_merge_range (w->sheet, row, COL_ACCOUNT, row, COL_MONTHS, "", format));
  sp_export_put_text (w->book, w->sheet, row, COL_ACCOUNT, text, format);
  sp_export_page_breaks_set_lines (w->pages, w->book, w->sheet, row, (guint) (1 + length / 130));
}

static lxw_format *
add_note_format (Book     *book,
                 gboolean  bold)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_text_wrap (format);
  if (bold)
    format_set_bold (format);
  return format;
}

static lxw_format *
add_percent_format (Book    *book,
                    gboolean bold,
                    int      top,
                    int      bottom)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format (format, "0.0%");
  if (bold)
    format_set_bold (format);
  if (top != LXW_BORDER_NONE)
    format_set_top (format, top);
  if (bottom != LXW_BORDER_NONE)
    format_set_bottom (format, bottom);
  return format;
}

/* ---- Public API ------------------------------------------------------------- */

const char *
sp_export_follow_up_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Follow-up");
}

/**
 * sp_export_follow_up_load:
 * @through_month: the period's last month, 1–12
 *
 * Returns: (transfer full) (nullable): the year followed up through
 *   @through_month, with the names of the accounts, for
 *   sp_export_write_follow_up_sheet()
 */
ExportFollowUp *
sp_export_follow_up_load (SpDatabase  *database,
                          int          year,
                          guint        through_month,
                          GError     **error)
{
  g_autoptr(SpRecordList) accounts = NULL;
  ExportFollowUp *self;
  SpFollowUp *follow_up;

  g_return_val_if_fail (through_month >= 1 && through_month <= 12, NULL);

  follow_up = sp_follow_up_new (database, year, through_month, error);
  if (follow_up == NULL)
    return NULL;
  self = g_new0 (ExportFollowUp, 1);
  self->follow_up = follow_up;
  self->account_names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  accounts = sp_account_list_new (database);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);

      g_hash_table_insert (self->account_names, GUINT_TO_POINTER ((guint) sp_account_get_number (account)),
                           g_strdup (sp_account_get_name (account)));
    }
  return self;
}

void
sp_export_follow_up_free (ExportFollowUp *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->follow_up);
  g_clear_pointer (&self->account_names, g_hash_table_unref);
  g_free (self);
}

/**
 * sp_export_write_follow_up_sheet:
 * @budget: the rows of the Budget sheet, with its @line_rows
 *
 * Writes the sheet "Uppföljning" when the data has a follow-up
 * (sp_export_follow_up_load()); nothing otherwise. The Budget sheet must be
 * written already.
 */
void
sp_export_write_follow_up_sheet (Book             *book,
                                 const BudgetRows *budget)
{
  const ExportData *data = book->data;
  ExportFollowUp *source = data->follow_up;
  lxw_worksheet *sheet;
  g_autofree char *period = NULL;
  g_autofree char *short_period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GHashTable) line_index = NULL;
  Writer w = { 0 };
  g_autoptr(PageBreaks) pages = sp_export_page_breaks_new ();
  guint through, last;
  lxw_row_t totals[2];

  if (source == NULL)
    return;
  sheet = sp_export_add_sheet (book, sp_export_follow_up_sheet_name ());
  if (sheet == NULL)
    return;
  through = sp_follow_up_get_through_month (source->follow_up);
  last = sp_follow_up_get_last_month (source->follow_up);
  period = sp_month_format_period (through, FALSE);
  short_period = sp_month_format_period (through, TRUE);

  /* Translators: the follow-up sheet's subtitle, "Uppföljning januari–april 2009" */
  title = g_strdup_printf (_("Follow-up %s %d"), period, data->year);
  subtitle = g_strdup_printf ("%s · %s", title, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);
  w.book = book;
  w.sheet = sheet;
  w.pages = pages;
  if (last == 0)
    {
      g_autofree char *note = g_strdup_printf (_("No actuals are imported for %d: the columns of actuals and "
                                                 "deviations are empty. Import the year’s accounts (SIE) and "
                                                 "export again."), data->year);

      put_note (&w, 2, note, add_note_format (book, TRUE));
    }
  else if (last < through)
    {
      /* Translators: "Bokföringen har gett utfall till och med juni." */
      g_autofree char *note = g_strdup_printf (_("The accounts have given actuals through %s only."),
                                               sp_month_name (last));

      put_note (&w, 2, note, add_note_format (book, TRUE));
    }

  sp_export_put_head (book, sheet, HEAD_ROW, COL_ACCOUNT, _("Account"), FALSE);
  sp_export_put_head (book, sheet, HEAD_ROW, COL_TEXT, _("Budget line"), FALSE);
  {
    g_autofree char *year_budget = g_strdup_printf (_("Budget %d"), data->year);
    /* Translators: a column head: the budget of a period, "Budget jan–apr" */
    g_autofree char *period_budget = g_strdup_printf (_("Budget %s"), short_period);
    /* Translators: a column head: the actuals of a period, "Utfall jan–apr" */
    g_autofree char *actual = g_strdup_printf (_("Actuals %s"), short_period);

    sp_export_put_head (book, sheet, HEAD_ROW, COL_YEAR_BUDGET, year_budget, TRUE);
    sp_export_put_head (book, sheet, HEAD_ROW, COL_PERIOD_BUDGET, period_budget, TRUE);
    sp_export_put_head (book, sheet, HEAD_ROW, COL_ACTUAL, actual, TRUE);
  }
  sp_export_put_head (book, sheet, HEAD_ROW, COL_DEVIATION, C_("report", "Deviation kr"), TRUE);
  sp_export_put_head (book, sheet, HEAD_ROW, COL_PERCENT, C_("report", "Deviation %"), TRUE);
  sp_export_put_head (book, sheet, HEAD_ROW, COL_FORECAST, C_("report", "Forecast year"), TRUE);
  /* Translators: a column head: the forecast for the year against the year's budget, in kr */
  sp_export_put_head (book, sheet, HEAD_ROW, COL_FORECAST_DEVIATION, _("Forecast against budget"), TRUE);
  /* Translators: a column head: the months a line's budget falls in */
  sp_export_put_head (book, sheet, HEAD_ROW, COL_MONTHS, _("Months"), FALSE);

  line_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < data->lines->len; i++)
    {
      gint64 id = sp_record_get_id (SP_RECORD (g_ptr_array_index (data->lines, i)));

      g_hash_table_insert (line_index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (i + 1));
    }

  w.budget = budget;
  w.follow_up = source->follow_up;
  w.account_names = source->account_names;
  w.line_index = line_index;
  w.row = HEAD_ROW + 1;
  w.has_actuals = last > 0;
  w.percent = add_percent_format (book, FALSE, LXW_BORDER_NONE, LXW_BORDER_NONE);
  w.percent_subtotal = add_percent_format (book, TRUE, LXW_BORDER_HAIR, LXW_BORDER_NONE);
  w.percent_total = add_percent_format (book, TRUE, LXW_BORDER_THIN, LXW_BORDER_DOUBLE);
  w.area_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  w.group_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  totals[0] = write_section (&w, SP_ACCOUNT_KIND_REVENUE, _("Revenue"), _("Total revenue"));
  totals[1] = write_section (&w, SP_ACCOUNT_KIND_COST, _("Costs"), _("Total costs"));
  g_array_unref (w.area_totals);
  g_array_unref (w.group_totals);

  /* revenue − costs = result; its deviation is favourable above the budget, as revenue's. */
  sp_export_put_text (book, sheet, w.row, COL_ACCOUNT, _("Result (revenue − costs)"), book->total_text);
  put_blank (&w, w.row, COL_TEXT, book->total_text);
  write_sum_row (&w, w.row, SP_ACCOUNT_KIND_REVENUE, sp_follow_up_get_total (source->follow_up)->result,
                 result_formula, totals, TRUE);
  w.row += 2;

  {
    lxw_format *note = add_note_format (book, FALSE);

    put_note (&w, w.row++,
              _("A deviation is positive where it is to the association’s advantage: "
                "revenue above the budget, costs below it."), note);
    put_note (&w, w.row++,
              _("The budget of the period is the year’s, from the Budget sheet, times the share of the "
                "line’s months that lie in the period, rounded to öre. A forecast not typed is the "
                "year’s budget. Actuals are as the accounts gave them."), note);
  }

  sp_export_page_breaks_set_column (pages, book, sheet, COL_ACCOUNT, COL_ACCOUNT, 9);
  sp_export_page_breaks_set_column (pages, book, sheet, COL_TEXT, COL_TEXT, 44);
  /* Ranges that do not overlap: Excel takes a file whose columns overlap
   * for a damaged one. */
  sp_export_page_breaks_set_column (pages, book, sheet, COL_YEAR_BUDGET, COL_DEVIATION, 15);
  sp_export_page_breaks_set_column (pages, book, sheet, COL_PERCENT, COL_PERCENT, 10);
  sp_export_page_breaks_set_column (pages, book, sheet, COL_FORECAST, COL_FORECAST_DEVIATION, 15);
  /* The heads wrap on two lines: "Budget / jan–apr". */
  sp_export_page_breaks_set_lines (pages, book, sheet, HEAD_ROW, 2);
  sp_export_page_breaks_set_column (pages, book, sheet, COL_MONTHS, COL_MONTHS, 14);
  sp_export_setup_page (book, sheet, TRUE, HEAD_ROW, 2);
  /* A long follow-up goes over several pages: none ends on a heading. */
  sp_export_page_breaks_apply (pages, book, sheet, TRUE, HEAD_ROW);
}
