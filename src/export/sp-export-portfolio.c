/* sp-export-portfolio.c: the project portfolio sheet, an Excel table with live totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-export-private.h"

/* ---- The portfolio -------------------------------------------------------- */

enum {
  PCOL_NAME,
  PCOL_KIND,
  PCOL_OWNER,
  PCOL_STATUS,
  PCOL_AREA,
  PCOL_START,
  PCOL_END,
  PCOL_TARGET_GROUPS,
  PCOL_GRANTED,
  PCOL_COFUNDING = PCOL_GRANTED + SP_PLAN_YEARS,
  PCOL_WOMEN,
  PCOL_MEN,
  PCOL_DECISION,
  PCOL_PARAGRAPH,
  /* Only in a member's workbook: what the project is to that member. */
  PCOL_ROLE,
  N_PCOLS
};

/* Column widths, in characters, of the columns whose text wraps. */
#define NAME_WIDTH 32
#define OWNER_WIDTH 20
#define AREA_WIDTH 20
#define TARGET_GROUPS_WIDTH 28

/* How many lines @text takes wrapped in a column @width characters wide:
 * spreadsheet programs do not grow a row for wrapped text by themselves.
 * Words do not fill their lines, and a program without Calibri prints in a
 * wider font, so a line is reckoned at two thirds of the width. */
static guint
wrapped_lines (const char *text,
               guint       width)
{
  glong n = text != NULL ? g_utf8_strlen (text, -1) : 0;
  guint per_line = MAX (1, width * 2 / 3);

  return MAX (1, (guint) ((n + per_line - 1) / per_line));
}

/* The member's part in @p: "Projektägare", "Medfinansiär", or "" when it
 * only pays for it through its contribution, as every member does. */
static const char *
member_role (const ProjectRow *p,
             gint64            member_id)
{
  if (sp_project_get_owner_id (p->project) == member_id)
    return _("Project owner");
  for (guint i = 0; i < p->cofunders->len; i++)
    if (g_array_index (p->cofunders, gint64, i) == member_id)
      return _("Co-funder");
  return "";
}

