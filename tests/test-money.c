/* test-money.c: parsing and formatting amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most tests run in sv_SE.UTF-8, the locale Samplan is used in; a setup that
 * cannot switch to it fails the test and says so. Some run in the C locale,
 * and the round trip also runs in any of a few other locales that happen to
 * be installed.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sp-money.h"

#define SWEDISH_LOCALE "sv_SE.UTF-8"

/* The characters the formatter writes and the parser must read. */
#define NBSP  "\xc2\xa0"      /* U+00A0 NO-BREAK SPACE */
#define NNBSP "\xe2\x80\xaf"  /* U+202F NARROW NO-BREAK SPACE, sv_SE's thousands separator */
#define THIN  "\xe2\x80\x89"  /* U+2009 THIN SPACE */
#define MINUS "\xe2\x88\x92"  /* U+2212 MINUS SIGN */
#define NDASH "\xe2\x80\x93"  /* U+2013 EN DASH */

/* What *out holds before a parse that must fail: it must stay. */
#define UNTOUCHED G_GINT64_CONSTANT (4711)

typedef struct
{
  const char   *text;
  SpMoneyUnit   unit;
  gboolean      ok;
  SpMoney       expected;  /* when ok */
  SpMoneyError  code;      /* when not */
} ParseCase;

#define OK(text, unit, ore) { text, SP_MONEY_UNIT_##unit, TRUE, G_GINT64_CONSTANT (ore), 0 }
#define ERR(text, unit, code) { text, SP_MONEY_UNIT_##unit, FALSE, 0, SP_MONEY_ERROR_##code }

