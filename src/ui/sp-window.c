/* sp-window.c: the main window, one per open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-window.h"
#include "sp-budget-page.h"
#include "sp-export-dialog.h"
#include "sp-follow-up-page.h"
#include "sp-plan-document.h"
#include "sp-members-page.h"
#include "sp-message.h"
#include "sp-plan-page.h"
#include "sp-portfolio-page.h"
#include "sp-report-period-dialog.h"
#include "sp-sie-dialog.h"
#include "sp-start-dialog.h"

#include "sp-association.h"
#include "sp-error.h"
#include "sp-file-watch.h"
#include "sp-history.h"
#include "sp-limits.h"
#include "sp-plan-year.h"

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  SpDatabase           *database;
  SpHistory            *history;
  SpFileWatch          *watch;
  GSettings            *settings;
  int                   year;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwStatusPage        *welcome_page;
  GtkWidget            *start_button;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *read_only_revealer;
  GtkMenuButton        *year_button;
  GtkSpinButton        *year_spin;
};

G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_SETTINGS,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (SpWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *basename = NULL;

  if (self->database != NULL)
    {
      basename = g_filename_display_basename (sp_database_get_path (self->database));
      /* Translators: the window title: the database file, then the application */
      title = g_strdup_printf (_("%s – Samplan"), basename);
    }
  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Samplan"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, basename != NULL ? basename : "");
}

/* In a narrow window the page tabs move to the bottom bar: only with the pages. */
static void
update_switcher_bar (SpWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title) &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
}

static void
on_title_visible_cb (SpWindow *self)
{
  update_switcher_bar (self);
}

/* "pages", "welcome" or "error": the page tabs and the year belong to the
 * first only; elsewhere the header shows the title. */
static void
show_main_page (SpWindow   *self,
                const char *name)
{
  gboolean pages = g_str_equal (name, "pages");

  gtk_stack_set_visible_child_name (self->main_stack, name);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, pages);
  update_switcher_bar (self);
  /* No year before there is a förbund to show. */
  gtk_widget_set_visible (GTK_WIDGET (self->year_button), pages);
  if (g_str_equal (name, "welcome"))
    gtk_widget_grab_focus (self->start_button);
}

static void
update_year_button (SpWindow *self)
{
  g_autofree char *label = g_strdup_printf ("%d", self->year);
  /* Translators: the accessible name of the year button, e.g. "Plan year 2027" */
  g_autofree char *accessible = g_strdup_printf (_("Plan year %d"), self->year);

  gtk_menu_button_set_label (self->year_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
restore_window_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

/* The one place that decides which window actions are enabled. */
static void
update_actions (SpWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && sp_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && sp_history_can_redo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-interim-pdf", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-annual-pdf", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-sie",
                                 self->database != NULL && !sp_database_is_read_only (self->database));
}

static void
on_history_changed_cb (SpWindow   *self,
                       GParamSpec *pspec,
                       SpHistory  *history)
{
  update_actions (self);
}

/* Another program committed to the file: the pages reload (from the
 * database's "changed"), and the user learns why what is shown moved. */
static void
on_database_changed_elsewhere_cb (SpWindow *self)
{
  sp_window_add_toast (self, _("Another program changed the file. What is shown is up to date."));
}

/* Undo and redo belong to the database, not to a page: an edit made on one
 * page is undone by Ctrl+Z on any other. */
static void
on_undo_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean redo = g_str_equal (action_name, "win.redo");

  if (self->history == NULL)
    return;

  label = g_strdup (redo ? sp_history_get_redo_label (self->history)
                         : sp_history_get_undo_label (self->history));
  if (!(redo ? sp_history_redo (self->history, &error) : sp_history_undo (self->history, &error)) &&
      g_error_matches (error, SP_ERROR, SP_ERROR_CONFLICT))
    {
      /* Another program changed the same data: too important for a toast. */
      sp_show_message (GTK_WINDOW (self), redo ? _("Cannot Redo") : _("Cannot Undo"), error->message);
      return;
    }
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (redo ? _("Could not redo: %s") : _("Could not undo: %s"),
                                                  error->message);
      sp_window_add_toast (self, message);
      return;
    }
  if (label != NULL)
    {
      /* Translators: %s is what was undone, e.g. "Add member" */
      g_autofree char *message = g_strdup_printf (redo ? _("Redone: %s") : _("Undone: %s"), label);
      sp_window_add_toast (self, message);
    }
}

