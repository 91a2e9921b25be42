/* sp-sie-records.c: the records of an SIE file: what each label means, vouchers and
 * their rows, the checksum record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-sie-private.h"

static void
note_use (Parser     *parser,
          const char *account)
{
  if (!g_hash_table_contains (parser->first_use, account))
    g_hash_table_insert (parser->first_use, g_strdup (account), GUINT_TO_POINTER (parser->line));
}

static SpSieAccount *
declare_account (Parser     *parser,
                 const char *number)
{
  gpointer index = g_hash_table_lookup (parser->declared, number);
  SpSieAccount account = { 0, };

  if (index != NULL)
    return &g_array_index (parser->file->accounts, SpSieAccount, GPOINTER_TO_UINT (index) - 1);

  account.number = g_strdup (number);
  account.line = parser->line;
  g_array_append_val (parser->file->accounts, account);
  g_hash_table_insert (parser->declared, g_strdup (number),
                       GUINT_TO_POINTER (parser->file->accounts->len));
  return &g_array_index (parser->file->accounts, SpSieAccount, parser->file->accounts->len - 1);
}

/* A second #RES of an account in a year: the same amount is counted once
 * (some programs write the result again at the end); another amount refuses
 * the file, as nobody can tell which one is right. */
static gboolean
is_repeated_result (Parser             *parser,
                    const SpSieBalance *balance)
{
  g_autofree char *key = g_strdup_printf ("%d %s", balance->year, balance->account);
  gpointer index = g_hash_table_lookup (parser->results_seen, key);
  const SpSieBalance *first;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (index == NULL)
    {
      g_hash_table_insert (parser->results_seen, g_steal_pointer (&key),
                           GUINT_TO_POINTER (parser->file->results->len + 1));
      return FALSE;
    }
  first = &g_array_index (parser->file->results, SpSieBalance, GPOINTER_TO_UINT (index) - 1);
  a = sp_money_format (first->amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);
  b = sp_money_format (balance->amount, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);
  if (first->amount == balance->amount)
    sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_DUPLICATE, parser->line,
                        /* Translators: an account number, an amount, then a line number */
                        g_strdup_printf (_("The result of account %s (#RES), %s, is given again, as on line %u; "
                                           "it is counted once."),
                                         balance->account, b, first->line));
  else
    sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_DUPLICATE, parser->line,
                        /* Translators: an account number, an amount, then a line number and another amount */
                        g_strdup_printf (_("The result of account %s (#RES) is given twice: %s here, %s on line "
                                           "%u. Which one is right cannot be told."),
                                         balance->account, b, a, first->line));
  return TRUE;
}

static void
read_balance (Parser     *parser,
              const char *label,
              GArray     *into,
              gboolean    with_period)
{
  SpSieBalance balance = { 0, };
  guint amount_field = 3;
  gboolean has_list = FALSE;

  if (with_period)
    {
      /* #PSALDO/#PBUDGET year period account {objects} amount; BL Administration
       * leaves the object list out, and its amount is then the fourth field. */
      has_list = parser->fields.n > 4 && sp_sie_field_kind (parser, 4) == FIELD_LIST;
      amount_field = has_list ? 5 : 4;
    }
  if (!sp_sie_need_fields (parser, label, amount_field))
    return;
  if (!sp_sie_read_year_index (parser, label, 1, &balance.year))
    return;
  if (with_period && !sp_sie_parse_period (sp_sie_field_raw (parser, 2), &balance.period))
    {
      sp_sie_syntax_error (parser, label, _("the period must be year and month, YYYYMM"));
      return;
    }
  if (!sp_sie_read_amount (parser, label, amount_field, &balance.amount))
    return;

  balance.account = sp_sie_field_account (parser, with_period ? 3 : 2);
  balance.line = parser->line;
  if (into == parser->file->results && is_repeated_result (parser, &balance))
    {
      g_free (balance.account);
      return;
    }
  if (has_list && g_array_index (parser->fields.fields, Field, 4).text->len > 0)
    balance.objects = sp_sie_field_decode (parser, 4);
  note_use (parser, balance.account);
  g_array_append_val (into, balance);
}

char *
sp_sie_voucher_name (const SpSieVoucher *voucher)
{
  if (voucher == NULL)
    return g_strdup ("–");
  if (voucher->series[0] != '\0' && voucher->number[0] != '\0')
    return g_strdup_printf ("%s %s", voucher->series, voucher->number);
  if (voucher->number[0] != '\0')
    return g_strdup (voucher->number);
  if (voucher->series[0] != '\0')
    return g_strdup (voucher->series);
  return g_strdup ("–");
}

