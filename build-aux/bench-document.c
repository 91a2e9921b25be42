/* bench-document.c: how fast the plan document is laid out and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a timed test: a developer's measurement (build-aux/bench runs it).
 *
 *   bench-document [--year Y] [--runs N] [--tkr] FILE.db
 *   bench-document --example [--runs N]
 *
 * Times, --runs times each, the making of the year's SpReport (loading the
 * data, laying out every page: sp_report_new()) and the writing of its PDF
 * (drawing every page into cairo's PDF surface: sp_report_write_pdf()).
 * --example uses a new copy of the example förbund (its year 2009). Prints
 * the medians and spreads, then "RESULT key=value…" for build-aux/bench:
 * pages, layout, write and total seconds, and milliseconds per page.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "sp-example.h"
#include "sp-plan-year.h"
#include "sp-report.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  int year = 0, runs = 5;
  gboolean tkr = FALSE, example = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE.db]");
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_INT, &year, "The plan year (default: the latest)", "YEAR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many times to time each (default 5)", "N" },
    { "tkr", 0, 0, G_OPTION_ARG_NONE, &tkr, "Amounts in tkr", NULL },
    { "example", 0, 0, G_OPTION_ARG_NONE, &example, "A new copy of the example förbund", NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-document-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GArray) layout = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) write = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  guint pages = 0;
  SpReportOptions options;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || (!example && argc != 2) || runs < 1)
    {
      g_printerr ("usage: bench-document [--year Y] [--runs N] [--tkr] FILE.db | --example\n");
      return 2;
    }
  if (example)
    {
      g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
      db = sp_example_create (path, &error);
      year = SP_EXAMPLE_YEAR;
    }
  else
    db = sp_database_open (argv[1], SP_DATABASE_OPEN_EXISTING | SP_DATABASE_OPEN_READ_ONLY, &error);
  if (db == NULL)
    {
      g_printerr ("bench-document: %s\n", error->message);
      return 1;
    }
  if (year == 0)
    year = sp_plan_year_get_latest (db);

  sp_report_options_init (&options, year);
  options.unit = tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  options.created = 1;
  for (int r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      g_autoptr(SpReport) report = sp_report_new (db, &options, &error);

      t1 = g_get_monotonic_time ();
      if (report == NULL || !sp_report_write_pdf (report, pdf, &error))
        {
          g_printerr ("bench-document: %s\n", error->message);
          return 1;
        }
      t2 = g_get_monotonic_time ();
      pages = sp_report_get_n_pages (report);
      g_array_append_val (layout, ((double) { (t1 - t0) / 1e6 }));
      g_array_append_val (write, ((double) { (t2 - t1) / 1e6 }));
      g_array_append_val (total, ((double) { (t2 - t0) / 1e6 }));
    }

  {
    double l = median (layout), w = median (write), t = median (total);
    double lo = g_array_index (total, double, 0), hi = g_array_index (total, double, total->len - 1);

    g_print ("year %d: %u pages; layout %.3f s, writing %.3f s, total %.3f s (%.3f–%.3f), %.2f ms per page\n",
             year, pages, l, w, t, lo, hi, t * 1000 / pages);
    g_print ("RESULT pages=%u layout=%.3f write=%.3f total=%.3f total_min=%.3f total_max=%.3f per_page=%.2f\n",
             pages, l, w, t, lo, hi, t * 1000 / pages);
  }
  g_unlink (pdf);
  if (example)
    {
      g_autofree char *path = g_build_filename (dir, "exempel.db", NULL);
      g_clear_object (&db);
      g_unlink (path);
    }
  g_rmdir (dir);
  return 0;
}
