/* sp-member.c: the member organisations of the förbund
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-member.h"

struct _SpMember
{
  SpRecord      parent_instance;

  char         *name;
  SpMemberKind  kind;
  gboolean      pays_own_share;
  gint64        population;
  int           from_year;
  int           to_year;
  int           position;
};

G_DEFINE_FINAL_TYPE (SpMember, sp_member, SP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_PAYS_OWN_SHARE,
  PROP_POPULATION,
  PROP_FROM_YEAR,
  PROP_TO_YEAR,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *member_tables[] = { "member", NULL };

#define MEMBER_COLUMNS "id, name, kind, pays_own_share, population, from_year, to_year, position"

GType
sp_member_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_MEMBER_KIND_STATE, "SP_MEMBER_KIND_STATE", "state" },
    { SP_MEMBER_KIND_REGION, "SP_MEMBER_KIND_REGION", "region" },
    { SP_MEMBER_KIND_MUNICIPALITY, "SP_MEMBER_KIND_MUNICIPALITY", "municipality" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpMemberKind"), values));
  return type;
}

/* The word stored in the database. */
const char *
sp_member_kind_to_string (SpMemberKind kind)
{
  return sp_enum_get_nick (SP_TYPE_MEMBER_KIND, kind);
}

gboolean
sp_member_kind_from_string (const char   *text,
                            SpMemberKind *kind)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_MEMBER_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/* The word a user reads: Stat, Region, Kommun. */
const char *
sp_member_kind_get_label (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      /* Translators: the kind of a member organisation */
      return C_("member kind", "State");
    case SP_MEMBER_KIND_REGION:
      return C_("member kind", "Region");
    case SP_MEMBER_KIND_MUNICIPALITY:
      return C_("member kind", "Municipality");
    default:
      g_return_val_if_reached ("");
    }
}

static void
sp_member_finalize (GObject *object)
{
  SpMember *self = SP_MEMBER (object);

  g_free (self->name);

  G_OBJECT_CLASS (sp_member_parent_class)->finalize (object);
}

static void
sp_member_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpMember *self = SP_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PAYS_OWN_SHARE:
      g_value_set_boolean (value, self->pays_own_share);
      break;
    case PROP_POPULATION:
      g_value_set_int64 (value, self->population);
      break;
    case PROP_FROM_YEAR:
      g_value_set_int (value, self->from_year);
      break;
    case PROP_TO_YEAR:
      g_value_set_int (value, self->to_year);
      break;
    case PROP_POSITION:
      g_value_set_int (value, self->position);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_member_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpMember *self = SP_MEMBER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_PAYS_OWN_SHARE:
      self->pays_own_share = g_value_get_boolean (value);
      break;
    case PROP_POPULATION:
      self->population = g_value_get_int64 (value);
      break;
    case PROP_FROM_YEAR:
      self->from_year = g_value_get_int (value);
      break;
    case PROP_TO_YEAR:
      self->to_year = g_value_get_int (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_member_class_init (SpMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_member_finalize;
  object_class->get_property = sp_member_get_property;
  object_class->set_property = sp_member_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_MEMBER_KIND,
                                             SP_MEMBER_KIND_MUNICIPALITY, flags);
  properties[PROP_PAYS_OWN_SHARE] = g_param_spec_boolean ("pays-own-share", NULL, NULL, TRUE, flags);
  properties[PROP_POPULATION] = g_param_spec_int64 ("population", NULL, NULL, -1, G_MAXINT64, -1, flags);
  properties[PROP_FROM_YEAR] = g_param_spec_int ("from-year", NULL, NULL, 0, 2100, 0, flags);
  properties[PROP_TO_YEAR] = g_param_spec_int ("to-year", NULL, NULL, 0, 2100, 0, flags);
  properties[PROP_POSITION] = g_param_spec_int ("position", NULL, NULL, 0, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_member_init (SpMember *self)
{
  self->name = g_strdup ("");
  self->kind = SP_MEMBER_KIND_MUNICIPALITY;
  self->pays_own_share = TRUE;
  self->population = -1;
}

/* A member from a row of MEMBER_COLUMNS. */
static SpMember *
member_from_row (sqlite3_stmt *stmt)
{
  SpMemberKind kind = SP_MEMBER_KIND_MUNICIPALITY;

  sp_member_kind_from_string (sp_edit_column_text (stmt, 2), &kind);
  return g_object_new (SP_TYPE_MEMBER,
                       "id", (gint64) sqlite3_column_int64 (stmt, 0),
                       "name", sp_edit_column_text (stmt, 1),
                       "kind", kind,
                       "pays-own-share", sqlite3_column_int (stmt, 3) != 0,
                       "population", sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                     ? (gint64) -1 : (gint64) sqlite3_column_int64 (stmt, 4),
                       "from-year", sqlite3_column_int (stmt, 5),
                       "to-year", sqlite3_column_int (stmt, 6),
                       "position", sqlite3_column_int (stmt, 7),
                       NULL);
}

static GPtrArray *
load_members (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, "SELECT " MEMBER_COLUMNS " FROM member ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, member_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

/* Checks @data and returns the name to store. */
static char *
validate (SpDatabase          *database,
          gint64               id,
          const SpMemberData  *data,
          GError             **error)
{
  g_autofree char *name = sp_text_clean_name (data->name, _("The name of the member"), error);
  g_autofree char *folded = NULL;
  sqlite3_stmt *stmt;

  if (name == NULL)
    {
      sp_error_set_field (error, "name");
      return NULL;
    }

  if (data->kind > SP_MEMBER_KIND_MUNICIPALITY)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown kind of member."));
      sp_error_set_field (error, "kind");
      return NULL;
    }
  if (data->population < -1)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The population cannot be negative."));
      sp_error_set_field (error, "population");
      return NULL;
    }
  if (data->from_year != 0 && !sp_edit_check_year (data->from_year, error))
    {
      sp_error_set_field (error, "from-year");
      return NULL;
    }
  if (data->to_year != 0 && !sp_edit_check_year (data->to_year, error))
    {
      sp_error_set_field (error, "to-year");
      return NULL;
    }
  if (data->from_year != 0 && data->to_year != 0 && data->to_year < data->from_year)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The membership cannot end (%d) before it begins (%d)."),
                   data->to_year, data->from_year);
      sp_error_set_field (error, "to-year");
      return NULL;
    }

  /* Names differ in more than case: "Fagersta kommun" and "fagersta kommun" are one. */
  folded = g_utf8_casefold (name, -1);
  stmt = sp_edit_prepare (database, "SELECT id, name FROM member WHERE id != ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *other = g_utf8_casefold (sp_edit_column_text (stmt, 1), -1);

      if (g_strcmp0 (folded, other) == 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                       _("There is already a member called “%s”."), name);
          sp_error_set_field (error, "name");
          return NULL;
        }
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&name);
}

