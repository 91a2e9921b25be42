/* bench-export.c: how fast the Excel export is, against plain libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a timed test: a developer's measurement. Generates a large förbund
 * (the example plus many municipalities, budget lines and projects), then
 * times sp_export_write() writing every workbook against a plain
 * libxlsxwriter program that writes the same sheets with the same number of
 * cells of the same kinds (strings, numbers, dates, formulas, one table per
 * portfolio sheet) from data already in memory. The goal is at most 1.25×.
 *
 *   bench-export [--projects N] [--lines N] [--members N] [--runs N]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sp-budget.h"
#include "sp-contribution.h"
#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-export.h"
#include "sp-member.h"
#include "sp-project.h"

typedef struct {
  char    *name;
  char    *owner;
  gint64   owner_id;
  gint64   cofunder_id;
  char    *start;
  char    *end;
  SpMoney  granted[3];
} BenchProject;

static void
bench_project_free (BenchProject *p)
{
  g_free (p->name);
  g_free (p->owner);
  g_free (p->start);
  g_free (p->end);
  g_free (p);
}

static gboolean
generate (SpDatabase *db,
          int         n_projects,
          int         n_lines,
          int         n_members,
          GError    **error)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO member (id, name, kind, pays_own_share, population, position) "
    "SELECT 100 + i, 'Kommun nummer ' || i, 'municipality', 1, 1000 + (i * 7919) %% 50000, 100 + i FROM n;"

    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, previous_budget, previous_actual, comment) "
    "SELECT 2009, 1 + i %% 7, CASE WHEN i %% 10 = 0 THEN 3530 ELSE 4600 END, 100 + i, 'Budgetpost nummer ' || i, "
    "  (i * 104729) %% 100000000 + 12345, (i * 1299709) %% 100000000, (i * 15485863) %% 100000000, "
    "  (i * 179424673) %% 100000000, (i * 32452843) %% 100000000, CASE WHEN i %% 3 = 0 THEN 'En kommentar' ELSE '' END FROM n;"

    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO project (id, name, short_name, kind, owner_id, area_id, status, start_date, end_date) "
    "SELECT 1000 + i, 'Projekt nummer ' || i || ' för samverkan kring unga vuxna', 'P' || i, "
    "  CASE WHEN i %% 5 = 0 THEN 'initiative' ELSE 'project' END, 1 + i %% 6, 6, 'ongoing', "
    "  '2009-0' || (1 + i %% 9) || '-01', CASE WHEN i %% 5 = 0 THEN NULL ELSE '2010-12-31' END FROM n;"

    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, 2009, (id * 7919) %% 1000000 * 100 FROM project WHERE id > 1000;"
    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, 2010, (id * 104729) %% 1000000 * 100 FROM project WHERE id > 1000 AND id %% 2 = 0;"
    "INSERT INTO project_cofunding (project_id, member_id, year, amount, in_kind) "
    "SELECT id, 1 + (id + 3) %% 6, 2009, (id * 31) %% 100000 * 100, id %% 2 FROM project WHERE id > 1000 AND id %% 3 = 0;"
    "INSERT INTO project_participants (project_id, year, planned, women, men, age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) "
    "SELECT id, 2009, 0, id %% 40, id %% 30, id %% 20, id %% 50, 0, 0, 0 FROM project WHERE id > 1000;"
    "INSERT INTO project_decision (project_id, date, paragraph, text, status) "
    "SELECT id, '2008-11-21', '§ ' || (id %% 90), 'Beviljas.', 'granted' FROM project WHERE id > 1000;"
    "INSERT INTO project_target_group (project_id, target_group_id) "
    "SELECT id, 1 + id %% 6 FROM project WHERE id > 1000;"
    "INSERT INTO project_target_group (project_id, target_group_id) "
    "SELECT id, 1 + (id + 2) %% 6 FROM project WHERE id > 1000;",
    n_members, n_lines, n_projects);

  sp_database_set_recording (db, FALSE);
  if (!sp_database_edit_begin (db, error))
    return FALSE;
  if (!sp_database_exec (db, sql, error))
    {
      sp_database_edit_rollback (db);
      return FALSE;
    }
  if (!sp_database_edit_commit (db, NULL, error))
    return FALSE;
  sp_database_set_recording (db, TRUE);
  return TRUE;
}

/* ---- The plain libxlsxwriter program ---------------------------------------- */

