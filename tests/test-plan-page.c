/* test-plan-page.c: the Operational Plan page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real SpPlanPage in a window, on the example förbund (2009), in
 * Swedish. Every step goes through the page's actions and widgets and is
 * then checked in the database through the core.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-board-member.h"
#include "sp-budget.h"
#include "sp-error.h"
#include "sp-example.h"
#include "sp-goal.h"
#include "sp-history.h"
#include "sp-plan-search.h"
#include "sp-project.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-edit-text-row.h"
#include "ui/sp-plan-adopt-dialog.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-plan-row.h"
#include "ui/sp-plan-search-bar.h"
#include "ui/sp-plan-status-bar.h"
#include "ui/sp-section-editor.h"
#include "ui/sp-sidebar-pane.h"

typedef struct {
  SpTestGui  *gui;
  SpDatabase *db;
  GtkWindow  *window;
  SpPlanPage *page;
} Fixture;

#define PAGE_CHILD(f, name) GTK_WIDGET (sp_test_gui_child ((f)->page, SP_TYPE_PLAN_PAGE, (name)))
#define SEARCH_CHILD(f, name) \
  GTK_WIDGET (sp_test_gui_child (PAGE_CHILD ((f), "search"), SP_TYPE_PLAN_SEARCH_BAR, (name)))
#define STATUS_CHILD(f, name) \
  GTK_WIDGET (sp_test_gui_child (PAGE_CHILD ((f), "status"), SP_TYPE_PLAN_STATUS_BAR, (name)))
#define VIEW_CHILD(f, tab, name) tab_child ((f)->page, (tab), (name))
#define TAB_CHILD(page, tab, name) tab_child ((page), (tab), (name))

/* The template child @name of the page's tab @tab (sections, goals,
 * target-groups, areas or board), which is made if it was not yet shown. */
static GtkWidget *
tab_child (SpPlanPage *page,
           const char *tab,
           const char *name)
{
  GtkWidget *view = sp_plan_page_get_view (page, tab);

  assert_non_null (view);
  return GTK_WIDGET (sp_test_gui_child (view, G_OBJECT_TYPE (view), name));
}

/* The text view of the section editor. */
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
  f->window = f->gui->window;
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

/* Conditions to wait for (sp_test_gui_wait_until ()). */

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

/* Waits until the section at @index of @sections has stored @body. */
static void
wait_for_body (SpRecordList *sections,
               guint         index,
               const char   *body)
{
  BodyIs is = { sections, index, body };
  g_autofree char *what = g_strdup_printf ("section %u to store “%s”", index, body);

  sp_test_gui_wait_until (body_is, &is, what);
}

static gboolean
widget_is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static gboolean
leaflet_is_folded (gpointer leaflet)
{
  return adw_leaflet_get_folded (leaflet);
}

typedef struct {
  GListModel *model;
  guint       n_items;
} HasItems;

static gboolean
has_items (gpointer data)
{
  HasItems *has = data;

  return g_list_model_get_n_items (has->model) == has->n_items;
}

/* Clicks the dialog's button for @response, as the user would. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  GtkWidget *button = sp_test_gui_find_button (GTK_WIDGET (dialog),
                                               adw_message_dialog_get_response_label (dialog, response));

  assert_non_null (button);
  g_signal_emit_by_name (button, "clicked");
  sp_test_gui_spin ();
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
type_text (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
set_title (Fixture    *f,
           const char *title)
{
  GtkWidget *entry = VIEW_CHILD (f, "sections", "section_title_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), title);
  g_signal_emit_by_name (entry, "activate");
  sp_test_gui_spin ();
}

static SpSection *
selected_section (Fixture *f)
{
  GtkListView *view = GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));

  return gtk_single_selection_get_selected_item (selection);
}

/* The whole story of the issue: add, reorder, type, undo, adopt, refuse,
 * re-open, next year. */
