/* sp-budget-text-cell.c: a cell of the budget table that shows words: account, text, comment or deviation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cell follows its row's ::changed. A line's text and comment are
 * editable labels while the year is open: leaving the edit stores the text,
 * and what cannot be stored is put back and reported with ::error. The
 * deviation cell shows last year's actuals less its budget, in the unit of
 * the table and in per cent of the budget.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-budget-text-cell.h"

#include "sp-widget-util.h"

struct _SpBudgetTextCell
{
  GtkBox                parent_instance;

  SpBudgetTextCellKind  kind;
  GtkLabel             *label;
  GtkEditableLabel     *editable;    /* text and comment cells only */

  SpDatabase           *database;
  SpBudgetRow          *row;
  gboolean              can_edit;
  gboolean              unit_tkr;
};

G_DEFINE_FINAL_TYPE (SpBudgetTextCell, sp_budget_text_cell, GTK_TYPE_BOX)

/* How long a disposed cell's editable label outlives it: well over the
 * 100 ms GtkEditableLabel waits after losing the focus (see dispose). */
#define EDITABLE_KEEP_MS 2000

enum {
  PROP_0,
  PROP_UNIT_TKR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------ */

/* Last year's deviation: actuals less budget, in the unit shown and in per cent
 * of the budget. Empty where either is not set. */
static void
refresh_deviation (SpBudgetTextCell *self)
{
  SpBudgetRow *row = self->row;
  SpMoney budget = sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_PREVIOUS_BUDGET);
  SpMoney actual = sp_budget_row_get_amount (row, SP_BUDGET_COLUMN_PREVIOUS_ACTUAL);
  g_autofree char *amount = NULL;
  g_autofree char *text = NULL;
  SpMoney deviation;

  if (budget == SP_BUDGET_NOT_SET || actual == SP_BUDGET_NOT_SET)
    {
      gtk_label_set_label (self->label, "");
      return;
    }
  deviation = actual - budget;
  amount = sp_money_format (deviation, self->unit_tkr ? SP_MONEY_UNIT_TKR : SP_MONEY_UNIT_KR,
                            SP_MONEY_FORMAT_NO_UNIT);
  if (budget != 0)
    {
      /* Tenths of a per cent, rounded half away from zero, in exact integers. */
      gint64 tenths = (deviation * 2000 / budget + (deviation * budget >= 0 ? 1 : -1)) / 2;
      g_autofree char *percent = g_strdup_printf ("%s%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                                                  tenths < 0 ? "−" : "",
                                                  ABS (tenths) / 10, ABS (tenths) % 10);
      /* Translators: a deviation in money and in per cent, e.g. "−12 000 (−5,2 %)" */
      text = g_strdup_printf (_("%s (%s %%)"), amount, percent);
    }
  else
    text = g_strdup (amount);
  gtk_label_set_label (self->label, text);
}

