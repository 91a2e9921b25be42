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

#include "core/sp-budget.h"
#include "core/sp-contribution.h"
#include "core/sp-plan.h"
#include "core/sp-year.h"
#include "sp-budget-line-dialog.h"
#include "sp-budget-chart.h"
#include "sp-budget-row.h"
#include "sp-budget-table.h"
#include "sp-window.h"

struct _SpBudgetPage
{
  GtkWidget          parent_instance;

  SpDatabase        *database;
  int                year;
  SpMoneyUnit        unit;
  gboolean           adopted;
  gboolean           has_year;
  gboolean           updating;
  SpRecordList      *lines;

  /* Template widgets */
  GtkRevealer       *adopted_revealer;
  GtkLabel          *adopted_label;
  GtkSwitch         *unit_switch;
  GtkWidget         *add_button;
  GtkWidget         *delete_button;
  GtkRevealer       *warning_revealer;
  GtkLabel          *warning_label;
  GtkLabel          *error_label;
  GtkStack          *section_stack;
  GtkStack          *lines_stack;
  SpBudgetTable     *table;
  AdwStatusPage     *empty_page;
  GtkWidget         *empty_add_button;
  AdwEntryRow       *frame_row0;
  AdwEntryRow       *frame_row1;
  AdwEntryRow       *frame_row2;
  AdwEntryRow       *equity_row;
  AdwEntryRow       *state_row;
  AdwEntryRow       *region_row;
  AdwEntryRow       *municipalities_row;
  AdwComboRow       *key_row;
  GtkLabel          *contributions_error;
  GtkGrid           *contributions_grid;
  SpBudgetChart     *chart;
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
set_row_error (GtkWidget  *row,
               const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
}

/* Reads a percentage ("50", "33,33", "25 %") as hundredths of a per cent. */
static gboolean
parse_share (const char  *text,
             int         *share,
             GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len = strlen (copy);
  SpMoney value;

  if (len > 0 && copy[len - 1] == '%')
    {
      copy[len - 1] = '\0';
      g_strstrip (copy);
    }
  if (!sp_money_parse (copy, SP_MONEY_UNIT_KR, &value, error))
    return FALSE;
  if (value < 0 || value > SP_SHARE_WHOLE)
    {
      g_set_error_literal (error, SP_MONEY_ERROR, SP_MONEY_ERROR_TOO_LARGE,
                           _("A share is between 0 and 100 %."));
      return FALSE;
    }
  *share = (int) value;
  return TRUE;
}

static char *
format_share (gint64 share)
{
  g_autofree char *number = sp_money_format (share, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);

  /* Translators: a percentage, e.g. "33,33 %" */
  return g_strdup_printf (_("%s %%"), number);
}

/* An amount of money in the page's unit, or an empty string when not set. */
static char *
format_amount (SpBudgetPage *self,
               SpMoney       amount)
{
  if (!SP_BUDGET_IS_SET (amount))
    return g_strdup ("");
  return sp_money_format (amount, self->unit, SP_MONEY_FORMAT_DEFAULT);
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

/* ---- Contributions ----------------------------------------------------- */

static void
set_entry_row_text (AdwEntryRow *row,
                    const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data_full (G_OBJECT (row), "stored-text", g_strdup (text != NULL ? text : ""), g_free);
  set_row_error (GTK_WIDGET (row), NULL);
}

static GtkWidget *
grid_label (const char *text,
            float       xalign,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (xalign == 0)
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      sp_widget_set_tooltip_lazily (label, text);
    }
  return label;
}

static void
on_member_key_activate_cb (SpBudgetPage *self,
                           GtkEntry     *entry)
{
  gint64 member_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "member-id"));
  g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (self->database, self->year, NULL);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int percentage = -1;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok;

  if (plan_year == NULL ||
      !sp_plan_year_get_member_key (self->database, self->year, member_id, &percentage, &amount, &error))
    ok = FALSE;
  else if (sp_plan_year_get_allocation_key (plan_year) == SP_ALLOCATION_KEY_PERCENTAGE)
    ok = parse_share (text, &percentage, &error);
  else
    ok = sp_money_parse (text, self->unit, &amount, &error);

  if (ok)
    ok = sp_plan_year_set_member_key (self->database, self->year, member_id, percentage, amount, &error);
  if (!ok)
    {
      set_row_error (GTK_WIDGET (entry), error != NULL ? error->message : NULL);
      gtk_label_set_text (self->contributions_error, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), TRUE);
    }
}

