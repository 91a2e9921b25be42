/* test-two-processes.c: two Samplans on one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The presence file beside a database (who has it open), and two connections
 * on one file as two Samplan processes would have them: an undo never
 * overwrites what the other one changed, and each notices the other's commits.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-budget-line.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-presence.h"
#include "sp-test-util.h"

typedef struct {
  char *dir;
  char *path;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = sp_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "förbund.db", NULL);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_chmod (f->dir, 0700);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f);
  return 0;
}

/* Writes a presence file by hand, as another Samplan would have. */
static void
write_presence (const char *db_path,
                const char *host,
                gint64      pid,
                const char *program)
{
  g_autofree char *lock = sp_presence_path_for (db_path);
  g_autofree char *text = g_strdup_printf ("[Samplan]\nUser=berit\nRealName=Berit Ek\nHost=%s\n"
                                           "Pid=%" G_GINT64_FORMAT "\nProgram=%s\n"
                                           "Since=2026-12-05T14:30:00Z\n",
                                           host, pid, program);

  g_assert_true (g_file_set_contents (lock, text, -1, NULL));
}

/* The pid of a process that has ended. */
static gint64
ended_pid (void)
{
  GPid pid = 0;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/bin/true", NULL };
  int status = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  waitpid (pid, &status, 0);
  return pid;
}

static void
test_presence_claim_and_release (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpPresence) first = NULL;
  g_autoptr(SpPresence) second = NULL;
  g_autoptr(SpPresence) holder = NULL;
  g_autoptr(SpPresence) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = sp_presence_path_for (f->path);
  g_autofree char *base = g_path_get_basename (lock);
  g_autofree char *description = NULL;

  g_assert_cmpstr (base, ==, ".~samplan-lock.förbund.db#");
  g_assert_null (sp_presence_read (f->path));

  first = sp_presence_claim (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (sp_presence_holds_file (first));
  g_assert_true (g_file_test (lock, G_FILE_TEST_IS_REGULAR));

  read = sp_presence_read (f->path);
  g_assert_nonnull (read);
  g_assert_cmpstr (sp_presence_get_user (read), ==, g_get_user_name ());
  g_assert_cmpstr (sp_presence_get_host (read), ==, g_get_host_name ());
  g_assert_cmpint (sp_presence_get_pid (read), ==, getpid ());
  g_assert_false (sp_presence_is_stale (read));

  /* A second Samplan on the same file is told who has it. */
  second = sp_presence_claim (f->path, FALSE, &holder, &error);
  g_assert_null (second);
  g_assert_error (error, SP_PRESENCE_ERROR, SP_PRESENCE_ERROR_HELD);
  g_assert_nonnull (holder);
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, "förbund.db"));
  description = sp_presence_describe (holder);
  g_assert_cmpstr (description, ==, error->message);
  g_clear_error (&error);

  /* Released: gone, and the next one may have it. */
  sp_presence_release (first);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
  second = sp_presence_claim (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sp_presence_holds_file (second));
  g_clear_object (&second);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_presence_stale_taken_over (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpPresence) stale = NULL;
  g_autoptr(SpPresence) mine = NULL;
  g_autoptr(SpPresence) read = NULL;
  g_autoptr(GError) error = NULL;

  /* A Samplan killed on this computer left its file behind. */
  write_presence (f->path, g_get_host_name (), ended_pid (), "samplan");
  stale = sp_presence_read (f->path);
  g_assert_true (sp_presence_is_stale (stale));
  g_assert_cmpstr (sp_presence_get_user (stale), ==, "berit");

  mine = sp_presence_claim (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sp_presence_holds_file (mine));
  read = sp_presence_read (f->path);
  g_assert_cmpint (sp_presence_get_pid (read), ==, getpid ());
  g_clear_object (&read);

  /* A living process that is not Samplan got the pid since: stale too. */
  g_clear_object (&mine);
  write_presence (f->path, g_get_host_name (), getppid (), "no-such-program-name");
  read = sp_presence_read (f->path);
  g_assert_true (sp_presence_is_stale (read));
  g_clear_object (&read);

  /* Our own pid but another run's instance (a sandbox gives the same pid
   * again after a crash): stale. Without an instance, we cannot tell. */
  {
    g_autofree char *lock = sp_presence_path_for (f->path);
    g_autofree char *comm = NULL;
    g_autofree char *text = NULL;

    if (!g_file_get_contents ("/proc/self/comm", &comm, NULL, NULL))
      comm = g_strdup ("");
    g_strstrip (comm);
    text = g_strdup_printf ("[Samplan]\nUser=berit\nHost=%s\nPid=%d\nProgram=%s\n"
                            "Instance=00000000-0000-4000-8000-000000000000\n"
                            "Since=2026-12-05T14:30:00Z\n", g_get_host_name (), (int) getpid (), comm);
    g_assert_true (g_file_set_contents (lock, text, -1, NULL));
    read = sp_presence_read (f->path);
    g_assert_true (sp_presence_is_stale (read));
    g_clear_object (&read);
  }

  /* A file cut short is taken over. */
  {
    g_autofree char *lock = sp_presence_path_for (f->path);

    g_assert_true (g_file_set_contents (lock, "[Samplan]\nUser=ber", -1, NULL));
    mine = sp_presence_claim (f->path, FALSE, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (sp_presence_holds_file (mine));
  }
}

