/* sp-budget-page.c: the budget of a year, its member contributions and a chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table flattens the year's budget lines into rows: an activity area
 * group, its areas, their lines, and at the end the totals. As GnuCash shows
 * a parent account, a group or area row shows the sum of its lines: the
 * revenue or the costs when all its lines are of one kind, revenue − costs
 * when it has both. The rows keep their identity across reloads, so that an
 * edited amount updates the sums in place while the focus stays in the cell.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-page.h"

#include "sp-area.h"
#include "sp-budget.h"
#include "sp-contribution.h"
#include "sp-plan-year.h"
#include "sp-budget-cell.h"
#include "sp-budget-chart.h"
#include "sp-budget-row.h"
#include "sp-widget-util.h"

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
  GListStore        *rows;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *amount_columns[SP_BUDGET_N_COLUMNS];
  GtkColumnViewColumn *deviation_column;

  /* A cell to focus once it is scrolled into view and bound */
  SpBudgetRow       *pending_row;
  SpBudgetColumn     pending_column;
  guint              pending_tick;
  guint              pending_frames;

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
  GtkColumnView     *column_view;
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

/* The amount columns, left to right: last year, then the plan's three years. */
static const SpBudgetColumn amount_order[] = {
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
};

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

static char *
column_title (SpBudgetPage   *self,
              SpBudgetColumn  column)
{
  g_autofree char *title = sp_budget_column_get_title (column, self->year);

  /* Translators: a budget column's head and its unit, e.g. "Budget 2009, tkr" */
  return g_strdup_printf (_("%s, %s"), title, self->unit == SP_MONEY_UNIT_TKR ? _("tkr") : _("kr"));
}

static SpBudgetRow *
get_row (SpBudgetPage *self,
         guint         position)
{
  g_autoptr(SpBudgetRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row; /* the store keeps it */
}

/* The selected line's row, or %NULL. */
static SpBudgetRow *
get_selected_line (SpBudgetPage *self)
{
  SpBudgetRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row == NULL || sp_budget_row_get_kind (row) != SP_BUDGET_ROW_LINE)
    return NULL;
  return row;
}

static void
update_actions (SpBudgetPage *self)
{
  gboolean can_edit = self->database != NULL && self->has_year && !self->adopted;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.add-line", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.delete-line",
                                 can_edit && get_selected_line (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "budget.change-line",
                                 can_edit && get_selected_line (self) != NULL);
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

/* ---- Rows -------------------------------------------------------------- */

typedef struct {
  SpBudgetRowKind kind;
  gint64          id;
  SpBudgetLine   *line;
} RowKey;

static void
sum_amounts (const SpBudgetSum *sum,
             SpBudgetRowSum     what,
             SpMoney           *amounts)
{
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      if (sum == NULL || sum->n_set[c] == 0)
        amounts[c] = SP_BUDGET_NOT_SET;
      else if (what == SP_BUDGET_ROW_SUM_REVENUE)
        amounts[c] = sum->revenue[c];
      else if (what == SP_BUDGET_ROW_SUM_COSTS)
        amounts[c] = sum->costs[c];
      else
        amounts[c] = sum->result[c];
    }
}

/* What the rows of the table are now, from the lines (in budget order). */
static GArray *
collect_keys (SpBudgetPage *self,
              GHashTable   *kinds)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (RowKey));
  guint n = self->lines != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lines)) : 0;
  gint64 group_id = -1, area_id = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);
      int flag = sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_REVENUE ? 1 : 2;
      gint64 g = sp_budget_line_get_group_id (line);
      gint64 a = sp_budget_line_get_area_id (line);
      RowKey key;

      if (g != group_id)
        {
          key = (RowKey) { SP_BUDGET_ROW_GROUP, g, NULL };
          g_array_append_val (keys, key);
          group_id = g;
          area_id = -1;
        }
      if (a != area_id)
        {
          key = (RowKey) { SP_BUDGET_ROW_AREA, a, NULL };
          g_array_append_val (keys, key);
          area_id = a;
        }
      key = (RowKey) { SP_BUDGET_ROW_LINE, sp_record_get_id (SP_RECORD (line)), line };
      g_array_append_val (keys, key);

      /* Which kinds of account each group and area has: 1 revenue, 2 costs. */
      g_hash_table_insert (kinds, GINT_TO_POINTER ((int) (g * 2)),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (kinds, GINT_TO_POINTER ((int) (g * 2)))) | flag));
      g_hash_table_insert (kinds, GINT_TO_POINTER ((int) (a * 2 + 1)),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (kinds, GINT_TO_POINTER ((int) (a * 2 + 1)))) | flag));
    }

  if (n > 0)
    {
      static const SpBudgetRowKind totals[] = {
        SP_BUDGET_ROW_REVENUE, SP_BUDGET_ROW_COSTS, SP_BUDGET_ROW_RESULT,
        SP_BUDGET_ROW_EQUITY, SP_BUDGET_ROW_FRAME,
      };
      for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
        {
          RowKey key = { totals[i], 0, NULL };
          g_array_append_val (keys, key);
        }
    }
  return keys;
}

