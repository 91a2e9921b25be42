/* test-member.c: the member organisations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-test-model.h"
#include "sp-test-util.h"

typedef struct {
  char           *dir;
  SpDatabase     *db;
  SpRecordList   *list;
  SpTestModelSpy *spy;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "medlemmar.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  g_assert_nonnull (f->db);
  f->list = sp_member_list_new (f->db);
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

static gint64
add (Fixture      *f,
     const char   *name,
     SpMemberKind  kind,
     gint64        population)
{
  SpMemberData data = { name, kind, TRUE, population, 0, 0 };
  g_autoptr(GError) error = NULL;
  gint64 id = sp_member_add (f->db, &data, &error);

  assert_null (error);
  assert_true (id > 0);
  return id;
}

static SpMember *
item (Fixture *f,
      guint    i)
{
  g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (f->list), i);
  return member; /* the list keeps its own reference */
}

static void
test_add_and_list (void **state)
{
  Fixture *f = *state;
  gint64 fk;

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 0);

  fk = add (f, "Försäkringskassan", SP_MEMBER_KIND_STATE, -1);
  sp_test_model_spy_expect (f->spy, 0, 0, 1);
  add (f, "  Fagersta kommun ", SP_MEMBER_KIND_MUNICIPALITY, 12345);
  sp_test_model_spy_expect (f->spy, 1, 0, 1);

  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 2);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 0))), fk);
  assert_string_equal (sp_member_get_name (item (f, 1)), "Fagersta kommun");
  assert_int_equal (sp_member_get_population (item (f, 1)), 12345);
  assert_int_equal (sp_member_get_population (item (f, 0)), -1);
  assert_int_equal (sp_member_get_kind (item (f, 0)), SP_MEMBER_KIND_STATE);
}

static void
test_update_keeps_object (void **state)
{
  Fixture *f = *state;
  gint64 id = add (f, "Norbergs kommun", SP_MEMBER_KIND_MUNICIPALITY, 5700);
  SpMember *shown;
  SpMemberData data;
  g_autoptr(GError) error = NULL;

  sp_test_model_spy_clear (f->spy);
  shown = item (f, 0);
  sp_member_get_data (shown, &data);
  data.population = 5650;
  data.name = "Norbergs kommun";
  assert_true (sp_member_update (f->db, id, &data, &error));
  assert_null (error);

  /* Same object, new value, no items-changed: a property notify is enough. */
  assert_ptr_equal (item (f, 0), shown);
  assert_int_equal (sp_member_get_population (shown), 5650);
  assert_int_equal (f->spy->changes->len, 0);
}

static void
test_move_and_remove (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 a = add (f, "A", SP_MEMBER_KIND_STATE, -1);
  gint64 b = add (f, "B", SP_MEMBER_KIND_REGION, -1);
  gint64 c = add (f, "C", SP_MEMBER_KIND_MUNICIPALITY, 100);
  gint64 d = add (f, "D", SP_MEMBER_KIND_MUNICIPALITY, 200);

  sp_test_model_spy_clear (f->spy);
  assert_true (sp_member_move (f->db, d, 1, &error));
  /* A D B C: the range 1..3 changed */
  sp_test_model_spy_expect (f->spy, 1, 3, 3);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 1))), d);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 2))), b);

  assert_true (sp_member_move (f->db, a, 1, &error));
  /* D A B C */
  sp_test_model_spy_expect (f->spy, 0, 2, 2);

  assert_true (sp_member_delete (f->db, b, &error));
  sp_test_model_spy_expect (f->spy, 2, 1, 0);
  assert_int_equal (sp_record_get_id (SP_RECORD (item (f, 2))), c);
  assert_null (error);
}

static void
test_refusals (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *long_name = g_strnfill (201, 'x');
  SpMemberData data = { "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 1, 0, 0 };
  struct {
    SpMemberData data;
    int          code;
    const char  *field;
  } bad[] = {
    { { "", SP_MEMBER_KIND_STATE, TRUE, -1, 0, 0 }, SP_ERROR_INVALID, "name" },
    { { "   ", SP_MEMBER_KIND_STATE, TRUE, -1, 0, 0 }, SP_ERROR_INVALID, "name" },
    { { "FAGERSTA KOMMUN", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 1, 0, 0 }, SP_ERROR_DUPLICATE, "name" },
    { { "Ny", SP_MEMBER_KIND_MUNICIPALITY, TRUE, -5, 0, 0 }, SP_ERROR_INVALID, "population" },
    { { "Ny", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 2010, 2008 }, SP_ERROR_INVALID, "to-year" },
    { { "Ny", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 1989, 0 }, SP_ERROR_INVALID, "from-year" },
    { { "Ny", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 0, 2101 }, SP_ERROR_INVALID, "to-year" },
    { { "Ny", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 2101, 2102 }, SP_ERROR_INVALID, "from-year" },
    { { "Två\nrader", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 0, 0 }, SP_ERROR_INVALID, "name" },
    { { "\xff\xfe", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 0, 0 }, SP_ERROR_INVALID, "name" },
    { { NULL, SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5, 0, 0 }, SP_ERROR_INVALID, "name" },
    { { "Ny", (SpMemberKind) 7, TRUE, 5, 0, 0 }, SP_ERROR_INVALID, "kind" },
  };

  assert_true (sp_member_add (f->db, &data, &error) > 0);
  before = sp_test_dump_database (f->db);
  sp_test_model_spy_clear (f->spy);

  bad[G_N_ELEMENTS (bad) - 1].data.name = "Ny";
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      assert_int_equal (sp_member_add (f->db, &bad[i].data, &error), 0);
      assert_non_null (error);
      assert_int_equal (error->domain, SP_ERROR);
      assert_int_equal (error->code, bad[i].code);
      /* The core names the field, so that an editor need not guess. */
      assert_string_equal (sp_error_get_field (error), bad[i].field);
    }
  g_clear_error (&error);
  data.name = long_name;
  assert_int_equal (sp_member_add (f->db, &data, &error), 0);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_string_equal (sp_error_get_field (error), "name");

  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (f->spy->changes->len, 0);
  assert_false (sp_history_can_redo (sp_database_get_history (f->db)));
}

