/* sp-board-member.c: the board: each member's representatives for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each member organisation appoints an ordinary member and a deputy to the
 * board; the board has one chair and one vice chair (the presidium).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-board-member.h"
#include "sp-edit-private.h"
#include "sp-text.h"

struct _SpBoardMember
{
  SpRecord       parent_instance;

  gint64         member_id;
  char          *member_name;
  int            year;
  char          *name;
  SpBoardRole    role;
  SpBoardOffice  office;
};

G_DEFINE_FINAL_TYPE (SpBoardMember, sp_board_member, SP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_MEMBER_NAME,
  PROP_YEAR,
  PROP_NAME,
  PROP_ROLE,
  PROP_OFFICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *board_tables[] = { "board_member", "member", NULL };

#define BOARD_COLUMNS "b.id, b.member_id, m.name, b.year, b.name, b.role, b.office"

GType
sp_board_role_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_BOARD_ROLE_ORDINARY, "SP_BOARD_ROLE_ORDINARY", "ordinary" },
    { SP_BOARD_ROLE_DEPUTY, "SP_BOARD_ROLE_DEPUTY", "deputy" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpBoardRole"), values));
  return type;
}

GType
sp_board_office_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_BOARD_OFFICE_NONE, "SP_BOARD_OFFICE_NONE", "none" },
    { SP_BOARD_OFFICE_CHAIR, "SP_BOARD_OFFICE_CHAIR", "chair" },
    { SP_BOARD_OFFICE_VICE_CHAIR, "SP_BOARD_OFFICE_VICE_CHAIR", "vice-chair" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpBoardOffice"), values));
  return type;
}

const char *
sp_board_role_get_label (SpBoardRole role)
{
  return role == SP_BOARD_ROLE_DEPUTY ? _("Deputy") : _("Ordinary member");
}

const char *
sp_board_office_get_label (SpBoardOffice office)
{
  switch (office)
    {
    case SP_BOARD_OFFICE_CHAIR:
      return _("Chair");
    case SP_BOARD_OFFICE_VICE_CHAIR:
      return _("Vice chair");
    default:
      return "";
    }
}

static void
sp_board_member_finalize (GObject *object)
{
  SpBoardMember *self = SP_BOARD_MEMBER (object);

  g_free (self->member_name);
  g_free (self->name);

  G_OBJECT_CLASS (sp_board_member_parent_class)->finalize (object);
}

static void
sp_board_member_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpBoardMember *self = SP_BOARD_MEMBER (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_OFFICE:
      g_value_set_enum (value, self->office);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_board_member_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpBoardMember *self = SP_BOARD_MEMBER (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      self->member_id = g_value_get_int64 (value);
      break;
    case PROP_MEMBER_NAME:
      g_free (self->member_name);
      self->member_name = g_value_dup_string (value);
      break;
    case PROP_YEAR:
      self->year = g_value_get_int (value);
      break;
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_ROLE:
      self->role = g_value_get_enum (value);
      break;
    case PROP_OFFICE:
      self->office = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_board_member_class_init (SpBoardMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_board_member_finalize;
  object_class->get_property = sp_board_member_get_property;
  object_class->set_property = sp_board_member_set_property;

  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_MEMBER_NAME] = g_param_spec_string ("member-name", NULL, NULL, "", flags);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 2100, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_ROLE] = g_param_spec_enum ("role", NULL, NULL, SP_TYPE_BOARD_ROLE,
                                             SP_BOARD_ROLE_ORDINARY, flags);
  properties[PROP_OFFICE] = g_param_spec_enum ("office", NULL, NULL, SP_TYPE_BOARD_OFFICE,
                                               SP_BOARD_OFFICE_NONE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_board_member_init (SpBoardMember *self)
{
  self->member_name = g_strdup ("");
  self->name = g_strdup ("");
}

static GPtrArray *
load_board (SpDatabase  *database,
            gpointer     user_data,
            GError     **error)
{
  g_autoptr(GPtrArray) board = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  /* Member by member, the ordinary member before the deputy. */
  stmt = sp_edit_prepare (database,
                          "SELECT " BOARD_COLUMNS " FROM board_member b JOIN member m ON m.id = b.member_id "
                          "WHERE b.year = ?1 ORDER BY m.position, m.id, b.role = 'deputy', b.position, b.id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (user_data));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (board,
                     g_object_new (SP_TYPE_BOARD_MEMBER,
                                   "id", (gint64) sqlite3_column_int64 (stmt, 0),
                                   "member-id", (gint64) sqlite3_column_int64 (stmt, 1),
                                   "member-name", sp_edit_column_text (stmt, 2),
                                   "year", sqlite3_column_int (stmt, 3),
                                   "name", sp_edit_column_text (stmt, 4),
                                   "role", sp_edit_column_enum (stmt, 5, SP_TYPE_BOARD_ROLE),
                                   "office", sp_edit_column_enum (stmt, 6, SP_TYPE_BOARD_OFFICE),
                                   NULL));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&board);
}

typedef struct {
  gint64                   id;
  int                      year;
  const SpBoardMemberData *data;
} BoardEdit;

