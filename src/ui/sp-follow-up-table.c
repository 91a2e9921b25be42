/* sp-follow-up-table.c: the budget of a period against the actuals, and the forecast, per line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table looks as the budget table does (the same rows of groups, areas,
 * lines and totals, the same column heads over their unit, the same style),
 * but its columns are those of a follow-up: the year's budget, the period's
 * budget, the actuals to date and the deviation in kr and per cent, the
 * forecast for the year and its deviation, and how a line's budget is
 * spread over the months. Only the forecast and the spread are edited here:
 * the forecast in an entry (empty or cleared: the year's budget, shown dim),
 * the spread in a popover of twelve months. Each change is one undoable edit
 * of the core; the page reloads on the database's "changed", and the rows
 * update in place.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-follow-up-table.h"
#include "sp-month.h"

typedef struct {
  SpFollowUpTable       *table;
  SpFollowUpTableColumn  column;
} ColumnInfo;

/* What a cell holds; set on the cell's widget as "sp-follow-up-cell". As few
 * widgets as the budget table's cells, or fewer: a list makes a row of them
 * for every item it shows, and the first frame lays them all out. A label
 * is the cell, but for the forecast (a box of the label for the sums, the
 * entry for a line and its clear button, made when there is a forecast to
 * clear) and the spread (the menu button is the cell). */
typedef struct {
  SpFollowUpTable       *table;
  SpFollowUpTableColumn  column;
  SpFollowUpRow         *row;
  GtkLabel              *label;          /* NULL for the spread */
  GtkEntry              *entry;          /* the forecast */
  GtkWidget             *clear_button;   /* the forecast's, once made */
  GtkMenuButton         *months_button;  /* the spread */
  GtkCheckButton        *checks[12];     /* in the spread's popover, once made */
  gboolean               syncing;
  gboolean               committing;
  char                  *shown;          /* the forecast as the entry last showed it */
} Cell;

struct _SpFollowUpTable
{
  GtkWidget            parent_instance;

  SpDatabase          *database;
  guint                through_month;
  GListStore          *rows;
  ColumnInfo           column_infos[SP_FOLLOW_UP_TABLE_N_COLUMNS];
  GtkColumnViewColumn *columns[SP_FOLLOW_UP_TABLE_N_COLUMNS];

  /* Template widgets */
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (SpFollowUpTable, sp_follow_up_table, GTK_TYPE_WIDGET)

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define CELL_KEY "sp-follow-up-cell"

/* The months shortened, as in "jan–apr". */
/* ---- Helpers ------------------------------------------------------------ */

static Cell *
get_cell (GtkWidget *widget)
{
  return widget != NULL ? g_object_get_data (G_OBJECT (widget), CELL_KEY) : NULL;
}

static void
show_error (SpFollowUpTable *self,
            const char      *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

/* In whole kronor, as a follow-up is read (the period's budget has öre where
 * the months split the year's unevenly); the forecast's entry shows it exact. */
static char *
format_amount (SpMoney amount)
{
  if (amount == SP_MONEY_NOT_SET)
    return g_strdup ("");
  return sp_money_format (sp_money_from_kr (sp_money_to_kr_rounded (amount)), SP_MONEY_UNIT_KR,
                          SP_MONEY_FORMAT_NO_UNIT);
}

static gboolean
is_forecast_entry (Cell *cell)
{
  return cell->row != NULL && cell->table->database != NULL &&
         sp_follow_up_row_get_kind (cell->row) == SP_BUDGET_ROW_LINE &&
         sp_follow_up_row_get_id (cell->row) != 0;
}

static void on_clear_clicked_cb (GtkButton *button,
                                 gpointer   data);

/* The forecast's clear button, made when a typed forecast first shows. */
static void
ensure_clear_button (Cell *cell)
{
  if (cell->clear_button != NULL)
    return;
  cell->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_add_css_class (cell->clear_button, "flat");
  gtk_widget_set_valign (cell->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (cell->clear_button, _("Clear the forecast: the year’s budget applies again"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->clear_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Clear Forecast"), -1);
  g_signal_connect (cell->clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), cell);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (cell->entry))), cell->clear_button);
}

static void
refresh_forecast (Cell *cell)
{
  SpFollowUpRow *row = cell->row;
  gboolean typed = sp_follow_up_row_get_forecast_typed (row);
  SpMoney forecast = sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_FORECAST);
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkWidget *entry = GTK_WIDGET (cell->entry);

