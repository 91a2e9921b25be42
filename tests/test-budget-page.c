/* test-budget-page.c: the budget page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test puts a real SpBudgetPage on the example förbund of 2009 into a
 * window, types into its cells and entries as a user would, and checks what
 * the database holds through the core, with sums computed here on their own.
 * Runs in Swedish. With SP_BUDGET_SCREENSHOT=FILE.png, the first test also
 * saves a picture of the window.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sp-area-group.h"
#include "sp-budget.h"
#include "sp-contribution.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-budget-cell.h"
#include "ui/sp-budget-chart.h"
#include "ui/sp-budget-contributions.h"
#include "ui/sp-budget-line-dialog.h"
#include "ui/sp-budget-page.h"
#include "ui/sp-budget-revenue-accounts.h"
#include "ui/sp-budget-row.h"
#include "ui/sp-budget-table.h"
#include "ui/sp-search-drop-down.h"

#define YEAR SP_EXAMPLE_YEAR

typedef struct {
  SpTestGui    *gui;
  SpDatabase   *db;
  GtkWindow    *window;
  SpBudgetPage *page;
  SpRecordList *lines;
  GtkWidget    *focus_from;  /* the cell a move of the focus leaves */
} Fixture;

/* The widgets of the page's template, and of the templates of its parts. */
#define PAGE_CHILD(f, name) sp_test_gui_child ((f)->page, SP_TYPE_BUDGET_PAGE, (name))
#define TABLE_CHILD(f, name) sp_test_gui_child (PAGE_CHILD ((f), "table"), SP_TYPE_BUDGET_TABLE, (name))
#define CONTRIBUTIONS_CHILD(f, name) \
  sp_test_gui_child (PAGE_CHILD ((f), "contributions"), SP_TYPE_BUDGET_CONTRIBUTIONS, (name))

/* ---- Helpers ------------------------------------------------------------ */

static SpBudgetLine *
line_at (Fixture *f,
         guint    i)
{
  g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (f->lines), i);
  assert_non_null (line);
  return line; /* the list keeps it */
}

static SpMoney
stored (Fixture        *f,
        gint64          id,
        SpBudgetColumn  column)
{
  g_autoptr(SpBudgetLine) line = sp_budget_line_load (f->db, id, NULL);
  assert_non_null (line);
  return sp_budget_line_get_amount (line, column);
}

/* The mapped cell under @root of @column in the row of @kind and @id, or NULL. */
static SpBudgetCell *
find_cell_in (GtkWidget       *root,
              SpBudgetRowKind  kind,
              gint64           id,
              SpBudgetColumn   column)
{
  SpBudgetRow *row = SP_IS_BUDGET_CELL (root) && gtk_widget_get_mapped (root)
    ? sp_budget_cell_get_row (SP_BUDGET_CELL (root)) : NULL;

  if (row != NULL && sp_budget_row_get_kind (row) == kind && sp_budget_row_get_id (row) == id &&
      sp_budget_cell_get_column (SP_BUDGET_CELL (root)) == column)
    return SP_BUDGET_CELL (root);
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SpBudgetCell *found = find_cell_in (c, kind, id, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static SpBudgetCell *
find_cell (Fixture         *f,
           SpBudgetRowKind  kind,
           gint64           id,
           SpBudgetColumn   column)
{
  SpBudgetCell *cell = NULL;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (TABLE_CHILD (f, "column_view")));

  for (int i = 0; i < 40 && cell == NULL; i++)
    {
      cell = find_cell_in (GTK_WIDGET (f->page), kind, id, column);
      if (cell != NULL)
        break;
      /* Scroll on (and round again) until the row is bound: a frame lays the
       * table out and binds its rows to what changed. */
      if (i > 0)
        {
          double max = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
          double value = gtk_adjustment_get_value (adjustment);

          value = value >= max - 1 ? 0 : MIN (max, value + gtk_adjustment_get_page_size (adjustment) / 2);
          gtk_adjustment_set_value (adjustment, value);
        }
      sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
    }
  assert_non_null (cell);
  return cell;
}

static SpBudgetCell *
line_cell (Fixture        *f,
           guint           i,
           SpBudgetColumn  column)
{
  return find_cell (f, SP_BUDGET_ROW_LINE, sp_record_get_id (SP_RECORD (line_at (f, i))), column);
}

/* Types @text into a cell and presses Enter; returns once a frame shows what followed. */
static void
type_into (SpBudgetCell *cell,
           const char   *text)
{
  GtkEditable *entry = sp_budget_cell_get_entry (cell);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (cell)));

  assert_true (gtk_widget_get_visible (GTK_WIDGET (entry)));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
  sp_test_gui_wait_for_paint (window);
}

/* Whether the focus is in a cell other than f->focus_from. */
static gboolean
focus_has_moved (gpointer data)
{
  Fixture *f = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, SP_TYPE_BUDGET_CELL) : NULL;

  return cell != NULL && cell != f->focus_from;
}

static char *
fmt (SpMoney     amount,
     SpMoneyUnit unit)
{
  return sp_money_format (amount, unit, SP_MONEY_FORMAT_NO_UNIT);
}

/* @kronor as a cell shows it in @unit ("150 000" with the locale's separator). */
static const char *
K (gint64      kronor,
   SpMoneyUnit unit)
{
  static char ring[16][64];
  static guint next;
  g_autofree char *text = fmt (kronor * 100, unit);
  char *slot = ring[next++ % G_N_ELEMENTS (ring)];

  g_strlcpy (slot, text, 64);
  return slot;
}

/* The sums of the year computed here, from the lines, not by the core's
 * totals; each %SP_BUDGET_NOT_SET where none of its lines has a figure. */
static void
independent_sums (Fixture        *f,
                  SpBudgetColumn  column,
                  SpMoney        *revenue,
                  SpMoney        *costs)
{
  gboolean any_revenue = FALSE, any_costs = FALSE;

  *revenue = *costs = 0;
  /* The members' contributions are the revenue of the budget year and the
   * plan years, derived from the frame: added up here from the members. */
  if (column < SP_PLAN_YEARS)
    {
      g_autoptr(GPtrArray) contributions = sp_contributions_compute (f->db, YEAR, NULL);

      assert_non_null (contributions);
      for (guint i = 0; i < contributions->len; i++)
        {
          SpContribution *c = g_ptr_array_index (contributions, i);

          if (c->amount[column] != SP_MONEY_NOT_SET)
            {
              *revenue += c->amount[column];
              any_revenue = TRUE;
            }
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->lines)); i++)
    {
      SpBudgetLine *line = line_at (f, i);
      SpMoney amount = sp_budget_line_get_amount (line, column);

      if (!SP_BUDGET_IS_SET (amount))
        continue;
      if (sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_REVENUE)
        {
          *revenue += amount;
          any_revenue = TRUE;
        }
      else
        {
          *costs += amount;
          any_costs = TRUE;
        }
    }
  if (!any_revenue)
    *revenue = SP_BUDGET_NOT_SET;
  if (!any_costs)
    *costs = SP_BUDGET_NOT_SET;
}

