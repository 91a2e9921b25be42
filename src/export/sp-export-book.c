/* sp-export-book.c: one workbook: its formats, page set-up and sheets, written to a
 * temporary file and renamed into place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "sp-export-private.h"

/* The paper size code of A4 in Excel's page setup. */
#define PAPER_A4 9

/* ---- The workbook ------------------------------------------------------- */

static const char *
money_format_code (SpMoneyUnit unit,
                   gboolean    has_ore)
{
  /* Locale-independent codes: Excel shows its user's separators. tkr scales
   * by a thousand with the trailing comma; the values stay in kronor. */
  if (unit == SP_MONEY_UNIT_TKR)
    return "#,##0,";
  return has_ore ? "#,##0.00" : "#,##0";
}

static lxw_format *
add_format (Book *book)
{
  lxw_format *format = workbook_add_format (book->workbook);

  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  return format;
}

static lxw_format *
add_money_format (Book *book)
{
  lxw_format *format = add_format (book);

  format_set_num_format (format, money_format_code (book->unit, book->data->has_ore));
  return format;
}

static void
book_add_formats (Book *book)
{
  book->title = add_format (book);
  format_set_bold (book->title);
  format_set_font_size (book->title, 14);
  book->subtitle = add_format (book);
  format_set_italic (book->subtitle);
  format_set_font_color (book->subtitle, 0x595959);
  book->head = add_format (book);
  format_set_bold (book->head);
  format_set_text_wrap (book->head);
  format_set_bottom (book->head, LXW_BORDER_THIN);
  format_set_bg_color (book->head, 0xDDEBF7);
  book->head_right = add_format (book);
  format_set_bold (book->head_right);
  format_set_text_wrap (book->head_right);
  format_set_bottom (book->head_right, LXW_BORDER_THIN);
  format_set_bg_color (book->head_right, 0xDDEBF7);
  format_set_align (book->head_right, LXW_ALIGN_RIGHT);
  book->text = add_format (book);
  book->wrap = add_format (book);
  format_set_text_wrap (book->wrap);
  book->bold = add_format (book);
  format_set_bold (book->bold);
  book->group = add_format (book);
  format_set_bold (book->group);
  book->area = add_format (book);
  format_set_italic (book->area);
  format_set_indent (book->area, 1);
  book->line_text = add_format (book);
  format_set_indent (book->line_text, 2);
  book->subtotal_text = add_format (book);
  format_set_bold (book->subtotal_text);
  format_set_indent (book->subtotal_text, 1);
  book->total_text = add_format (book);
  format_set_bold (book->total_text);
  format_set_top (book->total_text, LXW_BORDER_THIN);
  book->money = add_money_format (book);
  book->money_subtotal = add_money_format (book);
  format_set_bold (book->money_subtotal);
  format_set_top (book->money_subtotal, LXW_BORDER_HAIR);
  book->money_total = add_money_format (book);
  format_set_bold (book->money_total);
  format_set_top (book->money_total, LXW_BORDER_THIN);
  format_set_bottom (book->money_total, LXW_BORDER_DOUBLE);
  book->money_bold = add_money_format (book);
  format_set_bold (book->money_bold);
  book->money_invoice = add_format (book);
  format_set_num_format (book->money_invoice, money_format_code (SP_MONEY_UNIT_KR, book->data->has_ore));
  format_set_bold (book->money_invoice);
  format_set_top (book->money_invoice, LXW_BORDER_THIN);
  format_set_bottom (book->money_invoice, LXW_BORDER_DOUBLE);
  book->money_invoice_plain = add_format (book);
  format_set_num_format (book->money_invoice_plain, money_format_code (SP_MONEY_UNIT_KR, book->data->has_ore));
  book->integer = add_format (book);
  format_set_num_format (book->integer, "#,##0");
  book->account = add_format (book);
  format_set_num_format (book->account, "0");
  format_set_align (book->account, LXW_ALIGN_LEFT);
  book->year_number = add_format (book);
  format_set_num_format (book->year_number, "0");
  format_set_align (book->year_number, LXW_ALIGN_LEFT);
  book->date = add_format (book);
  format_set_num_format (book->date, "yyyy-mm-dd");
  format_set_align (book->date, LXW_ALIGN_LEFT);
  book->percent = add_format (book);
  format_set_num_format (book->percent, "0%");
  book->percent_fine = add_format (book);
  format_set_num_format (book->percent_fine, "0.00%");
}

