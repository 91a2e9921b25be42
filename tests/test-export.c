/* test-export.c: the Excel workbooks of the treasurer and the members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run without arguments: the cmocka tests. Run as `test-export --write-to
 * DIR`: exports the example förbund (with a few hostile names) into DIR and
 * writes DIR/expected.json with the core's figures, for check-export.py,
 * which reads the workbooks back with openpyxl and recomputes them with
 * gnumeric.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-cli.h"
#include "sp-contribution.h"
#include "sp-error.h"
#include "sp-example.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sp-area.h"
#include "sp-area-group.h"
#include "sp-export.h"
#include "sp-goal.h"
#include "sp-invoicing.h"
#include "sp-limits.h"
#include "sp-member.h"
#include "sp-portfolio.h"
#include "sp-project-decision.h"
#include "sp-project.h"
#include "sp-test-util.h"
#include "sp-plan-year.h"

typedef struct {
  char       *dir;
  char       *out;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  path = g_build_filename (f->dir, "exempel.db", NULL);
  f->db = sp_example_create (path, &error);
  assert_null (error);
  f->out = g_build_filename (f->dir, "ut", NULL);
  assert_int_equal (g_mkdir (f->out, 0755), 0);
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
  g_free (f->out);
  g_free (f);
  return 0;
}

static gint64
member_id (SpDatabase *db,
           const char *name)
{
  g_autoptr(SpRecordList) list = sp_member_list_new (db);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpMember) m = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (g_strcmp0 (sp_member_get_name (m), name) == 0)
        return sp_record_get_id (SP_RECORD (m));
    }
  fail_msg ("no member %s", name);
  return 0;
}

static void
rename_member (SpDatabase *db,
               const char *old_name,
               const char *new_name)
{
  gint64 id = member_id (db, old_name);
  g_autoptr(SpMember) m = sp_member_load (db, id, NULL);
  g_autoptr(GError) error = NULL;
  SpMemberData data;

  sp_member_get_data (m, &data);
  data.name = new_name;
  assert_true (sp_member_update (db, id, &data, &error));
  assert_null (error);
}

static gboolean
is_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length > 1000 && memcmp (contents, "PK\003\004", 4) == 0;
}

/* ---- File names ----------------------------------------------------------- */

static void
test_file_name (void **state)
{
  g_autofree char *plain = sp_export_file_name ("Norra Västmanlands samordningsförbund", 2009, "Fagersta kommun");
  g_autofree char *unsafe = sp_export_file_name ("Förbund A/B", 2009, "Fagersta/Norberg: \"kommun\" <1>|?*\\");
  g_autofree char *dots = sp_export_file_name ("..hidden", 2009, "end. . ");
  g_autofree char *spaces = sp_export_file_name ("  Ett\n\tförbund  ", 2010, "x\001y");
  g_autofree char *long_name = NULL;
  g_autofree char *very_long = NULL;
  GString *many = g_string_new (NULL);

  assert_string_equal (plain, "Norra Västmanlands samordningsförbund 2009 – Fagersta kommun.xlsx");
  assert_string_equal (unsafe, "Förbund A_B 2009 – Fagersta_Norberg_ _kommun_ _1_____.xlsx");
  assert_string_equal (dots, "hidden 2009 – end.xlsx");
  assert_string_equal (spaces, "Ett förbund 2010 – x_y.xlsx");

  for (int i = 0; i < 200; i++)
    g_string_append (many, "åäö");
  very_long = g_string_free (many, FALSE);
  long_name = sp_export_file_name (very_long, 2009, "Kassör");
  assert_true (strlen (long_name) <= 255);
  assert_true (g_utf8_validate (long_name, -1, NULL));
  assert_true (g_str_has_suffix (long_name, ".xlsx"));
  /* The förbund's name is shortened, the recipient's kept whole. */
  assert_true (g_str_has_suffix (long_name, "… 2009 – Kassör.xlsx"));
  g_clear_pointer (&long_name, g_free);
  long_name = sp_export_file_name (very_long, 2009, "Region Västmanland, Hälso- och sjukvårdsförvaltningen");
  assert_true (strlen (long_name) <= 255);
  assert_true (g_str_has_suffix (long_name, "… 2009 – Region Västmanland, Hälso- och sjukvårdsförvaltningen.xlsx"));
  g_clear_pointer (&long_name, g_free);
  /* A recipient too long on its own is cut too, but the förbund keeps its start. */
  long_name = sp_export_file_name ("Samordningsförbundet i Kramfors", 2009, very_long);
  assert_true (strlen (long_name) <= 255);
  assert_true (g_utf8_validate (long_name, -1, NULL));
  assert_true (g_str_has_prefix (long_name, "Samordningsförbundet"));
  assert_true (strstr (long_name, " 2009 – åäöåäö") != NULL);
  assert_true (g_str_has_suffix (long_name, "…xlsx") == FALSE && g_str_has_suffix (long_name, "….xlsx"));
}

