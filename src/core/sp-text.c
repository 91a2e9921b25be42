/* sp-text.c: text as the core stores it, and as searches see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-edit-private.h"
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