/* In sv_SE.UTF-8: decimal comma, U+202F between thousands. */
static const ParseCase swedish_cases[] = {
  /* Zero */
  OK ("0", KR, 0),
  OK ("0,00", KR, 0),
  OK ("-0", KR, 0),
  OK (MINUS "0,00 kr", KR, 0),

  /* What the design names */
  OK ("1 234 567", KR, 123456700),
  OK ("1234567,50", KR, 123456750),
  OK ("1 234 567 kr", KR, 123456700),
  OK ("1 234 567,50 kr", KR, 123456750),
  OK ("-12 000", KR, -1200000),
  OK ("12,5 tkr", TKR, 1250000),

  /* Signs */
  OK (MINUS "12 000", KR, -1200000),
  OK (NDASH "12 000", KR, -1200000),
  OK ("+12", KR, 1200),
  OK ("- 12", KR, -1200),
  OK (MINUS "0,01", KR, -1),

  /* White space and the thousands separators */
  OK ("  42  ", KR, 4200),
  OK ("\t42\n", KR, 4200),
  OK (NBSP "42" NBSP, KR, 4200),
  OK ("1" NBSP "234" NBSP "567", KR, 123456700),
  OK ("1" NNBSP "234" NNBSP "567" NBSP "kr", KR, 123456700),
  OK ("1" THIN "234", KR, 123400),
  OK ("007", KR, 700),

  /* Decimals */
  OK ("0,5", KR, 50),
  OK (",5", KR, 50),
  OK ("1234.50", KR, 123450),
  OK ("1234.5", KR, 123450),
  OK ("1 234.5", KR, 123450),

  /* Units: the field's, or the one written */
  OK ("12,5", TKR, 1250000),
  OK ("12,5 kr", TKR, 1250),
  OK ("12,34567", TKR, 1234567),
  OK ("0,00001 tkr", KR, 1),
  OK ("1,234", TKR, 123400),
  OK ("12kr", KR, 1200),
  OK ("12KR", TKR, 1200),
  OK ("12 Tkr", KR, 1200000),
  OK ("12 SEK", TKR, 1200),
  OK ("12 kronor", KR, 1200),
  OK ("12 kSEK", KR, 1200000),
  OK ("12:-", TKR, 1200),
  OK ("125,-", KR, 12500),

  /* The limits */
  OK ("10 000 000 000", KR, 1000000000000),
  OK ("-10 000 000 000 kr", KR, -1000000000000),
  OK ("10 000 000", TKR, 1000000000000),

  /* Nothing there */
  ERR ("", KR, EMPTY),
  ERR ("   ", KR, EMPTY),
  ERR (NBSP NNBSP, TKR, EMPTY),
  ERR ("-", KR, NO_DIGITS),
  ERR ("kr", KR, NO_DIGITS),
  ERR ("- tkr", KR, NO_DIGITS),

  /* Characters and words that are no part of an amount */
  ERR ("abc", KR, INVALID_CHARACTER),
  ERR ("$12", KR, INVALID_CHARACTER),
  ERR ("(12)", KR, INVALID_CHARACTER),
  ERR ("12 €", KR, INVALID_CHARACTER),
  ERR ("12a34", KR, INVALID_CHARACTER),
  ERR ("12 kr 5", KR, INVALID_CHARACTER),
  ERR ("12 kr kr", KR, INVALID_CHARACTER),
  ERR ("12\x01", KR, INVALID_CHARACTER),
  ERR ("\xef\xbc\x91\xef\xbc\x92", KR, INVALID_CHARACTER),  /* full-width "12" */
  ERR ("12\xff", KR, INVALID_CHARACTER),                    /* not UTF-8 */
  ERR ("12abc", KR, UNKNOWN_UNIT),
  ERR ("12 EUR", KR, UNKNOWN_UNIT),
  ERR ("12 krona", KR, UNKNOWN_UNIT),

  /* Signs */
  ERR ("--12", KR, SIGN),
  ERR ("-" MINUS "12", KR, SIGN),
  ERR ("+ -12", KR, SIGN),
  ERR ("12-", KR, SIGN),
  ERR ("12 000 " MINUS, KR, SIGN),

  /* Thousands separators */
  ERR ("12 34", KR, SEPARATOR),
  ERR ("1234 567", KR, SEPARATOR),
  ERR ("1 2345", KR, SEPARATOR),
  ERR ("1  234", KR, SEPARATOR),
  ERR ("1 234 56", KR, SEPARATOR),
  ERR ("1 23 456", KR, SEPARATOR),
  ERR ("1 2345 678", KR, SEPARATOR),
  ERR ("1 ,5", KR, SEPARATOR),
  ERR ("1,234 567", TKR, SEPARATOR),

  /* Points that could be thousands separators */
  ERR ("1.234", KR, AMBIGUOUS_SEPARATOR),
  ERR ("1.234", TKR, AMBIGUOUS_SEPARATOR),
  ERR ("1.234.567", KR, AMBIGUOUS_SEPARATOR),
  ERR ("1.234,50", KR, AMBIGUOUS_SEPARATOR),
  ERR ("1,234.50", KR, AMBIGUOUS_SEPARATOR),

  /* Decimal separators */
  ERR ("1,2,3", KR, DECIMAL_SEPARATOR),
  ERR ("12,", KR, DECIMAL_SEPARATOR),
  ERR ("12, kr", KR, DECIMAL_SEPARATOR),

  /* Finer than öre */
  ERR ("1,234", KR, TOO_MANY_DECIMALS),
  ERR ("12,500", KR, TOO_MANY_DECIMALS),
  ERR ("12,123 kr", TKR, TOO_MANY_DECIMALS),
  ERR ("12,123456", TKR, TOO_MANY_DECIMALS),

  /* Too large either way */
  ERR ("10 000 000 000,01", KR, TOO_LARGE),
  ERR ("-10 000 000 001", KR, TOO_LARGE),
  ERR ("10 000 000,00001", TKR, TOO_LARGE),
  ERR ("99999999999999999999999999999", KR, TOO_LARGE),
};

/* In the C locale: decimal point, no thousands separator of its own. */
static const ParseCase c_cases[] = {
  OK ("1234567.50", KR, 123456750),
  OK ("1 234 567.50 kr", KR, 123456750),
  OK ("1.234", TKR, 123400),
  OK ("1,5", KR, 150),
  OK (MINUS "12000", KR, -1200000),
  ERR ("1.234", KR, TOO_MANY_DECIMALS),
  ERR ("1,234", TKR, AMBIGUOUS_SEPARATOR),
  ERR ("1.2.3", KR, DECIMAL_SEPARATOR),
  ERR ("1 2345", KR, SEPARATOR),
};

typedef struct
{
  SpMoney             amount;
  SpMoneyUnit         unit;
  SpMoneyFormatFlags  flags;
  const char         *expected;
} FormatCase;

