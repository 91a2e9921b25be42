/* bench-export.c: how fast the Excel export is, against plain libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a timed test: a developer's measurement (build-aux/bench runs it).
 * Generates a large förbund (the example plus many municipalities, budget
 * lines and projects), then times sp_export_write() writing every workbook
 * of a year against the floor: a plain libxlsxwriter program that writes
 * the same cells with the same formats, from memory.
 *
 * The floor's cells are the export's own: one untimed export runs with the
 * libxlsxwriter calls that add workbooks, sheets, formats, cells and tables
 * recorded (this file defines those functions, so that the export's calls
 * come here first, and hands them on to libxlsxwriter). The floor replays
 * the record with direct calls: the same sheets, the same cells of the same
 * kinds, values, formulas and formats (a copy of each format's number
 * format, font, fill and border), the same tables, and the page setup of
 * every sheet. What remains is what the export adds to libxlsxwriter:
 * loading from the database, working out the layout and the sums.
 *
 *   bench-export [--projects N] [--lines N] [--members N] [--runs N] [--dump FILE]
 *
 * The two are timed alternately, each --runs times; the medians, their
 * spread (min–max) and the ratio of the medians are printed, then a line
 * "RESULT key=value…" for build-aux/bench. --dump writes the record as
 * tab-separated text for the Python xlsxwriter peer,
 * build-aux/bench-export-peer.py, which writes the same cells. With
 * BENCH_KEEP set in the environment the database and the written files
 * (ut/ from the export, floor/ from the floor) are kept and their folder
 * is printed.
 */
#define _GNU_SOURCE 1
#include "config.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "sp-database-private.h"
#include "sp-example.h"
#include "sp-export.h"
#include "sp-portfolio.h"

static gboolean
generate (SpDatabase *db,
          int         n_projects,
          int         n_lines,
          int         n_members,
          GError    **error)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO member (id, name, kind, pays_own_share, population, position) "
    "SELECT 100 + i, 'Kommun nummer ' || i, 'municipality', 1, 1000 + (i * 7919) %% 50000, 100 + i FROM n;"

    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO budget_line (year, area_id, account, position, text, budget, plan1, plan2, previous_budget, previous_actual, comment) "
    "SELECT 2009, 1 + i %% 7, CASE WHEN i %% 10 = 0 THEN 3530 ELSE 4600 END, 100 + i, 'Budgetpost nummer ' || i, "
    "  (i * 104729) %% 100000000 + 12345, (i * 1299709) %% 100000000, (i * 15485863) %% 100000000, "
    "  (i * 179424673) %% 100000000, (i * 32452843) %% 100000000, CASE WHEN i %% 3 = 0 THEN 'En kommentar' ELSE '' END FROM n;"

    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO project (id, name, short_name, kind, owner_id, area_id, status, start_date, end_date) "
    "SELECT 1000 + i, 'Projekt nummer ' || i || ' för samverkan kring unga vuxna', 'P' || i, "
    "  CASE WHEN i %% 5 = 0 THEN 'initiative' ELSE 'project' END, 1 + i %% 6, 6, 'ongoing', "
    "  '2009-0' || (1 + i %% 9) || '-01', CASE WHEN i %% 5 = 0 THEN NULL ELSE '2010-12-31' END FROM n;"

    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, 2009, (id * 7919) %% 1000000 * 100 FROM project WHERE id > 1000;"
    "INSERT INTO project_grant (project_id, year, amount) "
    "SELECT id, 2010, (id * 104729) %% 1000000 * 100 FROM project WHERE id > 1000 AND id %% 2 = 0;"
    "INSERT INTO project_cofunding (project_id, member_id, year, amount, in_kind) "
    "SELECT id, 1 + (id + 3) %% 6, 2009, (id * 31) %% 100000 * 100, id %% 2 FROM project WHERE id > 1000 AND id %% 3 = 0;"
    "INSERT INTO project_participants (project_id, year, planned, women, men, age_16_29, age_30_plus, to_work, to_studies, to_self_sufficiency) "
    "SELECT id, 2009, 0, id %% 40, id %% 30, id %% 20, id %% 50, 0, 0, 0 FROM project WHERE id > 1000;"
    "INSERT INTO project_decision (project_id, date, paragraph, text, status) "
    "SELECT id, '2008-11-21', '§ ' || (id %% 90), 'Beviljas.', 'granted' FROM project WHERE id > 1000;"
    "INSERT INTO project_target_group (project_id, target_group_id) "
    "SELECT id, 1 + id %% 6 FROM project WHERE id > 1000;"
    "INSERT INTO project_target_group (project_id, target_group_id) "
    "SELECT id, 1 + (id + 2) %% 6 FROM project WHERE id > 1000;",
    n_members, n_lines, n_projects);

  sp_database_set_recording (db, FALSE);
  if (!sp_database_edit_begin (db, error))
    return FALSE;
  if (!sp_database_exec (db, sql, error))
    {
      sp_database_edit_rollback (db);
      return FALSE;
    }
  if (!sp_database_edit_commit (db, NULL, error))
    return FALSE;
  sp_database_set_recording (db, TRUE);
  return TRUE;
}

