/* test-damaged.c: damaged, foreign, locked and vanishing database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file here is one Samplan must not open as its own, or must not
 * change: a database cut short at many sizes, one with a page overwritten,
 * random bytes, a text file, a file of a newer Samplan, another program's
 * database, a FIFO, a read-only file, a file locked by a second Samplan or
 * by the sqlite3 program, and a database whose folder is removed while it is
 * open. For each: sp_database_open() (or the edit) fails with a message that
 * names the file, in Swedish (the build's own translation), nothing crashes
 * or hangs, and the file is byte for byte what it was (SHA-256), with no
 * stray file left beside it.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-database-private.h"
#include "sp-edit-private.h"
#include "sp-example.h"
#include "sp-member.h"
#include "sp-test-util.h"

/* The Swedish closing quote: ”%s” where the English has “%s”. */
#define SV_QUOTE "\xe2\x80\x9d"

typedef struct {
  char *dir;
  char *good;       /* a complete database with the example's data */
  char *contents;   /* its bytes */
  gsize length;
} Fixture;

static guint n_files_checked;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *wal = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->good = g_build_filename (f->dir, "exempel.db", NULL);
  db = sp_example_create (f->good, &error);
  assert_non_null (db);
  g_clear_object (&db);  /* the last connection: the WAL goes into the file */
  wal = g_strconcat (f->good, "-wal", NULL);
  assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_true (g_file_get_contents (f->good, &f->contents, &f->length, NULL));
  assert_true (f->length > 3 * 4096);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->good);
  g_free (f->contents);
  g_free (f);
  return 0;
}

/* The message names the file and is the Swedish translation. */
static void
check_message (const GError *error,
               const char   *path,
               const char   *swedish)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *shown = g_filename_display_name (base);

  assert_non_null (error);
  assert_non_null (error->message);
  if (strstr (error->message, shown) == NULL)
    fail_msg ("the message does not name %s: %s", shown, error->message);
  if (strstr (error->message, swedish) == NULL || strstr (error->message, SV_QUOTE) == NULL)
    fail_msg ("not the Swedish message (“%s”): %s", swedish, error->message);
}

/* The SHA-256 of the file and of its -wal, -shm and -journal, if there. */
static char *
checksum_all (const char *path)
{
  GString *sums = g_string_new (NULL);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *sum = sp_test_file_checksum (file);

      g_string_append_printf (sums, "%s=%s ", suffixes[i], sum != NULL ? sum : "none");
    }
  return g_string_free (sums, FALSE);
}

/* Opening @path is refused with @code and @swedish, and changes nothing;
 * what went wrong instead is added to @failures. */
static void
expect_refused (const char          *path,
                SpDatabaseOpenFlags  flags,
                int                  code,
                const char          *swedish,
                GString             *failures)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *files_before = sp_test_list_dir_text (dir);
  g_autofree char *files_after = NULL;
  g_autofree char *before = checksum_all (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = sp_database_open (path, flags, &error);
  gsize length = failures->len;

  if (db != NULL)
    g_string_append_printf (failures, "%s: opened as a Samplan database\n", base);
  else if (error->domain != SP_DATABASE_ERROR || error->code != code)
    g_string_append_printf (failures, "%s: error %d, expected %d: %s\n", base, error->code,
                            code, error->message);
  else if (strstr (error->message, base) == NULL || strstr (error->message, swedish) == NULL ||
           strstr (error->message, SV_QUOTE) == NULL)
    g_string_append_printf (failures, "%s: not the Swedish message naming the file (“%s”): %s\n",
                            base, swedish, error->message);
  g_clear_object (&db);

  after = checksum_all (path);
  if (g_strcmp0 (before, after) != 0)
    g_string_append_printf (failures, "%s: the file or its -wal, -shm, -journal was changed\n", base);
  files_after = sp_test_list_dir_text (dir);
  if (strcmp (files_before, files_after) != 0)
    {
      g_autofree char *b = g_strescape (files_before, NULL);
      g_autofree char *a = g_strescape (files_after, NULL);
      g_string_append_printf (failures, "%s: files beside it changed: %s → %s\n", base, b, a);
    }
  if (failures->len == length)
    n_files_checked++;
}

static void
assert_no_failures (GString *failures)
{
  if (failures->len > 0)
    fail_msg ("%s", failures->str);
  g_string_free (failures, TRUE);
}

static char *
write_file (Fixture    *f,
            const char *name,
            const char *contents,
            gsize       length)
{
  char *path = g_build_filename (f->dir, name, NULL);

  assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_int_equal (g_chmod (path, 0600), 0);
  return path;
}

