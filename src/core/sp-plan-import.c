/* sp-plan-import.c: a plan written elsewhere, read in as sections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The office has last year's plan as a Word document, saved as text (UTF-8,
 * or Windows-1252 from "save as text") or as Markdown. The file's first
 * block is the document's title, not a section; each chapter after it
 * becomes a section, its title the chapter's heading, its body the rest as
 * CommonMark. Where a chapter starts:
 *
 * 1. numbered chapters ("1. Inriktning" … as headings or lines all in bold,
 *    numbered 1, 2, 3 … in order, at least two): at each of them;
 * 2. otherwise, Markdown headings after the title: at each heading of the
 *    highest level used;
 * 3. otherwise (text without headings): at each short paragraph of one
 *    thought (at most SHORT_TITLE characters, not ending in . : ; , ! or ?)
 *    that does not directly follow another such heading and is not among
 *    the last paragraphs (a closing place, date and name).
 *
 * A file with Markdown markup (headings, emphasis) is read as CommonMark and
 * its bodies keep the author's lines as they were; plain text is escaped
 * (sp_markdown_escape ()) so that it reads as it did. Reading writes
 * nothing: sp_plan_import_apply () adds the sections as one edit.
 */
#include "config.h"

#include <string.h>

#include <cmark.h>
#include <glib/gi18n.h>

#include "sp-edit-private.h"
#include "sp-error.h"
#include "sp-limits.h"
#include "sp-markdown.h"
#include "sp-plan-import.h"
#include "sp-plan-import-private.h"

/* The longest paragraph that may be a chapter heading in a text without
 * headings, in characters. */
#define SHORT_TITLE 60

typedef struct {
  char *title;
  char *body;
} ImportSection;

struct _SpPlanImport
{
  GObject    parent_instance;

  char      *title;
  char      *encoding;
  gboolean   markdown;
  GArray    *sections;   /* ImportSection */
};

G_DEFINE_FINAL_TYPE (SpPlanImport, sp_plan_import, G_TYPE_OBJECT)

/* A block of the document: its lines (0-based, inclusive) and what it is. */
typedef struct {
  guint    first;
  guint    last;
  char    *title;      /* as a heading would read */
  int      level;      /* a heading's level, else 0 */
  int      number;     /* "3. …" in a heading or a line all in bold, else 0 */
  gboolean paragraph;
} Block;

/* Helpers */

static void
clear_section (gpointer data)
{
  ImportSection *section = data;

  g_free (section->title);
  g_free (section->body);
}

static void
clear_block (gpointer data)
{
  g_free (((Block *) data)->title);
}

static char *
join_lines (char  **lines,
            guint   first,
            guint   last)
{
  GString *out = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      if (i > first)
        g_string_append_c (out, '\n');
      g_string_append (out, lines[i]);
    }
  return g_string_free (out, FALSE);
}

/* The block's lines as a one-line title: a line ending in "-" or "/" runs
 * on into the next ("Samverkans-" "aktiviteter"), markup is dropped. */
static char *
block_title (char     **lines,
             guint      first,
             guint      last,
             gboolean   markdown)
{
  GString *joined = g_string_new (NULL);
  g_autofree char *plain = NULL;
  char *title;

  for (guint i = first; i <= last; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (joined->len > 0 && joined->str[joined->len - 1] != '-' && joined->str[joined->len - 1] != '/')
        g_string_append_c (joined, ' ');
      g_string_append (joined, line);
    }
  plain = markdown ? sp_markdown_to_plain (joined->str) : g_strdup (joined->str);
  g_string_free (joined, TRUE);
  g_strdelimit (plain, "\t\n", ' ');
  g_strstrip (plain);
  while (g_str_has_suffix (plain, ":"))
    plain[strlen (plain) - 1] = '\0';
  title = g_utf8_substring (plain, 0, MIN (g_utf8_strlen (plain, -1), 200));
  return g_strstrip (title);
}

