/* sp-presence.c: who has a database file open, in a small file beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SQLite lets two programs write one file, one transaction at a time, but
 * two people editing the same budget in two windows each see only their
 * own changes. So a Samplan that opens a file to write to it leaves a
 * presence file beside it, ".~samplan-lock.NAME#", saying who, on which
 * computer, in which process and since when; a second Samplan reads it and
 * offers to open the file read-only instead.
 *
 * The file is advice, not a lock the system keeps: a Samplan that was
 * killed leaves it behind. One whose process is gone on this computer is
 * taken over at once; one from another computer cannot be checked, so the
 * user may take it over. In a folder we cannot write to (a read-only share)
 * there is no presence file, and nothing fails for it.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-presence.h"

#define GROUP "Samplan"
#define PREFIX ".~samplan-lock."

struct _SpPresence
{
  GObject    parent_instance;

  char      *database_path;
  char      *path;          /* the presence file */
  char      *user;
  char      *real_name;
  char      *host;
  char      *program;       /* the process's name, to tell a reused pid */
  char      *instance;      /* random, once per process: to tell a pid reused by us */
  gint64     pid;
  GDateTime *since;
  guint      holds_file : 1;  /* ours, and written: release removes it */
};

G_DEFINE_FINAL_TYPE (SpPresence, sp_presence, G_TYPE_OBJECT)

G_DEFINE_QUARK (sp-presence-error-quark, sp_presence_error)

/* The name of a process as the system shows it (/proc/PID/comm), or NULL. */
static char *
process_name (const char *pid_text)
{
  g_autofree char *comm_path = g_strdup_printf ("/proc/%s/comm", pid_text);
  char *contents = NULL;

  if (!g_file_get_contents (comm_path, &contents, NULL, NULL))
    return NULL;
  return g_strstrip (contents);
}

static gboolean
process_is_alive (gint64      pid,
                  const char *program)
{
  g_autofree char *pid_text = NULL;
  g_autofree char *name = NULL;

  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;
  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;
  /* The pid may have been given to another program since. */
  pid_text = g_strdup_printf ("%" G_GINT64_FORMAT, pid);
  name = process_name (pid_text);
  return name == NULL || program == NULL || program[0] == '\0' || g_strcmp0 (name, program) == 0;
}

/* Whether we may write files in @dir: the mode is respected even by root,
 * as sp-database-open.c respects it for the file itself. */
static gboolean
folder_is_writable (const char *dir)
{
  GStatBuf st;

  if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
    return FALSE;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return FALSE;
  return g_access (dir, W_OK | X_OK) == 0;
}

/* Who this process is, beyond its pid: in a sandbox with a pid namespace of
 * its own (Flatpak), the next run after a crash often has the same pid. */
static const char *
this_instance (void)
{
  static char *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, g_uuid_string_random ());
  return instance;
}

static SpPresence *
presence_new (const char *database_path)
{
  SpPresence *self = g_object_new (SP_TYPE_PRESENCE, NULL);

  self->database_path = g_strdup (database_path);
  self->path = sp_presence_path_for (database_path);
  return self;
}

/* This process's presence, not yet written. */
static SpPresence *
presence_new_own (const char *database_path)
{
  SpPresence *self = presence_new (database_path);
  const char *real_name = g_get_real_name ();

  self->user = g_strdup (g_get_user_name ());
  /* GLib says "Unknown" when the account has no full name. */
  self->real_name = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : "");
  self->host = g_strdup (g_get_host_name ());
  self->pid = getpid ();
  self->program = process_name ("self");
  if (self->program == NULL)
    self->program = g_strdup (g_get_prgname () != NULL ? g_get_prgname () : "");
  self->instance = g_strdup (this_instance ());
  self->since = g_date_time_new_now_utc ();
  return self;
}

static char *
presence_to_data (SpPresence *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *since = g_date_time_format_iso8601 (self->since);

  g_key_file_set_string (key_file, GROUP, "User", self->user);
  g_key_file_set_string (key_file, GROUP, "RealName", self->real_name);
  g_key_file_set_string (key_file, GROUP, "Host", self->host);
  g_key_file_set_int64 (key_file, GROUP, "Pid", self->pid);
  g_key_file_set_string (key_file, GROUP, "Program", self->program);
  g_key_file_set_string (key_file, GROUP, "Instance", self->instance);
  g_key_file_set_string (key_file, GROUP, "Since", since);
  return g_key_file_to_data (key_file, NULL, NULL);
}

