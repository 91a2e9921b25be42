/* sp-plan-import-private.h: what the import of a plan text shares between its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* sp-plan-import-read.c: the file's bytes as text */
char     *sp_plan_import_decode              (const char  *data,
                                              gsize        length,
                                              const char  *name,
                                              char       **encoding,
                                              GError     **error);
gboolean  sp_plan_import_looks_like_markdown (const char  *text);
void      sp_plan_import_nest_sub_items      (char       **lines);

G_END_DECLS
