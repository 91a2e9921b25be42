/* test-report.c: the plan document, written as a PDF and read back with
 * poppler (pdftotext, pdfinfo, pdftohtml), and its pages' ink inside the margins
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
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "sp-association.h"
#include "sp-budget.h"
#include "sp-budget-line.h"
#include "sp-contribution.h"
#include "sp-example.h"
#include "sp-member.h"
#include "sp-plan-year.h"
#include "sp-portfolio.h"
#include "sp-report.h"
#include "sp-section.h"
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

/* ---- Helpers ----------------------------------------------------------- */

/* Runs a poppler tool and returns its standard output. */
static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
write_pdf (Fixture     *f,
           const char  *name,
           SpMoneyUnit  unit,
           SpReport   **out_report)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  SpReportOptions options;

  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  options.unit = unit;
  report = sp_report_new (f->db, &options, &error);
  assert_null (error);
  assert_true (sp_report_write_pdf (report, path, &error));
  assert_null (error);
  if (out_report != NULL)
    *out_report = g_steal_pointer (&report);
  return g_steal_pointer (&path);
}

/* The pages' text, as pdftotext -layout gives it. */
static GStrv
pdf_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* pdftotext ends the last page with a form feed too. */
  if (n > 0 && pages[n - 1][strspn (pages[n - 1], " \t\n\f\r")] == '\0')
    {
      g_free (pages[n - 1]);
      pages[n - 1] = NULL;
    }
  return pages;
}

/* A page's text without its header (the first line) and footer (the last). */
static char *
page_body (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  g_autoptr(GString) body = g_string_new (NULL);
  int first = -1, last = -1;

  for (int i = 0; lines[i] != NULL; i++)
    if (lines[i][strspn (lines[i], " \t\f\r")] != '\0')
      {
        if (first < 0)
          first = i;
        last = i;
      }
  for (int i = first + 1; i < last; i++)
    g_string_append_printf (body, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&body), FALSE);
}

/* The text of the chapters' pages (after the title page and the contents). */
static char *
chapters_text (GStrv pages)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 2; pages[i] != NULL; i++)
    {
      g_autofree char *body = page_body (pages[i]);
      g_string_append (text, body);
    }
  return sp_test_squeeze_spaces (text->str);
}

/* The line of @text (after @from) that holds @label. */
static char *
line_with (const char *text,
           const char *from,
           const char *label)
{
  const char *start = from != NULL ? strstr (text, from) : text;
  const char *hit;
  const char *end;
  g_autofree char *line = NULL;

  assert_non_null (start);
  hit = strstr (start, label);
  if (hit == NULL)
    g_error ("no line with “%s” after “%s”", label, from);
  while (hit > text && hit[-1] != '\n')
    hit--;
  end = strchr (hit, '\n');
  line = end != NULL ? g_strndup (hit, end - hit) : g_strdup (hit);
  return sp_test_squeeze_spaces (line);
}

/* The value of a field of pdfinfo's output ("Title:    …"). */
static char *
info_field (const char *info,
            const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  gsize n = strlen (field);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, n) == 0 && lines[i][n] == ':')
      return g_strstrip (g_strdup (lines[i] + n + 1));
  g_error ("pdfinfo has no %s", field);
}

static char *
money (SpMoney amount)
{
  g_autofree char *text = sp_money_format (amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  return sp_test_squeeze_spaces (text);
}

/* No page ends with a chapter's title (the contents, page 2, names them). */
static void
assert_no_title_last (GStrv pages)
{
  g_auto(GStrv) toc = g_strsplit (pages[1], "\n", -1);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; toc[i] != NULL; i++)
    {
      g_autofree char *line = sp_test_squeeze_spaces (toc[i]);
      char *space = strrchr (line, ' ');

      if (space != NULL && g_ascii_isdigit (space[1]) && !g_str_has_prefix (line, "Sida"))
        g_ptr_array_add (titles, g_strndup (line, space - line));
    }
  assert_true (titles->len >= 7);
  for (guint p = 2; pages[p] != NULL; p++)
    {
      g_autofree char *body = page_body (pages[p]);
      g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
      g_autofree char *last = NULL;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autofree char *line = sp_test_squeeze_spaces (lines[i]);
          if (line[0] != '\0')
            {
              g_free (last);
              last = g_steal_pointer (&line);
            }
        }
      for (guint t = 0; last != NULL && t < titles->len; t++)
        if (g_str_equal (last, g_ptr_array_index (titles, t)))
          g_error ("page %u ends with the title “%s”", p + 1, last);
    }
}