static void
test_stored_exactly (void **state)
{
  Fixture *f = *state;
  const char *names[] = {
    "Region Västmanland & <Landstinget> \"Väst\" 'mitt'",
    "Robert'); DROP TABLE member;--",
    "=SUMMA(A1:A9)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add (f, names[i], SP_MEMBER_KIND_REGION, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_string_equal (sp_member_get_name (item (f, i)), names[i]);
}

static void
test_undo_every_edit (void **state)
{
  Fixture *f = *state;
  SpHistory *history = sp_database_get_history (f->db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dumps = g_ptr_array_new_with_free_func (g_free);
  gint64 a, b;
  SpMemberData data = { "Skinnskattebergs kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 4400, 2005, 0 };

  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  a = add (f, "Arbetsförmedlingen", SP_MEMBER_KIND_STATE, -1);
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  b = sp_member_add (f->db, &data, &error);
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  data.pays_own_share = FALSE;
  data.population = 4450;
  assert_true (sp_member_update (f->db, b, &data, &error));
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  assert_true (sp_member_move (f->db, b, 0, &error));
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  assert_true (sp_member_end_membership (f->db, a, 2012, &error));
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  assert_true (sp_member_delete (f->db, a, &error));
  g_ptr_array_add (dumps, sp_test_dump_database (f->db));
  assert_null (error);

  for (guint i = dumps->len - 1; i > 0; i--)
    {
      g_autofree char *now = NULL;
      assert_true (sp_history_undo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i - 1));
    }
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 0);

  for (guint i = 1; i < dumps->len; i++)
    {
      g_autofree char *now = NULL;
      assert_true (sp_history_redo (history, &error));
      now = sp_test_dump_database (f->db);
      assert_string_equal (now, g_ptr_array_index (dumps, i));
    }
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 1);
  assert_string_equal (sp_member_get_name (item (f, 0)), "Skinnskattebergs kommun");
}

static void
test_delete_refused_when_owner (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  gint64 id = add (f, "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, 12000);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO project (name, owner_id) VALUES ('Kuggen', %" G_GINT64_FORMAT ")", id);

  assert_true (sp_database_exec (f->db, sql, &error));
  assert_false (sp_member_delete (f->db, id, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_IN_USE));
  assert_int_equal (g_list_model_get_n_items (G_LIST_MODEL (f->list)), 1);
}

static void
test_persisted (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_strdup (sp_database_get_path (f->db));
  g_autoptr(SpRecordList) list = NULL;
  g_autoptr(SpMember) member = NULL;

  add (f, "Landstinget Västmanland", SP_MEMBER_KIND_REGION, -1);
  sp_test_model_spy_free (f->spy);
  g_clear_object (&f->list);
  g_clear_object (&f->db);

  f->db = sp_database_open (path, SP_DATABASE_OPEN_EXISTING, NULL);
  list = sp_member_list_new (f->db);
  f->list = g_object_ref (list);
  f->spy = sp_test_model_spy_new (G_LIST_MODEL (f->list));
  member = g_list_model_get_item (G_LIST_MODEL (list), 0);
  assert_string_equal (sp_member_get_name (member), "Landstinget Västmanland");
  assert_int_equal (sp_member_get_kind (member), SP_MEMBER_KIND_REGION);
  assert_true (sp_member_is_member_in (member, 2009));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_add_and_list, setup, teardown),
    cmocka_unit_test_setup_teardown (test_update_keeps_object, setup, teardown),
    cmocka_unit_test_setup_teardown (test_move_and_remove, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refusals, setup, teardown),
    cmocka_unit_test_setup_teardown (test_stored_exactly, setup, teardown),
    cmocka_unit_test_setup_teardown (test_undo_every_edit, setup, teardown),
    cmocka_unit_test_setup_teardown (test_delete_refused_when_owner, setup, teardown),
    cmocka_unit_test_setup_teardown (test_persisted, setup, teardown),
  };

  return cmocka_run_group_tests_name ("member", tests, NULL, NULL);
}