static void
on_start_response_cb (SpStartDialog *dialog,
                      const char    *response,
                      SpWindow      *self)
{
  GtkEditable *entry = sp_start_dialog_get_name_row (dialog);
  GtkSpinButton *spin = sp_start_dialog_get_year_spin (dialog);
  g_autoptr(GError) error = NULL;
  int year;

  if (g_strcmp0 (response, "create") != 0 || self->database == NULL)
    return;

  year = gtk_spin_button_get_value_as_int (spin);
  if (!sp_association_start (self->database, gtk_editable_get_text (entry), year, &error))
    {
      sp_window_add_toast (self, error->message);
      return;
    }
  sp_window_set_year (self, year);
  show_main_page (self, "pages");
}

/* Asks for the förbund's name and first plan year. */
static void
on_start_association_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  GtkWidget *dialog = sp_start_dialog_new (GTK_WINDOW (self), self->year);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_start_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_backup_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;

      if (path != NULL && !sp_window_backup_to (self, path, &error))
        sp_window_add_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* A copy of the whole database, consistent even while it is in use. */
static void
on_backup_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *basename = NULL;
  g_autofree char *suggested = NULL;
  g_autofree char *folder_path = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  char *dot;

  if (self->database == NULL)
    return;

  basename = g_path_get_basename (sp_database_get_path (self->database));
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  /* Translators: the suggested name of a backup: the database's name and the date */
  suggested = g_strdup_printf (_("%s backup %s.db"), basename, date);

  chooser = gtk_file_chooser_native_new (_("Back Up Database"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  folder_path = g_path_get_dirname (sp_database_get_path (self->database));
  folder = g_file_new_for_path (folder_path);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_backup_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_sie_dialog_imported_cb (SpSieDialog *dialog,
                           const char  *message,
                           SpWindow    *self)
{
  sp_window_add_toast (self, message);
}

static void
on_sie_file_response_cb (GtkNativeDialog *chooser,
                         int              response,
                         SpWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->database != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      SpSieDialog *dialog = NULL;

      if (path != NULL)
        dialog = sp_sie_dialog_new (GTK_WINDOW (self), self->database, path, self->year, &error);
      if (dialog != NULL)
        {
          g_signal_connect_object (dialog, "imported", G_CALLBACK (on_sie_dialog_imported_cb), self, 0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      else if (error != NULL)
        sp_show_message (GTK_WINDOW (self), _("The File Cannot Be Imported"), error->message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Actuals from the accounting system: pick the SIE file, then see what changes. */
static void
on_import_sie_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GtkFileFilter) sie = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->database == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import Actuals from an SIE File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (sie, _("SIE files"));
  for (guint i = 0; i < 4; i++)
    gtk_file_filter_add_pattern (sie, (const char *[]) { "*.se", "*.SE", "*.si", "*.SI" }[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sie);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_sie_file_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The export's toast, with its Open Folder button, outlives the dialog. */
static gboolean
on_export_dialog_exported_cb (SpExportDialog *dialog,
                              AdwToast       *toast,
                              SpWindow       *self)
{
  sp_window_add_toast_object (self, g_object_ref (toast));
  return TRUE;
}

static void
on_export_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  SpExportDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = sp_export_dialog_new (GTK_WINDOW (self), self->database, self->year, self->settings);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_export_dialog_exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The plan document's toast, with its Open button. */
static void
on_plan_document_saved_cb (SpPlanDocument *document,
                           AdwToast       *toast,
                           SpWindow       *self)
{
  sp_window_add_toast_object (self, g_object_ref (toast));
}

/* "Exportera som PDF…" (the file chooser) and "Skriv ut…" (the print dialog). */
static void
on_plan_document_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(SpPlanDocument) document = NULL;

  if (self->database == NULL)
    return;
  document = sp_plan_document_new (GTK_WINDOW (self), self->database, self->year);
  g_signal_connect_object (document, "saved", G_CALLBACK (on_plan_document_saved_cb), self, 0);
  if (g_str_equal (action_name, "win.print"))
    sp_plan_document_print (document);
  else if (parameter != NULL)
    {
      /* win.export-pdf-to: the file given, as the chooser would (the tests). */
      g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
      g_autoptr(GError) error = NULL;

      if (!sp_plan_document_write (document, file, &error))
        sp_show_message (GTK_WINDOW (self), _("The Document Cannot Be Saved"), error->message);
    }
  else
    sp_plan_document_save_as (document);
}

/* "Exportera delårsrapport som PDF…", "Exportera verksamhetsberättelse som PDF…", win.export-report-to. */
static void
on_report_document_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(SpPlanDocument) document = NULL;

  if (self->database == NULL)
    return;
  document = sp_plan_document_new (GTK_WINDOW (self), self->database, self->year);
  g_signal_connect_object (document, "saved", G_CALLBACK (on_plan_document_saved_cb), self, 0);
  sp_report_period_dialog_activate (GTK_WINDOW (self), document, self->database, self->year, action_name, parameter);
}

static void
on_year_spin_value_changed_cb (SpWindow      *self,
                               GtkSpinButton *spin)
{
  sp_window_set_year (self, gtk_spin_button_get_value_as_int (spin));
}

/* Enter in the year takes it (the spin button reads it first) and closes the popover. */
static void
on_year_text_activate_cb (SpWindow *self)
{
  gtk_menu_button_popdown (self->year_button);
}

static void
on_set_year_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  int year = g_variant_get_int32 (parameter);

  if (year >= SP_YEAR_MIN && year <= SP_YEAR_MAX)
    sp_window_set_year (SP_WINDOW (widget), year);
}

static void
on_show_page_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack,
                                         g_variant_get_string (parameter, NULL));
}

/* The keyboard shortcuts window, built when first asked for: GtkApplication
 * would build it for every window at start-up from gtk/help-overlay.ui. */
static void
on_show_help_overlay_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/samplan/Samplan/sp-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
on_choose_year_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);

  gtk_menu_button_popup (self->year_button);
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  save_window_state (SP_WINDOW (window));
  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