/* ---- The record of the export's libxlsxwriter calls ------------------------- */

typedef enum {
  OP_BOOK,
  OP_SHEET,
  OP_FORMAT,
  OP_STRING,
  OP_NUMBER,
  OP_BLANK,
  OP_FORMULA,
  OP_DATETIME,
  OP_TABLE,
} OpKind;

/* The properties of a format that the floor copies. */
typedef struct {
  const char  *num_format;
  const char  *font_name;
  double       font_size;
  gboolean     bold;
  gboolean     italic;
  lxw_color_t  font_color;
  lxw_color_t  bg_color;
  int          indent;
  gboolean     wrap;
  int          top;
  int          bottom;
} FormatCopy;

typedef struct {
  OpKind        kind;
  guint         sheet;      /* the cell's or table's sheet, its number in the book */
  guint         format;     /* 0: none; else 1 + the format's number in its book */
  lxw_row_t     row;
  lxw_col_t     col;
  lxw_row_t     last_row;   /* tables */
  lxw_col_t     last_col;
  const char   *text;       /* string, formula, sheet name */
  double        number;     /* number, formula result */
  lxw_datetime  datetime;
  FormatCopy   *format_copy;
  GPtrArray    *table;      /* OP_TABLE: name, then header and total string per column */
  GArray       *header_formats; /* OP_TABLE: each column's head format, as .format */
  int           style_number;
} Op;

typedef struct {
  GArray       *ops;
  GStringChunk *strings;
  GHashTable   *formats;    /* lxw_format * → its number + 1, this book's */
  GHashTable   *sheets;     /* lxw_worksheet * → its number + 1, this book's */
  guint         n_books;
  guint         n_cells;
} Tape;

static Tape *recording;
static gboolean in_table;

static Tape *
tape_new (void)
{
  Tape *tape = g_new0 (Tape, 1);

  tape->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  tape->strings = g_string_chunk_new (1 << 20);
  tape->formats = g_hash_table_new (NULL, NULL);
  tape->sheets = g_hash_table_new (NULL, NULL);
  return tape;
}

static void
tape_free (Tape *tape)
{
  for (guint i = 0; i < tape->ops->len; i++)
    {
      Op *op = &g_array_index (tape->ops, Op, i);
      g_free (op->format_copy);
      g_clear_pointer (&op->table, g_ptr_array_unref);
      g_clear_pointer (&op->header_formats, g_array_unref);
    }
  g_array_unref (tape->ops);
  g_string_chunk_free (tape->strings);
  g_hash_table_unref (tape->formats);
  g_hash_table_unref (tape->sheets);
  g_free (tape);
}

static const char *
tape_string (const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (recording->strings, text) : NULL;
}

