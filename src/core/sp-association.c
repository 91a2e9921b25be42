/* sp-association.c: the förbund itself: name, organisation number, address
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-association.h"
#include "sp-edit-private.h"
#include "sp-text.h"

void
sp_association_free (SpAssociation *association)
{
  if (association == NULL)
    return;
  g_free (association->name);
  g_free (association->org_number);
  g_free (association->address);
  g_free (association);
}

/**
 * sp_association_load:
 *
 * Returns: (transfer full) (nullable): the förbund's details; empty strings
 *   where nothing was entered
 */
SpAssociation *
sp_association_load (SpDatabase  *database,
                     GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT name, org_number, address FROM association WHERE id = 1",
                                        error);
  SpAssociation *association;

  if (stmt == NULL)
    return NULL;
  association = g_new0 (SpAssociation, 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      association->name = g_strdup (sp_edit_column_text (stmt, 0));
      association->org_number = g_strdup (sp_edit_column_text (stmt, 1));
      association->address = g_strdup (sp_edit_column_text (stmt, 2));
    }
  else
    {
      association->name = g_strdup ("");
      association->org_number = g_strdup ("");
      association->address = g_strdup ("");
    }
  sqlite3_reset (stmt);
  return association;
}

/**
 * sp_association_check_org_number:
 * @text: what the user typed: "222000-1479", "2220001479" or ""
 *
 * A Swedish organisation number is ten digits, written nnnnnn-nnnn, whose
 * last digit is a Luhn check digit. An empty text is allowed (not known yet).
 *
 * Returns: (transfer full) (nullable): the number as nnnnnn-nnnn, or "" —
 *   or %NULL with @error saying what is wrong
 */
char *
sp_association_check_org_number (const char  *text,
                                  GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  char digits[11] = { 0 };
  guint n = 0;
  int sum = 0;

  if (stripped[0] == '\0')
    return g_strdup ("");

  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && n < 10)
        digits[n++] = *p;
      else if (*p == '-' && n == 6 && p == stripped + 6)
        continue;
      else
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       _("“%s” is not an organisation number. Write it as ten digits, nnnnnn-nnnn."),
                       stripped);
          return NULL;
        }
    }
  if (n != 10)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("“%s” is not an organisation number. Write it as ten digits, nnnnnn-nnnn."),
                   stripped);
      return NULL;
    }

  for (guint i = 0; i < 10; i++)
    {
      int d = (digits[i] - '0') * (i % 2 == 0 ? 2 : 1);
      sum += d > 9 ? d - 9 : d;
    }
  if (sum % 10 != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The organisation number %.6s-%.4s has a wrong check digit. Check it for a typing error."),
                   digits, digits + 6);
      return NULL;
    }
  return g_strdup_printf ("%.6s-%.4s", digits, digits + 6);
}

typedef struct {
  const char *name;
  const char *org_number;
  const char *address;
} AssociationEdit;

static gboolean
do_update (SpDatabase  *database,
           gpointer     user_data,
           GError     **error)
{
  AssociationEdit *edit = user_data;
  g_autofree char *name = sp_text_clean_name (edit->name, _("The name of the coordination association"), error);
  g_autofree char *org_number = NULL;
  g_autofree char *address = NULL;
  sqlite3_stmt *stmt;

  if (name == NULL)
    return FALSE;
  org_number = sp_association_check_org_number (edit->org_number, error);
  if (org_number == NULL)
    return FALSE;
  address = sp_edit_clean_text (edit->address != NULL ? edit->address : "", 1000, error);
  if (address == NULL)
    return FALSE;

  stmt = sp_edit_prepare (database,
                          "INSERT INTO association (id, name, org_number, address) VALUES (1, ?1, ?2, ?3) "
                          "ON CONFLICT (id) DO UPDATE SET name = ?1, org_number = ?2, address = ?3",
                          error);
  if (stmt == NULL)
    return FALSE;
  sp_edit_bind_text (stmt, 1, name);
  sp_edit_bind_text (stmt, 2, org_number);
  sp_edit_bind_text (stmt, 3, address);
  return sp_edit_step_done (database, stmt, error);
}

