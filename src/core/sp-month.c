/* sp-month.c: the months of a year as the user reads them, in Swedish
 *
 * One place for the months' names, so that the follow-up page, its
 * workbook sheet, the documents and the SIE import call a month the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-month.h"

static const char *const names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
  NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
  NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char *const abbreviations[] = {
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

/**
 * sp_month_name:
 * @month: 1–12
 *
 * Returns: the month's name as running text writes it ("augusti"), or ""
 */
const char *
sp_month_name (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[month - 1]);
}

/**
 * sp_month_abbreviation:
 * @month: 1–12
 *
 * Returns: the month's short name ("aug"), or ""
 */
const char *
sp_month_abbreviation (guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "month", abbreviations[month - 1]);
}

/**
 * sp_month_format_period:
 * @through_month: the period's last month, 1–12
 * @abbreviated: short names, for a column head
 *
 * Returns: (transfer full): the period January through @through_month:
 *   "januari–april" ("jan–apr" abbreviated); "januari" alone; "" for a
 *   month out of range
 */
char *
sp_month_format_period (guint    through_month,
                        gboolean abbreviated)
{
  if (through_month < 1 || through_month > 12)
    return g_strdup ("");
  if (through_month == 1)
    return g_strdup (sp_month_name (1));
  /* Translators: a period from the first month through the second, e.g. "jan–apr" */
  return g_strdup_printf (_("%s–%s"),
                          abbreviated ? sp_month_abbreviation (1) : sp_month_name (1),
                          abbreviated ? sp_month_abbreviation (through_month) : sp_month_name (through_month));
}

/**
 * sp_month_format_set:
 * @months: a set of months, bit 0 January (0xfff: all twelve)
 *
 * Returns: (transfer full): how a budget line's amount is spread: "Jämnt"
 *   for all twelve, "jan, jul" for up to three, "5 månader" for more
 */
char *
sp_month_format_set (guint months)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  if ((months & 0xfffu) == 0xfffu)
    /* Translators: a line's budget falls evenly in the twelve months */
    return g_strdup (_("Evenly"));
  for (guint m = 0; m < 12; m++)
    n += (months >> m) & 1;
  if (n > 3)
    /* Translators: a line's budget falls in so many chosen months */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", n), n);
  for (guint m = 0; m < 12; m++)
    if (months & (1u << m))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, sp_month_abbreviation (m + 1));
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
