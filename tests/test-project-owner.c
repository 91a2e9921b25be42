/* test-project-owner.c: projects as the förbund runs them: its own projects,
 * extensions by a year, the latest decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "sp-association.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-portfolio.h"
#include "sp-project-decision.h"
#include "sp-project.h"
#include "sp-test-util.h"

#define FAGERSTA 2
#define ASSOCIATION "Norra Västmanlands samordningsförbund"

typedef struct {
  char         *dir;
  SpDatabase   *db;
  SpRecordList *list;
} Fixture;

static const char *seed_sql =
  "UPDATE association SET name = '" ASSOCIATION "' WHERE id = 1;"
  "INSERT INTO plan_year (year) VALUES (2009);"
  "INSERT INTO member (id, name, kind, position) VALUES"
  "  (1, 'Försäkringskassan', 'state', 1),"
  "  (2, 'Fagersta kommun', 'municipality', 2);";

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "egna.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_true (sp_database_exec (f->db, seed_sql, &error));
  f->list = sp_project_list_new (f->db);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->list);
  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static SpProjectData
project_data (const char *name,
              const char *start_date,
              const char *end_date)
{
  SpProjectData data = { 0 };

  data.name = name;
  data.kind = SP_PROJECT_KIND_PROJECT;
  data.start_date = start_date;
  data.end_date = end_date;
  data.planned_participants = -1;
  return data;
}

static SpProject *
find (Fixture *f,
      gint64   id)
{
  return sp_record_list_find (f->list, id, NULL);
}

G_GNUC_PRINTF (2, 3)
static gint64
query_int (Fixture    *f,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sp_test_query_int (f->db, sql);
}

G_GNUC_PRINTF (2, 3)
static char *
query_text (Fixture    *f,
            const char *format,
            ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return sp_test_query_text (f->db, sql);
}

/* Asserts that @ok is FALSE with @code and that nothing changed. */
static void
assert_refused (Fixture    *f,
                const char *before,
                gboolean    ok,
                GError    **error,
                int         code)
{
  g_autofree char *after = sp_test_dump_database (f->db);

  assert_false (ok);
  assert_non_null (*error);
  if ((*error)->domain != SP_ERROR || (*error)->code != code)
    g_error ("expected code %d, got %d: %s", code, (*error)->code, (*error)->message);
  assert_string_equal (before, after);
  g_clear_error (error);
}

/* The förbund owns its own project: stored as such, shown with the
 * förbund's name (following a rename), never a member as well, undoable. */
