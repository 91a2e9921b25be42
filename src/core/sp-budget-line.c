/* sp-budget-line.c: a year's budget lines and their amount columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A budget line belongs to a year, an activity area of that year and an
 * account. Its five amounts are whole öre, each one either set or not set
 * (NULL in the database, %SP_BUDGET_NOT_SET here), so that an empty cell and
 * "0 kr" stay apart. Lines are ordered within their activity area (the
 * position counts within the area); the year's list follows the plan's order
 * of area groups and areas, then the lines' positions.
 *
 * Changing the lines is in sp-budget-line-edit.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-budget-line.h"
#include "sp-budget-private.h"
#include "sp-edit-private.h"

struct _SpBudgetLine
{
  SpRecord       parent_instance;

  int            year;
  gint64         area_id;
  int            account;
  int            position;
  char          *text;
  char          *comment;
  SpMoney        amounts[SP_BUDGET_N_COLUMNS];
  char          *area_name;
  gboolean       in_group;
  gint64         group_id;
  char          *group_name;
  char          *account_name;
  SpAccountKind  account_kind;
};

G_DEFINE_FINAL_TYPE (SpBudgetLine, sp_budget_line, SP_TYPE_RECORD)

/* The amount properties are consecutive, in the order of SpBudgetColumn. */
enum {
  LINE_PROP_0,
  LINE_PROP_YEAR,
  LINE_PROP_AREA_ID,
  LINE_PROP_ACCOUNT,
  LINE_PROP_POSITION,
  LINE_PROP_TEXT,
  LINE_PROP_COMMENT,
  LINE_PROP_BUDGET,
  LINE_PROP_PLAN1,
  LINE_PROP_PLAN2,
  LINE_PROP_PREVIOUS_BUDGET,
  LINE_PROP_PREVIOUS_ACTUAL,
  LINE_PROP_AREA_NAME,
  LINE_PROP_GROUP_ID,
  LINE_PROP_GROUP_NAME,
  LINE_PROP_ACCOUNT_NAME,
  LINE_PROP_ACCOUNT_KIND,
  LINE_PROP_IN_GROUP,
  LINE_N_PROPS
};

G_STATIC_ASSERT (LINE_PROP_PREVIOUS_ACTUAL - LINE_PROP_BUDGET == SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);

static GParamSpec *line_properties[LINE_N_PROPS];
static const char *line_tables[] = { "budget_line", "area", "area_group", "account", NULL };

/* The nicks are the property names of the columns. */
static const GEnumValue budget_column_values[] = {
  { SP_BUDGET_COLUMN_BUDGET, "SP_BUDGET_COLUMN_BUDGET", "budget" },
  { SP_BUDGET_COLUMN_PLAN1, "SP_BUDGET_COLUMN_PLAN1", "plan1" },
  { SP_BUDGET_COLUMN_PLAN2, "SP_BUDGET_COLUMN_PLAN2", "plan2" },
  { SP_BUDGET_COLUMN_PREVIOUS_BUDGET, "SP_BUDGET_COLUMN_PREVIOUS_BUDGET", "previous-budget" },
  { SP_BUDGET_COLUMN_PREVIOUS_ACTUAL, "SP_BUDGET_COLUMN_PREVIOUS_ACTUAL", "previous-actual" },
  { 0, NULL, NULL }
};
#define LINE_COLUMNS \
  "l.id, l.year, l.area_id, l.account, l.position, l.text, " \
  "l.budget, l.plan1, l.plan2, l.previous_budget, l.previous_actual, l.comment, " \
  "CASE WHEN a.implicit THEN g.name ELSE a.name END, g.id, g.name, c.name, c.kind, a.implicit"
#define LINE_FROM \
  " FROM budget_line l JOIN area a ON a.id = l.area_id" \
  " JOIN area_group g ON g.id = a.group_id" \
  " JOIN account c ON c.number = l.account"
#define LINE_ORDER " ORDER BY g.position, g.id, a.position, a.id, l.position, l.id"

/* The first amount among LINE_COLUMNS. */
#define LINE_FIRST_AMOUNT 6

/* ---- Budget lines: loading and checking ---- */

