/* sp-plan-year-edit.c: creating, changing, adopting and re-opening plan years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year is created empty or from the year before (its plan copied forward,
 * its budget moved one column), is edited as a draft, and is adopted by the
 * board; an adopted year's plan and budget are locked until it is re-opened.
 * Every change is one edit (sp_edit_run()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-contribution.h"
#include "sp-edit-private.h"
#include "sp-plan-year.h"

static gboolean
year_exists (SpDatabase *database,
             int         year)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT count(*) FROM plan_year WHERE year = ?1", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  return sp_edit_query_int64 (database, stmt, &n, NULL) && n > 0;
}

/* Runs one UPDATE of plan_year with ?1 = year and ?2 = value. */
static gboolean
update_year_int (SpDatabase  *database,
                 const char  *sql,
                 int          year,
                 gboolean     is_set,
                 gint64       value,
                 GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sp_edit_bind_optional (stmt, 2, is_set, value);
  return sp_edit_step_done (database, stmt, error);
}

typedef struct {
  int             year;
  guint           column;
  SpMoney         amount;
  int             shares[3];
  SpAllocationKey key;
  gint64          member_id;
  int             percentage;
  const char     *date;
  const char     *paragraph;
} YearEdit;

static gboolean
do_create (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_edit_check_year (edit->year, error))
    return FALSE;
  if (year_exists (database, edit->year))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE, _("There is already a plan for %d."), edit->year);
      return FALSE;
    }
  stmt = sp_edit_prepare (database, "INSERT INTO plan_year (year) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  return sp_edit_step_done (database, stmt, error);
}

/* Rows copied forward, each old id mapped to its new id. */
static gboolean
copy_rows (SpDatabase   *database,
           const char   *select_sql,
           const char   *insert_sql,
           int           n_columns,
           int           from_year,
           GHashTable   *map,
           GHashTable   *parent_map,
           GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sqlite3_stmt *stmt = sp_edit_prepare (database, select_sql, error);
  sqlite3 *db = sp_database_get_handle (database);
  int rc;

  if (stmt == NULL)
    return FALSE;

  /* Read first: the statement cache holds one statement per SQL text. Column 0
   * is the old id; column 1 the parent to map (or the year); the rest are
   * bound as they are. Values are kept as text or integers or NULL. */
  sqlite3_bind_int (stmt, 1, from_year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
      for (int c = 0; c < n_columns; c++)
        {
          GVariant *v;
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
              v = g_variant_new_int64 (sqlite3_column_int64 (stmt, c));
              break;
            case SQLITE_NULL:
              v = g_variant_new_maybe (G_VARIANT_TYPE_INT64, NULL);
              break;
            default:
              v = g_variant_new_string (sp_edit_column_text (stmt, c));
              break;
            }
          g_ptr_array_add (row, g_variant_ref_sink (v));
        }
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);

  stmt = sp_edit_prepare (database, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      sqlite3_clear_bindings (stmt);
      for (int c = 1; c < n_columns; c++)
        {
          GVariant *v = g_ptr_array_index (row, c);

          if (c == 1 && parent_map != NULL)
            {
              gint64 old_parent = g_variant_get_int64 (v);
              gpointer new_parent = g_hash_table_lookup (parent_map, &old_parent);
              sqlite3_bind_int64 (stmt, c, new_parent != NULL ? *(gint64 *) new_parent : 0);
            }
          else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
            sqlite3_bind_int64 (stmt, c, g_variant_get_int64 (v));
          else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
            sqlite3_bind_text (stmt, c, g_variant_get_string (v, NULL), -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_null (stmt, c);
        }
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
      if (map != NULL)
        {
          gint64 *key = g_new (gint64, 1);
          gint64 old_id = g_variant_get_int64 (g_ptr_array_index (row, 0));
          gint64 *value = g_new (gint64, 1);
          *key = old_id;
          *value = sqlite3_last_insert_rowid (db);
          g_hash_table_insert (map, key, value);
        }
    }
  return TRUE;
}

/* The next year: the plan copied (goals without outcomes), the budget moved
 * one column to the left (plan year 1 becomes the budget year, this year's
 * budget the previous budget), the frames likewise, the shares, key, member
 * keys and board kept, the document's parts and its closing line but the
 * date. Projects span years and simply continue. */
