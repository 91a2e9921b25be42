/* sp-report-interim.c: the chapters of the delårsrapport: the year's
 * comment, budget against actuals by activity area through the period with
 * the forecast for the year, the result, the areas' comments, the projects'
 * payouts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-report-private.h"
#include "sp-month.h"

/* What the period's result and the forecast say, in a sentence each. */
static void
add_summary (SpReportFlow       *flow,
             const SpReportData *data)
{
  const SpFollowUpSum *total = sp_follow_up_get_total (data->follow_up);
  g_autofree char *period = sp_month_format_period (data->through_month, FALSE);
  g_autofree char *budget = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_PERIOD_BUDGET], data->unit);
  g_autofree char *actual = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_ACTUAL], data->unit);
  g_autofree char *year_budget = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_YEAR_BUDGET], data->unit);
  g_autofree char *forecast = sp_report_format_whole_unit (total->result[SP_FOLLOW_UP_FORECAST], data->unit);
  g_autofree char *text = NULL;

  /* Translators: the interim report's first paragraph: "Resultatet för januari–augusti är 120 000 kr,
   * mot budgeterade −40 000 kr. Prognosen för helåret är …, mot budgeterade …" */
  text = g_strdup_printf (_("The result for %s is %s, against a budget of %s. The forecast for the year is %s, "
                            "against a budget of %s."), period, actual, budget, forecast, year_budget);
  sp_report_flow_add_plain (flow, text, SP_REPORT_TEXT_BODY, 0);
  if (sp_follow_up_get_last_month (data->follow_up) < data->through_month)
    {
      g_autofree char *note = NULL;
      guint last = sp_follow_up_get_last_month (data->follow_up);

      if (last == 0)
        /* Translators: the accounts have given no actuals for the year yet */
        note = g_strdup (_("The accounts have given no actuals for the year yet."));
      else
        /* Translators: "Bokföringen har gett utfall till och med juni." */
        note = g_strdup_printf (_("The accounts have given actuals through %s only."), sp_month_name (last));
      sp_report_flow_add_plain (flow, note, SP_REPORT_TEXT_BODY, 0);
    }
}

/**
 * sp_report_add_interim:
 * @flow: the document
 * @data: its data, followed up through its month
 *
 * The delårsrapport's chapters.
 */
void
sp_report_add_interim (SpReportFlow       *flow,
                       const SpReportData *data)
{
  sp_report_flow_add_chapter (flow, _("Summary"));
  add_summary (flow, data);
  {
    const char *comment = sp_follow_up_get_comment (data->follow_up);

    if (comment != NULL && comment[0] != '\0')
      sp_report_flow_add_plain (flow, comment, SP_REPORT_TEXT_BODY, 0);
  }

  sp_report_flow_add_chapter (flow, _("Budget and actuals by activity area"));
  sp_report_add_follow_up_table (flow, data, SP_REPORT_FOLLOW_UP_PERIOD);
  sp_report_add_area_comments (flow, data);

  sp_report_flow_add_chapter (flow, _("Payouts to the projects"));
  sp_report_add_payouts (flow, data);
}