/* A budget line from a row of LINE_COLUMNS. */
static gpointer
line_from_row (sqlite3_stmt *stmt)
{
  SpBudgetLine *line;
  SpAccountKind kind = SP_ACCOUNT_KIND_COST;

  sp_account_kind_from_string (sp_edit_column_text (stmt, 16), &kind);
  line = g_object_new (SP_TYPE_BUDGET_LINE,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "year", sqlite3_column_int (stmt, 1),
                       "area-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "account", sqlite3_column_int (stmt, 3),
                       "position", sqlite3_column_int (stmt, 4),
                       "text", sp_edit_column_text (stmt, 5),
                       "comment", sp_edit_column_text (stmt, 11),
                       "area-name", sp_edit_column_text (stmt, 12),
                       "group-id", (gint64) sqlite3_column_int64 (stmt, 13),
                       "group-name", sp_edit_column_text (stmt, 14),
                       "account-name", sp_edit_column_text (stmt, 15),
                       "account-kind", kind,
                       "in-group", sqlite3_column_int (stmt, 17) != 0,
                       NULL);
  /* Still being made: no one listens to notify yet. */
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    line->amounts[c] = sp_budget_column_amount (stmt, LINE_FIRST_AMOUNT + c);
  return line;
}

static GPtrArray *
load_lines (SpDatabase  *database,
            gpointer     user_data,
            GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database, "SELECT " LINE_COLUMNS LINE_FROM " WHERE l.year = ?1" LINE_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (user_data));
  return sp_edit_load_rows (database, stmt, line_from_row, error);
}

/* ---- Shared with sp-budget-line-edit.c and sp-budget.c ---- */

/* A nullable amount column of @stmt's row: %SP_BUDGET_NOT_SET for NULL. */
SpMoney
sp_budget_column_amount (sqlite3_stmt *stmt,
                         int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SP_BUDGET_NOT_SET;
  return sqlite3_column_int64 (stmt, column);
}

/* The lines of @year, in the order of the budget. */
GPtrArray *
sp_budget_line_load_year (SpDatabase  *database,
                          int          year,
                          GError     **error)
{
  return load_lines (database, GINT_TO_POINTER (year), error);
}

