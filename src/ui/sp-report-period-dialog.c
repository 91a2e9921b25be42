/* sp-report-period-dialog.c: "Exportera delårsrapport som PDF…" asks first
 * for the period (January through a month, the last month with actuals
 * chosen), then saves the report through the file chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-report-period-dialog.h"
#include "sp-message.h"

#include "sp-follow-up.h"
#include "sp-month.h"

#define DOCUMENT_KEY "sp-document"
#define DROP_DOWN_KEY "sp-period"

/* ---- Callbacks ----------------------------------------------------------- */

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  SpPlanDocument *document = g_object_get_data (G_OBJECT (dialog), DOCUMENT_KEY);

  if (!g_str_equal (response, "export"))
    return;
  sp_plan_document_set_kind (document, SP_REPORT_KIND_INTERIM,
                             sp_report_period_dialog_get_month (GTK_WIDGET (dialog)));
  sp_plan_document_save_as (document);
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * sp_report_period_dialog_new:
 * @parent: the window
 * @document: the document to save when the period is chosen
 * @database: the database, for the last month with actuals
 * @year: the year
 *
 * Returns: (transfer floating): the dialog, to be presented; "Exportera…"
 *   asks where and saves @document for the period chosen
 */
GtkWidget *
sp_report_period_dialog_new (GtkWindow      *parent,
                             SpPlanDocument *document,
                             SpDatabase     *database,
                             int             year)
{
  g_autoptr(SpFollowUp) follow_up = sp_follow_up_new (database, year, 12, NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  guint last = follow_up != NULL ? sp_follow_up_get_last_month (follow_up) : 0;
  GtkWidget *dialog;
  GtkWidget *drop_down;

  for (guint month = 1; month <= 12; month++)
    {
      g_autofree char *label = sp_month_format_period (month, FALSE);
      gtk_string_list_append (periods, label);
    }
  if (last == 0)
    /* Translators: the body of the interim report's period dialog when the year has no actuals */
    body = g_strdup_printf (_("The accounts have given no actuals for %d yet. Choose the months the report "
                              "covers."), year);
  else
    /* Translators: "Bokföringen har gett utfall till och med augusti 2010. Välj vilka månader rapporten gäller." */
    body = g_strdup_printf (_("The accounts have given actuals through %s %d. Choose the months the report "
                              "covers."), sp_month_name (last), year);

  dialog = adw_message_dialog_new (parent, _("Interim Report"), body);
  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&periods)), NULL);
  gtk_widget_set_name (drop_down, "period");
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Period"), -1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), (last == 0 ? 4 : last) - 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: the interim report's period dialog: go on to where to save it */
                                    "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), DOCUMENT_KEY, g_object_ref (document), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), DROP_DOWN_KEY, drop_down);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), NULL);
  return dialog;
}

/* The month the chosen period runs through, 1–12. */
guint
sp_report_period_dialog_get_month (GtkWidget *dialog)
{
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (dialog), DROP_DOWN_KEY);

  g_return_val_if_fail (GTK_IS_DROP_DOWN (drop_down), 12);
  return gtk_drop_down_get_selected (drop_down) + 1;
}

/**
 * sp_report_period_dialog_activate:
 * @parent: the window
 * @document: a new document of @year, its "saved" signal connected
 * @database: the database
 * @year: the year
 * @action_name: "win.export-interim-pdf" (the period dialog, then where),
 *   "win.export-annual-pdf" (where) or "win.export-report-to"
 * @parameter: (nullable): for win.export-report-to, the document's
 *   command-line name, the month and the file ("delarsrapport", 8,
 *   "/tmp/x.pdf"), written as the dialogs would (the tests)
 *
 * What the window's actions for the follow-up documents do.
 */
void
sp_report_period_dialog_activate (GtkWindow      *parent,
                                  SpPlanDocument *document,
                                  SpDatabase     *database,
                                  int             year,
                                  const char     *action_name,
                                  GVariant       *parameter)
{
  if (parameter != NULL)
    {
      const char *name, *path;
      guint32 month;
      SpReportKind kind = SP_REPORT_KIND_PLAN;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;

      g_variant_get (parameter, "(&su&s)", &name, &month, &path);
      if (!sp_report_kind_from_string (name, &kind) || month > 12)
        return;
      sp_plan_document_set_kind (document, kind, month);
      file = g_file_new_for_path (path);
      if (!sp_plan_document_write (document, file, &error))
        sp_show_message (parent, _("The Document Cannot Be Saved"), error->message);
    }
  else if (g_str_equal (action_name, "win.export-annual-pdf"))
    {
      sp_plan_document_set_kind (document, SP_REPORT_KIND_ANNUAL, 12);
      sp_plan_document_save_as (document);
    }
  else
    gtk_window_present (GTK_WINDOW (sp_report_period_dialog_new (parent, document, database, year)));
}
