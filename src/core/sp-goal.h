/* sp-goal.h: a goal: of a year's plan (strategic or measurable), or a project's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-goal-status.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* The longest goal text, indicator, target value or outcome. */
#define SP_GOAL_MAX_CHARS 2000

/**
 * SpGoalKind:
 * @SP_GOAL_KIND_STRATEGIC: an inriktningsmål: a direction, without a measure
 * @SP_GOAL_KIND_MEASURABLE: a mätbart mål: may have an indicator and a target value
 */
typedef enum {
  SP_GOAL_KIND_STRATEGIC,
  SP_GOAL_KIND_MEASURABLE,
} SpGoalKind;

#define SP_TYPE_GOAL_KIND (sp_goal_kind_get_type ())
GType       sp_goal_kind_get_type    (void);
const char *sp_goal_kind_to_string   (SpGoalKind  kind);
gboolean    sp_goal_kind_from_string (const char *text,
                                      SpGoalKind *kind);
const char *sp_goal_kind_get_label   (SpGoalKind  kind);

/* Goals: a year's strategic and measurable goals, and a project's own goals. */

/**
 * SpGoalData:
 * @kind: strategic or measurable
 * @text: the goal, not empty
 * @indicator: (nullable): how it is measured; measurable goals only
 * @target_value: (nullable): the value aimed at; measurable goals only
 * @area_id: the activity area of the same year, or 0
 * @project_id: a year's goal: the project it concerns, or 0. A project's own
 *   goal: 0 or that project.
 *
 * What a goal says. The outcome is not part of it: see sp_goal_set_outcome();
 * nor are the follow-up status and comment: see sp_goal_set_follow_up().
 */
typedef struct {
  SpGoalKind  kind;
  const char *text;
  const char *indicator;
  const char *target_value;
  gint64      area_id;
  gint64      project_id;
} SpGoalData;

#define SP_TYPE_GOAL (sp_goal_get_type ())
G_DECLARE_FINAL_TYPE (SpGoal, sp_goal, SP, GOAL, SpRecord)

int           sp_goal_get_year         (SpGoal           *self);
gint64        sp_goal_get_project_id   (SpGoal           *self);
int           sp_goal_get_position     (SpGoal           *self);
SpGoalKind    sp_goal_get_kind         (SpGoal           *self);
const char   *sp_goal_get_text         (SpGoal           *self);
const char   *sp_goal_get_indicator    (SpGoal           *self);
const char   *sp_goal_get_target_value (SpGoal           *self);
const char   *sp_goal_get_outcome      (SpGoal           *self);
gint64        sp_goal_get_area_id      (SpGoal           *self);
SpGoalStatus  sp_goal_get_follow_up_status
                                       (SpGoal           *self);
const char   *sp_goal_get_follow_up_comment
                                       (SpGoal           *self);
gboolean      sp_goal_has_outcome      (SpGoal           *self);
void          sp_goal_get_data         (SpGoal           *self,
                                        SpGoalData       *data);

SpRecordList *sp_goal_list_new         (SpDatabase       *database,
                                        int               year);
SpRecordList *sp_goal_list_new_for_project
                                       (SpDatabase       *database,
                                        gint64            project_id);
SpGoal       *sp_goal_load             (SpDatabase       *database,
                                        gint64            id,
                                        GError          **error);
gint64        sp_goal_add              (SpDatabase       *database,
                                        int               year,
                                        const SpGoalData *data,
                                        GError          **error);
gint64        sp_goal_add_to_project   (SpDatabase       *database,
                                        gint64            project_id,
                                        const SpGoalData *data,
                                        GError          **error);
gboolean      sp_goal_update           (SpDatabase       *database,
                                        gint64            id,
                                        const SpGoalData *data,
                                        GError          **error);
gboolean      sp_goal_set_outcome      (SpDatabase       *database,
                                        gint64            id,
                                        const char       *outcome,
                                        GError          **error);
/* In sp-goal-status.c */
gboolean      sp_goal_set_follow_up    (SpDatabase       *database,
                                        gint64            id,
                                        SpGoalStatus      status,
                                        const char       *comment,
                                        GError          **error);
gboolean      sp_goal_move             (SpDatabase       *database,
                                        gint64            id,
                                        guint             new_index,
                                        GError          **error);
gboolean      sp_goal_delete           (SpDatabase       *database,
                                        gint64            id,
                                        GError          **error);
gboolean      sp_goal_count_outcomes   (SpDatabase       *database,
                                        int               year,
                                        guint            *n_goals,
                                        guint            *n_with_outcome,
                                        GError          **error);

G_END_DECLS
