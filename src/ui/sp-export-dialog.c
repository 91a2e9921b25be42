/* sp-export-dialog.c: choose and write the Excel workbooks of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-export-dialog.h"
#include "sp-widget-util.h"
#include "sp-export-member-row.h"
#include "sp-plan-document.h"
#include "sp-message.h"

#include "sp-follow-up.h"
#include "sp-member.h"
#include "sp-limits.h"
#include "sp-budget-checks.h"
#include "export/sp-export.h"
#include "sp-month.h"

struct _SpExportDialog
{
  AdwWindow        parent_instance;

  SpDatabase      *database;
  GSettings       *settings;
  char            *folder;
  GPtrArray       *member_rows;   /* SpExportMemberRow */
  GPtrArray       *warnings;      /* of the last export: texts cut to fit a cell */
  char            *failed_checks; /* the year's checks that fail, one a line, or NULL */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSpinButton   *year_spin;
  GtkCheckButton  *treasurer_check;
  GtkCheckButton  *pdf_check;
  AdwComboRow     *unit_row;
  AdwComboRow     *follow_up_row;
  AdwActionRow    *folder_row;
  AdwPreferencesGroup *members_group;
  AdwPreferencesGroup *checks_group;
  GtkLabel        *checks_label;
  GtkProgressBar  *progress_bar;
};

