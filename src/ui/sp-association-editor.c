/* sp-association-editor.c: the förbund's name, organisation number, address and logo on the Members page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each detail is saved on its own when Enter is pressed or the field is left;
 * a refused value stays for correcting, with the reason under the fields. The
 * stored form comes back through SpDatabase::changed, as an undo does.
 * The logo (for the document's title page) is a PNG or JPEG file, read
 * with gdk-pixbuf so that only an image that decodes is kept; a JPEG is
 * kept as PNG.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-association-editor.h"

#include "sp-limits.h"

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
  GtkPicture  *logo_picture;
  GtkWidget   *remove_logo_button;
  AdwActionRow *logo_row;
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

static void
show_problem (SpAssociationEditor *self,
              const char          *message)
{
  gtk_label_set_text (self->association_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->association_error_label), message != NULL);
}

static void
load_logo (SpAssociationEditor *self)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (self->database != NULL)
    png = sp_association_load_logo (self->database, NULL);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  gtk_widget_set_sensitive (self->remove_logo_button, png != NULL);
  adw_action_row_set_subtitle (self->logo_row, png != NULL ? _("On the document’s title page")
                                                           : _("No logo"));
}

/* The image's bytes as PNG: the file's own when it is a PNG that decodes, a
 * JPEG converted. NULL with a Swedish reason otherwise. */
static GBytes *
read_logo_file (GFile   *file,
                GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autofree char *display = NULL;
  g_autofree char *format = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbufFormat *info;
  GdkPixbuf *pixbuf;
  gboolean written, closed;
  gsize size;

  display = g_file_get_parse_name (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file “%s” could not be read."), display);
      return NULL;
    }
  size = g_bytes_get_size (bytes);
  if (size > SP_LOGO_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The image “%s” is too large: at most %d MB."),
                   display, SP_LOGO_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);
  /* A failed write closes the loader itself. */
  closed = written && gdk_pixbuf_loader_close (loader, NULL);
  if (!written || !closed
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL
      || (info = gdk_pixbuf_loader_get_format (loader)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file “%s” is not a PNG or JPEG image."), display);
      return NULL;
    }
  format = gdk_pixbuf_format_get_name (info);
  if (g_strcmp0 (format, "png") == 0)
    return g_steal_pointer (&bytes);
  if (g_strcmp0 (format, "jpeg") == 0)
    {
      char *buffer = NULL;
      gsize length = 0;

      if (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", NULL, NULL))
        return g_bytes_new_take (buffer, length);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The file “%s” is not a PNG or JPEG image."), display);
  return NULL;
}

static void
on_logo_chooser_response_cb (GtkNativeDialog     *chooser,
                             int                  response,
                             SpAssociationEditor *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    sp_association_editor_set_logo_file (self, file);
}

static void
on_logo_button_clicked_cb (SpAssociationEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Logo"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (images, _("PNG and JPEG images"));
  gtk_file_filter_add_mime_type (images, "image/png");
  gtk_file_filter_add_mime_type (images, "image/jpeg");
  gtk_file_filter_add_pattern (images, "*.png");
  gtk_file_filter_add_pattern (images, "*.jpg");
  gtk_file_filter_add_pattern (images, "*.jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), images);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_logo_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_remove_logo_button_clicked_cb (SpAssociationEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->database == NULL)
    return;
  if (!sp_association_set_logo (self->database, NULL, &error))
    show_problem (self, error->message);
  else
    show_problem (self, NULL);
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
  if (tables != NULL && g_strv_contains (tables, "association_logo"))
    load_logo (self);
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
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, logo_row);
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, logo_picture);
  gtk_widget_class_bind_template_child (widget_class, SpAssociationEditor, remove_logo_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_logo_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_logo_button_clicked_cb);
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
  load_logo (self);
}

/**
 * sp_association_editor_set_logo_file:
 * @file: a PNG or JPEG image
 *
 * Keeps @file as the förbund's logo, as the "Logo…" button's chooser does;
 * anything else is refused with the reason under the fields.
 */
void
sp_association_editor_set_logo_file (SpAssociationEditor *self,
                                     GFile               *file)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SP_IS_ASSOCIATION_EDITOR (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->database == NULL)
    return;
  png = read_logo_file (file, &error);
  if (png == NULL || !sp_association_set_logo (self->database, png, &error))
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
}
