/* test-document-outline.c: the parts of the year's document, their order and the closing line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>

#include "sp-association.h"
#include "sp-database-private.h"
#include "sp-document-outline.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-plan-year.h"
#include "sp-section.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "dokument.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (f->db);
  assert_true (sp_plan_year_create (f->db, 2009, NULL));
  assert_true (sp_section_add (f->db, 2009, "Inledning", "Text.", NULL) > 0);
  assert_true (sp_section_add (f->db, 2009, "Vision", "", NULL) > 0);
  sp_history_clear (sp_database_get_history (f->db));
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f);
  return 0;
}

/* The parts as "Inledning,Vision,organisation,-budget…" */
static char *
describe (SpDocumentOutline *outline)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sp_document_outline_get_n_parts (outline); i++)
    {
      const char *chapter = sp_document_outline_get_chapter (outline, i);

      if (i > 0)
        g_string_append_c (text, ',');
      if (!sp_document_outline_get_included (outline, i))
        g_string_append_c (text, '-');
      g_string_append (text, chapter != NULL ? chapter : sp_document_outline_get_title (outline, i));
    }
  return g_string_free (text, FALSE);
}

static char *
stored (Fixture *f,
        int      year)
{
  g_autofree char *sql = g_strdup_printf ("SELECT document_outline || '|' || closing_place || '|' || "
                                          "closing_date || '|' || closing_signer FROM plan_year WHERE year = %d",
                                          year);

  return sp_test_query_text (f->db, sql);
}

static void
test_default_order (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpDocumentOutline) outline = sp_document_outline_load (f->db, 2009, NULL);
  g_autofree char *text = describe (outline);
  g_autofree char *row = stored (f, 2009);

  assert_string_equal (text, "Inledning,Vision,organisation,areas,target-groups,goals,budget,contributions,projects");
  assert_string_equal (row, "|||");
  assert_null (sp_document_outline_dup_closing_line (outline));
  assert_int_equal (sp_document_outline_get_section (outline, 1), 1);
  assert_int_equal (sp_document_outline_get_section (outline, 2), -1);
  /* A section does not move past a section; a chapter moves past anything. */
  assert_false (sp_document_outline_can_move (outline, 0, 1));
  assert_false (sp_document_outline_can_move (outline, 0, -1));
  assert_true (sp_document_outline_can_move (outline, 1, 1));
  assert_true (sp_document_outline_can_move (outline, 2, -1));
  assert_false (sp_document_outline_can_move (outline, 8, 1));
}

static void
test_save_undo_redo (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(SpDocumentOutline) outline = sp_document_outline_load (f->db, 2009, NULL);
  g_autoptr(SpDocumentOutline) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *row = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *line = NULL;

  /* Organisation before Vision, Budget left out. */
  assert_true (sp_document_outline_move (outline, 2, -1));
  sp_document_outline_set_included (outline, 6, FALSE);
  sp_document_outline_set_closing (outline, " Kramfors ", "november 2007",
                                   "Åke Johansson,\nverkställande tjänsteman");
  assert_true (sp_document_outline_save (f->db, outline, &error));
  g_assert_no_error (error);

  row = stored (f, 2009);
  assert_string_equal (row, "s,organisation,s,areas,target-groups,goals,-budget,contributions,projects|"
                            "Kramfors|november 2007|Åke Johansson, verkställande tjänsteman");
  again = sp_document_outline_load (f->db, 2009, NULL);
  text = describe (again);
  assert_string_equal (text, "Inledning,organisation,Vision,areas,target-groups,goals,-budget,contributions,projects");
  line = sp_document_outline_dup_closing_line (again);
  assert_string_equal (line, "Kramfors november 2007 · Åke Johansson, verkställande tjänsteman");

  /* One edit: one undo brings back the default. */
  assert_true (sp_history_undo (history, NULL));
  after_undo = stored (f, 2009);
  assert_string_equal (after_undo, "|||");
  assert_false (sp_history_can_undo (history));
  assert_true (sp_history_redo (history, NULL));
  g_free (row);
  row = stored (f, 2009);
  assert_true (g_str_has_prefix (row, "s,organisation,s,"));
}

