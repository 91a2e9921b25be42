/* test-project.c: the project portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "sp-database-private.h"
#include "sp-edit-private.h"
#include "sp-text.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-portfolio.h"
#include "sp-project-cofunding.h"
#include "sp-project-decision.h"
#include "sp-project-grant.h"
#include "sp-project-participants.h"
#include "sp-project.h"
#include "sp-test-model.h"
#include "sp-test-util.h"

/* The rows the projects refer to, made with plain SQL: the modules that own
 * them are not what is tested here. */
#define FK_ID      1   /* Försäkringskassan */
#define FAGERSTA   2
#define NORBERG    3
#define AREA_PROJ  11  /* Projekt och insatser › Projekt */
#define AREA_ADM   12  /* Administration › Styrelse */
#define TG_YOUNG   21  /* unga vuxna 16–29 år */
#define TG_LONG    22
#define TG_WOMEN   23

typedef struct {
  char           *dir;
  SpDatabase     *db;
  SpRecordList   *list;
  SpTestModelSpy *spy;
} Fixture;

static const char *seed_sql =
  "INSERT INTO plan_year (year) VALUES (2009);"
  "INSERT INTO member (id, name, kind, position) VALUES"
  "  (1, 'Försäkringskassan', 'state', 1),"
  "  (2, 'Fagersta kommun', 'municipality', 2),"
  "  (3, 'Norbergs kommun', 'municipality', 3);"
  "INSERT INTO area_group (id, year, position, name) VALUES"
  "  (5, 2009, 1, 'Projekt och insatser'), (6, 2009, 2, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES"
  "  (11, 5, 1, 'Projekt'), (12, 6, 1, 'Styrelse');"
  "INSERT INTO target_group (id, year, position, name) VALUES"
  "  (21, 2009, 1, 'Unga vuxna 16–29 år'),"
  "  (22, 2009, 2, 'Långtidsberoende av samhällets stöd'),"
  "  (23, 2009, 3, 'Ohälsa hos kvinnor');";

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "portfolj.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_true (sp_database_exec (f->db, seed_sql, &error));
  f->list = sp_project_list_new (f->db);
  f->spy = sp_test_model_spy_new (G_LIST_MODEL (f->list));
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  sp_test_model_spy_free (f->spy);
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

static gint64
add (Fixture    *f,
     const char *name,
     const char *start_date,
     const char *end_date)
{
  SpProjectData data = project_data (name, start_date, end_date);
  g_autoptr(GError) error = NULL;
  gint64 id = sp_project_add (f->db, &data, &error);

  g_assert_no_error (error);
  assert_true (id > 0);
  return id;
}

static SpProject *
item (Fixture *f,
      guint    i)
{
  g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (f->list), i);
  return project; /* the list keeps its own reference */
}

static SpProject *
find (Fixture *f,
      gint64   id)
{
  return sp_record_list_find (f->list, id, NULL);
}

static SpProjectDecisionData
decision (const char *date,
          const char *paragraph,
          const char *text)
{
  SpProjectDecisionData data = { date, paragraph, text };
  return data;
}

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

/* Asserts that @ok is FALSE with @code, and that nothing changed. */
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
  assert_int_equal ((*error)->domain, SP_ERROR);
  if ((*error)->code != code)
    g_error ("expected code %d, got %d: %s", code, (*error)->code, (*error)->message);
  assert_string_equal (before, after);
  g_clear_error (error);
}

static void
test_add_and_list (void **state)
{
  Fixture *f = *state;
  SpProjectData data = project_data ("  Resam – Ett samordnat resursteam ", "2009-01-01", "2010-12-31");
  g_autoptr(GError) error = NULL;
  SpProject *project;
  gint64 resam, empowerment, coacher;

  assert_int_equal (n_items (f->list), 0);

  data.short_name = " Resam ";
  data.kind = SP_PROJECT_KIND_INITIATIVE;
  data.description = "Ett resursteam för Fagersta, Norberg och Skinnskatteberg.\n\nTvå rader.";
  data.owner_id = FAGERSTA;
  data.contact = "Anna Andersson\n0223-123 45";
  data.area_id = AREA_PROJ;
  data.priority = 1;
  data.planned_participants = 40;
  data.results = "";
  data.self_evaluation_done = TRUE;
  data.external_assessor = "Mälardalens högskola";
  data.report_date = "2011-03-15";
  data.evaluation = "Självvärdering klar.";
  resam = sp_project_add (f->db, &data, &error);
  g_assert_no_error (error);
  sp_test_model_spy_expect (f->spy, 0, 0, 1);

  project = item (f, 0);
  assert_int_equal (sp_record_get_id (SP_RECORD (project)), resam);
  assert_string_equal (sp_project_get_name (project), "Resam – Ett samordnat resursteam");
  assert_string_equal (sp_project_get_short_name (project), "Resam");
  assert_int_equal (sp_project_get_kind (project), SP_PROJECT_KIND_INITIATIVE);
  assert_string_equal (sp_project_get_description (project), data.description);
  assert_int_equal (sp_project_get_owner_id (project), FAGERSTA);
  assert_string_equal (sp_project_get_owner_name (project), "Fagersta kommun");
  assert_string_equal (sp_project_get_contact (project), data.contact);
  assert_int_equal (sp_project_get_area_id (project), AREA_PROJ);
  assert_string_equal (sp_project_get_area_name (project), "Projekt");
  assert_int_equal (sp_project_get_priority (project), 1);
  assert_int_equal (sp_project_get_status (project), SP_PROJECT_STATUS_APPLICATION);
  assert_string_equal (sp_project_get_start_date (project), "2009-01-01");
  assert_string_equal (sp_project_get_end_date (project), "2010-12-31");
  assert_int_equal (sp_project_get_planned_participants (project), 40);
  assert_true (sp_project_get_self_evaluation_done (project));
  assert_string_equal (sp_project_get_external_assessor (project), "Mälardalens högskola");
  assert_string_equal (sp_project_get_report_date (project), "2011-03-15");
  assert_string_equal (sp_project_get_evaluation (project), "Självvärdering klar.");
  assert_false (sp_project_get_archived (project));
  assert_int_equal (sp_project_get_total_granted (project), 0);
  assert_int_equal (sp_project_get_n_decisions (project), 0);

  /* Ordered by start date, those without one last, then by name. */
  empowerment = add (f, "Empowerment", "2008-06-01", NULL);
  sp_test_model_spy_expect (f->spy, 0, 0, 1);
  coacher = add (f, "Arbetslivscoacher", NULL, NULL);
  sp_test_model_spy_expect (f->spy, 2, 0, 1);
  add (f, "Friskare Norberg", NULL, "");
  sp_test_model_spy_expect (f->spy, 3, 0, 1);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 0))), empowerment);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 1))), resam);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 2))), coacher);
  assert_null (sp_project_get_start_date (item (f, 2)));
  assert_null (sp_project_get_end_date (item (f, 3)));
  assert_int_equal (sp_project_get_planned_participants (item (f, 2)), -1);
  assert_string_equal (sp_project_get_owner_name (item (f, 2)), "");
  assert_int_equal (sp_project_get_priority (item (f, 2)), 0);

  /* Two projects may have the same name (applied for again a later year). */
  add (f, "Empowerment", "2011-01-01", NULL);
  sp_test_model_spy_expect (f->spy, 2, 0, 1);
  assert_int_equal (n_items (f->list), 5);
}

static void
test_order_follows_changes (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 a = add (f, "A", "2008-01-01", NULL);
  gint64 b = add (f, "B", "2009-01-01", NULL);
  gint64 c = add (f, "C", "2010-01-01", NULL);
  gint64 d = add (f, "D", NULL, NULL);
  g_autoptr(SpProject) loaded = sp_project_load (f->db, c, &error);
  SpProject *shown_c = find (f, c);
  SpProjectData data;

  sp_test_model_spy_clear (f->spy);
  sp_project_get_data (loaded, &data);
  data.start_date = "2007-06-01";
  assert_true (sp_project_update (f->db, c, &data, &error));
  /* A B C D → C A B D: the range 0..2 changed, the object kept. */
  sp_test_model_spy_expect (f->spy, 0, 3, 3);
  assert_ptr_equal (item (f, 0), shown_c);
  assert_string_equal (sp_project_get_start_date (shown_c), "2007-06-01");

  /* Renamed among those without a start date, it stays last: nothing moves. */
  data = project_data ("0 first", NULL, NULL);
  assert_true (sp_project_update (f->db, d, &data, &error));
  assert_int_equal (f->spy->changes->len, 0);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 3))), d);

  assert_true (sp_project_delete (f->db, b, NULL, &error));
  sp_test_model_spy_expect (f->spy, 2, 1, 0);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 1))), a);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 2))), d);
  g_assert_no_error (error);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static gboolean
rename_member (SpDatabase  *database,
               gpointer     user_data,
               GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "UPDATE member SET name = ?1 WHERE id = 2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user_data, -1, SQLITE_STATIC);
  return sp_edit_step_done (database, stmt, error);
}

