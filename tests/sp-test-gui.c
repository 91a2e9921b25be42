/* sp-test-gui.c: the one fixture of the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sp-test-gui.h"
#include "app/sp-application.h"
#include "sp-example.h"
#include "ui/sp-window.h"

typedef struct {
  SpApplication    *app;
  SpTestGuiAppCheck check;
  gpointer          data;
  SpTestGuiAppRun   result;
} AppRun;

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *clock,
                               gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
on_run_for_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Wakes the main loop up now and then: a condition may change in a thread. */
static gboolean
on_wait_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* The check runs from the main loop, not inside the frame's paint: so it
 * may wait for frames of its own (sp_test_gui_wait_for_paint ()). */
static gboolean
on_app_check_idle_cb (gpointer data)
{
  AppRun *run = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (window != NULL && SP_IS_WINDOW (window))
    {
      run->check (window, run->data);
      run->result.checked = TRUE;
    }
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

static void
on_app_after_paint_cb (GdkFrameClock *clock,
                       AppRun        *run)
{
  g_signal_handlers_disconnect_by_func (clock, on_app_after_paint_cb, run);
  g_idle_add (on_app_check_idle_cb, run);
}

static void
on_app_window_realize_cb (GtkWidget *window,
                          AppRun    *run)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_app_after_paint_cb), run);
}

static void
on_app_window_added_cb (GtkApplication *app,
                        GtkWindow      *window,
                        AppRun         *run)
{
  if (SP_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (on_app_window_realize_cb), run);
}

static gboolean
on_app_timeout_cb (gpointer data)
{
  AppRun *run = data;

  run->result.timed_out = TRUE;
  g_application_quit (G_APPLICATION (run->app));
  return G_SOURCE_REMOVE;
}

gboolean
sp_test_gui_init (void)
{
  /* gtk_init () sets the locale from the environment again. */
  g_setenv ("LANGUAGE", "sv", TRUE);
  g_setenv ("LC_ALL", "sv_SE.UTF-8", TRUE);
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_printerr ("# the locale sv_SE.UTF-8 is missing: run build-aux/dev test\n");
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_init ();
  adw_init ();
  return TRUE;
}

SpTestGui *
sp_test_gui_start_page (GtkWidget *page,
                        int        width,
                        int        height)
{
  SpTestGui *gui = g_new0 (SpTestGui, 1);

  gui->dir = sp_test_make_tmpdir ();
  gui->db = sp_test_example_new (gui->dir, "exempel.db", &gui->path);

  gui->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (gui->window, width, height);
  gui->overlay = adw_toast_overlay_new ();
  gui->page = page;
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (gui->overlay), page);
  gtk_window_set_child (gui->window, gui->overlay);
  g_object_set (page, "database", gui->db, "year", SP_EXAMPLE_YEAR, NULL);
  gtk_window_present (gui->window);
  sp_test_gui_wait_for_paint (GTK_WIDGET (gui->window));
  sp_test_gui_spin ();
  return gui;
}

void
sp_test_gui_stop (SpTestGui *gui)
{
  GtkWidget *other;

  while ((other = sp_test_gui_find_toplevel (GTK_TYPE_WINDOW)) != NULL &&
         other != GTK_WIDGET (gui->window))
    gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (gui->window);
  sp_test_gui_spin ();
  g_clear_object (&gui->db);
  sp_test_remove_tree (gui->dir);
  g_free (gui->dir);
  g_free (gui->path);
  g_free (gui);
}

