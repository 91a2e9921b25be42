/* sp-report-chapters.c: the generated chapters of the plan document:
 * Organisation, activity areas, target groups, goals, projects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-board-member.h"
#include "sp-goal.h"
#include "sp-member.h"
#include "sp-portfolio.h"
#include "sp-project.h"
#include "sp-report-private.h"
#include "sp-target-group.h"

/* ---- Helpers ----------------------------------------------------------- */

static void
add_heading (SpReportFlow      *flow,
             const char        *text,
             SpReportTextStyle  style)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  sp_report_flow_add_text (flow, escaped, style, 0, 0, NULL);
}

/* "<b>Label:</b> text" as a paragraph, indented. */
static void
add_labelled (SpReportFlow *flow,
              const char   *label,
              const char   *text,
              guint         indent)
{
  g_autofree char *markup = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  /* Translators: a label and its text in the plan document, "Indikator: …" */
  markup = g_markup_printf_escaped (_("<b>%s:</b> %s"), label, text);
  sp_report_flow_add_text (flow, markup, SP_REPORT_TEXT_BODY, indent, 0, NULL);
}

/* A whole number grouped as the amounts are ("12 345"). */
static char *
format_count (gint64 n)
{
  return sp_money_format (sp_money_from_kr (n), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
}

/* ---- Organisation ------------------------------------------------------- */

static void
add_officer (GString            *text,
             const SpReportData *data,
             SpBoardOffice       office)
{
  for (guint i = 0; i < data->board->len; i++)
    {
      SpBoardMember *b = g_ptr_array_index (data->board, i);
      g_autofree char *part = NULL;

      if (sp_board_member_get_office (b) != office)
        continue;
      /* Translators: an officer of the board: "Ordförande: Anna Ek (Fagersta kommun)." */
      part = g_markup_printf_escaped (_("<b>%s:</b> %s (%s)."), sp_board_office_get_label (office),
                                      sp_board_member_get_name (b), sp_board_member_get_member_name (b));
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, part);
    }
}

void
sp_report_add_organisation (SpReportFlow       *flow,
                            const SpReportData *data)
{
  static const double member_weights[] = { 3, 2, 1, 1 };
  static const SpReportColumnKind member_kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_FIT, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT };
  static const double board_weights[] = { 3, 3, 2, 2 };
  static const SpReportColumnKind board_kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_WRAP };
  g_autoptr(GString) officers = g_string_new (NULL);

  sp_report_flow_add_chapter (flow, _("Organisation"));
  add_heading (flow, _("Members"), SP_REPORT_TEXT_HEADING_1);
  {
    SpReportTable *table = sp_report_table_new (flow, 4, member_weights, member_kinds, 9);
    const char *head[] = { _("Member"), _("Kind"), _("Population"), _("Member since") };

    sp_report_table_add_header (table, head);
    for (guint i = 0; i < data->members->len; i++)
      {
        SpMember *m = g_ptr_array_index (data->members, i);
        g_autofree char *population = sp_member_get_population (m) >= 0
                                        ? format_count (sp_member_get_population (m)) : g_strdup ("");
        g_autofree char *since = sp_member_get_from_year (m) > 0
                                   ? g_strdup_printf ("%d", sp_member_get_from_year (m)) : g_strdup ("");
        const char *row[] = { sp_member_get_name (m), sp_member_kind_get_label (sp_member_get_kind (m)),
                              population, since };

        sp_report_table_add_row (table, row, SP_REPORT_ROW_NORMAL, 0);
      }
    sp_report_table_end (table);
  }

  add_heading (flow, _("Board"), SP_REPORT_TEXT_HEADING_1);
  add_officer (officers, data, SP_BOARD_OFFICE_CHAIR);
  add_officer (officers, data, SP_BOARD_OFFICE_VICE_CHAIR);
  if (officers->len > 0)
    sp_report_flow_add_text (flow, officers->str, SP_REPORT_TEXT_BODY, 0, 0, NULL);
  if (data->board->len == 0)
    {
      add_heading (flow, _("No board members are entered for the year."), SP_REPORT_TEXT_BODY);
      return;
    }
  {
    SpReportTable *table = sp_report_table_new (flow, 4, board_weights, board_kinds, 9);
    const char *head[] = { _("Name"), _("Member"), _("Role"), _("Office") };

    sp_report_table_add_header (table, head);
    for (guint i = 0; i < data->board->len; i++)
      {
        SpBoardMember *b = g_ptr_array_index (data->board, i);
        const char *row[] = { sp_board_member_get_name (b), sp_board_member_get_member_name (b),
                              sp_board_role_get_label (sp_board_member_get_role (b)),
                              sp_board_office_get_label (sp_board_member_get_office (b)) };

        sp_report_table_add_row (table, row, SP_REPORT_ROW_NORMAL, 0);
      }
    sp_report_table_end (table);
  }
}

