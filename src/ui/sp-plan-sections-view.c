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
#include "sp-plan-import.h"
#include "sp-plan-import-dialog.h"
#include "sp-section-editor.h"

struct _SpPlanSectionsView
{
  SpPlanView          parent_instance;


  SpRecordList       *sections;
  GtkFilterListModel *filter;
  GHashTable         *matches;

  /* The section in the editor and the text the editor and database agree on. */
  SpSection          *section;
  char               *section_text;
  gboolean            text_dirty;
  gboolean            loading;
  guint               save_timeout_id;

  /* Template widgets */
  AdwLeaflet         *sections_leaflet;
  GtkStack           *sections_list_stack;
  GtkListView        *sections_view;
  GtkStack           *section_editor_stack;
  GtkEntry           *section_title_entry;
  GtkLabel           *section_error_label;
  SpSectionEditor    *section_editor;
  GtkTextView        *section_text_view;
  GtkButton          *section_back_button;
  GtkButton          *read_text_button;
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
  gtk_widget_action_set_enabled (widget, "plan.read-text", editable);
  gtk_widget_action_set_enabled (widget, "plan.delete-section", selected);
  sp_plan_view_enable_actions (self, editable, selected);

  /* Adopted: the editor shows the plan but does not change it. */
  sp_section_editor_set_editable (self->section_editor, editable);
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
  sp_plan_view_set_frozen (self, TRUE);
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
  sp_plan_view_set_frozen (self, FALSE);
  set_section (self, NULL);
  sp_plan_view_sync_editor (self);
  update_empty_state (self);
  update_actions (self);
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

static void
on_section_back_clicked_cb (SpPlanSectionsView *self)
{
  sp_plan_view_show_list (self);
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
  sp_plan_view_select (self, SP_TYPE_SECTION, id);
  sp_plan_view_show_editor (self, GTK_WIDGET (self->section_title_entry));
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
on_import_dialog_response_cb (SpPlanSectionsView *self,
                              const char         *response,
                              SpPlanImportDialog *dialog)
{
  SpPlanImport *import = sp_plan_import_dialog_get_import (dialog);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = sp_plan_import_get_n_sections (import);

  if (g_strcmp0 (response, "import") != 0 || sp_plan_view_get_database (self) == NULL)
    return;
  sp_plan_sections_view_flush (self);
  if (!sp_plan_import_apply (import, sp_plan_view_get_database (self), sp_plan_view_get_year (self), &error))
    {
      sp_plan_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  /* Translators: a notice with an Undo button */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u section read in", "%u sections read in", n), n);
  sp_plan_add_toast (GTK_WIDGET (self), message);
}

static void
on_text_chooser_response_cb (GtkNativeDialog    *chooser,
                             int                 response,
                             SpPlanSectionsView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        sp_plan_sections_view_read_text (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_read_text_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) texts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Read In a Plan Text"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (texts, _("Text and Markdown files"));
  gtk_file_filter_add_suffix (texts, "txt");
  gtk_file_filter_add_suffix (texts, "md");
  gtk_file_filter_add_suffix (texts, "markdown");
  gtk_file_filter_add_mime_type (texts, "text/plain");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), texts);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_text_chooser_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* SpPlanView */

static void
sp_plan_sections_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_SECTIONS_VIEW (view));
}

static void
sp_plan_sections_view_show_record (SpPlanView *view,
                                   SpRecord   *record)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (view);

  set_section (self, SP_IS_SECTION (record) ? SP_SECTION (record) : NULL);
  update_actions (self);
}

static gboolean
sp_plan_sections_view_find_position (SpPlanView *view,
                                     SpRecord   *record,
                                     guint      *position)
{
  SpPlanSectionsView *self = SP_PLAN_SECTIONS_VIEW (view);

  return self->sections != NULL &&
         sp_record_list_find (self->sections, sp_record_get_id (record), position) != NULL;
}

static gboolean
sp_plan_sections_view_move_record (SpPlanView  *view,
                                   SpRecord    *record,
                                   guint        new_index,
                                   GError     **error)
{
  return sp_section_move (sp_plan_view_get_database (view), sp_record_get_id (record), new_index, error);
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
  sp_plan_view_set_frozen (self, TRUE);
  if (self->section != NULL)
    g_signal_handlers_disconnect_by_data (self->section, self);
  if (self->sections != NULL)
    g_signal_handlers_disconnect_by_data (self->sections, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_SECTIONS_VIEW);
  self->section_text_view = NULL;

  g_clear_object (&self->section);
  g_clear_object (&self->sections);
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
  view_class->record_type = SP_TYPE_SECTION;
  view_class->show_record = sp_plan_sections_view_show_record;
  view_class->find_position = sp_plan_sections_view_find_position;
  view_class->move_record = sp_plan_sections_view_move_record;
  object_class->finalize = sp_plan_sections_view_finalize;
  widget_class->unmap = sp_plan_sections_view_unmap;

  g_type_ensure (SP_TYPE_SECTION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-sections-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_leaflet);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_list_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, sections_view);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_editor_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_title_entry);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_error_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_editor);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, section_back_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanSectionsView, read_text_button);

  gtk_widget_class_bind_template_callback (widget_class, on_section_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_section_title_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "plan.add-section", NULL, on_add_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.add", NULL, on_add_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete-section", NULL, on_delete_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, on_delete_section_action_cb);
  gtk_widget_class_install_action (widget_class, "plan.read-text", NULL, on_read_text_action_cb);
  sp_plan_view_class_install_move_actions (widget_class);
}

static void
sp_plan_sections_view_init (SpPlanSectionsView *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->section_text_view = sp_section_editor_get_view (self->section_editor);

  self->filter = gtk_filter_list_model_new (NULL, GTK_FILTER (gtk_custom_filter_new (filter_func, self, NULL)));
  gtk_single_selection_set_model (sp_plan_view_get_selection (self), G_LIST_MODEL (self->filter));
  sp_plan_view_set_list (self, self->sections_view, FALSE, format_section);
  sp_plan_view_set_editor (self, self->sections_leaflet, GTK_WIDGET (self->section_editor_stack),
                           GTK_WIDGET (self->section_text_view));

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

/**
 * sp_plan_sections_view_read_text:
 * @path: a plan as Markdown or plain text
 *
 * Reads @path and shows its sections in a dialog; they are added to the
 * year (one edit) only when the user says so. A file that cannot be read
 * is refused with a message, and nothing changes.
 */
void
sp_plan_sections_view_read_text (SpPlanSectionsView *self,
                                 const char         *path)
{
  g_autoptr(SpPlanImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (SP_IS_PLAN_SECTIONS_VIEW (self));

  import = sp_plan_import_new_from_file (path, &error);
  if (import == NULL)
    {
      sp_plan_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  name = g_filename_display_basename (path);
  dialog = sp_plan_import_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), import, name,
                                      sp_plan_view_get_year (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