#define FMT(ore, unit, flags, text) \
  { G_GINT64_CONSTANT (ore), SP_MONEY_UNIT_##unit, flags, text }

static const FormatCase swedish_formats[] = {
  FMT (0, KR, 0, "0" NBSP "kr"),
  FMT (100, KR, 0, "1" NBSP "kr"),
  FMT (99, KR, 0, "0,99" NBSP "kr"),
  FMT (99900, KR, 0, "999" NBSP "kr"),
  FMT (100000, KR, 0, "1" NNBSP "000" NBSP "kr"),
  FMT (123456700, KR, 0, "1" NNBSP "234" NNBSP "567" NBSP "kr"),
  FMT (123450, KR, 0, "1" NNBSP "234,50" NBSP "kr"),
  FMT (123405, KR, 0, "1" NNBSP "234,05" NBSP "kr"),
  FMT (123400, KR, SP_MONEY_FORMAT_DECIMALS, "1" NNBSP "234,00" NBSP "kr"),
  FMT (123400, KR, SP_MONEY_FORMAT_EXACT, "1" NNBSP "234" NBSP "kr"),
  FMT (123400, KR, SP_MONEY_FORMAT_NO_UNIT, "1" NNBSP "234"),
  FMT (-1200000, KR, 0, MINUS "12" NNBSP "000" NBSP "kr"),
  FMT (-1, KR, 0, MINUS "0,01" NBSP "kr"),
  FMT (-1, KR, SP_MONEY_FORMAT_NO_UNIT, MINUS "0,01"),
  FMT (1000000000000, KR, 0, "10" NNBSP "000" NNBSP "000" NNBSP "000" NBSP "kr"),
  FMT (123456700, TKR, 0, "1" NNBSP "235" NBSP "tkr"),
  FMT (123450000, TKR, 0, "1" NNBSP "235" NBSP "tkr"),     /* 1 234 500 kr: half away from zero */
  FMT (123449999, TKR, 0, "1" NNBSP "234" NBSP "tkr"),
  FMT (-123450000, TKR, 0, MINUS "1" NNBSP "235" NBSP "tkr"),
  FMT (-123449999, TKR, 0, MINUS "1" NNBSP "234" NBSP "tkr"),
  FMT (-40000, TKR, 0, "0" NBSP "tkr"),                      /* −400 kr shows as 0, without a sign */
  FMT (-50000, TKR, 0, MINUS "1" NBSP "tkr"),
  FMT (123456700, TKR, SP_MONEY_FORMAT_NO_UNIT, "1" NNBSP "235"),
  FMT (123456, TKR, SP_MONEY_FORMAT_EXACT, "1,23456" NBSP "tkr"),
  FMT (123400, TKR, SP_MONEY_FORMAT_EXACT, "1,234" NBSP "tkr"),
  FMT (100000, TKR, SP_MONEY_FORMAT_EXACT, "1" NBSP "tkr"),
  FMT (123400, TKR, SP_MONEY_FORMAT_DECIMALS, "1,23400" NBSP "tkr"),
  FMT (-1, TKR, SP_MONEY_FORMAT_DECIMALS, MINUS "0,00001" NBSP "tkr"),
  FMT (123456789012, TKR, SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT, "1" NNBSP "234" NNBSP "567,89012"),
};

static const FormatCase c_formats[] = {
  FMT (123456750, KR, 0, "1234567.50" NBSP "kr"),
  FMT (123456700, KR, 0, "1234567" NBSP "kr"),
  FMT (-1200000, KR, 0, MINUS "12000" NBSP "kr"),
  FMT (123456700, TKR, 0, "1235" NBSP "tkr"),
  FMT (123400, TKR, SP_MONEY_FORMAT_EXACT, "1.234" NBSP "tkr"),
};

/* Flags whose text reads back to exactly the amount, in the unit shown. */
static const struct {
  SpMoneyUnit        unit;
  SpMoneyFormatFlags flags;
} exact_formats[] = {
  { SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT },
  { SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS },
  { SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT },
  { SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_EXACT },
  { SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_DECIMALS },
  { SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT },
  { SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_DECIMALS | SP_MONEY_FORMAT_NO_UNIT },
};

/* Tried in the round trip when installed; sv_SE and C always are. */
static const char * const optional_locales[] = {
  "en_US.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8", "de_CH.UTF-8", "sv_SE.ISO-8859-1",
};

static char *
escape (const char *text)
{
  return g_strescape (text, NULL);
}

static int
setup_swedish (void **state)
{
  if (setlocale (LC_ALL, SWEDISH_LOCALE) == NULL)
    {
      print_error ("The locale %s is missing: enable it in /etc/locale.gen and run locale-gen\n",
                   SWEDISH_LOCALE);
      return -1;
    }
  return 0;
}

static int
setup_c (void **state)
{
  if (setlocale (LC_ALL, "C") == NULL)
    return -1;
  return 0;
}

static int
teardown_locale (void **state)
{
  setlocale (LC_ALL, "C");
  return 0;
}

/* Returns the number of cases that went wrong, each one printed. */
static guint
run_parse_cases (const ParseCase *cases,
                 gsize            n_cases)
{
  guint failures = 0;
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      const ParseCase *c = &cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *shown = escape (c->text);
      SpMoney amount = UNTOUCHED;
      gboolean ok = sp_money_parse (c->text, c->unit, &amount, &error);

      if (c->ok && !ok)
        {
          print_error ("\"%s\" (%s): expected %" G_GINT64_FORMAT ", got error “%s”\n",
                       shown, c->unit == SP_MONEY_UNIT_KR ? "kr" : "tkr",
                       c->expected, error ? error->message : "(none)");
          failures++;
        }
      else if (c->ok && amount != c->expected)
        {
          print_error ("\"%s\" (%s): expected %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT "\n",
                       shown, c->unit == SP_MONEY_UNIT_KR ? "kr" : "tkr",
                       c->expected, amount);
          failures++;
        }
      else if (c->ok && error != NULL)
        {
          print_error ("\"%s\": success with an error set\n", shown);
          failures++;
        }
      else if (!c->ok && ok)
        {
          print_error ("\"%s\" (%s): expected error %d, got %" G_GINT64_FORMAT "\n",
                       shown, c->unit == SP_MONEY_UNIT_KR ? "kr" : "tkr",
                       (int) c->code, amount);
          failures++;
        }
      else if (!c->ok &&
               (error == NULL || !g_error_matches (error, SP_MONEY_ERROR, (int) c->code)))
        {
          print_error ("\"%s\" (%s): expected error %d, got %d “%s”\n",
                       shown, c->unit == SP_MONEY_UNIT_KR ? "kr" : "tkr", (int) c->code,
                       error ? error->code : -1, error ? error->message : "(none)");
          failures++;
        }
      else if (!c->ok && (amount != UNTOUCHED || error->message[0] == '\0' ||
                          strstr (error->message, "%") != NULL))
        {
          print_error ("\"%s\": the failure changed the amount or gave no message\n", shown);
          failures++;
        }
    }

  return failures;
}