  /* What the user is typing and has not stored stays. */
  if (cell->shown != NULL && gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry)))) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), cell->shown) != 0)
    return;
  text = forecast == SP_MONEY_NOT_SET ? g_strdup ("")
       : sp_money_format (forecast, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT);
  g_free (cell->shown);
  cell->shown = g_strdup (text);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_widget_remove_css_class (entry, "error");
  if (typed)
    ensure_clear_button (cell);
  if (cell->clear_button != NULL)
    gtk_widget_set_visible (cell->clear_button, typed);
  /* Translators: the accessible name of a forecast entry, then the line's text */
  name = g_strdup_printf (_("Forecast for the year: %s"), sp_follow_up_row_get_title (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  typed ? _("Typed forecast")
                                        : _("No forecast typed: the year's budget"),
                                  -1);
  if (typed)
    {
      gtk_widget_remove_css_class (entry, "dim-label");
      gtk_widget_set_tooltip_text (entry, NULL);
    }
  else
    {
      gtk_widget_add_css_class (entry, "dim-label");
      gtk_widget_set_tooltip_text (entry, _("No forecast typed: the year’s budget is shown. Type the forecast for the whole year."));
    }
}

static void
sync_checks (Cell *cell)
{
  guint months = cell->row != NULL ? sp_follow_up_row_get_months (cell->row) : SP_FOLLOW_UP_ALL_MONTHS;

  cell->syncing = TRUE;
  for (guint m = 0; m < 12; m++)
    if (cell->checks[m] != NULL)
      gtk_check_button_set_active (cell->checks[m], (months & (1u << m)) != 0);
  cell->syncing = FALSE;
}

