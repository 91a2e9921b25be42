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
#include <cairo.h>
#include <locale.h>
#include <string.h>

#include "sp-association.h"
#include "sp-document-outline.h"
#include "sp-error.h"
#include "sp-history.h"
#include "sp-example.h"
#include "sp-limits.h"
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
      char *page = sp_test_squeeze_spaces (pages[i]);

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

  /* Left out: neither in the contents nor on any page (the budget's revenue
   * lines "Medlemsavgifter enligt budgetramen", "… från kommunerna" are not
   * the chapter). */
  for (guint i = 0; i < n; i++)
    for (const char *at = strstr (pages[i], "Medlemsavgifter"); at != NULL; at = strstr (at + 1, "Medlemsavgifter"))
      assert_true (g_str_has_prefix (at, "Medlemsavgifter enligt") || g_str_has_prefix (at, "Medlemsavgifter\nenligt") ||
                   g_str_has_prefix (at, "Medlemsavgifter från"));

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

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG of @width × @height pixels, as cairo writes it. */
static GBytes *
make_png (int width,
          int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.7);
  cairo_paint (cr);
  cairo_destroy (cr);
  assert_int_equal (cairo_surface_write_to_png_stream (surface, append_bytes, png), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

/* The images of page 1, as pdfimages -list gives them: one line each. */
static guint
count_title_images (const char *path)
{
  const char *argv[] = { "pdfimages", "-list", "-f", "1", "-l", "1", path, NULL };
  g_autofree char *out = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = 0;

  /* Two lines of heading, then one per image: "   1     0 image     600   300 rgb …" */
  for (guint i = 2; lines[i] != NULL; i++)
    if (strstr (lines[i], " image ") != NULL)
      n++;
  return n;
}

/* A logo is on the title page when set; anything but a PNG is refused and
 * changes nothing; an undo takes it away again. */
static void
test_logo (void **state)
{
  Fixture *f = *state;
  g_autoptr(GBytes) png = make_png (600, 300);
  g_autoptr(GBytes) text = g_bytes_new_static ("Det här är ingen bild.\n", 24);
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) huge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree guint8 *padding = NULL;

  path = write_pdf (f);
  assert_int_equal (count_title_images (path), 0);
  g_clear_pointer (&path, g_free);

  assert_false (sp_association_set_logo (f->db, text, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  assert_string_equal (error->message, "Logotypen är inte en PNG- eller JPEG-bild.");
  g_clear_error (&error);
  /* Larger than 2 MB: the PNG's bytes with more after them. */
  padding = g_malloc0 (SP_LOGO_MAX_BYTES + 1);
  memcpy (padding, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  huge = g_bytes_new (padding, SP_LOGO_MAX_BYTES + 1);
  assert_false (sp_association_set_logo (f->db, huge, &error));
  assert_true (g_error_matches (error, SP_ERROR, SP_ERROR_INVALID));
  g_clear_error (&error);
  assert_null (sp_association_load_logo (f->db, NULL));

  assert_true (sp_association_set_logo (f->db, png, &error));
  g_assert_no_error (error);
  stored = sp_association_load_logo (f->db, NULL);
  assert_non_null (stored);
  assert_true (g_bytes_equal (stored, png));
  path = write_pdf (f);
  assert_int_equal (count_title_images (path), 1);
  g_clear_pointer (&path, g_free);

  assert_true (sp_history_undo (sp_database_get_history (f->db), NULL));
  assert_null (sp_association_load_logo (f->db, NULL));
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_parts_chosen, setup, teardown),
    cmocka_unit_test_setup_teardown (test_logo, setup, teardown),
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
