/* sp-export-invoices.c: the invoice basis: each member's contribution in instalments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the treasurer invoices, in whole kronor whatever the workbook's unit:
 * an invoice is never rounded to tkr. Each row's instalments add up to its
 * contribution, which a formula beside them shows.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-export-private.h"

/* Columns: member, this year, last year, change, the instalments, their sum. */
enum {
  ICOL_MEMBER,
  ICOL_AMOUNT,
  ICOL_PREVIOUS,
  ICOL_CHANGE,
  ICOL_FIRST_INSTALMENT,
};

static const char *
instalments_label (guint n)
{
  return n == 1 ? _("Once a year") : n == 2 ? _("Twice a year") : _("Four times a year");
}

/* Payment details, reference and contact, from @row on; the next free row. */
static lxw_row_t
put_invoice_details (Book          *book,
                     lxw_worksheet *sheet,
                     lxw_row_t      row)
{
  const SpInvoicing *invoicing = book->data->invoicing;
  const struct {
    const char *label;
    const char *value;
  } details[] = {
    { _("Invoiced"), instalments_label (invoicing->n_instalments) },
    { _("Payment to"), invoicing->payment },
    { _("Reference"), invoicing->reference },
    { _("Contact person"), invoicing->contact },
  };

  for (guint i = 0; i < G_N_ELEMENTS (details); i++)
    {
      if (details[i].value == NULL || details[i].value[0] == '\0')
        continue;
      sp_export_put_text (book, sheet, row, 0, details[i].label, book->text);
      sp_export_put_text (book, sheet, row++, 1, details[i].value, book->text);
    }
  return row;
}

void
sp_export_write_invoice_sheet (Book *book)
{
  const ExportData *data = book->data;
  const SpInvoicing *invoicing = data->invoicing;
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  lxw_worksheet *sheet = sp_export_add_sheet (book, _("Invoice basis"));
  g_autofree char *subtitle = NULL;
  g_autofree char *this_year = NULL;
  g_autofree char *last_year = NULL;
  lxw_col_t sum_col = ICOL_FIRST_INSTALMENT + invoicing->n_instalments;
  lxw_row_t head, row;

  if (sheet == NULL)
    return;
  /* Translators: the subtitle of the invoice basis, e.g. "Invoice basis 2009 · amounts in kr" */
  subtitle = g_strdup_printf (_("Invoice basis %d · amounts in kr"), data->year);
  sp_export_put_sheet_title (book, sheet, subtitle);
  row = put_invoice_details (book, sheet, 3);
  head = row + 1;

  /* Translators: a column head, e.g. "Contribution 2009" */
  this_year = g_strdup_printf (_("Contribution %d"), data->year);
  last_year = g_strdup_printf (_("Contribution %d"), data->year - 1);
  sp_export_put_head (book, sheet, head, ICOL_MEMBER, _("Member"), FALSE);
  sp_export_put_head (book, sheet, head, ICOL_AMOUNT, this_year, TRUE);
  sp_export_put_head (book, sheet, head, ICOL_PREVIOUS, last_year, TRUE);
  sp_export_put_head (book, sheet, head, ICOL_CHANGE, _("Change"), TRUE);
  for (guint i = 0; i < invoicing->n_instalments; i++)
    {
      g_autofree char *due = sp_invoicing_dup_due_date (invoicing, i, data->year);
      /* Translators: a column head: the instalment's number and its due date, "Instalment 1, due 2009-01-31" */
      g_autofree char *title = g_strdup_printf (_("Instalment %u, due %s"), i + 1, due);

      sp_export_put_head (book, sheet, head, ICOL_FIRST_INSTALMENT + i, title, TRUE);
    }
  sp_export_put_head (book, sheet, head, sum_col, _("Sum of the instalments"), TRUE);
  /* "Instalment 1, due 2009-01-31" wraps to three lines in its column. */
  worksheet_set_row (sheet, head, 3 * 15, NULL);

  row = head + 1;
  for (guint m = 0; m < data->contributions->len; m++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, m);
      const SpContribution *before = g_hash_table_lookup (data->previous_contributions, &c->member_id);
      SpMoney previous = before != NULL ? before->amount[0] : SP_MONEY_NOT_SET;
      SpMoney parts[SP_INVOICING_MAX_INSTALMENTS];
      char a[32], b[32];
      g_autofree char *label = NULL;
      g_autofree char *formula = NULL;

      /* Only what is invoiced: a member that pays nothing this year has no row. */
      if (c->amount[0] == SP_MONEY_NOT_SET || c->amount[0] == 0)
        continue;
      if (!sp_invoicing_split (c->amount[0], invoicing->n_instalments, parts, NULL))
        continue;

      label = sp_contribution_dup_label (c, data->year);
      sp_export_put_text (book, sheet, row, ICOL_MEMBER, label, book->wrap);
      sp_export_put_money (book, sheet, row, ICOL_AMOUNT, c->amount[0], book->money_invoice_plain);
      sp_export_put_money (book, sheet, row, ICOL_PREVIOUS, previous, book->money_invoice_plain);
      if (previous != SP_MONEY_NOT_SET)
        {
          sp_export_cell_name (a, sizeof a, row, ICOL_AMOUNT, FALSE);
          sp_export_cell_name (b, sizeof b, row, ICOL_PREVIOUS, FALSE);
          formula = g_strdup_printf ("=%s-%s", a, b);
          sp_export_put_money_formula (book, sheet, row, ICOL_CHANGE, formula, c->amount[0] - previous,
                                       book->money_invoice_plain);
          g_clear_pointer (&formula, g_free);
        }
      for (guint i = 0; i < invoicing->n_instalments; i++)
        sp_export_put_money (book, sheet, row, ICOL_FIRST_INSTALMENT + i, parts[i], book->money_invoice_plain);
      sp_export_cell_name (a, sizeof a, row, ICOL_FIRST_INSTALMENT, FALSE);
      sp_export_cell_name (b, sizeof b, row, sum_col - 1, FALSE);
      formula = g_strdup_printf ("=SUM(%s:%s)", a, b);
      sp_export_put_money_formula (book, sheet, row, sum_col, formula, c->amount[0], book->money_invoice_plain);
      row++;
    }
  if (row == head + 1)
    sp_export_put_text (book, sheet, row, 0, _("No member pays a contribution this year."), book->subtitle);

  sp_export_check (book, worksheet_set_column (sheet, ICOL_MEMBER, ICOL_MEMBER, 34, NULL));
  sp_export_check (book, worksheet_set_column (sheet, ICOL_AMOUNT, sum_col, 18, NULL));
  sp_export_setup_page (book, sheet, TRUE, (int) head, 1);
}

