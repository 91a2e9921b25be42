/* sp-budget-page.c: the budget of a year, its member contributions and a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the year's budget lines in an SpBudgetTable, the members'
 * contributions with the frame, the shares and the key in an
 * SpBudgetContributions, and a chart; it loads what they show and keeps them
 * in step with the database, the year and the unit (kr or tkr).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-page.h"

#include "sp-budget.h"
#include "sp-budget-revenue.h"
#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-plan-year.h"
#include "sp-budget-chart.h"
#include "sp-budget-contributions.h"
#include "sp-budget-line-dialog.h"
#include "sp-budget-row.h"
#include "sp-budget-table.h"
#include "sp-widget-util.h"

struct _SpBudgetPage
{
  GtkWidget          parent_instance;

  SpDatabase        *database;
  int                year;
  SpMoneyUnit        unit;
  gboolean           adopted;
  gboolean           has_year;
  SpRecordList      *lines;
  int                last_account;  /* the cost account last added, or 0 */

  /* Template widgets */
  GtkRevealer       *adopted_revealer;
  GtkLabel          *adopted_label;
  GtkSwitch         *unit_switch;
  GtkWidget         *add_button;
  GtkWidget         *change_button;
  GtkWidget         *delete_button;
  GtkRevealer       *warning_revealer;
  GtkLabel          *warning_label;
  GtkLabel          *error_label;
  GtkStack          *section_stack;
  GtkStack          *lines_stack;
  SpBudgetTable     *table;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_add_button;
  SpBudgetContributions *contributions;
  SpBudgetChart         *chart;
};

