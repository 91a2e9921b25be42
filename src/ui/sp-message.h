/* sp-message.h: a message about something that went wrong, in a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void sp_show_message (GtkWindow  *parent,
                      const char *heading,
                      const char *body);

G_END_DECLS
