/* sp-portfolio-page.c: the project portfolio (Projekt) page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All projects across the years in a table (SpPortfolioTable), sorted, then
 * filtered by the bar above it (SpPortfolioFilterBar), with the figures of the
 * page's year beside them and the counts and funds under the bar
 * (SpPortfolioSummary); the editor of the selected project is in a leaflet
 * beside the list (SpPortfolioEditorPane). The page keeps the models, the
 * selection, and the page's actions and shortcuts.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-portfolio-page.h"

#include "sp-member.h"
#include "sp-portfolio.h"
#include "sp-project.h"
#include "sp-project-payout.h"
#include "ui/sp-delete-project-dialog.h"
#include "ui/sp-new-project-dialog.h"
#include "ui/sp-portfolio-editor-pane.h"
#include "ui/sp-portfolio-filter-bar.h"
#include "ui/sp-portfolio-summary.h"
#include "ui/sp-portfolio-table.h"
#include "ui/sp-project-chart.h"
#include "sp-widget-util.h"

struct _SpPortfolioPage
{
  GtkWidget               parent_instance;

  SpDatabase             *database;
  int                     year;
  gulong                  changed_id;

  SpRecordList           *projects;
  SpRecordList           *members;
  GtkFilterListModel     *filter_model;
  GtkSortListModel       *sort_model;
  GtkSingleSelection     *selection;

  GHashTable             *figures;             /* the page year's: gint64 * → SpProjectYearFigures */
  int                     filter_figures_year; /* the year whose figures the filter bar has */
  guint                   warm_id;             /* idle: the projects' search texts */
  guint                   warm_position;

  /* Template widgets */
  GtkStack               *main_stack;
  AdwLeaflet             *leaflet;
  SpPortfolioFilterBar   *filter_bar;
  SpPortfolioSummary     *summary;
  GtkStack               *list_stack;
  GtkStack               *view_stack;
  SpProjectChart         *chart;
  SpPortfolioTable       *table;
  SpPortfolioEditorPane  *editor_pane;
};

G_DEFINE_FINAL_TYPE (SpPortfolioPage, sp_portfolio_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ------------------------------------------------------------ */

/* The figures of the filter bar's year, if it has one. */
static void
load_filter_figures (SpPortfolioPage *self)
{
  g_autoptr(GHashTable) filter_figures = NULL;
  int filter_year = sp_portfolio_filter_bar_get_year (self->filter_bar);

  self->filter_figures_year = filter_year;
  if (self->database != NULL && filter_year != 0)
    {
      if (filter_year == self->year && self->figures != NULL)
        filter_figures = g_hash_table_ref (self->figures);
      else
        filter_figures = sp_project_get_year_figures (self->database, filter_year, NULL);
    }
  sp_portfolio_filter_bar_set_year_figures (self->filter_bar, filter_figures);
}

/* Paid to date in the page's year: all the ledger has given for it so far. */
static void
load_payouts (SpPortfolioPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) payouts = NULL;

  /* No year yet before the window sets one. */
  if (self->database != NULL && self->year > 0)
    {
      payouts = sp_project_payouts_get (self->database, self->year, 12, &error);
      if (payouts == NULL)
        g_warning ("Could not read the projects’ payouts of %d: %s", self->year, error->message);
    }
  sp_portfolio_table_set_payouts (self->table, payouts);
}

static void
load_figures (SpPortfolioPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->figures, g_hash_table_unref);
  if (self->database != NULL)
    {
      self->figures = sp_project_get_year_figures (self->database, self->year, &error);
      if (self->figures == NULL)
        g_warning ("Could not read the portfolio’s figures of %d: %s", self->year, error->message);
    }
  sp_portfolio_table_set_figures (self->table, self->figures);
  load_payouts (self);
  load_filter_figures (self);
}

static void
update_chart (SpPortfolioPage *self)
{
  GArray *years = sp_portfolio_filter_bar_get_years (self->filter_bar);
  int first = 0, last = 0;

  if (!sp_portfolio_filter_bar_get_show_chart (self->filter_bar))
    return;
  if (years->len > 0)
    {
      first = g_array_index (years, int, 0);
      last = g_array_index (years, int, years->len - 1);
    }
  sp_project_chart_set_data (self->chart, self->database, G_LIST_MODEL (self->filter_model), first, last);
}

static void
update_counts (SpPortfolioPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint n_applications = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (model, i);

      if (sp_project_get_status (project) == SP_PROJECT_STATUS_APPLICATION)
        n_applications++;
    }

  sp_portfolio_summary_set_counts (self->summary, n, n_applications);

  if (self->projects != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->projects)) > 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_chart (self);
}

static SpProject *
get_selected_project (SpPortfolioPage *self)
{
  if (self->selection == NULL)
    return NULL;
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (SpPortfolioPage *self)
{
  gboolean writable = self->database != NULL && !sp_database_is_read_only (self->database);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.new", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.delete",
                                 writable && get_selected_project (self) != NULL);
}

