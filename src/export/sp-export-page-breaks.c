/* sp-export-page-breaks.c: where a long sheet's printed pages end, never right under a heading
 *
 * Excel has no "keep with next" for rows, and a sheet fitted to the page's
 * width ignores the page breaks written into it. A sheet with headings (the
 * budget's groups and areas) is therefore printed at a fixed scale, worked
 * out here from its column widths as "fit to one page wide" would, and
 * carries its own page breaks, placed from an estimate of how much of the
 * sheet a page holds: where a page would end on a heading, it ends above the
 * heading instead, and the heading goes over with its lines.
 *
 * The estimate errs on the short side (a page is planned a little shorter
 * than the spreadsheet program will make it), so that the program never
 * breaks a page of its own before ours: a page of ours may end a few rows
 * early, never late.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-export-private.h"

/* A4 in inches, and the margins sp_export_setup_page () sets. */
#define PAPER_LONG_SIDE   11.69
#define PAPER_SHORT_SIDE   8.27
#define MARGIN_LEFT_RIGHT  0.5
#define MARGIN_TOP_BOTTOM  0.75

/* Excel's default row (Calibri 11) and column (8.43 characters). */
#define DEFAULT_ROW_POINTS 15.0
#define DEFAULT_COLUMN_CHARS 8.43

/* How much of a page's height the plan uses: the rest is the margin of
 * error between this estimate and the program's own layout. */
#define PAGE_USE 0.92

struct _PageBreaks {
  GArray *row_points;  /* double: a row's height, 0 for the default */
  GArray *keep;        /* gboolean: the row is a heading, kept with the next */
  GArray *col_chars;   /* double: a column's width in characters, 0 for the default */
};

PageBreaks *
sp_export_page_breaks_new (void)
{
  PageBreaks *self = g_new0 (PageBreaks, 1);

  self->row_points = g_array_new (FALSE, TRUE, sizeof (double));
  self->keep = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->col_chars = g_array_new (FALSE, TRUE, sizeof (double));
  return self;
}

void
sp_export_page_breaks_free (PageBreaks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->row_points);
  g_array_unref (self->keep);
  g_array_unref (self->col_chars);
  g_free (self);
}

static void
grow (GArray *array,
      guint   n)
{
  if (array->len < n)
    g_array_set_size (array, n);
}

void
sp_export_page_breaks_set_column (PageBreaks    *self,
                                  Book          *book,
                                  lxw_worksheet *sheet,
                                  lxw_col_t      first,
                                  lxw_col_t      last,
                                  double         chars)
{
  sp_export_check (book, worksheet_set_column (sheet, first, last, chars, NULL));
  grow (self->col_chars, (guint) last + 1);
  for (lxw_col_t c = first; c <= last; c++)
    g_array_index (self->col_chars, double, c) = chars;
}

void
sp_export_page_breaks_set_lines (PageBreaks    *self,
                                 Book          *book,
                                 lxw_worksheet *sheet,
                                 lxw_row_t      row,
                                 guint          lines)
{
  double points = DEFAULT_ROW_POINTS * MAX (lines, 1);

  /* A row as high as its wrapped text, the same in every program (some
   * fit a row's height to its text when they open the file, some do not). */
  sp_export_check (book, worksheet_set_row (sheet, row, points, NULL));
  grow (self->row_points, (guint) row + 1);
  g_array_index (self->row_points, double, row) = points;
}

void
sp_export_page_breaks_keep_with_next (PageBreaks *self,
                                      lxw_row_t   row)
{
  grow (self->keep, (guint) row + 1);
  g_array_index (self->keep, gboolean, row) = TRUE;
}

static double
row_points (const PageBreaks *self,
            lxw_row_t         row)
{
  double points = row < self->row_points->len ? g_array_index (self->row_points, double, row) : 0;

  return points > 0 ? points : DEFAULT_ROW_POINTS;
}

static gboolean
keeps_with_next (const PageBreaks *self,
                 lxw_row_t         row)
{
  return row < self->keep->len && g_array_index (self->keep, gboolean, row);
}

