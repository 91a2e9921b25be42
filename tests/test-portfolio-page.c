/* test-portfolio-page.c: the portfolio page, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the example förbund of 2009 in a fresh temporary file,
 * shows the real SpPortfolioPage in a window, drives it as a user would
 * (text in entries, buttons, actions, dialog responses) and checks what the
 * database holds afterwards, through core calls.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-goal.h"
#include "sp-history.h"
#include "sp-money.h"
#include "sp-project-cofunding.h"
#include "sp-project-decision.h"
#include "sp-project-grant.h"
#include "sp-project-participants.h"
#include "sp-project-payout.h"
#include "sp-portfolio.h"
#include "sp-project.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-edit-text-row.h"
#include "ui/sp-portfolio-page.h"
#include "ui/sp-project-chart.h"
#include "ui/sp-project-editor.h"

typedef struct {
  SpTestGui       *gui;
  SpDatabase      *db;
  GtkWidget       *window;
  SpPortfolioPage *page;
} Fixture;

/* ---- Helpers ------------------------------------------------------------ */

static GtkWidget *
get (Fixture    *f,
     const char *name)
{
  GtkWidget *widget = sp_test_gui_find_named (GTK_WIDGET (f->page), name);

  if (widget == NULL)
    fail_msg ("no widget named %s", name);
  return widget;
}

/* Answers the dialog that is open, as a click on its button would, and
 * closes it. */
static void
respond (Fixture    *f,
         const char *response)
{
  AdwMessageDialog *dialog = sp_test_gui_find_dialog ();

  assert_non_null (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_gui_spin ();
}

static GListModel *
visible_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (get (f, "column_view"))));
}

static guint
n_visible (Fixture *f)
{
  return g_list_model_get_n_items (visible_model (f));
}

static SpProject *
visible_project (Fixture *f,
                 guint    position)
{
  g_autoptr(SpProject) project = g_list_model_get_item (visible_model (f), position);

  return project; /* the list keeps it alive */
}

static gint64
select_project_named (Fixture    *f,
                      const char *name)
{
  GListModel *model = visible_model (f);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (sp_project_get_name (visible_project (f, i)), name) == 0)
      {
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), i, TRUE);
        sp_test_gui_spin ();
        return sp_record_get_id (SP_RECORD (visible_project (f, i)));
      }
  fail_msg ("no visible project %s", name);
  return 0;
}

static SpProject *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  SpProject *project = sp_project_load (f->db, id, &error);

  assert_null (error);
  assert_non_null (project);
  return project;
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get (f, name)), text);
}

typedef struct {
  const char *text;      /* the search to wait for */
  gboolean    reported;  /* the entry has reported it */
} Search;

static void
on_search_entry_search_changed_cb (GtkSearchEntry *entry,
                                   Search         *search)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), search->text) == 0)
    search->reported = TRUE;
}

static gboolean
search_is_reported (gpointer data)
{
  return ((Search *) data)->reported;
}

/* Puts @text in the search entry and waits until the entry reports that
 * search, after its short delay, as when a user stops typing. */
static void
search_for (Fixture    *f,
            const char *text)
{
  GtkWidget *entry = get (f, "search_entry");
  Search search = { text, FALSE };
  gulong handler = g_signal_connect (entry, "search-changed",
                                     G_CALLBACK (on_search_entry_search_changed_cb), &search);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  sp_test_gui_wait_until (search_is_reported, &search, "the search entry to report the search");
  g_signal_handler_disconnect (entry, handler);
  sp_test_gui_spin ();
}

/* Types @text at the end of the entry @name, one character at a time, each
 * reported at once (as the entry does after its short delay). */
static void
type_text (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *entry = get (f, name);

  for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
    {
      int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

      gtk_editable_insert_text (GTK_EDITABLE (entry), c, (int) (g_utf8_next_char (c) - c), &position);
      g_signal_emit_by_name (entry, "search-changed");
    }
  sp_test_gui_spin ();
}

/* Deletes @n characters at the end of the entry @name, one at a time. */
static void
erase_text (Fixture    *f,
            const char *name,
            int         n)
{
  GtkWidget *entry = get (f, name);

  for (int i = 0; i < n; i++)
    {
      int end = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

      gtk_editable_delete_text (GTK_EDITABLE (entry), end - 1, end);
      g_signal_emit_by_name (entry, "search-changed");
    }
  sp_test_gui_spin ();
}

/* Types into an entry row and presses Enter. */
static void
enter_row (Fixture    *f,
           const char *name,
           const char *text)
{
  GtkWidget *row = get (f, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  sp_test_gui_spin ();
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

static gboolean
has_error (Fixture    *f,
           const char *name)
{
  return gtk_widget_has_css_class (get (f, name), "error");
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get (f, name)));
}

static void
create_application (Fixture    *f,
                    const char *name)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.new", NULL));
  sp_test_gui_spin ();
  dialog = sp_test_gui_find_dialog ();
  assert_non_null (dialog);
  entry = sp_test_gui_find_named (GTK_WIDGET (dialog), "new_project_entry");
  assert_non_null (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  respond (f, "create");
}

static SpProject *
editor_project (Fixture *f)
{
  return sp_project_editor_get_project (SP_PROJECT_EDITOR (get (f, "project_editor")));
}

/* ---- Set-up ------------------------------------------------------------- */

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  /* SP_TEST_WINDOW_WIDTH: a narrower window for screenshots. */
  const char *width = g_getenv ("SP_TEST_WINDOW_WIDTH");

  f->gui = sp_test_gui_start_page (sp_portfolio_page_new (), width != NULL ? atoi (width) : 1200, 800);
  f->db = f->gui->db;
  f->window = GTK_WIDGET (f->gui->window);
  f->page = SP_PORTFOLIO_PAGE (f->gui->page);
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

/* ---- Tests -------------------------------------------------------------- */

