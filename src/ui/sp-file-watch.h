/* sp-file-watch.h: a window notices when another program changed its file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-database.h"

G_BEGIN_DECLS

/* How often a shown window looks at its file, in milliseconds. */
#define SP_FILE_WATCH_INTERVAL_MS 2000

/* How long the window's edits wait for another program's lock. */
#define SP_FILE_WATCH_BUSY_TIMEOUT_MS 200

#define SP_TYPE_FILE_WATCH (sp_file_watch_get_type ())
G_DECLARE_FINAL_TYPE (SpFileWatch, sp_file_watch, SP, FILE_WATCH, GObject)

SpFileWatch *sp_file_watch_new (GtkWidget  *window,
                                SpDatabase *database);

G_END_DECLS