/* With a förbund name as long as it may be, every member's file still has its own
 * name (issue 18: all seven became "…Västma (2)" … "(7)"). */
static void
test_file_names_long_association (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(SpAssociation) association = sp_association_load (f->db, &error);
  SpExportOptions options;

  /* As long as a name may be, and longer in bytes than a file name. */
  while (g_utf8_strlen (name->str, -1) + 14 <= SP_NAME_MAX_CHARS)
    g_string_append (name, "Åäö-förbundet ");
  assert_non_null (association);
  assert_true (sp_association_update (f->db, name->str, association->org_number, association->address, &error));
  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_int_equal (written->len, 7);
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (written, i));

      assert_true (strlen (base) <= 255);
      assert_null (strstr (base, " (2)"));
      assert_non_null (strstr (base, "… 2009 – "));
    }
}

/* ---- Writing -------------------------------------------------------------- */

typedef struct {
  guint n_calls;
  guint last_done;
  guint total;
} Progress;

static void
on_progress (const char *path,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  Progress *p = user_data;

  /* Made, but not yet in place: all are renamed together at the end. */
  assert_true (g_str_has_suffix (path, ".xlsx"));
  assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  p->n_calls++;
  p->last_done = done;
  p->total = total;
}

static void
test_export_all (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) planned = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;
  Progress progress = { 0 };

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.created = 1230768000; /* 2009-01-01 */
  options.progress = on_progress;
  options.progress_data = &progress;

  planned = sp_export_plan (f->db, f->out, &options, &error);
  assert_null (error);
  assert_int_equal (planned->len, 7);
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 0); /* planning writes nothing */
  g_clear_pointer (&names, g_ptr_array_unref);

  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_null (error);
  assert_int_equal (written->len, 7);
  assert_int_equal (progress.n_calls, 7);
  assert_int_equal (progress.last_done, 7);
  assert_int_equal (progress.total, 7);
  for (guint i = 0; i < written->len; i++)
    {
      assert_string_equal (g_ptr_array_index (written, i), g_ptr_array_index (planned, i));
      assert_true (is_xlsx (g_ptr_array_index (written, i)));
    }
  {
    g_autofree char *base = g_path_get_basename (g_ptr_array_index (written, 0));
    assert_string_equal (base, "Norra Västmanlands samordningsförbund 2009 – Kassör.xlsx");
  }

  /* Nothing else in the folder: no temporary file left behind. */
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 7);
  for (guint i = 0; i < names->len; i++)
    assert_true (g_str_has_suffix (g_ptr_array_index (names, i), ".xlsx") &&
                 ((const char *) g_ptr_array_index (names, i))[0] != '.');

  /* Exporting again replaces the files. */
  g_ptr_array_set_size (written, 0);
  options.progress = NULL;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  g_clear_pointer (&names, g_ptr_array_unref);
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 7);
}

static void
test_deterministic (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *other = g_build_filename (f->dir, "andra", NULL);
  SpExportOptions options;

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.created = 1230768000;
  assert_int_equal (g_mkdir (other, 0755), 0);
  assert_true (sp_export_write (f->db, f->out, &options, first, &error));
  assert_true (sp_export_write (f->db, other, &options, second, &error));
  for (guint i = 0; i < first->len; i++)
    {
      g_autofree char *a = sp_test_file_checksum (g_ptr_array_index (first, i));
      g_autofree char *b = sp_test_file_checksum (g_ptr_array_index (second, i));
      assert_string_equal (a, b);
    }
}