static void
test_list_and_counts (void **state)
{
  Fixture *f = *state;
  g_autofree char *expected = NULL;
  g_autofree char *projects = NULL;
  g_autofree char *applications = NULL;

  /* The example förbund has eight projects, none archived. */
  assert_int_equal (n_visible (f), 8);
  projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", 8), 8);
  applications = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application", "%u applications", 0), 0);
  expected = g_strdup_printf (_("%s, %s"), projects, applications);
  assert_string_equal (label_text (f, "counts_label"), expected);

  /* Sorted by name to begin with. */
  for (guint i = 1; i < n_visible (f); i++)
    assert_true (g_utf8_collate (sp_project_get_name (visible_project (f, i - 1)),
                                 sp_project_get_name (visible_project (f, i))) <= 0);

  /* The example's grants of 2009 fill the budget's line exactly: no warning. */
  assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (get (f, "budget_warning_label"),
                                                                                      GTK_TYPE_REVEALER))));
}

static void
test_search_and_filters (void **state)
{
  Fixture *f = *state;
  GtkDropDown *status = GTK_DROP_DOWN (get (f, "status_dropdown"));
  GtkDropDown *owner = GTK_DROP_DOWN (get (f, "owner_dropdown"));

  /* Case-insensitive search by name. */
  search_for (f, "FRISKARE");
  assert_int_equal (n_visible (f), 2);
  assert_non_null (strstr (label_text (f, "counts_label"), "2"));

  /* By short name. */
  search_for (f, "lfa");
  assert_int_equal (n_visible (f), 2);

  /* Nothing matches: the no-match page shows. */
  search_for (f, "no such project");
  assert_int_equal (n_visible (f), 0);

  search_for (f, "");
  assert_int_equal (n_visible (f), 8);

  /* Typed and erased a letter at a time, the list narrows and widens
   * again: the same projects as the text typed at once. */
  type_text (f, "search_entry", "fris");
  assert_int_equal (n_visible (f), 2);
  type_text (f, "search_entry", "kare n");
  assert_int_equal (n_visible (f), 1);
  assert_string_equal (sp_project_get_name (visible_project (f, 0)), "Friskare Norberg");
  erase_text (f, "search_entry", 6);
  assert_int_equal (n_visible (f), 2);
  erase_text (f, "search_entry", 4);
  assert_int_equal (n_visible (f), 8);
  /* Decomposed and upper-case letters find the same. */
  type_text (f, "search_entry", "FO\xcc\x88RDJUPNING"); /* O + combining diaeresis */
  assert_int_equal (n_visible (f), 1);
  assert_string_equal (sp_project_get_name (visible_project (f, 0)),
                       "2 dagars utveckling och fördjupning i lösningsfokuserat arbetssätt");
  search_for (f, "");
  assert_int_equal (n_visible (f), 8);

  /* By status: one granted (LFA fördjupning), one finished, six ongoing. */
  gtk_drop_down_set_selected (status, 1 + SP_PROJECT_STATUS_GRANTED);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 1);
  assert_string_equal (sp_project_get_name (visible_project (f, 0)),
                       "2 dagars utveckling och fördjupning i lösningsfokuserat arbetssätt");
  gtk_drop_down_set_selected (status, 1 + SP_PROJECT_STATUS_ONGOING);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 6);
  for (guint i = 0; i < n_visible (f); i++)
    assert_int_equal (sp_project_get_status (visible_project (f, i)), SP_PROJECT_STATUS_ONGOING);
  gtk_drop_down_set_selected (status, 0);
  sp_test_gui_spin ();

  /* By owner (after "all" and the förbund itself): member 3 owns three projects. */
  gtk_drop_down_set_selected (owner, 4);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 3);
  for (guint i = 0; i < n_visible (f); i++)
    assert_int_equal (sp_project_get_owner_id (visible_project (f, i)), 3);
  gtk_drop_down_set_selected (owner, 0);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 8);
}

static void
test_sorting (void **state)
{
  Fixture *f = *state;
  GtkColumnView *view = GTK_COLUMN_VIEW (get (f, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) granted = g_list_model_get_item (columns, 3);
  g_autoptr(GtkColumnViewColumn) participants = g_list_model_get_item (columns, 5);
  g_autoptr(GtkColumnViewColumn) period = g_list_model_get_item (columns, 6);
  g_autofree char *granted_title = g_strdup_printf (_("Granted\n%d"), SP_EXAMPLE_YEAR);

  /* The year's figures come right after the status, before the dates. */
  assert_string_equal (gtk_column_view_column_get_title (granted), granted_title);
  assert_string_equal (gtk_column_view_column_get_title (period), _("Period"));

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  sp_test_gui_spin ();
  for (guint i = 1; i < n_visible (f); i++)
    assert_true (g_utf8_collate (sp_project_get_name (visible_project (f, i - 1)),
                                 sp_project_get_name (visible_project (f, i))) >= 0);

  /* Granted 2009, largest first: Resam (900 000 kr), then Arbetslivscoacher. */
  gtk_column_view_sort_by_column (view, granted, GTK_SORT_DESCENDING);
  sp_test_gui_spin ();
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 0))), 3);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 1))), 4);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 7))), 7);

  /* Participants 2009, fewest first: the two without any, then Empowerment
   * (33), Arbetslivscoacher (42), LFA grund (45) … Hälsocenter (109). */
  gtk_column_view_sort_by_column (view, participants, GTK_SORT_ASCENDING);
  sp_test_gui_spin ();
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 2))), 1);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 4))), 6);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 7))), 5);

  /* A change in the database re-sorts: Friskare Norberg gets the most. */
  assert_true (sp_project_set_grant (f->db, 8, 2009, sp_money_from_kr (2000000), NULL));
  gtk_column_view_sort_by_column (view, granted, GTK_SORT_DESCENDING);
  sp_test_gui_spin ();
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 0))), 8);

  /* … and now the area's grants exceed the budget: the warning shows. */
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (get (f, "budget_warning_label"),
                                                                                     GTK_TYPE_REVEALER))));
  assert_non_null (strstr (label_text (f, "budget_warning_label"), "2009"));
}