G_DEFINE_FINAL_TYPE (SpBudgetPage, sp_budget_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  PROP_UNIT_TKR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update (SpBudgetPage *self);

/* ---- Helpers ------------------------------------------------------------ */

static void
show_error (SpBudgetPage *self,
            const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
add_toast (SpBudgetPage *self,
           AdwToast     *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
update_actions (SpBudgetPage *self)
{
  gboolean can_edit = self->database != NULL && self->has_year && !self->adopted;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.add-line", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.delete-line",
                                 can_edit && sp_budget_table_get_selected_line (self->table) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.change-line",
                                 can_edit && sp_budget_table_get_selected_line (self->table) != NULL);
}

static void
update_warning (SpBudgetPage         *self,
                const SpBudgetTotals *totals)
{
  g_autoptr(GString) text = g_string_new (NULL);
  static const SpBudgetColumn checked[] = {
    SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_COLUMN_PLAN1, SP_BUDGET_COLUMN_PLAN2,
  };

  for (guint i = 0; totals != NULL && i < G_N_ELEMENTS (checked); i++)
    {
      SpBudgetColumn c = checked[i];
      SpMoney imbalance;
      g_autofree char *title = NULL;
      g_autofree char *amount = NULL;

      if (!sp_budget_totals_is_set (totals, c) || sp_budget_totals_is_balanced (totals, c))
        continue;
      imbalance = sp_budget_totals_get_imbalance (totals, c);
      title = sp_budget_column_get_title (c, self->year);
      amount = sp_money_format (ABS (imbalance), self->unit, SP_MONEY_FORMAT_DEFAULT);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (imbalance < 0)
        /* Translators: %1$s is a column, e.g. "Plan 2010"; %2$s an amount, e.g. "90 000 kr" */
        g_string_append_printf (text, _("%1$s does not balance: the costs exceed the revenue and the equity used by %2$s."),
                                title, amount);
      else
        /* Translators: %1$s is a column, e.g. "Plan 2010"; %2$s an amount, e.g. "90 000 kr" */
        g_string_append_printf (text, _("%1$s does not balance: the revenue exceeds the costs by %2$s."),
                                title, amount);
    }
  gtk_label_set_text (self->warning_label, text->str);
  gtk_revealer_set_reveal_child (self->warning_revealer, text->len > 0);
}

/* ---- Everything -------------------------------------------------------- */

static void
update (SpBudgetPage *self)
{
  g_autoptr(SpPlanYear) plan_year = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(SpBudgetRevenue) revenue = NULL;
  guint n_lines;

  if (self->database != NULL)
    {
      plan_year = sp_plan_year_load (self->database, self->year, NULL);
      if (plan_year != NULL)
        {
          totals = sp_budget_totals_new (self->database, self->year, NULL);
          revenue = sp_budget_revenue_new (self->database, self->year, NULL);
        }
    }
  self->has_year = plan_year != NULL;
  self->adopted = plan_year != NULL && sp_plan_year_is_adopted (plan_year);

  if (self->adopted)
    {
      const char *date = sp_plan_year_get_decision_date (plan_year);
      g_autofree char *text = NULL;

      if (date != NULL && *date != '\0')
        /* Translators: %1$d is the year, %2$s the date of the board's decision (2008-11-21) */
        text = g_strdup_printf (_("The budget for %1$d was adopted by the board on %2$s. It can no longer be changed."),
                                self->year, date);
      else
        /* Translators: %d is the year */
        text = g_strdup_printf (_("The budget for %d has been adopted. It can no longer be changed."), self->year);
      gtk_label_set_text (self->adopted_label, text);
    }
  gtk_revealer_set_reveal_child (self->adopted_revealer, self->adopted);

  sp_budget_table_set_database (self->table, self->database);
  sp_budget_table_set_year (self->table, self->year);
  sp_budget_table_set_adopted (self->table, self->adopted);
  sp_budget_table_update (self->table, self->lines != NULL ? G_LIST_MODEL (self->lines) : NULL, totals, revenue);
  update_warning (self, totals);

  /* The contributions derived from the frame are lines too. */
  n_lines = self->lines != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lines)) : 0;
  n_lines += revenue != NULL ? revenue->lines->len : 0;
  if (n_lines > 0)
    gtk_stack_set_visible_child_name (self->lines_stack, "table");
  else
    {
      g_autofree char *title = NULL;

      gtk_stack_set_visible_child_name (self->lines_stack, "empty");
      if (self->database == NULL)
        {
          adw_status_page_set_title (self->empty_page, _("No Database"));
          adw_status_page_set_description (self->empty_page, NULL);
        }
      else if (!self->has_year)
        {
          /* Translators: %d is a year */
          title = g_strdup_printf (_("No Plan for %d"), self->year);
          adw_status_page_set_title (self->empty_page, title);
          adw_status_page_set_description (self->empty_page,
                                           _("Create the plan year first; then its budget can be made here."));
        }
      else
        {
          adw_status_page_set_title (self->empty_page, _("No Budget Lines Yet"));
          adw_status_page_set_description (self->empty_page,
                                           _("Add a line for each activity area and account: the activity areas come from the operational plan."));
        }
      gtk_widget_set_visible (self->empty_add_button, self->has_year && !self->adopted);
    }

  sp_budget_contributions_update (self->contributions, self->database, self->year, self->unit, plan_year);
  /* The chart keeps the members of the last year that had a plan. */
  if (self->database != NULL && plan_year != NULL)
    sp_budget_chart_set_contributions (self->chart, self->year,
                                       sp_budget_contributions_get_contributions (self->contributions));
  sp_budget_chart_set_unit (self->chart, self->unit);
  sp_budget_chart_set_totals (self->chart, totals, self->lines != NULL ? G_LIST_MODEL (self->lines) : NULL);
  update_actions (self);
}

/* A new database or year: new lines, new rows, editable or not. */
static void
reload (SpBudgetPage *self)
{
  g_clear_object (&self->lines);
  sp_budget_table_clear (self->table);
  show_error (self, NULL);
  if (self->database != NULL)
    self->lines = sp_budget_line_list_new (self->database, self->year);
  update (self);
}

/* ---- Callbacks --------------------------------------------------------- */

static void
on_database_changed_cb (SpBudgetPage  *self,
                        const char   **tables,
                        SpDatabase    *database)
{
  gboolean was_adopted = self->adopted;

  /* Our list reloads on this signal too, perhaps after us: do it now. */
  if (self->lines != NULL)
    sp_record_list_reload (self->lines);
  update (self);
  /* Adopting or reopening the year turns the cells into labels or back. */
  if (was_adopted != self->adopted)
    {
      sp_budget_table_clear (self->table);
      update (self);
    }
}

