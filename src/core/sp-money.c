/* sp-money.c: parsing and formatting amounts in kr and tkr
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts are whole öre in a gint64; text is only ever the user's view of one.
 *
 * Formatting follows LC_NUMERIC: its decimal separator and its thousands
 * separator, in groups of three. In sv_SE.UTF-8 glibc gives "," and U+202F
 * NARROW NO-BREAK SPACE, so "1 234 567 kr" never breaks across lines; a
 * locale whose separator is a plain ASCII space gets U+00A0 NO-BREAK SPACE
 * instead, and the space between the number and the unit is always U+00A0
 * too. Negative amounts carry U+2212 MINUS SIGN ("−12 000 kr"), the minus of
 * Swedish typography, as wide as a plus sign and not a hyphen.
 *
 * Parsing accepts what a Swedish user types and everything the formatter
 * produces in the current locale, so that parse (format (x)) == x:
 *
 *  - white space around the text and between the sign and the number;
 *  - a sign in front: "-", U+2212 or U+2013 (what word processors make of a
 *    hyphen), or "+"; never two, never after the number;
 *  - thousands separators between groups of exactly three digits: ASCII
 *    space, U+00A0, U+2007, U+2009, U+202F, and the locale's own separator;
 *  - the decimal separator: the locale's, and also a comma or a point that is
 *    not the locale's thousands separator. Such a "foreign" separator is
 *    taken only when it cannot be a thousands separator: there is one of it,
 *    and not exactly three digits follow it. In Swedish "1234.50" is accepted
 *    but "1.234" and "1.234.567" are refused as ambiguous;
 *  - a unit after the number, with or without a space, in any case: "kr",
 *    "kronor", "SEK", ":-" and ",-" (kronor) or "tkr", "kSEK" (thousands),
 *    and whatever the translation of "%s kr" / "%s tkr" puts around the
 *    number. An explicit unit overrides the field's unit;
 *  - at most two decimals in kr and five in tkr: always whole öre. Trailing
 *    zeros count: "12,500" is not an amount in kr, because an English reader
 *    means 12 500 by it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <string.h>

#include "sp-money.h"

#define MINUS_SIGN      0x2212  /* − */
#define EN_DASH         0x2013  /* – */
#define NO_BREAK_SPACE  "\xc2\xa0"

typedef enum {
  SEPARATOR_NONE,
  SEPARATOR_GROUP,
  SEPARATOR_DECIMAL,  /* the locale's decimal separator */
  SEPARATOR_FOREIGN,  /* a comma or point the locale does not use: maybe decimal */
} SeparatorKind;

typedef struct
{
  char     *decimal_point;  /* UTF-8, never empty */
  char     *thousands_sep;  /* UTF-8, "" when the locale does not group */
  gunichar  decimal_char;
  gunichar  group_char;     /* 0 when none, or when it is a space anyway */
} NumericConventions;

typedef struct
{
  const char  *word;
  SpMoneyUnit  unit;
} UnitWord;

static const UnitWord builtin_units[] = {
  { "kr", SP_MONEY_UNIT_KR },
  { "kronor", SP_MONEY_UNIT_KR },
  { "SEK", SP_MONEY_UNIT_KR },
  { ":-", SP_MONEY_UNIT_KR },
  { ",-", SP_MONEY_UNIT_KR },
  { "tkr", SP_MONEY_UNIT_TKR },
  { "kSEK", SP_MONEY_UNIT_TKR },
};

G_DEFINE_QUARK (sp-money-error-quark, sp_money_error)

static char *
langinfo_utf8 (nl_item item)
{
  const char *raw = nl_langinfo (item);
  const char *charset = NULL;
  char *converted;

  if (raw == NULL)
    return g_strdup ("");

  if (g_get_charset (&charset))
    return g_utf8_validate (raw, -1, NULL) ? g_strdup (raw) : g_strdup ("");

  converted = g_convert (raw, -1, "UTF-8", charset, NULL, NULL, NULL);
  return converted != NULL ? converted : g_strdup ("");
}

static gunichar
single_char (const char *utf8)
{
  if (utf8[0] == '\0' || g_utf8_strlen (utf8, -1) != 1)
    return 0;
  return g_utf8_get_char (utf8);
}

