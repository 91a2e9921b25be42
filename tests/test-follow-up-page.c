/* test-follow-up-page.c: the follow-up page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test puts a real SpFollowUpPage on the example förbund of 2009 into a
 * window, writes a year of monthly actuals into `actual_month` with SQL (as
 * the SIE import would: per month, account and activity area, and one
 * account that no line takes), chooses periods, types forecasts and changes
 * a line's months as a user would, and compares what the cells show with
 * figures computed here from the lines and the rows written, not by the
 * core. Runs in Swedish. With SP_FOLLOW_UP_SCREENSHOT=FILE.png, the first
 * test also saves a picture of the window. The last tests run the real
 * application: undo of a forecast, and the export dialog's choice of the
 * follow-up sheet's period.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "app/sp-application.h"
#include "sp-budget.h"
#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-edit-text-row.h"
#include "ui/sp-export-dialog.h"
#include "ui/sp-follow-up-chart.h"
#include "ui/sp-follow-up-page.h"
#include "ui/sp-follow-up-row.h"
#include "ui/sp-follow-up-table.h"
#include "ui/sp-window.h"

#define YEAR SP_EXAMPLE_YEAR
#define MAX_LINES 64

typedef struct {
  SpTestGui      *gui;
  SpDatabase     *db;
  GtkWindow      *window;
  SpFollowUpPage *page;
  SpRecordList   *lines;
  /* The actuals written, per line (index in f->lines) and month; -1: none. */
  SpMoney         actual[MAX_LINES][12];
  gboolean        has_actual[MAX_LINES];
  guint           unallocated_account;
  SpMoney         unallocated[12];
} Fixture;

#define PAGE_CHILD(f, name) sp_test_gui_child ((f)->page, SP_TYPE_FOLLOW_UP_PAGE, (name))
#define TABLE(f) SP_FOLLOW_UP_TABLE (PAGE_CHILD ((f), "table"))

/* ---- Helpers ------------------------------------------------------------ */

static SpBudgetLine *
line_at (Fixture *f,
         guint    i)
{
  g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (f->lines), i);
  assert_non_null (line);
  return line; /* the list keeps it */
}

static guint
n_lines (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (f->lines));
}

static SpMoney
year_budget (Fixture *f,
             guint    i)
{
  SpMoney amount = sp_budget_line_get_amount (line_at (f, i), SP_BUDGET_COLUMN_BUDGET);
  return SP_BUDGET_IS_SET (amount) ? amount : 0;
}

static void
exec_sql (Fixture    *f,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (sp_database_get_handle (f->db), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    fail_msg ("%s: %s", sql, message);
  sqlite3_free (message);
}

/* Writes a year of actuals: for every line alone on its account in its area,
 * a different amount each month through August; for a cost account that no
 * line has, something in March and June. The page reads them anew. */
static void
write_actuals (Fixture *f)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autoptr(SpRecordList) accounts = sp_account_list_new (f->db);

  for (guint i = 0; i < n_lines (f); i++)
    {
      SpBudgetLine *line = line_at (f, i);
      gboolean alone = !sp_budget_line_is_in_group (line);

      for (guint j = 0; j < n_lines (f) && alone; j++)
        if (j != i && sp_budget_line_get_account (line_at (f, j)) == sp_budget_line_get_account (line) &&
            sp_budget_line_get_area_id (line_at (f, j)) == sp_budget_line_get_area_id (line))
          alone = FALSE;
      f->has_actual[i] = alone;
      for (guint m = 0; m < 12; m++)
        {
          /* A twelfth of the budget, more some months, less in others. */
          SpMoney amount = year_budget (f, i) / 12 + ((SpMoney) (i * 7 + m * 3) % 11 - 5) * 123456;

          f->actual[i][m] = alone && m < 8 ? amount : 0;
          if (alone && m < 8)
            g_string_append_printf (sql, "INSERT INTO actual_month (year, month, account, area_id, amount) "
                                         "VALUES (%d, %u, %d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                                    YEAR, m + 1, sp_budget_line_get_account (line),
                                    sp_budget_line_get_area_id (line), amount);
        }
    }
  for (guint a = 0; a < g_list_model_get_n_items (G_LIST_MODEL (accounts)) && f->unallocated_account == 0; a++)
    {
      g_autoptr(SpAccount) account = g_list_model_get_item (G_LIST_MODEL (accounts), a);
      gboolean used = FALSE;

      if (sp_account_get_kind (account) != SP_ACCOUNT_KIND_COST)
        continue;
      for (guint i = 0; i < n_lines (f); i++)
        used |= sp_budget_line_get_account (line_at (f, i)) == sp_account_get_number (account);
      if (!used)
        f->unallocated_account = sp_account_get_number (account);
    }
  assert_int_not_equal (f->unallocated_account, 0);
  f->unallocated[2] = 4500000;
  f->unallocated[5] = 1234550;
  g_string_append_printf (sql, "INSERT INTO actual_month (year, month, account, area_id, amount) "
                               "VALUES (%d, 3, %u, NULL, 4500000), (%d, 6, %u, NULL, 1234550);",
                          YEAR, f->unallocated_account, YEAR, f->unallocated_account);
  g_string_append (sql, "COMMIT;");
  exec_sql (f, sql->str);

  /* As a new year: the page reads the actuals and starts at their last month. */
  sp_follow_up_page_set_year (f->page, YEAR + 40);
  sp_follow_up_page_set_year (f->page, YEAR);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
}

