/* sp-export.c: Excel workbooks for the treasurer and for every member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbooks go to the members' finance departments, who check the sums:
 * amounts are numbers in kronor (öre as decimals) under locale-independent
 * formats, every subtotal, total and the result are live formulas (with the
 * core's exact figure as the cached value), and every text is written as a
 * string so that a name starting with "=" never becomes a formula. Each file
 * is written to a temporary name in the target folder and renamed into place
 * only when it is complete.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-contribution.h"
#include "sp-error.h"
#include "sp-export.h"
#include "sp-member.h"
#include "sp-plan-year.h"
#include "sp-plan.h"
#include "sp-project.h"
#include "sp-text.h"

/* The paper size code of A4 in Excel's page setup. */
#define PAPER_A4 9

/* Excel's limit on the arguments of one function. */
#define MAX_SUM_ARGS 200

/* ---- Data -------------------------------------------------------------- */

/* One project of the portfolio as the sheet shows it. */
typedef struct {
  SpProject *project;
  char      *target_groups;
  SpMoney    granted[SP_PLAN_YEARS];
  gboolean   has_grant[SP_PLAN_YEARS];
  SpMoney    cofunding;
  gboolean   has_cofunding;
  GArray    *cofunders;
  gboolean   has_participants;
  int        women;
  int        men;
  char      *decision_date;
  char      *decision_paragraph;
} ProjectRow;

/* Everything the workbooks show, loaded once per export. */
typedef struct {
  int              year;
  SpAssociation   *association;
  SpPlanYear      *plan;
  GPtrArray       *contributions;
  SpBudgetTotals  *totals;
  GPtrArray       *lines;
  GPtrArray       *projects;
  GPtrArray       *goals;
  GHashTable      *area_names;
  GHashTable      *project_names;
  gboolean         has_ore;
} ExportData;

/* One file to write: the treasurer's (contribution NULL) or a member's. */
typedef struct {
  char                 *path;
  const SpContribution *contribution;
} Target;

/* A workbook being written, with its formats and its first error. */
typedef struct {
  lxw_workbook    *workbook;
  lxw_error        error;
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
  lxw_format      *integer;
  lxw_format      *account;
  lxw_format      *year_number;
  lxw_format      *date;
  lxw_format      *percent;
  lxw_format      *percent_fine;
} Book;

typedef struct {
  lxw_row_t revenue_total;
  lxw_row_t cost_total;
  lxw_row_t result;
  lxw_row_t equity;
  lxw_row_t frame;
} BudgetRows;

typedef struct {
  lxw_row_t first;
  lxw_row_t sum;
  lxw_row_t frame;
} FeeRows;

/* The sheet columns of the budget amounts, left to right. */
static const SpBudgetColumn budget_columns[] = {
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
};
#define N_BUDGET_COLUMNS G_N_ELEMENTS (budget_columns)
#define BUDGET_FIRST_MONEY_COL 2
#define BUDGET_YEAR_COL (BUDGET_FIRST_MONEY_COL + 2)

G_DEFINE_QUARK (sp-export-error-quark, sp_export_error)

/* ---- Helpers ----------------------------------------------------------- */

static void
project_row_free (ProjectRow *row)
{
  g_clear_object (&row->project);
  g_free (row->target_groups);
  g_clear_pointer (&row->cofunders, g_array_unref);
  g_free (row->decision_date);
  g_free (row->decision_paragraph);
  g_free (row);
}

static void
export_data_free (ExportData *data)
{
  g_clear_pointer (&data->association, sp_association_free);
  g_clear_object (&data->plan);
  g_clear_pointer (&data->contributions, g_ptr_array_unref);
  g_clear_pointer (&data->totals, sp_budget_totals_free);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_clear_pointer (&data->projects, g_ptr_array_unref);
  g_clear_pointer (&data->goals, g_ptr_array_unref);
  g_clear_pointer (&data->area_names, g_hash_table_unref);
  g_clear_pointer (&data->project_names, g_hash_table_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
target_free (Target *target)
{
  g_free (target->path);
  g_free (target);
}

/* All the items of a list model, as a GPtrArray that owns them. */
static GPtrArray *
list_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
money_has_ore (SpMoney amount)
{
  return amount != SP_MONEY_NOT_SET && amount % SP_MONEY_ORE_PER_KR != 0;
}

static double
money_value (SpMoney amount)
{
  /* Whole kronor are exact; öre become the nearest double, which Excel
   * shows exactly with two decimals. */
  return (double) (amount / SP_MONEY_ORE_PER_KR) +
         (double) (amount % SP_MONEY_ORE_PER_KR) / (double) SP_MONEY_ORE_PER_KR;
}

static SpMoney
money_add (SpMoney sum,
           SpMoney amount)
{
  return amount == SP_MONEY_NOT_SET ? sum : sum + amount;
}

static gboolean
parse_date (const char   *text,
            lxw_datetime *datetime)
{
  int y, m, d;
  char rest;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 ||
      !g_date_valid_dmy (d, m, y) || y < 1900)
    return FALSE;
  *datetime = (lxw_datetime) { y, m, d, 0, 0, 0 };
  return TRUE;
}

/* "B12", "$E$5": a cell's A1 name. */
static void
cell_name (char     *buffer,
           gsize     size,
           lxw_row_t row,
           lxw_col_t col,
           gboolean  absolute)
{
  char letters[8];
  int n = 0;
  char reversed[8];
  unsigned int c = (unsigned int) col + 1;

  while (c > 0 && n < 7)
    {
      unsigned int rem = (c - 1) % 26;
      reversed[n++] = (char) ('A' + rem);
      c = (c - 1) / 26;
    }
  for (int i = 0; i < n; i++)
    letters[i] = reversed[n - 1 - i];
  letters[n] = '\0';
  g_snprintf (buffer, size, "%s%s%s%u", absolute ? "$" : "", letters, absolute ? "$" : "",
              (unsigned int) row + 1);
}

/* 'Sheet name'!E5 */
static char *
sheet_cell (const char *sheet,
            lxw_row_t   row,
            lxw_col_t   col)
{
  g_autoptr(GString) quoted = g_string_new ("'");
  char cell[32];

  for (const char *p = sheet; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (quoted, '\'');
      g_string_append_c (quoted, *p);
    }
  g_string_append (quoted, "'!");
  cell_name (cell, sizeof cell, row, col, TRUE);
  g_string_append (quoted, cell);
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* "=SUM(C10,C15,…)" of the cells in @rows of @col, nested when long. */
static char *
sum_of_rows (GArray    *rows,
             lxw_col_t  col)
{
  GString *formula = g_string_new ("=SUM(");

  for (guint i = 0; i < rows->len; i++)
    {
      char cell[32];

      if (rows->len > MAX_SUM_ARGS && i % MAX_SUM_ARGS == 0)
        g_string_append (formula, i == 0 ? "SUM(" : "),SUM(");
      else if (i > 0)
        g_string_append_c (formula, ',');
      cell_name (cell, sizeof cell, g_array_index (rows, lxw_row_t, i), col, FALSE);
      g_string_append (formula, cell);
    }
  if (rows->len > MAX_SUM_ARGS)
    g_string_append_c (formula, ')');
  g_string_append_c (formula, ')');
  return g_string_free (formula, FALSE);
}

static char *
sum_of_range (lxw_row_t first,
              lxw_row_t last,
              lxw_col_t col)
{
  char a[32], b[32];

  cell_name (a, sizeof a, first, col, FALSE);
  cell_name (b, sizeof b, last, col, FALSE);
  return g_strdup_printf ("=SUM(%s:%s)", a, b);
}

/* Doubles "&" for a page header or footer, and keeps it short. */
static void
append_header_text (GString    *header,
                    const char *text,
                    gsize       max_chars)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (header, "&&");
      else if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (header, ' ');
      else
        g_string_append_unichar (header, c);
    }
}

/* ---- Writing cells ------------------------------------------------------ */

