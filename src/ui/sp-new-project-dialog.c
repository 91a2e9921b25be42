/* sp-new-project-dialog.c: asks for the name of a new project application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "create" response, possible once a name is typed, means: add a project
 * of that name; the page that opened the dialog adds it.
 */
#include "config.h"

#include "sp-new-project-dialog.h"

struct _SpNewProjectDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkEntry         *entry;
};

G_DEFINE_FINAL_TYPE (SpNewProjectDialog, sp_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_entry_changed_cb (SpNewProjectDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", text[0] != '\0');
}

static void
sp_new_project_dialog_class_init (SpNewProjectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpNewProjectDialog, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
sp_new_project_dialog_init (SpNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", FALSE);
}

/**
 * sp_new_project_dialog_new:
 * @parent: (nullable): the window to be modal to
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
SpNewProjectDialog *
sp_new_project_dialog_new (GtkWindow *parent)
{
  return g_object_new (SP_TYPE_NEW_PROJECT_DIALOG, "transient-for", parent, NULL);
}

/* Shows the dialog with the focus in the name. */
void
sp_new_project_dialog_present (SpNewProjectDialog *self)
{
  g_return_if_fail (SP_IS_NEW_PROJECT_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/* The name as typed. */
const char *
sp_new_project_dialog_get_name (SpNewProjectDialog *self)
{
  g_return_val_if_fail (SP_IS_NEW_PROJECT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}
