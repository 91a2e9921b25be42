/* sp-project-editor-section.c: one section of the project editor, the base of all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A section shows part of one project. It keeps the database, the year and the
 * project the editor hands it, and saves the fields registered with
 * sp_project_editor_section_add_field() on their own when one is activated
 * (Enter) or left, as one core call. A refused value stays in its field,
 * marked as an error; the section's ::error signal hands the core's message to
 * the editor, which shows it above the form.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-section.h"

#include "sp-text.h"

#include "sp-error.h"
#include "sp-member.h"

typedef struct
{
  SpDatabase *database;
  int         year;
  SpProject  *project;
  gboolean    filling;
  GtkWidget  *fields[SP_PROJECT_FIELD_N];
} SpProjectEditorSectionPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SpProjectEditorSection, sp_project_editor_section, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- Helpers ------------------------------------------------------------ */

static gboolean
is_text_field (SpProjectField field)
{
  switch (field)
    {
    case SP_PROJECT_FIELD_KIND:
    case SP_PROJECT_FIELD_OWNER:
    case SP_PROJECT_FIELD_AREA:
    case SP_PROJECT_FIELD_PRIORITY:
    case SP_PROJECT_FIELD_SELF_EVALUATION:
      return FALSE;
    case SP_PROJECT_FIELD_NAME:
    case SP_PROJECT_FIELD_SHORT_NAME:
    case SP_PROJECT_FIELD_DESCRIPTION:
    case SP_PROJECT_FIELD_CONTACT:
    case SP_PROJECT_FIELD_START_DATE:
    case SP_PROJECT_FIELD_END_DATE:
    case SP_PROJECT_FIELD_PLANNED:
    case SP_PROJECT_FIELD_RESULTS:
    case SP_PROJECT_FIELD_ASSESSOR:
    case SP_PROJECT_FIELD_REPORT_DATE:
    case SP_PROJECT_FIELD_EVALUATION:
    case SP_PROJECT_FIELD_N:
    default:
      return TRUE;
    }
}

static char *
get_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The text a field shows, as the project stores it. */
static char *
get_stored_text (SpProjectEditorSection *self,
                 SpProjectField          field)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);
  SpProject *p = priv->project;
  const char *text = NULL;

  switch (field)
    {
    case SP_PROJECT_FIELD_NAME:        text = sp_project_get_name (p); break;
    case SP_PROJECT_FIELD_SHORT_NAME:  text = sp_project_get_short_name (p); break;
    case SP_PROJECT_FIELD_DESCRIPTION: text = sp_project_get_description (p); break;
    case SP_PROJECT_FIELD_CONTACT:     text = sp_project_get_contact (p); break;
    case SP_PROJECT_FIELD_START_DATE:  text = sp_project_get_start_date (p); break;
    case SP_PROJECT_FIELD_END_DATE:    text = sp_project_get_end_date (p); break;
    case SP_PROJECT_FIELD_RESULTS:     text = sp_project_get_results (p); break;
    case SP_PROJECT_FIELD_ASSESSOR:    text = sp_project_get_external_assessor (p); break;
    case SP_PROJECT_FIELD_REPORT_DATE: text = sp_project_get_report_date (p); break;
    case SP_PROJECT_FIELD_EVALUATION:  text = sp_project_get_evaluation (p); break;
    case SP_PROJECT_FIELD_PLANNED:
      if (sp_project_get_planned_participants (p) >= 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT, sp_project_get_planned_participants (p));
      return g_strdup ("");
    case SP_PROJECT_FIELD_KIND:
    case SP_PROJECT_FIELD_OWNER:
    case SP_PROJECT_FIELD_AREA:
    case SP_PROJECT_FIELD_PRIORITY:
    case SP_PROJECT_FIELD_SELF_EVALUATION:
    case SP_PROJECT_FIELD_N:
    default:
      g_assert_not_reached ();
    }
  return g_strdup (text != NULL ? text : "");
}