static void
test_presence_other_host (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpPresence) holder = NULL;
  g_autoptr(SpPresence) mine = NULL;
  g_autoptr(SpPresence) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lock = sp_presence_path_for (f->path);

  /* Another computer's Samplan, on a shared folder: it cannot be checked. */
  write_presence (f->path, "kansli-pc", 4242, "samplan");
  mine = sp_presence_claim (f->path, FALSE, &holder, &error);
  g_assert_null (mine);
  g_assert_error (error, SP_PRESENCE_ERROR, SP_PRESENCE_ERROR_HELD);
  g_assert_nonnull (strstr (error->message, "Berit Ek (berit)"));
  g_assert_nonnull (strstr (error->message, "kansli-pc"));
  g_assert_false (sp_presence_is_stale (holder));
  g_assert_false (sp_presence_is_this_host (holder));
  g_clear_error (&error);

  /* The user said to open it anyway. */
  mine = sp_presence_claim (f->path, TRUE, NULL, &error);
  g_assert_no_error (error);
  read = sp_presence_read (f->path);
  g_assert_cmpstr (sp_presence_get_host (read), ==, g_get_host_name ());

  /* The other one took it back meanwhile: ours is not removed on release. */
  write_presence (f->path, "kansli-pc", 4242, "samplan");
  g_clear_object (&mine);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
}

static void
test_presence_read_only_folder (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpPresence) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  before = sp_test_list_dir_text (f->dir);

  mine = sp_presence_claim (f->path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mine);
  g_assert_false (sp_presence_holds_file (mine));
  g_clear_object (&mine);

  after = sp_test_list_dir_text (f->dir);
  g_assert_cmpstr (before, ==, after);
}

/* Two connections on one file, as two Samplan processes have them. */
typedef struct {
  char       *dir;
  char       *path;
  SpDatabase *a;
  SpDatabase *b;
  gint64      line;     /* a budget line of 2009 */
  guint       a_elsewhere;
  guint       a_changed_lines;
} Pair;

static void
on_a_changed_elsewhere_cb (SpDatabase *db,
                           Pair       *p)
{
  p->a_elsewhere++;
}

static void
on_a_changed_cb (SpDatabase  *db,
                 const char **tables,
                 Pair        *p)
{
  if (g_strv_contains (tables, "budget_line"))
    p->a_changed_lines++;
}

