/* sp-sidebar-pane.c: a sidebar the user can widen by dragging its edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list beside an editor, in the first page of an #AdwLeaflet. Its end
 * edge is a handle (a line with a few pixels to grab it by): dragging it
 * sets #SpSidebarPane:position, the width the sidebar asks for. That width
 * is its natural width only: its minimum stays the child's, so the leaflet
 * still folds where the child and the editor no longer fit side by side,
 * and in a window too narrow for the chosen width the sidebar gives way
 * before the editor does. A double click on the handle goes back to the
 * child's own width.
 */
#include "config.h"

#include "sp-sidebar-pane.h"

/* Pixels of the handle: the line and the room to grab it by. */
#define HANDLE_WIDTH 6

struct _SpSidebarPane
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  GtkWidget *handle;
  int        position;       /* -1: the child's natural width */
  int        drag_start;     /* the width when a drag began */
};

G_DEFINE_FINAL_TYPE (SpSidebarPane, sp_sidebar_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_sidebar_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SpSidebarPane *self = SP_SIDEBAR_PANE (widget);
  int child_min = 0, child_nat = 0;

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_measure (self->child, orientation,
                        orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0
                          ? MAX (0, for_size - HANDLE_WIDTH) : for_size,
                        &child_min, &child_nat, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = child_min + HANDLE_WIDTH;
      *natural = (self->position >= 0 ? MAX (child_min, self->position) : child_nat) + HANDLE_WIDTH;
    }
  else
    {
      *minimum = child_min;
      *natural = child_nat;
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
sp_sidebar_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SpSidebarPane *self = SP_SIDEBAR_PANE (widget);
  int child_width = MAX (0, width - HANDLE_WIDTH);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_size_allocate (self->child,
                              &(GtkAllocation) { rtl ? HANDLE_WIDTH : 0, 0, child_width, height }, -1);
  gtk_widget_size_allocate (self->handle,
                            &(GtkAllocation) { rtl ? 0 : child_width, 0, HANDLE_WIDTH, height }, -1);
}

static GtkSizeRequestMode
sp_sidebar_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The widest the sidebar may become: what leaves the leaflet's other pages
 * their minimum, so that dragging never folds the leaflet. */
static int
widest (SpSidebarPane *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  int others = 0;

  if (parent == NULL)
    return G_MAXINT;
  for (GtkWidget *sibling = gtk_widget_get_first_child (parent);
       sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (sibling != GTK_WIDGET (self) && gtk_widget_get_visible (sibling))
      {
        int min = 0;

        gtk_widget_measure (sibling, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        others += min;
      }
  return gtk_widget_get_width (parent) - others - HANDLE_WIDTH;
}

static void
on_drag_begin_cb (SpSidebarPane  *self,
                  double          x,
                  double          y,
                  GtkGestureDrag *gesture)
{
  self->drag_start = self->child != NULL ? gtk_widget_get_width (self->child) : 0;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (SpSidebarPane  *self,
                   double          offset_x,
                   double          offset_y,
                   GtkGestureDrag *gesture)
{
  int min = 0;
  int width;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    offset_x = -offset_x;
  if (self->child != NULL)
    gtk_widget_measure (self->child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  width = CLAMP (self->drag_start + (int) offset_x, min, MAX (min, widest (self)));
  sp_sidebar_pane_set_position (self, width);
}

static void
on_handle_pressed_cb (SpSidebarPane   *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  if (n_press == 2)
    sp_sidebar_pane_set_position (self, -1);
}

static void
sp_sidebar_pane_dispose (GObject *object)
{
  SpSidebarPane *self = SP_SIDEBAR_PANE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  g_clear_pointer (&self->handle, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_sidebar_pane_parent_class)->dispose (object);
}

static void
sp_sidebar_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpSidebarPane *self = SP_SIDEBAR_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sidebar_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpSidebarPane *self = SP_SIDEBAR_PANE (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      sp_sidebar_pane_set_child (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      sp_sidebar_pane_set_position (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_sidebar_pane_class_init (SpSidebarPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_sidebar_pane_dispose;
  object_class->get_property = sp_sidebar_pane_get_property;
  object_class->set_property = sp_sidebar_pane_set_property;
  widget_class->measure = sp_sidebar_pane_measure;
  widget_class->size_allocate = sp_sidebar_pane_size_allocate;
  widget_class->get_request_mode = sp_sidebar_pane_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The width the sidebar asks for, without its handle; -1: the child's own. */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "sp-sidebar-pane");
}

static void
sp_sidebar_pane_init (SpSidebarPane *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *line = gtk_separator_new (GTK_ORIENTATION_VERTICAL);

  self->position = -1;

  /* The line at the end, next to the editor; the room to grab it by on the
   * sidebar's side, where it looks like the sidebar. */
  self->handle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (line, GTK_ALIGN_END);
  gtk_widget_set_hexpand (line, TRUE);
  gtk_box_append (GTK_BOX (self->handle), line);
  /* The line fills the handle to lie at its end; the sidebar does not expand for it. */
  gtk_widget_set_hexpand (self->handle, FALSE);
  gtk_widget_set_cursor_from_name (self->handle, "col-resize");
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_handle_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->handle, GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
sp_sidebar_pane_new (void)
{
  return g_object_new (SP_TYPE_SIDEBAR_PANE, NULL);
}

GtkWidget *
sp_sidebar_pane_get_child (SpSidebarPane *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR_PANE (self), NULL);

  return self->child;
}

void
sp_sidebar_pane_set_child (SpSidebarPane *self,
                           GtkWidget     *child)
{
  g_return_if_fail (SP_IS_SIDEBAR_PANE (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_insert_before (child, GTK_WIDGET (self), self->handle);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

int
sp_sidebar_pane_get_position (SpSidebarPane *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR_PANE (self), -1);

  return self->position;
}

/**
 * sp_sidebar_pane_set_position:
 * @position: the width the sidebar asks for, without its handle; -1 for
 *   the child's natural width
 */
void
sp_sidebar_pane_set_position (SpSidebarPane *self,
                              int            position)
{
  g_return_if_fail (SP_IS_SIDEBAR_PANE (self));

  position = MAX (position, -1);
  if (self->position == position)
    return;
  self->position = position;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/* The edge the user drags: for tests. */
GtkWidget *
sp_sidebar_pane_get_handle (SpSidebarPane *self)
{
  g_return_val_if_fail (SP_IS_SIDEBAR_PANE (self), NULL);

  return self->handle;
}
