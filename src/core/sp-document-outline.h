/* sp-document-outline.h: which parts the year's document holds, in which order, and its closing line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"

G_BEGIN_DECLS

/* The most characters of each part of the closing line. */
#define SP_DOCUMENT_CLOSING_MAX 200

#define SP_TYPE_DOCUMENT_OUTLINE (sp_document_outline_get_type ())
G_DECLARE_FINAL_TYPE (SpDocumentOutline, sp_document_outline, SP, DOCUMENT_OUTLINE, GObject)

const char * const *sp_document_outline_get_chapter_keys  (void);
const char         *sp_document_outline_get_chapter_title (const char        *key);

SpDocumentOutline  *sp_document_outline_load           (SpDatabase        *database,
                                                        int                year,
                                                        GError           **error);
int                 sp_document_outline_get_year       (SpDocumentOutline *self);
guint               sp_document_outline_get_n_parts    (SpDocumentOutline *self);
const char         *sp_document_outline_get_chapter    (SpDocumentOutline *self,
                                                        guint              part);
int                 sp_document_outline_get_section    (SpDocumentOutline *self,
                                                        guint              part);
const char         *sp_document_outline_get_title      (SpDocumentOutline *self,
                                                        guint              part);
gboolean            sp_document_outline_get_included   (SpDocumentOutline *self,
                                                        guint              part);
void                sp_document_outline_set_included   (SpDocumentOutline *self,
                                                        guint              part,
                                                        gboolean           included);
gboolean            sp_document_outline_can_move       (SpDocumentOutline *self,
                                                        guint              part,
                                                        int                delta);
gboolean            sp_document_outline_move           (SpDocumentOutline *self,
                                                        guint              part,
                                                        int                delta);
const char         *sp_document_outline_get_closing_place  (SpDocumentOutline *self);
const char         *sp_document_outline_get_closing_date   (SpDocumentOutline *self);
const char         *sp_document_outline_get_closing_signer (SpDocumentOutline *self);
void                sp_document_outline_set_closing    (SpDocumentOutline *self,
                                                        const char        *place,
                                                        const char        *date,
                                                        const char        *signer);
char               *sp_document_outline_dup_closing_line (SpDocumentOutline *self);
gboolean            sp_document_outline_save           (SpDatabase        *database,
                                                        SpDocumentOutline *self,
                                                        GError           **error);

G_END_DECLS
