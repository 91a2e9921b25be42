/* sp-export-contributions.c: the sheet of the members' contributions and the law's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-export-private.h"
#include "sp-member.h"

/* ---- The contributions sheet -------------------------------------------- */

const char *
sp_export_part_label (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return _("The state");
    case SP_MEMBER_KIND_REGION:
      return _("The region");
    default:
      return _("The municipalities");
    }
}

int
sp_export_part_share (SpPlanYear   *plan,
                      SpMemberKind  kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return sp_plan_year_get_share_state (plan);
    case SP_MEMBER_KIND_REGION:
      return sp_plan_year_get_share_region (plan);
    default:
      return sp_plan_year_get_share_municipalities (plan);
    }
}

static const char *
key_head (SpAllocationKey key)
{
  switch (key)
    {
    case SP_ALLOCATION_KEY_PERCENTAGE:
      return _("Agreed percentage");
    case SP_ALLOCATION_KEY_FIXED:
      return _("Fixed amount");
    default:
      return _("Population");
    }
}

const char *
sp_export_contribution_note (const SpContribution *c)
{
  if (c->pays_own_share)
    return NULL;
  if (c->kind == SP_MEMBER_KIND_STATE)
    return _("Its part is paid with the state’s share through Försäkringskassan.");
  return _("Pays no contribution of its own.");
}

