/* bench-typing.c: typing into a long section, per keystroke, against a plain GtkTextView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it under Xvfb.
 *
 *   bench-typing [--runs N] [--keystrokes N] [--chars N] [--verbose]
 *
 * Makes the example förbund in a temporary folder and adds to its plan of
 * 2009 a section of CHARS characters (default 100 000) in paragraphs, as
 * a plan has them. Shows the real SpPlanPage with that section in its
 * editor, and the floor: a window holding only a GtkTextView with the same
 * properties (wrap mode, margins), the same size as Samplan's editor and
 * the same text. Then types N runs of KEYSTROKES characters (default 50)
 * into each, one run of Samplan and one of the floor in turn, so that a
 * change of the machine's load falls on both, at offset 10 of the text.
 *
 * A keystroke is the text view's own "insert-at-cursor" (what a key
 * binding or an input method's commit does: an interactive insert at the
 * cursor), timed from the insert to the end of the next frame the window
 * paints (the frame clock's "after-paint"): the buffer's and Samplan's
 * handlers, the new layout of the changed paragraph, drawing. "sync" is the
 * part before the main loop runs (the handlers alone). Between keystrokes
 * the main loop runs untimed for a pause (default 40 ms, about a fast
 * typist's pace), so each keystroke starts on a quiet frame clock. After
 * each of Samplan's runs, what the page does when the typing pauses
 * (sp_plan_page_flush(): the whole text stored) is timed apart as "store",
 * and is not in the per-keystroke figures.
 *
 * GSK_RENDERER is "cairo" unless set otherwise, as in the GUI tests: it
 * redraws only what changed, while Xvfb's GL (software, llvmpipe) redraws
 * the whole window each frame, which would measure the window's size
 * rather than the typing.
 *
 * Prints the medians and 95th percentiles in ms, then "RESULT …".
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sp-database.h"
#include "sp-example.h"
#include "sp-section.h"
#include "ui/sp-plan-page.h"
#include "ui/sp-section-editor.h"

/* The typed characters, in turn: a sentence, with a letter outside ASCII. */
#define TYPED "Förbundet samlar medlemmarna kring människor. "
/* Where the typing starts, in characters from the start of the text. */
#define TYPING_OFFSET 10
/* How long a frame may take before the benchmark gives up, in µs. */
#define FRAME_BOUND (10 * G_USEC_PER_SEC)

typedef struct {
  const char  *name;
  GtkWidget   *window;
  GtkTextView *text_view;
  GArray      *frame;   /* ms from the insert to the end of the next frame */
  GArray      *sync;    /* ms of the insert itself */
} Editor;

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
on_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, then until idle. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  drain ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @window has painted a frame; FALSE if it did not
 * within FRAME_BOUND. */
static gboolean
wait_for_paint (GtkWidget *window,
                gboolean   queue)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE, timed_out = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  guint timeout = g_timeout_add (FRAME_BOUND / 1000, on_timeout_cb, &timed_out);

  if (queue)
    gtk_widget_queue_draw (window);
  while (!painted && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!timed_out)
    g_source_remove (timeout);
  return painted;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The @q quantile (0.5: the median) of @values, which it sorts. */
static double
quantile (GArray *values,
          double  q)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * q)));
}

/* The text: paragraphs of ten sentences, @n_chars characters or a few more. */
static char *
long_text (glong n_chars)
{
  const char *sentence = "Förbundet samlar medlemmarna kring människor som behöver stöd.";
  glong sentence_chars = g_utf8_strlen (sentence, -1);
  GString *body = g_string_new (NULL);
  glong n = 0;

  for (int i = 1; n < n_chars; i++)
    {
      g_string_append (body, sentence);
      g_string_append (body, i % 10 == 0 ? "\n\n" : " ");
      n += sentence_chars + (i % 10 == 0 ? 2 : 1);
    }
  return g_string_free (body, FALSE);
}