static char *
get_field_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    return get_text_view_text (GTK_TEXT_VIEW (widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_field_text (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *current = get_text_view_text (GTK_TEXT_VIEW (widget));

      if (g_strcmp0 (current, text) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
    }
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* The field @widget shows; SP_PROJECT_FIELD_N for none. */
static SpProjectField
field_of (SpProjectEditorSection *self,
          GtkWidget              *widget)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  for (guint i = 0; i < SP_PROJECT_FIELD_N; i++)
    if (priv->fields[i] == widget)
      return i;
  return SP_PROJECT_FIELD_N;
}

static void
save_field_of (SpProjectEditorSection *self,
               GtkWidget              *widget)
{
  SpProjectField field = field_of (self, widget);

  if (field != SP_PROJECT_FIELD_N)
    sp_project_editor_section_save_field (self, field);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_entry_row_entry_activated_cb (AdwEntryRow            *row,
                                 SpProjectEditorSection *self)
{
  save_field_of (self, GTK_WIDGET (row));
}

static void
on_field_focus_leave_cb (GtkEventControllerFocus *controller,
                         SpProjectEditorSection  *self)
{
  save_field_of (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_combo_row_notify_selected_cb (AdwComboRow            *row,
                                 GParamSpec             *pspec,
                                 SpProjectEditorSection *self)
{
  save_field_of (self, GTK_WIDGET (row));
}

static void
on_switch_notify_active_cb (GtkSwitch              *widget,
                            GParamSpec             *pspec,
                            SpProjectEditorSection *self)
{
  save_field_of (self, GTK_WIDGET (widget));
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_section_dispose (GObject *object)
{
  SpProjectEditorSection *self = SP_PROJECT_EDITOR_SECTION (object);
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < SP_PROJECT_FIELD_N; i++)
    priv->fields[i] = NULL;
  g_clear_object (&priv->project);
  g_clear_object (&priv->database);

  G_OBJECT_CLASS (sp_project_editor_section_parent_class)->dispose (object);
}

static void
sp_project_editor_section_class_init (SpProjectEditorSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_project_editor_section_dispose;

  /**
   * SpProjectEditorSection::error:
   * @message: (nullable): the core's message, or %NULL once it is answered
   *
   * A value was refused (or, with %NULL, a field was saved).
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sp_project_editor_section_init (SpProjectEditorSection *self)
{
}

/* ---- Public API --------------------------------------------------------- */

SpDatabase *
sp_project_editor_section_get_database (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self), NULL);

  return priv->database;
}

void
sp_project_editor_section_set_database (SpProjectEditorSection *self,
                                        SpDatabase             *database)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (!g_set_object (&priv->database, database))
    return;
  if (SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->database_set != NULL)
    {
      priv->filling = TRUE;
      SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->database_set (self);
      priv->filling = FALSE;
    }
}

int
sp_project_editor_section_get_year (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self), 0);

  return priv->year;
}

void
sp_project_editor_section_set_year (SpProjectEditorSection *self,
                                    int                     year)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (priv->year == year)
    return;
  priv->year = year;
  if (SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->year_changed != NULL)
    SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->year_changed (self);
}

SpProject *
sp_project_editor_section_get_project (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self), NULL);

  return priv->project;
}

void
sp_project_editor_section_set_project (SpProjectEditorSection *self,
                                       SpProject              *project)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (!g_set_object (&priv->project, project))
    return;

  /* A new project starts without the old one's errors. */
  for (guint i = 0; i < SP_PROJECT_FIELD_N; i++)
    if (priv->fields[i] != NULL)
      {
        gtk_widget_remove_css_class (priv->fields[i], "error");
        gtk_widget_set_tooltip_text (priv->fields[i], NULL);
      }
  if (SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->project_changed != NULL)
    SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->project_changed (self);
  sp_project_editor_section_refresh (self);
}

/* Shows what the project holds; a refused value stays for the user to correct. */
void
sp_project_editor_section_refresh (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (priv->project == NULL)
    return;

  priv->filling = TRUE;
  for (guint i = 0; i < SP_PROJECT_FIELD_N; i++)
    if (priv->fields[i] != NULL && is_text_field (i) && !gtk_widget_has_css_class (priv->fields[i], "error"))
      {
        g_autofree char *stored = get_stored_text (self, i);

        set_field_text (priv->fields[i], stored);
      }
  if (SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->refresh != NULL)
    SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->refresh (self);
  priv->filling = FALSE;
}

void
sp_project_editor_section_database_changed (SpProjectEditorSection *self,
                                            const char * const     *tables)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (tables != NULL && SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->database_changed != NULL)
    SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->database_changed (self, tables);
}

gboolean
sp_project_editor_section_get_filling (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self), FALSE);

  return priv->filling;
}

