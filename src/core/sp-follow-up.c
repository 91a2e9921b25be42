/* sp-follow-up.c: a year followed up: the budget of a period against the
 * actuals to date, and the forecast for the year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is read once, when the follow-up is made: the year's lines
 * (sp_budget_line_load_year(), in the budget's order) with their texts and
 * the names of their accounts, areas and groups, their months and
 * forecasts, the actuals month by month, the comments. The widgets and the
 * documents need nothing else, and make a new one after each change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-budget.h"
#include "sp-budget-private.h"
#include "sp-budget-revenue.h"
#include "sp-edit-private.h"
#include "sp-follow-up.h"

struct _SpFollowUp
{
  GObject          parent_instance;

  int              year;
  guint            through_month;
  guint            last_month;
  GArray          *lines;        /* SpFollowUpLine */
  GArray          *areas;        /* SpFollowUpSubtotal */
  GArray          *groups;       /* SpFollowUpSubtotal */
  SpFollowUpSum    total;
  SpMoney          equity_used;
  char            *comment;
  GHashTable      *area_comments; /* area id (gint64 *) → char * */
  GHashTable      *area_months;   /* area id (gint64 *) → SpFollowUpMonth[12] */
  GStringChunk    *strings;       /* the lines' texts and the names */
  SpFollowUpMonth  months[12];
};

G_DEFINE_FINAL_TYPE (SpFollowUp, sp_follow_up, G_TYPE_OBJECT)

/* ---- The budget spread over months ---- */

/* @amount × @numerator / @denominator, rounded half away from zero. */
static SpMoney
scale_rounded (SpMoney amount,
               guint   numerator,
               guint   denominator)
{
  gint64 twice = amount * 2 * (gint64) numerator;
  gint64 d = 2 * (gint64) denominator;

  if (twice >= 0)
    return (twice + (gint64) denominator) / d;
  return -((-twice + (gint64) denominator) / d);
}

static guint
count_months (guint months)
{
  guint n = 0;

  for (guint m = 0; m < 12; m++)
    n += (months >> m) & 1;
  return n;
}

static guint
months_through (guint months,
                guint through_month)
{
  guint mask = through_month >= 12 ? SP_FOLLOW_UP_ALL_MONTHS : (1u << through_month) - 1;

  return count_months (months & mask);
}

/* The part of @budget that falls in January through @through_month (0: none). */
static SpMoney
budget_through (SpMoney budget,
                guint   months,
                guint   through_month)
{
  guint n = count_months (months);

  if (n == 0 || through_month == 0)
    return 0;
  return scale_rounded (budget, months_through (months, through_month), n);
}

/* ---- Adding up ---- */

static void
sum_add (SpFollowUpSum         *sum,
         const SpFollowUpLine  *line)
{
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    {
      if (line->kind == SP_ACCOUNT_KIND_REVENUE)
        sum->revenue[c] += line->amount[c];
      else
        sum->costs[c] += line->amount[c];
      sum->result[c] = sum->revenue[c] - sum->costs[c];
    }
}

static SpFollowUpSubtotal *
subtotal_for (GArray *array,
              gint64  id,
              gint64  group_id)
{
  SpFollowUpSubtotal fresh = { .id = id, .group_id = group_id };

  for (guint i = array->len; i > 0; i--)
    if (g_array_index (array, SpFollowUpSubtotal, i - 1).id == id)
      return &g_array_index (array, SpFollowUpSubtotal, i - 1);
  g_array_append_val (array, fresh);
  return &g_array_index (array, SpFollowUpSubtotal, array->len - 1);
}

/* @text kept as long as the follow-up ("" for NULL). */
static const char *
keep (SpFollowUp *self,
      const char *text)
{
  return g_string_chunk_insert_const (self->strings, text != NULL ? text : "");
}

static SpFollowUpMonth *
months_of_area (SpFollowUp *self,
                gint64      area_id)
{
  SpFollowUpMonth *months = g_hash_table_lookup (self->area_months, &area_id);

  if (months == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = area_id;
      months = g_new0 (SpFollowUpMonth, 12);
      g_hash_table_insert (self->area_months, key, months);
    }
  return months;
}