/* One run: @n keystrokes at TYPING_OFFSET. FALSE when a frame never came. */
static gboolean
type_run (Editor  *editor,
          int      n,
          guint    pause_ms,
          gboolean verbose)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (editor->text_view);
  glong n_typed = g_utf8_strlen (TYPED, -1);
  GtkTextIter iter;

  /* The window in front and active (its text view has the focus and shows
   * the cursor), the cursor where the typing goes, on screen; untimed. */
  gtk_window_present (GTK_WINDOW (editor->window));
  run_for (100);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, TYPING_OFFSET);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_iter (editor->text_view, &iter, 0.0, FALSE, 0.0, 0.0);
  if (!wait_for_paint (editor->window, TRUE))
    return FALSE;
  run_for (pause_ms);

  for (int k = 0; k < n; k++)
    {
      const char *c = g_utf8_offset_to_pointer (TYPED, k % n_typed);
      char typed[8] = { 0 };
      gint64 start, synced;
      double t, s;

      memcpy (typed, c, g_utf8_next_char (c) - c);
      start = g_get_monotonic_time ();
      g_signal_emit_by_name (editor->text_view, "insert-at-cursor", typed);
      synced = g_get_monotonic_time ();
      if (!wait_for_paint (editor->window, FALSE))
        return FALSE;
      t = (g_get_monotonic_time () - start) / 1000.0;
      s = (synced - start) / 1000.0;
      g_array_append_val (editor->frame, t);
      g_array_append_val (editor->sync, s);
      if (verbose)
        g_print ("%s “%s”: %.3f ms to the frame, %.3f ms the insert\n", editor->name, typed, t, s);
      run_for (pause_ms);
    }
  return TRUE;
}

