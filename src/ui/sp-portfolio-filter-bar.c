/* sp-portfolio-filter-bar.c: the search and filters above the Projekt page's table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search entry, the status, owner and year drop-downs and the archived
 * check, with the chart and new-application buttons beside the search. The
 * bar owns the filter of the page's project list: typing refilters it at
 * once; a change of a drop-down or the check emits SpPortfolioFilterBar::changed,
 * and the page refilters once it has given the figures of the chosen year.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sp-portfolio-filter-bar.h"

#include "sp-text.h"
#include "sp-member.h"
#include "sp-project.h"
#include "sp-plan-year.h"

struct _SpPortfolioFilterBar
{
  AdwBin           parent_instance;

  GtkCustomFilter *filter;
  GListModel      *members;
  GHashTable      *filter_figures; /* the filter year's, or NULL */
  GArray          *owner_ids;      /* gint64, the owner dropdown's members; OWNER_ASSOCIATION */
  GArray          *filter_years;   /* int, the year dropdown's years */
  char            *needle;         /* the casefolded search text, or NULL */
  gboolean         show_archived;
  gboolean         updating;

  /* Template widgets */
  GtkSearchEntry  *search_entry;
  GtkToggleButton *chart_button;
  GtkDropDown     *status_dropdown;
  GtkDropDown     *owner_dropdown;
  GtkDropDown     *year_dropdown;
  GtkCheckButton  *archived_check;
};

G_DEFINE_FINAL_TYPE (SpPortfolioFilterBar, sp_portfolio_filter_bar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refilter_as (SpPortfolioFilterBar *self,
             GtkFilterChange       change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

/* The owner drop-down's item for the förbund itself. */
#define OWNER_ASSOCIATION ((gint64) -1)

static gboolean
filter_project (gpointer item,
                gpointer user_data)
{
  SpPortfolioFilterBar *self = user_data;
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
      (sp_project_get_owned_by_association (project) ? OWNER_ASSOCIATION : sp_project_get_owner_id (project)) !=
        g_array_index (self->owner_ids, gint64, owner - 1))
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
get_filter_year (SpPortfolioFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->filter_years->len)
    return 0;
  return g_array_index (self->filter_years, int, selected - 1);
}

static void
rebuild_owner_list (SpPortfolioFilterBar *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 selected_id = 0;
  guint selected = gtk_drop_down_get_selected (self->owner_dropdown);
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->owner_ids->len)
    selected_id = g_array_index (self->owner_ids, gint64, selected - 1);

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (strings, _("All owners"));
  /* The förbund's own projects come first. */
  {
    gint64 association = OWNER_ASSOCIATION;

    g_array_append_val (self->owner_ids, association);
    gtk_string_list_append (strings, _("The association itself"));
    if (selected_id == OWNER_ASSOCIATION)
      new_selected = 1;
  }
  if (self->members != NULL)
    {
      guint n = g_list_model_get_n_items (self->members);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpMember) member = g_list_model_get_item (self->members, i);
          gint64 id = sp_record_get_id (SP_RECORD (member));

          g_array_append_val (self->owner_ids, id);
          gtk_string_list_append (strings, sp_member_get_name (member));
          if (id == selected_id)
            new_selected = i + 2;
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
rebuild_year_list (SpPortfolioFilterBar *self,
                   SpDatabase           *database,
                   GListModel           *projects,
                   int                   page_year)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  int selected_year = get_filter_year (self);
  guint new_selected = 0;

  g_array_set_size (self->filter_years, 0);
  if (database != NULL)
    {
      g_autoptr(SpRecordList) years = sp_plan_year_list_new (database);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (years));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpPlanYear) plan_year = g_list_model_get_item (G_LIST_MODEL (years), i);
          add_year (self->filter_years, sp_plan_year_get_year (plan_year));
        }
    }
  add_year (self->filter_years, page_year);
  add_year (self->filter_years, selected_year);
  /* The years of the projects' periods. */
  if (projects != NULL)
    {
      guint n = g_list_model_get_n_items (projects);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpProject) project = g_list_model_get_item (projects, i);
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
on_search_entry_search_changed_cb (SpPortfolioFilterBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_autofree char *old = g_steal_pointer (&self->needle);
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (stripped[0] != '\0')
    self->needle = sp_text_fold (stripped);
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
  /* The page's filter model's items-changed updates the counts. */
  refilter_as (self, change);
}

static void
on_filter_dropdown_notify_selected_cb (SpPortfolioFilterBar *self)
{
  if (self->updating)
    return;
  /* The page loads the figures of the year chosen before it refilters. */
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_archived_check_toggled_cb (SpPortfolioFilterBar *self)
{
  self->show_archived = gtk_check_button_get_active (self->archived_check);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
on_chart_button_toggled_cb (SpPortfolioFilterBar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_CHART]);
}

static void
on_members_items_changed_cb (SpPortfolioFilterBar *self)
{
  self->updating = TRUE;
  rebuild_owner_list (self);
  self->updating = FALSE;
  refilter_as (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sp_portfolio_filter_bar_dispose (GObject *object)
{
  SpPortfolioFilterBar *self = SP_PORTFOLIO_FILTER_BAR (object);

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_items_changed_cb, self);
  g_clear_object (&self->members);
  g_clear_object (&self->filter);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PORTFOLIO_FILTER_BAR);

  G_OBJECT_CLASS (sp_portfolio_filter_bar_parent_class)->dispose (object);
}

