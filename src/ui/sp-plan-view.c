/* sp-plan-view.c: a tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every tab has: the page's database and year, which it loads its
 * lists for, and whether the plan can be changed (a draft in a writable
 * file), which its editors and actions follow. The page binds them.
 */
#include "config.h"

#include "sp-plan-view.h"
#include "sp-limits.h"

typedef struct
{
  SpDatabase *database;
  int         year;
  gboolean    editable;
} SpPlanViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpPlanView, sp_plan_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
flush (SpPlanView *self)
{
  if (SP_PLAN_VIEW_GET_CLASS (self)->flush != NULL)
    SP_PLAN_VIEW_GET_CLASS (self)->flush (self);
}

static void
reload (SpPlanView *self)
{
  if (SP_PLAN_VIEW_GET_CLASS (self)->reload != NULL)
    SP_PLAN_VIEW_GET_CLASS (self)->reload (self);
}

static void
sp_plan_view_dispose (GObject *object)
{
  SpPlanView *self = SP_PLAN_VIEW (object);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (sp_plan_view_parent_class)->dispose (object);
}

static void
sp_plan_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (SP_PLAN_VIEW (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, priv->year);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, priv->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPlanView *self = SP_PLAN_VIEW (object);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DATABASE:
      if (priv->database == g_value_get_object (value))
        return;
      flush (self);
      g_set_object (&priv->database, g_value_get_object (value));
      reload (self);
      break;
    case PROP_YEAR:
      if (priv->year == g_value_get_int (value))
        return;
      flush (self);
      priv->year = g_value_get_int (value);
      reload (self);
      break;
    case PROP_EDITABLE:
      if (priv->editable == g_value_get_boolean (value))
        return;
      priv->editable = g_value_get_boolean (value);
      if (SP_PLAN_VIEW_GET_CLASS (self)->editable_changed != NULL)
        SP_PLAN_VIEW_GET_CLASS (self)->editable_changed (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
sp_plan_view_class_init (SpPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_plan_view_dispose;
  object_class->get_property = sp_plan_view_get_property;
  object_class->set_property = sp_plan_view_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, SP_YEAR_MIN, SP_YEAR_MAX, 2000,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_plan_view_init (SpPlanView *self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  priv->year = 2000;
}

SpDatabase *
sp_plan_view_get_database (gpointer self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (self), NULL);
  return priv->database;
}

int
sp_plan_view_get_year (gpointer self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (self), 0);
  return priv->year;
}

gboolean
sp_plan_view_get_editable (gpointer self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (self), FALSE);
  return priv->editable;
}
