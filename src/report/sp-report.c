/* sp-report.c: SpReport, the year's plan as the document the board adopts:
 * title page, contents, chapters, header and footer; drawn for a PDF or a printer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sp-report-private.h"
#include "sp-section.h"
#include "sp-month.h"

struct _SpReport
{
  GObject        parent_instance;

  SpReportData  *data;
  SpReportOptions options;
  PangoContext  *context;
  SpReportFlow  *contents;
  SpReportFlow  *body;
  GPtrArray     *contents_pages;
  GPtrArray     *body_pages;
  int           *chapter_pages;
  char          *status_line;   /* "Fastställd av styrelsen …" or "Utkast" */
};

G_DEFINE_FINAL_TYPE (SpReport, sp_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-report-error-quark, sp_report_error)

/* ---- Helpers ----------------------------------------------------------- */

static gboolean
is_draft (SpReport *self)
{
  return self->data->kind == SP_REPORT_KIND_PLAN && !sp_plan_year_is_adopted (self->data->plan);
}

static char *
make_status_line (const SpReportData *data)
{
  SpPlanYear *plan = data->plan;
  const char *date = sp_plan_year_get_decision_date (plan);
  const char *paragraph = sp_plan_year_get_decision_paragraph (plan);
  g_autofree char *long_date = NULL;

  if (data->kind == SP_REPORT_KIND_INTERIM)
    /* Translators: under the interim report's title, "Utfall till och med augusti 2010" */
    return g_strdup_printf (_("Actuals through %s %d"), sp_month_name (data->through_month), data->year);
  if (data->kind == SP_REPORT_KIND_ANNUAL)
    /* Translators: under the annual report's title, "Verksamhetsåret 1 januari – 31 december 2010" */
    return g_strdup_printf (_("The year 1 January – 31 December %d"), data->year);
  if (!sp_plan_year_is_adopted (plan))
    /* Translators: on every page of a plan not yet adopted */
    return g_strdup (C_("document", "Draft"));
  if (date == NULL || date[0] == '\0')
    return g_strdup (_("Adopted by the board"));
  long_date = sp_report_format_date (date);
  if (paragraph == NULL || paragraph[0] == '\0')
    /* Translators: "Fastställd av styrelsen 12 december 2008" */
    return g_strdup_printf (_("Adopted by the board %s"), long_date);
  /* Translators: "Fastställd av styrelsen 12 december 2008, § 45" */
  return g_strdup_printf (_("Adopted by the board %s, %s"), long_date, paragraph);
}

static PangoLayout *
make_layout (SpReport   *self,
             const char *text,
             const char *font,
             double      width,
             PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A line of the header or footer: one line, cut with "…" when too long. */
static void
show_line (SpReport       *self,
           cairo_t        *cr,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text, "Sans 7.5", width, alignment);

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
add_section (SpReport  *self,
             SpSection *section)
{
  const char *body = sp_section_get_body (section);

  sp_report_flow_add_chapter (self->body, sp_section_get_title (section));
  if (body != NULL)
    sp_report_markdown_add (self->body, body, strlen (body));
}

static void
add_generated_chapter (SpReport   *self,
                       const char *key)
{
  static const struct {
    const char *key;
    void      (*add) (SpReportFlow *flow, const SpReportData *data);
  } chapters[] = {
    { "organisation", sp_report_add_organisation },
    { "areas", sp_report_add_areas },
    { "target-groups", sp_report_add_target_groups },
    { "goals", sp_report_add_goals },
    { "budget", sp_report_add_budget },
    { "contributions", sp_report_add_contributions },
    { "projects", sp_report_add_projects },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chapters); i++)
    if (g_str_equal (chapters[i].key, key))
      chapters[i].add (self->body, self->data);
}