/* While filling, the section's widgets change without saving anything. */
void
sp_project_editor_section_set_filling (SpProjectEditorSection *self,
                                       gboolean                filling)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  priv->filling = filling;
}

/* The project's id; 0 without a project. */
gint64
sp_project_editor_section_get_project_id (SpProjectEditorSection *self)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_val_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self), 0);

  return priv->project != NULL ? sp_record_get_id (SP_RECORD (priv->project)) : 0;
}

/* @widget shows @field: an AdwEntryRow or a GtkTextView (a text), an
 * AdwComboRow or a GtkSwitch (a choice, read by the read_choice vfunc). */
void
sp_project_editor_section_add_field (SpProjectEditorSection *self,
                                     SpProjectField          field,
                                     GtkWidget              *widget)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));
  g_return_if_fail (field < SP_PROJECT_FIELD_N);

  priv->fields[field] = widget;
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect (widget, "entry-activated", G_CALLBACK (on_entry_row_entry_activated_cb), self);
  if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect (widget, "notify::selected", G_CALLBACK (on_combo_row_notify_selected_cb), self);
  if (GTK_IS_SWITCH (widget))
    g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_notify_active_cb), self);
  if (ADW_IS_ENTRY_ROW (widget) || GTK_IS_TEXT_VIEW (widget))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), self);
      gtk_widget_add_controller (widget, focus);
    }
}

/* Saves one field of the project: one core call. */
void
sp_project_editor_section_save_field (SpProjectEditorSection *self,
                                      SpProjectField          field)
{
  SpProjectEditorSectionPrivate *priv = sp_project_editor_section_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GtkWidget *widget;
  SpProjectData data;
  gint64 id;

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));
  g_return_if_fail (field < SP_PROJECT_FIELD_N);

  widget = priv->fields[field];
  if (priv->filling || priv->project == NULL || priv->database == NULL || widget == NULL)
    return;

  /* Copies: the project changes under us while the edit is saved. */
  sp_project_get_data (priv->project, &data);
#define KEEP(member) (data.member = data.member != NULL ? (g_ptr_array_add (strings, g_strdup (data.member)), \
                                                            (const char *) g_ptr_array_index (strings, strings->len - 1)) : NULL)
  KEEP (name);
  KEEP (short_name);
  KEEP (description);
  KEEP (contact);
  KEEP (start_date);
  KEEP (end_date);
  KEEP (results);
  KEEP (external_assessor);
  KEEP (report_date);
  KEEP (evaluation);
#undef KEEP
  id = sp_record_get_id (SP_RECORD (priv->project));

  if (field == SP_PROJECT_FIELD_PLANNED)
    {
      g_autofree char *stored = get_stored_text (self, field);
      gint64 value = -1;

      text = g_strstrip (get_field_text (widget));
      if (g_strcmp0 (text, stored) == 0)
        {
          sp_project_editor_section_clear_error (self, widget);
          return;
        }
      if (text[0] != '\0' &&
          !sp_project_editor_section_parse_count (text, _("Planned participants"), &value, &error))
        {
          sp_project_editor_section_show_error (self, widget, error->message);
          return;
        }
      data.planned_participants = value;
    }
  else if (is_text_field (field))
    {
      g_autofree char *stored = get_stored_text (self, field);

      text = get_field_text (widget);
      if (g_strcmp0 (text, stored) == 0)
        {
          sp_project_editor_section_clear_error (self, widget);
          return;
        }
      switch (field)
        {
        case SP_PROJECT_FIELD_NAME:        data.name = text; break;
        case SP_PROJECT_FIELD_SHORT_NAME:  data.short_name = text; break;
        case SP_PROJECT_FIELD_DESCRIPTION: data.description = text; break;
        case SP_PROJECT_FIELD_CONTACT:     data.contact = text; break;
        case SP_PROJECT_FIELD_START_DATE:  data.start_date = g_strstrip (text); break;
        case SP_PROJECT_FIELD_END_DATE:    data.end_date = g_strstrip (text); break;
        case SP_PROJECT_FIELD_RESULTS:     data.results = text; break;
        case SP_PROJECT_FIELD_ASSESSOR:    data.external_assessor = text; break;
        case SP_PROJECT_FIELD_REPORT_DATE: data.report_date = g_strstrip (text); break;
        case SP_PROJECT_FIELD_EVALUATION:  data.evaluation = text; break;
        case SP_PROJECT_FIELD_KIND:
        case SP_PROJECT_FIELD_OWNER:
        case SP_PROJECT_FIELD_AREA:
        case SP_PROJECT_FIELD_PRIORITY:
        case SP_PROJECT_FIELD_PLANNED:
        case SP_PROJECT_FIELD_SELF_EVALUATION:
        case SP_PROJECT_FIELD_N:
        default:
          g_assert_not_reached ();
        }
    }
  else
    {
      g_return_if_fail (SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->read_choice != NULL);
      SP_PROJECT_EDITOR_SECTION_GET_CLASS (self)->read_choice (self, field, &data);
    }

  if (!sp_project_update (priv->database, id, &data, &error))
    {
      sp_project_editor_section_show_error (self, widget, error->message);
      /* Choices go back to what is stored. */
      if (!GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT_VIEW (widget))
        {
          gtk_widget_remove_css_class (widget, "error");
          sp_project_editor_section_refresh (self);
        }
      return;
    }
  sp_project_editor_section_clear_error (self, widget);
}