static void
sp_portfolio_filter_bar_finalize (GObject *object)
{
  SpPortfolioFilterBar *self = SP_PORTFOLIO_FILTER_BAR (object);

  g_clear_pointer (&self->filter_figures, g_hash_table_unref);
  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->filter_years, g_array_unref);
  g_free (self->needle);

  G_OBJECT_CLASS (sp_portfolio_filter_bar_parent_class)->finalize (object);
}

static void
sp_portfolio_filter_bar_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SpPortfolioFilterBar *self = SP_PORTFOLIO_FILTER_BAR (object);

  switch (prop_id)
    {
    case PROP_SHOW_CHART:
      g_value_set_boolean (value, sp_portfolio_filter_bar_get_show_chart (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_portfolio_filter_bar_class_init (SpPortfolioFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_portfolio_filter_bar_dispose;
  object_class->finalize = sp_portfolio_filter_bar_finalize;
  object_class->get_property = sp_portfolio_filter_bar_get_property;

  /* Whether the chart button is pressed in. */
  properties[PROP_SHOW_CHART] =
    g_param_spec_boolean ("show-chart", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPortfolioFilterBar::changed:
   *
   * A drop-down or the archived check changed: the page gives the figures
   * of the chosen year, then refilters with sp_portfolio_filter_bar_refilter().
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-portfolio-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, chart_button);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, owner_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioFilterBar, archived_check);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_notify_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archived_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_button_toggled_cb);
}

static void
sp_portfolio_filter_bar_init (SpPortfolioFilterBar *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter_years = g_array_new (FALSE, FALSE, sizeof (int));
  self->filter = gtk_custom_filter_new (filter_project, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  name_drop_down_button (self->status_dropdown, _("Status"));
  name_drop_down_button (self->owner_dropdown, _("Project owner"));
  name_drop_down_button (self->year_dropdown, _("Year"));

  self->updating = TRUE;
  gtk_string_list_append (statuses, _("All statuses"));
  for (SpProjectStatus s = SP_PROJECT_STATUS_APPLICATION; s <= SP_PROJECT_STATUS_IMPLEMENTED; s++)
    gtk_string_list_append (statuses, sp_project_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  rebuild_owner_list (self);
  rebuild_year_list (self, NULL, NULL, 0);
  self->updating = FALSE;
}

/**
 * sp_portfolio_filter_bar_get_filter:
 *
 * Returns: (transfer none): the filter the search and the drop-downs make
 */
GtkFilter *
sp_portfolio_filter_bar_get_filter (SpPortfolioFilterBar *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self), NULL);

  return GTK_FILTER (self->filter);
}

/* Tells the filter again that everything may have changed. */
void
sp_portfolio_filter_bar_refilter (SpPortfolioFilterBar *self)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  refilter_as (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * sp_portfolio_filter_bar_set_members:
 * @members: (nullable): the members the owner drop-down offers
 */
void
sp_portfolio_filter_bar_set_members (SpPortfolioFilterBar *self,
                                     GListModel           *members)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  if (self->members != NULL)
    g_signal_handlers_disconnect_by_func (self->members, on_members_items_changed_cb, self);
  g_set_object (&self->members, members);
  if (members != NULL)
    g_signal_connect_swapped (members, "items-changed", G_CALLBACK (on_members_items_changed_cb), self);
  self->updating = TRUE;
  rebuild_owner_list (self);
  self->updating = FALSE;
}

/**
 * sp_portfolio_filter_bar_set_years:
 * @database: (nullable): whose plan years the year drop-down offers
 * @projects: (nullable): whose periods' years it offers
 * @page_year: the page's year, offered too
 *
 * Makes the year drop-down's list again, keeping the chosen year.
 */
void
sp_portfolio_filter_bar_set_years (SpPortfolioFilterBar *self,
                                   SpDatabase           *database,
                                   GListModel           *projects,
                                   int                   page_year)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  self->updating = TRUE;
  rebuild_year_list (self, database, projects, page_year);
  self->updating = FALSE;
}

/* The year the projects are filtered by, or 0 for all years. */
int
sp_portfolio_filter_bar_get_year (SpPortfolioFilterBar *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self), 0);

  return get_filter_year (self);
}

/* The years the year drop-down offers, in order: (element-type int) */
GArray *
sp_portfolio_filter_bar_get_years (SpPortfolioFilterBar *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self), NULL);

  return self->filter_years;
}

/**
 * sp_portfolio_filter_bar_set_year_figures:
 * @figures: (nullable): the figures of the filter's year, whose projects
 *   pass the year filter
 */
void
sp_portfolio_filter_bar_set_year_figures (SpPortfolioFilterBar *self,
                                          GHashTable           *figures)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  if (figures != NULL)
    g_hash_table_ref (figures);
  g_clear_pointer (&self->filter_figures, g_hash_table_unref);
  self->filter_figures = figures;
}

/* Empties the search and shows all statuses, owners and years. */
void
sp_portfolio_filter_bar_reset (SpPortfolioFilterBar *self)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_entry_search_changed_cb (self);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->owner_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
}

void
sp_portfolio_filter_bar_focus_search (SpPortfolioFilterBar *self)
{
  g_return_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
sp_portfolio_filter_bar_get_show_chart (SpPortfolioFilterBar *self)
{
  g_return_val_if_fail (SP_IS_PORTFOLIO_FILTER_BAR (self), FALSE);

  return gtk_toggle_button_get_active (self->chart_button);
}
