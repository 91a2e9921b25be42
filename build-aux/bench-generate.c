/* bench-generate.c: a large förbund for the benchmarks, deterministic from a seed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: build-aux/bench runs it.
 *
 *   bench-generate --scale S [--seed N] [--projects TOTAL] FILE
 *
 * The base (scale 1) is a förbund of 20 plan years (2006–2025), 12 members,
 * per year 40 budget lines, 30 projects (each with a grant, a co-funding,
 * a board decision, a target group, participants and two measurable
 * goals), 4 areas, 3 target groups and 5 strategic goals. Scale S multiplies
 * the members, the budget lines and the projects (the years stay 20);
 * --projects sets the total of projects instead (spread over the years).
 * Every value is a function of the row's number and the seed, so the same
 * scale and seed give the same content.
 *
 * The rows are written with the core's private sp_database_exec() inside
 * one edit with recording (the undo history) off, as sp_example_create()
 * does: the core API (one sp_edit_run per row, each a transaction and an
 * undo entry) is far too slow for 60 000 projects. The schema, its
 * triggers and constraints are the core's own (sp_database_open()).
 * Prints "RESULT key=value…" with the row counts and the time.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "sp-database-private.h"

#define FIRST_YEAR 2006
#define N_YEARS 20

static const char *
count_sql[] = {
  "member", "plan_year", "budget_line", "project", "goal", "project_participants",
};

int
main (int   argc,
      char *argv[])
{
  double scale = 1;
  int seed = 1, total_projects = -1;
  const char *path = NULL;
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GString) counts = g_string_new ("");
  int n_members, n_lines, n_projects;
  gint64 start = g_get_monotonic_time ();

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--scale") && i + 1 < argc)
        scale = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--projects") && i + 1 < argc)
        total_projects = atoi (argv[++i]);
      else
        path = argv[i];
    }
  if (path == NULL || scale <= 0)
    {
      g_printerr ("usage: bench-generate --scale S [--seed N] [--projects TOTAL] FILE\n");
      return 2;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-generate: %s exists\n", path);
      return 2;
    }

  n_members = MAX (1, (int) (12 * scale + 0.5));
  n_lines = MAX (1, (int) (40 * scale + 0.5));
  n_projects = total_projects > 0 ? (total_projects + N_YEARS - 1) / N_YEARS
                                  : MAX (1, (int) (30 * scale + 0.5));

  db = sp_database_open (path, SP_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("bench-generate: %s\n", error->message);
      return 1;
    }

  /* y: the year's number 0…19; i: the row's number within its year.
   * Areas: 4 per year, id 1 + y * 4 + k; target groups 3 per year. */
  sql = g_strdup_printf (
    "CREATE TEMP TABLE y (y INTEGER PRIMARY KEY);"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d) INSERT INTO y SELECT i FROM n;"
    "CREATE TEMP TABLE members_n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) INSERT INTO members_n SELECT i FROM n;"
    "CREATE TEMP TABLE lines_n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) INSERT INTO lines_n SELECT i FROM n;"
    "CREATE TEMP TABLE projects_n (i INTEGER PRIMARY KEY);"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) INSERT INTO projects_n SELECT i FROM n;"

    "INSERT INTO member (id, name, kind, pays_own_share, population, position) "
    "SELECT i, CASE WHEN i = 1 THEN 'Försäkringskassan' WHEN i = 2 THEN 'Region ' || i ELSE 'Kommun ' || i END, "
    "  CASE WHEN i = 1 THEN 'state' WHEN i = 2 THEN 'region' ELSE 'municipality' END, 1, "
    "  CASE WHEN i <= 2 THEN NULL ELSE 1000 + (i * 7919 + %d * 104729) %% 90000 END, i FROM members_n;"

    "INSERT INTO plan_year (year, status, frame) "
    "SELECT %d + y, 'draft', (5000000 + (y * 131071 + %d) %% 1000000) * 100 FROM y;"

    "INSERT INTO area_group (id, year, position, name, lineage) "
    "SELECT 1 + y, %d + y, 1, 'Samverkan', 1 FROM y;"
    "INSERT INTO area (id, group_id, position, name, lineage) "
    "SELECT 1 + y * 4 + k.i, 1 + y, k.i, CASE k.i WHEN 0 THEN 'Förebyggande' WHEN 1 THEN 'Rehabilitering' WHEN 2 THEN 'Strukturinsatser' ELSE 'Kansli' END, 1 + k.i "
    "FROM y, (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) AS k;"
    "INSERT INTO target_group (id, year, position, name) "
    "SELECT 1 + y * 3 + k.i, %d + y, k.i, CASE k.i WHEN 0 THEN 'Unga vuxna 16–29 år' WHEN 1 THEN 'Långtidssjukskrivna' ELSE 'Nyanlända' END "
    "FROM y, (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2) AS k;"

    "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, previous_budget, previous_actual, comment) "
    "SELECT %d + y, 1 + y * 4 + i %% 4, CASE WHEN i %% 10 = 0 THEN 3530 ELSE 4600 END, i, 'Budgetpost ' || i || ' år ' || (%d + y), "
    "  (i * 104729 + y * 7919 + %d) %% 100000000, (i * 1299709 + %d) %% 100000000, (i * 15485863 + %d) %% 100000000, "
    "  (i * 179424673 + y) %% 100000000, (i * 32452843 + y) %% 100000000, CASE WHEN i %% 3 = 0 THEN 'En kommentar' ELSE '' END "
    "FROM y, lines_n;"

    "INSERT INTO goal (year, position, kind, text, indicator, target_value, area_id) "
    "SELECT %d + y, k.i, 'strategic', 'Inriktningsmål ' || k.i || ' för ' || (%d + y), '', '', 1 + y * 4 + k.i %% 4 "
    "FROM y, (SELECT 1 AS i UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) AS k;"

    "INSERT INTO project (id, name, short_name, kind, owner_id, area_id, status, start_date, end_date, planned_participants, archived) "
    "SELECT y * %d + i, "
    "  CASE (i * 31 + %d) %% 5 WHEN 0 THEN 'Samverkan kring unga vuxna ' WHEN 1 THEN 'Steget vidare ' "
    "    WHEN 2 THEN 'Arbetsträning i ' WHEN 3 THEN 'Hälsa och arbete ' ELSE 'Språkstöd ' END "
    "    || (SELECT name FROM member WHERE id = 1 + (i * 7 + y + %d) %% %d) || ' ' || (%d + y) || '–' || i, "
    "  'P' || (%d + y) || '-' || i, CASE WHEN i %% 5 = 0 THEN 'initiative' ELSE 'project' END, "
    "  1 + (i * 7 + y + %d) %% %d, 1 + y * 4 + i %% 4, "
    "  CASE WHEN y < %d - 3 THEN (CASE i %% 3 WHEN 0 THEN 'implemented' ELSE 'finished' END) "
    "       WHEN y = %d - 1 THEN 'application' ELSE 'ongoing' END, "
    "  (%d + y) || '-0' || (1 + i %% 9) || '-01', (%d + y + 1 + i %% 2) || '-12-31', 10 + (i * 13 + %d) %% 90, "
    "  CASE WHEN y < %d - 10 AND i %% 2 = 0 THEN 1 ELSE 0 END "
    "FROM y, projects_n;"

    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, CAST (substr (start_date, 1, 4) AS INTEGER), (id * 7919 + %d) %% 1000000 * 100 FROM project;"
    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, CAST (substr (start_date, 1, 4) AS INTEGER) + 1, (id * 104729 + %d) %% 1000000 * 100 FROM project WHERE id %% 2 = 0;"
    "INSERT INTO project_cofunding (project_id, member_id, year, amount, in_kind) "
    "SELECT id, 1 + (id + 3) %% %d, CAST (substr (start_date, 1, 4) AS INTEGER), (id * 31 + %d) %% 100000 * 100, id %% 2 FROM project;"
    "INSERT INTO project_decision (project_id, date, paragraph, text, status) "
    "SELECT id, (CAST (substr (start_date, 1, 4) AS INTEGER) - 1) || '-11-21', '§ ' || (id %% 90), 'Beviljas.', 'granted' FROM project;"
    "INSERT INTO project_target_group (project_id, target_group_id) "
    "SELECT id, 1 + (CAST (substr (start_date, 1, 4) AS INTEGER) - %d) * 3 + id %% 3 FROM project;"
    "INSERT INTO project_participants (project_id, year, planned, women, men, age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) "
    "SELECT id, CAST (substr (start_date, 1, 4) AS INTEGER), 0, (id + %d) %% 40, id %% 30, id %% 20, (id + %d) %% 50, id %% 7, id %% 5, id %% 3 FROM project;"
    "INSERT INTO goal (project_id, position, kind, text, indicator, target_value, outcome) "
    "SELECT id, k.i, 'measurable', 'Mätbart mål ' || k.i || ' för ' || short_name, 'Andel i arbete eller studier', (20 + (id + k.i) %% 40) || ' %%', '' "
    "FROM project, (SELECT 1 AS i UNION ALL SELECT 2) AS k;"

    /* Adopted last: the core refuses rows in an adopted year. */
    "UPDATE plan_year SET status = 'adopted', decision_date = year - 1 || '-12-10', decision_paragraph = '§ 12' WHERE year < %d;"
    "DROP TABLE y; DROP TABLE members_n; DROP TABLE lines_n; DROP TABLE projects_n;",
    N_YEARS - 1, n_members, n_lines, n_projects,
    seed,
    FIRST_YEAR, seed,
    FIRST_YEAR,
    FIRST_YEAR,
    FIRST_YEAR, FIRST_YEAR, seed, seed, seed,
    FIRST_YEAR, FIRST_YEAR,
    n_projects, seed, seed, n_members, FIRST_YEAR,
    FIRST_YEAR, seed, n_members,
    N_YEARS, N_YEARS,
    FIRST_YEAR, FIRST_YEAR, seed,
    N_YEARS,
    seed, seed,
    n_members, seed,
    FIRST_YEAR,
    seed, seed,
    FIRST_YEAR + N_YEARS - 2);

  sp_database_set_recording (db, FALSE);
  if (!sp_database_edit_begin (db, &error))
    goto fail;
  if (!sp_database_exec (db, sql, &error))
    {
      sp_database_edit_rollback (db);
      goto fail;
    }
  if (!sp_database_edit_commit (db, NULL, &error))
    goto fail;
  sp_database_set_recording (db, TRUE);

  {
    sqlite3 *conn = sp_database_get_handle (db);

    for (guint i = 0; i < G_N_ELEMENTS (count_sql); i++)
      {
        g_autofree char *q = g_strdup_printf ("SELECT count(*) FROM %s", count_sql[i]);
        sqlite3_stmt *stmt = NULL;

        if (sqlite3_prepare_v2 (conn, q, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
          g_string_append_printf (counts, " %s=%lld", count_sql[i], (long long) sqlite3_column_int64 (stmt, 0));
        sqlite3_finalize (stmt);
      }
  }
  g_clear_object (&db);
  {
    GStatBuf st;
    long long size = g_stat (path, &st) == 0 ? (long long) st.st_size : 0;

    g_print ("RESULT scale=%g seed=%d%s bytes=%lld seconds=%.3f\n",
             scale, seed, counts->str, size, (g_get_monotonic_time () - start) / 1e6);
  }
  return 0;

fail:
  g_printerr ("bench-generate: %s\n", error->message);
  g_clear_object (&db);
  g_unlink (path);
  return 1;
}