static void
update_editor (SpPortfolioPage *self)
{
  SpProject *project = get_selected_project (self);

  sp_portfolio_editor_pane_set_project (self->editor_pane, project);
  update_actions (self);
}

static void
rebuild_year_list (SpPortfolioPage *self)
{
  sp_portfolio_filter_bar_set_years (self->filter_bar, self->database, G_LIST_MODEL (self->projects), self->year);
}

/* Everything that depends on the figures of a year or on other tables. */
static void
refresh (SpPortfolioPage *self)
{
  load_figures (self);
  sp_portfolio_filter_bar_refilter (self->filter_bar);
  sp_portfolio_table_update_cells (self->table);
  update_counts (self);
  sp_portfolio_summary_update_funds (self->summary, self->database, self->year);
  update_editor (self);
}

static void
select_project (SpPortfolioPage *self,
                gint64           id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (sp_record_get_id (SP_RECORD (project)) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
show_toast (SpPortfolioPage *self,
            const char      *message,
            gboolean         with_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_debug ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_filter_bar_changed_cb (SpPortfolioPage *self)
{
  if (sp_portfolio_filter_bar_get_year (self->filter_bar) != self->filter_figures_year)
    load_filter_figures (self);
  sp_portfolio_filter_bar_refilter (self->filter_bar);
  update_counts (self);
}

static void
on_filter_bar_notify_show_chart_cb (SpPortfolioPage *self)
{
  gboolean active = sp_portfolio_filter_bar_get_show_chart (self->filter_bar);

  gtk_stack_set_visible_child_name (self->view_stack, active ? "chart" : "table");
  update_chart (self);
}

static void
on_editor_pane_back_cb (SpPortfolioPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Folded, a click opens the project: the editor is not beside the list. */
static void
on_leaflet_notify_folded_cb (SpPortfolioPage *self)
{
  sp_portfolio_table_set_single_click_activate (self->table, adw_leaflet_get_folded (self->leaflet));
}

static void
on_selection_notify_selected_cb (SpPortfolioPage *self)
{
  update_editor (self);
}

static void
on_table_activate_cb (SpPortfolioPage *self,
                      guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor_pane));
}

static void
on_filter_model_items_changed_cb (SpPortfolioPage *self)
{
  update_counts (self);
}

static void
on_database_changed_cb (SpDatabase      *database,
                        const char     **tables,
                        SpPortfolioPage *self)
{
  if (tables != NULL && (g_strv_contains (tables, "plan_year") || g_strv_contains (tables, "project")))
    rebuild_year_list (self);
  refresh (self);
}

static void
on_new_response_cb (SpNewProjectDialog *dialog,
                    const char         *response,
                    SpPortfolioPage    *self)
{
  g_autoptr(GError) error = NULL;
  SpProjectData data = { 0 };
  gint64 id;

  if (g_strcmp0 (response, "create") != 0 || self->database == NULL)
    return;

  data.name = sp_new_project_dialog_get_name (dialog);
  data.kind = SP_PROJECT_KIND_PROJECT;
  data.planned_participants = -1;
  id = sp_project_add (self->database, &data, &error);
  if (id <= 0)
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  /* The new application shows whatever the filters say. */
  sp_portfolio_filter_bar_reset (self->filter_bar);
  select_project (self, id);
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->editor_pane));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  SpNewProjectDialog *dialog;

  if (self->database == NULL)
    return;

  dialog = sp_new_project_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response_cb), self, 0);
  sp_new_project_dialog_present (dialog);
}