static void
test_plan_story (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  SpHistory *history = sp_database_get_history (f->db);
  GtkTextView *text_view = section_text_view (f);
  GtkWidget *title_entry = VIEW_CHILD (f, "sections", "section_title_entry");
  GtkLabel *error_label = GTK_LABEL (VIEW_CHILD (f, "sections", "section_error_label"));
  GtkLabel *status_label = GTK_LABEL (STATUS_CHILD (f, "status_label"));
  g_autoptr(SpPlanYear) plan_year = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;
  guint n0 = g_list_model_get_n_items (G_LIST_MODEL (sections));
  gint64 id_a, id_b, id_c;

  assert_true (n0 > 0);
  /* A draft: the status says so and the plan is not locked. */
  assert_non_null (strstr (gtk_label_get_text (status_label), "2009"));
  assert_non_null (strstr (gtk_label_get_text (status_label), C_("plan status", "Draft")));
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (STATUS_CHILD (f, "lock_revealer"))));
  assert_true (gtk_widget_get_visible (STATUS_CHILD (f, "adopt_button")));
  assert_false (gtk_widget_get_visible (STATUS_CHILD (f, "reopen_button")));

  /* Add three sections, each named in the title entry. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-section", NULL));
  sp_test_gui_spin ();
  set_title (f, "Avsnitt A");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-section", NULL));
  sp_test_gui_spin ();
  set_title (f, "Avsnitt B");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-section", NULL));
  sp_test_gui_spin ();
  set_title (f, "Avsnitt C");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0 + 3);
  assert_string_equal (sp_section_get_title (section_at (sections, n0)), "Avsnitt A");
  assert_string_equal (sp_section_get_title (section_at (sections, n0 + 1)), "Avsnitt B");
  assert_string_equal (sp_section_get_title (section_at (sections, n0 + 2)), "Avsnitt C");
  id_a = sp_record_get_id (SP_RECORD (section_at (sections, n0)));
  id_b = sp_record_get_id (SP_RECORD (section_at (sections, n0 + 1)));
  id_c = sp_record_get_id (SP_RECORD (section_at (sections, n0 + 2)));
  assert_int_equal (sp_record_get_id (SP_RECORD (selected_section (f))), id_c);

  /* An empty title is refused inline; the stored title stays. */
  set_title (f, "   ");
  assert_true (gtk_widget_has_css_class (title_entry, "error"));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  assert_true (strlen (gtk_label_get_text (error_label)) > 0);
  assert_string_equal (sp_section_get_title (section_at (sections, n0 + 2)), "Avsnitt C");
  set_title (f, "Avsnitt C");
  assert_false (gtk_widget_has_css_class (title_entry, "error"));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Reorder: C moves above B (Alt+Up), and stays selected. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.move-up", NULL));
  sp_test_gui_spin ();
  assert_int_equal (sp_record_get_id (SP_RECORD (section_at (sections, n0))), id_a);
  assert_int_equal (sp_record_get_id (SP_RECORD (section_at (sections, n0 + 1))), id_c);
  assert_int_equal (sp_record_get_id (SP_RECORD (section_at (sections, n0 + 2))), id_b);
  assert_int_equal (sp_record_get_id (SP_RECORD (selected_section (f))), id_c);

  /* Type: nothing is stored before the pause, then all of it. */
  type_text (text_view, "Hej världen");
  sp_test_gui_spin ();
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "");
  wait_for_body (sections, n0 + 1, "Hej världen");
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "Hej världen");
  type_text (text_view, ", igen");
  wait_for_body (sections, n0 + 1, "Hej världen, igen");
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "Hej världen, igen");

  /* Undo of the stored edit: the database and the editor go back. */
  assert_true (sp_history_undo (history, &error));
  assert_null (error);
  sp_test_gui_spin ();
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "Hej världen");
  text = buffer_text (text_view);
  assert_string_equal (text, "Hej världen");
  g_clear_pointer (&text, g_free);
  /* And redo brings it back into the editor. */
  assert_true (sp_history_redo (history, NULL));
  sp_test_gui_spin ();
  text = buffer_text (text_view);
  assert_string_equal (text, "Hej världen, igen");
  g_clear_pointer (&text, g_free);

  /* Adopt: the dialog asks for the decision's date and paragraph. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.adopt", NULL));
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  /* A wrong date is refused and asked again; nothing is adopted. */
  gtk_editable_set_text (GTK_EDITABLE (sp_plan_adopt_dialog_get_date_row (SP_PLAN_ADOPT_DIALOG (dialog))), "21/11/2008");
  gtk_editable_set_text (GTK_EDITABLE (sp_plan_adopt_dialog_get_paragraph_row (SP_PLAN_ADOPT_DIALOG (dialog))), "§ 12");
  respond (dialog, "adopt");
  sp_test_gui_spin ();
  plan_year = sp_plan_year_load (f->db, SP_EXAMPLE_YEAR, NULL);
  assert_false (sp_plan_year_is_adopted (plan_year));
  g_clear_object (&plan_year);
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  assert_non_null (strstr (adw_message_dialog_get_body (dialog), "21/11/2008"));
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (sp_plan_adopt_dialog_get_paragraph_row (SP_PLAN_ADOPT_DIALOG (dialog)))),
                       "§ 12");
  gtk_editable_set_text (GTK_EDITABLE (sp_plan_adopt_dialog_get_date_row (SP_PLAN_ADOPT_DIALOG (dialog))), "2008-11-21");
  respond (dialog, "adopt");
  sp_test_gui_spin ();
  plan_year = sp_plan_year_load (f->db, SP_EXAMPLE_YEAR, NULL);
  assert_true (sp_plan_year_is_adopted (plan_year));
  assert_string_equal (sp_plan_year_get_decision_date (plan_year), "2008-11-21");
  assert_string_equal (sp_plan_year_get_decision_paragraph (plan_year), "§ 12");
  g_clear_object (&plan_year);

  /* The page is locked and says so. */
  assert_non_null (strstr (gtk_label_get_text (status_label), "2008-11-21"));
  assert_non_null (strstr (gtk_label_get_text (status_label), "§ 12"));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (STATUS_CHILD (f, "lock_revealer"))));
  assert_false (gtk_widget_get_visible (STATUS_CHILD (f, "adopt_button")));
  assert_true (gtk_widget_get_visible (STATUS_CHILD (f, "reopen_button")));
  assert_false (gtk_text_view_get_editable (text_view));
  assert_false (gtk_editable_get_editable (GTK_EDITABLE (title_entry)));
  assert_false (gtk_widget_get_sensitive (VIEW_CHILD (f, "target-groups", "target_group")));

  /* Adding is disabled: the action does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-section", NULL);
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0 + 3);

  /* An edit that gets through anyway is refused by the core, and shown. */
  set_title (f, "Ändrad");
  assert_true (gtk_widget_has_css_class (title_entry, "error"));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  {
    g_autoptr(GError) locked = NULL;

    assert_false (sp_section_rename (f->db, id_c, "Ändrad", &locked));
    assert_true (g_error_matches (locked, SP_ERROR, SP_ERROR_LOCKED));
    assert_string_equal (gtk_label_get_text (error_label), locked->message);
  }
  assert_string_equal (sp_section_get_title (section_at (sections, n0 + 1)), "Avsnitt C");
  set_title (f, "Avsnitt C");
  type_text (text_view, " (låst)");
  /* The store is tried after the pause, and refused. */
  sp_test_gui_wait_until (widget_is_visible, error_label, "the refusal of the locked text to be shown");
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "Hej världen, igen");
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  /* The typed text is not lost: it is still in the editor. */
  text = buffer_text (text_view);
  assert_string_equal (text, "Hej världen, igen (låst)");
  g_clear_pointer (&text, g_free);

  /* Re-open, after a confirmation. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.reopen", NULL));
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  respond (dialog, "reopen");
  sp_test_gui_spin ();
  plan_year = sp_plan_year_load (f->db, SP_EXAMPLE_YEAR, NULL);
  assert_false (sp_plan_year_is_adopted (plan_year));
  g_clear_object (&plan_year);
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (STATUS_CHILD (f, "lock_revealer"))));
  assert_true (gtk_text_view_get_editable (text_view));
  assert_non_null (strstr (gtk_label_get_text (status_label), C_("plan status", "Draft")));

  /* Now the text typed while locked can be stored. */
  type_text (text_view, ".");
  wait_for_body (sections, n0 + 1, "Hej världen, igen (låst).");
  assert_string_equal (sp_section_get_body (section_at (sections, n0 + 1)), "Hej världen, igen (låst).");
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));

  /* Create the next year: the page shows it, with this year's sections. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.create-next-year", NULL));
  sp_test_gui_spin ();
  plan_year = sp_plan_year_load (f->db, SP_EXAMPLE_YEAR + 1, &error);
  assert_null (error);
  assert_non_null (plan_year);
  assert_false (sp_plan_year_is_adopted (plan_year));
  assert_int_equal (sp_plan_page_get_year (f->page), SP_EXAMPLE_YEAR + 1);
  assert_non_null (strstr (gtk_label_get_text (status_label), "2010"));
  /* A dialog says what came over and what is left to fill in: the second
   * plan year (2012) is empty on every line, and its frame. */
  {
    AdwMessageDialog *next_dialog = sp_test_gui_find_dialog ();
    g_autoptr(SpRecordList) next_lines = sp_budget_line_list_new (f->db, SP_EXAMPLE_YEAR + 1);
    guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (next_lines));
    g_autofree char *carried = g_strdup_printf ("och %u budgetrader.", n_lines);
    const char *body, *left;

    assert_non_null (next_dialog);
    assert_string_equal (adw_message_dialog_get_heading (next_dialog), "Planen för 2010 är skapad");
    body = adw_message_dialog_get_body (next_dialog);
    assert_true (n_lines > 1);
    assert_non_null (strstr (body, "Med från 2009: "));
    assert_non_null (strstr (body, carried));
    left = gtk_label_get_text (GTK_LABEL (adw_message_dialog_get_extra_child (next_dialog)));
    assert_non_null (strstr (left, "Kvar att fylla i:"));
    assert_non_null (strstr (left, "planåret 2012 på alla budgetrader"));
    assert_non_null (strstr (left, "medlemmarnas ram för 2012"));
    gtk_window_destroy (GTK_WINDOW (next_dialog));
    sp_test_gui_spin ();
  }
  {
    g_autoptr(SpRecordList) next = sp_section_list_new (f->db, SP_EXAMPLE_YEAR + 1);

    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (next)), n0 + 3);
    assert_string_equal (sp_section_get_title (section_at (next, n0)), "Avsnitt A");
    assert_string_equal (sp_section_get_title (section_at (next, n0 + 1)), "Avsnitt C");
    assert_string_equal (sp_section_get_body (section_at (next, n0 + 1)), "Hej världen, igen (låst).");
    assert_string_equal (sp_section_get_title (section_at (next, n0 + 2)), "Avsnitt B");
    /* The page's list is the new year's. */
    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                        GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))))), n0 + 3);
  }
  /* Back on 2009: 2010 exists, so the action is off and the page stays. */
  sp_plan_page_set_year (f->page, SP_EXAMPLE_YEAR);
  sp_test_gui_spin ();
  sp_plan_page_flush (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.create-next-year", NULL);
  sp_test_gui_spin ();
  assert_int_equal (sp_plan_page_get_year (f->page), SP_EXAMPLE_YEAR);
}

