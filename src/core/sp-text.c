/* sp-text.c: text as the core stores it, and as searches see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-edit-private.h"
#include "sp-error.h"
#include "sp-text.h"

/**
 * sp_text_normalize:
 * @text: (nullable): a free text, such as a section of the plan
 *
 * @text as the core stores a free text: plain line ends ("\n") and Unicode
 * normalised (NFC), so that a widget can tell its own text from a change
 * that came from the database.
 *
 * Returns: (transfer full) (nullable): the stored form, or %NULL when the
 *   core refuses @text (not UTF-8, or control characters)
 */
char *
sp_text_normalize (const char *text)
{
  return sp_edit_clean_text (text, G_MAXSIZE, NULL);
}

/**
 * sp_text_fold:
 * @text: (nullable): any text
 *
 * @text as searches and name comparisons see it: compatibility forms
 * composed (NFKC), then case folded, so that "ÅSA", "åsa" and a decomposed
 * "a\u030asa" are the same. Both sides of a comparison go through this.
 *
 * Returns: (transfer full): the folded text, "" for %NULL
 */
char *
sp_text_fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : "", -1);

  /* Case folding can decompose (e.g. "İ" to "i" + U+0307). */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);
}

/**
 * sp_text_is_invisible:
 *
 * Whether @c shows nothing: white space, or a zero-width space, joiner or
 * non-joiner, a word joiner or a byte order mark (U+FEFF), which
 * g_unichar_isspace() does not count.
 */
gboolean
sp_text_is_invisible (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200b || c == 0x200c || c == 0x200d || c == 0x2060 ||
         c == 0xfeff || c == 0x180e;
}

/**
 * sp_text_strip_invisible:
 * @text: (nullable): a name as typed
 *
 * @text without the invisible characters (sp_text_is_invisible()) at its
 * start and end, so that a name of only such characters is empty. Text
 * that is not UTF-8 is returned as it is, for the caller to refuse.
 *
 * Returns: (transfer full) (nullable): the text, %NULL for %NULL
 */
char *
sp_text_strip_invisible (const char *text)
{
  const char *start = text;
  const char *end;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  while (*start != '\0' && sp_text_is_invisible (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = start + strlen (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!sp_text_is_invisible (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

/* Whether @c separates groups of digits: a space, a no-break or a thin space. */
static gboolean
is_group_separator (gunichar c)
{
  return c == ' ' || c == 0x00a0 || c == 0x202f || c == 0x2009;
}

/**
 * sp_text_parse_count:
 * @text: (nullable): a count as typed, e.g. of participants
 * @what: names the field in the message, e.g. "Women"
 * @out_value: (out): the count
 *
 * A whole number from 0 to %G_MAXINT; empty is 0. Digits may be grouped by
 * three with spaces, as amounts are ("1 000"). A number too large is called
 * so, not "not a whole number".
 */
gboolean
sp_text_parse_count (const char  *text,
                     const char  *what,
                     gint64      *out_value,
                     GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean grouped = FALSE, valid = g_utf8_validate (stripped, -1, NULL);
  guint since_separator = 0;
  guint64 value = 0;

  if (stripped[0] == '\0')
    {
      *out_value = 0;
      return TRUE;
    }
  for (const char *p = stripped; valid && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          g_string_append_c (digits, (char) c);
          since_separator++;
        }
      else if (is_group_separator (c) && since_separator > 0 && (!grouped || since_separator == 3))
        {
          grouped = TRUE;
          since_separator = 0;
        }
      else
        valid = FALSE;
    }
  if (grouped && since_separator != 3)
    valid = FALSE;
  if (!valid || digits->len == 0)
    {
      /* Translators: %s names the field, e.g. "Women"; the text is "12,5" or "-3" */
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s: “%s” is not a whole number of 0 or more."), what, stripped);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT, &value, NULL))
    {
      g_autofree char *max = g_strdup_printf ("%'d", G_MAXINT);
      /* Translators: %s names the field, e.g. "Women"; then the text typed and the largest number */
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s: “%s” is too large: at most %s."), what, stripped, max);
      return FALSE;
    }
  *out_value = (gint64) value;
  return TRUE;
}

/**
 * sp_text_clean_name:
 * @what: (nullable): what is named, for the message
 *
 * A name as the core stores it (sp_edit_clean_name()), after the invisible
 * characters around it are gone (sp_text_strip_invisible()): a name of only
 * zero-width spaces is as empty as one of spaces.
 *
 * Returns: (transfer full) (nullable): the name to store
 */
char *
sp_text_clean_name (const char  *text,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *visible = sp_text_strip_invisible (text);

  return sp_edit_clean_name (visible, what, error);
}