static void
on_delete_response_cb (SpDeleteProjectDialog *dialog,
                       const char            *response,
                       SpPortfolioPage       *self)
{
  gint64 id = sp_delete_project_dialog_get_project_id (dialog);
  const char *name = sp_delete_project_dialog_get_project_name (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean archived = FALSE;

  if (g_strcmp0 (response, "delete") != 0 || self->database == NULL)
    return;

  if (!sp_project_delete (self->database, id, &archived, &error))
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  if (archived)
    /* Translators: a toast; %s is the project's name */
    message = g_strdup_printf (_("“%s” has board decisions, so it was archived"), name);
  else
    /* Translators: a toast; %s is the project's name */
    message = g_strdup_printf (_("“%s” deleted"), name);
  show_toast (self, message, TRUE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (widget);
  SpProject *project = get_selected_project (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  SpDeleteProjectDialog *dialog;

  if (project == NULL || self->database == NULL)
    return;

  dialog = sp_delete_project_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, project);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (widget);

  if (gtk_stack_get_visible_child_name (self->main_stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "content"))
    {
      adw_leaflet_set_visible_child_name (self->leaflet, "list");
      sp_portfolio_filter_bar_focus_search (self->filter_bar);
    }
}

/* ---- Object ------------------------------------------------------------- */

/* Folds the projects' search texts while nothing else happens, a few
 * milliseconds at a time, so that the first keystroke of a search does not
 * fold ten thousand names. */
static gboolean
warm_search_texts_cb (gpointer user_data)
{
  SpPortfolioPage *self = user_data;
  GListModel *projects = G_LIST_MODEL (self->projects);
  guint n = projects != NULL ? g_list_model_get_n_items (projects) : 0;
  gint64 until = g_get_monotonic_time () + 4000;

  while (self->warm_position < n)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (projects, self->warm_position++);

      sp_project_get_search_text (project);
      if (self->warm_position % 64 == 0 && g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }
  self->warm_id = 0;
  return G_SOURCE_REMOVE;
}

static void
set_up_models (SpPortfolioPage *self)
{
  GtkSorter *view_sorter;

  /* Sorted first, then filtered: a keystroke in the search refilters the
   * sorted list and never sorts again. */
  view_sorter = g_object_ref (sp_portfolio_table_get_sorter (self->table));
  self->sort_model = gtk_sort_list_model_new (NULL, view_sorter);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (sp_portfolio_filter_bar_get_filter (self->filter_bar)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  sp_portfolio_table_set_model (self->table, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_notify_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_filter_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
sp_portfolio_page_dispose (GObject *object)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  if (self->table != NULL)
    sp_portfolio_table_set_model (self->table, NULL);
  sp_portfolio_page_set_database (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PORTFOLIO_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  self->table = NULL;

  G_OBJECT_CLASS (sp_portfolio_page_parent_class)->dispose (object);
}

static void
sp_portfolio_page_finalize (GObject *object)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (sp_portfolio_page_parent_class)->finalize (object);
}

static void
sp_portfolio_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_portfolio_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_portfolio_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_portfolio_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_portfolio_page_class_init (SpPortfolioPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_portfolio_page_dispose;
  object_class->finalize = sp_portfolio_page_finalize;
  object_class->get_property = sp_portfolio_page_get_property;
  object_class->set_property = sp_portfolio_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_PORTFOLIO_EDITOR_PANE);
  g_type_ensure (SP_TYPE_PROJECT_CHART);
  g_type_ensure (SP_TYPE_PORTFOLIO_FILTER_BAR);
  g_type_ensure (SP_TYPE_PORTFOLIO_SUMMARY);
  g_type_ensure (SP_TYPE_PORTFOLIO_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-portfolio-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, summary);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, table);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, editor_pane);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_bar_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_bar_notify_show_chart_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_pane_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_activate_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "portfolio.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "portfolio.search", NULL, search_action);
}

static void
sp_portfolio_page_init (SpPortfolioPage *self)
{
  /* Wherever the focus is while the page is shown. */
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "portfolio.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "portfolio.new" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  set_up_models (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_notify_folded_cb),
                           self, G_CONNECT_SWAPPED);
  on_leaflet_notify_folded_cb (self);
  update_counts (self);
  update_actions (self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_portfolio_page_new (void)
{
  return g_object_new (SP_TYPE_PORTFOLIO_PAGE, NULL);
}

SpDatabase *
sp_portfolio_page_get_database (SpPortfolioPage *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_PAGE (self), NULL);

  return self->database;
}

void
sp_portfolio_page_set_database (SpPortfolioPage *self,
                                SpDatabase      *database)
{
  g_return_if_fail (SP_IS_PORTFOLIO_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_object (&self->projects);
  g_clear_object (&self->members);
  g_set_object (&self->database, database);

  if (self->editor_pane != NULL)
    sp_portfolio_editor_pane_set_database (self->editor_pane, database);

  if (database != NULL)
    {
      self->projects = sp_project_list_new (database);
      self->members = sp_member_list_new (database);
      self->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed_cb), self);
    }

  if (self->filter_model != NULL)
    {
      sp_portfolio_filter_bar_set_members (self->filter_bar, G_LIST_MODEL (self->members));
      rebuild_year_list (self);
      load_figures (self);
      gtk_sort_list_model_set_model (self->sort_model, G_LIST_MODEL (self->projects));
      refresh (self);
      if (self->projects != NULL)
        {
          self->warm_position = 0;
          self->warm_id = g_idle_add_full (G_PRIORITY_LOW, warm_search_texts_cb, self, NULL);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_portfolio_page_get_year (SpPortfolioPage *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_PAGE (self), 0);

  return self->year;
}

void
sp_portfolio_page_set_year (SpPortfolioPage *self,
                            int              year)
{
  g_return_if_fail (SP_IS_PORTFOLIO_PAGE (self));

  if (self->year == year)
    return;

  self->year = year;
  sp_portfolio_editor_pane_set_year (self->editor_pane, year);
  sp_portfolio_table_set_year (self->table, year);
  rebuild_year_list (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}
