/* sp-follow-up-edit.c: the edits of a year's follow-up: forecasts, the
 * months of a line's budget, comments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each is one undoable edit, allowed on an adopted year too: the follow-up
 * comes after the plan was adopted (the tables are not under the lock of
 * sp-migrations.c). A line's row in budget_line_follow_up goes when it says
 * no more than the defaults (all months, no forecast).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-follow-up.h"

#define MAX_COMMENT_CHARS 4000

typedef struct {
  gint64      id;
  int         year;
  gboolean    is_set;
  SpMoney     amount;
  guint       months;
  const char *text;
} FollowUpEdit;

static gboolean
check_line (SpDatabase  *database,
            gint64       line_id,
            GError     **error)
{
  return sp_edit_check_exists (database, "SELECT count (*) FROM budget_line WHERE id = ?1", line_id,
                       _("The budget line no longer exists."), error);
}

/* Drops a line's row when it says no more than the defaults. */
static gboolean
tidy_line (SpDatabase  *database,
           gint64       line_id,
           GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "DELETE FROM budget_line_follow_up WHERE line_id = ?1"
                                        " AND months = 4095 AND forecast IS NULL",
                                        error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_forecast (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  FollowUpEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_line (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "INSERT INTO budget_line_follow_up (line_id, forecast) VALUES (?1, ?2)"
                          " ON CONFLICT (line_id) DO UPDATE SET forecast = excluded.forecast"
                          " WHERE forecast IS NOT excluded.forecast",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_optional (stmt, 2, edit->is_set, edit->amount);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  return tidy_line (database, edit->id, error);
}

static gboolean
do_set_months (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  FollowUpEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_line (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "INSERT INTO budget_line_follow_up (line_id, months) VALUES (?1, ?2)"
                          " ON CONFLICT (line_id) DO UPDATE SET months = excluded.months"
                          " WHERE months IS NOT excluded.months",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, (int) edit->months);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  return tidy_line (database, edit->id, error);
}

static gboolean
do_set_comment (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  FollowUpEdit *edit = user_data;
  g_autofree char *comment = sp_edit_clean_text (edit->text != NULL ? edit->text : "", MAX_COMMENT_CHARS, error);
  sqlite3_stmt *stmt;

  g_autofree char *missing = g_strdup_printf (_("There is no plan for %d."), edit->year);

  if (comment == NULL
      || !sp_edit_check_exists (database, "SELECT count (*) FROM plan_year WHERE year = ?1", edit->year, missing, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "UPDATE plan_year SET follow_up_comment = ?2 WHERE year = ?1 AND follow_up_comment IS NOT ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  sp_edit_bind_text (stmt, 2, comment);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_area_comment (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  FollowUpEdit *edit = user_data;
  g_autofree char *comment = sp_edit_clean_text (edit->text != NULL ? edit->text : "", MAX_COMMENT_CHARS, error);
  sqlite3_stmt *stmt;

  if (comment == NULL
      || !sp_edit_check_exists (database, "SELECT count (*) FROM area WHERE id = ?1", edit->id,
                        _("The activity area no longer exists."), error))
    return FALSE;
  if (*comment == '\0')
    stmt = sp_edit_prepare (database, "DELETE FROM area_follow_up WHERE area_id = ?1", error);
  else
    stmt = sp_edit_prepare (database,
                            "INSERT INTO area_follow_up (area_id, comment) VALUES (?1, ?2)"
                            " ON CONFLICT (area_id) DO UPDATE SET comment = excluded.comment"
                            " WHERE comment IS NOT excluded.comment",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (*comment != '\0')
    sp_edit_bind_text (stmt, 2, comment);
  return sp_edit_step_done (database, stmt, error);
}

/* ---- Public API ---- */

/**
 * sp_follow_up_set_forecast:
 * @forecast: (nullable): the forecast for the year; %NULL: the budget
 */
gboolean
sp_follow_up_set_forecast (SpDatabase     *database,
                           gint64          line_id,
                           const SpMoney  *forecast,
                           GError        **error)
{
  FollowUpEdit edit = { .id = line_id, .is_set = forecast != NULL, .amount = forecast != NULL ? *forecast : 0 };

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  if (forecast != NULL && (*forecast < SP_MONEY_MIN || *forecast > SP_MONEY_MAX))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The forecast is too large."));
      sp_error_set_field (error, "forecast");
      return FALSE;
    }
  return sp_edit_run (database, _("Change forecast"), do_set_forecast, &edit, error);
}

gboolean
sp_follow_up_set_months (SpDatabase  *database,
                         gint64       line_id,
                         guint        months,
                         GError     **error)
{
  FollowUpEdit edit = { .id = line_id, .months = months };

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  if ((months & SP_FOLLOW_UP_ALL_MONTHS) == 0 || (months & ~SP_FOLLOW_UP_ALL_MONTHS) != 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("Choose at least one month for the budget of the line."));
      sp_error_set_field (error, "months");
      return FALSE;
    }
  return sp_edit_run (database, _("Change the months of a budget line"), do_set_months, &edit, error);
}

gboolean
sp_follow_up_set_comment (SpDatabase  *database,
                          int          year,
                          const char  *comment,
                          GError     **error)
{
  FollowUpEdit edit = { .year = year, .text = comment };

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  return sp_edit_run (database, _("Change follow-up comment"), do_set_comment, &edit, error);
}

gboolean
sp_follow_up_set_area_comment (SpDatabase  *database,
                               gint64       area_id,
                               const char  *comment,
                               GError     **error)
{
  FollowUpEdit edit = { .id = area_id, .text = comment };

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  return sp_edit_run (database, _("Change follow-up comment"), do_set_area_comment, &edit, error);
}
