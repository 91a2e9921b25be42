/* sp-report-markdown.c: a section's body, CommonMark parsed by libcmark,
 * into the flow: paragraphs, headings, nested lists, quotes, emphasis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cmark.h>
#include <string.h>

#include "sp-report-private.h"

/* Emphasis nested deeper than this is shown without more markup. */
#define MAX_INLINE_DEPTH 32

typedef struct {
  gboolean ordered;
  gboolean paren;
  int      number;
} ListState;

typedef struct {
  SpReportFlow *flow;
  GArray       *lists;        /* ListState, the open lists */
  guint         indent;       /* levels of lists and quotes */
  guint         quote_mask;
  GArray       *quote_levels; /* guint: the indent each open quote began at */
  char         *marker;       /* the open item's marker, until its first block */
  GString      *inline_text;  /* the open paragraph's or heading's markup */
  guint         inline_depth;
  guint         skipped_depth;
} Walker;

static const char *const bullets[] = { "•", "◦", "▪" };

static SpReportTextStyle
heading_style (int level)
{
  if (level <= 1)
    return SP_REPORT_TEXT_HEADING_1;
  if (level == 2)
    return SP_REPORT_TEXT_HEADING_2;
  return SP_REPORT_TEXT_HEADING_3;
}

/* Adds a block; the open item's marker goes on its first line. */
static void
add_block (Walker            *w,
           const char        *markup,
           SpReportTextStyle  style)
{
  g_autofree char *marker = g_steal_pointer (&w->marker);

  sp_report_flow_add_text (w->flow, markup, style, w->indent, w->quote_mask, marker);
}

static void
append_escaped (GString    *text,
                const char *literal)
{
  g_autofree char *escaped = g_markup_escape_text (literal != NULL ? literal : "", -1);

  g_string_append (text, escaped);
}

static void
open_tag (Walker     *w,
          const char *tag)
{
  if (w->inline_depth < MAX_INLINE_DEPTH)
    {
      g_string_append (w->inline_text, tag);
      w->inline_depth++;
    }
  else
    w->skipped_depth++;
}

static void
close_tag (Walker     *w,
           const char *tag)
{
  if (w->skipped_depth > 0)
    w->skipped_depth--;
  else
    {
      g_string_append (w->inline_text, tag);
      w->inline_depth--;
    }
}

static void
on_inline (Walker          *w,
           cmark_node      *node,
           cmark_event_type event)
{
  gboolean enter = event == CMARK_EVENT_ENTER;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_HTML_INLINE:
      append_escaped (w->inline_text, cmark_node_get_literal (node));
      break;
    case CMARK_NODE_CODE:
      open_tag (w, "<tt>");
      append_escaped (w->inline_text, cmark_node_get_literal (node));
      close_tag (w, "</tt>");
      break;
    case CMARK_NODE_SOFTBREAK:
      g_string_append_c (w->inline_text, ' ');
      break;
    case CMARK_NODE_LINEBREAK:
      g_string_append_c (w->inline_text, '\n');
      break;
    case CMARK_NODE_EMPH:
      if (enter)
        open_tag (w, "<i>");
      else
        close_tag (w, "</i>");
      break;
    case CMARK_NODE_STRONG:
      if (enter)
        open_tag (w, "<b>");
      else
        close_tag (w, "</b>");
      break;
    case CMARK_NODE_LINK:
      if (enter)
        open_tag (w, "<span foreground=\"#1c4f8c\" underline=\"single\">");
      else
        close_tag (w, "</span>");
      break;
    default:
      /* Images show their alt text, their children; custom inlines theirs. */
      break;
    }
}

static void
enter_item (Walker *w)
{
  ListState *list;

  if (w->lists->len == 0)
    return;
  list = &g_array_index (w->lists, ListState, w->lists->len - 1);
  g_free (w->marker);
  if (list->ordered)
    w->marker = g_strdup_printf ("%d%c", list->number++, list->paren ? ')' : '.');
  else
    w->marker = g_strdup (bullets[(w->lists->len - 1) % G_N_ELEMENTS (bullets)]);
}

