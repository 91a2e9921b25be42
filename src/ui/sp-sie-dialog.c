/* sp-sie-dialog.c: what an SIE file will change, before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is written until the user presses Import: the dialog shows the
 * file, its warnings (with line numbers), the accounts that are not in the
 * budget (each with a choice of budget account), the ledger's objects and
 * the accounts that may stand for a project (sp-sie-account-projects.c),
 * and every change, and then imports it all as one edit that Ctrl+Z undoes.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sp-message.h"
#include "sp-sie-account-projects.h"
#include "sp-sie-dialog.h"

#include "sp-budget.h"
#include "sp-project.h"
#include "sie/sp-sie-import.h"

struct _SpSieDialog
{
  AdwWindow       parent_instance;

  SpDatabase     *database;
  SpSieFile      *file;
  char           *file_name;
  SpSieImport    *import;
  int             year;
  GPtrArray      *groups;       /* AdwPreferencesGroup shown on the page */
  GPtrArray      *mapping_rows; /* AdwComboRow of each account not in the budget */
  GPtrArray      *mapping_accounts; /* char *: the SIE account of the mapping row at the same index */
  GArray         *accounts;     /* int: the budget account of each choice after "leave out" */
  GtkStringList  *choices;
  GPtrArray      *object_rows;  /* AdwComboRow of each object without an area or a project */
  GPtrArray      *object_keys;  /* char *: "dimension object" of the object row at the same index */
  GArray         *object_targets; /* gint64[2]: area and project of each choice after "not chosen" and "leave out" */
  GtkStringList  *object_choices;
  SpSieAccountProjects *projects; /* the accounts' projects, kept across refreshes */
  GtkWidget      *changes_group;

  /* Template widgets */
  AdwPreferencesPage *page;
  GtkRevealer        *notice_revealer;
  GtkLabel           *notice_label;
};

