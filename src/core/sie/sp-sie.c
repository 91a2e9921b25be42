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
 * the whole file (see detect_encoding()).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-sie.h"

/* ---- Encodings ---------------------------------------------------------- */

/* Code page 437, bytes 0x80–0xff. */
static const gunichar cp437_high[128] = {
  0x00c7, 0x00fc, 0x00e9, 0x00e2, 0x00e4, 0x00e0, 0x00e5, 0x00e7,
  0x00ea, 0x00eb, 0x00e8, 0x00ef, 0x00ee, 0x00ec, 0x00c4, 0x00c5,
  0x00c9, 0x00e6, 0x00c6, 0x00f4, 0x00f6, 0x00f2, 0x00fb, 0x00f9,
  0x00ff, 0x00d6, 0x00dc, 0x00a2, 0x00a3, 0x00a5, 0x20a7, 0x0192,
  0x00e1, 0x00ed, 0x00f3, 0x00fa, 0x00f1, 0x00d1, 0x00aa, 0x00ba,
  0x00bf, 0x2310, 0x00ac, 0x00bd, 0x00bc, 0x00a1, 0x00ab, 0x00bb,
  0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
  0x2555, 0x2563, 0x2551, 0x2557, 0x255d, 0x255c, 0x255b, 0x2510,
  0x2514, 0x2534, 0x252c, 0x251c, 0x2500, 0x253c, 0x255e, 0x255f,
  0x255a, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256c, 0x2567,
  0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256b,
  0x256a, 0x2518, 0x250c, 0x2588, 0x2584, 0x258c, 0x2590, 0x2580,
  0x03b1, 0x00df, 0x0393, 0x03c0, 0x03a3, 0x03c3, 0x00b5, 0x03c4,
  0x03a6, 0x0398, 0x03a9, 0x03b4, 0x221e, 0x03c6, 0x03b5, 0x2229,
  0x2261, 0x00b1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00f7, 0x2248,
  0x00b0, 0x2219, 0x00b7, 0x221a, 0x207f, 0x00b2, 0x25a0, 0x00a0,
};

