/* sp-project-editor-section.h: one section of the project editor, the base of all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-database.h"
#include "sp-project.h"

G_BEGIN_DECLS

/* The fields of a project that are saved one at a time, by sp_project_update(). */
typedef enum {
  SP_PROJECT_FIELD_NAME,
  SP_PROJECT_FIELD_SHORT_NAME,
  SP_PROJECT_FIELD_KIND,
  SP_PROJECT_FIELD_DESCRIPTION,
  SP_PROJECT_FIELD_OWNER,
  SP_PROJECT_FIELD_CONTACT,
  SP_PROJECT_FIELD_AREA,
  SP_PROJECT_FIELD_PRIORITY,
  SP_PROJECT_FIELD_START_DATE,
  SP_PROJECT_FIELD_END_DATE,
  SP_PROJECT_FIELD_PLANNED,
  SP_PROJECT_FIELD_RESULTS,
  SP_PROJECT_FIELD_SELF_EVALUATION,
  SP_PROJECT_FIELD_ASSESSOR,
  SP_PROJECT_FIELD_REPORT_DATE,
  SP_PROJECT_FIELD_EVALUATION,
  SP_PROJECT_FIELD_N
} SpProjectField;

#define SP_TYPE_PROJECT_EDITOR_SECTION (sp_project_editor_section_get_type ())
G_DECLARE_DERIVABLE_TYPE (SpProjectEditorSection, sp_project_editor_section, SP, PROJECT_EDITOR_SECTION, GtkWidget)

struct _SpProjectEditorSectionClass
{
  GtkWidgetClass parent_class;

  /* The database was set: rebuild the choices it gives. */
  void     (*database_set)     (SpProjectEditorSection *self);
  /* Another year was chosen. */
  void     (*year_changed)     (SpProjectEditorSection *self);
  /* Another project (or none) is shown: forget the old one's errors and lists. */
  void     (*project_changed)  (SpProjectEditorSection *self);
  /* The project changed: show its choices (the text fields are done). */
  void     (*refresh)          (SpProjectEditorSection *self);
  /* Tables of the database changed. */
  void     (*database_changed) (SpProjectEditorSection *self,
                                const char * const     *tables);
  /* Puts the choice @field shows into @data. */
  void     (*read_choice)      (SpProjectEditorSection *self,
                                SpProjectField          field,
                                SpProjectData          *data);

  gpointer padding[8];
};

SpDatabase *sp_project_editor_section_get_database       (SpProjectEditorSection *self);
void        sp_project_editor_section_set_database       (SpProjectEditorSection *self,
                                                          SpDatabase             *database);
int         sp_project_editor_section_get_year           (SpProjectEditorSection *self);
void        sp_project_editor_section_set_year           (SpProjectEditorSection *self,
                                                          int                     year);
SpProject  *sp_project_editor_section_get_project        (SpProjectEditorSection *self);
void        sp_project_editor_section_set_project        (SpProjectEditorSection *self,
                                                          SpProject              *project);
void        sp_project_editor_section_refresh            (SpProjectEditorSection *self);
void        sp_project_editor_section_database_changed   (SpProjectEditorSection *self,
                                                          const char * const     *tables);

/* For the sections themselves */
gboolean    sp_project_editor_section_get_filling        (SpProjectEditorSection *self);
void        sp_project_editor_section_set_filling        (SpProjectEditorSection *self,
                                                          gboolean                filling);
gint64      sp_project_editor_section_get_project_id     (SpProjectEditorSection *self);
void        sp_project_editor_section_add_field          (SpProjectEditorSection *self,
                                                          SpProjectField          field,
                                                          GtkWidget              *widget);
void        sp_project_editor_section_save_field         (SpProjectEditorSection *self,
                                                          SpProjectField          field);
void        sp_project_editor_section_show_error         (SpProjectEditorSection *self,
                                                          GtkWidget              *widget,
                                                          const char             *message);
void        sp_project_editor_section_clear_error        (SpProjectEditorSection *self,
                                                          GtkWidget              *widget);

/* Helpers for the widgets of every section */
void        sp_project_editor_section_set_label_error    (GtkLabel               *label,
                                                          const char             *message);
void        sp_project_editor_section_set_entry_error    (GtkWidget              *entry,
                                                          const char             *message);
gboolean    sp_project_editor_section_parse_count        (const char             *text,
                                                          const char             *what,
                                                          gint64                 *out_value,
                                                          GError                **error);
void        sp_project_editor_section_list_members       (SpProjectEditorSection *self,
                                                          GtkStringList          *strings,
                                                          GArray                 *ids);
GtkWidget  *sp_project_editor_section_make_row           (const char             *title,
                                                          const char             *subtitle);
GtkWidget  *sp_project_editor_section_make_remove_button (const char             *tooltip);
int         sp_project_editor_section_row_get_index      (GtkWidget              *widget);

G_END_DECLS