/* A sum's cell text: empty where none of its lines has a figure, not 0. */
static char *
fmt_sum (SpMoney amount)
{
  return SP_BUDGET_IS_SET (amount) ? fmt (amount, SP_MONEY_UNIT_KR) : g_strdup ("");
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_budget_page_new (), 1500, 2000);
  f->db = f->gui->db;
  f->window = f->gui->window;
  f->page = SP_BUDGET_PAGE (f->gui->page);
  assert_non_null (f->db);
  f->lines = sp_budget_line_list_new (f->db, YEAR);

  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->lines);
  sp_test_gui_stop (f->gui);
  g_free (f);
  return 0;
}

/* SP_BUDGET_SCREENSHOT=FILE.png: a picture of the window, in the dark style
 * with SP_BUDGET_SCREENSHOT_DARK, of a section (SP_BUDGET_SCREENSHOT_SECTION),
 * at 360 pixels wide with SP_BUDGET_SCREENSHOT_NARROW. */
static void
save_screenshot (Fixture *f)
{
  const char *path = g_getenv ("SP_BUDGET_SCREENSHOT");
  const char *section = g_getenv ("SP_BUDGET_SCREENSHOT_SECTION");

  if (path == NULL)
    return;
  if (g_getenv ("SP_BUDGET_SCREENSHOT_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (section != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), section);
  gtk_window_set_default_size (f->window, g_getenv ("SP_BUDGET_SCREENSHOT_NARROW") != NULL ? 360 : 1280, 800);
  gtk_widget_set_size_request (GTK_WIDGET (f->window), -1, -1);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (sp_test_gui_save_png (GTK_WIDGET (f->window), path));
}

/* ---- Tests -------------------------------------------------------------- */

/* Swedish forms typed into cells are stored exactly; Enter moves down. */
static void
test_type_amounts (void **state)
{
  Fixture *f = *state;
  gint64 id3 = sp_record_get_id (SP_RECORD (line_at (f, 0)));
  gint64 id4 = sp_record_get_id (SP_RECORD (line_at (f, 1)));
  SpBudgetCell *cell = line_cell (f, 0, SP_BUDGET_COLUMN_BUDGET);
  SpBudgetCell *below = line_cell (f, 1, SP_BUDGET_COLUMN_BUDGET);
  GtkWidget *focus;

  save_screenshot (f);

  /* The example's 150 000 kr shows as typed in kr. */
  assert_string_equal (sp_budget_cell_get_text (cell), K (150000, SP_MONEY_UNIT_KR));

  type_into (cell, "1 234 567");
  assert_int_equal (stored (f, id3, SP_BUDGET_COLUMN_BUDGET), G_GINT64_CONSTANT (123456700));
  assert_string_equal (sp_budget_cell_get_text (cell), K (1234567, SP_MONEY_UNIT_KR));
  /* Enter moved to the same column of the next line. */
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_non_null (focus);
  assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (below)));

  /* After Tab the page moves right, at the end of a line to the next line. */
  g_signal_emit_by_name (below, "move", GTK_DIR_RIGHT);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (line_cell (f, 1, SP_BUDGET_COLUMN_PLAN1))));
  g_signal_emit_by_name (line_cell (f, 0, SP_BUDGET_COLUMN_PLAN2), "move", GTK_DIR_RIGHT);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (line_cell (f, 1, SP_BUDGET_COLUMN_PREVIOUS_BUDGET))));
  g_signal_emit_by_name (line_cell (f, 1, SP_BUDGET_COLUMN_PREVIOUS_BUDGET), "move", GTK_DIR_LEFT);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (line_cell (f, 0, SP_BUDGET_COLUMN_PLAN2))));

  /* Enter walks down the whole column, scrolling to lines out of sight. */
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (TABLE_CHILD (f, "column_view"))), 0);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  gtk_widget_grab_focus (GTK_WIDGET (sp_budget_cell_get_entry (line_cell (f, 0, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL))));
  for (guint i = 1; i < g_list_model_get_n_items (G_LIST_MODEL (f->lines)); i++)
    {
      f->focus_from = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), SP_TYPE_BUDGET_CELL);
      assert_non_null (f->focus_from);
      g_signal_emit_by_name (f->focus_from, "move", GTK_DIR_DOWN);
      /* A line out of sight is scrolled to and focused a frame or more later. */
      sp_test_gui_wait_until (focus_has_moved, f, "the focus to move down to the next line");
    }
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (line_cell (f, 10, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL))));

  /* A unit in the text wins over the page's unit. */
  type_into (below, "12,5 tkr");
  assert_int_equal (stored (f, id4, SP_BUDGET_COLUMN_BUDGET), G_GINT64_CONSTANT (1250000));

  /* In tkr, a bare number is thousands. */
  gtk_switch_set_active (GTK_SWITCH (PAGE_CHILD (f, "unit_switch")), TRUE);
  sp_test_gui_spin ();
  type_into (line_cell (f, 0, SP_BUDGET_COLUMN_PLAN1), "7,25");
  assert_int_equal (stored (f, id3, SP_BUDGET_COLUMN_PLAN1), G_GINT64_CONSTANT (725000));

  /* Tab stores and moves right; an empty cell is "not set", not 0. */
  cell = line_cell (f, 1, SP_BUDGET_COLUMN_PLAN1);
  gtk_widget_grab_focus (GTK_WIDGET (sp_budget_cell_get_entry (cell)));
  gtk_editable_set_text (sp_budget_cell_get_entry (cell), "");
  assert_true (sp_budget_cell_commit (cell));
  sp_test_gui_spin ();
  assert_false (SP_BUDGET_IS_SET (stored (f, id4, SP_BUDGET_COLUMN_PLAN1)));
}

/* What is not an amount is refused in the cell; nothing is stored. */
static void
test_bad_amount (void **state)
{
  Fixture *f = *state;
  gint64 id = sp_record_get_id (SP_RECORD (line_at (f, 2)));
  SpBudgetCell *cell = line_cell (f, 2, SP_BUDGET_COLUMN_BUDGET);
  GtkWidget *entry = GTK_WIDGET (sp_budget_cell_get_entry (cell));
  GtkLabel *error_label = GTK_LABEL (PAGE_CHILD (f, "error_label"));
  static const char *bad[] = { "12 34", "tolv", "1,234", "20 000 000 000", "5 tkr kr" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) expected = NULL;
      SpMoney dummy;

      assert_false (sp_money_parse (bad[i], SP_MONEY_UNIT_KR, &dummy, &expected));
      type_into (cell, bad[i]);
      assert_int_equal (stored (f, id, SP_BUDGET_COLUMN_BUDGET), G_GINT64_CONSTANT (52000000));
      assert_true (gtk_widget_has_css_class (entry, "error"));
      assert_string_equal (gtk_widget_get_tooltip_text (entry), expected->message);
      assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
      assert_string_equal (gtk_label_get_text (error_label), expected->message);
      /* The typed text stays to be corrected. */
      assert_string_equal (sp_budget_cell_get_text (cell), bad[i]);
    }

  /* Escape puts the stored amount back. */
  sp_budget_cell_cancel (cell);
  assert_string_equal (sp_budget_cell_get_text (cell), K (520000, SP_MONEY_UNIT_KR));
  assert_false (gtk_widget_has_css_class (entry, "error"));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* A correction is stored and clears the error. */
  type_into (cell, "530 000");
  assert_int_equal (stored (f, id, SP_BUDGET_COLUMN_BUDGET), G_GINT64_CONSTANT (53000000));
  assert_false (gtk_widget_has_css_class (entry, "error"));
}