static void
on_unit_switch_notify_active_cb (SpBudgetPage *self,
                                 GParamSpec   *pspec,
                                 GtkSwitch    *unit_switch)
{
  sp_budget_page_set_unit (self, gtk_switch_get_active (unit_switch) ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR);
}

/* Adding, changing and deleting lines belongs to the table. */
static void
on_section_stack_notify_cb (SpBudgetPage *self,
                            GParamSpec   *pspec,
                            GtkStack     *stack)
{
  gboolean lines = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "lines") == 0;

  if (self->add_button == NULL)
    return;
  gtk_widget_set_visible (self->add_button, lines);
  gtk_widget_set_visible (self->change_button, lines);
  gtk_widget_set_visible (self->delete_button, lines);
}

static void
on_table_selection_changed_cb (SpBudgetPage  *self,
                               SpBudgetTable *table)
{
  update_actions (self);
}

static void
on_table_error_cb (SpBudgetPage  *self,
                   const char    *message,
                   SpBudgetTable *table)
{
  show_error (self, message);
}

static void
on_contributions_error_cb (SpBudgetPage          *self,
                           const char            *message,
                           SpBudgetContributions *contributions)
{
  show_error (self, message);
}

/* Actions */

static void
on_line_dialog_response_cb (SpBudgetPage       *self,
                            const char         *response,
                            SpBudgetLineDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  SpBudgetLineData data;
  gint64 id;

  if (self->database == NULL)
    return;
  if (g_str_equal (response, "change"))
    {
      gint64 line_id = sp_budget_line_dialog_get_line_id (dialog);
      gint64 area_id = sp_budget_line_dialog_get_area_id (dialog);
      gboolean ok = area_id != 0
        ? sp_budget_line_set_place (self->database, line_id, area_id,
                                    sp_budget_line_dialog_get_account (dialog), &error)
        : sp_budget_line_set_place_in_group (self->database, line_id, sp_budget_line_dialog_get_group_id (dialog),
                                             sp_budget_line_dialog_get_account (dialog), &error);

      show_error (self, ok ? NULL : error->message);
      if (ok)
        sp_budget_table_select_line (self->table, line_id);
      return;
    }
  if (!g_str_equal (response, "add"))
    return;

  sp_budget_line_data_init (&data);
  data.area_id = sp_budget_line_dialog_get_area_id (dialog);
  data.group_id = sp_budget_line_dialog_get_group_id (dialog);
  data.account = sp_budget_line_dialog_get_account (dialog);
  data.text = sp_budget_line_dialog_get_text (dialog);
  id = sp_budget_line_add (self->database, self->year, &data, &error);
  show_error (self, id == 0 ? error->message : NULL);
  if (id != 0)
    {
      g_autoptr(SpBudgetLine) line = sp_budget_line_load (self->database, id, NULL);

      if (line != NULL && sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_COST)
        self->last_account = data.account;
      sp_budget_table_select_line (self->table, id);
    }
}

/* The dialog that adds a line (@change NULL: area, account and text) or
 * gives the line @change another area and account. */
static void
present_line_dialog (SpBudgetPage *self,
                     SpBudgetRow  *change)
{
  g_autoptr(SpRecordList) groups = NULL;
  g_autoptr(SpRecordList) areas = NULL;
  g_autoptr(SpRecordList) accounts = NULL;
  SpBudgetRow *selected = change != NULL ? change : sp_budget_table_get_selected_line (self->table);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpBudgetLineDialog *dialog;

  if (self->database == NULL)
    return;
  groups = sp_area_group_list_new (self->database, self->year);
  areas = sp_area_list_new_for_year (self->database, self->year);
  accounts = sp_account_list_new (self->database);
  if (g_list_model_get_n_items (G_LIST_MODEL (groups)) == 0)
    {
      show_error (self, _("The year has no activity areas yet: add them to the operational plan first."));
      return;
    }
  /* The account starts on the one last added here, or on none: a choice to
   * make, not 3000 Försäljning because it is first. */
  dialog = sp_budget_line_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, groups, areas, accounts,
                                      change != NULL ? sp_budget_row_get_line (change) : NULL,
                                      selected != NULL ? sp_budget_row_get_line (selected) : NULL,
                                      self->last_account);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_line_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_add_line_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  present_line_dialog (SP_BUDGET_PAGE (widget), NULL);
}

