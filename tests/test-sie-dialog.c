/* test-sie-dialog.c: the SIE dialog's months and its choices for the
 * ledger's objects and for the accounts that stand for a project (issue 19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the dialog with the example förbund (2009) on a file whose vouchers
 * of March–August are booked on a cost centre and a project, chooses an
 * activity area and a project in the objects' rows as a user does, imports,
 * and reads the monthly actuals back from the database. Then, on a file
 * that books a project's money on an account of its own, ties the account
 * to the project in its row, imports with the Import button, and reads the
 * mapping, the monthly actuals and the project's payout back, and sees them
 * on the Projekt page; undoes; sees the choice again at the next import;
 * and cancels a change, which writes nothing.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>

#include "sp-history.h"
#include "sp-project-payout.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-portfolio-page.h"
#include "ui/sp-sie-dialog.h"

static const char books[] =
  "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Test\"\n#RAR 0 20090101 20091231\n"
  "#DIM 1 \"Kostnadsst\x84lle\"\n#DIM 6 \"Projekt\"\n"
  "#OBJEKT 1 \"10\" \"Kansli\"\n#OBJEKT 6 \"P1\" \"Steget\"\n"
  "#VER A 1 20090310 \"Tj\x84nster\"\n{\n#TRANS 4600 {1 \"10\"} 1000.00\n#TRANS 1930 {} -1000.00\n}\n"
  "#VER A 2 20090820 \"Tj\x84nster\"\n{\n#TRANS 4600 {6 \"P1\"} 500.00\n#TRANS 1930 {} -500.00\n}\n";

static int
setup (void **state)
{
  *state = sp_test_gui_start_page (sp_plan_page_new (), 1000, 700);
  return 0;
}

static int
setup_portfolio (void **state)
{
  *state = sp_test_gui_start_page (sp_portfolio_page_new (), 1200, 800);
  return 0;
}

static int
teardown (void **state)
{
  sp_test_gui_stop (*state);
  return 0;
}

/* The combo row under @root whose title is @title. */
static AdwComboRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_COMBO_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_COMBO_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The position of @label among a combo row's choices. */
static guint
find_choice (AdwComboRow *row,
             const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label))
      return i;
  fail_msg ("no choice “%s”", label);
  return 0;
}

typedef struct {
  GtkWidget  *dialog;
  const char *title;
} Gone;

static gboolean
row_gone (gpointer data)
{
  Gone *gone = data;
  return find_row (gone->dialog, gone->title) == NULL;
}

static void
choose (GtkWidget  *dialog,
        const char *title,
        const char *label)
{
  AdwComboRow *row = find_row (dialog, title);
  Gone gone = { dialog, title };

  assert_non_null (row);
  /* The row's title is its accessible name, without a mnemonic. */
  assert_null (strchr (title, '_'));
  adw_combo_row_set_selected (row, find_choice (row, label));
  sp_test_gui_wait_until (row_gone, &gone, title);
}