/* The format's number in this book, recorded with a copy when new. */
static guint
tape_format (lxw_format *format)
{
  guint n;

  if (format == NULL)
    return 0;
  n = GPOINTER_TO_UINT (g_hash_table_lookup (recording->formats, format));
  if (n == 0)
    {
      Op op = { .kind = OP_FORMAT };
      FormatCopy *copy = g_new0 (FormatCopy, 1);

      n = g_hash_table_size (recording->formats) + 1;
      g_hash_table_insert (recording->formats, format, GUINT_TO_POINTER (n));
      copy->num_format = tape_string (format->num_format);
      copy->font_name = tape_string (format->font_name);
      copy->font_size = format->font_size;
      copy->bold = format->bold;
      copy->italic = format->italic;
      copy->font_color = format->font_color;
      copy->bg_color = format->bg_color;
      copy->indent = format->indent;
      copy->wrap = format->text_wrap;
      copy->top = format->top;
      copy->bottom = format->bottom;
      op.format = n;
      op.format_copy = copy;
      g_array_append_val (recording->ops, op);
    }
  return n;
}

static guint
tape_sheet (lxw_worksheet *sheet)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (recording->sheets, sheet)) - 1;
}

static void
tape_cell (lxw_worksheet *sheet,
           OpKind      kind,
           lxw_row_t   row,
           lxw_col_t   col,
           lxw_format *format,
           const char *text,
           double      number,
           const lxw_datetime *datetime)
{
  Op op = { .kind = kind, .sheet = tape_sheet (sheet), .row = row, .col = col };

  op.format = tape_format (format);
  op.text = tape_string (text);
  op.number = number;
  if (datetime != NULL)
    op.datetime = *datetime;
  g_array_append_val (recording->ops, op);
  recording->n_cells++;
}

/* The functions the export calls, recorded when asked, then handed on. */

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

lxw_workbook *
workbook_new_opt (const char           *filename,
                  lxw_workbook_options *options)
{
  REAL (workbook_new_opt);
  if (recording != NULL)
    {
      Op op = { .kind = OP_BOOK };
      g_array_append_val (recording->ops, op);
      g_hash_table_remove_all (recording->formats);
      g_hash_table_remove_all (recording->sheets);
      recording->n_books++;
    }
  return real_workbook_new_opt (filename, options);
}

lxw_worksheet *
workbook_add_worksheet (lxw_workbook *workbook,
                        const char   *sheetname)
{
  lxw_worksheet *sheet;

  REAL (workbook_add_worksheet);
  sheet = real_workbook_add_worksheet (workbook, sheetname);
  if (recording != NULL && sheet != NULL)
    {
      Op op = { .kind = OP_SHEET, .text = tape_string (sheetname) };

      op.sheet = g_hash_table_size (recording->sheets);
      g_hash_table_insert (recording->sheets, sheet, GUINT_TO_POINTER (op.sheet + 1));
      g_array_append_val (recording->ops, op);
    }
  return sheet;
}

lxw_error
worksheet_write_string (lxw_worksheet *worksheet,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        const char    *string,
                        lxw_format    *format)
{
  REAL (worksheet_write_string);
  if (recording != NULL && !in_table)
    tape_cell (worksheet, OP_STRING, row, col, format, string, 0, NULL);
  return real_worksheet_write_string (worksheet, row, col, string, format);
}

lxw_error
worksheet_write_number (lxw_worksheet *worksheet,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        double         number,
                        lxw_format    *format)
{
  REAL (worksheet_write_number);
  if (recording != NULL && !in_table)
    tape_cell (worksheet, OP_NUMBER, row, col, format, NULL, number, NULL);
  return real_worksheet_write_number (worksheet, row, col, number, format);
}

lxw_error
worksheet_write_blank (lxw_worksheet *worksheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       lxw_format    *format)
{
  REAL (worksheet_write_blank);
  if (recording != NULL && !in_table)
    tape_cell (worksheet, OP_BLANK, row, col, format, NULL, 0, NULL);
  return real_worksheet_write_blank (worksheet, row, col, format);
}

lxw_error
worksheet_write_formula_num (lxw_worksheet *worksheet,
                             lxw_row_t      row,
                             lxw_col_t      col,
                             const char    *formula,
                             lxw_format    *format,
                             double         result)
{
  REAL (worksheet_write_formula_num);
  if (recording != NULL && !in_table)
    tape_cell (worksheet, OP_FORMULA, row, col, format, formula, result, NULL);
  return real_worksheet_write_formula_num (worksheet, row, col, formula, format, result);
}

