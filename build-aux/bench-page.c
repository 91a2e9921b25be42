/* bench-page.c: how long the follow-up page takes to open, against the budget page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it under Xvfb.
 *
 *   bench-page [--runs N] [--year Y] [--only budget|follow-up] FILE
 *
 * Copies FILE (a generated database, see bench-generate.c) into a temporary
 * folder and writes actuals for January–August of year Y into the copy (one
 * row per month for every budget line of the year, on its account and area:
 * what the SIE import of a ledger with cost centres writes), so that the
 * follow-up page has a full table to show. Then, N times over and in turn,
 * puts a new SpBudgetPage and a new SpFollowUpPage of year Y into a window
 * that is already shown, and times each from making the page (which loads
 * its data) to the end of the first frame painted with the page mapped. The
 * goal: the follow-up page opens in at most one frame (16.7 ms at 60 Hz)
 * more than the budget page. Prints the medians, then "RESULT …": the
 * times to the first frame, the part of them spent making the page (its
 * own work: loading and filling its rows), and how many widgets each page
 * has once shown (what GTK's first layout has to measure). With --only,
 * opens that page alone (under a profiler: perf record -g bench-page …).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <time.h>

#include "sp-database.h"
#include "ui/sp-budget-page.h"
#include "ui/sp-follow-up-page.h"

#define FRAME_MS (1000.0 / 60.0)

static gboolean painted;
static GtkWidget *watched;
static guint layouts;

typedef struct {
  double total;   /* ms, making the page → first frame */
  double make;    /* ms, making the page */
  double cpu;     /* ms of the process's CPU time (all its threads) in @total */
  guint  widgets; /* in the page once shown */
  guint  layouts; /* the frame clock's layout phases until the first frame */
} Opening;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  if (watched != NULL && gtk_widget_get_mapped (watched))
    painted = TRUE;
}