/* The totals, the area sums and the balance warning follow the edits. */
static void
test_totals (void **state)
{
  Fixture *f = *state;
  static const SpBudgetColumn columns[] = {
    SP_BUDGET_COLUMN_BUDGET, SP_BUDGET_COLUMN_PLAN1, SP_BUDGET_COLUMN_PLAN2,
    SP_BUDGET_COLUMN_PREVIOUS_BUDGET, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  };
  GtkRevealer *warning = GTK_REVEALER (PAGE_CHILD (f, "warning_revealer"));
  GtkLabel *warning_label = GTK_LABEL (PAGE_CHILD (f, "warning_label"));
  gint64 kansli = sp_budget_line_get_area_id (line_at (f, 2));
  SpMoney kansli_costs = 0;

  /* The example balances in 2009 (equity covers 310 000 kr). */
  type_into (line_cell (f, 3, SP_BUDGET_COLUMN_BUDGET), "170 000");

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      SpMoney revenue, costs;
      g_autofree char *r = NULL, *c = NULL, *res = NULL;

      independent_sums (f, columns[i], &revenue, &costs);
      r = fmt_sum (revenue);
      c = fmt_sum (costs);
      /* No revenue, no result (not −costs); no costs, the revenue. */
      res = fmt_sum (!SP_BUDGET_IS_SET (revenue) ? SP_BUDGET_NOT_SET
                     : revenue - (SP_BUDGET_IS_SET (costs) ? costs : 0));
      assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_REVENUE, 0, columns[i])), r);
      assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_COSTS, 0, columns[i])), c);
      assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_RESULT, 0, columns[i])), res);
    }

  /* The example has no plan for 2008: "Budget 2008" has costs but neither
   * revenue nor result. */
  assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_REVENUE, 0,
                                                           SP_BUDGET_COLUMN_PREVIOUS_BUDGET)), "");
  assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_RESULT, 0,
                                                           SP_BUDGET_COLUMN_PREVIOUS_BUDGET)), "");
  assert_string_not_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_COSTS, 0,
                                                               SP_BUDGET_COLUMN_PREVIOUS_BUDGET)), "");

  /* The area Kansli (costs only) shows the sum of its costs. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->lines)); i++)
    if (sp_budget_line_get_area_id (line_at (f, i)) == kansli)
      kansli_costs += sp_budget_line_get_amount (line_at (f, i), SP_BUDGET_COLUMN_BUDGET);
  {
    g_autofree char *expected = fmt (kansli_costs, SP_MONEY_UNIT_KR);
    assert_string_equal (sp_budget_cell_get_text (find_cell (f, SP_BUDGET_ROW_AREA, kansli, SP_BUDGET_COLUMN_BUDGET)),
                         expected);
  }

  /* 2009 no longer balances by 5 000 kr: the warning says so. */
  {
    SpMoney revenue, costs;
    g_autofree char *amount = NULL;

    independent_sums (f, SP_BUDGET_COLUMN_BUDGET, &revenue, &costs);
    assert_int_equal (revenue - costs + 31000000, -500000);
    amount = sp_money_format (500000, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
    assert_true (gtk_revealer_get_reveal_child (warning));
    assert_non_null (strstr (gtk_label_get_text (warning_label), amount));
    assert_non_null (strstr (gtk_label_get_text (warning_label), "2009"));
  }

  /* Restore the balance of 2009, and of 2010 and 2011 through their lines. */
  type_into (line_cell (f, 3, SP_BUDGET_COLUMN_BUDGET), "165 000");
  for (guint c = SP_BUDGET_COLUMN_PLAN1; c <= SP_BUDGET_COLUMN_PLAN2; c++)
    {
      SpMoney revenue, costs;
      SpBudgetLine *projects = line_at (f, 9);
      g_autofree char *text = NULL;

      independent_sums (f, c, &revenue, &costs);
      text = fmt (sp_budget_line_get_amount (projects, c) + revenue - costs, SP_MONEY_UNIT_KR);
      type_into (line_cell (f, 9, c), text);
    }
  assert_false (gtk_revealer_get_reveal_child (warning));
}

/* A label under @root with a tooltip, or NULL. */
static GtkWidget *
find_tooltip_label (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_widget_get_tooltip_text (root) != NULL)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tooltip_label (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of @kind and @id in the table's part @part, and its position. */
static SpBudgetRow *
find_row (Fixture         *f,
          SpBudgetRowKind  kind,
          SpAccountKind    part,
          gint64           id,
          guint           *position)
{
  GListModel *rows = sp_budget_table_get_rows (SP_BUDGET_TABLE (PAGE_CHILD (f, "table")));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SpBudgetRow) row = g_list_model_get_item (rows, i);

      if (sp_budget_row_get_kind (row) == kind && sp_budget_row_get_part (row) == part &&
          sp_budget_row_get_id (row) == id)
        {
          *position = i;
          return row; /* the table keeps it */
        }
    }
  fail_msg ("no row of kind %d in part %d with id %" G_GINT64_FORMAT, kind, part, id);
  return NULL;
}

static gboolean
state_row_on_3590 (gpointer data)
{
  Fixture *f = data;
  guint position;

  return sp_budget_row_get_account (find_row (f, SP_BUDGET_ROW_CONTRIBUTION, SP_ACCOUNT_KIND_REVENUE,
                                              SP_MEMBER_KIND_STATE, &position)) == 3590;
}

/* The revenue comes first, the contributions derived from the frame at its
 * head (read-only, saying where they come from), then the costs; the
 * accounts of the contributions are chosen beside them. */
