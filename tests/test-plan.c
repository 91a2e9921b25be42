/* test-plan.c: a year's plan: sections, activity areas, target groups, goals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-area-group.h"
#include "sp-area.h"
#include "sp-database-private.h"
#include "sp-limits.h"
#include "sp-error.h"
#include "sp-goal.h"
#include "sp-history.h"
#include "sp-plan-search.h"
#include "sp-section.h"
#include "sp-target-group.h"
#include "sp-test-model.h"
#include "sp-test-util.h"

#define YEAR 2009
#define OTHER_YEAR 2010
#define NO_PLAN_YEAR 2011
#define KUGGEN 1
#define SKOLKUGGEN 2
#define LOCKED_MESSAGE "The plan for 2009 is adopted. Re-open it to make changes."

typedef struct {
  char       *dir;
  SpDatabase *db;
  SpHistory  *history;
} Fixture;

/* Writes @sql outside the history, as the setup of a test. */
static void
setup_sql (Fixture    *f,
           const char *sql)
{
  g_autoptr(GError) error = NULL;

  sp_database_set_recording (f->db, FALSE);
  assert_true (sp_database_edit_begin (f->db, &error));
  if (!sp_database_exec (f->db, sql, &error))
    g_error ("%s: %s", sql, error->message);
  assert_true (sp_database_edit_commit (f->db, "setup", &error));
  sp_database_set_recording (f->db, TRUE);
  assert_null (error);
}

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "plan.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->history = sp_database_get_history (f->db);
  setup_sql (f,
             "INSERT INTO plan_year (year) VALUES (2009), (2010);"
             "INSERT INTO project (id, name) VALUES (1, 'Kuggen'), (2, 'Skolkuggen');");
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

