/* sp-report-flow.c: SpReportFlow, the document as one column of items
 * (lines, table rows, rules, space), broken into pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-report-private.h"

struct _SpReportFlow {
  PangoContext *context;
  GPtrArray    *items;
  GPtrArray    *chapters;
};

/* ---- Helpers ----------------------------------------------------------- */

static SpReportItem *
item_new (SpReportFlow     *flow,
          SpReportItemKind  kind,
          double            height)
{
  SpReportItem *item = sp_report_item_new (kind, height);

  g_ptr_array_add (flow->items, item);
  return item;
}

static const char *
style_font (SpReportTextStyle style)
{
  switch (style)
    {
    case SP_REPORT_TEXT_CHAPTER:
      return "Sans Bold 17";
    case SP_REPORT_TEXT_HEADING_1:
      return "Sans Bold 13";
    case SP_REPORT_TEXT_HEADING_2:
      return "Sans Bold 11.5";
    case SP_REPORT_TEXT_HEADING_3:
      return "Sans Bold Italic 10.5";
    case SP_REPORT_TEXT_CODE:
      return "Monospace 9";
    case SP_REPORT_TEXT_NOTE:
      return "Sans 8.5";
    case SP_REPORT_TEXT_BODY:
    default:
      return "Sans 10";
    }
}

/* Space before and after a paragraph of a style, in points. */
static void
style_space (SpReportTextStyle  style,
             double            *before,
             double            *after)
{
  switch (style)
    {
    case SP_REPORT_TEXT_CHAPTER:
      *before = 20;
      *after = 10;
      break;
    case SP_REPORT_TEXT_HEADING_1:
      *before = 12;
      *after = 5;
      break;
    case SP_REPORT_TEXT_HEADING_2:
    case SP_REPORT_TEXT_HEADING_3:
      *before = 9;
      *after = 4;
      break;
    case SP_REPORT_TEXT_NOTE:
      *before = 0;
      *after = 4;
      break;
    case SP_REPORT_TEXT_CODE:
    case SP_REPORT_TEXT_BODY:
    default:
      *before = 0;
      *after = 6;
      break;
    }
}

static gboolean
style_is_heading (SpReportTextStyle style)
{
  return style == SP_REPORT_TEXT_CHAPTER || style == SP_REPORT_TEXT_HEADING_1 ||
         style == SP_REPORT_TEXT_HEADING_2 || style == SP_REPORT_TEXT_HEADING_3;
}

static double
indent_x (guint indent)
{
  return SP_REPORT_BODY_LEFT + MIN (indent, SP_REPORT_MAX_INDENT) * SP_REPORT_INDENT;
}

/* Adds the lines of @layout at @x; returns the first line's item. */
static SpReportItem *
add_layout_lines (SpReportFlow *flow,
                  PangoLayout  *layout,
                  double        x,
                  gboolean      keep_together)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  SpReportItem *first = NULL;
  int n = 0;

  do
    {
      int y0, y1;
      PangoRectangle logical;
      SpReportItem *item;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      item = item_new (flow, SP_REPORT_ITEM_LINE, (double) (y1 - y0) / PANGO_SCALE);
      item->layout = g_object_ref (layout);
      item->line = n++;
      item->x = x;
      item->line_x = (double) logical.x / PANGO_SCALE;
      item->baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      item->keep_with_next = keep_together;
      if (first == NULL)
        first = item;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  if (keep_together)
    {
      /* The last line of a heading keeps with what follows; so does every other. */
      SpReportItem *last = g_ptr_array_index (flow->items, flow->items->len - 1);
      last->keep_with_next = TRUE;
    }
  return first;
}

/* ---- The flow ---------------------------------------------------------- */

SpReportFlow *
sp_report_flow_new (PangoContext *context)
{
  SpReportFlow *flow = g_new0 (SpReportFlow, 1);

  flow->context = g_object_ref (context);
  flow->items = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_report_item_free);
  flow->chapters = g_ptr_array_new_with_free_func (g_free);
  return flow;
}

