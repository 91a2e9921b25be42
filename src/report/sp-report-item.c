/* sp-report-item.c: SpReportItem, one item of the document's column (a line
 * of a paragraph, a table row, a rule, space, a line of the contents) and
 * how it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-report-private.h"

SpReportItem *
sp_report_item_new (SpReportItemKind kind,
                    double           height)
{
  SpReportItem *item = g_new0 (SpReportItem, 1);

  item->kind = kind;
  item->height = height;
  item->chapter = -1;
  item->toc_chapter = -1;
  return item;
}

void
sp_report_item_free (SpReportItem *item)
{
  g_clear_object (&item->layout);
  g_clear_object (&item->marker);
  for (guint i = 0; i < item->n_cells; i++)
    g_clear_object (&item->cells[i]);
  g_free (item->cells);
  g_free (item->cell_x);
  g_free (item);
}

int
sp_report_item_get_chapter (const SpReportItem *item)
{
  return item->chapter;
}

/* ---- Drawing ----------------------------------------------------------- */

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   line_width)
{
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_row (const SpReportItem *item,
          cairo_t            *cr,
          double              y)
{
  if (item->style == SP_REPORT_ROW_HEADER)
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.90, 0.91, 0.93);
      cairo_rectangle (cr, item->x, y, item->width, item->height);
      cairo_fill (cr);
      cairo_restore (cr);
      draw_rule (cr, item->x, y + item->height, item->width, 0.6);
    }
  else if (item->style == SP_REPORT_ROW_SUBTOTAL)
    draw_rule (cr, item->x, y, item->width, 0.4);
  else if (item->style == SP_REPORT_ROW_TOTAL)
    draw_rule (cr, item->x, y, item->width, 0.9);

  for (guint i = 0; i < item->n_cells; i++)
    {
      cairo_move_to (cr, item->cell_x[i], y + SP_REPORT_CELL_PAD);
      pango_cairo_show_layout (cr, item->cells[i]);
    }
}

/* Draws @item with its top at @y; @chapter_pages numbers the contents. */
void
sp_report_item_draw (const SpReportItem *item,
                     cairo_t            *cr,
                     double              y,
                     const int          *chapter_pages)
{
  switch (item->kind)
    {
    case SP_REPORT_ITEM_LINE:
      for (guint k = 0; k <= SP_REPORT_MAX_INDENT; k++)
        if (item->quote_mask & (1u << k))
          {
            cairo_save (cr);
            cairo_set_source_rgb (cr, 0.72, 0.74, 0.78);
            cairo_rectangle (cr, SP_REPORT_BODY_LEFT + k * SP_REPORT_INDENT + 3, y, 2.5, item->height);
            cairo_fill (cr);
            cairo_restore (cr);
          }
      if (item->marker != NULL)
        {
          PangoRectangle logical;
          double marker_baseline = (double) pango_layout_get_baseline (item->marker) / PANGO_SCALE;

          pango_layout_get_pixel_extents (item->marker, NULL, &logical);
          cairo_move_to (cr, MAX (item->x - logical.width - 5, SP_REPORT_BODY_LEFT),
                         y + item->baseline - marker_baseline);
          pango_cairo_show_layout (cr, item->marker);
        }
      cairo_move_to (cr, item->x + item->line_x, y + item->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (item->layout, item->line));
      break;

    case SP_REPORT_ITEM_ROW:
      draw_row (item, cr, y);
      break;

    case SP_REPORT_ITEM_RULE:
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      draw_rule (cr, item->x, y + item->height / 2, item->width, 0.6);
      cairo_restore (cr);
      break;

    case SP_REPORT_ITEM_TOC:
      {
        g_autofree char *number = g_strdup_printf ("%d", chapter_pages[item->toc_chapter] + 1);
        g_autoptr(PangoLayout) layout = pango_layout_new (pango_layout_get_context (item->layout));
        int width;

        pango_layout_set_font_description (layout, pango_layout_get_font_description (item->layout));
        pango_layout_set_text (layout, number, -1);
        pango_layout_get_size (layout, &width, NULL);
        cairo_move_to (cr, item->x, y);
        pango_cairo_show_layout (cr, item->layout);
        cairo_move_to (cr, SP_REPORT_BODY_LEFT + SP_REPORT_BODY_WIDTH - (double) width / PANGO_SCALE, y);
        pango_cairo_show_layout (cr, layout);
      }
      break;

    case SP_REPORT_ITEM_SPACE:
    default:
      break;
    }
}
