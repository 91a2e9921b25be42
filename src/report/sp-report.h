/* sp-report.h: the year's plan as the document the board adopts, laid out in A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

#define SP_REPORT_ERROR (sp_report_error_quark ())

/**
 * SpReportError:
 * @SP_REPORT_ERROR_NO_YEAR: there is no plan for the year
 * @SP_REPORT_ERROR_NOT_PDF: the target file exists and is not a PDF (it is
 *   never overwritten)
 * @SP_REPORT_ERROR_READ_ONLY: the target PDF exists and is read-only
 * @SP_REPORT_ERROR_WRITE: the PDF file could not be written
 * @SP_REPORT_ERROR_NO_ACTUALS: an interim report through the last month
 *   with actuals was asked for, and the year has none
 *
 * Why a document could not be made. Errors of the core come in their own
 * domains.
 */
typedef enum {
  SP_REPORT_ERROR_NO_YEAR,
  SP_REPORT_ERROR_NOT_PDF,
  SP_REPORT_ERROR_READ_ONLY,
  SP_REPORT_ERROR_WRITE,
  SP_REPORT_ERROR_NO_ACTUALS,
} SpReportError;

/**
 * SpReportKind:
 * @SP_REPORT_KIND_PLAN: the *Verksamhetsplan och budget* the board adopts
 * @SP_REPORT_KIND_INTERIM: the *delårsrapport*: the year followed up
 *   through a month, with the forecast for the year
 * @SP_REPORT_KIND_ANNUAL: the *verksamhetsberättelse* of the whole year:
 *   goals and their follow-up, budget against actuals, projects,
 *   participants and contributions
 *
 * Which document a #SpReport is.
 */
typedef enum {
  SP_REPORT_KIND_PLAN,
  SP_REPORT_KIND_INTERIM,
  SP_REPORT_KIND_ANNUAL,
} SpReportKind;

/* The page, in points (1/72 inch): A4. */
#define SP_REPORT_PAGE_WIDTH  595.2756
#define SP_REPORT_PAGE_HEIGHT 841.8898

/* The margins inside which everything is drawn, header and footer too. */
#define SP_REPORT_MARGIN_SIDE   62.0
#define SP_REPORT_MARGIN_TOP    40.0
#define SP_REPORT_MARGIN_BOTTOM 40.0

/**
 * SpReportOptions:
 * @year: the plan year
 * @unit: %SP_MONEY_UNIT_KR or %SP_MONEY_UNIT_TKR for the amounts of the
 *   generated chapters
 * @created: the PDF's creation time (Unix seconds); 0: the environment's
 *   SOURCE_DATE_EPOCH when set, else the current time
 * @kind: the document (%SP_REPORT_KIND_PLAN unless set)
 * @through_month: the interim report's period, January through this month
 *   (1–12); 0: through the last month the ledger has given actuals for.
 *   The annual report is always of the whole year; the plan has no period.
 *
 * sp_report_options_init() sets the defaults: the plan, in kr, created now.
 */
typedef struct {
  int          year;
  SpMoneyUnit  unit;
  gint64       created;
  SpReportKind kind;
  guint        through_month;
} SpReportOptions;

#define SP_TYPE_REPORT (sp_report_get_type ())
G_DECLARE_FINAL_TYPE (SpReport, sp_report, SP, REPORT, GObject)

GQuark       sp_report_error_quark  (void);
void         sp_report_options_init (SpReportOptions        *options,
                                     int                     year);
SpReport    *sp_report_new          (SpDatabase             *database,
                                     const SpReportOptions  *options,
                                     GError                **error);
const char  *sp_report_get_title    (SpReport               *self);
guint        sp_report_get_n_pages  (SpReport               *self);
void         sp_report_draw_page    (SpReport               *self,
                                     cairo_t                *cr,
                                     guint                   page);
gboolean     sp_report_write_pdf    (SpReport               *self,
                                     const char             *path,
                                     GError                **error);
const char  *sp_report_get_association (SpReport             *self);
int          sp_report_get_year     (SpReport               *self);
SpReportKind sp_report_get_kind     (SpReport               *self);
guint        sp_report_get_through_month (SpReport          *self);

/* "plan", "delarsrapport", "verksamhetsberattelse": the command line's names */
const char  *sp_report_kind_to_string   (SpReportKind        kind);
gboolean     sp_report_kind_from_string (const char         *text,
                                         SpReportKind       *kind);

G_END_DECLS
