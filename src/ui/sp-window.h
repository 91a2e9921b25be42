/* sp-window.h: the main window, one per open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())
G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow   *sp_window_new            (GtkApplication *application,
                                      SpDatabase     *database,
                                      GSettings      *settings);
SpDatabase *sp_window_get_database   (SpWindow       *self);
void        sp_window_set_database   (SpWindow       *self,
                                      SpDatabase     *database);
void        sp_window_show_error     (SpWindow       *self,
                                      const char     *title,
                                      const char     *message);
int         sp_window_get_year       (SpWindow       *self);
void        sp_window_set_year       (SpWindow       *self,
                                      int             year);
const char *sp_window_get_page       (SpWindow       *self);
void        sp_window_add_toast      (SpWindow       *self,
                                      const char     *message);
void        sp_window_add_toast_object (SpWindow     *self,
                                      AdwToast       *toast);
gboolean    sp_window_backup_to      (SpWindow       *self,
                                      const char     *path,
                                      GError        **error);

G_END_DECLS
