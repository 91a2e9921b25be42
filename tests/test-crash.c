/* test-crash.c: no acknowledged edit lost, no edit half-applied, after SIGKILL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-crash CRASH_WRITER [--kills N] [--max-kills M] [--budget S] [--seed S]
 *        (or SP_CRASH_KILLS=N / SP_CRASH_MAX_KILLS=M / SP_CRASH_BUDGET=S /
 *        SP_CRASH_SEED=S in the environment; the seed is printed first, so
 *        that a failure can be replayed: the edits are the same, the moments
 *        of the kills are not)
 *
 * At least N kills are made; then more, up to M, while the run has taken
 * less than S seconds: a slow machine (or the sanitizers) still ends in time,
 * a fast one tries more moments.
 *
 * Starts crash-writer on a database, kills it with SIGKILL at a random
 * moment (during start-up and migration, or in the middle of its edits),
 * and then:
 *
 *  1. reopens the file with sp_database_open(), as Samplan would after a
 *     crash, and runs PRAGMA integrity_check and PRAGMA foreign_key_check;
 *  2. replays the acknowledged edits, with the same seed, on a shadow copy
 *     that is never killed (crash-writer … FIRST LAST), checks that the
 *     replay acknowledges the very same lines, and compares the two
 *     databases' complete dumps: the killed file must equal the shadow after
 *     the last acknowledged edit, or after one more (an edit committed just
 *     before the kill, whose line was not written yet). Anything else — an
 *     acknowledged edit missing, or part of an edit's rows — fails;
 *  3. checks the values of the last acknowledged edit directly in the
 *     recovered file;
 *  4. starts the writer again from the next edit on the recovered file.
 *
 * The shadow runs in its own process so that the edits themselves are the
 * writer's, not a second implementation of them.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-database-private.h"
#include "sp-test-util.h"

#define DEFAULT_KILLS 200

/* A writer that printed nothing in this long (times the multiplier) hangs. */
#define FIRST_ACK_SECONDS 60

static const char *writer_path;
static guint n_kills_wanted = DEFAULT_KILLS;
static guint n_kills_max;          /* 0: n_kills_wanted */
static double budget_seconds;      /* 0: no kills beyond n_kills_wanted */
static guint64 seed;

typedef struct {
  char  *dir;
  char  *real;
  char  *shadow;
  GRand *rand;

  guint  next;         /* the next edit the writer is to make */
  guint  shadow_at;    /* edits applied to the shadow so far */

  /* What the run did, for the report. */
  guint  kills;
  guint  acked;
  guint  refused;
  guint  committed_unacked;
  guint  before_first_ack;
  guint  finished;
} Run;

/* Reads what is in @fd now, waiting at most @timeout_ms for the first byte. */
static gboolean
read_some (int      fd,
           GString *out,
           int      timeout_ms)
{
  struct pollfd p = { fd, POLLIN, 0 };
  char buf[4096];
  ssize_t n;

  if (poll (&p, 1, timeout_ms) <= 0)
    return TRUE;
  n = read (fd, buf, sizeof buf);
  if (n < 0 && errno == EINTR)
    return TRUE;
  if (n <= 0)
    return FALSE;  /* end of file: the writer is gone */
  g_string_append_len (out, buf, n);
  return TRUE;
}

static void
read_to_end (int      fd,
             GString *out)
{
  while (read_some (fd, out, -1))
    ;
}

/* The complete lines of @text; a last line without a newline was cut by the
 * kill in the middle of a write, which write_line() makes impossible, and
 * would not count as acknowledged anyway. */
static GPtrArray *
complete_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  const char *nl;

  while ((nl = strchr (p, '\n')) != NULL)
    {
      g_ptr_array_add (lines, g_strndup (p, nl - p));
      p = nl + 1;
    }
  return lines;
}

static guint
line_number (const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", 3);

  if (g_strv_length (fields) < 3 ||
      (strcmp (fields[0], "ack") != 0 && strcmp (fields[0], "nak") != 0))
    fail_msg ("not an acknowledgement: %s", line);
  return (guint) g_ascii_strtoull (fields[1], NULL, 10);
}