/* Marks @widget (if any) as refused with @message, and shows @message above the form. */
void
sp_project_editor_section_show_error (SpProjectEditorSection *self,
                                      GtkWidget              *widget,
                                      const char             *message)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
    }
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, message);
}

void
sp_project_editor_section_clear_error (SpProjectEditorSection *self,
                                       GtkWidget              *widget)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (widget != NULL && gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, NULL);
}

/* An error label under a part of a section: shown with @message, hidden without. */
void
sp_project_editor_section_set_label_error (GtkLabel   *label,
                                           const char *message)
{
  /* A message quoting a long text wraps (anywhere) rather than widen the
   * window past the screen. */
  gtk_label_set_wrap (label, TRUE);
  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (label, 60);
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* The longest error an entry's tooltip shows whole. */
#define ENTRY_TOOLTIP_MAX_CHARS 200

void
sp_project_editor_section_set_entry_error (GtkWidget  *entry,
                                           const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  if (message != NULL && g_utf8_strlen (message, -1) > ENTRY_TOOLTIP_MAX_CHARS)
    {
      /* Never a whole pasted text in a tooltip: its start says enough. */
      g_autofree char *start = g_utf8_substring (message, 0, ENTRY_TOOLTIP_MAX_CHARS);
      g_autofree char *cut = g_strconcat (start, "…", NULL);

      gtk_widget_set_tooltip_text (entry, cut);
      return;
    }
  gtk_widget_set_tooltip_text (entry, message);
}

/* A whole number ≥ 0, empty for 0; @what names the field in the message
 * (sp_text_parse_count()). */
gboolean
sp_project_editor_section_parse_count (const char  *text,
                                       const char  *what,
                                       gint64      *out_value,
                                       GError     **error)
{
  return sp_text_parse_count (text, what, out_value, error);
}

/* A row of a list in a section: a title and, if not empty, a subtitle, as plain text. */
GtkWidget *
sp_project_editor_section_make_row (const char *title,
                                    const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

GtkWidget *
sp_project_editor_section_make_remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

/* The position in its list of the row that holds @widget (or is it): the
 * position of the item it shows in the list's model. */
int
sp_project_editor_section_row_get_index (GtkWidget *widget)
{
  GtkWidget *row = GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  g_return_val_if_fail (row != NULL, -1);

  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

/**
 * sp_project_editor_section_list_members:
 * @strings: the choices, to append the members' names to
 * @ids: (element-type gint64): to append the members' ids to, in the same order
 *
 * The förbund's members as the choices of a drop-down (a project's owner, a
 * co-funder). Nothing is appended without a database.
 */
void
sp_project_editor_section_list_members (SpProjectEditorSection *self,
                                        GtkStringList          *strings,
                                        GArray                 *ids)
{
  SpDatabase *database = sp_project_editor_section_get_database (self);
  g_autoptr(SpRecordList) members = NULL;
  guint n;

  g_return_if_fail (SP_IS_PROJECT_EDITOR_SECTION (self));

  if (database == NULL)
    return;
  members = sp_member_list_new (database);
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      gint64 id = sp_record_get_id (SP_RECORD (member));

      g_array_append_val (ids, id);
      gtk_string_list_append (strings, sp_member_get_name (member));
    }
}
