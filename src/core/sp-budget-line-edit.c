/* sp-budget-line-edit.c: changing a year's budget lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is one edit (sp_edit_run()): checked, written, and undoable.
 * The lines themselves are in sp-budget-line.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-budget-line.h"
#include "sp-budget-private.h"
#include "sp-edit-private.h"
#include "sp-plan-private.h"
#include "sp-text.h"

/* One statement per column: the column names are the program's, never the user's.
 * "IS NOT" leaves an unchanged value unwritten, so that it makes no undo step. */
static const char *set_amount_sql[SP_BUDGET_N_COLUMNS] = {
  "UPDATE budget_line SET budget = ?2 WHERE id = ?1 AND budget IS NOT ?2",
  "UPDATE budget_line SET plan1 = ?2 WHERE id = ?1 AND plan1 IS NOT ?2",
  "UPDATE budget_line SET plan2 = ?2 WHERE id = ?1 AND plan2 IS NOT ?2",
  "UPDATE budget_line SET previous_budget = ?2 WHERE id = ?1 AND previous_budget IS NOT ?2",
  "UPDATE budget_line SET previous_actual = ?2 WHERE id = ?1 AND previous_actual IS NOT ?2",
};
/* ---- Checks and edits ---- */

/* The line @id exists and its year may change; gives its year and area. */
static gboolean
open_line (SpDatabase  *database,
           gint64       id,
           int         *year,
           gint64      *area_id,
           GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT year, area_id FROM budget_line WHERE id = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *year = sqlite3_column_int (stmt, 0);
      *area_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The budget line no longer exists."));
      return FALSE;
    }
  return sp_edit_check_year_open (database, *year, error);
}

/* The area a line goes to: @area_id, or when that is 0 and @group_id is
 * not, the hidden area that carries the group's own lines (made now, in
 * this edit, if the group has none yet). */
static gboolean
resolve_area (SpDatabase  *database,
              gint64       area_id,
              gint64       group_id,
              gint64      *out_area_id,
              GError     **error)
{
  *out_area_id = area_id;
  if (area_id != 0 || group_id <= 0)
    return TRUE;
  return sp_area_group_find_direct_area (database, group_id, out_area_id, error);
}

/* The activity area @area_id exists and belongs to the plan of @year. */
static gboolean
check_area (SpDatabase  *database,
            gint64       area_id,
            int          year,
            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;
  int area_year = 0;

  if (area_id <= 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A budget line needs an activity area. Choose one."));
      return FALSE;
    }
  stmt = sp_edit_prepare (database,
                          "SELECT g.year FROM area a JOIN area_group g ON g.id = a.group_id WHERE a.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, area_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      area_year = sqlite3_column_int (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The activity area no longer exists."));
      return FALSE;
    }
  if (area_year != year)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The activity area belongs to the plan for %d, not to the plan for %d."),
                   area_year, year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_account (SpDatabase  *database,
               int          account,
               GError     **error)
{
  if (account == 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A budget line needs an account. Choose one."));
      return FALSE;
    }
  return sp_account_check_exists (database, account, error);
}

static gboolean
check_amount (SpMoney   amount,
              GError  **error)
{
  if (SP_BUDGET_IS_SET (amount) && !sp_money_is_valid (amount))
    {
      g_autofree char *min = sp_money_format (SP_MONEY_MIN, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      g_autofree char *max = sp_money_format (SP_MONEY_MAX, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);

      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("An amount must lie between %s and %s."), min, max);
      return FALSE;
    }
  return TRUE;
}

/* The text of a line: one line, may be empty. */
static char *
clean_line_text (const char  *text,
                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    return g_strdup ("");
  for (const char *p = stripped; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                             _("The text of a budget line must be on one line, without control characters."));
        return NULL;
      }
  /* Translators: the subject of "%s is too long: at most %d characters." */
  return sp_text_clean_name (stripped, _("The text of the budget line"), error);
}

static char *
clean_comment (const char  *comment,
               GError     **error)
{
  return sp_edit_clean_text (comment != NULL ? comment : "", SP_BUDGET_COMMENT_MAX_CHARS, error);
}

