/* sp-report-private.h: what the parts of the plan document share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-budget-revenue.h"
#include "sp-contribution.h"
#include "sp-document-outline.h"
#include "sp-follow-up.h"
#include "sp-plan-year.h"
#include "sp-report.h"

G_BEGIN_DECLS

/* The text column between the margins, and the body between header and footer. */
#define SP_REPORT_BODY_LEFT   SP_REPORT_MARGIN_SIDE
#define SP_REPORT_BODY_WIDTH  (SP_REPORT_PAGE_WIDTH - 2 * SP_REPORT_MARGIN_SIDE)
#define SP_REPORT_BODY_TOP    (SP_REPORT_MARGIN_TOP + 34.0)
#define SP_REPORT_BODY_BOTTOM (SP_REPORT_PAGE_HEIGHT - SP_REPORT_MARGIN_BOTTOM - 30.0)

/* How a paragraph of text looks. */
typedef enum {
  SP_REPORT_TEXT_BODY,
  SP_REPORT_TEXT_CHAPTER,     /* a chapter's title: in the contents and the outline */
  SP_REPORT_TEXT_HEADING_1,   /* a heading inside a chapter */
  SP_REPORT_TEXT_HEADING_2,
  SP_REPORT_TEXT_HEADING_3,
  SP_REPORT_TEXT_CODE,
  SP_REPORT_TEXT_NOTE,        /* small print: units, notes under a table */
} SpReportTextStyle;

/* How a table row looks. */
typedef enum {
  SP_REPORT_ROW_NORMAL,
  SP_REPORT_ROW_HEADER,
  SP_REPORT_ROW_GROUP,        /* bold, no rule: a group's name */
  SP_REPORT_ROW_SUBTOTAL,     /* a rule above */
  SP_REPORT_ROW_TOTAL,        /* bold, a rule above */
} SpReportRowStyle;

/* ---- sp-report-item.c: SpReportItem, one item of the column ------------ */

/* Room around a table cell's text, in points. */
#define SP_REPORT_CELL_PAD 2.5

typedef enum {
  SP_REPORT_ITEM_LINE,
  SP_REPORT_ITEM_ROW,
  SP_REPORT_ITEM_SPACE,
  SP_REPORT_ITEM_RULE,
  SP_REPORT_ITEM_TOC,
} SpReportItemKind;

typedef struct _SpReportItem SpReportItem;

struct _SpReportItem {
  SpReportItemKind  kind;
  double            height;
  double            x;
  double            width;
  gboolean          keep_with_next;
  int               chapter;      /* ≥ 0: the first line of that chapter's title */
  /* SP_REPORT_ITEM_LINE: one line of a paragraph; SP_REPORT_ITEM_TOC: an entry of the contents */
  PangoLayout      *layout;
  int               line;
  double            line_x;
  double            baseline;     /* from the top of the item */
  PangoLayout      *marker;       /* a list item's bullet or number, on its first line */
  guint             quote_mask;   /* bit k: a quote's bar at indent level k */
  int               toc_chapter;
  /* SP_REPORT_ITEM_ROW */
  guint             n_cells;
  PangoLayout     **cells;
  double           *cell_x;
  SpReportRowStyle  style;
  const SpReportItem *header;
};

SpReportItem *sp_report_item_new         (SpReportItemKind    kind,
                                         double              height);
void          sp_report_item_free        (SpReportItem       *item);
void          sp_report_item_draw        (const SpReportItem *item,
                                         cairo_t            *cr,
                                         double              y,
                                         const int          *chapter_pages);
int           sp_report_item_get_chapter (const SpReportItem *item);

/* ---- sp-report-flow.c: SpReportFlow, the document as a column of items --- */

/* One placed item of a page: the item and the top of it. */
typedef struct {
  const SpReportItem *item;
  double              y;
} SpReportPlacement;

typedef struct _SpReportFlow SpReportFlow;

