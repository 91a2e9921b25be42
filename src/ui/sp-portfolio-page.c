/* sp-portfolio-page.c: the project portfolio (Projekt) page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All projects across the years in a column view (filtered, then sorted),
 * with the figures of the page's year beside them, and the editor of the
 * selected project in a leaflet beside the list.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sp-portfolio-page.h"

#include "core/sp-budget.h"
#include "core/sp-edit.h"
#include "core/sp-error.h"
#include "core/sp-member.h"
#include "core/sp-money.h"
#include "core/sp-plan.h"
#include "core/sp-project.h"
#include "core/sp-year.h"
#include "ui/sp-project-chart.h"
#include "ui/sp-project-editor.h"
#include "ui/sp-window.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_OWNER,
  COLUMN_STATUS,
  COLUMN_PERIOD,
  COLUMN_GRANTED,
  COLUMN_PARTICIPANTS,
  COLUMN_EVALUATION,
  N_COLUMNS
} Column;

/* What a column's factory and sorter work for */
typedef struct {
  SpPortfolioPage *page;
  Column           column;
} ColumnInfo;

struct _SpPortfolioPage
{
  GtkWidget            parent_instance;

  SpDatabase          *database;
  int                  year;
  gulong               changed_id;

  SpRecordList        *projects;
  SpRecordList        *members;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkSorter           *sorters[N_COLUMNS];
  ColumnInfo           column_infos[N_COLUMNS];

  GHashTable          *figures;        /* the page year's: gint64 * → SpProjectYearFigures */
  GHashTable          *filter_figures; /* the filter year's, or NULL */
  GHashTable          *bound_items;    /* GtkListItem → column, the cells shown */
  GArray              *owner_ids;      /* gint64, the owner dropdown's members */
  GArray              *filter_years;   /* int, the year dropdown's years */
  char                *needle;         /* the casefolded search text, or NULL */
  gboolean             show_archived;
  gboolean             updating;
  guint                warm_id;         /* idle: the projects' search texts */
  guint                warm_position;
  gint64               delete_id;       /* the project the open delete dialog asks about */
  char                *delete_name;