/* The list's search text and sort keys are cached on the shown project and
 * follow every change of the texts they come from. */
static void
test_search_text_and_keys (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectData data = project_data ("ÅTERSTART Fagersta", "2009-01-01", NULL);
  g_autofree char *folded = NULL;
  SpProject *shown;
  gint64 id;

  data.short_name = "Re\xef\xac\x81t"; /* "Reﬁt", with the ligature ﬁ */
  data.owner_id = FAGERSTA;
  id = sp_project_add (f->db, &data, &error);
  shown = find (f, id);
  assert_non_null (shown);

  /* Folded: case, compatibility forms and decomposed letters alike. */
  assert_string_equal (sp_project_get_search_text (shown), "återstart fagersta\nrefit\nfagersta kommun");
  folded = sp_text_fold ("A\xcc\x8aTERSTART"); /* A + combining ring above */
  assert_string_equal (folded, "återstart");
  assert_non_null (strstr (sp_project_get_search_text (shown), folded));

  /* The keys order as g_utf8_collate() does. */
  {
    g_autofree char *own = g_utf8_collate_key (sp_project_get_name (shown), -1);
    g_autofree char *owner = g_utf8_collate_key (sp_project_get_owner_name (shown), -1);

    assert_string_equal (sp_project_get_name_key (shown), own);
    assert_string_equal (sp_project_get_owner_key (shown), owner);
  }

  /* A rename reaches the cached text and key of the same object. */
  data.name = "Steget vidare";
  assert_true (sp_project_update (f->db, id, &data, &error));
  assert_ptr_equal (find (f, id), shown);
  assert_string_equal (sp_project_get_search_text (shown), "steget vidare\nrefit\nfagersta kommun");
  {
    g_autofree char *key = g_utf8_collate_key ("Steget vidare", -1);

    assert_string_equal (sp_project_get_name_key (shown), key);
  }

  /* So does the owner's new name, changed in another table. */
  assert_true (sp_edit_run (f->db, "Rename", rename_member, (gpointer) "Fagersta stad", &error));
  assert_string_equal (sp_project_get_search_text (shown), "steget vidare\nrefit\nfagersta stad");
  {
    g_autofree char *key = g_utf8_collate_key ("Fagersta stad", -1);

    assert_string_equal (sp_project_get_owner_key (shown), key);
  }
  g_assert_no_error (error);
}

static void
test_list_follows_other_tables (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectData data = project_data ("Friskare Skinnskatteberg", "2009-01-01", NULL);
  SpProjectDecisionData grant = decision ("2009-03-24", "§ 12", "Beviljas.");
  guint granted_notifies = 0, owner_notifies = 0, name_notifies = 0;
  SpProject *shown;
  gint64 id;

  data.owner_id = FAGERSTA;
  id = sp_project_add (f->db, &data, &error);
  shown = item (f, 0);
  sp_test_model_spy_clear (f->spy);
  g_signal_connect (shown, "notify::total-granted", G_CALLBACK (on_notify_cb), &granted_notifies);
  g_signal_connect (shown, "notify::owner-name", G_CALLBACK (on_notify_cb), &owner_notifies);
  g_signal_connect (shown, "notify::name", G_CALLBACK (on_notify_cb), &name_notifies);

  assert_true (sp_project_set_grant (f->db, id, 2009, 50000000, &error));
  assert_true (sp_project_set_grant (f->db, id, 2010, 25000000, &error));
  assert_int_equal (sp_project_get_total_granted (shown), 75000000);
  assert_int_equal (granted_notifies, 2);

  assert_true (sp_edit_run (f->db, "Rename", rename_member, (gpointer) "Fagersta", &error));
  assert_string_equal (sp_project_get_owner_name (shown), "Fagersta");
  assert_int_equal (owner_notifies, 1);

  assert_true (sp_project_decide (f->db, id, TRUE, &grant, &error));
  assert_int_equal (sp_project_get_n_decisions (shown), 1);
  assert_int_equal (sp_project_get_status (shown), SP_PROJECT_STATUS_GRANTED);

  /* Nothing here moved a row; only properties changed, and "name" never. */
  assert_int_equal (f->spy->changes->len, 0);
  assert_int_equal (name_notifies, 0);
  assert_ptr_equal (item (f, 0), shown);
  g_assert_no_error (error);
}

static void
test_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autofree char *long_contact = g_strnfill (1001, 'c');
  gint64 id = add (f, "Hälsocenter", "2009-01-01", "2009-12-31");
  struct {
    SpProjectData data;
    int           code;
  } bad[20];
  guint n = 0;

#define BAD(field, value, error_code)                                \
  G_STMT_START {                                                     \
    bad[n].data = project_data ("Ny", "2009-01-01", "2009-12-31");   \
    bad[n].data.field = value;                                       \
    bad[n].code = error_code;                                        \
    n++;                                                             \
  } G_STMT_END

  BAD (name, "", SP_ERROR_INVALID);
  BAD (name, "   ", SP_ERROR_INVALID);
  BAD (name, NULL, SP_ERROR_INVALID);
  BAD (name, long_name, SP_ERROR_INVALID);
  BAD (name, "Två\nrader", SP_ERROR_INVALID);
  BAD (short_name, "kort\tnamn", SP_ERROR_INVALID);
  BAD (kind, (SpProjectKind) 7, SP_ERROR_INVALID);
  BAD (start_date, "2009-02-30", SP_ERROR_INVALID);
  BAD (start_date, "20090101", SP_ERROR_INVALID);
  BAD (end_date, "2008-12-31", SP_ERROR_INVALID);   /* before the start */
  BAD (report_date, "i våras", SP_ERROR_INVALID);
  BAD (owner_id, 999, SP_ERROR_NOT_FOUND);
  BAD (area_id, 999, SP_ERROR_NOT_FOUND);
  BAD (priority, 4, SP_ERROR_INVALID);
  BAD (priority, -1, SP_ERROR_INVALID);
  BAD (planned_participants, -2, SP_ERROR_INVALID);
  BAD (description, "\xff\xfe", SP_ERROR_INVALID);
  BAD (contact, long_contact, SP_ERROR_INVALID);
  BAD (external_assessor, "rad\nrad", SP_ERROR_INVALID);
  BAD (results, "bell\a", SP_ERROR_INVALID);
#undef BAD
  assert_int_equal (n, G_N_ELEMENTS (bad));

  before = sp_test_dump_database (f->db);
  sp_history_clear (sp_database_get_history (f->db));
  sp_test_model_spy_clear (f->spy);

  for (guint i = 0; i < n; i++)
    {
      assert_refused (f, before, sp_project_add (f->db, &bad[i].data, &error) != 0, &error, bad[i].code);
      assert_refused (f, before, sp_project_update (f->db, id, &bad[i].data, &error), &error, bad[i].code);
    }

  /* The end-before-start message says what is wrong. */
  assert_false (sp_project_add (f->db, &bad[9].data, &error));
  assert_non_null (strstr (error->message, "before it starts"));
  g_clear_error (&error);

  {
    SpProjectData ok = project_data ("Ny", NULL, NULL);
    assert_refused (f, before, sp_project_update (f->db, 999, &ok, &error), &error, SP_ERROR_NOT_FOUND);
  }
  assert_int_equal (f->spy->changes->len, 0);
  assert_false (sp_history_can_undo (sp_database_get_history (f->db)));
}

static void
test_stored_exactly (void **state)
{
  Fixture *f = *state;
  g_autofree char *name_200 = g_strnfill (200, 'n');
  g_autoptr(GString) swedish_200 = g_string_new (NULL);
  const char *names[4];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (swedish_200, "å");
  names[0] = "Grundutbildning & <lösningsfokus> \"för\" 'arbetsledare'";
  names[1] = "Robert'); DROP TABLE project;--";
  names[2] = name_200;
  names[3] = swedish_200->str;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      SpProjectData data = project_data (names[i], NULL, NULL);
      g_autoptr(SpProject) loaded = NULL;
      SpProjectDecisionData d = decision ("2009-03-24", "§ 12 & <13>", "\"Beviljas\" & 'avslås' <inte>");
      gint64 id;

      data.short_name = names[i];
      data.description = names[i];
      id = sp_project_add (f->db, &data, &error);
      g_assert_no_error (error);
      loaded = sp_project_load (f->db, id, &error);
      assert_string_equal (sp_project_get_name (loaded), names[i]);
      assert_string_equal (sp_project_get_short_name (loaded), names[i]);
      assert_string_equal (sp_project_get_description (loaded), names[i]);
      assert_string_equal (sp_project_get_name (find (f, id)), names[i]);
      assert_true (sp_project_add_decision (f->db, id, &d, &error) > 0);
      {
        g_autoptr(SpRecordList) decisions = sp_project_decision_list_new (f->db, id);
        g_autoptr(SpProjectDecision) stored = g_list_model_get_item (G_LIST_MODEL (decisions), 0);

        assert_string_equal (sp_project_decision_get_paragraph (stored), "§ 12 & <13>");
        assert_string_equal (sp_project_decision_get_text (stored), "\"Beviljas\" & 'avslås' <inte>");
      }
    }
  assert_int_equal (n_items (f->list), 4);
}