char *
sp_sie_format_date (guint32 date)
{
  return g_strdup_printf ("%04u-%02u-%02u", date / 10000, (date / 100) % 100, date % 100);
}

static SpSieVoucher *
current_voucher (Parser *parser)
{
  if (parser->voucher < 0)
    return NULL;
  return &g_array_index (parser->file->vouchers, SpSieVoucher, parser->voucher);
}

static void
check_rtrans (Parser *parser)
{
  if (!parser->rtrans_pending)
    return;
  sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_RTRANS, parser->rtrans_line,
                      g_strdup_printf (_("The added row (#RTRANS) on account %s is not followed by the same "
                                         "#TRANS, as the standard asks; it is counted once, as the #RTRANS "
                                         "has it."),
                                       parser->rtrans_account));
  parser->rtrans_pending = FALSE;
  g_clear_pointer (&parser->rtrans_account, g_free);
}

void
sp_sie_close_voucher (Parser *parser)
{
  SpSieVoucher *voucher = current_voucher (parser);

  check_rtrans (parser);
  if (voucher != NULL && voucher->sum != 0)
    {
      g_autofree char *name = sp_sie_voucher_name (voucher);
      g_autofree char *sum = sp_money_format (voucher->sum, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);

      sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_UNBALANCED, voucher->line,
                          /* Translators: a voucher (verifikation) whose debit and credit differ;
                    * the first %s names it (series and number, "B 1"), the second is an amount */
                   g_strdup_printf (_("The voucher %s does not balance: its rows add up to %s."),
                                    name, sum));
    }
  parser->voucher = -1;
  parser->in_block = FALSE;
  parser->expect_block = FALSE;
}

/* A voucher whose block never ended: the file is cut off or broken. */
void
sp_sie_voucher_not_closed (Parser *parser)
{
  SpSieVoucher *voucher = current_voucher (parser);
  g_autofree char *name = sp_sie_voucher_name (voucher);

  sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_TRUNCATED, voucher != NULL ? voucher->line : parser->line,
                      g_strdup_printf (_("The voucher %s is not closed with “}”: the file is cut off or damaged."),
                                name));
}

static void
read_ver (Parser *parser)
{
  SpSieVoucher voucher = { 0, };

  if (parser->in_block || parser->expect_block)
    {
      sp_sie_voucher_not_closed (parser);
      sp_sie_close_voucher (parser);
    }
  if (!sp_sie_need_fields (parser, "#VER", 3))
    return;
  if (!sp_sie_parse_date (sp_sie_field_raw (parser, 3), &voucher.date))
    {
      g_autofree char *what = sp_sie_date_problem (sp_sie_field_raw (parser, 3));
      sp_sie_syntax_error (parser, "#VER", what);
      return;
    }
  voucher.series = sp_sie_field_decode (parser, 1);
  voucher.number = sp_sie_field_decode (parser, 2);
  voucher.text = parser->fields.n > 4 ? sp_sie_field_decode (parser, 4) : g_strdup ("");
  voucher.year = SP_SIE_NO_YEAR;
  voucher.line = parser->line;
  voucher.trans = g_array_new (FALSE, TRUE, sizeof (SpSieTrans));
  g_array_set_clear_func (voucher.trans, sp_sie_clear_trans);
  g_array_append_val (parser->file->vouchers, voucher);
  parser->voucher = parser->file->vouchers->len - 1;
  parser->expect_block = TRUE;
}

