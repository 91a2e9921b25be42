/* sp-plan-view.c: a tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every tab has: the page's database and year, which it loads its
 * lists for, and whether the plan can be changed (a draft in a writable
 * file), which its editors and actions follow. The page binds them.
 *
 * What every tab with a list and an editor shares (sections, goals, target
 * groups, activity areas): the list's selection and rows, which can be
 * dragged to another place; the editor of the record picked, beside the
 * list or, in a narrow window, instead of it (an AdwLeaflet); moving the
 * record up and down. A tab hands its widgets over with
 * sp_plan_view_set_list() and sp_plan_view_set_editor(), and says in its
 * class what differs: how a record is shown, found and moved.
 *
 * An editor may offer choices made of other lists (a goal's activity area
 * and project, an area's group): they are made when the tab is first shown,
 * and again after any edit or undo, which may have renamed one.
 */
#include "config.h"

#include "sp-plan-view.h"
#include "sp-history.h"
#include "sp-limits.h"
#include "sp-plan-common.h"
#include "sp-sidebar-pane.h"

typedef struct
{
  SpDatabase         *database;
  int                 year;
  gboolean            editable;

  /* A tab with a list: its selection, the record picked in it (shown in the
   * editor), and whether changes of the selection are not shown yet. */
  GtkSingleSelection *selection;
  SpRecord           *record;
  gboolean            frozen;

  /* The choices of the editor: made, and watching the edits for a change. */
  gboolean            choices_ready;
  SpHistory          *history;
  guint               history_idle_id;

  /* Not owned: the tab's template widgets. */
  GtkListView        *list_view;
  AdwLeaflet         *leaflet;
  GtkWidget          *editor;
  GtkWidget          *first_field;

  /* The width the user gave the list, kept between runs. */
  GSettings          *settings;
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
fill_choices (SpPlanView *self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);
  gboolean frozen = priv->frozen;

  priv->frozen = TRUE;
  SP_PLAN_VIEW_GET_CLASS (self)->fill_choices (self);
  priv->frozen = frozen;
  priv->choices_ready = TRUE;
}

static gboolean
on_history_idle_cb (gpointer user_data)
{
  SpPlanView *self = SP_PLAN_VIEW (user_data);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  priv->history_idle_id = 0;
  sp_plan_view_update_choices (self);
  SP_PLAN_VIEW_GET_CLASS (self)->load_record (self);
  return G_SOURCE_REMOVE;
}

/* After any edit or undo: names in the choices may have changed without
 * their lists changing. The history notifies several properties per edit:
 * look once. */
static void
on_history_notify_cb (SpPlanView *self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  if (priv->history_idle_id == 0)
    priv->history_idle_id = g_idle_add (on_history_idle_cb, self);
}

/* A tab with choices watches the edits of its database. */
static void
watch_history (SpPlanView *self)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  if (priv->history != NULL)
    g_signal_handlers_disconnect_by_data (priv->history, self);
  g_clear_object (&priv->history);
  if (priv->database != NULL && SP_PLAN_VIEW_GET_CLASS (self)->fill_choices != NULL)
    {
      priv->history = g_object_ref (sp_database_get_history (priv->database));
      g_signal_connect_object (priv->history, "notify", G_CALLBACK (on_history_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static gboolean
find_position (SpPlanView *self,
               SpRecord   *record,
               guint      *position)
{
  return SP_PLAN_VIEW_GET_CLASS (self)->find_position != NULL &&
         SP_PLAN_VIEW_GET_CLASS (self)->find_position (self, record, position);
}

/* Moves @dragged to the place of @onto. */
static gboolean
sp_plan_view_real_dropped (SpPlanView *self,
                           SpRecord   *dragged,
                           SpRecord   *onto)
{
  guint position;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (dragged, SP_PLAN_VIEW_GET_CLASS (self)->record_type) ||
      !find_position (self, onto, &position))
    return FALSE;
  sp_plan_view_move_record (self, dragged, position);
  return TRUE;
}

static gboolean
on_row_dropped_cb (SpPlanView *self,
                   GObject    *dragged,
                   SpPlanRow  *row)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  if (!priv->editable || priv->database == NULL)
    return FALSE;
  return SP_PLAN_VIEW_GET_CLASS (self)->dropped (self, SP_RECORD (dragged), SP_RECORD (sp_plan_row_get_item (row)));
}

static void
on_list_view_activate_cb (SpPlanView *self,
                          guint       position)
{
  sp_plan_view_show_editor (self, NULL);
}

static void
on_move_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpPlanView *self = SP_PLAN_VIEW (widget);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);
  gboolean up = g_str_equal (action_name, "plan.move-up");
  guint position;

  if (priv->database == NULL || priv->record == NULL || !priv->editable ||
      !find_position (self, priv->record, &position) || (up && position == 0))
    return;
  sp_plan_view_move_record (self, priv->record, up ? position - 1 : position + 1);
}

