/* sp-sie.c: reading SIE files (the Swedish standard for accounting data)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format (SIE filformat, utgåva 4B, 2008): one record per line, a label
 * such as #VER and fields separated by spaces or tabs. A field may be quoted
 * ("Kassa och bank", with \" for a quote inside) or an object list in braces
 * ({1 "Nord" 6 "47"}). Vouchers (#VER) hold their rows (#TRANS) in a block of
 * lines between { and }. Amounts have a decimal point and at most two
 * decimals, so they are read into whole öre exactly, never through a double.
 *
 * The bytes are split into lines and fields first; strings are decoded to
 * UTF-8 only when they are kept, with the encoding found from the bytes of
 * the whole file (see sp_sie_detect_encoding()).
 *
 * The parser's parts: sp-sie-read.c splits the bytes into lines and fields
 * and decodes them, sp-sie-values.c reads the fields' values and records the
 * problems, sp-sie-records.c gives each record its meaning. This file runs
 * them over the whole file and checks it as a whole afterwards;
 * sp-sie-file.c answers questions about the result.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-sie-private.h"

static int
compare_first_use (gconstpointer a,
                   gconstpointer b)
{
  const SpSieAccount *x = a, *y = b;

  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return strcmp (x->number, y->number);
}

/* After the last line: which year each voucher is in, accounts used without
 * #KONTO, and #RES against the vouchers. */
static void
check_file (Parser *parser)
{
  SpSieFile *file = parser->file;
  const SpSieYear *current;
  GHashTableIter iter;
  gpointer key, value;
  GArray *undeclared;

  /* No current year (no #RAR, or one without dates): the calendar year of
   * the first voucher, when no other year of the file holds it. */
  if (sp_sie_file_get_year (file, 0) == NULL && file->vouchers->len > 0 &&
      sp_sie_file_find_year (file, g_array_index (file->vouchers, SpSieVoucher, 0).date / 10000) == NULL)
    {
      const SpSieVoucher *first = &g_array_index (file->vouchers, SpSieVoucher, 0);
      SpSieYear year = { 0, (first->date / 10000) * 10000 + 101, (first->date / 10000) * 10000 + 1231, 0 };

      g_array_append_val (file->years, year);
      sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_NO_YEAR, 0,
                          g_strdup_printf (_("The file gives no fiscal year (#RAR); the calendar year %u of its "
                                      "first voucher is used."),
                                    first->date / 10000));
    }

  current = sp_sie_file_get_year (file, 0);
  for (guint i = 0; i < file->vouchers->len; i++)
    {
      SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, i);

      for (guint y = 0; y < file->years->len; y++)
        {
          const SpSieYear *year = &g_array_index (file->years, SpSieYear, y);
          if (voucher->date >= year->start && voucher->date <= year->end)
            {
              voucher->year = year->index;
              break;
            }
        }
      if (current != NULL && voucher->year != 0)
        {
          g_autofree char *name = sp_sie_voucher_name (voucher);
          g_autofree char *date = sp_sie_format_date (voucher->date);
          g_autofree char *start = sp_sie_format_date (current->start);
          g_autofree char *end = sp_sie_format_date (current->end);

          sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_OUTSIDE_YEAR, voucher->line,
                              /* Translators: voucher name, its date, then the fiscal year's first and last day */
                              g_strdup_printf (_("The voucher %s is dated %s, outside the fiscal year %s – %s."),
                                        name, date, start, end));
        }
    }

  /* Accounts used without #KONTO, in the order of their first use. */
  undeclared = g_array_new (FALSE, FALSE, sizeof (SpSieAccount));
  g_hash_table_iter_init (&iter, parser->first_use);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      SpSieAccount account = { key, NULL, 0, GPOINTER_TO_UINT (value) };

      if (!g_hash_table_contains (parser->declared, key))
        g_array_append_val (undeclared, account);
    }
  g_array_sort (undeclared, compare_first_use);
  for (guint i = 0; i < undeclared->len; i++)
    {
      SpSieAccount account = g_array_index (undeclared, SpSieAccount, i);

      sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_UNDECLARED_ACCOUNT, account.line,
                          g_strdup_printf (_("The account %s is used but not declared with #KONTO."),
                                    account.number));
      account.number = g_strdup (account.number);
      g_array_append_val (file->accounts, account);
    }
  g_array_unref (undeclared);

  for (guint y = 0; y < file->years->len; y++)
    {
      int index = g_array_index (file->years, SpSieYear, y).index;
      g_autoptr(GArray) sums = NULL;
      g_autoptr(GHashTable) by_account = NULL;

      if (sp_sie_file_count_vouchers (file, index) == 0)
        continue;
      sums = sp_sie_file_get_voucher_totals (file, index);
      by_account = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < sums->len; i++)
        g_hash_table_insert (by_account, g_array_index (sums, SpSieTotal, i).account,
                             &g_array_index (sums, SpSieTotal, i));
      for (guint i = 0; i < file->results->len; i++)
        {
          const SpSieBalance *res = &g_array_index (file->results, SpSieBalance, i);
          const SpSieTotal *sum;
          SpMoney from_vouchers;

          if (res->year != index)
            continue;
          sum = g_hash_table_lookup (by_account, res->account);
          from_vouchers = sum != NULL ? sum->amount : 0;
          if (from_vouchers != res->amount)
            {
              g_autofree char *a = sp_money_format (res->amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);
              g_autofree char *b = sp_money_format (from_vouchers, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);

              sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_RESULT_MISMATCH, res->line,
                                  /* Translators: account number, then two amounts */
                                  g_strdup_printf (_("The result of account %s (#RES) is %s, but its vouchers "
                                              "add up to %s; the result is used."),
                                            res->account, a, b));
            }
        }
    }
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const SpSieProblem *pa = a, *pb = b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  return (int) pa->kind - (int) pb->kind;
}