static void
month_add (SpFollowUpMonth *month,
           SpAccountKind    kind,
           gboolean         actual,
           SpMoney          amount)
{
  if (actual)
    {
      month->has_actual = TRUE;
      if (kind == SP_ACCOUNT_KIND_REVENUE)
        month->actual_revenue += amount;
      else
        month->actual_costs += amount;
    }
  else if (kind == SP_ACCOUNT_KIND_REVENUE)
    month->budget_revenue += amount;
  else
    month->budget_costs += amount;
}

/* ---- Loading ---- */

static gboolean
load_year (SpFollowUp  *self,
           SpDatabase  *database,
           GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database, "SELECT equity_used, follow_up_comment FROM plan_year WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      self->equity_used = sqlite3_column_int64 (stmt, 0);
      self->comment = g_strdup (sp_edit_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), self->year);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_lines (SpFollowUp  *self,
            SpDatabase  *database,
            GError     **error)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(SpBudgetRevenue) derived = NULL;
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT f.line_id, f.months, f.forecast FROM budget_line_follow_up f"
                          " JOIN budget_line l ON l.id = f.line_id WHERE l.year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);
      SpFollowUpLine *setting = g_new0 (SpFollowUpLine, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      setting->months = (guint) sqlite3_column_int (stmt, 1) & SP_FOLLOW_UP_ALL_MONTHS;
      setting->forecast_typed = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      setting->amount[SP_FOLLOW_UP_FORECAST] = sqlite3_column_int64 (stmt, 2);
      g_hash_table_insert (settings, key, setting);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return FALSE;
    }

  lines = sp_budget_line_load_year (database, self->year, error);
  if (lines == NULL)
    return FALSE;

  /* The contributions derived from the frame: the revenue's first lines. */
  derived = sp_budget_revenue_new (database, self->year, error);
  if (derived == NULL)
    return FALSE;
  for (guint i = 0; derived->derived && i < derived->lines->len; i++)
    {
      const SpBudgetRevenueLine *revenue = g_ptr_array_index (derived->lines, i);
      SpMoney budget = revenue->amounts[SP_BUDGET_COLUMN_BUDGET];
      SpFollowUpLine line = {
        .group_id = SP_FOLLOW_UP_CONTRIBUTIONS,
        .account = revenue->account,
        .kind = SP_ACCOUNT_KIND_REVENUE,
        .months = SP_FOLLOW_UP_ALL_MONTHS,
        .derived = TRUE,
      };

      if (revenue->account == 0)
        continue;
      if (!SP_BUDGET_IS_SET (budget))
        budget = 0;
      line.amount[SP_FOLLOW_UP_YEAR_BUDGET] = budget;
      line.amount[SP_FOLLOW_UP_PERIOD_BUDGET] = budget_through (budget, line.months, self->through_month);
      line.amount[SP_FOLLOW_UP_FORECAST] = budget;
      /* Titled by their payer, as on the budget page ("Försäkringskassan", "The municipalities"). */
      line.text = keep (self, revenue->text);
      line.account_name = keep (self, revenue->account_name);
      g_array_append_val (self->lines, line);
      /* Made here, in the lines' order, as add_up() would make them. */
      subtotal_for (self->groups, SP_FOLLOW_UP_CONTRIBUTIONS, SP_FOLLOW_UP_CONTRIBUTIONS)->name =
        /* Translators: the heading over the members' contributions, derived from the frame */
        _("Member contributions");
      for (guint m = 1; m <= 12; m++)
        month_add (&self->months[m - 1], line.kind, FALSE,
                   budget_through (budget, line.months, m) - budget_through (budget, line.months, m - 1));
    }
  for (guint i = 0; i < lines->len; i++)
    {
      SpBudgetLine *budget_line = g_ptr_array_index (lines, i);
      SpFollowUpLine line = { 0 };
      gint64 id = sp_record_get_id (SP_RECORD (budget_line));
      SpFollowUpLine *setting = g_hash_table_lookup (settings, &id);
      SpMoney budget = sp_budget_line_get_amount (budget_line, SP_BUDGET_COLUMN_BUDGET);
      SpFollowUpMonth *area_months;

      line.line_id = id;
      line.area_id = sp_budget_line_get_area_id (budget_line);
      line.group_id = sp_budget_line_get_group_id (budget_line);
      line.account = (guint) sp_budget_line_get_account (budget_line);
      line.kind = sp_budget_line_get_account_kind (budget_line);
      line.months = setting != NULL && setting->months != 0 ? setting->months : SP_FOLLOW_UP_ALL_MONTHS;
      if (!SP_BUDGET_IS_SET (budget))
        budget = 0;
      line.amount[SP_FOLLOW_UP_YEAR_BUDGET] = budget;
      line.amount[SP_FOLLOW_UP_PERIOD_BUDGET] = budget_through (budget, line.months, self->through_month);
      line.forecast_typed = setting != NULL && setting->forecast_typed;
      line.amount[SP_FOLLOW_UP_FORECAST] = line.forecast_typed ? setting->amount[SP_FOLLOW_UP_FORECAST] : budget;
      line.text = keep (self, sp_budget_line_get_text (budget_line));
      line.account_name = keep (self, sp_budget_line_get_account_name (budget_line));
      g_array_append_val (self->lines, line);
      subtotal_for (self->groups, line.group_id, line.group_id)->name =
        keep (self, sp_budget_line_get_group_name (budget_line));
      subtotal_for (self->areas, line.area_id, line.group_id)->name =
        sp_budget_line_is_in_group (budget_line) ? NULL : keep (self, sp_budget_line_get_area_name (budget_line));

      area_months = months_of_area (self, line.area_id);
      for (guint m = 1; m <= 12; m++)
        {
          SpMoney in_month = budget_through (budget, line.months, m) - budget_through (budget, line.months, m - 1);

          month_add (&self->months[m - 1], line.kind, FALSE, in_month);
          month_add (&area_months[m - 1], line.kind, FALSE, in_month);
        }
    }
  return TRUE;
}