/* Makes a project and walks it to @status along the workflow. */
static gint64
project_in_status (Fixture         *f,
                   const char      *name,
                   SpProjectStatus  status)
{
  SpProjectDecisionData d = decision ("2009-03-24", "§ 1", "");
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, name, NULL, NULL);

  if (status == SP_PROJECT_STATUS_REJECTED)
    assert_true (sp_project_decide (f->db, id, FALSE, &d, &error));
  if (status == SP_PROJECT_STATUS_APPLICATION || status == SP_PROJECT_STATUS_REJECTED)
    return id;
  assert_true (sp_project_decide (f->db, id, TRUE, &d, &error));
  if (status >= SP_PROJECT_STATUS_ONGOING)
    assert_true (sp_project_start (f->db, id, &d, &error));
  if (status >= SP_PROJECT_STATUS_FINISHED)
    assert_true (sp_project_finish (f->db, id, &d, &error));
  if (status >= SP_PROJECT_STATUS_IMPLEMENTED)
    assert_true (sp_project_implement (f->db, id, &d, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_workflow (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Arbetslivscoacher", "2009-01-01", "2010-12-31");
  g_autoptr(SpRecordList) decisions = sp_project_decision_list_new (f->db, id);
  SpProject *shown = find (f, id);
  struct {
    SpProjectStatus             to;
    SpProjectDecisionData       d;
  } steps[] = {
    { SP_PROJECT_STATUS_GRANTED, { "2009-03-24", "§ 12", "Ansökan beviljas med 500 000 kr för 2009." } },
    { SP_PROJECT_STATUS_ONGOING, { "2009-04-20", "§ 20", "Projektet startar." } },
    { SP_PROJECT_STATUS_FINISHED, { "2010-12-15", "§ 45", "Projektet avslutas." } },
    { SP_PROJECT_STATUS_IMPLEMENTED, { "2011-02-10", " § 3 ", "Metoden förs in i ordinarie verksamhet." } },
  };
  const char *labels[] = { "Grant application", "Start project", "Finish project", "Implement project" };

  assert_int_equal (sp_project_get_status (shown), SP_PROJECT_STATUS_APPLICATION);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SpProjectDecision) made = NULL;

      assert_true (sp_project_change_status (f->db, id, steps[i].to, &steps[i].d, &error));
      g_assert_no_error (error);
      assert_int_equal (sp_project_get_status (shown), steps[i].to);
      assert_string_equal (sp_history_get_undo_label (sp_database_get_history (f->db)), labels[i]);
      assert_int_equal (n_items (decisions), i + 1);
      made = g_list_model_get_item (G_LIST_MODEL (decisions), i);
      assert_string_equal (sp_project_decision_get_date (made), steps[i].d.date);
      assert_true (sp_project_decision_get_changes_status (made));
      assert_int_equal (sp_project_decision_get_status (made), steps[i].to);
      assert_int_equal (sp_project_decision_get_project_id (made), id);
    }
  {
    g_autoptr(SpProjectDecision) last = g_list_model_get_item (G_LIST_MODEL (decisions), 3);
    assert_string_equal (sp_project_decision_get_paragraph (last), "§ 3");
  }
  assert_int_equal (sp_project_get_n_decisions (shown), 4);

  /* Rejected: the end of the road. */
  {
    gint64 rejected = add (f, "Avslaget", NULL, NULL);
    SpProjectDecisionData d = decision ("2009-03-24", "§ 13", "Ansökan avslås.");

    assert_true (sp_project_decide (f->db, rejected, FALSE, &d, &error));
    assert_int_equal (sp_project_get_status (find (f, rejected)), SP_PROJECT_STATUS_REJECTED);
    assert_string_equal (sp_history_get_undo_label (sp_database_get_history (f->db)), "Reject application");
  }
  g_assert_no_error (error);
}

static void
test_illegal_transitions (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  SpProjectDecisionData d = decision ("2009-05-01", "§ 5", "");
  gint64 ids[SP_PROJECT_STATUS_IMPLEMENTED + 1];
  guint refused = 0;

  for (SpProjectStatus s = SP_PROJECT_STATUS_APPLICATION; s <= SP_PROJECT_STATUS_IMPLEMENTED; s++)
    ids[s] = project_in_status (f, sp_project_status_to_string (s), s);
  before = sp_test_dump_database (f->db);

  for (SpProjectStatus from = SP_PROJECT_STATUS_APPLICATION; from <= SP_PROJECT_STATUS_IMPLEMENTED; from++)
    for (SpProjectStatus to = SP_PROJECT_STATUS_APPLICATION; to <= SP_PROJECT_STATUS_IMPLEMENTED; to++)
      {
        if (sp_project_status_can_change (from, to))
          continue;
        assert_refused (f, before, sp_project_change_status (f->db, ids[from], to, &d, &error),
                        &error, SP_ERROR_INVALID);
        refused++;
      }
  /* 36 pairs, 5 allowed. */
  assert_int_equal (refused, 31);

  assert_false (sp_project_start (f->db, ids[SP_PROJECT_STATUS_REJECTED], &d, &error));
  assert_string_equal (error->message, "A rejected application cannot be started.");
  g_clear_error (&error);
  assert_false (sp_project_start (f->db, ids[SP_PROJECT_STATUS_APPLICATION], &d, &error));
  assert_string_equal (error->message, "The application must be granted before the project can start.");
  g_clear_error (&error);
  assert_false (sp_project_decide (f->db, ids[SP_PROJECT_STATUS_ONGOING], FALSE, &d, &error));
  assert_string_equal (error->message, "The application has already been granted.");
  g_clear_error (&error);
  assert_false (sp_project_implement (f->db, ids[SP_PROJECT_STATUS_ONGOING], &d, &error));
  assert_string_equal (error->message, "Only a finished project can be implemented.");
  g_clear_error (&error);
  assert_false (sp_project_finish (f->db, ids[SP_PROJECT_STATUS_FINISHED], &d, &error));
  assert_string_equal (error->message, "The project has already finished.");
  g_clear_error (&error);

  /* An unknown status, a missing project, and bad decisions. */
  assert_refused (f, before, sp_project_change_status (f->db, ids[0], (SpProjectStatus) 9, &d, &error),
                  &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_decide (f->db, 999, TRUE, &d, &error), &error, SP_ERROR_NOT_FOUND);
  {
    g_autofree char *long_paragraph = g_strnfill (51, '9');
    SpProjectDecisionData bad[] = {
      { NULL, "§ 1", "" },
      { "", "§ 1", "" },
      { "2009-02-29", "§ 1", "" },
      { "24/3 2009", "§ 1", "" },
      { "2009-03-24", long_paragraph, "" },
      { "2009-03-24", "§\n1", "" },
      { "2009-03-24", "§ 1", "\xc3" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        assert_refused (f, before, sp_project_decide (f->db, ids[0], TRUE, &bad[i], &error),
                        &error, SP_ERROR_INVALID);
        assert_refused (f, before, sp_project_add_decision (f->db, ids[0], &bad[i], &error) != 0,
                        &error, SP_ERROR_INVALID);
      }
    assert_refused (f, before, sp_project_decide (f->db, ids[0], TRUE, NULL, &error),
                    &error, SP_ERROR_INVALID);
  }
  /* 50 characters are fine. */
  {
    g_autofree char *paragraph_50 = g_strnfill (50, '9');
    SpProjectDecisionData ok = decision ("2008-02-29", paragraph_50, NULL);

    assert_true (sp_project_decide (f->db, ids[0], TRUE, &ok, &error));
    g_assert_no_error (error);
  }
}

static void
test_decisions (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Empowerment", "2009-01-01", NULL);
  g_autoptr(SpRecordList) decisions = sp_project_decision_list_new (f->db, id);
  SpTestModelSpy *spy = NULL;
  SpProjectDecisionData grant = decision ("2009-03-24", "§ 12", "Beviljas.");
  SpProjectDecisionData start = decision ("2009-05-01", "§ 20", "Startar.");
  SpProjectDecisionData extension = decision ("2009-04-01", "§ 15", "Projekttiden förlängs ett år.");
  g_autofree char *before = NULL;
  gint64 granted_id, plain_id, started_id;

  spy = sp_test_model_spy_new (G_LIST_MODEL (decisions));
  assert_true (sp_project_decide (f->db, id, TRUE, &grant, &error));
  sp_test_model_spy_expect (spy, 0, 0, 1);
  assert_true (sp_project_start (f->db, id, &start, &error));
  sp_test_model_spy_expect (spy, 1, 0, 1);
  /* A plain decision, between the two by date. */
  plain_id = sp_project_add_decision (f->db, id, &extension, &error);
  assert_true (plain_id > 0);
  sp_test_model_spy_expect (spy, 1, 0, 1);
  {
    g_autoptr(SpProjectDecision) plain = g_list_model_get_item (G_LIST_MODEL (decisions), 1);
    g_autoptr(SpProjectDecision) first = g_list_model_get_item (G_LIST_MODEL (decisions), 0);
    g_autoptr(SpProjectDecision) last = g_list_model_get_item (G_LIST_MODEL (decisions), 2);

    assert_int_equal (sp_record_get_id (SP_RECORD (plain)), plain_id);
    assert_false (sp_project_decision_get_changes_status (plain));
    granted_id = sp_record_get_id (SP_RECORD (first));
    started_id = sp_record_get_id (SP_RECORD (last));
  }
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_ONGOING);

  /* Editing a date moves the decision in the list; the status stays. */
  extension.date = "2009-06-01";
  assert_true (sp_project_update_decision (f->db, plain_id, &extension, &error));
  sp_test_model_spy_expect (spy, 1, 2, 2);
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_ONGOING);

  /* An earlier status decision cannot go while a later one stands. */
  before = sp_test_dump_database (f->db);
  assert_refused (f, before, sp_project_delete_decision (f->db, granted_id, &error), &error, SP_ERROR_IN_USE);
  assert_refused (f, before, sp_project_delete_decision (f->db, 999, &error), &error, SP_ERROR_NOT_FOUND);
  extension.date = "2009-06-31";
  assert_refused (f, before, sp_project_update_decision (f->db, plain_id, &extension, &error),
                  &error, SP_ERROR_INVALID);
  assert_int_equal (spy->changes->len, 0);

  /* The plain one goes without touching the status. */
  assert_true (sp_project_delete_decision (f->db, plain_id, &error));
  sp_test_model_spy_expect (spy, 2, 1, 0);
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_ONGOING);

  /* The latest status decision goes, and the status goes back with it. */
  assert_true (sp_project_delete_decision (f->db, started_id, &error));
  sp_test_model_spy_expect (spy, 1, 1, 0);
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_GRANTED);
  assert_true (sp_project_delete_decision (f->db, granted_id, &error));
  assert_int_equal (sp_project_get_status (find (f, id)), SP_PROJECT_STATUS_APPLICATION);
  assert_int_equal (n_items (decisions), 0);
  g_assert_no_error (error);
  sp_test_model_spy_free (spy);
}

