/* sp-plan-page.c: the Operational Plan page: a year's verksamhetsplan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows one plan year: its status (draft or adopted, with the
 * board's decision), the search over its sections and goals, and a tab
 * each for its sections of text, goals, target groups, activity areas and
 * board. Every change is one core call; the lists are the core's
 * SpRecordLists, so an undo anywhere shows here at once.
 *
 * Each tab is its own widget (SpPlanSectionsView, SpPlanGoalsView,
 * SpPlanTargetGroupsView, SpPlanAreasView, SpPlanBoardView), made when the
 * tab is first shown: the page's template holds an empty AdwBin per tab.
 * The tabs follow the page's database and year and its "editable" (a draft
 * plan in a writable file). A tab's actions are its own; the page has the
 * same names too, and hands them to the tab (showing it first for an add),
 * so that Ctrl+Shift+N and Alt+Up/Down work wherever the focus is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-page.h"

#include "sp-history.h"
#include "sp-plan-search.h"
#include "sp-plan-year.h"
#include "sp-plan-common.h"
#include "sp-plan-areas-view.h"
#include "sp-plan-board-view.h"
#include "sp-plan-goals-view.h"
#include "sp-plan-search-bar.h"
#include "sp-plan-status-bar.h"
#include "sp-plan-sections-view.h"
#include "sp-plan-target-groups-view.h"
#include "sp-next-year-dialog.h"
#include "sp-widget-util.h"
#include "sp-limits.h"

struct _SpPlanPage
{
  GtkWidget      parent_instance;

  SpDatabase    *database;
  SpHistory     *history;
  int            year;
  gboolean       editable;
  guint          history_idle_id;

  SpRecordList  *years;
  SpPlanYear    *plan_year;

  /* Template widgets */
  SpPlanSearchBar *search;
  GtkStack      *main_stack;
  AdwStatusPage *empty_page;
  GtkButton     *create_from_button;
  GtkButton     *create_empty_button;
  SpPlanStatusBar *status;
  GtkRevealer   *message_revealer;
  GtkLabel      *message_label;
  AdwViewStack  *view_stack;
};