static void
test_chosen_members (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *names[] = { "norbergs kommun", "Fagersta kommun", "Fagersta kommun", NULL };
  const char *none[] = { NULL };
  gint64 id = member_id (f->db, "Försäkringskassan");
  SpExportOptions options;

  /* By name (exact or ignoring case), once each, in the members' order, and by id. */
  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.treasurer = FALSE;
  options.unit = SP_MONEY_UNIT_TKR;
  options.member_names = names;
  g_array_append_val (ids, id);
  options.member_ids = ids;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_null (error);
  assert_int_equal (written->len, 3);
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 0), "– Fagersta kommun.xlsx"));
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 1), "– Norbergs kommun.xlsx"));
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 2), "– Försäkringskassan.xlsx"));

  /* An empty list: the treasurer's only. */
  g_ptr_array_set_size (written, 0);
  options.treasurer = TRUE;
  options.member_names = none;
  options.member_ids = NULL;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_int_equal (written->len, 1);
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 0), "– Kassör.xlsx"));
}

static void
test_unsafe_member_name (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *names[] = { "=Fagersta/Norberg: kommun", "Kassör", NULL };
  SpExportOptions options;

  rename_member (f->db, "Fagersta kommun", names[0]);
  /* A member called like the treasurer's file gets a name of its own. */
  rename_member (f->db, "Norbergs kommun", names[1]);
  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.member_names = names;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_null (error);
  assert_int_equal (written->len, 3);
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 0), "/Norra Västmanlands samordningsförbund 2009 – Kassör.xlsx"));
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 1), "/Norra Västmanlands samordningsförbund 2009 – =Fagersta_Norberg_ kommun.xlsx"));
  assert_true (g_str_has_suffix (g_ptr_array_index (written, 2), "/Norra Västmanlands samordningsförbund 2009 – Kassör (2).xlsx"));
  for (guint i = 0; i < written->len; i++)
    assert_true (is_xlsx (g_ptr_array_index (written, i)));
}

static void
test_adopted_and_odd_names (void **state)
{
  Fixture *f = *state;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GString *long_name = g_string_new (NULL);
  g_autofree char *name = NULL;
  const char *names[2] = { NULL, NULL };
  SpExportOptions options;

  /* A name of 200 "&": the page headers must stay within Excel's limit. */
  for (int i = 0; i < 200; i++)
    g_string_append_c (long_name, '&');
  name = g_string_free (long_name, FALSE);
  rename_member (f->db, "Fagersta kommun", name);
  assert_true (sp_association_update (f->db, name, "222000-1230", "Box 1", &error));
  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-11-21", "§ 12", &error));
  assert_null (error);

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  names[0] = name;
  options.member_names = names;
  assert_true (sp_export_write (f->db, f->out, &options, written, &error));
  assert_null (error);
  assert_int_equal (written->len, 2);
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (written, i));
      assert_true (strlen (base) <= 255);
      assert_true (is_xlsx (g_ptr_array_index (written, i)));
    }
}

/* ---- Refusals -------------------------------------------------------------- */

static void
assert_folder_empty (const char *dir)
{
  g_autoptr(GPtrArray) names = sp_test_list_dir (dir);
  assert_int_equal (names->len, 0);
}

static void
test_unknown_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  SpExportOptions options;

  sp_export_options_init (&options, 1999);
  assert_false (sp_export_write (f->db, f->out, &options, written, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_YEAR));
  assert_non_null (strstr (error->message, "1999"));
  assert_int_equal (written->len, 0);
  assert_folder_empty (f->out);
}

static void
test_unknown_member (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *names[] = { "Fagersta kommun", "Västerås stad", NULL };
  gint64 missing = 4711;
  SpExportOptions options;

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.member_names = names;
  assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER));
  assert_non_null (strstr (error->message, "Västerås stad"));
  assert_folder_empty (f->out);
  g_clear_error (&error);

  options.member_names = NULL;
  g_array_append_val (ids, missing);
  options.member_ids = ids;
  assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER));
  assert_folder_empty (f->out);
}

static void
test_member_not_in_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Arbetsförmedlingen", NULL };
  SpExportOptions options;

  assert_true (sp_member_end_membership (f->db, member_id (f->db, "Arbetsförmedlingen"), 2008, &error));
  assert_null (error);
  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.member_names = names;
  assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER));
  assert_non_null (strstr (error->message, "2009"));
  assert_folder_empty (f->out);
}

