/* sp-plan-year.c: the plan years: status, budget frame, shares and allocation key
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year is created empty or from the year before (its plan copied forward,
 * its budget moved one column), is edited as a draft, and is adopted by the
 * board; an adopted year's plan and budget are locked until it is re-opened.
 * Those edits are in sp-plan-year-edit.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-plan-year.h"

struct _SpPlanYear
{
  SpRecord         parent_instance;

  SpYearStatus     status;
  char            *decision_date;
  char            *decision_paragraph;
  SpMoney          frame[SP_PLAN_YEARS];
  SpMoney          equity_used;
  int              share_state;
  int              share_region;
  int              share_municipalities;
  SpAllocationKey  allocation_key;
};

G_DEFINE_FINAL_TYPE (SpPlanYear, sp_plan_year, SP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_DECISION_DATE,
  PROP_DECISION_PARAGRAPH,
  PROP_FRAME,
  PROP_FRAME_PLAN1,
  PROP_FRAME_PLAN2,
  PROP_EQUITY_USED,
  PROP_SHARE_STATE,
  PROP_SHARE_REGION,
  PROP_SHARE_MUNICIPALITIES,
  PROP_ALLOCATION_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *year_tables[] = { "plan_year", NULL };


#define YEAR_COLUMNS "year, status, decision_date, decision_paragraph, frame, frame_plan1, " \
                     "frame_plan2, equity_used, share_state, share_region, share_municipalities, " \
                     "allocation_key"

GType
sp_year_status_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_YEAR_STATUS_DRAFT, "SP_YEAR_STATUS_DRAFT", "draft" },
    { SP_YEAR_STATUS_ADOPTED, "SP_YEAR_STATUS_ADOPTED", "adopted" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpYearStatus"), values));
  return type;
}

GType
sp_allocation_key_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_ALLOCATION_KEY_POPULATION, "SP_ALLOCATION_KEY_POPULATION", "population" },
    { SP_ALLOCATION_KEY_PERCENTAGE, "SP_ALLOCATION_KEY_PERCENTAGE", "percentage" },
    { SP_ALLOCATION_KEY_FIXED, "SP_ALLOCATION_KEY_FIXED", "fixed" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpAllocationKey"), values));
  return type;
}

const char *
sp_year_status_get_label (SpYearStatus status)
{
  switch (status)
    {
    case SP_YEAR_STATUS_DRAFT:
      return C_("plan status", "Draft");
    case SP_YEAR_STATUS_ADOPTED:
      return C_("plan status", "Adopted");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
sp_allocation_key_get_label (SpAllocationKey key)
{
  switch (key)
    {
    case SP_ALLOCATION_KEY_POPULATION:
      return _("By population");
    case SP_ALLOCATION_KEY_PERCENTAGE:
      return _("Agreed percentages");
    case SP_ALLOCATION_KEY_FIXED:
      return _("Fixed amounts");
    default:
      g_return_val_if_reached ("");
    }
}

static void
sp_plan_year_finalize (GObject *object)
{
  SpPlanYear *self = SP_PLAN_YEAR (object);

  g_free (self->decision_date);
  g_free (self->decision_paragraph);

  G_OBJECT_CLASS (sp_plan_year_parent_class)->finalize (object);
}

static void
sp_plan_year_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpPlanYear *self = SP_PLAN_YEAR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DECISION_DATE:
      g_value_set_string (value, self->decision_date);
      break;
    case PROP_DECISION_PARAGRAPH:
      g_value_set_string (value, self->decision_paragraph);
      break;
    case PROP_FRAME:
    case PROP_FRAME_PLAN1:
    case PROP_FRAME_PLAN2:
      g_value_set_int64 (value, self->frame[prop_id - PROP_FRAME]);
      break;
    case PROP_EQUITY_USED:
      g_value_set_int64 (value, self->equity_used);
      break;
    case PROP_SHARE_STATE:
      g_value_set_int (value, self->share_state);
      break;
    case PROP_SHARE_REGION:
      g_value_set_int (value, self->share_region);
      break;
    case PROP_SHARE_MUNICIPALITIES:
      g_value_set_int (value, self->share_municipalities);
      break;
    case PROP_ALLOCATION_KEY:
      g_value_set_enum (value, self->allocation_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_year_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpPlanYear *self = SP_PLAN_YEAR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_DECISION_DATE:
      g_free (self->decision_date);
      self->decision_date = g_value_dup_string (value);
      break;
    case PROP_DECISION_PARAGRAPH:
      g_free (self->decision_paragraph);
      self->decision_paragraph = g_value_dup_string (value);
      break;
    case PROP_FRAME:
    case PROP_FRAME_PLAN1:
    case PROP_FRAME_PLAN2:
      self->frame[prop_id - PROP_FRAME] = g_value_get_int64 (value);
      break;
    case PROP_EQUITY_USED:
      self->equity_used = g_value_get_int64 (value);
      break;
    case PROP_SHARE_STATE:
      self->share_state = g_value_get_int (value);
      break;
    case PROP_SHARE_REGION:
      self->share_region = g_value_get_int (value);
      break;
    case PROP_SHARE_MUNICIPALITIES:
      self->share_municipalities = g_value_get_int (value);
      break;
    case PROP_ALLOCATION_KEY:
      self->allocation_key = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_plan_year_class_init (SpPlanYearClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_plan_year_finalize;
  object_class->get_property = sp_plan_year_get_property;
  object_class->set_property = sp_plan_year_set_property;

  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SP_TYPE_YEAR_STATUS,
                                               SP_YEAR_STATUS_DRAFT, flags);
  properties[PROP_DECISION_DATE] = g_param_spec_string ("decision-date", NULL, NULL, "", flags);
  properties[PROP_DECISION_PARAGRAPH] = g_param_spec_string ("decision-paragraph", NULL, NULL, "", flags);
  properties[PROP_FRAME] = g_param_spec_int64 ("frame", NULL, NULL, G_MININT64, G_MAXINT64,
                                               SP_MONEY_NOT_SET, flags);
  properties[PROP_FRAME_PLAN1] = g_param_spec_int64 ("frame-plan1", NULL, NULL, G_MININT64, G_MAXINT64,
                                                     SP_MONEY_NOT_SET, flags);
  properties[PROP_FRAME_PLAN2] = g_param_spec_int64 ("frame-plan2", NULL, NULL, G_MININT64, G_MAXINT64,
                                                     SP_MONEY_NOT_SET, flags);
  properties[PROP_EQUITY_USED] = g_param_spec_int64 ("equity-used", NULL, NULL, G_MININT64, G_MAXINT64,
                                                     SP_MONEY_NOT_SET, flags);
  properties[PROP_SHARE_STATE] = g_param_spec_int ("share-state", NULL, NULL, 0, SP_SHARE_WHOLE, 5000, flags);
  properties[PROP_SHARE_REGION] = g_param_spec_int ("share-region", NULL, NULL, 0, SP_SHARE_WHOLE, 2500, flags);
  properties[PROP_SHARE_MUNICIPALITIES] = g_param_spec_int ("share-municipalities", NULL, NULL,
                                                            0, SP_SHARE_WHOLE, 2500, flags);
  properties[PROP_ALLOCATION_KEY] = g_param_spec_enum ("allocation-key", NULL, NULL, SP_TYPE_ALLOCATION_KEY,
                                                       SP_ALLOCATION_KEY_POPULATION, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_plan_year_init (SpPlanYear *self)
{
  self->decision_date = g_strdup ("");
  self->decision_paragraph = g_strdup ("");
  for (guint i = 0; i < SP_PLAN_YEARS; i++)
    self->frame[i] = SP_MONEY_NOT_SET;
  self->equity_used = SP_MONEY_NOT_SET;
  self->share_state = 5000;
  self->share_region = 2500;
  self->share_municipalities = 2500;
}

static SpMoney
column_money (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SP_MONEY_NOT_SET;
  return sqlite3_column_int64 (stmt, column);
}

static SpPlanYear *
year_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (SP_TYPE_PLAN_YEAR,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "status", sp_edit_column_enum (stmt, 1, SP_TYPE_YEAR_STATUS),
                       "decision-date", sp_edit_column_text (stmt, 2),
                       "decision-paragraph", sp_edit_column_text (stmt, 3),
                       "frame", column_money (stmt, 4),
                       "frame-plan1", column_money (stmt, 5),
                       "frame-plan2", column_money (stmt, 6),
                       "equity-used", column_money (stmt, 7),
                       "share-state", sqlite3_column_int (stmt, 8),
                       "share-region", sqlite3_column_int (stmt, 9),
                       "share-municipalities", sqlite3_column_int (stmt, 10),
                       "allocation-key", sp_edit_column_enum (stmt, 11, SP_TYPE_ALLOCATION_KEY),
                       NULL);
}

static GPtrArray *
load_years (SpDatabase  *database,
            gpointer     user_data,
            GError     **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, "SELECT " YEAR_COLUMNS " FROM plan_year ORDER BY year", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (years, year_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&years);
}

int
sp_plan_year_get_year (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), 0);
  return (int) sp_record_get_id (SP_RECORD (self));
}

SpYearStatus
sp_plan_year_get_status (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), SP_YEAR_STATUS_DRAFT);
  return self->status;
}

gboolean
sp_plan_year_is_adopted (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), FALSE);
  return self->status == SP_YEAR_STATUS_ADOPTED;
}

/* Returns: the board's decision date (YYYY-MM-DD), or "" */
const char *
sp_plan_year_get_decision_date (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), NULL);
  return self->decision_date;
}

