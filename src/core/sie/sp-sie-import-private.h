/* sp-sie-import-private.h: what the parts of the SIE import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-sie-import.h"

G_BEGIN_DECLS

/* An object's choice: an area (by its lineage), a project, or neither
 * (left out). */
typedef struct {
  gint64 area_lineage;
  gint64 project_id;
} SpSieObjectChoice;

/* A monthly actual as it is stored. */
typedef struct {
  guint   month;
  int     account;
  gint64  area_id;
  gint64  project_id;
  SpMoney amount;
} SpSieMonthRow;

struct _SpSieImport {
  SpDatabase         *database;
  const SpSieFile    *file;
  int                 year;
  int                 year_index;
  GHashTable         *chosen;         /* SIE account → budget account (0: leave out), as GINT_TO_POINTER */
  GHashTable         *chosen_objects; /* "dimension object" → SpSieObjectChoice */
  GHashTable         *chosen_projects; /* SIE account → gint64 *: its project (0: none) */
  GHashTable         *months;         /* SIE account → SpSieAccountMonths (sp_sie_months_collect()) */
  GPtrArray          *month_rows;     /* SpSieMonthRow: what the year's monthly actuals become */
  SpSieImportSummary  summary;
};

gboolean sp_sie_import_add_within_limit (SpMoney     *sum,
                                         SpMoney      amount);
void     sp_sie_import_beyond_limit     (GError     **error,
                                         const char  *what);

gboolean sp_sie_import_recompute        (SpSieImport *self,
                                         GError     **error);

/* sp-sie-import-months.c */
void     sp_sie_import_clear_months     (SpSieImport *self);
gboolean sp_sie_import_compute_months   (SpSieImport *self,
                                         GHashTable  *kinds,
                                         GError     **error);
gboolean sp_sie_import_apply_months     (SpSieImport *self,
                                         GError     **error);

/* sp-sie-import-projects.c */
gboolean sp_sie_import_resolve_projects (SpSieImport *self,
                                         GError     **error);
gboolean sp_sie_import_apply_projects   (SpSieImport *self,
                                         GError     **error);
void     sp_sie_import_describe_objects (SpSieImport *self,
                                         GString     *out);

G_END_DECLS
