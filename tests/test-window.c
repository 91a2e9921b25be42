/* test-window.c: the real application window, started headless
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs SpApplication as `samplan [FILE]` would, waits until the
 * first window has drawn its first frame, then looks at the widget tree.
 * Runs in Swedish, the language of our users.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "app/sp-application.h"
#include "sp-association.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-export-dialog.h"
#include "ui/sp-members-page.h"
#include "ui/sp-sie-dialog.h"
#include "ui/sp-start-dialog.h"
#include "ui/sp-window.h"

static char *tmp_home;

/* Runs the application with @file (or none) and calls @check on the first frame. */
static void
run_app (const char        *file,
         SpTestGuiAppCheck  check,
         gpointer           data)
{
  SpTestGuiAppRun run = sp_test_gui_run_app (file, check, data);

  assert_false (run.timed_out);
  assert_true (run.checked);
  assert_int_equal (run.status, 0);
}

static gboolean
has_error_page (GtkWidget *widget)
{
  return gtk_stack_get_child_by_name (GTK_STACK (widget), "error") != NULL;
}

/* Every shortcut in the shortcuts window shows its keys: an action named
 * there must have accelerators in the application. */
static void
check_shortcut_keys (GtkWidget *widget)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL, *accelerator = NULL, *action = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, "action-name", &action, NULL);
      if (accelerator == NULL || accelerator[0] == '\0')
        {
          g_auto(GStrv) accels = action != NULL
                                   ? gtk_application_get_accels_for_action (GTK_APPLICATION (g_application_get_default ()), action)
                                   : NULL;

          if (accels == NULL || accels[0] == NULL)
            fail_msg ("the shortcut “%s” shows no keys", title);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    check_shortcut_keys (child);
}

/* The year chooser (Ctrl+Y): Enter in it takes the year typed and closes it. */
static gboolean
popover_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
has_size (gpointer widget)
{
  return gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0;
}

static void
check_year_popover (SpWindow *window)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (sp_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  GtkWidget *spin = sp_test_gui_find_widget (GTK_WIDGET (popover), GTK_TYPE_SPIN_BUTTON);
  GtkWidget *text = gtk_editable_get_delegate (GTK_EDITABLE (spin)) != NULL
                      ? GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin))) : NULL;

  assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-year", NULL));
  sp_test_gui_wait_until (popover_mapped, popover, "the year popover to open");
  {
    /* What it shows (without its shadow) opens inside the window (without
     * its shadow): the popover's surface is placed relative to the window's. */
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
    GtkWidget *contents = gtk_popover_get_child (popover);
    double popover_dx, popover_dy, window_dx, window_dy;
    graphene_rect_t box;
    double left, top;

    assert_non_null (contents);
    sp_test_gui_wait_until (has_size, contents, "the year popover to be laid out");
    assert_true (gtk_widget_compute_bounds (contents, GTK_WIDGET (popover), &box));
    gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_dx, &popover_dy);
    gtk_native_get_surface_transform (GTK_NATIVE (window), &window_dx, &window_dy);
    left = gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_dx + box.origin.x - window_dx;
    top = gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_dy + box.origin.y - window_dy;
    g_printerr ("# the year popover's content at %.0f, %.0f, %.0f × %.0f in a window of %d × %d\n", left, top,
                box.size.width, box.size.height, gtk_widget_get_width (GTK_WIDGET (window)),
                gtk_widget_get_height (GTK_WIDGET (window)));
    assert_true (left >= 0 && top >= 0);
    assert_true (left + box.size.width <= gtk_widget_get_width (GTK_WIDGET (window)));
    assert_true (top + box.size.height <= gtk_widget_get_height (GTK_WIDGET (window)));
  }
  assert_non_null (text);
  gtk_editable_set_text (GTK_EDITABLE (text), "2010");
  g_signal_emit_by_name (text, "activate");
  sp_test_gui_wait_until (popover_hidden, popover, "the year popover to close");
  assert_int_equal (sp_window_get_year (window), 2010);
  sp_window_set_year (window, 2009);
}

