/* sp-project-editor.c: everything about one project, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field is saved on its own when it is activated (Enter) or left, as one
 * core call; a refused value stays in its field, marked as an error, with the
 * core's message above the form, and the stored value is unchanged.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor.h"

#include "sp-error.h"
#include "sp-member.h"
#include "sp-money.h"
#include "sp-plan.h"

typedef enum {
  FIELD_NAME,
  FIELD_SHORT_NAME,
  FIELD_KIND,
  FIELD_DESCRIPTION,
  FIELD_OWNER,
  FIELD_CONTACT,
  FIELD_AREA,
  FIELD_PRIORITY,
  FIELD_START_DATE,
  FIELD_END_DATE,
  FIELD_PLANNED,
  FIELD_RESULTS,
  FIELD_SELF_EVALUATION,
  FIELD_ASSESSOR,
  FIELD_REPORT_DATE,
  FIELD_EVALUATION,
  N_FIELDS
} Field;

typedef struct {
  GtkEntry   *entry;
  const char *what;
  int        *value;
} Count;

typedef enum {
  STEP_GRANT,
  STEP_REJECT,
  STEP_START,
  STEP_FINISH,
  STEP_IMPLEMENT,
} Step;

struct _SpProjectEditor
{
  GtkWidget        parent_instance;

  SpDatabase      *database;
  int              year;
  SpProject       *project;
  gulong           changed_id;
  gboolean         filling;
  Step             step;
  GtkWidget       *fields[N_FIELDS];
  GArray          *owner_ids;   /* gint64: the owner row's items; 0 = none */
  GArray          *area_ids;    /* gint64: the area row's items; 0 = none */

  /* Template widgets */
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  GtkWidget       *content_box;
  AdwEntryRow     *name_row;
  AdwEntryRow     *short_name_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *owner_row;
  AdwEntryRow     *contact_row;
  AdwComboRow     *area_row;
  AdwComboRow     *priority_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwEntryRow     *planned_row;
  GtkTextView     *description_view;
  GtkLabel        *status_label;
  GtkWidget       *grant_button;
  GtkWidget       *reject_button;
  GtkWidget       *start_button;
  GtkWidget       *finish_button;
  GtkWidget       *implement_button;
  GtkRevealer     *decision_revealer;
  GtkLabel        *decision_heading;
  GtkEntry        *decision_date_entry;
  GtkEntry        *decision_paragraph_entry;
  GtkEntry        *decision_text_entry;
  GtkLabel        *decision_error_label;
  GtkListBox      *decisions_list;
  GtkListBox      *grants_list;
  GtkSpinButton   *grant_year_spin;
  GtkEntry        *grant_amount_entry;
  GtkLabel        *grant_error_label;
  GtkListBox      *cofunding_list;
  GtkDropDown     *cofunding_member_dropdown;
  GtkSpinButton   *cofunding_year_spin;
  GtkEntry        *cofunding_amount_entry;
  GtkCheckButton  *cofunding_in_kind_check;
  GtkLabel        *cofunding_error_label;
  GtkListBox      *participants_list;
  GtkSpinButton   *participants_year_spin;
  GtkCheckButton  *participants_planned_check;
  GtkEntry        *women_entry;
  GtkEntry        *men_entry;
  GtkEntry        *age_young_entry;
  GtkEntry        *age_old_entry;
  GtkEntry        *to_work_entry;
  GtkEntry        *to_studies_entry;
  GtkEntry        *to_self_entry;
  GtkLabel        *participants_error_label;
  AdwPreferencesGroup *targets_group;
  GtkFlowBox      *target_box;
  GtkLabel        *target_error_label;
  GtkListBox      *goals_list;
  GtkEntry        *goal_text_entry;
  GtkEntry        *goal_target_entry;
  GtkLabel        *goal_error_label;
  GtkTextView     *results_view;
  GtkSwitch       *self_evaluation_switch;
  AdwEntryRow     *assessor_row;
  AdwEntryRow     *report_row;
  GtkTextView     *evaluation_view;
  GtkWidget       *unarchive_button;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (SpProjectEditor, sp_project_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_YEAR,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Helpers ------------------------------------------------------------ */

static void
show_error (SpProjectEditor *self,
            GtkWidget       *widget,
            const char      *message)
{
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
    }
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
clear_error (SpProjectEditor *self,
             GtkWidget       *widget)
{
  if (widget != NULL && gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
set_label_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
set_entry_error (GtkWidget  *entry,
                 const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  gtk_widget_set_tooltip_text (entry, message);
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
get_stored_text (SpProjectEditor *self,
                 Field            field)
{
  SpProject *p = self->project;
  const char *text = NULL;

  switch (field)
    {
    case FIELD_NAME:        text = sp_project_get_name (p); break;
    case FIELD_SHORT_NAME:  text = sp_project_get_short_name (p); break;
    case FIELD_DESCRIPTION: text = sp_project_get_description (p); break;
    case FIELD_CONTACT:     text = sp_project_get_contact (p); break;
    case FIELD_START_DATE:  text = sp_project_get_start_date (p); break;
    case FIELD_END_DATE:    text = sp_project_get_end_date (p); break;
    case FIELD_RESULTS:     text = sp_project_get_results (p); break;
    case FIELD_ASSESSOR:    text = sp_project_get_external_assessor (p); break;
    case FIELD_REPORT_DATE: text = sp_project_get_report_date (p); break;
    case FIELD_EVALUATION:  text = sp_project_get_evaluation (p); break;
    case FIELD_PLANNED:
      if (sp_project_get_planned_participants (p) >= 0)
        return g_strdup_printf ("%" G_GINT64_FORMAT, sp_project_get_planned_participants (p));
      return g_strdup ("");
    case FIELD_KIND:
    case FIELD_OWNER:
    case FIELD_AREA:
    case FIELD_PRIORITY:
    case FIELD_SELF_EVALUATION:
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
  return g_strdup (text != NULL ? text : "");
}

static char *
get_field_text (SpProjectEditor *self,
                Field            field)
{
  GtkWidget *widget = self->fields[field];

  if (GTK_IS_TEXT_VIEW (widget))
    return get_text_view_text (GTK_TEXT_VIEW (widget));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
set_field_text (SpProjectEditor *self,
                Field            field,
                const char      *text)
{
  GtkWidget *widget = self->fields[field];

  if (GTK_IS_TEXT_VIEW (widget))
    {
      g_autofree char *current = get_text_view_text (GTK_TEXT_VIEW (widget));

      if (g_strcmp0 (current, text) != 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
    }
  else if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

/* A whole number ≥ 0; @what names the field in the message. */
static gboolean
parse_count (const char  *text,
             const char  *what,
             gint64      *out_value,
             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64 value = 0;

  if (stripped[0] == '\0')
    {
      *out_value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT, &value, NULL))
    {
      /* Translators: %s names the field, e.g. "Women"; the text is "12,5" or "-3" */
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID,
                   _("%s: “%s” is not a whole number of 0 or more."), what, stripped);
      return FALSE;
    }
  *out_value = (gint64) value;
  return TRUE;
}

static void
rebuild_owner_model (SpProjectEditor *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->owner_ids, 0);
  g_array_append_val (self->owner_ids, none);
  /* Translators: no project owner chosen */
  gtk_string_list_append (strings, C_("owner", "None"));
  if (self->database != NULL)
    {
      g_autoptr(SpRecordList) members = sp_member_list_new (self->database);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpMember) member = g_list_model_get_item (G_LIST_MODEL (members), i);
          gint64 id = sp_record_get_id (SP_RECORD (member));

          g_array_append_val (self->owner_ids, id);
          gtk_string_list_append (strings, sp_member_get_name (member));
        }
    }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (strings));

  /* The co-funding members: the same, without "None". */
  {
    g_autoptr(GtkStringList) members = gtk_string_list_new (NULL);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (strings));

    for (guint i = 1; i < n; i++)
      gtk_string_list_append (members, gtk_string_list_get_string (strings, i));
    gtk_drop_down_set_model (self->cofunding_member_dropdown, G_LIST_MODEL (members));
  }
}

static void
rebuild_area_model (SpProjectEditor *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 none = 0;
  gint64 current = self->project != NULL ? sp_project_get_area_id (self->project) : 0;
  gboolean found = current == 0;

  g_array_set_size (self->area_ids, 0);
  g_array_append_val (self->area_ids, none);
  /* Translators: no activity area chosen */
  gtk_string_list_append (strings, C_("area", "None"));
  if (self->database != NULL && self->year > 0)
    {
      g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (self->database, self->year);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (areas));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpArea) area = g_list_model_get_item (G_LIST_MODEL (areas), i);
          gint64 id = sp_record_get_id (SP_RECORD (area));
          /* Translators: an activity area in its group, e.g. "Insatser › Projekt" */
          g_autofree char *label = g_strdup_printf (_("%s › %s"), sp_area_get_group_name (area),
                                                    sp_area_get_name (area));

          g_array_append_val (self->area_ids, id);
          gtk_string_list_append (strings, label);
          found |= id == current;
        }
    }
  /* An area of another year stays choosable. */
  if (!found)
    {
      g_array_append_val (self->area_ids, current);
      gtk_string_list_append (strings, sp_project_get_area_name (self->project));
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (strings));
}

