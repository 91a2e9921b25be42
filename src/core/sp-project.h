/* sp-project.h: the project portfolio across the years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Projects (time-limited) and initiatives (lasting) with their owner, status,
 * board decisions, target groups, granted funds per year, co-funding from the
 * members and participants per year. A project's own measurable goals live in
 * the goal table and belong to sp-plan.h.
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

/* The longest paragraph reference of a board decision ("§ 12"). */
#define SP_PROJECT_PARAGRAPH_MAX_CHARS 50

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
} SpProjectData;

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

/**
 * SpProjectParticipantsData:
 *
 * Participants of one year, all counts >= 0. The age groups are counted
 * on their own: they need not add up to @women + @men (ages may be unknown,
 * or counted at another time), and no such check is made.
 */
typedef struct {
  int women;
  int men;
  int age_16_29;
  int age_30_plus;
  int to_work;
  int to_studies;
  int to_self_sufficiency;
} SpProjectParticipantsData;

/**
 * SpProjectYearFigures:
 * @project_id: the project
 * @active: whether the project runs in the year (see sp_project_is_active_in())
 * @has_grant: whether funds are granted for the year (@granted may be 0)
 * @granted: the granted funds of the year, 0 when none
 * @has_participants: whether actual participants are registered for the year
 * @women: @men: the actual participants of the year, 0 when none
 * @has_planned: whether planned participants are registered for the year
 * @planned_women: @planned_men: the planned participants of the year
 */
typedef struct {
  gint64   project_id;
  gboolean active;
  gboolean has_grant;
  SpMoney  granted;
  gboolean has_participants;
  int      women;
  int      men;
  gboolean has_planned;
  int      planned_women;
  int      planned_men;
} SpProjectYearFigures;

/**
 * SpProjectAreaSum:
 * @area_id: the activity area, 0 for projects without one
 * @granted: the granted funds of the year of the area's projects
 */
typedef struct {
  gint64  area_id;
  SpMoney granted;
} SpProjectAreaSum;

/**
 * SpProjectCofundingRow:
 * @member_id: the co-funding member
 * @amount: the amount, in öre
 * @in_kind: whether it is given in kind (staff, rooms) rather than money
 *
 * One co-funding row of a project's year, as sp_project_get_year_details()
 * gives it.
 */
typedef struct {
  gint64   member_id;
  SpMoney  amount;
  gboolean in_kind;
} SpProjectCofundingRow;

/**
 * SpProjectYearDetails:
 * @project_id: the project
 * @target_groups: its target groups' names, in the plan's order (the groups'
 *   year, position, id), %NULL-terminated; never %NULL
 * @cofunding: (element-type SpProjectCofundingRow): its co-funding rows of
 *   the year, in the members' order, money before in kind; never %NULL
 * @decision_date: @decision_paragraph: the board decision that granted the
 *   funds (the last one that changed the status to granted), else the latest
 *   decision; both %NULL when the project has none
 *
 * What the portfolio's export shows of a project beside its own fields, for
 * all projects at once (see sp_project_get_year_details()).
 */
typedef struct {
  gint64   project_id;
  char   **target_groups;
  GArray  *cofunding;
  char    *decision_date;
  char    *decision_paragraph;
} SpProjectYearDetails;

/* A project, as the portfolio list shows it. */
#define SP_TYPE_PROJECT (sp_project_get_type ())
G_DECLARE_FINAL_TYPE (SpProject, sp_project, SP, PROJECT, SpRecord)

const char      *sp_project_get_name                 (SpProject *self);
const char      *sp_project_get_short_name           (SpProject *self);
SpProjectKind    sp_project_get_kind                 (SpProject *self);
const char      *sp_project_get_description          (SpProject *self);
gint64           sp_project_get_owner_id             (SpProject *self);
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

/* A board decision on a project. */
#define SP_TYPE_PROJECT_DECISION (sp_project_decision_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectDecision, sp_project_decision, SP, PROJECT_DECISION, SpRecord)

gint64           sp_project_decision_get_project_id     (SpProjectDecision *self);
const char      *sp_project_decision_get_date           (SpProjectDecision *self);
const char      *sp_project_decision_get_paragraph      (SpProjectDecision *self);
const char      *sp_project_decision_get_text           (SpProjectDecision *self);
gboolean         sp_project_decision_get_changes_status (SpProjectDecision *self);
SpProjectStatus  sp_project_decision_get_status         (SpProjectDecision *self);

/* The funds granted to a project for one year. */
#define SP_TYPE_PROJECT_GRANT (sp_project_grant_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectGrant, sp_project_grant, SP, PROJECT_GRANT, SpRecord)

gint64           sp_project_grant_get_project_id (SpProjectGrant *self);
int              sp_project_grant_get_year       (SpProjectGrant *self);
SpMoney          sp_project_grant_get_amount     (SpProjectGrant *self);

/* A member's co-funding of a project for one year, in money or in kind. */
#define SP_TYPE_PROJECT_COFUNDING (sp_project_cofunding_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectCofunding, sp_project_cofunding, SP, PROJECT_COFUNDING, SpRecord)

gint64           sp_project_cofunding_get_project_id  (SpProjectCofunding *self);
gint64           sp_project_cofunding_get_member_id   (SpProjectCofunding *self);
const char      *sp_project_cofunding_get_member_name (SpProjectCofunding *self);
int              sp_project_cofunding_get_year        (SpProjectCofunding *self);
SpMoney          sp_project_cofunding_get_amount      (SpProjectCofunding *self);
gboolean         sp_project_cofunding_get_in_kind     (SpProjectCofunding *self);

/* A project's participants of one year, planned or actual. */
#define SP_TYPE_PROJECT_PARTICIPANTS (sp_project_participants_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectParticipants, sp_project_participants, SP, PROJECT_PARTICIPANTS, SpRecord)

gint64           sp_project_participants_get_project_id (SpProjectParticipants     *self);
int              sp_project_participants_get_year       (SpProjectParticipants     *self);
gboolean         sp_project_participants_get_planned    (SpProjectParticipants     *self);
void             sp_project_participants_get_data       (SpProjectParticipants     *self,
                                                         SpProjectParticipantsData *data);

/* The portfolio. */
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
gboolean      sp_project_update_decision     (SpDatabase                 *database,
                                              gint64                      decision_id,
                                              const SpProjectDecisionData *decision,
                                              GError                    **error);
gboolean      sp_project_delete_decision     (SpDatabase                 *database,
                                              gint64                      decision_id,
                                              GError                    **error);

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

/* Participants per year. */
SpRecordList *sp_project_participants_list_new (SpDatabase                     *database,
                                                gint64                          project_id);
gboolean      sp_project_set_participants    (SpDatabase                      *database,
                                              gint64                           project_id,
                                              int                              year,
                                              gboolean                         planned,
                                              const SpProjectParticipantsData *data,
                                              GError                         **error);
gboolean      sp_project_clear_participants  (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              gboolean                    planned,
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

/* A year across the portfolio. */
gboolean      sp_project_is_active_in        (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              gboolean                   *out_active,
                                              GError                    **error);
GHashTable   *sp_project_get_year_figures    (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);
GHashTable   *sp_project_get_year_details    (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);
gboolean      sp_project_get_granted_total   (SpDatabase                 *database,
                                              int                         year,
                                              SpMoney                    *out_total,
                                              GError                    **error);
GHashTable   *sp_project_get_granted_by_area (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);

G_END_DECLS