static void
check_pages (GtkWindow *gtk_window,
             gpointer   data)
{
  SpWindow *window = SP_WINDOW (gtk_window);
  const char *path = data;
  static const struct { const char *name; const char *title; } expected[] = {
    { "plan", "Verksamhetsplan" },
    { "budget", "Budget" },
    { "follow-up", "Uppföljning" },
    { "portfolio", "Projekt" },
    { "members", "Medlemmar" },
  };
  g_autoptr(GtkSelectionModel) pages = NULL;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *title;
  SpDatabase *db;

  db = sp_window_get_database (window);
  assert_non_null (db);
  assert_string_equal (sp_database_get_path (db), path);
  assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* The latest plan year of the file is shown. */
  assert_int_equal (sp_window_get_year (window), SP_EXAMPLE_YEAR);

  stack = ADW_VIEW_STACK (sp_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  assert_non_null (stack);
  assert_true (gtk_widget_get_mapped (GTK_WIDGET (stack)));

  pages = adw_view_stack_get_pages (stack);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (pages)), G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      assert_string_equal (adw_view_stack_page_get_name (page), expected[i].name);
      assert_string_equal (adw_view_stack_page_get_title (page), expected[i].title);
      assert_non_null (adw_view_stack_page_get_icon_name (page));
    }
  assert_string_equal (sp_window_get_page (window), "plan");

  /* The switcher in the header bar drives the same stack. */
  title = ADW_VIEW_SWITCHER_TITLE (sp_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  assert_non_null (title);
  assert_ptr_equal (adw_view_switcher_title_get_stack (title), stack);

  /* Only the page shown is made; another is made when first shown, with
   * the window's database and year. */
  {
    GtkWidget *members_bin = adw_view_stack_get_child_by_name (stack, "members");
    GtkWidget *members_page;

    assert_null (adw_bin_get_child (ADW_BIN (members_bin)));
    assert_non_null (adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, "plan"))));
    /* Alt+3 style page actions and the year. */
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "members"));
    assert_string_equal (sp_window_get_page (window), "members");
    members_page = adw_bin_get_child (ADW_BIN (members_bin));
    assert_true (SP_IS_MEMBERS_PAGE (members_page));
    {
      g_autoptr(SpDatabase) page_db = NULL;
      int page_year = 0;

      g_object_get (members_page, "database", &page_db, "year", &page_year, NULL);
      assert_ptr_equal (page_db, db);
      assert_int_equal (page_year, SP_EXAMPLE_YEAR);
    }
  }

  /* The shortcuts window (Ctrl+?), built when first asked for. */
  assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  {
    GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

    assert_non_null (overlay);
    assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    assert_ptr_equal (gtk_window_get_transient_for (GTK_WINDOW (overlay)), GTK_WINDOW (window));
    check_shortcut_keys (GTK_WIDGET (overlay));
    gtk_window_close (GTK_WINDOW (overlay));
    /* Hidden on close, shown again by the same action. */
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
    assert_ptr_equal (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)), overlay);
    gtk_window_close (GTK_WINDOW (overlay));
  }
  sp_window_set_year (window, 2009);
  assert_int_equal (sp_window_get_year (window), 2009);
  /* The year popover's spin button changes the year. */
  {
    GtkSpinButton *spin = GTK_SPIN_BUTTON (sp_test_gui_find_widget (GTK_WIDGET (gtk_menu_button_get_popover (
      GTK_MENU_BUTTON (sp_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)))), GTK_TYPE_SPIN_BUTTON));
    gtk_spin_button_set_value (spin, 2011);
    assert_int_equal (sp_window_get_year (window), 2011);
    gtk_spin_button_set_value (spin, 2009);
  }
  check_year_popover (window);

  /* The window title names the file. */
  assert_non_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), "exempel.db"));

  /* Ctrl+Z belongs to the window and undoes the database's last edit. */
  assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL) &&
                sp_history_can_undo (sp_database_get_history (db)));
  {
    SpMemberData member = { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 25000, 0, 0 };
    g_autoptr(SpRecordList) members = sp_member_list_new (db);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

    assert_true (sp_member_add (db, &member, NULL) > 0);
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (members)), n + 1);
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (members)), n);
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (members)), n + 1);
  }

  /* A backup copy beside the file, complete and openable; never over the file itself. */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *copy = g_build_filename (dir, "kopia.db", NULL);
    g_autoptr(SpDatabase) backup = NULL;
    g_autoptr(SpRecordList) copied = NULL;
    g_autoptr(GError) error = NULL;

    assert_true (sp_window_backup_to (window, copy, &error));
    backup = sp_database_open (copy, SP_DATABASE_OPEN_READ_ONLY, &error);
    assert_non_null (backup);
    copied = sp_member_list_new (backup);
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (copied)), 7);
    assert_false (sp_window_backup_to (window, path, &error));
    assert_non_null (error);
  }

  /* Ctrl+E: the export dialog, for all members but Arbetsförmedlingen (id 6). */
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_autofree char *out = g_build_filename (dir, "export", NULL);
    g_autoptr(GPtrArray) written = NULL;
    g_autoptr(GError) error = NULL;
    SpExportDialog *dialog = NULL;

    assert_int_equal (g_mkdir (out, 0700), 0);
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    dialog = SP_EXPORT_DIALOG (sp_test_gui_find_toplevel (SP_TYPE_EXPORT_DIALOG));
    assert_non_null (dialog);
    assert_ptr_equal (gtk_window_get_transient_for (GTK_WINDOW (dialog)), window);

    sp_export_dialog_set_folder (dialog, out);
    sp_export_dialog_set_member_selected (dialog, 6, FALSE);
    written = sp_export_dialog_export (dialog, &error);
    assert_null (error);
    /* Seven members by now (Köping was added above), less one, and the treasurer. */
    assert_int_equal (written->len, 7);
    for (guint i = 0; i < written->len; i++)
      {
        assert_true (g_str_has_prefix (g_ptr_array_index (written, i), out));
        assert_true (g_file_test (g_ptr_array_index (written, i), G_FILE_TEST_IS_REGULAR));
        assert_null (strstr (g_ptr_array_index (written, i), "Arbetsförmedlingen"));
      }
    /* The progress went all the way, naming the last workbook, and is hidden again. */
    {
      GtkProgressBar *progress = GTK_PROGRESS_BAR (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                                 SP_TYPE_EXPORT_DIALOG,
                                                                                 "progress_bar"));
      g_autofree char *last = g_path_get_basename (g_ptr_array_index (written, written->len - 1));

      assert_true (gtk_progress_bar_get_fraction (progress) == 1.0);
      assert_string_equal (gtk_progress_bar_get_text (progress), last);
      assert_false (gtk_widget_get_visible (GTK_WIDGET (progress)));
    }
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Ctrl+I: actuals from an SIE file, shown before they are written. */
  {
    g_autofree char *sie = g_build_filename (FIXTURES_DIR, "sie", "Sie4.se", NULL);
    g_autofree char *not_sie = g_build_filename (FIXTURES_DIR, "v1.sql", NULL);
    g_autoptr(SpAssociation) association = sp_association_load (db, NULL);
    g_autoptr(GError) error = NULL;
    SpSieDialog *dialog;

    /* Another organisation's books are shown, but cannot be imported. */
    dialog = sp_sie_dialog_new (GTK_WINDOW (window), db, sie, 2014, &error);
    assert_non_null (dialog);
    assert_false (sp_sie_dialog_can_import (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* The förbund's own: map an account, import, and a second time nothing changes. */
    assert_true (sp_association_update (db, association->name, "556654-7898", association->address, NULL));
    dialog = sp_sie_dialog_new (GTK_WINDOW (window), db, sie, 2014, &error);
    assert_non_null (dialog);
    assert_true (sp_sie_dialog_can_import (dialog));
    assert_true (sp_sie_dialog_map_account (dialog, "3010", 3000));
    sp_test_gui_spin ();
    assert_true (sp_sie_dialog_import (dialog, &error));
    assert_null (error);
    gtk_window_destroy (GTK_WINDOW (dialog));

    dialog = sp_sie_dialog_new (GTK_WINDOW (window), db, sie, 2014, &error);
    assert_false (sp_sie_dialog_can_import (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* Ctrl+Z takes the whole import back. */
    assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    dialog = sp_sie_dialog_new (GTK_WINDOW (window), db, sie, 2014, &error);
    assert_true (sp_sie_dialog_can_import (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));

    /* A file that is not SIE gives no dialog, but a Swedish message. */
    dialog = sp_sie_dialog_new (GTK_WINDOW (window), db, not_sie, 2014, &error);
    assert_null (dialog);
    assert_non_null (error);
    assert_non_null (strstr (error->message, "v1.sql"));
  }

  /* Closing the window remembers its size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
has_welcome_page (GtkWidget *widget)
{
  return gtk_stack_get_child_by_name (GTK_STACK (widget), "welcome") != NULL;
}

static void
check_welcome (GtkWindow *gtk_window,
               gpointer   data)
{
  SpWindow *window = SP_WINDOW (gtk_window);
  GtkStack *stack = GTK_STACK (sp_test_gui_find_widget_matching (GTK_WIDGET (window), GTK_TYPE_STACK, has_welcome_page));
  SpDatabase *db = sp_window_get_database (window);
  AdwMessageDialog *dialog = NULL;
  g_autoptr(SpAssociation) association = NULL;

  assert_non_null (db);
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "welcome");
  assert_string_equal (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))),
                       "Välkommen till Samplan");
  /* No page tabs and no year until there is something to show. */
  {
    AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (sp_test_gui_find_widget (GTK_WIDGET (window),
                                                                        ADW_TYPE_VIEW_SWITCHER_TITLE));
    assert_false (adw_view_switcher_title_get_view_switcher_enabled (title));
    assert_false (gtk_widget_get_visible (sp_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)));
  }

  /* "Create a new association": name it and pick the first year. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-association", NULL));
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  gtk_editable_set_text (sp_start_dialog_get_name_row (SP_START_DIALOG (dialog)),
                         "Samordningsförbundet Väst");
  assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  /* Enter in the year field presses Create. */
  {
    GtkWidget *year_text = GTK_WIDGET (gtk_editable_get_delegate (
      GTK_EDITABLE (sp_start_dialog_get_year_spin (SP_START_DIALOG (dialog)))));

    gtk_editable_set_text (GTK_EDITABLE (year_text), "2027");
    g_signal_emit_by_name (year_text, "activate");
    sp_test_gui_spin ();
  }

  association = sp_association_load (db, NULL);
  assert_string_equal (association->name, "Samordningsförbundet Väst");
  assert_int_equal (sp_plan_year_get_latest (db), 2027);
  assert_int_equal (sp_window_get_year (window), 2027);
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "pages");
  assert_true (adw_view_switcher_title_get_view_switcher_enabled (
    ADW_VIEW_SWITCHER_TITLE (sp_test_gui_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_TITLE))));
  assert_true (gtk_widget_get_visible (sp_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON)));
}

