/* sp-association-editor.h: the förbund's name, organisation number and address on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_ASSOCIATION_EDITOR (sp_association_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpAssociationEditor, sp_association_editor, SP, ASSOCIATION_EDITOR, AdwBin)

void sp_association_editor_set_database (SpAssociationEditor *self,
                                         SpDatabase          *database);

void       sp_association_editor_set_logo_file (SpAssociationEditor *self,
                                                GFile               *file);

G_END_DECLS
