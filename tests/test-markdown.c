/* test-markdown.c: plain text escaped to CommonMark, and the migration of
 * stored section bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The property under test: plain text escaped and then read by libcmark is
 * paragraphs of text and hard line breaks only, whose words are exactly the
 * plain text's (runs of blank lines are one paragraph break).
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <cmark.h>
#include <sqlite3.h>

#include "sp-database.h"
#include "sp-markdown.h"
#include "sp-section.h"
#include "sp-test-util.h"

/* What the plain text showed: its paragraphs (split at blank lines, which
 * are lines of blanks only), each with its lines. */
static char *
plain_paragraphs (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean blank_before = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strspn (lines[i], " \t") == strlen (lines[i]))
        {
          blank_before = out->len > 0;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank_before ? "\n\n" : "\n");
      g_string_append (out, lines[i]);
      blank_before = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* What CommonMark shows: the same form, or NULL if anything but paragraphs,
 * text and hard line breaks came out. */
static char *
rendered_paragraphs (const char *markdown)
{
  cmark_node *document = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  GString *out = g_string_new (NULL);
  gboolean ok = TRUE;

  for (cmark_node *block = cmark_node_first_child (document); block != NULL; block = cmark_node_next (block))
    {
      if (cmark_node_get_type (block) != CMARK_NODE_PARAGRAPH)
        {
          g_printerr ("# a block of type %s\n", cmark_node_get_type_string (block));
          ok = FALSE;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, "\n\n");
      for (cmark_node *node = cmark_node_first_child (block); node != NULL; node = cmark_node_next (node))
        {
          if (cmark_node_get_type (node) == CMARK_NODE_TEXT)
            g_string_append (out, cmark_node_get_literal (node));
          else if (cmark_node_get_type (node) == CMARK_NODE_LINEBREAK)
            g_string_append_c (out, '\n');
          else
            {
              g_printerr ("# an inline of type %s\n", cmark_node_get_type_string (node));
              ok = FALSE;
            }
        }
    }
  cmark_node_free (document);
  if (!ok)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
assert_reads_as_before (const char *plain,
                        const char *markdown)
{
  g_autofree char *expected = plain_paragraphs (plain);
  g_autofree char *got = rendered_paragraphs (markdown);

  if (got == NULL || strcmp (expected, got) != 0)
    g_printerr ("# plain:    «%s»\n# markdown: «%s»\n# rendered: «%s»\n", plain, markdown,
                got != NULL ? got : "(not text only)");
  assert_non_null (got);
  assert_string_equal (got, expected);
}

static void
assert_escape_round_trip (const char *plain)
{
  g_autofree char *markdown = sp_markdown_escape (plain);

  assert_reads_as_before (plain, markdown);
}

static void
test_escape_cases (void **state)
{
  static const char *cases[] = {
    "", "Vanlig text.", "1. januari", "2) andra", "10. oktober", "1234567890) lång",
    "- ", "-", "- punkt", "+ plus", "* stjärna", "# rubrik", "## två", "#ingen",
    "> citat", ">", "rad ett\n> rad två", "=", "===", "---", "***", "___", "- - -", "~~~", "```",
    "Text\n===", "Text\n---", "*kursiv* **fet** _under_ __dubbel__", "a*b*c a_b_c",
    "C:\\mapp\\", "\\*", "slut \\", "\\", "<b>html</b>", "<http://exempel.se>", "a < b > c",
    "&amp; &copy; &#65; AT&T", "[länk](http://x)", "![bild](y)", "[ref]: /url", "`kod`",
    "    fyra blanksteg", "\tflik", " ett blanksteg", "efter  ", "efter\t", " båda ",
    "rad ett\nrad två\nrad tre", "stycke ett\n\nstycke två", "a\n\n\n\nb", "\n\nmitt\n\n",
    "a\n  \nb", "<!-- kommentar -->", "<div>", "| a | b |", "~~struken~~",
    "Pris: 100 kr * 2 = 200 kr", "1.", "1.5 miljoner", "2009.", "§ 45.",
    "a\n    kod?\nb", "* * *", "_ _ _", "+", "+++", "#", "#5", "### ", "\\\\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_escape_round_trip (cases[i]);
  /* Escaping keeps what needs no escape as it was. */
  {
    g_autofree char *same = sp_markdown_escape ("Förbundet samlar medlemmarna.\n\nEtt stycke till.");

    assert_string_equal (same, "Förbundet samlar medlemmarna.\n\nEtt stycke till.");
  }
}

/* Random lines from the characters that mean something to CommonMark. */
static void
test_escape_random (void **state)
{
  static const char *pieces[] = {
    " ", "  ", "\t", "\n", "\n\n", "*", "**", "_", "`", "```", "~", "#", "# ", ">", "- ", "-", "+ ",
    "1. ", "2)", "=", "\\", "<", ">", "&", "&amp;", "&#32;", "[", "]", "(", ")", "!", "|", "a", "ord",
    "å", "12", ".", ":", "<a>", "http://x.se", "    ",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20081212);

  for (int round = 0; round < 3000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      int n = g_rand_int_range (rand, 1, 30);

      for (int i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      assert_escape_round_trip (text->str);
    }
}

static void
test_to_plain (void **state)
{
  g_autofree char *plain = sp_markdown_to_plain ("# Rubrik\n\nEtt *kursivt* ord\noch **fett**.\n\n"
                                                 "- ett\n- två\n\n1. första\n2. andra\n");

  assert_string_equal (plain, "Rubrik\n\nEtt kursivt ord och fett.\n\n• ett\n\n• två\n\n1. första\n\n2. andra");
}

typedef struct {
  gint64  id;
  char   *body;
} OldBody;

/* A file of the previous schema: every body reads as its plain text did,
 * the adopted year's too, and the adopted year stays locked. */
static void
test_migrate_sections (void **state)
{
  g_autofree char *dir = sp_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "förbund.db", NULL);
  g_autofree char *sql = sp_test_fixture_path ("v4-sections.sql");
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (OldBody));
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;

  assert_true (sp_test_run_sql_file (path, sql));
  assert_int_equal (sqlite3_open (path, &raw), SQLITE_OK);
  assert_int_equal (sqlite3_prepare_v2 (raw, "SELECT id, body FROM section ORDER BY id", -1, &stmt, NULL),
                    SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      OldBody body = { sqlite3_column_int64 (stmt, 0), g_strdup ((const char *) sqlite3_column_text (stmt, 1)) };

      g_array_append_val (old, body);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  assert_int_equal (old->len, 4);

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  assert_null (error);
  assert_int_equal (sp_database_get_schema_version (db), sp_database_get_current_version ());

  for (guint i = 0; i < old->len; i++)
    {
      OldBody *body = &g_array_index (old, OldBody, i);
      g_autoptr(SpSection) section = sp_section_load (db, body->id, &error);

      assert_non_null (section);
      assert_reads_as_before (body->body, sp_section_get_body (section));
      g_free (body->body);
    }
  /* Some of them did need escaping. */
  {
    g_autoptr(SpSection) first = sp_section_load (db, 1, NULL);

    assert_non_null (strstr (sp_section_get_body (first), "1\\. januari"));
  }
  /* The adopted year is still locked. */
  assert_false (sp_section_set_body (db, 1, "Ändrad", &error));
  assert_non_null (error);
  g_clear_error (&error);
  assert_int_equal (sp_test_query_int (db, "SELECT count(*) FROM section WHERE body = 'Ändrad'"), 0);

  g_clear_object (&db);
  sp_test_remove_tree (dir);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_escape_cases),
    cmocka_unit_test (test_escape_random),
    cmocka_unit_test (test_to_plain),
    cmocka_unit_test (test_migrate_sections),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
