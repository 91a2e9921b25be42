/* test-database.c: opening, creating, migrating and refusing database files
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
#include <sys/stat.h>

#include "sp-database-private.h"
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

  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_free (f);
  return 0;
}

static guint
count_backups (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".bak"))
      n++;
  return n;
}

static void
make_v1_file (const char *path)
{
  g_autofree char *sql = sp_test_fixture_path ("v1.sql");
  assert_true (sp_test_run_sql_file (path, sql));
}

static void
test_create_new (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *journal = NULL;
  GStatBuf st;

  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_non_null (db);

  assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  assert_int_equal (g_stat (f->path, &st), 0);
  assert_int_equal (st.st_mode & 0777, 0600);

  assert_false (sp_database_is_read_only (db));
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_true (sp_database_get_current_version () >= 2);
  assert_int_equal (sp_test_query_int (db, "PRAGMA user_version"), sp_database_get_current_version ());
  assert_int_equal (sp_test_query_int (db, "PRAGMA application_id"), SP_DATABASE_APPLICATION_ID);
  assert_int_equal (sp_test_query_int (db, "PRAGMA foreign_keys"), 1);
  assert_int_equal (sp_test_query_int (db, "PRAGMA synchronous"), 2); /* FULL */
  journal = sp_test_query_text (db, "PRAGMA journal_mode");
  assert_string_equal (journal, "wal");
  assert_true (sp_test_query_int (db, "PRAGMA busy_timeout") > 0);

  /* A brand-new file needs no backup copy. */
  assert_null (sp_database_get_migration_backup (db));
  assert_int_equal (count_backups (f->dir), 0);

  /* The schema of every step is there. */
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('meta', 'association')"), 2);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM association"), 1);
}

static void
test_reopen_keeps_data (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *value = NULL;

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_true (sp_database_exec (db, "INSERT INTO meta (key, value) VALUES ('k', 'Skinnskatteberg')", &error));
  assert_null (error);
  g_clear_object (&db);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_null (error);
  assert_non_null (db);
  value = sp_test_query_text (db, "SELECT value FROM meta WHERE key = 'k'");
  assert_string_equal (value, "Skinnskatteberg");
  assert_null (sp_database_get_migration_backup (db));
  assert_int_equal (count_backups (f->dir), 0);
}

static void
test_open_existing_missing (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;

  db = sp_database_open (f->path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN));
  assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_migrate_from_v0 (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;

  /* Version 0: an empty file, as another tool may have created. It is
   * never taken for a new database unasked: the window asks first, the
   * command line refuses, and the file stays as it was. */
  assert_true (g_file_set_contents (f->path, "", 0, NULL));

  for (guint i = 0; i < 3; i++)
    {
      const SpDatabaseOpenFlags flags[] = {
        SP_DATABASE_OPEN_EXISTING, SP_DATABASE_OPEN_DEFAULT | SP_DATABASE_OPEN_CHECK_LATER,
        SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY,
      };
      g_autofree char *files = NULL;
      GStatBuf st;

      db = sp_database_open (f->path, flags[i], &error);
      assert_null (db);
      assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_EMPTY));
      g_clear_error (&error);
      assert_int_equal (g_stat (f->path, &st), 0);
      assert_int_equal (st.st_size, 0);
      files = sp_test_list_dir_text (f->dir);
      assert_string_equal (files, "förbund.db");
    }

  db = sp_database_open (f->path, SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_EMPTY_IS_NEW, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM association"), 1);
  assert_null (sp_database_get_migration_backup (db));
}