static gboolean
keys_match (SpBudgetPage *self,
            GArray       *keys)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  if (n != keys->len)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      SpBudgetRow *row = get_row (self, i);
      RowKey *key = &g_array_index (keys, RowKey, i);

      if (sp_budget_row_get_kind (row) != key->kind || sp_budget_row_get_id (row) != key->id ||
          sp_budget_row_get_line (row) != key->line)
        return FALSE;
    }
  return TRUE;
}

static const char *
total_title (SpBudgetRowKind kind)
{
  switch (kind)
    {
    case SP_BUDGET_ROW_REVENUE:
      return _("Total revenue");
    case SP_BUDGET_ROW_COSTS:
      return _("Total costs");
    case SP_BUDGET_ROW_RESULT:
      return _("Result");
    case SP_BUDGET_ROW_EQUITY:
      return _("Equity used");
    case SP_BUDGET_ROW_FRAME:
      return _("Budget frame from the members");
    case SP_BUDGET_ROW_GROUP:
    case SP_BUDGET_ROW_AREA:
    case SP_BUDGET_ROW_LINE:
    default:
      return "";
    }
}

/* Rebuilds the rows when lines came or went, else updates their sums. */
static void
update_rows (SpBudgetPage         *self,
             const SpBudgetTotals *totals)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) keys = collect_keys (self, kinds);
  guint n;

  if (!keys_match (self, keys))
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < keys->len; i++)
        {
          RowKey *key = &g_array_index (keys, RowKey, i);
          g_ptr_array_add (rows, sp_budget_row_new (key->kind, key->id, key->line));
        }
      g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                           rows->pdata, rows->len);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      SpBudgetRow *row = get_row (self, i);
      SpBudgetRowKind kind = sp_budget_row_get_kind (row);
      SpMoney amounts[SP_BUDGET_N_COLUMNS];
      const SpBudgetSubtotal *subtotal = NULL;
      const char *title = NULL;
      SpBudgetRowSum what = SP_BUDGET_ROW_SUM_NONE;
      int flags = 0;

      switch (kind)
        {
        case SP_BUDGET_ROW_LINE:
          continue;
        case SP_BUDGET_ROW_GROUP:
        case SP_BUDGET_ROW_AREA:
          {
            /* The next line names its group and area. */
            for (guint j = i + 1; j < n && title == NULL; j++)
              {
                SpBudgetLine *line = sp_budget_row_get_line (get_row (self, j));
                if (line != NULL)
                  title = kind == SP_BUDGET_ROW_GROUP ? sp_budget_line_get_group_name (line)
                                                      : sp_budget_line_get_area_name (line);
              }
            if (totals != NULL)
              subtotal = kind == SP_BUDGET_ROW_GROUP
                ? sp_budget_totals_find_group (totals, sp_budget_row_get_id (row))
                : sp_budget_totals_find_area (totals, sp_budget_row_get_id (row));
            flags = GPOINTER_TO_INT (g_hash_table_lookup (kinds,
              GINT_TO_POINTER ((int) (sp_budget_row_get_id (row) * 2 + (kind == SP_BUDGET_ROW_AREA)))));
            what = flags == 1 ? SP_BUDGET_ROW_SUM_REVENUE : flags == 2 ? SP_BUDGET_ROW_SUM_COSTS
                                                                       : SP_BUDGET_ROW_SUM_NET;
            sum_amounts (subtotal != NULL ? &subtotal->sum : NULL, what, amounts);
          }
          break;
        case SP_BUDGET_ROW_REVENUE:
        case SP_BUDGET_ROW_COSTS:
        case SP_BUDGET_ROW_RESULT:
          title = total_title (kind);
          what = kind == SP_BUDGET_ROW_REVENUE ? SP_BUDGET_ROW_SUM_REVENUE
               : kind == SP_BUDGET_ROW_COSTS ? SP_BUDGET_ROW_SUM_COSTS : SP_BUDGET_ROW_SUM_NET;
          sum_amounts (totals != NULL ? &totals->total : NULL, what, amounts);
          break;
        case SP_BUDGET_ROW_EQUITY:
        case SP_BUDGET_ROW_FRAME:
        default:
          title = total_title (kind);
          for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
            amounts[c] = totals == NULL ? SP_BUDGET_NOT_SET
                       : kind == SP_BUDGET_ROW_EQUITY ? totals->equity_used[c] : totals->frame[c];
          break;
        }
      sp_budget_row_update (row, title, what, amounts);
    }
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
update_columns (SpBudgetPage *self)
{
  g_autofree char *deviation = NULL;

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      g_autofree char *title = column_title (self, c);
      gtk_column_view_column_set_title (self->amount_columns[c], title);
    }
  /* Translators: a column head: last year's actuals less its budget, e.g. "Avvikelse 2008, kr" */
  deviation = g_strdup_printf (self->unit == SP_MONEY_UNIT_TKR ? _("Deviation %d, tkr") : _("Deviation %d, kr"),
                               self->year - 1);
  gtk_column_view_column_set_title (self->deviation_column, deviation);
}

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

  update_rows (self, totals);
  update_warning (self, totals);
  update_columns (self);

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
  g_list_store_remove_all (self->rows);
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
      g_list_store_remove_all (self->rows);
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
on_selection_changed_cb (SpBudgetPage      *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  update_actions (self);
}

