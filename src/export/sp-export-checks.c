/* sp-export-checks.c: the treasurer's control rows: each check of the core
 * (sp-budget-checks.h) recomputed by formulas from the other sheets' cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per check: what should be, what is, the difference and a verdict
 * ("OK" or "Stämmer inte: …"), every one a formula on the cells of the
 * Budget, Member contributions and Project portfolio sheets, so that a
 * figure changed in Excel shows here at once. The first sheet says, also by
 * formula, which checks do not add up; below the table stands what did not
 * add up when the workbook was written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-export-private.h"

/* The columns of the sheet. */
enum {
  COL_LABEL,
  COL_YEAR,
  COL_EXPECTED,
  COL_ACTUAL,
  COL_DIFFERENCE,
  COL_VERDICT,
  N_COLS
};

#define HEAD_ROW 3

/* Where the member contributions sheet keeps its amounts and kinds
 * (sp-export-contributions.c), and the project portfolio its granted funds
 * (sp-export-portfolio.c): its head row and first "Granted" column. The
 * recalculation test (check-export-checks.py) fails if they move. */
#define FEES_KIND_COL 1
#define FEES_FIRST_MONEY_COL 4
#define PORTFOLIO_HEAD_ROW 3
#define PORTFOLIO_GRANTED_COL 8

/* 'Sheet'!$A$1:$B$2 */
static char *
sheet_range (const char *sheet,
             lxw_row_t   first_row,
             lxw_col_t   first_col,
             lxw_row_t   last_row,
             lxw_col_t   last_col)
{
  g_autofree char *first = sp_export_sheet_cell (sheet, first_row, first_col);
  char last[32];

  sp_export_cell_name (last, sizeof last, last_row, last_col, TRUE);
  return g_strdup_printf ("%s:%s", first, last);
}

/* @text as a string constant of a formula: in quotes, its quotes doubled. */
static void
append_string_constant (GString    *formula,
                        const char *text)
{
  g_string_append_c (formula, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (formula, '"');
      g_string_append_c (formula, *p);
    }
  g_string_append_c (formula, '"');
}

/* A formula expression that says @template, with its one "%s" replaced by
 * the value of @expression: "text"&expression&"text". */
static char *
text_expression (const char *pattern,
                 const char *expression)
{
  g_auto(GStrv) parts = g_strsplit (pattern, "%s", 2);
  GString *formula = g_string_new (NULL);

  append_string_constant (formula, parts[0]);
  if (parts[1] != NULL)
    {
      g_string_append_printf (formula, "&%s&", expression);
      append_string_constant (formula, parts[1]);
    }
  return g_string_free (formula, FALSE);
}

/* The amount as FIXED() shows it, for the cached verdict. */
static char *
amount_text (SpMoney amount,
             gboolean has_ore)
{
  return sp_money_format (amount, SP_MONEY_UNIT_KR,
                          SP_MONEY_FORMAT_NO_UNIT | (has_ore ? SP_MONEY_FORMAT_DECIMALS : 0));
}

typedef struct {
  Book          *book;
  lxw_worksheet *sheet;
  lxw_row_t      row;
  char           diff[32];   /* the row's difference cell */
  char           expected[32];
  lxw_format    *ok;
  lxw_format    *fails;
} ChecksWriter;

/* Writes the verdict of the row: "OK" when @ok_condition holds, else the
 * "does not add up" prefix and, by @negative_condition, one of two texts
 * that hold the amount @amount_expression (each a template with one "%s"). */