static void
sp_plan_view_dispose (GObject *object)
{
  SpPlanView *self = SP_PLAN_VIEW (object);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);
  GtkWidget *child;

  priv->frozen = TRUE;
  g_clear_handle_id (&priv->history_idle_id, g_source_remove);
  if (priv->history != NULL)
    g_signal_handlers_disconnect_by_data (priv->history, self);
  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&priv->record);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->history);
  g_clear_object (&priv->database);
  g_clear_object (&priv->settings);

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
      watch_history (self);
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

/* The choices are made when the tab is first shown. */
static void
sp_plan_view_map (GtkWidget *widget)
{
  SpPlanView *self = SP_PLAN_VIEW (widget);
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (self);

  GTK_WIDGET_CLASS (sp_plan_view_parent_class)->map (widget);
  if (SP_PLAN_VIEW_GET_CLASS (self)->fill_choices != NULL && !priv->choices_ready)
    {
      fill_choices (self);
      SP_PLAN_VIEW_GET_CLASS (self)->load_record (self);
    }
}

static void
sp_plan_view_class_init (SpPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_plan_view_dispose;
  object_class->get_property = sp_plan_view_get_property;
  object_class->set_property = sp_plan_view_set_property;
  widget_class->map = sp_plan_view_map;
  klass->record_type = SP_TYPE_RECORD;
  klass->dropped = sp_plan_view_real_dropped;
  g_type_ensure (SP_TYPE_SIDEBAR_PANE);

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
  priv->selection = gtk_single_selection_new (NULL);
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

/**
 * sp_plan_view_class_install_move_actions:
 *
 * Installs `plan.move-up` and `plan.move-down`, which move the record
 * picked among its siblings (see #SpPlanViewClass.find_position and
 * #SpPlanViewClass.move_record).
 */
void
sp_plan_view_class_install_move_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, on_move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, on_move_action_cb);
}

/**
 * sp_plan_view_set_list:
 * @list_view: the tab's list: it shows the view's selection
 * @in_tree: whether the selection's model is a #GtkTreeListModel
 * @format: makes a row's texts from its record
 *
 * Makes @list_view the tab's list, with rows that can be dragged to another
 * place while the plan can be changed, Delete for `plan.delete`, and Enter
 * or a double click showing the editor. From now on a change of the
 * selection shows its record with #SpPlanViewClass.show_record.
 */
void
sp_plan_view_set_list (gpointer             view,
                       GtkListView         *list_view,
                       gboolean             in_tree,
                       SpPlanRowFormatFunc  format)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (SP_IS_PLAN_VIEW (view));

  factory = sp_plan_row_factory_new (G_OBJECT (view), in_tree, format, G_CALLBACK (on_row_dropped_cb));
  priv->list_view = list_view;
  gtk_list_view_set_factory (list_view, factory);
  g_signal_connect_object (priv->selection, "notify::selected-item",
                           G_CALLBACK (sp_plan_view_sync_editor), view, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (priv->selection));
  sp_plan_add_list_shortcuts (GTK_WIDGET (list_view));
  g_signal_connect_object (list_view, "activate", G_CALLBACK (on_list_view_activate_cb), view, G_CONNECT_SWAPPED);
}

/* The list's width, as the user dragged it, is one for all the tabs and is
 * kept in the settings (when they are installed: not in every test). */
static void
bind_sidebar_width (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "plan-sidebar-width"))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (priv->leaflet));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SP_IS_SIDEBAR_PANE (child))
      {
        if (priv->settings == NULL)
          priv->settings = g_settings_new (BASE_ID);
        g_settings_bind (priv->settings, "plan-sidebar-width", child, "position", G_SETTINGS_BIND_DEFAULT);
      }
}

/**
 * sp_plan_view_set_editor:
 * @leaflet: holds the list and @editor
 * @editor: the editor of the record picked
 * @first_field: where the focus goes when the editor is shown
 */
void
sp_plan_view_set_editor (gpointer    view,
                         AdwLeaflet *leaflet,
                         GtkWidget  *editor,
                         GtkWidget  *first_field)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_if_fail (SP_IS_PLAN_VIEW (view));

  priv->leaflet = leaflet;
  priv->editor = editor;
  priv->first_field = first_field;
  sp_plan_status_pages_wrap_words (GTK_WIDGET (view));
  bind_sidebar_width (view);
}

/**
 * sp_plan_view_get_selection:
 *
 * The selection of the tab's list. Its model is the tab's: a list of
 * records, or a #GtkTreeListModel of them.
 *
 * Returns: (transfer none): the selection
 */
GtkSingleSelection *
sp_plan_view_get_selection (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (view), NULL);
  return priv->selection;
}

/* Selects the record of @type with @id in the list, if it is there. */
gboolean
sp_plan_view_select (gpointer view,
                     GType    type,
                     gint64   id)
{
  g_return_val_if_fail (SP_IS_PLAN_VIEW (view), FALSE);
  return sp_plan_select_id (sp_plan_view_get_selection (view), type, id);
}

