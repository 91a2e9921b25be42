/* sp-test-util.c: helpers shared by the cmocka tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "sp-test-util.h"
#include "sp-test-model.h"
#include "sp-database-private.h"
#include "sp-example.h"

/* A tmpfs with less room than this is not used for test files. */
#define TMPFS_MIN_FREE (256 * 1024 * 1024)

static gboolean
is_roomy_folder (const char *path)
{
  struct statvfs st;

  if (path == NULL || path[0] == '\0' || !g_file_test (path, G_FILE_TEST_IS_DIR) ||
      access (path, W_OK | X_OK) != 0)
    return FALSE;
  if (statvfs (path, &st) != 0)
    return FALSE;
  return (guint64) st.f_bavail * st.f_frsize >= TMPFS_MIN_FREE;
}

/* Where the test folders go: memory when there is enough of it. */
static const char *
tmp_parent (void)
{
  static char *parent;

  /* The tests are single-threaded. */
  if (parent == NULL)
    {
      const char *candidates[] = {
        g_getenv ("SAMPLAN_TEST_TMPDIR"), "/dev/shm", g_getenv ("XDG_RUNTIME_DIR"),
      };
      char *found = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (candidates) && found == NULL; i++)
        if (is_roomy_folder (candidates[i]))
          found = g_strdup (candidates[i]);
      if (found == NULL)
        found = g_strdup (g_get_tmp_dir ());
      parent = found;
    }
  return parent;
}

double
sp_test_timeout_multiplier (void)
{
  const char *env = g_getenv ("SAMPLAN_TEST_TIMEOUT_MULTIPLIER");
  double value = env != NULL ? g_ascii_strtod (env, NULL) : 1.0;

  return value >= 1.0 ? value : 1.0;
}

gint64
sp_test_scaled_usec (double seconds)
{
  return (gint64) (seconds * sp_test_timeout_multiplier () * G_USEC_PER_SEC);
}

gint64
sp_test_deadline (double seconds)
{
  return g_get_monotonic_time () + sp_test_scaled_usec (seconds);
}

char *
sp_test_make_tmpdir (void)
{
  char *dir = g_build_filename (tmp_parent (), "samplan-test-XXXXXX", NULL);

  if (g_mkdtemp (dir) == NULL)
    g_error ("making a test folder %s: %s", dir, g_strerror (errno));
  return dir;
}

void
sp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          sp_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_chmod (path, 0600);
      g_unlink (path);
    }
}

/* The SHA-256 of a file's bytes, to prove that a refused file was not touched. */
char *
sp_test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
sp_test_list_dir (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("listing %s: %s", path, error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

char *
sp_test_list_dir_text (const char *path)
{
  g_autoptr(GPtrArray) names = sp_test_list_dir (path);

  g_ptr_array_add (names, NULL);
  return g_strjoinv ("\n", (char **) names->pdata);
}

gboolean
sp_test_run_sql_file (const char *db_path,
                      const char *sql_path)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  if (!g_file_get_contents (sql_path, &sql, NULL, NULL))
    return FALSE;
  if (sqlite3_open (db_path, &db) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_printerr ("# %s: %s\n", sql_path, message);
  sqlite3_free (message);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

char *
sp_test_fixture_path (const char *name)
{
  return g_build_filename (FIXTURES_DIR, name, NULL);
}

SpDatabase *
sp_test_example_new (const char *dir,
                     const char *name,
                     char      **path)
{
  g_autofree char *file = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SpDatabase *db = sp_example_create (file, &error);

  if (db == NULL)
    g_error ("creating the example %s: %s", file, error->message);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return db;
}

static sqlite3_stmt *
prepare_one_row (SpDatabase *db,
                 const char *sql)
{
  sqlite3 *handle = sp_database_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle));
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    g_clear_pointer (&stmt, sqlite3_finalize);
  return stmt;
}

gint64
sp_test_query_int (SpDatabase *db,
                   const char *sql)
{
  sqlite3_stmt *stmt = prepare_one_row (db, sql);
  gint64 value;

  if (stmt == NULL)
    return G_MININT64;
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
sp_test_query_text (SpDatabase *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = prepare_one_row (db, sql);
  char *value;

  if (stmt == NULL)
    return NULL;
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Every row of every table of ours, in a stable order, as text: two dumps are
 * equal exactly when the database content is. */
char *
sp_test_dump_database (SpDatabase *db)
{
  sqlite3 *handle = sp_database_get_handle (db);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (handle,
                      "SELECT name FROM main.sqlite_schema WHERE type = 'table' "
                      "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rowid, * FROM main.\"%s\" ORDER BY rowid",
                                              (const char *) g_ptr_array_index (tables, i));
      g_string_append_printf (dump, "[%s]\n", (const char *) g_ptr_array_index (tables, i));
      sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);
              if (type == SQLITE_NULL)
                g_string_append (dump, "NULL");
              else
                g_string_append_printf (dump, "%c:%s", "?ifbtn"[type],
                                        (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (dump, '|');
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (dump, FALSE);
}

static void
on_items_changed_cb (GListModel     *model,
                     guint           position,
                     guint           removed,
                     guint           added,
                     SpTestModelSpy *spy)
{
  SpTestChange change = { position, removed, added };

  g_array_append_val (spy->changes, change);
}

SpTestModelSpy *
sp_test_model_spy_new (GListModel *model)
{
  SpTestModelSpy *spy = g_new0 (SpTestModelSpy, 1);

  spy->model = g_object_ref (model);
  spy->changes = g_array_new (FALSE, FALSE, sizeof (SpTestChange));
  spy->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), spy);
  return spy;
}

void
sp_test_model_spy_free (SpTestModelSpy *spy)
{
  g_signal_handler_disconnect (spy->model, spy->handler);
  g_object_unref (spy->model);
  g_array_unref (spy->changes);
  g_free (spy);
}

void
sp_test_model_spy_clear (SpTestModelSpy *spy)
{
  g_array_set_size (spy->changes, 0);
}

void
sp_test_model_spy_expect (SpTestModelSpy *spy,
                          guint           position,
                          guint           removed,
                          guint           added)
{
  SpTestChange *change;

  if (spy->changes->len != 1)
    g_error ("expected one items-changed (%u, %u, %u), saw %u", position, removed, added,
             spy->changes->len);
  change = &g_array_index (spy->changes, SpTestChange, 0);
  if (change->position != position || change->removed != removed || change->added != added)
    g_error ("expected items-changed (%u, %u, %u), saw (%u, %u, %u)", position, removed, added,
             change->position, change->removed, change->added);
  sp_test_model_spy_clear (spy);
}

char *
sp_test_squeeze_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
sp_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     &out, NULL, &status, &error))
    g_error ("pdftotext: %s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pdftotext %s: %s", path, error->message);
  return out;
}