static void
put_verdict (ChecksWriter        *w,
             const SpBudgetCheck *check,
             const char          *ok_condition,
             const char          *negative_condition,
             const char          *negative_template,
             const char          *positive_template,
             const char          *amount_expression,
             gboolean             cached_negative,
             SpMoney              cached_amount)
{
  /* Translators: the verdict of a control row in the exported workbook, when the check holds */
  const char *ok = _("OK");
  /* Translators: the start of a control row's verdict when the check fails; the reason follows */
  const char *fails = _("Does not add up: ");
  g_autoptr(GString) formula = g_string_new ("=IF(");
  g_autofree char *negative = negative_template != NULL ? text_expression (negative_template, amount_expression) : NULL;
  g_autofree char *positive = text_expression (positive_template, amount_expression);
  g_autofree char *cached = NULL;

  g_string_append_printf (formula, "%s,", ok_condition);
  append_string_constant (formula, ok);
  g_string_append_c (formula, ',');
  append_string_constant (formula, fails);
  if (negative_condition != NULL)
    g_string_append_printf (formula, "&IF(%s,%s,%s))", negative_condition, negative, positive);
  else
    g_string_append_printf (formula, "&%s)", positive);

  if (check->passed)
    cached = g_strdup (ok);
  else
    {
      g_autofree char *amount = amount_text (ABS (cached_amount), w->book->data->has_ore);
      g_auto(GStrv) parts = NULL;
      const char *chosen = negative_condition != NULL && cached_negative
                             ? negative_template : positive_template;

      parts = g_strsplit (chosen, "%s", 2);
      cached = g_strconcat (fails, parts[0], parts[1] != NULL ? amount : "", parts[1], NULL);
    }
  sp_export_check (w->book, worksheet_write_formula_str (w->sheet, w->row, COL_VERDICT, formula->str,
                                                         check->passed ? w->ok : w->fails, cached));
}

/* The label, the year, the expected and actual amounts, the difference. */
static void
put_figures (ChecksWriter        *w,
             const SpBudgetCheck *check,
             const char          *expected_formula,
             const char          *actual_formula)
{
  SpMoney expected = SP_BUDGET_IS_SET (check->expected) ? check->expected : 0;
  SpMoney actual = SP_BUDGET_IS_SET (check->actual) ? check->actual : 0;
  char a[32];
  g_autofree char *difference = NULL;

  sp_export_put_text (w->book, w->sheet, w->row, COL_LABEL, check->label, w->book->text);
  sp_export_put_number (w->book, w->sheet, w->row, COL_YEAR, check->year, w->book->year_number);
  if (expected_formula != NULL)
    sp_export_put_money_formula (w->book, w->sheet, w->row, COL_EXPECTED, expected_formula, expected, w->book->money);
  else
    sp_export_put_money (w->book, w->sheet, w->row, COL_EXPECTED, expected, w->book->money);
  sp_export_put_money_formula (w->book, w->sheet, w->row, COL_ACTUAL, actual_formula, actual, w->book->money);
  sp_export_cell_name (w->expected, sizeof w->expected, w->row, COL_EXPECTED, FALSE);
  sp_export_cell_name (a, sizeof a, w->row, COL_ACTUAL, FALSE);
  sp_export_cell_name (w->diff, sizeof w->diff, w->row, COL_DIFFERENCE, FALSE);
  difference = g_strdup_printf ("=ROUND(%s-%s,2)", a, w->expected);
  sp_export_put_money_formula (w->book, w->sheet, w->row, COL_DIFFERENCE, difference, actual - expected,
                               w->book->money);
}

static const char *
fixed_decimals (const ExportData *data)
{
  return data->has_ore ? "2" : "0";
}

static void
write_frame_row (ChecksWriter        *w,
                 const SpBudgetCheck *check,
                 const BudgetRows    *budget,
                 const FeeRows       *fees)
{
  const ExportData *data = w->book->data;
  g_autofree char *frame = sp_export_sheet_cell (sp_export_budget_sheet_name (), budget->frame,
                                                 BUDGET_YEAR_COL + check->column);
  g_autofree char *sum = sp_export_sheet_cell (sp_export_fees_sheet_name (), fees->sum,
                                               FEES_FIRST_MONEY_COL + check->column);
  g_autofree char *expected = g_strdup_printf ("=%s", frame);
  g_autofree char *actual = g_strdup_printf ("=%s", sum);
  g_autofree char *ok = NULL;
  g_autofree char *no_frame = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *no_frame_template = NULL;

  put_figures (w, check, expected, actual);
  amount = g_strdup_printf ("FIXED(ABS(%s),%s)", w->diff, fixed_decimals (data));
  /* No frame at all is its own reason; the template has no amount. */
  ok = g_strdup_printf ("AND(COUNT(%s)=1,%s=0)", frame, w->diff);
  no_frame = g_strdup_printf ("COUNT(%s)=0", frame);
  /* Translators: why a control row fails: %d is the year */
  no_frame_template = g_strdup_printf (_("%d has no budget frame"), check->year);
  put_verdict (w, check, ok, no_frame, no_frame_template,
               /* Translators: why a control row fails: %s is the amount in kr */
               _("the contributions differ from the frame by %s kr"),
               amount, !SP_BUDGET_IS_SET (check->expected), check->actual - check->expected);
}