static void
test_application_workflow (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpRecordList) decisions = NULL;
  g_autoptr(SpRecordList) participants = NULL;
  SpProjectParticipantsData data;
  SpMoney amount = 0;
  gboolean is_set = FALSE;
  gint64 id;

  create_application (f, "Unga vuxna i arbete");
  assert_int_equal (n_visible (f), 9);
  assert_non_null (editor_project (f));
  assert_string_equal (sp_project_get_name (editor_project (f)), "Unga vuxna i arbete");
  id = sp_record_get_id (SP_RECORD (editor_project (f)));
  project = load (f, id);
  assert_int_equal (sp_project_get_status (project), SP_PROJECT_STATUS_APPLICATION);
  assert_non_null (strstr (label_text (f, "counts_label"), "1"));

  /* Start and implement are not possible for an application. */
  assert_false (gtk_widget_is_sensitive (get (f, "start_button")));
  assert_false (gtk_widget_is_sensitive (get (f, "implement_button")));

  /* Grant it: a bad date is refused and nothing changes. */
  click (f, "grant_button");
  set_text (f, "decision_date_entry", "2009-13-45");
  set_text (f, "decision_paragraph_entry", "§ 12");
  set_text (f, "decision_text_entry", "Beviljas medel för 2009–2010.");
  click (f, "decision_apply_button");
  assert_true (gtk_widget_get_visible (get (f, "decision_error_label")));
  assert_true (has_error (f, "decision_date_entry"));
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (sp_project_get_status (project), SP_PROJECT_STATUS_APPLICATION);

  set_text (f, "decision_date_entry", "2009-03-24");
  click (f, "decision_apply_button");
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (sp_project_get_status (project), SP_PROJECT_STATUS_GRANTED);
  decisions = sp_project_decision_list_new (f->db, id);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (decisions)), 1);
  {
    g_autoptr(SpProjectDecision) decision = g_list_model_get_item (G_LIST_MODEL (decisions), 0);

    assert_string_equal (sp_project_decision_get_date (decision), "2009-03-24");
    assert_string_equal (sp_project_decision_get_paragraph (decision), "§ 12");
  }
  assert_string_equal (label_text (f, "status_label"), sp_project_status_get_label (SP_PROJECT_STATUS_GRANTED));
  assert_false (gtk_widget_is_sensitive (get (f, "grant_button")));
  assert_true (gtk_widget_is_sensitive (get (f, "start_button")));

  /* Granted funds for two years, typed in Swedish form. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (f, "grant_year_spin")), 2009);
  set_text (f, "grant_amount_entry", "450 000");
  click (f, "grant_set_button");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (f, "grant_year_spin")), 2010);
  set_text (f, "grant_amount_entry", "120 000,50 kr");
  click (f, "grant_set_button");
  assert_true (sp_project_get_granted (f->db, id, 2009, &amount, &is_set, NULL));
  assert_true (is_set);
  assert_int_equal (amount, sp_money_from_kr (450000));
  assert_true (sp_project_get_granted (f->db, id, 2010, &amount, &is_set, NULL));
  assert_int_equal (amount, sp_money_from_kr (120000) + 50);

  /* Not in Swedish form: refused, the old amount stays. */
  set_text (f, "grant_amount_entry", "1.234");
  click (f, "grant_set_button");
  assert_true (has_error (f, "grant_amount_entry"));
  assert_true (gtk_widget_get_visible (get (f, "grant_error_label")));
  set_text (f, "grant_amount_entry", "tolv tusen");
  click (f, "grant_set_button");
  assert_true (has_error (f, "grant_amount_entry"));
  assert_true (sp_project_get_granted (f->db, id, 2010, &amount, &is_set, NULL));
  assert_int_equal (amount, sp_money_from_kr (120000) + 50);

  /* The list shows the page year's grant. */
  {
    SpProject *shown = NULL;

    for (guint i = 0; i < n_visible (f); i++)
      if (sp_record_get_id (SP_RECORD (visible_project (f, i))) == id)
        shown = visible_project (f, i);
    assert_non_null (shown);
    assert_int_equal (sp_project_get_total_granted (shown), sp_money_from_kr (570000) + 50);
  }

  /* Co-funding in kind from the first member; a bad amount is refused. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (get (f, "cofunding_member_dropdown")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (f, "cofunding_year_spin")), 2009);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (get (f, "cofunding_in_kind_check")), TRUE);
  set_text (f, "cofunding_amount_entry", "25 000");
  click (f, "cofunding_set_button");
  set_text (f, "cofunding_amount_entry", "25 000 000 000 000");
  click (f, "cofunding_set_button");
  assert_true (has_error (f, "cofunding_amount_entry"));
  {
    g_autoptr(SpRecordList) cofunding = sp_project_cofunding_list_new (f->db, id);
    g_autoptr(SpProjectCofunding) row = NULL;

    assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (cofunding)), 1);
    row = g_list_model_get_item (G_LIST_MODEL (cofunding), 0);
    assert_int_equal (sp_project_cofunding_get_year (row), 2009);
    assert_true (sp_project_cofunding_get_in_kind (row));
    assert_int_equal (sp_project_cofunding_get_amount (row), sp_money_from_kr (25000));
  }

  /* Participants of 2009. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (get (f, "participants_year_spin")), 2009);
  set_text (f, "women_entry", "12");
  set_text (f, "men_entry", "8");
  set_text (f, "age_young_entry", "15");
  set_text (f, "age_old_entry", "5");
  set_text (f, "to_work_entry", "3");
  click (f, "participants_save_button");
  participants = sp_project_participants_list_new (f->db, id);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (participants)), 1);
  {
    g_autoptr(SpProjectParticipants) row = g_list_model_get_item (G_LIST_MODEL (participants), 0);

    sp_project_participants_get_data (row, &data);
    assert_int_equal (sp_project_participants_get_year (row), 2009);
    assert_false (sp_project_participants_get_planned (row));
    assert_int_equal (data.women, 12);
    assert_int_equal (data.men, 8);
    assert_int_equal (data.age_16_29, 15);
    assert_int_equal (data.to_work, 3);
  }

  /* Negative or not whole: refused, the stored 12 and 8 stay. */
  set_text (f, "women_entry", "-3");
  click (f, "participants_save_button");
  assert_true (has_error (f, "women_entry"));
  assert_true (gtk_widget_get_visible (get (f, "participants_error_label")));
  set_text (f, "women_entry", "12");
  set_text (f, "men_entry", "2,5");
  click (f, "participants_save_button");
  assert_false (has_error (f, "women_entry"));
  assert_true (has_error (f, "men_entry"));
  {
    g_autoptr(SpProjectParticipants) row = g_list_model_get_item (G_LIST_MODEL (participants), 0);

    sp_project_participants_get_data (row, &data);
    assert_int_equal (data.women, 12);
    assert_int_equal (data.men, 8);
  }

  /* Start it, then undo through the history: the editor follows. */
  click (f, "start_button");
  set_text (f, "decision_date_entry", "2009-04-01");
  click (f, "decision_apply_button");
  assert_string_equal (label_text (f, "status_label"), sp_project_status_get_label (SP_PROJECT_STATUS_ONGOING));
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_string_equal (label_text (f, "status_label"), sp_project_status_get_label (SP_PROJECT_STATUS_GRANTED));
}