static void
read_trans (Parser     *parser,
            const char *label)
{
  SpSieVoucher *voucher = current_voucher (parser);
  SpSieTrans trans = { 0, };
  gboolean added = g_str_equal (label, "#RTRANS");
  gboolean removed = g_str_equal (label, "#BTRANS");

  if (!parser->in_block || voucher == NULL)
    {
      sp_sie_syntax_error (parser, label, _("the row is not inside a voucher’s { }"));
      return;
    }
  if (!sp_sie_need_fields (parser, label, 3))
    return;
  if (sp_sie_field_kind (parser, 2) != FIELD_LIST)
    {
      sp_sie_syntax_error (parser, label, _("the object list in { } is missing"));
      return;
    }
  if (!sp_sie_read_amount (parser, label, 3, &trans.amount))
    return;

  trans.account = sp_sie_field_account (parser, 1);
  note_use (parser, trans.account);

  /* An #RTRANS is a row added to the voucher after it was entered; the
   * standard has the program repeat it as a #TRANS for older readers. The
   * #RTRANS is counted, and the #TRANS that repeats it right after is not.
   * An #RTRANS without that #TRANS is still a row of the voucher: counted,
   * with a warning (sp_sie_close_voucher() and read_record() give it). */
  if (parser->rtrans_pending)
    {
      gboolean same = !added && !removed && g_strcmp0 (parser->rtrans_account, trans.account) == 0 &&
                      parser->rtrans_amount == trans.amount;
      if (same)
        {
          parser->rtrans_pending = FALSE;
          g_clear_pointer (&parser->rtrans_account, g_free);
          g_free (trans.account);
          return;
        }
      check_rtrans (parser);
    }
  if (removed)
    {
      /* A row struck out of the voucher: shown for the audit trail, not counted. */
      g_free (trans.account);
      return;
    }

  if (g_array_index (parser->fields.fields, Field, 2).text->len > 0)
    trans.objects = sp_sie_field_decode (parser, 2);
  if (parser->fields.n > 4 && !sp_sie_parse_date (sp_sie_field_raw (parser, 4), &trans.date))
    trans.date = 0;
  if (parser->fields.n > 5)
    trans.text = sp_sie_field_decode (parser, 5);
  trans.line = parser->line;

  if ((trans.amount > 0 && voucher->sum > G_MAXINT64 - trans.amount) ||
      (trans.amount < 0 && voucher->sum < G_MININT64 - trans.amount))
    {
      sp_sie_syntax_error (parser, label, _("the amounts are too large"));
      g_free (trans.account);
      g_free (trans.objects);
      g_free (trans.text);
      return;
    }
  voucher->sum += trans.amount;
  if (added)
    {
      parser->rtrans_pending = TRUE;
      parser->rtrans_account = g_strdup (trans.account);
      parser->rtrans_amount = trans.amount;
      parser->rtrans_line = parser->line;
    }
  g_array_append_val (voucher->trans, trans);
}

static void
read_ksumma (Parser *parser)
{
  gint64 declared;
  char *end = NULL;
  guint32 crc = parser->crc_before;

  if (parser->fields.n < 2)
    {
      if (parser->ksumma == 0)
        {
          parser->ksumma = 1;
          parser->ksumma_line = parser->line;
          parser->fields.crc = 0;
          parser->fields.crc_active = TRUE;
          parser->fields.crc_cp437 = 0;
          parser->fields.crc_cp437_active = parser->file->encoding == SP_SIE_ENCODING_UTF8;
          parser->crc_raw = 0;
        }
      return;
    }

  if (parser->ksumma != 1)
    {
      sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_CHECKSUM_NOT_VERIFIED, parser->line,
                          g_strdup (_("The checksum (#KSUMMA) has no opening #KSUMMA at the start of the file; "
                               "it was not checked.")));
      return;
    }
  parser->ksumma = 2;
  parser->fields.crc_active = FALSE;

  declared = g_ascii_strtoll (sp_sie_field_raw (parser, 1), &end, 10);
  if (end == NULL || *end != '\0' || end == sp_sie_field_raw (parser, 1))
    {
      parser->file->checksum = SP_SIE_CHECKSUM_WRONG;
      sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_CHECKSUM, parser->line,
                          g_strdup (_("The checksum (#KSUMMA) is not a number.")));
      return;
    }
  /* Written as an unsigned or as a signed 32-bit number. */
  if ((guint32) declared == crc || (guint32) declared == parser->crc_raw_before)
    parser->file->checksum = SP_SIE_CHECKSUM_VERIFIED;
  else if (parser->fields.crc_cp437_active && (guint32) declared == parser->crc_cp437_before)
    {
      /* The content is as it was exported; only its letters were converted. */
      parser->file->checksum = SP_SIE_CHECKSUM_VERIFIED;
      sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_CHECKSUM_CONVERTED, parser->line,
                          g_strdup (_("The checksum (#KSUMMA) matches the file as it was exported in code "
                                      "page 437; the file was converted to UTF-8 since. Its content is "
                                      "unchanged.")));
    }
  else
    {
      parser->file->checksum = SP_SIE_CHECKSUM_WRONG;
      sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_CHECKSUM, parser->line,
                          g_strdup (_("The checksum (#KSUMMA) does not match the content: the file was "
                               "changed or damaged after it was exported.")));
    }
}

