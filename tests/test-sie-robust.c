/* test-sie-robust.c: SIE files as real accounting programs write them, and damaged ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is one way a treasurer could lose data or be misled (issue 16):
 * an import for a year the file has nothing for, records the import does not
 * use, the chart of accounts' meaning, NUL bytes, sums beyond the database's
 * limit, messages, a dry run on an older file, and the decided cases. The
 * hostile files of tests/sie-hostile.py are imported in test-sie-hostile.c.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-budget.h"
#include "sp-cli.h"
#include "sp-database-private.h"
#include "sp-error.h"
#include "sp-sie.h"
#include "sp-sie-import.h"
#include "sp-test-util.h"

/* ---- Helpers ------------------------------------------------------------- */

static SpSieFile *
parse_text (const char *text)
{
  return sp_sie_parse ((const guint8 *) text, strlen (text));
}

static const SpSieProblem *
find_problem_on (const SpSieFile *file,
                 guint            line)
{
  for (guint i = 0; i < file->problems->len; i++)
    if (g_array_index (file->problems, SpSieProblem, i).line == line)
      return &g_array_index (file->problems, SpSieProblem, i);
  return NULL;
}

/* The problem on @line says @in_message and is of @severity. */
static void
assert_problem_on (const SpSieFile *file,
                   guint            line,
                   SpSieSeverity    severity,
                   const char      *in_message)
{
  const SpSieProblem *problem = find_problem_on (file, line);

  if (problem == NULL)
    {
      fail_msg ("no problem on line %u", line);
      return;
    }
  assert_int_equal (problem->severity, severity);
  if (in_message != NULL && strstr (problem->message, in_message) == NULL)
    fail_msg ("“%s” not in “%s”", in_message, problem->message);
}

static guint
count_errors (const SpSieFile *file)
{
  return file->n_errors;
}

/* The command line prints its summary; TAP wants stdout to itself. Both
 * streams go to @path, for the test to read. */
static int
capture_begin (const char *path,
               int        *saved_err)
{
  int saved;
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  fflush (stdout);
  fflush (stderr);
  saved = dup (STDOUT_FILENO);
  *saved_err = dup (STDERR_FILENO);
  dup2 (fd, STDOUT_FILENO);
  dup2 (fd, STDERR_FILENO);
  close (fd);
  return saved;
}

static char *
capture_end (const char *path,
             int         saved,
             int         saved_err)
{
  char *text = NULL;

  fflush (stdout);
  fflush (stderr);
  dup2 (saved, STDOUT_FILENO);
  dup2 (saved_err, STDERR_FILENO);
  close (saved);
  close (saved_err);
  g_file_get_contents (path, &text, NULL, NULL);
  return text;
}

/* ---- A förbund and its books --------------------------------------------- */

static const char plan_sql[] =
  "UPDATE association SET name = 'Samordningsförbundet Test', org_number = '222000-1479';"
  "INSERT INTO plan_year (year) VALUES (2024), (2025);"
  "INSERT INTO area_group (id, year, position, name) VALUES (1, 2025, 1, 'Administration');"
  "INSERT INTO area (id, group_id, position, name) VALUES (11, 1, 1, 'Kansli');"
  "INSERT INTO budget_line (id, year, area_id, account, position, text, budget, previous_actual) VALUES"
  "  (1, 2025, 11, 3510, 1, 'Staten', 100000000, 77700),"
  "  (2, 2025, 11, 4600, 2, 'Kansliet', 50000000, 12300);";

#define BOOKS_HEAD \
  "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Samordningsf\x94rbundet Test\"\n#ORGNR 222000-1479\n"
/* BOOKS_HEAD has 5 lines. */

typedef struct {
  char       *dir;
  char       *db_path;
  char       *out_path;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "sie.db", NULL);
  f->out_path = g_build_filename (f->dir, "out.txt", NULL);
  f->db = sp_database_open (f->db_path, SP_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_database_exec (f->db, plan_sql, &error));
  g_assert_no_error (error);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sp_test_remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->out_path);
  g_free (f->dir);
  g_free (f);
  return 0;
}

