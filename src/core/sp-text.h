/* sp-text.h: text as the core stores it, and as searches see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sp_text_normalize (const char *text);
char *sp_text_fold      (const char *text);
gboolean sp_text_is_invisible (gunichar c);
char *sp_text_strip_invisible (const char *text);
char *sp_text_clean_name (const char  *text,
                          const char  *what,
                          GError     **error);
gboolean sp_text_parse_count (const char  *text,
                              const char  *what,
                              gint64      *out_value,
                              GError     **error);

G_END_DECLS