static void
test_grants (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Resam", "2009-01-01", "2010-12-31");
  g_autoptr(SpRecordList) grants = sp_project_grant_list_new (f->db, id);
  g_autofree char *before = NULL;
  SpMoney amount = -1;
  gboolean is_set = TRUE;

  assert_true (sp_project_set_grant (f->db, id, 2010, 30000000, &error));
  assert_true (sp_project_set_grant (f->db, id, 2009, 0, &error));
  assert_int_equal (n_items (grants), 2);
  {
    g_autoptr(SpProjectGrant) first = g_list_model_get_item (G_LIST_MODEL (grants), 0);
    g_autoptr(SpProjectGrant) second = g_list_model_get_item (G_LIST_MODEL (grants), 1);

    assert_int_equal (sp_project_grant_get_year (first), 2009);
    assert_int_equal (sp_project_grant_get_amount (first), 0);
    assert_int_equal (sp_project_grant_get_project_id (first), id);
    assert_int_equal (sp_project_grant_get_year (second), 2010);
    assert_int_equal (sp_project_grant_get_amount (second), 30000000);
  }

  /* 0 is set, apart from "not set". */
  assert_true (sp_project_get_granted (f->db, id, 2009, &amount, &is_set, &error));
  assert_int_equal (amount, 0);
  assert_true (is_set);
  assert_true (sp_project_get_granted (f->db, id, 2011, &amount, &is_set, &error));
  assert_int_equal (amount, 0);
  assert_false (is_set);

  /* Setting again changes the row; the same amount is no edit at all. */
  assert_true (sp_project_set_grant (f->db, id, 2009, 45000050, &error));
  assert_true (sp_project_get_granted (f->db, id, 2009, &amount, NULL, &error));
  assert_int_equal (amount, 45000050);
  assert_int_equal (n_items (grants), 2);
  before = sp_test_dump_database (f->db);
  assert_true (sp_project_set_grant (f->db, id, 2009, 45000050, &error));
  assert_string_equal (sp_history_get_undo_label (sp_database_get_history (f->db)), "Set granted funds");
  {
    g_autofree char *same = sp_test_dump_database (f->db);
    assert_string_equal (before, same);
  }

  assert_refused (f, before, sp_project_set_grant (f->db, id, 2009, -1, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_grant (f->db, id, 2009, SP_MONEY_MAX + 1, &error),
                  &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_grant (f->db, id, 1989, 100, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_grant (f->db, id, 2101, 100, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_grant (f->db, 999, 2009, 100, &error), &error, SP_ERROR_NOT_FOUND);
  assert_refused (f, before, sp_project_clear_grant (f->db, 999, 2009, &error), &error, SP_ERROR_NOT_FOUND);

  assert_true (sp_project_clear_grant (f->db, id, 2010, &error));
  assert_int_equal (n_items (grants), 1);
  assert_int_equal (sp_project_get_total_granted (find (f, id)), 45000050);
  g_assert_no_error (error);
}

static void
test_cofunding (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Resam", "2009-01-01", NULL);
  g_autoptr(SpRecordList) cofunding = sp_project_cofunding_list_new (f->db, id);
  g_autofree char *before = NULL;

  assert_true (sp_project_set_cofunding (f->db, id, NORBERG, 2009, FALSE, 10000000, &error));
  assert_true (sp_project_set_cofunding (f->db, id, FAGERSTA, 2009, TRUE, 20000000, &error));
  assert_true (sp_project_set_cofunding (f->db, id, FAGERSTA, 2009, FALSE, 5000000, &error));
  assert_true (sp_project_set_cofunding (f->db, id, FK_ID, 2010, TRUE, 7000000, &error));
  g_assert_no_error (error);
  assert_int_equal (n_items (cofunding), 4);
  {
    /* By year, then the members' order, money before in kind. */
    struct { gint64 member; int year; gboolean in_kind; SpMoney amount; const char *name; } expected[] = {
      { FAGERSTA, 2009, FALSE, 5000000, "Fagersta kommun" },
      { FAGERSTA, 2009, TRUE, 20000000, "Fagersta kommun" },
      { NORBERG, 2009, FALSE, 10000000, "Norbergs kommun" },
      { FK_ID, 2010, TRUE, 7000000, "Försäkringskassan" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(SpProjectCofunding) row = g_list_model_get_item (G_LIST_MODEL (cofunding), i);

        assert_int_equal (sp_project_cofunding_get_project_id (row), id);
        assert_int_equal (sp_project_cofunding_get_member_id (row), expected[i].member);
        assert_int_equal (sp_project_cofunding_get_year (row), expected[i].year);
        assert_int_equal (sp_project_cofunding_get_in_kind (row), expected[i].in_kind);
        assert_int_equal (sp_project_cofunding_get_amount (row), expected[i].amount);
        assert_string_equal (sp_project_cofunding_get_member_name (row), expected[i].name);
      }
  }

  assert_true (sp_project_set_cofunding (f->db, id, NORBERG, 2009, FALSE, 12000000, &error));
  assert_int_equal (n_items (cofunding), 4);
  before = sp_test_dump_database (f->db);
  assert_refused (f, before, sp_project_set_cofunding (f->db, id, 999, 2009, FALSE, 1, &error),
                  &error, SP_ERROR_NOT_FOUND);
  assert_refused (f, before, sp_project_set_cofunding (f->db, id, NORBERG, 2009, FALSE, -1, &error),
                  &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_cofunding (f->db, id, NORBERG, 1900, FALSE, 1, &error),
                  &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_cofunding (f->db, 999, NORBERG, 2009, FALSE, 1, &error),
                  &error, SP_ERROR_NOT_FOUND);

  assert_true (sp_project_clear_cofunding (f->db, id, FAGERSTA, 2009, TRUE, &error));
  assert_int_equal (n_items (cofunding), 3);
  g_assert_no_error (error);
}

static void
test_participants (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Arbetslivscoacher", "2009-01-01", NULL);
  g_autoptr(SpRecordList) participants = sp_project_participants_list_new (f->db, id);
  SpProjectParticipantsData planned = { 20, 20, 25, 15, 0, 0, 0 };
  /* The age groups need not add up to women + men. */
  SpProjectParticipantsData actual = { 14, 9, 10, 8, 5, 2, 7 };
  SpProjectParticipantsData read;
  g_autofree char *before = NULL;

  assert_true (sp_project_set_participants (f->db, id, 2009, FALSE, &actual, &error));
  assert_true (sp_project_set_participants (f->db, id, 2009, TRUE, &planned, &error));
  assert_true (sp_project_set_participants (f->db, id, 2010, TRUE, &planned, &error));
  g_assert_no_error (error);
  assert_int_equal (n_items (participants), 3);
  {
    g_autoptr(SpProjectParticipants) first = g_list_model_get_item (G_LIST_MODEL (participants), 0);
    g_autoptr(SpProjectParticipants) second = g_list_model_get_item (G_LIST_MODEL (participants), 1);

    /* The planned before the actual of a year. */
    assert_true (sp_project_participants_get_planned (first));
    assert_int_equal (sp_project_participants_get_year (first), 2009);
    assert_int_equal (sp_project_participants_get_project_id (first), id);
    assert_false (sp_project_participants_get_planned (second));
    sp_project_participants_get_data (second, &read);
    assert_memory_equal (&read, &actual, sizeof read);
  }

  actual.to_work = 6;
  assert_true (sp_project_set_participants (f->db, id, 2009, FALSE, &actual, &error));
  assert_int_equal (n_items (participants), 3);
  {
    g_autoptr(SpProjectParticipants) second = g_list_model_get_item (G_LIST_MODEL (participants), 1);
    sp_project_participants_get_data (second, &read);
    assert_int_equal (read.to_work, 6);
  }

  before = sp_test_dump_database (f->db);
  for (guint field = 0; field < 7; field++)
    {
      SpProjectParticipantsData bad = actual;

      ((int *) &bad)[field] = -1;
      assert_refused (f, before, sp_project_set_participants (f->db, id, 2009, FALSE, &bad, &error),
                      &error, SP_ERROR_INVALID);
    }
  assert_refused (f, before, sp_project_set_participants (f->db, id, 3000, FALSE, &actual, &error),
                  &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_set_participants (f->db, 999, 2009, FALSE, &actual, &error),
                  &error, SP_ERROR_NOT_FOUND);

  assert_true (sp_project_clear_participants (f->db, id, 2010, TRUE, &error));
  assert_int_equal (n_items (participants), 2);
  g_assert_no_error (error);
}

/* The id of the row that links @project to @target_group, or 0. */
static gint64
target_group_row (Fixture *f,
                  gint64   project,
                  gint64   target_group)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  sqlite3_prepare_v2 (sp_database_get_handle (f->db),
                      "SELECT id FROM project_target_group WHERE project_id = ?1 AND target_group_id = ?2",
                      -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, project);
  sqlite3_bind_int64 (stmt, 2, target_group);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static void
test_target_groups (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Hälsocenter", NULL, NULL);
  gint64 first[] = { TG_WOMEN, TG_YOUNG, TG_WOMEN };
  gint64 second[] = { TG_LONG, TG_WOMEN };
  gint64 bad[] = { TG_LONG, 999 };
  g_autoptr(GArray) groups = NULL;
  g_autofree char *before = NULL;
  gint64 women_row;

  assert_true (sp_project_set_target_groups (f->db, id, first, G_N_ELEMENTS (first), &error));
  groups = sp_project_get_target_groups (f->db, id, &error);
  assert_int_equal (groups->len, 2);
  /* In the plan's order. */
  assert_int_equal (g_array_index (groups, gint64, 0), TG_YOUNG);
  assert_int_equal (g_array_index (groups, gint64, 1), TG_WOMEN);
  g_clear_pointer (&groups, g_array_unref);
  women_row = target_group_row (f, id, TG_WOMEN);
  assert_true (women_row > 0);

  before = sp_test_dump_database (f->db);
  assert_refused (f, before, sp_project_set_target_groups (f->db, id, bad, G_N_ELEMENTS (bad), &error),
                  &error, SP_ERROR_NOT_FOUND);
  assert_refused (f, before, sp_project_set_target_groups (f->db, 999, second, 1, &error),
                  &error, SP_ERROR_NOT_FOUND);

  assert_true (sp_project_set_target_groups (f->db, id, second, G_N_ELEMENTS (second), &error));
  groups = sp_project_get_target_groups (f->db, id, &error);
  assert_int_equal (groups->len, 2);
  assert_int_equal (g_array_index (groups, gint64, 0), TG_LONG);
  assert_int_equal (g_array_index (groups, gint64, 1), TG_WOMEN);
  g_clear_pointer (&groups, g_array_unref);
  /* The kept row kept its id: only what changed was written. */
  assert_int_equal (target_group_row (f, id, TG_WOMEN), women_row);

  assert_true (sp_project_set_target_groups (f->db, id, NULL, 0, &error));
  groups = sp_project_get_target_groups (f->db, id, &error);
  assert_int_equal (groups->len, 0);
  g_assert_no_error (error);
}

static void
test_undo_every_edit (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  SpProjectData data = project_data ("Friskare Norberg", "2009-01-01", "2010-12-31");
  SpProjectDecisionData d = decision ("2009-03-24", "§ 12", "Beviljas.");
  SpProjectParticipantsData counts = { 10, 5, 8, 7, 3, 1, 4 };
  gint64 groups[] = { TG_YOUNG, TG_LONG };
  gint64 a, b, c, plain;
  gboolean archived = FALSE;

#define STEP(call)                                             \
  G_STMT_START {                                               \
    assert_true (call);                                        \
    g_assert_no_error (error);                                 \
    g_ptr_array_add (dumps, sp_test_dump_database (f->db));    \
  } G_STMT_END

  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  data.owner_id = NORBERG;
  data.area_id = AREA_PROJ;
  STEP ((a = sp_project_add (f->db, &data, &error)) > 0);
  data.priority = 2;
  data.description = "Hälsa i Norberg.";
  STEP (sp_project_update (f->db, a, &data, &error));
  STEP (sp_project_decide (f->db, a, TRUE, &d, &error));
  STEP (sp_project_start (f->db, a, &d, &error));
  STEP ((plain = sp_project_add_decision (f->db, a, &d, &error)) > 0);
  d.text = "Ändrad text.";
  STEP (sp_project_update_decision (f->db, plain, &d, &error));
  STEP (sp_project_delete_decision (f->db, plain, &error));
  STEP (sp_project_finish (f->db, a, &d, &error));
  STEP (sp_project_implement (f->db, a, &d, &error));
  STEP (sp_project_set_grant (f->db, a, 2009, 40000000, &error));
  STEP (sp_project_set_grant (f->db, a, 2009, 41000000, &error));
  STEP (sp_project_set_grant (f->db, a, 2010, 20000000, &error));
  STEP (sp_project_clear_grant (f->db, a, 2010, &error));
  STEP (sp_project_set_cofunding (f->db, a, NORBERG, 2009, TRUE, 1000000, &error));
  STEP (sp_project_set_cofunding (f->db, a, NORBERG, 2009, TRUE, 2000000, &error));
  STEP (sp_project_clear_cofunding (f->db, a, NORBERG, 2009, TRUE, &error));
  STEP (sp_project_set_participants (f->db, a, 2009, FALSE, &counts, &error));
  STEP (sp_project_set_participants (f->db, a, 2009, TRUE, &counts, &error));
  STEP (sp_project_clear_participants (f->db, a, 2009, TRUE, &error));
  STEP (sp_project_set_target_groups (f->db, a, groups, 2, &error));
  STEP (sp_project_set_target_groups (f->db, a, groups + 1, 1, &error));
  STEP (sp_project_delete (f->db, a, &archived, &error));
  assert_true (archived);
  STEP (sp_project_unarchive (f->db, a, &error));
  STEP (sp_project_archive (f->db, a, &error));
  STEP ((b = add (f, "Avslaget", NULL, NULL)) > 0);
  STEP (sp_project_decide (f->db, b, FALSE, &d, &error));
  STEP ((c = add (f, "Utan beslut", "2009-01-01", NULL)) > 0);
  STEP (sp_project_set_grant (f->db, c, 2009, 100, &error));
  STEP (sp_project_set_participants (f->db, c, 2009, FALSE, &counts, &error));
  STEP (sp_project_set_cofunding (f->db, c, FK_ID, 2009, FALSE, 300, &error));
  STEP (sp_project_set_target_groups (f->db, c, groups, 2, &error));
  STEP (sp_project_delete (f->db, c, &archived, &error));
  assert_false (archived);
#undef STEP

  for (guint i = dumps->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      assert_true (sp_history_undo (history, &error));
      g_assert_no_error (error);
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i - 1));
    }
  assert_int_equal (n_items (f->list), 0);
  assert_false (sp_history_can_undo (history));

  for (guint i = 1; i < dumps->len; i++)
    {
      g_autofree char *now = NULL;

      assert_true (sp_history_redo (history, &error));
      g_assert_no_error (error);
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i));
    }
  assert_int_equal (n_items (f->list), 2);
  assert_true (sp_project_get_archived (find (f, a)));
  assert_int_equal (sp_project_get_status (find (f, a)), SP_PROJECT_STATUS_IMPLEMENTED);
  assert_int_equal (sp_project_get_status (find (f, b)), SP_PROJECT_STATUS_REJECTED);
}

