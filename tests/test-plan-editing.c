/* test-plan-editing.c: editing in place on the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editors beside the plan's lists (goals, target groups, activity
 * areas) save a field on Enter or when it is left: the save button beside
 * a field shows only while its text differs from the stored value and can
 * be changed. A new item's placeholder name is selected, so that typing
 * replaces it. The real SpPlanPage on the example förbund, in Swedish.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>

#include "sp-area-group.h"
#include "sp-example.h"
#include "sp-goal.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-target-group.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-edit-row.h"
#include "ui/sp-edit-text-row.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-plan-row.h"
#include "ui/sp-plan-view.h"

typedef struct {
  SpTestGui  *gui;
  SpDatabase *db;
  SpPlanPage *page;
} Fixture;

static GtkWidget *
tab_child (Fixture    *f,
           const char *tab,
           const char *name)
{
  GtkWidget *view = sp_plan_page_get_view (f->page, tab);

  assert_non_null (view);
  return GTK_WIDGET (sp_test_gui_child (view, G_OBJECT_TYPE (view), name));
}

static void
show_tab (Fixture    *f,
          const char *tab)
{
  GtkWidget *stack = GTK_WIDGET (sp_test_gui_child (f->page, SP_TYPE_PLAN_PAGE, "view_stack"));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), tab);
  sp_test_gui_spin ();
}

static void
select_row (Fixture    *f,
            const char *tab,
            guint       position)
{
  gtk_single_selection_set_selected (sp_plan_view_get_selection (sp_plan_page_get_view (f->page, tab)), position);
  sp_test_gui_spin ();
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_plan_page_new (), 1100, 720);
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

/* Whether the save button of @row (an SpEditRow or SpEditTextRow) shows. */
static gboolean
save_shown (GtkWidget *row)
{
  if (SP_IS_EDIT_ROW (row))
    return gtk_widget_get_visible (sp_edit_row_get_save_button (SP_EDIT_ROW (row)));
  return gtk_widget_get_visible (sp_edit_text_row_get_save_button (SP_EDIT_TEXT_ROW (row)));
}

/* Enter in an SpEditRow, as the user presses it: its entry activates. */
static void
press_enter (GtkWidget *row)
{
  GtkWidget *text = sp_test_gui_find_widget (row, GTK_TYPE_TEXT);

  assert_non_null (text);
  g_signal_emit_by_name (text, "activate");
  sp_test_gui_spin ();
}

static gboolean
is_measurable (gpointer item)
{
  return sp_goal_get_kind (SP_GOAL (item)) == SP_GOAL_KIND_MEASURABLE;
}

/* The goal editor: no button on a goal just shown, one while a field is
 * changed, none after Enter or the button saved it, none on another goal
 * shown after typing, none on a greyed field or an adopted plan. */
