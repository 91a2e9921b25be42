/* sp-allocation.c: dividing a total into parts that add up to it exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The largest-remainder method (Hamilton's method). Each part first gets its
 * exact share rounded down to a whole number of granularity units; what is left
 * of the total goes, one unit at a time, to the parts whose exact shares lost
 * the most in that rounding. When the total is not a whole number of units,
 * its odd öre go to the next part in that same order. So:
 *
 *  - the parts add up to the total exactly;
 *  - every part is a multiple of the granularity, except that at most one
 *    part also carries the total's odd öre (total mod granularity);
 *  - every part lies strictly within one granularity of its exact share;
 *  - a part whose weight is zero gets zero;
 *  - equal remainders are broken by the larger weight first, then the lower
 *    index, so the same input always gives the same parts;
 *  - a negative total is divided as its absolute value and negated, so
 *    sp_allocate (-t) == -sp_allocate (t).
 *
 * Exact shares are total × weight / Σ weights, computed in 128 bits: a total of
 * up to 10¹² öre times weights of up to 2⁶³ − 1 cannot overflow, and
 * remainders are compared as (öre, fraction of an öre) pairs, never as a
 * product that could.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "sp-allocation.h"

#ifndef __SIZEOF_INT128__
# error "sp-allocation.c needs a compiler with 128-bit integers"
#endif

__extension__ typedef unsigned __int128 SpUint128;

typedef struct
{
  guint      index;
  gint64     weight;
  guint64    remainder_ore;       /* of the exact share beyond the rounded part, in öre … */
  SpUint128  remainder_fraction;  /* … and in 1/Σweights of an öre */
} Candidate;

G_DEFINE_QUARK (sp-allocation-error-quark, sp_allocation_error)

/* Largest remainder first, then the larger weight, then the lower index. */
static int
compare_candidates (const void *a,
                    const void *b)
{
  const Candidate *x = a;
  const Candidate *y = b;

  if (x->remainder_ore != y->remainder_ore)
    return x->remainder_ore > y->remainder_ore ? -1 : 1;
  if (x->remainder_fraction != y->remainder_fraction)
    return x->remainder_fraction > y->remainder_fraction ? -1 : 1;
  if (x->weight != y->weight)
    return x->weight > y->weight ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return 0;
}

/**
 * sp_allocate:
 * @total: the amount to divide, e.g. the municipalities' quarter of the frame
 * @weights: (array length=n_parts): non-negative weights, e.g. populations,
 *   percentages in hundredths or basis points; only their ratios matter
 * @n_parts: the number of parts
 * @granularity: the unit of the parts in öre, e.g. 100 for whole kronor or 1
 *   for öre; above zero
 * @out_parts: (array length=n_parts) (out caller-allocates): the parts;
 *   untouched on failure
 * @error: a #SP_ALLOCATION_ERROR
 *
 * Divides @total among @n_parts parts in proportion to @weights with the
 * largest-remainder method, so that the parts add up to @total exactly and
 * each lies within one @granularity of its exact share. See the top of
 * sp-allocation.c for the rules, among them where the öre of a total that is
 * not a multiple of @granularity go.
 *
 * Returns: %TRUE on success
 */
gboolean
sp_allocate (SpMoney        total,
             const gint64  *weights,
             guint          n_parts,
             SpMoney        granularity,
             SpMoney       *out_parts,
             GError       **error)
{
  g_autofree Candidate *candidates = NULL;
  g_autofree guint64 *parts = NULL;
  guint64 magnitude;
  guint64 unit;
  guint64 assigned = 0;
  guint64 left;
  guint64 whole_units;
  guint64 odd_ore;
  SpUint128 weight_sum = 0;
  guint i;

  g_return_val_if_fail (weights != NULL || n_parts == 0, FALSE);
  g_return_val_if_fail (out_parts != NULL || n_parts == 0, FALSE);
  g_return_val_if_fail (granularity > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!sp_money_is_valid (total))
    {
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_OUT_OF_RANGE,
                           _("The total to divide is too large"));
      return FALSE;
    }

  if (n_parts == 0)
    {
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_NO_PARTS,
                           _("There is no one to divide the total among"));
      return FALSE;
    }

  for (i = 0; i < n_parts; i++)
    {
      if (weights[i] < 0)
        {
          g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_NEGATIVE_WEIGHT,
                               _("The weights of an allocation key must not be negative"));
          return FALSE;
        }
      weight_sum += (guint64) weights[i];
    }

  if (weight_sum == 0)
    {
      g_set_error_literal (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ZERO_WEIGHTS,
                           _("All weights of the allocation key are zero, so the total cannot be divided"));
      return FALSE;
    }

  magnitude = total < 0 ? -(guint64) total : (guint64) total;
  unit = (guint64) granularity;
  candidates = g_new (Candidate, n_parts);
  parts = g_new (guint64, n_parts);

  for (i = 0; i < n_parts; i++)
    {
      SpUint128 exact = (SpUint128) magnitude * (guint64) weights[i];  /* × 1/Σweights öre */
      guint64 floor_ore = (guint64) (exact / weight_sum);             /* ≤ magnitude */

      /* ⌊⌊a/b⌋/c⌋ = ⌊a/(bc)⌋: whole units of the exact share, rounded down. */
      parts[i] = floor_ore / unit * unit;
      assigned += parts[i];

      candidates[i].index = i;
      candidates[i].weight = weights[i];
      candidates[i].remainder_ore = floor_ore % unit;
      candidates[i].remainder_fraction = exact % weight_sum;
    }

  /* left is the sum of the remainders, each below one unit, and only the
   * parts with a remainder above zero contribute: so the parts that receive
   * something below are all such parts, and there are enough of them. */
  left = magnitude - assigned;
  whole_units = left / unit;
  odd_ore = left % unit;
  g_assert (whole_units + (odd_ore > 0 ? 1 : 0) <= n_parts);

  qsort (candidates, n_parts, sizeof (Candidate), compare_candidates);

  for (i = 0; i < whole_units; i++)
    parts[candidates[i].index] += unit;
  if (odd_ore > 0)
    parts[candidates[whole_units].index] += odd_ore;

  for (i = 0; i < n_parts; i++)
    out_parts[i] = total < 0 ? -(SpMoney) parts[i] : (SpMoney) parts[i];

  return TRUE;
}