/* Reads the presence file; NULL when there is none. A file we cannot make
 * sense of (cut short by a crash) is shown as held by someone unknown, now:
 * @out_garbled says so. */
static SpPresence *
presence_load (const char *database_path,
               gboolean   *out_garbled)
{
  g_autoptr(SpPresence) self = presence_new (database_path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;

  *out_garbled = FALSE;
  if (!g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_NONE, &error))
    {
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      *out_garbled = TRUE;
    }

  self->user = g_key_file_get_string (key_file, GROUP, "User", NULL);
  self->real_name = g_key_file_get_string (key_file, GROUP, "RealName", NULL);
  self->host = g_key_file_get_string (key_file, GROUP, "Host", NULL);
  self->program = g_key_file_get_string (key_file, GROUP, "Program", NULL);
  self->instance = g_key_file_get_string (key_file, GROUP, "Instance", NULL);
  self->pid = g_key_file_get_int64 (key_file, GROUP, "Pid", NULL);
  since = g_key_file_get_string (key_file, GROUP, "Since", NULL);
  if (since != NULL)
    self->since = g_date_time_new_from_iso8601 (since, NULL);

  if (self->user == NULL || self->host == NULL || self->pid <= 0 || self->since == NULL)
    *out_garbled = TRUE;
  if (self->user == NULL)
    self->user = g_strdup ("");
  if (self->real_name == NULL)
    self->real_name = g_strdup ("");
  if (self->host == NULL)
    self->host = g_strdup ("");
  if (self->since == NULL)
    self->since = g_date_time_new_now_utc ();
  return g_steal_pointer (&self);
}

/* Writes @self's file, only if there is none: FALSE with errno set otherwise. */
static gboolean
presence_write_new (SpPresence *self)
{
  g_autofree char *data = presence_to_data (self);
  gsize length = strlen (data);
  gsize written = 0;
  int fd;

  /* Readable by the others who share the folder: it names no one's data. */
  fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return FALSE;
  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (self->path);
          errno = saved_errno;
          return FALSE;
        }
      written += n;
    }
  close (fd);
  return TRUE;
}

/* Whether the file at our path still names this presence. */
static gboolean
presence_file_is_ours (SpPresence *self)
{
  gboolean garbled = FALSE;
  g_autoptr(SpPresence) current = presence_load (self->database_path, &garbled);

  return current != NULL && !garbled &&
         current->pid == self->pid &&
         g_strcmp0 (current->host, self->host) == 0 &&
         g_date_time_equal (current->since, self->since);
}

static void
sp_presence_finalize (GObject *object)
{
  SpPresence *self = SP_PRESENCE (object);

  sp_presence_release (self);
  g_free (self->database_path);
  g_free (self->path);
  g_free (self->user);
  g_free (self->real_name);
  g_free (self->host);
  g_free (self->program);
  g_free (self->instance);
  g_clear_pointer (&self->since, g_date_time_unref);

  G_OBJECT_CLASS (sp_presence_parent_class)->finalize (object);
}

static void
sp_presence_class_init (SpPresenceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_presence_finalize;
}

static void
sp_presence_init (SpPresence *self)
{
}

/**
 * sp_presence_path_for:
 *
 * Returns: (transfer full): the presence file of @database_path, beside it
 */
char *
sp_presence_path_for (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *base = g_path_get_basename (database_path);
  g_autofree char *name = g_strconcat (PREFIX, base, "#", NULL);

  return g_build_filename (dir, name, NULL);
}

/**
 * sp_presence_read:
 *
 * Returns: (transfer full) (nullable): who has @database_path open, as its
 *   presence file says, or %NULL when no one does
 */
SpPresence *
sp_presence_read (const char *database_path)
{
  gboolean garbled = FALSE;

  g_return_val_if_fail (database_path != NULL, NULL);
  return presence_load (database_path, &garbled);
}

/**
 * sp_presence_claim:
 * @take_over: replace another computer's presence (the user said so)
 * @out_holder: (out) (optional) (transfer full): who holds the file, on failure
 *
 * Records that this process has @database_path open. A presence whose
 * process is gone on this computer, or a file cut short, is taken over. In
 * a folder that cannot be written to, the presence holds no file and the
 * claim succeeds.
 *
 * Returns: (transfer full) (nullable): this process's presence, released
 *   when it is finalized; %NULL with %SP_PRESENCE_ERROR_HELD when another
 *   Samplan has the file open
 */