static gboolean
is_space_separator (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x2007 || c == 0x2009 || c == 0x202F;
}

static void
conventions_init (NumericConventions *nc)
{
  nc->decimal_point = langinfo_utf8 (RADIXCHAR);
  nc->thousands_sep = langinfo_utf8 (THOUSEP);

  nc->decimal_char = single_char (nc->decimal_point);
  if (nc->decimal_char == 0 || g_unichar_isdigit (nc->decimal_char) ||
      is_space_separator (nc->decimal_char))
    {
      g_free (nc->decimal_point);
      nc->decimal_point = g_strdup (".");
      nc->decimal_char = '.';
    }

  /* A breakable space would let a line break split an amount. */
  if (strcmp (nc->thousands_sep, " ") == 0)
    {
      g_free (nc->thousands_sep);
      nc->thousands_sep = g_strdup (NO_BREAK_SPACE);
    }

  nc->group_char = single_char (nc->thousands_sep);
  if (nc->group_char == nc->decimal_char || g_unichar_isdigit (nc->group_char) ||
      (nc->thousands_sep[0] != '\0' && nc->group_char == 0))
    {
      /* Unusable for reading back; do not write it either. */
      g_free (nc->thousands_sep);
      nc->thousands_sep = g_strdup (NO_BREAK_SPACE);
      nc->group_char = 0;
    }
  if (is_space_separator (nc->group_char))
    nc->group_char = 0;
}

static void
conventions_clear (NumericConventions *nc)
{
  g_clear_pointer (&nc->decimal_point, g_free);
  g_clear_pointer (&nc->thousands_sep, g_free);
}

static SeparatorKind
classify (const NumericConventions *nc,
          gunichar                  c)
{
  if (is_space_separator (c) || (nc->group_char != 0 && c == nc->group_char))
    return SEPARATOR_GROUP;
  if (c == nc->decimal_char)
    return SEPARATOR_DECIMAL;
  if (c == ',' || c == '.')
    return SEPARATOR_FOREIGN;
  return SEPARATOR_NONE;
}

static gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_sign (gunichar  c,
         gboolean *negative)
{
  if (c == '-' || c == MINUS_SIGN || c == EN_DASH)
    {
      *negative = TRUE;
      return TRUE;
    }
  if (c == '+')
    {
      *negative = FALSE;
      return TRUE;
    }
  return FALSE;
}

static glong
skip_spaces (const gunichar *chars,
             glong           pos,
             glong           end)
{
  while (pos < end && g_unichar_isspace (chars[pos]))
    pos++;
  return pos;
}

