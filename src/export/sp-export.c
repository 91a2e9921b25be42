/* sp-export.c: Excel workbooks for the treasurer and for every member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workbooks go to the members' finance departments, who check the sums:
 * amounts are numbers in kronor (öre as decimals) under locale-independent
 * formats, every subtotal, total and the result are live formulas (with the
 * core's exact figure as the cached value), and every text is written as a
 * string so that a name starting with "=" never becomes a formula. Each file
 * is written inside a private folder made in the target folder and renamed
 * into place only when it is complete (sp-export-folder.c); the next export
 * removes what a killed one left.
 *
 * This file decides which files to write and checks them; the rest is in
 * its parts (sp-export-private.h): sp-export-data.c loads what the workbooks
 * show, sp-export-book.c writes one workbook and its formats, with a sheet
 * each from sp-export-cover.c (the first sheet), sp-export-budget.c,
 * sp-export-follow-up.c (the treasurer's, for a period),
 * sp-export-contributions.c, sp-export-portfolio.c and sp-export-goals.c,
 * all writing their cells through sp-export-cells.c.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "sp-text.h"
#include "sp-export-private.h"
#include "sp-member.h"

G_DEFINE_QUARK (sp-export-error-quark, sp_export_error)

static void
target_free (Target *target)
{
  g_free (target->path);
  g_free (target);
}

/* ---- Which files ---------------------------------------------------------------- */

/* The members asked for, as indexes into the contributions, in their order. */
static GArray *
resolve_members (SpDatabase             *database,
                 const ExportData       *data,
                 const SpExportOptions  *options,
                 GError                **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(SpRecordList) list = NULL;
  g_autoptr(GPtrArray) members = NULL;

  if (options->member_names == NULL && options->member_ids == NULL)
    {
      for (guint i = 0; i < data->contributions->len; i++)
        g_array_append_val (chosen, i);
      return g_steal_pointer (&chosen);
    }

  list = sp_member_list_new (database);
  members = sp_export_list_items (G_LIST_MODEL (list));

  for (guint n = 0; options->member_names != NULL && options->member_names[n] != NULL; n++)
    {
      const char *name = options->member_names[n];
      SpMember *found = NULL;
      g_autofree char *folded = sp_text_fold (name);
      guint n_folded = 0;
      SpMember *folded_match = NULL;

      for (guint i = 0; i < members->len && found == NULL; i++)
        {
          SpMember *m = g_ptr_array_index (members, i);
          g_autofree char *other = NULL;

          if (g_strcmp0 (sp_member_get_name (m), name) == 0)
            found = m;
          other = sp_text_fold (sp_member_get_name (m));
          if (g_strcmp0 (other, folded) == 0)
            {
              n_folded++;
              folded_match = m;
            }
        }
      if (found == NULL && n_folded == 1)
        found = folded_match;
      if (found == NULL)
        {
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                       _("There is no member called “%s”."), name);
          return NULL;
        }
      {
        gint64 id = sp_record_get_id (SP_RECORD (found));
        g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
      }
    }

  for (guint n = 0; options->member_ids != NULL && n < options->member_ids->len; n++)
    {
      gint64 id = g_array_index (options->member_ids, gint64, n);
      gboolean exists = FALSE;

      for (guint i = 0; i < members->len && !exists; i++)
        exists = sp_record_get_id (SP_RECORD (g_ptr_array_index (members, i))) == id;
      if (!exists)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                       _("There is no member with the number %s."), number);
          return NULL;
        }
      g_hash_table_add (wanted, g_memdup2 (&id, sizeof id));
    }

  /* Each one must be a member in the year. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, wanted);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        gint64 id = *(gint64 *) key;
        gboolean in_year = FALSE;

        for (guint i = 0; i < data->contributions->len && !in_year; i++)
          in_year = ((SpContribution *) g_ptr_array_index (data->contributions, i))->member_id == id;
        if (!in_year)
          {
            const char *name = "";
            for (guint i = 0; i < members->len; i++)
              if (sp_record_get_id (SP_RECORD (g_ptr_array_index (members, i))) == id)
                name = sp_member_get_name (g_ptr_array_index (members, i));
            g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_NO_MEMBER,
                         _("“%s” is not a member in %d."), name, data->year);
            return NULL;
          }
      }
  }

  for (guint i = 0; i < data->contributions->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, i);
      if (g_hash_table_contains (wanted, &c->member_id))
        g_array_append_val (chosen, i);
    }
  return g_steal_pointer (&chosen);
}

/* A file name unique among @used (case-insensitively), recorded in it. */
static char *
unique_file_name (GHashTable *used,
                  const char *association,
                  int         year,
                  const char *recipient)
{
  g_autofree char *base = sp_export_file_name (association, year, recipient);

  for (guint n = 1;; n++)
    {
      g_autofree char *name = NULL;
      g_autofree char *folded = NULL;

      if (n == 1)
        name = g_strdup (base);
      else
        {
          g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".xlsx"));
          name = g_strdup_printf ("%s (%u).xlsx", stem, n);
        }
      folded = sp_text_fold (name);
      if (!g_hash_table_contains (used, folded))
        {
          g_hash_table_add (used, g_steal_pointer (&folded));
          return g_steal_pointer (&name);
        }
    }
}