static void
check (Book      *book,
       lxw_error  error)
{
  if (error != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    book->error = error;
}

/* Text is always a string cell, never a formula, whatever it starts with. */
static void
put_text (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          lxw_format    *format)
{
  if (text == NULL || text[0] == '\0')
    {
      if (format != NULL)
        check (book, worksheet_write_blank (sheet, row, col, format));
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      check (book, worksheet_write_string (sheet, row, col, valid, format));
      return;
    }
  check (book, worksheet_write_string (sheet, row, col, text, format));
}

static void
put_money (Book          *book,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           SpMoney        amount,
           lxw_format    *format)
{
  if (amount == SP_MONEY_NOT_SET)
    check (book, worksheet_write_blank (sheet, row, col, format));
  else
    check (book, worksheet_write_number (sheet, row, col, money_value (amount), format));
}

static void
put_number (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            double         value,
            lxw_format    *format)
{
  check (book, worksheet_write_number (sheet, row, col, value, format));
}

static void
put_formula (Book          *book,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             const char    *formula,
             double         cached,
             lxw_format    *format)
{
  check (book, worksheet_write_formula_num (sheet, row, col, formula, format, cached));
}

static void
put_money_formula (Book          *book,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      col,
                   const char    *formula,
                   SpMoney        cached,
                   lxw_format    *format)
{
  put_formula (book, sheet, row, col, formula, money_value (cached), format);
}

static void
put_date (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text)
{
  lxw_datetime datetime;

  if (parse_date (text, &datetime))
    check (book, worksheet_write_datetime (sheet, row, col, &datetime, book->date));
  else
    put_text (book, sheet, row, col, text, book->text);
}

static void
put_percent (Book          *book,
             lxw_worksheet *sheet,
             lxw_row_t      row,
             lxw_col_t      col,
             int            hundredths)
{
  put_number (book, sheet, row, col, hundredths / (double) SP_SHARE_WHOLE,
              hundredths % 100 == 0 ? book->percent : book->percent_fine);
}

static void
put_head (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text,
          gboolean       right)
{
  put_text (book, sheet, row, col, text, right ? book->head_right : book->head);
}

/* ---- The workbook ------------------------------------------------------- */

static const char *
money_format_code (SpMoneyUnit unit,
                   gboolean    has_ore)
{
  /* Locale-independent codes: Excel shows its user's separators. tkr scales
   * by a thousand with the trailing comma; the values stay in kronor. */
  if (unit == SP_MONEY_UNIT_TKR)
    return "#,##0,";
  return has_ore ? "#,##0.00" : "#,##0";
}

static lxw_format *
add_format (Book *book)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static lxw_format *
add_money_format (Book *book)
{
  lxw_format *format = add_format (book);

  format_set_num_format (format, money_format_code (book->unit, book->data->has_ore));
  return format;
}

static void
book_add_formats (Book *book)
{
  book->title = add_format (book);
  format_set_bold (book->title);
  format_set_font_size (book->title, 14);
  book->subtitle = add_format (book);
  format_set_italic (book->subtitle);
  format_set_font_color (book->subtitle, 0x595959);
  book->head = add_format (book);
  format_set_bold (book->head);
  format_set_text_wrap (book->head);
  format_set_bottom (book->head, LXW_BORDER_THIN);
  format_set_bg_color (book->head, 0xDDEBF7);
  book->head_right = add_format (book);
  format_set_bold (book->head_right);
  format_set_text_wrap (book->head_right);
  format_set_bottom (book->head_right, LXW_BORDER_THIN);
  format_set_bg_color (book->head_right, 0xDDEBF7);
  format_set_align (book->head_right, LXW_ALIGN_RIGHT);
  book->text = add_format (book);
  book->wrap = add_format (book);
  format_set_text_wrap (book->wrap);
  book->bold = add_format (book);
  format_set_bold (book->bold);
  book->group = add_format (book);
  format_set_bold (book->group);
  book->area = add_format (book);
  format_set_italic (book->area);
  format_set_indent (book->area, 1);
  book->line_text = add_format (book);
  format_set_indent (book->line_text, 2);
  book->subtotal_text = add_format (book);
  format_set_bold (book->subtotal_text);
  format_set_indent (book->subtotal_text, 1);
  book->total_text = add_format (book);
  format_set_bold (book->total_text);
  format_set_top (book->total_text, LXW_BORDER_THIN);
  book->money = add_money_format (book);
  book->money_subtotal = add_money_format (book);
  format_set_bold (book->money_subtotal);
  format_set_top (book->money_subtotal, LXW_BORDER_HAIR);
  book->money_total = add_money_format (book);
  format_set_bold (book->money_total);
  format_set_top (book->money_total, LXW_BORDER_THIN);
  format_set_bottom (book->money_total, LXW_BORDER_DOUBLE);
  book->money_bold = add_money_format (book);
  format_set_bold (book->money_bold);
  book->integer = add_format (book);
  format_set_num_format (book->integer, "#,##0");
  book->account = add_format (book);
  format_set_num_format (book->account, "0");
  format_set_align (book->account, LXW_ALIGN_LEFT);
  book->year_number = add_format (book);
  format_set_num_format (book->year_number, "0");
  format_set_align (book->year_number, LXW_ALIGN_LEFT);
  book->date = add_format (book);
  format_set_num_format (book->date, "yyyy-mm-dd");
  format_set_align (book->date, LXW_ALIGN_LEFT);
  book->percent = add_format (book);
  format_set_num_format (book->percent, "0%");
  book->percent_fine = add_format (book);
  format_set_num_format (book->percent_fine, "0.00%");
}

static const char *
unit_word (SpMoneyUnit unit)
{
  return unit == SP_MONEY_UNIT_TKR ? _("amounts in tkr") : _("amounts in kr");
}

/* A4, one page wide, repeated head row, header and footer on every page. */
static void
setup_page (Book          *book,
            lxw_worksheet *sheet,
            gboolean       landscape,
            int            head_row,
            lxw_col_t      frozen_cols)
{
  worksheet_set_paper (sheet, PAPER_A4);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.75);
  if (head_row >= 0)
    {
      check (book, worksheet_repeat_rows (sheet, (lxw_row_t) head_row, (lxw_row_t) head_row));
      worksheet_freeze_panes (sheet, (lxw_row_t) head_row + 1, frozen_cols);
    }
  check (book, worksheet_set_header (sheet, book->page_header));
  check (book, worksheet_set_footer (sheet, book->page_footer));
}

static lxw_worksheet *
add_sheet (Book       *book,
           const char *name)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);

  if (sheet == NULL)
    check (book, LXW_ERROR_SHEETNAME_ALREADY_USED);
  return sheet;
}

static void
put_sheet_title (Book          *book,
                 lxw_worksheet *sheet,
                 const char    *subtitle)
{
  put_text (book, sheet, 0, 0, book->data->association->name, book->title);
  put_text (book, sheet, 1, 0, subtitle, book->subtitle);
}

static const char *
budget_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Budget");
}

static const char *
fees_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Member contributions");
}

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
  char          *group_name;
  GArray        *area_totals;
  GArray        *group_totals;
} BudgetWriter;

static void
budget_close_area (BudgetWriter *w)
{
  g_autofree char *label = NULL;

  if (w->area_id == 0)
    return;
  label = g_strdup_printf (_("Total %s"), w->area_name);
  put_text (w->book, w->sheet, w->row, 1, label, w->book->subtotal_text);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      g_autofree char *formula = sum_of_range (w->area_first, w->row - 1, BUDGET_FIRST_MONEY_COL + c);
      put_money_formula (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + c, formula,
                         w->area_sum[c], w->book->money_subtotal);
      w->group_sum[c] += w->area_sum[c];
      w->area_sum[c] = 0;
    }
  g_array_append_val (w->area_totals, w->row);
  w->row++;
  w->area_id = 0;
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

      put_text (w->book, w->sheet, w->row, 1, label, w->book->total_text);
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        {
          g_autofree char *formula = sum_of_rows (w->area_totals, BUDGET_FIRST_MONEY_COL + c);
          put_money_formula (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + c, formula,
                             w->group_sum[c], w->book->money_subtotal);
        }
      total_row = w->row++;
    }
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      w->section_sum[c] += w->group_sum[c];
      w->group_sum[c] = 0;
    }
  g_array_append_val (w->group_totals, total_row);
  g_array_set_size (w->area_totals, 0);
  w->group_id = 0;
  g_clear_pointer (&w->group_name, g_free);
}

/* Writes the lines of one kind, grouped; returns the row of its total. */
static lxw_row_t
write_budget_section (BudgetWriter  *w,
                      SpAccountKind  kind,
                      const char    *heading,
                      const char    *total_label)
{
  const ExportData *data = w->book->data;
  lxw_row_t total_row;

  put_text (w->book, w->sheet, w->row++, 0, heading, w->book->bold);
  memset (w->section_sum, 0, sizeof w->section_sum);

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
          put_text (w->book, w->sheet, w->row++, 1, w->group_name, w->book->group);
        }
      if (sp_budget_line_get_area_id (line) != w->area_id)
        {
          budget_close_area (w);
          w->area_id = sp_budget_line_get_area_id (line);
          w->area_name = g_strdup (sp_budget_line_get_area_name (line));
          put_text (w->book, w->sheet, w->row++, 1, w->area_name, w->book->area);
          w->area_first = w->row;
        }

      text = sp_budget_line_get_text (line);
      if (text == NULL || text[0] == '\0')
        text = sp_budget_line_get_account_name (line);
      put_number (w->book, w->sheet, w->row, 0, sp_budget_line_get_account (line), w->book->account);
      put_text (w->book, w->sheet, w->row, 1, text, w->book->line_text);
      for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
        {
          SpMoney amount = sp_budget_line_get_amount (line, budget_columns[c]);

          put_money (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + c, amount, w->book->money);
          w->area_sum[c] = money_add (w->area_sum[c], amount);
        }
      put_text (w->book, w->sheet, w->row, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS,
                sp_budget_line_get_comment (line), w->book->wrap);
      w->row++;
    }
  budget_close_group (w);

  total_row = w->row++;
  put_text (w->book, w->sheet, total_row, 0, total_label, w->book->total_text);
  check (w->book, worksheet_write_blank (w->sheet, total_row, 1, w->book->total_text));
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      lxw_col_t col = BUDGET_FIRST_MONEY_COL + c;

      if (w->group_totals->len == 0)
        put_money_formula (w->book, w->sheet, total_row, col, "=0", 0, w->book->money_total);
      else
        {
          g_autofree char *formula = sum_of_rows (w->group_totals, col);
          put_money_formula (w->book, w->sheet, total_row, col, formula, w->section_sum[c],
                             w->book->money_total);
        }
    }
  g_array_set_size (w->group_totals, 0);
  w->row++;
  return total_row;
}

