/* test-board.c: the board representatives and the förbund's own details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "sp-association.h"
#include "sp-board-member.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-member.h"
#include "sp-test-model.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  SpDatabase *db;
  gint64      fagersta, norberg;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  SpMemberData a = { "Fagersta kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 12000, 0, 0 };
  SpMemberData b = { "Norbergs kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 5700, 0, 0 };

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "styrelse.db", NULL);
  f->db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, NULL);
  f->fagersta = sp_member_add (f->db, &a, NULL);
  f->norberg = sp_member_add (f->db, &b, NULL);
  g_assert_true (f->fagersta > 0 && f->norberg > 0);
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

static void
test_board (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRecordList) board = sp_board_list_new (f->db, 2009);
  SpTestModelSpy *spy = sp_test_model_spy_new (G_LIST_MODEL (board));
  SpBoardMemberData data = { f->norberg, "Bo Berg", SP_BOARD_ROLE_DEPUTY, SP_BOARD_OFFICE_NONE };
  g_autoptr(SpBoardMember) first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 chair;

  assert_true (sp_board_add (f->db, 2009, &data, &error) > 0);
  sp_test_model_spy_expect (spy, 0, 0, 1);
  data = (SpBoardMemberData) { f->norberg, "Anna Ek", SP_BOARD_ROLE_ORDINARY, SP_BOARD_OFFICE_VICE_CHAIR };
  assert_true (sp_board_add (f->db, 2009, &data, &error) > 0);
  /* The ordinary member comes before the deputy of the same member. */
  sp_test_model_spy_expect (spy, 0, 0, 1);
  data = (SpBoardMemberData) { f->fagersta, "Carl Ström", SP_BOARD_ROLE_ORDINARY, SP_BOARD_OFFICE_CHAIR };
  chair = sp_board_add (f->db, 2009, &data, &error);
  /* Fagersta is the first member. */
  sp_test_model_spy_expect (spy, 0, 0, 1);
  assert_null (error);

  first = g_list_model_get_item (G_LIST_MODEL (board), 0);
  assert_string_equal (sp_board_member_get_name (first), "Carl Ström");
  assert_string_equal (sp_board_member_get_member_name (first), "Fagersta kommun");
  assert_int_equal (sp_board_member_get_office (first), SP_BOARD_OFFICE_CHAIR);

  /* One chair, one vice chair; empty names and unknown members refused. */
  before = sp_test_dump_database (f->db);
  data = (SpBoardMemberData) { f->fagersta, "Dora Dahl", SP_BOARD_ROLE_DEPUTY, SP_BOARD_OFFICE_CHAIR };
  assert_int_equal (sp_board_add (f->db, 2009, &data, &error), 0);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_DUPLICATE));
  assert_non_null (strstr (error->message, "Carl Ström"));
  assert_string_equal (sp_error_get_field (error), "office");
  g_clear_error (&error);
  data = (SpBoardMemberData) { f->fagersta, " ", SP_BOARD_ROLE_DEPUTY, SP_BOARD_OFFICE_NONE };
  assert_int_equal (sp_board_add (f->db, 2009, &data, &error), 0);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_string_equal (sp_error_get_field (error), "name");
  g_clear_error (&error);
  data = (SpBoardMemberData) { 4242, "Eva", SP_BOARD_ROLE_DEPUTY, SP_BOARD_OFFICE_NONE };
  assert_int_equal (sp_board_add (f->db, 2009, &data, &error), 0);
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_NOT_FOUND));
  assert_string_equal (sp_error_get_field (error), "member-id");
  g_clear_error (&error);
  data = (SpBoardMemberData) { f->fagersta, "Eva", SP_BOARD_ROLE_DEPUTY, SP_BOARD_OFFICE_NONE };
  assert_int_equal (sp_board_add (f->db, 1980, &data, &error), 0);
  g_clear_error (&error);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (spy->changes->len, 0);

  /* The chair may keep the office when changed; removing frees it. */
  data = (SpBoardMemberData) { f->fagersta, "Carl Ström", SP_BOARD_ROLE_ORDINARY, SP_BOARD_OFFICE_CHAIR };
  assert_true (sp_board_update (f->db, chair, &data, &error));
  assert_true (sp_board_delete (f->db, chair, &error));
  sp_test_model_spy_expect (spy, 0, 1, 0);
  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  sp_test_model_spy_expect (spy, 0, 0, 1);
  g_clear_pointer (&after, g_free);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  sp_test_model_spy_free (spy);
}

static void
test_org_number (void **state)
{
  static const struct { const char *text; const char *stored; } cases[] = {
    { "202100-5521", "202100-5521" },   /* Försäkringskassan */
    { "2021005521", "202100-5521" },
    { " 222000-1230 ", "222000-1230" },
    { "", "" },
    { "202100-5522", NULL },            /* wrong check digit */
    { "20210-05521", NULL },
    { "202100-552", NULL },
    { "202100-55211", NULL },
    { "2021OO-5521", NULL },
    { "202100–5521", NULL },            /* an en dash */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = sp_association_check_org_number (cases[i].text, &error);

      if (cases[i].stored != NULL)
        {
          assert_null (error);
          assert_string_equal (stored, cases[i].stored);
        }
      else
        {
          assert_null (stored);
          assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
        }
    }
}

static void
test_association (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpAssociation) empty = sp_association_load (f->db, &error);
  g_autoptr(SpAssociation) loaded = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  assert_string_equal (empty->name, "");
  assert_true (sp_association_update (f->db, "Norra Västmanlands samordningsförbund", "2220001230",
                                      "Box 1\n737 80 Fagersta", &error));
  loaded = sp_association_load (f->db, &error);
  assert_string_equal (loaded->name, "Norra Västmanlands samordningsförbund");
  assert_string_equal (loaded->org_number, "222000-1230");
  assert_string_equal (loaded->address, "Box 1\n737 80 Fagersta");

  before = sp_test_dump_database (f->db);
  assert_false (sp_association_update (f->db, "", "", "", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_false (sp_association_update (f->db, "Förbundet", "123", "", &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);

  assert_true (sp_history_undo (sp_database_get_history (f->db), &error));
  g_clear_pointer (&loaded, sp_association_free);
  loaded = sp_association_load (f->db, &error);
  assert_string_equal (loaded->name, "");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_board, setup, teardown),
    cmocka_unit_test (test_org_number),
    cmocka_unit_test_setup_teardown (test_association, setup, teardown),
  };

  return cmocka_run_group_tests_name ("board", tests, NULL, NULL);
}