static void
build_flows (SpReport *self)
{
  SpReportData *data = self->data;
  guint n_chapters;
  g_autofree char *heading = NULL;
  g_autofree char *closing = NULL;

  self->body = sp_report_flow_new (self->context);
  if (data->kind == SP_REPORT_KIND_INTERIM)
    sp_report_add_interim (self->body, data);
  else if (data->kind == SP_REPORT_KIND_ANNUAL)
    sp_report_add_annual (self->body, data);
  for (guint i = 0; data->kind == SP_REPORT_KIND_PLAN && i < sp_document_outline_get_n_parts (data->outline); i++)
    {
      const char *chapter = sp_document_outline_get_chapter (data->outline, i);
      int index = sp_document_outline_get_section (data->outline, i);

      if (!sp_document_outline_get_included (data->outline, i))
        continue;
      if (chapter == NULL)
        {
          if (index >= 0 && (guint) index < data->sections->len)
            add_section (self, g_ptr_array_index (data->sections, index));
        }
      else
        add_generated_chapter (self, chapter);
    }
  closing = data->kind == SP_REPORT_KIND_PLAN ? sp_document_outline_dup_closing_line (data->outline) : NULL;
  if (closing != NULL)
    {
      sp_report_flow_add_space (self->body, 18);
      sp_report_flow_add_plain (self->body, closing, SP_REPORT_TEXT_BODY, 0);
    }

  n_chapters = sp_report_flow_get_n_chapters (self->body);
  self->contents = sp_report_flow_new (self->context);
  heading = g_markup_escape_text (_("Contents"), -1);
  sp_report_flow_add_text (self->contents, heading, SP_REPORT_TEXT_HEADING_1, 0, 0, NULL);
  for (guint c = 0; c < n_chapters; c++)
    sp_report_flow_add_toc_entry (self->contents, sp_report_flow_get_chapter (self->body, (int) c), (int) c);

  self->chapter_pages = g_new0 (int, MAX (n_chapters, 1));
  self->contents_pages = sp_report_flow_paginate (self->contents, 1, NULL, 0);
  self->body_pages = sp_report_flow_paginate (self->body, 1 + self->contents_pages->len,
                                              self->chapter_pages, n_chapters);
}

/* The logo scaled to fit its box above the förbund's name, never enlarged. */
#define LOGO_BOX_WIDTH  220.0
#define LOGO_BOX_HEIGHT 120.0
#define LOGO_BOX_TOP    90.0

