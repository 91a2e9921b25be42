/* test-members-page.c: the Members page, driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test puts an SpMembersPage with the example förbund into a window,
 * types into its entries and editors, activates its actions and checks what
 * the database holds afterwards, through the core. Runs in Swedish.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sp-association.h"
#include "sp-board-member.h"
#include "sp-contribution.h"
#include "sp-error.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-money.h"
#include "sp-plan-year.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-association-editor.h"
#include "ui/sp-board-member-row.h"
#include "ui/sp-board-view.h"
#include "ui/sp-member-board-editor.h"
#include "ui/sp-member-contributions.h"
#include "ui/sp-member-editor.h"
#include "ui/sp-members-page.h"

typedef struct {
  SpTestGui     *gui;
  SpDatabase    *db;
  SpMembersPage *page;
} Fixture;

#define PAGE_CHILD(f, name) sp_test_gui_child ((f)->page, SP_TYPE_MEMBERS_PAGE, (name))
/* The parts of the page, each with its own template */
#define ASSOCIATION_CHILD(f, name) \
  sp_test_gui_child (PAGE_CHILD ((f), "association_editor"), SP_TYPE_ASSOCIATION_EDITOR, (name))
#define BOARD_CHILD(f, name) sp_test_gui_child (PAGE_CHILD ((f), "board_view"), SP_TYPE_BOARD_VIEW, (name))
#define CONTRIBUTIONS_CHILD(f, name) \
  sp_test_gui_child (PAGE_CHILD ((f), "contributions"), SP_TYPE_MEMBER_CONTRIBUTIONS, (name))

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->gui = sp_test_gui_start_page (sp_members_page_new (), 800, 900);
  f->db = f->gui->db;
  f->page = SP_MEMBERS_PAGE (f->gui->page);
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

/* The member called @name in the database, or NULL. */
static SpMember *
load_member (SpDatabase *db,
             const char *name)
{
  g_autoptr(SpRecordList) members = sp_member_list_new (db);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (sp_member_get_name (member), name) == 0)
        return g_steal_pointer (&member);
    }
  return NULL;
}

static guint
count_members (SpDatabase *db)
{
  g_autoptr(SpRecordList) members = sp_member_list_new (db);

  return g_list_model_get_n_items (G_LIST_MODEL (members));
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The row of @list whose title is @title, or NULL. */
static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *title)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      return row;
  return NULL;
}

/* The first widget of @type under @root (itself included), with the style
 * class @css_class unless that is NULL; NULL when there is none. */
static GtkWidget *
find_descendant (GtkWidget  *root,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The amount shown for @name among the contributions, or NULL. */
static const char *
shown_contribution (Fixture    *f,
                    const char *name)
{
  GtkListBoxRow *row = find_row (CONTRIBUTIONS_CHILD (f, "contributions_list"), name);

  if (row == NULL)
    return NULL;
  return gtk_label_get_text (GTK_LABEL (find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL, "numeric")));
}

/* Whether some GtkLabel under @root shows exactly @text. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0 &&
      gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static void
set_text (gpointer    editor,
          GType       type,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (sp_test_gui_child (editor, type, name)), text);
}

static SpMemberEditor *
open_member_editor (Fixture    *f,
                    const char *action)
{
  SpMemberEditor *editor;

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  sp_test_gui_spin ();
  editor = SP_MEMBER_EDITOR (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));
  assert_non_null (editor);
  return editor;
}

/* Presses the editor's Save button. */
static void
press_save (gpointer editor,
            GType    type)
{
  g_signal_emit_by_name (sp_test_gui_child (editor, type, "save_button"), "clicked");
  sp_test_gui_spin ();
}

static void
select_member_row (Fixture    *f,
                   const char *name)
{
  GtkListBox *list = PAGE_CHILD (f, "members_list");
  GtkListBoxRow *row = find_row (list, name);

  assert_non_null (row);
  gtk_list_box_select_row (list, row);
  sp_test_gui_spin ();
}

static void
assert_refused (gpointer    editor,
                GType       type,
                const char *field,
                const char *message)
{
  GtkLabel *label;

  /* Still open, the message shown, the field marked. */
  assert_ptr_equal (sp_test_gui_find_toplevel (type), editor);
  label = sp_test_gui_child (editor, type, "error_label");
  assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  if (message != NULL)
    assert_string_equal (gtk_label_get_text (label), message);
  else
    assert_true (gtk_label_get_text (label)[0] != '\0');
  assert_true (gtk_widget_has_css_class (GTK_WIDGET (sp_test_gui_child (editor, type, field)), "error"));
}