static void
refresh (Cell *cell)
{
  SpFollowUpRow *row = cell->row;
  SpBudgetRowKind kind;
  g_autofree char *text = NULL;
  const char *tooltip = NULL;
  gboolean line;

  if (row == NULL)
    return;
  kind = sp_follow_up_row_get_kind (row);
  line = kind == SP_BUDGET_ROW_LINE;

  switch (cell->column)
    {
    case SP_FOLLOW_UP_TABLE_ACCOUNT:
      if (line)
        {
          text = g_strdup_printf ("%u", sp_follow_up_row_get_account (row));
          tooltip = sp_follow_up_row_get_account_name (row);
        }
      else if (kind == SP_BUDGET_ROW_GROUP || kind == SP_BUDGET_ROW_AREA)
        {
          SpBudgetRowSum sum = sp_follow_up_row_get_sum (row);

          /* What a group's or area's sums add up, as on the budget page. */
          text = g_strdup (sum == SP_BUDGET_ROW_SUM_REVENUE ? _("revenue") : sum == SP_BUDGET_ROW_SUM_NET ? _("net") : "");
          tooltip = sum == SP_BUDGET_ROW_SUM_NET ? _("The sums show revenue minus costs") : NULL;
        }
      break;
    case SP_FOLLOW_UP_TABLE_TEXT:
      text = g_strdup (sp_follow_up_row_get_title (row));
      tooltip = sp_follow_up_row_get_title (row);
      gtk_widget_set_margin_start (GTK_WIDGET (cell->label),
                                   line ? 24 : kind == SP_BUDGET_ROW_AREA ? 12 : 0);
      break;
    case SP_FOLLOW_UP_TABLE_YEAR_BUDGET:
      text = format_amount (sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_YEAR_BUDGET));
      break;
    case SP_FOLLOW_UP_TABLE_PERIOD_BUDGET:
      text = format_amount (sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_PERIOD_BUDGET));
      break;
    case SP_FOLLOW_UP_TABLE_ACTUAL:
      text = format_amount (sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_ACTUAL));
      break;
    case SP_FOLLOW_UP_TABLE_DEVIATION:
      text = format_amount (sp_follow_up_row_get_deviation (row, SP_FOLLOW_UP_PERIOD_BUDGET, SP_FOLLOW_UP_ACTUAL));
      break;
    case SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT:
      text = sp_money_format_percent (
        sp_follow_up_row_get_deviation (row, SP_FOLLOW_UP_PERIOD_BUDGET, SP_FOLLOW_UP_ACTUAL),
        sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_PERIOD_BUDGET));
      break;
    case SP_FOLLOW_UP_TABLE_FORECAST:
      if (is_forecast_entry (cell))
        {
          gtk_widget_set_visible (GTK_WIDGET (cell->label), FALSE);
          gtk_widget_set_visible (GTK_WIDGET (cell->entry), TRUE);
          refresh_forecast (cell);
          return;
        }
      gtk_widget_set_visible (GTK_WIDGET (cell->entry), FALSE);
      if (cell->clear_button != NULL)
        gtk_widget_set_visible (cell->clear_button, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (cell->label), TRUE);
      text = format_amount (sp_follow_up_row_get_amount (row, SP_FOLLOW_UP_FORECAST));
      break;
    case SP_FOLLOW_UP_TABLE_FORECAST_DEVIATION:
      text = format_amount (sp_follow_up_row_get_deviation (row, SP_FOLLOW_UP_YEAR_BUDGET, SP_FOLLOW_UP_FORECAST));
      break;
    case SP_FOLLOW_UP_TABLE_MONTHS:
    case SP_FOLLOW_UP_TABLE_N_COLUMNS:
    default:
      {
        gboolean has = line && sp_follow_up_row_get_id (row) != 0;
        g_autofree char *label = has ? sp_month_format_set (sp_follow_up_row_get_months (row)) : NULL;

        gtk_widget_set_visible (GTK_WIDGET (cell->months_button), has);
        if (has)
          {
            /* Translators: the accessible name of a line's spread button, then the line's text */
            g_autofree char *name = g_strdup_printf (_("Months of the budget: %s"), sp_follow_up_row_get_title (row));
            gtk_menu_button_set_label (cell->months_button, label);
            gtk_accessible_update_property (GTK_ACCESSIBLE (cell->months_button),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
            sync_checks (cell);
          }
        return;
      }
    }

  gtk_label_set_text (cell->label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell->label), tooltip != NULL && *tooltip != '\0' ? tooltip : NULL);
  if (cell->column == SP_FOLLOW_UP_TABLE_ACCOUNT && !line)
    gtk_widget_add_css_class (GTK_WIDGET (cell->label), "dim-label");
  else if (cell->column == SP_FOLLOW_UP_TABLE_ACCOUNT)
    gtk_widget_remove_css_class (GTK_WIDGET (cell->label), "dim-label");
  if (!line && cell->column != SP_FOLLOW_UP_TABLE_ACCOUNT)
    gtk_widget_add_css_class (GTK_WIDGET (cell->label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell->label), "heading");
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  if (cell->row != NULL)
    g_signal_handlers_disconnect_by_data (cell->row, cell);
  g_clear_object (&cell->row);
  g_free (cell->shown);
  g_free (cell);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_row_changed_cb (SpFollowUpRow *row,
                   gpointer       data)
{
  refresh (data);
}