G_DEFINE_FINAL_TYPE (SpPlanPage, sp_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tabs, by the name of their stack page. */
static const struct {
  const char *name;
  GType     (*get_type) (void);
} view_types[] = {
  { "sections", sp_plan_sections_view_get_type },
  { "goals", sp_plan_goals_view_get_type },
  { "target-groups", sp_plan_target_groups_view_get_type },
  { "areas", sp_plan_areas_view_get_type },
  { "board", sp_plan_board_view_get_type },
};

/* The tabs' actions the page hands on: to the tab of @tab, shown first if
 * @show; a NULL tab is the one shown. */
static const struct {
  const char *action;
  const char *tab;
  gboolean    show;
} view_actions[] = {
  { "plan.add-section", "sections", TRUE },
  { "plan.delete-section", "sections", FALSE },
  { "plan.add-goal", "goals", TRUE },
  { "plan.delete-goal", "goals", FALSE },
  { "plan.add-target-group", "target-groups", TRUE },
  { "plan.delete-target-group", "target-groups", FALSE },
  { "plan.add-area-group", "areas", TRUE },
  { "plan.add-area", "areas", TRUE },
  { "plan.delete-area", "areas", FALSE },
  { "plan.add", NULL, FALSE },
  { "plan.delete", NULL, FALSE },
  { "plan.move-up", NULL, FALSE },
  { "plan.move-down", NULL, FALSE },
};

static void on_plan_year_notify_cb (SpPlanPage *self, GParamSpec *pspec, SpPlanYear *plan_year);

/* Helpers */

static gboolean
is_editable (SpPlanPage *self)
{
  return self->database != NULL && self->plan_year != NULL &&
         !sp_plan_year_is_adopted (self->plan_year) &&
         !sp_database_is_read_only (self->database);
}

static void
hide_message (SpPlanPage *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static const char *
get_visible_page_name (SpPlanPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  return name != NULL ? name : "";
}

/* The tab @name if it was made, else NULL. */
static GtkWidget *
get_built_view (SpPlanPage *self,
                const char *name)
{
  GtkWidget *bin = adw_view_stack_get_child_by_name (self->view_stack, name);

  return bin != NULL ? adw_bin_get_child (ADW_BIN (bin)) : NULL;
}

/* Makes the tab @name if it is not there yet; it then follows the page's
 * database, year and editable. */
static GtkWidget *
ensure_view (SpPlanPage *self,
             const char *name)
{
  GtkWidget *bin = name != NULL ? adw_view_stack_get_child_by_name (self->view_stack, name) : NULL;
  GtkWidget *view = NULL;

  if (bin == NULL || !ADW_IS_BIN (bin))
    return NULL;
  if (adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return adw_bin_get_child (ADW_BIN (bin));
  for (guint i = 0; i < G_N_ELEMENTS (view_types) && view == NULL; i++)
    if (g_str_equal (view_types[i].name, name))
      view = g_object_new (view_types[i].get_type (), NULL);
  if (view == NULL)
    return NULL;

  if (SP_IS_PLAN_SECTIONS_VIEW (view))
    sp_plan_sections_view_set_matches (SP_PLAN_SECTIONS_VIEW (view),
                                       sp_plan_search_bar_get_section_matches (self->search));
  else if (SP_IS_PLAN_GOALS_VIEW (view))
    sp_plan_goals_view_set_matches (SP_PLAN_GOALS_VIEW (view),
                                    sp_plan_search_bar_get_goal_matches (self->search));
  /* The year first: the database then loads the right year once. */
  g_object_bind_property (self, "editable", view, "editable", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "year", view, "year", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "database", view, "database", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (ADW_BIN (bin), view);
  return view;
}

static void
flush_section_text (SpPlanPage *self)
{
  GtkWidget *sections = self->view_stack != NULL ? get_built_view (self, "sections") : NULL;

  if (sections != NULL)
    sp_plan_sections_view_flush (SP_PLAN_SECTIONS_VIEW (sections));
}

static void
update_status (SpPlanPage *self)
{
  g_autofree char *title = NULL;
  g_autofree char *create_from = NULL;
  g_autofree char *create_empty = NULL;

  sp_plan_status_bar_show_year (self->status, self->database, self->year, self->plan_year);

  if (self->database == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Database"));
      adw_status_page_set_description (self->empty_page, _("Open or create a database to write a plan."));
      gtk_widget_set_visible (GTK_WIDGET (self->create_from_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->create_empty_button), FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  if (self->plan_year == NULL)
    {
      g_autoptr(SpPlanYear) previous = sp_plan_year_load (self->database, self->year - 1, NULL);

      title = g_strdup_printf (_("No Plan for %d"), self->year);
      adw_status_page_set_title (self->empty_page, title);
      adw_status_page_set_description (self->empty_page,
                                       previous != NULL
                                         ? _("Start this year's plan from last year's: its sections, activity "
                                             "areas, target groups and goals are copied.")
                                         : _("Create the plan for the year, then write its sections."));
      /* Translators: a button: start the plan of a year from the one before, e.g. "Create from 2009" */
      create_from = g_strdup_printf (_("_Create from %d"), self->year - 1);
      gtk_button_set_label (self->create_from_button, create_from);
      gtk_widget_set_visible (GTK_WIDGET (self->create_from_button), previous != NULL);
      create_empty = g_strdup_printf (_("Create an _Empty Plan for %d"), self->year);
      gtk_button_set_label (self->create_empty_button, create_empty);
      gtk_widget_set_visible (GTK_WIDGET (self->create_empty_button), TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "plan");
}

/* Which actions may run and whether the tabs edit, after any change. */
static void
update_state (SpPlanPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->database != NULL && self->plan_year != NULL;
  gboolean editable = is_editable (self);
  gboolean adopted = has_plan && sp_plan_year_is_adopted (self->plan_year);
  gboolean next_exists = FALSE;
  const char *page = get_visible_page_name (self);
  gboolean in_list = g_str_equal (page, "sections") || g_str_equal (page, "goals") ||
                     g_str_equal (page, "target-groups") || g_str_equal (page, "areas");

  if (has_plan && self->years != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->years));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpPlanYear) y = g_list_model_get_item (G_LIST_MODEL (self->years), i);

          if (sp_plan_year_get_year (y) == self->year + 1)
            next_exists = TRUE;
        }
    }

  gtk_widget_action_set_enabled (widget, "plan.adopt", has_plan && !adopted && editable);
  gtk_widget_action_set_enabled (widget, "plan.reopen", adopted &&
                                 !sp_database_is_read_only (self->database));
  gtk_widget_action_set_enabled (widget, "plan.create-next-year", has_plan && !next_exists &&
                                 !sp_database_is_read_only (self->database));
  gtk_widget_action_set_enabled (widget, "plan.create-year", self->database != NULL && !has_plan);
  gtk_widget_action_set_enabled (widget, "plan.create-from-previous", self->database != NULL && !has_plan);
  gtk_widget_action_set_enabled (widget, "plan.search", has_plan);
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    gtk_widget_action_set_enabled (widget, view_actions[i].action,
                                   editable && (view_actions[i].tab != NULL || in_list));

  if (self->editable != editable)
    {
      self->editable = editable;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
    }
}

static void
find_plan_year (SpPlanPage *self)
{
  SpPlanYear *found = NULL;
  guint n = self->years != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->years)) : 0;

  for (guint i = 0; i < n && found == NULL; i++)
    {
      g_autoptr(SpPlanYear) y = g_list_model_get_item (G_LIST_MODEL (self->years), i);

      if (sp_plan_year_get_year (y) == self->year)
        found = y;
    }

  if (found == self->plan_year)
    return;
  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  g_set_object (&self->plan_year, found);
}

/* Hands the search's matches to the sections and goals tabs, if made. */
static void
set_matches (SpPlanPage *self)
{
  GtkWidget *sections = get_built_view (self, "sections");
  GtkWidget *goals = get_built_view (self, "goals");

  if (sections != NULL)
    sp_plan_sections_view_set_matches (SP_PLAN_SECTIONS_VIEW (sections),
                                       sp_plan_search_bar_get_section_matches (self->search));
  if (goals != NULL)
    sp_plan_goals_view_set_matches (SP_PLAN_GOALS_VIEW (goals),
                                    sp_plan_search_bar_get_goal_matches (self->search));
}

static void
connect_plan_year (SpPlanPage *self)
{
  SpPlanYear *before = self->plan_year;

  find_plan_year (self);
  if (self->plan_year != NULL && self->plan_year != before)
    g_signal_connect_object (self->plan_year, "notify", G_CALLBACK (on_plan_year_notify_cb),
                             self, G_CONNECT_SWAPPED);
}

static gboolean
on_history_idle_cb (gpointer user_data)
{
  SpPlanPage *self = SP_PLAN_PAGE (user_data);

  self->history_idle_id = 0;
  sp_plan_status_bar_update_outcomes (self->status);
  return G_SOURCE_REMOVE;
}

/* After any edit or undo the outcomes may have changed. The history
 * notifies several properties per edit: look once. */
static void
on_history_notify_cb (SpPlanPage *self)
{
  if (self->history_idle_id == 0)
    self->history_idle_id = g_idle_add (on_history_idle_cb, self);
}

static void
on_years_items_changed_cb (SpPlanPage *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  connect_plan_year (self);
  update_status (self);
  sp_plan_status_bar_update_outcomes (self->status);
  update_state (self);
}

static void
rebuild (SpPlanPage *self)
{
  flush_section_text (self);

  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  g_clear_object (&self->plan_year);
  if (self->years != NULL)
    g_signal_handlers_disconnect_by_data (self->years, self);
  g_clear_object (&self->years);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);

  if (self->database != NULL)
    {
      self->history = g_object_ref (sp_database_get_history (self->database));
      g_signal_connect_object (self->history, "notify", G_CALLBACK (on_history_notify_cb), self,
                               G_CONNECT_SWAPPED);
      self->years = sp_plan_year_list_new (self->database);
      g_signal_connect_object (self->years, "items-changed", G_CALLBACK (on_years_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      connect_plan_year (self);
    }

  g_object_set (self->search, "database", self->database, "year", self->year, NULL);
  sp_plan_search_bar_refresh (self->search);
  hide_message (self);
  update_status (self);
  sp_plan_status_bar_update_outcomes (self->status);
  update_state (self);
}

static void
go_to_year (SpPlanPage *self,
            int         year)
{
  /* The window, if there is one, shows the year on every page. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-year", "i", year);
  if (self->year != year)
    sp_plan_page_set_year (self, year);
}

/* Callbacks */

static void
on_plan_year_notify_cb (SpPlanPage *self,
                        GParamSpec *pspec,
                        SpPlanYear *plan_year)
{
  update_status (self);
  update_state (self);
}

static void
on_message_close_clicked_cb (SpPlanPage *self)
{
  hide_message (self);
}

static void
on_view_stack_visible_child_cb (SpPlanPage *self)
{
  flush_section_text (self);
  ensure_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
  update_state (self);
}

/* The search found other sections and goals: the tab shown is one with
 * matches, and the tabs list only the matches. */
static void
on_search_matches_changed_cb (SpPlanPage *self)
{
  GHashTable *sections = sp_plan_search_bar_get_section_matches (self->search);
  GHashTable *goals = sp_plan_search_bar_get_goal_matches (self->search);
  const char *page = get_visible_page_name (self);

  if (sections != NULL && goals != NULL)
    {
      guint n_sections = g_hash_table_size (sections), n_goals = g_hash_table_size (goals);

      if (!g_str_equal (page, "sections") && !g_str_equal (page, "goals"))
        adw_view_stack_set_visible_child_name (self->view_stack,
                                               n_sections > 0 || n_goals == 0 ? "sections" : "goals");
      else if (g_str_equal (page, "sections") && n_sections == 0 && n_goals > 0)
        adw_view_stack_set_visible_child_name (self->view_stack, "goals");
      else if (g_str_equal (page, "goals") && n_goals == 0 && n_sections > 0)
        adw_view_stack_set_visible_child_name (self->view_stack, "sections");
    }
  set_matches (self);
}

static void
on_adopt_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sp_plan_status_bar_adopt (SP_PLAN_PAGE (widget)->status);
}

static void
on_reopen_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sp_plan_status_bar_reopen (SP_PLAN_PAGE (widget)->status);
}

/* Says what the new @year carried over and what is left to fill in. */
static void
present_next_year (SpPlanPage *self,
                   int         year)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (sp_next_year_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           self->database, year)));
}

