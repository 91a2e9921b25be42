/* sp-project-editor-cofunding.c: the members' co-funding of a project, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of the members' contributions, in money or in kind, one row a
 * member and year (activate a row to change it, or remove it), and a small
 * form to set one.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-cofunding.h"

#include "sp-project-cofunding.h"
#include "sp-member.h"
#include "sp-money.h"
#include "sp-limits.h"

struct _SpProjectEditorCofunding
{
  SpProjectEditorSection parent_instance;

  GArray                *member_ids;   /* gint64: the member dropdown's items */
  GListModel            *cofunding;    /* SpProjectCofunding: what cofunding_list shows */

  /* Template widgets */
  GtkListBox            *cofunding_list;
  GtkDropDown           *cofunding_member_dropdown;
  GtkSpinButton         *cofunding_year_spin;
  GtkEntry              *cofunding_amount_entry;
  GtkCheckButton        *cofunding_in_kind_check;
  GtkLabel              *cofunding_error_label;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorCofunding, sp_project_editor_cofunding, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

static void
rebuild_member_model (SpProjectEditorCofunding *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  g_array_set_size (self->member_ids, 0);
  sp_project_editor_section_list_members (SP_PROJECT_EDITOR_SECTION (self), strings, self->member_ids);
  gtk_drop_down_set_model (self->cofunding_member_dropdown, G_LIST_MODEL (strings));
}

/* The co-funding the row holding @widget shows. */
static SpProjectCofunding *
get_cofunding (SpProjectEditorCofunding *self,
               GtkWidget                *widget)
{
  return g_list_model_get_item (self->cofunding, sp_project_editor_section_row_get_index (widget));
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_cofunding_remove_clicked_cb (GtkButton                *button,
                                SpProjectEditorCofunding *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  g_autoptr(SpProjectCofunding) cofunding = get_cofunding (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (cofunding == NULL || sp_project_editor_section_get_project (section) == NULL)
    return;
  if (!sp_project_clear_cofunding (sp_project_editor_section_get_database (section),
                                   sp_project_editor_section_get_project_id (section),
                                   sp_project_cofunding_get_member_id (cofunding),
                                   sp_project_cofunding_get_year (cofunding),
                                   sp_project_cofunding_get_in_kind (cofunding), &error))
    sp_project_editor_section_set_label_error (self->cofunding_error_label, error->message);
}

static void
on_cofunding_row_activated_cb (AdwActionRow             *row,
                               SpProjectEditorCofunding *self)
{
  g_autoptr(SpProjectCofunding) cofunding = get_cofunding (self, GTK_WIDGET (row));
  g_autofree char *amount = NULL;

  if (cofunding == NULL)
    return;
  amount = sp_money_format (sp_project_cofunding_get_amount (cofunding), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  for (guint i = 0; i < self->member_ids->len; i++)
    if (g_array_index (self->member_ids, gint64, i) == sp_project_cofunding_get_member_id (cofunding))
      {
        gtk_drop_down_set_selected (self->cofunding_member_dropdown, i);
        break;
      }
  gtk_spin_button_set_value (self->cofunding_year_spin, sp_project_cofunding_get_year (cofunding));
  gtk_check_button_set_active (self->cofunding_in_kind_check, sp_project_cofunding_get_in_kind (cofunding));
  gtk_editable_set_text (GTK_EDITABLE (self->cofunding_amount_entry), amount);
  gtk_entry_grab_focus_without_selecting (self->cofunding_amount_entry);
}

static GtkWidget *
create_cofunding_row_cb (gpointer item,
                         gpointer user_data)
{
  SpProjectEditorCofunding *self = user_data;
  SpProjectCofunding *cofunding = item;
  int year = sp_project_cofunding_get_year (cofunding);
  /* Translators: co-funding: the year and the member, e.g. "2009 – Fagersta kommun" */
  g_autofree char *title = g_strdup_printf (_("%d – %s"), year, sp_project_cofunding_get_member_name (cofunding));
  g_autofree char *amount = sp_money_format (sp_project_cofunding_get_amount (cofunding), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_DEFAULT);
  /* Translators: the tooltip of a button; %s is e.g. "2009 – Fagersta kommun" */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the co-funding of %s"), title);
  GtkWidget *row = sp_project_editor_section_make_row (title, sp_project_cofunding_get_in_kind (cofunding)
                                                              ? _("In kind") : _("In money"));
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *remove = sp_project_editor_section_make_remove_button (tooltip);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_cofunding_remove_clicked_cb), self, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_cofunding_row_activated_cb), self, 0);
  return row;
}

