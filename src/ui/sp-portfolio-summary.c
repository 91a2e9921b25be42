/* sp-portfolio-summary.c: the counts and granted funds under the Projekt page's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How many projects and applications the filters show, the granted funds of
 * the page's year and what is paid of them to date, a warning for each
 * activity area whose granted funds exceed the budget's costs for it, and
 * one for each project paid more than it was granted.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-portfolio-summary.h"

#include "sp-budget.h"
#include "sp-money.h"
#include "sp-area.h"
#include "sp-portfolio.h"
#include "sp-project.h"
#include "sp-project-payout.h"

struct _SpPortfolioSummary
{
  AdwBin       parent_instance;

  /* Template widgets */
  GtkLabel    *counts_label;
  GtkLabel    *granted_label;
  GtkRevealer *budget_revealer;
  GtkLabel    *budget_warning_label;
};

G_DEFINE_FINAL_TYPE (SpPortfolioSummary, sp_portfolio_summary, ADW_TYPE_BIN)

static void
update_budget (SpPortfolioSummary *self,
               SpDatabase         *database,
               int                 year)
{
  g_autoptr(GHashTable) by_area = NULL;
  g_autoptr(SpBudgetTotals) totals = NULL;
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autoptr(GArray) payouts = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *paid_text = NULL;
  g_autofree char *granted_text = NULL;
  GHashTableIter iter;
  gpointer value;
  SpMoney total = 0;
  SpMoney paid = 0;
  gboolean any_paid = FALSE;

  if (database == NULL)
    {
      gtk_revealer_set_reveal_child (self->budget_revealer, FALSE);
      gtk_label_set_text (self->granted_label, "");
      return;
    }

  sp_project_get_granted_total (database, year, &total, NULL);
  total_text = sp_money_format (total, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  payouts = sp_project_payouts_get (database, year, 12, NULL);
  for (guint i = 0; payouts != NULL && i < payouts->len; i++)
    paid += g_array_index (payouts, SpProjectPayout, i).paid;
  paid_text = sp_money_format (paid, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  /* What is paid once the ledger has given a payout, as the table's column. */
  for (guint i = 0; payouts != NULL && i < payouts->len; i++)
    any_paid |= g_array_index (payouts, SpProjectPayout, i).paid != 0;
  if (any_paid)
    /* Translators: under the project list: the granted funds of all projects in a year, and
     * what the ledger says is paid of them to date */
    granted_text = g_strdup_printf (_("Granted funds %d: %s · paid to date: %s"), year, total_text, paid_text);
  else
    /* Translators: under the project list: the granted funds of all projects in a year */
    granted_text = g_strdup_printf (_("Granted funds %d: %s"), year, total_text);
  gtk_label_set_text (self->granted_label, granted_text);

  by_area = sp_project_get_granted_by_area (database, year, NULL);
  totals = sp_budget_totals_new (database, year, NULL);
  if (by_area != NULL && totals != NULL)
    {
      g_hash_table_iter_init (&iter, by_area);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const SpProjectAreaSum *sum = value;
          const SpBudgetSubtotal *sub;
          g_autoptr(SpArea) area = NULL;
          g_autofree char *granted = NULL;
          g_autofree char *budget = NULL;
          SpMoney costs = 0;

          if (sum->area_id == 0)
            continue;
          sub = sp_budget_totals_find_area (totals, sum->area_id);
          if (sub != NULL && sub->sum.n_set[SP_BUDGET_COLUMN_BUDGET] > 0)
            costs = sub->sum.costs[SP_BUDGET_COLUMN_BUDGET];
          if (sum->granted <= costs)
            continue;

          area = sp_area_load (database, sum->area_id, NULL);
          granted = sp_money_format (sum->granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          budget = sp_money_format (costs, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          if (warning->len > 0)
            g_string_append_c (warning, '\n');
          g_string_append_printf (warning,
                                  /* Translators: a warning: the granted funds of a year exceed the
                                   * budget's costs for the projects' activity area */
                                  _("%s: %s granted in %d, but the budget has %s"),
                                  area != NULL ? sp_area_get_name (area) : "?",
                                  granted, year, budget);
        }
    }
  for (guint i = 0; payouts != NULL && i < payouts->len; i++)
    {
      const SpProjectPayout *payout = &g_array_index (payouts, SpProjectPayout, i);
      g_autoptr(SpProject) project = NULL;
      g_autofree char *granted = NULL;
      g_autofree char *over = NULL;

      if (!sp_project_payout_is_over (payout))
        continue;
      project = sp_project_load (database, payout->project_id, NULL);
      granted = sp_money_format (payout->granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      over = sp_money_format (payout->paid, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      if (warning->len > 0)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning,
                              /* Translators: a warning: a project was paid more in a year than it
                               * was granted: "Kuggen: 120 000 kr paid in 2009, but 100 000 kr granted" */
                              _("%s: %s paid in %d, but %s granted"),
                              project != NULL ? sp_project_get_name (project) : "?", over, year, granted);
    }
  gtk_label_set_text (self->budget_warning_label, warning->str);
  gtk_revealer_set_reveal_child (self->budget_revealer, warning->len > 0);
}

static void
sp_portfolio_summary_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PORTFOLIO_SUMMARY);

  G_OBJECT_CLASS (sp_portfolio_summary_parent_class)->dispose (object);
}

static void
sp_portfolio_summary_class_init (SpPortfolioSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_portfolio_summary_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-portfolio-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioSummary, counts_label);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioSummary, granted_label);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioSummary, budget_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpPortfolioSummary, budget_warning_label);
}

static void
sp_portfolio_summary_init (SpPortfolioSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Says how many projects, and of them applications, the list shows. */
void
sp_portfolio_summary_set_counts (SpPortfolioSummary *self,
                                 guint               n_projects,
                                 guint               n_applications)
{
  g_autofree char *projects = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_PORTFOLIO_SUMMARY (self));

  projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n_projects), n_projects);
  applications = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u application", "%u applications",
                                               n_applications), n_applications);
  /* Translators: the counts above the project list, e.g. "12 projects, 3 applications" */
  text = g_strdup_printf (_("%s, %s"), projects, applications);
  gtk_label_set_text (self->counts_label, text);
}

/**
 * sp_portfolio_summary_update_funds:
 * @database: (nullable): the open database, or %NULL to show nothing
 * @year: the page's year
 *
 * Shows the granted funds of @year, and warns of areas granted more than
 * their budget.
 */
void
sp_portfolio_summary_update_funds (SpPortfolioSummary *self,
                                   SpDatabase         *database,
                                   int                 year)
{
  g_return_if_fail (SP_IS_PORTFOLIO_SUMMARY (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  update_budget (self, database, year);
}