static void
test_migrate_from_v1 (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(SpDatabase) backup = NULL;
  g_autofree char *note = NULL;
  const char *backup_path;

  make_v1_file (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_int_equal (sp_test_query_int (db, "PRAGMA user_version"), sp_database_get_current_version ());

  /* The old rows survive, and the new table came with its single row. */
  note = sp_test_query_text (db, "SELECT value FROM meta WHERE key = 'note'");
  assert_string_equal (note, "Åtgärder för unga vuxna 16–29 år");
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM association"), 1);

  /* A copy of the version-1 file was made first, and it is still version 1. */
  backup_path = sp_database_get_migration_backup (db);
  assert_non_null (backup_path);
  assert_true (g_str_has_prefix (backup_path, f->path));
  assert_true (g_str_has_suffix (backup_path, ".bak"));
  assert_int_equal (count_backups (f->dir), 1);

  backup = sp_database_open_with_migrations (backup_path, SP_DATABASE_OPEN_READ_ONLY, NULL, 0, &error);
  assert_null (backup);
  /* Opened with no migrations known, version 1 is "too new": the copy is version 1. */
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW));
  g_clear_error (&error);

  backup = sp_database_open_with_migrations (backup_path, SP_DATABASE_OPEN_READ_ONLY,
                                             sp_migrations_get (&(guint){0}), 1, &error);
  assert_null (error);
  assert_int_equal (sp_test_query_int (backup, "PRAGMA user_version"), 1);
  assert_int_equal (sp_test_query_int (backup, "SELECT count(*) FROM meta"), 2);
  assert_int_equal (sp_test_query_int (backup, "SELECT count(*) FROM sqlite_schema WHERE name = 'association'"), 0);
}

/* The previous schema version, with data, to the current one. */
static void
test_migrate_from_v2 (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *sql = sp_test_fixture_path ("v2.sql");
  g_autofree char *name = NULL;

  assert_true (sp_test_run_sql_file (f->path, sql));
  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  name = sp_test_query_text (db, "SELECT name FROM association");
  assert_string_equal (name, "Samordningsförbundet i Kramfors");
  /* The domain tables came, with the seeded chart of accounts. */
  assert_true (sp_test_query_int (db, "SELECT count(*) FROM account") > 10);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM member"), 0);
  assert_non_null (sp_database_get_migration_backup (db));
  assert_true (strstr (sp_database_get_migration_backup (db), ".v2-") != NULL);
}

/* Step 9 (the follow-up) on a v8 database with data: what was there stays,
 * the new columns have their defaults and the new tables are empty. */
static void
test_migrate_from_v8_follow_up (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *sql = sp_test_fixture_path ("v8-follow-up.sql");
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;

  assert_true (sp_test_run_sql_file (f->path, sql));
  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_true (strstr (sp_database_get_migration_backup (db), ".v8-") != NULL);

  /* The data is intact. */
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM budget_line"), 14);
  assert_int_equal (sp_test_query_int (db, "SELECT sum (budget) FROM budget_line WHERE year = 2009"),
                    sp_test_query_int (db, "SELECT sum (budget) FROM budget_line"));
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM goal"), 6);
  text = sp_test_query_text (db, "SELECT outcome FROM goal WHERE id = 6");
  assert_string_equal (text, "29");
  assert_int_equal (sp_test_query_int (db, "SELECT account FROM sie_account_map WHERE sie_account = '3010'"), 3510);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sie_account_map WHERE sie_account = '7999'"
                                           " AND account IS NULL"), 1);
  assert_int_equal (sp_test_query_int (db, "SELECT amount FROM actual WHERE year = 2009 AND account = 3510"),
                    250000000);
  g_clear_pointer (&text, g_free);
  text = sp_test_query_text (db, "SELECT closing_place FROM plan_year WHERE year = 2009");
  assert_string_equal (text, "Fagersta");

  /* The new columns have their defaults, the new tables are empty. */
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sie_account_map WHERE project_id IS NOT NULL"), 0);
  status = sp_test_query_text (db, "SELECT group_concat (DISTINCT follow_up_status) FROM goal");
  assert_string_equal (status, "not_assessed");
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM goal WHERE follow_up_comment <> ''"), 0);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM plan_year WHERE follow_up_comment <> ''"), 0);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM actual_month"), 0);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sie_object_map"), 0);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM budget_line_follow_up"), 0);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM area_follow_up"), 0);
  /* And take data: an object for an area by its lineage, a month's actual. */
  assert_true (sp_database_exec (db, "INSERT INTO sie_object_map (dimension, object, area_lineage) VALUES (1, '10', 1);"
                                     "INSERT INTO actual_month (year, month, account, amount) VALUES (2009, 3, 3510, 100);",
                                 &error));
  assert_null (error);
}

