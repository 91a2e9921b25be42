/* sp-sie-chart.h: what an account of an SIE file means, by its chart of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import needs to know of each account whether it is revenue, a cost, or
 * neither. Its number says so, but not in the same way in the two charts a
 * samordningsförbund's books are kept in: see sp-sie-chart.c.
 */
#pragma once

#include <glib.h>

#include "sp-money.h"
#include "sp-sie.h"

G_BEGIN_DECLS

/**
 * SpSieChart:
 * @SP_SIE_CHART_BAS: the BAS chart of companies and associations (BAS 96,
 *   EUBAS97, BAS 2008…)
 * @SP_SIE_CHART_KOMMUN_BAS: Kommun-Bas, the municipalities' chart (Kommun-Bas
 *   05, 13, 20…), which many samordningsförbund keep
 */
typedef enum {
  SP_SIE_CHART_BAS,
  SP_SIE_CHART_KOMMUN_BAS,
} SpSieChart;

/**
 * SpSieAccountClass:
 * @SP_SIE_CLASS_OTHER: a balance account (1xxx, 2xxx), an internal one
 *   (0xxx, 9xxx) or no account number at all: not imported
 * @SP_SIE_CLASS_REVENUE: revenue, also financial income and tax revenue
 * @SP_SIE_CLASS_COST: a cost, also financial costs and taxes
 * @SP_SIE_CLASS_YEAR_RESULT: the year's result, booked when the books are
 *   closed: it is neither revenue nor a cost
 */
typedef enum {
  SP_SIE_CLASS_OTHER,
  SP_SIE_CLASS_REVENUE,
  SP_SIE_CLASS_COST,
  SP_SIE_CLASS_YEAR_RESULT,
} SpSieAccountClass;

SpSieChart         sp_sie_chart_detect    (const SpSieFile *file,
                                           gboolean        *guessed);
SpSieAccountClass  sp_sie_chart_classify  (SpSieChart       chart,
                                           const char      *number,
                                           SpMoney          amount);
const char        *sp_sie_chart_to_string (SpSieChart       chart);

G_END_DECLS
