/* sp-example.h: the example förbund
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-database.h"

G_BEGIN_DECLS

#define SP_EXAMPLE_YEAR 2009

SpDatabase *sp_example_create (const char  *path,
                               GError     **error);

G_END_DECLS
