/* sp-open-elsewhere.h: a file another Samplan has open: ask before opening it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-presence.h"

G_BEGIN_DECLS

/**
 * SpOpenAs:
 * @SP_OPEN_AS_ASK: ask the user when another Samplan has the file open
 * @SP_OPEN_AS_READ_ONLY: open it read-only, without a presence
 * @SP_OPEN_AS_TAKE_OVER: take the other computer's presence over
 * @SP_OPEN_AS_CANCEL: the user chose not to open it
 */
typedef enum {
  SP_OPEN_AS_ASK,
  SP_OPEN_AS_READ_ONLY,
  SP_OPEN_AS_TAKE_OVER,
  SP_OPEN_AS_CANCEL,
} SpOpenAs;

/* The user's answer; called exactly once, also for SP_OPEN_AS_CANCEL. */
typedef void (*SpOpenAnswerFunc) (SpOpenAs  answer,
                                  gpointer  user_data);

gboolean sp_open_elsewhere_claim  (const char           *path,
                                   SpOpenAs              how,
                                   GtkWindow            *parent,
                                   SpOpenAnswerFunc      answer,
                                   gpointer              user_data,
                                   SpPresence          **out_presence,
                                   SpDatabaseOpenFlags  *flags);
void     sp_open_elsewhere_attach (SpDatabase           *database,
                                   SpPresence           *presence,
                                   GtkWindow            *window,
                                   GApplication         *application);

G_END_DECLS
