/* test-export-faults.c: the Excel export under attack and under faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - someone who may write in the target folder swaps the export's temporary
 *   names for symbolic links while it writes: no file outside the folder
 *   changes;
 * - leftovers of killed exports are removed by the next export, only ours
 *   and only stale ones;
 * - a file system that refuses to grow (RLIMIT_FSIZE, in a child process)
 *   gives a Swedish message that lists what was written and what was not;
 * - a text longer than an Excel cell holds is cut with a note, the rest of
 *   the workbook is written, and a warning names the sheet and the cell.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-export.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  char       *out;
  char       *victim;     /* a file outside the target folder */
  char       *victim_sum;
  SpDatabase *db;
} Fixture;

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "exempel.db", NULL);
  f->db = sp_example_create (path, &error);
  assert_null (error);
  f->out = g_build_filename (f->dir, "ut", NULL);
  assert_int_equal (g_mkdir (f->out, 0777), 0);
  f->victim = g_build_filename (f->dir, "offer.txt", NULL);
  assert_true (g_file_set_contents (f->victim, "Kassörens anteckningar, orörda.\n", -1, NULL));
  f->victim_sum = checksum_of (f->victim);
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
  g_free (f->out);
  g_free (f->victim);
  g_free (f->victim_sum);
  g_free (f);
  return 0;
}

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 1000 && memcmp (contents, "PK\003\004", 4) == 0;
}

static void
set_age (const char *path,
         int         seconds)
{
  struct timespec times[2];

  clock_gettime (CLOCK_REALTIME, &times[0]);
  times[0].tv_sec -= seconds;
  times[1] = times[0];
  assert_int_equal (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), 0);
}

/* ---- A hostile neighbour ------------------------------------------------ */

typedef struct {
  const char    *out;
  const char    *victim;
  const char    *trap;      /* a folder of the attacker's, with workbook.xlsx a link to the victim */
  volatile gint  stop;
  guint          swaps;
} Attacker;

/* Watches the shared folder and swaps each temporary name of the export
 * for a link to the victim: a file is replaced by a link, a folder renamed
 * away and replaced by a link to a folder whose workbook.xlsx is a link. */
static gpointer
attack (gpointer data)
{
  Attacker *a = data;

  while (!g_atomic_int_get (&a->stop))
    {
      g_autoptr(GDir) dir = g_dir_open (a->out, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autofree char *moved = NULL;
          GStatBuf st;

          if (!g_str_has_prefix (name, ".samplan-export-"))
            continue;
          path = g_build_filename (a->out, name, NULL);
          if (g_lstat (path, &st) != 0 || S_ISLNK (st.st_mode))
            continue;
          moved = g_strdup_printf ("%s/.stolen-%u", a->out, a->swaps);
          if (rename (path, moved) != 0)
            continue;
          if (symlink (S_ISDIR (st.st_mode) ? a->trap : a->victim, path) == 0)
            a->swaps++;
        }
    }
  return NULL;
}

/* ---- Tests -------------------------------------------------------------- */

/* Item 8: the temporary names are swapped for links while the export
 * writes; no file outside the folder is ever written. */
static void
test_links_never_followed (void **state)
{
  Fixture *f = *state;
  g_autofree char *trap = g_build_filename (f->dir, "fälla", NULL);
  g_autofree char *trap_link = g_build_filename (trap, "workbook.xlsx", NULL);
  g_autofree char *sum = NULL;
  Attacker attacker = { f->out, f->victim, trap, 0, 0 };
  GThread *thread;
  guint written_ok = 0;

  assert_int_equal (g_mkdir (trap, 0777), 0);
  assert_int_equal (symlink (f->victim, trap_link), 0);

  thread = g_thread_new ("attacker", attack, &attacker);
  for (int round = 0; round < 6; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
      SpExportOptions options;

      sp_export_options_init (&options, SP_EXAMPLE_YEAR);
      if (sp_export_write (f->db, f->out, &options, written, &error))
        written_ok++;
      for (guint i = 0; i < written->len; i++)
        assert_true (is_xlsx (g_ptr_array_index (written, i)));
    }
  g_atomic_int_set (&attacker.stop, 1);
  g_thread_join (thread);

  /* The attack ran, and nothing outside the folder changed. */
  assert_true (attacker.swaps > 0);
  sum = checksum_of (f->victim);
  assert_string_equal (sum, f->victim_sum);
  assert_true (g_file_test (trap_link, G_FILE_TEST_IS_SYMLINK));
  {
    g_autoptr(GPtrArray) names = sp_test_list_dir (trap);
    assert_int_equal (names->len, 1);
  }
  assert_true (written_ok > 0);
}