typedef struct {
  GPtrArray  *lines;          /* SpBudgetLine */
  GPtrArray  *contributions;  /* SpContribution */
  GPtrArray  *projects;       /* BenchProject */
} Plain;

static void
plain_sheet_setup (lxw_worksheet *ws)
{
  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, 3, 3);
  worksheet_freeze_panes (ws, 4, 1);
  worksheet_set_header (ws, "&LFörbundet&RVerksamhetsplan och budget 2009");
  worksheet_set_footer (ws, "&LMottagare&RSida &P av &N");
}

static void
plain_write (const Plain *plain,
             const char  *path,
             gint64       member_id)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *cover = workbook_add_worksheet (wb, "Översikt");
  lxw_worksheet *budget = workbook_add_worksheet (wb, "Budget");
  lxw_worksheet *fees = workbook_add_worksheet (wb, "Medlemsavgifter");
  lxw_worksheet *projects = workbook_add_worksheet (wb, "Projekt");
  lxw_format *money = workbook_add_format (wb);
  lxw_format *bold = workbook_add_format (wb);
  lxw_format *date = workbook_add_format (wb);
  lxw_row_t row = 4;
  char formula[64];
  lxw_table_column columns[16] = { { 0 } };
  lxw_table_column *column_pointers[17];
  lxw_table_options options = { .total_row = LXW_TRUE, .columns = column_pointers };
  static const char *heads[16] = {
    "Projekt", "Slag", "Projektägare", "Status", "Verksamhetsområde", "Start", "Slut", "Målgrupper",
    "Beviljat 2009", "Beviljat 2010", "Beviljat 2011", "Medfinansiering 2009", "Kvinnor", "Män",
    "Styrelsebeslut", "§" };

  format_set_num_format (money, "#,##0");
  format_set_bold (bold);
  format_set_num_format (date, "yyyy-mm-dd");

  worksheet_write_string (cover, 0, 0, "Till medlemmen", bold);
  for (int i = 0; i < 20; i++)
    worksheet_write_formula_num (cover, 4 + i, 1, "='Medlemsavgifter'!$E$5", money, 1000);

  for (int c = 0; c < 8; c++)
    worksheet_write_string (budget, 3, c, "Rubrik", bold);
  for (guint i = 0; i < plain->lines->len; i++, row++)
    {
      SpBudgetLine *line = g_ptr_array_index (plain->lines, i);

      worksheet_write_number (budget, row, 0, sp_budget_line_get_account (line), NULL);
      worksheet_write_string (budget, row, 1, sp_budget_line_get_text (line), NULL);
      for (int c = 0; c < 5; c++)
        worksheet_write_number (budget, row, 2 + c, sp_budget_line_get_amount (line, c) / 100.0, money);
      if (sp_budget_line_get_comment (line)[0] != '\0')
        worksheet_write_string (budget, row, 7, sp_budget_line_get_comment (line), NULL);
      if (i % 50 == 49)
        {
          row++;
          for (int c = 0; c < 5; c++)
            {
              g_snprintf (formula, sizeof formula, "=SUM(C%u:C%u)", row - 49, row);
              worksheet_write_formula_num (budget, row, 2 + c, formula, money, 0);
            }
        }
    }
  plain_sheet_setup (budget);

  row = 4;
  for (guint i = 0; i < plain->contributions->len; i++, row++)
    {
      SpContribution *c = g_ptr_array_index (plain->contributions, i);

      worksheet_write_string (fees, row, 0, c->name, NULL);
      worksheet_write_string (fees, row, 1, "Kommun", NULL);
      worksheet_write_formula_num (fees, row, 2, "=E5/$E$12", NULL, 0.1);
      worksheet_write_number (fees, row, 3, (double) c->key_value, NULL);
      for (int y = 0; y < 3; y++)
        worksheet_write_number (fees, row, 4 + y, c->amount[y] / 100.0, money);
    }
  plain_sheet_setup (fees);

  row = 4;
  for (guint i = 0; i < plain->projects->len; i++)
    {
      BenchProject *p = g_ptr_array_index (plain->projects, i);
      lxw_datetime dt = { 2009, 1, 1, 0, 0, 0 };

      if (member_id != 0 && p->owner_id != member_id && p->cofunder_id != member_id)
        continue;
      worksheet_write_string (projects, row, 0, p->name, NULL);
      worksheet_write_string (projects, row, 1, "Projekt", NULL);
      worksheet_write_string (projects, row, 2, p->owner, NULL);
      worksheet_write_string (projects, row, 3, "Pågående", NULL);
      worksheet_write_string (projects, row, 4, "Beviljade projekt", NULL);
      worksheet_write_datetime (projects, row, 5, &dt, date);
      worksheet_write_datetime (projects, row, 6, &dt, date);
      worksheet_write_string (projects, row, 7, "Unga vuxna 16–29 år; Psykisk ohälsa", NULL);
      for (int y = 0; y < 3; y++)
        worksheet_write_number (projects, row, 8 + y, p->granted[y] / 100.0, money);
      worksheet_write_number (projects, row, 11, 1000, money);
      worksheet_write_number (projects, row, 12, 10, NULL);
      worksheet_write_number (projects, row, 13, 12, NULL);
      worksheet_write_datetime (projects, row, 14, &dt, date);
      worksheet_write_string (projects, row, 15, "§ 12", NULL);
      row++;
    }
  for (int c = 0; c < 16; c++)
    {
      columns[c].header = (char *) heads[c];
      column_pointers[c] = &columns[c];
    }
  column_pointers[16] = NULL;
  if (row > 4)
    {
      worksheet_add_table (projects, 3, 0, row, 15, &options);
      for (int c = 8; c < 14; c++)
        {
          g_snprintf (formula, sizeof formula, "=SUBTOTAL(9,%c5:%c%u)", 'A' + c, 'A' + c, row);
          worksheet_write_formula_num (projects, row, c, formula, money, 0);
        }
    }
  plain_sheet_setup (projects);
  workbook_close (wb);
}