static void
write_budget_sheet (Book       *book,
                    BudgetRows *rows)
{
  const ExportData *data = book->data;
  const SpBudgetTotals *totals = data->totals;
  lxw_worksheet *sheet = add_sheet (book, budget_sheet_name ());
  g_autofree char *subtitle = NULL;
  BudgetWriter w = { 0 };
  const lxw_row_t head = 3;

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf ("%s %d · %s", _("Budget"), data->year, unit_word (book->unit));
  put_sheet_title (book, sheet, subtitle);

  put_head (book, sheet, head, 0, _("Account"), FALSE);
  put_head (book, sheet, head, 1, _("Budget line"), FALSE);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      g_autofree char *title = sp_budget_column_get_title (budget_columns[c], data->year);
      put_head (book, sheet, head, BUDGET_FIRST_MONEY_COL + c, title, TRUE);
    }
  put_head (book, sheet, head, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS, _("Comment"), FALSE);

  w.book = book;
  w.sheet = sheet;
  w.row = head + 1;
  w.area_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  w.group_totals = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  rows->revenue_total = write_budget_section (&w, SP_ACCOUNT_KIND_REVENUE, _("Revenue"), _("Total revenue"));
  rows->cost_total = write_budget_section (&w, SP_ACCOUNT_KIND_COST, _("Costs"), _("Total costs"));
  g_array_unref (w.area_totals);
  g_array_unref (w.group_totals);

  /* revenue − costs = result, live. */
  rows->result = w.row++;
  put_text (book, sheet, rows->result, 0, _("Result (revenue − costs)"), book->total_text);
  check (book, worksheet_write_blank (sheet, rows->result, 1, book->total_text));
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    {
      lxw_col_t col = BUDGET_FIRST_MONEY_COL + c;
      char a[32], b[32];
      g_autofree char *formula = NULL;

      cell_name (a, sizeof a, rows->revenue_total, col, FALSE);
      cell_name (b, sizeof b, rows->cost_total, col, FALSE);
      formula = g_strdup_printf ("=%s-%s", a, b);
      put_money_formula (book, sheet, rows->result, col, formula,
                         totals->total.result[budget_columns[c]], book->money_total);
    }
  w.row++;

  rows->equity = w.row++;
  put_text (book, sheet, rows->equity, 0, _("Equity used"), book->text);
  put_money (book, sheet, rows->equity, BUDGET_YEAR_COL,
             totals->equity_used[SP_BUDGET_COLUMN_BUDGET], book->money);
  rows->frame = w.row++;
  put_text (book, sheet, rows->frame, 0, _("Budget frame from the members"), book->text);
  for (guint c = 0; c < N_BUDGET_COLUMNS; c++)
    if (budget_columns[c] < SP_PLAN_YEARS)
      put_money (book, sheet, rows->frame, BUDGET_FIRST_MONEY_COL + c,
                 totals->frame[budget_columns[c]], book->money);

  check (book, worksheet_set_column (sheet, 0, 0, 9, NULL));
  check (book, worksheet_set_column (sheet, 1, 1, 44, NULL));
  check (book, worksheet_set_column (sheet, BUDGET_FIRST_MONEY_COL,
                                     BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS - 1, 14, NULL));
  check (book, worksheet_set_column (sheet, BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS,
                                     BUDGET_FIRST_MONEY_COL + N_BUDGET_COLUMNS, 36, NULL));
  setup_page (book, sheet, TRUE, head, 2);
}

/* ---- The contributions sheet -------------------------------------------- */

static const char *
part_label (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return _("The state");
    case SP_MEMBER_KIND_REGION:
      return _("The region");
    default:
      return _("The municipalities");
    }
}

static int
part_share (SpPlanYear   *plan,
            SpMemberKind  kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return sp_plan_year_get_share_state (plan);
    case SP_MEMBER_KIND_REGION:
      return sp_plan_year_get_share_region (plan);
    default:
      return sp_plan_year_get_share_municipalities (plan);
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
    default:
      return _("Population");
    }
}

static const char *
contribution_note (const SpContribution *c)
{
  if (c->pays_own_share)
    return NULL;
  if (c->kind == SP_MEMBER_KIND_STATE)
    return _("Its part is paid with the state’s share through Försäkringskassan.");
  return _("Pays no contribution of its own.");
}

static void
write_fees_sheet (Book    *book,
                  FeeRows *rows)
{
  const ExportData *data = book->data;
  GPtrArray *contributions = data->contributions;
  SpAllocationKey key = sp_plan_year_get_allocation_key (data->plan);
  lxw_worksheet *sheet = add_sheet (book, fees_sheet_name ());
  g_autofree char *subtitle = NULL;
  const lxw_row_t head = 3;
  const lxw_col_t first_money = 4;
  lxw_row_t row;
  lxw_row_t last;
  SpMoney sums[SP_PLAN_YEARS] = { 0 };
  gboolean set[SP_PLAN_YEARS];

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf ("%s %d · %s", _("Member contributions"), data->year, unit_word (book->unit));
  put_sheet_title (book, sheet, subtitle);

  put_head (book, sheet, head, 0, _("Member"), FALSE);
  put_head (book, sheet, head, 1, _("Kind"), FALSE);
  put_head (book, sheet, head, 2, _("Share of the frame"), TRUE);
  put_head (book, sheet, head, 3, key_head (key), TRUE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *title = sp_budget_column_get_title ((SpBudgetColumn) y, data->year);
      put_head (book, sheet, head, first_money + y, title, TRUE);
      set[y] = sp_plan_year_get_frame (data->plan, y) != SP_MONEY_NOT_SET;
    }
  put_head (book, sheet, head, first_money + SP_PLAN_YEARS, _("Note"), FALSE);

  rows->first = head + 1;
  rows->sum = rows->first + contributions->len;
  rows->frame = rows->sum + 1;
  last = rows->sum - 1;

  for (guint i = 0; i < contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (contributions, i);
      SpMoney frame = sp_plan_year_get_frame (data->plan, 0);

      row = rows->first + i;
      put_text (book, sheet, row, 0, c->name, book->text);
      put_text (book, sheet, row, 1, sp_member_kind_get_label (c->kind), book->text);
      if (frame != SP_MONEY_NOT_SET && frame != 0 && c->amount[0] != SP_MONEY_NOT_SET)
        {
          char a[32], f[32];
          g_autofree char *formula = NULL;

          cell_name (a, sizeof a, row, first_money, FALSE);
          cell_name (f, sizeof f, rows->frame, first_money, TRUE);
          formula = g_strdup_printf ("=%s/%s", a, f);
          put_formula (book, sheet, row, 2, formula, (double) c->amount[0] / (double) frame,
                       book->percent_fine);
        }
      if (c->key_value >= 0)
        {
          if (key == SP_ALLOCATION_KEY_POPULATION)
            put_number (book, sheet, row, 3, (double) c->key_value, book->integer);
          else if (key == SP_ALLOCATION_KEY_PERCENTAGE)
            put_number (book, sheet, row, 3, c->key_value / (double) SP_SHARE_WHOLE, book->percent_fine);
          else
            put_money (book, sheet, row, 3, c->key_value, book->money);
        }
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          put_money (book, sheet, row, first_money + y, c->amount[y], book->money);
          sums[y] = money_add (sums[y], c->amount[y]);
        }
      put_text (book, sheet, row, first_money + SP_PLAN_YEARS, contribution_note (c), book->wrap);
    }

  /* The parts' total, live, beside the frame it must equal. */
  put_text (book, sheet, rows->sum, 0, _("Total"), book->total_text);
  put_text (book, sheet, rows->frame, 0, _("Budget frame"), book->text);
  put_text (book, sheet, rows->frame + 1, 0, _("Difference from the frame"), book->text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      lxw_col_t col = first_money + y;
      SpMoney frame = sp_plan_year_get_frame (data->plan, y);
      char s[32], f[32];
      g_autofree char *difference = NULL;

      if (!set[y])
        continue;
      if (contributions->len > 0)
        {
          g_autofree char *formula = sum_of_range (rows->first, last, col);
          put_money_formula (book, sheet, rows->sum, col, formula, sums[y], book->money_total);
        }
      else
        put_money_formula (book, sheet, rows->sum, col, "=0", 0, book->money_total);
      put_money (book, sheet, rows->frame, col, frame, book->money);
      cell_name (s, sizeof s, rows->sum, col, FALSE);
      cell_name (f, sizeof f, rows->frame, col, FALSE);
      difference = g_strdup_printf ("=%s-%s", s, f);
      put_money_formula (book, sheet, rows->frame + 1, col, difference, sums[y] - frame, book->money);
    }

  /* The law's parts: the state half, the region and the municipalities a quarter. */
  row = rows->frame + 3;
  put_head (book, sheet, row, 0, _("Part"), FALSE);
  put_head (book, sheet, row, 1, "", FALSE);
  put_head (book, sheet, row, 2, _("Share"), TRUE);
  put_head (book, sheet, row, 3, "", FALSE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    put_head (book, sheet, row, first_money + y, "", FALSE);
  row++;
  for (SpMemberKind kind = SP_MEMBER_KIND_STATE; kind <= SP_MEMBER_KIND_MUNICIPALITY; kind++)
    {
      put_text (book, sheet, row, 0, part_label (kind), book->text);
      put_text (book, sheet, row, 1, sp_member_kind_get_label (kind), book->text);
      put_percent (book, sheet, row, 2, part_share (data->plan, kind));
      for (guint y = 0; y < SP_PLAN_YEARS && contributions->len > 0; y++)
        {
          lxw_col_t col = first_money + y;
          char k1[32], k2[32], a1[32], a2[32], crit[32];
          g_autofree char *formula = NULL;
          g_autofree char *criterion = NULL;
          SpMoney part = 0;

          if (!set[y])
            continue;
          for (guint i = 0; i < contributions->len; i++)
            {
              const SpContribution *c = g_ptr_array_index (contributions, i);
              if (c->kind == kind)
                part = money_add (part, c->amount[y]);
            }
          cell_name (k1, sizeof k1, rows->first, 1, TRUE);
          cell_name (k2, sizeof k2, last, 1, TRUE);
          cell_name (a1, sizeof a1, rows->first, col, FALSE);
          cell_name (a2, sizeof a2, last, col, FALSE);
          cell_name (crit, sizeof crit, row, 1, FALSE);
          formula = g_strdup_printf ("=SUMIF(%s:%s,%s,%s:%s)", k1, k2, crit, a1, a2);
          put_money_formula (book, sheet, row, col, formula, part, book->money);
        }
      row++;
    }
  row++;
  {
    g_autofree char *key_text = g_strdup_printf (_("The municipalities’ share is divided: %s."),
                                                 sp_allocation_key_get_label (key));
    put_text (book, sheet, row, 0, key_text, book->text);
  }

  check (book, worksheet_set_column (sheet, 0, 0, 30, NULL));
  check (book, worksheet_set_column (sheet, 1, 1, 14, NULL));
  check (book, worksheet_set_column (sheet, 2, 3, 14, NULL));
  check (book, worksheet_set_column (sheet, first_money, first_money + SP_PLAN_YEARS - 1, 14, NULL));
  check (book, worksheet_set_column (sheet, first_money + SP_PLAN_YEARS, first_money + SP_PLAN_YEARS, 40, NULL));
  setup_page (book, sheet, TRUE, head, 1);
}