static guint
n_items (SpRecordList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* The item @i of @list; the list keeps its own reference. */
static gpointer
item (SpRecordList *list,
      guint         i)
{
  g_autoptr(GObject) object = g_list_model_get_item (G_LIST_MODEL (list), i);
  return object;
}

static gint64
id_at (SpRecordList *list,
       guint         i)
{
  return sp_record_get_id (item (list, i));
}

static void
assert_refused (GError     **error,
                int          code)
{
  assert_non_null (*error);
  if ((*error)->domain != SP_ERROR || (*error)->code != code)
    g_error ("expected SpError %d, got %s %d: %s", code, g_quark_to_string ((*error)->domain),
             (*error)->code, (*error)->message);
  g_clear_error (error);
}

static gint64
add_section (Fixture    *f,
             const char *title,
             const char *body)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_section_add (f->db, YEAR, title, body, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
add_group (Fixture    *f,
           int         year,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_area_group_add (f->db, year, name, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
add_area (Fixture    *f,
          gint64      group_id,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_area_add (f->db, group_id, name, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
add_target (Fixture    *f,
            const char *name,
            const char *description)
{
  g_autoptr(GError) error = NULL;
  gint64 id = sp_target_group_add (f->db, YEAR, name, description, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

static gint64
add_goal (Fixture    *f,
          SpGoalKind  kind,
          const char *text,
          gint64      area_id)
{
  SpGoalData data = { kind, text, NULL, NULL, area_id, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = sp_goal_add (f->db, YEAR, &data, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

/* Sections */

static void
test_sections_add_and_list (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_section_list_new (f->db, YEAR);
  g_autoptr(SpRecordList) other = sp_section_list_new (f->db, OTHER_YEAR);
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (list));
  gint64 intro, news;

  assert_int_equal (n_items (list), 0);
  intro = add_section (f, "  Inledning ", "Förbundets ändamål.\n\nTvå stycken.");
  sp_test_model_spy_expect (spy, 0, 0, 1);
  news = add_section (f, "Nytt för 2009", NULL);
  sp_test_model_spy_expect (spy, 1, 0, 1);

  assert_int_equal (n_items (list), 2);
  assert_int_equal (n_items (other), 0);
  assert_int_equal (id_at (list, 0), intro);
  assert_int_equal (id_at (list, 1), news);
  assert_string_equal (sp_section_get_title (item (list, 0)), "Inledning");
  assert_string_equal (sp_section_get_body (item (list, 0)), "Förbundets ändamål.\n\nTvå stycken.");
  assert_string_equal (sp_section_get_body (item (list, 1)), "");
  assert_int_equal (sp_section_get_year (item (list, 1)), YEAR);
  assert_true (sp_section_get_position (item (list, 0)) < sp_section_get_position (item (list, 1)));
  assert_string_equal (sp_history_get_undo_label (f->history), "Add section");
  sp_test_model_spy_free (spy);
}

static void
test_sections_rename_and_body (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_section_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *spy = NULL;
  SpSection *shown;
  gint64 id = add_section (f, "Inledning", "");
  g_autofree char *typed_two = NULL;

  spy = sp_test_model_spy_new (G_LIST_MODEL (list));
  shown = item (list, 0);

  assert_true (sp_section_rename (f->db, id, "Inledning och bakgrund", &error));
  assert_string_equal (sp_history_get_undo_label (f->history), "Rename section");
  /* As the user types: each change its own undo entry, labelled "Edit text". */
  assert_true (sp_section_set_body (f->db, id, "F", &error));
  assert_string_equal (sp_history_get_undo_label (f->history), "Edit text");
  assert_true (sp_section_set_body (f->db, id, "Fö", &error));
  typed_two = sp_test_dump_database (f->db);
  assert_true (sp_section_set_body (f->db, id, "För", &error));
  assert_null (error);

  /* Same object, new values, no items-changed. */
  assert_ptr_equal (item (list, 0), shown);
  assert_string_equal (sp_section_get_title (shown), "Inledning och bakgrund");
  assert_string_equal (sp_section_get_body (shown), "För");
  assert_int_equal (spy->changes->len, 0);

  /* The same text again writes nothing and adds nothing to undo. */
  assert_true (sp_section_set_body (f->db, id, "För", &error));
  assert_true (sp_history_undo (f->history, &error));
  {
    g_autofree char *now = sp_test_dump_database (f->db);
    assert_string_equal (now, typed_two);
  }
  assert_string_equal (sp_section_get_body (shown), "Fö");
  assert_null (error);
  sp_test_model_spy_free (spy);
}

static void
test_sections_move_and_delete (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_section_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (list));
  gint64 a = add_section (f, "A", NULL);
  gint64 b = add_section (f, "B", NULL);
  gint64 c = add_section (f, "C", NULL);
  gint64 d = add_section (f, "D", NULL);

  sp_test_model_spy_clear (spy);
  assert_true (sp_section_move (f->db, d, 1, &error));
  /* A D B C */
  sp_test_model_spy_expect (spy, 1, 3, 3);
  assert_int_equal (id_at (list, 1), d);
  assert_true (sp_section_move (f->db, a, 99, &error));
  /* D B C A: past the end means last */
  sp_test_model_spy_expect (spy, 0, 4, 4);
  assert_int_equal (id_at (list, 3), a);
  assert_true (sp_section_delete (f->db, b, &error));
  sp_test_model_spy_expect (spy, 1, 1, 0);
  assert_int_equal (id_at (list, 1), c);
  assert_null (error);
  assert_string_equal (sp_history_get_undo_label (f->history), "Delete section");
  sp_test_model_spy_free (spy);
}

static void
test_section_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_section_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_title = g_strnfill (201, 'x');
  g_autofree char *long_body = g_strnfill (SP_TEXT_MAX_CHARS + 1, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpTestModelSpy *spy = NULL;
  const char *bad_titles[] = { "", "   ", "Två\nrader", "\xff\xfe", NULL, "tab\tin title" };
  gint64 id = add_section (f, "Inledning", "Text");

  before = sp_test_dump_database (f->db);
  spy = sp_test_model_spy_new (G_LIST_MODEL (list));

  for (guint i = 0; i < G_N_ELEMENTS (bad_titles); i++)
    {
      assert_int_equal (sp_section_add (f->db, YEAR, bad_titles[i], "", &error), 0);
      assert_refused (&error, SP_ERROR_INVALID);
      assert_false (sp_section_rename (f->db, id, bad_titles[i], &error));
      assert_refused (&error, SP_ERROR_INVALID);
    }
  assert_int_equal (sp_section_add (f->db, YEAR, "", "", &error), 0);
  assert_non_null (error);
  assert_string_equal (error->message, "The title must not be empty.");
  g_clear_error (&error);
  assert_int_equal (sp_section_add (f->db, YEAR, long_title, "", &error), 0);
  assert_refused (&error, SP_ERROR_INVALID);
  assert_int_equal (sp_section_add (f->db, YEAR, "Ny", long_body, &error), 0);
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_section_set_body (f->db, id, long_body, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_section_set_body (f->db, id, "bell \a", &error));
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_section_set_body (f->db, id, NULL, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  assert_int_equal (sp_section_add (f->db, NO_PLAN_YEAR, "Ny", "", &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_section_rename (f->db, id + 100, "Ny", &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_section_set_body (f->db, id + 100, "Ny", &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_section_move (f->db, id + 100, 0, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_section_delete (f->db, id + 100, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (spy->changes->len, 0);
  assert_false (sp_history_can_redo (f->history));
  assert_string_equal (sp_history_get_undo_label (f->history), "Add section");
  sp_test_model_spy_free (spy);
}

static void
test_section_long_body (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autoptr(SpSection) loaded = NULL;
  g_autoptr(SpSection) reloaded = NULL;
  /* 100 000 characters: letters, Swedish ones, quotes, tabs and new lines. */
  const char *piece = "Samordningsförbundet ”Kuggen”;\tåäö ÅÄÖ 'x' \"y\" \\ %s\n";
  glong piece_chars = g_utf8_strlen (piece, -1);
  gint64 id;

  for (glong n = 0; n < 100000; n += piece_chars)
    g_string_append (text, piece);
  g_string_truncate (text, g_utf8_offset_to_pointer (text->str, 100000) - text->str);
  assert_int_equal (g_utf8_strlen (text->str, -1), 100000);

  id = add_section (f, "Långt avsnitt", "");
  assert_true (sp_section_set_body (f->db, id, text->str, &error));
  assert_null (error);
  loaded = sp_section_load (f->db, id, &error);
  assert_non_null (loaded);
  assert_string_equal (sp_section_get_body (loaded), text->str);

  g_clear_object (&f->db);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  f->history = sp_database_get_history (f->db);
  reloaded = sp_section_load (f->db, id, &error);
  assert_non_null (reloaded);
  assert_string_equal (sp_section_get_body (reloaded), text->str);
}

/* Activity areas */

static void
test_groups_and_areas (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) groups = sp_area_group_list_new (f->db, YEAR);
  g_autoptr(SpRecordList) all = sp_area_list_new_for_year (f->db, YEAR);
  g_autoptr(SpRecordList) admin_areas = NULL;
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *groups_spy = sp_test_model_spy_new (G_LIST_MODEL (groups));
  SpTestModelSpy *all_spy = sp_test_model_spy_new (G_LIST_MODEL (all));
  SpTestModelSpy *admin_spy = NULL;
  gint64 admin, projects, styrelse, kansli, kuggen, revision;

  admin = add_group (f, YEAR, "Administration");
  sp_test_model_spy_expect (groups_spy, 0, 0, 1);
  projects = add_group (f, YEAR, "Projekt och insatser");
  sp_test_model_spy_expect (groups_spy, 1, 0, 1);
  assert_int_equal (all_spy->changes->len, 0);

  admin_areas = sp_area_list_new (f->db, admin);
  admin_spy = sp_test_model_spy_new (G_LIST_MODEL (admin_areas));

  kuggen = add_area (f, projects, "Kuggen");
  sp_test_model_spy_expect (all_spy, 0, 0, 1);
  assert_int_equal (admin_spy->changes->len, 0);
  styrelse = add_area (f, admin, "Styrelse");
  sp_test_model_spy_expect (admin_spy, 0, 0, 1);
  sp_test_model_spy_expect (all_spy, 0, 0, 1);
  kansli = add_area (f, admin, "Kansli");
  sp_test_model_spy_expect (admin_spy, 1, 0, 1);
  sp_test_model_spy_expect (all_spy, 1, 0, 1);
  revision = add_area (f, admin, "Revision");
  sp_test_model_spy_expect (admin_spy, 2, 0, 1);
  sp_test_model_spy_expect (all_spy, 2, 0, 1);

  /* The year's areas: by group, then within the group. */
  assert_int_equal (n_items (all), 4);
  assert_int_equal (id_at (all, 0), styrelse);
  assert_int_equal (id_at (all, 3), kuggen);
  assert_string_equal (sp_area_get_group_name (item (all, 3)), "Projekt och insatser");
  assert_int_equal (sp_area_get_group_id (item (all, 0)), admin);
  assert_int_equal (sp_area_get_year (item (all, 0)), YEAR);
  assert_string_equal (sp_area_get_name (item (admin_areas, 1)), "Kansli");

  /* Moving an area within its group. */
  assert_true (sp_area_move (f->db, revision, 0, &error));
  sp_test_model_spy_expect (admin_spy, 0, 3, 3);
  sp_test_model_spy_expect (all_spy, 0, 3, 3);
  assert_int_equal (id_at (admin_areas, 0), revision);

  /* Moving a group moves its areas in the year's list. */
  assert_true (sp_area_group_move (f->db, projects, 0, &error));
  sp_test_model_spy_expect (groups_spy, 0, 2, 2);
  sp_test_model_spy_expect (all_spy, 0, 4, 4);
  assert_int_equal (id_at (all, 0), kuggen);
  assert_int_equal (id_at (all, 1), revision);
  assert_int_equal (admin_spy->changes->len, 0);

  /* Renaming a group shows in its areas, without items-changed. */
  assert_true (sp_area_group_rename (f->db, admin, "Administration och styrning", &error));
  assert_string_equal (sp_area_get_group_name (item (all, 1)), "Administration och styrning");
  assert_string_equal (sp_area_group_get_name (item (groups, 1)), "Administration och styrning");
  assert_int_equal (groups_spy->changes->len, 0);
  assert_int_equal (all_spy->changes->len, 0);
  assert_true (sp_area_rename (f->db, kansli, "Kansliet", &error));
  assert_string_equal (sp_area_get_name (item (admin_areas, 2)), "Kansliet");
  assert_int_equal (admin_spy->changes->len, 0);

  /* Deleting an unused area. */
  assert_true (sp_area_delete (f->db, styrelse, &error));
  sp_test_model_spy_expect (admin_spy, 1, 1, 0);
  sp_test_model_spy_expect (all_spy, 2, 1, 0);
  assert_null (error);

  sp_test_model_spy_free (admin_spy);
  sp_test_model_spy_free (all_spy);
  sp_test_model_spy_free (groups_spy);
}

static void
test_area_set_group (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 admin = add_group (f, YEAR, "Administration");
  gint64 followup = add_group (f, YEAR, "Uppföljning");
  gint64 later = add_group (f, OTHER_YEAR, "Administration");
  gint64 styrelse = add_area (f, admin, "Styrelse");
  gint64 sus = add_area (f, admin, "SUS");
  gint64 eval = add_area (f, followup, "Utvärdering");
  gint64 sus_later = add_area (f, followup, "sus");
  g_autoptr(SpRecordList) admin_areas = sp_area_list_new (f->db, admin);
  g_autoptr(SpRecordList) followup_areas = sp_area_list_new (f->db, followup);
  SpTestModelSpy *admin_spy = sp_test_model_spy_new (G_LIST_MODEL (admin_areas));
  SpTestModelSpy *followup_spy = sp_test_model_spy_new (G_LIST_MODEL (followup_areas));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* A name taken in the other group (in another case) is refused. */
  before = sp_test_dump_database (f->db);
  assert_false (sp_area_set_group (f->db, sus, followup, 0, &error));
  assert_refused (&error, SP_ERROR_DUPLICATE);
  /* So is a group of another year, and a group that is not there. */
  assert_false (sp_area_set_group (f->db, styrelse, later, 0, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_area_set_group (f->db, styrelse, later + 100, 0, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (admin_spy->changes->len, 0);
  assert_int_equal (followup_spy->changes->len, 0);

  /* Styrelse goes between Utvärdering and sus. */
  assert_true (sp_area_set_group (f->db, styrelse, followup, 1, &error));
  assert_null (error);
  sp_test_model_spy_expect (admin_spy, 0, 1, 0);
  sp_test_model_spy_expect (followup_spy, 1, 0, 1);
  assert_int_equal (id_at (followup_areas, 0), eval);
  assert_int_equal (id_at (followup_areas, 1), styrelse);
  assert_int_equal (id_at (followup_areas, 2), sus_later);
  assert_string_equal (sp_area_get_group_name (item (followup_areas, 1)), "Uppföljning");
  assert_string_equal (sp_history_get_undo_label (f->history), "Move activity area");

  /* Within its own group, set_group is a move. */
  assert_true (sp_area_set_group (f->db, styrelse, followup, 0, &error));
  sp_test_model_spy_expect (followup_spy, 0, 2, 2);
  assert_int_equal (id_at (followup_areas, 0), styrelse);

  sp_test_model_spy_free (admin_spy);
  sp_test_model_spy_free (followup_spy);
}

static void
test_area_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 admin = add_group (f, YEAR, "Administration");
  gint64 other = add_group (f, YEAR, "Konferens och utbildning");
  gint64 styrelse = add_area (f, admin, "Styrelse");
  gint64 kansli = add_area (f, admin, "Kansli");
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *bad_names[] = { "", "  ", "Två\nrader", NULL, long_name };

  /* The same names are fine elsewhere: another year, another group. */
  add_group (f, OTHER_YEAR, "Administration");
  add_area (f, other, "Styrelse");

  before = sp_test_dump_database (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      assert_int_equal (sp_area_group_add (f->db, YEAR, bad_names[i], &error), 0);
      assert_refused (&error, SP_ERROR_INVALID);
      assert_false (sp_area_group_rename (f->db, admin, bad_names[i], &error));
      assert_refused (&error, SP_ERROR_INVALID);
      assert_int_equal (sp_area_add (f->db, admin, bad_names[i], &error), 0);
      assert_refused (&error, SP_ERROR_INVALID);
      assert_false (sp_area_rename (f->db, styrelse, bad_names[i], &error));
      assert_refused (&error, SP_ERROR_INVALID);
    }
  assert_int_equal (sp_area_group_add (f->db, YEAR, "ADMINISTRATION", &error), 0);
  assert_non_null (error);
  assert_string_equal (error->message, "There is already a group of activity areas called “ADMINISTRATION”.");
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_false (sp_area_group_rename (f->db, other, " administration ", &error));
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_int_equal (sp_area_add (f->db, admin, "styrelse", &error), 0);
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_false (sp_area_rename (f->db, kansli, "STYRELSE", &error));
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_int_equal (sp_area_group_add (f->db, NO_PLAN_YEAR, "Ny", &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_int_equal (sp_area_add (f->db, admin + 100, "Ny", &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_area_delete (f->db, styrelse + 100, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_area_group_delete (f->db, admin + 100, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* Renaming to itself in another case is allowed. */
  assert_true (sp_area_rename (f->db, styrelse, "STYRELSE", &error));
  assert_null (error);
}

static void
test_area_in_use (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 admin = add_group (f, YEAR, "Administration");
  gint64 styrelse = add_area (f, admin, "Styrelse");
  gint64 kansli = add_area (f, admin, "Kansli");
  g_autoptr(SpRecordList) areas = sp_area_list_new (f->db, admin);
  g_autoptr(SpRecordList) groups = sp_area_group_list_new (f->db, YEAR);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  sql = g_strdup_printf ("INSERT INTO budget_line (year, area_id, account) VALUES"
                         " (2009, %1$" G_GINT64_FORMAT ", 5010), (2009, %1$" G_GINT64_FORMAT ", 5410),"
                         " (2009, %1$" G_GINT64_FORMAT ", 7150);"
                         "UPDATE project SET area_id = %1$" G_GINT64_FORMAT " WHERE id = 1;",
                         styrelse);
  setup_sql (f, sql);
  before = sp_test_dump_database (f->db);

  assert_false (sp_area_delete (f->db, styrelse, &error));
  assert_non_null (error);
  assert_string_equal (error->message,
                       "The activity area “Styrelse” cannot be deleted: it is used by 3 budget lines "
                       "and the project “Kuggen”.");
  assert_refused (&error, SP_ERROR_IN_USE);

  /* The group goes with its areas: refused too, saying which area and where. */
  assert_false (sp_area_group_delete (f->db, admin, &error));
  assert_non_null (error);
  assert_string_equal (error->message,
                       "The group “Administration” cannot be deleted: its activity area “Styrelse” "
                       "is used by 3 budget lines and the project “Kuggen”.");
  assert_refused (&error, SP_ERROR_IN_USE);

  /* One budget line, four projects, one goal. */
  g_free (sql);
  sql = g_strdup_printf ("INSERT INTO budget_line (year, area_id, account) VALUES (2009, %1$" G_GINT64_FORMAT ", 5010);"
                         "INSERT INTO project (name, area_id) VALUES ('Ö-projektet', %1$" G_GINT64_FORMAT "),"
                         " ('Aktivt arbete', %1$" G_GINT64_FORMAT "), ('Kuggen 2', %1$" G_GINT64_FORMAT "),"
                         " ('Bro', %1$" G_GINT64_FORMAT ");"
                         "INSERT INTO goal (year, kind, text, area_id) VALUES (2009, 'strategic', 'Mål', %1$" G_GINT64_FORMAT ");",
                         kansli);
  setup_sql (f, sql);
  g_free (before);
  before = sp_test_dump_database (f->db);
  assert_false (sp_area_delete (f->db, kansli, &error));
  assert_non_null (error);
  assert_string_equal (error->message,
                       "The activity area “Kansli” cannot be deleted: it is used by 1 budget line, "
                       "4 projects (“Aktivt arbete”, “Bro”, “Kuggen 2”, …) and 1 goal.");
  assert_refused (&error, SP_ERROR_IN_USE);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (n_items (areas), 2);
  assert_int_equal (n_items (groups), 1);
}

static void
test_group_delete_takes_areas (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 admin = add_group (f, YEAR, "Administration");
  gint64 projects = add_group (f, YEAR, "Projekt");
  g_autoptr(SpRecordList) all = NULL;
  g_autoptr(SpRecordList) groups = sp_area_group_list_new (f->db, YEAR);
  SpTestModelSpy *all_spy = NULL;
  SpTestModelSpy *groups_spy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;

  add_area (f, admin, "Styrelse");
  add_area (f, admin, "Kansli");
  add_area (f, projects, "Kuggen");
  all = sp_area_list_new_for_year (f->db, YEAR);
  all_spy = sp_test_model_spy_new (G_LIST_MODEL (all));
  groups_spy = sp_test_model_spy_new (G_LIST_MODEL (groups));
  before = sp_test_dump_database (f->db);

  assert_true (sp_area_group_delete (f->db, admin, &error));
  assert_null (error);
  sp_test_model_spy_expect (all_spy, 0, 2, 0);
  sp_test_model_spy_expect (groups_spy, 0, 1, 0);
  assert_string_equal (sp_history_get_undo_label (f->history), "Delete group of activity areas");

  assert_true (sp_history_undo (f->history, &error));
  now = sp_test_dump_database (f->db);
  assert_string_equal (now, before);
  sp_test_model_spy_expect (all_spy, 0, 0, 2);
  sp_test_model_spy_expect (groups_spy, 0, 0, 1);
  assert_null (error);

  sp_test_model_spy_free (all_spy);
  sp_test_model_spy_free (groups_spy);
}

/* Target groups */

static void
test_target_groups (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_target_group_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (list));
  SpTargetGroup *shown;
  gint64 young, sick, new_arrivals;

  young = add_target (f, "Unga vuxna 16–29 år", "Står långt från arbetsmarknaden.");
  sp_test_model_spy_expect (spy, 0, 0, 1);
  sick = add_target (f, "Långtidssjukskrivna", NULL);
  sp_test_model_spy_expect (spy, 1, 0, 1);
  new_arrivals = add_target (f, "Nyanlända", "");
  sp_test_model_spy_expect (spy, 2, 0, 1);

  shown = item (list, 0);
  assert_string_equal (sp_target_group_get_name (shown), "Unga vuxna 16–29 år");
  assert_string_equal (sp_target_group_get_description (shown), "Står långt från arbetsmarknaden.");
  assert_string_equal (sp_target_group_get_description (item (list, 1)), "");
  assert_int_equal (sp_target_group_get_year (shown), YEAR);

  assert_true (sp_target_group_update (f->db, young, "Unga vuxna 18–29 år", "Ny beskrivning\nmed två rader", &error));
  assert_ptr_equal (item (list, 0), shown);
  assert_string_equal (sp_target_group_get_name (shown), "Unga vuxna 18–29 år");
  assert_string_equal (sp_target_group_get_description (shown), "Ny beskrivning\nmed två rader");
  assert_int_equal (spy->changes->len, 0);

  assert_true (sp_target_group_move (f->db, new_arrivals, 0, &error));
  sp_test_model_spy_expect (spy, 0, 3, 3);
  assert_int_equal (id_at (list, 0), new_arrivals);
  assert_true (sp_target_group_delete (f->db, sick, &error));
  sp_test_model_spy_expect (spy, 2, 1, 0);
  assert_int_equal (sp_target_group_get_position (item (list, 0)) < sp_target_group_get_position (item (list, 1)), 1);
  assert_null (error);
  sp_test_model_spy_free (spy);
}

static void
test_target_group_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 young = add_target (f, "Unga vuxna", "");
  gint64 sick = add_target (f, "Sjukskrivna", "");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  const char *bad_names[] = { "", " ", "a\nb", NULL };

  before = sp_test_dump_database (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      assert_int_equal (sp_target_group_add (f->db, YEAR, bad_names[i], "", &error), 0);
      assert_refused (&error, SP_ERROR_INVALID);
      assert_false (sp_target_group_update (f->db, young, bad_names[i], "", &error));
      assert_refused (&error, SP_ERROR_INVALID);
    }
  assert_int_equal (sp_target_group_add (f->db, YEAR, "Ny", "ctrl \x01", &error), 0);
  assert_refused (&error, SP_ERROR_INVALID);
  assert_int_equal (sp_target_group_add (f->db, YEAR, "UNGA VUXNA", "", &error), 0);
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_false (sp_target_group_update (f->db, sick, "unga vuxna", "", &error));
  assert_refused (&error, SP_ERROR_DUPLICATE);
  assert_int_equal (sp_target_group_add (f->db, NO_PLAN_YEAR, "Ny", "", &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_target_group_update (f->db, young + 100, "Ny", "", &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* Linked to projects: refused, naming them. */
  sql = g_strdup_printf ("INSERT INTO project_target_group (project_id, target_group_id) VALUES"
                         " (1, %1$" G_GINT64_FORMAT "), (2, %1$" G_GINT64_FORMAT "), (1, %2$" G_GINT64_FORMAT ")",
                         young, sick);
  setup_sql (f, sql);
  g_free (before);
  before = sp_test_dump_database (f->db);
  assert_false (sp_target_group_delete (f->db, young, &error));
  assert_non_null (error);
  assert_string_equal (error->message,
                       "The target group “Unga vuxna” cannot be deleted: it is used by "
                       "2 projects (“Kuggen”, “Skolkuggen”).");
  assert_refused (&error, SP_ERROR_IN_USE);
  assert_false (sp_target_group_delete (f->db, sick, &error));
  assert_non_null (error);
  assert_string_equal (error->message,
                       "The target group “Sjukskrivna” cannot be deleted: it is used by the project “Kuggen”.");
  assert_refused (&error, SP_ERROR_IN_USE);
  g_free (after);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
}

/* Goals */

static void
test_goals (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_goal_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (list));
  gint64 group = add_group (f, YEAR, "Projekt och insatser");
  gint64 area = add_area (f, group, "Kuggen");
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Minst 60 % av deltagarna når egen försörjning.",
                      "Andel deltagare i arbete eller studier", "60 %", area, KUGGEN };
  SpGoal *shown;
  gint64 strategic, measurable, third;

  strategic = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Fler ska nå egen försörjning.", 0);
  sp_test_model_spy_expect (spy, 0, 0, 1);
  measurable = sp_goal_add (f->db, YEAR, &data, &error);
  assert_null (error);
  sp_test_model_spy_expect (spy, 1, 0, 1);
  third = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Samverkan ska vara ett naturligt arbetssätt.", 0);
  sp_test_model_spy_expect (spy, 2, 0, 1);
  assert_string_equal (sp_history_get_undo_label (f->history), "Add goal");

  shown = item (list, 1);
  assert_int_equal (sp_record_get_id (SP_RECORD (shown)), measurable);
  assert_int_equal (sp_goal_get_kind (shown), SP_GOAL_KIND_MEASURABLE);
  assert_string_equal (sp_goal_get_indicator (shown), "Andel deltagare i arbete eller studier");
  assert_string_equal (sp_goal_get_target_value (shown), "60 %");
  assert_int_equal (sp_goal_get_area_id (shown), area);
  assert_int_equal (sp_goal_get_project_id (shown), KUGGEN);
  assert_int_equal (sp_goal_get_year (shown), YEAR);
  assert_string_equal (sp_goal_get_outcome (shown), "");
  assert_false (sp_goal_has_outcome (shown));
  assert_int_equal (sp_goal_get_area_id (item (list, 0)), 0);
  assert_string_equal (sp_goal_kind_get_label (SP_GOAL_KIND_MEASURABLE), "Measurable goal");

  /* Update: the same object; the link to the project can go. */
  data.target_value = "65 %";
  data.project_id = 0;
  data.area_id = 0;
  assert_true (sp_goal_update (f->db, measurable, &data, &error));
  assert_null (error);
  assert_ptr_equal (item (list, 1), shown);
  assert_string_equal (sp_goal_get_target_value (shown), "65 %");
  assert_int_equal (sp_goal_get_project_id (shown), 0);
  assert_int_equal (sp_goal_get_area_id (shown), 0);
  assert_int_equal (spy->changes->len, 0);

  assert_true (sp_goal_move (f->db, third, 0, &error));
  sp_test_model_spy_expect (spy, 0, 3, 3);
  assert_int_equal (id_at (list, 0), third);
  assert_int_equal (id_at (list, 1), strategic);
  assert_true (sp_goal_delete (f->db, strategic, &error));
  sp_test_model_spy_expect (spy, 1, 1, 0);
  assert_null (error);
  sp_test_model_spy_free (spy);
}

static void
test_goal_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 group = add_group (f, YEAR, "Uppföljning");
  gint64 later_group = add_group (f, OTHER_YEAR, "Uppföljning");
  gint64 area = add_area (f, group, "SUS");
  gint64 later_area = add_area (f, later_group, "SUS");
  g_autofree char *long_text = g_strnfill (SP_GOAL_MAX_CHARS + 1, 'x');
  g_autofree char *longest = g_strnfill (SP_GOAL_MAX_CHARS, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 goal = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Ett mål", area);
  gint64 project_goal;
  struct {
    SpGoalData data;
    int        code;
  } bad[] = {
    { { SP_GOAL_KIND_STRATEGIC, "", NULL, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, " \n\t ", NULL, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, NULL, NULL, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, long_text, NULL, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_MEASURABLE, "Mål", long_text, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_MEASURABLE, "Mål", NULL, "\x01", 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, "Mål", "Andel i arbete", NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, "Mål", NULL, "50 %", 0, 0 }, SP_ERROR_INVALID },
    { { (SpGoalKind) 5, "Mål", NULL, NULL, 0, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, "Mål", NULL, NULL, later_area, 0 }, SP_ERROR_INVALID },
    { { SP_GOAL_KIND_STRATEGIC, "Mål", NULL, NULL, later_area + 100, 0 }, SP_ERROR_NOT_FOUND },
    { { SP_GOAL_KIND_STRATEGIC, "Mål", NULL, NULL, 0, 99 }, SP_ERROR_NOT_FOUND },
  };
  SpGoalData fine = { SP_GOAL_KIND_MEASURABLE, longest, longest, longest, area, SKOLKUGGEN };
  SpGoalData project_data = { SP_GOAL_KIND_MEASURABLE, "Projektmål", "Antal deltagare", "40", 0, 0 };

  project_goal = sp_goal_add_to_project (f->db, KUGGEN, &project_data, &error);
  assert_null (error);
  before = sp_test_dump_database (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_int_equal (sp_goal_add (f->db, YEAR, &bad[i].data, &error), 0);
      assert_refused (&error, bad[i].code);
      assert_false (sp_goal_update (f->db, goal, &bad[i].data, &error));
      assert_refused (&error, bad[i].code);
    }
  assert_int_equal (sp_goal_add (f->db, YEAR, &bad[9].data, &error), 0);
  assert_string_equal (error->message, "The activity area belongs to the plan for 2010, not to the plan for 2009.");
  g_clear_error (&error);

  /* A project's own goal has no area, stays with its project, and needs a project. */
  project_data.area_id = area;
  assert_int_equal (sp_goal_add_to_project (f->db, KUGGEN, &project_data, &error), 0);
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_goal_update (f->db, project_goal, &project_data, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  project_data.area_id = 0;
  project_data.project_id = SKOLKUGGEN;
  assert_false (sp_goal_update (f->db, project_goal, &project_data, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  project_data.project_id = 0;
  assert_int_equal (sp_goal_add_to_project (f->db, 99, &project_data, &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_int_equal (sp_goal_add (f->db, NO_PLAN_YEAR, &fine, &error), 0);
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_goal_update (f->db, goal + 100, &fine, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_goal_set_outcome (f->db, goal + 100, "Nått", &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  assert_false (sp_goal_set_outcome (f->db, goal, long_text, &error));
  assert_refused (&error, SP_ERROR_INVALID);
  assert_false (sp_goal_delete (f->db, goal + 100, &error));
  assert_refused (&error, SP_ERROR_NOT_FOUND);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* At the limits, all is fine. */
  assert_true (sp_goal_add (f->db, YEAR, &fine, &error) > 0);
  assert_null (error);
}

static void
test_project_goals (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) year_goals = sp_goal_list_new (f->db, YEAR);
  g_autoptr(SpRecordList) kuggen_goals = sp_goal_list_new_for_project (f->db, KUGGEN);
  g_autoptr(SpRecordList) other_goals = sp_goal_list_new_for_project (f->db, SKOLKUGGEN);
  g_autoptr(GError) error = NULL;
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (kuggen_goals));
  SpGoalData linked = { SP_GOAL_KIND_STRATEGIC, "Kuggen ska implementeras.", NULL, NULL, 0, KUGGEN };
  SpGoalData own = { SP_GOAL_KIND_MEASURABLE, "40 deltagare", "Antal deltagare", "40", 0, 0 };
  gint64 linked_id, a, b, c;
  int linked_position;

  linked_id = sp_goal_add (f->db, YEAR, &linked, &error);
  assert_int_equal (spy->changes->len, 0);
  a = sp_goal_add_to_project (f->db, KUGGEN, &own, &error);
  sp_test_model_spy_expect (spy, 0, 0, 1);
  own.text = "Hälften till arbete eller studier";
  b = sp_goal_add_to_project (f->db, KUGGEN, &own, &error);
  sp_test_model_spy_expect (spy, 1, 0, 1);
  own.project_id = KUGGEN;
  c = sp_goal_add_to_project (f->db, KUGGEN, &own, &error);
  sp_test_model_spy_expect (spy, 2, 0, 1);
  assert_null (error);

  /* The linked year goal is the year's, the others the project's own. */
  assert_int_equal (n_items (year_goals), 1);
  assert_int_equal (id_at (year_goals, 0), linked_id);
  assert_int_equal (n_items (kuggen_goals), 3);
  assert_int_equal (n_items (other_goals), 0);
  assert_int_equal (sp_goal_get_year (item (kuggen_goals, 0)), 0);
  assert_int_equal (sp_goal_get_project_id (item (kuggen_goals, 0)), KUGGEN);
  linked_position = sp_goal_get_position (item (year_goals, 0));

  /* Moving a project goal leaves the year's goals alone. */
  assert_true (sp_goal_move (f->db, c, 0, &error));
  sp_test_model_spy_expect (spy, 0, 3, 3);
  assert_int_equal (id_at (kuggen_goals, 0), c);
  assert_int_equal (id_at (kuggen_goals, 1), a);
  assert_int_equal (id_at (kuggen_goals, 2), b);
  assert_int_equal (sp_goal_get_position (item (year_goals, 0)), linked_position);
  assert_true (sp_goal_move (f->db, c, 2, &error));
  sp_test_model_spy_expect (spy, 0, 3, 3);
  assert_int_equal (id_at (kuggen_goals, 2), c);

  /* Update keeps the project; an outcome may be recorded. */
  own.project_id = 0;
  own.text = "45 deltagare";
  assert_true (sp_goal_update (f->db, a, &own, &error));
  assert_int_equal (sp_goal_get_project_id (item (kuggen_goals, 0)), KUGGEN);
  assert_true (sp_goal_set_outcome (f->db, a, "52 deltagare", &error));
  assert_string_equal (sp_goal_get_outcome (item (kuggen_goals, 0)), "52 deltagare");
  assert_true (sp_goal_delete (f->db, b, &error));
  sp_test_model_spy_expect (spy, 1, 1, 0);
  assert_null (error);
  sp_test_model_spy_free (spy);
}

static void
test_outcomes (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpRecordList) list = sp_goal_list_new (f->db, YEAR);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpGoalData data = { SP_GOAL_KIND_STRATEGIC, "Ändrad", NULL, NULL, 0, 0 };
  guint n_goals = 99, n_with_outcome = 99;
  gint64 a, b, c;

  assert_true (sp_goal_count_outcomes (f->db, YEAR, &n_goals, &n_with_outcome, &error));
  assert_int_equal (n_goals, 0);
  assert_int_equal (n_with_outcome, 0);

  a = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Ett", 0);
  b = add_goal (f, SP_GOAL_KIND_MEASURABLE, "Två", 0);
  c = add_goal (f, SP_GOAL_KIND_MEASURABLE, "Tre", 0);
  assert_true (sp_goal_set_outcome (f->db, a, "Delvis uppnått", &error));
  assert_string_equal (sp_history_get_undo_label (f->history), "Record outcome");
  assert_true (sp_goal_set_outcome (f->db, b, " \n ", &error));
  assert_true (sp_goal_count_outcomes (f->db, YEAR, &n_goals, &n_with_outcome, &error));
  assert_int_equal (n_goals, 3);
  assert_int_equal (n_with_outcome, 1);
  assert_true (sp_goal_has_outcome (item (list, 0)));
  assert_false (sp_goal_has_outcome (item (list, 1)));

  /* Adopted: the plan is locked, but the follow-up records outcomes. */
  setup_sql (f, "UPDATE plan_year SET status = 'adopted', decision_date = '2008-11-21' WHERE year = 2009");
  assert_true (sp_goal_set_outcome (f->db, c, "62 %", &error));
  assert_null (error);
  assert_true (sp_goal_count_outcomes (f->db, YEAR, &n_goals, &n_with_outcome, &error));
  assert_int_equal (n_with_outcome, 2);
  assert_string_equal (sp_goal_get_outcome (item (list, 2)), "62 %");

  before = sp_test_dump_database (f->db);
  assert_false (sp_goal_update (f->db, a, &data, &error));
  assert_string_equal (error->message, LOCKED_MESSAGE);
  assert_refused (&error, SP_ERROR_LOCKED);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* And the outcome's undo works on the adopted year. */
  assert_true (sp_history_undo (f->history, &error));
  assert_null (error);
  assert_string_equal (sp_goal_get_outcome (item (list, 2)), "");
}

/* Across the kinds */

static void
test_adopted_year_refused (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 section = add_section (f, "Inledning", "Text");
  gint64 group = add_group (f, YEAR, "Administration");
  gint64 other_group = add_group (f, YEAR, "Uppföljning");
  gint64 area = add_area (f, group, "Styrelse");
  gint64 target = add_target (f, "Unga vuxna", "");
  gint64 goal = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Mål", 0);
  SpGoalData data = { SP_GOAL_KIND_STRATEGIC, "Nytt mål", NULL, NULL, 0, 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 later_group = add_group (f, OTHER_YEAR, "Administration");
  guint i = 0;

  setup_sql (f, "UPDATE plan_year SET status = 'adopted' WHERE year = 2009");
  before = sp_test_dump_database (f->db);

#define REFUSED(call)                                           \
  G_STMT_START {                                                \
    assert_false ((call) != 0);                                 \
    assert_non_null (error);                                    \
    if (g_strcmp0 (error->message, LOCKED_MESSAGE) != 0)        \
      g_error ("%s: %s", #call, error->message);                \
    assert_refused (&error, SP_ERROR_LOCKED);                   \
    i++;                                                        \
  } G_STMT_END

  /* The section triggers would refuse too, with another message: the core
   * refuses first, with its own. */
  REFUSED (sp_section_add (f->db, YEAR, "Nytt", "", &error));
  REFUSED (sp_section_rename (f->db, section, "Nytt", &error));
  REFUSED (sp_section_set_body (f->db, section, "Ny text", &error));
  REFUSED (sp_section_move (f->db, section, 0, &error));
  REFUSED (sp_section_delete (f->db, section, &error));
  REFUSED (sp_area_group_add (f->db, YEAR, "Ny", &error));
  REFUSED (sp_area_group_rename (f->db, group, "Ny", &error));
  REFUSED (sp_area_group_move (f->db, group, 1, &error));
  REFUSED (sp_area_group_delete (f->db, group, &error));
  REFUSED (sp_area_add (f->db, group, "Ny", &error));
  REFUSED (sp_area_rename (f->db, area, "Ny", &error));
  REFUSED (sp_area_move (f->db, area, 0, &error));
  REFUSED (sp_area_set_group (f->db, area, other_group, 0, &error));
  REFUSED (sp_area_delete (f->db, area, &error));
  REFUSED (sp_target_group_add (f->db, YEAR, "Ny", "", &error));
  REFUSED (sp_target_group_update (f->db, target, "Ny", "", &error));
  REFUSED (sp_target_group_move (f->db, target, 0, &error));
  REFUSED (sp_target_group_delete (f->db, target, &error));
  REFUSED (sp_goal_add (f->db, YEAR, &data, &error));
  REFUSED (sp_goal_update (f->db, goal, &data, &error));
  REFUSED (sp_goal_move (f->db, goal, 0, &error));
  REFUSED (sp_goal_delete (f->db, goal, &error));
  /* Even with invalid input, the lock is what is said. */
  REFUSED (sp_section_add (f->db, YEAR, "", "", &error));
  REFUSED (sp_area_group_rename (f->db, group, "", &error));
#undef REFUSED
  assert_int_equal (i, 24);

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  /* The other year is open. */
  assert_true (sp_area_add (f->db, later_group, "Styrelse", &error) > 0);
  assert_null (error);
}

static void
test_undo_every_edit (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SpRecordList) all = sp_area_list_new_for_year (f->db, YEAR);
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Mätbart", "Indikator", "Mål", 0, KUGGEN };
  gint64 s1, s2, g1, g2, a1, a2, t1, t2, goal1, goal2, pgoal;

#define STEP(call) G_STMT_START { assert_true ((call) != 0); assert_null (error);   \
                                  g_ptr_array_add (dumps, sp_test_dump_database (f->db)); } G_STMT_END

  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  STEP (s1 = sp_section_add (f->db, YEAR, "Inledning", "Text", &error));
  STEP (s2 = sp_section_add (f->db, YEAR, "Nytt", NULL, &error));
  STEP (sp_section_rename (f->db, s1, "Inledning 2009", &error));
  STEP (sp_section_set_body (f->db, s2, "Nyheter i år", &error));
  STEP (sp_section_set_body (f->db, s2, "Nyheter i år.", &error));
  STEP (sp_section_move (f->db, s2, 0, &error));
  STEP (g1 = sp_area_group_add (f->db, YEAR, "Administration", &error));
  STEP (g2 = sp_area_group_add (f->db, YEAR, "Projekt", &error));
  STEP (sp_area_group_rename (f->db, g2, "Projekt och insatser", &error));
  STEP (sp_area_group_move (f->db, g2, 0, &error));
  STEP (a1 = sp_area_add (f->db, g1, "Styrelse", &error));
  STEP (a2 = sp_area_add (f->db, g1, "Kansli", &error));
  STEP (sp_area_rename (f->db, a2, "Kansliet", &error));
  STEP (sp_area_move (f->db, a2, 0, &error));
  STEP (sp_area_set_group (f->db, a1, g2, 0, &error));
  STEP (t1 = sp_target_group_add (f->db, YEAR, "Unga vuxna", "16–29 år", &error));
  STEP (t2 = sp_target_group_add (f->db, YEAR, "Sjukskrivna", NULL, &error));
  STEP (sp_target_group_update (f->db, t1, "Unga vuxna", "18–29 år", &error));
  STEP (sp_target_group_move (f->db, t2, 0, &error));
  data.area_id = a1;
  STEP (goal1 = sp_goal_add (f->db, YEAR, &data, &error));
  STEP (goal2 = add_goal (f, SP_GOAL_KIND_STRATEGIC, "Inriktning", 0));
  data.text = "Mätbart, ändrat";
  STEP (sp_goal_update (f->db, goal1, &data, &error));
  STEP (sp_goal_set_outcome (f->db, goal1, "Uppnått", &error));
  STEP (sp_goal_move (f->db, goal2, 0, &error));
  data.area_id = 0;
  data.project_id = 0;
  STEP (pgoal = sp_goal_add_to_project (f->db, SKOLKUGGEN, &data, &error));
  STEP (sp_goal_delete (f->db, pgoal, &error));
  STEP (sp_goal_delete (f->db, goal1, &error));
  STEP (sp_target_group_delete (f->db, t1, &error));
  STEP (sp_area_delete (f->db, a2, &error));
  STEP (sp_area_group_delete (f->db, g2, &error));
  STEP (sp_section_delete (f->db, s1, &error));
#undef STEP

  for (guint i = dumps->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;

      assert_true (sp_history_undo (f->history, &error));
      assert_null (error);
      now = sp_test_dump_database (f->db);
      if (g_strcmp0 (now, g_ptr_array_index (dumps, i - 1)) != 0)
        g_error ("undo %u:\n%s\nexpected:\n%s", i, now, (char *) g_ptr_array_index (dumps, i - 1));
    }
  assert_int_equal (n_items (all), 0);
  assert_false (sp_history_can_undo (f->history));

  for (guint i = 1; i < dumps->len; i++)
    {
      g_autofree char *now = NULL;

      assert_true (sp_history_redo (f->history, &error));
      assert_null (error);
      now = sp_test_dump_database (f->db);
      if (g_strcmp0 (now, g_ptr_array_index (dumps, i)) != 0)
        g_error ("redo %u:\n%s\nexpected:\n%s", i, now, (char *) g_ptr_array_index (dumps, i));
    }
  assert_int_equal (n_items (all), 0);
}

static void
test_persisted (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) sections = NULL;
  g_autoptr(SpRecordList) areas = NULL;
  g_autoptr(SpRecordList) targets = NULL;
  g_autoptr(SpRecordList) goals = NULL;
  g_autoptr(SpRecordList) project_goals = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Mätbart", "Indikator", "50", 0, 0 };
  gint64 group, area;
  guint n_goals, n_with_outcome;

  add_section (f, "Inledning", "Förbundets ändamål");
  group = add_group (f, YEAR, "Administration");
  area = add_area (f, group, "Styrelse");
  add_target (f, "Unga vuxna", "16–29 år");
  data.area_id = area;
  sp_goal_set_outcome (f->db, sp_goal_add (f->db, YEAR, &data, &error), "Uppnått", &error);
  data.area_id = 0;
  sp_goal_add_to_project (f->db, KUGGEN, &data, &error);
  assert_null (error);

  g_clear_object (&f->db);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  f->history = sp_database_get_history (f->db);

  sections = sp_section_list_new (f->db, YEAR);
  areas = sp_area_list_new_for_year (f->db, YEAR);
  targets = sp_target_group_list_new (f->db, YEAR);
  goals = sp_goal_list_new (f->db, YEAR);
  project_goals = sp_goal_list_new_for_project (f->db, KUGGEN);
  assert_string_equal (sp_section_get_body (item (sections, 0)), "Förbundets ändamål");
  assert_string_equal (sp_area_get_name (item (areas, 0)), "Styrelse");
  assert_string_equal (sp_area_get_group_name (item (areas, 0)), "Administration");
  assert_string_equal (sp_target_group_get_description (item (targets, 0)), "16–29 år");
  assert_int_equal (sp_goal_get_kind (item (goals, 0)), SP_GOAL_KIND_MEASURABLE);
  assert_int_equal (sp_goal_get_area_id (item (goals, 0)), area);
  assert_string_equal (sp_goal_get_outcome (item (goals, 0)), "Uppnått");
  assert_int_equal (n_items (project_goals), 1);
  assert_true (sp_goal_count_outcomes (f->db, YEAR, &n_goals, &n_with_outcome, &error));
  assert_int_equal (n_goals, 1);
  assert_int_equal (n_with_outcome, 1);
}

static void
test_search (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sections = NULL;
  g_autoptr(GArray) goals = NULL;
  SpGoalData data = { SP_GOAL_KIND_MEASURABLE, "Deltagare i arbete", "Andel", "50 %", 0, 0 };
  gint64 intro, projects, goal;

  intro = add_section (f, "Inledning", "Förbundet arbetar med ÄLDRE och unga.");
  projects = add_section (f, "Projekt i Kramfors", "Kuggen och Skolkuggen.");
  add_section (f, "Budget", "Ramen är 4 000 000 kr.");
  goal = sp_goal_add (f->db, YEAR, &data, &error);
  sp_goal_set_outcome (f->db, goal, "Kuggen nådde 62 %", &error);
  add_goal (f, SP_GOAL_KIND_STRATEGIC, "Egen försörjning", 0);
  sp_section_add (f->db, OTHER_YEAR, "Kuggen", "Kuggen", &error);
  assert_null (error);

  assert_true (sp_plan_search (f->db, YEAR, "KUGGEN", &sections, &goals, &error));
  assert_int_equal (sections->len, 1);
  assert_int_equal (g_array_index (sections, gint64, 0), projects);
  assert_int_equal (goals->len, 1);
  assert_int_equal (g_array_index (goals, gint64, 0), goal);
  g_clear_pointer (&sections, g_array_unref);
  g_clear_pointer (&goals, g_array_unref);

  /* Case and composition (a + combining ring = å) do not matter. */
  assert_true (sp_plan_search (f->db, YEAR, " äldre ", &sections, &goals, &error));
  assert_int_equal (sections->len, 1);
  assert_int_equal (g_array_index (sections, gint64, 0), intro);
  assert_int_equal (goals->len, 0);
  g_clear_pointer (&sections, g_array_unref);
  g_clear_pointer (&goals, g_array_unref);
  assert_true (sp_plan_search (f->db, YEAR, "na\xcc\x8a", &sections, &goals, &error));
  assert_int_equal (sections->len, 0);
  assert_int_equal (goals->len, 1);
  g_clear_pointer (&sections, g_array_unref);
  g_clear_pointer (&goals, g_array_unref);

  assert_true (sp_plan_search (f->db, YEAR, "  ", &sections, &goals, &error));
  assert_int_equal (sections->len, 0);
  assert_int_equal (goals->len, 0);
  assert_null (error);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_sections_add_and_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sections_rename_and_body, setup, teardown),
    cmocka_unit_test_setup_teardown (test_sections_move_and_delete, setup, teardown),
    cmocka_unit_test_setup_teardown (test_section_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_section_long_body, setup, teardown),
    cmocka_unit_test_setup_teardown (test_groups_and_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_area_set_group, setup, teardown),
    cmocka_unit_test_setup_teardown (test_area_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_area_in_use, setup, teardown),
    cmocka_unit_test_setup_teardown (test_group_delete_takes_areas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_target_groups, setup, teardown),
    cmocka_unit_test_setup_teardown (test_target_group_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_goal_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_project_goals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_outcomes, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_year_refused, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_every_edit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_persisted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_search, setup, teardown),
  };

  return cmocka_run_group_tests_name ("plan", tests, NULL, NULL);
}
