/* sp-member-board-editor.c: a window to add or change a board representative
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member appoints an ordinary member and a deputy for a year; one of
 * them may be the chair and one the vice chair. A refusal of the core (an
 * empty name, a second chair) is shown under the form; nothing is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-member-board-editor.h"

#include "sp-error.h"
#include "sp-member.h"

struct _SpMemberBoardEditor
{
  AdwWindow            parent_instance;

  SpDatabase          *database;
  int                  year;
  gint64               representative_id;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwEntryRow         *name_row;
  AdwComboRow         *member_row;
  AdwComboRow         *role_row;
  AdwComboRow         *office_row;
  GtkLabel            *error_label;
  GtkButton           *cancel_button;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (SpMemberBoardEditor, sp_member_board_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_errors (SpMemberBoardEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->member_row), GTK_WIDGET (self->office_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

static void
show_error (SpMemberBoardEditor *self,
            GtkWidget           *field,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_widget_grab_focus (field);
    }
}

static void
on_save_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sp_member_board_editor_save (SP_MEMBER_BOARD_EDITOR (widget));
}

static void
on_name_row_changed_cb (SpMemberBoardEditor *self,
                        GtkEditable         *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
sp_member_board_editor_dispose (GObject *object)
{
  SpMemberBoardEditor *self = SP_MEMBER_BOARD_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEMBER_BOARD_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_member_board_editor_parent_class)->dispose (object);
}

static void
sp_member_board_editor_class_init (SpMemberBoardEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_member_board_editor_dispose;

  /**
   * SpMemberBoardEditor::saved:
   * @id: the representative that was added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-member-board-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, group);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, member_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, office_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SpMemberBoardEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_member_board_editor_init (SpMemberBoardEditor *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of SpBoardRole and SpBoardOffice. */
  gtk_string_list_append (roles, sp_board_role_get_label (SP_BOARD_ROLE_ORDINARY));
  gtk_string_list_append (roles, sp_board_role_get_label (SP_BOARD_ROLE_DEPUTY));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  /* Translators: a board member who is neither chair nor vice chair */
  gtk_string_list_append (offices, C_("board office", "None"));
  gtk_string_list_append (offices, sp_board_office_get_label (SP_BOARD_OFFICE_CHAIR));
  gtk_string_list_append (offices, sp_board_office_get_label (SP_BOARD_OFFICE_VICE_CHAIR));
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (offices));

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (on_name_row_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}

/**
 * sp_member_board_editor_new:
 * @parent: the window it belongs to
 * @database: where the board is kept
 * @members: the members (#SpMember) that may appoint representatives
 * @year: the year of the board
 * @representative: (nullable): the one to change, or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
SpMemberBoardEditor *
sp_member_board_editor_new (GtkWindow     *parent,
                            SpDatabase    *database,
                            GListModel    *members,
                            int            year,
                            SpBoardMember *representative)
{
  SpMemberBoardEditor *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (members), NULL);

  self = g_object_new (SP_TYPE_MEMBER_BOARD_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  self->year = year;

  adw_combo_row_set_expression (self->member_row,
                                gtk_property_expression_new (SP_TYPE_MEMBER, NULL, "name"));
  adw_combo_row_set_model (self->member_row, members);

  /* Translators: %d is a year */
  description = g_strdup_printf (_("The board of %d"), year);
  adw_preferences_group_set_description (self->group, description);

  if (representative != NULL)
    {
      gint64 member_id = sp_board_member_get_member_id (representative);

      self->representative_id = sp_record_get_id (SP_RECORD (representative));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Board Member"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), sp_board_member_get_name (representative));
      adw_combo_row_set_selected (self->role_row, sp_board_member_get_role (representative));
      adw_combo_row_set_selected (self->office_row, sp_board_member_get_office (representative));
      for (guint i = 0; i < g_list_model_get_n_items (members); i++)
        {
          g_autoptr(SpRecord) member = g_list_model_get_item (members, i);

          if (sp_record_get_id (member) == member_id)
            adw_combo_row_set_selected (self->member_row, i);
        }
    }
  return self;
}

/**
 * sp_member_board_editor_save:
 *
 * Hands the form to the core; on success emits SpMemberBoardEditor::saved and
 * closes the window, otherwise shows why and keeps it open.
 *
 * Returns: whether the representative was stored
 */
gboolean
sp_member_board_editor_save (SpMemberBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  SpBoardMemberData data = { 0 };
  SpMember *member;
  gboolean ok;

  g_return_val_if_fail (SP_IS_MEMBER_BOARD_EDITOR (self), FALSE);

  clear_errors (self);
  member = adw_combo_row_get_selected_item (self->member_row);
  if (member == NULL)
    {
      show_error (self, GTK_WIDGET (self->member_row),
                  _("Choose the member that appoints the board member."));
      return FALSE;
    }
  data.member_id = sp_record_get_id (SP_RECORD (member));
  data.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  data.role = adw_combo_row_get_selected (self->role_row);
  data.office = adw_combo_row_get_selected (self->office_row);

  if (self->representative_id == 0)
    {
      gint64 id = sp_board_add (self->database, self->year, &data, &error);

      ok = id > 0;
      if (ok)
        self->representative_id = id;
    }
  else
    ok = sp_board_update (self->database, self->representative_id, &data, &error);

  if (!ok)
    {
      const char *name = error->domain == SP_ERROR ? sp_error_get_field (error) : NULL;
      GtkWidget *field = NULL;

      if (g_strcmp0 (name, "name") == 0)
        field = GTK_WIDGET (self->name_row);
      else if (g_strcmp0 (name, "role") == 0)
        field = GTK_WIDGET (self->role_row);
      else if (g_strcmp0 (name, "office") == 0)
        field = GTK_WIDGET (self->office_row);
      else if (g_strcmp0 (name, "member-id") == 0)
        field = GTK_WIDGET (self->member_row);
      show_error (self, field, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->representative_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