static void
test_parse_swedish (void **state)
{
  assert_true (G_N_ELEMENTS (swedish_cases) >= 40);
  assert_int_equal (run_parse_cases (swedish_cases, G_N_ELEMENTS (swedish_cases)), 0);
}

static void
test_parse_c_locale (void **state)
{
  assert_int_equal (run_parse_cases (c_cases, G_N_ELEMENTS (c_cases)), 0);
}

static void
assert_parse_message (const char  *text,
                      SpMoneyUnit  unit,
                      const char  *fragment)
{
  g_autoptr(GError) error = NULL;
  SpMoney amount = UNTOUCHED;

  assert_false (sp_money_parse (text, unit, &amount, &error));
  assert_non_null (error);
  if (strstr (error->message, fragment) == NULL)
    fail_msg ("The message for \"%s\" is “%s”; it should mention “%s”",
              text, error->message, fragment);
}

/* The messages name what is wrong. */
static void
test_parse_messages (void **state)
{
  assert_parse_message ("12 €", SP_MONEY_UNIT_KR, "“€”");
  assert_parse_message ("12a34", SP_MONEY_UNIT_KR, "“a”");
  assert_parse_message ("12\x01", SP_MONEY_UNIT_KR, "U+0001");
  assert_parse_message ("12 EUR", SP_MONEY_UNIT_KR, "“EUR”");
  assert_parse_message ("12 EUR", SP_MONEY_UNIT_KR, "tkr");
  assert_parse_message ("1.234", SP_MONEY_UNIT_KR, "“.”");
  assert_parse_message ("1.234", SP_MONEY_UNIT_KR, "“,”");
  assert_parse_message ("12,", SP_MONEY_UNIT_KR, "“,”");
  assert_parse_message ("12,345", SP_MONEY_UNIT_KR, "two");
  assert_parse_message ("12,345678", SP_MONEY_UNIT_TKR, "five");
  assert_parse_message ("20 000 000 000", SP_MONEY_UNIT_KR,
                        "10" NNBSP "000" NNBSP "000" NNBSP "000" NBSP "kr");
  assert_parse_message ("-20 000 000 000", SP_MONEY_UNIT_KR,
                        MINUS "10" NNBSP "000" NNBSP "000" NNBSP "000" NBSP "kr");
}

