/* test-project-decisions.c: the project editor's owner choice (the förbund
 * itself) and its decisions section's extension by a year, driven as a
 * user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <string.h>

#include "sp-history.h"
#include "sp-project-decision.h"
#include "sp-project.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-portfolio-page.h"

typedef struct {
  SpTestGui       *gui;
  SpDatabase      *db;
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

static GListModel *
visible_model (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (get (f, "column_view"))));
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

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = get (f, name);

  assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  sp_test_gui_spin ();
}

static void
set_text (Fixture    *f,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get (f, name)), text);
}

G_GNUC_PRINTF (2, 3)
static char *
query (Fixture    *f,
       const char *format,
       ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sp_test_query_text (f->db, sql);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_portfolio_page_new (), 1200, 800);
  f->db = f->gui->db;
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

/* The owner choice offers the förbund by its name, right after "none" and
 * before the members; choosing it stores it, the list and the owner filter
 * show it. */
static void
test_owner_choice (void **state)
{
  Fixture *f = *state;
  AdwComboRow *owner_row;
  GtkDropDown *owner_filter = GTK_DROP_DOWN (get (f, "owner_dropdown"));
  g_autofree char *association = sp_test_query_text (f->db, "SELECT name FROM association");
  g_autofree char *first_member = sp_test_query_text (f->db, "SELECT name FROM member ORDER BY position, id LIMIT 1");
  g_autofree char *stored = NULL;
  GListModel *choices;
  gint64 id;

  id = select_project_named (f, "Empowerment");
  owner_row = ADW_COMBO_ROW (get (f, "owner_row"));
  choices = adw_combo_row_get_model (owner_row);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), association);
  assert_string_equal (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), first_member);

  adw_combo_row_set_selected (owner_row, 1);
  sp_test_gui_spin ();
  stored = query (f, "SELECT owned_by_association || '|' || (owner_id IS NULL) FROM project WHERE id = %"
                  G_GINT64_FORMAT, id);
  assert_string_equal (stored, "1|1");
  {
    SpProject *shown = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (visible_model (f)); i++)
      if (sp_record_get_id (SP_RECORD (visible_project (f, i))) == id)
        shown = visible_project (f, i);
    assert_non_null (shown);
    assert_string_equal (sp_project_get_owner_name (shown), association);
  }
  /* The table's owner cell reads the förbund's name. */
  assert_non_null (sp_test_gui_find_label (get (f, "column_view"), association));

  /* The owner filter's first owner is the förbund itself: just this one. */
  gtk_drop_down_set_selected (owner_filter, 1);
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (visible_model (f)), 1);
  assert_int_equal (sp_record_get_id (SP_RECORD (visible_project (f, 0))), id);
  gtk_drop_down_set_selected (owner_filter, 0);
  sp_test_gui_spin ();

  /* Undone, the member owns it again and the choice says so. */
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  g_free (stored);
  stored = query (f, "SELECT owned_by_association || '|' || owner_id FROM project WHERE id = %" G_GINT64_FORMAT, id);
  assert_string_equal (stored, "0|2");
  assert_int_equal (adw_combo_row_get_selected (owner_row), 3);
}

static gboolean
row_titled (GtkWidget *widget)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "2010-11-20, § 40") == 0;
}

/* "Förläng ett år" in the decisions section records the decision with its
 * date and § and moves the end date a year on; one undo takes both back. */
static void
test_extend_a_year (void **state)
{
  Fixture *f = *state;
  g_autofree char *end = NULL;
  g_autofree char *decision = NULL;
  gint64 id;
  gint64 n_before;

  id = select_project_named (f, "Empowerment");
  end = query (f, "SELECT end_date FROM project WHERE id = %" G_GINT64_FORMAT, id);
  assert_string_equal (end, "2010-12-31");
  n_before = sp_test_query_int (f->db, "SELECT count(*) FROM project_decision");

  click (f, "extend_button");
  set_text (f, "decision_date_entry", "2010-11-20");
  set_text (f, "decision_paragraph_entry", "§ 40");
  set_text (f, "decision_text_entry", "");
  click (f, "decision_apply_button");

  g_free (end);
  end = query (f, "SELECT end_date FROM project WHERE id = %" G_GINT64_FORMAT, id);
  assert_string_equal (end, "2011-12-31");
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM project_decision"), n_before + 1);
  decision = query (f, "SELECT date || '|' || paragraph || '|' || text FROM project_decision WHERE project_id = %"
                    G_GINT64_FORMAT " ORDER BY id DESC LIMIT 1", id);
  assert_string_equal (decision, "2010-11-20|§ 40|Projektet förlängs ett år, till 2011-12-31.");
  /* The editor's end date and the decision list, with its §. */
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (get (f, "end_row"))), "2011-12-31");
  assert_non_null (sp_test_gui_find_widget_matching (get (f, "decisions_list"), ADW_TYPE_ACTION_ROW, row_titled));

  /* A finished project cannot be extended: the button says so by being off. */
  select_project_named (f, "Grundutbildning i lösningsfokuserat arbetssätt för arbetsledare och professionella");
  assert_false (gtk_widget_is_sensitive (get (f, "extend_button")));
  select_project_named (f, "Empowerment");

  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  g_free (end);
  end = query (f, "SELECT end_date FROM project WHERE id = %" G_GINT64_FORMAT, id);
  assert_string_equal (end, "2010-12-31");
  assert_int_equal (sp_test_query_int (f->db, "SELECT count(*) FROM project_decision"), n_before);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (get (f, "end_row"))), "2010-12-31");
  assert_null (sp_test_gui_find_widget_matching (get (f, "decisions_list"), ADW_TYPE_ACTION_ROW, row_titled));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_owner_choice, setup, teardown),
    cmocka_unit_test_setup_teardown (test_extend_a_year, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("project-decisions", tests, NULL, NULL);
}