static void
test_archive_or_delete (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  SpProjectDecisionData d = decision ("2009-03-24", "§ 12", "Beviljas.");
  SpProjectParticipantsData counts = { 1, 2, 3, 0, 0, 0, 0 };
  gint64 groups[] = { TG_YOUNG };
  gint64 kept = add (f, "Med beslut", "2009-01-01", NULL);
  gint64 gone = add (f, "Utan beslut", "2009-02-01", NULL);
  g_autofree char *full = NULL;
  g_autofree char *before = NULL;
  gboolean archived = TRUE;

  /* A project's goal (the plan module's table) goes with it too. */
  {
    g_autofree char *sql = g_strdup_printf ("INSERT INTO goal (project_id, kind, text) "
                                            "VALUES (%" G_GINT64_FORMAT ", 'measurable', '20 deltagare')", gone);
    assert_true (sp_database_exec (f->db, sql, &error));
  }
  assert_true (sp_project_decide (f->db, kept, TRUE, &d, &error));
  assert_true (sp_project_set_grant (f->db, gone, 2009, 1000, &error));
  assert_true (sp_project_set_cofunding (f->db, gone, FAGERSTA, 2009, FALSE, 500, &error));
  assert_true (sp_project_set_participants (f->db, gone, 2009, FALSE, &counts, &error));
  assert_true (sp_project_set_target_groups (f->db, gone, groups, 1, &error));
  full = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);

  /* Without decisions: deleted, with everything of its own. */
  assert_true (sp_project_delete (f->db, gone, &archived, &error));
  assert_false (archived);
  sp_test_model_spy_expect (f->spy, 1, 1, 0);
  assert_string_equal (sp_history_get_undo_label (history), "Delete project");
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (sp_database_get_handle (f->db),
                        "SELECT (SELECT count(*) FROM project_grant) + (SELECT count(*) FROM project_cofunding)"
                        " + (SELECT count(*) FROM project_participants) + (SELECT count(*) FROM project_target_group)"
                        " + (SELECT count(*) FROM goal)", -1, &stmt, NULL);
    assert_int_equal (sqlite3_step (stmt), SQLITE_ROW);
    assert_int_equal (sqlite3_column_int (stmt, 0), 0);
    sqlite3_finalize (stmt);
  }
  assert_true (sp_history_undo (history, &error));
  {
    g_autofree char *now = sp_test_dump_database (f->db);
    assert_string_equal (now, full);
  }
  sp_test_model_spy_expect (f->spy, 1, 0, 1);

  /* With decisions: archived, still listed. */
  assert_true (sp_project_delete (f->db, kept, &archived, &error));
  assert_true (archived);
  assert_string_equal (sp_history_get_undo_label (history), "Archive project");
  assert_int_equal (f->spy->changes->len, 0);
  assert_true (sp_project_get_archived (find (f, kept)));

  /* Deleting it again is refused; archiving it again too. */
  before = sp_test_dump_database (f->db);
  assert_refused (f, before, sp_project_delete (f->db, kept, &archived, &error), &error, SP_ERROR_IN_USE);
  assert_false (archived);
  assert_refused (f, before, sp_project_archive (f->db, kept, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_unarchive (f->db, gone, &error), &error, SP_ERROR_INVALID);
  assert_refused (f, before, sp_project_delete (f->db, 999, &archived, &error), &error, SP_ERROR_NOT_FOUND);

  assert_true (sp_project_unarchive (f->db, kept, &error));
  assert_false (sp_project_get_archived (find (f, kept)));
  assert_true (sp_history_undo (history, &error));
  assert_true (sp_history_undo (history, &error));
  {
    g_autofree char *now = sp_test_dump_database (f->db);
    assert_string_equal (now, full);
  }
  g_assert_no_error (error);
}

