/* sp-goal.c: a goal: of a year's plan (strategic or measurable), or a project's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A year's goals belong to its plan, and every edit of them is refused once
 * the year is adopted (sp_edit_check_year_open). One exception: the outcome
 * of a goal is recorded at the follow-up, after the plan was adopted, so
 * sp_goal_set_outcome() is allowed on an adopted year, and so is
 * sp_goal_set_follow_up() (sp-goal-status.c). A project's own goals
 * belong to no year.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-area-group.h"
#include "sp-edit-private.h"
#include "sp-goal.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"

struct _SpGoal
{
  SpRecord    parent_instance;

  int         year;
  gint64      project_id;
  int         position;
  SpGoalKind  kind;
  char       *text;
  char       *indicator;
  char       *target_value;
  char       *outcome;
  gint64      area_id;
  SpGoalStatus follow_up_status;
  char       *follow_up_comment;
};

G_DEFINE_FINAL_TYPE (SpGoal, sp_goal, SP_TYPE_RECORD)

enum {
  GOAL_PROP_0,
  GOAL_PROP_YEAR,
  GOAL_PROP_PROJECT_ID,
  GOAL_PROP_POSITION,
  GOAL_PROP_KIND,
  GOAL_PROP_TEXT,
  GOAL_PROP_INDICATOR,
  GOAL_PROP_TARGET_VALUE,
  GOAL_PROP_OUTCOME,
  GOAL_PROP_AREA_ID,
  GOAL_PROP_FOLLOW_UP_STATUS,
  GOAL_PROP_FOLLOW_UP_COMMENT,
  GOAL_N_PROPS
};

static GParamSpec *goal_properties[GOAL_N_PROPS];

static const char *goal_tables[] = { "goal", NULL };

#define GOAL_COLUMNS "id, year, project_id, position, kind, text, indicator, target_value, outcome, area_id, " \
  "follow_up_status, follow_up_comment"

static SpRecord *
goal_from_row (sqlite3_stmt *stmt)
{
  SpGoalKind kind = SP_GOAL_KIND_STRATEGIC;
  SpGoalStatus status = SP_GOAL_STATUS_NOT_ASSESSED;

  sp_goal_kind_from_string (sp_edit_column_text (stmt, 4), &kind);
  sp_goal_status_from_nick (sp_edit_column_text (stmt, 10), &status);
  return g_object_new (SP_TYPE_GOAL,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "year", sqlite3_column_int (stmt, 1),
                       "project-id", (gint64) sqlite3_column_int64 (stmt, 2),
                       "position", sqlite3_column_int (stmt, 3),
                       "kind", kind,
                       "text", sp_edit_column_text (stmt, 5),
                       "indicator", sp_edit_column_text (stmt, 6),
                       "target-value", sp_edit_column_text (stmt, 7),
                       "outcome", sp_edit_column_text (stmt, 8),
                       "area-id", (gint64) sqlite3_column_int64 (stmt, 9),
                       "follow-up-status", status,
                       "follow-up-comment", sp_edit_column_text (stmt, 11),
                       NULL);
}

/* The year (0 for a project's own goal) and project (or 0) of the goal @id. */
static gboolean
goal_scope (SpDatabase  *database,
            gint64       id,
            gint64      *year,
            gint64      *project_id,
            GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT year, project_id FROM goal WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    {
      *year = sqlite3_column_int64 (stmt, 0);
      *project_id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The goal no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/* Like goal_scope(), and refused when the goal belongs to an adopted year. */
static gboolean
open_goal (SpDatabase  *database,
           gint64       id,
           gint64      *year,
           gint64      *project_id,
           GError     **error)
{
  return goal_scope (database, id, year, project_id, error) &&
         (*year == 0 || sp_edit_check_year_open (database, *year, error));
}

static gboolean
check_project (SpDatabase  *database,
               gint64       project_id,
               GError     **error)
{
  gint64 found;

  return sp_record_query_int64 (database, "SELECT id FROM project WHERE id = ?1", project_id, &found,
                                _("The project no longer exists."), error);
}

/* A goal's texts, as they are stored. */
typedef struct {
  char *text;
  char *indicator;
  char *target_value;
} GoalTexts;

static void
goal_texts_clear (GoalTexts *texts)
{
  g_clear_pointer (&texts->text, g_free);
  g_clear_pointer (&texts->indicator, g_free);
  g_clear_pointer (&texts->target_value, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GoalTexts, goal_texts_clear)

/* Checks @data for a goal of @year, or (@year 0) of the project @own_project. */
static gboolean
validate_goal (SpDatabase        *database,
               gint64             year,
               gint64             own_project,
               const SpGoalData  *data,
               GoalTexts         *texts,
               GError           **error)
{
  g_autofree char *stripped = NULL;

  if (data->kind > SP_GOAL_KIND_MEASURABLE)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown kind of goal."));
      return FALSE;
    }
  texts->text = sp_edit_clean_text (data->text != NULL ? data->text : "", SP_GOAL_MAX_CHARS, error);
  if (texts->text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (texts->text));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The goal must not be empty."));
      return FALSE;
    }
  texts->indicator = sp_edit_clean_text (data->indicator != NULL ? data->indicator : "",
                                         SP_GOAL_MAX_CHARS, error);
  if (texts->indicator == NULL)
    return FALSE;
  texts->target_value = sp_edit_clean_text (data->target_value != NULL ? data->target_value : "",
                                            SP_GOAL_MAX_CHARS, error);
  if (texts->target_value == NULL)
    return FALSE;
  if (data->kind == SP_GOAL_KIND_STRATEGIC &&
      (texts->indicator[0] != '\0' || texts->target_value[0] != '\0'))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("Only a measurable goal has an indicator and a target value."));
      return FALSE;
    }

  if (data->area_id != 0)
    {
      gint64 area_year, group_id;

      if (year == 0)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                               _("A project's own goals take their activity area from the project."));
          return FALSE;
        }
      if (!sp_record_query_int64 (database, "SELECT group_id FROM area WHERE id = ?1", data->area_id, &group_id,
                                  _("The activity area no longer exists."), error) ||
          !sp_area_group_read_year (database, group_id, &area_year, error))
        return FALSE;
      if (area_year != year)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       _("The activity area belongs to the plan for %d, not to the plan for %d."),
                       (int) area_year, (int) year);
          return FALSE;
        }
    }

  if (year == 0 && data->project_id != 0 && data->project_id != own_project)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A project's own goal cannot be moved to another project."));
      return FALSE;
    }
  if (data->project_id != 0 && !check_project (database, data->project_id, error))
    return FALSE;
  return TRUE;
}