static GPtrArray *
plan_targets (SpDatabase             *database,
              const ExportData       *data,
              const char             *dir,
              const SpExportOptions  *options,
              GArray                **out_indexes,
              GError                **error)
{
  g_autoptr(GArray) indexes = resolve_members (database, data, options, error);
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GHashTable) used = NULL;

  if (indexes == NULL)
    return NULL;
  targets = g_ptr_array_new_with_free_func ((GDestroyNotify) target_free);
  used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (options->treasurer)
    {
      Target *t = g_new0 (Target, 1);
      /* Translators: who the treasurer's workbook is for, in its file name. */
      g_autofree char *name = unique_file_name (used, data->association->name, data->year, _("Treasurer"));
      t->path = g_build_filename (dir, name, NULL);
      g_ptr_array_add (targets, t);
    }
  for (guint i = 0; i < indexes->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (data->contributions, g_array_index (indexes, guint, i));
      Target *t = g_new0 (Target, 1);
      g_autofree char *name = unique_file_name (used, data->association->name, data->year, c->name);

      t->path = g_build_filename (dir, name, NULL);
      t->contribution = c;
      g_ptr_array_add (targets, t);
    }
  if (out_indexes != NULL)
    *out_indexes = g_steal_pointer (&indexes);
  return g_steal_pointer (&targets);
}

/* The folder exists and a file can be made in it; no target is read-only. */
static gboolean
check_targets (const char  *dir,
               GPtrArray   *targets,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (dir);
  g_autofree char *probe = NULL;
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” does not exist."), display);
      return FALSE;
    }
  probe = g_build_filename (dir, ".samplan-export-XXXXXX", NULL);
  fd = g_mkstemp (probe);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  g_unlink (probe);

  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = g_ptr_array_index (targets, i);
      GStatBuf st;

      if (g_lstat (t->path, &st) != 0)
        continue;
      if (!S_ISREG (st.st_mode) || (st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
          g_access (t->path, W_OK) != 0)
        {
          g_autofree char *name = g_filename_display_name (t->path);
          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_READ_ONLY,
                       _("“%s” already exists and cannot be replaced: it is read-only or not a file."), name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Names @targets' files in a list: "A.xlsx, B.xlsx". */
static char *
list_files (GPtrArray *targets,
            guint      from,
            guint      to)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      g_autofree char *name = g_filename_display_basename (((Target *) g_ptr_array_index (targets, i))->path);

      if (list->len > 0)
        g_string_append (list, "\n");
      g_string_append_printf (list, "– %s", name);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Adds to @error that no workbook was written and that the files already
 * there are as they were. */
static void
say_nothing_written (GPtrArray  *targets,
                     GError    **error)
{
  g_autofree char *not_written = list_files (targets, 0, targets->len);
  g_autofree char *old = NULL;
  GError *e = error != NULL ? *error : NULL;

  if (e == NULL)
    return;
  old = e->message;
  e->message = g_strdup_printf ("%s\n\n%s\n%s", old,
                                /* Translators: followed by a list of files, one a line */
                                _("No workbook was written; files of these names from an earlier export are as they were:"),
                                not_written);
}

/* Adds to @error which files are new (those before @failed) and which
 * are still the earlier export's, or missing (@failed and those after it). */
static void
say_what_was_moved (GPtrArray  *targets,
                    guint       failed,
                    GError    **error)
{
  g_autofree char *written = list_files (targets, 0, failed);
  g_autofree char *not_written = list_files (targets, failed, targets->len);
  g_autofree char *old = NULL;
  GError *e = error != NULL ? *error : NULL;

  if (e == NULL)
    return;
  if (failed == 0)
    {
      say_nothing_written (targets, error);
      return;
    }
  old = e->message;
  e->message = g_strdup_printf ("%s\n\n%s\n%s\n\n%s\n%s", old,
                                /* Translators: followed by a list of files, one a line */
                                _("Written:"), written,
                                /* Translators: followed by a list of files, one a line */
                                _("Not written (a file of the name is still the earlier export’s):"), not_written);
}

/* The year followed up, for the treasurer's follow-up sheet, when asked for. */
static gboolean
load_follow_up (SpDatabase             *database,
                ExportData             *data,
                const SpExportOptions  *options,
                GError                **error)
{
  if (options->through_month == 0 || !options->treasurer)
    return TRUE;
  data->follow_up = sp_export_follow_up_load (database, options->year, options->through_month, error);
  return data->follow_up != NULL;
}

/* ---- Public API ----------------------------------------------------------------- */

/**
 * sp_export_options_init:
 * @options: the options to fill
 * @year: the budget year
 *
 * The default export: the treasurer's workbook and every member's, in kr.
 */
void
sp_export_options_init (SpExportOptions *options,
                        int              year)
{
  memset (options, 0, sizeof *options);
  options->year = year;
  options->unit = SP_MONEY_UNIT_KR;
  options->treasurer = TRUE;
}

/* @text made safe as part of a file name: "/", "\\", ":", "*", "?", quotes,
 * "<", ">", "|" and control characters become "_", white space runs become
 * one space, and the ends are trimmed of spaces. */
static GString *
safe_name_part (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  GString *part = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = part->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (part, ' ');
      space = FALSE;
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || strchr ("/\\:*?\"<>|", (int) c) != NULL)
        g_string_append_c (part, '_');
      else
        g_string_append_unichar (part, c);
    }
  return part;
}