static void
test_active_in (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpProjectDecisionData d = decision ("2009-03-24", "", "");
  struct {
    const char      *start;
    const char      *end;
    SpProjectStatus  status;
    int              grant_year;
    gboolean         active[4];   /* 2008, 2009, 2010, 2011 */
  } cases[] = {
    { "2009-01-01", "2010-06-30", SP_PROJECT_STATUS_ONGOING, 0, { FALSE, TRUE, TRUE, FALSE } },
    { "2009-01-01", NULL, SP_PROJECT_STATUS_ONGOING, 0, { FALSE, TRUE, TRUE, TRUE } },
    { "2009-01-01", NULL, SP_PROJECT_STATUS_GRANTED, 0, { FALSE, TRUE, TRUE, TRUE } },
    { "2009-01-01", NULL, SP_PROJECT_STATUS_FINISHED, 0, { FALSE, TRUE, FALSE, FALSE } },
    { NULL, "2010-12-31", SP_PROJECT_STATUS_FINISHED, 0, { FALSE, FALSE, TRUE, FALSE } },
    { NULL, "2010-12-31", SP_PROJECT_STATUS_ONGOING, 0, { TRUE, TRUE, TRUE, FALSE } },
    { NULL, NULL, SP_PROJECT_STATUS_ONGOING, 0, { TRUE, TRUE, TRUE, TRUE } },
    { NULL, NULL, SP_PROJECT_STATUS_GRANTED, 2011, { FALSE, FALSE, FALSE, TRUE } },
    { NULL, NULL, SP_PROJECT_STATUS_IMPLEMENTED, 0, { FALSE, FALSE, FALSE, FALSE } },
    { "2008-01-01", "2008-12-31", SP_PROJECT_STATUS_FINISHED, 2010, { TRUE, FALSE, TRUE, FALSE } },
    { "2009-01-01", "2010-12-31", SP_PROJECT_STATUS_APPLICATION, 2009, { FALSE, FALSE, FALSE, FALSE } },
    { "2009-01-01", "2010-12-31", SP_PROJECT_STATUS_REJECTED, 0, { FALSE, FALSE, FALSE, FALSE } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("Fall %u", i);
      gint64 id = add (f, name, cases[i].start, cases[i].end);

      if (cases[i].status == SP_PROJECT_STATUS_REJECTED)
        assert_true (sp_project_decide (f->db, id, FALSE, &d, &error));
      else if (cases[i].status != SP_PROJECT_STATUS_APPLICATION)
        for (SpProjectStatus s = SP_PROJECT_STATUS_GRANTED; s <= cases[i].status; s++)
          if (s != SP_PROJECT_STATUS_REJECTED)
            assert_true (sp_project_change_status (f->db, id, s, &d, &error));
      if (cases[i].grant_year != 0)
        assert_true (sp_project_set_grant (f->db, id, cases[i].grant_year, 100, &error));
      g_assert_no_error (error);

      for (int year = 2008; year <= 2011; year++)
        {
          g_autoptr(GHashTable) figures = sp_project_get_year_figures (f->db, year, &error);
          SpProjectYearFigures *row = g_hash_table_lookup (figures, &id);
          gboolean active = !cases[i].active[year - 2008];

          assert_true (sp_project_is_active_in (f->db, id, year, &active, &error));
          if (active != cases[i].active[year - 2008])
            g_error ("case %u, %d: expected %d", i, year, cases[i].active[year - 2008]);
          assert_int_equal (row != NULL && row->active, active);
        }
    }
  {
    gboolean active;
    assert_false (sp_project_is_active_in (f->db, 999, 2009, &active, &error));
    assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  }
}

/* The bulk details equal what the per-project functions say. */
static void
test_year_details (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 granted = add (f, "Resam", "2009-01-01", NULL);
  gint64 plain = add (f, "Hälsocenter", "2009-01-01", NULL);
  gint64 bare = add (f, "Utan allt", NULL, NULL);
  gint64 groups[] = { TG_WOMEN, TG_YOUNG };
  SpProjectDecisionData d1 = decision ("2009-01-10", "§ 3", "Beviljas.");
  SpProjectDecisionData d2 = decision ("2009-05-01", "§ 9", "Information.");
  SpProjectDecisionData d3 = decision ("2008-12-01", "§ 40", "Bordläggs.");
  g_autoptr(GHashTable) details = NULL;
  const SpProjectYearDetails *a, *b;

  assert_true (sp_project_set_target_groups (f->db, granted, groups, G_N_ELEMENTS (groups), &error));
  assert_true (sp_project_set_cofunding (f->db, granted, NORBERG, 2009, FALSE, 10000000, &error));
  assert_true (sp_project_set_cofunding (f->db, granted, FAGERSTA, 2009, TRUE, 20000000, &error));
  assert_true (sp_project_set_cofunding (f->db, granted, FAGERSTA, 2009, FALSE, 5000000, &error));
  assert_true (sp_project_set_cofunding (f->db, granted, FK_ID, 2010, TRUE, 7000000, &error));
  assert_true (sp_project_change_status (f->db, granted, SP_PROJECT_STATUS_GRANTED, &d1, &error));
  assert_true (sp_project_add_decision (f->db, granted, &d2, &error) > 0);
  assert_true (sp_project_add_decision (f->db, plain, &d3, &error) > 0);
  assert_true (sp_project_add_decision (f->db, plain, &d2, &error) > 0);
  g_assert_no_error (error);

  details = sp_project_get_year_details (f->db, 2009, &error);
  g_assert_no_error (error);
  assert_non_null (details);
  assert_int_equal (g_hash_table_size (details), 2);
  assert_null (g_hash_table_lookup (details, &bare));

  /* Target groups by name in the plan's order; co-funding of the year in
   * the order of the co-funding list; the decision that granted. */
  a = g_hash_table_lookup (details, &granted);
  assert_non_null (a);
  assert_int_equal (a->project_id, granted);
  assert_int_equal (g_strv_length (a->target_groups), 2);
  assert_string_equal (a->target_groups[0], "Unga vuxna 16–29 år");
  assert_string_equal (a->target_groups[1], "Ohälsa hos kvinnor");
  assert_int_equal (a->cofunding->len, 3);
  {
    struct { gint64 member; gboolean in_kind; SpMoney amount; } expected[] = {
      { FAGERSTA, FALSE, 5000000 }, { FAGERSTA, TRUE, 20000000 }, { NORBERG, FALSE, 10000000 },
    };
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        const SpProjectCofundingRow *row = &g_array_index (a->cofunding, SpProjectCofundingRow, i);
        assert_int_equal (row->member_id, expected[i].member);
        assert_int_equal (row->in_kind, expected[i].in_kind);
        assert_int_equal (row->amount, expected[i].amount);
      }
  }
  assert_string_equal (a->decision_date, "2009-01-10");
  assert_string_equal (a->decision_paragraph, "§ 3");

  /* No decision granted: the latest one. */
  b = g_hash_table_lookup (details, &plain);
  assert_non_null (b);
  assert_int_equal (g_strv_length (b->target_groups), 0);
  assert_int_equal (b->cofunding->len, 0);
  assert_string_equal (b->decision_date, "2009-05-01");
  assert_string_equal (b->decision_paragraph, "§ 9");
  g_clear_pointer (&details, g_hash_table_unref);

  /* Another year: only its co-funding. */
  details = sp_project_get_year_details (f->db, 2010, &error);
  g_assert_no_error (error);
  a = g_hash_table_lookup (details, &granted);
  assert_int_equal (a->cofunding->len, 1);
  assert_int_equal (g_array_index (a->cofunding, SpProjectCofundingRow, 0).member_id, FK_ID);
  assert_int_equal (g_array_index (a->cofunding, SpProjectCofundingRow, 0).amount, 7000000);
  assert_true (g_array_index (a->cofunding, SpProjectCofundingRow, 0).in_kind);
  assert_int_equal (g_strv_length (a->target_groups), 2);
  g_clear_pointer (&details, g_hash_table_unref);

  /* A later granting decision wins over the earlier one. */
  {
    SpProjectDecisionData d4 = decision ("2009-06-01", "§ 20", "");
    assert_true (sp_project_change_status (f->db, plain, SP_PROJECT_STATUS_GRANTED, &d4, &error));
    assert_true (sp_project_add_decision (f->db, plain, &d2, &error) > 0);
    g_assert_no_error (error);
    details = sp_project_get_year_details (f->db, 2009, &error);
    b = g_hash_table_lookup (details, &plain);
    assert_string_equal (b->decision_date, "2009-06-01");
    assert_string_equal (b->decision_paragraph, "§ 20");
  }
}

