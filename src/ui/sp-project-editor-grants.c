/* sp-project-editor-grants.c: the funds granted to a project, per year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of the granted amounts, one row a year (activate a row to change
 * its amount, or remove it), and a small form to set a year's amount. Above
 * the form, what the ledger says is paid to date in the editor's year
 * against the year's grant, with a warning where more is paid than granted.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sp-project-editor-grants.h"

#include "sp-project-grant.h"
#include "sp-project-payout.h"
#include "sp-money.h"
#include "sp-limits.h"

struct _SpProjectEditorGrants
{
  SpProjectEditorSection parent_instance;

  GListModel            *grants;   /* SpProjectGrant: what grants_list shows */

  /* Template widgets */
  GtkListBox            *grants_list;
  GtkLabel              *payout_label;
  GtkWidget             *payout_warning_box;
  GtkLabel              *payout_warning_label;
  GtkSpinButton         *grant_year_spin;
  GtkEntry              *grant_amount_entry;
  GtkLabel              *grant_error_label;
};

G_DEFINE_FINAL_TYPE (SpProjectEditorGrants, sp_project_editor_grants, SP_TYPE_PROJECT_EDITOR_SECTION)

/* ---- Helpers ------------------------------------------------------------ */

/* The grant the row holding @widget shows. */
static SpProjectGrant *
get_grant (SpProjectEditorGrants *self,
           GtkWidget             *widget)
{
  return g_list_model_get_item (self->grants, sp_project_editor_section_row_get_index (widget));
}

/* Paid to date in the editor's year against the year's grant. */
static void
update_payout (SpProjectEditorGrants *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);
  int year = sp_project_editor_section_get_year (section);
  g_autoptr(GError) error = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *granted = NULL;
  g_autofree char *text = NULL;
  SpProjectPayout payout;

  gtk_widget_set_visible (self->payout_warning_box, FALSE);
  if (id == 0 || database == NULL || year <= 0)
    {
      gtk_label_set_text (self->payout_label, "");
      return;
    }
  if (!sp_project_payout_get (database, year, 12, id, &payout, &error))
    {
      gtk_label_set_text (self->payout_label, error->message);
      return;
    }
  paid = sp_money_format (payout.paid, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  granted = sp_money_format (payout.granted, SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_DEFAULT);
  /* Translators: in the project editor: what the ledger says is paid to the project in
   * the year %d so far, against its grant: "Paid to date 2009: 90 000 kr of 100 000 kr granted" */
  text = g_strdup_printf (_("Paid to date %d: %s of %s granted"), year, paid, granted);
  gtk_label_set_text (self->payout_label, text);
  if (sp_project_payout_is_over (&payout))
    {
      g_autofree char *over = sp_money_format (payout.paid - payout.granted, SP_MONEY_UNIT_KR,
                                               SP_MONEY_FORMAT_DEFAULT);
      g_autofree char *warning = NULL;

      /* Translators: a warning in the project editor: %s is how much more is paid than granted */
      warning = g_strdup_printf (_("More is paid than granted for %d: %s over the grant."), year, over);
      gtk_label_set_text (self->payout_warning_label, warning);
      gtk_widget_set_visible (self->payout_warning_box, TRUE);
    }
}

/* ---- Callbacks ---------------------------------------------------------- */

static void
on_grant_remove_clicked_cb (GtkButton             *button,
                            SpProjectEditorGrants *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  g_autoptr(SpProjectGrant) grant = get_grant (self, GTK_WIDGET (button));
  g_autoptr(GError) error = NULL;

  if (grant == NULL || sp_project_editor_section_get_project (section) == NULL)
    return;
  if (!sp_project_clear_grant (sp_project_editor_section_get_database (section),
                               sp_project_editor_section_get_project_id (section),
                               sp_project_grant_get_year (grant), &error))
    sp_project_editor_section_set_label_error (self->grant_error_label, error->message);
}

static void
on_grant_row_activated_cb (AdwActionRow          *row,
                           SpProjectEditorGrants *self)
{
  g_autoptr(SpProjectGrant) grant = get_grant (self, GTK_WIDGET (row));
  g_autofree char *amount = NULL;

  if (grant == NULL)
    return;
  amount = sp_money_format (sp_project_grant_get_amount (grant), SP_MONEY_UNIT_KR, SP_MONEY_FORMAT_NO_UNIT);
  gtk_spin_button_set_value (self->grant_year_spin, sp_project_grant_get_year (grant));
  gtk_editable_set_text (GTK_EDITABLE (self->grant_amount_entry), amount);
  gtk_entry_grab_focus_without_selecting (self->grant_amount_entry);
}

