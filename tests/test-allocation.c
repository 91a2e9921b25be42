/* test-allocation.c: the largest-remainder method
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>

#include "sp-allocation.h"

#define KR(x) ((SpMoney) (x) * SP_MONEY_ORE_PER_KR)
#define MAX_PARTS 20
#define N_RANDOM_SPLITS 10000

/* What out_parts hold before a call that must fail: they must stay. */
#define UNTOUCHED G_GINT64_CONSTANT (4711)

__extension__ typedef __int128 Int128;

static void
allocate_ok (SpMoney       total,
             const gint64 *weights,
             guint         n,
             SpMoney       granularity,
             SpMoney      *parts)
{
  g_autoptr(GError) error = NULL;

  if (!sp_allocate (total, weights, n, granularity, parts, &error))
    fail_msg ("sp_allocate failed: %s", error->message);
  assert_null (error);
}

static void
assert_parts (const SpMoney *parts,
              const SpMoney *expected,
              guint          n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      if (parts[i] != expected[i])
        fail_msg ("part %u is %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                  i, parts[i], expected[i]);
    }
}

/* The Finsam law's split of a budget frame of 4 000 000 kr for three
 * municipalities in Västmanland.
 *
 * State half, region quarter, municipal quarter (weights 2 : 1 : 1, or the
 * same in basis points 5000 : 2500 : 2500):
 *   4 000 000 × 2/4 = 2 000 000 kr, × 1/4 = 1 000 000 kr, × 1/4 = 1 000 000 kr.
 *
 * The municipal 1 000 000 kr by population, Fagersta 12 000, Norberg 5 700,
 * Skinnskatteberg 4 400, in all 22 100:
 *   Fagersta        1 000 000 × 12 000 / 22 100 = 542 986,425… kr
 *   Norberg         1 000 000 ×  5 700 / 22 100 = 257 918,552… kr
 *   Skinnskatteberg 1 000 000 ×  4 400 / 22 100 = 199 095,022… kr
 * Rounded down: 542 986 + 257 918 + 199 095 = 999 999 kr; the one krona left
 * goes to the largest remainder, Norberg's ,552: 542 986, 257 919, 199 095.
 *
 * The same in whole tkr: 4 000 tkr × 12 000/22 100 = 2 171,945…,
 * × 5 700/22 100 = 1 031,674…, × 4 400/22 100 = 796,380…; rounded down
 * 3 998 tkr, the two left go to ,945 and ,674: 2 172, 1 032, 796 tkr.
 */
static void
test_finsam_example (void **state)
{
  const gint64 law_shares[] = { 2, 1, 1 };
  const gint64 law_basis_points[] = { 5000, 2500, 2500 };
  const gint64 population[] = { 12000, 5700, 4400 };
  const SpMoney expected_law[] = { KR (2000000), KR (1000000), KR (1000000) };
  const SpMoney expected_municipal[] = { KR (542986), KR (257919), KR (199095) };
  const SpMoney expected_tkr[] = { KR (2172000), KR (1032000), KR (796000) };
  SpMoney parts[3];

  allocate_ok (KR (4000000), law_shares, 3, KR (1), parts);
  assert_parts (parts, expected_law, 3);

  allocate_ok (KR (4000000), law_basis_points, 3, KR (1), parts);
  assert_parts (parts, expected_law, 3);

  allocate_ok (KR (1000000), population, 3, KR (1), parts);
  assert_parts (parts, expected_municipal, 3);

  allocate_ok (KR (4000000), population, 3, KR (1000), parts);
  assert_parts (parts, expected_tkr, 3);
}

/* A frame of an odd number of kronor: the state's half gets the krona. */
static void
test_odd_frame (void **state)
{
  const gint64 law_shares[] = { 2, 1, 1 };
  const SpMoney expected[] = { KR (2000001), KR (1000000), KR (1000000) };
  SpMoney parts[3];

  allocate_ok (KR (4000001), law_shares, 3, KR (1), parts);
  assert_parts (parts, expected, 3);
}

static void
test_one_part (void **state)
{
  const gint64 weights[] = { 7 };
  SpMoney parts[1];

  allocate_ok (KR (123456), weights, 1, KR (1), parts);
  assert_int_equal (parts[0], KR (123456));

  /* Even the odd öre of a total that is not whole kronor. */
  allocate_ok (12345678, weights, 1, KR (1), parts);
  assert_int_equal (parts[0], 12345678);
}

