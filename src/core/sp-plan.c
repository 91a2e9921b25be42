/* sp-plan.c: a year's operational plan: sections, activity areas, target groups, goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here belongs to one year's plan (verksamhetsplan), except a
 * project's own goals. Every edit of a year's plan is refused once the year
 * is adopted (sp_edit_check_year_open), before anything is written: the
 * schema's lock triggers guard only some of these tables, and their message
 * is less clear. One exception: the outcome of a goal is recorded at the
 * follow-up, after the plan was adopted, so sp_goal_set_outcome() is allowed
 * on an adopted year.
 *
 * The file holds five record types; each has its block below, in the order
 * of the header.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-edit.h"
#include "sp-plan.h"

/* Sections */

struct _SpSection
{
  SpRecord  parent_instance;

  int       year;
  int       position;
  char     *title;
  char     *body;
};

G_DEFINE_FINAL_TYPE (SpSection, sp_section, SP_TYPE_RECORD)

enum {
  SECTION_PROP_0,
  SECTION_PROP_YEAR,
  SECTION_PROP_POSITION,
  SECTION_PROP_TITLE,
  SECTION_PROP_BODY,
  SECTION_N_PROPS
};

static GParamSpec *section_properties[SECTION_N_PROPS];

/* Activity area groups */

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

/* Activity areas */

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

/* Target groups */

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

/* Goals */

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
  GOAL_N_PROPS
};

static GParamSpec *goal_properties[GOAL_N_PROPS];

static const char *section_tables[] = { "section", NULL };
static const char *group_tables[] = { "area_group", NULL };
static const char *area_tables[] = { "area", "area_group", NULL };
static const char *target_tables[] = { "target_group", NULL };
static const char *goal_tables[] = { "goal", NULL };

#define SECTION_COLUMNS "id, year, position, title, body"
#define GROUP_COLUMNS "id, year, position, name"
#define AREA_SELECT \
  "SELECT a.id, a.group_id, g.name, g.year, a.position, a.name " \
  "FROM area a JOIN area_group g ON g.id = a.group_id "
#define TARGET_COLUMNS "id, year, position, name, description"
#define GOAL_COLUMNS "id, year, project_id, position, kind, text, indicator, target_value, outcome, area_id"

/* Show at most this many names in a message that lists what uses something. */
#define MAX_NAMES_SHOWN 3

/* What one edit works on; each edit uses the fields it needs. */
typedef struct {
  gint64            id;      /* the row; after an add, the new row */
  gint64            scope;   /* the year, the group or the project */
  const char       *name;    /* a title or a name */
  const char       *text;    /* a body, a description or an outcome */
  const SpGoalData *goal;
  guint             index;
} PlanEdit;

typedef SpRecord *(*RowFunc) (sqlite3_stmt *stmt);

/* Helpers shared by the record types */

/* Loads the rows of @sql, with ?1 bound to @scope, as records. */
static GPtrArray *
load_rows (SpDatabase  *database,
           const char  *sql,
           gint64       scope,
           RowFunc      from_row,
           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, scope);
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

/* Loads the one row of @sql with ?1 bound to @id, or says @missing. */
static gpointer
load_one (SpDatabase  *database,
          const char  *sql,
          gint64       id,
          RowFunc      from_row,
          const char  *missing,
          GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  SpRecord *record = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    record = from_row (stmt);
  sqlite3_reset (stmt);
  if (record == NULL)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, missing);
  return record;
}

static gint64 *
scope_new (gint64 scope)
{
  return g_memdup2 (&scope, sizeof scope);
}

/* The integer in the first column of the row @id of @sql, or @missing.
 * A NULL value reads as 0. */
