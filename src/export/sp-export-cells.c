/* sp-export-cells.c: cell names, sums and cell writing: text always as text, amounts as numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "sp-export-private.h"

/* Excel's limit on the arguments of one function. */
#define MAX_SUM_ARGS 200

static double
money_value (SpMoney amount)
{
  /* Whole kronor are exact; öre become the nearest double, which Excel
   * shows exactly with two decimals. */
  return (double) (amount / SP_MONEY_ORE_PER_KR) +
         (double) (amount % SP_MONEY_ORE_PER_KR) / (double) SP_MONEY_ORE_PER_KR;
}

SpMoney
sp_export_money_add (SpMoney sum,
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
void
sp_export_cell_name (char     *buffer,
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
char *
sp_export_sheet_cell (const char *sheet,
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
  sp_export_cell_name (cell, sizeof cell, row, col, TRUE);
  g_string_append (quoted, cell);
  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* "=SUM(C10,C15,…)" of the cells in @rows of @col, nested when long. */
char *
sp_export_sum_of_rows (GArray    *rows,
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
      sp_export_cell_name (cell, sizeof cell, g_array_index (rows, lxw_row_t, i), col, FALSE);
      g_string_append (formula, cell);
    }
  if (rows->len > MAX_SUM_ARGS)
    g_string_append_c (formula, ')');
  g_string_append_c (formula, ')');
  return g_string_free (formula, FALSE);
}

char *
sp_export_sum_of_range (lxw_row_t first,
                        lxw_row_t last,
                        lxw_col_t col)
{
  char a[32], b[32];

  sp_export_cell_name (a, sizeof a, first, col, FALSE);
  sp_export_cell_name (b, sizeof b, last, col, FALSE);
  return g_strdup_printf ("=SUM(%s:%s)", a, b);
}

/* ---- Writing cells ------------------------------------------------------ */

void
sp_export_check (Book      *book,
                 lxw_error  error)
{
  if (error != LXW_NO_ERROR && book->error == LXW_NO_ERROR)
    book->error = error;
}

/* The length of @text as Excel counts it: in UTF-16 units. The end of the
 * first @max units is put in @cut. */
static gsize
excel_length (const char  *text,
              gsize        max,
              const char **cut)
{
  gsize n = 0;
  const char *p;

  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize units = g_utf8_get_char (p) > 0xffff ? 2 : 1;

      if (cut != NULL && n + units > max)
        break;
      n += units;
    }
  if (cut != NULL)
    *cut = p;
  return n;
}

/* A text over Excel's limit: its beginning and a note in the cell, and a
 * warning naming the sheet and the cell, once per export. */
static char *
cut_text (Book          *book,
          lxw_worksheet *sheet,
          lxw_row_t      row,
          lxw_col_t      col,
          const char    *text)
{
  /* Translators: ends a text cut to fit an Excel cell, in the workbook itself */
  const char *note = _("[The text is cut here: it is longer than the 32 767 characters an Excel cell holds. "
                       "The whole text is in Samplan.]");
  const char *end = NULL;
  g_autofree char *start = NULL;
  char cell[32];

  excel_length (text, SP_EXPORT_CELL_MAX_CHARS - excel_length (note, G_MAXSIZE, NULL) - 2, &end);
  sp_export_cell_name (cell, sizeof cell, row, col, FALSE);
  if (book->warnings != NULL)
    {
      const char *start_end = NULL;
      g_autofree char *warning = NULL;

      excel_length (text, 40, &start_end);
      start = g_strndup (text, start_end - text);
      g_strchomp (g_strdelimit (start, "\n\t", ' '));
      /* Translators: a warning after an export; the first %s is a sheet name, the second
       * a cell ("C12"), the third the first 40 characters of the text */
      warning = g_strdup_printf (_("Sheet “%s”, cell %s: the text that begins “%s…” is longer than the "
                                   "32 767 characters an Excel cell holds. The cell shows its beginning and "
                                   "says that it is cut; the rest of the workbook is complete."),
                                 sheet->name, cell, start);
      if (!g_ptr_array_find_with_equal_func (book->warnings, warning, g_str_equal, NULL))
        g_ptr_array_add (book->warnings, g_steal_pointer (&warning));
    }
  return g_strdup_printf ("%.*s\n\n%s", (int) (end - text), text, note);
}

/* Text is always a string cell, never a formula, whatever it starts with. A
 * text longer than an Excel cell holds is cut, with a note (cut_text()). */
void
sp_export_put_text (Book          *book,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text,
                    lxw_format    *format)
{
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;

  if (text == NULL || text[0] == '\0')
    {
      if (format != NULL)
        sp_export_check (book, worksheet_write_blank (sheet, row, col, format));
      return;
    }
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  if (strlen (text) > SP_EXPORT_CELL_MAX_CHARS && excel_length (text, G_MAXSIZE, NULL) > SP_EXPORT_CELL_MAX_CHARS)
    text = cut = cut_text (book, sheet, row, col, text);
  sp_export_check (book, worksheet_write_string (sheet, row, col, text, format));
}

void
sp_export_put_money (Book          *book,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     SpMoney        amount,
                     lxw_format    *format)
{
  if (amount == SP_MONEY_NOT_SET)
    sp_export_check (book, worksheet_write_blank (sheet, row, col, format));
  else
    sp_export_check (book, worksheet_write_number (sheet, row, col, money_value (amount), format));
}

void
sp_export_put_number (Book          *book,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      double         value,
                      lxw_format    *format)
{
  sp_export_check (book, worksheet_write_number (sheet, row, col, value, format));
}

void
sp_export_put_formula (Book          *book,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       const char    *formula,
                       double         cached,
                       lxw_format    *format)
{
  sp_export_check (book, worksheet_write_formula_num (sheet, row, col, formula, format, cached));
}

void
sp_export_put_money_formula (Book          *book,
                             lxw_worksheet *sheet,
                             lxw_row_t      row,
                             lxw_col_t      col,
                             const char    *formula,
                             SpMoney        cached,
                             lxw_format    *format)
{
  sp_export_put_formula (book, sheet, row, col, formula, money_value (cached), format);
}

void
sp_export_put_date (Book          *book,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text)
{
  lxw_datetime datetime;

  if (parse_date (text, &datetime))
    sp_export_check (book, worksheet_write_datetime (sheet, row, col, &datetime, book->date));
  else
    sp_export_put_text (book, sheet, row, col, text, book->text);
}

void
sp_export_put_percent (Book          *book,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       int            hundredths)
{
  sp_export_put_number (book, sheet, row, col, hundredths / (double) SP_SHARE_WHOLE,
                        hundredths % 100 == 0 ? book->percent : book->percent_fine);
}

void
sp_export_put_head (Book          *book,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    const char    *text,
                    gboolean       right)
{
  sp_export_put_text (book, sheet, row, col, text, right ? book->head_right : book->head);
}

/* How many lines @text takes wrapped in a column @width characters wide:
 * spreadsheet programs do not grow a row for wrapped text by themselves.
 * A column @width digits wide holds some 10 % more letters than that, in
 * Calibri as in the wider fonts that stand in for it (the width is counted
 * in the font's own digits), but words do not fill their lines: a line is
 * reckoned at four fifths of the width. A line break in @text starts a line
 * of its own. */
guint
sp_export_wrapped_lines (const char *text,
                         guint       width)
{
  guint per_line = MAX (1, width * 4 / 5);
  guint lines = 0;
  const char *p = text != NULL ? text : "";

  for (;;)
    {
      const char *end = strchr (p, '\n');
      glong n = end != NULL ? g_utf8_strlen (p, end - p) : g_utf8_strlen (p, -1);

      lines += MAX (1, (guint) ((n + per_line - 1) / per_line));
      if (end == NULL)
        break;
      p = end + 1;
    }
  return lines;
}
