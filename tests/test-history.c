/* test-history.c: every edit can be undone and redone, back to the same content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>

#include "sp-database-private.h"
#include "sp-history.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  SpDatabase *db;
  SpHistory  *history;
  GPtrArray  *changes;   /* one joined string of table names per "changed" */
} Fixture;

static void
on_changed_cb (SpDatabase  *db,
               const char **tables,
               Fixture     *f)
{
  g_ptr_array_add (f->changes, g_strjoinv (",", (char **) tables));
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "historik.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->history = sp_database_get_history (f->db);
  f->changes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->db, "changed", G_CALLBACK (on_changed_cb), f);

  /* A year and two members to work on, outside the history. */
  sp_database_set_recording (f->db, FALSE);
  g_assert_true (sp_database_edit_begin (f->db, NULL));
  g_assert_true (sp_database_exec (f->db,
                                   "INSERT INTO plan_year (year) VALUES (2009);"
                                   "INSERT INTO member (id, name, kind, population, position) VALUES"
                                   "  (1, 'Fagersta kommun', 'municipality', 12000, 1),"
                                   "  (2, 'Norbergs kommun', 'municipality', 5700, 2);",
                                   NULL));
  g_assert_true (sp_database_edit_commit (f->db, "setup", NULL));
  sp_database_set_recording (f->db, TRUE);
  g_ptr_array_set_size (f->changes, 0);

  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_ptr_array_unref (f->changes);
  g_free (f);
  return 0;
}

static void
edit (Fixture    *f,
      const char *label,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_edit_begin (f->db, &error));
  assert_true (sp_database_exec (f->db, sql, &error));
  assert_true (sp_database_edit_commit (f->db, label, &error));
  assert_null (error);
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_history_undo (f->history, &error));
  assert_null (error);
}

static void
redo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  assert_true (sp_history_redo (f->history, &error));
  assert_null (error);
}

static void
test_nothing_to_undo (void **state)
{
  Fixture *f = *state;

  /* The setup was not recorded. */
  assert_false (sp_history_can_undo (f->history));
  assert_false (sp_history_can_redo (f->history));
  assert_null (sp_history_get_undo_label (f->history));
}

static void
test_insert_update_delete (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after_insert = NULL;
  g_autofree char *after_update = NULL;
  g_autofree char *after_delete = NULL;
  g_autofree char *check = NULL;

  edit (f, "Add section",
        "INSERT INTO section (year, position, title, body) VALUES "
        "(2009, 1, 'Inledning', 'Förbundets ändamål: ''egen försörjning''.')");
  after_insert = sp_test_dump_database (f->db);
  assert_string_not_equal (before, after_insert);
  assert_string_equal (sp_history_get_undo_label (f->history), "Add section");

  edit (f, "Edit section", "UPDATE section SET body = 'Ny text med ”citat” och \\ och ;' WHERE year = 2009");
  after_update = sp_test_dump_database (f->db);

  edit (f, "Delete section", "DELETE FROM section");
  after_delete = sp_test_dump_database (f->db);

  undo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, after_update);
  g_clear_pointer (&check, g_free);

  undo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, after_insert);
  g_clear_pointer (&check, g_free);

  undo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, before);
  g_clear_pointer (&check, g_free);
  assert_false (sp_history_can_undo (f->history));
  assert_string_equal (sp_history_get_redo_label (f->history), "Add section");

  redo (f);
  redo (f);
  redo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, after_delete);
  g_clear_pointer (&check, g_free);
  assert_false (sp_history_can_redo (f->history));
  assert_string_equal (sp_history_get_undo_label (f->history), "Delete section");
}

static void
test_cascade_restored (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *check = NULL;

  edit (f, "Board",
        "INSERT INTO board_member (member_id, year, name, role, office) VALUES"
        "  (1, 2009, 'Anna Andersson', 'ordinary', 'chair'),"
        "  (1, 2009, 'Bo Berg', 'deputy', 'none');"
        "INSERT INTO member_key (member_id, year, percentage) VALUES (1, 2009, 6000);"
        "INSERT INTO project (id, name, owner_id) VALUES (7, 'Kompassen', 1);");
  before = sp_test_dump_database (f->db);

  /* Deleting the member removes its board members and key, and empties the
   * project's owner: one edit, one undo. */
  edit (f, "Delete member", "DELETE FROM member WHERE id = 1");
  after = sp_test_dump_database (f->db);
  assert_null (strstr (after, "Anna Andersson"));

  undo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, before);
  g_clear_pointer (&check, g_free);

  redo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, after);
}