/* Runs the writer to the end on the shadow: edits first..last. */
static GPtrArray *
run_shadow (Run  *run,
            guint first,
            guint last)
{
  g_autofree char *seed_arg = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_autofree char *first_arg = g_strdup_printf ("%u", first);
  g_autofree char *last_arg = g_strdup_printf ("%u", last);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    writer_path, "--no-sync", run->shadow, seed_arg, first_arg, last_arg, NULL
  };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    fail_msg ("crash-writer: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    fail_msg ("the shadow writer failed (%d): %s", status, err);
  return complete_lines (out);
}

/* As Samplan reopens the file after a kill. A kill while the file was being
 * made leaves it empty (0 bytes); the window asks before it starts a new
 * database in it, and the user who was making it says yes. */
#define REOPEN_FLAGS (SP_DATABASE_OPEN_DEFAULT | SP_DATABASE_OPEN_EMPTY_IS_NEW)

static char *
dump_file (const char *path,
           gboolean    check)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = sp_database_open (path, REOPEN_FLAGS, &error);
  sqlite3_stmt *stmt = NULL;
  GString *problems;
  char *dump;

  if (db == NULL)
    fail_msg ("reopening %s after the kill: %s", path, error->message);

  if (check)
    {
      sqlite3 *handle = sp_database_get_handle (db);

      problems = g_string_new (NULL);
      assert_int_equal (sqlite3_prepare_v2 (handle, "PRAGMA integrity_check", -1, &stmt, NULL),
                        SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (strcmp ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
          g_string_append_printf (problems, "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      assert_int_equal (sqlite3_prepare_v2 (handle, "PRAGMA foreign_key_check", -1, &stmt, NULL),
                        SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (problems, "foreign key: %s row %lld → %s\n",
                                sqlite3_column_text (stmt, 0),
                                (long long) sqlite3_column_int64 (stmt, 1),
                                sqlite3_column_text (stmt, 2));
      sqlite3_finalize (stmt);
      if (problems->len > 0)
        fail_msg ("the database is damaged after a kill:\n%s", problems->str);
      g_string_free (problems, TRUE);
    }

  dump = sp_test_dump_database (db);
  return dump;
}

/* The values of an "ack … set" line are in the file, or its "del" row is gone. */
static void
check_ack_line (const char *path,
                const char *line)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_fields = g_strv_length (fields);
  int rc;

  if (strcmp (fields[0], "ack") != 0)
    return;
  assert_true (n_fields >= 5);
  for (const char *c = fields[3]; *c != '\0'; c++)
    assert_true (g_ascii_islower (*c) || *c == '_');

  db = sp_database_open (path, REOPEN_FLAGS, &error);
  assert_non_null (db);
  sql = g_string_new ("SELECT 1");
  for (guint i = 5; i < n_fields; i++)
    {
      g_autofree char *column = g_strndup (fields[i], strcspn (fields[i], "="));
      for (const char *c = column; *c != '\0'; c++)
        assert_true (g_ascii_isalnum (*c) || *c == '_');
      g_string_append_printf (sql, ", \"%s\"", column);
    }
  g_string_append_printf (sql, " FROM \"%s\" WHERE rowid = ?1", fields[3]);
  assert_int_equal (sqlite3_prepare_v2 (sp_database_get_handle (db), sql->str, -1, &stmt, NULL),
                    SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, g_ascii_strtoll (fields[4], NULL, 10));
  rc = sqlite3_step (stmt);
  if (strcmp (fields[2], "del") == 0)
    {
      if (rc != SQLITE_DONE)
        fail_msg ("acknowledged as deleted, but there: %s", line);
    }
  else
    {
      if (rc != SQLITE_ROW)
        fail_msg ("acknowledged, but missing: %s", line);
      for (guint i = 5; i < n_fields; i++)
        {
          const char *eq = strchr (fields[i], '=');
          g_autofree char *want = eq != NULL ? g_strcompress (eq + 1) : NULL;
          const char *have = (const char *) sqlite3_column_text (stmt, i - 4);

          if (g_strcmp0 (want, have) != 0)
            fail_msg ("acknowledged %s, stored “%s”: %s", fields[i], have ? have : "NULL", line);
        }
    }
  sqlite3_finalize (stmt);
}

/* Where two dumps first differ, for the failure message. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
    if (strcmp (la[i], lb[i]) != 0)
      break;
  return g_strdup_printf ("line %u:\n  killed: %s\n  shadow: %s", i,
                          la[i] != NULL ? la[i] : "(end)", lb[i] != NULL ? lb[i] : "(end)");
}

/* One writer run on the real file, killed at a random moment. */
static void
kill_once (Run *run)
{
  g_autofree char *seed_arg = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_autofree char *first_arg = g_strdup_printf ("%u", run->next);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) replayed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *real_dump = NULL;
  g_autofree char *shadow_dump = NULL;
  const char *argv[] = { writer_path, run->real, seed_arg, first_arg, NULL };
  gboolean early = g_rand_int_range (run->rand, 0, 5) == 0;
  gint64 deadline;
  GPid pid;
  int out_fd;
  int status;
  guint last;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    fail_msg ("crash-writer: %s", error->message);

  /* One kill in five lands anywhere in the first 30 ms: in start-up, in
   * opening or creating the file, in the first edits. The others wait for the
   * first acknowledgement and then up to 30 ms more, in the middle of edits. */
  if (!early)
    {
      deadline = sp_test_deadline (FIRST_ACK_SECONDS);
      while (strchr (out->str, '\n') == NULL && g_get_monotonic_time () < deadline)
        if (!read_some (out_fd, out, 100))
          break;
    }
  g_usleep (g_rand_int_range (run->rand, 0, 30000));
  kill (pid, SIGKILL);
  assert_int_equal (waitpid (pid, &status, 0), pid);
  g_spawn_close_pid (pid);
  read_to_end (out_fd, out);
  close (out_fd);

  if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
    run->kills++;
  else
    fail_msg ("crash-writer ended by itself (status %d) before the kill: "
              "a failed open or a wrong value (see its message above)", status);

  lines = complete_lines (out->str);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      if (line_number (line) != run->next + i)
        fail_msg ("acknowledgement %u out of order: %s", run->next + i, line);
      if (g_str_has_prefix (line, "nak"))
        run->refused++;
      else
        run->acked++;
    }
  if (lines->len == 0)
    run->before_first_ack++;
  last = run->next + lines->len - 1;  /* the last acknowledged edit */

  real_dump = dump_file (run->real, TRUE);

  /* The shadow, brought to the last acknowledged edit. */
  if (lines->len > 0)
    {
      replayed = run_shadow (run, run->shadow_at + 1, last);
      assert_int_equal (replayed->len, last - run->shadow_at);
      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = g_ptr_array_index (lines, i);
          const char *again = g_ptr_array_index (replayed, replayed->len - lines->len + i);

          if (strcmp (line, again) != 0)
            fail_msg ("the replay differs from what the killed writer acknowledged:\n"
                      "  killed: %s\n  replay: %s", line, again);
        }
      run->shadow_at = last;
    }
  shadow_dump = dump_file (run->shadow, FALSE);

  if (strcmp (real_dump, shadow_dump) == 0)
    {
      run->next = last + 1;
      if (lines->len > 0)
        check_ack_line (run->real, g_ptr_array_index (lines, lines->len - 1));
      return;
    }

  /* Not equal: the only other correct state is one more edit, committed
   * whole just before the kill, its line not yet written. */
  g_clear_pointer (&replayed, g_ptr_array_unref);
  replayed = run_shadow (run, last + 1, last + 1);
  assert_int_equal (replayed->len, 1);
  g_free (shadow_dump);
  shadow_dump = dump_file (run->shadow, FALSE);
  if (strcmp (real_dump, shadow_dump) != 0)
    {
      g_autofree char *where = first_difference (real_dump, shadow_dump);
      fail_msg ("after kill %u (edit %u acknowledged last), the file is neither the state "
                "after edit %u nor after edit %u: an acknowledged edit is lost or an "
                "edit is half-applied. First difference at %s",
                run->kills, last, last, last + 1, where);
    }
  run->committed_unacked++;
  run->shadow_at = last + 1;
  run->next = last + 2;
  check_ack_line (run->real, g_ptr_array_index (replayed, 0));
}

