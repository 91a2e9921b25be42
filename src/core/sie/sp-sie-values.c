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
  const char *p = text;
  gboolean negative = FALSE;
  gint64 kr = 0;
  gint64 ore = 0;
  int n_int = 0, n_dec = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++n_int > 13)
        return FALSE;
      kr = kr * 10 + (*p - '0');
    }
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (n_dec < 2)
            ore = ore * 10 + (*p - '0');
          else if (*p != '0')
            return FALSE;
          n_dec++;
        }
      if (n_dec == 0 && n_int == 0)
        return FALSE;
    }
  if (*p != '\0' || (n_int == 0 && n_dec == 0))
    return FALSE;
  if (n_dec == 1)
    ore *= 10;

  kr = kr * 100 + ore;
  if (kr > SP_MONEY_MAX)
    return FALSE;
  *out_amount = negative ? -kr : kr;
  return TRUE;
}

void
sp_sie_syntax_error (Parser     *parser,
                     const char *label,
                     const char *what)
{
  g_autofree char *shown = sp_sie_decode (parser->file->encoding, label, strlen (label));

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

  if (sp_sie_parse_amount (text, out))
    return TRUE;
  {
    g_autofree char *shown = sp_sie_field_decode (parser, i);
    g_autofree char *what = g_strdup_printf (_("“%s” is not an amount (write it like -1234.50)"), shown);
    sp_sie_syntax_error (parser, label, what);
  }
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