lxw_error
worksheet_write_datetime (lxw_worksheet *worksheet,
                          lxw_row_t      row,
                          lxw_col_t      col,
                          lxw_datetime  *datetime,
                          lxw_format    *format)
{
  REAL (worksheet_write_datetime);
  if (recording != NULL && !in_table)
    tape_cell (worksheet, OP_DATETIME, row, col, format, NULL, 0, datetime);
  return real_worksheet_write_datetime (worksheet, row, col, datetime, format);
}

lxw_error
worksheet_add_table (lxw_worksheet     *worksheet,
                     lxw_row_t          first_row,
                     lxw_col_t          first_col,
                     lxw_row_t          last_row,
                     lxw_col_t          last_col,
                     lxw_table_options *options)
{
  lxw_error error;

  REAL (worksheet_add_table);
  if (recording != NULL && !in_table)
    {
      Op op = { .kind = OP_TABLE, .sheet = tape_sheet (worksheet), .row = first_row, .col = first_col, .last_row = last_row, .last_col = last_col };

      op.table = g_ptr_array_new ();
      op.header_formats = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (op.table, (char *) tape_string (options != NULL ? options->name : NULL));
      for (guint c = 0; options != NULL && options->columns != NULL && options->columns[c] != NULL; c++)
        {
          g_ptr_array_add (op.table, (char *) tape_string (options->columns[c]->header));
          g_ptr_array_add (op.table, (char *) tape_string (options->columns[c]->total_string));
          {
            guint f = tape_format (options->columns[c]->header_format);
            g_array_append_val (op.header_formats, f);
          }
        }
      op.number = options != NULL && options->total_row;
      op.format = options != NULL ? options->style_type : 0;
      op.style_number = options != NULL ? options->style_type_number : 0;
      g_array_append_val (recording->ops, op);
    }
  /* Its own header and total cells are the table's, not recorded. */
  in_table = TRUE;
  error = real_worksheet_add_table (worksheet, first_row, first_col, last_row, last_col, options);
  in_table = FALSE;
  return error;
}

/* ---- The floor: the record replayed ---------------------------------------------- */

static void
floor_sheet_setup (lxw_worksheet *ws)
{
  worksheet_set_paper (ws, 9);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_set_margins (ws, 0.5, 0.5, 0.75, 0.75);
  worksheet_repeat_rows (ws, 3, 3);
  worksheet_freeze_panes (ws, 4, 1);
  worksheet_set_header (ws, "&LFörbundet&RVerksamhetsplan och budget 2009");
  worksheet_set_footer (ws, "&LMottagare&RSida &P av &N");
}

static lxw_format *
floor_format (lxw_workbook     *wb,
              const FormatCopy *copy)
{
  lxw_format *format = workbook_add_format (wb);

  if (copy->num_format != NULL && copy->num_format[0] != '\0')
    format_set_num_format (format, copy->num_format);
  if (copy->font_name != NULL && copy->font_name[0] != '\0')
    format_set_font_name (format, copy->font_name);
  if (copy->font_size > 0)
    format_set_font_size (format, copy->font_size);
  if (copy->bold)
    format_set_bold (format);
  if (copy->italic)
    format_set_italic (format);
  if (copy->font_color != 0)
    format_set_font_color (format, copy->font_color);
  if (copy->bg_color != 0)
    format_set_bg_color (format, copy->bg_color);
  if (copy->indent != 0)
    format_set_indent (format, (uint8_t) copy->indent);
  if (copy->wrap)
    format_set_text_wrap (format);
  if (copy->top != 0)
    format_set_top (format, (uint8_t) copy->top);
  if (copy->bottom != 0)
    format_set_bottom (format, (uint8_t) copy->bottom);
  return format;
}