/* ---- Activity areas and target groups ------------------------------------ */

void
sp_report_add_areas (SpReportFlow       *flow,
                     const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Activity areas"));
  if (data->area_groups->len == 0)
    add_heading (flow, _("No activity areas are entered for the year."), SP_REPORT_TEXT_BODY);
  for (guint g = 0; g < data->area_groups->len; g++)
    {
      SpAreaGroup *group = g_ptr_array_index (data->area_groups, g);
      gint64 group_id = sp_record_get_id (SP_RECORD (group));
      g_autofree char *name = g_markup_printf_escaped ("<b>%s</b>", sp_area_group_get_name (group));

      sp_report_flow_add_text (flow, name, SP_REPORT_TEXT_BODY, 0, 0, NULL);
      /* The group's name is its areas' heading: never alone at a page's foot. */
      sp_report_flow_keep_last_line (flow);
      for (guint a = 0; a < data->areas->len; a++)
        {
          SpArea *area = g_ptr_array_index (data->areas, a);
          g_autofree char *escaped = NULL;

          if (sp_area_get_group_id (area) != group_id)
            continue;
          escaped = g_markup_escape_text (sp_area_get_name (area), -1);
          sp_report_flow_add_text (flow, escaped, SP_REPORT_TEXT_BODY, 1, 0, "•");
        }
    }
}

void
sp_report_add_target_groups (SpReportFlow       *flow,
                             const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Target groups"));
  if (data->target_groups->len == 0)
    add_heading (flow, _("No target groups are entered for the year."), SP_REPORT_TEXT_BODY);
  for (guint i = 0; i < data->target_groups->len; i++)
    {
      SpTargetGroup *group = g_ptr_array_index (data->target_groups, i);

      add_heading (flow, sp_target_group_get_name (group), SP_REPORT_TEXT_HEADING_2);
      sp_report_flow_add_plain (flow, sp_target_group_get_description (group), SP_REPORT_TEXT_BODY, 0);
    }
}

/* ---- Goals --------------------------------------------------------------- */

static void
add_goals_of_kind (SpReportFlow       *flow,
                   const SpReportData *data,
                   SpGoalKind          kind,
                   const char         *heading)
{
  guint number = 0;

  for (guint i = 0; i < data->goals->len; i++)
    {
      SpGoal *goal = g_ptr_array_index (data->goals, i);
      g_autofree char *escaped = NULL;
      g_autofree char *marker = NULL;

      if (sp_goal_get_kind (goal) != kind)
        continue;
      if (number == 0)
        add_heading (flow, heading, SP_REPORT_TEXT_HEADING_1);
      escaped = g_markup_escape_text (sp_goal_get_text (goal), -1);
      marker = g_strdup_printf ("%u.", ++number);
      sp_report_flow_add_text (flow, escaped, SP_REPORT_TEXT_BODY, 1, 0, marker);
      for (guint a = 0; a < data->areas->len; a++)
        if (sp_record_get_id (g_ptr_array_index (data->areas, a)) == sp_goal_get_area_id (goal))
          add_labelled (flow, _("Activity area"), sp_area_get_name (g_ptr_array_index (data->areas, a)), 1);
      add_labelled (flow, _("Indicator"), sp_goal_get_indicator (goal), 1);
      add_labelled (flow, _("Target value"), sp_goal_get_target_value (goal), 1);
      if (sp_goal_has_outcome (goal))
        add_labelled (flow, _("Outcome"), sp_goal_get_outcome (goal), 1);
    }
}

