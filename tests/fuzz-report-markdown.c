/* fuzz-report-markdown.c: libFuzzer target for the plan document's layout of
 * a section's CommonMark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/meson.build builds it with clang (-fsanitize=fuzzer,address,undefined)
 * from this file, sp-report-markdown.c, -flow.c and -item.c, with libcmark,
 * pango and cairo; the suite 'fuzz' runs it for 20 s. For longer:
 *   meson compile -C _build fuzz-report-markdown
 *   mkdir -p _build/tests/fuzz-report-markdown-corpus
 *   _build/tests/fuzz-report-markdown -max_total_time=3600 \
 *     _build/tests/fuzz-report-markdown-corpus tests/fuzz/markdown
 *
 * Every input (any bytes: invalid UTF-8, NUL, deep nesting of lists, quotes
 * and emphasis) is laid out as a section's body, broken into pages and each
 * page drawn on a recording surface: no crash, no read out of bounds, no
 * endless loop (-timeout), bounded memory (-rss_limit_mb). Every page but
 * those whose only item is taller than a page keeps its items between the
 * body's top and bottom.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "sp-report-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PangoContext *context;

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpReportFlow *flow;
  GPtrArray *pages;
  int chapter_pages[1] = { 0 };

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }

  flow = sp_report_flow_new (context);
  sp_report_flow_add_chapter (flow, "Avsnitt");
  sp_report_markdown_add (flow, (const char *) data, size);
  pages = sp_report_flow_paginate (flow, 0, chapter_pages, 1);
  if (pages->len == 0)
    abort ();

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *placements = g_ptr_array_index (pages, p);
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);

      for (guint i = 0; i < placements->len; i++)
        {
          const SpReportPlacement *placement = &g_array_index (placements, SpReportPlacement, i);

          if (placement->y < SP_REPORT_BODY_TOP - 0.01 ||
              (placements->len > 1 && placement->y > SP_REPORT_BODY_BOTTOM + 0.01))
            abort ();
          sp_report_item_draw (placement->item, cr, placement->y, chapter_pages);
        }
      cairo_destroy (cr);
      if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
        abort ();
      cairo_surface_destroy (surface);
    }

  g_ptr_array_unref (pages);
  sp_report_flow_free (flow);
  return 0;
}