static void
update_workflow (SpProjectEditor *self)
{
  SpProjectStatus status = sp_project_get_status (self->project);

  gtk_label_set_text (self->status_label, sp_project_status_get_label (status));
  gtk_widget_set_sensitive (self->grant_button, status == SP_PROJECT_STATUS_APPLICATION);
  gtk_widget_set_sensitive (self->reject_button, status == SP_PROJECT_STATUS_APPLICATION);
  gtk_widget_set_sensitive (self->start_button, sp_project_status_can_change (status, SP_PROJECT_STATUS_ONGOING));
  gtk_widget_set_sensitive (self->finish_button, sp_project_status_can_change (status, SP_PROJECT_STATUS_FINISHED));
  gtk_widget_set_sensitive (self->implement_button,
                            sp_project_status_can_change (status, SP_PROJECT_STATUS_IMPLEMENTED));
  /* An archived project is restored, not deleted. */
  gtk_widget_set_visible (self->unarchive_button, sp_project_get_archived (self->project));
  gtk_widget_set_visible (self->delete_button, !sp_project_get_archived (self->project));
}

static void
fill_fields (SpProjectEditor *self)
{
  static const Field text_fields[] = {
    FIELD_NAME, FIELD_SHORT_NAME, FIELD_DESCRIPTION, FIELD_CONTACT, FIELD_START_DATE, FIELD_END_DATE,
    FIELD_PLANNED, FIELD_RESULTS, FIELD_ASSESSOR, FIELD_REPORT_DATE, FIELD_EVALUATION,
  };

  if (self->project == NULL)
    return;

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      Field field = text_fields[i];
      g_autofree char *stored = get_stored_text (self, field);

      /* A refused value stays for the user to correct. */
      if (!gtk_widget_has_css_class (self->fields[field], "error"))
        set_field_text (self, field, stored);
    }
  adw_combo_row_set_selected (self->kind_row, sp_project_get_kind (self->project));
  adw_combo_row_set_selected (self->owner_row, find_id (self->owner_ids, sp_project_get_owner_id (self->project)));
  if (sp_project_get_area_id (self->project) != 0 &&
      find_id (self->area_ids, sp_project_get_area_id (self->project)) == 0)
    rebuild_area_model (self);
  adw_combo_row_set_selected (self->area_row, find_id (self->area_ids, sp_project_get_area_id (self->project)));
  adw_combo_row_set_selected (self->priority_row, sp_project_get_priority (self->project));
  gtk_switch_set_active (self->self_evaluation_switch, sp_project_get_self_evaluation_done (self->project));
  update_workflow (self);
  self->filling = FALSE;
}