/* A character for a message: itself, or its code point when it is invisible. */
static char *
describe_char (gunichar c)
{
  char buf[8] = { 0 };

  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", (guint) c);
  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

static char *
ucs4_to_utf8 (const gunichar *chars,
              glong           len)
{
  char *utf8 = g_ucs4_to_utf8 (chars, len, NULL, NULL, NULL);

  return utf8 != NULL ? utf8 : g_strdup ("");
}

static const char *
unit_template (SpMoneyUnit unit)
{
  if (unit == SP_MONEY_UNIT_TKR)
    /* Translators: an amount in thousands of kronor; %s is the number, e.g.
     * "1 235". Spaces become no-break spaces. */
    return _("%s tkr");

  /* Translators: an amount in kronor; %s is the number, e.g. "1 234,50".
   * Spaces become no-break spaces. */
  return _("%s kr");
}

/* Length of the match of @word (case-insensitive, any space matching any
 * space) at @pos, or 0. A word that ends in a letter or digit must not be
 * followed by one: "kr" does not match the start of "krona". */
static glong
match_word (const gunichar *chars,
            glong           pos,
            glong           end,
            const char     *word)
{
  g_autofree gunichar *w = NULL;
  glong first = 0;
  glong len = 0;
  glong i;

  w = g_utf8_to_ucs4_fast (word, -1, &len);
  while (first < len && g_unichar_isspace (w[first]))
    first++;
  while (len > first && g_unichar_isspace (w[len - 1]))
    len--;
  len -= first;

  if (len == 0 || pos + len > end)
    return 0;

  for (i = 0; i < len; i++)
    {
      gunichar a = chars[pos + i];
      gunichar b = w[first + i];

      if (g_unichar_isspace (a) && g_unichar_isspace (b))
        continue;
      if (g_unichar_tolower (a) != g_unichar_tolower (b))
        return 0;
    }

  if (g_unichar_isalnum (w[first + len - 1]) && pos + len < end &&
      g_unichar_isalnum (chars[pos + len]))
    return 0;

  return len;
}

/* The longest unit word at @pos: a built-in one, or the text that the
 * translation puts before (@before) or after the number. */
static glong
match_unit (const gunichar *chars,
            glong           pos,
            glong           end,
            gboolean        before,
            SpMoneyUnit    *out_unit)
{
  static const SpMoneyUnit units[] = { SP_MONEY_UNIT_KR, SP_MONEY_UNIT_TKR };
  glong best = 0;
  guint i;

  if (!before)
    {
      for (i = 0; i < G_N_ELEMENTS (builtin_units); i++)
        {
          glong n = match_word (chars, pos, end, builtin_units[i].word);

          if (n > best)
            {
              best = n;
              *out_unit = builtin_units[i].unit;
            }
        }
    }

  for (i = 0; i < G_N_ELEMENTS (units); i++)
    {
      const char *tmpl = unit_template (units[i]);
      const char *hole = strstr (tmpl, "%s");
      g_autofree char *word = NULL;
      glong n;

      if (hole == NULL)
        continue;
      word = before ? g_strndup (tmpl, hole - tmpl) : g_strdup (hole + 2);
      n = match_word (chars, pos, end, word);
      if (n > best)
        {
          best = n;
          *out_unit = units[i];
        }
    }

  return best;
}

static gboolean
set_error (GError       **error,
           SpMoneyError   code,
           const char    *message)
{
  g_set_error_literal (error, SP_MONEY_ERROR, code, message);
  return FALSE;
}

static gboolean
set_invalid_char_error (gunichar   c,
                        GError   **error)
{
  g_autofree char *shown = describe_char (c);

  g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_INVALID_CHARACTER,
               _("Unexpected character “%s” in the amount"), shown);
  return FALSE;
}

/* Why the text after the number, from @pos on, is not a unit. */
static gboolean
set_tail_error (const NumericConventions  *nc,
                const gunichar            *chars,
                glong                      pos,
                glong                      end,
                GError                   **error)
{
  gunichar c = chars[pos];
  SeparatorKind kind = classify (nc, c);
  gboolean negative;
  glong word_end;

  if (is_digit (c) || kind == SEPARATOR_GROUP ||
      (kind != SEPARATOR_NONE && pos + 1 < end && is_digit (chars[pos + 1])))
    return set_error (error, SP_MONEY_ERROR_SEPARATOR,
                      _("Thousands separators may only separate groups of three digits"));

  if (is_sign (c, &negative))
    return set_error (error, SP_MONEY_ERROR_SIGN,
                      _("The sign must come before the number"));

  if (kind != SEPARATOR_NONE)
    {
      g_autofree char *shown = describe_char (c);

      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_DECIMAL_SEPARATOR,
                   _("Digits are missing after the decimal separator “%s”"), shown);
      return FALSE;
    }

  /* A word and nothing after it: a unit we do not know. */
  word_end = pos;
  while (word_end < end && g_unichar_isalpha (chars[word_end]))
    word_end++;
  if (word_end > pos && skip_spaces (chars, word_end, end) == end)
    {
      g_autofree char *word = ucs4_to_utf8 (chars + pos, word_end - pos);

      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_UNKNOWN_UNIT,
                   _("Unknown unit “%s”; write kr or tkr"), word);
      return FALSE;
    }

  return set_invalid_char_error (c, error);
}

static gboolean
set_ambiguous_error (const NumericConventions  *nc,
                     gunichar                   c,
                     GError                   **error)
{
  g_autofree char *shown = describe_char (c);

  g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_AMBIGUOUS_SEPARATOR,
               /* Translators: the first %s is "." or ",", the second the
                * decimal separator of the language, e.g. "," in Swedish. */
               _("“%s” is ambiguous: use “%s” for decimals and a space between thousands"),
               shown, nc->decimal_point);
  return FALSE;
}