/**
 * sp_plan_view_get_frozen:
 *
 * Whether the editor is frozen: it does not follow the selection, and the
 * editor's fields do not store what they show (while they are loaded).
 */
gboolean
sp_plan_view_get_frozen (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (view), FALSE);
  return priv->frozen;
}

void
sp_plan_view_set_frozen (gpointer view,
                         gboolean frozen)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_if_fail (SP_IS_PLAN_VIEW (view));
  priv->frozen = frozen;
}

/* Shows the record picked in the list (an area group or an area in a tree
 * list) in the editor, unless the editor is frozen. */
void
sp_plan_view_sync_editor (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);
  g_autoptr(GObject) item = NULL;
  gpointer selected;

  g_return_if_fail (SP_IS_PLAN_VIEW (view));

  if (priv->frozen)
    return;
  selected = gtk_single_selection_get_selected_item (priv->selection);
  if (GTK_IS_TREE_LIST_ROW (selected))
    item = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (selected));
  else if (selected != NULL)
    item = g_object_ref (selected);
  g_set_object (&priv->record, (SP_IS_RECORD (item) ? SP_RECORD (item) : NULL));
  SP_PLAN_VIEW_GET_CLASS (view)->show_record (view, priv->record);
}

/**
 * sp_plan_view_enable_actions:
 * @editable: whether the plan can be changed now
 * @selected: whether a record is picked, too
 *
 * Enables what every tab with a list has: `plan.add` while the plan can be
 * changed, `plan.delete`, `plan.move-up` and `plan.move-down` while a
 * record is picked too.
 */
void
sp_plan_view_enable_actions (gpointer view,
                             gboolean editable,
                             gboolean selected)
{
  GtkWidget *widget = GTK_WIDGET (view);

  gtk_widget_action_set_enabled (widget, "plan.add", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete", selected);
  gtk_widget_action_set_enabled (widget, "plan.move-up", selected);
  gtk_widget_action_set_enabled (widget, "plan.move-down", selected);
}

/**
 * sp_plan_view_show_editor:
 * @field: (nullable): the field to put the focus in, or %NULL for the first
 *
 * Shows the editor, instead of the list when they do not fit side by side.
 */
void
sp_plan_view_show_editor (gpointer   view,
                          GtkWidget *field)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_if_fail (SP_IS_PLAN_VIEW (view));

  adw_leaflet_set_visible_child (priv->leaflet, priv->editor);
  field = field != NULL ? field : priv->first_field;
  gtk_widget_grab_focus (field);
  /* Typing replaces the text: a new record's name is only a placeholder. */
  sp_plan_select_all (field);
}

/* Goes back from the editor to the list (the editor's Back button): what
 * was typed is stored first. */
void
sp_plan_view_show_list (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_if_fail (SP_IS_PLAN_VIEW (view));

  flush (view);
  adw_leaflet_navigate (priv->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (priv->list_view));
}

/**
 * sp_plan_view_move_record:
 * @record: a record of the list
 * @new_index: its new place among its siblings
 *
 * Moves @record with #SpPlanViewClass.move_record and keeps it selected;
 * a refusal is shown above the plan.
 */
void
sp_plan_view_move_record (gpointer  view,
                          SpRecord *record,
                          guint     new_index)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecord) keep = NULL;
  gint64 id;
  gboolean ok;

  g_return_if_fail (SP_IS_PLAN_VIEW (view) && SP_IS_RECORD (record));

  keep = g_object_ref (record);
  id = sp_record_get_id (record);
  flush (view);
  priv->frozen = TRUE;
  ok = SP_PLAN_VIEW_GET_CLASS (view)->move_record (view, record, new_index, &error);
  sp_plan_view_select (view, G_OBJECT_TYPE (record), id);
  priv->frozen = FALSE;

  if (!ok && error != NULL)
    sp_plan_show_message (GTK_WIDGET (view), error->message);
  sp_plan_view_sync_editor (view);
  gtk_widget_grab_focus (GTK_WIDGET (priv->list_view));
}

/**
 * sp_plan_view_ensure_choices:
 *
 * Makes the choices of the editor (#SpPlanViewClass.fill_choices) if they
 * are not made yet and the tab is on screen.
 *
 * Returns: whether the choices are made
 */
gboolean
sp_plan_view_ensure_choices (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_val_if_fail (SP_IS_PLAN_VIEW (view) && SP_PLAN_VIEW_GET_CLASS (view)->fill_choices != NULL, FALSE);

  if (!priv->choices_ready && gtk_widget_get_mapped (GTK_WIDGET (view)))
    fill_choices (view);
  return priv->choices_ready;
}

/* The choices may have changed: made again now if they are on screen,
 * otherwise when they come there. */
void
sp_plan_view_update_choices (gpointer view)
{
  SpPlanViewPrivate *priv = sp_plan_view_get_instance_private (view);

  g_return_if_fail (SP_IS_PLAN_VIEW (view) && SP_PLAN_VIEW_GET_CLASS (view)->fill_choices != NULL);

  priv->choices_ready = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (view)))
    fill_choices (view);
}