void
sp_report_flow_free (SpReportFlow *flow)
{
  g_clear_object (&flow->context);
  g_clear_pointer (&flow->items, g_ptr_array_unref);
  g_clear_pointer (&flow->chapters, g_ptr_array_unref);
  g_free (flow);
}

PangoContext *
sp_report_flow_get_context (SpReportFlow *flow)
{
  return flow->context;
}

/* A layout of @markup (Pango markup; shown as plain text when it is not
 * valid markup) in a style, wrapped at @width points, words broken
 * anywhere when one alone is wider. */
PangoLayout *
sp_report_flow_make_layout (SpReportFlow      *flow,
                            const char        *markup,
                            SpReportTextStyle  style,
                            double             width)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  PangoFontDescription *font = pango_font_description_from_string (style_font (style));

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (MAX (width, 10.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (style != SP_REPORT_TEXT_CODE)
    pango_layout_set_line_spacing (layout, 1.15);
  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_markup (layout, markup, -1);
  else
    pango_layout_set_text (layout, markup, -1);
  return layout;
}

/* A paragraph: @markup in @style, indented @indent levels, with the quote
 * bars of @quote_mask, and @marker (a bullet or "1.") before its first
 * line when not NULL. Headings keep with what follows them. */
void
sp_report_flow_add_text (SpReportFlow      *flow,
                         const char        *markup,
                         SpReportTextStyle  style,
                         guint              indent,
                         guint              quote_mask,
                         const char        *marker)
{
  double x = indent_x (indent);
  double before, after;
  gboolean heading = style_is_heading (style);
  g_autoptr(PangoLayout) layout = NULL;
  SpReportItem *first;
  guint from = flow->items->len;

  /* A note right under a heading is its subtitle (the period, the unit):
   * it keeps with what follows too, so that the heading keeps with the
   * first of its content, not only with the subtitle. */
  if (style == SP_REPORT_TEXT_NOTE && from > 0 && ((SpReportItem *) g_ptr_array_index (flow->items, from - 1))->keep_with_next)
    heading = TRUE;
  style_space (style, &before, &after);
  if (before > 0)
    sp_report_flow_add_space (flow, before);
  layout = sp_report_flow_make_layout (flow, markup, style, SP_REPORT_BODY_LEFT + SP_REPORT_BODY_WIDTH - x);
  first = add_layout_lines (flow, layout, x, heading);
  for (guint i = from; i < flow->items->len; i++)
    {
      SpReportItem *item = g_ptr_array_index (flow->items, i);
      if (item->kind == SP_REPORT_ITEM_LINE)
        item->quote_mask = quote_mask;
    }
  if (marker != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (marker, -1);
      first->marker = sp_report_flow_make_layout (flow, escaped, style, SP_REPORT_INDENT * 2);
      pango_layout_set_wrap (first->marker, PANGO_WRAP_CHAR);
    }
  if (after > 0)
    {
      sp_report_flow_add_space (flow, after);
      if (heading)
        ((SpReportItem *) g_ptr_array_index (flow->items, flow->items->len - 1))->keep_with_next = TRUE;
    }
}

/* Plain text: each line of @text a paragraph, nothing in it read as markup. */
void
sp_report_flow_add_plain (SpReportFlow      *flow,
                          const char        *text,
                          SpReportTextStyle  style,
                          guint              indent)
{
  g_auto(GStrv) paragraphs = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = NULL;

      if (g_strstrip (paragraphs[i])[0] == '\0')
        continue;
      escaped = g_markup_escape_text (paragraphs[i], -1);
      sp_report_flow_add_text (flow, escaped, style, indent, 0, NULL);
    }
}

