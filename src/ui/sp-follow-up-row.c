/* sp-follow-up-row.c: one row of the follow-up table: a group, an area, a line or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sp_follow_up_row_sync_store() flattens a year's #SpFollowUp into these
 * rows, in the budget's order and with the budget table's kinds of row
 * (#SpBudgetRowKind): a group, its areas, their lines; the actuals that no
 * line takes under a heading of their own; then the totals. A row keeps its
 * identity (kind, id and account) across reloads, so that a typed forecast
 * updates the sums in place while the focus stays where it is.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-follow-up-row.h"

struct _SpFollowUpRow
{
  GObject          parent_instance;

  SpBudgetRowKind  kind;
  gint64           id;
  guint            account;
  char            *title;
  char            *account_name;
  SpBudgetRowSum   sum;
  SpMoney          amounts[SP_FOLLOW_UP_N_COLUMNS];
  guint            months;
  gboolean         forecast_typed;
};

G_DEFINE_FINAL_TYPE (SpFollowUpRow, sp_follow_up_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  SpBudgetRowKind kind;
  gint64          id;
  guint           account;
} RowKey;

/* ---- Helpers ------------------------------------------------------------ */

static SpFollowUpRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(SpFollowUpRow) row = g_list_model_get_item (model, position);
  return row; /* the store keeps it */
}

static void
sum_amounts (const SpFollowUpSum *sum,
             SpBudgetRowSum       what,
             SpMoney             *amounts)
{
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    amounts[c] = what == SP_BUDGET_ROW_SUM_REVENUE ? sum->revenue[c]
               : what == SP_BUDGET_ROW_SUM_COSTS ? sum->costs[c] : sum->result[c];
}

static void
add_line (SpFollowUpSum        *sum,
          const SpFollowUpLine *line)
{
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    {
      if (line->kind == SP_ACCOUNT_KIND_REVENUE)
        sum->revenue[c] += line->amount[c];
      else
        sum->costs[c] += line->amount[c];
      sum->result[c] = sum->revenue[c] - sum->costs[c];
    }
}

static const SpFollowUpSubtotal *
find_subtotal (const SpFollowUpSubtotal *subtotals,
               guint                     n,
               gint64                    id)
{
  for (guint i = 0; i < n; i++)
    if (subtotals[i].id == id)
      return &subtotals[i];
  return NULL;
}

static const char *
total_title (SpBudgetRowKind kind)
{
  switch (kind)
    {
    case SP_BUDGET_ROW_REVENUE:
      return _("Total revenue");
    case SP_BUDGET_ROW_COSTS:
      return _("Total costs");
    case SP_BUDGET_ROW_RESULT:
      return _("Result");
    case SP_BUDGET_ROW_EQUITY:
      return _("Equity used");
    case SP_BUDGET_ROW_GROUP:
    case SP_BUDGET_ROW_AREA:
    case SP_BUDGET_ROW_LINE:
    case SP_BUDGET_ROW_FRAME:
    default:
      return "";
    }
}

static gboolean
keys_match (GListModel *model,
            GArray     *keys)
{
  if (g_list_model_get_n_items (model) != keys->len)
    return FALSE;
  for (guint i = 0; i < keys->len; i++)
    {
      SpFollowUpRow *row = row_at (model, i);
      RowKey *key = &g_array_index (keys, RowKey, i);

      if (row->kind != key->kind || row->id != key->id || row->account != key->account)
        return FALSE;
    }
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_follow_up_row_finalize (GObject *object)
{
  SpFollowUpRow *self = SP_FOLLOW_UP_ROW (object);

  g_free (self->title);
  g_free (self->account_name);

  G_OBJECT_CLASS (sp_follow_up_row_parent_class)->finalize (object);
}

static void
sp_follow_up_row_class_init (SpFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_follow_up_row_finalize;

  /**
   * SpFollowUpRow::changed:
   *
   * Emitted when what the row shows changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_follow_up_row_init (SpFollowUpRow *self)
{
  for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
    self->amounts[c] = SP_MONEY_NOT_SET;
  self->months = SP_FOLLOW_UP_ALL_MONTHS;
}

/* ---- Public API --------------------------------------------------------- */

/**
 * sp_follow_up_row_new:
 * @id: the line's, area's or group's id; 0 for totals and for actuals that
 *   no line takes (the heading over them is a group of id 0)
 * @account: a line's account, else 0
 */
SpFollowUpRow *
sp_follow_up_row_new (SpBudgetRowKind kind,
                      gint64          id,
                      guint           account)
{
  SpFollowUpRow *self = g_object_new (SP_TYPE_FOLLOW_UP_ROW, NULL);

  self->kind = kind;
  self->id = id;
  self->account = account;
  return self;
}

SpBudgetRowKind
sp_follow_up_row_get_kind (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), SP_BUDGET_ROW_LINE);
  return self->kind;
}

