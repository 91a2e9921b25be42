/* test-icons.c: every icon the UI names resolves and loads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The names come from the .ui templates compiled into our resources and from
 * the string literals of src/ that end in -symbolic. Each must be found by
 * the icon theme the application actually loads and load as an image: an
 * icon theme that drops a name (Adwaita 48 dropped emblem-ok-symbolic), or a
 * system without the SVG loader (librsvg2-common), would otherwise show the
 * "image-missing" placeholder. Run on Debian 12 and in the Debian 13 root
 * (build-aux/debian13), so a name must exist in both themes.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <gtk/gtk.h>

#include "app/sp-application.h"
#include "sp-test-util.h"

static SpApplication *app;
static char *tmp_home;

static void
add_matches (GHashTable *names,
             GRegex     *regex,
             const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_hash_table_add (names, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
}

static void
collect_from_resources (GHashTable *names)
{
  g_autoptr(GRegex) regex = g_regex_new ("<property name=\"icon[-_]name\">([^<]+)</property>", 0, 0, NULL);
  g_auto(GStrv) children = g_resources_enumerate_children (RESOURCE_PATH, 0, NULL);

  assert_non_null (children);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (children[i], ".ui"))
        continue;
      path = g_build_path ("/", RESOURCE_PATH, children[i], NULL);
      bytes = g_resources_lookup_data (path, 0, NULL);
      assert_non_null (bytes);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      add_matches (names, regex, text);
    }
}

static void
collect_from_sources (GHashTable *names,
                      GRegex     *regex,
                      const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  assert_non_null (dir);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, entry, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_from_sources (names, regex, path);
      else if (g_str_has_suffix (entry, ".c") && g_file_get_contents (path, &text, NULL, NULL))
        add_matches (names, regex, text);
    }
}

/* Every icon name the UI uses, sorted. */
static GPtrArray *
ui_icon_names (void)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) literal = g_regex_new ("\"([a-z0-9-]+-symbolic)\"", 0, 0, NULL);
  g_autofree char *src = g_build_filename (SOURCE_ROOT, "src", NULL);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  collect_from_resources (names);
  collect_from_sources (names, literal, src);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, g_strdup (key));
  g_ptr_array_sort (sorted, (GCompareFunc) g_strcmp0);
  return sorted;
}

/* NULL if @name resolves in @theme to an image that loads, else why not. */
static char *
icon_problem (GtkIconTheme *theme,
              const char   *name)
{
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!gtk_icon_theme_has_icon (theme, name))
    return g_strdup_printf ("%s: not in the icon theme", name);
  icon = gtk_icon_theme_lookup_icon (theme, name, NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  if (file == NULL)
    return g_strdup_printf ("%s: no file", name);
  uri = g_file_get_uri (file);
  if (strstr (uri, "image-missing") != NULL)
    return g_strdup_printf ("%s: resolves to %s", name, uri);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    return g_strdup_printf ("%s: %s: %s", name, uri, error->message);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  if (pixbuf == NULL)
    return g_strdup_printf ("%s: %s does not load: %s", name, uri, error->message);
  return NULL;
}

/* Symbolic icons and our picture are SVG: without the loader, none shows. */
static void
test_svg_loader (void **state)
{
  GSList *formats = gdk_pixbuf_get_formats ();
  gboolean svg = FALSE;

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *format_name = gdk_pixbuf_format_get_name (l->data);
      svg = svg || g_strcmp0 (format_name, "svg") == 0;
    }
  g_slist_free (formats);
  if (!svg)
    fail_msg ("gdk-pixbuf has no SVG loader (Debian: install librsvg2-common)");
}

static void
test_ui_icons (void **state)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GPtrArray) names = ui_icon_names ();
  g_autoptr(GString) problems = g_string_new (NULL);

  /* The plan page alone names more than a dozen. */
  assert_true (names->len >= 20);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *problem = icon_problem (theme, name);

      if (problem != NULL)
        g_string_append_printf (problems, "# %s\n", problem);
    }
  if (problems->len > 0)
    {
      g_print ("%s", problems->str);
      fail_msg ("icons missing (see above)");
    }
}

/* The welcome page shows the application icon, from our resources. */
static void
test_app_icon (void **state)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autofree char *problem = icon_problem (theme, BASE_ID);

  if (problem != NULL)
    fail_msg ("%s", problem);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_svg_loader),
    cmocka_unit_test (test_ui_icons),
    cmocka_unit_test (test_app_icon),
  };
  g_autoptr(GError) error = NULL;
  int status;

  tmp_home = sp_test_make_tmpdir ();
  {
    g_autofree char *data_home = g_build_filename (tmp_home, "data", NULL);
    g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  }

  /* Registering runs the application's startup, as `samplan` does: GTK is
   * set up and RESOURCE_PATH/icons joins the icon theme. */
  app = sp_application_new ("io.github.samplan.Samplan.TestIcons", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("# cannot register the application: %s\n", error->message);
      return 1;
    }

  status = cmocka_run_group_tests_name ("icons", tests, NULL, NULL);
  g_clear_object (&app);
  sp_test_remove_tree (tmp_home);
  g_free (tmp_home);
  return status;
}