SpTestGuiAppRun
sp_test_gui_run_app (const char        *file,
                     SpTestGuiAppCheck  check,
                     gpointer           data)
{
  static guint n_runs;
  AppRun run = { 0 };
  char *argv[3] = { (char *) "samplan", (char *) file, NULL };
  g_autofree char *app_id = NULL;
  guint timeout;

  /* An id per run: a failed check leaves its application behind. */
  app_id = g_strdup_printf ("io.github.samplan.Samplan.Test%u", ++n_runs);
  run.app = sp_application_new (app_id, G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  run.check = check;
  run.data = data;
  g_signal_connect (run.app, "window-added", G_CALLBACK (on_app_window_added_cb), &run);
  timeout = g_timeout_add (sp_test_scaled_usec (SP_TEST_GUI_WAIT_SECONDS) / 1000,
                           on_app_timeout_cb, &run);

  run.result.status = g_application_run (G_APPLICATION (run.app), file != NULL ? 2 : 1, argv);

  if (!run.result.timed_out)
    g_source_remove (timeout);
  else
    g_printerr ("# the application did not paint its first frame in %.0f s\n",
                SP_TEST_GUI_WAIT_SECONDS * sp_test_timeout_multiplier ());
  g_clear_object (&run.app);
  return run.result;
}

void
sp_test_gui_spin (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

void
sp_test_gui_wait_until (SpTestGuiCondition  condition,
                        gpointer            data,
                        const char         *what)
{
  gboolean timed_out = FALSE;
  guint timeout;
  guint tick;

  if (condition (data))
    return;
  timeout = g_timeout_add (sp_test_scaled_usec (SP_TEST_GUI_WAIT_SECONDS) / 1000,
                           on_run_for_timeout_cb, &timed_out);
  tick = g_timeout_add (20, on_wait_tick_cb, NULL);
  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  if (timed_out)
    g_error ("timed out after %.0f s waiting for %s",
             SP_TEST_GUI_WAIT_SECONDS * sp_test_timeout_multiplier (), what);
  g_source_remove (timeout);
}

void
sp_test_gui_wait_for_paint (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert (native != NULL && gtk_widget_get_realized (GTK_WIDGET (native)));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (native));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_clock_after_paint_cb), &painted);
  gtk_widget_queue_draw (GTK_WIDGET (native));
  sp_test_gui_wait_until (is_true, &painted, "a frame to be painted");
  g_signal_handler_disconnect (clock, handler);
}

void
sp_test_gui_run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_run_for_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  sp_test_gui_spin ();
}

gboolean
sp_test_gui_save_png (GtkWidget  *widget,
                      const char *path)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_native (widget));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot),
                          gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  return gdk_texture_save_to_png (texture, path);
}

GtkWidget *
sp_test_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        found = window;
    }
  return found;
}

AdwMessageDialog *
sp_test_gui_find_dialog (void)
{
  GtkWidget *dialog = sp_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL ? ADW_MESSAGE_DIALOG (dialog) : NULL;
}

GtkWidget *
sp_test_gui_find_widget_matching (GtkWidget *root,
                                  GType      type,
                                  gboolean (*match) (GtkWidget *widget))
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_gui_find_widget_matching (child, type, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sp_test_gui_find_widget (GtkWidget *root,
                         GType      type)
{
  return sp_test_gui_find_widget_matching (root, type, NULL);
}

GtkWidget *
sp_test_gui_find_button (GtkWidget  *root,
                         const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_gui_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the layout of @label wraps a line inside a word: the last
 * character of a line and the first of the next are both letters or digits. */
static gboolean
label_breaks_word (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  int n = pango_layout_get_line_count (layout);

  for (int i = 1; i < n; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      const char *start = text + line->start_index;
      const char *before;

      if (line->start_index <= 0)
        continue;
      before = g_utf8_prev_char (start);
      if (g_unichar_isalnum (g_utf8_get_char (before)) && g_unichar_isalnum (g_utf8_get_char (start)))
        return TRUE;
    }
  return FALSE;
}

static void
find_cut_labels (GtkWidget *widget,
                 GPtrArray *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
    {
      GtkLabel *label = GTK_LABEL (widget);
      const char *text = gtk_label_get_text (label);

      /* What shows it: the nearest scrolled window, or the window. */
      GtkWidget *view = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
      graphene_rect_t bounds;

      if (view == NULL)
        view = GTK_WIDGET (gtk_widget_get_native (widget));
      if (view != NULL && gtk_widget_compute_bounds (widget, view, &bounds) &&
          (bounds.origin.x + bounds.size.width > gtk_widget_get_width (view) + 1 || bounds.origin.x < -1))
        g_ptr_array_add (found, g_strdup_printf ("“%s” lies outside what shows it, sideways (at x = %.0f of %d)",
                                                 text, bounds.origin.x, gtk_widget_get_width (view)));
      else if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_ptr_array_add (found, g_strdup_printf ("“%s” is cut short (%d px wide)", text,
                                                 gtk_widget_get_width (widget)));
      else if (label_breaks_word (label))
        g_ptr_array_add (found, g_strdup_printf ("“%s” is wrapped inside a word (%d px wide)", text,
                                                 gtk_widget_get_width (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_labels (child, found);
}

GPtrArray *
sp_test_gui_find_cut_labels (GtkWidget *root)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  find_cut_labels (root, found);
  return found;
}

GtkWidget *
sp_test_gui_find_label (GtkWidget  *root,
                        const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_gui_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
sp_test_gui_find_named (GtkWidget  *root,
                        const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sp_test_gui_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
sp_test_gui_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (found == NULL)
    g_error ("%s has no template child %s", g_type_name (type), name);
  return found;
}