static void
test_window_new_file (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "förbund.db", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  run_app (path, check_welcome, path);

  /* The file was created as a Samplan database at the current schema. */
  db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_false (sp_association_is_new (db));
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

static void
test_window_opens_file (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);

  g_autoptr(GSettings) settings = g_settings_new ("io.github.samplan.Samplan");
  g_autofree char *last = NULL;
  int width = 0, height = 0;

  assert_non_null (db);
  g_clear_object (&db);
  run_app (path, check_pages, path);

  /* The memory backend is this process's: what the window saved is here. */
  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  assert_int_equal (width, 900);
  assert_int_equal (height, 640);
  last = g_settings_get_string (settings, "last-database");
  assert_string_equal (last, path);
  sp_test_remove_tree (dir);
}

static void
check_default_database (GtkWindow *gtk_window,
                        gpointer   data)
{
  SpWindow *window = SP_WINDOW (gtk_window);
  g_autofree char *expected = sp_database_get_default_path ();
  SpDatabase *db = sp_window_get_database (window);

  assert_non_null (db);
  assert_string_equal (sp_database_get_path (db), expected);
}

static void
test_window_default_database (void **state)
{
  g_autofree char *path = sp_database_get_default_path ();

  assert_true (g_str_has_prefix (path, tmp_home));
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  run_app (NULL, check_default_database, NULL);

  assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
check_error_page (GtkWindow *gtk_window,
                  gpointer   data)
{
  SpWindow *window = SP_WINDOW (gtk_window);
  AdwStatusPage *status;
  GtkStack *stack;

  assert_null (sp_window_get_database (window));

  stack = GTK_STACK (sp_test_gui_find_widget_matching (GTK_WIDGET (window), GTK_TYPE_STACK, has_error_page));
  assert_non_null (stack);
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "error");

  status = ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack));
  assert_string_equal (adw_status_page_get_title (status), "Databasen kunde inte öppnas");
  assert_non_null (strstr (adw_status_page_get_description (status), "inte en Samplan-databas"));
}