static char *
write_sie (Fixture    *f,
           const char *name,
           const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Runs the command line on @sie_path; its output in *@out. */
static int
run_cli (Fixture    *f,
         const char *sie_path,
         const char *db_path,
         int         year,
         gboolean    dry_run,
         gboolean    allow_unbalanced,
         char      **out)
{
  int saved_err;
  int saved = capture_begin (f->out_path, &saved_err);
  int status = sp_cli_import_sie (sie_path, db_path, year, dry_run, allow_unbalanced);
  g_autofree char *text = capture_end (f->out_path, saved, saved_err);

  if (out != NULL)
    *out = g_steal_pointer (&text);
  return status;
}

/* ---- 1. A year the file has nothing for ---------------------------------- */

/* Only 2025's books; 2024 is named in #RAR -1 but has no #RES and no voucher. */
static const char books_2025_only[] =
  BOOKS_HEAD
  "#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n"
  "#KONTO 1930 \"Bank\"\n#KONTO 3510 \"Bidrag\"\n#KONTO 4600 \"Tj\x84nster\"\n"
  "#IB -1 1930 5000.00\n#UB -1 1930 6000.00\n"
  "#VER A 1 20250115 \"Bidrag\"\n{\n#TRANS 1930 {} 1000.00\n#TRANS 3510 {} -1000.00\n}\n";

static void
test_year_without_data (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text (books_2025_only);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSieImport) import = NULL;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *sie_path = write_sie (f, "bok.se", books_2025_only);
  g_autofree char *out = NULL;

  assert_false (sp_sie_file_has_errors (file));
  import = sp_sie_import_new (f->db, file, "bok.se", 2024, &error);
  assert_null (import);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  assert_non_null (strstr (error->message, "2024"));

  /* The command line says so, changes nothing and fails. */
  assert_int_not_equal (run_cli (f, sie_path, f->db_path, 2024, FALSE, FALSE, &out), 0);
  assert_non_null (strstr (out, "2024"));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  assert_int_equal (sp_test_query_int (f->db, "SELECT previous_actual FROM budget_line WHERE id = 1"), 77700);
}

/* ---- 2. Records the import does not use ---------------------------------- */

static void
test_unused_records_warn (void **state)
{
  g_autoptr(SpSieFile) file = parse_text (
    BOOKS_HEAD
    "#RAR 0 20240101 20241231\n"                    /* 6 */
    "#KONTO 3010 \"F\x94rs\x84ljning\"\n"           /* 7 */
    "#PBUDGET 0 202401 3010 -1000.00\n"             /* 8: BL Administration, without {} */
    "#IB 0 1119 \"\"\n"                             /* 9: an empty amount */
    "#UB 0 1119 abc\n"                              /* 10 */
    "#PSALDO 0 2024 3010 {} 1.00\n"                 /* 11: a period without its month */
    "#DIM x \"Kostnadsst\x84lle\"\n"                /* 12 */
    "#RES 0 3010 -1000.00\n");                      /* 13 */

  assert_int_equal (count_errors (file), 0);
  assert_false (sp_sie_file_has_errors (file));
  /* BL's #PBUDGET without the object list is read as it means. */
  assert_int_equal (file->period_budgets->len, 1);
  assert_int_equal (g_array_index (file->period_budgets, SpSieBalance, 0).amount, -100000);
  assert_int_equal (g_array_index (file->period_budgets, SpSieBalance, 0).line, 8);
  assert_problem_on (file, 9, SP_SIE_WARNING, "#IB");
  assert_problem_on (file, 10, SP_SIE_WARNING, "#UB");
  assert_problem_on (file, 11, SP_SIE_WARNING, "#PSALDO");
  assert_problem_on (file, 12, SP_SIE_WARNING, "#DIM");
  assert_int_equal (file->results->len, 1);
}

/* A record the import uses still refuses the file. */
static void
test_used_records_refuse (void **state)
{
  g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n#RES 0 3010 abc\n");

  assert_true (sp_sie_file_has_errors (file));
  assert_problem_on (file, 7, SP_SIE_ERROR, "#RES");
}

/* ---- 3. The chart of accounts' meaning ----------------------------------- */

static SpSieFile *
parse_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (FIXTURES_DIR, "sie", name, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return sp_sie_parse ((const guint8 *) contents, length);
}