static void
update_contributions (SpBudgetPage *self,
                      SpPlanYear   *plan_year)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  SpAllocationKey key = plan_year != NULL ? sp_plan_year_get_allocation_key (plan_year)
                                          : SP_ALLOCATION_KEY_POPULATION;
  GtkWidget *child;
  SpMoney sums[SP_PLAN_YEARS] = { 0 };
  gboolean any_set[SP_PLAN_YEARS] = { FALSE };
  SpMoney frame0;
  AdwEntryRow *frame_rows[SP_PLAN_YEARS] = { self->frame_row0, self->frame_row1, self->frame_row2 };
  const char *key_head;
  int row = 1;

  self->updating = TRUE;
  for (guint i = 0; i < SP_PLAN_YEARS; i++)
    {
      /* Translators: an entry's title: the budget frame of a year, e.g. "Budget frame 2009" */
      g_autofree char *title = g_strdup_printf (_("Budget frame %d"), self->year + (int) i);
      g_autofree char *text = plan_year != NULL
        ? format_amount (self, sp_plan_year_get_frame (plan_year, i)) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (frame_rows[i]), title);
      set_entry_row_text (frame_rows[i], text);
    }
  {
    /* Translators: an entry's title: money taken from equity in a year, e.g. "Equity used 2009" */
    g_autofree char *title = g_strdup_printf (_("Equity used %d"), self->year);
    g_autofree char *text = plan_year != NULL
      ? format_amount (self, sp_plan_year_get_equity_used (plan_year)) : NULL;

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->equity_row), title);
    set_entry_row_text (self->equity_row, text);
  }
  if (plan_year != NULL)
    {
      g_autofree char *state = format_share (sp_plan_year_get_share_state (plan_year));
      g_autofree char *region = format_share (sp_plan_year_get_share_region (plan_year));
      g_autofree char *municipalities = format_share (sp_plan_year_get_share_municipalities (plan_year));

      set_entry_row_text (self->state_row, state);
      set_entry_row_text (self->region_row, region);
      set_entry_row_text (self->municipalities_row, municipalities);
      adw_combo_row_set_selected (self->key_row, key);
    }
  self->updating = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contributions_grid))) != NULL)
    gtk_grid_remove (self->contributions_grid, child);

  if (self->database == NULL || plan_year == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), FALSE);
      return;
    }

  contributions = sp_contributions_compute (self->database, self->year, &error);
  gtk_label_set_text (self->contributions_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contributions_error), error != NULL);
  sp_budget_chart_set_contributions (self->chart, self->year, contributions);
  if (contributions == NULL)
    return;

  key_head = key == SP_ALLOCATION_KEY_POPULATION ? _("Population")
           : key == SP_ALLOCATION_KEY_PERCENTAGE ? _("Percentage") : _("Fixed amount");
  gtk_grid_attach (self->contributions_grid, grid_label (_("Member"), 0, "heading"), 0, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (_("Kind"), 0, "heading"), 1, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (key_head, 1, "heading"), 2, 0, 1, 1);
  gtk_grid_attach (self->contributions_grid, grid_label (_("Share"), 1, "heading"), 3, 0, 1, 1);
  for (guint i = 0; i < SP_PLAN_YEARS; i++)
    {
      g_autofree char *head = g_strdup_printf ("%d", self->year + (int) i);
      gtk_grid_attach (self->contributions_grid, grid_label (head, 1, "heading"), 4 + i, 0, 1, 1);
    }

  frame0 = sp_plan_year_get_frame (plan_year, 0);
  for (guint i = 0; i < contributions->len; i++, row++)
    {
      SpContribution *c = g_ptr_array_index (contributions, i);
      g_autofree char *key_text = NULL;
      g_autofree char *share = NULL;
      GtkWidget *key_widget;

      if (c->kind == SP_MEMBER_KIND_MUNICIPALITY && key != SP_ALLOCATION_KEY_POPULATION && c->pays_own_share)
        {
          /* The agreed percentage or amount is edited here. */
          if (c->key_value >= 0)
            key_text = key == SP_ALLOCATION_KEY_PERCENTAGE
              ? sp_money_format (c->key_value, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT)
              : sp_money_format (c->key_value, self->unit, SP_MONEY_FORMAT_EXACT);
          key_widget = gtk_entry_new ();
          gtk_editable_set_text (GTK_EDITABLE (key_widget), key_text != NULL ? key_text : "");
          gtk_editable_set_width_chars (GTK_EDITABLE (key_widget), 10);
          gtk_entry_set_alignment (GTK_ENTRY (key_widget), 1.0);
          gtk_widget_set_sensitive (key_widget, !self->adopted);
          g_object_set_data (G_OBJECT (key_widget), "member-id", GSIZE_TO_POINTER (c->member_id));
          {
            /* Translators: the accessible name of an entry: the key's name, then the member */
            g_autofree char *name = g_strdup_printf (_("%s: %s"), key_head, c->name);
            gtk_accessible_update_property (GTK_ACCESSIBLE (key_widget),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          }
          g_signal_connect_object (key_widget, "activate", G_CALLBACK (on_member_key_activate_cb),
                                   self, G_CONNECT_SWAPPED);
        }
      else
        {
          if (!c->pays_own_share)
            key_text = g_strdup (_("paid by another member"));
          else if (c->key_value >= 0 && key == SP_ALLOCATION_KEY_POPULATION)
            /* A head count, formatted like whole kronor without the unit: "12 150". */
            key_text = sp_money_format (c->key_value * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR,
                                        SP_MONEY_FORMAT_NO_UNIT);
          key_widget = grid_label (key_text != NULL ? key_text : "", 1, "numeric");
        }

      if (SP_BUDGET_IS_SET (frame0) && frame0 != 0 && SP_BUDGET_IS_SET (c->amount[0]))
        share = format_share ((c->amount[0] * SP_SHARE_WHOLE + frame0 / 2) / frame0);

      gtk_grid_attach (self->contributions_grid, grid_label (c->name, 0, NULL), 0, row, 1, 1);
      gtk_grid_attach (self->contributions_grid, grid_label (sp_member_kind_get_label (c->kind), 0, "dim-label"),
                       1, row, 1, 1);
      gtk_grid_attach (self->contributions_grid, key_widget, 2, row, 1, 1);
      gtk_grid_attach (self->contributions_grid, grid_label (share != NULL ? share : "", 1, "numeric"),
                       3, row, 1, 1);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          g_autofree char *amount = format_amount (self, c->amount[y]);

          if (SP_BUDGET_IS_SET (c->amount[y]))
            {
              sums[y] += c->amount[y];
              any_set[y] = TRUE;
            }
          gtk_grid_attach (self->contributions_grid, grid_label (amount, 1, "numeric"), 4 + y, row, 1, 1);
        }
    }

  gtk_grid_attach (self->contributions_grid, grid_label (_("Total"), 0, "heading"), 0, row, 1, 1);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *amount = format_amount (self, any_set[y] ? sums[y] : SP_BUDGET_NOT_SET);
      GtkWidget *label = grid_label (amount, 1, "numeric");

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->contributions_grid, label, 4 + y, row, 1, 1);
    }
}

