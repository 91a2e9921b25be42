/* test-plan-document.c: "Exportera som PDF…", "Skriv ut…" and the PDF beside
 * the workbooks, in the real application window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sp-example.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-export-dialog.h"
#include "ui/sp-window.h"

typedef struct {
  char *dir;
  char *pdf;
} Paths;

static gboolean
is_pdf (const char *path)
{
  g_autofree char *bytes = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &bytes, &length, NULL) && length > 1000 &&
         memcmp (bytes, "%PDF-", 5) == 0;
}

static gboolean
file_is_pdf_cb (gpointer data)
{
  return is_pdf (data);
}

/* The toast's title, shown in the window. */
static gboolean
toast_shown_cb (gpointer data)
{
  return sp_test_gui_find_label (GTK_WIDGET (sp_test_gui_find_toplevel (SP_TYPE_WINDOW)), data) != NULL;
}

/* The menu has both items, each on an action of the window. */
static gboolean
menu_has (GMenuModel *menu,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && menu_has (section, action))
        return TRUE;
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_document_menu (GtkWidget *widget)
{
  GMenuModel *menu;

  if (!GTK_IS_MENU_BUTTON (widget))
    return FALSE;
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  return menu != NULL && menu_has (menu, "win.export-pdf") && menu_has (menu, "win.print");
}

static GtkWidget *
find_chooser (void)
{
  return sp_test_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

/* GtkPrintUnixDialog, by name: its header is not among GTK's own. */
static GtkWidget *
find_print_dialog (void)
{
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  return type != 0 ? sp_test_gui_find_toplevel (type) : NULL;
}

static gboolean
print_dialog_shown_cb (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
chooser_shown_cb (gpointer data)
{
  return find_chooser () != NULL;
}

static gboolean
period_dialog_shown_cb (gpointer data)
{
  AdwMessageDialog *dialog = sp_test_gui_find_dialog ();

  return dialog != NULL && sp_test_gui_find_named (GTK_WIDGET (dialog), "period") != NULL;
}

/* "Exportera delårsrapport som PDF…" asks for the period, the last month
 * with actuals (June) chosen, then for the file; "Exportera
 * verksamhetsberättelse som PDF…" for the file; both write. */
static void
check_follow_up_documents (GtkWidget *window,
                           Paths     *paths)
{
  g_autofree char *interim = g_build_filename (paths->dir, "delårsrapport.pdf", NULL);
  g_autofree char *annual = g_build_filename (paths->dir, "verksamhetsberättelse.pdf", NULL);
  AdwMessageDialog *dialog;
  GtkWidget *period;

  assert_true (gtk_widget_activate_action (window, "win.export-interim-pdf", NULL));
  sp_test_gui_wait_until (period_dialog_shown_cb, NULL, "the period dialog");
  dialog = sp_test_gui_find_dialog ();
  period = sp_test_gui_find_named (GTK_WIDGET (dialog), "period");
  assert_true (GTK_IS_DROP_DOWN (period));
  assert_int_equal (gtk_drop_down_get_selected (GTK_DROP_DOWN (period)), 5);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (period), 3);
  adw_message_dialog_response (dialog, "export");
  sp_test_gui_wait_until (chooser_shown_cb, NULL, "the file chooser");
  {
    GtkFileChooser *chooser = GTK_FILE_CHOOSER (find_chooser ());
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    assert_string_equal (name, "Norra Västmanlands samordningsförbund 2009 – Delårsrapport januari–april.pdf");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
  sp_test_gui_spin ();
  assert_true (gtk_widget_activate_action (window, "win.export-report-to", "(sus)", "delarsrapport", 4, interim));
  sp_test_gui_wait_until (file_is_pdf_cb, interim, "the interim report written");
  sp_test_gui_wait_until (toast_shown_cb, "”delårsrapport.pdf” är sparad.", "the toast");

  assert_true (gtk_widget_activate_action (window, "win.export-annual-pdf", NULL));
  sp_test_gui_wait_until (chooser_shown_cb, NULL, "the file chooser");
  {
    GtkFileChooser *chooser = GTK_FILE_CHOOSER (find_chooser ());
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    assert_string_equal (name, "Norra Västmanlands samordningsförbund 2009 – Verksamhetsberättelse.pdf");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
  sp_test_gui_spin ();
  assert_true (gtk_widget_activate_action (window, "win.export-report-to", "(sus)", "verksamhetsberattelse", 12,
                                           annual));
  sp_test_gui_wait_until (file_is_pdf_cb, annual, "the annual report written");
}

static void
check_document (GtkWindow *gtk_window,
                gpointer   data)
{
  Paths *paths = data;
  GtkWidget *window = GTK_WIDGET (gtk_window);
  g_autofree char *toast = NULL;

  /* In the main menu, enabled with a database open. */
  assert_non_null (sp_test_gui_find_widget_matching (window, GTK_TYPE_MENU_BUTTON, is_document_menu));
  assert_true (gtk_widget_is_sensitive (window));

  /* "Exportera som PDF…": the chooser proposes the förbund's name; choosing
   * a file writes it and shows a toast with "Öppna". */
  assert_true (gtk_widget_activate_action (window, "win.export-pdf", NULL));
  sp_test_gui_wait_until (chooser_shown_cb, NULL, "the file chooser");
  {
    GtkFileChooser *chooser = GTK_FILE_CHOOSER (find_chooser ());
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

    assert_string_equal (name, "Norra Västmanlands samordningsförbund 2009 – Verksamhetsplan.pdf");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  }
  /* The chooser's save answer comes after its own asynchronous checks, which
   * cannot be driven here: the file is given as the chooser gives it. */
  assert_true (gtk_widget_activate_action (window, "win.export-pdf-to", "s", paths->pdf));
  sp_test_gui_wait_until (file_is_pdf_cb, paths->pdf, "the PDF written");
  toast = g_strdup_printf ("”%s” är sparad.", "plan.pdf");
  sp_test_gui_wait_until (toast_shown_cb, toast, "the toast");
  assert_non_null (sp_test_gui_find_button (window, "Öppna"));

  /* "Skriv ut…" opens the print dialog. */
  assert_true (gtk_widget_activate_action (window, "win.print", NULL));
  sp_test_gui_wait_until (print_dialog_shown_cb, NULL, "the print dialog");
  gtk_dialog_response (GTK_DIALOG (find_print_dialog ()), GTK_RESPONSE_CANCEL);
  sp_test_gui_spin ();

  /* The export dialog writes the PDF beside the workbooks, by default. */
  {
    g_autofree char *out = g_build_filename (paths->dir, "export", NULL);
    g_autofree char *beside = g_build_filename (out, "Norra Västmanlands samordningsförbund 2009 – Verksamhetsplan.pdf",
                                                NULL);
    g_autoptr(GPtrArray) written = NULL;
    g_autoptr(GError) error = NULL;
    SpExportDialog *dialog;

    assert_int_equal (g_mkdir (out, 0700), 0);
    assert_true (gtk_widget_activate_action (window, "win.export", NULL));
    dialog = SP_EXPORT_DIALOG (sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG));
    assert_non_null (dialog);
    assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
      gtk_widget_get_template_child (GTK_WIDGET (dialog), SP_TYPE_EXPORT_DIALOG, "pdf_check"))));
    sp_export_dialog_set_folder (dialog, out);
    written = sp_export_dialog_export (dialog, &error);
    assert_null (error);
    assert_int_equal (written->len, 7);
    assert_true (is_pdf (beside));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  check_follow_up_documents (window, paths);
  gtk_window_close (gtk_window);
}