  /* Template widgets */
  GtkStack            *main_stack;
  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *owner_dropdown;
  GtkDropDown         *year_dropdown;
  GtkCheckButton      *archived_check;
  GtkLabel            *counts_label;
  GtkLabel            *granted_label;
  GtkRevealer         *budget_revealer;
  GtkLabel            *budget_warning_label;
  GtkStack            *list_stack;
  GtkStack            *view_stack;
  GtkToggleButton     *chart_button;
  SpProjectChart      *chart;
  GtkColumnView       *column_view;
  GtkWidget           *editor_pane;
  GtkLabel            *editor_title;
  GtkStack            *editor_stack;
  SpProjectEditor     *editor;
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

static const SpProjectYearFigures *
lookup_figures (SpPortfolioPage *self,
                SpProject       *project)
{
  gint64 id = sp_record_get_id (SP_RECORD (project));

  if (self->figures == NULL)
    return NULL;
  return g_hash_table_lookup (self->figures, &id);
}

static char *
format_period (SpProject *project)
{
  const char *start = sp_project_get_start_date (project);
  const char *end = sp_project_get_end_date (project);
  gboolean has_start = start != NULL && start[0] != '\0';
  gboolean has_end = end != NULL && end[0] != '\0';

  if (has_start && has_end)
    /* Translators: a project's period: start date – end date */
    return g_strdup_printf (_("%s – %s"), start, end);
  if (has_start)
    /* Translators: a project's period without an end date */
    return g_strdup_printf (_("from %s"), start);
  if (has_end)
    /* Translators: a project's period without a start date */
    return g_strdup_printf (_("until %s"), end);
  return g_strdup ("—");
}

/* How far the evaluation has come: 0 nothing, 1 an external co-assessor,
 * 2 self-evaluation done, 3 the report is written. */
static int
evaluation_rank (SpProject *project)
{
  const char *report = sp_project_get_report_date (project);
  const char *assessor = sp_project_get_external_assessor (project);

  if (report != NULL && report[0] != '\0')
    return 3;
  if (sp_project_get_self_evaluation_done (project))
    return 2;
  if (assessor != NULL && assessor[0] != '\0')
    return 1;
  return 0;
}

static char *
format_evaluation (SpProject *project)
{
  switch (evaluation_rank (project))
    {
    case 3:
      /* Translators: the evaluation state: the report is dated %s */
      return g_strdup_printf (_("Reported %s"), sp_project_get_report_date (project));
    case 2:
      return g_strdup (_("Self-evaluated"));
    case 1:
      /* Translators: the evaluation state: an external co-assessor is named */
      return g_strdup (_("Co-assessor named"));
    default:
      /* Translators: the evaluation state of a project that is not evaluated */
      return g_strdup (_("Not evaluated"));
    }
}

static void
update_cell (SpPortfolioPage *self,
             Column           column,
             GtkLabel        *label,
             SpProject       *project)
{
  const SpProjectYearFigures *figures = lookup_figures (self, project);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (sp_project_get_name (project));
      break;
    case COLUMN_OWNER:
      text = g_strdup (sp_project_get_owner_name (project));
      break;
    case COLUMN_STATUS:
      if (sp_project_get_archived (project))
        /* Translators: a project status with the note that it is archived, e.g. "Finished (archived)" */
        text = g_strdup_printf (_("%s (archived)"), sp_project_status_get_label (sp_project_get_status (project)));
      else
        text = g_strdup (sp_project_status_get_label (sp_project_get_status (project)));
      break;
    case COLUMN_PERIOD:
      text = format_period (project);
      break;
    case COLUMN_GRANTED:
      if (figures != NULL && figures->has_grant)
        text = sp_money_format (figures->granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      else
        text = g_strdup ("—");
      break;
    case COLUMN_PARTICIPANTS:
      if (figures != NULL && figures->has_participants)
        /* Translators: participants of a year: women / men */
        text = g_strdup_printf (_("%d / %d"), figures->women, figures->men);
      else
        text = g_strdup ("—");
      break;
    case COLUMN_EVALUATION:
      text = format_evaluation (project);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  /* The whole name or owner, which may be ellipsized. */
  if (column == COLUMN_NAME || column == COLUMN_OWNER)
    sp_widget_set_tooltip_lazily (GTK_WIDGET (label), text);
}

static void
update_bound_cells (SpPortfolioPage *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkListItem *item = key;
      SpProject *project = gtk_list_item_get_item (item);

      if (project != NULL)
        update_cell (self, GPOINTER_TO_INT (value), GTK_LABEL (gtk_list_item_get_child (item)), project);
    }
}

static int
compare_int64 (gint64 a,
               gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* ISO dates ("2024-03-01") order as bytes; empty values last. */
static int
compare_dates (const char *a,
               const char *b)
{
  gboolean empty_a = a == NULL || a[0] == '\0';
  gboolean empty_b = b == NULL || b[0] == '\0';

  if (empty_a || empty_b)
    return empty_a - empty_b;
  return strcmp (a, b);
}

/* Names in the locale's order, by the projects' cached collation keys
 * (sorting ten thousand projects compares them some 130 000 times); empty
 * values last. */
static int
compare_keys (const char  *a,
              const char  *b,
              const char *(*get_key) (SpProject *project),
              SpProject   *pa,
              SpProject   *pb)
{
  gboolean empty_a = a == NULL || a[0] == '\0';
  gboolean empty_b = b == NULL || b[0] == '\0';

  if (empty_a || empty_b)
    return empty_a - empty_b;
  return strcmp (get_key (pa), get_key (pb));
}

static int
compare_projects (SpPortfolioPage *self,
                  Column           column,
                  SpProject       *pa,
                  SpProject       *pb)
{
  const SpProjectYearFigures *fa, *fb;
  int result = 0;

  switch (column)
    {
    case COLUMN_NAME:
      result = compare_keys (sp_project_get_name (pa), sp_project_get_name (pb),
                             sp_project_get_name_key, pa, pb);
      break;
    case COLUMN_OWNER:
      result = compare_keys (sp_project_get_owner_name (pa), sp_project_get_owner_name (pb),
                             sp_project_get_owner_key, pa, pb);
      break;
    case COLUMN_STATUS:
      result = (int) sp_project_get_status (pa) - (int) sp_project_get_status (pb);
      break;
    case COLUMN_PERIOD:
      result = compare_dates (sp_project_get_start_date (pa), sp_project_get_start_date (pb));
      if (result == 0)
        result = compare_dates (sp_project_get_end_date (pa), sp_project_get_end_date (pb));
      break;
    case COLUMN_GRANTED:
      fa = lookup_figures (self, pa);
      fb = lookup_figures (self, pb);
      result = compare_int64 (fa != NULL && fa->has_grant ? fa->granted : -1,
                              fb != NULL && fb->has_grant ? fb->granted : -1);
      break;
    case COLUMN_PARTICIPANTS:
      fa = lookup_figures (self, pa);
      fb = lookup_figures (self, pb);
      result = compare_int64 (fa != NULL && fa->has_participants ? fa->women + fa->men : -1,
                              fb != NULL && fb->has_participants ? fb->women + fb->men : -1);
      break;
    case COLUMN_EVALUATION:
      result = evaluation_rank (pa) - evaluation_rank (pb);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = compare_int64 (sp_record_get_id (SP_RECORD (pa)), sp_record_get_id (SP_RECORD (pb)));
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static gboolean
filter_project (gpointer item,
                gpointer user_data)
{
  SpPortfolioPage *self = user_data;
  SpProject *project = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);
  guint year = gtk_drop_down_get_selected (self->year_dropdown);

  if (!self->show_archived && sp_project_get_archived (project))
    return FALSE;
  if (status != GTK_INVALID_LIST_POSITION && status > 0 &&
      (guint) sp_project_get_status (project) != status - 1)
    return FALSE;
  if (owner != GTK_INVALID_LIST_POSITION && owner > 0 && owner <= self->owner_ids->len &&
      sp_project_get_owner_id (project) != g_array_index (self->owner_ids, gint64, owner - 1))
    return FALSE;
  if (year != GTK_INVALID_LIST_POSITION && year > 0 && self->filter_figures != NULL)
    {
      gint64 id = sp_record_get_id (SP_RECORD (project));

      if (!g_hash_table_contains (self->filter_figures, &id))
        return FALSE;
    }
  /* The project caches its folded texts: no allocation per keystroke. */
  return self->needle == NULL || strstr (sp_project_get_search_text (project), self->needle) != NULL;
}

static int
get_filter_year (SpPortfolioPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->filter_years->len)
    return 0;
  return g_array_index (self->filter_years, int, selected - 1);
}

static void
load_figures (SpPortfolioPage *self)
{
  g_autoptr(GError) error = NULL;
  int filter_year;

  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->filter_figures, g_hash_table_unref);
  if (self->database == NULL)
    return;

  self->figures = sp_project_get_year_figures (self->database, self->year, &error);
  if (self->figures == NULL)
    {
      g_warning ("Could not read the portfolio’s figures of %d: %s", self->year, error->message);
      g_clear_error (&error);
    }

  filter_year = get_filter_year (self);
  if (filter_year == 0)
    return;
  if (filter_year == self->year && self->figures != NULL)
    self->filter_figures = g_hash_table_ref (self->figures);
  else
    self->filter_figures = sp_project_get_year_figures (self->database, filter_year, NULL);
}

static void
update_chart (SpPortfolioPage *self)
{
  int first = 0, last = 0;

  if (!gtk_toggle_button_get_active (self->chart_button))
    return;
  if (self->filter_years->len > 0)
    {
      first = g_array_index (self->filter_years, int, 0);
      last = g_array_index (self->filter_years, int, self->filter_years->len - 1);
    }
  sp_project_chart_set_data (self->chart, self->database, G_LIST_MODEL (self->filter_model), first, last);
}

static void
update_counts (SpPortfolioPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  guint n_applications = 0;
  g_autofree char *projects = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (model, i);

      if (sp_project_get_status (project) == SP_PROJECT_STATUS_APPLICATION)
        n_applications++;
    }

  projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
  applications = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application", "%u applications",
                                               n_applications), n_applications);
  /* Translators: the counts above the project list, e.g. "12 projects, 3 applications" */
  text = g_strdup_printf (_("%s, %s"), projects, applications);
  gtk_label_set_text (self->counts_label, text);

  if (self->projects != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->projects)) > 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "content");
      gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "no-match");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_chart (self);
}

static void
update_budget (SpPortfolioPage *self)
{
  g_autoptr(GHashTable) by_area = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autofree char *total_text = NULL;
  g_autofree char *granted_text = NULL;
  GHashTableIter iter;
  gpointer value;
  SpMoney total = 0;

  if (self->database == NULL)
    {
      gtk_revealer_set_reveal_child (self->budget_revealer, FALSE);
      gtk_label_set_text (self->granted_label, "");
      return;
    }

  sp_project_get_granted_total (self->database, self->year, &total, NULL);
  total_text = sp_money_format (total, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  /* Translators: under the project list: the granted funds of all projects in a year */
  granted_text = g_strdup_printf (_("Granted funds %d: %s"), self->year, total_text);
  gtk_label_set_text (self->granted_label, granted_text);

  by_area = sp_project_get_granted_by_area (self->database, self->year, NULL);
  totals = sp_budget_totals_new (self->database, self->year, NULL);
  if (by_area != NULL && totals != NULL)
    {
      g_hash_table_iter_init (&iter, by_area);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const SpProjectAreaSum *sum = value;
          const SpBudgetSubtotal *sub;
          g_autoptr(SpArea) area = NULL;
          g_autofree char *granted = NULL;
          g_autofree char *budget = NULL;
          SpMoney costs = 0;

          if (sum->area_id == 0)
            continue;
          sub = sp_budget_totals_find_area (totals, sum->area_id);
          if (sub != NULL && sub->sum.n_set[SP_BUDGET_COLUMN_BUDGET] > 0)
            costs = sub->sum.costs[SP_BUDGET_COLUMN_BUDGET];
          if (sum->granted <= costs)
            continue;

          area = sp_area_load (self->database, sum->area_id, NULL);
          granted = sp_money_format (sum->granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          budget = sp_money_format (costs, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          if (warning->len > 0)
            g_string_append_c (warning, '\n');
          g_string_append_printf (warning,
                                  /* Translators: a warning: the granted funds of a year exceed the
                                   * budget's costs for the projects' activity area */
                                  _("%s: %s granted in %d, but the budget has %s"),
                                  area != NULL ? sp_area_get_name (area) : "?",
                                  granted, self->year, budget);
        }
    }
  gtk_label_set_text (self->budget_warning_label, warning->str);
  gtk_revealer_set_reveal_child (self->budget_revealer, warning->len > 0);
}

static void
update_column_titles (SpPortfolioPage *self)
{
  g_autofree char *granted = NULL;
  g_autofree char *participants = NULL;

  /* Translators: a column head: the granted funds of the year %d */
  granted = g_strdup_printf (_("Granted %d"), self->year);
  /* Translators: a column head: the participants of the year %d, women / men */
  participants = g_strdup_printf (_("Women / men %d"), self->year);
  gtk_column_view_column_set_title (self->columns[COLUMN_GRANTED], granted);
  gtk_column_view_column_set_title (self->columns[COLUMN_PARTICIPANTS], participants);
}

static void
rebuild_owner_list (SpPortfolioPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->owner_ids->len)
    selected_id = g_array_index (self->owner_ids, gint64, selected - 1);

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (strings, _("All owners"));
  if (self->members != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);
          gint64 id = sp_record_get_id (SP_RECORD (member));

          g_array_append_val (self->owner_ids, id);
          gtk_string_list_append (strings, sp_member_get_name (member));
          if (id == selected_id)
            new_selected = i + 1;
        }
    }
  gtk_drop_down_set_model (self->owner_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->owner_dropdown, new_selected);
}

