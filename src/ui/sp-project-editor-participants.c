/* sp-project-editor-participants.c: a project's participants, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The participants of each year, planned or actual, counted by gender, age
 * group and where they went (activate a row to change it, or remove it), and
 * a form to save a year's counts.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-participants.h"

#include "sp-project-participants.h"
#include "sp-limits.h"

/* One count of the form: its entry, its name in a message, where it goes. */
typedef struct {
  GtkEntry   *entry;
  const char *what;
  int        *value;
} Count;

struct _SpProjectEditorParticipants
{
  SpProjectEditorSection parent_instance;

  GListModel            *participants;   /* SpProjectParticipants: what participants_list shows */

  /* Template widgets */
  GtkListBox            *participants_list;
  GtkSpinButton         *participants_year_spin;
  GtkCheckButton        *participants_planned_check;
  GtkEntry              *women_entry;
  GtkEntry              *men_entry;
  GtkEntry              *age_young_entry;
  GtkEntry              *age_old_entry;
  GtkEntry              *to_work_entry;
  GtkEntry              *to_studies_entry;
  GtkEntry              *to_self_entry;
  GtkLabel              *participants_error_label;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorParticipants, sp_project_editor_participants, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

/* The participants the row holding @widget shows. */
static SpProjectParticipants *
get_participants (SpProjectEditorParticipants *self,
                  GtkWidget                   *widget)
{
  return g_list_model_get_item (self->participants, sp_project_editor_section_row_get_index (widget));
}

static void
set_count_text (GtkEntry *entry,
                int       value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_participants_remove_clicked_cb (GtkButton                   *button,
                                   SpProjectEditorParticipants *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  g_autoptr(SpProjectParticipants) participants = get_participants (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (participants == NULL || sp_project_editor_section_get_project (section) == NULL)
    return;
  if (!sp_project_clear_participants (sp_project_editor_section_get_database (section),
                                      sp_project_editor_section_get_project_id (section),
                                      sp_project_participants_get_year (participants),
                                      sp_project_participants_get_planned (participants), &error))
    sp_project_editor_section_set_label_error (self->participants_error_label, error->message);
}

static void
on_participants_row_activated_cb (AdwActionRow                *row,
                                  SpProjectEditorParticipants *self)
{
  g_autoptr(SpProjectParticipants) participants = get_participants (self, GTK_WIDGET (row));
  SpProjectParticipantsData data;

  if (participants == NULL)
    return;
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
  SpProjectEditorParticipants *self = user_data;
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
  row = sp_project_editor_section_make_row (title, subtitle);
  remove = sp_project_editor_section_make_remove_button (tooltip);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_participants_remove_clicked_cb), self, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_participants_row_activated_cb), self, 0);
  return row;
}

static void
on_participants_save_button_clicked_cb (SpProjectEditorParticipants *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  Count counts[7];
  SpProjectParticipantsData data = { 0 };
  g_autoptr(GError) error = NULL;
  int year = gtk_spin_button_get_value_as_int (self->participants_year_spin);
  gboolean planned = gtk_check_button_get_active (self->participants_planned_check);

  if (sp_project_editor_section_get_project (section) == NULL || database == NULL)
    return;

  counts[0] = (Count) { self->women_entry, _("Women"), &data.women };
  counts[1] = (Count) { self->men_entry, _("Men"), &data.men };
  counts[2] = (Count) { self->age_young_entry, _("Aged 16–29"), &data.age_16_29 };
  counts[3] = (Count) { self->age_old_entry, _("Aged 30 or more"), &data.age_30_plus };
  counts[4] = (Count) { self->to_work_entry, _("To work"), &data.to_work };
  counts[5] = (Count) { self->to_studies_entry, _("To studies"), &data.to_studies };
  counts[6] = (Count) { self->to_self_entry, _("To self-sufficiency"), &data.to_self_sufficiency };

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    sp_project_editor_section_set_entry_error (GTK_WIDGET (counts[i].entry), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      gint64 value = 0;

      if (!sp_project_editor_section_parse_count (gtk_editable_get_text (GTK_EDITABLE (counts[i].entry)),
                                                  counts[i].what, &value, &error))
        {
          sp_project_editor_section_set_entry_error (GTK_WIDGET (counts[i].entry), error->message);
          sp_project_editor_section_set_label_error (self->participants_error_label, error->message);
          gtk_entry_grab_focus_without_selecting (counts[i].entry);
          return;
        }
      *counts[i].value = (int) value;
    }
  if (!sp_project_set_participants (database, sp_project_editor_section_get_project_id (section), year, planned,
                                    &data, &error))
    {
      sp_project_editor_section_set_label_error (self->participants_error_label, error->message);
      return;
    }
  sp_project_editor_section_set_label_error (self->participants_error_label, NULL);
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_participants_year_changed (SpProjectEditorSection *section)
{
  SpProjectEditorParticipants *self = SP_PROJECT_EDITOR_PARTICIPANTS (section);
  int year = sp_project_editor_section_get_year (section);

  if (year > 0)
    gtk_spin_button_set_value (self->participants_year_spin, year);
}

static void
sp_project_editor_participants_project_changed (SpProjectEditorSection *section)
{
  SpProjectEditorParticipants *self = SP_PROJECT_EDITOR_PARTICIPANTS (section);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);

  sp_project_editor_section_set_label_error (self->participants_error_label, NULL);
  g_clear_object (&self->participants);
  if (id != 0 && database != NULL)
    self->participants = G_LIST_MODEL (sp_project_participants_list_new (database, id));
  gtk_list_box_bind_model (self->participants_list, self->participants,
                           self->participants != NULL ? create_participants_row_cb : NULL, self, NULL);
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_participants_dispose (GObject *object)
{
  SpProjectEditorParticipants *self = SP_PROJECT_EDITOR_PARTICIPANTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_PARTICIPANTS);
  g_clear_object (&self->participants);

  G_OBJECT_CLASS (sp_project_editor_participants_parent_class)->dispose (object);
}

static void
sp_project_editor_participants_class_init (SpProjectEditorParticipantsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_participants_dispose;
  section_class->year_changed = sp_project_editor_participants_year_changed;
  section_class->project_changed = sp_project_editor_participants_project_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-participants.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, participants_list);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, participants_year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, participants_planned_check);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, women_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, men_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, age_young_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, age_old_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, to_work_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, to_studies_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, to_self_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorParticipants, participants_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_participants_save_button_clicked_cb);
}

static void
sp_project_editor_participants_init (SpProjectEditorParticipants *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->participants_year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
}