static gboolean
summary_has (const SpSieImportSummary *summary,
             const char               *number)
{
  for (guint i = 0; i < summary->accounts->len; i++)
    if (g_str_equal (((SpSieImportAccount *) summary->accounts->pdata[i])->sie_account, number))
      return TRUE;
  return FALSE;
}

/* BAS: closed books carry #RES 8999 "Årets resultat"; 83 is financial
 * income, 84 interest costs. */
static void
test_chart_bas (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_fixture ("bas-closed-year.se");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSieImport) import = NULL;
  const SpSieImportSummary *s;

  assert_false (sp_sie_file_has_errors (file));
  import = sp_sie_import_new (f->db, file, "bas.se", 2024, &error);
  g_assert_no_error (error);
  s = sp_sie_import_get_summary (import);
  assert_int_equal (s->revenue, 44520000);
  assert_int_equal (s->costs, 25087400);
  assert_int_equal (s->revenue - s->costs, 19432600);
  /* The books' own result, shown but not imported, is the summary's. */
  assert_true (s->has_year_result);
  assert_int_equal (s->year_result, s->revenue - s->costs);
  assert_false (summary_has (s, "8999"));
  assert_true (summary_has (s, "8310"));
  assert_int_equal (s->n_accounts, 5);

  /* The year's result is no cost to map. */
  assert_false (sp_sie_import_map_account (import, "8999", 4600, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
}

/* Kommun-Bas, as samordningsförbund often keep it: 84 is financial income,
 * 85 financial costs, 89 the year's result. */
static void
test_chart_kommun_bas (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_fixture ("kommun-bas-closed-year.se");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSieImport) import = NULL;
  const SpSieImportSummary *s;

  assert_false (sp_sie_file_has_errors (file));
  import = sp_sie_import_new (f->db, file, "kommun.se", 2024, &error);
  g_assert_no_error (error);
  s = sp_sie_import_get_summary (import);
  assert_int_equal (s->revenue, 200300000);
  assert_int_equal (s->costs, 170100000);
  assert_false (summary_has (s, "8990"));
  assert_int_equal (s->year_result, s->revenue - s->costs);
  assert_true (summary_has (s, "8410"));
  assert_true (summary_has (s, "8510"));
}

/* ---- 4. NUL bytes -------------------------------------------------------- */

static GString *
padded_books (guint n_accounts)
{
  GString *text = g_string_new (BOOKS_HEAD "#RAR 0 20240101 20241231\n");

  for (guint i = 0; i < n_accounts; i++)
    g_string_append_printf (text, "#KONTO %u \"Konto nummer %u med ett l\x84ngt namn\"\n", 4000 + i, i);
  return text;
}

static void
test_nul_byte (void **state)
{
  /* After the first 4 KB, inside an amount. */
  {
    g_autoptr(GString) text = padded_books (200);
    guint line = 6 + 200 + 3;
    g_autoptr(SpSieFile) file = NULL;

    assert_true (text->len > 4096);
    g_string_append (text, "#VER A 1 20240105 \"x\"\n{\n#TRANS 1930 {} 25");
    g_string_append_c (text, '\0');
    g_string_append (text, "000.50\n#TRANS 3010 {} -25000.50\n}\n");
    file = sp_sie_parse ((const guint8 *) text->str, text->len);
    assert_true (sp_sie_file_has_errors (file));
    assert_problem_on (file, line, SP_SIE_ERROR, "NUL");
  }
  /* In a #RES, which has no voucher to not balance. */
  {
    static const char res[] = BOOKS_HEAD "#RAR 0 20240101 20241231\n#RES 0 4010 500\00099.00\n";
    g_autoptr(SpSieFile) file = sp_sie_parse ((const guint8 *) res, sizeof res - 1);

    assert_true (sp_sie_file_has_errors (file));
    assert_problem_on (file, 7, SP_SIE_ERROR, "NUL");
  }
  /* In the first 4 KB: damage, not "not SIE". */
  {
    static const char early[] = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"A\000B\"\n";
    g_autoptr(SpSieFile) file = sp_sie_parse ((const guint8 *) early, sizeof early - 1);

    assert_problem_on (file, 3, SP_SIE_ERROR, "NUL");
  }
}

/* ---- 5. Sums beyond the database's limit --------------------------------- */

