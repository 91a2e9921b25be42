/* sp-project-cofunding.h: a member's co-funding of a project for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* A member's co-funding of a project for one year, in money or in kind. */
#define SP_TYPE_PROJECT_COFUNDING (sp_project_cofunding_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectCofunding, sp_project_cofunding, SP, PROJECT_COFUNDING, SpRecord)

gint64           sp_project_cofunding_get_project_id  (SpProjectCofunding *self);
gint64           sp_project_cofunding_get_member_id   (SpProjectCofunding *self);
const char      *sp_project_cofunding_get_member_name (SpProjectCofunding *self);
int              sp_project_cofunding_get_year        (SpProjectCofunding *self);
SpMoney          sp_project_cofunding_get_amount      (SpProjectCofunding *self);
gboolean         sp_project_cofunding_get_in_kind     (SpProjectCofunding *self);

/* Co-funding per member and year. */
SpRecordList *sp_project_cofunding_list_new  (SpDatabase                 *database,
                                              gint64                      project_id);
gboolean      sp_project_set_cofunding       (SpDatabase                 *database,
                                              gint64                      project_id,
                                              gint64                      member_id,
                                              int                         year,
                                              gboolean                    in_kind,
                                              SpMoney                     amount,
                                              GError                    **error);
gboolean      sp_project_clear_cofunding     (SpDatabase                 *database,
                                              gint64                      project_id,
                                              gint64                      member_id,
                                              int                         year,
                                              gboolean                    in_kind,
                                              GError                    **error);

G_END_DECLS