static void
refresh (SpBudgetTextCell *self)
{
  SpBudgetRow *row = self->row;
  SpBudgetLine *line;
  SpBudgetRowKind kind;
  const char *text = "";
  const char *tooltip = NULL;
  g_autofree char *number = NULL;
  gboolean use_editable;
  static const char *classes[] = { "sp-group", "sp-area", "sp-line", "sp-total", "sp-part", "sp-derived", NULL };
  const char *class;

  if (row == NULL)
    return;
  if (self->kind == SP_BUDGET_TEXT_CELL_DEVIATION)
    {
      refresh_deviation (self);
      return;
    }

  line = sp_budget_row_get_line (row);
  kind = sp_budget_row_get_kind (row);
  use_editable = line != NULL && self->can_edit && self->editable != NULL;
  switch (self->kind)
    {
    case SP_BUDGET_TEXT_CELL_ACCOUNT:
      if (line != NULL)
        {
          number = g_strdup_printf ("%d", sp_budget_line_get_account (line));
          text = number;
          tooltip = sp_budget_line_get_account_name (line);
        }
      else if (kind == SP_BUDGET_ROW_CONTRIBUTION && sp_budget_row_get_account (row) != 0)
        {
          number = g_strdup_printf ("%u", sp_budget_row_get_account (row));
          text = number;
          tooltip = sp_budget_row_get_account_name (row);
        }
      break;
    case SP_BUDGET_TEXT_CELL_TEXT:
      text = sp_budget_row_get_title (row);
      tooltip = kind == SP_BUDGET_ROW_CONTRIBUTION ? sp_budget_row_get_note (row) : text;
      break;
    case SP_BUDGET_TEXT_CELL_COMMENT:
    case SP_BUDGET_TEXT_CELL_DEVIATION:
    default:
      text = line != NULL ? sp_budget_line_get_comment (line) : "";
      tooltip = text;
      break;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->label), !use_editable);
  if (self->editable != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->editable), use_editable);
  if (use_editable)
    {
      if (!gtk_editable_label_get_editing (self->editable))
        gtk_editable_set_text (GTK_EDITABLE (self->editable), text != NULL ? text : "");
    }
  else
    gtk_label_set_text (self->label, text != NULL ? text : "");
  sp_widget_set_tooltip_lazily (GTK_WIDGET (self), tooltip);

  class = kind == SP_BUDGET_ROW_GROUP ? "sp-group" : kind == SP_BUDGET_ROW_AREA ? "sp-area"
        : kind == SP_BUDGET_ROW_LINE ? "sp-line" : kind == SP_BUDGET_ROW_PART ? "sp-part"
        : kind == SP_BUDGET_ROW_CONTRIBUTION ? "sp-derived" : "sp-total";
  for (guint i = 0; classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), class);
  /* Groups and totals bold, areas bold and indented, lines indented more. */
  if (self->kind == SP_BUDGET_TEXT_CELL_TEXT)
    gtk_widget_set_margin_start (GTK_WIDGET (self->label), kind == SP_BUDGET_ROW_AREA ? 12 : 0);
  if (self->kind == SP_BUDGET_TEXT_CELL_TEXT && (line != NULL || kind == SP_BUDGET_ROW_CONTRIBUTION))
    gtk_widget_set_margin_start (GTK_WIDGET (self->label), 24);
  if (self->editable != NULL)
    gtk_widget_set_margin_start (GTK_WIDGET (self->editable), self->kind == SP_BUDGET_TEXT_CELL_TEXT ? 24 : 0);
  if (line == NULL && kind != SP_BUDGET_ROW_CONTRIBUTION && self->kind == SP_BUDGET_TEXT_CELL_TEXT)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "heading");
  /* A group's or area's "intäkter" is a note, small enough for the account
   * column with every font (Debian 13's Cantarell cut it at full size). */
  if (self->kind == SP_BUDGET_TEXT_CELL_ACCOUNT && line == NULL && kind != SP_BUDGET_ROW_CONTRIBUTION)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->label), "caption");
    }
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_row_changed_cb (SpBudgetTextCell *self,
                   SpBudgetRow      *row)
{
  refresh (self);
}

/* Leaving the edit of a text or comment stores it. */
static void
on_editable_notify_editing_cb (SpBudgetTextCell *self,
                               GParamSpec       *pspec,
                               GtkEditableLabel *label)
{
  gboolean comment = self->kind == SP_BUDGET_TEXT_CELL_COMMENT;
  g_autoptr(GError) error = NULL;
  SpBudgetLine *line;
  const char *text;
  gboolean ok;

  if (gtk_editable_label_get_editing (label) || self->row == NULL || self->database == NULL)
    return;
  line = sp_budget_row_get_line (self->row);
  text = gtk_editable_get_text (GTK_EDITABLE (label));
  if (line == NULL ||
      g_strcmp0 (text, comment ? sp_budget_line_get_comment (line) : sp_budget_line_get_text (line)) == 0)
    return;

  ok = comment ? sp_budget_line_set_comment (self->database, sp_budget_row_get_id (self->row), text, &error)
               : sp_budget_line_set_text (self->database, sp_budget_row_get_id (self->row), text, &error);
  g_signal_emit (self, signals[ERROR], 0, ok ? NULL : error->message);
  if (!ok)
    gtk_editable_set_text (GTK_EDITABLE (label), comment ? sp_budget_line_get_comment (line)
                                                         : sp_budget_line_get_text (line));
}

static gboolean
on_editable_release_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

/* ---- GObject ------------------------------------------------------------ */

static void
sp_budget_text_cell_dispose (GObject *object)
{
  SpBudgetTextCell *self = SP_BUDGET_TEXT_CELL (object);

  sp_budget_text_cell_unbind (self);
  /* GTK 4.8's GtkEditableLabel stops its edit 100 ms after it loses the
   * focus, from a timeout that holds its focus controller without a
   * reference. A cell disposed sooner (the table makes its rows anew when a
   * line is added or an addition undone, and the focus leaves the cell as it
   * goes) would leave that timeout with a freed controller and label. The
   * label is kept, with its controller, until the timeout has surely run. */
  if (self->editable != NULL)
    {
      g_timeout_add_full (G_PRIORITY_LOW, EDITABLE_KEEP_MS, on_editable_release_cb,
                          g_object_ref (self->editable), NULL);
      self->editable = NULL;
    }

  G_OBJECT_CLASS (sp_budget_text_cell_parent_class)->dispose (object);
}

