/* sp-member.h: the member organisations of the förbund
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/**
 * SpMemberKind:
 * @SP_MEMBER_KIND_STATE: Försäkringskassan or Arbetsförmedlingen; the state pays half
 * @SP_MEMBER_KIND_REGION: the region (landsting before 2020); pays a quarter
 * @SP_MEMBER_KIND_MUNICIPALITY: a kommun; the kommuner share a quarter
 */
typedef enum {
  SP_MEMBER_KIND_STATE,
  SP_MEMBER_KIND_REGION,
  SP_MEMBER_KIND_MUNICIPALITY,
} SpMemberKind;

#define SP_TYPE_MEMBER_KIND (sp_member_kind_get_type ())
GType       sp_member_kind_get_type      (void);
const char *sp_member_kind_to_string     (SpMemberKind kind);
gboolean    sp_member_kind_from_string   (const char   *text,
                                          SpMemberKind *kind);
const char *sp_member_kind_get_label     (SpMemberKind kind);

/* What a member is; -1 and 0 mean "not set" for population and years. */
typedef struct {
  const char   *name;
  SpMemberKind  kind;
  gboolean      pays_own_share;
  gint64        population;
  int           from_year;
  int           to_year;
} SpMemberData;

#define SP_TYPE_MEMBER (sp_member_get_type ())
G_DECLARE_FINAL_TYPE (SpMember, sp_member, SP, MEMBER, SpRecord)

const char   *sp_member_get_name           (SpMember *self);
SpMemberKind  sp_member_get_kind           (SpMember *self);
gboolean      sp_member_get_pays_own_share (SpMember *self);
gint64        sp_member_get_population     (SpMember *self);
int           sp_member_get_from_year      (SpMember *self);
int           sp_member_get_to_year        (SpMember *self);
int           sp_member_get_position       (SpMember *self);
gboolean      sp_member_is_member_in       (SpMember *self,
                                            int       year);
void          sp_member_get_data           (SpMember     *self,
                                            SpMemberData *data);

SpRecordList *sp_member_list_new           (SpDatabase          *database);
SpMember     *sp_member_load               (SpDatabase          *database,
                                            gint64               id,
                                            GError             **error);
gint64        sp_member_add                (SpDatabase          *database,
                                            const SpMemberData  *data,
                                            GError             **error);
gboolean      sp_member_update             (SpDatabase          *database,
                                            gint64               id,
                                            const SpMemberData  *data,
                                            GError             **error);
gboolean      sp_member_move               (SpDatabase          *database,
                                            gint64               id,
                                            guint                new_index,
                                            GError             **error);
gboolean      sp_member_end_membership     (SpDatabase          *database,
                                            gint64               id,
                                            int                  last_year,
                                            GError             **error);
gboolean      sp_member_delete             (SpDatabase          *database,
                                            gint64               id,
                                            GError             **error);

G_END_DECLS