/* Saves one field of the project: one core call. */
static void
commit_field (SpProjectEditor *self,
              Field            field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  GtkWidget *widget = self->fields[field];
  SpProjectData data;
  gint64 id;

  if (self->filling || self->project == NULL || self->database == NULL)
    return;

  /* Copies: the project changes under us while the edit is saved. */
  sp_project_get_data (self->project, &data);
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
  id = sp_record_get_id (SP_RECORD (self->project));

  switch (field)
    {
    case FIELD_NAME:
    case FIELD_SHORT_NAME:
    case FIELD_DESCRIPTION:
    case FIELD_CONTACT:
    case FIELD_START_DATE:
    case FIELD_END_DATE:
    case FIELD_RESULTS:
    case FIELD_ASSESSOR:
    case FIELD_REPORT_DATE:
    case FIELD_EVALUATION:
      {
        g_autofree char *stored = get_stored_text (self, field);

        text = get_field_text (self, field);
        if (g_strcmp0 (text, stored) == 0)
          {
            clear_error (self, widget);
            return;
          }
        switch (field)
          {
          case FIELD_NAME:        data.name = text; break;
          case FIELD_SHORT_NAME:  data.short_name = text; break;
          case FIELD_DESCRIPTION: data.description = text; break;
          case FIELD_CONTACT:     data.contact = text; break;
          case FIELD_START_DATE:  data.start_date = g_strstrip (text); break;
          case FIELD_END_DATE:    data.end_date = g_strstrip (text); break;
          case FIELD_RESULTS:     data.results = text; break;
          case FIELD_ASSESSOR:    data.external_assessor = text; break;
          case FIELD_REPORT_DATE: data.report_date = g_strstrip (text); break;
          case FIELD_EVALUATION:  data.evaluation = text; break;
          default:
            g_assert_not_reached ();
          }
      }
      break;
    case FIELD_PLANNED:
      {
        g_autofree char *stored = get_stored_text (self, field);
        gint64 value = -1;

        text = g_strstrip (get_field_text (self, field));
        if (g_strcmp0 (text, stored) == 0)
          {
            clear_error (self, widget);
            return;
          }
        if (text[0] != '\0' && !parse_count (text, _("Planned participants"), &value, &error))
          {
            show_error (self, widget, error->message);
            return;
          }
        data.planned_participants = value;
      }
      break;
    case FIELD_KIND:
      data.kind = adw_combo_row_get_selected (self->kind_row);
      break;
    case FIELD_OWNER:
      data.owner_id = g_array_index (self->owner_ids, gint64, adw_combo_row_get_selected (self->owner_row));
      break;
    case FIELD_AREA:
      data.area_id = g_array_index (self->area_ids, gint64, adw_combo_row_get_selected (self->area_row));
      break;
    case FIELD_PRIORITY:
      data.priority = adw_combo_row_get_selected (self->priority_row);
      break;
    case FIELD_SELF_EVALUATION:
      data.self_evaluation_done = gtk_switch_get_active (self->self_evaluation_switch);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }

  if (!sp_project_update (self->database, id, &data, &error))
    {
      show_error (self, widget, error->message);
      /* Choices go back to what is stored. */
      if (!GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT_VIEW (widget))
        {
          gtk_widget_remove_css_class (widget, "error");
          fill_fields (self);
        }
      return;
    }
  clear_error (self, widget);
}

static Field
field_of (GtkWidget *widget)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "sp-field"));
}

