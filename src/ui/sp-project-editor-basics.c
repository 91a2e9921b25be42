/* sp-project-editor-basics.c: the project's name, owner, area, dates and description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first section of the project editor: the plain fields of the project,
 * each saved on its own by SpProjectEditorSection, and the choices of its
 * kind, owner (a member), activity area (of the plan year) and priority.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-basics.h"

#include "sp-association.h"
#include "sp-member.h"
#include "sp-area.h"
#include "sp-area-group.h"

struct _SpProjectEditorBasics
{
  SpProjectEditorSection parent_instance;

  GArray                *owner_ids;   /* gint64: the owner row's items; 0 = none, OWNER_ASSOCIATION */
  GArray                *area_ids;    /* gint64: the area row's items; 0 = none */

  /* Template widgets */
  AdwEntryRow           *name_row;
  AdwEntryRow           *short_name_row;
  AdwComboRow           *kind_row;
  AdwComboRow           *owner_row;
  AdwEntryRow           *contact_row;
  AdwComboRow           *area_row;
  AdwComboRow           *priority_row;
  AdwEntryRow           *start_row;
  AdwEntryRow           *end_row;
  AdwEntryRow           *planned_row;
  GtkTextView           *description_view;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorBasics, sp_project_editor_basics, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

/* The owner row's item for the förbund itself. */
#define OWNER_ASSOCIATION ((gint64) -1)

static guint
find_id (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static void
rebuild_owner_model (SpProjectEditorBasics *self)
{
  SpDatabase *database = sp_project_editor_section_get_database (SP_PROJECT_EDITOR_SECTION (self));
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 none = 0, association = OWNER_ASSOCIATION;

  g_array_set_size (self->owner_ids, 0);
  g_array_append_val (self->owner_ids, none);
  /* Translators: no project owner chosen */
  gtk_string_list_append (strings, C_("owner", "None"));
  /* The förbund itself heads the owners: its own projects, run by the office. */
  if (database != NULL)
    {
      g_autoptr(SpAssociation) details = sp_association_load (database, NULL);

      g_array_append_val (self->owner_ids, association);
      gtk_string_list_append (strings, details != NULL && details->name != NULL && details->name[0] != '\0'
                                       ? details->name : _("The association"));
    }
  sp_project_editor_section_list_members (SP_PROJECT_EDITOR_SECTION (self), strings, self->owner_ids);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (strings));
}

static void
rebuild_area_model (SpProjectEditorBasics *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  SpProject *project = sp_project_editor_section_get_project (section);
  int year = sp_project_editor_section_get_year (section);
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 none = 0;
  gint64 current = project != NULL ? sp_project_get_area_id (project) : 0;
  gboolean found = current == 0;

  g_array_set_size (self->area_ids, 0);
  g_array_append_val (self->area_ids, none);
  /* Translators: no activity area chosen */
  gtk_string_list_append (strings, C_("area", "None"));
  if (database != NULL && year > 0)
    {
      g_autoptr(SpRecordList) areas = sp_area_list_new_for_year (database, year);
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
      gtk_string_list_append (strings, sp_project_get_area_name (project));
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (strings));
}

