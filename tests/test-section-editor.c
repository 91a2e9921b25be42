/* test-section-editor.c: the section editor's formatting and reading a plan text in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real SpPlanPage in a window, on the example förbund (2009), in
 * Swedish, as in test-plan-page.c: the formatting buttons of the section
 * editor, and "Read In Text…" with its preview, then checked in the
 * database through the core.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <adwaita.h>

#include "sp-example.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-section.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-plan-import-dialog.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-plan-sections-view.h"
#include "ui/sp-section-editor.h"

typedef struct {
  SpTestGui  *gui;
  SpDatabase *db;
  SpPlanPage *page;
} Fixture;

#define VIEW_CHILD(f, tab, name) tab_child ((f)->page, (tab), (name))

/* The template child @name of the page's tab @tab. */
static GtkWidget *
tab_child (SpPlanPage *page,
           const char *tab,
           const char *name)
{
  GtkWidget *view = sp_plan_page_get_view (page, tab);

  assert_non_null (view);
  return GTK_WIDGET (sp_test_gui_child (view, G_OBJECT_TYPE (view), name));
}

static GtkTextView *
section_text_view (Fixture *f)
{
  return sp_section_editor_get_view (SP_SECTION_EDITOR (VIEW_CHILD (f, "sections", "section_editor")));
}

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

static SpSection *
section_at (SpRecordList *list,
            guint         i)
{
  SpSection *section = g_list_model_get_item (G_LIST_MODEL (list), i);

  g_object_unref (section); /* the list keeps it */
  return section;
}

typedef struct {
  SpRecordList *sections;
  guint         index;
  const char   *body;
} BodyIs;

/* The section at @index of @sections has the stored text @body. */
static gboolean
body_is (gpointer data)
{
  BodyIs *is = data;

  return g_strcmp0 (sp_section_get_body (section_at (is->sections, is->index)), is->body) == 0;
}

static void
wait_for_body (SpRecordList *sections,
               guint         index,
               const char   *body)
{
  BodyIs is = { sections, index, body };
  g_autofree char *what = g_strdup_printf ("section %u to store “%s”", index, body);

  sp_test_gui_wait_until (body_is, &is, what);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Selects the characters from @start to @end of the editor's text. */
static void
select_offsets (GtkTextView *view,
                int          start,
                int          end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, end);
  gtk_text_buffer_select_range (buffer, &a, &b);
}

/* The formatting buttons write CommonMark and take it away again; the
 * result is stored as typing is, and undone in one step. */
