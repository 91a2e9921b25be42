/* sp-account.c: the chart of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An account's id is its number. Its kind says whether the budget lines on
 * it are revenue or costs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-account.h"
#include "sp-budget-private.h"
#include "sp-edit-private.h"
#include "sp-text.h"

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

static const char *account_tables[] = { "account", NULL };
static const char *account_in_use_tables[] = { "account", "budget_line", NULL };

#define ACCOUNT_COLUMNS "number, name, kind"


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

static GPtrArray *
load_accounts (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database, "SELECT " ACCOUNT_COLUMNS " FROM account ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  return sp_edit_load_rows (database, stmt, account_from_row, error);
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
  return sp_edit_load_rows (database, stmt, account_from_row, error);
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

/* The account @number exists; %SP_ERROR_NOT_FOUND if it does not. */
gboolean
sp_account_check_exists (SpDatabase  *database,
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
  name = sp_text_clean_name (edit->name, _("The name of the account"), error);
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

  if (!sp_account_check_exists (database, edit->number, error))
    return FALSE;
  name = sp_text_clean_name (edit->name, _("The name of the account"), error);
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

  if (!sp_account_check_exists (database, edit->number, error))
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

  /* Nor can the account of the members' contributions go. */
  stmt = sp_edit_prepare (database,
                          "SELECT count(*) FROM association WHERE ?1 IN "
                          "(revenue_account_state, revenue_account_region, revenue_account_municipalities)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  {
    gint64 n = 0;

    if (!sp_edit_query_int64 (database, stmt, &n, error))
      return FALSE;
    if (n > 0)
      {
        g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                     _("Account %d receives the members’ contributions and cannot be deleted. "
                       "Choose another account for them first."),
                     edit->number);
        return FALSE;
      }
  }

  stmt = sp_edit_prepare (database, "DELETE FROM account WHERE number = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->number);
  return sp_edit_step_done (database, stmt, error);
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
      changed = sp_budget_take_string (&self->name, value);
      break;
    case ACCOUNT_PROP_KIND:
      changed = SP_BUDGET_TAKE (self->kind, (SpAccountKind) g_value_get_enum (value));
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

/* ---- Public API: accounts ---- */
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
