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

/* The members of @year or of one of its two plan years, in order, each with
 * its key for @year. */
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
                          "WHERE (m.from_year IS NULL OR m.from_year <= ?1 + ?2) "
                          "AND (m.to_year IS NULL OR m.to_year >= ?1) "
                          "ORDER BY m.position, m.id",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, SP_PLAN_YEARS - 1);
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
      /* Outside its membership a member owes nothing: its amount stays not
       * set, so that a table shows it empty rather than 0. */
      if (!sp_contribution_is_member (c, year))
        continue;
      c->amount[column] = 0;
      if (!c->pays_own_share)
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
  if (kind == SP_MEMBER_KIND_MUNICIPALITY && key == SP_ALLOCATION_KEY_PERCENTAGE && key_total == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("The municipalities’ percentages for %d are all 0 %%, so their share cannot be divided."),
                   year);
      return FALSE;
    }

  /* The budget year's percentages must make 100 %. A plan year whose
   * municipalities differ (one joins or leaves) weighs its members by the
   * same percentages, so that the year's whole part is split among them. */
  if (kind == SP_MEMBER_KIND_MUNICIPALITY && key == SP_ALLOCATION_KEY_PERCENTAGE &&
      column == 0 && key_total != SP_SHARE_WHOLE)
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
 * sp_contribution_is_member:
 * @year: a year
 *
 * Returns: whether @contribution's member is a member in @year
 */
gboolean
sp_contribution_is_member (const SpContribution *contribution,
                           int                   year)
{
  return (contribution->from_year == 0 || contribution->from_year <= year) &&
         (contribution->to_year == 0 || contribution->to_year >= year);
}

/**
 * sp_contribution_dup_membership_note:
 * @year: the budget year of the table the member is listed in
 *
 * Says why a member has no amount for some of @year and its plan years: it
 * joins in a later year, or its membership ends before the last one.
 *
 * Returns: (transfer full) (nullable): "member from 2010", "member until 2009",
 *   or %NULL when the member is a member through all three years
 */
char *
sp_contribution_dup_membership_note (const SpContribution *contribution,
                                     int                   year)
{
  int last = year + SP_PLAN_YEARS - 1;
  gboolean joins = contribution->from_year > year;
  gboolean leaves = contribution->to_year != 0 && contribution->to_year < last;

  if (joins && leaves)
    /* Translators: a member's note in the table of contributions: "member 2010–2010" */
    return g_strdup_printf (_("member %d–%d"), contribution->from_year, contribution->to_year);
  if (joins)
    /* Translators: a member's note in the table of contributions, the year it joins */
    return g_strdup_printf (_("member from %d"), contribution->from_year);
  if (leaves)
    /* Translators: a member's note in the table of contributions, the last year of its membership */
    return g_strdup_printf (_("member until %d"), contribution->to_year);
  return NULL;
}

/**
 * sp_contribution_dup_label:
 * @year: the budget year of the table the member is listed in
 *
 * Returns: (transfer full): the member's name, with its membership note
 *   (sp_contribution_dup_membership_note()) in brackets where it has one
 */
char *
sp_contribution_dup_label (const SpContribution *contribution,
                           int                   year)
{
  g_autofree char *note = sp_contribution_dup_membership_note (contribution, year);

  if (note == NULL)
    return g_strdup (contribution->name);
  /* Translators: a member's name and its membership note: "Köpings kommun (member from 2011)" */
  return g_strdup_printf (_("%s (%s)"), contribution->name, note);
}

/* The contributions stored when @year was adopted, or an empty array when
 * it was adopted before they were stored. */