static GtkWidget *
make_remove_button (const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_entry_row_activated_cb (AdwEntryRow     *row,
                           SpProjectEditor *self)
{
  commit_field (self, field_of (GTK_WIDGET (row)));
}

static void
on_field_focus_leave_cb (GtkEventControllerFocus *controller,
                         SpProjectEditor         *self)
{
  commit_field (self, field_of (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
on_combo_row_notify_selected_cb (AdwComboRow     *row,
                                 GParamSpec      *pspec,
                                 SpProjectEditor *self)
{
  commit_field (self, field_of (GTK_WIDGET (row)));
}

static void
on_self_evaluation_switch_notify_active_cb (SpProjectEditor *self)
{
  commit_field (self, FIELD_SELF_EVALUATION);
}

static void
on_project_notify_cb (SpProjectEditor *self)
{
  fill_fields (self);
}

static void
on_workflow_button_clicked_cb (SpProjectEditor *self,
                               GtkButton       *button)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *heading;

  if (GTK_WIDGET (button) == self->grant_button)
    {
      self->step = STEP_GRANT;
      heading = _("Grant the application: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->reject_button)
    {
      self->step = STEP_REJECT;
      heading = _("Reject the application: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->start_button)
    {
      self->step = STEP_START;
      heading = _("Start the project: the board’s decision");
    }
  else if (GTK_WIDGET (button) == self->finish_button)
    {
      self->step = STEP_FINISH;
      heading = _("Finish the project: the board’s decision");
    }
  else
    {
      self->step = STEP_IMPLEMENT;
      heading = _("Implement the project in regular operations: the board’s decision");
    }
  gtk_label_set_text (self->decision_heading, heading);
  if (gtk_entry_buffer_get_length (gtk_entry_get_buffer (self->decision_date_entry)) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->decision_date_entry), today);
  set_label_error (self->decision_error_label, NULL);
  set_entry_error (GTK_WIDGET (self->decision_date_entry), NULL);
  gtk_revealer_set_reveal_child (self->decision_revealer, TRUE);
  gtk_entry_grab_focus_without_selecting (self->decision_date_entry);
}

static void
on_unarchive_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->database == NULL)
    return;
  if (!sp_project_unarchive (self->database, sp_record_get_id (SP_RECORD (self->project)), &error))
    show_error (self, NULL, error->message);
}

static void
on_decision_cancel_button_clicked_cb (SpProjectEditor *self)
{
  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
  set_label_error (self->decision_error_label, NULL);
}

static void
on_decision_apply_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->decision_date_entry))));
  SpProjectDecisionData decision = { 0 };
  gint64 id;
  gboolean ok = FALSE;

  if (self->project == NULL || self->database == NULL)
    return;

  id = sp_record_get_id (SP_RECORD (self->project));
  decision.date = date;
  decision.paragraph = gtk_editable_get_text (GTK_EDITABLE (self->decision_paragraph_entry));
  decision.text = gtk_editable_get_text (GTK_EDITABLE (self->decision_text_entry));
  switch (self->step)
    {
    case STEP_GRANT:
      ok = sp_project_decide (self->database, id, TRUE, &decision, &error);
      break;
    case STEP_REJECT:
      ok = sp_project_decide (self->database, id, FALSE, &decision, &error);
      break;
    case STEP_START:
      ok = sp_project_start (self->database, id, &decision, &error);
      break;
    case STEP_FINISH:
      ok = sp_project_finish (self->database, id, &decision, &error);
      break;
    case STEP_IMPLEMENT:
      ok = sp_project_implement (self->database, id, &decision, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    {
      set_label_error (self->decision_error_label, error->message);
      set_entry_error (GTK_WIDGET (self->decision_date_entry),
                       g_strrstr (error->message, date[0] != '\0' ? date : "\x01") != NULL || date[0] == '\0'
                       ? error->message : NULL);
      return;
    }
  set_label_error (self->decision_error_label, NULL);
  set_entry_error (GTK_WIDGET (self->decision_date_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->decision_paragraph_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->decision_text_entry), "");
  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
}

static GtkWidget *
create_decision_row_cb (gpointer item,
                        gpointer user_data)
{
  SpProjectDecision *decision = item;
  const char *paragraph = sp_project_decision_get_paragraph (decision);
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (paragraph != NULL && paragraph[0] != '\0')
    /* Translators: a board decision: its date and paragraph, e.g. "2009-03-24, § 12" */
    title = g_strdup_printf (_("%s, %s"), sp_project_decision_get_date (decision), paragraph);
  else
    title = g_strdup (sp_project_decision_get_date (decision));
  row = make_row (title, sp_project_decision_get_text (decision));
  if (sp_project_decision_get_changes_status (decision))
    {
      GtkWidget *label = gtk_label_new (sp_project_status_get_label (sp_project_decision_get_status (decision)));

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
on_grant_remove_clicked_cb (GtkButton       *button,
                            SpProjectEditor *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sp-year"));
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!sp_project_clear_grant (self->database, sp_record_get_id (SP_RECORD (self->project)), year, &error))
    set_label_error (self->grant_error_label, error->message);
}

static void
on_grant_row_activated_cb (AdwActionRow    *row,
                           SpProjectEditor *self)
{
  SpProjectGrant *grant = g_object_get_data (G_OBJECT (row), "sp-grant");
  g_autofree char *amount = sp_money_format (sp_project_grant_get_amount (grant), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_NO_UNIT);

  gtk_spin_button_set_value (self->grant_year_spin, sp_project_grant_get_year (grant));
  gtk_editable_set_text (GTK_EDITABLE (self->grant_amount_entry), amount);
  gtk_entry_grab_focus_without_selecting (self->grant_amount_entry);
}

static GtkWidget *
create_grant_row_cb (gpointer item,
                     gpointer user_data)
{
  SpProjectEditor *self = user_data;
  SpProjectGrant *grant = item;
  int year = sp_project_grant_get_year (grant);
  g_autofree char *title = g_strdup_printf ("%d", year);
  g_autofree char *amount = sp_money_format (sp_project_grant_get_amount (grant), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_DEFAULT);
  /* Translators: the tooltip of a button; %d is a year */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the granted funds of %d"), year);
  GtkWidget *row = make_row (title, NULL);
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *remove = make_remove_button (tooltip);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (remove), "sp-year", GINT_TO_POINTER (year));
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_grant_remove_clicked_cb), self, 0);
  g_object_set_data_full (G_OBJECT (row), "sp-grant", g_object_ref (grant), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_grant_row_activated_cb), self, 0);
  return row;
}

static void
on_grant_set_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->grant_amount_entry));
  int year = gtk_spin_button_get_value_as_int (self->grant_year_spin);
  SpMoney amount = 0;

  if (self->project == NULL || self->database == NULL)
    return;
  if (!sp_money_parse (text, SP_MONEY_UNIT_KR, &amount, &error) ||
      !sp_project_set_grant (self->database, sp_record_get_id (SP_RECORD (self->project)), year, amount, &error))
    {
      set_label_error (self->grant_error_label, error->message);
      set_entry_error (GTK_WIDGET (self->grant_amount_entry), error->message);
      return;
    }
  set_label_error (self->grant_error_label, NULL);
  set_entry_error (GTK_WIDGET (self->grant_amount_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->grant_amount_entry), "");
}

static void
on_cofunding_remove_clicked_cb (GtkButton       *button,
                                SpProjectEditor *self)
{
  SpProjectCofunding *cofunding = g_object_get_data (G_OBJECT (button), "sp-cofunding");
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!sp_project_clear_cofunding (self->database, sp_record_get_id (SP_RECORD (self->project)),
                                   sp_project_cofunding_get_member_id (cofunding),
                                   sp_project_cofunding_get_year (cofunding),
                                   sp_project_cofunding_get_in_kind (cofunding), &error))
    set_label_error (self->cofunding_error_label, error->message);
}

static void
on_cofunding_row_activated_cb (AdwActionRow    *row,
                               SpProjectEditor *self)
{
  SpProjectCofunding *cofunding = g_object_get_data (G_OBJECT (row), "sp-cofunding");
  g_autofree char *amount = sp_money_format (sp_project_cofunding_get_amount (cofunding), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_NO_UNIT);
  guint position = find_id (self->owner_ids, sp_project_cofunding_get_member_id (cofunding));

  if (position > 0)
    gtk_drop_down_set_selected (self->cofunding_member_dropdown, position - 1);
  gtk_spin_button_set_value (self->cofunding_year_spin, sp_project_cofunding_get_year (cofunding));
  gtk_check_button_set_active (self->cofunding_in_kind_check, sp_project_cofunding_get_in_kind (cofunding));
  gtk_editable_set_text (GTK_EDITABLE (self->cofunding_amount_entry), amount);
  gtk_entry_grab_focus_without_selecting (self->cofunding_amount_entry);
}