static void
test_plain_fields_and_bad_input (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpProject) project = NULL;
  gint64 id = select_project_named (f, "Empowerment");

  assert_non_null (editor_project (f));
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (get (f, "name_row"))), "Empowerment");

  /* An empty name is refused: the error shows, the stored name stays. */
  enter_row (f, "name_row", "   ");
  assert_true (has_error (f, "name_row"));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (get (f, "error_label"),
                                                                                     GTK_TYPE_REVEALER))));
  project = load (f, id);
  assert_string_equal (sp_project_get_name (project), "Empowerment");

  /* A good name clears the error. */
  enter_row (f, "name_row", "Empowerment 2.0");
  assert_false (has_error (f, "name_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_string_equal (sp_project_get_name (project), "Empowerment 2.0");

  /* The end before the start (2009-01-01) is refused. */
  enter_row (f, "end_row", "2008-12-31");
  assert_true (has_error (f, "end_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_string_equal (sp_project_get_end_date (project), "2010-12-31");
  enter_row (f, "end_row", "2011-06-30");
  assert_false (has_error (f, "end_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_string_equal (sp_project_get_end_date (project), "2011-06-30");

  /* Not a date. */
  enter_row (f, "start_row", "1 januari");
  assert_true (has_error (f, "start_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_string_equal (sp_project_get_start_date (project), "2009-01-01");

  /* Planned participants: whole numbers of 0 or more only. */
  enter_row (f, "planned_row", "-5");
  assert_true (has_error (f, "planned_row"));
  enter_row (f, "planned_row", "4,5");
  assert_true (has_error (f, "planned_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (sp_project_get_planned_participants (project), 40);
  enter_row (f, "planned_row", "45");
  assert_false (has_error (f, "planned_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (sp_project_get_planned_participants (project), 45);

  /* A choice: the owner. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (get (f, "owner_row")), 2);
  sp_test_gui_spin ();
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (sp_project_get_owner_id (project), 1);

  /* The self-evaluation switch. */
  gtk_switch_set_active (GTK_SWITCH (get (f, "self_evaluation_switch")), TRUE);
  sp_test_gui_spin ();
  g_clear_object (&project);
  project = load (f, id);
  assert_true (sp_project_get_self_evaluation_done (project));
}

static void
test_texts_goals_and_target_groups (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpRecordList) goals = NULL;
  g_autoptr(GArray) groups = NULL;
  GtkTextBuffer *buffer;
  GtkWidget *check;
  gint64 id = select_project_named (f, "Friskare Norberg");

  /* A text is saved when the focus leaves it. */
  gtk_widget_grab_focus (get (f, "description_view"));
  sp_test_gui_spin ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get (f, "description_view")));
  gtk_text_buffer_set_text (buffer, "Hälsofrämjande insatser.\nAndra stycket.", -1);
  gtk_widget_grab_focus (get (f, "contact_row"));
  sp_test_gui_spin ();
  project = load (f, id);
  assert_string_equal (sp_project_get_description (project), "Hälsofrämjande insatser.\nAndra stycket.");

  /* A measurable goal with a target value, then its outcome. */
  set_text (f, "goal_text_entry", "Deltagare som går till arbete");
  set_text (f, "goal_target_entry", "30 %");
  click (f, "goal_add_button");
  goals = sp_goal_list_new_for_project (f->db, id);
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (goals)), 1);
  {
    g_autoptr(SpGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals), 0);
    GtkWidget *row = gtk_widget_get_first_child (get (f, "goals_list"));
    GtkWidget *status;

    assert_string_equal (sp_goal_get_text (goal), "Deltagare som går till arbete");
    assert_string_equal (sp_goal_get_target_value (goal), "30 %");
    assert_true (ADW_IS_ENTRY_ROW (row));
    gtk_editable_set_text (GTK_EDITABLE (row), "34 %");
    g_signal_emit_by_name (row, "entry-activated");
    sp_test_gui_spin ();
    assert_string_equal (sp_goal_get_outcome (goal), "34 %");

    /* Its follow-up status, chosen beside the outcome. */
    row = gtk_widget_get_first_child (get (f, "goals_list"));
    status = sp_test_gui_find_widget (row, GTK_TYPE_DROP_DOWN);
    assert_non_null (status);
    assert_int_equal (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), SP_GOAL_STATUS_NOT_ASSESSED);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (status), SP_GOAL_STATUS_ACHIEVED);
    sp_test_gui_spin ();
    assert_int_equal (sp_goal_get_follow_up_status (goal), SP_GOAL_STATUS_ACHIEVED);
    assert_string_equal (sp_goal_get_outcome (goal), "34 %");
    row = gtk_widget_get_first_child (get (f, "goals_list"));
    status = sp_test_gui_find_widget (row, GTK_TYPE_DROP_DOWN);
    assert_int_equal (gtk_drop_down_get_selected (GTK_DROP_DOWN (status)), SP_GOAL_STATUS_ACHIEVED);
  }

  /* An empty goal is refused. */
  set_text (f, "goal_text_entry", "");
  click (f, "goal_add_button");
  assert_true (has_error (f, "goal_text_entry"));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (goals)), 1);

  /* Target groups: the project has group 6; tick the first of the year. */
  check = gtk_widget_get_first_child (gtk_widget_get_first_child (get (f, "target_box")));
  assert_true (GTK_IS_CHECK_BUTTON (check));
  assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  sp_test_gui_spin ();
  groups = sp_project_get_target_groups (f->db, id, NULL);
  assert_non_null (groups);
  assert_int_equal (groups->len, 2);
}

static void
test_long_and_special_names (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) long_name = g_string_new ("Projekt & <samverkan> \"för\" 'alla' ");
  g_autoptr(SpProject) project = NULL;
  GtkWidget *title;
  gint64 id;

  while (g_utf8_strlen (long_name->str, -1) < 200)
    g_string_append (long_name, "å");
  assert_int_equal (g_utf8_strlen (long_name->str, -1), 200);

  id = select_project_named (f, "Friskare Norberg");
  enter_row (f, "name_row", long_name->str);
  assert_false (has_error (f, "name_row"));
  project = load (f, id);
  assert_string_equal (sp_project_get_name (project), long_name->str);

  /* Shown as typed, in the editor's title and in the list. */
  title = get (f, "editor_title");
  assert_string_equal (gtk_label_get_text (GTK_LABEL (title)), long_name->str);
  assert_string_equal (gtk_widget_get_tooltip_text (title), long_name->str);
  assert_non_null (sp_test_gui_find_label (get (f, "column_view"), long_name->str));
  assert_null (sp_test_gui_find_label (get (f, "column_view"), "Friskare Norberg"));
  search_for (f, "<samverkan>");
  assert_int_equal (n_visible (f), 1);
  assert_string_equal (sp_project_get_name (visible_project (f, 0)), long_name->str);

  /* 201 characters are refused, the 200 stay. */
  g_string_append (long_name, "x");
  enter_row (f, "name_row", long_name->str);
  assert_true (has_error (f, "name_row"));
  g_clear_object (&project);
  project = load (f, id);
  assert_int_equal (g_utf8_strlen (sp_project_get_name (project), -1), 200);

  /* The old name is no longer found. */
  search_for (f, "Friskare Norberg");
  assert_int_equal (n_visible (f), 0);
}

