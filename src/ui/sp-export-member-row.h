/* sp-export-member-row.h: a member of the export dialog, with its check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-member.h"

G_BEGIN_DECLS

#define SP_TYPE_EXPORT_MEMBER_ROW (sp_export_member_row_get_type ())
G_DECLARE_FINAL_TYPE (SpExportMemberRow, sp_export_member_row, SP, EXPORT_MEMBER_ROW, AdwActionRow)

GtkWidget *sp_export_member_row_new           (SpMember          *member);
gint64     sp_export_member_row_get_member_id (SpExportMemberRow *self);
gboolean   sp_export_member_row_get_active    (SpExportMemberRow *self);
void       sp_export_member_row_set_active    (SpExportMemberRow *self,
                                               gboolean           active);

G_END_DECLS
