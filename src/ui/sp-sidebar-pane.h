/* sp-sidebar-pane.h: a sidebar the user can widen by dragging its edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_SIDEBAR_PANE (sp_sidebar_pane_get_type ())
G_DECLARE_FINAL_TYPE (SpSidebarPane, sp_sidebar_pane, SP, SIDEBAR_PANE, GtkWidget)

GtkWidget *sp_sidebar_pane_new          (void);
GtkWidget *sp_sidebar_pane_get_child    (SpSidebarPane *self);
void       sp_sidebar_pane_set_child    (SpSidebarPane *self,
                                         GtkWidget     *child);
int        sp_sidebar_pane_get_position (SpSidebarPane *self);
void       sp_sidebar_pane_set_position (SpSidebarPane *self,
                                         int            position);
GtkWidget *sp_sidebar_pane_get_handle   (SpSidebarPane *self);

G_END_DECLS