static gboolean
do_create_next (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  YearEdit *edit = user_data;
  int from = edit->year, to = edit->year + 1;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;

  if (!year_exists (database, from))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), from);
      return FALSE;
    }
  if (!sp_edit_check_year (to, error))
    return FALSE;
  if (year_exists (database, to))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE, _("There is already a plan for %d."), to);
      return FALSE;
    }

  stmt = sp_edit_prepare (database,
                          "INSERT INTO plan_year (year, frame, frame_plan1, frame_plan2, share_state, "
                          "share_region, share_municipalities, allocation_key, document_outline, "
                          "closing_place, closing_signer) "
                          "SELECT ?2, frame_plan1, frame_plan2, NULL, share_state, share_region, "
                          "share_municipalities, allocation_key, document_outline, closing_place, "
                          "closing_signer FROM plan_year WHERE year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, from);
  sqlite3_bind_int (stmt, 2, to);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;

  /* The year is the first value bound (?1) of every insert below. */
#define COPY(select, insert, n, map, parent) \
  if (!copy_rows (database, select, insert, n, from, map, parent, error)) return FALSE;

  COPY ("SELECT id, ?1 + 1, position, title, body FROM section WHERE year = ?1 ORDER BY position, id",
        "INSERT INTO section (year, position, title, body) VALUES (?1, ?2, ?3, ?4)", 5, NULL, NULL);
  COPY ("SELECT id, ?1 + 1, position, name, coalesce (lineage, id) FROM area_group WHERE year = ?1 "
        "ORDER BY position, id",
        "INSERT INTO area_group (year, position, name, lineage) VALUES (?1, ?2, ?3, ?4)", 5, groups, NULL);
  COPY ("SELECT a.id, a.group_id, a.position, a.name, coalesce (a.lineage, a.id), a.implicit FROM area a "
        "JOIN area_group g ON g.id = a.group_id WHERE g.year = ?1 ORDER BY a.group_id, a.position, a.id",
        "INSERT INTO area (group_id, position, name, lineage, implicit) VALUES (?1, ?2, ?3, ?4, ?5)",
        6, areas, groups);
  COPY ("SELECT id, ?1 + 1, position, name, description, coalesce (lineage, id) FROM target_group "
        "WHERE year = ?1 ORDER BY position, id",
        "INSERT INTO target_group (year, position, name, description, lineage) VALUES (?1, ?2, ?3, ?4, ?5)",
        6, NULL, NULL);
  /* Goals: the area is mapped below, once the new areas exist. */
  COPY ("SELECT id, ?1 + 1, project_id, position, kind, text, indicator, target_value "
        "FROM goal WHERE year = ?1 AND area_id IS NULL ORDER BY position, id",
        "INSERT INTO goal (year, project_id, position, kind, text, indicator, target_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", 8, NULL, NULL);
  COPY ("SELECT id, area_id, ?1 + 1, project_id, position, kind, text, indicator, target_value "
        "FROM goal WHERE year = ?1 AND area_id IS NOT NULL ORDER BY position, id",
        "INSERT INTO goal (area_id, year, project_id, position, kind, text, indicator, target_value) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", 9, NULL, areas);
  COPY ("SELECT id, area_id, ?1 + 1, account, position, text, plan1, plan2, budget, comment "
        "FROM budget_line WHERE year = ?1 ORDER BY position, id",
        "INSERT INTO budget_line (area_id, year, account, position, text, budget, plan1, previous_budget, comment) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", 10, NULL, areas);
  COPY ("SELECT id, ?1 + 1, member_id, percentage, amount FROM member_key WHERE year = ?1",
        "INSERT INTO member_key (year, member_id, percentage, amount) VALUES (?1, ?2, ?3, ?4)", 5, NULL, NULL);
  COPY ("SELECT id, ?1 + 1, member_id, name, role, office, position FROM board_member WHERE year = ?1 "
        "ORDER BY position, id",
        "INSERT INTO board_member (year, member_id, name, role, office, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        7, NULL, NULL);
#undef COPY

  return TRUE;
}

static gboolean
do_delete (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;

  /* Areas are referred to by lines and goals of the same year only, which go too. */
  stmt = sp_edit_prepare (database,
                          "DELETE FROM budget_line WHERE year = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "DELETE FROM plan_year WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_frame (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  static const char *sql[SP_PLAN_YEARS] = {
    "UPDATE plan_year SET frame = ?2 WHERE year = ?1",
    "UPDATE plan_year SET frame_plan1 = ?2 WHERE year = ?1",
    "UPDATE plan_year SET frame_plan2 = ?2 WHERE year = ?1",
  };
  YearEdit *edit = user_data;

  if (edit->column >= SP_PLAN_YEARS)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown year column."));
      return FALSE;
    }
  if (edit->amount != SP_MONEY_NOT_SET && (edit->amount < 0 || edit->amount > SP_MONEY_MAX))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The budget frame must be an amount between 0 and 10 000 000 000 kr."));
      return FALSE;
    }
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;
  return update_year_int (database, sql[edit->column], edit->year,
                          edit->amount != SP_MONEY_NOT_SET, edit->amount, error);
}

static gboolean
do_set_equity (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  YearEdit *edit = user_data;

  if (edit->amount != SP_MONEY_NOT_SET && !sp_money_is_valid (edit->amount))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The equity used must be an amount within ±10 000 000 000 kr."));
      return FALSE;
    }
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;
  return update_year_int (database, "UPDATE plan_year SET equity_used = ?2 WHERE year = ?1",
                          edit->year, edit->amount != SP_MONEY_NOT_SET, edit->amount, error);
}

