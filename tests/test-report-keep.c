/* test-report-keep.c: no page of the documents ends with a heading. The
 * plan, the delårsrapport and the verksamhetsberättelse are written again
 * and again with a text before their chapters one paragraph longer each
 * time, so that every heading comes to stand near the foot of a page; each
 * page is read back with pdftotext, and its last line must not be a
 * chapter's title, a heading or a table's subtitle ("belopp i kr").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "sp-example.h"
#include "sp-report.h"
#include "sp-test-util.h"

/* How many lengths of the text are tried: more than a page's worth. */
#define N_LENGTHS 44

typedef struct {
  char       *dir;
  char       *db_path;
  SpDatabase *db;
  sqlite3    *sql;
} Fixture;

/* Actuals for January–October on every line, so that both follow-up
 * documents have a period. */
static const char actuals_sql[] =
  "WITH RECURSIVE months (m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM months WHERE m < 10)"
  " INSERT INTO actual_month (year, month, account, area_id, amount)"
  " SELECT 2009, m, account, area_id, budget / 12 + id * 1234 FROM budget_line, months WHERE year = 2009;"
  "INSERT INTO area_follow_up (area_id, comment) VALUES (2, 'Kansliet hade en vakans under våren.');";

/* Headings inside the chapters, as the documents write them in Swedish. */
static const char *const subheadings[] = {
  "Medlemmar", "Styrelse", "Inriktningsmål", "Mätbara mål", "Deltagare", "Beviljat och utbetalt",
  "Kommentarer per verksamhetsområde",
};

/* The beginnings of a table's subtitle, the small print under a heading. */
static const char *const subtitles[] = {
  "belopp i kr", "Budget och utfall januari", "Utbetalt januari",
};

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  f->dir = sp_test_make_tmpdir ();
  f->db_path = g_build_filename (f->dir, "exempel.db", NULL);
  f->db = sp_example_create (f->db_path, &error);
  assert_non_null (f->db);
  g_clear_object (&f->db);
  assert_int_equal (sqlite3_open (f->db_path, &f->sql), SQLITE_OK);
  if (sqlite3_exec (f->sql, actuals_sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("the fixture's SQL: %s", message);
  f->db = sp_database_open (f->db_path, SP_DATABASE_OPEN_EXISTING, &error);
  assert_non_null (f->db);
  *state = f;
  return 0;
}

static int
teardown (void **state)
{
  Fixture *f = *state;

  g_clear_object (&f->db);
  sqlite3_close (f->sql);
  sp_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f);
  return 0;
}

/* The document's pages as text, one string each (pdftotext ends each page with a form feed). */
static char **
write_pages (Fixture      *f,
             SpReportKind  kind)
{
  g_autofree char *path = g_build_filename (f->dir, "dokument.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autofree char *out = NULL;
  SpReportOptions options;

  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  options.kind = kind;
  report = sp_report_new (f->db, &options, &error);
  assert_null (error);
  assert_true (sp_report_write_pdf (report, path, &error));
  out = sp_test_pdf_text (path);
  return g_strsplit (out, "\f", -1);
}

/* The chapters' titles, from the contents page: "Titel   3". */
static GPtrArray *
chapter_titles (char **pages)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) entry = g_regex_new ("^\\s*(\\S.*\\S)\\s{2,}\\d+\\s*$", 0, 0, NULL);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = NULL;

      if (strstr (pages[p], "Innehåll") == NULL)
        continue;
      lines = g_strsplit (pages[p], "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (g_regex_match (entry, lines[i], 0, &match))
            {
              g_autofree char *title = g_match_info_fetch (match, 1);
              g_ptr_array_add (titles, sp_test_squeeze_spaces (title));
            }
        }
      break;
    }
  assert_true (titles->len >= 3);
  return titles;
}

static gboolean
is_heading (GPtrArray  *titles,
            const char *text)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_str_equal (g_ptr_array_index (titles, i), text))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (subheadings); i++)
    if (g_str_equal (subheadings[i], text))
      return TRUE;
  return FALSE;
}

/* Whether some page but the first ends (above its footer) with a heading,
 * or a heading's subtitle; says which. */