static void
test_derived_revenue (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) contributions = sp_contributions_compute (f->db, YEAR, NULL);
  GtkWidget *accounts = CONTRIBUTIONS_CHILD (f, "revenue_accounts");
  AdwComboRow *state_row = sp_test_gui_child (accounts, SP_TYPE_BUDGET_REVENUE_ACCOUNTS, "state_row");
  GtkStringList *names;
  guint revenue_head, heading, contribution, revenue_total, cost_head, cost_total, k3590 = G_MAXUINT;
  SpBudgetRow *row;
  SpBudgetCell *cell;
  GtkWidget *label;

  /* Two parts, as the workbook has them. */
  row = find_row (f, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_REVENUE, 0, &revenue_head);
  assert_string_equal (sp_budget_row_get_title (row), "Intäkter");
  row = find_row (f, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_REVENUE, 1, &heading);
  assert_string_equal (sp_budget_row_get_title (row), "Medlemsavgifter");
  row = find_row (f, SP_BUDGET_ROW_CONTRIBUTION, SP_ACCOUNT_KIND_REVENUE, SP_MEMBER_KIND_STATE, &contribution);
  assert_string_equal (sp_budget_row_get_title (row), "Försäkringskassan");
  find_row (f, SP_BUDGET_ROW_REVENUE, SP_ACCOUNT_KIND_REVENUE, 0, &revenue_total);
  row = find_row (f, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_COST, 0, &cost_head);
  assert_string_equal (sp_budget_row_get_title (row), "Kostnader");
  find_row (f, SP_BUDGET_ROW_COSTS, SP_ACCOUNT_KIND_COST, 0, &cost_total);
  assert_int_equal (revenue_head, 0);
  assert_true (revenue_head < heading && heading < contribution && contribution < revenue_total);
  assert_true (revenue_total < cost_head && cost_head < cost_total);

  /* Each payer's line is the sum of its members' contributions, read-only. */
  for (SpMemberKind k = SP_MEMBER_KIND_STATE; k <= SP_MEMBER_KIND_MUNICIPALITY; k++)
    for (SpBudgetColumn c = SP_BUDGET_COLUMN_BUDGET; c <= SP_BUDGET_COLUMN_PLAN2; c++)
      {
        SpMoney sum = 0;
        g_autofree char *expected = NULL;

        for (guint i = 0; i < contributions->len; i++)
          {
            SpContribution *member = g_ptr_array_index (contributions, i);
            if (member->kind == k && member->amount[c] != SP_MONEY_NOT_SET)
              sum += member->amount[c];
          }
        expected = fmt (sum, SP_MONEY_UNIT_KR);
        cell = find_cell (f, SP_BUDGET_ROW_CONTRIBUTION, k, c);
        assert_string_equal (sp_budget_cell_get_text (cell), expected);
        assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_budget_cell_get_entry (cell))));
      }
  cell = find_cell (f, SP_BUDGET_ROW_CONTRIBUTION, SP_MEMBER_KIND_STATE, SP_BUDGET_COLUMN_BUDGET);
  label = find_tooltip_label (GTK_WIDGET (cell));
  assert_non_null (label);
  assert_non_null (strstr (gtk_widget_get_tooltip_text (label), "budgetramen"));
  assert_non_null (strstr (gtk_widget_get_tooltip_text (label), "3510"));
  /* The example balances with no revenue typed. */
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (PAGE_CHILD (f, "warning_revealer"))));

  /* The state's account, chosen beside the contributions, moves its line. */
  gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), "contributions");
  sp_test_gui_spin ();
  names = GTK_STRING_LIST (adw_combo_row_get_model (state_row));
  assert_string_equal (gtk_string_list_get_string (names, adw_combo_row_get_selected (state_row)),
                       "3510 Driftbidrag från staten (Försäkringskassan)");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (names, i), "3590 "))
      k3590 = i;
  assert_true (k3590 != G_MAXUINT);
  /* Only revenue accounts are offered. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    assert_true (gtk_string_list_get_string (names, i)[0] == '3');
  adw_combo_row_set_selected (state_row, k3590);
  sp_test_gui_wait_until (state_row_on_3590, f, "the state's line to move to 3590");
  assert_int_equal (sp_test_query_int (f->db, "SELECT revenue_account_state FROM association"), 3590);

  /* One undo moves it back, and the choice shown follows. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (sp_test_query_int (f->db, "SELECT revenue_account_state FROM association"), 3510);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (state_row)),
                                                   adw_combo_row_get_selected (state_row)),
                       "3510 Driftbidrag från staten (Försäkringskassan)");
  assert_false (state_row_on_3590 (f));
}

/* Frame, shares and key are edited beside the contributions, which follow. */
static void
test_contributions (void **state)
{
  Fixture *f = *state;
  GtkGrid *grid = GTK_GRID (CONTRIBUTIONS_CHILD (f, "contributions_grid"));
  GtkLabel *error = GTK_LABEL (CONTRIBUTIONS_CHILD (f, "contributions_error"));
  g_autoptr(SpPlanYear) plan_year = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  g_autoptr(GError) expected = NULL;
  /* Fagersta, Norberg, Skinnskatteberg: the municipal quarter by population. */
  const gint64 population[3] = { 12150, 5720, 4430 };
  gint64 kr[3], rest = 0, remainders[3];
  int fagersta_row = -1;

  gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), "contributions");
  sp_test_gui_spin ();

  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "frame_row0")), "5 000 000");
  g_signal_emit_by_name (CONTRIBUTIONS_CHILD (f, "frame_row0"), "entry-activated");
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "state_row")), "40");
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "region_row")), "30 %");
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "municipalities_row")), "30,00");
  g_signal_emit_by_name (CONTRIBUTIONS_CHILD (f, "municipalities_row"), "entry-activated");
  sp_test_gui_spin ();

  plan_year = sp_plan_year_load (f->db, YEAR, NULL);
  assert_int_equal (sp_plan_year_get_frame (plan_year, 0), G_GINT64_CONSTANT (500000000));
  assert_int_equal (sp_plan_year_get_share_state (plan_year), 4000);
  assert_int_equal (sp_plan_year_get_share_region (plan_year), 3000);
  assert_int_equal (sp_plan_year_get_share_municipalities (plan_year), 3000);

  /* 1 500 000 kr over the populations, largest remainder in whole kronor. */
  {
    gint64 total = 12150 + 5720 + 4430, part = 1500000, given = 0;
    for (int i = 0; i < 3; i++)
      {
        kr[i] = part * population[i] / total;
        remainders[i] = part * population[i] % total;
        given += kr[i];
      }
    rest = part - given;
    while (rest-- > 0)
      {
        int best = 0;
        for (int i = 1; i < 3; i++)
          if (remainders[i] > remainders[best])
            best = i;
        kr[best]++;
        remainders[best] = -1;
      }
    assert_int_equal (kr[0] + kr[1] + kr[2], part);
  }

  for (int r = 1; r < 20; r++)
    {
      GtkWidget *name = gtk_grid_get_child_at (grid, 0, r);
      if (name != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (name)), "Fagersta kommun") == 0)
        fagersta_row = r;
    }
  assert_true (fagersta_row > 0);
  {
    g_autofree char *amount = sp_money_format (kr[0] * 100, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
    g_autofree char *state_amount = sp_money_format (200000000, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
    GtkWidget *cell = gtk_grid_get_child_at (grid, 4, fagersta_row);
    gboolean found_state = FALSE;

    assert_string_equal (gtk_label_get_text (GTK_LABEL (cell)), amount);
    /* Försäkringskassan pays the state's 40 %, 2 000 000 kr. */
    for (int r = 1; r < 20; r++)
      {
        GtkWidget *name = gtk_grid_get_child_at (grid, 0, r);
        if (name != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (name)), "Försäkringskassan") == 0)
          found_state = g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 4, r))),
                                   state_amount) == 0;
      }
    assert_true (found_state);
  }

  /* Shares that do not add up to 100 % are refused; nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "state_row")), "60");
  g_signal_emit_by_name (CONTRIBUTIONS_CHILD (f, "state_row"), "entry-activated");
  sp_test_gui_spin ();
  g_clear_object (&plan_year);
  plan_year = sp_plan_year_load (f->db, YEAR, NULL);
  assert_int_equal (sp_plan_year_get_share_state (plan_year), 4000);
  assert_true (gtk_widget_has_css_class (CONTRIBUTIONS_CHILD (f, "state_row"), "error"));
  assert_true (gtk_widget_get_visible (PAGE_CHILD (f, "error_label")));

  /* A bad frame is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "frame_row1")), "fyra miljoner");
  g_signal_emit_by_name (CONTRIBUTIONS_CHILD (f, "frame_row1"), "entry-activated");
  g_clear_object (&plan_year);
  plan_year = sp_plan_year_load (f->db, YEAR, NULL);
  assert_int_equal (sp_plan_year_get_frame (plan_year, 1), G_GINT64_CONSTANT (400000000));
  assert_true (gtk_widget_has_css_class (CONTRIBUTIONS_CHILD (f, "frame_row1"), "error"));

  /* Leaving a frame's entry stores it too, here in tkr as the page shows. */
  gtk_switch_set_active (GTK_SWITCH (PAGE_CHILD (f, "unit_switch")), TRUE);
  sp_test_gui_spin ();
  gtk_widget_grab_focus (CONTRIBUTIONS_CHILD (f, "frame_row2"));
  gtk_editable_set_text (GTK_EDITABLE (CONTRIBUTIONS_CHILD (f, "frame_row2")), "4 200");
  gtk_widget_grab_focus (CONTRIBUTIONS_CHILD (f, "state_row"));
  sp_test_gui_spin ();
  g_clear_object (&plan_year);
  plan_year = sp_plan_year_load (f->db, YEAR, NULL);
  assert_int_equal (sp_plan_year_get_frame (plan_year, 2), G_GINT64_CONSTANT (420000000));
  gtk_switch_set_active (GTK_SWITCH (PAGE_CHILD (f, "unit_switch")), FALSE);
  sp_test_gui_spin ();

  /* Agreed percentages, none given yet: the core's reason is shown. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (CONTRIBUTIONS_CHILD (f, "key_row")), SP_ALLOCATION_KEY_PERCENTAGE);
  sp_test_gui_spin ();
  g_clear_object (&plan_year);
  plan_year = sp_plan_year_load (f->db, YEAR, NULL);
  assert_int_equal (sp_plan_year_get_allocation_key (plan_year), SP_ALLOCATION_KEY_PERCENTAGE);
  contributions = sp_contributions_compute (f->db, YEAR, &expected);
  assert_null (contributions);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
  assert_string_equal (gtk_label_get_text (error), expected->message);
}

/* Undo and redo of a cell's edit show in the cell and the totals. */
static void
test_undo_redo (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  SpBudgetCell *cell = line_cell (f, 6, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);
  SpBudgetCell *costs = find_cell (f, SP_BUDGET_ROW_COSTS, 0, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);
  g_autofree char *before = g_strdup (sp_budget_cell_get_text (costs));
  g_autofree char *after = NULL;

  assert_string_equal (sp_budget_cell_get_text (cell), K (42000, SP_MONEY_UNIT_KR));
  type_into (cell, "43 000");
  after = g_strdup (sp_budget_cell_get_text (costs));
  assert_string_not_equal (before, after);

  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_string_equal (sp_budget_cell_get_text (cell), K (42000, SP_MONEY_UNIT_KR));
  assert_string_equal (sp_budget_cell_get_text (costs), before);

  assert_true (sp_history_redo (history, NULL));
  sp_test_gui_spin ();
  assert_string_equal (sp_budget_cell_get_text (cell), K (43000, SP_MONEY_UNIT_KR));
  assert_string_equal (sp_budget_cell_get_text (costs), after);
}