/* ---- Everything -------------------------------------------------------- */

static void
update (SpBudgetPage *self)
{
  g_autoptr(SpPlanYear) plan_year = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  guint n_lines;

  if (self->database != NULL)
    {
      plan_year = sp_plan_year_load (self->database, self->year, NULL);
      if (plan_year != NULL)
        totals = sp_budget_totals_new (self->database, self->year, NULL);
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
  sp_budget_table_update (self->table, self->lines != NULL ? G_LIST_MODEL (self->lines) : NULL, totals);
  update_warning (self, totals);

  n_lines = self->lines != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lines)) : 0;
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

  gtk_widget_set_sensitive (GTK_WIDGET (self->frame_row0), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->frame_row1), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->frame_row2), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->equity_row), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->state_row), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->municipalities_row), !self->adopted && self->has_year);
  gtk_widget_set_sensitive (GTK_WIDGET (self->key_row), !self->adopted && self->has_year);

  update_contributions (self, plan_year);
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

/* Adding and deleting lines belongs to the table. */
static void
on_section_stack_notify_cb (SpBudgetPage *self,
                            GParamSpec   *pspec,
                            GtkStack     *stack)
{
  gboolean lines = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "lines") == 0;

  if (self->add_button == NULL)
    return;
  gtk_widget_set_visible (self->add_button, lines);
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