static void
test_big_numbers_and_nulls (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = NULL;
  g_autofree char *check = NULL;

  edit (f, "Frame", "UPDATE plan_year SET frame = 999999999999, equity_used = -1234567 WHERE year = 2009");
  before = sp_test_dump_database (f->db);
  edit (f, "Frame again", "UPDATE plan_year SET frame = NULL, equity_used = 0 WHERE year = 2009");
  undo (f);
  check = sp_test_dump_database (f->db);
  assert_string_equal (check, before);
  assert_non_null (strstr (check, "i:999999999999|"));
  assert_non_null (strstr (check, "i:-1234567|"));
}

static void
test_new_edit_clears_redo (void **state)
{
  Fixture *f = *state;

  edit (f, "One", "UPDATE member SET population = 1 WHERE id = 1");
  undo (f);
  assert_true (sp_history_can_redo (f->history));
  edit (f, "Two", "UPDATE member SET population = 2 WHERE id = 1");
  assert_false (sp_history_can_redo (f->history));
  assert_string_equal (sp_history_get_undo_label (f->history), "Two");
}

static void
test_changed_signal (void **state)
{
  Fixture *f = *state;

  edit (f, "Two tables",
        "INSERT INTO section (year, title) VALUES (2009, 'Mål');"
        "UPDATE member SET population = 12001 WHERE id = 1;");
  assert_int_equal (f->changes->len, 1);
  assert_true (g_str_equal (g_ptr_array_index (f->changes, 0), "member,section") ||
               g_str_equal (g_ptr_array_index (f->changes, 0), "section,member"));

  undo (f);
  assert_int_equal (f->changes->len, 2);
  redo (f);
  assert_int_equal (f->changes->len, 3);
}

static void
test_failed_edit_leaves_nothing (void **state)
{
  Fixture *f = *state;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_edit_begin (f->db, &error));
  assert_true (sp_database_exec (f->db, "UPDATE member SET population = 3 WHERE id = 2", &error));
  /* Violates the CHECK on kind: the edit is rolled back whole. */
  assert_false (sp_database_exec (f->db, "UPDATE member SET kind = 'other' WHERE id = 1", &error));
  assert_non_null (error);
  sp_database_edit_rollback (f->db);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_false (sp_history_can_undo (f->history));
  assert_int_equal (f->changes->len, 0);
}

static void
test_depth_is_bounded (void **state)
{
  Fixture *f = *state;
  guint n = 0;

  for (int i = 0; i < SP_HISTORY_DEPTH + 20; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE member SET population = %d WHERE id = 1", i);
      edit (f, "Population", sql);
    }
  while (sp_history_can_undo (f->history))
    {
      undo (f);
      n++;
    }
  assert_int_equal (n, SP_HISTORY_DEPTH);
}

static void
test_not_recorded (void **state)
{
  Fixture *f = *state;

  sp_database_set_recording (f->db, FALSE);
  edit (f, "Example", "INSERT INTO section (year, title) VALUES (2009, 'Exempel')");
  sp_database_set_recording (f->db, TRUE);
  assert_false (sp_history_can_undo (f->history));
  /* Models still hear of it. */
  assert_int_equal (f->changes->len, 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_nothing_to_undo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_insert_update_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cascade_restored, setup, teardown),
    cmocka_unit_test_setup_teardown (test_big_numbers_and_nulls, setup, teardown),
    cmocka_unit_test_setup_teardown (test_new_edit_clears_redo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_changed_signal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failed_edit_leaves_nothing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_depth_is_bounded, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_recorded, setup, teardown),
  };

  return cmocka_run_group_tests_name ("history", tests, NULL, NULL);
}
