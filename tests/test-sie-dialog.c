/* test-sie-dialog.c: the SIE dialog's months and its choices for the
 * ledger's objects (issue 19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the dialog with the example förbund (2009) on a file whose vouchers
 * of March–August are booked on a cost centre and a project, chooses an
 * activity area and a project in the objects' rows as a user does, imports,
 * and reads the monthly actuals back from the database.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>

#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-plan-page.h"
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

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_object_choices, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("sie-dialog", tests, NULL, NULL);
}
