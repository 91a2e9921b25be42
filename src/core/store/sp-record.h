/* sp-record.h: a row of the database as an object, with its id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SP_TYPE_RECORD (sp_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpRecord, sp_record, SP, RECORD, GObject)

struct _SpRecordClass
{
  GObjectClass parent_class;
};

gint64      sp_record_get_id  (SpRecord   *self);
const char *sp_enum_get_nick  (GType       enum_type,
                               int         value);
gboolean    sp_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);
gboolean    sp_record_assign  (SpRecord   *self,
                               SpRecord   *other);

G_END_DECLS
