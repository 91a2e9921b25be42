/* sp-report-table.c: a table of the document: columns fitted to their
 * content, a header repeated on each page, cells that wrap inside their column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-report-private.h"

/* Room between two columns, in points; down to the least where the
 * columns would otherwise not fit their amounts. */
#define COLUMN_GAP 10.0
#define MIN_COLUMN_GAP 4.0
/* The indent of one level in a table's first column, in points. */
#define ROW_INDENT 8.0
/* The most a column may claim for its widest cell or word. */
#define MAX_FIT_SHARE 0.3
/* The least share of the width the wrapped columns keep together. */
#define MIN_WRAP_SHARE 0.3

typedef struct {
  char             **cells;
  SpReportRowStyle   style;
  guint              indent;
} Row;

struct _SpReportTable {
  SpReportFlow        *flow;
  guint                n_columns;
  double              *weights;
  SpReportColumnKind  *kinds;
  double               font_size;
  double               gap;
  GPtrArray           *rows;
};

static void
row_free (Row *row)
{
  g_strfreev (row->cells);
  g_free (row);
}

static gboolean
row_is_bold (SpReportRowStyle style)
{
  return style == SP_REPORT_ROW_HEADER || style == SP_REPORT_ROW_GROUP || style == SP_REPORT_ROW_TOTAL;
}