static gint
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
add_year (GArray *years,
          int     year)
{
  if (year <= 0)
    return;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, int, i) == year)
      return;
  g_array_append_val (years, year);
}

static void
rebuild_year_list (SpPortfolioPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  int selected_year = get_filter_year (self);
  guint new_selected = 0;

  g_array_set_size (self->filter_years, 0);
  if (self->database != NULL)
    {
      g_autoptr(SpRecordList) years = sp_plan_year_list_new (self->database);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (years));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpPlanYear) plan_year = g_list_model_get_item (G_LIST_MODEL (years), i);
          add_year (self->filter_years, sp_plan_year_get_year (plan_year));
        }
    }
  add_year (self->filter_years, self->year);
  add_year (self->filter_years, selected_year);
  /* The years of the projects' periods. */
  if (self->projects != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i);
          const char *start = sp_project_get_start_date (project);
          const char *end = sp_project_get_end_date (project);
          int first = start != NULL && start[0] != '\0' ? atoi (start) : 0;
          int last = end != NULL && end[0] != '\0' ? atoi (end) : first;

          if (first == 0)
            first = last;
          for (int year = first; year > 0 && year <= last && year < first + 30; year++)
            add_year (self->filter_years, year);
        }
    }
  g_array_sort (self->filter_years, compare_ints);

  gtk_string_list_append (strings, _("All years"));
  for (guint i = 0; i < self->filter_years->len; i++)
    {
      int year = g_array_index (self->filter_years, int, i);
      /* Translators: a choice of the year filter: projects that run in the year %d */
      g_autofree char *label = g_strdup_printf (_("In %d"), year);

      gtk_string_list_append (strings, label);
      if (year == selected_year)
        new_selected = i + 1;
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->year_dropdown, new_selected);
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

  sp_project_editor_set_project (self->editor, project);
  gtk_stack_set_visible_child_name (self->editor_stack, project != NULL ? "editor" : "none");
  gtk_label_set_text (self->editor_title, project != NULL ? sp_project_get_name (project) : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->editor_title),
                               project != NULL ? sp_project_get_name (project) : NULL);
  update_actions (self);
}