static void
test_kills (void **state)
{
  Run run = { NULL, };
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GPtrArray) created = NULL;

  run.dir = sp_test_make_tmpdir ();
  run.real = g_build_filename (run.dir, "förbund.db", NULL);
  run.shadow = g_build_filename (run.dir, "skugga.db", NULL);
  run.rand = g_rand_new_with_seed ((guint32) seed ^ 0x5a5a5a5a);
  run.next = 1;
  if (n_kills_max < n_kills_wanted)
    n_kills_max = n_kills_wanted;
  print_message ("# seed %" G_GUINT64_FORMAT " (SP_CRASH_SEED=%" G_GUINT64_FORMAT
                 " repeats its edits), %u kills, up to %u within %.0f s\n", seed, seed,
                 n_kills_wanted, n_kills_max, budget_seconds);

  /* The shadow starts as a new file, as the writer's first run makes one. */
  created = run_shadow (&run, 1, 0);
  assert_int_equal (created->len, 0);

  while (run.kills < n_kills_wanted ||
         (run.kills < n_kills_max &&
          g_get_monotonic_time () - start < (gint64) (budget_seconds * G_USEC_PER_SEC)))
    kill_once (&run);

  print_message ("# seed %" G_GUINT64_FORMAT ": %u kills survived in %.1f s; %u edits "
                 "acknowledged (and %u refusals), %u committed just before a kill and "
                 "found whole, %u kills before the first acknowledgement\n",
                 seed, run.kills, (g_get_monotonic_time () - start) / 1e6, run.acked,
                 run.refused, run.committed_unacked, run.before_first_ack);
  assert_true (run.acked > run.kills);

  g_rand_free (run.rand);
  sp_test_remove_tree (run.dir);
  g_free (run.dir);
  g_free (run.real);
  g_free (run.shadow);
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_kills),
  };
  const char *env;

  signal (SIGPIPE, SIG_IGN);

  if ((env = g_getenv ("SP_CRASH_KILLS")) != NULL)
    n_kills_wanted = (guint) g_ascii_strtoull (env, NULL, 10);
  if ((env = g_getenv ("SP_CRASH_MAX_KILLS")) != NULL)
    n_kills_max = (guint) g_ascii_strtoull (env, NULL, 10);
  if ((env = g_getenv ("SP_CRASH_BUDGET")) != NULL)
    budget_seconds = g_ascii_strtod (env, NULL);
  if ((env = g_getenv ("SP_CRASH_SEED")) != NULL)
    seed = g_ascii_strtoull (env, NULL, 10);
  else
    seed = (guint64) g_get_real_time ();

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--kills") == 0 && i + 1 < argc)
        n_kills_wanted = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--max-kills") == 0 && i + 1 < argc)
        n_kills_max = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else if (strcmp (argv[i], "--budget") == 0 && i + 1 < argc)
        budget_seconds = g_ascii_strtod (argv[++i], NULL);
      else if (strcmp (argv[i], "--seed") == 0 && i + 1 < argc)
        seed = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        writer_path = argv[i];
    }
  if (writer_path == NULL)
    writer_path = g_getenv ("SP_CRASH_WRITER");
  if (writer_path == NULL)
    {
      g_printerr ("usage: test-crash CRASH_WRITER [--kills N] [--max-kills M] [--budget S] [--seed S]\n");
      return 2;
    }

  return cmocka_run_group_tests (tests, NULL, NULL);
}