static void
test_truncated (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  const gsize sizes[] = {
    1, 15, 16, 50, 99, 100, 101, 512, 1024, 4095, 4096, 4097, 8192,
    f->length / 2, f->length - 4096, f->length - 4095, f->length - 1,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("avkortad-%" G_GSIZE_FORMAT ".db", sizes[i]);
      g_autofree char *path = write_file (f, name, f->contents, sizes[i]);

      expect_refused (path, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_NOT_A_DATABASE,
                      "inte en Samplan-databas", failures);
    }
  assert_no_failures (failures);
}

static void
test_overwritten_page (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  guint n_pages = f->length / 4096;

  /* Zeros, then random bytes, over a page of the middle and over the last. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *copy = g_memdup2 (f->contents, f->length);
      g_autofree char *name = g_strdup_printf ("skadad-%u.db", i);
      g_autofree char *path = NULL;
      gsize page = (i % 2 == 0) ? n_pages / 2 : n_pages - 1;

      for (gsize b = 0; b < 4096; b++)
        copy[page * 4096 + b] = i < 2 ? 0 : (char) g_rand_int_range (rand, 0, 256);
      path = write_file (f, name, copy, f->length);
      expect_refused (path, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_NOT_A_DATABASE,
                      "inte en Samplan-databas", failures);
    }
  assert_no_failures (failures);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
add_member (SpDatabase  *database,
            gpointer     user_data,
            GError     **error)
{
  return sp_database_exec (database, "INSERT INTO member (name, kind, position) VALUES ('Köping', 'municipality', 99)",
                           error);
}

/* SP_DATABASE_OPEN_CHECK_LATER (the window's way): a file damaged inside
 * may open, but the check in its thread finds it before anything is
 * written: every write and backup waits and is refused with the same
 * message, "damaged" is notified once in the main loop, and the file stays
 * as it was. A sound file opens, checks and takes edits as usual. */
static void
test_checked_later (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  guint n_pages = f->length / 4096;
  guint n_opened = 0;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *copy = g_memdup2 (f->contents, f->length);
      g_autofree char *name = g_strdup_printf ("skadad-senare-%u.db", i);
      g_autofree char *path = NULL;
      g_autofree char *backup = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SpDatabase) db = NULL;
      gsize page = (i % 2 == 0) ? n_pages / 2 : n_pages - 1;
      guint notified = 0;

      for (gsize b = 0; b < 4096; b++)
        copy[page * 4096 + b] = i < 2 ? 0 : (char) g_rand_int_range (rand, 0, 256);
      path = write_file (f, name, copy, f->length);
      backup = g_strconcat (path, ".kopia", NULL);
      before = sp_test_file_checksum (path);

      db = sp_database_open (path, SP_DATABASE_OPEN_CHECK_LATER, &error);
      if (db == NULL)
        {
          /* Found before the pages were read (the schema page, say). */
          check_message (error, path, "inte en Samplan-databas");
          continue;
        }
      n_opened++;
      g_signal_connect (db, "notify::damaged", G_CALLBACK (on_notify_cb), &notified);

      assert_false (sp_edit_run (db, "Lägg till", add_member, NULL, &error));
      check_message (error, path, "inte en Samplan-databas");
      g_clear_error (&error);
      assert_true (sp_database_is_damaged (db));
      assert_false (sp_database_wait_checked (db, &error));
      check_message (error, path, "inte en Samplan-databas");
      g_clear_error (&error);
      assert_false (sp_database_backup_to (db, backup, &error));
      check_message (error, path, "inte en Samplan-databas");
      g_clear_error (&error);
      assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

      while (notified == 0 && g_main_context_iteration (NULL, TRUE))
        ;
      while (g_main_context_iteration (NULL, FALSE))
        ;
      assert_int_equal (notified, 1);
      g_clear_object (&db);

      after = sp_test_file_checksum (path);
      if (g_strcmp0 (before, after) != 0)
        g_string_append_printf (failures, "%s: the file was changed\n", name);
      else
        n_files_checked++;
    }
  /* The check thread, not the opening, found most of them. */
  assert_true (n_opened >= 2);

  /* The sound file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SpDatabase) db = sp_database_open (f->good, SP_DATABASE_OPEN_CHECK_LATER, &error);
    guint notified = 0;

    assert_non_null (db);
    g_signal_connect (db, "notify::damaged", G_CALLBACK (on_notify_cb), &notified);
    assert_true (sp_database_wait_checked (db, &error));
    assert_true (sp_edit_run (db, "Lägg till", add_member, NULL, &error));
    g_assert_no_error (error);
    while (g_main_context_iteration (NULL, FALSE))
      ;
    assert_false (sp_database_is_damaged (db));
    assert_int_equal (notified, 0);
  }
  assert_no_failures (failures);
}

static void
test_random_bytes (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2009);
  const gsize sizes[] = { 100, 4096, 65536 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint with_header = 0; with_header < 2; with_header++)
      {
        g_autofree char *bytes = g_malloc (sizes[i]);
        g_autofree char *name = g_strdup_printf ("slump-%" G_GSIZE_FORMAT "-%u.db", sizes[i],
                                                 with_header);
        g_autofree char *path = NULL;

        for (gsize b = 0; b < sizes[i]; b++)
          bytes[b] = (char) g_rand_int_range (rand, 0, 256);
        if (with_header)
          memcpy (bytes, "SQLite format 3", 16);
        path = write_file (f, name, bytes, sizes[i]);
        expect_refused (path, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_NOT_A_DATABASE,
                        "inte en Samplan-databas", failures);
      }
  assert_no_failures (failures);
}

static void
test_text_files (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  const char *texts[] = {
    "hej\n",
    "Verksamhetsplan 2009 för Samordningsförbundet Västerås.\n"
    "Detta är en vanlig textfil som någon har gett namnet .db, längre än en sida huvud.\n",
    "id;namn;belopp\n1;Fagersta kommun;12 000\n2;Norbergs kommun;9 000\n"
    "3;Skinnskattebergs kommun;7 000\n4;Region Västmanland;50 000\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *name = g_strdup_printf ("text-%u.db", i);
      g_autofree char *path = write_file (f, name, texts[i], strlen (texts[i]));

      expect_refused (path, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_NOT_A_DATABASE,
                      "inte en Samplan-databas", failures);
    }
  assert_no_failures (failures);
}

static void
test_newer_and_foreign (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autofree char *newer = g_build_filename (f->dir, "nyare.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "främmande.db", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;

  /* The example, as a later Samplan would have left it. */
  assert_true (g_file_set_contents (newer, f->contents, f->length, NULL));
  assert_int_equal (sqlite3_open (newer, &raw), SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d;"
                         "CREATE TABLE later_feature (x TEXT);",
                         sp_database_get_current_version () + 1);
  assert_int_equal (sqlite3_exec (raw, sql, NULL, NULL, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (newer, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_TOO_NEW,
                  "nyare version", failures);
  expect_refused (newer, SP_DATABASE_OPEN_READ_ONLY, SP_DATABASE_ERROR_TOO_NEW,
                  "nyare version", failures);

  /* Another program's database, in WAL mode as many are. */
  assert_int_equal (sqlite3_open (foreign, &raw), SQLITE_OK);
  assert_int_equal (sqlite3_exec (raw, "PRAGMA journal_mode = WAL;"
                                  "CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT);"
                                  "INSERT INTO member VALUES (1, 'inte vår');",
                                  NULL, NULL, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (foreign, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_FOREIGN,
                  "annat program", failures);
  assert_no_failures (failures);
}

static void
test_not_regular (void **state)
{
  Fixture *f = *state;
  g_autofree char *fifo = g_build_filename (f->dir, "rör.db", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "mapp.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;

  /* A FIFO would block a reader for ever: it must be refused unread. */
  assert_int_equal (mkfifo (fifo, 0600), 0);
  db = sp_database_open (fifo, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  check_message (error, fifo, "ingen fil");
  g_clear_error (&error);
  n_files_checked++;

  assert_int_equal (g_mkdir (folder, 0700), 0);
  db = sp_database_open (folder, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  check_message (error, folder, "ingen fil");
  n_files_checked++;
}

static void
test_read_only (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "skrivskyddad.db", f->contents, f->length);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  SpMemberData data = { "Ny medlem", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 100, 0, 0 };

  assert_int_equal (g_chmod (path, 0444), 0);
  before = sp_test_file_checksum (path);

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_non_null (db);
  assert_true (sp_database_is_read_only (db));
  assert_int_equal (sp_member_add (db, &data, &error), 0);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY));
  check_message (error, path, "skrivskyddad");
  g_clear_object (&db);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  n_files_checked++;
}

/* An edit on a file another connection holds a write lock on: refused as
 * busy after the wait, with nothing written. */
static void
expect_busy_edit (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  SpMemberData data = { "Ny medlem", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 100, 0, 0 };

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      /* Refusing to open at all is as good, if it says why. */
      assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BUSY));
      check_message (error, path, "används av ett annat program");
      return;
    }
  assert_int_equal (sp_member_add (db, &data, &error), 0);
  if (!g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BUSY))
    fail_msg ("expected “busy”, got: %s", error != NULL ? error->message : "nothing");
  check_message (error, path, "används av ett annat program");
}

