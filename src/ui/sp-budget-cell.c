/* sp-budget-cell.c: an amount cell of the budget table, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A line's amount is an entry without a frame: Enter stores it and moves
 * down, Tab stores it and moves right (Shift+Tab left), Escape puts back the
 * stored amount, and leaving the cell stores it. The text is read in the
 * page's unit (kr or tkr) unless it names one. What cannot be stored is kept
 * in the cell with the error style and the reason, and nothing is stored.
 * While another program holds the file's lock, what was typed stays in the
 * cell and is stored again when that program commits, or every second.
 * Sums (groups, areas, totals) and the lines of an adopted year are labels.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sp-budget-cell.h"

struct _SpBudgetCell
{
  GtkWidget       parent_instance;

  GtkEntry       *entry;
  GtkLabel       *label;

  SpDatabase     *database;
  SpBudgetRow    *row;
  SpBudgetColumn  column;
  SpMoneyUnit     unit;
  gboolean        editable;
  gboolean        committing;
  char           *shown;          /* the stored amount as the entry last showed it */
  guint           retry_id;       /* the file was busy: store again soon */
  gulong          elsewhere_id;   /* ...or when the other program commits */
};

G_DEFINE_FINAL_TYPE (SpBudgetCell, sp_budget_cell, GTK_TYPE_WIDGET)

enum {
  MOVE,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_error (SpBudgetCell *self,
           const char   *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
    }
  g_signal_emit (self, signals[ERROR], 0, message);
}

/* Try the file again this often while another program holds its lock. */
#define RETRY_INTERVAL_MS 1000

static void
stop_retry (SpBudgetCell *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->database != NULL)
    g_clear_signal_handler (&self->elsewhere_id, self->database);
  self->elsewhere_id = 0;
}

static gboolean
on_retry_timeout_cb (gpointer user_data)
{
  g_autoptr(SpBudgetCell) self = g_object_ref (user_data);

  self->retry_id = 0;
  sp_budget_cell_commit (self);
  return G_SOURCE_REMOVE;
}

/* The other program committed: its lock is likely gone. This runs before
 * the pages reload from the database's "changed", so the text typed is
 * stored, not replaced. */
static void
on_database_changed_elsewhere_cb (SpBudgetCell *self)
{
  g_autoptr(SpBudgetCell) hold = g_object_ref (self);

  sp_budget_cell_commit (self);
}

static void
start_retry (SpBudgetCell *self)
{
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (RETRY_INTERVAL_MS, on_retry_timeout_cb, self);
  if (self->elsewhere_id == 0)
    self->elsewhere_id = g_signal_connect_object (self->database, "changed-elsewhere",
                                                  G_CALLBACK (on_database_changed_elsewhere_cb),
                                                  self, G_CONNECT_SWAPPED);
}

/* The stored amount as the entry shows it: exact, so that an unchanged text
 * reads back as the same amount. */
static char *
format_for_entry (SpBudgetCell *self)
{
  SpMoney amount = sp_budget_row_get_amount (self->row, self->column);

  if (!SP_BUDGET_IS_SET (amount))
    return g_strdup ("");
  return sp_money_format (amount, self->unit, SP_MONEY_FORMAT_EXACT | SP_MONEY_FORMAT_NO_UNIT);
}