static void
test_ties (void **state)
{
  const gint64 equal[] = { 1, 1, 1 };
  const gint64 one_three[] = { 1, 3 };
  const gint64 zero_one_one[] = { 0, 1, 1 };
  const SpMoney expected_100[] = { KR (34), KR (33), KR (33) };
  const SpMoney expected_200[] = { KR (67), KR (67), KR (66) };
  const SpMoney expected_one_three[] = { KR (0), KR (2) };
  const SpMoney expected_zero_one_one[] = { 0, KR (1), 0 };
  const SpMoney expected_ore[] = { 34, 33, 33 };
  SpMoney parts[3];

  /* Equal remainders and weights: the lower index first. */
  allocate_ok (KR (100), equal, 3, KR (1), parts);
  assert_parts (parts, expected_100, 3);
  allocate_ok (KR (200), equal, 3, KR (1), parts);
  assert_parts (parts, expected_200, 3);
  allocate_ok (100, equal, 3, 1, parts);
  assert_parts (parts, expected_ore, 3);

  /* 2 kr as 1 : 3 is 0,50 and 1,50 kr; equal remainders: the larger weight first. */
  allocate_ok (KR (2), one_three, 2, KR (1), parts);
  assert_parts (parts, expected_one_three, 2);

  /* 1 kr as 0 : 1 : 1: the zero weight gets nothing, the tie goes to index 1. */
  allocate_ok (KR (1), zero_one_one, 3, KR (1), parts);
  assert_parts (parts, expected_zero_one_one, 3);
}

/* A total that is not a whole number of kronor: its öre go to the next part
 * in line, so that every part stays within a krona of its share. */
static void
test_odd_ore (void **state)
{
  const gint64 equal[] = { 1, 1 };
  const gint64 law_shares[] = { 2, 1, 1 };
  const SpMoney expected_equal[] = { 5001, 5000 };
  /* 1 000,99 kr as 2:1:1 is 500,495, 250,2475, 250,2475 kr: whole kronor
   * 500 + 250 + 250, and the 0,99 kr left go to the state's ,495. */
  const SpMoney expected_law[] = { 50099, 25000, 25000 };
  SpMoney parts[3];

  allocate_ok (10001, equal, 2, KR (1), parts);
  assert_parts (parts, expected_equal, 2);

  allocate_ok (100099, law_shares, 3, KR (1), parts);
  assert_parts (parts, expected_law, 3);
}

static void
test_negative_total (void **state)
{
  const gint64 equal[] = { 1, 1, 1 };
  const SpMoney expected[] = { -KR (34), -KR (33), -KR (33) };
  const SpMoney expected_ore[] = { -1, 0, 0 };
  SpMoney parts[3];

  allocate_ok (-KR (100), equal, 3, KR (1), parts);
  assert_parts (parts, expected, 3);

  /* One öre owed, among three. */
  allocate_ok (-1, equal, 3, KR (1), parts);
  assert_parts (parts, expected_ore, 3);
}

static void
test_zero_total (void **state)
{
  const gint64 weights[] = { 3, 0, 5 };
  const SpMoney expected[] = { 0, 0, 0 };
  SpMoney parts[3] = { UNTOUCHED, UNTOUCHED, UNTOUCHED };

  allocate_ok (0, weights, 3, KR (1), parts);
  assert_parts (parts, expected, 3);
}

/* Weights near G_MAXINT64 and the largest total: no overflow. */
static void
test_huge_weights (void **state)
{
  const gint64 weights[] = { G_MAXINT64, G_MAXINT64, 1 };
  const SpMoney expected[] = { SP_MONEY_MAX / 2, SP_MONEY_MAX / 2, 0 };
  const gint64 populations[] = { G_MAXINT64 / 2, G_MAXINT64 / 4, G_MAXINT64 / 4 };
  const SpMoney expected_quarters[] = { SP_MONEY_MAX / 2, SP_MONEY_MAX / 4, SP_MONEY_MAX / 4 };
  SpMoney parts[3];

  allocate_ok (SP_MONEY_MAX, weights, 3, KR (1), parts);
  assert_parts (parts, expected, 3);

  allocate_ok (SP_MONEY_MAX, populations, 3, KR (1), parts);
  assert_parts (parts, expected_quarters, 3);

  allocate_ok (SP_MONEY_MIN, populations, 3, 1, parts);
  assert_int_equal (parts[0] + parts[1] + parts[2], SP_MONEY_MIN);
}

static void
assert_allocation_error (SpMoney       total,
                         const gint64 *weights,
                         guint         n,
                         int           code)
{
  g_autoptr(GError) error = NULL;
  SpMoney parts[4] = { UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED };
  guint i;

  g_assert (n <= G_N_ELEMENTS (parts));
  assert_false (sp_allocate (total, weights, n, KR (1), parts, &error));
  assert_non_null (error);
  if (!g_error_matches (error, SP_ALLOCATION_ERROR, code))
    fail_msg ("expected error %d, got %s %d “%s”", code,
              g_quark_to_string (error->domain), error->code, error->message);
  assert_true (error->message[0] != '\0');
  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    assert_int_equal (parts[i], UNTOUCHED);
}

