/* sp-section.c: a section (avsnitt) of a year's plan: a title and its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit of a year's plan is refused once the year is adopted
 * (sp_edit_check_year_open), before anything is written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-plan-private.h"
#include "sp-record-loader-private.h"
#include "sp-section.h"

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

static const char *section_tables[] = { "section", NULL };

#define SECTION_COLUMNS "id, year, position, title, body"

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

/* The year of the section @id, when that year's plan may change. */
static gboolean
open_section (SpDatabase  *database,
              gint64       id,
              gint64      *year,
              GError     **error)
{
  return sp_record_query_int64 (database, "SELECT year FROM section WHERE id = ?1", id, year,
                                _("The section no longer exists."), error) &&
         sp_edit_check_year_open (database, *year, error);
}

static gboolean
do_section_add (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  sqlite3_stmt *stmt;
  gint64 position;

  if (!sp_edit_check_year_open (database, edit->scope, error))
    return FALSE;
  title = sp_text_clean_name (edit->name, _("The title"), error);
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
  SpPlanEdit *edit = user_data;
  g_autofree char *title = NULL;
  gint64 year;

  if (!open_section (database, edit->id, &year, error))
    return FALSE;
  title = sp_text_clean_name (edit->name, _("The title"), error);
  if (title == NULL)
    return FALSE;
  /* An unchanged value writes nothing, and so leaves nothing to undo. */
  return sp_plan_write_text (database, "UPDATE section SET title = ?2 WHERE id = ?1 AND title IS NOT ?2",
                             edit->id, title, error);
}

static gboolean
do_section_set_body (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  SpPlanEdit *edit = user_data;
  g_autofree char *body = NULL;
  gint64 year;

  if (!open_section (database, edit->id, &year, error))
    return FALSE;
  body = sp_edit_clean_text (edit->text, SP_TEXT_MAX_CHARS, error);
  if (body == NULL)
    return FALSE;
  return sp_plan_write_text (database, "UPDATE section SET body = ?2 WHERE id = ?1 AND body IS NOT ?2",
                             edit->id, body, error);
}

static gboolean
do_section_move (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year;

  return open_section (database, edit->id, &year, error) &&
         sp_edit_move (database, "section", "year", year, edit->id, edit->index, error);
}

static gboolean
do_section_delete (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  SpPlanEdit *edit = user_data;
  gint64 year;

  return open_section (database, edit->id, &year, error) &&
         sp_plan_delete_row (database, "DELETE FROM section WHERE id = ?1", edit->id, error);
}

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
  const char *sql =
    "SELECT " SECTION_COLUMNS " FROM section WHERE year = ?1 ORDER BY position, id";

  return sp_record_list_new_for_query (database, SP_TYPE_SECTION, section_tables,
                                       sql, section_from_row, year);
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
  return sp_record_load_one (database, "SELECT " SECTION_COLUMNS " FROM section WHERE id = ?1", id,
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
  SpPlanEdit edit = { .scope = year, .name = title, .text = body };

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
  SpPlanEdit edit = { .id = id, .name = title };

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
  SpPlanEdit edit = { .id = id, .text = body };

  return sp_edit_run (database, _("Edit text"), do_section_set_body, &edit, error);
}

gboolean
sp_section_move (SpDatabase  *database,
                 gint64       id,
                 guint        new_index,
                 GError     **error)
{
  SpPlanEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move section"), do_section_move, &edit, error);
}

gboolean
sp_section_delete (SpDatabase  *database,
                   gint64       id,
                   GError     **error)
{
  SpPlanEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete section"), do_section_delete, &edit, error);
}