/* The budget of line @i for January through @through, when spread evenly:
 * the year's times @through twelfths, to the öre, half away from zero. */
static SpMoney
period_budget (Fixture *f,
               guint    i,
               guint    through,
               guint    months)
{
  guint in = 0, all = 0;
  SpMoney y = year_budget (f, i);
  SpMoney twice;

  for (guint m = 0; m < 12; m++)
    if (months & (1u << m))
      {
        all++;
        in += m < through;
      }
  twice = 2 * y * (SpMoney) in / (SpMoney) all;
  return (twice + (twice >= 0 ? 1 : -1)) / 2;
}

static SpMoney
period_actual (Fixture *f,
               guint    i,
               guint    through)
{
  SpMoney sum = 0;

  for (guint m = 0; m < through; m++)
    sum += f->actual[i][m];
  return sum;
}

static gboolean
is_revenue (Fixture *f,
            guint    i)
{
  return sp_budget_line_get_account_kind (line_at (f, i)) == SP_ACCOUNT_KIND_REVENUE;
}

/* As the table shows an amount: in whole kronor, rounded half away from zero. */
static char *
fmt (SpMoney amount)
{
  SpMoney kronor = (amount + (amount >= 0 ? 50 : -50)) / 100;
  return sp_money_format (kronor * 100, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
}

/* "−4,5 %", computed here in floating point. */
static char *
percent (SpMoney deviation,
         SpMoney budget)
{
  double x;
  long long tenths;

  if (budget == 0)
    return g_strdup ("");
  x = 1000.0 * (double) deviation / (double) budget;
  tenths = (long long) (x + (x >= 0 ? 0.5 : -0.5));
  return g_strdup_printf ("%s%lld,%lld %%", tenths < 0 ? "−" : "", llabs (tenths) / 10, llabs (tenths) % 10);
}

static SpFollowUpRow *
find_row (Fixture         *f,
          SpBudgetRowKind  kind,
          gint64           id,
          guint            account)
{
  GListModel *rows = sp_follow_up_table_get_rows (TABLE (f));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SpFollowUpRow) row = g_list_model_get_item (rows, i);

      if (sp_follow_up_row_get_kind (row) == kind && sp_follow_up_row_get_id (row) == id &&
          (account == 0 || sp_follow_up_row_get_account (row) == account))
        return row; /* the store keeps it */
    }
  fail_msg ("no row of kind %d and id %" G_GINT64_FORMAT, kind, id);
  return NULL;
}

/* The cell in view of @column of @row, scrolling until it is bound. */
static GtkWidget *
cell_of (Fixture               *f,
         SpFollowUpRow         *row,
         SpFollowUpTableColumn  column)
{
  GtkWidget *view = sp_test_gui_find_widget (GTK_WIDGET (TABLE (f)), GTK_TYPE_COLUMN_VIEW);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkWidget *cell = NULL;

  for (int i = 0; i < 40 && cell == NULL; i++)
    {
      cell = sp_follow_up_table_find_cell (TABLE (f), row, column);
      if (cell != NULL)
        break;
      if (i > 0)
        {
          double max = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
          double value = gtk_adjustment_get_value (adjustment);

          gtk_adjustment_set_value (adjustment, value >= max - 1 ? 0
                                    : MIN (max, value + gtk_adjustment_get_page_size (adjustment) / 2));
        }
      sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
    }
  assert_non_null (cell);
  return cell;
}

static const char *
line_text (Fixture               *f,
           guint                  i,
           SpFollowUpTableColumn  column)
{
  gint64 id = sp_record_get_id (SP_RECORD (line_at (f, i)));
  return sp_follow_up_table_get_cell_text (cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), column));
}