static void
clear_problem (gpointer data)
{
  g_free (((SpSieProblem *) data)->message);
}

static void
clear_account (gpointer data)
{
  SpSieAccount *account = data;
  g_free (account->number);
  g_free (account->name);
}

static void
clear_balance (gpointer data)
{
  SpSieBalance *balance = data;
  g_free (balance->account);
  g_free (balance->objects);
}

void
sp_sie_clear_trans (gpointer data)
{
  SpSieTrans *trans = data;
  g_free (trans->account);
  g_free (trans->objects);
  g_free (trans->text);
}

static void
clear_voucher (gpointer data)
{
  SpSieVoucher *voucher = data;
  g_free (voucher->series);
  g_free (voucher->number);
  g_free (voucher->text);
  g_array_unref (voucher->trans);
}

static void
clear_dim (gpointer data)
{
  g_free (((SpSieDim *) data)->name);
}

static void
clear_object (gpointer data)
{
  SpSieObject *object = data;
  g_free (object->id);
  g_free (object->name);
}

void
sp_sie_clear_total (gpointer data)
{
  g_free (((SpSieTotal *) data)->account);
}

GArray *
sp_sie_new_array (gsize          size,
                  GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, size);
  if (clear != NULL)
    g_array_set_clear_func (array, clear);
  return array;
}

static SpSieFile *
file_new (void)
{
  SpSieFile *file = g_new0 (SpSieFile, 1);

  file->years = sp_sie_new_array (sizeof (SpSieYear), NULL);
  file->accounts = sp_sie_new_array (sizeof (SpSieAccount), clear_account);
  file->dims = sp_sie_new_array (sizeof (SpSieDim), clear_dim);
  file->objects = sp_sie_new_array (sizeof (SpSieObject), clear_object);
  file->opening = sp_sie_new_array (sizeof (SpSieBalance), clear_balance);
  file->closing = sp_sie_new_array (sizeof (SpSieBalance), clear_balance);
  file->results = sp_sie_new_array (sizeof (SpSieBalance), clear_balance);
  file->period_balances = sp_sie_new_array (sizeof (SpSieBalance), clear_balance);
  file->period_budgets = sp_sie_new_array (sizeof (SpSieBalance), clear_balance);
  file->vouchers = sp_sie_new_array (sizeof (SpSieVoucher), clear_voucher);
  file->problems = sp_sie_new_array (sizeof (SpSieProblem), clear_problem);
  file->account_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return file;
}

/* Does it look like SIE at all? The first thing in it must be a record. */
static gboolean
looks_like_sie (const guint8 *data,
                gsize         length)
{
  gsize i = 0;

  if (length == 0)
    return FALSE;
  while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  return i + 1 < length && data[i] == '#' && g_ascii_isupper (data[i + 1]);
}

/* Whether the byte at @p ends a line, as the parser splits them: LF, CR LF
 * and CR alone each end one. */
static inline gboolean
ends_line (const char *p,
           const char *end)
{
  return *p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'));
}

/* The line of the byte at @offset, from 1. */
static guint
line_at (const char *data,
         gsize       length,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset && i < length; i++)
    if (ends_line (data + i, data + length))
      line++;
  return line;
}