/* Windows-1252, bytes 0x80–0x9f (the rest of it is ISO 8859-1). */
static const gunichar cp1252_c1[32] = {
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

/* Declared PC8 means code page 437, but exporters also write UTF-8 or
 * Latin-1 (Windows-1252) while declaring PC8. Valid UTF-8 with non-ASCII
 * bytes is UTF-8 (no Swedish text in CP437 or Latin-1 is valid UTF-8 by
 * chance). Otherwise the Swedish letters decide: in CP437 å ä ö Å Ä Ö é ü are
 * 0x86 0x84 0x94 0x8f 0x8e 0x99 0x82 0x81, in Latin-1 0xe5 0xe4 0xf6 0xc5 0xc4
 * 0xd6 0xe9 0xfc; each set is line drawing, Greek or control characters in
 * the other encoding. */
static SpSieEncoding
detect_encoding (const guint8 *data,
                 gsize         length)
{
  gsize cp437 = 0, latin1 = 0;
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length; i++)
    if (data[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  if (ascii)
    return SP_SIE_ENCODING_ASCII;
  if (g_utf8_validate_len ((const char *) data, length, NULL))
    return SP_SIE_ENCODING_UTF8;

  for (gsize i = 0; i < length; i++)
    switch (data[i])
      {
      case 0x86: case 0x84: case 0x94: case 0x8f: case 0x8e: case 0x99: case 0x82: case 0x81:
        cp437++;
        break;
      case 0xe5: case 0xe4: case 0xf6: case 0xc5: case 0xc4: case 0xd6: case 0xe9: case 0xfc:
        latin1++;
        break;
      default:
        break;
      }
  return latin1 > cp437 ? SP_SIE_ENCODING_LATIN1 : SP_SIE_ENCODING_CP437;
}

/* The bytes of a field as UTF-8. Control characters become spaces. */
static char *
decode (SpSieEncoding  encoding,
        const char    *bytes,
        gsize          length)
{
  GString *out = g_string_sized_new (length + 8);

  if (encoding == SP_SIE_ENCODING_UTF8 || encoding == SP_SIE_ENCODING_ASCII)
    {
      const char *p = bytes;
      const char *end = bytes + length;

      while (p < end)
        {
          const char *bad = NULL;

          if (g_utf8_validate_len (p, end - p, &bad))
            bad = end;
          for (const char *q = p; q < bad; q++)
            g_string_append_c (out, ((guchar) *q < 0x20 || *q == 0x7f) ? ' ' : *q);
          if (bad < end)
            {
              g_string_append_unichar (out, 0xfffd);
              bad++;
            }
          p = bad;
        }
      return g_string_free (out, FALSE);
    }

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = (guint8) bytes[i];

      if (b < 0x20 || b == 0x7f)
        g_string_append_c (out, ' ');
      else if (b < 0x80)
        g_string_append_c (out, (char) b);
      else if (encoding == SP_SIE_ENCODING_CP437)
        g_string_append_unichar (out, cp437_high[b - 0x80]);
      else if (b < 0xa0)
        g_string_append_unichar (out, cp1252_c1[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }
  return g_string_free (out, FALSE);
}

/* ---- The checksum -------------------------------------------------------- */

/**
 * sp_sie_crc32:
 * @crc: 0 to start, or the value of the data before
 *
 * CRC-32 as the SIE standard prints it (and as zlib and PNG have it):
 * polynomial 0xEDB88320 reflected, starting value and final mask 0xFFFFFFFF.
 * Calls can be chained: sp_sie_crc32 (sp_sie_crc32 (0, a), b) is the CRC of
 * a followed by b.
 */
guint32
sp_sie_crc32 (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static gsize table_ready = 0;
  static guint32 table[256];

  if (g_once_init_enter (&table_ready))
    {
      for (guint32 i = 0; i < 256; i++)
        {
          guint32 c = i;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
          table[i] = c;
        }
      g_once_init_leave (&table_ready, 1);
    }

  crc ^= 0xffffffffu;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

/* ---- Fields of a line ---------------------------------------------------- */

typedef enum {
  FIELD_PLAIN,
  FIELD_QUOTED,
  FIELD_LIST,
} FieldKind;

typedef struct {
  GString   *text;   /* the bytes, unquoted and unescaped; a list's items joined by spaces */
  FieldKind  kind;
} Field;

typedef struct {
  GArray   *fields;  /* Field; the GStrings are kept for the next line */
  guint     n;
  gboolean  open_list; /* a { without } on the line */
  guint32   crc;       /* the checksum of the label and the fields' contents */
  gboolean  crc_active;
} Fields;

static void
fields_init (Fields *fields)
{
  fields->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  fields->n = 0;
}

static void
fields_clear (Fields *fields)
{
  for (guint i = 0; i < fields->fields->len; i++)
    g_string_free (g_array_index (fields->fields, Field, i).text, TRUE);
  g_array_free (fields->fields, TRUE);
}

static Field *
fields_next (Fields    *fields,
             FieldKind  kind)
{
  Field *field;

  if (fields->n == fields->fields->len)
    {
      Field fresh = { g_string_new (NULL), FIELD_PLAIN };
      g_array_append_val (fields->fields, fresh);
    }
  field = &g_array_index (fields->fields, Field, fields->n++);
  g_string_truncate (field->text, 0);
  field->kind = kind;
  return field;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Reads one quoted string starting at the quote; returns where it ends. A
 * string not closed on its line runs to the end of the line. */
static const char *
read_quoted (const char *p,
             const char *end,
             GString    *out)
{
  p++;
  while (p < end && *p != '"')
    {
      if (*p == '\\' && p + 1 < end && p[1] == '"')
        p++;
      g_string_append_c (out, *p);
      p++;
    }
  return p < end ? p + 1 : p;
}

static void
crc_feed (Fields     *fields,
          const char *bytes,
          gsize       length)
{
  if (fields->crc_active)
    fields->crc = sp_sie_crc32 (fields->crc, (const guint8 *) bytes, length);
}

/* Splits a record into its fields. The checksum is fed the contents only:
 * no separators, no quotes around strings, no braces (SIE 4B, 10.5). */
static void
split_fields (Fields     *fields,
              const char *p,
              const char *end)
{
  fields->n = 0;
  fields->open_list = FALSE;

  while (TRUE)
    {
      Field *field;

      while (p < end && is_blank (*p))
        p++;
      if (p >= end)
        break;

      if (*p == '"')
        {
          field = fields_next (fields, FIELD_QUOTED);
          p = read_quoted (p, end, field->text);
          crc_feed (fields, field->text->str, field->text->len);
        }
      else if (*p == '{')
        {
          field = fields_next (fields, FIELD_LIST);
          p++;
          while (TRUE)
            {
              gsize start;

              while (p < end && is_blank (*p))
                p++;
              if (p >= end)
                {
                  fields->open_list = TRUE;
                  break;
                }
              if (*p == '}')
                {
                  p++;
                  break;
                }
              if (field->text->len > 0)
                g_string_append_c (field->text, ' ');
              start = field->text->len;
              if (*p == '"')
                p = read_quoted (p, end, field->text);
              else
                while (p < end && !is_blank (*p) && *p != '}' && *p != '"')
                  g_string_append_c (field->text, *p++);
              crc_feed (fields, field->text->str + start, field->text->len - start);
            }
        }
      else
        {
          field = fields_next (fields, FIELD_PLAIN);
          while (p < end && !is_blank (*p))
            g_string_append_c (field->text, *p++);
          crc_feed (fields, field->text->str, field->text->len);
        }
    }
}

/* ---- The parser's state -------------------------------------------------- */

static void clear_trans (gpointer data);

typedef struct {
  SpSieFile   *file;
  const char  *data;
  gsize        length;
  Fields       fields;
  guint        line;

  /* The voucher being read: the index in file->vouchers, or -1. */
  int          voucher;
  gboolean     expect_block;   /* after #VER, before its { */
  gboolean     in_block;       /* between { and } */
  gboolean     rtrans_pending; /* an #RTRANS waits for its #TRANS */
  char        *rtrans_account;
  SpMoney      rtrans_amount;
  guint        rtrans_line;

  /* #KSUMMA: 0 none seen, 1 opened, 2 closed. */
  int          ksumma;
  guint        ksumma_line;
  guint32      crc_raw;        /* the same over the raw bytes less blanks and quotes */
  guint32      crc_before;     /* both as they were before the current line */
  guint32      crc_raw_before;

  gboolean     seen_known_label;
  GHashTable  *first_use;      /* account → line of its first use (GUINT_TO_POINTER) */
  GHashTable  *declared;       /* account → index in file->accounts + 1 */
} Parser;

static void
add_problem (Parser           *parser,
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

static char *
field_decode (Parser *parser,
              guint   i)
{
  const Field *field = &g_array_index (parser->fields.fields, Field, i);
  return decode (parser->file->encoding, field->text->str, field->text->len);
}

static const char *
field_raw (Parser *parser,
           guint   i)
{
  return g_array_index (parser->fields.fields, Field, i).text->str;
}

static FieldKind
field_kind (Parser *parser,
            guint   i)
{
  return g_array_index (parser->fields.fields, Field, i).kind;
}

/* An account number as the file writes it: ASCII only, so that it can be
 * compared and looked up; other bytes (never seen in practice) are decoded. */
static char *
field_account (Parser *parser,
               guint   i)
{
  return field_decode (parser, i);
}

static gboolean
parse_int (const char *text,
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

static gboolean
parse_date (const char *text,
            guint32    *out)
{
  int value;

  if (strlen (text) != 8 || !parse_int (text, &value) || value < 0)
    return FALSE;
  if (!g_date_valid_dmy (value % 100, (value / 100) % 100, value / 10000))
    return FALSE;
  *out = (guint32) value;
  return TRUE;
}

static gboolean
parse_period (const char *text,
              guint32    *out)
{
  int value;

  if (strlen (text) != 6 || !parse_int (text, &value) || value < 0)
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

static void
syntax_error (Parser     *parser,
              const char *label,
              const char *what)
{
  g_autofree char *shown = decode (parser->file->encoding, label, strlen (label));

  add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
               /* Translators: the first %s is a record label such as #TRANS, the
                * second says what is wrong with it */
               g_strdup_printf (_("The record %s cannot be read: %s."), shown, what));
}

static gboolean
need_fields (Parser     *parser,
             const char *label,
             guint       n)
{
  if (parser->fields.n >= n + 1)
    return TRUE;
  syntax_error (parser, label, _("fields are missing"));
  return FALSE;
}

static gboolean
read_amount (Parser     *parser,
             const char *label,
             guint       i,
             SpMoney    *out)
{
  const char *text = field_raw (parser, i);

  if (sp_sie_parse_amount (text, out))
    return TRUE;
  {
    g_autofree char *shown = field_decode (parser, i);
    g_autofree char *what = g_strdup_printf (_("“%s” is not an amount (write it like -1234.50)"), shown);
    syntax_error (parser, label, what);
  }
  return FALSE;
}

static gboolean
read_year_index (Parser     *parser,
                 const char *label,
                 guint       i,
                 int        *out)
{
  if (parse_int (field_raw (parser, i), out) && *out <= 0 && *out > -100)
    return TRUE;
  syntax_error (parser, label, _("the year number must be 0, -1, -2…"));
  return FALSE;
}

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

static void
read_balance (Parser     *parser,
              const char *label,
              GArray     *into,
              gboolean    with_period)
{
  SpSieBalance balance = { 0, };
  guint amount_field = with_period ? 5 : 3;

  if (!need_fields (parser, label, amount_field))
    return;
  if (!read_year_index (parser, label, 1, &balance.year))
    return;
  if (with_period)
    {
      if (!parse_period (field_raw (parser, 2), &balance.period))
        {
          syntax_error (parser, label, _("the period must be year and month, YYYYMM"));
          return;
        }
      if (field_kind (parser, 4) != FIELD_LIST)
        {
          syntax_error (parser, label, _("the object list in { } is missing"));
          return;
        }
    }
  if (!read_amount (parser, label, amount_field, &balance.amount))
    return;

  balance.account = field_account (parser, with_period ? 3 : 2);
  if (with_period && g_array_index (parser->fields.fields, Field, 4).text->len > 0)
    balance.objects = field_decode (parser, 4);
  balance.line = parser->line;
  note_use (parser, balance.account);
  g_array_append_val (into, balance);
}

static char *
voucher_name (const SpSieVoucher *voucher)
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

static char *
format_date (guint32 date)
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
  add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_RTRANS, parser->rtrans_line,
               g_strdup_printf (_("The added row (#RTRANS) on account %s is not followed by the same "
                                  "#TRANS; it is not counted."),
                                parser->rtrans_account));
  parser->rtrans_pending = FALSE;
  g_clear_pointer (&parser->rtrans_account, g_free);
}

static void
close_voucher (Parser *parser)
{
  SpSieVoucher *voucher = current_voucher (parser);

  check_rtrans (parser);
  if (voucher != NULL && voucher->sum != 0)
    {
      g_autofree char *name = voucher_name (voucher);
      g_autofree char *sum = sp_money_format (voucher->sum, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DECIMALS);

      add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_UNBALANCED, voucher->line,
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
static void
voucher_not_closed (Parser *parser)
{
  SpSieVoucher *voucher = current_voucher (parser);
  g_autofree char *name = voucher_name (voucher);

  add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_TRUNCATED, voucher != NULL ? voucher->line : parser->line,
               g_strdup_printf (_("The voucher %s is not closed with “}”: the file is cut off or damaged."),
                                name));
}

static void
read_ver (Parser *parser)
{
  SpSieVoucher voucher = { 0, };

  if (parser->in_block || parser->expect_block)
    {
      voucher_not_closed (parser);
      close_voucher (parser);
    }
  if (!need_fields (parser, "#VER", 3))
    return;
  if (!parse_date (field_raw (parser, 3), &voucher.date))
    {
      syntax_error (parser, "#VER", _("the date must be a date written YYYYMMDD"));
      return;
    }
  voucher.series = field_decode (parser, 1);
  voucher.number = field_decode (parser, 2);
  voucher.text = parser->fields.n > 4 ? field_decode (parser, 4) : g_strdup ("");
  voucher.year = SP_SIE_NO_YEAR;
  voucher.line = parser->line;
  voucher.trans = g_array_new (FALSE, TRUE, sizeof (SpSieTrans));
  g_array_set_clear_func (voucher.trans, clear_trans);
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
      syntax_error (parser, label, _("the row is not inside a voucher’s { }"));
      return;
    }
  if (!need_fields (parser, label, 3))
    return;
  if (field_kind (parser, 2) != FIELD_LIST)
    {
      syntax_error (parser, label, _("the object list in { } is missing"));
      return;
    }
  if (!read_amount (parser, label, 3, &trans.amount))
    return;

  trans.account = field_account (parser, 1);
  note_use (parser, trans.account);

  if (!added && !removed && parser->rtrans_pending)
    {
      /* The #TRANS that repeats an #RTRANS for older readers: counted once, here. */
      gboolean same = g_strcmp0 (parser->rtrans_account, trans.account) == 0 &&
                      parser->rtrans_amount == trans.amount;
      if (same)
        {
          parser->rtrans_pending = FALSE;
          g_clear_pointer (&parser->rtrans_account, g_free);
        }
      else
        check_rtrans (parser);
    }
  else
    check_rtrans (parser);

  if (added)
    {
      parser->rtrans_pending = TRUE;
      parser->rtrans_account = g_steal_pointer (&trans.account);
      parser->rtrans_amount = trans.amount;
      parser->rtrans_line = parser->line;
      return;
    }
  if (removed)
    {
      /* A row struck out of the voucher: shown for the audit trail, not counted. */
      g_free (trans.account);
      return;
    }

  if (g_array_index (parser->fields.fields, Field, 2).text->len > 0)
    trans.objects = field_decode (parser, 2);
  if (parser->fields.n > 4 && !parse_date (field_raw (parser, 4), &trans.date))
    trans.date = 0;
  if (parser->fields.n > 5)
    trans.text = field_decode (parser, 5);
  trans.line = parser->line;

  if ((trans.amount > 0 && voucher->sum > G_MAXINT64 - trans.amount) ||
      (trans.amount < 0 && voucher->sum < G_MININT64 - trans.amount))
    {
      syntax_error (parser, label, _("the amounts are too large"));
      g_free (trans.account);
      g_free (trans.objects);
      g_free (trans.text);
      return;
    }
  voucher->sum += trans.amount;
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
          parser->crc_raw = 0;
        }
      return;
    }

  if (parser->ksumma != 1)
    {
      add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_CHECKSUM_NOT_VERIFIED, parser->line,
                   g_strdup (_("The checksum (#KSUMMA) has no opening #KSUMMA at the start of the file; "
                               "it was not checked.")));
      return;
    }
  parser->ksumma = 2;
  parser->fields.crc_active = FALSE;

  declared = g_ascii_strtoll (field_raw (parser, 1), &end, 10);
  if (end == NULL || *end != '\0' || end == field_raw (parser, 1))
    {
      parser->file->checksum = SP_SIE_CHECKSUM_WRONG;
      add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_CHECKSUM, parser->line,
                   g_strdup (_("The checksum (#KSUMMA) is not a number.")));
      return;
    }
  /* Written as an unsigned or as a signed 32-bit number. */
  if ((guint32) declared == crc || (guint32) declared == parser->crc_raw_before)
    parser->file->checksum = SP_SIE_CHECKSUM_VERIFIED;
  else
    {
      parser->file->checksum = SP_SIE_CHECKSUM_WRONG;
      add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_CHECKSUM, parser->line,
                   g_strdup (_("The checksum (#KSUMMA) does not match the content: the file was "
                               "changed or damaged after it was exported.")));
    }
}