/* Deleting a section shows an undo toast; undo brings it back into the list. */
static void
test_delete_and_undo (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  guint n0 = g_list_model_get_n_items (G_LIST_MODEL (sections));
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  g_autofree char *title = g_strdup (sp_section_get_title (selected_section (f)));

  assert_int_equal (g_list_model_get_n_items (shown), n0);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.delete-section", NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0 - 1);
  assert_int_equal (g_list_model_get_n_items (shown), n0 - 1);
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (sections)), n0);
  assert_int_equal (g_list_model_get_n_items (shown), n0);
  assert_string_equal (sp_section_get_title (section_at (sections, 0)), title);
}

/* Switching sections stores the typed text at once, without waiting. */
static void
test_switch_flushes (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkTextView *text_view = section_text_view (f);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  g_autofree char *before = g_strdup (sp_section_get_body (section_at (sections, 0)));
  g_autofree char *expected = g_strconcat (before, " Mer text.", NULL);
  g_autofree char *text = NULL;

  gtk_single_selection_set_selected (selection, 0);
  sp_test_gui_spin ();
  /* Showing a section is nothing the text view can undo… */
  assert_false (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (text_view)));
  type_text (text_view, " Mer text.");
  /* …typing is. */
  assert_true (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (text_view)));
  gtk_single_selection_set_selected (selection, 1);
  sp_test_gui_spin ();
  assert_false (gtk_text_buffer_get_can_undo (gtk_text_view_get_buffer (text_view)));
  assert_string_equal (sp_section_get_body (section_at (sections, 0)), expected);
  text = buffer_text (text_view);
  assert_string_equal (text, sp_section_get_body (section_at (sections, 1)));
}

