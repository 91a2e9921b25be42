/* sp-edit-row.c: a one-line field that is edited in place and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pattern of every editor beside a list (goals, target groups, activity
 * areas): the field shows the stored value; Enter, leaving the field or the
 * save button beside it emit #AdwEntryRow::apply, whose handler stores the
 * text. The button shows only while the text differs from the stored value
 * and the field can be changed: never on a value just loaded, on a greyed
 * field or on an adopted plan, and not after the value was saved.
 *
 * The owner loads a value with sp_edit_row_load() (also after it saved,
 * when its record tells of the change). A handler that refuses the text
 * marks the field with the "error" style class: the text then stays
 * unsaved, with its button.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-edit-row.h"

struct _SpEditRow
{
  AdwEntryRow  parent_instance;

  char        *stored;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (SpEditRow, sp_edit_row, ADW_TYPE_ENTRY_ROW)

static void
update_save_button (SpEditRow *self)
{
  gboolean can_change = gtk_widget_is_sensitive (GTK_WIDGET (self)) &&
                        gtk_editable_get_editable (GTK_EDITABLE (self));

  gtk_widget_set_visible (self->save_button, can_change && sp_edit_row_get_changed (self));
}

/* Stores the text if it was changed. */
static void
save (SpEditRow *self)
{
  if (!sp_edit_row_get_changed (self) || !gtk_widget_is_sensitive (GTK_WIDGET (self)) ||
      !gtk_editable_get_editable (GTK_EDITABLE (self)))
    return;
  g_signal_emit_by_name (self, "apply");
  /* Not refused: the text is what is stored now, even if its record did not
   * change (the same text, written otherwise). */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self), "error"))
    {
      g_free (self->stored);
      self->stored = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
    }
  update_save_button (self);
}

static void
on_changed_cb (SpEditRow *self)
{
  update_save_button (self);
}

static void
on_state_flags_changed_cb (SpEditRow     *self,
                           GtkStateFlags  previous)
{
  update_save_button (self);
}

static void
on_focus_leave_cb (SpEditRow *self)
{
  save (self);
}

static void
sp_edit_row_finalize (GObject *object)
{
  SpEditRow *self = SP_EDIT_ROW (object);

  g_free (self->stored);

  G_OBJECT_CLASS (sp_edit_row_parent_class)->finalize (object);
}

static void
sp_edit_row_class_init (SpEditRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_edit_row_finalize;
}

static void
sp_edit_row_init (SpEditRow *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->save_button = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (self->save_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_add_css_class (self->save_button, "circular");
  gtk_widget_set_tooltip_text (self->save_button, _("Save (Enter)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save"), -1);
  gtk_widget_set_visible (self->save_button, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->save_button);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save), self);

  g_signal_connect (self, "changed", G_CALLBACK (on_changed_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (save), NULL);
  g_signal_connect (self, "state-flags-changed", G_CALLBACK (on_state_flags_changed_cb), NULL);
  g_signal_connect (self, "notify::editable", G_CALLBACK (on_changed_cb), NULL);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
sp_edit_row_new (void)
{
  return g_object_new (SP_TYPE_EDIT_ROW, NULL);
}

/* Shows @text as the stored value: nothing to save. */
void
sp_edit_row_load (SpEditRow  *self,
                  const char *text)
{
  g_return_if_fail (SP_IS_EDIT_ROW (self));

  g_free (self->stored);
  self->stored = g_strdup (text != NULL ? text : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->stored) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), self->stored);
  update_save_button (self);
}

/* Returns: the value last loaded or saved */
const char *
sp_edit_row_get_stored_text (SpEditRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_ROW (self), NULL);
  return self->stored != NULL ? self->stored : "";
}

/* Whether the text differs from the stored value. */
gboolean
sp_edit_row_get_changed (SpEditRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_ROW (self), FALSE);
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), sp_edit_row_get_stored_text (self)) != 0;
}

/* Returns: (transfer none): the button that saves, shown while there is something to save */
GtkWidget *
sp_edit_row_get_save_button (SpEditRow *self)
{
  g_return_val_if_fail (SP_IS_EDIT_ROW (self), NULL);
  return self->save_button;
}
