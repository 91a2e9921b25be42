/* sp-open-elsewhere.c: a file another Samplan has open: ask before opening it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Before a window opens a file to write to it, it records its presence
 * beside the file (sp-presence.h). When another Samplan has the file open,
 * the user is told who, on which computer and since when, and may open it
 * read-only or not at all; when that Samplan is on another computer, whose
 * process cannot be checked from here, also open it anyway.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-open-elsewhere.h"

/* The key under which a database keeps its presence, released with it. */
#define PRESENCE_KEY "sp-open-elsewhere-presence"

typedef struct {
  SpOpenAnswerFunc answer;
  gpointer         user_data;
} Question;

static void
on_dialog_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       Question         *question)
{
  SpOpenAs answer = SP_OPEN_AS_CANCEL;

  if (g_strcmp0 (response, "read-only") == 0)
    answer = SP_OPEN_AS_READ_ONLY;
  else if (g_strcmp0 (response, "anyway") == 0)
    answer = SP_OPEN_AS_TAKE_OVER;

  question->answer (answer, question->user_data);
  g_free (question);
}

static void
ask (GtkWindow        *parent,
     SpPresence       *holder,
     const char       *description,
     SpOpenAnswerFunc  answer,
     gpointer          user_data)
{
  g_autoptr(GString) body = g_string_new (description);
  gboolean other_host = !sp_presence_is_this_host (holder);
  Question *question = g_new0 (Question, 1);
  GtkWidget *dialog;

  g_string_append (body, "\n\n");
  g_string_append (body, _("Changes made in two places at once can overwrite each other. "
                           "Open the file read-only to look at it, or cancel."));
  if (other_host)
    {
      g_string_append (body, " ");
      g_string_append (body, _("If Samplan is no longer running on that computer, you may open "
                               "the file anyway."));
    }

  dialog = adw_message_dialog_new (parent, _("The File Is Open Elsewhere"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (other_host)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "anyway", _("Open _Anyway"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "anyway",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only", _("Open _Read-Only"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  question->answer = answer;
  question->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response_cb), question);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sp_open_elsewhere_claim:
 * @path: the database file, canonical
 * @how: what the user chose before, or %SP_OPEN_AS_ASK the first time
 * @parent: (nullable): the window to ask over
 * @answer: called with the user's answer when this returns %FALSE
 * @out_presence: (out) (transfer full): this Samplan's presence, or %NULL
 *   when the file opens read-only
 * @flags: (inout): the flags to open the database with
 *
 * Returns: %TRUE to go on opening the file with @flags; %FALSE when another
 *   Samplan has it open and the user is asked (@answer is called later)
 */
gboolean
sp_open_elsewhere_claim (const char           *path,
                         SpOpenAs              how,
                         GtkWindow            *parent,
                         SpOpenAnswerFunc      answer,
                         gpointer              user_data,
                         SpPresence          **out_presence,
                         SpDatabaseOpenFlags  *flags)
{
  g_autoptr(SpPresence) holder = NULL;
  g_autoptr(GError) error = NULL;

  *out_presence = NULL;
  if (how == SP_OPEN_AS_READ_ONLY || (*flags & SP_DATABASE_OPEN_READ_ONLY) != 0)
    {
      *flags |= SP_DATABASE_OPEN_READ_ONLY | SP_DATABASE_OPEN_EXISTING;
      return TRUE;
    }

  *out_presence = sp_presence_claim (path, how == SP_OPEN_AS_TAKE_OVER, &holder, &error);
  if (*out_presence != NULL)
    return TRUE;

  g_printerr ("samplan: %s\n", error->message);
  ask (parent, holder, error->message, answer, user_data);
  return FALSE;
}

static void
on_done_cb (SpPresence *presence)
{
  sp_presence_release (presence);
}

/**
 * sp_open_elsewhere_attach:
 * @presence: (transfer full) (nullable): the presence claimed for @database
 * @window: the window that shows @database
 *
 * The database keeps @presence until it is finalized; the presence file
 * goes when @window is destroyed or @application shuts down, whichever
 * comes first.
 */
void
sp_open_elsewhere_attach (SpDatabase   *database,
                          SpPresence   *presence,
                          GtkWindow    *window,
                          GApplication *application)
{
  if (presence == NULL)
    return;
  g_object_set_data_full (G_OBJECT (database), PRESENCE_KEY, presence, g_object_unref);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_done_cb), presence, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "shutdown", G_CALLBACK (on_done_cb), presence, G_CONNECT_SWAPPED);
}
