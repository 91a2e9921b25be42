/* sp-area.c: an activity area (verksamhetsområde) of a year's plan, in its group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a year's plan is refused once the year is adopted
 * (sp_edit_check_year_open), before anything is written.
 * An area that budget lines, projects or goals use cannot be deleted.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-area.h"
#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"

struct _SpArea
{
  SpRecord  parent_instance;

  gint64    group_id;
  char     *group_name;
  int       year;
  int       position;
  char     *name;
};

G_DEFINE_FINAL_TYPE (SpArea, sp_area, SP_TYPE_RECORD)

enum {
  AREA_PROP_0,
  AREA_PROP_GROUP_ID,
  AREA_PROP_GROUP_NAME,
  AREA_PROP_YEAR,
  AREA_PROP_POSITION,
  AREA_PROP_NAME,
  AREA_N_PROPS
};

static GParamSpec *area_properties[AREA_N_PROPS];

static const char *area_tables[] = { "area", "area_group", NULL };

#define AREA_SELECT \
  "SELECT a.id, a.group_id, g.name, g.year, a.position, a.name " \
  "FROM area a JOIN area_group g ON g.id = a.group_id "

/* "A", "A and B", "A, B and C". */
static char *
join_list (GPtrArray *parts)
{
  char *text;

  g_return_val_if_fail (parts->len > 0, g_strdup (""));

  text = g_strdup (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      char *longer;

      if (i + 1 < parts->len)
        /* Translators: joins the items of a list but the last: "3 budget lines, 2 goals" */
        longer = g_strdup_printf (_("%s, %s"), text, (const char *) g_ptr_array_index (parts, i));
      else
        /* Translators: joins the last item of a list: "3 budget lines and 2 goals" */
        longer = g_strdup_printf (_("%s and %s"), text, (const char *) g_ptr_array_index (parts, i));
      g_free (text);
      text = longer;
    }
  return text;
}

static SpRecord *
area_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (SP_TYPE_AREA,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "group-id", (gint64) sqlite3_column_int64 (stmt, 1),
                       "group-name", sp_edit_column_text (stmt, 2),
                       "year", sqlite3_column_int (stmt, 3),
                       "position", sqlite3_column_int (stmt, 4),
                       "name", sp_edit_column_text (stmt, 5),
                       NULL);
}

/* The group and year of the area @id, when that year's plan may change. */
static gboolean
open_area (SpDatabase  *database,
           gint64       id,
           gint64      *group_id,
           gint64      *year,
           GError     **error)
{
  return sp_record_query_int64 (database, "SELECT group_id FROM area WHERE id = ?1", id, group_id,
                                _("The activity area no longer exists."), error) &&
         sp_area_group_open (database, *group_id, year, error);
}

/* Checks the name of an area of the group, and returns it as stored. */
static char *
clean_area_name (SpDatabase  *database,
                 gint64       group_id,
                 gint64       id,
                 const char  *text,
                 GError     **error)
{
  g_autofree char *name = sp_text_clean_name (text, _("The name of the activity area"), error);
  gboolean taken;

  if (name == NULL ||
      !sp_plan_name_taken (database, "SELECT id, name FROM area WHERE group_id = ?1 AND id != ?2 AND implicit = 0",
                           group_id, id, name, &taken, error))
    return NULL;
  if (taken)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("The group already has an activity area called “%s”."), name);
      return NULL;
    }
  return g_steal_pointer (&name);
}

/* The index among all the areas of @group_id of the @index-th area shown:
 * the group's hidden area (first, see sp_area_group_find_direct_area ())
 * is not shown. */
static gboolean
shown_index (SpDatabase  *database,
             gint64       group_id,
             guint        index,
             guint       *full_index,
             GError     **error)
{
  gint64 hidden = 0;

  if (!sp_record_query_int64 (database, "SELECT count(*) FROM area WHERE group_id = ?1 AND implicit = 1",
                              group_id, &hidden, "", error))
    return FALSE;
  *full_index = index + (guint) hidden;
  return TRUE;
}

