/* sp-report-format.c: dates, amounts and shares as a Swedish document writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "sp-report-private.h"
#include "sp-month.h"

/* "2008-12-12" as "12 december 2008"; any other text as it is. */
char *
sp_report_format_date (const char *iso_date)
{
  int y, m, d;
  char end;

  if (iso_date == NULL)
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return g_strdup (iso_date);
  /* Translators: a date in running text: day, month's name, year ("12 december 2008") */
  return g_strdup_printf (C_("long date", "%1$d %2$s %3$d"), d, sp_month_name ((guint) m), y);
}

/* An amount without its unit (the table's head names it); "" when not set. */
char *
sp_report_format_money (SpMoney     amount,
                        SpMoneyUnit unit)
{
  if (amount == SP_MONEY_NOT_SET)
    return g_strdup ("");
  return sp_money_format (amount, unit, SP_MONEY_FORMAT_NO_UNIT);
}

/* Hundredths of a per cent: 5000 as "50 %", 3333 as "33,33 %". */
char *
sp_report_format_share (int hundredths)
{
  if (hundredths % 100 == 0)
    return g_strdup_printf ("%d %%", hundredths / 100);
  /* Translators: a share with two decimals, e.g. "33,33 %" */
  return g_strdup_printf (_("%d,%02d %%"), hundredths / 100, ABS (hundredths % 100));
}

/* An amount in whole kronor (or tkr), rounded half away from zero, without
 * its unit: the follow-up documents' tables, where öre are noise. */
char *
sp_report_format_whole (SpMoney     amount,
                        SpMoneyUnit unit)
{
  if (amount == SP_MONEY_NOT_SET)
    return g_strdup ("");
  if (unit == SP_MONEY_UNIT_KR)
    amount = (amount >= 0 ? amount + 50 : amount - 50) / 100 * 100;
  return sp_money_format (amount, unit, SP_MONEY_FORMAT_NO_UNIT);
}

/* The same with its unit, for running text: "−1 243 647 kr". */
char *
sp_report_format_whole_unit (SpMoney     amount,
                             SpMoneyUnit unit)
{
  if (unit == SP_MONEY_UNIT_KR && amount != SP_MONEY_NOT_SET)
    amount = (amount >= 0 ? amount + 50 : amount - 50) / 100 * 100;
  return sp_money_format (amount, unit, SP_MONEY_FORMAT_DEFAULT);
}

const char *
sp_report_unit_word (SpMoneyUnit unit)
{
  return unit == SP_MONEY_UNIT_TKR ? _("amounts in tkr") : _("amounts in kr");
}