static void
on_entry_activate_cb (GtkEntry *entry,
                      gpointer  data)
{
  Cell *cell = data;

  sp_follow_up_table_commit_cell (gtk_widget_get_parent (GTK_WIDGET (cell->entry)));
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         gpointer                 data)
{
  Cell *cell = data;

  if (cell->row == NULL || cell->committing || !is_forecast_entry (cell) ||
      g_strcmp0 (cell->shown, gtk_editable_get_text (GTK_EDITABLE (cell->entry))) == 0)
    return;
  sp_follow_up_table_commit_cell (gtk_widget_get_parent (GTK_WIDGET (cell->entry)));
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         gpointer               data)
{
  Cell *cell = data;

  if (keyval != GDK_KEY_Escape || cell->row == NULL)
    return FALSE;
  g_clear_pointer (&cell->shown, g_free);
  refresh (cell);
  return TRUE;
}

static void
on_clear_clicked_cb (GtkButton *button,
                     gpointer   data)
{
  Cell *cell = data;

  sp_follow_up_table_clear_cell (gtk_widget_get_parent (GTK_WIDGET (cell->entry)));
}

static void
store_months (Cell  *cell,
              guint  months)
{
  g_autoptr(GError) error = NULL;
  SpFollowUpTable *self = cell->table;

  if (cell->row == NULL || self->database == NULL)
    return;
  if (months == 0)
    {
      show_error (self, _("A budget falls in at least one month: choose one, or spread it evenly."));
      sync_checks (cell);
      return;
    }
  if (months == sp_follow_up_row_get_months (cell->row))
    return;
  if (!sp_follow_up_set_months (self->database, sp_follow_up_row_get_id (cell->row), months, &error))
    {
      show_error (self, error->message);
      sync_checks (cell);
      return;
    }
  show_error (self, NULL);
}

static void
on_month_toggled_cb (GtkCheckButton *check,
                     gpointer        data)
{
  Cell *cell = data;
  guint months = 0;

  if (cell->syncing)
    return;
  for (guint m = 0; m < 12; m++)
    if (gtk_check_button_get_active (cell->checks[m]))
      months |= 1u << m;
  store_months (cell, months);
}

static void
on_evenly_clicked_cb (GtkButton *button,
                      gpointer   data)
{
  store_months (data, SP_FOLLOW_UP_ALL_MONTHS);
}

static void
on_popover_destroy_cb (GtkWidget *popover,
                       gpointer   data)
{
  Cell *cell = data;

  for (guint m = 0; m < 12; m++)
    cell->checks[m] = NULL;
}

