/* sp-section-editor.h: the editor of a section's CommonMark text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_SECTION_EDITOR (sp_section_editor_get_type ())
G_DECLARE_FINAL_TYPE (SpSectionEditor, sp_section_editor, SP, SECTION_EDITOR, GtkWidget)

GtkWidget   *sp_section_editor_new          (void);
GtkTextView *sp_section_editor_get_view     (SpSectionEditor *self);
void         sp_section_editor_set_editable (SpSectionEditor *self,
                                             gboolean         editable);

G_END_DECLS