/* What the table's store reported: how often, and the last change. */
typedef struct {
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_rows_items_changed_cb (GListModel   *rows,
                          guint         position,
                          guint         removed,
                          guint         added,
                          ItemsChanged *seen)
{
  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

/* Whether the table's store has reported a change. */
static gboolean
has_changed (gpointer data)
{
  return ((ItemsChanged *) data)->calls > 0;
}

/* The change an edit of @line by @delta makes to @row's amount in @column. */
static SpMoney
expected_change (SpBudgetRow  *row,
                 SpBudgetLine *line,
                 SpMoney       delta)
{
  gboolean revenue = sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_REVENUE;
  SpBudgetRowSum sum = sp_budget_row_get_sum (row);

  switch (sp_budget_row_get_kind (row))
    {
    case SP_BUDGET_ROW_LINE:
      return sp_budget_row_get_id (row) == sp_record_get_id (SP_RECORD (line)) ? delta : 0;
    case SP_BUDGET_ROW_GROUP:
    case SP_BUDGET_ROW_AREA:
      if (sp_budget_row_get_id (row) != (sp_budget_row_get_kind (row) == SP_BUDGET_ROW_GROUP
                                         ? sp_budget_line_get_group_id (line) : sp_budget_line_get_area_id (line)))
        return 0;
      if (sum == SP_BUDGET_ROW_SUM_NET)
        return revenue ? delta : -delta;
      return (sum == SP_BUDGET_ROW_SUM_REVENUE) == revenue ? delta : 0;
    case SP_BUDGET_ROW_REVENUE:
      return revenue ? delta : 0;
    case SP_BUDGET_ROW_COSTS:
      return revenue ? 0 : delta;
    case SP_BUDGET_ROW_RESULT:
      return revenue ? delta : -delta;
    case SP_BUDGET_ROW_EQUITY:
    case SP_BUDGET_ROW_FRAME:
    default:
      return 0;
    }
}

/* An edited amount updates the rows in place: every row stays the same
 * object, the store reports no change, the other rows keep their amounts,
 * and the line, its area, its group and the totals show the new sums. A
 * line added in an area inserts just its row. */
static void
test_rows_in_place (void **state)
{
  Fixture *f = *state;
  GListModel *rows = sp_budget_table_get_rows (SP_BUDGET_TABLE (PAGE_CHILD (f, "table")));
  guint n = g_list_model_get_n_items (rows);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree SpMoney *amounts = g_new (SpMoney, n);
  SpBudgetLine *line = line_at (f, 0);
  SpMoney delta = G_GINT64_CONSTANT (1234500);
  SpMoney old;
  g_autofree char *typed = NULL;
  ItemsChanged seen = { 0 };
  SpBudgetLineData data;
  gint64 id;
  guint position = 0;

  assert_true (n > 10);
  for (guint i = 0; i < n; i++)
    {
      SpBudgetRow *row = g_list_model_get_item (rows, i);

      g_ptr_array_add (before, row);
      amounts[i] = sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_BUDGET);
    }
  assert_true (SP_BUDGET_IS_SET (sp_budget_line_get_amount (line, SP_BUDGET_COLUMN_BUDGET)));
  g_signal_connect (rows, "items-changed", G_CALLBACK (on_rows_items_changed_cb), &seen);

  old = sp_budget_line_get_amount (line, SP_BUDGET_COLUMN_BUDGET);
  typed = sp_money_format (old + delta, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  type_into (line_cell (f, 0, SP_BUDGET_COLUMN_BUDGET), typed);
  assert_int_equal (stored (f, sp_record_get_id (SP_RECORD (line)), SP_BUDGET_COLUMN_BUDGET), old + delta);
  assert_int_equal (seen.calls, 0);
  assert_int_equal (g_list_model_get_n_items (rows), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpBudgetRow) row = g_list_model_get_item (rows, i);
      SpMoney change = expected_change (row, line, delta);

      assert_ptr_equal (row, g_ptr_array_index (before, i));
      if (change == 0)
        assert_int_equal (sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_BUDGET), amounts[i]);
      else
        assert_int_equal (sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_BUDGET), amounts[i] + change);
    }
  /* The revenue or costs total shows the new sum in its cell too. */
  for (guint i = 0; i < n; i++)
    {
      SpBudgetRow *row = g_ptr_array_index (before, i);
      SpBudgetRowKind total = sp_budget_line_get_account_kind (line) == SP_ACCOUNT_KIND_REVENUE
        ? SP_BUDGET_ROW_REVENUE : SP_BUDGET_ROW_COSTS;

      if (sp_budget_row_get_kind (row) == total)
        {
          g_autofree char *text = fmt (amounts[i] + delta, SP_MONEY_UNIT_KR);

          assert_string_equal (sp_budget_cell_get_text (find_cell (f, total, 0, SP_BUDGET_COLUMN_BUDGET)), text);
        }
    }

  /* A new line in the same area: one row inserted, the others kept. */
  sp_budget_line_data_init (&data);
  data.area_id = sp_budget_line_get_area_id (line);
  data.account = sp_budget_line_get_account (line);
  data.text = "Telefon";
  id = sp_budget_line_add (f->db, YEAR, &data, NULL);
  assert_true (id != 0);
  sp_test_gui_wait_until (has_changed, &seen, "the table to insert the new line's row");
  assert_int_equal (g_list_model_get_n_items (rows), n + 1);
  assert_int_equal (seen.calls, 1);
  assert_int_equal (seen.removed, 0);
  assert_int_equal (seen.added, 1);
  for (guint i = 0; i < n + 1; i++)
    {
      g_autoptr(SpBudgetRow) row = g_list_model_get_item (rows, i);

      if (i == seen.position)
        {
          assert_int_equal (sp_budget_row_get_kind (row), SP_BUDGET_ROW_LINE);
          assert_int_equal (sp_budget_row_get_id (row), id);
          continue;
        }
      assert_ptr_equal (row, g_ptr_array_index (before, position++));
    }
  g_signal_handlers_disconnect_by_func (rows, on_rows_items_changed_cb, &seen);
}

