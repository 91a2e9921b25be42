/* sp-database-check.c: the check of a database file's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA quick_check reads every page: before sp_database_open() returns,
 * or, with SP_DATABASE_OPEN_CHECK_LATER, in a thread of its own that every
 * write waits for (sp_database_wait_checked()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-database-impl.h"

/* PRAGMA quick_check (1) on @db: whether every page is sound. */
gboolean
sp_database_quick_check (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  return ok;
}

void
sp_database_set_damaged_error (SpDatabase  *self,
                               GError     **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Samplan database, or it is damaged."), name);
}

/* The check thread: its own read-only connection, nothing shared but the
 * path it was given. Returns 1 for a sound file, 0 otherwise. */
static gpointer
check_thread_func (gpointer data)
{
  char *path = data;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, SP_DATABASE_BUSY_TIMEOUT_MS);
      ok = sp_database_quick_check (db);
    }
  sqlite3_close_v2 (db);
  g_free (path);
  return GINT_TO_POINTER (ok);
}

/* Joins a check that was started; whether the file is sound. */
gboolean
sp_database_finish_check (SpDatabase *self)
{
  if (self->check_thread != NULL)
    {
      gboolean ok = GPOINTER_TO_INT (g_thread_join (g_steal_pointer (&self->check_thread)));

      self->damaged = !ok;
    }
  return !self->damaged;
}

/* In the opening thread's main context, after the check thread is done;
 * @user_data is a GWeakRef: the database may be gone by then. */
static gboolean
on_check_done_cb (gpointer user_data)
{
  g_autoptr(SpDatabase) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  sp_database_finish_check (self);
  if (self->damaged && !self->damage_told)
    {
      self->damage_told = TRUE;
      sp_database_notify_damaged (self);
    }
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

typedef struct {
  char         *path;
  GMainContext *context;
  GWeakRef     *database;
} CheckStart;

static gpointer
check_and_tell_func (gpointer data)
{
  CheckStart *start = data;
  gpointer result = check_thread_func (g_steal_pointer (&start->path));
  GSource *source = g_idle_source_new ();

  /* Always dispatched by the context's own thread (g_main_context_invoke()
   * could run it here, where the database must not be finalized). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_check_done_cb, start->database, free_weak_ref);
  g_source_set_static_name (source, "[samplan] database check done");
  g_source_attach (source, start->context);
  g_source_unref (source);
  g_main_context_unref (start->context);
  g_free (start);
  return result;
}

void
sp_database_start_check (SpDatabase *self)
{
  CheckStart *start = g_new0 (CheckStart, 1);

  start->path = g_strdup (self->path);
  start->context = g_main_context_ref_thread_default ();
  start->database = g_new0 (GWeakRef, 1);
  g_weak_ref_init (start->database, self);
  self->check_thread = g_thread_new ("sp-database-check", check_and_tell_func, start);
}
