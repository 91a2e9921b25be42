/* sp-plan-document.c: the year's plan document from the window: "Exportera
 * som PDF…" through the file chooser, then a toast that opens it, and
 * "Skriv ut…" through GtkPrintOperation, drawing the same pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-plan-document.h"
#include "sp-message.h"

#include "sp-association.h"
#include "export/sp-export.h"
#include "report/sp-report.h"
#include "sp-month.h"

struct _SpPlanDocument
{
  GObject     parent_instance;

  GtkWindow  *parent;      /* weak */
  SpDatabase *database;
  int         year;
  SpMoneyUnit unit;
  SpReportKind kind;
  guint       through_month;
};

G_DEFINE_FINAL_TYPE (SpPlanDocument, sp_plan_document, G_TYPE_OBJECT)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ----------------------------------------------------------- */

static SpReport *
make_report (SpPlanDocument  *self,
             GError         **error)
{
  SpReportOptions options;

  sp_report_options_init (&options, self->year);
  options.unit = self->unit;
  options.kind = self->kind;
  options.through_month = self->through_month;
  return sp_report_new (self->database, &options, error);
}

static void
free_path (gpointer  path,
           GClosure *closure)
{
  g_free (path);
}

/* ---- Callbacks ----------------------------------------------------------- */

/* @path: the PDF just written, the toast's own copy */
static void
on_open_clicked_cb (AdwToast   *toast,
                    const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SpPlanDocument  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !sp_plan_document_write (self, file, &error))
        sp_show_message (self->parent, _("The Document Cannot Be Saved"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* @report: the document being printed, owned by @operation */
static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 SpReport          *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  /* On paper other than A4 the page is made to fit. */
  double scale = MIN (width / SP_REPORT_PAGE_WIDTH, height / SP_REPORT_PAGE_HEIGHT);

  cairo_save (cr);
  if (scale > 0 && (scale < 0.999 || scale > 1.001))
    cairo_scale (cr, scale, scale);
  sp_report_draw_page (report, cr, (guint) page);
  cairo_restore (cr);
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  GtkWindow               *parent)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      sp_show_message (parent, _("The Document Cannot Be Printed"), error != NULL ? error->message : "");
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
sp_plan_document_dispose (GObject *object)
{
  SpPlanDocument *self = SP_PLAN_DOCUMENT (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_plan_document_parent_class)->dispose (object);
}

static void
sp_plan_document_class_init (SpPlanDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_plan_document_dispose;

  /**
   * SpPlanDocument::saved:
   * @document: the document
   * @toast: says where the PDF was saved, with a button that opens it
   *
   * The PDF is written; the window shows @toast.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
}

static void
sp_plan_document_init (SpPlanDocument *self)
{
}

/* ---- Public API ---------------------------------------------------------- */

/* The document of @year of @database, for the dialogs of @parent. */
SpPlanDocument *
sp_plan_document_new (GtkWindow  *parent,
                      SpDatabase *database,
                      int         year)
{
  SpPlanDocument *self = g_object_new (SP_TYPE_PLAN_DOCUMENT, NULL);

  g_set_weak_pointer (&self->parent, parent);
  self->database = g_object_ref (database);
  self->year = year;
  return self;
}

/* Amounts in kr (the default) or tkr. */
void
sp_plan_document_set_unit (SpPlanDocument *self,
                           SpMoneyUnit     unit)
{
  g_return_if_fail (SP_IS_PLAN_DOCUMENT (self));
  self->unit = unit;
}

/* The interim report (through @through_month, 1–12, or 0: the last month
 * with actuals) or the annual report instead of the plan. */
void
sp_plan_document_set_kind (SpPlanDocument *self,
                           SpReportKind    kind,
                           guint           through_month)
{
  g_return_if_fail (SP_IS_PLAN_DOCUMENT (self));
  g_return_if_fail (through_month <= 12);
  self->kind = kind;
  self->through_month = through_month;
}

/* "Norra Västmanlands samordningsförbund 2009 – Verksamhetsplan.pdf",
 * "… 2010 – Delårsrapport januari–augusti.pdf", "… 2010 – Verksamhetsberättelse.pdf" */
char *
sp_plan_document_file_name (SpPlanDocument *self)
{
  g_autoptr(SpAssociation) association = sp_association_load (self->database, NULL);
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  if (self->kind == SP_REPORT_KIND_INTERIM && self->through_month > 0)
    {
      g_autofree char *period = sp_month_format_period (self->through_month, FALSE);
      /* Translators: the interim report's file name, "Delårsrapport januari–augusti" */
      what = g_strdup_printf (_("Interim report %s"), period);
    }
  else if (self->kind == SP_REPORT_KIND_INTERIM)
    what = g_strdup (_("Interim report"));
  else if (self->kind == SP_REPORT_KIND_ANNUAL)
    what = g_strdup (_("Annual activity report"));
  else
    what = g_strdup (_("Operational plan"));
  name = sp_export_file_name (association != NULL && association->name != NULL && association->name[0] != '\0'
                                ? association->name : _("Coordination association"),
                              self->year, what);
  if (g_str_has_suffix (name, ".xlsx"))
    name[strlen (name) - strlen (".xlsx")] = '\0';
  return g_strconcat (name, ".pdf", NULL);
}

/* Asks where, with the file chooser, then writes; the chooser asks before
 * it replaces a file, and a file that is not a PDF is never replaced. */
void
sp_plan_document_save_as (SpPlanDocument *self)
{
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = sp_plan_document_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export as PDF"), self->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_pattern (pdf, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * sp_plan_document_write:
 * @self: the document
 * @file: the PDF to write
 * @error: why it was not written
 *
 * Writes the document to @file and emits #SpPlanDocument::saved with a
 * toast whose button opens it.
 *
 * Returns: whether it was written
 */
gboolean
sp_plan_document_write (SpPlanDocument  *self,
                        GFile           *file,
                        GError         **error)
{
  g_autoptr(SpReport) report = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;
  g_autoptr(AdwToast) toast = NULL;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The document can only be saved in a folder on this computer."));
      return FALSE;
    }
  report = make_report (self, error);
  if (report == NULL || !sp_report_write_pdf (report, path, error))
    return FALSE;

  display = g_filename_display_name (basename);
  message = g_strdup_printf (_("“%s” is saved."), display);
  toast = g_object_ref_sink (adw_toast_new (message));
  adw_toast_set_button_label (toast, _("Open"));
  /* The toast may outlive this object: it opens the file by itself. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), g_strdup (path), free_path, 0);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, toast);
  return TRUE;
}

/* The print dialog, with its preview; the pages are those of the PDF. The
 * operation holds the document while it runs, however long that is. */
void
sp_plan_document_print (SpPlanDocument *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  SpReport *report;

  report = make_report (self, &error);
  if (report == NULL)
    {
      sp_show_message (self->parent, _("The Document Cannot Be Printed"), error->message);
      return;
    }

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "sp-report", report, g_object_unref);
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) sp_report_get_n_pages (report));
  gtk_print_operation_set_job_name (operation, sp_report_get_title (report));
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), report);
  if (self->parent != NULL)
    g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self->parent, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, self->parent, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    sp_show_message (self->parent, _("The Document Cannot Be Printed"), error->message);
}
