/* sp-database-backup.c: backup copies of a database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A copy is written through a temporary file that is renamed into place only
 * when it is complete. Before a migration an automatic copy is made beside the
 * file; the newest SP_DATABASE_KEEP_BACKUPS of those are kept.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sp-database-impl.h"

gboolean
sp_database_copy (sqlite3     *source,
                  const char  *dest_path,
                  GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);
  g_autofree char *name = g_filename_display_name (dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;
  int fd;

  g_unlink (tmp_path);
  fd = g_open (tmp_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          sqlite3_backup_finish (backup);
        }
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_close (dest);
  else
    sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      g_unlink (tmp_path);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, sqlite3_errstr (rc));
      return FALSE;
    }

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;
      g_unlink (tmp_path);
      g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BACKUP,
                   _("The backup copy “%s” could not be written: %s"),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Automatic backups are named "<file>.v<N>-<UTC time>.bak"; keep the newest few. */
void
sp_database_prune_backups (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, ".bak"))
      g_ptr_array_add (names, g_strdup (entry));

  /* The time stamp sorts as text; the schema number does not matter here. */
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i + SP_DATABASE_KEEP_BACKUPS < names->len; i++)
    {
      g_autofree char *victim = g_build_filename (dir_name, g_ptr_array_index (names, i), NULL);
      g_unlink (victim);
    }
}

char *
sp_database_backup_path_for (const char *path,
                             int         version)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autofree char *candidate = g_strdup_printf ("%s.v%d-%s.bak", path, version, stamp);

  /* Two migrations in the same second: keep both copies. */
  for (guint i = 1; g_file_test (candidate, G_FILE_TEST_EXISTS) && i < 100; i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%s-%u.bak", path, version, stamp, i);
    }
  return g_steal_pointer (&candidate);
}

/* A migration killed while it copied the file leaves "<file>.v<N>-<time>.bak.part";
 * only such files beside this one are removed, and only by a writer. */
void
sp_database_remove_partial_backups (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *victim = NULL;

      if (!g_str_has_prefix (entry, prefix) || !g_str_has_suffix (entry, ".bak.part") ||
          !g_ascii_isdigit (entry[strlen (prefix)]))
        continue;
      victim = g_build_filename (dir_name, entry, NULL);
      if (g_file_test (victim, G_FILE_TEST_IS_REGULAR))
        g_unlink (victim);
    }
}
