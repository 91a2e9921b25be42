/* sp-sie-account-projects.c: the import window's choice of a project per ledger account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Some förbund book each project on a ledger account of its own ("4611
 * Projekt Steget") rather than on a project object. In the import window,
 * before anything is written, each account of the file that is imported can
 * be tied to a project of the year: its monthly actuals (those no project
 * object claims) then count as the project's payouts. The rows live in one
 * expander, so that a file with many accounts keeps the window short; it is
 * open when an account is tied to a project already (remembered from an
 * earlier import, sp-sie-import-projects.c), and its subtitle says how many
 * are. A choice is reported with ::project-chosen; the window hands it to
 * the import, which writes it with the rest as one undoable edit.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-sie-account-projects.h"

#include "sp-portfolio.h"
#include "sp-project.h"

struct _SpSieAccountProjects
{
  AdwPreferencesGroup  parent_instance;

  GtkStringList       *choices;     /* "No project", then "Project: name" */
  GArray              *project_ids; /* gint64: the project of each choice after the first */
  GPtrArray           *rows;        /* AdwComboRow of each imported account */
  GPtrArray           *accounts;    /* char *: the SIE account of the row at the same index */
  gboolean             updating;

  /* Template widgets */
  AdwExpanderRow      *expander;
};

G_DEFINE_FINAL_TYPE (SpSieAccountProjects, sp_sie_account_projects, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_PROJECT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
tied_in (const SpSieImportSummary *summary,
         gint64                    project_id)
{
  for (guint i = 0; i < summary->accounts->len; i++)
    if (((const SpSieImportAccount *) summary->accounts->pdata[i])->project_id == project_id)
      return TRUE;
  return FALSE;
}

/* The projects that run in the year or have funds granted for it, in the
 * portfolio's order, and any project an account is tied to already. */
static void
fill_choices (SpSieAccountProjects     *self,
              SpDatabase               *database,
              const SpSieImportSummary *summary)
{
  g_autoptr(SpRecordList) projects = sp_project_list_new (database);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) figures = sp_project_get_year_figures (database, summary->year, &error);

  if (figures == NULL)
    g_warning ("Could not read the projects of %d: %s", summary->year, error->message);
  /* Translators: the choice for a ledger account that holds no project's money */
  gtk_string_list_append (self->choices, _("No project"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (projects)); i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
      gint64 id = sp_record_get_id (SP_RECORD (project));
      const SpProjectYearFigures *figure = figures != NULL ? g_hash_table_lookup (figures, &id) : NULL;
      g_autofree char *label = NULL;

      if (!(figure != NULL && (figure->active || figure->has_grant)) && !tied_in (summary, id))
        continue;
      label = g_strdup_printf (_("Project: %s"), sp_project_get_name (project));
      gtk_string_list_append (self->choices, label);
      g_array_append_val (self->project_ids, id);
    }
}

static guint
choice_of (SpSieAccountProjects *self,
           gint64                project_id)
{
  for (guint i = 0; project_id != 0 && i < self->project_ids->len; i++)
    if (g_array_index (self->project_ids, gint64, i) == project_id)
      return i + 1;
  return 0;
}

static char *
format_amount (SpMoney amount)
{
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

/* Whether the rows are those of the summary's imported accounts, in order. */
static gboolean
rows_match (SpSieAccountProjects     *self,
            const SpSieImportSummary *summary)
{
  guint n = 0;

  for (guint i = 0; i < summary->accounts->len; i++)
    {
      const SpSieImportAccount *account = summary->accounts->pdata[i];

      if (account->budget_account == 0)
        continue;
      if (n >= self->accounts->len || !g_str_equal (self->accounts->pdata[n], account->sie_account))
        return FALSE;
      n++;
    }
  return n == self->accounts->len;
}

/* ---- Signal handlers ----------------------------------------------------- */

static void
on_row_selected_cb (AdwComboRow          *row,
                    GParamSpec           *pspec,
                    SpSieAccountProjects *self)
{
  guint selected = adw_combo_row_get_selected (row);
  guint index;

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || !g_ptr_array_find (self->rows, row, &index))
    return;
  g_signal_emit (self, signals[SIGNAL_PROJECT_CHOSEN], 0, g_ptr_array_index (self->accounts, index),
                 selected == 0 ? (gint64) 0 : g_array_index (self->project_ids, gint64, selected - 1));
}

/* ---- GObject ------------------------------------------------------------- */