static void
count_lost_characters (Parser *parser)
{
  static const char replacement[] = "\xef\xbf\xbd";
  const char *p = parser->data;
  const char *end = parser->data + parser->length;
  guint n = 0;
  guint first_line = 0;
  guint line = 1;

  for (; p + 2 < end; p++)
    {
      if (ends_line (p, end))
        line++;
      else if (memcmp (p, replacement, 3) == 0)
        {
          if (n++ == 0)
            first_line = line;
          p += 2;
        }
    }
  if (n > 0)
    sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_ENCODING, first_line,
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u character was lost before the file was written "
                                               "(it shows as “�”); names may be incomplete.",
                                               "%u characters were lost before the file was written "
                                               "(they show as “�”); names may be incomplete.", n),
                                  n));
}

/**
 * sp_sie_parse:
 * @data: (array length=length): the bytes of an SIE file
 *
 * Reads an SIE file. Never fails: a file that cannot be used has errors
 * among its problems (sp_sie_file_has_errors()).
 *
 * Returns: (transfer full): the file's content and problems
 */
SpSieFile *
sp_sie_parse (const guint8 *data,
              gsize         length)
{
  SpSieFile *file = file_new ();
  Parser parser = { 0, };
  const char *p, *end;

  const guint8 *nul;

  g_return_val_if_fail (data != NULL || length == 0, file);

  parser.file = file;
  parser.voucher = -1;

  /* Before a byte is read: a file beyond the limit is refused as such. */
  if (length > SP_SIE_MAX_BYTES)
    {
      guint mb = (guint) MIN ((length + 1024 * 1024 - 1) / (1024 * 1024), G_MAXUINT);

      sp_sie_add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_TOO_LARGE, 0,
                          /* Translators: both are sizes in megabytes */
                          g_strdup_printf (_("The file is too large: %u MB. Samplan reads SIE files of at most "
                                             "%u MB."),
                                           mb, (guint) (SP_SIE_MAX_BYTES / (1024 * 1024))));
      return file;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  parser.data = (const char *) data;
  parser.length = length;

  if (!looks_like_sie (data, length))
    {
      sp_sie_add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_NOT_SIE, 0,
                          g_strdup (_("This is not an SIE file: it does not begin with a record such as #FLAGGA.")));
      return file;
    }

  /* A NUL byte is in no text file: whatever follows it on its line (an
   * amount cut short) cannot be trusted, so the whole file is refused. */
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      guint line = line_at (parser.data, length, nul - data);

      file->n_lines = line;
      sp_sie_add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_DAMAGED, line,
                          g_strdup (_("The file is damaged: it holds a zero byte (NUL), which no SIE file "
                                      "has. Export the file again.")));
      return file;
    }

  file->encoding = sp_sie_detect_encoding (data, length);
  if (file->encoding == SP_SIE_ENCODING_UTF8)
    count_lost_characters (&parser);

  parser.first_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.results_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sp_sie_fields_init (&parser.fields);

  p = parser.data;
  end = parser.data + length;
  while (p < end)
    {
      const char *eol = p;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      parser.line++;
      sp_sie_read_line (&parser, p, eol);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }
  file->n_lines = parser.line;

  if (parser.in_block || parser.expect_block)
    {
      parser.line = file->n_lines;
      sp_sie_voucher_not_closed (&parser);
      sp_sie_close_voucher (&parser);
    }
  if (parser.ksumma == 1)
    {
      file->checksum = SP_SIE_CHECKSUM_WRONG;
      sp_sie_add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_TRUNCATED, parser.ksumma_line,
                          g_strdup (_("The file begins with #KSUMMA but its closing #KSUMMA is missing: "
                               "the file is cut off.")));
    }

  if (!parser.seen_known_label)
    sp_sie_add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_NOT_SIE, 1,
                        g_strdup (_("This is not an SIE file: it has none of the records #FLAGGA, #SIETYP, "
                             "#RAR, #KONTO or #VER.")));
  else
    check_file (&parser);

  /* The index of the declared and the used accounts. */
  for (guint i = 0; i < file->accounts->len; i++)
    g_hash_table_insert (file->account_index,
                         g_strdup (g_array_index (file->accounts, SpSieAccount, i).number),
                         GUINT_TO_POINTER (i + 1));

  g_array_sort (file->problems, compare_problems);
  g_free (parser.rtrans_account);
  sp_sie_fields_clear (&parser.fields);
  g_hash_table_unref (parser.first_use);
  g_hash_table_unref (parser.declared);
  g_hash_table_unref (parser.results_seen);
  return file;
}
