/* sp-report-annual.c: the chapters of the verksamhetsberättelse: the year in
 * short, the organisation, each goal with its target, outcome and follow-up
 * status, budget against actuals by activity area, the projects with their
 * payouts and participants, the contributions received
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-goal.h"
#include "sp-project-participants.h"
#include "sp-project.h"
#include "sp-report-private.h"

/* ---- Helpers ----------------------------------------------------------- */

static void
add_escaped (SpReportFlow      *flow,
             const char        *text,
             SpReportTextStyle  style,
             guint              indent)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  sp_report_flow_add_text (flow, escaped, style, indent, 0, NULL);
}

/* "<b>Label:</b> text" as a paragraph, indented; nothing when @text is empty. */
static void
add_labelled (SpReportFlow *flow,
              const char   *label,
              const char   *text,
              guint         indent)
{
  g_autofree char *markup = NULL;

  if (text == NULL || text[0] == '\0')
    return;
  markup = g_markup_printf_escaped (_("<b>%s:</b> %s"), label, text);
  sp_report_flow_add_text (flow, markup, SP_REPORT_TEXT_BODY, indent, 0, NULL);
}

/* ---- The year in short --------------------------------------------------- */

static void
add_summary (SpReportFlow       *flow,
             const SpReportData *data)
{
  const SpFollowUpSum *total = sp_follow_up_get_total (data->follow_up);
  const char *comment = sp_follow_up_get_comment (data->follow_up);
  g_autofree char *actual = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_ACTUAL], data->unit);
  g_autofree char *budget = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_YEAR_BUDGET], data->unit);
  g_autofree char *text = NULL;

  sp_report_flow_add_chapter (flow, _("The year in short"));
  /* Translators: "Årets resultat är 120 000 kr, mot budgeterade −40 000 kr." */
  text = g_strdup_printf (_("The result of the year is %s, against a budget of %s."), actual, budget);
  sp_report_flow_add_plain (flow, text, SP_REPORT_TEXT_BODY, 0);
  if (sp_follow_up_get_last_month (data->follow_up) == 0)
    sp_report_flow_add_plain (flow, _("The accounts have given no actuals for the year yet."),
                              SP_REPORT_TEXT_BODY, 0);
  if (comment != NULL && comment[0] != '\0')
    sp_report_flow_add_plain (flow, comment, SP_REPORT_TEXT_BODY, 0);
}

/* ---- Goals ------------------------------------------------------------------ */

/* The follow-up status of a goal as the document names it. */
static const char *
status_label (SpGoalStatus status)
{
  switch (status)
    {
    case SP_GOAL_STATUS_ACHIEVED:
      return C_("goal status in a report", "Achieved");
    case SP_GOAL_STATUS_PARTLY_ACHIEVED:
      return C_("goal status in a report", "Partly achieved");
    case SP_GOAL_STATUS_NOT_ACHIEVED:
      return C_("goal status in a report", "Not achieved");
    case SP_GOAL_STATUS_NOT_ASSESSED:
    default:
      return C_("goal status in a report", "Not assessed");
    }
}

/* The order of the statuses in the table of counts. */
static const SpGoalStatus statuses[] = { SP_GOAL_STATUS_ACHIEVED, SP_GOAL_STATUS_PARTLY_ACHIEVED,
                                         SP_GOAL_STATUS_NOT_ACHIEVED, SP_GOAL_STATUS_NOT_ASSESSED };

