/* sp-history.c: undo and redo of a database's edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An entry is a label and the range of the database's undo log that one edit
 * wrote. Undoing replays that range backwards in a new transaction; the log of
 * the replay is the redo entry, and the other way round.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"

typedef struct {
  char   *label;
  gint64  first;
  gint64  last;
} Entry;

struct _SpHistory
{
  GObject     parent_instance;

  SpDatabase *database;   /* weak: the database owns its history */
  GQueue      undo;       /* Entry*, newest at the head */
  GQueue      redo;
};

G_DEFINE_FINAL_TYPE (SpHistory, sp_history, G_TYPE_OBJECT)

/* The database keeps as many edits for its history as the history keeps. */
G_STATIC_ASSERT (SP_HISTORY_DEPTH == SP_DATABASE_KEEP_EDITS);

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
entry_free (Entry *entry)
{
  g_free (entry->label);
  g_free (entry);
}

static void
notify_all (SpHistory *self)
{
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

static void
forget_queue (SpHistory *self,
              GQueue    *queue)
{
  Entry *entry;

  while ((entry = g_queue_pop_head (queue)) != NULL)
    {
      if (self->database != NULL)
        sp_database_forget_log (self->database, entry->first, entry->last);
      entry_free (entry);
    }
}

/* Moves the newest entry of @from to @to by replaying it. */
static gboolean
replay (SpHistory  *self,
        GQueue     *from,
        GQueue     *to,
        GError    **error)
{
  Entry *entry = g_queue_peek_head (from);
  g_autoptr(GError) local_error = NULL;
  gint64 first, last;

  g_return_val_if_fail (self->database != NULL, FALSE);

  if (entry == NULL)
    return TRUE;

  if (!sp_database_edit_begin (self->database, error))
    return FALSE;
  if (!sp_database_replay (self->database, entry->first, entry->last, &local_error))
    {
      sp_database_edit_rollback (self->database);
      /* Another program changed what the edit left: it can never be
       * replayed now, so it goes, and the user is told which it was. */
      if (g_error_matches (local_error, SP_ERROR, SP_ERROR_CONFLICT))
        {
          g_autofree char *label = g_strdup (entry->label);

          g_queue_pop_head (from);
          sp_database_forget_log (self->database, entry->first, entry->last);
          entry_free (entry);
          notify_all (self);
          g_set_error (error, SP_ERROR, SP_ERROR_CONFLICT,
                       from == &self->undo
                       ? _("“%s” cannot be undone: another program has changed the same data since. Nothing was changed.")
                       : _("“%s” cannot be redone: another program has changed the same data since. Nothing was changed."),
                       label);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!sp_database_commit_replay (self->database, &first, &last, error))
    return FALSE;

  g_queue_pop_head (from);
  sp_database_forget_log (self->database, entry->first, entry->last);
  entry->first = first;
  entry->last = last;
  g_queue_push_head (to, entry);
  notify_all (self);
  return TRUE;
}

/* The database committed an edit: it can be undone, and what was undone
 * before can no longer be redone. */
static void
on_database_edit_cb (gpointer    listener,
                     const char *label,
                     gint64      first,
                     gint64      last)
{
  SpHistory *self = listener;
  Entry *entry;

  g_return_if_fail (SP_IS_HISTORY (self));

  forget_queue (self, &self->redo);

  entry = g_new0 (Entry, 1);
  entry->label = g_strdup (label);
  entry->first = first;
  entry->last = last;
  g_queue_push_head (&self->undo, entry);

  while (g_queue_get_length (&self->undo) > SP_HISTORY_DEPTH)
    {
      Entry *oldest = g_queue_pop_tail (&self->undo);
      sp_database_forget_log (self->database, oldest->first, oldest->last);
      entry_free (oldest);
    }
  notify_all (self);
}

/* Drops the entries of @queue that another program's changes made
 * impossible to replay; says whether there were any. */
static gboolean
drop_stale (SpHistory *self,
            GQueue    *queue)
{
  gboolean dropped = FALSE;
  GList *l = queue->head;

  while (l != NULL)
    {
      GList *next = l->next;
      Entry *entry = l->data;
      g_autoptr(GError) error = NULL;

      if (!sp_database_check_images (self->database, entry->first, entry->last, &error) &&
          g_error_matches (error, SP_ERROR, SP_ERROR_CONFLICT))
        {
          sp_database_forget_log (self->database, entry->first, entry->last);
          entry_free (entry);
          g_queue_delete_link (queue, l);
          dropped = TRUE;
        }
      l = next;
    }
  return dropped;
}

/* Another program committed to the file: what can no longer be undone or
 * redone without overwriting its changes is dropped. */
static void
on_database_changed_elsewhere_cb (SpDatabase *database,
                                  SpHistory  *self)
{
  gboolean dropped_undo = drop_stale (self, &self->undo);
  gboolean dropped_redo = drop_stale (self, &self->redo);

  if (dropped_undo || dropped_redo)
    notify_all (self);
}

static void
sp_history_finalize (GObject *object)
{
  SpHistory *self = SP_HISTORY (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) entry_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) entry_free);

  G_OBJECT_CLASS (sp_history_parent_class)->finalize (object);
}