/* ---- Tests --------------------------------------------------------------- */

/* Every section's title and paragraph, in order, after the contents. */
static void
test_sections_in_order (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_pdf (f, "plan.pdf", SP_MONEY_UNIT_KR, NULL);
  g_auto(GStrv) pages = pdf_pages (path);
  g_autofree char *text = NULL;
  g_autoptr(SpRecordList) sections = sp_section_list_new (f->db, SP_EXAMPLE_YEAR);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sections));
  const char *at;

  assert_true (g_strv_length (pages) >= 4);
  assert_non_null (strstr (pages[1], "Innehåll"));
  assert_null (strstr (pages[2], "Innehåll"));
  text = chapters_text (pages);
  at = text;
  assert_true (n >= 4);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpSection) section = g_list_model_get_item (G_LIST_MODEL (sections), i);
      g_auto(GStrv) paragraphs = g_strsplit (sp_section_get_body (section), "\n\n", -1);
      g_autofree char *title = sp_test_squeeze_spaces (sp_section_get_title (section));

      /* In the contents, with its page. */
      assert_non_null (strstr (pages[1], sp_section_get_title (section)));
      at = strstr (at, title);
      if (at == NULL)
        g_error ("section “%s” missing or out of order", title);
      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          g_autofree char *paragraph = sp_test_squeeze_spaces (paragraphs[p]);

          at = strstr (at, paragraph);
          if (at == NULL)
            g_error ("paragraph “%s” missing or out of order", paragraph);
        }
    }
  assert_no_title_last (pages);
  /* The generated chapters follow the sections. */
  assert_non_null (strstr (at, "Organisation"));
  assert_non_null (strstr (at, "Medlemsavgifter"));
}

/* The budget's totals, each member's contribution and the granted funds
 * are the database's. */
