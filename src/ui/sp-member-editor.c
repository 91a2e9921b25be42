/* sp-member-editor.c: a window to add or change one member organisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form keeps what the user typed until the core accepts it. A refusal is
 * shown under the form, and the field it concerns gets the "error" style;
 * nothing is stored.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-member-editor.h"

#include "sp-error.h"
#include "sp-money.h"

struct _SpMemberEditor
{
  AdwWindow    parent_instance;

  SpDatabase  *database;
  gint64       member_id;

  /* Template widgets */
  AdwEntryRow *name_row;
  AdwComboRow *kind_row;
  GtkSwitch   *pays_switch;
  AdwEntryRow *population_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  GtkLabel    *error_label;
  GtkButton   *cancel_button;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (SpMemberEditor, sp_member_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Leaves out every kind of space: "12 150" and "12 150" are 12150. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F && c != 0x2009)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A whole number as a Swedish user writes it, with an optional sign (a
 * hyphen or a minus sign). An empty text gives @if_empty. */
static gboolean
parse_whole_number (const char *text,
                    gint64      if_empty,
                    gint64     *out)
{
  g_autofree char *digits = strip_spaces (text);
  const char *p = digits;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (*p == '\0')
    {
      *out = if_empty;
      return TRUE;
    }
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  else if (g_str_has_prefix (p, "−"))
    {
      negative = TRUE;
      p += strlen ("−");
    }
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) || value > G_MAXINT64 / 10 - 10)
        return FALSE;
      value = value * 10 + (*p - '0');
    }
  *out = negative ? -value : value;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = strip_spaces (text);

  return stripped[0] == '\0';
}

