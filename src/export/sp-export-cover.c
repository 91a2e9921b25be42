/* sp-export-cover.c: the first sheet: the treasurer's summary or a member's cover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-export-private.h"
#include "sp-plan-year.h"

/* ---- Summary and cover ---------------------------------------------------- */

/* "Status: Adopted" and, when adopted, the board's decision as a real date. */
static void
put_status_rows (Book          *book,
                 lxw_worksheet *sheet,
                 lxw_row_t     *row,
                 lxw_format    *label_format)
{
  SpPlanYear *plan = book->data->plan;
  SpYearStatus status = sp_plan_year_is_adopted (plan) ? SP_YEAR_STATUS_ADOPTED : SP_YEAR_STATUS_DRAFT;

  sp_export_put_text (book, sheet, *row, 0, _("Status"), label_format);
  sp_export_put_text (book, sheet, (*row)++, 1, sp_year_status_get_label (status), book->text);
  if (status == SP_YEAR_STATUS_ADOPTED)
    {
      sp_export_put_text (book, sheet, *row, 0, _("Adopted by the board"), label_format);
      sp_export_put_date (book, sheet, *row, 1, sp_plan_year_get_decision_date (plan));
      sp_export_put_text (book, sheet, (*row)++, 2, sp_plan_year_get_decision_paragraph (plan), book->text);
    }
}

/* Label, then the three plan years' values from the same row of @sheet. */
static void
put_year_heads (Book          *book,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                const char    *first)
{
  sp_export_put_head (book, sheet, row, 0, first, FALSE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *title = sp_budget_column_get_title ((SpBudgetColumn) y, book->data->year);
      sp_export_put_head (book, sheet, row, 1 + y, title, TRUE);
    }
}

static void
put_reference_row (Book          *book,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   const char    *label,
                   const char    *other_sheet,
                   lxw_row_t      other_row,
                   lxw_col_t      other_first_col,
                   const SpMoney *values,
                   lxw_format    *label_format,
                   lxw_format    *format)
{
  sp_export_put_text (book, sheet, row, 0, label, label_format);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *ref = NULL;
      g_autofree char *formula = NULL;

      if (values[y] == SP_MONEY_NOT_SET)
        continue;
      ref = sp_export_sheet_cell (other_sheet, other_row, other_first_col + y);
      formula = g_strconcat ("=", ref, NULL);
      sp_export_put_money_formula (book, sheet, row, 1 + y, formula, values[y], format);
    }
}

/* On a member's cover: what it gives the year's projects itself, beside its
 * contribution, in money and in kind apart, and their sum; a line saying so
 * when it gives nothing. Each project's part is on the sheet of projects. */
static void
put_cofunding_block (Book                 *book,
                     lxw_worksheet        *sheet,
                     lxw_row_t            *row,
                     const SpContribution *member)
{
  const ExportData *data = book->data;
  /* Translators: a block on a member's cover: its own co-funding of the year's projects, e.g. "Your co-funding 2009" */
  g_autofree char *head = g_strdup_printf (_("Your co-funding %d"), data->year);
  SpMoney sums[2] = { SP_MONEY_NOT_SET, SP_MONEY_NOT_SET };   /* in money, in kind */
  lxw_row_t first;

  for (guint i = 0; i < data->projects->len; i++)
    {
      const ProjectRow *p = g_ptr_array_index (data->projects, i);

      for (guint k = 0; k < p->cofunders->len; k++)
        {
          const SpProjectCofundingRow *c = &g_array_index (p->cofunders, SpProjectCofundingRow, k);
          SpMoney *sum = &sums[c->in_kind ? 1 : 0];

          if (c->member_id == member->member_id)
            *sum = *sum == SP_MONEY_NOT_SET ? c->amount : *sum + c->amount;
        }
    }

  sp_export_put_head (book, sheet, *row, 0, head, FALSE);
  sp_export_put_head (book, sheet, (*row)++, 1, "", TRUE);
  if (sums[0] == SP_MONEY_NOT_SET && sums[1] == SP_MONEY_NOT_SET)
    {
      sp_export_put_text (book, sheet, (*row)++, 0, _("No co-funding"), book->text);
      (*row)++;
      return;
    }
  first = *row;
  sp_export_put_text (book, sheet, *row, 0, _("In money"), book->text);
  sp_export_put_money (book, sheet, (*row)++, 1, sums[0], book->money);
  sp_export_put_text (book, sheet, *row, 0, _("In kind"), book->text);
  sp_export_put_money (book, sheet, (*row)++, 1, sums[1], book->money);
  sp_export_put_text (book, sheet, *row, 0, _("Total"), book->total_text);
  {
    g_autofree char *formula = sp_export_sum_of_range (first, *row - 1, 1);
    sp_export_put_money_formula (book, sheet, (*row)++, 1, formula,
                                 sp_export_money_add (sp_export_money_add (0, sums[0]), sums[1]),
                                 book->money_total);
  }
  {
    /* Translators: under a member's co-funding on its cover; %s is the name of its sheet of projects */
    g_autofree char *note = g_strdup_printf (_("Beside your contribution; each project’s part is on the sheet “%s”."),
                                             _("Projects"));
    sp_export_put_text (book, sheet, (*row)++, 0, note, book->subtitle);
  }
  (*row)++;
}