static void
test_figures (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_pdf (f, "plan.pdf", SP_MONEY_UNIT_KR, NULL);
  g_auto(GStrv) pages = pdf_pages (path);
  g_autofree char *all = g_strjoinv ("\n", pages);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (f->db, SP_EXAMPLE_YEAR, &error);
  g_autoptr(GPtrArray) contributions = sp_contributions_compute (f->db, SP_EXAMPLE_YEAR, &error);
  SpMoney granted = 0;

  assert_non_null (totals);
  assert_non_null (contributions);
  {
    g_autofree char *line = line_with (all, "Budgetpost", "Summa intäkter");
    g_autofree char *expected = money (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET]);
    g_autofree char *plan2 = money (totals->total.revenue[SP_BUDGET_COLUMN_PLAN2]);
    assert_non_null (strstr (line, expected));
    assert_non_null (strstr (line, plan2));
  }
  /* The contributions head the revenue, one line per payer on its account,
   * derived from the frame: none of them is typed. (The text column wraps
   * "3520 Landstinget Västmanland"; the amounts are on the row's
   * first line, with the account.) */
  {
    static const struct { const char *label; SpMemberKind kind; } payers[] = {
      { "3510", SP_MEMBER_KIND_STATE },
      { "3520", SP_MEMBER_KIND_REGION },
      { "3530", SP_MEMBER_KIND_MUNICIPALITY },
    };
    const char *budget = strstr (all, "Budgetpost");
    const char *revenue = budget != NULL ? strstr (budget, "Intäkter") : NULL;
    const char *costs = revenue != NULL ? strstr (revenue, "Kostnader") : NULL;

    if (costs == NULL)
      g_error ("no revenue and costs in the budget chapter");
    for (guint p = 0; p < G_N_ELEMENTS (payers); p++)
      {
        g_autofree char *line = line_with (all, "Budgetpost", payers[p].label);
        const char *at = strstr (revenue, payers[p].label);
        SpMoney sum = 0;
        g_autofree char *expected = NULL;

        for (guint i = 0; i < contributions->len; i++)
          {
            SpContribution *c = g_ptr_array_index (contributions, i);
            if (c->kind == payers[p].kind && c->amount[0] != SP_MONEY_NOT_SET)
              sum += c->amount[0];
          }
        expected = money (sum);
        assert_non_null (strstr (line, expected));
        assert_true (at != NULL && at < costs);
      }
    {
      /* Their subtotal, under their heading ("Medlemsavgifter enligt
       * budgetramen", wrapped in the text column as its width allows). */
      g_autofree char *line = line_with (all, "Budgetpost", "Summa medlemsavgifter");
      g_autofree char *expected = money (totals->frame[SP_BUDGET_COLUMN_BUDGET]);
      assert_non_null (strstr (line, expected));
    }
  }
  {
    g_autofree char *line = line_with (all, "Budgetpost", "Summa kostnader");
    g_autofree char *expected = money (totals->total.costs[SP_BUDGET_COLUMN_BUDGET]);
    assert_non_null (strstr (line, expected));
  }
  {
    g_autofree char *line = line_with (all, "Budgetpost", "Resultat");
    g_autofree char *expected = money (totals->total.result[SP_BUDGET_COLUMN_BUDGET]);
    assert_non_null (strstr (line, expected));
  }
  for (guint i = 0; i < contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (contributions, i);
      /* A long name wraps in its cell: the line of its first word. */
      g_autofree char *first_word = g_strndup (c->name, strcspn (c->name, " "));
      g_autofree char *line = line_with (all, "Fördelningsnyckel", first_word);
      g_autofree char *expected = money (c->amount[0]);

      if (strstr (line, expected) == NULL)
        g_error ("“%s” has no %s in “%s”", c->name, expected, line);
    }
  assert_true (sp_project_get_granted_total (f->db, SP_EXAMPLE_YEAR, &granted, &error));
  assert_true (granted > 0);
  {
    g_autofree char *chapter = line_with (all, "Projekt och projektägare", "Summa");
    g_autofree char *expected = money (granted);
    assert_non_null (strstr (chapter, expected));
  }
}

/* In tkr the budget's total is rounded to thousands. */
static void
test_tkr (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = write_pdf (f, "plan-tkr.pdf", SP_MONEY_UNIT_TKR, NULL);
  g_auto(GStrv) pages = pdf_pages (path);
  g_autofree char *all = g_strjoinv ("\n", pages);
  g_autoptr(SpBudgetTotals) totals = sp_budget_totals_new (f->db, SP_EXAMPLE_YEAR, NULL);
  g_autofree char *line = line_with (all, "Budgetpost", "Summa intäkter");
  g_autofree char *raw = sp_money_format (totals->total.revenue[SP_BUDGET_COLUMN_BUDGET], SP_MONEY_UNIT_TKR,
                                          SP_MONEY_FORMAT_NO_UNIT);
  g_autofree char *expected = sp_test_squeeze_spaces (raw);

  assert_non_null (strstr (all, "belopp i tkr"));
  assert_non_null (strstr (line, expected));
}