/* The spread's popover, made when it is first opened. */
static void
create_months_popover (GtkMenuButton *button,
                       gpointer       data)
{
  Cell *cell = data;
  GtkWidget *popover, *box, *grid, *title, *evenly;

  if (gtk_menu_button_get_popover (button) != NULL)
    {
      sync_checks (cell);
      return;
    }
  popover = gtk_popover_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = gtk_label_new (_("The budget falls in"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint m = 0; m < 12; m++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (sp_month_name (m + 1));

      cell->checks[m] = GTK_CHECK_BUTTON (check);
      gtk_grid_attach (GTK_GRID (grid), check, m / 4, m % 4, 1, 1);
      g_signal_connect (check, "toggled", G_CALLBACK (on_month_toggled_cb), cell);
    }
  gtk_box_append (GTK_BOX (box), grid);
  evenly = gtk_button_new_with_label (_("Evenly over the Year"));
  g_signal_connect (evenly, "clicked", G_CALLBACK (on_evenly_clicked_cb), cell);
  gtk_box_append (GTK_BOX (box), evenly);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect (popover, "destroy", G_CALLBACK (on_popover_destroy_cb), cell);
  gtk_menu_button_set_popover (button, popover);
  sync_checks (cell);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     ColumnInfo               *info)
{
  Cell *cell = g_new0 (Cell, 1);
  gboolean amount = info->column >= SP_FOLLOW_UP_TABLE_YEAR_BUDGET && info->column != SP_FOLLOW_UP_TABLE_MONTHS;
  GtkWidget *child;

  cell->table = info->table;
  cell->column = info->column;

  if (info->column == SP_FOLLOW_UP_TABLE_MONTHS)
    {
      cell->months_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
      gtk_widget_add_css_class (GTK_WIDGET (cell->months_button), "flat");
      gtk_widget_set_halign (GTK_WIDGET (cell->months_button), GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->months_button),
                                   _("The months the line’s budget falls in: evenly, or chosen months"));
      gtk_menu_button_set_create_popup_func (cell->months_button, create_months_popover, cell, NULL);
      child = GTK_WIDGET (cell->months_button);
      g_object_set_data_full (G_OBJECT (child), CELL_KEY, cell, cell_free);
      gtk_list_item_set_child (item, child);
      return;
    }

  cell->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (cell->label), TRUE);
  gtk_label_set_xalign (cell->label, amount ? 1 : 0);
  if (amount || info->column == SP_FOLLOW_UP_TABLE_ACCOUNT)
    gtk_widget_add_css_class (GTK_WIDGET (cell->label), "numeric");
  else
    gtk_label_set_ellipsize (cell->label, PANGO_ELLIPSIZE_END);
  if (info->column == SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT)
    gtk_widget_add_css_class (GTK_WIDGET (cell->label), "dim-label");
  child = GTK_WIDGET (cell->label);

  if (info->column == SP_FOLLOW_UP_TABLE_FORECAST)
    {
      GtkEventController *controller;

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_box_append (GTK_BOX (child), GTK_WIDGET (cell->label));
      cell->entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_has_frame (cell->entry, FALSE);
      gtk_entry_set_alignment (cell->entry, 1.0);
      gtk_editable_set_width_chars (GTK_EDITABLE (cell->entry), 9);
      gtk_widget_set_hexpand (GTK_WIDGET (cell->entry), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (cell->entry), "sp-amount");
      gtk_widget_set_visible (GTK_WIDGET (cell->entry), FALSE);
      g_signal_connect (cell->entry, "activate", G_CALLBACK (on_entry_activate_cb), cell);
      controller = gtk_event_controller_focus_new ();
      g_signal_connect (controller, "leave", G_CALLBACK (on_entry_focus_leave_cb), cell);
      gtk_widget_add_controller (GTK_WIDGET (cell->entry), controller);
      controller = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
      g_signal_connect (controller, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), cell);
      gtk_widget_add_controller (GTK_WIDGET (cell->entry), controller);
      gtk_box_append (GTK_BOX (child), GTK_WIDGET (cell->entry));
    }
  g_object_set_data_full (G_OBJECT (child), CELL_KEY, cell, cell_free);
  gtk_list_item_set_child (item, child);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    ColumnInfo               *info)
{
  Cell *cell = get_cell (gtk_list_item_get_child (item));
  SpFollowUpRow *row = gtk_list_item_get_item (item);

  if (cell == NULL || row == NULL)
    return;
  g_clear_pointer (&cell->shown, g_free);
  cell->row = g_object_ref (row);
  g_signal_connect (row, "changed", G_CALLBACK (on_row_changed_cb), cell);
  refresh (cell);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      ColumnInfo               *info)
{
  Cell *cell = get_cell (gtk_list_item_get_child (item));

  if (cell == NULL)
    return;
  if (cell->row != NULL)
    g_signal_handlers_disconnect_by_data (cell->row, cell);
  g_clear_object (&cell->row);
  if (cell->months_button != NULL)
    gtk_menu_button_popdown (cell->months_button);
}

/* ---- GObject ------------------------------------------------------------ */

static void
update_titles (SpFollowUpTable *self)
{
  g_autofree char *period = sp_month_format_period (self->through_month, TRUE);
  /* Translators: column heads on two lines, the unit below; %s is a period, e.g. "jan–apr" */
  g_autofree char *period_budget = g_strdup_printf (_("Budget %s\nkr"), period);
  /* Translators: %s is a period, e.g. "jan–apr" */
  g_autofree char *actual = g_strdup_printf (_("Actuals %s\nkr"), period);

  gtk_column_view_column_set_title (self->columns[SP_FOLLOW_UP_TABLE_PERIOD_BUDGET], period_budget);
  gtk_column_view_column_set_title (self->columns[SP_FOLLOW_UP_TABLE_ACTUAL], actual);
}