static void
read_record (Parser *parser)
{
  SpSieFile *file = parser->file;
  g_autofree char *label = g_ascii_strup (sp_sie_field_raw (parser, 0), -1);

  if (parser->expect_block && !g_str_equal (label, "#KSUMMA"))
    {
      SpSieVoucher *voucher = current_voucher (parser);
      g_autofree char *name = sp_sie_voucher_name (voucher);

      sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, voucher != NULL ? voucher->line : parser->line,
                          g_strdup_printf (_("The voucher %s has no rows in “{ }”."), name));
      sp_sie_close_voucher (parser);
    }
  if (parser->rtrans_pending && !g_str_equal (label, "#TRANS"))
    check_rtrans (parser);

  if (g_str_equal (label, "#TRANS") || g_str_equal (label, "#RTRANS") || g_str_equal (label, "#BTRANS"))
    {
      parser->seen_known_label = TRUE;
      read_trans (parser, label);
      return;
    }
  if (parser->in_block)
    {
      /* Anything else inside a voucher: its } is missing. */
      sp_sie_voucher_not_closed (parser);
      sp_sie_close_voucher (parser);
    }

  if (g_str_equal (label, "#FLAGGA"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1)
        sp_sie_parse_int (sp_sie_field_raw (parser, 1), &file->flag);
    }
  else if (g_str_equal (label, "#FORMAT"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && file->declared_format == NULL)
        file->declared_format = sp_sie_field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#SIETYP"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1)
        sp_sie_parse_int (sp_sie_field_raw (parser, 1), &file->sie_type);
    }
  else if (g_str_equal (label, "#PROGRAM"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && file->program == NULL)
        file->program = sp_sie_field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#GEN"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && !sp_sie_parse_date (sp_sie_field_raw (parser, 1), &file->generated))
        file->generated = 0;
    }
  else if (g_str_equal (label, "#FNAMN"))
    {
      if (parser->fields.n > 1 && file->company == NULL)
        file->company = sp_sie_field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#KPTYP"))
    {
      if (parser->fields.n > 1 && file->chart == NULL)
        file->chart = sp_sie_field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#ORGNR"))
    {
      if (parser->fields.n > 1 && file->org_number == NULL)
        file->org_number = sp_sie_field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#RAR"))
    {
      SpSieYear year = { 0, };

      const SpSieYear *earlier;

      parser->seen_known_label = TRUE;
      if (parser->fields.n == 2 && sp_sie_parse_int (sp_sie_field_raw (parser, 1), &year.index))
        {
          /* A year without its dates says no more than a missing #RAR: the
           * year is then taken from the vouchers, as for a file without one. */
          sp_sie_add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_NO_YEAR, parser->line,
                              g_strdup_printf (_("The fiscal year %d (#RAR) has no dates; it is left out."),
                                               year.index));
          return;
        }
      if (!sp_sie_need_fields (parser, label, 3) || !sp_sie_read_year_index (parser, label, 1, &year.index))
        return;
      if (!sp_sie_parse_date (sp_sie_field_raw (parser, 2), &year.start) ||
          !sp_sie_parse_date (sp_sie_field_raw (parser, 3), &year.end))
        {
          g_autofree char *what = sp_sie_date_problem (sp_sie_parse_date (sp_sie_field_raw (parser, 2), &year.start)
                                                       ? sp_sie_field_raw (parser, 3)
                                                       : sp_sie_field_raw (parser, 2));
          sp_sie_syntax_error (parser, label, what);
          return;
        }
      if (year.end < year.start)
        {
          sp_sie_syntax_error (parser, label, _("the fiscal year must be two dates YYYYMMDD, the first one first"));
          return;
        }
      year.line = parser->line;
      earlier = sp_sie_file_get_year (file, year.index);
      /* The same year twice is harmless; two different years of one number
       * would make every voucher's year a guess. */
      if (earlier == NULL)
        g_array_append_val (file->years, year);
      else if (earlier->start != year.start || earlier->end != year.end)
        sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_DUPLICATE, parser->line,
                            /* Translators: a year's number (0, -1…), then a line number */
                            g_strdup_printf (_("The fiscal year %d (#RAR) is given a second time, with other "
                                               "dates than on line %u."),
                                             year.index, earlier->line));
    }
  else if (g_str_equal (label, "#KONTO"))
    {
      g_autofree char *number = NULL;
      SpSieAccount *account;

      parser->seen_known_label = TRUE;
      if (parser->fields.n < 2)
        return;
      number = sp_sie_field_account (parser, 1);
      account = declare_account (parser, number);
      g_free (account->name);
      account->name = parser->fields.n > 2 ? sp_sie_field_decode (parser, 2) : g_strdup ("");
      g_strstrip (account->name);
    }
  else if (g_str_equal (label, "#KTYP"))
    {
      g_autofree char *number = NULL;
      const char *type;

      /* Only informative: a #KTYP without its type (seen in real files) is skipped. */
      if (parser->fields.n < 3)
        return;
      number = sp_sie_field_account (parser, 1);
      type = sp_sie_field_raw (parser, 2);
      if (strlen (type) == 1 && strchr ("TSKItskI", type[0]) != NULL)
        {
          gpointer index = g_hash_table_lookup (parser->declared, number);
          if (index != NULL)
            g_array_index (file->accounts, SpSieAccount, GPOINTER_TO_UINT (index) - 1).type =
              g_ascii_toupper (type[0]);
        }
    }
  else if (g_str_equal (label, "#DIM") || g_str_equal (label, "#UNDERDIM"))
    {
      SpSieDim dim = { 0, };
      gboolean sub = g_str_equal (label, "#UNDERDIM");

      if (parser->fields.n < (sub ? 4u : 3u))
        return;
      if (!sp_sie_parse_int (sp_sie_field_raw (parser, 1), &dim.number) ||
          (sub && !sp_sie_parse_int (sp_sie_field_raw (parser, 3), &dim.parent)))
        {
          sp_sie_syntax_error (parser, label, _("the dimension must be a number"));
          return;
        }
      dim.name = sp_sie_field_decode (parser, 2);
      g_array_append_val (file->dims, dim);
    }
  else if (g_str_equal (label, "#OBJEKT"))
    {
      SpSieObject object = { 0, };

      if (parser->fields.n < 4)
        return;
      if (!sp_sie_parse_int (sp_sie_field_raw (parser, 1), &object.dim))
        {
          sp_sie_syntax_error (parser, label, _("the dimension must be a number"));
          return;
        }
      object.id = sp_sie_field_decode (parser, 2);
      object.name = sp_sie_field_decode (parser, 3);
      g_array_append_val (file->objects, object);
    }
  else if (g_str_equal (label, "#IB"))
    read_balance (parser, label, file->opening, FALSE);
  else if (g_str_equal (label, "#UB"))
    read_balance (parser, label, file->closing, FALSE);
  else if (g_str_equal (label, "#RES"))
    read_balance (parser, label, file->results, FALSE);
  else if (g_str_equal (label, "#PSALDO"))
    read_balance (parser, label, file->period_balances, TRUE);
  else if (g_str_equal (label, "#PBUDGET"))
    read_balance (parser, label, file->period_budgets, TRUE);
  else if (g_str_equal (label, "#VER"))
    {
      parser->seen_known_label = TRUE;
      read_ver (parser);
    }
  else if (g_str_equal (label, "#KSUMMA"))
    {
      parser->seen_known_label = TRUE;
      read_ksumma (parser);
    }
  /* Anything else (#ADRESS, #SRU, #OIB, labels of later versions) is skipped,
   * as the standard asks of a reader. */
}