static void
test_total_beyond_limit (void **state)
{
  Fixture *f = *state;
  g_autoptr(GString) text = g_string_new (BOOKS_HEAD "#RAR 0 20240101 20241231\n#KONTO 1930 \"Bank\"\n"
                                          "#KONTO 3510 \"Bidrag\"\n");
  g_autoptr(SpSieFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *sie_path = NULL;
  g_autofree char *out = NULL;

  /* Each row is allowed; their sum on 3510 is not. */
  for (guint i = 1; i <= 3; i++)
    g_string_append_printf (text, "#VER A %u 2024010%u \"x\"\n{\n#TRANS 1930 {} 9000000000.00\n"
                            "#TRANS 3510 {} -9000000000.00\n}\n", i, i);
  file = parse_text (text->str);
  assert_false (sp_sie_file_has_errors (file));
  assert_null (sp_sie_import_new (f->db, file, "stor.se", 2024, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID);
  assert_non_null (strstr (error->message, "3510"));
  assert_non_null (strstr (error->message, "10"));

  /* Already in the dry run. */
  sie_path = write_sie (f, "stor.se", text->str);
  assert_int_not_equal (run_cli (f, sie_path, f->db_path, 2024, TRUE, FALSE, &out), 0);
  assert_null (strstr (out, "CHECK"));
  assert_non_null (strstr (out, "3510"));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
}

/* ---- 6. True messages ---------------------------------------------------- */

static void
test_messages (void **state)
{
  /* An amount that is only too large. */
  {
    g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n"
                                            "#RES 0 3010 99999999999999.00\n#RES 0 3011 12x\n");
    const SpSieProblem *large = find_problem_on (file, 7);
    const SpSieProblem *bad = find_problem_on (file, 8);
    g_autofree char *limit = sp_money_format (SP_MONEY_MAX, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);

    g_assert_nonnull (large);
    assert_null (strstr (large->message, "is not an amount"));
    assert_non_null (strstr (large->message, limit));
    g_assert_nonnull (bad);
    assert_non_null (strstr (bad->message, "is not an amount"));
  }
  /* A date that does not exist. */
  {
    g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0 20090101 20091231\n"
                                            "#VER A 1 20090230 \"x\"\n{\n}\n");
    const SpSieProblem *problem = find_problem_on (file, 7);

    if (problem == NULL)
      g_error ("no problem on line 7");
    assert_null (strstr (problem->message, "YYYYMMDD"));
    assert_non_null (strstr (problem->message, "20090230"));
  }
}

/* Line ends of CR alone (old Macs) count lines as the others. */
static void
test_cr_line_ends (void **state)
{
  {
    const char *ends[] = { "\n", "\r\n", "\r" };

    for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
      {
        g_autofree char *text = g_strjoin (ends[e], "#FLAGGA 0", "#SIETYP 4", "#FNAMN \"Test\"",
                                           "#RAR 0 20240101 20241231", "#KONTO 1930 Bank",
                                           "#VER A 1 20240105 \"x\"", "{", "#TRANS 1930 {} 10.00",
                                           "#TRANS 3010 {} -10.00", "}", "#VER A 2 20240106 \"y\"",
                                           "{", "#TRANS 1930 {} 10.00", "}", "", NULL);
        g_autoptr(SpSieFile) file = parse_text (text);

        assert_int_equal (file->n_lines, 14);
        assert_problem_on (file, 9, SP_SIE_WARNING, "3010");
        assert_problem_on (file, 11, SP_SIE_WARNING, "A 2");
      }
  }
  /* A character lost before the file was written, counted on its line. */
  {
    g_autoptr(SpSieFile) file = parse_text ("#FLAGGA 0\r#SIETYP 4\r#FNAMN \"Samordningsf\xef\xbf\xbdrbundet\"\r"
                                            "#RAR 0 20240101 20241231\r");

    assert_problem_on (file, 3, SP_SIE_WARNING, "1 character");
  }
}

