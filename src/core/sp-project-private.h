/* sp-project-private.h: what a project's parts share: checks and its state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core-internal: used by sp-project-edit.c (which implements it),
 * sp-project-decision.c, sp-project-grant.c, sp-project-cofunding.c and
 * sp-project-participants.c. Widgets never include this.
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* sp-project-edit.c */
gboolean  sp_project_check_exists      (SpDatabase       *database,
                                        gint64            id,
                                        GError          **error);
gboolean  sp_project_check_member      (SpDatabase       *database,
                                        gint64            id,
                                        const char       *message,
                                        GError          **error);
gboolean  sp_project_check_year_amount (int               year,
                                        SpMoney           amount,
                                        const char       *negative_message,
                                        GError          **error);
char     *sp_project_clean_line        (const char       *text,
                                        gsize             max_chars,
                                        const char       *what,
                                        GError          **error);
char     *sp_project_clean_field       (const char       *text,
                                        gsize             max_chars,
                                        const char       *what,
                                        GError          **error);
gboolean  sp_project_read_state        (SpDatabase       *database,
                                        gint64            id,
                                        SpProjectStatus  *out_status,
                                        gboolean         *out_archived,
                                        guint            *out_n_decisions,
                                        GError          **error);
gboolean  sp_project_write_status      (SpDatabase       *database,
                                        gint64            id,
                                        SpProjectStatus   status,
                                        GError          **error);

G_END_DECLS