/* Doubles "&" for a page header or footer, and keeps it short. */
static void
append_header_text (GString    *header,
                    const char *text,
                    gsize       max_chars)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (header, "&&");
      else if (c == '\n' || c == '\r' || c == '\t')
        g_string_append_c (header, ' ');
      else
        g_string_append_unichar (header, c);
    }
}

/* ---- One file --------------------------------------------------------------- */

static time_t
created_time (const SpExportOptions *options)
{
  const char *epoch;

  if (options->created > 0)
    return (time_t) options->created;
  epoch = g_getenv ("SOURCE_DATE_EPOCH");
  if (epoch != NULL && epoch[0] != '\0')
    {
      guint64 value;
      if (g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &value, NULL))
        return (time_t) value;
    }
  return (time_t) (g_get_real_time () / G_USEC_PER_SEC);
}

/* Whether the file system of the file open as @fd has (almost) no room left. */
static gboolean
is_full (int fd)
{
  struct statvfs st;

  return fd >= 0 && fstatvfs (fd, &st) == 0 &&
         (guint64) st.f_bavail * st.f_frsize < 64 * 1024;
}

/* Why libxlsxwriter failed, in the user's words (never its English):
 * @saved_errno is errno after the failing call, 0 when unknown; @fd is
 * the file being written, to tell a full disk. */
static const char *
lxw_cause (lxw_error   error,
           int         saved_errno,
           int         fd)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT ||
      ((error == LXW_ERROR_ZIP_FILE_OPERATION || error == LXW_ERROR_ZIP_FILE_ADD ||
        error == LXW_ERROR_ZIP_CLOSE || error == LXW_ERROR_CREATING_TMPFILE ||
        error == LXW_ERROR_CREATING_XLSX_FILE) && is_full (fd)))
    return sp_export_errno_cause (ENOSPC);
  switch (error)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return sp_export_errno_cause (ENOMEM);
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      if (saved_errno != 0)
        return sp_export_errno_cause (saved_errno);
      return _("the file could not be written to the disk");
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
      return _("the workbook could not be compressed (an error in the zip packing)");
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return _("a sheet name is not allowed in Excel");
    case LXW_ERROR_32_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_128_STRING_LENGTH_EXCEEDED:
    case LXW_ERROR_255_STRING_LENGTH_EXCEEDED:
      return _("a text of the page header, footer or document properties is too long for Excel");
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return _("a text is longer than the 32 767 characters an Excel cell holds");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return _("a sheet has more rows or columns than Excel allows");
    default:
      return _("the Excel writer refused the workbook (an error in Samplan)");
    }
}