/* A column's printed width in points. Excel draws a width of w characters
 * as w digits of 7 pixels and 5 pixels of padding, at 96 pixels an inch;
 * LibreOffice and gnumeric measure the same width in the digits of the
 * font itself (Calibri's or Carlito's, 5.58 points at 11 points), which
 * comes out some 6 % wider. The wider reckoning is taken, so that the sheet
 * is one page wide in all three. */
static double
column_points (const PageBreaks *self,
               lxw_col_t         col)
{
  double chars = col < self->col_chars->len ? g_array_index (self->col_chars, double, col) : 0;

  if (chars <= 0)
    chars = DEFAULT_COLUMN_CHARS;
  return MAX ((chars * 7 + 5) * 72.0 / 96.0, (chars + 5.0 / 7.0) * 5.58);
}

/* The print scale in per cent that makes columns 0–@last_col one page wide. */
static guint
scale (const PageBreaks *self,
       lxw_col_t         last_col,
       gboolean          landscape)
{
  double printable = ((landscape ? PAPER_LONG_SIDE : PAPER_SHORT_SIDE) - 2 * MARGIN_LEFT_RIGHT) * 72.0;
  double width = 0;
  double percent;

  for (lxw_col_t c = 0; c <= last_col; c++)
    width += column_points (self, c);
  /* Whole percent, rounded down as "fit to one page wide" does; never
   * larger than life, never smaller than Excel allows. */
  percent = floor (100.0 * printable / width);
  return (guint) CLAMP (percent, 10.0, 100.0);
}

/* Where the pages of rows 0–@last_row end at @percent, the rows that
 * begin a page. */
static GArray *
plan (const PageBreaks *self,
      lxw_row_t         last_row,
      guint             percent,
      gboolean          landscape,
      int               head_row)
{
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  double factor = percent / 100.0;
  /* The body's height on paper, in the sheet's own points. */
  double page = ((landscape ? PAPER_SHORT_SIDE : PAPER_LONG_SIDE) - 2 * MARGIN_TOP_BOTTOM) * 72.0
                * PAGE_USE / factor;
  double head = head_row >= 0 ? row_points (self, (lxw_row_t) head_row) : 0;
  lxw_row_t first = 0;  /* the page's first row of its own */
  double used = 0;

  for (lxw_row_t row = 0; row <= last_row; row++)
    {
      double height = row_points (self, row);
      lxw_row_t start;

      if (used + height <= page || row == first)
        {
          used += height;
          continue;
        }
      /* The page is full before @row: it ends above the headings that
       * would stand at its foot, unless they are all it holds. */
      start = row;
      while (start > first + 1 && keeps_with_next (self, start - 1))
        start--;
      if (breaks->len >= LXW_BREAKS_MAX)
        break;
      g_array_append_val (breaks, start);
      first = start;
      /* The new page repeats the head row, then carries on from @start. */
      used = head;
      for (lxw_row_t r = start; r <= row; r++)
        used += row_points (self, r);
    }
  return breaks;
}

void
sp_export_page_breaks_apply (PageBreaks    *self,
                             Book          *book,
                             lxw_worksheet *sheet,
                             gboolean       landscape,
                             int            head_row)
{
  g_autoptr(GArray) breaks = NULL;
  guint percent;

  if (sheet->dim_rowmin == LXW_ROW_MAX || sheet->dim_colmin == LXW_COL_MAX)
    return;  /* an empty sheet: nothing to break */
  percent = scale (self, sheet->dim_colmax, landscape);
  breaks = plan (self, sheet->dim_rowmax, percent, landscape, head_row);
  /* Instead of "fit to one page wide", which would ignore the breaks. */
  worksheet_set_print_scale (sheet, (uint16_t) percent);
  if (breaks->len > 0)
    {
      lxw_row_t zero = 0;

      g_array_append_val (breaks, zero);
      sp_export_check (book, worksheet_set_h_pagebreaks (sheet, (lxw_row_t *) breaks->data));
    }
}