static const char *
total_text (Fixture               *f,
            SpBudgetRowKind        kind,
            SpFollowUpTableColumn  column)
{
  return sp_follow_up_table_get_cell_text (cell_of (f, find_row (f, kind, 0, 0), column));
}

/* The members' contributions, derived from the frame (the example's revenue):
 * each payer's share of the frame spread evenly, January through @through,
 * each to the nearest öre. */
static SpMoney
contributions_through (Fixture *f,
                       guint    through)
{
  static const char *shares[] = { "share_state", "share_region", "share_municipalities" };
  SpMoney frame = sp_test_query_int (f->db, "SELECT frame FROM plan_year WHERE year = 2009");
  SpMoney sum = 0;

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT %s FROM plan_year WHERE year = 2009", shares[i]);
      SpMoney part = frame * sp_test_query_int (f->db, sql) / 10000;

      sum += (2 * part * (SpMoney) through + 12) / 24;
    }
  return sum;
}

/* The period's sums computed here: revenue and costs, budget and actuals. */
static void
independent_totals (Fixture *f,
                    guint    through,
                    SpMoney  budget[2],
                    SpMoney  actual[2])
{
  budget[0] = contributions_through (f, through);
  budget[1] = actual[0] = actual[1] = 0;
  for (guint i = 0; i < n_lines (f); i++)
    {
      budget[is_revenue (f, i) ? 0 : 1] += period_budget (f, i, through, SP_FOLLOW_UP_ALL_MONTHS);
      actual[is_revenue (f, i) ? 0 : 1] += period_actual (f, i, through);
    }
  for (guint m = 0; m < through; m++)
    actual[1] += f->unallocated[m];
}

static void
choose_period (Fixture *f,
               guint    item)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (PAGE_CHILD (f, "period_drop")), item);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
}

/* Checks every line's and the totals' figures for January through @through. */
static void
check_period (Fixture *f,
              guint    through)
{
  SpMoney budget[2], actual[2];

  assert_int_equal (sp_follow_up_page_get_through_month (f->page), through);
  for (guint i = 0; i < n_lines (f); i++)
    {
      SpMoney b = period_budget (f, i, through, SP_FOLLOW_UP_ALL_MONTHS);
      SpMoney a = period_actual (f, i, through);
      SpMoney deviation = is_revenue (f, i) ? a - b : b - a;
      g_autofree char *bt = fmt (b), *at = fmt (a), *dt = fmt (deviation);
      g_autofree char *pt = percent (deviation, b);

      if (!f->has_actual[i])
        continue;
      assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), bt);
      assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_ACTUAL), at);
      assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_DEVIATION), dt);
      assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT), pt);
    }

  independent_totals (f, through, budget, actual);
  {
    g_autofree char *rb = fmt (budget[0]), *ra = fmt (actual[0]);
    g_autofree char *cb = fmt (budget[1]), *ca = fmt (actual[1]);
    g_autofree char *resb = fmt (budget[0] - budget[1]), *resa = fmt (actual[0] - actual[1]);
    g_autofree char *resd = fmt ((actual[0] - actual[1]) - (budget[0] - budget[1]));
    g_autofree char *cd = fmt (budget[1] - actual[1]);

    assert_string_equal (total_text (f, SP_BUDGET_ROW_REVENUE, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), rb);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_REVENUE, SP_FOLLOW_UP_TABLE_ACTUAL), ra);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_COSTS, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), cb);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_COSTS, SP_FOLLOW_UP_TABLE_ACTUAL), ca);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_COSTS, SP_FOLLOW_UP_TABLE_DEVIATION), cd);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_RESULT, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), resb);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_RESULT, SP_FOLLOW_UP_TABLE_ACTUAL), resa);
    assert_string_equal (total_text (f, SP_BUDGET_ROW_RESULT, SP_FOLLOW_UP_TABLE_DEVIATION), resd);
  }

  /* The account without a line is shown with its actuals. */
  {
    SpMoney sum = 0;
    g_autofree char *text = NULL;

    for (guint m = 0; m < through; m++)
      sum += f->unallocated[m];
    text = fmt (sum);
    assert_string_equal (sp_follow_up_table_get_cell_text (
                           cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, 0, f->unallocated_account),
                                    SP_FOLLOW_UP_TABLE_ACTUAL)), text);
  }
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_follow_up_page_new (), 1500, 2000);
  f->db = f->gui->db;
  f->window = f->gui->window;
  f->page = SP_FOLLOW_UP_PAGE (f->gui->page);
  f->lines = sp_budget_line_list_new (f->db, YEAR);
  assert_true (n_lines (f) > 0 && n_lines (f) <= MAX_LINES);

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