/* The message the core gives for @data, which it must refuse. */
static char *
core_refusal (SpDatabase         *db,
              const SpMemberData *data)
{
  g_autoptr(GError) error = NULL;

  assert_int_equal (sp_member_add (db, data, &error), 0);
  assert_non_null (error);
  return g_strdup (error->message);
}

static void
test_add_member (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autofree char *fagersta_before = g_strdup (shown_contribution (f, "Fagersta kommun"));
  g_autoptr(SpMember) added = NULL;
  GtkListBoxRow *selected;
  SpMemberEditor *editor;
  guint n = count_members (f->db);

  assert_non_null (fagersta_before);
  assert_null (shown_contribution (f, "Köpings kommun"));
  assert_int_equal (count_rows (PAGE_CHILD (f, "members_list")), n);

  editor = open_member_editor (f, "members.add");
  set_text (editor, SP_TYPE_MEMBER_EDITOR, "name_row", "Köpings kommun");
  adw_combo_row_set_selected (sp_test_gui_child (editor, SP_TYPE_MEMBER_EDITOR, "kind_row"), SP_MEMBER_KIND_MUNICIPALITY);
  set_text (editor, SP_TYPE_MEMBER_EDITOR, "population_row", "25 000");
  set_text (editor, SP_TYPE_MEMBER_EDITOR, "from_row", "2009");
  press_save (editor, SP_TYPE_MEMBER_EDITOR);

  /* Stored, the editor closed, the new row shown and selected. */
  assert_null (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));
  assert_int_equal (count_members (f->db), n + 1);
  added = load_member (f->db, "Köpings kommun");
  assert_non_null (added);
  assert_int_equal (sp_member_get_population (added), 25000);
  assert_int_equal (sp_member_get_kind (added), SP_MEMBER_KIND_MUNICIPALITY);
  assert_int_equal (sp_member_get_from_year (added), 2009);
  assert_int_equal (sp_member_get_to_year (added), 0);
  assert_true (sp_member_get_pays_own_share (added));
  assert_int_equal (count_rows (PAGE_CHILD (f, "members_list")), n + 1);
  selected = gtk_list_box_get_selected_row (PAGE_CHILD (f, "members_list"));
  assert_non_null (selected);
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (selected)), "Köpings kommun");

  /* The municipal quarter is now split four ways. */
  assert_non_null (shown_contribution (f, "Köpings kommun"));
  assert_string_not_equal (shown_contribution (f, "Köpings kommun"), "0 kr");
  assert_string_not_equal (shown_contribution (f, "Fagersta kommun"), fagersta_before);

  /* Undo in the core: the page follows. */
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_int_equal (count_members (f->db), n);
  assert_int_equal (count_rows (PAGE_CHILD (f, "members_list")), n);
  assert_null (find_row (PAGE_CHILD (f, "members_list"), "Köpings kommun"));
  assert_null (shown_contribution (f, "Köpings kommun"));
  assert_string_equal (shown_contribution (f, "Fagersta kommun"), fagersta_before);
}

/* A number as the page shows it: in Swedish, "11 440" with a no-break space. */
static const char *
shown_count (gint64 n)
{
  static char *text;

  g_free (text);
  text = sp_money_format (sp_money_from_kr (n), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  assert_non_null (strstr (text, "440") != NULL || strstr (text, "720") != NULL ? text : NULL);
  return text;
}

static void
test_edit_member (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(SpMember) stored = NULL;
  g_autofree char *before = g_strdup (shown_contribution (f, "Norbergs kommun"));
  SpMemberEditor *editor;
  GtkListBoxRow *row;

  /* Activating a row (Enter, double click) opens its editor too. */
  select_member_row (f, "Norbergs kommun");
  g_signal_emit_by_name (find_row (PAGE_CHILD (f, "members_list"), "Norbergs kommun"), "activate");
  sp_test_gui_spin ();
  editor = SP_MEMBER_EDITOR (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));
  assert_non_null (editor);
  assert_string_equal (gtk_editable_get_text (sp_test_gui_child (editor, SP_TYPE_MEMBER_EDITOR, "name_row")),
                       "Norbergs kommun");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  sp_test_gui_spin ();
  assert_null (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));

  editor = open_member_editor (f, "members.edit");
  assert_string_equal (gtk_editable_get_text (sp_test_gui_child (editor, SP_TYPE_MEMBER_EDITOR, "name_row")),
                       "Norbergs kommun");
  assert_string_equal (gtk_editable_get_text (sp_test_gui_child (editor, SP_TYPE_MEMBER_EDITOR, "population_row")),
                       shown_count (5720));
  set_text (editor, SP_TYPE_MEMBER_EDITOR, "population_row", "11 440");
  press_save (editor, SP_TYPE_MEMBER_EDITOR);
  assert_null (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));

  stored = load_member (f->db, "Norbergs kommun");
  assert_int_equal (sp_member_get_population (stored), 11440);
  assert_string_not_equal (shown_contribution (f, "Norbergs kommun"), before);
  /* The row says so, in Swedish digits. */
  row = find_row (PAGE_CHILD (f, "members_list"), "Norbergs kommun");
  assert_non_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), shown_count (11440)));
  assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "11440"));

  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  g_clear_object (&stored);
  stored = load_member (f->db, "Norbergs kommun");
  assert_int_equal (sp_member_get_population (stored), 5720);
  assert_string_equal (shown_contribution (f, "Norbergs kommun"), before);
  row = find_row (PAGE_CHILD (f, "members_list"), "Norbergs kommun");
  assert_non_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), shown_count (5720)));
}