const char *
sp_plan_year_get_decision_paragraph (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), NULL);
  return self->decision_paragraph;
}

/**
 * sp_plan_year_get_frame:
 * @column: 0 for the budget year, 1 and 2 for the plan years
 *
 * Returns: the members' total contribution, or %SP_MONEY_NOT_SET
 */
SpMoney
sp_plan_year_get_frame (SpPlanYear *self,
                        guint       column)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), SP_MONEY_NOT_SET);
  g_return_val_if_fail (column < SP_PLAN_YEARS, SP_MONEY_NOT_SET);
  return self->frame[column];
}

SpMoney
sp_plan_year_get_equity_used (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), SP_MONEY_NOT_SET);
  return self->equity_used;
}

int
sp_plan_year_get_share_state (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), 0);
  return self->share_state;
}

int
sp_plan_year_get_share_region (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), 0);
  return self->share_region;
}

int
sp_plan_year_get_share_municipalities (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), 0);
  return self->share_municipalities;
}

SpAllocationKey
sp_plan_year_get_allocation_key (SpPlanYear *self)
{
  g_return_val_if_fail (SP_IS_PLAN_YEAR (self), SP_ALLOCATION_KEY_POPULATION);
  return self->allocation_key;
}

/**
 * sp_plan_year_list_new:
 *
 * Returns: (transfer full): every plan year, oldest first
 */