static gboolean
is_blank (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct {
  gint64                   id;
  int                      year;
  const SpBudgetLineData  *data;
  SpBudgetColumn           column;
  SpMoney                  amount;
  const char              *text;
  gint64                   area_id;
  gint64                   group_id;
  int                      account;
  guint                    index;
  const char * const      *texts;
  SpMoneyUnit              unit;
} LineEdit;

static gboolean
do_line_add (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  LineEdit *edit = user_data;
  const SpBudgetLineData *data = edit->data;
  g_autofree char *text = NULL;
  g_autofree char *comment = NULL;
  sqlite3_stmt *stmt;
  gint64 position, area_id;

  if (!sp_edit_check_year (edit->year, error) ||
      !sp_edit_check_year_open (database, edit->year, error) ||
      !resolve_area (database, data->area_id, data->group_id, &area_id, error) ||
      !check_area (database, area_id, edit->year, error) ||
      !check_account (database, data->account, error))
    return FALSE;
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    if (!check_amount (data->amounts[c], error))
      return FALSE;
  text = clean_line_text (data->text, error);
  if (text == NULL)
    return FALSE;
  comment = clean_comment (data->comment, error);
  if (comment == NULL)
    return FALSE;

  position = sp_edit_next_position (database, "budget_line", "area_id", area_id, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, "
                          "previous_budget, previous_actual, comment) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  sqlite3_bind_int64 (stmt, 2, area_id);
  sqlite3_bind_int (stmt, 3, data->account);
  sqlite3_bind_int64 (stmt, 4, position);
  sp_edit_bind_text (stmt, 5, text);
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    sp_edit_bind_optional (stmt, 6 + c, SP_BUDGET_IS_SET (data->amounts[c]), data->amounts[c]);
  sp_edit_bind_text (stmt, 11, comment);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
write_amount (SpDatabase      *database,
              gint64           id,
              SpBudgetColumn   column,
              SpMoney          amount,
              GError         **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, set_amount_sql[column], error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sp_edit_bind_optional (stmt, 2, SP_BUDGET_IS_SET (amount), amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_line_set_amount (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  LineEdit *edit = user_data;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error) ||
      !check_amount (edit->amount, error))
    return FALSE;
  return write_amount (database, edit->id, edit->column, edit->amount, error);
}

static gboolean
do_line_paste (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  LineEdit *edit = user_data;
  g_autoptr(GArray) ids = NULL;
  g_autofree SpMoney *amounts = NULL;
  guint n_texts = g_strv_length ((char **) edit->texts);
  guint first = G_MAXUINT;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error))
    return FALSE;
  ids = sp_budget_line_load_ids (database, year, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len && first == G_MAXUINT; i++)
    if (g_array_index (ids, gint64, i) == edit->id)
      first = i;
  if (first == G_MAXUINT)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The budget line no longer exists."));
      return FALSE;
    }
  if (n_texts > ids->len - first)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("There are %u rows to paste but only %u budget lines from here to the end."),
                   n_texts, ids->len - first);
      return FALSE;
    }

  /* Every row must be an amount before any is stored. */
  amounts = g_new (SpMoney, MAX (n_texts, 1));
  for (guint i = 0; i < n_texts; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (is_blank (edit->texts[i]))
        amounts[i] = SP_BUDGET_NOT_SET;
      else if (!sp_money_parse (edit->texts[i], edit->unit, &amounts[i], &local_error))
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       /* Translators: %u is the row of the pasted text, from 1; %s why it is not an amount */
                       _("Row %u: %s"), i + 1, local_error->message);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_texts; i++)
    if (!write_amount (database, g_array_index (ids, gint64, first + i), edit->column, amounts[i], error))
      return FALSE;
  return TRUE;
}

/* Stores @edit's text, cleaned by @clean, with @sql (?1 the line, ?2 the
 * text; a statement that changes nothing when the text is the same). */