static void
refilter_as (SpPortfolioPage *self,
             GtkFilterChange  change)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
refilter (SpPortfolioPage *self)
{
  refilter_as (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Everything that depends on the figures of a year or on other tables. */
static void
refresh (SpPortfolioPage *self)
{
  load_figures (self);
  if (self->sorters[COLUMN_GRANTED] != NULL)
    {
      gtk_sorter_changed (self->sorters[COLUMN_GRANTED], GTK_SORTER_CHANGE_DIFFERENT);
      gtk_sorter_changed (self->sorters[COLUMN_PARTICIPANTS], GTK_SORTER_CHANGE_DIFFERENT);
    }
  refilter (self);
  update_bound_cells (self);
  update_counts (self);
  update_budget (self);
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
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ColumnInfo               *info)
{
  /* The least each column needs, so that a narrow window scrolls rather
   * than squeezing dates and amounts. */
  static const int width_chars[N_COLUMNS] = { 14, 10, 9, 23, 11, 7, 12 };
  Column column = info->column;
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_GRANTED || column == COLUMN_PARTICIPANTS ? 1.0 : 0.0);
  gtk_label_set_width_chars (GTK_LABEL (label), width_chars[column]);
  gtk_label_set_max_width_chars (GTK_LABEL (label), column == COLUMN_NAME ? 36 : 24);
  if (column == COLUMN_GRANTED || column == COLUMN_PARTICIPANTS)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* A bound cell is filled here and again by refresh() after every change
 * to the database (the project list has reloaded by then): no signal
 * handler per cell to connect and disconnect as rows scroll or filter. */
static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnInfo               *info)
{
  SpPortfolioPage *self = info->page;
  Column column = info->column;

  g_hash_table_insert (self->bound_items, item, GINT_TO_POINTER (column));
  update_cell (self, column, GTK_LABEL (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ColumnInfo               *info)
{
  g_hash_table_remove (info->page->bound_items, item);
}

static void
on_search_entry_search_changed_cb (SpPortfolioPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (stripped[0] != '\0')
    self->needle = sp_edit_fold (stripped);
  if (g_strcmp0 (old, self->needle) == 0)
    return;
  /* Typing on only narrows what a shorter needle matched, and deleting
   * only widens it: the filter model then tests only the projects that
   * can change. */
  if (old == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (self->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  /* The filter model's items-changed updates the counts. */
  refilter_as (self, change);
}

static void
on_filter_dropdown_notify_selected_cb (SpPortfolioPage *self)
{
  if (self->updating)
    return;
  load_figures (self);
  refilter (self);
  update_counts (self);
}

static void
on_archived_check_toggled_cb (SpPortfolioPage *self)
{
  self->show_archived = gtk_check_button_get_active (self->archived_check);
  refilter (self);
  update_counts (self);
}

static void
on_chart_button_toggled_cb (SpPortfolioPage *self)
{
  gboolean active = gtk_toggle_button_get_active (self->chart_button);

  gtk_stack_set_visible_child_name (self->view_stack, active ? "chart" : "table");
  update_chart (self);
}

static void
on_back_button_clicked_cb (SpPortfolioPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Folded, a click opens the project: the editor is not beside the list. */
static void
on_leaflet_notify_folded_cb (SpPortfolioPage *self)
{
  gtk_column_view_set_single_click_activate (self->column_view, adw_leaflet_get_folded (self->leaflet));
}

static void
on_selection_notify_selected_cb (SpPortfolioPage *self)
{
  update_editor (self);
}

static void
on_column_view_activate_cb (SpPortfolioPage *self,
                            guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
on_filter_model_items_changed_cb (SpPortfolioPage *self)
{
  update_counts (self);
}

static void
on_members_items_changed_cb (SpPortfolioPage *self)
{
  self->updating = TRUE;
  rebuild_owner_list (self);
  self->updating = FALSE;
  refilter (self);
}

static void
on_database_changed_cb (SpDatabase      *database,
                        const char     **tables,
                        SpPortfolioPage *self)
{
  if (tables != NULL && (g_strv_contains (tables, "plan_year") || g_strv_contains (tables, "project")))
    {
      self->updating = TRUE;
      rebuild_year_list (self);
      self->updating = FALSE;
    }
  refresh (self);
}

static void
on_new_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "create", text[0] != '\0');
}

static void
on_new_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SpPortfolioPage  *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  SpProjectData data = { 0 };
  gint64 id;

  if (g_strcmp0 (response, "create") != 0 || self->database == NULL)
    return;

  data.name = gtk_editable_get_text (entry);
  data.kind = SP_PROJECT_KIND_PROJECT;
  data.planned_participants = -1;
  id = sp_project_add (self->database, &data, &error);
  if (id <= 0)
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  /* The new application shows whatever the filters say. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_entry_search_changed_cb (self);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  select_project (self, id);
  adw_leaflet_set_visible_child (self->leaflet, self->editor_pane);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->database == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("New Application"),
                                                       _("What is the project called? Everything else can be filled in afterwards.")));
  entry = gtk_entry_new ();
  gtk_widget_set_name (entry, "new_project_entry");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The name of the project"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "create", _("C_reate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "create");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "create", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (on_new_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       SpPortfolioPage  *self)
{
  gint64 id = self->delete_id;
  const char *name = self->delete_name;
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
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  gboolean archive;

  if (project == NULL || self->database == NULL)
    return;

  archive = sp_project_get_n_decisions (project) > 0;
  /* Translators: %s is the project's name */
  heading = g_strdup_printf (archive ? _("Archive “%s”?") : _("Delete “%s”?"), sp_project_get_name (project));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       archive
                                                       ? _("The project has board decisions, so it is kept in the archive with its history, and no longer shown in the list. Show archived projects to see it again.")
                                                       : _("The project, its granted funds, participants and goals are deleted. You can undo this.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", archive ? _("_Archive") : _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The dialog is modal: one at a time asks. */
  self->delete_id = sp_record_get_id (SP_RECORD (project));
  g_free (self->delete_name);
  self->delete_name = g_strdup (sp_project_get_name (project));
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
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

/* ---- Object ------------------------------------------------------------- */

static void
add_column (SpPortfolioPage *self,
            Column           column,
            const char      *title,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = &self->column_infos[column];
  GtkCustomSorter *sorter;

  info->page = self;
  info->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), info);

  self->columns[column] = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (self->columns[column], TRUE);
  gtk_column_view_column_set_expand (self->columns[column], expand);

  /* One compare function for every column: the column's info says which
   * column it sorts (see sp_portfolio_page_init()). */
  sorter = gtk_custom_sorter_new (NULL, NULL, NULL);
  self->sorters[column] = GTK_SORTER (sorter);
  gtk_column_view_column_set_sorter (self->columns[column], self->sorters[column]);
  gtk_column_view_append_column (self->column_view, self->columns[column]);
}

static int
compare_for_column (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  ColumnInfo *info = user_data;

  return compare_projects (info->page, info->column, SP_PROJECT ((gpointer) a), SP_PROJECT ((gpointer) b));
}

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
  view_sorter = g_object_ref (gtk_column_view_get_sorter (self->column_view));
  self->sort_model = gtk_sort_list_model_new (NULL, view_sorter);
  self->filter = gtk_custom_filter_new (filter_project, self, NULL);
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_notify_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (on_filter_model_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
sp_portfolio_page_dispose (GObject *object)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  sp_portfolio_page_set_database (self, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PORTFOLIO_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  self->column_view = NULL;

  G_OBJECT_CLASS (sp_portfolio_page_parent_class)->dispose (object);
}

static void
sp_portfolio_page_finalize (GObject *object)
{
  SpPortfolioPage *self = SP_PORTFOLIO_PAGE (object);

  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->filter_figures, g_hash_table_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->filter_years, g_array_unref);
  g_free (self->needle);
  g_free (self->delete_name);

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

  g_type_ensure (SP_TYPE_PROJECT_EDITOR);
  g_type_ensure (SP_TYPE_PROJECT_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-portfolio-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, granted_label);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, budget_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, budget_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, chart_button);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, chart);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, editor_pane);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, editor_title);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_button_toggled_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "portfolio.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "portfolio.search", NULL, search_action);
}