void
sp_export_write_summary_sheet (Book             *book,
                               lxw_worksheet    *sheet,
                               const BudgetRows *budget,
                               const FeeRows    *fees)
{
  const ExportData *data = book->data;
  const SpBudgetTotals *totals = data->totals;
  g_autofree char *subtitle = g_strdup_printf (_("Operational plan and budget %d"), data->year);
  lxw_row_t row = 3;
  lxw_row_t first_fee;
  SpMoney values[SP_PLAN_YEARS];
  SpMoney sums[SP_PLAN_YEARS] = { 0 };

  if (sheet == NULL)
    return;
  sp_export_put_sheet_title (book, sheet, subtitle);

  sp_export_put_text (book, sheet, row, 0, _("Coordination association"), book->bold);
  sp_export_put_text (book, sheet, row++, 1, data->association->name, book->text);
  sp_export_put_text (book, sheet, row, 0, _("Organisation number"), book->bold);
  sp_export_put_text (book, sheet, row++, 1, data->association->org_number, book->text);
  sp_export_put_text (book, sheet, row, 0, _("Year"), book->bold);
  sp_export_put_number (book, sheet, row++, 1, data->year, book->year_number);
  put_status_rows (book, sheet, &row, book->bold);
  sp_export_put_text (book, sheet, row, 0, _("Amounts"), book->bold);
  sp_export_put_text (book, sheet, row++, 1, sp_export_unit_word (book->unit), book->text);
  row++;

  put_year_heads (book, sheet, row++, _("Budget frame and contributions"));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = sp_plan_year_get_frame (data->plan, y);
  put_reference_row (book, sheet, row++, _("Budget frame"), sp_export_fees_sheet_name (), fees->frame, 4,
                     values, book->bold, book->money_bold);
  first_fee = row;
  for (guint i = 0; i < data->contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, i);
      g_autofree char *label = sp_contribution_dup_label (c, data->year);

      put_reference_row (book, sheet, row++, label, sp_export_fees_sheet_name (), fees->first + i, 4,
                         c->amount, book->line_text, book->money);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        sums[y] = sp_export_money_add (sums[y], c->amount[y]);
    }
  sp_export_put_text (book, sheet, row, 0, _("Total contributions"), book->total_text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      if (values[y] == SP_MONEY_NOT_SET)
        continue;
      if (data->contributions->len > 0)
        {
          g_autofree char *formula = sp_export_sum_of_range (first_fee, row - 1, 1 + y);
          sp_export_put_money_formula (book, sheet, row, 1 + y, formula, sums[y], book->money_total);
        }
    }
  row += 2;

  put_year_heads (book, sheet, row++, _("Budget"));
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.revenue[y];
  put_reference_row (book, sheet, row++, _("Total revenue"), sp_export_budget_sheet_name (), budget->revenue_total,
                     BUDGET_YEAR_COL, values, book->text, book->money);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.costs[y];
  put_reference_row (book, sheet, row++, _("Total costs"), sp_export_budget_sheet_name (), budget->cost_total,
                     BUDGET_YEAR_COL, values, book->text, book->money);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = totals->total.result[y];
  put_reference_row (book, sheet, row++, _("Result (revenue − costs)"), sp_export_budget_sheet_name (), budget->result,
                     BUDGET_YEAR_COL, values, book->total_text, book->money_total);
  values[0] = totals->equity_used[SP_BUDGET_COLUMN_BUDGET];
  values[1] = values[2] = SP_MONEY_NOT_SET;
  put_reference_row (book, sheet, row++, _("Equity used"), sp_export_budget_sheet_name (), budget->equity,
                     BUDGET_YEAR_COL, values, book->text, book->money);

  sp_export_check (book, worksheet_set_column (sheet, 0, 0, 36, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 1, SP_PLAN_YEARS, 16, NULL));
  sp_export_setup_page (book, sheet, FALSE, -1, 0);
}