/* How many goals have each status: a small table before the goals. */
static void
add_status_counts (SpReportFlow       *flow,
                   const SpReportData *data)
{
  static const double weights[] = { 3, 1 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_FIT, SP_REPORT_COLUMN_AMOUNT };
  SpReportTable *table = sp_report_table_new (flow, 2, weights, kinds, 9);
  const char *head[] = { C_("report", "Follow-up status"), _("Goals") };

  sp_report_table_add_header (table, head);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      guint n = 0;
      g_autofree char *count = NULL;

      for (guint i = 0; i < data->goals->len; i++)
        if (sp_goal_get_follow_up_status (g_ptr_array_index (data->goals, i)) == statuses[s])
          n++;
      count = g_strdup_printf ("%u", n);
      {
        const char *row[] = { status_label (statuses[s]), count };
        sp_report_table_add_row (table, row, SP_REPORT_ROW_NORMAL, 0);
      }
    }
  {
    g_autofree char *count = g_strdup_printf ("%u", data->goals->len);
    const char *row[] = { _("Total"), count };
    sp_report_table_add_row (table, row, SP_REPORT_ROW_TOTAL, 0);
  }
  sp_report_table_end (table);
}

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
        add_escaped (flow, heading, SP_REPORT_TEXT_HEADING_1, 0);
      escaped = g_markup_escape_text (sp_goal_get_text (goal), -1);
      marker = g_strdup_printf ("%u.", ++number);
      sp_report_flow_add_text (flow, escaped, SP_REPORT_TEXT_BODY, 1, 0, marker);
      if (sp_goal_get_area_id (goal) != 0)
        add_labelled (flow, _("Activity area"), sp_report_area_name (data, sp_goal_get_area_id (goal)), 1);
      add_labelled (flow, _("Indicator"), sp_goal_get_indicator (goal), 1);
      add_labelled (flow, _("Target value"), sp_goal_get_target_value (goal), 1);
      if (sp_goal_has_outcome (goal))
        add_labelled (flow, _("Outcome"), sp_goal_get_outcome (goal), 1);
      add_labelled (flow, C_("report", "Follow-up status"), status_label (sp_goal_get_follow_up_status (goal)), 1);
      add_labelled (flow, _("Comment"), sp_goal_get_follow_up_comment (goal), 1);
    }
}

static void
add_goals (SpReportFlow       *flow,
           const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Goals and their fulfilment"));
  if (data->goals->len == 0)
    {
      add_escaped (flow, _("No goals are entered for the year."), SP_REPORT_TEXT_BODY, 0);
      return;
    }
  add_status_counts (flow, data);
  add_goals_of_kind (flow, data, SP_GOAL_KIND_STRATEGIC, _("Strategic goals"));
  add_goals_of_kind (flow, data, SP_GOAL_KIND_MEASURABLE, _("Measurable goals"));
}

/* ---- Projects ------------------------------------------------------------------ */

static char *
format_count (int n)
{
  return g_strdup_printf ("%d", n);
}

static void
add_participants (SpReportFlow       *flow,
                  const SpReportData *data)
{
  static const double weights[] = { 3.0, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT,
                                              SP_REPORT_COLUMN_AMOUNT, SP_REPORT_COLUMN_AMOUNT };
  SpProjectParticipantsData sum = { 0 };
  SpReportTable *table;
  guint n_reported = 0;
  /* Translators: the heads of the participants' table: women, men, ages 16–29, 30 and older, and where
   * they went after the project: to work, to studies, to self-sufficiency */
  const char *head[] = { _("Project"), _("Women"), _("Men"), _("Aged 16–29"), _("Aged 30 or more"), _("To work"),
                         _("To studies"), _("To self-sufficiency") };

  add_escaped (flow, C_("report", "Participants"), SP_REPORT_TEXT_HEADING_1, 0);
  table = sp_report_table_new (flow, G_N_ELEMENTS (head), weights, kinds, 8);
  sp_report_table_add_header (table, head);
  for (guint i = 0; i < data->projects->len; i++)
    {
      SpProject *p = g_ptr_array_index (data->projects, i);
      gint64 id = sp_record_get_id (SP_RECORD (p));
      const SpProjectParticipantsData *c = g_hash_table_lookup (data->participants, &id);
      char *cells[8] = { NULL };

      cells[0] = g_strdup (sp_project_get_name (p));
      if (c != NULL)
        {
          int values[] = { c->women, c->men, c->age_16_29, c->age_30_plus, c->to_work, c->to_studies,
                           c->to_self_sufficiency };

          for (guint k = 0; k < G_N_ELEMENTS (values); k++)
            cells[k + 1] = format_count (values[k]);
          sum.women += c->women;
          sum.men += c->men;
          sum.age_16_29 += c->age_16_29;
          sum.age_30_plus += c->age_30_plus;
          sum.to_work += c->to_work;
          sum.to_studies += c->to_studies;
          sum.to_self_sufficiency += c->to_self_sufficiency;
          n_reported++;
        }
      else
        for (guint k = 1; k < 8; k++)
          cells[k] = g_strdup ("–");
      sp_report_table_add_row (table, (const char * const *) cells, SP_REPORT_ROW_NORMAL, 0);
      for (guint k = 0; k < 8; k++)
        g_free (cells[k]);
    }
  {
    int values[] = { sum.women, sum.men, sum.age_16_29, sum.age_30_plus, sum.to_work, sum.to_studies,
                     sum.to_self_sufficiency };
    char *cells[8] = { g_strdup (_("Total")) };

    for (guint k = 0; k < G_N_ELEMENTS (values); k++)
      cells[k + 1] = format_count (values[k]);
    sp_report_table_add_row (table, (const char * const *) cells, SP_REPORT_ROW_TOTAL, 0);
    for (guint k = 0; k < 8; k++)
      g_free (cells[k]);
  }
  sp_report_table_end (table);
  if (n_reported < data->projects->len)
    sp_report_flow_add_plain (flow, _("A dash: no participants are registered for the project and the year."),
                              SP_REPORT_TEXT_NOTE, 0);
  sp_report_flow_add_plain (flow, _("The age groups and where the participants went are counted on their own, "
                                    "and need not add up to the number of women and men."),
                            SP_REPORT_TEXT_NOTE, 0);
}