gint64
sp_follow_up_row_get_id (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), 0);
  return self->id;
}

guint
sp_follow_up_row_get_account (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), 0);
  return self->account;
}

/* A line's text, a group's or area's name, a total's label. */
const char *
sp_follow_up_row_get_title (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), "");
  return self->title != NULL ? self->title : "";
}

const char *
sp_follow_up_row_get_account_name (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), "");
  return self->account_name != NULL ? self->account_name : "";
}

/* What the amounts add up; a line's own kind (revenue or costs). */
SpBudgetRowSum
sp_follow_up_row_get_sum (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), SP_BUDGET_ROW_SUM_NONE);
  return self->sum;
}

/* The amount of @column, or %SP_MONEY_NOT_SET where the row has none. */
SpMoney
sp_follow_up_row_get_amount (SpFollowUpRow    *self,
                             SpFollowUpColumn  column)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), SP_MONEY_NOT_SET);
  g_return_val_if_fail (column < SP_FOLLOW_UP_N_COLUMNS, SP_MONEY_NOT_SET);
  return self->amounts[column];
}

guint
sp_follow_up_row_get_months (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), SP_FOLLOW_UP_ALL_MONTHS);
  return self->months;
}

gboolean
sp_follow_up_row_get_forecast_typed (SpFollowUpRow *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), FALSE);
  return self->forecast_typed;
}

/**
 * sp_follow_up_row_get_deviation:
 *
 * @actual against @budget, positive where it is favourable: more revenue
 * or less costs; for a net sum, the result's difference.
 *
 * Returns: the deviation, or %SP_MONEY_NOT_SET where either is not set
 */
SpMoney
sp_follow_up_row_get_deviation (SpFollowUpRow    *self,
                                SpFollowUpColumn  budget,
                                SpFollowUpColumn  actual)
{
  SpMoney b, a;

  g_return_val_if_fail (SP_IS_FOLLOW_UP_ROW (self), SP_MONEY_NOT_SET);

  b = self->amounts[budget];
  a = self->amounts[actual];
  if (b == SP_MONEY_NOT_SET || a == SP_MONEY_NOT_SET || self->sum == SP_BUDGET_ROW_SUM_NONE)
    return SP_MONEY_NOT_SET;
  return sp_follow_up_deviation (self->sum == SP_BUDGET_ROW_SUM_COSTS ? SP_ACCOUNT_KIND_COST
                                                                       : SP_ACCOUNT_KIND_REVENUE, b, a);
}

/**
 * sp_follow_up_row_update:
 * @amounts: (array fixed-size=4): per #SpFollowUpColumn
 *
 * Sets what the row shows; emits ::changed when it differs.
 */
void
sp_follow_up_row_update (SpFollowUpRow  *self,
                         const char     *title,
                         const char     *account_name,
                         SpBudgetRowSum  sum,
                         const SpMoney  *amounts,
                         guint           months,
                         gboolean        forecast_typed)
{
  gboolean changed = FALSE;

  g_return_if_fail (SP_IS_FOLLOW_UP_ROW (self));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      changed = TRUE;
    }
  if (g_strcmp0 (account_name, self->account_name) != 0)
    {
      g_free (self->account_name);
      self->account_name = g_strdup (account_name);
      changed = TRUE;
    }
  changed |= sum != self->sum || months != self->months || !forecast_typed != !self->forecast_typed;
  self->sum = sum;
  self->months = months;
  self->forecast_typed = forecast_typed;
  for (guint c = 0; amounts != NULL && c < SP_FOLLOW_UP_N_COLUMNS; c++)
    if (self->amounts[c] != amounts[c])
      {
        self->amounts[c] = amounts[c];
        changed = TRUE;
      }
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * sp_follow_up_row_sync_store:
 * @store: the rows of the table, of #SpFollowUpRow
 * @follow_up: (nullable): the year followed up, with the texts and names
 *   the rows show
 *
 * Makes the rows of @store those of @follow_up. When the same rows remain
 * (an amount, a forecast or a spread changed), they are updated in place.
 */