static void
test_backups_are_pruned (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;

  /* Seven old automatic backups lie beside the file. */
  for (int i = 1; i <= 7; i++)
    {
      g_autofree char *old = g_strdup_printf ("%s.v1-2020010%dT000000.bak", f->path, i);
      assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  make_v1_file (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (count_backups (f->dir), SP_DATABASE_KEEP_BACKUPS);
  {
    g_autofree char *oldest = g_strdup_printf ("%s.v1-20200101T000000.bak", f->path);
    g_autofree char *kept = g_strdup_printf ("%s.v1-20200107T000000.bak", f->path);
    assert_false (g_file_test (oldest, G_FILE_TEST_EXISTS));
    assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
    assert_true (g_file_test (sp_database_get_migration_backup (db), G_FILE_TEST_EXISTS));
  }
}

/* A migration killed while it copied the file left "<file>.v1-….bak.part":
 * the next opening removes it, and nothing else. */
static void
test_partial_backups_removed (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *part = g_strdup_printf ("%s.v1-20200101T000000.bak.part", f->path);
  g_autofree char *other = g_build_filename (f->dir, "annat.db.v1-20200101T000000.bak.part", NULL);
  g_autofree char *own = g_strdup_printf ("%s.anteckning.bak.part", f->path);
  g_autofree char *backup = g_strdup_printf ("%s.v1-20200101T000000.bak", f->path);

  make_v1_file (f->path);
  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  assert_true (g_file_set_contents (part, "halv", -1, NULL));
  assert_true (g_file_set_contents (other, "annans", -1, NULL));
  assert_true (g_file_set_contents (own, "användarens", -1, NULL));
  assert_true (g_file_set_contents (backup, "hel", -1, NULL));

  /* A read-only opening changes nothing beside the file. */
  db = sp_database_open (f->path, SP_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&db);
  assert_true (g_file_test (part, G_FILE_TEST_EXISTS));

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_failed_migration_leaves_file (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_steps;
  const SpMigration *real = sp_migrations_get (&n_steps);
  SpMigration steps[] = {
    real[0],
    { 2, "CREATE TABLE half_done (a INTEGER);"
         "INSERT INTO half_done VALUES (1);" },
    { 3, "INSERT INTO no_such_table VALUES (1);" },
  };

  make_v1_file (f->path);
  before = sp_test_file_checksum (f->path);

  db = sp_database_open_with_migrations (f->path, SP_DATABASE_OPEN_DEFAULT,
                                         steps, G_N_ELEMENTS (steps), &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_MIGRATION));
  assert_non_null (strstr (error->message, "3"));

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);

  /* Nothing of step 2 stayed either, and the file still opens as version 1. */
  g_clear_error (&error);
  db = sp_database_open_with_migrations (f->path, SP_DATABASE_OPEN_READ_ONLY, steps, 1, &error);
  assert_null (error);
  assert_int_equal (sp_test_query_int (db, "PRAGMA user_version"), 1);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"), 0);
}

static void
test_newer_version_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *raw = NULL;

  /* A file written by a future Samplan, in WAL mode as ours are. */
  assert_int_equal (sqlite3_open (f->path, &raw), SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA journal_mode = WAL;"
                         "PRAGMA application_id = %d;"
                         "PRAGMA user_version = %d;"
                         "CREATE TABLE future (a TEXT);"
                         "INSERT INTO future VALUES ('later');",
                         SP_DATABASE_APPLICATION_ID, sp_database_get_current_version () + 1);
  assert_int_equal (sqlite3_exec (raw, sql, NULL, NULL, NULL), SQLITE_OK);
  assert_int_equal (sqlite3_close (raw), SQLITE_OK);
  before = sp_test_file_checksum (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_TOO_NEW));
  assert_non_null (strstr (error->message, "förbund.db"));

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);
  assert_int_equal (count_backups (f->dir), 0);
}