/* A draft says so on every page; an adopted plan never, but its decision. */
static void
test_draft_and_adopted (void **state)
{
  Fixture *f = *state;
  g_autofree char *draft = write_pdf (f, "utkast.pdf", SP_MONEY_UNIT_KR, NULL);
  g_auto(GStrv) pages = pdf_pages (draft);
  g_autofree char *adopted = NULL;
  g_auto(GStrv) adopted_pages = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "Utkast") == NULL)
      g_error ("page %u of the draft does not say “Utkast”", i + 1);

  assert_true (sp_plan_year_adopt (f->db, SP_EXAMPLE_YEAR, "2008-12-12", "§ 45", &error));
  assert_null (error);
  adopted = write_pdf (f, "fastställd.pdf", SP_MONEY_UNIT_KR, NULL);
  adopted_pages = pdf_pages (adopted);
  {
    g_autofree char *title = sp_test_squeeze_spaces (adopted_pages[0]);
    assert_non_null (strstr (title, "Verksamhetsplan och budget 2009"));
    assert_non_null (strstr (title, "Norra Västmanlands samordningsförbund"));
    assert_non_null (strstr (title, "Fastställd av styrelsen 12 december 2008, § 45"));
  }
  for (guint i = 0; adopted_pages[i] != NULL; i++)
    assert_null (strstr (adopted_pages[i], "Utkast"));
}

/* "Sida N av M" on every page but the title; the number of pages is the
 * report's and pdfinfo's; the metadata and the outline are there. */
static void
test_pages_and_metadata (void **state)
{
  Fixture *f = *state;
  g_autoptr(SpReport) report = NULL;
  g_autofree char *path = write_pdf (f, "plan.pdf", SP_MONEY_UNIT_KR, &report);
  g_auto(GStrv) pages = pdf_pages (path);
  guint n = g_strv_length (pages);
  const char *info_argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (info_argv);
  const char *html_argv[] = { "pdftohtml", "-xml", "-i", "-stdout", "-q", path, NULL };
  g_autofree char *xml = run_tool (html_argv);

  assert_int_equal (n, sp_report_get_n_pages (report));
  assert_null (strstr (pages[0], "Sida"));
  for (guint i = 1; i < n; i++)
    {
      g_autofree char *expected = g_strdup_printf ("Sida %u av %u", i + 1, n);
      if (strstr (pages[i], expected) == NULL)
        g_error ("page %u lacks “%s”", i + 1, expected);
    }

  {
    g_autofree char *pages_field = info_field (info, "Pages");
    g_autofree char *title = info_field (info, "Title");
    g_autofree char *author = info_field (info, "Author");
    g_autofree char *subject = info_field (info, "Subject");

    assert_int_equal (atoi (pages_field), n);
    assert_string_equal (title, "Verksamhetsplan och budget 2009");
    assert_string_equal (author, "Norra Västmanlands samordningsförbund");
    assert_string_equal (subject, "Verksamhetsplan och budget 2009 · Utkast");
  }

  /* The outline: every chapter, pointing at the page the contents name. */
  assert_non_null (strstr (xml, "<outline>"));
  assert_non_null (strstr (xml, ">Innehåll</item>"));
  {
    g_autofree char *budget_page = NULL;
    g_autofree char *item = NULL;
    g_auto(GStrv) toc = g_strsplit (pages[1], "\n", -1);

    for (guint i = 0; toc[i] != NULL; i++)
      {
        g_autofree char *line = sp_test_squeeze_spaces (toc[i]);
        if (g_str_has_prefix (line, "Budget "))
          budget_page = g_strdup (line + strlen ("Budget "));
      }
    assert_non_null (budget_page);
    item = g_strdup_printf ("<item page=\"%s\">Budget</item>", budget_page);
    assert_non_null (strstr (xml, item));
    assert_non_null (strstr (pages[atoi (budget_page) - 1], "Budgetpost"));
  }
}

/* A section's CommonMark: headings, emphasis, nested lists, quotes and hard
 * breaks are laid out, never shown as marks; the fonts are embedded. */
