/* sp-project-participants.h: a project's participants of one year, planned or actual
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

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

/* A project's participants of one year, planned or actual. */
#define SP_TYPE_PROJECT_PARTICIPANTS (sp_project_participants_get_type ())
G_DECLARE_FINAL_TYPE (SpProjectParticipants, sp_project_participants, SP, PROJECT_PARTICIPANTS, SpRecord)

gint64           sp_project_participants_get_project_id (SpProjectParticipants     *self);
int              sp_project_participants_get_year       (SpProjectParticipants     *self);
gboolean         sp_project_participants_get_planned    (SpProjectParticipants     *self);
void             sp_project_participants_get_data       (SpProjectParticipants     *self,
                                                         SpProjectParticipantsData *data);

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

G_END_DECLS
