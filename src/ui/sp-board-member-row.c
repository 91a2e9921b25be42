/* sp-board-member-row.c: a board member's row in the Members page, with its edit and remove buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row shows the person, the member they represent, their role and
 * office, and follows the board member's changes. Its buttons emit ::edit
 * and ::remove; activating the row presses the edit button.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-board-member-row.h"

struct _SpBoardMemberRow
{
  AdwActionRow   parent_instance;

  SpBoardMember *representative;

  /* Template widgets */
  GtkWidget     *edit_button;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (SpBoardMemberRow, sp_board_member_row, ADW_TYPE_ACTION_ROW)

enum {
  EDIT,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------ */

static char *
board_subtitle (SpBoardMember *representative)
{
  SpBoardOffice office = sp_board_member_get_office (representative);
  const char *role = sp_board_role_get_label (sp_board_member_get_role (representative));

  if (office == SP_BOARD_OFFICE_NONE)
    return g_strdup_printf ("%s · %s", sp_board_member_get_member_name (representative), role);
  return g_strdup_printf ("%s · %s · %s", sp_board_member_get_member_name (representative), role,
                          sp_board_office_get_label (office));
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_edit_button_clicked_cb (SpBoardMemberRow *self,
                           GtkButton        *button)
{
  g_signal_emit (self, signals[EDIT], 0);
}

static void
on_remove_button_clicked_cb (SpBoardMemberRow *self,
                             GtkButton        *button)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
on_representative_notify_cb (SpBoardMemberRow *self,
                             GParamSpec       *pspec,
                             SpBoardMember    *representative)
{
  /* A row on its way out is left alone. */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    sp_board_member_row_update (self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_board_member_row_dispose (GObject *object)
{
  SpBoardMemberRow *self = SP_BOARD_MEMBER_ROW (object);

  if (self->representative != NULL)
    g_signal_handlers_disconnect_by_func (self->representative, on_representative_notify_cb, self);
  g_clear_object (&self->representative);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BOARD_MEMBER_ROW);

  G_OBJECT_CLASS (sp_board_member_row_parent_class)->dispose (object);
}

static void
sp_board_member_row_class_init (SpBoardMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_board_member_row_dispose;

  /**
   * SpBoardMemberRow::edit:
   *
   * The edit button was pressed (or the row activated).
   */
  signals[EDIT] =
    g_signal_new ("edit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * SpBoardMemberRow::remove:
   *
   * The remove button was pressed.
   */
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-board-member-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBoardMemberRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SpBoardMemberRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_button_clicked_cb);
}

static void
sp_board_member_row_init (SpBoardMemberRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_board_member_row_new (SpBoardMember *representative)
{
  SpBoardMemberRow *self;

  g_return_val_if_fail (SP_IS_BOARD_MEMBER (representative), NULL);

  self = g_object_new (SP_TYPE_BOARD_MEMBER_ROW, NULL);
  self->representative = g_object_ref (representative);
  sp_board_member_row_update (self);
  g_signal_connect_object (representative, "notify", G_CALLBACK (on_representative_notify_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the board member shown */
SpBoardMember *
sp_board_member_row_get_representative (SpBoardMemberRow *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER_ROW (self), NULL);
  return self->representative;
}

/* Shows the board member as stored now. */
void
sp_board_member_row_update (SpBoardMemberRow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *edit_label = NULL;
  g_autofree char *remove_label = NULL;
  const char *name;

  g_return_if_fail (SP_IS_BOARD_MEMBER_ROW (self));

  name = sp_board_member_get_name (self->representative);
  subtitle = board_subtitle (self->representative);
  /* Translators: the accessible names of a board member's buttons; %s is the person */
  edit_label = g_strdup_printf (_("Edit %s"), name);
  remove_label = g_strdup_printf (_("Remove %s from the board"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
}
