/* sp-budget-table.c: the budget lines of a year with their sums, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table flattens the year's budget lines into rows, in two parts as the
 * workbook has them: the revenue (the members' contributions, derived from
 * the frame and read-only, then each area group, its areas and their
 * revenue lines, then the total), the costs likewise, and at the end the
 * result, the equity used and the frame. As GnuCash shows
 * a parent account, a group or area row shows the sum of its lines: the
 * revenue or the costs when all its lines are of one kind, revenue − costs
 * when it has both. The rows keep their identity across reloads, so that an
 * edited amount updates the sums in place while the focus stays in the cell.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-table.h"

#include "sp-budget-cell.h"
#include "sp-budget-text-cell.h"

/* What a column's factory makes: an amount cell, or a text cell of a kind. */
typedef struct {
  SpBudgetTable        *table;
  gboolean              amount;
  SpBudgetColumn        column;
  SpBudgetTextCellKind  kind;
} ColumnInfo;

/* Account, text, five amounts, deviation, comment */
#define N_TABLE_COLUMNS (SP_BUDGET_N_COLUMNS + 4)

struct _SpBudgetTable
{
  GtkWidget            parent_instance;

  SpDatabase          *database;
  int                  year;
  SpMoneyUnit          unit;
  gboolean             adopted;
  GListStore          *rows;
  GtkSingleSelection  *selection;
  ColumnInfo           column_infos[N_TABLE_COLUMNS];
  guint                n_columns;
  GtkColumnViewColumn *amount_columns[SP_BUDGET_N_COLUMNS];
  GtkColumnViewColumn *deviation_column;

  /* A cell to focus once it is scrolled into view and bound */
  SpBudgetRow         *pending_row;
  SpBudgetColumn       pending_column;
  guint                pending_tick;
  guint                pending_frames;