G_DEFINE_FINAL_TYPE (SpSieDialog, sp_sie_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (SpSieDialog *self);
static void refresh_changes (SpSieDialog *self);

static char *
format_amount (SpMoney amount)
{
  if (amount == SP_BUDGET_NOT_SET)
    return g_strdup (C_("amount", "empty"));
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

static char *
format_date (guint32 yyyymmdd)
{
  return g_strdup_printf ("%04u-%02u-%02u", yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
}

static GtkWidget *
add_group (SpSieDialog *self,
           const char  *title,
           const char  *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);
  return group;
}

static void
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
on_mapping_selected_cb (AdwComboRow *row,
                        GParamSpec  *pspec,
                        SpSieDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  int account = selected == 0 || selected == GTK_INVALID_LIST_POSITION
                ? 0 : g_array_index (self->accounts, int, selected - 1);
  guint index;

  if (!g_ptr_array_find (self->mapping_rows, row, &index))
    return;
  sp_sie_dialog_map_account (self, g_ptr_array_index (self->mapping_accounts, index), account);
}

static void
on_object_selected_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       SpSieDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const gint64 *target;
  const char *key;
  guint index;

  /* 0: not chosen yet; 1: leave out; then the areas and the projects. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || !g_ptr_array_find (self->object_rows, row, &index))
    return;
  target = selected == 1 ? NULL : &g_array_index (self->object_targets, gint64, 2 * (selected - 2));
  key = g_ptr_array_index (self->object_keys, index);
  sp_sie_dialog_map_object (self, atoi (key), strchr (key, ' ') + 1,
                            target != NULL ? target[0] : 0, target != NULL ? target[1] : 0);
}

/* The areas of the year and the projects an object may stand for. */
static void
fill_object_choices (SpSieDialog *self)
{
  g_autoptr(GPtrArray) areas = sp_sie_import_list_areas (self->import, NULL);
  g_autoptr(SpRecordList) projects = sp_project_list_new (self->database);

  self->object_choices = gtk_string_list_new (NULL);
  /* Translators: an object (cost centre, project) of the accounting whose choice is still to be made */
  gtk_string_list_append (self->object_choices, _("Not chosen"));
  /* Translators: the choice for an object (cost centre, project) of the accounting that stands for nothing */
  gtk_string_list_append (self->object_choices, _("Leave out"));
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    {
      const SpSieImportArea *area = g_ptr_array_index (areas, i);
      g_autofree char *label = g_strdup_printf (_("Activity area: %s"), area->name);
      gint64 target[2] = { area->id, 0 };

      gtk_string_list_append (self->object_choices, label);
      g_array_append_vals (self->object_targets, target, 2);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (projects)); i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
      g_autofree char *label = g_strdup_printf (_("Project: %s"), sp_project_get_name (project));
      gint64 target[2] = { 0, sp_record_get_id (SP_RECORD (project)) };

      gtk_string_list_append (self->object_choices, label);
      g_array_append_vals (self->object_targets, target, 2);
    }
}

/* The dimension's name in the file ("Kostnadsställe"), or its number. */
static char *
dimension_name (SpSieDialog *self,
                int          dimension)
{
  for (guint i = 0; i < self->file->dims->len; i++)
    {
      const SpSieDim *dim = &g_array_index (self->file->dims, SpSieDim, i);

      if (dim->number == dimension && dim->name != NULL && dim->name[0] != '\0')
        return g_strdup (dim->name);
    }
  return g_strdup_printf (_("Dimension %d"), dimension);
}

static void
add_object_rows (SpSieDialog              *self,
                 const SpSieImportSummary *summary)
{
  GtkWidget *group;

  g_ptr_array_set_size (self->object_rows, 0);
  g_ptr_array_set_size (self->object_keys, 0);
  if (summary->unmapped_objects->len == 0)
    return;
  group = add_group (self, _("Objects Without an Activity Area or a Project"),
                     _("The ledger books these cost centres and projects. Choose what each stands for in the "
                       "plan, or leave it out: its amounts then stay with their account."));
  for (guint i = 0; i < summary->unmapped_objects->len; i++)
    {
      const SpSieImportObject *object = g_ptr_array_index (summary->unmapped_objects, i);
      g_autofree char *dimension = dimension_name (self, object->dimension);
      g_autofree char *title = g_strdup_printf ("%s %s %s", dimension, object->object,
                                                object->name != NULL ? object->name : "");
      g_autofree char *amount = format_amount (object->amount);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->object_choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
      g_ptr_array_add (self->object_rows, row);
      g_ptr_array_add (self->object_keys, g_strdup_printf ("%d %s", object->dimension, object->object));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_object_selected_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
fill_choices (SpSieDialog *self)
{
  g_autoptr(SpRecordList) accounts = sp_account_list_new (self->database);

  self->choices = gtk_string_list_new (NULL);
  /* Translators: the choice for an accounting account that is not imported */
  gtk_string_list_append (self->choices, _("Leave out"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (accounts)); i++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), i);
      g_autofree char *label = g_strdup_printf ("%d %s", sp_account_get_number (account),
                                                sp_account_get_name (account));
      int number = sp_account_get_number (account);

      gtk_string_list_append (self->choices, label);
      g_array_append_val (self->accounts, number);
    }
}

/* The group of changes, the page's last. */
static void
add_changes (SpSieDialog              *self,
             const SpSieImportSummary *summary)
{
  GtkWidget *group;

  group = add_group (self, _("Changes"), NULL);
  self->changes_group = group;
  if (summary->months_change)
    {
      g_autofree char *title = g_strdup_printf (_("Monthly actuals %d"), summary->year);
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u amount by month, activity area and project",
                                                                "%u amounts by month, activity area and project",
                                                                summary->n_month_rows),
                                                   summary->n_month_rows);
      add_row (group, title, subtitle);
    }
  if (summary->n_project_mappings_changed > 0)
    {
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u account’s project is remembered",
                                                                "%u accounts’ projects are remembered",
                                                                summary->n_project_mappings_changed),
                                                   summary->n_project_mappings_changed);
      add_row (group, _("Accounts of Projects"), subtitle);
    }
  if (summary->actual_changes->len == 0 && summary->line_changes->len == 0 && !summary->months_change &&
      summary->n_project_mappings_changed == 0)
    add_row (group, _("Nothing changes"),
             summary->n_mapped == 0 && summary->unmapped->len > 0
             ? _("No account of the file is in the budget yet.")
             : _("These actuals are already in the database."));
  for (guint i = 0; i < summary->actual_changes->len; i++)
    {
      const SpSieActualChange *change = g_ptr_array_index (summary->actual_changes, i);
      g_autofree char *title = g_strdup_printf (_("Actuals %d: %d %s"), summary->year, change->account, change->name);
      g_autofree char *old_amount = format_amount (change->old_amount);
      g_autofree char *new_amount = format_amount (change->new_amount);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", old_amount, new_amount);
      add_row (group, title, subtitle);
    }
  for (guint i = 0; i < summary->line_changes->len; i++)
    {
      const SpSieLineChange *change = g_ptr_array_index (summary->line_changes, i);
      g_autofree char *title = g_strdup_printf (_("Budget %d, previous year’s actuals: %d %s"),
                                                summary->year + 1, change->account, change->text);
      g_autofree char *old_amount = format_amount (change->old_amount);
      g_autofree char *new_amount = format_amount (change->new_amount);
      g_autofree char *subtitle = g_strdup_printf ("%s → %s", old_amount, new_amount);
      add_row (group, title, subtitle);
    }
}