/* SP_FOLLOW_UP_SCREENSHOT=FILE.png: a picture of the window at the default
 * size; SP_FOLLOW_UP_SCREENSHOT_SECTION: of a section (chart, comments). */
static void
save_screenshot (Fixture *f)
{
  const char *path = g_getenv ("SP_FOLLOW_UP_SCREENSHOT");
  const char *section = g_getenv ("SP_FOLLOW_UP_SCREENSHOT_SECTION");

  if (path == NULL)
    return;
  if (section != NULL && *section == '\0')
    section = NULL;
  if (g_getenv ("SP_FOLLOW_UP_SCREENSHOT_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (section != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), section);
  gtk_window_set_default_size (f->window, 1100, 660);
  gtk_widget_set_size_request (GTK_WIDGET (f->window), -1, -1);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (sp_test_gui_save_png (GTK_WIDGET (f->window), path));
  if (section != NULL)
    gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), "table");
  gtk_window_set_default_size (f->window, 1500, 2000);
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
}

/* ---- Tests -------------------------------------------------------------- */

/* Without actuals the page says how to get them; with them it starts at their last month. */
static void
test_empty_then_actuals (void **state)
{
  Fixture *f = *state;

  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "content_stack"))), "empty");
  assert_true (gtk_widget_get_visible (PAGE_CHILD (f, "import_button")));
  assert_string_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (PAGE_CHILD (f, "import_button"))),
                       "win.import-sie");

  write_actuals (f);
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "content_stack"))), "content");
  /* Actuals run through August: the period starts there. */
  assert_int_equal (sp_follow_up_page_get_through_month (f->page), 8);
  assert_int_equal (gtk_drop_down_get_selected (GTK_DROP_DOWN (PAGE_CHILD (f, "period_drop"))), 1);
  save_screenshot (f);

  /* A year without a plan: no table, no import. */
  sp_follow_up_page_set_year (f->page, YEAR + 40);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "content_stack"))), "empty");
  assert_false (gtk_widget_get_visible (PAGE_CHILD (f, "import_button")));
}

/* January–April, January–August, a month and the year: every figure as computed here. */
static void
test_periods (void **state)
{
  Fixture *f = *state;

  write_actuals (f);
  check_period (f, 8);
  choose_period (f, 0);
  check_period (f, 4);
  choose_period (f, 1);
  check_period (f, 8);
  choose_period (f, 2 + 6);
  check_period (f, 6);
  choose_period (f, 2);
  check_period (f, 12);
}

/* The members' contributions are titled by their payer, as on the budget
 * page: the state's one paying member, the region's, the municipalities
 * together; the account is in the account column and its tooltip. */
static void
test_contribution_titles (void **state)
{
  Fixture *f = *state;
  static const struct { guint account; const char *kind; } payers[] = {
    { 3510, "state" }, { 3520, "region" }, { 3530, "municipality" },
  };

  write_actuals (f);
  for (guint i = 0; i < G_N_ELEMENTS (payers); i++)
    {
      SpFollowUpRow *row = find_row (f, SP_BUDGET_ROW_LINE, 0, payers[i].account);
      g_autofree char *count = g_strdup_printf ("SELECT count(*) FROM member WHERE kind = '%s' AND pays_own_share",
                                                payers[i].kind);
      g_autofree char *name = g_strdup_printf ("SELECT name FROM member WHERE kind = '%s' AND pays_own_share",
                                               payers[i].kind);
      g_autofree char *account = g_strdup_printf ("SELECT name FROM account WHERE number = %u", payers[i].account);
      g_autofree char *account_name = sp_test_query_text (f->db, account);
      /* Several members of a kind: all of them ("Kommunerna"). */
      g_autofree char *payer = sp_test_query_int (f->db, count) == 1 ? sp_test_query_text (f->db, name)
                                                                     : g_strdup ("Kommunerna");
      GtkWidget *text = cell_of (f, row, SP_FOLLOW_UP_TABLE_TEXT);
      GtkWidget *number = cell_of (f, row, SP_FOLLOW_UP_TABLE_ACCOUNT);
      GtkWidget *label = sp_test_gui_find_label (GTK_WIDGET (TABLE (f)), payer);
      g_autofree char *number_text = g_strdup_printf ("%u", payers[i].account);

      assert_string_equal (sp_follow_up_table_get_cell_text (text), payer);
      assert_non_null (label);
      assert_true (gtk_widget_get_mapped (text));
      assert_string_equal (sp_follow_up_table_get_cell_text (number), number_text);
      assert_string_equal (gtk_widget_get_tooltip_text (number), account_name);
    }
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (TABLE (f)), "Försäkringskassan"));
}

