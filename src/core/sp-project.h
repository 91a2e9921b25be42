/* sp-project.h: a project or initiative of the portfolio, across the years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Projects (time-limited) and initiatives (lasting) with their owner, status,
 * archived flag and target groups. The record is read in sp-project.c and
 * changed in sp-project-edit.c. What a project has per year lives beside
 * it: board decisions (sp-project-decision.h, which also moves the status),
 * granted funds (sp-project-grant.h), co-funding from the members
 * (sp-project-cofunding.h) and participants (sp-project-participants.h);
 * figures of a year across all projects are in sp-portfolio.h. A project's
 * own measurable goals live in the goal table and belong to sp-goal.h.
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/**
 * SpProjectKind:
 * @SP_PROJECT_KIND_PROJECT: a time-limited project (projekt)
 * @SP_PROJECT_KIND_INITIATIVE: a lasting initiative (insats)
 */
typedef enum {
  SP_PROJECT_KIND_PROJECT,
  SP_PROJECT_KIND_INITIATIVE,
} SpProjectKind;

#define SP_TYPE_PROJECT_KIND (sp_project_kind_get_type ())
GType       sp_project_kind_get_type      (void);
const char *sp_project_kind_to_string     (SpProjectKind    kind);
gboolean    sp_project_kind_from_string   (const char      *text,
                                           SpProjectKind   *kind);
const char *sp_project_kind_get_label     (SpProjectKind    kind);

/**
 * SpProjectStatus:
 * @SP_PROJECT_STATUS_APPLICATION: applied for, not yet decided by the board
 * @SP_PROJECT_STATUS_GRANTED: the board granted the application
 * @SP_PROJECT_STATUS_REJECTED: the board rejected the application (final)
 * @SP_PROJECT_STATUS_ONGOING: the granted project has started
 * @SP_PROJECT_STATUS_FINISHED: the project has ended
 * @SP_PROJECT_STATUS_IMPLEMENTED: its work goes on in the members' regular operations
 *
 * The workflow: application → granted or rejected; granted → ongoing →
 * finished → implemented. Each step is a board decision.
 */
typedef enum {
  SP_PROJECT_STATUS_APPLICATION,
  SP_PROJECT_STATUS_GRANTED,
  SP_PROJECT_STATUS_REJECTED,
  SP_PROJECT_STATUS_ONGOING,
  SP_PROJECT_STATUS_FINISHED,
  SP_PROJECT_STATUS_IMPLEMENTED,
} SpProjectStatus;

#define SP_TYPE_PROJECT_STATUS (sp_project_status_get_type ())
GType       sp_project_status_get_type    (void);
const char *sp_project_status_to_string   (SpProjectStatus  status);
gboolean    sp_project_status_from_string (const char      *text,
                                           SpProjectStatus *status);
const char *sp_project_status_get_label   (SpProjectStatus  status);
gboolean    sp_project_status_can_change  (SpProjectStatus  from,
                                           SpProjectStatus  to);

/* The priorities of the förbund's criteria for applications; 0 = not set. */
#define SP_PROJECT_PRIORITY_MAX 3
const char *sp_project_priority_get_label (int              priority);

/**
 * SpProjectData:
 * @name: not empty, at most 200 characters, one line
 * @short_name: (nullable): one line, at most 200 characters; %NULL = ""
 * @owner_id: the member that owns the project, or 0
 * @area_id: the activity area the project belongs to, or 0
 * @priority: 1 task missing in the members' own organisations, 2 not
 *   prioritised today, 3 brings extra costs; 0 = not set
 * @start_date: (nullable): YYYY-MM-DD; %NULL or "" = not set
 * @end_date: (nullable): YYYY-MM-DD, not before @start_date; %NULL or "" = not set
 * @planned_participants: how many the application plans for; -1 = not set
 * @external_assessor: (nullable): the external co-assessor, one line
 * @report_date: (nullable): YYYY-MM-DD of the evaluation report; %NULL or "" = not set
 * @owned_by_association: the förbund itself owns the project (its own
 *   project, run by the office); @owner_id must then be 0
 *
 * What a project is, apart from its status (which only the workflow
 * changes), its archived flag and its rows per year. Text fields that are
 * %NULL are stored as "".
 */