static void
test_owned_by_association (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  SpProjectData data = project_data ("Koordinationsprojekt", "2009-01-01", "2009-12-31");
  g_autofree char *before = NULL;
  g_autofree char *owner = NULL;
  gint64 id;

  data.owned_by_association = TRUE;
  id = sp_project_add (f->db, &data, &error);
  g_assert_no_error (error);
  assert_true (id > 0);
  assert_int_equal (query_int (f, "SELECT owned_by_association FROM project WHERE id = %" G_GINT64_FORMAT, id), 1);
  assert_int_equal (query_int (f, "SELECT owner_id IS NULL FROM project WHERE id = %" G_GINT64_FORMAT, id), 1);
  assert_true (sp_project_get_owned_by_association (find (f, id)));
  assert_int_equal (sp_project_get_owner_id (find (f, id)), 0);
  assert_string_equal (sp_project_get_owner_name (find (f, id)), ASSOCIATION);
  /* The search finds it by the förbund's name. */
  assert_non_null (strstr (sp_project_get_search_text (find (f, id)), "samordningsförbund"));

  /* The förbund renamed: the owner's name follows. */
  assert_true (sp_association_update (f->db, "Samordningsförbundet Norra", "", "", &error));
  g_assert_no_error (error);
  assert_string_equal (sp_project_get_owner_name (find (f, id)), "Samordningsförbundet Norra");

  /* Never the förbund and a member at once. */
  before = sp_test_dump_database (f->db);
  data.owner_id = FAGERSTA;
  assert_refused (f, before, sp_project_update (f->db, id, &data, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_add (f->db, &data, &error) != 0, &error, SP_ERROR_INVALID);
  /* Nor by going round the core. */
  assert_false (sp_database_exec (f->db, "UPDATE project SET owner_id = 2", NULL));
  g_free (before);
  before = sp_test_dump_database (f->db);

  /* Given to a member, then undone: the förbund owns it again. */
  data.owned_by_association = FALSE;
  assert_true (sp_project_update (f->db, id, &data, &error));
  g_assert_no_error (error);
  assert_int_equal (query_int (f, "SELECT owned_by_association FROM project WHERE id = %" G_GINT64_FORMAT, id), 0);
  owner = query_text (f, "SELECT m.name FROM project p JOIN member m ON m.id = p.owner_id WHERE p.id = %" G_GINT64_FORMAT, id);
  assert_string_equal (owner, "Fagersta kommun");
  assert_string_equal (sp_project_get_owner_name (find (f, id)), "Fagersta kommun");
  assert_false (sp_project_get_owned_by_association (find (f, id)));
  assert_true (sp_history_undo (history, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = sp_test_dump_database (f->db);

    assert_string_equal (before, after);
  }
  assert_true (sp_project_get_owned_by_association (find (f, id)));
  assert_string_equal (sp_project_get_owner_name (find (f, id)), "Samordningsförbundet Norra");
}

/* The end date a year on, written out independently of the core: the year
 * plus one, the same month and day, but 29 February becomes 28 February
 * in a year that is not a leap year. */
static char *
expected_year_on (const char *date)
{
  int year = atoi (date);
  const char *month_day = date + 5;
  gboolean next_is_leap = ((year + 1) % 4 == 0 && (year + 1) % 100 != 0) || (year + 1) % 400 == 0;

  if (strcmp (month_day, "02-29") == 0 && !next_is_leap)
    month_day = "02-28";
  return g_strdup_printf ("%04d-%s", year + 1, month_day);
}

/* Extending by a year records the decision and moves the end date, as one
 * undoable edit; a project that cannot be extended is refused untouched. */
static void
test_extend (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  SpProjectData data = project_data ("Resam", "2008-09-01", "2010-08-31");
  SpProjectDecisionData grant = { "2008-06-15", "§ 12", "Beviljas." };
  SpProjectDecisionData extend = { "2010-06-15", "§ 31", "" };
  const char *ends[] = { "2010-08-31", "2011-02-28", "2012-02-29", "1999-12-31" };
  g_autofree char *before = NULL;
  g_autofree char *end = NULL;
  g_autofree char *text = NULL;
  g_autofree char *paragraph = NULL;
  gint64 id, decision_id;

  id = sp_project_add (f->db, &data, &error);
  g_assert_no_error (error);

  /* An application cannot be extended. */
  before = sp_test_dump_database (f->db);
  assert_refused (f, before, sp_project_extend (f->db, id, &extend, &error) != 0, &error, SP_ERROR_INVALID);
  assert_true (sp_project_decide (f->db, id, TRUE, &grant, &error));
  g_free (before);
  before = sp_test_dump_database (f->db);

  /* A bad decision date changes nothing. */
  extend.date = "2010-06-31";
  assert_refused (f, before, sp_project_extend (f->db, id, &extend, &error) != 0, &error, SP_ERROR_INVALID);
  extend.date = "2010-06-15";

  decision_id = sp_project_extend (f->db, id, &extend, &error);
  g_assert_no_error (error);
  assert_true (decision_id > 0);
  end = query_text (f, "SELECT end_date FROM project WHERE id = %" G_GINT64_FORMAT, id);
  assert_string_equal (end, "2011-08-31");
  assert_string_equal (sp_project_get_end_date (find (f, id)), "2011-08-31");
  paragraph = query_text (f, "SELECT paragraph || '|' || date || '|' || (status IS NULL) FROM project_decision WHERE id = %"
                          G_GINT64_FORMAT, decision_id);
  assert_string_equal (paragraph, "§ 31|2010-06-15|1");
  /* Without a text of its own, the decision says what it did. */
  text = query_text (f, "SELECT text FROM project_decision WHERE id = %" G_GINT64_FORMAT, decision_id);
  assert_non_null (strstr (text, "2011-08-31"));
  assert_int_equal (sp_project_get_n_decisions (find (f, id)), 2);
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_GRANTED);

  /* One undo takes back both the decision and the date. */
  assert_true (sp_history_undo (history, &error));
  g_assert_no_error (error);
  {
    g_autofree char *after = sp_test_dump_database (f->db);

    assert_string_equal (before, after);
  }
  assert_string_equal (sp_project_get_end_date (find (f, id)), "2010-08-31");
  assert_true (sp_history_redo (history, &error));
  assert_string_equal (sp_project_get_end_date (find (f, id)), "2011-08-31");

  /* Its own text is kept; the end dates of the year's corners, leap days
   * included, each a year on. */
  extend.text = "Förlängs ett år för att hinna med uppföljningen.";
  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      g_autofree char *want = expected_year_on (ends[i]);
      g_autofree char *got = NULL;
      g_autofree char *said = NULL;
      SpProjectData moved = project_data ("Resam", "1999-01-01", ends[i]);

      assert_true (sp_project_update (f->db, id, &moved, &error));
      decision_id = sp_project_extend (f->db, id, &extend, &error);
      g_assert_no_error (error);
      got = query_text (f, "SELECT end_date FROM project WHERE id = %" G_GINT64_FORMAT, id);
      assert_string_equal (got, want);
      said = query_text (f, "SELECT text FROM project_decision WHERE id = %" G_GINT64_FORMAT, decision_id);
      assert_string_equal (said, extend.text);
    }

  /* Without an end date there is nothing to move. */
  {
    SpProjectData open_ended = project_data ("Resam", "2008-09-01", NULL);

    assert_true (sp_project_update (f->db, id, &open_ended, &error));
    g_free (before);
    before = sp_test_dump_database (f->db);
    assert_refused (f, before, sp_project_extend (f->db, id, &extend, &error) != 0, &error, SP_ERROR_INVALID);
    assert_refused (f, before, sp_project_extend (f->db, 999, &extend, &error) != 0, &error, SP_ERROR_NOT_FOUND);
  }
}