static GtkWidget *
create_grant_row_cb (gpointer item,
                     gpointer user_data)
{
  SpProjectEditorGrants *self = user_data;
  SpProjectGrant *grant = item;
  int year = sp_project_grant_get_year (grant);
  g_autofree char *title = g_strdup_printf ("%d", year);
  g_autofree char *amount = sp_money_format (sp_project_grant_get_amount (grant), SP_MONEY_UNIT_KR,
                                             SP_MONEY_FORMAT_DEFAULT);
  /* Translators: the tooltip of a button; %d is a year */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the granted funds of %d"), year);
  GtkWidget *row = sp_project_editor_section_make_row (title, NULL);
  GtkWidget *label = gtk_label_new (amount);
  GtkWidget *remove = sp_project_editor_section_make_remove_button (tooltip);

  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_grant_remove_clicked_cb), self, 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_grant_row_activated_cb), self, 0);
  return row;
}

static void
on_grant_set_button_clicked_cb (SpProjectEditorGrants *self)
{
  SpProjectEditorSection *section = SP_PROJECT_EDITOR_SECTION (self);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->grant_amount_entry));
  int year = gtk_spin_button_get_value_as_int (self->grant_year_spin);
  SpMoney amount = 0;

  if (sp_project_editor_section_get_project (section) == NULL || database == NULL)
    return;
  if (!sp_money_parse (text, SP_MONEY_UNIT_KR, &amount, &error) ||
      !sp_project_set_grant (database, sp_project_editor_section_get_project_id (section), year, amount, &error))
    {
      sp_project_editor_section_set_label_error (self->grant_error_label, error->message);
      sp_project_editor_section_set_entry_error (GTK_WIDGET (self->grant_amount_entry), error->message);
      return;
    }
  sp_project_editor_section_set_label_error (self->grant_error_label, NULL);
  sp_project_editor_section_set_entry_error (GTK_WIDGET (self->grant_amount_entry), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->grant_amount_entry), "");
}

/* ---- Section ------------------------------------------------------------ */

static void
sp_project_editor_grants_year_changed (SpProjectEditorSection *section)
{
  SpProjectEditorGrants *self = SP_PROJECT_EDITOR_GRANTS (section);
  int year = sp_project_editor_section_get_year (section);

  if (year > 0)
    gtk_spin_button_set_value (self->grant_year_spin, year);
  update_payout (self);
}

static void
sp_project_editor_grants_database_changed (SpProjectEditorSection *section,
                                           const char * const     *tables)
{
  if (g_strv_contains (tables, "actual_month") || g_strv_contains (tables, "project_grant") ||
      g_strv_contains (tables, "account") || g_strv_contains (tables, "project"))
    update_payout (SP_PROJECT_EDITOR_GRANTS (section));
}

static void
sp_project_editor_grants_project_changed (SpProjectEditorSection *section)
{
  SpProjectEditorGrants *self = SP_PROJECT_EDITOR_GRANTS (section);
  SpDatabase *database = sp_project_editor_section_get_database (section);
  gint64 id = sp_project_editor_section_get_project_id (section);

  sp_project_editor_section_set_label_error (self->grant_error_label, NULL);
  g_clear_object (&self->grants);
  if (id != 0 && database != NULL)
    self->grants = G_LIST_MODEL (sp_project_grant_list_new (database, id));
  gtk_list_box_bind_model (self->grants_list, self->grants, self->grants != NULL ? create_grant_row_cb : NULL,
                           self, NULL);
  update_payout (self);
}

/* ---- Object ------------------------------------------------------------- */

static void
sp_project_editor_grants_dispose (GObject *object)
{
  SpProjectEditorGrants *self = SP_PROJECT_EDITOR_GRANTS (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_PROJECT_EDITOR_GRANTS);
  g_clear_object (&self->grants);

  G_OBJECT_CLASS (sp_project_editor_grants_parent_class)->dispose (object);
}

static void
sp_project_editor_grants_class_init (SpProjectEditorGrantsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SpProjectEditorSectionClass *section_class = SP_PROJECT_EDITOR_SECTION_CLASS (klass);

  object_class->dispose = sp_project_editor_grants_dispose;
  section_class->year_changed = sp_project_editor_grants_year_changed;
  section_class->project_changed = sp_project_editor_grants_project_changed;
  section_class->database_changed = sp_project_editor_grants_database_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/samplan/Samplan/sp-project-editor-grants.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, grants_list);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, payout_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, payout_warning_box);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, payout_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, grant_year_spin);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, grant_amount_entry);
  gtk_widget_class_bind_template_child (widget_class, SpProjectEditorGrants, grant_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_grant_set_button_clicked_cb);
}

static void
sp_project_editor_grants_init (SpProjectEditorGrants *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_spin_button_set_range (self->grant_year_spin, SP_YEAR_MIN, SP_YEAR_MAX);
}