static void
test_delete_and_archive (void **state)
{
  Fixture *f = *state;
  GtkCheckButton *archived = GTK_CHECK_BUTTON (get (f, "archived_check"));
  g_autoptr(SpProject) project = NULL;
  gint64 id;

  /* A new application without decisions is deleted. */
  create_application (f, "Att ta bort");
  id = sp_record_get_id (SP_RECORD (editor_project (f)));
  assert_int_equal (n_visible (f), 9);
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.delete", NULL));
  sp_test_gui_spin ();
  respond (f, "cancel");
  assert_int_equal (n_visible (f), 9);

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.delete", NULL));
  sp_test_gui_spin ();
  respond (f, "delete");
  assert_int_equal (n_visible (f), 8);
  assert_null (sp_project_load (f->db, id, NULL));
  assert_null (editor_project (f));

  /* Undo brings it back. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 9);

  /* A project with decisions is archived: hidden unless asked for. */
  id = select_project_named (f, "Empowerment");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.delete", NULL));
  sp_test_gui_spin ();
  respond (f, "delete");
  project = load (f, id);
  assert_true (sp_project_get_archived (project));
  assert_int_equal (n_visible (f), 8);
  gtk_check_button_set_active (archived, TRUE);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 9);

  /* … and restored from the archive in its editor. */
  select_project_named (f, "Empowerment");
  assert_false (gtk_widget_get_visible (get (f, "delete_button")));
  click (f, "unarchive_button");
  g_clear_object (&project);
  project = load (f, id);
  assert_false (sp_project_get_archived (project));
  assert_true (gtk_widget_get_visible (get (f, "delete_button")));
  gtk_check_button_set_active (archived, FALSE);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 9);
}

static void
test_year_and_empty (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->gui->dir, "empty.db", NULL);
  g_autoptr(SpDatabase) empty = NULL;
  GtkDropDown *year = GTK_DROP_DOWN (get (f, "year_dropdown"));
  GListModel *years = gtk_drop_down_get_model (year);
  guint position = 0;

  /* The year filter: in 2010 only the projects with grants or a period in 2010. */
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (years, i);

      if (strstr (gtk_string_object_get_string (item), "2010") != NULL)
        position = i;
    }
  assert_true (position > 0);
  gtk_drop_down_set_selected (year, position);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 4); /* Empowerment, Resam, Coacher, Hälsocenter */
  gtk_drop_down_set_selected (year, 0);
  sp_test_gui_spin ();
  assert_int_equal (n_visible (f), 8);

  /* Another year changes the figures shown. */
  sp_portfolio_page_set_year (f->page, 2010);
  sp_test_gui_spin ();
  assert_non_null (strstr (label_text (f, "granted_label"), "2010"));

  /* A database without projects shows the empty page, with the new action. */
  empty = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  assert_non_null (empty);
  sp_portfolio_page_set_database (f->page, empty);
  sp_test_gui_spin ();
  assert_true (gtk_widget_get_mapped (get (f, "empty_new_button")));
  sp_portfolio_page_set_database (f->page, NULL);
  sp_test_gui_spin ();
  sp_database_close (empty);
}

