/* sp-area-group.c: a group of activity areas of a year's plan: Administration, Insatser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a year's plan is refused once the year is adopted
 * (sp_edit_check_year_open), before anything is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"

struct _SpAreaGroup
{
  SpRecord  parent_instance;

  int       year;
  int       position;
  char     *name;
};

G_DEFINE_FINAL_TYPE (SpAreaGroup, sp_area_group, SP_TYPE_RECORD)

enum {
  GROUP_PROP_0,
  GROUP_PROP_YEAR,
  GROUP_PROP_POSITION,
  GROUP_PROP_NAME,
  GROUP_N_PROPS
};

static GParamSpec *group_properties[GROUP_N_PROPS];

static const char *group_tables[] = { "area_group", NULL };

#define GROUP_COLUMNS "id, year, position, name"

static SpRecord *
group_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (SP_TYPE_AREA_GROUP,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "year", sqlite3_column_int (stmt, 1),
                       "position", sqlite3_column_int (stmt, 2),
                       "name", sp_edit_column_text (stmt, 3),
                       NULL);
}

/* Checks the name of a group of the year, and returns it as stored. */
static char *
clean_group_name (SpDatabase  *database,
                  gint64       year,
                  gint64       id,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *name = sp_text_clean_name (text, _("The name of the group"), error);
  gboolean taken;

  if (name == NULL ||
      !sp_plan_name_taken (database, "SELECT id, name FROM area_group WHERE year = ?1 AND id != ?2",
                           year, id, name, &taken, error))
    return NULL;
  if (taken)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("There is already a group of activity areas called “%s”."), name);
      return NULL;
    }
  return g_steal_pointer (&name);
}