/* Budget frame, equity used, shares, key. */
static void
on_frame_row_activated_cb (SpBudgetPage *self,
                           AdwEntryRow  *row)
{
  guint column = row == self->frame_row0 ? 0 : row == self->frame_row1 ? 1 : 2;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  if (*text != '\0')
    ok = sp_money_parse (text, self->unit, &amount, &error);
  if (ok)
    ok = sp_plan_year_set_frame (self->database, self->year, column, amount, &error);
  set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
  show_error (self, ok ? NULL : error->message);
}

static void
on_equity_row_activated_cb (SpBudgetPage *self,
                            AdwEntryRow  *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;
  SpMoney amount = SP_MONEY_NOT_SET;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  if (*text != '\0')
    ok = sp_money_parse (text, self->unit, &amount, &error);
  if (ok)
    ok = sp_plan_year_set_equity_used (self->database, self->year, amount, &error);
  set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
  show_error (self, ok ? NULL : error->message);
}

/* Leaving a frame or the equity stores what was typed there, as Enter does. */
static void
on_amount_row_focus_leave_cb (SpBudgetPage            *self,
                              GtkEventControllerFocus *controller)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const char *stored = g_object_get_data (G_OBJECT (row), "stored-text");

  if (self->database == NULL || self->adopted ||
      g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (row))) == 0)
    return;
  if (row == self->equity_row)
    on_equity_row_activated_cb (self, row);
  else
    on_frame_row_activated_cb (self, row);
}

static void
on_share_row_activated_cb (SpBudgetPage *self,
                           AdwEntryRow  *row)
{
  AdwEntryRow *rows[3] = { self->state_row, self->region_row, self->municipalities_row };
  int shares[3];
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->database == NULL)
    return;
  for (guint i = 0; i < 3 && ok; i++)
    if (!(ok = parse_share (gtk_editable_get_text (GTK_EDITABLE (rows[i])), &shares[i], &error)))
      set_row_error (GTK_WIDGET (rows[i]), error->message);
  if (ok)
    {
      ok = sp_plan_year_set_shares (self->database, self->year, shares[0], shares[1], shares[2], &error);
      set_row_error (GTK_WIDGET (row), ok ? NULL : error->message);
    }
  show_error (self, ok ? NULL : error->message);
}

