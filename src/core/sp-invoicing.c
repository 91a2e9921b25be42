/* sp-invoicing.c: how the förbund invoices its members: instalments, due dates, payment details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A member's contribution is invoiced once a year, twice or four times.
 * The instalments are whole kronor that add up exactly to the contribution:
 * the largest-remainder method, so the odd kronor go to the first ones.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sp-allocation.h"
#include "sp-edit-private.h"
#include "sp-invoicing.h"

/* The last day of the first month of each period. */
static const char *const yearly[] = { "01-31" };
static const char *const half_yearly[] = { "01-31", "07-31" };
static const char *const quarterly[] = { "01-31", "04-30", "07-31", "10-31" };

static gboolean
valid_count (guint n)
{
  return n == 1 || n == 2 || n == 4;
}

/* "MM-DD" of a day that every year has (no 29 February). */
static gboolean
parse_due_date (const char *text,
                int        *month,
                int        *day)
{
  char *end;
  long m, d;

  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  m = strtol (text, &end, 10);
  if (*end != '-' || !g_ascii_isdigit (end[1]))
    return FALSE;
  d = strtol (end + 1, &end, 10);
  if (*end != '\0' || m < 1 || m > 12 || d < 1)
    return FALSE;
  if (d > g_date_get_days_in_month ((GDateMonth) m, 2001))
    return FALSE;
  *month = (int) m;
  *day = (int) d;
  return TRUE;
}

void
sp_invoicing_free (SpInvoicing *invoicing)
{
  if (invoicing == NULL)
    return;
  for (guint i = 0; i < SP_INVOICING_MAX_INSTALMENTS; i++)
    g_free (invoicing->due_dates[i]);
  g_free (invoicing->payment);
  g_free (invoicing->reference);
  g_free (invoicing->contact);
  g_free (invoicing);
}

/**
 * sp_invoicing_default_due_date:
 * @n_instalments: 1, 2 or 4
 * @instalment: from 0
 *
 * Returns: the usual due date of @instalment, "MM-DD": the end of the first
 *   month of its part of the year
 */
const char *
sp_invoicing_default_due_date (guint n_instalments,
                               guint instalment)
{
  g_return_val_if_fail (valid_count (n_instalments) && instalment < n_instalments, "01-31");
  return n_instalments == 1 ? yearly[instalment]
       : n_instalments == 2 ? half_yearly[instalment]
       : quarterly[instalment];
}

/**
 * sp_invoicing_load:
 *
 * Returns: (transfer full) (nullable): the förbund's invoicing; yearly, due
 *   31 January, when nothing was chosen
 */
