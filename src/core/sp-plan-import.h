/* sp-plan-import.h: a plan written elsewhere, read in as sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "sp-database.h"

G_BEGIN_DECLS

/* The largest file read in, in bytes. */
#define SP_PLAN_IMPORT_MAX_BYTES (8 * 1024 * 1024)

#define SP_TYPE_PLAN_IMPORT (sp_plan_import_get_type ())
G_DECLARE_FINAL_TYPE (SpPlanImport, sp_plan_import, SP, PLAN_IMPORT, GObject)

SpPlanImport *sp_plan_import_new_from_file     (const char    *path,
                                                GError       **error);
SpPlanImport *sp_plan_import_new_from_data     (const char    *data,
                                                gsize          length,
                                                const char    *name,
                                                GError       **error);
const char   *sp_plan_import_get_title         (SpPlanImport  *self);
gboolean      sp_plan_import_get_is_markdown   (SpPlanImport  *self);
const char   *sp_plan_import_get_encoding      (SpPlanImport  *self);
guint         sp_plan_import_get_n_sections    (SpPlanImport  *self);
const char   *sp_plan_import_get_section_title (SpPlanImport  *self,
                                                guint          index);
const char   *sp_plan_import_get_section_body  (SpPlanImport  *self,
                                                guint          index);
char         *sp_plan_import_get_excerpt       (SpPlanImport  *self,
                                                guint          index,
                                                guint          n_words);
gboolean      sp_plan_import_apply             (SpPlanImport  *self,
                                                SpDatabase    *database,
                                                int            year,
                                                GError       **error);

G_END_DECLS
