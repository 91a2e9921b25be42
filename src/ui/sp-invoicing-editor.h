/* sp-invoicing-editor.h: how the members are invoiced, on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_INVOICING_EDITOR (sp_invoicing_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpInvoicingEditor, sp_invoicing_editor, SP, INVOICING_EDITOR, AdwBin)

void sp_invoicing_editor_set_database (SpInvoicingEditor *self,
                                       SpDatabase        *database);

G_END_DECLS