static void
on_key_row_notify_selected_cb (SpBudgetPage *self,
                               GParamSpec   *pspec,
                               AdwComboRow  *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanYear) plan_year = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->database == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  plan_year = sp_plan_year_load (self->database, self->year, NULL);
  if (plan_year == NULL || sp_plan_year_get_allocation_key (plan_year) == (SpAllocationKey) selected)
    return;
  if (!sp_plan_year_set_allocation_key (self->database, self->year, selected, &error))
    {
      show_error (self, error->message);
      self->updating = TRUE;
      adw_combo_row_set_selected (row, sp_plan_year_get_allocation_key (plan_year));
      self->updating = FALSE;
    }
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
      gboolean ok = sp_budget_line_set_place (self->database, line_id,
                                              sp_budget_line_dialog_get_area_id (dialog),
                                              sp_budget_line_dialog_get_account (dialog),
                                              &error);

      show_error (self, ok ? NULL : error->message);
      if (ok)
        sp_budget_table_select_line (self->table, line_id);
      return;
    }
  if (!g_str_equal (response, "add"))
    return;

  sp_budget_line_data_init (&data);
  data.area_id = sp_budget_line_dialog_get_area_id (dialog);
  data.account = sp_budget_line_dialog_get_account (dialog);
  data.text = sp_budget_line_dialog_get_text (dialog);
  id = sp_budget_line_add (self->database, self->year, &data, &error);
  show_error (self, id == 0 ? error->message : NULL);
  if (id != 0)
    sp_budget_table_select_line (self->table, id);
}

/* The dialog that adds a line (@change NULL: area, account and text) or
 * gives the line @change another area and account. */
static void
present_line_dialog (SpBudgetPage *self,
                     SpBudgetRow  *change)
{
  g_autoptr(SpRecordList) areas = NULL;
  g_autoptr(SpRecordList) accounts = NULL;
  SpBudgetRow *selected = change != NULL ? change : sp_budget_table_get_selected_line (self->table);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpBudgetLineDialog *dialog;

  if (self->database == NULL)
    return;
  areas = sp_area_list_new_for_year (self->database, self->year);
  accounts = sp_account_list_new (self->database);
  if (g_list_model_get_n_items (G_LIST_MODEL (areas)) == 0)
    {
      show_error (self, _("The year has no activity areas yet: add them to the operational plan first."));
      return;
    }
  dialog = sp_budget_line_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, areas, accounts,
                                      change != NULL ? sp_budget_row_get_line (change) : NULL,
                                      selected != NULL ? sp_budget_line_get_area_id (sp_budget_row_get_line (selected)) : 0);
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
  g_type_ensure (SP_TYPE_BUDGET_TABLE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-budget-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, adopted_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, adopted_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, unit_switch);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, section_stack);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, lines_stack);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, table);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, empty_add_button);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, frame_row0);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, frame_row1);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, frame_row2);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, equity_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, municipalities_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, contributions_error);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, contributions_grid);
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, chart);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_switch_notify_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_stack_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_frame_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_equity_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_share_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_row_notify_selected_cb);

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
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  /* Wherever the focus is while the page is shown. */
  static const SpPageShortcut page_shortcuts[] = {
    { GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "budget.add-line" },
    { GDK_KEY_t, GDK_CONTROL_MASK, "budget.toggle-unit" },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  sp_page_add_shortcuts (GTK_WIDGET (self), page_shortcuts, G_N_ELEMENTS (page_shortcuts));

  {
    AdwEntryRow *amount_rows[] = { self->frame_row0, self->frame_row1, self->frame_row2, self->equity_row };

    for (guint i = 0; i < G_N_ELEMENTS (amount_rows); i++)
      {
        GtkEventController *controller = gtk_event_controller_focus_new ();

        g_signal_connect_object (controller, "leave", G_CALLBACK (on_amount_row_focus_leave_cb),
                                 self, G_CONNECT_SWAPPED);
        gtk_widget_add_controller (GTK_WIDGET (amount_rows[i]), controller);
      }
  }

  for (guint k = SP_ALLOCATION_KEY_POPULATION; k <= SP_ALLOCATION_KEY_FIXED; k++)
    gtk_string_list_append (keys, sp_allocation_key_get_label (k));
  adw_combo_row_set_model (self->key_row, G_LIST_MODEL (keys));

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
