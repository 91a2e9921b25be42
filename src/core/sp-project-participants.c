/* sp-project-participants.c: a project's participants of one year, planned or actual
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows per year (granted funds, co-funding, participants) have no foreign key
 * to plan_year: a project's years need not have a plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-project-participants.h"
#include "sp-project-private.h"
#include "sp-record-loader-private.h"

struct _SpProjectParticipants
{
  SpRecord                   parent_instance;

  gint64                     project_id;
  int                        year;
  gboolean                   planned;
  SpProjectParticipantsData  counts;
};

G_DEFINE_FINAL_TYPE (SpProjectParticipants, sp_project_participants, SP_TYPE_RECORD)

enum {
  PARTICIPANTS_PROP_0,
  PARTICIPANTS_PROP_PROJECT_ID,
  PARTICIPANTS_PROP_YEAR,
  PARTICIPANTS_PROP_PLANNED,
  PARTICIPANTS_PROP_WOMEN,
  PARTICIPANTS_PROP_MEN,
  PARTICIPANTS_PROP_AGE_16_29,
  PARTICIPANTS_PROP_AGE_30_PLUS,
  PARTICIPANTS_PROP_TO_WORK,
  PARTICIPANTS_PROP_TO_STUDIES,
  PARTICIPANTS_PROP_TO_SELF_SUFFICIENCY,
  PARTICIPANTS_N_PROPS
};

static GParamSpec *participants_properties[PARTICIPANTS_N_PROPS];

static const char *participants_tables[] = { "project_participants", NULL };

static SpRecord *
participants_from_row (sqlite3_stmt *stmt)
{
  SpProjectParticipants *self = g_object_new (SP_TYPE_PROJECT_PARTICIPANTS,
                                              "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  self->year = sqlite3_column_int (stmt, 2);
  self->planned = sqlite3_column_int (stmt, 3) != 0;
  self->counts.women = sqlite3_column_int (stmt, 4);
  self->counts.men = sqlite3_column_int (stmt, 5);
  self->counts.age_16_29 = sqlite3_column_int (stmt, 6);
  self->counts.age_30_plus = sqlite3_column_int (stmt, 7);
  self->counts.to_work = sqlite3_column_int (stmt, 8);
  self->counts.to_studies = sqlite3_column_int (stmt, 9);
  self->counts.to_self_sufficiency = sqlite3_column_int (stmt, 10);
  return SP_RECORD (self);
}

/* One edit's arguments. */
typedef struct {
  gint64                           id;
  int                              year;
  gboolean                         flag;
  const SpProjectParticipantsData *participants;
} ParticipantsEdit;