/* ---- The portfolio -------------------------------------------------------- */

enum {
  PCOL_NAME,
  PCOL_KIND,
  PCOL_OWNER,
  PCOL_STATUS,
  PCOL_AREA,
  PCOL_START,
  PCOL_END,
  PCOL_TARGET_GROUPS,
  PCOL_GRANTED,
  PCOL_COFUNDING = PCOL_GRANTED + SP_PLAN_YEARS,
  PCOL_WOMEN,
  PCOL_MEN,
  PCOL_DECISION,
  PCOL_PARAGRAPH,
  N_PCOLS
};

static gboolean
project_concerns (const ProjectRow *p,
                  gint64            member_id)
{
  if (member_id == 0 || sp_project_get_owner_id (p->project) == member_id)
    return TRUE;
  for (guint i = 0; i < p->cofunders->len; i++)
    if (g_array_index (p->cofunders, gint64, i) == member_id)
      return TRUE;
  return FALSE;
}

static void
write_projects_sheet (Book       *book,
                      const char *name,
                      gint64      member_id)
{
  const ExportData *data = book->data;
  lxw_worksheet *sheet = add_sheet (book, name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  lxw_table_column columns[N_PCOLS];
  lxw_table_column *column_pointers[N_PCOLS + 1];
  const lxw_row_t head = 3;
  SpMoney granted[SP_PLAN_YEARS] = { 0 };
  SpMoney cofunding = 0;
  gint64 women = 0, men = 0;
  lxw_row_t total_row;

  if (sheet == NULL)
    return;
  for (guint i = 0; i < data->projects->len; i++)
    {
      ProjectRow *p = g_ptr_array_index (data->projects, i);
      if (project_concerns (p, member_id))
        g_ptr_array_add (rows, p);
    }

  subtitle = g_strdup_printf ("%s %d · %s", _("Project portfolio"), data->year, unit_word (book->unit));
  put_sheet_title (book, sheet, subtitle);

  g_ptr_array_add (heads, g_strdup (_("Project")));
  g_ptr_array_add (heads, g_strdup (_("Kind")));
  g_ptr_array_add (heads, g_strdup (_("Project owner")));
  g_ptr_array_add (heads, g_strdup (_("Status")));
  g_ptr_array_add (heads, g_strdup (_("Activity area")));
  g_ptr_array_add (heads, g_strdup (_("Start")));
  g_ptr_array_add (heads, g_strdup (_("End")));
  g_ptr_array_add (heads, g_strdup (_("Target groups")));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    g_ptr_array_add (heads, g_strdup_printf (_("Granted %d"), data->year + (int) y));
  g_ptr_array_add (heads, g_strdup_printf (_("Co-funding %d"), data->year));
  g_ptr_array_add (heads, g_strdup_printf (_("Participants, women %d"), data->year));
  g_ptr_array_add (heads, g_strdup_printf (_("Participants, men %d"), data->year));
  g_ptr_array_add (heads, g_strdup (_("Board decision")));
  /* Translators: the head of the column with a board decision's paragraph, "§ 12". */
  g_ptr_array_add (heads, g_strdup (_("§")));

  if (rows->len == 0)
    {
      for (guint c = 0; c < N_PCOLS; c++)
        put_head (book, sheet, head, c, g_ptr_array_index (heads, c), c >= PCOL_GRANTED && c < PCOL_DECISION);
      put_text (book, sheet, head + 1, 0, _("No projects"), book->subtitle);
      setup_page (book, sheet, TRUE, head, 1);
      return;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      ProjectRow *p = g_ptr_array_index (rows, r);
      lxw_row_t row = head + 1 + r;

      put_text (book, sheet, row, PCOL_NAME, sp_project_get_name (p->project), book->text);
      put_text (book, sheet, row, PCOL_KIND, sp_project_kind_get_label (sp_project_get_kind (p->project)), book->text);
      put_text (book, sheet, row, PCOL_OWNER, sp_project_get_owner_name (p->project), book->text);
      put_text (book, sheet, row, PCOL_STATUS, sp_project_status_get_label (sp_project_get_status (p->project)), book->text);
      put_text (book, sheet, row, PCOL_AREA, sp_project_get_area_name (p->project), book->text);
      put_date (book, sheet, row, PCOL_START, sp_project_get_start_date (p->project));
      put_date (book, sheet, row, PCOL_END, sp_project_get_end_date (p->project));
      put_text (book, sheet, row, PCOL_TARGET_GROUPS, p->target_groups, book->text);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          put_money (book, sheet, row, PCOL_GRANTED + y, p->has_grant[y] ? p->granted[y] : SP_MONEY_NOT_SET, book->money);
          if (p->has_grant[y])
            granted[y] += p->granted[y];
        }
      put_money (book, sheet, row, PCOL_COFUNDING, p->has_cofunding ? p->cofunding : SP_MONEY_NOT_SET, book->money);
      if (p->has_cofunding)
        cofunding += p->cofunding;
      if (p->has_participants)
        {
          put_number (book, sheet, row, PCOL_WOMEN, p->women, book->integer);
          put_number (book, sheet, row, PCOL_MEN, p->men, book->integer);
          women += p->women;
          men += p->men;
        }
      else
        {
          check (book, worksheet_write_blank (sheet, row, PCOL_WOMEN, book->integer));
          check (book, worksheet_write_blank (sheet, row, PCOL_MEN, book->integer));
        }
      put_date (book, sheet, row, PCOL_DECISION, p->decision_date);
      put_text (book, sheet, row, PCOL_PARAGRAPH, p->decision_paragraph, book->text);
    }

  /* An Excel table with its autofilter; the total row sums what is shown. */
  total_row = head + 1 + rows->len;
  memset (columns, 0, sizeof columns);
  for (guint c = 0; c < N_PCOLS; c++)
    {
      columns[c].header = g_ptr_array_index (heads, c);
      columns[c].header_format = c >= PCOL_GRANTED && c < PCOL_DECISION ? book->head_right : book->head;
      column_pointers[c] = &columns[c];
    }
  column_pointers[N_PCOLS] = NULL;
  columns[PCOL_NAME].total_string = (char *) _("Total");
  {
    lxw_table_options options = {
      .name = (char *) (member_id == 0 ? "Projektportfolj" : "Projekt"),
      .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
      .style_type_number = 9,
      .total_row = LXW_TRUE,
      .columns = column_pointers,
    };
    check (book, worksheet_add_table (sheet, head, 0, total_row, N_PCOLS - 1, &options));
  }

  /* Explicit ranges and function 9 (109 is unknown to gnumeric), so that
   * every spreadsheet program computes them; filtered rows are left out. */
  for (guint c = PCOL_GRANTED; c <= PCOL_MEN; c++)
    {
      char a[32], b[32];
      g_autofree char *formula = NULL;

      cell_name (a, sizeof a, head + 1, c, FALSE);
      cell_name (b, sizeof b, total_row - 1, c, FALSE);
      formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", a, b);
      if (c < PCOL_GRANTED + SP_PLAN_YEARS)
        put_money_formula (book, sheet, total_row, c, formula, granted[c - PCOL_GRANTED], book->money_total);
      else if (c == PCOL_COFUNDING)
        put_money_formula (book, sheet, total_row, c, formula, cofunding, book->money_total);
      else
        put_formula (book, sheet, total_row, c, formula, c == PCOL_WOMEN ? women : men, book->integer);
    }

  check (book, worksheet_set_column (sheet, PCOL_NAME, PCOL_NAME, 40, NULL));
  check (book, worksheet_set_column (sheet, PCOL_KIND, PCOL_KIND, 10, NULL));
  check (book, worksheet_set_column (sheet, PCOL_OWNER, PCOL_OWNER, 24, NULL));
  check (book, worksheet_set_column (sheet, PCOL_STATUS, PCOL_STATUS, 12, NULL));
  check (book, worksheet_set_column (sheet, PCOL_AREA, PCOL_AREA, 20, NULL));
  check (book, worksheet_set_column (sheet, PCOL_START, PCOL_END, 11, NULL));
  check (book, worksheet_set_column (sheet, PCOL_TARGET_GROUPS, PCOL_TARGET_GROUPS, 36, NULL));
  check (book, worksheet_set_column (sheet, PCOL_GRANTED, PCOL_COFUNDING, 13, NULL));
  check (book, worksheet_set_column (sheet, PCOL_WOMEN, PCOL_MEN, 11, NULL));
  check (book, worksheet_set_column (sheet, PCOL_DECISION, PCOL_DECISION, 11, NULL));
  check (book, worksheet_set_column (sheet, PCOL_PARAGRAPH, PCOL_PARAGRAPH, 7, NULL));
  setup_page (book, sheet, TRUE, head, 1);
}