static gboolean
check_pages (char       **pages,
             GPtrArray   *titles,
             const char  *what,
             guint        length)
{
  gboolean ok = TRUE;

  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      g_autoptr(GPtrArray) body = g_ptr_array_new_with_free_func (g_free);

      /* Its lines but the header (the first) and the footer ("Sida 3 av 8"). */
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = sp_test_squeeze_spaces (lines[i]);

          if (line[0] == '\0' || g_str_has_prefix (line, "Sida "))
            g_free (line);
          else
            g_ptr_array_add (body, line);
        }
      if (body->len < 2)
        continue;
      for (guint k = 1; k <= 3 && k < body->len; k++)
        {
          g_autoptr(GString) last = g_string_new (NULL);

          for (guint i = body->len - k; i < body->len; i++)
            g_string_append_printf (last, "%s%s", last->len > 0 ? " " : "", (char *) g_ptr_array_index (body, i));
          if (is_heading (titles, last->str))
            {
              g_printerr ("# %s, a text of %u paragraphs: page %u ends with the heading “%s”\n", what, length, p + 1,
                          last->str);
              ok = FALSE;
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (subtitles); i++)
        if (g_str_has_prefix (g_ptr_array_index (body, body->len - 1), subtitles[i]) ||
            (body->len >= 2 && g_str_has_prefix (g_ptr_array_index (body, body->len - 2), subtitles[i]) &&
             strlen (g_ptr_array_index (body, body->len - 1)) < 20))
          {
            g_printerr ("# %s, a text of %u paragraphs: page %u ends with the subtitle “%s”\n", what, length, p + 1,
                        (char *) g_ptr_array_index (body, body->len - 1));
            ok = FALSE;
          }
    }
  return ok;
}

static void
exec_sql (Fixture    *f,
          const char *sql,
          const char *text)
{
  sqlite3_stmt *stmt = NULL;

  assert_int_equal (sqlite3_prepare_v2 (f->sql, sql, -1, &stmt, NULL), SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  assert_int_equal (sqlite3_step (stmt), SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* @n paragraphs of one short line each, separated by @separator. */
static char *
paragraphs (guint       n,
            const char *separator)
{
  g_autoptr(GString) text = g_string_new ("");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%sStycke nummer %u.", i > 0 ? separator : "", i + 1);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_document (Fixture      *f,
                SpReportKind  kind,
                const char   *what,
                const char   *sql,
                const char   *separator)
{
  guint failures = 0;

  for (guint n = 0; n < N_LENGTHS; n++)
    {
      g_autofree char *text = paragraphs (n, separator);
      g_auto(GStrv) pages = NULL;
      g_autoptr(GPtrArray) titles = NULL;

      exec_sql (f, sql, text);
      pages = write_pages (f, kind);
      titles = chapter_titles (pages);
      if (!check_pages (pages, titles, what, n))
        failures++;
    }
  assert_int_equal (failures, 0);
}

/* The plan: the first section's text grows before every chapter. */
static void
test_plan (void **state)
{
  check_document (*state, SP_REPORT_KIND_PLAN, "the plan",
                  "UPDATE section SET body = ?1 WHERE id = (SELECT min (id) FROM section WHERE year = 2009)", "\n\n");
}

/* The delårsrapport and the verksamhetsberättelse: the year's comment, in their first chapter. */
static void
test_interim (void **state)
{
  check_document (*state, SP_REPORT_KIND_INTERIM, "the delårsrapport",
                  "UPDATE plan_year SET follow_up_comment = ?1 WHERE year = 2009", "\n");
}

static void
test_annual (void **state)
{
  check_document (*state, SP_REPORT_KIND_ANNUAL, "the verksamhetsberättelse",
                  "UPDATE plan_year SET follow_up_comment = ?1 WHERE year = 2009", "\n");
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_plan, setup, teardown),
    cmocka_unit_test_setup_teardown (test_interim, setup, teardown),
    cmocka_unit_test_setup_teardown (test_annual, setup, teardown),
  };

  /* The documents are in Swedish, as the board reads them. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1228000000", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return cmocka_run_group_tests_name ("report-keep", tests, NULL, NULL);
}