static void
floor_table (lxw_worksheet *ws,
             const Op      *op,
             lxw_format   **formats,
             guint          n_formats)
{
  guint n = (op->table->len - 1) / 2;
  g_autofree lxw_table_column *columns = g_new0 (lxw_table_column, n);
  g_autofree lxw_table_column **pointers = g_new0 (lxw_table_column *, n + 1);
  lxw_table_options options = {
    .name = g_ptr_array_index (op->table, 0),
    .total_row = op->number != 0,
    .style_type = (uint8_t) op->format,
    .style_type_number = (uint8_t) op->style_number,
    .columns = pointers,
  };

  for (guint c = 0; c < n; c++)
    {
      columns[c].header = g_ptr_array_index (op->table, 1 + 2 * c);
      columns[c].total_string = g_ptr_array_index (op->table, 2 + 2 * c);
      if (c < op->header_formats->len)
        {
          guint f = g_array_index (op->header_formats, guint, c);
          columns[c].header_format = f > 0 && f <= n_formats ? formats[f - 1] : NULL;
        }
      pointers[c] = &columns[c];
    }
  worksheet_add_table (ws, op->row, op->col, op->last_row, op->last_col, &options);
}

/* Writes every workbook of @tape into @dir as 0.xlsx, 1.xlsx… */
static void
floor_write (const Tape *tape,
             const char *dir)
{
  lxw_workbook *wb = NULL;
  lxw_worksheet *sheets[16] = { NULL };
  lxw_worksheet *ws;
  lxw_format *formats[256] = { NULL };
  guint book = 0;

  for (guint i = 0; i <= tape->ops->len; i++)
    {
      const Op *op = i < tape->ops->len ? &g_array_index (tape->ops, Op, i) : NULL;
      lxw_format *format;

      if (op == NULL || op->kind == OP_BOOK)
        {
          if (wb != NULL)
            workbook_close (wb);
          wb = NULL;
          if (op != NULL)
            {
              g_autofree char *name = g_strdup_printf ("%s/%u.xlsx", dir, book++);
              wb = workbook_new (name);
              memset (sheets, 0, sizeof sheets);
            }
          continue;
        }
      ws = op->sheet < G_N_ELEMENTS (sheets) ? sheets[op->sheet] : NULL;
      format = op->kind != OP_TABLE && op->format > 0 && op->format <= G_N_ELEMENTS (formats)
               ? formats[op->format - 1] : NULL;
      switch (op->kind)
        {
        case OP_SHEET:
          ws = workbook_add_worksheet (wb, op->text);
          floor_sheet_setup (ws);
          if (op->sheet < G_N_ELEMENTS (sheets))
            sheets[op->sheet] = ws;
          break;
        case OP_FORMAT:
          if (op->format <= G_N_ELEMENTS (formats))
            formats[op->format - 1] = floor_format (wb, op->format_copy);
          break;
        case OP_STRING:
          worksheet_write_string (ws, op->row, op->col, op->text, format);
          break;
        case OP_NUMBER:
          worksheet_write_number (ws, op->row, op->col, op->number, format);
          break;
        case OP_BLANK:
          worksheet_write_blank (ws, op->row, op->col, format);
          break;
        case OP_FORMULA:
          worksheet_write_formula_num (ws, op->row, op->col, op->text, format, op->number);
          break;
        case OP_DATETIME:
          worksheet_write_datetime (ws, op->row, op->col, (lxw_datetime *) &op->datetime, format);
          break;
        case OP_TABLE:
          floor_table (ws, op, formats, G_N_ELEMENTS (formats));
          break;
        case OP_BOOK:
        default:
          break;
        }
    }
}

/* ---- The record as text, for the Python peer ------------------------------------- */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_string_append_c (out, '\t');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p);
      }
}