/* Item 7: the leftovers of killed exports go with the next export: only
 * ours (our name pattern, our user, a real file or folder) and only stale
 * ones (untouched for long, and not locked by a running export). */
static void
test_leftovers_removed (void **state)
{
  Fixture *f = *state;
  g_autofree char *old_dir = g_build_filename (f->out, ".samplan-export-AbC123", NULL);
  g_autofree char *old_dir_file = g_build_filename (old_dir, "workbook.xlsx", NULL);
  g_autofree char *old_file = g_build_filename (f->out, ".samplan-export-XyZ789.xlsx", NULL);
  g_autofree char *fresh_dir = g_build_filename (f->out, ".samplan-export-Fresh1", NULL);
  g_autofree char *locked_dir = g_build_filename (f->out, ".samplan-export-Lockd1", NULL);
  g_autofree char *link = g_build_filename (f->out, ".samplan-export-Link12.xlsx", NULL);
  g_autofree char *foreign = g_build_filename (f->out, ".samplan-export-notes.txt", NULL);
  g_autofree char *others = g_build_filename (f->out, ".samplan-export-Nobdy1.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sum = NULL;
  SpExportOptions options;
  int lock_fd;

  assert_int_equal (g_mkdir (old_dir, 0700), 0);
  assert_true (g_file_set_contents (old_dir_file, "PK halv", -1, NULL));
  assert_true (g_file_set_contents (old_file, "PK halv", -1, NULL));
  assert_int_equal (g_mkdir (fresh_dir, 0700), 0);
  assert_int_equal (g_mkdir (locked_dir, 0700), 0);
  assert_int_equal (symlink (f->victim, link), 0);
  assert_true (g_file_set_contents (foreign, "inte vår", -1, NULL));
  assert_true (g_file_set_contents (others, "en annans", -1, NULL));
  if (geteuid () == 0)
    assert_int_equal (lchown (others, 65534, 65534), 0);
  set_age (old_dir_file, 3600);
  set_age (old_dir, 3600);
  set_age (old_file, 3600);
  set_age (locked_dir, 3600);
  set_age (link, 3600);
  set_age (foreign, 3600);
  set_age (others, 3600);
  /* A running export holds its folder's lock. */
  lock_fd = open (locked_dir, O_RDONLY | O_DIRECTORY);
  assert_true (lock_fd >= 0);
  assert_int_equal (flock (lock_fd, LOCK_EX), 0);

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  assert_true (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_null (error);
  close (lock_fd);

  assert_false (g_file_test (old_dir, G_FILE_TEST_EXISTS));
  assert_false (g_file_test (old_file, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (fresh_dir, G_FILE_TEST_IS_DIR));
  assert_true (g_file_test (locked_dir, G_FILE_TEST_IS_DIR));
  assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_true (g_file_test (foreign, G_FILE_TEST_IS_REGULAR));
  if (geteuid () == 0)
    assert_true (g_file_test (others, G_FILE_TEST_IS_REGULAR));
  sum = checksum_of (f->victim);
  assert_string_equal (sum, f->victim_sum);
}

/* After the first workbook is in place, the child may write no file over
 * 4 KiB: the next one fails half way. */
static void
on_progress_limit_cb (const char *path,
                      guint       done,
                      guint       total,
                      gpointer    user_data)
{
  struct rlimit limit = { 4 * 1024, 4 * 1024 };

  if (done == 1)
    setrlimit (RLIMIT_FSIZE, &limit);
}

/* Item 9 of round 1, item 7 of issue 18: a write that fails half way says
 * why in Swedish, writes no workbook and leaves the files of an earlier
 * export exactly as they were, never some old and some new. */
static void
test_write_fails_lists_files (void **state)
{
  Fixture *f = *state;
  g_autofree char *report = g_build_filename (f->dir, "meddelande.txt", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;
  pid_t pid;
  int status = 0;

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  planned = sp_export_plan (f->db, f->out, &options, &error);
  assert_non_null (planned);
  assert_true (planned->len >= 3);
  /* An earlier export's files, each with words of its own. */
  for (guint i = 0; i < planned->len; i++)
    {
      g_autofree char *old = g_strdup_printf ("earlier export %u", i);

      assert_true (g_file_set_contents (g_ptr_array_index (planned, i), old, -1, NULL));
    }

  pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      g_autoptr(GError) child_error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      options.progress = on_progress_limit_cb;
      if (sp_export_write (f->db, f->out, &options, NULL, &child_error))
        _exit (3);
      {
        struct rlimit none = { RLIM_INFINITY, RLIM_INFINITY };
        setrlimit (RLIMIT_FSIZE, &none);
      }
      _exit (g_file_set_contents (report, child_error->message, -1, NULL) ? 0 : 4);
    }
  assert_int_equal (waitpid (pid, &status, 0), pid);
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 0);
  assert_true (g_file_get_contents (report, &message, NULL, NULL));

  /* Swedish, with the cause, never libxlsxwriter's English. */
  assert_non_null (strstr (message, "kunde inte skrivas"));
  assert_non_null (strstr (message, "större än"));
  assert_null (strstr (message, "Zip"));
  assert_null (strstr (message, "error"));
  /* No workbook written: every file named once, after the sentence that
   * says the earlier ones are as they were; each still holds its words. */
  {
    const char *none = strstr (message, "Ingen arbetsbok skrevs");

    assert_non_null (none);
    assert_null (strstr (message, "Skrivna:"));
    for (guint i = 0; i < planned->len; i++)
      {
        g_autofree char *name = g_path_get_basename (g_ptr_array_index (planned, i));
        g_autofree char *item = g_strdup_printf ("– %s", name);
        g_autofree char *expected = g_strdup_printf ("earlier export %u", i);
        g_autofree char *contents = NULL;
        const char *at = strstr (message, item);

        assert_non_null (at);
        assert_true (at > none);
        assert_true (g_file_get_contents (g_ptr_array_index (planned, i), &contents, NULL, NULL));
        assert_string_equal (contents, expected);
      }
  }
  /* The earlier files only: no half-written file, no temporary. */
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, planned->len);
}

/* Item 9: a text longer than an Excel cell holds is cut, with a note; the
 * workbook is written whole and a warning names the sheet and the cell. */
static void
test_long_text_cut (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("Indikator som aldrig tar slut: ");
  SpExportOptions options;
  sqlite3_stmt *stmt = NULL;

  /* The core keeps its texts under the limit; a file written by another
   * program need not. */
  while (text->len < 40000)
    g_string_append (text, "öka samverkan ");
  assert_int_equal (sqlite3_prepare_v2 (sp_database_get_handle (f->db),
                                        "UPDATE goal SET indicator = ?1 WHERE id = (SELECT min (id) FROM goal "
                                        "WHERE year IS NOT NULL)", -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text->str, -1, SQLITE_TRANSIENT);
  assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);
  assert_int_equal (sqlite3_changes (sp_database_get_handle (f->db)), 1);

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.warnings = warnings;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_null (error);
  assert_true (written->len >= 3);
  assert_true (is_xlsx (g_ptr_array_index (written, 0)));
  /* Once, naming the sheet (Mål) and the cell, in Swedish. */
  assert_int_equal (warnings->len, 1);
  assert_non_null (strstr (g_ptr_array_index (warnings, 0), "”Mål”"));
  assert_non_null (strstr (g_ptr_array_index (warnings, 0), "Indikator som aldrig tar slut"));
  assert_non_null (strstr (g_ptr_array_index (warnings, 0), "32 767"));
}

int
main (int    argc,
      char **argv)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_links_never_followed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_leftovers_removed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_write_fails_lists_files, setup, teardown),
    cmocka_unit_test_setup_teardown (test_long_text_cut, setup, teardown),
  };

  /* The messages in Swedish, as the treasurer reads them. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cmocka_run_group_tests_name ("export-faults", tests, NULL, NULL);
}
