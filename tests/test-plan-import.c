/* test-plan-import.c: a plan written elsewhere, read in as sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two real plans beside the project (../shared/reference, skipped when
 * absent) and small texts: where the sections start, that lists, emphasis
 * and every paragraph come through as CommonMark, that Windows-1252 reads
 * as UTF-8 does, and that the import is one edit, refused on an adopted year.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sp-error.h"
#include "sp-example.h"
#include "sp-history.h"
#include "sp-markdown.h"
#include "sp-plan-import.h"
#include "sp-plan-year.h"
#include "sp-section.h"
#include "sp-test-util.h"

static char *
reference_path (const char *name)
{
  return g_build_filename (REFERENCE_DIR, name, NULL);
}

/* The words of a text, markup and line breaks aside, as one line. */
static char *
words_of (const char *markdown)
{
  g_autofree char *plain = sp_markdown_to_plain (markdown);
  g_auto(GStrv) words = g_strsplit_set (plain, " \t\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strcmp (words[i], "•") != 0)
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
  return g_string_free (out, FALSE);
}

/* Every word of the file is in the title, a section's title or its body,
 * in order. */
static void
assert_all_words_kept (SpPlanImport *import,
                       const char   *text)
{
  g_autofree char *expected = words_of (text);
  GString *got = g_string_new (sp_plan_import_get_title (import));
  g_autofree char *got_words = NULL;
  g_autofree char *expected_joined = NULL;

  for (guint i = 0; i < sp_plan_import_get_n_sections (import); i++)
    {
      g_autofree char *body = words_of (sp_plan_import_get_section_body (import, i));

      g_string_append_printf (got, " %s %s", sp_plan_import_get_section_title (import, i), body);
    }
  /* A heading broken over lines ("Samverkans-" "aktiviteter") is joined in
   * its title: compare without blanks. */
  got_words = g_string_free (got, FALSE);
  g_strdelimit (got_words, " ", '\x01');
  expected_joined = g_strdup (expected);
  g_strdelimit (expected_joined, " ", '\x01');
  {
    GString *a = g_string_new (NULL), *b = g_string_new (NULL);

    for (const char *p = got_words; *p != '\0'; p++)
      if (*p != '\x01' && *p != ':')
        g_string_append_c (a, *p);
    for (const char *p = expected_joined; *p != '\0'; p++)
      if (*p != '\x01' && *p != ':')
        g_string_append_c (b, *p);
    assert_string_equal (a->str, b->str);
    g_string_free (a, TRUE);
    g_string_free (b, TRUE);
  }
}

static gboolean
read_reference (const char  *name,
                char       **text,
                gsize       *length)
{
  g_autofree char *path = reference_path (name);

  if (!g_file_get_contents (path, text, length, NULL))
    {
      /* A clean clone without ../shared: the test has nothing to read, as
       * test-sie without the sample files (the note goes to stderr, since
       * meson takes cmocka's SKIP for a failure). */
      g_printerr ("# %s is not here: not tested\n", path);
      return FALSE;
    }
  return TRUE;
}

/* Kramfors 2008: no headings, short lines in italic between paragraphs. */
static void
test_kramfors (void **state)
{
  g_autofree char *text = NULL;
  g_autoptr(SpPlanImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  static const char *titles[] = {
    "Inledning", "Nytt", "Verksamhets uppbyggnad", "Administrationen Styrelse",
    "Verkställande tjänsteman", "Administration/Ekonomi", "Revision",
    "Projekt och insatser för målgruppen/Kuggen", "Skolkuggen", "Övriga projekt",
    "Konferenser/Utbildning/Samverkans-aktiviteter", "Uppföljning/Utvärdering/Mätbara mål",
    "Målgrupper", "2009 - 2010",
  };

  if (!read_reference ("000_dbd24d819bdfafdf.txt", &text, &length))
    return;
  import = sp_plan_import_new_from_data (text, length, "plan.txt", &error);
  assert_null (error);
  assert_true (sp_plan_import_get_is_markdown (import));
  assert_string_equal (sp_plan_import_get_title (import),
                       "VERKSAMHETSPLAN OCH BUDGET FÖR SAMORDNINGSFÖRBUNDET I KRAMFORS 2008");
  for (guint i = 0; i < sp_plan_import_get_n_sections (import) && i < G_N_ELEMENTS (titles); i++)
    assert_string_equal (sp_plan_import_get_section_title (import, i), titles[i]);
  assert_int_equal (sp_plan_import_get_n_sections (import), G_N_ELEMENTS (titles));
  /* Emphasis and a nested list item, as CommonMark. */
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 0), "**tid**"));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 0), "*Samverkan i Ådalen*"));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 2), "- **Administration**\n  - Styrelse"));
  /* "Inga förändringar" stays the text of Revision; the closing lines stay
   * at the end of the last section. */
  assert_string_equal (sp_plan_import_get_section_body (import, 6), "Inga förändringar");
  assert_true (g_str_has_suffix (sp_plan_import_get_section_body (import, 13), "Verkställande tjänsteman"));
  assert_all_words_kept (import, text);
}