static void
test_goal_save_buttons (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) goals = sp_goal_list_new (f->db, SP_EXAMPLE_YEAR);
  const char *names[] = { "goal_text_row", "goal_indicator_row", "goal_target_row", "goal_outcome_row" };
  GtkWidget *rows[G_N_ELEMENTS (names)];
  GtkWidget *text_row, *indicator_row, *kind_row;
  g_autoptr(SpGoal) goal = NULL;
  guint measurable = G_MAXUINT;

  show_tab (f, "goals");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rows[i] = tab_child (f, "goals", names[i]);
  text_row = rows[0];
  indicator_row = rows[1];
  kind_row = tab_child (f, "goals", "goal_kind_row");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (goals)) && measurable == G_MAXUINT; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (goals), i);

      if (is_measurable (item))
        measurable = i;
    }
  assert_true (measurable != G_MAXUINT && g_list_model_get_n_items (G_LIST_MODEL (goals)) > 1);
  goal = g_list_model_get_item (G_LIST_MODEL (goals), measurable);

  for (guint pass = 0; pass < 2; pass++)
    {
      select_row (f, "goals", pass == 0 ? measurable : (measurable == 0 ? 1 : 0));
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        if (save_shown (rows[i]))
          fail_msg ("%s shows its save button on a goal just shown", names[i]);
      select_row (f, "goals", measurable);
    }

  /* Typed: the button shows; Enter saves and it goes. */
  gtk_editable_set_text (GTK_EDITABLE (indicator_row), "Andel i arbete efter ett år");
  assert_true (save_shown (indicator_row));
  press_enter (indicator_row);
  assert_string_equal (sp_goal_get_indicator (goal), "Andel i arbete efter ett år");
  assert_false (save_shown (indicator_row));

  /* Typed back to the stored text: nothing to save. */
  gtk_editable_set_text (GTK_EDITABLE (indicator_row), "Andel");
  assert_true (save_shown (indicator_row));
  gtk_editable_set_text (GTK_EDITABLE (indicator_row), "Andel i arbete efter ett år");
  assert_false (save_shown (indicator_row));

  /* The goal's text, of several lines: the button saves it. */
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (text_row), "Fler i arbete\noch studier");
  assert_true (save_shown (text_row));
  g_signal_emit_by_name (sp_edit_text_row_get_save_button (SP_EDIT_TEXT_ROW (text_row)), "clicked");
  sp_test_gui_spin ();
  assert_string_equal (sp_goal_get_text (goal), "Fler i arbete\noch studier");
  assert_false (save_shown (text_row));

  /* Refused: the button stays, the text is not lost. */
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (text_row), "");
  g_signal_emit_by_name (sp_edit_text_row_get_save_button (SP_EDIT_TEXT_ROW (text_row)), "clicked");
  sp_test_gui_spin ();
  assert_true (gtk_widget_has_css_class (text_row, "error"));
  assert_true (save_shown (text_row));
  assert_string_equal (sp_goal_get_text (goal), "Fler i arbete\noch studier");

  /* Typed, then another goal picked: its fields show no button. */
  gtk_editable_set_text (GTK_EDITABLE (indicator_row), "Ej sparat");
  select_row (f, "goals", measurable == 0 ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (save_shown (rows[i]))
      fail_msg ("%s shows its save button after another goal was picked", names[i]);

  /* A greyed field: a strategic goal's indicator. */
  select_row (f, "goals", measurable);
  gtk_editable_set_text (GTK_EDITABLE (indicator_row), "Ändrat");
  assert_true (save_shown (indicator_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 0);
  sp_test_gui_spin ();
  assert_int_equal (sp_goal_get_kind (goal), SP_GOAL_KIND_STRATEGIC);
  assert_false (gtk_widget_is_sensitive (indicator_row));
  assert_false (save_shown (indicator_row));

  /* An adopted plan: nothing can be saved but the outcome. */
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (text_row), "Ändrat mål");
  assert_true (save_shown (text_row));
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-11-21", "§ 12", NULL));
  sp_test_gui_spin ();
  assert_false (gtk_widget_is_sensitive (text_row));
  for (guint i = 0; i < 3; i++)
    if (save_shown (rows[i]))
      fail_msg ("%s shows its save button on an adopted plan", names[i]);
}

/* Target groups and activity areas: the name saved with Enter loses its button. */
static void
test_name_save_buttons (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) targets = sp_target_group_list_new (f->db, SP_EXAMPLE_YEAR);
  g_autoptr(SpRecordList) groups = sp_area_group_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkWidget *name_row, *description_row, *area_row;
  g_autoptr(SpTargetGroup) target = NULL;
  g_autoptr(SpAreaGroup) group = NULL;

  show_tab (f, "target-groups");
  name_row = tab_child (f, "target-groups", "target_name_row");
  description_row = tab_child (f, "target-groups", "target_description_row");
  select_row (f, "target-groups", 0);
  assert_false (save_shown (name_row));
  assert_false (save_shown (description_row));
  target = g_list_model_get_item (G_LIST_MODEL (targets), 0);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Unga vuxna 18–29 år");
  assert_true (save_shown (name_row));
  press_enter (name_row);
  assert_string_equal (sp_target_group_get_name (target), "Unga vuxna 18–29 år");
  assert_false (save_shown (name_row));
  assert_false (save_shown (description_row));

  show_tab (f, "areas");
  area_row = tab_child (f, "areas", "area_name_row");
  select_row (f, "areas", 0);
  assert_false (save_shown (area_row));
  group = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  gtk_editable_set_text (GTK_EDITABLE (area_row), "Ledning och administration");
  assert_true (save_shown (area_row));
  press_enter (area_row);
  assert_string_equal (sp_area_group_get_name (group), "Ledning och administration");
  assert_false (save_shown (area_row));
}