static void
test_errors (void **state)
{
  const gint64 zeros[] = { 0, 0, 0 };
  const gint64 negative[] = { 5, -1, 5 };
  const gint64 fine[] = { 1, 2 };

  assert_allocation_error (KR (100), zeros, 3, SP_ALLOCATION_ERROR_ZERO_WEIGHTS);
  assert_allocation_error (0, zeros, 3, SP_ALLOCATION_ERROR_ZERO_WEIGHTS);
  assert_allocation_error (KR (100), negative, 3, SP_ALLOCATION_ERROR_NEGATIVE_WEIGHT);
  assert_allocation_error (KR (100), NULL, 0, SP_ALLOCATION_ERROR_NO_PARTS);
  assert_allocation_error (SP_MONEY_MAX + 1, fine, 2, SP_ALLOCATION_ERROR_OUT_OF_RANGE);
  assert_allocation_error (SP_MONEY_MIN - 1, fine, 2, SP_ALLOCATION_ERROR_OUT_OF_RANGE);
  assert_allocation_error (G_MININT64, fine, 2, SP_ALLOCATION_ERROR_OUT_OF_RANGE);
}

static guint64
random_u64 (GRand *rand)
{
  return (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
}

static gint64
random_weight (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      return 0;
    case 1:
      return g_rand_int_range (rand, 0, 101);                      /* percentages */
    case 2:
      return g_rand_int_range (rand, 0, 10001);                    /* basis points */
    case 3:
      return g_rand_int_range (rand, 0, 1000001);                  /* populations */
    case 4:
      return (gint64) (random_u64 (rand) % G_GINT64_CONSTANT (1000000000000));
    default:
      return (gint64) (random_u64 (rand) >> 1);                    /* up to G_MAXINT64 */
    }
}

/* The order in which parts receive what is left: the largest remainder of
 * |total| × w mod (Σw × granularity) first, then the larger weight, then the
 * lower index. Computed here from single 128-bit remainders. */
static gboolean
comes_before (Int128        remainder_a,
              gint64        weight_a,
              guint         index_a,
              Int128        remainder_b,
              gint64        weight_b,
              guint         index_b)
{
  if (remainder_a != remainder_b)
    return remainder_a > remainder_b;
  if (weight_a != weight_b)
    return weight_a > weight_b;
  return index_a < index_b;
}

/* Checks one split; prints what is wrong and returns FALSE. */
static gboolean
check_split (guint          round,
             SpMoney        total,
             const gint64  *weights,
             guint          n,
             SpMoney        granularity,
             const SpMoney *parts)
{
  Int128 weight_sum = 0;
  Int128 magnitude = total < 0 ? -(Int128) total : (Int128) total;
  Int128 remainders[MAX_PARTS];
  gint64 bumps[MAX_PARTS];
  SpMoney sum = 0;
  gint64 odd = magnitude % granularity;
  guint n_odd = 0;
  gint odd_index = -1;
  guint i, j;

  for (i = 0; i < n; i++)
    {
      weight_sum += weights[i];
      sum += parts[i];
    }

  if (sum != total)
    {
      print_error ("round %u: the parts add up to %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT "\n",
                   round, sum, total);
      return FALSE;
    }

  for (i = 0; i < n; i++)
    {
      /* part − exact share = (part × Σw − total × w) / Σw, strictly within ±granularity */
      Int128 deviation = (Int128) parts[i] * weight_sum - (Int128) total * weights[i];
      Int128 limit = (Int128) granularity * weight_sum;
      Int128 base;
      gint64 magnitude_part = parts[i] < 0 ? -parts[i] : parts[i];

      if (deviation <= -limit || deviation >= limit)
        {
          print_error ("round %u: part %u = %" G_GINT64_FORMAT " is not within %" G_GINT64_FORMAT
                       " of its share %.3Lf\n", round, i, parts[i], granularity,
                       (long double) total * weights[i] / (long double) weight_sum);
          return FALSE;
        }

      if (weights[i] == 0 && parts[i] != 0)
        {
          print_error ("round %u: part %u has weight 0 but gets %" G_GINT64_FORMAT "\n",
                       round, i, parts[i]);
          return FALSE;
        }

      if (parts[i] != 0 && (parts[i] < 0) != (total < 0))
        {
          print_error ("round %u: part %u has the wrong sign\n", round, i);
          return FALSE;
        }

      base = magnitude * weights[i] / (weight_sum * granularity) * granularity;
      remainders[i] = magnitude * weights[i] % (weight_sum * granularity);
      bumps[i] = magnitude_part - (gint64) base;
      if (bumps[i] != 0 && bumps[i] != granularity)
        {
          if (bumps[i] != odd)
            {
              print_error ("round %u: part %u is %" G_GINT64_FORMAT " above its rounded share\n",
                           round, i, bumps[i]);
              return FALSE;
            }
          n_odd++;
          odd_index = i;
        }
    }

  /* Exactly one part carries the odd öre, if there are any. */
  if ((odd == 0 && n_odd != 0) || (odd != 0 && n_odd != 1))
    {
      print_error ("round %u: %u parts carry the %" G_GINT64_FORMAT " odd öre\n", round, n_odd, odd);
      return FALSE;
    }

  /* Largest remainders first: whoever got a whole unit comes before whoever
   * got the odd öre, who comes before whoever got nothing. */
  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      {
        gint rank_i = bumps[i] == granularity ? 0 : (gint) i == odd_index ? 1 : 2;
        gint rank_j = bumps[j] == granularity ? 0 : (gint) j == odd_index ? 1 : 2;

        if (rank_i < rank_j &&
            !comes_before (remainders[i], weights[i], i, remainders[j], weights[j], j))
          {
            print_error ("round %u: part %u got more than part %u, whose remainder comes first\n",
                         round, i, j);
            return FALSE;
          }
      }

  return TRUE;
}

