/* sp-file-watch.c: a window notices when another program changed its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the window comes to the front, and every few seconds while it is
 * shown, it asks its database whether another connection committed
 * (sp_database_poll_elsewhere(), one cheap PRAGMA); the database then says
 * so with SpDatabase::changed-elsewhere and SpDatabase::changed for every
 * table, and the pages reload as they do after an edit. The window's
 * connection also waits only briefly for another program's lock, so that
 * the window never freezes while that program writes.
 */
#include "config.h"

#include "sp-file-watch.h"

struct _SpFileWatch
{
  GObject     parent_instance;

  GtkWidget  *window;     /* weak */
  SpDatabase *database;
  guint       timeout_id;
};

G_DEFINE_FINAL_TYPE (SpFileWatch, sp_file_watch, G_TYPE_OBJECT)

static void
poll (SpFileWatch *self)
{
  if (self->window != NULL && gtk_widget_get_mapped (self->window))
    sp_database_poll_elsewhere (self->database);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  poll (user_data);
  return G_SOURCE_CONTINUE;
}

static void
on_window_is_active_cb (GtkWindow   *window,
                        GParamSpec  *pspec,
                        SpFileWatch *self)
{
  if (gtk_window_is_active (window))
    poll (self);
}

static void
sp_file_watch_dispose (GObject *object)
{
  SpFileWatch *self = SP_FILE_WATCH (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_file_watch_parent_class)->dispose (object);
}

static void
sp_file_watch_class_init (SpFileWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_file_watch_dispose;
}

static void
sp_file_watch_init (SpFileWatch *self)
{
}

/**
 * sp_file_watch_new:
 * @window: the window that shows @database
 *
 * Returns: (transfer full): the watch; it stops when it is finalized
 */
SpFileWatch *
sp_file_watch_new (GtkWidget  *window,
                   SpDatabase *database)
{
  SpFileWatch *self;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);

  self = g_object_new (SP_TYPE_FILE_WATCH, NULL);
  g_set_weak_pointer (&self->window, window);
  self->database = g_object_ref (database);
  sp_database_set_busy_timeout (database, SP_FILE_WATCH_BUSY_TIMEOUT_MS);
  g_signal_connect (window, "notify::is-active", G_CALLBACK (on_window_is_active_cb), self);
  self->timeout_id = g_timeout_add (SP_FILE_WATCH_INTERVAL_MS, on_timeout_cb, self);
  return self;
}
