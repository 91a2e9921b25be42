/* sp-record.c: a row of the database as an object, with its id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are snapshots: a model loads them and, when the database changes,
 * loads them again and assigns the new values to the objects it already
 * shows, so that a widget bound to a record sees only the properties that
 * really changed.
 */
#include "config.h"

#include "sp-record.h"

typedef struct
{
  gint64 id;
} SpRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (SpRecord, sp_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpRecordPrivate *priv = sp_record_get_instance_private (SP_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpRecordPrivate *priv = sp_record_get_instance_private (SP_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_record_class_init (SpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sp_record_get_property;
  object_class->set_property = sp_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_record_init (SpRecord *self)
{
}

gint64
sp_record_get_id (SpRecord *self)
{
  SpRecordPrivate *priv;

  g_return_val_if_fail (SP_IS_RECORD (self), 0);
  priv = sp_record_get_instance_private (self);
  return priv->id;
}

/**
 * sp_record_assign:
 * @self: the record shown
 * @other: a fresh copy of the same row, of the same type
 *
 * Copies every writable property that differs, each with its own notify.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
sp_record_assign (SpRecord *self,
                  SpRecord *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  gboolean changed = FALSE;
  guint n_pspecs;

  g_return_val_if_fail (SP_IS_RECORD (self), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) mine = G_VALUE_INIT;
      g_auto(GValue) theirs = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_WRITABLE) == 0 ||
          (pspec->flags & (G_PARAM_CONSTRUCT_ONLY)) != 0)
        continue;

      g_value_init (&mine, pspec->value_type);
      g_value_init (&theirs, pspec->value_type);
      g_object_get_property (G_OBJECT (self), pspec->name, &mine);
      g_object_get_property (G_OBJECT (other), pspec->name, &theirs);
      if (g_param_values_cmp (pspec, &mine, &theirs) != 0)
        {
          /* Records with explicit notify may not notify in set_property;
           * freezing merges this with any notify they do send. */
          g_object_set_property (G_OBJECT (self), pspec->name, &theirs);
          g_object_notify_by_pspec (G_OBJECT (self), pspec);
          changed = TRUE;
        }
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}

/**
 * sp_enum_get_nick:
 *
 * Our enums are registered with the words the database stores as their
 * nicks ("municipality", "adopted"…): this is the word for @value.
 *
 * Returns: the nick, or "" for a value the type does not have
 */
const char *
sp_enum_get_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = g_enum_get_value (klass, value);

  g_return_val_if_fail (found != NULL, "");
  return found->value_nick;
}

/**
 * sp_enum_from_nick:
 * @value: (out): the value stored as @nick
 *
 * Returns: %FALSE when @nick is not a word of @enum_type
 */
gboolean
sp_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *found = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}
