/* sp-text.h: text as the core stores it, and as searches see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_text_normalize (const char *text);
char *sp_text_fold      (const char *text);

G_END_DECLS
