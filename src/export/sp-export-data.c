/* sp-export-data.c: what the workbooks show, loaded once per export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-error.h"
#include "sp-export-private.h"

/* ---- Helpers ----------------------------------------------------------- */

static void
project_row_free (ProjectRow *row)
{
  g_clear_object (&row->project);
  g_free (row->target_groups);
  g_clear_pointer (&row->cofunders, g_array_unref);
  g_free (row->decision_date);
  g_free (row->decision_paragraph);
  g_free (row->decision_text);
  g_free (row);
}

void
sp_export_data_free (ExportData *data)
{
  g_clear_pointer (&data->association, sp_association_free);
  g_clear_object (&data->plan);
  g_clear_pointer (&data->contributions, g_ptr_array_unref);
  g_clear_pointer (&data->previous_contributions, g_hash_table_unref);
  g_clear_pointer (&data->invoicing, sp_invoicing_free);
  g_clear_pointer (&data->totals, sp_budget_totals_free);
  g_clear_pointer (&data->checks, sp_budget_checks_free);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_clear_pointer (&data->revenue, sp_budget_revenue_free);
  g_clear_pointer (&data->projects, g_ptr_array_unref);
  g_clear_pointer (&data->goals, g_ptr_array_unref);
  g_clear_pointer (&data->area_names, g_hash_table_unref);
  g_clear_pointer (&data->project_names, g_hash_table_unref);
  g_clear_pointer (&data->follow_up, sp_export_follow_up_free);
  g_free (data);
}

/* All the items of a list model, as a GPtrArray that owns them. */
GPtrArray *
sp_export_list_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
money_has_ore (SpMoney amount)
{
  return amount != SP_MONEY_NOT_SET && amount % SP_MONEY_ORE_PER_KR != 0;
}

/* ---- Loading ------------------------------------------------------------------ */

/* The names joined with "; ", empty ones left out. */
static char *
join_target_groups (char **names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (names[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, names[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
load_projects (SpDatabase  *database,
               ExportData  *data,
               GError     **error)
{
  g_autoptr(SpRecordList) list = sp_project_list_new (database);
  g_autoptr(GPtrArray) projects = sp_export_list_items (G_LIST_MODEL (list));
  g_autoptr(GHashTable) details = NULL;
  GHashTable *figures[SP_PLAN_YEARS] = { NULL };
  gboolean ok = FALSE;

  /* Three queries for all projects, not three per project. */
  details = sp_project_get_year_details (database, data->year, error);
  if (details == NULL)
    return FALSE;

  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      figures[y] = sp_project_get_year_figures (database, data->year + (int) y, error);
      if (figures[y] == NULL)
        goto out;
    }

  data->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) project_row_free);
  data->project_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < projects->len; i++)
    {
      SpProject *project = g_ptr_array_index (projects, i);
      gint64 id = sp_record_get_id (SP_RECORD (project));
      const SpProjectYearFigures *now = g_hash_table_lookup (figures[0], &id);
      ProjectRow *row;

      g_hash_table_insert (data->project_names, g_memdup2 (&id, sizeof id), g_strdup (sp_project_get_name (project)));
      if (now == NULL || !now->active)
        continue;

      row = g_new0 (ProjectRow, 1);
      row->project = g_object_ref (project);
      row->cofunders = g_array_new (FALSE, FALSE, sizeof (SpProjectCofundingRow));
      g_ptr_array_add (data->projects, row);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          const SpProjectYearFigures *f = g_hash_table_lookup (figures[y], &id);
          row->has_grant[y] = f != NULL && f->has_grant;
          row->granted[y] = f != NULL ? f->granted : 0;
          data->has_ore |= row->has_grant[y] && money_has_ore (row->granted[y]);
        }
      row->has_participants = now->has_participants;
      row->women = now->women;
      row->men = now->men;

      {
        const SpProjectYearDetails *more = g_hash_table_lookup (details, &id);

        row->target_groups = join_target_groups (more != NULL ? more->target_groups : NULL);
        for (guint k = 0; more != NULL && k < more->cofunding->len; k++)
          {
            const SpProjectCofundingRow *c = &g_array_index (more->cofunding, SpProjectCofundingRow, k);

            row->has_cofunding = TRUE;
            row->cofunding += c->amount;
            data->has_ore |= money_has_ore (c->amount);
            g_array_append_val (row->cofunders, *c);
          }
        /* The workbook shows the latest decision: an extension comes after the grant. */
        if (more != NULL && more->latest_date != NULL)
          {
            row->decision_date = g_strdup (more->latest_date);
            row->decision_paragraph = g_strdup (more->latest_paragraph);
            row->decision_text = g_strdup (more->latest_text);
          }
      }
    }
  ok = TRUE;