/* Cuts @part to at most @max_bytes on a character boundary, and marks the cut. */
static void
shorten_name_part (GString *part,
                   gsize    max_bytes)
{
  const char *ellipsis = "…";
  const char *end;

  if (part->len <= max_bytes)
    return;
  if (max_bytes <= strlen (ellipsis))
    {
      g_string_truncate (part, 0);
      return;
    }
  end = part->str + max_bytes - strlen (ellipsis);
  while (end > part->str && (*end & 0xc0) == 0x80)
    end--;
  g_string_truncate (part, (gsize) (end - part->str));
  while (part->len > 0 && part->str[part->len - 1] == ' ')
    g_string_truncate (part, part->len - 1);
  g_string_append (part, ellipsis);
}

/**
 * sp_export_file_name:
 * @association: the förbund's name
 * @year: the budget year
 * @recipient: the member's name, or "Kassör" for the treasurer
 *
 * "<förbund> <year> – <recipient>.xlsx", safe on every file system: "/",
 * "\", ":", "*", "?", quotes, "<", ">", "|" and control characters become
 * "_", white space runs become one space, leading and trailing dots and
 * spaces go, and the name is cut to fit 255 bytes. What is cut is the
 * förbund's name, marked with "…", never the recipient's, so that the files
 * of one export keep apart; only a recipient's name that cannot fit on its
 * own is cut too.
 *
 * Returns: (transfer full): the file name, without a folder
 */
char *
sp_export_file_name (const char *association,
                     int         year,
                     const char *recipient)
{
  g_autoptr(GString) first = safe_name_part (association);
  g_autoptr(GString) last = safe_name_part (recipient);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *middle = g_strdup_printf (" %d – ", year);
  const gsize max_bytes = 255 - strlen (".xlsx") - strlen (" (99)");
  /* The förbund keeps at least this much, so that the file still says whose it is. */
  const gsize min_first = 24;

  /* Hidden files, and Windows' trailing dots. */
  while (first->len > 0 && (first->str[0] == '.' || first->str[0] == ' '))
    g_string_erase (first, 0, 1);
  while (last->len > 0 && (last->str[last->len - 1] == '.' || last->str[last->len - 1] == ' '))
    g_string_truncate (last, last->len - 1);

  if (first->len + strlen (middle) + last->len > max_bytes)
    {
      if (strlen (middle) + last->len + MIN (first->len, min_first) > max_bytes)
        shorten_name_part (last, max_bytes - strlen (middle) - MIN (first->len, min_first));
      shorten_name_part (first, max_bytes - strlen (middle) - last->len);
    }
  g_string_append (name, first->str);
  g_string_append (name, middle);
  g_string_append (name, last->str);
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_append (name, "export");
  g_string_append (name, ".xlsx");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * sp_export_plan:
 * @database: the förbund
 * @dir: the target folder
 * @options: what to export
 *
 * Checks everything sp_export_write() checks, without writing: the year, its
 * budget, the contributions, the members, the folder and the targets.
 *
 * Returns: (transfer full) (element-type filename): the paths that would be
 *   written, treasurer first, or %NULL with @error saying why not
 */
GPtrArray *
sp_export_plan (SpDatabase             *database,
                const char             *dir,
                const SpExportOptions  *options,
                GError                **error)
{
  g_autoptr(ExportData) data = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  GPtrArray *paths;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (dir != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->through_month <= 12, NULL);

  data = sp_export_load_data (database, options->year, error);
  if (data == NULL || !load_follow_up (database, data, options, error))
    return NULL;
  targets = plan_targets (database, data, dir, options, NULL, error);
  if (targets == NULL || !check_targets (dir, targets, error))
    return NULL;
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < targets->len; i++)
    g_ptr_array_add (paths, g_strdup (((Target *) g_ptr_array_index (targets, i))->path));
  return paths;
}