/* Last year's actuals beside its budget, and the deviation in money and per cent:
 * the board's fees were budgeted at 140 000 kr and cost 126 500 kr. */
static void
test_deviation (void **state)
{
  Fixture *f = *state;
  g_autofree char *kr = sp_money_format (-1350000, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  g_autofree char *tkr = sp_money_format (-1350000, SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_NO_UNIT);
  g_autofree char *in_kr = g_strdup_printf ("%s (−9,6 %%)", kr);
  g_autofree char *in_tkr = g_strdup_printf ("%s (−9,6 %%)", tkr);

  sp_test_gui_spin ();
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (f->page), in_kr));
  assert_null (sp_test_gui_find_label (GTK_WIDGET (f->page), in_tkr));

  sp_budget_page_set_unit (f->page, SP_MONEY_UNIT_TKR);
  sp_test_gui_spin ();
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (f->page), in_tkr));
  assert_string_equal (tkr, "−14");
}

/* The kr/tkr switch changes what the cells and heads show, not what is stored. */
static void
test_unit_switch (void **state)
{
  Fixture *f = *state;
  SpBudgetCell *revenue = find_cell (f, SP_BUDGET_ROW_REVENUE, 0, SP_BUDGET_COLUMN_BUDGET);
  SpBudgetCell *cell = line_cell (f, 1, SP_BUDGET_COLUMN_BUDGET);
  gint64 id = sp_record_get_id (SP_RECORD (line_at (f, 1)));

  assert_string_equal (sp_budget_cell_get_text (revenue), K (4000000, SP_MONEY_UNIT_KR));
  assert_string_equal (sp_budget_cell_get_text (cell), K (20000, SP_MONEY_UNIT_KR));

  gtk_switch_set_active (GTK_SWITCH (PAGE_CHILD (f, "unit_switch")), TRUE);
  sp_test_gui_spin ();
  assert_int_equal (sp_budget_page_get_unit (f->page), SP_MONEY_UNIT_TKR);
  assert_string_equal (sp_budget_cell_get_text (revenue), K (4000000, SP_MONEY_UNIT_TKR));
  assert_string_equal (sp_budget_cell_get_text (cell), K (20000, SP_MONEY_UNIT_TKR));
  assert_int_equal (stored (f, id, SP_BUDGET_COLUMN_BUDGET), G_GINT64_CONSTANT (2000000));

  /* Ctrl+T's action switches back. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.toggle-unit", NULL));
  sp_test_gui_spin ();
  assert_false (gtk_switch_get_active (GTK_SWITCH (PAGE_CHILD (f, "unit_switch"))));
  assert_string_equal (sp_budget_cell_get_text (revenue), K (4000000, SP_MONEY_UNIT_KR));
}

/* Lines are added from the dialog and deleted with an undo. */
static void
test_add_delete (void **state)
{
  Fixture *f = *state;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->lines));
  AdwMessageDialog *dialog;
  SpBudgetLine *added = NULL;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  /* The example's areas: Styrelse, Kansli, Revision, … */
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "area_drop_down"), 1);
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down"), 7);
  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "text_entry"), "Telefon");
  adw_message_dialog_response (dialog, "add");
  sp_test_gui_spin ();

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->lines)), n + 1);
  for (guint i = 0; i < n + 1; i++)
    if (g_strcmp0 (sp_budget_line_get_text (line_at (f, i)), "Telefon") == 0)
      added = line_at (f, i);
  assert_non_null (added);
  assert_string_equal (sp_budget_line_get_area_name (added), "Kansli");

  /* The new line is selected: delete it, then undo. */
  type_into (find_cell (f, SP_BUDGET_ROW_LINE, sp_record_get_id (SP_RECORD (added)), SP_BUDGET_COLUMN_BUDGET),
             "3 000");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.delete-line", NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->lines)), n);
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->lines)), n + 1);
}

/* The selected line gets another area and account (F2): both in one edit,
 * undone as one. */
