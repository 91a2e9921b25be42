/* sp-budget-row.c: one row of the budget table: a group, an area, a line or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sp_budget_row_sync_store() flattens the year's lines into these rows. A
 * row keeps its identity (kind and id) across reloads: an edit that changes
 * only amounts updates the rows in place and the cells keep their focus, and
 * a line that comes, goes or moves changes only the rows where it was and
 * where it is. A line row follows its SpBudgetLine (which the core list keeps
 * the same object); the sums of group, area and total rows are set from the
 * year's totals. Either way the row emits ::changed for its cells.
 *
 * The rows come in two parts, as the workbook's Budget sheet has them: the
 * revenue, whose first lines are the members' contributions derived from
 * the frame (read-only), then the typed revenue lines under their groups
 * and areas; then the costs likewise. A group or area with lines of both
 * kinds has a row in each part, each showing the sum of its own kind.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-row.h"

struct _SpBudgetRow
{
  GObject          parent_instance;

  SpBudgetRowKind  kind;
  SpAccountKind    part;
  gint64           id;
  SpBudgetLine    *line;
  char            *title;
  guint            account;        /* of a contribution row */
  char            *account_name;
  char            *note;
  SpBudgetRowSum   sum;
  SpMoney          amounts[SP_BUDGET_N_COLUMNS];
  GtkWidget       *cells[SP_BUDGET_N_COLUMNS];   /* weak: the bound cells */
};

G_DEFINE_FINAL_TYPE (SpBudgetRow, sp_budget_row, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_line_notify_cb (SpBudgetRow *self,
                   GParamSpec  *pspec,
                   SpBudgetLine *line)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- Making the rows from the lines ----------------------------------- */

typedef struct {
  SpBudgetRowKind kind;
  SpAccountKind   part;
  gint64          id;
  SpBudgetLine   *line;
} RowKey;

static void
sum_amounts (const SpBudgetSum *sum,
             SpBudgetRowSum     what,
             SpMoney           *amounts)
{
  SpBudgetSumPart part = what == SP_BUDGET_ROW_SUM_REVENUE ? SP_BUDGET_SUM_REVENUE
                       : what == SP_BUDGET_ROW_SUM_COSTS ? SP_BUDGET_SUM_COSTS : SP_BUDGET_SUM_RESULT;

  /* Empty where no line of that part has a figure, not 0 (sp_budget_sum_is_set()). */
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    amounts[c] = sum == NULL ? SP_BUDGET_NOT_SET : sp_budget_sum_get (sum, part, c);
}

/* The lines of @part under their groups and areas, in budget order. */
static void
collect_part (GArray        *keys,
              GListModel    *lines,
              SpAccountKind  part)
{
  guint n = lines != NULL ? g_list_model_get_n_items (lines) : 0;
  gint64 group_id = -1, area_id = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpBudgetLine) line = g_list_model_get_item (lines, i);
      gint64 g = sp_budget_line_get_group_id (line);
      gint64 a = sp_budget_line_get_area_id (line);
      RowKey key;

      if (sp_budget_line_get_account_kind (line) != part)
        continue;
      if (g != group_id)
        {
          key = (RowKey) { SP_BUDGET_ROW_GROUP, part, g, NULL };
          g_array_append_val (keys, key);
          group_id = g;
          area_id = -1;
        }
      /* A line directly in its group (a group without areas) has no area row. */
      if (a != area_id)
        {
          key = (RowKey) { SP_BUDGET_ROW_AREA, part, a, NULL };
          if (!sp_budget_line_is_in_group (line))
            g_array_append_val (keys, key);
          area_id = a;
        }
      key = (RowKey) { SP_BUDGET_ROW_LINE, part, sp_record_get_id (SP_RECORD (line)), line };
      g_array_append_val (keys, key);
    }
}

static void
append_key (GArray          *keys,
            SpBudgetRowKind  kind,
            SpAccountKind    part,
            gint64           id)
{
  RowKey key = { kind, part, id, NULL };

  g_array_append_val (keys, key);
}