static void
test_markdown (void **state)
{
  Fixture *f = *state;
  const char *body = "## Delrubrik i avsnittet\n\n"
                     "Text med **fetstil** och *kursiv* stil.\n\n"
                     "- första punkten\n"
                     "  - inre punkten\n"
                     "    1. djupaste numret\n"
                     "- andra punkten\n\n"
                     "3. tre\n"
                     "4. fyra\n\n"
                     "> Citat ur propositionen\n\n"
                     "rad ett  \nrad två\n\n"
                     "1. januari är ingen lista här: \\* och \\#\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  g_autofree char *text = NULL;
  const char *fonts_argv[] = { "pdffonts", NULL, NULL };
  g_autofree char *fonts = NULL;

  assert_true (sp_section_add (f->db, SP_EXAMPLE_YEAR, "Formaterat avsnitt", body, &error) > 0);
  path = write_pdf (f, "format.pdf", SP_MONEY_UNIT_KR, NULL);
  pages = pdf_pages (path);
  all = g_strjoinv ("\n", pages);
  text = chapters_text (pages);

  assert_non_null (strstr (text, "Formaterat avsnitt Delrubrik i avsnittet Text med fetstil och kursiv stil."));
  assert_non_null (strstr (text, "• första punkten ◦ inre punkten 1. djupaste numret • andra punkten"));
  assert_non_null (strstr (text, "3. tre 4. fyra"));
  assert_non_null (strstr (text, "Citat ur propositionen"));
  assert_non_null (strstr (text, "januari är ingen lista här: * och #"));
  assert_null (strstr (text, "**"));
  assert_null (strstr (text, "##"));
  /* The hard break ends the line. */
  {
    g_autofree char *line = line_with (all, "Citat ur", "rad ett");
    assert_string_equal (line, "rad ett");
  }
  /* The nested item is indented further than its parent. */
  {
    const char *outer = strstr (all, "• första");
    const char *inner = strstr (all, "◦ inre");
    const char *outer_line = outer, *inner_line = inner;

    while (outer_line > all && outer_line[-1] != '\n')
      outer_line--;
    while (inner_line > all && inner_line[-1] != '\n')
      inner_line--;
    assert_true (inner - inner_line > outer - outer_line);
  }

  fonts_argv[1] = path;
  fonts = run_tool (fonts_argv);
  assert_non_null (strstr (fonts, "Bold"));
  /* The slanted face is called Oblique in some families (DejaVu) and Italic
   * in others (Cantarell, Noto), depending on what the system has. */
  assert_true (strstr (fonts, "Oblique") != NULL || strstr (fonts, "Italic") != NULL);
  assert_null (strstr (fonts, " no  "));   /* every font embedded */
}