static void
on_layout_cb (GdkFrameClock *clock,
              gpointer       data)
{
  layouts++;
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The CPU time of the process so far, in ms: on a busy machine the wall
 * time is mostly waiting for a core, this is the work. */
static double
cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1000.0 + t.tv_nsec / 1e6;
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

/* From making the page to the end of the first frame that shows it. */
static Opening
open_page (GtkWidget  *window,
           GType       type,
           SpDatabase *db,
           int         year)
{
  double cpu_start = cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  GtkWidget *page = g_object_new (type, "year", year, "database", db, NULL);
  Opening opening;

  opening.make = (g_get_monotonic_time () - start) / 1000.0;
  watched = page;
  painted = FALSE;
  layouts = 0;
  adw_window_set_content (ADW_WINDOW (window), page);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  opening.total = (g_get_monotonic_time () - start) / 1000.0;
  opening.cpu = cpu_ms () - cpu_start;
  opening.widgets = count_widgets (page);
  opening.layouts = layouts;
  watched = NULL;
  adw_window_set_content (ADW_WINDOW (window), gtk_label_new (""));
  drain ();
  return opening;
}

static double
median (const Opening *openings,
        int            n,
        gsize          offset)
{
  g_autofree double *values = g_new (double, n);

  for (int i = 0; i < n; i++)
    values[i] = G_STRUCT_MEMBER (double, &openings[i], offset);
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  const char *path = NULL;
  const char *only = NULL;
  int runs = 7, year = 2015;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  static Opening budget[256], follow_up[256];
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  gsize length;
  sqlite3 *handle = NULL;
  char *message = NULL;
  GtkWidget *window;
  double b, f, bm, fm, bc, fc;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        runs = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--year") && i + 1 < argc)
        year = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only = argv[++i];
      else
        path = argv[i];
    }
  if (path == NULL)
    {
      g_printerr ("usage: bench-page [--runs N] [--year Y] [--only budget|follow-up] FILE\n");
      return 2;
    }

  /* The copy, with eight months of actuals. */
  dir = g_dir_make_tmp ("samplan-bench-page-XXXXXX", &error);
  copy = dir != NULL ? g_build_filename (dir, "bench.db", NULL) : NULL;
  if (copy == NULL || !g_file_get_contents (path, &contents, &length, &error) ||
      !g_file_set_contents (copy, contents, length, &error))
    {
      g_printerr ("bench-page: %s\n", error->message);
      return 1;
    }
  g_clear_pointer (&contents, g_free);
  {
    /* Opening it first upgrades it to the schema of this build. */
    g_autoptr(SpDatabase) upgrade = sp_database_open (copy, SP_DATABASE_OPEN_EXISTING, &error);
    if (upgrade == NULL)
      {
        g_printerr ("bench-page: %s\n", error->message);
        return 1;
      }
  }
  sql = g_strdup_printf ("WITH RECURSIVE month (m) AS (SELECT 1 UNION ALL SELECT m + 1 FROM month WHERE m < 8) "
                         "INSERT INTO actual_month (year, month, account, area_id, amount) "
                         "SELECT year, m, account, area_id, coalesce (budget, 0) / 12 + (id %% 7) * 1000 "
                         "FROM budget_line, month WHERE year = %d", year);
  if (sqlite3_open (copy, &handle) != SQLITE_OK ||
      sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench-page: %s\n", message != NULL ? message : sqlite3_errmsg (handle));
      return 1;
    }
  g_print ("%d actuals written for %d\n", sqlite3_changes (handle), year);
  sqlite3_close (handle);

  gtk_init ();
  adw_init ();
  db = sp_database_open (copy, SP_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      g_printerr ("bench-page: %s\n", error->message);
      return 1;
    }
  window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  adw_window_set_content (ADW_WINDOW (window), gtk_label_new (""));
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (window), "layout", G_CALLBACK (on_layout_cb), NULL);
  drain ();

  /* One of each untimed (the templates, the CSS), then in turn. */
  if (only == NULL || g_str_equal (only, "budget"))
    open_page (window, SP_TYPE_BUDGET_PAGE, db, year);
  if (only == NULL || g_str_equal (only, "follow-up"))
    open_page (window, SP_TYPE_FOLLOW_UP_PAGE, db, year);
  runs = CLAMP (runs, 1, (int) G_N_ELEMENTS (budget));
  for (int r = 0; r < runs; r++)
    {
      if (only == NULL || g_str_equal (only, "budget"))
        budget[r] = open_page (window, SP_TYPE_BUDGET_PAGE, db, year);
      if (only == NULL || g_str_equal (only, "follow-up"))
        follow_up[r] = open_page (window, SP_TYPE_FOLLOW_UP_PAGE, db, year);
    }
  b = median (budget, runs, G_STRUCT_OFFSET (Opening, total));
  f = median (follow_up, runs, G_STRUCT_OFFSET (Opening, total));
  bm = median (budget, runs, G_STRUCT_OFFSET (Opening, make));
  fm = median (follow_up, runs, G_STRUCT_OFFSET (Opening, make));
  bc = median (budget, runs, G_STRUCT_OFFSET (Opening, cpu));
  fc = median (follow_up, runs, G_STRUCT_OFFSET (Opening, cpu));
  g_print ("budget page %.1f ms (made in %.1f ms, %u widgets, %u layouts), follow-up page %.1f ms (made in %.1f ms,"
           " %u widgets, %u layouts), medians of %d: %+.1f ms, %+.2f frames at 60 Hz, ratio %.2f\n",
           b, bm, budget[0].widgets, budget[0].layouts, f, fm, follow_up[0].widgets, follow_up[0].layouts, runs,
           f - b, (f - b) / FRAME_MS, f / b);
  g_print ("CPU time of the process: budget page %.1f ms, follow-up page %.1f ms: %+.1f ms, ratio %.2f\n",
           bc, fc, fc - bc, fc / bc);
  g_print ("RESULT year=%d budget=%.1f follow_up=%.1f difference=%.1f frames=%.2f ratio=%.2f"
           " budget_make=%.1f follow_up_make=%.1f budget_widgets=%u follow_up_widgets=%u"
           " budget_cpu=%.1f follow_up_cpu=%.1f cpu_ratio=%.2f\n",
           year, b, f, f - b, (f - b) / FRAME_MS, f / b, bm, fm, budget[0].widgets, follow_up[0].widgets,
           bc, fc, fc / bc);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (g_steal_pointer (&db));
  g_unlink (copy);
  g_rmdir (dir);
  return 0;
}