static GtkWidget *
create_cofunding_row_cb (gpointer item,
                         gpointer user_data)
{
  SpProjectEditor *self = user_data;
  SpProjectCofunding *cofunding = item;
  int year = sp_project_cofunding_get_year (cofunding);
  /* Translators: co-funding: the year and the member, e.g. "2009 – Fagersta kommun" */
  g_autofree char *title = g_strdup_printf (_("%d – %s"), year, sp_project_cofunding_get_member_name (cofunding));
  g_autofree char *amount = sp_money_format (sp_project_cofunding_get_amount (cofunding), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_DEFAULT);
  /* Translators: the tooltip of a button; %s is e.g. "2009 – Fagersta kommun" */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the co-funding of %s"), title);
  GtkWidget *row = make_row (title, sp_project_cofunding_get_in_kind (cofunding) ? _("In kind") : _("In money"));
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *remove = make_remove_button (tooltip);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (remove), "sp-cofunding", g_object_ref (cofunding), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_cofunding_remove_clicked_cb), self, 0);
  g_object_set_data_full (G_OBJECT (row), "sp-cofunding", g_object_ref (cofunding), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_cofunding_row_activated_cb), self, 0);
  return row;
}

static void
on_cofunding_set_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->cofunding_amount_entry));
  int year = gtk_spin_button_get_value_as_int (self->cofunding_year_spin);
  guint member = gtk_drop_down_get_selected (self->cofunding_member_dropdown);
  SpMoney amount = 0;

  if (self->project == NULL || self->database == NULL)
    return;
  if (member == GTK_INVALID_LIST_POSITION || member + 1 >= self->owner_ids->len)
    {
      set_label_error (self->cofunding_error_label, _("Choose the member that co-funds the project."));
      return;
    }
  if (!sp_money_parse (text, SP_MONEY_UNIT_KR, &amount, &error) ||
      !sp_project_set_cofunding (self->database, sp_record_get_id (SP_RECORD (self->project)),
                                 g_array_index (self->owner_ids, gint64, member + 1), year,
                                 gtk_check_button_get_active (self->cofunding_in_kind_check), amount, &error))
    {
      set_label_error (self->cofunding_error_label, error->message);
      set_entry_error (GTK_WIDGET (self->cofunding_amount_entry), error->message);
      return;
    }
  set_label_error (self->cofunding_error_label, NULL);
  set_entry_error (GTK_WIDGET (self->cofunding_amount_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->cofunding_amount_entry), "");
}

static void
on_participants_remove_clicked_cb (GtkButton       *button,
                                   SpProjectEditor *self)
{
  SpProjectParticipants *participants = g_object_get_data (G_OBJECT (button), "sp-participants");
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!sp_project_clear_participants (self->database, sp_record_get_id (SP_RECORD (self->project)),
                                      sp_project_participants_get_year (participants),
                                      sp_project_participants_get_planned (participants), &error))
    set_label_error (self->participants_error_label, error->message);
}

static void
set_count_text (GtkEntry *entry,
                int       value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
on_participants_row_activated_cb (AdwActionRow    *row,
                                  SpProjectEditor *self)
{
  SpProjectParticipants *participants = g_object_get_data (G_OBJECT (row), "sp-participants");
  SpProjectParticipantsData data;

  sp_project_participants_get_data (participants, &data);
  gtk_spin_button_set_value (self->participants_year_spin, sp_project_participants_get_year (participants));
  gtk_check_button_set_active (self->participants_planned_check, sp_project_participants_get_planned (participants));
  set_count_text (self->women_entry, data.women);
  set_count_text (self->men_entry, data.men);
  set_count_text (self->age_young_entry, data.age_16_29);
  set_count_text (self->age_old_entry, data.age_30_plus);
  set_count_text (self->to_work_entry, data.to_work);
  set_count_text (self->to_studies_entry, data.to_studies);
  set_count_text (self->to_self_entry, data.to_self_sufficiency);
  gtk_entry_grab_focus_without_selecting (self->women_entry);
}

static GtkWidget *
create_participants_row_cb (gpointer item,
                            gpointer user_data)
{
  SpProjectEditor *self = user_data;
  SpProjectParticipants *participants = item;
  SpProjectParticipantsData data;
  int year = sp_project_participants_get_year (participants);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *row, *remove;

  sp_project_participants_get_data (participants, &data);
  if (sp_project_participants_get_planned (participants))
    /* Translators: participants of the year %d, as planned */
    title = g_strdup_printf (_("%d, planned"), year);
  else
    /* Translators: participants of the year %d, as they were */
    title = g_strdup_printf (_("%d, actual"), year);
  /* Translators: the participants of a year, counted */
  subtitle = g_strdup_printf (_("%d women, %d men; aged 16–29: %d, 30 or more: %d; to work %d, to studies %d, to self-sufficiency %d"),
                              data.women, data.men, data.age_16_29, data.age_30_plus,
                              data.to_work, data.to_studies, data.to_self_sufficiency);
  /* Translators: the tooltip of a button; %s is e.g. "2009, planned" */
  tooltip = g_strdup_printf (_("Remove the participants of %s"), title);
  row = make_row (title, subtitle);
  remove = make_remove_button (tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (remove), "sp-participants", g_object_ref (participants), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_participants_remove_clicked_cb), self, 0);
  g_object_set_data_full (G_OBJECT (row), "sp-participants", g_object_ref (participants), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_participants_row_activated_cb), self, 0);
  return row;
}

