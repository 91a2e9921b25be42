/* test-export-checks.c: the export dialog stops at a budget that does not add up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application on the example förbund whose frame is raised to
 * 4 800 000 kr while the revenue lines stay at 4 000 000 (issue 18): the
 * export dialog (Ctrl+E) lists the failed checks, asks before exporting,
 * writes nothing on "Avbryt" and everything on "Exportera ändå"; once the
 * budget adds up again it exports without asking.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>

#include "sp-example.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-export-dialog.h"
#include "ui/sp-window.h"

#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)

typedef struct {
  char *out;
} Run;

/* @text with the no-break spaces of Swedish amounts made plain. */
static char *
plain (const char *text)
{
  g_autoptr(GString) out = g_string_new (text);

  g_string_replace (out, "\u202f", " ", 0);
  g_string_replace (out, "\u00a0", " ", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return sp_test_gui_find_dialog () != NULL;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GPtrArray) names = sp_test_list_dir (dir);

  return names->len;
}

static gboolean
has_files (gpointer data)
{
  return count_files (data) > 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG) == NULL;
}

static SpExportDialog *
open_dialog (GtkWindow  *window,
             const char *out)
{
  SpExportDialog *dialog;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = SP_EXPORT_DIALOG (sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG));
  assert_non_null (dialog);
  sp_export_dialog_set_folder (dialog, out);
  sp_test_gui_spin ();
  return dialog;
}

static void
check_dialog (GtkWindow *window,
              gpointer   data)
{
  Run *run = data;
  SpDatabase *db = sp_window_get_database (SP_WINDOW (window));
  SpExportDialog *dialog = open_dialog (window, run->out);
  GtkWidget *group = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "checks_group");
  GtkLabel *label = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "checks_label");
  AdwMessageDialog *confirm;
  g_autofree char *listed = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) lines = NULL;

  /* The dialog lists what fails, in Swedish, with the amounts: the frame
   * raised by 800 000 kr raises the contributions, which are the revenue,
   * and nothing spends them. */
  assert_true (gtk_widget_get_visible (group));
  listed = plain (gtk_label_get_text (label));
  lines = g_strsplit (listed, "\n", -1);
  assert_int_equal (g_strv_length (lines), 1);
  assert_string_equal (lines[0], "2009: budgeten går inte ihop: intäkter − kostnader + använt eget kapital "
                                 "blir 800 000 kr.");

  /* Pictures on request, to look at. */
  if (g_getenv ("SP_EXPORT_CHECKS_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SP_EXPORT_CHECKS_SCREENSHOTS"), "dialog.png", NULL);

      sp_test_gui_wait_for_paint (GTK_WIDGET (dialog));
      sp_test_gui_save_png (GTK_WIDGET (dialog), png);
    }

  /* Export asks first; "Avbryt" writes nothing. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  sp_test_gui_wait_until (message_dialog_shown, NULL, "the confirmation");
  confirm = sp_test_gui_find_dialog ();
  if (g_getenv ("SP_EXPORT_CHECKS_SCREENSHOTS") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("SP_EXPORT_CHECKS_SCREENSHOTS"), "confirm.png", NULL);

      sp_test_gui_wait_for_paint (GTK_WIDGET (confirm));
      sp_test_gui_save_png (GTK_WIDGET (confirm), png);
    }
  assert_string_equal (adw_message_dialog_get_heading (confirm), "Budgeten för 2009 stämmer inte");
  body = plain (adw_message_dialog_get_body (confirm));
  assert_string_equal (body, listed);
  assert_string_equal (adw_message_dialog_get_response_label (confirm, "export"), "_Exportera ändå");
  assert_int_equal (adw_message_dialog_get_response_appearance (confirm, "export"), ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (confirm, "cancel");
  sp_test_gui_run_for (200);
  assert_int_equal (count_files (run->out), 0);
  assert_non_null (sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG));

  /* "Exportera ändå" writes the treasurer's and every member's workbook
   * and the plan document, and the dialog closes (the window shows the toast). */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  sp_test_gui_wait_until (message_dialog_shown, NULL, "the confirmation");
  adw_message_dialog_response (sp_test_gui_find_dialog (), "export");
  sp_test_gui_wait_until (has_files, run->out, "the workbooks");
  sp_test_gui_wait_until (dialog_gone, NULL, "the dialog to close");
  /* Treasurer, five paying or listed members and Arbetsförmedlingen, the PDF. */
  assert_int_equal (count_files (run->out), 8);

  /* Revenue lines that match the frame: no list, no question. */
  sp_test_remove_tree (run->out);
  assert_int_equal (g_mkdir (run->out, 0700), 0);
  {
    g_autoptr(GError) error = NULL;

    assert_true (sp_plan_year_set_frame (db, SP_EXAMPLE_YEAR, 0, KR (4000000), &error));
  }
  dialog = open_dialog (window, run->out);
  group = sp_test_gui_child (dialog, SP_TYPE_EXPORT_DIALOG, "checks_group");
  assert_false (gtk_widget_get_visible (group));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  sp_test_gui_wait_until (has_files, run->out, "the workbooks");
  assert_null (sp_test_gui_find_dialog ());
  sp_test_gui_wait_until (dialog_gone, NULL, "the dialog to close");
  assert_int_equal (count_files (run->out), 8);
}

static void
test_export_asks (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = NULL;
  Run run = { 0 };

  {
    g_autoptr(SpDatabase) db = sp_test_example_new (dir, "exempel.db", &path);
    g_autoptr(GError) error = NULL;

    assert_true (sp_plan_year_set_frame (db, SP_EXAMPLE_YEAR, 0, KR (4800000), &error));
  }
  run.out = g_build_filename (dir, "export", NULL);
  assert_int_equal (g_mkdir (run.out, 0700), 0);

  {
    SpTestGuiAppRun result = sp_test_gui_run_app (path, check_dialog, &run);

    assert_false (result.timed_out);
    assert_true (result.checked);
    assert_int_equal (result.status, 0);
  }
  g_free (run.out);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_export_asks),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("export-checks", tests, NULL, NULL);
}