void
sp_follow_up_row_sync_store (GListStore *store,
                             SpFollowUp *follow_up)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, TRUE, sizeof (RowKey));
  g_autoptr(GArray) key_lines = g_array_new (FALSE, TRUE, sizeof (gint));
  GListModel *model = G_LIST_MODEL (store);
  const SpFollowUpLine *fl = NULL;
  const SpFollowUpSubtotal *areas = NULL, *groups = NULL;
  guint n_lines = 0, n_areas = 0, n_groups = 0;
  gint64 group_id = G_MININT64, area_id = -1;
  gboolean unallocated = FALSE;
  SpFollowUpSum unallocated_sum = { { 0 } };
  /* Per group and area: 1 revenue lines, 2 cost lines, 3 both. */
  g_autofree int *group_flags = NULL;

  g_return_if_fail (G_IS_LIST_STORE (store));

  if (follow_up != NULL)
    {
      fl = sp_follow_up_get_lines (follow_up, &n_lines);
      areas = sp_follow_up_get_areas (follow_up, &n_areas);
      groups = sp_follow_up_get_groups (follow_up, &n_groups);
    }

  /* The keys of the rows, and which line each row of a line is. */
  for (guint i = 0; i < n_lines; i++)
    {
      const SpFollowUpLine *l = &fl[i];
      RowKey key;
      int flag = l->kind == SP_ACCOUNT_KIND_REVENUE ? 1 : 2;
      int none = -1;
      gint64 gkey = l->group_id * 2, akey = l->area_id * 2 + 1;

      if (l->line_id == 0 && !l->derived)
        {
          if (!unallocated)
            {
              key = (RowKey) { SP_BUDGET_ROW_GROUP, 0, 0 };
              g_array_append_val (keys, key);
              g_array_append_val (key_lines, none);
              unallocated = TRUE;
            }
          add_line (&unallocated_sum, l);
          key = (RowKey) { SP_BUDGET_ROW_LINE, 0, l->account };
          g_array_append_val (keys, key);
          g_array_append_val (key_lines, i);
          continue;
        }
      if (l->group_id != group_id)
        {
          key = (RowKey) { SP_BUDGET_ROW_GROUP, l->group_id, 0 };
          g_array_append_val (keys, key);
          g_array_append_val (key_lines, none);
          group_id = l->group_id;
          area_id = -1;
        }
      if (l->area_id != area_id)
        {
          const SpFollowUpSubtotal *area = find_subtotal (areas, n_areas, l->area_id);

          /* A line directly in its group (a group without areas) has no area row. */
          if (l->area_id != 0 && (area == NULL || area->name != NULL))
            {
              key = (RowKey) { SP_BUDGET_ROW_AREA, l->area_id, 0 };
              g_array_append_val (keys, key);
              g_array_append_val (key_lines, none);
            }
          area_id = l->area_id;
        }
      key = (RowKey) { SP_BUDGET_ROW_LINE, l->line_id, l->account };
      g_array_append_val (keys, key);
      g_array_append_val (key_lines, i);
      g_hash_table_insert (kinds, g_memdup2 (&gkey, sizeof gkey),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (kinds, &gkey)) | flag));
      g_hash_table_insert (kinds, g_memdup2 (&akey, sizeof akey),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (kinds, &akey)) | flag));
    }
  if (n_lines > 0)
    {
      static const SpBudgetRowKind totals[] = {
        SP_BUDGET_ROW_REVENUE, SP_BUDGET_ROW_COSTS, SP_BUDGET_ROW_RESULT, SP_BUDGET_ROW_EQUITY,
      };
      int none = -1;

      for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
        {
          RowKey key = { totals[i], 0, 0 };
          g_array_append_val (keys, key);
          g_array_append_val (key_lines, none);
        }
    }

  if (!keys_match (model, keys))
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < keys->len; i++)
        {
          RowKey *key = &g_array_index (keys, RowKey, i);
          g_ptr_array_add (rows, sp_follow_up_row_new (key->kind, key->id, key->account));
        }
      g_list_store_splice (store, 0, g_list_model_get_n_items (model), rows->pdata, rows->len);
    }

  for (guint i = 0; i < keys->len; i++)
    {
      SpFollowUpRow *row = row_at (model, i);
      int li = g_array_index (key_lines, int, i);
      SpMoney amounts[SP_FOLLOW_UP_N_COLUMNS];
      const char *title = NULL, *account_name = NULL;
      SpBudgetRowSum what = SP_BUDGET_ROW_SUM_NONE;
      guint months = SP_FOLLOW_UP_ALL_MONTHS;
      gboolean typed = FALSE;

      for (guint c = 0; c < SP_FOLLOW_UP_N_COLUMNS; c++)
        amounts[c] = SP_MONEY_NOT_SET;

      switch (row->kind)
        {
        case SP_BUDGET_ROW_LINE:
          {
            const SpFollowUpLine *l = &fl[li];

            title = l->text;
            account_name = l->account_name;
            what = l->kind == SP_ACCOUNT_KIND_REVENUE ? SP_BUDGET_ROW_SUM_REVENUE : SP_BUDGET_ROW_SUM_COSTS;
            memcpy (amounts, l->amount, sizeof amounts);
            months = l->months;
            typed = l->forecast_typed;
          }
          break;
        case SP_BUDGET_ROW_GROUP:
        case SP_BUDGET_ROW_AREA:
          {
            gboolean group = row->kind == SP_BUDGET_ROW_GROUP;
            gint64 k = row->id * 2 + (group ? 0 : 1);
            int flags = GPOINTER_TO_INT (g_hash_table_lookup (kinds, &k));
            const SpFollowUpSubtotal *sub = group ? find_subtotal (groups, n_groups, row->id)
                                                  : find_subtotal (areas, n_areas, row->id);

            if (sub != NULL)
              title = sub->name;
            if (row->id == 0)
              {
                /* Translators: the heading over the actuals of accounts that no budget line takes */
                title = _("Actuals without a budget line");
                flags = (unallocated_sum.revenue[SP_FOLLOW_UP_ACTUAL] != 0 ? 1 : 0) |
                        (unallocated_sum.costs[SP_FOLLOW_UP_ACTUAL] != 0 ? 2 : 0);
              }
            what = flags == 1 ? SP_BUDGET_ROW_SUM_REVENUE : flags == 2 ? SP_BUDGET_ROW_SUM_COSTS
                                                                       : SP_BUDGET_ROW_SUM_NET;
            if (row->id == 0)
              sum_amounts (&unallocated_sum, what, amounts);
            else if (sub != NULL)
              sum_amounts (&sub->sum, what, amounts);
          }
          break;
        case SP_BUDGET_ROW_REVENUE:
        case SP_BUDGET_ROW_COSTS:
        case SP_BUDGET_ROW_RESULT:
          title = total_title (row->kind);
          what = row->kind == SP_BUDGET_ROW_REVENUE ? SP_BUDGET_ROW_SUM_REVENUE
               : row->kind == SP_BUDGET_ROW_COSTS ? SP_BUDGET_ROW_SUM_COSTS : SP_BUDGET_ROW_SUM_NET;
          sum_amounts (sp_follow_up_get_total (follow_up), what, amounts);
          break;
        case SP_BUDGET_ROW_EQUITY:
        case SP_BUDGET_ROW_FRAME:
        default:
          title = total_title (row->kind);
          /* The year's equity used: in the budget and in the forecast. */
          amounts[SP_FOLLOW_UP_YEAR_BUDGET] = sp_follow_up_get_equity_used (follow_up);
          amounts[SP_FOLLOW_UP_FORECAST] = amounts[SP_FOLLOW_UP_YEAR_BUDGET];
          break;
        }
      sp_follow_up_row_update (row, title, account_name, what, amounts, months, typed);
    }
}
