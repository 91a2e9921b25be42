/* sp-area.h: an activity area (verksamhetsområde) of a year's plan, in its group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* Activity areas (verksamhetsområden), in groups (see sp-area-group.h). */

#define SP_TYPE_AREA (sp_area_get_type ())
G_DECLARE_FINAL_TYPE (SpArea, sp_area, SP, AREA, SpRecord)

gint64        sp_area_get_group_id       (SpArea      *self);
const char   *sp_area_get_group_name     (SpArea      *self);
int           sp_area_get_year           (SpArea      *self);
int           sp_area_get_position       (SpArea      *self);
const char   *sp_area_get_name           (SpArea      *self);

SpRecordList *sp_area_list_new           (SpDatabase  *database,
                                          gint64       group_id);
SpRecordList *sp_area_list_new_for_year  (SpDatabase  *database,
                                          int          year);
SpArea       *sp_area_load               (SpDatabase  *database,
                                          gint64       id,
                                          GError     **error);
gint64        sp_area_add                (SpDatabase  *database,
                                          gint64       group_id,
                                          const char  *name,
                                          GError     **error);
gboolean      sp_area_rename             (SpDatabase  *database,
                                          gint64       id,
                                          const char  *name,
                                          GError     **error);
gboolean      sp_area_move               (SpDatabase  *database,
                                          gint64       id,
                                          guint        new_index,
                                          GError     **error);
gboolean      sp_area_set_group          (SpDatabase  *database,
                                          gint64       id,
                                          gint64       group_id,
                                          guint        new_index,
                                          GError     **error);
gboolean      sp_area_delete             (SpDatabase  *database,
                                          gint64       id,
                                          GError     **error);

G_END_DECLS