static void
write_payer_row (ChecksWriter        *w,
                 const SpBudgetCheck *check,
                 const BudgetRows    *budget,
                 const FeeRows       *fees)
{
  const ExportData *data = w->book->data;
  SpMemberKind kind = SP_MEMBER_KIND_STATE + (check->id - SP_BUDGET_CHECK_STATE);
  lxw_col_t fee_col = FEES_FIRST_MONEY_COL + check->column;
  lxw_col_t budget_col = BUDGET_YEAR_COL + check->column;
  g_autoptr(GString) expected = g_string_new ("=0");
  g_autofree char *accounts = sheet_range (sp_export_budget_sheet_name (), 0, 0, budget->cost_total, 0);
  g_autofree char *amounts = sheet_range (sp_export_budget_sheet_name (), 0, budget_col, budget->cost_total, budget_col);
  g_autofree char *actual = g_strdup_printf ("=SUMIF(%s,%d,%s)", accounts, check->account, amounts);
  g_autofree char *amount = NULL;
  g_autofree char *negative = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *positive = NULL;

  if (data->contributions->len > 0)
    {
      g_autofree char *kinds = sheet_range (sp_export_fees_sheet_name (), fees->first, FEES_KIND_COL,
                                            fees->sum - 1, FEES_KIND_COL);
      g_autofree char *paid = sheet_range (sp_export_fees_sheet_name (), fees->first, fee_col, fees->sum - 1, fee_col);

      g_string_assign (expected, "=SUMIF(");
      g_string_append_printf (expected, "%s,", kinds);
      append_string_constant (expected, sp_member_kind_get_label (kind));
      g_string_append_printf (expected, ",%s)", paid);
    }
  put_figures (w, check, expected->str, actual);
  amount = g_strdup_printf ("FIXED(ABS(%s),%s)", w->diff, fixed_decimals (data));
  condition = g_strdup_printf ("%s=0", w->diff);
  {
    g_autofree char *negative_condition = g_strdup_printf ("%s<0", w->diff);

    /* The amount comes in by formula: the "%s" stays for text_expression(). */
    /* Translators: why a control row fails: the revenue account, then %s, the amount in kr */
    negative = g_strdup_printf (_("the revenue lines on account %d are %s kr less than the contributions"),
                                check->account, "%s");
    /* Translators: why a control row fails: the revenue account, then %s, the amount in kr */
    positive = g_strdup_printf (_("the revenue lines on account %d are %s kr more than the contributions"),
                                check->account, "%s");
    put_verdict (w, check, condition, negative_condition, negative, positive, amount,
                 check->actual < check->expected, check->actual - check->expected);
  }
}