void
sp_sie_read_line (Parser     *parser,
                  const char *p,
                  const char *end)
{
  const char *q;

  while (p < end && sp_sie_is_blank (*p))
    p++;
  q = end;
  while (q > p && sp_sie_is_blank (q[-1]))
    q--;
  if (p == q)
    return;

  parser->crc_before = parser->fields.crc;
  parser->crc_raw_before = parser->crc_raw;
  parser->crc_cp437_before = parser->fields.crc_cp437;
  if (parser->ksumma == 1)
    for (const char *r = p; r < q; r++)
      if (!sp_sie_is_blank (*r) && *r != '"')
        parser->crc_raw = sp_sie_crc32 (parser->crc_raw, (const guint8 *) r, 1);

  if (q - p == 1 && *p == '{')
    {
      if (parser->expect_block)
        {
          parser->expect_block = FALSE;
          parser->in_block = TRUE;
        }
      else
        sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
                            g_strdup (_("A “{” that does not follow a voucher (#VER).")));
      return;
    }
  if (q - p == 1 && *p == '}')
    {
      if (parser->in_block)
        sp_sie_close_voucher (parser);
      else
        sp_sie_add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
                            g_strdup (_("A “}” that closes no voucher.")));
      return;
    }
  if (*p != '#')
    return; /* not a record: skipped */

  sp_sie_split_fields (&parser->fields, p, q);
  if (parser->fields.open_list)
    {
      g_autofree char *label = g_ascii_strup (sp_sie_field_raw (parser, 0), -1);
      sp_sie_syntax_error (parser, label, _("an object list “{” is not closed with “}” on its line"));
      return;
    }
  read_record (parser);
}