/* The template child @name of @widget. */
static gpointer
child (GtkWidget  *widget,
       const char *name)
{
  return gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int runs = 7, keystrokes = 50;
  glong n_chars = 100000;
  guint pause_ms = 40;
  gboolean verbose = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GArray) stores = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  Editor samplan = { "samplan" }, floor_ = { "floor" };
  GtkWidget *page, *sections, *scrolled;
  GtkSingleSelection *selection;
  GtkTextBuffer *buffer;
  gint64 id = 0;
  int width, height;
  double med, p95, worst, sync, f_med, f_p95, f_worst, f_sync, store;
  gboolean ok = TRUE;
  const char *renderer;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--keystrokes") && i + 1 < argc)
        keystrokes = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--chars") && i + 1 < argc)
        n_chars = atol (argv[++i]);
      else if (g_str_equal (argv[i], "--pause") && i + 1 < argc)
        pause_ms = (guint) atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--verbose"))
        verbose = TRUE;
      else
        {
          g_printerr ("usage: bench-typing [--runs N] [--keystrokes N] [--chars N] [--pause MS] [--verbose]\n");
          return 2;
        }
    }
  runs = MAX (runs, 1);
  keystrokes = MAX (keystrokes, 1);
  n_chars = MAX (n_chars, TYPING_OFFSET);

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  gtk_init ();
  adw_init ();
  /* A blinking cursor draws frames of its own. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  dir = g_dir_make_tmp ("samplan-bench-typing-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-typing: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "exempel.db", NULL);
  body = long_text (n_chars);
  db = sp_example_create (path, &error);
  if (db == NULL ||
      (id = sp_section_add (db, SP_EXAMPLE_YEAR, "Långt avsnitt", body, &error)) <= 0)
    {
      g_printerr ("bench-typing: %s\n", error != NULL ? error->message : "no section");
      remove_folder (dir);
      return 1;
    }
  n_chars = g_utf8_strlen (body, -1);

  /* Samplan: the plan page, the long section picked. */
  samplan.window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (samplan.window), 1100, 720);
  page = sp_plan_page_new ();
  adw_window_set_content (ADW_WINDOW (samplan.window), page);
  g_object_set (page, "database", db, "year", SP_EXAMPLE_YEAR, NULL);
  gtk_window_present (GTK_WINDOW (samplan.window));
  sections = sp_plan_page_get_view (SP_PLAN_PAGE (page), "sections");
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (child (sections, "sections_view")));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(SpSection) section = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (sp_record_get_id (SP_RECORD (section)) == id)
        gtk_single_selection_set_selected (selection, i);
    }
  samplan.text_view = sp_section_editor_get_view (SP_SECTION_EDITOR (child (sections, "section_editor")));
  wait_for_paint (samplan.window, TRUE);
  drain ();
  buffer = gtk_text_view_get_buffer (samplan.text_view);
  if (gtk_text_buffer_get_char_count (buffer) != n_chars)
    {
      g_printerr ("bench-typing: the page shows %d characters, not the section's %ld\n",
                  gtk_text_buffer_get_char_count (buffer), n_chars);
      ok = FALSE;
    }

  /* The floor: a text view alone, as large as Samplan's editor. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (samplan.text_view), GTK_TYPE_SCROLLED_WINDOW);
  width = gtk_widget_get_width (scrolled);
  height = gtk_widget_get_height (scrolled);
  floor_.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (floor_.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (floor_.window), width, height);
  floor_.text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  g_object_set (floor_.text_view, "wrap-mode", GTK_WRAP_WORD_CHAR, "left-margin", 18, "right-margin", 18,
                "top-margin", 12, "bottom-margin", 12, "pixels-below-lines", 4, NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (floor_.text_view), body, -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (floor_.text_view));
  gtk_window_set_child (GTK_WINDOW (floor_.window), scrolled);
  gtk_window_present (GTK_WINDOW (floor_.window));
  wait_for_paint (floor_.window, TRUE);

  /* Both laid out in full (GtkTextView validates a long text in idles),
   * each with the focus in its text view. */
  gtk_widget_grab_focus (GTK_WIDGET (samplan.text_view));
  gtk_widget_grab_focus (GTK_WIDGET (floor_.text_view));
  run_for (500);
  sp_plan_page_flush (SP_PLAN_PAGE (page));
  drain ();
  if (verbose)
    g_print ("Samplan's editor and the floor: %d × %d pixels, %ld characters\n", width, height, n_chars);

  samplan.frame = g_array_new (FALSE, FALSE, sizeof (double));
  samplan.sync = g_array_new (FALSE, FALSE, sizeof (double));
  floor_.frame = g_array_new (FALSE, FALSE, sizeof (double));
  floor_.sync = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < runs && ok; r++)
    {
      gint64 start;
      double t;

      ok = type_run (&samplan, keystrokes, pause_ms, verbose);
      /* The pause in the typing: the page stores the text. */
      start = g_get_monotonic_time ();
      sp_plan_page_flush (SP_PLAN_PAGE (page));
      t = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (stores, t);
      drain ();
      ok = ok && type_run (&floor_, keystrokes, pause_ms, verbose);
    }
  if (ok)
    {
      g_autoptr(SpSection) stored = sp_section_load (db, id, NULL);

      if (stored == NULL ||
          g_utf8_strlen (sp_section_get_body (stored), -1) != n_chars + (glong) runs * keystrokes)
        {
          g_printerr ("bench-typing: the typed text was not stored\n");
          ok = FALSE;
        }
    }
  if (!ok)
    {
      g_printerr ("bench-typing: failed (no frame painted within %d s, or see above)\n",
                  (int) (FRAME_BOUND / G_USEC_PER_SEC));
      gtk_window_destroy (GTK_WINDOW (samplan.window));
      gtk_window_destroy (GTK_WINDOW (floor_.window));
      g_clear_object (&db);
      remove_folder (dir);
      return 1;
    }

  med = quantile (samplan.frame, 0.5);
  p95 = quantile (samplan.frame, 0.95);
  worst = quantile (samplan.frame, 1.0);
  sync = quantile (samplan.sync, 0.5);
  f_med = quantile (floor_.frame, 0.5);
  f_p95 = quantile (floor_.frame, 0.95);
  f_worst = quantile (floor_.frame, 1.0);
  f_sync = quantile (floor_.sync, 0.5);
  store = quantile (stores, 0.5);
  renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (samplan.window)));
  g_print ("%ld characters, %u keystrokes each at offset %d (%d runs, in turn), %s\n",
           n_chars, samplan.frame->len, TYPING_OFFSET, runs, renderer);
  g_print ("Samplan, keystroke to frame: median %.2f ms, 95th percentile %.2f ms, max %.2f ms (insert %.3f ms)\n",
           med, p95, worst, sync);
  g_print ("floor,   keystroke to frame: median %.2f ms, 95th percentile %.2f ms, max %.2f ms (insert %.3f ms)\n",
           f_med, f_p95, f_worst, f_sync);
  g_print ("Samplan / floor: %.2f× (median), %.2f× (95th percentile); storing at the pause: median %.2f ms\n",
           med / f_med, p95 / f_p95, store);
  g_print ("RESULT chars=%ld keystrokes=%u median=%.3f p95=%.3f max=%.3f sync=%.3f"
           " floor_median=%.3f floor_p95=%.3f floor_max=%.3f floor_sync=%.3f"
           " ratio=%.2f ratio_p95=%.2f store=%.3f renderer=%s\n",
           n_chars, samplan.frame->len, med, p95, worst, sync, f_med, f_p95, f_worst, f_sync,
           med / f_med, p95 / f_p95, store, renderer);

  gtk_window_destroy (GTK_WINDOW (samplan.window));
  gtk_window_destroy (GTK_WINDOW (floor_.window));
  drain ();
  g_array_unref (samplan.frame);
  g_array_unref (samplan.sync);
  g_array_unref (floor_.frame);
  g_array_unref (floor_.sync);
  g_clear_object (&db);
  remove_folder (dir);
  return 0;
}
