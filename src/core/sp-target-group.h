/* sp-target-group.h: a target group (målgrupp) of a year's plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* Target groups (målgrupper). */

#define SP_TYPE_TARGET_GROUP (sp_target_group_get_type ())
G_DECLARE_FINAL_TYPE (SpTargetGroup, sp_target_group, SP, TARGET_GROUP, SpRecord)

int            sp_target_group_get_year        (SpTargetGroup *self);
int            sp_target_group_get_position    (SpTargetGroup *self);
const char    *sp_target_group_get_name        (SpTargetGroup *self);
const char    *sp_target_group_get_description (SpTargetGroup *self);

SpRecordList  *sp_target_group_list_new        (SpDatabase    *database,
                                                int            year);
SpTargetGroup *sp_target_group_load            (SpDatabase    *database,
                                                gint64         id,
                                                GError       **error);
gint64         sp_target_group_add             (SpDatabase    *database,
                                                int            year,
                                                const char    *name,
                                                const char    *description,
                                                GError       **error);
gboolean       sp_target_group_update          (SpDatabase    *database,
                                                gint64         id,
                                                const char    *name,
                                                const char    *description,
                                                GError       **error);
gboolean       sp_target_group_move            (SpDatabase    *database,
                                                gint64         id,
                                                guint          new_index,
                                                GError       **error);
gboolean       sp_target_group_delete          (SpDatabase    *database,
                                                gint64         id,
                                                GError       **error);

G_END_DECLS
