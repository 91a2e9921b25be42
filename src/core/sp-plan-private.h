/* sp-plan-private.h: what the record types of a year's plan share to change it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: used by sp-section.c, sp-area-group.c, sp-area.c,
 * sp-target-group.c and sp-goal.c. Widgets never include this.
 */
#pragma once

#include "sp-database.h"
#include "sp-goal.h"

G_BEGIN_DECLS

/* What one edit works on; each edit uses the fields it needs. */
typedef struct {
  gint64            id;      /* the row; after an add, the new row */
  gint64            scope;   /* the year, the group or the project */
  const char       *name;    /* a title or a name */
  const char       *text;    /* a body, a description or an outcome */
  const SpGoalData *goal;
  guint             index;
} SpPlanEdit;

/* sp-plan-edit.c */
gboolean  sp_plan_name_taken        (SpDatabase  *database,
                                     const char  *sql,
                                     gint64       scope,
                                     gint64       id,
                                     const char  *name,
                                     gboolean    *taken,
                                     GError     **error);
gboolean  sp_plan_write_text        (SpDatabase  *database,
                                     const char  *sql,
                                     gint64       id,
                                     const char  *text,
                                     GError     **error);
gboolean  sp_plan_delete_row        (SpDatabase  *database,
                                     const char  *sql,
                                     gint64       id,
                                     GError     **error);
char     *sp_plan_describe_projects (GPtrArray   *names);

/* sp-area-group.c */
gboolean  sp_area_group_read_year   (SpDatabase  *database,
                                     gint64       id,
                                     gint64      *year,
                                     GError     **error);
gboolean  sp_area_group_open        (SpDatabase  *database,
                                     gint64       id,
                                     gint64      *year,
                                     GError     **error);

/* sp-area.c */
gboolean  sp_area_describe_uses     (SpDatabase  *database,
                                     gint64       id,
                                     char       **uses,
                                     GError     **error);
gboolean  sp_area_group_find_direct_area (SpDatabase  *database,
                                          gint64       group_id,
                                          gint64      *area_id,
                                          GError     **error);

G_END_DECLS