static void
test_new_section_and_next_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpDocumentOutline) outline = sp_document_outline_load (f->db, 2009, NULL);
  g_autoptr(SpDocumentOutline) next = NULL;
  g_autoptr(SpDocumentOutline) grown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *grown_text = NULL;
  g_autofree char *row = NULL;

  /* Projects first, Vision left out. */
  for (guint i = 8; i > 0; i--)
    assert_true (sp_document_outline_move (outline, i, -1));
  sp_document_outline_set_included (outline, 2, FALSE);
  sp_document_outline_set_closing (outline, "Kramfors", "november 2008", "Åke Johansson");
  assert_true (sp_document_outline_save (f->db, outline, NULL));

  /* A section added later stands after the last section. */
  assert_true (sp_section_add (f->db, 2009, "Budget i ord", "", NULL) > 0);
  grown = sp_document_outline_load (f->db, 2009, NULL);
  grown_text = describe (grown);
  assert_string_equal (grown_text,
                       "projects,Inledning,-Vision,Budget i ord,organisation,areas,target-groups,goals,budget,contributions");

  /* The next year keeps the parts and the place and signer, not the date. */
  assert_true (sp_plan_year_create_next (f->db, 2009, NULL));
  next = sp_document_outline_load (f->db, 2010, NULL);
  text = describe (next);
  assert_string_equal (text, grown_text);
  row = stored (f, 2010);
  assert_true (g_str_has_suffix (row, "|Kramfors||Åke Johansson"));
}

static void
test_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpDocumentOutline) outline = sp_document_outline_load (f->db, 2009, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *long_place = g_strnfill (SP_DOCUMENT_CLOSING_MAX + 1, 'x');

  assert_null (sp_document_outline_load (f->db, 1999, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  g_clear_error (&error);

  sp_document_outline_set_closing (outline, long_place, "", "");
  assert_false (sp_document_outline_save (f->db, outline, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);

  sp_document_outline_set_closing (outline, "Kramfors", "", "");
  assert_true (sp_plan_year_adopt (f->db, 2009, "2008-12-12", "§ 45", NULL));
  g_free (dump);
  dump = sp_test_dump_database (f->db);
  sp_document_outline_set_included (outline, 3, FALSE);
  assert_false (sp_document_outline_save (f->db, outline, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  after = sp_test_dump_database (f->db);
  assert_string_equal (dump, after);
}

/* A file of the previous schema version opens with the default parts, no
 * closing line and no logo, its sections kept. */
static void
test_migrate_v7 (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->dir, "v7.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v7-document.sql");
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(SpDocumentOutline) outline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *row = NULL;

  assert_true (sp_test_run_sql_file (path, sql));
  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE year = 2009"), 4);
  outline = sp_document_outline_load (db, 2009, &error);
  g_assert_no_error (error);
  assert_int_equal (sp_document_outline_get_n_parts (outline), 4 + 7);
  text = describe (outline);
  assert_true (g_str_has_suffix (text, ",organisation,areas,target-groups,goals,budget,contributions,projects"));
  assert_null (sp_document_outline_dup_closing_line (outline));
  assert_null (sp_association_load_logo (db, NULL));
  sp_document_outline_set_closing (outline, "Fagersta", "", "");
  assert_true (sp_document_outline_save (db, outline, NULL));
  row = sp_test_query_text (db, "SELECT closing_place FROM plan_year WHERE year = 2009");
  assert_string_equal (row, "Fagersta");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_default_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_save_undo_redo, setup, teardown),
    cmocka_unit_test_setup_teardown (test_new_section_and_next_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_migrate_v7, setup, teardown),
  };

  setlocale (LC_ALL, "");
  return cmocka_run_group_tests (tests, NULL, NULL);
}
