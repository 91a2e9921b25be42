/* sp-area-group.h: a group of activity areas of a year's plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* Activity areas (verksamhetsområden), in groups: Administration › Styrelse. */

#define SP_TYPE_AREA_GROUP (sp_area_group_get_type ())
G_DECLARE_FINAL_TYPE (SpAreaGroup, sp_area_group, SP, AREA_GROUP, SpRecord)

int           sp_area_group_get_year     (SpAreaGroup *self);
int           sp_area_group_get_position (SpAreaGroup *self);
const char   *sp_area_group_get_name     (SpAreaGroup *self);

SpRecordList *sp_area_group_list_new     (SpDatabase  *database,
                                          int          year);
SpAreaGroup  *sp_area_group_load         (SpDatabase  *database,
                                          gint64       id,
                                          GError     **error);
gint64        sp_area_group_add          (SpDatabase  *database,
                                          int          year,
                                          const char  *name,
                                          GError     **error);
gboolean      sp_area_group_rename       (SpDatabase  *database,
                                          gint64       id,
                                          const char  *name,
                                          GError     **error);
gboolean      sp_area_group_move         (SpDatabase  *database,
                                          gint64       id,
                                          guint        new_index,
                                          GError     **error);
gboolean      sp_area_group_delete       (SpDatabase  *database,
                                          gint64       id,
                                          GError     **error);

G_END_DECLS
