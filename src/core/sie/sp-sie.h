/* sp-sie.h: reading SIE files (the Swedish standard for accounting data)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure C and GLib: one function, sp_sie_parse(), turns the bytes of an SIE
 * 1–4 (.se) or 4I (.si) file into an #SpSieFile. It never fails: what is
 * wrong with the file is in its problems, each with a line number and a
 * translated message. No database, no I/O, so that it can be fuzzed.
 */
#pragma once

#include <glib.h>

#include "sp-money.h"

G_BEGIN_DECLS

/**
 * SpSieSeverity:
 * @SP_SIE_WARNING: the file can be used; the user decides whether to go on
 * @SP_SIE_ERROR: the file must not be imported
 */
typedef enum {
  SP_SIE_WARNING,
  SP_SIE_ERROR,
} SpSieSeverity;

/**
 * SpSieProblemKind:
 * @SP_SIE_PROBLEM_NOT_SIE: the bytes are not an SIE file at all (error)
 * @SP_SIE_PROBLEM_TRUNCATED: the file ends inside a voucher, or without its
 *   closing #KSUMMA (error)
 * @SP_SIE_PROBLEM_SYNTAX: a record that cannot be read: an amount that is not
 *   an amount, a missing field, a { without } on its line… (error)
 * @SP_SIE_PROBLEM_CHECKSUM: the #KSUMMA does not match the content (error)
 * @SP_SIE_PROBLEM_UNBALANCED: a voucher whose rows do not add up to 0 (warning)
 * @SP_SIE_PROBLEM_OUTSIDE_YEAR: a voucher dated outside the fiscal year (warning)
 * @SP_SIE_PROBLEM_UNDECLARED_ACCOUNT: an account used without #KONTO (warning)
 * @SP_SIE_PROBLEM_RESULT_MISMATCH: #RES of an account differs from the sum of
 *   its vouchers; #RES is used (warning)
 * @SP_SIE_PROBLEM_ENCODING: characters were lost before the file was
 *   written (warning)
 * @SP_SIE_PROBLEM_RTRANS: an #RTRANS that is not followed by its #TRANS; the
 *   row is counted as the #RTRANS has it (warning)
 * @SP_SIE_PROBLEM_NO_YEAR: no #RAR: the fiscal year is taken from the
 *   vouchers' dates (warning)
 * @SP_SIE_PROBLEM_CHECKSUM_NOT_VERIFIED: a #KSUMMA that cannot be checked,
 *   e.g. a closing one without an opening one (warning)
 * @SP_SIE_PROBLEM_DAMAGED: a NUL byte, which no text file has (error)
 * @SP_SIE_PROBLEM_TOO_LARGE: the file is larger than %SP_SIE_MAX_BYTES (error)
 * @SP_SIE_PROBLEM_SKIPPED: a record the import does not use cannot be read:
 *   it is left out (warning)
 * @SP_SIE_PROBLEM_DUPLICATE: a second #RES of an account or a second #RAR of
 *   a year: a warning when it says the same, an error when it does not
 * @SP_SIE_PROBLEM_CHECKSUM_CONVERTED: the #KSUMMA matches the file as it was
 *   in code page 437, before it was converted to UTF-8 (warning)
 */
typedef enum {
  SP_SIE_PROBLEM_NOT_SIE,
  SP_SIE_PROBLEM_TRUNCATED,
  SP_SIE_PROBLEM_SYNTAX,
  SP_SIE_PROBLEM_CHECKSUM,
  SP_SIE_PROBLEM_UNBALANCED,
  SP_SIE_PROBLEM_OUTSIDE_YEAR,
  SP_SIE_PROBLEM_UNDECLARED_ACCOUNT,
  SP_SIE_PROBLEM_RESULT_MISMATCH,
  SP_SIE_PROBLEM_ENCODING,
  SP_SIE_PROBLEM_RTRANS,
  SP_SIE_PROBLEM_NO_YEAR,
  SP_SIE_PROBLEM_CHECKSUM_NOT_VERIFIED,
  SP_SIE_PROBLEM_DAMAGED,
  SP_SIE_PROBLEM_TOO_LARGE,
  SP_SIE_PROBLEM_SKIPPED,
  SP_SIE_PROBLEM_DUPLICATE,
  SP_SIE_PROBLEM_CHECKSUM_CONVERTED,
} SpSieProblemKind;

/**
 * SpSieProblem:
 * @severity: whether the file may still be imported
 * @kind: what is wrong
 * @line: the line of the file, from 1; 0 for the file as a whole
 * @message: what is wrong, translated, without the line number
 */
typedef struct {
  SpSieSeverity     severity;
  SpSieProblemKind  kind;
  guint             line;
  char             *message;
} SpSieProblem;

