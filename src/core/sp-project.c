/* sp-project.c: a project or initiative of the portfolio, across the years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The record as the portfolio list shows it, its kind and status, and how it
 * is read. Adding, changing and archiving projects is in sp-project-edit.c;
 * the status moves only by board decisions (sp-project-decision.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-project.h"
#include "sp-record-loader-private.h"

struct _SpProject
{
  SpRecord         parent_instance;

  char            *name;
  char            *short_name;
  SpProjectKind    kind;
  char            *description;
  gint64           owner_id;
  gboolean         owned_by_association;
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
  PROP_OWNED_BY_ASSOCIATION,
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

/* The portfolio list shows the owner's and the area's names, the total
 * granted and the number of decisions: it follows exactly these tables. (A
 * reload after a change elsewhere would find nothing to tell its views.) */
static const char *project_tables[] = {
  "project", "project_decision", "project_grant", "member", "area", "association", NULL
};

#define PROJECT_COLUMNS \
  "p.id, p.name, p.short_name, p.kind, p.description, p.owner_id, m.name, p.contact, " \
  "p.area_id, a.name, p.priority, p.status, p.start_date, p.end_date, " \
  "p.planned_participants, p.results, p.self_evaluation_done, p.external_assessor, " \
  "p.report_date, p.evaluation, p.archived, " \
  "(SELECT coalesce (sum (g.amount), 0) FROM project_grant g WHERE g.project_id = p.id), " \
  "(SELECT count(*) FROM project_decision d WHERE d.project_id = p.id), " \
  "p.owned_by_association, (SELECT name FROM association WHERE id = 1) " \
  "FROM project p LEFT JOIN member m ON m.id = p.owner_id LEFT JOIN area a ON a.id = p.area_id"

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
  self->start_date = sp_record_column_dup (stmt, 12);
  self->end_date = sp_record_column_dup (stmt, 13);
  self->planned_participants = sqlite3_column_type (stmt, 14) == SQLITE_NULL
                               ? -1 : sqlite3_column_int64 (stmt, 14);
  g_free (self->results);
  self->results = g_strdup (sp_edit_column_text (stmt, 15));
  self->self_evaluation_done = sqlite3_column_int (stmt, 16) != 0;
  g_free (self->external_assessor);
  self->external_assessor = g_strdup (sp_edit_column_text (stmt, 17));
  self->report_date = sp_record_column_dup (stmt, 18);
  g_free (self->evaluation);
  self->evaluation = g_strdup (sp_edit_column_text (stmt, 19));
  self->archived = sqlite3_column_int (stmt, 20) != 0;
  self->total_granted = sqlite3_column_int64 (stmt, 21);
  self->n_decisions = (guint) sqlite3_column_int64 (stmt, 22);
  /* The förbund's own project shows the förbund's name as its owner. */
  self->owned_by_association = sqlite3_column_int (stmt, 23) != 0;
  if (self->owned_by_association)
    {
      const char *association = sp_edit_column_text (stmt, 24);

      g_free (self->owner_name);
      self->owner_name = g_strdup (association[0] != '\0' ? association : _("The association"));
    }
  return SP_RECORD (self);
}

