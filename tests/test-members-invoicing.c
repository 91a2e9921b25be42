/* test-members-invoicing.c: the Medlemmar page's invoicing of contributions, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-history.h"
#include "sp-invoicing.h"
#include "sp-test-gui.h"
#include "sp-test-util.h"
#include "ui/sp-invoicing-editor.h"
#include "ui/sp-member-contributions.h"
#include "ui/sp-members-page.h"

typedef struct {
  SpTestGui     *gui;
  SpDatabase    *db;
  SpMembersPage *page;
} Fixture;

#define EDITOR_CHILD(f, name)                                                                   \
  sp_test_gui_child (sp_test_gui_child ((f)->page, SP_TYPE_MEMBERS_PAGE, "invoicing_editor"), \
                     SP_TYPE_INVOICING_EDITOR, (name))

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

static void
apply_row (Fixture    *f,
           const char *name,
           const char *text)
{
  AdwEntryRow *row = EDITOR_CHILD (f, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "entry-activated");
  sp_test_gui_spin ();
}

/* The subtitle of the contributions tab's row titled @name. */
static const char *
contribution_subtitle (Fixture    *f,
                       const char *name)
{
  GtkWidget *list = sp_test_gui_child (sp_test_gui_child (f->page, SP_TYPE_MEMBERS_PAGE, "contributions"),
                                       SP_TYPE_MEMBER_CONTRIBUTIONS, "contributions_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  return NULL;
}

static void
test_invoicing (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  GtkCheckButton *once = EDITOR_CHILD (f, "once_button");
  GtkCheckButton *four = EDITOR_CHILD (f, "four_button");
  GtkWidget *dates = EDITOR_CHILD (f, "due_dates_row");
  GtkLabel *error_label = EDITOR_CHILD (f, "invoicing_error_label");
  g_autoptr(SpInvoicing) stored = NULL;
  g_autofree char *before = NULL;

  /* A new förbund is invoiced once, at the end of January. */
  assert_true (gtk_check_button_get_active (once));
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (dates)), "01-31");

  /* Quarterly: the usual four due dates, stored and shown. */
  g_signal_emit_by_name (four, "activate");
  sp_test_gui_spin ();
  stored = sp_invoicing_load (f->db, NULL);
  assert_int_equal (stored->n_instalments, 4);
  assert_string_equal (stored->due_dates[3], "10-31");
  g_clear_pointer (&stored, sp_invoicing_free);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (dates)), "01-31, 04-30, 07-31, 10-31");
  /* The contributions tab shows each member's instalments: Fagersta's
   * 544 843 kr in four is 136 211, 136 211, 136 211 and 136 210 kr. */
  {
    g_autofree char *first = sp_money_format (136211 * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
    g_autofree char *last = sp_money_format (136210 * SP_MONEY_ORE_PER_KR, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
    g_autofree char *want_first = g_strdup_printf ("Faktureras: %s den 2009-01-31,", first);
    g_autofree char *want_last = g_strdup_printf ("%s den 2009-10-31", last);
    const char *subtitle;

    sp_test_gui_spin ();
    subtitle = contribution_subtitle (f, "Fagersta kommun");
    assert_non_null (subtitle);
    assert_non_null (strstr (subtitle, want_first));
    assert_non_null (strstr (subtitle, want_last));
  }

  /* A day that is not in the year, and too many dates: refused, said, and
   * the typed text kept; nothing stored. */
  before = sp_test_dump_database (f->db);
  apply_row (f, "due_dates_row", "01-31, 02-30, 07-31, 10-31");
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  assert_non_null (strstr (gtk_label_get_text (error_label), "02-30"));
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (dates)), "01-31, 02-30, 07-31, 10-31");
  apply_row (f, "due_dates_row", "01-31, 03-31, 06-30, 09-30, 12-31");
  assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  {
    g_autofree char *after = sp_test_dump_database (f->db);
    assert_string_equal (before, after);
  }

  /* Corrected; then the payment details, each saved on Enter. */
  apply_row (f, "due_dates_row", "1-15, 4-15, 7-15, 10-15");
  assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  apply_row (f, "payment_row", "Bankgiro 5050-1055");
  apply_row (f, "contact_row", "Kansliet, 0223-123 45");
  stored = sp_invoicing_load (f->db, NULL);
  assert_string_equal (stored->due_dates[0], "01-15");
  assert_string_equal (stored->due_dates[3], "10-15");
  assert_string_equal (stored->payment, "Bankgiro 5050-1055");
  assert_string_equal (stored->contact, "Kansliet, 0223-123 45");
  g_clear_pointer (&stored, sp_invoicing_free);
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (dates)), "01-15, 04-15, 07-15, 10-15");

  /* Every change is an edit of its own: undone one by one, back to once a year. */
  while (sp_history_can_undo (history))
    assert_true (sp_history_undo (history, NULL));
  sp_test_gui_spin ();
  assert_true (gtk_check_button_get_active (once));
  assert_false (gtk_check_button_get_active (four));
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (dates)), "01-31");
  assert_string_equal (gtk_editable_get_text (GTK_EDITABLE (EDITOR_CHILD (f, "payment_row"))), "");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_invoicing, setup, teardown),
  };

  if (!sp_test_gui_init ())
    return 1;
  return cmocka_run_group_tests_name ("members-invoicing", tests, NULL, NULL);
}
