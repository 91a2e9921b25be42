/* sp-member-row.c: a member organisation's row in the Members page's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row keeps its member; the page writes its title and subtitle.
 */
#include "config.h"

#include "sp-member-row.h"

struct _SpMemberRow
{
  AdwActionRow  parent_instance;

  SpMember     *member;
};

G_DEFINE_FINAL_TYPE (SpMemberRow, sp_member_row, ADW_TYPE_ACTION_ROW)

static void
sp_member_row_dispose (GObject *object)
{
  SpMemberRow *self = SP_MEMBER_ROW (object);

  g_clear_object (&self->member);

  G_OBJECT_CLASS (sp_member_row_parent_class)->dispose (object);
}

static void
sp_member_row_class_init (SpMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_member_row_dispose;
}

static void
sp_member_row_init (SpMemberRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

GtkWidget *
sp_member_row_new (SpMember *member)
{
  SpMemberRow *self;

  g_return_val_if_fail (SP_IS_MEMBER (member), NULL);

  self = g_object_new (SP_TYPE_MEMBER_ROW, NULL);
  self->member = g_object_ref (member);
  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the member shown */
SpMember *
sp_member_row_get_member (SpMemberRow *self)
{
  g_return_val_if_fail (SP_IS_MEMBER_ROW (self), NULL);
  return self->member;
}