typedef struct {
  const char    *name;
  const char    *short_name;
  SpProjectKind  kind;
  const char    *description;
  gint64         owner_id;
  const char    *contact;
  gint64         area_id;
  int            priority;
  const char    *start_date;
  const char    *end_date;
  gint64         planned_participants;
  const char    *results;
  gboolean       self_evaluation_done;
  const char    *external_assessor;
  const char    *report_date;
  const char    *evaluation;
  gboolean       owned_by_association;
} SpProjectData;

/* A project, as the portfolio list shows it. */
#define SP_TYPE_PROJECT (sp_project_get_type ())
G_DECLARE_FINAL_TYPE (SpProject, sp_project, SP, PROJECT, SpRecord)

const char      *sp_project_get_name                 (SpProject *self);
const char      *sp_project_get_short_name           (SpProject *self);
SpProjectKind    sp_project_get_kind                 (SpProject *self);
const char      *sp_project_get_description          (SpProject *self);
gint64           sp_project_get_owner_id             (SpProject *self);
gboolean         sp_project_get_owned_by_association (SpProject *self);
const char      *sp_project_get_owner_name           (SpProject *self);
const char      *sp_project_get_search_text          (SpProject *self);
const char      *sp_project_get_name_key             (SpProject *self);
const char      *sp_project_get_owner_key            (SpProject *self);
const char      *sp_project_get_contact              (SpProject *self);
gint64           sp_project_get_area_id              (SpProject *self);
const char      *sp_project_get_area_name            (SpProject *self);
int              sp_project_get_priority             (SpProject *self);
SpProjectStatus  sp_project_get_status               (SpProject *self);
const char      *sp_project_get_start_date           (SpProject *self);
const char      *sp_project_get_end_date             (SpProject *self);
gint64           sp_project_get_planned_participants (SpProject *self);
const char      *sp_project_get_results              (SpProject *self);
gboolean         sp_project_get_self_evaluation_done (SpProject *self);
const char      *sp_project_get_external_assessor    (SpProject *self);
const char      *sp_project_get_report_date          (SpProject *self);
const char      *sp_project_get_evaluation           (SpProject *self);
gboolean         sp_project_get_archived             (SpProject *self);
SpMoney          sp_project_get_total_granted        (SpProject *self);
guint            sp_project_get_n_decisions          (SpProject *self);
void             sp_project_get_data                 (SpProject     *self,
                                                      SpProjectData *data);

/* The portfolio: adding, changing, archiving projects. */
SpRecordList *sp_project_list_new            (SpDatabase                 *database);
SpProject    *sp_project_load                (SpDatabase                 *database,
                                              gint64                      id,
                                              GError                    **error);
gint64        sp_project_add                 (SpDatabase                 *database,
                                              const SpProjectData        *data,
                                              GError                    **error);
gboolean      sp_project_update              (SpDatabase                 *database,
                                              gint64                      id,
                                              const SpProjectData        *data,
                                              GError                    **error);
gboolean      sp_project_delete              (SpDatabase                 *database,
                                              gint64                      id,
                                              gboolean                   *archived,
                                              GError                    **error);
gboolean      sp_project_archive             (SpDatabase                 *database,
                                              gint64                      id,
                                              GError                    **error);
gboolean      sp_project_unarchive           (SpDatabase                 *database,
                                              gint64                      id,
                                              GError                    **error);

/* Target groups. */
GArray       *sp_project_get_target_groups   (SpDatabase                 *database,
                                              gint64                      project_id,
                                              GError                    **error);
gboolean      sp_project_set_target_groups   (SpDatabase                 *database,
                                              gint64                      project_id,
                                              const gint64               *target_group_ids,
                                              guint                       n_ids,
                                              GError                    **error);

G_END_DECLS
