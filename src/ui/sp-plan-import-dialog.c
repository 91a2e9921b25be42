/* sp-plan-import-dialog.c: the sections of a plan text, shown before they are read in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing is written until the user answers "import" (the response the
 * owner acts on): the dialog lists each section found, its title and its
 * first words, and says how many there are and which year gets them.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-plan-import-dialog.h"

struct _SpPlanImportDialog
{
  AdwMessageDialog  parent_instance;

  SpPlanImport     *import;
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (SpPlanImportDialog, sp_plan_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The number of words of each section shown. */
#define EXCERPT_WORDS 12

static void
fill_list (SpPlanImportDialog *self)
{
  guint n = sp_plan_import_get_n_sections (self->import);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *excerpt = sp_plan_import_get_excerpt (self->import, i, EXCERPT_WORDS);
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_plan_import_get_section_title (self->import, i));
      adw_action_row_set_subtitle (row, *excerpt != '\0' ? excerpt : _("(no text)"));
      adw_action_row_set_subtitle_lines (row, 2);
      gtk_list_box_append (self->list, GTK_WIDGET (row));
    }
}

static void
sp_plan_import_dialog_dispose (GObject *object)
{
  SpPlanImportDialog *self = SP_PLAN_IMPORT_DIALOG (object);

  g_clear_object (&self->import);

  G_OBJECT_CLASS (sp_plan_import_dialog_parent_class)->dispose (object);
}

static void
sp_plan_import_dialog_class_init (SpPlanImportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sp_plan_import_dialog_dispose;
}

static void
sp_plan_import_dialog_init (SpPlanImportDialog *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sections to read in"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Read In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  gtk_window_set_default_size (GTK_WINDOW (self), 560, -1);
}

/**
 * sp_plan_import_dialog_new:
 * @import: the sections read from the file
 * @file_name: the file's name, for the text
 * @year: the plan year that gets them
 */
GtkWidget *
sp_plan_import_dialog_new (GtkWindow    *parent,
                           SpPlanImport *import,
                           const char   *file_name,
                           int           year)
{
  SpPlanImportDialog *self;
  guint n = sp_plan_import_get_n_sections (import);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (SP_IS_PLAN_IMPORT (import), NULL);

  self = g_object_new (SP_TYPE_PLAN_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE, NULL);
  self->import = g_object_ref (import);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Read In %u Section?", "Read In %u Sections?", n), n);
  /* Translators: %1$s is the document's title, %2$s the file's name, %3$d a year */
  body = g_strdup_printf (_("“%1$s” (%2$s). The sections are added after the plan’s own sections of %3$d; "
                            "Undo takes them all away again."),
                          sp_plan_import_get_title (import), file_name, year);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  fill_list (self);
  return GTK_WIDGET (self);
}

SpPlanImport *
sp_plan_import_dialog_get_import (SpPlanImportDialog *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return self->import;
}

GtkListBox *
sp_plan_import_dialog_get_list (SpPlanImportDialog *self)
{
  g_return_val_if_fail (SP_IS_PLAN_IMPORT_DIALOG (self), NULL);
  return self->list;
}