/* What the rows of the table are now, from the lines (in budget order) and
 * the derived revenue lines. */
static GArray *
collect_keys (GListModel            *lines,
              const SpBudgetRevenue *revenue)
{
  GArray *keys = g_array_new (FALSE, TRUE, sizeof (RowKey));
  guint n = lines != NULL ? g_list_model_get_n_items (lines) : 0;
  guint n_derived = revenue != NULL ? revenue->lines->len : 0;

  if (n + n_derived == 0)
    return keys;

  append_key (keys, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_REVENUE, 0);
  /* The contributions under their own heading, a part row of id 1. */
  if (n_derived > 0)
    append_key (keys, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_REVENUE, 1);
  for (guint i = 0; i < n_derived; i++)
    {
      const SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);
      append_key (keys, SP_BUDGET_ROW_CONTRIBUTION, SP_ACCOUNT_KIND_REVENUE, line->kind);
    }
  collect_part (keys, lines, SP_ACCOUNT_KIND_REVENUE);
  append_key (keys, SP_BUDGET_ROW_REVENUE, SP_ACCOUNT_KIND_REVENUE, 0);
  append_key (keys, SP_BUDGET_ROW_PART, SP_ACCOUNT_KIND_COST, 0);
  collect_part (keys, lines, SP_ACCOUNT_KIND_COST);
  append_key (keys, SP_BUDGET_ROW_COSTS, SP_ACCOUNT_KIND_COST, 0);
  append_key (keys, SP_BUDGET_ROW_RESULT, SP_ACCOUNT_KIND_REVENUE, 0);
  append_key (keys, SP_BUDGET_ROW_EQUITY, SP_ACCOUNT_KIND_REVENUE, 0);
  append_key (keys, SP_BUDGET_ROW_FRAME, SP_ACCOUNT_KIND_REVENUE, 0);
  return keys;
}

static gboolean
row_matches (SpBudgetRow  *row,
             const RowKey *key)
{
  return row->kind == key->kind && row->part == key->part && row->id == key->id && row->line == key->line;
}

/* A row of the store's range [@from, @to) that is @key, or %NULL. */
static SpBudgetRow *
find_row (GListModel   *store,
          guint         from,
          guint         to,
          const RowKey *key)
{
  for (guint i = from; i < to; i++)
    {
      g_autoptr(SpBudgetRow) row = g_list_model_get_item (store, i);

      if (row_matches (row, key))
        return row; /* the store keeps it */
    }
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
    case SP_BUDGET_ROW_FRAME:
      return _("Budget frame from the members");
    case SP_BUDGET_ROW_GROUP:
    case SP_BUDGET_ROW_AREA:
    case SP_BUDGET_ROW_LINE:
    case SP_BUDGET_ROW_PART:
    case SP_BUDGET_ROW_CONTRIBUTION:
    default:
      return "";
    }
}

/* The derived line of @kind's payers, or %NULL. */
static const SpBudgetRevenueLine *
find_revenue_line (const SpBudgetRevenue *revenue,
                   gint64                 kind)
{
  for (guint i = 0; revenue != NULL && i < revenue->lines->len; i++)
    {
      const SpBudgetRevenueLine *line = g_ptr_array_index (revenue->lines, i);

      if ((gint64) line->kind == kind)
        return line;
    }
  return NULL;
}

/* Sets what a contribution row shows besides its text and amounts. */
static void
update_contribution (SpBudgetRow               *row,
                     const SpBudgetRevenueLine *line)
{
  g_autofree char *note = sp_budget_revenue_line_dup_source (line);

  if (row->account == line->account && g_strcmp0 (row->account_name, line->account_name) == 0 &&
      g_strcmp0 (row->note, note) == 0)
    return;
  row->account = line->account;
  g_free (row->account_name);
  row->account_name = g_strdup (line->account_name);
  g_free (row->note);
  row->note = g_steal_pointer (&note);
  g_signal_emit (row, signals[CHANGED], 0);
}

static SpBudgetRow *
row_at (GListModel *model,
        guint       position)
{
  g_autoptr(SpBudgetRow) row = g_list_model_get_item (model, position);
  return row; /* the store keeps it */
}