/* Norra Västmanland 2009: numbered chapters, as headings of two levels
 * and as lines in bold. */
static void
test_norra_vastmanland (void **state)
{
  g_autofree char *text = NULL;
  g_autoptr(SpPlanImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  static const char *titles[] = {
    "1. Verksamhetens inriktning och omfattning", "2. Arbetsorganisation", "3. Verksamhetsinriktning",
    "4. Inriktningsmål", "5. Målgrupper", "6. Verksamhet 2009", "7. Beslutade verksamheter",
    "8. Uppföljning och utvärdering",
  };

  if (!read_reference ("004_186de48797eaccc8.txt", &text, &length))
    return;
  import = sp_plan_import_new_from_data (text, length, "plan.txt", &error);
  assert_null (error);
  assert_string_equal (sp_plan_import_get_title (import),
                       "VERKSAMHETSPLAN ÅR 2009 FÖR NORRA VÄSTMANLANDS SAMORDNINGSFÖRBUND");
  for (guint i = 0; i < sp_plan_import_get_n_sections (import) && i < G_N_ELEMENTS (titles); i++)
    assert_string_equal (sp_plan_import_get_section_title (import, i), titles[i]);
  assert_int_equal (sp_plan_import_get_n_sections (import), G_N_ELEMENTS (titles));
  /* A list item, a numbered item, a heading inside a chapter, a hard break. */
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 6), "- Friskare Norberg"));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 2), "3. Uppdrag som medför extra kostnader."));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 1), "#### **Presidiet:**"));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 0), "Landstinget Västmanland  \n"));
  assert_non_null (strstr (sp_plan_import_get_section_body (import, 4), "- **unga vuxna 16 till 29 år**"));
  assert_all_words_kept (import, text);
}

/* The same plan saved by Word as Windows-1252 text with CRLF reads the same. */
static void
test_windows_1252 (void **state)
{
  g_autofree char *text = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *crlf = NULL;
  g_autoptr(SpPlanImport) utf8 = NULL;
  g_autoptr(SpPlanImport) cp1252 = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, latin_length;

  if (!read_reference ("000_dbd24d819bdfafdf.txt", &text, &length))
    return;
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    crlf = g_strjoinv ("\r\n", lines);
  }
  latin = g_convert (crlf, -1, "WINDOWS-1252", "UTF-8", NULL, &latin_length, &error);
  assert_null (error);
  assert_false (g_utf8_validate (latin, latin_length, NULL));
  utf8 = sp_plan_import_new_from_data (text, length, "plan.txt", &error);
  cp1252 = sp_plan_import_new_from_data (latin, latin_length, "plan.txt", &error);
  assert_null (error);
  assert_string_equal (sp_plan_import_get_encoding (cp1252), "Windows-1252");
  assert_string_equal (sp_plan_import_get_encoding (utf8), "UTF-8");
  assert_string_equal (sp_plan_import_get_title (cp1252), sp_plan_import_get_title (utf8));
  assert_int_equal (sp_plan_import_get_n_sections (cp1252), sp_plan_import_get_n_sections (utf8));
  for (guint i = 0; i < sp_plan_import_get_n_sections (utf8); i++)
    {
      assert_string_equal (sp_plan_import_get_section_title (cp1252, i), sp_plan_import_get_section_title (utf8, i));
      assert_string_equal (sp_plan_import_get_section_body (cp1252, i), sp_plan_import_get_section_body (utf8, i));
    }
}

/* Plain text without markup: escaped, so that "1. januari" stays text. */
static void
test_plain_text (void **state)
{
  static const char text[] =
    "Verksamhetsplan 2010\n\nInledning\n\nPlanen gäller från\n1. januari 2010.\n\n"
    "Budget\n\n- ingen lista, 5 * 3 kr.\n\nOrt och datum\n";
  g_autoptr(SpPlanImport) import = NULL;
  g_autoptr(GError) error = NULL;

  import = sp_plan_import_new_from_data (text, strlen (text), "plan.txt", &error);
  assert_null (error);
  assert_false (sp_plan_import_get_is_markdown (import));
  assert_string_equal (sp_plan_import_get_title (import), "Verksamhetsplan 2010");
  assert_int_equal (sp_plan_import_get_n_sections (import), 2);
  assert_string_equal (sp_plan_import_get_section_title (import, 0), "Inledning");
  assert_string_equal (sp_plan_import_get_section_body (import, 0), "Planen gäller från\\\n1\\. januari 2010.");
  assert_string_equal (sp_plan_import_get_section_title (import, 1), "Budget");
  assert_string_equal (sp_plan_import_get_section_body (import, 1),
                       "\\- ingen lista, 5 \\* 3 kr.\n\nOrt och datum");
  {
    g_autofree char *excerpt = sp_plan_import_get_excerpt (import, 0, 3);

    assert_string_equal (excerpt, "Planen gäller från…");
  }
}