static void
test_plan_document (void **state)
{
  Paths paths = { 0 };
  g_autofree char *db_path = NULL;
  g_autoptr(SpDatabase) db = NULL;
  SpTestGuiAppRun run;

  paths.dir = sp_test_make_tmpdir ();
  paths.pdf = g_build_filename (paths.dir, "plan.pdf", NULL);
  db_path = g_build_filename (paths.dir, "exempel.db", NULL);
  db = sp_example_create (db_path, NULL);
  assert_non_null (db);
  g_clear_object (&db);
  /* Actuals through June, for the interim report's period. */
  {
    g_autofree char *sql = g_build_filename (paths.dir, "actuals.sql", NULL);

    assert_true (g_file_set_contents (sql, "INSERT INTO actual_month (year, month, account, area_id, amount)"
                                           " VALUES (2009, 2, 5110, 2, 4100000), (2009, 6, 5110, 2, 4300000);",
                                      -1, NULL));
    assert_true (sp_test_run_sql_file (db_path, sql));
  }

  run = sp_test_gui_run_app (db_path, check_document, &paths);
  assert_false (run.timed_out);
  assert_true (run.checked);
  assert_int_equal (run.status, 0);

  sp_test_remove_tree (paths.dir);
  g_free (paths.dir);
  g_free (paths.pdf);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_plan_document),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("plan-document", tests, NULL, NULL);
}
