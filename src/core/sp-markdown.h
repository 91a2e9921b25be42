/* sp-markdown.h: section text as CommonMark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_markdown_escape   (const char *text);
char *sp_markdown_to_plain (const char *markdown);

G_END_DECLS