static void
test_unwritable_folder (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "en-fil", NULL);
  g_autofree char *below_file = g_build_filename (file, "mapp", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "finns-inte", NULL);
  SpExportOptions options;

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  assert_true (g_file_set_contents (file, "x", 1, NULL));

  /* A "folder" under a regular file: even root cannot write there. */
  assert_false (sp_export_write (f->db, below_file, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER));
  g_clear_error (&error);

  assert_false (sp_export_write (f->db, missing, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER));
  assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  assert_false (sp_export_write (f->db, file, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER));
  g_clear_error (&error);

  /* A folder without write permission, where the modes count (not root). */
  if (geteuid () != 0)
    {
      assert_int_equal (g_chmod (f->out, 0555), 0);
      assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
      assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER));
      assert_int_equal (g_chmod (f->out, 0755), 0);
      assert_folder_empty (f->out);
    }
}

/* A full disk, injected: the child process may not write files larger than
 * 8 KiB (RLIMIT_FSIZE; writes past it fail with EFBIG) while a workbook is
 * about 14 KiB, so the first temporary file fails half way. The export must fail
 * with an error and leave no file in the folder, neither under a final name
 * nor a temporary one. */
static void
test_disk_full (void **state)
{
  Fixture *f = *state;
  pid_t pid;
  int status = 0;

  pid = fork ();
  assert_true (pid >= 0);
  if (pid == 0)
    {
      struct rlimit limit = { 8 * 1024, 8 * 1024 };
      g_autoptr(GError) error = NULL;
      SpExportOptions options;

      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (2);
      sp_export_options_init (&options, SP_EXAMPLE_YEAR);
      if (sp_export_write (f->db, f->out, &options, NULL, &error))
        _exit (3);
      /* A clear message, in the export's words. */
      _exit (error != NULL && error->message[0] != '\0' ? 0 : 4);
    }
  assert_int_equal (waitpid (pid, &status, 0), pid);
  assert_true (WIFEXITED (status));
  assert_int_equal (WEXITSTATUS (status), 0);
  assert_folder_empty (f->out);
}

static void
test_read_only_target (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = g_build_filename (f->out, "Norra Västmanlands samordningsförbund 2009 – Norbergs kommun.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) names = NULL;
  SpExportOptions options;

  assert_true (g_file_set_contents (target, "låst", -1, NULL));
  assert_int_equal (g_chmod (target, 0444), 0);

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  assert_false (sp_export_write (f->db, f->out, &options, written, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_READ_ONLY));
  assert_non_null (strstr (error->message, "Norbergs kommun.xlsx"));
  assert_int_equal (written->len, 0);
  /* Checked before anything is written: the file is untouched, nothing else written. */
  assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  assert_string_equal (contents, "låst");
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 1);
  assert_int_equal (g_chmod (target, 0644), 0);
}

static void
test_year_without_budget (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpExportOptions options;

  assert_true (sp_plan_year_create (f->db, 2012, &error));
  assert_null (error);
  sp_export_options_init (&options, 2012);
  assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_true (g_error_matches (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_BUDGET));
  assert_non_null (strstr (error->message, "2012"));
  assert_folder_empty (f->out);
}

static void
test_contributions_fail (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) core_error = NULL;
  g_autoptr(GPtrArray) contributions = NULL;
  gint64 id = member_id (f->db, "Norbergs kommun");
  g_autoptr(SpMember) m = sp_member_load (f->db, id, NULL);
  SpMemberData data;
  SpExportOptions options;

  /* No population: the municipal quarter cannot be divided. */
  sp_member_get_data (m, &data);
  data.population = -1;
  assert_true (sp_member_update (f->db, id, &data, &error));
  contributions = sp_contributions_compute (f->db, SP_EXAMPLE_YEAR, &core_error);
  assert_null (contributions);
  assert_non_null (core_error);

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  assert_false (sp_export_write (f->db, f->out, &options, NULL, &error));
  assert_true (g_error_matches (error, core_error->domain, core_error->code));
  assert_string_equal (error->message, core_error->message);
  assert_folder_empty (f->out);
}

