/* sp-board-member.h: the board: each member's representatives for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

typedef enum {
  SP_BOARD_ROLE_ORDINARY,
  SP_BOARD_ROLE_DEPUTY,
} SpBoardRole;

typedef enum {
  SP_BOARD_OFFICE_NONE,
  SP_BOARD_OFFICE_CHAIR,
  SP_BOARD_OFFICE_VICE_CHAIR,
} SpBoardOffice;

#define SP_TYPE_BOARD_ROLE (sp_board_role_get_type ())
#define SP_TYPE_BOARD_OFFICE (sp_board_office_get_type ())
GType       sp_board_role_get_type     (void);
GType       sp_board_office_get_type   (void);
const char *sp_board_role_get_label    (SpBoardRole   role);
const char *sp_board_office_get_label  (SpBoardOffice office);

typedef struct {
  gint64         member_id;
  const char    *name;
  SpBoardRole    role;
  SpBoardOffice  office;
} SpBoardMemberData;

#define SP_TYPE_BOARD_MEMBER (sp_board_member_get_type ())
G_DECLARE_FINAL_TYPE (SpBoardMember, sp_board_member, SP, BOARD_MEMBER, SpRecord)

gint64         sp_board_member_get_member_id   (SpBoardMember *self);
const char    *sp_board_member_get_member_name (SpBoardMember *self);
int            sp_board_member_get_year        (SpBoardMember *self);
const char    *sp_board_member_get_name        (SpBoardMember *self);
SpBoardRole    sp_board_member_get_role        (SpBoardMember *self);
SpBoardOffice  sp_board_member_get_office      (SpBoardMember *self);

SpRecordList  *sp_board_list_new     (SpDatabase               *database,
                                      int                       year);
gint64         sp_board_add          (SpDatabase               *database,
                                      int                       year,
                                      const SpBoardMemberData  *data,
                                      GError                  **error);
gboolean       sp_board_update       (SpDatabase               *database,
                                      gint64                    id,
                                      const SpBoardMemberData  *data,
                                      GError                  **error);
gboolean       sp_board_delete       (SpDatabase               *database,
                                      gint64                    id,
                                      GError                  **error);

G_END_DECLS