static gboolean
store_line_text (SpDatabase  *database,
                 LineEdit    *edit,
                 char      *(*clean) (const char *text, GError **error),
                 const char  *sql,
                 GError     **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error))
    return FALSE;
  text = clean (edit->text, error);
  if (text == NULL)
    return FALSE;

  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_text (stmt, 2, text);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_line_set_text (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  return store_line_text (database, user_data, clean_line_text,
                          "UPDATE budget_line SET text = ?2 WHERE id = ?1 AND text IS NOT ?2", error);
}

static gboolean
do_line_set_comment (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  return store_line_text (database, user_data, clean_comment,
                          "UPDATE budget_line SET comment = ?2 WHERE id = ?1 AND comment IS NOT ?2", error);
}

static gboolean
do_line_set_area (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  LineEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 area_id, new_area_id;
  gint64 position;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error) ||
      !resolve_area (database, edit->area_id, edit->group_id, &new_area_id, error) ||
      !check_area (database, new_area_id, year, error))
    return FALSE;
  if (new_area_id == area_id)
    return TRUE;

  /* The line goes last in its new area. */
  position = sp_edit_next_position (database, "budget_line", "area_id", new_area_id, error);
  if (position < 0)
    return FALSE;
  stmt = sp_edit_prepare (database, "UPDATE budget_line SET area_id = ?2, position = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, new_area_id);
  sqlite3_bind_int64 (stmt, 3, position);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_line_set_account (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  LineEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error) ||
      !check_account (database, edit->account, error))
    return FALSE;

  stmt = sp_edit_prepare (database, "UPDATE budget_line SET account = ?2 WHERE id = ?1 AND account IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->account);
  return sp_edit_step_done (database, stmt, error);
}

/* Both, as one edit: the area first (it checks the line's year), then the
 * account; either refusal undoes the other. */
static gboolean
do_line_set_place (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  return do_line_set_area (database, user_data, error) &&
         do_line_set_account (database, user_data, error);
}

static gboolean
do_line_move (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  LineEdit *edit = user_data;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error))
    return FALSE;
  return sp_edit_move (database, "budget_line", "area_id", area_id, edit->id, edit->index, error);
}

