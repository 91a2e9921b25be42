/* sp-document-outline-dialog.h: which parts the year's document holds, in which order, and its closing line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-document-outline.h"

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENT_OUTLINE_DIALOG (sp_document_outline_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpDocumentOutlineDialog, sp_document_outline_dialog, SP, DOCUMENT_OUTLINE_DIALOG, AdwWindow)

GtkWidget *sp_document_outline_dialog_new (GtkWindow         *parent,
                                           SpDatabase        *database,
                                           SpDocumentOutline *outline);

G_END_DECLS