static gboolean
query_row (SpDatabase  *database,
           const char  *sql,
           gint64       id,
           gint64      *value,
           const char  *missing,
           GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  if (found)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

/* Whether another row (not @id) of @sql's rows has @name, ignoring case.
 * @sql selects (id, name) with ?1 the scope and ?2 the row to leave out. */
static gboolean
name_taken (SpDatabase  *database,
            const char  *sql,
            gint64       scope,
            gint64       id,
            const char  *name,
            gboolean    *taken,
            GError     **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);

  *taken = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, scope);
  sqlite3_bind_int64 (stmt, 2, id);
  while (!*taken && sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold (sp_edit_column_text (stmt, 1), -1);

      *taken = strcmp (folded, other) == 0;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Runs @sql, with ?1 bound to @id and ?2 to @text: an insert-free write. */
static gboolean
write_text (SpDatabase  *database,
            const char  *sql,
            gint64       id,
            const char  *text,
            GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sp_edit_bind_text (stmt, 2, text);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
delete_row (SpDatabase  *database,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  return write_text (database, sql, id, NULL, error);
}

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

/* "the project “Kuggen”", "2 projects (“Kuggen”, “Skolkuggen”)", and with
 * more than MAX_NAMES_SHOWN: "5 projects (“A”, “B”, “C”, …)". */
static char *
describe_projects (GPtrArray *names)
{
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = names->len;

  if (n == 1)
    /* Translators: ends "The activity area “X” cannot be deleted: it is used by …";
     * %s is the project's name */
    return g_strdup_printf (_("the project “%s”"), (const char *) g_ptr_array_index (names, 0));

  for (guint i = 0; i < n && i < MAX_NAMES_SHOWN; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = NULL;

      /* Translators: a name quoted in a list of names: “Kuggen”, “Skolkuggen” */
      quoted = g_strdup_printf (_("“%s”"), name);
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, quoted);
    }
  if (n > MAX_NAMES_SHOWN)
    g_string_append (list, ", …");
  /* Translators: ends "The activity area “X” cannot be deleted: it is used by …";
   * %u is how many projects, %s a list of their quoted names */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project (%s)", "%u projects (%s)", n),
                          n, list->str);
}