G_DEFINE_FINAL_TYPE (SpExportDialog, sp_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_export_action (SpExportDialog *self)
{
  gboolean any = gtk_check_button_get_active (self->treasurer_check) ||
                 gtk_check_button_get_active (self->pdf_check);

  for (guint i = 0; !any && i < self->member_rows->len; i++)
    any = sp_export_member_row_get_active (g_ptr_array_index (self->member_rows, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", any && self->folder != NULL);
}

static void
on_check_toggled_cb (SpExportDialog *self)
{
  /* The follow-up is a sheet of the treasurer's workbook only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_up_row), gtk_check_button_get_active (self->treasurer_check));
  update_export_action (self);
}

/* The follow-up's period: through the last month the accounts have given
 * actuals for, or none when there are none for the year. */
static void
update_follow_up (SpExportDialog *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(SpFollowUp) follow_up = NULL;

  /* A year without a plan: the export says so itself. */
  if (self->database != NULL)
    follow_up = sp_follow_up_new (self->database, year, 12, NULL);
  adw_combo_row_set_selected (self->follow_up_row, follow_up != NULL ? sp_follow_up_get_last_month (follow_up) : 0);
}

/* One check row for every organisation that is a member in the year. */
static void
fill_members (SpExportDialog *self)
{
  g_autoptr(SpRecordList) members = NULL;
  int year = gtk_spin_button_get_value_as_int (self->year_spin);

  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, g_ptr_array_index (self->member_rows, i));
  g_ptr_array_set_size (self->member_rows, 0);

  if (self->database == NULL)
    return;

  members = sp_member_list_new (self->database);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      GtkWidget *row;

      if (!sp_member_is_member_in (member, year))
        continue;

      row = sp_export_member_row_new (member);
      g_signal_connect_object (row, "notify::active", G_CALLBACK (on_check_toggled_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  update_export_action (self);
}

/* Checks the year's budget (sp-budget-checks.h) and shows what fails. */
static void
update_checks (SpExportDialog *self)
{
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autoptr(SpBudgetChecks) checks = NULL;

  g_clear_pointer (&self->failed_checks, g_free);
  /* A year without a plan: the export says so itself. */
  if (self->database != NULL)
    checks = sp_budget_checks_new (self->database, year, NULL);
  if (checks != NULL && sp_budget_checks_count_failed (checks) > 0)
    self->failed_checks = sp_budget_checks_dup_failed_text (checks);
  gtk_label_set_text (self->checks_label, self->failed_checks != NULL ? self->failed_checks : "");
  gtk_widget_set_visible (GTK_WIDGET (self->checks_group), self->failed_checks != NULL);
}

static void
on_year_changed_cb (SpExportDialog *self)
{
  fill_members (self);
  update_checks (self);
  update_follow_up (self);
}

static void
free_folder (gpointer  folder,
             GClosure *closure)
{
  g_free (folder);
}

/* @folder_path: the folder the workbooks were written in, the toast's own copy */
static void
on_open_folder_cb (AdwToast   *toast,
                   const char *folder_path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *uri = g_file_get_uri (folder);
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    g_warning ("Could not open %s: %s", uri, error->message);
}

static void
run_export (SpExportDialog *self)
{
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_strdup (self->folder);
  g_autofree char *folder_name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  gboolean shown = FALSE;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  written = sp_export_dialog_export (self, &error);
  if (written == NULL)
    {
      /* The message says which workbooks were written and which were not. */
      sp_show_message (GTK_WINDOW (self), _("The Export Failed"), error->message);
      return;
    }
  if (self->warnings->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);

      for (guint i = 0; i < self->warnings->len; i++)
        g_string_append_printf (body, "%s%s", i > 0 ? "\n\n" : "", (char *) g_ptr_array_index (self->warnings, i));
      sp_show_message (parent != NULL ? parent : GTK_WINDOW (self), _("Some Texts Are Cut in the Workbooks"),
                       body->str);
    }

  folder_name = g_filename_display_name (folder);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workbook was saved in “%s”.",
                                          "%u workbooks were saved in “%s”.", written->len),
                             written->len, folder_name);
  if (gtk_check_button_get_active (self->pdf_check))
    {
      g_autofree char *both = g_strdup_printf ("%s %s", message, _("The plan document is saved beside them."));
      g_free (message);
      message = g_steal_pointer (&both);
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Open Folder"));
  /* The toast may outlive this dialog: it opens the folder by itself. */
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_open_folder_cb),
                         g_strdup (folder), free_folder, 0);

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, toast, &shown);
  if (shown)
    {
      g_object_unref (toast);
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
on_export_anyway_idle_cb (gpointer data)
{
  run_export (SP_EXPORT_DIALOG (data));
  return G_SOURCE_REMOVE;
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SpExportDialog   *self)
{
  /* Once the question is gone: the export may close this dialog, which
   * must not happen while the question's signal is being emitted. */
  if (g_strcmp0 (response, "export") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_export_anyway_idle_cb, g_object_ref (self), g_object_unref);
}

static void
on_run_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  SpExportDialog *self = SP_EXPORT_DIALOG (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  update_checks (self);
  if (self->failed_checks == NULL)
    {
      run_export (self);
      return;
    }

  /* A year that fails a check goes out only when the user says so. */
  heading = g_strdup_printf (_("The Budget of %d Does Not Add Up"), gtk_spin_button_get_value_as_int (self->year_spin));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, self->failed_checks);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    /* Translators: a button: export although the budget's checks fail */
                                    "export", _("_Export Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_folder_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       SpExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sp_export_dialog_set_folder (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_choose_folder_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpExportDialog *self = SP_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->folder != NULL)
    {
      g_autoptr(GFile) current = g_file_new_for_path (self->folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_folder_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sp_export_dialog_dispose (GObject *object)
{
  SpExportDialog *self = SP_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_export_dialog_parent_class)->dispose (object);
}

static void
sp_export_dialog_finalize (GObject *object)
{
  SpExportDialog *self = SP_EXPORT_DIALOG (object);

  g_free (self->folder);
  g_free (self->failed_checks);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_export_dialog_parent_class)->finalize (object);
}

static void
sp_export_dialog_class_init (SpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_export_dialog_dispose;
  object_class->finalize = sp_export_dialog_finalize;

  /**
   * SpExportDialog::exported:
   * @toast: says how many workbooks were written where, with a button that
   *   opens the folder
   *
   * The workbooks are written. A handler that shows @toast (taking its own
   * reference) returns %TRUE, and the dialog closes; otherwise the dialog
   * shows it itself and stays open.
   *
   * Returns: whether @toast is shown
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, treasurer_check);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, members_group);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, checks_group);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, checks_label);
  gtk_widget_class_bind_template_child (widget_class, SpExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_year_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, on_run_cb);
  gtk_widget_class_install_action (widget_class, "export.choose-folder", NULL, on_choose_folder_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_export_dialog_init (SpExportDialog *self)
{
  self->member_rows = g_ptr_array_new ();
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

    /* Translators: the follow-up sheet's period in the export dialog: no follow-up sheet */
    gtk_string_list_append (months, C_("follow-up", "None"));
    for (guint m = 1; m <= 12; m++)
      gtk_string_list_append (months, sp_month_name (m));
    adw_combo_row_set_model (self->follow_up_row, G_LIST_MODEL (months));
  }
  sp_widget_name_by_row (GTK_WIDGET (self->year_spin));
  sp_widget_name_by_row (GTK_WIDGET (self->treasurer_check));
  sp_widget_name_by_row (GTK_WIDGET (self->pdf_check));
  gtk_spin_button_set_range (self->year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
  g_signal_connect_object (self->treasurer_check, "toggled", G_CALLBACK (on_check_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pdf_check, "toggled", G_CALLBACK (on_check_toggled_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * sp_export_dialog_new:
 * @settings: (nullable): where the folder and the unit are remembered
 */
SpExportDialog *
sp_export_dialog_new (GtkWindow  *parent,
                      SpDatabase *database,
                      int         year,
                      GSettings  *settings)
{
  SpExportDialog *self = g_object_new (SP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *folder = NULL;

  self->database = g_object_ref (database);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  if (self->settings != NULL)
    {
      g_autofree char *unit = g_settings_get_string (self->settings, "export-unit");

      folder = g_settings_get_string (self->settings, "export-folder");
      adw_combo_row_set_selected (self->unit_row, g_strcmp0 (unit, "tkr") == 0 ? 1 : 0);
    }
  if (folder == NULL || folder[0] == '\0' || !g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
      g_free (folder);
      folder = g_strdup (documents != NULL ? documents : g_get_home_dir ());
    }
  sp_export_dialog_set_folder (self, folder);

  /* Setting the year fills the members and checks the budget. */
  if (gtk_spin_button_get_value_as_int (self->year_spin) == year)
    {
      fill_members (self);
      update_checks (self);
      update_follow_up (self);
    }
  else
    gtk_spin_button_set_value (self->year_spin, year);
  return self;
}

void
sp_export_dialog_set_folder (SpExportDialog *self,
                             const char     *folder)
{
  g_autofree char *name = NULL;

  g_return_if_fail (SP_IS_EXPORT_DIALOG (self));

  g_free (self->folder);
  self->folder = g_strdup (folder);
  name = folder != NULL ? g_filename_display_name (folder) : g_strdup ("");
  adw_action_row_set_subtitle (self->folder_row, name);
  update_export_action (self);
}

void
sp_export_dialog_set_member_selected (SpExportDialog *self,
                                      gint64          member_id,
                                      gboolean        selected)
{
  g_return_if_fail (SP_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->member_rows->len; i++)
    {
      SpExportMemberRow *row = g_ptr_array_index (self->member_rows, i);
      if (sp_export_member_row_get_member_id (row) == member_id)
        sp_export_member_row_set_active (row, selected);
    }
}

/* After each workbook: show how far the export has come, and let the window
 * draw it (the export runs in this thread; the dialog's actions are off). */
static void
on_progress_cb (const char *path,
                guint       done,
                guint       total,
                gpointer    user_data)
{
  SpExportDialog *self = user_data;
  g_autofree char *name = g_filename_display_basename (path);

  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, name);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * sp_export_dialog_export:
 *
 * Writes the chosen workbooks, and the year's plan document (PDF) beside
 * them when that is chosen, and remembers the folder and unit.
 *
 * Returns: (transfer full) (nullable): the paths of the workbooks written
 */
GPtrArray *
sp_export_dialog_export (SpExportDialog  *self,
                         GError         **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  SpExportOptions options;
  gboolean ok;

  g_return_val_if_fail (SP_IS_EXPORT_DIALOG (self), NULL);

  sp_export_options_init (&options, gtk_spin_button_get_value_as_int (self->year_spin));
  options.unit = adw_combo_row_get_selected (self->unit_row) == 1 ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  options.treasurer = gtk_check_button_get_active (self->treasurer_check);
  /* 0 ("Ingen"): no follow-up sheet; else the period's last month. */
  options.through_month = adw_combo_row_get_selected (self->follow_up_row);
  if (options.through_month > 12)
    options.through_month = 0;
  for (guint i = 0; i < self->member_rows->len; i++)
    {
      SpExportMemberRow *row = g_ptr_array_index (self->member_rows, i);
      gint64 member_id = sp_export_member_row_get_member_id (row);

      if (sp_export_member_row_get_active (row))
        g_array_append_val (ids, member_id);
    }
  options.member_ids = ids;
  g_ptr_array_set_size (self->warnings, 0);
  options.warnings = self->warnings;
  options.progress = on_progress_cb;
  options.progress_data = self;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", FALSE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  ok = sp_export_write (self->database, self->folder, &options, written, error);
  if (ok && gtk_check_button_get_active (self->pdf_check))
    {
      g_autoptr(SpPlanDocument) document = sp_plan_document_new (GTK_WINDOW (self), self->database, options.year);
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      sp_plan_document_set_unit (document, options.unit);
      name = sp_plan_document_file_name (document);
      path = g_build_filename (self->folder, name, NULL);
      file = g_file_new_for_path (path);
      ok = sp_plan_document_write (document, file, error);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-folder", TRUE);
  update_export_action (self);
  if (!ok)
    return NULL;

  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "export-folder", self->folder);
      g_settings_set_string (self->settings, "export-unit",
                             options.unit == SP_MONEY_UNIT_TKR ? "tkr" : "kr");
    }
  return g_steal_pointer (&written);
}