/* Text pasted from a Windows program: stored with plain line ends, and
 * the editor keeps what was typed (no reload, the typing still undoable). */
static void
test_windows_line_ends (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkTextView *text_view = section_text_view (f);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;

  gtk_single_selection_set_selected (selection, 0);
  sp_test_gui_spin ();
  before = g_strdup (sp_section_get_body (section_at (sections, 0)));
  expected = g_strconcat (before, "\nRad ett\nRad två\n", NULL);
  type_text (text_view, "\r\nRad ett\r\nRad två\r\n");
  wait_for_body (sections, 0, expected);
  assert_string_equal (sp_section_get_body (section_at (sections, 0)), expected);
  assert_false (gtk_widget_get_visible (VIEW_CHILD (f, "sections", "section_error_label")));
  /* Still the typed text, and still undoable: the buffer was not reloaded. */
  assert_true (gtk_text_buffer_get_can_undo (buffer));
  shown = buffer_text (text_view);
  assert_non_null (strstr (shown, "Rad ett\r\nRad två"));
}

typedef struct {
  SpDatabase *db;
  gint64      id;
  glong       length;
} StoredLength;

/* The stored text of section @id has @length characters. */
static gboolean
has_stored_length (gpointer data)
{
  StoredLength *is = data;
  g_autoptr(SpSection) stored = sp_section_load (is->db, is->id, NULL);

  return stored != NULL && g_utf8_strlen (sp_section_get_body (stored), -1) == is->length;
}

/* 100 000 characters: set once, typing does not rebuild the buffer. */
static void
test_long_section (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkTextView *text_view = section_text_view (f);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (
    GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  GString *body = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkTextIter iter;
  gint64 id;
  GtkTextMark *mark;
  StoredLength typed;

  /* Paragraphs, as a plan has them. */
  for (int i = 1; body->len < 100000; i++)
    g_string_append (body, i % 10 == 0 ? "Förbundet samlar medlemmarna kring människor som behöver stöd.\n\n"
                                       : "Förbundet samlar medlemmarna kring människor som behöver stöd. ");
  id = sp_section_add (f->db, SP_EXAMPLE_YEAR, "Långt avsnitt", body->str, NULL);
  assert_true (id > 0);
  sp_test_gui_spin ();
  gtk_single_selection_set_selected (selection, g_list_model_get_n_items (G_LIST_MODEL (selection)) - 1);
  sp_test_gui_spin ();
  assert_int_equal (gtk_text_buffer_get_char_count (buffer), g_utf8_strlen (body->str, -1));

  /* A mark survives typing only if the buffer is not replaced. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 50000);
  mark = gtk_text_buffer_create_mark (buffer, "probe", &iter, TRUE);
  for (int i = 0; i < 50; i++)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, 10);
      gtk_text_buffer_insert (buffer, &iter, "x", 1);
      sp_test_gui_spin ();
    }
  /* How fast that is belongs in build-aux/bench (its typing section), not in a test. */
  typed = (StoredLength) { f->db, id, g_utf8_strlen (body->str, -1) + 50 };
  sp_test_gui_wait_until (has_stored_length, &typed, "the 50 typed characters to be stored");
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, mark);
  assert_int_equal (gtk_text_iter_get_offset (&iter), 50050);
  {
    g_autoptr(SpSection) stored = sp_section_load (f->db, id, NULL);

    assert_int_equal (g_utf8_strlen (sp_section_get_body (stored), -1), g_utf8_strlen (body->str, -1) + 50);
  }
  g_string_free (body, TRUE);
}