/* The line an actual goes to: the line of its account in its area, else the
 * only line of the year on its account; G_MAXUINT when none is. */
static guint
line_for (SpFollowUp *self,
          guint       account,
          gint64      area_id)
{
  guint only = G_MAXUINT;
  guint n_on_account = 0;

  for (guint i = 0; i < self->lines->len; i++)
    {
      SpFollowUpLine *line = &g_array_index (self->lines, SpFollowUpLine, i);

      if ((line->line_id == 0 && !line->derived) || line->account != account)
        continue;
      if (area_id != 0 && line->area_id == area_id)
        return i;
      if (n_on_account++ == 0)
        only = i;
    }
  return n_on_account == 1 ? only : G_MAXUINT;
}

static SpFollowUpLine *
unallocated_for (SpFollowUp    *self,
                 guint          account,
                 SpAccountKind  kind,
                 const char    *account_name)
{
  SpFollowUpLine fresh = { .account = account, .kind = kind, .months = SP_FOLLOW_UP_ALL_MONTHS };

  for (guint i = 0; i < self->lines->len; i++)
    {
      SpFollowUpLine *line = &g_array_index (self->lines, SpFollowUpLine, i);

      if (line->line_id == 0 && !line->derived && line->account == account)
        return line;
    }
  fresh.text = keep (self, account_name);
  fresh.account_name = fresh.text;
  g_array_append_val (self->lines, fresh);
  return &g_array_index (self->lines, SpFollowUpLine, self->lines->len - 1);
}

static void
add_actual (SpFollowUp    *self,
            guint          month,
            guint          account,
            SpAccountKind  kind,
            gint64         area_id,
            SpMoney        amount,
            const char    *account_name)
{
  guint index = line_for (self, account, area_id);
  SpFollowUpLine *line;

  if (index != G_MAXUINT)
    line = &g_array_index (self->lines, SpFollowUpLine, index);
  else
    line = unallocated_for (self, account, kind, account_name);
  if (month <= self->through_month)
    line->amount[SP_FOLLOW_UP_ACTUAL] += amount;
  if (month >= 1 && month <= 12)
    {
      month_add (&self->months[month - 1], line->kind, TRUE, amount);
      if (line->line_id != 0)
        month_add (&months_of_area (self, line->area_id)[month - 1], line->kind, TRUE, amount);
    }
  self->last_month = MAX (self->last_month, month);
}