/**
 * SpSieEncoding:
 * @SP_SIE_ENCODING_ASCII: only ASCII bytes: nothing to decide
 * @SP_SIE_ENCODING_CP437: IBM PC code page 437 ("PC8", as the standard says)
 * @SP_SIE_ENCODING_UTF8: UTF-8 (some exporters, while declaring PC8)
 * @SP_SIE_ENCODING_LATIN1: ISO 8859-1 / Windows-1252 (others, likewise)
 */
typedef enum {
  SP_SIE_ENCODING_ASCII,
  SP_SIE_ENCODING_CP437,
  SP_SIE_ENCODING_UTF8,
  SP_SIE_ENCODING_LATIN1,
} SpSieEncoding;

/**
 * SpSieChecksum:
 * @SP_SIE_CHECKSUM_ABSENT: the file has no #KSUMMA
 * @SP_SIE_CHECKSUM_VERIFIED: the #KSUMMA matches
 * @SP_SIE_CHECKSUM_WRONG: the #KSUMMA does not match, or the closing one is missing
 */
typedef enum {
  SP_SIE_CHECKSUM_ABSENT,
  SP_SIE_CHECKSUM_VERIFIED,
  SP_SIE_CHECKSUM_WRONG,
} SpSieChecksum;

/* Dates are kept as the file writes them, as an integer YYYYMMDD (0: none);
 * periods as YYYYMM. */

/**
 * SpSieYear:
 * @index: 0 the current fiscal year, -1 the one before, …
 * @start: first day, YYYYMMDD
 * @end: last day, YYYYMMDD
 * @line: where #RAR is, or 0 when the year was made up from the vouchers of
 *   a file without #RAR (SIE 4I)
 */
typedef struct {
  int     index;
  guint32 start;
  guint32 end;
  guint   line;
} SpSieYear;

/**
 * SpSieAccount:
 * @number: the account as the file writes it, usually digits ("3010")
 * @name: (nullable): its name from #KONTO, in UTF-8; %NULL when undeclared
 * @type: #KTYP: 'T' asset, 'S' liability, 'I' revenue, 'K' cost, or 0
 * @line: where #KONTO is, or where the account was first used
 */
typedef struct {
  char    *number;
  char    *name;
  char     type;
  guint    line;
} SpSieAccount;

/**
 * SpSieBalance:
 * @year: the fiscal year's index (#RAR)
 * @period: YYYYMM for #PSALDO and #PBUDGET, 0 otherwise
 * @account: the account number
 * @objects: (nullable): the object list as "dim obj dim obj", or %NULL
 *   for the account as a whole
 * @amount: the amount in öre, as in the file (debit positive, credit negative)
 * @line: where the record is
 *
 * One #IB, #UB, #RES, #PSALDO or #PBUDGET record.
 */
typedef struct {
  int      year;
  guint32  period;
  char    *account;
  char    *objects;
  SpMoney  amount;
  guint    line;
} SpSieBalance;

/**
 * SpSieTrans:
 * @account: the account number
 * @objects: (nullable): the object list as "dim obj dim obj", or %NULL
 * @amount: öre, debit positive, credit negative
 * @date: the row's own date, or 0
 * @text: (nullable): the row's text, in UTF-8
 * @line: where #TRANS is
 */
typedef struct {
  char    *account;
  char    *objects;
  SpMoney  amount;
  guint32  date;
  char    *text;
  guint    line;
} SpSieTrans;

/**
 * SpSieVoucher:
 * @series: the series ("A"), may be empty
 * @number: the voucher number, may be empty
 * @date: the voucher date, YYYYMMDD
 * @text: the voucher text, in UTF-8, may be empty
 * @year: the index of the fiscal year the date lies in, or %SP_SIE_NO_YEAR
 * @line: where #VER is
 * @trans: the #TRANS rows (#RTRANS and #BTRANS are left out), of #SpSieTrans
 * @sum: the sum of the rows: 0 when the voucher balances
 */
typedef struct {
  char    *series;
  char    *number;
  guint32  date;
  char    *text;
  int      year;
  guint    line;
  GArray  *trans;
  SpMoney  sum;
} SpSieVoucher;

#define SP_SIE_NO_YEAR G_MININT

/**
 * SpSieDim:
 * @number: the dimension (1 cost centre, 6 project, …)
 * @name: its name, in UTF-8
 * @parent: for #UNDERDIM, the dimension it belongs to; 0 for #DIM
 */
typedef struct {
  int    number;
  char  *name;
  int    parent;
} SpSieDim;

/**
 * SpSieObject:
 * @dim: the dimension
 * @id: the object's code
 * @name: its name, in UTF-8
 */
typedef struct {
  int    dim;
  char  *id;
  char  *name;
} SpSieObject;