/* Goals: the count of outcomes, an outcome typed in, an empty text refused. */
static void
test_goals (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) goals = sp_goal_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkLabel *count = GTK_LABEL (STATUS_CHILD (f, "outcome_label"));
  GtkWidget *text_row = VIEW_CHILD (f, "goals", "goal_text_row");
  GtkWidget *outcome_row = VIEW_CHILD (f, "goals", "goal_outcome_row");
  guint n_goals = 0, n_with = 0, n_with_after = 0;
  g_autofree char *expected = NULL;
  g_autoptr(SpGoal) goal = NULL;

  assert_true (sp_goal_count_outcomes (f->db, SP_EXAMPLE_YEAR, &n_goals, &n_with, NULL));
  assert_true (n_goals > 0);
  expected = g_strdup_printf (ngettext ("%u of %u goal has an outcome", "%u of %u goals have an outcome",
                                        n_goals), n_with, n_goals);
  assert_string_equal (gtk_label_get_text (count), expected);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (PAGE_CHILD (f, "view_stack")), "goals");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-goal", NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (goals)), n_goals + 1);
  goal = g_list_model_get_item (G_LIST_MODEL (goals), n_goals);

  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (text_row), "Fler deltagare till arbete");
  g_signal_emit_by_name (text_row, "apply");
  sp_test_gui_spin ();
  assert_string_equal (sp_goal_get_text (goal), "Fler deltagare till arbete");

  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (text_row), "");
  g_signal_emit_by_name (text_row, "apply");
  sp_test_gui_spin ();
  assert_true (gtk_widget_has_css_class (text_row, "error"));
  assert_true (gtk_widget_get_visible (VIEW_CHILD (f, "goals", "goal_error_label")));
  assert_string_equal (sp_goal_get_text (goal), "Fler deltagare till arbete");

  /* Typed but not applied: leaving the row stores it. */
  gtk_widget_grab_focus (VIEW_CHILD (f, "goals", "goal_indicator_row"));
  sp_test_gui_spin ();
  if (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (f->window))) &&
      gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), VIEW_CHILD (f, "goals", "goal_indicator_row")))
    {
      gtk_editable_set_text (GTK_EDITABLE (VIEW_CHILD (f, "goals", "goal_indicator_row")), "Andel till arbete");
      gtk_widget_grab_focus (VIEW_CHILD (f, "goals", "goals_view"));
      sp_test_gui_spin ();
      assert_string_equal (sp_goal_get_indicator (goal), "Andel till arbete");
    }
  else
    g_print ("# no keyboard focus under this display: leaving a row not checked\n");

  gtk_editable_set_text (GTK_EDITABLE (outcome_row), "42 deltagare");
  g_signal_emit_by_name (outcome_row, "apply");
  sp_test_gui_spin ();
  assert_string_equal (sp_goal_get_outcome (goal), "42 deltagare");
  assert_true (sp_goal_count_outcomes (f->db, SP_EXAMPLE_YEAR, &n_goals, &n_with_after, NULL));
  assert_int_equal (n_with_after, n_with + 1);
  g_free (expected);
  expected = g_strdup_printf (ngettext ("%u of %u goal has an outcome", "%u of %u goals have an outcome",
                                        n_goals), n_with_after, n_goals);
  assert_string_equal (gtk_label_get_text (count), expected);
}

#define OTHER_CHILD(page, name) GTK_WIDGET (sp_test_gui_child ((page), SP_TYPE_PLAN_PAGE, (name)))

/* The position of @text in a combo row's string list, or G_MAXUINT. */
static guint
combo_position (GtkWidget  *row,
                const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;
  return G_MAXUINT;
}

/* A goal's area and project are chosen from every area of the year and
 * every project; the choices are made when the goals tab is first shown,
 * and a goal's stored choice is shown there. */
static void
test_goal_choices (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) goals = sp_goal_list_new (f->db, SP_EXAMPLE_YEAR);
  g_autoptr(SpRecordList) projects = sp_project_list_new (f->db);
  g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (f->db, SP_EXAMPLE_YEAR);
  g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (projects), 1);
  g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), 0);
  g_autofree char *area_text = g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area), sp_area_get_name (area));
  GtkWidget *project_row = VIEW_CHILD (f, "goals", "goal_project_row");
  GtkWidget *area_row = VIEW_CHILD (f, "goals", "goal_area_row");
  SpPlanPage *other;
  guint n_goals = g_list_model_get_n_items (G_LIST_MODEL (goals));
  g_autoptr(SpGoal) goal = NULL;
  guint position;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (PAGE_CHILD (f, "view_stack")), "goals");
  sp_test_gui_spin ();
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-goal", NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (goals)), n_goals + 1);
  goal = g_list_model_get_item (G_LIST_MODEL (goals), n_goals);

  /* "None" and every project; "None" and every area of the year. */
  assert_int_equal (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (project_row))),
                    1 + g_list_model_get_n_items (G_LIST_MODEL (projects)));
  assert_int_equal (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (area_row))),
                    1 + g_list_model_get_n_items (G_LIST_MODEL (areas)));
  assert_int_equal (adw_combo_row_get_selected (ADW_COMBO_ROW (project_row)), 0);

  position = combo_position (project_row, sp_project_get_name (project));
  assert_true (position != G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (project_row), position);
  sp_test_gui_spin ();
  assert_int_equal (sp_goal_get_project_id (goal), sp_record_get_id (SP_RECORD (project)));
  position = combo_position (area_row, area_text);
  assert_true (position != G_MAXUINT);
  adw_combo_row_set_selected (ADW_COMBO_ROW (area_row), position);
  sp_test_gui_spin ();
  assert_int_equal (sp_goal_get_area_id (goal), sp_record_get_id (SP_RECORD (area)));

  /* Another page on the same file opens on its sections; on its goals
   * tab, this goal shows its project and area. */
  other = SP_PLAN_PAGE (sp_plan_page_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (other));
  g_object_set (other, "database", f->db, "year", SP_EXAMPLE_YEAR, NULL);
  sp_test_gui_spin ();
  project_row = TAB_CHILD (other, "goals", "goal_project_row");
  area_row = TAB_CHILD (other, "goals", "goal_area_row");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (OTHER_CHILD (other, "view_stack")), "goals");
  sp_test_gui_spin ();
  {
    GtkListView *view = GTK_LIST_VIEW (TAB_CHILD (other, "goals", "goals_view"));
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
      {
        g_autoptr(SpGoal) shown = g_list_model_get_item (G_LIST_MODEL (selection), i);

        if (sp_record_get_id (SP_RECORD (shown)) == sp_record_get_id (SP_RECORD (goal)))
          gtk_single_selection_set_selected (selection, i);
      }
    sp_test_gui_spin ();
  }
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (project_row))),
                                                   adw_combo_row_get_selected (ADW_COMBO_ROW (project_row))),
                       sp_project_get_name (project));
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (area_row))),
                                                   adw_combo_row_get_selected (ADW_COMBO_ROW (area_row))),
                       area_text);
}

