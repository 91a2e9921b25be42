/* test-report-parts.c: the parts of the plan document the user chooses, its
 * closing line and the förbund's logo, read back with poppler
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
#include <string.h>

#include "sp-document-outline.h"
#include "sp-example.h"
#include "sp-report.h"
#include "sp-test-util.h"

typedef struct {
  char       *dir;
  char       *db_path;
  SpDatabase *db;
} Fixture;

static int
setup (void **state)
{
  Fixture *f = g_new0 (Fixture, 1);

  f->dir = sp_test_make_tmpdir ();
  f->db = sp_test_example_new (f->dir, "exempel.db", &f->db_path);
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
  g_free (f->db_path);
  g_free (f);
  return 0;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed", argv[0]);
  return g_steal_pointer (&out);
}

/* Every run of white space as one space. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
write_pdf (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  SpReportOptions options;

  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  report = sp_report_new (f->db, &options, &error);
  g_assert_no_error (error);
  assert_true (sp_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* The pages' text, each squeezed to one line. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; pages[i] != NULL; i++)
    {
      char *page = squeeze (pages[i]);

      if (page[0] == '\0')
        g_free (page);
      else
        g_ptr_array_add (out, page);
    }
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

static guint
find_part (SpDocumentOutline *outline,
           const char        *chapter)
{
  for (guint i = 0; i < sp_document_outline_get_n_parts (outline); i++)
    if (g_strcmp0 (sp_document_outline_get_chapter (outline, i), chapter) == 0)
      return i;
  g_error ("no chapter %s", chapter);
}

/* Contributions left out, Projects moved first, a closing line: the
 * contents and the pages follow. */
static void
test_parts_chosen (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpDocumentOutline) outline = sp_document_outline_load (f->db, SP_EXAMPLE_YEAR, NULL);
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *first_section = NULL;
  const char *contents, *entry, *section_entry;
  guint n;

  sp_document_outline_set_included (outline, find_part (outline, "contributions"), FALSE);
  for (guint i = find_part (outline, "projects"); i > 0; i--)
    assert_true (sp_document_outline_move (outline, i, -1));
  first_section = g_strdup (sp_document_outline_get_title (outline, 1));
  sp_document_outline_set_closing (outline, "Kramfors", "november 2007",
                                   "Åke Johansson, verkställande tjänsteman");
  assert_true (sp_document_outline_save (f->db, outline, NULL));

  path = write_pdf (f);
  pages = pdf_pages (path);
  n = g_strv_length (pages);
  assert_true (n >= 4);

  /* Left out: neither in the contents nor on any page. */
  for (guint i = 0; i < n; i++)
    assert_null (strstr (pages[i], "Medlemsavgifter"));

  /* Moved: the first entry of the contents and the first chapter's page. */
  contents = strstr (pages[1], "Innehåll");
  assert_non_null (contents);
  entry = strstr (contents, "Projekt");
  section_entry = strstr (contents, first_section);
  assert_non_null (entry);
  assert_non_null (section_entry);
  assert_true (entry < section_entry);
  assert_true (g_str_has_prefix (strstr (pages[2], "Projekt"), "Projekt"));
  assert_true (strstr (pages[2], "Projekt") < strstr (pages[2], first_section)
               || strstr (pages[2], first_section) == NULL);

  /* The closing line, after everything else, on the last page. */
  assert_non_null (strstr (pages[n - 1], "Kramfors november 2007 · Åke Johansson, verkställande tjänsteman"));
  for (guint i = 0; i + 1 < n; i++)
    assert_null (strstr (pages[i], "Kramfors november 2007"));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_parts_chosen, setup, teardown),
  };

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
  return cmocka_run_group_tests_name ("report-parts", tests, NULL, NULL);
}