static void
test_member_bad_input (void **state)
{
  Fixture *f = *state;
  GType type = SP_TYPE_MEMBER_EDITOR;
  g_autofree char *dump = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  SpMemberEditor *editor;
  guint n = count_members (f->db);

  editor = open_member_editor (f, "members.add");

  /* An empty name. */
  set_text (editor, type, "name_row", "   ");
  press_save (editor, type);
  expected = core_refusal (f->db, &(SpMemberData) { "   ", SP_MEMBER_KIND_MUNICIPALITY, TRUE, -1, 0, 0 });
  assert_refused (editor, type, "name_row", expected);
  g_clear_pointer (&expected, g_free);

  /* A name that is taken, in other case. */
  set_text (editor, type, "name_row", "fagersta KOMMUN");
  press_save (editor, type);
  expected = core_refusal (f->db, &(SpMemberData) { "fagersta KOMMUN", SP_MEMBER_KIND_MUNICIPALITY, TRUE, -1, 0, 0 });
  assert_refused (editor, type, "name_row", expected);
  assert_non_null (strstr (gtk_label_get_text (sp_test_gui_child (editor, type, "error_label")), "fagersta KOMMUN"));
  g_clear_pointer (&expected, g_free);
  /* The mark goes as the user corrects the field. */
  set_text (editor, type, "name_row", "Köpings kommun");
  assert_false (gtk_widget_has_css_class (GTK_WIDGET (sp_test_gui_child (editor, type, "name_row")), "error"));

  /* A membership that ends before it begins. */
  set_text (editor, type, "from_row", "2010");
  set_text (editor, type, "to_row", "2008");
  press_save (editor, type);
  expected = core_refusal (f->db, &(SpMemberData) { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, -1, 2010, 2008 });
  assert_refused (editor, type, "to_row", expected);
  g_clear_pointer (&expected, g_free);
  set_text (editor, type, "to_row", "");

  /* A year that is no year. */
  set_text (editor, type, "from_row", "20x9");
  press_save (editor, type);
  assert_refused (editor, type, "from_row", NULL);
  set_text (editor, type, "from_row", "2010");

  /* A negative population: the core's message. */
  set_text (editor, type, "population_row", "-5");
  press_save (editor, type);
  expected = core_refusal (f->db, &(SpMemberData) { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, -5, 0, 0 });
  assert_refused (editor, type, "population_row", expected);
  g_clear_pointer (&expected, g_free);

  /* "-1" is no exception. */
  set_text (editor, type, "population_row", "-1");
  press_save (editor, type);
  assert_refused (editor, type, "population_row", NULL);

  /* Not a whole number. */
  set_text (editor, type, "population_row", "många");
  press_save (editor, type);
  assert_refused (editor, type, "population_row", NULL);
  set_text (editor, type, "population_row", "12,5");
  press_save (editor, type);
  assert_refused (editor, type, "population_row", NULL);

  /* Nothing was stored. */
  assert_int_equal (count_members (f->db), n);
  after = sp_test_dump_database (f->db);
  assert_string_equal (dump, after);

  /* Corrected, it is taken. */
  set_text (editor, type, "population_row", "25 000");
  press_save (editor, type);
  assert_null (sp_test_gui_find_toplevel (type));
  assert_int_equal (count_members (f->db), n + 1);
}