static void
set_field_error (GtkWidget *field,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static void
clear_errors (SpMemberEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->kind_row), GTK_WIDGET (self->population_row),
    GTK_WIDGET (self->from_row), GTK_WIDGET (self->to_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      set_field_error (fields[i], FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

/* Shows @message under the form and marks @field (if any), which gets the focus. */
static void
show_error (SpMemberEditor *self,
            GtkWidget      *field,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (field != NULL)
    {
      set_field_error (field, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_widget_grab_focus (field);
    }
}

/* The field a refusal of the core is about: the core names it. */
static GtkWidget *
field_for_error (SpMemberEditor *self,
                 const GError   *error)
{
  const char *field;

  if (error->domain != SP_ERROR || (field = sp_error_get_field (error)) == NULL)
    return NULL;
  if (g_str_equal (field, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (field, "kind"))
    return GTK_WIDGET (self->kind_row);
  if (g_str_equal (field, "population"))
    return GTK_WIDGET (self->population_row);
  if (g_str_equal (field, "from-year"))
    return GTK_WIDGET (self->from_row);
  if (g_str_equal (field, "to-year"))
    return GTK_WIDGET (self->to_row);
  return NULL;
}

static gboolean
read_year (SpMemberEditor *self,
           AdwEntryRow    *row,
           int            *year)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gint64 value;

  if (!parse_whole_number (text, 0, &value) || value > 9999 || value < 0)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      g_autofree char *message =
        /* Translators: %s is what the user typed as a year */
        g_strdup_printf (_("“%s” is not a year. Write it with four digits, like 2009."), stripped);

      show_error (self, GTK_WIDGET (row), message);
      return FALSE;
    }
  /* "0" is no year; the core refuses it where "" means "not set". */
  *year = value == 0 && !is_blank (text) ? -1 : (int) value;
  return TRUE;
}

static void
on_save_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sp_member_editor_save (SP_MEMBER_EDITOR (widget));
}

static void
on_field_changed_cb (SpMemberEditor *self,
                     GtkEditable    *field)
{
  /* The message stays until the next try; the red outline goes as the user corrects. */
  set_field_error (GTK_WIDGET (field), FALSE);
}

static void
sp_member_editor_dispose (GObject *object)
{
  SpMemberEditor *self = SP_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (sp_member_editor_parent_class)->dispose (object);
}

static void
sp_member_editor_class_init (SpMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_member_editor_dispose;

  /**
   * SpMemberEditor::saved:
   * @id: the member that was added or changed
   *
   * Emitted when the core accepted the form, just before the window closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/sp-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, pays_switch);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, population_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, from_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, to_row);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SpMemberEditor, save_button);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sp_member_editor_init (SpMemberEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwEntryRow *entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of SpMemberKind. */
  for (SpMemberKind kind = SP_MEMBER_KIND_STATE; kind <= SP_MEMBER_KIND_MUNICIPALITY; kind++)
    gtk_string_list_append (kinds, sp_member_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (self->kind_row, SP_MEMBER_KIND_MUNICIPALITY);

  entries[0] = self->name_row;
  entries[1] = self->population_row;
  entries[2] = self->from_row;
  entries[3] = self->to_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (on_field_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
}

/**
 * sp_member_editor_new:
 * @parent: the window it belongs to
 * @database: where the member is kept
 * @member: (nullable): the member to change, or %NULL to add one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
SpMemberEditor *
sp_member_editor_new (GtkWindow  *parent,
                      SpDatabase *database,
                      SpMember   *member)
{
  SpMemberEditor *self;

  g_return_val_if_fail (SP_IS_DATABASE (database), NULL);
  g_return_val_if_fail (member == NULL || SP_IS_MEMBER (member), NULL);

  self = g_object_new (SP_TYPE_MEMBER_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->database = g_object_ref (database);
  if (member != NULL)
    {
      SpMemberData data;

      sp_member_get_data (member, &data);
      self->member_id = sp_record_get_id (SP_RECORD (member));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Member"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), data.name);
      adw_combo_row_set_selected (self->kind_row, data.kind);
      gtk_switch_set_active (self->pays_switch, data.pays_own_share);
      if (data.population >= 0)
        {
          /* "12 150", as the page shows it; the spaces are read back. */
          g_autofree char *text = sp_money_format (sp_money_from_kr (data.population),
                                                   SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
          gtk_editable_set_text (GTK_EDITABLE (self->population_row), text);
        }
      if (data.from_year != 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", data.from_year);
          gtk_editable_set_text (GTK_EDITABLE (self->from_row), text);
        }
      if (data.to_year != 0)
        {
          g_autofree char *text = g_strdup_printf ("%d", data.to_year);
          gtk_editable_set_text (GTK_EDITABLE (self->to_row), text);
        }
    }
  return self;
}

/* Returns: the member being changed, or 0 while a new one is not yet saved */
gint64
sp_member_editor_get_member_id (SpMemberEditor *self)
{
  g_return_val_if_fail (SP_IS_MEMBER_EDITOR (self), 0);
  return self->member_id;
}

/**
 * sp_member_editor_save:
 *
 * Hands the form to the core. On success, emits SpMemberEditor::saved and
 * closes the window; otherwise shows why and keeps the window open.
 *
 * Returns: whether the member was stored
 */
gboolean
sp_member_editor_save (SpMemberEditor *self)
{
  g_autoptr(GError) error = NULL;
  SpMemberData data = { 0 };
  gint64 population;
  gboolean ok;

  g_return_val_if_fail (SP_IS_MEMBER_EDITOR (self), FALSE);

  clear_errors (self);
  data.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  data.kind = adw_combo_row_get_selected (self->kind_row);
  data.pays_own_share = gtk_switch_get_active (self->pays_switch);

  if (!parse_whole_number (gtk_editable_get_text (GTK_EDITABLE (self->population_row)), -1, &population))
    {
      show_error (self, GTK_WIDGET (self->population_row),
                  _("The population must be a whole number of inhabitants, like 12 150."));
      return FALSE;
    }
  data.population = population;
  /* The core keeps -1 for "not set" and refuses every other negative number:
   * a typed "-1" must be refused like them. */
  if (population == -1 && !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->population_row))))
    data.population = -2;
  if (!read_year (self, self->from_row, &data.from_year) ||
      !read_year (self, self->to_row, &data.to_year))
    return FALSE;

  if (self->member_id == 0)
    {
      gint64 id = sp_member_add (self->database, &data, &error);

      ok = id > 0;
      if (ok)
        self->member_id = id;
    }
  else
    ok = sp_member_update (self->database, self->member_id, &data, &error);

  if (!ok)
    {
      show_error (self, field_for_error (self, error), error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->member_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