/* The notice above the page and whether Import may be pressed. */
static void
update_notice (SpSieDialog              *self,
               const SpSieImportSummary *summary)
{
  const char *notice = NULL;

  if (summary->org_match == SP_SIE_ORG_DIFFERS)
    notice = _("This file holds the books of another organisation. It cannot be imported.");
  else if (summary->nothing_to_do && summary->n_mapped == 0 && summary->unmapped->len > 0)
    notice = _("None of the file’s accounts is in the budget yet: choose a budget account for each of them.");
  else if (summary->nothing_to_do)
    notice = _("This file is imported already: importing it again would change nothing.");
  gtk_label_set_label (self->notice_label, notice != NULL ? notice : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, notice != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sie.import", sp_sie_dialog_can_import (self));
}

/* Shows the summary of the import as it stands. */
static void
refresh (SpSieDialog *self)
{
  const SpSieImportSummary *summary = sp_sie_import_get_summary (self->import);
  g_autofree char *start = format_date (summary->year_start);
  g_autofree char *end = format_date (summary->year_end);
  g_autofree char *revenue = format_amount (summary->revenue);
  g_autofree char *costs = format_amount (summary->costs);
  g_autofree char *text = NULL;
  GtkWidget *group;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->mapping_rows, 0);
  g_ptr_array_set_size (self->mapping_accounts, 0);

  group = add_group (self, _("File"), NULL);
  add_row (group, _("File"), summary->file_name);
  add_row (group, _("Company"), summary->company != NULL ? summary->company : "");
  if (summary->org_match == SP_SIE_ORG_DIFFERS)
    text = g_strdup_printf (_("%s — not the association’s (%s)"), summary->org_number,
                            summary->association_org_number);
  else
    text = g_strdup (summary->org_number != NULL ? summary->org_number : "");
  add_row (group, _("Organisation number"), text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("%s – %s, imported as the actuals of %d"), start, end, summary->year);
  add_row (group, _("Fiscal year"), text);
  g_clear_pointer (&text, g_free);
  text = sp_sie_import_describe_months (summary);
  add_row (group, _("Months"), text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("%u accounts, %u vouchers"), summary->n_accounts, summary->n_vouchers);
  add_row (group, _("Contents"), text);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf (_("Revenue %s, costs %s"), revenue, costs);
  add_row (group, _("Result accounts"), text);
  g_clear_pointer (&text, g_free);

  if (self->file->problems->len > 0)
    {
      group = add_group (self, _("Warnings"),
                         _("The file can be imported, but check these first."));
      for (guint i = 0; i < self->file->problems->len; i++)
        {
          const SpSieProblem *problem = &g_array_index (self->file->problems, SpSieProblem, i);
          g_autofree char *where = problem->line > 0 ? g_strdup_printf (_("Line %u"), problem->line)
                                                     : g_strdup (_("The whole file"));
          add_row (group, where, problem->message);
        }
    }

  if (summary->unmapped->len > 0)
    {
      group = add_group (self, _("Accounts Not in the Budget"),
                         _("Choose the budget account each belongs to, or leave it out."));
      for (guint i = 0; i < summary->unmapped->len; i++)
        {
          const SpSieImportAccount *account = g_ptr_array_index (summary->unmapped, i);
          g_autofree char *title = g_strdup_printf ("%s %s", account->sie_account,
                                                    account->name != NULL ? account->name : "");
          g_autofree char *amount = format_amount (account->amount);
          GtkWidget *row = adw_combo_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->choices));
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
          g_ptr_array_add (self->mapping_rows, row);
          g_ptr_array_add (self->mapping_accounts, g_strdup (account->sie_account));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_mapping_selected_cb), self, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
        }
    }

  add_object_rows (self, summary);

  if (self->projects != NULL)
    {
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->projects));
      g_ptr_array_add (self->groups, self->projects);
      sp_sie_account_projects_update (self->projects, summary);
    }

  add_changes (self, summary);
  update_notice (self, summary);
}

