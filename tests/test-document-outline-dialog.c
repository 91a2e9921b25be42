/* test-document-outline-dialog.c: the parts of the year's document, chosen in their dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens "Document Contents…" from the Operational Plan page with the example
 * förbund, leaves a chapter out, moves one, types the closing line, saves
 * and reads the year back from the database.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "sp-example.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-document-outline-dialog.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-plan-status-bar.h"

typedef struct {
  SpTestGui  *gui;
  SpDatabase *db;
  SpPlanPage *page;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_plan_page_new (), 1000, 700);
  f->db = f->gui->db;
  f->page = SP_PLAN_PAGE (f->gui->page);
  assert_non_null (f->db);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  sp_test_gui_stop (f->gui);
  g_free (f);
  return 0;
}

static GtkWidget *
open_dialog (Fixture *f)
{
  GtkWidget *status = sp_test_gui_child (f->page, SP_TYPE_PLAN_PAGE, "status");
  GtkWidget *dialog;

  assert_true (gtk_widget_activate_action (status, "plan.document-outline", NULL));
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_toplevel (SP_TYPE_DOCUMENT_OUTLINE_DIALOG);
  assert_non_null (dialog);
  return dialog;
}

/* The row of the part titled @title. */
static GtkWidget *
find_part_row (GtkWidget  *dialog,
               const char *title)
{
  GtkListBox *list = sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "parts_list");
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return GTK_WIDGET (row);
  g_error ("no row “%s”", title);
}

static void
test_choose_parts (void **state)
{
  Fixture *f = *state;
  GtkWidget *dialog = open_dialog (f);
  GtkWidget *row = find_part_row (dialog, "Medlemsavgifter");
  GtkWidget *check = sp_test_gui_find_widget (row, GTK_TYPE_CHECK_BUTTON);
  GtkWidget *up;
  g_autofree char *stored = NULL;
  g_autofree char *closing = NULL;

  assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);

  /* Projects one step up, before the contributions. */
  row = find_part_row (dialog, "Projekt");
  up = sp_test_gui_find_widget (row, GTK_TYPE_BUTTON);
  assert_true (gtk_widget_get_sensitive (up));
  g_signal_emit_by_name (up, "clicked");
  sp_test_gui_spin ();

  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "place_row"), "Kramfors");
  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "signer_row"),
                         "Åke Johansson");
  g_signal_emit_by_name (sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "save_button"), "clicked");
  sp_test_gui_spin ();
  assert_null (sp_test_gui_find_toplevel (SP_TYPE_DOCUMENT_OUTLINE_DIALOG));

  stored = sp_test_query_text (f->db, "SELECT document_outline FROM plan_year WHERE year = 2009");
  assert_true (g_str_has_suffix (stored, ",goals,budget,projects,-contributions"));
  closing = sp_test_query_text (f->db, "SELECT closing_place || '|' || closing_signer FROM plan_year WHERE year = 2009");
  assert_string_equal (closing, "Kramfors|Åke Johansson");
  assert_string_equal (sp_history_get_undo_label (sp_database_get_history (f->db)), "Ändra dokumentets innehåll");
}

/* A year adopted while the dialog is open: the dialog says so, nothing is stored. */
static void
test_adopted_refused (void **state)
{
  Fixture *f = *state;
  GtkWidget *dialog = open_dialog (f);
  GtkLabel *problem = sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "problem_label");
  g_autofree char *stored = NULL;

  gtk_editable_set_text (sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "place_row"), "Kramfors");
  assert_true (sp_plan_year_adopt (f->db, 2009, "2008-12-12", "§ 45", NULL));
  sp_test_gui_spin ();
  g_signal_emit_by_name (sp_test_gui_child (dialog, SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "save_button"), "clicked");
  sp_test_gui_spin ();
  assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  assert_true (strlen (gtk_label_get_text (problem)) > 0);
  stored = sp_test_query_text (f->db, "SELECT closing_place FROM plan_year WHERE year = 2009");
  assert_string_equal (stored, "");
  gtk_window_close (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_choose_parts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_refused, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("document-outline-dialog", tests, NULL, NULL);
}
