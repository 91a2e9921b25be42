/* sp-plan-common.c: helpers the Operational Plan page and its tabs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-common.h"

#include "sp-edit-text-row.h"


gint64
sp_plan_record_id (gpointer record)
{
  return record != NULL ? sp_record_get_id (SP_RECORD (record)) : 0;
}

/* Selects the item with @id in @selection, if it is there. */
gboolean
sp_plan_select_id (GtkSingleSelection *selection,
                   GType               type,
                   gint64              id)
{
  GListModel *model = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) record = GTK_IS_TREE_LIST_ROW (item)
                                    ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item))
                                    : g_object_ref (item);

      if (G_TYPE_CHECK_INSTANCE_TYPE (record, type) && sp_record_get_id (SP_RECORD (record)) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Shows the core's refusal beside the field that caused it; the stored value stays. */
void
sp_plan_show_field_error (GtkLabel   *label,
                          GtkWidget  *field,
                          const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
}

void
sp_plan_clear_field_error (GtkLabel  *label,
                           GtkWidget *field)
{
  gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
  if (field != NULL && gtk_widget_has_css_class (field, "error"))
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* A refusal that belongs to no single field: shown above the plan. */
void
sp_plan_show_message (GtkWidget  *view,
                      const char *message)
{
  gtk_widget_activate_action (view, "plan.show-message", "s", message);
}

/* A notice with an Undo button. */
void
sp_plan_add_toast (GtkWidget  *view,
                   const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (view, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Delete on a list deletes its selected item. */
void
sp_plan_add_list_shortcuts (GtkWidget *list_view)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("plan.delete")));
  gtk_widget_add_controller (list_view, controller);
}

/* A combo row of strings, filled later with sp_plan_combo_row_fill(). */
void
sp_plan_combo_row_init (AdwComboRow *row)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/* @names: NULL-terminated */
void
sp_plan_combo_row_fill (AdwComboRow *row,
                        GPtrArray   *names)
{
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (row));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  gtk_string_list_splice (list, 0, n, (const char * const *) names->pdata);
}

guint
sp_plan_index_of_id (GArray *ids,
                     gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* @callback (data, controller) runs when @row loses the focus. */
void
sp_plan_focus_leave_connect (GtkWidget *row,
                             GCallback  callback,
                             gpointer   data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", callback, data, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, focus);
}

/* Selects the whole text of @field (an editable or an #SpEditTextRow), so
 * that typing replaces it. */
void
sp_plan_select_all (GtkWidget *field)
{
  if (GTK_IS_EDITABLE (field))
    gtk_editable_select_region (GTK_EDITABLE (field), 0, -1);
  else if (SP_IS_EDIT_TEXT_ROW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (sp_edit_text_row_get_text_view (SP_EDIT_TEXT_ROW (field)));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
    }
}

/* Makes the title and description of every #AdwStatusPage under @root wrap
 * between words only: an empty state in a narrow sidebar then never breaks
 * a long word such as "verksamhetsområden" in two (the status page's own
 * labels break inside a word when one does not fit). */
void
sp_plan_status_pages_wrap_words (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_ancestor (root, ADW_TYPE_STATUS_PAGE) != NULL &&
      gtk_label_get_wrap (GTK_LABEL (root)))
    {
      gtk_label_set_wrap_mode (GTK_LABEL (root), PANGO_WRAP_WORD);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (root), GTK_NATURAL_WRAP_WORD);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sp_plan_status_pages_wrap_words (child);
}