/**
 * sp_export_write_invoice_block:
 * @row: (inout): where the block starts; the row after it
 *
 * On a member's cover: its instalments with their due dates, in kronor, and
 * how to pay.
 */
void
sp_export_write_invoice_block (Book                 *book,
                               lxw_worksheet        *sheet,
                               lxw_row_t            *row,
                               const SpContribution *member)
{
  const ExportData *data = book->data;
  const SpInvoicing *invoicing = data->invoicing;
  const SpContribution *before = g_hash_table_lookup (data->previous_contributions, &member->member_id);
  SpMoney parts[SP_INVOICING_MAX_INSTALMENTS];

  if (member->amount[0] == SP_MONEY_NOT_SET || member->amount[0] == 0 ||
      !sp_invoicing_split (member->amount[0], invoicing->n_instalments, parts, NULL))
    return;

  sp_export_put_head (book, sheet, *row, 0, _("Invoicing"), FALSE);
  sp_export_put_head (book, sheet, (*row)++, 1, _("Amount, kr"), TRUE);
  for (guint i = 0; i < invoicing->n_instalments; i++)
    {
      g_autofree char *due = sp_invoicing_dup_due_date (invoicing, i, data->year);
      g_autofree char *label = g_strdup_printf (_("Instalment %u, due %s"), i + 1, due);

      sp_export_put_text (book, sheet, *row, 0, label, book->text);
      sp_export_put_money (book, sheet, (*row)++, 1, parts[i], book->money_invoice_plain);
    }
  if (before != NULL && before->amount[0] != SP_MONEY_NOT_SET)
    {
      /* Translators: on a member's cover, e.g. "Contribution 2008" */
      g_autofree char *last = g_strdup_printf (_("Contribution %d"), data->year - 1);

      sp_export_put_text (book, sheet, *row, 0, last, book->text);
      sp_export_put_money (book, sheet, (*row)++, 1, before->amount[0], book->money_invoice_plain);
      sp_export_put_text (book, sheet, *row, 0, _("Change"), book->text);
      sp_export_put_money (book, sheet, (*row)++, 1, member->amount[0] - before->amount[0],
                           book->money_invoice_plain);
    }
  *row = put_invoice_details (book, sheet, *row);
  (*row)++;
}
