/* sp-plan-board-view.c: the Board tab of the Operational Plan page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The year's board, read only: it is kept with the members, and the tab
 * has the way there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-board-view.h"

#include "sp-board-member.h"
#include "sp-plan-common.h"

struct _SpPlanBoardView
{
  SpPlanView    parent_instance;

  SpRecordList *board;

  /* Template widgets */
  GtkLabel     *board_title_label;
  GtkButton    *board_edit_button;
  GtkStack     *board_stack;
  GtkListBox   *board_list_box;
};

G_DEFINE_FINAL_TYPE (SpPlanBoardView, sp_plan_board_view, SP_TYPE_PLAN_VIEW)

static void
update_empty_state (SpPlanBoardView *self)
{
  gtk_stack_set_visible_child_name (self->board_stack,
                                    self->board != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->board)) > 0
                                      ? "list" : "empty");
}

static GtkWidget *
create_board_row_cb (gpointer item,
                     gpointer user_data)
{
  SpBoardMember *member = SP_BOARD_MEMBER (item);
  SpBoardOffice office = sp_board_member_get_office (member);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (sp_board_member_get_name (member), -1);
  g_autofree char *org = g_markup_escape_text (sp_board_member_get_member_name (member), -1);

  if (office != SP_BOARD_OFFICE_NONE)
    /* Translators: a board member's line: organisation · ordinary member/deputy · chair */
    subtitle = g_strdup_printf (_("%s · %s · %s"), org,
                                sp_board_role_get_label (sp_board_member_get_role (member)),
                                sp_board_office_get_label (office));
  else
    /* Translators: a board member's line: organisation · ordinary member/deputy */
    subtitle = g_strdup_printf (_("%s · %s"), org,
                                sp_board_role_get_label (sp_board_member_get_role (member)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  return row;
}

static void
rebuild (SpPlanBoardView *self)
{
  g_autofree char *board_title = NULL;

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  g_clear_object (&self->board);
  if (sp_plan_view_get_database (self) != NULL)
    {
      self->board = sp_board_list_new (sp_plan_view_get_database (self), sp_plan_view_get_year (self));
      g_signal_connect_object (self->board, "items-changed", G_CALLBACK (update_empty_state),
                               self, G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->board_list_box, G_LIST_MODEL (self->board),
                           self->board != NULL ? create_board_row_cb : NULL, NULL, NULL);
  /* Translators: the heading of the board list, e.g. "The board 2009" */
  board_title = g_strdup_printf (_("The board %d"), sp_plan_view_get_year (self));
  gtk_label_set_text (self->board_title_label, board_title);
  update_empty_state (self);
}

static void
sp_plan_board_view_reload (SpPlanView *view)
{
  rebuild (SP_PLAN_BOARD_VIEW (view));
}

static void
sp_plan_board_view_dispose (GObject *object)
{
  SpPlanBoardView *self = SP_PLAN_BOARD_VIEW (object);

  if (self->board != NULL)
    g_signal_handlers_disconnect_by_data (self->board, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PLAN_BOARD_VIEW);
  g_clear_object (&self->board);

  G_OBJECT_CLASS (sp_plan_board_view_parent_class)->dispose (object);
}

static void
sp_plan_board_view_class_init (SpPlanBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpPlanViewClass *view_class = SP_PLAN_VIEW_CLASS (klass);

  object_class->dispose = sp_plan_board_view_dispose;
  view_class->reload = sp_plan_board_view_reload;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-plan-board-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpPlanBoardView, board_title_label);
  gtk_widget_class_bind_template_child (widget_class, SpPlanBoardView, board_edit_button);
  gtk_widget_class_bind_template_child (widget_class, SpPlanBoardView, board_stack);
  gtk_widget_class_bind_template_child (widget_class, SpPlanBoardView, board_list_box);
}

static void
sp_plan_board_view_init (SpPlanBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_plan_status_pages_wrap_words (GTK_WIDGET (self));
  rebuild (self);
}