static int
pair_setup (void **state)
{
  Pair *p = g_new0 (Pair, 1);
  g_autoptr(GError) error = NULL;

  p->dir = sp_test_make_tmpdir ();
  p->a = sp_test_example_new (p->dir, "delad.db", &p->path);
  p->b = sp_database_open (p->path, SP_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  p->line = sp_test_query_int (p->a, "SELECT min (id) FROM budget_line WHERE year = 2009");
  g_assert_cmpint (p->line, >, 0);
  g_signal_connect (p->a, "changed-elsewhere", G_CALLBACK (on_a_changed_elsewhere_cb), p);
  g_signal_connect (p->a, "changed", G_CALLBACK (on_a_changed_cb), p);
  sp_history_clear (sp_database_get_history (p->a));
  sp_database_poll_elsewhere (p->a);
  p->a_elsewhere = 0;
  p->a_changed_lines = 0;
  *state = p;
  return 0;
}

static int
pair_teardown (void **state)
{
  Pair *p = *state;

  g_clear_object (&p->a);
  g_clear_object (&p->b);
  sp_test_remove_tree (p->dir);
  g_free (p->dir);
  g_free (p->path);
  g_free (p);
  return 0;
}

static gint64
line_value (SpDatabase *db,
            gint64      line,
            const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM budget_line WHERE id = %" G_GINT64_FORMAT,
                                          column, line);
  return sp_test_query_int (db, sql);
}

static char *
line_text (SpDatabase *db,
           gint64      line,
           const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM budget_line WHERE id = %" G_GINT64_FORMAT,
                                          column, line);
  return sp_test_query_text (db, sql);
}