/**
 * sp_association_update:
 * @address: (nullable): address lines separated by newlines
 *
 * Changes the förbund's details as one undoable edit.
 */
gboolean
sp_association_update (SpDatabase  *database,
                       const char  *name,
                       const char  *org_number,
                       const char  *address,
                       GError     **error)
{
  AssociationEdit edit = { name, org_number, address };

  return sp_edit_run (database, _("Change the association’s details"), do_update, &edit, error);
}

/**
 * sp_association_load_logo:
 *
 * Returns: (transfer full) (nullable): the förbund's logo as PNG bytes, or
 *   %NULL (without an error) when none is set
 */
GBytes *
sp_association_load_logo (SpDatabase  *database,
                          GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "SELECT png FROM association_logo WHERE id = 1", error);
  GBytes *logo = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gsize size = 0;
      guchar *png = g_base64_decode (sp_edit_column_text (stmt, 0), &size);

      logo = g_bytes_new_take (png, size);
    }
  sqlite3_reset (stmt);
  return logo;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/**
 * sp_association_check_logo:
 *
 * A logo is a PNG file (its signature and its header chunk with a sane
 * size) of at most %SP_LOGO_MAX_BYTES. Whether its pixels decode is for the
 * window (which reads it with gdk-pixbuf) and the document (cairo) to see.
 */
gboolean
sp_association_check_logo (GBytes  *png,
                           GError **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  gsize size = 0;
  const guint8 *data = png != NULL ? g_bytes_get_data (png, &size) : NULL;
  guint32 width, height;

  if (size > SP_LOGO_MAX_BYTES)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The logo is too large: at most %d MB."), SP_LOGO_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (size < 33 || memcmp (data, signature, sizeof signature) != 0 || memcmp (data + 12, "IHDR", 4) != 0)
    {
      g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID,
                           _("The logo is not a PNG or JPEG image."));
      return FALSE;
    }
  width = read_be32 (data + 16);
  height = read_be32 (data + 20);
  if (width == 0 || height == 0 || width > SP_LOGO_MAX_PIXELS || height > SP_LOGO_MAX_PIXELS)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The logo must be at most %d pixels wide and high."), SP_LOGO_MAX_PIXELS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
do_set_logo (SpDatabase  *database,
             gpointer     user_data,
             GError     **error)
{
  GBytes *png = user_data;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (png != NULL && !sp_association_check_logo (png, error))
    return FALSE;
  if (png == NULL)
    stmt = sp_edit_prepare (database, "DELETE FROM association_logo", error);
  else
    stmt = sp_edit_prepare (database,
                            "INSERT INTO association_logo (id, png) VALUES (1, ?1) "
                            "ON CONFLICT (id) DO UPDATE SET png = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  if (png != NULL)
    {
      text = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
      sp_edit_bind_text (stmt, 1, text);
    }
  return sp_edit_step_done (database, stmt, error);
}

/**
 * sp_association_set_logo:
 * @png: (nullable): the logo as PNG bytes, %NULL to remove it
 *
 * Sets or removes the förbund's logo as one undoable edit; anything but a
 * PNG file within the limits is refused.
 */
gboolean
sp_association_set_logo (SpDatabase  *database,
                         GBytes      *png,
                         GError     **error)
{
  return sp_edit_run (database, png != NULL ? _("Change the association’s logo") : _("Remove the association’s logo"),
                      do_set_logo, png, error);
}

/**
 * sp_association_is_new:
 *
 * Returns: %TRUE for a database with nothing in it yet: no name, no members,
 *   no plan year (the window then offers to start)
 */
gboolean
sp_association_is_new (SpDatabase *database)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM plan_year)"
                                        " + (SELECT count(*) FROM association WHERE name != '')",
                                        NULL);
  gint64 n = 1;

  if (stmt == NULL || !sp_edit_query_int64 (database, stmt, &n, NULL))
    return FALSE;
  return n == 0;
}