static void
draw_logo (SpReport *self,
           cairo_t  *cr)
{
  cairo_surface_t *logo = self->data->logo;
  double width, height, scale;

  if (logo == NULL)
    return;
  width = cairo_image_surface_get_width (logo);
  height = cairo_image_surface_get_height (logo);
  scale = MIN (1.0, MIN (LOGO_BOX_WIDTH / width, LOGO_BOX_HEIGHT / height));
  cairo_save (cr);
  cairo_translate (cr, (SP_REPORT_PAGE_WIDTH - width * scale) / 2,
                   LOGO_BOX_TOP + (LOGO_BOX_HEIGHT - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The title as the title page sets it: the interim report's period on a
 * line of its own, never broken at its dash. */
static char *
title_lines (const SpReportData *data)
{
  char *text = g_strdup (data->title);
  char *space = strchr (text, ' ');

  if (data->kind == SP_REPORT_KIND_INTERIM && space != NULL)
    *space = '\n';
  return text;
}

static void
draw_title_page (SpReport *self,
                 cairo_t  *cr)
{
  const double width = SP_REPORT_BODY_WIDTH;
  g_autoptr(PangoLayout) name = make_layout (self, self->data->association->name, "Sans 15",
                                             width, PANGO_ALIGN_CENTER);
  /* The interim report's period on a line of its own, never broken at its dash. */
  g_autofree char *title_text = title_lines (self->data);
  g_autoptr(PangoLayout) title = make_layout (self, title_text, "Sans Bold 26", width, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) status = make_layout (self, self->status_line,
                                               is_draft (self) ? "Sans Bold 20" : "Sans 12",
                                               width, PANGO_ALIGN_CENTER);
  double y = 230;
  int h;

  draw_logo (self, cr);

  cairo_move_to (cr, SP_REPORT_BODY_LEFT, y);
  pango_cairo_show_layout (cr, name);
  pango_layout_get_size (name, NULL, &h);
  y += (double) h / PANGO_SCALE + 24;

  cairo_move_to (cr, SP_REPORT_BODY_LEFT, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_size (title, NULL, &h);
  y += (double) h / PANGO_SCALE + 40;

  cairo_save (cr);
  if (is_draft (self))
    cairo_set_source_rgb (cr, 0.65, 0.11, 0.11);
  cairo_move_to (cr, SP_REPORT_BODY_LEFT, y);
  pango_cairo_show_layout (cr, status);
  cairo_restore (cr);
}

static void
draw_header_footer (SpReport *self,
                    cairo_t  *cr,
                    guint     page)
{
  double right_width;
  const double header_y = SP_REPORT_MARGIN_TOP;
  const double footer_y = SP_REPORT_PAGE_HEIGHT - SP_REPORT_MARGIN_BOTTOM - 12;
  g_autofree char *right = NULL;
  g_autofree char *number = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.30, 0.30, 0.33);
  if (is_draft (self))
    /* Translators: the header of a draft: "Verksamhetsplan och budget 2009 · Utkast" */
    right = g_strdup_printf (_("%s · %s"), self->data->title, self->status_line);
  else
    right = g_strdup (self->data->title);
  /* The title whole; the förbund's name in what is left, cut when long. */
  {
    g_autoptr(PangoLayout) measure = make_layout (self, right, "Sans 7.5", -1, PANGO_ALIGN_LEFT);
    int natural;

    pango_layout_set_width (measure, -1);
    pango_layout_get_size (measure, &natural, NULL);
    right_width = MIN ((double) natural / PANGO_SCALE + 1, SP_REPORT_BODY_WIDTH * 0.6);
  }
  show_line (self, cr, right, SP_REPORT_BODY_LEFT + SP_REPORT_BODY_WIDTH - right_width, header_y, right_width,
             PANGO_ALIGN_RIGHT);
  show_line (self, cr, self->data->association->name, SP_REPORT_BODY_LEFT, header_y,
             SP_REPORT_BODY_WIDTH - right_width - 8, PANGO_ALIGN_LEFT);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, SP_REPORT_BODY_LEFT, header_y + 16);
  cairo_line_to (cr, SP_REPORT_BODY_LEFT + SP_REPORT_BODY_WIDTH, header_y + 16);
  cairo_stroke (cr);

  /* Translators: the footer of every page but the first, "Sida 3 av 14" */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, sp_report_get_n_pages (self));
  show_line (self, cr, number, SP_REPORT_BODY_LEFT, footer_y, SP_REPORT_BODY_WIDTH, PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

static gint64
creation_time (const SpReportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (options->created != 0)
    return options->created;
  if (epoch != NULL && epoch[0] != '\0')
    return g_ascii_strtoll (epoch, NULL, 10);
  return g_get_real_time () / G_USEC_PER_SEC;
}

static cairo_status_t
write_to_file (void                *closure,
               const unsigned char *bytes,
               unsigned int         length)
{
  FILE *file = closure;

  return fwrite (bytes, 1, length, file) == length ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Whether @path may be written: it does not exist, or is empty or a PDF
 * that may be written to. */
static gboolean
check_target (const char  *path,
              GError     **error)
{
  FILE *file = g_fopen (path, "rb");
  char magic[5] = { 0 };
  size_t n;

  if (file == NULL)
    return TRUE;
  n = fread (magic, 1, sizeof magic, file);
  fclose (file);
  if (n == 0 || (n == sizeof magic && memcmp (magic, "%PDF-", sizeof magic) == 0))
    {
      if (g_access (path, W_OK) == 0)
        return TRUE;
      {
        g_autofree char *display = g_filename_display_name (path);
        g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_READ_ONLY,
                     _("“%s” is read-only, so it was not replaced. Choose another name."), display);
      }
      return FALSE;
    }
  {
    g_autofree char *display = g_filename_display_name (path);
    g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NOT_PDF,
                 _("“%s” exists and is not a PDF file, so it was not overwritten. Choose another name."), display);
  }
  return FALSE;
}

static void
add_outline (SpReport        *self,
             cairo_surface_t *surface)
{
  guint n = sp_report_flow_get_n_chapters (self->body);
  g_autofree char *contents = g_strdup_printf ("page=%u", 2u);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Contents"), contents, 0);
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *link = g_strdup_printf ("page=%d", self->chapter_pages[c] + 1);
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     sp_report_flow_get_chapter (self->body, (int) c), link, 0);
    }
}

