/* sp-sie-months.h: an SIE file's year month by month, with the objects its
 * amounts are booked on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the months come from, per account of the file (the rule the import
 * follows; HACKING.md "SIE files" says it for the user's side):
 *
 *  - A month's total is the account's #PSALDO of the month with an empty
 *    object list, when the file has any such row for the account; otherwise
 *    the sum of the account's #TRANS rows in the vouchers of the year, each
 *    in the month of its own date (#TRANS transdat) or else its voucher's.
 *    An account with neither has no months (only its #RES).
 *  - The split of a month by object (dimension 1, the cost centre, and 6, the
 *    project) comes from the voucher rows of the month when they add up to
 *    the month's total (always so when the total is theirs); otherwise from
 *    the #PSALDO rows of the month whose object list names one object of
 *    dimension 1 or 6. What no object takes is the month's rest.
 *  - So every amount is counted once: the parts of a month and its rest add
 *    up to the month's total, and the months to the account's year.
 *
 * Months are kept only for a fiscal year that is the calendar year (a
 * förbund's is): a broken fiscal year is imported as a whole year.
 */
#pragma once

#include "sp-sie.h"

G_BEGIN_DECLS

/**
 * SpSieMonthPart:
 * @month: 1–12
 * @area_object: (nullable): the row's object of dimension 1
 * @project_object: (nullable): the row's object of dimension 6
 * @amount: öre, as in the file (debit positive)
 *
 * An amount of a month booked on one or two objects.
 */
typedef struct {
  guint    month;
  char    *area_object;
  char    *project_object;
  SpMoney  amount;
} SpSieMonthPart;

/**
 * SpSieAccountMonths:
 * @total: per month (index 0 January), öre as in the file
 * @months: a bit per month that has a total (January the lowest)
 * @from_periods: the totals are the file's #PSALDO (else its vouchers')
 * @parts: (element-type SpSieMonthPart): the months' amounts on objects
 */
typedef struct {
  SpMoney   total[12];
  guint     months;
  gboolean  from_periods;
  GArray   *parts;
} SpSieAccountMonths;

GHashTable *sp_sie_months_collect (const SpSieFile *file,
                                   int              year_index);

G_END_DECLS