/* Focuses a cell with its text selected, so that typing replaces it. The
 * selection comes first: GTK 4.8 starts the cursor blinking on focus-in and
 * warns when a selection appears after that. */
static void
focus_cell (GtkWidget *cell)
{
  GtkEditable *entry = sp_budget_cell_get_entry (SP_BUDGET_CELL (cell));

  gtk_editable_select_region (entry, 0, -1);
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (entry));
}

static gboolean
on_pending_focus_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  SpBudgetPage *self = user_data;
  GtkWidget *cell = self->pending_row != NULL
    ? sp_budget_row_get_cell (self->pending_row, self->pending_column) : NULL;

  if (cell == NULL && ++self->pending_frames < 10)
    return G_SOURCE_CONTINUE;
  if (cell != NULL)
    focus_cell (cell);
  g_clear_object (&self->pending_row);
  self->pending_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
on_cell_move_cb (SpBudgetPage     *self,
                 GtkDirectionType  direction,
                 SpBudgetCell     *cell)
{
  SpBudgetRow *row = sp_budget_cell_get_row (cell);
  SpBudgetColumn column = sp_budget_cell_get_column (cell);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint position, index = 0;
  SpBudgetRow *target = NULL;
  SpBudgetColumn target_column = column;
  GtkWidget *target_cell;

  if (row == NULL || !g_list_store_find (self->rows, row, &position))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (amount_order); i++)
    if (amount_order[i] == column)
      index = i;

  if (direction == GTK_DIR_RIGHT && index + 1 < G_N_ELEMENTS (amount_order))
    {
      target = row;
      target_column = amount_order[index + 1];
    }
  else if (direction == GTK_DIR_LEFT && index > 0)
    {
      target = row;
      target_column = amount_order[index - 1];
    }
  else if (direction == GTK_DIR_DOWN || direction == GTK_DIR_RIGHT)
    {
      if (direction == GTK_DIR_RIGHT)
        target_column = amount_order[0];
      for (guint i = position + 1; i < n && target == NULL; i++)
        if (sp_budget_row_get_kind (get_row (self, i)) == SP_BUDGET_ROW_LINE)
          target = get_row (self, i);
    }
  else if (direction == GTK_DIR_LEFT)
    {
      target_column = amount_order[G_N_ELEMENTS (amount_order) - 1];
      for (guint i = position; i > 0 && target == NULL; i--)
        if (sp_budget_row_get_kind (get_row (self, i - 1)) == SP_BUDGET_ROW_LINE)
          target = get_row (self, i - 1);
    }

  if (target == NULL)
    return;
  target_cell = sp_budget_row_get_cell (target, target_column);
  if (target_cell != NULL)
    {
      focus_cell (target_cell);
      return;
    }

  /* The row is out of sight, not bound: scroll towards it, focus it once bound. */
  {
    GtkScrollable *scrollable = GTK_SCROLLABLE (self->column_view);
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (scrollable);
    double step = MAX (gtk_widget_get_height (GTK_WIDGET (cell)), 24);
    guint target_position;

    if (adjustment == NULL || !g_list_store_find (self->rows, target, &target_position))
      return;
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              step * ((double) target_position - (double) position));
    g_set_object (&self->pending_row, target);
    self->pending_column = target_column;
    self->pending_frames = 0;
    if (self->pending_tick == 0)
      self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         on_pending_focus_tick_cb, self, NULL);
  }
}