static void
add_projects (SpReportFlow       *flow,
              const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Projects"));
  add_escaped (flow, _("Granted and paid"), SP_REPORT_TEXT_HEADING_1, 0);
  sp_report_add_payouts (flow, data);
  if (data->projects->len > 0)
    add_participants (flow, data);
}

/* ---- Contributions received ------------------------------------------------------ */

static void
add_contributions (SpReportFlow       *flow,
                   const SpReportData *data)
{
  static const double weights[] = { 3, 2, 1.5 };
  static const SpReportColumnKind kinds[] = { SP_REPORT_COLUMN_WRAP, SP_REPORT_COLUMN_FIT, SP_REPORT_COLUMN_AMOUNT };
  g_autofree char *unit = g_markup_escape_text (sp_report_unit_word (data->unit), -1);
  /* Translators: the head of the column of the contributions of the year, "Medlemsavgift 2010" */
  g_autofree char *amount_head = g_strdup_printf (_("Contribution %d"), data->year);
  const char *head[] = { _("Member"), _("Kind"), amount_head };
  SpMoney sum = 0;
  SpReportTable *table;

  sp_report_flow_add_chapter (flow, _("Member contributions"));
  sp_report_flow_add_plain (flow, _("The members’ contributions for the year, as the plan set them."),
                            SP_REPORT_TEXT_BODY, 0);
  sp_report_flow_add_text (flow, unit, SP_REPORT_TEXT_NOTE, 0, 0, NULL);
  table = sp_report_table_new (flow, 3, weights, kinds, 9);
  sp_report_table_add_header (table, head);
  for (guint i = 0; i < data->contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, i);
      g_autofree char *amount = sp_report_format_money (c->amount[0], data->unit);
      const char *row[] = { c->name, sp_member_kind_get_label (c->kind), amount };

      if (c->amount[0] != SP_MONEY_NOT_SET)
        sum += c->amount[0];
      sp_report_table_add_row (table, row, SP_REPORT_ROW_NORMAL, 0);
    }
  {
    g_autofree char *total = sp_report_format_money (sum, data->unit);
    const char *row[] = { _("Total"), "", total };
    sp_report_table_add_row (table, row, SP_REPORT_ROW_TOTAL, 0);
  }
  sp_report_table_end (table);
}

/**
 * sp_report_add_annual:
 * @flow: the document
 * @data: its data, followed up through December
 *
 * The verksamhetsberättelse's chapters.
 */
void
sp_report_add_annual (SpReportFlow       *flow,
                      const SpReportData *data)
{
  add_summary (flow, data);
  sp_report_add_organisation (flow, data);
  add_goals (flow, data);
  sp_report_flow_add_chapter (flow, _("Budget and actuals"));
  sp_report_add_follow_up_table (flow, data, SP_REPORT_FOLLOW_UP_YEAR);
  sp_report_add_area_comments (flow, data);
  add_projects (flow, data);
  add_contributions (flow, data);
}
