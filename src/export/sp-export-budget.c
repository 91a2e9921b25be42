/* sp-export-budget.c: the budget sheet: the lines by group and area, live subtotals and result
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-export-private.h"

/* The sheet columns of the budget amounts, left to right. */
static const SpBudgetColumn budget_columns[] = {
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
};
#define N_BUDGET_COLUMNS G_N_ELEMENTS (budget_columns)

/* ---- The budget sheet --------------------------------------------------- */

typedef struct {
  Book          *book;
  lxw_worksheet *sheet;
  lxw_row_t      row;
  /* The open area and group. */
  gint64         area_id;
  gint64         group_id;
  lxw_row_t      area_first;
  SpMoney        area_sum[N_BUDGET_COLUMNS];
  SpMoney        group_sum[N_BUDGET_COLUMNS];
  SpMoney        section_sum[N_BUDGET_COLUMNS];
  char          *area_name;
  gboolean       area_in_group;  /* the lines directly in the group, among its areas */
  char          *group_name;
  GArray        *area_totals;
  GArray        *group_totals;
  /* Whether some line of the open area, group and section has a figure in
   * a column. A sum over lines none of which has one (last year's actuals
   * before any are imported, the revenue of a last year without a plan)
   * stays empty rather than showing 0. */
  gboolean       area_set[N_BUDGET_COLUMNS];
  gboolean       group_set[N_BUDGET_COLUMNS];
  gboolean       section_set[N_BUDGET_COLUMNS];
  GArray        *line_rows;
  BudgetRows    *rows;
  /* The headings, kept on paper with the rows under them. */
  PageBreaks    *pages;
} BudgetWriter;

/* The width of the comment column, in characters. */
#define COMMENT_WIDTH 36

/* A heading at @w's row, kept on paper with what follows it. */
static void
put_heading (BudgetWriter *w,
             lxw_col_t     col,
             const char   *text,
             lxw_format   *format)
{
  sp_export_page_breaks_keep_with_next (w->pages, w->row);
  sp_export_put_text (w->book, w->sheet, w->row++, col, text, format);
}

/* A line's comment, its row as high as the comment's wrapped lines. */
static void
put_comment (BudgetWriter *w,
             const char   *comment)
{
  guint lines = sp_export_wrapped_lines (comment, COMMENT_WIDTH);

  sp_export_put_text (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS, comment, w->book->wrap);
  if (lines > 1)
    sp_export_page_breaks_set_lines (w->pages, w->book, w->sheet, w->row, lines);
}

/* A sum of column @c, or an empty cell where none of the lines it sums has
 * a figure there (@set is %FALSE). */
static void
put_sum (BudgetWriter *w,
         lxw_row_t     row,
         guint         c,
         const char   *formula,
         SpMoney       cached,
         gboolean      set,
         lxw_format   *format)
{
  if (!set)
    sp_export_check (w->book, worksheet_write_blank (w->sheet, row, BUDGET_FIRST_MONEY_COL + c, format));
  else
    sp_export_put_money_formula (w->book, w->sheet, row, BUDGET_FIRST_MONEY_COL + c, formula, cached, format);
}

static void
budget_close_area (BudgetWriter *w)
{
  g_autofree char *label = NULL;

  if (w->area_id == 0)
    return;
  if (w->area_in_group)
    /* Translators: the subtotal of the lines of an area group that are in none of its areas */
    label = g_strdup_printf (_("Total %s outside its areas"), w->area_name);
  else
    label = g_strdup_printf (_("Total %s"), w->area_name);
  sp_export_put_text (w->book, w->sheet, w->row, 1, label, w->book->subtotal_text);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      g_autofree char *formula = sp_export_sum_of_range (w->area_first, w->row - 1, BUDGET_FIRST_MONEY_COL + c);
      put_sum (w, w->row, c, formula, w->area_sum[c], w->area_set[c], w->book->money_subtotal);
      w->group_sum[c] += w->area_sum[c];
      w->area_sum[c] = 0;
      w->group_set[c] |= w->area_set[c];
      w->area_set[c] = FALSE;
    }
  g_array_append_val (w->area_totals, w->row);
  w->row++;
  w->area_id = 0;
  w->area_in_group = FALSE;
  g_clear_pointer (&w->area_name, g_free);
}

