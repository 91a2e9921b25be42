/* sp-plan-row.c: a row of the plan's lists, holding the item it shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows its item's text (and a detail line, e.g. a goal's kind),
 * follows the item's changes, and can be dragged onto another row of its
 * list: the "dropped" signal then asks the list's view to move the dragged
 * item there. A click on a row shows its editor when the list and the
 * editor do not fit side by side.
 */
#include "config.h"

#include <adwaita.h>

#include "sp-plan-row.h"

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-goal.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-widget-util.h"

struct _SpPlanRow
{
  GtkWidget            parent_instance;

  GObject             *item;
  SpPlanRowFormatFunc  format;
  gboolean             draggable;

  GtkTreeExpander     *expander;
  GtkLabel            *title_label;
  GtkLabel            *detail_label;
};

G_DEFINE_FINAL_TYPE (SpPlanRow, sp_plan_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAGGABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What sp_plan_row_factory_new() makes the rows of one list with. */
typedef struct
{
  GObject             *view;
  gboolean             in_tree;
  SpPlanRowFormatFunc  format;
  GCallback            dropped;
} FactoryData;

/* GtkListView's rows (GTK 4.8) take no name from their child: give them one. */
static void
set_row_accessible_label (GtkWidget  *child,
                          const char *text)
{
  GtkWidget *widget = child;

  for (int depth = 0; depth < 3 && widget != NULL; depth++, widget = gtk_widget_get_parent (widget))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      {
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        return;
      }
}

static void
on_item_notify_cb (SpPlanRow  *self,
                   GParamSpec *pspec,
                   GObject    *item)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;

  self->format (item, &title, &detail, &accessible);
  gtk_label_set_text (self->title_label, title);
  sp_widget_set_tooltip_lazily (GTK_WIDGET (self->title_label), title);
  gtk_label_set_text (self->detail_label, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL);
  set_row_accessible_label (GTK_WIDGET (self), accessible != NULL ? accessible : title);
}

static GdkContentProvider *
on_drag_prepare_cb (SpPlanRow     *self,
                    double         x,
                    double         y,
                    GtkDragSource *source)
{
  if (self->item == NULL || !self->draggable)
    return NULL;
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (self->item), self->item);
}