static void
on_participants_save_button_clicked_cb (SpProjectEditor *self)
{
  Count counts[7];
  SpProjectParticipantsData data = { 0 };
  g_autoptr(GError) error = NULL;
  int year = gtk_spin_button_get_value_as_int (self->participants_year_spin);
  gboolean planned = gtk_check_button_get_active (self->participants_planned_check);

  if (self->project == NULL || self->database == NULL)
    return;

  counts[0] = (Count) { self->women_entry, _("Women"), &data.women };
  counts[1] = (Count) { self->men_entry, _("Men"), &data.men };
  counts[2] = (Count) { self->age_young_entry, _("Aged 16–29"), &data.age_16_29 };
  counts[3] = (Count) { self->age_old_entry, _("Aged 30 or more"), &data.age_30_plus };
  counts[4] = (Count) { self->to_work_entry, _("To work"), &data.to_work };
  counts[5] = (Count) { self->to_studies_entry, _("To studies"), &data.to_studies };
  counts[6] = (Count) { self->to_self_entry, _("To self-sufficiency"), &data.to_self_sufficiency };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    set_entry_error (GTK_WIDGET (counts[i].entry), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 value = 0;

      if (!parse_count (gtk_editable_get_text (GTK_EDITABLE (counts[i].entry)), counts[i].what, &value, &error))
        {
          set_entry_error (GTK_WIDGET (counts[i].entry), error->message);
          set_label_error (self->participants_error_label, error->message);
          gtk_entry_grab_focus_without_selecting (counts[i].entry);
          return;
        }
      *counts[i].value = (int) value;
    }
  if (!sp_project_set_participants (self->database, sp_record_get_id (SP_RECORD (self->project)), year, planned,
                                    &data, &error))
    {
      set_label_error (self->participants_error_label, error->message);
      return;
    }
  set_label_error (self->participants_error_label, NULL);
}

static void
on_target_check_toggled_cb (GtkCheckButton  *check,
                            SpProjectEditor *self)
{
  gint64 toggled = *(gint64 *) g_object_get_data (G_OBJECT (check), "sp-id");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 project_id;

  if (self->filling || self->project == NULL)
    return;

  project_id = sp_record_get_id (SP_RECORD (self->project));
  ids = sp_project_get_target_groups (self->database, project_id, &error);
  if (ids != NULL)
    for (guint i = 0; i < ids->len; i++)
      if (g_array_index (ids, gint64, i) != toggled)
        g_array_append_val (wanted, g_array_index (ids, gint64, i));
  if (gtk_check_button_get_active (check))
    g_array_append_val (wanted, toggled);
  if (error != NULL ||
      !sp_project_set_target_groups (self->database, project_id, (const gint64 *) (gpointer) wanted->data,
                                     wanted->len, &error))
    set_label_error (self->target_error_label, error->message);
  else
    set_label_error (self->target_error_label, NULL);
}

static void
rebuild_target_groups (SpProjectEditor *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->target_box))) != NULL)
    gtk_flow_box_remove (self->target_box, child);

  /* Translators: a group title: the target groups of the plan year %d */
  title = g_strdup_printf (_("Target Groups %d"), self->year);
  adw_preferences_group_set_title (self->targets_group, title);
  if (self->project == NULL || self->database == NULL || self->year <= 0)
    return;

  ids = sp_project_get_target_groups (self->database, sp_record_get_id (SP_RECORD (self->project)), NULL);
  {
    g_autoptr(SpRecordList) groups = sp_target_group_list_new (self->database, self->year);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (groups));

    self->filling = TRUE;
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SpTargetGroup) group = g_list_model_get_item (G_LIST_MODEL (groups), i);
        GtkWidget *check = gtk_check_button_new_with_label (sp_target_group_get_name (group));
        gint64 id = sp_record_get_id (SP_RECORD (group));
        gboolean active = FALSE;

        for (guint j = 0; ids != NULL && j < ids->len; j++)
          active |= g_array_index (ids, gint64, j) == id;
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
        gtk_widget_set_tooltip_text (check, sp_target_group_get_description (group));
        g_object_set_data_full (G_OBJECT (check), "sp-id", g_memdup2 (&id, sizeof id), g_free);
        g_signal_connect_object (check, "toggled", G_CALLBACK (on_target_check_toggled_cb), self, 0);
        gtk_flow_box_append (self->target_box, check);
      }
    self->filling = FALSE;
    if (n == 0)
      {
        GtkWidget *label = gtk_label_new (_("The plan of this year has no target groups."));

        gtk_widget_add_css_class (label, "dim-label");
        gtk_flow_box_append (self->target_box, label);
      }
  }
}

static void
on_goal_remove_clicked_cb (GtkButton       *button,
                           SpProjectEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "sp-id");
  g_autoptr(GError) error = NULL;

  if (!sp_goal_delete (self->database, id, &error))
    set_label_error (self->goal_error_label, error->message);
}

static void
on_goal_outcome_activated_cb (AdwEntryRow     *row,
                              SpProjectEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "sp-id");
  g_autoptr(GError) error = NULL;

  if (!sp_goal_set_outcome (self->database, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      set_entry_error (GTK_WIDGET (row), error->message);
      set_label_error (self->goal_error_label, error->message);
      return;
    }
  set_entry_error (GTK_WIDGET (row), NULL);
  set_label_error (self->goal_error_label, NULL);
}

static GtkWidget *
create_goal_row_cb (gpointer item,
                    gpointer user_data)
{
  SpProjectEditor *self = user_data;
  SpGoal *goal = item;
  gint64 id = sp_record_get_id (SP_RECORD (goal));
  const char *target = sp_goal_get_target_value (goal);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = make_remove_button (_("Remove the goal"));

  if (target != NULL && target[0] != '\0')
    /* Translators: a project's goal and its target value; the row is edited to give the outcome */
    title = g_strdup_printf (_("%s (target: %s) – outcome"), sp_goal_get_text (goal), target);
  else
    /* Translators: a project's goal; the row is edited to give the outcome */
    title = g_strdup_printf (_("%s – outcome"), sp_goal_get_text (goal));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), sp_goal_get_outcome (goal) != NULL ? sp_goal_get_outcome (goal) : "");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data_full (G_OBJECT (row), "sp-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data_full (G_OBJECT (remove), "sp-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (on_goal_outcome_activated_cb), self, 0);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_goal_remove_clicked_cb), self, 0);
  return row;
}