static void
test_year_sums_random (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20090324);
  const gint64 areas[] = { 0, AREA_PROJ, AREA_ADM };
  enum { N_PROJECTS = 60, FIRST_YEAR = 2007, N_YEARS = 5 };
  SpMoney total[N_YEARS] = { 0 };
  SpMoney by_area[N_YEARS][G_N_ELEMENTS (areas)] = { { 0 } };
  SpMoney granted[N_PROJECTS][N_YEARS];
  gboolean has_grant[N_PROJECTS][N_YEARS];
  gint64 ids[N_PROJECTS];

  memset (has_grant, 0, sizeof has_grant);
  for (guint p = 0; p < N_PROJECTS; p++)
    {
      g_autofree char *name = g_strdup_printf ("Projekt %u", p);
      SpProjectData data = project_data (name, NULL, NULL);
      guint area = g_rand_int_range (rand, 0, G_N_ELEMENTS (areas));

      data.area_id = areas[area];
      ids[p] = sp_project_add (f->db, &data, &error);
      g_assert_no_error (error);
      for (guint y = 0; y < N_YEARS; y++)
        {
          SpMoney amount;

          if (g_rand_int_range (rand, 0, 3) == 0)
            continue;
          amount = (SpMoney) g_rand_int_range (rand, 0, 100000000) * 7 + g_rand_int_range (rand, 0, 100);
          assert_true (sp_project_set_grant (f->db, ids[p], FIRST_YEAR + y, amount, &error));
          granted[p][y] = amount;
          has_grant[p][y] = TRUE;
        }
      /* Change some again, and clear some. */
      if (p % 7 == 0 && has_grant[p][1])
        {
          granted[p][1] += 12345;
          assert_true (sp_project_set_grant (f->db, ids[p], FIRST_YEAR + 1, granted[p][1], &error));
        }
      if (p % 5 == 0 && has_grant[p][2])
        {
          has_grant[p][2] = FALSE;
          assert_true (sp_project_clear_grant (f->db, ids[p], FIRST_YEAR + 2, &error));
        }
      for (guint y = 0; y < N_YEARS; y++)
        if (has_grant[p][y])
          {
            total[y] += granted[p][y];
            by_area[y][area] += granted[p][y];
          }
    }

  for (guint y = 0; y < N_YEARS; y++)
    {
      g_autoptr(GHashTable) areas_sums = sp_project_get_granted_by_area (f->db, FIRST_YEAR + y, &error);
      g_autoptr(GHashTable) figures = sp_project_get_year_figures (f->db, FIRST_YEAR + y, &error);
      SpMoney sum = -1;
      guint n_with_grant = 0;

      assert_true (sp_project_get_granted_total (f->db, FIRST_YEAR + y, &sum, &error));
      assert_int_equal (sum, total[y]);
      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        {
          SpProjectAreaSum *row = g_hash_table_lookup (areas_sums, &areas[a]);
          assert_int_equal (row != NULL ? row->granted : 0, by_area[y][a]);
        }
      for (guint p = 0; p < N_PROJECTS; p++)
        {
          SpProjectYearFigures *row = g_hash_table_lookup (figures, &ids[p]);
          SpMoney amount = -1;
          gboolean is_set = FALSE;

          assert_true (sp_project_get_granted (f->db, ids[p], FIRST_YEAR + y, &amount, &is_set, &error));
          assert_int_equal (is_set, has_grant[p][y]);
          assert_int_equal (amount, has_grant[p][y] ? granted[p][y] : 0);
          /* Applications do not run, but their grants are reported. */
          assert_int_equal (row != NULL, has_grant[p][y]);
          if (row != NULL)
            {
              assert_true (row->has_grant);
              assert_int_equal (row->granted, granted[p][y]);
              assert_false (row->active);
              n_with_grant++;
            }
        }
      assert_int_equal (g_hash_table_size (figures), n_with_grant);
    }
  {
    SpMoney none = -1;
    g_autoptr(GHashTable) empty = sp_project_get_granted_by_area (f->db, 2050, &error);
    assert_true (sp_project_get_granted_total (f->db, 2050, &none, &error));
    assert_int_equal (none, 0);
    assert_int_equal (g_hash_table_size (empty), 0);
  }
  g_assert_no_error (error);
}