out:
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    g_clear_pointer (&figures[y], g_hash_table_unref);
  return ok;
}

ExportData *
sp_export_load_data (SpDatabase  *database,
                     int          year,
                     GError     **error)
{
  g_autoptr(ExportData) data = g_new0 (ExportData, 1);
  g_autoptr(GError) local_error = NULL;

  data->year = year;
  data->plan = sp_plan_year_load (database, year, &local_error);
  if (data->plan == NULL)
    {
      if (g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_YEAR,
                     _("There is no plan for %d, so there is nothing to export."), year);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  data->association = sp_association_load (database, error);
  if (data->association == NULL)
    return NULL;
  if (data->association->name == NULL || data->association->name[0] == '\0')
    {
      g_free (data->association->name);
      data->association->name = g_strdup (_("Coordination association"));
    }

  {
    g_autoptr(SpRecordList) lines = sp_budget_line_list_new (database, year);
    data->lines = sp_export_list_items (G_LIST_MODEL (lines));
  }
  data->revenue = sp_budget_revenue_new (database, year, error);
  if (data->revenue == NULL)
    return NULL;
  if (data->lines->len == 0 && data->revenue->lines->len == 0)
    {
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_BUDGET,
                   _("The budget for %d has no lines. Enter the budget before exporting it."), year);
      return NULL;
    }
  for (guint i = 0; i < data->lines->len; i++)
    for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
      data->has_ore |= money_has_ore (sp_budget_line_get_amount (g_ptr_array_index (data->lines, i), c));
  for (guint i = 0; i < data->revenue->lines->len; i++)
    for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
      data->has_ore |= money_has_ore (((SpBudgetRevenueLine *) g_ptr_array_index (data->revenue->lines, i))->amounts[c]);

  data->totals = sp_budget_totals_new (database, year, error);
  if (data->totals == NULL)
    return NULL;
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    data->has_ore |= money_has_ore (sp_plan_year_get_frame (data->plan, y));
  data->has_ore |= money_has_ore (sp_plan_year_get_equity_used (data->plan));

  /* The core's own message when they cannot be computed. */
  data->contributions = sp_contributions_compute (database, year, error);
  if (data->contributions == NULL)
    return NULL;

  /* Last year's, beside this year's on the invoice basis, where there was a
   * plan last year and its contributions can be computed. */
  data->previous_contributions = sp_contributions_compute_by_member (database, year - 1);
  data->invoicing = sp_invoicing_load (database, error);
  if (data->invoicing == NULL)
    return NULL;

  if (!load_projects (database, data, error))
    return NULL;
  data->checks = sp_budget_checks_new (database, year, error);
  if (data->checks == NULL)
    return NULL;

  {
    g_autoptr(SpRecordList) goals = sp_goal_list_new (database, year);
    g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (database, year);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (areas));

    data->goals = sp_export_list_items (G_LIST_MODEL (goals));
    data->area_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
        gint64 id = sp_record_get_id (SP_RECORD (area));
        g_hash_table_insert (data->area_names, g_memdup2 (&id, sizeof id), g_strdup (sp_area_get_name (area)));
      }
  }

  return g_steal_pointer (&data);
}