static void
test_section_formatting (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkWidget *editor = VIEW_CHILD (f, "sections", "section_editor");
  GtkTextView *text_view = section_text_view (f);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  static const char *buttons[] = { "bold_button", "italic_button", "bullets_button", "numbers_button",
                                   "heading_button" };
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;

  /* Each button is named for a screen reader and tells its shortcut. */
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = GTK_WIDGET (sp_test_gui_child (editor, SP_TYPE_SECTION_EDITOR, buttons[i]));

      assert_non_null (gtk_widget_get_tooltip_text (button));
      assert_non_null (strstr (gtk_widget_get_tooltip_text (button), "Ctrl+"));
    }

  gtk_single_selection_set_selected (selection, 0);
  sp_test_gui_spin ();
  before = g_strdup (sp_section_get_body (section_at (sections, 0)));
  gtk_text_buffer_set_text (buffer, "Ett ord här\nrad två", -1);
  wait_for_body (sections, 0, "Ett ord här\nrad två");

  select_offsets (text_view, 4, 7);
  assert_true (gtk_widget_activate_action (editor, "editor.bold", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett **ord** här\nrad två");
  g_clear_pointer (&text, g_free);
  assert_true (gtk_widget_activate_action (editor, "editor.italic", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett ***ord*** här\nrad två");
  g_clear_pointer (&text, g_free);
  /* Again: unwrapped, bold first. */
  assert_true (gtk_widget_activate_action (editor, "editor.bold", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett *ord* här\nrad två");
  g_clear_pointer (&text, g_free);
  assert_true (gtk_widget_activate_action (editor, "editor.italic", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett ord här\nrad två");
  g_clear_pointer (&text, g_free);

  /* A whole line selected with its line end: the marker stays on the line. */
  select_offsets (text_view, 0, 12);
  assert_true (gtk_widget_activate_action (editor, "editor.bold", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "**Ett ord här**\nrad två");
  g_clear_pointer (&text, g_free);
  assert_true (gtk_widget_activate_action (editor, "editor.bold", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett ord här\nrad två");
  g_clear_pointer (&text, g_free);

  /* Lists and a heading, on every line of the selection. */
  select_offsets (text_view, 2, 15);
  assert_true (gtk_widget_activate_action (editor, "editor.bullets", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "- Ett ord här\n- rad två");
  g_clear_pointer (&text, g_free);
  assert_true (gtk_widget_activate_action (editor, "editor.numbers", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "1. Ett ord här\n2. rad två");
  g_clear_pointer (&text, g_free);
  assert_true (gtk_widget_activate_action (editor, "editor.numbers", NULL));
  select_offsets (text_view, 0, 0);
  assert_true (gtk_widget_activate_action (editor, "editor.heading", NULL));
  text = buffer_text (text_view);
  assert_string_equal (text, "## Ett ord här\nrad två");
  g_clear_pointer (&text, g_free);

  /* Stored like typing; the editor's undo takes back one change at a time. */
  wait_for_body (sections, 0, "## Ett ord här\nrad två");
  assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  text = buffer_text (text_view);
  assert_string_equal (text, "Ett ord här\nrad två");
  g_clear_pointer (&text, g_free);
  wait_for_body (sections, 0, "Ett ord här\nrad två");

  /* An adopted plan: the formatting is off. */
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-12-12", "§ 45", NULL));
  sp_test_gui_spin ();
  assert_false (gtk_widget_get_sensitive (GTK_WIDGET (sp_test_gui_child (editor, SP_TYPE_SECTION_EDITOR,
                                                                          "bold_button"))));
  assert_false (gtk_text_view_get_editable (text_view));
}

/* "Read in text": a preview of the sections before anything is written,
 * Cancel writes nothing, Read In adds them as one edit that Undo takes
 * away; an adopted year cannot read in. */
static void
test_read_text (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkWidget *view = sp_plan_page_get_view (f->page, "sections");
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan 2008.txt", NULL);
  static const char text[] = "Verksamhetsplan 2008\n\nInledning\n\nFörbundet *samlar* medlemmarna kring "
                             "människor som behöver stöd.\n\nMål\n\n- Fler i arbete.\n- Färre i utanförskap.\n";
  guint n0 = g_list_model_get_n_items (G_LIST_MODEL (sections));
  AdwMessageDialog *dialog;
  GtkListBox *list;
  GtkWidget *row;

  assert_true (g_file_set_contents (path, text, -1, NULL));

  /* Cancel: nothing written. */
  sp_plan_sections_view_read_text (SP_PLAN_SECTIONS_VIEW (view), path);
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  assert_true (SP_IS_PLAN_IMPORT_DIALOG (dialog));
  assert_non_null (strstr (adw_message_dialog_get_heading (dialog), "2"));
  list = sp_plan_import_dialog_get_list (SP_PLAN_IMPORT_DIALOG (dialog));
  row = gtk_widget_get_first_child (GTK_WIDGET (list));
  assert_non_null (row);
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Inledning");
  assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Förbundet samlar medlemmarna"));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_next_sibling (row))), "Mål");
  adw_message_dialog_response (dialog, "cancel");
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0);

  /* Read In: two sections more, with their CommonMark; Undo: gone. */
  sp_plan_sections_view_read_text (SP_PLAN_SECTIONS_VIEW (view), path);
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  adw_message_dialog_response (dialog, "import");
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0 + 2);
  assert_string_equal (sp_section_get_title (section_at (sections, n0)), "Inledning");
  assert_string_equal (sp_section_get_body (section_at (sections, n0)),
                       "Förbundet *samlar* medlemmarna kring människor som behöver stöd.");
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "- Fler i arbete.\n- Färre i utanförskap.");
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0);

  /* Adopted: the action is off. */
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-12-12", "§ 45", NULL));
  sp_test_gui_spin ();
  assert_false (gtk_widget_get_sensitive (VIEW_CHILD (f, "sections", "read_text_button")));
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_section_formatting, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_text, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("section-editor", tests, NULL, NULL);
}
