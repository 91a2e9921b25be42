/* sp-sie-values.c: the problems of a file, and the values of a line's fields: numbers,
 * dates, periods and amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-sie-private.h"

void
sp_sie_add_problem (Parser           *parser,
                    SpSieSeverity     severity,
                    SpSieProblemKind  kind,
                    guint             line,
                    char             *message) /* (transfer full) */
{
  SpSieFile *file = parser->file;
  SpSieProblem problem = { severity, kind, line, message };

  if (severity == SP_SIE_ERROR)
    file->n_errors++;
  if (file->problems->len >= SP_SIE_MAX_PROBLEMS)
    {
      file->n_problems_left_out++;
      g_free (message);
      return;
    }
  g_array_append_val (file->problems, problem);
}

char *
sp_sie_field_decode (Parser *parser,
                     guint   i)
{
  const Field *field = &g_array_index (parser->fields.fields, Field, i);
  return sp_sie_decode (parser->file->encoding, field->text->str, field->text->len);
}

const char *
sp_sie_field_raw (Parser *parser,
                  guint   i)
{
  return g_array_index (parser->fields.fields, Field, i).text->str;
}

FieldKind
sp_sie_field_kind (Parser *parser,
                   guint   i)
{
  return g_array_index (parser->fields.fields, Field, i).kind;
}

/* An account number as the file writes it: ASCII only, so that it can be
 * compared and looked up; other bytes (never seen in practice) are decoded. */
char *
sp_sie_field_account (Parser *parser,
                      guint   i)
{
  return sp_sie_field_decode (parser, i);
}

gboolean
sp_sie_parse_int (const char *text,
                  int        *out)
{
  gint64 value = 0;
  const char *p = text;
  gboolean negative = FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
      if (value > G_MAXINT)
        return FALSE;
    }
  *out = negative ? (int) -value : (int) value;
  return TRUE;
}

gboolean
sp_sie_parse_date (const char *text,
                   guint32    *out)
{
  int value;

  if (strlen (text) != 8 || !sp_sie_parse_int (text, &value) || value < 0)
    return FALSE;
  if (!g_date_valid_dmy (value % 100, (value / 100) % 100, value / 10000))
    return FALSE;
  *out = (guint32) value;
  return TRUE;
}

/* Why @text is not a date: one that does not exist (20090230), or one not
 * written as YYYYMMDD. */
char *
sp_sie_date_problem (const char *text)
{
  gboolean digits = strlen (text) == 8;

  for (const char *p = text; *p != '\0' && digits; p++)
    digits = g_ascii_isdigit (*p);
  if (digits)
    /* Translators: %s is a date as the file writes it, 20090230 */
    return g_strdup_printf (_("the date %s does not exist"), text);
  return g_strdup (_("the date must be a date written YYYYMMDD"));
}

gboolean
sp_sie_parse_period (const char *text,
                     guint32    *out)
{
  int value;

  if (strlen (text) != 6 || !sp_sie_parse_int (text, &value) || value < 0)
    return FALSE;
  if (value % 100 < 1 || value % 100 > 12)
    return FALSE;
  *out = (guint32) value;
  return TRUE;
}

/* What reading an amount found. */
typedef enum {
  AMOUNT_OK,
  AMOUNT_NOT_AN_AMOUNT,
  AMOUNT_TOO_LARGE,
  AMOUNT_TOO_MANY_DECIMALS,
} AmountResult;

static AmountResult
read_amount_text (const char *text,
                  SpMoney    *out_amount)
{
  const char *p = text;
  gboolean negative = FALSE;
  gboolean too_large = FALSE;
  gint64 kr = 0;
  gint64 ore = 0;
  int n_int = 0, n_significant = 0, n_dec = 0;
  gboolean extra_decimals = FALSE;

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++)
    {
      n_int++;
      if (n_significant == 0 && *p == '0')
        continue;
      /* 13 digits of kronor are more than SP_MONEY_MAX; the rest are only counted. */
      if (++n_significant > 13)
        too_large = TRUE;
      else
        kr = kr * 10 + (*p - '0');
    }
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (n_dec < 2)
            ore = ore * 10 + (*p - '0');
          else if (*p != '0')
            extra_decimals = TRUE;
          n_dec++;
        }
      if (n_dec == 0 && n_int == 0)
        return AMOUNT_NOT_AN_AMOUNT;
    }
  if (*p != '\0' || (n_int == 0 && n_dec == 0))
    return AMOUNT_NOT_AN_AMOUNT;
  if (extra_decimals)
    return AMOUNT_TOO_MANY_DECIMALS;
  if (too_large)
    return AMOUNT_TOO_LARGE;
  if (n_dec == 1)
    ore *= 10;

  kr = kr * 100 + ore;
  if (kr > SP_MONEY_MAX)
    return AMOUNT_TOO_LARGE;
  *out_amount = negative ? -kr : kr;
  return AMOUNT_OK;
}

