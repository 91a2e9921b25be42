/* sp-project-decision.h: a board decision on a project, and the status workflow it drives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-project.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* The longest paragraph reference of a board decision ("§ 12"). */
#define SP_PROJECT_PARAGRAPH_MAX_CHARS 50

/**
 * SpProjectDecisionData:
 * @date: YYYY-MM-DD, required
 * @paragraph: (nullable): the paragraph of the minutes, "§ 12"; at most 50 characters
 * @text: (nullable): what the board decided
 */
typedef struct {
  const char *date;
  const char *paragraph;
  const char *text;
} SpProjectDecisionData;

/* A board decision on a project. */
#define SP_TYPE_PROJECT_DECISION (sp_project_decision_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectDecision, sp_project_decision, SP, PROJECT_DECISION, SpRecord)

gint64           sp_project_decision_get_project_id     (SpProjectDecision *self);
const char      *sp_project_decision_get_date           (SpProjectDecision *self);
const char      *sp_project_decision_get_paragraph      (SpProjectDecision *self);
const char      *sp_project_decision_get_text           (SpProjectDecision *self);
gboolean         sp_project_decision_get_changes_status (SpProjectDecision *self);
SpProjectStatus  sp_project_decision_get_status         (SpProjectDecision *self);

/* The status workflow: each step records a board decision. */
gboolean      sp_project_change_status       (SpDatabase                 *database,
                                              gint64                      id,
                                              SpProjectStatus             status,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_decide              (SpDatabase                 *database,
                                              gint64                      id,
                                              gboolean                    granted,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_start               (SpDatabase                 *database,
                                              gint64                      id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_finish              (SpDatabase                 *database,
                                              gint64                      id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_implement           (SpDatabase                 *database,
                                              gint64                      id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);

/* Board decisions. */
SpRecordList *sp_project_decision_list_new   (SpDatabase                 *database,
                                              gint64                      project_id);
gint64        sp_project_add_decision        (SpDatabase                 *database,
                                              gint64                      project_id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gint64        sp_project_extend              (SpDatabase                 *database,
                                              gint64                      project_id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_update_decision     (SpDatabase                 *database,
                                              gint64                      decision_id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_delete_decision     (SpDatabase                 *database,
                                              gint64                      decision_id,
                                              GError                    **error);

G_END_DECLS
