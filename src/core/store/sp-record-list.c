/* sp-record-list.c: a list model of records that follows the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list loads its records with a function of the module that owns them,
 * and loads them again whenever an edit, an undo or a redo changed one of the
 * tables it reads. It then keeps the objects it already had for the rows that
 * are still there (assigning their new values) and tells its views exactly
 * which range changed: the rows between the unchanged beginning and the
 * unchanged end. Adding, removing or moving one row is one items-changed.
 */
#include "config.h"

#include "sp-record-list.h"

struct _SpRecordList
{
  GObject           parent_instance;

  SpDatabase       *database;
  GType             item_type;
  GStrv             tables;
  SpRecordLoadFunc  load;
  gpointer          user_data;
  GDestroyNotify    destroy;
  GPtrArray        *items;
  gulong            changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpRecordList, sp_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
sp_record_list_get_item_type (GListModel *model)
{
  return SP_RECORD_LIST (model)->item_type;
}

static guint
sp_record_list_get_n_items (GListModel *model)
{
  return SP_RECORD_LIST (model)->items->len;
}

static gpointer
sp_record_list_get_item (GListModel *model,
                         guint       position)
{
  SpRecordList *self = SP_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sp_record_list_get_item_type;
  iface->get_n_items = sp_record_list_get_n_items;
  iface->get_item = sp_record_list_get_item;
}

static gint64
id_at (GPtrArray *array,
       guint      i)
{
  return sp_record_get_id (g_ptr_array_index (array, i));
}

/* Replaces the items by @fresh, keeping the objects of rows still present. */
static void
merge (SpRecordList *self,
       GPtrArray    *fresh)
{
  GPtrArray *old = self->items;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  guint prefix = 0, suffix = 0;
  guint n_old = old->len, n_new = fresh->len;

  while (prefix < n_old && prefix < n_new && id_at (old, prefix) == id_at (fresh, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         id_at (old, n_old - 1 - suffix) == id_at (fresh, n_new - 1 - suffix))
    suffix++;

  /* Keep the objects: update them in place, then put them in the new array. */
  ids = g_new (gint64, MAX (n_old, 1));
  for (guint i = 0; i < n_old; i++)
    {
      ids[i] = id_at (old, i);
      g_hash_table_insert (by_id, &ids[i], g_ptr_array_index (old, i));
    }

  for (guint i = 0; i < n_new; i++)
    {
      SpRecord *record = g_ptr_array_index (fresh, i);
      gint64 id = sp_record_get_id (record);
      SpRecord *kept = g_hash_table_lookup (by_id, &id);

      if (kept != NULL)
        {
          sp_record_assign (kept, record);
          g_ptr_array_index (fresh, i) = g_object_ref (kept);
          g_object_unref (record);
        }
    }

  self->items = g_ptr_array_ref (fresh);
  g_ptr_array_unref (old);

  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
on_database_changed_cb (SpDatabase    *database,
                        const char   **tables,
                        SpRecordList  *self)
{
  for (guint i = 0; tables[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) self->tables, tables[i]))
      {
        sp_record_list_reload (self);
        return;
      }
}

static void
sp_record_list_dispose (GObject *object)
{
  SpRecordList *self = SP_RECORD_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->database);
  g_clear_object (&self->database);
  if (self->destroy != NULL)
    g_clear_pointer (&self->user_data, self->destroy);

  G_OBJECT_CLASS (sp_record_list_parent_class)->dispose (object);
}

static void
sp_record_list_finalize (GObject *object)
{
  SpRecordList *self = SP_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_strfreev);

  G_OBJECT_CLASS (sp_record_list_parent_class)->finalize (object);
}

static void
sp_record_list_class_init (SpRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_record_list_dispose;
  object_class->finalize = sp_record_list_finalize;
}

static void
sp_record_list_init (SpRecordList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sp_record_list_new:
 * @database: the database
 * @item_type: the #SpRecord subtype of the items
 * @tables: the tables whose changes make the list reload
 * @load: loads the items in order
 * @user_data: for @load (e.g. the year)
 * @destroy: (nullable): frees @user_data
 *
 * Returns: (transfer full): the list, loaded
 */
SpRecordList *
sp_record_list_new (SpDatabase         *database,
                    GType               item_type,
                    const char * const *tables,
                    SpRecordLoadFunc    load,
                    gpointer            user_data,
                    GDestroyNotify      destroy)
{
  SpRecordList *self;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, SP_TYPE_RECORD), NULL);
  g_return_val_if_fail (tables != NULL && load != NULL, NULL);

  self = g_object_new (SP_TYPE_RECORD_LIST, NULL);
  self->database = g_object_ref (database);
  self->item_type = item_type;
  self->tables = g_strdupv ((char **) tables);
  self->load = load;
  self->user_data = user_data;
  self->destroy = destroy;
  self->changed_id = g_signal_connect (database, "changed",
                                       G_CALLBACK (on_database_changed_cb), self);
  sp_record_list_reload (self);
  return self;
}

/**
 * sp_record_list_reload:
 *
 * Loads the rows again and reports what changed. A failure to load (the file
 * went away) keeps the rows shown and is logged.
 */
void
sp_record_list_reload (SpRecordList *self)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_RECORD_LIST (self));

  fresh = self->load (self->database, self->user_data, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not load a list: %s", error != NULL ? error->message : "?");
      return;
    }
  merge (self, fresh);
}

/**
 * sp_record_list_find:
 * @position: (out) (optional): where the record is
 *
 * Returns: (transfer none) (nullable): the record with @id
 */
gpointer
sp_record_list_find (SpRecordList *self,
                     gint64        id,
                     guint        *position)
{
  g_return_val_if_fail (SP_IS_RECORD_LIST (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (id_at (self->items, i) == id)
      {
        if (position != NULL)
          *position = i;
        return g_ptr_array_index (self->items, i);
      }
  return NULL;
}
