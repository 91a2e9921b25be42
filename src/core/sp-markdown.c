/* sp-markdown.c: section text as CommonMark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section's body is CommonMark (parsed with libcmark, never here). Text
 * that was written as plain text (the bodies of older files, a plain-text
 * plan read in) is escaped so that it reads exactly as it did: every line
 * stays a line, every character stays the character it was.
 */
#include "config.h"

#include <string.h>

#include <cmark.h>

#include "sp-markdown.h"

/* Characters that mean something anywhere in a line. */
#define INLINE_SPECIAL "\\`*_[]<&"
/* Characters that mean something at the start of a line (a heading, a
 * quote, a list, a setext underline, a fence). */
#define LINE_START_SPECIAL "#>-+=~"

static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t')
      return FALSE;
  return TRUE;
}

static void
append_space_entity (GString *out,
                     char     c)
{
  g_string_append (out, c == '\t' ? "&#9;" : "&#32;");
}

/* One non-blank line of plain text, as the content of a paragraph line. */
static void
append_escaped_line (GString    *out,
                     const char *line,
                     gsize       length)
{
  gsize start = 0;
  gsize end = length;
  gsize digits = 0;

  /* Leading and trailing blanks would be dropped (and four leading spaces
   * would make code): the outermost one becomes a character reference. */
  if (line[0] == ' ' || line[0] == '\t')
    {
      append_space_entity (out, line[0]);
      start = 1;
    }
  else if (strchr (LINE_START_SPECIAL, line[0]) != NULL)
    {
      g_string_append_c (out, '\\');
    }
  else
    {
      while (digits < length && g_ascii_isdigit (line[digits]))
        digits++;
      /* "1. januari", "2) …": not a numbered list. */
      if (digits > 0 && digits < length && (line[digits] == '.' || line[digits] == ')'))
        {
          g_string_append_len (out, line, digits);
          g_string_append_c (out, '\\');
          start = digits;
        }
    }
  if (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
    end--;

  for (gsize i = start; i < end; i++)
    {
      if (strchr (INLINE_SPECIAL, line[i]) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, line[i]);
    }
  if (end < length)
    append_space_entity (out, line[end]);
}

static void
append_plain (GString    *out,
              cmark_node *node)
{
  for (cmark_node *child = cmark_node_first_child (node); child != NULL; child = cmark_node_next (child))
    {
      cmark_node_type type = cmark_node_get_type (child);

      switch (type)
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
          g_string_append (out, cmark_node_get_literal (child));
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_CODE_BLOCK:
        case CMARK_NODE_HTML_BLOCK:
          if (out->len > 0)
            g_string_append (out, "\n\n");
          g_string_append (out, cmark_node_get_literal (child));
          while (out->len > 0 && out->str[out->len - 1] == '\n')
            g_string_truncate (out, out->len - 1);
          break;
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          /* An item's first paragraph follows its bullet. */
          if (out->len > 0 &&
              !(cmark_node_get_type (node) == CMARK_NODE_ITEM && cmark_node_previous (child) == NULL))
            g_string_append (out, "\n\n");
          append_plain (out, child);
          break;
        case CMARK_NODE_ITEM:
          if (out->len > 0)
            g_string_append (out, "\n\n");
          if (cmark_node_get_list_type (cmark_node_parent (child)) == CMARK_ORDERED_LIST)
            {
              int number = cmark_node_get_list_start (cmark_node_parent (child));

              for (cmark_node *before = cmark_node_previous (child); before != NULL;
                   before = cmark_node_previous (before))
                number++;
              g_string_append_printf (out, "%d. ", number);
            }
          else
            {
              g_string_append (out, "• ");
            }
          append_plain (out, child);
          break;
        default:
          append_plain (out, child);
          break;
        }
    }
}

/**
 * sp_markdown_escape:
 * @text: (nullable): plain text
 *
 * @text as CommonMark that renders as the plain text did: each run of blank
 * lines separates paragraphs, and each other line end is a hard line break
 * (a backslash at the end of the line). Characters that CommonMark would
 * read as markup are escaped with a backslash; a blank at the start or the
 * end of a line becomes a character reference ("&#32;"), so it is kept.
 *
 * Returns: (transfer full): the CommonMark text, "" for %NULL
 */
char *
sp_markdown_escape (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  gboolean in_paragraph = FALSE;
  gboolean blank_before = FALSE;

  while (*p != '\0')
    {
      gsize length = strcspn (p, "\r\n");

      if (is_blank (p, length))
        {
          if (in_paragraph)
            blank_before = TRUE;
        }
      else
        {
          if (in_paragraph)
            g_string_append (out, blank_before ? "\n\n" : "\\\n");
          append_escaped_line (out, p, length);
          in_paragraph = TRUE;
          blank_before = FALSE;
        }

      p += length;
      if (p[0] == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;
    }

  return g_string_free (out, FALSE);
}

/**
 * sp_markdown_to_plain:
 * @markdown: (nullable): CommonMark text
 *
 * The words of @markdown without its markup, as a reader sees them: blocks
 * apart by a blank line, a hard line break as a line end, a soft one as a
 * space, list items with their bullet or number. For previews and searches.
 *
 * Returns: (transfer full): the plain text
 */
char *
sp_markdown_to_plain (const char *markdown)
{
  const char *text = markdown != NULL ? markdown : "";
  cmark_node *document = cmark_parse_document (text, strlen (text), CMARK_OPT_DEFAULT);
  GString *out = g_string_new (NULL);

  append_plain (out, document);
  cmark_node_free (document);
  return g_string_free (out, FALSE);
}