/* Binds ?2 kind, ?3 text, ?4 indicator, ?5 target value, ?6 area. */
static void
bind_goal (sqlite3_stmt     *stmt,
           const SpGoalData *data,
           const GoalTexts  *texts)
{
  sqlite3_bind_text (stmt, 2, sp_goal_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sp_edit_bind_text (stmt, 3, texts->text);
  sp_edit_bind_text (stmt, 4, texts->indicator);
  sp_edit_bind_text (stmt, 5, texts->target_value);
  sp_edit_bind_optional (stmt, 6, data->area_id != 0, data->area_id);
}

/* Adds a goal last in @year, or (@year 0) last among the project's own goals. */
static gboolean
insert_goal (SpDatabase        *database,
             gint64             year,
             gint64             project_id,
             const SpGoalData  *data,
             GError           **error)
{
  g_auto(GoalTexts) texts = { NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  gint64 position = 0;

  if (!validate_goal (database, year, project_id, data, &texts, error))
    return FALSE;
  if (year != 0)
    {
      position = sp_edit_next_position (database, "goal", "year", year, error);
      if (position < 0)
        return FALSE;
    }
  else
    {
      /* Project goals are numbered apart from the year goals linked to the project. */
      stmt = sp_edit_prepare (database,
                              "SELECT coalesce (max (position), 0) + 1 FROM goal "
                              "WHERE project_id = ?1 AND year IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      if (!sp_edit_query_int64 (database, stmt, &position, error))
        return FALSE;
    }
  stmt = sp_edit_prepare (database,
                          "INSERT INTO goal (year, kind, text, indicator, target_value, area_id, "
                          "project_id, position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  sp_edit_bind_optional (stmt, 1, year != 0, year);
  bind_goal (stmt, data, &texts);
  sp_edit_bind_optional (stmt, 7, project_id != 0, project_id);
  sqlite3_bind_int64 (stmt, 8, position);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_goal_add (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  SpPlanEdit *edit = user_data;

  if (!sp_edit_check_year_open (database, edit->scope, error) ||
      !insert_goal (database, edit->scope, edit->goal->project_id, edit->goal, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_goal_add_to_project (SpDatabase  *database,
                        gpointer     user_data,
                        GError     **error)
{
  SpPlanEdit *edit = user_data;

  if (!check_project (database, edit->scope, error) ||
      !insert_goal (database, 0, edit->scope, edit->goal, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_goal_update (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_auto(GoalTexts) texts = { NULL, NULL, NULL };
  sqlite3_stmt *stmt;
  gint64 year, project_id, new_project_id;

  if (!open_goal (database, edit->id, &year, &project_id, error) ||
      !validate_goal (database, year, project_id, edit->goal, &texts, error))
    return FALSE;
  /* A project's own goal stays with its project. */
  new_project_id = year != 0 ? edit->goal->project_id : project_id;

  stmt = sp_edit_prepare (database,
                          "UPDATE goal SET kind = ?2, text = ?3, indicator = ?4, target_value = ?5, "
                          "area_id = ?6, project_id = ?7 WHERE id = ?1 AND (kind IS NOT ?2 OR "
                          "text IS NOT ?3 OR indicator IS NOT ?4 OR target_value IS NOT ?5 OR "
                          "area_id IS NOT ?6 OR project_id IS NOT ?7)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_goal (stmt, edit->goal, &texts);
  sp_edit_bind_optional (stmt, 7, new_project_id != 0, new_project_id);
  return sp_edit_step_done (database, stmt, error);
}

/* The outcome is recorded at the follow-up, which comes after the plan was
 * adopted: so, unlike every other edit of a year's plan, it is allowed on an
 * adopted year. */
static gboolean
do_goal_set_outcome (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *outcome = NULL;
  gint64 year, project_id;

  if (!goal_scope (database, edit->id, &year, &project_id, error))
    return FALSE;
  outcome = sp_edit_clean_text (edit->text != NULL ? edit->text : "", SP_GOAL_MAX_CHARS, error);
  if (outcome == NULL)
    return FALSE;
  return sp_plan_write_text (database, "UPDATE goal SET outcome = ?2 WHERE id = ?1 AND outcome IS NOT ?2",
                             edit->id, outcome, error);
}

/* Moves a project's own goal; sp_edit_move() cannot leave out the year goals
 * linked to the same project, so this does the same for the project's own. */
static gboolean
move_project_goal (SpDatabase  *database,
                   gint64       project_id,
                   gint64       id,
                   guint        new_index,
                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint from = G_MAXUINT;
  gint64 moved;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT id, position FROM goal WHERE project_id = ?1 AND year IS NULL "
                          "ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      gint64 position = sqlite3_column_int64 (stmt, 1);

      if (row == id)
        from = ids->len;
      g_array_append_val (ids, row);
      g_array_append_val (positions, position);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  if (from == G_MAXUINT)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The goal no longer exists."));
      return FALSE;
    }

  new_index = MIN (new_index, ids->len - 1);
  g_array_remove_index (ids, from);
  g_array_insert_val (ids, new_index, id);
  moved = g_array_index (positions, gint64, from);
  g_array_remove_index (positions, from);
  g_array_insert_val (positions, new_index, moved);

  stmt = sp_edit_prepare (database, "UPDATE goal SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (positions, gint64, i) == (gint64) i + 1)
        continue;
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, (gint64) i + 1);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
do_goal_move (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year, project_id;

  if (!open_goal (database, edit->id, &year, &project_id, error))
    return FALSE;
  if (year != 0)
    return sp_edit_move (database, "goal", "year", year, edit->id, edit->index, error);
  return move_project_goal (database, project_id, edit->id, edit->index, error);
}

static gboolean
do_goal_delete (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year, project_id;

  return open_goal (database, edit->id, &year, &project_id, error) &&
         sp_plan_delete_row (database, "DELETE FROM goal WHERE id = ?1", edit->id, error);
}

static void
sp_goal_finalize (GObject *object)
{
  SpGoal *self = SP_GOAL (object);

  g_free (self->text);
  g_free (self->indicator);
  g_free (self->target_value);
  g_free (self->outcome);
  g_free (self->follow_up_comment);

  G_OBJECT_CLASS (sp_goal_parent_class)->finalize (object);
}

static void
sp_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpGoal *self = SP_GOAL (object);

  switch (prop_id)
    {
    case GOAL_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case GOAL_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case GOAL_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case GOAL_PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case GOAL_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case GOAL_PROP_INDICATOR:
      g_value_set_string (value, self->indicator);
      break;
    case GOAL_PROP_TARGET_VALUE:
      g_value_set_string (value, self->target_value);
      break;
    case GOAL_PROP_OUTCOME:
      g_value_set_string (value, self->outcome);
      break;
    case GOAL_PROP_AREA_ID:
      g_value_set_int64 (value, self->area_id);
      break;
    case GOAL_PROP_FOLLOW_UP_STATUS:
      g_value_set_enum (value, self->follow_up_status);
      break;
    case GOAL_PROP_FOLLOW_UP_COMMENT:
      g_value_set_string (value, self->follow_up_comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpGoal *self = SP_GOAL (object);

  switch (prop_id)
    {
    case GOAL_PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case GOAL_PROP_PROJECT_ID:
      self->project_id = g_value_get_int64 (value);
      break;
    case GOAL_PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case GOAL_PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case GOAL_PROP_TEXT:
      g_free (self->text);
      self->text = g_value_dup_string (value);
      break;
    case GOAL_PROP_INDICATOR:
      g_free (self->indicator);
      self->indicator = g_value_dup_string (value);
      break;
    case GOAL_PROP_TARGET_VALUE:
      g_free (self->target_value);
      self->target_value = g_value_dup_string (value);
      break;
    case GOAL_PROP_OUTCOME:
      g_free (self->outcome);
      self->outcome = g_value_dup_string (value);
      break;
    case GOAL_PROP_AREA_ID:
      self->area_id = g_value_get_int64 (value);
      break;
    case GOAL_PROP_FOLLOW_UP_STATUS:
      self->follow_up_status = g_value_get_enum (value);
      break;
    case GOAL_PROP_FOLLOW_UP_COMMENT:
      g_free (self->follow_up_comment);
      self->follow_up_comment = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_goal_class_init (SpGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_goal_finalize;
  object_class->get_property = sp_goal_get_property;
  object_class->set_property = sp_goal_set_property;

  goal_properties[GOAL_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  goal_properties[GOAL_PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  goal_properties[GOAL_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  goal_properties[GOAL_PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_GOAL_KIND,
                                                       SP_GOAL_KIND_STRATEGIC, flags);
  goal_properties[GOAL_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  goal_properties[GOAL_PROP_INDICATOR] = g_param_spec_string ("indicator", NULL, NULL, "", flags);
  goal_properties[GOAL_PROP_TARGET_VALUE] = g_param_spec_string ("target-value", NULL, NULL, "", flags);
  goal_properties[GOAL_PROP_OUTCOME] = g_param_spec_string ("outcome", NULL, NULL, "", flags);
  goal_properties[GOAL_PROP_AREA_ID] = g_param_spec_int64 ("area-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  goal_properties[GOAL_PROP_FOLLOW_UP_STATUS] =
    g_param_spec_enum ("follow-up-status", NULL, NULL, SP_TYPE_GOAL_STATUS, SP_GOAL_STATUS_NOT_ASSESSED, flags);
  goal_properties[GOAL_PROP_FOLLOW_UP_COMMENT] = g_param_spec_string ("follow-up-comment", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, GOAL_N_PROPS, goal_properties);
}

static void
sp_goal_init (SpGoal *self)
{
  self->kind = SP_GOAL_KIND_STRATEGIC;
  self->text = g_strdup ("");
  self->indicator = g_strdup ("");
  self->target_value = g_strdup ("");
  self->outcome = g_strdup ("");
  self->follow_up_comment = g_strdup ("");
}

GType
sp_goal_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_GOAL_KIND_STRATEGIC, "SP_GOAL_KIND_STRATEGIC", "strategic" },
    { SP_GOAL_KIND_MEASURABLE, "SP_GOAL_KIND_MEASURABLE", "measurable" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpGoalKind"), values));
  return type;
}

/* The word stored in the database: the enum's nick. */
const char *
sp_goal_kind_to_string (SpGoalKind kind)
{
  return sp_enum_get_nick (SP_TYPE_GOAL_KIND, kind);
}

gboolean
sp_goal_kind_from_string (const char *text,
                          SpGoalKind *kind)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_GOAL_KIND, text, &value))
    return FALSE;
  *kind = (SpGoalKind) value;
  return TRUE;
}

/* The words a user reads: Inriktningsmål, Mätbart mål. */
const char *
sp_goal_kind_get_label (SpGoalKind kind)
{
  switch (kind)
    {
    case SP_GOAL_KIND_STRATEGIC:
      return _("Strategic goal");
    case SP_GOAL_KIND_MEASURABLE:
      return _("Measurable goal");
    default:
      g_return_val_if_reached ("");
    }
}

/* Returns: the year of a year's goal, or 0 for a project's own goal */
int
sp_goal_get_year (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), 0);
  return self->year;
}

/* Returns: the project of a project's goal, the project a year's goal
 *   concerns, or 0 */
gint64
sp_goal_get_project_id (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), 0);
  return self->project_id;
}

int
sp_goal_get_position (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), 0);
  return self->position;
}

SpGoalKind
sp_goal_get_kind (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), SP_GOAL_KIND_STRATEGIC);
  return self->kind;
}

const char *
sp_goal_get_text (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), NULL);
  return self->text;
}

const char *
sp_goal_get_indicator (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), NULL);
  return self->indicator;
}

const char *
sp_goal_get_target_value (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), NULL);
  return self->target_value;
}

const char *
sp_goal_get_outcome (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), NULL);
  return self->outcome;
}

