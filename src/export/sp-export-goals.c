/* sp-export-goals.c: the goals sheet of the treasurer's workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-export-private.h"

/* ---- Goals ---------------------------------------------------------------- */

void
sp_export_write_goals_sheet (Book *book)
{
  const ExportData *data = book->data;
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  lxw_worksheet *sheet = sp_export_add_sheet (book, _("Goals"));
  g_autofree char *subtitle = NULL;
  const lxw_row_t head = 3;
  lxw_row_t row = head + 1;

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf (_("Goals %d"), data->year);
  sp_export_put_sheet_title (book, sheet, subtitle);
  sp_export_put_head (book, sheet, head, 0, _("Kind"), FALSE);
  sp_export_put_head (book, sheet, head, 1, _("Goal"), FALSE);
  sp_export_put_head (book, sheet, head, 2, _("Activity area"), FALSE);
  sp_export_put_head (book, sheet, head, 3, _("Project"), FALSE);
  sp_export_put_head (book, sheet, head, 4, _("Indicator"), FALSE);
  sp_export_put_head (book, sheet, head, 5, _("Target value"), FALSE);
  sp_export_put_head (book, sheet, head, 6, _("Outcome"), FALSE);
  /* The follow-up: how far the goal was reached, and what is said of it. */
  sp_export_put_head (book, sheet, head, 7, _("Status"), FALSE);
  sp_export_put_head (book, sheet, head, 8, _("Comment"), FALSE);

  for (guint i = 0; i < data->goals->len; i++, row++)
    {
      SpGoal *goal = g_ptr_array_index (data->goals, i);
      gint64 area_id = sp_goal_get_area_id (goal);
      gint64 project_id = sp_goal_get_project_id (goal);

      sp_export_put_text (book, sheet, row, 0, sp_goal_kind_get_label (sp_goal_get_kind (goal)), book->wrap);
      sp_export_put_text (book, sheet, row, 1, sp_goal_get_text (goal), book->wrap);
      if (area_id != 0)
        sp_export_put_text (book, sheet, row, 2, g_hash_table_lookup (data->area_names, &area_id), book->wrap);
      if (project_id != 0)
        sp_export_put_text (book, sheet, row, 3, g_hash_table_lookup (data->project_names, &project_id), book->wrap);
      sp_export_put_text (book, sheet, row, 4, sp_goal_get_indicator (goal), book->wrap);
      sp_export_put_text (book, sheet, row, 5, sp_goal_get_target_value (goal), book->wrap);
      sp_export_put_text (book, sheet, row, 6, sp_goal_get_outcome (goal), book->wrap);
      sp_export_put_text (book, sheet, row, 7, sp_goal_status_to_string (sp_goal_get_follow_up_status (goal)),
                          book->wrap);
      sp_export_put_text (book, sheet, row, 8, sp_goal_get_follow_up_comment (goal), book->wrap);
    }
  if (data->goals->len == 0)
    sp_export_put_text (book, sheet, row, 0, _("No goals"), book->subtitle);

  sp_export_check (book, worksheet_set_column (sheet, 0, 0, 16, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 1, 1, 50, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 2, 3, 22, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 4, 6, 24, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 7, 7, 16, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 8, 8, 40, NULL));
  sp_export_setup_page (book, sheet, TRUE, head, 0);
}
