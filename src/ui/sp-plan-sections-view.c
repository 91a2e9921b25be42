/* sp-plan-sections-view.c: the Sections tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's sections of text: a list and the editor of the one picked.
 *
 * Section text is stored as the user types: SP_PLAN_SECTIONS_VIEW_SAVE_DELAY_MS after
 * the last keystroke, when the text view loses the focus, when another
 * section is picked and before any other edit. The text buffer is only
 * replaced when another section is shown or when the stored text changed
 * from outside (an undo), never on a keystroke, so a section of 100 000
 * characters stays responsive.
 *
 * Undo: while the text view has the focus, Ctrl+Z is the text view's own
 * undo of the typing since the section was shown (GtkTextView handles the
 * key before the window does). Once that is used up, or anywhere else on the
 * page, Ctrl+Z is the window's undo of the stored edits (win.undo).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-sections-view.h"

#include "sp-text.h"
#include "sp-section.h"
#include "sp-plan-common.h"
#include "sp-plan-row.h"

struct _SpPlanSectionsView
{
  SpPlanView          parent_instance;


  SpRecordList       *sections;
  GtkFilterListModel *filter;
  GtkSingleSelection *selection;
  GHashTable         *matches;

  /* The section in the editor and the text the editor and database agree on. */
  SpSection          *section;
  char               *section_text;
  gboolean            text_dirty;
  gboolean            loading;
  guint               save_timeout_id;
  gboolean            freeze_editor;

  /* Template widgets */
  AdwLeaflet         *sections_leaflet;
  GtkStack           *sections_list_stack;
  GtkListView        *sections_view;
  GtkStack           *section_editor_stack;
  GtkEntry           *section_title_entry;
  GtkLabel           *section_error_label;
  GtkTextView        *section_text_view;
  GtkButton          *section_back_button;
};

G_DEFINE_FINAL_TYPE (SpPlanSectionsView, sp_plan_sections_view, SP_TYPE_PLAN_VIEW)

static void on_section_title_notify_cb (SpPlanSectionsView *self, GParamSpec *pspec, SpSection *section);
static void on_section_body_notify_cb (SpPlanSectionsView *self, GParamSpec *pspec, SpSection *section);

/* Helpers */

static void
update_actions (SpPlanSectionsView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = sp_plan_view_get_editable (self) && sp_plan_view_get_database (self) != NULL;
  gboolean selected = editable && self->section != NULL;

  gtk_widget_action_set_enabled (widget, "plan.add-section", editable);
  gtk_widget_action_set_enabled (widget, "plan.add", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-section", selected);
  gtk_widget_action_set_enabled (widget, "plan.delete", selected);
  gtk_widget_action_set_enabled (widget, "plan.move-up", selected);
  gtk_widget_action_set_enabled (widget, "plan.move-down", selected);

  /* Adopted: the editor shows the plan but does not change it. */
  gtk_text_view_set_editable (self->section_text_view, editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->section_title_entry), editable);
}

static void
update_empty_state (SpPlanSectionsView *self)
{
  gtk_stack_set_visible_child_name (self->sections_list_stack,
                                    self->sections != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->sections)) > 0
                                      ? "list" : "empty");
}

/* Puts the stored text of the section into the editor; @keep_cursor keeps
 * the cursor where it was (the same section, changed by an undo). */