static void
on_block (Walker          *w,
          cmark_node      *node,
          cmark_event_type event)
{
  gboolean enter = event == CMARK_EVENT_ENTER;

  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      if (enter)
        {
          g_string_truncate (w->inline_text, 0);
          w->inline_depth = 0;
          w->skipped_depth = 0;
        }
      else
        add_block (w, w->inline_text->str,
                   cmark_node_get_type (node) == CMARK_NODE_HEADING
                     ? heading_style (cmark_node_get_heading_level (node))
                     : SP_REPORT_TEXT_BODY);
      break;

    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
      {
        g_autoptr(GString) text = g_string_new (NULL);

        append_escaped (text, cmark_node_get_literal (node));
        while (text->len > 0 && text->str[text->len - 1] == '\n')
          g_string_truncate (text, text->len - 1);
        add_block (w, text->str,
                   cmark_node_get_type (node) == CMARK_NODE_CODE_BLOCK ? SP_REPORT_TEXT_CODE : SP_REPORT_TEXT_BODY);
      }
      break;

    case CMARK_NODE_THEMATIC_BREAK:
      sp_report_flow_add_rule (w->flow, w->indent);
      break;

    case CMARK_NODE_LIST:
      if (enter)
        {
          ListState list = {
            .ordered = cmark_node_get_list_type (node) == CMARK_ORDERED_LIST,
            .paren = cmark_node_get_list_delim (node) == CMARK_PAREN_DELIM,
            .number = cmark_node_get_list_start (node),
          };
          g_array_append_val (w->lists, list);
          w->indent++;
        }
      else
        {
          g_array_set_size (w->lists, w->lists->len - 1);
          w->indent--;
        }
      break;

    case CMARK_NODE_ITEM:
      if (enter)
        enter_item (w);
      else if (w->marker != NULL)
        add_block (w, "", SP_REPORT_TEXT_BODY);   /* an empty item keeps its marker */
      break;

    case CMARK_NODE_BLOCK_QUOTE:
      if (enter)
        {
          if (w->indent <= SP_REPORT_MAX_INDENT)
            w->quote_mask |= 1u << w->indent;
          g_array_append_val (w->quote_levels, w->indent);
          w->indent++;
        }
      else
        {
          guint level = g_array_index (w->quote_levels, guint, w->quote_levels->len - 1);

          g_array_set_size (w->quote_levels, w->quote_levels->len - 1);
          w->indent--;
          /* An outer quote at the same level keeps its bar. */
          if (level <= SP_REPORT_MAX_INDENT)
            {
              gboolean still = FALSE;

              for (guint i = 0; i < w->quote_levels->len; i++)
                still |= g_array_index (w->quote_levels, guint, i) == level;
              if (!still)
                w->quote_mask &= ~(1u << level);
            }
        }
      break;

    default:
      break;
    }
}

/**
 * sp_report_markdown_add:
 * @flow: the flow
 * @text: a section's body, CommonMark (need not be valid UTF-8)
 * @length: its length in bytes
 *
 * Adds the body's blocks to @flow. Raw HTML is shown as the text it is.
 */
void
sp_report_markdown_add (SpReportFlow *flow,
                        const char   *text,
                        gsize         length)
{
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) length);
  cmark_node *document = cmark_parse_document (valid, strlen (valid), CMARK_OPT_DEFAULT);
  cmark_iter *iter = cmark_iter_new (document);
  Walker w = { 0 };
  cmark_event_type event;

  w.flow = flow;
  w.lists = g_array_new (FALSE, FALSE, sizeof (ListState));
  w.quote_levels = g_array_new (FALSE, FALSE, sizeof (guint));
  w.inline_text = g_string_new (NULL);

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (type >= CMARK_NODE_FIRST_INLINE && type <= CMARK_NODE_LAST_INLINE)
        on_inline (&w, node, event);
      else
        on_block (&w, node, event);
    }

  cmark_iter_free (iter);
  cmark_node_free (document);
  g_array_unref (w.lists);
  g_array_unref (w.quote_levels);
  g_string_free (w.inline_text, TRUE);
  g_free (w.marker);
}