static gboolean
do_line_delete (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  LineEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 area_id;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "DELETE FROM budget_line WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

/* ---- Public API: changing budget lines ---- */

/**
 * sp_budget_line_add:
 *
 * Adds a line last in its activity area, as one undoable edit. The year's
 * plan must exist and not be adopted, the area must be one of that year's,
 * the account must exist, and every amount must be valid or not set.
 *
 * Returns: the new line's id, or 0 with @error set
 */
gint64
sp_budget_line_add (SpDatabase              *database,
                    int                      year,
                    const SpBudgetLineData  *data,
                    GError                 **error)
{
  LineEdit edit = { .year = year, .data = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add budget line"), do_line_add, &edit, error))
    return 0;
  return edit.id;
}

/**
 * sp_budget_line_set_amount:
 * @amount: in öre, or %SP_BUDGET_NOT_SET to empty the cell
 *
 * What an edited cell calls: one undoable edit (none when nothing changes).
 */
gboolean
sp_budget_line_set_amount (SpDatabase      *database,
                           gint64           id,
                           SpBudgetColumn   column,
                           SpMoney          amount,
                           GError         **error)
{
  LineEdit edit = { .id = id, .column = column, .amount = amount };

  g_return_val_if_fail (sp_budget_column_is_valid (column), FALSE);
  return sp_edit_run (database, _("Change amount"), do_line_set_amount, &edit, error);
}

/**
 * sp_budget_line_paste:
 * @first_id: the line where the first row goes
 * @texts: the rows, %NULL-terminated: amounts as the user types them, in
 *   @unit unless they name one; a blank row empties its cell
 *
 * Sets @column of the line @first_id and of the lines after it, in the order
 * of sp_budget_line_list_new(), one row each, as one undoable edit. All or
 * nothing: when a row is not an amount, nothing is stored and the error
 * names the row ("Row 3: …", counted from 1).
 */
gboolean
sp_budget_line_paste (SpDatabase          *database,
                      gint64               first_id,
                      SpBudgetColumn       column,
                      const char * const  *texts,
                      SpMoneyUnit          unit,
                      GError             **error)
{
  LineEdit edit = { .id = first_id, .column = column, .texts = texts, .unit = unit };

  g_return_val_if_fail (sp_budget_column_is_valid (column), FALSE);
  g_return_val_if_fail (texts != NULL, FALSE);
  g_return_val_if_fail (unit == SP_MONEY_UNIT_KR || unit == SP_MONEY_UNIT_TKR, FALSE);

  return sp_edit_run (database, _("Paste amounts"), do_line_paste, &edit, error);
}

/* @text: one line of at most %SP_NAME_MAX_CHARS characters; may be empty */
gboolean
sp_budget_line_set_text (SpDatabase  *database,
                         gint64       id,
                         const char  *text,
                         GError     **error)
{
  LineEdit edit = { .id = id, .text = text };

  return sp_edit_run (database, _("Change text"), do_line_set_text, &edit, error);
}

/* @comment: free text of at most %SP_BUDGET_COMMENT_MAX_CHARS characters */
gboolean
sp_budget_line_set_comment (SpDatabase  *database,
                            gint64       id,
                            const char  *comment,
                            GError     **error)
{
  LineEdit edit = { .id = id, .text = comment };

  return sp_edit_run (database, _("Change comment"), do_line_set_comment, &edit, error);
}

/**
 * sp_budget_line_set_area:
 * @area_id: another activity area of the line's year
 *
 * Moves the line to the end of another activity area.
 */
gboolean
sp_budget_line_set_area (SpDatabase  *database,
                         gint64       id,
                         gint64       area_id,
                         GError     **error)
{
  LineEdit edit = { .id = id, .area_id = area_id };

  return sp_edit_run (database, _("Change activity area"), do_line_set_area, &edit, error);
}

gboolean
sp_budget_line_set_account (SpDatabase  *database,
                            gint64       id,
                            int          account,
                            GError     **error)
{
  LineEdit edit = { .id = id, .account = account };

  return sp_edit_run (database, _("Change account"), do_line_set_account, &edit, error);
}

/**
 * sp_budget_line_set_place:
 * @area_id: an activity area of the line's year (its own keeps its place)
 * @account: an account of the chart of accounts
 *
 * Gives a line another activity area and account in one edit (one undo):
 * what the budget page's "Change Area and Account" does. A line moved to
 * another area goes last there.
 */
gboolean
sp_budget_line_set_place (SpDatabase  *database,
                          gint64       id,
                          gint64       area_id,
                          int          account,
                          GError     **error)
{
  LineEdit edit = { .id = id, .area_id = area_id, .account = account };

  return sp_edit_run (database, _("Change activity area and account"), do_line_set_place, &edit, error);
}

/**
 * sp_budget_line_set_place_in_group:
 * @group_id: an area group of the line's year
 * @account: an account of the chart of accounts
 *
 * As sp_budget_line_set_place(), but the line goes directly under the area
 * group @group_id (a group without activity areas, or its own lines ahead
 * of its areas): see #SpBudgetLineData's @group_id.
 */
gboolean
sp_budget_line_set_place_in_group (SpDatabase  *database,
                                   gint64       id,
                                   gint64       group_id,
                                   int          account,
                                   GError     **error)
{
  LineEdit edit = { .id = id, .group_id = group_id, .account = account };

  if (group_id <= 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A budget line needs an activity area. Choose one."));
      return FALSE;
    }
  return sp_edit_run (database, _("Change activity area and account"), do_line_set_place, &edit, error);
}

/**
 * sp_budget_line_move:
 * @new_index: where the line goes among the lines of its activity area,
 *   from 0; past the end means last
 *
 * Reorders a line within its activity area (use sp_budget_line_set_area()
 * to move it to another).
 */
gboolean
sp_budget_line_move (SpDatabase  *database,
                     gint64       id,
                     guint        new_index,
                     GError     **error)
{
  LineEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move budget line"), do_line_move, &edit, error);
}

gboolean
sp_budget_line_delete (SpDatabase  *database,
                       gint64       id,
                       GError     **error)
{
  LineEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete budget line"), do_line_delete, &edit, error);
}