static void
test_object_choices (void **state)
{
  SpTestGui *gui = *state;
  g_autofree char *path = g_build_filename (gui->dir, "books.se", NULL);
  g_autofree char *area = sp_test_query_text (gui->db,
                                              "SELECT a.name FROM area a JOIN area_group g ON g.id = a.group_id"
                                              " WHERE g.year = 2009 AND NOT a.implicit ORDER BY a.id LIMIT 1");
  g_autofree char *project = sp_test_query_text (gui->db, "SELECT name FROM project ORDER BY id LIMIT 1");
  g_autofree char *area_choice = g_strdup_printf ("Verksamhetsområde: %s", area);
  g_autofree char *project_choice = g_strdup_printf ("Projekt: %s", project);
  g_autoptr(GError) error = NULL;
  SpSieDialog *dialog;

  assert_true (g_file_set_contents (path, books, -1, &error));
  dialog = sp_sie_dialog_new (gui->window, gui->db, path, 2009, &error);
  g_assert_no_error (error);
  assert_non_null (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 700, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));

  /* The months the file covers, in Swedish; both objects wait for a choice. */
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (dialog), "mars–augusti 2009"));
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (dialog), "Objekt utan verksamhetsområde eller projekt"));
  assert_non_null (find_row (GTK_WIDGET (dialog), "Kostnadsställe 10 Kansli"));
  assert_non_null (find_row (GTK_WIDGET (dialog), "Projekt P1 Steget"));
  if (g_getenv ("SAMPLAN_TEST_SCREENSHOTS") != NULL)
    {
      /* The objects' rows, scrolled into view, as a user sees them. */
      gtk_widget_grab_focus (GTK_WIDGET (find_row (GTK_WIDGET (dialog), "Projekt P1 Steget")));
      sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
      sp_test_gui_run_for (300);
      sp_test_gui_save_png (GTK_WIDGET (dialog), g_getenv ("SAMPLAN_TEST_SCREENSHOTS"));
    }

  choose (GTK_WIDGET (dialog), "Kostnadsställe 10 Kansli", area_choice);
  choose (GTK_WIDGET (dialog), "Projekt P1 Steget", project_choice);
  assert_null (sp_test_gui_find_label (GTK_WIDGET (dialog), "Objekt utan verksamhetsområde eller projekt"));
  /* Nothing is written before Import. */
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM sie_object_map"), 0);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM actual_month"), 0);

  assert_true (sp_sie_dialog_can_import (dialog));
  assert_true (sp_sie_dialog_import (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));

  assert_int_equal (sp_test_query_int (gui->db,
                                       "SELECT amount FROM actual_month m JOIN area a ON a.id = m.area_id"
                                       " WHERE m.year = 2009 AND m.month = 3 AND m.account = 4600"
                                       " AND a.name = (SELECT a.name FROM area a JOIN area_group g ON g.id = a.group_id"
                                       " WHERE g.year = 2009 AND NOT a.implicit ORDER BY a.id LIMIT 1)"),
                    100000);
  assert_int_equal (sp_test_query_int (gui->db,
                                       "SELECT amount FROM actual_month WHERE year = 2009 AND month = 8"
                                       " AND project_id = (SELECT min (id) FROM project)"),
                    50000);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM sie_object_map"), 2);

  /* The same file again: the choices are remembered, nothing to import. */
  dialog = sp_sie_dialog_new (gui->window, gui->db, path, 2009, &error);
  g_assert_no_error (error);
  assert_null (find_row (GTK_WIDGET (dialog), "Kostnadsställe 10 Kansli"));
  assert_false (sp_sie_dialog_can_import (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A project's money on an account of its own: 4600 "Projekt Steget",
 * 12 345 kr in March and 2 000 kr in August, no objects. */
static const char project_books[] =
  "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Test\"\n#RAR 0 20090101 20091231\n"
  "#KONTO 4600 \"Projekt Steget\"\n"
  "#VER A 1 20090310 \"Steget\"\n{\n#TRANS 4600 {} 12345.00\n#TRANS 1930 {} -12345.00\n}\n"
  "#VER A 2 20090820 \"Steget\"\n{\n#TRANS 4600 {} 2000.00\n#TRANS 1930 {} -2000.00\n}\n";

static SpSieDialog *
open_dialog (SpTestGui  *gui,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  SpSieDialog *dialog = sp_sie_dialog_new (gui->window, gui->db, path, 2009, &error);

  g_assert_no_error (error);
  assert_non_null (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 700, 900);
  gtk_window_present (GTK_WINDOW (dialog));
  sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
  return dialog;
}

typedef struct {
  GtkWidget  *root;
  const char *text;
} Shown;

static gboolean
label_shown (gpointer data)
{
  Shown *shown = data;
  return sp_test_gui_find_label (shown->root, shown->text) != NULL;
}

static gboolean
dialog_closed (gpointer data)
{
  return sp_test_gui_find_toplevel (SP_TYPE_SIE_DIALOG) == NULL;
}

static void
test_account_project (void **state)
{
  SpTestGui *gui = *state;
  g_autofree char *path = g_build_filename (gui->dir, "project.se", NULL);
  gint64 project_id = sp_test_query_int (gui->db,
                                         "SELECT p.id FROM project p JOIN project_grant g ON g.project_id = p.id"
                                         " AND g.year = 2009 ORDER BY p.id LIMIT 1");
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM project WHERE id = %" G_GINT64_FORMAT, project_id);
  g_autofree char *project = sp_test_query_text (gui->db, sql);
  g_autofree char *choice = g_strdup_printf ("Projekt: %s", project);
  g_autofree char *paid = sp_money_format (1434500, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  g_autoptr(GError) error = NULL;
  SpProjectPayout payout;
  Shown shown;
  SpSieDialog *dialog;
  AdwComboRow *row;
  AdwExpanderRow *expander;

  assert_true (project_id > 0);
  assert_true (g_file_set_contents (path, project_books, -1, &error));
  dialog = open_dialog (gui, path);

  /* The accounts of projects, closed while no account is tied to one. */
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (dialog), "Konton som hör till projekt"));
  expander = ADW_EXPANDER_ROW (sp_test_gui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW));
  assert_non_null (expander);
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)), "Projekt för varje konto");
  assert_string_equal (adw_expander_row_get_subtitle (expander), "Inget konto hör till ett projekt.");
  assert_false (adw_expander_row_get_expanded (expander));
  adw_expander_row_set_expanded (expander, TRUE);
  row = find_row (GTK_WIDGET (dialog), "4600 Projekt Steget");
  assert_non_null (row);
  assert_int_equal (adw_combo_row_get_selected (row), 0);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), 0),
                       "Inget projekt");

  /* The choice: the row stays (the focus with it); the changes say it. */
  adw_combo_row_set_selected (row, find_choice (row, choice));
  shown = (Shown) { GTK_WIDGET (dialog), "1 konto hör till ett projekt." };
  sp_test_gui_wait_until (label_shown, &shown, "the expander's subtitle");
  assert_ptr_equal (find_row (GTK_WIDGET (dialog), "4600 Projekt Steget"), row);
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (dialog), "1 kontos projekt sparas"));
  /* Nothing is written before Import. */
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM sie_account_map"), 0);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM actual_month"), 0);
  if (g_getenv ("SAMPLAN_TEST_SCREENSHOTS") != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (row));
      sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
      sp_test_gui_run_for (300);
      sp_test_gui_save_png (GTK_WIDGET (dialog), g_getenv ("SAMPLAN_TEST_SCREENSHOTS"));
    }

  /* Import, as the button does. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sie.import", NULL));
  sp_test_gui_wait_until (dialog_closed, NULL, "the dialog to close");
  assert_int_equal (sp_test_query_int (gui->db, "SELECT project_id FROM sie_account_map WHERE sie_account = '4600'"),
                    project_id);
  /* The account keeps its budget account (its own number), not "left out". */
  assert_int_equal (sp_test_query_int (gui->db, "SELECT account FROM sie_account_map WHERE sie_account = '4600'"),
                    4600);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT amount FROM actual WHERE year = 2009 AND account = 4600"),
                    1434500);
  assert_int_equal (sp_test_query_int (gui->db,
                                       "SELECT count(*) FROM actual_month WHERE year = 2009 AND project_id IS NULL"),
                    0);
  assert_true (sp_project_payout_get (gui->db, 2009, 3, project_id, &payout, &error));
  assert_int_equal (payout.paid, 1234500);
  assert_true (sp_project_payout_get (gui->db, 2009, 12, project_id, &payout, &error));
  assert_int_equal (payout.paid, 1434500);
  /* The Projekt page shows what was paid. */
  shown = (Shown) { gui->page, paid };
  sp_test_gui_wait_until (label_shown, &shown, "the payout on the Projekt page");

  /* Undo takes it all back; redo brings it again. */
  assert_true (sp_history_undo (sp_database_get_history (gui->db), &error));
  g_assert_no_error (error);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM sie_account_map"), 0);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT count(*) FROM actual_month"), 0);
  assert_true (sp_history_redo (sp_database_get_history (gui->db), &error));
  g_assert_no_error (error);
  assert_int_equal (sp_test_query_int (gui->db, "SELECT project_id FROM sie_account_map WHERE sie_account = '4600'"),
                    project_id);

  /* The next import shows the choice, open; nothing more to import. */
  dialog = open_dialog (gui, path);
  expander = ADW_EXPANDER_ROW (sp_test_gui_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW));
  assert_true (adw_expander_row_get_expanded (expander));
  assert_string_equal (adw_expander_row_get_subtitle (expander), "1 konto hör till ett projekt.");
  row = find_row (GTK_WIDGET (dialog), "4600 Projekt Steget");
  assert_int_equal (adw_combo_row_get_selected (row), find_choice (row, choice));
  assert_false (sp_sie_dialog_can_import (dialog));

  /* No project, then Cancel: nothing is written. */
  adw_combo_row_set_selected (row, 0);
  shown = (Shown) { GTK_WIDGET (dialog), "Inget konto hör till ett projekt." };
  sp_test_gui_wait_until (label_shown, &shown, "the expander's subtitle");
  assert_true (sp_sie_dialog_can_import (dialog));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  sp_test_gui_wait_until (dialog_closed, NULL, "the dialog to close");
  assert_int_equal (sp_test_query_int (gui->db, "SELECT project_id FROM sie_account_map WHERE sie_account = '4600'"),
                    project_id);
  assert_int_equal (sp_test_query_int (gui->db,
                                       "SELECT sum (amount) FROM actual_month WHERE year = 2009 AND project_id = "
                                       "(SELECT project_id FROM sie_account_map WHERE sie_account = '4600')"),
                    1434500);
  assert_string_equal (sp_history_get_undo_label (sp_database_get_history (gui->db)), "Läs in utfall");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_object_choices, setup, teardown),
    cmocka_unit_test_setup_teardown (test_account_project, setup_portfolio, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("sie-dialog", tests, NULL, NULL);
}