static void
load_section_text (SpPlanSectionsView *self,
                   gboolean            keep_cursor)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->section_text_view);
  const char *body = self->section != NULL ? sp_section_get_body (self->section) : "";
  GtkTextIter start;
  int offset = 0;

  if (keep_cursor)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&start);
    }

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->loading = TRUE;
  /* Typing in another section is not something to undo here. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
  gtk_text_buffer_place_cursor (buffer, &start);
  self->loading = FALSE;

  g_free (self->section_text);
  self->section_text = g_strdup (body != NULL ? body : "");
  self->text_dirty = FALSE;
}

static void
set_section (SpPlanSectionsView *self,
             SpSection          *section)
{
  if (self->section == section)
    return;

  sp_plan_sections_view_flush (self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  g_set_object (&self->section, section);
  sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
  sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view));

  if (section != NULL)
    {
      g_signal_connect_object (section, "notify::title", G_CALLBACK (on_section_title_notify_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (section, "notify::body", G_CALLBACK (on_section_body_notify_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry), sp_section_get_title (section));
      sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
      load_section_text (self, FALSE);
      gtk_stack_set_visible_child_name (self->section_editor_stack, "editor");
    }
  else
    {
      load_section_text (self, FALSE);
      gtk_stack_set_visible_child_name (self->section_editor_stack, "none");
    }
}

static void
sync_section_editor (SpPlanSectionsView *self)
{
  if (self->freeze_editor)
    return;
  set_section (self, gtk_single_selection_get_selected_item (self->selection));
  update_actions (self);
}

/* Renames the section in the editor to what the title entry says. */
static void
apply_section_title (SpPlanSectionsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry));
  g_autoptr(GError) error = NULL;

  if (self->section == NULL || sp_plan_view_get_database (self) == NULL)
    return;
  if (g_strcmp0 (text, sp_section_get_title (self->section)) == 0)
    {
      sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
      return;
    }
  if (!sp_section_rename (sp_plan_view_get_database (self), sp_plan_record_id (self->section), text, &error))
    {
      sp_plan_show_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry),
                                error->message);
      return;
    }
  sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (user_data);
  gint64 id = sp_plan_record_id (item);

  return self->matches == NULL || g_hash_table_contains (self->matches, &id);
}

static void
rebuild (SpPlanSectionsView *self)
{
  sp_plan_sections_view_flush (self);
  self->freeze_editor = TRUE;
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);
  g_clear_object (&self->sections);
  if (sp_plan_view_get_database (self) != NULL)
    {
      self->sections = sp_section_list_new (sp_plan_view_get_database (self), sp_plan_view_get_year (self));
      g_signal_connect_object (self->sections, "items-changed", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_filter_list_model_set_model (self->filter, G_LIST_MODEL (self->sections));
  self->freeze_editor = FALSE;
  set_section (self, NULL);
  sync_section_editor (self);
  update_empty_state (self);
  update_actions (self);
}

/* Moves @section to @new_index and keeps it selected. */
static void
move_section (SpPlanSectionsView *self,
              SpSection          *section,
              guint               new_index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSection) keep = g_object_ref (section);
  gint64 id = sp_plan_record_id (section);
  gboolean ok;

  sp_plan_sections_view_flush (self);
  self->freeze_editor = TRUE;
  ok = sp_section_move (sp_plan_view_get_database (self), id, new_index, &error);
  sp_plan_select_id (self->selection, SP_TYPE_SECTION, id);
  self->freeze_editor = FALSE;

  if (!ok && error != NULL)
    sp_plan_show_message (GTK_WIDGET (self), error->message);
  sync_section_editor (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

static void
format_section (GObject  *item,
                char    **title,
                char    **detail,
                char    **accessible)
{
  *title = g_strdup (sp_section_get_title (SP_SECTION (item)));
}

/* Callbacks */

static gboolean
on_save_timeout_cb (gpointer user_data)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (user_data);

  self->save_timeout_id = 0;
  sp_plan_sections_view_flush (self);
  return G_SOURCE_REMOVE;
}

static void
on_section_buffer_changed_cb (SpPlanSectionsView *self,
                              GtkTextBuffer      *buffer)
{
  if (self->loading)
    return;

  self->text_dirty = TRUE;
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  self->save_timeout_id = g_timeout_add (SP_PLAN_SECTIONS_VIEW_SAVE_DELAY_MS, on_save_timeout_cb, self);
}

static void
on_section_text_view_focus_leave_cb (SpPlanSectionsView      *self,
                                     GtkEventControllerFocus *controller)
{
  sp_plan_sections_view_flush (self);
}

static void
on_section_title_notify_cb (SpPlanSectionsView *self,
                            GParamSpec         *pspec,
                            SpSection          *section)
{
  /* Not while the user is correcting a refused title. */
  if (gtk_widget_has_css_class (GTK_WIDGET (self->section_title_entry), "error"))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)),
                 sp_section_get_title (section)) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->section_title_entry), sp_section_get_title (section));
}

/* The stored text changed: from our own save (nothing to do) or from outside,
 * e.g. an undo, which the editor then shows. */