static void
bind_data (sqlite3_stmt       *stmt,
           const char         *name,
           const SpMemberData *data)
{
  sp_edit_bind_text (stmt, 2, name);
  sqlite3_bind_text (stmt, 3, sp_member_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, data->pays_own_share ? 1 : 0);
  sp_edit_bind_optional (stmt, 5, data->population >= 0, data->population);
  sp_edit_bind_optional (stmt, 6, data->from_year != 0, data->from_year);
  sp_edit_bind_optional (stmt, 7, data->to_year != 0, data->to_year);
}

typedef struct {
  gint64              id;
  const SpMemberData *data;
  int                 year;
  guint               index;
} MemberEdit;

static gboolean
do_add (SpDatabase  *database,
        gpointer     user_data,
        GError     **error)
{
  MemberEdit *edit = user_data;
  g_autofree char *name = validate (database, 0, edit->data, error);
  sqlite3_stmt *stmt;
  gint64 position;

  if (name == NULL)
    return FALSE;
  position = sp_edit_next_position (database, "member", "1", 1, error);
  if (position < 0)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO member (name, kind, pays_own_share, population, from_year, to_year, position) "
                          "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
  if (stmt == NULL)
    return FALSE;
  bind_data (stmt, name, edit->data);
  sqlite3_bind_int64 (stmt, 8, position);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
check_exists (SpDatabase  *database,
              gint64       id,
              GError     **error)
{
  return sp_edit_check_exists (database, "SELECT count (*) FROM member WHERE id = ?1", id,
                               _("The member no longer exists."), error);
}

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  MemberEdit *edit = user_data;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  if (!check_exists (database, edit->id, error))
    return FALSE;
  name = validate (database, edit->id, edit->data, error);
  if (name == NULL)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE member SET name = ?2, kind = ?3, pays_own_share = ?4, population = ?5, "
                          "from_year = ?6, to_year = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_data (stmt, name, edit->data);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_move (SpDatabase  *database,
         gpointer     user_data,
         GError     **error)
{
  MemberEdit *edit = user_data;

  return sp_edit_move (database, "member", "1", 1, edit->id, edit->index, error);
}