static void
test_edit_bad_input_keeps_value (void **state)
{
  Fixture *f = *state;
  GType type = SP_TYPE_MEMBER_EDITOR;
  g_autoptr(SpMember) stored = NULL;
  SpMemberEditor *editor;

  select_member_row (f, "Fagersta kommun");
  editor = open_member_editor (f, "members.edit");
  set_text (editor, type, "population_row", "tolv tusen");
  press_save (editor, type);
  assert_refused (editor, type, "population_row", NULL);
  set_text (editor, type, "population_row", "12150");
  set_text (editor, type, "name_row", "Norbergs kommun");
  press_save (editor, type);
  assert_refused (editor, type, "name_row", NULL);
  set_text (editor, type, "name_row", "");
  press_save (editor, type);
  assert_refused (editor, type, "name_row", NULL);

  /* Cancel: nothing changed. */
  g_signal_emit_by_name (sp_test_gui_child (editor, type, "cancel_button"), "clicked");
  sp_test_gui_spin ();
  assert_null (sp_test_gui_find_toplevel (type));
  stored = load_member (f->db, "Fagersta kommun");
  assert_non_null (stored);
  assert_int_equal (sp_member_get_population (stored), 12150);
  assert_non_null (find_row (PAGE_CHILD (f, "members_list"), "Fagersta kommun"));
}

static void
check_name_round_trip (Fixture    *f,
                       const char *name)
{
  GType type = SP_TYPE_MEMBER_EDITOR;
  g_autoptr(SpMember) stored = NULL;
  SpMemberEditor *editor;
  GtkListBoxRow *row;

  editor = open_member_editor (f, "members.add");
  set_text (editor, type, "name_row", name);
  press_save (editor, type);
  assert_null (sp_test_gui_find_toplevel (type));

  stored = load_member (f->db, name);
  assert_non_null (stored);
  row = find_row (PAGE_CHILD (f, "members_list"), name);
  assert_non_null (row);
  /* Shown as typed, not read as markup. */
  assert_true (shows_label (GTK_WIDGET (row), name));
  assert_string_equal (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), name);
}

static void
test_member_names (void **state)
{
  Fixture *f = *state;
  g_autofree char *long_name = NULL;
  g_autofree char *too_long = NULL;
  GString *text = g_string_new (NULL);
  SpMemberEditor *editor;

  while (g_utf8_strlen (text->str, -1) < 200)
    g_string_append (text, "Västerås ");
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 199) - text->str);
  g_string_append (text, "X");
  long_name = g_string_free (text, FALSE);
  assert_int_equal (g_utf8_strlen (long_name, -1), 200);

  check_name_round_trip (f, long_name);
  check_name_round_trip (f, "Bolaget & Co <Väst> \"AB\" 'Nord'");
  check_name_round_trip (f, "<b>fet</b> &amp;");

  /* Municipalities without a population: the contributions say why they are missing. */
  {
    g_autoptr(GError) error = NULL;
    GPtrArray *none = sp_contributions_compute (f->db, SP_EXAMPLE_YEAR, &error);

    assert_null (none);
    assert_null (shown_contribution (f, "Fagersta kommun"));
    assert_non_null (strstr (gtk_label_get_text (CONTRIBUTIONS_CHILD (f, "contributions_placeholder")), error->message));
    assert_true (gtk_widget_get_mapped (CONTRIBUTIONS_CHILD (f, "contributions_placeholder")));
  }

  /* One character more is refused. */
  too_long = g_strconcat (long_name, "Y", NULL);
  editor = open_member_editor (f, "members.add");
  set_text (editor, SP_TYPE_MEMBER_EDITOR, "name_row", too_long);
  press_save (editor, SP_TYPE_MEMBER_EDITOR);
  assert_refused (editor, SP_TYPE_MEMBER_EDITOR, "name_row", NULL);
  assert_null (load_member (f->db, too_long));
}

