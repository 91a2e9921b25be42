/* sp-invoicing.h: how the förbund invoices its members: instalments, due dates, payment details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-money.h"

G_BEGIN_DECLS

/* Yearly, half-yearly or quarterly. */
#define SP_INVOICING_MAX_INSTALMENTS 4

/**
 * SpInvoicing:
 * @n_instalments: 1 (yearly), 2 (half-yearly) or 4 (quarterly)
 * @due_dates: each instalment's due date in the year, "MM-DD"
 * @payment: how to pay, e.g. "Bankgiro 5050-1055", or ""
 * @reference: what the payment is marked with, or ""
 * @contact: who answers questions about the invoices, or ""
 *
 * The förbund's way of invoicing its members their contributions.
 */
typedef struct {
  guint  n_instalments;
  char  *due_dates[SP_INVOICING_MAX_INSTALMENTS];
  char  *payment;
  char  *reference;
  char  *contact;
} SpInvoicing;

void         sp_invoicing_free             (SpInvoicing        *invoicing);
SpInvoicing *sp_invoicing_load             (SpDatabase         *database,
                                            GError            **error);
gboolean     sp_invoicing_update           (SpDatabase         *database,
                                            const SpInvoicing  *invoicing,
                                            GError            **error);
const char  *sp_invoicing_default_due_date (guint               n_instalments,
                                            guint               instalment);
char        *sp_invoicing_dup_due_date     (const SpInvoicing  *invoicing,
                                            guint               instalment,
                                            int                 year);
gboolean     sp_invoicing_split            (SpMoney             contribution,
                                            guint               n_instalments,
                                            SpMoney            *instalments,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpInvoicing, sp_invoicing_free)

G_END_DECLS
