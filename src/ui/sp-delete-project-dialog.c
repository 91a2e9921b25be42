/* sp-delete-project-dialog.c: asks before a project is deleted, or archived
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project with board decisions is archived rather than deleted, and the
 * dialog says so. The "delete" response means: go ahead; the page that
 * opened the dialog deletes the project. The dialog remembers which project
 * it asks about, as the selection may change behind it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-delete-project-dialog.h"

struct _SpDeleteProjectDialog
{
  AdwMessageDialog  parent_instance;

  gint64            project_id;
  char             *project_name;
};

G_DEFINE_FINAL_TYPE (SpDeleteProjectDialog, sp_delete_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
sp_delete_project_dialog_finalize (GObject *object)
{
  SpDeleteProjectDialog *self = SP_DELETE_PROJECT_DIALOG (object);

  g_free (self->project_name);

  G_OBJECT_CLASS (sp_delete_project_dialog_parent_class)->finalize (object);
}

static void
sp_delete_project_dialog_class_init (SpDeleteProjectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_delete_project_dialog_finalize;
}

static void
sp_delete_project_dialog_init (SpDeleteProjectDialog *self)
{
}

/**
 * sp_delete_project_dialog_new:
 * @parent: (nullable): the window to be modal to
 * @project: the project to delete
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
SpDeleteProjectDialog *
sp_delete_project_dialog_new (GtkWindow *parent,
                              SpProject *project)
{
  SpDeleteProjectDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  gboolean archive;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);

  archive = sp_project_get_n_decisions (project) > 0;
  /* Translators: %s is the project's name */
  heading = g_strdup_printf (archive ? _("Archive “%s”?") : _("Delete “%s”?"), sp_project_get_name (project));
  self = g_object_new (SP_TYPE_DELETE_PROJECT_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", archive
                               ? _("The project has board decisions, so it is kept in the archive with its history, and no longer shown in the list. Show archived projects to see it again.")
                               : _("The project, its granted funds, participants and goals are deleted. You can undo this."),
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", archive ? _("_Archive") : _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  self->project_id = sp_record_get_id (SP_RECORD (project));
  self->project_name = g_strdup (sp_project_get_name (project));
  return self;
}

gint64
sp_delete_project_dialog_get_project_id (SpDeleteProjectDialog *self)
{
  g_return_val_if_fail (SP_IS_DELETE_PROJECT_DIALOG (self), 0);

  return self->project_id;
}

const char *
sp_delete_project_dialog_get_project_name (SpDeleteProjectDialog *self)
{
  g_return_val_if_fail (SP_IS_DELETE_PROJECT_DIALOG (self), NULL);

  return self->project_name;
}