/* A typed forecast is stored, changes the result's forecast, is undone and cleared. */
static void
test_forecast (void **state)
{
  Fixture *f = *state;
  guint i = 0;
  gint64 id;
  GtkWidget *cell;
  SpHistory *history = sp_database_get_history (f->db);
  g_autofree char *sql = NULL;
  g_autofree char *budget_text = NULL;
  SpMoney revenue = 0, costs = 0;

  write_actuals (f);
  while (i < n_lines (f) && is_revenue (f, i))
    i++;
  assert_true (i < n_lines (f));
  id = sp_record_get_id (SP_RECORD (line_at (f, i)));
  sql = g_strdup_printf ("SELECT forecast FROM budget_line_follow_up WHERE line_id = %" G_GINT64_FORMAT, id);

  /* Before: the year's budget, shown dim as what it is. */
  cell = cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), SP_FOLLOW_UP_TABLE_FORECAST);
  budget_text = sp_money_format (year_budget (f, i), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT);
  assert_string_equal (sp_follow_up_table_get_cell_text (cell), budget_text);
  assert_true (gtk_widget_has_css_class (GTK_WIDGET (sp_follow_up_table_get_cell_entry (cell)), "dim-label"));

  /* Typed as a user would, Enter stores it. */
  gtk_widget_grab_focus (GTK_WIDGET (sp_follow_up_table_get_cell_entry (cell)));
  gtk_editable_set_text (sp_follow_up_table_get_cell_entry (cell), "1 234 567");
  g_signal_emit_by_name (sp_follow_up_table_get_cell_entry (cell), "activate");
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_int_equal (sp_test_query_int (f->db, sql), G_GINT64_CONSTANT (123456700));
  cell = cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), SP_FOLLOW_UP_TABLE_FORECAST);
  assert_false (gtk_widget_has_css_class (GTK_WIDGET (sp_follow_up_table_get_cell_entry (cell)), "dim-label"));

  /* The result's forecast: the other lines' budgets, the contributions and
   * this forecast, computed here. */
  revenue += contributions_through (f, 12);
  for (guint j = 0; j < n_lines (f); j++)
    {
      SpMoney amount = j == i ? G_GINT64_CONSTANT (123456700) : year_budget (f, j);
      if (is_revenue (f, j))
        revenue += amount;
      else
        costs += amount;
    }
  {
    g_autofree char *result = fmt (revenue - costs);
    g_autofree char *deviation = fmt (year_budget (f, i) - G_GINT64_CONSTANT (123456700));

    assert_string_equal (total_text (f, SP_BUDGET_ROW_RESULT, SP_FOLLOW_UP_TABLE_FORECAST), result);
    assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_FORECAST_DEVIATION), deviation);
  }

  /* What is not an amount is refused, and says why; nothing is stored. */
  cell = cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), SP_FOLLOW_UP_TABLE_FORECAST);
  gtk_editable_set_text (sp_follow_up_table_get_cell_entry (cell), "tolv");
  assert_false (sp_follow_up_table_commit_cell (cell));
  assert_true (gtk_widget_get_visible (PAGE_CHILD (f, "error_label")));
  assert_int_equal (sp_test_query_int (f->db, sql), G_GINT64_CONSTANT (123456700));
  gtk_editable_set_text (sp_follow_up_table_get_cell_entry (cell), "1 234 567");
  assert_true (sp_follow_up_table_commit_cell (cell));

  /* Undo: the budget again. */
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (sp_test_query_int (f->db, sql) == G_MININT64);
  assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_FORECAST), budget_text);

  /* Redo, then the clear button: the budget again, and undoable. */
  assert_true (sp_history_redo (history, NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_int_equal (sp_test_query_int (f->db, sql), G_GINT64_CONSTANT (123456700));
  cell = cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), SP_FOLLOW_UP_TABLE_FORECAST);
  {
    GtkWidget *clear = sp_test_gui_find_widget (cell, GTK_TYPE_BUTTON);

    assert_non_null (clear);
    assert_true (gtk_widget_get_visible (clear));
    g_signal_emit_by_name (clear, "clicked");
  }
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (sp_test_query_int (f->db, sql) == G_MININT64);
  assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_FORECAST), budget_text);
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A line's budget in chosen months: the popover's checks, stored, and the period's budget follows. */
static void
test_months (void **state)
{
  Fixture *f = *state;
  guint i = 0;
  gint64 id;
  GtkWidget *cell, *button, *popover;
  GtkWidget *checks[12];
  guint n = 0;
  g_autofree char *sql = NULL;

  write_actuals (f);
  while (i < n_lines (f) && (!f->has_actual[i] || year_budget (f, i) == 0))
    i++;
  assert_true (i < n_lines (f));
  id = sp_record_get_id (SP_RECORD (line_at (f, i)));
  sql = g_strdup_printf ("SELECT months FROM budget_line_follow_up WHERE line_id = %" G_GINT64_FORMAT, id);
  choose_period (f, 0);

  cell = cell_of (f, find_row (f, SP_BUDGET_ROW_LINE, id, 0), SP_FOLLOW_UP_TABLE_MONTHS);
  assert_string_equal (sp_follow_up_table_get_cell_text (cell), "Jämnt");
  button = sp_test_gui_find_widget (cell, GTK_TYPE_MENU_BUTTON);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  assert_non_null (popover);
  sp_test_gui_wait_until (popover_shown, popover, "the months' popover to show");
  for (GtkWidget *w = sp_test_gui_find_widget (popover, GTK_TYPE_GRID); w != NULL && n == 0; w = NULL)
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_CHECK_BUTTON (c))
        checks[n++] = c;
  assert_int_equal (n, 12);
  for (guint m = 0; m < 12; m++)
    assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (checks[m])));

  /* July–December only: each click is stored. */
  for (guint m = 0; m < 6; m++)
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (checks[m]), FALSE);
      sp_test_gui_spin ();
    }
  assert_int_equal (sp_test_query_int (f->db, sql), 0xfc0);
  gtk_popover_popdown (GTK_POPOVER (popover));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_MONTHS), "6 månader");
  assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), "0");

  choose_period (f, 1);
  {
    g_autofree char *expected = fmt (period_budget (f, i, 8, 0xfc0));
    assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET), expected);
  }
  /* The year's budget stays what it is. */
  {
    g_autofree char *expected = fmt (year_budget (f, i));
    assert_string_equal (line_text (f, i, SP_FOLLOW_UP_TABLE_YEAR_BUDGET), expected);
  }

  /* Undo, one click at a time: the last month comes back. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_int_equal (sp_test_query_int (f->db, sql), 0xfe0);
}

/* The chart: cumulative costs of the year and of an area, and words for them. */
static void
test_chart (void **state)
{
  Fixture *f = *state;
  SpFollowUpChart *chart = SP_FOLLOW_UP_CHART (PAGE_CHILD (f, "chart"));
  GtkDropDown *scope = GTK_DROP_DOWN (PAGE_CHILD (f, "scope_drop"));
  SpMoney actual = 0, budget = 0;
  gint64 area = 0;
  g_autofree char *text = NULL;

  write_actuals (f);
  gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), "chart");
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));

  for (guint i = 0; i < n_lines (f); i++)
    if (!is_revenue (f, i))
      actual += period_actual (f, i, 8);
  for (guint m = 0; m < 8; m++)
    actual += f->unallocated[m];
  assert_int_equal (sp_follow_up_chart_get_cumulative (chart, 8, TRUE), actual);
  text = sp_money_format (actual, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  assert_non_null (strstr (sp_follow_up_chart_get_description (chart), text));

  /* The first area: its costs alone. */
  assert_true (g_list_model_get_n_items (gtk_drop_down_get_model (scope)) > 1);
  gtk_drop_down_set_selected (scope, 1);
  sp_test_gui_spin ();
  for (guint i = 0; i < n_lines (f) && area == 0; i++)
    if (!sp_budget_line_is_in_group (line_at (f, i)))
      area = sp_budget_line_get_area_id (line_at (f, i));
  actual = 0;
  for (guint i = 0; i < n_lines (f); i++)
    if (!is_revenue (f, i) && sp_budget_line_get_area_id (line_at (f, i)) == area &&
        !sp_budget_line_is_in_group (line_at (f, i)))
      {
        actual += period_actual (f, i, 8);
        budget += year_budget (f, i);
      }
  assert_int_equal (sp_follow_up_chart_get_cumulative (chart, 8, TRUE), actual);
  assert_int_equal (sp_follow_up_chart_get_cumulative (chart, 12, FALSE), budget);
}

