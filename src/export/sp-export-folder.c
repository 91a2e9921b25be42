/* sp-export-folder.c: the export's private folder inside the target folder, and
 * the leftovers of exports that were killed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A workbook is written inside a folder of its own, made with mode 0700 in
 * the target folder, and renamed from there into place. Nobody else can put
 * a symbolic link or another file into that folder, so the writer never
 * opens a name that someone else could swap; the target folder may be a
 * shared one where others can write. The folder is locked (flock) while it
 * is used.
 *
 * A killed export leaves its folder (or, from versions before this one, a
 * file ".samplan-export-XXXXXX.xlsx") behind: the next export into the same
 * folder removes those that are ours (our user, our name pattern, a real
 * folder or file, never a link) and stale (not locked, and not touched for
 * a while, so that an export running now in another Samplan is left alone).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-export-private.h"

#define TEMP_PREFIX "." "samplan-export-"
/* The random part of g_mkstemp() and g_mkdtemp(): six letters or digits. */
#define TEMP_RANDOM 6

/* ---- Helpers ------------------------------------------------------------ */

/* ".samplan-export-XXXXXX" (a folder, or an old probe) or ".samplan-export-XXXXXX.xlsx". */
static gboolean
is_temp_name (const char *name)
{
  gsize prefix = strlen (TEMP_PREFIX);
  const char *rest;

  if (strncmp (name, TEMP_PREFIX, prefix) != 0 || strlen (name) < prefix + TEMP_RANDOM)
    return FALSE;
  for (guint i = 0; i < TEMP_RANDOM; i++)
    if (!g_ascii_isalnum (name[prefix + i]))
      return FALSE;
  rest = name + prefix + TEMP_RANDOM;
  return rest[0] == '\0' || strcmp (rest, ".xlsx") == 0;
}

/* Removes the regular files in the folder open as @fd, and then the folder
 * @name in @parent_fd if it is empty. Links and folders inside are left. */