/* ---- Goals ---------------------------------------------------------------- */

static void
write_goals_sheet (Book *book)
{
  const ExportData *data = book->data;
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  lxw_worksheet *sheet = add_sheet (book, _("Goals"));
  g_autofree char *subtitle = NULL;
  const lxw_row_t head = 3;
  lxw_row_t row = head + 1;

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf (_("Goals %d"), data->year);
  put_sheet_title (book, sheet, subtitle);
  put_head (book, sheet, head, 0, _("Kind"), FALSE);
  put_head (book, sheet, head, 1, _("Goal"), FALSE);
  put_head (book, sheet, head, 2, _("Activity area"), FALSE);
  put_head (book, sheet, head, 3, _("Project"), FALSE);
  put_head (book, sheet, head, 4, _("Indicator"), FALSE);
  put_head (book, sheet, head, 5, _("Target value"), FALSE);
  put_head (book, sheet, head, 6, _("Outcome"), FALSE);

  for (guint i = 0; i < data->goals->len; i++, row++)
    {
      SpGoal *goal = g_ptr_array_index (data->goals, i);
      gint64 area_id = sp_goal_get_area_id (goal);
      gint64 project_id = sp_goal_get_project_id (goal);

      put_text (book, sheet, row, 0, sp_goal_kind_get_label (sp_goal_get_kind (goal)), book->wrap);
      put_text (book, sheet, row, 1, sp_goal_get_text (goal), book->wrap);
      if (area_id != 0)
        put_text (book, sheet, row, 2, g_hash_table_lookup (data->area_names, &area_id), book->wrap);
      if (project_id != 0)
        put_text (book, sheet, row, 3, g_hash_table_lookup (data->project_names, &project_id), book->wrap);
      put_text (book, sheet, row, 4, sp_goal_get_indicator (goal), book->wrap);
      put_text (book, sheet, row, 5, sp_goal_get_target_value (goal), book->wrap);
      put_text (book, sheet, row, 6, sp_goal_get_outcome (goal), book->wrap);
    }
  if (data->goals->len == 0)
    put_text (book, sheet, row, 0, _("No goals"), book->subtitle);

  check (book, worksheet_set_column (sheet, 0, 0, 16, NULL));
  check (book, worksheet_set_column (sheet, 1, 1, 50, NULL));
  check (book, worksheet_set_column (sheet, 2, 3, 22, NULL));
  check (book, worksheet_set_column (sheet, 4, 6, 24, NULL));
  setup_page (book, sheet, TRUE, head, 0);
}

/* ---- Summary and cover ---------------------------------------------------- */

/* "Status: Adopted" and, when adopted, the board's decision as a real date. */
static void
put_status_rows (Book          *book,
                 lxw_worksheet *sheet,
                 lxw_row_t     *row,
                 lxw_format    *label_format)
{
  SpPlanYear *plan = book->data->plan;
  SpYearStatus status = sp_plan_year_is_adopted (plan) ? SP_YEAR_STATUS_ADOPTED : SP_YEAR_STATUS_DRAFT;

  put_text (book, sheet, *row, 0, _("Status"), label_format);
  put_text (book, sheet, (*row)++, 1, sp_year_status_get_label (status), book->text);
  if (status == SP_YEAR_STATUS_ADOPTED)
    {
      put_text (book, sheet, *row, 0, _("Adopted by the board"), label_format);
      put_date (book, sheet, *row, 1, sp_plan_year_get_decision_date (plan));
      put_text (book, sheet, (*row)++, 2, sp_plan_year_get_decision_paragraph (plan), book->text);
    }
}

/* Label, then the three plan years' values from the same row of @sheet. */
static void
put_year_heads (Book          *book,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                const char    *first)
{
  put_head (book, sheet, row, 0, first, FALSE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *title = sp_budget_column_get_title ((SpBudgetColumn) y, book->data->year);
      put_head (book, sheet, row, 1 + y, title, TRUE);
    }
}

static void
put_reference_row (Book          *book,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   const char    *label,
                   const char    *other_sheet,
                   lxw_row_t      other_row,
                   lxw_col_t      other_first_col,
                   const SpMoney *values,
                   lxw_format    *label_format,
                   lxw_format    *format)
{
  put_text (book, sheet, row, 0, label, label_format);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *ref = NULL;
      g_autofree char *formula = NULL;

      if (values[y] == SP_MONEY_NOT_SET)
        continue;
      ref = sheet_cell (other_sheet, other_row, other_first_col + y);
      formula = g_strconcat ("=", ref, NULL);
      put_money_formula (book, sheet, row, 1 + y, formula, values[y], format);
    }
}