static void
test_change_area_and_account (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) accounts = sp_account_list_new (f->db);
  g_autoptr(SpAccount) new_account = g_list_model_get_item (G_LIST_MODEL (accounts), 3);
  AdwMessageDialog *dialog;
  SpBudgetLine *line = NULL;
  g_autoptr(SpBudgetLine) stored_line = NULL;
  g_autoptr(SpBudgetLine) undone = NULL;
  SpSearchDropDown *area_drop, *account_drop;
  gint64 id;
  int old_account;

  /* Add a line in Kansli: it is selected. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "area_drop_down"), 1);
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down"), 7);
  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "text_entry"), "Telefon");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->lines)); i++)
    if (g_strcmp0 (sp_budget_line_get_text (line_at (f, i)), "Telefon") == 0)
      line = line_at (f, i);
  assert_non_null (line);
  id = sp_record_get_id (SP_RECORD (line));
  old_account = sp_budget_line_get_account (line);
  assert_true (old_account != sp_account_get_number (new_account));

  /* The dialog names the line and starts from its area and account. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.change-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  assert_string_equal (adw_message_dialog_get_heading (dialog), _("Change Area and Account"));
  assert_string_equal (adw_message_dialog_get_body (dialog), "Telefon");
  /* No text to give: only the area and account are changed. */
  assert_false (gtk_widget_get_visible (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "text_entry")));
  area_drop = sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "area_drop_down");
  account_drop = sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down");
  assert_int_equal (sp_search_drop_down_get_selected (area_drop), 1);
  {
    g_autoptr(SpAccount) shown = g_list_model_get_item (G_LIST_MODEL (accounts), sp_search_drop_down_get_selected (account_drop));

    assert_int_equal (sp_account_get_number (shown), old_account);
  }

  /* Styrelse and the fourth account, stored and shown there. */
  sp_search_drop_down_set_selected (area_drop, 0);
  sp_search_drop_down_set_selected (account_drop, 3);
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
  stored_line = sp_budget_line_load (f->db, id, NULL);
  assert_non_null (stored_line);
  assert_string_equal (sp_budget_line_get_area_name (stored_line), "Styrelse");
  assert_int_equal (sp_budget_line_get_account (stored_line), sp_account_get_number (new_account));
  assert_non_null (find_cell (f, SP_BUDGET_ROW_LINE, id, SP_BUDGET_COLUMN_BUDGET));

  /* One undo puts both back. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  undone = sp_budget_line_load (f->db, id, NULL);
  assert_string_equal (sp_budget_line_get_area_name (undone), "Kansli");
  assert_int_equal (sp_budget_line_get_account (undone), old_account);
}

/* The list item of @drop_down's search that are shown now. */
static guint
n_shown (SpSearchDropDown *drop_down)
{
  GtkWidget *list = sp_test_gui_find_widget (GTK_WIDGET (drop_down), GTK_TYPE_LIST_VIEW);

  assert_non_null (list);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list))));
}

static gboolean
one_shown (gpointer data)
{
  return n_shown (data) == 1;
}

/* The add dialog makes one choose the account (none is preselected, so a
 * cost is not typed on 3000 Försäljning), and Enter in a search picks the
 * only match; the area list has a search too. */
static void
test_line_dialog_choices (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) accounts = sp_account_list_new (f->db);
  AdwMessageDialog *dialog;
  SpSearchDropDown *area_drop, *account_drop;
  GtkWidget *search;
  guint selected;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  area_drop = sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "area_drop_down");
  account_drop = sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down");
  assert_int_equal (sp_search_drop_down_get_selected (account_drop), GTK_INVALID_LIST_POSITION);
  /* It says so: "Välj konto…". */
  assert_string_equal (gtk_label_get_label (GTK_LABEL (sp_test_gui_find_widget (GTK_WIDGET (account_drop),
                                                                                  GTK_TYPE_LABEL))),
                       _("Choose an account…"));
  assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  assert_non_null (sp_test_gui_find_widget (GTK_WIDGET (area_drop), GTK_TYPE_SEARCH_ENTRY));

  /* "5110" finds one account: Enter picks it and Add may be pressed. */
  g_signal_emit_by_name (account_drop, "activate");
  sp_test_gui_spin ();
  search = sp_test_gui_find_widget (GTK_WIDGET (account_drop), GTK_TYPE_SEARCH_ENTRY);
  assert_non_null (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "5110");
  sp_test_gui_wait_until (one_shown, account_drop, "one match of the search");
  g_signal_emit_by_name (search, "activate");
  sp_test_gui_spin ();
  selected = sp_search_drop_down_get_selected (account_drop);
  assert_true (selected != GTK_INVALID_LIST_POSITION);
  {
    g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), selected);
    assert_int_equal (sp_account_get_number (account), 5110);
  }
  assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));

  /* The list closed and the button names the account. */
  assert_false (gtk_widget_get_visible (sp_test_gui_find_widget (GTK_WIDGET (account_drop), GTK_TYPE_POPOVER)));
  assert_non_null (strstr (gtk_label_get_label (GTK_LABEL (sp_test_gui_find_widget (GTK_WIDGET (account_drop),
                                                                                      GTK_TYPE_LABEL))),
                           "5110"));

  /* The area search finds a name inside "Group › Area", in any case. */
  g_signal_emit_by_name (area_drop, "activate");
  sp_test_gui_spin ();
  search = sp_test_gui_find_widget (GTK_WIDGET (area_drop), GTK_TYPE_SEARCH_ENTRY);
  assert_non_null (search);
  gtk_editable_set_text (GTK_EDITABLE (search), "kansli");
  sp_test_gui_wait_until (one_shown, area_drop, "one match of the search");
  g_signal_emit_by_name (search, "activate");
  sp_test_gui_spin ();
  assert_non_null (sp_search_drop_down_get_selected_string (area_drop));
  assert_non_null (strstr (sp_search_drop_down_get_selected_string (area_drop), "Kansli"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
}

/* A group without areas is offered in the area list; its lines show under
 * the group's row, with no area row, and the group adds them up. */
static void
test_group_without_areas (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  SpSearchDropDown *area_drop;
  GListModel *names;
  SpBudgetLine *added = NULL;
  guint n, found = GTK_INVALID_LIST_POSITION;
  gint64 group;

  group = sp_area_group_add (f->db, YEAR, "Uppföljning/utvärdering", &error);
  assert_true (group > 0);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  area_drop = sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "area_drop_down");
  names = sp_search_drop_down_get_model (area_drop);
  n = g_list_model_get_n_items (names);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "Uppföljning/utvärdering") == 0)
      found = i;
  assert_true (found != GTK_INVALID_LIST_POSITION);
  sp_search_drop_down_set_selected (area_drop, found);
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down"), 16);
  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "text_entry"), "Extern utvärdering");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->lines)); i++)
    if (g_strcmp0 (sp_budget_line_get_text (line_at (f, i)), "Extern utvärdering") == 0)
      added = line_at (f, i);
  assert_non_null (added);
  assert_true (sp_budget_line_is_in_group (added));
  assert_int_equal (sp_budget_line_get_group_id (added), group);

  /* Typed into, the group's row sums it; no area row stands between. */
  type_into (find_cell (f, SP_BUDGET_ROW_LINE, sp_record_get_id (SP_RECORD (added)), SP_BUDGET_COLUMN_BUDGET),
             "80 000");
  assert_int_equal (stored (f, sp_record_get_id (SP_RECORD (added)), SP_BUDGET_COLUMN_BUDGET), 8000000);
  assert_non_null (find_cell (f, SP_BUDGET_ROW_GROUP, group, SP_BUDGET_COLUMN_BUDGET));
  assert_null (find_cell_in (GTK_WIDGET (f->page), SP_BUDGET_ROW_AREA, sp_budget_line_get_area_id (added),
                             SP_BUDGET_COLUMN_BUDGET));
  {
    g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (f->db, YEAR, NULL);
    const SpBudgetSubtotal *sum = sp_budget_totals_find_group (totals, group);

    assert_non_null (sum);
    assert_int_equal (sum->sum.costs[SP_BUDGET_COLUMN_BUDGET], 8000000);
  }
}

