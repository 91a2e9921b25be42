/* sp-budget.c: the chart of accounts and a year's budget
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
 * Revenue and costs are both typed as positive amounts; the account's kind
 * says which they are, and the result is revenue − costs. A negative result
 * is covered by equity used (positive: money taken from equity).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-budget.h"
#include "sp-edit-private.h"

struct _SpAccount
{
  SpRecord       parent_instance;

  char          *name;
  SpAccountKind  kind;
};

G_DEFINE_FINAL_TYPE (SpAccount, sp_account, SP_TYPE_RECORD)

enum {
  ACCOUNT_PROP_0,
  ACCOUNT_PROP_NUMBER,
  ACCOUNT_PROP_NAME,
  ACCOUNT_PROP_KIND,
  ACCOUNT_N_PROPS
};

static GParamSpec *account_properties[ACCOUNT_N_PROPS];

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
  LINE_N_PROPS
};

G_STATIC_ASSERT (LINE_PROP_PREVIOUS_ACTUAL - LINE_PROP_BUDGET == SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);

static GParamSpec *line_properties[LINE_N_PROPS];

static const char *account_tables[] = { "account", NULL };
static const char *account_in_use_tables[] = { "account", "budget_line", NULL };
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

/* One statement per column: the column names are the program's, never the user's.
 * "IS NOT" leaves an unchanged value unwritten, so that it makes no undo step. */
static const char *set_amount_sql[SP_BUDGET_N_COLUMNS] = {
  "UPDATE budget_line SET budget = ?2 WHERE id = ?1 AND budget IS NOT ?2",
  "UPDATE budget_line SET plan1 = ?2 WHERE id = ?1 AND plan1 IS NOT ?2",
  "UPDATE budget_line SET plan2 = ?2 WHERE id = ?1 AND plan2 IS NOT ?2",
  "UPDATE budget_line SET previous_budget = ?2 WHERE id = ?1 AND previous_budget IS NOT ?2",
  "UPDATE budget_line SET previous_actual = ?2 WHERE id = ?1 AND previous_actual IS NOT ?2",
};

#define ACCOUNT_COLUMNS "number, name, kind"

#define LINE_COLUMNS \
  "l.id, l.year, l.area_id, l.account, l.position, l.text, " \
  "l.budget, l.plan1, l.plan2, l.previous_budget, l.previous_actual, l.comment, " \
  "a.name, g.id, g.name, c.name, c.kind"
#define LINE_FROM \
  " FROM budget_line l JOIN area a ON a.id = l.area_id" \
  " JOIN area_group g ON g.id = a.group_id" \
  " JOIN account c ON c.number = l.account"
#define LINE_ORDER " ORDER BY g.position, g.id, a.position, a.id, l.position, l.id"

/* The first amount among LINE_COLUMNS. */
#define LINE_FIRST_AMOUNT 6

GType
sp_account_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_ACCOUNT_KIND_REVENUE, "SP_ACCOUNT_KIND_REVENUE", "revenue" },
    { SP_ACCOUNT_KIND_COST, "SP_ACCOUNT_KIND_COST", "cost" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpAccountKind"), values));
  return type;
}

/* The word stored in the database: the enum's nick. */
const char *
sp_account_kind_to_string (SpAccountKind kind)
{
  return sp_enum_get_nick (SP_TYPE_ACCOUNT_KIND, kind);
}

gboolean
sp_account_kind_from_string (const char    *text,
                             SpAccountKind *kind)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_ACCOUNT_KIND, text, &value))
    return FALSE;
  *kind = (SpAccountKind) value;
  return TRUE;
}

/* The word a user reads: Intäkt, Kostnad. */
const char *
sp_account_kind_get_label (SpAccountKind kind)
{
  switch (kind)
    {
    case SP_ACCOUNT_KIND_REVENUE:
      /* Translators: the kind of an account in the chart of accounts */
      return C_("account kind", "Revenue");
    case SP_ACCOUNT_KIND_COST:
      return C_("account kind", "Cost");
    default:
      g_return_val_if_reached ("");
    }
}