static char *
validate (SpDatabase               *database,
          gint64                    id,
          int                       year,
          const SpBoardMemberData  *data,
          GError                  **error)
{
  g_autofree char *name = sp_text_clean_name (data->name, _("The name of the representative"), error);
  sqlite3_stmt *stmt;
  gint64 n = 0;

  if (name == NULL)
    {
      sp_error_set_field (error, "name");
      return NULL;
    }
  if (!sp_edit_check_year (year, error))
    {
      sp_error_set_field (error, "year");
      return NULL;
    }
  if (data->role > SP_BOARD_ROLE_DEPUTY || data->office > SP_BOARD_OFFICE_VICE_CHAIR)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown role on the board."));
      sp_error_set_field (error, data->role > SP_BOARD_ROLE_DEPUTY ? "role" : "office");
      return NULL;
    }

  stmt = sp_edit_prepare (database, "SELECT count(*) FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, data->member_id);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return NULL;
  if (n == 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The member no longer exists."));
      sp_error_set_field (error, "member-id");
      return NULL;
    }

  if (data->office != SP_BOARD_OFFICE_NONE)
    {
      g_autofree char *holder = NULL;

      stmt = sp_edit_prepare (database,
                              "SELECT name FROM board_member WHERE year = ?1 AND office = ?2 AND id != ?3",
                              error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_text (stmt, 2, sp_enum_get_nick (SP_TYPE_BOARD_OFFICE, data->office), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        holder = g_strdup (sp_edit_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (holder != NULL)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                       data->office == SP_BOARD_OFFICE_CHAIR
                         ? _("%s is already the chair for %d.")
                         : _("%s is already the vice chair for %d."),
                       holder, year);
          sp_error_set_field (error, "office");
          return NULL;
        }
    }
  return g_steal_pointer (&name);
}

static gboolean
do_add (SpDatabase  *database,
        gpointer     user_data,
        GError     **error)
{
  BoardEdit *edit = user_data;
  g_autofree char *name = validate (database, 0, edit->year, edit->data, error);
  sqlite3_stmt *stmt;

  if (name == NULL)
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "INSERT INTO board_member (member_id, year, name, role, office, position) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, "
                          "(SELECT coalesce (max (position), 0) + 1 FROM board_member WHERE year = ?2))",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->data->member_id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sp_edit_bind_text (stmt, 3, name);
  sqlite3_bind_text (stmt, 4, sp_enum_get_nick (SP_TYPE_BOARD_ROLE, edit->data->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, sp_enum_get_nick (SP_TYPE_BOARD_OFFICE, edit->data->office), -1, SQLITE_STATIC);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
find_year (SpDatabase  *database,
           gint64       id,
           int         *year,
           GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT year FROM board_member WHERE id = ?1", error);
  gint64 value = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &value, error))
    return FALSE;
  if (value == 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The representative is no longer on the board."));
      return FALSE;
    }
  *year = (int) value;
  return TRUE;
}

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  BoardEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  if (!find_year (database, edit->id, &edit->year, error))
    return FALSE;
  name = validate (database, edit->id, edit->year, edit->data, error);
  if (name == NULL)
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "UPDATE board_member SET member_id = ?2, name = ?3, role = ?4, office = ?5 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->data->member_id);
  sp_edit_bind_text (stmt, 3, name);
  sqlite3_bind_text (stmt, 4, sp_enum_get_nick (SP_TYPE_BOARD_ROLE, edit->data->role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, sp_enum_get_nick (SP_TYPE_BOARD_OFFICE, edit->data->office), -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_delete (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  BoardEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!find_year (database, edit->id, &edit->year, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "DELETE FROM board_member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

gint64
sp_board_member_get_member_id (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), 0);
  return self->member_id;
}

const char *
sp_board_member_get_member_name (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), NULL);
  return self->member_name;
}

int
sp_board_member_get_year (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), 0);
  return self->year;
}

const char *
sp_board_member_get_name (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), NULL);
  return self->name;
}

SpBoardRole
sp_board_member_get_role (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), SP_BOARD_ROLE_ORDINARY);
  return self->role;
}

SpBoardOffice
sp_board_member_get_office (SpBoardMember *self)
{
  g_return_val_if_fail (SP_IS_BOARD_MEMBER (self), SP_BOARD_OFFICE_NONE);
  return self->office;
}

/**
 * sp_board_list_new:
 *
 * Returns: (transfer full): the board of @year, member by member
 */
SpRecordList *
sp_board_list_new (SpDatabase *database,
                   int         year)
{
  return sp_record_list_new (database, SP_TYPE_BOARD_MEMBER, board_tables, load_board,
                             GINT_TO_POINTER (year), NULL);
}

/**
 * sp_board_add:
 *
 * Returns: the new representative's id, or 0 with @error set
 */
gint64
sp_board_add (SpDatabase               *database,
              int                       year,
              const SpBoardMemberData  *data,
              GError                  **error)
{
  BoardEdit edit = { .year = year, .data = data };

  if (!sp_edit_run (database, _("Add board member"), do_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_board_update (SpDatabase               *database,
                 gint64                    id,
                 const SpBoardMemberData  *data,
                 GError                  **error)
{
  BoardEdit edit = { .id = id, .data = data };

  return sp_edit_run (database, _("Change board member"), do_update, &edit, error);
}

gboolean
sp_board_delete (SpDatabase  *database,
                 gint64       id,
                 GError     **error)
{
  BoardEdit edit = { .id = id };

  return sp_edit_run (database, _("Remove board member"), do_delete, &edit, error);
}