static void
on_goal_add_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;
  SpGoalData data = { 0 };

  if (self->project == NULL || self->database == NULL)
    return;
  data.kind = SP_GOAL_KIND_MEASURABLE;
  data.text = gtk_editable_get_text (GTK_EDITABLE (self->goal_text_entry));
  data.target_value = gtk_editable_get_text (GTK_EDITABLE (self->goal_target_entry));
  if (sp_goal_add_to_project (self->database, sp_record_get_id (SP_RECORD (self->project)), &data, &error) <= 0)
    {
      set_entry_error (GTK_WIDGET (self->goal_text_entry), error->message);
      set_label_error (self->goal_error_label, error->message);
      return;
    }
  set_entry_error (GTK_WIDGET (self->goal_text_entry), NULL);
  set_label_error (self->goal_error_label, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->goal_text_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->goal_target_entry), "");
}

static void
bind_lists (SpProjectEditor *self)
{
  gint64 id;

  if (self->project == NULL || self->database == NULL)
    {
      gtk_list_box_bind_model (self->decisions_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->grants_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->cofunding_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->participants_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->goals_list, NULL, NULL, NULL, NULL);
      return;
    }
  id = sp_record_get_id (SP_RECORD (self->project));
  {
    g_autoptr(SpRecordList) decisions = sp_project_decision_list_new (self->database, id);
    g_autoptr(SpRecordList) grants = sp_project_grant_list_new (self->database, id);
    g_autoptr(SpRecordList) participants = sp_project_participants_list_new (self->database, id);
    g_autoptr(SpRecordList) cofunding = sp_project_cofunding_list_new (self->database, id);
    g_autoptr(SpRecordList) goals = sp_goal_list_new_for_project (self->database, id);

    gtk_list_box_bind_model (self->decisions_list, G_LIST_MODEL (decisions), create_decision_row_cb, self, NULL);
    gtk_list_box_bind_model (self->grants_list, G_LIST_MODEL (grants), create_grant_row_cb, self, NULL);
    gtk_list_box_bind_model (self->cofunding_list, G_LIST_MODEL (cofunding), create_cofunding_row_cb, self, NULL);
    gtk_list_box_bind_model (self->participants_list, G_LIST_MODEL (participants),
                             create_participants_row_cb, self, NULL);
    gtk_list_box_bind_model (self->goals_list, G_LIST_MODEL (goals), create_goal_row_cb, self, NULL);
  }
}

static void
on_database_changed_cb (SpDatabase       *database,
                        const char      **tables,
                        SpProjectEditor  *self)
{
  if (tables == NULL)
    return;
  if (g_strv_contains (tables, "member"))
    {
      self->filling = TRUE;
      rebuild_owner_model (self);
      self->filling = FALSE;
      fill_fields (self);
    }
  if (g_strv_contains (tables, "area") || g_strv_contains (tables, "area_group"))
    {
      self->filling = TRUE;
      rebuild_area_model (self);
      self->filling = FALSE;
      fill_fields (self);
    }
  if (g_strv_contains (tables, "target_group") || g_strv_contains (tables, "project_target_group"))
    rebuild_target_groups (self);
}

/* ---- Object ------------------------------------------------------------- */

static void
set_up_field (SpProjectEditor *self,
              Field            field,
              GtkWidget       *widget)
{
  self->fields[field] = widget;
  g_object_set_data (G_OBJECT (widget), "sp-field", GINT_TO_POINTER (field));

  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect (widget, "entry-activated", G_CALLBACK (on_entry_row_activated_cb), self);
  if (ADW_IS_COMBO_ROW (widget))
    g_signal_connect (widget, "notify::selected", G_CALLBACK (on_combo_row_notify_selected_cb), self);
  if (ADW_IS_ENTRY_ROW (widget) || GTK_IS_TEXT_VIEW (widget))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_field_focus_leave_cb), self);
      gtk_widget_add_controller (widget, focus);
    }
}

static void
sp_project_editor_dispose (GObject *object)
{
  SpProjectEditor *self = SP_PROJECT_EDITOR (object);

  sp_project_editor_set_project (self, NULL);
  sp_project_editor_set_database (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PROJECT_EDITOR);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (sp_project_editor_parent_class)->dispose (object);
}

static void
sp_project_editor_finalize (GObject *object)
{
  SpProjectEditor *self = SP_PROJECT_EDITOR (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);

  G_OBJECT_CLASS (sp_project_editor_parent_class)->finalize (object);
}

static void
sp_project_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SpProjectEditor *self = SP_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SpProjectEditor *self = SP_PROJECT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      sp_project_editor_set_database (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      sp_project_editor_set_year (self, g_value_get_int (value));
      break;
    case PROP_PROJECT:
      sp_project_editor_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_project_editor_class_init (SpProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_project_editor_dispose;
  object_class->finalize = sp_project_editor_finalize;
  object_class->get_property = sp_project_editor_get_property;
  object_class->set_property = sp_project_editor_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SP_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, SP_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-project-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, name)
  BIND (error_revealer);
  BIND (error_label);
  BIND (content_box);
  BIND (name_row);
  BIND (short_name_row);
  BIND (kind_row);
  BIND (owner_row);
  BIND (contact_row);
  BIND (area_row);
  BIND (priority_row);
  BIND (start_row);
  BIND (end_row);
  BIND (planned_row);
  BIND (description_view);
  BIND (status_label);
  BIND (grant_button);
  BIND (reject_button);
  BIND (start_button);
  BIND (finish_button);
  BIND (implement_button);
  BIND (decision_revealer);
  BIND (decision_heading);
  BIND (decision_date_entry);
  BIND (decision_paragraph_entry);
  BIND (decision_text_entry);
  BIND (decision_error_label);
  BIND (decisions_list);
  BIND (grants_list);
  BIND (grant_year_spin);
  BIND (grant_amount_entry);
  BIND (grant_error_label);
  BIND (cofunding_list);
  BIND (cofunding_member_dropdown);
  BIND (cofunding_year_spin);
  BIND (cofunding_amount_entry);
  BIND (cofunding_in_kind_check);
  BIND (cofunding_error_label);
  BIND (participants_list);
  BIND (participants_year_spin);
  BIND (participants_planned_check);
  BIND (women_entry);
  BIND (men_entry);
  BIND (age_young_entry);
  BIND (age_old_entry);
  BIND (to_work_entry);
  BIND (to_studies_entry);
  BIND (to_self_entry);
  BIND (participants_error_label);
  BIND (targets_group);
  BIND (target_box);
  BIND (target_error_label);
  BIND (goals_list);
  BIND (goal_text_entry);
  BIND (goal_target_entry);
  BIND (goal_error_label);
  BIND (results_view);
  BIND (self_evaluation_switch);
  BIND (assessor_row);
  BIND (report_row);
  BIND (evaluation_view);
  BIND (unarchive_button);
  BIND (delete_button);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_workflow_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_apply_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grant_set_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_participants_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cofunding_set_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_goal_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unarchive_button_clicked_cb);
}