static void
add_column (SpFollowUpTable       *self,
            SpFollowUpTableColumn  column,
            const char            *title,
            int                    width,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = &self->column_infos[column];

  *info = (ColumnInfo) { self, column };
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), info);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), info);
  self->columns[column] = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (self->columns[column], TRUE);
  gtk_column_view_column_set_expand (self->columns[column], expand);
  gtk_column_view_column_set_fixed_width (self->columns[column], width);
  gtk_column_view_append_column (self->column_view, self->columns[column]);
  g_object_unref (self->columns[column]);
}

static void
sp_follow_up_table_dispose (GObject *object)
{
  SpFollowUpTable *self = SP_FOLLOW_UP_TABLE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_FOLLOW_UP_TABLE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_follow_up_table_parent_class)->dispose (object);
}

static void
sp_follow_up_table_class_init (SpFollowUpTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_follow_up_table_dispose;

  /**
   * SpFollowUpTable::error:
   * @message: (nullable): why an edit was not stored, or %NULL when it was
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-follow-up-table.ui");
  gtk_widget_class_bind_template_child (widget_class, SpFollowUpTable, column_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-follow-up-table");
}

static void
sp_follow_up_table_init (SpFollowUpTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->through_month = 12;
  self->rows = g_list_store_new (SP_TYPE_FOLLOW_UP_ROW);
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)))));

  /* At the window's default size (1100 pixels) every column shows. */
  add_column (self, SP_FOLLOW_UP_TABLE_ACCOUNT, _("Account"), 60, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_TEXT, _("Text"), 170, TRUE);
  /* Translators: column heads on two lines, the unit below */
  add_column (self, SP_FOLLOW_UP_TABLE_YEAR_BUDGET, _("Budget year\nkr"), 100, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_PERIOD_BUDGET, "", 118, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_ACTUAL, "", 118, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_DEVIATION, _("Deviation\nkr"), 88, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_DEVIATION_PERCENT, _("Deviation\n%"), 82, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_FORECAST, _("Forecast year\nkr"), 110, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_FORECAST_DEVIATION, _("Forecast against\nbudget, kr"), 104, FALSE);
  add_column (self, SP_FOLLOW_UP_TABLE_MONTHS, _("Months"), 84, FALSE);
  update_titles (self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_follow_up_table_new (void)
{
  return g_object_new (SP_TYPE_FOLLOW_UP_TABLE, NULL);
}

/* The database the forecasts and spreads are stored in. */
void
sp_follow_up_table_set_database (SpFollowUpTable *self,
                                 SpDatabase      *database)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_TABLE (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  g_set_object (&self->database, database);
}

/* The period the heads name: January through @through_month. */
void
sp_follow_up_table_set_through_month (SpFollowUpTable *self,
                                      guint            through_month)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_TABLE (self));
  g_return_if_fail (through_month >= 1 && through_month <= 12);

  self->through_month = through_month;
  update_titles (self);
}

/**
 * sp_follow_up_table_update:
 * @follow_up: (nullable): the year followed up
 */
void
sp_follow_up_table_update (SpFollowUpTable *self,
                           SpFollowUp      *follow_up)
{
  g_return_if_fail (SP_IS_FOLLOW_UP_TABLE (self));

  sp_follow_up_row_sync_store (self->rows, follow_up);
}

/* Returns: (transfer none): the rows shown, of #SpFollowUpRow */
GListModel *
sp_follow_up_table_get_rows (SpFollowUpTable *self)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_TABLE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