/* The comments of the year and of an area are stored. */
static void
test_comments (void **state)
{
  Fixture *f = *state;
  GtkWidget *year_row = PAGE_CHILD (f, "year_comment_row");
  GtkWidget *areas = PAGE_CHILD (f, "areas_list");
  GtkWidget *area_row;
  g_autofree char *year_sql = g_strdup_printf ("SELECT follow_up_comment FROM plan_year WHERE year = %d", YEAR);
  g_autofree char *stored = NULL;

  write_actuals (f);
  /* The rows are made when the comments are first shown. */
  assert_null (gtk_widget_get_first_child (areas));
  gtk_stack_set_visible_child_name (GTK_STACK (PAGE_CHILD (f, "section_stack")), "comments");
  sp_test_gui_spin ();
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (year_row), "Kostnaderna ligger under budget.");
  g_signal_emit_by_name (year_row, "apply");
  stored = sp_test_query_text (f->db, year_sql);
  assert_string_equal (stored, "Kostnaderna ligger under budget.");

  area_row = gtk_widget_get_first_child (areas);
  assert_true (SP_IS_EDIT_TEXT_ROW (area_row));
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (area_row), "Projektet startade sent.");
  g_signal_emit_by_name (area_row, "apply");
  g_clear_pointer (&stored, g_free);
  stored = sp_test_query_text (f->db, "SELECT comment FROM area_follow_up");
  assert_string_equal (stored, "Projektet startade sent.");
}