/* A file over the size limit says so, and the limit. */
static void
test_too_large (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->dir, "stor.se", NULL);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(SpSieFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  /* A sparse file: no memory, no disk, and never read. */
  assert_true (fd >= 0);
  assert_int_equal (write (fd, "#FLAGGA 0\n", 10), 10);
  assert_int_equal (ftruncate (fd, (off_t) SP_SIE_MAX_BYTES + 1), 0);
  close (fd);
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  file = sp_sie_parse ((const guint8 *) g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  assert_true (sp_sie_file_has_errors (file));
  assert_problem_on (file, 0, SP_SIE_ERROR, "256 MB");
  assert_null (strstr (g_array_index (file->problems, SpSieProblem, 0).message, "not an SIE file"));
}

/* The first import of a file whose accounts are all outside the budget. */
static void
test_nothing_in_budget (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0 20250101 20251231\n#KONTO 3999 \"Annat\"\n"
                                          "#RES 0 3999 -100.00\n#RES 0 6999 100.00\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpSieImport) import = sp_sie_import_new (f->db, file, "annan.se", 2025, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  assert_int_equal (sp_sie_import_get_summary (import)->unmapped->len, 2);
  text = sp_sie_import_describe (import);
  assert_null (strstr (text, "imported already"));
  assert_non_null (strstr (text, "not in the budget"));
}

/* The command line cannot map accounts: a file none of whose accounts is in
 * the budget imports nothing, and does not empty next year's lines. */
static void
test_cli_nothing_in_budget (void **state)
{
  Fixture *f = *state;
  g_autofree char *sie_path = write_sie (f, "annan.se", BOOKS_HEAD "#RAR 0 20240101 20241231\n"
                                         "#RES 0 3999 -100.00\n#RES 0 6999 100.00\n");
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;

  assert_int_not_equal (run_cli (f, sie_path, f->db_path, 2024, FALSE, FALSE, &out), 0);
  assert_non_null (strstr (out, "not in the budget"));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
}

/* ---- 7. A dry run never writes ------------------------------------------- */

static void
test_dry_run_old_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *dir = g_build_filename (f->dir, "gammal", NULL);
  g_autofree char *db_path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v2.sql");
  g_autofree char *sie_path = write_sie (f, "bok.se",
                                         "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Kramfors\"\n#RAR 0 20240101 20241231\n"
                                         "#RES 0 3510 -100.00\n#RES 0 4600 50.00\n");
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *out = NULL;

  g_mkdir (dir, 0700);
  assert_true (sp_test_run_sql_file (db_path, sql));
  sum_before = sp_test_file_checksum (db_path);
  files_before = sp_test_list_dir_text (dir);

  assert_int_equal (run_cli (f, sie_path, db_path, 2024, TRUE, FALSE, &out), 0);
  assert_non_null (strstr (out, "3510"));
  assert_non_null (strstr (out, "Dry run: nothing was written."));

  sum_after = sp_test_file_checksum (db_path);
  files_after = sp_test_list_dir_text (dir);
  assert_string_equal (sum_before, sum_after);
  assert_string_equal (files_before, files_after);
}

/* Nor beside a file of this version: no journal, no shared memory file. */
static void
test_dry_run_current_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *dir = g_build_filename (f->dir, "nu", NULL);
  g_autofree char *db_path = g_build_filename (dir, "nu.db", NULL);
  g_autofree char *sie_path = write_sie (f, "bok.se", BOOKS_HEAD "#RAR 0 20240101 20241231\n#RES 0 3510 -100.00\n");
  g_autofree char *sum_before = NULL;
  g_autofree char *sum_after = NULL;
  g_autofree char *files_before = NULL;
  g_autofree char *files_after = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir (dir, 0700);
  {
    g_autoptr(SpDatabase) db = sp_database_open (db_path, SP_DATABASE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    assert_true (sp_database_exec (db, plan_sql, &error));
  }
  sum_before = sp_test_file_checksum (db_path);
  files_before = sp_test_list_dir_text (dir);

  assert_int_equal (run_cli (f, sie_path, db_path, 2024, TRUE, FALSE, &out), 0);
  assert_non_null (strstr (out, "3510"));

  sum_after = sp_test_file_checksum (db_path);
  files_after = sp_test_list_dir_text (dir);
  assert_string_equal (sum_before, sum_after);
  assert_string_equal (files_before, files_after);
}