/* A file that is not a PDF is never overwritten. */
static void
test_refuses_other_file (void **state)
{
  Fixture *f = *state;
  g_autofree char *path = g_build_filename (f->dir, "brev.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpReportOptions options;

  g_assert_true (g_file_set_contents (path, "PK\3\4 ett kalkylblad", -1, NULL));
  before = sp_test_file_checksum (path);
  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  report = sp_report_new (f->db, &options, &error);
  assert_non_null (report);
  assert_false (sp_report_write_pdf (report, path, &error));
  assert_true (g_error_matches (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NOT_PDF));
  assert_non_null (strstr (error->message, "inte en PDF"));
  after = sp_test_file_checksum (path);
  assert_string_equal (before, after);
  {
    g_autofree char *listing = sp_test_list_dir_text (f->dir);
    assert_null (strstr (listing, "brev.pdf."));
  }

  /* Nor is a PDF that is read-only (root may write anyway: not checked then). */
  if (geteuid () != 0)
    {
      g_autofree char *old = g_build_filename (f->dir, "gammal.pdf", NULL);
      g_autofree char *sum = NULL;
      g_autofree char *sum_after = NULL;

      g_clear_error (&error);
      g_assert_true (g_file_set_contents (old, "%PDF-1.5 en äldre plan", -1, NULL));
      assert_int_equal (g_chmod (old, 0444), 0);
      sum = sp_test_file_checksum (old);
      assert_false (sp_report_write_pdf (report, old, &error));
      assert_true (g_error_matches (error, SP_REPORT_ERROR, SP_REPORT_ERROR_READ_ONLY));
      assert_non_null (strstr (error->message, "skrivskyddad"));
      sum_after = sp_test_file_checksum (old);
      assert_string_equal (sum, sum_after);
    }
}

static void
test_unknown_year (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  SpReportOptions options;

  sp_report_options_init (&options, 2031);
  assert_null (sp_report_new (f->db, &options, &error));
  assert_true (g_error_matches (error, SP_REPORT_ERROR, SP_REPORT_ERROR_NO_YEAR));
  assert_non_null (strstr (error->message, "2031"));
}

/* ---- Nothing past the margins ------------------------------------------ */

static void
assert_ink_inside (SpReport *report)
{
  guint n = sp_report_get_n_pages (report);

  for (guint page = 0; page < n; page++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      sp_report_draw_page (report, cr, page);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      cairo_surface_destroy (surface);
      if (w == 0 && h == 0)
        continue;
      if (x < SP_REPORT_MARGIN_SIDE - 1 || x + w > SP_REPORT_PAGE_WIDTH - SP_REPORT_MARGIN_SIDE + 1 ||
          y < SP_REPORT_MARGIN_TOP - 1 || y + h > SP_REPORT_PAGE_HEIGHT - SP_REPORT_MARGIN_BOTTOM + 1)
        g_error ("page %u has ink at %.1f,%.1f–%.1f,%.1f, past the margins", page + 1, x, y, x + w, y + h);
    }
}

/* Long words, names of 200 characters and a budget of 300 lines stay
 * inside the margins; the budget's head is repeated on each of its pages. */
static void
test_margins (void **state)
{
  Fixture *f = *state;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpReport) report = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new ("# Rubrik med ett mycket långt ord: ");
  g_autofree char *name = NULL;
  gint64 area_id = sp_test_query_int (f->db, "SELECT id FROM area WHERE group_id IN "
                                             "(SELECT id FROM area_group WHERE year = 2009) LIMIT 1");
  gint64 account = sp_test_query_int (f->db, "SELECT number FROM account WHERE kind = 'cost' LIMIT 1");
  gint64 member_id = sp_test_query_int (f->db, "SELECT id FROM member ORDER BY position LIMIT 1");
  SpReportOptions options;
  SpMemberData member;
  g_autoptr(SpMember) first = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) pages = NULL;
  guint budget_pages = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append (long_name, "Samordningsförbundet");
  g_string_truncate (long_name, 200);
  name = g_utf8_substring (long_name->str, 0, 200);
  for (guint i = 0; i < 30; i++)
    g_string_append (body, "Rehabiliteringssamverkansmedel");
  g_string_append (body, "\n\n- punkt ");
  for (guint i = 0; i < 20; i++)
    g_string_append (body, "Arbetslivsinriktadrehabilitering");
  g_string_append (body, "\n  1. inre **fetstil");
  for (guint i = 0; i < 20; i++)
    g_string_append (body, "Försäkringskassan");
  g_string_append (body, "**\n\n> citat med `kod_som_aldrig_tar_slut_");
  for (guint i = 0; i < 20; i++)
    g_string_append (body, "0123456789");
  g_string_append (body, "`\n\n    kodblock ");
  for (guint i = 0; i < 20; i++)
    g_string_append (body, "abcdefghij");
  g_string_append (body, "\n");

  assert_true (sp_section_add (f->db, SP_EXAMPLE_YEAR, name, body->str, &error) > 0);
  assert_true (sp_association_update (f->db, name, NULL, NULL, &error));
  first = sp_member_load (f->db, member_id, &error);
  sp_member_get_data (first, &member);
  member.name = name;
  assert_true (sp_member_update (f->db, member_id, &member, &error));
  assert_null (error);
  for (guint i = 0; i < 300; i++)
    {
      SpBudgetLineData line;
      g_autofree char *text = g_strdup_printf ("%s %u", i % 10 == 0 ? name : "Kostnad", i);

      sp_budget_line_data_init (&line);
      line.area_id = area_id;
      line.account = (int) account;
      line.text = text;
      line.amounts[SP_BUDGET_COLUMN_BUDGET] = sp_money_from_kr (999999999);
      line.amounts[SP_BUDGET_COLUMN_PREVIOUS_ACTUAL] = sp_money_from_kr (-99999999);
      if (sp_budget_line_add (f->db, SP_EXAMPLE_YEAR, &line, &error) <= 0)
        g_error ("line %u: %s", i, error->message);
    }

  sp_report_options_init (&options, SP_EXAMPLE_YEAR);
  report = sp_report_new (f->db, &options, &error);
  assert_null (error);
  assert_true (sp_report_get_n_pages (report) > 12);
  path = g_build_filename (f->dir, "lång.pdf", NULL);
  assert_true (sp_report_write_pdf (report, path, &error));
  assert_ink_inside (report);
  pages = pdf_pages (path);
  assert_no_title_last (pages);
  for (guint i = 2; pages[i] != NULL; i++)
    if (strstr (pages[i], "Kostnad ") != NULL)
      {
        budget_pages++;
        if (strstr (pages[i], "Budgetpost") == NULL)
          g_error ("page %u continues the budget without its head", i + 1);
      }
  if (budget_pages < 5)
    g_error ("the 300 lines are on %u pages", budget_pages);
}

