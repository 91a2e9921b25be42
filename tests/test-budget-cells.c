/* test-budget-cells.c: the budget table's cells across a rebuild of the table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line's text cell is being edited when a line is added (or the addition
 * undone): the table makes its rows anew, and no handler of the old cells
 * may outlive them. The tests run with G_DEBUG=fatal-criticals, so a use of
 * a freed controller or label aborts them. A paste with a zero byte in it
 * is refused whole. Runs in Swedish.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>

#include "sp-budget.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-budget-cell.h"
#include "ui/sp-budget-line-dialog.h"
#include "ui/sp-budget-page.h"
#include "ui/sp-budget-row.h"
#include "ui/sp-budget-text-cell.h"
#include "ui/sp-search-drop-down.h"

#define YEAR SP_EXAMPLE_YEAR

typedef struct {
  SpTestGui    *gui;
  SpDatabase   *db;
  SpBudgetPage *page;
  SpRecordList *lines;
} Fixture;

/* ---- Helpers ------------------------------------------------------------ */

/* The mapped text cell under @root of the line @id, or NULL. */
static SpBudgetTextCell *
find_text_cell (GtkWidget *root,
                gint64     id)
{
  if (SP_IS_BUDGET_TEXT_CELL (root) && gtk_widget_get_mapped (root) &&
      sp_budget_text_cell_get_kind (SP_BUDGET_TEXT_CELL (root)) == SP_BUDGET_TEXT_CELL_TEXT)
    {
      SpBudgetRow *row = sp_budget_text_cell_get_row (SP_BUDGET_TEXT_CELL (root));

      if (row != NULL && sp_budget_row_get_kind (row) == SP_BUDGET_ROW_LINE && sp_budget_row_get_id (row) == id)
        return SP_BUDGET_TEXT_CELL (root);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SpBudgetTextCell *found = find_text_cell (c, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The mapped amount cell under @root of the line @id in @column, or NULL. */
static SpBudgetCell *
find_amount_cell (GtkWidget      *root,
                  gint64          id,
                  SpBudgetColumn  column)
{
  if (SP_IS_BUDGET_CELL (root) && gtk_widget_get_mapped (root))
    {
      SpBudgetRow *row = sp_budget_cell_get_row (SP_BUDGET_CELL (root));

      if (row != NULL && sp_budget_row_get_kind (row) == SP_BUDGET_ROW_LINE && sp_budget_row_get_id (row) == id &&
          sp_budget_cell_get_column (SP_BUDGET_CELL (root)) == column)
        return SP_BUDGET_CELL (root);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      SpBudgetCell *found = find_amount_cell (c, id, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_error (gpointer data)
{
  return gtk_widget_has_css_class (GTK_WIDGET (data), "error");
}

static gint64
line_id (Fixture *f,
         guint    i)
{
  g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (f->lines), i);

  assert_non_null (line);
  return sp_record_get_id (SP_RECORD (line));
}

static gboolean
is_editing (gpointer data)
{
  return gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (data));
}

/* Clicks the text of the line @id twice, as a user who wants to change it:
 * the first click selects the row, the second starts the edit. Returns the
 * label, being edited. */
static GtkEditableLabel *
click_text_twice (Fixture *f,
                  gint64   id)
{
  SpBudgetTextCell *cell = find_text_cell (GTK_WIDGET (f->page), id);
  GtkEditableLabel *label;

  assert_non_null (cell);
  label = GTK_EDITABLE_LABEL (sp_test_gui_find_widget (GTK_WIDGET (cell), GTK_TYPE_EDITABLE_LABEL));
  assert_non_null (label);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  for (int click = 0; click < 2; click++)
    {
      gtk_widget_grab_focus (GTK_WIDGET (label));
      gtk_widget_activate_action (GTK_WIDGET (label), "editing.start", NULL);
      sp_test_gui_wait_for_paint (GTK_WIDGET (label));
    }
  sp_test_gui_wait_until (is_editing, label, "the text cell to be edited");
  return label;
}

/* "Lägg till rad", a text typed into the dialog, "Lägg till". */
static void
add_line (Fixture    *f,
          const char *text)
{
  AdwMessageDialog *dialog;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "budget.add-line", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
  /* The dialog starts on no account: a cost account is chosen, as a user must. */
  sp_search_drop_down_set_selected (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "account_drop_down"), 7);
  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_BUDGET_LINE_DIALOG, "text_entry"), text);
  assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->page));
}