/**
 * sp_sie_parse_amount:
 * @text: an amount as SIE writes it: "-1234.50", "12", "0.5"
 *
 * Reads an amount exactly into öre: a sign, digits, a decimal point and at
 * most two decimals (more only when they are zeros).
 *
 * Returns: %FALSE when @text is not such an amount or lies beyond
 *   %SP_MONEY_MIN … %SP_MONEY_MAX
 */
gboolean
sp_sie_parse_amount (const char *text,
                     SpMoney    *out_amount)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return read_amount_text (text, out_amount) == AMOUNT_OK;
}

/* The labels whose records the import reads: a record of another kind
 * that cannot be read is left out with a warning, never refuses the file. */
static gboolean
import_uses (const char *label)
{
  static const char * const used[] = {
    "#RAR", "#RES", "#VER", "#TRANS", "#RTRANS", "#BTRANS", "#KSUMMA", "#KONTO", "#ORGNR", "#FNAMN",
  };

  for (guint i = 0; i < G_N_ELEMENTS (used); i++)
    if (g_str_equal (label, used[i]))
      return TRUE;
  return FALSE;
}

void
sp_sie_syntax_error (Parser     *parser,
                     const char *label,
                     const char *what)
{
  g_autofree char *shown = sp_sie_decode (parser->file->encoding, label, strlen (label));

  if (!import_uses (label))
    sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_SKIPPED, parser->line,
                        /* Translators: the first %s is a record label such as #PBUDGET, the
                         * second says what is wrong with it */
                        g_strdup_printf (_("The record %s cannot be read: %s. The import does not use it: "
                                           "it is left out."), shown, what));
  else
    sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
                        /* Translators: the first %s is a record label such as #TRANS, the
                         * second says what is wrong with it */
                        g_strdup_printf (_("The record %s cannot be read: %s."), shown, what));
}

gboolean
sp_sie_need_fields (Parser     *parser,
                    const char *label,
                    guint       n)
{
  if (parser->fields.n >= n + 1)
    return TRUE;
  sp_sie_syntax_error (parser, label, _("fields are missing"));
  return FALSE;
}

gboolean
sp_sie_read_amount (Parser     *parser,
                    const char *label,
                    guint       i,
                    SpMoney    *out)
{
  const char *text = sp_sie_field_raw (parser, i);
  AmountResult result = read_amount_text (text, out);
  g_autofree char *shown = NULL;
  g_autofree char *what = NULL;

  if (result == AMOUNT_OK)
    return TRUE;
  shown = sp_sie_field_decode (parser, i);
  if (g_utf8_strlen (shown, -1) > 40)
    {
      /* A field of thousands of digits is shown by its beginning. */
      char *cut = g_utf8_substring (shown, 0, 40);
      g_free (shown);
      shown = g_strconcat (cut, "…", NULL);
      g_free (cut);
    }
  if (result == AMOUNT_TOO_LARGE)
    {
      g_autofree char *limit = sp_money_format (SP_MONEY_MAX, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
      /* Translators: %s is an amount of the file, then the largest amount, "10 000 000 000 kr" */
      what = g_strdup_printf (_("the amount %s is larger than the largest Samplan stores, %s"), shown, limit);
    }
  else if (result == AMOUNT_TOO_MANY_DECIMALS)
    what = g_strdup_printf (_("the amount %s has more than two decimals (öre)"), shown);
  else
    what = g_strdup_printf (_("“%s” is not an amount (write it like -1234.50)"), shown);
  sp_sie_syntax_error (parser, label, what);
  return FALSE;
}

gboolean
sp_sie_read_year_index (Parser     *parser,
                        const char *label,
                        guint       i,
                        int        *out)
{
  if (sp_sie_parse_int (sp_sie_field_raw (parser, i), out) && *out <= 0 && *out > -100)
    return TRUE;
  sp_sie_syntax_error (parser, label, _("the year number must be 0, -1, -2…"));
  return FALSE;
}