static void
sp_budget_text_cell_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SpBudgetTextCell *self = SP_BUDGET_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_UNIT_TKR:
      g_value_set_boolean (value, self->unit_tkr);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_text_cell_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SpBudgetTextCell *self = SP_BUDGET_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_UNIT_TKR:
      sp_budget_text_cell_set_unit_tkr (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_budget_text_cell_class_init (SpBudgetTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_budget_text_cell_dispose;
  object_class->get_property = sp_budget_text_cell_get_property;
  object_class->set_property = sp_budget_text_cell_set_property;

  properties[PROP_UNIT_TKR] =
    g_param_spec_boolean ("unit-tkr", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpBudgetTextCell::error:
   * @message: (nullable): why an edit was not stored, or %NULL when it was
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sp_budget_text_cell_init (SpBudgetTextCell *self)
{
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_budget_text_cell_new (SpBudgetTextCellKind kind)
{
  SpBudgetTextCell *self = g_object_new (SP_TYPE_BUDGET_TEXT_CELL,
                                         "orientation", GTK_ORIENTATION_HORIZONTAL, NULL);

  self->kind = kind;
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->label));
  if (kind == SP_BUDGET_TEXT_CELL_DEVIATION)
    {
      gtk_label_set_xalign (self->label, 1);
      gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "dim-label");
      return GTK_WIDGET (self);
    }

  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  if (kind == SP_BUDGET_TEXT_CELL_ACCOUNT)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      return GTK_WIDGET (self);
    }
  self->editable = GTK_EDITABLE_LABEL (gtk_editable_label_new (""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editable), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editable), 4);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->editable));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editable), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kind == SP_BUDGET_TEXT_CELL_COMMENT ? _("Comment") : _("Text"), -1);
  g_signal_connect_object (self->editable, "notify::editing", G_CALLBACK (on_editable_notify_editing_cb),
                           self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

SpBudgetTextCellKind
sp_budget_text_cell_get_kind (SpBudgetTextCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_TEXT_CELL (self), SP_BUDGET_TEXT_CELL_TEXT);
  return self->kind;
}

/**
 * sp_budget_text_cell_bind:
 * @database: (nullable): where an edited text is stored
 * @row: the row shown
 * @editable: whether a line's text and comment may be edited
 */
void
sp_budget_text_cell_bind (SpBudgetTextCell *self,
                          SpDatabase       *database,
                          SpBudgetRow      *row,
                          gboolean          editable)
{
  g_return_if_fail (SP_IS_BUDGET_TEXT_CELL (self));
  g_return_if_fail (SP_IS_BUDGET_ROW (row));

  sp_budget_text_cell_unbind (self);
  g_set_object (&self->database, database);
  self->row = g_object_ref (row);
  self->can_edit = editable && database != NULL;
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
}

void
sp_budget_text_cell_unbind (SpBudgetTextCell *self)
{
  g_return_if_fail (SP_IS_BUDGET_TEXT_CELL (self));

  if (self->row != NULL)
    g_signal_handlers_disconnect_by_func (self->row, on_row_changed_cb, self);
  g_clear_object (&self->row);
  g_clear_object (&self->database);
}

/* Returns: (transfer none) (nullable): the row shown */
SpBudgetRow *
sp_budget_text_cell_get_row (SpBudgetTextCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_TEXT_CELL (self), NULL);
  return self->row;
}

gboolean
sp_budget_text_cell_get_unit_tkr (SpBudgetTextCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_TEXT_CELL (self), FALSE);
  return self->unit_tkr;
}

/* Shows a deviation in tkr (%TRUE) or kr. */
void
sp_budget_text_cell_set_unit_tkr (SpBudgetTextCell *self,
                                  gboolean          unit_tkr)
{
  g_return_if_fail (SP_IS_BUDGET_TEXT_CELL (self));

  unit_tkr = !!unit_tkr;
  if (self->unit_tkr == unit_tkr)
    return;
  self->unit_tkr = unit_tkr;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_TKR]);
}
