/* sp-target-group.c: a target group (målgrupp) of a year's plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a year's plan is refused once the year is adopted
 * (sp_edit_check_year_open), before anything is written.
 * A target group that projects have cannot be deleted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"
#include "sp-target-group.h"

struct _SpTargetGroup
{
  SpRecord  parent_instance;

  int       year;
  int       position;
  char     *name;
  char     *description;
};

G_DEFINE_FINAL_TYPE (SpTargetGroup, sp_target_group, SP_TYPE_RECORD)

enum {
  TARGET_PROP_0,
  TARGET_PROP_YEAR,
  TARGET_PROP_POSITION,
  TARGET_PROP_NAME,
  TARGET_PROP_DESCRIPTION,
  TARGET_N_PROPS
};

static GParamSpec *target_properties[TARGET_N_PROPS];

static const char *target_tables[] = { "target_group", NULL };

#define TARGET_COLUMNS "id, year, position, name, description"

static SpRecord *
target_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (SP_TYPE_TARGET_GROUP,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "year", sqlite3_column_int (stmt, 1),
                       "position", sqlite3_column_int (stmt, 2),
                       "name", sp_edit_column_text (stmt, 3),
                       "description", sp_edit_column_text (stmt, 4),
                       NULL);
}

static gboolean
open_target (SpDatabase  *database,
             gint64       id,
             gint64      *year,
             GError     **error)
{
  return sp_record_query_int64 (database, "SELECT year FROM target_group WHERE id = ?1", id, year,
                                _("The target group no longer exists."), error) &&
         sp_edit_check_year_open (database, *year, error);
}

/* Checks a target group's name and description; returns the name to store. */
static char *
clean_target (SpDatabase  *database,
              gint64       year,
              gint64       id,
              const char  *text,
              const char  *description,
              char       **clean_description,
              GError     **error)
{
  g_autofree char *name = sp_text_clean_name (text, _("The name of the target group"), error);
  gboolean taken;

  if (name == NULL ||
      !sp_plan_name_taken (database, "SELECT id, name FROM target_group WHERE year = ?1 AND id != ?2",
                           year, id, name, &taken, error))
    return NULL;
  if (taken)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("There is already a target group called “%s”."), name);
      return NULL;
    }
  *clean_description = sp_edit_clean_text (description != NULL ? description : "",
                                           SP_TEXT_MAX_CHARS, error);
  if (*clean_description == NULL)
    return NULL;
  return g_steal_pointer (&name);
}