static void
read_record (Parser *parser)
{
  SpSieFile *file = parser->file;
  g_autofree char *label = g_ascii_strup (field_raw (parser, 0), -1);

  if (parser->expect_block && !g_str_equal (label, "#KSUMMA"))
    {
      SpSieVoucher *voucher = current_voucher (parser);
      g_autofree char *name = voucher_name (voucher);

      add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, voucher != NULL ? voucher->line : parser->line,
                   g_strdup_printf (_("The voucher %s has no rows in “{ }”."), name));
      close_voucher (parser);
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
      voucher_not_closed (parser);
      close_voucher (parser);
    }

  if (g_str_equal (label, "#FLAGGA"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1)
        parse_int (field_raw (parser, 1), &file->flag);
    }
  else if (g_str_equal (label, "#FORMAT"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && file->declared_format == NULL)
        file->declared_format = field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#SIETYP"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1)
        parse_int (field_raw (parser, 1), &file->sie_type);
    }
  else if (g_str_equal (label, "#PROGRAM"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && file->program == NULL)
        file->program = field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#GEN"))
    {
      parser->seen_known_label = TRUE;
      if (parser->fields.n > 1 && !parse_date (field_raw (parser, 1), &file->generated))
        file->generated = 0;
    }
  else if (g_str_equal (label, "#FNAMN"))
    {
      if (parser->fields.n > 1 && file->company == NULL)
        file->company = field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#ORGNR"))
    {
      if (parser->fields.n > 1 && file->org_number == NULL)
        file->org_number = field_decode (parser, 1);
    }
  else if (g_str_equal (label, "#RAR"))
    {
      SpSieYear year = { 0, };

      parser->seen_known_label = TRUE;
      if (!need_fields (parser, label, 3) || !read_year_index (parser, label, 1, &year.index))
        return;
      if (!parse_date (field_raw (parser, 2), &year.start) ||
          !parse_date (field_raw (parser, 3), &year.end) || year.end < year.start)
        {
          syntax_error (parser, label, _("the fiscal year must be two dates YYYYMMDD, the first one first"));
          return;
        }
      year.line = parser->line;
      if (sp_sie_file_get_year (file, year.index) == NULL)
        g_array_append_val (file->years, year);
    }
  else if (g_str_equal (label, "#KONTO"))
    {
      g_autofree char *number = NULL;
      SpSieAccount *account;

      parser->seen_known_label = TRUE;
      if (parser->fields.n < 2)
        return;
      number = field_account (parser, 1);
      account = declare_account (parser, number);
      g_free (account->name);
      account->name = parser->fields.n > 2 ? field_decode (parser, 2) : g_strdup ("");
      g_strstrip (account->name);
    }
  else if (g_str_equal (label, "#KTYP"))
    {
      g_autofree char *number = NULL;
      const char *type;

      /* Only informative: a #KTYP without its type (seen in real files) is skipped. */
      if (parser->fields.n < 3)
        return;
      number = field_account (parser, 1);
      type = field_raw (parser, 2);
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
      if (!parse_int (field_raw (parser, 1), &dim.number) ||
          (sub && !parse_int (field_raw (parser, 3), &dim.parent)))
        {
          syntax_error (parser, label, _("the dimension must be a number"));
          return;
        }
      dim.name = field_decode (parser, 2);
      g_array_append_val (file->dims, dim);
    }
  else if (g_str_equal (label, "#OBJEKT"))
    {
      SpSieObject object = { 0, };

      if (parser->fields.n < 4)
        return;
      if (!parse_int (field_raw (parser, 1), &object.dim))
        {
          syntax_error (parser, label, _("the dimension must be a number"));
          return;
        }
      object.id = field_decode (parser, 2);
      object.name = field_decode (parser, 3);
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

static void
read_line (Parser     *parser,
           const char *p,
           const char *end)
{
  const char *q;

  while (p < end && is_blank (*p))
    p++;
  q = end;
  while (q > p && is_blank (q[-1]))
    q--;
  if (p == q)
    return;

  parser->crc_before = parser->fields.crc;
  parser->crc_raw_before = parser->crc_raw;
  if (parser->ksumma == 1)
    for (const char *r = p; r < q; r++)
      if (!is_blank (*r) && *r != '"')
        parser->crc_raw = sp_sie_crc32 (parser->crc_raw, (const guint8 *) r, 1);

  if (q - p == 1 && *p == '{')
    {
      if (parser->expect_block)
        {
          parser->expect_block = FALSE;
          parser->in_block = TRUE;
        }
      else
        add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
                     g_strdup (_("A “{” that does not follow a voucher (#VER).")));
      return;
    }
  if (q - p == 1 && *p == '}')
    {
      if (parser->in_block)
        close_voucher (parser);
      else
        add_problem (parser, SP_SIE_ERROR, SP_SIE_PROBLEM_SYNTAX, parser->line,
                     g_strdup (_("A “}” that closes no voucher.")));
      return;
    }
  if (*p != '#')
    return; /* not a record: skipped */

  split_fields (&parser->fields, p, q);
  if (parser->fields.open_list)
    {
      g_autofree char *label = g_ascii_strup (field_raw (parser, 0), -1);
      syntax_error (parser, label, _("an object list “{” is not closed with “}” on its line"));
      return;
    }
  read_record (parser);
}

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

  if (file->years->len == 0 && file->vouchers->len > 0)
    {
      const SpSieVoucher *first = &g_array_index (file->vouchers, SpSieVoucher, 0);
      SpSieYear year = { 0, (first->date / 10000) * 10000 + 101, (first->date / 10000) * 10000 + 1231, 0 };

      g_array_append_val (file->years, year);
      add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_NO_YEAR, 0,
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
          g_autofree char *name = voucher_name (voucher);
          g_autofree char *date = format_date (voucher->date);
          g_autofree char *start = format_date (current->start);
          g_autofree char *end = format_date (current->end);

          add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_OUTSIDE_YEAR, voucher->line,
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

      add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_UNDECLARED_ACCOUNT, account.line,
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

              add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_RESULT_MISMATCH, res->line,
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

static void
clear_trans (gpointer data)
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

static void
clear_total (gpointer data)
{
  g_free (((SpSieTotal *) data)->account);
}

static GArray *
new_array (gsize          size,
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

  file->years = new_array (sizeof (SpSieYear), NULL);
  file->accounts = new_array (sizeof (SpSieAccount), clear_account);
  file->dims = new_array (sizeof (SpSieDim), clear_dim);
  file->objects = new_array (sizeof (SpSieObject), clear_object);
  file->opening = new_array (sizeof (SpSieBalance), clear_balance);
  file->closing = new_array (sizeof (SpSieBalance), clear_balance);
  file->results = new_array (sizeof (SpSieBalance), clear_balance);
  file->period_balances = new_array (sizeof (SpSieBalance), clear_balance);
  file->period_budgets = new_array (sizeof (SpSieBalance), clear_balance);
  file->vouchers = new_array (sizeof (SpSieVoucher), clear_voucher);
  file->problems = new_array (sizeof (SpSieProblem), clear_problem);
  file->account_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return file;
}

/* Does it look like SIE at all? The first thing in it must be a record, and
 * there must be no NUL bytes, which no text file has. */
static gboolean
looks_like_sie (const guint8 *data,
                gsize         length)
{
  gsize i = 0;

  if (length == 0 || memchr (data, '\0', MIN (length, 4096)) != NULL)
    return FALSE;
  while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  return i + 1 < length && data[i] == '#' && g_ascii_isupper (data[i + 1]);
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
      if (*p == '\n')
        line++;
      else if (memcmp (p, replacement, 3) == 0)
        {
          if (n++ == 0)
            first_line = line;
          p += 2;
        }
    }
  if (n > 0)
    add_problem (parser, SP_SIE_WARNING, SP_SIE_PROBLEM_ENCODING, first_line,
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

  g_return_val_if_fail (data != NULL || length == 0, file);

  parser.file = file;
  parser.voucher = -1;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  parser.data = (const char *) data;
  parser.length = length;

  if (length > SP_SIE_MAX_BYTES || !looks_like_sie (data, length))
    {
      add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_NOT_SIE, 0,
                   g_strdup (_("This is not an SIE file: it does not begin with a record such as #FLAGGA.")));
      return file;
    }

  file->encoding = detect_encoding (data, length);
  if (file->encoding == SP_SIE_ENCODING_UTF8)
    count_lost_characters (&parser);

  parser.first_use = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser.declared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fields_init (&parser.fields);

  p = parser.data;
  end = parser.data + length;
  while (p < end)
    {
      const char *eol = p;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      parser.line++;
      read_line (&parser, p, eol);
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }
  file->n_lines = parser.line;

  if (parser.in_block || parser.expect_block)
    {
      parser.line = file->n_lines;
      voucher_not_closed (&parser);
      close_voucher (&parser);
    }
  if (parser.ksumma == 1)
    {
      file->checksum = SP_SIE_CHECKSUM_WRONG;
      add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_TRUNCATED, parser.ksumma_line,
                   g_strdup (_("The file begins with #KSUMMA but its closing #KSUMMA is missing: "
                               "the file is cut off.")));
    }

  if (!parser.seen_known_label)
    add_problem (&parser, SP_SIE_ERROR, SP_SIE_PROBLEM_NOT_SIE, 1,
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
  fields_clear (&parser.fields);
  g_hash_table_unref (parser.first_use);
  g_hash_table_unref (parser.declared);
  return file;
}

void
sp_sie_file_free (SpSieFile *file)
{
  if (file == NULL)
    return;
  g_free (file->declared_format);
  g_free (file->program);
  g_free (file->company);
  g_free (file->org_number);
  g_array_unref (file->years);
  g_array_unref (file->accounts);
  g_array_unref (file->dims);
  g_array_unref (file->objects);
  g_array_unref (file->opening);
  g_array_unref (file->closing);
  g_array_unref (file->results);
  g_array_unref (file->period_balances);
  g_array_unref (file->period_budgets);
  g_array_unref (file->vouchers);
  g_array_unref (file->problems);
  g_hash_table_unref (file->account_index);
  g_free (file);
}

gboolean
sp_sie_file_has_errors (const SpSieFile *file)
{
  return file->n_errors > 0;
}

guint
sp_sie_file_count_problems (const SpSieFile  *file,
                            SpSieProblemKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < file->problems->len; i++)
    if (g_array_index (file->problems, SpSieProblem, i).kind == kind)
      n++;
  return n;
}

/**
 * sp_sie_problem_to_string:
 *
 * Returns: (transfer full): "Line 12: …" (translated), or the message alone
 *   for a problem of the whole file
 */
char *
sp_sie_problem_to_string (const SpSieProblem *problem)
{
  if (problem->line == 0)
    return g_strdup (problem->message);
  /* Translators: %u is a line number of the file, %s what is wrong there */
  return g_strdup_printf (_("Line %u: %s"), problem->line, problem->message);
}

/**
 * sp_sie_file_get_year:
 * @index: 0 for the current fiscal year, -1 the one before…
 *
 * Returns: (nullable): the fiscal year, or %NULL when the file has none such
 */
const SpSieYear *
sp_sie_file_get_year (const SpSieFile *file,
                      int              index)
{
  for (guint i = 0; i < file->years->len; i++)
    if (g_array_index (file->years, SpSieYear, i).index == index)
      return &g_array_index (file->years, SpSieYear, i);
  return NULL;
}

/**
 * sp_sie_file_find_year:
 * @calendar_year: e.g. 2009
 *
 * Returns: (nullable): the fiscal year that ends in @calendar_year (a
 *   förbund's fiscal year is the calendar year)
 */
const SpSieYear *
sp_sie_file_find_year (const SpSieFile *file,
                       int              calendar_year)
{
  for (guint i = 0; i < file->years->len; i++)
    if ((int) (g_array_index (file->years, SpSieYear, i).end / 10000) == calendar_year)
      return &g_array_index (file->years, SpSieYear, i);
  return NULL;
}

/**
 * sp_sie_file_get_account:
 *
 * Returns: (nullable): the account, declared or only used, or %NULL
 */
const SpSieAccount *
sp_sie_file_get_account (const SpSieFile *file,
                         const char      *number)
{
  gpointer index = g_hash_table_lookup (file->account_index, number);

  if (index == NULL)
    return NULL;
  return &g_array_index (file->accounts, SpSieAccount, GPOINTER_TO_UINT (index) - 1);
}

guint
sp_sie_file_count_vouchers (const SpSieFile *file,
                            int              year)
{
  guint n = 0;

  for (guint i = 0; i < file->vouchers->len; i++)
    if (g_array_index (file->vouchers, SpSieVoucher, i).year == year)
      n++;
  return n;
}

/* Account numbers in their natural order: 910 before 1010, then as text. */
static int
compare_totals (gconstpointer a,
                gconstpointer b)
{
  const char *x = ((const SpSieTotal *) a)->account;
  const char *y = ((const SpSieTotal *) b)->account;
  gsize lx = strlen (x), ly = strlen (y);

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return strcmp (x, y);
}

static SpSieTotal *
total_for (GArray     *totals,
           GHashTable *index,
           const char *account)
{
  gpointer i = g_hash_table_lookup (index, account);

  if (i == NULL)
    {
      SpSieTotal total = { g_strdup (account), 0, SP_SIE_SOURCE_VOUCHERS, 0 };

      g_array_append_val (totals, total);
      i = GUINT_TO_POINTER (totals->len);
      g_hash_table_insert (index, g_array_index (totals, SpSieTotal, totals->len - 1).account, i);
    }
  return &g_array_index (totals, SpSieTotal, GPOINTER_TO_UINT (i) - 1);
}

static gint64
add_saturated (gint64 a,
               gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 - b)
    return G_MININT64;
  return a + b;
}