static void
test_locked_by_second_instance (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "låst.db", f->contents, f->length);
  g_autofree char *before = sp_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) other = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);

  /* The other Samplan is in the middle of an edit. */
  assert_non_null (other);
  assert_true (sp_database_begin (other, &error));
  assert_true (sp_database_exec (other, "UPDATE member SET population = 1", &error));

  expect_busy_edit (path);

  sp_database_rollback (other);
  g_clear_object (&other);
  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  n_files_checked++;
}

/* sqlite3 holds BEGIN EXCLUSIVE with a change pending, until told to stop. */
typedef struct {
  GPid pid;
  int  in_fd;
  int  out_fd;
} Locker;

static gboolean
start_sqlite3_lock (const char *path,
                    Locker     *locker)
{
  g_autofree char *program = g_find_program_in_path ("sqlite3");
  const char *argv[] = { program, "-batch", path, NULL };
  const char *script = ".timeout 0\nBEGIN EXCLUSIVE;\n"
                       "INSERT INTO meta (key, value) VALUES ('lock', 'sqlite3');\n"
                       "SELECT 'holding';\n";
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 deadline = sp_test_deadline (60);

  if (program == NULL)
    return FALSE;
  assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                         NULL, NULL, &locker->pid, &locker->in_fd,
                                         &locker->out_fd, NULL, NULL));
  assert_int_equal (write (locker->in_fd, script, strlen (script)), (gssize) strlen (script));
  while (strstr (out->str, "holding") == NULL && g_get_monotonic_time () < deadline)
    {
      struct pollfd p = { locker->out_fd, POLLIN, 0 };
      char buf[256];
      ssize_t n;

      if (poll (&p, 1, 100) <= 0)
        continue;
      n = read (locker->out_fd, buf, sizeof buf);
      if (n <= 0)
        break;
      g_string_append_len (out, buf, n);
    }
  if (strstr (out->str, "holding") == NULL)
    fail_msg ("sqlite3 did not take the lock: %s", out->str);
  return TRUE;
}