/* A column pasted from a spreadsheet: all rows or none. */
static void
test_paste (void **state)
{
  Fixture *f = *state;
  SpBudgetCell *cell = line_cell (f, 2, SP_BUDGET_COLUMN_PLAN2);
  gint64 ids[3];

  for (guint i = 0; i < 3; i++)
    ids[i] = sp_record_get_id (SP_RECORD (line_at (f, 2 + i)));

  assert_false (sp_budget_cell_paste_text (cell, "100 000\nhundra\n300 000\n"));
  assert_int_equal (stored (f, ids[0], SP_BUDGET_COLUMN_PLAN2), G_GINT64_CONSTANT (55000000));
  assert_true (gtk_widget_has_css_class (GTK_WIDGET (sp_budget_cell_get_entry (cell)), "error"));
  assert_non_null (strstr (gtk_label_get_text (GTK_LABEL (PAGE_CHILD (f, "error_label"))), "2"));

  assert_true (sp_budget_cell_paste_text (cell, "100 000\r\n200 000\r\n300 000\r\n"));
  sp_test_gui_spin ();
  assert_int_equal (stored (f, ids[0], SP_BUDGET_COLUMN_PLAN2), G_GINT64_CONSTANT (10000000));
  assert_int_equal (stored (f, ids[1], SP_BUDGET_COLUMN_PLAN2), G_GINT64_CONSTANT (20000000));
  assert_int_equal (stored (f, ids[2], SP_BUDGET_COLUMN_PLAN2), G_GINT64_CONSTANT (30000000));
  assert_string_equal (sp_budget_cell_get_text (line_cell (f, 4, SP_BUDGET_COLUMN_PLAN2)), K (300000, SP_MONEY_UNIT_KR));
}

/* An adopted year is shown read-only and says so. */
static void
test_adopted (void **state)
{
  Fixture *f = *state;
  SpBudgetCell *cell;

  assert_true (sp_plan_year_adopt (f->db, YEAR, "2008-11-21", "§ 40", NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (PAGE_CHILD (f, "adopted_revealer"))));
  assert_non_null (strstr (gtk_label_get_text (GTK_LABEL (PAGE_CHILD (f, "adopted_label"))), "2008-11-21"));
  cell = line_cell (f, 0, SP_BUDGET_COLUMN_BUDGET);
  assert_false (gtk_widget_get_visible (GTK_WIDGET (sp_budget_cell_get_entry (cell))));
  assert_string_equal (sp_budget_cell_get_text (cell), K (150000, SP_MONEY_UNIT_KR));
  assert_false (gtk_widget_is_sensitive (CONTRIBUTIONS_CHILD (f, "frame_row0")));
  assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL) &&
                g_list_model_get_n_items (G_LIST_MODEL (f->lines)) != 11);

  assert_true (sp_plan_year_reopen (f->db, YEAR, NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (PAGE_CHILD (f, "adopted_revealer"))));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (sp_budget_cell_get_entry (line_cell (f, 0, SP_BUDGET_COLUMN_BUDGET)))));
}

/* What a window asks of the page when it works out its own minimum size:
 * the page's minimum height, then its width at that height. The page must
 * fit there, and need no more height at its width than it says it needs at
 * none (a banner that did made GTK report overlapping widgets, a critical). */
static void
assert_fits_its_minimum_height (Fixture *f)
{
  GtkWidget *page = GTK_WIDGET (f->page);
  int min_height, min_height_for_width, min_width, natural;

  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, -1, &min_height, &natural, NULL, NULL);
  gtk_widget_measure (page, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (page),
                      &min_height_for_width, &natural, NULL, NULL);
  assert_int_equal (min_height_for_width, min_height);
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, min_height, &min_width, &natural, NULL, NULL);
  assert_in_range (min_width, 1, gtk_widget_get_width (page));
}

/* The banners (one line each: the budget does not balance, the year is
 * adopted) at the page's minimum height. */
static void
test_banners_at_minimum_height (void **state)
{
  Fixture *f = *state;

  /* The example balances in 2009; 20 000 kr more costs in the budget column only. */
  type_into (line_cell (f, 3, SP_BUDGET_COLUMN_BUDGET), "170 000");
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (PAGE_CHILD (f, "warning_revealer"))));
  assert_null (strchr (gtk_label_get_text (GTK_LABEL (PAGE_CHILD (f, "warning_label"))), '\n'));
  assert_fits_its_minimum_height (f);

  assert_true (sp_plan_year_adopt (f->db, YEAR, "2008-11-21", "§ 40", NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (PAGE_CHILD (f, "adopted_revealer"))));
  assert_fits_its_minimum_height (f);
}

/* Another year, then none: empty states instead of a table. */
static void
test_year_and_chart (void **state)
{
  Fixture *f = *state;
  SpBudgetChart *chart = SP_BUDGET_CHART (PAGE_CHILD (f, "chart"));

  assert_int_equal (sp_budget_chart_get_n_areas (chart), 7);
  assert_int_equal (sp_budget_chart_get_n_members (chart), 5);

  sp_budget_page_set_year (f->page, 2031);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "lines_stack"))), "empty");
  assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL) &&
                gtk_window_list_toplevels () == NULL);
  assert_int_equal (sp_budget_chart_get_n_areas (chart), 0);

  sp_budget_page_set_year (f->page, YEAR);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "lines_stack"))), "table");
  sp_budget_page_set_database (f->page, NULL);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "lines_stack"))), "empty");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_type_amounts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_bad_amount, setup, teardown),
    cmocka_unit_test_setup_teardown (test_totals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_redo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_rows_in_place, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unit_switch, setup, teardown),
    cmocka_unit_test_setup_teardown (test_deviation, setup, teardown),
    cmocka_unit_test_setup_teardown (test_add_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_change_area_and_account, setup, teardown),
    cmocka_unit_test_setup_teardown (test_line_dialog_choices, setup, teardown),
    cmocka_unit_test_setup_teardown (test_group_without_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paste, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_banners_at_minimum_height, setup, teardown),
    cmocka_unit_test_setup_teardown (test_year_and_chart, setup, teardown),
    cmocka_unit_test_setup_teardown (test_derived_revenue, setup, teardown),
  };

  /* A GTK or GObject warning fails the test, not just a critical. */
  g_log_set_fatal_mask ("Gtk", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("Adwaita", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("GLib-GObject", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  if (!sp_test_gui_init ())
    return 1;
  /* SP_TEST_LOCALEDIR: translations not yet in po/ (for screenshots). */
  if (g_getenv ("SP_TEST_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SP_TEST_LOCALEDIR"));
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, "/io/github/samplan/Samplan/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  return cmocka_run_group_tests_name ("budget-page", tests, NULL, NULL);
}
