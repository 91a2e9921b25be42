/* test-long-input.c: very long texts: typed into a date, exported to Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 1 000 characters typed into the date of a board decision are refused with
 * a Swedish message that quotes only their start: the window keeps its
 * width, the tooltip does not carry the whole text, and nothing is stored.
 * A text too long for an Excel cell is exported cut, and the export dialog
 * says where. Runs in Swedish.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-project.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-export-dialog.h"
#include "ui/sp-portfolio-page.h"
#include "ui/sp-project-editor.h"

typedef struct {
  SpTestGui       *gui;
  SpDatabase      *db;
  GtkWidget       *window;
  SpPortfolioPage *page;
} Fixture;

static GtkWidget *
get (Fixture    *f,
     const char *name)
{
  GtkWidget *widget = sp_test_gui_find_named (GTK_WIDGET (f->page), name);

  if (widget == NULL)
    fail_msg ("no widget named %s", name);
  return widget;
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = get (f, name);

  assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sp_test_gui_spin ();
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_portfolio_page_new (), 1000, 700);
  f->db = f->gui->db;
  f->window = GTK_WIDGET (f->gui->window);
  f->page = SP_PORTFOLIO_PAGE (f->gui->page);
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

static void
test_long_date (void **state)
{
  Fixture *f = *state;
  AdwMessageDialog *dialog;
  g_autoptr(SpProject) before = NULL;
  g_autoptr(SpProject) after = NULL;
  const char *tooltip;
  g_autofree char *long_text = g_strnfill (1000, '9');
  const char *message;
  int width;
  gint64 id;

  /* A new application, to grant. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.new", NULL));
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  gtk_editable_set_text (GTK_EDITABLE (sp_test_gui_find_named (GTK_WIDGET (dialog), "new_project_entry")),
                         "Långa datum");
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
  before = g_object_ref (sp_project_editor_get_project (SP_PROJECT_EDITOR (get (f, "project_editor"))));
  id = sp_record_get_id (SP_RECORD (before));
  sp_test_gui_wait_for_paint (f->window);
  width = gtk_widget_get_width (f->window);

  click (f, "grant_button");
  gtk_editable_set_text (GTK_EDITABLE (get (f, "decision_date_entry")), long_text);
  click (f, "decision_apply_button");
  sp_test_gui_wait_for_paint (f->window);
  sp_test_gui_wait_for_paint (f->window);

  /* Refused in Swedish, quoting the start only; nothing stored. */
  assert_true (gtk_widget_get_visible (get (f, "decision_error_label")));
  message = gtk_label_get_text (GTK_LABEL (get (f, "decision_error_label")));
  assert_non_null (strstr (message, "inget datum"));
  assert_non_null (strstr (message, "1000") != NULL ? strstr (message, "1000") : strstr (message, "1 000"));
  assert_null (strstr (message, long_text + 900));
  tooltip = gtk_widget_get_tooltip_text (get (f, "decision_date_entry"));
  assert_non_null (tooltip);
  assert_true (g_utf8_strlen (tooltip, -1) < 300);
  after = sp_project_load (f->db, id, NULL);
  assert_int_equal (sp_project_get_status (after), sp_project_get_status (before));

  /* The window keeps its width. */
  assert_true (gtk_widget_get_width (f->window) <= width);
}

static gboolean
has_message_dialog (gpointer data)
{
  return sp_test_gui_find_dialog () != NULL;
}

/* A text over Excel's 32 767 characters: the export dialog writes the
 * workbooks and says which text was cut, where. */
static void
test_long_text_export (void **state)
{
  Fixture *f = *state;
  g_autofree char *out = g_build_filename (f->gui->dir, "ut", NULL);
  g_autoptr(GString) text = g_string_new ("Indikator utan slut: ");
  g_autoptr(GPtrArray) names = NULL;
  SpExportDialog *dialog;
  AdwMessageDialog *message;
  sqlite3_stmt *stmt = NULL;

  /* The core keeps texts under the limit; a file edited elsewhere need not. */
  while (text->len < 40000)
    g_string_append (text, "fler i arbete ");
  assert_int_equal (sqlite3_prepare_v2 (sp_database_get_handle (f->db),
                                        "UPDATE goal SET indicator = ?1 WHERE id = (SELECT min (id) FROM goal "
                                        "WHERE year IS NOT NULL)", -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text->str, -1, SQLITE_TRANSIENT);
  assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);

  assert_int_equal (g_mkdir (out, 0700), 0);
  dialog = sp_export_dialog_new (GTK_WINDOW (f->window), f->db, SP_EXAMPLE_YEAR, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  sp_export_dialog_set_folder (dialog, out);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  sp_test_gui_wait_until (has_message_dialog, NULL, "a message about the cut text");

  message = sp_test_gui_find_dialog ();
  assert_string_equal (adw_message_dialog_get_heading (message), "Några texter är avkortade i arbetsböckerna");
  assert_non_null (strstr (adw_message_dialog_get_body (message), "Bladet ”Mål”"));
  assert_non_null (strstr (adw_message_dialog_get_body (message), "Indikator utan slut"));
  /* Every workbook was written all the same, and the plan's PDF beside them. */
  names = sp_test_list_dir (out);
  {
    guint workbooks = 0, pdfs = 0;

    for (guint i = 0; i < names->len; i++)
      {
        const char *name = g_ptr_array_index (names, i);

        workbooks += g_str_has_suffix (name, ".xlsx");
        pdfs += g_str_has_suffix (name, ".pdf");
      }
    assert_int_equal (workbooks, 7);
    assert_int_equal (pdfs, 1);
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_long_date, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_text_export, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("long-input", tests, NULL, NULL);
}