static void
stop_sqlite3_lock (Locker *locker)
{
  const char *script = "ROLLBACK;\n.quit\n";
  int status = 0;

  assert_int_equal (write (locker->in_fd, script, strlen (script)), (gssize) strlen (script));
  close (locker->in_fd);
  assert_int_equal (waitpid (locker->pid, &status, 0), locker->pid);
  g_spawn_close_pid (locker->pid);
  close (locker->out_fd);
  assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
}

static void
test_locked_by_sqlite3 (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "sqlite3-låst.db", f->contents, f->length);
  g_autofree char *before = sp_test_file_checksum (path);
  g_autofree char *after = NULL;
  Locker locker = { 0, };

  if (!start_sqlite3_lock (path, &locker))
    {
      print_message ("# no sqlite3 program: build-aux/dev installs it\n");
      skip ();
    }
  expect_busy_edit (path);
  stop_sqlite3_lock (&locker);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  n_files_checked++;
}

/* A file of an older Samplan, locked while Samplan wants to upgrade it: the
 * upgrade cannot start, and neither the file nor a backup is left changed. */
static void
test_locked_old_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->dir, "gammal-låst.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v2.sql");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  Locker locker = { 0, };

  assert_true (sp_test_run_sql_file (path, sql));
  before = sp_test_file_checksum (path);
  files_before = sp_test_list_dir_text (f->dir);
  if (!start_sqlite3_lock (path, &locker))
    skip ();

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BUSY));
  check_message (error, path, "används av ett annat program");
  stop_sqlite3_lock (&locker);

  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  files_after = sp_test_list_dir_text (f->dir);
  assert_string_equal (files_before, files_after);
  n_files_checked++;
}

static void
test_folder_removed (void **state)
{
  Fixture *f = *state;
  g_autofree char *folder = g_build_filename (f->dir, "usb-minne", NULL);
  g_autofree char *path = g_build_filename (folder, "förbund.db", NULL);
  g_autofree char *copy = g_build_filename (folder, "kopia.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  SpMemberData data = { "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 100, 0, 0 };

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_non_null (db);
  assert_true (sp_member_add (db, &data, &error) > 0);

  /* The stick is pulled out: the file and its folder are gone. */
  sp_test_remove_tree (folder);
  assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  data.name = "Norbergs kommun";
  assert_int_equal (sp_member_add (db, &data, &error), 0);
  assert_non_null (error);
  /* Not "read-only": it is gone. */
  check_message (error, path, "flyttades eller togs bort");
  g_clear_error (&error);

  assert_false (sp_database_backup_to (db, copy, &error));
  assert_non_null (error);
  check_message (error, copy, SV_QUOTE);
  g_clear_error (&error);
  g_clear_object (&db);

  /* Nothing came back in its place, and opening it again says so. */
  assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_null (db);
  check_message (error, path, "finns inte");
  assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  n_files_checked++;
}

/* One byte of the header damaged: a negative or absurd user_version (offset
 * 60), a write version SQLite does not know (offset 18, which would make it
 * read-only). Each is the "damaged" refusal, the window's way, the command
 * line's way and the default, with no -wal or -shm left beside it. */