static void
apply_row (Fixture    *f,
           const char *name,
           const char *text)
{
  AdwEntryRow *row = ASSOCIATION_CHILD (f, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  sp_test_gui_spin ();
}

static void
test_association (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  GtkLabel *error_label = ASSOCIATION_CHILD (f, "association_error_label");
  GtkWidget *org_row = ASSOCIATION_CHILD (f, "org_number_row");
  GtkWidget *name_row = ASSOCIATION_CHILD (f, "name_row");
  const char *bad_numbers[] = { "123", "222000-123", "22200-01230", "222000+1230", "abcdef-ghij", "222000-1231" };
  const char *odd_name = "Förbundet & Co <Väst> \"Nord\" 'Syd'";
  g_autoptr(SpAssociation) stored = NULL;

  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Norra Västmanlands samordningsförbund");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (org_row)), "222000-1230");

  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *checked = sp_association_check_org_number (bad_numbers[i], &error);

      assert_null (checked);
      apply_row (f, "org_number_row", bad_numbers[i]);
      assert_true (gtk_widget_has_css_class (org_row, "error"));
      assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
      assert_string_equal (gtk_label_get_text (error_label), error->message);
      /* What was typed stays for correcting; the stored number is kept. */
      assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (org_row)), bad_numbers[i]);
      stored = sp_association_load (f->db, NULL);
      assert_string_equal (stored->org_number, "222000-1230");
      g_clear_pointer (&stored, sp_association_free);
    }

  /* Ten digits with a right check digit: stored in the nnnnnn-nnnn form. */
  apply_row (f, "org_number_row", "2120000142");
  assert_false (gtk_widget_has_css_class (org_row, "error"));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  stored = sp_association_load (f->db, NULL);
  assert_string_equal (stored->org_number, "212000-0142");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (org_row)), "212000-0142");
  g_clear_pointer (&stored, sp_association_free);

  /* An empty name is refused. */
  apply_row (f, "name_row", "  ");
  assert_true (gtk_widget_has_css_class (name_row, "error"));
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  stored = sp_association_load (f->db, NULL);
  assert_string_equal (stored->name, "Norra Västmanlands samordningsförbund");
  g_clear_pointer (&stored, sp_association_free);

  /* Characters that mean something in markup are only characters. */
  apply_row (f, "name_row", odd_name);
  assert_false (gtk_widget_has_css_class (name_row, "error"));
  stored = sp_association_load (f->db, NULL);
  assert_string_equal (stored->name, odd_name);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (name_row)), odd_name);
  g_clear_pointer (&stored, sp_association_free);

  /* The address is saved when the focus leaves it. */
  {
    GtkTextView *view = ASSOCIATION_CHILD (f, "address_view");

    gtk_widget_grab_focus (GTK_WIDGET (view));
    sp_test_gui_spin ();
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Box 200\n737 30 Fagersta", -1);
    gtk_widget_grab_focus (name_row);
    sp_test_gui_spin ();
    stored = sp_association_load (f->db, NULL);
    assert_string_equal (stored->address, "Box 200\n737 30 Fagersta");
    g_clear_pointer (&stored, sp_association_free);
  }

  /* Undo brings back the old name and number into the entries. */
  while (sp_history_can_undo (history))
    assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (name_row)), "Norra Västmanlands samordningsförbund");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (org_row)), "222000-1230");
}