static void
set_metadata (SpReport        *self,
              cairo_surface_t *surface)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (creation_time (&self->options));
  g_autofree char *iso = created != NULL ? g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ") : NULL;
  g_autofree char *subject = g_strdup_printf ("%s · %s", self->data->title, self->status_line);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->data->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->data->association->name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samplan");
  if (iso != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso);
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
sp_report_finalize (GObject *object)
{
  SpReport *self = SP_REPORT (object);

  g_clear_pointer (&self->data, sp_report_data_free);
  g_clear_pointer (&self->contents, sp_report_flow_free);
  g_clear_pointer (&self->body, sp_report_flow_free);
  g_clear_pointer (&self->contents_pages, g_ptr_array_unref);
  g_clear_pointer (&self->body_pages, g_ptr_array_unref);
  g_clear_pointer (&self->chapter_pages, g_free);
  g_clear_pointer (&self->status_line, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (sp_report_parent_class)->finalize (object);
}

static void
sp_report_class_init (SpReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_report_finalize;
}

static void
sp_report_init (SpReport *self)
{
  (void) self;
}

/* ---- Public API ---------------------------------------------------------- */

/* The default: the plan, amounts in kr, created now (or at SOURCE_DATE_EPOCH). */
void
sp_report_options_init (SpReportOptions *options,
                        int              year)
{
  memset (options, 0, sizeof *options);
  options->year = year;
  options->unit = SP_MONEY_UNIT_KR;
  options->kind = SP_REPORT_KIND_PLAN;
}

/**
 * sp_report_new:
 * @database: the database
 * @options: the year, the unit and the creation time
 * @error: why the document cannot be made
 *
 * Loads the year and lays out its pages, once; drawing a page afterwards
 * only draws. Text is laid out without hinting, so that the pages are the
 * same on a printer and in the PDF.
 *
 * Returns: (transfer full) (nullable): the document
 */
SpReport *
sp_report_new (SpDatabase             *database,
               const SpReportOptions  *options,
               GError                **error)
{
  g_autoptr(SpReport) self = NULL;
  g_autoptr(SpReportData) data = NULL;
  cairo_font_options_t *font_options;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->unit == SP_MONEY_UNIT_KR || options->unit == SP_MONEY_UNIT_TKR, NULL);

  data = sp_report_data_load (database, options, error);
  if (data == NULL)
    return NULL;

  self = g_object_new (SP_TYPE_REPORT, NULL);
  self->data = g_steal_pointer (&data);
  self->options = *options;
  self->status_line = make_status_line (self->data);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_language (self->context, pango_language_from_string ("sv"));

  build_flows (self);
  return g_steal_pointer (&self);
}

/* "Verksamhetsplan och budget 2009" */
const char *
sp_report_get_title (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), NULL);
  return self->data->title;
}

const char *
sp_report_get_association (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), NULL);
  return self->data->association->name;
}

int
sp_report_get_year (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), 0);
  return self->data->year;
}

SpReportKind
sp_report_get_kind (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), SP_REPORT_KIND_PLAN);
  return self->data->kind;
}