static void
test_damaged_header (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  const struct {
    guint offset;
    guint8 value;
  } damage[] = { { 60, 0x80 }, { 60, 0xff }, { 60, 0x7f }, { 61, 0x10 }, { 18, 3 }, { 19, 0xff } };
  const SpDatabaseOpenFlags flags[] = {
    SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_OPEN_CHECK_LATER,
    SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (damage); i++)
    {
      g_autofree char *copy = g_memdup2 (f->contents, f->length);
      g_autofree char *name = g_strdup_printf ("huvud-%u-%02x.db", damage[i].offset, damage[i].value);
      g_autofree char *path = NULL;

      copy[damage[i].offset] = (char) damage[i].value;
      path = write_file (f, name, copy, f->length);
      for (guint j = 0; j < G_N_ELEMENTS (flags); j++)
        expect_refused (path, flags[j], SP_DATABASE_ERROR_NOT_A_DATABASE,
                        "inte en Samplan-databas", failures);
    }
  assert_no_failures (failures);
}

/* Copies @source and its -wal (and -journal) to @dest while a connection
 * still holds them, as a crash would have left them. */
static void
copy_with_log (const char *source,
               const char *dest,
               const char *suffix)
{
  g_autofree char *contents = NULL;
  g_autofree char *log_source = g_strconcat (source, suffix, NULL);
  g_autofree char *log_dest = g_strconcat (dest, suffix, NULL);
  gsize length = 0;

  assert_true (g_file_get_contents (source, &contents, &length, NULL));
  assert_true (g_file_set_contents (dest, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  assert_true (g_file_get_contents (log_source, &contents, &length, NULL));
  assert_true (length > 0);
  assert_true (g_file_set_contents (log_dest, contents, length, NULL));
}

static void
exec_raw (sqlite3    *raw,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    fail_msg ("%s: %s", sql, message);
}

/* Refused files stay byte for byte what they were, with their -wal, -shm
 * and -journal: another program's WAL database with changes still in its
 * -wal, a newer Samplan's file whose upgrade is in its -wal, another
 * program's database with an interrupted transaction in its -journal, and
 * our own such file when it may only be read. */
static void
test_refused_with_logs (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autofree char *foreign_src = g_build_filename (f->dir, "främmande-källa.db", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "främmande-wal.db", NULL);
  g_autofree char *newer_src = g_build_filename (f->dir, "nyare-källa.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "nyare-wal.db", NULL);
  g_autofree char *journal_src = g_build_filename (f->dir, "journal-källa.db", NULL);
  g_autofree char *journal = g_build_filename (f->dir, "främmande-journal.db", NULL);
  g_autofree char *ours_src = g_build_filename (f->dir, "vår-källa.db", NULL);
  g_autofree char *ours = g_build_filename (f->dir, "vår-journal.db", NULL);
  g_autofree char *v2 = sp_test_fixture_path ("v2.sql");
  g_autofree char *sql = NULL;
  g_autofree char *journal_bytes = NULL;
  gsize journal_length = 0;
  sqlite3 *raw = NULL;

  /* Another program's database, its table still in the -wal. */
  assert_int_equal (sqlite3_open (foreign_src, &raw), SQLITE_OK);
  exec_raw (raw, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                 "CREATE TABLE member (id INTEGER PRIMARY KEY, name TEXT);"
                 "INSERT INTO member VALUES (1, 'inte vår');");
  copy_with_log (foreign_src, foreign, "-wal");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (foreign, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_FOREIGN,
                  "annat program", failures);
  expect_refused (foreign, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY,
                  SP_DATABASE_ERROR_FOREIGN, "annat program", failures);

  /* A newer Samplan's upgrade, still in the -wal. */
  assert_true (g_file_set_contents (newer_src, f->contents, f->length, NULL));
  assert_int_equal (sqlite3_open (newer_src, &raw), SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = %d;"
                         "CREATE TABLE later_feature (x TEXT);",
                         sp_database_get_current_version () + 1);
  exec_raw (raw, sql);
  copy_with_log (newer_src, newer, "-wal");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (newer, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_TOO_NEW,
                  "nyare version", failures);
  expect_refused (newer, SP_DATABASE_OPEN_CHECK_LATER, SP_DATABASE_ERROR_TOO_NEW,
                  "nyare version", failures);

  /* Another program's database in the middle of a transaction that spilled
   * into the file: its -journal is hot. */
  assert_int_equal (sqlite3_open (journal_src, &raw), SQLITE_OK);
  exec_raw (raw, "CREATE TABLE t (x BLOB);"
                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                 "  INSERT INTO t SELECT randomblob (900) FROM n;"
                 "PRAGMA cache_size = 2; BEGIN; UPDATE t SET x = randomblob (900);");
  copy_with_log (journal_src, journal, "-journal");
  exec_raw (raw, "ROLLBACK");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (journal, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_FOREIGN,
                  "annat program", failures);

  /* Our own file of an older version, interrupted likewise: it cannot be
   * read without rolling back, which a read-only opening must not do. */
  assert_true (sp_test_run_sql_file (ours_src, v2));
  assert_int_equal (sqlite3_open (ours_src, &raw), SQLITE_OK);
  exec_raw (raw, "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                 "  INSERT INTO meta SELECT 'k' || i, hex (randomblob (450)) FROM n;"
                 "PRAGMA cache_size = 2; BEGIN; PRAGMA user_version = 99;"
                 "UPDATE meta SET value = hex (randomblob (450));");
  copy_with_log (ours_src, ours, "-journal");
  exec_raw (raw, "ROLLBACK");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  {
    /* The half-done transaction's page 1 reached the file; the journal
     * holds the page 1 the rollback puts back. */
    g_autofree char *bytes = NULL;
    gsize length = 0;

    assert_true (g_file_get_contents (ours, &bytes, &length, NULL));
    bytes[60] = 0;
    bytes[61] = 0;
    bytes[62] = 0;
    bytes[63] = 99;
    assert_true (g_file_set_contents (ours, bytes, length, NULL));
  }
  {
    g_autofree char *path = g_strconcat (ours, "-journal", NULL);
    assert_true (g_file_get_contents (path, &journal_bytes, &journal_length, NULL));
    assert_true (journal_length > 8 && (guint8) journal_bytes[0] == 0xd9);
  }
  expect_refused (ours, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY,
                  SP_DATABASE_ERROR_UNFINISHED, "avbröts", failures);
  assert_no_failures (failures);

  /* Where it may be written, it is rolled back and upgraded as usual. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SpDatabase) db = sp_database_open (ours, SP_DATABASE_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM meta WHERE key LIKE 'k%'"), 300);
    assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  }

  /* A new database whose making was interrupted: rolled back, it is empty,
   * so it is refused as empty unless asked for as new. */
  {
    g_autofree char *made_src = g_build_filename (f->dir, "ny-källa.db", NULL);
    g_autofree char *made = g_build_filename (f->dir, "ny-avbruten.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(SpDatabase) db = NULL;
    GString *more = g_string_new (NULL);

    assert_int_equal (sqlite3_open (made_src, &raw), SQLITE_OK);
    exec_raw (raw, "PRAGMA cache_size = 2; BEGIN; CREATE TABLE t (x BLOB);"
                   "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                   "  INSERT INTO t SELECT randomblob (900) FROM n;");
    copy_with_log (made_src, made, "-journal");
    exec_raw (raw, "ROLLBACK");
    assert_int_equal (sqlite3_close (raw), SQLITE_OK);
    expect_refused (made, SP_DATABASE_OPEN_CHECK_LATER, SP_DATABASE_ERROR_EMPTY, "är tom", more);
    assert_no_failures (more);

    db = sp_database_open (made, SP_DATABASE_OPEN_EMPTY_IS_NEW, &error);
    g_assert_no_error (error);
    assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
    assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 't'"), 0);
  }
}

/* One flipped byte in the second of five committed frames of the -wal:
 * SQLite replays the first and drops the rest. Before that, the log is
 * copied beside the file, byte for byte, and the user is told what was lost. */
static void
test_damaged_wal (void **state)
{
  Fixture *f = *state;
  g_autofree char *source = g_build_filename (f->dir, "logg-källa.db", NULL);
  g_autofree char *path = g_build_filename (f->dir, "logg.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *wal_bytes = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *kept = NULL;
  const char *entry;
  const char *warning;
  gsize length = 0;
  gsize frame_size = 24 + 4096;
  sqlite3 *raw = NULL;

  assert_true (g_file_set_contents (source, f->contents, f->length, NULL));
  assert_int_equal (sqlite3_open (source, &raw), SQLITE_OK);
  exec_raw (raw, "PRAGMA wal_autocheckpoint = 0");
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE member SET population = %u", 1000 + i);
      exec_raw (raw, sql);
    }
  copy_with_log (source, path, "-wal");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);

  assert_true (g_file_get_contents (wal, &wal_bytes, &length, NULL));
  assert_int_equal (length, 32 + 5 * frame_size);
  wal_bytes[32 + frame_size + 24 + 2000] ^= 0x01;
  assert_true (g_file_set_contents (wal, wal_bytes, length, NULL));
  damaged_sum = sp_test_file_checksum (wal);

  db = sp_database_open (path, SP_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  assert_non_null (db);

  /* The copy is there, whole, under a name that says what it is. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, "logg.db-wal.skadad-"))
      kept = g_build_filename (f->dir, entry, NULL);
  if (kept == NULL)
    fail_msg ("no copy of the damaged log beside the file");
  {
    g_autofree char *kept_sum = sp_test_file_checksum (kept);
    assert_string_equal (kept_sum, damaged_sum);
  }

  warning = sp_database_get_open_warning (db);
  assert_non_null (warning);
  if (strstr (warning, "logg.db") == NULL || strstr (warning, "4 sparade ändringar") == NULL ||
      strstr (warning, "logg.db-wal.skadad-") == NULL)
    fail_msg ("not the Swedish warning: %s", warning);

  /* What SQLite could replay: the first change only. */
  assert_int_equal (sp_test_query_int (db, "SELECT max (population) FROM member"), 1001);
  n_files_checked++;
}

/* A sound database in a folder that may not be written (a read-only share,
 * a USB stick): it opens read-only, shows everything, refuses edits in
 * Swedish, and leaves no -wal or -shm beside it. The same for a read-only
 * opening in a writable folder. */
static void
check_read_only_open (const char *path,
                      SpDatabaseOpenFlags flags)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *files_before = sp_test_list_dir_text (dir);
  g_autofree char *files_after = NULL;
  g_autofree char *before = checksum_all (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  SpMemberData data = { "Ny medlem", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 100, 0, 0 };

  db = sp_database_open (path, flags, &error);
  g_assert_no_error (error);
  assert_non_null (db);
  assert_true (sp_database_is_read_only (db));
  assert_true (sp_database_wait_checked (db, &error));
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM member"), 6);
  assert_true (sp_test_query_int (db, "SELECT count(*) FROM budget_line") > 0);
  assert_int_equal (sp_member_add (db, &data, &error), 0);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY));
  check_message (error, path, "skrivskyddad");
  g_clear_object (&db);

  after = checksum_all (path);
  assert_string_equal (before, after);
  files_after = sp_test_list_dir_text (dir);
  assert_string_equal (files_before, files_after);
}

static void
test_read_only_folder (void **state)
{
  Fixture *f = *state;
  g_autofree char *folder = g_build_filename (f->dir, "usb", NULL);
  g_autofree char *path = g_build_filename (folder, "förbund.db", NULL);
  pid_t child;
  int status = 0;

  assert_int_equal (g_mkdir (folder, 0755), 0);
  assert_true (g_file_set_contents (path, f->contents, f->length, NULL));
  assert_int_equal (g_chmod (path, 0644), 0);

  /* Read-only by choice (the command line's export), in a writable folder. */
  check_read_only_open (path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY);

  /* A folder marked read-only: the window's way and the command line's. */
  assert_int_equal (g_chmod (folder, 0555), 0);
  check_read_only_open (path, SP_DATABASE_OPEN_CHECK_LATER);
  check_read_only_open (path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY);
  assert_int_equal (g_chmod (folder, 0755), 0);

  /* A folder the user may not write to, whatever its mode says: as root,
   * a child that is nobody; otherwise a 0555 folder is that already. */
  if (getuid () == 0)
    {
      assert_int_equal (g_chmod (f->dir, 0755), 0);
      child = fork ();
      assert_true (child >= 0);
      if (child == 0)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(SpDatabase) db = NULL;
          g_autofree char *files_before = sp_test_list_dir_text (folder);
          g_autofree char *files_after = NULL;
          int code = 0;

          if (setgid (65534) != 0 || setuid (65534) != 0)
            _exit (10);
          db = sp_database_open (path, SP_DATABASE_OPEN_CHECK_LATER, &error);
          if (db == NULL)
            {
              g_printerr ("# as nobody: %s\n", error->message);
              _exit (11);
            }
          if (!sp_database_is_read_only (db))
            code = 12;
          else if (!sp_database_wait_checked (db, NULL))
            code = 13;
          else if (sp_test_query_int (db, "SELECT count(*) FROM member") != 6)
            code = 14;
          g_clear_object (&db);
          files_after = sp_test_list_dir_text (folder);
          if (code == 0 && strcmp (files_before, files_after) != 0)
            code = 15;
          _exit (code);
        }
      assert_int_equal (waitpid (child, &status, 0), child);
      assert_true (WIFEXITED (status));
      assert_int_equal (WEXITSTATUS (status), 0);
    }
  n_files_checked++;
}

/* What SQLite says when the disk is full reaches the user as "disken är
 * full", not as "database or disk is full". */
static void
test_disk_full (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "full.db", f->contents, f->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_autofree char *sql = NULL;

  assert_non_null (db);
  sql = g_strdup_printf ("PRAGMA max_page_count = %lld",
                         (long long) sp_test_query_int (db, "PRAGMA page_count"));
  assert_true (sp_database_exec (db, sql, &error));
  assert_false (sp_database_exec (db, "INSERT INTO meta (key, value) VALUES ('stor', hex (randomblob (200000)))",
                                  &error));
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_DISK_FULL));
  check_message (error, path, "disken är full");
  n_files_checked++;
}

