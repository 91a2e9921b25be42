/* sp-budget-row.c: one row of the budget table: a group, an area, a line or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The budget page flattens the year's lines into these rows. A row keeps its
 * identity (kind and id) across reloads, so an edit that changes only amounts
 * updates the rows in place and the cells keep their focus: a line row follows
 * its SpBudgetLine (which the core list keeps the same object), and the sums
 * of group, area and total rows are set by the page. Either way the row
 * emits ::changed for its cells.
 */
#include "config.h"

#include "sp-budget-row.h"

struct _SpBudgetRow
{
  GObject          parent_instance;

  SpBudgetRowKind  kind;
  gint64           id;
  SpBudgetLine    *line;
  char            *title;
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
      self->line = g_object_ref (line);
      g_signal_connect_swapped (line, "notify", G_CALLBACK (on_line_notify_cb), self);
    }
  return self;
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