static PangoLayout *
make_cell (SpReportTable *table,
           guint          column,
           const char    *text,
           gboolean       bold,
           double         width)
{
  PangoLayout *layout = pango_layout_new (sp_report_flow_get_context (table->flow));
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_size (font, (int) (table->font_size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (width, 8.0) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, table->kinds[column] == SP_REPORT_COLUMN_AMOUNT ? PANGO_ALIGN_RIGHT
                                                                                          : PANGO_ALIGN_LEFT);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
text_width (SpReportTable *table,
            guint          column,
            const char    *text,
            gboolean       bold)
{
  g_autoptr(PangoLayout) layout = make_cell (table, column, text, bold, 0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double) width / PANGO_SCALE;
}

/* The widest word of @text. */
static double
word_width (SpReportTable *table,
            guint          column,
            const char    *text,
            gboolean       bold)
{
  g_auto(GStrv) words = g_strsplit (text != NULL ? text : "", " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      widest = MAX (widest, text_width (table, column, words[i], bold));
  return widest;
}

/* Widths: a column that fits its content gets its widest cell (its head's
 * widest word at least), up to a share of the width; the wrapped columns
 * share the rest by their weights, each its widest word when there is room. */
static void
fit_columns (SpReportTable *table,
             double        *widths)
{
  g_autofree double *least = g_new0 (double, table->n_columns);
  double room = SP_REPORT_BODY_WIDTH - COLUMN_GAP * (table->n_columns - 1);
  double rest, weights = 0, wanted = 0;

  /* What each column needs at least. */
  for (guint c = 0; c < table->n_columns; c++)
    {
      for (guint r = 0; r < table->rows->len; r++)
        {
          Row *row = g_ptr_array_index (table->rows, r);
          gboolean bold = row_is_bold (row->style);
          const char *text = row->cells[c];
          double indent = c == 0 ? MIN (row->indent, 4) * ROW_INDENT : 0;

          if (table->kinds[c] != SP_REPORT_COLUMN_WRAP && row->style != SP_REPORT_ROW_HEADER)
            least[c] = MAX (least[c], text_width (table, c, text, bold) + 1);
          else
            least[c] = MAX (least[c], word_width (table, c, text, bold) + indent + 1);
        }
    }
  /* Narrower gaps before any amount wraps. */
  table->gap = COLUMN_GAP;
  if (table->n_columns > 1)
    {
      double fitted = 0, wrapped = 0;

      for (guint c = 0; c < table->n_columns; c++)
        if (table->kinds[c] != SP_REPORT_COLUMN_WRAP)
          fitted += MIN (least[c], room * MAX_FIT_SHARE);
        else
          wrapped += MIN (least[c], room * MAX_FIT_SHARE);
      wrapped = MIN (wrapped, room * MIN_WRAP_SHARE);
      if (fitted + wrapped > room)
        {
          table->gap = MAX ((SP_REPORT_BODY_WIDTH - fitted - wrapped) / (table->n_columns - 1), MIN_COLUMN_GAP);
          room = SP_REPORT_BODY_WIDTH - table->gap * (table->n_columns - 1);
        }
    }
  rest = room;
  for (guint c = 0; c < table->n_columns; c++)
    {
      /* A word longer than that (a name without spaces) is broken instead. */
      least[c] = MIN (least[c], room * MAX_FIT_SHARE);
      if (table->kinds[c] != SP_REPORT_COLUMN_WRAP)
        {
          widths[c] = least[c];
          rest -= widths[c];
        }
      else
        weights += table->weights[c];
    }

  /* The wrapped columns keep room for their widest words, up to a share of
   * the width: the fitted ones give it up (and wrap) when they must. */
  {
    double wrap_least = 0, fitted = room - rest;

    for (guint c = 0; c < table->n_columns; c++)
      if (table->kinds[c] == SP_REPORT_COLUMN_WRAP)
        wrap_least += least[c];
    wrap_least = MIN (wrap_least, room * MIN_WRAP_SHARE);
    if (weights > 0 && rest < wrap_least && fitted > 0)
      {
        double scale = MAX (room - wrap_least, 0) / fitted;

        for (guint c = 0; c < table->n_columns; c++)
          if (table->kinds[c] != SP_REPORT_COLUMN_WRAP)
            widths[c] *= scale;
        rest = wrap_least;
      }
  }

  for (guint c = 0; c < table->n_columns; c++)
    if (table->kinds[c] == SP_REPORT_COLUMN_WRAP)
      {
        widths[c] = MAX (rest * table->weights[c] / MAX (weights, 1e-6), least[c]);
        wanted += widths[c];
      }
  /* Too wide: the wrapped columns give back what they have above their
   * least, then all alike. */
  if (wanted > rest)
    {
      double above = 0, excess = wanted - rest;

      for (guint c = 0; c < table->n_columns; c++)
        if (table->kinds[c] == SP_REPORT_COLUMN_WRAP && widths[c] > least[c])
          above += widths[c] - least[c];
      for (guint c = 0; c < table->n_columns; c++)
        if (table->kinds[c] == SP_REPORT_COLUMN_WRAP && widths[c] > least[c] && above > 0)
          widths[c] -= MIN (excess, above) * (widths[c] - least[c]) / above;
      wanted = 0;
      for (guint c = 0; c < table->n_columns; c++)
        if (table->kinds[c] == SP_REPORT_COLUMN_WRAP)
          wanted += widths[c];
      if (wanted > rest && wanted > 0)
        for (guint c = 0; c < table->n_columns; c++)
          if (table->kinds[c] == SP_REPORT_COLUMN_WRAP)
            widths[c] *= MAX (rest, 0) / wanted;
    }
}

/**
 * sp_report_table_new:
 * @flow: the flow the rows go to
 * @n_columns: how many columns
 * @weights: each wrapped column's share of the width left by the others
 * @kinds: how each column is fitted and aligned
 * @font_size: the size of its text, in points
 *
 * Returns: (transfer full): a table; sp_report_table_end() adds it to @flow
 */
SpReportTable *
sp_report_table_new (SpReportFlow             *flow,
                     guint                     n_columns,
                     const double             *weights,
                     const SpReportColumnKind *kinds,
                     double                    font_size)
{
  SpReportTable *table = g_new0 (SpReportTable, 1);

  table->flow = flow;
  table->n_columns = n_columns;
  table->weights = g_memdup2 (weights, sizeof (double) * n_columns);
  table->kinds = g_memdup2 (kinds, sizeof (SpReportColumnKind) * n_columns);
  table->font_size = font_size;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  return table;
}

/* The header row: repeated at the top of every page the table continues on. */
void
sp_report_table_add_header (SpReportTable      *table,
                            const char * const *cells)
{
  sp_report_table_add_row (table, cells, SP_REPORT_ROW_HEADER, 0);
}

/* A row; @indent indents its first cell (an area under its group). */
void
sp_report_table_add_row (SpReportTable      *table,
                         const char * const *cells,
                         SpReportRowStyle    style,
                         guint               indent)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint c = 0; c < table->n_columns; c++)
    row->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  row->style = style;
  row->indent = indent;
  g_ptr_array_add (table->rows, row);
}

/* Fits the columns, adds the rows to the flow and frees @table. */
void
sp_report_table_end (SpReportTable *table)
{
  g_autofree double *widths = g_new0 (double, table->n_columns);
  g_autofree double *x = g_new0 (double, table->n_columns);
  const SpReportItem *header = NULL;
  double left = SP_REPORT_BODY_LEFT;

  fit_columns (table, widths);
  for (guint c = 0; c < table->n_columns; c++)
    {
      x[c] = left;
      left += widths[c] + table->gap;
    }

  sp_report_flow_keep_last_line (table->flow);
  sp_report_flow_add_space (table->flow, 4);
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = g_ptr_array_index (table->rows, r);
      g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
      g_autofree double *cell_x = g_memdup2 (x, sizeof (double) * table->n_columns);
      const SpReportItem *item;

      for (guint c = 0; c < table->n_columns; c++)
        {
          double indent = c == 0 ? MIN (row->indent, 4) * ROW_INDENT : 0;

          layouts[c] = make_cell (table, c, row->cells[c], row_is_bold (row->style), widths[c] - indent);
          cell_x[c] += indent;
        }
      item = sp_report_flow_add_row (table->flow, table->n_columns, layouts, cell_x, widths, row->style,
                                     row->style == SP_REPORT_ROW_HEADER ? NULL : header);
      if (row->style == SP_REPORT_ROW_HEADER)
        header = item;
    }
  sp_report_flow_add_space (table->flow, 10);
  sp_report_table_free (table);
}

void
sp_report_table_free (SpReportTable *table)
{
  g_free (table->weights);
  g_free (table->kinds);
  g_ptr_array_unref (table->rows);
  g_free (table);
}
