/* sp-presence.h: who has a database file open, in a small file beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_PRESENCE_ERROR (sp_presence_error_quark ())

/**
 * SpPresenceError:
 * @SP_PRESENCE_ERROR_HELD: another Samplan has the file open
 */
typedef enum {
  SP_PRESENCE_ERROR_HELD,
} SpPresenceError;

#define SP_TYPE_PRESENCE (sp_presence_get_type ())
G_DECLARE_FINAL_TYPE (SpPresence, sp_presence, SP, PRESENCE, GObject)

GQuark       sp_presence_error_quark    (void);

char        *sp_presence_path_for       (const char   *database_path);
SpPresence  *sp_presence_read           (const char   *database_path);
SpPresence  *sp_presence_claim          (const char   *database_path,
                                         gboolean      take_over,
                                         SpPresence  **out_holder,
                                         GError      **error);
void         sp_presence_release        (SpPresence   *self);

const char  *sp_presence_get_user       (SpPresence   *self);
const char  *sp_presence_get_real_name  (SpPresence   *self);
const char  *sp_presence_get_host       (SpPresence   *self);
gint64       sp_presence_get_pid        (SpPresence   *self);
GDateTime   *sp_presence_get_since      (SpPresence   *self);
gboolean     sp_presence_is_this_host   (SpPresence   *self);
gboolean     sp_presence_is_stale       (SpPresence   *self);
gboolean     sp_presence_holds_file     (SpPresence   *self);
char        *sp_presence_describe       (SpPresence   *self);

G_END_DECLS
