/* sp-database-check.c: the check of a database file's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA quick_check reads every page, and verifies every CHECK and NOT NULL
 * constraint: before sp_database_open() returns, or, with
 * SP_DATABASE_OPEN_CHECK_LATER, in a thread of its own that every write waits
 * for (sp_database_wait_checked()). A file that passes may still hold values
 * no edit could have made (a bit flipped inside a row): the same run looks
 * for rows that refer to rows that are gone and for the domain's own rules,
 * and reports them (sp_database_get_problems()), without refusing the file.
 *
 * At opening, the schema of the file's version is compared with what the
 * steps of that version make: every table and column must be there.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-money.h"

#include "sp-database-impl.h"

/* PRAGMA quick_check (1) on @db: whether every page is sound. */
gboolean
sp_database_quick_check (sqlite3 *db)
{
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check (1)", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  return ok;
}

void
sp_database_set_damaged_error (SpDatabase  *self,
                               GError     **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
               _("“%s” is not a Samplan database, or it is damaged."), name);
}

/* The check thread: its own read-only connection, nothing shared but the
 * path it was given. Returns 1 for a sound file, 0 otherwise. */
typedef struct {
  gboolean ok;
  char    *problems;
} CheckResult;

/* The check thread: its own read-only connection (to the same URI as the
 * database's, so that a read-only folder stays without -wal and -shm),
 * nothing shared but the text it was given. */
static CheckResult *
check_thread_func (char *uri)
{
  CheckResult *result = g_new0 (CheckResult, 1);
  sqlite3 *db = NULL;
  int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;

  if (g_str_has_prefix (uri, "file:"))
    flags |= SQLITE_OPEN_URI;
  if (sqlite3_open_v2 (uri, &db, flags, NULL) == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, SP_DATABASE_BUSY_TIMEOUT_MS);
      result->ok = sp_database_quick_check (db);
      if (result->ok)
        result->problems = sp_database_find_problems (db);
    }
  sqlite3_close_v2 (db);
  g_free (uri);
  return result;
}

/* Joins a check that was started; whether the file is sound. */
gboolean
sp_database_finish_check (SpDatabase *self)
{
  if (self->check_thread != NULL)
    {
      CheckResult *result = g_thread_join (g_steal_pointer (&self->check_thread));

      self->damaged = !result->ok;
      g_free (self->problems);
      self->problems = result->problems;
      g_free (result);
    }
  return !self->damaged;
}

/* In the opening thread's main context, after the check thread is done;
 * @user_data is a GWeakRef: the database may be gone by then. */
static gboolean
on_check_done_cb (gpointer user_data)
{
  g_autoptr(SpDatabase) self = g_weak_ref_get (user_data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  sp_database_finish_check (self);
  if (self->damaged && !self->damage_told)
    {
      self->damage_told = TRUE;
      sp_database_notify_damaged (self);
    }
  if (self->problems != NULL && !self->problems_told)
    {
      self->problems_told = TRUE;
      sp_database_notify_problems (self);
    }
  return G_SOURCE_REMOVE;
}

static void
free_weak_ref (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

typedef struct {
  char         *path;
  GMainContext *context;
  GWeakRef     *database;
} CheckStart;

static gpointer
check_and_tell_func (gpointer data)
{
  CheckStart *start = data;
  gpointer result = check_thread_func (g_steal_pointer (&start->path));
  GSource *source = g_idle_source_new ();

  /* Always dispatched by the context's own thread (g_main_context_invoke()
   * could run it here, where the database must not be finalized). */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, on_check_done_cb, start->database, free_weak_ref);
  g_source_set_static_name (source, "[samplan] database check done");
  g_source_attach (source, start->context);
  g_source_unref (source);
  g_main_context_unref (start->context);
  g_free (start);
  return result;
}

void
sp_database_start_check (SpDatabase *self)
{
  CheckStart *start = g_new0 (CheckStart, 1);

  start->path = g_strdup (self->uri != NULL ? self->uri : self->path);
  start->context = g_main_context_ref_thread_default ();
  start->database = g_new0 (GWeakRef, 1);
  g_weak_ref_init (start->database, self);
  self->check_thread = g_thread_new ("sp-database-check", check_and_tell_func, start);
}

/* What a table's row is called in a report to the user. */
static const struct {
  const char *table;
  const char *label;
} table_labels[] = {
  { "member", N_("A member") },
  { "plan_year", N_("A plan year") },
  { "member_key", N_("A member’s key") },
  { "board_member", N_("A board member") },
  { "section", N_("A section of the plan") },
  { "area_group", N_("An area group") },
  { "area", N_("An activity area") },
  { "target_group", N_("A target group") },
  { "account", N_("An account") },
  { "budget_line", N_("A budget line") },
  { "project", N_("A project") },
  { "project_decision", N_("A project decision") },
  { "project_target_group", N_("A project’s target group") },
  { "project_grant", N_("A project grant") },
  { "project_cofunding", N_("A co-funding") },
  { "project_participants", N_("A project’s participants") },
  { "goal", N_("A goal") },
  { "actual", N_("An actual") },
  { "actual_month", N_("An actual of a month") },
  { "budget_line_follow_up", N_("A budget line’s follow-up") },
  { "area_follow_up", N_("An activity area’s follow-up") },
};

static const char *
label_for_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_labels); i++)
    if (g_strcmp0 (table_labels[i].table, table) == 0)
      return _(table_labels[i].label);
  return table;
}

