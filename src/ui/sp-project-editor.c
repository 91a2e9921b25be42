/* sp-project-editor.c: everything about one project, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor holds the project, the database and the year, and hands them to
 * its sections (SpProjectEditorSection), one widget per part of the form. Each
 * field is saved on its own when it is activated (Enter) or left, as one core
 * call; a refused value stays in its field, marked as an error, with the
 * core's message above the form (the section's ::error signal), and the stored
 * value is unchanged.
 */
#include "config.h"

#include "sp-project-editor.h"

#include "ui/sp-project-editor-basics.h"
#include "ui/sp-project-editor-cofunding.h"
#include "ui/sp-project-editor-decisions.h"
#include "ui/sp-project-editor-evaluation.h"
#include "ui/sp-project-editor-goals.h"
#include "ui/sp-project-editor-grants.h"
#include "ui/sp-project-editor-participants.h"
#include "ui/sp-project-editor-section.h"

#define N_SECTIONS 7

struct _SpProjectEditor
{
  GtkWidget               parent_instance;

  SpDatabase             *database;
  int                     year;
  SpProject              *project;
  gulong                  changed_id;
  SpProjectEditorSection *sections[N_SECTIONS];

  /* Template widgets */
  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  GtkWidget              *content_box;
  SpProjectEditorSection *basics;
  SpProjectEditorSection *decisions;
  SpProjectEditorSection *grants;
  SpProjectEditorSection *cofunding;
  SpProjectEditorSection *participants;
  SpProjectEditorSection *goals;
  SpProjectEditorSection *evaluation;
  GtkWidget              *unarchive_button;
  GtkWidget              *delete_button;
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
            const char      *message)
{
  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
      return;
    }
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
update_archive_buttons (SpProjectEditor *self)
{
  if (self->project == NULL)
    return;
  /* An archived project is restored, not deleted. */
  gtk_widget_set_visible (self->unarchive_button, sp_project_get_archived (self->project));
  gtk_widget_set_visible (self->delete_button, !sp_project_get_archived (self->project));
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_section_error_cb (SpProjectEditor        *self,
                     const char             *message,
                     SpProjectEditorSection *section)
{
  show_error (self, message);
}

static void
on_project_notify_cb (SpProjectEditor *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    sp_project_editor_section_refresh (self->sections[i]);
  update_archive_buttons (self);
}

static void
on_database_changed_cb (SpDatabase       *database,
                        const char      **tables,
                        SpProjectEditor  *self)
{
  for (guint i = 0; i < N_SECTIONS; i++)
    sp_project_editor_section_database_changed (self->sections[i], (const char * const *) tables);
}

static void
on_unarchive_button_clicked_cb (SpProjectEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || self->database == NULL)
    return;
  if (!sp_project_unarchive (self->database, sp_record_get_id (SP_RECORD (self->project)), &error))
    show_error (self, error->message);
}

/* ---- Object ------------------------------------------------------------- */

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
  for (guint i = 0; i < N_SECTIONS; i++)
    self->sections[i] = NULL;

  G_OBJECT_CLASS (sp_project_editor_parent_class)->dispose (object);
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

  g_type_ensure (SP_TYPE_PROJECT_EDITOR_BASICS);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_DECISIONS);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_GRANTS);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_COFUNDING);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_PARTICIPANTS);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_GOALS);
  g_type_ensure (SP_TYPE_PROJECT_EDITOR_EVALUATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samplan/Samplan/sp-project-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, basics);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, decisions);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, grants);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, cofunding);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, participants);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, goals);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, evaluation);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, unarchive_button);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_section_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_unarchive_button_clicked_cb);
}

static void
sp_project_editor_init (SpProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sections[0] = self->basics;
  self->sections[1] = self->decisions;
  self->sections[2] = self->grants;
  self->sections[3] = self->cofunding;
  self->sections[4] = self->participants;
  self->sections[5] = self->goals;
  self->sections[6] = self->evaluation;
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
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i] != NULL)
      sp_project_editor_section_set_database (self->sections[i], database);
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
  for (guint i = 0; i < N_SECTIONS; i++)
    sp_project_editor_section_set_year (self->sections[i], year);
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
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->sections[i] != NULL)
      sp_project_editor_section_set_project (self->sections[i], project);
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "notify", G_CALLBACK (on_project_notify_cb), self);
      update_archive_buttons (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}