/* The interim report's period, January through the month it returns (the
 * last month with actuals when none was asked for); 12 for the annual
 * report; 0 for the plan. */
guint
sp_report_get_through_month (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), 0);
  return self->data->through_month;
}

static const char *const kind_names[] = { "plan", "delarsrapport", "verksamhetsberattelse" };

const char *
sp_report_kind_to_string (SpReportKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

/* The command line's name of a document; %FALSE for any other text. */
gboolean
sp_report_kind_from_string (const char   *text,
                            SpReportKind *kind)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *kind = (SpReportKind) i;
        return TRUE;
      }
  return FALSE;
}

/* The title page, the contents' pages and the chapters' pages. */
guint
sp_report_get_n_pages (SpReport *self)
{
  g_return_val_if_fail (SP_IS_REPORT (self), 0);
  return 1 + self->contents_pages->len + self->body_pages->len;
}

/**
 * sp_report_draw_page:
 * @self: the document
 * @cr: where to draw, in points, the page's top left corner at the origin
 * @page: the page, from 0
 *
 * Draws one A4 page; the same for the PDF and for GtkPrintOperation.
 */
void
sp_report_draw_page (SpReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  GArray *placements;

  g_return_if_fail (SP_IS_REPORT (self));
  g_return_if_fail (page < sp_report_get_n_pages (self));

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.08, 0.08, 0.10);
  if (page == 0)
    {
      draw_title_page (self, cr);
      cairo_restore (cr);
      return;
    }
  draw_header_footer (self, cr, page);
  if (page - 1 < self->contents_pages->len)
    placements = g_ptr_array_index (self->contents_pages, page - 1);
  else
    placements = g_ptr_array_index (self->body_pages, page - 1 - self->contents_pages->len);
  for (guint i = 0; i < placements->len; i++)
    {
      const SpReportPlacement *p = &g_array_index (placements, SpReportPlacement, i);
      sp_report_item_draw (p->item, cr, p->y, self->chapter_pages);
    }
  cairo_restore (cr);
}

/**
 * sp_report_write_pdf:
 * @self: the document
 * @path: the PDF file to write; an existing file is replaced only when it
 *   is a PDF (or empty)
 * @error: why it was not written
 *
 * Writes the PDF beside @path first and renames it into place, so that a
 * failure leaves any earlier file as it was. The PDF has the outline of the
 * chapters and the title, author and subject of the document.
 *
 * Returns: whether the file was written
 */
gboolean
sp_report_write_pdf (SpReport    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *display = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  FILE *file;
  int fd;
  int saved_errno = 0;

  g_return_val_if_fail (SP_IS_REPORT (self), FALSE);

  display = g_filename_display_name (path);
  if (!check_target (path, error))
    return FALSE;

  tmp = g_strconcat (path, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY, 0644);
  if (fd < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_WRITE, _("Could not write “%s”: %s."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  surface = cairo_pdf_surface_create_for_stream (write_to_file, file, SP_REPORT_PAGE_WIDTH, SP_REPORT_PAGE_HEIGHT);
  set_metadata (self, surface);
  {
    cairo_t *cr = cairo_create (surface);

    for (guint page = 0; page < sp_report_get_n_pages (self); page++)
      {
        sp_report_draw_page (self, cr, page);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
  }
  add_outline (self, surface);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (fflush (file) != 0 || fsync (fileno (file)) != 0)
    saved_errno = errno;
  if (fclose (file) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (status == CAIRO_STATUS_SUCCESS && saved_errno == 0 && g_rename (tmp, path) != 0)
    saved_errno = errno;
  if (status != CAIRO_STATUS_SUCCESS || saved_errno != 0)
    {
      g_unlink (tmp);
      g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_WRITE, _("Could not write “%s”: %s."), display,
                   saved_errno != 0 ? g_strerror (saved_errno) : _("the disk may be full"));
      return FALSE;
    }
  return TRUE;
}