static void
write_projects_row (ChecksWriter        *w,
                    const SpBudgetCheck *check,
                    const BudgetRows    *budget)
{
  const ExportData *data = w->book->data;
  const SpBudgetChecks *checks = data->checks;
  lxw_col_t granted_col = PORTFOLIO_GRANTED_COL + check->column;
  lxw_col_t budget_col = BUDGET_YEAR_COL + check->column;
  g_autofree char *expected = NULL;
  g_autoptr(GString) actual = g_string_new ("=");
  g_autofree char *amount = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *negative_condition = NULL;
  guint n_cells = 0;
  SpMoney unlisted = check->expected;

  /* The portfolio lists the projects active in the budget year; a plan
   * year's grants to projects that start later are added as a figure. */
  for (guint i = 0; i < data->projects->len; i++)
    {
      const ProjectRow *p = g_ptr_array_index (data->projects, i);

      if (p->has_grant[check->column])
        unlisted -= p->granted[check->column];
    }
  if (data->projects->len > 0)
    {
      /* Translators: the name of the portfolio sheet in the treasurer's workbook; the same as there */
      g_autofree char *range = sheet_range (_("Project portfolio"), PORTFOLIO_HEAD_ROW + 1, granted_col,
                                            PORTFOLIO_HEAD_ROW + data->projects->len, granted_col);
      expected = g_strdup_printf ("=SUM(%s)", range);
    }
  else
    expected = g_strdup ("=0");
  if (unlisted != 0)
    {
      g_autofree char *sum = g_steal_pointer (&expected);

      /* Whole kronor, or with öre: written with a point, whatever the locale. */
      if (unlisted % SP_MONEY_ORE_PER_KR == 0)
        expected = g_strdup_printf ("%s+%" G_GINT64_FORMAT, sum, unlisted / SP_MONEY_ORE_PER_KR);
      else
        expected = g_strdup_printf ("%s+(%" G_GINT64_FORMAT "/100)", sum, unlisted);
    }

  for (guint i = 0; i < data->lines->len && budget->line_rows != NULL; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (data->lines, i);
      g_autofree char *cell = NULL;

      if (sp_budget_line_get_account_kind (line) != SP_ACCOUNT_KIND_COST ||
          !sp_budget_checks_is_project_area (checks, sp_budget_line_get_area_id (line)))
        continue;
      cell = sp_export_sheet_cell (sp_export_budget_sheet_name (), g_array_index (budget->line_rows, lxw_row_t, i),
                                   budget_col);
      if (n_cells++ > 0)
        g_string_append_c (actual, '+');
      g_string_append (actual, cell);
    }
  if (n_cells == 0)
    g_string_append_c (actual, '0');

  put_figures (w, check, expected, actual->str);
  amount = g_strdup_printf ("FIXED(ABS(%s),%s)", w->diff, fixed_decimals (data));
  negative_condition = g_strdup_printf ("%s<0", w->diff);
  if (check->column == SP_BUDGET_COLUMN_BUDGET)
    {
      condition = g_strdup_printf ("%s=0", w->diff);
      put_verdict (w, check, condition, negative_condition,
                   /* Translators: why a control row fails: %s is the amount in kr */
                   _("the project line is %s kr less than the granted funds"),
                   /* Translators: why a control row fails: %s is the amount in kr */
                   _("the project line is %s kr more than the granted funds"),
                   amount, check->actual < check->expected, check->actual - check->expected);
    }
  else
    {
      /* A plan year's line may hold money not granted yet. */
      condition = g_strdup_printf ("%s>=0", w->diff);
      put_verdict (w, check, condition, NULL, NULL,
                   /* Translators: why a control row fails: %s is the amount in kr */
                   _("the project line is %s kr less than the funds already granted"),
                   amount, FALSE, check->actual - check->expected);
    }
}

static void
write_balance_row (ChecksWriter        *w,
                   const SpBudgetCheck *check,
                   const BudgetRows    *budget)
{
  const ExportData *data = w->book->data;
  lxw_col_t col = BUDGET_YEAR_COL + check->column;
  g_autofree char *result = sp_export_sheet_cell (sp_export_budget_sheet_name (), budget->result, col);
  g_autofree char *equity = sp_export_sheet_cell (sp_export_budget_sheet_name (), budget->equity, col);
  g_autofree char *actual = g_strdup_printf ("=%s+%s", result, equity);
  g_autofree char *amount = NULL;
  g_autofree char *condition = NULL;
  g_autofree char *negative_condition = NULL;

  put_figures (w, check, NULL, actual);
  amount = g_strdup_printf ("FIXED(ABS(%s),%s)", w->diff, fixed_decimals (data));
  condition = g_strdup_printf ("%s=0", w->diff);
  negative_condition = g_strdup_printf ("%s<0", w->diff);
  put_verdict (w, check, condition, negative_condition,
               /* Translators: why a control row fails: %s is the amount in kr */
               _("the costs are %s kr more than revenue and equity used"),
               /* Translators: why a control row fails: %s is the amount in kr */
               _("revenue and equity used are %s kr more than the costs"),
               amount, check->actual < 0, check->actual);
}

const char *
sp_export_checks_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Checks");
}

/**
 * sp_export_write_checks_sheet:
 * @budget: the rows of the budget sheet, with its @line_rows
 * @fees: the rows of the member contributions sheet
 * @rows: (out): where the control rows are
 *
 * Writes the sheet of control rows. The budget, member contributions and
 * project portfolio sheets must be written already.
 */
