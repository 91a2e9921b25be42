/* sp-export-portfolio.c: the project portfolio sheet, an Excel table with live totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-export-private.h"

/* ---- The portfolio -------------------------------------------------------- */

/* The sheet's columns. The treasurer's has no in-kind column (its
 * co-funding column is everyone's, money and in kind together) and no role
 * column; see column_of(). */
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
  /* The treasurer's: all co-funding; a member's: its own, in money. */
  PCOL_COFUNDING = PCOL_GRANTED + SP_PLAN_YEARS,
  /* Only in a member's workbook: its own co-funding in kind. */
  PCOL_COFUNDING_IN_KIND,
  PCOL_WOMEN,
  PCOL_MEN,
  PCOL_DECISION,
  PCOL_PARAGRAPH,
  PCOL_DECISION_TEXT,
  /* Only in a member's workbook: what the project is to that member. */
  PCOL_ROLE,
  N_PCOLS
};

/* Column widths, in characters, of the columns whose text wraps. */
#define NAME_WIDTH 32
#define OWNER_WIDTH 20
#define AREA_WIDTH 20
#define TARGET_GROUPS_WIDTH 28
#define DECISION_TEXT_WIDTH 30

/* Whether logical column @c is in the sheet, and where. */
static gboolean
has_column (gboolean member,
            guint    c)
{
  return member || (c != PCOL_COFUNDING_IN_KIND && c != PCOL_ROLE);
}

static lxw_col_t
column_of (gboolean member,
           guint    c)
{
  return (lxw_col_t) (member || c < PCOL_COFUNDING_IN_KIND ? c : c - 1);
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
    if (g_array_index (p->cofunders, SpProjectCofundingRow, i).member_id == member_id)
      return _("Co-funder");
  return "";
}

/* The co-funding the cell shows: everyone's together (@member_id 0), or the
 * member's own in money or (@in_kind) in kind. FALSE: none, an empty cell. */
static gboolean
cofunding_of (const ProjectRow *p,
              gint64            member_id,
              gboolean          in_kind,
              SpMoney          *out_amount)
{
  gboolean found = FALSE;

  *out_amount = 0;
  for (guint i = 0; i < p->cofunders->len; i++)
    {
      const SpProjectCofundingRow *c = &g_array_index (p->cofunders, SpProjectCofundingRow, i);

      if (member_id != 0 && (c->member_id != member_id || c->in_kind != in_kind))
        continue;
      *out_amount += c->amount;
      found = TRUE;
    }
  return found;
}