static gboolean
load_actuals (SpFollowUp  *self,
              SpDatabase  *database,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;
  guint n_rows = 0;

  stmt = sp_edit_prepare (database,
                          "SELECT m.month, m.account, a.kind, coalesce (m.area_id, 0), sum (m.amount), a.name"
                          " FROM actual_month m JOIN account a ON a.number = m.account"
                          " WHERE m.year = ?1 GROUP BY m.month, m.account, m.area_id"
                          " ORDER BY m.account, m.month",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpAccountKind kind = g_strcmp0 (sp_edit_column_text (stmt, 2), "revenue") == 0
                           ? SP_ACCOUNT_KIND_REVENUE : SP_ACCOUNT_KIND_COST;

      add_actual (self, (guint) sqlite3_column_int (stmt, 0), (guint) sqlite3_column_int (stmt, 1), kind,
                  sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4), sp_edit_column_text (stmt, 5));
      n_rows++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return FALSE;
    }
  if (n_rows > 0)
    return TRUE;

  /* A whole year's actuals, from a file without periods: the year only. */
  stmt = sp_edit_prepare (database,
                          "SELECT t.account, a.kind, t.amount, a.name FROM actual t JOIN account a ON a.number = t.account"
                          " WHERE t.year = ?1 ORDER BY t.account",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpAccountKind kind = g_strcmp0 (sp_edit_column_text (stmt, 1), "revenue") == 0
                           ? SP_ACCOUNT_KIND_REVENUE : SP_ACCOUNT_KIND_COST;
      guint index = line_for (self, (guint) sqlite3_column_int (stmt, 0), 0);
      SpFollowUpLine *line = index != G_MAXUINT ? &g_array_index (self->lines, SpFollowUpLine, index)
                                                : unallocated_for (self, (guint) sqlite3_column_int (stmt, 0), kind,
                                                                  sp_edit_column_text (stmt, 3));

      if (self->through_month >= 12)
        line->amount[SP_FOLLOW_UP_ACTUAL] += sqlite3_column_int64 (stmt, 2);
      self->last_month = 12;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* For %SP_FOLLOW_UP_LAST_MONTH: the last month with actuals that
 * load_actuals() will take, if it is before December; else the year. */
static gboolean
find_period (SpFollowUp  *self,
             SpDatabase  *database,
             GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 last = 0;

  stmt = sp_edit_prepare (database,
                          "SELECT coalesce (max (m.month), 0) FROM actual_month m"
                          " JOIN account a ON a.number = m.account WHERE m.year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  if (!sp_edit_query_int64 (database, stmt, &last, error))
    return FALSE;
  self->through_month = last >= 1 && last < 12 ? (guint) last : 12;
  return TRUE;
}

static gboolean
load_area_comments (SpFollowUp  *self,
                    SpDatabase  *database,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT f.area_id, f.comment FROM area_follow_up f JOIN area a ON a.id = f.area_id"
                          " JOIN area_group g ON g.id = a.group_id WHERE g.year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, self->year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *key = g_new (gint64, 1);

      *key = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (self->area_comments, key, g_strdup (sp_edit_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
add_up (SpFollowUp *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      SpFollowUpLine *line = &g_array_index (self->lines, SpFollowUpLine, i);

      sum_add (&self->total, line);
      if (line->derived)
        sum_add (&subtotal_for (self->groups, SP_FOLLOW_UP_CONTRIBUTIONS, SP_FOLLOW_UP_CONTRIBUTIONS)->sum, line);
      if (line->line_id == 0)
        continue;
      sum_add (&subtotal_for (self->groups, line->group_id, line->group_id)->sum, line);
      sum_add (&subtotal_for (self->areas, line->area_id, line->group_id)->sum, line);
    }
}

/* ---- Object boilerplate ---- */

static void
sp_follow_up_finalize (GObject *object)
{
  SpFollowUp *self = SP_FOLLOW_UP (object);

  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->areas, g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->area_comments, g_hash_table_unref);
  g_clear_pointer (&self->area_months, g_hash_table_unref);
  g_clear_pointer (&self->comment, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  G_OBJECT_CLASS (sp_follow_up_parent_class)->finalize (object);
}

static void
sp_follow_up_class_init (SpFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_follow_up_finalize;
}

static void
sp_follow_up_init (SpFollowUp *self)
{
  self->lines = g_array_new (FALSE, TRUE, sizeof (SpFollowUpLine));
  self->areas = g_array_new (FALSE, TRUE, sizeof (SpFollowUpSubtotal));
  self->groups = g_array_new (FALSE, TRUE, sizeof (SpFollowUpSubtotal));
  self->area_comments = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->area_months = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->strings = g_string_chunk_new (4096);
}

/* ---- Public API ---- */

/**
 * sp_follow_up_new:
 * @year: a plan year (which may be adopted)
 * @through_month: the period's last month, 1 (January) … 12 (the year), or
 *   %SP_FOLLOW_UP_LAST_MONTH
 *
 * Returns: (transfer full) (nullable): the follow-up of @year through
 *   @through_month
 */
SpFollowUp *
sp_follow_up_new (SpDatabase  *database,
                  int          year,
                  guint        through_month,
                  GError     **error)
{
  g_autoptr(SpFollowUp) self = NULL;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (through_month <= 12, NULL);

  self = g_object_new (SP_TYPE_FOLLOW_UP, NULL);
  self->year = year;
  self->through_month = through_month;
  if (!load_year (self, database, error)
      || (through_month == SP_FOLLOW_UP_LAST_MONTH && !find_period (self, database, error))
      || !load_lines (self, database, error)
      || !load_actuals (self, database, error)
      || !load_area_comments (self, database, error))
    return NULL;
  add_up (self);
  return g_steal_pointer (&self);
}

int
sp_follow_up_get_year (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), 0);
  return self->year;
}

guint
sp_follow_up_get_through_month (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), 0);
  return self->through_month;
}