static void
test_chart (void **state)
{
  Fixture *f = *state;
  SpProjectChart *chart = SP_PROJECT_CHART (get (f, "project_chart"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get (f, "chart_button")), TRUE);
  sp_test_gui_spin ();
  assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  /* The example's periods run from 2008 to 2010. */
  assert_true (sp_project_chart_get_n_years (chart) >= 3);
  assert_int_equal (sp_project_chart_get_granted (chart, 2009), sp_money_from_kr (2800000));
  assert_int_equal (sp_project_chart_get_granted (chart, 2010), sp_money_from_kr (1100000));

  /* It follows the filters and the database. */
  search_for (f, "Resam");
  assert_int_equal (sp_project_chart_get_granted (chart, 2009), sp_money_from_kr (900000));
  assert_true (sp_project_set_grant (f->db, 3, 2009, sp_money_from_kr (950000), NULL));
  sp_test_gui_spin ();
  assert_int_equal (sp_project_chart_get_granted (chart, 2009), sp_money_from_kr (950000));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get (f, "chart_button")), FALSE);
  sp_test_gui_spin ();
  assert_true (gtk_widget_get_mapped (get (f, "column_view")));
}

static void
test_narrow_and_keyboard (void **state)
{
  Fixture *f = *state;
  GtkWidget *search = get (f, "search_entry");
  int min = 0, nat = 0;

  /* Works at 360 px: nothing in the page needs more. */
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  assert_true (min <= 360);

  /* Ctrl+F's action puts the focus in the search field. */
  select_project_named (f, "Empowerment");
  gtk_widget_grab_focus (get (f, "name_row"));
  sp_test_gui_spin ();
  assert_false (gtk_widget_has_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "portfolio.search", NULL));
  sp_test_gui_spin ();
  assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));

  /* Delete has nothing to act on without a selection. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (visible_model (f)), GTK_INVALID_LIST_POSITION);
  sp_test_gui_spin ();
  assert_null (editor_project (f));
  assert_false (gtk_widget_is_sensitive (get (f, "delete_button")));
}

/* Writes @sql outside the history, as the ledger's import would write it. */
static void
write_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  sp_database_set_recording (f->db, FALSE);
  assert_true (sp_database_edit_begin (f->db, &error));
  if (!sp_database_exec (f->db, sql, &error))
    g_error ("%s: %s", sql, error->message);
  assert_true (sp_database_edit_commit (f->db, "test", &error));
  sp_database_set_recording (f->db, TRUE);
  assert_null (error);
  sp_test_gui_spin ();
}

static gboolean
is_shown_payout_warning (GtkWidget *widget)
{
  return gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Mer utbetalt än beviljat") == 0;
}

static char *
kr (SpMoney amount)
{
  return sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
}

/* Paid to date from the ledger's monthly actuals: a column beside granted,
 * sorted, a warning icon where more is paid than granted, the sum and a
 * warning under the list, and the project editor's grants. */