/* "3. Verksamhetsinriktning": 3, else 0. */
static int
chapter_number (const char *title)
{
  guint64 n = 0;
  const char *end = NULL;

  if (!g_ascii_isdigit (title[0]))
    return 0;
  n = g_ascii_strtoull (title, (char **) &end, 10);
  return end != NULL && end[0] == '.' && end[1] == ' ' && n > 0 && n < 100 ? (int) n : 0;
}

/* The top-level blocks of a Markdown text, with the lines they span. */
static GArray *
markdown_blocks (const char  *text,
                 char       **lines)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  cmark_node *document = cmark_parse_document (text, strlen (text), CMARK_OPT_SOURCEPOS);

  g_array_set_clear_func (blocks, clear_block);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      Block block = { 0 };
      cmark_node_type type = cmark_node_get_type (node);
      cmark_node *child = cmark_node_first_child (node);
      guint title_last;

      block.first = cmark_node_get_start_line (node) - 1;
      block.last = MAX (cmark_node_get_end_line (node), 1) - 1;
      block.paragraph = type == CMARK_NODE_PARAGRAPH;
      /* A setext heading's underline is not its title. */
      title_last = block.last;
      if (type == CMARK_NODE_HEADING && block.last > block.first &&
          strspn (lines[block.last], "=- \t") == strlen (lines[block.last]))
        title_last--;
      block.title = block_title (lines, block.first, title_last, TRUE);
      if (type == CMARK_NODE_HEADING)
        block.level = cmark_node_get_heading_level (node);
      if (type == CMARK_NODE_HEADING ||
          (block.paragraph && child != NULL && cmark_node_next (child) == NULL &&
           cmark_node_get_type (child) == CMARK_NODE_STRONG))
        block.number = chapter_number (block.title);
      g_array_append_val (blocks, block);
    }
  cmark_node_free (document);
  return blocks;
}

/* The paragraphs of a plain text: apart by blank lines, or each line when
 * no line is blank (as Word writes a document as text). */
static GArray *
plain_blocks (char **lines)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  gboolean any_blank = FALSE;
  guint n = g_strv_length (lines);
  guint first = 0;
  gboolean in_block = FALSE;

  g_array_set_clear_func (blocks, clear_block);
  for (guint i = 1; i + 1 < n; i++)
    if (strspn (lines[i], " \t") == strlen (lines[i]))
      any_blank = TRUE;

  for (guint i = 0; i <= n; i++)
    {
      gboolean blank = i == n || strspn (lines[i], " \t") == strlen (lines[i]);

      if (in_block && (blank || !any_blank))
        {
          Block block = { first, i - 1, NULL, 0, 0, TRUE };

          block.title = block_title (lines, block.first, block.last, FALSE);
          g_array_append_val (blocks, block);
          in_block = FALSE;
        }
      if (!blank && !in_block)
        {
          first = i;
          in_block = TRUE;
        }
    }
  return blocks;
}

/* Rule 3: a short paragraph of one thought. */
static gboolean
is_short_heading (const Block *block)
{
  glong length = g_utf8_strlen (block->title, -1);
  char last;

  if (!block->paragraph || length == 0 || length > SHORT_TITLE)
    return FALSE;
  last = block->title[strlen (block->title) - 1];
  return strchr (".:;,!?", last) == NULL;
}

