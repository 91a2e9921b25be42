/* sp-error.c: why an edit was refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-error.h"

G_DEFINE_QUARK (sp-error-quark, sp_error)