static void
on_cell_error_cb (SpBudgetPage *self,
                  const char   *message,
                  SpBudgetCell *cell)
{
  show_error (self, message);
}

static void
on_cell_focus_enter_cb (SpBudgetPage            *self,
                        GtkEventControllerFocus *controller)
{
  SpBudgetCell *cell = SP_BUDGET_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  SpBudgetRow *row = sp_budget_cell_get_row (cell);
  guint position;

  if (row != NULL && g_list_store_find (self->rows, row, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
on_amount_setup_cb (SpBudgetPage             *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  GtkWidget *cell = sp_budget_cell_new ();
  GtkEventController *controller = gtk_event_controller_focus_new ();

  g_signal_connect_object (cell, "move", G_CALLBACK (on_cell_move_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (cell, "error", G_CALLBACK (on_cell_error_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "enter", G_CALLBACK (on_cell_focus_enter_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (cell, controller);
  gtk_list_item_set_child (item, cell);
}

static void
on_amount_bind_cb (SpBudgetPage             *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  SpBudgetColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  SpBudgetRow *row = gtk_list_item_get_item (item);
  SpBudgetCell *cell = SP_BUDGET_CELL (gtk_list_item_get_child (item));
  g_autofree char *title = sp_budget_column_get_title (column, self->year);

  sp_budget_cell_bind (cell, self->database, row, column, title, self->unit, !self->adopted);
  if (sp_budget_row_get_kind (row) != SP_BUDGET_ROW_LINE)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "sp-sum");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "sp-sum");
}

static void
on_amount_unbind_cb (SpBudgetPage             *self,
                     GtkListItem              *item,
                     GtkSignalListItemFactory *factory)
{
  sp_budget_cell_unbind (SP_BUDGET_CELL (gtk_list_item_get_child (item)));
}

/* The account, text and comment cells follow their row with this. */
static void
refresh_text_cell (GtkWidget   *widget,
                   SpBudgetRow *row);

static void
on_text_row_changed_cb (GtkWidget   *widget,
                        SpBudgetRow *row)
{
  refresh_text_cell (widget, row);
}

static void
on_editable_label_notify_editing_cb (SpBudgetPage     *self,
                                     GParamSpec       *pspec,
                                     GtkEditableLabel *label)
{
  SpBudgetRow *row = g_object_get_data (G_OBJECT (label), "row");
  gboolean comment = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "comment"));
  g_autoptr(GError) error = NULL;
  SpBudgetLine *line;
  const char *text;
  gboolean ok;

  if (gtk_editable_label_get_editing (label) || row == NULL || self->database == NULL)
    return;
  line = sp_budget_row_get_line (row);
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (line == NULL ||
      g_strcmp0 (text, comment ? sp_budget_line_get_comment (line) : sp_budget_line_get_text (line)) == 0)
    return;

  ok = comment ? sp_budget_line_set_comment (self->database, sp_budget_row_get_id (row), text, &error)
               : sp_budget_line_set_text (self->database, sp_budget_row_get_id (row), text, &error);
  show_error (self, ok ? NULL : error->message);
  if (!ok)
    gtk_editable_set_text (GTK_EDITABLE (label), comment ? sp_budget_line_get_comment (line)
                                                         : sp_budget_line_get_text (line));
}

typedef enum {
  TEXT_CELL_ACCOUNT,
  TEXT_CELL_TEXT,
  TEXT_CELL_COMMENT,
} TextCell;

static void
refresh_text_cell (GtkWidget   *widget,
                   SpBudgetRow *row)
{
  TextCell which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "which"));
  GtkLabel *label = g_object_get_data (G_OBJECT (widget), "label");
  GtkEditableLabel *editable = g_object_get_data (G_OBJECT (widget), "editable");
  gboolean can_edit = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "can-edit"));
  SpBudgetLine *line = sp_budget_row_get_line (row);
  SpBudgetRowKind kind = sp_budget_row_get_kind (row);
  const char *text = "";
  const char *tooltip = NULL;
  g_autofree char *number = NULL;
  gboolean use_editable = line != NULL && can_edit && which != TEXT_CELL_ACCOUNT;

  static const char *classes[] = { "sp-group", "sp-area", "sp-line", "sp-total", NULL };
  const char *class;

  switch (which)
    {
    case TEXT_CELL_ACCOUNT:
      if (line != NULL)
        {
          number = g_strdup_printf ("%d", sp_budget_line_get_account (line));
          text = number;
          tooltip = sp_budget_line_get_account_name (line);
        }
      else if (kind == SP_BUDGET_ROW_GROUP || kind == SP_BUDGET_ROW_AREA)
        {
          SpBudgetRowSum sum = sp_budget_row_get_sum (row);
          /* Translators: what a group's or area's sums add up: revenue, costs or revenue − costs */
          text = sum == SP_BUDGET_ROW_SUM_REVENUE ? _("revenue")
               : sum == SP_BUDGET_ROW_SUM_COSTS ? ""
               : sum == SP_BUDGET_ROW_SUM_NET ? _("net") : "";
          tooltip = sum == SP_BUDGET_ROW_SUM_NET ? _("The sums show revenue minus costs") : NULL;
        }
      break;
    case TEXT_CELL_TEXT:
      text = sp_budget_row_get_title (row);
      tooltip = text;
      break;
    case TEXT_CELL_COMMENT:
    default:
      text = line != NULL ? sp_budget_line_get_comment (line) : "";
      tooltip = text;
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (label), !use_editable);
  gtk_widget_set_visible (GTK_WIDGET (editable), use_editable);
  if (use_editable)
    {
      if (!gtk_editable_label_get_editing (editable))
        gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
    }
  else
    gtk_label_set_text (label, text != NULL ? text : "");
  sp_widget_set_tooltip_lazily (widget, tooltip);

  class = kind == SP_BUDGET_ROW_GROUP ? "sp-group" : kind == SP_BUDGET_ROW_AREA ? "sp-area"
        : kind == SP_BUDGET_ROW_LINE ? "sp-line" : "sp-total";
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, class);
  /* Groups and totals bold, areas bold and indented, lines indented more. */
  if (which == TEXT_CELL_TEXT)
    gtk_widget_set_margin_start (GTK_WIDGET (label), kind == SP_BUDGET_ROW_AREA ? 12 : 0);
  if (which == TEXT_CELL_TEXT && line != NULL)
    gtk_widget_set_margin_start (GTK_WIDGET (label), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (editable), which == TEXT_CELL_TEXT ? 24 : 0);
  if (line == NULL && which == TEXT_CELL_TEXT)
    gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "heading");
  if (which == TEXT_CELL_ACCOUNT && line == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static void
on_text_setup_cb (SpBudgetPage             *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  TextCell which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "which"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *editable = gtk_editable_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_hexpand (editable, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (editable), 4);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), editable);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editable), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  which == TEXT_CELL_COMMENT ? _("Comment") : _("Text"), -1);
  g_object_set_data (G_OBJECT (box), "which", GINT_TO_POINTER (which));
  g_object_set_data (G_OBJECT (box), "label", label);
  g_object_set_data (G_OBJECT (box), "editable", editable);
  g_object_set_data (G_OBJECT (editable), "comment", GINT_TO_POINTER (which == TEXT_CELL_COMMENT));
  g_signal_connect_object (editable, "notify::editing", G_CALLBACK (on_editable_label_notify_editing_cb),
                           self, G_CONNECT_SWAPPED);
  if (which == TEXT_CELL_ACCOUNT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, box);
}