guint
sp_follow_up_get_last_month (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), 0);
  return self->last_month;
}

const SpFollowUpLine *
sp_follow_up_get_lines (SpFollowUp *self,
                        guint      *n_lines)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), NULL);
  if (n_lines != NULL)
    *n_lines = self->lines->len;
  return (const SpFollowUpLine *) (gpointer) self->lines->data;
}

const SpFollowUpSubtotal *
sp_follow_up_get_areas (SpFollowUp *self,
                        guint      *n_areas)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), NULL);
  if (n_areas != NULL)
    *n_areas = self->areas->len;
  return (const SpFollowUpSubtotal *) (gpointer) self->areas->data;
}

const SpFollowUpSubtotal *
sp_follow_up_get_groups (SpFollowUp *self,
                         guint      *n_groups)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), NULL);
  if (n_groups != NULL)
    *n_groups = self->groups->len;
  return (const SpFollowUpSubtotal *) (gpointer) self->groups->data;
}

const SpFollowUpSum *
sp_follow_up_get_total (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), NULL);
  return &self->total;
}

SpMoney
sp_follow_up_get_equity_used (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), 0);
  return self->equity_used;
}

void
sp_follow_up_get_months (SpFollowUp      *self,
                         gint64           area_id,
                         SpFollowUpMonth  months[12])
{
  const SpFollowUpMonth *source;

  g_return_if_fail (SP_IS_FOLLOW_UP (self));
  source = area_id == 0 ? self->months : g_hash_table_lookup (self->area_months, &area_id);
  for (guint m = 0; m < 12; m++)
    {
      SpFollowUpMonth empty = { 0 };

      months[m] = source != NULL ? source[m] : empty;
    }
}

const char *
sp_follow_up_get_comment (SpFollowUp *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), "");
  return self->comment != NULL ? self->comment : "";
}

const char *
sp_follow_up_get_area_comment (SpFollowUp *self,
                               gint64      area_id)
{
  const char *comment;

  g_return_val_if_fail (SP_IS_FOLLOW_UP (self), "");
  comment = g_hash_table_lookup (self->area_comments, &area_id);
  return comment != NULL ? comment : "";
}

SpMoney
sp_follow_up_deviation (SpAccountKind kind,
                        SpMoney       budget,
                        SpMoney       actual)
{
  return kind == SP_ACCOUNT_KIND_REVENUE ? actual - budget : budget - actual;
}