/* The pages, made when first shown: each stack page of the window's
 * template holds an empty AdwBin of the same name. A page not yet seen costs
 * nothing at start-up, neither its widgets nor the data it loads. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} page_types[] = {
  { "plan", sp_plan_page_get_type },
  { "budget", sp_budget_page_get_type },
  { "follow-up", sp_follow_up_page_get_type },
  { "portfolio", sp_portfolio_page_get_type },
  { "members", sp_members_page_get_type },
};

/* Makes the page @name if it is not there yet; it then follows the window's
 * database and year. */
static void
ensure_page (SpWindow   *self,
             const char *name)
{
  GtkWidget *bin = name != NULL ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;
  GtkWidget *page = NULL;

  if (bin == NULL || !ADW_IS_BIN (bin) || adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (page_types); i++)
    if (g_str_equal (page_types[i].name, name))
      page = g_object_new (page_types[i].get_type (), NULL);
  if (page == NULL)
    return;

  /* The year first: the database then loads the right year once. */
  g_object_bind_property (self, "year", page, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "database", page, "database", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (bin), page);
}

static void
on_view_stack_notify_visible_child_cb (SpWindow *self)
{
  ensure_page (self, adw_view_stack_get_visible_child_name (self->view_stack));
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_notify_visible_child_cb), self, G_CONNECT_SWAPPED);
  on_view_stack_notify_visible_child_cb (self);
  restore_window_state (self);
  update_title (self);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed_cb, self);
  g_clear_object (&self->history);
  g_clear_object (&self->watch);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_window_set_database (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_YEAR:
      sp_window_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sp_window_constructed;
  object_class->dispose = sp_window_dispose;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, SP_YEAR_MIN, SP_YEAR_MAX, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_BUDGET_PAGE);
  g_type_ensure (SP_TYPE_MEMBERS_PAGE);
  g_type_ensure (SP_TYPE_PLAN_PAGE);
  g_type_ensure (SP_TYPE_PORTFOLIO_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, start_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_cb);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, year_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_year_spin_value_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", on_show_page_cb);
  /* A page that goes to another year (the plan page, after "start next year"). */
  gtk_widget_class_install_action (widget_class, "win.set-year", "i", on_set_year_cb);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, on_show_help_overlay_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  gtk_widget_class_install_action (widget_class, "win.choose-year", NULL, on_choose_year_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, on_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, on_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.start-association", NULL, on_start_association_cb);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, on_backup_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, on_export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, on_plan_document_cb);
  gtk_widget_class_install_action (widget_class, "win.export-pdf-to", "s", on_plan_document_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, on_plan_document_cb);
  gtk_widget_class_install_action (widget_class, "win.export-interim-pdf", NULL, on_report_document_cb);
  gtk_widget_class_install_action (widget_class, "win.export-annual-pdf", NULL, on_report_document_cb);
  gtk_widget_class_install_action (widget_class, "win.export-report-to", "(sus)", on_report_document_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-sie", NULL, on_import_sie_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-sie", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-page", "s", "plan");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-page", "s", "budget");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-page", "s", "portfolio");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-page", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.choose-year", NULL);
}