/* The names of the rows of @sql (one text column, ?1 bound to @id). */
static GPtrArray *
query_names (SpDatabase  *database,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (sp_edit_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* What uses the area @id: "3 budget lines and the project “Kuggen”", or
 * NULL in @uses when nothing does. */
static gboolean
area_uses (SpDatabase  *database,
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
  projects = query_names (database, "SELECT name FROM project WHERE area_id = ?1 ORDER BY name, id",
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
    g_ptr_array_add (parts, describe_projects (projects));
  if (n_goals > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u goal", "%u goals", n_goals),
                                             (guint) n_goals));
  if (parts->len > 0)
    *uses = join_list (parts);
  return TRUE;
}

/* Sections */

static void
sp_section_finalize (GObject *object)
{
  SpSection *self = SP_SECTION (object);

  g_free (self->title);
  g_free (self->body);

  G_OBJECT_CLASS (sp_section_parent_class)->finalize (object);
}

static void
sp_section_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpSection *self = SP_SECTION (object);

  switch (prop_id)
    {
    case SECTION_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case SECTION_PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    case SECTION_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case SECTION_PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_section_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpSection *self = SP_SECTION (object);

  switch (prop_id)
    {
    case SECTION_PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case SECTION_PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    case SECTION_PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case SECTION_PROP_BODY:
      g_free (self->body);
      self->body = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_section_class_init (SpSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_section_finalize;
  object_class->get_property = sp_section_get_property;
  object_class->set_property = sp_section_set_property;

  section_properties[SECTION_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  section_properties[SECTION_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  section_properties[SECTION_PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  section_properties[SECTION_PROP_BODY] = g_param_spec_string ("body", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, SECTION_N_PROPS, section_properties);
}

static void
sp_section_init (SpSection *self)
{
  self->title = g_strdup ("");
  self->body = g_strdup ("");
}

static SpRecord *
section_from_row (sqlite3_stmt *stmt)
{
  return g_object_new (SP_TYPE_SECTION,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "year", sqlite3_column_int (stmt, 1),
                       "position", sqlite3_column_int (stmt, 2),
                       "title", sp_edit_column_text (stmt, 3),
                       "body", sp_edit_column_text (stmt, 4),
                       NULL);
}

static GPtrArray *
load_sections (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  return load_rows (database,
                    "SELECT " SECTION_COLUMNS " FROM section WHERE year = ?1 ORDER BY position, id",
                    *(gint64 *) user_data, section_from_row, error);
}

/* The year of the section @id, when that year's plan may change. */
static gboolean
open_section (SpDatabase  *database,
              gint64       id,
              gint64      *year,
              GError     **error)
{
  return query_row (database, "SELECT year FROM section WHERE id = ?1", id, year,
                    _("The section no longer exists."), error) &&
         sp_edit_check_year_open (database, *year, error);
}

static gboolean
do_section_add (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  PlanEdit *edit = user_data;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  gint64 position;

  if (!sp_edit_check_year_open (database, edit->scope, error))
    return FALSE;
  title = sp_edit_clean_name (edit->name, _("The title"), error);
  if (title == NULL)
    return FALSE;
  body = sp_edit_clean_text (edit->text != NULL ? edit->text : "", SP_TEXT_MAX_CHARS, error);
  if (body == NULL)
    return FALSE;
  position = sp_edit_next_position (database, "section", "year", edit->scope, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO section (year, position, title, body) VALUES (?1, ?2, ?3, ?4)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->scope);
  sqlite3_bind_int64 (stmt, 2, position);
  sp_edit_bind_text (stmt, 3, title);
  sp_edit_bind_text (stmt, 4, body);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_section_rename (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  PlanEdit *edit = user_data;
  g_autofree char *title = NULL;
  gint64 year;

  if (!open_section (database, edit->id, &year, error))
    return FALSE;
  title = sp_edit_clean_name (edit->name, _("The title"), error);
  if (title == NULL)
    return FALSE;
  /* An unchanged value writes nothing, and so leaves nothing to undo. */
  return write_text (database, "UPDATE section SET title = ?2 WHERE id = ?1 AND title IS NOT ?2",
                     edit->id, title, error);
}

static gboolean
do_section_set_body (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  PlanEdit *edit = user_data;
  g_autofree char *body = NULL;
  gint64 year;

  if (!open_section (database, edit->id, &year, error))
    return FALSE;
  body = sp_edit_clean_text (edit->text, SP_TEXT_MAX_CHARS, error);
  if (body == NULL)
    return FALSE;
  return write_text (database, "UPDATE section SET body = ?2 WHERE id = ?1 AND body IS NOT ?2",
                     edit->id, body, error);
}

static gboolean
do_section_move (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  PlanEdit *edit = user_data;
  gint64 year;

  return open_section (database, edit->id, &year, error) &&
         sp_edit_move (database, "section", "year", year, edit->id, edit->index, error);
}

static gboolean
do_section_delete (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  PlanEdit *edit = user_data;
  gint64 year;

  return open_section (database, edit->id, &year, error) &&
         delete_row (database, "DELETE FROM section WHERE id = ?1", edit->id, error);
}

/* Activity area groups */

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

static GPtrArray *
load_groups (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  return load_rows (database,
                    "SELECT " GROUP_COLUMNS " FROM area_group WHERE year = ?1 ORDER BY position, id",
                    *(gint64 *) user_data, group_from_row, error);
}

static gboolean
group_year (SpDatabase  *database,
            gint64       id,
            gint64      *year,
            GError     **error)
{
  return query_row (database, "SELECT year FROM area_group WHERE id = ?1", id, year,
                    _("The group of activity areas no longer exists."), error);
}

static gboolean
open_group (SpDatabase  *database,
            gint64       id,
            gint64      *year,
            GError     **error)
{
  return group_year (database, id, year, error) &&
         sp_edit_check_year_open (database, *year, error);
}

/* Checks the name of a group of the year, and returns it as stored. */
static char *
clean_group_name (SpDatabase  *database,
                  gint64       year,
                  gint64       id,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *name = sp_edit_clean_name (text, _("The name of the group"), error);
  gboolean taken;

  if (name == NULL ||
      !name_taken (database, "SELECT id, name FROM area_group WHERE year = ?1 AND id != ?2",
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
  PlanEdit *edit = user_data;
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
  PlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  gint64 year;

  if (!open_group (database, edit->id, &year, error))
    return FALSE;
  name = clean_group_name (database, year, edit->id, edit->name, error);
  if (name == NULL)
    return FALSE;
  return write_text (database, "UPDATE area_group SET name = ?2 WHERE id = ?1 AND name IS NOT ?2",
                     edit->id, name, error);
}

static gboolean
do_group_move (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  PlanEdit *edit = user_data;
  gint64 year;

  return open_group (database, edit->id, &year, error) &&
         sp_edit_move (database, "area_group", "year", year, edit->id, edit->index, error);
}

static gboolean
do_group_delete (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  PlanEdit *edit = user_data;
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 year;
  int rc;

  if (!open_group (database, edit->id, &year, error))
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

      if (!area_uses (database, g_array_index (areas, gint64, i), &uses, error))
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
                   group->name, area->name, uses);
      return FALSE;
    }

  /* The areas first, then the group: undo puts the group back before them. */
  return delete_row (database, "DELETE FROM area WHERE group_id = ?1", edit->id, error) &&
         delete_row (database, "DELETE FROM area_group WHERE id = ?1", edit->id, error);
}

/* Activity areas */

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
  area_properties[AREA_PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  area_properties[AREA_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, AREA_N_PROPS, area_properties);
}

static void
sp_area_init (SpArea *self)
{
  self->group_name = g_strdup ("");
  self->name = g_strdup ("");
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

static GPtrArray *
load_group_areas (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  return load_rows (database,
                    AREA_SELECT "WHERE a.group_id = ?1 ORDER BY a.position, a.id",
                    *(gint64 *) user_data, area_from_row, error);
}

static GPtrArray *
load_year_areas (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  return load_rows (database,
                    AREA_SELECT "WHERE g.year = ?1 ORDER BY g.position, g.id, a.position, a.id",
                    *(gint64 *) user_data, area_from_row, error);
}

/* The group and year of the area @id, when that year's plan may change. */
static gboolean
open_area (SpDatabase  *database,
           gint64       id,
           gint64      *group_id,
           gint64      *year,
           GError     **error)
{
  return query_row (database, "SELECT group_id FROM area WHERE id = ?1", id, group_id,
                    _("The activity area no longer exists."), error) &&
         open_group (database, *group_id, year, error);
}

/* Checks the name of an area of the group, and returns it as stored. */
static char *
clean_area_name (SpDatabase  *database,
                 gint64       group_id,
                 gint64       id,
                 const char  *text,
                 GError     **error)
{
  g_autofree char *name = sp_edit_clean_name (text, _("The name of the activity area"), error);
  gboolean taken;

  if (name == NULL ||
      !name_taken (database, "SELECT id, name FROM area WHERE group_id = ?1 AND id != ?2",
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

static gboolean
do_area_add (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  PlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 year, position;

  if (!open_group (database, edit->scope, &year, error))
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
  PlanEdit *edit = user_data;
  g_autofree char *name = NULL;
  gint64 group_id, year;

  if (!open_area (database, edit->id, &group_id, &year, error))
    return FALSE;
  name = clean_area_name (database, group_id, edit->id, edit->name, error);
  if (name == NULL)
    return FALSE;
  return write_text (database, "UPDATE area SET name = ?2 WHERE id = ?1 AND name IS NOT ?2",
                     edit->id, name, error);
}

static gboolean
do_area_move (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  PlanEdit *edit = user_data;
  gint64 group_id, year;

  return open_area (database, edit->id, &group_id, &year, error) &&
         sp_edit_move (database, "area", "group_id", group_id, edit->id, edit->index, error);
}

static gboolean
do_area_set_group (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  PlanEdit *edit = user_data;
  g_autoptr(SpArea) area = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  gint64 group_id, year, new_year, position;

  if (!open_area (database, edit->id, &group_id, &year, error) ||
      !group_year (database, edit->scope, &new_year, error))
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
  return sp_edit_move (database, "area", "group_id", edit->scope, edit->id, edit->index, error);
}

static gboolean
do_area_delete (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  PlanEdit *edit = user_data;
  g_autofree char *uses = NULL;
  gint64 group_id, year;

  if (!open_area (database, edit->id, &group_id, &year, error) ||
      !area_uses (database, edit->id, &uses, error))
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
  return delete_row (database, "DELETE FROM area WHERE id = ?1", edit->id, error);
}

/* Target groups */

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

static GPtrArray *
load_targets (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  return load_rows (database,
                    "SELECT " TARGET_COLUMNS " FROM target_group WHERE year = ?1 ORDER BY position, id",
                    *(gint64 *) user_data, target_from_row, error);
}

static gboolean
open_target (SpDatabase  *database,
             gint64       id,
             gint64      *year,
             GError     **error)
{
  return query_row (database, "SELECT year FROM target_group WHERE id = ?1", id, year,
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
  g_autofree char *name = sp_edit_clean_name (text, _("The name of the target group"), error);
  gboolean taken;

  if (name == NULL ||
      !name_taken (database, "SELECT id, name FROM target_group WHERE year = ?1 AND id != ?2",
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
  PlanEdit *edit = user_data;
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
  PlanEdit *edit = user_data;
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
  PlanEdit *edit = user_data;
  gint64 year;

  return open_target (database, edit->id, &year, error) &&
         sp_edit_move (database, "target_group", "year", year, edit->id, edit->index, error);
}

static gboolean
do_target_delete (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  PlanEdit *edit = user_data;
  g_autoptr(GPtrArray) projects = NULL;
  gint64 year;

  if (!open_target (database, edit->id, &year, error))
    return FALSE;

  /* The link would go with it (ON DELETE CASCADE), and the projects would
   * silently lose a target group: make the user unlink them first. */
  projects = query_names (database,
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
      uses = describe_projects (projects);
      g_set_error (error, SP_ERROR, SP_ERROR_IN_USE,
                   /* Translators: the last %s is e.g. "the project “Kuggen”" */
                   _("The target group “%s” cannot be deleted: it is used by %s."),
                   target->name, uses);
      return FALSE;
    }
  return delete_row (database, "DELETE FROM target_group WHERE id = ?1", edit->id, error);
}

/* Goals */

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

static void
sp_goal_finalize (GObject *object)
{
  SpGoal *self = SP_GOAL (object);

  g_free (self->text);
  g_free (self->indicator);
  g_free (self->target_value);
  g_free (self->outcome);

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
}

static SpRecord *
goal_from_row (sqlite3_stmt *stmt)
{
  SpGoalKind kind = SP_GOAL_KIND_STRATEGIC;

  sp_goal_kind_from_string (sp_edit_column_text (stmt, 4), &kind);
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
                       NULL);
}

static GPtrArray *
load_year_goals (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  return load_rows (database,
                    "SELECT " GOAL_COLUMNS " FROM goal WHERE year = ?1 ORDER BY position, id",
                    *(gint64 *) user_data, goal_from_row, error);
}

static GPtrArray *
load_project_goals (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  return load_rows (database,
                    "SELECT " GOAL_COLUMNS " FROM goal WHERE project_id = ?1 AND year IS NULL "
                    "ORDER BY position, id",
                    *(gint64 *) user_data, goal_from_row, error);
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

  return query_row (database, "SELECT id FROM project WHERE id = ?1", project_id, &found,
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
      if (!query_row (database, "SELECT group_id FROM area WHERE id = ?1", data->area_id, &group_id,
                      _("The activity area no longer exists."), error) ||
          !group_year (database, group_id, &area_year, error))
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
  PlanEdit *edit = user_data;

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
  PlanEdit *edit = user_data;

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
  PlanEdit *edit = user_data;
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
  PlanEdit *edit = user_data;
  g_autofree char *outcome = NULL;
  gint64 year, project_id;

  if (!goal_scope (database, edit->id, &year, &project_id, error))
    return FALSE;
  outcome = sp_edit_clean_text (edit->text != NULL ? edit->text : "", SP_GOAL_MAX_CHARS, error);
  if (outcome == NULL)
    return FALSE;
  return write_text (database, "UPDATE goal SET outcome = ?2 WHERE id = ?1 AND outcome IS NOT ?2",
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
  PlanEdit *edit = user_data;
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
  PlanEdit *edit = user_data;
  gint64 year, project_id;

  return open_goal (database, edit->id, &year, &project_id, error) &&
         delete_row (database, "DELETE FROM goal WHERE id = ?1", edit->id, error);
}

/* Search */

/* Appends the id (column 0) of each row of @sql whose other columns contain
 * @needle, casefolded. */
static gboolean
search_rows (SpDatabase  *database,
             const char  *sql,
             int          year,
             const char  *needle,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 1; c < sqlite3_column_count (stmt); c++)
        {
          g_autofree char *haystack = sp_edit_fold (sp_edit_column_text (stmt, c));

          if (strstr (haystack, needle) != NULL)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (ids, id);
              break;
            }
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  return TRUE;
}

/* Public API: sections */

int
sp_section_get_year (SpSection *self)
{
  g_return_val_if_fail (SP_IS_SECTION (self), 0);
  return self->year;
}

int
sp_section_get_position (SpSection *self)
{
  g_return_val_if_fail (SP_IS_SECTION (self), 0);
  return self->position;
}

const char *
sp_section_get_title (SpSection *self)
{
  g_return_val_if_fail (SP_IS_SECTION (self), NULL);
  return self->title;
}

const char *
sp_section_get_body (SpSection *self)
{
  g_return_val_if_fail (SP_IS_SECTION (self), NULL);
  return self->body;
}

/**
 * sp_section_list_new:
 *
 * Returns: (transfer full): the sections of @year's plan, in order
 */
SpRecordList *
sp_section_list_new (SpDatabase *database,
                     int         year)
{
  return sp_record_list_new (database, SP_TYPE_SECTION, section_tables, load_sections,
                             scope_new (year), g_free);
}

/**
 * sp_section_load:
 *
 * Returns: (transfer full) (nullable): the section @id as it is now
 */
SpSection *
sp_section_load (SpDatabase  *database,
                 gint64       id,
                 GError     **error)
{
  return load_one (database, "SELECT " SECTION_COLUMNS " FROM section WHERE id = ?1", id,
                   section_from_row, _("The section no longer exists."), error);
}

/**
 * sp_section_add:
 * @body: (nullable): the text, or %NULL for none yet
 *
 * Adds a section last in @year's plan, as one undoable edit.
 *
 * Returns: the new section's id, or 0 with @error set
 */
gint64
sp_section_add (SpDatabase  *database,
                int          year,
                const char  *title,
                const char  *body,
                GError     **error)
{
  PlanEdit edit = { .scope = year, .name = title, .text = body };

  if (!sp_edit_run (database, _("Add section"), do_section_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_section_rename (SpDatabase  *database,
                   gint64       id,
                   const char  *title,
                   GError     **error)
{
  PlanEdit edit = { .id = id, .name = title };

  return sp_edit_run (database, _("Rename section"), do_section_rename, &edit, error);
}

/**
 * sp_section_set_body:
 *
 * Stores the text of a section. Made to be called as the user types: one
 * cached statement, and nothing written (no undo entry) when the text is
 * unchanged.
 */
gboolean
sp_section_set_body (SpDatabase  *database,
                     gint64       id,
                     const char  *body,
                     GError     **error)
{
  PlanEdit edit = { .id = id, .text = body };

  return sp_edit_run (database, _("Edit text"), do_section_set_body, &edit, error);
}

gboolean
sp_section_move (SpDatabase  *database,
                 gint64       id,
                 guint        new_index,
                 GError     **error)
{
  PlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move section"), do_section_move, &edit, error);
}

gboolean
sp_section_delete (SpDatabase  *database,
                   gint64       id,
                   GError     **error)
{
  PlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete section"), do_section_delete, &edit, error);
}

/* Public API: activity area groups */

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
  return sp_record_list_new (database, SP_TYPE_AREA_GROUP, group_tables, load_groups,
                             scope_new (year), g_free);
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
  return load_one (database, "SELECT " GROUP_COLUMNS " FROM area_group WHERE id = ?1", id,
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
  PlanEdit edit = { .scope = year, .name = name };

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
  PlanEdit edit = { .id = id, .name = name };

  return sp_edit_run (database, _("Rename group of activity areas"), do_group_rename, &edit, error);
}

gboolean
sp_area_group_move (SpDatabase  *database,
                    gint64       id,
                    guint        new_index,
                    GError     **error)
{
  PlanEdit edit = { .id = id, .index = new_index };

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
  PlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete group of activity areas"), do_group_delete, &edit, error);
}

/* Public API: activity areas */

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
  return sp_record_list_new (database, SP_TYPE_AREA, area_tables, load_group_areas,
                             scope_new (group_id), g_free);
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
  return sp_record_list_new (database, SP_TYPE_AREA, area_tables, load_year_areas,
                             scope_new (year), g_free);
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
  return load_one (database, AREA_SELECT "WHERE a.id = ?1", id,
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
  PlanEdit edit = { .scope = group_id, .name = name };

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
  PlanEdit edit = { .id = id, .name = name };

  return sp_edit_run (database, _("Rename activity area"), do_area_rename, &edit, error);
}

/* Moves the area within its group. */
gboolean
sp_area_move (SpDatabase  *database,
              gint64       id,
              guint        new_index,
              GError     **error)
{
  PlanEdit edit = { .id = id, .index = new_index };

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
  PlanEdit edit = { .id = id, .scope = group_id, .index = new_index };

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
  PlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete activity area"), do_area_delete, &edit, error);
}

/* Public API: target groups */

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
  return sp_record_list_new (database, SP_TYPE_TARGET_GROUP, target_tables, load_targets,
                             scope_new (year), g_free);
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
  return load_one (database, "SELECT " TARGET_COLUMNS " FROM target_group WHERE id = ?1", id,
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
  PlanEdit edit = { .scope = year, .name = name, .text = description };

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
  PlanEdit edit = { .id = id, .name = name, .text = description };

  return sp_edit_run (database, _("Change target group"), do_target_update, &edit, error);
}

gboolean
sp_target_group_move (SpDatabase  *database,
                      gint64       id,
                      guint        new_index,
                      GError     **error)
{
  PlanEdit edit = { .id = id, .index = new_index };

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
  PlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete target group"), do_target_delete, &edit, error);
}

/* Public API: goals */

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
  return sp_record_list_new (database, SP_TYPE_GOAL, goal_tables, load_year_goals,
                             scope_new (year), g_free);
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
  return sp_record_list_new (database, SP_TYPE_GOAL, goal_tables, load_project_goals,
                             scope_new (project_id), g_free);
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
  return load_one (database, "SELECT " GOAL_COLUMNS " FROM goal WHERE id = ?1", id,
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
  PlanEdit edit = { .scope = year, .goal = data };

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
  PlanEdit edit = { .scope = project_id, .goal = data };

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
  PlanEdit edit = { .id = id, .goal = data };

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
  PlanEdit edit = { .id = id, .text = outcome };

  return sp_edit_run (database, _("Record outcome"), do_goal_set_outcome, &edit, error);
}

/* Moves a year's goal within the year, a project's goal within the project. */
gboolean
sp_goal_move (SpDatabase  *database,
              gint64       id,
              guint        new_index,
              GError     **error)
{
  PlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move goal"), do_goal_move, &edit, error);
}

gboolean
sp_goal_delete (SpDatabase  *database,
                gint64       id,
                GError     **error)
{
  PlanEdit edit = { .id = id };

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

/**
 * sp_plan_search:
 * @query: what to look for; case and composition do not matter
 * @section_ids: (out) (transfer full): the ids (gint64) of the sections whose
 *   title or text contains @query, in order
 * @goal_ids: (out) (transfer full): the ids (gint64) of @year's goals whose
 *   text, indicator, target value or outcome contains @query, in order
 *
 * An empty @query (or blanks) matches nothing.
 */
gboolean
sp_plan_search (SpDatabase  *database,
                int          year,
                const char  *query,
                GArray     **section_ids,
                GArray     **goal_ids,
                GError     **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) goals = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;

  g_return_val_if_fail (section_ids != NULL && goal_ids != NULL, FALSE);

  *section_ids = *goal_ids = NULL;
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    query = "";
  stripped = g_strstrip (g_strdup (query));
  needle = sp_edit_fold (stripped);
  if (needle[0] != '\0' &&
      (!search_rows (database, "SELECT id, title, body FROM section WHERE year = ?1 ORDER BY position, id",
                     year, needle, sections, error) ||
       !search_rows (database,
                     "SELECT id, text, indicator, target_value, outcome FROM goal "
                     "WHERE year = ?1 ORDER BY position, id",
                     year, needle, goals, error)))
    return FALSE;

  *section_ids = g_steal_pointer (&sections);
  *goal_ids = g_steal_pointer (&goals);
  return TRUE;
}