/* Every dry run ends with its line, also one that is refused. */
static void
test_dry_run_always_says_so (void **state)
{
  Fixture *f = *state;
  g_autofree char *other = write_sie (f, "annan.se", BOOKS_HEAD "#RAR 0 20240101 20241231\n#RES 0 3510 -1.00\n");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  assert_true (sp_database_exec (f->db, "UPDATE association SET org_number = '212000-0142'", &error));
  assert_int_not_equal (run_cli (f, other, f->db_path, 2024, TRUE, FALSE, &out), 0);
  assert_true (g_str_has_suffix (out, "Dry run: nothing was written.\n"));
  g_clear_pointer (&out, g_free);
  assert_int_not_equal (run_cli (f, other, f->db_path, 2030, TRUE, FALSE, &out), 0);
  assert_true (g_str_has_suffix (out, "Dry run: nothing was written.\n"));
}

/* ---- 8. Decided cases ---------------------------------------------------- */

/* An #RTRANS without its repeated #TRANS is a row of the voucher: counted. */
static void
test_rtrans_alone (void **state)
{
  g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n#KONTO 3010 F\n"
                                          "#VER A 1 20240105 \"x\"\n{\n#TRANS 1930 {} 10.00\n"
                                          "#RTRANS 3010 {} -10.00\n}\n");
  g_autoptr(GArray) sums = sp_sie_file_get_voucher_totals (file, 0);
  const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, 0);

  assert_false (sp_sie_file_has_errors (file));
  assert_int_equal (voucher->sum, 0);
  assert_int_equal (voucher->trans->len, 2);
  assert_int_equal (sp_sie_file_count_problems (file, SP_SIE_PROBLEM_UNBALANCED), 0);
  assert_problem_on (file, 12, SP_SIE_WARNING, "counted");
}

/* Two #RES for one account: the same amount is one result, two amounts refuse the file. */
static void
test_duplicate_res (void **state)
{
  g_autoptr(SpSieFile) same = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n"
                                          "#RES 0 3010 -5.00\n#RES 0 3010 -5.00\n");
  g_autoptr(SpSieFile) differ = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n"
                                            "#RES 0 3010 -5.00\n#RES 0 3010 -7.00\n");
  g_autoptr(GArray) totals = sp_sie_file_get_totals (same, 0);

  assert_false (sp_sie_file_has_errors (same));
  assert_int_equal (totals->len, 1);
  assert_int_equal (g_array_index (totals, SpSieTotal, 0).amount, -500);
  assert_problem_on (same, 8, SP_SIE_WARNING, "7");
  assert_true (sp_sie_file_has_errors (differ));
  assert_problem_on (differ, 8, SP_SIE_ERROR, "7");
}

/* A second #RAR 0: the same year again is harmless, another year refuses the file. */
static void
test_second_rar (void **state)
{
  g_autoptr(SpSieFile) same = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n#RAR 0 20240101 20241231\n");
  g_autoptr(SpSieFile) differ = parse_text (BOOKS_HEAD "#RAR 0 20240101 20241231\n#RAR 0 20230101 20231231\n");

  assert_false (sp_sie_file_has_errors (same));
  assert_int_equal (same->years->len, 1);
  assert_true (sp_sie_file_has_errors (differ));
  assert_problem_on (differ, 7, SP_SIE_ERROR, "6");
}

/* An empty #RAR 0 says no more than a missing one: a warning, the year from the vouchers. */
static void
test_empty_rar (void **state)
{
  g_autoptr(SpSieFile) file = parse_text (BOOKS_HEAD "#RAR 0\n#KONTO 1930 Bank\n#KONTO 3010 F\n"
                                          "#VER A 1 20230105 \"x\"\n{\n#TRANS 1930 {} 10.00\n"
                                          "#TRANS 3010 {} -10.00\n}\n");

  assert_false (sp_sie_file_has_errors (file));
  assert_problem_on (file, 6, SP_SIE_WARNING, "#RAR");
  assert_non_null (sp_sie_file_find_year (file, 2023));
}

/* A #KSUMMA computed over the bytes in code page 437, before the file was
 * converted to UTF-8: the content is the same, the user is told. */
