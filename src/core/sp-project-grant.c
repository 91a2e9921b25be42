/* sp-project-grant.c: the funds granted to a project for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows per year (granted funds, co-funding, participants) have no foreign key
 * to plan_year: a project's years need not have a plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-project-grant.h"
#include "sp-project-private.h"
#include "sp-record-loader-private.h"

struct _SpProjectGrant
{
  SpRecord  parent_instance;

  gint64    project_id;
  int       year;
  SpMoney   amount;
};

G_DEFINE_FINAL_TYPE (SpProjectGrant, sp_project_grant, SP_TYPE_RECORD)

enum {
  GRANT_PROP_0,
  GRANT_PROP_PROJECT_ID,
  GRANT_PROP_YEAR,
  GRANT_PROP_AMOUNT,
  GRANT_N_PROPS
};

static GParamSpec *grant_properties[GRANT_N_PROPS];

static const char *grant_tables[] = { "project_grant", NULL };

static SpRecord *
grant_from_row (sqlite3_stmt *stmt)
{
  SpProjectGrant *self = g_object_new (SP_TYPE_PROJECT_GRANT,
                                       "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  self->year = sqlite3_column_int (stmt, 2);
  self->amount = sqlite3_column_int64 (stmt, 3);
  return SP_RECORD (self);
}

/* One edit's arguments. */
typedef struct {
  gint64  id;
  int     year;
  SpMoney amount;
} GrantEdit;

static gboolean
do_set_grant (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  GrantEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error) ||
      !sp_project_check_year_amount (edit->year, edit->amount, _("Granted funds cannot be negative."), error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_grant (project_id, year, amount) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (project_id, year) DO UPDATE SET amount = excluded.amount "
                          "WHERE amount != excluded.amount", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sqlite3_bind_int64 (stmt, 3, edit->amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_clear_grant (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  GrantEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "DELETE FROM project_grant WHERE project_id = ?1 AND year = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  return sp_edit_step_done (database, stmt, error);
}

static void
sp_project_grant_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpProjectGrant *self = SP_PROJECT_GRANT (object);

  switch (prop_id)
    {
    case GRANT_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case GRANT_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case GRANT_PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_grant_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpProjectGrant *self = SP_PROJECT_GRANT (object);

  switch (prop_id)
    {
    case GRANT_PROP_PROJECT_ID:
      SP_RECORD_SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case GRANT_PROP_YEAR:
      SP_RECORD_SET_FIELD (self->year, g_value_get_int (value));
      break;
    case GRANT_PROP_AMOUNT:
      SP_RECORD_SET_FIELD (self->amount, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_grant_class_init (SpProjectGrantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sp_project_grant_get_property;
  object_class->set_property = sp_project_grant_set_property;

  grant_properties[GRANT_PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  grant_properties[GRANT_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  grant_properties[GRANT_PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, SP_MONEY_MAX, 0, flags);
  g_object_class_install_properties (object_class, GRANT_N_PROPS, grant_properties);
}

static void
sp_project_grant_init (SpProjectGrant *self)
{
}

gint64
sp_project_grant_get_project_id (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->project_id;
}

int
sp_project_grant_get_year (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->year;
}

SpMoney
sp_project_grant_get_amount (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->amount;
}

/**
 * sp_project_grant_list_new:
 *
 * Returns: (transfer full): the project's granted funds, one #SpProjectGrant a year
 */
SpRecordList *
sp_project_grant_list_new (SpDatabase *database,
                           gint64      project_id)
{
  const char *sql =
    "SELECT id, project_id, year, amount FROM project_grant "
    "WHERE project_id = ?1 ORDER BY year";

  return sp_record_list_new_for_query (database, SP_TYPE_PROJECT_GRANT, grant_tables,
                                       sql, grant_from_row, project_id);
}

/* Sets the funds granted to a project for @year (0 … SP_MONEY_MAX), as one edit. */
gboolean
sp_project_set_grant (SpDatabase  *database,
                      gint64       project_id,
                      int          year,
                      SpMoney      amount,
                      GError     **error)
{
  GrantEdit edit = { .id = project_id, .year = year, .amount = amount };

  return sp_edit_run (database, _("Set granted funds"), do_set_grant, &edit, error);
}

/* Removes the project's granted funds of @year: "not set", not 0. */
gboolean
sp_project_clear_grant (SpDatabase  *database,
                        gint64       project_id,
                        int          year,
                        GError     **error)
{
  GrantEdit edit = { .id = project_id, .year = year };

  return sp_edit_run (database, _("Remove granted funds"), do_clear_grant, &edit, error);
}

/**
 * sp_project_get_granted:
 * @out_amount: (out): the granted funds, 0 when none
 * @out_is_set: (out) (optional): whether funds are granted for @year at all
 *
 * Returns: %FALSE on a failure to read
 */
gboolean
sp_project_get_granted (SpDatabase  *database,
                        gint64       project_id,
                        int          year,
                        SpMoney     *out_amount,
                        gboolean    *out_is_set,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean is_set = FALSE;
  int rc;

  stmt = sp_edit_prepare (database, "SELECT amount FROM project_grant WHERE project_id = ?1 AND year = ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, year);
  *out_amount = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      is_set = TRUE;
      *out_amount = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  if (out_is_set != NULL)
    *out_is_set = is_set;
  return TRUE;
}