static gboolean
do_delete (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  MemberEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gint64 uses = 0;

  if (!check_exists (database, edit->id, error))
    return FALSE;

  /* A member that owns or co-funds projects is part of the record: end its
   * membership instead. */
  stmt = sp_edit_prepare (database,
                          "SELECT (SELECT count(*) FROM project WHERE owner_id = ?1)"
                          " + (SELECT count(*) FROM project_cofunding WHERE member_id = ?1)",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  if (!sp_edit_query_int64 (database, stmt, &uses, error))
    return FALSE;
  if (uses > 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                           _("The member owns or co-funds projects and cannot be deleted. End its membership instead."));
      return FALSE;
    }

  stmt = sp_edit_prepare (database, "DELETE FROM member WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

const char *
sp_member_get_name (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), NULL);
  return self->name;
}

SpMemberKind
sp_member_get_kind (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), SP_MEMBER_KIND_MUNICIPALITY);
  return self->kind;
}

gboolean
sp_member_get_pays_own_share (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), FALSE);
  return self->pays_own_share;
}

/* Returns: the population, or -1 when not set */
gint64
sp_member_get_population (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), -1);
  return self->population;
}

/* Returns: the first year of membership, or 0 when not set */
int
sp_member_get_from_year (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), 0);
  return self->from_year;
}

/* Returns: the last year of membership, or 0 while it lasts */
int
sp_member_get_to_year (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), 0);
  return self->to_year;
}

int
sp_member_get_position (SpMember *self)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), 0);
  return self->position;
}

/* Whether the organisation was a member during @year. */
gboolean
sp_member_is_member_in (SpMember *self,
                        int       year)
{
  g_return_val_if_fail (SP_IS_MEMBER (self), FALSE);
  return (self->from_year == 0 || year >= self->from_year) &&
         (self->to_year == 0 || year <= self->to_year);
}

/* Fills @data from @self; data->name stays owned by @self. */
void
sp_member_get_data (SpMember     *self,
                    SpMemberData *data)
{
  g_return_if_fail (SP_IS_MEMBER (self));

  data->name = self->name;
  data->kind = self->kind;
  data->pays_own_share = self->pays_own_share;
  data->population = self->population;
  data->from_year = self->from_year;
  data->to_year = self->to_year;
}

/**
 * sp_member_list_new:
 *
 * Returns: (transfer full): every member, in the förbund's order
 */
SpRecordList *
sp_member_list_new (SpDatabase *database)
{
  return sp_record_list_new (database, SP_TYPE_MEMBER, member_tables, load_members, NULL, NULL);
}

/**
 * sp_member_load:
 *
 * Returns: (transfer full) (nullable): the member @id as it is now
 */
SpMember *
sp_member_load (SpDatabase  *database,
                gint64       id,
                GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT " MEMBER_COLUMNS " FROM member WHERE id = ?1", error);
  SpMember *member = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    member = member_from_row (stmt);
  sqlite3_reset (stmt);
  if (member == NULL)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The member no longer exists."));
  return member;
}

/**
 * sp_member_add:
 *
 * Adds a member last, as one undoable edit.
 *
 * Returns: the new member's id, or 0 with @error set
 */
gint64
sp_member_add (SpDatabase          *database,
               const SpMemberData  *data,
               GError             **error)
{
  MemberEdit edit = { .data = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add member"), do_add, &edit, error))
    return 0;
  return edit.id;
}

gboolean
sp_member_update (SpDatabase          *database,
                  gint64               id,
                  const SpMemberData  *data,
                  GError             **error)
{
  MemberEdit edit = { .id = id, .data = data };

  g_return_val_if_fail (data != NULL, FALSE);
  return sp_edit_run (database, _("Change member"), do_update, &edit, error);
}

gboolean
sp_member_move (SpDatabase  *database,
                gint64       id,
                guint        new_index,
                GError     **error)
{
  MemberEdit edit = { .id = id, .index = new_index };

  return sp_edit_run (database, _("Move member"), do_move, &edit, error);
}

/**
 * sp_member_end_membership:
 * @last_year: the last year the organisation is a member (and pays)
 */
gboolean
sp_member_end_membership (SpDatabase  *database,
                          gint64       id,
                          int          last_year,
                          GError     **error)
{
  g_autoptr(SpMember) member = sp_member_load (database, id, error);
  SpMemberData data;

  if (member == NULL)
    return FALSE;
  sp_member_get_data (member, &data);
  data.to_year = last_year;
  if (!sp_edit_check_year (last_year, error))
    return FALSE;

  {
    MemberEdit edit = { .id = id, .data = &data };
    return sp_edit_run (database, _("End membership"), do_update, &edit, error);
  }
}

/**
 * sp_member_delete:
 *
 * Deletes a member, with its board representatives and keys. Refused for a
 * member that owns or co-funds projects.
 */
gboolean
sp_member_delete (SpDatabase  *database,
                  gint64       id,
                  GError     **error)
{
  MemberEdit edit = { .id = id };

  return sp_edit_run (database, _("Delete member"), do_delete, &edit, error);
}