static void
refresh (SpBudgetCell *self)
{
  SpBudgetRowKind kind;
  SpMoney amount;
  g_autofree char *text = NULL;

  if (self->row == NULL)
    return;

  kind = sp_budget_row_get_kind (self->row);
  amount = sp_budget_row_get_amount (self->row, self->column);
  if (SP_BUDGET_IS_SET (amount))
    text = sp_money_format (amount, self->unit, SP_MONEY_FORMAT_NO_UNIT);

  if (kind == SP_BUDGET_ROW_LINE && self->editable && self->retry_id != 0)
    return;  /* what was typed waits for the file, and stays */
  if (kind == SP_BUDGET_ROW_LINE && self->editable)
    {
      g_autofree char *entry_text = format_for_entry (self);

      g_free (self->shown);
      self->shown = g_strdup (entry_text);
      gtk_editable_set_text (GTK_EDITABLE (self->entry), entry_text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->entry), NULL);
    }
  else
    {
      gtk_label_set_text (self->label, text != NULL ? text : "");
      /* A derived line says where its amounts come from. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->label),
                                   kind == SP_BUDGET_ROW_CONTRIBUTION ? sp_budget_row_get_note (self->row) : NULL);
      if (kind != SP_BUDGET_ROW_LINE && amount < 0 && SP_BUDGET_IS_SET (amount))
        gtk_widget_add_css_class (GTK_WIDGET (self->label), "sp-negative");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->label), "sp-negative");
    }
}

/* The line changed (an undo, another program): what the user is typing
 * and has not stored yet is newer, and stays. */
static void
on_row_changed_cb (SpBudgetCell *self,
                   SpBudgetRow  *row)
{
  if (self->editable && self->shown != NULL && gtk_widget_get_visible (GTK_WIDGET (self->entry)) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), self->shown) != 0)
    return;
  refresh (self);
}

static void
on_entry_activate_cb (SpBudgetCell *self,
                      GtkEntry     *entry)
{
  if (sp_budget_cell_commit (self))
    g_signal_emit (self, signals[MOVE], 0, GTK_DIR_DOWN);
}

static gboolean
on_key_pressed_cb (SpBudgetCell          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  switch (keyval)
    {
    case GDK_KEY_Escape:
      sp_budget_cell_cancel (self);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (sp_budget_cell_commit (self))
        {
          gboolean back = keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK) != 0;
          g_signal_emit (self, signals[MOVE], 0, back ? GTK_DIR_LEFT : GTK_DIR_RIGHT);
        }
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave_cb (SpBudgetCell            *self,
                   GtkEventControllerFocus *controller)
{
  g_autofree char *stored = NULL;

  if (self->row == NULL || !self->editable || self->committing)
    return;
  stored = format_for_entry (self);
  if (g_strcmp0 (stored, gtk_editable_get_text (GTK_EDITABLE (self->entry))) != 0)
    sp_budget_cell_commit (self);
}

static void
on_clipboard_read_text_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(SpBudgetCell) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL || self->row == NULL)
    return;
  sp_budget_cell_paste_text (self, text);
}

/* The clipboard's bytes, read whole: a NUL in them refuses the paste (a
 * C string would end there and store only what came before it). */
static void
on_clipboard_spliced_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(SpBudgetCell) self = user_data;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (source);
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;
  const char *nul;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error) < 0 || self->row == NULL)
    return;
  data = g_memory_output_stream_get_data (memory);
  size = g_memory_output_stream_get_data_size (memory);
  nul = data != NULL ? memchr (data, '\0', size) : NULL;
  if (nul != NULL)
    {
      g_autofree char *before = g_utf8_make_valid (data, MIN (nul - data, 40));
      g_autofree char *message =
        /* Translators: %s is what came before the zero byte in the pasted text */
        g_strdup_printf (_("The pasted text has a zero byte (NUL) after “%s”: nothing was pasted."), before);

      set_error (self, message);
      return;
    }
  {
    g_autofree char *text = g_strndup (data != NULL ? data : "", size);
    sp_budget_cell_paste_text (self, text);
  }
}

static void
on_clipboard_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SpBudgetCell) self = user_data;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  g_autoptr(GOutputStream) memory = NULL;

  if (stream == NULL)
    {
      /* No UTF-8 text offered: as GTK converts what there is. */
      gdk_clipboard_read_text_async (GDK_CLIPBOARD (source), NULL, on_clipboard_read_text_cb,
                                     g_object_ref (self));
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_clipboard_spliced_cb, g_object_ref (self));
}

/* Ctrl+V: one line goes into the entry, several into the cells below. */
static void
on_text_paste_clipboard_cb (SpBudgetCell *self,
                            GtkText      *text)
{
  static const char *mime_types[] = { "text/plain;charset=utf-8", NULL };

  g_signal_stop_emission_by_name (text, "paste-clipboard");
  gdk_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), mime_types, G_PRIORITY_DEFAULT,
                            NULL, on_clipboard_read_cb, g_object_ref (self));
}