/* A chapter's title: in the contents and the outline. Returns its number. */
int
sp_report_flow_add_chapter (SpReportFlow *flow,
                            const char   *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  guint from = flow->items->len;
  int chapter = (int) flow->chapters->len;

  g_ptr_array_add (flow->chapters, g_strdup (title));
  sp_report_flow_add_text (flow, escaped, SP_REPORT_TEXT_CHAPTER, 0, 0, NULL);
  for (guint i = from; i < flow->items->len; i++)
    {
      SpReportItem *item = g_ptr_array_index (flow->items, i);
      if (item->kind == SP_REPORT_ITEM_LINE)
        {
          item->chapter = chapter;
          break;
        }
    }
  return chapter;
}

void
sp_report_flow_add_space (SpReportFlow *flow,
                          double        height)
{
  item_new (flow, SP_REPORT_ITEM_SPACE, height);
}

void
sp_report_flow_add_rule (SpReportFlow *flow,
                         guint         indent)
{
  SpReportItem *item = item_new (flow, SP_REPORT_ITEM_RULE, 12);

  item->x = indent_x (indent);
  item->width = SP_REPORT_BODY_LEFT + SP_REPORT_BODY_WIDTH - item->x;
}

/* A line of the contents: @title, and the page where @chapter starts. */
void
sp_report_flow_add_toc_entry (SpReportFlow *flow,
                              const char   *title,
                              int           chapter)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  PangoLayout *layout = sp_report_flow_make_layout (flow, escaped, SP_REPORT_TEXT_BODY, SP_REPORT_BODY_WIDTH - 48);
  int height;
  SpReportItem *item;

  pango_layout_get_size (layout, NULL, &height);
  item = item_new (flow, SP_REPORT_ITEM_TOC, (double) height / PANGO_SCALE + 6);
  item->layout = layout;
  item->x = SP_REPORT_BODY_LEFT;
  item->baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
  item->toc_chapter = chapter;
}

/* A table row of @n_cells laid-out cells (taken), each at its x. A row of a
 * table with a @header starts each page with that header again. */
SpReportItem *
sp_report_flow_add_row (SpReportFlow        *flow,
                        guint                n_cells,
                        PangoLayout        **cells,
                        const double        *x,
                        const double        *widths,
                        SpReportRowStyle     style,
                        const SpReportItem  *header)
{
  SpReportItem *item = item_new (flow, SP_REPORT_ITEM_ROW, 0);
  double height = 0;

  (void) widths;
  item->n_cells = n_cells;
  item->cells = g_new0 (PangoLayout *, n_cells);
  item->cell_x = g_new0 (double, n_cells);
  item->style = style;
  item->header = header;
  item->x = SP_REPORT_BODY_LEFT;
  item->width = SP_REPORT_BODY_WIDTH;
  for (guint i = 0; i < n_cells; i++)
    {
      int h;

      item->cells[i] = cells[i];
      item->cell_x[i] = x[i];
      pango_layout_get_size (cells[i], NULL, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
    }
  item->height = height + 2 * SP_REPORT_CELL_PAD;
  /* A header or a group's name is not left alone at the foot of a page. */
  item->keep_with_next = style == SP_REPORT_ROW_HEADER || style == SP_REPORT_ROW_GROUP;
  return item;
}

/* The last line so far, and the space after it, keep with what follows:
 * what stands right above a table (its subtitle, "belopp i kr", or the line
 * that introduces it) with the table's first rows; a bold line that heads a
 * list with the list's first item. */
void
sp_report_flow_keep_last_line (SpReportFlow *flow)
{
  for (guint i = flow->items->len; i > 0; i--)
    {
      SpReportItem *item = g_ptr_array_index (flow->items, i - 1);

      if (item->kind != SP_REPORT_ITEM_SPACE && item->kind != SP_REPORT_ITEM_LINE)
        return;
      item->keep_with_next = TRUE;
      if (item->kind == SP_REPORT_ITEM_LINE)
        return;
    }
}

guint
sp_report_flow_get_n_chapters (SpReportFlow *flow)
{
  return flow->chapters->len;
}

const char *
sp_report_flow_get_chapter (SpReportFlow *flow,
                            int           chapter)
{
  return g_ptr_array_index (flow->chapters, chapter);
}

/* ---- Pages ------------------------------------------------------------- */

static GArray *
new_page (GPtrArray *pages)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (SpReportPlacement));

  g_ptr_array_add (pages, page);
  return page;
}