static void
on_create_next_year_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  int year = self->year;

  if (self->database == NULL)
    return;
  flush_section_text (self);
  if (!sp_plan_year_create_next (self->database, year, &error))
    {
      sp_plan_page_show_message (self, error->message);
      return;
    }
  go_to_year (self, year + 1);
  present_next_year (self, year + 1);
}

static void
on_create_year_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->database == NULL)
    return;
  if (g_str_equal (action_name, "plan.create-from-previous"))
    ok = sp_plan_year_create_next (self->database, self->year - 1, &error);
  else
    ok = sp_plan_year_create (self->database, self->year, &error);
  if (!ok)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      return;
    }
  if (g_str_equal (action_name, "plan.create-from-previous"))
    present_next_year (self, self->year);
}

static void
on_search_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sp_plan_search_bar_start (SP_PLAN_PAGE (widget)->search);
}

/* What the tabs and bars ask of the page: they activate these actions, so
 * that none of them needs to know SpPlanPage (no circle between files). */
static void
on_flush_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  sp_plan_page_flush (SP_PLAN_PAGE (widget));
}

static void
on_show_message_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  sp_plan_page_show_message (SP_PLAN_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
on_hide_message_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  sp_plan_page_hide_message (SP_PLAN_PAGE (widget));
}

static void
on_clear_search_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  sp_plan_page_clear_search (SP_PLAN_PAGE (widget));
}