/**
 * SpSieFile:
 * @encoding: how the bytes were decoded
 * @declared_format: what #FORMAT says ("PC8"), or %NULL
 * @sie_type: #SIETYP (1–4), 0 when absent; an .si file says "4" too
 * @flag: #FLAGGA
 * @program: #PROGRAM's name, or %NULL
 * @generated: #GEN's date, YYYYMMDD, or 0
 * @company: #FNAMN, or %NULL
 * @org_number: #ORGNR as written, or %NULL
 * @chart: #KPTYP, the chart of accounts ("BAS2008", "EUBAS97"), or %NULL
 * @checksum: whether #KSUMMA was there and matched
 * @n_lines: the number of lines
 * @years: #SpSieYear, as the file lists them
 * @accounts: #SpSieAccount, in the order of the file; undeclared accounts
 *   that were used come last, with a %NULL name
 * @dims: #SpSieDim (#DIM and #UNDERDIM)
 * @objects: #SpSieObject
 * @opening: #SpSieBalance from #IB
 * @closing: #SpSieBalance from #UB
 * @results: #SpSieBalance from #RES
 * @period_balances: #SpSieBalance from #PSALDO, for monthly follow-up
 * @period_budgets: #SpSieBalance from #PBUDGET
 * @vouchers: #SpSieVoucher
 * @problems: #SpSieProblem, in the order of the lines; at most
 *   %SP_SIE_MAX_PROBLEMS, the rest are only counted
 * @n_errors: how many problems are errors (also those left out)
 * @n_problems_left_out: how many problems were left out of @problems
 *
 * A parsed SIE file. Every string is UTF-8.
 */
typedef struct {
  SpSieEncoding  encoding;
  char          *declared_format;
  int            sie_type;
  int            flag;
  char          *program;
  guint32        generated;
  char          *company;
  char          *org_number;
  char          *chart;
  SpSieChecksum  checksum;
  guint          n_lines;

  GArray        *years;
  GArray        *accounts;
  GArray        *dims;
  GArray        *objects;
  GArray        *opening;
  GArray        *closing;
  GArray        *results;
  GArray        *period_balances;
  GArray        *period_budgets;
  GArray        *vouchers;
  GArray        *problems;
  guint          n_errors;
  guint          n_problems_left_out;

  /*< private >*/
  GHashTable    *account_index;
} SpSieFile;

/**
 * SpSieSource:
 * @SP_SIE_SOURCE_RESULT: the file's #RES for the account
 * @SP_SIE_SOURCE_VOUCHERS: the sum of the account's #TRANS in the year
 */
typedef enum {
  SP_SIE_SOURCE_RESULT,
  SP_SIE_SOURCE_VOUCHERS,
} SpSieSource;

/**
 * SpSieTotal:
 * @account: the account number
 * @amount: öre, debit positive, credit negative (revenue is negative)
 * @source: where @amount comes from
 * @n_trans: how many #TRANS rows of the year are on the account
 */
typedef struct {
  char        *account;
  SpMoney      amount;
  SpSieSource  source;
  guint        n_trans;
} SpSieTotal;

/* Files larger than this are refused, with the limit, without being read. */
#define SP_SIE_MAX_BYTES (256 * 1024 * 1024)
/* At most this many problems are kept with their messages. */
#define SP_SIE_MAX_PROBLEMS 1000

SpSieFile          *sp_sie_parse                 (const guint8  *data,
                                                  gsize          length);
void                sp_sie_file_free             (SpSieFile     *file);

gboolean            sp_sie_file_has_errors       (const SpSieFile *file);
guint               sp_sie_file_count_problems   (const SpSieFile *file,
                                                  SpSieProblemKind kind);
char               *sp_sie_problem_to_string     (const SpSieProblem *problem);

const SpSieYear    *sp_sie_file_get_year         (const SpSieFile *file,
                                                  int            index);
const SpSieYear    *sp_sie_file_find_year        (const SpSieFile *file,
                                                  int            calendar_year);
const SpSieAccount *sp_sie_file_get_account      (const SpSieFile *file,
                                                  const char    *number);
guint               sp_sie_file_count_vouchers   (const SpSieFile *file,
                                                  int            year);
GArray             *sp_sie_file_get_voucher_totals (const SpSieFile *file,
                                                  int            year);
GArray             *sp_sie_file_get_totals       (const SpSieFile *file,
                                                  int            year);

char               *sp_sie_objects_get           (const char    *objects,
                                                  int            dim);

const char         *sp_sie_encoding_to_string    (SpSieEncoding  encoding);
gboolean            sp_sie_parse_amount          (const char    *text,
                                                  SpMoney       *out_amount);
guint32             sp_sie_crc32                 (guint32        crc,
                                                  const guint8  *data,
                                                  gsize          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpSieFile, sp_sie_file_free)

G_END_DECLS