/* Replaces *field by the value's string; says whether it differed. */
static gboolean
take_string (char         **field,
             const GValue  *value)
{
  const char *text = g_value_get_string (value);

  if (text == NULL)
    text = "";
  if (g_strcmp0 (*field, text) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

#define TAKE(field, new_value) \
  ((field) != (new_value) ? ((field) = (new_value), TRUE) : FALSE)

static SpMoney
column_amount (sqlite3_stmt *stmt,
               int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SP_BUDGET_NOT_SET;
  return sqlite3_column_int64 (stmt, column);
}

static gboolean
check_column (SpBudgetColumn column)
{
  return (guint) column < SP_BUDGET_N_COLUMNS;
}

/* ---- Accounts: loading and checking ---- */

/* An account from a row of ACCOUNT_COLUMNS. */
static gpointer
account_from_row (sqlite3_stmt *stmt)
{
  SpAccountKind kind = SP_ACCOUNT_KIND_COST;

  sp_account_kind_from_string (sp_edit_column_text (stmt, 2), &kind);
  return g_object_new (SP_TYPE_ACCOUNT,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", sp_edit_column_text (stmt, 1),
                       "kind", kind,
                       NULL);
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt to its end, making a record of each row. */
static GPtrArray *
load_rows (SpDatabase    *database,
           sqlite3_stmt  *stmt,
           RowFunc        from_row,
           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

static GPtrArray *
load_accounts (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database, "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  return load_rows (database, stmt, account_from_row, error);
}

static GPtrArray *
load_accounts_in_use (SpDatabase  *database,
                      gpointer     user_data,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database,
                          "SELECT " ACCOUNT_COLUMNS " FROM account WHERE number IN "
                          "(SELECT account FROM budget_line WHERE year = ?1) ORDER BY number",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (user_data));
  return load_rows (database, stmt, account_from_row, error);
}

/* Whether the account @number exists; FALSE with @error only on failure. */
static gboolean
account_exists (SpDatabase  *database,
                int          number,
                gboolean    *exists,
                GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT count(*) FROM account WHERE number = ?1", error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, number);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  *exists = n > 0;
  return TRUE;
}

static gboolean
check_account_exists (SpDatabase  *database,
                      int          number,
                      GError     **error)
{
  gboolean exists = FALSE;

  if (!account_exists (database, number, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("There is no account %d in the chart of accounts."), number);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  int            number;
  const char    *name;
  SpAccountKind  kind;
} AccountEdit;

static gboolean
do_account_add (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  AccountEdit *edit = user_data;
  g_autofree char *name = NULL;
  gboolean exists = FALSE;
  sqlite3_stmt *stmt;

  if (edit->number < SP_ACCOUNT_NUMBER_MIN || edit->number > SP_ACCOUNT_NUMBER_MAX)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("An account number must be between %d and %d."),
                   SP_ACCOUNT_NUMBER_MIN, SP_ACCOUNT_NUMBER_MAX);
      return FALSE;
    }
  name = sp_edit_clean_name (edit->name, _("The name of the account"), error);
  if (name == NULL)
    return FALSE;
  if (edit->kind != SP_ACCOUNT_KIND_REVENUE && edit->kind != SP_ACCOUNT_KIND_COST)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown kind of account."));
      return FALSE;
    }
  if (!account_exists (database, edit->number, &exists, error))
    return FALSE;
  if (exists)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("There is already an account %d in the chart of accounts."), edit->number);
      return FALSE;
    }

  stmt = sp_edit_prepare (database, "INSERT INTO account (number, name, kind) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  sp_edit_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, sp_account_kind_to_string (edit->kind), -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_account_rename (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  AccountEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  if (!check_account_exists (database, edit->number, error))
    return FALSE;
  name = sp_edit_clean_name (edit->name, _("The name of the account"), error);
  if (name == NULL)
    return FALSE;

  stmt = sp_edit_prepare (database, "UPDATE account SET name = ?2 WHERE number = ?1 AND name IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  sp_edit_bind_text (stmt, 2, name);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_account_delete (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  AccountEdit *edit = user_data;
  g_autoptr(GString) uses = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  if (!check_account_exists (database, edit->number, error))
    return FALSE;

  /* A budget line needs its account: say where the account is used. */
  stmt = sp_edit_prepare (database,
                          "SELECT year, count(*) FROM budget_line WHERE account = ?1 "
                          "GROUP BY year ORDER BY year", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (uses, "%s%d: %d", uses->len > 0 ? ", " : "",
                            sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  if (uses->len > 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                   /* Translators: the last %s lists years and line counts, e.g. "2008: 3, 2009: 1" */
                   _("Account %d is used by budget lines and cannot be deleted (lines per year: %s)."),
                   edit->number, uses->str);
      return FALSE;
    }

  stmt = sp_edit_prepare (database, "DELETE FROM account WHERE number = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  return sp_edit_step_done (database, stmt, error);
}

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
                       NULL);
  /* Still being made: no one listens to notify yet. */
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    line->amounts[c] = column_amount (stmt, LINE_FIRST_AMOUNT + c);
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
  return load_rows (database, stmt, line_from_row, error);
}

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
  return check_account_exists (database, account, error);
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
  return sp_edit_clean_name (stripped, _("The text of the budget line"), error);
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
  gint64 position;

  if (!sp_edit_check_year (edit->year, error) ||
      !sp_edit_check_year_open (database, edit->year, error) ||
      !check_area (database, data->area_id, edit->year, error) ||
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

  position = sp_edit_next_position (database, "budget_line", "area_id", data->area_id, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, "
                          "previous_budget, previous_actual, comment) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  sqlite3_bind_int64 (stmt, 2, data->area_id);
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

/* The ids of the year's lines, in the order of the list. */
static GArray *
load_line_ids (SpDatabase  *database,
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
  ids = load_line_ids (database, year, error);
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
  gint64 area_id;
  gint64 position;
  int year;

  if (!open_line (database, edit->id, &year, &area_id, error) ||
      !check_area (database, edit->area_id, year, error))
    return FALSE;
  if (edit->area_id == area_id)
    return TRUE;

  /* The line goes last in its new area. */
  position = sp_edit_next_position (database, "budget_line", "area_id", edit->area_id, error);
  if (position < 0)
    return FALSE;
  stmt = sp_edit_prepare (database, "UPDATE budget_line SET area_id = ?2, position = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->area_id);
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

/* ---- Totals ---- */

static void
sum_add_line (SpBudgetSum  *sum,
              SpBudgetLine *line)
{
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      SpMoney amount = line->amounts[c];

      if (!SP_BUDGET_IS_SET (amount))
        continue;
      sum->n_set[c]++;
      if (line->account_kind == SP_ACCOUNT_KIND_REVENUE)
        sum->revenue[c] += amount;
      else
        sum->costs[c] += amount;
      sum->result[c] = sum->revenue[c] - sum->costs[c];
    }
}

/* The subtotal of @id in @array, added last when it is not there yet. The
 * lines come grouped, so it is the last one or a new one. */
static SpBudgetSubtotal *
subtotal_for (GArray *array,
              gint64  id,
              gint64  group_id)
{
  SpBudgetSubtotal fresh = { .id = id, .group_id = group_id };

  for (guint i = array->len; i > 0; i--)
    if (g_array_index (array, SpBudgetSubtotal, i - 1).id == id)
      return &g_array_index (array, SpBudgetSubtotal, i - 1);
  g_array_append_val (array, fresh);
  return &g_array_index (array, SpBudgetSubtotal, array->len - 1);
}

static gboolean
load_plan_year (SpDatabase      *database,
                SpBudgetTotals  *totals,
                GError         **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT frame, frame_plan1, frame_plan2, equity_used FROM plan_year WHERE year = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, totals->year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      totals->frame[SP_BUDGET_COLUMN_BUDGET] = column_amount (stmt, 0);
      totals->frame[SP_BUDGET_COLUMN_PLAN1] = column_amount (stmt, 1);
      totals->frame[SP_BUDGET_COLUMN_PLAN2] = column_amount (stmt, 2);
      totals->equity_used[SP_BUDGET_COLUMN_BUDGET] = column_amount (stmt, 3);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), totals->year);
      return FALSE;
    }
  return TRUE;
}

/* ---- Object boilerplate ---- */

static void
sp_account_finalize (GObject *object)
{
  SpAccount *self = SP_ACCOUNT (object);

  g_free (self->name);

  G_OBJECT_CLASS (sp_account_parent_class)->finalize (object);
}

static void
sp_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpAccount *self = SP_ACCOUNT (object);

  switch (prop_id)
    {
    case ACCOUNT_PROP_NUMBER:
      g_value_set_int (value, sp_account_get_number (self));
      break;
    case ACCOUNT_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ACCOUNT_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpAccount *self = SP_ACCOUNT (object);
  gboolean changed;

  switch (prop_id)
    {
    case ACCOUNT_PROP_NAME:
      changed = take_string (&self->name, value);
      break;
    case ACCOUNT_PROP_KIND:
      changed = TAKE (self->kind, (SpAccountKind) g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
sp_account_class_init (SpAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_account_finalize;
  object_class->get_property = sp_account_get_property;
  object_class->set_property = sp_account_set_property;

  /* The same as the id; for binding. */
  account_properties[ACCOUNT_PROP_NUMBER] =
    g_param_spec_int ("number", NULL, NULL, 0, SP_ACCOUNT_NUMBER_MAX, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  account_properties[ACCOUNT_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  account_properties[ACCOUNT_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_ACCOUNT_KIND,
                                                             SP_ACCOUNT_KIND_COST, flags);
  g_object_class_install_properties (object_class, ACCOUNT_N_PROPS, account_properties);
}

static void
sp_account_init (SpAccount *self)
{
  self->name = g_strdup ("");
  self->kind = SP_ACCOUNT_KIND_COST;
}

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
      changed = TAKE (self->year, g_value_get_int (value));
      break;
    case LINE_PROP_AREA_ID:
      changed = TAKE (self->area_id, g_value_get_int64 (value));
      break;
    case LINE_PROP_ACCOUNT:
      changed = TAKE (self->account, g_value_get_int (value));
      break;
    case LINE_PROP_POSITION:
      changed = TAKE (self->position, g_value_get_int (value));
      break;
    case LINE_PROP_TEXT:
      changed = take_string (&self->text, value);
      break;
    case LINE_PROP_COMMENT:
      changed = take_string (&self->comment, value);
      break;
    case LINE_PROP_BUDGET:
    case LINE_PROP_PLAN1:
    case LINE_PROP_PLAN2:
    case LINE_PROP_PREVIOUS_BUDGET:
    case LINE_PROP_PREVIOUS_ACTUAL:
      changed = TAKE (self->amounts[prop_id - LINE_PROP_BUDGET], g_value_get_int64 (value));
      break;
    case LINE_PROP_AREA_NAME:
      changed = take_string (&self->area_name, value);
      break;
    case LINE_PROP_GROUP_ID:
      changed = TAKE (self->group_id, g_value_get_int64 (value));
      break;
    case LINE_PROP_GROUP_NAME:
      changed = take_string (&self->group_name, value);
      break;
    case LINE_PROP_ACCOUNT_NAME:
      changed = take_string (&self->account_name, value);
      break;
    case LINE_PROP_ACCOUNT_KIND:
      changed = TAKE (self->account_kind, (SpAccountKind) g_value_get_enum (value));
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

/* ---- Public API: accounts ---- */

/* The account's number, which is also its id. */
int
sp_account_get_number (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), 0);
  return (int) sp_record_get_id (SP_RECORD (self));
}

const char *
sp_account_get_name (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), NULL);
  return self->name;
}

SpAccountKind
sp_account_get_kind (SpAccount *self)
{
  g_return_val_if_fail (SP_IS_ACCOUNT (self), SP_ACCOUNT_KIND_COST);
  return self->kind;
}

/**
 * sp_account_list_new:
 *
 * Returns: (transfer full): the chart of accounts, by number
 */
SpRecordList *
sp_account_list_new (SpDatabase *database)
{
  return sp_record_list_new (database, SP_TYPE_ACCOUNT, account_tables, load_accounts, NULL, NULL);
}

/**
 * sp_account_list_new_in_use:
 *
 * Returns: (transfer full): the accounts that budget lines of @year use, by number
 */
SpRecordList *
sp_account_list_new_in_use (SpDatabase *database,
                            int         year)
{
  return sp_record_list_new (database, SP_TYPE_ACCOUNT, account_in_use_tables, load_accounts_in_use,
                             GINT_TO_POINTER (year), NULL);
}

/**
 * sp_account_load:
 *
 * Returns: (transfer full) (nullable): the account @number as it is now
 */
SpAccount *
sp_account_load (SpDatabase  *database,
                 int          number,
                 GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT " ACCOUNT_COLUMNS " FROM account WHERE number = ?1", error);
  SpAccount *account = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    account = account_from_row (stmt);
  sqlite3_reset (stmt);
  if (account == NULL)
    g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                 _("There is no account %d in the chart of accounts."), number);
  return account;
}

/**
 * sp_account_add:
 * @number: between %SP_ACCOUNT_NUMBER_MIN and %SP_ACCOUNT_NUMBER_MAX, not yet taken
 *
 * Adds an account to the chart of accounts, as one undoable edit.
 */
gboolean
sp_account_add (SpDatabase     *database,
                int             number,
                const char     *name,
                SpAccountKind   kind,
                GError        **error)
{
  AccountEdit edit = { .number = number, .name = name, .kind = kind };

  return sp_edit_run (database, _("Add account"), do_account_add, &edit, error);
}

gboolean
sp_account_rename (SpDatabase  *database,
                   int          number,
                   const char  *name,
                   GError     **error)
{
  AccountEdit edit = { .number = number, .name = name };

  return sp_edit_run (database, _("Rename account"), do_account_rename, &edit, error);
}

/**
 * sp_account_delete:
 *
 * Deletes an account that no budget line uses; refused with
 * %SP_ERROR_IN_USE, saying how many lines of which years use it, otherwise.
 */
gboolean
sp_account_delete (SpDatabase  *database,
                   int          number,
                   GError     **error)
{
  AccountEdit edit = { .number = number };

  return sp_edit_run (database, _("Delete account"), do_account_delete, &edit, error);
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
  g_return_val_if_fail (check_column (column), "budget");
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
  g_return_val_if_fail (check_column (column), SP_BUDGET_NOT_SET);
  return self->amounts[column];
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

  g_return_val_if_fail (check_column (column), FALSE);
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

  g_return_val_if_fail (check_column (column), FALSE);
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

/* ---- Public API: totals ---- */

/**
 * sp_budget_totals_new:
 *
 * Adds up the budget of @year (which may be adopted) and reads its frame
 * and equity used.
 *
 * Returns: (transfer full) (nullable): the totals; free them with
 *   sp_budget_totals_free()
 */
SpBudgetTotals *
sp_budget_totals_new (SpDatabase  *database,
                      int          year,
                      GError     **error)
{
  g_autoptr(SpBudgetTotals) totals = g_new0 (SpBudgetTotals, 1);
  g_autoptr(GPtrArray) lines = NULL;

  totals->year = year;
  totals->groups = g_array_new (FALSE, TRUE, sizeof (SpBudgetSubtotal));
  totals->areas = g_array_new (FALSE, TRUE, sizeof (SpBudgetSubtotal));
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      totals->frame[c] = SP_BUDGET_NOT_SET;
      totals->equity_used[c] = SP_BUDGET_NOT_SET;
    }

  if (!load_plan_year (database, totals, error))
    return NULL;
  lines = load_lines (database, GINT_TO_POINTER (year), error);
  if (lines == NULL)
    return NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      SpBudgetLine *line = g_ptr_array_index (lines, i);

      sum_add_line (&totals->total, line);
      sum_add_line (&subtotal_for (totals->groups, line->group_id, line->group_id)->sum, line);
      sum_add_line (&subtotal_for (totals->areas, line->area_id, line->group_id)->sum, line);
    }
  return g_steal_pointer (&totals);
}

