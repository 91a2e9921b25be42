/* sp-export-dialog.h: choose and write the Excel workbooks of a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_EXPORT_DIALOG (sp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpExportDialog, sp_export_dialog, SP, EXPORT_DIALOG, AdwWindow)

SpExportDialog *sp_export_dialog_new        (GtkWindow      *parent,
                                             SpDatabase     *database,
                                             int             year,
                                             GSettings      *settings);
void            sp_export_dialog_set_folder (SpExportDialog *self,
                                             const char     *folder);
void            sp_export_dialog_set_member_selected (SpExportDialog *self,
                                             gint64          member_id,
                                             gboolean        selected);
GPtrArray      *sp_export_dialog_export     (SpExportDialog *self,
                                             GError        **error);

G_END_DECLS