void
sp_export_write_fees_sheet (Book    *book,
                            FeeRows *rows)
{
  const ExportData *data = book->data;
  GPtrArray *contributions = data->contributions;
  SpAllocationKey key = sp_plan_year_get_allocation_key (data->plan);
  lxw_worksheet *sheet = sp_export_add_sheet (book, sp_export_fees_sheet_name ());
  g_autofree char *subtitle = NULL;
  const lxw_row_t head = 3;
  const lxw_col_t first_money = 4;
  lxw_row_t row;
  lxw_row_t last;
  SpMoney sums[SP_PLAN_YEARS] = { 0 };
  gboolean set[SP_PLAN_YEARS];

  if (sheet == NULL)
    return;
  subtitle = g_strdup_printf ("%s %d · %s", _("Member contributions"), data->year, sp_export_unit_word (book->unit));
  sp_export_put_sheet_title (book, sheet, subtitle);

  sp_export_put_head (book, sheet, head, 0, _("Member"), FALSE);
  sp_export_put_head (book, sheet, head, 1, _("Kind"), FALSE);
  sp_export_put_head (book, sheet, head, 2, _("Share of the frame"), TRUE);
  sp_export_put_head (book, sheet, head, 3, key_head (key), TRUE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      g_autofree char *title = sp_budget_column_get_title ((SpBudgetColumn) y, data->year);
      sp_export_put_head (book, sheet, head, first_money + y, title, TRUE);
      set[y] = sp_plan_year_get_frame (data->plan, y) != SP_MONEY_NOT_SET;
    }
  sp_export_put_head (book, sheet, head, first_money + SP_PLAN_YEARS, _("Note"), FALSE);

  rows->first = head + 1;
  rows->sum = rows->first + contributions->len;
  rows->frame = rows->sum + 1;
  last = rows->sum - 1;

  for (guint i = 0; i < contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (contributions, i);
      SpMoney frame = sp_plan_year_get_frame (data->plan, 0);
      g_autofree char *label = sp_contribution_dup_label (c, data->year);

      row = rows->first + i;
      /* A name with its membership note wraps on paper rather than being cut;
       * the row is made as high (a line at two thirds of the 30 wide column). */
      if (g_utf8_strlen (label, -1) > 20)
        worksheet_set_row (sheet, row, 15.0 * (1 + (double) (g_utf8_strlen (label, -1) / 20)), NULL);
      sp_export_put_text (book, sheet, row, 0, label, book->wrap);
      sp_export_put_text (book, sheet, row, 1, sp_member_kind_get_label (c->kind), book->text);
      if (frame != SP_MONEY_NOT_SET && frame != 0 && c->amount[0] != SP_MONEY_NOT_SET)
        {
          char a[32], f[32];
          g_autofree char *formula = NULL;

          sp_export_cell_name (a, sizeof a, row, first_money, FALSE);
          sp_export_cell_name (f, sizeof f, rows->frame, first_money, TRUE);
          formula = g_strdup_printf ("=%s/%s", a, f);
          sp_export_put_formula (book, sheet, row, 2, formula, (double) c->amount[0] / (double) frame,
                                 book->percent_fine);
        }
      if (c->key_value >= 0)
        {
          if (key == SP_ALLOCATION_KEY_POPULATION)
            sp_export_put_number (book, sheet, row, 3, (double) c->key_value, book->integer);
          else if (key == SP_ALLOCATION_KEY_PERCENTAGE)
            sp_export_put_number (book, sheet, row, 3, c->key_value / (double) SP_SHARE_WHOLE, book->percent_fine);
          else
            sp_export_put_money (book, sheet, row, 3, c->key_value, book->money);
        }
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        {
          sp_export_put_money (book, sheet, row, first_money + y, c->amount[y], book->money);
          sums[y] = sp_export_money_add (sums[y], c->amount[y]);
        }
      sp_export_put_text (book, sheet, row, first_money + SP_PLAN_YEARS, sp_export_contribution_note (c), book->wrap);
    }

  /* The parts' total, live, beside the frame it must equal. */
  sp_export_put_text (book, sheet, rows->sum, 0, _("Total"), book->total_text);
  sp_export_put_text (book, sheet, rows->frame, 0, _("Budget frame"), book->text);
  sp_export_put_text (book, sheet, rows->frame + 1, 0, _("Difference from the frame"), book->text);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    {
      lxw_col_t col = first_money + y;
      SpMoney frame = sp_plan_year_get_frame (data->plan, y);
      char s[32], f[32];
      g_autofree char *difference = NULL;

      if (!set[y])
        continue;
      if (contributions->len > 0)
        {
          g_autofree char *formula = sp_export_sum_of_range (rows->first, last, col);
          sp_export_put_money_formula (book, sheet, rows->sum, col, formula, sums[y], book->money_total);
        }
      else
        sp_export_put_money_formula (book, sheet, rows->sum, col, "=0", 0, book->money_total);
      sp_export_put_money (book, sheet, rows->frame, col, frame, book->money);
      sp_export_cell_name (s, sizeof s, rows->sum, col, FALSE);
      sp_export_cell_name (f, sizeof f, rows->frame, col, FALSE);
      difference = g_strdup_printf ("=%s-%s", s, f);
      sp_export_put_money_formula (book, sheet, rows->frame + 1, col, difference, sums[y] - frame, book->money);
    }

  /* The law's parts: the state half, the region and the municipalities a quarter. */
  row = rows->frame + 3;
  sp_export_put_head (book, sheet, row, 0, _("Part"), FALSE);
  sp_export_put_head (book, sheet, row, 1, "", FALSE);
  sp_export_put_head (book, sheet, row, 2, _("Share"), TRUE);
  sp_export_put_head (book, sheet, row, 3, "", FALSE);
  for (guint y = 0; y < SP_PLAN_YEARS; y++)
    sp_export_put_head (book, sheet, row, first_money + y, "", FALSE);
  row++;
  for (SpMemberKind kind = SP_MEMBER_KIND_STATE; kind <= SP_MEMBER_KIND_MUNICIPALITY; kind++)
    {
      sp_export_put_text (book, sheet, row, 0, sp_export_part_label (kind), book->text);
      sp_export_put_text (book, sheet, row, 1, sp_member_kind_get_label (kind), book->text);
      sp_export_put_percent (book, sheet, row, 2, sp_export_part_share (data->plan, kind));
      for (guint y = 0; y < SP_PLAN_YEARS && contributions->len > 0; y++)
        {
          lxw_col_t col = first_money + y;
          char k1[32], k2[32], a1[32], a2[32], crit[32];
          g_autofree char *formula = NULL;
          g_autofree char *criterion = NULL;
          SpMoney part = 0;

          if (!set[y])
            continue;
          for (guint i = 0; i < contributions->len; i++)
            {
              const SpContribution *c = g_ptr_array_index (contributions, i);
              if (c->kind == kind)
                part = sp_export_money_add (part, c->amount[y]);
            }
          sp_export_cell_name (k1, sizeof k1, rows->first, 1, TRUE);
          sp_export_cell_name (k2, sizeof k2, last, 1, TRUE);
          sp_export_cell_name (a1, sizeof a1, rows->first, col, FALSE);
          sp_export_cell_name (a2, sizeof a2, last, col, FALSE);
          sp_export_cell_name (crit, sizeof crit, row, 1, FALSE);
          formula = g_strdup_printf ("=SUMIF(%s:%s,%s,%s:%s)", k1, k2, crit, a1, a2);
          sp_export_put_money_formula (book, sheet, row, col, formula, part, book->money);
        }
      row++;
    }
  row++;
  {
    g_autofree char *key_text = g_strdup_printf (_("The municipalities’ share is divided: %s."),
                                                 sp_allocation_key_get_label (key));
    sp_export_put_text (book, sheet, row, 0, key_text, book->text);
  }

  sp_export_check (book, worksheet_set_column (sheet, 0, 0, 30, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 1, 1, 14, NULL));
  sp_export_check (book, worksheet_set_column (sheet, 2, 3, 14, NULL));
  sp_export_check (book, worksheet_set_column (sheet, first_money, first_money + SP_PLAN_YEARS - 1, 14, NULL));
  sp_export_check (book, worksheet_set_column (sheet, first_money + SP_PLAN_YEARS, first_money + SP_PLAN_YEARS, 40, NULL));
  sp_export_setup_page (book, sheet, TRUE, head, 1);
}