/* Makes the store's rows those of @keys. Rows before and after the part
 * that changed are kept as they are, unreported; rows of that part that
 * are still wanted (a line moved elsewhere) are kept as objects. */
static void
splice_rows (GListStore *store,
             GArray     *keys)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint n_new = keys->len;
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) rows = NULL;

  while (prefix < n_old && prefix < n_new &&
         row_matches (row_at (model, prefix), &g_array_index (keys, RowKey, prefix)))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         row_matches (row_at (model, n_old - 1 - suffix), &g_array_index (keys, RowKey, n_new - 1 - suffix)))
    suffix++;
  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      RowKey *key = &g_array_index (keys, RowKey, i);
      SpBudgetRow *kept = find_row (model, prefix, n_old - suffix, key);

      g_ptr_array_add (rows, kept != NULL ? g_object_ref (kept)
                                          : sp_budget_row_new_in_part (key->kind, key->part, key->id, key->line));
    }
  g_list_store_splice (store, prefix, n_old - prefix - suffix, rows->pdata, rows->len);
}

/**
 * sp_budget_row_sync_store:
 * @store: the rows of the budget table, of #SpBudgetRow
 * @lines: (nullable): the year's budget lines, in budget order
 * @totals: (nullable): their sums
 * @revenue: (nullable): the revenue lines derived from the contributions
 *
 * Flattens @lines into the rows of @store, in two parts: the revenue (the
 * derived lines of @revenue, then for each group its row, for each area its
 * row, each revenue line, then the total revenue), then the costs likewise,
 * then the result, the equity used and the frame. Where lines came or went,
 * only that part of @store changes; then the rows that are not lines get
 * their sums, and each row whose title or amounts changed emits ::changed.
 */
void
sp_budget_row_sync_store (GListStore            *store,
                          GListModel            *lines,
                          const SpBudgetTotals  *totals,
                          const SpBudgetRevenue *revenue)
{
  g_autoptr(GArray) keys = NULL;
  GListModel *model = G_LIST_MODEL (store);
  guint n;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (lines == NULL || G_IS_LIST_MODEL (lines));

  keys = collect_keys (lines, revenue);
  splice_rows (store, keys);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      SpBudgetRow *row = row_at (model, i);
      SpBudgetRowKind kind = sp_budget_row_get_kind (row);
      SpMoney amounts[SP_BUDGET_N_COLUMNS];
      const SpBudgetSubtotal *subtotal = NULL;
      const char *title = NULL;
      SpBudgetRowSum what = SP_BUDGET_ROW_SUM_NONE;

      switch (kind)
        {
        case SP_BUDGET_ROW_LINE:
          continue;
        case SP_BUDGET_ROW_PART:
          title = row->id == 1 ? _("Member contributions")
                : row->part == SP_ACCOUNT_KIND_REVENUE ? _("Revenue") : _("Costs");
          for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
            amounts[c] = SP_BUDGET_NOT_SET;
          break;
        case SP_BUDGET_ROW_CONTRIBUTION:
          {
            const SpBudgetRevenueLine *line = find_revenue_line (revenue, sp_budget_row_get_id (row));

            if (line == NULL)
              continue;
            update_contribution (row, line);
            title = line->text;
            what = SP_BUDGET_ROW_SUM_REVENUE;
            for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
              amounts[c] = line->amounts[c];
          }
          break;
        case SP_BUDGET_ROW_GROUP:
        case SP_BUDGET_ROW_AREA:
          {
            /* The next line names its group and area. */
            for (guint j = i + 1; j < n && title == NULL; j++)
              {
                SpBudgetLine *line = sp_budget_row_get_line (row_at (model, j));
                if (line != NULL)
                  title = kind == SP_BUDGET_ROW_GROUP ? sp_budget_line_get_group_name (line)
                                                      : sp_budget_line_get_area_name (line);
              }
            if (totals != NULL)
              subtotal = kind == SP_BUDGET_ROW_GROUP
                ? sp_budget_totals_find_group (totals, sp_budget_row_get_id (row))
                : sp_budget_totals_find_area (totals, sp_budget_row_get_id (row));
            /* In its part, a group or area sums its lines of that kind. */
            what = row->part == SP_ACCOUNT_KIND_REVENUE ? SP_BUDGET_ROW_SUM_REVENUE : SP_BUDGET_ROW_SUM_COSTS;
            sum_amounts (subtotal != NULL ? &subtotal->sum : NULL, what, amounts);
          }
          break;
        case SP_BUDGET_ROW_REVENUE:
        case SP_BUDGET_ROW_COSTS:
        case SP_BUDGET_ROW_RESULT:
          title = total_title (kind);
          what = kind == SP_BUDGET_ROW_REVENUE ? SP_BUDGET_ROW_SUM_REVENUE
               : kind == SP_BUDGET_ROW_COSTS ? SP_BUDGET_ROW_SUM_COSTS : SP_BUDGET_ROW_SUM_NET;
          sum_amounts (totals != NULL ? &totals->total : NULL, what, amounts);
          break;
        case SP_BUDGET_ROW_EQUITY:
        case SP_BUDGET_ROW_FRAME:
        default:
          title = total_title (kind);
          for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
            amounts[c] = totals == NULL ? SP_BUDGET_NOT_SET
                       : kind == SP_BUDGET_ROW_EQUITY ? totals->equity_used[c] : totals->frame[c];
          break;
        }
      sp_budget_row_update (row, title, what, amounts);
    }
}