static void
test_reorder_end_delete (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  GtkListBox *list = PAGE_CHILD (f, "members_list");
  GtkLabel *error_label = PAGE_CHILD (f, "members_error_label");
  g_autoptr(SpMember) fagersta = NULL;
  g_autoptr(SpMember) norberg = NULL;
  AdwMessageDialog *dialog;
  guint n = count_members (f->db);

  /* Moving with the actions: the order in the database and on the page. */
  select_member_row (f, "Fagersta kommun");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.move-up", NULL));
  sp_test_gui_spin ();
  fagersta = load_member (f->db, "Fagersta kommun");
  {
    g_autoptr(SpRecordList) members = sp_member_list_new (f->db);
    g_autoptr(SpMember) first = g_list_model_get_item (G_LIST_MODEL (members), 0);

    assert_string_equal (sp_member_get_name (first), "Fagersta kommun");
  }
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                       "Fagersta kommun");
  /* Still selected: at the top, it can only go down. */
  assert_ptr_equal (gtk_list_box_get_selected_row (list), gtk_list_box_get_row_at_index (list, 0));
  assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.move-up", NULL) &&
                find_row (list, "Fagersta kommun") != gtk_list_box_get_row_at_index (list, 0));
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.move-down", NULL));
  sp_test_gui_spin ();
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                       "Fagersta kommun");

  /* A member that owns projects is not deleted: the page says why. */
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.delete", NULL));
  sp_test_gui_spin ();
  assert_int_equal (count_members (f->db), n);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  {
    g_autoptr(GError) error = NULL;

    assert_false (sp_member_delete (f->db, sp_record_get_id (SP_RECORD (fagersta)), &error));
    assert_string_equal (gtk_label_get_text (error_label), error->message);
  }

  /* End a membership: asked for the last year. */
  select_member_row (f, "Norbergs kommun");
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)) &&
                gtk_label_get_text (error_label)[0] == '\0');
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.end-membership", NULL));
  sp_test_gui_spin ();
  dialog = ADW_MESSAGE_DIALOG (sp_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  assert_non_null (dialog);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL)), 2010);
  adw_message_dialog_response (dialog, "end");
  sp_test_gui_spin ();
  norberg = load_member (f->db, "Norbergs kommun");
  assert_int_equal (sp_member_get_to_year (norberg), 2010);
  assert_non_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (list, "Norbergs kommun"))),
                           "2010"));
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  g_clear_object (&norberg);
  norberg = load_member (f->db, "Norbergs kommun");
  assert_int_equal (sp_member_get_to_year (norberg), 0);

  /* A member without projects is deleted, and comes back with undo. */
  assert_true (sp_member_add (f->db, &(SpMemberData) { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 25000, 0, 0 },
                              NULL) > 0);
  sp_test_gui_spin ();
  n = count_members (f->db);
  select_member_row (f, "Köpings kommun");
  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.delete", NULL));
  sp_test_gui_spin ();
  assert_int_equal (count_members (f->db), n - 1);
  assert_null (find_row (list, "Köpings kommun"));
  assert_null (shown_contribution (f, "Köpings kommun"));
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_int_equal (count_members (f->db), n);
  assert_non_null (find_row (list, "Köpings kommun"));
  assert_non_null (shown_contribution (f, "Köpings kommun"));
}

static gboolean
board_editor_is_open (gpointer data)
{
  return sp_test_gui_find_toplevel (SP_TYPE_MEMBER_BOARD_EDITOR) != NULL;
}

static void
test_board (void **state)
{
  Fixture *f = *state;
  GType type = SP_TYPE_MEMBER_BOARD_EDITOR;
  SpHistory *history = sp_database_get_history (f->db);
  GtkListBox *list = BOARD_CHILD (f, "board_list");
  g_autoptr(SpRecordList) board = sp_board_list_new (f->db, SP_EXAMPLE_YEAR);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (board));
  SpMemberBoardEditor *editor;
  GtkListBoxRow *row;

  assert_int_equal (count_rows (list), n);
  assert_non_null (strstr (adw_preferences_group_get_title (BOARD_CHILD (f, "board_group")), "2009"));

  assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "board.add", NULL));
  sp_test_gui_spin ();
  editor = SP_MEMBER_BOARD_EDITOR (sp_test_gui_find_toplevel (type));
  assert_non_null (editor);
  set_text (editor, type, "name_row", "Anna Ek");
  adw_combo_row_set_selected (sp_test_gui_child (editor, type, "member_row"), 1);
  adw_combo_row_set_selected (sp_test_gui_child (editor, type, "role_row"), SP_BOARD_ROLE_ORDINARY);
  adw_combo_row_set_selected (sp_test_gui_child (editor, type, "office_row"), SP_BOARD_OFFICE_CHAIR);
  press_save (editor, type);

  /* There is a chair already. */
  assert_refused (editor, type, "office_row", NULL);
  assert_non_null (strstr (gtk_label_get_text (sp_test_gui_child (editor, type, "error_label")), "Margareta Holm"));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (board)), n);

  /* An empty name. */
  adw_combo_row_set_selected (sp_test_gui_child (editor, type, "office_row"), SP_BOARD_OFFICE_NONE);
  set_text (editor, type, "name_row", "");
  press_save (editor, type);
  assert_refused (editor, type, "name_row", NULL);

  set_text (editor, type, "name_row", "Anna Ek");
  press_save (editor, type);
  assert_null (sp_test_gui_find_toplevel (type));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (board)), n + 1);
  row = find_row (list, "Anna Ek");
  assert_non_null (row);
  assert_non_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Fagersta kommun"));

  /* Activating a row opens one editor on it. */
  g_signal_emit_by_name (find_row (list, "Eva Lundin"), "activate");
  sp_test_gui_wait_until (board_editor_is_open, NULL, "the board member's editor");
  /* Time for a second one, which must not come. */
  sp_test_gui_run_for (500);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_editors = 0;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (SP_IS_MEMBER_BOARD_EDITOR (window))
          n_editors++;
      }
    assert_int_equal (n_editors, 1);
  }
  editor = SP_MEMBER_BOARD_EDITOR (sp_test_gui_find_toplevel (type));
  assert_string_equal (gtk_editable_get_text (sp_test_gui_child (editor, type, "name_row")), "Eva Lundin");
  assert_int_equal (adw_combo_row_get_selected (sp_test_gui_child (editor, type, "office_row")), SP_BOARD_OFFICE_VICE_CHAIR);
  /* Making her the chair is refused; the stored office stays. */
  adw_combo_row_set_selected (sp_test_gui_child (editor, type, "office_row"), SP_BOARD_OFFICE_CHAIR);
  press_save (editor, type);
  assert_refused (editor, type, "office_row", NULL);
  assert_int_equal (sp_board_member_get_office (sp_board_member_row_get_representative (SP_BOARD_MEMBER_ROW (find_row (list, "Eva Lundin")))),
                    SP_BOARD_OFFICE_VICE_CHAIR);
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  sp_test_gui_spin ();
  assert_null (sp_test_gui_find_toplevel (type));

  /* Removed with the row's button; undo brings it back. */
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_null (find_row (list, "Anna Ek"));
  row = find_row (list, "Lars Nyberg");
  assert_non_null (row);
  g_signal_emit_by_name (sp_test_gui_child (row, SP_TYPE_BOARD_MEMBER_ROW, "remove_button"), "clicked");
  sp_test_gui_spin ();
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (board)), n - 1);
  assert_null (find_row (list, "Lars Nyberg"));
  assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_non_null (find_row (list, "Lars Nyberg"));

  /* Another year has its own board, empty here. */
  sp_members_page_set_year (f->page, 2010);
  sp_test_gui_spin ();
  assert_int_equal (count_rows (list), 0);
  assert_non_null (strstr (adw_preferences_group_get_title (BOARD_CHILD (f, "board_group")), "2010"));
  assert_null (shown_contribution (f, "Fagersta kommun"));
  assert_true (gtk_widget_get_mapped (CONTRIBUTIONS_CHILD (f, "contributions_placeholder")));
  sp_members_page_set_year (f->page, SP_EXAMPLE_YEAR);
  sp_test_gui_spin ();
  assert_int_equal (count_rows (list), n);
  assert_non_null (shown_contribution (f, "Fagersta kommun"));
}

