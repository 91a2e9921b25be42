/* sp-sie-read.c: the bytes of an SIE file: their encoding, the checksum, the fields of a line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-sie-private.h"

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
SpSieEncoding
sp_sie_detect_encoding (const guint8 *data,
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
char *
sp_sie_decode (SpSieEncoding  encoding,
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

void
sp_sie_fields_init (Fields *fields)
{
  fields->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  fields->n = 0;
}

void
sp_sie_fields_clear (Fields *fields)
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

/* The byte of @c in code page 437, or '?' when it has none. */
static guint8
to_cp437 (gunichar c)
{
  if (c < 0x80)
    return (guint8) c;
  for (guint i = 0; i < G_N_ELEMENTS (cp437_high); i++)
    if (cp437_high[i] == c)
      return (guint8) (0x80 + i);
  return '?';
}

static void
crc_feed (Fields     *fields,
          const char *bytes,
          gsize       length)
{
  if (!fields->crc_active)
    return;
  fields->crc = sp_sie_crc32 (fields->crc, (const guint8 *) bytes, length);
  if (fields->crc_cp437_active)
    {
      const char *p = bytes;
      const char *end = bytes + length;

      while (p < end)
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);
          guint8 b;

          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              b = (guint8) *p++;
            }
          else
            {
              b = to_cp437 (c);
              p = g_utf8_next_char (p);
            }
          fields->crc_cp437 = sp_sie_crc32 (fields->crc_cp437, &b, 1);
        }
    }
}

/* Splits a record into its fields. The checksum is fed the contents only:
 * no separators, no quotes around strings, no braces (SIE 4B, 10.5). */
void
sp_sie_split_fields (Fields     *fields,
                     const char *p,
                     const char *end)
{
  fields->n = 0;
  fields->open_list = FALSE;

  while (TRUE)
    {
      Field *field;

      while (p < end && sp_sie_is_blank (*p))
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

              while (p < end && sp_sie_is_blank (*p))
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
                while (p < end && !sp_sie_is_blank (*p) && *p != '}' && *p != '"')
                  g_string_append_c (field->text, *p++);
              crc_feed (fields, field->text->str + start, field->text->len - start);
            }
        }
      else
        {
          field = fields_next (fields, FIELD_PLAIN);
          while (p < end && !sp_sie_is_blank (*p))
            g_string_append_c (field->text, *p++);
          crc_feed (fields, field->text->str, field->text->len);
        }
    }
}