static void
test_ten_thousand (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = sp_database_get_handle (f->db);
  sqlite3_stmt *project = NULL, *grant = NULL, *participants = NULL;
  g_autoptr(GHashTable) figures = NULL;
  g_autoptr(SpRecordList) list = NULL;
  enum { N = 10000 };
  guint expect_rows = 0, expect_active = 0, expect_grants = 0, expect_people = 0;
  SpMoney expect_total = 0, total = -1;
  gint64 start;

  sp_database_set_recording (f->db, FALSE);
  assert_true (sp_database_begin (f->db, &error));
  sqlite3_prepare_v2 (handle, "INSERT INTO project (id, name, status, start_date, end_date, area_id) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &project, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO project_grant (project_id, year, amount) VALUES (?1, ?2, ?3)",
                      -1, &grant, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO project_participants (project_id, year, planned, women, men) "
                      "VALUES (?1, 2009, 0, ?2, ?3)", -1, &participants, NULL);
  for (gint64 i = 1; i <= N; i++)
    {
      g_autofree char *name = g_strdup_printf ("Projekt %05" G_GINT64_FORMAT, i);
      /* Statuses in turn; periods 2008–2009, 2009–, 2010–2011. */
      SpProjectStatus status = (SpProjectStatus) (i % 6);
      const char *starts[] = { "2008-01-01", "2009-06-01", "2010-01-01" };
      const char *ends[] = { "2009-12-31", NULL, "2011-12-31" };
      guint period = i % 3;
      gboolean has_grant = i % 4 == 0;
      gboolean has_people = i % 5 == 0;
      gboolean runs;

      sqlite3_bind_int64 (project, 1, i);
      sqlite3_bind_text (project, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (project, 3, sp_project_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (project, 4, starts[period], -1, SQLITE_STATIC);
      if (ends[period] != NULL)
        sqlite3_bind_text (project, 5, ends[period], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (project, 5);
      sqlite3_bind_int64 (project, 6, i % 2 ? AREA_PROJ : AREA_ADM);
      assert_int_equal (sqlite3_step (project), SQLITE_DONE);
      sqlite3_reset (project);
      sqlite3_clear_bindings (project);

      if (has_grant)
        {
          sqlite3_bind_int64 (grant, 1, i);
          sqlite3_bind_int (grant, 2, 2009);
          sqlite3_bind_int64 (grant, 3, i * 100);
          assert_int_equal (sqlite3_step (grant), SQLITE_DONE);
          sqlite3_reset (grant);
          expect_total += i * 100;
          expect_grants++;
        }
      if (has_people)
        {
          sqlite3_bind_int64 (participants, 1, i);
          sqlite3_bind_int (participants, 2, (int) (i % 7));
          sqlite3_bind_int (participants, 3, (int) (i % 11));
          assert_int_equal (sqlite3_step (participants), SQLITE_DONE);
          sqlite3_reset (participants);
          expect_people++;
        }

      /* The rule of sp_project_is_active_in(), computed here on its own. */
      if (status == SP_PROJECT_STATUS_APPLICATION || status == SP_PROJECT_STATUS_REJECTED)
        runs = FALSE;
      else if (has_grant || period == 0)
        runs = TRUE;
      else if (period == 1)
        /* From mid-2009 on, open-ended: runs in 2009 while granted or ongoing,
         * and also when finished, as 2009 is its start year. */
        runs = TRUE;
      else
        runs = FALSE;
      expect_active += runs;
      expect_rows += runs || has_grant || has_people;
    }
  sqlite3_finalize (project);
  sqlite3_finalize (grant);
  sqlite3_finalize (participants);
  assert_true (sp_database_commit (f->db, &error));
  sp_database_set_recording (f->db, TRUE);

  start = g_get_monotonic_time ();
  figures = sp_project_get_year_figures (f->db, 2009, &error);
  g_printerr ("# year figures of %d projects: %" G_GINT64_FORMAT " ms\n", N,
              (g_get_monotonic_time () - start) / 1000);
  g_assert_no_error (error);
  assert_int_equal (g_hash_table_size (figures), expect_rows);
  {
    GHashTableIter iter;
    SpProjectYearFigures *row;
    guint active = 0, grants = 0, people = 0;

    g_hash_table_iter_init (&iter, figures);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
      {
        active += row->active;
        grants += row->has_grant;
        people += row->has_participants;
        assert_false (row->has_planned);
        if (row->has_grant)
          assert_int_equal (row->granted, row->project_id * 100);
        if (row->has_participants)
          {
            assert_int_equal (row->women, row->project_id % 7);
            assert_int_equal (row->men, row->project_id % 11);
          }
      }
    assert_int_equal (active, expect_active);
    assert_int_equal (grants, expect_grants);
    assert_int_equal (people, expect_people);
  }
  assert_true (sp_project_get_granted_total (f->db, 2009, &total, &error));
  assert_int_equal (total, expect_total);

  start = g_get_monotonic_time ();
  list = sp_project_list_new (f->db);
  g_printerr ("# list of %d projects: %" G_GINT64_FORMAT " ms\n", N,
              (g_get_monotonic_time () - start) / 1000);
  assert_int_equal (n_items (list), N);
  /* The fixture's list heard nothing: the bulk load was not an edit. */
  assert_int_equal (n_items (f->list), 0);
  {
    SpProject *first = sp_record_list_find (list, 3, NULL);
    assert_string_equal (sp_project_get_name (first), "Projekt 00003");
    assert_string_equal (sp_project_get_area_name (first), "Projekt");
  }

  /* One more edit reloads the big list with one items-changed. */
  {
    SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (list));
    SpProjectData data = project_data ("Allra först", "1999-01-01", NULL);

    start = g_get_monotonic_time ();
    assert_true (sp_project_add (f->db, &data, &error) > 0);
    g_printerr ("# add and reload %d projects: %" G_GINT64_FORMAT " ms\n", N,
                (g_get_monotonic_time () - start) / 1000);
    sp_test_model_spy_expect (spy, 0, 0, 1);
    sp_test_model_spy_free (spy);
  }
}

static void
test_labels (void **state)
{
  for (SpProjectStatus s = SP_PROJECT_STATUS_APPLICATION; s <= SP_PROJECT_STATUS_IMPLEMENTED; s++)
    {
      SpProjectStatus back = (SpProjectStatus) 99;
      GEnumClass *klass = g_type_class_ref (SP_TYPE_PROJECT_STATUS);

      assert_true (sp_project_status_from_string (sp_project_status_to_string (s), &back));
      assert_int_equal (back, s);
      assert_true (strlen (sp_project_status_get_label (s)) > 0);
      assert_string_equal (g_enum_get_value (klass, s)->value_nick, sp_project_status_to_string (s));
      g_type_class_unref (klass);
    }
  assert_string_equal (sp_project_status_get_label (SP_PROJECT_STATUS_ONGOING), "Ongoing");
  assert_string_equal (sp_project_kind_get_label (SP_PROJECT_KIND_INITIATIVE), "Initiative");
  assert_string_equal (sp_project_kind_to_string (SP_PROJECT_KIND_INITIATIVE), "initiative");
  for (int p = 0; p <= SP_PROJECT_PRIORITY_MAX; p++)
    assert_true (strlen (sp_project_priority_get_label (p)) > 0);
  assert_false (sp_project_status_from_string ("pågående", NULL));
}

static void
test_persisted (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpProjectDecisionData d = decision ("2009-03-24", "§ 12", "Beviljas.");
  SpProjectData data = project_data ("Grundutbildning i lösningsfokuserat arbetssätt", "2009-02-01", "2009-11-30");
  g_autoptr(SpProject) project = NULL;
  gint64 groups[] = { TG_WOMEN };
  gint64 id;

  data.owner_id = FK_ID;
  data.area_id = AREA_PROJ;
  id = sp_project_add (f->db, &data, &error);
  assert_true (sp_project_decide (f->db, id, TRUE, &d, &error));
  assert_true (sp_project_set_grant (f->db, id, 2009, 12000000, &error));
  assert_true (sp_project_set_target_groups (f->db, id, groups, 1, &error));
  g_assert_no_error (error);
  before = sp_test_dump_database (f->db);

  sp_test_model_spy_free (f->spy);
  g_clear_object (&f->list);
  g_clear_object (&f->db);

  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  f->list = sp_project_list_new (f->db);
  f->spy = sp_test_model_spy_new (G_LIST_MODEL (f->list));
  project = g_list_model_get_item (G_LIST_MODEL (f->list), 0);
  assert_string_equal (sp_project_get_name (project), "Grundutbildning i lösningsfokuserat arbetssätt");
  assert_string_equal (sp_project_get_owner_name (project), "Försäkringskassan");
  assert_int_equal (sp_project_get_status (project), SP_PROJECT_STATUS_GRANTED);
  assert_int_equal (sp_project_get_total_granted (project), 12000000);
  assert_int_equal (sp_project_get_n_decisions (project), 1);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add_and_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_order_follows_changes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_list_follows_other_tables, setup, teardown),
    cmocka_unit_test_setup_teardown (test_search_text_and_keys, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stored_exactly, setup, teardown),
    cmocka_unit_test_setup_teardown (test_workflow, setup, teardown),
    cmocka_unit_test_setup_teardown (test_illegal_transitions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_decisions, setup, teardown),
    cmocka_unit_test_setup_teardown (test_grants, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cofunding, setup, teardown),
    cmocka_unit_test_setup_teardown (test_participants, setup, teardown),
    cmocka_unit_test_setup_teardown (test_target_groups, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_every_edit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_archive_or_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_active_in, setup, teardown),
    cmocka_unit_test_setup_teardown (test_year_details, setup, teardown),
    cmocka_unit_test_setup_teardown (test_year_sums_random, setup, teardown),
    cmocka_unit_test_setup_teardown (test_ten_thousand, setup, teardown),
    cmocka_unit_test_setup_teardown (test_labels, setup, teardown),
    cmocka_unit_test_setup_teardown (test_persisted, setup, teardown),
  };

  return cmocka_run_group_tests_name ("project", tests, NULL, NULL);
}