static void
on_text_bind_cb (SpBudgetPage             *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  SpBudgetRow *row = gtk_list_item_get_item (item);
  GObject *editable = g_object_get_data (G_OBJECT (box), "editable");

  g_object_set_data_full (G_OBJECT (box), "row", g_object_ref (row), g_object_unref);
  g_object_set_data_full (editable, "row", g_object_ref (row), g_object_unref);
  g_object_set_data (G_OBJECT (box), "can-edit", GINT_TO_POINTER (!self->adopted && self->database != NULL));
  g_signal_connect_object (row, "changed", G_CALLBACK (on_text_row_changed_cb), box, G_CONNECT_SWAPPED);
  refresh_text_cell (box, row);
}

static void
on_text_unbind_cb (SpBudgetPage             *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  SpBudgetRow *row = g_object_get_data (G_OBJECT (box), "row");

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_text_row_changed_cb, box);
  g_object_set_data (G_OBJECT (g_object_get_data (G_OBJECT (box), "editable")), "row", NULL);
  g_object_set_data (G_OBJECT (box), "row", NULL);
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

/* Selects the line @id, wherever it is now. */
static void
select_line (SpBudgetPage *self,
             gint64        id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    if (sp_budget_row_get_kind (get_row (self, i)) == SP_BUDGET_ROW_LINE &&
        sp_budget_row_get_id (get_row (self, i)) == id)
      gtk_single_selection_set_selected (self->selection, i);
}