static void
budget_close_group (BudgetWriter *w)
{
  lxw_row_t total_row;

  budget_close_area (w);
  if (w->group_id == 0)
    return;
  if (w->area_totals->len == 1)
    {
      /* One area: its total is the group's; no second row with the same sum. */
      total_row = g_array_index (w->area_totals, lxw_row_t, 0);
    }
  else
    {
      g_autofree char *label = g_strdup_printf (_("Total %s"), w->group_name);

      sp_export_put_text (w->book, w->sheet, w->row, 1, label, w->book->total_text);
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        {
          g_autofree char *formula = sp_export_sum_of_rows (w->area_totals, BUDGET_FIRST_MONEY_COL + c);
          put_sum (w, w->row, c, formula, w->group_sum[c], w->group_set[c], w->book->money_subtotal);
        }
      total_row = w->row++;
    }
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      w->section_sum[c] += w->group_sum[c];
      w->group_sum[c] = 0;
      w->section_set[c] |= w->group_set[c];
      w->group_set[c] = FALSE;
    }
  g_array_append_val (w->group_totals, total_row);
  g_array_set_size (w->area_totals, 0);
  w->group_id = 0;
  g_clear_pointer (&w->group_name, g_free);
}

/* Whether the lines of @kind from @index on, of the same group as that
 * line, lie in more than one area. */
static gboolean
group_has_other_areas (const ExportData *data,
                       guint             index,
                       SpAccountKind     kind)
{
  SpBudgetLine *first = g_ptr_array_index (data->lines, index);

  for (guint i = index + 1; i < data->lines->len; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (data->lines, i);

      if (sp_budget_line_get_account_kind (line) != kind)
        continue;
      if (sp_budget_line_get_group_id (line) != sp_budget_line_get_group_id (first))
        break;
      if (sp_budget_line_get_area_id (line) != sp_budget_line_get_area_id (first))
        return TRUE;
    }
  return FALSE;
}

/* The revenue lines derived from the members' contributions, first among the
 * revenue, as a group of their own with its subtotal. They are not typed:
 * the comment says where they come from. */
static void
write_derived_revenue (BudgetWriter *w)
{
  const SpBudgetRevenue *revenue = w->book->data->revenue;
  SpMoney sum[N_BUDGET_COLUMNS] = { 0 };
  gboolean set[N_BUDGET_COLUMNS] = { FALSE };
  lxw_row_t first, total_row;

  if (revenue == NULL || revenue->lines->len == 0)
    return;
  /* Translators: the heading of the revenue lines derived from the members' contributions */
  put_heading (w, 1, _("Contributions by the budget frame"), w->book->group);
  first = w->row;
  w->rows->derived_first = first;
  for (guint i = 0; i < revenue->lines->len; i++)
    {
      const SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);

      if (line->account != 0)
        sp_export_put_number (w->book, w->sheet, w->row, 0, line->account, w->book->account);
      sp_export_put_text (w->book, w->sheet, w->row, 1, line->text, w->book->line_text);
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        {
          SpMoney amount = line->amounts[budget_columns[c]];

          sp_export_put_money (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + c, amount, w->book->money);
          sum[c] = sp_export_money_add (sum[c], amount);
          set[c] |= amount != SP_MONEY_NOT_SET;
        }
      /* Translators: the comment of a revenue line derived from the frame */
      put_comment (w, _("From the budget frame and the split among the members"));
      w->row++;
    }
  total_row = w->row++;
  sp_export_put_text (w->book, w->sheet, total_row, 1, _("Total contributions"), w->book->total_text);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      g_autofree char *formula = sp_export_sum_of_range (first, total_row - 1, BUDGET_FIRST_MONEY_COL + c);

      put_sum (w, total_row, c, formula, sum[c], set[c], w->book->money_subtotal);
      w->section_sum[c] += sum[c];
      w->section_set[c] |= set[c];
    }
  g_array_append_val (w->group_totals, total_row);
}