/* Rebuilds the area choices without saving the choice they reset. */
static void
rebuild_area_model_filling (SpProjectEditorBasics *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  gboolean filling = sp_project_editor_section_get_filling (section);

  sp_project_editor_section_set_filling (section, TRUE);
  rebuild_area_model (self);
  sp_project_editor_section_set_filling (section, filling);
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_basics_database_set (SpProjectEditorSection *section)
{
  rebuild_owner_model (SP_PROJECT_EDITOR_BASICS (section));
}

static void
sp_project_editor_basics_year_changed (SpProjectEditorSection *section)
{
  rebuild_area_model_filling (SP_PROJECT_EDITOR_BASICS (section));
  sp_project_editor_section_refresh (section);
}

static void
sp_project_editor_basics_project_changed (SpProjectEditorSection *section)
{
  rebuild_area_model_filling (SP_PROJECT_EDITOR_BASICS (section));
}

static void
sp_project_editor_basics_refresh (SpProjectEditorSection *section)
{
  SpProjectEditorBasics *self = SP_PROJECT_EDITOR_BASICS (section);
  SpProject *project = sp_project_editor_section_get_project (section);

  adw_combo_row_set_selected (self->kind_row, sp_project_get_kind (project));
  adw_combo_row_set_selected (self->owner_row,
                              find_id (self->owner_ids, sp_project_get_owned_by_association (project)
                                                        ? OWNER_ASSOCIATION : sp_project_get_owner_id (project)));
  if (sp_project_get_area_id (project) != 0 && find_id (self->area_ids, sp_project_get_area_id (project)) == 0)
    rebuild_area_model (self);
  adw_combo_row_set_selected (self->area_row, find_id (self->area_ids, sp_project_get_area_id (project)));
  adw_combo_row_set_selected (self->priority_row, sp_project_get_priority (project));
}

static void
sp_project_editor_basics_database_changed (SpProjectEditorSection *section,
                                           const char * const     *tables)
{
  SpProjectEditorBasics *self = SP_PROJECT_EDITOR_BASICS (section);

  if (g_strv_contains (tables, "member") || g_strv_contains (tables, "association"))
    {
      sp_project_editor_section_set_filling (section, TRUE);
      rebuild_owner_model (self);
      sp_project_editor_section_set_filling (section, FALSE);
      sp_project_editor_section_refresh (section);
    }
  if (g_strv_contains (tables, "area") || g_strv_contains (tables, "area_group"))
    {
      rebuild_area_model_filling (self);
      sp_project_editor_section_refresh (section);
    }
}

static void
sp_project_editor_basics_read_choice (SpProjectEditorSection *section,
                                      SpProjectField          field,
                                      SpProjectData          *data)
{
  SpProjectEditorBasics *self = SP_PROJECT_EDITOR_BASICS (section);

  switch (field)
    {
    case SP_PROJECT_FIELD_KIND:
      data->kind = adw_combo_row_get_selected (self->kind_row);
      break;
    case SP_PROJECT_FIELD_OWNER:
      {
        gint64 owner = g_array_index (self->owner_ids, gint64, adw_combo_row_get_selected (self->owner_row));

        data->owned_by_association = owner == OWNER_ASSOCIATION;
        data->owner_id = owner > 0 ? owner : 0;
      }
      break;
    case SP_PROJECT_FIELD_AREA:
      data->area_id = g_array_index (self->area_ids, gint64, adw_combo_row_get_selected (self->area_row));
      break;
    case SP_PROJECT_FIELD_PRIORITY:
      data->priority = adw_combo_row_get_selected (self->priority_row);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_basics_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_BASICS);

  G_OBJECT_CLASS (sp_project_editor_basics_parent_class)->dispose (object);
}

static void
sp_project_editor_basics_finalize (GObject *object)
{
  SpProjectEditorBasics *self = SP_PROJECT_EDITOR_BASICS (object);

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->area_ids, g_array_unref);

  G_OBJECT_CLASS (sp_project_editor_basics_parent_class)->finalize (object);
}

static void
sp_project_editor_basics_class_init (SpProjectEditorBasicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_basics_dispose;
  object_class->finalize = sp_project_editor_basics_finalize;
  section_class->database_set = sp_project_editor_basics_database_set;
  section_class->year_changed = sp_project_editor_basics_year_changed;
  section_class->project_changed = sp_project_editor_basics_project_changed;
  section_class->refresh = sp_project_editor_basics_refresh;
  section_class->database_changed = sp_project_editor_basics_database_changed;
  section_class->read_choice = sp_project_editor_basics_read_choice;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-basics.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, name_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, contact_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, area_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, priority_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, start_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, end_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, planned_row);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorBasics, description_view);
}

static void
sp_project_editor_basics_init (SpProjectEditorBasics *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->area_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  sp_project_editor_section_set_filling (section, TRUE);
  gtk_string_list_append (kinds, sp_project_kind_get_label (SP_PROJECT_KIND_PROJECT));
  gtk_string_list_append (kinds, sp_project_kind_get_label (SP_PROJECT_KIND_INITIATIVE));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  for (int i = 0; i <= SP_PROJECT_PRIORITY_MAX; i++)
    gtk_string_list_append (priorities, sp_project_priority_get_label (i));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));
  rebuild_owner_model (self);
  rebuild_area_model (self);
  sp_project_editor_section_set_filling (section, FALSE);

  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_NAME, GTK_WIDGET (self->name_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_SHORT_NAME, GTK_WIDGET (self->short_name_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_KIND, GTK_WIDGET (self->kind_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_DESCRIPTION, GTK_WIDGET (self->description_view));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_OWNER, GTK_WIDGET (self->owner_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_CONTACT, GTK_WIDGET (self->contact_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_AREA, GTK_WIDGET (self->area_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_PRIORITY, GTK_WIDGET (self->priority_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_START_DATE, GTK_WIDGET (self->start_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_END_DATE, GTK_WIDGET (self->end_row));
  sp_project_editor_section_add_field (section, SP_PROJECT_FIELD_PLANNED, GTK_WIDGET (self->planned_row));
}