static void
remove_folder_at (int         parent_fd,
                  const char *name,
                  int         fd)
{
  int list_fd = dup (fd);
  DIR *dir = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  struct dirent *entry;

  if (dir == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      return;
    }
  while ((entry = readdir (dir)) != NULL)
    {
      struct stat st;

      if (strcmp (entry->d_name, ".") == 0 || strcmp (entry->d_name, "..") == 0)
        continue;
      if (fstatat (fd, entry->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG (st.st_mode))
        unlinkat (fd, entry->d_name, 0);
    }
  closedir (dir);
  unlinkat (parent_fd, name, AT_REMOVEDIR);
}

/* One leftover @name in the folder @dir_fd, removed when it is ours and stale. */
static void
remove_leftover (int         dir_fd,
                 const char *name,
                 gint64      now)
{
  struct stat st, opened;
  int fd;

  if (fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || st.st_uid != geteuid () ||
      now - (gint64) st.st_mtime < SP_EXPORT_STALE_SECONDS)
    return;
  if (S_ISREG (st.st_mode))
    {
      unlinkat (dir_fd, name, 0);
      return;
    }
  if (!S_ISDIR (st.st_mode))
    return;
  fd = openat (dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return;
  /* The folder opened is the one looked at, and no export holds it. */
  if (fstat (fd, &opened) == 0 && opened.st_dev == st.st_dev && opened.st_ino == st.st_ino &&
      opened.st_uid == geteuid () && flock (fd, LOCK_EX | LOCK_NB) == 0)
    remove_folder_at (dir_fd, name, fd);
  close (fd);
}

/* ---- Internal API ------------------------------------------------------- */

/**
 * sp_export_remove_leftovers:
 * @dir: a target folder
 *
 * Removes what killed exports left in @dir: our hidden temporary folders
 * and files, of our user, stale (see above). Never follows a link; says
 * nothing when something cannot be removed (it is left as it was).
 */
void
sp_export_remove_leftovers (const char *dir)
{
  int dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int list_fd;
  DIR *listing;
  struct dirent *entry;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (dir_fd < 0)
    return;
  list_fd = dup (dir_fd);
  listing = list_fd >= 0 ? fdopendir (list_fd) : NULL;
  if (listing == NULL)
    {
      if (list_fd >= 0)
        close (list_fd);
      close (dir_fd);
      return;
    }
  while ((entry = readdir (listing)) != NULL)
    if (is_temp_name (entry->d_name))
      g_ptr_array_add (names, g_strdup (entry->d_name));
  closedir (listing);

  for (guint i = 0; i < names->len; i++)
    remove_leftover (dir_fd, g_ptr_array_index (names, i), now);
  close (dir_fd);
}

/**
 * sp_export_temp_folder_make:
 * @dir: the target folder
 * @folder: (out caller-allocates): the private folder made
 *
 * Makes a private folder (0700) in @dir, opens both and locks the private
 * one. From here on the private folder is reached only through its
 * descriptor, never by its name, which someone who may write in @dir could
 * rename away and replace.
 */
gboolean
sp_export_temp_folder_make (const char    *dir,
                            SpExportTemp  *folder,
                            GError       **error)
{
  g_autofree char *path = g_build_filename (dir, TEMP_PREFIX "XXXXXX", NULL);
  g_autofree char *display = g_filename_display_name (dir);
  struct stat st;
  int saved;

  folder->path = NULL;
  folder->name = NULL;
  folder->fd = -1;
  folder->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder->dir_fd < 0 || g_mkdtemp_full (path, 0700) == NULL)
    {
      saved = errno;
      if (folder->dir_fd >= 0)
        close (folder->dir_fd);
      folder->dir_fd = -1;
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to: %s"), display, sp_export_errno_cause (saved));
      return FALSE;
    }
  folder->path = g_steal_pointer (&path);
  folder->name = g_path_get_basename (folder->path);
  folder->fd = openat (folder->dir_fd, folder->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  saved = errno;
  /* The folder opened must be the one just made: ours, and private. */
  if (folder->fd < 0 || fstat (folder->fd, &st) != 0 || st.st_uid != geteuid () ||
      (st.st_mode & 0077) != 0)
    {
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to: %s"), display,
                   folder->fd < 0 ? sp_export_errno_cause (saved)
                                  : _("another program changed the temporary folder of the export"));
      sp_export_temp_folder_remove (folder);
      return FALSE;
    }
  flock (folder->fd, LOCK_EX | LOCK_NB);
  return TRUE;
}

/* A new file @name in the private folder, open for reading and writing;
 * -1 with errno set when it cannot be made. */
int
sp_export_temp_folder_create (SpExportTemp *folder,
                              const char   *name)
{
  return openat (folder->fd, name, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
}

/* Moves @name out of the private folder to @target_name in the target
 * folder, replacing what is there; FALSE with errno set when it fails. */
gboolean
sp_export_temp_folder_move_out (SpExportTemp *folder,
                                const char   *name,
                                const char   *target_name)
{
  return renameat (folder->fd, name, folder->dir_fd, target_name) == 0;
}

/* Removes the private folder and what is left in it, and unlocks it. */
void
sp_export_temp_folder_remove (SpExportTemp *folder)
{
  if (folder->fd >= 0)
    {
      struct stat opened, named;

      /* Only if the name still is our folder. */
      if (fstat (folder->fd, &opened) == 0 &&
          fstatat (folder->dir_fd, folder->name, &named, AT_SYMLINK_NOFOLLOW) == 0 &&
          opened.st_dev == named.st_dev && opened.st_ino == named.st_ino)
        remove_folder_at (folder->dir_fd, folder->name, folder->fd);
      close (folder->fd);
    }
  if (folder->dir_fd >= 0)
    close (folder->dir_fd);
  g_clear_pointer (&folder->path, g_free);
  g_clear_pointer (&folder->name, g_free);
  folder->fd = -1;
  folder->dir_fd = -1;
}