/* Which blocks (after the title, block 0) start a chapter. */
static gboolean *
find_chapters (GArray *blocks)
{
  gboolean *starts = g_new0 (gboolean, blocks->len + 1);
  int expected = 1;
  int top = G_MAXINT;
  guint trailing;

  for (guint i = 1; i < blocks->len; i++)
    if (g_array_index (blocks, Block, i).number == expected)
      expected++;
  if (expected > 2)
    {
      expected = 1;
      for (guint i = 1; i < blocks->len; i++)
        if (g_array_index (blocks, Block, i).number == expected)
          {
            starts[i] = TRUE;
            expected++;
          }
      return starts;
    }

  for (guint i = 1; i < blocks->len; i++)
    if (g_array_index (blocks, Block, i).level > 0)
      top = MIN (top, g_array_index (blocks, Block, i).level);
  if (top != G_MAXINT)
    {
      for (guint i = 1; i < blocks->len; i++)
        starts[i] = g_array_index (blocks, Block, i).level == top;
      return starts;
    }

  trailing = blocks->len;
  while (trailing > 1 && is_short_heading (&g_array_index (blocks, Block, trailing - 1)))
    trailing--;
  for (guint i = 1; i < trailing; i++)
    starts[i] = is_short_heading (&g_array_index (blocks, Block, i)) && !starts[i - 1];
  return starts;
}

static void
add_section (SpPlanImport *self,
             const char   *title,
             char         *body)
{
  ImportSection section = { g_strdup (title), g_strstrip (body) };

  g_array_append_val (self->sections, section);
}

static gboolean
do_import (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  SpPlanImport *self = ((gpointer *) user_data)[0];
  int year = GPOINTER_TO_INT (((gpointer *) user_data)[1]);
  gint64 position;

  if (!sp_edit_check_year_open (database, year, error))
    return FALSE;
  position = sp_edit_next_position (database, "section", "year", year, error);
  if (position < 0)
    return FALSE;

  for (guint i = 0; i < self->sections->len; i++)
    {
      ImportSection *section = &g_array_index (self->sections, ImportSection, i);
      g_autofree char *title = sp_edit_clean_name (section->title, _("The title"), error);
      g_autofree char *body = NULL;
      sqlite3_stmt *stmt;

      if (title == NULL)
        return FALSE;
      body = sp_edit_clean_text (section->body, SP_TEXT_MAX_CHARS, error);
      if (body == NULL)
        {
          g_prefix_error (error, _("Section “%s”: "), title);
          return FALSE;
        }
      stmt = sp_edit_prepare (database,
                              "INSERT INTO section (year, position, title, body) VALUES (?1, ?2, ?3, ?4)",
                              error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, year);
      sqlite3_bind_int64 (stmt, 2, position + i);
      sp_edit_bind_text (stmt, 3, title);
      sp_edit_bind_text (stmt, 4, body);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static void
sp_plan_import_finalize (GObject *object)
{
  SpPlanImport *self = SP_PLAN_IMPORT (object);

  g_free (self->title);
  g_free (self->encoding);
  g_array_unref (self->sections);

  G_OBJECT_CLASS (sp_plan_import_parent_class)->finalize (object);
}

static void
sp_plan_import_class_init (SpPlanImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_plan_import_finalize;
}

static void
sp_plan_import_init (SpPlanImport *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (ImportSection));
  g_array_set_clear_func (self->sections, clear_section);
}

/* Public API */

/**
 * sp_plan_import_new_from_file:
 * @path: a Markdown or text file
 *
 * Reads @path and splits it into sections (see the top of this file).
 * Nothing is written.
 *
 * Returns: (transfer full): the sections, or %NULL with @error set
 */
SpPlanImport *
sp_plan_import_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND, _("“%s” could not be read: %s"), name,
                   local->message);
      return NULL;
    }
  return sp_plan_import_new_from_data (data, length, path, error);
}

/**
 * sp_plan_import_new_from_data:
 * @data: the file's bytes
 * @name: the file's name: "*.md" is Markdown, and messages name it
 */