void
sp_budget_totals_free (SpBudgetTotals *totals)
{
  if (totals == NULL)
    return;
  g_clear_pointer (&totals->groups, g_array_unref);
  g_clear_pointer (&totals->areas, g_array_unref);
  g_free (totals);
}

/* Whether any line of the year has @column set. */
gboolean
sp_budget_totals_is_set (const SpBudgetTotals *totals,
                         SpBudgetColumn        column)
{
  g_return_val_if_fail (totals != NULL && check_column (column), FALSE);
  return totals->total.n_set[column] > 0;
}

/**
 * sp_budget_totals_get_imbalance:
 *
 * The result plus the equity used (none when not set): 0 when the column
 * balances; below 0 the costs that neither revenue nor equity cover; above 0
 * a surplus.
 */
SpMoney
sp_budget_totals_get_imbalance (const SpBudgetTotals *totals,
                                SpBudgetColumn        column)
{
  SpMoney equity;

  g_return_val_if_fail (totals != NULL && check_column (column), 0);
  equity = totals->equity_used[column];
  return totals->total.result[column] + (SP_BUDGET_IS_SET (equity) ? equity : 0);
}

/* Whether revenue and equity used pay exactly for the costs of @column. */
gboolean
sp_budget_totals_is_balanced (const SpBudgetTotals *totals,
                              SpBudgetColumn        column)
{
  return sp_budget_totals_get_imbalance (totals, column) == 0;
}

/* Returns: (nullable): the sums of the area @area_id, or %NULL when it has no lines */
const SpBudgetSubtotal *
sp_budget_totals_find_area (const SpBudgetTotals *totals,
                            gint64                area_id)
{
  g_return_val_if_fail (totals != NULL, NULL);
  for (guint i = 0; i < totals->areas->len; i++)
    if (g_array_index (totals->areas, SpBudgetSubtotal, i).id == area_id)
      return &g_array_index (totals->areas, SpBudgetSubtotal, i);
  return NULL;
}

/* Returns: (nullable): the sums of the area group @group_id, or %NULL when it has no lines */
const SpBudgetSubtotal *
sp_budget_totals_find_group (const SpBudgetTotals *totals,
                             gint64                group_id)
{
  g_return_val_if_fail (totals != NULL, NULL);
  for (guint i = 0; i < totals->groups->len; i++)
    if (g_array_index (totals->groups, SpBudgetSubtotal, i).id == group_id)
      return &g_array_index (totals->groups, SpBudgetSubtotal, i);
  return NULL;
}
