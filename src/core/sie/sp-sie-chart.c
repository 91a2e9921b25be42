/* sp-sie-chart.c: what an account of an SIE file means, by its chart of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both charts number an account by its class, the first digit: 1 assets,
 * 2 equity and liabilities (balance accounts, not imported), 3 revenue,
 * 4 to 7 costs. They part in class 8, and the import must know which one a
 * file follows, or it counts financial income as a cost:
 *
 *   group  BAS (companies, associations)          Kommun-Bas (municipalities)
 *   80–82  results of shares and securities:      80 tax revenue, 82 general
 *          income or cost, by the sign            state grants: revenue
 *   83     financial income (interest): revenue   fees to the equalisation
 *                                                 systems: cost
 *   84     interest costs: cost                   financial income: revenue
 *   85–86  free groups: by the sign               85 financial costs: cost
 *   87     extraordinary items: by the sign       extraordinary items: by the sign
 *   88     appropriations: by the sign            by the sign
 *   89     8910–8980 taxes: cost;                 the year's result
 *          8990–8999 the year's result
 *
 * "By the sign": credit (negative in SIE) is income, debit a cost. The year's
 * result (BAS 8999 "Årets resultat", Kommun-Bas 89xx) is booked when the
 * books are closed so that the result accounts add up to 0: counted as a
 * cost, it would make every closed year's result 0 kr. It is left out.
 *
 * Which chart: #KPTYP says it when the file has it ("BAS2008", "EUBAS97";
 * a municipal program writes "KOMMUN…" or "K-BAS…"). Otherwise the names of
 * the class 8 accounts tell: tax revenue or grants in 80–82, income in 84 or
 * costs in 85 are Kommun-Bas; anything else is taken for BAS, the chart of
 * most accounting programs. The summary says which chart was used and
 * whether it was guessed.
 */
#include "config.h"

#include <string.h>

#include "sp-sie-chart.h"

static gboolean
name_says (const char *name,
           const char *word)
{
  g_autofree char *folded = NULL;

  if (name == NULL)
    return FALSE;
  folded = g_utf8_casefold (name, -1);
  return strstr (folded, word) != NULL;
}

/**
 * sp_sie_chart_detect:
 * @guessed: (out) (optional): %TRUE when the file does not say (#KPTYP)
 *   and the chart was guessed from the account names
 *
 * Returns: the chart of accounts @file follows
 */
SpSieChart
sp_sie_chart_detect (const SpSieFile *file,
                     gboolean        *guessed)
{
  SpSieChart chart = SP_SIE_CHART_BAS;

  if (guessed != NULL)
    *guessed = file->chart == NULL;
  if (file->chart != NULL)
    {
      g_autofree char *upper = g_ascii_strup (file->chart, -1);

      if (strstr (upper, "KOMMUN") != NULL || strstr (upper, "K-BAS") != NULL ||
          strstr (upper, "KBAS") != NULL)
        return SP_SIE_CHART_KOMMUN_BAS;
      return SP_SIE_CHART_BAS;
    }

  for (guint i = 0; i < file->accounts->len && chart == SP_SIE_CHART_BAS; i++)
    {
      const SpSieAccount *account = &g_array_index (file->accounts, SpSieAccount, i);
      const char *n = account->number;

      if (strlen (n) < 3 || n[0] != '8')
        continue;
      if ((n[1] == '0' || n[1] == '2') &&
          (name_says (account->name, "skatt") || name_says (account->name, "statsbidrag") ||
           name_says (account->name, "utjämning")))
        chart = SP_SIE_CHART_KOMMUN_BAS;
      else if (n[1] == '4' && name_says (account->name, "intäkt"))
        chart = SP_SIE_CHART_KOMMUN_BAS;
      else if (n[1] == '5' && name_says (account->name, "kostnad"))
        chart = SP_SIE_CHART_KOMMUN_BAS;
    }
  return chart;
}

static SpSieAccountClass
by_sign (SpMoney amount)
{
  return amount < 0 ? SP_SIE_CLASS_REVENUE : SP_SIE_CLASS_COST;
}

/**
 * sp_sie_chart_classify:
 * @number: the account as the file writes it
 * @amount: its result in the year (debit positive), for the groups whose
 *   meaning is its sign
 *
 * Returns: whether the account is revenue, a cost, the year's result, or
 *   none of them; see the table at the top of this file
 */
SpSieAccountClass
sp_sie_chart_classify (SpSieChart  chart,
                       const char *number,
                       SpMoney     amount)
{
  gsize n = strlen (number);

  if (n < 3 || n > 6)
    return SP_SIE_CLASS_OTHER;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (number[i]))
      return SP_SIE_CLASS_OTHER;

  switch (number[0])
    {
    case '3':
      return SP_SIE_CLASS_REVENUE;
    case '4': case '5': case '6': case '7':
      return SP_SIE_CLASS_COST;
    case '8':
      break;
    default:
      return SP_SIE_CLASS_OTHER;
    }

  if (chart == SP_SIE_CHART_KOMMUN_BAS)
    switch (number[1])
      {
      case '0': case '2': case '4':
        return SP_SIE_CLASS_REVENUE;
      case '3': case '5':
        return SP_SIE_CLASS_COST;
      case '9':
        return SP_SIE_CLASS_YEAR_RESULT;
      default:
        return by_sign (amount);
      }

  switch (number[1])
    {
    case '3':
      return SP_SIE_CLASS_REVENUE;
    case '4':
      return SP_SIE_CLASS_COST;
    case '9':
      return number[2] == '9' ? SP_SIE_CLASS_YEAR_RESULT : SP_SIE_CLASS_COST;
    default:
      return by_sign (amount);
    }
}

/**
 * sp_sie_chart_to_string:
 *
 * Returns: the chart's name, the same in every language ("BAS", "Kommun-Bas")
 */
const char *
sp_sie_chart_to_string (SpSieChart chart)
{
  return chart == SP_SIE_CHART_KOMMUN_BAS ? "Kommun-Bas" : "BAS";
}
