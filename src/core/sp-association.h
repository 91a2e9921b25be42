/* sp-association.h: the förbund itself: name, organisation number, address, logo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"
#include "sp-member.h"

G_BEGIN_DECLS

typedef struct {
  char *name;
  char *org_number;
  char *address;
} SpAssociation;

void           sp_association_free          (SpAssociation  *association);
SpAssociation *sp_association_load          (SpDatabase     *database,
                                             GError        **error);
gboolean       sp_association_update        (SpDatabase     *database,
                                             const char     *name,
                                             const char     *org_number,
                                             const char     *address,
                                             GError        **error);
char          *sp_association_check_org_number (const char  *text,
                                             GError        **error);
GBytes        *sp_association_load_logo     (SpDatabase     *database,
                                             GError        **error);
gboolean       sp_association_check_logo    (GBytes         *png,
                                             GError        **error);
gboolean       sp_association_set_logo      (SpDatabase     *database,
                                             GBytes         *png,
                                             GError        **error);
gboolean       sp_association_is_new        (SpDatabase     *database);
guint          sp_association_get_revenue_account (SpDatabase   *database,
                                                   SpMemberKind  kind);
gboolean       sp_association_set_revenue_account (SpDatabase   *database,
                                                   SpMemberKind  kind,
                                                   guint         account,
                                                   GError      **error);
gboolean       sp_association_start         (SpDatabase     *database,
                                             const char     *name,
                                             int             first_year,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAssociation, sp_association_free)

G_END_DECLS