void
sp_report_add_goals (SpReportFlow       *flow,
                     const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Goals"));
  if (data->goals->len == 0)
    add_heading (flow, _("No goals are entered for the year."), SP_REPORT_TEXT_BODY);
  add_goals_of_kind (flow, data, SP_GOAL_KIND_STRATEGIC, _("Strategic goals"));
  add_goals_of_kind (flow, data, SP_GOAL_KIND_MEASURABLE, _("Measurable goals"));
}

/* ---- Projects ------------------------------------------------------------ */

void
sp_report_add_projects (SpReportFlow       *flow,
                        const SpReportData *data)
{
  static const double weights[] = { 1, 1, 1, 1, 1 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_FIT, SP_REPORT_COLUMN_FIT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_FIT };
  g_autofree char *granted_head = NULL;
  g_autofree char *unit = NULL;
  SpMoney sum = 0;

  sp_report_flow_add_chapter (flow, _("Projects"));
  if (data->projects->len == 0)
    {
      add_heading (flow, _("No projects run in the year."), SP_REPORT_TEXT_BODY);
      return;
    }
  unit = g_markup_escape_text (sp_report_unit_word (data->unit), -1);
  sp_report_flow_add_text (flow, unit, SP_REPORT_TEXT_NOTE, 0, 0, NULL);
  /* Translators: the head of the column of the funds granted for the year, "Beviljat 2009" */
  granted_head = g_strdup_printf (_("Granted %d"), data->year);
  {
    SpReportTable *table = sp_report_table_new (flow, 5, weights, kinds, 8.5);
    const char *head[] = { _("Project and owner"), _("Period"), _("Status"), granted_head, _("Decision") };

    sp_report_table_add_header (table, head);
    for (guint i = 0; i < data->projects->len; i++)
      {
        SpProject *p = g_ptr_array_index (data->projects, i);
        gint64 id = sp_record_get_id (SP_RECORD (p));
        const SpProjectYearFigures *f = g_hash_table_lookup (data->figures, &id);
        const SpProjectYearDetails *d = g_hash_table_lookup (data->details, &id);
        g_autofree char *period = NULL;
        g_autofree char *granted = NULL;
        g_autofree char *decision = NULL;

        /* Translators: a project's period on two lines, "2009-01-01 –\n2010-06-30" */
        period = g_strdup_printf (_("%s –\n%s"), sp_project_get_start_date (p) != NULL ? sp_project_get_start_date (p) : "",
                                  sp_project_get_end_date (p) != NULL ? sp_project_get_end_date (p) : "");
        granted = f != NULL && f->has_grant ? sp_report_format_money (f->granted, data->unit) : g_strdup ("");
        if (f != NULL && f->has_grant)
          sum += f->granted;
        /* As everywhere: the date, then the paragraph. */
        if (d != NULL && d->decision_date != NULL && d->decision_paragraph != NULL && d->decision_paragraph[0] != '\0')
          /* Translators: a board decision on two lines: its date and paragraph, "2009-03-24,\n§ 12" */
          decision = g_strdup_printf (C_("decision", "%s,\n%s"), d->decision_date, d->decision_paragraph);
        else if (d != NULL && d->decision_date != NULL)
          decision = g_strdup (d->decision_date);
        {
          const char *owner = sp_project_get_owner_name (p);
          /* Translators: a project and, on the next line, its owner */
          g_autofree char *name = owner != NULL && owner[0] != '\0'
                                    ? g_strdup_printf (_("%s\n%s"), sp_project_get_name (p), owner)
                                    : g_strdup (sp_project_get_name (p));
          const char *row[] = { name, period, sp_project_status_get_label (sp_project_get_status (p)), granted,
                                decision != NULL ? decision : "" };
          sp_report_table_add_row (table, row, SP_REPORT_ROW_NORMAL, 0);
        }
      }
    {
      g_autofree char *total = sp_report_format_money (sum, data->unit);
      const char *row[] = { _("Total"), "", "", total, "" };

      sp_report_table_add_row (table, row, SP_REPORT_ROW_TOTAL, 0);
    }
    sp_report_table_end (table);
  }
}
