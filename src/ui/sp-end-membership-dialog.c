/* sp-end-membership-dialog.c: asks for the last year of a member's membership
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "end" response means: end the membership with the year in the spin
 * button; the page that opened the dialog stores it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-end-membership-dialog.h"

#include "sp-limits.h"

struct _SpEndMembershipDialog
{
  AdwMessageDialog  parent_instance;

  gint64            member_id;

  /* Template widgets */
  GtkSpinButton    *year_spin;
};

G_DEFINE_FINAL_TYPE (SpEndMembershipDialog, sp_end_membership_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
sp_end_membership_dialog_class_init (SpEndMembershipDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-end-membership-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpEndMembershipDialog, year_spin);
}

static void
sp_end_membership_dialog_init (SpEndMembershipDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
}

/**
 * sp_end_membership_dialog_new:
 * @parent: (nullable): the window to be modal to
 * @member: the member whose membership ends
 * @last_year: the last year to offer
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
SpEndMembershipDialog *
sp_end_membership_dialog_new (GtkWindow *parent,
                              SpMember  *member,
                              int        last_year)
{
  SpEndMembershipDialog *self;

  g_return_val_if_fail (SP_IS_MEMBER (member), NULL);

  self = g_object_new (SP_TYPE_END_MEMBERSHIP_DIALOG, "transient-for", parent, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  /* Translators: %s is a member organisation */
                                  _("“%s” stays in the plans and budgets of the years it was a member. "
                                    "From the year after the last one, it pays no contribution."),
                                  sp_member_get_name (member));
  self->member_id = sp_record_get_id (SP_RECORD (member));
  gtk_spin_button_set_value (self->year_spin, last_year);
  return self;
}

gint64
sp_end_membership_dialog_get_member_id (SpEndMembershipDialog *self)
{
  g_return_val_if_fail (SP_IS_END_MEMBERSHIP_DIALOG (self), 0);

  return self->member_id;
}

int
sp_end_membership_dialog_get_last_year (SpEndMembershipDialog *self)
{
  g_return_val_if_fail (SP_IS_END_MEMBERSHIP_DIALOG (self), 0);

  return gtk_spin_button_get_value_as_int (self->year_spin);
}