static gboolean
do_set_participants (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  ParticipantsEdit *edit = user_data;
  const SpProjectParticipantsData *p = edit->participants;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error) ||
      !sp_edit_check_year (edit->year, error))
    return FALSE;
  if (p->women < 0 || p->men < 0 || p->age_16_29 < 0 || p->age_30_plus < 0 ||
      p->to_work < 0 || p->to_studies < 0 || p->to_self_sufficiency < 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The number of participants cannot be negative."));
      return FALSE;
    }

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_participants (project_id, year, planned, women, men, "
                          "age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                          "ON CONFLICT (project_id, year, planned) DO UPDATE SET "
                          "women = excluded.women, men = excluded.men, age_16_29 = excluded.age_16_29, "
                          "age_30_plus = excluded.age_30_plus, to_work = excluded.to_work, "
                          "to_studies = excluded.to_studies, to_self_sufficiency = excluded.to_self_sufficiency "
                          "WHERE (women, men, age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) "
                          "IS NOT (excluded.women, excluded.men, excluded.age_16_29, excluded.age_30_plus, "
                          "excluded.to_work, excluded.to_studies, excluded.to_self_sufficiency)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sqlite3_bind_int (stmt, 3, edit->flag ? 1 : 0);
  sqlite3_bind_int (stmt, 4, p->women);
  sqlite3_bind_int (stmt, 5, p->men);
  sqlite3_bind_int (stmt, 6, p->age_16_29);
  sqlite3_bind_int (stmt, 7, p->age_30_plus);
  sqlite3_bind_int (stmt, 8, p->to_work);
  sqlite3_bind_int (stmt, 9, p->to_studies);
  sqlite3_bind_int (stmt, 10, p->to_self_sufficiency);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_clear_participants (SpDatabase  *database,
                       gpointer     user_data,
                       GError     **error)
{
  ParticipantsEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!sp_project_check_exists (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "DELETE FROM project_participants WHERE project_id = ?1 AND year = ?2 "
                          "AND planned = ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sqlite3_bind_int (stmt, 3, edit->flag ? 1 : 0);
  return sp_edit_step_done (database, stmt, error);
}

static int *
participants_field (SpProjectParticipants *self,
                    guint                  prop_id)
{
  switch (prop_id)
    {
    case PARTICIPANTS_PROP_WOMEN:
      return &self->counts.women;
    case PARTICIPANTS_PROP_MEN:
      return &self->counts.men;
    case PARTICIPANTS_PROP_AGE_16_29:
      return &self->counts.age_16_29;
    case PARTICIPANTS_PROP_AGE_30_PLUS:
      return &self->counts.age_30_plus;
    case PARTICIPANTS_PROP_TO_WORK:
      return &self->counts.to_work;
    case PARTICIPANTS_PROP_TO_STUDIES:
      return &self->counts.to_studies;
    case PARTICIPANTS_PROP_TO_SELF_SUFFICIENCY:
      return &self->counts.to_self_sufficiency;
    default:
      return NULL;
    }
}

static void
sp_project_participants_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SpProjectParticipants *self = SP_PROJECT_PARTICIPANTS (object);
  int *count = participants_field (self, prop_id);

  if (count != NULL)
    {
      g_value_set_int (value, *count);
      return;
    }
  switch (prop_id)
    {
    case PARTICIPANTS_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case PARTICIPANTS_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PARTICIPANTS_PROP_PLANNED:
      g_value_set_boolean (value, self->planned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_participants_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SpProjectParticipants *self = SP_PROJECT_PARTICIPANTS (object);
  int *count = participants_field (self, prop_id);

  if (count != NULL)
    {
      SP_RECORD_SET_FIELD (*count, g_value_get_int (value));
      return;
    }
  switch (prop_id)
    {
    case PARTICIPANTS_PROP_PROJECT_ID:
      SP_RECORD_SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case PARTICIPANTS_PROP_YEAR:
      SP_RECORD_SET_FIELD (self->year, g_value_get_int (value));
      break;
    case PARTICIPANTS_PROP_PLANNED:
      SP_RECORD_SET_FIELD (self->planned, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_participants_class_init (SpProjectParticipantsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const struct {
    guint       prop_id;
    const char *name;
  } counts[] = {
    { PARTICIPANTS_PROP_WOMEN, "women" },
    { PARTICIPANTS_PROP_MEN, "men" },
    { PARTICIPANTS_PROP_AGE_16_29, "age-16-29" },
    { PARTICIPANTS_PROP_AGE_30_PLUS, "age-30-plus" },
    { PARTICIPANTS_PROP_TO_WORK, "to-work" },
    { PARTICIPANTS_PROP_TO_STUDIES, "to-studies" },
    { PARTICIPANTS_PROP_TO_SELF_SUFFICIENCY, "to-self-sufficiency" },
  };

  object_class->get_property = sp_project_participants_get_property;
  object_class->set_property = sp_project_participants_set_property;

  participants_properties[PARTICIPANTS_PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  participants_properties[PARTICIPANTS_PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  /* The application's plan rather than what happened */
  participants_properties[PARTICIPANTS_PROP_PLANNED] =
    g_param_spec_boolean ("planned", NULL, NULL, FALSE, flags);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    participants_properties[counts[i].prop_id] =
      g_param_spec_int (counts[i].name, NULL, NULL, 0, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, PARTICIPANTS_N_PROPS, participants_properties);
}

static void
sp_project_participants_init (SpProjectParticipants *self)
{
}

gint64
sp_project_participants_get_project_id (SpProjectParticipants *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_PARTICIPANTS (self), 0);
  return self->project_id;
}

int
sp_project_participants_get_year (SpProjectParticipants *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_PARTICIPANTS (self), 0);
  return self->year;
}

/* Whether these are the application's planned participants rather than the actual ones. */
gboolean
sp_project_participants_get_planned (SpProjectParticipants *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_PARTICIPANTS (self), FALSE);
  return self->planned;
}

void
sp_project_participants_get_data (SpProjectParticipants     *self,
                                  SpProjectParticipantsData *data)
{
  g_return_if_fail (SP_IS_PROJECT_PARTICIPANTS (self));
  *data = self->counts;
}

/**
 * sp_project_participants_list_new:
 *
 * Returns: (transfer full): the project's participants, by year, the
 *   planned before the actual
 */
SpRecordList *
sp_project_participants_list_new (SpDatabase *database,
                                  gint64      project_id)
{
  const char *sql =
    "SELECT id, project_id, year, planned, women, men, age_16_29, age_30_plus, "
    "to_work, to_studies, to_self_sufficiency FROM project_participants "
    "WHERE project_id = ?1 ORDER BY year, planned DESC";

  return sp_record_list_new_for_query (database, SP_TYPE_PROJECT_PARTICIPANTS, participants_tables,
                                       sql, participants_from_row, project_id);
}

/**
 * sp_project_set_participants:
 * @planned: the application's plan rather than what happened
 *
 * Sets the participants of @year, as one edit. Every count must be 0 or
 * more; see #SpProjectParticipantsData about the age groups.
 */
gboolean
sp_project_set_participants (SpDatabase                       *database,
                             gint64                            project_id,
                             int                               year,
                             gboolean                          planned,
                             const SpProjectParticipantsData  *data,
                             GError                          **error)
{
  ParticipantsEdit edit = { .id = project_id, .year = year, .flag = planned, .participants = data };

  g_return_val_if_fail (data != NULL, FALSE);
  return sp_edit_run (database, _("Set participants"), do_set_participants, &edit, error);
}

gboolean
sp_project_clear_participants (SpDatabase  *database,
                               gint64       project_id,
                               int          year,
                               gboolean     planned,
                               GError     **error)
{
  ParticipantsEdit edit = { .id = project_id, .year = year, .flag = planned };

  return sp_edit_run (database, _("Remove participants"), do_clear_participants, &edit, error);
}