static void
on_cofunding_set_button_clicked_cb (SpProjectEditorCofunding *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->cofunding_amount_entry));
  int year = gtk_spin_button_get_value_as_int (self->cofunding_year_spin);
  guint member = gtk_drop_down_get_selected (self->cofunding_member_dropdown);
  SpMoney amount = 0;

  if (sp_project_editor_section_get_project (section) == NULL || database == NULL)
    return;
  if (member == GTK_INVALID_LIST_POSITION || member >= self->member_ids->len)
    {
      sp_project_editor_section_set_label_error (self->cofunding_error_label,
                                                 _("Choose the member that co-funds the project."));
      return;
    }
  if (!sp_money_parse (text, SP_MONEY_UNIT_KR, &amount, &error) ||
      !sp_project_set_cofunding (database, sp_project_editor_section_get_project_id (section),
                                 g_array_index (self->member_ids, gint64, member), year,
                                 gtk_check_button_get_active (self->cofunding_in_kind_check), amount, &error))
    {
      sp_project_editor_section_set_label_error (self->cofunding_error_label, error->message);
      sp_project_editor_section_set_entry_error (GTK_WIDGET (self->cofunding_amount_entry), error->message);
      return;
    }
  sp_project_editor_section_set_label_error (self->cofunding_error_label, NULL);
  sp_project_editor_section_set_entry_error (GTK_WIDGET (self->cofunding_amount_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->cofunding_amount_entry), "");
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_cofunding_database_set (SpProjectEditorSection *section)
{
  rebuild_member_model (SP_PROJECT_EDITOR_COFUNDING (section));
}

static void
sp_project_editor_cofunding_year_changed (SpProjectEditorSection *section)
{
  SpProjectEditorCofunding *self = SP_PROJECT_EDITOR_COFUNDING (section);
  int year = sp_project_editor_section_get_year (section);

  if (year > 0)
    gtk_spin_button_set_value (self->cofunding_year_spin, year);
}

static void
sp_project_editor_cofunding_project_changed (SpProjectEditorSection *section)
{
  SpProjectEditorCofunding *self = SP_PROJECT_EDITOR_COFUNDING (section);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);

  sp_project_editor_section_set_label_error (self->cofunding_error_label, NULL);
  g_clear_object (&self->cofunding);
  if (id != 0 && database != NULL)
    self->cofunding = G_LIST_MODEL (sp_project_cofunding_list_new (database, id));
  gtk_list_box_bind_model (self->cofunding_list, self->cofunding,
                           self->cofunding != NULL ? create_cofunding_row_cb : NULL, self, NULL);
}

static void
sp_project_editor_cofunding_database_changed (SpProjectEditorSection *section,
                                              const char * const     *tables)
{
  if (g_strv_contains (tables, "member"))
    rebuild_member_model (SP_PROJECT_EDITOR_COFUNDING (section));
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_cofunding_dispose (GObject *object)
{
  SpProjectEditorCofunding *self = SP_PROJECT_EDITOR_COFUNDING (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_COFUNDING);
  g_clear_object (&self->cofunding);

  G_OBJECT_CLASS (sp_project_editor_cofunding_parent_class)->dispose (object);
}

static void
sp_project_editor_cofunding_finalize (GObject *object)
{
  SpProjectEditorCofunding *self = SP_PROJECT_EDITOR_COFUNDING (object);

  g_clear_pointer (&self->member_ids, g_array_unref);

  G_OBJECT_CLASS (sp_project_editor_cofunding_parent_class)->finalize (object);
}

static void
sp_project_editor_cofunding_class_init (SpProjectEditorCofundingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_cofunding_dispose;
  object_class->finalize = sp_project_editor_cofunding_finalize;
  section_class->database_set = sp_project_editor_cofunding_database_set;
  section_class->year_changed = sp_project_editor_cofunding_year_changed;
  section_class->project_changed = sp_project_editor_cofunding_project_changed;
  section_class->database_changed = sp_project_editor_cofunding_database_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-cofunding.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_list);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_member_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_amount_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_in_kind_check);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorCofunding, cofunding_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_cofunding_set_button_clicked_cb);
}

static void
sp_project_editor_cofunding_init (SpProjectEditorCofunding *self)
{
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->cofunding_year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
  rebuild_member_model (self);
}