static gboolean
do_group_add (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 position;

  if (!sp_edit_check_year_open (database, edit->scope, error))
    return FALSE;
  name = clean_group_name (database, edit->scope, 0, edit->name, error);
  if (name == NULL)
    return FALSE;
  position = sp_edit_next_position (database, "area_group", "year", edit->scope, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO area_group (year, position, name) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->scope);
  sqlite3_bind_int64 (stmt, 2, position);
  sp_edit_bind_text (stmt, 3, name);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_group_rename (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  gint64 year;

  if (!sp_area_group_open (database, edit->id, &year, error))
    return FALSE;
  name = clean_group_name (database, year, edit->id, edit->name, error);
  if (name == NULL)
    return FALSE;
  /* The group's hidden area (its own budget lines) is named after it, for
   * the messages that name an area. */
  return sp_plan_write_text (database, "UPDATE area_group SET name = ?2 WHERE id = ?1 AND name IS NOT ?2",
                             edit->id, name, error) &&
         sp_plan_write_text (database, "UPDATE area SET name = ?2 WHERE group_id = ?1 AND implicit = 1 "
                             "AND name IS NOT ?2", edit->id, name, error);
}

static gboolean
do_group_move (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year;

  return sp_area_group_open (database, edit->id, &year, error) &&
         sp_edit_move (database, "area_group", "year", year, edit->id, edit->index, error);
}

static gboolean
do_group_delete (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 year;
  int rc;

  if (!sp_area_group_open (database, edit->id, &year, error))
    return FALSE;

  stmt = sp_edit_prepare (database, "SELECT id FROM area WHERE group_id = ?1 ORDER BY position, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 area = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (areas, area);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);

  for (guint i = 0; i < areas->len; i++)
    {
      g_autofree char *uses = NULL;
      g_autoptr(SpArea) area = NULL;
      g_autoptr(SpAreaGroup) group = NULL;

      if (!sp_area_describe_uses (database, g_array_index (areas, gint64, i), &uses, error))
        return FALSE;
      if (uses == NULL)
        continue;
      area = sp_area_load (database, g_array_index (areas, gint64, i), error);
      group = sp_area_group_load (database, edit->id, error);
      if (area == NULL || group == NULL)
        return FALSE;
      g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                   /* Translators: the last %s is a list: "3 budget lines and the project “Kuggen”" */
                   _("The group “%s” cannot be deleted: its activity area “%s” is used by %s."),
                   group->name, sp_area_get_name (area), uses);
      return FALSE;
    }

  /* The areas first, then the group: undo puts the group back before them. */
  return sp_plan_delete_row (database, "DELETE FROM area WHERE group_id = ?1", edit->id, error) &&
         sp_plan_delete_row (database, "DELETE FROM area_group WHERE id = ?1", edit->id, error);
}

static void
sp_area_group_finalize (GObject *object)
{
  SpAreaGroup *self = SP_AREA_GROUP (object);

  g_free (self->name);

  G_OBJECT_CLASS (sp_area_group_parent_class)->finalize (object);
}

static void
sp_area_group_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpAreaGroup *self = SP_AREA_GROUP (object);

  switch (prop_id)
    {
    case GROUP_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case GROUP_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case GROUP_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_area_group_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SpAreaGroup *self = SP_AREA_GROUP (object);

  switch (prop_id)
    {
    case GROUP_PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case GROUP_PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case GROUP_PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_area_group_class_init (SpAreaGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_area_group_finalize;
  object_class->get_property = sp_area_group_get_property;
  object_class->set_property = sp_area_group_set_property;

  group_properties[GROUP_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  group_properties[GROUP_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  group_properties[GROUP_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, GROUP_N_PROPS, group_properties);
}

static void
sp_area_group_init (SpAreaGroup *self)
{
  self->name = g_strdup ("");
}

int
sp_area_group_get_year (SpAreaGroup *self)
{
  g_return_val_if_fail (SP_IS_AREA_GROUP (self), 0);
  return self->year;
}

int
sp_area_group_get_position (SpAreaGroup *self)
{
  g_return_val_if_fail (SP_IS_AREA_GROUP (self), 0);
  return self->position;
}

const char *
sp_area_group_get_name (SpAreaGroup *self)
{
  g_return_val_if_fail (SP_IS_AREA_GROUP (self), NULL);
  return self->name;
}

/**
 * sp_area_group_list_new:
 *
 * Returns: (transfer full): the groups of activity areas of @year, in order
 */
SpRecordList *
sp_area_group_list_new (SpDatabase *database,
                        int         year)
{
  const char *sql =
    "SELECT " GROUP_COLUMNS " FROM area_group WHERE year = ?1 ORDER BY position, id";

  return sp_record_list_new_for_query (database, SP_TYPE_AREA_GROUP, group_tables,
                                       sql, group_from_row, year);
}

/**
 * sp_area_group_load:
 *
 * Returns: (transfer full) (nullable): the group @id as it is now
 */
SpAreaGroup *
sp_area_group_load (SpDatabase  *database,
                    gint64       id,
                    GError     **error)
{
  return sp_record_load_one (database, "SELECT " GROUP_COLUMNS " FROM area_group WHERE id = ?1", id,
                             group_from_row, _("The group of activity areas no longer exists."), error);
}

/**
 * sp_area_group_add:
 *
 * Adds a group of activity areas last in @year's plan. Its name must differ
 * from the other groups' of the year, in more than case.
 *
 * Returns: the new group's id, or 0 with @error set
 */
gint64
sp_area_group_add (SpDatabase  *database,
                   int          year,
                   const char  *name,
                   GError     **error)
{
  SpPlanEdit edit = { .scope = year, .name = name };

  if (!sp_edit_run (database, _("Add group of activity areas"), do_group_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_area_group_rename (SpDatabase  *database,
                      gint64       id,
                      const char  *name,
                      GError     **error)
{
  SpPlanEdit edit = { .id = id, .name = name };

  return sp_edit_run (database, _("Rename group of activity areas"), do_group_rename, &edit, error);
}

gboolean
sp_area_group_move (SpDatabase  *database,
                    gint64       id,
                    guint        new_index,
                    GError     **error)
{
  SpPlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move group of activity areas"), do_group_move, &edit, error);
}

/**
 * sp_area_group_delete:
 *
 * Deletes a group with its activity areas. Refused, saying where, when one of
 * its areas is used by budget lines, projects or goals.
 */
gboolean
sp_area_group_delete (SpDatabase  *database,
                      gint64       id,
                      GError     **error)
{
  SpPlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete group of activity areas"), do_group_delete, &edit, error);
}