static void
test_payouts (void **state)
{
  Fixture *f = *state;
  GtkColumnView *view = GTK_COLUMN_VIEW (get (f, "column_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) paid = g_list_model_get_item (columns, 4);
  g_autofree char *paid_title = g_strdup_printf (_("Paid\n%d"), SP_EXAMPLE_YEAR);
  g_autofree char *coach_paid = kr (52000000);
  g_autofree char *resam_paid = kr (45000000);
  g_autofree char *coach_granted = kr (50000000);
  g_autofree char *resam_granted = kr (90000000);
  g_autofree char *over = kr (2000000);
  g_autofree char *total = kr (97000000);
  g_autofree char *coach_text = NULL;
  g_autofree char *resam_text = NULL;
  g_autofree char *coach_warning = NULL;
  g_autofree char *summary_warning = NULL;
  SpProjectPayout payout;

  /* Nothing paid yet: no column of zeros, no sum of them. */
  assert_false (gtk_column_view_column_get_visible (paid));
  assert_null (strstr (label_text (f, "granted_label"), "utbetalt"));

  /* Arbetslivscoacher (4) is granted 500 000 kr and paid 520 000 kr by
   * June; Resam (3), granted 900 000 kr, 450 000 kr; a refund on a revenue
   * account lessens what is paid; other years and rows without a project
   * do not count. */
  write_sql (f,
             "INSERT OR IGNORE INTO account (number, name, kind) VALUES (4010, 'Projektbidrag', 'cost'),"
             "  (3990, 'Återbetalda bidrag', 'revenue');"
             "INSERT INTO actual_month (year, month, account, project_id, amount) VALUES"
             "  (2009, 2, 4010, 4, 30000000), (2009, 6, 4010, 4, 23000000), (2009, 7, 3990, 4, 1000000),"
             "  (2009, 3, 4010, 3, 45000000), (2010, 1, 4010, 3, 99900000), (2009, 3, 4010, NULL, 12300000);");
  assert_true (sp_project_payout_get (f->db, SP_EXAMPLE_YEAR, 12, 4, &payout, NULL));
  assert_int_equal (payout.paid, 30000000 + 23000000 - 1000000);

  /* The column, beside granted, sorted by what is paid. */
  assert_true (gtk_column_view_column_get_visible (paid));
  assert_string_equal (gtk_column_view_column_get_title (paid), paid_title);
  assert_string_equal (gtk_column_view_column_get_title (paid), "Utbetalt\n2009");
  gtk_column_view_sort_by_column (view, paid, GTK_SORT_DESCENDING);
  sp_test_gui_spin ();
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 0))), 4);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 1))), 3);
  sp_test_gui_wait_for_paint (f->window);
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (view), coach_paid));
  assert_non_null (sp_test_gui_find_label (GTK_WIDGET (view), resam_paid));
  /* One warning icon: Arbetslivscoacher's. */
  {
    GtkWidget *icon = sp_test_gui_find_widget_matching (GTK_WIDGET (view), GTK_TYPE_IMAGE,
                                                        is_shown_payout_warning);

    assert_non_null (icon);
    assert_string_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (icon))), coach_paid);
  }

  /* Under the list: the sum paid, and the warning. */
  assert_non_null (strstr (label_text (f, "granted_label"), total));
  assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (get (f, "budget_warning_label"),
                                                                                     GTK_TYPE_REVEALER))));
  summary_warning = g_strdup_printf ("Arbetslivscoacher: %s utbetalt %d, men %s beviljat", coach_paid,
                                     SP_EXAMPLE_YEAR, coach_granted);
  assert_non_null (strstr (label_text (f, "budget_warning_label"), summary_warning));

  /* The project editor: paid against granted, and the warning. */
  select_project_named (f, "Arbetslivscoacher");
  coach_text = g_strdup_printf ("Utbetalt hittills %d: %s av %s beviljat", SP_EXAMPLE_YEAR, coach_paid,
                                coach_granted);
  assert_string_equal (label_text (f, "payout_label"), coach_text);
  assert_true (gtk_widget_get_visible (get (f, "payout_warning_box")));
  coach_warning = g_strdup_printf ("Mer är utbetalt än beviljat för %d: %s över beviljat belopp.",
                                   SP_EXAMPLE_YEAR, over);
  assert_string_equal (label_text (f, "payout_warning_label"), coach_warning);

  select_project_named (f, "Resam – Ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg");
  resam_text = g_strdup_printf ("Utbetalt hittills %d: %s av %s beviljat", SP_EXAMPLE_YEAR, resam_paid,
                                resam_granted);
  assert_string_equal (label_text (f, "payout_label"), resam_text);
  assert_false (gtk_widget_get_visible (get (f, "payout_warning_box")));

  /* A larger grant: the warnings go. */
  select_project_named (f, "Arbetslivscoacher");
  /* SP_SCREENSHOT_PAYOUTS: the command that takes a screenshot of the warnings. */
  if (g_getenv ("SP_SCREENSHOT_PAYOUTS") != NULL)
    {
      sp_test_gui_wait_for_paint (f->window);
      assert_true (g_spawn_command_line_sync (g_getenv ("SP_SCREENSHOT_PAYOUTS"), NULL, NULL, NULL, NULL));
      if (g_getenv ("SP_SCREENSHOT_GRANTS") != NULL)
        {
          /* The editor scrolled to its grants. */
          GtkWidget *scrolled = gtk_widget_get_ancestor (get (f, "payout_label"), GTK_TYPE_SCROLLED_WINDOW);
          graphene_point_t at;

          assert_true (gtk_widget_compute_point (get (f, "payout_label"), gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                 &GRAPHENE_POINT_INIT (0, 0), &at));
          gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 250);
          sp_test_gui_wait_for_paint (f->window);
          assert_true (g_spawn_command_line_sync (g_getenv ("SP_SCREENSHOT_GRANTS"), NULL, NULL, NULL, NULL));
        }
    }
  set_text (f, "grant_amount_entry", "600 000");
  click (f, "grant_set_button");
  assert_false (gtk_widget_get_visible (get (f, "payout_warning_box")));
  /* (The area's grants now exceed its budget: that warning shows instead.) */
  assert_null (strstr (label_text (f, "budget_warning_label"), "utbetalt"));
  assert_null (sp_test_gui_find_widget_matching (GTK_WIDGET (view), GTK_TYPE_IMAGE, is_shown_payout_warning));
}

static void
test_screenshot (void **state)
{
  Fixture *f = *state;
  const char *out = g_getenv ("SP_SCREENSHOT");

  /* Only on request: SP_SCREENSHOT is the command that takes it. */
  if (out == NULL)
    return;
  select_project_named (f, "Resam – Ett samordnat resursteam för Fagersta, Norberg och Skinnskatteberg");
  sp_test_gui_wait_for_paint (f->window);
  assert_true (g_spawn_command_line_sync (out, NULL, NULL, NULL, NULL));
  if (g_getenv ("SP_SCREENSHOT_EDITOR") != NULL)
    {
      GtkWidget *scrolled = gtk_widget_get_ancestor (get (f, "status_label"), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, 640);
      sp_test_gui_wait_for_paint (f->window);
      assert_true (g_spawn_command_line_sync (g_getenv ("SP_SCREENSHOT_EDITOR"), NULL, NULL, NULL, NULL));
    }
  if (g_getenv ("SP_SCREENSHOT_CHART") != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (get (f, "chart_button")), TRUE);
      sp_test_gui_wait_for_paint (f->window);
      assert_true (g_spawn_command_line_sync (g_getenv ("SP_SCREENSHOT_CHART"), NULL, NULL, NULL, NULL));
    }
}

/* A project goal's follow-up comment, under its outcome: typed, saved as
 * one edit with the status (also when the year is adopted), undone. */