static void
test_window_bad_file (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "anteckningar.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 20; i++)
    g_string_append (text, "Detta är inte en databas utan en vanlig textfil.\n");
  assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  g_string_free (text, TRUE);
  before = sp_test_file_checksum (path);

  run_app (path, check_error_page, NULL);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  sp_test_remove_tree (dir);
}

static gboolean
window_has_no_database (gpointer window)
{
  return sp_window_get_database (SP_WINDOW (window)) == NULL;
}

/* The check of the file's pages runs while the window opens: the window
 * first shows the file, then the error page once the check finds damage. */
static void
check_error_page_later (GtkWindow *gtk_window,
                        gpointer   data)
{
  sp_test_gui_wait_until (window_has_no_database, gtk_window,
                          "the window to find the damage and close the database");
  check_error_page (gtk_window, data);
}

static void
test_window_damaged_file (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *good = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (good, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.samplan.Samplan");
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *last = NULL;
  gsize length = 0;
  gboolean opens = FALSE;

  assert_non_null (db);
  g_clear_object (&db);
  assert_true (g_file_get_contents (good, &contents, &length, NULL));
  /* A page of the middle overwritten, so that the file opens and only the
   * check of its pages finds the damage. */
  for (gsize page = length / 4096 / 2; page < length / 4096 && !opens; page++)
    {
      g_autofree char *copy = g_memdup2 (contents, length);
      g_autoptr(SpDatabase) probe = NULL;

      memset (copy + page * 4096, 0, 4096);
      g_free (path);
      path = g_build_filename (dir, "skadad.db", NULL);
      assert_true (g_file_set_contents (path, copy, length, NULL));
      probe = sp_database_open (path, SP_DATABASE_OPEN_CHECK_LATER, NULL);
      opens = probe != NULL && !sp_database_wait_checked (probe, NULL);
    }
  assert_true (opens);
  sp_test_gui_spin ();
  before = sp_test_file_checksum (path);

  run_app (path, check_error_page_later, NULL);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  last = g_settings_get_string (settings, "last-database");
  assert_string_not_equal (last, path);
  sp_test_remove_tree (dir);
}

static void
check_error_page_empty (GtkWindow *gtk_window)
{
  GtkStack *stack = GTK_STACK (sp_test_gui_find_widget_matching (GTK_WIDGET (gtk_window), GTK_TYPE_STACK,
                                                                 has_error_page));

  assert_non_null (stack);
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "error");
  assert_non_null (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_visible_child (stack))),
                           "är tom (0 byte)"));
}

