/* sp-money.h: amounts of money in whole öre
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * SpMoney:
 *
 * An amount of money in whole öre (1 kr = 100 öre), never a floating point
 * number. Valid amounts lie between %SP_MONEY_MIN and %SP_MONEY_MAX; sums of
 * many valid amounts still fit in 64 bits.
 */
typedef gint64 SpMoney;

/* 10 000 000 000 kr, far above any förbund's budget, far below G_MAXINT64. */
#define SP_MONEY_MAX (G_GINT64_CONSTANT (1000000000000))
#define SP_MONEY_MIN (-SP_MONEY_MAX)

/* An amount that was never entered ("not set"), kept apart from 0 kr. It lies
 * outside SP_MONEY_MIN..SP_MONEY_MAX, so it is never a valid amount. */
#define SP_MONEY_NOT_SET G_MININT64

#define SP_MONEY_ORE_PER_KR  (G_GINT64_CONSTANT (100))
#define SP_MONEY_ORE_PER_TKR (G_GINT64_CONSTANT (100000))

#define SP_MONEY_ERROR (sp_money_error_quark ())

/**
 * SpMoneyError:
 * @SP_MONEY_ERROR_EMPTY: nothing but white space
 * @SP_MONEY_ERROR_NO_DIGITS: a sign or a unit, but no number
 * @SP_MONEY_ERROR_INVALID_CHARACTER: a character that has no place in an amount
 * @SP_MONEY_ERROR_UNKNOWN_UNIT: a word after the number other than kr or tkr
 * @SP_MONEY_ERROR_SIGN: two signs, or a sign after the number
 * @SP_MONEY_ERROR_SEPARATOR: a thousands separator that does not separate
 *   groups of three digits, or two separators in a row
 * @SP_MONEY_ERROR_AMBIGUOUS_SEPARATOR: a point (or, where the locale's decimal
 *   separator is a point, a comma) that could be read either way, e.g. "1.234"
 * @SP_MONEY_ERROR_DECIMAL_SEPARATOR: more than one decimal separator, or one
 *   without digits after it
 * @SP_MONEY_ERROR_TOO_MANY_DECIMALS: finer than whole öre (more than two
 *   decimals in kr, more than five in tkr)
 * @SP_MONEY_ERROR_TOO_LARGE: beyond %SP_MONEY_MIN … %SP_MONEY_MAX
 */
typedef enum {
  SP_MONEY_ERROR_EMPTY,
  SP_MONEY_ERROR_NO_DIGITS,
  SP_MONEY_ERROR_INVALID_CHARACTER,
  SP_MONEY_ERROR_UNKNOWN_UNIT,
  SP_MONEY_ERROR_SIGN,
  SP_MONEY_ERROR_SEPARATOR,
  SP_MONEY_ERROR_AMBIGUOUS_SEPARATOR,
  SP_MONEY_ERROR_DECIMAL_SEPARATOR,
  SP_MONEY_ERROR_TOO_MANY_DECIMALS,
  SP_MONEY_ERROR_TOO_LARGE,
} SpMoneyError;

/**
 * SpMoneyUnit:
 * @SP_MONEY_UNIT_KR: kronor
 * @SP_MONEY_UNIT_TKR: thousands of kronor
 */
typedef enum {
  SP_MONEY_UNIT_KR,
  SP_MONEY_UNIT_TKR,
} SpMoneyUnit;

/**
 * SpMoneyFormatFlags:
 * @SP_MONEY_FORMAT_DEFAULT: kr: whole kronor, with two decimals only when
 *   there are öre ("1 234 kr", "1 234,50 kr"); tkr: rounded half away from
 *   zero to whole tkr ("1 235 tkr")
 * @SP_MONEY_FORMAT_DECIMALS: always down to the öre: two decimals in kr
 *   ("1 234,00 kr"), five in tkr ("1,23400 tkr"); never rounds
 * @SP_MONEY_FORMAT_EXACT: never round, but show only the decimals needed
 *   ("1,234 tkr", "1,2345 tkr", "1 tkr"); the same as the default in kr.
 *   For an entry in a tkr field, so that an unchanged text gives back the
 *   same amount.
 * @SP_MONEY_FORMAT_NO_UNIT: leave out " kr" / " tkr" (for table cells under a
 *   column head that names the unit)
 */
typedef enum {
  SP_MONEY_FORMAT_DEFAULT  = 0,
  SP_MONEY_FORMAT_DECIMALS = 1 << 0,
  SP_MONEY_FORMAT_EXACT    = 1 << 1,
  SP_MONEY_FORMAT_NO_UNIT  = 1 << 2,
} SpMoneyFormatFlags;

GQuark    sp_money_error_quark      (void);

gboolean  sp_money_is_valid         (SpMoney              amount);
SpMoney   sp_money_from_kr          (gint64               kr);
gint64    sp_money_to_kr_rounded    (SpMoney              amount);
gint64    sp_money_to_tkr_rounded   (SpMoney              amount);

gboolean  sp_money_parse            (const char          *text,
                                     SpMoneyUnit          unit,
                                     SpMoney             *out_amount,
                                     GError             **error);
char     *sp_money_format           (SpMoney              amount,
                                     SpMoneyUnit          unit,
                                     SpMoneyFormatFlags   flags);
char     *sp_money_format_percent   (SpMoney              part,
                                     SpMoney              whole);

G_END_DECLS