/* Writes the lines of one kind, grouped; returns the row of its total. A
 * group's own lines (a group without areas) come without an area heading,
 * and their subtotal is the group's when it has no areas besides. Sets
 * @set to whether some line of the section has a figure in each column. */
static lxw_row_t
write_budget_section (BudgetWriter  *w,
                      SpAccountKind  kind,
                      const char    *heading,
                      const char    *total_label,
                      gboolean      *set)
{
  const ExportData *data = w->book->data;
  lxw_row_t total_row;

  put_heading (w, 0, heading, w->book->bold);
  memset (w->section_sum, 0, sizeof w->section_sum);
  memset (w->section_set, 0, sizeof w->section_set);
  if (kind == SP_ACCOUNT_KIND_REVENUE)
    write_derived_revenue (w);

  for (guint i = 0; i < data->lines->len; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (data->lines, i);
      const char *text;

      if (sp_budget_line_get_account_kind (line) != kind)
        continue;
      if (sp_budget_line_get_group_id (line) != w->group_id)
        {
          budget_close_group (w);
          w->group_id = sp_budget_line_get_group_id (line);
          w->group_name = g_strdup (sp_budget_line_get_group_name (line));
          put_heading (w, 1, w->group_name, w->book->group);
        }
      if (sp_budget_line_get_area_id (line) != w->area_id)
        {
          budget_close_area (w);
          w->area_id = sp_budget_line_get_area_id (line);
          w->area_name = g_strdup (sp_budget_line_get_area_name (line));
          if (sp_budget_line_is_in_group (line))
            w->area_in_group = group_has_other_areas (data, i, kind);
          else
            put_heading (w, 1, w->area_name, w->book->area);
          w->area_first = w->row;
        }

      text = sp_budget_line_get_text (line);
      if (text == NULL || text[0] == '\0')
        text = sp_budget_line_get_account_name (line);
      if (w->line_rows != NULL && i < w->line_rows->len)
        g_array_index (w->line_rows, lxw_row_t, i) = w->row;
      sp_export_put_number (w->book, w->sheet, w->row, 0, sp_budget_line_get_account (line), w->book->account);
      sp_export_put_text (w->book, w->sheet, w->row, 1, text, w->book->line_text);
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        {
          SpMoney amount = sp_budget_line_get_amount (line, budget_columns[c]);

          sp_export_put_money (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + c, amount, w->book->money);
          w->area_sum[c] = sp_export_money_add (w->area_sum[c], amount);
          w->area_set[c] |= amount != SP_MONEY_NOT_SET;
        }
      put_comment (w, sp_budget_line_get_comment (line));
      w->row++;
    }
  budget_close_group (w);

  total_row = w->row++;
  sp_export_put_text (w->book, w->sheet, total_row, 0, total_label, w->book->total_text);
  sp_export_check (w->book, worksheet_write_blank (w->sheet, total_row, 1, w->book->total_text));
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      lxw_col_t col = BUDGET_FIRST_MONEY_COL + c;

      set[c] = w->section_set[c];
      if (w->group_totals->len == 0)
        put_sum (w, total_row, c, "=0", 0, set[c], w->book->money_total);
      else
        {
          g_autofree char *formula = sp_export_sum_of_rows (w->group_totals, col);
          put_sum (w, total_row, c, formula, w->section_sum[c], set[c], w->book->money_total);
        }
    }
  g_array_set_size (w->group_totals, 0);
  w->row++;
  return total_row;
}

