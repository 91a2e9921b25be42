/* sp-goal-status.c: how far a goal was reached, and the edit that records it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The follow-up status and comment of a goal are recorded after the plan was
 * adopted, as its outcome is: sp_goal_set_follow_up() is allowed on an
 * adopted year (the lock trigger on goal leaves these columns out). It lives
 * here, beside the status, rather than in sp-goal.c, which is full.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-goal.h"
#include "sp-goal-status.h"
#include "sp-record-loader-private.h"

typedef struct {
  gint64        id;
  SpGoalStatus  status;
  const char   *comment;
} FollowUpEdit;

static gboolean
do_goal_set_follow_up (SpDatabase  *database,
                       gpointer     user_data,
                       GError     **error)
{
  FollowUpEdit *edit = user_data;
  g_autofree char *comment = NULL;
  sqlite3_stmt *stmt;
  gint64 found;

  if (!sp_record_query_int64 (database, "SELECT id FROM goal WHERE id = ?1", edit->id, &found,
                              _("The goal no longer exists."), error))
    return FALSE;
  comment = sp_edit_clean_text (edit->comment != NULL ? edit->comment : "",
                                SP_GOAL_FOLLOW_UP_COMMENT_MAX_CHARS, error);
  if (comment == NULL)
    {
      sp_error_set_field (error, "follow-up-comment");
      return FALSE;
    }
  stmt = sp_edit_prepare (database,
                          "UPDATE goal SET follow_up_status = ?2, follow_up_comment = ?3 WHERE id = ?1 "
                          "AND (follow_up_status IS NOT ?2 OR follow_up_comment IS NOT ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->id);
  sqlite3_bind_text (stmt, 2, sp_goal_status_get_nick (edit->status), -1, SQLITE_STATIC);
  sp_edit_bind_text (stmt, 3, comment);
  return sp_edit_step_done (database, stmt, error);
}

GType
sp_goal_status_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { SP_GOAL_STATUS_NOT_ASSESSED, "SP_GOAL_STATUS_NOT_ASSESSED", "not_assessed" },
    { SP_GOAL_STATUS_ACHIEVED, "SP_GOAL_STATUS_ACHIEVED", "achieved" },
    { SP_GOAL_STATUS_PARTLY_ACHIEVED, "SP_GOAL_STATUS_PARTLY_ACHIEVED", "partly_achieved" },
    { SP_GOAL_STATUS_NOT_ACHIEVED, "SP_GOAL_STATUS_NOT_ACHIEVED", "not_achieved" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static (g_intern_static_string ("SpGoalStatus"), values));
  return type;
}

/* The words a user reads, in lower case as in a table or a sentence:
 * uppnått, delvis uppnått, ej uppnått, ej bedömt. */
const char *
sp_goal_status_to_string (SpGoalStatus status)
{
  switch (status)
    {
    case SP_GOAL_STATUS_NOT_ASSESSED:
      /* Translators: the follow-up status of a goal */
      return _("not assessed");
    case SP_GOAL_STATUS_ACHIEVED:
      /* Translators: the follow-up status of a goal */
      return _("achieved");
    case SP_GOAL_STATUS_PARTLY_ACHIEVED:
      /* Translators: the follow-up status of a goal */
      return _("partly achieved");
    case SP_GOAL_STATUS_NOT_ACHIEVED:
      /* Translators: the follow-up status of a goal */
      return _("not achieved");
    default:
      g_return_val_if_reached ("");
    }
}

/* The word stored in the database: the enum's nick. */
const char *
sp_goal_status_get_nick (SpGoalStatus status)
{
  return sp_enum_get_nick (SP_TYPE_GOAL_STATUS, status);
}

gboolean
sp_goal_status_from_nick (const char   *nick,
                          SpGoalStatus *status)
{
  int value;

  if (!sp_enum_from_nick (SP_TYPE_GOAL_STATUS, nick, &value))
    return FALSE;
  *status = (SpGoalStatus) value;
  return TRUE;
}

/**
 * sp_goal_set_follow_up:
 * @status: how far the goal was reached
 * @comment: (nullable): what the follow-up says of it; empty or %NULL for nothing
 *
 * Records the follow-up status and comment of a goal, of a year's plan or a
 * project's own, as one undoable edit. Allowed on an adopted year too: the
 * follow-up comes after the plan was adopted.
 */
gboolean
sp_goal_set_follow_up (SpDatabase    *database,
                       gint64         id,
                       SpGoalStatus   status,
                       const char    *comment,
                       GError       **error)
{
  FollowUpEdit edit = { id, status, comment };

  if ((guint) status >= SP_GOAL_N_STATUSES)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID, _("Unknown follow-up status."));
      sp_error_set_field (error, "follow-up-status");
      return FALSE;
    }
  return sp_edit_run (database, _("Record follow-up"), do_goal_set_follow_up, &edit, error);
}
