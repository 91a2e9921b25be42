/* sp-plan-areas-view.c: the Activity Areas tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's groups of activity areas and their areas, as a tree, and the
 * editor of the group or area picked. The budget lines are kept by area.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-areas-view.h"

#include "sp-error.h"
#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-edit-row.h"
#include "sp-plan-common.h"
#include "sp-plan-row.h"

struct _SpPlanAreasView
{
  SpPlanView           parent_instance;


  SpRecordList        *area_groups;
  /* The group or the area in the editor. */
  SpRecord            *item;
  GArray              *group_ids;

  /* Template widgets */
  AdwLeaflet          *areas_leaflet;
  GtkStack            *areas_list_stack;
  GtkListView         *areas_view;
  GtkStack            *area_editor_stack;
  AdwPreferencesGroup *area_group;
  SpEditRow           *area_name_row;
  AdwComboRow         *area_group_row;
  GtkLabel            *area_error_label;
};

G_DEFINE_FINAL_TYPE (SpPlanAreasView, sp_plan_areas_view, SP_TYPE_PLAN_VIEW)

/* Helpers */

static gboolean
has_groups (SpPlanAreasView *self)
{
  return self->area_groups != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->area_groups)) > 0;
}

static void
update_actions (SpPlanAreasView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = sp_plan_view_get_editable (self) && sp_plan_view_get_database (self) != NULL;
  gboolean selected = editable && self->item != NULL;

  gtk_widget_action_set_enabled (widget, "plan.add-area-group", editable);
  gtk_widget_action_set_enabled (widget, "plan.add-area", editable && has_groups (self));
  gtk_widget_action_set_enabled (widget, "plan.delete-area", selected);
  sp_plan_view_enable_actions (self, editable, selected);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_group), editable);
}

static void
update_empty_state (SpPlanAreasView *self)
{
  gtk_stack_set_visible_child_name (self->areas_list_stack, has_groups (self) ? "list" : "empty");
  update_actions (self);
}

/* The choices of an area's group. */
static void
fill_choices (SpPlanAreasView *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *model = self->area_groups != NULL ? G_LIST_MODEL (self->area_groups) : NULL;
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  g_array_set_size (self->group_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAreaGroup) group = g_list_model_get_item (model, i);
      gint64 id = sp_plan_record_id (group);

      g_ptr_array_add (names, g_strdup (sp_area_group_get_name (group)));
      g_array_append_val (self->group_ids, id);
    }
  g_ptr_array_add (names, NULL);
  sp_plan_combo_row_fill (self->area_group_row, names);
}

static void
load_item (SpPlanAreasView *self)
{
  gboolean is_area = SP_IS_AREA (self->item);
  gboolean frozen = sp_plan_view_get_frozen (self);
  gboolean choices;

  if (self->item == NULL)
    return;

  choices = sp_plan_view_ensure_choices (self);
  sp_plan_view_set_frozen (self, TRUE);
  adw_preferences_group_set_title (self->area_group, is_area ? _("Activity Area") : _("Group"));
  sp_edit_row_load (self->area_name_row,
                    is_area ? sp_area_get_name (SP_AREA (self->item))
                            : sp_area_group_get_name (SP_AREA_GROUP (self->item)));
  gtk_widget_set_visible (GTK_WIDGET (self->area_group_row), is_area);
  if (is_area && choices)
    adw_combo_row_set_selected (self->area_group_row,
                                sp_plan_index_of_id (self->group_ids,
                                                     sp_area_get_group_id (SP_AREA (self->item))));
  sp_plan_view_set_frozen (self, frozen);
  sp_plan_clear_field_error (self->area_error_label, GTK_WIDGET (self->area_name_row));
}