/* The column of association that holds @kind's revenue account. */
static const char *
revenue_account_column (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return "revenue_account_state";
    case SP_MEMBER_KIND_REGION:
      return "revenue_account_region";
    case SP_MEMBER_KIND_MUNICIPALITY:
    default:
      return "revenue_account_municipalities";
    }
}

typedef struct {
  SpMemberKind kind;
  guint        account;
} RevenueAccountEdit;

static gboolean
do_set_revenue_account (SpDatabase  *database,
                        gpointer     user_data,
                        GError     **error)
{
  RevenueAccountEdit *edit = user_data;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n = 0;

  stmt = sp_edit_prepare (database, "SELECT count(*) FROM account WHERE number = ?1 AND kind = 'revenue'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->account);
  if (!sp_edit_query_int64 (database, stmt, &n, error))
    return FALSE;
  if (n == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   /* Translators: %u is an account number, %s a kind of member ("Kommun") */
                   _("Account %u is not a revenue account of the chart, so the contributions of “%s” cannot be booked on it."),
                   edit->account, sp_member_kind_get_label (edit->kind));
      return FALSE;
    }
  sql = g_strdup_printf ("UPDATE association SET %s = ?1 WHERE id = 1", revenue_account_column (edit->kind));
  stmt = sp_edit_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, edit->account);
  return sp_edit_step_done (database, stmt, error);
}

/**
 * sp_association_get_revenue_account:
 * @kind: a kind of payer
 *
 * The förbund's revenue account for the contributions of the members of
 * @kind: those of the budget's revenue that are derived from the frame
 * (sp-budget-revenue.h). 3510, 3520 and 3530 unless changed.
 *
 * Returns: the account number, or 0 when none is set
 */
guint
sp_association_get_revenue_account (SpDatabase   *database,
                                    SpMemberKind  kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (%s, 0) FROM association WHERE id = 1",
                                          revenue_account_column (kind));
  sqlite3_stmt *stmt = sp_edit_prepare (database, sql, NULL);
  gint64 account = 0;

  if (stmt == NULL || !sp_edit_query_int64 (database, stmt, &account, NULL))
    return 0;
  return (guint) account;
}

/**
 * sp_association_set_revenue_account:
 * @kind: a kind of payer
 * @account: a revenue account of the chart
 *
 * Books the contributions of the members of @kind on @account from now on,
 * in every year, as one undoable edit. Anything but a revenue account is
 * refused.
 */
gboolean
sp_association_set_revenue_account (SpDatabase    *database,
                                    SpMemberKind   kind,
                                    guint          account,
                                    GError       **error)
{
  RevenueAccountEdit edit = { kind, account };

  g_return_val_if_fail (kind <= SP_MEMBER_KIND_MUNICIPALITY, FALSE);

  if (account == sp_association_get_revenue_account (database, kind))
    return TRUE;
  return sp_edit_run (database, _("Change the account of the contributions"), do_set_revenue_account, &edit, error);
}

typedef struct {
  const char *name;
  int         year;
} StartEdit;

static gboolean
do_start (SpDatabase  *database,
          gpointer     user_data,
          GError     **error)
{
  StartEdit *edit = user_data;
  AssociationEdit details = { edit->name, "", "" };
  sqlite3_stmt *stmt;

  if (!sp_edit_check_year (edit->year, error) || !do_update (database, &details, error))
    return FALSE;
  stmt = sp_edit_prepare (database, "INSERT INTO plan_year (year) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, edit->year);
  return sp_edit_step_done (database, stmt, error);
}

/**
 * sp_association_start:
 * @name: the förbund's name
 * @first_year: the first year to plan
 *
 * Names a new förbund and creates its first plan year, as one edit.
 */
gboolean
sp_association_start (SpDatabase  *database,
                      const char  *name,
                      int          first_year,
                      GError     **error)
{
  StartEdit edit = { name, first_year };

  return sp_edit_run (database, _("Create the association"), do_start, &edit, error);
}