void
sp_export_write_budget_sheet (Book       *book,
                              BudgetRows *rows)
{
  const ExportData *data = book->data;
  const SpBudgetTotals *totals = data->totals;
  lxw_worksheet *sheet = sp_export_add_sheet (book, sp_export_budget_sheet_name ());
  g_autofree char *subtitle = NULL;
  BudgetWriter w = { 0 };
  g_autoptr(PageBreaks) pages = sp_export_page_breaks_new ();
  const lxw_row_t head = 3;
  gboolean revenue_set[N_BUDGET_COLUMNS], costs_set[N_BUDGET_COLUMNS];

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf ("%s %d · %s", _("Budget"), data->year, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);

  sp_export_put_head (book, sheet, head, 0, _("Account"), FALSE);
  sp_export_put_head (book, sheet, head, 1, _("Budget line"), FALSE);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      g_autofree char *title = sp_budget_column_get_title (budget_columns[c], data->year);
      sp_export_put_head (book, sheet, head, BUDGET_FIRST_MONEY_COL + c, title, TRUE);
    }
  sp_export_put_head (book, sheet, head, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS, _("Comment"), FALSE);

  w.book = book;
  w.sheet = sheet;
  w.row = head + 1;
  w.line_rows = rows->line_rows;
  w.rows = rows;
  w.pages = pages;
  w.area_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  w.group_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  rows->revenue_total = write_budget_section (&w, SP_ACCOUNT_KIND_REVENUE, _("Revenue"), _("Total revenue"),
                                              revenue_set);
  rows->cost_total = write_budget_section (&w, SP_ACCOUNT_KIND_COST, _("Costs"), _("Total costs"), costs_set);
  g_array_unref (w.area_totals);
  g_array_unref (w.group_totals);

  /* revenue − costs = result, live; empty where there is no revenue (a last
   * year without a plan), not −costs, as on the Budget page and in the plan
   * document (sp_budget_sum_is_set()). */
  rows->result = w.row++;
  sp_export_put_text (book, sheet, rows->result, 0, _("Result (revenue − costs)"), book->total_text);
  sp_export_check (book, worksheet_write_blank (sheet, rows->result, 1, book->total_text));
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      lxw_col_t col = BUDGET_FIRST_MONEY_COL + c;
      char a[32], b[32];
      g_autofree char *formula = NULL;

      sp_export_cell_name (a, sizeof a, rows->revenue_total, col, FALSE);
      sp_export_cell_name (b, sizeof b, rows->cost_total, col, FALSE);
      formula = g_strdup_printf ("=%s-%s", a, b);
      put_sum (&w, rows->result, c, formula, totals->total.result[budget_columns[c]], revenue_set[c],
               book->money_total);
    }
  w.row++;

  rows->equity = w.row++;
  sp_export_put_text (book, sheet, rows->equity, 0, _("Equity used"), book->text);
  sp_export_put_money (book, sheet, rows->equity, BUDGET_YEAR_COL,
                       totals->equity_used[SP_BUDGET_COLUMN_BUDGET], book->money);
  rows->frame = w.row++;
  sp_export_put_text (book, sheet, rows->frame, 0, _("Budget frame from the members"), book->text);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    if (budget_columns[c] < SP_PLAN_YEARS)
      sp_export_put_money (book, sheet, rows->frame, BUDGET_FIRST_MONEY_COL + c,
                           totals->frame[budget_columns[c]], book->money);

  sp_export_page_breaks_set_column (pages, book, sheet, 0, 0, 9);
  sp_export_page_breaks_set_column (pages, book, sheet, 1, 1, 44);
  sp_export_page_breaks_set_column (pages, book, sheet, BUDGET_FIRST_MONEY_COL,
                                    BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS - 1, 14);
  sp_export_page_breaks_set_column (pages, book, sheet, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS,
                                    BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS, COMMENT_WIDTH);
  sp_export_setup_page (book, sheet, TRUE, head, 2);
  /* A long budget goes over several pages: none ends on a heading. */
  sp_export_page_breaks_apply (pages, book, sheet, TRUE, head);
}