static Plain *
plain_load (SpDatabase *db)
{
  Plain *plain = g_new0 (Plain, 1);
  g_autoptr(SpRecordList) lines = sp_budget_line_list_new (db, SP_EXAMPLE_YEAR);
  g_autoptr(SpRecordList) projects = sp_project_list_new (db);
  g_autoptr(GHashTable) figures = sp_project_get_year_figures (db, SP_EXAMPLE_YEAR, NULL);
  guint n;

  plain->lines = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (lines));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (plain->lines, g_list_model_get_item (G_LIST_MODEL (lines), i));
  plain->contributions = sp_contributions_compute (db, SP_EXAMPLE_YEAR, NULL);
  plain->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) bench_project_free);
  n = g_list_model_get_n_items (G_LIST_MODEL (projects));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpProject) p = g_list_model_get_item (G_LIST_MODEL (projects), i);
      gint64 id = sp_record_get_id (SP_RECORD (p));
      SpProjectYearFigures *f = g_hash_table_lookup (figures, &id);
      BenchProject *b;

      if (f == NULL || !f->active)
        continue;
      b = g_new0 (BenchProject, 1);
      b->name = g_strdup (sp_project_get_name (p));
      b->owner = g_strdup (sp_project_get_owner_name (p));
      b->owner_id = sp_project_get_owner_id (p);
      b->granted[0] = f->granted;
      /* As generated: every third project is co-funded by one member. */
      b->cofunder_id = id > 1000 && id % 3 == 0 ? 1 + (id + 3) % 6 : 0;
      g_ptr_array_add (plain->projects, b);
    }
  return plain;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  int n_projects = 10000, n_lines = 1000, n_members = 20, runs = 3;
  g_autofree char *tmp = g_dir_make_tmp ("samplan-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (tmp, "stor.db", NULL);
  g_autofree char *out = g_build_filename (tmp, "ut", NULL);
  g_autofree char *plain_out = g_build_filename (tmp, "plain", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  double best_export = G_MAXDOUBLE, best_plain = G_MAXDOUBLE;
  Plain *plain;
  gint64 start;

  setlocale (LC_ALL, "");
  for (int i = 1; i + 1 < argc; i += 2)
    {
      int value = atoi (argv[i + 1]);
      if (g_str_equal (argv[i], "--projects"))
        n_projects = value;
      else if (g_str_equal (argv[i], "--lines"))
        n_lines = value;
      else if (g_str_equal (argv[i], "--members"))
        n_members = value;
      else if (g_str_equal (argv[i], "--runs"))
        runs = value;
    }
  g_mkdir (out, 0755);
  g_mkdir (plain_out, 0755);

  start = g_get_monotonic_time ();
  db = sp_example_create (db_path, &error);
  if (db == NULL || !generate (db, n_projects, n_lines, n_members, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("generated %d projects, %d budget lines, %d extra members in %.2f s\n",
           n_projects, n_lines, n_members, seconds_since (start));

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
      SpExportOptions options;

      sp_export_options_init (&options, SP_EXAMPLE_YEAR);
      start = g_get_monotonic_time ();
      if (!sp_export_write (db, out, &options, written, &error))
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }
      best_export = MIN (best_export, seconds_since (start));
      if (r == 0)
        g_print ("export: %u workbooks\n", written->len);
    }

  {
    g_autoptr(GPtrArray) planned = NULL;
    SpExportOptions options;

    sp_export_options_init (&options, SP_EXAMPLE_YEAR);
    start = g_get_monotonic_time ();
    planned = sp_export_plan (db, out, &options, NULL);
    g_print ("of which loading the data (sp_export_plan): %.3f s\n", seconds_since (start));
  }
  plain = plain_load (db);
  for (int r = 0; r < runs; r++)
    {
      start = g_get_monotonic_time ();
      for (guint w = 0; w <= plain->contributions->len; w++)
        {
          g_autofree char *name = g_strdup_printf ("%s/%u.xlsx", plain_out, w);
          gint64 member = w == 0 ? 0 : ((SpContribution *) g_ptr_array_index (plain->contributions, w - 1))->member_id;
          plain_write (plain, name, member);
        }
      best_plain = MIN (best_plain, seconds_since (start));
    }

  g_print ("sp_export_write (every workbook, data loaded from the database): %.3f s\n", best_export);
  g_print ("plain libxlsxwriter (the same sheets, data in memory):            %.3f s\n", best_plain);
  g_print ("ratio: %.2f× (goal: at most 1.25×)\n", best_export / best_plain);

  g_ptr_array_unref (plain->lines);
  g_ptr_array_unref (plain->contributions);
  g_ptr_array_unref (plain->projects);
  g_free (plain);
  g_clear_object (&db);
  {
    g_autoptr(GDir) d = NULL;
    const char *dirs[] = { out, plain_out };
    for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
      {
        const char *name;
        d = g_dir_open (dirs[i], 0, NULL);
        while (d != NULL && (name = g_dir_read_name (d)) != NULL)
          {
            g_autofree char *file = g_build_filename (dirs[i], name, NULL);
            g_unlink (file);
          }
        g_clear_pointer (&d, g_dir_close);
        g_rmdir (dirs[i]);
      }
    g_unlink (db_path);
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
      g_unlink (wal);
      g_unlink (shm);
    }
    g_rmdir (tmp);
  }
  return 0;
}
