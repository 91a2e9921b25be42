/* sp-section.h: a section (avsnitt) of a year's plan: a title and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/* Sections (avsnitt): the plan's text, in order. */

#define SP_TYPE_SECTION (sp_section_get_type ())
G_DECLARE_FINAL_TYPE (SpSection, sp_section, SP, SECTION, SpRecord)

int           sp_section_get_year     (SpSection   *self);
int           sp_section_get_position (SpSection   *self);
const char   *sp_section_get_title    (SpSection   *self);
const char   *sp_section_get_body     (SpSection   *self);

SpRecordList *sp_section_list_new     (SpDatabase  *database,
                                       int          year);
SpSection    *sp_section_load         (SpDatabase  *database,
                                       gint64       id,
                                       GError     **error);
gint64        sp_section_add          (SpDatabase  *database,
                                       int          year,
                                       const char  *title,
                                       const char  *body,
                                       GError     **error);
gboolean      sp_section_rename       (SpDatabase  *database,
                                       gint64       id,
                                       const char  *title,
                                       GError     **error);
gboolean      sp_section_set_body     (SpDatabase  *database,
                                       gint64       id,
                                       const char  *body,
                                       GError     **error);
gboolean      sp_section_move         (SpDatabase  *database,
                                       gint64       id,
                                       guint        new_index,
                                       GError     **error);
gboolean      sp_section_delete       (SpDatabase  *database,
                                       gint64       id,
                                       GError     **error);

G_END_DECLS
