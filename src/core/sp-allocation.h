/* sp-allocation.h: dividing a total into parts that add up to it exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-money.h"

G_BEGIN_DECLS

#define SP_ALLOCATION_ERROR (sp_allocation_error_quark ())

/**
 * SpAllocationError:
 * @SP_ALLOCATION_ERROR_NO_PARTS: there is nothing to divide the total among
 * @SP_ALLOCATION_ERROR_ZERO_WEIGHTS: every weight is zero
 * @SP_ALLOCATION_ERROR_NEGATIVE_WEIGHT: a weight is below zero
 * @SP_ALLOCATION_ERROR_OUT_OF_RANGE: the total is not a valid #SpMoney
 */
typedef enum {
  SP_ALLOCATION_ERROR_NO_PARTS,
  SP_ALLOCATION_ERROR_ZERO_WEIGHTS,
  SP_ALLOCATION_ERROR_NEGATIVE_WEIGHT,
  SP_ALLOCATION_ERROR_OUT_OF_RANGE,
} SpAllocationError;

GQuark    sp_allocation_error_quark  (void);

gboolean  sp_allocate                (SpMoney        total,
                                      const gint64  *weights,
                                      guint          n_parts,
                                      SpMoney        granularity,
                                      SpMoney       *out_parts,
                                      GError       **error);

G_END_DECLS