/* The ids of the year's lines, in the order of the list. */
GArray *
sp_budget_line_load_ids (SpDatabase  *database,
                         int          year,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, "SELECT l.id" LINE_FROM " WHERE l.year = ?1" LINE_ORDER, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* ---- Object boilerplate ---- */

static void
sp_budget_line_finalize (GObject *object)
{
  SpBudgetLine *self = SP_BUDGET_LINE (object);

  g_free (self->text);
  g_free (self->comment);
  g_free (self->area_name);
  g_free (self->group_name);
  g_free (self->account_name);

  G_OBJECT_CLASS (sp_budget_line_parent_class)->finalize (object);
}

static void
sp_budget_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpBudgetLine *self = SP_BUDGET_LINE (object);

  switch (prop_id)
    {
    case LINE_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case LINE_PROP_AREA_ID:
      g_value_set_int64 (value, self->area_id);
      break;
    case LINE_PROP_ACCOUNT:
      g_value_set_int (value, self->account);
      break;
    case LINE_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case LINE_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case LINE_PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    case LINE_PROP_BUDGET:
    case LINE_PROP_PLAN1:
    case LINE_PROP_PLAN2:
    case LINE_PROP_PREVIOUS_BUDGET:
    case LINE_PROP_PREVIOUS_ACTUAL:
      g_value_set_int64 (value, self->amounts[prop_id - LINE_PROP_BUDGET]);
      break;
    case LINE_PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;
    case LINE_PROP_IN_GROUP:
      g_value_set_boolean (value, self->in_group);
      break;
    case LINE_PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case LINE_PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case LINE_PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;
    case LINE_PROP_ACCOUNT_KIND:
      g_value_set_enum (value, self->account_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_line_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpBudgetLine *self = SP_BUDGET_LINE (object);
  gboolean changed;

  switch (prop_id)
    {
    case LINE_PROP_YEAR:
      changed = SP_BUDGET_TAKE (self->year, g_value_get_int (value));
      break;
    case LINE_PROP_AREA_ID:
      changed = SP_BUDGET_TAKE (self->area_id, g_value_get_int64 (value));
      break;
    case LINE_PROP_ACCOUNT:
      changed = SP_BUDGET_TAKE (self->account, g_value_get_int (value));
      break;
    case LINE_PROP_POSITION:
      changed = SP_BUDGET_TAKE (self->position, g_value_get_int (value));
      break;
    case LINE_PROP_TEXT:
      changed = sp_budget_take_string (&self->text, value);
      break;
    case LINE_PROP_COMMENT:
      changed = sp_budget_take_string (&self->comment, value);
      break;
    case LINE_PROP_BUDGET:
    case LINE_PROP_PLAN1:
    case LINE_PROP_PLAN2:
    case LINE_PROP_PREVIOUS_BUDGET:
    case LINE_PROP_PREVIOUS_ACTUAL:
      changed = SP_BUDGET_TAKE (self->amounts[prop_id - LINE_PROP_BUDGET], g_value_get_int64 (value));
      break;
    case LINE_PROP_AREA_NAME:
      changed = sp_budget_take_string (&self->area_name, value);
      break;
    case LINE_PROP_IN_GROUP:
      changed = SP_BUDGET_TAKE (self->in_group, g_value_get_boolean (value));
      break;
    case LINE_PROP_GROUP_ID:
      changed = SP_BUDGET_TAKE (self->group_id, g_value_get_int64 (value));
      break;
    case LINE_PROP_GROUP_NAME:
      changed = sp_budget_take_string (&self->group_name, value);
      break;
    case LINE_PROP_ACCOUNT_NAME:
      changed = sp_budget_take_string (&self->account_name, value);
      break;
    case LINE_PROP_ACCOUNT_KIND:
      changed = SP_BUDGET_TAKE (self->account_kind, (SpAccountKind) g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
sp_budget_line_class_init (SpBudgetLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_budget_line_finalize;
  object_class->get_property = sp_budget_line_get_property;
  object_class->set_property = sp_budget_line_set_property;

  line_properties[LINE_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  line_properties[LINE_PROP_AREA_ID] = g_param_spec_int64 ("area-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  line_properties[LINE_PROP_ACCOUNT] = g_param_spec_int ("account", NULL, NULL, 0, SP_ACCOUNT_NUMBER_MAX, 0, flags);
  line_properties[LINE_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  line_properties[LINE_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  line_properties[LINE_PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, "", flags);
  /* Amounts in öre, or SP_BUDGET_NOT_SET (G_MININT64) when the cell is empty. */
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    line_properties[LINE_PROP_BUDGET + c] =
      g_param_spec_int64 (budget_column_values[c].value_nick, NULL, NULL,
                          G_MININT64, SP_MONEY_MAX, SP_BUDGET_NOT_SET, flags);
  line_properties[LINE_PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, "", flags);
  /* The line lies directly in its group (through the group's hidden area);
   * its area name is then the group's. */
  line_properties[LINE_PROP_IN_GROUP] = g_param_spec_boolean ("in-group", NULL, NULL, FALSE, flags);
  line_properties[LINE_PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  line_properties[LINE_PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, "", flags);
  line_properties[LINE_PROP_ACCOUNT_NAME] = g_param_spec_string ("account-name", NULL, NULL, "", flags);
  line_properties[LINE_PROP_ACCOUNT_KIND] = g_param_spec_enum ("account-kind", NULL, NULL, SP_TYPE_ACCOUNT_KIND,
                                                               SP_ACCOUNT_KIND_COST, flags);
  g_object_class_install_properties (object_class, LINE_N_PROPS, line_properties);
}

static void
sp_budget_line_init (SpBudgetLine *self)
{
  self->text = g_strdup ("");
  self->comment = g_strdup ("");
  self->area_name = g_strdup ("");
  self->group_name = g_strdup ("");
  self->account_name = g_strdup ("");
  self->account_kind = SP_ACCOUNT_KIND_COST;
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    self->amounts[c] = SP_BUDGET_NOT_SET;
}

/* ---- Public API: budget lines ---- */

GType
sp_budget_column_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpBudgetColumn"),
                                                      budget_column_values));
  return type;
}

/* The name of the #SpBudgetLine property that holds @column. */
const char *
sp_budget_column_to_string (SpBudgetColumn column)
{
  g_return_val_if_fail (sp_budget_column_is_valid (column), "budget");
  return budget_column_values[column].value_nick;
}

/* The year @column is about, in the plan of @year. */
int
sp_budget_column_get_year (SpBudgetColumn column,
                           int            year)
{
  switch (column)
    {
    case SP_BUDGET_COLUMN_BUDGET:
      return year;
    case SP_BUDGET_COLUMN_PLAN1:
      return year + 1;
    case SP_BUDGET_COLUMN_PLAN2:
      return year + 2;
    case SP_BUDGET_COLUMN_PREVIOUS_BUDGET:
    case SP_BUDGET_COLUMN_PREVIOUS_ACTUAL:
      return year - 1;
    case SP_BUDGET_N_COLUMNS:
    default:
      g_return_val_if_reached (year);
    }
}

/**
 * sp_budget_column_get_title:
 *
 * Returns: (transfer full): the column's head in the plan of @year:
 *   "Budget 2009", "Plan 2010", "Plan 2011", "Budget 2008", "Actuals 2008"
 */
char *
sp_budget_column_get_title (SpBudgetColumn column,
                            int            year)
{
  int column_year = sp_budget_column_get_year (column, year);

  switch (column)
    {
    case SP_BUDGET_COLUMN_BUDGET:
    case SP_BUDGET_COLUMN_PREVIOUS_BUDGET:
      /* Translators: a budget column's head; %d is the year */
      return g_strdup_printf (_("Budget %d"), column_year);
    case SP_BUDGET_COLUMN_PLAN1:
    case SP_BUDGET_COLUMN_PLAN2:
      /* Translators: a budget column's head for a later plan year; %d is the year */
      return g_strdup_printf (_("Plan %d"), column_year);
    case SP_BUDGET_COLUMN_PREVIOUS_ACTUAL:
      /* Translators: a budget column's head: what was really booked in year %d */
      return g_strdup_printf (_("Actuals %d"), column_year);
    case SP_BUDGET_N_COLUMNS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Empties @data: no area, no account, no text, every amount not set. */
void
sp_budget_line_data_init (SpBudgetLineData *data)
{
  g_return_if_fail (data != NULL);

  *data = (SpBudgetLineData) { 0, };
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    data->amounts[c] = SP_BUDGET_NOT_SET;
}

int
sp_budget_line_get_year (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), 0);
  return self->year;
}

gint64
sp_budget_line_get_area_id (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), 0);
  return self->area_id;
}

int
sp_budget_line_get_account (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), 0);
  return self->account;
}

/* The position among the lines of its activity area. */
int
sp_budget_line_get_position (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), 0);
  return self->position;
}

const char *
sp_budget_line_get_text (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), NULL);
  return self->text;
}