/* Returns: the activity area, or 0 */
gint64
sp_goal_get_area_id (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), 0);
  return self->area_id;
}

SpGoalStatus
sp_goal_get_follow_up_status (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), SP_GOAL_STATUS_NOT_ASSESSED);
  return self->follow_up_status;
}

const char *
sp_goal_get_follow_up_comment (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), NULL);
  return self->follow_up_comment;
}

/* Whether an outcome was recorded: more than blanks. */
gboolean
sp_goal_has_outcome (SpGoal *self)
{
  g_return_val_if_fail (SP_IS_GOAL (self), FALSE);

  for (const char *p = self->outcome; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* Fills @data from @self; the strings stay owned by @self. */
void
sp_goal_get_data (SpGoal     *self,
                  SpGoalData *data)
{
  g_return_if_fail (SP_IS_GOAL (self));

  data->kind = self->kind;
  data->text = self->text;
  data->indicator = self->indicator;
  data->target_value = self->target_value;
  data->area_id = self->area_id;
  data->project_id = self->project_id;
}

/**
 * sp_goal_list_new:
 *
 * Returns: (transfer full): the goals of @year's plan, strategic and
 *   measurable, in order
 */
SpRecordList *
sp_goal_list_new (SpDatabase *database,
                  int         year)
{
  const char *sql =
    "SELECT " GOAL_COLUMNS " FROM goal WHERE year = ?1 ORDER BY position, id";

  return sp_record_list_new_for_query (database, SP_TYPE_GOAL, goal_tables,
                                       sql, goal_from_row, year);
}

/**
 * sp_goal_list_new_for_project:
 *
 * Returns: (transfer full): the project's own goals, in order (not the goals
 *   of a year's plan that concern the project)
 */
SpRecordList *
sp_goal_list_new_for_project (SpDatabase *database,
                              gint64      project_id)
{
  const char *sql =
    "SELECT " GOAL_COLUMNS " FROM goal WHERE project_id = ?1 AND year IS NULL "
    "ORDER BY position, id";

  return sp_record_list_new_for_query (database, SP_TYPE_GOAL, goal_tables,
                                       sql, goal_from_row, project_id);
}

/**
 * sp_goal_load:
 *
 * Returns: (transfer full) (nullable): the goal @id as it is now
 */
SpGoal *
sp_goal_load (SpDatabase  *database,
              gint64       id,
              GError     **error)
{
  return sp_record_load_one (database, "SELECT " GOAL_COLUMNS " FROM goal WHERE id = ?1", id,
                             goal_from_row, _("The goal no longer exists."), error);
}

/**
 * sp_goal_add:
 *
 * Adds a goal last in @year's plan; data->project_id, when set, is the
 * project the goal concerns.
 *
 * Returns: the new goal's id, or 0 with @error set
 */
gint64
sp_goal_add (SpDatabase        *database,
             int                year,
             const SpGoalData  *data,
             GError           **error)
{
  SpPlanEdit edit = { .scope = year, .goal = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add goal"), do_goal_add, &edit, error))
    return 0;
  return edit.id;
}

/**
 * sp_goal_add_to_project:
 *
 * Adds a goal last among the project's own goals. It belongs to no year and
 * has no activity area of its own (data->area_id must be 0).
 *
 * Returns: the new goal's id, or 0 with @error set
 */
gint64
sp_goal_add_to_project (SpDatabase        *database,
                        gint64             project_id,
                        const SpGoalData  *data,
                        GError           **error)
{
  SpPlanEdit edit = { .scope = project_id, .goal = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add goal"), do_goal_add_to_project, &edit, error))
    return 0;
  return edit.id;
}

/**
 * sp_goal_update:
 *
 * Changes what a goal says; its outcome stays. A year's goal may be linked
 * to another project or to none; a project's own goal stays with its project.
 */
gboolean
sp_goal_update (SpDatabase        *database,
                gint64             id,
                const SpGoalData  *data,
                GError           **error)
{
  SpPlanEdit edit = { .id = id, .goal = data };

  g_return_val_if_fail (data != NULL, FALSE);
  return sp_edit_run (database, _("Change goal"), do_goal_update, &edit, error);
}

/**
 * sp_goal_set_outcome:
 * @outcome: (nullable): what was reached; empty or %NULL for none yet
 *
 * Records the outcome of a goal at the follow-up. Allowed on an adopted
 * year too: the follow-up comes after the plan was adopted.
 */
gboolean
sp_goal_set_outcome (SpDatabase  *database,
                     gint64       id,
                     const char  *outcome,
                     GError     **error)
{
  SpPlanEdit edit = { .id = id, .text = outcome };

  return sp_edit_run (database, _("Record outcome"), do_goal_set_outcome, &edit, error);
}

/* Moves a year's goal within the year, a project's goal within the project. */
gboolean
sp_goal_move (SpDatabase  *database,
              gint64       id,
              guint        new_index,
              GError     **error)
{
  SpPlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move goal"), do_goal_move, &edit, error);
}

gboolean
sp_goal_delete (SpDatabase  *database,
                gint64       id,
                GError     **error)
{
  SpPlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete goal"), do_goal_delete, &edit, error);
}

/**
 * sp_goal_count_outcomes:
 * @n_goals: (out): how many goals @year's plan has
 * @n_with_outcome: (out): how many of them have an outcome recorded
 *
 * The state of the follow-up: "5 of 8 goals have an outcome".
 */
gboolean
sp_goal_count_outcomes (SpDatabase  *database,
                        int          year,
                        guint       *n_goals,
                        guint       *n_with_outcome,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (n_goals != NULL && n_with_outcome != NULL, FALSE);

  *n_goals = *n_with_outcome = 0;
  stmt = sp_edit_prepare (database,
                          "SELECT count(*), coalesce (sum (trim (outcome, ' ' || char (9, 10, 13)) != ''), 0) "
                          "FROM goal WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *n_goals = sqlite3_column_int (stmt, 0);
      *n_with_outcome = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return sp_database_set_sqlite_error (database, rc, error);
  return TRUE;
}