static void
test_bad_files (void **state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPlanImport) import = NULL;

  import = sp_plan_import_new_from_data ("PK\x03\x04\0\0binary", 12, "plan.docx", &error);
  assert_null (import);
  assert_non_null (strstr (error->message, "plan.docx"));
  g_clear_error (&error);
  import = sp_plan_import_new_from_data ("Bara en titel\n", 14, "plan.txt", &error);
  assert_null (import);
  assert_non_null (error);
  g_clear_error (&error);
  /* 0x81 is no character in Windows-1252. */
  import = sp_plan_import_new_from_data ("Titel\n\nRad \x81\n", 13, "plan.txt", &error);
  assert_null (import);
  assert_non_null (strstr (error->message, "line 3"));
}

/* Random texts of headings, emphasis, lists, blank lines and bytes that are
 * not UTF-8: either a clear refusal or sections with a title each. */
static void
test_random (void **state)
{
  static const char *pieces[] = {
    "\n", "\n\n", "\r\n", "# ", "## ", "### ", "Rubrik", "1. ", "2. ", "**", "*", "_", "- ", " - ",
    "text ", "ord.", "===", "---", "> ", "\xe5", "\xc4", "\x96", "å", "\t", "    ", "<b>", "&", "\\",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2009);

  for (int round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(SpPlanImport) import = NULL;
      g_autoptr(GError) error = NULL;
      int n = g_rand_int_range (rand, 1, 60);

      for (int i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      import = sp_plan_import_new_from_data (text->str, text->len, round % 2 ? "plan.md" : "plan.txt", &error);
      if (import == NULL)
        {
          assert_non_null (error);
          continue;
        }
      assert_true (sp_plan_import_get_n_sections (import) > 0);
      for (guint i = 0; i < sp_plan_import_get_n_sections (import); i++)
        {
          const char *title = sp_plan_import_get_section_title (import, i);

          assert_true (*title != '\0' && g_utf8_strlen (title, -1) <= 200);
          assert_true (g_utf8_validate (sp_plan_import_get_section_body (import, i), -1, NULL));
        }
    }
}

/* Applying: one edit, undone at once; an adopted year refused. */
static void
test_apply (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "förbund.db", NULL);
  static const char text[] = "# Plan\n\n## Ett\n\nText *ett*.\n\n## Två\n\n- a\n- b\n";
  g_autoptr(SpDatabase) db = sp_example_create (path, NULL);
  g_autoptr(SpPlanImport) import = sp_plan_import_new_from_data (text, strlen (text), "plan.md", NULL);
  g_autoptr(GError) error = NULL;
  gint64 before;

  assert_non_null (db);
  assert_non_null (import);
  before = sp_test_query_int (db, "SELECT count(*) FROM section WHERE year = 2009");
  assert_true (sp_plan_import_apply (import, db, SP_EXAMPLE_YEAR, &error));
  assert_null (error);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE year = 2009"), before + 2);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE title = 'Två' AND body = '- a\n- b'"
                                           " AND position > (SELECT position FROM section WHERE title = 'Ett')"), 1);
  assert_true (sp_history_undo (sp_database_get_history (db), &error));
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE year = 2009"), before);

  /* A year that does not exist, and an adopted one: refused, nothing written. */
  assert_false (sp_plan_import_apply (import, db, 1995, &error));
  g_clear_error (&error);
  assert_true (sp_plan_year_adopt (db, SP_EXAMPLE_YEAR, "2008-12-12", "§ 45", &error));
  assert_false (sp_plan_import_apply (import, db, SP_EXAMPLE_YEAR, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_LOCKED));
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE year = 2009"), before);
  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_kramfors),
    cmocka_unit_test (test_norra_vastmanland),
    cmocka_unit_test (test_windows_1252),
    cmocka_unit_test (test_plain_text),
    cmocka_unit_test (test_bad_files),
    cmocka_unit_test (test_random),
    cmocka_unit_test (test_apply),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