static void
on_line_dialog_response_cb (SpBudgetPage     *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  GArray *area_ids = g_object_get_data (G_OBJECT (dialog), "area-ids");
  GArray *accounts = g_object_get_data (G_OBJECT (dialog), "accounts");
  GtkDropDown *area_drop = g_object_get_data (G_OBJECT (dialog), "area-drop-down");
  GtkDropDown *account_drop = g_object_get_data (G_OBJECT (dialog), "account-drop-down");
  GtkEditable *text_entry = g_object_get_data (G_OBJECT (dialog), "text-entry");
  guint area = gtk_drop_down_get_selected (area_drop);
  guint account = gtk_drop_down_get_selected (account_drop);
  g_autoptr(GError) error = NULL;
  SpBudgetLineData data;
  gint64 id;

  if (self->database == NULL)
    return;
  if (g_str_equal (response, "change"))
    {
      gint64 line_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "line-id"));
      gboolean ok = sp_budget_line_set_place (self->database, line_id,
                                              area < area_ids->len ? g_array_index (area_ids, gint64, area) : 0,
                                              account < accounts->len ? g_array_index (accounts, int, account) : 0,
                                              &error);

      show_error (self, ok ? NULL : error->message);
      if (ok)
        select_line (self, line_id);
      return;
    }
  if (!g_str_equal (response, "add"))
    return;

  sp_budget_line_data_init (&data);
  data.area_id = area < area_ids->len ? g_array_index (area_ids, gint64, area) : 0;
  data.account = account < accounts->len ? g_array_index (accounts, int, account) : 0;
  data.text = gtk_editable_get_text (text_entry);
  id = sp_budget_line_add (self->database, self->year, &data, &error);
  show_error (self, id == 0 ? error->message : NULL);
  if (id != 0)
    select_line (self, id);
}

static GtkWidget *
labelled (GtkWidget  *box,
          const char *text,
          GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return widget;
}

/* The dialog that adds a line (@change NULL: area, account and text) or
 * gives the line @change another area and account. */
