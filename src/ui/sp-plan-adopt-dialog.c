/* sp-plan-adopt-dialog.c: asks for the board's decision that adopts a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The date and the paragraph of the minutes; the "adopt" response stores
 * them (the Operational Plan page does that, and asks again with what was
 * typed and the core's refusal when they are refused).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-adopt-dialog.h"

struct _SpPlanAdoptDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *date_row;
  GtkWidget        *paragraph_row;
};

G_DEFINE_FINAL_TYPE (SpPlanAdoptDialog, sp_plan_adopt_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
sp_plan_adopt_dialog_class_init (SpPlanAdoptDialogClass *klass)
{
}

static void
sp_plan_adopt_dialog_init (SpPlanAdoptDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *group = adw_preferences_group_new ();

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "adopt", _("_Adopt"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "adopt", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "adopt");
  adw_message_dialog_set_close_response (dialog, "cancel");

  self->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Decision date (YYYY-MM-DD)"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->date_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->date_row);

  self->paragraph_row = adw_entry_row_new ();
  /* Translators: the paragraph of the board's minutes, e.g. "§ 12" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->paragraph_row), _("Paragraph of the minutes"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->paragraph_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->paragraph_row);
  adw_message_dialog_set_extra_child (dialog, group);
}

/**
 * sp_plan_adopt_dialog_new:
 * @date: (nullable): the date typed before, or %NULL for today
 * @paragraph: (nullable): the paragraph typed before
 * @problem: (nullable): why what was typed before was refused
 */
GtkWidget *
sp_plan_adopt_dialog_new (GtkWindow  *parent,
                          int         year,
                          const char *date,
                          const char *paragraph,
                          const char *problem)
{
  g_autofree char *heading = g_strdup_printf (_("Adopt the Plan for %d?"), year);
  g_autofree char *today = NULL;
  SpPlanAdoptDialog *self;

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      today = g_date_time_format (now, "%Y-%m-%d");
    }

  self = g_object_new (SP_TYPE_PLAN_ADOPT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", problem != NULL ? problem
                                               : _("Give the date and paragraph of the board's decision. "
                                                   "The plan can then not be changed until it is re-opened."),
                       NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date != NULL ? date : today);
  if (problem != NULL)
    gtk_widget_add_css_class (self->date_row, "error");
  gtk_editable_set_text (GTK_EDITABLE (self->paragraph_row), paragraph != NULL ? paragraph : "§ ");
  return GTK_WIDGET (self);
}

GtkEditable *
sp_plan_adopt_dialog_get_date_row (SpPlanAdoptDialog *self)
{
  g_return_val_if_fail (SP_IS_PLAN_ADOPT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->date_row);
}

GtkEditable *
sp_plan_adopt_dialog_get_paragraph_row (SpPlanAdoptDialog *self)
{
  g_return_val_if_fail (SP_IS_PLAN_ADOPT_DIALOG (self), NULL);
  return GTK_EDITABLE (self->paragraph_row);
}