/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_row_dispose (GObject *object)
{
  SpBudgetRow *self = SP_BUDGET_ROW (object);

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    sp_budget_row_set_cell (self, c, NULL);
  if (self->line != NULL)
    g_signal_handlers_disconnect_by_func (self->line, on_line_notify_cb, self);
  g_clear_object (&self->line);

  G_OBJECT_CLASS (sp_budget_row_parent_class)->dispose (object);
}

static void
sp_budget_row_finalize (GObject *object)
{
  SpBudgetRow *self = SP_BUDGET_ROW (object);

  g_free (self->title);
  g_free (self->account_name);
  g_free (self->note);

  G_OBJECT_CLASS (sp_budget_row_parent_class)->finalize (object);
}

static void
sp_budget_row_class_init (SpBudgetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_budget_row_dispose;
  object_class->finalize = sp_budget_row_finalize;

  /**
   * SpBudgetRow::changed:
   *
   * Emitted when the row's title or amounts changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_budget_row_init (SpBudgetRow *self)
{
  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    self->amounts[c] = SP_BUDGET_NOT_SET;
}

/**
 * sp_budget_row_new:
 * @id: the line's, area's or group's id; 0 for totals
 * @line: (nullable): the line of a %SP_BUDGET_ROW_LINE row
 */
SpBudgetRow *
sp_budget_row_new (SpBudgetRowKind  kind,
                   gint64           id,
                   SpBudgetLine    *line)
{
  SpBudgetRow *self = g_object_new (SP_TYPE_BUDGET_ROW, NULL);

  g_return_val_if_fail ((kind == SP_BUDGET_ROW_LINE) == (line != NULL), self);

  self->kind = kind;
  self->id = id;
  if (line != NULL)
    {
      self->part = sp_budget_line_get_account_kind (line);
      self->line = g_object_ref (line);
      g_signal_connect_swapped (line, "notify", G_CALLBACK (on_line_notify_cb), self);
    }
  return self;
}

/**
 * sp_budget_row_new_in_part:
 * @part: the part of the table the row is in: revenue or costs
 * @id: the line's, area's or group's id; the payers' #SpMemberKind of a
 *   contribution; 0 for totals and headings
 * @line: (nullable): the line of a %SP_BUDGET_ROW_LINE row
 */
SpBudgetRow *
sp_budget_row_new_in_part (SpBudgetRowKind  kind,
                           SpAccountKind    part,
                           gint64           id,
                           SpBudgetLine    *line)
{
  SpBudgetRow *self = sp_budget_row_new (kind, id, line);

  self->part = part;
  return self;
}

/* The part of the table the row is in: revenue or costs. */
SpAccountKind
sp_budget_row_get_part (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), SP_ACCOUNT_KIND_REVENUE);
  return self->part;
}