static void
place (GArray             *page,
       const SpReportItem *item,
       double             *y)
{
  SpReportPlacement p = { item, *y };

  g_array_append_val (page, p);
  *y += item->height;
}

/* The height a table row needs at the top of a page: its header's too. */
static double
height_at_top (const SpReportItem *item)
{
  if (item->kind == SP_REPORT_ITEM_ROW && item->header != NULL && item->header != item)
    return item->height + item->header->height;
  return item->height;
}

/* The height of the chain of items that keep together from @i on (a
 * heading, its subtitle, a table's header, the space between them) and of
 * what they keep with: a table's first row, or the first two lines of a
 * paragraph. A heading never stands at the foot of a page with nothing of
 * its content under it. */
static double
keep_height (SpReportFlow *flow,
             guint         i)
{
  guint n = flow->items->len;
  double need = 0;
  const SpReportItem *next;

  while (i < n)
    {
      const SpReportItem *item = g_ptr_array_index (flow->items, i);

      if (!item->keep_with_next && item->kind != SP_REPORT_ITEM_SPACE)
        break;
      need += item->height;
      i++;
    }
  if (i >= n)
    return need;
  next = g_ptr_array_index (flow->items, i);
  need += next->height;
  if (next->kind == SP_REPORT_ITEM_LINE && i + 1 < n)
    {
      const SpReportItem *second = g_ptr_array_index (flow->items, i + 1);

      if (second->kind == SP_REPORT_ITEM_LINE && second->layout == next->layout)
        need += second->height;
    }
  return need;
}

/**
 * sp_report_flow_paginate:
 * @flow: the flow
 * @first_page: the number (from 0) of the flow's first page in the document
 * @chapter_pages: (out caller-allocates): the page of each chapter's title
 * @n_chapters: the length of @chapter_pages
 *
 * Breaks the flow into pages between SP_REPORT_BODY_TOP and
 * SP_REPORT_BODY_BOTTOM: a heading and the items it keeps with go to the
 * next page together; a table's header is repeated at the top of a page its
 * rows continue on; space is dropped at the top of a page.
 *
 * Returns: (transfer full) (element-type GArray): a GArray of
 *   #SpReportPlacement for each page
 */
GPtrArray *
sp_report_flow_paginate (SpReportFlow *flow,
                         guint         first_page,
                         int          *chapter_pages,
                         guint         n_chapters)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *page = new_page (pages);
  const double room = SP_REPORT_BODY_BOTTOM - SP_REPORT_BODY_TOP;
  double y = SP_REPORT_BODY_TOP;
  guint n = flow->items->len;

  for (guint i = 0; i < n; i++)
    {
      const SpReportItem *item = g_ptr_array_index (flow->items, i);
      double need = item->height;

      if (item->kind == SP_REPORT_ITEM_SPACE && page->len == 0)
        continue;

      if (item->keep_with_next)
        need = MIN (keep_height (flow, i), room);

      if (y + need > SP_REPORT_BODY_BOTTOM + 0.01 && page->len > 0)
        {
          page = new_page (pages);
          y = SP_REPORT_BODY_TOP;
          if (item->kind == SP_REPORT_ITEM_SPACE)
            continue;
        }
      if (page->len == 0 && height_at_top (item) != item->height)
        place (page, item->header, &y);
      if (item->chapter >= 0 && (guint) item->chapter < n_chapters)
        chapter_pages[item->chapter] = (int) (first_page + pages->len - 1);
      place (page, item, &y);
    }
  return pages;
}