SpPresence *
sp_presence_claim (const char   *database_path,
                   gboolean      take_over,
                   SpPresence  **out_holder,
                   GError      **error)
{
  g_autoptr(SpPresence) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_holder != NULL)
    *out_holder = NULL;

  self = presence_new_own (database_path);
  dir = g_path_get_dirname (database_path);
  if (!folder_is_writable (dir))
    return g_steal_pointer (&self);

  /* A few rounds: a presence taken over may be claimed by a third at once. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(SpPresence) holder = NULL;
      gboolean garbled = FALSE;

      if (presence_write_new (self))
        {
          self->holds_file = TRUE;
          return g_steal_pointer (&self);
        }
      if (errno != EEXIST)
        return g_steal_pointer (&self);  /* a folder we may not write to after all */

      holder = presence_load (database_path, &garbled);
      if (holder == NULL)
        continue;  /* released in between */
      if (garbled || take_over || sp_presence_is_stale (holder))
        {
          g_unlink (self->path);
          continue;
        }

      {
        g_autofree char *message = sp_presence_describe (holder);

        g_set_error_literal (error, SP_PRESENCE_ERROR, SP_PRESENCE_ERROR_HELD, message);
      }
      if (out_holder != NULL)
        *out_holder = g_steal_pointer (&holder);
      return NULL;
    }

  /* Others kept taking it: go on without a presence rather than fail. */
  return g_steal_pointer (&self);
}

/**
 * sp_presence_release:
 *
 * Removes this process's presence file, if it is still ours. Idempotent.
 */
void
sp_presence_release (SpPresence *self)
{
  g_return_if_fail (SP_IS_PRESENCE (self));

  if (!self->holds_file)
    return;
  self->holds_file = FALSE;
  if (presence_file_is_ours (self))
    g_unlink (self->path);
}

const char *
sp_presence_get_user (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), NULL);
  return self->user;
}

/* Returns: the holder's full name, or "" when the account has none */
const char *
sp_presence_get_real_name (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), NULL);
  return self->real_name;
}

const char *
sp_presence_get_host (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), NULL);
  return self->host;
}

gint64
sp_presence_get_pid (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), 0);
  return self->pid;
}

/* Returns: (transfer none): when the file was opened */
GDateTime *
sp_presence_get_since (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), NULL);
  return self->since;
}

gboolean
sp_presence_is_this_host (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), FALSE);
  return g_strcmp0 (self->host, g_get_host_name ()) == 0;
}

/**
 * sp_presence_is_stale:
 *
 * Returns: whether the presence is left over: its process, on this
 *   computer, is gone. Another computer's presence is never known stale.
 */
gboolean
sp_presence_is_stale (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), FALSE);

  if (!sp_presence_is_this_host (self))
    return FALSE;
  /* Our pid, but not us: an earlier run whose pid we were given again. */
  if (self->pid == getpid () && self->instance != NULL && self->instance[0] != '\0' &&
      g_strcmp0 (self->instance, this_instance ()) != 0)
    return TRUE;
  return !process_is_alive (self->pid, self->program);
}

/* Whether this is our own presence, written beside the file. */
gboolean
sp_presence_holds_file (SpPresence *self)
{
  g_return_val_if_fail (SP_IS_PRESENCE (self), FALSE);
  return self->holds_file;
}

/**
 * sp_presence_describe:
 *
 * Returns: (transfer full): who has the file open, where and since when,
 *   as a sentence for the user
 */
char *
sp_presence_describe (SpPresence *self)
{
  g_autofree char *name = NULL;
  g_autofree char *who = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (SP_IS_PRESENCE (self), NULL);

  name = g_filename_display_basename (self->database_path);
  if (self->real_name[0] != '\0' && g_strcmp0 (self->real_name, self->user) != 0)
    who = g_strdup_printf ("%s (%s)", self->real_name, self->user);
  else
    who = g_strdup (self->user[0] != '\0' ? self->user : _("an unknown user"));
  local = g_date_time_to_local (self->since);
  /* Translators: when a file was opened, as g_date_time_format() writes it:
   * "5 December 2026 at 15:40" */
  since = g_date_time_format (local, C_("presence", "%-d %B %Y at %H:%M"));

  if (self->host[0] == '\0')
    /* Translators: "“budget.db” is open in Samplan for Anna Berg (anna) since 5 December 2026 at 15:40." */
    return g_strdup_printf (_("“%s” is open in Samplan for %s since %s."), name, who, since);
  /* Translators: "“budget.db” is open in Samplan for Anna Berg (anna) on the
   * computer “office-pc” since 5 December 2026 at 15:40." */
  return g_strdup_printf (_("“%s” is open in Samplan for %s on the computer “%s” since %s."),
                          name, who, self->host, since);
}