static void
present_line_dialog (SpBudgetPage *self,
                     SpBudgetRow  *change)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(SpRecordList) areas = NULL;
  g_autoptr(SpRecordList) account_list = NULL;
  g_autoptr(GtkStringList) area_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) account_names = gtk_string_list_new (NULL);
  GArray *area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *accounts = g_array_new (FALSE, FALSE, sizeof (int));
  SpBudgetRow *selected = change != NULL ? change : get_selected_line (self);
  SpBudgetLine *current = change != NULL ? sp_budget_row_get_line (change) : NULL;
  guint area_index = 0, account_index = 0;
  GtkWidget *dialog, *box, *area_drop, *account_drop, *entry = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->database == NULL)
    return;
  areas = sp_area_list_new_for_year (self->database, self->year);
  account_list = sp_account_list_new (self->database);
  if (g_list_model_get_n_items (G_LIST_MODEL (areas)) == 0)
    {
      show_error (self, _("The year has no activity areas yet: add them to the operational plan first."));
      g_array_unref (area_ids);
      g_array_unref (accounts);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (areas)); i++)
    {
      g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
      gint64 id = sp_record_get_id (SP_RECORD (area));
      /* Translators: an activity area in its group, e.g. "Administration › Kansli" */
      g_autofree char *name = g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area), sp_area_get_name (area));

      gtk_string_list_append (area_names, name);
      g_array_append_val (area_ids, id);
      if (selected != NULL && sp_budget_line_get_area_id (sp_budget_row_get_line (selected)) == id)
        area_index = i;
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (account_list)); i++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (account_list), i);
      int number = sp_account_get_number (account);
      g_autofree char *name = g_strdup_printf ("%d %s", number, sp_account_get_name (account));

      gtk_string_list_append (account_names, name);
      g_array_append_val (accounts, number);
      if (current != NULL && sp_budget_line_get_account (current) == number)
        account_index = i;
    }

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   change != NULL ? _("Change Area and Account") : _("Add Budget Line"),
                                   current != NULL ? sp_budget_line_get_text (current) : NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  area_drop = labelled (box, _("Activity _area"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (area_names)), NULL));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (area_drop), area_index);
  account_drop = labelled (box, _("A_ccount"), gtk_drop_down_new (G_LIST_MODEL (g_object_ref (account_names)), NULL));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (account_drop), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (account_drop),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (account_drop), account_index);
  if (change == NULL)
    {
      entry = labelled (box, _("_Text"), gtk_entry_new ());
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), NULL);
  if (change != NULL)
    {
      /* Translators: the button that gives a budget line its new area and account */
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "change", _("C_hange"));
      g_object_set_data (G_OBJECT (dialog), "line-id", GSIZE_TO_POINTER (sp_budget_row_get_id (change)));
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), change != NULL ? "change" : "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), change != NULL ? "change" : "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "area-ids", area_ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "accounts", accounts, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "area-drop-down", area_drop);
  g_object_set_data (G_OBJECT (dialog), "account-drop-down", account_drop);
  g_object_set_data (G_OBJECT (dialog), "text-entry", entry);
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
  SpBudgetRow *row = get_selected_line (self);

  if (row != NULL)
    present_line_dialog (self, row);
}

static void
on_delete_line_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (widget);
  SpBudgetRow *row = get_selected_line (self);
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

/* Last year's deviation: actuals less budget, in the unit shown and in per cent
 * of the budget. Empty where either is not set. */
static void
refresh_deviation_cell (GtkWidget   *label,
                        SpBudgetRow *row)
{
  SpBudgetPage *self = g_object_get_data (G_OBJECT (label), "page");
  SpMoney budget = sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_PREVIOUS_BUDGET);
  SpMoney actual = sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  SpMoney deviation;

  if (budget == SP_BUDGET_NOT_SET || actual == SP_BUDGET_NOT_SET)
    {
      gtk_label_set_label (GTK_LABEL (label), "");
      return;
    }
  deviation = actual - budget;
  amount = sp_money_format (deviation, self->unit, SP_MONEY_FORMAT_NO_UNIT);
  if (budget != 0)
    {
      /* Tenths of a per cent, rounded half away from zero, in exact integers. */
      gint64 tenths = (deviation * 2000 / budget + (deviation * budget >= 0 ? 1 : -1)) / 2;
      g_autofree char *percent = g_strdup_printf ("%s%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                                  tenths < 0 ? "−" : "",
                                                  ABS (tenths) / 10, ABS (tenths) % 10);
      /* Translators: a deviation in money and in per cent, e.g. "−12 000 (−5,2 %)" */
      text = g_strdup_printf (_("%s (%s %%)"), amount, percent);
    }
  else
    text = g_strdup (amount);
  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