static void
set_item (SpPlanAreasView *self,
          SpRecord        *item)
{
  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, load_item, self);
  g_set_object (&self->item, item);
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify", G_CALLBACK (load_item), self, G_CONNECT_SWAPPED);
      load_item (self);
    }
  gtk_stack_set_visible_child_name (self->area_editor_stack, item != NULL ? "editor" : "none");
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (user_data);

  if (!SP_IS_AREA_GROUP (item) || sp_plan_view_get_database (self) == NULL)
    return NULL;
  return G_LIST_MODEL (sp_area_list_new (sp_plan_view_get_database (self), sp_plan_record_id (item)));
}

static void
rebuild (SpPlanAreasView *self)
{
  g_autoptr(GtkTreeListModel) tree = NULL;

  sp_plan_view_set_frozen (self, TRUE);
  if (self->area_groups != NULL)
    g_signal_handlers_disconnect_by_data (self->area_groups, self);
  g_clear_object (&self->area_groups);
  if (sp_plan_view_get_database (self) != NULL)
    {
      self->area_groups = sp_area_group_list_new (sp_plan_view_get_database (self), sp_plan_view_get_year (self));
      g_signal_connect_object (self->area_groups, "items-changed", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
      tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->area_groups)), FALSE, TRUE,
                                      create_children_cb, self, NULL);
    }
  gtk_single_selection_set_model (sp_plan_view_get_selection (self), G_LIST_MODEL (tree));
  sp_plan_view_set_frozen (self, FALSE);
  sp_plan_view_update_choices (self);
  set_item (self, NULL);
  sp_plan_view_sync_editor (self);
  update_empty_state (self);
}

static void
format_item (GObject  *item,
             char    **title,
             char    **detail,
             char    **accessible)
{
  *title = g_strdup (SP_IS_AREA (item) ? sp_area_get_name (SP_AREA (item))
                                       : sp_area_group_get_name (SP_AREA_GROUP (item)));
}

/* Callbacks */

static void
on_area_back_clicked_cb (SpPlanAreasView *self)
{
  sp_plan_view_show_list (self);
}

static void
on_area_name_row_apply_cb (SpPlanAreasView *self,
                           GtkWidget       *row)
{
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean ok;

  if (self->item == NULL || sp_plan_view_get_database (self) == NULL)
    return;
  if (SP_IS_AREA (self->item))
    ok = sp_area_rename (sp_plan_view_get_database (self), sp_plan_record_id (self->item), name, &error);
  else
    ok = sp_area_group_rename (sp_plan_view_get_database (self), sp_plan_record_id (self->item), name, &error);
  if (!ok)
    {
      sp_plan_show_field_error (self->area_error_label, row, error->message);
      return;
    }
  sp_plan_clear_field_error (self->area_error_label, row);
}

static void
on_area_group_row_selected_cb (SpPlanAreasView *self,
                               GParamSpec      *pspec,
                               GtkWidget       *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->area_group_row);
  gint64 group_id, id;

  if (sp_plan_view_get_frozen (self) || !SP_IS_AREA (self->item) || sp_plan_view_get_database (self) == NULL ||
      selected >= self->group_ids->len)
    return;
  group_id = g_array_index (self->group_ids, gint64, selected);
  if (group_id == sp_area_get_group_id (SP_AREA (self->item)))
    return;
  id = sp_plan_record_id (self->item);
  if (!sp_area_set_group (sp_plan_view_get_database (self), id, group_id, G_MAXUINT, &error))
    {
      sp_plan_show_field_error (self->area_error_label, row, error->message);
      return;
    }
  sp_plan_clear_field_error (self->area_error_label, row);
  sp_plan_view_select (self, SP_TYPE_AREA, id);
}

/* Selects the new group or area @id and puts the focus in its editor. */
static void
show_new (SpPlanAreasView *self,
          GType            type,
          gint64           id)
{
  sp_plan_view_select (self, type, id);
  sp_plan_view_show_editor (self, NULL);
}

static void
on_add_area_group_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (sp_plan_view_get_database (self) == NULL || !sp_plan_view_get_editable (self))
    return;
  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new group of activity areas */
      g_autofree char *name = i == 1 ? g_strdup (_("New group")) : g_strdup_printf (_("New group %d"), i);

      g_clear_error (&error);
      id = sp_area_group_add (sp_plan_view_get_database (self), sp_plan_view_get_year (self), name, &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  show_new (self, SP_TYPE_AREA_GROUP, id);
}

