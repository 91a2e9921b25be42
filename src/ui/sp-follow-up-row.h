/* sp-follow-up-row.h: one row of the follow-up table: a group, an area, a line or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-budget-row.h"
#include "sp-follow-up.h"

G_BEGIN_DECLS

#define SP_TYPE_FOLLOW_UP_ROW (sp_follow_up_row_get_type ())
G_DECLARE_FINAL_TYPE (SpFollowUpRow, sp_follow_up_row, SP, FOLLOW_UP_ROW, GObject)

SpFollowUpRow   *sp_follow_up_row_new            (SpBudgetRowKind   kind,
                                                  gint64            id,
                                                  guint             account);
SpBudgetRowKind  sp_follow_up_row_get_kind       (SpFollowUpRow    *self);
gint64           sp_follow_up_row_get_id         (SpFollowUpRow    *self);
guint            sp_follow_up_row_get_account    (SpFollowUpRow    *self);
const char      *sp_follow_up_row_get_title      (SpFollowUpRow    *self);
const char      *sp_follow_up_row_get_account_name (SpFollowUpRow  *self);
SpBudgetRowSum   sp_follow_up_row_get_sum        (SpFollowUpRow    *self);
SpMoney          sp_follow_up_row_get_amount     (SpFollowUpRow    *self,
                                                  SpFollowUpColumn  column);
guint            sp_follow_up_row_get_months     (SpFollowUpRow    *self);
gboolean         sp_follow_up_row_get_forecast_typed (SpFollowUpRow *self);
SpMoney          sp_follow_up_row_get_deviation  (SpFollowUpRow    *self,
                                                  SpFollowUpColumn  budget,
                                                  SpFollowUpColumn  actual);
void             sp_follow_up_row_update         (SpFollowUpRow    *self,
                                                  const char       *title,
                                                  const char       *account_name,
                                                  SpBudgetRowSum    sum,
                                                  const SpMoney    *amounts,
                                                  guint             months,
                                                  gboolean          forecast_typed);
void             sp_follow_up_row_sync_store     (GListStore       *store,
                                                  SpFollowUp       *follow_up);

G_END_DECLS
