/* sp-start-dialog.c: asks for a new förbund's name and first plan year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Create" is enabled once a name is typed; the "create" response starts
 * the association (the window does that with what the getters give).
 */
#include "config.h"

#include "sp-start-dialog.h"

#include "sp-limits.h"

struct _SpStartDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  AdwEntryRow      *name_row;
  GtkSpinButton    *year_spin;
};

G_DEFINE_FINAL_TYPE (SpStartDialog, sp_start_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_name_row_changed_cb (SpStartDialog *self,
                        GtkEditable   *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", text[0] != '\0');
}

static void
on_year_text_activate_cb (SpStartDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);

  if (adw_message_dialog_get_response_enabled (dialog, "create"))
    {
      adw_message_dialog_response (dialog, "create");
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
sp_start_dialog_class_init (SpStartDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-start-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpStartDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpStartDialog, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_name_row_changed_cb);
}

static void
sp_start_dialog_init (SpStartDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
  /* Enter in the year presses Create, as it does in the name; the spin
   * button reads what was typed first. */
  g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (self->year_spin)), "activate",
                           G_CALLBACK (on_year_text_activate_cb), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/**
 * sp_start_dialog_new:
 * @year: the first plan year offered
 */
GtkWidget *
sp_start_dialog_new (GtkWindow *parent,
                     int        year)
{
  SpStartDialog *self = g_object_new (SP_TYPE_START_DIALOG, "transient-for", parent, NULL);

  gtk_spin_button_set_value (self->year_spin, year);
  return GTK_WIDGET (self);
}

GtkEditable *
sp_start_dialog_get_name_row (SpStartDialog *self)
{
  g_return_val_if_fail (SP_IS_START_DIALOG (self), NULL);
  return GTK_EDITABLE (self->name_row);
}

GtkSpinButton *
sp_start_dialog_get_year_spin (SpStartDialog *self)
{
  g_return_val_if_fail (SP_IS_START_DIALOG (self), NULL);
  return self->year_spin;
}