SpInvoicing *
sp_invoicing_load (SpDatabase  *database,
                   GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT instalments, due_dates, payment, reference, contact "
                                        "FROM invoicing WHERE id = 1", error);
  g_autoptr(SpInvoicing) invoicing = NULL;
  g_auto(GStrv) dates = NULL;

  if (stmt == NULL)
    return NULL;
  invoicing = g_new0 (SpInvoicing, 1);
  invoicing->n_instalments = 1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      invoicing->n_instalments = (guint) sqlite3_column_int (stmt, 0);
      dates = g_strsplit (sp_edit_column_text (stmt, 1), ",", -1);
      invoicing->payment = g_strdup (sp_edit_column_text (stmt, 2));
      invoicing->reference = g_strdup (sp_edit_column_text (stmt, 3));
      invoicing->contact = g_strdup (sp_edit_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);
  if (!valid_count (invoicing->n_instalments))
    invoicing->n_instalments = 1;
  for (guint i = 0; i < invoicing->n_instalments; i++)
    {
      int m, d;
      gboolean stored = dates != NULL && i < g_strv_length (dates) && parse_due_date (dates[i], &m, &d);

      invoicing->due_dates[i] = g_strdup (stored ? dates[i] : sp_invoicing_default_due_date (invoicing->n_instalments, i));
    }
  if (invoicing->payment == NULL)
    invoicing->payment = g_strdup ("");
  if (invoicing->reference == NULL)
    invoicing->reference = g_strdup ("");
  if (invoicing->contact == NULL)
    invoicing->contact = g_strdup ("");
  return g_steal_pointer (&invoicing);
}

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  const SpInvoicing *invoicing = user_data;
  g_autoptr(GString) dates = g_string_new (NULL);
  g_autofree char *payment = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *contact = NULL;
  sqlite3_stmt *stmt;

  if (!valid_count (invoicing->n_instalments))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("Members are invoiced once, twice or four times a year, not %u times."),
                   invoicing->n_instalments);
      return FALSE;
    }
  for (guint i = 0; i < invoicing->n_instalments; i++)
    {
      int m, d, previous_m = 0, previous_d = 0;

      if (!parse_due_date (invoicing->due_dates[i], &m, &d))
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       _("The due date of instalment %u, “%s”, is not a day of the year. Write it as MM-DD, e.g. 01-31."),
                       i + 1, invoicing->due_dates[i] != NULL ? invoicing->due_dates[i] : "");
          return FALSE;
        }
      if (i > 0 && parse_due_date (invoicing->due_dates[i - 1], &previous_m, &previous_d) &&
          (m < previous_m || (m == previous_m && d <= previous_d)))
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       _("Instalment %u falls due on %02d-%02d, not after instalment %u. "
                         "The due dates must follow each other through the year."),
                       i + 1, m, d, i);
          return FALSE;
        }
      g_string_append_printf (dates, "%s%02d-%02d", i > 0 ? "," : "", m, d);
    }
  payment = sp_edit_clean_text (invoicing->payment != NULL ? invoicing->payment : "", 200, error);
  if (payment == NULL)
    return FALSE;
  reference = sp_edit_clean_text (invoicing->reference != NULL ? invoicing->reference : "", 200, error);
  if (reference == NULL)
    return FALSE;
  contact = sp_edit_clean_text (invoicing->contact != NULL ? invoicing->contact : "", 200, error);
  if (contact == NULL)
    return FALSE;
  g_strstrip (payment);
  g_strstrip (reference);
  g_strstrip (contact);

  stmt = sp_edit_prepare (database,
                          "INSERT INTO invoicing (id, instalments, due_dates, payment, reference, contact) "
                          "VALUES (1, ?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO UPDATE SET "
                          "instalments = ?1, due_dates = ?2, payment = ?3, reference = ?4, contact = ?5",
                          error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) invoicing->n_instalments);
  sp_edit_bind_text (stmt, 2, dates->str);
  sp_edit_bind_text (stmt, 3, payment);
  sp_edit_bind_text (stmt, 4, reference);
  sp_edit_bind_text (stmt, 5, contact);
  return sp_edit_step_done (database, stmt, error);
}

/**
 * sp_invoicing_update:
 *
 * Changes how the förbund invoices its members, as one undoable edit. The
 * due dates must be days of the year, each after the one before.
 */
gboolean
sp_invoicing_update (SpDatabase         *database,
                     const SpInvoicing  *invoicing,
                     GError            **error)
{
  return sp_edit_run (database, _("Change the invoicing of contributions"), do_update,
                      (gpointer) invoicing, error);
}

/**
 * sp_invoicing_dup_due_date:
 * @instalment: from 0
 * @year: the budget year
 *
 * Returns: (transfer full): the due date of @instalment in @year, YYYY-MM-DD
 */
char *
sp_invoicing_dup_due_date (const SpInvoicing *invoicing,
                           guint              instalment,
                           int                year)
{
  g_return_val_if_fail (instalment < invoicing->n_instalments, NULL);
  return g_strdup_printf ("%04d-%s", year, invoicing->due_dates[instalment]);
}

/**
 * sp_invoicing_split:
 * @contribution: a member's contribution
 * @n_instalments: 1, 2 or 4
 * @instalments: (out caller-allocates) (array length=n_instalments): the
 *   instalments, whole kronor as far as @contribution is
 *
 * Splits @contribution into @n_instalments that add up to it exactly: even
 * parts in whole kronor, the kronor left over going to the first ones.
 */
gboolean
sp_invoicing_split (SpMoney   contribution,
                    guint     n_instalments,
                    SpMoney  *instalments,
                    GError  **error)
{
  const gint64 even[SP_INVOICING_MAX_INSTALMENTS] = { 1, 1, 1, 1 };

  g_return_val_if_fail (valid_count (n_instalments), FALSE);
  return sp_allocate (contribution, even, n_instalments, SP_MONEY_ORE_PER_KR, instalments, error);
}
