/* sp-next-year-dialog.c: what "Create Next Year" carried over, and what is left to fill in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The next year starts as a copy of the plan (sections, goals, areas) with
 * the budget moved one column to the left: the first plan year's figures
 * become the budget, this year's budget last year's. The second plan year
 * and its frame start empty, and so does the budget of a line that had no
 * plan figure. The dialog says so, with the counts read back from the new
 * year, so that no empty column goes unnoticed into the export.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-next-year-dialog.h"

#include "sp-area.h"
#include "sp-budget-line.h"
#include "sp-goal.h"
#include "sp-plan-year.h"
#include "sp-section.h"

struct _SpNextYearDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (SpNextYearDialog, sp_next_year_dialog, ADW_TYPE_MESSAGE_DIALOG)

static guint
count_items (SpRecordList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The body says what came over; @left_out, a list under it, what is left
 * to fill in. */
static char *
describe (SpDatabase  *database,
          int          year,
          char       **left_out)
{
  g_autoptr(SpRecordList) sections = sp_section_list_new (database, year);
  g_autoptr(SpRecordList) goals = sp_goal_list_new (database, year);
  g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (database, year);
  g_autoptr(SpRecordList) lines = sp_budget_line_list_new (database, year);
  g_autoptr(SpPlanYear) plan = sp_plan_year_load (database, year, NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GString) left = g_string_new (NULL);
  guint n_lines = count_items (lines), n_no_budget = 0;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (lines), i);

      if (!SP_BUDGET_IS_SET (sp_budget_line_get_amount (line, SP_BUDGET_COLUMN_BUDGET)))
        n_no_budget++;
    }

  /* Translators: the first line of the dialog after "Create Next Year";
   * the counts follow as "14 sections, 8 goals, 11 activity areas and 12 budget lines" */
  g_string_append_printf (body, _("Carried over from %d: "), year - 1);
  g_string_append_printf (body, ngettext ("%u section", "%u sections", count_items (sections)),
                          count_items (sections));
  g_string_append (body, ", ");
  g_string_append_printf (body, ngettext ("%u goal", "%u goals", count_items (goals)),
                          count_items (goals));
  g_string_append (body, ", ");
  g_string_append_printf (body, ngettext ("%u activity area", "%u activity areas", count_items (areas)),
                          count_items (areas));
  /* Translators: joins the last count: "… and 12 budget lines" */
  g_string_append (body, _(" and "));
  g_string_append_printf (body, ngettext ("%u budget line", "%u budget lines", n_lines),
                          n_lines);
  g_string_append (body, ".\n\n");
  g_string_append_printf (body,
                          _("The budget moved one year: the plan figures for %d are now its budget, "
                            "and the budget for %d is last year's budget."),
                          year, year - 1);
  g_string_append (left, _("Left to fill in:"));
  g_string_append (left, "\n• ");
  g_string_append_printf (left, _("the plan year %d on every budget line"), year + 2);
  if (n_no_budget > 0)
    {
      g_string_append (left, "\n• ");
      g_string_append_printf (left,
                              ngettext ("the budget for %d on %u line that had no plan figure",
                                        "the budget for %d on %u lines that had no plan figure",
                                        n_no_budget),
                              year, n_no_budget);
    }
  if (plan != NULL && !SP_BUDGET_IS_SET (sp_plan_year_get_frame (plan, SP_PLAN_YEARS - 1)))
    {
      g_string_append (left, "\n• ");
      g_string_append_printf (left, _("the members' frame for %d"), year + 2);
    }
  g_string_append (left, "\n• ");
  g_string_append_printf (left, _("last year's actuals, from the accounts (Import Actuals) once %d is closed"),
                          year - 1);
  g_string_append (left, "\n• ");
  g_string_append (left, _("the goals' outcomes, at the year's end"));
  *left_out = g_string_free (g_steal_pointer (&left), FALSE);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
sp_next_year_dialog_class_init (SpNextYearDialogClass *klass)
{
}

static void
sp_next_year_dialog_init (SpNextYearDialog *self)
{
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");
}

/**
 * sp_next_year_dialog_new:
 * @parent: (nullable): the window
 * @database: the database
 * @year: the year just created
 *
 * Returns: (transfer none): the dialog, to present
 */
SpNextYearDialog *
sp_next_year_dialog_new (GtkWindow  *parent,
                         SpDatabase *database,
                         int         year)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *left = NULL;
  GtkWidget *list;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);

  /* Translators: the heading of the dialog after "Create Next Year" */
  heading = g_strdup_printf (_("The Plan for %d Is Created"), year);
  body = describe (database, year, &left);
  /* The list reads from the left, under the centred body. */
  list = gtk_label_new (left);
  gtk_label_set_wrap (GTK_LABEL (list), TRUE);
  gtk_label_set_xalign (GTK_LABEL (list), 0);
  gtk_widget_set_name (list, "left_label");
  return g_object_new (SP_TYPE_NEXT_YEAR_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", heading,
                       "body", body,
                       "extra-child", list,
                       NULL);
}
