/* sp-plan-year.h: the plan years: status, budget frame, shares and allocation key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

typedef enum {
  SP_YEAR_STATUS_DRAFT,
  SP_YEAR_STATUS_ADOPTED,
} SpYearStatus;

/**
 * SpAllocationKey:
 * @SP_ALLOCATION_KEY_POPULATION: the municipal part by population (the default)
 * @SP_ALLOCATION_KEY_PERCENTAGE: by agreed percentages that add up to 100 %
 * @SP_ALLOCATION_KEY_FIXED: each municipality pays an agreed fixed amount
 */
typedef enum {
  SP_ALLOCATION_KEY_POPULATION,
  SP_ALLOCATION_KEY_PERCENTAGE,
  SP_ALLOCATION_KEY_FIXED,
} SpAllocationKey;

/* The three year columns of a plan: the budget year and two plan years. */
#define SP_PLAN_YEARS 3

/* Shares are hundredths of a per cent: 10000 is 100 %. */
#define SP_SHARE_WHOLE 10000

#define SP_TYPE_YEAR_STATUS (sp_year_status_get_type ())
#define SP_TYPE_ALLOCATION_KEY (sp_allocation_key_get_type ())
GType        sp_year_status_get_type       (void);
GType        sp_allocation_key_get_type    (void);
const char  *sp_year_status_get_label      (SpYearStatus    status);
const char  *sp_allocation_key_get_label   (SpAllocationKey key);

#define SP_TYPE_PLAN_YEAR (sp_plan_year_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanYear, sp_plan_year, SP, PLAN_YEAR, SpRecord)

int              sp_plan_year_get_year               (SpPlanYear *self);
SpYearStatus     sp_plan_year_get_status             (SpPlanYear *self);
gboolean         sp_plan_year_is_adopted             (SpPlanYear *self);
const char      *sp_plan_year_get_decision_date      (SpPlanYear *self);
const char      *sp_plan_year_get_decision_paragraph (SpPlanYear *self);
SpMoney          sp_plan_year_get_frame              (SpPlanYear *self,
                                                      guint       column);
SpMoney          sp_plan_year_get_equity_used        (SpPlanYear *self);
int              sp_plan_year_get_share_state        (SpPlanYear *self);
int              sp_plan_year_get_share_region       (SpPlanYear *self);
int              sp_plan_year_get_share_municipalities (SpPlanYear *self);
SpAllocationKey  sp_plan_year_get_allocation_key     (SpPlanYear *self);

SpRecordList    *sp_plan_year_list_new               (SpDatabase  *database);
SpPlanYear      *sp_plan_year_load                   (SpDatabase  *database,
                                                      int          year,
                                                      GError     **error);
int              sp_plan_year_get_latest             (SpDatabase  *database);

gboolean         sp_plan_year_create                 (SpDatabase  *database,
                                                      int          year,
                                                      GError     **error);
gboolean         sp_plan_year_create_next            (SpDatabase  *database,
                                                      int          from_year,
                                                      GError     **error);
gboolean         sp_plan_year_delete                 (SpDatabase  *database,
                                                      int          year,
                                                      GError     **error);
gboolean         sp_plan_year_set_frame              (SpDatabase  *database,
                                                      int          year,
                                                      guint        column,
                                                      SpMoney      frame,
                                                      GError     **error);
gboolean         sp_plan_year_set_equity_used        (SpDatabase  *database,
                                                      int          year,
                                                      SpMoney      amount,
                                                      GError     **error);
gboolean         sp_plan_year_set_shares             (SpDatabase  *database,
                                                      int          year,
                                                      int          state,
                                                      int          region,
                                                      int          municipalities,
                                                      GError     **error);
gboolean         sp_plan_year_set_allocation_key     (SpDatabase  *database,
                                                      int          year,
                                                      SpAllocationKey key,
                                                      GError     **error);
gboolean         sp_plan_year_set_member_key         (SpDatabase  *database,
                                                      int          year,
                                                      gint64       member_id,
                                                      int          percentage,
                                                      SpMoney      amount,
                                                      GError     **error);
gboolean         sp_plan_year_get_member_key         (SpDatabase  *database,
                                                      int          year,
                                                      gint64       member_id,
                                                      int         *percentage,
                                                      SpMoney     *amount,
                                                      GError     **error);
gboolean         sp_plan_year_adopt                  (SpDatabase  *database,
                                                      int          year,
                                                      const char  *decision_date,
                                                      const char  *decision_paragraph,
                                                      GError     **error);
gboolean         sp_plan_year_reopen                 (SpDatabase  *database,
                                                      int          year,
                                                      GError     **error);

G_END_DECLS