static const char *
cached_collate_key (char       **key,
                    const char  *text)
{
  if (*key == NULL)
    *key = g_utf8_collate_key (text != NULL ? text : "", -1);
  return *key;
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
    case PROP_OWNED_BY_ASSOCIATION:
      g_value_set_boolean (value, self->owned_by_association);
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
      sp_record_set_string_field (object, &self->name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      g_clear_pointer (&self->name_key, g_free);
      break;
    case PROP_SHORT_NAME:
      sp_record_set_string_field (object, &self->short_name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      break;
    case PROP_KIND:
      SP_RECORD_SET_FIELD (self->kind, (SpProjectKind) g_value_get_enum (value));
      break;
    case PROP_DESCRIPTION:
      sp_record_set_string_field (object, &self->description, value, pspec);
      break;
    case PROP_OWNER_ID:
      SP_RECORD_SET_FIELD (self->owner_id, g_value_get_int64 (value));
      break;
    case PROP_OWNED_BY_ASSOCIATION:
      SP_RECORD_SET_FIELD (self->owned_by_association, g_value_get_boolean (value));
      break;
    case PROP_OWNER_NAME:
      sp_record_set_string_field (object, &self->owner_name, value, pspec);
      g_clear_pointer (&self->search_text, g_free);
      g_clear_pointer (&self->owner_key, g_free);
      break;
    case PROP_CONTACT:
      sp_record_set_string_field (object, &self->contact, value, pspec);
      break;
    case PROP_AREA_ID:
      SP_RECORD_SET_FIELD (self->area_id, g_value_get_int64 (value));
      break;
    case PROP_AREA_NAME:
      sp_record_set_string_field (object, &self->area_name, value, pspec);
      break;
    case PROP_PRIORITY:
      SP_RECORD_SET_FIELD (self->priority, g_value_get_int (value));
      break;
    case PROP_STATUS:
      SP_RECORD_SET_FIELD (self->status, (SpProjectStatus) g_value_get_enum (value));
      break;
    case PROP_START_DATE:
      sp_record_set_string_field (object, &self->start_date, value, pspec);
      break;
    case PROP_END_DATE:
      sp_record_set_string_field (object, &self->end_date, value, pspec);
      break;
    case PROP_PLANNED_PARTICIPANTS:
      SP_RECORD_SET_FIELD (self->planned_participants, g_value_get_int64 (value));
      break;
    case PROP_RESULTS:
      sp_record_set_string_field (object, &self->results, value, pspec);
      break;
    case PROP_SELF_EVALUATION_DONE:
      SP_RECORD_SET_FIELD (self->self_evaluation_done, g_value_get_boolean (value));
      break;
    case PROP_EXTERNAL_ASSESSOR:
      sp_record_set_string_field (object, &self->external_assessor, value, pspec);
      break;
    case PROP_REPORT_DATE:
      sp_record_set_string_field (object, &self->report_date, value, pspec);
      break;
    case PROP_EVALUATION:
      sp_record_set_string_field (object, &self->evaluation, value, pspec);
      break;
    case PROP_ARCHIVED:
      SP_RECORD_SET_FIELD (self->archived, g_value_get_boolean (value));
      break;
    case PROP_TOTAL_GRANTED:
      SP_RECORD_SET_FIELD (self->total_granted, g_value_get_int64 (value));
      break;
    case PROP_N_DECISIONS:
      SP_RECORD_SET_FIELD (self->n_decisions, g_value_get_uint (value));
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
  /* Whether the förbund itself owns the project (then owner-id is 0) */
  properties[PROP_OWNED_BY_ASSOCIATION] =
    g_param_spec_boolean ("owned-by-association", NULL, NULL, FALSE, flags);
  /* "" without an owner; the förbund's name when it owns the project */
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

/* Whether the förbund itself owns the project (its own project, run by
 * the office); the owner's name is then the förbund's. */
gboolean
sp_project_get_owned_by_association (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  return self->owned_by_association;
}

/* Returns: the owner's name (a member's or the förbund's), or "" */
const char *
sp_project_get_owner_name (SpProject *self)
{
  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  return self->owner_name;
}

/**
 * sp_project_get_search_text:
 *
 * The name, short name and owner's name, each folded by sp_text_fold() and
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

      self->search_text = sp_text_fold (joined);
    }
  return self->search_text;
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
  data->owned_by_association = self->owned_by_association;
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
  const char *sql =
    "SELECT " PROJECT_COLUMNS
    " ORDER BY p.start_date IS NULL, p.start_date, p.name, p.id";

  return sp_record_list_new_for_query (database, SP_TYPE_PROJECT, project_tables,
                                       sql, project_from_row, 0);
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
  return sp_record_load_one (database, "SELECT " PROJECT_COLUMNS " WHERE p.id = ?1", id,
                             project_from_row, _("The project no longer exists."), error);
}