/* A file with the right application id but a missing table is refused at
 * once, naming what is missing, instead of "no such table" later. */
static void
test_missing_table (void **state)
{
  GString *failures = g_string_new (NULL);
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "utan-tabell.db", f->contents, f->length);
  g_autofree char *column = write_file (f, "utan-kolumn.db", f->contents, f->length);
  sqlite3 *raw = NULL;

  assert_int_equal (sqlite3_open (path, &raw), SQLITE_OK);
  exec_raw (raw, "DROP TABLE actual");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (path, SP_DATABASE_OPEN_CHECK_LATER, SP_DATABASE_ERROR_NOT_A_DATABASE,
                  "tabellen ”actual” saknas", failures);

  assert_int_equal (sqlite3_open (column, &raw), SQLITE_OK);
  exec_raw (raw, "ALTER TABLE project DROP COLUMN evaluation");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  expect_refused (column, SP_DATABASE_OPEN_DEFAULT, SP_DATABASE_ERROR_NOT_A_DATABASE,
                  "kolumnen ”evaluation” i tabellen ”project” saknas", failures);
  assert_no_failures (failures);
}

/* Damage inside rows that every page check passes: a plan year whose
 * number changed (its lines and sections are left without it), an amount
 * beyond the core's range, a date that is none. The check the window runs
 * says what and where, in Swedish; a sound file has nothing to say. */