SpPlanImport *
sp_plan_import_new_from_data (const char  *data,
                              gsize        length,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(SpPlanImport) self = g_object_new (SP_TYPE_PLAN_IMPORT, NULL);
  g_autofree char *display = g_filename_display_basename (name);
  g_autofree char *text = NULL;
  g_autofree gboolean *starts = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) blocks = NULL;
  guint i;

  if (length > SP_PLAN_IMPORT_MAX_BYTES)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("“%s” is too large for a plan (more than %d MB)."), display,
                   SP_PLAN_IMPORT_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  text = sp_plan_import_decode (data, length, display, &self->encoding, error);
  if (text == NULL)
    return NULL;

  self->markdown = g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown") ||
                   sp_plan_import_looks_like_markdown (text);
  lines = g_strsplit (text, "\n", -1);
  if (self->markdown)
    {
      g_autofree char *nested = NULL;

      sp_plan_import_nest_sub_items (lines);
      nested = g_strjoinv ("\n", lines);
      blocks = markdown_blocks (nested, lines);
    }
  else
    blocks = plain_blocks (lines);

  if (blocks->len < 2)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("“%s” has no text after its title: there is nothing to read in."), display);
      return NULL;
    }
  self->title = g_strdup (g_array_index (blocks, Block, 0).title);
  starts = find_chapters (blocks);

  /* Text before the first chapter is an introduction of its own. */
  i = 1;
  while (i < blocks->len)
    {
      guint first = i;
      guint body_first = starts[i] ? i + 1 : i;
      guint end = i + 1;
      const char *title = starts[i] ? g_array_index (blocks, Block, i).title : _("Introduction");
      char *body;

      while (end < blocks->len && !starts[end])
        end++;
      if (body_first < end)
        {
          g_autofree char *source = join_lines (lines, g_array_index (blocks, Block, body_first).first,
                                                g_array_index (blocks, Block, end - 1).last);

          body = self->markdown ? g_steal_pointer (&source) : sp_markdown_escape (source);
        }
      else
        body = g_strdup ("");
      add_section (self, *title != '\0' ? title : _("Section"), body);
      i = MAX (end, first + 1);
    }

  return g_steal_pointer (&self);
}

const char *
sp_plan_import_get_title (SpPlanImport *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self), NULL);
  return self->title;
}

/* Whether the file was read as Markdown (else as plain text, escaped). */
gboolean
sp_plan_import_get_is_markdown (SpPlanImport *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self), FALSE);
  return self->markdown;
}

/* "UTF-8" or "Windows-1252". */
const char *
sp_plan_import_get_encoding (SpPlanImport *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self), NULL);
  return self->encoding;
}

guint
sp_plan_import_get_n_sections (SpPlanImport *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self), 0);
  return self->sections->len;
}

const char *
sp_plan_import_get_section_title (SpPlanImport *self,
                                  guint         index)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self) && index < self->sections->len, NULL);
  return g_array_index (self->sections, ImportSection, index).title;
}

/* The body as CommonMark. */
const char *
sp_plan_import_get_section_body (SpPlanImport *self,
                                 guint         index)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self) && index < self->sections->len, NULL);
  return g_array_index (self->sections, ImportSection, index).body;
}

/**
 * sp_plan_import_get_excerpt:
 *
 * Returns: (transfer full): the first @n_words words of the section's
 *   text, without markup, with "…" when there are more
 */
char *
sp_plan_import_get_excerpt (SpPlanImport *self,
                            guint         index,
                            guint         n_words)
{
  g_autofree char *plain = NULL;
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self) && index < self->sections->len, NULL);

  plain = sp_markdown_to_plain (g_array_index (self->sections, ImportSection, index).body);
  words = g_strsplit_set (plain, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (n == n_words)
        {
          g_string_append (out, "…");
          break;
        }
      if (n++ > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * sp_plan_import_apply:
 * @year: the plan year to add the sections to, after its own
 *
 * Adds the sections to @year as one edit, undone at once. An adopted year
 * is refused and nothing is written.
 */
gboolean
sp_plan_import_apply (SpPlanImport  *self,
                      SpDatabase    *database,
                      int            year,
                      GError       **error)
{
  gpointer data[2] = { self, GINT_TO_POINTER (year) };

  g_return_val_if_fail (SP_IS_PLAN_IMPORT (self), FALSE);
  g_return_val_if_fail (SP_IS_DATABASE (database), FALSE);

  return sp_edit_run (database, _("Read in plan text"), do_import, data, error);
}
