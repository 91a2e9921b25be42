/* test-page-labels.c: every page of the example at the default window size, read whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real application on the example förbund in a window of its
 * default size (1100 × 720), shows each page (and the project editor, a
 * member's contributions, and each tab of the plan with each of its rows in
 * the editor, for the example's year, a year with an empty plan and a year
 * without one) and walks the widget tree: no shown label may be cut short
 * with "…" or wrapped inside a word (sp_test_gui_find_cut_labels ()).
 * With SP_PAGE_LABELS_VERBOSE set, the cut labels are printed and the test
 * goes on, for looking; with SP_PAGE_LABELS_PNG set to a folder, each view
 * checked is also saved there as a picture.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-example.h"
#include "sp-test-gui.h"
#include "sp-plan-year.h"
#include "ui/sp-budget-page.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-plan-view.h"
#include "ui/sp-portfolio-page.h"
#include "ui/sp-window.h"

#define DEFAULT_WIDTH 1100
#define DEFAULT_HEIGHT 720

/* A year before the example's with a plan but nothing in it, and one without a plan. */
#define EMPTY_YEAR (SP_EXAMPLE_YEAR - 1)
#define NO_PLAN_YEAR (SP_EXAMPLE_YEAR - 2)

typedef struct {
  const char *page;
  GPtrArray  *problems;
} Check;

static gboolean
window_has_default_size (gpointer data)
{
  GtkWidget *window = data;
  static int last_width, last_height;

  if (gtk_widget_get_width (window) != last_width || gtk_widget_get_height (window) != last_height)
    {
      last_width = gtk_widget_get_width (window);
      last_height = gtk_widget_get_height (window);
      g_printerr ("# window %d × %d\n", last_width, last_height);
    }
  /* The default size holds the frame around the window's content (a few
   * pixels on each side without a window manager). */
  return gtk_widget_get_width (window) > DEFAULT_WIDTH - 24 && gtk_widget_get_width (window) <= DEFAULT_WIDTH &&
         gtk_widget_get_height (window) > DEFAULT_HEIGHT - 24 && gtk_widget_get_height (window) <= DEFAULT_HEIGHT;
}

/* The problems of the page @name, each prefixed with it, into @problems. */
static void
collect (GtkWindow  *window,
         const char *name,
         GPtrArray  *problems)
{
  g_autoptr(GPtrArray) cut = NULL;
  const char *pictures = g_getenv ("SP_PAGE_LABELS_PNG");

  sp_test_gui_wait_for_paint (GTK_WIDGET (window));
  sp_test_gui_wait_for_paint (GTK_WIDGET (window));
  if (pictures != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s.png", name);
      g_autofree char *path = NULL;

      g_strdelimit (file, " ,/", '-');
      path = g_build_filename (pictures, file, NULL);
      assert_true (sp_test_gui_save_png (GTK_WIDGET (window), path));
    }
  cut = sp_test_gui_find_cut_labels (GTK_WIDGET (window));
  for (guint i = 0; i < cut->len; i++)
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, (const char *) g_ptr_array_index (cut, i)));
}

/* The plan page of the window's year: each tab, and in a tab with a list
 * each of its rows in the editor. */
static void
check_plan (GtkWindow  *window,
            const char *year,
            GPtrArray  *problems)
{
  static const char *tabs[] = { "sections", "goals", "target-groups", "areas", "board" };
  GtkWidget *page;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "plan"));
  sp_test_gui_spin ();
  page = sp_test_gui_find_widget (GTK_WIDGET (window), SP_TYPE_PLAN_PAGE);
  assert_non_null (page);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (sp_test_gui_child (page, SP_TYPE_PLAN_PAGE, "main_stack")),
                 "plan") != 0)
    {
      g_autofree char *name = g_strdup_printf ("plan %s without a plan", year);

      collect (window, name, problems);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *view = sp_plan_page_get_view (SP_PLAN_PAGE (page), tabs[i]);
      GtkSingleSelection *selection;
      g_autofree char *name = g_strdup_printf ("plan %s %s", year, tabs[i]);

      assert_non_null (view);
      adw_view_stack_set_visible_child_name (sp_test_gui_child (page, SP_TYPE_PLAN_PAGE, "view_stack"), tabs[i]);
      sp_test_gui_spin ();
      collect (window, name, problems);
      if (g_str_equal (tabs[i], "board"))
        continue;
      selection = sp_plan_view_get_selection (view);
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (selection)); j++)
        {
          g_autofree char *row = g_strdup_printf ("%s, row %u", name, j);

          gtk_single_selection_set_selected (selection, j);
          sp_test_gui_spin ();
          collect (window, row, problems);
        }
    }
}

static void
check_pages (GtkWindow *window,
             gpointer   data)
{
  GPtrArray *problems = data;
  static const char *pages[] = { "budget", "follow-up", "portfolio", "members" };

  /* The window opens at its default size (the settings' default). */
  sp_test_gui_wait_until (window_has_default_size, window, "the window at 1100 × 720");
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i]));
      sp_test_gui_spin ();
      collect (window, pages[i], problems);

      if (g_str_equal (pages[i], "budget"))
        {
          /* The members' contributions, with all three years. */
          GtkWidget *page = sp_test_gui_find_widget (GTK_WIDGET (window), SP_TYPE_BUDGET_PAGE);

          assert_non_null (page);
          gtk_stack_set_visible_child_name (sp_test_gui_child (page, SP_TYPE_BUDGET_PAGE, "section_stack"),
                                            "contributions");
          collect (window, "budget contributions", problems);
          gtk_stack_set_visible_child_name (sp_test_gui_child (page, SP_TYPE_BUDGET_PAGE, "section_stack"), "lines");
        }
      else if (g_str_equal (pages[i], "portfolio"))
        {
          /* A project in the editor beside the list. */
          GtkWidget *page = sp_test_gui_find_widget (GTK_WIDGET (window), SP_TYPE_PORTFOLIO_PAGE);
          GtkWidget *view = page != NULL ? sp_test_gui_find_widget (page, GTK_TYPE_COLUMN_VIEW) : NULL;

          assert_non_null (view);
          assert_true (gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), 1, TRUE));
          sp_test_gui_spin ();
          collect (window, "project editor", problems);
        }
    }

  /* The plan of the example's year, a year whose plan is empty and a year without a plan. */
  check_plan (window, G_STRINGIFY (SP_EXAMPLE_YEAR), problems);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-year", "i", EMPTY_YEAR));
  sp_test_gui_spin ();
  check_plan (window, "empty", problems);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-year", "i", NO_PLAN_YEAR));
  sp_test_gui_spin ();
  check_plan (window, "none", problems);
}

static void
test_labels_whole (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  SpTestGuiAppRun run;

  assert_non_null (db);
  assert_true (sp_plan_year_create (db, EMPTY_YEAR, NULL));
  g_clear_object (&db);
  run = sp_test_gui_run_app (path, check_pages, problems);
  assert_false (run.timed_out);
  assert_true (run.checked);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("# %s\n", (const char *) g_ptr_array_index (problems, i));
  if (g_getenv ("SP_PAGE_LABELS_VERBOSE") == NULL)
    assert_int_equal (problems->len, 0);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_labels_whole),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("page-labels", tests, NULL, NULL);
}