  /* Template widgets */
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (SpBudgetTable, sp_budget_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_UNIT_TKR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The amount columns, left to right: last year, then the plan's three years. */
static const SpBudgetColumn amount_order[] = {
  SP_BUDGET_COLUMN_PREVIOUS_BUDGET,
  SP_BUDGET_COLUMN_PREVIOUS_ACTUAL,
  SP_BUDGET_COLUMN_BUDGET,
  SP_BUDGET_COLUMN_PLAN1,
  SP_BUDGET_COLUMN_PLAN2,
};

/* ---- Helpers ------------------------------------------------------------ */

static char *
column_title (SpBudgetTable  *self,
              SpBudgetColumn  column)
{
  g_autofree char *title = sp_budget_column_get_title (column, self->year);

  /* Translators: a budget column's head over its unit, on two lines so that
   * the column can be narrow: "Budget 2009" above "tkr" */
  return g_strdup_printf (_("%s\n%s"), title, self->unit == SP_MONEY_UNIT_TKR ? _("tkr") : _("kr"));
}

static SpBudgetRow *
get_row (SpBudgetTable *self,
         guint          position)
{
  g_autoptr(SpBudgetRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  return row; /* the store keeps it */
}

static void
show_error (SpBudgetTable *self,
            const char    *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
update_columns (SpBudgetTable *self)
{
  g_autofree char *deviation = NULL;

  for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
    {
      g_autofree char *title = column_title (self, c);
      gtk_column_view_column_set_title (self->amount_columns[c], title);
    }
  /* Translators: a column head on two lines: last year's actuals less its
   * budget, e.g. "Avvikelse 2008" above "kr" */
  deviation = g_strdup_printf (self->unit == SP_MONEY_UNIT_TKR ? _("Deviation %d\ntkr") : _("Deviation %d\nkr"),
                               self->year - 1);
  gtk_column_view_column_set_title (self->deviation_column, deviation);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_selection_changed_cb (SpBudgetTable     *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Focuses a cell with its text selected, so that typing replaces it. The
 * selection comes first: GTK 4.8 starts the cursor blinking on focus-in and
 * warns when a selection appears after that. */
static void
focus_cell (GtkWidget *cell)
{
  GtkEditable *entry = sp_budget_cell_get_entry (SP_BUDGET_CELL (cell));

  gtk_editable_select_region (entry, 0, -1);
  gtk_entry_grab_focus_without_selecting (GTK_ENTRY (entry));
}

static gboolean
on_pending_focus_tick_cb (GtkWidget     *widget,
                          GdkFrameClock *clock,
                          gpointer       user_data)
{
  SpBudgetTable *self = user_data;
  GtkWidget *cell = self->pending_row != NULL
    ? sp_budget_row_get_cell (self->pending_row, self->pending_column) : NULL;

  if (cell == NULL && ++self->pending_frames < 10)
    return G_SOURCE_CONTINUE;
  if (cell != NULL)
    focus_cell (cell);
  g_clear_object (&self->pending_row);
  self->pending_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
on_cell_move_cb (SpBudgetTable    *self,
                 GtkDirectionType  direction,
                 SpBudgetCell     *cell)
{
  SpBudgetRow *row = sp_budget_cell_get_row (cell);
  SpBudgetColumn column = sp_budget_cell_get_column (cell);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint position, index = 0;
  SpBudgetRow *target = NULL;
  SpBudgetColumn target_column = column;
  GtkWidget *target_cell;

  if (row == NULL || !g_list_store_find (self->rows, row, &position))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (amount_order); i++)
    if (amount_order[i] == column)
      index = i;

  if (direction == GTK_DIR_RIGHT && index + 1 < G_N_ELEMENTS (amount_order))
    {
      target = row;
      target_column = amount_order[index + 1];
    }
  else if (direction == GTK_DIR_LEFT && index > 0)
    {
      target = row;
      target_column = amount_order[index - 1];
    }
  else if (direction == GTK_DIR_DOWN || direction == GTK_DIR_RIGHT)
    {
      if (direction == GTK_DIR_RIGHT)
        target_column = amount_order[0];
      for (guint i = position + 1; i < n && target == NULL; i++)
        if (sp_budget_row_get_kind (get_row (self, i)) == SP_BUDGET_ROW_LINE)
          target = get_row (self, i);
    }
  else if (direction == GTK_DIR_LEFT)
    {
      target_column = amount_order[G_N_ELEMENTS (amount_order) - 1];
      for (guint i = position; i > 0 && target == NULL; i--)
        if (sp_budget_row_get_kind (get_row (self, i - 1)) == SP_BUDGET_ROW_LINE)
          target = get_row (self, i - 1);
    }

  if (target == NULL)
    return;
  target_cell = sp_budget_row_get_cell (target, target_column);
  if (target_cell != NULL)
    {
      focus_cell (target_cell);
      return;
    }

  /* The row is out of sight, not bound: scroll towards it, focus it once bound. */
  {
    GtkScrollable *scrollable = GTK_SCROLLABLE (self->column_view);
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (scrollable);
    double step = MAX (gtk_widget_get_height (GTK_WIDGET (cell)), 24);
    guint target_position;

    if (adjustment == NULL || !g_list_store_find (self->rows, target, &target_position))
      return;
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                              step * ((double) target_position - (double) position));
    g_set_object (&self->pending_row, target);
    self->pending_column = target_column;
    self->pending_frames = 0;
    if (self->pending_tick == 0)
      self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view),
                                                         on_pending_focus_tick_cb, self, NULL);
  }
}

static void
on_cell_error_cb (SpBudgetTable *self,
                  const char    *message,
                  GtkWidget     *cell)
{
  show_error (self, message);
}

static void
on_cell_focus_enter_cb (SpBudgetTable           *self,
                        GtkEventControllerFocus *controller)
{
  SpBudgetCell *cell = SP_BUDGET_CELL (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  SpBudgetRow *row = sp_budget_cell_get_row (cell);
  guint position;

  if (row != NULL && g_list_store_find (self->rows, row, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ColumnInfo               *info)
{
  SpBudgetTable *self = info->table;
  GtkWidget *cell;

  if (info->amount)
    {
      GtkEventController *controller = gtk_event_controller_focus_new ();

      cell = sp_budget_cell_new ();
      g_signal_connect_object (cell, "move", G_CALLBACK (on_cell_move_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (controller, "enter", G_CALLBACK (on_cell_focus_enter_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (cell, controller);
    }
  else
    {
      cell = sp_budget_text_cell_new (info->kind);
      /* The deviation follows the unit shown. */
      g_object_bind_property (self, "unit-tkr", cell, "unit-tkr", G_BINDING_SYNC_CREATE);
    }
  g_signal_connect_object (cell, "error", G_CALLBACK (on_cell_error_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, cell);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnInfo               *info)
{
  SpBudgetTable *self = info->table;
  SpBudgetRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (info->amount)
    {
      g_autofree char *title = sp_budget_column_get_title (info->column, self->year);

      sp_budget_cell_bind (SP_BUDGET_CELL (cell), self->database, row, info->column, title, self->unit,
                           !self->adopted);
      if (sp_budget_row_get_kind (row) != SP_BUDGET_ROW_LINE &&
          sp_budget_row_get_kind (row) != SP_BUDGET_ROW_CONTRIBUTION)
        gtk_widget_add_css_class (cell, "sp-sum");
      else
        gtk_widget_remove_css_class (cell, "sp-sum");
    }
  else
    sp_budget_text_cell_bind (SP_BUDGET_TEXT_CELL (cell), self->database, row, !self->adopted);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ColumnInfo               *info)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  if (info->amount)
    sp_budget_cell_unbind (SP_BUDGET_CELL (cell));
  else
    sp_budget_text_cell_unbind (SP_BUDGET_TEXT_CELL (cell));
}

/* ---- GObject ------------------------------------------------------------ */

static GtkColumnViewColumn *
add_column (SpBudgetTable        *self,
            const char           *title,
            gboolean              amount,
            SpBudgetColumn        column,
            SpBudgetTextCellKind  kind,
            int                   width,
            gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;
  ColumnInfo *info;

  g_assert (self->n_columns < N_TABLE_COLUMNS);
  info = &self->column_infos[self->n_columns++];
  *info = (ColumnInfo) { self, amount, column, kind };
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), info);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
  return view_column;
}

static void
sp_budget_table_dispose (GObject *object)
{
  SpBudgetTable *self = SP_BUDGET_TABLE (object);
  GtkWidget *child;

  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->pending_tick);
  self->pending_tick = 0;
  g_clear_object (&self->pending_row);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BUDGET_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_budget_table_parent_class)->dispose (object);
}

static void
sp_budget_table_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpBudgetTable *self = SP_BUDGET_TABLE (object);

  switch (prop_id)
    {
    case PROP_UNIT_TKR:
      g_value_set_boolean (value, self->unit == SP_MONEY_UNIT_TKR);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_table_class_init (SpBudgetTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_budget_table_dispose;
  object_class->get_property = sp_budget_table_get_property;

  /* Set with sp_budget_table_set_unit(); the deviation cells follow it. */
  properties[PROP_UNIT_TKR] =
    g_param_spec_boolean ("unit-tkr", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpBudgetTable::error:
   * @message: (nullable): why an edit was not stored, or %NULL when it was
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * SpBudgetTable::selection-changed:
   *
   * Emitted when another row, or none, is selected.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-budget-table.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBudgetTable, column_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-budget-table");
}

static void
sp_budget_table_init (SpBudgetTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->unit = SP_MONEY_UNIT_KR;
  self->rows = g_list_store_new (SP_TYPE_BUDGET_ROW);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* At the window's default size (1100 pixels) every column shows; a wider
   * window gives the text and the comment the room. */
  add_column (self, _("Account"), FALSE, 0, SP_BUDGET_TEXT_CELL_ACCOUNT, 64, FALSE);
  add_column (self, _("Text"), FALSE, 0, SP_BUDGET_TEXT_CELL_TEXT, 270, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (amount_order); i++)
    {
      self->amount_columns[amount_order[i]] =
        add_column (self, "", TRUE, amount_order[i], 0, 100, FALSE);
      /* Last year's actuals against its budget, beside them. */
      if (amount_order[i] == SP_BUDGET_COLUMN_PREVIOUS_ACTUAL)
        self->deviation_column = add_column (self, "", FALSE, 0, SP_BUDGET_TEXT_CELL_DEVIATION, 136, FALSE);
    }
  add_column (self, _("Comment"), FALSE, 0, SP_BUDGET_TEXT_CELL_COMMENT, 90, TRUE);
  update_columns (self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_budget_table_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_TABLE, NULL);
}

/* The database the cells store their edits in; takes effect as rows are bound. */
void
sp_budget_table_set_database (SpBudgetTable *self,
                              SpDatabase    *database)
{
  g_return_if_fail (SP_IS_BUDGET_TABLE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  g_set_object (&self->database, database);
}

/* The year whose columns are shown; the heads change with the next update. */
void
sp_budget_table_set_year (SpBudgetTable *self,
                          int            year)
{
  g_return_if_fail (SP_IS_BUDGET_TABLE (self));

  self->year = year;
}

/* An adopted year's cells are labels: this holds for the cells bound from now on. */
void
sp_budget_table_set_adopted (SpBudgetTable *self,
                             gboolean       adopted)
{
  g_return_if_fail (SP_IS_BUDGET_TABLE (self));

  self->adopted = adopted;
}

SpMoneyUnit
sp_budget_table_get_unit (SpBudgetTable *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_TABLE (self), SP_MONEY_UNIT_KR);
  return self->unit;
}

/* Shows the amounts of the cells bound now, and of those bound later, in @unit. */
void
sp_budget_table_set_unit (SpBudgetTable *self,
                          SpMoneyUnit    unit)
{
  guint n;

  g_return_if_fail (SP_IS_BUDGET_TABLE (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < SP_BUDGET_N_COLUMNS; c++)
      {
        GtkWidget *cell = sp_budget_row_get_cell (get_row (self, i), c);
        if (cell != NULL)
          sp_budget_cell_set_unit (SP_BUDGET_CELL (cell), unit);
      }
  update_columns (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TKR]);
}

/**
 * sp_budget_table_update:
 * @lines: (nullable): the year's budget lines, in budget order
 * @totals: (nullable): their sums
 * @revenue: (nullable): the revenue lines derived from the contributions
 *
 * Makes the rows follow @lines and @revenue and shows the sums of @totals.
 */
void
sp_budget_table_update (SpBudgetTable         *self,
                        GListModel            *lines,
                        const SpBudgetTotals  *totals,
                        const SpBudgetRevenue *revenue)
{
  g_return_if_fail (SP_IS_BUDGET_TABLE (self));
  g_return_if_fail (lines == NULL || G_IS_LIST_MODEL (lines));

  sp_budget_row_sync_store (self->rows, lines, totals, revenue);
  update_columns (self);
}

/* Removes every row: the next update makes and binds them anew. */
void
sp_budget_table_clear (SpBudgetTable *self)
{
  g_return_if_fail (SP_IS_BUDGET_TABLE (self));

  g_list_store_remove_all (self->rows);
}

/* Returns: (transfer none): the rows shown, of #SpBudgetRow */
GListModel *
sp_budget_table_get_rows (SpBudgetTable *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

/* Returns: (transfer none) (nullable): the selected line's row */
SpBudgetRow *
sp_budget_table_get_selected_line (SpBudgetTable *self)
{
  SpBudgetRow *row;

  g_return_val_if_fail (SP_IS_BUDGET_TABLE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL || sp_budget_row_get_kind (row) != SP_BUDGET_ROW_LINE)
    return NULL;
  return row;
}

/* Selects the line @id, wherever it is now. */
void
sp_budget_table_select_line (SpBudgetTable *self,
                             gint64         id)
{
  guint n;

  g_return_if_fail (SP_IS_BUDGET_TABLE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    if (sp_budget_row_get_kind (get_row (self, i)) == SP_BUDGET_ROW_LINE &&
        sp_budget_row_get_id (get_row (self, i)) == id)
      gtk_single_selection_set_selected (self->selection, i);
}