static void
on_add_area_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 group_id = 0, id = 0;

  if (sp_plan_view_get_database (self) == NULL || !sp_plan_view_get_editable (self))
    return;
  if (SP_IS_AREA_GROUP (self->item))
    group_id = sp_plan_record_id (self->item);
  else if (SP_IS_AREA (self->item))
    group_id = sp_area_get_group_id (SP_AREA (self->item));
  else if (has_groups (self))
    {
      g_autoptr(SpAreaGroup) first = g_list_model_get_item (G_LIST_MODEL (self->area_groups), 0);
      group_id = sp_plan_record_id (first);
    }
  if (group_id == 0)
    return;

  for (int i = 1; i < 100 && id <= 0; i++)
    {
      /* Translators: the name of a new activity area */
      g_autofree char *name = i == 1 ? g_strdup (_("New activity area"))
                                     : g_strdup_printf (_("New activity area %d"), i);

      g_clear_error (&error);
      id = sp_area_add (sp_plan_view_get_database (self), group_id, name, &error);
      if (id <= 0 && !g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE))
        break;
    }
  if (id <= 0)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  show_new (self, SP_TYPE_AREA, id);
}

static void
on_add_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, has_groups (SP_PLAN_AREAS_VIEW (widget)) ? "plan.add-area"
                                                                              : "plan.add-area-group", NULL);
}

static void
on_delete_area_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean is_area = SP_IS_AREA (self->item);
  g_autofree char *name = NULL;
  gboolean ok;

  if (sp_plan_view_get_database (self) == NULL || self->item == NULL || !sp_plan_view_get_editable (self))
    return;
  name = g_strdup (is_area ? sp_area_get_name (SP_AREA (self->item))
                           : sp_area_group_get_name (SP_AREA_GROUP (self->item)));
  if (is_area)
    ok = sp_area_delete (sp_plan_view_get_database (self), sp_plan_record_id (self->item), &error);
  else
    ok = sp_area_group_delete (sp_plan_view_get_database (self), sp_plan_record_id (self->item), &error);
  if (!ok)
    {
      /* E.g. used by budget lines or projects: the core says where. */
      sp_plan_show_field_error (self->area_error_label, NULL, error->message);
      sp_plan_show_message (widget, error->message);
      return;
    }
  message = is_area ? g_strdup_printf (_("Activity area “%s” deleted"), name)
                    : g_strdup_printf (_("Group “%s” deleted"), name);
  sp_plan_add_toast (widget, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->areas_view));
}

/* SpPlanView */

static void
sp_plan_areas_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_AREAS_VIEW (view));
}

static void
sp_plan_areas_view_show_record (SpPlanView *view,
                                SpRecord   *record)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (view);

  set_item (self, record);
  update_actions (self);
}

/* The index of @record among its siblings: the groups of the year, or the
 * areas of its group. */
static gboolean
sp_plan_areas_view_find_position (SpPlanView *view,
                                  SpRecord   *record,
                                  guint      *position)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (view);
  SpRecordList *list = NULL;
  g_autoptr(SpRecordList) areas = NULL;

  if (SP_IS_AREA_GROUP (record))
    list = self->area_groups;
  else if (SP_IS_AREA (record))
    list = areas = sp_area_list_new (sp_plan_view_get_database (self), sp_area_get_group_id (SP_AREA (record)));
  return list != NULL && sp_record_list_find (list, sp_record_get_id (record), position) != NULL;
}

static gboolean
sp_plan_areas_view_move_record (SpPlanView  *view,
                                SpRecord    *record,
                                guint        new_index,
                                GError     **error)
{
  if (SP_IS_AREA_GROUP (record))
    return sp_area_group_move (sp_plan_view_get_database (view), sp_record_get_id (record), new_index, error);
  return sp_area_move (sp_plan_view_get_database (view), sp_record_get_id (record), new_index, error);
}

