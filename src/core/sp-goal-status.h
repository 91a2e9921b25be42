/* sp-goal-status.h: how far a goal was reached, as the follow-up judges it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The longest follow-up comment of a goal (the schema's limit). */
#define SP_GOAL_FOLLOW_UP_COMMENT_MAX_CHARS 4000

/**
 * SpGoalStatus:
 * @SP_GOAL_STATUS_NOT_ASSESSED: not yet judged (every goal starts so)
 * @SP_GOAL_STATUS_ACHIEVED: uppnått
 * @SP_GOAL_STATUS_PARTLY_ACHIEVED: delvis uppnått
 * @SP_GOAL_STATUS_NOT_ACHIEVED: ej uppnått
 *
 * The follow-up status of a goal. The database stores the enum's nick
 * ("not_assessed", "achieved", "partly_achieved", "not_achieved").
 */
typedef enum {
  SP_GOAL_STATUS_NOT_ASSESSED = 0,
  SP_GOAL_STATUS_ACHIEVED,
  SP_GOAL_STATUS_PARTLY_ACHIEVED,
  SP_GOAL_STATUS_NOT_ACHIEVED,
} SpGoalStatus;

#define SP_GOAL_N_STATUSES (SP_GOAL_STATUS_NOT_ACHIEVED + 1)

#define SP_TYPE_GOAL_STATUS (sp_goal_status_get_type ())
GType       sp_goal_status_get_type  (void);
const char *sp_goal_status_to_string (SpGoalStatus  status);
const char *sp_goal_status_get_nick  (SpGoalStatus  status);
gboolean    sp_goal_status_from_nick (const char   *nick,
                                      SpGoalStatus *status);

G_END_DECLS
