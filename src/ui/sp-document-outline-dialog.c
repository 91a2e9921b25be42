/* sp-document-outline-dialog.c: which parts the year's document holds, in which order, and its closing line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section and generated chapter of the document as a row: a check
 * that includes it, and buttons that move it up or down among the others.
 * Below, the closing line's place, date and signer. "Save" stores all of it
 * as one edit; a refusal of the core is shown above the rows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-document-outline-dialog.h"

struct _SpDocumentOutlineDialog
{
  AdwWindow          parent_instance;

  SpDatabase        *database;
  SpDocumentOutline *outline;

  /* Template widgets */
  GtkLabel          *problem_label;
  GtkListBox        *parts_list;
  GtkEditable       *place_row;
  GtkEditable       *date_row;
  GtkEditable       *signer_row;
  GtkWidget         *save_button;
};

G_DEFINE_FINAL_TYPE (SpDocumentOutlineDialog, sp_document_outline_dialog, ADW_TYPE_WINDOW)

static void fill_parts (SpDocumentOutlineDialog *self, int focus_part, int focus_delta);

static void
on_include_check_toggled_cb (GtkCheckButton          *check,
                             SpDocumentOutlineDialog *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "part"));

  sp_document_outline_set_included (self->outline, part, gtk_check_button_get_active (check));
}

static void
on_move_button_clicked_cb (GtkButton               *button,
                           SpDocumentOutlineDialog *self)
{
  guint part = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "part"));
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));

  if (sp_document_outline_move (self->outline, part, delta))
    fill_parts (self, (int) part + delta, delta);
}

static GtkWidget *
make_move_button (SpDocumentOutlineDialog *self,
                  guint                    part,
                  int                      delta)
{
  const char *title = sp_document_outline_get_title (self->outline, part);
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic" : "go-down-symbolic");
  g_autofree char *name = NULL;

  if (delta < 0)
    /* Translators: the accessible name of a button, e.g. "Move “Budget” up" */
    name = g_strdup_printf (_("Move “%s” up"), title);
  else
    /* Translators: the accessible name of a button, e.g. "Move “Budget” down" */
    name = g_strdup_printf (_("Move “%s” down"), title);
  gtk_widget_set_tooltip_text (button, delta < 0 ? _("Move up") : _("Move down"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sp_document_outline_can_move (self->outline, part, delta));
  g_object_set_data (G_OBJECT (button), "part", GUINT_TO_POINTER (part));
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_button_clicked_cb), self, 0);
  return button;
}

/* The rows anew; the focus on the moved part's button that moved it, when
 * it can move on, else on its other one. */
static void
fill_parts (SpDocumentOutlineDialog *self,
            int                      focus_part,
            int                      focus_delta)
{
  GtkWidget *child;
  GtkWidget *focus = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->parts_list))) != NULL)
    gtk_list_box_remove (self->parts_list, child);

  for (guint i = 0; i < sp_document_outline_get_n_parts (self->outline); i++)
    {
      const char *title = sp_document_outline_get_title (self->outline, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *up = make_move_button (self, i, -1);
      GtkWidget *down = make_move_button (self, i, 1);
      g_autofree char *name = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   sp_document_outline_get_chapter (self->outline, i) != NULL
                                   ? _("Chapter made from the plan") : _("Section"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), sp_document_outline_get_included (self->outline, i));
      /* Translators: the accessible name of a check, e.g. "Include “Budget”" */
      name = g_strdup_printf (_("Include “%s”"), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "part", GUINT_TO_POINTER (i));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_include_check_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      gtk_list_box_append (self->parts_list, row);

      if ((int) i == focus_part)
        {
          GtkWidget *same = focus_delta < 0 ? up : down;

          focus = gtk_widget_get_sensitive (same) ? same : (focus_delta < 0 ? down : up);
        }
    }
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
on_cancel_button_clicked_cb (SpDocumentOutlineDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_save_button_clicked_cb (SpDocumentOutlineDialog *self)
{
  g_autoptr(GError) error = NULL;

  sp_document_outline_set_closing (self->outline,
                                   gtk_editable_get_text (self->place_row),
                                   gtk_editable_get_text (self->date_row),
                                   gtk_editable_get_text (self->signer_row));
  if (!sp_document_outline_save (self->database, self->outline, &error))
    {
      gtk_label_set_text (self->problem_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
sp_document_outline_dialog_dispose (GObject *object)
{
  SpDocumentOutlineDialog *self = SP_DOCUMENT_OUTLINE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_DOCUMENT_OUTLINE_DIALOG);
  g_clear_object (&self->database);
  g_clear_object (&self->outline);
  G_OBJECT_CLASS (sp_document_outline_dialog_parent_class)->dispose (object);
}

static void
sp_document_outline_dialog_class_init (SpDocumentOutlineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_document_outline_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-document-outline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, parts_list);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, signer_row);
  gtk_widget_class_bind_template_child (widget_class, SpDocumentOutlineDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_document_outline_dialog_init (SpDocumentOutlineDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_document_outline_dialog_new:
 * @outline: the year's parts as loaded; the dialog changes and saves it
 *
 * Returns: (transfer full): the dialog, to present
 */
GtkWidget *
sp_document_outline_dialog_new (GtkWindow         *parent,
                                SpDatabase        *database,
                                SpDocumentOutline *outline)
{
  SpDocumentOutlineDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SP_IS_DOCUMENT_OUTLINE (outline), NULL);

  self = g_object_new (SP_TYPE_DOCUMENT_OUTLINE_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->outline = g_object_ref (outline);
  /* Translators: the dialog's title, e.g. "Document Contents 2009" */
  title = g_strdup_printf (_("Document Contents %d"), sp_document_outline_get_year (outline));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_editable_set_text (self->place_row, sp_document_outline_get_closing_place (outline));
  gtk_editable_set_text (self->date_row, sp_document_outline_get_closing_date (outline));
  gtk_editable_set_text (self->signer_row, sp_document_outline_get_closing_signer (outline));
  fill_parts (self, -1, 0);
  return GTK_WIDGET (self);
}
