/* sp-report-data.c: what the plan document shows, loaded once through the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-board-member.h"
#include "sp-error.h"
#include "sp-goal.h"
#include "sp-member.h"
#include "sp-portfolio.h"
#include "sp-project.h"
#include "sp-report-private.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-month.h"

void
sp_report_data_free (SpReportData *data)
{
  g_clear_pointer (&data->association, sp_association_free);
  g_clear_object (&data->plan);
  g_clear_object (&data->outline);
  g_clear_pointer (&data->logo, cairo_surface_destroy);
  g_free (data->title);
  g_clear_pointer (&data->sections, g_ptr_array_unref);
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->board, g_ptr_array_unref);
  g_clear_pointer (&data->area_groups, g_ptr_array_unref);
  g_clear_pointer (&data->areas, g_ptr_array_unref);
  g_clear_pointer (&data->target_groups, g_ptr_array_unref);
  g_clear_pointer (&data->goals, g_ptr_array_unref);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_clear_pointer (&data->totals, sp_budget_totals_free);
  g_clear_pointer (&data->revenue, sp_budget_revenue_free);
  g_clear_pointer (&data->contributions, g_ptr_array_unref);
  g_clear_pointer (&data->projects, g_ptr_array_unref);
  g_clear_pointer (&data->figures, g_hash_table_unref);
  g_clear_pointer (&data->details, g_hash_table_unref);
  sp_report_data_clear_follow_up (data);
  g_free (data);
}

/* All the items of a list model, as a GPtrArray that owns them. */
GPtrArray *
sp_report_list_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static GPtrArray *
take_items (SpRecordList *list)
{
  g_autoptr(SpRecordList) owned = list;

  return sp_report_list_items (G_LIST_MODEL (owned));
}

/* The members of the year, and the projects that run in it. */
static void
filter_year (SpReportData *data)
{
  for (guint i = data->members->len; i > 0; i--)
    if (!sp_member_is_member_in (g_ptr_array_index (data->members, i - 1), data->year))
      g_ptr_array_remove_index (data->members, i - 1);

  for (guint i = data->projects->len; i > 0; i--)
    {
      gint64 id = sp_record_get_id (g_ptr_array_index (data->projects, i - 1));
      const SpProjectYearFigures *f = g_hash_table_lookup (data->figures, &id);

      if (f == NULL || !f->active)
        g_ptr_array_remove_index (data->projects, i - 1);
    }
}

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         at;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *out,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->at < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, reader->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The förbund's logo as an image, or NULL when none is set or its PNG does
 * not decode (the title page is then made without it). */
static cairo_surface_t *
load_logo (SpDatabase *database)
{
  g_autoptr(GBytes) png = sp_association_load_logo (database, NULL);
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  if (png == NULL)
    return NULL;
  reader.data = g_bytes_get_data (png, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("The association’s logo does not decode: %s",
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/**
 * sp_report_data_load:
 * @database: the database
 * @options: the year and the unit
 * @error: the reason when it fails
 *
 * Returns: (transfer full) (nullable): everything the document shows
 */
SpReportData *
sp_report_data_load (SpDatabase             *database,
                     const SpReportOptions  *options,
                     GError                **error)
{
  g_autoptr(SpReportData) data = g_new0 (SpReportData, 1);
  g_autoptr(GError) local_error = NULL;
  int year = options->year;

  data->year = year;
  data->unit = options->unit;
  data->plan = sp_plan_year_load (database, year, &local_error);
  if (data->plan == NULL)
    {
      if (g_error_matches (local_error, SP_ERROR, SP_ERROR_NOT_FOUND))
        g_set_error (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NO_YEAR,
                     _("There is no plan for %d, so there is no document to make."), year);
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
  data->logo = load_logo (database);
  data->kind = options->kind;
  data->through_month = options->through_month;

  data->sections = take_items (sp_section_list_new (database, year));
  data->outline = sp_document_outline_load (database, year, error);
  if (data->outline == NULL)
    return NULL;
  data->members = take_items (sp_member_list_new (database));
  data->board = take_items (sp_board_list_new (database, year));
  data->area_groups = take_items (sp_area_group_list_new (database, year));
  data->areas = take_items (sp_area_list_new_for_year (database, year));
  data->target_groups = take_items (sp_target_group_list_new (database, year));
  data->goals = take_items (sp_goal_list_new (database, year));
  data->lines = take_items (sp_budget_line_list_new (database, year));
  data->projects = take_items (sp_project_list_new (database));

  data->revenue = sp_budget_revenue_new (database, year, error);
  if (data->revenue == NULL)
    return NULL;
  data->totals = sp_budget_totals_new (database, year, error);
  if (data->totals == NULL)
    return NULL;
  data->contributions = sp_contributions_compute (database, year, error);
  if (data->contributions == NULL)
    return NULL;
  data->figures = sp_project_get_year_figures (database, year, error);
  if (data->figures == NULL)
    return NULL;
  data->details = sp_project_get_year_details (database, year, error);
  if (data->details == NULL)
    return NULL;

  filter_year (data);
  if (data->kind != SP_REPORT_KIND_PLAN && !sp_report_data_load_follow_up (data, database, error))
    return NULL;
  switch (data->kind)
    {
    case SP_REPORT_KIND_INTERIM:
      {
        g_autofree char *period = sp_month_format_period (data->through_month, FALSE);
        /* Translators: the interim report's title, "Delårsrapport januari–augusti 2010" */
        data->title = g_strdup_printf (_("Interim report %s %d"), period, year);
      }
      break;
    case SP_REPORT_KIND_ANNUAL:
      /* Translators: the annual report's title, "Verksamhetsberättelse 2010" */
      data->title = g_strdup_printf (_("Annual activity report %d"), year);
      break;
    case SP_REPORT_KIND_PLAN:
    default:
      /* Translators: the document's title, e.g. "Verksamhetsplan och budget 2009" */
      data->title = g_strdup_printf (_("Operational plan and budget %d"), year);
      break;
    }
  return g_steal_pointer (&data);
}