/* The account of a line or a contribution row; 0 for other rows. */
guint
sp_budget_row_get_account (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), 0);
  if (self->line != NULL)
    return (guint) sp_budget_line_get_account (self->line);
  return self->account;
}

/* The name of the account of a line or a contribution row; "" for other rows. */
const char *
sp_budget_row_get_account_name (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), "");
  if (self->line != NULL)
    return sp_budget_line_get_account_name (self->line);
  return self->account_name != NULL ? self->account_name : "";
}

/* Returns: (nullable): where a contribution row comes from, for its tooltip */
const char *
sp_budget_row_get_note (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), NULL);
  return self->note;
}

SpBudgetRowKind
sp_budget_row_get_kind (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), SP_BUDGET_ROW_LINE);
  return self->kind;
}

gint64
sp_budget_row_get_id (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), 0);
  return self->id;
}

/* Returns: (transfer none) (nullable): the line of a line row */
SpBudgetLine *
sp_budget_row_get_line (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), NULL);
  return self->line;
}

/* The name of a group or area, the label of a total; a line's text. */
const char *
sp_budget_row_get_title (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), "");
  if (self->line != NULL)
    return sp_budget_line_get_text (self->line);
  return self->title != NULL ? self->title : "";
}

SpBudgetRowSum
sp_budget_row_get_sum (SpBudgetRow *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), SP_BUDGET_ROW_SUM_NONE);
  return self->sum;
}

/* The amount shown in @column, or %SP_BUDGET_NOT_SET. */
SpMoney
sp_budget_row_get_amount (SpBudgetRow    *self,
                          SpBudgetColumn  column)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), SP_BUDGET_NOT_SET);
  g_return_val_if_fail (column < SP_BUDGET_N_COLUMNS, SP_BUDGET_NOT_SET);

  if (self->line != NULL)
    return sp_budget_line_get_amount (self->line, column);
  return self->amounts[column];
}

/**
 * sp_budget_row_update:
 * @amounts: (array fixed-size=5): the amounts of a group, area or total row
 *
 * Sets what a row that is not a line shows; emits ::changed when it differs.
 */
void
sp_budget_row_update (SpBudgetRow    *self,
                      const char     *title,
                      SpBudgetRowSum  sum,
                      const SpMoney  *amounts)
{
  gboolean changed = FALSE;

  g_return_if_fail (SP_IS_BUDGET_ROW (self));

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      changed = TRUE;
    }
  if (sum != self->sum)
    {
      self->sum = sum;
      changed = TRUE;
    }
  for (guint c = 0; amounts != NULL && c < SP_BUDGET_N_COLUMNS; c++)
    if (self->amounts[c] != amounts[c])
      {
        self->amounts[c] = amounts[c];
        changed = TRUE;
      }
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: (transfer none) (nullable): the cell that shows @column of the row now */
GtkWidget *
sp_budget_row_get_cell (SpBudgetRow    *self,
                        SpBudgetColumn  column)
{
  g_return_val_if_fail (SP_IS_BUDGET_ROW (self), NULL);
  g_return_val_if_fail (column < SP_BUDGET_N_COLUMNS, NULL);
  return self->cells[column];
}

/* Remembers (weakly) which cell shows @column, for moving between cells. */
void
sp_budget_row_set_cell (SpBudgetRow    *self,
                        SpBudgetColumn  column,
                        GtkWidget      *cell)
{
  g_return_if_fail (SP_IS_BUDGET_ROW (self));
  g_return_if_fail (column < SP_BUDGET_N_COLUMNS);

  if (self->cells[column] == cell)
    return;
  if (self->cells[column] != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->cells[column]), (gpointer *) &self->cells[column]);
  self->cells[column] = cell;
  if (cell != NULL)
    g_object_add_weak_pointer (G_OBJECT (cell), (gpointer *) &self->cells[column]);
}
