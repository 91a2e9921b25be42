/* sp-error.c: why an edit was refused, and which field it is about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-error.h"

/* The field travels inside the GError (an extended error domain), so that a
 * refusal keeps it when it is copied or propagated. */
typedef struct {
  const char *field;  /* interned */
} SpErrorPrivate;

/* GLib hands these the error's private part; the checks for NULL only keep
 * -Wnull-dereference quiet where GLib's macro inlines them. */
static void
sp_error_private_init (SpErrorPrivate *priv)
{
  if (priv != NULL)
    priv->field = NULL;
}

static void
sp_error_private_copy (const SpErrorPrivate *src,
                       SpErrorPrivate       *dest)
{
  if (src != NULL && dest != NULL)
    dest->field = src->field;
}

static void
sp_error_private_clear (SpErrorPrivate *priv)
{
  if (priv != NULL)
    priv->field = NULL;
}

G_DEFINE_EXTENDED_ERROR (SpError, sp_error)

/**
 * sp_error_set_field:
 * @error: (nullable): where the refusal was stored, as the caller's @error
 * @field: the name of the field the refusal is about (a property name)
 *
 * Names the field of a refusal in the %SP_ERROR domain. Nothing happens when
 * @error is %NULL, holds no error or one of another domain.
 */
void
sp_error_set_field (GError     **error,
                    const char  *field)
{
  SpErrorPrivate *priv;

  if (error == NULL || *error == NULL)
    return;
  priv = sp_error_get_private (*error);
  if (priv != NULL)
    priv->field = g_intern_string (field);
}

/**
 * sp_error_get_field:
 * @error: a refusal
 *
 * Returns: (nullable): the field the core named for @error, or %NULL
 */
const char *
sp_error_get_field (const GError *error)
{
  SpErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);
  priv = sp_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}