/* In the real window: the page is in the switcher after Budget, a forecast
 * typed there is undone with the window's Ctrl+Z (win.undo). */
static gboolean
page_made (gpointer data)
{
  return sp_test_gui_find_widget (data, SP_TYPE_FOLLOW_UP_PAGE) != NULL;
}

static void
check_window (GtkWindow *window,
              gpointer   data)
{
  SpDatabase *db = sp_window_get_database (SP_WINDOW (window));
  AdwViewStack *stack = ADW_VIEW_STACK (sp_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(AdwViewStackPage) third = g_list_model_get_item (G_LIST_MODEL (pages), 2);
  GtkWidget *page, *table, *cell = NULL;
  GListModel *rows;
  SpFollowUpRow *row = NULL;
  g_autofree char *sql = NULL;

  assert_string_equal (adw_view_stack_page_get_name (third), "follow-up");
  assert_string_equal (adw_view_stack_page_get_title (third), "Uppföljning");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "follow-up"));
  sp_test_gui_wait_until (page_made, window, "the follow-up page to be made");
  page = sp_test_gui_find_widget (GTK_WIDGET (window), SP_TYPE_FOLLOW_UP_PAGE);
  assert_int_equal (sp_follow_up_page_get_year (SP_FOLLOW_UP_PAGE (page)), YEAR);
  table = sp_test_gui_child (page, SP_TYPE_FOLLOW_UP_PAGE, "table");
  rows = sp_follow_up_table_get_rows (SP_FOLLOW_UP_TABLE (table));
  for (guint i = 0; i < g_list_model_get_n_items (rows) && row == NULL; i++)
    {
      g_autoptr(SpFollowUpRow) r = g_list_model_get_item (rows, i);
      if (sp_follow_up_row_get_kind (r) == SP_BUDGET_ROW_LINE && sp_follow_up_row_get_id (r) != 0)
        row = r;
    }
  assert_non_null (row);
  for (int i = 0; i < 20 && cell == NULL; i++)
    {
      sp_test_gui_wait_for_paint (GTK_WIDGET (window));
      cell = sp_follow_up_table_find_cell (SP_FOLLOW_UP_TABLE (table), row, SP_FOLLOW_UP_TABLE_FORECAST);
    }
  assert_non_null (cell);
  sql = g_strdup_printf ("SELECT forecast FROM budget_line_follow_up WHERE line_id = %" G_GINT64_FORMAT,
                         sp_follow_up_row_get_id (row));
  gtk_editable_set_text (sp_follow_up_table_get_cell_entry (cell), "250 000");
  assert_true (sp_follow_up_table_commit_cell (cell));
  assert_int_equal (sp_test_query_int (db, sql), G_GINT64_CONSTANT (25000000));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  sp_test_gui_spin ();
  assert_true (sp_test_query_int (db, sql) == G_MININT64);
  *(gboolean *) data = TRUE;
}