/* The placeholder name of a new item is selected: typing replaces it. */
static void
assert_all_selected (GtkWidget  *field,
                     const char *what)
{
  if (SP_IS_EDIT_TEXT_ROW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (sp_edit_text_row_get_text_view (SP_EDIT_TEXT_ROW (field)));
      GtkTextIter start, end;

      if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end) ||
          !gtk_text_iter_is_start (&start) || !gtk_text_iter_is_end (&end))
        fail_msg ("%s: the placeholder is not selected", what);
      /* Typing replaces it. */
      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, "Administration", -1, TRUE);
      {
        g_autofree char *text = sp_edit_text_row_get_text (SP_EDIT_TEXT_ROW (field));

        assert_string_equal (text, "Administration");
      }
    }
  else
    {
      int start = -1, end = -1;
      int length = g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (field)), -1);

      if (!gtk_editable_get_selection_bounds (GTK_EDITABLE (field), &start, &end) ||
          MIN (start, end) != 0 || MAX (start, end) != length)
        fail_msg ("%s: the placeholder is not selected (%d–%d of %d)", what, start, end, length);
      gtk_editable_delete_selection (GTK_EDITABLE (field));
      assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (field)), "");
    }
}

static void
test_new_items_select_placeholder (void **state)
{
  Fixture *f = *state;
  struct {
    const char *tab;
    const char *action;
    const char *field;
  } adds[] = {
    { "goals", "plan.add-goal", "goal_text_row" },
    { "target-groups", "plan.add-target-group", "target_name_row" },
    { "areas", "plan.add-area-group", "area_name_row" },
    { "areas", "plan.add-area", "area_name_row" },
    { "sections", "plan.add-section", "section_title_entry" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (adds); i++)
    {
      GtkWidget *field = tab_child (f, adds[i].tab, adds[i].field);

      show_tab (f, adds[i].tab);
      assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), adds[i].action, NULL));
      sp_test_gui_spin ();
      sp_test_gui_run_for (100);
      assert_all_selected (field, adds[i].action);
    }
}

/* A long name in the sidebar is shown whole: its row's label wraps, it is
 * not cut with "…". */
static gboolean
is_plan_row_title (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, SP_TYPE_PLAN_ROW) != NULL &&
         !gtk_widget_has_css_class (widget, "caption");
}

static void
test_long_names_wrap (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) groups = sp_area_group_list_new (f->db, SP_EXAMPLE_YEAR);
  g_autoptr(SpAreaGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  const char *name = "Konferens/Utbildning/samverkansaktiviteter och uppföljning/utvärdering";
  GtkWidget *list = tab_child (f, "areas", "areas_view");
  GtkWidget *label;

  assert_true (sp_area_group_rename (f->db, sp_record_get_id (SP_RECORD (group)), name, NULL));
  show_tab (f, "areas");
  sp_test_gui_wait_for_paint (list);
  label = sp_test_gui_find_widget_matching (list, GTK_TYPE_LABEL, is_plan_row_title);
  assert_non_null (label);
  assert_string_equal (gtk_label_get_text (GTK_LABEL (label)), name);
  assert_int_equal (gtk_label_get_ellipsize (GTK_LABEL (label)), PANGO_ELLIPSIZE_NONE);
  assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  {
    PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));

    assert_false (pango_layout_is_ellipsized (layout));
    assert_true (pango_layout_get_line_count (layout) > 1);
  }
}

/* The follow-up of a goal on an adopted plan: the status chosen in its
 * drop-down and the comment saved with its button are stored, shown in the
 * list, and undone; the plan's own fields stay read-only. */