void
sp_export_write_projects_sheet (Book       *book,
                                const char *name,
                                gint64      member_id)
{
  const ExportData *data = book->data;
  lxw_worksheet *sheet = sp_export_add_sheet (book, name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
  lxw_table_column columns[N_PCOLS];
  lxw_table_column *column_pointers[N_PCOLS + 1];
  const lxw_row_t head = 3;
  SpMoney granted[SP_PLAN_YEARS] = { 0 };
  SpMoney cofunding = 0;
  gint64 women = 0, men = 0;
  lxw_row_t total_row;
  /* Every member pays for the whole portfolio, so every member's workbook
   * lists all of it, with a last column that says which are its own. */
  guint n_columns = member_id == 0 ? PCOL_ROLE : N_PCOLS;

  if (sheet == NULL)
    return;
  for (guint i = 0; i < data->projects->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (data->projects, i));

  subtitle = g_strdup_printf ("%s %d · %s", _("Project portfolio"), data->year, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);

  g_ptr_array_add (heads, g_strdup (_("Project")));
  g_ptr_array_add (heads, g_strdup (_("Kind")));
  g_ptr_array_add (heads, g_strdup (_("Project owner")));
  g_ptr_array_add (heads, g_strdup (_("Status")));
  g_ptr_array_add (heads, g_strdup (_("Activity area")));
  g_ptr_array_add (heads, g_strdup (_("Start")));
  g_ptr_array_add (heads, g_strdup (_("End")));
  g_ptr_array_add (heads, g_strdup (_("Target groups")));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    g_ptr_array_add (heads, g_strdup_printf (_("Granted %d"), data->year + (int) y));
  g_ptr_array_add (heads, g_strdup_printf (_("Co-funding %d"), data->year));
  g_ptr_array_add (heads, g_strdup_printf (_("Participants, women %d"), data->year));
  g_ptr_array_add (heads, g_strdup_printf (_("Participants, men %d"), data->year));
  g_ptr_array_add (heads, g_strdup (_("Board decision")));
  /* Translators: the head of the column with a board decision's paragraph, "§ 12". */
  g_ptr_array_add (heads, g_strdup (_("§")));
  /* Translators: the head of a member's column that says whether it owns or co-funds a project */
  g_ptr_array_add (heads, g_strdup (_("Your role")));

  if (rows->len == 0)
    {
      for (guint c = 0; c < n_columns; c++)
        sp_export_put_head (book, sheet, head, c, g_ptr_array_index (heads, c), c >= PCOL_GRANTED && c < PCOL_DECISION);
      sp_export_put_text (book, sheet, head + 1, 0, _("No projects"), book->subtitle);
      sp_export_setup_page (book, sheet, TRUE, head, 1);
      return;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      ProjectRow *p = g_ptr_array_index (rows, r);
      lxw_row_t row = head + 1 + r;

      guint lines = MAX (MAX (wrapped_lines (sp_project_get_name (p->project), NAME_WIDTH),
                              wrapped_lines (sp_project_get_owner_name (p->project), OWNER_WIDTH)),
                         MAX (wrapped_lines (sp_project_get_area_name (p->project), AREA_WIDTH),
                              wrapped_lines (p->target_groups, TARGET_GROUPS_WIDTH)));

      /* Long names wrap rather than being cut on paper. */
      if (lines > 1)
        worksheet_set_row (sheet, row, 15.0 * lines, NULL);
      sp_export_put_text (book, sheet, row, PCOL_NAME, sp_project_get_name (p->project), book->wrap);
      sp_export_put_text (book, sheet, row, PCOL_KIND, sp_project_kind_get_label (sp_project_get_kind (p->project)), book->text);
      sp_export_put_text (book, sheet, row, PCOL_OWNER, sp_project_get_owner_name (p->project), book->wrap);
      sp_export_put_text (book, sheet, row, PCOL_STATUS, sp_project_status_get_label (sp_project_get_status (p->project)), book->text);
      sp_export_put_text (book, sheet, row, PCOL_AREA, sp_project_get_area_name (p->project), book->wrap);
      sp_export_put_date (book, sheet, row, PCOL_START, sp_project_get_start_date (p->project));
      sp_export_put_date (book, sheet, row, PCOL_END, sp_project_get_end_date (p->project));
      sp_export_put_text (book, sheet, row, PCOL_TARGET_GROUPS, p->target_groups, book->wrap);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          sp_export_put_money (book, sheet, row, PCOL_GRANTED + y, p->has_grant[y] ? p->granted[y] : SP_MONEY_NOT_SET, book->money);
          if (p->has_grant[y])
            granted[y] += p->granted[y];
        }
      sp_export_put_money (book, sheet, row, PCOL_COFUNDING, p->has_cofunding ? p->cofunding : SP_MONEY_NOT_SET, book->money);
      if (p->has_cofunding)
        cofunding += p->cofunding;
      if (p->has_participants)
        {
          sp_export_put_number (book, sheet, row, PCOL_WOMEN, p->women, book->integer);
          sp_export_put_number (book, sheet, row, PCOL_MEN, p->men, book->integer);
          women += p->women;
          men += p->men;
        }
      else
        {
          sp_export_check (book, worksheet_write_blank (sheet, row, PCOL_WOMEN, book->integer));
          sp_export_check (book, worksheet_write_blank (sheet, row, PCOL_MEN, book->integer));
        }
      sp_export_put_date (book, sheet, row, PCOL_DECISION, p->decision_date);
      sp_export_put_text (book, sheet, row, PCOL_PARAGRAPH, p->decision_paragraph, book->text);
      if (member_id != 0)
        sp_export_put_text (book, sheet, row, PCOL_ROLE, member_role (p, member_id), book->text);
    }

  /* An Excel table with its autofilter; the total row sums what is shown. */
  total_row = head + 1 + rows->len;
  memset (columns, 0, sizeof columns);
  for (guint c = 0; c < n_columns; c++)
    {
      columns[c].header = g_ptr_array_index (heads, c);
      columns[c].header_format = c >= PCOL_GRANTED && c < PCOL_DECISION ? book->head_right : book->head;
      column_pointers[c] = &columns[c];
    }
  column_pointers[n_columns] = NULL;
  columns[PCOL_NAME].total_string = (char *) _("Total");
  {
    lxw_table_options options = {
      .name = (char *) (member_id == 0 ? "Projektportfolj" : "Projekt"),
      .style_type = LXW_TABLE_STYLE_TYPE_LIGHT,
      .style_type_number = 9,
      .total_row = LXW_TRUE,
      .columns = column_pointers,
    };
    sp_export_check (book, worksheet_add_table (sheet, head, 0, total_row, n_columns - 1, &options));
  }

  /* Explicit ranges and function 9 (109 is unknown to gnumeric), so that
   * every spreadsheet program computes them; filtered rows are left out. */
  for (guint c = PCOL_GRANTED; c <= PCOL_MEN; c++)
    {
      char a[32], b[32];
      g_autofree char *formula = NULL;

      sp_export_cell_name (a, sizeof a, head + 1, c, FALSE);
      sp_export_cell_name (b, sizeof b, total_row - 1, c, FALSE);
      formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", a, b);
      if (c < PCOL_GRANTED + SP_PLAN_YEARS)
        sp_export_put_money_formula (book, sheet, total_row, c, formula, granted[c - PCOL_GRANTED], book->money_total);
      else if (c == PCOL_COFUNDING)
        sp_export_put_money_formula (book, sheet, total_row, c, formula, cofunding, book->money_total);
      else
        sp_export_put_formula (book, sheet, total_row, c, formula, c == PCOL_WOMEN ? women : men, book->integer);
    }

  sp_export_check (book, worksheet_set_column (sheet, PCOL_NAME, PCOL_NAME, NAME_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_KIND, PCOL_KIND, 10, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_OWNER, PCOL_OWNER, OWNER_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_STATUS, PCOL_STATUS, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_AREA, PCOL_AREA, AREA_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_START, PCOL_END, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_TARGET_GROUPS, PCOL_TARGET_GROUPS, TARGET_GROUPS_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_GRANTED, PCOL_COFUNDING, 13, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_WOMEN, PCOL_MEN, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_DECISION, PCOL_DECISION, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_PARAGRAPH, PCOL_PARAGRAPH, 7, NULL));
  if (member_id != 0)
    sp_export_check (book, worksheet_set_column (sheet, PCOL_ROLE, PCOL_ROLE, 14, NULL));
  sp_export_setup_page (book, sheet, TRUE, head, 1);
  /* On paper: the heads wrap to three lines, so their row is as high; the
   * columns go over two landscape pages at a readable size, each page
   * starting with the project's name. */
  worksheet_set_row (sheet, head, 3 * 15, NULL);
  worksheet_fit_to_pages (sheet, 2, 0);
  sp_export_check (book, worksheet_repeat_columns (sheet, PCOL_NAME, PCOL_NAME));
}