static void
test_checksum_before_utf8 (void **state)
{
  const char *body_cp437 = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Samordningsf\x94rbundet\"\n#RAR 0 20240101 20241231\n"
                           "#KONTO 3010 \"F\x94rs\x84ljning\"\n";
  const char *body_utf8 = "#FLAGGA 0\n#SIETYP 4\n#FNAMN \"Samordningsförbundet\"\n#RAR 0 20240101 20241231\n"
                          "#KONTO 3010 \"Försäljning\"\n";
  /* The fields' contents, as the standard computes the checksum. */
  const char *fields = "#FLAGGA0#SIETYP4#FNAMNSamordningsf\x94rbundet#RAR02024010120241231#KONTO3010F\x94rs\x84ljning";
  guint32 crc = sp_sie_crc32 (0, (const guint8 *) fields, strlen (fields));
  g_autofree char *cp437 = g_strdup_printf ("#KSUMMA\n%s#KSUMMA %u\n", body_cp437, crc);
  g_autofree char *utf8 = g_strdup_printf ("#KSUMMA\n%s#KSUMMA %u\n", body_utf8, crc);
  g_autoptr(SpSieFile) original = parse_text (cp437);
  g_autoptr(SpSieFile) converted = parse_text (utf8);

  assert_int_equal (original->checksum, SP_SIE_CHECKSUM_VERIFIED);
  assert_int_equal (converted->encoding, SP_SIE_ENCODING_UTF8);
  assert_false (sp_sie_file_has_errors (converted));
  assert_int_equal (converted->checksum, SP_SIE_CHECKSUM_VERIFIED);
  assert_problem_on (converted, 7, SP_SIE_WARNING, "UTF-8");
}

/* The command line imports unbalanced vouchers only when asked to, and counts them. */
static void
test_cli_unbalanced (void **state)
{
  Fixture *f = *state;
  g_autofree char *sie_path = write_sie (f, "obalans.se",
                                         BOOKS_HEAD "#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n#KONTO 3510 Bidrag\n"
                                         "#VER A 1 20240105 \"x\"\n{\n#TRANS 1930 {} 10.00\n#TRANS 3510 {} -12.00\n}\n");
  g_autofree char *before = sp_test_dump_database (f->db);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;

  assert_int_not_equal (run_cli (f, sie_path, f->db_path, 2024, FALSE, FALSE, &out), 0);
  assert_non_null (strstr (out, "--allow-unbalanced"));
  after = sp_test_dump_database (f->db);
  assert_string_equal (before, after);
  g_clear_pointer (&out, g_free);

  /* The dry run refuses as the import would, and counts them. */
  assert_int_not_equal (run_cli (f, sie_path, f->db_path, 2024, TRUE, FALSE, &out), 0);
  assert_non_null (strstr (out, "Vouchers that do not balance: 1"));
  g_clear_pointer (&out, g_free);
  assert_int_equal (run_cli (f, sie_path, f->db_path, 2024, TRUE, TRUE, &out), 0);
  g_clear_pointer (&out, g_free);

  assert_int_equal (run_cli (f, sie_path, f->db_path, 2024, FALSE, TRUE, &out), 0);
  assert_int_equal (sp_test_query_int (f->db, "SELECT amount FROM actual WHERE year = 2024 AND account = 3510"), 1200);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_year_without_data, setup, teardown),
    cmocka_unit_test (test_unused_records_warn),
    cmocka_unit_test (test_used_records_refuse),
    cmocka_unit_test_setup_teardown (test_chart_bas, setup, teardown),
    cmocka_unit_test_setup_teardown (test_chart_kommun_bas, setup, teardown),
    cmocka_unit_test (test_nul_byte),
    cmocka_unit_test_setup_teardown (test_total_beyond_limit, setup, teardown),
    cmocka_unit_test (test_messages),
    cmocka_unit_test (test_cr_line_ends),
    cmocka_unit_test_setup_teardown (test_too_large, setup, teardown),
    cmocka_unit_test_setup_teardown (test_nothing_in_budget, setup, teardown),
    cmocka_unit_test_setup_teardown (test_cli_nothing_in_budget, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dry_run_old_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dry_run_current_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_dry_run_always_says_so, setup, teardown),
    cmocka_unit_test (test_rtrans_alone),
    cmocka_unit_test (test_duplicate_res),
    cmocka_unit_test (test_second_rar),
    cmocka_unit_test (test_empty_rar),
    cmocka_unit_test (test_checksum_before_utf8),
    cmocka_unit_test_setup_teardown (test_cli_unbalanced, setup, teardown),
  };

  return cmocka_run_group_tests_name ("sie-robust", tests, NULL, NULL);
}