static gboolean
set_range_error (gboolean   negative,
                 GError   **error)
{
  g_autofree char *limit = NULL;

  if (negative)
    {
      limit = sp_money_format (SP_MONEY_MIN, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_TOO_LARGE,
                   _("The amount is too small; the smallest allowed is %s"), limit);
    }
  else
    {
      limit = sp_money_format (SP_MONEY_MAX, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      g_set_error (error, SP_MONEY_ERROR, SP_MONEY_ERROR_TOO_LARGE,
                   _("The amount is too large; the largest allowed is %s"), limit);
    }
  return FALSE;
}

/* Checks the digits and separators of chars[start, end) and computes the
 * amount in öre. */
static gboolean
parse_number (const NumericConventions  *nc,
              const gunichar            *chars,
              glong                      start,
              glong                      end,
              SpMoneyUnit                unit,
              gboolean                   negative,
              SpMoney                   *out_amount,
              GError                   **error)
{
  const guint max_decimals = unit == SP_MONEY_UNIT_TKR ? 5 : 2;
  const guint64 ore_per_unit = unit == SP_MONEY_UNIT_TKR ? SP_MONEY_ORE_PER_TKR : SP_MONEY_ORE_PER_KR;
  const guint64 saturation = (guint64) SP_MONEY_MAX + 1;
  glong decimal_pos = -1;
  glong integer_end;
  guint n_decimal_seps = 0;
  gunichar foreign = 0;
  guint n_groups = 0;
  guint group_len = 0;
  guint n_decimals = 0;
  guint64 integer = 0;
  guint64 fraction = 0;
  guint64 ore;
  glong j;
  guint k;

  for (j = start; j < end; j++)
    {
      SeparatorKind kind = classify (nc, chars[j]);

      if (kind == SEPARATOR_DECIMAL || kind == SEPARATOR_FOREIGN)
        {
          n_decimal_seps++;
          if (decimal_pos < 0)
            decimal_pos = j;
          if (kind == SEPARATOR_FOREIGN)
            foreign = chars[j];
        }
    }

  if (n_decimal_seps > 1)
    {
      if (foreign != 0)
        return set_ambiguous_error (nc, foreign, error);
      return set_error (error, SP_MONEY_ERROR_DECIMAL_SEPARATOR,
                        _("The amount has more than one decimal separator"));
    }

  /* The integer part: digits, in groups of three when separated at all. */
  integer_end = decimal_pos >= 0 ? decimal_pos : end;
  for (j = start; j < integer_end; j++)
    {
      if (is_digit (chars[j]))
        {
          group_len++;
          integer = MIN (integer * 10 + (chars[j] - '0'), saturation);
          continue;
        }

      if ((n_groups == 0 && (group_len < 1 || group_len > 3)) ||
          (n_groups > 0 && group_len != 3))
        return set_error (error, SP_MONEY_ERROR_SEPARATOR,
                          _("Thousands separators may only separate groups of three digits"));
      n_groups++;
      group_len = 0;
    }
  if (n_groups > 0 && group_len != 3)
    return set_error (error, SP_MONEY_ERROR_SEPARATOR,
                      _("Thousands separators may only separate groups of three digits"));

  /* The decimals: digits only. */
  if (decimal_pos >= 0)
    {
      for (j = decimal_pos + 1; j < end; j++)
        {
          if (!is_digit (chars[j]))
            return set_error (error, SP_MONEY_ERROR_SEPARATOR,
                              _("Thousands separators may only separate groups of three digits"));
        }
      n_decimals = end - decimal_pos - 1;

      if (foreign != 0 && n_decimals == 3)
        return set_ambiguous_error (nc, foreign, error);

      if (n_decimals > max_decimals)
        {
          if (unit == SP_MONEY_UNIT_TKR)
            return set_error (error, SP_MONEY_ERROR_TOO_MANY_DECIMALS,
                              _("An amount in tkr may have at most five decimals (whole öre)"));
          return set_error (error, SP_MONEY_ERROR_TOO_MANY_DECIMALS,
                            _("An amount in kr may have at most two decimals (öre)"));
        }

      for (j = decimal_pos + 1; j < end; j++)
        fraction = fraction * 10 + (chars[j] - '0');
      for (k = n_decimals; k < max_decimals; k++)
        fraction *= 10;
    }

  /* integer ≤ 10¹² + 1 and ore_per_unit ≤ 10⁵: no overflow. */
  ore = integer * ore_per_unit + fraction;
  if (ore > (guint64) SP_MONEY_MAX)
    return set_range_error (negative, error);

  *out_amount = negative ? -(SpMoney) ore : (SpMoney) ore;
  return TRUE;
}

static void
append_grouped (GString    *out,
                guint64     value,
                const char *separator)
{
  char digits[24];
  int n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, value);
  int i;

  for (i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
}

/* Appends @text with its ASCII spaces made no-break spaces. */
static void
append_unbreakable (GString    *out,
                    const char *text,
                    gssize      len)
{
  gssize i;

  for (i = 0; len < 0 ? text[i] != '\0' : i < len; i++)
    {
      if (text[i] == ' ')
        g_string_append (out, NO_BREAK_SPACE);
      else
        g_string_append_c (out, text[i]);
    }
}

/**
 * sp_money_is_valid:
 * @amount: an amount
 *
 * Returns: whether @amount lies within %SP_MONEY_MIN … %SP_MONEY_MAX
 */
gboolean
sp_money_is_valid (SpMoney amount)
{
  return amount >= SP_MONEY_MIN && amount <= SP_MONEY_MAX;
}

/**
 * sp_money_from_kr:
 * @kr: whole kronor, at most 10 000 000 000 either way
 *
 * Returns: @kr in öre
 */
SpMoney
sp_money_from_kr (gint64 kr)
{
  g_return_val_if_fail (kr >= SP_MONEY_MIN / SP_MONEY_ORE_PER_KR &&
                        kr <= SP_MONEY_MAX / SP_MONEY_ORE_PER_KR, 0);

  return kr * SP_MONEY_ORE_PER_KR;
}

static gint64
round_half_away (SpMoney amount,
                 gint64  divisor)
{
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;
  gint64 rounded = (gint64) ((magnitude + (guint64) divisor / 2) / (guint64) divisor);

  return amount < 0 ? -rounded : rounded;
}

/**
 * sp_money_to_kr_rounded:
 * @amount: an amount
 *
 * Returns: @amount in whole kronor, rounded half away from zero (0,50 kr → 1)
 */
gint64
sp_money_to_kr_rounded (SpMoney amount)
{
  return round_half_away (amount, SP_MONEY_ORE_PER_KR);
}

/**
 * sp_money_to_tkr_rounded:
 * @amount: an amount
 *
 * Returns: @amount in whole tkr, rounded half away from zero (500 kr → 1)
 */
gint64
sp_money_to_tkr_rounded (SpMoney amount)
{
  return round_half_away (amount, SP_MONEY_ORE_PER_TKR);
}

/**
 * sp_money_parse:
 * @text: what the user typed, UTF-8
 * @unit: the unit of the field; a unit written in @text overrides it
 * @out_amount: (out): the amount in öre; untouched on failure
 * @error: a #SP_MONEY_ERROR whose message says what is wrong with @text
 *
 * Reads an amount as a Swede writes it, in the current LC_NUMERIC locale:
 * "1 234 567", "1234567,50", "1 234 567 kr", "−12 000", "12,5 tkr". See the
 * top of sp-money.c for the exact rules. Everything sp_money_format() makes
 * in the same locale reads back to the same amount (in tkr, unless rounded).
 *
 * Returns: %TRUE when @text is an amount
 */
gboolean
sp_money_parse (const char   *text,
                SpMoneyUnit   unit,
                SpMoney      *out_amount,
                GError      **error)
{
  NumericConventions nc = { NULL, };
  g_autofree gunichar *chars = NULL;
  SpMoneyUnit explicit_unit = unit;
  gboolean has_unit = FALSE;
  gboolean negative = FALSE;
  gboolean ok = FALSE;
  glong pos, end, len = 0;
  glong body_start, body_end;
  glong n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unit == SP_MONEY_UNIT_KR || unit == SP_MONEY_UNIT_TKR, FALSE);
  g_return_val_if_fail (out_amount != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return set_error (error, SP_MONEY_ERROR_INVALID_CHARACTER,
                      _("The amount contains invalid text"));

  chars = g_utf8_to_ucs4_fast (text, -1, &len);
  pos = skip_spaces (chars, 0, len);
  end = len;
  while (end > pos && g_unichar_isspace (chars[end - 1]))
    end--;

  if (pos == end)
    return set_error (error, SP_MONEY_ERROR_EMPTY, _("The amount is empty"));

  conventions_init (&nc);

  /* A unit in front, where a translation puts it there. */
  n = match_unit (chars, pos, end, TRUE, &explicit_unit);
  if (n > 0)
    {
      has_unit = TRUE;
      pos = skip_spaces (chars, pos + n, end);
    }

  if (pos < end && is_sign (chars[pos], &negative))
    {
      gboolean second_negative;

      pos = skip_spaces (chars, pos + 1, end);
      if (pos < end && is_sign (chars[pos], &second_negative))
        {
          set_error (error, SP_MONEY_ERROR_SIGN, _("The amount may have only one sign"));
          goto out;
        }
    }

  /* The number: digits, and separators that are followed by a digit. */
  body_start = pos;
  while (pos < end)
    {
      if (is_digit (chars[pos]) ||
          (classify (&nc, chars[pos]) != SEPARATOR_NONE && pos + 1 < end &&
           is_digit (chars[pos + 1])))
        pos++;
      else
        break;
    }
  body_end = pos;

  /* The unit after it, and nothing else. */
  if (pos < end)
    {
      glong unit_pos = skip_spaces (chars, pos, end);

      n = has_unit ? 0 : match_unit (chars, unit_pos, end, FALSE, &explicit_unit);
      if (n > 0)
        {
          has_unit = TRUE;
          pos = skip_spaces (chars, unit_pos + n, end);
          if (pos < end)
            {
              set_invalid_char_error (chars[pos], error);
              goto out;
            }
        }
      else if (body_start == body_end)
        {
          set_invalid_char_error (chars[unit_pos], error);
          goto out;
        }
      else
        {
          set_tail_error (&nc, chars, unit_pos, end, error);
          goto out;
        }
    }

  if (body_start == body_end)
    {
      set_error (error, SP_MONEY_ERROR_NO_DIGITS, _("The amount has no digits"));
      goto out;
    }

  ok = parse_number (&nc, chars, body_start, body_end,
                     has_unit ? explicit_unit : unit, negative,
                     out_amount, error);

out:
  conventions_clear (&nc);
  return ok;
}

/**
 * sp_money_format:
 * @amount: an amount
 * @unit: show it in kr or in tkr
 * @flags: how many decimals, and whether to add the unit
 *
 * Writes @amount for the user in the current LC_NUMERIC locale, e.g.
 * "1 234 567 kr", "1 234,50 kr", "−1 235 tkr" in Swedish. Thousands are
 * separated by the locale's separator (a no-break space when that is a plain
 * space), the unit by a no-break space, and a negative amount begins with
 * U+2212 MINUS SIGN. An amount that shows as zero has no sign.
 *
 * Returns: (transfer full): the text
 */
char *
sp_money_format (SpMoney             amount,
                 SpMoneyUnit         unit,
                 SpMoneyFormatFlags  flags)
{
  NumericConventions nc = { NULL, };
  GString *number = g_string_new (NULL);
  GString *out = NULL;
  const char *tmpl;
  const char *hole;
  guint64 magnitude = amount < 0 ? -(guint64) amount : (guint64) amount;
  guint64 whole;
  guint64 fraction;
  guint n_decimals;

  g_return_val_if_fail (unit == SP_MONEY_UNIT_KR || unit == SP_MONEY_UNIT_TKR, NULL);

  conventions_init (&nc);

  if (unit == SP_MONEY_UNIT_KR)
    {
      whole = magnitude / SP_MONEY_ORE_PER_KR;
      fraction = magnitude % SP_MONEY_ORE_PER_KR;
      n_decimals = (fraction != 0 || (flags & SP_MONEY_FORMAT_DECIMALS)) ? 2 : 0;
    }
  else if (flags & (SP_MONEY_FORMAT_DECIMALS | SP_MONEY_FORMAT_EXACT))
    {
      whole = magnitude / SP_MONEY_ORE_PER_TKR;
      fraction = magnitude % SP_MONEY_ORE_PER_TKR;
      n_decimals = 5;
      if (!(flags & SP_MONEY_FORMAT_DECIMALS))
        {
          while (n_decimals > 0 && fraction % 10 == 0)
            {
              fraction /= 10;
              n_decimals--;
            }
        }
    }
  else
    {
      whole = magnitude / SP_MONEY_ORE_PER_TKR +
              (magnitude % SP_MONEY_ORE_PER_TKR >= SP_MONEY_ORE_PER_TKR / 2 ? 1 : 0);
      fraction = 0;
      n_decimals = 0;
    }

  if (amount < 0 && (whole != 0 || fraction != 0))
    g_string_append_unichar (number, MINUS_SIGN);
  append_grouped (number, whole, nc.thousands_sep);
  if (n_decimals > 0)
    g_string_append_printf (number, "%s%0*" G_GUINT64_FORMAT,
                            nc.decimal_point, (int) n_decimals, fraction);

  conventions_clear (&nc);

  if (flags & SP_MONEY_FORMAT_NO_UNIT)
    return g_string_free (number, FALSE);

  tmpl = unit_template (unit);
  hole = strstr (tmpl, "%s");
  if (hole == NULL)  /* a broken translation */
    {
      tmpl = unit == SP_MONEY_UNIT_TKR ? "%s tkr" : "%s kr";
      hole = tmpl;
    }

  out = g_string_new (NULL);
  append_unbreakable (out, tmpl, hole - tmpl);
  g_string_append_len (out, number->str, number->len);
  append_unbreakable (out, hole + 2, -1);

  g_string_free (number, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * sp_money_format_percent:
 * @part: an amount, e.g. a deviation from the budget
 * @whole: what it is a share of, e.g. the budget
 *
 * @part in per cent of @whole, to a tenth, rounded half away from zero, in
 * the current LC_NUMERIC locale ("−3,4 %", "1 098,7 %" in Swedish, thousands
 * separated as sp_money_format() does; a negative share
 * begins with U+2212 MINUS SIGN, one that shows as zero has no sign). The
 * sign is @part's: a share of a negative @whole is taken of its size, so a
 * favourable deviation stays positive. One formatter for every view and
 * document that shows a share of an amount.
 *
 * Returns: (transfer full): the text; empty where either is not set or
 *   @whole is 0
 */
char *
sp_money_format_percent (SpMoney part,
                         SpMoney whole)
{
  NumericConventions nc = { NULL, };
  g_autoptr(GString) number = g_string_new (NULL);
  gint64 numerator, size, tenths, remainder;

  if (part == SP_MONEY_NOT_SET || whole == SP_MONEY_NOT_SET || whole == 0)
    return g_strdup ("");
  g_return_val_if_fail (sp_money_is_valid (part) && sp_money_is_valid (whole), g_strdup (""));

  /* |part| ≤ 10¹² öre: times 1 000 still fits in 64 bits. */
  numerator = ABS (part) * 1000;
  size = ABS (whole);
  tenths = numerator / size;
  remainder = numerator % size;
  if (2 * remainder >= size)
    tenths++;
  conventions_init (&nc);
  if (part < 0 && tenths != 0)
    g_string_append_unichar (number, MINUS_SIGN);
  append_grouped (number, (guint64) tenths / 10, nc.thousands_sep);
  g_string_append_printf (number, "%s%" G_GINT64_FORMAT, nc.decimal_point, tenths % 10);
  conventions_clear (&nc);
  /* Translators: a share in per cent, e.g. "−3,4 %" */
  return g_strdup_printf (_("%s %%"), number->str);
}