static void
write_summary_sheet (Book             *book,
                     lxw_worksheet    *sheet,
                     const BudgetRows *budget,
                     const FeeRows    *fees)
{
  const ExportData *data = book->data;
  const SpBudgetTotals *totals = data->totals;
  g_autofree char *subtitle = g_strdup_printf (_("Operational plan and budget %d"), data->year);
  lxw_row_t row = 3;
  lxw_row_t first_fee;
  SpMoney values[SP_PLAN_YEARS];
  SpMoney sums[SP_PLAN_YEARS] = { 0 };

  if (sheet == NULL)
    return;
  put_sheet_title (book, sheet, subtitle);

  put_text (book, sheet, row, 0, _("Coordination association"), book->bold);
  put_text (book, sheet, row++, 1, data->association->name, book->text);
  put_text (book, sheet, row, 0, _("Organisation number"), book->bold);
  put_text (book, sheet, row++, 1, data->association->org_number, book->text);
  put_text (book, sheet, row, 0, _("Year"), book->bold);
  put_number (book, sheet, row++, 1, data->year, book->year_number);
  put_status_rows (book, sheet, &row, book->bold);
  put_text (book, sheet, row, 0, _("Amounts"), book->bold);
  put_text (book, sheet, row++, 1, unit_word (book->unit), book->text);
  row++;

  put_year_heads (book, sheet, row++, _("Budget frame and contributions"));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = sp_plan_year_get_frame (data->plan, y);
  put_reference_row (book, sheet, row++, _("Budget frame"), fees_sheet_name (), fees->frame, 4,
                     values, book->bold, book->money_bold);
  first_fee = row;
  for (guint i = 0; i < data->contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, i);

      put_reference_row (book, sheet, row++, c->name, fees_sheet_name (), fees->first + i, 4,
                         c->amount, book->line_text, book->money);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        sums[y] = money_add (sums[y], c->amount[y]);
    }
  put_text (book, sheet, row, 0, _("Total contributions"), book->total_text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      if (values[y] == SP_MONEY_NOT_SET)
        continue;
      if (data->contributions->len > 0)
        {
          g_autofree char *formula = sum_of_range (first_fee, row - 1, 1 + y);
          put_money_formula (book, sheet, row, 1 + y, formula, sums[y], book->money_total);
        }
    }
  row += 2;

  put_year_heads (book, sheet, row++, _("Budget"));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.revenue[y];
  put_reference_row (book, sheet, row++, _("Total revenue"), budget_sheet_name (), budget->revenue_total,
                     BUDGET_YEAR_COL, values, book->text, book->money);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.costs[y];
  put_reference_row (book, sheet, row++, _("Total costs"), budget_sheet_name (), budget->cost_total,
                     BUDGET_YEAR_COL, values, book->text, book->money);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.result[y];
  put_reference_row (book, sheet, row++, _("Result (revenue − costs)"), budget_sheet_name (), budget->result,
                     BUDGET_YEAR_COL, values, book->total_text, book->money_total);
  values[0] = totals->equity_used[SP_BUDGET_COLUMN_BUDGET];
  values[1] = values[2] = SP_MONEY_NOT_SET;
  put_reference_row (book, sheet, row++, _("Equity used"), budget_sheet_name (), budget->equity,
                     BUDGET_YEAR_COL, values, book->text, book->money);

  check (book, worksheet_set_column (sheet, 0, 0, 36, NULL));
  check (book, worksheet_set_column (sheet, 1, SP_PLAN_YEARS, 16, NULL));
  setup_page (book, sheet, FALSE, -1, 0);
}

static void
write_cover_sheet (Book                 *book,
                   lxw_worksheet        *sheet,
                   const SpContribution *member,
                   const FeeRows        *fees,
                   guint                 member_index)
{
  const ExportData *data = book->data;
  g_autofree char *to = g_strdup_printf (_("To %s"), member->name);
  g_autofree char *subtitle = g_strdup_printf (_("Member contribution to %s for %d"),
                                               data->association->name, data->year);
  g_auto(GStrv) address = NULL;
  SpMoney values[SP_PLAN_YEARS];
  lxw_row_t row = 3;
  lxw_row_t contribution_row, frame_row;
  const char *note = contribution_note (member);

  if (sheet == NULL)
    return;
  put_text (book, sheet, 0, 0, to, book->title);
  put_text (book, sheet, 1, 0, subtitle, book->subtitle);

  put_year_heads (book, sheet, row++, _("Your contribution"));
  contribution_row = row;
  put_reference_row (book, sheet, row++, member->name, fees_sheet_name (), fees->first + member_index, 4,
                     member->amount, book->bold, book->money_total);
  frame_row = row;
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = sp_plan_year_get_frame (data->plan, y);
  put_reference_row (book, sheet, row++, _("Budget frame"), fees_sheet_name (), fees->frame, 4,
                     values, book->text, book->money);
  put_text (book, sheet, row, 0, _("Your share of the frame"), book->text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      char a[32], f[32];
      g_autofree char *formula = NULL;

      if (values[y] == SP_MONEY_NOT_SET || values[y] == 0 || member->amount[y] == SP_MONEY_NOT_SET)
        continue;
      cell_name (a, sizeof a, contribution_row, 1 + y, FALSE);
      cell_name (f, sizeof f, frame_row, 1 + y, FALSE);
      formula = g_strdup_printf ("=%s/%s", a, f);
      put_formula (book, sheet, row, 1 + y, formula, (double) member->amount[y] / (double) values[y],
                   book->percent_fine);
    }
  row++;
  if (note != NULL)
    put_text (book, sheet, row++, 0, note, book->subtitle);
  row++;

  put_head (book, sheet, row, 0, _("Shares by law"), FALSE);
  put_head (book, sheet, row, 1, _("Share"), TRUE);
  row++;
  for (SpMemberKind kind = SP_MEMBER_KIND_STATE; kind <= SP_MEMBER_KIND_MUNICIPALITY; kind++)
    {
      put_text (book, sheet, row, 0, part_label (kind), book->text);
      put_percent (book, sheet, row++, 1, part_share (data->plan, kind));
    }
  put_text (book, sheet, row, 0, _("Allocation key of the municipalities"), book->text);
  put_text (book, sheet, row++, 1, sp_allocation_key_get_label (sp_plan_year_get_allocation_key (data->plan)),
            book->text);
  put_status_rows (book, sheet, &row, book->text);
  row++;

  put_head (book, sheet, row, 0, _("Contact"), FALSE);
  put_head (book, sheet, row++, 1, "", FALSE);
  put_text (book, sheet, row++, 0, data->association->name, book->bold);
  address = g_strsplit (data->association->address != NULL ? data->association->address : "", "\n", -1);
  for (guint i = 0; address[i] != NULL; i++)
    {
      g_strstrip (address[i]);
      if (address[i][0] != '\0')
        put_text (book, sheet, row++, 0, address[i], book->text);
    }
  if (data->association->org_number != NULL && data->association->org_number[0] != '\0')
    {
      put_text (book, sheet, row, 0, _("Organisation number"), book->text);
      put_text (book, sheet, row++, 1, data->association->org_number, book->text);
    }

  check (book, worksheet_set_column (sheet, 0, 0, 40, NULL));
  check (book, worksheet_set_column (sheet, 1, SP_PLAN_YEARS, 16, NULL));
  setup_page (book, sheet, FALSE, -1, 0);
}

/* ---- One file --------------------------------------------------------------- */

static time_t
created_time (const SpExportOptions *options)
{
  const char *epoch;

  if (options->created > 0)
    return (time_t) options->created;
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch != NULL && epoch[0] != '\0')
    {
      guint64 value;
      if (g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &value, NULL))
        return (time_t) value;
    }
  return (time_t) (g_get_real_time () / G_USEC_PER_SEC);
}

static gboolean
write_workbook (const ExportData       *data,
                const SpExportOptions  *options,
                const Target           *target,
                guint                   member_index,
                const char             *tmp_path,
                GError                **error)
{
  const SpContribution *member = target->contribution;
  g_autofree char *title = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) header = g_string_new ("&L");
  g_autoptr(GString) footer = g_string_new ("&L");
  g_autofree char *year_text = g_strdup_printf (_("Operational plan and budget %d"), data->year);
  lxw_workbook_options workbook_options = { 0 };
  lxw_doc_properties properties = { 0 };
  BudgetRows budget_rows = { 0 };
  FeeRows fee_rows = { 0 };
  Book book = { 0 };
  lxw_error closed;

  if (member == NULL)
    title = g_strdup_printf (_("%s: operational plan and budget %d, treasurer"), data->association->name, data->year);
  else
    title = g_strdup_printf (_("%s: operational plan and budget %d, for %s"), data->association->name, data->year,
                             member->name);

  book.data = data;
  book.unit = options->unit;
  book.workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (book.workbook == NULL)
    {
      display = g_filename_display_name (target->path);
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, g_strerror (errno));
      return FALSE;
    }

  append_header_text (header, data->association->name, 60);
  g_string_append (header, "&R");
  append_header_text (header, year_text, 40);
  /* At most 255 characters each, "&&" counted twice: these limits keep within. */
  append_header_text (footer, member == NULL ? _("Treasurer") : member->name, 60);
  /* Translators: the page footer of the exported workbooks; keep &P (the
   * page) and &N (the number of pages) as they are. */
  g_string_append_printf (footer, "&R%s", _("Page &P of &N"));
  book.page_header = header->str;
  book.page_footer = footer->str;

  properties.title = title;
  properties.subject = year_text;
  properties.author = data->association->name;
  properties.company = data->association->name;
  properties.comments = (char *) "Samplan " PACKAGE_VERSION;
  properties.created = created_time (options);
  check (&book, workbook_set_properties (book.workbook, &properties));

  book_add_formats (&book);
  /* The first sheet refers to the sheets after it, whose rows are known
   * only once they are written: it is added first and filled last. */
  if (member == NULL)
    {
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      lxw_worksheet *summary = add_sheet (&book, _("Summary"));

      write_budget_sheet (&book, &budget_rows);
      write_fees_sheet (&book, &fee_rows);
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      write_projects_sheet (&book, _("Project portfolio"), 0);
      write_goals_sheet (&book);
      write_summary_sheet (&book, summary, &budget_rows, &fee_rows);
    }
  else
    {
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      lxw_worksheet *cover = add_sheet (&book, _("Overview"));

      write_budget_sheet (&book, &budget_rows);
      write_fees_sheet (&book, &fee_rows);
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      write_projects_sheet (&book, _("Projects"), member->member_id);
      write_cover_sheet (&book, cover, member, &fee_rows, member_index);
    }

  closed = workbook_close (book.workbook);
  if (book.error == LXW_NO_ERROR)
    book.error = closed;
  if (book.error != LXW_NO_ERROR)
    {
      display = g_filename_display_name (target->path);
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, lxw_strerror (book.error));
      return FALSE;
    }
  return TRUE;
}