on_deviation_row_changed_cb (GtkWidget   *label,
                             SpBudgetRow *row)
{
  refresh_deviation_cell (label, row);
}

static void
on_deviation_setup_cb (SpBudgetPage             *self,
                       GtkListItem              *item,
                       GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (label), "page", self);
  gtk_list_item_set_child (item, label);
}

static void
on_deviation_bind_cb (SpBudgetPage             *self,
                      GtkListItem              *item,
                      GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SpBudgetRow *row = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (label), "row", g_object_ref (row), g_object_unref);
  g_signal_connect_object (row, "changed", G_CALLBACK (on_deviation_row_changed_cb), label, G_CONNECT_SWAPPED);
  refresh_deviation_cell (label, row);
}

static void
on_deviation_unbind_cb (SpBudgetPage             *self,
                        GtkListItem              *item,
                        GtkSignalListItemFactory *factory)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SpBudgetRow *row = g_object_get_data (G_OBJECT (label), "row");

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, on_deviation_row_changed_cb, label);
  g_object_set_data (G_OBJECT (label), "row", NULL);
}

/* ---- GObject ----------------------------------------------------------- */

static GtkColumnViewColumn *
add_column (SpBudgetPage *self,
            const char   *title,
            GCallback     setup,
            GCallback     bind,
            GCallback     unbind,
            const char   *key,
            guint         value,
            int           width,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), key, GUINT_TO_POINTER (value));
  g_signal_connect_object (factory, "setup", setup, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", bind, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", unbind, self, G_CONNECT_SWAPPED);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
  return column;
}

static void
sp_budget_page_dispose (GObject *object)
{
  SpBudgetPage *self = SP_BUDGET_PAGE (object);
  GtkWidget *child;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  g_clear_object (&self->lines);
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->pending_tick);
  self->pending_tick = 0;
  g_clear_object (&self->pending_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BUDGET_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

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
  gtk_widget_class_bind_template_child (widget_class, SpBudgetPage, column_view);
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

  self->rows = g_list_store_new (SP_TYPE_BUDGET_ROW);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  add_column (self, _("Account"), G_CALLBACK (on_text_setup_cb), G_CALLBACK (on_text_bind_cb),
              G_CALLBACK (on_text_unbind_cb), "which", TEXT_CELL_ACCOUNT, 84, FALSE);
  add_column (self, _("Text"), G_CALLBACK (on_text_setup_cb), G_CALLBACK (on_text_bind_cb),
              G_CALLBACK (on_text_unbind_cb), "which", TEXT_CELL_TEXT, 300, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (amount_order); i++)
    {
      self->amount_columns[amount_order[i]] =
        add_column (self, "", G_CALLBACK (on_amount_setup_cb), G_CALLBACK (on_amount_bind_cb),
                    G_CALLBACK (on_amount_unbind_cb), "column", amount_order[i], 120, FALSE);
      /* Last year's actuals against its budget, beside them. */
      if (amount_order[i] == SP_BUDGET_COLUMN_PREVIOUS_ACTUAL)
        self->deviation_column =
          add_column (self, "", G_CALLBACK (on_deviation_setup_cb), G_CALLBACK (on_deviation_bind_cb),
                      G_CALLBACK (on_deviation_unbind_cb), "column", 0, 150, FALSE);
    }
  add_column (self, _("Comment"), G_CALLBACK (on_text_setup_cb), G_CALLBACK (on_text_bind_cb),
              G_CALLBACK (on_text_unbind_cb), "which", TEXT_CELL_COMMENT, 200, TRUE);

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
  guint n;

  g_return_if_fail (SP_IS_BUDGET_PAGE (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  gtk_switch_set_active (self->unit_switch, unit == SP_MONEY_UNIT_TKR);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
      {
        GtkWidget *cell = sp_budget_row_get_cell (get_row (self, i), c);
        if (cell != NULL)
          sp_budget_cell_set_unit (SP_BUDGET_CELL (cell), unit);
      }
  /* The deviation cells follow their row's "changed". */
  for (guint i = 0; i < n; i++)
    g_signal_emit_by_name (get_row (self, i), "changed");
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TKR]);
}