static void
test_problems_in_rows (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_file (f, "fel-i-rader.db", f->contents, f->length);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  const char *problems;
  sqlite3 *raw = NULL;
  guint notified = 0;

  db = sp_database_open (f->good, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_non_null (db);
  assert_null (sp_database_get_problems (db));
  g_clear_object (&db);

  assert_int_equal (sqlite3_open (path, &raw), SQLITE_OK);
  exec_raw (raw, "UPDATE plan_year SET year = 2013 WHERE year = (SELECT min (year) FROM plan_year);"
                 "UPDATE plan_year SET equity_used = 99000000000000 WHERE year = (SELECT max (year) FROM plan_year);"
                 "UPDATE project SET start_date = '2009-13-45' WHERE id = (SELECT min (id) FROM project);");
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);

  db = sp_database_open (path, SP_DATABASE_OPEN_CHECK_LATER, &error);
  g_assert_no_error (error);
  g_signal_connect (db, "notify::problems", G_CALLBACK (on_notify_cb), &notified);
  assert_true (sp_database_wait_checked (db, &error));
  {
    gint64 deadline = sp_test_deadline (60);

    while (notified == 0 && g_get_monotonic_time () < deadline)
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
  }
  assert_int_equal (notified, 1);
  problems = sp_database_get_problems (db);
  assert_non_null (problems);
  if (strstr (problems, "en budgetrad (nummer") == NULL || strstr (problems, "planår som saknas") == NULL ||
      strstr (problems, "eget kapital") == NULL || strstr (problems, "2009-13-45") == NULL)
    fail_msg ("not what and where, in Swedish: %s", problems);
  g_clear_object (&db);

  /* Opened at once (the command line's way): the same, before returning. */
  db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  assert_non_null (db);
  assert_non_null (sp_database_get_problems (db));
  n_files_checked++;
}