static void
test_goal_follow_up (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) goals = sp_goal_list_new (f->db, SP_EXAMPLE_YEAR);
  g_autoptr(SpGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals), 0);
  gint64 id = sp_record_get_id (SP_RECORD (goal));
  GtkWidget *status_row, *comment_row, *outcome_row, *text_row, *list;
  GListModel *statuses;
  g_autoptr(SpGoal) stored = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *label = NULL;

  show_tab (f, "goals");
  select_row (f, "goals", 0);
  status_row = tab_child (f, "goals", "goal_status_row");
  comment_row = tab_child (f, "goals", "goal_comment_row");
  outcome_row = tab_child (f, "goals", "goal_outcome_row");
  text_row = tab_child (f, "goals", "goal_text_row");
  list = tab_child (f, "goals", "goals_view");

  /* The four statuses in Swedish, the goal not yet assessed. */
  statuses = adw_combo_row_get_model (ADW_COMBO_ROW (status_row));
  assert_int_equal (g_list_model_get_n_items (statuses), 4);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (statuses), 0), "Ej bedömt");
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (statuses), 1), "Uppnått");
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (statuses), 2), "Delvis uppnått");
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (statuses), 3), "Ej uppnått");
  assert_int_equal (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), 0);
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (status_row)), "_Status");
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (comment_row)), "_Kommentar");

  /* Adopted: the goal is read-only, its follow-up is not. */
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-11-21", "§ 12", NULL));
  sp_test_gui_spin ();
  assert_false (gtk_widget_is_sensitive (text_row));
  assert_true (gtk_widget_is_sensitive (outcome_row));
  assert_true (gtk_widget_is_sensitive (status_row));
  assert_true (gtk_widget_is_sensitive (comment_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (status_row), SP_GOAL_STATUS_PARTLY_ACHIEVED);
  sp_test_gui_spin ();
  stored = sp_goal_load (f->db, id, NULL);
  assert_int_equal (sp_goal_get_follow_up_status (stored), SP_GOAL_STATUS_PARTLY_ACHIEVED);
  g_clear_object (&stored);

  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (comment_row), "Hälften av deltagarna\ngick vidare till arbete");
  assert_true (save_shown (comment_row));
  g_signal_emit_by_name (sp_edit_text_row_get_save_button (SP_EDIT_TEXT_ROW (comment_row)), "clicked");
  sp_test_gui_spin ();
  assert_false (save_shown (comment_row));
  stored = sp_goal_load (f->db, id, NULL);
  assert_int_equal (sp_goal_get_follow_up_status (stored), SP_GOAL_STATUS_PARTLY_ACHIEVED);
  assert_string_equal (sp_goal_get_follow_up_comment (stored), "Hälften av deltagarna\ngick vidare till arbete");
  g_clear_object (&stored);

  /* The list says the status under the goal. */
  detail = g_strdup_printf ("%s · delvis uppnått", sp_goal_kind_get_label (sp_goal_get_kind (goal)));
  if (sp_goal_has_outcome (goal))
    label = g_strdup_printf ("%s · Utfall: %s", detail, sp_goal_get_outcome (goal));
  else
    label = g_strdup (detail);
  sp_test_gui_wait_for_paint (list);
  assert_non_null (sp_test_gui_find_label (list, label));

  /* SP_SCREENSHOT_GOAL: the command that takes a screenshot of the follow-up. */
  if (g_getenv ("SP_SCREENSHOT_GOAL") != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (status_row, GTK_TYPE_SCROLLED_WINDOW);

      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 400);
      sp_test_gui_wait_for_paint (list);
      assert_true (g_spawn_command_line_sync (g_getenv ("SP_SCREENSHOT_GOAL"), NULL, NULL, NULL, NULL));
    }

  /* Undone one edit at a time; the editor follows. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_false (save_shown (comment_row));
  assert_string_equal (sp_edit_text_row_get_stored_text (SP_EDIT_TEXT_ROW (comment_row)), "");
  assert_int_equal (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), SP_GOAL_STATUS_PARTLY_ACHIEVED);
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (adw_combo_row_get_selected (ADW_COMBO_ROW (status_row)), SP_GOAL_STATUS_NOT_ASSESSED);
  stored = sp_goal_load (f->db, id, NULL);
  assert_int_equal (sp_goal_get_follow_up_status (stored), SP_GOAL_STATUS_NOT_ASSESSED);
  assert_string_equal (sp_goal_get_follow_up_comment (stored), "");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_goal_save_buttons, setup, teardown),
    cmocka_unit_test_setup_teardown (test_name_save_buttons, setup, teardown),
    cmocka_unit_test_setup_teardown (test_new_items_select_placeholder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_names_wrap, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goal_follow_up, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("plan-editing", tests, NULL, NULL);
}