SpReportFlow *sp_report_flow_new            (PangoContext      *context);
void          sp_report_flow_free           (SpReportFlow      *flow);
PangoContext *sp_report_flow_get_context    (SpReportFlow      *flow);
PangoLayout  *sp_report_flow_make_layout    (SpReportFlow      *flow,
                                             const char        *markup,
                                             SpReportTextStyle  style,
                                             double             width);
void          sp_report_flow_add_text       (SpReportFlow      *flow,
                                             const char        *markup,
                                             SpReportTextStyle  style,
                                             guint              indent,
                                             guint              quote_depth,
                                             const char        *marker);
void          sp_report_flow_add_plain      (SpReportFlow      *flow,
                                             const char        *text,
                                             SpReportTextStyle  style,
                                             guint              indent);
int           sp_report_flow_add_chapter    (SpReportFlow      *flow,
                                             const char        *title);
void          sp_report_flow_add_space      (SpReportFlow      *flow,
                                             double             height);
void          sp_report_flow_add_rule       (SpReportFlow      *flow,
                                             guint              indent);
void          sp_report_flow_add_toc_entry  (SpReportFlow      *flow,
                                             const char        *title,
                                             int                chapter);
SpReportItem *sp_report_flow_add_row        (SpReportFlow      *flow,
                                             guint              n_cells,
                                             PangoLayout      **cells,
                                             const double      *x,
                                             const double      *widths,
                                             SpReportRowStyle   style,
                                             const SpReportItem *header);
GPtrArray    *sp_report_flow_paginate       (SpReportFlow      *flow,
                                             guint              first_page,
                                             int               *chapter_pages,
                                             guint              n_chapters);
void          sp_report_flow_keep_last_line (SpReportFlow      *flow);
guint         sp_report_flow_get_n_chapters (SpReportFlow      *flow);
const char   *sp_report_flow_get_chapter    (SpReportFlow      *flow,
                                             int                chapter);

/* The indent of one level of a list or a quote, in points. */
#define SP_REPORT_INDENT 18.0
/* The deepest level indented further: deeper ones stay there. */
#define SP_REPORT_MAX_INDENT 8

/* ---- sp-report-table.c: SpReportTable, rows of cells in columns -------- */

typedef struct _SpReportTable SpReportTable;

/* How a column is fitted: wrapped in its share of the width, or as wide as
 * its widest cell (left-aligned text, or right-aligned amounts). */
typedef enum {
  SP_REPORT_COLUMN_WRAP,
  SP_REPORT_COLUMN_FIT,
  SP_REPORT_COLUMN_AMOUNT,
} SpReportColumnKind;

SpReportTable *sp_report_table_new        (SpReportFlow             *flow,
                                           guint                     n_columns,
                                           const double             *weights,
                                           const SpReportColumnKind *kinds,
                                           double                    font_size);
void           sp_report_table_add_header (SpReportTable       *table,
                                           const char * const  *cells);
void           sp_report_table_add_row    (SpReportTable       *table,
                                           const char * const  *cells,
                                           SpReportRowStyle     style,
                                           guint                indent);
void           sp_report_table_end        (SpReportTable       *table);
void           sp_report_table_free       (SpReportTable       *table);

/* ---- sp-report-markdown.c: a section's CommonMark body into the flow --- */

void sp_report_markdown_add (SpReportFlow *flow,
                             const char   *text,
                             gsize         length);

/* ---- sp-report-data.c: SpReportData, what the document shows, loaded once */