void
sp_export_write_checks_sheet (Book             *book,
                              const BudgetRows *budget,
                              const FeeRows    *fees,
                              CheckRows        *rows)
{
  const ExportData *data = book->data;
  const SpBudgetChecks *checks = data->checks;
  lxw_worksheet *sheet = sp_export_add_sheet (book, sp_export_checks_sheet_name ());
  g_autofree char *subtitle = NULL;
  ChecksWriter w = { 0 };

  rows->first = rows->last = 0;
  rows->n = 0;
  if (sheet == NULL || checks == NULL)
    return;
  /* Translators: the subtitle of the control rows' sheet: the year, then the unit */
  subtitle = g_strdup_printf (_("Checks %d · %s"), data->year, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);
  sp_export_put_text (book, sheet, 2, 0,
                      _("Every row is computed from the other sheets’ cells: a figure changed there shows here."),
                      book->subtitle);

  sp_export_put_head (book, sheet, HEAD_ROW, COL_LABEL, _("Check"), FALSE);
  sp_export_put_head (book, sheet, HEAD_ROW, COL_YEAR, _("Year"), TRUE);
  /* Translators: a column of the control rows: what the budget should say */
  sp_export_put_head (book, sheet, HEAD_ROW, COL_EXPECTED, _("Should be"), TRUE);
  /* Translators: a column of the control rows: what the budget says */
  sp_export_put_head (book, sheet, HEAD_ROW, COL_ACTUAL, _("Is"), TRUE);
  sp_export_put_head (book, sheet, HEAD_ROW, COL_DIFFERENCE, _("Difference"), TRUE);
  /* Translators: a column of the control rows: "OK" or why not */
  sp_export_put_head (book, sheet, HEAD_ROW, COL_VERDICT, _("Verdict"), FALSE);

  w.book = book;
  w.sheet = sheet;
  w.ok = workbook_add_format (book->workbook);
  format_set_font_name (w.ok, "Calibri");
  format_set_font_size (w.ok, 11);
  format_set_align (w.ok, LXW_ALIGN_VERTICAL_TOP);
  w.fails = workbook_add_format (book->workbook);
  format_set_font_name (w.fails, "Calibri");
  format_set_font_size (w.fails, 11);
  format_set_align (w.fails, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold (w.fails);
  format_set_font_color (w.fails, 0xC00000);

  rows->first = HEAD_ROW + 1;
  for (guint i = 0; i < checks->checks->len; i++)
    {
      const SpBudgetCheck *check = g_ptr_array_index (checks->checks, i);

      w.row = rows->first + i;
      switch (check->id)
        {
        case SP_BUDGET_CHECK_FRAME:
          write_frame_row (&w, check, budget, fees);
          break;
        case SP_BUDGET_CHECK_STATE:
        case SP_BUDGET_CHECK_REGION:
        case SP_BUDGET_CHECK_MUNICIPALITIES:
          write_payer_row (&w, check, budget, fees);
          break;
        case SP_BUDGET_CHECK_PROJECTS:
          write_projects_row (&w, check, budget);
          break;
        case SP_BUDGET_CHECK_BALANCE:
        default:
          write_balance_row (&w, check, budget);
          break;
        }
    }
  rows->n = checks->checks->len;
  rows->last = rows->first + MAX (rows->n, 1) - 1;

  /* A verdict that is not "OK" is red, also when it becomes so in Excel. */
  {
    lxw_conditional_format conditional = { 0 };
    /* Its own, as libxlsxwriter 1.2 holds the string as const. */
    g_autofree char *ok = g_strdup_printf ("\"%s\"", _("OK"));

    conditional.type = LXW_CONDITIONAL_TYPE_CELL;
    conditional.criteria = LXW_CONDITIONAL_CRITERIA_NOT_EQUAL_TO;
    conditional.value_string = ok;
    conditional.format = w.fails;
    if (rows->n > 0)
      sp_export_check (book, worksheet_conditional_format_range (sheet, rows->first, COL_VERDICT, rows->last,
                                                                 COL_VERDICT, &conditional));
  }

  /* What did not add up when the workbook was written. */
  w.row = rows->first + rows->n + 1;
  if (sp_budget_checks_count_failed (checks) > 0)
    {
      sp_export_put_text (book, sheet, w.row++, COL_LABEL, _("When the workbook was written, these did not add up:"),
                          book->bold);
      for (guint i = 0; i < checks->checks->len; i++)
        {
          const SpBudgetCheck *check = g_ptr_array_index (checks->checks, i);

          if (!check->passed)
            sp_export_put_text (book, sheet, w.row++, COL_LABEL, check->detail, book->text);
        }
    }
  else
    sp_export_put_text (book, sheet, w.row, COL_LABEL, _("When the workbook was written, every check added up."),
                        book->text);

  sp_export_check (book, worksheet_set_column (sheet, COL_LABEL, COL_LABEL, 50, NULL));
  sp_export_check (book, worksheet_set_column (sheet, COL_YEAR, COL_YEAR, 9, NULL));
  sp_export_check (book, worksheet_set_column (sheet, COL_EXPECTED, COL_DIFFERENCE, 14, NULL));
  sp_export_check (book, worksheet_set_column (sheet, COL_VERDICT, COL_VERDICT, 90, NULL));
  sp_export_setup_page (book, sheet, TRUE, HEAD_ROW, 1);
}

/**
 * sp_export_write_checks_notice:
 * @sheet: the first sheet
 * @row: an empty row of it, under its title
 *
 * Says on the first sheet, by formula, whether every check adds up, and
 * names those that do not.
 */
void
sp_export_write_checks_notice (Book            *book,
                               lxw_worksheet   *sheet,
                               lxw_row_t        row,
                               const CheckRows *rows)
{
  const ExportData *data = book->data;
  const SpBudgetChecks *checks = data->checks;
  const char *name = sp_export_checks_sheet_name ();
  g_autofree char *verdicts = NULL;
  g_autofree char *all_ok = NULL;
  g_autofree char *some_fail = NULL;
  g_autoptr(GString) formula = g_string_new ("=IF(COUNTIF(");
  g_autoptr(GString) cached = g_string_new (NULL);
  lxw_format *format;

  if (sheet == NULL || checks == NULL || rows->n == 0)
    return;
  verdicts = sheet_range (name, rows->first, COL_VERDICT, rows->last, COL_VERDICT);
  /* Translators: on the first sheet of the treasurer's workbook; %s is the name of the sheet of checks */
  all_ok = g_strdup_printf (_("Every check adds up (sheet %s)."), name);
  /* Translators: on the first sheet of the treasurer's workbook, before the list of checks that fail;
   * %s is the name of the sheet of checks */
  some_fail = g_strdup_printf (_("Does not add up (see sheet %s): "), name);

  g_string_append_printf (formula, "%s,", verdicts);
  append_string_constant (formula, _("OK"));
  g_string_append_printf (formula, ")=%u,", rows->n);
  append_string_constant (formula, all_ok);
  g_string_append_c (formula, ',');
  append_string_constant (formula, some_fail);
  for (guint i = 0; i < rows->n; i++)
    {
      g_autofree char *verdict = sp_export_sheet_cell (name, rows->first + i, COL_VERDICT);
      g_autofree char *label = sp_export_sheet_cell (name, rows->first + i, COL_LABEL);
      g_autofree char *year = sp_export_sheet_cell (name, rows->first + i, COL_YEAR);

      g_string_append_printf (formula, "&IF(%s<>", verdict);
      append_string_constant (formula, _("OK"));
      g_string_append_printf (formula, ",%s&\" \"&%s&\"; \",\"\")", label, year);
    }
  g_string_append_c (formula, ')');

  if (sp_budget_checks_count_failed (checks) == 0)
    g_string_assign (cached, all_ok);
  else
    {
      g_string_assign (cached, some_fail);
      for (guint i = 0; i < checks->checks->len; i++)
        {
          const SpBudgetCheck *check = g_ptr_array_index (checks->checks, i);

          if (!check->passed)
            g_string_append_printf (cached, "%s %d; ", check->label, check->year);
        }
    }

  format = workbook_add_format (book->workbook);
  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_bold (format);
  if (sp_budget_checks_count_failed (checks) > 0)
    format_set_font_color (format, 0xC00000);
  format_set_text_wrap (format);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  /* Over the width of the sheet's table (the name and three years), as
   * high as the text at export wraps to, so that it prints whole. */
  sp_export_check (book, worksheet_merge_range (sheet, row, 0, row, 3, "", format));
  sp_export_check (book, worksheet_write_formula_str (sheet, row, 0, formula->str, format, cached->str));
  worksheet_set_row (sheet, row, 15.0 * (double) (1 + g_utf8_strlen (cached->str, -1) / 70), NULL);
}
