/* sp-account.h: the chart of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-record.h"
#include "sp-record-list.h"

G_BEGIN_DECLS

/**
 * SpAccountKind:
 * @SP_ACCOUNT_KIND_REVENUE: revenue (intäkter), e.g. 3510 the state's contribution
 * @SP_ACCOUNT_KIND_COST: costs (kostnader), e.g. 4600 purchase of services
 */
typedef enum {
  SP_ACCOUNT_KIND_REVENUE,
  SP_ACCOUNT_KIND_COST,
} SpAccountKind;

/* Account numbers of the Kommun-Bas style chart of accounts. */
#define SP_ACCOUNT_NUMBER_MIN 100
#define SP_ACCOUNT_NUMBER_MAX 999999

#define SP_TYPE_ACCOUNT_KIND (sp_account_kind_get_type ())
GType          sp_account_kind_get_type     (void);
const char    *sp_account_kind_to_string    (SpAccountKind  kind);
gboolean       sp_account_kind_from_string  (const char    *text,
                                             SpAccountKind *kind);
const char    *sp_account_kind_get_label    (SpAccountKind  kind);

/* An account's id (sp_record_get_id()) is its number. */
#define SP_TYPE_ACCOUNT (sp_account_get_type ())
G_DECLARE_FINAL_TYPE (SpAccount, sp_account, SP, ACCOUNT, SpRecord)

int            sp_account_get_number        (SpAccount     *self);
const char    *sp_account_get_name          (SpAccount     *self);
SpAccountKind  sp_account_get_kind          (SpAccount     *self);

SpRecordList  *sp_account_list_new          (SpDatabase    *database);
SpRecordList  *sp_account_list_new_in_use   (SpDatabase    *database,
                                             int            year);
SpAccount     *sp_account_load              (SpDatabase    *database,
                                             int            number,
                                             GError       **error);
gboolean       sp_account_add               (SpDatabase    *database,
                                             int            number,
                                             const char    *name,
                                             SpAccountKind  kind,
                                             GError       **error);
gboolean       sp_account_rename            (SpDatabase    *database,
                                             int            number,
                                             const char    *name,
                                             GError       **error);
gboolean       sp_account_delete            (SpDatabase    *database,
                                             int            number,
                                             GError       **error);

G_END_DECLS