/* After a project is chosen for an account: only the changes, so that the
 * row the user works in stays, with the focus. */
static void
refresh_changes (SpSieDialog *self)
{
  const SpSieImportSummary *summary = sp_sie_import_get_summary (self->import);

  if (self->changes_group != NULL)
    {
      adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (self->changes_group));
      g_ptr_array_remove (self->groups, self->changes_group);
      self->changes_group = NULL;
    }
  sp_sie_account_projects_update (self->projects, summary);
  add_changes (self, summary);
  update_notice (self, summary);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SpSieDialog *self = data;

  if (self->import != NULL)
    refresh (self);
  return G_SOURCE_REMOVE;
}

static gboolean
refresh_changes_idle_cb (gpointer data)
{
  SpSieDialog *self = data;

  if (self->import != NULL)
    refresh_changes (self);
  return G_SOURCE_REMOVE;
}

static void
on_projects_project_chosen_cb (SpSieAccountProjects *projects,
                               const char           *sie_account,
                               gint64                project_id,
                               SpSieDialog          *self)
{
  sp_sie_dialog_map_account_project (self, sie_account, project_id);
}

static void
on_import_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpSieDialog *self = SP_SIE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int year = self->year;

  if (!sp_sie_dialog_import (self, &error))
    {
      sp_show_message (GTK_WINDOW (self), _("The Import Failed"), error->message);
      return;
    }
  message = g_strdup_printf (_("The actuals of %d were imported. Ctrl+Z undoes it."), year);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
sp_sie_dialog_dispose (GObject *object)
{
  SpSieDialog *self = SP_SIE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SIE_DIALOG);
  g_clear_pointer (&self->import, sp_sie_import_free);
  g_clear_pointer (&self->file, sp_sie_file_free);
  g_clear_object (&self->database);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_accounts, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_array_unref);
  g_clear_object (&self->object_choices);
  g_clear_pointer (&self->object_rows, g_ptr_array_unref);
  g_clear_pointer (&self->object_keys, g_ptr_array_unref);
  g_clear_pointer (&self->object_targets, g_array_unref);
  g_clear_object (&self->projects);

  G_OBJECT_CLASS (sp_sie_dialog_parent_class)->dispose (object);
}

static void
sp_sie_dialog_finalize (GObject *object)
{
  SpSieDialog *self = SP_SIE_DIALOG (object);

  g_free (self->file_name);

  G_OBJECT_CLASS (sp_sie_dialog_parent_class)->finalize (object);
}

