/* sp-plan-import-read.c: a plan text's bytes as text (SpPlanImport)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The encoding (UTF-8, or Windows-1252 as Word's "save as text" writes it),
 * the line ends, whether the text is meant as Markdown, and Word's way of
 * indenting a list's sub-items.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-error.h"
#include "sp-plan-import-private.h"

/* Windows-1252, bytes 0x80–0x9f; 0 where the code page has no character. */
static const gunichar cp1252_high[32] = {
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* The file's text as UTF-8 with plain line ends, or NULL with @error. */
char *
sp_plan_import_decode (const char  *data,
                       gsize        length,
                       const char  *name,
                       char       **encoding,
                       GError     **error)
{
  g_autofree char *text = NULL;
  GString *out;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("“%s” is not a text file. Save the plan as text (.txt) or Markdown (.md) first."), name);
      return NULL;
    }
  if (g_utf8_validate (data, length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      text = g_strndup (data, length);
    }
  else
    {
      guint line = 1;

      out = g_string_sized_new (length + length / 8);
      for (gsize i = 0; i < length; i++)
        {
          guchar b = data[i];

          if (b == '\n')
            line++;
          if (b < 0x80 || b >= 0xa0)
            g_string_append_unichar (out, b);
          else if (cp1252_high[b - 0x80] != 0)
            g_string_append_unichar (out, cp1252_high[b - 0x80]);
          else
            {
              g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                           _("“%s”, line %u: the text is neither UTF-8 nor Windows-1252 (byte 0x%02X)."),
                           name, line, b);
              g_string_free (out, TRUE);
              return NULL;
            }
        }
      *encoding = g_strdup ("Windows-1252");
      text = g_string_free (out, FALSE);
    }

  /* Windows and old Mac line ends made plain. */
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Headings, emphasis: the text is meant as Markdown. */
gboolean
sp_plan_import_looks_like_markdown (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^#{1,6}[ \\t]|\\*\\*[^\\s*]|(^|[\\s(])\\*[^\\s*][^*\\n]*\\*"
                                         "|(^|[\\s(])_[^\\s_][^_\\n]*_($|[\\s).,:;])",
                                         G_REGEX_MULTILINE, 0, NULL);

  return g_regex_match (regex, text, 0, NULL);
}

/* Word's text export indents a list's sub-item by one space, which in
 * CommonMark is still an item of the outer list: two make it nested. */
void
sp_plan_import_nest_sub_items (char **lines)
{
  gboolean in_list = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];
      gboolean item = (l[0] == '-' || l[0] == '*' || l[0] == '+') && l[1] == ' ';
      gboolean sub = l[0] == ' ' && (l[1] == '-' || l[1] == '*' || l[1] == '+') && l[2] == ' ';

      if (sub && in_list)
        {
          char *nested = g_strconcat (" ", l, NULL);

          g_free (lines[i]);
          lines[i] = nested;
        }
      if (item || sub)
        in_list = TRUE;
      else if (*l != '\0' && *l != ' ')
        in_list = FALSE;
    }
}