/* The dates a row may hold: each is a real date, written YYYY-MM-DD. */
static const struct {
  const char *table;
  const char *column;
} date_columns[] = {
  { "plan_year", "decision_date" },
  { "project", "start_date" },
  { "project", "end_date" },
  { "project", "report_date" },
  { "project_decision", "date" },
};

#define MAX_PROBLEMS 20

static void
add_problem (GString *problems,
             guint   *n,
             char    *text)
{
  if (*n < MAX_PROBLEMS)
    g_string_append_printf (problems, "%s%s", problems->len > 0 ? "\n" : "", text);
  (*n)++;
  g_free (text);
}

static gboolean
table_exists (sqlite3    *db,
              const char *table)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/**
 * sp_database_find_problems:
 * @db: a connection to a file whose pages are sound
 *
 * Looks for what no edit could have left: a row that refers to a row that is
 * gone (a plan year whose number changed leaves its sections, lines and
 * goals without it), an amount beyond what the core accepts, a date that is
 * no date. Safe to call in any thread.
 *
 * Returns: (transfer full) (nullable): one line per problem, in the user's
 *   language, or %NULL when there is none
 */
char *
sp_database_find_problems (sqlite3 *db)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  /* One line for each kind of row and what it lost, with the first row. */
  if (sqlite3_prepare_v2 (db, "SELECT \"table\", parent, count(*), min (rowid)"
                              " FROM pragma_foreign_key_check GROUP BY 1, 2 ORDER BY 1, 2",
                          -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *table = (const char *) sqlite3_column_text (stmt, 0);
        const char *parent = (const char *) sqlite3_column_text (stmt, 1);
        guint count = sqlite3_column_int (stmt, 2);
        g_autofree char *parent_label = g_utf8_strdown (label_for_table (parent), -1);
        g_autofree char *label = g_utf8_strdown (label_for_table (table), -1);

        if (count == 1)
          /* Translators: "A budget line (number 12) belongs to a plan year that is missing." */
          add_problem (problems, &n,
                       g_strdup_printf (_("%s (number %lld) belongs to %s that is missing."),
                                        label_for_table (table),
                                        (long long) sqlite3_column_int64 (stmt, 3), parent_label));
        else
          /* Translators: "31 rows, such as a budget line (number 1), belong to a plan year that is missing." */
          add_problem (problems, &n,
                       g_strdup_printf (_("%u rows, such as %s (number %lld), belong to %s that is missing."),
                                        count, label, (long long) sqlite3_column_int64 (stmt, 3),
                                        parent_label));
      }
  sqlite3_finalize (stmt);
  stmt = NULL;

  if (table_exists (db, "plan_year") &&
      sqlite3_prepare_v2 (db, "SELECT year FROM plan_year WHERE equity_used IS NOT NULL"
                              " AND (typeof (equity_used) != 'integer' OR abs (equity_used) > ?1)",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, SP_MONEY_MAX);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        add_problem (problems, &n,
                     g_strdup_printf (_("The equity used of the plan year %d is beyond "
                                        "±10 000 000 000 kr."),
                                      sqlite3_column_int (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (date_columns); i++)
    {
      g_autofree char *sql = NULL;

      if (!table_exists (db, date_columns[i].table))
        continue;
      sql = g_strdup_printf ("SELECT rowid, \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL"
                             " AND \"%s\" IS NOT date (\"%s\")",
                             date_columns[i].column, date_columns[i].table, date_columns[i].column,
                             date_columns[i].column, date_columns[i].column);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            g_autofree char *value = g_utf8_make_valid ((const char *) sqlite3_column_text (stmt, 1), -1);

            /* Translators: "A project (number 3) has “2009-13-45” for a date." */
            add_problem (problems, &n,
                         g_strdup_printf (_("%s (number %lld) has “%s” for a date."),
                                          label_for_table (date_columns[i].table),
                                          (long long) sqlite3_column_int64 (stmt, 0), value));
          }
      sqlite3_finalize (stmt);
      stmt = NULL;
    }

  if (n == 0)
    return NULL;
  if (n > MAX_PROBLEMS)
    {
      g_string_append_c (problems, '\n');
      g_string_append_printf (problems,
                              g_dngettext (GETTEXT_PACKAGE, "…and %u more.", "…and %u more.",
                                           n - MAX_PROBLEMS),
                              n - MAX_PROBLEMS);
    }
  return g_string_free (g_steal_pointer (&problems), FALSE);
}

/* The tables and columns that @n_steps steps make, as "table.column" lines,
 * sorted; made in memory once per set of steps and version. */
static GHashTable *
expected_columns (const SpMigration *steps,
                  guint              n_steps,
                  int                version)
{
  G_LOCK_DEFINE_STATIC (cache);
  static const SpMigration *cached_steps;
  static int cached_version = -1;
  static GHashTable *cached;
  GHashTable *columns = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  G_LOCK (cache);
  if (cached != NULL && cached_steps == steps && cached_version == version)
    {
      columns = g_hash_table_ref (cached);
      G_UNLOCK (cache);
      return columns;
    }
  G_UNLOCK (cache);

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK)
    ok = FALSE;
  for (guint i = 0; ok && i < n_steps && steps[i].version <= version; i++)
    ok = sqlite3_exec (db, steps[i].sql, NULL, NULL, NULL) == SQLITE_OK;
  if (ok && sqlite3_prepare_v2 (db, "SELECT m.name, c.name FROM sqlite_schema AS m,"
                                    " pragma_table_info (m.name) AS c WHERE m.type = 'table'",
                                -1, &stmt, NULL) == SQLITE_OK)
    {
      columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_add (columns, g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0),
                                                    sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (columns == NULL)
    return NULL;

  G_LOCK (cache);
  g_clear_pointer (&cached, g_hash_table_unref);
  cached = g_hash_table_ref (columns);
  cached_steps = steps;
  cached_version = version;
  G_UNLOCK (cache);
  return columns;
}

/**
 * sp_database_check_schema:
 * @version: the file's schema version
 *
 * Every table and column that the steps up to @version make must be in
 * the file; a file that lacks one is refused as damaged, naming it.
 */
gboolean
sp_database_check_schema (SpDatabase         *self,
                          int                 version,
                          const SpMigration  *steps,
                          guint               n_steps,
                          GError            **error)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) present = NULL;
  g_autofree char *name = g_filename_display_name (self->path);
  g_autofree char *missing = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (version <= 0)
    return TRUE;
  expected = expected_columns (steps, n_steps, version);
  if (expected == NULL)
    return TRUE;  /* the steps themselves failed; the migration will say so */

  present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  rc = sqlite3_prepare_v2 (self->db, "SELECT m.name, c.name FROM sqlite_schema AS m,"
                                     " pragma_table_info (m.name) AS c WHERE m.type = 'table'",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_add (present, g_strdup_printf ("%s\t%s", sqlite3_column_text (stmt, 0),
                                                  sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_error_for_sqlite (self->db, self->path, rc, error);
      return FALSE;
    }

  /* The first missing one, in a stable order. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key) && (missing == NULL || strcmp (key, missing) < 0))
      {
        g_free (missing);
        missing = g_strdup (key);
      }
  if (missing != NULL)
    {
      char *tab = strchr (missing, '\t');
      g_autofree char *table_prefix = g_strndup (missing, tab - missing + 1);
      gboolean table_there = FALSE;

      g_hash_table_iter_init (&iter, present);
      while (!table_there && g_hash_table_iter_next (&iter, &key, NULL))
        table_there = g_str_has_prefix (key, table_prefix);
      *tab = '\0';
      if (table_there)
        g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
                     _("“%s” is damaged: the column “%s” of the table “%s” is missing."),
                     name, tab + 1, missing);
      else
        g_set_error (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_NOT_A_DATABASE,
                     _("“%s” is damaged: the table “%s” is missing."), name, missing);
      return FALSE;
    }
  return TRUE;
}
