/* sp-month.h: the months of a year as the user reads them, in Swedish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *sp_month_name          (guint month);
const char *sp_month_abbreviation  (guint month);
char       *sp_month_format_period (guint    through_month,
                                    gboolean abbreviated);
char       *sp_month_format_set    (guint    months);

G_END_DECLS