/* ---- Loading ------------------------------------------------------------------ */

/* The names joined with "; ", empty ones left out. */
static char *
join_target_groups (char **names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, names[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
load_projects (SpDatabase  *database,
               ExportData  *data,
               GError     **error)
{
  g_autoptr(SpRecordList) list = sp_project_list_new (database);
  g_autoptr(GPtrArray) projects = list_items (G_LIST_MODEL (list));
  g_autoptr(GHashTable) details = NULL;
  GHashTable *figures[SP_PLAN_YEARS] = { NULL };
  gboolean ok = FALSE;

  /* Three queries for all projects, not three per project. */
  details = sp_project_get_year_details (database, data->year, error);
  if (details == NULL)
    return FALSE;

  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      figures[y] = sp_project_get_year_figures (database, data->year + (int) y, error);
      if (figures[y] == NULL)
        goto out;
    }

  data->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) project_row_free);
  data->project_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < projects->len; i++)
    {
      SpProject *project = g_ptr_array_index (projects, i);
      gint64 id = sp_record_get_id (SP_RECORD (project));
      const SpProjectYearFigures *now = g_hash_table_lookup (figures[0], &id);
      ProjectRow *row;

      g_hash_table_insert (data->project_names, g_memdup2 (&id, sizeof id), g_strdup (sp_project_get_name (project)));
      if (now == NULL || !now->active)
        continue;

      row = g_new0 (ProjectRow, 1);
      row->project = g_object_ref (project);
      row->cofunders = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (data->projects, row);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          const SpProjectYearFigures *f = g_hash_table_lookup (figures[y], &id);
          row->has_grant[y] = f != NULL && f->has_grant;
          row->granted[y] = f != NULL ? f->granted : 0;
          data->has_ore |= row->has_grant[y] && money_has_ore (row->granted[y]);
        }
      row->has_participants = now->has_participants;
      row->women = now->women;
      row->men = now->men;

      {
        const SpProjectYearDetails *more = g_hash_table_lookup (details, &id);

        row->target_groups = join_target_groups (more != NULL ? more->target_groups : NULL);
        for (guint k = 0; more != NULL && k < more->cofunding->len; k++)
          {
            const SpProjectCofundingRow *c = &g_array_index (more->cofunding, SpProjectCofundingRow, k);

            row->has_cofunding = TRUE;
            row->cofunding += c->amount;
            data->has_ore |= money_has_ore (c->amount);
            g_array_append_val (row->cofunders, c->member_id);
          }
        if (more != NULL && more->decision_date != NULL)
          {
            row->decision_date = g_strdup (more->decision_date);
            row->decision_paragraph = g_strdup (more->decision_paragraph);
          }
      }
    }
  ok = TRUE;

out:
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    g_clear_pointer (&figures[y], g_hash_table_unref);
  return ok;
}

static ExportData *
load_data (SpDatabase  *database,
           int          year,
           GError     **error)
{
  g_autoptr(ExportData) data = g_new0 (ExportData, 1);
  g_autoptr(GError) local_error = NULL;

  data->year = year;
  data->plan = sp_plan_year_load (database, year, &local_error);
  if (data->plan == NULL)
    {
      if (g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_YEAR,
                     _("There is no plan for %d, so there is nothing to export."), year);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data->association = sp_association_load (database, error);
  if (data->association == NULL)
    return NULL;
  if (data->association->name == NULL || data->association->name[0] == '\0')
    {
      g_free (data->association->name);
      data->association->name = g_strdup (_("Coordination association"));
    }

  {
    g_autoptr(SpRecordList) lines = sp_budget_line_list_new (database, year);
    data->lines = list_items (G_LIST_MODEL (lines));
  }
  if (data->lines->len == 0)
    {
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_BUDGET,
                   _("The budget for %d has no lines. Enter the budget before exporting it."), year);
      return NULL;
    }
  for (guint i = 0; i < data->lines->len; i++)
    for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
      data->has_ore |= money_has_ore (sp_budget_line_get_amount (g_ptr_array_index (data->lines, i), c));

  data->totals = sp_budget_totals_new (database, year, error);
  if (data->totals == NULL)
    return NULL;
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    data->has_ore |= money_has_ore (sp_plan_year_get_frame (data->plan, y));
  data->has_ore |= money_has_ore (sp_plan_year_get_equity_used (data->plan));

  /* The core's own message when they cannot be computed. */
  data->contributions = sp_contributions_compute (database, year, error);
  if (data->contributions == NULL)
    return NULL;

  if (!load_projects (database, data, error))
    return NULL;

  {
    g_autoptr(SpRecordList) goals = sp_goal_list_new (database, year);
    g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (database, year);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (areas));

    data->goals = list_items (G_LIST_MODEL (goals));
    data->area_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
        gint64 id = sp_record_get_id (SP_RECORD (area));
        g_hash_table_insert (data->area_names, g_memdup2 (&id, sizeof id), g_strdup (sp_area_get_name (area)));
      }
  }

  return g_steal_pointer (&data);
}

/* ---- Which files ---------------------------------------------------------------- */

/* The members asked for, as indexes into the contributions, in their order. */
static GArray *
resolve_members (SpDatabase             *database,
                 const ExportData       *data,
                 const SpExportOptions  *options,
                 GError                **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(SpRecordList) list = NULL;
  g_autoptr(GPtrArray) members = NULL;

  if (options->member_names == NULL && options->member_ids == NULL)
    {
      for (guint i = 0; i < data->contributions->len; i++)
        g_array_append_val (chosen, i);
      return g_steal_pointer (&chosen);
    }

  list = sp_member_list_new (database);
  members = list_items (G_LIST_MODEL (list));

  for (guint n = 0; options->member_names != NULL && options->member_names[n] != NULL; n++)
    {
      const char *name = options->member_names[n];
      SpMember *found = NULL;
      g_autofree char *folded = sp_text_fold (name);
      guint n_folded = 0;
      SpMember *folded_match = NULL;

      for (guint i = 0; i < members->len && found == NULL; i++)
        {
          SpMember *m = g_ptr_array_index (members, i);
          g_autofree char *other = NULL;

          if (g_strcmp0 (sp_member_get_name (m), name) == 0)
            found = m;
          other = sp_text_fold (sp_member_get_name (m));
          if (g_strcmp0 (other, folded) == 0)
            {
              n_folded++;
              folded_match = m;
            }
        }
      if (found == NULL && n_folded == 1)
        found = folded_match;
      if (found == NULL)
        {
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                       _("There is no member called “%s”."), name);
          return NULL;
        }
      {
        gint64 id = sp_record_get_id (SP_RECORD (found));
        g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
      }
    }

  for (guint n = 0; options->member_ids != NULL && n < options->member_ids->len; n++)
    {
      gint64 id = g_array_index (options->member_ids, gint64, n);
      gboolean exists = FALSE;

      for (guint i = 0; i < members->len && !exists; i++)
        exists = sp_record_get_id (SP_RECORD (g_ptr_array_index (members, i))) == id;
      if (!exists)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                       _("There is no member with the number %s."), number);
          return NULL;
        }
      g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
    }

  /* Each one must be a member in the year. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, wanted);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gint64 id = *(gint64 *) key;
        gboolean in_year = FALSE;

        for (guint i = 0; i < data->contributions->len && !in_year; i++)
          in_year = ((SpContribution *) g_ptr_array_index (data->contributions, i))->member_id == id;
        if (!in_year)
          {
            const char *name = "";
            for (guint i = 0; i < members->len; i++)
              if (sp_record_get_id (SP_RECORD (g_ptr_array_index (members, i))) == id)
                name = sp_member_get_name (g_ptr_array_index (members, i));
            g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                         _("“%s” is not a member in %d."), name, data->year);
            return NULL;
          }
      }
  }

  for (guint i = 0; i < data->contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, i);
      if (g_hash_table_contains (wanted, &c->member_id))
        g_array_append_val (chosen, i);
    }
  return g_steal_pointer (&chosen);
}

/* A file name unique among @used (case-insensitively), recorded in it. */
static char *
unique_file_name (GHashTable *used,
                  const char *association,
                  int         year,
                  const char *recipient)
{
  g_autofree char *base = sp_export_file_name (association, year, recipient);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;

      if (n == 1)
        name = g_strdup (base);
      else
        {
          g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".xlsx"));
          name = g_strdup_printf ("%s (%u).xlsx", stem, n);
        }
      folded = sp_text_fold (name);
      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static GPtrArray *
