/* fuzz-money.c: libFuzzer target for sp_money_parse() and sp_money_format()
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tests/meson.build builds it with clang (-fsanitize=fuzzer,address,undefined)
 * from this file and sp-money.c alone; the suite 'fuzz' runs it for 15 s.
 * To run it for longer, from the top of the tree:
 *   meson compile -C _build fuzz-money
 *   mkdir -p _build/tests/fuzz-money-corpus
 *   _build/tests/fuzz-money -max_total_time=3600 _build/tests/fuzz-money-corpus tests/fuzz/money
 * (new inputs go to the first folder; tests/fuzz/money is the seed corpus).
 *
 * The first byte picks the locale (sv_SE, C, en_US: each with its own
 * separators) and the unit; the rest is the text. For every input:
 *
 *  - parsing never crashes, reads nothing out of bounds, and either fails
 *    with a non-empty message and the amount untouched, or gives an amount
 *    within SP_MONEY_MIN … SP_MONEY_MAX;
 *  - an amount parsed reads back unchanged from each exact format of it
 *    (kr, kr with decimals, tkr exact, tkr with decimals, with and without
 *    the unit), and the rounded tkr format reads back as the rounded amount;
 *  - the same holds for the amount made of the input's first eight bytes,
 *    folded into the valid range, so that formatting is fuzzed on its own.
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sp-money.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static locale_t locales[3];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *names[] = { "sv_SE.UTF-8", "C.UTF-8", "en_US.UTF-8" };

  for (unsigned i = 0; i < G_N_ELEMENTS (names); i++)
    {
      locales[i] = newlocale (LC_ALL_MASK, names[i], (locale_t) 0);
      if (locales[i] == (locale_t) 0)
        locales[i] = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
    }
  return 0;
}

static void
round_trip (SpMoney amount)
{
  static const SpMoneyFormatFlags exact_flags[] = {
    SP_MONEY_FORMAT_DEFAULT,
    SP_MONEY_FORMAT_DECIMALS,
    SP_MONEY_FORMAT_EXACT,
    SP_MONEY_FORMAT_NO_UNIT,
    SP_MONEY_FORMAT_DECIMALS | SP_MONEY_FORMAT_NO_UNIT,
  };

  if (!sp_money_is_valid (amount))
    abort ();

  for (SpMoneyUnit unit = SP_MONEY_UNIT_KR; unit <= SP_MONEY_UNIT_TKR; unit++)
    for (unsigned i = 0; i < G_N_ELEMENTS (exact_flags); i++)
      {
        SpMoneyFormatFlags flags = exact_flags[i];
        gboolean rounds = unit == SP_MONEY_UNIT_TKR &&
                          !(flags & (SP_MONEY_FORMAT_DECIMALS | SP_MONEY_FORMAT_EXACT));
        char *text = sp_money_format (amount, unit, flags);
        GError *error = NULL;
        SpMoney back = 0;
        SpMoney want = rounds ? sp_money_to_tkr_rounded (amount) * SP_MONEY_ORE_PER_TKR : amount;

        if (text == NULL || !g_utf8_validate (text, -1, NULL))
          abort ();
        if (!sp_money_parse (text, unit, &back, &error))
          {
            /* The rounded tkr of the very largest amounts may lie beyond it. */
            if (!(rounds && (want > SP_MONEY_MAX || want < SP_MONEY_MIN)))
              {
                fprintf (stderr, "format %" G_GINT64_FORMAT " → “%s” does not parse: %s\n",
                         amount, text, error->message);
                abort ();
              }
            g_error_free (error);
          }
        else if (back != want)
          {
            fprintf (stderr, "%" G_GINT64_FORMAT " → “%s” → %" G_GINT64_FORMAT "\n",
                     amount, text, back);
            abort ();
          }
        g_free (text);
      }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  SpMoneyUnit unit;
  char *text;
  SpMoney amount = 4711;
  GError *error = NULL;
  locale_t previous;

  if (size < 1)
    return 0;

  previous = uselocale (locales[(data[0] & 0x7f) % G_N_ELEMENTS (locales)]);
  unit = (data[0] & 0x80) ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR;
  text = g_strndup ((const char *) data + 1, size - 1);

  if (sp_money_parse (text, unit, &amount, &error))
    round_trip (amount);
  else
    {
      if (error == NULL || error->domain != SP_MONEY_ERROR || error->message[0] == '\0' ||
          amount != 4711)
        abort ();
      g_error_free (error);
    }

  if (size >= 9)
    {
      guint64 raw;

      memcpy (&raw, data + 1, sizeof raw);
      round_trip ((SpMoney) (raw % (2 * (guint64) SP_MONEY_MAX + 1)) - SP_MONEY_MAX);
    }

  g_free (text);
  uselocale (previous);
  return 0;
}