void
sp_export_write_projects_sheet (Book       *book,
                                const char *name,
                                gint64      member_id)
{
  const ExportData *data = book->data;
  lxw_worksheet *sheet = sp_export_add_sheet (book, name);
  gboolean member = member_id != 0;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  char *heads[N_PCOLS] = { NULL };
  lxw_table_column columns[N_PCOLS];
  lxw_table_column *column_pointers[N_PCOLS + 1];
  const lxw_row_t head = 3;
  SpMoney sums[N_PCOLS] = { 0 };
  lxw_row_t total_row;
  /* Every member pays for the whole portfolio, so every member's workbook
   * lists all of it, with a last column that says which are its own. */
  guint n_columns = member ? N_PCOLS : N_PCOLS - 2;

  if (sheet == NULL)
    return;
  for (guint i = 0; i < data->projects->len; i++)
    g_ptr_array_add (rows, g_ptr_array_index (data->projects, i));

  subtitle = g_strdup_printf ("%s %d · %s", _("Project portfolio"), data->year, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);

  heads[PCOL_NAME] = g_strdup (_("Project"));
  heads[PCOL_KIND] = g_strdup (_("Kind"));
  heads[PCOL_OWNER] = g_strdup (_("Project owner"));
  heads[PCOL_STATUS] = g_strdup (_("Status"));
  heads[PCOL_AREA] = g_strdup (_("Activity area"));
  heads[PCOL_START] = g_strdup (_("Start"));
  heads[PCOL_END] = g_strdup (_("End"));
  heads[PCOL_TARGET_GROUPS] = g_strdup (_("Target groups"));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    heads[PCOL_GRANTED + y] = g_strdup_printf (_("Granted %d"), data->year + (int) y);
  if (member)
    {
      /* Translators: the head of a member's column with its own co-funding of a project, in money */
      heads[PCOL_COFUNDING] = g_strdup_printf (_("Your co-funding %d, money"), data->year);
      /* Translators: the head of a member's column with its own co-funding of a project, in kind (staff, rooms) */
      heads[PCOL_COFUNDING_IN_KIND] = g_strdup_printf (_("Your co-funding %d, in kind"), data->year);
    }
  else
    heads[PCOL_COFUNDING] = g_strdup_printf (_("Co-funding %d"), data->year);
  heads[PCOL_WOMEN] = g_strdup_printf (_("Participants, women %d"), data->year);
  heads[PCOL_MEN] = g_strdup_printf (_("Participants, men %d"), data->year);
  /* Translators: the head of the column with the date of the project's latest board decision */
  heads[PCOL_DECISION] = g_strdup (_("Latest board decision"));
  /* Translators: the head of the column with a board decision's paragraph, "§ 12". */
  heads[PCOL_PARAGRAPH] = g_strdup (_("§"));
  /* Translators: the head of the column with what the project's latest board decision said */
  heads[PCOL_DECISION_TEXT] = g_strdup (_("Decided"));
  /* Translators: the head of a member's column that says whether it owns or co-funds a project */
  heads[PCOL_ROLE] = g_strdup (_("Your role"));

  if (rows->len == 0)
    {
      for (guint c = 0; c < N_PCOLS; c++)
        if (has_column (member, c))
          sp_export_put_head (book, sheet, head, column_of (member, c), heads[c], c >= PCOL_GRANTED && c < PCOL_DECISION);
      sp_export_put_text (book, sheet, head + 1, 0, _("No projects"), book->subtitle);
      sp_export_setup_page (book, sheet, TRUE, head, 1);
      goto out;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      ProjectRow *p = g_ptr_array_index (rows, r);
      lxw_row_t row = head + 1 + r;
      SpMoney amount = 0;

      guint lines = MAX (MAX (sp_export_wrapped_lines (sp_project_get_name (p->project), NAME_WIDTH),
                              sp_export_wrapped_lines (sp_project_get_owner_name (p->project), OWNER_WIDTH)),
                         MAX (sp_export_wrapped_lines (sp_project_get_area_name (p->project), AREA_WIDTH),
                              sp_export_wrapped_lines (p->target_groups, TARGET_GROUPS_WIDTH)));

      lines = MAX (lines, sp_export_wrapped_lines (p->decision_text, DECISION_TEXT_WIDTH));
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
            sums[PCOL_GRANTED + y] += p->granted[y];
        }
      /* A member's workbook shows its own co-funding, money and in kind apart. */
      for (guint k = 0; k < (member ? 2u : 1u); k++)
        {
          guint c = k == 0 ? PCOL_COFUNDING : PCOL_COFUNDING_IN_KIND;
          gboolean found = cofunding_of (p, member_id, k == 1, &amount);

          sp_export_put_money (book, sheet, row, column_of (member, c), found ? amount : SP_MONEY_NOT_SET, book->money);
          sums[c] += found ? amount : 0;
        }
      if (p->has_participants)
        {
          sp_export_put_number (book, sheet, row, column_of (member, PCOL_WOMEN), p->women, book->integer);
          sp_export_put_number (book, sheet, row, column_of (member, PCOL_MEN), p->men, book->integer);
          sums[PCOL_WOMEN] += p->women;
          sums[PCOL_MEN] += p->men;
        }
      else
        {
          sp_export_check (book, worksheet_write_blank (sheet, row, column_of (member, PCOL_WOMEN), book->integer));
          sp_export_check (book, worksheet_write_blank (sheet, row, column_of (member, PCOL_MEN), book->integer));
        }
      sp_export_put_date (book, sheet, row, column_of (member, PCOL_DECISION), p->decision_date);
      sp_export_put_text (book, sheet, row, column_of (member, PCOL_PARAGRAPH), p->decision_paragraph, book->text);
      sp_export_put_text (book, sheet, row, column_of (member, PCOL_DECISION_TEXT), p->decision_text, book->wrap);
      if (member)
        sp_export_put_text (book, sheet, row, PCOL_ROLE, member_role (p, member_id), book->text);
    }

  /* An Excel table with its autofilter; the total row sums what is shown. */
  total_row = head + 1 + rows->len;
  memset (columns, 0, sizeof columns);
  for (guint c = 0; c < N_PCOLS; c++)
    {
      lxw_col_t at = column_of (member, c);

      if (!has_column (member, c))
        continue;
      columns[at].header = heads[c];
      columns[at].header_format = c >= PCOL_GRANTED && c < PCOL_DECISION ? book->head_right : book->head;
      column_pointers[at] = &columns[at];
    }
  column_pointers[n_columns] = NULL;
  columns[PCOL_NAME].total_string = (char *) _("Total");
  {
    lxw_table_options options = {
      .name = (char *) (member ? "Projekt" : "Projektportfolj"),
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
      lxw_col_t at = column_of (member, c);
      char a[32], b[32];
      g_autofree char *formula = NULL;

      if (!has_column (member, c))
        continue;
      sp_export_cell_name (a, sizeof a, head + 1, at, FALSE);
      sp_export_cell_name (b, sizeof b, total_row - 1, at, FALSE);
      formula = g_strdup_printf ("=SUBTOTAL(9,%s:%s)", a, b);
      if (c < PCOL_WOMEN)
        sp_export_put_money_formula (book, sheet, total_row, at, formula, sums[c], book->money_total);
      else
        sp_export_put_formula (book, sheet, total_row, at, formula, sums[c], book->integer);
    }

  sp_export_check (book, worksheet_set_column (sheet, PCOL_NAME, PCOL_NAME, NAME_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_KIND, PCOL_KIND, 10, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_OWNER, PCOL_OWNER, OWNER_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_STATUS, PCOL_STATUS, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_AREA, PCOL_AREA, AREA_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_START, PCOL_END, 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_TARGET_GROUPS, PCOL_TARGET_GROUPS, TARGET_GROUPS_WIDTH, NULL));
  sp_export_check (book, worksheet_set_column (sheet, PCOL_GRANTED, column_of (member, member ? PCOL_COFUNDING_IN_KIND : PCOL_COFUNDING),
                                               13, NULL));
  sp_export_check (book, worksheet_set_column (sheet, column_of (member, PCOL_WOMEN), column_of (member, PCOL_MEN), 12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, column_of (member, PCOL_DECISION), column_of (member, PCOL_DECISION),
                                               12, NULL));
  sp_export_check (book, worksheet_set_column (sheet, column_of (member, PCOL_PARAGRAPH), column_of (member, PCOL_PARAGRAPH),
                                               7, NULL));
  sp_export_check (book, worksheet_set_column (sheet, column_of (member, PCOL_DECISION_TEXT),
                                               column_of (member, PCOL_DECISION_TEXT), DECISION_TEXT_WIDTH, NULL));
  if (member)
    sp_export_check (book, worksheet_set_column (sheet, PCOL_ROLE, PCOL_ROLE, 14, NULL));
  sp_export_setup_page (book, sheet, TRUE, head, 1);
  /* On paper: the heads wrap to three lines, so their row is as high; the
   * columns go over two landscape pages at a readable size, each page
   * starting with the project's name. */
  worksheet_set_row (sheet, head, 3 * 15, NULL);
  worksheet_fit_to_pages (sheet, 2, 0);
  sp_export_check (book, worksheet_repeat_columns (sheet, PCOL_NAME, PCOL_NAME));

out:
  for (guint c = 0; c < N_PCOLS; c++)
    g_free (heads[c]);
}