static int
report (void **state)
{
  print_message ("# %u damaged, foreign, locked or vanishing files checked\n", n_files_checked);
  return 0;
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_truncated, setup, teardown),
    cmocka_unit_test_setup_teardown (test_overwritten_page, setup, teardown),
    cmocka_unit_test_setup_teardown (test_checked_later, setup, teardown),
    cmocka_unit_test_setup_teardown (test_random_bytes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_text_files, setup, teardown),
    cmocka_unit_test_setup_teardown (test_newer_and_foreign, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_regular, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only, setup, teardown),
    cmocka_unit_test_setup_teardown (test_locked_by_second_instance, setup, teardown),
    cmocka_unit_test_setup_teardown (test_locked_by_sqlite3, setup, teardown),
    cmocka_unit_test_setup_teardown (test_locked_old_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_folder_removed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_damaged_header, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refused_with_logs, setup, teardown),
    cmocka_unit_test_setup_teardown (test_damaged_wal, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only_folder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_disk_full, setup, teardown),
    cmocka_unit_test_setup_teardown (test_missing_table, setup, teardown),
    cmocka_unit_test_setup_teardown (test_problems_in_rows, setup, teardown),
  };

  signal (SIGPIPE, SIG_IGN);
  g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cmocka_run_group_tests (tests, NULL, report);
}
