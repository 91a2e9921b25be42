/* sp-error.h: why an edit was refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_ERROR (sp_error_quark ())

/**
 * SpError:
 * @SP_ERROR_INVALID: the input is not acceptable (the message says why)
 * @SP_ERROR_DUPLICATE: the name is taken
 * @SP_ERROR_LOCKED: the year is adopted; re-open it to change it
 * @SP_ERROR_NOT_FOUND: the thing to change no longer exists
 * @SP_ERROR_IN_USE: the thing is used elsewhere (the message says where)
 * @SP_ERROR_CONFLICT: another program changed the same data since; an undo
 *   or a redo would overwrite that change
 *
 * An error of this domain may also name the field it is about, as the name of
 * the record's property ("name", "population", "from-year", "office", …):
 * sp_error_get_field(). Editors that save several fields at once mark that
 * field instead of guessing from the input.
 */
typedef enum {
  SP_ERROR_INVALID,
  SP_ERROR_DUPLICATE,
  SP_ERROR_LOCKED,
  SP_ERROR_NOT_FOUND,
  SP_ERROR_IN_USE,
  SP_ERROR_CONFLICT,
} SpError;

GQuark      sp_error_quark     (void);

void        sp_error_set_field (GError       **error,
                                const char    *field);
const char *sp_error_get_field (const GError  *error);

G_END_DECLS