void
sp_export_write_cover_sheet (Book                 *book,
                             lxw_worksheet        *sheet,
                             const SpContribution *member,
                             const FeeRows        *fees,
                             guint                 member_index)
{
  const ExportData *data = book->data;
  g_autofree char *to = g_strdup_printf (_("To %s"), member->name);
  g_autofree char *subtitle = g_strdup_printf (_("Member contribution to %s for %d"),
                                               data->association->name, data->year);
  g_auto(GStrv) address = NULL;
  SpMoney values[SP_PLAN_YEARS];
  lxw_row_t row = 3;
  lxw_row_t contribution_row, frame_row;
  const char *note = sp_export_contribution_note (member);

  if (sheet == NULL)
    return;
  sp_export_put_text (book, sheet, 0, 0, to, book->title);
  sp_export_put_text (book, sheet, 1, 0, subtitle, book->subtitle);

  put_year_heads (book, sheet, row++, _("Your contribution"));
  contribution_row = row;
  /* What the member is invoiced is never rounded to tkr. */
  put_reference_row (book, sheet, row++, member->name, sp_export_fees_sheet_name (), fees->first + member_index, 4,
                     member->amount, book->bold, book->money_invoice);
  frame_row = row;
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    values[y] = sp_plan_year_get_frame (data->plan, y);
  put_reference_row (book, sheet, row++, _("Budget frame"), sp_export_fees_sheet_name (), fees->frame, 4,
                     values, book->text, book->money);
  sp_export_put_text (book, sheet, row, 0, _("Your share of the frame"), book->text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      char a[32], f[32];
      g_autofree char *formula = NULL;

      if (values[y] == SP_MONEY_NOT_SET || values[y] == 0 || member->amount[y] == SP_MONEY_NOT_SET)
        continue;
      sp_export_cell_name (a, sizeof a, contribution_row, 1 + y, FALSE);
      sp_export_cell_name (f, sizeof f, frame_row, 1 + y, FALSE);
      formula = g_strdup_printf ("=%s/%s", a, f);
      sp_export_put_formula (book, sheet, row, 1 + y, formula, (double) member->amount[y] / (double) values[y],
                             book->percent_fine);
    }
  row++;
  if (note != NULL)
    sp_export_put_text (book, sheet, row++, 0, note, book->subtitle);
  if (book->unit == SP_MONEY_UNIT_TKR)
    sp_export_put_text (book, sheet, row++, 0,
                        _("Your contribution in kronor, as you are invoiced; the other amounts in tkr, rounded."),
                        book->subtitle);
  row++;

  sp_export_write_invoice_block (book, sheet, &row, member);
  put_cofunding_block (book, sheet, &row, member);

  sp_export_put_head (book, sheet, row, 0, _("Shares by law"), FALSE);
  sp_export_put_head (book, sheet, row, 1, _("Share"), TRUE);
  row++;
  for (SpMemberKind kind = SP_MEMBER_KIND_STATE; kind <= SP_MEMBER_KIND_MUNICIPALITY; kind++)
    {
      sp_export_put_text (book, sheet, row, 0, sp_export_part_label (kind), book->text);
      sp_export_put_percent (book, sheet, row++, 1, sp_export_part_share (data->plan, kind));
    }
  sp_export_put_text (book, sheet, row, 0, _("Allocation key of the municipalities"), book->text);
  sp_export_put_text (book, sheet, row++, 1, sp_allocation_key_get_label (sp_plan_year_get_allocation_key (data->plan)),
                      book->text);
  put_status_rows (book, sheet, &row, book->text);
  row++;

  sp_export_put_head (book, sheet, row, 0, _("Contact"), FALSE);
  sp_export_put_head (book, sheet, row++, 1, "", FALSE);
  sp_export_put_text (book, sheet, row++, 0, data->association->name, book->bold);
  address = g_strsplit (data->association->address != NULL ? data->association->address : "", "\n", -1);
  for (guint i = 0; address[i] != NULL; i++)
    {
      g_strstrip (address[i]);
      if (address[i][0] != '\0')
        sp_export_put_text (book, sheet, row++, 0, address[i], book->text);
    }
  if (data->association->org_number != NULL && data->association->org_number[0] != '\0')
    {
      sp_export_put_text (book, sheet, row, 0, _("Organisation number"), book->text);
      sp_export_put_text (book, sheet, row++, 1, data->association->org_number, book->text);
    }

  sp_export_check (book, worksheet_set_column (sheet, 0, 0, 40, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 1, SP_PLAN_YEARS, 16, NULL));
  sp_export_setup_page (book, sheet, FALSE, -1, 0);
}