static void
sp_window_init (SpWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The icon is in our resources too, so it shows even where it is not installed. */
  adw_status_page_set_icon_name (self->welcome_page, BASE_ID);
  update_actions (self);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* In the autumn the office plans the coming year. */
  self->year = g_date_time_get_year (now) + (g_date_time_get_month (now) >= 9 ? 1 : 0);
  g_signal_handlers_block_by_func (self->year_spin, on_year_spin_value_changed_cb, self);
  gtk_spin_button_set_range (self->year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
  gtk_spin_button_set_value (self->year_spin, self->year);
  g_signal_handlers_unblock_by_func (self->year_spin, on_year_spin_value_changed_cb, self);
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->year_spin)), "activate",
                           G_CALLBACK (on_year_text_activate_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_year_button (self);
}

/**
 * sp_window_new:
 * @application: the application
 * @database: (nullable): the open database; %NULL shows the error page
 * @settings: (nullable): the application's settings
 */
SpWindow *
sp_window_new (GtkApplication *application,
               SpDatabase     *database,
               GSettings      *settings)
{
  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "database", database,
                       NULL);
}

SpDatabase *
sp_window_get_database (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->database;
}

void
sp_window_set_database (SpWindow   *self,
                        SpDatabase *database)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_elsewhere_cb, self);
  g_clear_object (&self->watch);
  g_set_object (&self->database, database);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed_cb, self);
  g_clear_object (&self->history);
  if (database != NULL)
    {
      int latest = sp_plan_year_get_latest (database);

      self->history = g_object_ref (sp_database_get_history (database));
      self->watch = sp_file_watch_new (GTK_WIDGET (self), database);
      g_signal_connect_object (database, "changed-elsewhere",
                               G_CALLBACK (on_database_changed_elsewhere_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      if (latest != 0)
        sp_window_set_year (self, latest);
      show_main_page (self, sp_association_is_new (database) ? "welcome" : "pages");
    }
  update_actions (self);
  gtk_revealer_set_reveal_child (self->read_only_revealer,
                                 database != NULL && sp_database_is_read_only (database));
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/**
 * sp_window_show_error:
 *
 * Shows why no database is open, with buttons to open or create one.
 */
void
sp_window_show_error (SpWindow   *self,
                      const char *title,
                      const char *message)
{
  g_return_if_fail (SP_IS_WINDOW (self));

  sp_window_set_database (self, NULL);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  show_main_page (self, "error");
}

int
sp_window_get_year (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), 0);
  return self->year;
}

void
sp_window_set_year (SpWindow *self,
                    int       year)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (year >= SP_YEAR_MIN && year <= SP_YEAR_MAX);

  if (self->year == year)
    return;

  self->year = year;
  if (gtk_spin_button_get_value_as_int (self->year_spin) != year)
    gtk_spin_button_set_value (self->year_spin, year);
  update_year_button (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * sp_window_get_page:
 *
 * Returns: the name of the page shown: plan, budget, portfolio or members
 */
const char *
sp_window_get_page (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
sp_window_add_toast (SpWindow   *self,
                     const char *message)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * sp_window_add_toast_object:
 * @toast: (transfer full): a toast with a button, say
 */
void
sp_window_add_toast_object (SpWindow *self,
                            AdwToast *toast)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * sp_window_backup_to:
 * @path: where the copy goes; never the database itself
 *
 * Writes a copy of the open database (through a temporary file renamed into
 * place) and says so in a toast.
 */
gboolean
sp_window_backup_to (SpWindow    *self,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *canonical = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->database == NULL)
    {
      g_set_error_literal (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                           _("No database is open."));
      return FALSE;
    }
  canonical = g_canonicalize_filename (path, NULL);
  if (g_strcmp0 (canonical, sp_database_get_path (self->database)) == 0)
    {
      g_set_error_literal (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                           _("A backup cannot replace the database itself. Choose another name."));
      return FALSE;
    }
  if (!sp_database_backup_to (self->database, canonical, error))
    return FALSE;

  name = g_filename_display_basename (canonical);
  message = g_strdup_printf (_("The backup was saved as “%s”."), name);
  sp_window_add_toast (self, message);
  return TRUE;
}
