/* sp-test-util.c: helpers shared by the cmocka tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sp-test-util.h"

char *
sp_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("samplan-test-XXXXXX", &error);

  g_assert_no_error (error);
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