/* Target groups: add, name, an empty name refused, delete with undo. */
static void
test_target_groups (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) targets = sp_target_group_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkWidget *name_row = VIEW_CHILD (f, "target-groups", "target_name_row");
  GtkWidget *description_row = VIEW_CHILD (f, "target-groups", "target_description_row");
  guint n0 = g_list_model_get_n_items (G_LIST_MODEL (targets));
  g_autoptr(SpTargetGroup) target = NULL;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.add-target-group", NULL));
  sp_test_gui_spin ();
  assert_string_equal (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (PAGE_CHILD (f, "view_stack"))),
                       "target-groups");
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (targets)), n0 + 1);
  target = g_list_model_get_item (G_LIST_MODEL (targets), n0);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Nyanlända 20–64 år");
  g_signal_emit_by_name (name_row, "apply");
  sp_test_gui_spin ();
  assert_string_equal (sp_target_group_get_name (target), "Nyanlända 20–64 år");

  /* An empty name is refused; the description still goes in. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), " ");
  g_signal_emit_by_name (name_row, "apply");
  sp_test_gui_spin ();
  assert_true (gtk_widget_has_css_class (name_row, "error"));
  assert_true (gtk_widget_get_visible (VIEW_CHILD (f, "target-groups", "target_error_label")));
  assert_string_equal (sp_target_group_get_name (target), "Nyanlända 20–64 år");
  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (description_row), "Med aktivitetsersättning");
  g_signal_emit_by_name (description_row, "apply");
  sp_test_gui_spin ();
  assert_string_equal (sp_target_group_get_description (target), "Med aktivitetsersättning");
  assert_string_equal (sp_target_group_get_name (target), "Nyanlända 20–64 år");

  /* Move it up (Alt+Up), then delete it, then undo. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.move-up", NULL));
  sp_test_gui_spin ();
  if (n0 > 0)
    {
      g_autoptr(SpTargetGroup) moved = g_list_model_get_item (G_LIST_MODEL (targets), n0 - 1);

      assert_int_equal (sp_record_get_id (SP_RECORD (moved)), sp_record_get_id (SP_RECORD (target)));
    }
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.delete", NULL));
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (targets)), n0);
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (targets)), n0 + 1);
}

/* Search filters the sections and the goals with the core's search. */
static void
test_search (void **state)
{
  Fixture *f = *state;
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (VIEW_CHILD (f, "sections", "sections_view"))));
  g_autoptr(GArray) section_ids = NULL;
  g_autoptr(GArray) goal_ids = NULL;
  guint n0 = g_list_model_get_n_items (shown);
  HasItems has;

  assert_true (sp_plan_search (f->db, SP_EXAMPLE_YEAR, "Beredningsgruppen", &section_ids, &goal_ids, NULL));
  assert_true (section_ids->len > 0 && section_ids->len < n0);

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.search", NULL));
  sp_test_gui_spin ();
  assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (SEARCH_CHILD (f, "search_bar"))));
  gtk_editable_set_text (GTK_EDITABLE (SEARCH_CHILD (f, "search_entry")), "Beredningsgruppen");
  has = (HasItems) { shown, section_ids->len };
  sp_test_gui_wait_until (has_items, &has, "the search to show only the sections found");
  assert_int_equal (g_list_model_get_n_items (shown), section_ids->len);
  gtk_editable_set_text (GTK_EDITABLE (SEARCH_CHILD (f, "search_entry")), "");
  has.n_items = n0;
  sp_test_gui_wait_until (has_items, &has, "every section to be shown again");
  assert_int_equal (g_list_model_get_n_items (shown), n0);
}

/* The board of the year, read only, with the way to the Members page. */
static void
test_board (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) board = sp_board_list_new (f->db, SP_EXAMPLE_YEAR);
  GtkListBox *list = GTK_LIST_BOX (VIEW_CHILD (f, "board", "board_list_box"));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (board));
  g_autoptr(SpBoardMember) first = g_list_model_get_item (G_LIST_MODEL (board), 0);
  AdwActionRow *row;

  assert_true (n > 0);
  for (guint i = 0; i < n; i++)
    assert_non_null (gtk_list_box_get_row_at_index (list, i));
  assert_null (gtk_list_box_get_row_at_index (list, n));
  row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       sp_board_member_get_name (first));
  assert_string_equal (gtk_actionable_get_action_name (GTK_ACTIONABLE (VIEW_CHILD (f, "board", "board_edit_button"))),
                       "win.show-page");

  /* A year without a plan shows how to start one. */
  sp_plan_page_set_year (f->page, 2015);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "main_stack"))), "empty");
  sp_plan_page_set_year (f->page, SP_EXAMPLE_YEAR);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "main_stack"))), "plan");

  /* No database: an empty page, and back. */
  sp_plan_page_set_database (f->page, NULL);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "main_stack"))), "empty");
  assert_null (gtk_list_box_get_row_at_index (list, 0));
  sp_plan_page_set_database (f->page, f->db);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (GTK_STACK (PAGE_CHILD (f, "main_stack"))), "plan");
  assert_non_null (gtk_list_box_get_row_at_index (list, 0));
}

