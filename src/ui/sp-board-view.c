/* sp-board-view.c: the board of the shown year on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The representatives of a year, each in an SpBoardMemberRow with its edit
 * and remove buttons; added and changed in SpMemberBoardEditor. The list
 * follows the database, so an undo shows at once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-board-view.h"

#include "sp-board-member.h"
#include "sp-board-member-row.h"
#include "sp-member-board-editor.h"

struct _SpBoardView
{
  AdwBin               parent_instance;

  SpDatabase          *database;
  GListModel          *members;
  SpRecordList        *board;
  int                  year;

  /* Template widgets */
  AdwPreferencesGroup *board_group;
  GtkListBox          *board_list;
  GtkLabel            *board_placeholder;
  GtkLabel            *board_error_label;
};

G_DEFINE_FINAL_TYPE (SpBoardView, sp_board_view, ADW_TYPE_BIN)

static void
show_message (SpBoardView *self,
              const char  *message)
{
  gtk_label_set_text (self->board_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->board_error_label), message != NULL);
}

/* Shows @message in the window's toasts, with an Undo button. */
static void
add_undo_toast (SpBoardView *self,
                const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* A toast's title is markup; names may hold & and <. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
open_board_editor (SpBoardView   *self,
                   SpBoardMember *representative)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SpMemberBoardEditor *editor;

  if (self->database == NULL || self->members == NULL)
    return;
  show_message (self, NULL);
  editor = sp_member_board_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->database,
                                       self->members, self->year, representative);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
remove_representative (SpBoardView   *self,
                       SpBoardMember *representative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = g_strdup (sp_board_member_get_name (representative));

  if (self->database == NULL)
    return;
  show_message (self, NULL);
  if (!sp_board_delete (self->database, sp_record_get_id (SP_RECORD (representative)), &error))
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: %s is a person on the board */
  message = g_strdup_printf (_("%s removed from the board"), name);
  add_undo_toast (self, message);
}

static void
on_board_row_edit_cb (SpBoardMemberRow *row,
                      gpointer          user_data)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (row), SP_TYPE_BOARD_VIEW);

  if (view != NULL)
    open_board_editor (SP_BOARD_VIEW (view), sp_board_member_row_get_representative (row));
}

static void
on_board_row_remove_cb (SpBoardMemberRow *row,
                        gpointer          user_data)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (row), SP_TYPE_BOARD_VIEW);

  if (view != NULL)
    remove_representative (SP_BOARD_VIEW (view), sp_board_member_row_get_representative (row));
}

static GtkWidget *
create_board_row (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = sp_board_member_row_new (item);

  g_signal_connect (row, "edit", G_CALLBACK (on_board_row_edit_cb), NULL);
  g_signal_connect (row, "remove", G_CALLBACK (on_board_row_remove_cb), NULL);
  return row;
}

static void
rebuild_board (SpBoardView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *placeholder = NULL;

  g_clear_object (&self->board);
  if (self->database != NULL)
    self->board = sp_board_list_new (self->database, self->year);
  gtk_list_box_bind_model (self->board_list, G_LIST_MODEL (self->board), create_board_row, self, NULL);

  /* Translators: the heading of the board list; %d is the year */
  title = g_strdup_printf (_("Board %d"), self->year);
  adw_preferences_group_set_title (self->board_group, title);
  placeholder = g_strdup_printf (_("No board members for %d. Add the ordinary member and the deputy each member appoints."),
                                 self->year);
  gtk_label_set_text (self->board_placeholder, placeholder);
}

static void
sp_board_view_dispose (GObject *object)
{
  SpBoardView *self = SP_BOARD_VIEW (object);

  if (self->board_list != NULL)
    gtk_list_box_bind_model (self->board_list, NULL, NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BOARD_VIEW);
  g_clear_object (&self->board);
  g_clear_object (&self->members);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_board_view_parent_class)->dispose (object);
}

static void
sp_board_view_class_init (SpBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_board_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBoardView, board_group);
  gtk_widget_class_bind_template_child (widget_class, SpBoardView, board_list);
  gtk_widget_class_bind_template_child (widget_class, SpBoardView, board_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SpBoardView, board_error_label);
}

static void
sp_board_view_init (SpBoardView *self)
{
  self->year = 2000;
  gtk_widget_init_template (GTK_WIDGET (self));
  rebuild_board (self);
}

/**
 * sp_board_view_set_database:
 * @database: (nullable): the open database, or %NULL
 * @members: (nullable): its members, whom the board editor offers
 */
void
sp_board_view_set_database (SpBoardView *self,
                            SpDatabase  *database,
                            GListModel  *members)
{
  g_return_if_fail (SP_IS_BOARD_VIEW (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  g_set_object (&self->database, database);
  g_set_object (&self->members, members);
  rebuild_board (self);
  show_message (self, NULL);
}

/* Shows the board of @year. */
void
sp_board_view_set_year (SpBoardView *self,
                        int          year)
{
  g_return_if_fail (SP_IS_BOARD_VIEW (self));

  self->year = year;
  rebuild_board (self);
  show_message (self, NULL);
}

/* Opens the editor for a new representative of the shown year. */
void
sp_board_view_add (SpBoardView *self)
{
  g_return_if_fail (SP_IS_BOARD_VIEW (self));

  open_board_editor (self, NULL);
}