static gboolean
write_workbook (const ExportData       *data,
                const SpExportOptions  *options,
                const Target           *target,
                guint                   member_index,
                int                     fd,
                const char             *tmp_path,
                GError                **error)
{
  const SpContribution *member = target->contribution;
  g_autofree char *title = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GString) header = g_string_new ("&L");
  g_autoptr(GString) footer = g_string_new ("&L");
  g_autofree char *year_text = g_strdup_printf (_("Operational plan and budget %d"), data->year);
  lxw_workbook_options workbook_options = { 0 };
  lxw_doc_properties properties = { 0 };
  BudgetRows budget_rows = { 0 };
  FeeRows fee_rows = { 0 };
  Book book = { 0 };
  lxw_error closed;
  int saved_errno;

  if (member == NULL)
    title = g_strdup_printf (_("%s: operational plan and budget %d, treasurer"), data->association->name, data->year);
  else
    title = g_strdup_printf (_("%s: operational plan and budget %d, for %s"), data->association->name, data->year,
                             member->name);

  book.data = data;
  book.unit = options->unit;
  book.warnings = options->warnings;
  book.workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (book.workbook == NULL)
    {
      int saved = errno;
      display = g_filename_display_name (target->path);
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, sp_export_errno_cause (saved));
      return FALSE;
    }

  /* Two parts a line, at 9 pt, so that even a portrait page has room for
   * both: the förbund and whether it is a draft and when it was taken out
   * above, the recipient and the document below. */
  g_string_append (header, "&9");
  append_header_text (header, data->association->name, 60);
  g_string_append (header, "&R&9");
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (created_time (options));
    g_autofree char *date = g_date_time_format (when, "%Y-%m-%d");
    /* Translators: in every printed page's header: the export date, 2009-01-01 */
    g_autofree char *exported = g_strdup_printf (_("exported %s"), date);

    if (!sp_plan_year_is_adopted (data->plan))
      {
        /* Translators: in the page header of a draft's workbook, before the export date */
        append_header_text (header, _("DRAFT"), 20);
        g_string_append (header, " · ");
      }
    append_header_text (header, exported, 40);
  }
  /* At most 255 characters each, "&&" counted twice: these limits keep within. */
  g_string_append (footer, "&9");
  append_header_text (footer, member == NULL ? _("Treasurer") : member->name, 60);
  g_string_append (footer, " · ");
  append_header_text (footer, year_text, 40);
  /* Translators: the page footer of the exported workbooks; keep &P (the
   * page) and &N (the number of pages) as they are. */
  g_string_append_printf (footer, "&R&9%s", _("Page &P of &N"));
  book.page_header = header->str;
  book.page_footer = footer->str;

  properties.title = title;
  properties.subject = year_text;
  properties.author = data->association->name;
  properties.company = data->association->name;
  properties.comments = (char *) "Samplan " PACKAGE_VERSION;
  properties.created = created_time (options);
  sp_export_check (&book, workbook_set_properties (book.workbook, &properties));

  book_add_formats (&book);
  /* The first sheet refers to the sheets after it, whose rows are known
   * only once they are written: it is added first and filled last. */
  if (member == NULL)
    {
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      lxw_worksheet *summary = sp_export_add_sheet (&book, _("Summary"));

      g_autoptr(GArray) line_rows = g_array_new (FALSE, TRUE, sizeof (lxw_row_t));
      CheckRows check_rows = { 0 };

      g_array_set_size (line_rows, data->lines->len);
      budget_rows.line_rows = line_rows;
      sp_export_write_budget_sheet (&book, &budget_rows);
      sp_export_write_follow_up_sheet (&book, &budget_rows);
      sp_export_write_fees_sheet (&book, &fee_rows);
      sp_export_write_invoice_sheet (&book);
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      sp_export_write_projects_sheet (&book, _("Project portfolio"), 0);
      sp_export_write_goals_sheet (&book);
      sp_export_write_checks_sheet (&book, &budget_rows, &fee_rows, &check_rows);
      sp_export_write_summary_sheet (&book, summary, &budget_rows, &fee_rows);
      /* The summary's third row, under its title, is left empty for this. */
      sp_export_write_checks_notice (&book, summary, 2, &check_rows);
    }
  else
    {
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      lxw_worksheet *cover = sp_export_add_sheet (&book, _("Overview"));

      sp_export_write_budget_sheet (&book, &budget_rows);
      sp_export_write_fees_sheet (&book, &fee_rows);
      /* Translators: a sheet name of the exported workbook, at most 31 characters. */
      sp_export_write_projects_sheet (&book, _("Projects"), member->member_id);
      sp_export_write_cover_sheet (&book, cover, member, &fee_rows, member_index);
    }

  errno = 0;
  closed = workbook_close (book.workbook);
  saved_errno = errno;
  if (book.error == LXW_NO_ERROR)
    book.error = closed;
  if (book.error != LXW_NO_ERROR)
    {
      display = g_filename_display_name (target->path);
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display,
                   lxw_cause (book.error, closed != LXW_NO_ERROR ? saved_errno : 0, fd));
      return FALSE;
    }
  return TRUE;
}

/* libxlsxwriter prints doubles (cell values, margins) with the C library's
 * printf, which follows LC_NUMERIC: under a Swedish locale it would write
 * "0,5" into the XML and Excel would refuse the file. This thread writes
 * with the C locale's numbers while a workbook is made. */
static locale_t
use_c_numeric (void)
{
  locale_t base = duplocale (uselocale ((locale_t) 0));
  locale_t c_numeric;

  if (base == (locale_t) 0)
    return (locale_t) 0;
  c_numeric = newlocale (LC_NUMERIC_MASK, "C", base);
  if (c_numeric == (locale_t) 0)
    {
      freelocale (base);
      return (locale_t) 0;
    }
  return c_numeric;
}

/* Why a file could not be written, for the causes a user can act on; the
 * C library's words for the rest. */