/**
 * sp_export_write:
 * @database: the förbund
 * @dir: an existing folder
 * @options: what to export
 * @written_paths: (nullable) (element-type filename): gets the path of each
 *   file written, as a new string; give it g_free() as its free function
 * @error: where to put a failure
 *
 * Writes the treasurer's workbook and the members' workbooks of
 * @options->year into @dir. Everything is checked before the first file is
 * written. Every workbook is written first inside a private folder and only
 * then renamed into place: a failure while writing leaves @dir as it was
 * (a file from an earlier export is never replaced by some of the new ones
 * and not others), and never a half-written file under a real name. Should
 * a rename fail, the files renamed before it are listed in @written_paths.
 * The message of @error says why and which files are new, if any.
 *
 * Returns: %TRUE when every file was written
 */
gboolean
sp_export_write (SpDatabase             *database,
                 const char             *dir,
                 const SpExportOptions  *options,
                 GPtrArray              *written_paths,
                 GError                **error)
{
  g_autoptr(ExportData) data = NULL;
  g_autoptr(GPtrArray) targets = NULL;
  g_autoptr(GArray) indexes = NULL;
  SpExportTemp folder;

  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (dir != NULL && options != NULL, FALSE);
  g_return_val_if_fail (options->through_month <= 12, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = sp_export_load_data (database, options->year, error);
  if (data == NULL)
    return FALSE;
  if (!load_follow_up (database, data, options, error))
    return FALSE;
  targets = plan_targets (database, data, dir, options, &indexes, error);
  if (targets == NULL || !check_targets (dir, targets, error))
    return FALSE;
  sp_export_remove_leftovers (dir);
  if (!sp_export_temp_folder_make (dir, &folder, error))
    {
      say_nothing_written (targets, error);
      return FALSE;
    }

  /* Every workbook first, inside the private folder; a failure there leaves
   * the target folder exactly as it was. */
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = g_ptr_array_index (targets, i);
      g_autofree char *temp_name = g_strdup_printf ("workbook-%u.xlsx", i);
      guint member_index = 0;

      if (t->contribution != NULL)
        for (guint k = 0; k < data->contributions->len; k++)
          if (g_ptr_array_index (data->contributions, k) == t->contribution)
            member_index = k;
      if (!sp_export_write_target (data, options, t, member_index, &folder, temp_name, error))
        {
          sp_export_temp_folder_remove (&folder);
          say_nothing_written (targets, error);
          return FALSE;
        }
      if (options->progress != NULL)
        options->progress (t->path, i + 1, targets->len, options->progress_data);
    }

  /* Then each into place by a rename, which replaces a file whole. */
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = g_ptr_array_index (targets, i);
      g_autofree char *temp_name = g_strdup_printf ("workbook-%u.xlsx", i);
      g_autofree char *base = g_path_get_basename (t->path);

      if (!sp_export_temp_folder_move_out (&folder, temp_name, base))
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (t->path);

          g_set_error (error, SP_EXPORT_ERROR, SP_EXPORT_ERROR_WRITE,
                       _("“%s” could not be written: %s"), display, sp_export_errno_cause (saved));
          sp_export_temp_folder_remove (&folder);
          say_what_was_moved (targets, i, error);
          return FALSE;
        }
      if (written_paths != NULL)
        g_ptr_array_add (written_paths, g_strdup (t->path));
    }
  sp_export_temp_folder_remove (&folder);
  return TRUE;
}
