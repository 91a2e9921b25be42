/* sp-invoicing-editor.c: how the members are invoiced, on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The number of instalments, their due dates, and what the invoices say
 * besides. Saved as a whole when Enter is pressed, a field is left or the
 * number of instalments is chosen; choosing it fills in the usual due
 * dates. A refused value stays for correcting, with the reason below.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-invoicing-editor.h"

#include "sp-invoicing.h"
#include "sp-widget-util.h"

struct _SpInvoicingEditor
{
  AdwBin       parent_instance;

  SpDatabase  *database;
  gboolean     loading;

  /* Template widgets */
  /* Once, twice, four times a year */
  GtkCheckButton *instalment_buttons[3];
  AdwEntryRow *due_dates_row;
  AdwEntryRow *payment_row;
  AdwEntryRow *reference_row;
  AdwEntryRow *contact_row;
  GtkLabel    *invoicing_error_label;
};

G_DEFINE_FINAL_TYPE (SpInvoicingEditor, sp_invoicing_editor, ADW_TYPE_BIN)

/* The buttons' counts, in order. */
static const guint instalment_counts[] = { 1, 2, 4 };

static void
set_error (SpInvoicingEditor *self,
           const char        *message)
{
  gtk_label_set_text (self->invoicing_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->invoicing_error_label), message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->due_dates_row),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->due_dates_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static char *
join_due_dates (const SpInvoicing *invoicing)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < invoicing->n_instalments; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", invoicing->due_dates[i]);
  return g_string_free (text, FALSE);
}

/* Shows the invoicing as stored, dropping any refused text. */
static void
load_invoicing (SpInvoicingEditor *self)
{
  g_autoptr(SpInvoicing) invoicing = NULL;
  g_autofree char *dates = NULL;

  if (self->database != NULL)
    invoicing = sp_invoicing_load (self->database, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), invoicing != NULL);
  if (invoicing == NULL)
    return;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (instalment_counts); i++)
    gtk_check_button_set_active (self->instalment_buttons[i], instalment_counts[i] == invoicing->n_instalments);
  dates = join_due_dates (invoicing);
  gtk_editable_set_text (GTK_EDITABLE (self->due_dates_row), dates);
  gtk_editable_set_text (GTK_EDITABLE (self->payment_row), invoicing->payment);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), invoicing->reference);
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), invoicing->contact);
  self->loading = FALSE;
  set_error (self, NULL);
}

/* Stores what the fields say; @usual_dates: the usual due dates of the
 * chosen number of instalments rather than the typed ones. */
static void
apply (SpInvoicingEditor *self,
       gboolean           usual_dates)
{
  g_autoptr(SpInvoicing) stored = NULL;
  g_autoptr(SpInvoicing) typed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = NULL;
  guint selected = 0;

  if (self->database == NULL || self->loading)
    return;
  stored = sp_invoicing_load (self->database, &error);
  if (stored == NULL)
    {
      set_error (self, error->message);
      return;
    }

  typed = g_new0 (SpInvoicing, 1);
  for (guint i = 0; i < G_N_ELEMENTS (instalment_counts); i++)
    if (gtk_check_button_get_active (self->instalment_buttons[i]))
      selected = i;
  typed->n_instalments = instalment_counts[selected];
  dates = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->due_dates_row)), ",", -1);
  for (guint i = 0; i < typed->n_instalments; i++)
    {
      if (usual_dates)
        typed->due_dates[i] = g_strdup (sp_invoicing_default_due_date (typed->n_instalments, i));
      else if (i < g_strv_length (dates))
        typed->due_dates[i] = g_strstrip (g_strdup (dates[i]));
      else
        typed->due_dates[i] = g_strdup ("");
    }
  if (!usual_dates && g_strv_length (dates) > typed->n_instalments)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "There is %u instalment, so give one due date.",
                                      "There are %u instalments, so give as many due dates.",
                                      typed->n_instalments),
                         typed->n_instalments);
      set_error (self, message);
      return;
    }
  typed->payment = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->payment_row)));
  typed->reference = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  typed->contact = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));

  /* Nothing changed: no edit to undo. */
  if (typed->n_instalments == stored->n_instalments &&
      g_strcmp0 (g_strstrip (typed->payment), stored->payment) == 0 &&
      g_strcmp0 (g_strstrip (typed->reference), stored->reference) == 0 &&
      g_strcmp0 (g_strstrip (typed->contact), stored->contact) == 0)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < typed->n_instalments; i++)
        same &= g_strcmp0 (typed->due_dates[i], stored->due_dates[i]) == 0;
      if (same)
        {
          set_error (self, NULL);
          return;
        }
    }

  if (!sp_invoicing_update (self->database, typed, &error))
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
}

static void
on_database_changed_cb (SpInvoicingEditor  *self,
                        const char * const *tables)
{
  if (tables != NULL && g_strv_contains (tables, "invoicing"))
    load_invoicing (self);
}

static void
on_row_entry_activated_cb (SpInvoicingEditor *self,
                           AdwEntryRow       *row)
{
  apply (self, FALSE);
}

static void
on_field_focus_leave_cb (SpInvoicingEditor *self)
{
  apply (self, FALSE);
}

static void
on_instalments_toggled_cb (SpInvoicingEditor *self,
                           GtkCheckButton    *button)
{
  /* The button turned off follows the one turned on. */
  if (gtk_check_button_get_active (button))
    apply (self, TRUE);
}

static void
sp_invoicing_editor_dispose (GObject *object)
{
  SpInvoicingEditor *self = SP_INVOICING_EDITOR (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_INVOICING_EDITOR);

  G_OBJECT_CLASS (sp_invoicing_editor_parent_class)->dispose (object);
}

static void
sp_invoicing_editor_class_init (SpInvoicingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_invoicing_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-invoicing-editor.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "once_button", FALSE,
                                             G_STRUCT_OFFSET (SpInvoicingEditor, instalment_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "twice_button", FALSE,
                                             G_STRUCT_OFFSET (SpInvoicingEditor, instalment_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "four_button", FALSE,
                                             G_STRUCT_OFFSET (SpInvoicingEditor, instalment_buttons[2]));
  gtk_widget_class_bind_template_child (widget_class, SpInvoicingEditor, due_dates_row);
  gtk_widget_class_bind_template_child (widget_class, SpInvoicingEditor, payment_row);
  gtk_widget_class_bind_template_child (widget_class, SpInvoicingEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, SpInvoicingEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SpInvoicingEditor, invoicing_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_instalments_toggled_cb);
}

static void
sp_invoicing_editor_init (SpInvoicingEditor *self)
{
  AdwEntryRow *rows[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  rows[0] = self->due_dates_row;
  rows[1] = self->payment_row;
  rows[2] = self->reference_row;
  rows[3] = self->contact_row;
  /* Each choice is named by its row's title, once. */
  for (guint i = 0; i < G_N_ELEMENTS (self->instalment_buttons); i++)
    sp_widget_name_by_row (GTK_WIDGET (self->instalment_buttons[i]));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (rows[i]), focus);
    }
}

/**
 * sp_invoicing_editor_set_database:
 * @database: (nullable): the open database, or %NULL
 *
 * Shows the invoicing stored in @database, and follows its changes.
 */
void
sp_invoicing_editor_set_database (SpInvoicingEditor *self,
                                  SpDatabase        *database)
{
  g_return_if_fail (SP_IS_INVOICING_EDITOR (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                             G_CONNECT_SWAPPED);
  load_invoicing (self);
}
