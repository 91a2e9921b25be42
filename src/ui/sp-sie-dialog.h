/* sp-sie-dialog.h: what an SIE file will change, before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_SIE_DIALOG (sp_sie_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpSieDialog, sp_sie_dialog, SP, SIE_DIALOG, AdwWindow)

SpSieDialog *sp_sie_dialog_new         (GtkWindow   *parent,
                                        SpDatabase  *database,
                                        const char  *path,
                                        int          year,
                                        GError     **error);
gboolean     sp_sie_dialog_can_import  (SpSieDialog *self);
gboolean     sp_sie_dialog_map_account (SpSieDialog *self,
                                        const char  *sie_account,
                                        int          budget_account);
gboolean     sp_sie_dialog_map_object  (SpSieDialog *self,
                                        int          dimension,
                                        const char  *object,
                                        gint64       area_id,
                                        gint64       project_id);
gboolean     sp_sie_dialog_map_account_project (SpSieDialog *self,
                                                const char  *sie_account,
                                                gint64       project_id);
gboolean     sp_sie_dialog_import      (SpSieDialog *self,
                                        GError     **error);

G_END_DECLS
