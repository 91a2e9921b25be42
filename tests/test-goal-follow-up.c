/* test-goal-follow-up.c: a goal's follow-up status and comment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <locale.h>
#include <cmocka.h>
#include <glib/gi18n-lib.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-goal.h"
#include "sp-history.h"
#include "sp-test-util.h"

#define YEAR 2009

typedef struct {
  char       *dir;
  SpDatabase *db;
  SpHistory  *history;
  gint64      goal;
  gint64      project_goal;
} Fixture;

static void
setup_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  sp_database_set_recording (f->db, FALSE);
  assert_true (sp_database_edit_begin (f->db, &error));
  if (!sp_database_exec (f->db, sql, &error))
    g_error ("%s: %s", sql, error->message);
  assert_true (sp_database_edit_commit (f->db, "setup", &error));
  sp_database_set_recording (f->db, TRUE);
  assert_null (error);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Fler i arbete", "Andel i arbete", "40 %", 0, 0 };

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "goals.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->history = sp_database_get_history (f->db);
  setup_sql (f,
             "INSERT INTO plan_year (year) VALUES (2009);"
             "INSERT INTO project (id, name) VALUES (1, 'Kuggen');");
  f->goal = sp_goal_add (f->db, YEAR, &data, &error);
  g_assert_no_error (error);
  data.kind = SP_GOAL_KIND_STRATEGIC;
  data.indicator = data.target_value = NULL;
  f->project_goal = sp_goal_add_to_project (f->db, 1, &data, &error);
  g_assert_no_error (error);
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
  g_free (f);
  return 0;
}

static char *
stored_status (Fixture *f,
               gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT follow_up_status FROM goal WHERE id = %" G_GINT64_FORMAT, id);

  return sp_test_query_text (f->db, sql);
}

static char *
stored_comment (Fixture *f,
                gint64   id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT follow_up_comment FROM goal WHERE id = %" G_GINT64_FORMAT, id);

  return sp_test_query_text (f->db, sql);
}

static void
assert_goal (Fixture      *f,
             gint64        id,
             SpGoalStatus  status,
             const char   *nick,
             const char   *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpGoal) goal = sp_goal_load (f->db, id, &error);
  g_autofree char *stored = stored_status (f, id);
  g_autofree char *stored_text = stored_comment (f, id);
  SpGoalStatus property = SP_GOAL_STATUS_NOT_ASSESSED;
  g_autofree char *property_comment = NULL;

  assert_null (error);
  assert_int_equal (sp_goal_get_follow_up_status (goal), status);
  assert_string_equal (sp_goal_get_follow_up_comment (goal), comment);
  g_object_get (goal, "follow-up-status", &property, "follow-up-comment", &property_comment, NULL);
  assert_int_equal (property, status);
  assert_string_equal (property_comment, comment);
  assert_string_equal (stored, nick);
  assert_string_equal (stored_text, comment);
}

static void
test_default (void **state)
{
  Fixture *f = *state;

  assert_goal (f, f->goal, SP_GOAL_STATUS_NOT_ASSESSED, "not_assessed", "");
  assert_goal (f, f->project_goal, SP_GOAL_STATUS_NOT_ASSESSED, "not_assessed", "");
}

static void
test_stored_and_undone (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) list = sp_goal_list_new (f->db, YEAR);
  g_autoptr(SpGoal) listed = NULL;

  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_PARTLY_ACHIEVED,
                                      "38 % gick till arbete", &error));
  assert_null (error);
  assert_string_equal (sp_history_get_undo_label (f->history), "Registrera uppföljning");
  assert_goal (f, f->goal, SP_GOAL_STATUS_PARTLY_ACHIEVED, "partly_achieved", "38 % gick till arbete");
  /* The list of the year's goals follows the change. */
  listed = g_list_model_get_item (G_LIST_MODEL (list), 0);
  assert_int_equal (sp_goal_get_follow_up_status (listed), SP_GOAL_STATUS_PARTLY_ACHIEVED);
  assert_string_equal (sp_goal_get_follow_up_comment (listed), "38 % gick till arbete");

  /* Every status round-trips; a NULL comment is empty. */
  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_ACHIEVED, NULL, &error));
  assert_goal (f, f->goal, SP_GOAL_STATUS_ACHIEVED, "achieved", "");
  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_NOT_ACHIEVED, "Nej", &error));
  assert_goal (f, f->goal, SP_GOAL_STATUS_NOT_ACHIEVED, "not_achieved", "Nej");
  assert_true (sp_goal_set_follow_up (f->db, f->project_goal, SP_GOAL_STATUS_ACHIEVED, "Klart", &error));
  assert_goal (f, f->project_goal, SP_GOAL_STATUS_ACHIEVED, "achieved", "Klart");
  assert_null (error);

  /* Undo goes back one edit at a time, status and comment together. */
  assert_true (sp_history_undo (f->history, &error));
  assert_goal (f, f->project_goal, SP_GOAL_STATUS_NOT_ASSESSED, "not_assessed", "");
  assert_true (sp_history_undo (f->history, &error));
  assert_goal (f, f->goal, SP_GOAL_STATUS_ACHIEVED, "achieved", "");
  assert_true (sp_history_undo (f->history, &error));
  assert_true (sp_history_undo (f->history, &error));
  assert_goal (f, f->goal, SP_GOAL_STATUS_NOT_ASSESSED, "not_assessed", "");
  assert_int_equal (sp_goal_get_follow_up_status (listed), SP_GOAL_STATUS_NOT_ASSESSED);
  assert_true (sp_history_redo (f->history, &error));
  assert_goal (f, f->goal, SP_GOAL_STATUS_PARTLY_ACHIEVED, "partly_achieved", "38 % gick till arbete");
  assert_null (error);
}