static void
on_drag_begin_cb (SpPlanRow     *self,
                  GdkDrag       *drag,
                  GtkDragSource *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
on_drop_cb (SpPlanRow     *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GObject *dragged = G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;
  gboolean handled = FALSE;

  if (!self->draggable || !SP_IS_RECORD (dragged) || !SP_IS_RECORD (self->item) || dragged == self->item ||
      G_OBJECT_TYPE (dragged) != G_OBJECT_TYPE (self->item))
    return FALSE;
  g_signal_emit (self, signals[DROPPED], 0, dragged, &handled);
  return handled;
}

static void
on_click_released_cb (SpPlanRow       *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_LEAFLET);

  if (leaflet != NULL && adw_leaflet_get_folded (ADW_LEAFLET (leaflet)))
    adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     FactoryData              *data)
{
  GtkWidget *row = sp_plan_row_new (data->in_tree, data->format);

  g_object_bind_property (data->view, "editable", row, "draggable", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (row, "dropped", data->dropped, data->view, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    FactoryData              *data)
{
  SpPlanRow *row = SP_PLAN_ROW (gtk_list_item_get_child (list_item));

  if (data->in_tree)
    sp_plan_row_set_list_row (row, gtk_list_item_get_item (list_item));
  else
    sp_plan_row_set_item (row, gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      FactoryData              *data)
{
  SpPlanRow *row = SP_PLAN_ROW (gtk_list_item_get_child (list_item));

  if (data->in_tree)
    sp_plan_row_set_list_row (row, NULL);
  else
    sp_plan_row_set_item (row, NULL);
}

static void
factory_data_free (gpointer data,
                   GClosure *closure)
{
  g_free (data);
}

static void
sp_plan_row_dispose (GObject *object)
{
  SpPlanRow *self = SP_PLAN_ROW (object);
  GtkWidget *child;

  sp_plan_row_set_item (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sp_plan_row_parent_class)->dispose (object);
}

static void
sp_plan_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpPlanRow *self = SP_PLAN_ROW (object);

  switch (prop_id)
    {
    case PROP_DRAGGABLE:
      g_value_set_boolean (value, self->draggable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpPlanRow *self = SP_PLAN_ROW (object);

  switch (prop_id)
    {
    case PROP_DRAGGABLE:
      sp_plan_row_set_draggable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_row_class_init (SpPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_row_dispose;
  object_class->get_property = sp_plan_row_get_property;
  object_class->set_property = sp_plan_row_set_property;

  properties[PROP_DRAGGABLE] =
    g_param_spec_boolean ("draggable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpPlanRow::dropped:
   * @dragged: the item dragged onto this row, of the same type as its item
   *
   * Returns: %TRUE if the dragged item was moved
   */
  signals[DROPPED] =
    g_signal_new ("dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_plan_row_init (SpPlanRow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE);
  GType types[] = { SP_TYPE_SECTION, SP_TYPE_GOAL, SP_TYPE_TARGET_GROUP, SP_TYPE_AREA_GROUP, SP_TYPE_AREA };

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_swapped (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_swapped (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

/**
 * sp_plan_row_new:
 * @in_tree: whether the row is in a tree list (with an expander)
 * @format: makes the row's texts from its item
 */
GtkWidget *
sp_plan_row_new (gboolean            in_tree,
                 SpPlanRowFormatFunc format)
{
  SpPlanRow *self = g_object_new (SP_TYPE_PLAN_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  /* In the middle of the row's height, as a label alone is. */
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  /* As wide as the row: a name wraps at the list's width, however wide the user made it. */
  gtk_widget_set_hexpand (box, TRUE);
  self->format = format;
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  /* A long name (a section's, an area group's) is shown whole, on more lines. */
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (self->title_label, GTK_NATURAL_WRAP_WORD);
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));

  if (in_tree)
    {
      self->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
      gtk_tree_expander_set_child (self->expander, box);
      gtk_widget_set_parent (GTK_WIDGET (self->expander), GTK_WIDGET (self));
    }
  else
    gtk_widget_set_parent (box, GTK_WIDGET (self));
  return GTK_WIDGET (self);
}

/**
 * sp_plan_row_factory_new:
 * @view: the view of the list: the rows can be dragged while its "editable" is %TRUE
 * @in_tree: whether the list is a tree list (its items are #GtkTreeListRow)
 * @format: makes a row's texts from its item
 * @dropped: the view's handler of a row's #SpPlanRow::dropped, called as
 *   `gboolean dropped (view, GObject *dragged, SpPlanRow *row)`
 *
 * The rows of a list of the plan: each made with sp_plan_row_new() and
 * showing its list item. The factory does not hold @view, which holds it.
 *
 * Returns: (transfer full): a new factory
 */
GtkListItemFactory *
sp_plan_row_factory_new (GObject             *view,
                         gboolean             in_tree,
                         SpPlanRowFormatFunc  format,
                         GCallback            dropped)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  FactoryData *data = g_new0 (FactoryData, 1);

  data->view = view;
  data->in_tree = in_tree;
  data->format = format;
  data->dropped = dropped;
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_factory_setup_cb), data, factory_data_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), data);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), data);
  return factory;
}

GObject *
sp_plan_row_get_item (SpPlanRow *self)
{
  g_return_val_if_fail (SP_IS_PLAN_ROW (self), NULL);
  return self->item;
}

/* Shows @item (or nothing) and follows its changes. */
void
sp_plan_row_set_item (SpPlanRow *self,
                      GObject   *item)
{
  g_return_if_fail (SP_IS_PLAN_ROW (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, on_item_notify_cb, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self, G_CONNECT_SWAPPED);
      on_item_notify_cb (self, NULL, item);
    }
}

/* In a tree list: shows the item of @list_row, an area group as a heading. */
void
sp_plan_row_set_list_row (SpPlanRow      *self,
                          GtkTreeListRow *list_row)
{
  g_autoptr(GObject) item = list_row != NULL ? gtk_tree_list_row_get_item (list_row) : NULL;

  g_return_if_fail (SP_IS_PLAN_ROW (self) && self->expander != NULL);

  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (SP_IS_AREA_GROUP (item))
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
  sp_plan_row_set_item (self, item);
}

gboolean
sp_plan_row_get_draggable (SpPlanRow *self)
{
  g_return_val_if_fail (SP_IS_PLAN_ROW (self), FALSE);
  return self->draggable;
}

/* Whether the row can be dragged and dropped onto: while the plan can be changed. */
void
sp_plan_row_set_draggable (SpPlanRow *self,
                           gboolean   draggable)
{
  g_return_if_fail (SP_IS_PLAN_ROW (self));

  draggable = !!draggable;
  if (self->draggable == draggable)
    return;
  self->draggable = draggable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGABLE]);
}