static guint
run_format_cases (const FormatCase *cases,
                  gsize             n_cases)
{
  guint failures = 0;
  gsize i;

  for (i = 0; i < n_cases; i++)
    {
      const FormatCase *c = &cases[i];
      g_autofree char *text = sp_money_format (c->amount, c->unit, c->flags);

      if (g_strcmp0 (text, c->expected) != 0)
        {
          g_autofree char *got = escape (text ? text : "(null)");
          g_autofree char *want = escape (c->expected);

          print_error ("%" G_GINT64_FORMAT " öre (%s, flags %d): expected \"%s\", got \"%s\"\n",
                       c->amount, c->unit == SP_MONEY_UNIT_KR ? "kr" : "tkr",
                       (int) c->flags, want, got);
          failures++;
        }
    }

  return failures;
}

static void
test_format_swedish (void **state)
{
  assert_int_equal (run_format_cases (swedish_formats, G_N_ELEMENTS (swedish_formats)), 0);
}

static void
test_format_c_locale (void **state)
{
  assert_int_equal (run_format_cases (c_formats, G_N_ELEMENTS (c_formats)), 0);
}

static guint64
power_of_ten (guint exponent)
{
  guint64 value = 1;

  while (exponent-- > 0)
    value *= 10;
  return value;
}

static SpMoney
random_amount (GRand *rand)
{
  static const SpMoney edges[] = {
    0, 1, 99, 100, 101, 49999, 50000, 99999, 100000, 100001,
    123456789, SP_MONEY_MAX - 1, SP_MONEY_MAX,
  };
  SpMoney amount;
  guint64 bits;

  if (g_rand_int_range (rand, 0, 10) == 0)
    amount = edges[g_rand_int_range (rand, 0, G_N_ELEMENTS (edges))];
  else
    {
      /* Spread over every magnitude, from öre to the limit. */
      bits = (guint64) g_rand_int (rand) << 32 | g_rand_int (rand);
      amount = (SpMoney) (bits % power_of_ten (g_rand_int_range (rand, 1, 14)));
      amount = MIN (amount, SP_MONEY_MAX);
    }

  return g_rand_boolean (rand) ? -amount : amount;
}

/* Formats @amount, reads it back in a field in @field_unit, and prints what
 * went wrong unless it gave @expected. */
static gboolean
check_round_trip (const char         *locale_name,
                  SpMoney             amount,
                  SpMoneyUnit         unit,
                  SpMoneyFormatFlags  flags,
                  SpMoneyUnit         field_unit,
                  SpMoney             expected)
{
  g_autofree char *text = sp_money_format (amount, unit, flags);
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  SpMoney back = UNTOUCHED;

  if (sp_money_parse (text, field_unit, &back, &error) && back == expected)
    return TRUE;

  shown = escape (text);
  print_error ("%s: %" G_GINT64_FORMAT " → \"%s\" → %" G_GINT64_FORMAT " (expected %"
               G_GINT64_FORMAT ") %s\n", locale_name, amount, shown, back, expected,
               error ? error->message : "");
  return FALSE;
}

/* Returns the number of amounts that did not read back, each one printed. */
static guint
round_trip_in_current_locale (const char *locale_name,
                              guint       n_amounts)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20091121);
  guint failures = 0;
  guint i, j;

  for (i = 0; i < n_amounts && failures < 20; i++)
    {
      SpMoney amount = random_amount (rand);

      for (j = 0; j < G_N_ELEMENTS (exact_formats); j++)
        {
          if (!check_round_trip (locale_name, amount, exact_formats[j].unit, exact_formats[j].flags,
                                 exact_formats[j].unit, amount))
            failures++;
        }

      /* A unit in the text overrides the field's. */
      if (!check_round_trip (locale_name, amount, SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_EXACT,
                             SP_MONEY_UNIT_KR, amount))
        failures++;
      if (!check_round_trip (locale_name, amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT,
                             SP_MONEY_UNIT_TKR, amount))
        failures++;

      /* Rounded to whole tkr, it reads back rounded. */
      if (!check_round_trip (locale_name, amount, SP_MONEY_UNIT_TKR, SP_MONEY_FORMAT_DEFAULT,
                             SP_MONEY_UNIT_KR, sp_money_to_tkr_rounded (amount) * SP_MONEY_ORE_PER_TKR))
        failures++;
    }

  return failures;
}

static void
test_round_trip_swedish (void **state)
{
  assert_int_equal (round_trip_in_current_locale (SWEDISH_LOCALE, 20000), 0);
}

static void
test_round_trip_c_locale (void **state)
{
  assert_int_equal (round_trip_in_current_locale ("C", 20000), 0);
}

