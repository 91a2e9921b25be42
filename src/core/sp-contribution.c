/* sp-contribution.c: what each member pays for a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lag (2003:1210): the state pays half (through Försäkringskassan), the region
 * a quarter and the municipalities a quarter; the shares are kept per year in
 * case the law changes. The frame is first split over the three parts, then
 * each part over the members of its kind that pay it: the state's and the
 * region's evenly, the municipalities' by the year's key. Every split is the
 * largest-remainder method in whole kronor, so every total is met exactly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-allocation.h"
#include "sp-contribution.h"
#include "sp-edit-private.h"

#define WHOLE_KRONA SP_MONEY_ORE_PER_KR

void
sp_contribution_free (SpContribution *contribution)
{
  if (contribution == NULL)
    return;
  g_free (contribution->name);
  g_free (contribution);
}

/* The members of @year, in order, each with its key for @year. */
static GPtrArray *
load_members (SpDatabase       *database,
              int               year,
              SpAllocationKey   key,
              GError          **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_contribution_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT m.id, m.name, m.kind, m.pays_own_share, m.population, k.percentage, k.amount, "
                          "coalesce (m.from_year, 0), coalesce (m.to_year, 0) "
                          "FROM member m LEFT JOIN member_key k ON k.member_id = m.id AND k.year = ?1 "
                          "WHERE (m.from_year IS NULL OR m.from_year <= ?1) "
                          "AND (m.to_year IS NULL OR m.to_year >= ?1) "
                          "ORDER BY m.position, m.id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpContribution *c = g_new0 (SpContribution, 1);
      int key_column = key == SP_ALLOCATION_KEY_POPULATION ? 4 : key == SP_ALLOCATION_KEY_PERCENTAGE ? 5 : 6;

      c->member_id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup (sp_edit_column_text (stmt, 1));
      sp_member_kind_from_string (sp_edit_column_text (stmt, 2), &c->kind);
      c->pays_own_share = sqlite3_column_int (stmt, 3) != 0;
      c->from_year = sqlite3_column_int (stmt, 7);
      c->to_year = sqlite3_column_int (stmt, 8);
      c->key_value = -1;
      if (c->kind == SP_MEMBER_KIND_MUNICIPALITY && sqlite3_column_type (stmt, key_column) != SQLITE_NULL)
        c->key_value = sqlite3_column_int64 (stmt, key_column);
      for (guint i = 0; i < SP_PLAN_YEARS; i++)
        c->amount[i] = SP_MONEY_NOT_SET;
      g_ptr_array_add (members, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      sp_database_set_sqlite_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&members);
}

static const char *
part_name (SpMemberKind kind)
{
  switch (kind)
    {
    case SP_MEMBER_KIND_STATE:
      return _("the state’s share");
    case SP_MEMBER_KIND_REGION:
      return _("the region’s share");
    default:
      return _("the municipalities’ share");
    }
}