static void
test_random_splits (void **state)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20030601);
  guint failures = 0;
  guint zero_weight_splits = 0;
  guint round;

  for (round = 0; round < N_RANDOM_SPLITS && failures < 10; round++)
    {
      gint64 weights[MAX_PARTS];
      SpMoney parts[MAX_PARTS];
      SpMoney mirrored[MAX_PARTS];
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 1, MAX_PARTS + 1);
      SpMoney granularity = KR (1);
      SpMoney total;
      gboolean all_zero = TRUE;
      gboolean ok;
      guint i;

      for (i = 0; i < n; i++)
        {
          weights[i] = random_weight (rand);
          all_zero = all_zero && weights[i] == 0;
        }

      /* Whole kronor up to the limit, most of the time. */
      total = KR (random_u64 (rand) % (SP_MONEY_MAX / SP_MONEY_ORE_PER_KR + 1));
      switch (g_rand_int_range (rand, 0, 10))
        {
        case 0:
          total = (SpMoney) (random_u64 (rand) % (SP_MONEY_MAX + 1));  /* with odd öre */
          break;
        case 1:
          total = KR (g_rand_int_range (rand, 0, 1000));               /* small: many ties */
          break;
        case 2:
          granularity = 1;
          break;
        case 3:
          granularity = KR (1000);
          break;
        default:
          break;
        }
      if (g_rand_int_range (rand, 0, 4) == 0)
        total = -total;

      ok = sp_allocate (total, weights, n, granularity, parts, &error);
      if (all_zero)
        {
          zero_weight_splits++;
          if (ok || !g_error_matches (error, SP_ALLOCATION_ERROR, SP_ALLOCATION_ERROR_ZERO_WEIGHTS))
            {
              print_error ("round %u: all weights zero, but no such error\n", round);
              failures++;
            }
          continue;
        }
      if (!ok)
        {
          print_error ("round %u: %s\n", round, error->message);
          failures++;
          continue;
        }

      if (!check_split (round, total, weights, n, granularity, parts))
        {
          failures++;
          continue;
        }

      /* Symmetry: the negated total gives the negated parts. */
      if (!sp_allocate (-total, weights, n, granularity, mirrored, NULL))
        {
          print_error ("round %u: the negated total failed\n", round);
          failures++;
          continue;
        }
      for (i = 0; i < n; i++)
        {
          if (mirrored[i] != -parts[i])
            {
              print_error ("round %u: part %u of −total is %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT "\n",
                           round, i, mirrored[i], -parts[i]);
              failures++;
              break;
            }
        }
    }

  print_message ("# %u random splits, %u of them with all weights zero\n", round, zero_weight_splits);
  assert_int_equal (failures, 0);
  assert_int_equal (round, N_RANDOM_SPLITS);
  assert_true (zero_weight_splits > 0);
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test (test_finsam_example),
    cmocka_unit_test (test_odd_frame),
    cmocka_unit_test (test_one_part),
    cmocka_unit_test (test_ties),
    cmocka_unit_test (test_odd_ore),
    cmocka_unit_test (test_negative_total),
    cmocka_unit_test (test_zero_total),
    cmocka_unit_test (test_huge_weights),
    cmocka_unit_test (test_errors),
    cmocka_unit_test (test_random_splits),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