/* The portfolio's details give the latest decision as well as the granting
 * one: by date, then the one recorded last. */
static void
test_latest_decision (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectData data = project_data ("Empowerment", "2009-01-01", "2009-12-31");
  SpProjectDecisionData grant = { "2008-11-21", "§ 41", "Beviljas medel för 2009." };
  SpProjectDecisionData start = { "2009-01-15", "§ 2", "Projektet har startat." };
  SpProjectDecisionData extend = { "2009-11-20", "§ 40", "Förlängs ett år." };
  SpProjectDecisionData same_day = { "2009-11-20", "§ 41", "Mer medel." };
  g_autoptr(GHashTable) details = NULL;
  const SpProjectYearDetails *d;
  gint64 id;

  id = sp_project_add (f->db, &data, &error);
  assert_true (sp_project_decide (f->db, id, TRUE, &grant, &error));
  assert_true (sp_project_start (f->db, id, &start, &error));
  assert_true (sp_project_extend (f->db, id, &extend, &error) > 0);
  g_assert_no_error (error);

  details = sp_project_get_year_details (f->db, 2009, &error);
  g_assert_no_error (error);
  d = g_hash_table_lookup (details, &id);
  assert_non_null (d);
  assert_string_equal (d->decision_date, "2008-11-21");
  assert_string_equal (d->latest_date, "2009-11-20");
  assert_string_equal (d->latest_paragraph, "§ 40");
  assert_string_equal (d->latest_text, "Förlängs ett år.");

  assert_true (sp_project_add_decision (f->db, id, &same_day, &error) > 0);
  g_clear_pointer (&details, g_hash_table_unref);
  details = sp_project_get_year_details (f->db, 2009, &error);
  d = g_hash_table_lookup (details, &id);
  assert_string_equal (d->latest_paragraph, "§ 41");
  assert_string_equal (d->latest_text, "Mer medel.");
}

/* A file of schema version 9 opens with no project owned by the förbund and
 * every member's project as it was; one then becomes the förbund's. */
static void
test_migrate_v9 (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->dir, "v9.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v9.sql");
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(SpRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autofree char *owners = NULL;
  SpProjectData data;

  assert_true (sp_test_run_sql_file (path, sql));
  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM project"), 8);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM project WHERE owned_by_association <> 0"), 0);
  /* The fixture's owners, as its INSERTs give them. */
  owners = sp_test_query_text (db, "SELECT group_concat (coalesce (owner_id, 0), ',') FROM "
                                   "(SELECT owner_id FROM project ORDER BY id)");
  assert_string_equal (owners, "2,4,5,6,1,3,3,3");

  list = sp_project_list_new (db);
  project = sp_record_list_find (list, 5, NULL);
  assert_non_null (project);
  g_object_ref (project);
  assert_string_equal (sp_project_get_owner_name (project), "Landstinget Västmanland");
  sp_project_get_data (project, &data);
  assert_false (data.owned_by_association);
  data.owner_id = 0;
  data.owned_by_association = TRUE;
  assert_true (sp_project_update (db, 5, &data, &error));
  g_assert_no_error (error);
  assert_string_equal (sp_project_get_owner_name (project), "Norra Västmanlands samordningsförbund");
  assert_int_equal (sp_test_query_int (db, "SELECT owned_by_association FROM project WHERE id = 5"), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_owned_by_association, setup, teardown),
    cmocka_unit_test_setup_teardown (test_extend, setup, teardown),
    cmocka_unit_test_setup_teardown (test_latest_decision, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_v9, setup, teardown),
  };

  return cmocka_run_group_tests_name ("project-owner", tests, NULL, NULL);
}