static gboolean
do_target_add (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  gint64 position;

  if (!sp_edit_check_year_open (database, edit->scope, error))
    return FALSE;
  name = clean_target (database, edit->scope, 0, edit->name, edit->text, &description, error);
  if (name == NULL)
    return FALSE;
  position = sp_edit_next_position (database, "target_group", "year", edit->scope, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO target_group (year, position, name, description) "
                          "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->scope);
  sqlite3_bind_int64 (stmt, 2, position);
  sp_edit_bind_text (stmt, 3, name);
  sp_edit_bind_text (stmt, 4, description);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_target_update (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  sqlite3_stmt *stmt;
  gint64 year;

  if (!open_target (database, edit->id, &year, error))
    return FALSE;
  name = clean_target (database, year, edit->id, edit->name, edit->text, &description, error);
  if (name == NULL)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE target_group SET name = ?2, description = ?3 "
                          "WHERE id = ?1 AND (name IS NOT ?2 OR description IS NOT ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_text (stmt, 2, name);
  sp_edit_bind_text (stmt, 3, description);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_target_move (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year;

  return open_target (database, edit->id, &year, error) &&
         sp_edit_move (database, "target_group", "year", year, edit->id, edit->index, error);
}

static gboolean
do_target_delete (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autoptr(GPtrArray) projects = NULL;
  gint64 year;

  if (!open_target (database, edit->id, &year, error))
    return FALSE;

  /* The link would go with it (ON DELETE CASCADE), and the projects would
   * silently lose a target group: make the user unlink them first. */
  projects = sp_record_query_texts (database,
                                    "SELECT p.name FROM project_target_group t JOIN project p ON p.id = t.project_id "
                                    "WHERE t.target_group_id = ?1 ORDER BY p.name, p.id",
                                    edit->id, error);
  if (projects == NULL)
    return FALSE;
  if (projects->len > 0)
    {
      g_autoptr(SpTargetGroup) target = sp_target_group_load (database, edit->id, error);
      g_autofree char *uses = NULL;

      if (target == NULL)
        return FALSE;
      uses = sp_plan_describe_projects (projects);
      g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                   /* Translators: the last %s is e.g. "the project “Kuggen”" */
                   _("The target group “%s” cannot be deleted: it is used by %s."),
                   target->name, uses);
      return FALSE;
    }
  return sp_plan_delete_row (database, "DELETE FROM target_group WHERE id = ?1", edit->id, error);
}

static void
sp_target_group_finalize (GObject *object)
{
  SpTargetGroup *self = SP_TARGET_GROUP (object);

  g_free (self->name);
  g_free (self->description);

  G_OBJECT_CLASS (sp_target_group_parent_class)->finalize (object);
}

static void
sp_target_group_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpTargetGroup *self = SP_TARGET_GROUP (object);

  switch (prop_id)
    {
    case TARGET_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case TARGET_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case TARGET_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case TARGET_PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_target_group_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpTargetGroup *self = SP_TARGET_GROUP (object);

  switch (prop_id)
    {
    case TARGET_PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case TARGET_PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case TARGET_PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case TARGET_PROP_DESCRIPTION:
      g_free (self->description);
      self->description = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_target_group_class_init (SpTargetGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_target_group_finalize;
  object_class->get_property = sp_target_group_get_property;
  object_class->set_property = sp_target_group_set_property;

  target_properties[TARGET_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  target_properties[TARGET_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  target_properties[TARGET_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  target_properties[TARGET_PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, TARGET_N_PROPS, target_properties);
}

static void
sp_target_group_init (SpTargetGroup *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
}

int
sp_target_group_get_year (SpTargetGroup *self)
{
  g_return_val_if_fail (SP_IS_TARGET_GROUP (self), 0);
  return self->year;
}

int
sp_target_group_get_position (SpTargetGroup *self)
{
  g_return_val_if_fail (SP_IS_TARGET_GROUP (self), 0);
  return self->position;
}

const char *
sp_target_group_get_name (SpTargetGroup *self)
{
  g_return_val_if_fail (SP_IS_TARGET_GROUP (self), NULL);
  return self->name;
}

const char *
sp_target_group_get_description (SpTargetGroup *self)
{
  g_return_val_if_fail (SP_IS_TARGET_GROUP (self), NULL);
  return self->description;
}

/**
 * sp_target_group_list_new:
 *
 * Returns: (transfer full): the target groups of @year, in order
 */
SpRecordList *
sp_target_group_list_new (SpDatabase *database,
                          int         year)
{
  const char *sql =
    "SELECT " TARGET_COLUMNS " FROM target_group WHERE year = ?1 ORDER BY position, id";

  return sp_record_list_new_for_query (database, SP_TYPE_TARGET_GROUP, target_tables,
                                       sql, target_from_row, year);
}

/**
 * sp_target_group_load:
 *
 * Returns: (transfer full) (nullable): the target group @id as it is now
 */
SpTargetGroup *
sp_target_group_load (SpDatabase  *database,
                      gint64       id,
                      GError     **error)
{
  return sp_record_load_one (database, "SELECT " TARGET_COLUMNS " FROM target_group WHERE id = ?1", id,
                             target_from_row, _("The target group no longer exists."), error);
}

/**
 * sp_target_group_add:
 * @description: (nullable): who they are, or %NULL
 *
 * Adds a target group last in @year's plan. Its name must differ from the
 * year's other target groups', in more than case.
 *
 * Returns: the new target group's id, or 0 with @error set
 */
gint64
sp_target_group_add (SpDatabase  *database,
                     int          year,
                     const char  *name,
                     const char  *description,
                     GError     **error)
{
  SpPlanEdit edit = { .scope = year, .name = name, .text = description };

  if (!sp_edit_run (database, _("Add target group"), do_target_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_target_group_update (SpDatabase  *database,
                        gint64       id,
                        const char  *name,
                        const char  *description,
                        GError     **error)
{
  SpPlanEdit edit = { .id = id, .name = name, .text = description };

  return sp_edit_run (database, _("Change target group"), do_target_update, &edit, error);
}

gboolean
sp_target_group_move (SpDatabase  *database,
                      gint64       id,
                      guint        new_index,
                      GError     **error)
{
  SpPlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move target group"), do_target_move, &edit, error);
}

/**
 * sp_target_group_delete:
 *
 * Deletes a target group. Refused, naming them, when projects have it.
 */
gboolean
sp_target_group_delete (SpDatabase  *database,
                        gint64       id,
                        GError     **error)
{
  SpPlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete target group"), do_target_delete, &edit, error);
}