plan_targets (SpDatabase             *database,
              const ExportData       *data,
              const char             *dir,
              const SpExportOptions  *options,
              GArray                **out_indexes,
              GError                **error)
{
  g_autoptr(GArray) indexes = resolve_members (database, data, options, error);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) used = NULL;

  if (indexes == NULL)
    return NULL;
  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (options->treasurer)
    {
      Target *t = g_new0 (Target, 1);
      /* Translators: who the treasurer's workbook is for, in its file name. */
      g_autofree char *name = unique_file_name (used, data->association->name, data->year, _("Treasurer"));
      t->path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (targets, t);
    }
  for (guint i = 0; i < indexes->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, g_array_index (indexes, guint, i));
      Target *t = g_new0 (Target, 1);
      g_autofree char *name = unique_file_name (used, data->association->name, data->year, c->name);

      t->path = g_build_filename (dir, name, NULL);
      t->contribution = c;
      g_ptr_array_add (targets, t);
    }
  if (out_indexes != NULL)
    *out_indexes = g_steal_pointer (&indexes);
  return g_steal_pointer (&targets);
}

/* The folder exists and a file can be made in it; no target is read-only. */
static gboolean
check_targets (const char  *dir,
               GPtrArray   *targets,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (dir);
  g_autofree char *probe = NULL;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” does not exist."), display);
      return FALSE;
    }
  probe = g_build_filename (dir, ".samplan-export-XXXXXX", NULL);
  fd = g_mkstemp (probe);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_unlink (probe);

  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = g_ptr_array_index (targets, i);
      GStatBuf st;

      if (g_lstat (t->path, &st) != 0)
        continue;
      if (!S_ISREG (st.st_mode) || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
          g_access (t->path, W_OK) != 0)
        {
          g_autofree char *name = g_filename_display_name (t->path);
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_READ_ONLY,
                       _("“%s” already exists and cannot be replaced: it is read-only or not a file."), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* libxlsxwriter prints doubles (cell values, margins) with the C library's
 * printf, which follows LC_NUMERIC: under a Swedish locale it would write
 * "0,5" into the XML and Excel would refuse the file. This thread writes
 * with the C locale's numbers while a workbook is made. */
static locale_t
use_c_numeric (void)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numeric;

  if (base == (locale_t) 0)
    return (locale_t) 0;
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);
  if (c_numeric == (locale_t) 0)
    {
      freelocale (base);
      return (locale_t) 0;
    }
  return c_numeric;
}

static gboolean
write_target (const ExportData       *data,
              const SpExportOptions  *options,
              const Target           *target,
              guint                   member_index,
              GError                **error)
{
  g_autofree char *dir = g_path_get_dirname (target->path);
  g_autofree char *tmp = g_build_filename (dir, ".samplan-export-XXXXXX.xlsx", NULL);
  g_autofree char *display = g_filename_display_name (target->path);
  int fd;

  /* Permissions as for any new file (the umask decides), not mkstemp's 0600. */
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  {
    locale_t c_numeric = use_c_numeric ();
    locale_t previous = c_numeric != (locale_t) 0 ? uselocale (c_numeric) : (locale_t) 0;
    gboolean written = write_workbook (data, options, target, member_index, tmp, error);

    if (c_numeric != (locale_t) 0)
      {
        uselocale (previous);
        freelocale (c_numeric);
      }
    if (!written)
      {
        g_unlink (tmp);
        return FALSE;
      }
  }
  if (g_rename (tmp, target->path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* ---- Public API ----------------------------------------------------------------- */

/**
 * sp_export_options_init:
 * @options: the options to fill
 * @year: the budget year
 *
 * The default export: the treasurer's workbook and every member's, in kr.
 */
void
sp_export_options_init (SpExportOptions *options,
                        int              year)
{
  memset (options, 0, sizeof *options);
  options->year = year;
  options->unit = SP_MONEY_UNIT_KR;
  options->treasurer = TRUE;
}

/**
 * sp_export_file_name:
 * @association: the förbund's name
 * @year: the budget year
 * @recipient: the member's name, or "Kassör" for the treasurer
 *
 * "<förbund> <year> – <recipient>.xlsx", safe on every file system: "/",
 * "\", ":", "*", "?", quotes, "<", ">", "|" and control characters become
 * "_", white space runs become one space, leading and trailing dots and
 * spaces go, and the name is cut to fit 255 bytes.
 *
 * Returns: (transfer full): the file name, without a folder
 */
char *
sp_export_file_name (const char *association,
                     int         year,
                     const char *recipient)
{
  g_autofree char *raw = g_strdup_printf ("%s %d – %s", association, year, recipient);
  g_autofree char *valid = g_utf8_make_valid (raw, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;
  const gsize max_bytes = 255 - strlen (".xlsx") - strlen (" (99)");

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = name->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (name, ' ');
      space = FALSE;
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  /* Hidden files and Windows' trailing dots. */
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  if (name->len > max_bytes)
    {
      const char *end = name->str + max_bytes;
      end = g_utf8_find_prev_char (name->str, end + 1);
      while (end != NULL && (gsize) (end - name->str) > max_bytes)
        end = g_utf8_find_prev_char (name->str, end);
      g_string_truncate (name, end != NULL ? (gsize) (end - name->str) : 0);
    }
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "export");
  g_string_append (name, ".xlsx");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * sp_export_plan:
 * @database: the förbund
 * @dir: the target folder
 * @options: what to export
 *
 * Checks everything sp_export_write() checks, without writing: the year, its
 * budget, the contributions, the members, the folder and the targets.
 *
 * Returns: (transfer full) (element-type filename): the paths that would be
 *   written, treasurer first, or %NULL with @error saying why not
 */
GPtrArray *
sp_export_plan (SpDatabase             *database,
                const char             *dir,
                const SpExportOptions  *options,
                GError                **error)
{
  g_autoptr(ExportData) data = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (dir != NULL && options != NULL, NULL);

  data = load_data (database, options->year, error);
  if (data == NULL)
    return NULL;
  targets = plan_targets (database, data, dir, options, NULL, error);
  if (targets == NULL || !check_targets (dir, targets, error))
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (paths, g_strdup (((Target *) g_ptr_array_index (targets, i))->path));
  return paths;
}

/**
 * sp_export_write:
 * @database: the förbund
 * @dir: an existing folder
 * @options: what to export
 * @written_paths: (nullable) (element-type filename): gets the path of each
 *   file written, as a new string; give it g_free() as its free function
 * @error: where to put a failure
 *
 * Writes the treasurer's workbook and the members' workbooks of
 * @options->year into @dir. Everything is checked before the first file is
 * written; a failure while writing stops the export, leaves the files
 * already written in place (they are listed in @written_paths) and never a
 * half-written file under a real name.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
sp_export_write (SpDatabase             *database,
                 const char             *dir,
                 const SpExportOptions  *options,
                 GPtrArray              *written_paths,
                 GError                **error)
{
  g_autoptr(ExportData) data = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GArray) indexes = NULL;

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (dir != NULL && options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = load_data (database, options->year, error);
  if (data == NULL)
    return FALSE;
  targets = plan_targets (database, data, dir, options, &indexes, error);
  if (targets == NULL || !check_targets (dir, targets, error))
    return FALSE;

  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = g_ptr_array_index (targets, i);
      guint member_index = 0;

      if (t->contribution != NULL)
        for (guint k = 0; k < data->contributions->len; k++)
          if (g_ptr_array_index (data->contributions, k) == t->contribution)
            member_index = k;
      if (!write_target (data, options, t, member_index, error))
        return FALSE;
      if (written_paths != NULL)
        g_ptr_array_add (written_paths, g_strdup (t->path));
      if (options->progress != NULL)
        options->progress (t->path, i + 1, targets->len, options->progress_data);
    }
  return TRUE;
}

/**
 * sp_export_cli:
 * @db_path: the database file
 * @dir: the target folder
 * @year: the budget year
 * @member_names: (nullable): the members to export; %NULL or empty: the
 *   treasurer's workbook and every member's
 * @tkr: show amounts in tkr
 *
 * `samplan --export-xlsx DIR --year Y [--member NAME]… [--tkr] FILE.db`:
 * opens the database read-only, writes, prints each written path on
 * standard output and any error on standard error.
 *
 * Returns: the exit status: 0 when every file was written, 1 otherwise
 */
int
sp_export_cli (const char         *db_path,
               const char         *dir,
               int                 year,
               const char * const *member_names,
               gboolean            tkr)
{
  g_autoptr(SpDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  SpExportOptions options;
  gboolean ok;

  database = sp_database_open (db_path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  if (database == NULL)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }

  sp_export_options_init (&options, year);
  options.unit = tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  if (member_names != NULL && member_names[0] != NULL)
    {
      /* Only the members named: the treasurer's workbook is the default's. */
      options.member_names = member_names;
      options.treasurer = FALSE;
    }

  ok = sp_export_write (database, dir, &options, written, &error);
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *display = g_filename_display_name (g_ptr_array_index (written, i));
      g_print ("%s\n", display);
    }
  if (!ok)
    {
      g_printerr ("samplan: %s\n", error->message);
      return 1;
    }
  return 0;
}