static void
test_window_undo (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);
  gboolean checked = FALSE;
  SpTestGuiAppRun run;
  char *message = NULL;

  assert_non_null (db);
  if (sqlite3_exec (sp_database_get_handle (db),
                    "INSERT INTO actual_month (year, month, account, area_id, amount) "
                    "SELECT year, 3, account, area_id, 100000 FROM budget_line WHERE year = " G_STRINGIFY (SP_EXAMPLE_YEAR),
                    NULL, NULL, &message) != SQLITE_OK)
    fail_msg ("%s", message);
  g_clear_object (&db);
  run = sp_test_gui_run_app (path, check_window, &checked);
  assert_false (run.timed_out);
  assert_true (run.checked);
  assert_true (checked);
  sp_test_remove_tree (dir);
}

/* How many sheets an .xlsx file holds: the names of its parts are stored
 * as they are in the zip's headers, twice each. */
static guint
count_sheets (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const char *needle = "xl/worksheets/sheet";
  guint n = 0;

  assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      n++;
  return n / 2;
}

static const char *
combo_text (AdwComboRow *row,
            guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (row), position);

  return gtk_string_object_get_string (item);
}

/* The export dialog offers the follow-up sheet through the last month with
 * actuals, for the treasurer's workbook only, and "Ingen" for a year
 * without; the chosen period adds the sheet. */
static void
check_export_dialog (GtkWindow *window,
                     gpointer   data)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GError) error = NULL;
  SpExportDialog *dialog;
  AdwComboRow *row;
  GtkCheckButton *treasurer;
  GtkSpinButton *year;
  g_autofree char *treasurer_path = NULL;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = SP_EXPORT_DIALOG (sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG));
  assert_non_null (dialog);
  row = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "follow_up_row");
  treasurer = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "treasurer_check");
  year = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "year_spin");

  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "_Uppföljning t.o.m.");
  assert_int_equal (g_list_model_get_n_items (adw_combo_row_get_model (row)), 13);
  assert_string_equal (combo_text (row, 0), "Ingen");
  assert_string_equal (combo_text (row, 12), "december");
  /* The actuals reach March. */
  assert_int_equal (adw_combo_row_get_selected (row), 3);
  assert_string_equal (combo_text (row, adw_combo_row_get_selected (row)), "mars");

  /* Only with the treasurer's workbook. */
  gtk_check_button_set_active (treasurer, FALSE);
  assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row)));
  gtk_check_button_set_active (treasurer, TRUE);
  assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row)));

  /* A year without actuals: none; back, and the last month again. */
  gtk_spin_button_set_value (year, YEAR + 1);
  assert_int_equal (adw_combo_row_get_selected (row), 0);
  gtk_spin_button_set_value (year, YEAR);
  assert_int_equal (adw_combo_row_get_selected (row), 3);

  gtk_check_button_set_active (sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "pdf_check"), FALSE);
  sp_export_dialog_set_folder (dialog, dir);
  written = sp_export_dialog_export (dialog, &error);
  assert_null (error);
  assert_non_null (written);
  treasurer_path = g_strdup (g_ptr_array_index (written, 0));
  assert_non_null (strstr (treasurer_path, "Kassör"));
  {
    guint with_sheet = count_sheets (treasurer_path);

    adw_combo_row_set_selected (row, 0);
    without = sp_export_dialog_export (dialog, &error);
    assert_null (error);
    assert_non_null (without);
    assert_int_equal (count_sheets (treasurer_path), with_sheet - 1);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_remove_tree (dir);
  *(gboolean *) data = TRUE;
}

static void
test_export_dialog (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);
  gboolean checked = FALSE;
  SpTestGuiAppRun run;
  char *message = NULL;

  assert_non_null (db);
  if (sqlite3_exec (sp_database_get_handle (db),
                    "INSERT INTO actual_month (year, month, account, area_id, amount) "
                    "SELECT year, 3, account, area_id, 100000 FROM budget_line WHERE year = " G_STRINGIFY (SP_EXAMPLE_YEAR),
                    NULL, NULL, &message) != SQLITE_OK)
    fail_msg ("%s", message);
  g_clear_object (&db);
  run = sp_test_gui_run_app (path, check_export_dialog, &checked);
  assert_false (run.timed_out);
  assert_true (run.checked);
  assert_true (checked);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_empty_then_actuals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_periods, setup, teardown),
    cmocka_unit_test_setup_teardown (test_forecast, setup, teardown),
    cmocka_unit_test_setup_teardown (test_months, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contribution_titles, setup, teardown),
    cmocka_unit_test_setup_teardown (test_chart, setup, teardown),
    cmocka_unit_test_setup_teardown (test_comments, setup, teardown),
    cmocka_unit_test (test_window_undo),
    cmocka_unit_test (test_export_dialog),
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

  return cmocka_run_group_tests_name ("follow-up-page", tests, NULL, NULL);
}