static void
test_cli (void **state)
{
  Fixture *f = *state;
  g_autofree char *db_path = g_strdup (sp_database_get_path (f->db));
  const char *members[] = { "Norbergs kommun", NULL };
  const char *unknown[] = { "Ingen", NULL };
  g_autoptr(GPtrArray) names = NULL;
  int saved_stdout, null_fd;

  g_clear_object (&f->db);
  /* The written paths go to standard output, which is the TAP stream here. */
  fflush (stdout);
  saved_stdout = dup (STDOUT_FILENO);
  null_fd = open ("/dev/null", O_WRONLY);
  dup2 (null_fd, STDOUT_FILENO);
  close (null_fd);

  assert_int_equal (sp_cli_export_xlsx (db_path, f->out, SP_EXAMPLE_YEAR, NULL, FALSE, FALSE, NULL), 0);
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 7);
  g_clear_pointer (&names, g_ptr_array_unref);

  assert_int_equal (sp_cli_export_xlsx (db_path, f->out, SP_EXAMPLE_YEAR, members, TRUE, FALSE, NULL), 0);
  assert_int_equal (sp_cli_export_xlsx (db_path, f->out, 1999, NULL, FALSE, FALSE, NULL), 1);
  assert_int_equal (sp_cli_export_xlsx (db_path, f->out, SP_EXAMPLE_YEAR, unknown, FALSE, FALSE, NULL), 1);
  assert_int_equal (sp_cli_export_xlsx (db_path, "/nonexistent/folder", SP_EXAMPLE_YEAR, NULL, FALSE, FALSE, NULL), 1);
  {
    g_autofree char *missing = g_build_filename (f->dir, "saknas.db", NULL);
    assert_int_equal (sp_cli_export_xlsx (missing, f->out, SP_EXAMPLE_YEAR, NULL, FALSE, FALSE, NULL), 1);
    assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_autofree char *damaged = g_build_filename (f->dir, "trasig.db", NULL);
    assert_true (g_file_set_contents (damaged, "inte en databas, bara text som är lång nog", -1, NULL));
    assert_int_equal (sp_cli_export_xlsx (damaged, f->out, SP_EXAMPLE_YEAR, NULL, FALSE, FALSE, NULL), 1);
  }
  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);
  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);
  names = sp_test_list_dir (f->out);
  assert_int_equal (names->len, 7);
}

/* ---- The files for check-export.py ------------------------------------------ */

static void
append_money_array (GString       *json,
                    const SpMoney *amounts,
                    guint          n)
{
  g_string_append_c (json, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (json, ", ");
      if (amounts[i] == SP_MONEY_NOT_SET)
        g_string_append (json, "null");
      else
        g_string_append_printf (json, "%" G_GINT64_FORMAT, amounts[i]);
    }
  g_string_append_c (json, ']');
}

/* @part of @sum per column, null where the core leaves it empty (no line
 * of that part has a figure there). */
static void
append_sum_array (GString           *json,
                  const SpBudgetSum *sum,
                  SpBudgetSumPart    part)
{
  SpMoney amounts[SP_BUDGET_N_COLUMNS];

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    amounts[c] = sp_budget_sum_get (sum, part, c);
  append_money_array (json, amounts, SP_BUDGET_N_COLUMNS);
}

static void
append_string (GString    *json,
               const char *text)
{
  g_string_append_c (json, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

/* How many of the year's active projects @member_id owns. */
static guint
count_owned_projects (SpDatabase *db,
                      GHashTable *year_figures,
                      gint64      member_id)
{
  g_autoptr(SpRecordList) projects = sp_project_list_new (db);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (projects)); i++)
    {
      g_autoptr(SpProject) project = g_list_model_get_item (G_LIST_MODEL (projects), i);
      gint64 id = sp_record_get_id (SP_RECORD (project));
      SpProjectYearFigures *fig = g_hash_table_lookup (year_figures, &id);

      if (fig != NULL && fig->active && sp_project_get_owner_id (project) == member_id)
        n++;
    }
  return n;
}