/* `test-report --write-to DIR`: the example year's document as DIR/plan.pdf,
 * for looking at it (pdftoppm) without the program. */
static int
write_for_looking (const char *dir)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;

  f.dir = g_strdup (dir);
  f.db = sp_test_example_new (dir, "exempel.db", &f.db_path);
  /* A section with the formatting a plan has, to look at. */
  sp_section_add (f.db, SP_EXAMPLE_YEAR, "Prioriteringar",
                  "Styrelsen prioriterar ansökningar som\n\n"
                  "1. rör ett uppdrag som **saknas** hos medlemmarna,\n"
                  "2. inte prioriteras i dag, eller\n"
                  "3. medför *extra kostnader* för någon part:\n"
                  "   - personal\n"
                  "   - lokaler\n\n"
                  "## Lagens syfte\n\n"
                  "> Den finansiella samordningen ska bidra till att den enskilde\n"
                  "> uppnår eller förbättrar sin förmåga att utföra förvärvsarbete.\n\n"
                  "Norra Västmanlands samordningsförbund  \nKansliet, Fagersta\n", NULL);
  path = write_pdf (&f, "plan.pdf", SP_MONEY_UNIT_KR, NULL);
  g_print ("%s\n", path);
  g_clear_object (&f.db);
  g_free (f.dir);
  g_free (f.db_path);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_sections_in_order, setup, teardown),
    cmocka_unit_test_setup_teardown (test_figures, setup, teardown),
    cmocka_unit_test_setup_teardown (test_tkr, setup, teardown),
    cmocka_unit_test_setup_teardown (test_draft_and_adopted, setup, teardown),
    cmocka_unit_test_setup_teardown (test_pages_and_metadata, setup, teardown),
    cmocka_unit_test_setup_teardown (test_markdown, setup, teardown),
    cmocka_unit_test_setup_teardown (test_refuses_other_file, setup, teardown),
    cmocka_unit_test_setup_teardown (test_unknown_year, setup, teardown),
    cmocka_unit_test_setup_teardown (test_margins, setup, teardown),
  };

  /* The document is in Swedish, as the board reads it. */
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

  if (argc == 3 && g_strcmp0 (argv[1], "--write-to") == 0)
    return write_for_looking (argv[2]);

  return cmocka_run_group_tests_name ("report", tests, NULL, NULL);
}