/* Presses @accel on the members list as its shortcut controller would. */
static gboolean
press_list_key (Fixture    *f,
                const char *accel)
{
  GtkWidget *list = PAGE_CHILD (f, "members_list");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_strcmp0 (trigger, accel) == 0)
            {
              gboolean done = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, list, NULL);
              sp_test_gui_spin ();
              return done;
            }
        }
    }
  return FALSE;
}

static void
test_keyboard (void **state)
{
  Fixture *f = *state;
  GtkListBox *list = PAGE_CHILD (f, "members_list");
  SpMemberEditor *editor;

  select_member_row (f, "Norbergs kommun");
  assert_true (press_list_key (f, "<Alt>Up"));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))),
                       "Norbergs kommun");
  {
    g_autoptr(SpRecordList) members = sp_member_list_new (f->db);
    g_autoptr(SpMember) second = g_list_model_get_item (G_LIST_MODEL (members), 1);

    assert_string_equal (sp_member_get_name (second), "Norbergs kommun");
  }
  assert_true (press_list_key (f, "<Alt>Down"));
  assert_true (press_list_key (f, "<Alt>Down"));
  assert_string_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 3))),
                       "Norbergs kommun");

  assert_true (press_list_key (f, "F2"));
  editor = SP_MEMBER_EDITOR (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));
  assert_non_null (editor);
  assert_string_equal (gtk_editable_get_text (sp_test_gui_child (editor, SP_TYPE_MEMBER_EDITOR, "name_row")), "Norbergs kommun");
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  sp_test_gui_spin ();

  /* Delete: refused for a member with projects, and said so. */
  assert_true (press_list_key (f, "Delete"));
  assert_true (gtk_widget_get_visible (PAGE_CHILD (f, "members_error_label")));
  assert_non_null (find_row (list, "Norbergs kommun"));
}