static void
on_section_body_notify_cb (SpPlanSectionsView *self,
                           GParamSpec         *pspec,
                           SpSection          *section)
{
  const char *body = sp_section_get_body (section);
  g_autofree char *normal = NULL;

  if (g_strcmp0 (body, self->section_text) == 0)
    return;
  /* Newer typed text is on its way to the database and wins. */
  if (self->text_dirty)
    return;
  /* The text as the core stores it (NFC, Windows line ends made plain):
   * then the change is our own flush, not an undo. */
  normal = sp_text_normalize (self->section_text != NULL ? self->section_text : "");
  if (g_strcmp0 (body, normal) == 0)
    {
      g_free (self->section_text);
      self->section_text = g_strdup (body);
      return;
    }
  load_section_text (self, TRUE);
}

static gboolean
on_row_dropped_cb (SpPlanSectionsView *self,
                   GObject            *dragged,
                   SpPlanRow          *row)
{
  guint position;

  if (!sp_plan_view_get_editable (self) || self->sections == NULL || !SP_IS_SECTION (dragged) ||
      sp_record_list_find (self->sections, sp_plan_record_id (sp_plan_row_get_item (row)), &position) == NULL)
    return FALSE;
  move_section (self, SP_SECTION (dragged), position);
  return TRUE;
}

static void
on_row_setup_cb (SpPlanSectionsView       *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  GtkWidget *row = sp_plan_row_new (FALSE, format_section);

  g_object_bind_property (self, "editable", row, "draggable", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (row, "dropped", G_CALLBACK (on_row_dropped_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  sp_plan_row_set_item (SP_PLAN_ROW (gtk_list_item_get_child (list_item)), gtk_list_item_get_item (list_item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  sp_plan_row_set_item (SP_PLAN_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_sections_view_activate_cb (SpPlanSectionsView *self,
                              guint               position)
{
  adw_leaflet_set_visible_child (self->sections_leaflet, GTK_WIDGET (self->section_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->section_text_view));
}

static void
on_section_back_clicked_cb (SpPlanSectionsView *self)
{
  sp_plan_sections_view_flush (self);
  adw_leaflet_navigate (self->sections_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

static void
on_section_title_entry_activate_cb (SpPlanSectionsView *self)
{
  apply_section_title (self);
}

static void
on_section_title_entry_changed_cb (SpPlanSectionsView *self)
{
  /* The error stays until the user changes the title or leaves it. */
  if (self->section != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->section_title_entry)),
                 sp_section_get_title (self->section)) == 0)
    sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_title_entry));
}

static void
on_section_title_focus_leave_cb (SpPlanSectionsView      *self,
                                 GtkEventControllerFocus *controller)
{
  apply_section_title (self);
}

static void
on_add_section_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (sp_plan_view_get_database (self) == NULL || !sp_plan_view_get_editable (self))
    return;
  sp_plan_sections_view_flush (self);
  id = sp_section_add (sp_plan_view_get_database (self), sp_plan_view_get_year (self), _("New section"), "",
                       &error);
  if (id <= 0)
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  if (self->matches != NULL)
    gtk_widget_activate_action (widget, "plan.clear-search", NULL);
  sp_plan_select_id (self->selection, SP_TYPE_SECTION, id);
  adw_leaflet_set_visible_child (self->sections_leaflet, GTK_WIDGET (self->section_editor_stack));
  gtk_widget_grab_focus (GTK_WIDGET (self->section_title_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->section_title_entry), 0, -1);
}

static void
on_delete_section_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (sp_plan_view_get_database (self) == NULL || self->section == NULL || !sp_plan_view_get_editable (self))
    return;
  sp_plan_sections_view_flush (self);
  title = g_strdup (sp_section_get_title (self->section));
  if (!sp_section_delete (sp_plan_view_get_database (self), sp_plan_record_id (self->section), &error))
    {
      sp_plan_show_message (widget, error->message);
      return;
    }
  /* Translators: a notice with an Undo button; %s is the section's title */
  message = g_strdup_printf (_("Section “%s” deleted"), title);
  sp_plan_add_toast (widget, message);
  gtk_widget_grab_focus (GTK_WIDGET (self->sections_view));
}

static void
on_move_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (widget);
  gboolean up = g_str_equal (action_name, "plan.move-up");
  guint position;

  if (sp_plan_view_get_database (self) == NULL || self->section == NULL || !sp_plan_view_get_editable (self) ||
      sp_record_list_find (self->sections, sp_plan_record_id (self->section), &position) == NULL ||
      (up && position == 0))
    return;
  move_section (self, self->section, up ? position - 1 : position + 1);
}

/* SpPlanView */

static void
sp_plan_sections_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_SECTIONS_VIEW (view));
}