static void
sp_budget_cell_dispose (GObject *object)
{
  SpBudgetCell *self = SP_BUDGET_CELL (object);

  sp_budget_cell_unbind (self);
  g_clear_pointer ((GtkWidget **) &self->entry, gtk_widget_unparent);
  g_clear_pointer ((GtkWidget **) &self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (sp_budget_cell_parent_class)->dispose (object);
}

static void
sp_budget_cell_class_init (SpBudgetCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_budget_cell_dispose;

  /**
   * SpBudgetCell::move:
   * @direction: a #GtkDirectionType: down after Enter, right or left after Tab
   *
   * Emitted after an amount was stored from the keyboard.
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_DIRECTION_TYPE);

  /**
   * SpBudgetCell::error:
   * @message: (nullable): why the text was not stored, or %NULL once it was
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-budget-cell");
}

static void
sp_budget_cell_init (SpBudgetCell *self)
{
  GtkEventController *controller;

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_has_frame (self->entry, FALSE);
  gtk_entry_set_alignment (self->entry, 1.0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 10);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "sp-amount");
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self);
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (self->entry)), "paste-clipboard",
                            G_CALLBACK (on_text_paste_clipboard_cb), self);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "sp-amount");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
}

GtkWidget *
sp_budget_cell_new (void)
{
  return g_object_new (SP_TYPE_BUDGET_CELL, NULL);
}

/**
 * sp_budget_cell_bind:
 * @column_title: the column's head, for the entry's accessible name
 * @editable: whether a line's amount may be edited (not in an adopted year)
 *
 * Shows @column of @row: an entry for a line, a label otherwise.
 */
void
sp_budget_cell_bind (SpBudgetCell   *self,
                     SpDatabase     *database,
                     SpBudgetRow    *row,
                     SpBudgetColumn  column,
                     const char     *column_title,
                     SpMoneyUnit     unit,
                     gboolean        editable)
{
  gboolean is_entry;

  g_return_if_fail (SP_IS_BUDGET_CELL (self));
  g_return_if_fail (SP_IS_BUDGET_ROW (row));

  sp_budget_cell_unbind (self);
  self->database = database != NULL ? g_object_ref (database) : NULL;
  self->row = g_object_ref (row);
  self->column = column;
  self->unit = unit;
  self->editable = editable && database != NULL;
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed_cb), self, G_CONNECT_SWAPPED);
  sp_budget_row_set_cell (row, column, GTK_WIDGET (self));

  is_entry = sp_budget_row_get_kind (row) == SP_BUDGET_ROW_LINE && self->editable;
  if (sp_budget_row_get_kind (row) != SP_BUDGET_ROW_LINE &&
      sp_budget_row_get_kind (row) != SP_BUDGET_ROW_CONTRIBUTION)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->entry), is_entry);
  gtk_widget_set_visible (GTK_WIDGET (self->label), !is_entry);
  if (is_entry)
    {
      /* Translators: the accessible name of an amount cell: the column's head, then the line's text */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), column_title, sp_budget_row_get_title (row));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  refresh (self);
}

void
sp_budget_cell_unbind (SpBudgetCell *self)
{
  g_return_if_fail (SP_IS_BUDGET_CELL (self));

  stop_retry (self);
  if (self->row != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->row, on_row_changed_cb, self);
      if (sp_budget_row_get_cell (self->row, self->column) == GTK_WIDGET (self))
        sp_budget_row_set_cell (self->row, self->column, NULL);
    }
  g_clear_object (&self->row);
  g_clear_object (&self->database);
  g_clear_pointer (&self->shown, g_free);
}

/* Returns: (transfer none) (nullable): the row shown */
SpBudgetRow *
sp_budget_cell_get_row (SpBudgetCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), NULL);
  return self->row;
}

SpBudgetColumn
sp_budget_cell_get_column (SpBudgetCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), SP_BUDGET_COLUMN_BUDGET);
  return self->column;
}

void
sp_budget_cell_set_unit (SpBudgetCell *self,
                         SpMoneyUnit   unit)
{
  g_return_if_fail (SP_IS_BUDGET_CELL (self));

  if (self->unit == unit)
    return;
  self->unit = unit;
  refresh (self);
}

