/* sp-project.c: the project portfolio across the years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project is added as an application and moves through the workflow one
 * board decision at a time; each step is one undoable edit that records the
 * decision (with the status it set) and sets the project's status. The
 * project's status is always that of its latest status-setting decision, or
 * "application" without one: deleting that latest decision takes the status
 * back a step. A project with board decisions is part of the record and is
 * archived rather than deleted.
 *
 * Rows per year (granted funds, co-funding, participants) have no foreign key
 * to plan_year: a project's years need not have a plan.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-edit.h"
#include "sp-project.h"

struct _SpProject
{
  SpRecord         parent_instance;

  char            *name;
  char            *short_name;
  SpProjectKind    kind;
  char            *description;
  gint64           owner_id;
  char            *owner_name;
  char            *contact;
  gint64           area_id;
  char            *area_name;
  int              priority;
  SpProjectStatus  status;
  char            *start_date;
  char            *end_date;
  gint64           planned_participants;
  char            *results;
  gboolean         self_evaluation_done;
  char            *external_assessor;
  char            *report_date;
  char            *evaluation;
  gboolean         archived;
  SpMoney          total_granted;
  guint            n_decisions;

  /* Made when first asked for, dropped when the texts they come from
   * change: the list's search and sorting ask for them on every keystroke
   * or comparison. */
  char            *search_text;
  char            *name_key;
  char            *owner_key;
};

G_DEFINE_FINAL_TYPE (SpProject, sp_project, SP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_KIND,
  PROP_DESCRIPTION,
  PROP_OWNER_ID,
  PROP_OWNER_NAME,
  PROP_CONTACT,
  PROP_AREA_ID,
  PROP_AREA_NAME,
  PROP_PRIORITY,
  PROP_STATUS,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_PLANNED_PARTICIPANTS,
  PROP_RESULTS,
  PROP_SELF_EVALUATION_DONE,
  PROP_EXTERNAL_ASSESSOR,
  PROP_REPORT_DATE,
  PROP_EVALUATION,
  PROP_ARCHIVED,
  PROP_TOTAL_GRANTED,
  PROP_N_DECISIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _SpProjectDecision
{
  SpRecord         parent_instance;

  gint64           project_id;
  char            *date;
  char            *paragraph;
  char            *text;
  gboolean         changes_status;
  SpProjectStatus  status;
};

G_DEFINE_FINAL_TYPE (SpProjectDecision, sp_project_decision, SP_TYPE_RECORD)

enum {
  DECISION_PROP_0,
  DECISION_PROP_PROJECT_ID,
  DECISION_PROP_DATE,
  DECISION_PROP_PARAGRAPH,
  DECISION_PROP_TEXT,
  DECISION_PROP_CHANGES_STATUS,
  DECISION_PROP_STATUS,
  DECISION_N_PROPS
};

static GParamSpec *decision_properties[DECISION_N_PROPS];

struct _SpProjectGrant
{
  SpRecord  parent_instance;

  gint64    project_id;
  int       year;
  SpMoney   amount;
};

G_DEFINE_FINAL_TYPE (SpProjectGrant, sp_project_grant, SP_TYPE_RECORD)

enum {
  GRANT_PROP_0,
  GRANT_PROP_PROJECT_ID,
  GRANT_PROP_YEAR,
  GRANT_PROP_AMOUNT,
  GRANT_N_PROPS
};

static GParamSpec *grant_properties[GRANT_N_PROPS];

struct _SpProjectCofunding
{
  SpRecord  parent_instance;

  gint64    project_id;
  gint64    member_id;
  char     *member_name;
  int       year;
  SpMoney   amount;
  gboolean  in_kind;
};

G_DEFINE_FINAL_TYPE (SpProjectCofunding, sp_project_cofunding, SP_TYPE_RECORD)

enum {
  COFUNDING_PROP_0,
  COFUNDING_PROP_PROJECT_ID,
  COFUNDING_PROP_MEMBER_ID,
  COFUNDING_PROP_MEMBER_NAME,
  COFUNDING_PROP_YEAR,
  COFUNDING_PROP_AMOUNT,
  COFUNDING_PROP_IN_KIND,
  COFUNDING_N_PROPS
};

static GParamSpec *cofunding_properties[COFUNDING_N_PROPS];

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

/* The portfolio list shows the owner's and the area's names, the total
 * granted and the number of decisions: it follows exactly these tables. (A
 * reload after a change elsewhere would find nothing to tell its views.) */
static const char *project_tables[] = {
  "project", "project_decision", "project_grant", "member", "area", NULL
};
static const char *decision_tables[] = { "project_decision", NULL };
static const char *grant_tables[] = { "project_grant", NULL };
static const char *cofunding_tables[] = { "project_cofunding", "member", NULL };
static const char *participants_tables[] = { "project_participants", NULL };

/* Longest texts of the fields that are not names. */
#define CONTACT_MAX_CHARS 1000

#define PROJECT_COLUMNS \
  "p.id, p.name, p.short_name, p.kind, p.description, p.owner_id, m.name, p.contact, " \
  "p.area_id, a.name, p.priority, p.status, p.start_date, p.end_date, " \
  "p.planned_participants, p.results, p.self_evaluation_done, p.external_assessor, " \
  "p.report_date, p.evaluation, p.archived, " \
  "(SELECT coalesce (sum (g.amount), 0) FROM project_grant g WHERE g.project_id = p.id), " \
  "(SELECT count(*) FROM project_decision d WHERE d.project_id = p.id) " \
  "FROM project p LEFT JOIN member m ON m.id = p.owner_id LEFT JOIN area a ON a.id = p.area_id"

#define DECISION_COLUMNS "id, project_id, date, paragraph, text, status FROM project_decision"

/* Assigns @value to @field and notifies, only when it differs. Used in the
 * set_property functions, where "object" and "pspec" are in scope. */
#define SET_FIELD(field, value)                           \
  G_STMT_START {                                          \
    if ((field) != (value))                               \
      {                                                   \
        (field) = (value);                                \
        g_object_notify_by_pspec (object, pspec);         \
      }                                                   \
  } G_STMT_END

GType
sp_project_kind_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_PROJECT_KIND_PROJECT, "SP_PROJECT_KIND_PROJECT", "project" },
    { SP_PROJECT_KIND_INITIATIVE, "SP_PROJECT_KIND_INITIATIVE", "initiative" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpProjectKind"), values));
  return type;
}

/* The word stored in the database: the enum's nick. */
const char *
sp_project_kind_to_string (SpProjectKind kind)
{
  return sp_enum_get_nick (SP_TYPE_PROJECT_KIND, kind);
}

gboolean
sp_project_kind_from_string (const char    *text,
                             SpProjectKind *kind)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_PROJECT_KIND, text, &value))
    return FALSE;
  *kind = (SpProjectKind) value;
  return TRUE;
}

/* The word a user reads: Projekt, Insats. */
const char *
sp_project_kind_get_label (SpProjectKind kind)
{
  switch (kind)
    {
    case SP_PROJECT_KIND_PROJECT:
      /* Translators: a time-limited project (projekt) */
      return C_("project kind", "Project");
    case SP_PROJECT_KIND_INITIATIVE:
      /* Translators: a lasting activity, not time-limited (insats) */
      return C_("project kind", "Initiative");
    default:
      g_return_val_if_reached ("");
    }
}

GType
sp_project_status_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_PROJECT_STATUS_APPLICATION, "SP_PROJECT_STATUS_APPLICATION", "application" },
    { SP_PROJECT_STATUS_GRANTED, "SP_PROJECT_STATUS_GRANTED", "granted" },
    { SP_PROJECT_STATUS_REJECTED, "SP_PROJECT_STATUS_REJECTED", "rejected" },
    { SP_PROJECT_STATUS_ONGOING, "SP_PROJECT_STATUS_ONGOING", "ongoing" },
    { SP_PROJECT_STATUS_FINISHED, "SP_PROJECT_STATUS_FINISHED", "finished" },
    { SP_PROJECT_STATUS_IMPLEMENTED, "SP_PROJECT_STATUS_IMPLEMENTED", "implemented" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpProjectStatus"), values));
  return type;
}

/* The word stored in the database: the enum's nick. */
const char *
sp_project_status_to_string (SpProjectStatus status)
{
  return sp_enum_get_nick (SP_TYPE_PROJECT_STATUS, status);
}

gboolean
sp_project_status_from_string (const char      *text,
                               SpProjectStatus *status)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_PROJECT_STATUS, text, &value))
    return FALSE;
  *status = (SpProjectStatus) value;
  return TRUE;
}