/* GTK 4.8's drop-down keeps its name to itself: the button inside it, which
 * takes the focus, would be read out as "GtkToggleButton". Give it the name. */
static void
name_drop_down_button (GtkDropDown *drop_down,
                       const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
sp_portfolio_page_init (SpPortfolioPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  /* Wherever the focus is while the page is shown. */
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "portfolio.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "portfolio.new" },
  };

  self->bound_items = g_hash_table_new (NULL, NULL);
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter_years = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));
  name_drop_down_button (self->status_dropdown, _("Status"));
  name_drop_down_button (self->owner_dropdown, _("Project owner"));
  name_drop_down_button (self->year_dropdown, _("Year"));

  self->updating = TRUE;
  gtk_string_list_append (statuses, _("All statuses"));
  for (SpProjectStatus s = SP_PROJECT_STATUS_APPLICATION; s <= SP_PROJECT_STATUS_IMPLEMENTED; s++)
    gtk_string_list_append (statuses, sp_project_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  rebuild_owner_list (self);
  rebuild_year_list (self);
  self->updating = FALSE;

  add_column (self, COLUMN_NAME, _("Name"), TRUE);
  /* Translators: a column head: the project owner */
  add_column (self, COLUMN_OWNER, _("Owner"), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  /* The year's figures before the dates: beside the editor the table has
   * room for about four columns, and the money is what the treasurer reads. */
  add_column (self, COLUMN_GRANTED, NULL, FALSE);
  add_column (self, COLUMN_PARTICIPANTS, NULL, FALSE);
  add_column (self, COLUMN_PERIOD, _("Period"), FALSE);
  add_column (self, COLUMN_EVALUATION, _("Evaluation"), FALSE);
  /* Names are what people look for: give them room; the owner needs less. The
   * table scrolls sideways in a narrow window. */
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_NAME], 220);
  gtk_column_view_column_set_resizable (self->columns[COLUMN_NAME], TRUE);
  gtk_column_view_column_set_fixed_width (self->columns[COLUMN_OWNER], 140);
  gtk_column_view_column_set_resizable (self->columns[COLUMN_OWNER], TRUE);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (self->sorters[i]), compare_for_column,
                                     &self->column_infos[i], NULL);
  update_column_titles (self);

  set_up_models (self);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_column_view_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_leaflet_notify_folded_cb),
                           self, G_CONNECT_SWAPPED);
  on_leaflet_notify_folded_cb (self);
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_NAME], GTK_SORT_ASCENDING);
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
    {
      g_clear_signal_handler (&self->changed_id, self->database);
      if (self->members != NULL)
        g_signal_handlers_disconnect_by_data (self->members, self);
    }
  if (self->sort_model != NULL)
    gtk_sort_list_model_set_model (self->sort_model, NULL);
  g_clear_handle_id (&self->warm_id, g_source_remove);
  g_clear_object (&self->projects);
  g_clear_object (&self->members);
  g_set_object (&self->database, database);

  if (self->editor != NULL)
    sp_project_editor_set_database (self->editor, database);

  if (database != NULL)
    {
      self->projects = sp_project_list_new (database);
      self->members = sp_member_list_new (database);
      g_signal_connect_swapped (self->members, "items-changed", G_CALLBACK (on_members_items_changed_cb), self);
      self->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed_cb), self);
    }

  if (self->filter_model != NULL)
    {
      self->updating = TRUE;
      rebuild_owner_list (self);
      rebuild_year_list (self);
      self->updating = FALSE;
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
  sp_project_editor_set_year (self->editor, year);
  update_column_titles (self);
  self->updating = TRUE;
  rebuild_year_list (self);
  self->updating = FALSE;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}