/* Returns: (transfer none): the entry of a line's amount (hidden on other rows) */
GtkEditable *
sp_budget_cell_get_entry (SpBudgetCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), NULL);
  return GTK_EDITABLE (self->entry);
}

/* What the cell shows: the entry's text on an editable line, else the label's. */
const char *
sp_budget_cell_get_text (SpBudgetCell *self)
{
  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), "");
  if (gtk_widget_get_visible (GTK_WIDGET (self->entry)))
    return gtk_editable_get_text (GTK_EDITABLE (self->entry));
  return gtk_label_get_text (self->label);
}

/**
 * sp_budget_cell_commit:
 *
 * Stores the entry's text as the line's amount: an empty text empties the
 * cell. When the text is not an amount, or the core refuses it, the cell
 * shows why and nothing is stored.
 *
 * Returns: whether the cell holds what was typed now
 */
gboolean
sp_budget_cell_commit (SpBudgetCell *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *typed = NULL;
  const char *text;
  SpMoney amount = SP_BUDGET_NOT_SET;
  gboolean ok;

  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), FALSE);

  if (self->row == NULL || self->database == NULL || !self->editable ||
      sp_budget_row_get_kind (self->row) != SP_BUDGET_ROW_LINE)
    return FALSE;

  stop_retry (self);
  text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  stored = format_for_entry (self);
  if (g_strcmp0 (text, stored) == 0)
    {
      set_error (self, NULL);
      return TRUE;
    }

  typed = g_strstrip (g_strdup (text));
  ok = TRUE;
  if (*typed != '\0')
    ok = sp_money_parse (typed, self->unit, &amount, &error);

  if (ok)
    {
      g_autoptr(SpBudgetRow) row = g_object_ref (self->row);

      self->committing = TRUE;
      ok = sp_budget_line_set_amount (self->database, sp_budget_row_get_id (row),
                                      self->column, amount, &error);
      self->committing = FALSE;
    }
  if (!ok && g_error_matches (error, SP_DATABASE_ERROR, SP_DATABASE_ERROR_BUSY))
    {
      set_error (self, _("The file is busy in another program. Samplan tries again in a moment; "
                         "what you typed is kept."));
      start_retry (self);
      return FALSE;
    }
  if (!ok)
    {
      set_error (self, error->message);
      return FALSE;
    }
  refresh (self);
  set_error (self, NULL);
  return TRUE;
}

/* Escape: back to the stored amount. */
void
sp_budget_cell_cancel (SpBudgetCell *self)
{
  g_return_if_fail (SP_IS_BUDGET_CELL (self));

  if (self->row == NULL)
    return;
  stop_retry (self);
  refresh (self);
  set_error (self, NULL);
}

/**
 * sp_budget_cell_paste_text:
 * @text: what was on the clipboard
 *
 * A single line is inserted into the entry like any paste; several lines (a
 * column copied from a spreadsheet) are stored in this cell and the cells
 * below it, all or nothing.
 *
 * Returns: %FALSE when several lines were refused
 */
gboolean
sp_budget_cell_paste_text (SpBudgetCell *self,
                           const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  guint n;
  int start, end;

  g_return_val_if_fail (SP_IS_BUDGET_CELL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->row == NULL || !self->editable)
    return FALSE;

  rows = g_strsplit (text, "\n", -1);
  n = g_strv_length (rows);
  /* A spreadsheet ends the column with a newline; \r comes from Windows. */
  while (n > 0 && *g_strstrip (rows[n - 1]) == '\0')
    {
      g_clear_pointer (&rows[n - 1], g_free);
      n--;
    }
  for (guint i = 0; i < n; i++)
    g_strstrip (rows[i]);

  if (n <= 1)
    {
      GtkEditable *editable = GTK_EDITABLE (self->entry);

      if (gtk_editable_get_selection_bounds (editable, &start, &end))
        gtk_editable_delete_selection (editable);
      start = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, n == 1 ? rows[0] : "", -1, &start);
      gtk_editable_set_position (editable, start);
      return TRUE;
    }

  if (!sp_budget_line_paste (self->database, sp_budget_row_get_id (self->row), self->column,
                             (const char * const *) rows, self->unit, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  refresh (self);
  set_error (self, NULL);
  return TRUE;
}
