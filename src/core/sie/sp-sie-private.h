/* sp-sie-private.h: what the parts of the SIE parser share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-sie.h"

G_BEGIN_DECLS

/* The fields of one line, as the bytes split them. */
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
  /* The same over the contents turned back into code page 437: a UTF-8 file
   * whose #KSUMMA was computed before it was converted. */
  guint32   crc_cp437;
  gboolean  crc_cp437_active;
} Fields;

static inline gboolean
sp_sie_is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* The parser's state. */
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
  guint32      crc_before;     /* all three as they were before the current line */
  guint32      crc_raw_before;
  guint32      crc_cp437_before;

  gboolean     seen_known_label;
  GHashTable  *first_use;      /* account → line of its first use (GUINT_TO_POINTER) */
  GHashTable  *declared;       /* account → index in file->accounts + 1 */
  GHashTable  *results_seen;   /* "year account" → index in file->results + 1 */
} Parser;

/* sp-sie-read.c: reading bytes, lines and fields */
SpSieEncoding sp_sie_detect_encoding (const guint8 *data,
                                      gsize         length);
char *sp_sie_decode (SpSieEncoding  encoding,
                     const char    *bytes,
                     gsize          length);
void sp_sie_fields_init (Fields *fields);
void sp_sie_fields_clear (Fields *fields);
void sp_sie_split_fields (Fields     *fields,
                          const char *p,
                          const char *end);

/* sp-sie-values.c: problems and field values */
void sp_sie_add_problem (Parser           *parser,
                         SpSieSeverity     severity,
                         SpSieProblemKind  kind,
                         guint             line,
                         char             *message);
char *sp_sie_field_decode (Parser *parser,
                           guint   i);
const char *sp_sie_field_raw (Parser *parser,
                              guint   i);
FieldKind sp_sie_field_kind (Parser *parser,
                             guint   i);
char *sp_sie_field_account (Parser *parser,
                            guint   i);
gboolean sp_sie_parse_int (const char *text,
                           int        *out);
gboolean sp_sie_parse_date (const char *text,
                            guint32    *out);
char *sp_sie_date_problem (const char *text);
gboolean sp_sie_parse_period (const char *text,
                              guint32    *out);
void sp_sie_syntax_error (Parser     *parser,
                          const char *label,
                          const char *what);
gboolean sp_sie_need_fields (Parser     *parser,
                             const char *label,
                             guint       n);
gboolean sp_sie_read_amount (Parser     *parser,
                             const char *label,
                             guint       i,
                             SpMoney    *out);
gboolean sp_sie_read_year_index (Parser     *parser,
                                 const char *label,
                                 guint       i,
                                 int        *out);

/* sp-sie-records.c: the records */
char *sp_sie_voucher_name (const SpSieVoucher *voucher);
char *sp_sie_format_date (guint32 date);
void sp_sie_close_voucher (Parser *parser);
void sp_sie_voucher_not_closed (Parser *parser);
void sp_sie_read_line (Parser     *parser,
                       const char *p,
                       const char *end);

/* sp-sie.c: the whole file */
void sp_sie_clear_trans (gpointer data);
void sp_sie_clear_total (gpointer data);
GArray *sp_sie_new_array (gsize          size,
                          GDestroyNotify clear);

G_END_DECLS