/* The core's figures, in öre, for the checks of the recomputed workbooks. */
static gboolean
write_expected (SpDatabase *db,
                int         year,
                GPtrArray  *written,
                const char *path,
                GError    **error)
{
  g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (db, year, error);
  g_autoptr(GPtrArray) contributions = sp_contributions_compute (db, year, error);
  g_autoptr(GString) json = g_string_new ("{\n");
  g_autoptr(SpPlanYear) plan = sp_plan_year_load (db, year, error);
  SpMoney granted[SP_PLAN_YEARS] = { 0 };
  SpMoney frames[SP_PLAN_YEARS];
  gint64 women = 0, men = 0;
  guint n_active = 0;
  g_autoptr(GHashTable) now = NULL;

  if (totals == NULL || contributions == NULL || plan == NULL)
    return FALSE;
  now = sp_project_get_year_figures (db, year, error);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autoptr(GHashTable) figures = sp_project_get_year_figures (db, year + (int) y, error);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, figures);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          SpProjectYearFigures *fig = value;
          SpProjectYearFigures *active = g_hash_table_lookup (now, &fig->project_id);
          if (active != NULL && active->active && fig->has_grant)
            granted[y] += fig->granted;
        }
      frames[y] = sp_plan_year_get_frame (plan, y);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, now);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        SpProjectYearFigures *fig = value;
        if (!fig->active)
          continue;
        n_active++;
        women += fig->women;
        men += fig->men;
      }
  }

  g_string_append_printf (json, "  \"year\": %d,\n", year);
  g_string_append_printf (json, "  \"adopted\": %s,\n", sp_plan_year_is_adopted (plan) ? "true" : "false");
  g_string_append (json, "  \"revenue\": ");
  append_sum_array (json, &totals->total, SP_BUDGET_SUM_REVENUE);
  g_string_append (json, ",\n  \"costs\": ");
  append_sum_array (json, &totals->total, SP_BUDGET_SUM_COSTS);
  g_string_append (json, ",\n  \"result\": ");
  append_sum_array (json, &totals->total, SP_BUDGET_SUM_RESULT);
  g_string_append (json, ",\n  \"frame\": ");
  append_money_array (json, frames, SP_PLAN_YEARS);
  g_string_append_printf (json, ",\n  \"equity_used\": %" G_GINT64_FORMAT, sp_plan_year_get_equity_used (plan));
  g_string_append (json, ",\n  \"areas\": [");
  for (guint i = 0; i < totals->areas->len; i++)
    {
      const SpBudgetSubtotal *s = &g_array_index (totals->areas, SpBudgetSubtotal, i);
      g_autoptr(SpArea) area = sp_area_load (db, s->id, NULL);

      g_string_append (json, i > 0 ? ",\n    {\"name\": " : "\n    {\"name\": ");
      append_string (json, sp_area_get_name (area));
      g_string_append (json, ", \"revenue\": ");
      append_sum_array (json, &s->sum, SP_BUDGET_SUM_REVENUE);
      g_string_append (json, ", \"costs\": ");
      append_sum_array (json, &s->sum, SP_BUDGET_SUM_COSTS);
      g_string_append (json, "}");
    }
  g_string_append (json, "],\n  \"granted\": ");
  append_money_array (json, granted, SP_PLAN_YEARS);
  g_string_append_printf (json, ",\n  \"active_projects\": %u, \"women\": %" G_GINT64_FORMAT ", \"men\": %" G_GINT64_FORMAT,
                          n_active, women, men);
  g_string_append (json, ",\n  \"contributions\": [");
  for (guint i = 0; i < contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (contributions, i);

      g_string_append (json, i > 0 ? ",\n    {\"name\": " : "\n    {\"name\": ");
      append_string (json, c->name);
      g_string_append (json, ", \"amount\": ");
      append_money_array (json, c->amount, SP_PLAN_YEARS);
      g_string_append_printf (json, ", \"projects\": %u", count_owned_projects (db, now, c->member_id));
      /* Its own co-funding of each project, money and in kind apart (null:
       * none), straight from the table. */
      {
        g_autofree char *sql =
          g_strdup_printf ("SELECT json_group_array (json_array (name, cash, kind)) FROM ("
                           " SELECT p.name AS name,"
                           "  sum (CASE WHEN c.in_kind = 0 THEN c.amount END) AS cash,"
                           "  sum (CASE WHEN c.in_kind = 1 THEN c.amount END) AS kind"
                           " FROM project_cofunding c JOIN project p ON p.id = c.project_id"
                           " WHERE c.member_id = %" G_GINT64_FORMAT " AND c.year = %d GROUP BY p.id)",
                           c->member_id, year);
        g_autofree char *own = sp_test_query_text (db, sql);

        g_string_append_printf (json, ", \"cofunding\": %s}", own);
      }
    }
  /* Each project's owner as shown (the förbund's name for its own) and its
   * latest decision (by date, then as recorded), straight from the tables. */
  {
    g_autofree char *owners =
      sp_test_query_text (db, "SELECT json_group_object (p.name, CASE WHEN p.owned_by_association"
                              " THEN (SELECT name FROM association) ELSE coalesce (m.name, '') END)"
                              " FROM project p LEFT JOIN member m ON m.id = p.owner_id");
    g_autofree char *latest =
      sp_test_query_text (db, "SELECT json_group_object (p.name, json_array (d.date, d.paragraph, d.text))"
                              " FROM project p JOIN project_decision d ON d.id = (SELECT id FROM project_decision"
                              " WHERE project_id = p.id ORDER BY date DESC, id DESC LIMIT 1)");

    g_string_append_printf (json, "],\n  \"owners\": %s,\n  \"latest_decisions\": %s", owners, latest);
  }
  g_string_append (json, ",\n  \"files\": [");
  for (guint i = 0; i < written->len; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (written, i));
      g_string_append (json, i > 0 ? ", " : "");
      append_string (json, base);
    }
  g_string_append (json, "]\n}\n");
  return g_file_set_contents (path, json->str, (gssize) json->len, error);
}