SpRecordList *
sp_plan_year_list_new (SpDatabase *database)
{
  return sp_record_list_new (database, SP_TYPE_PLAN_YEAR, year_tables, load_years, NULL, NULL);
}

/**
 * sp_plan_year_load:
 *
 * Returns: (transfer full) (nullable): the plan year as it is now
 */
SpPlanYear *
sp_plan_year_load (SpDatabase  *database,
                   int          year,
                   GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT " YEAR_COLUMNS " FROM plan_year WHERE year = ?1", error);
  SpPlanYear *plan_year = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    plan_year = year_from_row (stmt);
  sqlite3_reset (stmt);
  if (plan_year == NULL)
    g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("There is no plan for %d."), year);
  return plan_year;
}

/* Returns: the latest year with a plan, or 0 when there is none */
int
sp_plan_year_get_latest (SpDatabase *database)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT max (year) FROM plan_year", NULL);
  gint64 year = 0;

  if (stmt == NULL || !sp_edit_query_int64 (database, stmt, &year, NULL))
    return 0;
  return (int) year;
}
/**
 * sp_plan_year_get_member_key:
 * @percentage: (out): the percentage, or -1 when not set
 * @amount: (out): the fixed amount, or %SP_MONEY_NOT_SET
 */
gboolean
sp_plan_year_get_member_key (SpDatabase  *database,
                             int          year,
                             gint64       member_id,
                             int         *percentage,
                             SpMoney     *amount,
                             GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT percentage, amount FROM member_key "
                                        "WHERE year = ?1 AND member_id = ?2", error);

  *percentage = -1;
  *amount = SP_MONEY_NOT_SET;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        *percentage = sqlite3_column_int (stmt, 0);
      *amount = column_money (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}