/* Splits @part over the paying members of @kind; the others get 0. */
static gboolean
split_part (GPtrArray        *members,
            SpMemberKind      kind,
            SpAllocationKey   key,
            guint             column,
            SpMoney           part,
            int               year,
            GError          **error)
{
  g_autoptr(GArray) weights = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) payers = g_ptr_array_new ();
  g_autofree SpMoney *parts = NULL;
  gint64 key_total = 0;

  for (guint i = 0; i < members->len; i++)
    {
      SpContribution *c = g_ptr_array_index (members, i);
      gint64 weight = 1;

      if (c->kind != kind)
        continue;
      c->amount[column] = 0;
      /* Not charged in a plan year after the membership ends. */
      if (!c->pays_own_share || (c->to_year != 0 && c->to_year < year) ||
          (c->from_year != 0 && c->from_year > year))
        continue;

      if (kind == SP_MEMBER_KIND_MUNICIPALITY)
        {
          if (c->key_value < 0)
            {
              g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                           key == SP_ALLOCATION_KEY_POPULATION
                             ? _("The population of %s is not set, so the municipalities’ share cannot be divided.")
                             : key == SP_ALLOCATION_KEY_PERCENTAGE
                             ? _("The percentage of %s for %d is not set, so the municipalities’ share cannot be divided.")
                             : _("The fixed amount of %s for %d is not set, so the municipalities’ share cannot be divided."),
                           c->name, year);
              return FALSE;
            }
          weight = c->key_value;
          key_total += weight;
        }
      g_array_append_val (weights, weight);
      g_ptr_array_add (payers, c);
    }

  if (payers->len == 0)
    {
      if (part == 0)
        return TRUE;
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("No member pays %s for %d."), part_name (kind), year);
      return FALSE;
    }

  if (kind == SP_MEMBER_KIND_MUNICIPALITY && key == SP_ALLOCATION_KEY_PERCENTAGE &&
      key_total != SP_SHARE_WHOLE)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The municipalities’ percentages for %d add up to %d,%02d %%, not 100 %%."),
                   year, (int) (key_total / 100), (int) (key_total % 100));
      return FALSE;
    }

  if (kind == SP_MEMBER_KIND_MUNICIPALITY && key == SP_ALLOCATION_KEY_FIXED)
    {
      if (key_total != part)
        {
          g_autofree char *sum = sp_money_format (key_total, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          g_autofree char *wanted = sp_money_format (part, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                       _("The municipalities’ fixed amounts for %d add up to %s, but their share of the frame is %s."),
                       year, sum, wanted);
          return FALSE;
        }
      for (guint i = 0; i < payers->len; i++)
        ((SpContribution *) g_ptr_array_index (payers, i))->amount[column] = g_array_index (weights, gint64, i);
      return TRUE;
    }

  parts = g_new0 (SpMoney, payers->len);
  if (!sp_allocate (part, (const gint64 *) weights->data, payers->len, WHOLE_KRONA, parts, error))
    return FALSE;
  for (guint i = 0; i < payers->len; i++)
    ((SpContribution *) g_ptr_array_index (payers, i))->amount[column] = parts[i];
  return TRUE;
}

/**
 * sp_contributions_compute:
 * @year: the budget year
 *
 * Computes every member's contribution for @year and its two plan years. The
 * members listed are those of @year; one that does not pay its own share is
 * listed with 0. Where a year's frame is not set, its amounts are not set.
 *
 * Returns: (transfer full) (element-type SpContribution): the contributions,
 *   or %NULL with @error saying why they cannot be computed
 */
GPtrArray *
sp_contributions_compute (SpDatabase  *database,
                          int          year,
                          GError     **error)
{
  g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (database, year, error);
  g_autoptr(GPtrArray) members = NULL;
  SpAllocationKey key;

  if (plan_year == NULL)
    return NULL;
  key = sp_plan_year_get_allocation_key (plan_year);
  members = load_members (database, year, key, error);
  if (members == NULL)
    return NULL;

  for (guint column = 0; column < SP_PLAN_YEARS; column++)
    {
      SpMoney frame = sp_plan_year_get_frame (plan_year, column);
      gint64 shares[3] = {
        sp_plan_year_get_share_state (plan_year),
        sp_plan_year_get_share_region (plan_year),
        sp_plan_year_get_share_municipalities (plan_year),
      };
      SpMoney parts[3];

      if (frame == SP_MONEY_NOT_SET)
        continue;

      /* Whole kronor; a frame with öre has them placed by the largest remainder too. */
      if (!sp_allocate (frame, shares, 3, WHOLE_KRONA, parts, error) ||
          !split_part (members, SP_MEMBER_KIND_STATE, key, column, parts[0], year + column, error) ||
          !split_part (members, SP_MEMBER_KIND_REGION, key, column, parts[1], year + column, error) ||
          !split_part (members, SP_MEMBER_KIND_MUNICIPALITY, key, column, parts[2], year + column, error))
        return NULL;
    }

  return g_steal_pointer (&members);
}