static gboolean
has_line (Fixture    *f,
          const char *text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->lines));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (f->lines), i);
      if (g_strcmp0 (sp_budget_line_get_text (line), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_budget_page_new (), 1400, 900);
  f->db = f->gui->db;
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

/* ---- Tests -------------------------------------------------------------- */

/* A line added while a text is being edited, then undone: the table is
 * rebuilt twice under the edit, without a word from GTK, and the text edited
 * is the one stored. */
static void
test_add_while_editing_text (void **state)
{
  Fixture *f = *state;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->lines));
  gint64 id = line_id (f, 1);
  g_autofree char *before = NULL;
  GtkEditableLabel *label;

  {
    g_autoptr(SpBudgetLine) line = sp_budget_line_load (f->db, id, NULL);
    before = g_strdup (sp_budget_line_get_text (line));
  }
  label = click_text_twice (f, id);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (label)), before);

  add_line (f, "Telefon");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->lines)), n + 1);
  assert_true (has_line (f, "Telefon"));

  /* Ctrl+Z, as the window does it, then a second edit and another line. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->page));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->lines)), n);
  assert_false (has_line (f, "Telefon"));

  label = click_text_twice (f, id);
  add_line (f, "Porto");
  assert_true (has_line (f, "Porto"));
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->page));

  /* The text edited was never changed. */
  {
    g_autoptr(SpBudgetLine) line = sp_budget_line_load (f->db, id, NULL);
    assert_string_equal (sp_budget_line_get_text (line), before);
  }
}

/* Pasting "123", a zero byte and "456" into an amount: refused with a word,
 * never stored as 123. */
static void
test_paste_nul (void **state)
{
  Fixture *f = *state;
  gint64 id = line_id (f, 1);
  SpBudgetCell *cell = find_amount_cell (GTK_WIDGET (f->page), id, SP_BUDGET_COLUMN_BUDGET);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("123\000456", 7);
  g_autoptr(GdkContentProvider) provider = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
  g_autoptr(SpBudgetLine) before = sp_budget_line_load (f->db, id, NULL);
  g_autoptr(SpBudgetLine) after = NULL;
  g_autofree char *shown = NULL;
  GtkEditable *entry;
  const char *tooltip;

  assert_non_null (cell);
  entry = sp_budget_cell_get_entry (cell);
  shown = g_strdup (gtk_editable_get_text (entry));
  assert_true (gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (cell)), provider));
  gtk_widget_grab_focus (GTK_WIDGET (entry));
  g_signal_emit_by_name (gtk_editable_get_delegate (entry), "paste-clipboard");
  sp_test_gui_wait_until (has_error, entry, "the paste to be refused");

  tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (entry));
  assert_non_null (tooltip);
  assert_non_null (strstr (tooltip, "NUL"));
  assert_non_null (strstr (tooltip, "123"));
  assert_string_equal (gtk_editable_get_text (entry), shown);
  after = sp_budget_line_load (f->db, id, NULL);
  assert_true (sp_budget_line_get_amount (after, SP_BUDGET_COLUMN_BUDGET) ==
               sp_budget_line_get_amount (before, SP_BUDGET_COLUMN_BUDGET));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add_while_editing_text, setup, teardown),
    cmocka_unit_test_setup_teardown (test_paste_nul, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("budget-cells", tests, NULL, NULL);
}