static gboolean
tape_dump (const Tape *tape,
           const char *path,
           GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < tape->ops->len; i++)
    {
      const Op *op = &g_array_index (tape->ops, Op, i);
      const FormatCopy *f = op->format_copy;

      switch (op->kind)
        {
        case OP_BOOK:
          g_string_append (out, "B\n");
          continue;
        case OP_SHEET:
          g_string_append (out, "S");
          append_escaped (out, op->text);
          break;
        case OP_FORMAT:
          g_string_append_printf (out, "F\t%u\t%g\t%d\t%d\t%u\t%u\t%d\t%d\t%d\t%d",
                                  op->format, f->font_size, f->bold, f->italic, f->font_color, f->bg_color,
                                  f->indent, f->wrap, f->top, f->bottom);
          append_escaped (out, f->num_format);
          append_escaped (out, f->font_name);
          break;
        case OP_STRING:
        case OP_NUMBER:
        case OP_BLANK:
        case OP_FORMULA:
        case OP_DATETIME:
          g_string_append_printf (out, "%c\t%u\t%u\t%u\t%u\t%s",
                                  "??FsnbfdT"[op->kind], op->sheet, op->row, op->col, op->format,
                                  g_ascii_dtostr (number, sizeof number, op->number));
          if (op->kind == OP_DATETIME)
            g_string_append_printf (out, "\t%d-%02d-%02d", op->datetime.year, op->datetime.month, op->datetime.day);
          else
            append_escaped (out, op->text);
          break;
        case OP_TABLE:
          g_string_append_printf (out, "T\t%u\t%u\t%u\t%u\t%u\t%d\t%u\t%d", op->sheet, op->row, op->col, op->last_row, op->last_col,
                                  op->number != 0, op->format, op->style_number);
          g_string_append_c (out, '\t');
          for (guint k = 0; k < op->header_formats->len; k++)
            g_string_append_printf (out, "%s%u", k > 0 ? "," : "", g_array_index (op->header_formats, guint, k));
          for (guint k = 0; k < op->table->len; k++)
            append_escaped (out, g_ptr_array_index (op->table, k));
          break;
        default:
          break;
        }
      g_string_append_c (out, '\n');
    }
  return g_file_set_contents (path, out->str, (gssize) out->len, error);
}