static int
write_for_check (const char *out)
{
  g_autofree char *tmp = sp_test_make_tmpdir ();
  g_autofree char *db_path = g_build_filename (tmp, "exempel.db", NULL);
  g_autofree char *expected = g_build_filename (out, "expected.json", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  SpExportOptions options;
  int status = 0;

  db = sp_example_create (db_path, &error);
  if (db == NULL)
    goto failed;

  /* Hostile text: a member name that looks like a formula and holds "/" and
   * ":", a line and a goal that start like formulas. */
  {
    g_autoptr(SpRecordList) lines = sp_budget_line_list_new (db, SP_EXAMPLE_YEAR);
    g_autoptr(SpRecordList) goals = sp_goal_list_new (db, SP_EXAMPLE_YEAR);
    g_autoptr(SpBudgetLine) line = g_list_model_get_item (G_LIST_MODEL (lines), 4);
    g_autoptr(SpGoal) goal = g_list_model_get_item (G_LIST_MODEL (goals), 0);
    g_autoptr(SpRecordList) members = sp_member_list_new (db);
    g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (members), 1);
    SpMemberData data;

    /* A kommun that joins in the first plan year: listed, and the plan years
     * split among that year's members (issue 18). */
    SpMemberData joining = { "Köpings kommun", SP_MEMBER_KIND_MUNICIPALITY, TRUE, 25000, SP_EXAMPLE_YEAR + 1, 0 };

    sp_member_get_data (member, &data);
    data.name = "=Fagersta/Norberg: kommun";
    if (sp_member_add (db, &joining, &error) <= 0 ||
        !sp_member_update (db, sp_record_get_id (SP_RECORD (member)), &data, &error) ||
        !sp_budget_line_set_text (db, sp_record_get_id (SP_RECORD (line)), "+Studiebesök -och @temadagar", &error) ||
        !sp_budget_line_set_comment (db, sp_record_get_id (SP_RECORD (line)), "=1+1", &error) ||
        !sp_goal_set_outcome (db, sp_record_get_id (SP_RECORD (goal)), "@SUM(A1:A2)", &error) ||
        !sp_goal_set_follow_up (db, sp_record_get_id (SP_RECORD (goal)), SP_GOAL_STATUS_PARTLY_ACHIEVED,
                                "-2 deltagare kvar", &error))
      goto failed;
  }

  /* The förbund's own project, and an extension after the grant: the
   * portfolio shows the förbund's name and the latest decision (issue 18). */
  {
    g_autoptr(SpProject) own = sp_project_load (db, 8, &error);
    SpProjectDecisionData extension = { "2009-11-20", "§ 40", "" };
    SpProjectData data;

    if (own == NULL)
      goto failed;
    sp_project_get_data (own, &data);
    data.owner_id = 0;
    data.owned_by_association = TRUE;
    if (!sp_project_update (db, 8, &data, &error) ||
        sp_project_extend (db, 1, &extension, &error) == 0)
      goto failed;
  }

  /* Invoiced quarterly: instalments that do not divide evenly. */
  {
    g_autoptr(SpInvoicing) invoicing = sp_invoicing_load (db, &error);

    if (invoicing == NULL)
      goto failed;
    invoicing->n_instalments = 4;
    for (guint i = 0; i < 4; i++)
      {
        g_free (invoicing->due_dates[i]);
        invoicing->due_dates[i] = g_strdup (sp_invoicing_default_due_date (4, i));
      }
    g_free (invoicing->payment);
    invoicing->payment = g_strdup ("Bankgiro 5050-1055");
    g_free (invoicing->contact);
    invoicing->contact = g_strdup ("Kansliet, 0223-123 45");
    if (!sp_invoicing_update (db, invoicing, &error))
      goto failed;
  }

  /* A group without areas carries two lines directly (as Kramfors's
   * "Uppföljning/utvärdering"): check-export.py finds them under the group,
   * without an area heading, with the group's subtotal. */
  {
    gint64 group = sp_area_group_add (db, SP_EXAMPLE_YEAR, "Uppföljning/utvärdering", &error);
    SpBudgetLineData data;

    if (group == 0)
      goto failed;
    sp_budget_line_data_init (&data);
    data.group_id = group;
    data.account = 7010;
    data.text = "Extern utvärdering";
    data.amounts[SP_BUDGET_COLUMN_BUDGET] = 8000000;
    data.amounts[SP_BUDGET_COLUMN_PLAN1] = 4000000;
    if (sp_budget_line_add (db, SP_EXAMPLE_YEAR, &data, &error) == 0)
      goto failed;
    data.account = 5810;
    data.text = "Uppföljningsdag";
    data.amounts[SP_BUDGET_COLUMN_BUDGET] = 1500000;
    if (sp_budget_line_add (db, SP_EXAMPLE_YEAR, &data, &error) == 0)
      goto failed;
  }

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  options.created = 1230768000; /* 2009-01-01 00:00 UTC */
  if (!sp_export_write (db, out, &options, written, &error) ||
      !write_expected (db, SP_EXAMPLE_YEAR, written, expected, &error))
    goto failed;
  /* The same in tkr, in a folder of its own. */
  {
    g_autofree char *tkr = g_build_filename (out, "tkr", NULL);
    g_autoptr(GPtrArray) written_tkr = g_ptr_array_new_with_free_func (g_free);
    g_mkdir (tkr, 0755);
    options.unit = SP_MONEY_UNIT_TKR;
    if (!sp_export_write (db, tkr, &options, written_tkr, &error))
      goto failed;
  }
  /* The next year, before any actuals of this year are imported: its
   * "Utfall" column has no figures, in a folder of its own. */
  {
    g_autofree char *next = g_build_filename (out, "next", NULL);
    const char *none[] = { NULL };

    g_mkdir (next, 0755);
    if (!sp_plan_year_create_next (db, SP_EXAMPLE_YEAR, &error))
      goto failed;
    sp_export_options_init (&options, SP_EXAMPLE_YEAR + 1);
    options.created = 1230768000;
    options.member_names = none;
    if (!sp_export_write (db, next, &options, NULL, &error))
      goto failed;
  }
  for (guint i = 0; i < written->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (written, i));
  goto out;

failed:
  g_printerr ("test-export: %s\n", error != NULL ? error->message : "failed");
  status = 1;
out:
  g_clear_object (&db);
  sp_test_remove_tree (tmp);
  return status;
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_file_name),
    cmocka_unit_test_setup_teardown (test_file_names_long_association, setup, teardown),
    cmocka_unit_test_setup_teardown (test_export_all, setup, teardown),
    cmocka_unit_test_setup_teardown (test_deterministic, setup, teardown),
    cmocka_unit_test_setup_teardown (test_chosen_members, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unsafe_member_name, setup, teardown),
    cmocka_unit_test_setup_teardown (test_adopted_and_odd_names, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unknown_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unknown_member, setup, teardown),
    cmocka_unit_test_setup_teardown (test_member_not_in_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unwritable_folder, setup, teardown),
    cmocka_unit_test_setup_teardown (test_disk_full, setup, teardown),
    cmocka_unit_test_setup_teardown (test_read_only_target, setup, teardown),
    cmocka_unit_test_setup_teardown (test_year_without_budget, setup, teardown),
    cmocka_unit_test_setup_teardown (test_contributions_fail, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli, setup, teardown),
  };

  /* The workbooks are in Swedish, as the members read them. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc == 3 && g_strcmp0 (argv[1], "--write-to") == 0)
    return write_for_check (argv[2]);

  return cmocka_run_group_tests_name ("export", tests, NULL, NULL);
}