/* The drop target of the row that shows @item in @view. */
static GtkDropTarget *
find_drop_target (GtkWidget *root,
                  gint64     id)
{
  GObject *item = SP_IS_PLAN_ROW (root) ? sp_plan_row_get_item (SP_PLAN_ROW (root)) : NULL;

  if (SP_IS_SECTION (item) && sp_record_get_id (SP_RECORD (item)) == id)
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (root);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (controller))
            return GTK_DROP_TARGET (controller);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropTarget *found = find_drop_target (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  GtkWidget     *view;
  gint64         id;
  GtkDropTarget *found;
} RowDropTarget;

static gboolean
has_row_drop_target (gpointer data)
{
  RowDropTarget *target = data;

  target->found = find_drop_target (target->view, target->id);
  return target->found != NULL;
}

/* A section dragged onto the first row goes first. */
static void
test_drag_and_drop (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sections));
  SpSection *first = section_at (sections, 0);
  SpSection *last = section_at (sections, n - 1);
  gint64 last_id = sp_record_get_id (SP_RECORD (last));
  RowDropTarget row_target;
  GtkDropTarget *target;
  GValue value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  /* The list makes its rows when it is drawn. */
  row_target = (RowDropTarget) { VIEW_CHILD (f, "sections", "sections_view"),
                                  sp_record_get_id (SP_RECORD (first)), NULL };
  sp_test_gui_wait_until (has_row_drop_target, &row_target, "the first section's row to be made");
  target = row_target.found;
  assert_true (n > 2);
  assert_non_null (target);
  g_value_init (&value, SP_TYPE_SECTION);
  g_value_set_object (&value, last);
  g_signal_emit_by_name (target, "drop", &value, 1.0, 1.0, &dropped);
  g_value_unset (&value);
  sp_test_gui_spin ();
  assert_true (dropped);
  assert_int_equal (sp_record_get_id (SP_RECORD (section_at (sections, 0))), last_id);
  assert_int_equal (sp_record_get_id (SP_RECORD (selected_section (f))), last_id);
}