/* A tab's action, activated on the page: handed to the tab. */
static void
on_view_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpPlanPage *self = SP_PLAN_PAGE (widget);
  const char *tab = NULL;
  gboolean show = FALSE;
  GtkWidget *view;

  if (!is_editable (self))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    if (g_str_equal (view_actions[i].action, action_name))
      tab = view_actions[i].tab, show = view_actions[i].show;
  if (tab == NULL)
    tab = get_visible_page_name (self);
  else if (show)
    adw_view_stack_set_visible_child_name (self->view_stack, tab);

  view = ensure_view (self, tab);
  if (view != NULL && !SP_IS_PLAN_BOARD_VIEW (view))
    gtk_widget_activate_action (view, action_name, NULL);
}

/* GObject */

static void
sp_plan_page_dispose (GObject *object)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  flush_section_text (self);
  g_clear_handle_id (&self->history_idle_id, g_source_remove);
  if (self->plan_year != NULL)
    g_signal_handlers_disconnect_by_data (self->plan_year, self);
  if (self->years != NULL)
    g_signal_handlers_disconnect_by_data (self->years, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);

  g_clear_object (&self->plan_year);
  g_clear_object (&self->years);
  g_clear_object (&self->history);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (sp_plan_page_parent_class)->dispose (object);
}