/**
 * sp_sie_file_get_voucher_totals:
 * @year: a fiscal year's index
 *
 * The sum of the #TRANS rows per account, over the vouchers dated in @year.
 *
 * Returns: (transfer full) (element-type SpSieTotal): one total per account
 *   that has rows, in the order of the account numbers
 */
GArray *
sp_sie_file_get_voucher_totals (const SpSieFile *file,
                                int              year)
{
  GArray *totals = new_array (sizeof (SpSieTotal), clear_total);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < file->vouchers->len; i++)
    {
      const SpSieVoucher *voucher = &g_array_index (file->vouchers, SpSieVoucher, i);

      if (voucher->year != year)
        continue;
      for (guint t = 0; t < voucher->trans->len; t++)
        {
          const SpSieTrans *trans = &g_array_index (voucher->trans, SpSieTrans, t);
          SpSieTotal *total = total_for (totals, index, trans->account);

          total->amount = add_saturated (total->amount, trans->amount);
          total->n_trans++;
        }
    }
  g_array_sort (totals, compare_totals);
  return totals;
}

/**
 * sp_sie_file_get_totals:
 * @year: a fiscal year's index
 *
 * The result of each account in @year: its #RES where the file has one,
 * otherwise the sum of its #TRANS rows in the vouchers of @year.
 *
 * Returns: (transfer full) (element-type SpSieTotal): one total per account,
 *   in the order of the account numbers
 */
GArray *
sp_sie_file_get_totals (const SpSieFile *file,
                        int              year)
{
  GArray *totals = sp_sie_file_get_voucher_totals (file, year);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < totals->len; i++)
    g_hash_table_insert (index, g_array_index (totals, SpSieTotal, i).account, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < file->results->len; i++)
    {
      const SpSieBalance *res = &g_array_index (file->results, SpSieBalance, i);
      SpSieTotal *total;

      if (res->year != year)
        continue;
      total = total_for (totals, index, res->account);
      total->amount = res->amount;
      total->source = SP_SIE_SOURCE_RESULT;
    }
  g_array_sort (totals, compare_totals);
  return totals;
}

const char *
sp_sie_encoding_to_string (SpSieEncoding encoding)
{
  switch (encoding)
    {
    case SP_SIE_ENCODING_ASCII:
      return "ASCII";
    case SP_SIE_ENCODING_CP437:
      return "CP437";
    case SP_SIE_ENCODING_UTF8:
      return "UTF-8";
    case SP_SIE_ENCODING_LATIN1:
      return "Latin-1";
    default:
      return "";
    }
}