const char *
sp_export_errno_cause (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOSPC:
    case EDQUOT:
      return _("the disk is full");
    case EFBIG:
      return _("the file would be larger than this system lets Samplan write");
    case EACCES:
    case EPERM:
      return _("permission denied");
    case EROFS:
      return _("the disk is read-only");
    case EIO:
      return _("the disk reported a read or write error");
    case ENOMEM:
      return _("there is not enough memory");
    case ENAMETOOLONG:
      return _("the file name is too long");
    case 0:
      return _("the file could not be written to the disk");
    default:
      return g_strerror (saved_errno);
    }
}

/* ---- What the sheets share ------------------------------------------------- */

const char *
sp_export_unit_word (SpMoneyUnit unit)
{
  /* In tkr every figure is rounded on its own, so a column's rows may miss
   * its total by a tkr or two: every tkr sheet says so. */
  return unit == SP_MONEY_UNIT_TKR
    ? _("amounts in tkr, each rounded to whole tkr: rows may differ from their total by a few tkr")
    : _("amounts in kr");
}

/* A4, one page wide, repeated head row, header and footer on every page. */
void
sp_export_setup_page (Book          *book,
                      lxw_worksheet *sheet,
                      gboolean       landscape,
                      int            head_row,
                      lxw_col_t      frozen_cols)
{
  worksheet_set_paper (sheet, PAPER_A4);
  if (landscape)
    worksheet_set_landscape (sheet);
  else
    worksheet_set_portrait (sheet);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.75, 0.75);
  if (head_row >= 0)
    {
      sp_export_check (book, worksheet_repeat_rows (sheet, (lxw_row_t) head_row, (lxw_row_t) head_row));
      worksheet_freeze_panes (sheet, (lxw_row_t) head_row + 1, frozen_cols);
    }
  sp_export_check (book, worksheet_set_header (sheet, book->page_header));
  sp_export_check (book, worksheet_set_footer (sheet, book->page_footer));
}

lxw_worksheet *
sp_export_add_sheet (Book       *book,
                     const char *name)
{
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);

  if (sheet == NULL)
    sp_export_check (book, LXW_ERROR_SHEETNAME_ALREADY_USED);
  return sheet;
}

void
sp_export_put_sheet_title (Book          *book,
                           lxw_worksheet *sheet,
                           const char    *subtitle)
{
  sp_export_put_text (book, sheet, 0, 0, book->data->association->name, book->title);
  sp_export_put_text (book, sheet, 1, 0, subtitle, book->subtitle);
}

const char *
sp_export_budget_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Budget");
}

const char *
sp_export_fees_sheet_name (void)
{
  /* Translators: a sheet name of the exported workbook, at most 31 characters. */
  return _("Member contributions");
}

/* Writes @target's workbook as @temp_name inside the export's private folder
 * (sp-export-folder.c); sp_export_write() renames every workbook into place
 * only when all are complete. libxlsxwriter opens the file by a name: it
 * gets /proc/self/fd/N, the file already made and open here, so no name in
 * any folder is opened twice. */
gboolean
sp_export_write_target (const ExportData       *data,
                        const SpExportOptions  *options,
                        const Target           *target,
                        guint                   member_index,
                        SpExportTemp           *folder,
                        const char             *temp_name,
                        GError                **error)
{
  g_autofree char *display = g_filename_display_name (target->path);
  g_autofree char *tmp = NULL;
  gboolean written;
  int fd;

  fd = sp_export_temp_folder_create (folder, temp_name);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                   _("“%s” could not be written: %s"), display, sp_export_errno_cause (saved));
      return FALSE;
    }
  tmp = g_strdup_printf ("/proc/self/fd/%d", fd);
  if (!g_file_test (tmp, G_FILE_TEST_EXISTS))
    {
      /* No /proc: the name inside the private folder, which only we may change. */
      g_free (tmp);
      tmp = g_build_filename (folder->path, temp_name, NULL);
    }

  {
    locale_t c_numeric = use_c_numeric ();
    locale_t previous = c_numeric != (locale_t) 0 ? uselocale (c_numeric) : (locale_t) 0;

    written = write_workbook (data, options, target, member_index, fd, tmp, error);
    if (c_numeric != (locale_t) 0)
      {
        uselocale (previous);
        freelocale (c_numeric);
      }
  }
  close (fd);
  return written;
}