/* The word a user reads: Ansökan, Beviljad, Avslagen, Pågående, Avslutad, Implementerad. */
const char *
sp_project_status_get_label (SpProjectStatus status)
{
  switch (status)
    {
    case SP_PROJECT_STATUS_APPLICATION:
      /* Translators: the status of a project that is applied for and not yet decided */
      return C_("project status", "Application");
    case SP_PROJECT_STATUS_GRANTED:
      return C_("project status", "Granted");
    case SP_PROJECT_STATUS_REJECTED:
      return C_("project status", "Rejected");
    case SP_PROJECT_STATUS_ONGOING:
      return C_("project status", "Ongoing");
    case SP_PROJECT_STATUS_FINISHED:
      return C_("project status", "Finished");
    case SP_PROJECT_STATUS_IMPLEMENTED:
      /* Translators: the project's work goes on in the members' regular operations */
      return C_("project status", "Implemented");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * sp_project_status_can_change:
 *
 * Whether the workflow allows a board decision to take a project from
 * @from to @to: application → granted or rejected, granted → ongoing,
 * ongoing → finished, finished → implemented.
 */
gboolean
sp_project_status_can_change (SpProjectStatus from,
                              SpProjectStatus to)
{
  switch (to)
    {
    case SP_PROJECT_STATUS_GRANTED:
    case SP_PROJECT_STATUS_REJECTED:
      return from == SP_PROJECT_STATUS_APPLICATION;
    case SP_PROJECT_STATUS_ONGOING:
      return from == SP_PROJECT_STATUS_GRANTED;
    case SP_PROJECT_STATUS_FINISHED:
      return from == SP_PROJECT_STATUS_ONGOING;
    case SP_PROJECT_STATUS_IMPLEMENTED:
      return from == SP_PROJECT_STATUS_FINISHED;
    case SP_PROJECT_STATUS_APPLICATION:
    default:
      return FALSE;
    }
}

/* The förbund's criteria for applications, in their order of priority. */
const char *
sp_project_priority_get_label (int priority)
{
  switch (priority)
    {
    case 0:
      return _("No priority");
    case 1:
      return _("Task missing in the members’ own organisations");
    case 2:
      return _("Task not prioritised today");
    case 3:
      return _("Task that brings extra costs");
    default:
      g_return_val_if_reached ("");
    }
}

/* Why the workflow does not allow @from → @to, for the user. */
static const char *
transition_message (SpProjectStatus from,
                    SpProjectStatus to)
{
  switch (to)
    {
    case SP_PROJECT_STATUS_GRANTED:
    case SP_PROJECT_STATUS_REJECTED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("The application has already been rejected.");
      return _("The application has already been granted.");
    case SP_PROJECT_STATUS_ONGOING:
      if (from == SP_PROJECT_STATUS_APPLICATION)
        return _("The application must be granted before the project can start.");
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be started.");
      if (from == SP_PROJECT_STATUS_ONGOING)
        return _("The project has already started.");
      return _("A finished project cannot be started again.");
    case SP_PROJECT_STATUS_FINISHED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be finished.");
      if (from == SP_PROJECT_STATUS_APPLICATION || from == SP_PROJECT_STATUS_GRANTED)
        return _("The project has not started, so it cannot be finished.");
      return _("The project has already finished.");
    case SP_PROJECT_STATUS_IMPLEMENTED:
      if (from == SP_PROJECT_STATUS_REJECTED)
        return _("A rejected application cannot be implemented.");
      if (from == SP_PROJECT_STATUS_IMPLEMENTED)
        return _("The project has already been implemented.");
      return _("Only a finished project can be implemented.");
    case SP_PROJECT_STATUS_APPLICATION:
      return _("A project cannot become an application again. Delete the decision that changed its status instead.");
    default:
      return _("Unknown project status.");
    }
}

/* The year of an ISO date, or 0 for none. */
static int
date_year (const char *date)
{
  if (date == NULL || strlen (date) < 4)
    return 0;
  return (int) g_ascii_strtoll (date, NULL, 10);
}

/* Whether a project of @status with this period runs in @year; see
 * sp_project_is_active_in(). */
static gboolean
runs_in (SpProjectStatus  status,
         const char      *start_date,
         const char      *end_date,
         gboolean         has_grant,
         int              year)
{
  gboolean running = status == SP_PROJECT_STATUS_GRANTED || status == SP_PROJECT_STATUS_ONGOING;
  int first = date_year (start_date);
  int last = date_year (end_date);

  if (status == SP_PROJECT_STATUS_APPLICATION || status == SP_PROJECT_STATUS_REJECTED)
    return FALSE;
  if (has_grant)
    return TRUE;
  if (first == 0 && last == 0)
    return status == SP_PROJECT_STATUS_ONGOING;
  if (first == 0)
    first = running ? G_MININT : last;
  if (last == 0)
    last = running ? G_MAXINT : first;
  return first <= year && year <= last;
}

/* A text column that may be NULL. */
static char *
dup_column_or_null (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
set_string_field (GObject      *object,
                  char        **field,
                  const GValue *value,
                  GParamSpec   *pspec)
{
  const char *text = g_value_get_string (value);

  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  g_object_notify_by_pspec (object, pspec);
}

typedef SpRecord *(*RowFunc) (sqlite3_stmt *stmt);

/* Loads the records of @sql, with ?1 bound to @id when @bind_id. */
static GPtrArray *
load_rows (SpDatabase  *database,
           const char  *sql,
           gboolean     bind_id,
           gint64       id,
           RowFunc      from_row,
           GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  if (bind_id)
    sqlite3_bind_int64 (stmt, 1, id);
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

/* A project from a row of PROJECT_COLUMNS; the fields are filled directly,
 * which is much faster than properties for ten thousand projects. */
static SpRecord *
project_from_row (sqlite3_stmt *stmt)
{
  SpProject *self = g_object_new (SP_TYPE_PROJECT, "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  g_free (self->name);
  self->name = g_strdup (sp_edit_column_text (stmt, 1));
  g_free (self->short_name);
  self->short_name = g_strdup (sp_edit_column_text (stmt, 2));
  sp_project_kind_from_string (sp_edit_column_text (stmt, 3), &self->kind);
  g_free (self->description);
  self->description = g_strdup (sp_edit_column_text (stmt, 4));
  self->owner_id = sqlite3_column_int64 (stmt, 5);
  g_free (self->owner_name);
  self->owner_name = g_strdup (sp_edit_column_text (stmt, 6));
  g_free (self->contact);
  self->contact = g_strdup (sp_edit_column_text (stmt, 7));
  self->area_id = sqlite3_column_int64 (stmt, 8);
  g_free (self->area_name);
  self->area_name = g_strdup (sp_edit_column_text (stmt, 9));
  self->priority = sqlite3_column_int (stmt, 10);
  sp_project_status_from_string (sp_edit_column_text (stmt, 11), &self->status);
  self->start_date = dup_column_or_null (stmt, 12);
  self->end_date = dup_column_or_null (stmt, 13);
  self->planned_participants = sqlite3_column_type (stmt, 14) == SQLITE_NULL
                               ? -1 : sqlite3_column_int64 (stmt, 14);
  g_free (self->results);
  self->results = g_strdup (sp_edit_column_text (stmt, 15));
  self->self_evaluation_done = sqlite3_column_int (stmt, 16) != 0;
  g_free (self->external_assessor);
  self->external_assessor = g_strdup (sp_edit_column_text (stmt, 17));
  self->report_date = dup_column_or_null (stmt, 18);
  g_free (self->evaluation);
  self->evaluation = g_strdup (sp_edit_column_text (stmt, 19));
  self->archived = sqlite3_column_int (stmt, 20) != 0;
  self->total_granted = sqlite3_column_int64 (stmt, 21);
  self->n_decisions = (guint) sqlite3_column_int64 (stmt, 22);
  return SP_RECORD (self);
}

static GPtrArray *
load_projects (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  return load_rows (database,
                    "SELECT " PROJECT_COLUMNS
                    " ORDER BY p.start_date IS NULL, p.start_date, p.name, p.id",
                    FALSE, 0, project_from_row, error);
}

static SpRecord *
decision_from_row (sqlite3_stmt *stmt)
{
  SpProjectDecision *self = g_object_new (SP_TYPE_PROJECT_DECISION,
                                          "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  g_free (self->date);
  self->date = g_strdup (sp_edit_column_text (stmt, 2));
  g_free (self->paragraph);
  self->paragraph = g_strdup (sp_edit_column_text (stmt, 3));
  g_free (self->text);
  self->text = g_strdup (sp_edit_column_text (stmt, 4));
  self->changes_status = sqlite3_column_type (stmt, 5) != SQLITE_NULL &&
                         sp_project_status_from_string (sp_edit_column_text (stmt, 5), &self->status);
  return SP_RECORD (self);
}

static GPtrArray *
load_decisions (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  return load_rows (database,
                    "SELECT " DECISION_COLUMNS " WHERE project_id = ?1 ORDER BY date, id",
                    TRUE, *(gint64 *) user_data, decision_from_row, error);
}

static SpRecord *
grant_from_row (sqlite3_stmt *stmt)
{
  SpProjectGrant *self = g_object_new (SP_TYPE_PROJECT_GRANT,
                                       "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  self->year = sqlite3_column_int (stmt, 2);
  self->amount = sqlite3_column_int64 (stmt, 3);
  return SP_RECORD (self);
}

static GPtrArray *
load_grants (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  return load_rows (database,
                    "SELECT id, project_id, year, amount FROM project_grant "
                    "WHERE project_id = ?1 ORDER BY year",
                    TRUE, *(gint64 *) user_data, grant_from_row, error);
}

static SpRecord *
cofunding_from_row (sqlite3_stmt *stmt)
{
  SpProjectCofunding *self = g_object_new (SP_TYPE_PROJECT_COFUNDING,
                                           "id", (gint64) sqlite3_column_int64 (stmt, 0), NULL);

  self->project_id = sqlite3_column_int64 (stmt, 1);
  self->member_id = sqlite3_column_int64 (stmt, 2);
  g_free (self->member_name);
  self->member_name = g_strdup (sp_edit_column_text (stmt, 3));
  self->year = sqlite3_column_int (stmt, 4);
  self->amount = sqlite3_column_int64 (stmt, 5);
  self->in_kind = sqlite3_column_int (stmt, 6) != 0;
  return SP_RECORD (self);
}

static GPtrArray *
load_cofunding (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  return load_rows (database,
                    "SELECT c.id, c.project_id, c.member_id, m.name, c.year, c.amount, c.in_kind "
                    "FROM project_cofunding c JOIN member m ON m.id = c.member_id "
                    "WHERE c.project_id = ?1 ORDER BY c.year, m.position, m.id, c.in_kind",
                    TRUE, *(gint64 *) user_data, cofunding_from_row, error);
}

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

static GPtrArray *
load_participants (SpDatabase  *database,
                   gpointer     user_data,
                   GError     **error)
{
  return load_rows (database,
                    "SELECT id, project_id, year, planned, women, men, age_16_29, age_30_plus, "
                    "to_work, to_studies, to_self_sufficiency FROM project_participants "
                    "WHERE project_id = ?1 ORDER BY year, planned DESC",
                    TRUE, *(gint64 *) user_data, participants_from_row, error);
}

static void
year_details_free (SpProjectYearDetails *details)
{
  g_strfreev (details->target_groups);
  g_array_unref (details->cofunding);
  g_free (details->decision_date);
  g_free (details->decision_paragraph);
  g_free (details);
}

/* The project's entry of @details, made when it has none yet. */
static SpProjectYearDetails *
year_details_get (GHashTable *details,
                  gint64      project_id)
{
  SpProjectYearDetails *entry = g_hash_table_lookup (details, &project_id);

  if (entry != NULL)
    return entry;
  entry = g_new0 (SpProjectYearDetails, 1);
  entry->project_id = project_id;
  entry->target_groups = g_new0 (char *, 1);
  entry->cofunding = g_array_new (FALSE, FALSE, sizeof (SpProjectCofundingRow));
  g_hash_table_insert (details, &entry->project_id, entry);
  return entry;
}

/* Gives @entry the names collected in *@names, as its target groups. */
static void
year_details_take_names (SpProjectYearDetails  *entry,
                         GPtrArray            **names)
{
  if (*names == NULL)
    return;
  g_ptr_array_add (*names, NULL);
  g_strfreev (entry->target_groups);
  entry->target_groups = (char **) g_ptr_array_free (g_steal_pointer (names), FALSE);
}

/* Runs @sql (a count with ?1 = @id) and says whether it found anything. */
static gboolean
count_positive (SpDatabase  *database,
                const char  *sql,
                gint64       id,
                gboolean    *out_found,
                GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, error);
  gint64 n = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  *out_found = n > 0;
  return TRUE;
}

static gboolean
check_project_exists (SpDatabase  *database,
                      gint64       id,
                      GError     **error)
{
  gboolean found = FALSE;

  if (!count_positive (database, "SELECT count(*) FROM project WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_member_exists (SpDatabase  *database,
                     gint64       id,
                     const char  *message,
                     GError     **error)
{
  gboolean found = FALSE;

  if (!count_positive (database, "SELECT count(*) FROM member WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, message);
      return FALSE;
    }
  return TRUE;
}

/* An optional line of text: NULL is "", spaces around are removed, and a
 * line that is not empty must be a valid name of at most @max_chars. */
static char *
clean_line (const char  *text,
            gsize        max_chars,
            const char  *what,
            GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *clean = NULL;

  if (text == NULL)
    return g_strdup ("");
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0' && g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  clean = sp_edit_clean_name (stripped, what, error);
  if (clean == NULL)
    return NULL;
  if ((gsize) g_utf8_strlen (clean, -1) > max_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s is too long: at most %d characters."), what, (int) max_chars);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* Free text of a field: NULL is "". The message names the field. */
static char *
clean_field (const char  *text,
             gsize        max_chars,
             const char  *what,
             GError     **error)
{
  char *clean;

  if (text == NULL)
    return g_strdup ("");
  clean = sp_edit_clean_text (text, max_chars, error);
  if (clean == NULL)
    /* Translators: %s names a field, e.g. "The description"; the message follows */
    g_prefix_error (error, _("%s: "), what);
  return clean;
}

/* An optional date: NULL or "" is not set (NULL); anything else a real date. */
static gboolean
clean_date (const char  *date,
            const char **out_date,
            GError     **error)
{
  if (date == NULL || date[0] == '\0')
    {
      *out_date = NULL;
      return TRUE;
    }
  if (!sp_edit_check_date (date, error))
    return FALSE;
  *out_date = date;
  return TRUE;
}

/* A project's fields, checked and ready to store. */
typedef struct {
  char       *name;
  char       *short_name;
  char       *description;
  char       *contact;
  char       *results;
  char       *external_assessor;
  char       *evaluation;
  const char *start_date;
  const char *end_date;
  const char *report_date;
} CleanProject;

static void
clean_project_clear (CleanProject *clean)
{
  g_clear_pointer (&clean->name, g_free);
  g_clear_pointer (&clean->short_name, g_free);
  g_clear_pointer (&clean->description, g_free);
  g_clear_pointer (&clean->contact, g_free);
  g_clear_pointer (&clean->results, g_free);
  g_clear_pointer (&clean->external_assessor, g_free);
  g_clear_pointer (&clean->evaluation, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CleanProject, clean_project_clear)

/* Checks @data, every rule before anything is stored. */
static gboolean
validate_project (SpDatabase           *database,
                  const SpProjectData  *data,
                  CleanProject         *clean,
                  GError              **error)
{
  clean->name = sp_edit_clean_name (data->name, _("The name of the project"), error);
  if (clean->name == NULL)
    return FALSE;
  clean->short_name = clean_line (data->short_name, SP_NAME_MAX_CHARS, _("The short name"), error);
  if (clean->short_name == NULL)
    return FALSE;
  if (data->kind > SP_PROJECT_KIND_INITIATIVE)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown kind of project."));
      return FALSE;
    }
  if ((clean->description = clean_field (data->description, SP_TEXT_MAX_CHARS,
                                         _("The description"), error)) == NULL ||
      (clean->contact = clean_field (data->contact, CONTACT_MAX_CHARS, _("The contact"), error)) == NULL ||
      (clean->results = clean_field (data->results, SP_TEXT_MAX_CHARS, _("The results"), error)) == NULL ||
      (clean->evaluation = clean_field (data->evaluation, SP_TEXT_MAX_CHARS,
                                        _("The evaluation"), error)) == NULL)
    return FALSE;
  clean->external_assessor = clean_line (data->external_assessor, SP_NAME_MAX_CHARS,
                                         _("The external co-assessor"), error);
  if (clean->external_assessor == NULL)
    return FALSE;

  if (data->priority < 0 || data->priority > SP_PROJECT_PRIORITY_MAX)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The priority must be between 1 and %d, or not set."), SP_PROJECT_PRIORITY_MAX);
      return FALSE;
    }
  if (data->planned_participants < -1)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The number of planned participants cannot be negative."));
      return FALSE;
    }

  if (!clean_date (data->start_date, &clean->start_date, error) ||
      !clean_date (data->end_date, &clean->end_date, error) ||
      !clean_date (data->report_date, &clean->report_date, error))
    return FALSE;
  if (clean->start_date != NULL && clean->end_date != NULL &&
      strcmp (clean->end_date, clean->start_date) < 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The project cannot end (%s) before it starts (%s)."),
                   clean->end_date, clean->start_date);
      return FALSE;
    }

  if (data->owner_id != 0 &&
      !check_member_exists (database, data->owner_id, _("The project owner is not a member organisation."), error))
    return FALSE;
  if (data->area_id != 0)
    {
      gboolean found = FALSE;

      if (!count_positive (database, "SELECT count(*) FROM area WHERE id = ?1", data->area_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                               _("The activity area no longer exists."));
          return FALSE;
        }
    }
  return TRUE;
}

/* Binds ?2…?17 of an insert or update of a project. */
static void
bind_project (sqlite3_stmt        *stmt,
              const SpProjectData *data,
              const CleanProject  *clean)
{
  sp_edit_bind_text (stmt, 2, clean->name);
  sp_edit_bind_text (stmt, 3, clean->short_name);
  sqlite3_bind_text (stmt, 4, sp_project_kind_to_string (data->kind), -1, SQLITE_STATIC);
  sp_edit_bind_text (stmt, 5, clean->description);
  sp_edit_bind_optional (stmt, 6, data->owner_id != 0, data->owner_id);
  sp_edit_bind_text (stmt, 7, clean->contact);
  sp_edit_bind_optional (stmt, 8, data->area_id != 0, data->area_id);
  sp_edit_bind_optional (stmt, 9, data->priority != 0, data->priority);
  sp_edit_bind_text (stmt, 10, clean->start_date);
  sp_edit_bind_text (stmt, 11, clean->end_date);
  sp_edit_bind_optional (stmt, 12, data->planned_participants >= 0, data->planned_participants);
  sp_edit_bind_text (stmt, 13, clean->results);
  sqlite3_bind_int (stmt, 14, data->self_evaluation_done ? 1 : 0);
  sp_edit_bind_text (stmt, 15, clean->external_assessor);
  sp_edit_bind_text (stmt, 16, clean->report_date);
  sp_edit_bind_text (stmt, 17, clean->evaluation);
}

/* A board decision's fields, checked. */
static gboolean
validate_decision (const SpProjectDecisionData  *decision,
                   char                        **out_paragraph,
                   char                        **out_text,
                   GError                      **error)
{
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;

  if (decision == NULL)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A board decision needs a date."));
      return FALSE;
    }
  if (decision->date == NULL || decision->date[0] == '\0')
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("A board decision needs a date."));
      return FALSE;
    }
  if (!sp_edit_check_date (decision->date, error))
    return FALSE;
  paragraph = clean_line (decision->paragraph, SP_PROJECT_PARAGRAPH_MAX_CHARS,
                          _("The paragraph"), error);
  if (paragraph == NULL)
    return FALSE;
  text = clean_field (decision->text, SP_TEXT_MAX_CHARS, _("The decision"), error);
  if (text == NULL)
    return FALSE;
  *out_paragraph = g_steal_pointer (&paragraph);
  *out_text = g_steal_pointer (&text);
  return TRUE;
}

/* Reads the status and archived flag of project @id. */
static gboolean
read_project_state (SpDatabase       *database,
                    gint64            id,
                    SpProjectStatus  *out_status,
                    gboolean         *out_archived,
                    guint            *out_n_decisions,
                    GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT status, archived, (SELECT count(*) FROM project_decision "
                          "WHERE project_id = ?1) FROM project WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (out_status != NULL)
        {
          *out_status = SP_PROJECT_STATUS_APPLICATION;
          sp_project_status_from_string (sp_edit_column_text (stmt, 0), out_status);
        }
      if (out_archived != NULL)
        *out_archived = sqlite3_column_int (stmt, 1) != 0;
      if (out_n_decisions != NULL)
        *out_n_decisions = (guint) sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_status (SpDatabase       *database,
              gint64            id,
              SpProjectStatus   status,
              GError          **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "UPDATE project SET status = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, sp_project_status_to_string (status), -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
check_year_amount (int           year,
                   SpMoney       amount,
                   const char   *negative_message,
                   GError      **error)
{
  if (!sp_edit_check_year (year, error))
    return FALSE;
  if (amount < 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, negative_message);
      return FALSE;
    }
  if (amount > SP_MONEY_MAX)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("The amount is too large."));
      return FALSE;
    }
  return TRUE;
}

/* One edit's arguments and results. */
typedef struct {
  gint64                           id;
  gint64                           member_id;
  const SpProjectData             *data;
  const SpProjectDecisionData     *decision;
  const SpProjectParticipantsData *participants;
  SpProjectStatus                  status;
  int                              year;
  gboolean                         flag;
  SpMoney                          amount;
  const gint64                    *ids;
  guint                            n_ids;
  gint64                           new_id;
} ProjectEdit;

static gboolean
do_add (SpDatabase  *database,
        gpointer     user_data,
        GError     **error)
{
  ProjectEdit *edit = user_data;
  g_auto(CleanProject) clean = { NULL };
  sqlite3_stmt *stmt;

  if (!validate_project (database, edit->data, &clean, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project (name, short_name, kind, description, owner_id, contact, "
                          "area_id, priority, start_date, end_date, planned_participants, results, "
                          "self_evaluation_done, external_assessor, report_date, evaluation) "
                          "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                          error);
  if (stmt == NULL)
    return FALSE;
  bind_project (stmt, edit->data, &clean);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  edit->new_id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  ProjectEdit *edit = user_data;
  g_auto(CleanProject) clean = { NULL };
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error) ||
      !validate_project (database, edit->data, &clean, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE project SET name = ?2, short_name = ?3, kind = ?4, description = ?5, "
                          "owner_id = ?6, contact = ?7, area_id = ?8, priority = ?9, start_date = ?10, "
                          "end_date = ?11, planned_participants = ?12, results = ?13, "
                          "self_evaluation_done = ?14, external_assessor = ?15, report_date = ?16, "
                          "evaluation = ?17 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  bind_project (stmt, edit->data, &clean);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_delete (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;
  guint n_decisions = 0;

  if (!read_project_state (database, edit->id, NULL, NULL, &n_decisions, error))
    return FALSE;
  if (n_decisions > 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                           _("The project has board decisions and cannot be deleted."));
      return FALSE;
    }
  /* Its target groups, grants, co-funding, participants and goals go with it. */
  stmt = sp_edit_prepare (database, "DELETE FROM project WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_archived (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;
  gboolean archived = FALSE;

  if (!read_project_state (database, edit->id, NULL, &archived, NULL, error))
    return FALSE;
  if (archived == edit->flag)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           archived ? _("The project is already archived.")
                                    : _("The project is not archived."));
      return FALSE;
    }
  stmt = sp_edit_prepare (database, "UPDATE project SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->flag ? 1 : 0);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
insert_decision (SpDatabase                   *database,
                 gint64                        project_id,
                 const SpProjectDecisionData  *decision,
                 const char                   *paragraph,
                 const char                   *text,
                 const char                   *status,
                 gint64                       *out_id,
                 GError                      **error)
{
  sqlite3_stmt *stmt;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_decision (project_id, date, paragraph, text, status) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sp_edit_bind_text (stmt, 2, decision->date);
  sp_edit_bind_text (stmt, 3, paragraph);
  sp_edit_bind_text (stmt, 4, text);
  sp_edit_bind_text (stmt, 5, status);
  if (!sp_edit_step_done (database, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (sp_database_get_handle (database));
  return TRUE;
}

static gboolean
do_change_status (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;
  SpProjectStatus current = SP_PROJECT_STATUS_APPLICATION;

  if (!read_project_state (database, edit->id, &current, NULL, NULL, error))
    return FALSE;
  if (edit->status > SP_PROJECT_STATUS_IMPLEMENTED ||
      !sp_project_status_can_change (current, edit->status))
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, transition_message (current, edit->status));
      return FALSE;
    }
  if (!validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;
  if (!insert_decision (database, edit->id, edit->decision, paragraph, text,
                        sp_project_status_to_string (edit->status), &edit->new_id, error))
    return FALSE;
  return write_status (database, edit->id, edit->status, error);
}

static gboolean
do_add_decision (SpDatabase  *database,
                 gpointer     user_data,
                 GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;

  if (!check_project_exists (database, edit->id, error) ||
      !validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;
  return insert_decision (database, edit->id, edit->decision, paragraph, text, NULL,
                          &edit->new_id, error);
}

/* Reads the project and status of decision @id. */
static gboolean
read_decision (SpDatabase       *database,
               gint64            id,
               gint64           *out_project_id,
               char            **out_status,
               GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database, "SELECT project_id, status FROM project_decision WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *out_project_id = sqlite3_column_int64 (stmt, 0);
      *out_status = dup_column_or_null (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                           _("The board decision no longer exists."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
do_update_decision (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autofree char *paragraph = NULL;
  g_autofree char *text = NULL;
  g_autofree char *status = NULL;
  gint64 project_id = 0;
  sqlite3_stmt *stmt;

  if (!read_decision (database, edit->id, &project_id, &status, error) ||
      !validate_decision (edit->decision, &paragraph, &text, error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "UPDATE project_decision SET date = ?2, paragraph = ?3, text = ?4 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sp_edit_bind_text (stmt, 2, edit->decision->date);
  sp_edit_bind_text (stmt, 3, paragraph);
  sp_edit_bind_text (stmt, 4, text);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_delete_decision (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autofree char *status = NULL;
  gint64 project_id = 0;
  sqlite3_stmt *stmt;

  if (!read_decision (database, edit->id, &project_id, &status, error))
    return FALSE;

  if (status != NULL)
    {
      /* The project's status is that of its latest status decision: only
       * that one may go, and the status goes back to the one before. */
      SpProjectStatus previous = SP_PROJECT_STATUS_APPLICATION;
      gint64 latest = 0;

      stmt = sp_edit_prepare (database,
                              "SELECT max (id) FROM project_decision "
                              "WHERE project_id = ?1 AND status IS NOT NULL", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      if (!sp_edit_query_int64 (database, stmt, &latest, error))
        return FALSE;
      if (latest != edit->id)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                               _("A later decision changed the project’s status after this one. "
                                 "Delete that decision first."));
          return FALSE;
        }

      stmt = sp_edit_prepare (database,
                              "SELECT status FROM project_decision WHERE project_id = ?1 "
                              "AND status IS NOT NULL AND id < ?2 ORDER BY id DESC LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, project_id);
      sqlite3_bind_int64 (stmt, 2, edit->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        sp_project_status_from_string (sp_edit_column_text (stmt, 0), &previous);
      sqlite3_reset (stmt);
      if (!write_status (database, project_id, previous, error))
        return FALSE;
    }

  stmt = sp_edit_prepare (database, "DELETE FROM project_decision WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_grant (SpDatabase  *database,
              gpointer     user_data,
              GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error) ||
      !check_year_amount (edit->year, edit->amount, _("Granted funds cannot be negative."), error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_grant (project_id, year, amount) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (project_id, year) DO UPDATE SET amount = excluded.amount "
                          "WHERE amount != excluded.amount", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  sqlite3_bind_int64 (stmt, 3, edit->amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_clear_grant (SpDatabase  *database,
                gpointer     user_data,
                GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "DELETE FROM project_grant WHERE project_id = ?1 AND year = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int (stmt, 2, edit->year);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_cofunding (SpDatabase  *database,
                  gpointer     user_data,
                  GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error) ||
      !check_member_exists (database, edit->member_id, _("The member no longer exists."), error) ||
      !check_year_amount (edit->year, edit->amount, _("Co-funding cannot be negative."), error))
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_cofunding (project_id, member_id, year, in_kind, amount) "
                          "VALUES (?1, ?2, ?3, ?4, ?5) "
                          "ON CONFLICT (project_id, member_id, year, in_kind) "
                          "DO UPDATE SET amount = excluded.amount WHERE amount != excluded.amount", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->member_id);
  sqlite3_bind_int (stmt, 3, edit->year);
  sqlite3_bind_int (stmt, 4, edit->flag ? 1 : 0);
  sqlite3_bind_int64 (stmt, 5, edit->amount);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_clear_cofunding (SpDatabase  *database,
                    gpointer     user_data,
                    GError     **error)
{
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error))
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "DELETE FROM project_cofunding WHERE project_id = ?1 AND member_id = ?2 "
                          "AND year = ?3 AND in_kind = ?4", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_int64 (stmt, 2, edit->member_id);
  sqlite3_bind_int (stmt, 3, edit->year);
  sqlite3_bind_int (stmt, 4, edit->flag ? 1 : 0);
  return sp_edit_step_done (database, stmt, error);
}

static gboolean
do_set_participants (SpDatabase  *database,
                     gpointer     user_data,
                     GError     **error)
{
  ProjectEdit *edit = user_data;
  const SpProjectParticipantsData *p = edit->participants;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error) ||
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
  ProjectEdit *edit = user_data;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error))
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

static gboolean
do_set_target_groups (SpDatabase  *database,
                      gpointer     user_data,
                      GError     **error)
{
  ProjectEdit *edit = user_data;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) current = NULL;
  sqlite3_stmt *stmt;

  if (!check_project_exists (database, edit->id, error))
    return FALSE;
  for (guint i = 0; i < edit->n_ids; i++)
    {
      gboolean found = FALSE;

      if (!count_positive (database, "SELECT count(*) FROM target_group WHERE id = ?1",
                           edit->ids[i], &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                               _("A chosen target group no longer exists."));
          return FALSE;
        }
      g_hash_table_add (wanted, (gpointer) &edit->ids[i]);
    }

  /* Only the rows that change are written, so the kept rows keep their ids. */
  current = sp_project_get_target_groups (database, edit->id, error);
  if (current == NULL)
    return FALSE;
  stmt = sp_edit_prepare (database,
                          "DELETE FROM project_target_group WHERE project_id = ?1 AND target_group_id = ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      gint64 target_group = g_array_index (current, gint64, i);

      if (g_hash_table_contains (wanted, &target_group))
        {
          g_hash_table_remove (wanted, &target_group);
          continue;
        }
      sqlite3_bind_int64 (stmt, 1, edit->id);
      sqlite3_bind_int64 (stmt, 2, target_group);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }

  stmt = sp_edit_prepare (database,
                          "INSERT INTO project_target_group (project_id, target_group_id) VALUES (?1, ?2)",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < edit->n_ids; i++)
    {
      /* Given twice: inserted once. */
      if (!g_hash_table_remove (wanted, &edit->ids[i]))
        continue;
      sqlite3_bind_int64 (stmt, 1, edit->id);
      sqlite3_bind_int64 (stmt, 2, edit->ids[i]);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static SpRecordList *
list_for_project (SpDatabase          *database,
                  GType                type,
                  const char * const  *tables,
                  SpRecordLoadFunc     load,
                  gint64               project_id)
{
  gint64 *id = g_new (gint64, 1);

  *id = project_id;
  return sp_record_list_new (database, type, tables, load, id, g_free);
}

static void
sp_project_finalize (GObject *object)
{
  SpProject *self = SP_PROJECT (object);

  g_free (self->name);
  g_free (self->short_name);
  g_free (self->description);
  g_free (self->owner_name);
  g_free (self->contact);
  g_free (self->area_name);
  g_free (self->start_date);
  g_free (self->end_date);
  g_free (self->results);
  g_free (self->external_assessor);
  g_free (self->report_date);
  g_free (self->evaluation);
  g_free (self->search_text);
  g_free (self->name_key);
  g_free (self->owner_key);

  G_OBJECT_CLASS (sp_project_parent_class)->finalize (object);
}

static void
sp_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SpProject *self = SP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;
    case PROP_OWNER_NAME:
      g_value_set_string (value, self->owner_name);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_AREA_ID:
      g_value_set_int64 (value, self->area_id);
      break;
    case PROP_AREA_NAME:
      g_value_set_string (value, self->area_name);
      break;
    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;
    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;
    case PROP_PLANNED_PARTICIPANTS:
      g_value_set_int64 (value, self->planned_participants);
      break;
    case PROP_RESULTS:
      g_value_set_string (value, self->results);
      break;
    case PROP_SELF_EVALUATION_DONE:
      g_value_set_boolean (value, self->self_evaluation_done);
      break;
    case PROP_EXTERNAL_ASSESSOR:
      g_value_set_string (value, self->external_assessor);
      break;
    case PROP_REPORT_DATE:
      g_value_set_string (value, self->report_date);
      break;
    case PROP_EVALUATION:
      g_value_set_string (value, self->evaluation);
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    case PROP_TOTAL_GRANTED:
      g_value_set_int64 (value, self->total_granted);
      break;
    case PROP_N_DECISIONS:
      g_value_set_uint (value, self->n_decisions);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SpProject *self = SP_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      set_string_field (object, &self->name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      g_clear_pointer (&self->name_key, g_free);
      break;
    case PROP_SHORT_NAME:
      set_string_field (object, &self->short_name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      break;
    case PROP_KIND:
      SET_FIELD (self->kind, (SpProjectKind) g_value_get_enum (value));
      break;
    case PROP_DESCRIPTION:
      set_string_field (object, &self->description, value, pspec);
      break;
    case PROP_OWNER_ID:
      SET_FIELD (self->owner_id, g_value_get_int64 (value));
      break;
    case PROP_OWNER_NAME:
      set_string_field (object, &self->owner_name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      g_clear_pointer (&self->owner_key, g_free);
      break;
    case PROP_CONTACT:
      set_string_field (object, &self->contact, value, pspec);
      break;
    case PROP_AREA_ID:
      SET_FIELD (self->area_id, g_value_get_int64 (value));
      break;
    case PROP_AREA_NAME:
      set_string_field (object, &self->area_name, value, pspec);
      break;
    case PROP_PRIORITY:
      SET_FIELD (self->priority, g_value_get_int (value));
      break;
    case PROP_STATUS:
      SET_FIELD (self->status, (SpProjectStatus) g_value_get_enum (value));
      break;
    case PROP_START_DATE:
      set_string_field (object, &self->start_date, value, pspec);
      break;
    case PROP_END_DATE:
      set_string_field (object, &self->end_date, value, pspec);
      break;
    case PROP_PLANNED_PARTICIPANTS:
      SET_FIELD (self->planned_participants, g_value_get_int64 (value));
      break;
    case PROP_RESULTS:
      set_string_field (object, &self->results, value, pspec);
      break;
    case PROP_SELF_EVALUATION_DONE:
      SET_FIELD (self->self_evaluation_done, g_value_get_boolean (value));
      break;
    case PROP_EXTERNAL_ASSESSOR:
      set_string_field (object, &self->external_assessor, value, pspec);
      break;
    case PROP_REPORT_DATE:
      set_string_field (object, &self->report_date, value, pspec);
      break;
    case PROP_EVALUATION:
      set_string_field (object, &self->evaluation, value, pspec);
      break;
    case PROP_ARCHIVED:
      SET_FIELD (self->archived, g_value_get_boolean (value));
      break;
    case PROP_TOTAL_GRANTED:
      SET_FIELD (self->total_granted, g_value_get_int64 (value));
      break;
    case PROP_N_DECISIONS:
      SET_FIELD (self->n_decisions, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_class_init (SpProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_project_finalize;
  object_class->get_property = sp_project_get_property;
  object_class->set_property = sp_project_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SHORT_NAME] = g_param_spec_string ("short-name", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, SP_TYPE_PROJECT_KIND,
                                             SP_PROJECT_KIND_PROJECT, flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  /* 0: no owner */
  properties[PROP_OWNER_ID] = g_param_spec_int64 ("owner-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* "" without an owner */
  properties[PROP_OWNER_NAME] = g_param_spec_string ("owner-name", NULL, NULL, "", flags);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, "", flags);
  properties[PROP_AREA_ID] = g_param_spec_int64 ("area-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AREA_NAME] = g_param_spec_string ("area-name", NULL, NULL, "", flags);
  properties[PROP_PRIORITY] = g_param_spec_int ("priority", NULL, NULL, 0, SP_PROJECT_PRIORITY_MAX, 0, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, SP_TYPE_PROJECT_STATUS,
                                               SP_PROJECT_STATUS_APPLICATION, flags);
  /* YYYY-MM-DD, or NULL when not set */
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, flags);
  /* -1: not set */
  properties[PROP_PLANNED_PARTICIPANTS] = g_param_spec_int64 ("planned-participants", NULL, NULL,
                                                              -1, G_MAXINT64, -1, flags);
  properties[PROP_RESULTS] = g_param_spec_string ("results", NULL, NULL, "", flags);
  properties[PROP_SELF_EVALUATION_DONE] = g_param_spec_boolean ("self-evaluation-done", NULL, NULL,
                                                                FALSE, flags);
  properties[PROP_EXTERNAL_ASSESSOR] = g_param_spec_string ("external-assessor", NULL, NULL, "", flags);
  properties[PROP_REPORT_DATE] = g_param_spec_string ("report-date", NULL, NULL, NULL, flags);
  properties[PROP_EVALUATION] = g_param_spec_string ("evaluation", NULL, NULL, "", flags);
  properties[PROP_ARCHIVED] = g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  /* The granted funds of all years, in öre */
  properties[PROP_TOTAL_GRANTED] = g_param_spec_int64 ("total-granted", NULL, NULL,
                                                       0, G_MAXINT64, 0, flags);
  /* With board decisions a project is archived rather than deleted. */
  properties[PROP_N_DECISIONS] = g_param_spec_uint ("n-decisions", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_project_init (SpProject *self)
{
  self->name = g_strdup ("");
  self->short_name = g_strdup ("");
  self->description = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->contact = g_strdup ("");
  self->area_name = g_strdup ("");
  self->results = g_strdup ("");
  self->external_assessor = g_strdup ("");
  self->evaluation = g_strdup ("");
  self->planned_participants = -1;
}

static void
sp_project_decision_finalize (GObject *object)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  g_free (self->date);
  g_free (self->paragraph);
  g_free (self->text);

  G_OBJECT_CLASS (sp_project_decision_parent_class)->finalize (object);
}

static void
sp_project_decision_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  switch (prop_id)
    {
    case DECISION_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case DECISION_PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case DECISION_PROP_PARAGRAPH:
      g_value_set_string (value, self->paragraph);
      break;
    case DECISION_PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case DECISION_PROP_CHANGES_STATUS:
      g_value_set_boolean (value, self->changes_status);
      break;
    case DECISION_PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_decision_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpProjectDecision *self = SP_PROJECT_DECISION (object);

  switch (prop_id)
    {
    case DECISION_PROP_PROJECT_ID:
      SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case DECISION_PROP_DATE:
      set_string_field (object, &self->date, value, pspec);
      break;
    case DECISION_PROP_PARAGRAPH:
      set_string_field (object, &self->paragraph, value, pspec);
      break;
    case DECISION_PROP_TEXT:
      set_string_field (object, &self->text, value, pspec);
      break;
    case DECISION_PROP_CHANGES_STATUS:
      SET_FIELD (self->changes_status, g_value_get_boolean (value));
      break;
    case DECISION_PROP_STATUS:
      SET_FIELD (self->status, (SpProjectStatus) g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_decision_class_init (SpProjectDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_project_decision_finalize;
  object_class->get_property = sp_project_decision_get_property;
  object_class->set_property = sp_project_decision_set_property;

  decision_properties[DECISION_PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  decision_properties[DECISION_PROP_DATE] = g_param_spec_string ("date", NULL, NULL, "", flags);
  decision_properties[DECISION_PROP_PARAGRAPH] = g_param_spec_string ("paragraph", NULL, NULL, "", flags);
  decision_properties[DECISION_PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "", flags);
  /* Whether this decision moved the project in the workflow, to "status" */
  decision_properties[DECISION_PROP_CHANGES_STATUS] =
    g_param_spec_boolean ("changes-status", NULL, NULL, FALSE, flags);
  decision_properties[DECISION_PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, SP_TYPE_PROJECT_STATUS, SP_PROJECT_STATUS_APPLICATION, flags);
  g_object_class_install_properties (object_class, DECISION_N_PROPS, decision_properties);
}

static void
sp_project_decision_init (SpProjectDecision *self)
{
  self->date = g_strdup ("");
  self->paragraph = g_strdup ("");
  self->text = g_strdup ("");
}

static void
sp_project_grant_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpProjectGrant *self = SP_PROJECT_GRANT (object);

  switch (prop_id)
    {
    case GRANT_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case GRANT_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case GRANT_PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_grant_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpProjectGrant *self = SP_PROJECT_GRANT (object);

  switch (prop_id)
    {
    case GRANT_PROP_PROJECT_ID:
      SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case GRANT_PROP_YEAR:
      SET_FIELD (self->year, g_value_get_int (value));
      break;
    case GRANT_PROP_AMOUNT:
      SET_FIELD (self->amount, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_grant_class_init (SpProjectGrantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = sp_project_grant_get_property;
  object_class->set_property = sp_project_grant_set_property;

  grant_properties[GRANT_PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  grant_properties[GRANT_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  grant_properties[GRANT_PROP_AMOUNT] = g_param_spec_int64 ("amount", NULL, NULL, 0, SP_MONEY_MAX, 0, flags);
  g_object_class_install_properties (object_class, GRANT_N_PROPS, grant_properties);
}

static void
sp_project_grant_init (SpProjectGrant *self)
{
}

static void
sp_project_cofunding_finalize (GObject *object)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  g_free (self->member_name);

  G_OBJECT_CLASS (sp_project_cofunding_parent_class)->finalize (object);
}

static void
sp_project_cofunding_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  switch (prop_id)
    {
    case COFUNDING_PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;
    case COFUNDING_PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case COFUNDING_PROP_MEMBER_NAME:
      g_value_set_string (value, self->member_name);
      break;
    case COFUNDING_PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case COFUNDING_PROP_AMOUNT:
      g_value_set_int64 (value, self->amount);
      break;
    case COFUNDING_PROP_IN_KIND:
      g_value_set_boolean (value, self->in_kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_cofunding_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SpProjectCofunding *self = SP_PROJECT_COFUNDING (object);

  switch (prop_id)
    {
    case COFUNDING_PROP_PROJECT_ID:
      SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_MEMBER_ID:
      SET_FIELD (self->member_id, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_MEMBER_NAME:
      set_string_field (object, &self->member_name, value, pspec);
      break;
    case COFUNDING_PROP_YEAR:
      SET_FIELD (self->year, g_value_get_int (value));
      break;
    case COFUNDING_PROP_AMOUNT:
      SET_FIELD (self->amount, g_value_get_int64 (value));
      break;
    case COFUNDING_PROP_IN_KIND:
      SET_FIELD (self->in_kind, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_cofunding_class_init (SpProjectCofundingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sp_project_cofunding_finalize;
  object_class->get_property = sp_project_cofunding_get_property;
  object_class->set_property = sp_project_cofunding_set_property;

  cofunding_properties[COFUNDING_PROP_PROJECT_ID] =
    g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  cofunding_properties[COFUNDING_PROP_MEMBER_ID] =
    g_param_spec_int64 ("member-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  cofunding_properties[COFUNDING_PROP_MEMBER_NAME] =
    g_param_spec_string ("member-name", NULL, NULL, "", flags);
  cofunding_properties[COFUNDING_PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, SP_YEAR_MAX, 0, flags);
  cofunding_properties[COFUNDING_PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, 0, SP_MONEY_MAX, 0, flags);
  /* In kind (work, premises) rather than money */
  cofunding_properties[COFUNDING_PROP_IN_KIND] = g_param_spec_boolean ("in-kind", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, COFUNDING_N_PROPS, cofunding_properties);
}

static void
sp_project_cofunding_init (SpProjectCofunding *self)
{
  self->member_name = g_strdup ("");
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
      SET_FIELD (*count, g_value_get_int (value));
      return;
    }
  switch (prop_id)
    {
    case PARTICIPANTS_PROP_PROJECT_ID:
      SET_FIELD (self->project_id, g_value_get_int64 (value));
      break;
    case PARTICIPANTS_PROP_YEAR:
      SET_FIELD (self->year, g_value_get_int (value));
      break;
    case PARTICIPANTS_PROP_PLANNED:
      SET_FIELD (self->planned, g_value_get_boolean (value));
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

const char *
sp_project_get_name (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->name;
}

const char *
sp_project_get_short_name (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->short_name;
}

SpProjectKind
sp_project_get_kind (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), SP_PROJECT_KIND_PROJECT);
  return self->kind;
}

const char *
sp_project_get_description (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->description;
}

/* Returns: the owning member's id, or 0 */
gint64
sp_project_get_owner_id (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->owner_id;
}

/* Returns: the owning member's name, or "" */
const char *
sp_project_get_owner_name (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->owner_name;
}

/**
 * sp_project_get_search_text:
 *
 * The name, short name and owner's name, each folded by sp_edit_fold() and
 * separated by a newline, for a search that folds its needle the same way.
 *
 * Returns: (transfer none): the text, kept until one of them changes
 */
const char *
sp_project_get_search_text (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if (self->search_text == NULL)
    {
      g_autofree char *joined = g_strjoin ("\n", self->name != NULL ? self->name : "",
                                           self->short_name != NULL ? self->short_name : "",
                                           self->owner_name != NULL ? self->owner_name : "", NULL);

      self->search_text = sp_edit_fold (joined);
    }
  return self->search_text;
}

static const char *
cached_collate_key (char       **key,
                    const char  *text)
{
  if (*key == NULL)
    *key = g_utf8_collate_key (text != NULL ? text : "", -1);
  return *key;
}

/**
 * sp_project_get_name_key:
 *
 * The name's collation key (g_utf8_collate_key()): strcmp() of two keys
 * orders the names as g_utf8_collate() would.
 *
 * Returns: (transfer none): the key, kept until the name changes
 */
const char *
sp_project_get_name_key (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return cached_collate_key (&self->name_key, self->name);
}

/* The owner's name's collation key; see sp_project_get_name_key(). */
const char *
sp_project_get_owner_key (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return cached_collate_key (&self->owner_key, self->owner_name);
}

const char *
sp_project_get_contact (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->contact;
}

/* Returns: the activity area's id, or 0 */
gint64
sp_project_get_area_id (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->area_id;
}

/* Returns: the activity area's name, or "" */
const char *
sp_project_get_area_name (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->area_name;
}

/* Returns: 1…3, or 0 when not set */
int
sp_project_get_priority (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->priority;
}

SpProjectStatus
sp_project_get_status (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), SP_PROJECT_STATUS_APPLICATION);
  return self->status;
}

/* Returns: (nullable): YYYY-MM-DD, or %NULL when not set */
const char *
sp_project_get_start_date (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->start_date;
}

/* Returns: (nullable): YYYY-MM-DD, or %NULL when not set */
const char *
sp_project_get_end_date (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->end_date;
}

/* Returns: the planned number of participants, or -1 when not set */
gint64
sp_project_get_planned_participants (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), -1);
  return self->planned_participants;
}

const char *
sp_project_get_results (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->results;
}

gboolean
sp_project_get_self_evaluation_done (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->self_evaluation_done;
}

const char *
sp_project_get_external_assessor (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->external_assessor;
}

/* Returns: (nullable): YYYY-MM-DD, or %NULL when not set */
const char *
sp_project_get_report_date (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->report_date;
}

const char *
sp_project_get_evaluation (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->evaluation;
}

gboolean
sp_project_get_archived (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->archived;
}

/* Returns: the granted funds of all years together */
SpMoney
sp_project_get_total_granted (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->total_granted;
}

/* Returns: how many board decisions the project has; with any, deleting it archives it */
guint
sp_project_get_n_decisions (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), 0);
  return self->n_decisions;
}

/* Fills @data from @self; the strings stay owned by @self. */
void
sp_project_get_data (SpProject     *self,
                     SpProjectData *data)
{
  g_return_if_fail (SP_IS_PROJECT (self));

  data->name = self->name;
  data->short_name = self->short_name;
  data->kind = self->kind;
  data->description = self->description;
  data->owner_id = self->owner_id;
  data->contact = self->contact;
  data->area_id = self->area_id;
  data->priority = self->priority;
  data->start_date = self->start_date;
  data->end_date = self->end_date;
  data->planned_participants = self->planned_participants;
  data->results = self->results;
  data->self_evaluation_done = self->self_evaluation_done;
  data->external_assessor = self->external_assessor;
  data->report_date = self->report_date;
  data->evaluation = self->evaluation;
}

gint64
sp_project_decision_get_project_id (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), 0);
  return self->project_id;
}

const char *
sp_project_decision_get_date (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->date;
}

/* Returns: the paragraph of the minutes, "§ 12", or "" */
const char *
sp_project_decision_get_paragraph (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->paragraph;
}

const char *
sp_project_decision_get_text (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), NULL);
  return self->text;
}

/* Whether the decision was a step of the workflow (to get_status()). */
gboolean
sp_project_decision_get_changes_status (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), FALSE);
  return self->changes_status;
}

/* Returns: the status the decision set; meaningful only when it changes the status */
SpProjectStatus
sp_project_decision_get_status (SpProjectDecision *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_DECISION (self), SP_PROJECT_STATUS_APPLICATION);
  return self->status;
}

gint64
sp_project_grant_get_project_id (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->project_id;
}

int
sp_project_grant_get_year (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->year;
}

SpMoney
sp_project_grant_get_amount (SpProjectGrant *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_GRANT (self), 0);
  return self->amount;
}

gint64
sp_project_cofunding_get_project_id (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->project_id;
}

gint64
sp_project_cofunding_get_member_id (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->member_id;
}

const char *
sp_project_cofunding_get_member_name (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), NULL);
  return self->member_name;
}

int
sp_project_cofunding_get_year (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->year;
}

SpMoney
sp_project_cofunding_get_amount (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), 0);
  return self->amount;
}

gboolean
sp_project_cofunding_get_in_kind (SpProjectCofunding *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_COFUNDING (self), FALSE);
  return self->in_kind;
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
 * sp_project_list_new:
 *
 * Every project and initiative of every year, archived ones too (see the
 * "archived" property), ordered by start date (those without one last), then
 * name. It follows the projects, their decisions and grants, and the owners'
 * and areas' names; for figures of a year see sp_project_get_year_figures(),
 * and SpDatabase::changed to know when to ask again.
 *
 * Returns: (transfer full): a list of #SpProject
 */
SpRecordList *
sp_project_list_new (SpDatabase *database)
{
  return sp_record_list_new (database, SP_TYPE_PROJECT, project_tables, load_projects, NULL, NULL);
}

/**
 * sp_project_load:
 *
 * Returns: (transfer full) (nullable): the project @id as it is now
 */
SpProject *
sp_project_load (SpDatabase  *database,
                 gint64       id,
                 GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT " PROJECT_COLUMNS " WHERE p.id = ?1", error);
  SpProject *project = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    project = SP_PROJECT (project_from_row (stmt));
  sqlite3_reset (stmt);
  if (project == NULL)
    g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
  return project;
}

/**
 * sp_project_add:
 *
 * Adds a project as an application, as one undoable edit. Names may repeat:
 * a project may be applied for again in a later year under the same name.
 *
 * Returns: the new project's id, or 0 with @error set
 */
gint64
sp_project_add (SpDatabase           *database,
                const SpProjectData  *data,
                GError              **error)
{
  ProjectEdit edit = { .data = data };

  g_return_val_if_fail (data != NULL, 0);

  if (!sp_edit_run (database, _("Add project"), do_add, &edit, error))
    return 0;
  return edit.new_id;
}

/* Changes everything of a project but its status, archived flag and rows per year. */
gboolean
sp_project_update (SpDatabase           *database,
                   gint64                id,
                   const SpProjectData  *data,
                   GError              **error)
{
  ProjectEdit edit = { .id = id, .data = data };

  g_return_val_if_fail (data != NULL, FALSE);
  return sp_edit_run (database, _("Change project"), do_update, &edit, error);
}

/**
 * sp_project_delete:
 * @archived: (out) (optional): set to %TRUE when the project was archived
 *   rather than deleted
 *
 * Deletes a project without board decisions, with its target groups, grants,
 * co-funding, participants and goals. A project with board decisions is part
 * of the record: it is archived instead (and @archived tells the caller so).
 * An archived project with decisions cannot be deleted (%SP_ERROR_IN_USE).
 * Either way one undoable edit.
 */
gboolean
sp_project_delete (SpDatabase  *database,
                   gint64       id,
                   gboolean    *archived,
                   GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = TRUE };
  gboolean is_archived = FALSE;
  guint n_decisions = 0;

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);

  if (archived != NULL)
    *archived = FALSE;
  if (!read_project_state (database, id, NULL, &is_archived, &n_decisions, error))
    return FALSE;
  if (n_decisions == 0)
    return sp_edit_run (database, _("Delete project"), do_delete, &edit, error);

  if (is_archived)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_IN_USE,
                           _("The project has board decisions and is kept in the archive. It cannot be deleted."));
      return FALSE;
    }
  if (!sp_edit_run (database, _("Archive project"), do_set_archived, &edit, error))
    return FALSE;
  if (archived != NULL)
    *archived = TRUE;
  return TRUE;
}

/* Archives a project, with or without board decisions. */
gboolean
sp_project_archive (SpDatabase  *database,
                    gint64       id,
                    GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = TRUE };

  return sp_edit_run (database, _("Archive project"), do_set_archived, &edit, error);
}

/* Takes a project back from the archive into the portfolio. */
gboolean
sp_project_unarchive (SpDatabase  *database,
                      gint64       id,
                      GError     **error)
{
  ProjectEdit edit = { .id = id, .flag = FALSE };

  return sp_edit_run (database, _("Restore project from archive"), do_set_archived, &edit, error);
}

/**
 * sp_project_change_status:
 * @status: the status to move to; sp_project_status_can_change() must allow it
 * @decision: the board decision that does it
 *
 * One step of the workflow, as one undoable edit: records @decision (with
 * the status it sets) and sets the project's status. A step the workflow
 * does not allow is refused with a message that says why.
 */
gboolean
sp_project_change_status (SpDatabase                   *database,
                          gint64                        id,
                          SpProjectStatus               status,
                          const SpProjectDecisionData  *decision,
                          GError                      **error)
{
  ProjectEdit edit = { .id = id, .status = status, .decision = decision };
  const char *label;

  switch (status)
    {
    case SP_PROJECT_STATUS_GRANTED:
      label = _("Grant application");
      break;
    case SP_PROJECT_STATUS_REJECTED:
      label = _("Reject application");
      break;
    case SP_PROJECT_STATUS_ONGOING:
      label = _("Start project");
      break;
    case SP_PROJECT_STATUS_FINISHED:
      label = _("Finish project");
      break;
    case SP_PROJECT_STATUS_IMPLEMENTED:
      label = _("Implement project");
      break;
    case SP_PROJECT_STATUS_APPLICATION:
    default:
      label = _("Change project status");
      break;
    }
  return sp_edit_run (database, label, do_change_status, &edit, error);
}

/* The board grants (@granted) or rejects an application. */
gboolean
sp_project_decide (SpDatabase                   *database,
                   gint64                        id,
                   gboolean                      granted,
                   const SpProjectDecisionData  *decision,
                   GError                      **error)
{
  return sp_project_change_status (database, id,
                                   granted ? SP_PROJECT_STATUS_GRANTED : SP_PROJECT_STATUS_REJECTED,
                                   decision, error);
}

/* A granted project starts: ongoing. */
gboolean
sp_project_start (SpDatabase                   *database,
                  gint64                        id,
                  const SpProjectDecisionData  *decision,
                  GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_ONGOING, decision, error);
}

/* An ongoing project ends: finished. */
gboolean
sp_project_finish (SpDatabase                   *database,
                   gint64                        id,
                   const SpProjectDecisionData  *decision,
                   GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_FINISHED, decision, error);
}

/* A finished project's work goes into regular operations: implemented. */
gboolean
sp_project_implement (SpDatabase                   *database,
                      gint64                        id,
                      const SpProjectDecisionData  *decision,
                      GError                      **error)
{
  return sp_project_change_status (database, id, SP_PROJECT_STATUS_IMPLEMENTED, decision, error);
}

/**
 * sp_project_decision_list_new:
 *
 * Returns: (transfer full): the board decisions on the project, by date
 */
SpRecordList *
sp_project_decision_list_new (SpDatabase *database,
                              gint64      project_id)
{
  return list_for_project (database, SP_TYPE_PROJECT_DECISION, decision_tables, load_decisions, project_id);
}

/**
 * sp_project_add_decision:
 *
 * Records a board decision that does not change the status (an extension,
 * more funds), as one undoable edit.
 *
 * Returns: the decision's id, or 0 with @error set
 */
gint64
sp_project_add_decision (SpDatabase                   *database,
                         gint64                        project_id,
                         const SpProjectDecisionData  *decision,
                         GError                      **error)
{
  ProjectEdit edit = { .id = project_id, .decision = decision };

  if (!sp_edit_run (database, _("Add board decision"), do_add_decision, &edit, error))
    return 0;
  return edit.new_id;
}

/* Changes a decision's date, paragraph and text; never the status it set. */
gboolean
sp_project_update_decision (SpDatabase                   *database,
                            gint64                        decision_id,
                            const SpProjectDecisionData  *decision,
                            GError                      **error)
{
  ProjectEdit edit = { .id = decision_id, .decision = decision };

  return sp_edit_run (database, _("Change board decision"), do_update_decision, &edit, error);
}

/**
 * sp_project_delete_decision:
 *
 * Deletes a board decision. A decision that changed the status may be
 * deleted only when it is the latest such decision of the project; the
 * project then goes back to the status it had before it.
 */
gboolean
sp_project_delete_decision (SpDatabase  *database,
                            gint64       decision_id,
                            GError     **error)
{
  ProjectEdit edit = { .id = decision_id };

  return sp_edit_run (database, _("Delete board decision"), do_delete_decision, &edit, error);
}

/**
 * sp_project_grant_list_new:
 *
 * Returns: (transfer full): the project's granted funds, one #SpProjectGrant a year
 */
SpRecordList *
sp_project_grant_list_new (SpDatabase *database,
                           gint64      project_id)
{
  return list_for_project (database, SP_TYPE_PROJECT_GRANT, grant_tables, load_grants, project_id);
}

/* Sets the funds granted to a project for @year (0 … SP_MONEY_MAX), as one edit. */
gboolean
sp_project_set_grant (SpDatabase  *database,
                      gint64       project_id,
                      int          year,
                      SpMoney      amount,
                      GError     **error)
{
  ProjectEdit edit = { .id = project_id, .year = year, .amount = amount };

  return sp_edit_run (database, _("Set granted funds"), do_set_grant, &edit, error);
}

/* Removes the project's granted funds of @year: "not set", not 0. */
gboolean
sp_project_clear_grant (SpDatabase  *database,
                        gint64       project_id,
                        int          year,
                        GError     **error)
{
  ProjectEdit edit = { .id = project_id, .year = year };

  return sp_edit_run (database, _("Remove granted funds"), do_clear_grant, &edit, error);
}

/**
 * sp_project_get_granted:
 * @out_amount: (out): the granted funds, 0 when none
 * @out_is_set: (out) (optional): whether funds are granted for @year at all
 *
 * Returns: %FALSE on a failure to read
 */
gboolean
sp_project_get_granted (SpDatabase  *database,
                        gint64       project_id,
                        int          year,
                        SpMoney     *out_amount,
                        gboolean    *out_is_set,
                        GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean is_set = FALSE;
  int rc;

  stmt = sp_edit_prepare (database, "SELECT amount FROM project_grant WHERE project_id = ?1 AND year = ?2",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, year);
  *out_amount = 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      is_set = TRUE;
      *out_amount = sqlite3_column_int64 (stmt, 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sp_database_set_sqlite_error (database, rc, error);
  if (out_is_set != NULL)
    *out_is_set = is_set;
  return TRUE;
}

/**
 * sp_project_cofunding_list_new:
 *
 * Returns: (transfer full): the project's co-funding, by year and member
 */
SpRecordList *
sp_project_cofunding_list_new (SpDatabase *database,
                               gint64      project_id)
{
  return list_for_project (database, SP_TYPE_PROJECT_COFUNDING, cofunding_tables, load_cofunding, project_id);
}

/**
 * sp_project_set_cofunding:
 * @in_kind: in kind (work, premises) rather than money; a member may give both
 *
 * Sets a member's co-funding of the project for @year, as one edit.
 */
gboolean
sp_project_set_cofunding (SpDatabase  *database,
                          gint64       project_id,
                          gint64       member_id,
                          int          year,
                          gboolean     in_kind,
                          SpMoney      amount,
                          GError     **error)
{
  ProjectEdit edit = {
    .id = project_id, .member_id = member_id, .year = year, .flag = in_kind, .amount = amount
  };

  return sp_edit_run (database, _("Set co-funding"), do_set_cofunding, &edit, error);
}

gboolean
sp_project_clear_cofunding (SpDatabase  *database,
                            gint64       project_id,
                            gint64       member_id,
                            int          year,
                            gboolean     in_kind,
                            GError     **error)
{
  ProjectEdit edit = { .id = project_id, .member_id = member_id, .year = year, .flag = in_kind };

  return sp_edit_run (database, _("Remove co-funding"), do_clear_cofunding, &edit, error);
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
  return list_for_project (database, SP_TYPE_PROJECT_PARTICIPANTS, participants_tables,
                           load_participants, project_id);
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
  ProjectEdit edit = { .id = project_id, .year = year, .flag = planned, .participants = data };

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
  ProjectEdit edit = { .id = project_id, .year = year, .flag = planned };

  return sp_edit_run (database, _("Remove participants"), do_clear_participants, &edit, error);
}

/**
 * sp_project_get_target_groups:
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids of the
 *   project's target groups, by year and the plan's order
 */
GArray *
sp_project_get_target_groups (SpDatabase  *database,
                              gint64       project_id,
                              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT t.id FROM project_target_group pt "
                          "JOIN target_group t ON t.id = pt.target_group_id "
                          "WHERE pt.project_id = ?1 ORDER BY t.year, t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, project_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/**
 * sp_project_set_target_groups:
 * @target_group_ids: (array length=n_ids): the project's target groups, all of them
 *
 * Makes these the project's target groups, as one edit.
 */
gboolean
sp_project_set_target_groups (SpDatabase    *database,
                              gint64         project_id,
                              const gint64  *target_group_ids,
                              guint          n_ids,
                              GError       **error)
{
  ProjectEdit edit = { .id = project_id, .ids = target_group_ids, .n_ids = n_ids };

  g_return_val_if_fail (n_ids == 0 || target_group_ids != NULL, FALSE);
  return sp_edit_run (database, _("Set target groups"), do_set_target_groups, &edit, error);
}

/**
 * sp_project_is_active_in:
 * @out_active: (out): whether the project runs in @year
 *
 * A project runs in a year when it has been granted (applications and
 * rejected ones never run) and either has granted funds for that year, or
 * its period covers the year. Without an end date a granted or ongoing
 * project runs on from its start year, and a finished one ran in its start
 * year only; likewise without a start date. An ongoing project without any
 * dates runs in every year.
 */
gboolean
sp_project_is_active_in (SpDatabase  *database,
                         gint64       project_id,
                         int          year,
                         gboolean    *out_active,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = sp_edit_prepare (database,
                          "SELECT status, start_date, end_date, EXISTS (SELECT 1 FROM project_grant g "
                          "WHERE g.project_id = p.id AND g.year = ?2) FROM project p WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;

      found = TRUE;
      sp_project_status_from_string (sp_edit_column_text (stmt, 0), &status);
      *out_active = runs_in (status, (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             sqlite3_column_int (stmt, 3) != 0, year);
    }
  sqlite3_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("The project no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_project_get_year_figures:
 *
 * The portfolio's figures for @year in one query: for every project that
 * runs in @year or has granted funds or participants registered for it, an
 * #SpProjectYearFigures. Projects that have none of these are left out.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the
 *   project's id (gint64 *) to its #SpProjectYearFigures
 */
GHashTable *
sp_project_get_year_figures (SpDatabase  *database,
                             int          year,
                             GError     **error)
{
  g_autoptr(GHashTable) figures = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT p.id, p.status, p.start_date, p.end_date, g.amount, "
                          "a.women, a.men, pl.women, pl.men FROM project p "
                          "LEFT JOIN project_grant g ON g.project_id = p.id AND g.year = ?1 "
                          "LEFT JOIN project_participants a ON a.project_id = p.id AND a.year = ?1 AND a.planned = 0 "
                          "LEFT JOIN project_participants pl ON pl.project_id = p.id AND pl.year = ?1 AND pl.planned = 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;
      SpProjectYearFigures row = { 0 };
      SpProjectYearFigures *copy;

      row.project_id = sqlite3_column_int64 (stmt, 0);
      sp_project_status_from_string (sp_edit_column_text (stmt, 1), &status);
      row.has_grant = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      row.granted = sqlite3_column_int64 (stmt, 4);
      row.has_participants = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      row.women = sqlite3_column_int (stmt, 5);
      row.men = sqlite3_column_int (stmt, 6);
      row.has_planned = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
      row.planned_women = sqlite3_column_int (stmt, 7);
      row.planned_men = sqlite3_column_int (stmt, 8);
      row.active = runs_in (status, (const char *) sqlite3_column_text (stmt, 2),
                            (const char *) sqlite3_column_text (stmt, 3), row.has_grant, year);
      if (!row.active && !row.has_grant && !row.has_participants && !row.has_planned)
        continue;
      copy = g_memdup2 (&row, sizeof row);
      g_hash_table_insert (figures, &copy->project_id, copy);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&figures);
}

/**
 * sp_project_get_year_details:
 * @year: the year of the co-funding
 *
 * The target groups, the co-funding of @year and the chosen board decision
 * of every project, in three queries (instead of three per project). A
 * project without any of them has no entry.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the
 *   project's id (gint64 *) to its #SpProjectYearDetails
 */
GHashTable *
sp_project_get_year_details (SpDatabase  *database,
                             int          year,
                             GError     **error)
{
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                         (GDestroyNotify) year_details_free);
  g_autoptr(GPtrArray) names = NULL;
  SpProjectYearDetails *current = NULL;
  gboolean found_granted = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  /* Target groups, one project after the other. */
  stmt = sp_edit_prepare (database,
                          "SELECT pt.project_id, t.name FROM project_target_group pt "
                          "JOIN target_group t ON t.id = pt.target_group_id "
                          "ORDER BY pt.project_id, t.year, t.position, t.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (current == NULL || current->project_id != id)
        {
          year_details_take_names (current, &names);
          current = year_details_get (details, id);
          names = g_ptr_array_new_with_free_func (g_free);
        }
      g_ptr_array_add (names, g_strdup (sp_edit_column_text (stmt, 1)));
    }
  year_details_take_names (current, &names);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }

  /* Co-funding of the year, in the order of sp_project_cofunding_list_new(). */
  stmt = sp_edit_prepare (database,
                          "SELECT c.project_id, c.member_id, c.amount, c.in_kind "
                          "FROM project_cofunding c JOIN member m ON m.id = c.member_id "
                          "WHERE c.year = ?1 ORDER BY c.project_id, m.position, m.id, c.in_kind", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  current = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpProjectCofundingRow row;

      if (current == NULL || current->project_id != id)
        current = year_details_get (details, id);
      row.member_id = sqlite3_column_int64 (stmt, 1);
      row.amount = sqlite3_column_int64 (stmt, 2);
      row.in_kind = sqlite3_column_int (stmt, 3) != 0;
      g_array_append_val (current->cofunding, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }

  /* The decision that granted the funds (the last such), else the latest. */
  stmt = sp_edit_prepare (database,
                          "SELECT project_id, date, paragraph, status FROM project_decision "
                          "ORDER BY project_id, date, id", error);
  if (stmt == NULL)
    return NULL;
  current = NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpProjectStatus status = SP_PROJECT_STATUS_APPLICATION;
      gboolean granted;

      if (current == NULL || current->project_id != id)
        {
          current = year_details_get (details, id);
          found_granted = FALSE;
        }
      granted = sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
                sp_project_status_from_string (sp_edit_column_text (stmt, 3), &status) &&
                status == SP_PROJECT_STATUS_GRANTED;
      if (granted || !found_granted)
        {
          g_free (current->decision_date);
          current->decision_date = g_strdup (sp_edit_column_text (stmt, 1));
          g_free (current->decision_paragraph);
          current->decision_paragraph = g_strdup (sp_edit_column_text (stmt, 2));
        }
      found_granted |= granted;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&details);
}

/**
 * sp_project_get_granted_total:
 * @out_total: (out): the granted funds of @year of all projects, archived
 *   ones included
 */
gboolean
sp_project_get_granted_total (SpDatabase  *database,
                              int          year,
                              SpMoney     *out_total,
                              GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT coalesce (sum (amount), 0) FROM project_grant WHERE year = ?1",
                                        error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  return sp_edit_query_int64 (database, stmt, out_total, error);
}

/**
 * sp_project_get_granted_by_area:
 *
 * The granted funds of @year per activity area of the projects, to set
 * beside the budget lines of each area. Projects without an area are summed
 * under area 0. Areas without granted funds are left out.
 *
 * Returns: (transfer full) (nullable): a table from a pointer to the area's
 *   id (gint64 *) to its #SpProjectAreaSum
 */
GHashTable *
sp_project_get_granted_by_area (SpDatabase  *database,
                                int          year,
                                GError     **error)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT coalesce (p.area_id, 0), sum (g.amount) FROM project_grant g "
                          "JOIN project p ON p.id = g.project_id WHERE g.year = ?1 GROUP BY 1",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpProjectAreaSum *sum = g_new (SpProjectAreaSum, 1);

      sum->area_id = sqlite3_column_int64 (stmt, 0);
      sum->granted = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (sums, &sum->area_id, sum);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&sums);
}
