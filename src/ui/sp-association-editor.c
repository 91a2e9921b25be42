/* sp-association-editor.c: the förbund's name, organisation number and address on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each detail is saved on its own when Enter is pressed or the field is left;
 * a refused value stays for correcting, with the reason under the fields. The
 * stored form comes back through SpDatabase::changed, as an undo does.
 */
#include "config.h"

#include "sp-association-editor.h"

#include "sp-association.h"

typedef enum {
  FIELD_NAME,
  FIELD_ORG_NUMBER,
  FIELD_ADDRESS,
} AssociationField;

struct _SpAssociationEditor
{
  AdwBin       parent_instance;

  SpDatabase  *database;

  /* Template widgets */
  AdwEntryRow *name_row;
  AdwEntryRow *org_number_row;
  GtkTextView *address_view;
  GtkLabel    *association_error_label;
};

G_DEFINE_FINAL_TYPE (SpAssociationEditor, sp_association_editor, ADW_TYPE_BIN)

static GtkWidget *
field_widget (SpAssociationEditor *self,
              AssociationField     field)
{
  switch (field)
    {
    case FIELD_NAME:
      return GTK_WIDGET (self->name_row);
    case FIELD_ORG_NUMBER:
      return GTK_WIDGET (self->org_number_row);
    case FIELD_ADDRESS:
    default:
      return GTK_WIDGET (self->address_view);
    }
}

static void
set_error (SpAssociationEditor *self,
           AssociationField     field,
           const char          *message)
{
  GtkWidget *widget = field_widget (self, field);

  if (message != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_label_set_text (self->association_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->association_error_label), message != NULL);
}

static char *
get_address_text (SpAssociationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->address_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Shows the details as they are stored, dropping any refused text. */
static void
load_association (SpAssociationEditor *self)
{
  g_autoptr(SpAssociation) association = NULL;

  if (self->database != NULL)
    association = sp_association_load (self->database, NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), association != NULL ? association->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->org_number_row),
                         association != NULL ? association->org_number : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            association != NULL ? association->address : "", -1);
  for (AssociationField field = FIELD_NAME; field <= FIELD_ADDRESS; field++)
    set_error (self, field, NULL);
}

/* Stores @field as typed, the other details as they are stored. */
static void
apply_field (SpAssociationEditor *self,
             AssociationField     field)
{
  g_autoptr(SpAssociation) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  const char *name, *org_number;
  const char *typed, *old;

  if (self->database == NULL)
    return;
  stored = sp_association_load (self->database, &error);
  if (stored == NULL)
    {
      set_error (self, field, error->message);
      return;
    }

  address = get_address_text (self);
  name = field == FIELD_NAME ? gtk_editable_get_text (GTK_EDITABLE (self->name_row)) : stored->name;
  org_number = field == FIELD_ORG_NUMBER ? gtk_editable_get_text (GTK_EDITABLE (self->org_number_row))
                                         : stored->org_number;
  typed = field == FIELD_NAME ? name : field == FIELD_ORG_NUMBER ? org_number : address;
  old = field == FIELD_NAME ? stored->name : field == FIELD_ORG_NUMBER ? stored->org_number : stored->address;

  if (g_strcmp0 (typed, old) == 0)
    {
      set_error (self, field, NULL);
      return;
    }

  if (!sp_association_update (self->database, name, org_number,
                              field == FIELD_ADDRESS ? address : stored->address, &error))
    {
      set_error (self, field, error->message);
      return;
    }
  /* The stored form ("222000-1230" for "2220001230") comes back through
   * SpDatabase::changed. */
  set_error (self, field, NULL);
}

static void
on_database_changed_cb (SpAssociationEditor *self,
                        const char * const  *tables)
{
  if (tables != NULL && g_strv_contains (tables, "association"))
    load_association (self);
}

static void
on_row_entry_activated_cb (SpAssociationEditor *self,
                           AdwEntryRow         *row)
{
  apply_field (self, row == self->name_row ? FIELD_NAME : FIELD_ORG_NUMBER);
}

static void
on_name_focus_leave_cb (SpAssociationEditor *self)
{
  apply_field (self, FIELD_NAME);
}

static void
on_org_number_focus_leave_cb (SpAssociationEditor *self)
{
  apply_field (self, FIELD_ORG_NUMBER);
}

static void
on_address_focus_leave_cb (SpAssociationEditor *self)
{
  apply_field (self, FIELD_ADDRESS);
}

static void
add_focus_leave (GtkWidget *widget,
                 GCallback  callback,
                 gpointer   self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", callback, self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
sp_association_editor_dispose (GObject *object)
{
  SpAssociationEditor *self = SP_ASSOCIATION_EDITOR (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_clear_object (&self->database);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_ASSOCIATION_EDITOR);

  G_OBJECT_CLASS (sp_association_editor_parent_class)->dispose (object);
}

static void
sp_association_editor_class_init (SpAssociationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_association_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-association-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, org_number_row);
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, association_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);
}

static void
sp_association_editor_init (SpAssociationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_focus_leave (GTK_WIDGET (self->name_row), G_CALLBACK (on_name_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->org_number_row), G_CALLBACK (on_org_number_focus_leave_cb), self);
  add_focus_leave (GTK_WIDGET (self->address_view), G_CALLBACK (on_address_focus_leave_cb), self);
}

/**
 * sp_association_editor_set_database:
 * @database: (nullable): the open database, or %NULL
 *
 * Shows the details stored in @database, and follows its changes.
 */
void
sp_association_editor_set_database (SpAssociationEditor *self,
                                    SpDatabase          *database)
{
  g_return_if_fail (SP_IS_ASSOCIATION_EDITOR (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, on_database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (on_database_changed_cb), self,
                             G_CONNECT_SWAPPED);
  load_association (self);
}