static void
sp_sie_dialog_class_init (SpSieDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_sie_dialog_dispose;
  object_class->finalize = sp_sie_dialog_finalize;

  /**
   * SpSieDialog::imported:
   * @message: says what was imported, for a toast
   *
   * The user imported the file; the dialog closes right after.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-sie-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSieDialog, page);
  gtk_widget_class_bind_template_child (widget_class, SpSieDialog, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpSieDialog, notice_label);

  gtk_widget_class_install_action (widget_class, "sie.import", NULL, on_import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_sie_dialog_init (SpSieDialog *self)
{
  self->groups = g_ptr_array_new ();
  self->mapping_rows = g_ptr_array_new ();
  self->mapping_accounts = g_ptr_array_new_with_free_func (g_free);
  self->accounts = g_array_new (FALSE, FALSE, sizeof (int));
  self->object_rows = g_ptr_array_new ();
  self->object_keys = g_ptr_array_new_with_free_func (g_free);
  self->object_targets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_sie_dialog_new:
 * @path: the SIE file
 * @year: the year whose actuals the file holds
 *
 * Reads the file. A file with errors (not SIE, truncated, a wrong checksum…)
 * gives no dialog but @error, listing the problems with their lines.
 *
 * Returns: (transfer full) (nullable): the dialog, not shown yet
 */
SpSieDialog *
sp_sie_dialog_new (GtkWindow   *parent,
                   SpDatabase  *database,
                   const char  *path,
                   int          year,
                   GError     **error)
{
  g_autoptr(SpSieDialog) self = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  self = g_object_ref_sink (g_object_new (SP_TYPE_SIE_DIALOG, "transient-for", parent, NULL));
  self->database = g_object_ref (database);
  self->file = sp_sie_parse ((const guint8 *) contents, length);
  self->file_name = g_path_get_basename (path);
  self->year = year;

  if (sp_sie_file_has_errors (self->file))
    {
      g_autoptr(GString) problems = g_string_new (NULL);

      for (guint i = 0; i < self->file->problems->len && i < 10; i++)
        {
          const SpSieProblem *problem = &g_array_index (self->file->problems, SpSieProblem, i);
          g_autofree char *line = sp_sie_problem_to_string (problem);
          if (problem->severity == SP_SIE_ERROR)
            g_string_append_printf (problems, "\n%s", line);
        }
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” cannot be imported:%s"), self->file_name, problems->str);
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  self->import = sp_sie_import_new (database, self->file, self->file_name, year, error);
  if (self->import == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  fill_choices (self);
  fill_object_choices (self);
  self->projects = g_object_ref_sink (sp_sie_account_projects_new (database, sp_sie_import_get_summary (self->import)));
  g_signal_connect_object (self->projects, "project-chosen", G_CALLBACK (on_projects_project_chosen_cb), self, 0);
  refresh (self);
  return g_steal_pointer (&self);
}

/* Whether Import may be pressed: a file of the förbund that changes something. */
gboolean
sp_sie_dialog_can_import (SpSieDialog *self)
{
  const SpSieImportSummary *summary;

  g_return_val_if_fail (SP_IS_SIE_DIALOG (self), FALSE);
  summary = sp_sie_import_get_summary (self->import);
  return summary->org_match != SP_SIE_ORG_DIFFERS && !summary->nothing_to_do;
}

/**
 * sp_sie_dialog_map_account:
 * @budget_account: the budget account, or 0 to leave the account out
 *
 * What the mapping row does; the summary is shown anew.
 */
gboolean
sp_sie_dialog_map_account (SpSieDialog *self,
                           const char  *sie_account,
                           int          budget_account)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SP_IS_SIE_DIALOG (self), FALSE);

  if (!sp_sie_import_map_account (self->import, sie_account, budget_account, &error))
    {
      g_warning ("Could not map %s: %s", sie_account, error->message);
      return FALSE;
    }
  /* Not from inside the combo row's own notify: the row is about to be replaced. */
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

/**
 * sp_sie_dialog_map_object:
 * @area_id: the activity area the object stands for, or 0
 * @project_id: the project it stands for, or 0 (both 0: leave it out)
 *
 * What an object's row does; the summary is shown anew.
 */
gboolean
sp_sie_dialog_map_object (SpSieDialog *self,
                          int          dimension,
                          const char  *object,
                          gint64       area_id,
                          gint64       project_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SP_IS_SIE_DIALOG (self), FALSE);

  if (!sp_sie_import_map_object (self->import, dimension, object, area_id, project_id, &error))
    {
      sp_show_message (GTK_WINDOW (self), _("The Object Cannot Be Mapped"), error->message);
      return FALSE;
    }
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

/**
 * sp_sie_dialog_map_account_project:
 * @project_id: the project whose money the account holds, or 0 for none
 *
 * What an account's row among the accounts of projects does; the changes
 * are shown anew.
 */
gboolean
sp_sie_dialog_map_account_project (SpSieDialog *self,
                                   const char  *sie_account,
                                   gint64       project_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SP_IS_SIE_DIALOG (self), FALSE);

  if (!sp_sie_import_map_account_project (self->import, sie_account, project_id, &error))
    {
      sp_show_message (GTK_WINDOW (self), _("The Project Cannot Be Chosen"), error->message);
      g_idle_add_full (G_PRIORITY_DEFAULT, refresh_changes_idle_cb, g_object_ref (self), g_object_unref);
      return FALSE;
    }
  g_idle_add_full (G_PRIORITY_DEFAULT, refresh_changes_idle_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

gboolean
sp_sie_dialog_import (SpSieDialog  *self,
                      GError      **error)
{
  g_return_val_if_fail (SP_IS_SIE_DIALOG (self), FALSE);
  return sp_sie_import_apply (self->import, error);
}