/* The attack of issue 17: A's Ctrl+Z erased B's change to another column. */
static void
test_undo_refuses_over_another_change (void **state)
{
  Pair *p = *state;
  SpHistory *history = sp_database_get_history (p->a);
  g_autoptr(GError) error = NULL;
  g_autofree char *before_dump = NULL;
  g_autofree char *comment = NULL;
  gint64 old_budget = line_value (p->a, p->line, "budget");
  gint64 a_budget;

  g_assert_true (sp_budget_line_set_amount (p->a, p->line, SP_BUDGET_COLUMN_BUDGET,
                                            123400 * SP_MONEY_ORE_PER_KR, &error));
  g_assert_no_error (error);
  g_assert_true (sp_budget_line_set_comment (p->b, p->line, "B:s kommentar", &error));
  g_assert_no_error (error);
  before_dump = sp_test_dump_database (p->b);
  a_budget = line_value (p->b, p->line, "budget");
  g_assert_cmpint (a_budget, !=, old_budget);

  g_assert_true (sp_history_can_undo (history));
  g_assert_false (sp_history_undo (history, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  /* Nothing changed: B's comment and A's amount both stay. */
  comment = line_text (p->b, p->line, "comment");
  g_assert_cmpstr (comment, ==, "B:s kommentar");
  g_assert_cmpint (line_value (p->b, p->line, "budget"), ==, a_budget);
  {
    g_autofree char *after_dump = sp_test_dump_database (p->b);
    g_assert_cmpstr (after_dump, ==, before_dump);
  }
  /* The edit that can never be undone is gone; nothing to redo either. */
  g_assert_false (sp_history_can_undo (history));
  g_assert_false (sp_history_can_redo (history));
}

static void
test_undo_applies_when_rows_untouched (void **state)
{
  Pair *p = *state;
  SpHistory *history = sp_database_get_history (p->a);
  g_autoptr(GError) error = NULL;
  gint64 other = sp_test_query_int (p->a, "SELECT max (id) FROM budget_line WHERE year = 2009");
  gint64 old_budget = line_value (p->a, p->line, "budget");
  gint64 b_plan1;

  g_assert_cmpint (other, !=, p->line);
  g_assert_true (sp_budget_line_set_amount (p->a, p->line, SP_BUDGET_COLUMN_BUDGET,
                                            777 * SP_MONEY_ORE_PER_KR, &error));
  g_assert_true (sp_budget_line_set_comment (p->b, other, "B:s rad", &error));
  g_assert_no_error (error);

  g_assert_true (sp_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (line_value (p->b, p->line, "budget"), ==, old_budget);
  {
    g_autofree char *comment = line_text (p->b, other, "comment");
    g_assert_cmpstr (comment, ==, "B:s rad");
  }

  /* Redo, once B changed the row after the undo: refused too. */
  g_assert_true (sp_budget_line_set_amount (p->b, p->line, SP_BUDGET_COLUMN_PLAN1,
                                            5 * SP_MONEY_ORE_PER_KR, &error));
  b_plan1 = line_value (p->b, p->line, "plan1");
  g_assert_false (sp_history_redo (history, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  g_assert_cmpint (line_value (p->b, p->line, "budget"), ==, old_budget);
  g_assert_cmpint (line_value (p->b, p->line, "plan1"), ==, b_plan1);
}

/* A row deleted elsewhere is not brought back by an undo of its change. */
static void
test_undo_refuses_over_a_delete (void **state)
{
  Pair *p = *state;
  SpHistory *history = sp_database_get_history (p->a);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_budget_line_set_text (p->a, p->line, "A:s text", &error));
  g_assert_true (sp_budget_line_delete (p->b, p->line, &error));
  g_assert_no_error (error);
  g_assert_false (sp_history_undo (history, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_CONFLICT);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM budget_line WHERE id = %" G_GINT64_FORMAT,
                                            p->line);
    g_assert_cmpint (sp_test_query_int (p->b, sql), ==, 0);
  }
}

/* A notices B's commits (and not its own), and drops what can no longer
 * be undone; what still can stays. */
static void
test_changed_elsewhere (void **state)
{
  Pair *p = *state;
  SpHistory *history = sp_database_get_history (p->a);
  g_autoptr(GError) error = NULL;
  gint64 other = sp_test_query_int (p->a, "SELECT max (id) FROM budget_line WHERE year = 2009");
  gint64 old_plan2 = line_value (p->a, other, "plan2");
  gint64 a_budget;

  g_assert_true (sp_budget_line_set_amount (p->a, other, SP_BUDGET_COLUMN_PLAN2,
                                            1 * SP_MONEY_ORE_PER_KR, &error));
  g_assert_true (sp_budget_line_set_amount (p->a, p->line, SP_BUDGET_COLUMN_BUDGET,
                                            2 * SP_MONEY_ORE_PER_KR, &error));
  g_assert_no_error (error);
  a_budget = line_value (p->a, p->line, "budget");
  g_assert_false (sp_database_poll_elsewhere (p->a));
  g_assert_cmpuint (p->a_elsewhere, ==, 0);

  g_assert_true (sp_budget_line_set_comment (p->b, p->line, "från B", &error));
  p->a_changed_lines = 0;
  g_assert_true (sp_database_poll_elsewhere (p->a));
  g_assert_cmpuint (p->a_elsewhere, ==, 1);
  g_assert_cmpuint (p->a_changed_lines, ==, 1);
  g_assert_false (sp_database_poll_elsewhere (p->a));
  g_assert_cmpuint (p->a_elsewhere, ==, 1);

  /* The newest edit, on B's row, is gone; the one before still undoes. */
  g_assert_true (sp_history_can_undo (history));
  g_assert_true (sp_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_false (sp_history_can_undo (history));
  g_assert_cmpint (line_value (p->b, p->line, "budget"), ==, a_budget);
  g_assert_cmpint (line_value (p->b, other, "plan2"), ==, old_plan2);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_presence_claim_and_release, setup, teardown),
    cmocka_unit_test_setup_teardown (test_presence_stale_taken_over, setup, teardown),
    cmocka_unit_test_setup_teardown (test_presence_other_host, setup, teardown),
    cmocka_unit_test_setup_teardown (test_presence_read_only_folder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_refuses_over_another_change, pair_setup, pair_teardown),
    cmocka_unit_test_setup_teardown (test_undo_applies_when_rows_untouched, pair_setup, pair_teardown),
    cmocka_unit_test_setup_teardown (test_undo_refuses_over_a_delete, pair_setup, pair_teardown),
    cmocka_unit_test_setup_teardown (test_changed_elsewhere, pair_setup, pair_teardown),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
