/* sp-edit-text-row.c: a text of several lines that is edited in place and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The several-line sibling of #SpEditRow, for a description: the row's
 * title above a text that wraps, so that a long text is shown whole. It is
 * saved as an #SpEditRow is: Enter (Shift+Enter starts a new line), leaving
 * the text or the save button emit #SpEditTextRow::apply; the button shows
 * only while the text differs from the stored value and can be changed. A
 * handler that refuses the text marks the row with the "error" style class.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-edit-text-row.h"

struct _SpEditTextRow
{
  AdwPreferencesRow  parent_instance;

  char              *stored;
  GtkLabel          *title_label;
  GtkTextView       *text_view;
  GtkWidget         *save_button;
};

G_DEFINE_FINAL_TYPE (SpEditTextRow, sp_edit_text_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
can_change (SpEditTextRow *self)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (self)) && gtk_text_view_get_editable (self->text_view);
}

static void
update_save_button (SpEditTextRow *self)
{
  gtk_widget_set_visible (self->save_button, can_change (self) && sp_edit_text_row_get_changed (self));
}

static void
save (SpEditTextRow *self)
{
  if (!sp_edit_text_row_get_changed (self) || !can_change (self))
    return;
  g_signal_emit (self, signals[APPLY], 0);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self), "error"))
    {
      g_free (self->stored);
      self->stored = sp_edit_text_row_get_text (self);
    }
  update_save_button (self);
}

static void
on_buffer_changed_cb (SpEditTextRow *self)
{
  update_save_button (self);
}

static void
on_state_flags_changed_cb (SpEditTextRow *self,
                           GtkStateFlags  previous)
{
  update_save_button (self);
}

/* Enter saves, Shift+Enter starts a new line. */
static gboolean
on_key_pressed_cb (SpEditTextRow         *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    {
      save (self);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_title_notify_cb (SpEditTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)))
    gtk_label_set_text_with_mnemonic (self->title_label, title != NULL ? title : "");
  else
    gtk_label_set_text (self->title_label, title != NULL ? title : "");
  /* The row and its text are named by the title, without its underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
}

static void
sp_edit_text_row_finalize (GObject *object)
{
  SpEditTextRow *self = SP_EDIT_TEXT_ROW (object);

  g_free (self->stored);

  G_OBJECT_CLASS (sp_edit_text_row_parent_class)->finalize (object);
}

static gboolean
sp_edit_text_row_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (SP_EDIT_TEXT_ROW (widget)->text_view));
}

static void
sp_edit_text_row_class_init (SpEditTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sp_edit_text_row_finalize;
  widget_class->grab_focus = sp_edit_text_row_grab_focus;

  /**
   * SpEditTextRow::apply:
   *
   * Emitted when the changed text is to be stored.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_edit_text_row_init (SpEditTextRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "sp-edit-text-row");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->text_view, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->text_view), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "inline");
  gtk_label_set_mnemonic_widget (self->title_label, GTK_WIDGET (self->text_view));

  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->text_view));
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);

  self->save_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (self->save_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_add_css_class (self->save_button, "circular");
  gtk_widget_set_tooltip_text (self->save_button, _("Save (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_box_append (GTK_BOX (box), self->save_button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (on_buffer_changed_cb), self);
  g_signal_connect (self, "state-flags-changed", G_CALLBACK (on_state_flags_changed_cb), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_notify_cb), NULL);
  g_signal_connect (self, "notify::use-underline", G_CALLBACK (on_title_notify_cb), NULL);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), keys);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (save), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
sp_edit_text_row_new (void)
{
  return g_object_new (SP_TYPE_EDIT_TEXT_ROW, NULL);
}

/* Shows @text as the stored value: nothing to save. */
void
sp_edit_text_row_load (SpEditTextRow *self,
                       const char    *text)
{
  g_autofree char *shown = NULL;

  g_return_if_fail (SP_IS_EDIT_TEXT_ROW (self));

  g_free (self->stored);
  self->stored = g_strdup (text != NULL ? text : "");
  shown = sp_edit_text_row_get_text (self);
  if (g_strcmp0 (shown, self->stored) != 0)
    sp_edit_text_row_set_text (self, self->stored);
  update_save_button (self);
}

/* Returns: (transfer full): the text shown */
char *
sp_edit_text_row_get_text (SpEditTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (SP_IS_EDIT_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows @text as typed: to save while it differs from the stored value. */
void
sp_edit_text_row_set_text (SpEditTextRow *self,
                           const char    *text)
{
  g_return_if_fail (SP_IS_EDIT_TEXT_ROW (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text != NULL ? text : "", -1);
}

const char *
sp_edit_text_row_get_stored_text (SpEditTextRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_TEXT_ROW (self), NULL);
  return self->stored != NULL ? self->stored : "";
}

gboolean
sp_edit_text_row_get_changed (SpEditTextRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_EDIT_TEXT_ROW (self), FALSE);
  text = sp_edit_text_row_get_text (self);
  return g_strcmp0 (text, sp_edit_text_row_get_stored_text (self)) != 0;
}

/* Returns: (transfer none): the text view */
GtkTextView *
sp_edit_text_row_get_text_view (SpEditTextRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_TEXT_ROW (self), NULL);
  return self->text_view;
}

/* Returns: (transfer none): the button that saves */
GtkWidget *
sp_edit_text_row_get_save_button (SpEditTextRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_TEXT_ROW (self), NULL);
  return self->save_button;
}