/* An adopted year: the page says what that means here; the board can still change. */
static void
test_adopted_year (void **state)
{
  Fixture *f = *state;
  GtkWidget *notice = CONTRIBUTIONS_CHILD (f, "contributions_notice");
  g_autoptr(GError) error = NULL;

  assert_false (gtk_widget_get_visible (notice));
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-11-21", "§ 41", &error));
  sp_test_gui_spin ();
  assert_true (gtk_widget_get_mapped (notice));
  assert_non_null (strstr (gtk_label_get_text (GTK_LABEL (notice)), "2009"));
  assert_non_null (shown_contribution (f, "Fagersta kommun"));
  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  sp_test_gui_spin ();
  assert_false (gtk_widget_get_visible (notice));
}

/* The logo: a file that is no image is refused with its name; a JPEG is
 * kept as PNG and shown; "Remove" takes it away. */
static void
test_logo (void **state)
{
  Fixture *f = *state;
  SpAssociationEditor *editor = SP_ASSOCIATION_EDITOR (PAGE_CHILD (f, "association_editor"));
  GtkLabel *label = ASSOCIATION_CHILD (f, "association_error_label");
  GtkWidget *remove = ASSOCIATION_CHILD (f, "remove_logo_button");
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *text_path = g_build_filename (dir, "logga.png", NULL);
  g_autofree char *jpeg_path = g_build_filename (dir, "logga.jpg", NULL);
  g_autoptr(GFile) text_file = g_file_new_for_path (text_path);
  g_autoptr(GFile) jpeg_file = g_file_new_for_path (jpeg_path);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 120, 60);
  g_autoptr(GBytes) stored = NULL;
  const guint8 *data;

  assert_false (gtk_widget_get_sensitive (remove));
  assert_true (g_file_set_contents (text_path, "Ingen bild", -1, NULL));
  sp_association_editor_set_logo_file (editor, text_file);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  assert_non_null (strstr (gtk_label_get_text (label), "logga.png"));
  assert_non_null (strstr (gtk_label_get_text (label), "inte en PNG- eller JPEG-bild"));
  assert_null (sp_association_load_logo (f->db, NULL));

  gdk_pixbuf_fill (pixbuf, 0x3366aaff);
  assert_true (gdk_pixbuf_save (pixbuf, jpeg_path, "jpeg", NULL, NULL));
  sp_association_editor_set_logo_file (editor, jpeg_file);
  sp_test_gui_spin ();
  assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  stored = sp_association_load_logo (f->db, NULL);
  assert_non_null (stored);
  data = g_bytes_get_data (stored, NULL);
  assert_memory_equal (data, "\x89PNG", 4);
  assert_true (gtk_widget_get_visible (GTK_WIDGET (ASSOCIATION_CHILD (f, "logo_picture"))));
  assert_true (gtk_widget_get_sensitive (remove));

  g_signal_emit_by_name (remove, "clicked");
  sp_test_gui_spin ();
  assert_null (sp_association_load_logo (f->db, NULL));
  assert_false (gtk_widget_get_sensitive (remove));
  sp_test_remove_tree (dir);
}

/* The page fits a phone: 360 pixels wide. */
static void
test_narrow (void **state)
{
  Fixture *f = *state;
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  assert_true (minimum > 0);
  assert_true (minimum <= 360);
}

static void
test_no_database (void **state)
{
  Fixture *f = *state;
  GtkStack *stack = PAGE_CHILD (f, "main_stack");

  assert_string_equal (gtk_stack_get_visible_child_name (stack), "content");
  sp_members_page_set_database (f->page, NULL);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "no-database");
  assert_false (gtk_widget_activate_action (GTK_WIDGET (f->page), "members.add", NULL) &&
                sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR) != NULL);
  assert_null (sp_test_gui_find_toplevel (SP_TYPE_MEMBER_EDITOR));
  sp_members_page_set_database (f->page, f->db);
  sp_test_gui_spin ();
  assert_string_equal (gtk_stack_get_visible_child_name (stack), "content");
  assert_non_null (find_row (PAGE_CHILD (f, "members_list"), "Fagersta kommun"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add_member, setup, teardown),
    cmocka_unit_test_setup_teardown (test_edit_member, setup, teardown),
    cmocka_unit_test_setup_teardown (test_member_bad_input, setup, teardown),
    cmocka_unit_test_setup_teardown (test_edit_bad_input_keeps_value, setup, teardown),
    cmocka_unit_test_setup_teardown (test_member_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_association, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reorder_end_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_keyboard, setup, teardown),
    cmocka_unit_test_setup_teardown (test_board, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_logo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_narrow, setup, teardown),
    cmocka_unit_test_setup_teardown (test_no_database, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;

  return cmocka_run_group_tests_name ("members-page", tests, NULL, NULL);
}