static gboolean
do_area_add (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 year, position;

  if (!sp_area_group_open (database, edit->scope, &year, error))
    return FALSE;
  name = clean_area_name (database, edit->scope, 0, edit->name, error);
  if (name == NULL)
    return FALSE;
  position = sp_edit_next_position (database, "area", "group_id", edit->scope, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO area (group_id, position, name) VALUES (?1, ?2, ?3)", error);
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
do_area_rename (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  gint64 group_id, year;

  if (!open_area (database, edit->id, &group_id, &year, error))
    return FALSE;
  name = clean_area_name (database, group_id, edit->id, edit->name, error);
  if (name == NULL)
    return FALSE;
  return sp_plan_write_text (database, "UPDATE area SET name = ?2 WHERE id = ?1 AND name IS NOT ?2",
                             edit->id, name, error);
}

static gboolean
do_area_move (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 group_id, year;

  guint index;

  return open_area (database, edit->id, &group_id, &year, error) &&
         shown_index (database, group_id, edit->index, &index, error) &&
         sp_edit_move (database, "area", "group_id", group_id, edit->id, index, error);
}

static gboolean
do_area_set_group (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autoptr(SpArea) area = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 group_id, year, new_year, position;
  guint index;

  if (!open_area (database, edit->id, &group_id, &year, error) ||
      !sp_area_group_read_year (database, edit->scope, &new_year, error))
    return FALSE;
  if (new_year != year)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("An activity area can only move to a group of the same year (%d)."), (int) year);
      return FALSE;
    }
  if (edit->scope != group_id)
    {
      area = sp_area_load (database, edit->id, error);
      if (area == NULL)
        return FALSE;
      name = clean_area_name (database, edit->scope, edit->id, area->name, error);
      if (name == NULL)
        return FALSE;
      position = sp_edit_next_position (database, "area", "group_id", edit->scope, error);
      if (position < 0)
        return FALSE;
      stmt = sp_edit_prepare (database, "UPDATE area SET group_id = ?2, position = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, edit->id);
      sqlite3_bind_int64 (stmt, 2, edit->scope);
      sqlite3_bind_int64 (stmt, 3, position);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return shown_index (database, edit->scope, edit->index, &index, error) &&
         sp_edit_move (database, "area", "group_id", edit->scope, edit->id, index, error);
}

static gboolean
do_area_delete (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *uses = NULL;
  gint64 group_id, year;

  if (!open_area (database, edit->id, &group_id, &year, error) ||
      !sp_area_describe_uses (database, edit->id, &uses, error))
    return FALSE;
  if (uses != NULL)
    {
      g_autoptr(SpArea) area = sp_area_load (database, edit->id, error);

      if (area == NULL)
        return FALSE;
      g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                   /* Translators: the last %s is a list: "3 budget lines and the project “Kuggen”" */
                   _("The activity area “%s” cannot be deleted: it is used by %s."),
                   area->name, uses);
      return FALSE;
    }
  return sp_plan_delete_row (database, "DELETE FROM area WHERE id = ?1", edit->id, error);
}

static void
sp_area_finalize (GObject *object)
{
  SpArea *self = SP_AREA (object);

  g_free (self->group_name);
  g_free (self->name);

  G_OBJECT_CLASS (sp_area_parent_class)->finalize (object);
}

static void
sp_area_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpArea *self = SP_AREA (object);

  switch (prop_id)
    {
    case AREA_PROP_GROUP_ID:
      g_value_set_int64 (value, self->group_id);
      break;
    case AREA_PROP_GROUP_NAME:
      g_value_set_string (value, self->group_name);
      break;
    case AREA_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case AREA_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case AREA_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_area_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpArea *self = SP_AREA (object);

  switch (prop_id)
    {
    case AREA_PROP_GROUP_ID:
      self->group_id = g_value_get_int64 (value);
      break;
    case AREA_PROP_GROUP_NAME:
      g_free (self->group_name);
      self->group_name = g_value_dup_string (value);
      break;
    case AREA_PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case AREA_PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case AREA_PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_area_class_init (SpAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_area_finalize;
  object_class->get_property = sp_area_get_property;
  object_class->set_property = sp_area_set_property;

  area_properties[AREA_PROP_GROUP_ID] = g_param_spec_int64 ("group-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  area_properties[AREA_PROP_GROUP_NAME] = g_param_spec_string ("group-name", NULL, NULL, "", flags);
  area_properties[AREA_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  /* A group's hidden area stands before its others, at a negative position. */
  area_properties[AREA_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  area_properties[AREA_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, AREA_N_PROPS, area_properties);
}

static void
sp_area_init (SpArea *self)
{
  self->group_name = g_strdup ("");
  self->name = g_strdup ("");
}

gint64
sp_area_get_group_id (SpArea *self)
{
  g_return_val_if_fail (SP_IS_AREA (self), 0);
  return self->group_id;
}

const char *
sp_area_get_group_name (SpArea *self)
{
  g_return_val_if_fail (SP_IS_AREA (self), NULL);
  return self->group_name;
}

int
sp_area_get_year (SpArea *self)
{
  g_return_val_if_fail (SP_IS_AREA (self), 0);
  return self->year;
}

int
sp_area_get_position (SpArea *self)
{
  g_return_val_if_fail (SP_IS_AREA (self), 0);
  return self->position;
}

const char *
sp_area_get_name (SpArea *self)
{
  g_return_val_if_fail (SP_IS_AREA (self), NULL);
  return self->name;
}

/**
 * sp_area_list_new:
 *
 * Returns: (transfer full): the activity areas of the group @group_id, in order
 */
SpRecordList *
sp_area_list_new (SpDatabase *database,
                  gint64      group_id)
{
  const char *sql =
    AREA_SELECT "WHERE a.group_id = ?1 AND a.implicit = 0 ORDER BY a.position, a.id";

  return sp_record_list_new_for_query (database, SP_TYPE_AREA, area_tables,
                                       sql, area_from_row, group_id);
}

/**
 * sp_area_list_new_for_year:
 *
 * Returns: (transfer full): every activity area of @year, ordered by group,
 *   then within the group: what a picker shows
 */
SpRecordList *
sp_area_list_new_for_year (SpDatabase *database,
                           int         year)
{
  const char *sql =
    AREA_SELECT "WHERE g.year = ?1 AND a.implicit = 0 ORDER BY g.position, g.id, a.position, a.id";

  return sp_record_list_new_for_query (database, SP_TYPE_AREA, area_tables,
                                       sql, area_from_row, year);
}

/**
 * sp_area_load:
 *
 * Returns: (transfer full) (nullable): the activity area @id as it is now
 */
SpArea *
sp_area_load (SpDatabase  *database,
              gint64       id,
              GError     **error)
{
  return sp_record_load_one (database, AREA_SELECT "WHERE a.id = ?1", id,
                             area_from_row, _("The activity area no longer exists."), error);
}

/**
 * sp_area_add:
 *
 * Adds an activity area last in the group @group_id. Its name must differ
 * from the group's other areas', in more than case.
 *
 * Returns: the new area's id, or 0 with @error set
 */
gint64
sp_area_add (SpDatabase  *database,
             gint64       group_id,
             const char  *name,
             GError     **error)
{
  SpPlanEdit edit = { .scope = group_id, .name = name };

  if (!sp_edit_run (database, _("Add activity area"), do_area_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_area_rename (SpDatabase  *database,
                gint64       id,
                const char  *name,
                GError     **error)
{
  SpPlanEdit edit = { .id = id, .name = name };

  return sp_edit_run (database, _("Rename activity area"), do_area_rename, &edit, error);
}

/* Moves the area within its group. */
gboolean
sp_area_move (SpDatabase  *database,
              gint64       id,
              guint        new_index,
              GError     **error)
{
  SpPlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move activity area"), do_area_move, &edit, error);
}

/**
 * sp_area_set_group:
 * @group_id: a group of the same year; may be the area's own group
 * @new_index: where the area goes among the group's areas
 *
 * Moves the area to another group, keeping its budget lines, projects and goals.
 */
gboolean
sp_area_set_group (SpDatabase  *database,
                   gint64       id,
                   gint64       group_id,
                   guint        new_index,
                   GError     **error)
{
  SpPlanEdit edit = { .id = id, .scope = group_id, .index = new_index };

  return sp_edit_run (database, _("Move activity area"), do_area_set_group, &edit, error);
}

/**
 * sp_area_delete:
 *
 * Deletes an activity area. Refused, saying where, when budget lines,
 * projects or goals use it.
 */
gboolean
sp_area_delete (SpDatabase  *database,
                gint64       id,
                GError     **error)
{
  SpPlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete activity area"), do_area_delete, &edit, error);
}

/* Core-internal (sp-plan-private.h) */

/* What uses the area @id: "3 budget lines and the project “Kuggen”", or
 * NULL in @uses when nothing does. */
gboolean
sp_area_describe_uses (SpDatabase  *database,
                       gint64       id,
                       char       **uses,
                       GError     **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) projects = NULL;
  sqlite3_stmt *stmt;
  gint64 n_lines = 0, n_goals = 0;

  *uses = NULL;
  stmt = sp_edit_prepare (database, "SELECT count(*) FROM budget_line WHERE area_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &n_lines, error))
    return FALSE;
  projects = sp_record_query_texts (database, "SELECT name FROM project WHERE area_id = ?1 ORDER BY name, id",
                                    id, error);
  if (projects == NULL)
    return FALSE;
  stmt = sp_edit_prepare (database, "SELECT count(*) FROM goal WHERE area_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &n_goals, error))
    return FALSE;

  if (n_lines > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u budget line", "%u budget lines", n_lines),
                                             (guint) n_lines));
  if (projects->len > 0)
    g_ptr_array_add (parts, sp_plan_describe_projects (projects));
  if (n_goals > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u goal", "%u goals", n_goals),
                                             (guint) n_goals));
  if (parts->len > 0)
    *uses = join_list (parts);
  return TRUE;
}

/* The hidden area through which the group @group_id carries budget lines
 * directly (a group without areas of its own, such as "Uppföljning"), made
 * when first asked for: inside an edit, so that it comes and goes with the
 * line that needs it. It is first in its group, and no list of areas shows
 * it; the budget shows its lines directly under the group. */
gboolean
sp_area_group_find_direct_area (SpDatabase  *database,
                                gint64       group_id,
                                gint64      *area_id,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 year;
  int rc;

  g_return_val_if_fail (sp_database_in_edit (database), FALSE);

  if (!sp_area_group_read_year (database, group_id, &year, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "SELECT id FROM area WHERE group_id = ?1 AND implicit = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  rc = sqlite3_step (stmt);
  *area_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  if (*area_id != 0)
    return TRUE;

  /* Named after the group when made; shown only by the group's name. */
  stmt = sp_edit_prepare (database,
                          "INSERT INTO area (group_id, position, name, implicit) "
                          "SELECT g.id, (SELECT coalesce (min (position), 0) - 1 FROM area WHERE group_id = g.id),"
                          " g.name, 1 FROM area_group g WHERE g.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, group_id);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  *area_id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}