static void
sp_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPlanPage *self = SP_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_plan_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_plan_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_page_class_init (SpPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_page_dispose;
  object_class->get_property = sp_plan_page_get_property;
  object_class->set_property = sp_plan_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, SP_YEAR_MIN, SP_YEAR_MAX, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * SpPlanPage:editable:
   *
   * Whether the plan shown can be changed: a draft, in a file that is not
   * read only. The tabs follow it.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, search);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, create_from_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, create_empty_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, status);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanPage, view_stack);

  gtk_widget_class_bind_template_callback (widget_class, on_search_matches_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "plan.adopt", NULL, on_adopt_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.reopen", NULL, on_reopen_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-next-year", NULL, on_create_next_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-year", NULL, on_create_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.create-from-previous", NULL, on_create_year_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.search", NULL, on_search_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.flush", NULL, on_flush_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.show-message", "s", on_show_message_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.hide-message", NULL, on_hide_message_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.clear-search", NULL, on_clear_search_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (view_actions); i++)
    gtk_widget_class_install_action (widget_class, view_actions[i].action, NULL, on_view_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK, "plan.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "plan.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK, "plan.move-down", NULL);
}

static void
sp_plan_page_init (SpPlanPage *self)
{
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_f, GDK_CONTROL_MASK, "plan.search" },
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "plan.add" },
  };

  g_type_ensure (SP_TYPE_PLAN_SEARCH_BAR);
  g_type_ensure (SP_TYPE_PLAN_STATUS_BAR);
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_plan_status_pages_wrap_words (GTK_WIDGET (self));
  self->year = 2000;

  /* Ctrl+F and Ctrl+Shift+N work wherever the focus is while the page is shown;
   * Alt+Up/Down and Delete only where the selection is. */
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  rebuild (self);
  ensure_view (self, get_visible_page_name (self));
}

/* Public API */

GtkWidget *
sp_plan_page_new (void)
{
  return g_object_new (SP_TYPE_PLAN_PAGE, NULL);
}

SpDatabase *
sp_plan_page_get_database (SpPlanPage *self)
{
  g_return_val_if_fail (SP_IS_PLAN_PAGE (self), NULL);
  return self->database;
}

void
sp_plan_page_set_database (SpPlanPage *self,
                           SpDatabase *database)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  flush_section_text (self);
  g_set_object (&self->database, database);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_plan_page_get_year (SpPlanPage *self)
{
  g_return_val_if_fail (SP_IS_PLAN_PAGE (self), 0);
  return self->year;
}

void
sp_plan_page_set_year (SpPlanPage *self,
                       int         year)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));

  if (self->year == year)
    return;
  flush_section_text (self);
  self->year = year;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * sp_plan_page_flush:
 *
 * Stores the section text typed but not yet stored (it is otherwise stored
 * SP_PLAN_SECTIONS_VIEW_SAVE_DELAY_MS after the last keystroke).
 */
void
sp_plan_page_flush (SpPlanPage *self)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  flush_section_text (self);
}

/**
 * sp_plan_page_get_view:
 * @name: a tab: sections, goals, target-groups, areas or board
 *
 * Returns: (transfer none) (nullable): the widget of the tab @name, made
 *   now if it was not yet shown
 */
GtkWidget *
sp_plan_page_get_view (SpPlanPage *self,
                       const char *name)
{
  g_return_val_if_fail (SP_IS_PLAN_PAGE (self), NULL);
  return ensure_view (self, name);
}

/**
 * sp_plan_page_show_message:
 *
 * Shows a refusal that belongs to no single field above the plan.
 */
void
sp_plan_page_show_message (SpPlanPage *self,
                           const char *message)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));

  gtk_label_set_text (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), TRUE);
}

void
sp_plan_page_hide_message (SpPlanPage *self)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  hide_message (self);
}

/**
 * sp_plan_page_clear_search:
 *
 * Empties the search, so that every section and goal is listed again.
 */
void
sp_plan_page_clear_search (SpPlanPage *self)
{
  g_return_if_fail (SP_IS_PLAN_PAGE (self));
  sp_plan_search_bar_clear (self->search);
}