static gboolean
do_set_shares (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < 3; i++)
    if (edit->shares[i] < 0 || edit->shares[i] > SP_SHARE_WHOLE)
      {
        g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                             _("A share must be between 0 % and 100 %."));
        return FALSE;
      }
  if (edit->shares[0] + edit->shares[1] + edit->shares[2] != SP_SHARE_WHOLE)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The shares of the state, the region and the municipalities must add up to 100 %%; "
                     "now they add up to %d,%02d %%."),
                   (edit->shares[0] + edit->shares[1] + edit->shares[2]) / 100,
                   (edit->shares[0] + edit->shares[1] + edit->shares[2]) % 100);
      return FALSE;
    }
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE plan_year SET share_state = ?2, share_region = ?3, "
                          "share_municipalities = ?4 WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  for (guint i = 0; i < 3; i++)
    sqlite3_bind_int (stmt, 2 + i, edit->shares[i]);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_key (SpDatabase  *database,
            gpointer     user_data,
            GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (edit->key > SP_ALLOCATION_KEY_FIXED)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown allocation key."));
      return FALSE;
    }
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "UPDATE plan_year SET allocation_key = ?2 WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  sqlite3_bind_text (stmt, 2, sp_enum_get_nick (SP_TYPE_ALLOCATION_KEY, edit->key), -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_member_key (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (edit->percentage != -1 && (edit->percentage < 0 || edit->percentage > SP_SHARE_WHOLE))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A percentage must be between 0 % and 100 %."));
      return FALSE;
    }
  if (edit->amount != SP_MONEY_NOT_SET && (edit->amount < 0 || edit->amount > SP_MONEY_MAX))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A fixed amount must be between 0 and 10 000 000 000 kr."));
      return FALSE;
    }
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;

  stmt = sp_edit_prepare (database, "SELECT count(*) FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->member_id);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The member no longer exists."));
      return FALSE;
    }

  stmt = sp_edit_prepare (database,
                          "INSERT INTO member_key (member_id, year, percentage, amount) VALUES (?1, ?2, ?3, ?4) "
                          "ON CONFLICT (member_id, year) DO UPDATE SET percentage = ?3, amount = ?4",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->member_id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sp_edit_bind_optional (stmt, 3, edit->percentage != -1, edit->percentage);
  sp_edit_bind_optional (stmt, 4, edit->amount != SP_MONEY_NOT_SET, edit->amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_adopt (SpDatabase  *database,
          gpointer     user_data,
          GError     **error)
{
  YearEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  sqlite3_stmt *stmt;

  if (!sp_edit_check_date (edit->date, error))
    return FALSE;
  paragraph = sp_edit_clean_text (edit->paragraph != NULL ? edit->paragraph : "", 50, error);
  if (paragraph == NULL)
    return FALSE;
  g_strstrip (paragraph);
  if (!sp_edit_check_year_open (database, edit->year, error))
    return FALSE;
  /* The contributions the board adopts stay as they are (issue 18). */
  if (!sp_contributions_store_adopted (database, edit->year, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE plan_year SET status = 'adopted', decision_date = ?2, "
                          "decision_paragraph = ?3 WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  sqlite3_bind_text (stmt, 2, edit->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, paragraph, -1, SQLITE_TRANSIENT);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_reopen (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  YearEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!year_exists (database, edit->year))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), edit->year);
      return FALSE;
    }
  /* The decision stays recorded until the plan is adopted again. */
  stmt = sp_edit_prepare (database, "UPDATE plan_year SET status = 'draft' WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  /* Re-opened, the year's contributions follow today's figures again. */
  return sp_contributions_forget_adopted (database, edit->year, error);
}

gboolean
sp_plan_year_create (SpDatabase  *database,
                     int          year,
                     GError     **error)
{
  YearEdit edit = { .year = year };
  g_autofree char *label = g_strdup_printf (_("Create the plan for %d"), year);

  return sp_edit_run (database, label, do_create, &edit, error);
}

/**
 * sp_plan_year_create_next:
 * @from_year: the year to start from
 *
 * Creates the plan for @from_year + 1 from this year's, as one undoable edit.
 */
gboolean
sp_plan_year_create_next (SpDatabase  *database,
                          int          from_year,
                          GError     **error)
{
  YearEdit edit = { .year = from_year };
  g_autofree char *label = g_strdup_printf (_("Create the plan for %d"), from_year + 1);

  return sp_edit_run (database, label, do_create_next, &edit, error);
}

/**
 * sp_plan_year_delete:
 *
 * Deletes a draft year with its plan and budget. Adopted years are refused.
 */
gboolean
sp_plan_year_delete (SpDatabase  *database,
                     int          year,
                     GError     **error)
{
  YearEdit edit = { .year = year };
  g_autofree char *label = g_strdup_printf (_("Delete the plan for %d"), year);

  return sp_edit_run (database, label, do_delete, &edit, error);
}

/**
 * sp_plan_year_set_frame:
 * @column: 0 for the budget year, 1 and 2 for the plan years
 * @frame: the total of the members' contributions, or %SP_MONEY_NOT_SET
 */
gboolean
sp_plan_year_set_frame (SpDatabase  *database,
                        int          year,
                        guint        column,
                        SpMoney      frame,
                        GError     **error)
{
  YearEdit edit = { .year = year, .column = column, .amount = frame };

  return sp_edit_run (database, _("Change budget frame"), do_set_frame, &edit, error);
}

gboolean
sp_plan_year_set_equity_used (SpDatabase  *database,
                              int          year,
                              SpMoney      amount,
                              GError     **error)
{
  YearEdit edit = { .year = year, .amount = amount };

  return sp_edit_run (database, _("Change equity used"), do_set_equity, &edit, error);
}

/**
 * sp_plan_year_set_shares:
 * @state: the state's share in hundredths of a per cent (5000 = 50 %)
 *
 * The shares must add up to 100 %.
 */
gboolean
sp_plan_year_set_shares (SpDatabase  *database,
                         int          year,
                         int          state,
                         int          region,
                         int          municipalities,
                         GError     **error)
{
  YearEdit edit = { .year = year, .shares = { state, region, municipalities } };

  return sp_edit_run (database, _("Change contribution shares"), do_set_shares, &edit, error);
}

gboolean
sp_plan_year_set_allocation_key (SpDatabase       *database,
                                 int               year,
                                 SpAllocationKey   key,
                                 GError          **error)
{
  YearEdit edit = { .year = year, .key = key };

  return sp_edit_run (database, _("Change allocation key"), do_set_key, &edit, error);
}

/**
 * sp_plan_year_set_member_key:
 * @percentage: the member's agreed share of the municipal part in hundredths
 *   of a per cent, or -1 for not set
 * @amount: the member's agreed fixed amount, or %SP_MONEY_NOT_SET
 */
gboolean
sp_plan_year_set_member_key (SpDatabase  *database,
                             int          year,
                             gint64       member_id,
                             int          percentage,
                             SpMoney      amount,
                             GError     **error)
{
  YearEdit edit = { .year = year, .member_id = member_id, .percentage = percentage, .amount = amount };

  return sp_edit_run (database, _("Change allocation key"), do_set_member_key, &edit, error);
}

/**
 * sp_plan_year_adopt:
 * @decision_date: the board's decision, YYYY-MM-DD
 * @decision_paragraph: the minutes' paragraph, e.g. "§ 12"
 *
 * Locks the year's plan and budget.
 */
gboolean
sp_plan_year_adopt (SpDatabase  *database,
                    int          year,
                    const char  *decision_date,
                    const char  *decision_paragraph,
                    GError     **error)
{
  YearEdit edit = { .year = year, .date = decision_date, .paragraph = decision_paragraph };
  g_autofree char *label = g_strdup_printf (_("Adopt the plan for %d"), year);

  return sp_edit_run (database, label, do_adopt, &edit, error);
}

gboolean
sp_plan_year_reopen (SpDatabase  *database,
                     int          year,
                     GError     **error)
{
  YearEdit edit = { .year = year };
  g_autofree char *label = g_strdup_printf (_("Re-open the plan for %d"), year);

  return sp_edit_run (database, label, do_reopen, &edit, error);
}