static gboolean
dialog_is_shown (gpointer data)
{
  return sp_test_gui_find_dialog () != NULL;
}

static gboolean
window_has_database (gpointer window)
{
  return sp_window_get_database (SP_WINDOW (window)) != NULL;
}

/* An empty file (0 bytes) is not taken for a new database unasked: the
 * window asks, names the file, and does what the answer says. */
static void
check_empty_file_question (GtkWindow *gtk_window,
                           gpointer   data)
{
  const char *answer = data;
  AdwMessageDialog *dialog;

  sp_test_gui_wait_until (dialog_is_shown, NULL, "the question about the empty file");
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (strstr (adw_message_dialog_get_heading (dialog), "tom.db"));
  assert_non_null (strstr (adw_message_dialog_get_heading (dialog), "är tom"));
  assert_string_equal (adw_message_dialog_get_default_response (dialog), "cancel");
  assert_null (sp_window_get_database (SP_WINDOW (gtk_window)));
  adw_message_dialog_response (dialog, answer);
  if (g_strcmp0 (answer, "create") == 0)
    sp_test_gui_wait_until (window_has_database, gtk_window, "the new database in the empty file");
  else
    check_error_page_empty (gtk_window);
}

static void
test_window_empty_file (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "tom.db", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  assert_true (g_file_set_contents (path, "", 0, NULL));
  run_app (path, check_empty_file_question, "cancel");
  assert_int_equal (g_stat (path, &st), 0);
  assert_int_equal (st.st_size, 0);

  run_app (path, check_empty_file_question, "create");
  db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

static gboolean
is_read_only_banner (GtkWidget *widget)
{
  GtkWidget *child = gtk_revealer_get_child (GTK_REVEALER (widget));

  return GTK_IS_LABEL (child) && strstr (gtk_label_get_label (GTK_LABEL (child)), "skrivskyddad") != NULL;
}

/* A sound database in a read-only folder: shown whole, and said to be
 * read-only. */
static void
check_read_only_window (GtkWindow *gtk_window,
                        gpointer   data)
{
  SpWindow *window = SP_WINDOW (gtk_window);
  SpDatabase *db = sp_window_get_database (window);
  GtkRevealer *banner;

  assert_non_null (db);
  assert_true (sp_database_is_read_only (db));
  assert_int_equal (sp_window_get_year (window), SP_EXAMPLE_YEAR);
  banner = GTK_REVEALER (sp_test_gui_find_widget_matching (GTK_WIDGET (window), GTK_TYPE_REVEALER,
                                                           is_read_only_banner));
  assert_non_null (banner);
  assert_true (gtk_revealer_get_reveal_child (banner));
}

static void
test_window_read_only_folder (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "usb", NULL);
  g_autofree char *path = g_build_filename (folder, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *files = NULL;

  assert_int_equal (g_mkdir (folder, 0755), 0);
  db = sp_example_create (path, NULL);
  assert_non_null (db);
  g_clear_object (&db);
  assert_int_equal (g_chmod (folder, 0555), 0);
  before = sp_test_file_checksum (path);

  run_app (path, check_read_only_window, NULL);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  files = sp_test_list_dir_text (folder);
  assert_string_equal (files, "exempel.db");
  assert_int_equal (g_chmod (folder, 0755), 0);
  sp_test_remove_tree (dir);
}

/* Rows that refer to a plan year that is gone: the window says so, in
 * Swedish, once the check of the file is done, and keeps the file open. */
static void
check_problems_told (GtkWindow *gtk_window,
                     gpointer   data)
{
  AdwMessageDialog *dialog;

  sp_test_gui_wait_until (dialog_is_shown, NULL, "the report of the damaged values");
  dialog = sp_test_gui_find_dialog ();
  assert_string_equal (adw_message_dialog_get_heading (dialog),
                       "Databasen innehåller värden som ser skadade ut");
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), "hör till ett planår som saknas"));
  assert_non_null (sp_window_get_database (SP_WINDOW (gtk_window)));
  adw_message_dialog_response (dialog, "close");
}