static GPtrArray *
load_adopted (SpDatabase  *database,
              int          year,
              GError     **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_contribution_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = sp_edit_prepare (database,
                          "SELECT coalesce (member_id, 0), name, kind, pays_own_share, "
                          "coalesce (from_year, 0), coalesce (to_year, 0), coalesce (key_value, -1), "
                          "amount, amount_plan1, amount_plan2 "
                          "FROM adopted_contribution WHERE year = ?1 ORDER BY position",
                          error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SpContribution *c = g_new0 (SpContribution, 1);

      c->member_id = sqlite3_column_int64 (stmt, 0);
      c->name = g_strdup (sp_edit_column_text (stmt, 1));
      sp_member_kind_from_string (sp_edit_column_text (stmt, 2), &c->kind);
      c->pays_own_share = sqlite3_column_int (stmt, 3) != 0;
      c->from_year = sqlite3_column_int (stmt, 4);
      c->to_year = sqlite3_column_int (stmt, 5);
      c->key_value = sqlite3_column_int64 (stmt, 6);
      for (guint i = 0; i < SP_PLAN_YEARS; i++)
        c->amount[i] = sqlite3_column_type (stmt, 7 + (int) i) == SQLITE_NULL
          ? SP_MONEY_NOT_SET : sqlite3_column_int64 (stmt, 7 + (int) i);
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

static GPtrArray *
compute_now (SpDatabase  *database,
             SpPlanYear  *plan_year,
             GError     **error)
{
  int year = sp_plan_year_get_year (plan_year);
  SpAllocationKey key = sp_plan_year_get_allocation_key (plan_year);
  g_autoptr(GPtrArray) members = load_members (database, year, key, error);

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

/**
 * sp_contributions_compute:
 * @year: the budget year
 *
 * Computes every member's contribution for @year and its two plan years. The
 * members listed are those of any of the three years, and each year is split
 * among that year's members: a member that joins in a plan year, or has left
 * before one, has its amounts for the years outside its membership not set. One
 * that does not pay its own share is listed with 0. Where a year's frame is not
 * set, its amounts are not set.
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

  if (plan_year == NULL)
    return NULL;
  if (sp_plan_year_is_adopted (plan_year))
    {
      g_autoptr(GPtrArray) adopted = load_adopted (database, year, error);

      if (adopted == NULL)
        return NULL;
      if (adopted->len > 0)
        return g_steal_pointer (&adopted);
    }
  return compute_now (database, plan_year, error);
}

/**
 * sp_contributions_compute_by_member:
 * @year: a budget year
 *
 * The contributions of @year by member, to stand beside another year's
 * (last year's contribution and the change). A year without a plan, or whose
 * contributions cannot be computed, gives an empty table; members deleted
 * since an adoption (no id) are left out.
 *
 * Returns: (transfer full) (element-type gint64 SpContribution): the table,
 *   keyed by a pointer to each contribution's member id
 */
GHashTable *
sp_contributions_compute_by_member (SpDatabase *database,
                                    int         year)
{
  g_autoptr(GPtrArray) all = sp_contributions_compute (database, year, NULL);
  GHashTable *by_member = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                 (GDestroyNotify) sp_contribution_free);

  if (all == NULL)
    return by_member;
  g_ptr_array_set_free_func (all, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SpContribution *c = g_ptr_array_index (all, i);

      if (c->member_id != 0 && !g_hash_table_contains (by_member, &c->member_id))
        g_hash_table_insert (by_member, &c->member_id, c);
      else
        sp_contribution_free (c);
    }
  return by_member;
}

/**
 * sp_contributions_are_adopted:
 * @year: a budget year
 *
 * Returns: whether @year's contributions are those stored when the board
 *   adopted it, which no later change of members or populations alters
 */
gboolean
sp_contributions_are_adopted (SpDatabase *database,
                              int         year)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database,
                                        "SELECT count(*) FROM adopted_contribution a "
                                        "JOIN plan_year y ON y.year = a.year "
                                        "WHERE a.year = ?1 AND y.status = 'adopted'", NULL);
  gboolean adopted = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    adopted = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);
  return adopted;
}

/**
 * sp_contributions_store_adopted:
 * @year: the year being adopted, still a draft
 *
 * Within an edit, stores @year's contributions as they are now, so that they
 * stay as adopted. A year whose contributions cannot be computed (a
 * population not set) stores none and keeps following today's figures.
 *
 * Returns: %FALSE with @error set only when the database fails
 */
gboolean
sp_contributions_store_adopted (SpDatabase  *database,
                                int          year,
                                GError     **error)
{
  g_autoptr(SpPlanYear) plan_year = sp_plan_year_load (database, year, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) not_computed = NULL;
  sqlite3_stmt *stmt;

  if (plan_year == NULL)
    return FALSE;
  members = compute_now (database, plan_year, &not_computed);
  if (members == NULL)
    return TRUE;
  stmt = sp_edit_prepare (database,
                          "INSERT INTO adopted_contribution (year, position, member_id, name, kind, "
                          "pays_own_share, from_year, to_year, key_value, amount, amount_plan1, amount_plan2) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                          error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      const SpContribution *c = g_ptr_array_index (members, i);

      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, c->member_id);
      sqlite3_bind_text (stmt, 4, c->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, sp_member_kind_to_string (c->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 6, c->pays_own_share ? 1 : 0);
      sp_edit_bind_optional (stmt, 7, c->from_year != 0, c->from_year);
      sp_edit_bind_optional (stmt, 8, c->to_year != 0, c->to_year);
      sp_edit_bind_optional (stmt, 9, c->key_value >= 0, c->key_value);
      for (guint y = 0; y < SP_PLAN_YEARS; y++)
        sp_edit_bind_optional (stmt, 10 + (int) y, c->amount[y] != SP_MONEY_NOT_SET, c->amount[y]);
      if (!sp_edit_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * sp_contributions_forget_adopted:
 * @year: the year being re-opened
 *
 * Within an edit, drops the contributions stored when @year was adopted:
 * a re-opened year follows today's members and populations again.
 *
 * Returns: %FALSE with @error set when the database fails
 */
gboolean
sp_contributions_forget_adopted (SpDatabase  *database,
                                 int          year,
                                 GError     **error)
{
  sqlite3_stmt *stmt = sp_edit_prepare (database, "DELETE FROM adopted_contribution WHERE year = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  return sp_edit_step_done (database, stmt, error);
}
