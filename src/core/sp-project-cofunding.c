/* sp-project-cofunding.c: a member's co-funding of a project for one year, in money or in kind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows per year (granted funds, co-funding, participants) have no foreign key
 * to plan_year: a project's years need not have a plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-project-cofunding.h"
#include "sp-project-private.h"
#include "sp-record-loader-private.h"

struct _SpProjectCofunding
{
  SpRecord  parent_instance;

  gint64    project_id;
  gint64    member_id;
  char     *member_name;
  int       year;
  SpMoney   amount;
  gboolean  in_kind;
};

G_DEFINE_FINAL_TYPE (SpProjectCofunding, sp_project_cofunding, SP_TYPE_RECORD)

enum {
  COFUNDING_PROP_0,
  COFUNDING_PROP_PROJECT_ID,
  COFUNDING_PROP_MEMBER_ID,
  COFUNDING_PROP_MEMBER_NAME,
  COFUNDING_PROP_YEAR,
  COFUNDING_PROP_AMOUNT,
  COFUNDING_PROP_IN_KIND,
  COFUNDING_N_PROPS
};

static GParamSpec *cofunding_properties[COFUNDING_N_PROPS];

static const char *cofunding_tables[] = { "project_cofunding", "member", NULL };

static SpRecord *
cofunding_from_row (sqlite3_stmt *stmt)
{
  SpProjectCofunding *self = g_object_new (SP_TYPE_PROJECT_COFUNDING,
                                           "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  self->member_id = sqlite3_column_int64 (stmt, 2);
  g_free (self->member_name);
  self->member_name = g_strdup (sp_edit_column_text (stmt, 3));
  self->year = sqlite3_column_int (stmt, 4);
  self->amount = sqlite3_column_int64 (stmt, 5);
  self->in_kind = sqlite3_column_int (stmt, 6) != 0;
  return SP_RECORD (self);
}

/* One edit's arguments. */
typedef struct {
  gint64   id;
  gint64   member_id;
  int      year;
  gboolean flag;
  SpMoney  amount;
} CofundingEdit;

static gboolean
do_set_cofunding (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  CofundingEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error) ||
      !sp_project_check_member (database, edit->member_id, _("The member no longer exists."), error) ||
      !sp_project_check_year_amount (edit->year, edit->amount, _("Co-funding cannot be negative."), error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_cofunding (project_id, member_id, year, in_kind, amount) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) "
                          "ON CONFLICT (project_id, member_id, year, in_kind) "
                          "DO UPDATE SET amount = excluded.amount WHERE amount != excluded.amount", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->member_id);
  sqlite3_bind_int (stmt, 3, edit->year);
  sqlite3_bind_int (stmt, 4, edit->flag ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, edit->amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_clear_cofunding (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  CofundingEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "DELETE FROM project_cofunding WHERE project_id = ?1 AND member_id = ?2 "
                          "AND year = ?3 AND in_kind = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->member_id);
  sqlite3_bind_int (stmt, 3, edit->year);
  sqlite3_bind_int (stmt, 4, edit->flag ? 1 : 0);
  return sp_edit_step_done (database, stmt, error);
}

static void
sp_project_cofunding_finalize (GObject *object)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  g_free (self->member_name);

  G_OBJECT_CLASS (sp_project_cofunding_parent_class)->finalize (object);
}

static void
sp_project_cofunding_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  switch (prop_id)
    {
    case COFUNDING_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case COFUNDING_PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case COFUNDING_PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case COFUNDING_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case COFUNDING_PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case COFUNDING_PROP_IN_KIND:
      g_value_set_boolean (value, self->in_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_cofunding_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  switch (prop_id)
    {
    case COFUNDING_PROP_PROJECT_ID:
      SP_RECORD_SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_MEMBER_ID:
      SP_RECORD_SET_FIELD (self->member_id, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_MEMBER_NAME:
      sp_record_set_string_field (object, &self->member_name, value, pspec);
      break;
    case COFUNDING_PROP_YEAR:
      SP_RECORD_SET_FIELD (self->year, g_value_get_int (value));
      break;
    case COFUNDING_PROP_AMOUNT:
      SP_RECORD_SET_FIELD (self->amount, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_IN_KIND:
      SP_RECORD_SET_FIELD (self->in_kind, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_cofunding_class_init (SpProjectCofundingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_project_cofunding_finalize;
  object_class->get_property = sp_project_cofunding_get_property;
  object_class->set_property = sp_project_cofunding_set_property;

  cofunding_properties[COFUNDING_PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  cofunding_properties[COFUNDING_PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  cofunding_properties[COFUNDING_PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL, "", flags);
  cofunding_properties[COFUNDING_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  cofunding_properties[COFUNDING_PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, 0, SP_MONEY_MAX, 0, flags);
  /* In kind (work, premises) rather than money */
  cofunding_properties[COFUNDING_PROP_IN_KIND] = g_param_spec_boolean ("in-kind", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, COFUNDING_N_PROPS, cofunding_properties);
}

static void
sp_project_cofunding_init (SpProjectCofunding *self)
{
  self->member_name = g_strdup ("");
}

gint64
sp_project_cofunding_get_project_id (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->project_id;
}

gint64
sp_project_cofunding_get_member_id (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->member_id;
}

const char *
sp_project_cofunding_get_member_name (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), NULL);
  return self->member_name;
}

int
sp_project_cofunding_get_year (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->year;
}

SpMoney
sp_project_cofunding_get_amount (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->amount;
}

gboolean
sp_project_cofunding_get_in_kind (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), FALSE);
  return self->in_kind;
}

/**
 * sp_project_cofunding_list_new:
 *
 * Returns: (transfer full): the project's co-funding, by year and member
 */
SpRecordList *
sp_project_cofunding_list_new (SpDatabase *database,
                               gint64      project_id)
{
  const char *sql =
    "SELECT c.id, c.project_id, c.member_id, m.name, c.year, c.amount, c.in_kind "
    "FROM project_cofunding c JOIN member m ON m.id = c.member_id "
    "WHERE c.project_id = ?1 ORDER BY c.year, m.position, m.id, c.in_kind";

  return sp_record_list_new_for_query (database, SP_TYPE_PROJECT_COFUNDING, cofunding_tables,
                                       sql, cofunding_from_row, project_id);
}

/**
 * sp_project_set_cofunding:
 * @in_kind: in kind (work, premises) rather than money; a member may give both
 *
 * Sets a member's co-funding of the project for @year, as one edit.
 */
gboolean
sp_project_set_cofunding (SpDatabase  *database,
                          gint64       project_id,
                          gint64       member_id,
                          int          year,
                          gboolean     in_kind,
                          SpMoney      amount,
                          GError     **error)
{
  CofundingEdit edit = {
    .id = project_id, .member_id = member_id, .year = year, .flag = in_kind, .amount = amount
  };

  return sp_edit_run (database, _("Set co-funding"), do_set_cofunding, &edit, error);
}

gboolean
sp_project_clear_cofunding (SpDatabase  *database,
                            gint64       project_id,
                            gint64       member_id,
                            int          year,
                            gboolean     in_kind,
                            GError     **error)
{
  CofundingEdit edit = { .id = project_id, .member_id = member_id, .year = year, .flag = in_kind };

  return sp_edit_run (database, _("Remove co-funding"), do_clear_cofunding, &edit, error);
}