/* Activity areas: an area in use cannot be deleted, and the page says where. */
static void
test_areas (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (f->db, SP_EXAMPLE_YEAR);
  GtkListView *view = GTK_LIST_VIEW (VIEW_CHILD (f, "areas", "areas_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (view));
  guint n_areas = g_list_model_get_n_items (G_LIST_MODEL (areas));
  GtkLabel *message = GTK_LABEL (VIEW_CHILD (f, "areas", "area_error_label"));
  gboolean refused = FALSE;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (PAGE_CHILD (f, "view_stack")), "areas");
  sp_test_gui_spin ();
  assert_true (n_areas > 0);
  /* Try to delete each area until one is in use. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)) && !refused; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      g_autoptr(GError) error = NULL;

      if (!SP_IS_AREA (item))
        continue;
      gtk_single_selection_set_selected (selection, i);
      sp_test_gui_spin ();
      assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "plan.delete-area", NULL));
      sp_test_gui_spin ();
      if (g_list_model_get_n_items (G_LIST_MODEL (areas)) == n_areas)
        {
          refused = TRUE;
          assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
          assert_non_null (strstr (gtk_label_get_text (message), sp_area_get_name (SP_AREA (item))));
        }
      else
        {
          assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
          sp_test_gui_spin ();
          assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (areas)), n_areas);
        }
    }
  assert_true (refused);
}

/* 360 pixels wide: the list and the editor take turns. */
static void
test_narrow (void **state)
{
  Fixture *f = *state;
  AdwLeaflet *leaflet = ADW_LEAFLET (VIEW_CHILD (f, "sections", "sections_leaflet"));
  GtkWidget *editor = VIEW_CHILD (f, "sections", "section_editor_stack");

  gtk_window_set_default_size (f->window, 360, 640);
  sp_test_gui_wait_until (leaflet_is_folded, leaflet, "the sections to fold at 360 pixels");
  assert_true (gtk_widget_get_width (GTK_WIDGET (f->window)) <= 400);
  assert_true (adw_leaflet_get_folded (leaflet));
  assert_ptr_not_equal (adw_leaflet_get_visible_child (leaflet), editor);

  /* Enter on a row opens its editor; the back button returns. */
  g_signal_emit_by_name (VIEW_CHILD (f, "sections", "sections_view"), "activate", 1);
  sp_test_gui_spin ();
  assert_ptr_equal (adw_leaflet_get_visible_child (leaflet), editor);
  assert_true (gtk_widget_get_visible (VIEW_CHILD (f, "sections", "section_back_button")));
  g_signal_emit_by_name (VIEW_CHILD (f, "sections", "section_back_button"), "clicked");
  sp_test_gui_spin ();
  assert_ptr_not_equal (adw_leaflet_get_visible_child (leaflet), editor);
}

typedef struct {
  GtkWidget *widget;
  int        width;
} HasWidth;

static gboolean
has_width (gpointer data)
{
  HasWidth *has = data;

  return gtk_widget_get_width (has->widget) == has->width;
}

/* The number of lines @label is shown on. */
static int
label_lines (GtkLabel *label)
{
  return pango_layout_get_line_count (gtk_label_get_layout (label));
}

/* The width in pixels @label wraps its text at. */
static int
label_wrap_width (GtkLabel *label)
{
  return pango_layout_get_width (gtk_label_get_layout (label)) / PANGO_SCALE;
}

/* The width in pixels of the longest line @label is shown on. */
static int
label_text_width (GtkLabel *label)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (gtk_label_get_layout (label), NULL, &logical);
  return logical.width;
}

/* The list beside the editor is as wide as the user drags its edge; a long
 * name wraps between words at that width; the width is one for all tabs; a
 * narrow window still folds the list and the editor into turns. */
static void
test_sidebar_width (void **state)
{
  Fixture *f = *state;
  const char *name = "Samverkan med arbetsförmedlingen och försäkringskassan kring unga vuxna";
  AdwLeaflet *leaflet = ADW_LEAFLET (VIEW_CHILD (f, "areas", "areas_leaflet"));
  SpSidebarPane *pane = SP_SIDEBAR_PANE (sp_test_gui_find_widget (GTK_WIDGET (leaflet), SP_TYPE_SIDEBAR_PANE));
  SpSidebarPane *other = SP_SIDEBAR_PANE (sp_test_gui_find_widget (VIEW_CHILD (f, "sections", "sections_leaflet"),
                                                                   SP_TYPE_SIDEBAR_PANE));
  GtkWidget *list = sp_sidebar_pane_get_child (pane);
  GtkWidget *label;
  g_autoptr(GPtrArray) cut = NULL;
  HasWidth wide = { list, 480 }, narrow = { list, 360 };
  int wide_lines, wide_wrap_width, wide_text_width;

  assert_true (sp_area_group_add (f->db, SP_EXAMPLE_YEAR, name, NULL) > 0);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (PAGE_CHILD (f, "view_stack")), "areas");
  sp_test_gui_spin ();
  label = sp_test_gui_find_label (GTK_WIDGET (list), name);
  assert_non_null (label);
  assert_false (adw_leaflet_get_folded (leaflet));

  /* Dragged wide: the list takes the width, the editor keeps its place. */
  sp_sidebar_pane_set_position (pane, 480);
  sp_test_gui_wait_until (has_width, &wide, "the list to be 480 pixels wide");
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_false (adw_leaflet_get_folded (leaflet));
  assert_true (gtk_widget_get_width (label) > 300);
  wide_lines = label_lines (GTK_LABEL (label));
  wide_wrap_width = label_wrap_width (GTK_LABEL (label));
  wide_text_width = label_text_width (GTK_LABEL (label));
  assert_true (wide_wrap_width <= gtk_widget_get_width (label));
  assert_true (wide_text_width <= wide_wrap_width);
  cut = sp_test_gui_find_cut_labels (list);
  for (guint i = 0; i < cut->len; i++)
    g_printerr ("# %s\n", (const char *) g_ptr_array_index (cut, i));
  assert_int_equal (cut->len, 0);
  g_clear_pointer (&cut, g_ptr_array_unref);

  /* The other tabs' lists follow (the width is kept in the settings). */
  assert_int_equal (sp_sidebar_pane_get_position (other), 480);

  /* Dragged narrower (not below what its words need): the long name wraps
   * anew, between words, at the narrower width. Whether that takes more
   * lines depends on the font (Debian 13's fits the name on two lines at
   * both widths), so more lines are asked for only where the widest line
   * before no longer fits. */
  sp_sidebar_pane_set_position (pane, 360);
  sp_test_gui_wait_until (has_width, &narrow, "the list to be 360 pixels wide");
  sp_test_gui_wait_for_paint (GTK_WIDGET (f->window));
  assert_true (gtk_widget_get_width (label) <= 360);
  assert_true (label_wrap_width (GTK_LABEL (label)) <= gtk_widget_get_width (label));
  assert_true (label_wrap_width (GTK_LABEL (label)) < wide_wrap_width);
  assert_true (label_text_width (GTK_LABEL (label)) <= gtk_widget_get_width (label));
  if (wide_text_width > gtk_widget_get_width (label))
    assert_true (label_lines (GTK_LABEL (label)) > wide_lines);
  else
    assert_true (label_lines (GTK_LABEL (label)) >= wide_lines);
  cut = sp_test_gui_find_cut_labels (list);
  assert_int_equal (cut->len, 0);

  /* A narrow window still folds the list and the editor into turns. */
  sp_sidebar_pane_set_position (pane, 480);
  gtk_window_set_default_size (f->window, 360, 640);
  sp_test_gui_wait_until (leaflet_is_folded, leaflet, "the areas to fold at 360 pixels");
  sp_sidebar_pane_set_position (pane, -1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_plan_story, setup, teardown),
    cmocka_unit_test_setup_teardown (test_delete_and_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_switch_flushes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_section, setup, teardown),
    cmocka_unit_test_setup_teardown (test_windows_line_ends, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goal_choices, setup, teardown),
    cmocka_unit_test_setup_teardown (test_target_groups, setup, teardown),
    cmocka_unit_test_setup_teardown (test_search, setup, teardown),
    cmocka_unit_test_setup_teardown (test_board, setup, teardown),
    cmocka_unit_test_setup_teardown (test_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_drag_and_drop, setup, teardown),
    cmocka_unit_test_setup_teardown (test_narrow, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sidebar_width, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("plan-page", tests, NULL, NULL);
}