static void
test_round_trip_other_locales (void **state)
{
  guint failures = 0;
  guint tried = 0;
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (optional_locales); i++)
    {
      if (setlocale (LC_ALL, optional_locales[i]) == NULL)
        continue;
      tried++;
      failures += round_trip_in_current_locale (optional_locales[i], 2000);
    }

  print_message ("# round trip also tried in %u other installed locales\n", tried);
  assert_int_equal (failures, 0);
}

static void
test_rounding_helpers (void **state)
{
  assert_int_equal (sp_money_from_kr (12), 1200);
  assert_int_equal (sp_money_from_kr (-10000000000), SP_MONEY_MIN);

  assert_int_equal (sp_money_to_kr_rounded (149), 1);
  assert_int_equal (sp_money_to_kr_rounded (150), 2);
  assert_int_equal (sp_money_to_kr_rounded (-149), -1);
  assert_int_equal (sp_money_to_kr_rounded (-150), -2);
  assert_int_equal (sp_money_to_kr_rounded (0), 0);

  assert_int_equal (sp_money_to_tkr_rounded (123456700), 1235);
  assert_int_equal (sp_money_to_tkr_rounded (49999), 0);
  assert_int_equal (sp_money_to_tkr_rounded (50000), 1);
  assert_int_equal (sp_money_to_tkr_rounded (-50000), -1);
  assert_int_equal (sp_money_to_tkr_rounded (-49999), 0);

  assert_true (sp_money_is_valid (SP_MONEY_MAX));
  assert_true (sp_money_is_valid (SP_MONEY_MIN));
  assert_false (sp_money_is_valid (SP_MONEY_MAX + 1));
  assert_false (sp_money_is_valid (SP_MONEY_MIN - 1));
}

/* A share to a tenth of a per cent, half away from zero, its sign the part's. */
static void
test_format_percent (void **state)
{
  static const struct {
    SpMoney     part;
    SpMoney     whole;
    const char *text;
  } cases[] = {
    { 34, 1000, "3,4 %" },
    { -34, 1000, "−3,4 %" },
    { 345, 10000, "3,5 %" },       /* a half rounds away from zero */
    { -345, 10000, "−3,5 %" },
    { 3449, 100000, "3,4 %" },
    { -4, 10000, "0,0 %" },        /* shows as zero: no sign */
    { -34, -1000, "−3,4 %" },      /* of a negative whole's size */
    { 0, 500, "0,0 %" },
    { 2, 3, "66,7 %" },
    { -109870, 10000, "−1" NNBSP "098,7 %" },   /* thousands apart, as amounts are */
    { SP_MONEY_MAX, 1, "100" NNBSP "000" NNBSP "000" NNBSP "000" NNBSP "000,0 %" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sp_money_format_percent (cases[i].part, cases[i].whole);

      if (g_strcmp0 (text, cases[i].text) != 0)
        fail_msg ("%" G_GINT64_FORMAT " of %" G_GINT64_FORMAT ": “%s”, expected “%s”",
                  cases[i].part, cases[i].whole, text, cases[i].text);
    }
  {
    g_autofree char *none = sp_money_format_percent (5, 0);
    g_autofree char *unset = sp_money_format_percent (SP_MONEY_NOT_SET, 100);
    g_autofree char *unset_whole = sp_money_format_percent (5, SP_MONEY_NOT_SET);

    assert_string_equal (none, "");
    assert_string_equal (unset, "");
    assert_string_equal (unset_whole, "");
  }
}

int
main (void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown (test_parse_swedish, setup_swedish, teardown_locale),
    cmocka_unit_test_setup_teardown (test_parse_messages, setup_swedish, teardown_locale),
    cmocka_unit_test_setup_teardown (test_parse_c_locale, setup_c, teardown_locale),
    cmocka_unit_test_setup_teardown (test_format_swedish, setup_swedish, teardown_locale),
    cmocka_unit_test_setup_teardown (test_format_c_locale, setup_c, teardown_locale),
    cmocka_unit_test_setup_teardown (test_round_trip_swedish, setup_swedish, teardown_locale),
    cmocka_unit_test_setup_teardown (test_round_trip_c_locale, setup_c, teardown_locale),
    cmocka_unit_test_teardown (test_round_trip_other_locales, teardown_locale),
    cmocka_unit_test (test_rounding_helpers),
    cmocka_unit_test_setup_teardown (test_format_percent, setup_swedish, teardown_locale),
  };

  return cmocka_run_group_tests (tests, NULL, NULL);
}