static void
sp_project_editor_init (SpProjectEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filling = TRUE;
  gtk_string_list_append (kinds, sp_project_kind_get_label (SP_PROJECT_KIND_PROJECT));
  gtk_string_list_append (kinds, sp_project_kind_get_label (SP_PROJECT_KIND_INITIATIVE));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (int i = 0; i <= SP_PROJECT_PRIORITY_MAX; i++)
    gtk_string_list_append (priorities, sp_project_priority_get_label (i));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  rebuild_owner_model (self);
  rebuild_area_model (self);
  self->filling = FALSE;

  set_up_field (self, FIELD_NAME, GTK_WIDGET (self->name_row));
  set_up_field (self, FIELD_SHORT_NAME, GTK_WIDGET (self->short_name_row));
  set_up_field (self, FIELD_KIND, GTK_WIDGET (self->kind_row));
  set_up_field (self, FIELD_DESCRIPTION, GTK_WIDGET (self->description_view));
  set_up_field (self, FIELD_OWNER, GTK_WIDGET (self->owner_row));
  set_up_field (self, FIELD_CONTACT, GTK_WIDGET (self->contact_row));
  set_up_field (self, FIELD_AREA, GTK_WIDGET (self->area_row));
  set_up_field (self, FIELD_PRIORITY, GTK_WIDGET (self->priority_row));
  set_up_field (self, FIELD_START_DATE, GTK_WIDGET (self->start_row));
  set_up_field (self, FIELD_END_DATE, GTK_WIDGET (self->end_row));
  set_up_field (self, FIELD_PLANNED, GTK_WIDGET (self->planned_row));
  set_up_field (self, FIELD_RESULTS, GTK_WIDGET (self->results_view));
  set_up_field (self, FIELD_SELF_EVALUATION, GTK_WIDGET (self->self_evaluation_switch));
  set_up_field (self, FIELD_ASSESSOR, GTK_WIDGET (self->assessor_row));
  set_up_field (self, FIELD_REPORT_DATE, GTK_WIDGET (self->report_row));
  set_up_field (self, FIELD_EVALUATION, GTK_WIDGET (self->evaluation_view));
  g_signal_connect_swapped (self->self_evaluation_switch, "notify::active",
                            G_CALLBACK (on_self_evaluation_switch_notify_active_cb), self);
}

/* ---- Public API --------------------------------------------------------- */

GtkWidget *
sp_project_editor_new (void)
{
  return g_object_new (SP_TYPE_PROJECT_EDITOR, NULL);
}

SpDatabase *
sp_project_editor_get_database (SpProjectEditor *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_EDITOR (self), NULL);

  return self->database;
}

void
sp_project_editor_set_database (SpProjectEditor *self,
                                SpDatabase      *database)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR (self));
  g_return_if_fail (database == NULL || SP_IS_DATABASE (database));

  if (self->database == database)
    return;

  sp_project_editor_set_project (self, NULL);
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_id, self->database);
  g_set_object (&self->database, database);
  if (database != NULL)
    {
      self->changed_id = g_signal_connect (database, "changed", G_CALLBACK (on_database_changed_cb), self);
      gtk_widget_set_sensitive (self->content_box, !sp_database_is_read_only (database));
    }
  self->filling = TRUE;
  rebuild_owner_model (self);
  self->filling = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

int
sp_project_editor_get_year (SpProjectEditor *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_EDITOR (self), 0);

  return self->year;
}

void
sp_project_editor_set_year (SpProjectEditor *self,
                            int              year)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR (self));

  if (self->year == year)
    return;

  self->year = year;
  if (year > 0)
    {
      gtk_spin_button_set_value (self->grant_year_spin, year);
      gtk_spin_button_set_value (self->participants_year_spin, year);
      gtk_spin_button_set_value (self->cofunding_year_spin, year);
    }
  self->filling = TRUE;
  rebuild_area_model (self);
  self->filling = FALSE;
  fill_fields (self);
  rebuild_target_groups (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

SpProject *
sp_project_editor_get_project (SpProjectEditor *self)
{
  g_return_val_if_fail (SP_IS_PROJECT_EDITOR (self), NULL);

  return self->project;
}

void
sp_project_editor_set_project (SpProjectEditor *self,
                               SpProject       *project)
{
  g_return_if_fail (SP_IS_PROJECT_EDITOR (self));
  g_return_if_fail (project == NULL || SP_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, on_project_notify_cb, self);
  g_set_object (&self->project, project);

  /* A new project starts without the old one's errors. */
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->fields[i] != NULL)
      {
        gtk_widget_remove_css_class (self->fields[i], "error");
        gtk_widget_set_tooltip_text (self->fields[i], NULL);
      }
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_revealer_set_reveal_child (self->decision_revealer, FALSE);
  set_label_error (self->decision_error_label, NULL);
  set_label_error (self->grant_error_label, NULL);
  set_label_error (self->cofunding_error_label, NULL);
  set_label_error (self->participants_error_label, NULL);
  set_label_error (self->goal_error_label, NULL);
  set_label_error (self->target_error_label, NULL);

  self->filling = TRUE;
  rebuild_area_model (self);
  self->filling = FALSE;
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "notify", G_CALLBACK (on_project_notify_cb), self);
      fill_fields (self);
    }
  bind_lists (self);
  rebuild_target_groups (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