static void
sp_sie_account_projects_dispose (GObject *object)
{
  SpSieAccountProjects *self = SP_SIE_ACCOUNT_PROJECTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SIE_ACCOUNT_PROJECTS);
  g_clear_object (&self->choices);
  g_clear_pointer (&self->project_ids, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_sie_account_projects_parent_class)->dispose (object);
}

static void
sp_sie_account_projects_class_init (SpSieAccountProjectsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_sie_account_projects_dispose;

  /**
   * SpSieAccountProjects::project-chosen:
   * @sie_account: the ledger account
   * @project_id: the project chosen for it, or 0 for none
   *
   * The user chose a project for an account in its row.
   */
  signals[SIGNAL_PROJECT_CHOSEN] =
    g_signal_new ("project-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-sie-account-projects.ui");
  gtk_widget_class_bind_template_child (widget_class, SpSieAccountProjects, expander);
}

static void
sp_sie_account_projects_init (SpSieAccountProjects *self)
{
  self->choices = gtk_string_list_new (NULL);
  self->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->rows = g_ptr_array_new ();
  self->accounts = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API ---------------------------------------------------------- */

/**
 * sp_sie_account_projects_new:
 * @summary: the import's summary as it is when the window opens
 *
 * Returns: (transfer floating): the group, with a row per imported account
 */
SpSieAccountProjects *
sp_sie_account_projects_new (SpDatabase               *database,
                             const SpSieImportSummary *summary)
{
  SpSieAccountProjects *self;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (SP_TYPE_SIE_ACCOUNT_PROJECTS, NULL);
  fill_choices (self, database, summary);
  sp_sie_account_projects_update (self, summary);
  /* Open when a choice was made before, so that the user sees it again. */
  for (guint i = 0; i < summary->accounts->len; i++)
    if (((const SpSieImportAccount *) summary->accounts->pdata[i])->project_id != 0)
      adw_expander_row_set_expanded (self->expander, TRUE);
  return self;
}

/**
 * sp_sie_account_projects_update:
 * @summary: the import's summary as it stands
 *
 * Shows the summary's imported accounts with their projects. The rows are
 * made again only when the accounts changed (a budget account chosen for
 * one), so that a row the user works in stays.
 */
void
sp_sie_account_projects_update (SpSieAccountProjects     *self,
                                const SpSieImportSummary *summary)
{
  g_autofree char *subtitle = NULL;
  guint n_tied = 0;
  guint n = 0;

  g_return_if_fail (SP_IS_SIE_ACCOUNT_PROJECTS (self));

  self->updating = TRUE;
  if (!rows_match (self, summary))
    {
      for (guint i = 0; i < self->rows->len; i++)
        adw_expander_row_remove (self->expander, g_ptr_array_index (self->rows, i));
      g_ptr_array_set_size (self->rows, 0);
      g_ptr_array_set_size (self->accounts, 0);
      for (guint i = 0; i < summary->accounts->len; i++)
        {
          const SpSieImportAccount *account = summary->accounts->pdata[i];
          g_autofree char *title = NULL;
          g_autofree char *amount = NULL;
          GtkWidget *row;

          if (account->budget_account == 0)
            continue;
          title = g_strdup_printf ("%s %s", account->sie_account, account->name != NULL ? account->name : "");
          amount = format_amount (account->amount);
          row = adw_combo_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (title));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), amount);
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (self->choices));
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected_cb), self, 0);
          adw_expander_row_add_row (self->expander, row);
          g_ptr_array_add (self->rows, row);
          g_ptr_array_add (self->accounts, g_strdup (account->sie_account));
        }
    }
  for (guint i = 0; i < summary->accounts->len; i++)
    {
      const SpSieImportAccount *account = summary->accounts->pdata[i];

      if (account->budget_account == 0)
        continue;
      adw_combo_row_set_selected (g_ptr_array_index (self->rows, n++), choice_of (self, account->project_id));
      if (account->project_id != 0)
        n_tied++;
    }
  self->updating = FALSE;

  if (n_tied == 0)
    subtitle = g_strdup (_("No account is tied to a project."));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account is tied to a project.",
                                             "%u accounts are tied to a project.", n_tied),
                                n_tied);
  adw_expander_row_set_subtitle (self->expander, subtitle);
  /* Without imported accounts or projects of the year there is nothing to choose. */
  gtk_widget_set_visible (GTK_WIDGET (self), self->rows->len > 0 && self->project_ids->len > 0);
}
