/* sp-portfolio.h: a year across the portfolio: figures and totals of all projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpProjectYearFigures:
 * @project_id: the project
 * @active: whether the project runs in the year (see sp_project_is_active_in())
 * @has_grant: whether funds are granted for the year (@granted may be 0)
 * @granted: the granted funds of the year, 0 when none
 * @has_participants: whether actual participants are registered for the year
 * @women: @men: the actual participants of the year, 0 when none
 * @has_planned: whether planned participants are registered for the year
 * @planned_women: @planned_men: the planned participants of the year
 */
typedef struct {
  gint64   project_id;
  gboolean active;
  gboolean has_grant;
  SpMoney  granted;
  gboolean has_participants;
  int      women;
  int      men;
  gboolean has_planned;
  int      planned_women;
  int      planned_men;
} SpProjectYearFigures;

/**
 * SpProjectAreaSum:
 * @area_id: the activity area, 0 for projects without one
 * @granted: the granted funds of the year of the area's projects
 */
typedef struct {
  gint64  area_id;
  SpMoney granted;
} SpProjectAreaSum;

/**
 * SpProjectCofundingRow:
 * @member_id: the co-funding member
 * @amount: the amount, in öre
 * @in_kind: whether it is given in kind (staff, rooms) rather than money
 *
 * One co-funding row of a project's year, as sp_project_get_year_details()
 * gives it.
 */
typedef struct {
  gint64   member_id;
  SpMoney  amount;
  gboolean in_kind;
} SpProjectCofundingRow;

/**
 * SpProjectYearDetails:
 * @project_id: the project
 * @target_groups: its target groups' names, in the plan's order (the groups'
 *   year, position, id), %NULL-terminated; never %NULL
 * @cofunding: (element-type SpProjectCofundingRow): its co-funding rows of
 *   the year, in the members' order, money before in kind; never %NULL
 * @decision_date: @decision_paragraph: the board decision that granted the
 *   funds (the last one that changed the status to granted), else the latest
 *   decision; both %NULL when the project has none
 * @latest_date: @latest_paragraph: @latest_text: the latest board decision
 *   (by date, then as recorded), whatever it decided; all %NULL without one
 *
 * What the portfolio's export shows of a project beside its own fields, for
 * all projects at once (see sp_project_get_year_details()).
 */
typedef struct {
  gint64   project_id;
  char   **target_groups;
  GArray  *cofunding;
  char    *decision_date;
  char    *decision_paragraph;
  char    *latest_date;
  char    *latest_paragraph;
  char    *latest_text;
} SpProjectYearDetails;

/* A year across the portfolio. */
gboolean      sp_project_is_active_in        (SpDatabase                 *database,
                                              gint64                      project_id,
                                              int                         year,
                                              gboolean                   *out_active,
                                              GError                    **error);
GHashTable   *sp_project_get_year_figures    (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);
GHashTable   *sp_project_get_year_details    (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);
gboolean      sp_project_get_granted_total   (SpDatabase                 *database,
                                              int                         year,
                                              SpMoney                    *out_total,
                                              GError                    **error);
GHashTable   *sp_project_get_granted_by_area (SpDatabase                 *database,
                                              int                         year,
                                              GError                    **error);

G_END_DECLS