static void
sp_plan_sections_view_editable_changed (SpPlanView *view)
{
  update_actions (SP_PLAN_SECTIONS_VIEW (view));
}

static void
sp_plan_sections_view_flush_cb (SpPlanView *view)
{
  sp_plan_sections_view_flush (SP_PLAN_SECTIONS_VIEW (view));
}

/* GtkWidget */

static void
sp_plan_sections_view_unmap (GtkWidget *widget)
{
  sp_plan_sections_view_flush (SP_PLAN_SECTIONS_VIEW (widget));
  GTK_WIDGET_CLASS (sp_plan_sections_view_parent_class)->unmap (widget);
}

/* GObject */

static void
sp_plan_sections_view_dispose (GObject *object)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (object);

  sp_plan_sections_view_flush (self);
  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_SECTIONS_VIEW);

  g_clear_object (&self->section);
  g_clear_object (&self->sections);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->matches, g_hash_table_unref);

  G_OBJECT_CLASS (sp_plan_sections_view_parent_class)->dispose (object);
}

static void
sp_plan_sections_view_finalize (GObject *object)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (object);

  g_free (self->section_text);

  G_OBJECT_CLASS (sp_plan_sections_view_parent_class)->finalize (object);
}

static void
sp_plan_sections_view_class_init (SpPlanSectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPlanViewClass *view_class = SP_PLAN_VIEW_CLASS (klass);

  object_class->dispose = sp_plan_sections_view_dispose;
  view_class->reload = sp_plan_sections_view_reload;
  view_class->editable_changed = sp_plan_sections_view_editable_changed;
  view_class->flush = sp_plan_sections_view_flush_cb;
  object_class->finalize = sp_plan_sections_view_finalize;
  widget_class->unmap = sp_plan_sections_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-sections-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_title_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_text_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_back_button);

  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sections_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-section", NULL, on_add_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-section", NULL, on_delete_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-up", NULL, on_move_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-down", NULL, on_move_action_cb);
}

static void
sp_plan_sections_view_init (SpPlanSectionsView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter)));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (sync_section_editor), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->sections_view, GTK_SELECTION_MODEL (self->selection));
  sp_plan_add_list_shortcuts (GTK_WIDGET (self->sections_view));

  buffer = gtk_text_view_get_buffer (self->section_text_view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_section_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  sp_plan_focus_leave_connect (GTK_WIDGET (self->section_text_view),
                               G_CALLBACK (on_section_text_view_focus_leave_cb), self);
  sp_plan_focus_leave_connect (GTK_WIDGET (self->section_title_entry),
                               G_CALLBACK (on_section_title_focus_leave_cb), self);

  rebuild (self);
}

/* Public API */

/**
 * sp_plan_sections_view_flush:
 *
 * Stores the section text typed but not yet stored, now.
 */
void
sp_plan_sections_view_flush (SpPlanSectionsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (SP_IS_PLAN_SECTIONS_VIEW (self));

  g_clear_handle_id (&self->save_timeout_id, g_source_remove);
  if (!self->text_dirty || self->section == NULL || sp_plan_view_get_database (self) == NULL ||
      self->section_text_view == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->section_text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  self->text_dirty = FALSE;
  g_free (self->section_text);
  self->section_text = g_strdup (text);

  if (!sp_section_set_body (sp_plan_view_get_database (self), sp_plan_record_id (self->section), text, &error))
    {
      /* The typed text stays in the editor; the next flush tries again. */
      self->text_dirty = TRUE;
      sp_plan_show_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view),
                                error->message);
      return;
    }
  sp_plan_clear_field_error (self->section_error_label, GTK_WIDGET (self->section_text_view));
}

/**
 * sp_plan_sections_view_set_matches:
 * @ids: (nullable): the ids of the sections a search found, or %NULL for all
 */
void
sp_plan_sections_view_set_matches (SpPlanSectionsView *self,
                                   GHashTable         *ids)
{
  g_return_if_fail (SP_IS_PLAN_SECTIONS_VIEW (self));

  if (self->matches == ids)
    return;
  sp_plan_sections_view_flush (self);
  g_clear_pointer (&self->matches, g_hash_table_unref);
  self->matches = ids != NULL ? g_hash_table_ref (ids) : NULL;
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