/* ---- Measuring ---------------------------------------------------------------------- */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) + g_array_index (times, double, times->len / 2)) / 2;
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static gboolean
export_all (SpDatabase  *db,
            const char  *out,
            guint       *n_written,
            GError     **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  SpExportOptions options;

  sp_export_options_init (&options, SP_EXAMPLE_YEAR);
  if (!sp_export_write (db, out, &options, written, error))
    return FALSE;
  if (n_written != NULL)
    *n_written = written->len;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int n_projects = 10000, n_lines = 1000, n_members = 20, runs = 7;
  const char *dump_path = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("samplan-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (tmp, "stor.db", NULL);
  g_autofree char *out = g_build_filename (tmp, "ut", NULL);
  g_autofree char *floor_out = g_build_filename (tmp, "floor", NULL);
  g_autoptr(SpDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) export_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  double load_time, ratio_min = G_MAXDOUBLE, ratio_max = 0;
  double e_med, f_med;
  guint n_workbooks = 0, n_all = 0, n_active = 0, n_members_year = 0, n_lines_year = 0;
  Tape *tape;
  gint64 start;

  setlocale (LC_ALL, "");
  for (int i = 1; i + 1 < argc; i += 2)
    {
      int value = atoi (argv[i + 1]);

      if (g_str_equal (argv[i], "--dump"))
        dump_path = argv[i + 1];
      else if (g_str_equal (argv[i], "--projects"))
        n_projects = value;
      else if (g_str_equal (argv[i], "--lines"))
        n_lines = value;
      else if (g_str_equal (argv[i], "--members"))
        n_members = value;
      else if (g_str_equal (argv[i], "--runs"))
        runs = MAX (value, 1);
    }
  g_mkdir (out, 0755);
  g_mkdir (floor_out, 0755);

  start = g_get_monotonic_time ();
  db = sp_example_create (db_path, &error);
  if (db == NULL || !generate (db, n_projects, n_lines, n_members, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("generated %d projects, %d budget lines, %d extra members in %.2f s\n",
           n_projects, n_lines, n_members, seconds_since (start));

  {
    sqlite3 *conn = sp_database_get_handle (db);
    const char *counts[] = {
      "SELECT count(*) FROM project",
      "SELECT count(*) FROM budget_line WHERE year = 2009",
    };
    guint *targets[] = { &n_all, &n_lines_year };

    for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
      {
        sqlite3_stmt *stmt = NULL;
        if (sqlite3_prepare_v2 (conn, counts[i], -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
          *targets[i] = (guint) sqlite3_column_int64 (stmt, 0);
        sqlite3_finalize (stmt);
      }
    {
      g_autoptr(GHashTable) figures = sp_project_get_year_figures (db, SP_EXAMPLE_YEAR, NULL);
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, figures);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        n_active += ((SpProjectYearFigures *) value)->active;
    }
  }

  /* Loading alone, as sp_export_plan() does it. */
  {
    g_autoptr(GPtrArray) planned = NULL;
    SpExportOptions options;

    sp_export_options_init (&options, SP_EXAMPLE_YEAR);
    start = g_get_monotonic_time ();
    planned = sp_export_plan (db, out, &options, &error);
    load_time = seconds_since (start);
    if (planned == NULL)
      {
        g_printerr ("bench-export: %s\n", error->message);
        return 1;
      }
  }

  /* The record: one untimed export. */
  tape = recording = tape_new ();
  if (!export_all (db, out, &n_workbooks, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  recording = NULL;
  n_members_year = n_workbooks - 1;
  if (dump_path != NULL && !tape_dump (tape, dump_path, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 1;
    }
  g_print ("data: %u projects (%u active in %d), %u budget lines in %d, %u members; "
           "%u workbooks, %u cells\n",
           n_all, n_active, SP_EXAMPLE_YEAR, n_lines_year, SP_EXAMPLE_YEAR, n_members_year,
           tape->n_books, tape->n_cells);

  /* Side by side: export, floor, export, floor… so that a change in the
   * machine's load falls on both. */
  for (int r = 0; r < runs; r++)
    {
      double t;

      start = g_get_monotonic_time ();
      if (!export_all (db, out, NULL, &error))
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }
      t = seconds_since (start);
      g_array_append_val (export_times, t);

      start = g_get_monotonic_time ();
      floor_write (tape, floor_out);
      t = seconds_since (start);
      g_array_append_val (floor_times, t);
      t = g_array_index (export_times, double, r) / t;
      ratio_min = MIN (ratio_min, t);
      ratio_max = MAX (ratio_max, t);
    }

  e_med = median (export_times);
  f_med = median (floor_times);
  g_print ("loading the data (sp_export_plan): %.3f s\n", load_time);
  g_print ("sp_export_write, every workbook, from the database: median %.3f s (%.3f–%.3f), %d runs\n",
           e_med, g_array_index (export_times, double, 0), g_array_index (export_times, double, runs - 1), runs);
  g_print ("floor, the same cells replayed with libxlsxwriter:   median %.3f s (%.3f–%.3f), %d runs\n",
           f_med, g_array_index (floor_times, double, 0), g_array_index (floor_times, double, runs - 1), runs);
  g_print ("ratio of the medians: %.2f× (per pair %.2f–%.2f; goal: at most 1.25×)\n",
           e_med / f_med, ratio_min, ratio_max);
  g_print ("RESULT projects=%u active=%u lines=%u members=%u workbooks=%u cells=%u runs=%d load=%.4f "
           "export=%.4f export_min=%.4f export_max=%.4f floor=%.4f floor_min=%.4f floor_max=%.4f "
           "ratio=%.3f ratio_min=%.3f ratio_max=%.3f\n",
           n_all, n_active, n_lines_year, n_members_year, tape->n_books, tape->n_cells, runs, load_time,
           e_med, g_array_index (export_times, double, 0), g_array_index (export_times, double, runs - 1),
           f_med, g_array_index (floor_times, double, 0), g_array_index (floor_times, double, runs - 1),
           e_med / f_med, ratio_min, ratio_max);

  tape_free (tape);
  g_clear_object (&db);
  if (g_getenv ("BENCH_KEEP") != NULL)
    g_print ("kept: %s\n", tmp);
  else
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      remove_files (out);
      remove_files (floor_out);
      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (tmp);
    }
  return 0;
}