static void
on_change_line_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (widget);
  SpBudgetRow *row = sp_budget_table_get_selected_line (self->table);

  if (row != NULL)
    present_line_dialog (self, row);
}

static void
on_delete_line_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (widget);
  SpBudgetRow *row = sp_budget_table_get_selected_line (self->table);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (row == NULL || self->database == NULL)
    return;
  if (!sp_budget_line_delete (self->database, sp_budget_row_get_id (row), &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  toast = adw_toast_new (_("Budget line deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  add_toast (self, toast);
}

static void
on_toggle_unit_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (widget);

  sp_budget_page_set_unit (self, self->unit == SP_MONEY_UNIT_KR ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR);
}

/* ---- GObject ----------------------------------------------------------- */

static void
sp_budget_page_dispose (GObject *object)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (object);
  GtkWidget *child;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  g_clear_object (&self->lines);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BUDGET_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_budget_page_parent_class)->dispose (object);
}

static void
sp_budget_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_UNIT_TKR:
      g_value_set_boolean (value, self->unit == SP_MONEY_UNIT_TKR);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_budget_page_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_budget_page_set_year (self, g_value_get_int (value));
      break;
    case PROP_UNIT_TKR:
      sp_budget_page_set_unit (self, g_value_get_boolean (value) ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_page_class_init (SpBudgetPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_budget_page_dispose;
  object_class->get_property = sp_budget_page_get_property;
  object_class->set_property = sp_budget_page_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT_TKR] =
    g_param_spec_boolean ("unit-tkr", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SP_TYPE_BUDGET_CHART);
  g_type_ensure (SP_TYPE_BUDGET_CONTRIBUTIONS);
  g_type_ensure (SP_TYPE_BUDGET_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, adopted_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, adopted_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, unit_switch);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, change_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, lines_stack);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, table);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, contributions);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_stack_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_contributions_error_cb);

  gtk_widget_class_install_action (widget_class, "budget.add-line", NULL, on_add_line_cb);
  gtk_widget_class_install_action (widget_class, "budget.delete-line", NULL, on_delete_line_cb);
  gtk_widget_class_install_action (widget_class, "budget.change-line", NULL, on_change_line_cb);
  gtk_widget_class_install_action (widget_class, "budget.toggle-unit", NULL, on_toggle_unit_cb);
  /* Deleting acts where the focus is (the table); adding and kr/tkr are
   * page shortcuts, see sp_budget_page_init(). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "budget.delete-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "budget.change-line", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-budget-page");
}

static void
sp_budget_page_init (SpBudgetPage *self)
{
  /* Wherever the focus is while the page is shown. */
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "budget.add-line" },
    { GDK_KEY_t, GDK_CONTROL_MASK, "budget.toggle-unit" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  self->unit = SP_MONEY_UNIT_KR;
  reload (self);
}

/* ---- Public API -------------------------------------------------------- */

GtkWidget *
sp_budget_page_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_PAGE, NULL);
}

/* Returns: (transfer none) (nullable): the database shown */
SpDatabase *
sp_budget_page_get_database (SpBudgetPage *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_PAGE (self), NULL);
  return self->database;
}

void
sp_budget_page_set_database (SpBudgetPage *self,
                             SpDatabase   *database)
{
  g_return_if_fail (SP_IS_BUDGET_PAGE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_budget_page_get_year (SpBudgetPage *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_PAGE (self), 0);
  return self->year;
}

void
sp_budget_page_set_year (SpBudgetPage *self,
                         int           year)
{
  g_return_if_fail (SP_IS_BUDGET_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

SpMoneyUnit
sp_budget_page_get_unit (SpBudgetPage *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_PAGE (self), SP_MONEY_UNIT_KR);
  return self->unit;
}

/* Shows every amount of the page in kr or tkr. */
void
sp_budget_page_set_unit (SpBudgetPage *self,
                         SpMoneyUnit   unit)
{
  g_return_if_fail (SP_IS_BUDGET_PAGE (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  gtk_switch_set_active (self->unit_switch, unit == SP_MONEY_UNIT_TKR);
  sp_budget_table_set_unit (self->table, unit);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TKR]);
}