static void
test_adopted_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Ändrad", NULL, NULL, 0, 0 };

  setup_sql (f, "UPDATE plan_year SET status = 'adopted', decision_date = '2008-11-21' WHERE year = 2009");
  /* The plan is locked… */
  assert_false (sp_goal_update (f->db, f->goal, &data, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  g_clear_error (&error);
  /* …but its follow-up is recorded, and undone. */
  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_ACHIEVED, "Målet nåddes", &error));
  assert_null (error);
  assert_goal (f, f->goal, SP_GOAL_STATUS_ACHIEVED, "achieved", "Målet nåddes");
  assert_true (sp_history_undo (f->history, &error));
  assert_null (error);
  assert_goal (f, f->goal, SP_GOAL_STATUS_NOT_ASSESSED, "not_assessed", "");
  assert_true (sp_history_redo (f->history, &error));
  assert_null (error);
  assert_goal (f, f->goal, SP_GOAL_STATUS_ACHIEVED, "achieved", "Målet nåddes");
}

static void
test_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_text = g_strnfill (SP_GOAL_FOLLOW_UP_COMMENT_MAX_CHARS + 1, 'x');
  g_autofree char *longest = g_strnfill (SP_GOAL_FOLLOW_UP_COMMENT_MAX_CHARS, 'x');

  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_ACHIEVED, "Ja", &error));
  before = sp_test_dump_database (f->db);

  assert_false (sp_goal_set_follow_up (f->db, f->goal, (SpGoalStatus) 7, "Nej", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_string_equal (sp_error_get_field (error), "follow-up-status");
  g_clear_error (&error);
  assert_false (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_NOT_ACHIEVED, long_text, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_string_equal (sp_error_get_field (error), "follow-up-comment");
  g_clear_error (&error);
  assert_false (sp_goal_set_follow_up (f->db, f->goal + 100, SP_GOAL_STATUS_ACHIEVED, "", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_string_equal (sp_history_get_undo_label (f->history), "Registrera uppföljning");

  /* The longest comment the schema takes is taken. */
  assert_true (sp_goal_set_follow_up (f->db, f->goal, SP_GOAL_STATUS_ACHIEVED, longest, &error));
  assert_null (error);
  assert_goal (f, f->goal, SP_GOAL_STATUS_ACHIEVED, "achieved", longest);
}

static void
test_labels (void **state)
{
  (void) state;

  assert_string_equal (sp_goal_status_to_string (SP_GOAL_STATUS_ACHIEVED), "uppnått");
  assert_string_equal (sp_goal_status_to_string (SP_GOAL_STATUS_PARTLY_ACHIEVED), "delvis uppnått");
  assert_string_equal (sp_goal_status_to_string (SP_GOAL_STATUS_NOT_ACHIEVED), "ej uppnått");
  assert_string_equal (sp_goal_status_to_string (SP_GOAL_STATUS_NOT_ASSESSED), "ej bedömt");
  assert_int_equal (SP_GOAL_STATUS_NOT_ASSESSED, 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_default, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stored_and_undone, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refused, setup, teardown),
    cmocka_unit_test (test_labels),
  };

  g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cmocka_run_group_tests (tests, NULL, NULL);
}
