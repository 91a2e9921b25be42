/* sp-application.h: the application: actions, command line, opening databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())
G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication *sp_application_new           (const char        *application_id,
                                             GApplicationFlags  flags);
GSettings     *sp_application_get_settings  (SpApplication     *self);
void           sp_application_open_path     (SpApplication     *self,
                                             const char        *path,
                                             GtkWindow         *from_window);

G_END_DECLS