static void
sp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpHistory *self = SP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sp_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sp_history_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sp_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sp_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_history_class_init (SpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_history_finalize;
  object_class->get_property = sp_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_history_init (SpHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

gboolean
sp_history_can_undo (SpHistory *self)
{
  g_return_val_if_fail (SP_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->undo);
}

gboolean
sp_history_can_redo (SpHistory *self)
{
  g_return_val_if_fail (SP_IS_HISTORY (self), FALSE);
  return !g_queue_is_empty (&self->redo);
}

/**
 * sp_history_get_undo_label:
 *
 * Returns: (nullable): what Undo would undo, e.g. "Add section"
 */
const char *
sp_history_get_undo_label (SpHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (SP_IS_HISTORY (self), NULL);
  entry = g_queue_peek_head (&self->undo);
  return entry != NULL ? entry->label : NULL;
}

const char *
sp_history_get_redo_label (SpHistory *self)
{
  Entry *entry;

  g_return_val_if_fail (SP_IS_HISTORY (self), NULL);
  entry = g_queue_peek_head (&self->redo);
  return entry != NULL ? entry->label : NULL;
}

/**
 * sp_history_undo:
 *
 * Undoes the newest edit in one transaction. On failure nothing changes and
 * the edit stays undoable.
 */
gboolean
sp_history_undo (SpHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (SP_IS_HISTORY (self), FALSE);
  return replay (self, &self->undo, &self->redo, error);
}

gboolean
sp_history_redo (SpHistory  *self,
                 GError    **error)
{
  g_return_val_if_fail (SP_IS_HISTORY (self), FALSE);
  return replay (self, &self->redo, &self->undo, error);
}

void
sp_history_clear (SpHistory *self)
{
  g_return_if_fail (SP_IS_HISTORY (self));

  forget_queue (self, &self->undo);
  forget_queue (self, &self->redo);
  notify_all (self);
}

/**
 * sp_database_get_history:
 *
 * Returns: (transfer none): the undo and redo history of @database
 */
SpHistory *
sp_database_get_history (SpDatabase *database)
{
  SpHistory *self;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);

  self = (SpHistory *) sp_database_get_edit_listener (database);
  if (self == NULL)
    {
      self = g_object_new (SP_TYPE_HISTORY, NULL);
      self->database = database;
      /* The database owns its history from now on. */
      sp_database_set_edit_listener (database, G_OBJECT (self), on_database_edit_cb);
      g_signal_connect_object (database, "changed-elsewhere",
                               G_CALLBACK (on_database_changed_elsewhere_cb), self, 0);
    }
  return self;
}