/* An area dropped onto an area of another group moves to that group. */
static gboolean
sp_plan_areas_view_dropped (SpPlanView *view,
                            SpRecord   *dragged,
                            SpRecord   *onto)
{
  g_autoptr(GError) error = NULL;
  guint position;
  gint64 id;

  if (!SP_IS_AREA (dragged) || sp_area_get_group_id (SP_AREA (dragged)) == sp_area_get_group_id (SP_AREA (onto)))
    return SP_PLAN_VIEW_CLASS (sp_plan_areas_view_parent_class)->dropped (view, dragged, onto);
  if (!sp_plan_areas_view_find_position (view, onto, &position))
    return FALSE;
  id = sp_record_get_id (dragged);
  if (!sp_area_set_group (sp_plan_view_get_database (view), id, sp_area_get_group_id (SP_AREA (onto)),
                          position, &error))
    sp_plan_show_message (GTK_WIDGET (view), error->message);
  sp_plan_view_select (view, SP_TYPE_AREA, id);
  return TRUE;
}

static void
sp_plan_areas_view_fill_choices (SpPlanView *view)
{
  fill_choices (SP_PLAN_AREAS_VIEW (view));
}

static void
sp_plan_areas_view_load_record (SpPlanView *view)
{
  load_item (SP_PLAN_AREAS_VIEW (view));
}

static void
sp_plan_areas_view_editable_changed (SpPlanView *view)
{
  update_actions (SP_PLAN_AREAS_VIEW (view));
}

/* GObject */

static void
sp_plan_areas_view_dispose (GObject *object)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (object);

  sp_plan_view_set_frozen (self, TRUE);
  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  if (self->area_groups != NULL)
    g_signal_handlers_disconnect_by_data (self->area_groups, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_AREAS_VIEW);

  g_clear_object (&self->item);
  g_clear_object (&self->area_groups);

  G_OBJECT_CLASS (sp_plan_areas_view_parent_class)->dispose (object);
}

static void
sp_plan_areas_view_finalize (GObject *object)
{
  SpPlanAreasView *self = SP_PLAN_AREAS_VIEW (object);

  g_clear_pointer (&self->group_ids, g_array_unref);

  G_OBJECT_CLASS (sp_plan_areas_view_parent_class)->finalize (object);
}

static void
sp_plan_areas_view_class_init (SpPlanAreasViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPlanViewClass *view_class = SP_PLAN_VIEW_CLASS (klass);

  object_class->dispose = sp_plan_areas_view_dispose;
  view_class->reload = sp_plan_areas_view_reload;
  view_class->editable_changed = sp_plan_areas_view_editable_changed;
  view_class->show_record = sp_plan_areas_view_show_record;
  view_class->find_position = sp_plan_areas_view_find_position;
  view_class->move_record = sp_plan_areas_view_move_record;
  view_class->dropped = sp_plan_areas_view_dropped;
  view_class->fill_choices = sp_plan_areas_view_fill_choices;
  view_class->load_record = sp_plan_areas_view_load_record;
  object_class->finalize = sp_plan_areas_view_finalize;

  g_type_ensure (SP_TYPE_EDIT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-areas-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, areas_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, areas_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, areas_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, area_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, area_group);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, area_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, area_group_row);
  gtk_widget_class_bind_template_child (widget_class, SpPlanAreasView, area_error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_area_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_name_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_area_group_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-area-group", NULL, on_add_area_group_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-area", NULL, on_add_area_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-area", NULL, on_delete_area_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_area_action_cb);
  sp_plan_view_class_install_move_actions (widget_class);
}

static void
sp_plan_areas_view_init (SpPlanAreasView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sp_plan_view_set_list (self, self->areas_view, TRUE, format_item);
  sp_plan_view_set_editor (self, self->areas_leaflet, GTK_WIDGET (self->area_editor_stack),
                           GTK_WIDGET (self->area_name_row));
  sp_plan_combo_row_init (self->area_group_row);

  rebuild (self);
}
