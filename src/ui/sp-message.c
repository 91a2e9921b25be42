/* sp-message.c: a message about something that went wrong, in a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-message.h"

/**
 * sp_show_message:
 * @parent: the window the message is about
 *
 * Tells the user something that went wrong, in a dialog with a Close button.
 */
void
sp_show_message (GtkWindow  *parent,
                 const char *heading,
                 const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