static void
test_goal_comment (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  SpHistory *history = sp_database_get_history (f->db);
  GtkWidget *row;
  gint64 goal;
  gint64 id = select_project_named (f, "Friskare Norberg");

  set_text (f, "goal_text_entry", "Deltagare som går till arbete");
  click (f, "goal_add_button");
  goal = sp_test_query_int (f->db, "SELECT max (id) FROM goal");
  sql = g_strdup_printf ("SELECT follow_up_comment FROM goal WHERE id = %" G_GINT64_FORMAT, goal);
  assert_int_equal (sp_test_query_int (f->db, "SELECT project_id FROM goal WHERE id = (SELECT max (id) FROM goal)"),
                    id);
  /* The status may be recorded on an adopted year; so may the comment. */
  write_sql (f, "UPDATE plan_year SET status = 'adopted', decision_date = '2008-11-21' WHERE year = 2009");

  /* The row under the outcome, named by the goal. */
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (get (f, "goals_list")));
  assert_true (SP_IS_EDIT_TEXT_ROW (row));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       "Deltagare som går till arbete – kommentar");
  assert_true (gtk_widget_is_sensitive (row));
  assert_string_equal (sp_edit_text_row_get_stored_text (SP_EDIT_TEXT_ROW (row)), "");

  sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (row), "Hälften gick vidare\ntill arbete");
  g_signal_emit_by_name (sp_edit_text_row_get_save_button (SP_EDIT_TEXT_ROW (row)), "clicked");
  sp_test_gui_spin ();
  {
    g_autofree char *comment = sp_test_query_text (f->db, sql);
    assert_string_equal (comment, "Hälften gick vidare\ntill arbete");
  }
  assert_string_equal (sp_history_get_undo_label (history), "Registrera uppföljning");
  /* The row shows what is stored, and the status is left as it was. */
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (get (f, "goals_list")));
  assert_string_equal (sp_edit_text_row_get_stored_text (SP_EDIT_TEXT_ROW (row)), "Hälften gick vidare\ntill arbete");
  assert_int_equal (sp_test_query_int (f->db, "SELECT follow_up_status = 'not_assessed' FROM goal"
                                              " WHERE id = (SELECT max (id) FROM goal)"), 1);
  /* The outcome row's status still finds its goal: rows come in pairs. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sp_test_gui_find_widget (gtk_widget_get_first_child (get (f, "goals_list")),
                                                                     GTK_TYPE_DROP_DOWN)),
                              SP_GOAL_STATUS_PARTLY_ACHIEVED);
  sp_test_gui_spin ();
  {
    g_autofree char *comment = sp_test_query_text (f->db, sql);
    assert_string_equal (comment, "Hälften gick vidare\ntill arbete");
  }
  assert_int_equal (sp_test_query_int (f->db, "SELECT follow_up_status = 'partly_achieved' FROM goal"
                                              " WHERE id = (SELECT max (id) FROM goal)"), 1);

  /* One undo takes the status back, the next the comment. */
  assert_true (sp_history_undo (history, &error));
  assert_true (sp_history_undo (history, &error));
  g_assert_no_error (error);
  sp_test_gui_spin ();
  {
    g_autofree char *comment = sp_test_query_text (f->db, sql);
    assert_string_equal (comment, "");
  }
  row = gtk_widget_get_next_sibling (gtk_widget_get_first_child (get (f, "goals_list")));
  assert_string_equal (sp_edit_text_row_get_stored_text (SP_EDIT_TEXT_ROW (row)), "");
  /* The outcome row's status shows the undone status too. */
  assert_int_equal (gtk_drop_down_get_selected (GTK_DROP_DOWN (sp_test_gui_find_widget (gtk_widget_get_first_child (
                      get (f, "goals_list")), GTK_TYPE_DROP_DOWN))),
                    SP_GOAL_STATUS_NOT_ASSESSED);
  /* Two goals: four rows, each goal's comment under its outcome. */
  set_text (f, "goal_text_entry", "Deltagare som börjar studera");
  click (f, "goal_add_button");
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM goal WHERE project_id = (SELECT project_id FROM goal"
                                              " WHERE id = (SELECT max (id) FROM goal))"), 2);
  row = gtk_widget_get_last_child (get (f, "goals_list"));
  assert_true (SP_IS_EDIT_TEXT_ROW (row));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       "Deltagare som börjar studera – kommentar");
  if (g_getenv ("SP_SCREENSHOT_GOALS") != NULL)
    {
      /* The goals, scrolled into view, as a user sees them. */
      sp_edit_text_row_set_text (SP_EDIT_TEXT_ROW (row), "Tre av fem började studera");
      gtk_widget_grab_focus (GTK_WIDGET (sp_edit_text_row_get_text_view (SP_EDIT_TEXT_ROW (row))));
      sp_test_gui_wait_for_paint (f->window);
      sp_test_gui_run_for (300);
      sp_test_gui_save_png (f->window, g_getenv ("SP_SCREENSHOT_GOALS"));
    }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_list_and_counts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_search_and_filters, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sorting, setup, teardown),
    cmocka_unit_test_setup_teardown (test_application_workflow, setup, teardown),
    cmocka_unit_test_setup_teardown (test_plain_fields_and_bad_input, setup, teardown),
    cmocka_unit_test_setup_teardown (test_texts_goals_and_target_groups, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goal_comment, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_and_special_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_delete_and_archive, setup, teardown),
    cmocka_unit_test_setup_teardown (test_year_and_empty, setup, teardown),
    cmocka_unit_test_setup_teardown (test_chart, setup, teardown),
    cmocka_unit_test_setup_teardown (test_narrow_and_keyboard, setup, teardown),
    cmocka_unit_test_setup_teardown (test_payouts, setup, teardown),
    cmocka_unit_test_setup_teardown (test_screenshot, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  /* SP_TEST_LOCALEDIR: translations not yet in po/ (for screenshots). */
  if (g_getenv ("SP_TEST_LOCALEDIR") != NULL)
    bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SP_TEST_LOCALEDIR"));
  return cmocka_run_group_tests_name ("portfolio-page", tests, NULL, NULL);
}