static void
test_window_problems_told (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "fel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);
  sqlite3 *raw = NULL;

  assert_non_null (db);
  g_clear_object (&db);
  assert_int_equal (sqlite3_open (path, &raw), SQLITE_OK);
  assert_int_equal (sqlite3_exec (raw, "UPDATE plan_year SET year = 2013 WHERE year = "
                                       "(SELECT min (year) FROM plan_year)", NULL, NULL, NULL),
                    SQLITE_OK);
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);

  run_app (path, check_problems_told, NULL);
  sp_test_remove_tree (dir);
}

/* A -wal damaged in its second of five committed frames: the window says
 * how many saved changes are missing and where the log's copy is. */
static void
check_lost_changes_told (GtkWindow *gtk_window,
                         gpointer   data)
{
  AdwMessageDialog *dialog;

  sp_test_gui_wait_until (dialog_is_shown, NULL, "the report of the lost changes");
  dialog = sp_test_gui_find_dialog ();
  assert_string_equal (adw_message_dialog_get_heading (dialog), "Sparade ändringar saknas");
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), "4 sparade ändringar"));
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), "logg.db-wal.skadad-"));
  adw_message_dialog_response (dialog, "close");
}

static void
test_window_lost_changes_told (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *source = g_build_filename (dir, "källa.db", NULL);
  g_autofree char *path = g_build_filename (dir, "logg.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (source, NULL);
  const char *suffixes[] = { "", "-wal" };
  sqlite3 *raw = NULL;

  assert_non_null (db);
  g_clear_object (&db);
  assert_int_equal (sqlite3_open (source, &raw), SQLITE_OK);
  assert_int_equal (sqlite3_exec (raw, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), SQLITE_OK);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE member SET population = %u", 1000 + i);
      assert_int_equal (sqlite3_exec (raw, sql, NULL, NULL, NULL), SQLITE_OK);
    }
  /* The file and its log as a crash would leave them, one byte flipped in
   * the second frame's page. */
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (source, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *bytes = NULL;
      gsize length = 0;

      assert_true (g_file_get_contents (from, &bytes, &length, NULL));
      if (i == 1)
        {
          assert_int_equal (length, 32 + 5 * (24 + 4096));
          bytes[32 + (24 + 4096) + 24 + 2000] ^= 0x01;
        }
      assert_true (g_file_set_contents (to, bytes, length, NULL));
    }
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);

  run_app (path, check_lost_changes_told, NULL);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_window_opens_file),
    cmocka_unit_test (test_window_new_file),
    cmocka_unit_test (test_window_default_database),
    cmocka_unit_test (test_window_bad_file),
    cmocka_unit_test (test_window_damaged_file),
    cmocka_unit_test (test_window_empty_file),
    cmocka_unit_test (test_window_read_only_folder),
    cmocka_unit_test (test_window_problems_told),
    cmocka_unit_test (test_window_lost_changes_told),
  };
  int status;

  /* A home of our own, so that the default database is created there. */
  tmp_home = sp_test_make_tmpdir ();
  {
    g_autofree char *data_home = g_build_filename (tmp_home, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  if (!sp_test_gui_init ())
    return 1;

  status = cmocka_run_group_tests_name ("window", tests, NULL, NULL);
  sp_test_remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
