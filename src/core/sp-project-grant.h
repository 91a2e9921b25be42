/* sp-project-grant.h: the funds granted to a project for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* The funds granted to a project for one year. */
#define SP_TYPE_PROJECT_GRANT (sp_project_grant_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectGrant, sp_project_grant, SP, PROJECT_GRANT, SpRecord)

gint64           sp_project_grant_get_project_id (SpProjectGrant *self);
int              sp_project_grant_get_year       (SpProjectGrant *self);
SpMoney          sp_project_grant_get_amount     (SpProjectGrant *self);

/* Granted funds per year. */
SpRecordList *sp_project_grant_list_new      (SpDatabase                 *database,
                                              gint64                      project_id);
gboolean      sp_project_set_grant           (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              SpMoney                     amount,
                                              GError                    **error);
gboolean      sp_project_clear_grant         (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              GError                    **error);
gboolean      sp_project_get_granted         (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              SpMoney                    *out_amount,
                                              gboolean                   *out_is_set,
                                              GError                    **error);

G_END_DECLS
