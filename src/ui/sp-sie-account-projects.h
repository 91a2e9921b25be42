/* sp-sie-account-projects.h: the import window's choice of a project per ledger account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sie/sp-sie-import.h"

G_BEGIN_DECLS

#define SP_TYPE_SIE_ACCOUNT_PROJECTS (sp_sie_account_projects_get_type ())
G_DECLARE_FINAL_TYPE (SpSieAccountProjects, sp_sie_account_projects, SP, SIE_ACCOUNT_PROJECTS, AdwPreferencesGroup)

SpSieAccountProjects *sp_sie_account_projects_new    (SpDatabase               *database,
                                                      const SpSieImportSummary *summary);
void                  sp_sie_account_projects_update (SpSieAccountProjects     *self,
                                                      const SpSieImportSummary *summary);

G_END_DECLS