const char *
sp_budget_line_get_comment (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), NULL);
  return self->comment;
}

/* Returns: the amount in öre, or %SP_BUDGET_NOT_SET */
SpMoney
sp_budget_line_get_amount (SpBudgetLine   *self,
                           SpBudgetColumn  column)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), SP_BUDGET_NOT_SET);
  g_return_val_if_fail (sp_budget_column_is_valid (column), SP_BUDGET_NOT_SET);
  return self->amounts[column];
}

/* Whether the line lies directly in its area group, not in an activity
 * area of it (see #SpBudgetLineData's @group_id). */
gboolean
sp_budget_line_is_in_group (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), FALSE);
  return self->in_group;
}

const char *
sp_budget_line_get_area_name (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), NULL);
  return self->area_name;
}

gint64
sp_budget_line_get_group_id (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), 0);
  return self->group_id;
}

const char *
sp_budget_line_get_group_name (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), NULL);
  return self->group_name;
}

const char *
sp_budget_line_get_account_name (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), NULL);
  return self->account_name;
}

SpAccountKind
sp_budget_line_get_account_kind (SpBudgetLine *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_LINE (self), SP_ACCOUNT_KIND_COST);
  return self->account_kind;
}

/**
 * sp_budget_line_list_new:
 *
 * The list follows renamed areas, groups and accounts too.
 *
 * Returns: (transfer full): the lines of @year's budget, by area group, area
 *   and position
 */
SpRecordList *
sp_budget_line_list_new (SpDatabase *database,
                         int         year)
{
  return sp_record_list_new (database, SP_TYPE_BUDGET_LINE, line_tables, load_lines,
                             GINT_TO_POINTER (year), NULL);
}

/**
 * sp_budget_line_load:
 *
 * Returns: (transfer full) (nullable): the line @id as it is now
 */
SpBudgetLine *
sp_budget_line_load (SpDatabase  *database,
                     gint64       id,
                     GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT " LINE_COLUMNS LINE_FROM " WHERE l.id = ?1", error);
  SpBudgetLine *line = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    line = line_from_row (stmt);
  sqlite3_reset (stmt);
  if (line == NULL)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The budget line no longer exists."));
  return line;
}