typedef struct {
  int              year;
  SpMoneyUnit      unit;
  SpAssociation   *association;
  cairo_surface_t *logo;            /* NULL: none, or it does not decode */
  SpPlanYear      *plan;
  SpDocumentOutline *outline;
  char            *title;
  GPtrArray       *sections;
  GPtrArray       *members;
  GPtrArray       *board;
  GPtrArray       *area_groups;
  GPtrArray       *areas;
  GPtrArray       *target_groups;
  GPtrArray       *goals;
  GPtrArray       *lines;
  SpBudgetTotals  *totals;
  SpBudgetRevenue *revenue;         /* the derived revenue lines of the contributions */
  GPtrArray       *contributions;
  GPtrArray       *projects;
  GHashTable      *figures;
  GHashTable      *details;
  /* The interim and annual reports only (NULL in the plan): */
  SpReportKind     kind;
  guint            through_month;   /* the period: January through this month */
  SpFollowUp      *follow_up;
  GArray          *payouts;         /* SpProjectPayout, paid through the month */
  GHashTable      *participants;    /* project id → SpProjectParticipantsData, actual */
  GHashTable      *project_names;   /* project id → its name, every project */
} SpReportData;

SpReportData *sp_report_data_load (SpDatabase             *database,
                                   const SpReportOptions  *options,
                                   GError                **error);
void          sp_report_data_free (SpReportData           *data);
GPtrArray    *sp_report_list_items (GListModel            *model);

/* sp-report-follow-up.c: what the interim and annual reports add to it */
gboolean      sp_report_data_load_follow_up (SpReportData  *data,
                                             SpDatabase    *database,
                                             GError       **error);
void          sp_report_data_clear_follow_up (SpReportData *data);

/* ---- sp-report-format.c: Swedish dates, amounts and shares -------------- */

char *sp_report_format_date  (const char  *iso_date);
char *sp_report_format_money (SpMoney      amount,
                              SpMoneyUnit  unit);
char *sp_report_format_share (int          hundredths);
const char *sp_report_unit_word (SpMoneyUnit unit);
char *sp_report_format_whole (SpMoney      amount,
                              SpMoneyUnit  unit);
char *sp_report_format_whole_unit (SpMoney      amount,
                                   SpMoneyUnit  unit);

/* ---- the generated chapters ------------------------------------------ */

/* sp-report-chapters.c: Organisation, areas, target groups, goals, projects */
void sp_report_add_organisation  (SpReportFlow       *flow,
                                  const SpReportData *data);
void sp_report_add_areas         (SpReportFlow       *flow,
                                  const SpReportData *data);
void sp_report_add_target_groups (SpReportFlow       *flow,
                                  const SpReportData *data);
void sp_report_add_goals         (SpReportFlow       *flow,
                                  const SpReportData *data);
void sp_report_add_projects      (SpReportFlow       *flow,
                                  const SpReportData *data);

/* sp-report-budget.c: the budget and the members' contributions */
void sp_report_add_budget        (SpReportFlow       *flow,
                                  const SpReportData *data);
void sp_report_add_contributions (SpReportFlow       *flow,
                                  const SpReportData *data);

/* sp-report-follow-up.c: the tables both follow-up documents show */
typedef enum {
  SP_REPORT_FOLLOW_UP_PERIOD,   /* period budget, actual, deviation; forecast */
  SP_REPORT_FOLLOW_UP_YEAR,     /* year budget, actual, deviation */
} SpReportFollowUpTable;

void sp_report_add_follow_up_table   (SpReportFlow          *flow,
                                      const SpReportData    *data,
                                      SpReportFollowUpTable  kind);
void sp_report_add_area_comments     (SpReportFlow          *flow,
                                      const SpReportData    *data);
const char *sp_report_area_name      (const SpReportData    *data,
                                      gint64                 area_id);
void sp_report_add_payouts           (SpReportFlow          *flow,
                                      const SpReportData    *data);

/* sp-report-interim.c: the delårsrapport's chapters */
void sp_report_add_interim           (SpReportFlow          *flow,
                                      const SpReportData    *data);

/* sp-report-annual.c: the verksamhetsberättelse's chapters */
void sp_report_add_annual            (SpReportFlow          *flow,
                                      const SpReportData    *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReportData, sp_report_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpReportFlow, sp_report_flow_free)

G_END_DECLS