static void
test_not_a_database_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *text = "Verksamhetsplan 2009\nDetta är en textfil, ingen databas.\n"
                     "Den är längre än hundra byte så att SQLite läser ett helt huvud.\n";

  assert_true (g_file_set_contents (f->path, text, -1, NULL));
  before = sp_test_file_checksum (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE));

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);
}

static void
test_foreign_database_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = sp_test_fixture_path ("foreign.sql");

  assert_true (sp_test_run_sql_file (f->path, sql));
  before = sp_test_file_checksum (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_FOREIGN));

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);
}

static void
test_directory_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;

  db = sp_database_open (f->dir, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_OPEN));
}

static void
test_read_only_file (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *value = NULL;

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_true (sp_database_exec (db, "INSERT INTO meta (key, value) VALUES ('k', 'Norberg')", &error));
  g_clear_object (&db);

  assert_int_equal (g_chmod (f->path, 0444), 0);
  before = sp_test_file_checksum (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_non_null (db);
  assert_true (sp_database_is_read_only (db));
  value = sp_test_query_text (db, "SELECT value FROM meta WHERE key = 'k'");
  assert_string_equal (value, "Norberg");

  /* A change is refused with a clear error, even for root. */
  assert_false (sp_database_exec (db, "INSERT INTO meta (key, value) VALUES ('x', 'y')", &error));
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY));
  g_clear_object (&db);

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);
}

static void
test_read_only_needing_upgrade_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_v1_file (f->path);
  assert_int_equal (g_chmod (f->path, 0444), 0);
  before = sp_test_file_checksum (f->path);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (db);
  assert_true (g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_READ_ONLY));

  after = sp_test_file_checksum (f->path);
  assert_string_equal (before, after);
  assert_int_equal (count_backups (f->dir), 0);
}

static void
test_backup_to (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(SpDatabase) copy = NULL;
  g_autofree char *copy_path = g_build_filename (f->dir, "kopia.db", NULL);
  g_autofree char *value = NULL;
  g_autofree char *part = g_strconcat (copy_path, ".part", NULL);

  db = sp_database_open (f->path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_true (sp_database_exec (db, "INSERT INTO meta (key, value) VALUES ('k', 'Fagersta')", &error));
  assert_true (sp_database_backup_to (db, copy_path, &error));
  assert_null (error);
  assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

  copy = sp_database_open (copy_path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_null (error);
  value = sp_test_query_text (copy, "SELECT value FROM meta WHERE key = 'k'");
  assert_string_equal (value, "Fagersta");
}

static void
test_default_path (void **state)
{
  g_autofree char *path = sp_database_get_default_path ();

  assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  assert_true (g_str_has_suffix (path, G_DIR_SEPARATOR_S "samplan" G_DIR_SEPARATOR_S "samplan.db"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_create_new, setup, teardown),
    cmocka_unit_test_setup_teardown (test_reopen_keeps_data, setup, teardown),
    cmocka_unit_test_setup_teardown (test_open_existing_missing, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_from_v0, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_from_v1, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_from_v2, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_from_v8_follow_up, setup, teardown),
    cmocka_unit_test_setup_teardown (test_backups_are_pruned, setup, teardown),
    cmocka_unit_test_setup_teardown (test_partial_backups_removed, setup, teardown),
    cmocka_unit_test_setup_teardown (test_failed_migration_leaves_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_newer_version_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_not_a_database_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_foreign_database_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_directory_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only_needing_upgrade_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_backup_to, setup, teardown),
    cmocka_unit_test (test_default_path),
  };

  return cmocka_run_group_tests_name ("database", tests, NULL, NULL);
}