static GtkWidget *
find_cell_in (GtkWidget             *widget,
              SpFollowUpRow         *row,
              SpFollowUpTableColumn  column)
{
  Cell *cell = get_cell (widget);

  if (cell != NULL && cell->row == row && cell->column == column && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell_in (child, row, column);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the cell that shows @column of @row now, if it is in view */
GtkWidget *
sp_follow_up_table_find_cell (SpFollowUpTable       *self,
                              SpFollowUpRow         *row,
                              SpFollowUpTableColumn  column)
{
  g_return_val_if_fail (SP_IS_FOLLOW_UP_TABLE (self), NULL);
  return find_cell_in (GTK_WIDGET (self->column_view), row, column);
}

/* What a cell shows: the forecast entry's text, the spread button's label, or the label's. */
const char *
sp_follow_up_table_get_cell_text (GtkWidget *widget)
{
  Cell *cell = get_cell (widget);

  g_return_val_if_fail (cell != NULL, "");
  if (cell->entry != NULL && gtk_widget_get_visible (GTK_WIDGET (cell->entry)))
    return gtk_editable_get_text (GTK_EDITABLE (cell->entry));
  if (cell->months_button != NULL)
    return gtk_widget_get_visible (GTK_WIDGET (cell->months_button))
      ? gtk_menu_button_get_label (cell->months_button) : "";
  return gtk_label_get_text (cell->label);
}

/* Returns: (transfer none) (nullable): the forecast's entry of a cell */
GtkEditable *
sp_follow_up_table_get_cell_entry (GtkWidget *widget)
{
  Cell *cell = get_cell (widget);

  g_return_val_if_fail (cell != NULL, NULL);
  return cell->entry != NULL ? GTK_EDITABLE (cell->entry) : NULL;
}

/**
 * sp_follow_up_table_commit_cell:
 *
 * Stores the text of a forecast cell as the line's forecast: an empty text
 * clears it. What is not an amount, or is refused, stays in the cell with
 * the error style and the reason; nothing is stored.
 *
 * Returns: whether the cell holds what was typed now
 */
gboolean
sp_follow_up_table_commit_cell (GtkWidget *widget)
{
  Cell *cell = get_cell (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  SpMoney amount = 0;
  gboolean ok = TRUE;
  const char *text;

  g_return_val_if_fail (cell != NULL, FALSE);

  if (cell->entry == NULL || !is_forecast_entry (cell))
    return FALSE;
  text = gtk_editable_get_text (GTK_EDITABLE (cell->entry));
  if (g_strcmp0 (text, cell->shown) == 0)
    return TRUE;
  typed = g_strstrip (g_strdup (text));
  if (*typed != '\0')
    ok = sp_money_parse (typed, SP_MONEY_UNIT_KR, &amount, &error);
  if (ok)
    {
      g_autoptr(SpFollowUpRow) row = g_object_ref (cell->row);

      cell->committing = TRUE;
      ok = sp_follow_up_set_forecast (cell->table->database, sp_follow_up_row_get_id (row),
                                      *typed != '\0' ? &amount : NULL, &error);
      cell->committing = FALSE;
    }
  if (!ok)
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->entry), error->message);
      show_error (cell->table, error->message);
      return FALSE;
    }
  show_error (cell->table, NULL);
  if (cell->row != NULL)
    {
      g_clear_pointer (&cell->shown, g_free);
      refresh (cell);
    }
  return TRUE;
}

/* The clear button: the line's forecast is the year's budget again. */
gboolean
sp_follow_up_table_clear_cell (GtkWidget *widget)
{
  Cell *cell = get_cell (widget);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (cell != NULL, FALSE);

  if (cell->entry == NULL || !is_forecast_entry (cell))
    return FALSE;
  if (!sp_follow_up_set_forecast (cell->table->database, sp_follow_up_row_get_id (cell->row), NULL, &error))
    {
      show_error (cell->table, error->message);
      return FALSE;
    }
  show_error (cell->table, NULL);
  return TRUE;
}

